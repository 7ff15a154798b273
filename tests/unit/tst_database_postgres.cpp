// The storage, the auth services and the HTTP server on PostgreSQL 15: a throwaway cluster per
// run (tests/support/postgres_fixture.h), a fresh database per test function.
#include "core/services/backend.h"
#include "core/storage/audit_repository.h"
#include "core/storage/database.h"
#include "core/storage/migrations.h"
#include "core/storage/session_repository.h"
#include "core/storage/user_repository.h"
#include "server/server_host.h"
#include "tests/support/postgres_fixture.h"

#include <QEventLoop>
#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QNetworkRequest>
#include <QSet>
#include <QTemporaryDir>
#include <QTest>
#include <QThread>
#include <QThreadPool>
#include <QTimer>
#include <QUrlQuery>
#include <QUuid>
#include <QtConcurrent>

#include <functional>
#include <limits>
#include <memory>

using vms::ErrorKind;
using vms::Ok;
using vms::Status;
using vms::User;
using vms::storage::Database;
using vms::storage::DatabaseUrl;
using vms::storage::Dialect;
using vms::test::PostgresFixture;

namespace {

constexpr qint64 kT0 = 1'767'225'600'000;

const QString kInsertOrg = QStringLiteral(
        "INSERT INTO organizations (name, description, is_internal, created_at, updated_at)"
        " VALUES (?, 'd', FALSE, 1, 1)");

class Worker
{
public:
    Worker()
    {
        m_thread.start();
        m_context.moveToThread(&m_thread);
    }
    ~Worker()
    {
        m_thread.quit();
        m_thread.wait();
    }
    void run(const std::function<void()> &fn)
    {
        QMetaObject::invokeMethod(&m_context, fn, Qt::BlockingQueuedConnection);
    }

private:
    QThread m_thread;
    QObject m_context;
};

qint64 countOf(Database &db, const QString &table)
{
    auto r = db.select(QStringLiteral("SELECT COUNT(*) FROM ") + table);
    return r && !r->isEmpty() ? r->first().first().toLongLong() : -1;
}

struct HttpResult
{
    int status = 0;
    QByteArray body;
    QString error;
};

HttpResult httpCall(QNetworkAccessManager &nam, QNetworkRequest request, const QByteArray &verb,
                    const QByteArray &body = {})
{
    request.setTransferTimeout(20000);
    QNetworkReply *reply = nam.sendCustomRequest(request, verb, body);
    QEventLoop loop;
    QObject::connect(reply, &QNetworkReply::finished, &loop, &QEventLoop::quit);
    QTimer::singleShot(30000, &loop, &QEventLoop::quit);
    if (!reply->isFinished())
        loop.exec();
    HttpResult out;
    out.status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    out.body = reply->readAll();
    if (reply->error() != QNetworkReply::NoError && out.status == 0)
        out.error = reply->errorString();
    reply->deleteLater();
    return out;
}

} // namespace

class TestDatabasePostgres : public QObject
{
    Q_OBJECT

    PostgresFixture m_pg;
    int m_dbCounter = 0;
    std::unique_ptr<Database> m_db;
    QString m_url;

    // A fresh database of the cluster, opened (not migrated) as m_db.
    bool freshDatabase()
    {
        m_db.reset();
        m_url = m_pg.createDatabase(QStringLiteral("t%1").arg(++m_dbCounter));
        if (m_url.isEmpty()) {
            qWarning() << "createdb failed:" << m_pg.errorString();
            return false;
        }
        auto url = DatabaseUrl::parse(m_url);
        if (!url)
            return false;
        m_db = std::make_unique<Database>(*url);
        return true;
    }

    bool freshMigrated() { return freshDatabase() && m_db->migrate().hasValue(); }

