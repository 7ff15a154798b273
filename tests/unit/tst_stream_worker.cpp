// Tests of vms::media::StreamWorker (core/media/stream_worker.h) in real time, with the built-in
// test pattern, looped files, an unreachable RTSP port and a TCP server that never answers:
// states and outages, measurements, recording, snapshots, backoff and stopping.
#include "core/media/media_probe.h"
#include "core/media/segment_recorder.h"
#include "core/media/stream_worker.h"
#include "tests/unit/media_test_util.h"

#include <QDateTime>
#include <QDir>
#include <QDirIterator>
#include <QElapsedTimer>
#include <QMutex>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTemporaryDir>
#include <QTest>

#include <opencv2/core.hpp>
#include <opencv2/imgcodecs.hpp>

#include <future>

using namespace vms::media;

namespace {

/** What a worker emitted, collected on the test thread (queued from the worker thread). */
class Events : public QObject
{
public:
    explicit Events(StreamWorker &worker)
    {
        connect(
                &worker, &StreamWorker::stateChanged, this,
                [this](const QString &, StreamState state, const QString &reason) {
                    states.append(state);
                    stateTimes.append(clock.elapsed());
                    reasons.append(reason);
                },
                Qt::QueuedConnection);
        connect(
                &worker, &StreamWorker::outageStarted, this,
                [this](const QString &id, qint64 atMs, const QString &reason) {
                    outageStarts.append(atMs);
                    outageReasons.append(reason);
                    ids.append(id);
                },
                Qt::QueuedConnection);
        connect(
                &worker, &StreamWorker::outageEnded, this,
                [this](const QString &, qint64 atMs) { outageEnds.append(atMs); },
                Qt::QueuedConnection);
        connect(
                &worker, &StreamWorker::segmentClosed, this,
                [this](const QString &, const SegmentInfo &s) { segments.append(s); },
                Qt::QueuedConnection);
        clock.start();
    }
    int count(StreamState s) const { return int(states.count(s)); }
    QList<qint64> timesOf(StreamState s) const
    {
        QList<qint64> out;
        for (int i = 0; i < states.size(); ++i) {
            if (states[i] == s)
                out.append(stateTimes[i]);
        }
        return out;
    }

    QElapsedTimer clock;
    QList<StreamState> states;
    QList<qint64> stateTimes;
    QStringList reasons;
    QList<qint64> outageStarts;
    QStringList outageReasons;
    QStringList ids;
    QList<qint64> outageEnds;
    QList<SegmentInfo> segments;
};

quint16 closedPort()
{
    QTcpServer server;
    server.listen(QHostAddress::LocalHost, 0);
    const quint16 port = server.serverPort();
    server.close();
    return port;
}

QStringList partFiles(const QString &dir)
{
    QStringList out;
    QDirIterator it(dir, {QStringLiteral("*.part")}, QDir::Files, QDirIterator::Subdirectories);
    while (it.hasNext())
        out.append(it.next());
    return out;
}

QString describe(const StreamMeasurements &m)
{
    return QStringLiteral("state=%1 fps=%2 bitrate=%3 %4x%5 %6 error=%7 recording=%8")
            .arg(stateName(m.state))
            .arg(m.fps)
            .arg(m.bitrate)
            .arg(m.width)
            .arg(m.height)
            .arg(m.codec, m.lastError, m.recordingError);
}

/**
 * Just enough of an RTSP server to see the credentials: OPTIONS works, DESCRIBE without
 * credentials is answered 401 Basic, DESCRIBE with them is recorded and refused (404).
 */
class AuthCapturingRtsp : public QObject
{
public:
    AuthCapturingRtsp()
    {
        m_server.listen(QHostAddress::LocalHost, 0);
        connect(&m_server, &QTcpServer::newConnection, this, [this] {
            while (QTcpSocket *socket = m_server.nextPendingConnection()) {
                connect(socket, &QTcpSocket::readyRead, socket, [this, socket] { serve(socket); });
            }
        });
    }
    quint16 port() const { return m_server.serverPort(); }
    QStringList authorizations;

private:
    void serve(QTcpSocket *socket)
    {
        QByteArray &buffer = m_buffers[socket];
        buffer += socket->readAll();
        int end;
        while ((end = buffer.indexOf("\r\n\r\n")) >= 0) {
            const QList<QByteArray> lines = buffer.left(end).split('\n');
            buffer.remove(0, end + 4);
            QByteArray cseq, auth;
            for (const QByteArray &raw : lines) {
                const QByteArray line = raw.trimmed();
                if (line.toLower().startsWith("cseq:"))
                    cseq = line.mid(5).trimmed();
                if (line.toLower().startsWith("authorization:"))
                    auth = line.mid(14).trimmed();
            }
            QByteArray reply;
            if (lines.first().startsWith("OPTIONS")) {
                reply = "RTSP/1.0 200 OK\r\nCSeq: " + cseq
                        + "\r\nPublic: OPTIONS, DESCRIBE\r\n\r\n";
            } else if (auth.isEmpty()) {
                reply = "RTSP/1.0 401 Unauthorized\r\nCSeq: " + cseq
                        + "\r\nWWW-Authenticate: Basic realm=\"cam\"\r\n\r\n";
            } else {
                authorizations.append(QString::fromLatin1(auth));
                reply = "RTSP/1.0 404 Not Found\r\nCSeq: " + cseq + "\r\n\r\n";
            }
            socket->write(reply);
        }
    }

