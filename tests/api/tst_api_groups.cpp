// Seed 002 §6: /api/v1/groups*: groups of an organization, their members and their places.
#include "tests/api/admin_fixture.h"
#include "tests/api/sites_fixture.h"

#include <QJsonArray>
#include <QTest>
#include <QUuid>

using namespace vms::apitest;

namespace {

QJsonObject groupBody(const QString &name, const QString &description = QString())
{
    return {{QStringLiteral("name"), name}, {QStringLiteral("description"), description}};
}

QJsonObject ids(const char *key, const QList<qint64> &values)
{
    QJsonArray a;
    for (qint64 v : values)
        a.append(v);
    return {{QString::fromLatin1(key), a}};
}

} // namespace

class TstApiGroups : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void init();
    void cleanup();
    void cleanupTestCase();

    void createAndGet();
    void createOrganizationRules();
    void createDuplicateName();
    void createValidation_data();
    void createValidation();
    void listPaginated();
    void getUpdateDelete();
    void pathValidation();
    void deleteWithMembers();
    void deleteDetachesPlaces();
    void addAndRemoveMembers();
    void addMembersErrors();
    void membersValidation_data();
    void membersValidation();
    void membersPaginated();
    void search();
    void searchValidation_data();
    void searchValidation();
    void places();
    void placesErrors();
    void isolation();
    void permissionDenied();

private:
    ApiTestClient &admin() { return *m_admin; }
    ApiTestClient &tenant() { return *m_tenant.client; }
    QString path(qint64 id, const QString &tail = {}) const
    {
        return QStringLiteral("/api/v1/groups/%1").arg(id) + tail;
    }
    /** A user of the tenant organization who belongs to no group (made in Staff, then taken out).
     */
    qint64 groupless(const QString &first = QStringLiteral("Free"),
                     const QString &last = QStringLiteral("Agent"));
    QJsonObject group(qint64 id) { return admin().get(path(id)).object(); }

    TestServer m_server;
    std::unique_ptr<ApiTestClient> m_admin;
    qint64 m_defaultOrg = 0;
    qint64 m_tenantOrg = 0;
    qint64 m_tenantGroup = 0;
    qint64 m_tenantRole = 0;
    ApiUser m_tenant;
};

void TstApiGroups::initTestCase()
{
    QVERIFY2(m_server.start(), qPrintable(m_server.errorString()));
    m_admin = std::make_unique<ApiTestClient>(m_server.url());
    const Session s = login(*m_admin, m_server.adminLogin(), m_server.adminPassword());
    QVERIFY2(s.isValid(), qPrintable(s.reply.describe()));
    m_admin->setBearer(s.accessToken);
    m_defaultOrg = admin().get(QStringLiteral("/api/v1/users/me"))
                           .object()
                           .value(QLatin1String("organization_id"))
                           .toInteger();
    QVERIFY(m_defaultOrg > 0);

    m_tenantOrg = apiCreateOrganization(admin(), uniqueName(QStringLiteral("Tenant")));
    QVERIFY(m_tenantOrg > 0);
    m_tenantGroup = apiCreateGroup(admin(), QStringLiteral("Staff"), m_tenantOrg);
    QVERIFY(m_tenantGroup > 0);
    m_tenantRole = apiCreateRole(
            admin(), uniqueName(QStringLiteral("group admin")),
            {QStringLiteral("group_read"), QStringLiteral("group_create"),
             QStringLiteral("group_update"), QStringLiteral("group_delete"),
             QStringLiteral("group_user_read"), QStringLiteral("group_user_create"),
             QStringLiteral("group_user_delete"), QStringLiteral("group_place_read"),
             QStringLiteral("group_place_create"), QStringLiteral("group_place_delete"),
             QStringLiteral("place_create"), QStringLiteral("place_read")});
    QVERIFY(m_tenantRole > 0);
    m_tenant = apiCreateUser(admin(), m_tenantOrg, m_tenantGroup, m_tenantRole);
    QVERIFY(m_tenant.isValid());
    VMS_VERIFY_NO_SCHEMA_FAILURES(*m_admin);
}

void TstApiGroups::init()
{
    m_admin->clearSchemaFailures();
    m_tenant.client->clearSchemaFailures();
}

void TstApiGroups::cleanup()
{
    VMS_VERIFY_NO_SCHEMA_FAILURES(*m_admin);
    VMS_VERIFY_NO_SCHEMA_FAILURES(*m_tenant.client);
}

void TstApiGroups::cleanupTestCase()
{
    m_tenant.client.reset();
    m_admin.reset();
    m_server.stop();
}

