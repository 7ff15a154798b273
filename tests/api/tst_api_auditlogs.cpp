// Seed 002 §1: GET /api/v1/auditlogs and /api/v1/auditlogs/{auditlog_id}.
// Every test gets a fresh server (so it sees only its own entries) driven by a ManualClock.
#include "tests/api/api_fixture.h"

#include <QDateTime>
#include <QTest>
#include <QUrl>

using namespace vms::apitest;

namespace {

const QString kList = QStringLiteral("/api/v1/auditlogs");

QString iso(qint64 ms)
{
    return QDateTime::fromMSecsSinceEpoch(ms, Qt::UTC).toString(Qt::ISODateWithMs);
}

qint64 createdAtMs(const QJsonObject &entry)
{
    const QDateTime dt = QDateTime::fromString(entry.value(QLatin1String("created_at")).toString(),
                                               Qt::ISODateWithMs);
    return dt.isValid() ? dt.toMSecsSinceEpoch() : -1;
}

QStringList field(const QJsonArray &entries, const QString &name)
{
    QStringList out;
    for (const QJsonValue &e : entries)
        out.append(e.toObject().value(name).toVariant().toString());
    return out;
}

QStringList ids(const QJsonArray &entries)
{
    return field(entries, QStringLiteral("id"));
}

QStringList actions(const QJsonArray &entries)
{
    return field(entries, QStringLiteral("action_type"));
}

QJsonArray entriesOf(const vms::test::Reply &r)
{
    return r.object().value(QLatin1String("auditlogs")).toArray();
}

bool hasCursor(const vms::test::Reply &r)
{
    return r.object()
            .value(QLatin1String("pagination"))
            .toObject()
            .contains(QLatin1String("cursor"));
}

} // namespace

class TstApiAuditLogs : public QObject
{
    Q_OBJECT

private slots:
    void init();
    void cleanup();

    void entriesForUserActions();
    void filterByUserIds();
    void filterByActionTypes();
    void filterByPeriod();
    void orderBy();
    void default24Hours();
    void cursorPagination();
    void invalidCursor_data();
    void invalidCursor();
    void limitBounds_data();
    void limitBounds();
    void getById();
    void getByIdInvalid_data();
    void getByIdInvalid();
    void forbiddenWithoutPermission();

private:
    /** Logs the admin in and makes the client send its token. */
    bool loginAdmin(Session *session = nullptr);
    /** PUT /users/me with these names (one user_update entry). */
    bool rename(const QString &first, const QString &last);
    /** GET /auditlogs?query; on a non-200 reply, a warning and an empty reply body. */
    vms::test::Reply list(const QString &query = {});
    qint64 now() const { return m_clock->nowMs(); }

    std::shared_ptr<vms::ManualClock> m_clock;
    std::unique_ptr<TestServer> m_server;
    std::unique_ptr<ApiTestClient> m_client;
    QJsonObject m_admin; ///< GET /users/me of the admin, set by loginAdmin()
};

void TstApiAuditLogs::init()
{
    // Whole seconds, so that computed periods are exact.
    QDateTime start = QDateTime::currentDateTimeUtc();
    start.setTime(QTime(start.time().hour(), start.time().minute(), start.time().second()));
    m_clock = std::make_shared<vms::ManualClock>(start);
    m_server = std::make_unique<TestServer>();
    TestServerConfig config;
    config.clock = m_clock;
    QVERIFY2(m_server->start(config), qPrintable(m_server->errorString()));
    m_client = std::make_unique<ApiTestClient>(m_server->url());
    m_admin = {};
}

void TstApiAuditLogs::cleanup()
{
    if (m_client)
        VMS_VERIFY_NO_SCHEMA_FAILURES(*m_client);
    m_client.reset();
    m_server.reset();
}

bool TstApiAuditLogs::loginAdmin(Session *session)
{
    const Session s = login(*m_client, m_server->adminLogin(), m_server->adminPassword());
    if (!s.isValid()) {
        qWarning("admin login: %s", qPrintable(s.reply.describe()));
        return false;
    }
    m_client->setBearer(s.accessToken);
    if (session)
        *session = s;
    const auto me = m_client->get(QStringLiteral("/api/v1/users/me"));
    if (me.status != 200) {
        qWarning("GET /users/me: %s", qPrintable(me.describe()));
        return false;
    }
    m_admin = me.object();
    return true;
}

