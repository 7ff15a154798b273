#include "tests/support/postgres_fixture.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QHostAddress>
#include <QProcess>
#include <QStandardPaths>
#include <QTcpServer>

#include <pwd.h>
#include <unistd.h>

namespace vms::test {

namespace {

bool isRoot()
{
    return ::geteuid() == 0;
}

QString runuserPath()
{
    for (const char *p : {"/usr/sbin/runuser", "/sbin/runuser", "/usr/bin/runuser"}) {
        if (QFileInfo(QString::fromLatin1(p)).isExecutable())
            return QString::fromLatin1(p);
    }
    return QStandardPaths::findExecutable(QStringLiteral("runuser"));
}

// A port that was free a moment ago on 127.0.0.1 (the server binds it right after).
int freePort()
{
    QTcpServer probe;
    if (!probe.listen(QHostAddress(QHostAddress::LocalHost), 0))
        return 0;
    const int port = probe.serverPort();
    probe.close();
    return port;
}

bool chownTree(const QString &path, uid_t uid, gid_t gid)
{
    if (::chown(QFile::encodeName(path).constData(), uid, gid) != 0)
        return false;
    QDir dir(path);
    const QFileInfoList entries
            = dir.entryInfoList(QDir::AllEntries | QDir::NoDotAndDotDot | QDir::Hidden);
    for (const QFileInfo &fi : entries) {
        if (fi.isDir() && !fi.isSymLink()) {
            if (!chownTree(fi.filePath(), uid, gid))
                return false;
        } else if (::lchown(QFile::encodeName(fi.filePath()).constData(), uid, gid) != 0) {
            return false;
        }
    }
    return true;
}

} // namespace

PostgresFixture::PostgresFixture() = default;

PostgresFixture::~PostgresFixture()
{
    stop();
}

QString PostgresFixture::binDir()
{
    const QByteArray env = qgetenv("VMS_PG_BINDIR");
    return env.isEmpty() ? QStringLiteral("/usr/lib/postgresql/15/bin")
                         : QString::fromLocal8Bit(env);
}

QString PostgresFixture::unavailableReason()
{
    for (const char *tool : {"initdb", "pg_ctl", "createdb"}) {
        const QString path = binDir() + QLatin1Char('/') + QString::fromLatin1(tool);
        if (!QFileInfo(path).isExecutable())
            return QStringLiteral("PostgreSQL 15 is not installed (%1 missing); install the "
                                  "postgresql package to run this test")
                    .arg(path);
    }
    if (isRoot()) {
        if (!::getpwnam("postgres"))
            return QStringLiteral("running as root, but there is no 'postgres' user to run "
                                  "initdb as (initdb refuses root)");
        if (runuserPath().isEmpty())
            return QStringLiteral("running as root, but runuser is missing, so initdb cannot run "
                                  "as 'postgres' (initdb refuses root)");
    }
    return {};
}

bool PostgresFixture::run(const QString &program, const QStringList &args, int timeoutMs)
{
    QProcess p;
    p.setWorkingDirectory(m_dir->path()); // postgres may not be able to enter our cwd
    p.setProcessChannelMode(QProcess::MergedChannels);
    const QString exe = binDir() + QLatin1Char('/') + program;
    if (isRoot())
        p.start(runuserPath(), QStringList{QStringLiteral("-u"), QStringLiteral("postgres"),
                                           QStringLiteral("--"), exe}
                                       + args);
    else
        p.start(exe, args);
    if (!p.waitForStarted(10000)) {
        m_error = program + QStringLiteral(": cannot start: ") + p.errorString();
        return false;
    }
    if (!p.waitForFinished(timeoutMs)) {
        p.kill();
        p.waitForFinished(5000);
        m_error = program + QStringLiteral(": timed out; output: ")
                  + QString::fromLocal8Bit(p.readAll());
        return false;
    }
    if (p.exitStatus() != QProcess::NormalExit || p.exitCode() != 0) {
        m_error = QStringLiteral("%1 %2 failed (exit %3): %4")
                          .arg(program, args.join(QLatin1Char(' ')))
                          .arg(p.exitCode())
                          .arg(QString::fromLocal8Bit(p.readAll()).trimmed());
        return false;
    }
    return true;
}

bool PostgresFixture::start()
{
    if (m_isRunning)
        return true;
    if (const QString why = unavailableReason(); !why.isEmpty()) {
        m_error = why;
        return false;
    }
    m_dir = std::make_unique<QTemporaryDir>(QDir::tempPath() + QStringLiteral("/vms-pg-XXXXXX"));
    if (!m_dir->isValid()) {
        m_error = QStringLiteral("cannot create a temporary directory: ") + m_dir->errorString();
        return false;
    }
    m_dataDir = m_dir->filePath(QStringLiteral("data"));
    if (isRoot()) {
        const passwd *pw = ::getpwnam("postgres");
        if (!pw || !chownTree(m_dir->path(), pw->pw_uid, pw->pw_gid)) {
            m_error = QStringLiteral("cannot hand %1 to the postgres user").arg(m_dir->path());
            return false;
        }
    }
    if (!run(QStringLiteral("initdb"),
             {QStringLiteral("-D"), m_dataDir, QStringLiteral("-U"), QStringLiteral("vms"),
              QStringLiteral("--auth=trust"), QStringLiteral("--encoding=UTF8"),
              QStringLiteral("--locale=C"), QStringLiteral("--no-sync")},
             120000)) {
        return false;
    }

    // Another process may take the probed port before the server binds it: retry a few times.
    for (int attempt = 0; attempt < 5; ++attempt) {
        m_port = freePort();
        if (m_port == 0) {
            m_error = QStringLiteral("no free TCP port on 127.0.0.1");
            return false;
        }
        const QString options = QStringLiteral("-p %1 -k %2 -c listen_addresses=127.0.0.1 "
                                               "-c fsync=off -c synchronous_commit=off "
                                               "-c full_page_writes=off -c max_connections=200")
                                        .arg(m_port)
                                        .arg(m_dir->path());
        if (run(QStringLiteral("pg_ctl"),
                {QStringLiteral("-D"), m_dataDir, QStringLiteral("-o"), options,
                 QStringLiteral("-l"), m_dir->filePath(QStringLiteral("server.log")),
                 QStringLiteral("-w"), QStringLiteral("-t"), QStringLiteral("60"),
                 QStringLiteral("start")},
                90000)) {
            m_isRunning = true;
            break;
        }
        if (!serverLog().contains(QLatin1String("could not bind")))
            break;
    }
    if (!m_isRunning) {
        m_error += QStringLiteral("\nserver log:\n") + serverLog();
        return false;
    }
    if (createDatabase(QStringLiteral("vms_test")).isEmpty()) {
        stop();
        return false;
    }
    return true;
}

QString PostgresFixture::createDatabase(const QString &name)
{
    if (!m_isRunning) {
        m_error = QStringLiteral("the cluster is not running");
        return {};
    }
    if (!run(QStringLiteral("createdb"),
             {QStringLiteral("-h"), QStringLiteral("127.0.0.1"), QStringLiteral("-p"),
              QString::number(m_port), QStringLiteral("-U"), QStringLiteral("vms"), name})) {
        return {};
    }
    return urlFor(name);
}

QString PostgresFixture::urlFor(const QString &database) const
{
    return QStringLiteral("postgresql://vms@127.0.0.1:%1/%2").arg(m_port).arg(database);
}

QString PostgresFixture::serverLog() const
{
    if (!m_dir)
        return {};
    QFile f(m_dir->filePath(QStringLiteral("server.log")));
    if (!f.open(QIODevice::ReadOnly))
        return {};
    return QString::fromLocal8Bit(f.readAll().right(4000));
}

void PostgresFixture::stop()
{
    if (!m_isRunning)
        return;
    m_isRunning = false;
    run(QStringLiteral("pg_ctl"),
        {QStringLiteral("-D"), m_dataDir, QStringLiteral("-m"), QStringLiteral("immediate"),
         QStringLiteral("-w"), QStringLiteral("stop")},
        30000);
}

} // namespace vms::test
