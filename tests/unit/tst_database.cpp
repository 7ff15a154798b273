// Unit tests of vms::storage::Database, DatabaseUrl and the migrations (core/storage/database.h)
// on temporary SQLite files.
#include "core/storage/database.h"
#include "core/storage/migrations.h"

#include <QMutex>
#include <QSet>
#include <QSqlDriver>
#include <QTemporaryDir>
#include <QTest>
#include <QThread>
#include <QThreadPool>
#include <QtConcurrent>

#include <functional>
#include <memory>
#include <numeric>

using vms::ErrorKind;
using vms::Ok;
using vms::Status;
using vms::storage::Database;
using vms::storage::DatabaseUrl;
using vms::storage::Dialect;

Q_DECLARE_METATYPE(Dialect)

namespace {

const QStringList kTables = {QStringLiteral("access_tokens"),  QStringLiteral("auditlogs"),
                             QStringLiteral("auth_sessions"),  QStringLiteral("group_members"),
                             QStringLiteral("org_groups"),     QStringLiteral("organizations"),
                             QStringLiteral("refresh_tokens"), QStringLiteral("role_permissions"),
                             QStringLiteral("roles"),          QStringLiteral("schema_migrations"),
                             QStringLiteral("settings"),       QStringLiteral("users")};

const QString kInsertOrg = QStringLiteral(
        "INSERT INTO organizations (name, description, is_internal, created_at, updated_at)"
        " VALUES (?, '', FALSE, 1, 1)");
const QString kCountOrgs = QStringLiteral("SELECT COUNT(*) FROM organizations");
const QString kOrgNames = QStringLiteral("SELECT name FROM organizations ORDER BY id");

// A worker thread that keeps running (and so keeps its connection and statement cache) between
// the steps of a test.
class Worker
{
public:
    explicit Worker(const QString &name)
    {
        m_thread.setObjectName(name);
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

} // namespace

class TestDatabase : public QObject
{
    Q_OBJECT

    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<Database> m_db;

    static qint64 count(Database &db)
    {
        auto r = db.select(kCountOrgs);
        if (!r || r->size() != 1)
            return -1;
        return r->first().first().toLongLong();
    }

private slots:
    void init()
    {
        m_dir = std::make_unique<QTemporaryDir>();
        QVERIFY(m_dir->isValid());
        auto url = DatabaseUrl::parse(m_dir->filePath(QStringLiteral("vms.db")));
        QVERIFY(url.hasValue());
        m_db = std::make_unique<Database>(*url);
    }

    void cleanup()
    {
        m_db.reset();
        m_dir.reset();
    }

    void parseUrl_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<bool>("isValid");
        QTest::addColumn<Dialect>("dialect");
        QTest::addColumn<QString>("sqlitePath");
        QTest::addColumn<QString>("host");
        QTest::addColumn<int>("port");
        QTest::addColumn<QString>("user");
        QTest::addColumn<QString>("password");
        QTest::addColumn<QString>("name");

