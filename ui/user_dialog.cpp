#include "ui/user_dialog.h"

#include "ui/form_validation.h"

#include <QComboBox>
#include <QCoreApplication>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>

namespace vms::ui {

namespace {

QLineEdit *passwordEdit(const QString &objectName, QWidget *parent)
{
    auto *edit = new QLineEdit(parent);
    edit->setObjectName(objectName);
    edit->setEchoMode(QLineEdit::Password);
    edit->setMaxLength(kMaxPasswordLength);
    return edit;
}

std::optional<qint64> comboId(const QComboBox *combo)
{
    const QVariant data = combo->currentData();
    if (!data.isValid() || data.isNull())
        return std::nullopt;
    return data.toLongLong();
}

} // namespace

QString describeUserFormIssue(UserFormIssue issue)
{
    switch (issue) {
    case UserFormIssue::None:
        return {};
    case UserFormIssue::FirstNameTooLong:
        return UserDialog::tr("The first name is longer than %n characters.", nullptr,
                              kMaxNameLength);
    case UserFormIssue::LastNameTooLong:
        return UserDialog::tr("The last name is longer than %n characters.", nullptr,
                              kMaxNameLength);
    case UserFormIssue::EmptyEmail:
        return UserDialog::tr("Enter the e-mail address; the user signs in with it.");
    case UserFormIssue::InvalidEmail:
        return UserDialog::tr("The e-mail address does not look valid.");
    case UserFormIssue::NoRole:
        return UserDialog::tr("Choose a role.");
    case UserFormIssue::NoGroup:
        return UserDialog::tr("Choose a group: every new user belongs to one group.");
    case UserFormIssue::PasswordTooShort:
        return UserDialog::tr("The password must have at least %n characters.", nullptr,
                              kMinPasswordLength);
    case UserFormIssue::PasswordTooLong:
        return UserDialog::tr("The password must have at most %n characters.", nullptr,
                              kMaxPasswordLength);
    case UserFormIssue::PasswordMismatch:
        return UserDialog::tr("The repeated password does not match.");
    }
    return {};
}

UserDialog::UserDialog(Mode mode, const QList<client::Role> &roles,
                       const QList<client::Group> &groups, QWidget *parent)
    : FormDialog(parent)
    , m_mode(mode)
{
    setObjectName(QStringLiteral("userDialog"));
    setWindowTitle(mode == Mode::Create ? tr("New user") : tr("Edit user"));
    setOkText(mode == Mode::Create ? tr("Create user") : tr("Save"));

    m_firstNameEdit = new QLineEdit(this);
    m_firstNameEdit->setObjectName(QStringLiteral("firstNameEdit"));
    m_firstNameEdit->setMaxLength(kMaxNameLength);
    m_lastNameEdit = new QLineEdit(this);
    m_lastNameEdit->setObjectName(QStringLiteral("lastNameEdit"));
    m_lastNameEdit->setMaxLength(kMaxNameLength);
    m_emailEdit = new QLineEdit(this);
    m_emailEdit->setObjectName(QStringLiteral("emailEdit"));
    m_emailEdit->setPlaceholderText(tr("name@example.com"));

    m_roleCombo = new QComboBox(this);
    m_roleCombo->setObjectName(QStringLiteral("roleCombo"));
    m_roleCombo->addItem(tr("Choose a role…"), QVariant());
    for (const client::Role &role : roles)
        m_roleCombo->addItem(role.name, role.id);

    m_groupCombo = new QComboBox(this);
    m_groupCombo->setObjectName(QStringLiteral("groupCombo"));
    m_groupCombo->addItem(mode == Mode::Create ? tr("Choose a group…") : tr("No group"),
                          QVariant());
    for (const client::Group &group : groups)
        m_groupCombo->addItem(group.name, group.id);

    formLayout()->addRow(tr("First name:"), m_firstNameEdit);
    formLayout()->addRow(tr("Last name:"), m_lastNameEdit);
    formLayout()->addRow(tr("E-mail:"), m_emailEdit);
    formLayout()->addRow(tr("Role:"), m_roleCombo);
    formLayout()->addRow(tr("Group:"), m_groupCombo);
    if (mode == Mode::Create) {
        m_passwordEdit = passwordEdit(QStringLiteral("passwordEdit"), this);
        m_passwordEdit->setPlaceholderText(
                tr("At least %n characters", nullptr, kMinPasswordLength));
        m_confirmEdit = passwordEdit(QStringLiteral("confirmPasswordEdit"), this);
        formLayout()->addRow(tr("Password:"), m_passwordEdit);
        formLayout()->addRow(tr("Repeat password:"), m_confirmEdit);
    }
    if (groups.isEmpty() && mode == Mode::Create)
        m_groupCombo->setToolTip(tr("There are no groups yet: create one on the Groups tab."));
}

void UserDialog::setUser(const client::User &user)
{
    m_base = client::UserInput::from(user);
    m_firstNameEdit->setText(user.firstName);
    m_lastNameEdit->setText(user.lastName);
    m_emailEdit->setText(user.email);
    const int role = m_roleCombo->findData(user.roleId);
    if (role >= 0) {
        m_roleCombo->setCurrentIndex(role);
    } else {
        // A role the caller cannot list still shows, so that saving does not change it.
        m_roleCombo->addItem(tr("Role %1").arg(user.roleId), user.roleId);
        m_roleCombo->setCurrentIndex(m_roleCombo->count() - 1);
    }
    if (!user.groups.isEmpty()) {
        const client::GroupRef &group = user.groups.constFirst();
        int index = m_groupCombo->findData(group.id);
        if (index < 0) {
            m_groupCombo->addItem(group.name, group.id);
            index = m_groupCombo->count() - 1;
        }
        m_groupCombo->setCurrentIndex(index);
    }
}

UserForm UserDialog::form() const
{
    UserForm form;
    form.firstName = m_firstNameEdit->text().trimmed();
    form.lastName = m_lastNameEdit->text().trimmed();
    form.email = m_emailEdit->text().trimmed();
    if (m_passwordEdit) {
        form.password = m_passwordEdit->text();
        form.confirmation = m_confirmEdit->text();
    }
    form.roleId = comboId(m_roleCombo);
    form.groupId = comboId(m_groupCombo);
    return form;
}

client::UserInput UserDialog::input() const
{
    const UserForm values = form();
    client::UserInput input = m_base;
    input.firstName = values.firstName;
    input.lastName = values.lastName;
    input.email = values.email;
    input.roleId = values.roleId.value_or(0);
    input.groupId = values.groupId;
    input.password = m_mode == Mode::Create ? values.password : QString();
    return input;
}

bool UserDialog::validate()
{
    const UserFormIssue issue = checkUserForm(form(), m_mode == Mode::Create);
    if (issue == UserFormIssue::None)
        return true;
    showError(describeUserFormIssue(issue));
    return false;
}

PasswordDialog::PasswordDialog(const QString &userName, QWidget *parent)
    : FormDialog(parent)
{
    setObjectName(QStringLiteral("passwordDialog"));
    setWindowTitle(tr("Reset password"));
    setOkText(tr("Set password"));
    auto *intro = new QLabel(tr("Set a new password for %1. Their other sessions end, and they "
                                "sign in with the new password from now on.")
                                     .arg(userName),
                             this);
    intro->setWordWrap(true);
    mainLayout()->insertWidget(0, intro);
    m_passwordEdit = passwordEdit(QStringLiteral("newPasswordEdit"), this);
    m_passwordEdit->setPlaceholderText(tr("At least %n characters", nullptr, kMinPasswordLength));
    m_confirmEdit = passwordEdit(QStringLiteral("confirmPasswordEdit"), this);
    formLayout()->addRow(tr("New password:"), m_passwordEdit);
    formLayout()->addRow(tr("Repeat password:"), m_confirmEdit);
}

QString PasswordDialog::password() const
{
    return m_passwordEdit->text();
}

bool PasswordDialog::validate()
{
    switch (checkNewPassword(m_passwordEdit->text(), m_confirmEdit->text())) {
    case NewPasswordIssue::TooShort:
        showError(describeUserFormIssue(UserFormIssue::PasswordTooShort));
        return false;
    case NewPasswordIssue::TooLong:
        showError(describeUserFormIssue(UserFormIssue::PasswordTooLong));
        return false;
    case NewPasswordIssue::Mismatch:
        showError(describeUserFormIssue(UserFormIssue::PasswordMismatch));
        return false;
    case NewPasswordIssue::None:
        break;
    }
    return true;
}

} // namespace vms::ui
