#include "ui/console_controller.h"

#include "core/client/api_client.h"
#include "ui/error_text.h"
#include "ui/login_dialog.h"
#include "ui/main_window.h"

#include <QTimer>

namespace vms::ui {

namespace {
// Quitting waits this long at most for the server to confirm the sign-out.
constexpr int kQuitLogoutTimeoutMs = 3000;
} // namespace

ConsoleController::ConsoleController(client::ApiClient *client, LoginDefaults defaults,
                                     QObject *parent)
    : QObject(parent)
    , m_client(client)
    , m_defaults(std::move(defaults))
    , m_lastLogin(m_defaults.login)
{
    connect(m_client, &client::ApiClient::sessionExpired, this,
            &ConsoleController::onSessionExpired);
}

ConsoleController::~ConsoleController()
{
    delete m_loginDialog.data();
    delete m_mainWindow.data();
}

LoginDialog *ConsoleController::loginDialog() const
{
    return m_loginDialog.data();
}

MainWindow *ConsoleController::mainWindow() const
{
    return m_mainWindow.data();
}

void ConsoleController::start()
{
    const bool hasGeneratedPassword = !m_defaults.generatedPassword.isEmpty();
    showLoginDialog(m_defaults.login, m_defaults.generatedPassword,
                    hasGeneratedPassword
                            ? tr("The built-in server created this administrator account with a "
                                 "generated password, filled in below. Change the password after "
                                 "signing in: My profile → Password.")
                            : QString());
    // The generated password is offered once; after a sign-out the user types it.
    m_defaults.generatedPassword.clear();
}

void ConsoleController::showLoginDialog(const QString &login, const QString &password,
                                        const QString &notice)
{
    if (m_loginDialog) {
        m_loginDialog->setNotice(notice);
        m_loginDialog->raise();
        return;
    }
    auto *dialog = new LoginDialog(m_client);
    m_loginDialog = dialog;
    dialog->setLogin(login);
    dialog->setPassword(password);
    dialog->setNotice(notice);
    connect(dialog, &QDialog::accepted, this, [this, dialog] {
        m_lastLogin = dialog->login();
        dialog->deleteLater();
        m_loginDialog = nullptr;
        openMainWindow();
    });
    connect(dialog, &QDialog::rejected, this, [this, dialog] {
        dialog->deleteLater();
        m_loginDialog = nullptr;
        quit();
    });
    dialog->show();
    dialog->raise();
    dialog->activateWindow();
}

void ConsoleController::openMainWindow()
{
    closeMainWindow();
    auto *window = new MainWindow(m_client);
    m_mainWindow = window;
    window->restoreLayout();
    connect(window, &MainWindow::logoutRequested, this, &ConsoleController::logout);
    connect(window, &MainWindow::quitRequested, this, &ConsoleController::quit);
    m_client->startConnectionMonitor();
    window->show();
}

void ConsoleController::closeMainWindow()
{
    if (!m_mainWindow)
        return;
    m_mainWindow->saveLayout();
    m_mainWindow->hide();
    m_mainWindow->deleteLater();
    m_mainWindow = nullptr;
}

void ConsoleController::logout()
{
    if (!m_mainWindow || !m_mainWindow->isEnabled())
        return;
    m_mainWindow->setEnabled(false);
    // The sign-in dialog comes back once the server confirmed (or failed to confirm) the
    // revocation, so that nothing of the old session is in flight any more.
    m_client->logout().then(this, [this](const Status &) {
        closeMainWindow();
        showLoginDialog(m_lastLogin, {}, {});
    });
}

void ConsoleController::onSessionExpired()
{
    if (!m_mainWindow || m_isQuitting)
        return;
    closeMainWindow();
    m_client->stopConnectionMonitor();
    showLoginDialog(m_lastLogin, {}, ErrorText::describe(Error::unauthenticated({})));
}

void ConsoleController::quit()
{
    if (m_isQuitting)
        return;
    m_isQuitting = true;
    closeMainWindow();
    if (!m_client->hasSession()) {
        finish();
        return;
    }
    // Revoke the refresh token so that it does not outlive the console, but do not let a
    // server that does not answer hold the application open.
    m_client->logout().then(this, [this](const Status &) { finish(); });
    QTimer::singleShot(kQuitLogoutTimeoutMs, this, &ConsoleController::finish);
}

void ConsoleController::finish()
{
    if (m_isFinished)
        return;
    m_isFinished = true;
    emit finished();
}

} // namespace vms::ui