        const QString none;
        QTest::newRow("absolute path")
                << QStringLiteral("/var/lib/vms/vms.db") << true << Dialect::Sqlite
                << QStringLiteral("/var/lib/vms/vms.db") << none << 5432 << none << none << none;
        QTest::newRow("relative path")
                << QStringLiteral("data/vms.db") << true << Dialect::Sqlite
                << QStringLiteral("data/vms.db") << none << 5432 << none << none << none;
        QTest::newRow("sqlite:// absolute")
                << QStringLiteral("sqlite:///srv/vms.db") << true << Dialect::Sqlite
                << QStringLiteral("/srv/vms.db") << none << 5432 << none << none << none;
        QTest::newRow("sqlite:// relative")
                << QStringLiteral("sqlite://rel.db") << true << Dialect::Sqlite
                << QStringLiteral("rel.db") << none << 5432 << none << none << none;
        QTest::newRow("postgresql full")
                << QStringLiteral("postgresql://vms:s3cret@db.example:6543/vmsdb") << true
                << Dialect::Postgres << none << QStringLiteral("db.example") << 6543
                << QStringLiteral("vms") << QStringLiteral("s3cret") << QStringLiteral("vmsdb");
        QTest::newRow("postgres scheme, defaults")
                << QStringLiteral("postgres://127.0.0.1") << true << Dialect::Postgres << none
                << QStringLiteral("127.0.0.1") << 5432 << none << none << QStringLiteral("vms");
        QTest::newRow("postgresql user only")
                << QStringLiteral("postgresql://alice@localhost/archive") << true
                << Dialect::Postgres << none << QStringLiteral("localhost") << 5432
                << QStringLiteral("alice") << none << QStringLiteral("archive");
        QTest::newRow("postgresql percent-encoded password")
                << QStringLiteral("postgresql://u:p%40ss%2Fw@h:5433/d") << true << Dialect::Postgres
                << none << QStringLiteral("h") << 5433 << QStringLiteral("u")
                << QStringLiteral("p@ss/w") << QStringLiteral("d");
        QTest::newRow("empty") << QString() << false << Dialect::Sqlite << none << none << 0 << none
                               << none << none;
        QTest::newRow("sqlite:// without path")
                << QStringLiteral("sqlite://") << false << Dialect::Sqlite << none << none << 0
                << none << none << none;
        QTest::newRow("postgresql without host")
                << QStringLiteral("postgresql:///vms") << false << Dialect::Sqlite << none << none
                << 0 << none << none << none;
        QTest::newRow("postgresql bad port")
                << QStringLiteral("postgresql://h:notaport/d") << false << Dialect::Sqlite << none
                << none << 0 << none << none << none;
    }

    void parseUrl()
    {
        QFETCH(QString, text);
        QFETCH(bool, isValid);
        const auto r = DatabaseUrl::parse(text);
        QCOMPARE(r.hasValue(), isValid);
        if (!isValid) {
            QCOMPARE(r.error().kind, ErrorKind::InvalidArgument);
            return;
        }
        QFETCH(Dialect, dialect);
        QFETCH(QString, sqlitePath);
        QFETCH(QString, host);
        QFETCH(int, port);
        QFETCH(QString, user);
        QFETCH(QString, password);
        QFETCH(QString, name);
        QCOMPARE(r->dialect, dialect);
        QCOMPARE(r->sqlitePath, sqlitePath);
        QCOMPARE(r->host, host);
        QCOMPARE(r->port, port);
        QCOMPARE(r->user, user);
        QCOMPARE(r->password, password);
        QCOMPARE(r->name, name);
    }

    void openWorks()
    {
        QVERIFY(m_db->open().hasValue());
        QCOMPARE(m_db->dialect(), Dialect::Sqlite);
        QVERIFY(m_db->connection().isOpen());
    }

    void openFailsOnUnwritablePath()
    {
        Database bad(*DatabaseUrl::parse(m_dir->filePath(QStringLiteral("no/such/dir/x.db"))));
        const Status s = bad.open();
        QVERIFY(!s.hasValue());
        QCOMPARE(s.error().kind, ErrorKind::Unavailable);
    }

    void migrateCreatesEveryTable()
    {
        QCOMPARE(m_db->schemaVersion(), 0);
        QVERIFY(m_db->migrate().hasValue());
        QCOMPARE(m_db->schemaVersion(), vms::storage::latestSchemaVersion());
        QVERIFY(vms::storage::latestSchemaVersion() >= 1);

        auto rows
                = m_db->select(QStringLiteral("SELECT name FROM sqlite_master WHERE type = 'table'"
                                              " AND name NOT LIKE 'sqlite_%' ORDER BY name"));
        QVERIFY(rows.hasValue());
        QSet<QString> tables;
        for (const auto &row : *rows)
            tables.insert(row.first().toString());
        // Later schema versions add tables; every table of the core schema must be there.
        for (const QString &t : kTables)
            QVERIFY2(tables.contains(t), qPrintable(t));

        auto indexes = m_db->select(QStringLiteral("SELECT name FROM sqlite_master WHERE type = "
                                                   "'index' AND name NOT LIKE 'sqlite_%'"));
        QVERIFY(indexes.hasValue());
        QSet<QString> names;
        for (const auto &row : *indexes)
            names.insert(row.first().toString());
        for (const char *index :
             {"auditlogs_created", "auditlogs_org_created", "refresh_tokens_session",
              "access_tokens_session", "group_members_user"}) {
            QVERIFY2(names.contains(QString::fromLatin1(index)), index);
        }
    }

