// Seed 002 §26.1, 26.2, 26.5–26.7, 26.10: administration of user accounts (/api/v1/users,
// /api/v1/users/{user_id}, /api/v1/users/search).
#include "tests/api/admin_fixture.h"
#include "tests/api/sites_fixture.h"

#include <QJsonArray>
#include <QTest>
#include <QUuid>

using namespace vms::apitest;

class TstApiUsers : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void init();
    void cleanup();
    void cleanupTestCase();

    void createAndLogIn();
    void createInOrganization();
    void createErrors();
    void createWithAvatar();
    void createValidation_data();
    void createValidation();
    void createRoleEscalation();
    void listPaginated();
    void listWithoutGroups();
    void getUser();
    void updateReplacesEverything();
    void updateErrors();
    void updateValidation_data();
    void updateValidation();
    void updatePasswordEndsSessions();
    void updateSelf();
    void deleteUser();
    void deleteRules();
    void search();
    void searchScope();
    void searchValidation_data();
    void searchValidation();
    void literalPathsWin();
    void isolation();
    void strongerAccountsAreOffLimits();
    void permissionDenied();

private:
    ApiTestClient &admin() { return *m_admin; }
    ApiTestClient &tenant() { return *m_tenant.client; }
    QString path(qint64 id) const { return QStringLiteral("/api/v1/users/%1").arg(id); }
    /** POST /api/v1/users as `client`; the id or 0. */
    qint64 create(ApiTestClient &client, const QJsonObject &body, const QString &query = {})
    {
        const auto r = client.post(QStringLiteral("/api/v1/users") + query, body);
        if (r.status != 200)
            qWarning("%s", qPrintable(r.describe()));
        return r.status == 200 ? r.object().value(QLatin1String("id")).toInteger() : 0;
    }
    QJsonObject updateBody(const QJsonObject &user) const;

    TestServer m_server;
    std::unique_ptr<ApiTestClient> m_admin;
    qint64 m_adminId = 0;
    qint64 m_defaultOrg = 0;
    qint64 m_defaultGroup = 0;
    qint64 m_operatorRole = 0;
    qint64 m_superRole = 0;
    qint64 m_tenantOrg = 0;
    qint64 m_tenantGroup = 0;
    qint64 m_tenantRole = 0; ///< every user permission, and a few more
    qint64 m_viewerRole = 0; ///< a subset of m_tenantRole
    ApiUser m_tenant;
};

void TstApiUsers::initTestCase()
{
    QVERIFY2(m_server.start(), qPrintable(m_server.errorString()));
    m_admin = std::make_unique<ApiTestClient>(m_server.url());
    const Session s = login(*m_admin, m_server.adminLogin(), m_server.adminPassword());
    QVERIFY2(s.isValid(), qPrintable(s.reply.describe()));
    m_admin->setBearer(s.accessToken);
    const QJsonObject me = admin().get(QStringLiteral("/api/v1/users/me")).object();
    m_adminId = me.value(QLatin1String("id")).toInteger();
    m_defaultOrg = me.value(QLatin1String("organization_id")).toInteger();
    m_superRole = me.value(QLatin1String("role_id")).toInteger();
    QVERIFY(m_adminId > 0 && m_defaultOrg > 0);
    const QJsonArray roles = admin().get(QStringLiteral("/api/v1/roles"))
                                     .object()
                                     .value(QLatin1String("roles"))
                                     .toArray();
    for (const QJsonValue &r : roles) {
        if (r.toObject().value(QLatin1String("name")).toString() == QLatin1String("operator"))
            m_operatorRole = r.toObject().value(QLatin1String("id")).toInteger();
    }
    QVERIFY(m_operatorRole > 0);
    m_defaultGroup = apiCreateGroup(admin(), QStringLiteral("Headquarters"));
    QVERIFY(m_defaultGroup > 0);

    m_tenantOrg = apiCreateOrganization(admin(), uniqueName(QStringLiteral("Tenant")));
    QVERIFY(m_tenantOrg > 0);
    m_tenantGroup = apiCreateGroup(admin(), QStringLiteral("Staff"), m_tenantOrg);
    QVERIFY(m_tenantGroup > 0);
    m_tenantRole = apiCreateRole(admin(), uniqueName(QStringLiteral("user admin")),
                                 {QStringLiteral("user_read"), QStringLiteral("user_create"),
                                  QStringLiteral("user_update"), QStringLiteral("user_delete"),
                                  QStringLiteral("user_me_read"), QStringLiteral("upload_create"),
                                  QStringLiteral("group_read")});
    QVERIFY(m_tenantRole > 0);
    m_viewerRole = apiCreateRole(admin(), uniqueName(QStringLiteral("viewer")),
                                 {QStringLiteral("user_me_read"), QStringLiteral("group_read")});
    QVERIFY(m_viewerRole > 0);
    m_tenant = apiCreateUser(admin(), m_tenantOrg, m_tenantGroup, m_tenantRole);
    QVERIFY(m_tenant.isValid());
    VMS_VERIFY_NO_SCHEMA_FAILURES(*m_admin);
}

void TstApiUsers::init()
{
    m_admin->clearSchemaFailures();
    m_tenant.client->clearSchemaFailures();
}

void TstApiUsers::cleanup()
{
    VMS_VERIFY_NO_SCHEMA_FAILURES(*m_admin);
    VMS_VERIFY_NO_SCHEMA_FAILURES(*m_tenant.client);
}

void TstApiUsers::cleanupTestCase()
{
    m_tenant.client.reset();
    m_admin.reset();
    m_server.stop();
}