bool TstApiAuditLogs::rename(const QString &first, const QString &last)
{
    const auto r = m_client->put(QStringLiteral("/api/v1/users/me"),
                                 QJsonObject{{QStringLiteral("first_name"), first},
                                             {QStringLiteral("last_name"), last}});
    if (r.status != 200)
        qWarning("PUT /users/me: %s", qPrintable(r.describe()));
    return r.status == 200;
}

vms::test::Reply TstApiAuditLogs::list(const QString &query)
{
    auto r = m_client->get(query.isEmpty() ? kList : kList + QLatin1Char('?') + query);
    if (r.status != 200)
        qWarning("%s", qPrintable(r.describe()));
    return r;
}

void TstApiAuditLogs::entriesForUserActions()
{
    Session first;
    QVERIFY(loginAdmin(&first));
    const qint64 loginAt = now();
    const qint64 adminId = m_admin.value(QLatin1String("id")).toInteger();

    m_clock->advanceSecs(1);
    const qint64 updateAt = now();
    QVERIFY(rename(QStringLiteral("Audit"), QStringLiteral("Trail")));

    m_clock->advanceSecs(1);
    const Session second = login(*m_client, m_server->adminLogin(), m_server->adminPassword());
    QVERIFY2(second.isValid(), qPrintable(second.reply.describe()));
    m_clock->advanceSecs(1);
    const qint64 logoutAt = now();
    VMS_VERIFY_STATUS(revoke(*m_client, second.accessToken), 204);

    m_clock->advanceSecs(1);
    const Session third = login(*m_client, m_server->adminLogin(), m_server->adminPassword());
    QVERIFY2(third.isValid(), qPrintable(third.reply.describe()));
    m_clock->advanceSecs(1);
    VMS_VERIFY_STATUS(revoke(*m_client, third.refreshToken, QStringLiteral("refresh_token")), 204);

    const auto r = list();
    VMS_VERIFY_STATUS(r, 200);
    VMS_VERIFY_SCHEMA(r);
    QVERIFY(!hasCursor(r));
    const QJsonArray entries = entriesOf(r);
    // Newest first; refreshing and reading create no entries.
    QCOMPARE(actions(entries),
             (QStringList{QStringLiteral("user_logout"), QStringLiteral("user_login"),
                          QStringLiteral("user_logout"), QStringLiteral("user_login"),
                          QStringLiteral("user_update"), QStringLiteral("user_login")}));

    // The snapshot of the acting user, the organization and the client address, on every entry.
    for (const QJsonValue &v : entries) {
        const QJsonObject e = v.toObject();
        const QString what = QString::fromUtf8(QJsonDocument(e).toJson(QJsonDocument::Compact));
        QVERIFY2(e.value(QLatin1String("id")).toString().size() == 36, qPrintable(what));
        QCOMPARE(e.value(QLatin1String("user_id")).toInteger(), adminId);
        QCOMPARE(e.value(QLatin1String("user_email")).toString(), m_server->adminLogin());
        QCOMPARE(e.value(QLatin1String("user_role_name")).toString(), QStringLiteral("superuser"));
        QCOMPARE(e.value(QLatin1String("user_role_id")).toInteger(),
                 m_admin.value(QLatin1String("role_id")).toInteger());
        QCOMPARE(e.value(QLatin1String("user_is_superuser")).toBool(), true);
        QCOMPARE(e.value(QLatin1String("client_ip")).toString(), QStringLiteral("127.0.0.1"));
        QCOMPARE(e.value(QLatin1String("organization_id")).toInteger(),
                 m_admin.value(QLatin1String("organization_id")).toInteger());
        QCOMPARE(e.value(QLatin1String("organization_name")).toString(),
                 QStringLiteral("Default organization"));
        QVERIFY2(e.value(QLatin1String("user_groups")).isArray(), qPrintable(what));
        QVERIFY2(createdAtMs(e) > 0, qPrintable(what));
    }

    // The first login: made before the rename, so the snapshot holds the old names.
    const QJsonObject login1 = entries.at(5).toObject();
    QCOMPARE(createdAtMs(login1), loginAt);
    QCOMPARE(login1.value(QLatin1String("user_first_name")).toString(), QStringLiteral("System"));
    QCOMPARE(login1.value(QLatin1String("user_last_name")).toString(),
             QStringLiteral("Administrator"));
    QVERIFY(!login1.value(QLatin1String("meta"))
                     .toObject()
                     .value(QLatin1String("session_id"))
                     .toString()
                     .isEmpty());

    // The update: new names in the snapshot, old and new in meta.changes.
    const QJsonObject update = entries.at(4).toObject();
    QCOMPARE(createdAtMs(update), updateAt);
    QCOMPARE(update.value(QLatin1String("user_first_name")).toString(), QStringLiteral("Audit"));
    QCOMPARE(update.value(QLatin1String("user_last_name")).toString(), QStringLiteral("Trail"));
    const QJsonObject meta = update.value(QLatin1String("meta")).toObject();
    QCOMPARE(meta.value(QLatin1String("user_id")).toInteger(), adminId);
    const QJsonObject changes = meta.value(QLatin1String("changes")).toObject();
    QCOMPARE(changes.value(QLatin1String("first_name")).toObject(),
             (QJsonObject{{QStringLiteral("old"), QStringLiteral("System")},
                          {QStringLiteral("new"), QStringLiteral("Audit")}}));
    QCOMPARE(changes.value(QLatin1String("last_name")).toObject(),
             (QJsonObject{{QStringLiteral("old"), QStringLiteral("Administrator")},
                          {QStringLiteral("new"), QStringLiteral("Trail")}}));

    // The logouts: revoking an access token and a refresh token, each naming its session.
    const QJsonObject login2 = entries.at(3).toObject();
    const QJsonObject logoutAccess = entries.at(2).toObject();
    QCOMPARE(createdAtMs(logoutAccess), logoutAt);
    QCOMPARE(
            logoutAccess.value(QLatin1String("meta")).toObject().value(QLatin1String("token_type")),
            QJsonValue(QStringLiteral("access_token")));
    QCOMPARE(
            logoutAccess.value(QLatin1String("meta")).toObject().value(QLatin1String("session_id")),
            login2.value(QLatin1String("meta")).toObject().value(QLatin1String("session_id")));
    const QJsonObject login3 = entries.at(1).toObject();
    const QJsonObject logoutRefresh = entries.at(0).toObject();
    QCOMPARE(logoutRefresh.value(QLatin1String("meta"))
                     .toObject()
                     .value(QLatin1String("token_type")),
             QJsonValue(QStringLiteral("refresh_token")));
    QCOMPARE(logoutRefresh.value(QLatin1String("meta"))
                     .toObject()
                     .value(QLatin1String("session_id")),
             login3.value(QLatin1String("meta")).toObject().value(QLatin1String("session_id")));
    QVERIFY(login2.value(QLatin1String("meta")).toObject().value(QLatin1String("session_id"))
            != login3.value(QLatin1String("meta")).toObject().value(QLatin1String("session_id")));
}