qint64 TstApiGroups::groupless(const QString &first, const QString &last)
{
    ApiUser u = apiCreateUser(admin(), m_tenantOrg, m_tenantGroup, m_tenantRole, first, last);
    if (u.id == 0)
        return 0;
    const auto r
            = admin().del(path(m_tenantGroup, QStringLiteral("/members")), ids("user_ids", {u.id}));
    return r.status == 200 ? u.id : 0;
}

void TstApiGroups::createAndGet()
{
    const QString name = uniqueName(QStringLiteral("Guards"));
    const auto r = admin().post(QStringLiteral("/api/v1/groups"),
                                groupBody(name, QStringLiteral("Night shift")));
    VMS_VERIFY_STATUS(r, 200);
    const QJsonObject g = r.object();
    const qint64 id = g.value(QLatin1String("id")).toInteger();
    QVERIFY(id > 0);
    QCOMPARE(g.value(QLatin1String("name")).toString(), name);
    QCOMPARE(g.value(QLatin1String("description")).toString(), QStringLiteral("Night shift"));
    // Inferred from the caller.
    QCOMPARE(g.value(QLatin1String("organization_id")).toInteger(), m_defaultOrg);
    QCOMPARE(g.value(QLatin1String("organization_name")).toString(),
             QStringLiteral("Default organization"));
    QCOMPARE(g.value(QLatin1String("is_internal")).toBool(true), false);
    QCOMPARE(g.value(QLatin1String("user_count")).toInteger(-1), 0);
    QCOMPARE(g.value(QLatin1String("place_count")).toInteger(-1), 0);
    const auto got = admin().get(path(id));
    VMS_VERIFY_STATUS(got, 200);
    QCOMPARE(got.object(), g);
    QVERIFY(hasAuditEntry(admin(), QStringLiteral("group_create"), QStringLiteral("group_id"), id));
}

void TstApiGroups::createOrganizationRules()
{
    // A superuser may name the organization.
    const auto inTenant
            = admin().post(QStringLiteral("/api/v1/groups?organization_id=%1").arg(m_tenantOrg),
                           groupBody(uniqueName(QStringLiteral("Remote"))));
    VMS_VERIFY_STATUS(inTenant, 200);
    QCOMPARE(inTenant.object().value(QLatin1String("organization_id")).toInteger(), m_tenantOrg);
    // An unknown organization.
    VMS_VERIFY_ERROR(admin().post(QStringLiteral("/api/v1/groups?organization_id=999999"),
                                  groupBody(uniqueName(QStringLiteral("Nowhere")))),
                     400, QStringLiteral("invalid_request"));
    // Anyone else may not, not even their own.
    for (qint64 org : {m_tenantOrg, m_defaultOrg}) {
        VMS_VERIFY_ERROR(tenant().post(QStringLiteral("/api/v1/groups?organization_id=%1").arg(org),
                                       groupBody(uniqueName(QStringLiteral("Sneaky")))),
                         400, QStringLiteral("invalid_request"));
    }
    const auto own = tenant().post(QStringLiteral("/api/v1/groups"),
                                   groupBody(uniqueName(QStringLiteral("Local"))));
    VMS_VERIFY_STATUS(own, 200);
    QCOMPARE(own.object().value(QLatin1String("organization_id")).toInteger(), m_tenantOrg);
}

void TstApiGroups::createDuplicateName()
{
    const QString name = uniqueName(QStringLiteral("Twin"));
    QVERIFY(apiCreateGroup(admin(), name) > 0);
    VMS_VERIFY_ERROR(admin().post(QStringLiteral("/api/v1/groups"), groupBody(name)), 400,
                     QStringLiteral("invalid_request"));
    // Unique within an organization only.
    VMS_VERIFY_STATUS(tenant().post(QStringLiteral("/api/v1/groups"), groupBody(name)), 200);
    VMS_VERIFY_ERROR(tenant().post(QStringLiteral("/api/v1/groups"), groupBody(name)), 400,
                     QStringLiteral("invalid_request"));
}

void TstApiGroups::createValidation_data()
{
    QTest::addColumn<QString>("query");
    QTest::addColumn<QByteArray>("body");
    QTest::addColumn<QStringList>("loc");
    QTest::addColumn<QString>("type");
    QTest::newRow("no name") << QString() << QByteArray(R"({"description":""})")
                             << QStringList{QStringLiteral("body"), QStringLiteral("name")}
                             << QStringLiteral("value_error.missing");
    QTest::newRow("no description")
            << QString() << QByteArray(R"({"name":"n"})")
            << QStringList{QStringLiteral("body"), QStringLiteral("description")}
            << QStringLiteral("value_error.missing");
    QTest::newRow("long name") << QString()
                               << (QByteArray(R"({"description":"","name":")") + QByteArray(65, 'g')
                                   + QByteArray(R"("})"))
                               << QStringList{QStringLiteral("body"), QStringLiteral("name")}
                               << QStringLiteral("value_error.any_str.max_length");
    QTest::newRow("blank name") << QString() << QByteArray(R"({"name":" ","description":""})")
                                << QStringList{QStringLiteral("body"), QStringLiteral("name")}
                                << QStringLiteral("value_error.any_str.min_length");
    QTest::newRow("organization_id not a number")
            << QStringLiteral("?organization_id=abc")
            << QByteArray(R"({"name":"n","description":""})")
            << QStringList{QStringLiteral("query"), QStringLiteral("organization_id")}
            << QStringLiteral("type_error.integer");
    QTest::newRow("no body") << QString() << QByteArray() << QStringList{QStringLiteral("body")}
                             << QStringLiteral("value_error.missing");
}