    void migrateIsIdempotent()
    {
        QVERIFY(m_db->migrate().hasValue());
        QVERIFY(m_db->execute(kInsertOrg, {QStringLiteral("kept")}).hasValue());
        QVERIFY(m_db->migrate().hasValue());
        QCOMPARE(m_db->schemaVersion(), vms::storage::latestSchemaVersion());

        auto versions = m_db->select(QStringLiteral("SELECT COUNT(*) FROM schema_migrations"));
        QVERIFY(versions.hasValue());
        QCOMPARE(versions->first().first().toInt(), vms::storage::latestSchemaVersion());

        // Another Database on the same file (a restart) migrates as a no-op and keeps the data.
        Database again(m_db->url());
        QVERIFY(again.migrate().hasValue());
        QCOMPARE(again.schemaVersion(), vms::storage::latestSchemaVersion());
        QCOMPARE(count(again), qint64(1));
    }

    void walModeIsOn()
    {
        QVERIFY(m_db->migrate().hasValue());
        auto mode = m_db->select(QStringLiteral("PRAGMA journal_mode"));
        QVERIFY(mode.hasValue());
        QCOMPARE(mode->first().first().toString().toLower(), QStringLiteral("wal"));
        QVERIFY(QFile::exists(m_dir->filePath(QStringLiteral("vms.db-wal"))));

        auto fk = m_db->select(QStringLiteral("PRAGMA foreign_keys"));
        QVERIFY(fk.hasValue());
        QCOMPARE(fk->first().first().toInt(), 1);
    }

    void walModeOnEveryThreadsConnection()
    {
        QVERIFY(m_db->migrate().hasValue());
        Worker w(QStringLiteral("pragma"));
        QString mode;
        int fk = -1;
        w.run([&] {
            auto r = m_db->select(QStringLiteral("PRAGMA journal_mode"));
            if (r)
                mode = r->first().first().toString().toLower();
            auto f = m_db->select(QStringLiteral("PRAGMA foreign_keys"));
            if (f)
                fk = f->first().first().toInt();
        });
        QCOMPARE(mode, QStringLiteral("wal"));
        QCOMPARE(fk, 1);
    }

    void foreignKeysEnforced()
    {
        QVERIFY(m_db->migrate().hasValue());
        auto r = m_db->execute(QStringLiteral(
                "INSERT INTO users (organization_id, role_id, email, password_hash, created_at,"
                " updated_at) VALUES (999, 999, 'x@y.z', 'h', 1, 1)"));
        QVERIFY(!r.hasValue());
        auto users = m_db->select(QStringLiteral("SELECT COUNT(*) FROM users"));
        QVERIFY(users.hasValue());
        QCOMPARE(users->first().first().toInt(), 0);
    }

    void statementFailingToPrepareIsRetried()
    {
        // The first attempt fails (no table yet) and must not poison this thread's statement
        // cache: once the table exists, the same SQL works.
        const QString sql = QStringLiteral("SELECT COUNT(*) FROM later_table");
        QVERIFY(!m_db->select(sql).hasValue());
        QVERIFY(m_db->execute(QStringLiteral("CREATE TABLE later_table (x INTEGER)")).hasValue());
        auto r = m_db->select(sql);
        QVERIFY(r.hasValue());
        QCOMPARE(r->first().first().toInt(), 0);
        // And the schema version read before migrating does not stick at 0.
        QCOMPARE(m_db->schemaVersion(), 0);
        QVERIFY(m_db->migrate().hasValue());
        QCOMPARE(m_db->schemaVersion(), vms::storage::latestSchemaVersion());
    }

