// Unit tests of the pure parts of core/media: the monotonic timeline, the rate meter, the
// reconnect backoff, the wall-clock mapping and source URL parsing (credentials, file URLs,
// testsrc parameters).
#include "core/media/backoff.h"
#include "core/media/packet_source.h"
#include "core/media/rate_meter.h"
#include "core/media/timeline.h"
#include "core/media/wall_clock_mapper.h"

#include <QTest>

using namespace vms::media;

class TestMediaUnits : public QObject
{
    Q_OBJECT

private slots:
    void stateNames()
    {
        QCOMPARE(stateName(StreamState::Connecting), QStringLiteral("connecting"));
        QCOMPARE(stateName(StreamState::Online), QStringLiteral("online"));
        QCOMPARE(stateName(StreamState::Offline), QStringLiteral("offline"));
        QCOMPARE(stateName(StreamState::Error), QStringLiteral("error"));
    }

    void timelineStartsAtOriginAndFollowsSource()
    {
        Timeline t;
        auto a = t.map(5'000'000, 5'080'000, 40'000);
        QCOMPARE(a.dtsUs, Timeline::kOriginUs);
        QCOMPARE(a.ptsUs, Timeline::kOriginUs + 80'000); // reordering delay kept
        auto b = t.map(5'040'000, 5'040'000, 40'000);
        QCOMPARE(b.dtsUs, Timeline::kOriginUs + 40'000);
        QCOMPARE(t.endUs(), Timeline::kOriginUs + 80'000);
    }

    void timelineBackwardJumpContinues()
    {
        Timeline t;
        t.map(1'000'000, 1'000'000, 40'000);
        t.map(1'040'000, 1'040'000, 40'000);
        // RTSP resynchronisation stepped the source clock back by 30 s.
        auto c = t.map(-29'000'000, -29'000'000, 40'000);
        QCOMPARE(c.dtsUs, Timeline::kOriginUs + 80'000);
        auto d = t.map(-28'960'000, -28'960'000, 40'000);
        QCOMPARE(d.dtsUs, Timeline::kOriginUs + 120'000);
    }

    void timelineForwardLeapContinues()
    {
        Timeline t;
        t.map(0, 0, 40'000);
        auto b = t.map(Timeline::kMaxForwardJumpUs + 1'000'000,
                       Timeline::kMaxForwardJumpUs + 1'000'000, 40'000);
        QCOMPARE(b.dtsUs, Timeline::kOriginUs + 40'000);
        // A real pause shorter than the limit is kept.
        auto c = t.map(Timeline::kMaxForwardJumpUs + 3'000'000,
                       Timeline::kMaxForwardJumpUs + 3'000'000, 40'000);
        QCOMPARE(c.dtsUs, Timeline::kOriginUs + 40'000 + 2'000'000);
    }

    void timelineFileLoopIsContinuous()
    {
        Timeline t;
        for (int i = 0; i < 50; ++i)
            t.map(i * 40'000, i * 40'000, 40'000);
        const qint64 end = t.endUs();
        t.markDiscontinuity(); // the file was rewound: the source restarts at 0
        auto first = t.map(0, 0, 40'000);
        QCOMPARE(first.dtsUs, end);
        auto second = t.map(40'000, 40'000, 40'000);
        QCOMPARE(second.dtsUs, end + 40'000);
    }

    void timelineReconnectKeepsTheGap()
    {
        Timeline t;
        t.map(100, 100, 40'000);
        const qint64 end = t.endUs();
        t.startConnection(3'000'000);
        auto a = t.map(999'999'999, 999'999'999, 40'000); // the camera's new clock
        QCOMPARE(a.dtsUs, end + 3'000'000);
    }

    void timelineWithoutTimestamps()
    {
        Timeline t;
        t.setNominalDurationUs(33'333);
        auto a = t.map(std::nullopt, std::nullopt, 0);
        auto b = t.map(std::nullopt, std::nullopt, 0);
        auto c = t.map(std::nullopt, std::nullopt, 0);
        QCOMPARE(a.durationUs, qint64(33'333));
        QCOMPARE(b.dtsUs - a.dtsUs, qint64(33'333));
        QCOMPARE(c.dtsUs - b.dtsUs, qint64(33'333));
        QCOMPARE(c.ptsUs, c.dtsUs);
    }

    void timelineStrictlyIncreasing()
    {
        Timeline t;
        t.map(0, 0, 40'000);
        auto same = t.map(0, 0, 40'000); // a duplicate timestamp
        QVERIFY(same.dtsUs > Timeline::kOriginUs);
    }

    void rateMeter()
    {
        RateMeter meter(5'000'000);
        QCOMPARE(meter.fps(), 0.0);
        // 10 s of 25 fps, 10 kB per frame: the window keeps the last 5 s.
        for (int i = 0; i < 250; ++i)
            meter.add(i * 40'000, 40'000, 10'000);
        QVERIFY2(qAbs(meter.fps() - 25.0) < 0.01, qPrintable(QString::number(meter.fps())));
        QVERIFY2(qAbs(meter.bitrate() - 2'000'000) < 1000,
                 qPrintable(QString::number(meter.bitrate())));
        meter.clear();
        QCOMPARE(meter.bitrate(), qint64(0));
    }

    void backoffDoublesAndCaps()
    {
        Backoff b(500, 3000, 0.0);
        QCOMPARE(b.nextDelayMs(), 500);
        QCOMPARE(b.nextDelayMs(), 1000);
        QCOMPARE(b.nextDelayMs(), 2000);
        QCOMPARE(b.nextDelayMs(), 3000);
        QCOMPARE(b.nextDelayMs(), 3000);
        for (int i = 0; i < 100; ++i) // no shift overflow
            QCOMPARE(b.nextDelayMs(), 3000);
        b.reset();
        QCOMPARE(b.nextDelayMs(), 500);
    }

    void backoffJitterStaysInBounds()
    {
        for (int i = 0; i < 200; ++i) {
            Backoff b(1000, 30000);
            b.nextDelayMs();
            const int second = b.nextDelayMs();
            QVERIFY2(second >= 1800 && second <= 2200, qPrintable(QString::number(second)));
        }
    }

    void wallClockMapper()
    {
        WallClockMapper m;
        QCOMPARE(m.map(1'000'000, 50'000), qint64(50'000));
        QCOMPARE(m.map(1'040'000, 50'100), qint64(50'040)); // stream time, not arrival jitter
        QCOMPARE(m.wallAt(3'000'000), qint64(52'000));
        // The camera clock is 5 s behind ours now: re-anchor on the arrival.
        QCOMPARE(m.map(1'080'000, 55'200), qint64(55'200));
    }

    void parseSource_data()
    {
        QTest::addColumn<QString>("url");
        QTest::addColumn<QString>("user");
        QTest::addColumn<QString>("password");
        QTest::addColumn<int>("kind");
        QTest::addColumn<QString>("ffmpegUrl");
        QTest::addColumn<QString>("displayUrl");
        using K = SourceAddress::Kind;
        QTest::newRow("rtsp credentials injected, percent-encoded")
                << "rtsp://cam.local:554/stream1"
                << "ad@min"
                << "p:ss/w@rd" << int(K::Rtsp)
                << "rtsp://ad%40min:p:ss%2Fw%40rd@cam.local:554/stream1"
                << "rtsp://ad%40min@cam.local:554/stream1";
        QTest::newRow("userinfo in the URL wins") << "rtsp://u:p@cam/x"
                                                  << "other"
                                                  << "secret" << int(K::Rtsp) << "rtsp://u:p@cam/x"
                                                  << "rtsp://u@cam/x";
        QTest::newRow("http user only") << "http://10.0.0.2/video.mjpg"
                                        << "viewer"
                                        << "" << int(K::Http) << "http://viewer@10.0.0.2/video.mjpg"
                                        << "http://viewer@10.0.0.2/video.mjpg";
        QTest::newRow("rtsps no credentials") << "rtsps://cam/x"
                                              << ""
                                              << "" << int(K::Rtsp) << "rtsps://cam/x"
                                              << "rtsps://cam/x";
        QTest::newRow("file url") << "file:///var/video/a%20b.mp4"
                                  << "u"
                                  << "secret" << int(K::File) << "/var/video/a b.mp4"
                                  << "/var/video/a b.mp4";
        QTest::newRow("absolute path") << "/var/video/x.mp4"
                                       << ""
                                       << "" << int(K::File) << "/var/video/x.mp4"
                                       << "/var/video/x.mp4";
    }

    void parseSource()
    {
        QFETCH(QString, url);
        QFETCH(QString, user);
        QFETCH(QString, password);
        QFETCH(int, kind);
        QFETCH(QString, ffmpegUrl);
        QFETCH(QString, displayUrl);
        SourceConfig config;
        config.url = url;
        config.username = user;
        config.password = password;
        auto parsed = vms::media::parseSource(config);
        QVERIFY2(parsed.hasValue(),
                 qPrintable(parsed.hasValue() ? QString() : parsed.error().message));
        QCOMPARE(int(parsed->kind), kind);
        QCOMPARE(parsed->ffmpegUrl, ffmpegUrl);
        QCOMPARE(parsed->displayUrl, displayUrl);
        QVERIFY(password.isEmpty() || !parsed->displayUrl.contains(password));
    }

    void parseBearerToken()
    {
        SourceConfig config;
        config.url
                = QStringLiteral("http://127.0.0.1:8470/api/v1/archive/signed/1/s/segments/2.ts");
        config.bearerToken = QStringLiteral("abc.def.ghi");
        auto parsed = vms::media::parseSource(config);
        QVERIFY(parsed.hasValue());
        QCOMPARE(parsed->httpHeaders, QStringLiteral("Authorization: Bearer abc.def.ghi\r\n"));
        QVERIFY(!parsed->displayUrl.contains(QStringLiteral("abc.def")));
        // Only HTTP sends headers; a line break cannot smuggle in another header.
        config.url = QStringLiteral("rtsp://127.0.0.1/x");
        QVERIFY(vms::media::parseSource(config)->httpHeaders.isEmpty());
        config.url = QStringLiteral("http://127.0.0.1/x");
        config.bearerToken = QStringLiteral("abc\r\nX-Evil: 1");
        QVERIFY(!vms::media::parseSource(config).hasValue());
    }

    void parseTestPattern()
    {
        SourceConfig config;
        config.url = QStringLiteral("testsrc://?size=640x360&rate=30&bitrate_kbps=800&gop=60");
        auto parsed = vms::media::parseSource(config);
        QVERIFY(parsed.hasValue());
        QCOMPARE(int(parsed->kind), int(SourceAddress::Kind::TestPattern));
        QCOMPARE(parsed->pattern.width, 640);
        QCOMPARE(parsed->pattern.height, 360);
        QCOMPARE(parsed->pattern.rate, 30);
        QCOMPARE(parsed->pattern.bitrateKbps, 800);
        QCOMPARE(parsed->pattern.gop, 60);
        config.url = QStringLiteral("testsrc://?rate=10");
        parsed = vms::media::parseSource(config);
        QVERIFY(parsed.hasValue());
        QCOMPARE(parsed->pattern.width, 1280);
        QCOMPARE(parsed->pattern.gop, 10); // one keyframe per second by default
        QCOMPARE(parsed->pattern.codec, QStringLiteral("h264"));
        config.url = QStringLiteral("testsrc://?codec=HEVC");
        parsed = vms::media::parseSource(config);
        QVERIFY(parsed.hasValue());
        QCOMPARE(parsed->pattern.codec, QStringLiteral("hevc"));
    }

    void parseRejects_data()
    {
        QTest::addColumn<QString>("url");
        QTest::addColumn<QString>("transport");
        QTest::newRow("empty") << ""
                               << "tcp";
        QTest::newRow("scheme") << "ftp://cam/x"
                                << "tcp";
        QTest::newRow("no host") << "rtsp:///x"
                                 << "tcp";
        QTest::newRow("transport") << "rtsp://cam/x"
                                   << "sctp";
        QTest::newRow("odd size") << "testsrc://?size=641x360"
                                  << "tcp";
        QTest::newRow("size text") << "testsrc://?size=big"
                                   << "tcp";
        QTest::newRow("rate") << "testsrc://?rate=0"
                              << "tcp";
        QTest::newRow("bitrate") << "testsrc://?bitrate_kbps=abc"
                                 << "tcp";
        QTest::newRow("codec") << "testsrc://?codec=vp9"
                               << "tcp";
        QTest::newRow("file host") << "file://server/share/x.mp4"
                                   << "tcp";
    }

    void parseRejects()
    {
        QFETCH(QString, url);
        QFETCH(QString, transport);
        SourceConfig config;
        config.url = url;
        config.transport = transport;
        auto parsed = vms::media::parseSource(config);
        QVERIFY(!parsed.hasValue());
        QCOMPARE(parsed.error().kind, vms::ErrorKind::InvalidArgument);
        QVERIFY(!parsed.error().message.isEmpty());
    }
};

QTEST_GUILESS_MAIN(TestMediaUnits)
#include "tst_media_units.moc"
