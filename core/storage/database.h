#pragma once

#include "core/domain/result.h"

#include <QSqlDatabase>
#include <QSqlQuery>
#include <QString>
#include <QVariant>

#include <atomic>
#include <functional>

struct sqlite3_stmt;

namespace vms::storage {

enum class Dialect { Sqlite, Postgres };

/** Where the database lives, parsed from a `--db` value. */
struct DatabaseUrl
{
    Dialect dialect = Dialect::Sqlite;
    QString sqlitePath;
    QString host;
    int port = 5432;
    QString user;
    QString password;
    QString name;

    /** "postgresql://user:pass@host:port/db", "sqlite:///abs/path.db" or a plain file path. */
    static Result<DatabaseUrl> parse(const QString &url);
};

/**
 * A database shared by all threads. Qt Sql connections must stay on the thread that opened them,
 * so every thread gets its own connection, named with a process-unique serial (thread ids are
 * reused by QThreadPool; see PLATFORM_NOTES.md), opened lazily and closed when the thread ends.
 * Prepared statements are cached per thread and connection.
 */
class Database
{
public:
    explicit Database(DatabaseUrl url);
    ~Database();
    Database(const Database &) = delete;
    Database &operator=(const Database &) = delete;

    Dialect dialect() const { return m_url.dialect; }
    const DatabaseUrl &url() const { return m_url; }

    /** Opens this thread's connection and checks it works. */
    Status open();
    /** Applies pending migrations (schema_migrations table). */
    Status migrate();
    int schemaVersion();

    /** This thread's connection (opened on first use). */
    QSqlDatabase connection();

    /**
     * SQLite only: runs a read-only query on this thread's raw sqlite3 connection and calls
     * `onRow` for each row, with the column values readable through sqlite3_column_*() as
     * UTF-8. For hot read paths: it skips the Qt driver's UTF-16 copies and QVariant rows.
     * Binds may be integers, doubles, strings or null.
     */
    Status readRawSqlite(const QString &sql, const QVariantList &binds,
                         const std::function<void(sqlite3_stmt *)> &onRow);

    /** NULL of the string type, for binding an absent optional value. */
    static QVariant null() { return QVariant(QMetaType(QMetaType::QString)); }

    using Row = QVariantList;
    using Rows = QList<Row>;

    /**
     * Runs a SELECT (or anything returning rows) and materialises every row. The statement is
     * reset before returning: a statement left active would pin this connection to an old WAL
     * snapshot and hide other threads' commits.
     */
    Result<Rows> select(const QString &sql, const QVariantList &binds = {});
    /** Runs a statement and returns the number of affected rows. */
    Result<int> execute(const QString &sql, const QVariantList &binds = {});
    /** Runs an INSERT ... RETURNING and gives the first column of the first row. */
    Result<QVariant> insertReturning(const QString &sql, const QVariantList &binds = {});

    /** Runs `work` in a transaction on this thread's connection; commits on success. */
    Status transaction(const std::function<Status()> &work);

    /** An error value for a failed query; logs the driver message, never exposes it. */
    static Error sqlError(const QSqlQuery &query);

    /** Per-thread connection state (public only so that the per-thread map can name it). */
    struct ThreadState;

private:
    ThreadState &threadState();
    QSqlQuery &prepare(const QString &sql);
    Result<QSqlQuery *> run(const QString &sql, const QVariantList &binds);

    DatabaseUrl m_url;
    quint64 m_serial;
    static std::atomic<quint64> s_nextSerial;
};

} // namespace vms::storage