    void eachThreadHasItsOwnConnection()
    {
        QVERIFY(m_db->migrate().hasValue());
        QSet<QString> names;
        names.insert(m_db->connection().connectionName());
        {
            std::vector<std::unique_ptr<Worker>> workers;
            for (int i = 0; i < 4; ++i)
                workers.push_back(std::make_unique<Worker>(QStringLiteral("w%1").arg(i)));
            for (auto &w : workers) {
                QString name;
                QString again;
                w->run([&] {
                    name = m_db->connection().connectionName();
                    again = m_db->connection().connectionName();
                });
                QCOMPARE(again, name); // stable within a thread
                names.insert(name);
            }
        }
        QCOMPARE(names.size(), 5);
    }

    void concurrentSelects()
    {
        QVERIFY(m_db->migrate().hasValue());
        for (int i = 0; i < 7; ++i)
            QVERIFY(m_db->execute(kInsertOrg, {QStringLiteral("org%1").arg(i)}).hasValue());

        QThreadPool pool;
        pool.setMaxThreadCount(4);
        QList<int> work(64);
        std::iota(work.begin(), work.end(), 0);
        const QList<qint64> results = QtConcurrent::blockingMapped(&pool, work, [this](int) {
            qint64 bad = 0;
            for (int k = 0; k < 20; ++k) {
                auto rows = m_db->select(kOrgNames);
                if (!rows || rows->size() != 7
                    || rows->at(6).first().toString() != QLatin1String("org6")) {
                    ++bad;
                }
                if (count(*m_db) != 7)
                    ++bad;
            }
            return bad;
        });
        QCOMPARE(results.size(), 64);
        for (qint64 bad : results)
            QCOMPARE(bad, qint64(0));
        pool.waitForDone();
    }

    void concurrentWritersAndReaders()
    {
        // Four threads insert while reading; all commits end up visible everywhere.
        QVERIFY(m_db->migrate().hasValue());
        QThreadPool pool;
        pool.setMaxThreadCount(4);
        QList<int> threads{0, 1, 2, 3};
        const QList<int> failures = QtConcurrent::blockingMapped(&pool, threads, [this](int t) {
            int failed = 0;
            qint64 last = 0;
            for (int i = 0; i < 25; ++i) {
                if (!m_db->execute(kInsertOrg, {QStringLiteral("t%1-%2").arg(t).arg(i)}))
                    ++failed;
                const qint64 n = count(*m_db);
                // Never goes backwards and always includes this thread's own inserts.
                if (n < last || n < i + 1)
                    ++failed;
                last = n;
            }
            return failed;
        });
        for (int f : failures)
            QCOMPARE(f, 0);
        pool.waitForDone();
        QCOMPARE(count(*m_db), qint64(100));
    }