void TstApiAuditLogs::filterByUserIds()
{
    QVERIFY(loginAdmin());
    const qint64 adminId = m_admin.value(QLatin1String("id")).toInteger();
    const UserAccount op = createUser(*m_server, QStringLiteral("operator"));
    QVERIFY2(op.isValid(), qPrintable(op.error));
    m_clock->advanceSecs(1);
    const Session opSession = login(*m_client, op.email, op.password);
    QVERIFY2(opSession.isValid(), qPrintable(opSession.reply.describe()));
    m_clock->advanceSecs(1);
    const auto opRename = m_client->request(
            QByteArrayLiteral("PUT"), QStringLiteral("/api/v1/users/me"),
            R"({"first_name":"Opal","last_name":"Operator"})",
            QByteArrayLiteral("application/json"),
            {{QByteArrayLiteral("Authorization"), "Bearer " + opSession.accessToken.toUtf8()}});
    VMS_VERIFY_STATUS(opRename, 200);

    const QString opId = QString::number(op.id);
    const QString admin = QString::number(adminId);

    const auto onlyOp = list(QStringLiteral("user_ids=") + opId);
    VMS_VERIFY_STATUS(onlyOp, 200);
    const QJsonArray opEntries = entriesOf(onlyOp);
    QCOMPARE(actions(opEntries),
             (QStringList{QStringLiteral("user_update"), QStringLiteral("user_login")}));
    for (const QJsonValue &v : opEntries) {
        const QJsonObject e = v.toObject();
        QCOMPARE(e.value(QLatin1String("user_id")).toInteger(), op.id);
        QCOMPARE(e.value(QLatin1String("user_email")).toString(), op.email);
        QCOMPARE(e.value(QLatin1String("user_role_name")).toString(), QStringLiteral("operator"));
        QCOMPARE(e.value(QLatin1String("user_is_superuser")).toBool(), false);
    }

    const auto onlyAdmin = list(QStringLiteral("user_ids=") + admin);
    VMS_VERIFY_STATUS(onlyAdmin, 200);
    QCOMPARE(actions(entriesOf(onlyAdmin)), QStringList{QStringLiteral("user_login")});
    QCOMPARE(field(entriesOf(onlyAdmin), QStringLiteral("user_id")), QStringList{admin});

    const auto both = list(QStringLiteral("user_ids=%1&user_ids=%2").arg(admin, opId));
    VMS_VERIFY_STATUS(both, 200);
    QCOMPARE(field(entriesOf(both), QStringLiteral("user_id")), (QStringList{opId, opId, admin}));

    const auto nobody = list(QStringLiteral("user_ids=999999"));
    VMS_VERIFY_STATUS(nobody, 200);
    QVERIFY(entriesOf(nobody).isEmpty());
    QVERIFY(!hasCursor(nobody));

    const auto bad = m_client->get(kList + QStringLiteral("?user_ids=abc"));
    VMS_VERIFY_VALIDATION(bad, (QStringList{QStringLiteral("query"), QStringLiteral("user_ids")}),
                          QStringLiteral("type_error.integer"));

    // The operator holds auditlog_read and sees its organization's entries, the admin's too.
    const auto asOp = m_client->get(kList, {{QByteArrayLiteral("Authorization"),
                                             "Bearer " + opSession.accessToken.toUtf8()}});
    VMS_VERIFY_STATUS(asOp, 200);
    QCOMPARE(ids(entriesOf(asOp)), ids(entriesOf(both)));
}

