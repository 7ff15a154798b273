// The console shell end to end against the in-process server: sign-in dialog, main window with
// its docks and status bar, profile and audit log through the API, sign-out with revocation.
// Also the pure form rules and the Russian catalogue.
#include "core/client/api_client.h"
#include "server/server_host.h"
#include "tests/ui/ui_test_support.h"
#include "ui/audit_action_names.h"
#include "ui/audit_log_model.h"
#include "ui/audit_log_view.h"
#include "ui/cameras_pane.h"
#include "ui/console_controller.h"
#include "ui/error_text.h"
#include "ui/form_validation.h"
#include "ui/live_view_pane.h"
#include "ui/login_dialog.h"
#include "ui/main_window.h"
#include "ui/placeholder_pane.h"
#include "ui/plans_pane.h"
#include "ui/profile_view.h"

#include <QApplication>
#include <QComboBox>
#include <QDir>
#include <QDockWidget>
#include <QFile>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSettings>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTabWidget>
#include <QTemporaryDir>
#include <QTest>
#include <QTranslator>

#include <memory>

using namespace vms;
using namespace vms::ui;
using namespace vms::uitest;

namespace {

const QString kAdminLogin = QStringLiteral("admin@vms.test");
const QString kAdminPassword = QStringLiteral("Shell-Test-Pass-1");

template<typename T>
bool waitFor(const QFuture<T> &future, int timeoutMs = 15000)
{
    return QTest::qWaitFor([&] { return future.isFinished(); }, timeoutMs)
           && future.resultCount() == 1;
}

} // namespace

class TestConsoleShell : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void cleanupTestCase();

    // Pure form rules.
    void loginInput_data();
    void loginInput();
    void passwordChange_data();
    void passwordChange();
    void userIds_data();
    void userIds();
    void auditPeriods();
    void errorTextByKind();

    // Translations.
    void russianCatalogueIsComplete();
    void russianCatalogueIsUsed();

    void generatedPasswordIsPrefilled();

    // The shell, in order: one session from sign-in to sign-out.
    void wrongPasswordShowsErrorInDialog();
    void signInOpensMainWindow();
    void profileNameIsSavedThroughApi();
    void auditLogShowsAndFiltersEntries();
    void mainWindowInRussian();
    void logoutRevokesAndReturnsToLogin();
    void quitFromLoginDialogFinishes();

private:
    QTemporaryDir m_dataDir;
    std::unique_ptr<server::ServerHost> m_server;
    QUrl m_url;
    std::unique_ptr<client::ApiClient> m_client;
    std::unique_ptr<ConsoleController> m_controller;
    client::Token m_sessionToken;
};

void TestConsoleShell::initTestCase()
{
    // Keeps the window layout the test saves out of the user's real settings.
    QStandardPaths::setTestModeEnabled(true);
    QCoreApplication::setOrganizationName(QStringLiteral("vms-tests"));
    QCoreApplication::setApplicationName(QStringLiteral("tst_console_shell"));
    QSettings().clear(); // a layout saved by an earlier run must not change what this one shows

    QVERIFY(m_dataDir.isValid());
    server::ServerOptions options;
    options.dataDir = m_dataDir.path();
    options.adminLogin = kAdminLogin;
    options.adminPassword = kAdminPassword;
    m_server = std::make_unique<server::ServerHost>(options);
    const Result<QUrl> url = m_server->start();
    QVERIFY2(url.hasValue(), url ? "" : qPrintable(url.error().message));
    m_url = *url;

    m_client = std::make_unique<client::ApiClient>(m_url);
    m_controller
            = std::make_unique<ConsoleController>(m_client.get(), LoginDefaults{kAdminLogin, {}});
}

void TestConsoleShell::cleanupTestCase()
{
    m_controller.reset();
    m_client.reset();
    if (m_server)
        m_server->stop();
}

// --- pure ---

