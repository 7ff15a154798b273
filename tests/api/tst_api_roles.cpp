// Seed 002 §16 and §11: /api/v1/roles* and /api/v1/permissions. Roles are global; only
// superusers change roles and permissions.
#include "tests/api/admin_fixture.h"

#include <QJsonArray>
#include <QTest>

using namespace vms::apitest;

namespace {

QJsonObject roleBody(const QString &name, const QString &description = QString())
{
    return {{QStringLiteral("name"), name}, {QStringLiteral("description"), description}};
}

QJsonObject grantBody(qint64 roleId, const QString &permission)
{
    return {{QStringLiteral("role_id"), roleId}, {QStringLiteral("permission"), permission}};
}

} // namespace

class TstApiRoles : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void init();
    void cleanup();
    void cleanupTestCase();

    void listHasBuiltIns();
    void createAndGet();
    void createDuplicateName();
    void createValidation_data();
    void createValidation();
    void update();
    void updateBuiltIn();
    void deleteRules();
    void missingAndMalformed();
    void members();
    void grantAndRevoke();
    void permissionErrors();
    void permissionValidation_data();
    void permissionValidation();
    void writesNeedSuperuser();
    void grantTakesEffectImmediately();
    void readsNeedPermissions();

private:
    ApiTestClient &admin() { return *m_admin; }
    QString path(qint64 id, const QString &tail = {}) const
    {
        return QStringLiteral("/api/v1/roles/%1").arg(id) + tail;
    }
    QStringList permissionsOf(qint64 roleId)
    {
        const auto r = admin().get(path(roleId, QStringLiteral("/permissions")));
        QStringList out;
        for (const QJsonValue &v : r.object().value(QLatin1String("permissions")).toArray())
            out.append(v.toString());
        return out;
    }
    qint64 builtInId(const QString &name)
    {
        const QJsonArray roles = admin().get(QStringLiteral("/api/v1/roles"))
                                         .object()
                                         .value(QLatin1String("roles"))
                                         .toArray();
        for (const QJsonValue &r : roles) {
            if (r.toObject().value(QLatin1String("name")).toString() == name)
                return r.toObject().value(QLatin1String("id")).toInteger();
        }
        return 0;
    }

    TestServer m_server;
    std::unique_ptr<ApiTestClient> m_admin;
    qint64 m_tenantOrg = 0;
    qint64 m_tenantGroup = 0;
    qint64 m_tenantRole = 0;
    ApiUser m_tenant;
};

void TstApiRoles::initTestCase()
{
    QVERIFY2(m_server.start(), qPrintable(m_server.errorString()));
    m_admin = std::make_unique<ApiTestClient>(m_server.url());
    const Session s = login(*m_admin, m_server.adminLogin(), m_server.adminPassword());
    QVERIFY2(s.isValid(), qPrintable(s.reply.describe()));
    m_admin->setBearer(s.accessToken);
    m_tenantOrg = apiCreateOrganization(admin(), uniqueName(QStringLiteral("Tenant")));
    QVERIFY(m_tenantOrg > 0);
    m_tenantGroup = apiCreateGroup(admin(), QStringLiteral("Staff"), m_tenantOrg);
    QVERIFY(m_tenantGroup > 0);
    // Every role and permission permission: writes must still be refused (superusers only).
    m_tenantRole = apiCreateRole(
            admin(), uniqueName(QStringLiteral("role admin")),
            {QStringLiteral("role_read"), QStringLiteral("role_create"),
             QStringLiteral("role_update"), QStringLiteral("role_delete"),
             QStringLiteral("role_member_read"), QStringLiteral("role_perm_read"),
             QStringLiteral("permission_create"), QStringLiteral("permission_delete"),
             QStringLiteral("permission_read")});
    QVERIFY(m_tenantRole > 0);
    m_tenant = apiCreateUser(admin(), m_tenantOrg, m_tenantGroup, m_tenantRole);
    QVERIFY(m_tenant.isValid());
    VMS_VERIFY_NO_SCHEMA_FAILURES(*m_admin);
}

void TstApiRoles::init()
{
    m_admin->clearSchemaFailures();
    m_tenant.client->clearSchemaFailures();
}

