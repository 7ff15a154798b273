#pragma once

#include <QString>
#include <QStringList>
#include <QTemporaryDir>

#include <memory>

namespace vms::test {

/**
 * A throwaway PostgreSQL 15 cluster for tests: initdb in a temporary directory, a server on a free
 * loopback port with fsync off, trust authentication for the role "vms", and a first database
 * "vms_test". The cluster is stopped (immediate mode) and deleted by the destructor.
 *
 * initdb refuses to run as root, so as root every PostgreSQL program runs as the "postgres" user
 * through runuser, and the directory is handed to that user. Typical use:
 *
 *   PostgresFixture pg;
 *   if (const QString why = PostgresFixture::unavailableReason(); !why.isEmpty())
 *       QSKIP(qPrintable(why));
 *   QVERIFY2(pg.start(), qPrintable(pg.errorString()));
 *   db.open(pg.url());
 */
class PostgresFixture
{
public:
    PostgresFixture();
    ~PostgresFixture();
    PostgresFixture(const PostgresFixture &) = delete;
    PostgresFixture &operator=(const PostgresFixture &) = delete;

    /** Where the PostgreSQL 15 programs are looked for. */
    static QString binDir();
    /**
     * Why a cluster cannot run on this machine (programs missing, root without a postgres user
     * or runuser); empty when it can. Tests QSKIP with this text.
     */
    static QString unavailableReason();

    /** initdb, start and createdb; false with errorString() on failure. Idempotent. */
    bool start();
    /** pg_ctl stop -m immediate. Called by the destructor. */
    void stop();
    bool isRunning() const { return m_isRunning; }

    /** Creates another empty database of the cluster; returns its URL, or empty on failure. */
    QString createDatabase(const QString &name);

    /** postgresql://vms@127.0.0.1:PORT/vms_test */
    QString url() const { return urlFor(QStringLiteral("vms_test")); }
    QString urlFor(const QString &database) const;
    int port() const { return m_port; }
    QString errorString() const { return m_error; }
    /** The server log (for failure messages). */
    QString serverLog() const;

private:
    bool run(const QString &program, const QStringList &args, int timeoutMs = 60000);

    std::unique_ptr<QTemporaryDir> m_dir;
    QString m_dataDir;
    int m_port = 0;
    bool m_isRunning = false;
    QString m_error;
};

} // namespace vms::test