QJsonObject TstApiUsers::updateBody(const QJsonObject &user) const
{
    QJsonArray groups;
    for (const QJsonValue &g : user.value(QLatin1String("groups")).toArray())
        groups.append(g.toObject().value(QLatin1String("id")));
    QJsonObject body{{QStringLiteral("first_name"), user.value(QLatin1String("first_name"))},
                     {QStringLiteral("last_name"), user.value(QLatin1String("last_name"))},
                     {QStringLiteral("email"), user.value(QLatin1String("email"))},
                     {QStringLiteral("group_ids"), groups},
                     {QStringLiteral("role_id"), user.value(QLatin1String("role_id"))}};
    if (user.contains(QLatin1String("avatar_id")))
        body.insert(QStringLiteral("avatar_id"), user.value(QLatin1String("avatar_id")));
    return body;
}

void TstApiUsers::createAndLogIn()
{
    const QString email = uniqueEmail(QStringLiteral("New.Person"));
    const QString password = randomPassword();
    const auto r = admin().post(QStringLiteral("/api/v1/users"),
                                userBody(email.toUpper(), m_defaultGroup, m_operatorRole, password,
                                         QStringLiteral(" Maria "), QStringLiteral("Curie")));
    VMS_VERIFY_STATUS(r, 200);
    const QJsonObject u = r.object();
    const qint64 id = u.value(QLatin1String("id")).toInteger();
    QVERIFY(id > 0);
    QCOMPARE(u.value(QLatin1String("email")).toString(), email.toLower());
    QCOMPARE(u.value(QLatin1String("first_name")).toString(), QStringLiteral("Maria"));
    QCOMPARE(u.value(QLatin1String("last_name")).toString(), QStringLiteral("Curie"));
    QCOMPARE(u.value(QLatin1String("organization_id")).toInteger(), m_defaultOrg);
    QCOMPARE(u.value(QLatin1String("role_id")).toInteger(), m_operatorRole);
    QCOMPARE(u.value(QLatin1String("is_superuser")).toBool(true), false);
    QCOMPARE(idList(u.value(QLatin1String("groups"))), QList<qint64>{m_defaultGroup});
    QVERIFY(!u.contains(QLatin1String("password")));
    QVERIFY(!u.contains(QLatin1String("password_hash")));
    QCOMPARE(admin().get(path(id)).object(), u);
    QVERIFY(hasAuditEntry(admin(), QStringLiteral("user_create"), QStringLiteral("user_id"), id));

    // The account works with its password.
    ApiTestClient c(m_server.url());
    const Session s = login(c, email, password);
    QVERIFY2(s.isValid(), qPrintable(s.reply.describe()));
    const auto me = getWithToken(c, QStringLiteral("/api/v1/users/me"), s.accessToken);
    VMS_VERIFY_STATUS(me, 200);
    QCOMPARE(me.object().value(QLatin1String("id")).toInteger(), id);
    VMS_VERIFY_NO_SCHEMA_FAILURES(c);
}

void TstApiUsers::createInOrganization()
{
    const QString query = QStringLiteral("?organization_id=%1").arg(m_tenantOrg);
    const auto r = admin().post(
            QStringLiteral("/api/v1/users") + query,
            userBody(uniqueEmail(QStringLiteral("remote")), m_tenantGroup, m_viewerRole));
    VMS_VERIFY_STATUS(r, 200);
    QCOMPARE(r.object().value(QLatin1String("organization_id")).toInteger(), m_tenantOrg);

    const QString bad = QStringLiteral("invalid_request");
    // An unknown organization.
    VMS_VERIFY_ERROR(
            admin().post(QStringLiteral("/api/v1/users?organization_id=999999"),
                         userBody(uniqueEmail(QStringLiteral("x")), m_tenantGroup, m_viewerRole)),
            400, bad);
    // The group must belong to the new user's organization.
    VMS_VERIFY_ERROR(
            admin().post(QStringLiteral("/api/v1/users") + query,
                         userBody(uniqueEmail(QStringLiteral("x")), m_defaultGroup, m_viewerRole)),
            400, bad);
    // Without organization_id: the caller's organization.
    VMS_VERIFY_ERROR(
            admin().post(QStringLiteral("/api/v1/users"),
                         userBody(uniqueEmail(QStringLiteral("x")), m_tenantGroup, m_viewerRole)),
            400, bad);
    // Only superusers name the organization, even their own.
    for (qint64 org : {m_tenantOrg, m_defaultOrg}) {
        VMS_VERIFY_ERROR(tenant().post(QStringLiteral("/api/v1/users?organization_id=%1").arg(org),
                                       userBody(uniqueEmail(QStringLiteral("x")), m_tenantGroup,
                                                m_viewerRole)),
                         400, bad);
    }
    const auto own = tenant().post(
            QStringLiteral("/api/v1/users"),
            userBody(uniqueEmail(QStringLiteral("local")), m_tenantGroup, m_viewerRole));
    VMS_VERIFY_STATUS(own, 200);
    QCOMPARE(own.object().value(QLatin1String("organization_id")).toInteger(), m_tenantOrg);
}