void TstApiRoles::cleanup()
{
    VMS_VERIFY_NO_SCHEMA_FAILURES(*m_admin);
    VMS_VERIFY_NO_SCHEMA_FAILURES(*m_tenant.client);
}

void TstApiRoles::cleanupTestCase()
{
    m_tenant.client.reset();
    m_admin.reset();
    m_server.stop();
}

void TstApiRoles::listHasBuiltIns()
{
    const auto r = admin().get(QStringLiteral("/api/v1/roles"));
    VMS_VERIFY_STATUS(r, 200);
    QVERIFY(!r.object().contains(QLatin1String("pagination")));
    const QJsonArray roles = r.object().value(QLatin1String("roles")).toArray();
    QStringList internal;
    for (const QJsonValue &v : roles) {
        if (v.toObject().value(QLatin1String("is_internal")).toBool())
            internal.append(v.toObject().value(QLatin1String("name")).toString());
    }
    QCOMPARE(internal, (QStringList{QStringLiteral("superuser"), QStringLiteral("operator")}));
    QVERIFY(idList(roles).contains(m_tenantRole));
    // The built-in superuser role holds every permission.
    const QStringList all = permissionsOf(builtInId(QStringLiteral("superuser")));
    QCOMPARE(QSet<QString>(all.cbegin(), all.cend()), documentedPermissions());
}

void TstApiRoles::createAndGet()
{
    const QString name = uniqueName(QStringLiteral("Viewer"));
    const auto r = admin().post(QStringLiteral("/api/v1/roles"),
                                roleBody(name, QStringLiteral("Looks")));
    VMS_VERIFY_STATUS(r, 200);
    const QJsonObject role = r.object();
    const qint64 id = role.value(QLatin1String("id")).toInteger();
    QVERIFY(id > 0);
    QCOMPARE(role.value(QLatin1String("name")).toString(), name);
    QCOMPARE(role.value(QLatin1String("description")).toString(), QStringLiteral("Looks"));
    QCOMPARE(role.value(QLatin1String("is_internal")).toBool(true), false);
    const auto got = admin().get(path(id));
    VMS_VERIFY_STATUS(got, 200);
    QCOMPARE(got.object(), role);
    const auto perms = admin().get(path(id, QStringLiteral("/permissions")));
    VMS_VERIFY_STATUS(perms, 200);
    QVERIFY(perms.object().value(QLatin1String("permissions")).toArray().isEmpty());
    QVERIFY(hasAuditEntry(admin(), QStringLiteral("role_create"), QStringLiteral("role_id"), id));
}

void TstApiRoles::createDuplicateName()
{
    const QString name = uniqueName(QStringLiteral("Twin"));
    QVERIFY(apiCreateRole(admin(), name, {}) > 0);
    VMS_VERIFY_ERROR(admin().post(QStringLiteral("/api/v1/roles"), roleBody(name)), 400,
                     QStringLiteral("invalid_request"));
    VMS_VERIFY_ERROR(
            admin().post(QStringLiteral("/api/v1/roles"), roleBody(QStringLiteral("operator"))),
            400, QStringLiteral("invalid_request"));
}

void TstApiRoles::createValidation_data()
{
    QTest::addColumn<QByteArray>("body");
    QTest::addColumn<QStringList>("loc");
    QTest::addColumn<QString>("type");
    QTest::newRow("no name") << QByteArray(R"({"description":""})")
                             << QStringList{QStringLiteral("body"), QStringLiteral("name")}
                             << QStringLiteral("value_error.missing");
    QTest::newRow("no description")
            << QByteArray(R"({"name":"r"})")
            << QStringList{QStringLiteral("body"), QStringLiteral("description")}
            << QStringLiteral("value_error.missing");
    QTest::newRow("empty name") << QByteArray(R"({"name":"","description":""})")
                                << QStringList{QStringLiteral("body"), QStringLiteral("name")}
                                << QStringLiteral("value_error.any_str.min_length");
    QTest::newRow("long name") << (QByteArray(R"({"description":"","name":")") + QByteArray(65, 'r')
                                   + QByteArray(R"("})"))
                               << QStringList{QStringLiteral("body"), QStringLiteral("name")}
                               << QStringLiteral("value_error.any_str.max_length");
    QTest::newRow("broken JSON") << QByteArray(R"({"name":)") << QStringList() << QString();
}

