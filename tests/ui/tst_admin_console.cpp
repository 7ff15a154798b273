// The administration area of the console against the in-process server: groups, users, roles
// with their permission checklist, and organizations, all driven through the real widgets and
// checked through the API with an independent, schema-checking HTTP client. Also the pure input
// rules of the dialogs and the permission checklist model.
#include "core/client/api_client.h"
#include "server/server_host.h"
#include "tests/support/api_client.h"
#include "tests/ui/ui_test_support.h"
#include "ui/editor_validation.h"
#include "ui/form_dialog.h"
#include "ui/group_table_model.h"
#include "ui/groups_editor.h"
#include "ui/item_picker_dialog.h"
#include "ui/main_window.h"
#include "ui/name_description_dialog.h"
#include "ui/organization_table_model.h"
#include "ui/organizations_editor.h"
#include "ui/permission_tree_model.h"
#include "ui/place_table_model.h"
#include "ui/profile_view.h"
#include "ui/role_list_model.h"
#include "ui/roles_editor.h"
#include "ui/status_label.h"
#include "ui/user_dialog.h"
#include "ui/user_table_model.h"
#include "ui/users_editor.h"

#include <QApplication>
#include <QComboBox>
#include <QDir>
#include <QJsonArray>
#include <QLineEdit>
#include <QMessageBox>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSettings>
#include <QSignalSpy>
#include <QSortFilterProxyModel>
#include <QStandardPaths>
#include <QTabWidget>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>
#include <QTranslator>
#include <QTreeView>

#include <memory>

using namespace vms;
using namespace vms::ui;
using namespace vms::uitest;

namespace {

const QString kAdminLogin = QStringLiteral("admin@vms.test");
const QString kAdminPassword = QStringLiteral("Admin-Console-Pass-1");

// Clicks the accept button of the confirmation box an editor opened.
bool confirmOpenBox(QWidget *editor)
{
    QMessageBox *box = nullptr;
    if (!QTest::qWaitFor(
                [&] {
                    return (box = child<QMessageBox>(editor, QStringLiteral("confirmationBox")))
                                   != nullptr
                           && box->isVisible();
                },
                5000))
        return false;
    QPushButton *confirm = child<QPushButton>(box, QStringLiteral("confirmButton"));
    if (!confirm)
        return false;
    QTest::mouseClick(confirm, Qt::LeftButton);
    return true;
}

QJsonObject findById(const QJsonArray &items, qint64 id)
{
    for (const QJsonValue &item : items) {
        if (item.toObject().value(QStringLiteral("id")).toInteger() == id)
            return item.toObject();
    }
    return {};
}

QJsonObject findByKey(const QJsonArray &items, const QString &key, const QString &value)
{
    for (const QJsonValue &item : items) {
        if (item.toObject().value(key).toString() == value)
            return item.toObject();
    }
    return {};
}

} // namespace

class TestAdminConsole : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void cleanupTestCase();
    void cleanup();

    // Pure rules.
    void userForm_data();
    void userForm();
    void namesAndEmails();
    void newPassword();
    void permissionModelGroupsAndToggles();
    void permissionModelReadOnly();

    // Through the widgets, in order.
    void superuserSeesEveryAdminTab();
    void groupsEditorCreatesGroup();
    void usersEditorCreatesUser();
    void usersEditorValidatesAndShowsServerErrors();
    void usersEditorEditsAndResetsPassword();
    void rolesEditorCreatesRoleAndTogglesPermission();
    void rolesEditorRollsBackRefusedToggle();
    void rolesEditorKeepsBuiltInRolesReadOnly();
    void groupsEditorManagesMembersAndPlaces();
    void organizationsEditorCreatesAndDeletes();
    void usersEditorDeletesWithConfirmation();
    void operatorSeesNoOrganizationsTab();
    void editorsInRussian();

private:
    QString tokenFor(const QString &login, const QString &password);
    void showTab(QWidget *editor);

    QTemporaryDir m_dataDir;
    std::unique_ptr<server::ServerHost> m_server;
    QUrl m_url;
    std::unique_ptr<client::ApiClient> m_client;
    std::unique_ptr<MainWindow> m_window;
    std::unique_ptr<test::ApiTestClient> m_api;
    qint64 m_operatorRoleId = 0;
    qint64 m_groupId = 0;
    qint64 m_userId = 0;
    qint64 m_roleId = 0;
};

void TestAdminConsole::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    QCoreApplication::setOrganizationName(QStringLiteral("vms-tests"));
    QCoreApplication::setApplicationName(QStringLiteral("tst_admin_console"));
    QSettings().clear();

    QVERIFY(m_dataDir.isValid());
    server::ServerOptions options;
    options.dataDir = m_dataDir.path();
    options.adminLogin = kAdminLogin;
    options.adminPassword = kAdminPassword;
    m_server = std::make_unique<server::ServerHost>(options);
    const Result<QUrl> url = m_server->start();
    QVERIFY2(url.hasValue(), url ? "" : qPrintable(url.error().message));
    m_url = *url;

    m_api = std::make_unique<test::ApiTestClient>(m_url);
    const QString token = tokenFor(kAdminLogin, kAdminPassword);
    QVERIFY(!token.isEmpty());
    m_api->setBearer(token);
    const test::Reply roles = m_api->get(QStringLiteral("/api/v1/roles"));
    QCOMPARE(roles.status, 200);
    m_operatorRoleId = findByKey(roles.object().value(QStringLiteral("roles")).toArray(),
                                 QStringLiteral("name"), QStringLiteral("operator"))
                               .value(QStringLiteral("id"))
                               .toInteger();
    QVERIFY(m_operatorRoleId > 0);

    m_client = std::make_unique<client::ApiClient>(m_url);
    QVERIFY(await(m_client->login(kAdminLogin, kAdminPassword)).hasValue());
    m_window = std::make_unique<MainWindow>(m_client.get());
    m_window->resize(1440, 900);
    m_window->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_window.get()));
}

void TestAdminConsole::cleanupTestCase()
{
    m_window.reset();
    m_client.reset();
    m_api.reset();
    if (m_server)
        m_server->stop();
}

