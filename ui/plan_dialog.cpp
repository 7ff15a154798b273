#include "ui/plan_dialog.h"

#include "ui/editor_validation.h"

#include <QFileInfo>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>

namespace vms::ui {

PlanDialog::PlanDialog(const QString &title, const QString &placeName, QWidget *parent)
    : FormDialog(parent)
{
    setObjectName(QStringLiteral("planDialog"));
    setWindowTitle(title);
    m_nameEdit = new QLineEdit(this);
    m_nameEdit->setObjectName(QStringLiteral("planNameEdit"));
    m_nameEdit->setMaxLength(kMaxPlaceNameLength);
    m_nameEdit->setPlaceholderText(tr("e.g. Ground floor"));
    auto *placeLabel = new QLabel(placeName, this);
    placeLabel->setObjectName(QStringLiteral("planPlaceLabel"));
    formLayout()->addRow(tr("Place:"), placeLabel);
    formLayout()->addRow(tr("Name:"), m_nameEdit);
    connect(m_nameEdit, &QLineEdit::textChanged, this,
            [this](const QString &text) { setComplete(!text.trimmed().isEmpty()); });
    setComplete(false);
}

void PlanDialog::setImageFile(const QString &path)
{
    auto *imageLabel = new QLabel(QFileInfo(path).fileName(), this);
    imageLabel->setObjectName(QStringLiteral("planImageLabel"));
    imageLabel->setToolTip(path);
    formLayout()->addRow(tr("Image:"), imageLabel);
}

void PlanDialog::setName(const QString &name)
{
    m_nameEdit->setText(name);
}

QString PlanDialog::name() const
{
    return m_nameEdit->text().trimmed();
}

bool PlanDialog::validate()
{
    switch (checkName(m_nameEdit->text(), kMaxPlaceNameLength)) {
    case NameIssue::Empty:
        showError(tr("Enter the name of the plan."));
        return false;
    case NameIssue::TooLong:
        showError(tr("The name is longer than %n characters.", nullptr, kMaxPlaceNameLength));
        return false;
    case NameIssue::None:
        break;
    }
    return true;
}

} // namespace vms::ui
