#include "core/storage/database.h"

#include "core/storage/migrations.h"

#include <QFile>
#include <QHash>
#include <QLoggingCategory>
#include <QSqlDriver>
#include <QSqlError>
#include <QSqlRecord>
#include <QThread>
#include <QThreadStorage>
#include <QUrl>

#include <memory>
#include <mutex>

#include <sqlite3.h>
#include <unordered_map>

Q_LOGGING_CATEGORY(lcDb, "vms.storage")

namespace vms::storage {

std::atomic<quint64> Database::s_nextSerial{1};

Result<DatabaseUrl> DatabaseUrl::parse(const QString &text)
{
    DatabaseUrl out;
    if (text.startsWith(QLatin1String("postgresql://"))
        || text.startsWith(QLatin1String("postgres://"))) {
        const QUrl url(text);
        if (!url.isValid() || url.host().isEmpty())
            return Error::invalid(QStringLiteral("invalid PostgreSQL URL"));
        out.dialect = Dialect::Postgres;
        out.host = url.host();
        out.port = url.port(5432);
        out.user = url.userName();
        out.password = url.password();
        out.name = url.path().mid(1);
        if (out.name.isEmpty())
            out.name = QStringLiteral("vms");
        return out;
    }
    QString path = text;
    if (path.startsWith(QLatin1String("sqlite://")))
        path = path.mid(9);
    if (path.isEmpty())
        return Error::invalid(QStringLiteral("empty database path"));
    out.dialect = Dialect::Sqlite;
    out.sqlitePath = path;
    return out;
}

struct Database::ThreadState
{
    QString connectionName;
    std::unordered_map<QString, std::unique_ptr<QSqlQuery>> statements;
    std::unique_ptr<QSqlQuery> unprepared; ///< the last statement that failed to prepare
    sqlite3 *raw = nullptr;                ///< read-only connection of readRawSqlite()
    std::unordered_map<QString, sqlite3_stmt *> rawStatements;

    ~ThreadState()
    {
        for (auto &entry : rawStatements)
            sqlite3_finalize(entry.second);
        rawStatements.clear();
        if (raw)
            sqlite3_close(raw);
        unprepared.reset();
        statements.clear();
        if (!connectionName.isEmpty()) {
            {
                QSqlDatabase db = QSqlDatabase::database(connectionName, false);
                if (db.isOpen())
                    db.close();
            }
            QSqlDatabase::removeDatabase(connectionName);
        }
    }
};

namespace {
using StateMap = std::unordered_map<quint64, std::unique_ptr<Database::ThreadState>>;
// Per thread: Database serial -> its connection state. QThreadStorage (not thread_local) because
// Qt destroys it inside QThread's finish, before wait() returns: a thread_local would close its
// connection after the pool's owner went on, possibly after Qt Sql itself was torn down.
QThreadStorage<StateMap *> s_states;
std::atomic<quint64> s_connectionCounter{0};

StateMap &threadStates()
{
    if (!s_states.hasLocalData())
        s_states.setLocalData(new StateMap);
    return *s_states.localData();
}
} // namespace

Database::Database(DatabaseUrl url)
    : m_url(std::move(url))
    , m_serial(s_nextSerial++)
{
    // SQLite keeps memory statistics behind one process-wide mutex taken on every allocation;
    // with several HTTP workers that mutex was the main cost of a list request. We never read
    // the statistics. This must run before the first connection initialises SQLite (the Qt
    // driver uses the same shared libsqlite3); later calls are refused harmlessly.
    static std::once_flag once;
    std::call_once(once, [] { sqlite3_config(SQLITE_CONFIG_MEMSTATUS, 0); });
}

Database::~Database()
{
    // Connections of other threads close when those threads end; close ours now.
    if (s_states.hasLocalData())
        s_states.localData()->erase(m_serial);
}

Database::ThreadState &Database::threadState()
{
    auto &slot = threadStates()[m_serial];
    if (!slot) {
        slot = std::make_unique<ThreadState>();
        slot->connectionName = QStringLiteral("vms-%1-%2").arg(m_serial).arg(++s_connectionCounter);
        QSqlDatabase db;
        if (m_url.dialect == Dialect::Sqlite) {
            db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), slot->connectionName);
            db.setDatabaseName(m_url.sqlitePath);
            db.setConnectOptions(QStringLiteral("QSQLITE_BUSY_TIMEOUT=10000"));
        } else {
            db = QSqlDatabase::addDatabase(QStringLiteral("QPSQL"), slot->connectionName);
            db.setHostName(m_url.host);
            db.setPort(m_url.port);
            db.setUserName(m_url.user);
            db.setPassword(m_url.password);
            db.setDatabaseName(m_url.name);
        }
        if (!db.open()) {
            qCWarning(lcDb) << "cannot open database:" << db.lastError().text();
        } else if (m_url.dialect == Dialect::Sqlite) {
            QSqlQuery q(db);
            // WAL lets readers on other threads proceed while one thread writes.
            q.exec(QStringLiteral("PRAGMA journal_mode=WAL"));
            q.exec(QStringLiteral("PRAGMA synchronous=NORMAL"));
            q.exec(QStringLiteral("PRAGMA foreign_keys=ON"));
        } else {
            // Keep NOTICEs ("relation ... already exists, skipping") off the server's stderr.
            QSqlQuery(db).exec(QStringLiteral("SET client_min_messages TO WARNING"));
        }
    }
    return *slot;
}