void TstApiGroups::createValidation()
{
    QFETCH(QString, query);
    QFETCH(QByteArray, body);
    QFETCH(QStringList, loc);
    QFETCH(QString, type);
    VMS_VERIFY_VALIDATION(admin().request("POST", QStringLiteral("/api/v1/groups") + query, body,
                                          "application/json"),
                          loc, type);
    // PUT takes the same body.
    if (query.isEmpty()) {
        VMS_VERIFY_VALIDATION(admin().request("PUT", path(m_tenantGroup), body, "application/json"),
                              loc, type);
    }
}

void TstApiGroups::listPaginated()
{
    QList<qint64> made;
    for (int i = 0; i < 11; ++i) {
        const qint64 id = apiCreateGroup(admin(), uniqueName(QStringLiteral("Paged")));
        QVERIFY(id > 0);
        made.append(id);
    }
    const auto first = admin().get(QStringLiteral("/api/v1/groups?limit=10"));
    VMS_VERIFY_STATUS(first, 200);
    QCOMPARE(first.object().value(QLatin1String("groups")).toArray().size(), 10);
    int pages = 0;
    const QList<qint64> all
            = idList(allPages(admin(), QStringLiteral("/api/v1/groups"), QStringLiteral("groups"),
                              10, QJsonValue::Undefined, &pages));
    QVERIFY(pages >= 2);
    for (qint64 id : std::as_const(made))
        QVERIFY(all.contains(id));
    QVERIFY(all.contains(m_tenantGroup)); // superusers see every organization
    for (int i = 1; i < all.size(); ++i)
        QVERIFY(all.at(i - 1) < all.at(i));
    VMS_VERIFY_VALIDATION(admin().get(QStringLiteral("/api/v1/groups?limit=5")),
                          (QStringList{QStringLiteral("query"), QStringLiteral("limit")}),
                          QStringLiteral("value_error.number.not_ge"));
    VMS_VERIFY_VALIDATION(admin().get(QStringLiteral("/api/v1/groups?cursor=xyz")),
                          (QStringList{QStringLiteral("query"), QStringLiteral("cursor")}),
                          QString());

    // A non-superuser lists their own organization only.
    const QJsonArray own
            = allPages(tenant(), QStringLiteral("/api/v1/groups"), QStringLiteral("groups"), 10);
    QVERIFY(!own.isEmpty());
    for (const QJsonValue &g : own)
        QCOMPARE(g.toObject().value(QLatin1String("organization_id")).toInteger(), m_tenantOrg);
}

void TstApiGroups::getUpdateDelete()
{
    const qint64 id = apiCreateGroup(admin(), uniqueName(QStringLiteral("Old")));
    QVERIFY(id > 0);
    const QString name = uniqueName(QStringLiteral("New"));
    const auto updated = admin().put(path(id), groupBody(name, QStringLiteral("changed")));
    VMS_VERIFY_STATUS(updated, 200);
    QCOMPARE(updated.object().value(QLatin1String("name")).toString(), name);
    QCOMPARE(updated.object().value(QLatin1String("description")).toString(),
             QStringLiteral("changed"));
    QCOMPARE(group(id).value(QLatin1String("name")).toString(), name);
    QVERIFY(hasAuditEntry(admin(), QStringLiteral("group_update"), QStringLiteral("group_id"), id));

    const QString taken = uniqueName(QStringLiteral("Taken"));
    QVERIFY(apiCreateGroup(admin(), taken) > 0);
    VMS_VERIFY_ERROR(admin().put(path(id), groupBody(taken)), 400,
                     QStringLiteral("invalid_request"));

    const auto deleted = admin().del(path(id));
    VMS_VERIFY_STATUS(deleted, 200);
    QCOMPARE(deleted.object().value(QLatin1String("status")).toString(), QStringLiteral("ok"));
    QVERIFY(hasAuditEntry(admin(), QStringLiteral("group_delete"), QStringLiteral("group_id"), id));
    VMS_VERIFY_ERROR(admin().get(path(id)), 404, QStringLiteral("not_found"));
    VMS_VERIFY_ERROR(admin().put(path(id), groupBody(name)), 404, QStringLiteral("not_found"));
    VMS_VERIFY_ERROR(admin().del(path(id)), 404, QStringLiteral("not_found"));
}

