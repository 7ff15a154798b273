#include "ui/form_dialog.h"

#include "ui/status_label.h"

#include <QDialogButtonBox>
#include <QFormLayout>
#include <QPushButton>
#include <QVBoxLayout>

namespace vms::ui {

FormDialog::FormDialog(QWidget *parent)
    : QDialog(parent)
{
    m_form = new QFormLayout;
    m_form->setFieldGrowthPolicy(QFormLayout::AllNonFixedFieldsGrow);
    m_form->setRowWrapPolicy(QFormLayout::DontWrapRows);
    m_error = new StatusLabel(this);
    m_error->setObjectName(QStringLiteral("dialogErrorLabel"));
    m_buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    m_buttons->button(QDialogButtonBox::Ok)->setObjectName(QStringLiteral("okButton"));
    m_buttons->button(QDialogButtonBox::Cancel)->setObjectName(QStringLiteral("cancelButton"));
    // OK must not close the dialog by itself: it closes when the server agreed.
    connect(m_buttons, &QDialogButtonBox::accepted, this, &FormDialog::submit);
    connect(m_buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);

    m_layout = new QVBoxLayout(this);
    m_layout->addLayout(m_form);
    m_layout->addWidget(m_error);
    m_layout->addStretch(1);
    m_layout->addWidget(m_buttons);
    setMinimumWidth(420);
}

QPushButton *FormDialog::okButton() const
{
    return m_buttons->button(QDialogButtonBox::Ok);
}

void FormDialog::setOkText(const QString &text)
{
    okButton()->setText(text);
}

QString FormDialog::errorText() const
{
    return m_error->text();
}

void FormDialog::showError(const QString &text)
{
    setBusy(false);
    m_error->showError(text);
}

void FormDialog::setBusy(bool isBusy)
{
    m_isBusy = isBusy;
    for (int row = 0; row < m_form->rowCount(); ++row) {
        if (QLayoutItem *field = m_form->itemAt(row, QFormLayout::FieldRole)) {
            if (QWidget *widget = field->widget())
                widget->setEnabled(!isBusy);
        }
    }
    if (isBusy)
        m_error->showMessage(tr("Saving…"));
    updateOk();
}

void FormDialog::setComplete(bool isComplete)
{
    m_isComplete = isComplete;
    updateOk();
}

void FormDialog::updateOk()
{
    okButton()->setEnabled(!m_isBusy && m_isComplete);
}

void FormDialog::submit()
{
    if (m_isBusy)
        return;
    m_error->clearMessage();
    if (!validate())
        return;
    setBusy(true);
    emit submitted();
}

} // namespace vms::ui