void TstApiAuditLogs::filterByActionTypes()
{
    QVERIFY(loginAdmin());
    const QString adminId = QString::number(m_admin.value(QLatin1String("id")).toInteger());
    m_clock->advanceSecs(1);
    QVERIFY(rename(QStringLiteral("A"), QStringLiteral("B")));
    m_clock->advanceSecs(1);
    const Session second = login(*m_client, m_server->adminLogin(), m_server->adminPassword());
    QVERIFY2(second.isValid(), qPrintable(second.reply.describe()));
    m_clock->advanceSecs(1);
    VMS_VERIFY_STATUS(revoke(*m_client, second.accessToken), 204);

    const auto logins = list(QStringLiteral("action_types=user_login"));
    VMS_VERIFY_STATUS(logins, 200);
    QCOMPARE(actions(entriesOf(logins)),
             (QStringList{QStringLiteral("user_login"), QStringLiteral("user_login")}));

    const auto two = list(QStringLiteral("action_types=user_login&action_types=user_update"));
    VMS_VERIFY_STATUS(two, 200);
    QCOMPARE(actions(entriesOf(two)),
             (QStringList{QStringLiteral("user_login"), QStringLiteral("user_update"),
                          QStringLiteral("user_login")}));

    const auto none = list(QStringLiteral("action_types=camera_create"));
    VMS_VERIFY_STATUS(none, 200);
    QVERIFY(entriesOf(none).isEmpty());

    const auto combined = list(QStringLiteral("action_types=user_logout&user_ids=") + adminId);
    VMS_VERIFY_STATUS(combined, 200);
    QCOMPARE(actions(entriesOf(combined)), QStringList{QStringLiteral("user_logout")});

    const auto bad
            = m_client->get(kList + QStringLiteral("?action_types=user_login&action_types=bogus"));
    VMS_VERIFY_VALIDATION(bad,
                          (QStringList{QStringLiteral("query"), QStringLiteral("action_types")}),
                          QStringLiteral("type_error.enum"));
}

