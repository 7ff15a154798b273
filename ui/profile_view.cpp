#include "ui/profile_view.h"

#include "core/client/api_client.h"
#include "ui/error_text.h"
#include "ui/form_validation.h"

#include <QFormLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QStyle>
#include <QVBoxLayout>

namespace vms::ui {

namespace {

QLabel *valueLabel(const QString &objectName, QWidget *parent)
{
    auto *label = new QLabel(parent);
    label->setObjectName(objectName);
    label->setTextInteractionFlags(Qt::TextSelectableByMouse);
    label->setWordWrap(true);
    label->setText(QStringLiteral("—"));
    return label;
}

QLineEdit *passwordEdit(const QString &objectName, QWidget *parent)
{
    auto *edit = new QLineEdit(parent);
    edit->setObjectName(objectName);
    edit->setEchoMode(QLineEdit::Password);
    edit->setMaxLength(kMaxPasswordLength);
    return edit;
}

QLabel *statusLabel(const QString &objectName, QWidget *parent)
{
    auto *label = new QLabel(parent);
    label->setObjectName(objectName);
    label->setWordWrap(true);
    label->hide();
    return label;
}

} // namespace

ProfileView::ProfileView(client::ApiClient *client, QWidget *parent)
    : QWidget(parent)
    , m_client(client)
{
    setObjectName(QStringLiteral("profileView"));

    // Account facts.
    auto *accountBox = new QGroupBox(tr("Account"), this);
    m_emailValue = valueLabel(QStringLiteral("emailValue"), accountBox);
    m_organizationValue = valueLabel(QStringLiteral("organizationValue"), accountBox);
    m_roleValue = valueLabel(QStringLiteral("roleValue"), accountBox);
    m_groupsValue = valueLabel(QStringLiteral("groupsValue"), accountBox);
    m_permissionsValue = valueLabel(QStringLiteral("permissionsValue"), accountBox);
    m_loadStatus = statusLabel(QStringLiteral("loadStatusLabel"), accountBox);
    m_reloadButton = new QPushButton(style()->standardIcon(QStyle::SP_BrowserReload), tr("Reload"),
                                     accountBox);
    m_reloadButton->setObjectName(QStringLiteral("reloadProfileButton"));
    connect(m_reloadButton, &QPushButton::clicked, this, &ProfileView::reload);
    auto *accountForm = new QFormLayout;
    accountForm->addRow(tr("Email:"), m_emailValue);
    accountForm->addRow(tr("Organization:"), m_organizationValue);
    accountForm->addRow(tr("Role:"), m_roleValue);
    accountForm->addRow(tr("Groups:"), m_groupsValue);
    accountForm->addRow(tr("Permissions:"), m_permissionsValue);
    auto *accountRow = new QHBoxLayout;
    accountRow->addWidget(m_loadStatus, 1);
    accountRow->addStretch();
    accountRow->addWidget(m_reloadButton);
    auto *accountLayout = new QVBoxLayout(accountBox);
    accountLayout->addLayout(accountForm);
    accountLayout->addLayout(accountRow);

    // Name.
    auto *nameBox = new QGroupBox(tr("Name"), this);
    m_firstNameEdit = new QLineEdit(nameBox);
    m_firstNameEdit->setObjectName(QStringLiteral("firstNameEdit"));
    m_firstNameEdit->setMaxLength(kMaxNameLength);
    m_lastNameEdit = new QLineEdit(nameBox);
    m_lastNameEdit->setObjectName(QStringLiteral("lastNameEdit"));
    m_lastNameEdit->setMaxLength(kMaxNameLength);
    m_saveNameButton = new QPushButton(tr("Save name"), nameBox);
    m_saveNameButton->setObjectName(QStringLiteral("saveNameButton"));
    m_nameStatus = statusLabel(QStringLiteral("nameStatusLabel"), nameBox);
    connect(m_saveNameButton, &QPushButton::clicked, this, &ProfileView::saveName);
    connect(m_firstNameEdit, &QLineEdit::returnPressed, this, &ProfileView::saveName);
    connect(m_lastNameEdit, &QLineEdit::returnPressed, this, &ProfileView::saveName);
    auto *nameForm = new QFormLayout;
    nameForm->addRow(tr("First name:"), m_firstNameEdit);
    nameForm->addRow(tr("Last name:"), m_lastNameEdit);
    auto *nameRow = new QHBoxLayout;
    nameRow->addWidget(m_nameStatus, 1);
    nameRow->addStretch();
    nameRow->addWidget(m_saveNameButton);
    auto *nameLayout = new QVBoxLayout(nameBox);
    nameLayout->addLayout(nameForm);
    nameLayout->addLayout(nameRow);

    // Password.
    auto *passwordBox = new QGroupBox(tr("Password"), this);
    m_currentPasswordEdit = passwordEdit(QStringLiteral("currentPasswordEdit"), passwordBox);
    m_newPasswordEdit = passwordEdit(QStringLiteral("newPasswordEdit"), passwordBox);
    m_newPasswordEdit->setPlaceholderText(
            tr("At least %n characters", nullptr, kMinPasswordLength));
    m_confirmPasswordEdit = passwordEdit(QStringLiteral("confirmPasswordEdit"), passwordBox);
    m_changePasswordButton = new QPushButton(tr("Change password"), passwordBox);
    m_changePasswordButton->setObjectName(QStringLiteral("changePasswordButton"));
    m_passwordStatus = statusLabel(QStringLiteral("passwordStatusLabel"), passwordBox);
    connect(m_changePasswordButton, &QPushButton::clicked, this, &ProfileView::changePassword);
    connect(m_confirmPasswordEdit, &QLineEdit::returnPressed, this, &ProfileView::changePassword);
    auto *passwordForm = new QFormLayout;
    passwordForm->addRow(tr("Current password:"), m_currentPasswordEdit);
    passwordForm->addRow(tr("New password:"), m_newPasswordEdit);
    passwordForm->addRow(tr("Repeat new password:"), m_confirmPasswordEdit);
    auto *passwordRow = new QHBoxLayout;
    passwordRow->addWidget(m_passwordStatus, 1);
    passwordRow->addStretch();
    passwordRow->addWidget(m_changePasswordButton);
    auto *passwordLayout = new QVBoxLayout(passwordBox);
    passwordLayout->addLayout(passwordForm);
    passwordLayout->addLayout(passwordRow);

    for (QLineEdit *edit : {m_firstNameEdit, m_lastNameEdit, m_currentPasswordEdit,
                            m_newPasswordEdit, m_confirmPasswordEdit})
        connect(edit, &QLineEdit::textChanged, this, &ProfileView::updateButtons);

    // A readable column rather than fields stretched across a wide window.
    auto *column = new QWidget(this);
    column->setMaximumWidth(620);
    auto *columnLayout = new QVBoxLayout(column);
    columnLayout->setContentsMargins(0, 0, 0, 0);
    columnLayout->addWidget(accountBox);
    columnLayout->addWidget(nameBox);
    columnLayout->addWidget(passwordBox);
    columnLayout->addStretch(1);

    auto *layout = new QHBoxLayout(this);
    layout->setContentsMargins(12, 12, 12, 12);
    layout->addWidget(column, 1);
    layout->addStretch(0);

    updateButtons();
}

void ProfileView::reload()
{
    if (m_isLoading)
        return;
    m_isLoading = true;
    setStatus(m_loadStatus, tr("Loading the profile…"), Tone::Neutral);
    updateButtons();
    m_client->currentUser().then(this, [this](const Result<client::CurrentUser> &user) {
        m_isLoading = false;
        if (user) {
            setStatus(m_loadStatus, {}, Tone::Neutral);
            showUser(*user);
            emit userLoaded(*user);
        } else {
            setStatus(m_loadStatus,
                      tr("Could not load the profile: %1").arg(ErrorText::describe(user.error())),
                      Tone::Error);
        }
        updateButtons();
    });
}

void ProfileView::showUser(const client::CurrentUser &user)
{
    m_user = user;
    m_emailValue->setText(user.email);
    m_organizationValue->setText(user.organizationName.isEmpty()
                                         ? tr("Organization %1").arg(user.organizationId)
                                         : user.organizationName);
    m_roleValue->setText(user.isSuperuser ? tr("Superuser (role %1)").arg(user.roleId)
                                          : tr("Role %1").arg(user.roleId));
    QStringList groups;
    for (const client::GroupRef &group : user.groups)
        groups.append(group.name);
    m_groupsValue->setText(groups.isEmpty() ? tr("None") : groups.join(QStringLiteral(", ")));
    m_permissionsValue->setText(tr("%1 granted").arg(user.permissions.size()));
    m_firstNameEdit->setText(user.firstName);
    m_lastNameEdit->setText(user.lastName);
}

void ProfileView::saveName()
{
    if (!m_saveNameButton->isEnabled())
        return;
    const QString first = m_firstNameEdit->text().trimmed();
    const QString last = m_lastNameEdit->text().trimmed();
    switch (checkNameInput(first, last)) {
    case NameInputIssue::FirstNameTooLong:
        setStatus(m_nameStatus,
                  tr("The first name is longer than %1 characters.").arg(kMaxNameLength),
                  Tone::Error);
        return;
    case NameInputIssue::LastNameTooLong:
        setStatus(m_nameStatus,
                  tr("The last name is longer than %1 characters.").arg(kMaxNameLength),
                  Tone::Error);
        return;
    case NameInputIssue::None:
        break;
    }
    m_isSavingName = true;
    setStatus(m_nameStatus, tr("Saving…"), Tone::Neutral);
    updateButtons();
    m_client->updateCurrentUser(first, last).then(this, [this](const Result<client::User> &saved) {
        m_isSavingName = false;
        if (saved) {
            if (m_user) {
                // PUT answers a User; the permissions of the CurrentUser stay as they were.
                client::CurrentUser updated = *m_user;
                static_cast<client::User &>(updated) = *saved;
                showUser(updated);
                emit userLoaded(updated);
            }
            setStatus(m_nameStatus, tr("The name is saved."), Tone::Success);
        } else {
            setStatus(m_nameStatus, ErrorText::describe(saved.error()), Tone::Error);
        }
        updateButtons();
    });
}

void ProfileView::changePassword()
{
    if (!m_changePasswordButton->isEnabled())
        return;
    const QString current = m_currentPasswordEdit->text();
    const QString next = m_newPasswordEdit->text();
    switch (checkPasswordChange(current, next, m_confirmPasswordEdit->text())) {
    case PasswordChangeIssue::EmptyCurrent:
        setStatus(m_passwordStatus, tr("Enter your current password."), Tone::Error);
        return;
    case PasswordChangeIssue::TooShort:
        setStatus(m_passwordStatus,
                  tr("The new password must have at least %n characters.", nullptr,
                     kMinPasswordLength),
                  Tone::Error);
        return;
    case PasswordChangeIssue::TooLong:
        setStatus(m_passwordStatus,
                  tr("The new password must have at most %n characters.", nullptr,
                     kMaxPasswordLength),
                  Tone::Error);
        return;
    case PasswordChangeIssue::Mismatch:
        setStatus(m_passwordStatus, tr("The repeated password does not match."), Tone::Error);
        return;
    case PasswordChangeIssue::SameAsCurrent:
        setStatus(m_passwordStatus, tr("The new password is the same as the current one."),
                  Tone::Error);
        return;
    case PasswordChangeIssue::None:
        break;
    }
    m_isChangingPassword = true;
    setStatus(m_passwordStatus, tr("Changing the password…"), Tone::Neutral);
    updateButtons();
    m_client->changePassword(current, next).then(this, [this](const Result<client::User> &saved) {
        m_isChangingPassword = false;
        if (saved) {
            m_currentPasswordEdit->clear();
            m_newPasswordEdit->clear();
            m_confirmPasswordEdit->clear();
            setStatus(m_passwordStatus, tr("The password is changed."), Tone::Success);
        } else {
            setStatus(m_passwordStatus, ErrorText::describe(saved.error()), Tone::Error);
        }
        updateButtons();
    });
}

void ProfileView::updateButtons()
{
    m_reloadButton->setEnabled(!m_isLoading);
    m_saveNameButton->setEnabled(m_user.has_value() && !m_isLoading && !m_isSavingName);
    m_changePasswordButton->setEnabled(
            !m_isChangingPassword && !m_currentPasswordEdit->text().isEmpty()
            && !m_newPasswordEdit->text().isEmpty() && !m_confirmPasswordEdit->text().isEmpty());
}

void ProfileView::setStatus(QLabel *label, const QString &text, Tone tone)
{
    switch (tone) {
    case Tone::Neutral:
        label->setStyleSheet({});
        break;
    case Tone::Success:
        label->setStyleSheet(QStringLiteral("QLabel { color: #1b7a2e; }"));
        break;
    case Tone::Error:
        label->setStyleSheet(QStringLiteral("QLabel { color: #b00020; }"));
        break;
    }
    label->setText(text);
    label->setVisible(!text.isEmpty());
}

} // namespace vms::ui