void TestConsoleShell::loginInput_data()
{
    QTest::addColumn<QString>("login");
    QTest::addColumn<QString>("password");
    QTest::addColumn<int>("issue");
    QTest::newRow("ok") << "a@b"
                        << "x" << int(LoginInputIssue::None);
    QTest::newRow("blank login") << "  "
                                 << "x" << int(LoginInputIssue::EmptyLogin);
    QTest::newRow("no password") << "a@b"
                                 << "" << int(LoginInputIssue::EmptyPassword);
    QTest::newRow("blank password counts") << "a@b"
                                           << " " << int(LoginInputIssue::None);
}

void TestConsoleShell::loginInput()
{
    QFETCH(QString, login);
    QFETCH(QString, password);
    QFETCH(int, issue);
    QCOMPARE(int(checkLoginInput(login, password)), issue);
}

void TestConsoleShell::passwordChange_data()
{
    QTest::addColumn<QString>("current");
    QTest::addColumn<QString>("next");
    QTest::addColumn<QString>("confirmation");
    QTest::addColumn<int>("issue");
    QTest::newRow("ok") << "old-pass"
                        << "new-pass-1"
                        << "new-pass-1" << int(PasswordChangeIssue::None);
    QTest::newRow("no current") << ""
                                << "new-pass-1"
                                << "new-pass-1" << int(PasswordChangeIssue::EmptyCurrent);
    QTest::newRow("short") << "old-pass"
                           << "short"
                           << "short" << int(PasswordChangeIssue::TooShort);
    QTest::newRow("long") << "old-pass" << QString(129, QLatin1Char('p'))
                          << QString(129, QLatin1Char('p')) << int(PasswordChangeIssue::TooLong);
    QTest::newRow("mismatch") << "old-pass"
                              << "new-pass-1"
                              << "new-pass-2" << int(PasswordChangeIssue::Mismatch);
    QTest::newRow("same") << "same-pass-1"
                          << "same-pass-1"
                          << "same-pass-1" << int(PasswordChangeIssue::SameAsCurrent);
}

void TestConsoleShell::passwordChange()
{
    QFETCH(QString, current);
    QFETCH(QString, next);
    QFETCH(QString, confirmation);
    QFETCH(int, issue);
    QCOMPARE(int(checkPasswordChange(current, next, confirmation)), issue);
}

void TestConsoleShell::userIds_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<bool>("isValid");
    QTest::addColumn<QList<qint64>>("ids");
    QTest::newRow("empty") << "" << true << QList<qint64>{};
    QTest::newRow("blank") << "  " << true << QList<qint64>{};
    QTest::newRow("list") << "1, 5 7;9" << true << QList<qint64>{1, 5, 7, 9};
    QTest::newRow("duplicates") << "3,3" << true << QList<qint64>{3};
    QTest::newRow("zero") << "0" << false << QList<qint64>{};
    QTest::newRow("word") << "1, bob" << false << QList<qint64>{};
}

void TestConsoleShell::userIds()
{
    QFETCH(QString, text);
    QFETCH(bool, isValid);
    QFETCH(QList<qint64>, ids);
    const auto parsed = parseUserIds(text);
    QCOMPARE(parsed.has_value(), isValid);
    if (isValid)
        QCOMPARE(*parsed, ids);
}

void TestConsoleShell::auditPeriods()
{
    const QDateTime now(QDate(2026, 3, 10), QTime(12, 0), Qt::UTC);
    const auto day = auditPeriodRange(AuditPeriod::Last24Hours, now);
    QVERIFY(day.has_value());
    QCOMPARE(day->first, QDateTime(QDate(2026, 3, 9), QTime(12, 0), Qt::UTC));
    QCOMPARE(day->second, now);
    QCOMPARE(auditPeriodRange(AuditPeriod::LastHour, now)->first, now.addSecs(-3600));
    QCOMPARE(auditPeriodRange(AuditPeriod::Last7Days, now)->first, now.addDays(-7));
    QVERIFY(!auditPeriodRange(AuditPeriod::Custom, now).has_value());
    QVERIFY(isValidPeriod(now.addSecs(-1), now));
    QVERIFY(!isValidPeriod(now, now));
    QVERIFY(!isValidPeriod(QDateTime(), now));
}