void TstApiAuditLogs::filterByPeriod()
{
    // Three entries five minutes apart (the access token lives 15 minutes).
    QVERIFY(loginAdmin());
    const qint64 t0 = now();
    m_clock->advanceSecs(300);
    const qint64 t1 = now();
    QVERIFY(rename(QStringLiteral("At"), QStringLiteral("T1")));
    m_clock->advanceSecs(300);
    const qint64 t2 = now();
    QVERIFY(rename(QStringLiteral("At"), QStringLiteral("T2")));

    const auto all = list(QStringLiteral("limit=1000"));
    VMS_VERIFY_STATUS(all, 200);
    const QJsonArray entries = entriesOf(all);
    QCOMPARE(entries.size(), 3);
    QCOMPARE(createdAtMs(entries.at(0).toObject()), t2);
    QCOMPARE(createdAtMs(entries.at(1).toObject()), t1);
    QCOMPARE(createdAtMs(entries.at(2).toObject()), t0);
    const QString idAt0 = entries.at(2).toObject().value(QLatin1String("id")).toString();
    const QString idAt1 = entries.at(1).toObject().value(QLatin1String("id")).toString();
    const QString idAt2 = entries.at(0).toObject().value(QLatin1String("id")).toString();

    struct Case
    {
        QString query;
        QStringList expected;
    };
    // '+' in an offset must be sent percent-encoded.
    const QString t1Plus2h = QDateTime::fromMSecsSinceEpoch(t1, Qt::UTC)
                                     .toOffsetFromUtc(2 * 3600)
                                     .toString(Qt::ISODate)
                                     .replace(QLatin1Char('+'), QLatin1String("%2B"));
    const QList<Case> cases = {
            {QStringLiteral("created_at_from=%1&created_at_to=%2")
                     .arg(iso(t1 - 1000), iso(t1 + 1000)),
             {idAt1}},
            // Both bounds are inclusive.
            {QStringLiteral("created_at_from=%1&created_at_to=%1").arg(iso(t1)), {idAt1}},
            {QStringLiteral("created_at_from=%1&created_at_to=%1").arg(t1Plus2h), {idAt1}},
            {QStringLiteral("created_at_from=%1").arg(iso(t1)), {idAt2, idAt1}},
            {QStringLiteral("created_at_to=%1").arg(iso(t1)), {idAt1, idAt0}},
            {QStringLiteral("created_at_from=%1&created_at_to=%2").arg(iso(t0 - 3600000), iso(t2)),
             {idAt2, idAt1, idAt0}},
            {QStringLiteral("created_at_from=%1&created_at_to=%2")
                     .arg(iso(t2 + 1), iso(t2 + 3600000)),
             {}},
    };
    for (const Case &c : cases) {
        const auto r = list(c.query);
        VMS_VERIFY_STATUS(r, 200);
        QVERIFY2(ids(entriesOf(r)) == c.expected,
                 qPrintable(c.query + QLatin1String(": ") + r.describe()));
    }

    const auto reversed = m_client->get(
            kList + QStringLiteral("?created_at_from=%1&created_at_to=%2").arg(iso(t2), iso(t0)));
    VMS_VERIFY_VALIDATION(reversed,
                          (QStringList{QStringLiteral("query"), QStringLiteral("created_at_to")}),
                          QStringLiteral("value_error"));
    const auto badDate = m_client->get(kList + QStringLiteral("?created_at_from=not-a-date"));
    VMS_VERIFY_VALIDATION(badDate,
                          (QStringList{QStringLiteral("query"), QStringLiteral("created_at_from")}),
                          QStringLiteral("value_error.datetime"));
    const auto badTo = m_client->get(kList + QStringLiteral("?created_at_to=2024-13-45T99:00:00Z"));
    VMS_VERIFY_VALIDATION(badTo,
                          (QStringList{QStringLiteral("query"), QStringLiteral("created_at_to")}),
                          QStringLiteral("value_error.datetime"));
}

void TstApiAuditLogs::orderBy()
{
    QVERIFY(loginAdmin());
    for (int i = 0; i < 3; ++i) {
        m_clock->advanceSecs(2);
        QVERIFY(rename(QStringLiteral("Name%1").arg(i), QStringLiteral("Order")));
    }
    const auto byDefault = list();
    VMS_VERIFY_STATUS(byDefault, 200);
    const QJsonArray desc = entriesOf(byDefault);
    QCOMPARE(desc.size(), 4);
    for (int i = 1; i < desc.size(); ++i)
        QVERIFY(createdAtMs(desc.at(i - 1).toObject()) > createdAtMs(desc.at(i).toObject()));

    const auto explicitDesc = list(QStringLiteral("order_by=-created_at"));
    VMS_VERIFY_STATUS(explicitDesc, 200);
    QCOMPARE(ids(entriesOf(explicitDesc)), ids(desc));

    const auto asc = list(QStringLiteral("order_by=created_at"));
    VMS_VERIFY_STATUS(asc, 200);
    QStringList reversed = ids(desc);
    std::reverse(reversed.begin(), reversed.end());
    QCOMPARE(ids(entriesOf(asc)), reversed);
    QCOMPARE(actions(entriesOf(asc)).first(), QStringLiteral("user_login"));

    const auto bad = m_client->get(kList + QStringLiteral("?order_by=id"));
    VMS_VERIFY_VALIDATION(bad, (QStringList{QStringLiteral("query"), QStringLiteral("order_by")}),
                          QStringLiteral("type_error.enum"));
}