    struct Ids
    {
        qint64 org = 0;
        qint64 role = 0;
        qint64 group = 0;
    };
    Ids seed()
    {
        Ids ids;
        auto org = vms::storage::OrganizationRepository(*m_db).create(
                QStringLiteral("Acme"), QStringLiteral("org"), false, kT0);
        auto role = vms::storage::RoleRepository(*m_db).create(
                QStringLiteral("viewer"), QStringLiteral("reads"), true,
                {QStringLiteral("user_read"), QStringLiteral("camera_read")}, kT0);
        if (!org || !role)
            return ids;
        auto group = vms::storage::GroupRepository(*m_db).create(*org, QStringLiteral("Ops"),
                                                                 QStringLiteral("g"), false, kT0);
        if (!group)
            return ids;
        ids.org = *org;
        ids.role = *role;
        ids.group = *group;
        return ids;
    }

    User user(const Ids &ids, const QString &email) const
    {
        User u;
        u.organizationId = ids.org;
        u.roleId = ids.role;
        u.email = email;
        u.firstName = QStringLiteral("Ada");
        u.lastName = QStringLiteral("Lovelace");
        u.passwordHash = QStringLiteral("$argon2id$fake");
        return u;
    }

private slots:
    void initTestCase()
    {
        if (const QString why = PostgresFixture::unavailableReason(); !why.isEmpty())
            QSKIP(qPrintable(QStringLiteral("PostgreSQL tests skipped: ") + why));
        QElapsedTimer t;
        t.start();
        QVERIFY2(m_pg.start(), qPrintable(m_pg.errorString()));
        qInfo("PostgreSQL cluster up on port %d in %lld ms", m_pg.port(), t.elapsed());
        QVERIFY(m_pg.url().startsWith(QStringLiteral("postgresql://vms@127.0.0.1:")));
    }

    void cleanup() { m_db.reset(); }

    void cleanupTestCase()
    {
        m_db.reset();
        m_pg.stop();
        QVERIFY(!m_pg.isRunning());
    }

    void fixtureUrlParses()
    {
        auto url = DatabaseUrl::parse(m_pg.url());
        QVERIFY(url.hasValue());
        QCOMPARE(url->dialect, Dialect::Postgres);
        QCOMPARE(url->host, QStringLiteral("127.0.0.1"));
        QCOMPARE(url->port, m_pg.port());
        QCOMPARE(url->user, QStringLiteral("vms"));
        QCOMPARE(url->name, QStringLiteral("vms_test"));
        Database db(*url);
        QVERIFY(db.open().hasValue());
    }

    void wrongDatabaseIsUnavailable()
    {
        Database db(*DatabaseUrl::parse(m_pg.urlFor(QStringLiteral("no_such_db"))));
        const Status s = db.open();
        QVERIFY(!s.hasValue());
        QCOMPARE(s.error().kind, ErrorKind::Unavailable);
    }

    void migrate()
    {
        QVERIFY(freshDatabase());
        QCOMPARE(m_db->schemaVersion(), 0);
        QVERIFY(m_db->migrate().hasValue());
        QCOMPARE(m_db->schemaVersion(), vms::storage::latestSchemaVersion());
        // Idempotent, also from another Database (a restart).
        QVERIFY(m_db->migrate().hasValue());
        Database again(m_db->url());
        QVERIFY(again.migrate().hasValue());
        QCOMPARE(again.schemaVersion(), vms::storage::latestSchemaVersion());
        QCOMPARE(countOf(*m_db, QStringLiteral("schema_migrations")),
                 qint64(vms::storage::latestSchemaVersion()));

        auto rows = m_db->select(QStringLiteral(
                "SELECT table_name FROM information_schema.tables WHERE table_schema = 'public'"));
        QVERIFY(rows.hasValue());
        QSet<QString> tables;
        for (const auto &r : *rows)
            tables.insert(r.first().toString());
        for (const char *t : {"organizations", "roles", "role_permissions", "org_groups", "users",
                              "group_members", "auth_sessions", "refresh_tokens", "access_tokens",
                              "auditlogs", "settings", "schema_migrations"}) {
            QVERIFY2(tables.contains(QString::fromLatin1(t)), t);
        }
        // BIGSERIAL keys: ids come back as 64-bit integers.
        auto id = m_db->insertReturning(kInsertOrg + QStringLiteral(" RETURNING id"),
                                        {QStringLiteral("first")});
        QVERIFY(id.hasValue());
        QCOMPARE(id->toLongLong(), qint64(1));
    }