void TstApiUsers::createErrors()
{
    const QString bad = QStringLiteral("invalid_request");
    const QString email = uniqueEmail(QStringLiteral("dup"));
    QVERIFY(create(admin(), userBody(email, m_defaultGroup, m_operatorRole)) > 0);
    // The same address in other letters.
    VMS_VERIFY_ERROR(admin().post(QStringLiteral("/api/v1/users"),
                                  userBody(email.toUpper(), m_defaultGroup, m_operatorRole)),
                     400, bad);
    VMS_VERIFY_ERROR(admin().post(QStringLiteral("/api/v1/users"),
                                  userBody(m_server.adminLogin(), m_defaultGroup, m_operatorRole)),
                     400, bad);
    VMS_VERIFY_ERROR(
            admin().post(QStringLiteral("/api/v1/users"),
                         userBody(uniqueEmail(QStringLiteral("g")), 999999, m_operatorRole)),
            400, bad);
    VMS_VERIFY_ERROR(
            admin().post(QStringLiteral("/api/v1/users"),
                         userBody(uniqueEmail(QStringLiteral("r")), m_defaultGroup, 999999)),
            400, bad);
    QJsonObject withAvatar
            = userBody(uniqueEmail(QStringLiteral("a")), m_defaultGroup, m_operatorRole);
    withAvatar.insert(QStringLiteral("avatar_id"),
                      QUuid::createUuid().toString(QUuid::WithoutBraces));
    VMS_VERIFY_ERROR(admin().post(QStringLiteral("/api/v1/users"), withAvatar), 400, bad);
}

void TstApiUsers::createWithAvatar()
{
    const QString avatar = uploadImage(admin(), QStringLiteral("avatar"));
    QVERIFY(!avatar.isEmpty());
    QJsonObject body
            = userBody(uniqueEmail(QStringLiteral("face")), m_defaultGroup, m_operatorRole);
    body.insert(QStringLiteral("avatar_id"), avatar);
    const auto r = admin().post(QStringLiteral("/api/v1/users"), body);
    VMS_VERIFY_STATUS(r, 200);
    QCOMPARE(r.object().value(QLatin1String("avatar_id")).toString(), avatar);
    QVERIFY(r.object().value(QLatin1String("avatar_url")).toString().contains(avatar));

    // An upload of another kind, or of another organization, is no avatar here.
    const QString plan = uploadImage(admin(), QStringLiteral("plan"));
    QVERIFY(!plan.isEmpty());
    body = userBody(uniqueEmail(QStringLiteral("plan")), m_defaultGroup, m_operatorRole);
    body.insert(QStringLiteral("avatar_id"), plan);
    VMS_VERIFY_ERROR(admin().post(QStringLiteral("/api/v1/users"), body), 400,
                     QStringLiteral("invalid_request"));
    body = userBody(uniqueEmail(QStringLiteral("far")), m_tenantGroup, m_viewerRole);
    body.insert(QStringLiteral("avatar_id"), avatar);
    VMS_VERIFY_ERROR(
            admin().post(QStringLiteral("/api/v1/users?organization_id=%1").arg(m_tenantOrg), body),
            400, QStringLiteral("invalid_request"));
    VMS_VERIFY_ERROR(tenant().post(QStringLiteral("/api/v1/users"), body), 400,
                     QStringLiteral("invalid_request"));
    // The tenant's own avatar upload works for the tenant.
    const QString own = uploadImage(tenant(), QStringLiteral("avatar"));
    QVERIFY(!own.isEmpty());
    body.insert(QStringLiteral("avatar_id"), own);
    VMS_VERIFY_STATUS(tenant().post(QStringLiteral("/api/v1/users"), body), 200);
}

void TstApiUsers::createValidation_data()
{
    QTest::addColumn<QString>("field");
    QTest::addColumn<QJsonValue>("value"); // Undefined: the field is left out
    QTest::addColumn<QString>("type");
    QTest::addColumn<QString>("index"); // for list elements

    const QJsonValue none(QJsonValue::Undefined);
    for (const char *f : {"first_name", "last_name", "email", "password", "group_ids", "role_id"})
        QTest::addRow("no %s", f) << QString::fromLatin1(f) << none
                                  << QStringLiteral("value_error.missing") << QString();
    QTest::newRow("invalid email")
            << QStringLiteral("email") << QJsonValue(QStringLiteral("not-an-email"))
            << QStringLiteral("value_error.email") << QString();
    QTest::newRow("email with blanks")
            << QStringLiteral("email") << QJsonValue(QStringLiteral("a b@example.com"))
            << QStringLiteral("value_error.email") << QString();
    QTest::newRow("short password")
            << QStringLiteral("password") << QJsonValue(QStringLiteral("1234567"))
            << QStringLiteral("value_error.any_str.min_length") << QString();
    QTest::newRow("long password")
            << QStringLiteral("password") << QJsonValue(QString(129, QLatin1Char('p')))
            << QStringLiteral("value_error.any_str.max_length") << QString();
    QTest::newRow("two groups") << QStringLiteral("group_ids") << QJsonValue(QJsonArray{1, 2})
                                << QStringLiteral("value_error.list.max_items") << QString();
    QTest::newRow("no group") << QStringLiteral("group_ids") << QJsonValue(QJsonArray{})
                              << QStringLiteral("value_error.list.min_items") << QString();
    QTest::newRow("groups not a list") << QStringLiteral("group_ids") << QJsonValue(3)
                                       << QStringLiteral("type_error.list") << QString();
    QTest::newRow("group id not a number")
            << QStringLiteral("group_ids") << QJsonValue(QJsonArray{QStringLiteral("a")})
            << QStringLiteral("type_error.integer") << QStringLiteral("0");
    QTest::newRow("role_id not a number")
            << QStringLiteral("role_id") << QJsonValue(QStringLiteral("admin"))
            << QStringLiteral("type_error.integer") << QString();
    QTest::newRow("long first name")
            << QStringLiteral("first_name") << QJsonValue(QString(33, QLatin1Char('f')))
            << QStringLiteral("value_error.any_str.max_length") << QString();
    QTest::newRow("avatar not a string") << QStringLiteral("avatar_id") << QJsonValue(5)
                                         << QStringLiteral("type_error.str") << QString();
}