void TestAdminConsole::cleanup()
{
    if (m_api)
        VMS_VERIFY_NO_SCHEMA_FAILURES(*m_api);
}

QString TestAdminConsole::tokenFor(const QString &login, const QString &password)
{
    const test::Reply reply
            = m_api->postForm(QStringLiteral("/api/v1/token"),
                              {{QStringLiteral("grant_type"), QStringLiteral("password")},
                               {QStringLiteral("username"), login},
                               {QStringLiteral("password"), password}});
    return reply.status == 200 ? reply.object().value(QStringLiteral("access_token")).toString()
                               : QString();
}

void TestAdminConsole::showTab(QWidget *editor)
{
    QTabWidget *tabs = m_window->adminTabs();
    QVERIFY(tabs->indexOf(editor) >= 0);
    tabs->setCurrentWidget(editor);
    QVERIFY(editor->isVisible());
}

// --- pure ---

void TestAdminConsole::userForm_data()
{
    QTest::addColumn<QString>("first");
    QTest::addColumn<QString>("email");
    QTest::addColumn<bool>("hasRole");
    QTest::addColumn<bool>("hasGroup");
    QTest::addColumn<QString>("password");
    QTest::addColumn<QString>("confirmation");
    QTest::addColumn<bool>("isNew");
    QTest::addColumn<int>("issue");
    const QString pass = QStringLiteral("Long-Enough-1");
    QTest::newRow("new ok") << "Ann"
                            << "ann@x.test" << true << true << pass << pass << true
                            << int(UserFormIssue::None);
    QTest::newRow("edit without group ok") << "Ann"
                                           << "ann@x.test" << true << false << ""
                                           << "" << false << int(UserFormIssue::None);
    QTest::newRow("name too long") << QString(33, QLatin1Char('a')) << "ann@x.test" << true << true
                                   << pass << pass << true << int(UserFormIssue::FirstNameTooLong);
    QTest::newRow("no email") << "Ann"
                              << "  " << true << true << pass << pass << true
                              << int(UserFormIssue::EmptyEmail);
    QTest::newRow("bad email") << "Ann"
                               << "ann@localhost" << true << true << pass << pass << true
                               << int(UserFormIssue::InvalidEmail);
    QTest::newRow("no role") << "Ann"
                             << "ann@x.test" << false << true << pass << pass << true
                             << int(UserFormIssue::NoRole);
    QTest::newRow("new without group")
            << "Ann"
            << "ann@x.test" << true << false << pass << pass << true << int(UserFormIssue::NoGroup);
    QTest::newRow("short password") << "Ann"
                                    << "ann@x.test" << true << true << "short"
                                    << "short" << true << int(UserFormIssue::PasswordTooShort);
    QTest::newRow("mismatch") << "Ann"
                              << "ann@x.test" << true << true << pass << "other-pass-1" << true
                              << int(UserFormIssue::PasswordMismatch);
}

void TestAdminConsole::userForm()
{
    QFETCH(QString, first);
    QFETCH(QString, email);
    QFETCH(bool, hasRole);
    QFETCH(bool, hasGroup);
    QFETCH(QString, password);
    QFETCH(QString, confirmation);
    QFETCH(bool, isNew);
    QFETCH(int, issue);
    UserForm form;
    form.firstName = first;
    form.email = email;
    form.password = password;
    form.confirmation = confirmation;
    if (hasRole)
        form.roleId = 2;
    if (hasGroup)
        form.groupId = 3;
    QCOMPARE(int(checkUserForm(form, isNew)), issue);
    if (issue != int(UserFormIssue::None))
        QVERIFY(!describeUserFormIssue(UserFormIssue(issue)).isEmpty());
}

void TestAdminConsole::namesAndEmails()
{
    QCOMPARE(checkName(QStringLiteral("  "), 64), NameIssue::Empty);
    QCOMPARE(checkName(QString(65, QLatin1Char('g')), 64), NameIssue::TooLong);
    QCOMPARE(checkName(QStringLiteral(" Night shift "), 64), NameIssue::None);
    QVERIFY(isPlausibleEmail(QStringLiteral("a.b@site.example")));
    QVERIFY(isPlausibleEmail(QStringLiteral(" ops@vms.test ")));
    QVERIFY(!isPlausibleEmail(QStringLiteral("no-at.example")));
    QVERIFY(!isPlausibleEmail(QStringLiteral("a@b@c.d")));
    QVERIFY(!isPlausibleEmail(QStringLiteral("a b@c.d")));
}

void TestAdminConsole::newPassword()
{
    QCOMPARE(checkNewPassword(QStringLiteral("1234567"), QStringLiteral("1234567")),
             NewPasswordIssue::TooShort);
    QCOMPARE(checkNewPassword(QString(129, QLatin1Char('p')), QString(129, QLatin1Char('p'))),
             NewPasswordIssue::TooLong);
    QCOMPARE(checkNewPassword(QStringLiteral("12345678"), QStringLiteral("12345679")),
             NewPasswordIssue::Mismatch);
    QCOMPARE(checkNewPassword(QStringLiteral("12345678"), QStringLiteral("12345678")),
             NewPasswordIssue::None);
}

