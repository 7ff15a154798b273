// Unit tests of vms::media::SegmentRecorder (core/media/segment_recorder.h), fed with the test
// pattern's packets as fast as they are encoded, with wall-clock times made up by the test:
// keyframe alignment, names, contiguous times, continuous timestamps, a full disk, and what a
// killed writer leaves behind.
#include "core/media/media_probe.h"
#include "core/media/segment_recorder.h"
#include "core/media/timeline.h"
#include "core/media/wall_clock_mapper.h"
#include "tests/unit/media_test_util.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QTemporaryDir>
#include <QTest>

using namespace vms::media;

namespace {

// 2026-03-01T12:00:00Z
constexpr qint64 kT0 = 1772366400000;

/** Feeds frames [0, count) of a pattern into a recorder; wall time = kT0 + 40 ms per frame. */
struct Feeder
{
    static TestPatternParams params(int gop = 25, int rate = 25)
    {
        TestPatternParams p;
        p.width = 320;
        p.height = 240;
        p.rate = rate;
        p.gop = gop;
        p.bitrateKbps = 300;
        return p;
    }
    explicit Feeder(int gop = 25, int rate = 25)
        : Feeder(params(gop, rate))
    {}
    explicit Feeder(const TestPatternParams &p)
    {
        auto opened = TestPatternSource::open(p);
        if (opened)
            source = std::move(*opened);
        else
            error = opened.error().message;
    }

    /** Runs frames through; returns closed segments and errors. */
    void feed(SegmentRecorder &recorder, int count, int skipFirst = 0)
    {
        for (int i = 0; i < count; ++i) {
            bool discontinuity = false;
            if (auto st = source->read(packet.get(), &discontinuity); !st) {
                errors.append(st.error().message);
                return;
            }
            if (i < skipFirst) {
                ++frame;
                continue;
            }
            const AVRational tb = source->timeBase();
            const AVRational us{1, AV_TIME_BASE};
            auto stamp = timeline.map(av_rescale_q(packet->dts, tb, us),
                                      av_rescale_q(packet->pts, tb, us),
                                      av_rescale_q(packet->duration, tb, us));
            const qint64 wallMs
                    = wall.map(stamp.dtsUs, kT0 + qint64(frame * 1000 / source->frameRate()));
            ++frame;
            collect(recorder.write(packet.get(), stamp, wallMs));
        }
    }
    void finish(SegmentRecorder &recorder)
    {
        collect(recorder.finish(wall.wallAt(timeline.endUs())));
    }
    void collect(const SegmentRecorder::Outcome &o)
    {
        if (o.closed)
            closed.append(*o.closed);
        if (!o.error.isEmpty())
            errors.append(o.error);
    }

    std::unique_ptr<TestPatternSource> source;
    QString error;
    vms::media::av::PacketPtr packet = vms::media::av::makePacket();
    Timeline timeline;
    WallClockMapper wall;
    qint64 frame = 0;
    QList<SegmentInfo> closed;
    QStringList errors;
};

QStringList filesUnder(const QString &dir)
{
    QStringList out;
    const auto days = QDir(dir).entryInfoList(QDir::Dirs | QDir::NoDotAndDotDot);
    for (const QFileInfo &day : days) {
        for (const QString &f : QDir(day.filePath()).entryList(QDir::Files, QDir::Name))
            out.append(day.fileName() + QLatin1Char('/') + f);
    }
    return out;
}

} // namespace

