// CPU cost of ingest + recording per stream (getrusage over 20 s), for looped files and for RTSP
// next to the ffmpeg CLI doing the same job (-c copy -f segment). The bounds are loose: the
// numbers are the point (qInfo), the assertions catch a regression to decoding or busy loops.
// VMS_MEDIA_KEEP_DIR=dir keeps the recordings for inspection.
#include "core/media/stream_worker.h"
#include "tests/support/rtsp_test_server.h"
#include "tests/unit/media_test_util.h"

#include <QDirIterator>
#include <QElapsedTimer>
#include <QProcess>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

#include <sys/resource.h>

using namespace vms::media;
using vms::test::RtspTestServer;

namespace {

constexpr int kSeconds = 20;

double cpuSeconds(int who)
{
    rusage u{};
    getrusage(who, &u);
    return u.ru_utime.tv_sec + u.ru_stime.tv_sec + (u.ru_utime.tv_usec + u.ru_stime.tv_usec) / 1e6;
}

QString recordDir(QTemporaryDir &tmp, const QString &name)
{
    const QString keep = qEnvironmentVariable("VMS_MEDIA_KEEP_DIR");
    return (keep.isEmpty() ? tmp.path() : keep) + QLatin1Char('/') + name;
}

qint64 bytesUnder(const QString &dir)
{
    qint64 total = 0;
    QDirIterator it(dir, QDir::Files, QDirIterator::Subdirectories);
    while (it.hasNext())
        total += QFileInfo(it.next()).size();
    return total;
}

} // namespace

class TestMediaCpu : public QObject
{
    Q_OBJECT

private slots:
    void fileIngestAndRecording()
    {
        QTemporaryDir tmp;
        const QString clip = tmp.filePath(QStringLiteral("clip720p.mp4"));
        // 10 s of 1280x720 at 4 Mbit/s, a keyframe per second: a typical camera main stream.
        const QString error = vms::media::test::writePatternFile(clip, 250, 1280, 720, 25, 4000);
        QVERIFY2(error.isEmpty(), qPrintable(error));
        constexpr int kStreams = 4;
        std::vector<std::unique_ptr<StreamWorker>> workers;
        for (int i = 0; i < kStreams; ++i) {
            SourceConfig source;
            source.url = clip;
            WorkerOptions options;
            options.recordDir = recordDir(tmp, QStringLiteral("file%1").arg(i));
            options.segmentSeconds = 10;
            workers.push_back(std::make_unique<StreamWorker>(QStringLiteral("file%1").arg(i),
                                                             source, options));
            workers.back()->start();
        }
        for (auto &w : workers)
            QTRY_VERIFY_WITH_TIMEOUT(w->measurements().state == StreamState::Online, 5000);
        const double cpu0 = cpuSeconds(RUSAGE_SELF);
        QElapsedTimer wall;
        wall.start();
        QTest::qWait(kSeconds * 1000);
        const double cpu = cpuSeconds(RUSAGE_SELF) - cpu0;
        const double seconds = wall.elapsed() / 1000.0;
        const StreamMeasurements m = workers.front()->measurements();
        workers.clear();
        const double perStream = cpu / seconds / kStreams * 100.0;
        qInfo("file ingest + recording, %d streams of 720p %.1f Mbit/s: %.2f %% of a core per "
              "stream "
              "(%.2f s CPU in %.1f s)",
              kStreams, m.bitrate / 1e6, perStream, cpu, seconds);
        QVERIFY2(perStream < 5.0, qPrintable(QString::number(perStream)));
    }

