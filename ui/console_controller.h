#pragma once

#include <QObject>
#include <QPointer>
#include <QString>

namespace vms::client {
class ApiClient;
}

namespace vms::ui {

class LoginDialog;
class MainWindow;

/** What the sign-in dialog starts with. */
struct LoginDefaults
{
    QString login;
    /** Filled in only for a password the server generated on its first start. */
    QString generatedPassword;
};

/**
 * The console's session flow: sign-in dialog → main window → (log out or expired session) →
 * sign-in dialog again, until the user quits. The application object itself is not touched;
 * finished() tells the composition root to quit.
 */
class ConsoleController : public QObject
{
    Q_OBJECT

public:
    ConsoleController(client::ApiClient *client, LoginDefaults defaults, QObject *parent = nullptr);
    ~ConsoleController() override;

    /** Shows the sign-in dialog. */
    void start();

    /** The sign-in dialog while it is shown, else null. */
    LoginDialog *loginDialog() const;
    /** The main window while a session is open, else null. */
    MainWindow *mainWindow() const;
    /** The login of the last successful sign-in (or the default one). */
    QString lastLogin() const { return m_lastLogin; }

signals:
    /** The user quit; the session, if any, has been signed out. */
    void finished();

private:
    void showLoginDialog(const QString &login, const QString &password, const QString &notice);
    void openMainWindow();
    void closeMainWindow();
    void logout();
    void onSessionExpired();
    void quit();
    void finish();

    client::ApiClient *m_client;
    LoginDefaults m_defaults;
    QString m_lastLogin;
    QPointer<LoginDialog> m_loginDialog;
    QPointer<MainWindow> m_mainWindow;
    bool m_isQuitting = false;
    bool m_isFinished = false;
};

} // namespace vms::ui