void TestAdminConsole::permissionModelGroupsAndToggles()
{
    PermissionTreeModel model;
    int permissions = 0;
    for (int c = 0; c < model.rowCount(); ++c)
        permissions += model.rowCount(model.index(c, 0));
    QCOMPARE(permissions, 101);
    QCOMPARE(model.rowCount(), 26);

    model.setGranted({QStringLiteral("camera_read")});
    model.setEditable(true);
    const QModelIndex read = model.indexOf(QStringLiteral("camera_read"));
    const QModelIndex create = model.indexOf(QStringLiteral("camera_create"));
    QVERIFY(read.isValid() && create.isValid());
    QCOMPARE(read.parent(), create.parent());
    QCOMPARE(read.data(Qt::CheckStateRole).toInt(), int(Qt::Checked));
    QVERIFY(read.parent().data().toString().contains(QStringLiteral("1 of 5")));

    QSignalSpy toggles(&model, &PermissionTreeModel::toggleRequested);
    QVERIFY(model.setData(create, Qt::Checked, Qt::CheckStateRole));
    QCOMPARE(toggles.count(), 1);
    QCOMPARE(toggles.at(0).at(0).toString(), QStringLiteral("camera_create"));
    QCOMPARE(toggles.at(0).at(1).toBool(), true);
    QVERIFY(model.isPending(QStringLiteral("camera_create")));
    QVERIFY(!(model.flags(create) & Qt::ItemIsUserCheckable)); // no second toggle meanwhile
    QVERIFY(!model.setData(create, Qt::Unchecked, Qt::CheckStateRole));

    model.resolve(QStringLiteral("camera_create"), false); // refused: back to unchecked
    QVERIFY(!model.isPending(QStringLiteral("camera_create")));
    QCOMPARE(create.data(Qt::CheckStateRole).toInt(), int(Qt::Unchecked));
    QVERIFY(model.setData(create, Qt::Checked, Qt::CheckStateRole));
    model.resolve(QStringLiteral("camera_create"), true);
    QCOMPARE(model.granted(),
             (QStringList{QStringLiteral("camera_create"), QStringLiteral("camera_read")}));

    // Filtering by a category name keeps all of its permissions.
    QSortFilterProxyModel proxy;
    proxy.setSourceModel(&model);
    proxy.setRecursiveFilteringEnabled(true);
    proxy.setAutoAcceptChildRows(true);
    proxy.setFilterCaseSensitivity(Qt::CaseInsensitive);
    proxy.setFilterFixedString(QStringLiteral("plan_camera"));
    QCOMPARE(proxy.rowCount(), 1);
    QCOMPARE(proxy.rowCount(proxy.index(0, 0)), 4);
    QCOMPARE(PermissionTreeModel::categoryName(QStringLiteral("plan")), QStringLiteral("Plans"));
}

void TestAdminConsole::permissionModelReadOnly()
{
    PermissionTreeModel model;
    model.setGranted({QStringLiteral("user_read")});
    QSignalSpy toggles(&model, &PermissionTreeModel::toggleRequested);
    const QModelIndex index = model.indexOf(QStringLiteral("user_read"));
    QVERIFY(!(model.flags(index) & Qt::ItemIsEnabled));
    QVERIFY(!model.setData(index, Qt::Unchecked, Qt::CheckStateRole));
    QCOMPARE(toggles.count(), 0);
    QVERIFY(model.isGranted(QStringLiteral("user_read")));
}

// --- through the widgets ---

void TestAdminConsole::superuserSeesEveryAdminTab()
{
    QTabWidget *tabs = m_window->adminTabs();
    QTRY_COMPARE_WITH_TIMEOUT(tabs->count(), 6, 15000);
    QCOMPARE(tabs->widget(1), m_window->usersEditor());
    QCOMPARE(tabs->widget(2), m_window->groupsEditor());
    QCOMPARE(tabs->widget(3), m_window->rolesEditor());
    QCOMPARE(tabs->widget(4), m_window->organizationsEditor());
    QCOMPARE(tabs->tabText(4), QStringLiteral("Organizations"));
}

void TestAdminConsole::groupsEditorCreatesGroup()
{
    GroupsEditor *editor = m_window->groupsEditor();
    QSignalSpy loaded(editor, &GroupsEditor::groupsLoaded);
    showTab(editor);
    QTRY_VERIFY_WITH_TIMEOUT(loaded.count() >= 1, 15000);

    QTest::mouseClick(child<QPushButton>(editor, QStringLiteral("newGroupButton")), Qt::LeftButton);
    auto *dialog = qobject_cast<NameDescriptionDialog *>(editor->openDialog());
    QVERIFY(dialog);
    QVERIFY(QTest::qWaitForWindowExposed(dialog));
    QVERIFY(!dialog->okButton()->isEnabled()); // no name yet
    QTest::keyClicks(child<QLineEdit>(dialog, QStringLiteral("nameEdit")),
                     QStringLiteral("Night shift"));
    child<QPlainTextEdit>(dialog, QStringLiteral("descriptionEdit"))
            ->setPlainText(QStringLiteral("Guards on duty 22:00–06:00"));
    loaded.clear();
    QTest::mouseClick(dialog->okButton(), Qt::LeftButton);
    QTRY_VERIFY_WITH_TIMEOUT(!editor->openDialog(), 15000);
    QTRY_VERIFY_WITH_TIMEOUT(loaded.count() >= 1, 15000);
    QVERIFY(editor->currentGroup());
    QCOMPARE(editor->currentGroup()->name, QStringLiteral("Night shift"));

    const test::Reply groups = m_api->get(QStringLiteral("/api/v1/groups"));
    QCOMPARE(groups.status, 200);
    const QJsonObject group = findByKey(groups.object().value(QStringLiteral("groups")).toArray(),
                                        QStringLiteral("name"), QStringLiteral("Night shift"));
    QVERIFY(!group.isEmpty());
    QCOMPARE(group.value(QStringLiteral("description")).toString(),
             QStringLiteral("Guards on duty 22:00–06:00"));
    m_groupId = group.value(QStringLiteral("id")).toInteger();
    QCOMPARE(editor->currentGroup()->id, m_groupId);
}