QSqlDatabase Database::connection()
{
    return QSqlDatabase::database(threadState().connectionName, false);
}

Status Database::open()
{
    QSqlDatabase db = connection();
    if (!db.isOpen())
        return Error::unavailable(QStringLiteral("database unavailable: ") + db.lastError().text());
    return Ok{};
}

QSqlQuery &Database::prepare(const QString &sql)
{
    ThreadState &state = threadState();
    auto it = state.statements.find(sql);
    if (it == state.statements.end()) {
        auto query
                = std::make_unique<QSqlQuery>(QSqlDatabase::database(state.connectionName, false));
        query->setForwardOnly(true);
        if (!query->prepare(sql)) {
            qCWarning(lcDb) << "prepare failed:" << query->lastError().text() << sql;
            // Not cached: a statement that failed to prepare (its table did not exist yet, the
            // database was busy) would otherwise fail from the cache forever on this thread.
            state.unprepared = std::move(query);
            return *state.unprepared;
        }
        it = state.statements.emplace(sql, std::move(query)).first;
    } else {
        it->second->finish();
    }
    return *it->second;
}

Result<QSqlQuery *> Database::run(const QString &sql, const QVariantList &binds)
{
    QSqlQuery &q = prepare(sql);
    if (ThreadState &state = threadState(); &q == state.unprepared.get()) {
        const Error e = sqlError(q); // the prepare's own error (busy, missing table, syntax)
        state.unprepared.reset();
        return e;
    }
    for (int i = 0; i < binds.size(); ++i)
        q.bindValue(i, binds.at(i));
    if (!q.exec()) {
        Error e = sqlError(q);
        q.finish();
        return e;
    }
    return &q;
}

Result<Database::Rows> Database::select(const QString &sql, const QVariantList &binds)
{
    auto r = run(sql, binds);
    if (!r)
        return r.error();
    QSqlQuery &q = **r;
    Rows rows;
    const int columns = q.record().count();
    while (q.next()) {
        Row row;
        row.reserve(columns);
        for (int c = 0; c < columns; ++c)
            row.append(q.value(c));
        rows.append(std::move(row));
    }
    q.finish();
    return rows;
}

Result<int> Database::execute(const QString &sql, const QVariantList &binds)
{
    auto r = run(sql, binds);
    if (!r)
        return r.error();
    const int affected = (*r)->numRowsAffected();
    (*r)->finish();
    return affected;
}

Result<QVariant> Database::insertReturning(const QString &sql, const QVariantList &binds)
{
    auto r = run(sql, binds);
    if (!r)
        return r.error();
    QSqlQuery &q = **r;
    QVariant value;
    if (q.next())
        value = q.value(0);
    while (q.next()) {
    }
    q.finish();
    if (!value.isValid())
        return Error::internal(QStringLiteral("INSERT returned no row"));
    return value;
}

Status Database::transaction(const std::function<Status()> &work)
{
    QSqlDatabase db = connection();
    if (!db.transaction())
        return Error::unavailable(QStringLiteral("cannot start transaction: ")
                                  + db.lastError().text());
    Status result = work();
    if (!result) {
        db.rollback();
        return result;
    }
    if (!db.commit()) {
        db.rollback();
        return Error::unavailable(QStringLiteral("commit failed: ") + db.lastError().text());
    }
    return Ok{};
}

