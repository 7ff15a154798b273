#include "tests/support/onvif_sim.h"

#include <QCoreApplication>
#include <QDeadlineTimer>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QProcessEnvironment>
#include <QRegularExpression>
#include <QThread>

#include <unistd.h>

namespace vms::test {

namespace {

constexpr int kStartTimeoutMs = 10000;
constexpr int kStopTimeoutMs = 5000;

// Shared with RtspTestServer: one GStreamer registry per user in the temp dir ($HOME may be
// read-only on CI); only --serve-rtsp loads GStreamer.
QString registryPath()
{
    return QDir(QDir::tempPath())
            .filePath(QStringLiteral("vms-test-gst-registry-%1.bin").arg(::getuid()));
}

QString operationOf(const QString &line)
{
    // "call Op k=v" or "auth-failed Op"
    const QStringList parts = line.split(QLatin1Char(' '), Qt::SkipEmptyParts);
    return parts.size() >= 2 ? parts.at(1) : QString();
}

} // namespace

OnvifSimProcess::OnvifSimProcess() = default;

OnvifSimProcess::~OnvifSimProcess()
{
    stop();
}

QString OnvifSimProcess::programPath()
{
    return QStringLiteral(VMS_ONVIF_CAMERA_SIM_PATH);
}

bool OnvifSimProcess::start(const QStringList &extraArgs, quint16 port)
{
    stop();
    m_error.clear();
    m_calls.clear();
    m_partial.clear();
    m_rtspUrl.clear();
    if (!QFileInfo(programPath()).isExecutable()) {
        m_error = QStringLiteral("onvif-camera-sim not built: ") + programPath();
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
    env.remove(QStringLiteral("DISPLAY"));
    env.remove(QStringLiteral("WAYLAND_DISPLAY"));

    // The simulator takes the last value of a repeated option, so extraArgs may override these.
    QStringList args{QStringLiteral("--listen"),   QStringLiteral("127.0.0.1:%1").arg(port),
                     QStringLiteral("--user"),     kUser,
                     QStringLiteral("--password"), kPassword,
                     QStringLiteral("--trace"),    QStringLiteral("--exit-with-parent")};
    args += extraArgs;
    const bool wantRtsp = extraArgs.contains(QStringLiteral("--serve-rtsp"));

    m_process = std::make_unique<QProcess>();
    m_process->setProcessEnvironment(env);
    m_process->setProgram(programPath());
    m_process->setArguments(args);
    m_process->setStandardErrorFile(m_dir->filePath(QStringLiteral("sim.log")));
    // The trace goes to a file, not a pipe: a test that makes many calls without spinning an
    // event loop (a bench) must never stall the simulator on a full pipe.
    m_process->setStandardOutputFile(m_dir->filePath(QStringLiteral("trace.log")));
    m_traceOffset = 0;
    m_process->setStandardInputFile(QProcess::nullDevice());
    m_process->start();
    if (!m_process->waitForStarted(kStartTimeoutMs)) {
        m_error = QStringLiteral("cannot start ") + programPath() + QStringLiteral(": ")
                  + m_process->errorString();
        m_process.reset();
        return false;
    }

    static const QRegularExpression readyLine(
            QStringLiteral("^ready (http://[^\\s/]+:(\\d+)/onvif/device_service)$"));
    static const QRegularExpression rtspLine(QStringLiteral("^rtsp (rtsp://\\S+)$"));
    const QDeadlineTimer deadline(kStartTimeoutMs);
    bool ready = false;
    while (!deadline.hasExpired()) {
        for (const QString &line : readLines()) {
            if (const auto m = readyLine.match(line); m.hasMatch()) {
                m_deviceUrl = QUrl(m.captured(1));
                m_port = quint16(m.captured(2).toUInt());
                ready = true;
            } else if (const auto r = rtspLine.match(line); r.hasMatch()) {
                m_rtspUrl = QUrl(r.captured(1));
            } else {
                keepTraceLine(line);
            }
        }
        if (ready && (!wantRtsp || m_rtspUrl.isValid()))
            return true;
        if (m_process->state() == QProcess::NotRunning)
            break;
        m_process->waitForFinished(10);
    }
    if (m_process->state() == QProcess::NotRunning) {
        m_error = QStringLiteral("onvif-camera-sim exited (code %1) before it was ready")
                          .arg(m_process->exitCode());
    } else {
        m_error = QStringLiteral("onvif-camera-sim was not ready within %1 ms")
                          .arg(kStartTimeoutMs);
    }
    finish(false);
    m_error += QStringLiteral("; args: ") + args.join(QLatin1Char(' '))
               + QStringLiteral("; stderr:\n") + simulatorLog();
    return false;
}

QStringList OnvifSimProcess::readLines()
{
    QStringList lines;
    if (!m_dir)
        return lines;
    QFile f(m_dir->filePath(QStringLiteral("trace.log")));
    if (!f.open(QIODevice::ReadOnly) || f.size() <= m_traceOffset || !f.seek(m_traceOffset))
        return lines;
    m_partial += f.readAll();
    m_traceOffset = f.pos();
    qsizetype nl;
    while ((nl = m_partial.indexOf('\n')) >= 0) {
        lines.append(QString::fromUtf8(m_partial.left(nl)).trimmed());
        m_partial.remove(0, nl + 1);
    }
    return lines;
}

void OnvifSimProcess::keepTraceLine(const QString &line)
{
    if (line.startsWith(QLatin1String("call ")) || line.startsWith(QLatin1String("auth-failed ")))
        m_calls.append(line);
}

void OnvifSimProcess::readTrace()
{
    for (const QString &line : readLines())
        keepTraceLine(line);
}

QStringList OnvifSimProcess::calls()
{
    readTrace();
    return m_calls;
}

QStringList OnvifSimProcess::operations()
{
    QStringList ops;
    for (const QString &line : calls()) {
        if (line.startsWith(QLatin1String("call ")))
            ops.append(operationOf(line));
    }
    return ops;
}

void OnvifSimProcess::clearCalls()
{
    calls();
    m_calls.clear();
}

bool OnvifSimProcess::waitForCall(const QString &operation, int timeoutMs)
{
    const QDeadlineTimer deadline(timeoutMs);
    for (;;) {
        for (const QString &line : calls()) {
            if (operationOf(line) == operation)
                return true;
        }
        if (deadline.hasExpired() || !isRunning())
            return false;
        // Other objects of the test (an HTTP client, a widget) may need the event loop.
        QCoreApplication::processEvents(QEventLoop::AllEvents, 10);
        QThread::msleep(5);
    }
}

QHash<QString, QString> OnvifSimProcess::lastCallArgs(const QString &operation)
{
    const QStringList lines = calls();
    for (auto it = lines.crbegin(); it != lines.crend(); ++it) {
        if (!it->startsWith(QLatin1String("call ")) || operationOf(*it) != operation)
            continue;
        QHash<QString, QString> args;
        const QStringList parts = it->split(QLatin1Char(' '), Qt::SkipEmptyParts);
        for (qsizetype i = 2; i < parts.size(); ++i) {
            const qsizetype eq = parts.at(i).indexOf(QLatin1Char('='));
            if (eq > 0)
                args.insert(parts.at(i).left(eq), parts.at(i).mid(eq + 1));
        }
        return args;
    }
    return {};
}

void OnvifSimProcess::finish(bool graceful)
{
    if (!m_process)
        return;
    if (m_process->state() != QProcess::NotRunning) {
        if (graceful) {
            m_process->terminate();
            if (m_process->waitForFinished(kStopTimeoutMs)) {
                readTrace();
                m_process.reset();
                return;
            }
            m_error = QStringLiteral("onvif-camera-sim ignored SIGTERM for %1 ms; killed")
                              .arg(kStopTimeoutMs);
        }
        m_process->kill();
        m_process->waitForFinished(kStopTimeoutMs);
    }
    readTrace();
    m_process.reset();
}

void OnvifSimProcess::stop()
{
    finish(true);
}

void OnvifSimProcess::kill()
{
    finish(false);
}

bool OnvifSimProcess::isRunning() const
{
    return m_process && m_process->state() == QProcess::Running;
}

qint64 OnvifSimProcess::processId() const
{
    return isRunning() ? m_process->processId() : 0;
}

QString OnvifSimProcess::simulatorLog() const
{
    if (!m_dir)
        return {};
    QFile f(m_dir->filePath(QStringLiteral("sim.log")));
    if (!f.open(QIODevice::ReadOnly))
        return {};
    return QString::fromUtf8(f.readAll());
}

} // namespace vms::test