void TstApiUsers::createValidation()
{
    QFETCH(QString, field);
    QFETCH(QJsonValue, value);
    QFETCH(QString, type);
    QFETCH(QString, index);
    QJsonObject body = userBody(uniqueEmail(QStringLiteral("v")), m_defaultGroup, m_operatorRole);
    if (value.isUndefined())
        body.remove(field);
    else
        body.insert(field, value);
    QStringList loc{QStringLiteral("body"), field};
    if (!index.isEmpty())
        loc.append(index);
    VMS_VERIFY_VALIDATION(admin().post(QStringLiteral("/api/v1/users"), body), loc, type);
    VMS_VERIFY_VALIDATION(admin().post(QStringLiteral("/api/v1/users?organization_id=x"),
                                       userBody(uniqueEmail(QStringLiteral("v")), m_defaultGroup,
                                                m_operatorRole)),
                          (QStringList{QStringLiteral("query"), QStringLiteral("organization_id")}),
                          QStringLiteral("type_error.integer"));
}

void TstApiUsers::createRoleEscalation()
{
    // The tenant cannot hand out a role holding permissions they lack.
    for (qint64 role : {m_superRole, m_operatorRole}) {
        VMS_VERIFY_ERROR(
                tenant().post(QStringLiteral("/api/v1/users"),
                              userBody(uniqueEmail(QStringLiteral("up")), m_tenantGroup, role)),
                403, QStringLiteral("unauthorized"));
    }
    // Their own role, or a weaker one, is fine.
    QVERIFY(create(tenant(),
                   userBody(uniqueEmail(QStringLiteral("peer")), m_tenantGroup, m_tenantRole))
            > 0);
    QVERIFY(create(tenant(),
                   userBody(uniqueEmail(QStringLiteral("weak")), m_tenantGroup, m_viewerRole))
            > 0);
}

void TstApiUsers::listPaginated()
{
    QList<qint64> made;
    for (int i = 0; i < 11; ++i) {
        const qint64 id = create(
                admin(), userBody(uniqueEmail(QStringLiteral("page")), m_tenantGroup, m_viewerRole),
                QStringLiteral("?organization_id=%1").arg(m_tenantOrg));
        QVERIFY(id > 0);
        made.append(id);
    }
    int pages = 0;
    const QJsonArray all = allPages(admin(), QStringLiteral("/api/v1/users"),
                                    QStringLiteral("users"), 10, QJsonValue::Undefined, &pages);
    const QList<qint64> ids = idList(all);
    QVERIFY(pages >= 2);
    QVERIFY(ids.contains(m_adminId)); // superusers see every organization
    for (qint64 id : std::as_const(made))
        QVERIFY(ids.contains(id));
    for (int i = 1; i < ids.size(); ++i)
        QVERIFY(ids.at(i - 1) < ids.at(i));

    const QJsonArray own
            = allPages(tenant(), QStringLiteral("/api/v1/users"), QStringLiteral("users"), 10);
    QVERIFY(idList(own).contains(made.first()));
    for (const QJsonValue &u : own)
        QCOMPARE(u.toObject().value(QLatin1String("organization_id")).toInteger(), m_tenantOrg);

    VMS_VERIFY_VALIDATION(admin().get(QStringLiteral("/api/v1/users?limit=1001")),
                          (QStringList{QStringLiteral("query"), QStringLiteral("limit")}),
                          QStringLiteral("value_error.number.not_le"));
    VMS_VERIFY_VALIDATION(admin().get(QStringLiteral("/api/v1/users?cursor=%%%")),
                          (QStringList{QStringLiteral("query"), QStringLiteral("cursor")}),
                          QString());
}

void TstApiUsers::listWithoutGroups()
{
    const qint64 id = create(
            admin(), userBody(uniqueEmail(QStringLiteral("solo")), m_defaultGroup, m_operatorRole));
    QVERIFY(id > 0);
    VMS_VERIFY_STATUS(admin().del(QStringLiteral("/api/v1/groups/%1/members").arg(m_defaultGroup),
                                  QJsonObject{{QStringLiteral("user_ids"), QJsonArray{id}}}),
                      200);
    const QList<qint64> lonely
            = idList(allPages(admin(), QStringLiteral("/api/v1/users?without_groups=true"),
                              QStringLiteral("users"), 100));
    QVERIFY(lonely.contains(id));
    QVERIFY(lonely.contains(m_adminId));
    QVERIFY(!lonely.contains(m_tenant.id));
    const QList<qint64> everyone
            = idList(allPages(admin(), QStringLiteral("/api/v1/users?without_groups=0"),
                              QStringLiteral("users"), 100));
    QVERIFY(everyone.contains(m_tenant.id));
    VMS_VERIFY_VALIDATION(admin().get(QStringLiteral("/api/v1/users?without_groups=perhaps")),
                          (QStringList{QStringLiteral("query"), QStringLiteral("without_groups")}),
                          QStringLiteral("type_error.bool"));
}