void TestAdminConsole::usersEditorCreatesUser()
{
    QVERIFY(m_groupId > 0);
    UsersEditor *editor = m_window->usersEditor();
    QSignalSpy loaded(editor, &UsersEditor::loaded);
    showTab(editor);
    // The tab may have loaded before the group existed: reload for the group list.
    QTRY_VERIFY_WITH_TIMEOUT(!editor->isLoading(), 15000);
    editor->reload();
    QTRY_VERIFY_WITH_TIMEOUT(!editor->isLoading() && loaded.count() >= 1, 15000);
    QCOMPARE(editor->model()->rowCount(), 1); // the administrator

    QTest::mouseClick(child<QPushButton>(editor, QStringLiteral("newUserButton")), Qt::LeftButton);
    auto *dialog = qobject_cast<UserDialog *>(editor->openDialog());
    QVERIFY(dialog);
    QVERIFY(QTest::qWaitForWindowExposed(dialog));
    QTest::keyClicks(child<QLineEdit>(dialog, QStringLiteral("firstNameEdit")),
                     QStringLiteral("Olga"));
    QTest::keyClicks(child<QLineEdit>(dialog, QStringLiteral("lastNameEdit")),
                     QStringLiteral("Smirnova"));
    QTest::keyClicks(child<QLineEdit>(dialog, QStringLiteral("emailEdit")),
                     QStringLiteral("olga@vms.test"));
    auto *roleCombo = child<QComboBox>(dialog, QStringLiteral("roleCombo"));
    roleCombo->setCurrentIndex(roleCombo->findText(QStringLiteral("operator")));
    auto *groupCombo = child<QComboBox>(dialog, QStringLiteral("groupCombo"));
    groupCombo->setCurrentIndex(groupCombo->findText(QStringLiteral("Night shift")));
    QTest::keyClicks(child<QLineEdit>(dialog, QStringLiteral("passwordEdit")),
                     QStringLiteral("Olga-Pass-2024"));
    QTest::keyClicks(child<QLineEdit>(dialog, QStringLiteral("confirmPasswordEdit")),
                     QStringLiteral("Olga-Pass-2024"));
    QVERIFY(saveScreenshot(dialog, QStringLiteral("admin_user_dialog.png")));
    loaded.clear();
    QTest::mouseClick(dialog->okButton(), Qt::LeftButton);
    QTRY_VERIFY_WITH_TIMEOUT(!editor->openDialog(), 15000);
    QTRY_VERIFY_WITH_TIMEOUT(loaded.count() >= 1, 15000);
    QCOMPARE(editor->model()->rowCount(), 2);

    const test::Reply users = m_api->get(QStringLiteral("/api/v1/users"));
    QCOMPARE(users.status, 200);
    const QJsonObject olga = findByKey(users.object().value(QStringLiteral("users")).toArray(),
                                       QStringLiteral("email"), QStringLiteral("olga@vms.test"));
    QVERIFY2(!olga.isEmpty(), qPrintable(users.describe()));
    QCOMPARE(olga.value(QStringLiteral("first_name")).toString(), QStringLiteral("Olga"));
    QCOMPARE(olga.value(QStringLiteral("role_id")).toInteger(), m_operatorRoleId);
    const QJsonArray groups = olga.value(QStringLiteral("groups")).toArray();
    QCOMPARE(groups.size(), 1);
    QCOMPARE(groups.first().toObject().value(QStringLiteral("id")).toInteger(), m_groupId);
    m_userId = olga.value(QStringLiteral("id")).toInteger();
    QVERIFY(!tokenFor(QStringLiteral("olga@vms.test"), QStringLiteral("Olga-Pass-2024")).isEmpty());

    // The table shows names, not numbers, and selects the new user.
    const int row = editor->model()->rowOf(m_userId);
    QVERIFY(row >= 0);
    QCOMPARE(editor->model()->index(row, UserTableModel::RoleColumn).data().toString(),
             QStringLiteral("operator"));
    QCOMPARE(editor->model()->index(row, UserTableModel::GroupColumn).data().toString(),
             QStringLiteral("Night shift"));
    QCOMPARE(editor->table()->selectionModel()->selectedRows().size(), 1);
    QVERIFY(saveScreenshot(m_window.get(), QStringLiteral("admin_users.png")));
}

void TestAdminConsole::usersEditorValidatesAndShowsServerErrors()
{
    UsersEditor *editor = m_window->usersEditor();
    editor->createUser();
    auto *dialog = qobject_cast<UserDialog *>(editor->openDialog());
    QVERIFY(dialog);
    child<QLineEdit>(dialog, QStringLiteral("emailEdit"))->setText(QStringLiteral("olga@vms.test"));
    auto *roleCombo = child<QComboBox>(dialog, QStringLiteral("roleCombo"));
    roleCombo->setCurrentIndex(roleCombo->findText(QStringLiteral("operator")));
    auto *groupCombo = child<QComboBox>(dialog, QStringLiteral("groupCombo"));
    groupCombo->setCurrentIndex(groupCombo->findText(QStringLiteral("Night shift")));
    child<QLineEdit>(dialog, QStringLiteral("passwordEdit"))->setText(QStringLiteral("Pass-1234"));
    child<QLineEdit>(dialog, QStringLiteral("confirmPasswordEdit"))
            ->setText(QStringLiteral("Pass-9999"));

    // Caught in the dialog: nothing is sent.
    QTest::mouseClick(dialog->okButton(), Qt::LeftButton);
    QCOMPARE(dialog->errorText(), QStringLiteral("The repeated password does not match."));
    QVERIFY(!dialog->isBusy());

    // Caught by the server: the e-mail is taken. The dialog stays open with the reason.
    child<QLineEdit>(dialog, QStringLiteral("confirmPasswordEdit"))
            ->setText(QStringLiteral("Pass-1234"));
    QTest::mouseClick(dialog->okButton(), Qt::LeftButton);
    QTRY_VERIFY_WITH_TIMEOUT(!dialog->isBusy(), 15000);
    QVERIFY2(dialog->errorText().startsWith(QStringLiteral("The server rejected the request.")),
             qPrintable(dialog->errorText()));
    QVERIFY(dialog->isVisible());
    QVERIFY(saveScreenshot(dialog, QStringLiteral("admin_user_dialog_error.png")));
    dialog->reject();
    QTRY_VERIFY(!editor->openDialog());
}

