// vms::media::VideoDecoder on files, HTTP archive segments and unreachable sources: paced
// playback (speed, startAtMs, pause, finished()), scaling, keyframes only, conversion to BGRA,
// and stop() while connecting. The live RTSP cases are in tests/e2e/tst_video_decoder_rtsp.cpp.
#include "core/media/video_decoder.h"
#include "tests/unit/video_test_util.h"

#include <QElapsedTimer>
#include <QFile>
#include <QPointer>
#include <QSignalSpy>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTemporaryDir>
#include <QTest>
#include <QThread>
#include <QUrlQuery>

#include <algorithm>

using namespace vms::media;
using namespace vms::media::test;

namespace {

constexpr int kClipSeconds = 4;
constexpr int kClipFps = 25;
constexpr qint64 kClipLastPtsMs = kClipSeconds * 1000 - 1000 / kClipFps;

/**
 * Serves one file over HTTP/1.1 like the archive does: a signed URL (?exp=..&sig=..), no auth
 * header, Range requests. Answers 403 to a wrong signature. Runs on the test's event loop.
 */
class ArchiveHttpServer : public QObject
{
public:
    ArchiveHttpServer(QByteArray body, QString signature)
        : m_body(std::move(body))
        , m_signature(std::move(signature))
    {
        connect(&m_server, &QTcpServer::newConnection, this, [this] {
            while (QTcpSocket *socket = m_server.nextPendingConnection()) {
                connect(socket, &QTcpSocket::readyRead, this, [this, socket] { serve(socket); });
                connect(socket, &QTcpSocket::disconnected, socket, &QObject::deleteLater);
            }
        });
    }
    bool listen() { return m_server.listen(QHostAddress::LocalHost, 0); }
    QString url(const QString &signature) const
    {
        return QStringLiteral("http://127.0.0.1:%1/archive/segment.ts?exp=1999999999&sig=%2")
                .arg(m_server.serverPort())
                .arg(signature);
    }

    QStringList targets; // request targets as received
    int authorizationHeaders = 0;
    QString authorization; // the last Authorization header's value

private:
    void serve(QTcpSocket *socket)
    {
        QByteArray &pending = m_pending[socket];
        pending += socket->readAll();
        const qsizetype end = pending.indexOf("\r\n\r\n");
        if (end < 0)
            return;
        const QList<QByteArray> lines = pending.left(end).split('\n');
        pending.clear();
        const QList<QByteArray> requestLine = lines.value(0).trimmed().split(' ');
        const QString target = QString::fromLatin1(requestLine.value(1));
        targets.append(target);
        qint64 from = 0;
        for (const QByteArray &raw : lines.mid(1)) {
            const QByteArray line = raw.trimmed();
            if (line.toLower().startsWith("authorization:")) {
                ++authorizationHeaders;
                authorization = QString::fromLatin1(line.mid(14).trimmed());
            }
            if (line.toLower().startsWith("range: bytes=")) {
                const QByteArray spec = line.mid(13);
                from = spec.left(spec.indexOf('-')).toLongLong();
            }
        }
        const QUrlQuery query(QUrl(target).query());
        QByteArray reply;
        if (query.queryItemValue(QStringLiteral("sig")) != m_signature) {
            reply = "HTTP/1.1 403 Forbidden\r\nContent-Length: 0\r\nConnection: close\r\n\r\n";
        } else if (from >= m_body.size()) {
            reply = "HTTP/1.1 416 Range Not Satisfiable\r\nContent-Length: 0\r\n"
                    "Connection: close\r\n\r\n";
        } else {
            const qint64 size = m_body.size();
            reply = (from > 0 ? QByteArray("HTTP/1.1 206 Partial Content\r\n")
                              : QByteArray("HTTP/1.1 200 OK\r\n"))
                    + "Content-Type: video/mp2t\r\nAccept-Ranges: bytes\r\n"
                    + "Content-Length: " + QByteArray::number(size - from) + "\r\n"
                    + (from > 0 ? "Content-Range: bytes " + QByteArray::number(from) + '-'
                                          + QByteArray::number(size - 1) + '/'
                                          + QByteArray::number(size) + "\r\n"
                                : QByteArray())
                    + "Connection: close\r\n\r\n" + m_body.mid(from);
        }
        socket->write(reply);
        socket->disconnectFromHost();
        m_pending.remove(socket);
    }