void TstApiGroups::pathValidation()
{
    const QStringList loc{QStringLiteral("path"), QStringLiteral("group_id")};
    const QString bad = QStringLiteral("/api/v1/groups/x1");
    VMS_VERIFY_VALIDATION(admin().get(bad), loc, QStringLiteral("type_error.integer"));
    VMS_VERIFY_VALIDATION(admin().put(bad, groupBody(QStringLiteral("n"))), loc,
                          QStringLiteral("type_error.integer"));
    VMS_VERIFY_VALIDATION(admin().del(bad), loc, QStringLiteral("type_error.integer"));
    VMS_VERIFY_VALIDATION(admin().get(bad + QStringLiteral("/members")), loc,
                          QStringLiteral("type_error.integer"));
    VMS_VERIFY_VALIDATION(admin().post(bad + QStringLiteral("/members"), ids("user_ids", {})), loc,
                          QStringLiteral("type_error.integer"));
    VMS_VERIFY_VALIDATION(admin().get(bad + QStringLiteral("/places")), loc,
                          QStringLiteral("type_error.integer"));
    VMS_VERIFY_VALIDATION(admin().del(bad + QStringLiteral("/places"), ids("place_ids", {})), loc,
                          QStringLiteral("type_error.integer"));
}

void TstApiGroups::deleteWithMembers()
{
    const qint64 id = apiCreateGroup(admin(), uniqueName(QStringLiteral("Busy")), m_tenantOrg);
    QVERIFY(id > 0);
    const qint64 user = groupless();
    QVERIFY(user > 0);
    VMS_VERIFY_STATUS(admin().post(path(id, QStringLiteral("/members")), ids("user_ids", {user})),
                      200);
    VMS_VERIFY_ERROR(admin().del(path(id)), 400, QStringLiteral("invalid_request"));
    VMS_VERIFY_STATUS(admin().get(path(id)), 200);
    VMS_VERIFY_STATUS(admin().del(path(id, QStringLiteral("/members")), ids("user_ids", {user})),
                      200);
    VMS_VERIFY_STATUS(admin().del(path(id)), 200);
}

void TstApiGroups::deleteDetachesPlaces()
{
    const qint64 place
            = createPlace(tenant(), {{QStringLiteral("name"), uniqueName(QStringLiteral("Gate"))}});
    QVERIFY(place > 0);
    const qint64 first = apiCreateGroup(admin(), uniqueName(QStringLiteral("First")), m_tenantOrg);
    const qint64 second
            = apiCreateGroup(admin(), uniqueName(QStringLiteral("Second")), m_tenantOrg);
    QVERIFY(first > 0 && second > 0);
    VMS_VERIFY_STATUS(
            admin().post(path(first, QStringLiteral("/places")), ids("place_ids", {place})), 200);
    VMS_VERIFY_STATUS(admin().del(path(first)), 200);
    // The place is free again: another group can take it.
    VMS_VERIFY_STATUS(
            admin().post(path(second, QStringLiteral("/places")), ids("place_ids", {place})), 200);
    QCOMPARE(group(second).value(QLatin1String("place_count")).toInteger(), 1);
}

void TstApiGroups::addAndRemoveMembers()
{
    const qint64 id = apiCreateGroup(admin(), uniqueName(QStringLiteral("Crew")), m_tenantOrg);
    QVERIFY(id > 0);
    const qint64 a = groupless(), b = groupless();
    QVERIFY(a > 0 && b > 0);
    // Duplicates in the list count once.
    VMS_VERIFY_STATUS(
            admin().post(path(id, QStringLiteral("/members")), ids("user_ids", {a, b, a})), 200);
    QCOMPARE(group(id).value(QLatin1String("user_count")).toInteger(), 2);
    const auto members = admin().get(path(id, QStringLiteral("/members")));
    VMS_VERIFY_STATUS(members, 200);
    QCOMPARE(idList(members.object().value(QLatin1String("users"))), (QList<qint64>{a, b}));
    const QJsonArray groupsOfA = admin().get(QStringLiteral("/api/v1/users/%1").arg(a))
                                         .object()
                                         .value(QLatin1String("groups"))
                                         .toArray();
    QCOMPARE(idList(groupsOfA), QList<qint64>{id});
    QVERIFY(hasAuditEntry(admin(), QStringLiteral("group_user_create"), QStringLiteral("group_id"),
                          id));

    // Removing a member, and an id that is no member, is fine.
    VMS_VERIFY_STATUS(
            admin().del(path(id, QStringLiteral("/members")), ids("user_ids", {a, 999999})), 200);
    QCOMPARE(idList(admin().get(path(id, QStringLiteral("/members")))
                            .object()
                            .value(QLatin1String("users"))),
             QList<qint64>{b});
    QCOMPARE(group(id).value(QLatin1String("user_count")).toInteger(), 1);
    QVERIFY(hasAuditEntry(admin(), QStringLiteral("group_user_delete"), QStringLiteral("group_id"),
                          id));
    VMS_VERIFY_ERROR(admin().del(path(999999, QStringLiteral("/members")), ids("user_ids", {b})),
                     404, QStringLiteral("not_found"));
    VMS_VERIFY_ERROR(admin().get(path(999999, QStringLiteral("/members"))), 404,
                     QStringLiteral("not_found"));
}

