#pragma once

#include <QProcess>
#include <QString>
#include <QStringList>
#include <QTemporaryDir>
#include <QUrl>

#include <memory>

namespace vms::test {

/**
 * Runs vms-rtsp-test-server (tests/support/rtsp_server/) for a test: a real gst-rtsp-server
 * feeding real H.264 on 127.0.0.1. Mounts: /test (1280x720 by default), /sub (640x360),
 * /test1../testN with "--streams N", /file0.. with "--file PATH". Typical use:
 *
 *   RtspTestServer rtsp;
 *   QVERIFY2(rtsp.start(), qPrintable(rtsp.errorString()));
 *   open(rtsp.url());            // rtsp://127.0.0.1:PORT/test
 *   rtsp.stop();                 // an outage ...
 *   QVERIFY2(rtsp.start({}, rtsp.port()), qPrintable(rtsp.errorString())); // ... and back
 *
 * The server's stderr goes to a file (serverLog()) rather than a pipe, so that a test blocked in
 * a decoder without an event loop can never stall the server on a full pipe. The server gets
 * --exit-with-parent, so a crashed test does not leave it running. Not thread-safe: use one
 * object from one thread.
 */
class RtspTestServer
{
public:
    RtspTestServer();
    ~RtspTestServer();
    RtspTestServer(const RtspTestServer &) = delete;
    RtspTestServer &operator=(const RtspTestServer &) = delete;

    /** Where the program is (set by CMake). */
    static QString programPath();

    /**
     * Starts the server with extraArgs (e.g. {"--streams", "4"} or {"--file", path}) on port
     * (0 = ephemeral) and waits up to 10 s for it to listen. A running server is stopped first.
     * False with errorString() (including the server's stderr) on failure.
     */
    bool start(const QStringList &extraArgs = {}, quint16 port = 0);
    /** SIGTERM, then waits for the exit (SIGKILL after 5 s). Does nothing when not running. */
    void stop();
    /** SIGKILL and wait: an abrupt outage. */
    void kill();
    bool isRunning() const;

    /** rtsp://127.0.0.1:PORT/<mount>; empty before the first successful start(). */
    QUrl url(const QString &mount = QStringLiteral("test")) const;
    /** The bound port; it stays valid after stop() so that a test can restart on it. */
    quint16 port() const { return m_port; }
    /** The process id while running, else 0 (for CPU measurements). */
    qint64 processId() const;
    /** Milliseconds from the process start to its RTSP_URL line, for the last start(). */
    qint64 startupMs() const { return m_startupMs; }
    QString errorString() const { return m_error; }
    /** Everything the server wrote to stderr since the last start(). */
    QString serverLog() const;

private:
    void finish(bool graceful);

    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<QProcess> m_process;
    QString m_baseUrl; // rtsp://127.0.0.1:PORT/
    quint16 m_port = 0;
    qint64 m_startupMs = -1;
    QString m_error;
};

} // namespace vms::test