void TestAdminConsole::usersEditorEditsAndResetsPassword()
{
    QVERIFY(m_userId > 0);
    UsersEditor *editor = m_window->usersEditor();
    QVERIFY(editor->selectUser(m_userId));
    QSignalSpy loaded(editor, &UsersEditor::loaded);
    QTest::mouseClick(child<QPushButton>(editor, QStringLiteral("editUserButton")), Qt::LeftButton);
    auto *dialog = qobject_cast<UserDialog *>(editor->openDialog());
    QVERIFY(dialog);
    QCOMPARE(dialog->mode(), UserDialog::Mode::Edit);
    QVERIFY(!child<QLineEdit>(dialog, QStringLiteral("passwordEdit"))); // edit has no password
    auto *last = child<QLineEdit>(dialog, QStringLiteral("lastNameEdit"));
    QCOMPARE(last->text(), QStringLiteral("Smirnova"));
    last->setText(QStringLiteral("Ivanova"));
    QTest::mouseClick(dialog->okButton(), Qt::LeftButton);
    QTRY_VERIFY_WITH_TIMEOUT(!editor->openDialog(), 15000);
    QTRY_VERIFY_WITH_TIMEOUT(loaded.count() >= 1, 15000);
    const test::Reply user = m_api->get(QStringLiteral("/api/v1/users/%1").arg(m_userId));
    QCOMPARE(user.status, 200);
    QCOMPARE(user.object().value(QStringLiteral("last_name")).toString(),
             QStringLiteral("Ivanova"));
    QCOMPARE(user.object().value(QStringLiteral("groups")).toArray().size(), 1);

    // Reset password: PUT /users/{id} with the new one.
    QVERIFY(editor->selectUser(m_userId));
    QTest::mouseClick(child<QPushButton>(editor, QStringLiteral("resetPasswordButton")),
                      Qt::LeftButton);
    auto *passwordDialog = qobject_cast<PasswordDialog *>(editor->openDialog());
    QVERIFY(passwordDialog);
    child<QLineEdit>(passwordDialog, QStringLiteral("newPasswordEdit"))
            ->setText(QStringLiteral("Olga-Reset-77"));
    child<QLineEdit>(passwordDialog, QStringLiteral("confirmPasswordEdit"))
            ->setText(QStringLiteral("Olga-Reset-77"));
    QTest::mouseClick(passwordDialog->okButton(), Qt::LeftButton);
    QTRY_VERIFY_WITH_TIMEOUT(!editor->openDialog(), 15000);
    QVERIFY(tokenFor(QStringLiteral("olga@vms.test"), QStringLiteral("Olga-Pass-2024")).isEmpty());
    QVERIFY(!tokenFor(QStringLiteral("olga@vms.test"), QStringLiteral("Olga-Reset-77")).isEmpty());
    auto *status = child<StatusLabel>(editor, QStringLiteral("usersStatusLabel"));
    QCOMPARE(status->text(), QStringLiteral("Set a new password for Olga Ivanova."));
}

void TestAdminConsole::rolesEditorCreatesRoleAndTogglesPermission()
{
    RolesEditor *editor = m_window->rolesEditor();
    QSignalSpy rolesLoaded(editor, &RolesEditor::rolesLoaded);
    showTab(editor);
    QTRY_VERIFY_WITH_TIMEOUT(rolesLoaded.count() >= 1, 15000);
    QVERIFY(editor->roleModel()->rowCount() >= 2);

    QTest::mouseClick(child<QPushButton>(editor, QStringLiteral("newRoleButton")), Qt::LeftButton);
    auto *dialog = qobject_cast<NameDescriptionDialog *>(editor->openDialog());
    QVERIFY(dialog);
    QTest::keyClicks(child<QLineEdit>(dialog, QStringLiteral("nameEdit")),
                     QStringLiteral("Dispatcher"));
    QSignalSpy permissionsLoaded(editor, &RolesEditor::permissionsLoaded);
    QTest::mouseClick(dialog->okButton(), Qt::LeftButton);
    QTRY_VERIFY_WITH_TIMEOUT(!editor->openDialog(), 15000);
    QTRY_VERIFY_WITH_TIMEOUT(editor->currentRole()
                                     && editor->currentRole()->name == QLatin1String("Dispatcher")
                                     && !editor->isLoadingPermissions(),
                             15000);
    m_roleId = editor->currentRole()->id;
    QVERIFY(editor->permissionModel()->isEditable());
    QVERIFY(editor->permissionModel()->granted().isEmpty());

    // The filter narrows the checklist; Space on the current item ticks it, like a click.
    auto *filter = child<QLineEdit>(editor, QStringLiteral("permissionFilterEdit"));
    QTest::keyClicks(filter, QStringLiteral("camera_read"));
    QTreeView *view = editor->permissionView();
    QSortFilterProxyModel *proxy = editor->permissionProxy();
    QCOMPARE(proxy->rowCount(), 2); // Cameras (camera_read) and Plans (plan_camera_read)
    const QModelIndex item = proxy->mapFromSource(
            editor->permissionModel()->indexOf(QStringLiteral("camera_read")));
    QVERIFY(item.isValid());
    QCOMPARE(proxy->rowCount(item.parent()), 1);
    QSignalSpy toggled(editor, &RolesEditor::toggleFinished);
    view->setFocus();
    view->setCurrentIndex(item);
    QTest::keyClick(view->viewport(), Qt::Key_Space);
    QCOMPARE(item.data(Qt::CheckStateRole).toInt(), int(Qt::Checked)); // shown at once
    QTRY_COMPARE_WITH_TIMEOUT(toggled.count(), 1, 15000);
    QCOMPARE(toggled.at(0).at(1).toBool(), true);

    test::Reply permissions
            = m_api->get(QStringLiteral("/api/v1/roles/%1/permissions").arg(m_roleId));
    QCOMPARE(permissions.status, 200);
    QCOMPARE(permissions.object().value(QStringLiteral("permissions")).toArray(),
             QJsonArray{QStringLiteral("camera_read")});
    QCOMPARE(child<StatusLabel>(editor, QStringLiteral("rolesStatusLabel"))->text(),
             QStringLiteral("Granted camera_read to Dispatcher."));

    // A second permission, then the first one off again (DELETE /permissions).
    filter->clear();
    view->setCurrentIndex(
            proxy->mapFromSource(editor->permissionModel()->indexOf(QStringLiteral("plan_read"))));
    QTest::keyClick(view->viewport(), Qt::Key_Space);
    QTRY_COMPARE_WITH_TIMEOUT(toggled.count(), 2, 15000);
    view->setCurrentIndex(proxy->mapFromSource(
            editor->permissionModel()->indexOf(QStringLiteral("camera_read"))));
    QTest::keyClick(view->viewport(), Qt::Key_Space);
    QTRY_COMPARE_WITH_TIMEOUT(toggled.count(), 3, 15000);
    QCOMPARE(toggled.at(2).at(1).toBool(), true);
    permissions = m_api->get(QStringLiteral("/api/v1/roles/%1/permissions").arg(m_roleId));
    QCOMPARE(permissions.object().value(QStringLiteral("permissions")).toArray(),
             QJsonArray{QStringLiteral("plan_read")});
    QCOMPARE(editor->permissionModel()->granted(), QStringList{QStringLiteral("plan_read")});
    view->scrollTo(proxy->mapFromSource(
            editor->permissionModel()->indexOf(QStringLiteral("camera_read"))));
    QVERIFY(saveScreenshot(m_window.get(), QStringLiteral("admin_roles.png")));
}