void TstApiGroups::addMembersErrors()
{
    const qint64 id = apiCreateGroup(admin(), uniqueName(QStringLiteral("Strict")), m_tenantOrg);
    QVERIFY(id > 0);
    const qint64 free = groupless();
    QVERIFY(free > 0);
    const auto count = [&] {
        return group(id).value(QLatin1String("user_count")).toInteger();
    };

    // Already in a group (the tenant is in Staff): nothing is added, not even the free user.
    VMS_VERIFY_ERROR(admin().post(path(id, QStringLiteral("/members")),
                                  ids("user_ids", {free, m_tenant.id})),
                     400, QStringLiteral("invalid_request"));
    QCOMPARE(count(), 0);
    // A user who does not exist.
    VMS_VERIFY_ERROR(
            admin().post(path(id, QStringLiteral("/members")), ids("user_ids", {free, 999999})),
            400, QStringLiteral("invalid_request"));
    QCOMPARE(count(), 0);
    // A user of another organization counts as not existing.
    const qint64 adminId = admin().get(QStringLiteral("/api/v1/users/me"))
                                   .object()
                                   .value(QLatin1String("id"))
                                   .toInteger();
    VMS_VERIFY_ERROR(admin().post(path(id, QStringLiteral("/members")), ids("user_ids", {adminId})),
                     400, QStringLiteral("invalid_request"));
    // Already a member of this very group.
    VMS_VERIFY_STATUS(admin().post(path(id, QStringLiteral("/members")), ids("user_ids", {free})),
                      200);
    VMS_VERIFY_ERROR(admin().post(path(id, QStringLiteral("/members")), ids("user_ids", {free})),
                     400, QStringLiteral("invalid_request"));
    QCOMPARE(count(), 1);
    // An unknown group.
    VMS_VERIFY_ERROR(
            admin().post(path(999999, QStringLiteral("/members")), ids("user_ids", {free})), 404,
            QStringLiteral("not_found"));
}

void TstApiGroups::membersValidation_data()
{
    QTest::addColumn<QByteArray>("body");
    QTest::addColumn<QStringList>("loc");
    QTest::addColumn<QString>("type");
    QTest::newRow("missing") << QByteArray("{}")
                             << QStringList{QStringLiteral("body"), QStringLiteral("user_ids")}
                             << QStringLiteral("value_error.missing");
    QTest::newRow("not a list") << QByteArray(R"({"user_ids":5})")
                                << QStringList{QStringLiteral("body"), QStringLiteral("user_ids")}
                                << QStringLiteral("type_error.list");
    QTest::newRow("not integers") << QByteArray(R"({"user_ids":[1,"x"]})")
                                  << QStringList{QStringLiteral("body"), QStringLiteral("user_ids"),
                                                 QStringLiteral("1")}
                                  << QStringLiteral("type_error.integer");
    QTest::newRow("no body") << QByteArray() << QStringList{QStringLiteral("body")}
                             << QStringLiteral("value_error.missing");
}

void TstApiGroups::membersValidation()
{
    QFETCH(QByteArray, body);
    QFETCH(QStringList, loc);
    QFETCH(QString, type);
    for (const QByteArray method : {QByteArray("POST"), QByteArray("DELETE")}) {
        VMS_VERIFY_VALIDATION(admin().request(method,
                                              path(m_tenantGroup, QStringLiteral("/members")), body,
                                              "application/json"),
                              loc, type);
        QStringList placeLoc = loc;
        if (placeLoc.size() > 1)
            placeLoc[1] = QStringLiteral("place_ids");
        QByteArray placeBody = body;
        placeBody.replace("user_ids", "place_ids");
        VMS_VERIFY_VALIDATION(admin().request(method,
                                              path(m_tenantGroup, QStringLiteral("/places")),
                                              placeBody, "application/json"),
                              placeLoc, type);
    }
}

