#pragma once

#include "core/client/dto.h"

#include <QWidget>

#include <optional>

class QLabel;
class QLineEdit;
class QPushButton;

namespace vms::client {
class ApiClient;
}

namespace vms::ui {

/**
 * The signed-in user's own profile: account facts (GET /users/me), first and last name
 * (PUT /users/me) and the password (PUT /users/me/password).
 */
class ProfileView : public QWidget
{
    Q_OBJECT

public:
    explicit ProfileView(client::ApiClient *client, QWidget *parent = nullptr);

    /** Fetches the profile again; the form shows the result. */
    void reload();
    /** The profile as last loaded or saved. */
    const std::optional<client::CurrentUser> &user() const { return m_user; }

signals:
    void userLoaded(const vms::client::CurrentUser &user);

private:
    enum class Tone { Neutral, Success, Error };

    void showUser(const client::CurrentUser &user);
    void saveName();
    void changePassword();
    void updateButtons();
    static void setStatus(QLabel *label, const QString &text, Tone tone);

    client::ApiClient *m_client;
    std::optional<client::CurrentUser> m_user;
    bool m_isLoading = false;
    bool m_isSavingName = false;
    bool m_isChangingPassword = false;

    QLabel *m_loadStatus = nullptr;
    QPushButton *m_reloadButton = nullptr;
    QLabel *m_emailValue = nullptr;
    QLabel *m_organizationValue = nullptr;
    QLabel *m_roleValue = nullptr;
    QLabel *m_groupsValue = nullptr;
    QLabel *m_permissionsValue = nullptr;

    QLineEdit *m_firstNameEdit = nullptr;
    QLineEdit *m_lastNameEdit = nullptr;
    QPushButton *m_saveNameButton = nullptr;
    QLabel *m_nameStatus = nullptr;

    QLineEdit *m_currentPasswordEdit = nullptr;
    QLineEdit *m_newPasswordEdit = nullptr;
    QLineEdit *m_confirmPasswordEdit = nullptr;
    QPushButton *m_changePasswordButton = nullptr;
    QLabel *m_passwordStatus = nullptr;
};

} // namespace vms::ui