void TstApiAuditLogs::default24Hours()
{
    const qint64 t0 = now();
    QVERIFY(loginAdmin());
    QVERIFY(rename(QStringLiteral("Old"), QStringLiteral("Entry")));
    const auto before = list();
    VMS_VERIFY_STATUS(before, 200);
    const QStringList oldIds = ids(entriesOf(before));
    QCOMPARE(oldIds.size(), 2);

    // 23 hours later the entries are still inside the default period. (The token expired: log in
    // again, which adds an entry.)
    m_clock->advanceSecs(23 * 3600);
    QVERIFY(loginAdmin());
    const auto after23h = list();
    VMS_VERIFY_STATUS(after23h, 200);
    const QStringList ids23 = ids(entriesOf(after23h));
    QCOMPARE(ids23.size(), 3);
    QCOMPARE(ids23.mid(1), oldIds);

    // 25 hours after them they are not.
    m_clock->advanceSecs(2 * 3600);
    QVERIFY(loginAdmin());
    const auto after25h = list();
    VMS_VERIFY_STATUS(after25h, 200);
    const QJsonArray recent = entriesOf(after25h);
    QCOMPARE(actions(recent),
             (QStringList{QStringLiteral("user_login"), QStringLiteral("user_login")}));
    for (const QString &id : oldIds)
        QVERIFY2(!ids(recent).contains(id), qPrintable(id));
    for (const QJsonValue &v : recent)
        QVERIFY(createdAtMs(v.toObject()) >= now() - 24LL * 3600 * 1000);

    // An explicit period still finds them.
    const auto period = list(
            QStringLiteral("created_at_from=%1&created_at_to=%2").arg(iso(t0 - 60000), iso(now())));
    VMS_VERIFY_STATUS(period, 200);
    const QStringList all = ids(entriesOf(period));
    QCOMPARE(all.size(), 4);
    QCOMPARE(all.mid(2), oldIds);
    const auto fromOnly = list(QStringLiteral("created_at_from=%1").arg(iso(t0 - 60000)));
    VMS_VERIFY_STATUS(fromOnly, 200);
    QCOMPARE(ids(entriesOf(fromOnly)), all);
}