void TstApiGroups::membersPaginated()
{
    const qint64 id = apiCreateGroup(admin(), uniqueName(QStringLiteral("Big")), m_tenantOrg);
    QVERIFY(id > 0);
    QList<qint64> users;
    for (int i = 0; i < 11; ++i) {
        const qint64 u = groupless();
        QVERIFY(u > 0);
        users.append(u);
    }
    VMS_VERIFY_STATUS(admin().post(path(id, QStringLiteral("/members")), ids("user_ids", users)),
                      200);
    int pages = 0;
    const QJsonArray all = allPages(admin(), path(id, QStringLiteral("/members")),
                                    QStringLiteral("users"), 10, QJsonValue::Undefined, &pages);
    QCOMPARE(pages, 2);
    QCOMPARE(idList(all), users);
    for (const QJsonValue &u : all)
        QCOMPARE(idList(u.toObject().value(QLatin1String("groups"))), QList<qint64>{id});
}

void TstApiGroups::search()
{
    const QString tag = QUuid::createUuid().toString(QUuid::Id128).left(8);
    QList<qint64> mine;
    for (int i = 0; i < 11; ++i) {
        const qint64 id
                = apiCreateGroup(admin(), QStringLiteral("Patrol %1 Ünit %2").arg(tag).arg(i));
        QVERIFY(id > 0);
        mine.append(id);
    }
    const qint64 remote
            = apiCreateGroup(admin(), QStringLiteral("Patrol %1 far").arg(tag), m_tenantOrg);
    QVERIFY(remote > 0);

    const QJsonObject query{
            {QStringLiteral("query"), QString(tag.toUpper() + QStringLiteral(" ünit"))}};
    int pages = 0;
    QCOMPARE(idList(allPages(admin(), QStringLiteral("/api/v1/groups/search"),
                             QStringLiteral("groups"), 10, query, &pages)),
             mine);
    QCOMPARE(pages, 2);

    // Superusers search everywhere, or in the organization they name.
    const QJsonObject all{{QStringLiteral("query"), QString(QStringLiteral("patrol ") + tag)}};
    const auto everywhere = admin().post(QStringLiteral("/api/v1/groups/search?limit=100"), all);
    VMS_VERIFY_STATUS(everywhere, 200);
    QCOMPARE(idList(everywhere.object().value(QLatin1String("groups"))).size(), 12);
    const auto narrowed = admin().post(
            QStringLiteral("/api/v1/groups/search?organization_id=%1").arg(m_tenantOrg), all);
    QCOMPARE(idList(narrowed.object().value(QLatin1String("groups"))), QList<qint64>{remote});

    // Anyone else finds their own organization's groups only.
    const auto own = tenant().post(QStringLiteral("/api/v1/groups/search"), all);
    VMS_VERIFY_STATUS(own, 200);
    QCOMPARE(idList(own.object().value(QLatin1String("groups"))), QList<qint64>{remote});
    const auto foreign = tenant().post(
            QStringLiteral("/api/v1/groups/search?organization_id=%1").arg(m_defaultOrg), all);
    VMS_VERIFY_STATUS(foreign, 200);
    QVERIFY(foreign.object().value(QLatin1String("groups")).toArray().isEmpty());
}

void TstApiGroups::searchValidation_data()
{
    QTest::addColumn<QJsonValue>("query");
    QTest::addColumn<QString>("type");
    QTest::newRow("one character")
            << QJsonValue(QStringLiteral("a")) << QStringLiteral("value_error.any_str.min_length");
    QTest::newRow("256 characters") << QJsonValue(QString(256, QLatin1Char('a')))
                                    << QStringLiteral("value_error.any_str.max_length");
    QTest::newRow("missing") << QJsonValue(QJsonValue::Undefined)
                             << QStringLiteral("value_error.missing");
    QTest::newRow("a number") << QJsonValue(42) << QStringLiteral("type_error.str");
}

void TstApiGroups::searchValidation()
{
    QFETCH(QJsonValue, query);
    QFETCH(QString, type);
    QJsonObject body;
    if (!query.isUndefined())
        body.insert(QStringLiteral("query"), query);
    VMS_VERIFY_VALIDATION(admin().post(QStringLiteral("/api/v1/groups/search"), body),
                          (QStringList{QStringLiteral("body"), QStringLiteral("query")}), type);
    // The edges of 2..255 pass.
    for (int n : {2, 255}) {
        VMS_VERIFY_STATUS(
                admin().post(QStringLiteral("/api/v1/groups/search"),
                             QJsonObject{{QStringLiteral("query"), QString(n, QLatin1Char('q'))}}),
                200);
    }
}