void TstApiRoles::createValidation()
{
    QFETCH(QByteArray, body);
    QFETCH(QStringList, loc);
    QFETCH(QString, type);
    const qint64 existing = m_tenantRole;
    for (const auto &[method, target] :
         {std::pair{QByteArray("POST"), QStringLiteral("/api/v1/roles")},
          std::pair{QByteArray("PUT"), path(existing)}}) {
        const auto r = admin().request(method, target, body, "application/json");
        if (loc.isEmpty())
            VMS_VERIFY_STATUS(r, 422);
        else
            VMS_VERIFY_VALIDATION(r, loc, type);
    }
}

void TstApiRoles::update()
{
    const qint64 id = apiCreateRole(admin(), uniqueName(QStringLiteral("Before")), {});
    QVERIFY(id > 0);
    const QString name = uniqueName(QStringLiteral("After"));
    const auto r = admin().put(path(id), roleBody(name, QStringLiteral("renamed")));
    VMS_VERIFY_STATUS(r, 200);
    QCOMPARE(r.object().value(QLatin1String("name")).toString(), name);
    QCOMPARE(admin().get(path(id)).object().value(QLatin1String("description")).toString(),
             QStringLiteral("renamed"));
    QVERIFY(hasAuditEntry(admin(), QStringLiteral("role_update"), QStringLiteral("role_id"), id));
    VMS_VERIFY_ERROR(admin().put(path(id), roleBody(QStringLiteral("superuser"))), 400,
                     QStringLiteral("invalid_request"));
    VMS_VERIFY_ERROR(admin().put(path(999999), roleBody(uniqueName(QStringLiteral("Ghost")))), 404,
                     QStringLiteral("not_found"));
}

void TstApiRoles::updateBuiltIn()
{
    const qint64 op = builtInId(QStringLiteral("operator"));
    QVERIFY(op > 0);
    VMS_VERIFY_ERROR(admin().put(path(op), roleBody(QStringLiteral("viewer"))), 400,
                     QStringLiteral("invalid_request"));
    QCOMPARE(admin().get(path(op)).object().value(QLatin1String("name")).toString(),
             QStringLiteral("operator"));
    // Its description may change.
    const auto r
            = admin().put(path(op), roleBody(QStringLiteral("operator"), QStringLiteral("Reads")));
    VMS_VERIFY_STATUS(r, 200);
    QCOMPARE(r.object().value(QLatin1String("description")).toString(), QStringLiteral("Reads"));
    QCOMPARE(r.object().value(QLatin1String("is_internal")).toBool(), true);
}

void TstApiRoles::deleteRules()
{
    // Held by a user: 400 until the user is gone.
    const qint64 held = apiCreateRole(admin(), uniqueName(QStringLiteral("Held")), {});
    QVERIFY(held > 0);
    ApiUser holder = apiCreateUser(admin(), m_tenantOrg, m_tenantGroup, held);
    QVERIFY(holder.id > 0);
    VMS_VERIFY_ERROR(admin().del(path(held)), 400, QStringLiteral("invalid_request"));
    VMS_VERIFY_STATUS(admin().del(QStringLiteral("/api/v1/users/%1").arg(holder.id)), 200);
    const auto deleted = admin().del(path(held));
    VMS_VERIFY_STATUS(deleted, 200);
    QCOMPARE(deleted.object().value(QLatin1String("status")).toString(), QStringLiteral("ok"));
    QVERIFY(hasAuditEntry(admin(), QStringLiteral("role_delete"), QStringLiteral("role_id"), held));
    VMS_VERIFY_ERROR(admin().get(path(held)), 404, QStringLiteral("not_found"));
    VMS_VERIFY_ERROR(admin().del(path(held)), 404, QStringLiteral("not_found"));

    // Built-in roles stay, whether held or not.
    for (const QString &name : {QStringLiteral("operator"), QStringLiteral("superuser")}) {
        const qint64 id = builtInId(name);
        QVERIFY(id > 0);
        VMS_VERIFY_ERROR(admin().del(path(id)), 400, QStringLiteral("invalid_request"));
        VMS_VERIFY_STATUS(admin().get(path(id)), 200);
    }
    holder.client.reset();
}