void TstApiUsers::getUser()
{
    const auto own = tenant().get(path(m_tenant.id));
    VMS_VERIFY_STATUS(own, 200);
    QCOMPARE(own.object().value(QLatin1String("email")).toString(), m_tenant.email);
    QCOMPARE(idList(own.object().value(QLatin1String("groups"))), QList<qint64>{m_tenantGroup});
    VMS_VERIFY_STATUS(admin().get(path(m_tenant.id)), 200);
    VMS_VERIFY_ERROR(admin().get(path(999999)), 404, QStringLiteral("not_found"));
    VMS_VERIFY_VALIDATION(admin().get(QStringLiteral("/api/v1/users/1.5")),
                          (QStringList{QStringLiteral("path"), QStringLiteral("user_id")}),
                          QStringLiteral("type_error.integer"));
}

void TstApiUsers::updateReplacesEverything()
{
    const QString avatar = uploadImage(admin(), QStringLiteral("avatar"));
    QVERIFY(!avatar.isEmpty());
    QJsonObject body
            = userBody(uniqueEmail(QStringLiteral("before")), m_defaultGroup, m_operatorRole);
    body.insert(QStringLiteral("avatar_id"), avatar);
    const qint64 id = create(admin(), body);
    QVERIFY(id > 0);
    const qint64 otherGroup = apiCreateGroup(admin(), uniqueName(QStringLiteral("Moved")));
    QVERIFY(otherGroup > 0);

    const QString email = uniqueEmail(QStringLiteral("after"));
    const QJsonObject replacement{{QStringLiteral("first_name"), QStringLiteral("Grace")},
                                  {QStringLiteral("last_name"), QStringLiteral("Hopper")},
                                  {QStringLiteral("email"), email},
                                  {QStringLiteral("group_ids"), QJsonArray{otherGroup}},
                                  {QStringLiteral("role_id"), m_viewerRole}};
    const auto r = admin().put(path(id), replacement);
    VMS_VERIFY_STATUS(r, 200);
    const QJsonObject u = r.object();
    QCOMPARE(u.value(QLatin1String("first_name")).toString(), QStringLiteral("Grace"));
    QCOMPARE(u.value(QLatin1String("last_name")).toString(), QStringLiteral("Hopper"));
    QCOMPARE(u.value(QLatin1String("email")).toString(), email);
    QCOMPARE(u.value(QLatin1String("role_id")).toInteger(), m_viewerRole);
    QCOMPARE(idList(u.value(QLatin1String("groups"))), QList<qint64>{otherGroup});
    QVERIFY(!u.contains(QLatin1String("avatar_id"))); // absent: removed
    QCOMPARE(admin().get(path(id)).object(), u);
    QVERIFY(hasAuditEntry(admin(), QStringLiteral("user_update"), QStringLiteral("user_id"), id));

    // An empty group list takes the user out of their group; the avatar comes back.
    QJsonObject again = updateBody(u);
    again.insert(QStringLiteral("group_ids"), QJsonArray{});
    again.insert(QStringLiteral("avatar_id"), avatar);
    const auto r2 = admin().put(path(id), again);
    VMS_VERIFY_STATUS(r2, 200);
    QVERIFY(r2.object().value(QLatin1String("groups")).toArray().isEmpty());
    QCOMPARE(r2.object().value(QLatin1String("avatar_id")).toString(), avatar);
    QCOMPARE(admin().get(QStringLiteral("/api/v1/groups/%1").arg(otherGroup))
                     .object()
                     .value(QLatin1String("user_count"))
                     .toInteger(),
             0);
}

void TstApiUsers::updateErrors()
{
    const qint64 id = create(
            admin(), userBody(uniqueEmail(QStringLiteral("upd")), m_defaultGroup, m_operatorRole));
    QVERIFY(id > 0);
    const QJsonObject current = admin().get(path(id)).object();
    const QString bad = QStringLiteral("invalid_request");
    QJsonObject b = updateBody(current);
    b.insert(QStringLiteral("email"), m_server.adminLogin().toUpper());
    VMS_VERIFY_ERROR(admin().put(path(id), b), 400, bad);
    b = updateBody(current);
    b.insert(QStringLiteral("role_id"), 999999);
    VMS_VERIFY_ERROR(admin().put(path(id), b), 400, bad);
    b = updateBody(current);
    b.insert(QStringLiteral("group_ids"), QJsonArray{m_tenantGroup});
    VMS_VERIFY_ERROR(admin().put(path(id), b), 400, bad);
    b = updateBody(current);
    b.insert(QStringLiteral("avatar_id"), QStringLiteral("missing"));
    VMS_VERIFY_ERROR(admin().put(path(id), b), 400, bad);
    VMS_VERIFY_ERROR(admin().put(path(999999), updateBody(current)), 404,
                     QStringLiteral("not_found"));
    // Nothing changed.
    QCOMPARE(admin().get(path(id)).object(), current);
    // Keeping the same email is no conflict.
    VMS_VERIFY_STATUS(admin().put(path(id), updateBody(current)), 200);
}

void TstApiUsers::updateValidation_data()
{
    QTest::addColumn<QString>("field");
    QTest::addColumn<QJsonValue>("value");
    QTest::addColumn<QString>("type");
    const QJsonValue none(QJsonValue::Undefined);
    for (const char *f : {"first_name", "last_name", "email", "group_ids", "role_id"})
        QTest::addRow("no %s", f) << QString::fromLatin1(f) << none
                                  << QStringLiteral("value_error.missing");
    QTest::newRow("two groups") << QStringLiteral("group_ids") << QJsonValue(QJsonArray{1, 2})
                                << QStringLiteral("value_error.list.max_items");
    QTest::newRow("short password")
            << QStringLiteral("password") << QJsonValue(QStringLiteral("short"))
            << QStringLiteral("value_error.any_str.min_length");
    QTest::newRow("invalid email") << QStringLiteral("email") << QJsonValue(QStringLiteral("@@"))
                                   << QStringLiteral("value_error.email");
}