    void threadsSeeEachOthersCommits()
    {
        // Guards against a statement left active on one thread's connection: that pins the
        // connection to an old WAL snapshot and hides the other thread's later commits.
        QVERIFY(m_db->migrate().hasValue());
        Worker a(QStringLiteral("A"));
        Worker b(QStringLiteral("B"));
        qint64 n = -1;
        QStringList names;
        auto namesOn = [&](Worker &w) {
            names.clear();
            w.run([&] {
                auto rows = m_db->select(kOrgNames);
                if (rows) {
                    for (const auto &r : *rows)
                        names.append(r.first().toString());
                }
            });
            return names;
        };

        // Both threads read first, so each has a cached, already executed statement.
        a.run([&] { n = count(*m_db); });
        QCOMPARE(n, qint64(0));
        b.run([&] { n = count(*m_db); });
        QCOMPARE(n, qint64(0));
        QCOMPARE(namesOn(a), QStringList());
        QCOMPARE(namesOn(b), QStringList());

        // A writes (execute); B's next read sees it.
        bool ok = false;
        a.run([&] { ok = m_db->execute(kInsertOrg, {QStringLiteral("from-a")}).hasValue(); });
        QVERIFY(ok);
        b.run([&] { n = count(*m_db); });
        QCOMPARE(n, qint64(1));
        QCOMPARE(namesOn(b), QStringList{QStringLiteral("from-a")});

        // B writes (insertReturning); A's next read sees it.
        QVariant id;
        b.run([&] {
            auto r = m_db->insertReturning(kInsertOrg + QStringLiteral(" RETURNING id"),
                                           {QStringLiteral("from-b")});
            if (r)
                id = *r;
        });
        QVERIFY(id.toLongLong() > 0);
        a.run([&] { n = count(*m_db); });
        QCOMPARE(n, qint64(2));
        QCOMPARE(namesOn(a), (QStringList{QStringLiteral("from-a"), QStringLiteral("from-b")}));

        // A writes inside a transaction; B sees it after the commit.
        a.run([&] {
            ok = m_db->transaction([&]() -> Status {
                         auto r = m_db->execute(kInsertOrg, {QStringLiteral("from-a-tx")});
                         if (!r)
                             return r.error();
                         return Ok{};
                     }).hasValue();
        });
        QVERIFY(ok);
        b.run([&] { n = count(*m_db); });
        QCOMPARE(n, qint64(3));

        // The main thread sees both, and both see the main thread's write.
        QCOMPARE(count(*m_db), qint64(3));
        QVERIFY(m_db->execute(kInsertOrg, {QStringLiteral("from-main")}).hasValue());
        a.run([&] { n = count(*m_db); });
        QCOMPARE(n, qint64(4));
        b.run([&] { n = count(*m_db); });
        QCOMPARE(n, qint64(4));

        // An update by B is seen by A's cached name query.
        b.run([&] {
            ok = m_db->execute(QStringLiteral("UPDATE organizations SET name = ? WHERE name = ?"),
                               {QStringLiteral("renamed"), QStringLiteral("from-a")})
                         .hasValue();
        });
        QVERIFY(ok);
        QVERIFY(namesOn(a).contains(QStringLiteral("renamed")));
        QVERIFY(!names.contains(QStringLiteral("from-a")));
    }

    void transactionCommits()
    {
        QVERIFY(m_db->migrate().hasValue());
        const Status s = m_db->transaction([&]() -> Status {
            for (const char *name : {"x", "y"}) {
                auto r = m_db->execute(kInsertOrg, {QString::fromLatin1(name)});
                if (!r)
                    return r.error();
            }
            return Ok{};
        });
        QVERIFY(s.hasValue());
        QCOMPARE(count(*m_db), qint64(2));
    }

    void transactionRollsBackOnError()
    {
        QVERIFY(m_db->migrate().hasValue());
        const Status s = m_db->transaction([&]() -> Status {
            auto r = m_db->execute(kInsertOrg, {QStringLiteral("doomed")});
            if (!r)
                return r.error();
            return vms::Error::invalid(QStringLiteral("changed my mind"));
        });
        QVERIFY(!s.hasValue());
        QCOMPARE(s.error().kind, ErrorKind::InvalidArgument);
        QCOMPARE(s.error().message, QStringLiteral("changed my mind"));
        QCOMPARE(count(*m_db), qint64(0));

        // Not visible from another thread either.
        Worker w(QStringLiteral("reader"));
        qint64 n = -1;
        w.run([&] { n = count(*m_db); });
        QCOMPARE(n, qint64(0));
    }

    void transactionRollsBackOnFailedStatement()
    {
        QVERIFY(m_db->migrate().hasValue());
        QVERIFY(m_db->execute(kInsertOrg, {QStringLiteral("taken")}).hasValue());
        const Status s = m_db->transaction([&]() -> Status {
            for (const char *name : {"fresh", "taken"}) {
                auto r = m_db->execute(kInsertOrg, {QString::fromLatin1(name)});
                if (!r)
                    return r.error();
            }
            return Ok{};
        });
        QVERIFY(!s.hasValue());
        QCOMPARE(s.error().kind, ErrorKind::Conflict);
        auto rows = m_db->select(kOrgNames);
        QVERIFY(rows.hasValue());
        QCOMPARE(rows->size(), 1);
        QCOMPARE(rows->first().first().toString(), QStringLiteral("taken"));
        // The connection is usable afterwards (no transaction left open).
        QVERIFY(m_db->execute(kInsertOrg, {QStringLiteral("after")}).hasValue());
        Database other(m_db->url());
        QCOMPARE(count(other), qint64(2));
    }

