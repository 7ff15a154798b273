#pragma once

#include "core/client/organization_dto.h"
#include "ui/editor_validation.h"
#include "ui/form_dialog.h"

class QComboBox;
class QLineEdit;

namespace vms::ui {

/**
 * Creates a user (names, e-mail, role, one group, password) or edits one (the same without the
 * password; "no group" is allowed then). input() is the request body to send.
 */
class UserDialog : public FormDialog
{
    Q_OBJECT

public:
    enum class Mode { Create, Edit };

    UserDialog(Mode mode, const QList<client::Role> &roles, const QList<client::Group> &groups,
               QWidget *parent = nullptr);

    /** Fills the form from @p user; input() keeps what the form does not show (the avatar). */
    void setUser(const client::User &user);

    Mode mode() const { return m_mode; }
    UserForm form() const;
    client::UserInput input() const;

protected:
    bool validate() override;

private:
    Mode m_mode;
    client::UserInput m_base;
    QLineEdit *m_firstNameEdit = nullptr;
    QLineEdit *m_lastNameEdit = nullptr;
    QLineEdit *m_emailEdit = nullptr;
    QComboBox *m_roleCombo = nullptr;
    QComboBox *m_groupCombo = nullptr;
    QLineEdit *m_passwordEdit = nullptr;
    QLineEdit *m_confirmEdit = nullptr;
};

/** Sets a new password for another user (PUT /users/{id} with password). */
class PasswordDialog : public FormDialog
{
    Q_OBJECT

public:
    PasswordDialog(const QString &userName, QWidget *parent = nullptr);

    QString password() const;

protected:
    bool validate() override;

private:
    QLineEdit *m_passwordEdit = nullptr;
    QLineEdit *m_confirmEdit = nullptr;
};

/** The sentence for a user-form problem (shared by the dialogs and the tests). */
QString describeUserFormIssue(UserFormIssue issue);

} // namespace vms::ui