void TstApiRoles::missingAndMalformed()
{
    const QString nf = QStringLiteral("not_found");
    VMS_VERIFY_ERROR(admin().get(path(999999)), 404, nf);
    VMS_VERIFY_ERROR(admin().get(path(999999, QStringLiteral("/members"))), 404, nf);
    VMS_VERIFY_ERROR(admin().get(path(999999, QStringLiteral("/permissions"))), 404, nf);
    const QStringList loc{QStringLiteral("path"), QStringLiteral("role_id")};
    for (const QString &tail :
         {QString(), QStringLiteral("/members"), QStringLiteral("/permissions")})
        VMS_VERIFY_VALIDATION(admin().get(QStringLiteral("/api/v1/roles/one") + tail), loc,
                              QStringLiteral("type_error.integer"));
    VMS_VERIFY_VALIDATION(admin().del(QStringLiteral("/api/v1/roles/one")), loc,
                          QStringLiteral("type_error.integer"));
}

void TstApiRoles::members()
{
    const qint64 role = apiCreateRole(admin(), uniqueName(QStringLiteral("Shared")), {});
    QVERIFY(role > 0);
    const qint64 defaultGroup = apiCreateGroup(admin(), uniqueName(QStringLiteral("Home")));
    QVERIFY(defaultGroup > 0);
    const qint64 defaultOrg = admin().get(QStringLiteral("/api/v1/users/me"))
                                      .object()
                                      .value(QLatin1String("organization_id"))
                                      .toInteger();
    ApiUser here = apiCreateUser(admin(), defaultOrg, defaultGroup, role);
    ApiUser there = apiCreateUser(admin(), m_tenantOrg, m_tenantGroup, role);
    QVERIFY(here.id > 0 && there.id > 0);

    const auto all = admin().get(path(role, QStringLiteral("/members")));
    VMS_VERIFY_STATUS(all, 200);
    QCOMPARE(idList(all.object().value(QLatin1String("members"))),
             (QList<qint64>{here.id, there.id}));
    for (const QJsonValue &m : all.object().value(QLatin1String("members")).toArray())
        QCOMPARE(m.toObject().value(QLatin1String("role_id")).toInteger(), role);
    // A non-superuser sees the members of their own organization only.
    const auto own = m_tenant.client->get(path(role, QStringLiteral("/members")));
    VMS_VERIFY_STATUS(own, 200);
    QCOMPARE(idList(own.object().value(QLatin1String("members"))), QList<qint64>{there.id});
    // An unused role has none.
    const qint64 unused = apiCreateRole(admin(), uniqueName(QStringLiteral("Unused")), {});
    const auto none = admin().get(path(unused, QStringLiteral("/members")));
    VMS_VERIFY_STATUS(none, 200);
    QVERIFY(none.object().value(QLatin1String("members")).toArray().isEmpty());
}

void TstApiRoles::grantAndRevoke()
{
    const qint64 role = apiCreateRole(admin(), uniqueName(QStringLiteral("Granted")), {});
    QVERIFY(role > 0);
    for (const QString &p : {QStringLiteral("user_read"), QStringLiteral("camera_read")}) {
        const auto r = admin().post(QStringLiteral("/api/v1/permissions"), grantBody(role, p));
        VMS_VERIFY_STATUS(r, 200);
        QCOMPARE(r.object().value(QLatin1String("status")).toString(), QStringLiteral("ok"));
    }
    // Sorted by name.
    QCOMPARE(permissionsOf(role),
             (QStringList{QStringLiteral("camera_read"), QStringLiteral("user_read")}));
    QVERIFY(hasAuditEntry(admin(), QStringLiteral("permission_create"), QStringLiteral("role_id"),
                          role));

    const auto revoked = admin().del(QStringLiteral("/api/v1/permissions"),
                                     grantBody(role, QStringLiteral("user_read")));
    VMS_VERIFY_STATUS(revoked, 200);
    QCOMPARE(revoked.object().value(QLatin1String("status")).toString(), QStringLiteral("ok"));
    QCOMPARE(permissionsOf(role), QStringList{QStringLiteral("camera_read")});
    QVERIFY(hasAuditEntry(admin(), QStringLiteral("permission_delete"), QStringLiteral("role_id"),
                          role));
}

