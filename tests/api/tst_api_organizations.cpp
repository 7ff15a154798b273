// Seed 002 §9: /api/v1/organizations*. Writes are for superusers only; everyone else reads their
// own organization only.
#include "tests/api/admin_fixture.h"

#include <QJsonArray>
#include <QTest>
#include <QUuid>

using namespace vms::apitest;

class TstApiOrganizations : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void init();
    void cleanup();
    void cleanupTestCase();

    void createAndGet();
    void createDuplicateName();
    void createValidation_data();
    void createValidation();
    void createWithLogo();
    void listPaginated();
    void listBadPaging_data();
    void listBadPaging();
    void getMissingAndMalformed();
    void update();
    void updateErrors();
    void deleteRules();
    void members();
    void groups();
    void search();
    void searchValidation();
    void writesNeedSuperuser();
    void nonSuperuserSeesOwnOrganizationOnly();
    void permissionDenied();

private:
    ApiTestClient &admin() { return *m_admin; }
    QString path(qint64 id, const QString &tail = {}) const
    {
        return QStringLiteral("/api/v1/organizations/%1").arg(id) + tail;
    }

    TestServer m_server;
    std::unique_ptr<ApiTestClient> m_admin;
    qint64 m_defaultOrg = 0;
    // A second tenant: its group, and a user whose role holds every organization permission.
    qint64 m_tenantOrg = 0;
    qint64 m_tenantGroup = 0;
    qint64 m_tenantRole = 0;
    ApiUser m_tenant;
};

void TstApiOrganizations::initTestCase()
{
    QVERIFY2(m_server.start(), qPrintable(m_server.errorString()));
    m_admin = std::make_unique<ApiTestClient>(m_server.url());
    const Session s = login(*m_admin, m_server.adminLogin(), m_server.adminPassword());
    QVERIFY2(s.isValid(), qPrintable(s.reply.describe()));
    m_admin->setBearer(s.accessToken);
    const auto me = m_admin->get(QStringLiteral("/api/v1/users/me"));
    VMS_VERIFY_STATUS(me, 200);
    m_defaultOrg = me.object().value(QLatin1String("organization_id")).toInteger();

    m_tenantOrg = apiCreateOrganization(*m_admin, uniqueName(QStringLiteral("Tenant")));
    QVERIFY(m_tenantOrg > 0);
    m_tenantGroup = apiCreateGroup(*m_admin, QStringLiteral("Staff"), m_tenantOrg);
    QVERIFY(m_tenantGroup > 0);
    m_tenantRole = apiCreateRole(
            *m_admin, uniqueName(QStringLiteral("org admin")),
            {QStringLiteral("organization_read"), QStringLiteral("organization_create"),
             QStringLiteral("organization_update"), QStringLiteral("organization_delete"),
             QStringLiteral("organization_members_read"),
             QStringLiteral("organization_groups_read")});
    QVERIFY(m_tenantRole > 0);
    m_tenant = apiCreateUser(*m_admin, m_tenantOrg, m_tenantGroup, m_tenantRole);
    QVERIFY(m_tenant.isValid());
    VMS_VERIFY_NO_SCHEMA_FAILURES(*m_admin);
}

void TstApiOrganizations::init()
{
    m_admin->clearSchemaFailures();
    m_tenant.client->clearSchemaFailures();
}

void TstApiOrganizations::cleanup()
{
    VMS_VERIFY_NO_SCHEMA_FAILURES(*m_admin);
    VMS_VERIFY_NO_SCHEMA_FAILURES(*m_tenant.client);
}

void TstApiOrganizations::cleanupTestCase()
{
    m_tenant.client.reset();
    m_admin.reset();
    m_server.stop();
}