void TstApiGroups::places()
{
    const qint64 id = apiCreateGroup(tenant(), uniqueName(QStringLiteral("Sites")));
    QVERIFY(id > 0);
    QList<qint64> places;
    for (int i = 0; i < 11; ++i) {
        const qint64 p = createPlace(tenant(),
                                     {{QStringLiteral("name"), QStringLiteral("Site %1").arg(i)}});
        QVERIFY(p > 0);
        places.append(p);
    }
    VMS_VERIFY_STATUS(tenant().post(path(id, QStringLiteral("/places")), ids("place_ids", places)),
                      200);
    QCOMPARE(group(id).value(QLatin1String("place_count")).toInteger(), 11);
    QVERIFY(hasAuditEntry(admin(), QStringLiteral("group_place_create"), QStringLiteral("group_id"),
                          id));
    int pages = 0;
    const QJsonArray listed = allPages(tenant(), path(id, QStringLiteral("/places")),
                                       QStringLiteral("places"), 10, QJsonValue::Undefined, &pages);
    QCOMPARE(pages, 2);
    QCOMPARE(idList(listed), places);
    QCOMPARE(listed.first().toObject().value(QLatin1String("name")).toString(),
             QStringLiteral("Site 0"));
    QCOMPARE(listed.first().toObject().value(QLatin1String("plan_count")).toInteger(-1), 0);

    VMS_VERIFY_STATUS(tenant().del(path(id, QStringLiteral("/places")),
                                   ids("place_ids", {places.first(), 999999})),
                      200);
    QCOMPARE(group(id).value(QLatin1String("place_count")).toInteger(), 10);
    QVERIFY(!idList(allPages(tenant(), path(id, QStringLiteral("/places")),
                             QStringLiteral("places"), 100))
                     .contains(places.first()));
    QVERIFY(hasAuditEntry(admin(), QStringLiteral("group_place_delete"), QStringLiteral("group_id"),
                          id));
}

void TstApiGroups::placesErrors()
{
    const qint64 id = apiCreateGroup(tenant(), uniqueName(QStringLiteral("Picky")));
    const qint64 other = apiCreateGroup(tenant(), uniqueName(QStringLiteral("Other")));
    QVERIFY(id > 0 && other > 0);
    const qint64 free = createPlace(tenant(), {{QStringLiteral("name"), QStringLiteral("Free")}});
    const qint64 taken = createPlace(tenant(), {{QStringLiteral("name"), QStringLiteral("Taken")}});
    QVERIFY(free > 0 && taken > 0);
    VMS_VERIFY_STATUS(
            tenant().post(path(other, QStringLiteral("/places")), ids("place_ids", {taken})), 200);
    const auto count = [&] {
        return group(id).value(QLatin1String("place_count")).toInteger();
    };

    // Already in a group: all or nothing.
    VMS_VERIFY_ERROR(
            tenant().post(path(id, QStringLiteral("/places")), ids("place_ids", {free, taken})),
            400, QStringLiteral("invalid_request"));
    QCOMPARE(count(), 0);
    VMS_VERIFY_ERROR(
            tenant().post(path(id, QStringLiteral("/places")), ids("place_ids", {free, 999999})),
            400, QStringLiteral("invalid_request"));
    QCOMPARE(count(), 0);
    // A place of another organization does not exist here.
    const qint64 foreign
            = createPlace(admin(), {{QStringLiteral("name"), QStringLiteral("Foreign")}});
    QVERIFY(foreign > 0);
    VMS_VERIFY_ERROR(admin().post(path(id, QStringLiteral("/places")), ids("place_ids", {foreign})),
                     400, QStringLiteral("invalid_request"));
    // Unknown group.
    VMS_VERIFY_ERROR(
            admin().post(path(999999, QStringLiteral("/places")), ids("place_ids", {free})), 404,
            QStringLiteral("not_found"));
    VMS_VERIFY_ERROR(admin().del(path(999999, QStringLiteral("/places")), ids("place_ids", {free})),
                     404, QStringLiteral("not_found"));
    VMS_VERIFY_ERROR(admin().get(path(999999, QStringLiteral("/places"))), 404,
                     QStringLiteral("not_found"));
}