void TestAdminConsole::rolesEditorRollsBackRefusedToggle()
{
    RolesEditor *editor = m_window->rolesEditor();
    QVERIFY(m_roleId > 0);
    QCOMPARE(editor->currentRole()->id, m_roleId);
    // Someone else deletes the role while the editor shows it: the next toggle is refused.
    QCOMPARE(m_api->del(QStringLiteral("/api/v1/roles/%1").arg(m_roleId)).status, 200);

    QSignalSpy toggled(editor, &RolesEditor::toggleFinished);
    const QModelIndex item = editor->permissionModel()->indexOf(QStringLiteral("stats_read"));
    QVERIFY(editor->permissionProxy()->setData(editor->permissionProxy()->mapFromSource(item),
                                               Qt::Checked, Qt::CheckStateRole));
    QTRY_COMPARE_WITH_TIMEOUT(toggled.count(), 1, 15000);
    QCOMPARE(toggled.at(0).at(1).toBool(), false);
    QCOMPARE(item.data(Qt::CheckStateRole).toInt(), int(Qt::Unchecked)); // rolled back
    QVERIFY(!editor->permissionModel()->isPending(QStringLiteral("stats_read")));
    auto *status = child<StatusLabel>(editor, QStringLiteral("rolesStatusLabel"));
    QVERIFY(status->isError());
    QCOMPARE(status->text(), QStringLiteral("Could not grant stats_read: The requested item does "
                                            "not exist any more."));
    QVERIFY(saveScreenshot(editor, QStringLiteral("admin_roles_refused.png")));
    m_roleId = 0;
}

void TestAdminConsole::rolesEditorKeepsBuiltInRolesReadOnly()
{
    RolesEditor *editor = m_window->rolesEditor();
    editor->reload();
    QTRY_VERIFY_WITH_TIMEOUT(editor->selectRole(m_operatorRoleId), 15000);
    QTRY_VERIFY_WITH_TIMEOUT(!editor->isLoadingPermissions(), 15000);
    QVERIFY(editor->currentRole()->isInternal);
    QVERIFY(!editor->permissionModel()->isEditable());
    QVERIFY(editor->permissionModel()->isGranted(QStringLiteral("camera_read")));
    QVERIFY(!child<QPushButton>(editor, QStringLiteral("editRoleButton"))->isEnabled());
    QVERIFY(!child<QPushButton>(editor, QStringLiteral("deleteRoleButton"))->isEnabled());
    QVERIFY(child<QWidget>(editor, QStringLiteral("readOnlyLabel"))->isVisible());
    const QModelIndex item = editor->permissionModel()->indexOf(QStringLiteral("camera_read"));
    QVERIFY(!editor->permissionModel()->setData(item, Qt::Unchecked, Qt::CheckStateRole));
}