void TstApiOrganizations::createAndGet()
{
    const QString name = uniqueName(QStringLiteral("Acme"));
    const auto created = admin().post(
            QStringLiteral("/api/v1/organizations"),
            QJsonObject{{QStringLiteral("name"), name},
                        {QStringLiteral("description"), QStringLiteral("A tenant")}});
    VMS_VERIFY_STATUS(created, 200);
    const QJsonObject o = created.object();
    QCOMPARE(o.value(QLatin1String("name")).toString(), name);
    QCOMPARE(o.value(QLatin1String("description")).toString(), QStringLiteral("A tenant"));
    QCOMPARE(o.value(QLatin1String("is_internal")).toBool(true), false);
    QVERIFY(!o.contains(QLatin1String("logo_id")));
    const qint64 id = o.value(QLatin1String("id")).toInteger();
    QVERIFY(id > 0);

    const auto got = admin().get(path(id));
    VMS_VERIFY_STATUS(got, 200);
    QCOMPARE(got.object(), o);
    QVERIFY(hasAuditEntry(admin(), QStringLiteral("organization_create"),
                          QStringLiteral("organization_id"), id));

    // The bootstrap organization is internal.
    const auto def = admin().get(path(m_defaultOrg));
    VMS_VERIFY_STATUS(def, 200);
    QCOMPARE(def.object().value(QLatin1String("is_internal")).toBool(), true);
}

void TstApiOrganizations::createDuplicateName()
{
    const QString name = uniqueName(QStringLiteral("Twin"));
    QVERIFY(apiCreateOrganization(admin(), name) > 0);
    const auto dup = admin().post(QStringLiteral("/api/v1/organizations"),
                                  QJsonObject{{QStringLiteral("name"), name},
                                              {QStringLiteral("description"), QString()}});
    VMS_VERIFY_ERROR(dup, 400, QStringLiteral("invalid_request"));
    // Surrounding blanks do not make another name.
    const auto padded = admin().post(
            QStringLiteral("/api/v1/organizations"),
            QJsonObject{{QStringLiteral("name"), QString(QStringLiteral("  ") + name)},
                        {QStringLiteral("description"), QString()}});
    VMS_VERIFY_ERROR(padded, 400, QStringLiteral("invalid_request"));
}

void TstApiOrganizations::createValidation_data()
{
    QTest::addColumn<QByteArray>("body");
    QTest::addColumn<QString>("field");
    QTest::addColumn<QString>("type");
    QTest::newRow("no name") << QByteArray(R"({"description":""})") << QStringLiteral("name")
                             << QStringLiteral("value_error.missing");
    QTest::newRow("no description")
            << QByteArray(R"({"name":"x"})") << QStringLiteral("description")
            << QStringLiteral("value_error.missing");
    QTest::newRow("empty name") << QByteArray(R"({"name":"","description":""})")
                                << QStringLiteral("name")
                                << QStringLiteral("value_error.any_str.min_length");
    QTest::newRow("blank name") << QByteArray(R"({"name":"   ","description":""})")
                                << QStringLiteral("name")
                                << QStringLiteral("value_error.any_str.min_length");
    QTest::newRow("long name") << (QByteArray(R"({"description":"","name":")") + QByteArray(65, 'n')
                                   + QByteArray(R"("})"))
                               << QStringLiteral("name")
                               << QStringLiteral("value_error.any_str.max_length");
    QTest::newRow("long description")
            << (QByteArray(R"({"name":"d","description":")") + QByteArray(2049, 'd')
                + QByteArray(R"("})"))
            << QStringLiteral("description") << QStringLiteral("value_error.any_str.max_length");
    QTest::newRow("name not a string")
            << QByteArray(R"({"name":5,"description":""})") << QStringLiteral("name")
            << QStringLiteral("type_error.str");
    QTest::newRow("not an object")
            << QByteArray("[]") << QString() << QStringLiteral("type_error.dict");
}

void TstApiOrganizations::createValidation()
{
    QFETCH(QByteArray, body);
    QFETCH(QString, field);
    QFETCH(QString, type);
    const auto r = admin().request("POST", QStringLiteral("/api/v1/organizations"), body,
                                   "application/json");
    const QStringList loc = field.isEmpty() ? QStringList{QStringLiteral("body")}
                                            : QStringList{QStringLiteral("body"), field};
    VMS_VERIFY_VALIDATION(r, loc, type);
}

void TstApiOrganizations::createWithLogo()
{
    const auto unknown
            = admin().post(QStringLiteral("/api/v1/organizations"),
                           QJsonObject{{QStringLiteral("name"), uniqueName(QStringLiteral("Logo"))},
                                       {QStringLiteral("description"), QString()},
                                       {QStringLiteral("logo_id"),
                                        QStringLiteral("7d3c1e1e-1111-4a4a-9b9b-000000000000")}});
    VMS_VERIFY_ERROR(unknown, 400, QStringLiteral("invalid_request"));
}

