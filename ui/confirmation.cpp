#include "ui/confirmation.h"

#include <QMessageBox>
#include <QPushButton>

namespace vms::ui {

void askConfirmation(QWidget *parent, const QString &title, const QString &text,
                     const QString &confirmText, std::function<void()> onConfirmed)
{
    auto *box = new QMessageBox(QMessageBox::Warning, title, text, QMessageBox::NoButton, parent);
    box->setObjectName(QStringLiteral("confirmationBox"));
    box->setAttribute(Qt::WA_DeleteOnClose);
    QPushButton *confirm = box->addButton(confirmText, QMessageBox::DestructiveRole);
    confirm->setObjectName(QStringLiteral("confirmButton"));
    QPushButton *cancel = box->addButton(QMessageBox::Cancel);
    box->setDefaultButton(cancel);
    QObject::connect(confirm, &QPushButton::clicked, parent,
                     [onConfirmed = std::move(onConfirmed)] { onConfirmed(); });
    box->open();
}

} // namespace vms::ui
