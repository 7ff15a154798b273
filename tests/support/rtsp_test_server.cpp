#include "tests/support/rtsp_test_server.h"

#include <QDeadlineTimer>
#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QFileInfo>
#include <QProcessEnvironment>
#include <QRegularExpression>

#include <unistd.h>

namespace vms::test {

namespace {

constexpr int kStartTimeoutMs = 10000;
constexpr int kStopTimeoutMs = 5000;

// One registry per user, shared by all tests: a fresh registry costs a plugin scan of about a
// second per start, and GStreamer replaces the file atomically, so concurrent tests are safe. It
// lives in the temp dir because $HOME may be read-only on CI.
QString registryPath()
{
    return QDir(QDir::tempPath())
            .filePath(QStringLiteral("vms-test-gst-registry-%1.bin").arg(::getuid()));
}

} // namespace

RtspTestServer::RtspTestServer() = default;

RtspTestServer::~RtspTestServer()
{
    stop();
}

QString RtspTestServer::programPath()
{
    return QStringLiteral(VMS_RTSP_TEST_SERVER_PATH);
}

bool RtspTestServer::start(const QStringList &extraArgs, quint16 port)
{
    stop();
    m_error.clear();
    m_startupMs = -1;
    if (!QFileInfo(programPath()).isExecutable()) {
        m_error = QStringLiteral("RTSP test server not built: ") + programPath();
        return false;
    }
    if (!m_dir) {
        m_dir = std::make_unique<QTemporaryDir>();
        if (!m_dir->isValid()) {
            m_error = QStringLiteral("cannot create a temporary directory: ")
                      + m_dir->errorString();
            m_dir.reset();
            return false;
        }
    }

    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    if (!env.contains(QStringLiteral("GST_REGISTRY")))
        env.insert(QStringLiteral("GST_REGISTRY"), registryPath());
    env.insert(QStringLiteral("GST_DEBUG_NO_COLOR"), QStringLiteral("1"));
    // The server needs no display; keep GStreamer from probing one.
    env.remove(QStringLiteral("DISPLAY"));
    env.remove(QStringLiteral("WAYLAND_DISPLAY"));

    QStringList args{QStringLiteral("--listen"), QStringLiteral("127.0.0.1"),
                     QStringLiteral("--port"), QString::number(port),
                     QStringLiteral("--exit-with-parent")};
    args += extraArgs;

    m_process = std::make_unique<QProcess>();
    m_process->setProcessEnvironment(env);
    m_process->setProgram(programPath());
    m_process->setArguments(args);
    m_process->setStandardErrorFile(m_dir->filePath(QStringLiteral("server.log")));
    m_process->setStandardInputFile(QProcess::nullDevice());

    QElapsedTimer clock;
    clock.start();
    m_process->start();
    if (!m_process->waitForStarted(kStartTimeoutMs)) {
        m_error = QStringLiteral("cannot start ") + programPath() + QStringLiteral(": ")
                  + m_process->errorString();
        m_process.reset();
        return false;
    }

    static const QRegularExpression urlLine(
            QStringLiteral("^RTSP_URL (rtsp://[^\\s]+:(\\d+)/)\\s*$"));
    const QDeadlineTimer deadline(kStartTimeoutMs);
    while (!deadline.hasExpired()) {
        if (m_process->canReadLine()) {
            const QString line = QString::fromUtf8(m_process->readLine()).trimmed();
            const QRegularExpressionMatch m = urlLine.match(line);
            if (m.hasMatch()) {
                m_baseUrl = m.captured(1);
                m_port = quint16(m.captured(2).toUInt());
                m_startupMs = clock.elapsed();
                return true;
            }
            continue;
        }
        if (m_process->state() == QProcess::NotRunning)
            break;
        m_process->waitForReadyRead(int(qMax<qint64>(1, deadline.remainingTime())));
    }

    if (m_process->state() == QProcess::NotRunning) {
        m_error = QStringLiteral("RTSP test server exited (code %1) before listening")
                          .arg(m_process->exitCode());
    } else {
        m_error = QStringLiteral("RTSP test server did not print RTSP_URL within %1 ms")
                          .arg(kStartTimeoutMs);
    }
    finish(false);
    m_error += QStringLiteral("; args: ") + args.join(QLatin1Char(' '))
               + QStringLiteral("; stderr:\n") + serverLog();
    return false;
}

void RtspTestServer::finish(bool graceful)
{
    if (!m_process)
        return;
    if (m_process->state() != QProcess::NotRunning) {
        if (graceful) {
            m_process->terminate();
            if (m_process->waitForFinished(kStopTimeoutMs)) {
                m_process.reset();
                return;
            }
            m_error = QStringLiteral("RTSP test server ignored SIGTERM for %1 ms; killed")
                              .arg(kStopTimeoutMs);
        }
        m_process->kill();
        m_process->waitForFinished(kStopTimeoutMs);
    }
    m_process.reset();
}

void RtspTestServer::stop()
{
    finish(true);
}

void RtspTestServer::kill()
{
    finish(false);
}

bool RtspTestServer::isRunning() const
{
    return m_process && m_process->state() == QProcess::Running;
}

qint64 RtspTestServer::processId() const
{
    return isRunning() ? m_process->processId() : 0;
}

QUrl RtspTestServer::url(const QString &mount) const
{
    if (m_baseUrl.isEmpty())
        return {};
    return QUrl(m_baseUrl + (mount.startsWith(QLatin1Char('/')) ? mount.mid(1) : mount));
}

QString RtspTestServer::serverLog() const
{
    if (!m_dir)
        return {};
    QFile f(m_dir->filePath(QStringLiteral("server.log")));
    if (!f.open(QIODevice::ReadOnly))
        return {};
    return QString::fromUtf8(f.readAll());
}

} // namespace vms::test