    QTcpServer m_server;
    QByteArray m_body;
    QString m_signature;
    QHash<QTcpSocket *, QByteArray> m_pending;
};

/** Accepts TCP connections and never answers: a camera that hangs during RTSP set-up. */
class SilentServer : public QObject
{
public:
    SilentServer()
    {
        connect(&m_server, &QTcpServer::newConnection, this, [this] {
            while (QTcpSocket *s = m_server.nextPendingConnection())
                m_sockets.append(s);
        });
    }
    bool listen() { return m_server.listen(QHostAddress::LocalHost, 0); }
    quint16 port() const { return m_server.serverPort(); }
    int connections() const { return int(m_sockets.size()); }

private:
    QTcpServer m_server;
    QList<QPointer<QTcpSocket>> m_sockets;
};

DecoderOptions pacedOptions(double speed = 1.0, qint64 startAtMs = 0)
{
    DecoderOptions options;
    options.lowLatency = false;
    options.paced = true;
    options.speed = speed;
    options.startAtMs = startAtMs;
    return options;
}

SourceConfig sourceFor(const QString &url)
{
    SourceConfig source;
    source.url = url;
    source.openTimeoutMs = 3000;
    return source;
}

/** Fraction of frames released within toleranceMs of their pts (relative to the first). */
double onTimeFraction(const QList<SeenFrame> &seen, double speed, qint64 toleranceMs)
{
    if (seen.size() < 2)
        return 0;
    int onTime = 0;
    for (const SeenFrame &f : seen) {
        const double expected = double(f.ptsMs - seen.first().ptsMs) / speed;
        const double actual = double(f.decodedAtMs - seen.first().decodedAtMs);
        if (std::abs(actual - expected) <= toleranceMs)
            ++onTime;
    }
    return double(onTime) / seen.size();
}

QString describe(const VideoDecoder::Stats &s)
{
    return QStringLiteral("state=%1 error=%2 decoded=%3 shown=%4 late=%5 %6x%7 -> %8x%9 pos=%10 "
                          "first=%11 ms")
            .arg(stateName(s.state), s.lastError)
            .arg(s.framesDecoded)
            .arg(s.framesShown)
            .arg(s.framesLate)
            .arg(s.width)
            .arg(s.height)
            .arg(s.outputWidth)
            .arg(s.outputHeight)
            .arg(s.positionMs)
            .arg(s.firstFrameMs);
}

} // namespace

class TestVideoDecoder : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    QString m_ts, m_mp4;

    /** Plays `url` paced and returns the collector after finished() (or the timeout). */
    void playToEnd(VideoDecoder &decoder, FrameCollector &collector, int timeoutMs)
    {
        QTRY_VERIFY2_WITH_TIMEOUT(collector.finishedCount > 0,
                                  qPrintable(describe(decoder.stats())), timeoutMs);
    }