void TstApiRoles::permissionErrors()
{
    const qint64 role = apiCreateRole(admin(), uniqueName(QStringLiteral("Errors")),
                                      {QStringLiteral("place_read")});
    QVERIFY(role > 0);
    // Granting twice, revoking what is not held.
    VMS_VERIFY_ERROR(admin().post(QStringLiteral("/api/v1/permissions"),
                                  grantBody(role, QStringLiteral("place_read"))),
                     400, QStringLiteral("invalid_request"));
    VMS_VERIFY_ERROR(admin().del(QStringLiteral("/api/v1/permissions"),
                                 grantBody(role, QStringLiteral("place_update"))),
                     400, QStringLiteral("invalid_request"));
    QCOMPARE(permissionsOf(role), QStringList{QStringLiteral("place_read")});
    // An unknown role.
    VMS_VERIFY_ERROR(admin().post(QStringLiteral("/api/v1/permissions"),
                                  grantBody(999999, QStringLiteral("place_read"))),
                     404, QStringLiteral("not_found"));
    VMS_VERIFY_ERROR(admin().del(QStringLiteral("/api/v1/permissions"),
                                 grantBody(999999, QStringLiteral("place_read"))),
                     404, QStringLiteral("not_found"));
}

void TstApiRoles::permissionValidation_data()
{
    QTest::addColumn<QByteArray>("body");
    QTest::addColumn<QString>("field");
    QTest::addColumn<QString>("type");
    QTest::newRow("unknown permission")
            << QByteArray(R"({"role_id":1,"permission":"fly"})") << QStringLiteral("permission")
            << QStringLiteral("type_error.enum");
    QTest::newRow("permission not a string")
            << QByteArray(R"({"role_id":1,"permission":7})") << QStringLiteral("permission")
            << QStringLiteral("type_error.str");
    QTest::newRow("no permission") << QByteArray(R"({"role_id":1})") << QStringLiteral("permission")
                                   << QStringLiteral("value_error.missing");
    QTest::newRow("no role_id") << QByteArray(R"({"permission":"user_read"})")
                                << QStringLiteral("role_id")
                                << QStringLiteral("value_error.missing");
    QTest::newRow("role_id not a number")
            << QByteArray(R"({"role_id":"x","permission":"user_read"})")
            << QStringLiteral("role_id") << QStringLiteral("type_error.integer");
    QTest::newRow("no body") << QByteArray() << QString() << QStringLiteral("value_error.missing");
}

void TstApiRoles::permissionValidation()
{
    QFETCH(QByteArray, body);
    QFETCH(QString, field);
    QFETCH(QString, type);
    const QStringList loc = field.isEmpty() ? QStringList{QStringLiteral("body")}
                                            : QStringList{QStringLiteral("body"), field};
    for (const QByteArray method : {QByteArray("POST"), QByteArray("DELETE")})
        VMS_VERIFY_VALIDATION(admin().request(method, QStringLiteral("/api/v1/permissions"), body,
                                              "application/json"),
                              loc, type);
}