Error Database::sqlError(const QSqlQuery &query)
{
    const QSqlError err = query.lastError();
    qCWarning(lcDb) << "query failed:" << err.text() << query.lastQuery();
    const QString native = err.nativeErrorCode();
    const QString text = err.text();
    // Unique violations: SQLite extended code 2067/1555, PostgreSQL SQLSTATE 23505.
    if (native == QLatin1String("2067") || native == QLatin1String("1555")
        || native == QLatin1String("23505") || text.contains(QLatin1String("UNIQUE constraint"))) {
        return {ErrorKind::Conflict, QStringLiteral("already exists"), {}, {}};
    }
    // Foreign-key violations (SQLite 787, PostgreSQL 23503): a row is still referenced, or
    // refers to one that is gone. Also a Conflict: the caller knows which it can be.
    if (native == QLatin1String("787") || native == QLatin1String("23503")
        || text.contains(QLatin1String("FOREIGN KEY constraint"))) {
        return {ErrorKind::Conflict, QStringLiteral("still referenced"), {}, {}};
    }
    if (text.contains(QLatin1String("database is locked")))
        return Error::unavailable(QStringLiteral("database busy"));
    return Error::internal(QStringLiteral("database error"));
}

Status Database::migrate()
{
    return applyMigrations(*this);
}

int Database::schemaVersion()
{
    auto r = select(QStringLiteral("SELECT MAX(version) FROM schema_migrations"));
    if (!r || r->isEmpty())
        return 0;
    return r->first().value(0).toInt();
}

Status Database::readRawSqlite(const QString &sql, const QVariantList &binds,
                               const std::function<void(sqlite3_stmt *)> &onRow)
{
    if (m_url.dialect != Dialect::Sqlite)
        return Error::internal(QStringLiteral("readRawSqlite needs SQLite"));
    ThreadState &state = threadState();
    if (!state.raw) {
        const QByteArray path = QFile::encodeName(m_url.sqlitePath);
        // One connection per thread, never shared: no SQLite mutex needed on it.
        if (sqlite3_open_v2(path.constData(), &state.raw,
                            SQLITE_OPEN_READONLY | SQLITE_OPEN_NOMUTEX, nullptr)
            != SQLITE_OK) {
            qCWarning(lcDb) << "cannot open raw connection:" << sqlite3_errmsg(state.raw);
            sqlite3_close(state.raw);
            state.raw = nullptr;
            return Error::unavailable(QStringLiteral("database unavailable"));
        }
        sqlite3_busy_timeout(state.raw, 10000);
    }
    sqlite3_stmt *stmt = nullptr;
    if (auto it = state.rawStatements.find(sql); it != state.rawStatements.end()) {
        stmt = it->second;
    } else {
        const QByteArray text = sql.toUtf8();
        if (sqlite3_prepare_v3(state.raw, text.constData(), int(text.size()),
                               SQLITE_PREPARE_PERSISTENT, &stmt, nullptr)
            != SQLITE_OK) {
            qCWarning(lcDb) << "prepare failed:" << sqlite3_errmsg(state.raw) << sql;
            return Error::internal(QStringLiteral("database error"));
        }
        state.rawStatements.emplace(sql, stmt);
    }
    for (int i = 0; i < binds.size(); ++i) {
        const QVariant &v = binds.at(i);
        int rc = SQLITE_OK;
        if (v.isNull()) {
            rc = sqlite3_bind_null(stmt, i + 1);
        } else if (v.typeId() == QMetaType::Double) {
            rc = sqlite3_bind_double(stmt, i + 1, v.toDouble());
        } else if (v.typeId() == QMetaType::QString) {
            const QByteArray utf8 = v.toString().toUtf8();
            rc = sqlite3_bind_text(stmt, i + 1, utf8.constData(), int(utf8.size()),
                                   SQLITE_TRANSIENT);
        } else {
            rc = sqlite3_bind_int64(stmt, i + 1, v.toLongLong());
        }
        if (rc != SQLITE_OK) {
            sqlite3_reset(stmt);
            return Error::internal(QStringLiteral("database error"));
        }
    }
    int rc;
    while ((rc = sqlite3_step(stmt)) == SQLITE_ROW)
        onRow(stmt);
    // Reset at once: a statement left active would pin this connection's WAL snapshot.
    sqlite3_reset(stmt);
    sqlite3_clear_bindings(stmt);
    if (rc != SQLITE_DONE) {
        qCWarning(lcDb) << "query failed:" << sqlite3_errmsg(state.raw) << sql;
        return rc == SQLITE_BUSY ? Error::unavailable(QStringLiteral("database busy"))
                                 : Error::internal(QStringLiteral("database error"));
    }
    return Ok{};
}

} // namespace vms::storage