void TstApiGroups::isolation()
{
    const qint64 theirs = apiCreateGroup(admin(), uniqueName(QStringLiteral("Private")));
    QVERIFY(theirs > 0);
    const qint64 adminId = admin().get(QStringLiteral("/api/v1/users/me"))
                                   .object()
                                   .value(QLatin1String("id"))
                                   .toInteger();
    const qint64 place = createPlace(admin(), {{QStringLiteral("name"), QStringLiteral("HQ")}});
    QVERIFY(place > 0);
    VMS_VERIFY_STATUS(
            admin().post(path(theirs, QStringLiteral("/places")), ids("place_ids", {place})), 200);
    const QString notFound = QStringLiteral("not_found");

    VMS_VERIFY_ERROR(tenant().get(path(theirs)), 404, notFound);
    VMS_VERIFY_ERROR(tenant().put(path(theirs), groupBody(QStringLiteral("Mine now"))), 404,
                     notFound);
    VMS_VERIFY_ERROR(tenant().del(path(theirs)), 404, notFound);
    VMS_VERIFY_ERROR(tenant().get(path(theirs, QStringLiteral("/members"))), 404, notFound);
    VMS_VERIFY_ERROR(
            tenant().post(path(theirs, QStringLiteral("/members")), ids("user_ids", {m_tenant.id})),
            404, notFound);
    VMS_VERIFY_ERROR(
            tenant().del(path(theirs, QStringLiteral("/members")), ids("user_ids", {adminId})), 404,
            notFound);
    VMS_VERIFY_ERROR(tenant().get(path(theirs, QStringLiteral("/places"))), 404, notFound);
    VMS_VERIFY_ERROR(tenant().post(path(theirs, QStringLiteral("/places")), ids("place_ids", {})),
                     404, notFound);
    VMS_VERIFY_ERROR(
            tenant().del(path(theirs, QStringLiteral("/places")), ids("place_ids", {place})), 404,
            notFound);
    // Their own group cannot take the other organization's users or places either.
    VMS_VERIFY_ERROR(tenant().post(path(m_tenantGroup, QStringLiteral("/places")),
                                   ids("place_ids", {place})),
                     400, QStringLiteral("invalid_request"));

    // Nothing changed.
    const QJsonObject g = group(theirs);
    QCOMPARE(g.value(QLatin1String("place_count")).toInteger(), 1);
    QVERIFY(g.value(QLatin1String("name")).toString().startsWith(QLatin1String("Private")));
}

void TstApiGroups::permissionDenied()
{
    const qint64 role = apiCreateRole(admin(), uniqueName(QStringLiteral("group reader")),
                                      {QStringLiteral("group_read")});
    QVERIFY(role > 0);
    ApiUser reader = apiCreateUser(admin(), m_tenantOrg, m_tenantGroup, role);
    QVERIFY(reader.isValid());
    ApiTestClient &c = *reader.client;
    VMS_VERIFY_STATUS(c.get(QStringLiteral("/api/v1/groups")), 200);
    VMS_VERIFY_STATUS(c.get(path(m_tenantGroup)), 200);
    VMS_VERIFY_STATUS(c.post(QStringLiteral("/api/v1/groups/search"),
                             QJsonObject{{QStringLiteral("query"), QStringLiteral("st")}}),
                      200);
    const QString denied = QStringLiteral("unauthorized");
    VMS_VERIFY_ERROR(c.post(QStringLiteral("/api/v1/groups"), groupBody(QStringLiteral("x"))), 403,
                     denied);
    VMS_VERIFY_ERROR(c.put(path(m_tenantGroup), groupBody(QStringLiteral("x"))), 403, denied);
    VMS_VERIFY_ERROR(c.del(path(m_tenantGroup)), 403, denied);
    VMS_VERIFY_ERROR(c.get(path(m_tenantGroup, QStringLiteral("/members"))), 403, denied);
    VMS_VERIFY_ERROR(c.post(path(m_tenantGroup, QStringLiteral("/members")), ids("user_ids", {})),
                     403, denied);
    VMS_VERIFY_ERROR(c.del(path(m_tenantGroup, QStringLiteral("/members")), ids("user_ids", {})),
                     403, denied);
    VMS_VERIFY_ERROR(c.get(path(m_tenantGroup, QStringLiteral("/places"))), 403, denied);
    VMS_VERIFY_ERROR(c.post(path(m_tenantGroup, QStringLiteral("/places")), ids("place_ids", {})),
                     403, denied);
    VMS_VERIFY_ERROR(c.del(path(m_tenantGroup, QStringLiteral("/places")), ids("place_ids", {})),
                     403, denied);
    QCOMPARE(group(m_tenantGroup).value(QLatin1String("name")).toString(), QStringLiteral("Staff"));

    const qint64 none = apiCreateRole(admin(), uniqueName(QStringLiteral("no groups")), {});
    QVERIFY(none > 0);
    ApiUser nobody = apiCreateUser(admin(), m_tenantOrg, m_tenantGroup, none);
    QVERIFY(nobody.isValid());
    VMS_VERIFY_ERROR(nobody.client->get(QStringLiteral("/api/v1/groups")), 403, denied);
    VMS_VERIFY_ERROR(nobody.client->get(path(m_tenantGroup)), 403, denied);
    VMS_VERIFY_NO_SCHEMA_FAILURES(c);
    VMS_VERIFY_NO_SCHEMA_FAILURES(*nobody.client);
}

QTEST_GUILESS_MAIN(TstApiGroups)
#include "tst_api_groups.moc"