private slots:
    void initTestCase()
    {
        qRegisterMetaType<vms::media::StreamState>("vms::media::StreamState");
        QVERIFY(m_dir.isValid());
        m_ts = m_dir.filePath(QStringLiteral("clip.ts"));
        m_mp4 = m_dir.filePath(QStringLiteral("clip.mp4"));
        const QString size = QStringLiteral("640x360");
        QString error = makeClip(m_ts, kClipSeconds, size, kClipFps, kClipFps);
        QVERIFY2(error.isEmpty(), qPrintable(error));
        error = makeClip(m_mp4, kClipSeconds, size, kClipFps, kClipFps);
        QVERIFY2(error.isEmpty(), qPrintable(error));
    }

    void pacedPlaysInRealTimeAndFinishes()
    {
        VideoDecoder decoder;
        FrameCollector collector(decoder);
        decoder.open(sourceFor(m_ts), pacedOptions(1.0));
        playToEnd(decoder, collector, 15000);
        QTest::qWait(100); // queued frames and signals
        const auto stats = decoder.stats();
        QVERIFY2(collector.first && collector.last, qPrintable(describe(stats)));
        const qint64 playedMs = collector.finishedAtMs.load() - collector.first->decodedAtMs;
        qInfo("speed 1: %lld ms from the first frame to finished() for %lld ms of video; %s",
              playedMs, kClipLastPtsMs, qPrintable(describe(stats)));
        QVERIFY2(playedMs >= kClipLastPtsMs - 200 && playedMs <= kClipLastPtsMs + 800,
                 qPrintable(QString::number(playedMs)));
        QCOMPARE(collector.first->ptsMs, 0);
        QCOMPARE(collector.first->width, 640);
        QCOMPARE(collector.first->height, 360);
        QVERIFY(collector.first->isKeyframe);
        QVERIFY(collector.last->ptsMs >= kClipLastPtsMs - 40);
        QCOMPARE(stats.framesDecoded, quint64(kClipSeconds * kClipFps));
        QVERIFY2(onTimeFraction(collector.seen, 1.0, 100) >= 0.9,
                 qPrintable(QString::number(onTimeFraction(collector.seen, 1.0, 100))));
        QCOMPARE(collector.finishedCount, 1);
        QVERIFY(stats.finished);
        QCOMPARE(stats.state, StreamState::Offline);
        QCOMPARE(collector.states.first(), StreamState::Connecting);
        QVERIFY(collector.states.contains(StreamState::Online));
        QCOMPARE(collector.states.last(), StreamState::Offline);
        QCOMPARE(stats.codec, QStringLiteral("h264"));
        QVERIFY2(stats.firstFrameMs >= 0 && stats.firstFrameMs < 3000,
                 qPrintable(QString::number(stats.firstFrameMs)));
        // A finished decoder stays finished: nothing more arrives.
        const int frames = int(collector.seen.size());
        QTest::qWait(300);
        QCOMPARE(collector.seen.size(), frames);
        QCOMPARE(collector.finishedCount, 1);
    }

    void speedFourPlaysFourTimesFaster()
    {
        VideoDecoder decoder;
        FrameCollector collector(decoder);
        decoder.open(sourceFor(m_mp4), pacedOptions(4.0));
        playToEnd(decoder, collector, 10000);
        QTest::qWait(100);
        QVERIFY(collector.first);
        const qint64 playedMs = collector.finishedAtMs.load() - collector.first->decodedAtMs;
        qInfo("speed 4: %lld ms for %lld ms of video", playedMs, kClipLastPtsMs);
        // 4x: ~990 ms. Unpaced decoding takes ~100 ms, speed 1 ~4 s.
        QVERIFY2(playedMs >= kClipLastPtsMs / 4 - 100 && playedMs <= kClipLastPtsMs / 4 + 500,
                 qPrintable(QString::number(playedMs)));
        QVERIFY2(onTimeFraction(collector.seen, 4.0, 60) >= 0.8,
                 qPrintable(QString::number(onTimeFraction(collector.seen, 4.0, 60))));
        QCOMPARE(collector.finishedCount, 1);
    }

    void startAtShowsNothingBefore()
    {
        VideoDecoder decoder;
        FrameCollector collector(decoder);
        // 2.1 s lies inside the third GOP: its keyframe (2.0 s) is decoded but not shown.
        decoder.open(sourceFor(m_mp4), pacedOptions(1.0, 2100));
        playToEnd(decoder, collector, 10000);
        QTest::qWait(100);
        QVERIFY(collector.first);
        QVERIFY2(collector.first->ptsMs >= 2100 && collector.first->ptsMs <= 2140,
                 qPrintable(QString::number(collector.first->ptsMs)));
        for (const SeenFrame &f : std::as_const(collector.seen))
            QVERIFY(f.ptsMs >= 2100);
        const qint64 playedMs = collector.finishedAtMs.load() - collector.first->decodedAtMs;
        const qint64 expected = kClipLastPtsMs - collector.first->ptsMs;
        QVERIFY2(std::abs(playedMs - expected) <= 400,
                 qPrintable(QStringLiteral("%1 vs %2").arg(playedMs).arg(expected)));
        // Every frame was decoded (references), only the rest shown.
        const auto stats = decoder.stats();
        QCOMPARE(stats.framesDecoded, quint64(kClipSeconds * kClipFps));
        QVERIFY2(stats.framesShown <= quint64((kClipSeconds * 1000 - 2100) / 40 + 1),
                 qPrintable(describe(stats)));
    }

    void pausedHoldsAndSpeedChangesMidway()
    {
        VideoDecoder decoder;
        FrameCollector collector(decoder);
        decoder.open(sourceFor(m_ts), pacedOptions(1.0));
        QTRY_VERIFY_WITH_TIMEOUT(decoder.stats().positionMs >= 500, 5000);
        decoder.setPaused(true);
        QTest::qWait(100);
        const qint64 heldAt = decoder.stats().positionMs;
        QTest::qWait(800);
        QCOMPARE(decoder.stats().positionMs, heldAt);
        QCOMPARE(collector.finishedCount, 0);
        decoder.setPaused(false);
        QTRY_VERIFY_WITH_TIMEOUT(decoder.stats().positionMs > heldAt, 1000);
        // The remaining ~3 s at speed 8: well under a second instead of three.
        QElapsedTimer timer;
        timer.start();
        decoder.setSpeed(8.0);
        playToEnd(decoder, collector, 5000);
        const qint64 rest = kClipLastPtsMs - heldAt;
        qInfo("paused at %lld ms; the remaining %lld ms at speed 8 took %lld ms", heldAt, rest,
              timer.elapsed());
        QVERIFY2(timer.elapsed() < rest / 8 + 600, qPrintable(QString::number(timer.elapsed())));
        // Speeds are clamped to 0.5 .. 8.
        decoder.open(sourceFor(m_ts), pacedOptions(100.0));
        collector.finishedCount = 0;
        timer.restart();
        playToEnd(decoder, collector, 5000);
        QVERIFY2(timer.elapsed() >= kClipLastPtsMs / 8 - 100,
                 qPrintable(QString::number(timer.elapsed())));
    }

    void lateFramesAreSkippedNotQueued()
    {
        // A consumer that blocks the decoder thread for 30 ms per frame (4x: a frame is due
        // every 10 ms). Playback must keep its clock by skipping conversions of late frames.
        VideoDecoder decoder;
        FrameCollector collector(decoder);
        connect(
                &decoder, &VideoDecoder::frameReady, &collector,
                [&decoder] {
                    decoder.slot().take();
                    QThread::msleep(30);
                },
                Qt::DirectConnection);
        decoder.open(sourceFor(m_ts), pacedOptions(4.0));
        QElapsedTimer timer;
        timer.start();
        playToEnd(decoder, collector, 10000);
        const auto stats = decoder.stats();
        qInfo("4x with a 30 ms consumer: %lld ms; %s", timer.elapsed(),
              qPrintable(describe(stats)));
        QVERIFY2(stats.framesLate > 0, qPrintable(describe(stats)));
        QVERIFY2(timer.elapsed() < kClipLastPtsMs / 4 + 1200,
                 qPrintable(QString::number(timer.elapsed())));
        QCOMPARE(stats.framesDecoded, quint64(kClipSeconds * kClipFps));
    }

    void scalesDownKeepingTheAspect()
    {
        VideoDecoder decoder;
        FrameCollector collector(decoder);
        DecoderOptions options = pacedOptions(8.0);
        options.maxWidth = 320;
        options.maxHeight = 320; // the width limits: 320x180
        decoder.open(sourceFor(m_ts), options);
        QTRY_VERIFY_WITH_TIMEOUT(collector.first.has_value(), 5000);
        const VideoFrame frame = *collector.first;
        QCOMPARE(frame.width, 320);
        QCOMPARE(frame.height, 180);
        QVERIFY(frame.stride >= 320 * 4);
        QCOMPARE(frame.stride % 4, 0);
        QCOMPARE(frame.pixels.size(), qsizetype(frame.stride) * frame.height);
        QVERIFY2(lumaStdDev(frame) > 20, qPrintable(QString::number(lumaStdDev(frame))));
        QVERIFY(isOpaque(frame));
        // Resized on the fly; never enlarged.
        decoder.setMaxSize(1920, 1080);
        QTRY_VERIFY_WITH_TIMEOUT(collector.last && collector.last->width == 640, 3000);
        QCOMPARE(collector.last->height, 360);
        decoder.setMaxSize(200, 100);
        QTRY_VERIFY_WITH_TIMEOUT(collector.last && collector.last->height == 100, 3000);
        QCOMPARE(collector.last->width, 178);
        const auto stats = decoder.stats();
        QCOMPARE(stats.width, 640);
        QCOMPARE(stats.height, 360);
    }

    void bgraPixelsMatchTheSource()
    {
        // A flat picture of a known colour: BGRA bytes must carry it (B, G, R, 0xff).
        const QString red = m_dir.filePath(QStringLiteral("red.ts"));
        const QString ffmpeg = QStandardPaths::findExecutable(QStringLiteral("ffmpeg"));
        QProcess p;
        p.start(ffmpeg, {QStringLiteral("-nostdin"), QStringLiteral("-v"), QStringLiteral("error"),
                         QStringLiteral("-y"), QStringLiteral("-f"), QStringLiteral("lavfi"),
                         QStringLiteral("-i"), QStringLiteral("color=c=0xdc1e28:s=320x240:r=25"),
                         QStringLiteral("-t"), QStringLiteral("1"), QStringLiteral("-c:v"),
                         QStringLiteral("libx264"), QStringLiteral("-qp"), QStringLiteral("0"),
                         QStringLiteral("-pix_fmt"), QStringLiteral("yuv420p"), red});
        QVERIFY(p.waitForFinished(30000));
        QCOMPARE(p.exitCode(), 0);
        VideoDecoder decoder;
        FrameCollector collector(decoder);
        decoder.open(sourceFor(red), pacedOptions(8.0));
        QTRY_VERIFY_WITH_TIMEOUT(collector.first.has_value(), 5000);
        const auto *px = reinterpret_cast<const uchar *>(collector.first->pixels.constData())
                         + 120 * collector.first->stride + 160 * 4;
        qInfo("centre pixel B=%d G=%d R=%d A=%d (source 0x28 0x1e 0xdc)", px[0], px[1], px[2],
              px[3]);
        QVERIFY2(std::abs(px[0] - 0x28) <= 6 && std::abs(px[1] - 0x1e) <= 6
                         && std::abs(px[2] - 0xdc) <= 6,
                 "colour or channel order wrong");
        QCOMPARE(int(px[3]), 0xff);
    }

    void keyframesOnlyDecodesOnePerGop()
    {
        VideoDecoder decoder;
        FrameCollector collector(decoder);
        DecoderOptions options = pacedOptions(4.0);
        options.keyframesOnly = true;
        decoder.open(sourceFor(m_mp4), options);
        playToEnd(decoder, collector, 10000);
        QTest::qWait(100);
        const auto stats = decoder.stats();
        QCOMPARE(stats.framesDecoded, quint64(kClipSeconds)); // GOP = 1 s
        QVERIFY(stats.keyframesOnly);
        QVERIFY(!stats.fellBehind);
        QCOMPARE(collector.seen.size(), qsizetype(kClipSeconds));
        for (const SeenFrame &f : std::as_const(collector.seen)) {
            QVERIFY(f.isKeyframe);
            QCOMPARE(f.ptsMs % 1000, 0);
        }
        // Still paced: 4 keyframes at 0..3 s, 4x: ~750 ms from first to last.
        const qint64 span = collector.seen.last().decodedAtMs - collector.seen.first().decodedAtMs;
        QVERIFY2(span >= 600 && span <= 1200, qPrintable(QString::number(span)));
    }

    void httpArchiveSegmentWithSignedUrl()
    {
        QFile file(m_ts);
        QVERIFY(file.open(QIODevice::ReadOnly));
        ArchiveHttpServer http(file.readAll(), QStringLiteral("c2lnbmVk"));
        QVERIFY(http.listen());
        VideoDecoder decoder;
        FrameCollector collector(decoder);
        decoder.open(sourceFor(http.url(QStringLiteral("c2lnbmVk"))), pacedOptions(2.0, 1000));
        playToEnd(decoder, collector, 10000);
        QTest::qWait(100);
        QVERIFY(collector.first);
        QVERIFY2(collector.first->ptsMs >= 1000 && collector.first->ptsMs <= 1040,
                 qPrintable(QString::number(collector.first->ptsMs)));
        const qint64 playedMs = collector.finishedAtMs.load() - collector.first->decodedAtMs;
        const qint64 expected = (kClipLastPtsMs - collector.first->ptsMs) / 2;
        qInfo("HTTP segment from 1 s at speed 2: %lld ms (expected %lld); requests: %s", playedMs,
              expected, qPrintable(http.targets.join(QStringLiteral(", "))));
        QVERIFY2(std::abs(playedMs - expected) <= 300,
                 qPrintable(QStringLiteral("%1 vs %2").arg(playedMs).arg(expected)));
        QVERIFY(!http.targets.isEmpty());
        for (const QString &t : std::as_const(http.targets))
            QCOMPARE(t, QStringLiteral("/archive/segment.ts?exp=1999999999&sig=c2lnbmVk"));
        QCOMPARE(http.authorizationHeaders, 0);
        QCOMPARE(collector.finishedCount, 1);
    }

    void bearerTokenIsSentWhenGiven()
    {
        QFile file(m_ts);
        QVERIFY(file.open(QIODevice::ReadOnly));
        ArchiveHttpServer http(file.readAll(), QStringLiteral("s"));
        QVERIFY(http.listen());
        VideoDecoder decoder;
        FrameCollector collector(decoder);
        SourceConfig source = sourceFor(http.url(QStringLiteral("s")));
        source.bearerToken = QStringLiteral("eyJ.token.sig");
        decoder.open(source, pacedOptions(8.0));
        playToEnd(decoder, collector, 10000);
        QVERIFY(http.authorizationHeaders > 0);
        QCOMPARE(http.authorizationHeaders, http.targets.size());
        QCOMPARE(http.authorization, QStringLiteral("Bearer eyJ.token.sig"));
    }

    void expiredSignatureIsReported()
    {
        QFile file(m_ts);
        QVERIFY(file.open(QIODevice::ReadOnly));
        ArchiveHttpServer http(file.readAll(), QStringLiteral("good"));
        QVERIFY(http.listen());
        VideoDecoder decoder;
        FrameCollector collector(decoder);
        DecoderOptions options = pacedOptions();
        options.backoffMinMs = 100;
        options.backoffMaxMs = 200;
        decoder.open(sourceFor(http.url(QStringLiteral("stale"))), options);
        QTRY_VERIFY_WITH_TIMEOUT(decoder.stats().connectAttempts >= 2, 5000);
        const auto stats = decoder.stats();
        QVERIFY2(stats.lastError.contains(QStringLiteral("403")), qPrintable(stats.lastError));
        QVERIFY(collector.states.contains(StreamState::Offline));
        QCOMPARE(collector.finishedCount, 0);
        QVERIFY(!collector.first);
    }

    void stopIsQuickWhileConnecting()
    {
        // A camera that accepts the connection and never answers: open() blocks in RTSP set-up.
        SilentServer silent;
        QVERIFY(silent.listen());
        VideoDecoder decoder;
        SourceConfig source
                = sourceFor(QStringLiteral("rtsp://127.0.0.1:%1/stream").arg(silent.port()));
        source.openTimeoutMs = 20000;
        decoder.open(source, DecoderOptions{});
        QTRY_VERIFY_WITH_TIMEOUT(silent.connections() > 0, 5000);
        QTest::qWait(300);
        QCOMPARE(decoder.stats().state, StreamState::Connecting);
        QElapsedTimer timer;
        timer.start();
        decoder.stop();
        const qint64 stopMs = timer.elapsed();
        qInfo("stop() while connecting took %lld ms", stopMs);
        QVERIFY2(stopMs < 1000, qPrintable(QString::number(stopMs)));
        QCOMPARE(decoder.stats().state, StreamState::Offline);
        decoder.stop(); // idempotent
    }

    void closedPortRetriesWithBackoffAndStopsQuickly()
    {
        quint16 port = 0;
        {
            QTcpServer probe;
            QVERIFY(probe.listen(QHostAddress::LocalHost, 0));
            port = probe.serverPort();
        } // closed again: connections are refused
        VideoDecoder decoder;
        FrameCollector collector(decoder);
        DecoderOptions options;
        options.backoffMinMs = 200;
        options.backoffMaxMs = 400;
        decoder.open(sourceFor(QStringLiteral("rtsp://user:secret@127.0.0.1:%1/x").arg(port)),
                     options);
        QTRY_VERIFY_WITH_TIMEOUT(decoder.stats().connectAttempts >= 3, 5000);
        const auto stats = decoder.stats();
        QVERIFY2(stats.lastError.contains(QStringLiteral("refused"), Qt::CaseInsensitive),
                 qPrintable(stats.lastError));
        QVERIFY2(!stats.lastError.contains(QStringLiteral("secret")), qPrintable(stats.lastError));
        QTRY_VERIFY(collector.states.contains(StreamState::Offline));
        QVERIFY(collector.states.contains(StreamState::Connecting));
        QElapsedTimer timer;
        timer.start();
        decoder.stop();
        QVERIFY2(timer.elapsed() < 1000, qPrintable(QString::number(timer.elapsed())));
    }

    void malformedUrlIsAnErrorWithoutRetries()
    {
        VideoDecoder decoder;
        FrameCollector collector(decoder);
        decoder.open(sourceFor(QStringLiteral("gopher://camera/1")), DecoderOptions{});
        QTRY_COMPARE(decoder.stats().state, StreamState::Error);
        QTest::qWait(300);
        const auto stats = decoder.stats();
        QCOMPARE(stats.state, StreamState::Error);
        QCOMPARE(stats.connectAttempts, 0);
        QVERIFY2(stats.lastError.contains(QStringLiteral("scheme")), qPrintable(stats.lastError));
    }

    void missingFileIsAnError()
    {
        VideoDecoder decoder;
        decoder.open(sourceFor(m_dir.filePath(QStringLiteral("nothing-here.ts"))), pacedOptions());
        QTRY_COMPARE(decoder.stats().state, StreamState::Error);
        QCOMPARE(decoder.stats().connectAttempts, 1);
    }

    void reopenSwitchesSources()
    {
        VideoDecoder decoder;
        FrameCollector collector(decoder);
        DecoderOptions options = pacedOptions(1.0);
        decoder.open(sourceFor(m_ts), options);
        QTRY_VERIFY_WITH_TIMEOUT(decoder.stats().positionMs >= 400, 5000);
        // Same decoder, other source and size, from 3 s: restarts at once.
        options.startAtMs = 3000;
        options.maxWidth = 160;
        options.maxHeight = 90;
        collector.clear();
        decoder.open(sourceFor(m_mp4), options);
        QTRY_VERIFY_WITH_TIMEOUT(collector.first.has_value(), 5000);
        QVERIFY2(collector.first->ptsMs >= 3000,
                 qPrintable(QString::number(collector.first->ptsMs)));
        QCOMPARE(collector.first->width, 160);
        playToEnd(decoder, collector, 5000);
        QCOMPARE(collector.finishedCount, 1);
    }

    void generatedPatternIsReleasedInRealTime()
    {
        VideoDecoder decoder;
        FrameCollector collector(decoder);
        decoder.open(sourceFor(QStringLiteral("testsrc://?size=320x240&rate=25")),
                     DecoderOptions{});
        QTRY_VERIFY_WITH_TIMEOUT(collector.first.has_value(), 5000);
        QTest::qWait(2000);
        const auto stats = decoder.stats();
        qInfo("testsrc: %s decodedFps=%.1f", qPrintable(describe(stats)), stats.decodedFps);
        QCOMPARE(stats.state, StreamState::Online);
        QVERIFY2(stats.decodedFps > 20 && stats.decodedFps < 30,
                 qPrintable(QString::number(stats.decodedFps)));
        QCOMPARE(collector.first->width, 320);
        QCOMPARE(collector.finishedCount, 0);
    }
};

QTEST_GUILESS_MAIN(TestVideoDecoder)
#include "tst_video_decoder.moc"