void TstApiOrganizations::listPaginated()
{
    QList<qint64> made;
    for (int i = 0; i < 11; ++i) {
        const qint64 id = apiCreateOrganization(admin(), uniqueName(QStringLiteral("Paged")));
        QVERIFY(id > 0);
        made.append(id);
    }
    const auto first = admin().get(QStringLiteral("/api/v1/organizations?limit=10"));
    VMS_VERIFY_STATUS(first, 200);
    const QJsonArray firstItems = first.object().value(QLatin1String("organizations")).toArray();
    QCOMPARE(firstItems.size(), 10);
    const QString cursor = first.object()
                                   .value(QLatin1String("pagination"))
                                   .toObject()
                                   .value(QLatin1String("cursor"))
                                   .toString();
    QVERIFY(!cursor.isEmpty());

    int pages = 0;
    const QJsonArray all
            = allPages(admin(), QStringLiteral("/api/v1/organizations"),
                       QStringLiteral("organizations"), 10, QJsonValue::Undefined, &pages);
    const QList<qint64> ids = idList(all);
    QVERIFY(pages >= 2);
    for (qint64 id : std::as_const(made))
        QVERIFY(ids.contains(id));
    // Ascending ids, each once.
    for (int i = 1; i < ids.size(); ++i)
        QVERIFY(ids.at(i - 1) < ids.at(i));
    QCOMPARE(idList(firstItems), ids.mid(0, 10));
}

void TstApiOrganizations::listBadPaging_data()
{
    QTest::addColumn<QString>("query");
    QTest::addColumn<QString>("field");
    QTest::newRow("limit below 10") << QStringLiteral("limit=9") << QStringLiteral("limit");
    QTest::newRow("limit above 1000") << QStringLiteral("limit=1001") << QStringLiteral("limit");
    QTest::newRow("limit not a number") << QStringLiteral("limit=ten") << QStringLiteral("limit");
    QTest::newRow("foreign cursor") << QStringLiteral("cursor=abc") << QStringLiteral("cursor");
}

void TstApiOrganizations::listBadPaging()
{
    QFETCH(QString, query);
    QFETCH(QString, field);
    for (const QString &p :
         {QStringLiteral("/api/v1/organizations?"), path(m_defaultOrg, QStringLiteral("/members?")),
          path(m_defaultOrg, QStringLiteral("/groups?"))}) {
        const auto r = admin().get(p + query);
        VMS_VERIFY_VALIDATION(r, (QStringList{QStringLiteral("query"), field}), QString());
    }
    const auto s = admin().post(QStringLiteral("/api/v1/organizations/search?") + query,
                                QJsonObject{{QStringLiteral("query"), QStringLiteral("a")}});
    VMS_VERIFY_VALIDATION(s, (QStringList{QStringLiteral("query"), field}), QString());
}

void TstApiOrganizations::getMissingAndMalformed()
{
    VMS_VERIFY_ERROR(admin().get(path(999999)), 404, QStringLiteral("not_found"));
    VMS_VERIFY_ERROR(
            admin().put(path(999999), QJsonObject{{QStringLiteral("name"), QStringLiteral("x")},
                                                  {QStringLiteral("description"), QString()}}),
            404, QStringLiteral("not_found"));
    VMS_VERIFY_ERROR(admin().del(path(999999)), 404, QStringLiteral("not_found"));
    VMS_VERIFY_ERROR(admin().get(path(999999, QStringLiteral("/members"))), 404,
                     QStringLiteral("not_found"));
    VMS_VERIFY_ERROR(admin().get(path(999999, QStringLiteral("/groups"))), 404,
                     QStringLiteral("not_found"));
    const QStringList loc{QStringLiteral("path"), QStringLiteral("organization_id")};
    VMS_VERIFY_VALIDATION(admin().get(QStringLiteral("/api/v1/organizations/abc")), loc,
                          QStringLiteral("type_error.integer"));
    VMS_VERIFY_VALIDATION(admin().del(QStringLiteral("/api/v1/organizations/abc")), loc,
                          QStringLiteral("type_error.integer"));
    VMS_VERIFY_VALIDATION(admin().get(QStringLiteral("/api/v1/organizations/abc/members")), loc,
                          QStringLiteral("type_error.integer"));
}