    void bindingAndTypes()
    {
        QVERIFY(freshMigrated());
        auto id = m_db->insertReturning(
                QStringLiteral("INSERT INTO organizations (name, description, logo_id, is_internal,"
                               " created_at, updated_at) VALUES (?,?,?,?,?,?) RETURNING id"),
                {QStringLiteral("n'quote\\slash"), QStringLiteral("ünïcødé"), Database::null(),
                 true, qint64(1'767'225'600'123), std::numeric_limits<qint64>::max()});
        QVERIFY(id.hasValue());
        auto rows = m_db->select(QStringLiteral("SELECT name, description, logo_id, is_internal,"
                                                " created_at, updated_at FROM organizations"
                                                " WHERE id = ?"),
                                 {*id});
        QVERIFY(rows.hasValue());
        QCOMPARE(rows->size(), 1);
        const auto &r = rows->first();
        QCOMPARE(r[0].toString(), QStringLiteral("n'quote\\slash"));
        QCOMPARE(r[1].toString(), QStringLiteral("ünïcødé"));
        QVERIFY(r[2].isNull());
        QCOMPARE(r[3].toBool(), true);
        QCOMPARE(r[4].toLongLong(), qint64(1'767'225'600'123));
        QCOMPARE(r[5].toLongLong(), std::numeric_limits<qint64>::max());

        // Booleans as parameters, in SET and WHERE.
        auto set = m_db->execute(QStringLiteral("UPDATE organizations SET is_internal = ?"),
                                 {false});
        QVERIFY(set.hasValue());
        QCOMPARE(*set, 1);
        auto where = m_db->select(
                QStringLiteral("SELECT COUNT(*) FROM organizations WHERE is_internal = ?"),
                {false});
        QVERIFY(where.hasValue());
        QCOMPARE(where->first().first().toInt(), 1);
        auto none = m_db->execute(QStringLiteral("UPDATE organizations SET name = ? WHERE id = ?"),
                                  {QStringLiteral("x"), qint64(-1)});
        QVERIFY(none.hasValue());
        QCOMPARE(*none, 0);
    }

    void errorsMapped()
    {
        QVERIFY(freshMigrated());
        QVERIFY(m_db->execute(kInsertOrg, {QStringLiteral("dup")}).hasValue());
        auto dup = m_db->execute(kInsertOrg, {QStringLiteral("dup")});
        QVERIFY(!dup.hasValue());
        QCOMPARE(dup.error().kind, ErrorKind::Conflict);
        auto bad = m_db->select(QStringLiteral("SELECT no_such_column FROM organizations"));
        QVERIFY(!bad.hasValue());
        QCOMPARE(bad.error().kind, ErrorKind::Internal);
        // The connection keeps working after errors (no aborted transaction left behind).
        QCOMPARE(countOf(*m_db, QStringLiteral("organizations")), qint64(1));
    }

    void transactions()
    {
        QVERIFY(freshMigrated());
        Status s = m_db->transaction([&]() -> Status {
            if (auto r = m_db->execute(kInsertOrg, {QStringLiteral("doomed")}); !r)
                return r.error();
            return vms::Error::invalid(QStringLiteral("no"));
        });
        QVERIFY(!s.hasValue());
        QCOMPARE(countOf(*m_db, QStringLiteral("organizations")), qint64(0));

        QVERIFY(m_db->execute(kInsertOrg, {QStringLiteral("taken")}).hasValue());
        s = m_db->transaction([&]() -> Status {
            for (const char *n : {"fresh", "taken"}) {
                if (auto r = m_db->execute(kInsertOrg, {QString::fromLatin1(n)}); !r)
                    return r.error();
            }
            return Ok{};
        });
        QVERIFY(!s.hasValue());
        QCOMPARE(s.error().kind, ErrorKind::Conflict);
        QCOMPARE(countOf(*m_db, QStringLiteral("organizations")), qint64(1));
        // Usable afterwards, and commits work.
        s = m_db->transaction([&]() -> Status {
            if (auto r = m_db->execute(kInsertOrg, {QStringLiteral("ok")}); !r)
                return r.error();
            return Ok{};
        });
        QVERIFY(s.hasValue());
        Database other(m_db->url());
        QCOMPARE(countOf(other, QStringLiteral("organizations")), qint64(2));
    }

