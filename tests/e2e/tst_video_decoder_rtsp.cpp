// vms::media::VideoDecoder against the RTSP test server (gst-rtsp-server, real H.264): live 720p
// to BGRA with the time to the first frame, scaling to tile size, keyframes only, a slow
// consumer, falling behind and catching up, reconnecting after the server restarts.
#include "core/media/video_decoder.h"
#include "tests/support/rtsp_test_server.h"
#include "tests/unit/video_test_util.h"

#include <QElapsedTimer>
#include <QTest>
#include <QThread>

#include <atomic>

using namespace vms::media;
using namespace vms::media::test;
using vms::test::RtspTestServer;

namespace {

SourceConfig sourceFor(const QUrl &url)
{
    SourceConfig source;
    source.url = url.toString();
    source.openTimeoutMs = 3000;
    return source;
}

QString describe(const VideoDecoder::Stats &s)
{
    return QStringLiteral("state=%1 error=%2 decoded=%3 shown=%4 decodedFps=%5 inputFps=%6 "
                          "%7x%8 -> %9x%10 kfOnly=%11 behind=%12 falls=%13 lag=%14 first=%15 ms")
            .arg(stateName(s.state), s.lastError)
            .arg(s.framesDecoded)
            .arg(s.framesShown)
            .arg(s.decodedFps, 0, 'f', 1)
            .arg(s.inputFps, 0, 'f', 1)
            .arg(s.width)
            .arg(s.height)
            .arg(s.outputWidth)
            .arg(s.outputHeight)
            .arg(s.keyframesOnly)
            .arg(s.fellBehind)
            .arg(s.fallBehindCount)
            .arg(s.lagMs)
            .arg(s.firstFrameMs);
}

} // namespace