void TstApiOrganizations::update()
{
    const qint64 id = apiCreateOrganization(admin(), uniqueName(QStringLiteral("Before")));
    QVERIFY(id > 0);
    const QString name = uniqueName(QStringLiteral("After"));
    const auto r = admin().put(path(id),
                               QJsonObject{{QStringLiteral("name"), name},
                                           {QStringLiteral("description"), QStringLiteral("new")}});
    VMS_VERIFY_STATUS(r, 200);
    QCOMPARE(r.object().value(QLatin1String("name")).toString(), name);
    QCOMPARE(r.object().value(QLatin1String("description")).toString(), QStringLiteral("new"));
    QCOMPARE(r.object().value(QLatin1String("id")).toInteger(), id);
    const auto got = admin().get(path(id));
    QCOMPARE(got.object().value(QLatin1String("name")).toString(), name);
    // Keeping its own name is no conflict.
    VMS_VERIFY_STATUS(
            admin().put(path(id), QJsonObject{{QStringLiteral("name"), name},
                                              {QStringLiteral("description"), QString()}}),
            200);
    QVERIFY(hasAuditEntry(admin(), QStringLiteral("organization_update"),
                          QStringLiteral("organization_id"), id));
}

void TstApiOrganizations::updateErrors()
{
    const QString taken = uniqueName(QStringLiteral("Taken"));
    QVERIFY(apiCreateOrganization(admin(), taken) > 0);
    const qint64 id = apiCreateOrganization(admin(), uniqueName(QStringLiteral("Mine")));
    QVERIFY(id > 0);
    VMS_VERIFY_ERROR(admin().put(path(id), QJsonObject{{QStringLiteral("name"), taken},
                                                       {QStringLiteral("description"), QString()}}),
                     400, QStringLiteral("invalid_request"));
    VMS_VERIFY_VALIDATION(admin().put(path(id), QJsonObject{{QStringLiteral("name"), taken}}),
                          (QStringList{QStringLiteral("body"), QStringLiteral("description")}),
                          QStringLiteral("value_error.missing"));
    VMS_VERIFY_ERROR(
            admin().put(path(id), QJsonObject{{QStringLiteral("name"), QStringLiteral("x")},
                                              {QStringLiteral("description"), QString()},
                                              {QStringLiteral("logo_id"), QStringLiteral("nope")}}),
            400, QStringLiteral("invalid_request"));
}

void TstApiOrganizations::deleteRules()
{
    // With a group: 400; once the group is gone: deleted.
    const qint64 withGroup = apiCreateOrganization(admin(), uniqueName(QStringLiteral("Grouped")));
    QVERIFY(withGroup > 0);
    const qint64 group = apiCreateGroup(admin(), QStringLiteral("G"), withGroup);
    QVERIFY(group > 0);
    VMS_VERIFY_ERROR(admin().del(path(withGroup)), 400, QStringLiteral("invalid_request"));
    VMS_VERIFY_STATUS(admin().get(path(withGroup)), 200);

    // With a user: 400; without the user, its group still holds the organization.
    const qint64 withUser = apiCreateOrganization(admin(), uniqueName(QStringLiteral("Peopled")));
    QVERIFY(withUser > 0);
    const qint64 userGroup = apiCreateGroup(admin(), QStringLiteral("U"), withUser);
    QVERIFY(userGroup > 0);
    ApiUser user = apiCreateUser(admin(), withUser, userGroup, m_tenantRole);
    QVERIFY(user.isValid());
    VMS_VERIFY_ERROR(admin().del(path(withUser)), 400, QStringLiteral("invalid_request"));
    QVERIFY(admin().del(QStringLiteral("/api/v1/users/%1").arg(user.id)).status == 200);
    VMS_VERIFY_ERROR(admin().del(path(withUser)), 400, QStringLiteral("invalid_request"));
    VMS_VERIFY_STATUS(admin().del(QStringLiteral("/api/v1/groups/%1").arg(userGroup)), 200);
    const auto deleted = admin().del(path(withUser));
    VMS_VERIFY_STATUS(deleted, 200);
    QCOMPARE(deleted.object().value(QLatin1String("status")).toString(), QStringLiteral("ok"));
    VMS_VERIFY_ERROR(admin().get(path(withUser)), 404, QStringLiteral("not_found"));
    VMS_VERIFY_ERROR(admin().del(path(withUser)), 404, QStringLiteral("not_found"));
    QVERIFY(hasAuditEntry(admin(), QStringLiteral("organization_delete"),
                          QStringLiteral("organization_id"), withUser));

    // The organization of the caller has the caller as a user.
    VMS_VERIFY_ERROR(admin().del(path(m_defaultOrg)), 400, QStringLiteral("invalid_request"));
    user.client.reset();
}