void TestConsoleShell::errorTextByKind()
{
    QCOMPARE(ErrorText::describe(
                     Error::unauthenticated(QStringLiteral("Incorrect username or password"),
                                            QStringLiteral("token_invalid_credentials"))),
             QStringLiteral("Wrong login or password."));
    QCOMPARE(ErrorText::describe(Error::unavailable(QStringLiteral("connection refused"))),
             QStringLiteral("The server cannot be reached. Check the connection and try again."));
    QCOMPARE(ErrorText::describe(Error::denied(QStringLiteral("x"))),
             QStringLiteral("You do not have permission to do this."));
    const QString validation = ErrorText::describe(
            Error::validation({QStringLiteral("body"), QStringLiteral("first_name")},
                              QStringLiteral("too long"), QStringLiteral("value_error")));
    QCOMPARE(validation, QStringLiteral("Some values are not valid: first_name."));
    // The technical detail stays visible where the kind alone says too little.
    QVERIFY(ErrorText::describe(Error::internal(QStringLiteral("disk full")))
                    .contains(QStringLiteral("disk full")));
}

// --- translations ---

void TestConsoleShell::russianCatalogueIsComplete()
{
    QFile ts(QStringLiteral(VMS_RU_TS_FILE));
    QVERIFY2(ts.open(QIODevice::ReadOnly), qPrintable(ts.fileName()));
    const QByteArray text = ts.readAll();
    QVERIFY(text.contains("language=\"ru_RU\"") || text.contains("language=\"ru\""));
    QVERIFY(text.count("<message") > 100);
    QCOMPARE(text.count("type=\"unfinished\""), 0);
}

void TestConsoleShell::russianCatalogueIsUsed()
{
    QTranslator translator;
    QVERIFY(translator.load(QStringLiteral(":/i18n/vms_ru.qm")));
    QVERIFY(QCoreApplication::installTranslator(&translator));
    const QString wrongPassword = ErrorText::describe(
            Error::unauthenticated({}, QStringLiteral("token_invalid_credentials")));
    const QString signedIn = AuditActionNames::displayName(QStringLiteral("user_login"));
    QString title;
    {
        LoginDialog dialog(m_client.get());
        title = dialog.windowTitle();
    }
    QCoreApplication::removeTranslator(&translator);

    QCOMPARE(wrongPassword, QStringLiteral("Неверный логин или пароль."));
    QCOMPARE(signedIn, QStringLiteral("Вход в систему"));
    QCOMPARE(title, QStringLiteral("Вход — VMS Console"));
    QCOMPARE(AuditActionNames::displayName(QStringLiteral("user_login")),
             QStringLiteral("Signed in"));
}

// --- the shell ---

void TestConsoleShell::generatedPasswordIsPrefilled()
{
    client::ApiClient client(m_url);
    ConsoleController controller(&client, LoginDefaults{QStringLiteral("admin@localhost"),
                                                        QStringLiteral("Generated-Pass-9")});
    controller.start();
    LoginDialog *dialog = controller.loginDialog();
    QVERIFY(dialog);
    QVERIFY(QTest::qWaitForWindowExposed(dialog));
    QCOMPARE(child<QLineEdit>(dialog, QStringLiteral("loginEdit"))->text(),
             QStringLiteral("admin@localhost"));
    QCOMPARE(child<QLineEdit>(dialog, QStringLiteral("passwordEdit"))->text(),
             QStringLiteral("Generated-Pass-9"));
    auto *notice = child<QLabel>(dialog, QStringLiteral("noticeLabel"));
    QVERIFY(notice && notice->isVisible());
    QVERIFY(notice->text().contains(QStringLiteral("Change the password")));
    QVERIFY(child<QPushButton>(dialog, QStringLiteral("signInButton"))->isEnabled());
    QVERIFY(saveScreenshot(dialog, QStringLiteral("login_dialog_generated.png")));
}