    void uniqueViolationIsConflict()
    {
        QVERIFY(m_db->migrate().hasValue());
        QVERIFY(m_db->execute(kInsertOrg, {QStringLiteral("dup")}).hasValue());
        auto again = m_db->execute(kInsertOrg, {QStringLiteral("dup")});
        QVERIFY(!again.hasValue());
        QCOMPARE(again.error().kind, ErrorKind::Conflict);

        auto returning = m_db->insertReturning(kInsertOrg + QStringLiteral(" RETURNING id"),
                                               {QStringLiteral("dup")});
        QVERIFY(!returning.hasValue());
        QCOMPARE(returning.error().kind, ErrorKind::Conflict);

        // A composite primary key too (SQLite reports it with another extended code).
        QVERIFY(m_db->execute(QStringLiteral("INSERT INTO settings (key, value) VALUES (?, ?)"),
                              {QStringLiteral("k"), QStringLiteral("v")})
                        .hasValue());
        auto pk = m_db->execute(QStringLiteral("INSERT INTO settings (key, value) VALUES (?, ?)"),
                                {QStringLiteral("k"), QStringLiteral("w")});
        QVERIFY(!pk.hasValue());
        QCOMPARE(pk.error().kind, ErrorKind::Conflict);
    }

    void otherErrorsAreInternalAndOpaque()
    {
        QVERIFY(m_db->migrate().hasValue());
        auto r = m_db->select(QStringLiteral("SELECT no_such_column FROM organizations"));
        QVERIFY(!r.hasValue());
        QCOMPARE(r.error().kind, ErrorKind::Internal);
        QVERIFY(!r.error().message.contains(QLatin1String("no_such_column")));
        // The statement cache survives a failed prepare; good statements still run.
        QCOMPARE(count(*m_db), qint64(0));
    }

    void bindsAndReadsValues()
    {
        QVERIFY(m_db->migrate().hasValue());
        auto id = m_db->insertReturning(
                QStringLiteral("INSERT INTO organizations (name, description, logo_id, is_internal,"
                               " created_at, updated_at) VALUES (?,?,?,?,?,?) RETURNING id"),
                {QStringLiteral("n"), QStringLiteral("d"), Database::null(), true,
                 qint64(1'767'225'600'123), qint64(9'007'199'254'740'993)});
        QVERIFY(id.hasValue());
        auto rows = m_db->select(QStringLiteral("SELECT logo_id, is_internal, created_at,"
                                                " updated_at FROM organizations WHERE id = ?"),
                                 {*id});
        QVERIFY(rows.hasValue());
        QCOMPARE(rows->size(), 1);
        const auto &row = rows->first();
        QVERIFY(row[0].isNull());
        QCOMPARE(row[1].toBool(), true);
        QCOMPARE(row[2].toLongLong(), qint64(1'767'225'600'123));
        QCOMPARE(row[3].toLongLong(), qint64(9'007'199'254'740'993));

        auto affected = m_db->execute(QStringLiteral("UPDATE organizations SET is_internal = ?"),
                                      {false});
        QVERIFY(affected.hasValue());
        QCOMPARE(*affected, 1);
        auto none = m_db->execute(
                QStringLiteral("UPDATE organizations SET name = 'z' WHERE id = ?"), {qint64(-1)});
        QVERIFY(none.hasValue());
        QCOMPARE(*none, 0);
        auto b = m_db->select(
                QStringLiteral("SELECT COUNT(*) FROM organizations WHERE is_internal = ?"),
                {false});
        QVERIFY(b.hasValue());
        QCOMPARE(b->first().first().toInt(), 1);
    }

    void insertReturningWithoutRowIsError()
    {
        QVERIFY(m_db->migrate().hasValue());
        auto r = m_db->insertReturning(QStringLiteral("SELECT id FROM organizations"));
        QVERIFY(!r.hasValue());
        QCOMPARE(r.error().kind, ErrorKind::Internal);
    }
};

QTEST_GUILESS_MAIN(TestDatabase)
#include "tst_database.moc"