void TstApiAuditLogs::cursorPagination()
{
    QVERIFY(loginAdmin());
    // 25 updates: the first 12 one second apart, the rest at the same instant (ties on
    // created_at must not lose or repeat entries across pages).
    for (int i = 0; i < 25; ++i) {
        if (i < 12)
            m_clock->advanceSecs(1);
        QVERIFY(rename(QStringLiteral("Page%1").arg(i), QStringLiteral("Cursor")));
    }
    const auto full = list(QStringLiteral("limit=1000"));
    VMS_VERIFY_STATUS(full, 200);
    QVERIFY(!hasCursor(full));
    const QStringList allIds = ids(entriesOf(full));
    QCOMPARE(allIds.size(), 26);
    QCOMPARE(QSet<QString>(allIds.cbegin(), allIds.cend()).size(), 26);

    struct Walk
    {
        QString query;
        QStringList expected;
        QList<int> pageSizes;
    };
    QStringList ascending = allIds;
    std::reverse(ascending.begin(), ascending.end());
    QStringList updates;
    for (const QJsonValue &v : entriesOf(full)) {
        if (v.toObject().value(QLatin1String("action_type")).toString()
            == QLatin1String("user_update"))
            updates.append(v.toObject().value(QLatin1String("id")).toString());
    }
    const QList<Walk> walks = {
            {QStringLiteral("limit=10"), allIds, {10, 10, 6}},
            {QStringLiteral("limit=10&order_by=created_at"), ascending, {10, 10, 6}},
            {QStringLiteral("limit=10&action_types=user_update"), updates, {10, 10, 5}},
            {QStringLiteral("limit=13"), allIds, {13, 13}},
    };
    for (const Walk &walk : walks) {
        QStringList seen;
        QList<int> sizes;
        QString cursor;
        for (int page = 0; page < 10; ++page) {
            QString query = walk.query;
            if (!cursor.isEmpty())
                query += QStringLiteral("&cursor=")
                         + QString::fromLatin1(QUrl::toPercentEncoding(cursor));
            const auto r = list(query);
            VMS_VERIFY_STATUS(r, 200);
            VMS_VERIFY_SCHEMA(r);
            const QStringList pageIds = ids(entriesOf(r));
            for (const QString &id : pageIds)
                QVERIFY2(!seen.contains(id),
                         qPrintable(walk.query + QLatin1String(": repeated ") + id));
            seen += pageIds;
            sizes.append(int(pageIds.size()));
            if (!hasCursor(r))
                break;
            cursor = r.object()
                             .value(QLatin1String("pagination"))
                             .toObject()
                             .value(QLatin1String("cursor"))
                             .toString();
            QVERIFY2(!cursor.isEmpty(), qPrintable(r.describe()));
        }
        QVERIFY2(sizes == walk.pageSizes,
                 qPrintable(walk.query + QLatin1String(": page sizes ")
                            + QString::fromLatin1(QTest::toString(sizes))));
        QCOMPARE(seen, walk.expected);
    }
}

void TstApiAuditLogs::invalidCursor_data()
{
    QTest::addColumn<QString>("cursor");
    QTest::addColumn<QString>("type"); // empty: any
    QTest::newRow("garbage") << QStringLiteral("garbage!!") << QString();
    QTest::newRow("base64 of an object")
            << QString::fromLatin1(QByteArray(R"({"a":1})").toBase64(QByteArray::Base64UrlEncoding))
            << QString();
    QTest::newRow("base64, key not a number") << QString::fromLatin1(
            QByteArray(R"(["x","id"])").toBase64(QByteArray::Base64UrlEncoding))
                                              << QString();
    QTest::newRow("base64, no id") << QString::fromLatin1(
            QByteArray(R"(["1",""])").toBase64(QByteArray::Base64UrlEncoding))
                                   << QString();
    QTest::newRow("empty") << QString() << QStringLiteral("value_error.any_str.min_length");
}

void TstApiAuditLogs::invalidCursor()
{
    QFETCH(QString, cursor);
    QFETCH(QString, type);
    QVERIFY(loginAdmin());
    const auto r = m_client->get(kList + QStringLiteral("?limit=10&cursor=")
                                 + QString::fromLatin1(QUrl::toPercentEncoding(cursor)));
    VMS_VERIFY_VALIDATION(r, (QStringList{QStringLiteral("query"), QStringLiteral("cursor")}),
                          type);
}

void TstApiAuditLogs::limitBounds_data()
{
    QTest::addColumn<QString>("limit");
    QTest::addColumn<int>("status");
    QTest::addColumn<QString>("type");
    QTest::newRow("5") << QStringLiteral("5") << 422 << QStringLiteral("value_error.number.not_ge");
    QTest::newRow("9") << QStringLiteral("9") << 422 << QStringLiteral("value_error.number.not_ge");
    QTest::newRow("0") << QStringLiteral("0") << 422 << QStringLiteral("value_error.number.not_ge");
    QTest::newRow("-10") << QStringLiteral("-10") << 422
                         << QStringLiteral("value_error.number.not_ge");
    QTest::newRow("1001") << QStringLiteral("1001") << 422
                          << QStringLiteral("value_error.number.not_le");
    QTest::newRow("abc") << QStringLiteral("abc") << 422 << QStringLiteral("type_error.integer");
    QTest::newRow("10.5") << QStringLiteral("10.5") << 422 << QStringLiteral("type_error.integer");
    QTest::newRow("empty") << QString() << 422 << QStringLiteral("type_error.integer");
    QTest::newRow("10") << QStringLiteral("10") << 200 << QString();
    QTest::newRow("1000") << QStringLiteral("1000") << 200 << QString();
}

