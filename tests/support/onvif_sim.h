#pragma once

#include <QHash>
#include <QProcess>
#include <QString>
#include <QStringList>
#include <QTemporaryDir>
#include <QUrl>

#include <memory>

namespace vms::test {

/**
 * Runs onvif-camera-sim (app/onvif-camera-sim/) for a test: a simulated ONVIF PTZ camera on
 * 127.0.0.1 with --trace, so that the test can see which SOAP operations reached the camera.
 * Typical use:
 *
 *   OnvifSimProcess sim;
 *   QVERIFY2(sim.start({QStringLiteral("--rtsp"), rtsp.url().toString()}),
 *            qPrintable(sim.errorString()));
 *   client.connectTo(sim.deviceUrl(), OnvifSimProcess::kUser, OnvifSimProcess::kPassword);
 *   ... press a PTZ button ...
 *   QVERIFY(sim.waitForCall(QStringLiteral("ContinuousMove"), 5000));
 *   sim.stop();                                  // an outage (503) ...
 *   QVERIFY(sim.start({}, sim.port()));          // ... and back on the same port
 *
 * The trace lines ("call Operation key=value ...", "auth-failed Operation") are read from the
 * simulator's stdout, which goes to a file (never a pipe that a busy test could let fill up);
 * stderr goes to another (simulatorLog()). The simulator gets
 * --exit-with-parent, so a crashed test does not leave it running. Not thread-safe: use one
 * object from one thread (the one that created it).
 */
class OnvifSimProcess
{
public:
    static inline const QString kUser = QStringLiteral("admin");
    static inline const QString kPassword = QStringLiteral("sim-secret");

    OnvifSimProcess();
    ~OnvifSimProcess();
    OnvifSimProcess(const OnvifSimProcess &) = delete;
    OnvifSimProcess &operator=(const OnvifSimProcess &) = delete;

    /** Where the program is (set by CMake). */
    static QString programPath();

    /**
     * Starts the simulator with --user kUser --password kPassword --trace --exit-with-parent and
     * extraArgs (e.g. {"--no-ptz"}, {"--rtsp", url}, {"--user", "other"} overrides the user) on
     * port (0 = ephemeral), and waits up to 10 s for its ready line. A running simulator is
     * stopped first. The trace of the previous run is cleared. False with errorString() on
     * failure.
     */
    bool start(const QStringList &extraArgs = {}, quint16 port = 0);
    /** SIGTERM, then waits for the exit (SIGKILL after 5 s). Does nothing when not running. */
    void stop();
    /** SIGKILL and wait: an abrupt outage. */
    void kill();
    bool isRunning() const;

    /** http://127.0.0.1:PORT/onvif/device_service; empty before the first start(). */
    QUrl deviceUrl() const { return m_deviceUrl; }
    /** rtsp://127.0.0.1:PORT/live when started with --serve-rtsp, else empty. */
    QUrl rtspUrl() const { return m_rtspUrl; }
    /** The bound port; it stays valid after stop() so that a test can restart on it. */
    quint16 port() const { return m_port; }
    qint64 processId() const;
    QString errorString() const { return m_error; }
    /** Everything the simulator wrote to stderr since the last start(). */
    QString simulatorLog() const;

    /** The trace lines so far ("call GetProfiles", "call Stop profile=main pantilt=true ..."). */
    QStringList calls();
    /** Only the operation names of the "call" lines, in order. */
    QStringList operations();
    /** Forgets the trace lines seen so far. */
    void clearCalls();
    /**
     * Waits until a trace line for operation ("call <operation>" or "auth-failed <operation>")
     * has been seen since the last clearCalls(); true if so. Spins the event loop.
     */
    bool waitForCall(const QString &operation, int timeoutMs = 5000);
    /** The last "call <operation> ..." line, parsed into key=value pairs; empty if none. */
    QHash<QString, QString> lastCallArgs(const QString &operation);

private:
    /** New complete lines of the simulator's stdout (the trace file). */
    QStringList readLines();
    void keepTraceLine(const QString &line);
    void readTrace();
    void finish(bool graceful);

    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<QProcess> m_process;
    QUrl m_deviceUrl;
    QUrl m_rtspUrl;
    quint16 m_port = 0;
    QString m_error;
    QStringList m_calls;
    QByteArray m_partial;
    qint64 m_traceOffset = 0;
};

} // namespace vms::test