    void threadsSeeEachOthersCommits()
    {
        QVERIFY(freshMigrated());
        Worker a;
        Worker b;
        qint64 n = -1;
        bool ok = false;
        a.run([&] { n = countOf(*m_db, QStringLiteral("organizations")); });
        QCOMPARE(n, qint64(0));
        b.run([&] { n = countOf(*m_db, QStringLiteral("organizations")); });
        QCOMPARE(n, qint64(0));
        a.run([&] { ok = m_db->execute(kInsertOrg, {QStringLiteral("a")}).hasValue(); });
        QVERIFY(ok);
        b.run([&] { n = countOf(*m_db, QStringLiteral("organizations")); });
        QCOMPARE(n, qint64(1));
        b.run([&] {
            ok = m_db->insertReturning(kInsertOrg + QStringLiteral(" RETURNING id"),
                                       {QStringLiteral("b")})
                         .hasValue();
        });
        QVERIFY(ok);
        a.run([&] { n = countOf(*m_db, QStringLiteral("organizations")); });
        QCOMPARE(n, qint64(2));
        QCOMPARE(countOf(*m_db, QStringLiteral("organizations")), qint64(2));

        QString nameA;
        QString nameB;
        a.run([&] { nameA = m_db->connection().connectionName(); });
        b.run([&] { nameB = m_db->connection().connectionName(); });
        QVERIFY(nameA != nameB);
        QVERIFY(nameA != m_db->connection().connectionName());
    }

    void concurrentWriters()
    {
        QVERIFY(freshMigrated());
        QThreadPool pool;
        pool.setMaxThreadCount(4);
        const QList<int> failures
                = QtConcurrent::blockingMapped(&pool, QList<int>{0, 1, 2, 3}, [this](int t) {
                      int failed = 0;
                      for (int i = 0; i < 20; ++i) {
                          if (!m_db->execute(kInsertOrg, {QStringLiteral("t%1-%2").arg(t).arg(i)}))
                              ++failed;
                          if (countOf(*m_db, QStringLiteral("organizations")) < i + 1)
                              ++failed;
                      }
                      return failed;
                  });
        for (int f : failures)
            QCOMPARE(f, 0);
        pool.waitForDone();
        QCOMPARE(countOf(*m_db, QStringLiteral("organizations")), qint64(80));
    }