void TstApiUsers::updateValidation()
{
    QFETCH(QString, field);
    QFETCH(QJsonValue, value);
    QFETCH(QString, type);
    QJsonObject body = updateBody(admin().get(path(m_tenant.id)).object());
    if (value.isUndefined())
        body.remove(field);
    else
        body.insert(field, value);
    VMS_VERIFY_VALIDATION(admin().put(path(m_tenant.id), body),
                          (QStringList{QStringLiteral("body"), field}), type);
}

void TstApiUsers::updatePasswordEndsSessions()
{
    ApiUser u = apiCreateUser(admin(), m_tenantOrg, m_tenantGroup, m_viewerRole);
    QVERIFY(u.isValid());
    VMS_VERIFY_STATUS(u.client->get(QStringLiteral("/api/v1/users/me")), 200);
    QJsonObject body = updateBody(admin().get(path(u.id)).object());
    const QString password = randomPassword();
    body.insert(QStringLiteral("password"), password);
    // The tenant (same organization, stronger role) changes it.
    VMS_VERIFY_STATUS(tenant().put(path(u.id), body), 200);
    VMS_VERIFY_STATUS(u.client->get(QStringLiteral("/api/v1/users/me")), 401);
    ApiTestClient c(m_server.url());
    QVERIFY(!login(c, u.email, u.password).isValid());
    QVERIFY(login(c, u.email, password).isValid());
    // The tenant's own session is unaffected.
    VMS_VERIFY_STATUS(tenant().get(QStringLiteral("/api/v1/users/me")), 200);
    c.setStrict(false); // the failed login above is expected
    u.client->setStrict(false);
}

void TstApiUsers::updateSelf()
{
    const QJsonObject me = admin().get(path(m_adminId)).object();
    QJsonObject body = updateBody(me);
    body.insert(QStringLiteral("role_id"), m_operatorRole);
    VMS_VERIFY_ERROR(admin().put(path(m_adminId), body), 400, QStringLiteral("invalid_request"));
    // Other changes are fine, and the superuser flag stays.
    body = updateBody(me);
    body.insert(QStringLiteral("last_name"), QStringLiteral("Admin"));
    const auto r = admin().put(path(m_adminId), body);
    VMS_VERIFY_STATUS(r, 200);
    QCOMPARE(r.object().value(QLatin1String("is_superuser")).toBool(), true);
    QCOMPARE(r.object().value(QLatin1String("last_name")).toString(), QStringLiteral("Admin"));
    VMS_VERIFY_STATUS(
            admin().post(QStringLiteral("/api/v1/organizations"),
                         QJsonObject{{QStringLiteral("name"), uniqueName(QStringLiteral("Still"))},
                                     {QStringLiteral("description"), QString()}}),
            200);
    // A new password for oneself keeps the current session.
    body.insert(QStringLiteral("password"), m_server.adminPassword());
    VMS_VERIFY_STATUS(admin().put(path(m_adminId), body), 200);
    VMS_VERIFY_STATUS(admin().get(QStringLiteral("/api/v1/users/me")), 200);
}

void TstApiUsers::deleteUser()
{
    ApiUser u = apiCreateUser(admin(), m_tenantOrg, m_tenantGroup, m_viewerRole);
    QVERIFY(u.isValid());
    const auto r = tenant().del(path(u.id));
    VMS_VERIFY_STATUS(r, 200);
    QCOMPARE(r.object().value(QLatin1String("status")).toString(), QStringLiteral("ok"));
    VMS_VERIFY_ERROR(admin().get(path(u.id)), 404, QStringLiteral("not_found"));
    VMS_VERIFY_ERROR(tenant().del(path(u.id)), 404, QStringLiteral("not_found"));
    // Their session died with them.
    VMS_VERIFY_STATUS(u.client->get(QStringLiteral("/api/v1/users/me")), 401);
    QVERIFY(hasAuditEntry(admin(), QStringLiteral("user_delete"), QStringLiteral("user_id"), u.id));
    // The email is free again.
    QVERIFY(create(admin(), userBody(u.email, m_tenantGroup, m_viewerRole),
                   QStringLiteral("?organization_id=%1").arg(m_tenantOrg))
            > 0);
    VMS_VERIFY_VALIDATION(admin().del(QStringLiteral("/api/v1/users/me1")),
                          (QStringList{QStringLiteral("path"), QStringLiteral("user_id")}),
                          QStringLiteral("type_error.integer"));
}

void TstApiUsers::deleteRules()
{
    VMS_VERIFY_ERROR(admin().del(path(m_adminId)), 400, QStringLiteral("invalid_request"));
    VMS_VERIFY_ERROR(tenant().del(path(m_tenant.id)), 400, QStringLiteral("invalid_request"));
    VMS_VERIFY_STATUS(admin().get(path(m_adminId)), 200);
    VMS_VERIFY_STATUS(tenant().get(QStringLiteral("/api/v1/users/me")), 200);
}