void TstApiOrganizations::members()
{
    const qint64 org = apiCreateOrganization(admin(), uniqueName(QStringLiteral("Members")));
    QVERIFY(org > 0);
    const qint64 group = apiCreateGroup(admin(), QStringLiteral("Team"), org);
    QVERIFY(group > 0);
    QList<qint64> ids;
    for (int i = 0; i < 12; ++i) {
        ApiUser u = apiCreateUser(admin(), org, group, m_tenantRole);
        QVERIFY(u.id > 0);
        ids.append(u.id);
    }
    // One of them leaves the group.
    VMS_VERIFY_STATUS(
            admin().del(QStringLiteral("/api/v1/groups/%1/members").arg(group),
                        QJsonObject{{QStringLiteral("user_ids"), QJsonArray{ids.last()}}}),
            200);

    const auto all = admin().get(path(org, QStringLiteral("/members")));
    VMS_VERIFY_STATUS(all, 200);
    QVERIFY(!all.object().contains(QLatin1String("pagination")));
    const QJsonArray members = all.object().value(QLatin1String("members")).toArray();
    QCOMPARE(idList(members), ids);
    for (const QJsonValue &m : members)
        QCOMPARE(m.toObject().value(QLatin1String("organization_id")).toInteger(), org);

    const auto capped = admin().get(path(org, QStringLiteral("/members?limit=10")));
    VMS_VERIFY_STATUS(capped, 200);
    QCOMPARE(idList(capped.object().value(QLatin1String("members"))), ids.mid(0, 10));

    // A cursor of another user list continues after the user it holds.
    const auto page = admin().get(QStringLiteral("/api/v1/groups/%1/members?limit=10").arg(group));
    VMS_VERIFY_STATUS(page, 200);
    const QString cursor = page.object()
                                   .value(QLatin1String("pagination"))
                                   .toObject()
                                   .value(QLatin1String("cursor"))
                                   .toString();
    QVERIFY(!cursor.isEmpty());
    const auto rest = admin().get(path(org, QStringLiteral("/members?cursor=")) + cursor);
    VMS_VERIFY_STATUS(rest, 200);
    QCOMPARE(idList(rest.object().value(QLatin1String("members"))), ids.mid(10));

    const auto lonely = admin().get(path(org, QStringLiteral("/members?without_groups=true")));
    VMS_VERIFY_STATUS(lonely, 200);
    QCOMPARE(idList(lonely.object().value(QLatin1String("members"))), QList<qint64>{ids.last()});
    const auto notLonely = admin().get(path(org, QStringLiteral("/members?without_groups=false")));
    QCOMPARE(idList(notLonely.object().value(QLatin1String("members"))), ids);
    VMS_VERIFY_VALIDATION(admin().get(path(org, QStringLiteral("/members?without_groups=maybe"))),
                          (QStringList{QStringLiteral("query"), QStringLiteral("without_groups")}),
                          QStringLiteral("type_error.bool"));
}

void TstApiOrganizations::groups()
{
    const qint64 org = apiCreateOrganization(admin(), uniqueName(QStringLiteral("Groups")));
    QVERIFY(org > 0);
    QList<qint64> ids;
    for (const QString &name :
         {QStringLiteral("One"), QStringLiteral("Two"), QStringLiteral("Three")}) {
        const qint64 id = apiCreateGroup(admin(), name, org);
        QVERIFY(id > 0);
        ids.append(id);
    }
    // A group elsewhere does not show up.
    QVERIFY(apiCreateGroup(admin(), uniqueName(QStringLiteral("Elsewhere"))) > 0);
    const auto r = admin().get(path(org, QStringLiteral("/groups")));
    VMS_VERIFY_STATUS(r, 200);
    QVERIFY(!r.object().contains(QLatin1String("pagination")));
    const QJsonArray groups = r.object().value(QLatin1String("groups")).toArray();
    QCOMPARE(idList(groups), ids);
    QCOMPARE(groups.first().toObject().value(QLatin1String("organization_id")).toInteger(), org);
    QCOMPARE(groups.first().toObject().value(QLatin1String("user_count")).toInteger(), 0);
    QCOMPARE(groups.first().toObject().value(QLatin1String("name")).toString(),
             QStringLiteral("One"));
}