void TestConsoleShell::wrongPasswordShowsErrorInDialog()
{
    m_controller->start();
    LoginDialog *dialog = m_controller->loginDialog();
    QVERIFY(dialog);
    QVERIFY(QTest::qWaitForWindowExposed(dialog));
    QCOMPARE(dialog->windowTitle(), QStringLiteral("Sign in — VMS Console"));
    auto *loginEdit = child<QLineEdit>(dialog, QStringLiteral("loginEdit"));
    auto *passwordEdit = child<QLineEdit>(dialog, QStringLiteral("passwordEdit"));
    auto *signIn = child<QPushButton>(dialog, QStringLiteral("signInButton"));
    QVERIFY(loginEdit && passwordEdit && signIn);
    QCOMPARE(loginEdit->text(), kAdminLogin);
    QVERIFY(child<QLabel>(dialog, QStringLiteral("serverLabel"))
                    ->text()
                    .contains(m_url.toString()));
    QVERIFY(!signIn->isEnabled()); // no password yet

    QTest::keyClicks(passwordEdit, QStringLiteral("definitely-wrong"));
    QVERIFY(signIn->isEnabled());
    QTest::mouseClick(signIn, Qt::LeftButton);
    QTRY_COMPARE_WITH_TIMEOUT(dialog->errorText(), QStringLiteral("Wrong login or password."),
                              15000);
    QVERIFY(dialog->isVisible());
    QVERIFY(!m_controller->mainWindow());
    QVERIFY(!m_client->hasSession());
    QVERIFY(saveScreenshot(dialog, QStringLiteral("login_dialog_error.png")));
}

void TestConsoleShell::signInOpensMainWindow()
{
    LoginDialog *dialog = m_controller->loginDialog();
    QVERIFY(dialog);
    auto *passwordEdit = child<QLineEdit>(dialog, QStringLiteral("passwordEdit"));
    passwordEdit->clear();
    QTest::keyClicks(passwordEdit, kAdminPassword);
    QTest::keyClick(passwordEdit, Qt::Key_Return);

    QTRY_VERIFY_WITH_TIMEOUT(m_controller->mainWindow(), 15000);
    QTRY_VERIFY(!m_controller->loginDialog());
    MainWindow *window = m_controller->mainWindow();
    QVERIFY(QTest::qWaitForWindowExposed(window));
    QVERIFY(m_client->hasSession());
    m_sessionToken
            = {m_client->accessToken(), m_client->refreshToken(), QStringLiteral("bearer"), 60};

    const QList<std::pair<QString, QString>> docks = {
            {QStringLiteral("camerasDock"), QStringLiteral("Cameras")},
            {QStringLiteral("liveViewDock"), QStringLiteral("Live view")},
            {QStringLiteral("plansDock"), QStringLiteral("Plans")},
            {QStringLiteral("eventsDock"), QStringLiteral("Events")},
            {QStringLiteral("archiveDownloadsDock"), QStringLiteral("Archive downloads")},
    };
    for (const auto &[name, title] : docks) {
        auto *dock = child<QDockWidget>(window, name);
        QVERIFY2(dock, qPrintable(name));
        QCOMPARE(dock->windowTitle(), title);
    }
    // Cameras, plans and live view are real panels (tests/ui/tst_sites_console.cpp); the rest
    // still explain what they will show.
    QCOMPARE(child<QDockWidget>(window, QStringLiteral("camerasDock"))->widget(),
             window->camerasPane());
    QCOMPARE(child<QDockWidget>(window, QStringLiteral("plansDock"))->widget(),
             window->plansPane());
    QCOMPARE(child<QDockWidget>(window, QStringLiteral("liveViewDock"))->widget(),
             window->liveViewPane());
    for (const QString &name :
         {QStringLiteral("eventsDock"), QStringLiteral("archiveDownloadsDock")}) {
        auto *pane = qobject_cast<PlaceholderPane *>(child<QDockWidget>(window, name)->widget());
        QVERIFY2(pane, qPrintable(name));
        QVERIFY(pane->description().size() > 30);
    }
    // A superuser gets every administration tab once the profile is loaded: profile, users,
    // groups, roles, organizations and the audit log.
    QVERIFY(window->adminTabs());
    QTRY_COMPARE_WITH_TIMEOUT(window->adminTabs()->count(), 6, 15000);
    QCOMPARE(window->adminTabs()->widget(0), window->profileView());
    QCOMPARE(window->adminTabs()->widget(5), window->auditLogView());
    QCOMPARE(window->adminTabs()->currentWidget(), window->profileView());

    auto *serverLabel = child<QLabel>(window, QStringLiteral("serverUrlLabel"));
    auto *stateLabel = child<QLabel>(window, QStringLiteral("connectionStateLabel"));
    QVERIFY(serverLabel && stateLabel);
    QVERIFY(serverLabel->isVisible());
    QVERIFY(serverLabel->text().contains(m_url.toString()));
    QTRY_COMPARE_WITH_TIMEOUT(stateLabel->text(), QStringLiteral("Connected"), 15000);

    // The profile's data came through GET /users/me.
    auto *email = child<QLabel>(window, QStringLiteral("emailValue"));
    QVERIFY(email);
    QTRY_COMPARE_WITH_TIMEOUT(email->text(), kAdminLogin, 15000);
    QVERIFY(window->windowTitle().endsWith(QStringLiteral("VMS Console")));
    QTRY_COMPARE(child<QLabel>(window, QStringLiteral("userLabel"))->text(),
                 QStringLiteral("Signed in as %1").arg(kAdminLogin));

    QVERIFY(saveScreenshot(window, QStringLiteral("console_shell.png")));
}