void TstApiUsers::search()
{
    const QString tag = QUuid::createUuid().toString(QUuid::Id128).left(6);
    const QString first = QStringLiteral("Ívan") + tag;
    const QString last = QStringLiteral("Petrov") + tag;
    const QString email = QStringLiteral("iv.%1@example.com").arg(tag);
    const qint64 id = create(admin(), userBody(email, m_defaultGroup, m_operatorRole,
                                               randomPassword(), first, last));
    QVERIFY(id > 0);
    const auto found = [&](const QString &query) {
        const auto r = admin().post(QStringLiteral("/api/v1/users/search?limit=100"),
                                    QJsonObject{{QStringLiteral("query"), query}});
        return r.status == 200 ? idList(r.object().value(QLatin1String("users")))
                               : QList<qint64>{-1};
    };
    QCOMPARE(found(first + QLatin1Char(' ') + last), QList<qint64>{id});
    QCOMPARE(found(last + QLatin1Char(' ') + first), QList<qint64>{id});
    QCOMPARE(found((first + QLatin1Char(' ') + last.left(4)).toUpper()), QList<qint64>{id});
    QCOMPARE(found(tag + QLatin1Char(' ') + QStringLiteral("petrov")), QList<qint64>{id});
    QCOMPARE(found(email.toUpper()), QList<qint64>{id});
    QCOMPARE(found(QStringLiteral("x") + email), QList<qint64>{});
    // Not an email, so names: the local part matches no name.
    QCOMPARE(found(QStringLiteral("iv.") + tag), QList<qint64>{});
    QCOMPARE(found(tag + QStringLiteral("%")), QList<qint64>{});

    // Paged.
    const QString many = QUuid::createUuid().toString(QUuid::Id128).left(6);
    QList<qint64> made;
    for (int i = 0; i < 11; ++i) {
        const qint64 u = create(admin(), userBody(uniqueEmail(QStringLiteral("s")), m_defaultGroup,
                                                  m_operatorRole, randomPassword(),
                                                  QStringLiteral("Searchable"), many));
        QVERIFY(u > 0);
        made.append(u);
    }
    int pages = 0;
    const QJsonArray all = allPages(
            admin(), QStringLiteral("/api/v1/users/search"), QStringLiteral("users"), 10,
            QJsonObject{{QStringLiteral("query"), QString(many + QStringLiteral(" search"))}},
            &pages);
    QCOMPARE(pages, 2);
    QCOMPARE(idList(all), made);
}

void TstApiUsers::searchScope()
{
    const QString tag = QUuid::createUuid().toString(QUuid::Id128).left(6);
    const qint64 here = create(admin(), userBody(uniqueEmail(QStringLiteral("h")), m_defaultGroup,
                                                 m_operatorRole, randomPassword(),
                                                 QStringLiteral("Scope"), tag));
    const qint64 there
            = create(admin(),
                     userBody(uniqueEmail(QStringLiteral("t")), m_tenantGroup, m_viewerRole,
                              randomPassword(), QStringLiteral("Scope"), tag),
                     QStringLiteral("?organization_id=%1").arg(m_tenantOrg));
    QVERIFY(here > 0 && there > 0);
    const QJsonObject q{{QStringLiteral("query"), QString(QStringLiteral("scope ") + tag)}};
    const auto ids = [&](ApiTestClient &c, const QString &query) {
        const auto r = c.post(QStringLiteral("/api/v1/users/search") + query, q);
        return r.status == 200 ? idList(r.object().value(QLatin1String("users")))
                               : QList<qint64>{-1};
    };
    QCOMPARE(ids(admin(), QString()), (QList<qint64>{here, there}));
    QCOMPARE(ids(admin(), QStringLiteral("?organization_id=%1").arg(m_tenantOrg)),
             QList<qint64>{there});
    QCOMPARE(ids(tenant(), QString()), QList<qint64>{there});
    QCOMPARE(ids(tenant(), QStringLiteral("?organization_id=%1").arg(m_defaultOrg)),
             QList<qint64>{});
    // The tenant cannot find the admin by email either.
    const auto byEmail
            = tenant().post(QStringLiteral("/api/v1/users/search"),
                            QJsonObject{{QStringLiteral("query"), m_server.adminLogin()}});
    VMS_VERIFY_STATUS(byEmail, 200);
    QVERIFY(byEmail.object().value(QLatin1String("users")).toArray().isEmpty());
    // without_groups.
    VMS_VERIFY_STATUS(admin().del(QStringLiteral("/api/v1/groups/%1/members").arg(m_defaultGroup),
                                  QJsonObject{{QStringLiteral("user_ids"), QJsonArray{here}}}),
                      200);
    QCOMPARE(ids(admin(), QStringLiteral("?without_groups=true")), QList<qint64>{here});
}

void TstApiUsers::searchValidation_data()
{
    QTest::addColumn<QJsonValue>("query");
    QTest::addColumn<QString>("type");
    QTest::newRow("one character")
            << QJsonValue(QStringLiteral("a")) << QStringLiteral("value_error.any_str.min_length");
    QTest::newRow("256 characters") << QJsonValue(QString(256, QLatin1Char('a')))
                                    << QStringLiteral("value_error.any_str.max_length");
    QTest::newRow("missing") << QJsonValue(QJsonValue::Undefined)
                             << QStringLiteral("value_error.missing");
    QTest::newRow("not a string") << QJsonValue(true) << QStringLiteral("type_error.str");
}