    QTcpServer m_server;
    QHash<QTcpSocket *, QByteArray> m_buffers;
};

} // namespace

class TestStreamWorker : public QObject
{
    Q_OBJECT

private slots:
    void testPatternOnlineRecordsAndSnapshots()
    {
        QTemporaryDir dir;
        SourceConfig source;
        source.url = QStringLiteral("testsrc://?size=640x360&rate=25&bitrate_kbps=1000&gop=25");
        WorkerOptions options;
        options.recordDir = dir.path();
        options.segmentSeconds = 2;
        StreamWorker worker(QStringLiteral("cam-1"), source, options);
        QCOMPARE(worker.streamId(), QStringLiteral("cam-1"));
        QVERIFY(!worker.snapshotJpeg().hasValue()); // no frame yet
        Events events(worker);
        QElapsedTimer timer;
        timer.start();
        worker.start();
        worker.start(); // no-op while running
        QTRY_VERIFY_WITH_TIMEOUT(worker.measurements().state == StreamState::Online, 5000);
        qInfo("online after %lld ms", timer.elapsed());
        QTRY_COMPARE(events.count(StreamState::Online), 1);
        QCOMPARE(events.states.first(), StreamState::Connecting);
        QVERIFY(events.outageStarts.isEmpty());

        // Three segments closed at 2 s, 4 s, 6 s after the first keyframe.
        QTRY_VERIFY_WITH_TIMEOUT(events.segments.size() >= 3, 10000);
        const StreamMeasurements m = worker.measurements();
        QVERIFY2(m.state == StreamState::Online, qPrintable(describe(m)));
        QVERIFY2(qAbs(m.fps - 25.0) < 1.0, qPrintable(describe(m)));
        QVERIFY2(m.bitrate > 100'000 && m.bitrate < 3'000'000, qPrintable(describe(m)));
        QCOMPARE(m.width, 640);
        QCOMPARE(m.height, 360);
        QCOMPARE(m.codec, QStringLiteral("h264"));
        QVERIFY(m.onlineSinceMs > 0 && m.onlineSinceMs <= QDateTime::currentMSecsSinceEpoch());
        QVERIFY(QDateTime::currentMSecsSinceEpoch() - m.lastPacketMs < 500);
        QVERIFY2(m.segmentsClosed >= 3, qPrintable(QString::number(m.segmentsClosed)));
        QVERIFY(m.lastError.isEmpty());
        QCOMPARE(m.connectAttempts, 1);

        // Snapshot: a JPEG of the right size, with a picture in it, decoded on demand.
        QElapsedTimer snapTimer;
        snapTimer.start();
        auto jpeg = worker.snapshotJpeg(85);
        const qint64 snapMs = snapTimer.elapsed();
        QVERIFY2(jpeg.hasValue(), qPrintable(jpeg.hasValue() ? QString() : jpeg.error().message));
        qInfo("snapshot: %lld bytes in %lld ms", qint64(jpeg->size()), snapMs);
        QVERIFY(snapMs < 1000);
        QVERIFY(jpeg->startsWith("\xFF\xD8"));
        const std::vector<uchar> buf(jpeg->begin(), jpeg->end());
        const cv::Mat image = cv::imdecode(buf, cv::IMREAD_COLOR);
        QCOMPARE(image.cols, 640);
        QCOMPARE(image.rows, 360);
        cv::Scalar mean, stddev;
        cv::meanStdDev(image, mean, stddev);
        QVERIFY2(stddev[0] > 20, qPrintable(QString::number(stddev[0])));
        auto small = worker.snapshotJpeg(10);
        QVERIFY(small.hasValue());
        QVERIFY(small->size() < jpeg->size());

        const int closedBeforeStop = int(events.segments.size());
        timer.restart();
        worker.stop();
        qInfo("stop took %lld ms", timer.elapsed());
        QVERIFY(timer.elapsed() < 1000);
        worker.stop(); // idempotent
        QCOMPARE(worker.measurements().state, StreamState::Offline);
        // The open segment was closed on stop; nothing is left as .part.
        QTRY_COMPARE(events.segments.size(), closedBeforeStop + 1);
        QVERIFY(partFiles(dir.path()).isEmpty());
        QVERIFY(events.outageStarts.isEmpty()); // a stop is not an outage
        QCOMPARE(events.states.last(), StreamState::Offline);

        for (int i = 0; i < events.segments.size(); ++i) {
            const SegmentInfo &s = events.segments[i];
            QVERIFY2(s.path.endsWith(QStringLiteral("/%1.ts").arg(s.startMs)), qPrintable(s.path));
            QVERIFY(s.path.startsWith(dir.path()));
            QCOMPARE(s.bytes, QFileInfo(s.path).size());
            if (i > 0)
                QCOMPARE(s.startMs, events.segments[i - 1].endMs);
            auto probe = probeFile(s.path);
            QVERIFY2(probe.hasValue(),
                     qPrintable(probe.hasValue() ? QString() : probe.error().message));
            QVERIFY(probe->hasKeyframe && probe->decodes);
            QCOMPARE(probe->width, 640);
            QCOMPARE(probe->codec, QStringLiteral("h264"));
            if (i + 1 < events.segments.size()) { // the last one ended at stop()
                QVERIFY2(qAbs(probe->durationMs - 2000) <= 40,
                         qPrintable(QString::number(probe->durationMs)));
                QVERIFY(qAbs((s.endMs - s.startMs) - 2000) <= 40);
            }
            auto decoded = vms::media::test::decodeFile(s.path);
            QVERIFY2(decoded.error.isEmpty(), qPrintable(decoded.error));
            QCOMPARE(decoded.width, 640);
            QCOMPARE(decoded.height, 360);
            for (double sd : decoded.lumaStdDev)
                QVERIFY2(sd > 20, qPrintable(QString::number(sd))); // a pattern, not a flat image
            // Wall-clock start/end agree with the real time the packets came in.
            QVERIFY(s.startMs >= m.onlineSinceMs - 100);
        }
    }

    void fileSourceLoops()
    {
        QTemporaryDir dir;
        const QString file = dir.filePath(QStringLiteral("clip.mp4"));
        const QString error = vms::media::test::writePatternFile(file, 40); // 1.6 s
        QVERIFY2(error.isEmpty(), qPrintable(error));
        SourceConfig source;
        source.url = QUrl::fromLocalFile(file).toString();
        WorkerOptions options;
        options.recordDir = dir.filePath(QStringLiteral("rec"));
        options.segmentSeconds = 2;
        StreamWorker worker(QStringLiteral("file-1"), source, options);
        Events events(worker);
        worker.start();
        QTRY_VERIFY_WITH_TIMEOUT(worker.measurements().state == StreamState::Online, 5000);
        const qint64 onlineAt = QDateTime::currentMSecsSinceEpoch();
        QTRY_VERIFY_WITH_TIMEOUT(events.segments.size() >= 2, 10000);
        // Three loops of a 1.6 s file, paced in real time, without dropping out.
        QVERIFY(QDateTime::currentMSecsSinceEpoch() - onlineAt >= 4000);
        const StreamMeasurements m = worker.measurements();
        QVERIFY2(m.state == StreamState::Online, qPrintable(describe(m)));
        QVERIFY2(qAbs(m.fps - 25.0) < 1.0, qPrintable(describe(m)));
        QCOMPARE(m.width, 320);
        QVERIFY(QDateTime::currentMSecsSinceEpoch() - m.lastPacketMs < 500);
        QCOMPARE(m.connectAttempts, 1);
        QCOMPARE(events.count(StreamState::Offline), 0);
        worker.stop();
        // Segments span loops with continuous timestamps: every frame 40 ms after the previous.
        for (const SegmentInfo &s : std::as_const(events.segments)) {
            auto decoded = vms::media::test::decodeFile(s.path);
            QVERIFY2(decoded.error.isEmpty(), qPrintable(decoded.error));
            QCOMPARE(decoded.width, 320);
            for (int i = 1; i < decoded.dtsUs.size(); ++i)
                QCOMPARE(decoded.dtsUs[i] - decoded.dtsUs[i - 1], qint64(40'000));
        }
        QVERIFY(events.segments.first().endMs - events.segments.first().startMs >= 2000);
        QVERIFY(probeFile(events.segments.first().path)->durationMs >= 2000);
    }

    void unreachableRtspBacksOff()
    {
        SourceConfig source;
        source.url = QStringLiteral("rtsp://127.0.0.1:%1/x").arg(closedPort());
        source.openTimeoutMs = 2000;
        WorkerOptions options;
        options.backoffMinMs = 250;
        options.backoffMaxMs = 4000;
        StreamWorker worker(QStringLiteral("cam-unreachable"), source, options);
        Events events(worker);
        worker.start();
        QTest::qWait(5500);
        const StreamMeasurements m = worker.measurements();
        worker.stop();
        QTest::qWait(50);
        // One outage for the whole time, with the reason.
        QCOMPARE(events.outageStarts.size(), 1);
        QCOMPARE(events.ids.first(), QStringLiteral("cam-unreachable"));
        QVERIFY2(events.outageReasons.first().contains(QStringLiteral("refused")),
                 qPrintable(events.outageReasons.first()));
        QVERIFY(!events.outageReasons.first().contains(QStringLiteral("password")));
        QVERIFY(events.outageEnds.isEmpty());
        QCOMPARE(events.count(StreamState::Online), 0);
        QVERIFY2(m.lastError.contains(QStringLiteral("refused")), qPrintable(m.lastError));
        // Attempts at about 0, 0.25, 0.75, 1.75, 3.75 s: 5 (no backoff would be ~20).
        const QList<qint64> attempts = events.timesOf(StreamState::Connecting);
        QVERIFY2(attempts.size() >= 4 && attempts.size() <= 6,
                 qPrintable(QString::number(attempts.size())));
        QCOMPARE(m.connectAttempts, int(attempts.size()));
        QList<qint64> gaps;
        for (int i = 1; i < attempts.size(); ++i)
            gaps.append(attempts[i] - attempts[i - 1]);
        for (int i = 1; i < gaps.size(); ++i) {
            QVERIFY2(gaps[i] > gaps[i - 1] * 1.5,
                     qPrintable(QStringLiteral("gaps %1 ms, %2 ms").arg(gaps[i - 1]).arg(gaps[i])));
        }
        QVERIFY(gaps.first() >= 200 && gaps.first() < 500);
        // Connecting and Offline alternate.
        for (int i = 0; i + 1 < events.states.size(); ++i)
            QVERIFY(events.states[i] != events.states[i + 1]);
    }

    void stopIsQuickWhileConnecting()
    {
        // Accepts TCP connections (the kernel does, in the backlog) and never answers RTSP.
        QTcpServer silent;
        QVERIFY(silent.listen(QHostAddress::LocalHost, 0));
        SourceConfig source;
        source.url = QStringLiteral("rtsp://127.0.0.1:%1/x").arg(silent.serverPort());
        source.openTimeoutMs = 30000;
        StreamWorker worker(QStringLiteral("cam-silent"), source, WorkerOptions{});
        Events events(worker);
        worker.start();
        QTRY_COMPARE(events.count(StreamState::Connecting), 1);
        QTest::qWait(700); // blocked in DESCRIBE now
        QCOMPARE(worker.measurements().state, StreamState::Connecting);
        QElapsedTimer timer;
        timer.start();
        worker.stop();
        qInfo("stop while connecting took %lld ms", timer.elapsed());
        QVERIFY(timer.elapsed() < 1000);
        QVERIFY(!worker.isRunning());
    }

    void stopIsQuickWhileBackingOff()
    {
        SourceConfig source;
        source.url = QStringLiteral("rtsp://127.0.0.1:%1/x").arg(closedPort());
        WorkerOptions options;
        options.backoffMinMs = 60000;
        StreamWorker worker(QStringLiteral("cam-waiting"), source, options);
        Events events(worker);
        worker.start();
        QTRY_COMPARE(events.count(StreamState::Offline), 1);
        QVERIFY(worker.measurements().nextAttemptMs > QDateTime::currentMSecsSinceEpoch() + 50000);
        QElapsedTimer timer;
        timer.start();
        worker.stop();
        QVERIFY(timer.elapsed() < 1000);
    }

    void readTimeoutLosesStream()
    {
        // The same silent server, with a short timeout: the attempt fails with a timeout.
        QTcpServer silent;
        QVERIFY(silent.listen(QHostAddress::LocalHost, 0));
        SourceConfig source;
        source.url = QStringLiteral("rtsp://127.0.0.1:%1/x").arg(silent.serverPort());
        source.openTimeoutMs = 800;
        WorkerOptions options;
        options.backoffMinMs = 5000;
        StreamWorker worker(QStringLiteral("cam-timeout"), source, options);
        Events events(worker);
        worker.start();
        QTRY_VERIFY_WITH_TIMEOUT(events.outageStarts.size() == 1, 4000);
        QVERIFY2(events.outageReasons.first().contains(QStringLiteral("800 ms")),
                 qPrintable(events.outageReasons.first()));
    }

    void invalidSourceIsAnError()
    {
        SourceConfig source;
        source.url = QStringLiteral("gopher://cam/x");
        StreamWorker worker(QStringLiteral("cam-bad"), source, WorkerOptions{});
        Events events(worker);
        worker.start();
        QTRY_COMPARE(worker.measurements().state, StreamState::Error);
        QTRY_COMPARE(events.outageStarts.size(), 1);
        QVERIFY(worker.measurements().lastError.contains(QStringLiteral("scheme")));
        QTest::qWait(300);
        QCOMPARE(worker.measurements().connectAttempts, 0); // no retry can fix it
        worker.stop();
    }

    void recordingErrorDoesNotStopIngest()
    {
        QTemporaryDir dir;
        const QString recordDir = dir.filePath(QStringLiteral("rec"));
        QFile blocker(recordDir); // a file where the directory should be
        QVERIFY(blocker.open(QIODevice::WriteOnly));
        blocker.close();
        SourceConfig source;
        source.url = QStringLiteral("testsrc://?size=320x240&rate=25&bitrate_kbps=300");
        WorkerOptions options;
        options.recordDir = recordDir;
        options.segmentSeconds = 2;
        StreamWorker worker(QStringLiteral("cam-nodisk"), source, options);
        Events events(worker);
        worker.start();
        QTRY_VERIFY_WITH_TIMEOUT(!worker.measurements().recordingError.isEmpty(), 5000);
        QTest::qWait(1500);
        StreamMeasurements m = worker.measurements();
        QVERIFY2(m.state == StreamState::Online, qPrintable(describe(m)));
        QVERIFY2(qAbs(m.fps - 25.0) < 1.5, qPrintable(describe(m)));
        QVERIFY(m.lastError.contains(QStringLiteral("recording")));
        QVERIFY(events.segments.isEmpty());
        QVERIFY(worker.snapshotJpeg().hasValue());
        // The disk is back: the next keyframe starts a segment.
        QVERIFY(QFile::remove(recordDir));
        QTRY_VERIFY_WITH_TIMEOUT(!events.segments.isEmpty(), 6000);
        QVERIFY(worker.measurements().recordingError.isEmpty());
        QVERIFY(probeFile(events.segments.first().path).hasValue());
        QCOMPARE(events.count(StreamState::Offline), 0);
    }

    void livePartFileProbes()
    {
        QTemporaryDir dir;
        SourceConfig source;
        source.url = QStringLiteral("testsrc://?size=320x240&rate=25&bitrate_kbps=300");
        WorkerOptions options;
        options.recordDir = dir.path();
        options.segmentSeconds = 60;
        StreamWorker worker(QStringLiteral("cam-live"), source, options);
        worker.start();
        QTRY_VERIFY_WITH_TIMEOUT(worker.measurements().state == StreamState::Online, 5000);
        QTest::qWait(2500);
        // What a kill -9 now would leave: the .part as it is on disk.
        const QStringList parts = partFiles(dir.path());
        QCOMPARE(parts.size(), 1);
        const QString copy = dir.filePath(QStringLiteral("copy.ts.part"));
        QVERIFY(QFile::copy(parts.first(), copy));
        auto probe = probeFile(copy);
        QVERIFY2(probe.hasValue(),
                 qPrintable(probe.hasValue() ? QString() : probe.error().message));
        QVERIFY2(probe->durationMs >= 1500, qPrintable(QString::number(probe->durationMs)));
        QVERIFY(probe->hasKeyframe && probe->decodes);
        QCOMPARE(probe->height, 240);
        worker.stop();
        QVERIFY(partFiles(dir.path()).size() == 1); // only the copy
    }

    void credentialsReachTheCameraDecoded()
    {
        // The password has every character that needs percent-encoding in a URL; the camera
        // must receive it as typed.
        AuthCapturingRtsp camera;
        SourceConfig source;
        source.url = QStringLiteral("rtsp://127.0.0.1:%1/stream").arg(camera.port());
        source.username = QStringLiteral("ad@min");
        source.password = QStringLiteral("p:ss/w@rd%20#?");
        source.openTimeoutMs = 3000;
        auto future = std::async(std::launch::async, [source] { return verifySource(source); });
        QTRY_VERIFY_WITH_TIMEOUT(
                future.wait_for(std::chrono::seconds(0)) == std::future_status::ready, 5000);
        auto result = future.get();
        QVERIFY(!result.hasValue()); // refused with 404 after authenticating
        QVERIFY2(!result.error().message.contains(QStringLiteral("w@rd")),
                 qPrintable(result.error().message));
        QCOMPARE(camera.authorizations.size(), 1);
        QVERIFY(camera.authorizations.first().startsWith(QStringLiteral("Basic ")));
        const QByteArray decoded
                = QByteArray::fromBase64(camera.authorizations.first().mid(6).toLatin1());
        QCOMPARE(QString::fromUtf8(decoded), QStringLiteral("ad@min:p:ss/w@rd%20#?"));
    }

    void verifySourceTestPattern()
    {
        SourceConfig source;
        source.url = QStringLiteral("testsrc://?size=352x288&rate=15");
        auto m = verifySource(source);
        QVERIFY2(m.hasValue(), qPrintable(m.hasValue() ? QString() : m.error().message));
        QCOMPARE(m->state, StreamState::Online);
        QCOMPARE(m->width, 352);
        QCOMPARE(m->height, 288);
        QCOMPARE(m->codec, QStringLiteral("h264"));
        QCOMPARE(m->fps, 15.0);
    }

    void verifySourceFailures()
    {
        SourceConfig source;
        source.url = QStringLiteral("rtsp://127.0.0.1:%1/x").arg(closedPort());
        auto refused = verifySource(source);
        QVERIFY(!refused.hasValue());
        QCOMPARE(refused.error().kind, vms::ErrorKind::Unavailable);
        QVERIFY2(refused.error().message.contains(QStringLiteral("refused")),
                 qPrintable(refused.error().message));

        QTcpServer silent;
        QVERIFY(silent.listen(QHostAddress::LocalHost, 0));
        source.url = QStringLiteral("rtsp://127.0.0.1:%1/x").arg(silent.serverPort());
        source.openTimeoutMs = 700;
        source.username = QStringLiteral("admin");
        source.password = QStringLiteral("hunter2");
        QElapsedTimer timer;
        timer.start();
        auto timedOut = verifySource(source);
        QVERIFY(!timedOut.hasValue());
        QCOMPARE(timedOut.error().kind, vms::ErrorKind::Timeout);
        QVERIFY(timer.elapsed() < 3000);
        QVERIFY(!timedOut.error().message.contains(QStringLiteral("hunter2")));

        source.url = QStringLiteral("ftp://x/y");
        auto invalid = verifySource(source);
        QVERIFY(!invalid.hasValue());
        QCOMPARE(invalid.error().kind, vms::ErrorKind::InvalidArgument);

        source.url = QStringLiteral("/nonexistent/clip.mp4");
        auto missing = verifySource(source);
        QVERIFY(!missing.hasValue());
        QVERIFY(missing.error().message.contains(QStringLiteral("No such file")));
    }
};

QTEST_GUILESS_MAIN(TestStreamWorker)
#include "tst_stream_worker.moc"