    void users()
    {
        QVERIFY(freshMigrated());
        const Ids ids = seed();
        QVERIFY(ids.org && ids.role && ids.group);
        vms::storage::UserRepository repo(*m_db);
        User u = user(ids, QStringLiteral("Ada@Example.com"));
        u.isSuperuser = true;
        u.isActive = false;
        u.avatarId = QStringLiteral("av");
        u.groups = {{ids.group, {}}};
        auto id = repo.create(u, kT0);
        QVERIFY(id.hasValue());
        auto found = repo.findByEmail(QStringLiteral("ADA@example.COM"));
        QVERIFY(found.hasValue() && found->has_value());
        const User &f = **found;
        QCOMPARE(f.id, *id);
        QCOMPARE(f.email, QStringLiteral("ada@example.com"));
        QCOMPARE(f.organizationName, QStringLiteral("Acme"));
        QCOMPARE(f.roleName, QStringLiteral("viewer"));
        QCOMPARE(f.isSuperuser, true);
        QCOMPARE(f.isActive, false);
        QCOMPARE(f.avatarId, std::optional<QString>(QStringLiteral("av")));
        QCOMPARE(f.groups.size(), 1);
        QCOMPARE(f.groups.first().name, QStringLiteral("Ops"));
        QCOMPARE(f.createdAtMs, kT0);

        User plain = user(ids, QStringLiteral("bob@example.com"));
        auto bob = repo.create(plain, kT0);
        QVERIFY(bob.hasValue());
        auto b = repo.findById(*bob);
        QCOMPARE((*b)->isSuperuser, false);
        QCOMPARE((*b)->isActive, true);
        QVERIFY(!(*b)->avatarId.has_value());
        QCOMPARE(*repo.count(), qint64(2));

        auto dup = repo.create(user(ids, QStringLiteral("BOB@example.com")), kT0);
        QVERIFY(!dup.hasValue());
        QCOMPARE(dup.error().kind, ErrorKind::Conflict);
        QCOMPARE(*repo.count(), qint64(2));

        QVERIFY(repo.updateProfile(*bob, QStringLiteral("Bob"), QStringLiteral("B"),
                                   QStringLiteral("x"), kT0 + 1)
                        .hasValue());
        QVERIFY(repo.updatePasswordHash(*bob, QStringLiteral("h2"), kT0 + 2).hasValue());
        QVERIFY(repo.updateEmail(*bob, QStringLiteral("Robert@Example.com"), kT0 + 3).hasValue());
        b = repo.findById(*bob);
        QCOMPARE((*b)->firstName, QStringLiteral("Bob"));
        QCOMPARE((*b)->avatarId, std::optional<QString>(QStringLiteral("x")));
        QCOMPARE((*b)->passwordHash, QStringLiteral("h2"));
        QCOMPARE((*b)->email, QStringLiteral("robert@example.com"));
        QCOMPARE((*b)->updatedAtMs, kT0 + 3);
        auto taken = repo.updateEmail(*bob, QStringLiteral("ada@example.com"), kT0 + 4);
        QVERIFY(!taken.hasValue());
        QCOMPARE(taken.error().kind, ErrorKind::Conflict);

        vms::storage::RoleRepository roles(*m_db);
        QCOMPARE(*roles.permissions(ids.role),
                 (QStringList{QStringLiteral("camera_read"), QStringLiteral("user_read")}));
        QCOMPARE(*roles.findIdByName(QStringLiteral("viewer")), std::optional<qint64>(ids.role));
    }

    void sessions()
    {
        QVERIFY(freshMigrated());
        const Ids ids = seed();
        vms::storage::UserRepository users(*m_db);
        const auto alice = users.create(user(ids, QStringLiteral("alice@example.com")), kT0);
        const auto bob = users.create(user(ids, QStringLiteral("bob@example.com")), kT0);
        QVERIFY(alice.hasValue() && bob.hasValue());

        vms::storage::SessionRepository s(*m_db);
        constexpr qint64 kHour = 3600 * 1000;
        for (const auto &[sid, uid] :
             {std::pair{QStringLiteral("a1"), *alice}, std::pair{QStringLiteral("a2"), *alice},
              std::pair{QStringLiteral("b1"), *bob}}) {
            QVERIFY(s.createSession(sid, uid, QStringLiteral("10.0.0.1"), kT0, kT0 + 24 * kHour)
                            .hasValue());
            QVERIFY(s.addRefreshToken(sid + QStringLiteral("-r"), sid, kT0, kT0 + 24 * kHour)
                            .hasValue());
            QVERIFY(s.addAccessToken(sid + QStringLiteral("-a"), sid, kT0 + kHour).hasValue());
        }
        auto rec = s.findRefreshToken(QStringLiteral("a1-r"));
        QVERIFY(rec.hasValue() && rec->has_value());
        QCOMPARE((*rec)->userId, *alice);
        QVERIFY(!(*rec)->rotatedAtMs);
        QCOMPARE(*s.markRotated(QStringLiteral("a1-r"), kT0 + 1), true);
        QCOMPARE(*s.markRotated(QStringLiteral("a1-r"), kT0 + 2), false);
        QCOMPARE((*s.findRefreshToken(QStringLiteral("a1-r")))->rotatedAtMs,
                 std::optional<qint64>(kT0 + 1));

        QVERIFY(s.revokeAccessToken(QStringLiteral("a2-a"), kT0 + 3).hasValue());
        QCOMPARE((*s.findAccessToken(QStringLiteral("a2-a")))->isRevoked, true);
        QCOMPARE((*s.findAccessToken(QStringLiteral("a1-a")))->isRevoked, false);

        QVERIFY(s.revokeUserSessionsExcept(*alice, QStringLiteral("a2"), kT0 + 4).hasValue());
        QVERIFY((*s.findRefreshToken(QStringLiteral("a1-r")))->sessionRevokedAtMs.has_value());
        QVERIFY(!(*s.findRefreshToken(QStringLiteral("a2-r")))->sessionRevokedAtMs.has_value());
        QVERIFY(!(*s.findRefreshToken(QStringLiteral("b1-r")))->sessionRevokedAtMs.has_value());
        QCOMPARE((*s.findAccessToken(QStringLiteral("a1-a")))->isRevoked, true);

        QVERIFY(s.revokeSession(QStringLiteral("b1"), kT0 + 5).hasValue());
        QCOMPARE((*s.findAccessToken(QStringLiteral("b1-a")))->isRevoked, true);

        QVERIFY(s.purgeExpired(kT0 + 2 * kHour).hasValue());
        QCOMPARE(countOf(*m_db, QStringLiteral("access_tokens")), qint64(0));
        QCOMPARE(countOf(*m_db, QStringLiteral("refresh_tokens")), qint64(3));
        QVERIFY(s.purgeExpired(kT0 + 48 * kHour).hasValue());
        QCOMPARE(countOf(*m_db, QStringLiteral("auth_sessions")), qint64(0));
        QCOMPARE(countOf(*m_db, QStringLiteral("refresh_tokens")), qint64(0));
    }