void TstApiOrganizations::search()
{
    const QString tag = QUuid::createUuid().toString(QUuid::Id128).left(8);
    QList<qint64> ids;
    for (int i = 0; i < 12; ++i) {
        const qint64 id = apiCreateOrganization(admin(),
                                                QStringLiteral("Zebra %1 Näme %2").arg(tag).arg(i));
        QVERIFY(id > 0);
        ids.append(id);
    }
    int pages = 0;
    const QJsonArray found
            = allPages(admin(), QStringLiteral("/api/v1/organizations/search"),
                       QStringLiteral("organizations"), 10,
                       QJsonObject{{QStringLiteral("query"),
                                    QString(QStringLiteral("ZEBRA ") + tag.toUpper())}},
                       &pages);
    QCOMPARE(idList(found), ids);
    QCOMPARE(pages, 2);
    // Case-insensitive beyond ASCII, and a substring anywhere.
    const auto umlaut = admin().post(
            QStringLiteral("/api/v1/organizations/search?limit=100"),
            QJsonObject{{QStringLiteral("query"), QString(tag + QStringLiteral(" NÄME 1"))}});
    VMS_VERIFY_STATUS(umlaut, 200);
    QCOMPARE(idList(umlaut.object().value(QLatin1String("organizations"))),
             (QList<qint64>{ids.at(1), ids.at(10), ids.at(11)}));
    // LIKE wildcards are literal.
    const auto none = admin().post(
            QStringLiteral("/api/v1/organizations/search"),
            QJsonObject{{QStringLiteral("query"), QString(tag + QStringLiteral("%"))}});
    VMS_VERIFY_STATUS(none, 200);
    QVERIFY(none.object().value(QLatin1String("organizations")).toArray().isEmpty());
    QVERIFY(none.object().value(QLatin1String("pagination")).toObject().isEmpty());
}

void TstApiOrganizations::searchValidation()
{
    VMS_VERIFY_VALIDATION(
            admin().post(QStringLiteral("/api/v1/organizations/search"), QJsonObject{}),
            (QStringList{QStringLiteral("body"), QStringLiteral("query")}),
            QStringLiteral("value_error.missing"));
    VMS_VERIFY_VALIDATION(admin().post(QStringLiteral("/api/v1/organizations/search")),
                          QStringList{QStringLiteral("body")},
                          QStringLiteral("value_error.missing"));
    VMS_VERIFY_VALIDATION(admin().post(QStringLiteral("/api/v1/organizations/search"),
                                       QJsonObject{{QStringLiteral("query"), 3}}),
                          (QStringList{QStringLiteral("body"), QStringLiteral("query")}),
                          QStringLiteral("type_error.str"));
}

void TstApiOrganizations::writesNeedSuperuser()
{
    ApiTestClient &tenant = *m_tenant.client;
    const QJsonObject body{{QStringLiteral("name"), uniqueName(QStringLiteral("Nope"))},
                           {QStringLiteral("description"), QString()}};
    VMS_VERIFY_ERROR(tenant.post(QStringLiteral("/api/v1/organizations"), body), 403,
                     QStringLiteral("unauthorized"));
    // Not even their own organization, and not with an invalid body either.
    VMS_VERIFY_ERROR(tenant.put(path(m_tenantOrg), body), 403, QStringLiteral("unauthorized"));
    VMS_VERIFY_ERROR(tenant.post(QStringLiteral("/api/v1/organizations"), QJsonObject{}), 403,
                     QStringLiteral("unauthorized"));
    VMS_VERIFY_ERROR(tenant.del(path(m_tenantOrg)), 403, QStringLiteral("unauthorized"));
    VMS_VERIFY_ERROR(tenant.del(path(m_defaultOrg)), 403, QStringLiteral("unauthorized"));
    // Nothing changed.
    const auto own = tenant.get(path(m_tenantOrg));
    VMS_VERIFY_STATUS(own, 200);
    QCOMPARE(own.object().value(QLatin1String("description")).toString(), QStringLiteral("test"));
}