void TestConsoleShell::profileNameIsSavedThroughApi()
{
    MainWindow *window = m_controller->mainWindow();
    QVERIFY(window);
    auto *first = child<QLineEdit>(window, QStringLiteral("firstNameEdit"));
    auto *last = child<QLineEdit>(window, QStringLiteral("lastNameEdit"));
    auto *save = child<QPushButton>(window, QStringLiteral("saveNameButton"));
    auto *status = child<QLabel>(window, QStringLiteral("nameStatusLabel"));
    QVERIFY(first && last && save && status);
    first->setText(QStringLiteral("Grace"));
    last->setText(QStringLiteral("Hopper"));
    QTRY_VERIFY(save->isEnabled());
    QTest::mouseClick(save, Qt::LeftButton);
    QTRY_COMPARE_WITH_TIMEOUT(status->text(), QStringLiteral("The name is saved."), 15000);
    QTRY_VERIFY(window->windowTitle().startsWith(QStringLiteral("Grace Hopper")));

    const QFuture<Result<client::CurrentUser>> me = m_client->currentUser();
    QVERIFY(waitFor(me));
    QVERIFY(me.result().hasValue());
    QCOMPARE(me.result()->firstName, QStringLiteral("Grace"));
    QCOMPARE(me.result()->lastName, QStringLiteral("Hopper"));
}

void TestConsoleShell::auditLogShowsAndFiltersEntries()
{
    MainWindow *window = m_controller->mainWindow();
    QVERIFY(window);
    AuditLogView *view = window->auditLogView();
    QSignalSpy finished(view, &AuditLogView::loadFinished);
    window->adminTabs()->setCurrentWidget(view); // the first showing loads the last 24 hours
    QTRY_VERIFY_WITH_TIMEOUT(finished.count() >= 1, 15000);
    AuditLogModel *model = view->model();
    QVERIFY(model->rowCount() >= 2);
    QStringList actions;
    for (int row = 0; row < model->rowCount(); ++row)
        actions.append(model->index(row, 0).data(AuditLogModel::ActionTypeRole).toString());
    QVERIFY2(actions.contains(QStringLiteral("user_login")), qPrintable(actions.join(u',')));
    QVERIFY(actions.contains(QStringLiteral("user_update")));
    QCOMPARE(
            model->index(actions.indexOf(QStringLiteral("user_login")), AuditLogModel::ActionColumn)
                    .data()
                    .toString(),
            QStringLiteral("Signed in"));
    QVERIFY(saveScreenshot(window, QStringLiteral("console_audit_log.png")));

    auto *actionCombo = child<QComboBox>(view, QStringLiteral("actionCombo"));
    actionCombo->setCurrentIndex(actionCombo->findData(QStringLiteral("user_update")));
    QVERIFY(actionCombo->currentIndex() > 0);
    finished.clear();
    QTest::mouseClick(child<QPushButton>(view, QStringLiteral("searchButton")), Qt::LeftButton);
    QTRY_VERIFY_WITH_TIMEOUT(finished.count() >= 1, 15000);
    QVERIFY(model->rowCount() >= 1);
    for (int row = 0; row < model->rowCount(); ++row)
        QCOMPARE(model->index(row, 0).data(AuditLogModel::ActionTypeRole).toString(),
                 QStringLiteral("user_update"));
    QVERIFY(!view->hasMore());
    QVERIFY(!child<QPushButton>(view, QStringLiteral("loadMoreButton"))->isEnabled());
    window->adminTabs()->setCurrentWidget(window->profileView());
}