    void auditPagination()
    {
        QVERIFY(freshMigrated());
        vms::storage::AuditRepository repo(*m_db);
        QStringList all;
        for (int i = 0; i < 23; ++i) {
            vms::AuditEntry e;
            e.id = QUuid::createUuid().toString(QUuid::WithoutBraces);
            e.actionType = i % 3 ? QStringLiteral("user_login") : QStringLiteral("user_update");
            e.userId = 1 + i % 2;
            e.organizationId = 10;
            e.organizationName = QStringLiteral("Org");
            e.userEmail = QStringLiteral("u@example.com");
            e.userFirstName = QStringLiteral("F");
            e.userLastName = QStringLiteral("L");
            e.userRoleId = 1;
            e.userRoleName = QStringLiteral("r");
            e.userGroups = {{1, QStringLiteral("g")}};
            e.userIsSuperuser = i % 2;
            e.clientIp = QStringLiteral("127.0.0.1");
            e.meta = {{QStringLiteral("i"), i}};
            e.createdAtMs = kT0 + (i % 5) * 1000; // many equal timestamps
            all.append(e.id);
            QVERIFY(repo.insert(e).hasValue());
        }
        auto one = repo.find(all.first());
        QVERIFY(one.hasValue() && one->has_value());
        QCOMPARE((*one)->userIsSuperuser, false);
        QCOMPARE((*one)->meta.value(QStringLiteral("i")).toInt(), 0);
        QCOMPARE((*one)->userGroups.size(), 1);
        QCOMPARE((*repo.find(all.at(1)))->userIsSuperuser, true);

        for (const bool isAscending : {true, false}) {
            vms::storage::AuditQuery q;
            q.toMs = std::numeric_limits<qint64>::max();
            q.isAscending = isAscending;
            q.limit = 4;
            QStringList seen;
            QList<std::pair<qint64, QString>> keys;
            for (int guard = 0; guard < 100; ++guard) {
                auto page = repo.list(q);
                QVERIFY(page.hasValue());
                for (const auto &e : page->entries) {
                    seen.append(e.id);
                    keys.append({e.createdAtMs, e.id});
                }
                if (!page->next)
                    break;
                q.after = vms::storage::PageCursor::decode(page->next->encode());
                QVERIFY(q.after.has_value());
            }
            QCOMPARE(seen.size(), 23);
            QCOMPARE(QSet<QString>(seen.cbegin(), seen.cend()),
                     QSet<QString>(all.cbegin(), all.cend()));
            for (int i = 1; i < keys.size(); ++i)
                QVERIFY(isAscending ? keys[i - 1] < keys[i] : keys[i] < keys[i - 1]);
        }

        vms::storage::AuditQuery filtered;
        filtered.fromMs = kT0 + 1000;
        filtered.toMs = kT0 + 3000;
        filtered.userIds = {2};
        filtered.actionTypes = {QStringLiteral("user_login")};
        filtered.organizationId = 10;
        auto page = repo.list(filtered);
        QVERIFY(page.hasValue());
        QVERIFY(!page->entries.isEmpty());
        for (const auto &e : page->entries) {
            QCOMPARE(e.userId, qint64(2));
            QCOMPARE(e.actionType, QStringLiteral("user_login"));
            QVERIFY(e.createdAtMs >= kT0 + 1000 && e.createdAtMs <= kT0 + 3000);
        }
    }