    void testPatternCost()
    {
        // Not ingest: what a testsrc:// stream costs (pattern + drawtext + libx264 ultrafast),
        // for sizing demo sites.
        QTemporaryDir tmp;
        SourceConfig source;
        source.url = QStringLiteral("testsrc://?size=1280x720&rate=25&bitrate_kbps=2000");
        WorkerOptions options;
        options.recordDir = recordDir(tmp, QStringLiteral("testsrc"));
        StreamWorker worker(QStringLiteral("testsrc"), source, options);
        worker.start();
        QTRY_VERIFY_WITH_TIMEOUT(worker.measurements().state == StreamState::Online, 5000);
        const double cpu0 = cpuSeconds(RUSAGE_SELF);
        QElapsedTimer wall;
        wall.start();
        QTest::qWait(10'000);
        const double percent = (cpuSeconds(RUSAGE_SELF) - cpu0) / (wall.elapsed() / 1000.0) * 100.0;
        const StreamMeasurements m = worker.measurements();
        qInfo("testsrc 720p25 generated + encoded + recorded: %.1f %% of a core (%.1f fps)",
              percent, m.fps);
        QVERIFY2(qAbs(m.fps - 25.0) < 1.5, qPrintable(QString::number(m.fps)));
    }

    void rtspIngestVersusFfmpegCli()
    {
        RtspTestServer rtsp;
        QVERIFY2(rtsp.start({QStringLiteral("--bitrate-kbps"), QStringLiteral("4000")}),
                 qPrintable(rtsp.errorString()));
        QTemporaryDir tmp;
        SourceConfig source;
        source.url = rtsp.url().toString();
        WorkerOptions options;
        options.recordDir = recordDir(tmp, QStringLiteral("rtsp"));
        options.segmentSeconds = 10;
        double ours = 0;
        qint64 ourBytes = 0;
        {
            StreamWorker worker(QStringLiteral("rtsp"), source, options);
            worker.start();
            QTRY_VERIFY_WITH_TIMEOUT(worker.measurements().state == StreamState::Online, 10000);
            QTest::qWait(1000); // past the connection set-up, as for the CLI below
            const double cpu0 = cpuSeconds(RUSAGE_SELF);
            QElapsedTimer wall;
            wall.start();
            QTest::qWait(kSeconds * 1000);
            ours = (cpuSeconds(RUSAGE_SELF) - cpu0) / (wall.elapsed() / 1000.0) * 100.0;
            const StreamMeasurements m = worker.measurements();
            qInfo("StreamWorker, RTSP/TCP 720p %.2f Mbit/s %.1f fps, remux to TS: %.2f %% of a "
                  "core",
                  m.bitrate / 1e6, m.fps, ours);
            QCOMPARE(m.state, StreamState::Online);
        }
        ourBytes = bytesUnder(options.recordDir);

        const QString ffmpeg = QStandardPaths::findExecutable(QStringLiteral("ffmpeg"));
        if (ffmpeg.isEmpty())
            QSKIP("no ffmpeg CLI to compare with");
        const QString cliDir = recordDir(tmp, QStringLiteral("cli"));
        QDir().mkpath(cliDir);
        QProcess cli;
        cli.setProcessChannelMode(QProcess::ForwardedErrorChannel);
        // The CLI runs 1 s longer to connect; its set-up costs are included (a slight bias
        // against it, noted in the report).
        const double children0 = cpuSeconds(RUSAGE_CHILDREN);
        cli.start(ffmpeg,
                  {QStringLiteral("-nostdin"), QStringLiteral("-v"), QStringLiteral("error"),
                   QStringLiteral("-rtsp_transport"), QStringLiteral("tcp"), QStringLiteral("-i"),
                   source.url, QStringLiteral("-t"), QString::number(kSeconds + 1),
                   QStringLiteral("-an"), QStringLiteral("-c"), QStringLiteral("copy"),
                   QStringLiteral("-f"), QStringLiteral("segment"), QStringLiteral("-segment_time"),
                   QStringLiteral("10"), cliDir + QStringLiteral("/%03d.ts")});
        QElapsedTimer wall;
        wall.start();
        QVERIFY(cli.waitForStarted());
        QVERIFY(cli.waitForFinished((kSeconds + 20) * 1000));
        const double cliPercent
                = (cpuSeconds(RUSAGE_CHILDREN) - children0) / (wall.elapsed() / 1000.0) * 100.0;
        qInfo("ffmpeg -c copy -f segment, same stream: %.2f %% of a core (%.1f s incl. connect); "
              "bytes written: worker %lld, CLI %lld",
              cliPercent, wall.elapsed() / 1000.0, ourBytes, bytesUnder(cliDir));
        QVERIFY2(ours < std::max(2.0 * cliPercent, cliPercent + 1.0),
                 qPrintable(QStringLiteral("worker %1 %, CLI %2 %").arg(ours).arg(cliPercent)));
    }
};

QTEST_GUILESS_MAIN(TestMediaCpu)
#include "tst_media_cpu.moc"