void TstApiRoles::writesNeedSuperuser()
{
    ApiTestClient &t = *m_tenant.client;
    const QString denied = QStringLiteral("unauthorized");
    VMS_VERIFY_ERROR(
            t.post(QStringLiteral("/api/v1/roles"), roleBody(uniqueName(QStringLiteral("Mine")))),
            403, denied);
    VMS_VERIFY_ERROR(t.put(path(m_tenantRole), roleBody(QStringLiteral("Renamed"))), 403, denied);
    VMS_VERIFY_ERROR(t.del(path(m_tenantRole)), 403, denied);
    // A role may not grant itself more.
    VMS_VERIFY_ERROR(t.post(QStringLiteral("/api/v1/permissions"),
                            grantBody(m_tenantRole, QStringLiteral("user_create"))),
                     403, denied);
    VMS_VERIFY_ERROR(t.del(QStringLiteral("/api/v1/permissions"),
                           grantBody(m_tenantRole, QStringLiteral("role_read"))),
                     403, denied);
    // Even a malformed body is refused as forbidden first.
    VMS_VERIFY_ERROR(t.post(QStringLiteral("/api/v1/permissions"), QJsonObject{}), 403, denied);
    QVERIFY(!permissionsOf(m_tenantRole).contains(QStringLiteral("user_create")));
    QVERIFY(permissionsOf(m_tenantRole).contains(QStringLiteral("role_read")));

    // Reading works with the read permissions.
    VMS_VERIFY_STATUS(t.get(QStringLiteral("/api/v1/roles")), 200);
    VMS_VERIFY_STATUS(t.get(path(m_tenantRole)), 200);
    VMS_VERIFY_STATUS(t.get(path(m_tenantRole, QStringLiteral("/permissions"))), 200);
}

void TstApiRoles::grantTakesEffectImmediately()
{
    const qint64 role = apiCreateRole(admin(), uniqueName(QStringLiteral("Growing")),
                                      {QStringLiteral("user_me_read")});
    QVERIFY(role > 0);
    ApiUser user = apiCreateUser(admin(), m_tenantOrg, m_tenantGroup, role);
    QVERIFY(user.isValid());
    ApiTestClient &c = *user.client;
    VMS_VERIFY_ERROR(c.get(QStringLiteral("/api/v1/groups")), 403, QStringLiteral("unauthorized"));

    VMS_VERIFY_STATUS(admin().post(QStringLiteral("/api/v1/permissions"),
                                   grantBody(role, QStringLiteral("group_read"))),
                      200);
    // The same token, without logging in again.
    const auto allowed = c.get(QStringLiteral("/api/v1/groups"));
    VMS_VERIFY_STATUS(allowed, 200);
    QCOMPARE(idList(allowed.object().value(QLatin1String("groups"))), QList<qint64>{m_tenantGroup});
    QVERIFY(stringSet(c.get(QStringLiteral("/api/v1/users/me"))
                              .object()
                              .value(QLatin1String("permissions")))
                    .contains(QStringLiteral("group_read")));

    VMS_VERIFY_STATUS(admin().del(QStringLiteral("/api/v1/permissions"),
                                  grantBody(role, QStringLiteral("group_read"))),
                      200);
    VMS_VERIFY_ERROR(c.get(QStringLiteral("/api/v1/groups")), 403, QStringLiteral("unauthorized"));
    VMS_VERIFY_NO_SCHEMA_FAILURES(c);
}

void TstApiRoles::readsNeedPermissions()
{
    const qint64 role = apiCreateRole(admin(), uniqueName(QStringLiteral("Blind")), {});
    QVERIFY(role > 0);
    ApiUser user = apiCreateUser(admin(), m_tenantOrg, m_tenantGroup, role);
    QVERIFY(user.isValid());
    ApiTestClient &c = *user.client;
    const QString denied = QStringLiteral("unauthorized");
    VMS_VERIFY_ERROR(c.get(QStringLiteral("/api/v1/roles")), 403, denied);
    VMS_VERIFY_ERROR(c.get(path(role)), 403, denied);
    VMS_VERIFY_ERROR(c.get(path(role, QStringLiteral("/members"))), 403, denied);
    VMS_VERIFY_ERROR(c.get(path(role, QStringLiteral("/permissions"))), 403, denied);

    // role_read alone opens the role, not its members or permissions.
    VMS_VERIFY_STATUS(admin().post(QStringLiteral("/api/v1/permissions"),
                                   grantBody(role, QStringLiteral("role_read"))),
                      200);
    VMS_VERIFY_STATUS(c.get(path(role)), 200);
    VMS_VERIFY_ERROR(c.get(path(role, QStringLiteral("/members"))), 403, denied);
    VMS_VERIFY_ERROR(c.get(path(role, QStringLiteral("/permissions"))), 403, denied);
    VMS_VERIFY_NO_SCHEMA_FAILURES(c);
}

QTEST_GUILESS_MAIN(TstApiRoles)
#include "tst_api_roles.moc"