class TestSegmentRecorder : public QObject
{
    Q_OBJECT

private slots:
    void keyframeAlignedContiguousSegments()
    {
        QTemporaryDir dir;
        Feeder f(25);
        QVERIFY2(f.source, qPrintable(f.error));
        SegmentRecorder recorder(dir.path(), 2);
        recorder.setCodecParameters(f.source->codecParameters());
        f.feed(recorder, 130);
        QVERIFY(recorder.isOpen());
        f.finish(recorder);
        QVERIFY2(f.errors.isEmpty(), qPrintable(f.errors.join(u'\n')));
        QCOMPARE(f.closed.size(), 3);

        // Names: <day UTC>/<startMs>.ts; no .part left.
        QCOMPARE(filesUnder(dir.path()),
                 QStringList({QStringLiteral("20260301/%1.ts").arg(kT0),
                              QStringLiteral("20260301/%1.ts").arg(kT0 + 2000),
                              QStringLiteral("20260301/%1.ts").arg(kT0 + 4000)}));
        QCOMPARE(f.closed[0].path, SegmentRecorder::segmentPath(dir.path(), kT0));
        // Wall-clock times: contiguous, each split at the keyframe at 2 s.
        QCOMPARE(f.closed[0].startMs, kT0);
        QCOMPARE(f.closed[0].endMs, kT0 + 2000);
        QCOMPARE(f.closed[1].startMs, kT0 + 2000);
        QCOMPARE(f.closed[1].endMs, kT0 + 4000);
        QCOMPARE(f.closed[2].startMs, kT0 + 4000);
        QCOMPARE(f.closed[2].endMs, kT0 + 5200); // 30 frames
        qint64 previousEndUs = -1;
        for (const SegmentInfo &s : f.closed) {
            QVERIFY(s.hasVideo);
            QCOMPARE(s.bytes, QFileInfo(s.path).size());
            QVERIFY(s.bytes > 10'000);
            auto probe = probeFile(s.path);
            QVERIFY2(probe.hasValue(),
                     qPrintable(probe.hasValue() ? QString() : probe.error().message));
            QCOMPARE(probe->codec, QStringLiteral("h264"));
            QCOMPARE(probe->width, 320);
            QCOMPARE(probe->height, 240);
            QVERIFY(probe->hasKeyframe);
            QVERIFY(probe->decodes);
            QCOMPARE(probe->durationMs, s.endMs - s.startMs);
            // Every segment decodes alone from its first packet (starts with SPS/PPS + IDR).
            auto decoded = vms::media::test::decodeFile(s.path);
            QVERIFY2(decoded.error.isEmpty(), qPrintable(decoded.error));
            QCOMPARE(decoded.frames, int(probe->packets));
            QCOMPARE(qint64(decoded.frames), (s.endMs - s.startMs) / 40);
            // Timestamps continue from one segment to the next (HLS plays across them).
            if (previousEndUs >= 0)
                QCOMPARE(decoded.dtsUs.first(), previousEndUs);
            previousEndUs = decoded.dtsUs.last() + 40'000;
            for (int i = 1; i < decoded.dtsUs.size(); ++i)
                QCOMPARE(decoded.dtsUs[i] - decoded.dtsUs[i - 1], qint64(40'000));
            QCOMPARE(decoded.corruptPackets, 0);
        }

        // An HLS v3 playlist over the files as they are plays them as one stream: timestamps
        // continue, and no frame at a boundary is taken for corrupt (TS continuity counters).
        const QString playlist = dir.filePath(QStringLiteral("index.m3u8"));
        QFile m3u8(playlist);
        QVERIFY(m3u8.open(QIODevice::WriteOnly));
        m3u8.write("#EXTM3U\n#EXT-X-VERSION:3\n#EXT-X-TARGETDURATION:2\n"
                   "#EXT-X-PLAYLIST-TYPE:VOD\n");
        for (const SegmentInfo &s : std::as_const(f.closed)) {
            m3u8.write(QStringLiteral("#EXTINF:%1,\n%2\n")
                               .arg((s.endMs - s.startMs) / 1000.0, 0, 'f', 3)
                               .arg(QDir(dir.path()).relativeFilePath(s.path))
                               .toUtf8());
        }
        m3u8.write("#EXT-X-ENDLIST\n");
        m3u8.close();
        auto hls = vms::media::test::decodeFile(playlist);
        QVERIFY2(hls.error.isEmpty(), qPrintable(hls.error));
        QCOMPARE(hls.frames, 130);
        QCOMPARE(hls.corruptPackets, 0);
        for (int i = 1; i < hls.dtsUs.size(); ++i)
            QCOMPARE(hls.dtsUs[i] - hls.dtsUs[i - 1], qint64(40'000));
    }

    void splitsAtFirstKeyframeAfterLength()
    {
        QTemporaryDir dir;
        Feeder f(30); // a keyframe every 1.2 s
        QVERIFY2(f.source, qPrintable(f.error));
        SegmentRecorder recorder(dir.path(), 1);
        recorder.setCodecParameters(f.source->codecParameters());
        f.feed(recorder, 100);
        f.finish(recorder);
        QVERIFY2(f.errors.isEmpty(), qPrintable(f.errors.join(u'\n')));
        QCOMPARE(f.closed.size(), 4);
        QCOMPARE(f.closed[0].endMs - f.closed[0].startMs, qint64(1200));
        QCOMPARE(f.closed[1].endMs - f.closed[1].startMs, qint64(1200));
        QCOMPARE(f.closed[2].endMs - f.closed[2].startMs, qint64(1200));
        QCOMPARE(f.closed[3].endMs - f.closed[3].startMs, qint64(400));
    }

    void waitsForKeyframe()
    {
        QTemporaryDir dir;
        Feeder f(25);
        QVERIFY2(f.source, qPrintable(f.error));
        SegmentRecorder recorder(dir.path(), 10);
        recorder.setCodecParameters(f.source->codecParameters());
        f.feed(recorder, 15, 1); // frame 0 (a keyframe) is read but not given
        // Joining mid-GOP: nothing is written before the next keyframe.
        QVERIFY(!recorder.isOpen());
        QVERIFY(filesUnder(dir.path()).isEmpty());
        f.feed(recorder, 20); // frames 15..34: keyframe at 25
        QVERIFY(recorder.isOpen());
        f.finish(recorder);
        QCOMPARE(f.closed.size(), 1);
        QCOMPARE(f.closed[0].startMs, kT0 + 25 * 40);
        QCOMPARE(f.closed[0].endMs, kT0 + 35 * 40);
    }

    void diskFullDropsSegmentAndRecovers()
    {
        QTemporaryDir dir;
        Feeder f(25);
        QVERIFY2(f.source, qPrintable(f.error));
        // The first segment's file is /dev/full: every write fails with ENOSPC.
        const QString first
                = SegmentRecorder::segmentPath(dir.path(), kT0) + QStringLiteral(".part");
        QVERIFY(QDir().mkpath(QFileInfo(first).absolutePath()));
        if (!QFile::link(QStringLiteral("/dev/full"), first))
            QSKIP("cannot link /dev/full here");
        SegmentRecorder recorder(dir.path(), 2);
        recorder.setCodecParameters(f.source->codecParameters());
        f.feed(recorder, 10);
        QVERIFY(!f.errors.isEmpty());
        QVERIFY2(f.errors.first().contains(QStringLiteral("No space left on device")),
                 qPrintable(f.errors.first()));
        QVERIFY(!recorder.isOpen());
        QVERIFY(!QFileInfo::exists(first)); // dropped (the link itself here)
        // The next keyframe starts a new segment on a disk that has room again.
        f.errors.clear();
        f.feed(recorder, 40);
        f.finish(recorder);
        QVERIFY2(f.errors.isEmpty(), qPrintable(f.errors.join(u'\n')));
        QCOMPARE(f.closed.size(), 1);
        QCOMPARE(f.closed[0].startMs, kT0 + 1000);
        QVERIFY(probeFile(f.closed[0].path).hasValue());
    }

    void unwritableDirectoryIsReported()
    {
        QTemporaryDir dir;
        const QString blocker = dir.filePath(QStringLiteral("not-a-dir"));
        QFile file(blocker);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.close();
        Feeder f(25);
        QVERIFY2(f.source, qPrintable(f.error));
        SegmentRecorder recorder(blocker, 2);
        recorder.setCodecParameters(f.source->codecParameters());
        f.feed(recorder, 30);
        QVERIFY(f.errors.size() >= 2); // once per keyframe: it keeps trying
        QVERIFY2(f.errors.first().contains(QStringLiteral("cannot create directory")),
                 qPrintable(f.errors.first()));
        QVERIFY(f.closed.isEmpty());
    }

    void partFileOfKilledWriterProbes()
    {
        QTemporaryDir dir;
        Feeder f(25);
        QVERIFY2(f.source, qPrintable(f.error));
        auto recorder = std::make_unique<SegmentRecorder>(dir.path(), 10);
        recorder->setCodecParameters(f.source->codecParameters());
        f.feed(*recorder, 60);
        // Everything up to the last packet is on disk while the segment is open (flushed after
        // every packet), so this copy is what kill -9 would leave; cut it mid TS packet too.
        const QString part
                = SegmentRecorder::segmentPath(dir.path(), kT0) + QStringLiteral(".part");
        QVERIFY(QFileInfo::exists(part));
        QFile in(part);
        QVERIFY(in.open(QIODevice::ReadOnly));
        const QByteArray bytes = in.readAll();
        QVERIFY(bytes.size() > 20'000);
        for (const double fraction : {1.0, 0.61}) {
            const QString copy = dir.filePath(QStringLiteral("killed-%1.ts.part").arg(fraction));
            QFile out(copy);
            QVERIFY(out.open(QIODevice::WriteOnly));
            out.write(bytes.left(qsizetype(bytes.size() * fraction) | 1)); // odd: not a TS boundary
            out.close();
            auto probe = probeFile(copy);
            QVERIFY2(probe.hasValue(),
                     qPrintable(probe.hasValue() ? QString() : probe.error().message));
            QVERIFY(probe->hasKeyframe);
            QVERIFY(probe->decodes);
            QCOMPARE(probe->width, 320);
            if (fraction == 1.0)
                QVERIFY2(probe->durationMs >= 2300 && probe->durationMs <= 2400,
                         qPrintable(QString::number(probe->durationMs)));
            else
                QVERIFY2(probe->durationMs > 500 && probe->durationMs < 2000,
                         qPrintable(QString::number(probe->durationMs)));
        }
        recorder.reset(); // closes the segment properly: .part becomes .ts
        QVERIFY(!QFileInfo::exists(part));
        QVERIFY(QFileInfo::exists(SegmentRecorder::segmentPath(dir.path(), kT0)));
    }

    void segmentsDecodeAlone_data()
    {
        QTest::addColumn<QString>("codec");
        QTest::addColumn<bool>("inBand");
        QTest::newRow("h264 in-band") << "h264" << true;
        QTest::newRow("h264 SDP-only parameter sets") << "h264" << false;
        QTest::newRow("hevc in-band") << "hevc" << true;
        QTest::newRow("hevc SDP-only parameter sets") << "hevc" << false;
    }

    void segmentsDecodeAlone()
    {
        // Every segment, not only the first, must decode from its own first byte, also when the
        // camera sends its parameter sets out of band (extradata) only.
        QFETCH(QString, codec);
        QFETCH(bool, inBand);
        TestPatternParams p = Feeder::params();
        p.codec = codec;
        p.parameterSetsInBand = inBand;
        QTemporaryDir dir;
        Feeder f(p);
        QVERIFY2(f.source, qPrintable(f.error));
        QCOMPARE(f.source->codecParameters()->extradata_size > 0, !inBand);
        SegmentRecorder recorder(dir.path(), 1);
        recorder.setCodecParameters(f.source->codecParameters());
        f.feed(recorder, 75);
        f.finish(recorder);
        QVERIFY2(f.errors.isEmpty(), qPrintable(f.errors.join(u'\n')));
        QCOMPARE(f.closed.size(), 3);
        for (const SegmentInfo &s : std::as_const(f.closed)) {
            auto decoded = vms::media::test::decodeFile(s.path);
            QVERIFY2(decoded.error.isEmpty(),
                     qPrintable(s.path + QStringLiteral(": ") + decoded.error));
            QCOMPARE(decoded.codec, codec);
            QCOMPARE(decoded.frames, 25);
            QCOMPARE(decoded.width, 320);
        }
    }

    void unrecordableCodecIsReportedOnce()
    {
        QTemporaryDir dir;
        vms::media::av::CodecParametersPtr mjpeg(avcodec_parameters_alloc());
        mjpeg->codec_type = AVMEDIA_TYPE_VIDEO;
        mjpeg->codec_id = AV_CODEC_ID_MJPEG;
        mjpeg->width = 640;
        mjpeg->height = 480;
        SegmentRecorder recorder(dir.path(), 1);
        recorder.setCodecParameters(mjpeg.get());
        auto packet = vms::media::av::makePacket();
        QCOMPARE(av_new_packet(packet.get(), 1000), 0);
        packet->flags |= AV_PKT_FLAG_KEY;
        Timeline timeline;
        QStringList errors;
        for (int i = 0; i < 50; ++i) {
            auto outcome = recorder.write(
                    packet.get(), timeline.map(i * 40'000, i * 40'000, 40'000), kT0 + i * 40);
            QVERIFY(!outcome.closed);
            if (!outcome.error.isEmpty())
                errors.append(outcome.error);
        }
        QCOMPARE(errors.size(), 1);
        QVERIFY2(errors.first().contains(QStringLiteral("mjpeg")), qPrintable(errors.first()));
        QVERIFY(!recorder.isOpen());
        QVERIFY(filesUnder(dir.path()).isEmpty());
        recorder.setCodecParameters(mjpeg.get()); // a new connection reports it again
        QVERIFY(!recorder.write(packet.get(), timeline.map(3'000'000, 3'000'000, 40'000),
                                kT0 + 3000)
                         .error.isEmpty());
    }

    void probeErrors()
    {
        QTemporaryDir dir;
        auto missing = probeFile(dir.filePath(QStringLiteral("nope.ts")));
        QVERIFY(!missing.hasValue());
        QCOMPARE(missing.error().kind, vms::ErrorKind::NotFound);
        const QString junk = dir.filePath(QStringLiteral("junk.ts"));
        QFile file(junk);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write(QByteArray(5000, 'x'));
        file.close();
        auto bad = probeFile(junk);
        QVERIFY(!bad.hasValue());
        QCOMPARE(bad.error().kind, vms::ErrorKind::InvalidArgument);
        const QString empty = dir.filePath(QStringLiteral("empty.ts.part"));
        QFile e(empty);
        QVERIFY(e.open(QIODevice::WriteOnly));
        e.close();
        QVERIFY(!probeFile(empty).hasValue());
    }
};

QTEST_GUILESS_MAIN(TestSegmentRecorder)
#include "tst_segment_recorder.moc"