void TestAdminConsole::groupsEditorManagesMembersAndPlaces()
{
    // A user without a group (created in another group, then taken out) and a place.
    const test::Reply otherGroup
            = m_api->post(QStringLiteral("/api/v1/groups"),
                          QJsonObject{{QStringLiteral("name"), QStringLiteral("Day shift")},
                                      {QStringLiteral("description"), QString()}});
    QCOMPARE(otherGroup.status, 200);
    const qint64 otherGroupId = otherGroup.object().value(QStringLiteral("id")).toInteger();
    const test::Reply petr
            = m_api->post(QStringLiteral("/api/v1/users"),
                          QJsonObject{{QStringLiteral("first_name"), QStringLiteral("Petr")},
                                      {QStringLiteral("last_name"), QStringLiteral("Orlov")},
                                      {QStringLiteral("email"), QStringLiteral("petr@vms.test")},
                                      {QStringLiteral("password"), QStringLiteral("Petr-Pass-123")},
                                      {QStringLiteral("group_ids"), QJsonArray{otherGroupId}},
                                      {QStringLiteral("role_id"), m_operatorRoleId}});
    QCOMPARE(petr.status, 200);
    const qint64 petrId = petr.object().value(QStringLiteral("id")).toInteger();
    QCOMPARE(m_api->del(QStringLiteral("/api/v1/groups/%1/members").arg(otherGroupId),
                        QJsonObject{{QStringLiteral("user_ids"), QJsonArray{petrId}}})
                     .status,
             200);
    const test::Reply place
            = m_api->post(QStringLiteral("/api/v1/places"),
                          QJsonObject{{QStringLiteral("name"), QStringLiteral("Warehouse 2")}});
    QCOMPARE(place.status, 200);
    const qint64 placeId = place.object().value(QStringLiteral("id")).toInteger();

    GroupsEditor *editor = m_window->groupsEditor();
    showTab(editor);
    QSignalSpy loaded(editor, &GroupsEditor::groupsLoaded);
    editor->reload();
    QTRY_VERIFY_WITH_TIMEOUT(loaded.count() >= 1 && !editor->isBusy(), 15000);
    QVERIFY(editor->selectGroup(m_groupId));
    QTRY_VERIFY_WITH_TIMEOUT(!editor->isBusy(), 15000);
    QCOMPARE(editor->memberModel()->rowCount(), 1); // Olga

    // Add Petr through the picker of users without a group.
    QTest::mouseClick(child<QPushButton>(editor, QStringLiteral("addMembersButton")),
                      Qt::LeftButton);
    auto *picker = qobject_cast<ItemPickerDialog *>(editor->openDialog());
    QVERIFY(picker);
    auto *list = child<QAbstractItemView>(picker, QStringLiteral("pickerList"));
    // Petr and the administrator are the users without a group; Olga is in one.
    QTRY_COMPARE_WITH_TIMEOUT(list->model()->rowCount(), 2, 15000);
    QStringList offered;
    for (int row = 0; row < list->model()->rowCount(); ++row)
        offered.append(list->model()->index(row, 0).data().toString());
    QVERIFY2(offered.contains(QStringLiteral("Petr Orlov — petr@vms.test")),
             qPrintable(offered.join(u'|')));
    QVERIFY(!offered.join(u'|').contains(QStringLiteral("Olga")));
    QVERIFY(!picker->okButton()->isEnabled());
    picker->selectIds({petrId});
    QVERIFY(picker->okButton()->isEnabled());
    QVERIFY(saveScreenshot(picker, QStringLiteral("admin_user_picker.png")));
    QTest::mouseClick(picker->okButton(), Qt::LeftButton);
    QTRY_VERIFY_WITH_TIMEOUT(!editor->openDialog(), 15000);
    QTRY_COMPARE_WITH_TIMEOUT(editor->memberModel()->rowCount(), 2, 15000);
    test::Reply members = m_api->get(QStringLiteral("/api/v1/groups/%1/members").arg(m_groupId));
    QCOMPARE(members.status, 200);
    QVERIFY(!findById(members.object().value(QStringLiteral("users")).toArray(), petrId).isEmpty());

    // And a place.
    QTest::mouseClick(child<QPushButton>(editor, QStringLiteral("addPlacesButton")),
                      Qt::LeftButton);
    picker = qobject_cast<ItemPickerDialog *>(editor->openDialog());
    QVERIFY(picker);
    list = child<QAbstractItemView>(picker, QStringLiteral("pickerList"));
    QTRY_COMPARE_WITH_TIMEOUT(list->model()->rowCount(), 1, 15000);
    picker->selectIds({placeId});
    QTest::mouseClick(picker->okButton(), Qt::LeftButton);
    QTRY_VERIFY_WITH_TIMEOUT(!editor->openDialog(), 15000);
    QTRY_COMPARE_WITH_TIMEOUT(editor->placeModel()->rowCount(), 1, 15000);
    QTRY_VERIFY_WITH_TIMEOUT(!editor->isBusy(), 15000);
    test::Reply places = m_api->get(QStringLiteral("/api/v1/groups/%1/places").arg(m_groupId));
    QCOMPARE(places.object().value(QStringLiteral("places")).toArray().size(), 1);
    QVERIFY(saveScreenshot(m_window.get(), QStringLiteral("admin_groups.png")));

    // Remove both again with the Remove buttons.
    const int petrRow = editor->memberModel()->rowOf(petrId);
    QVERIFY(petrRow >= 0);
    editor->memberTable()->selectRow(petrRow);
    QTest::mouseClick(child<QPushButton>(editor, QStringLiteral("removeMembersButton")),
                      Qt::LeftButton);
    QTRY_COMPARE_WITH_TIMEOUT(editor->memberModel()->rowCount(), 1, 15000);
    QTRY_VERIFY_WITH_TIMEOUT(!editor->isBusy(), 15000);
    editor->placeTable()->selectRow(0);
    QTest::mouseClick(child<QPushButton>(editor, QStringLiteral("removePlacesButton")),
                      Qt::LeftButton);
    QTRY_COMPARE_WITH_TIMEOUT(editor->placeModel()->rowCount(), 0, 15000);
    members = m_api->get(QStringLiteral("/api/v1/groups/%1/members").arg(m_groupId));
    QVERIFY(findById(members.object().value(QStringLiteral("users")).toArray(), petrId).isEmpty());
    places = m_api->get(QStringLiteral("/api/v1/groups/%1/places").arg(m_groupId));
    QVERIFY(places.object().value(QStringLiteral("places")).toArray().isEmpty());

    // A group with members cannot be deleted: the server says so, in words.
    QTRY_VERIFY_WITH_TIMEOUT(!editor->isBusy(), 15000);
    QTest::mouseClick(child<QPushButton>(editor, QStringLiteral("deleteGroupButton")),
                      Qt::LeftButton);
    QVERIFY(confirmOpenBox(editor));
    auto *status = child<StatusLabel>(editor, QStringLiteral("groupsStatusLabel"));
    QTRY_VERIFY_WITH_TIMEOUT(status->isError(), 15000);
    QVERIFY2(status->text().startsWith(QStringLiteral("Could not delete Night shift:")),
             qPrintable(status->text()));
    QCOMPARE(m_api->get(QStringLiteral("/api/v1/groups/%1").arg(m_groupId)).status, 200);
}

void TestAdminConsole::organizationsEditorCreatesAndDeletes()
{
    OrganizationsEditor *editor = m_window->organizationsEditor();
    QSignalSpy loaded(editor, &OrganizationsEditor::loaded);
    showTab(editor);
    QTRY_VERIFY_WITH_TIMEOUT(loaded.count() >= 1, 15000);
    QCOMPARE(editor->model()->rowCount(), 1); // the built-in default organization
    QCOMPARE(editor->model()->index(0, OrganizationTableModel::KindColumn).data().toString(),
             QStringLiteral("Built-in"));

    QTest::mouseClick(child<QPushButton>(editor, QStringLiteral("newOrganizationButton")),
                      Qt::LeftButton);
    auto *dialog = qobject_cast<NameDescriptionDialog *>(editor->openDialog());
    QVERIFY(dialog);
    QTest::keyClicks(child<QLineEdit>(dialog, QStringLiteral("nameEdit")),
                     QStringLiteral("Northwind Security"));
    child<QPlainTextEdit>(dialog, QStringLiteral("descriptionEdit"))
            ->setPlainText(QStringLiteral("Tenant for the north campus"));
    loaded.clear();
    QTest::mouseClick(dialog->okButton(), Qt::LeftButton);
    QTRY_VERIFY_WITH_TIMEOUT(!editor->openDialog(), 15000);
    QTRY_VERIFY_WITH_TIMEOUT(loaded.count() >= 1, 15000);
    QCOMPARE(editor->model()->rowCount(), 2);
    QVERIFY(saveScreenshot(m_window.get(), QStringLiteral("admin_organizations.png")));

    const test::Reply search
            = m_api->post(QStringLiteral("/api/v1/organizations/search"),
                          QJsonObject{{QStringLiteral("query"), QStringLiteral("Northwind")}});
    QCOMPARE(search.status, 200);
    const QJsonArray found = search.object().value(QStringLiteral("organizations")).toArray();
    QCOMPARE(found.size(), 1);
    const qint64 id = found.first().toObject().value(QStringLiteral("id")).toInteger();
    QCOMPARE(found.first().toObject().value(QStringLiteral("description")).toString(),
             QStringLiteral("Tenant for the north campus"));

    QVERIFY(editor->selectOrganization(id));
    loaded.clear();
    QTest::mouseClick(child<QPushButton>(editor, QStringLiteral("deleteOrganizationButton")),
                      Qt::LeftButton);
    QVERIFY(confirmOpenBox(editor));
    QTRY_VERIFY_WITH_TIMEOUT(loaded.count() >= 1, 15000);
    QCOMPARE(editor->model()->rowCount(), 1);
    QCOMPARE(m_api->get(QStringLiteral("/api/v1/organizations/%1").arg(id)).status, 404);
}

