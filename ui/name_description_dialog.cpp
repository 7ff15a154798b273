#include "ui/name_description_dialog.h"

#include "ui/editor_validation.h"

#include <QFontMetrics>
#include <QFormLayout>
#include <QLineEdit>
#include <QPlainTextEdit>

namespace vms::ui {

NameDescriptionDialog::NameDescriptionDialog(const QString &title, int maxNameLength,
                                             QWidget *parent)
    : FormDialog(parent)
    , m_maxNameLength(maxNameLength)
{
    setObjectName(QStringLiteral("nameDescriptionDialog"));
    setWindowTitle(title);
    m_nameEdit = new QLineEdit(this);
    m_nameEdit->setObjectName(QStringLiteral("nameEdit"));
    m_nameEdit->setMaxLength(maxNameLength);
    m_descriptionEdit = new QPlainTextEdit(this);
    m_descriptionEdit->setObjectName(QStringLiteral("descriptionEdit"));
    m_descriptionEdit->setTabChangesFocus(true);
    m_descriptionEdit->setPlaceholderText(tr("Optional"));
    m_descriptionEdit->setFixedHeight(QFontMetrics(font()).lineSpacing() * 4 + 12);
    formLayout()->addRow(tr("Name:"), m_nameEdit);
    formLayout()->addRow(tr("Description:"), m_descriptionEdit);
    connect(m_nameEdit, &QLineEdit::textChanged, this,
            [this](const QString &text) { setComplete(!text.trimmed().isEmpty()); });
    setComplete(false);
}

void NameDescriptionDialog::setValues(const QString &name, const QString &description)
{
    m_nameEdit->setText(name);
    m_descriptionEdit->setPlainText(description);
}

void NameDescriptionDialog::setNameReadOnly(bool isReadOnly)
{
    m_nameEdit->setReadOnly(isReadOnly);
    m_nameEdit->setToolTip(isReadOnly ? tr("Built-in: the name cannot change.") : QString());
}

QString NameDescriptionDialog::name() const
{
    return m_nameEdit->text().trimmed();
}

QString NameDescriptionDialog::description() const
{
    return m_descriptionEdit->toPlainText().trimmed();
}

bool NameDescriptionDialog::validate()
{
    switch (checkName(name(), m_maxNameLength)) {
    case NameIssue::Empty:
        showError(tr("Enter a name."));
        return false;
    case NameIssue::TooLong:
        showError(tr("The name is longer than %n characters.", nullptr, m_maxNameLength));
        return false;
    case NameIssue::None:
        break;
    }
    if (description().size() > kMaxDescriptionLength) {
        showError(tr("The description is longer than %n characters.", nullptr,
                     kMaxDescriptionLength));
        return false;
    }
    return true;
}

} // namespace vms::ui