class TestVideoDecoderRtsp : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase() { qRegisterMetaType<vms::media::StreamState>("vms::media::StreamState"); }

    void liveMainStreamTo720pBgra()
    {
        RtspTestServer rtsp;
        QVERIFY2(rtsp.start(), qPrintable(rtsp.errorString()));
        VideoDecoder decoder;
        FrameCollector collector(decoder);
        decoder.open(sourceFor(rtsp.url()), DecoderOptions{});
        QTRY_VERIFY2_WITH_TIMEOUT(collector.first.has_value(),
                                  qPrintable(describe(decoder.stats())), 10000);
        const VideoFrame frame = *collector.first;
        QCOMPARE(frame.width, 1280);
        QCOMPARE(frame.height, 720);
        QVERIFY(frame.stride >= 1280 * 4);
        QCOMPARE(frame.pixels.size(), qsizetype(frame.stride) * frame.height);
        // The SMPTE bars and the clock overlay: far from a flat (grey, black) picture.
        QVERIFY2(lumaStdDev(frame) > 30, qPrintable(QString::number(lumaStdDev(frame))));
        QVERIFY(isOpaque(frame));
        QVERIFY(frame.isKeyframe);
        const qint64 decodedAt = frame.decodedAtMs;
        QVERIFY(std::abs(decodedAt - QDateTime::currentMSecsSinceEpoch()) < 5000);

        QTest::qWait(3000);
        const auto stats = decoder.stats();
        qInfo("live /test: %s", qPrintable(describe(stats)));
        QCOMPARE(stats.state, StreamState::Online);
        QVERIFY2(stats.firstFrameMs > 0 && stats.firstFrameMs < 3000,
                 qPrintable(QString::number(stats.firstFrameMs)));
        QVERIFY2(stats.decodedFps > 20 && stats.decodedFps < 30, qPrintable(describe(stats)));
        QVERIFY2(stats.inputFps > 20 && stats.inputFps < 30, qPrintable(describe(stats)));
        QVERIFY(stats.bitrate > 100'000);
        QCOMPARE(stats.codec, QStringLiteral("h264"));
        QCOMPARE(stats.width, 1280);
        QCOMPARE(stats.height, 720);
        QVERIFY(!stats.keyframesOnly);
        QVERIFY(!stats.fellBehind);
        // The consumer took (almost) every frame: ~75 in 3 s, pictures moving on.
        QVERIFY2(collector.seen.size() > 50, qPrintable(QString::number(collector.seen.size())));
        QVERIFY(collector.last->ptsMs > collector.first->ptsMs + 2000);
        for (int i = 1; i < collector.seen.size(); ++i) {
            QVERIFY2(collector.seen[i].ptsMs > collector.seen[i - 1].ptsMs,
                     qPrintable(QStringLiteral("frame %1: %2 after %3")
                                        .arg(i)
                                        .arg(collector.seen[i].ptsMs)
                                        .arg(collector.seen[i - 1].ptsMs)));
        }
        QCOMPARE(collector.states.value(0), StreamState::Connecting);
        QCOMPARE(collector.states.value(1), StreamState::Online);
        QElapsedTimer timer;
        timer.start();
        decoder.stop();
        QVERIFY2(timer.elapsed() < 1000, qPrintable(QString::number(timer.elapsed())));
    }

    void scalesToTileSize()
    {
        RtspTestServer rtsp;
        QVERIFY2(rtsp.start(), qPrintable(rtsp.errorString()));
        VideoDecoder decoder;
        FrameCollector collector(decoder);
        DecoderOptions options;
        options.maxWidth = 320;
        options.maxHeight = 180;
        decoder.open(sourceFor(rtsp.url()), options);
        QTRY_VERIFY_WITH_TIMEOUT(collector.first.has_value(), 10000);
        QCOMPARE(collector.first->width, 320);
        QCOMPARE(collector.first->height, 180);
        QCOMPARE(collector.first->pixels.size(),
                 qsizetype(collector.first->stride) * collector.first->height);
        QVERIFY2(lumaStdDev(*collector.first) > 30,
                 qPrintable(QString::number(lumaStdDev(*collector.first))));
        QVERIFY(isOpaque(*collector.first));
        // A maximised tile: the size changes without reconnecting.
        const int attempts = decoder.stats().connectAttempts;
        decoder.setMaxSize(640, 640);
        QTRY_VERIFY_WITH_TIMEOUT(collector.last && collector.last->width == 640, 3000);
        QCOMPARE(collector.last->height, 360);
        QCOMPARE(decoder.stats().connectAttempts, attempts);
        QCOMPARE(decoder.stats().width, 1280);
    }

    void keyframesOnlyDecodesAboutFpsOverGop()
    {
        RtspTestServer rtsp;
        // 25 fps, a keyframe every 25 frames: 1 keyframe per second.
        QVERIFY2(rtsp.start({QStringLiteral("--fps"), QStringLiteral("25"), QStringLiteral("--gop"),
                             QStringLiteral("25")}),
                 qPrintable(rtsp.errorString()));
        VideoDecoder decoder;
        FrameCollector collector(decoder);
        DecoderOptions options;
        options.keyframesOnly = true;
        decoder.open(sourceFor(rtsp.url(QStringLiteral("sub"))), options);
        QTRY_VERIFY_WITH_TIMEOUT(collector.first.has_value(), 10000);
        const quint64 before = decoder.stats().framesDecoded;
        QTest::qWait(6000);
        const auto stats = decoder.stats();
        const quint64 decoded = stats.framesDecoded - before;
        qInfo("keyframes only, fps 25 gop 25: %llu frames in 6 s; %s", decoded,
              qPrintable(describe(stats)));
        QVERIFY2(decoded >= 4 && decoded <= 8, qPrintable(QString::number(decoded)));
        QVERIFY(stats.keyframesOnly);
        QVERIFY(!stats.fellBehind);
        QVERIFY2(stats.inputFps > 20, qPrintable(describe(stats))); // every packet still read
        for (const SeenFrame &f : std::as_const(collector.seen))
            QVERIFY(f.isKeyframe);
        // And back to every frame.
        decoder.setKeyframesOnly(false);
        QTest::qWait(3000);
        const auto full = decoder.stats();
        QVERIFY2(full.decodedFps > 20, qPrintable(describe(full)));
        QVERIFY(!full.keyframesOnly);
    }

    void slowConsumerGetsTheNewestAndDropsAreCounted()
    {
        RtspTestServer rtsp;
        QVERIFY2(rtsp.start(), qPrintable(rtsp.errorString()));
        VideoDecoder decoder;
        FrameCollector collector(decoder);
        collector.taking = false; // the consumer below takes 5 times a second
        DecoderOptions options;
        options.maxWidth = 320;
        options.maxHeight = 180;
        decoder.open(sourceFor(rtsp.url(QStringLiteral("sub"))), options);
        QTRY_VERIFY_WITH_TIMEOUT(decoder.slot().produced() > 0, 10000);
        const quint64 produced0 = decoder.slot().produced();
        const quint64 dropped0 = decoder.slot().dropped();
        const quint64 taken0 = decoder.slot().taken();
        QList<qint64> pts;
        for (int i = 0; i < 15; ++i) {
            QTest::qWait(200);
            if (auto f = decoder.slot().take())
                pts.append(f->ptsMs);
        }
        const quint64 produced = decoder.slot().produced() - produced0;
        const quint64 dropped = decoder.slot().dropped() - dropped0;
        const quint64 taken = decoder.slot().taken() - taken0;
        qInfo("slow consumer (5/s) on 25 fps: produced %llu taken %llu dropped %llu", produced,
              taken, dropped);
        QVERIFY2(produced >= 60, qPrintable(QString::number(produced)));
        QVERIFY2(taken >= 12 && taken <= 16, qPrintable(QString::number(taken)));
        QVERIFY2(dropped >= produced - taken - 2, qPrintable(QString::number(dropped)));
        for (int i = 1; i < pts.size(); ++i)
            QVERIFY2(pts[i] - pts[i - 1] >= 120, "not the newest frame");
        // Coalesced signals: one per take at most, not one per frame.
        QVERIFY2(collector.notifications <= int(taken) + 2,
                 qPrintable(QString::number(collector.notifications)));
        QVERIFY(!decoder.stats().fellBehind); // a slow GUI is not slow decoding
    }

    void fallsBehindThenCatchesUp()
    {
        RtspTestServer rtsp;
        QVERIFY2(rtsp.start(), qPrintable(rtsp.errorString()));
        VideoDecoder decoder;
        // Work on the decoder's own thread (a direct connection), 90 ms per frame: the thread
        // manages ~11 of the 25 frames a second, as a starved CPU would.
        std::atomic<bool> slow{true};
        connect(
                &decoder, &VideoDecoder::frameReady, &decoder,
                [&] {
                    decoder.slot().take();
                    if (slow.load())
                        QThread::msleep(90);
                },
                Qt::DirectConnection);
        DecoderOptions options;
        options.maxWidth = 320;
        options.maxHeight = 180;
        options.holdMs = 1000;
        decoder.open(sourceFor(rtsp.url(QStringLiteral("sub"))), options);
        QTRY_VERIFY2_WITH_TIMEOUT(decoder.stats().fellBehind, qPrintable(describe(decoder.stats())),
                                  15000);
        auto stats = decoder.stats();
        qInfo("fell behind: %s", qPrintable(describe(stats)));
        QVERIFY(stats.keyframesOnly);
        QVERIFY(stats.fallBehindCount >= 1);
        QCOMPARE(stats.state, StreamState::Online);
        // Keyframes only drains the backlog: every decoded frame is a keyframe meanwhile.
        slow.store(false);
        QTRY_VERIFY2_WITH_TIMEOUT(!decoder.stats().fellBehind,
                                  qPrintable(describe(decoder.stats())), 15000);
        QTest::qWait(2500);
        stats = decoder.stats();
        qInfo("caught up: %s", qPrintable(describe(stats)));
        QVERIFY(!stats.fellBehind);
        QVERIFY(!stats.keyframesOnly);
        QVERIFY2(stats.decodedFps > 20, qPrintable(describe(stats)));
        QVERIFY2(stats.lagMs < options.fallBehindMs, qPrintable(describe(stats)));
    }

    void reconnectsAfterServerRestart()
    {
        RtspTestServer rtsp;
        QVERIFY2(rtsp.start(), qPrintable(rtsp.errorString()));
        VideoDecoder decoder;
        FrameCollector collector(decoder);
        DecoderOptions options;
        options.maxWidth = 320;
        options.maxHeight = 180;
        options.backoffMinMs = 200;
        options.backoffMaxMs = 1000;
        SourceConfig source = sourceFor(rtsp.url());
        source.openTimeoutMs = 2000;
        decoder.open(source, options);
        QTRY_VERIFY_WITH_TIMEOUT(collector.first.has_value(), 10000);
        QCOMPARE(decoder.stats().connectAttempts, 1);

        rtsp.kill(); // abrupt: no TEARDOWN, the TCP connection just dies
        QTRY_VERIFY2_WITH_TIMEOUT(decoder.stats().state != StreamState::Online,
                                  qPrintable(describe(decoder.stats())), 10000);
        QTRY_VERIFY_WITH_TIMEOUT(collector.states.contains(StreamState::Offline), 5000);
        QTest::qWait(1500); // a few refused attempts
        QVERIFY2(decoder.stats().connectAttempts >= 2, qPrintable(describe(decoder.stats())));
        const qsizetype framesBefore = collector.seen.size();

        QVERIFY2(rtsp.start({}, rtsp.port()), qPrintable(rtsp.errorString()));
        QTRY_VERIFY2_WITH_TIMEOUT(collector.seen.size() > framesBefore + 10,
                                  qPrintable(describe(decoder.stats())), 15000);
        const auto stats = decoder.stats();
        qInfo("after restart: %s", qPrintable(describe(stats)));
        QCOMPARE(stats.state, StreamState::Online);
        QCOMPARE(collector.states.last(), StreamState::Online);
        QVERIFY(lumaStdDev(*collector.last) > 30);
        // The timeline starts again with the new connection.
        QVERIFY(collector.seen.last().ptsMs < 10000);
    }
};

QTEST_GUILESS_MAIN(TestVideoDecoderRtsp)
#include "tst_video_decoder_rtsp.moc"