void TstApiAuditLogs::limitBounds()
{
    QFETCH(QString, limit);
    QFETCH(int, status);
    QFETCH(QString, type);
    QVERIFY(loginAdmin());
    const auto r = m_client->get(kList + QStringLiteral("?limit=") + limit);
    if (status == 422) {
        VMS_VERIFY_VALIDATION(r, (QStringList{QStringLiteral("query"), QStringLiteral("limit")}),
                              type);
    } else {
        VMS_VERIFY_STATUS(r, status);
        QCOMPARE(actions(entriesOf(r)), QStringList{QStringLiteral("user_login")});
    }
}

void TstApiAuditLogs::getById()
{
    QVERIFY(loginAdmin());
    QVERIFY(rename(QStringLiteral("By"), QStringLiteral("Id")));
    const auto all = list();
    VMS_VERIFY_STATUS(all, 200);
    const QJsonArray entries = entriesOf(all);
    QCOMPARE(entries.size(), 2);
    for (const QJsonValue &v : entries) {
        const QJsonObject listed = v.toObject();
        const QString id = listed.value(QLatin1String("id")).toString();
        const auto one = m_client->get(kList + QLatin1Char('/') + id);
        VMS_VERIFY_STATUS(one, 200);
        VMS_VERIFY_SCHEMA(one);
        QCOMPARE(one.object(), listed);
        // The same id in capitals names the same entry.
        const auto upper = m_client->get(kList + QLatin1Char('/') + id.toUpper());
        VMS_VERIFY_STATUS(upper, 200);
        QCOMPARE(upper.object(), listed);
    }

    const auto unknown
            = m_client->get(kList + QStringLiteral("/6f1e2d3c-4b5a-4978-8695-a4b3c2d1e0f9"));
    VMS_VERIFY_ERROR(unknown, 404, QStringLiteral("not_found"));
    VMS_VERIFY_SCHEMA(unknown);
}

void TstApiAuditLogs::getByIdInvalid_data()
{
    QTest::addColumn<QString>("id");
    QTest::newRow("word") << QStringLiteral("not-a-uuid");
    QTest::newRow("number") << QStringLiteral("12345");
    QTest::newRow("braces") << QStringLiteral("%7B6f1e2d3c-4b5a-4978-8695-a4b3c2d1e0f9%7D");
    QTest::newRow("no dashes") << QStringLiteral("6f1e2d3c4b5a49788695a4b3c2d1e0f9");
    QTest::newRow("one digit short") << QStringLiteral("6f1e2d3c-4b5a-4978-8695-a4b3c2d1e0f");
    QTest::newRow("not hex") << QStringLiteral("6f1e2d3c-4b5a-4978-8695-a4b3c2d1e0fz");
}

void TstApiAuditLogs::getByIdInvalid()
{
    QFETCH(QString, id);
    QVERIFY(loginAdmin());
    const auto r = m_client->get(kList + QLatin1Char('/') + id);
    VMS_VERIFY_VALIDATION(r, (QStringList{QStringLiteral("path"), QStringLiteral("auditlog_id")}),
                          QStringLiteral("type_error.uuid"));
}

void TstApiAuditLogs::forbiddenWithoutPermission()
{
    QVERIFY(loginAdmin());
    const auto all = list();
    VMS_VERIFY_STATUS(all, 200);
    const QString someId = entriesOf(all).at(0).toObject().value(QLatin1String("id")).toString();

    QString error;
    QVERIFY2(createRole(*m_server, QStringLiteral("nothing"), {}, &error) > 0, qPrintable(error));
    const UserAccount nobody
            = createUser(*m_server, QStringLiteral("nothing"), QStringLiteral("nobody"));
    QVERIFY2(nobody.isValid(), qPrintable(nobody.error));
    const Session s = login(*m_client, nobody.email, nobody.password);
    VMS_VERIFY_STATUS(s.reply, 200);
    m_client->setBearer(s.accessToken);

    const auto listed = m_client->get(kList);
    VMS_VERIFY_ERROR(listed, 403, QStringLiteral("unauthorized"));
    QVERIFY(!listed.object().contains(QLatin1String("auditlogs")));
    const auto one = m_client->get(kList + QLatin1Char('/') + someId);
    VMS_VERIFY_ERROR(one, 403, QStringLiteral("unauthorized"));
    QVERIFY(!one.object().contains(QLatin1String("action_type")));
}

QTEST_GUILESS_MAIN(TstApiAuditLogs)
#include "tst_api_auditlogs.moc"