void TstApiUsers::searchValidation()
{
    QFETCH(QJsonValue, query);
    QFETCH(QString, type);
    QJsonObject body;
    if (!query.isUndefined())
        body.insert(QStringLiteral("query"), query);
    VMS_VERIFY_VALIDATION(admin().post(QStringLiteral("/api/v1/users/search"), body),
                          (QStringList{QStringLiteral("body"), QStringLiteral("query")}), type);
    for (int n : {2, 255}) {
        VMS_VERIFY_STATUS(
                admin().post(QStringLiteral("/api/v1/users/search"),
                             QJsonObject{{QStringLiteral("query"), QString(n, QLatin1Char('z'))}}),
                200);
    }
}

void TstApiUsers::literalPathsWin()
{
    // /users/me and /users/search are not user ids.
    const auto me = admin().get(QStringLiteral("/api/v1/users/me"));
    VMS_VERIFY_STATUS(me, 200);
    QVERIFY(me.object().contains(QLatin1String("permissions")));
    VMS_VERIFY_STATUS(admin().post(QStringLiteral("/api/v1/users/search"),
                                   QJsonObject{{QStringLiteral("query"), QStringLiteral("admin")}}),
                      200);
    // A user id after /users works for every method.
    VMS_VERIFY_STATUS(admin().get(path(m_adminId)), 200);
}

void TstApiUsers::isolation()
{
    ApiTestClient &t = tenant();
    const QString nf = QStringLiteral("not_found");
    const QJsonObject adminNow = admin().get(path(m_adminId)).object();
    const qint64 victim = create(
            admin(), userBody(uniqueEmail(QStringLiteral("victim")), m_defaultGroup, m_viewerRole));
    QVERIFY(victim > 0);
    const QJsonObject before = admin().get(path(victim)).object();
    VMS_VERIFY_ERROR(t.get(path(victim)), 404, nf);
    VMS_VERIFY_ERROR(t.get(path(m_adminId)), 404, nf);
    VMS_VERIFY_ERROR(t.put(path(victim), updateBody(before)), 404, nf);
    VMS_VERIFY_ERROR(t.del(path(victim)), 404, nf);
    VMS_VERIFY_ERROR(t.del(path(m_adminId)), 404, nf);
    QVERIFY(!idList(allPages(t, QStringLiteral("/api/v1/users"), QStringLiteral("users"), 1000))
                     .contains(victim));
    QCOMPARE(admin().get(path(victim)).object(), before);
    QCOMPARE(admin().get(path(m_adminId)).object(), adminNow);
}

void TstApiUsers::strongerAccountsAreOffLimits()
{
    // A user of the tenant's organization with the built-in superuser role.
    const qint64 strong = create(
            admin(), userBody(uniqueEmail(QStringLiteral("strong")), m_tenantGroup, m_superRole),
            QStringLiteral("?organization_id=%1").arg(m_tenantOrg));
    QVERIFY(strong > 0);
    const QJsonObject before = tenant().get(path(strong)).object();
    QVERIFY(!before.isEmpty());
    const QString denied = QStringLiteral("unauthorized");
    QJsonObject body = updateBody(before);
    body.insert(QStringLiteral("password"), randomPassword());
    VMS_VERIFY_ERROR(tenant().put(path(strong), body), 403, denied);
    VMS_VERIFY_ERROR(tenant().del(path(strong)), 403, denied);
    // Nor can the tenant raise a weaker user, or themselves, to a stronger role.
    const qint64 weak = create(
            tenant(), userBody(uniqueEmail(QStringLiteral("weak")), m_tenantGroup, m_viewerRole));
    QVERIFY(weak > 0);
    body = updateBody(tenant().get(path(weak)).object());
    body.insert(QStringLiteral("role_id"), m_superRole);
    VMS_VERIFY_ERROR(tenant().put(path(weak), body), 403, denied);
    body = updateBody(tenant().get(path(m_tenant.id)).object());
    body.insert(QStringLiteral("role_id"), m_superRole);
    VMS_VERIFY_ERROR(tenant().put(path(m_tenant.id), body), 400, QStringLiteral("invalid_request"));
    QCOMPARE(tenant().get(path(strong)).object(), before);
    QCOMPARE(tenant().get(path(weak)).object().value(QLatin1String("role_id")).toInteger(),
             m_viewerRole);
}

void TstApiUsers::permissionDenied()
{
    ApiUser viewer = apiCreateUser(admin(), m_tenantOrg, m_tenantGroup, m_viewerRole);
    QVERIFY(viewer.isValid());
    ApiTestClient &c = *viewer.client;
    const QString denied = QStringLiteral("unauthorized");
    VMS_VERIFY_ERROR(c.get(QStringLiteral("/api/v1/users")), 403, denied);
    VMS_VERIFY_ERROR(c.get(path(viewer.id)), 403, denied);
    VMS_VERIFY_ERROR(c.post(QStringLiteral("/api/v1/users/search"),
                            QJsonObject{{QStringLiteral("query"), QStringLiteral("tenant")}}),
                     403, denied);
    VMS_VERIFY_ERROR(
            c.post(QStringLiteral("/api/v1/users"),
                   userBody(uniqueEmail(QStringLiteral("n")), m_tenantGroup, m_viewerRole)),
            403, denied);
    VMS_VERIFY_ERROR(c.put(path(viewer.id), updateBody(admin().get(path(viewer.id)).object())), 403,
                     denied);
    VMS_VERIFY_ERROR(c.del(path(m_tenant.id)), 403, denied);
    // Their own profile still works.
    VMS_VERIFY_STATUS(c.get(QStringLiteral("/api/v1/users/me")), 200);
    VMS_VERIFY_NO_SCHEMA_FAILURES(c);
}

QTEST_GUILESS_MAIN(TstApiUsers)
#include "tst_api_users.moc"