    void backendAndAuth()
    {
        QVERIFY(freshDatabase());
        m_db.reset();
        QTemporaryDir dataDir;
        auto clock = std::make_shared<vms::ManualClock>(
                QDateTime(QDate(2026, 2, 1), QTime(9, 0), Qt::UTC));
        vms::services::BackendOptions o;
        o.dataDir = dataDir.path();
        o.dbUrl = m_url;
        o.adminLogin = QStringLiteral("root@example.com");
        o.clock = clock;
        auto backend = vms::services::Backend::open(o);
        QVERIFY2(backend.hasValue(), qPrintable(backend ? QString() : backend.error().message));
        auto &b = **backend;
        QCOMPARE(b.db().dialect(), Dialect::Postgres);
        QVERIFY(b.bootstrap().isCreated);
        const QString password = b.bootstrap().generatedPassword;
        QCOMPARE(password.size(), 20);
        // Nothing on SQLite in the data directory: the database is the PostgreSQL one.
        QVERIFY(!QFile::exists(dataDir.filePath(QStringLiteral("vms.db"))));

        const vms::services::CallerInfo caller{QStringLiteral("127.0.0.1"), QStringLiteral("t")};
        QVERIFY(!b.auth().login(QStringLiteral("root@example.com"), QStringLiteral("wrong"),
                                caller));
        auto p1 = b.auth().login(QStringLiteral("ROOT@example.com"), password, caller);
        QVERIFY(p1.hasValue());
        auto who = b.auth().authenticate(p1->accessToken);
        QVERIFY(who.hasValue());
        QVERIFY(who->user.isSuperuser);
        QCOMPARE(who->user.roleName, QStringLiteral("superuser"));

        auto p2 = b.auth().refresh(p1->refreshToken, caller);
        QVERIFY(p2.hasValue());
        QVERIFY(b.auth().authenticate(p2->accessToken).hasValue());
        auto reuse = b.auth().refresh(p1->refreshToken, caller);
        QVERIFY(!reuse.hasValue());
        QCOMPARE(reuse.error().status, QStringLiteral("token_refresh_error"));
        QVERIFY(!b.auth().authenticate(p2->accessToken).hasValue());

        auto p3 = b.auth().login(QStringLiteral("root@example.com"), password, caller);
        QVERIFY(p3.hasValue());
        clock->advanceSecs(15 * 60);
        QVERIFY(!b.auth().authenticate(p3->accessToken).hasValue());
        auto p4 = b.auth().refresh(p3->refreshToken, caller);
        QVERIFY(p4.hasValue());
        QVERIFY(b.auth().revoke(p4->accessToken, QStringLiteral("access_token"), caller));
        QVERIFY(!b.auth().authenticate(p4->accessToken).hasValue());

        vms::services::AuditListParams params;
        params.actionTypes = {QStringLiteral("user_login")};
        auto auth = b.auth().authenticate(
                b.auth().login(QStringLiteral("root@example.com"), password, caller)->accessToken);
        QVERIFY(auth.hasValue());
        auto audit = b.audit().list(*auth, params);
        QVERIFY(audit.hasValue());
        QCOMPARE(audit->entries.size(), 3);

        // A second start on the same database creates nobody and reports no password.
        backend->reset();
        auto again = vms::services::Backend::open(o);
        QVERIFY(again.hasValue());
        QCOMPARE((*again)->bootstrap().isCreated, false);
        QVERIFY((*again)->bootstrap().generatedPassword.isEmpty());
        QCOMPARE(countOf((*again)->db(), QStringLiteral("users")), qint64(1));
        QVERIFY((*again)->auth().login(QStringLiteral("root@example.com"), password, caller));
    }