void TstApiOrganizations::nonSuperuserSeesOwnOrganizationOnly()
{
    ApiTestClient &tenant = *m_tenant.client;
    const auto list = tenant.get(QStringLiteral("/api/v1/organizations"));
    VMS_VERIFY_STATUS(list, 200);
    QCOMPARE(idList(list.object().value(QLatin1String("organizations"))),
             QList<qint64>{m_tenantOrg});
    VMS_VERIFY_STATUS(tenant.get(path(m_tenantOrg)), 200);
    VMS_VERIFY_ERROR(tenant.get(path(m_defaultOrg)), 404, QStringLiteral("not_found"));
    VMS_VERIFY_ERROR(tenant.get(path(m_defaultOrg, QStringLiteral("/members"))), 404,
                     QStringLiteral("not_found"));
    VMS_VERIFY_ERROR(tenant.get(path(m_defaultOrg, QStringLiteral("/groups"))), 404,
                     QStringLiteral("not_found"));

    const auto members = tenant.get(path(m_tenantOrg, QStringLiteral("/members")));
    VMS_VERIFY_STATUS(members, 200);
    QCOMPARE(idList(members.object().value(QLatin1String("members"))), QList<qint64>{m_tenant.id});
    const auto groups = tenant.get(path(m_tenantOrg, QStringLiteral("/groups")));
    VMS_VERIFY_STATUS(groups, 200);
    QCOMPARE(idList(groups.object().value(QLatin1String("groups"))), QList<qint64>{m_tenantGroup});

    // Search: "Default" names the admin's organization, which the tenant cannot see.
    const auto found
            = tenant.post(QStringLiteral("/api/v1/organizations/search"),
                          QJsonObject{{QStringLiteral("query"), QStringLiteral("default")}});
    VMS_VERIFY_STATUS(found, 200);
    QVERIFY(found.object().value(QLatin1String("organizations")).toArray().isEmpty());
    const auto adminFound
            = admin().post(QStringLiteral("/api/v1/organizations/search"),
                           QJsonObject{{QStringLiteral("query"), QStringLiteral("default")}});
    QVERIFY(idList(adminFound.object().value(QLatin1String("organizations")))
                    .contains(m_defaultOrg));
    const auto ownFound
            = tenant.post(QStringLiteral("/api/v1/organizations/search"),
                          QJsonObject{{QStringLiteral("query"), QStringLiteral("tenant")}});
    QCOMPARE(idList(ownFound.object().value(QLatin1String("organizations"))),
             QList<qint64>{m_tenantOrg});
}

void TstApiOrganizations::permissionDenied()
{
    // A role with only organization_read: the members and groups routes need their own permission.
    const qint64 role = apiCreateRole(admin(), uniqueName(QStringLiteral("org reader")),
                                      {QStringLiteral("organization_read")});
    QVERIFY(role > 0);
    ApiUser reader = apiCreateUser(admin(), m_tenantOrg, m_tenantGroup, role);
    QVERIFY(reader.isValid());
    VMS_VERIFY_STATUS(reader.client->get(path(m_tenantOrg)), 200);
    VMS_VERIFY_ERROR(reader.client->get(path(m_tenantOrg, QStringLiteral("/members"))), 403,
                     QStringLiteral("unauthorized"));
    VMS_VERIFY_ERROR(reader.client->get(path(m_tenantOrg, QStringLiteral("/groups"))), 403,
                     QStringLiteral("unauthorized"));

    const qint64 none = apiCreateRole(admin(), uniqueName(QStringLiteral("no org")), {});
    QVERIFY(none > 0);
    ApiUser nobody = apiCreateUser(admin(), m_tenantOrg, m_tenantGroup, none);
    QVERIFY(nobody.isValid());
    VMS_VERIFY_ERROR(nobody.client->get(QStringLiteral("/api/v1/organizations")), 403,
                     QStringLiteral("unauthorized"));
    VMS_VERIFY_ERROR(nobody.client->get(path(m_tenantOrg)), 403, QStringLiteral("unauthorized"));
    VMS_VERIFY_ERROR(nobody.client->post(QStringLiteral("/api/v1/organizations/search"),
                                         QJsonObject{{QStringLiteral("query"), QString()}}),
                     403, QStringLiteral("unauthorized"));
    VMS_VERIFY_NO_SCHEMA_FAILURES(*reader.client);
    VMS_VERIFY_NO_SCHEMA_FAILURES(*nobody.client);
}

QTEST_GUILESS_MAIN(TstApiOrganizations)
#include "tst_api_organizations.moc"