void TestConsoleShell::mainWindowInRussian()
{
    QVERIFY(m_client->hasSession());
    QTranslator translator;
    QVERIFY(translator.load(QStringLiteral(":/i18n/vms_ru.qm")));
    QVERIFY(QCoreApplication::installTranslator(&translator));
    {
        MainWindow window(m_client.get());
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        QCOMPARE(child<QDockWidget>(&window, QStringLiteral("camerasDock"))->windowTitle(),
                 QStringLiteral("Камеры"));
        QTRY_COMPARE_WITH_TIMEOUT(child<QLabel>(&window, QStringLiteral("emailValue"))->text(),
                                  kAdminLogin, 15000);
        QTRY_COMPARE(child<QLabel>(&window, QStringLiteral("connectionStateLabel"))->text(),
                     QStringLiteral("Подключено"));
        QVERIFY(saveScreenshot(&window, QStringLiteral("console_shell_ru.png")));
        window.hide();
    }
    QCoreApplication::removeTranslator(&translator);
}

void TestConsoleShell::logoutRevokesAndReturnsToLogin()
{
    MainWindow *window = m_controller->mainWindow();
    QVERIFY(window);
    QVERIFY(!m_sessionToken.refreshToken.isEmpty());
    // Refreshes since sign-in would have rotated the token the test kept.
    QCOMPARE(m_client->refreshToken(), m_sessionToken.refreshToken);

    window->logoutAction()->trigger();
    QTRY_VERIFY_WITH_TIMEOUT(m_controller->loginDialog(), 15000);
    LoginDialog *dialog = m_controller->loginDialog();
    QVERIFY(QTest::qWaitForWindowExposed(dialog));
    QTRY_VERIFY(!m_controller->mainWindow());
    QVERIFY(!m_client->hasSession());
    QCOMPARE(m_client->connectionState(), client::ConnectionState::Disconnected);
    QCOMPARE(child<QLineEdit>(dialog, QStringLiteral("loginEdit"))->text(), kAdminLogin);
    QVERIFY(child<QLineEdit>(dialog, QStringLiteral("passwordEdit"))->text().isEmpty());

    // The refresh token of the ended session is revoked on the server.
    client::ApiClient probe(m_url);
    probe.restoreSession(m_sessionToken);
    const QFuture<Result<client::Token>> refreshed = probe.refresh();
    QVERIFY(waitFor(refreshed));
    QVERIFY(!refreshed.result().hasValue());
    QCOMPARE(refreshed.result().error().status, QStringLiteral("token_refresh_error"));
}

void TestConsoleShell::quitFromLoginDialogFinishes()
{
    LoginDialog *dialog = m_controller->loginDialog();
    QVERIFY(dialog);
    QSignalSpy finished(m_controller.get(), &ConsoleController::finished);
    QTest::mouseClick(child<QPushButton>(dialog, QStringLiteral("quitButton")), Qt::LeftButton);
    QTRY_COMPARE(finished.count(), 1);
    QTRY_VERIFY(!m_controller->loginDialog());
}

QTEST_MAIN(TestConsoleShell)
#include "tst_console_shell.moc"