void TestAdminConsole::usersEditorDeletesWithConfirmation()
{
    // Petr, from the group test, goes.
    const test::Reply search
            = m_api->post(QStringLiteral("/api/v1/users/search"),
                          QJsonObject{{QStringLiteral("query"), QStringLiteral("petr@vms.test")}});
    QCOMPARE(search.status, 200);
    const QJsonArray found = search.object().value(QStringLiteral("users")).toArray();
    QCOMPARE(found.size(), 1);
    const qint64 petrId = found.first().toObject().value(QStringLiteral("id")).toInteger();

    UsersEditor *editor = m_window->usersEditor();
    showTab(editor);
    QSignalSpy loaded(editor, &UsersEditor::loaded);
    editor->reload();
    QTRY_VERIFY_WITH_TIMEOUT(loaded.count() >= 1, 15000);
    QVERIFY(editor->selectUser(petrId));
    loaded.clear();
    QTest::mouseClick(child<QPushButton>(editor, QStringLiteral("deleteUserButton")),
                      Qt::LeftButton);
    QVERIFY(confirmOpenBox(editor));
    QTRY_VERIFY_WITH_TIMEOUT(loaded.count() >= 1, 15000);
    QCOMPARE(editor->model()->rowOf(petrId), -1);
    QCOMPARE(m_api->get(QStringLiteral("/api/v1/users/%1").arg(petrId)).status, 404);
}

void TestAdminConsole::operatorSeesNoOrganizationsTab()
{
    client::ApiClient client(m_url);
    QVERIFY(await(client.login(QStringLiteral("olga@vms.test"), QStringLiteral("Olga-Reset-77")))
                    .hasValue());
    MainWindow window(&client);
    QSignalSpy userLoaded(window.profileView(), &ProfileView::userLoaded);
    window.show();
    QTRY_VERIFY_WITH_TIMEOUT(userLoaded.count() >= 1, 15000);
    QTabWidget *tabs = window.adminTabs();
    // The operator role reads everything but is no superuser.
    QCOMPARE(tabs->indexOf(window.organizationsEditor()), -1);
    QVERIFY(tabs->indexOf(window.usersEditor()) > 0);
    QVERIFY(tabs->indexOf(window.rolesEditor()) > 0);
    QCOMPARE(tabs->count(), 5);
    window.hide();
}

void TestAdminConsole::editorsInRussian()
{
    QTranslator translator;
    QVERIFY(translator.load(QStringLiteral(":/i18n/vms_ru.qm")));
    QVERIFY(QCoreApplication::installTranslator(&translator));
    {
        MainWindow window(m_client.get());
        window.resize(1440, 900);
        QSignalSpy userLoaded(window.profileView(), &ProfileView::userLoaded);
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        QTRY_VERIFY_WITH_TIMEOUT(userLoaded.count() >= 1, 15000);
        QTabWidget *tabs = window.adminTabs();
        QCOMPARE(tabs->tabText(tabs->indexOf(window.usersEditor())),
                 QStringLiteral("Пользователи"));
        QCOMPARE(tabs->tabText(tabs->indexOf(window.organizationsEditor())),
                 QStringLiteral("Организации"));

        UsersEditor *users = window.usersEditor();
        QSignalSpy usersLoaded(users, &UsersEditor::loaded);
        tabs->setCurrentWidget(users);
        QTRY_VERIFY_WITH_TIMEOUT(usersLoaded.count() >= 1, 15000);
        QCOMPARE(child<QPushButton>(users, QStringLiteral("newUserButton"))->text(),
                 QStringLiteral("Новый пользователь…"));
        QVERIFY(saveScreenshot(&window, QStringLiteral("admin_users_ru.png")));
        users->createUser();
        auto *dialog = qobject_cast<UserDialog *>(users->openDialog());
        QVERIFY(dialog);
        QVERIFY(QTest::qWaitForWindowExposed(dialog));
        QCOMPARE(dialog->okButton()->text(), QStringLiteral("Создать пользователя"));
        QTest::mouseClick(dialog->okButton(), Qt::LeftButton);
        QCOMPARE(dialog->errorText(), QStringLiteral("Введите адрес эл. почты — с ним "
                                                     "пользователь входит в систему."));
        QVERIFY(saveScreenshot(dialog, QStringLiteral("admin_user_dialog_ru.png")));
        dialog->reject();

        RolesEditor *roles = window.rolesEditor();
        QSignalSpy rolesLoaded(roles, &RolesEditor::rolesLoaded);
        tabs->setCurrentWidget(roles);
        QTRY_VERIFY_WITH_TIMEOUT(rolesLoaded.count() >= 1 && !roles->isLoadingPermissions(), 15000);
        const QModelIndex cameras
                = roles->permissionModel()->indexOf(QStringLiteral("camera_read")).parent();
        QVERIFY(cameras.data().toString().startsWith(QStringLiteral("Камеры (")));
        QVERIFY(saveScreenshot(&window, QStringLiteral("admin_roles_ru.png")));
        window.hide();
    }
    QCoreApplication::removeTranslator(&translator);
}

QTEST_MAIN(TestAdminConsole)
#include "tst_admin_console.moc"