    void serverOverHttp()
    {
        QVERIFY(freshDatabase());
        m_db.reset();
        QTemporaryDir dataDir;
        vms::server::ServerOptions options;
        options.dataDir = dataDir.path();
        options.dbUrl = m_url;
        options.adminLogin = QStringLiteral("admin@example.com");
        options.adminPassword = QStringLiteral("pg-smoke-password");
        vms::server::ServerHost host(options);
        auto started = host.start();
        QVERIFY2(started.hasValue(), qPrintable(started ? QString() : started.error().message));
        const QUrl base = *started;
        QCOMPARE(base.host(), QStringLiteral("127.0.0.1"));

        QNetworkAccessManager nam;
        QNetworkRequest tokenRequest(base.resolved(QUrl(QStringLiteral("/api/v1/token"))));
        tokenRequest.setHeader(QNetworkRequest::ContentTypeHeader,
                               QByteArrayLiteral("application/x-www-form-urlencoded"));
        QUrlQuery form;
        form.addQueryItem(QStringLiteral("grant_type"), QStringLiteral("password"));
        form.addQueryItem(QStringLiteral("username"), QStringLiteral("admin@example.com"));
        form.addQueryItem(QStringLiteral("password"), QStringLiteral("pg-smoke-password"));
        const HttpResult token
                = httpCall(nam, tokenRequest, "POST", form.toString(QUrl::FullyEncoded).toUtf8());
        QVERIFY2(token.status == 200, qPrintable(QString::number(token.status) + QLatin1Char(' ')
                                                 + token.error + QString::fromUtf8(token.body)));
        const QJsonObject tokens = QJsonDocument::fromJson(token.body).object();
        const QString access = tokens.value(QStringLiteral("access_token")).toString();
        QVERIFY(!access.isEmpty());
        QCOMPARE(tokens.value(QStringLiteral("token_type")).toString(), QStringLiteral("bearer"));

        QNetworkRequest me(base.resolved(QUrl(QStringLiteral("/api/v1/users/me"))));
        me.setRawHeader("Authorization", "Bearer " + access.toLatin1());
        const HttpResult reply = httpCall(nam, me, "GET");
        QVERIFY2(reply.status == 200, qPrintable(QString::number(reply.status) + QLatin1Char(' ')
                                                 + reply.error + QString::fromUtf8(reply.body)));
        const QJsonObject user = QJsonDocument::fromJson(reply.body).object();
        QCOMPARE(user.value(QStringLiteral("email")).toString(),
                 QStringLiteral("admin@example.com"));

        // Without a token: 401 from the same server.
        const HttpResult anonymous = httpCall(
                nam, QNetworkRequest(base.resolved(QUrl(QStringLiteral("/api/v1/users/me")))),
                "GET");
        QCOMPARE(anonymous.status, 401);

        // A wrong password is a 401 with the token route's status.
        form.removeAllQueryItems(QStringLiteral("password"));
        form.addQueryItem(QStringLiteral("password"), QStringLiteral("nope"));
        const HttpResult bad
                = httpCall(nam, tokenRequest, "POST", form.toString(QUrl::FullyEncoded).toUtf8());
        QCOMPARE(bad.status, 401);
        host.stop();
    }
};

QTEST_GUILESS_MAIN(TestDatabasePostgres)
#include "tst_database_postgres.moc"
