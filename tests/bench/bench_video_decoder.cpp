// Benchmarks of vms::media::VideoDecoder against the ffmpeg CLI, on one vms-rtsp-test-server.
// They print figures and never fail on time (exit code 1 only when the set-up fails).
//
//   bench_video_decoder live [--streams 16] [--seconds 20] [--clip PATH]
//       N decoders on N RTSP sessions of one pre-encoded 720p25 H.264 clip (/file0, so the
//       server encodes nothing), converted to BGRA at native size and at 320x180; then N
//       `ffmpeg -threads 1 -rtsp_transport tcp -i URL -f null -` processes (the physical
//       baseline: decoding only), and the CLI with the same BGRA conversions. CPU cores used
//       (getrusage for this process, /proc/PID/stat for the CLI) and decoded fps per stream.
//   bench_video_decoder ttff [--reps 9] [--clip PATH]
//       Time to the first frame of a live stream on loopback, ours against
//       `ffmpeg -fflags nobuffer ...`, alternating, medians.
//   bench_video_decoder first-frame URL
//       (used by ttff) opens URL, writes the first BGRA frame to stdout and exits.
#include "core/media/video_decoder.h"
#include "tests/support/rtsp_test_server.h"

#include <QCoreApplication>
#include <QDir>
#include <QElapsedTimer>
#include <QEventLoop>
#include <QFile>
#include <QProcess>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QThread>
#include <QTimer>

#include <sys/resource.h>
#include <unistd.h>

#include <algorithm>
#include <cstdio>
#include <memory>
#include <tuple>
#include <vector>

using namespace vms::media;
using vms::test::RtspTestServer;

namespace {

void out(const QString &line)
{
    std::fprintf(stdout, "%s\n", qPrintable(line));
    std::fflush(stdout);
}

void wait(int ms)
{
    QEventLoop loop;
    QTimer::singleShot(ms, &loop, &QEventLoop::quit);
    loop.exec();
}

/** Waits (running the event loop) until done() or the timeout; returns done(). */
template<typename F>
bool waitFor(F done, int timeoutMs)
{
    QElapsedTimer t;
    t.start();
    while (!done()) {
        if (t.elapsed() > timeoutMs)
            return false;
        wait(20);
    }
    return true;
}

double selfCpuSeconds()
{
    rusage u{};
    getrusage(RUSAGE_SELF, &u);
    return u.ru_utime.tv_sec + u.ru_stime.tv_sec + (u.ru_utime.tv_usec + u.ru_stime.tv_usec) / 1e6;
}

/** utime + stime of a process, in seconds (0 when it is gone). */
double processCpuSeconds(qint64 pid)
{
    QFile f(QStringLiteral("/proc/%1/stat").arg(pid));
    if (!f.open(QIODevice::ReadOnly))
        return 0;
    const QByteArray line = f.readAll();
    // Fields after the parenthesised command name (which may contain spaces).
    const QList<QByteArray> fields = line.mid(line.lastIndexOf(')') + 2).split(' ');
    // utime and stime are fields 14 and 15 of the line, 12 and 13 after the name.
    return (fields.value(11).toDouble() + fields.value(12).toDouble()) / sysconf(_SC_CLK_TCK);
}

double median(std::vector<double> v)
{
    if (v.empty())
        return 0;
    std::sort(v.begin(), v.end());
    const size_t n = v.size();
    return n % 2 ? v[n / 2] : (v[n / 2 - 1] + v[n / 2]) / 2;
}

QString loadAverage()
{
    QFile f(QStringLiteral("/proc/loadavg"));
    if (!f.open(QIODevice::ReadOnly))
        return {};
    return QString::fromLatin1(f.readAll().trimmed());
}

QString argValue(const QStringList &args, const QString &name, const QString &fallback)
{
    const qsizetype i = args.indexOf(name);
    return i >= 0 && i + 1 < args.size() ? args[i + 1] : fallback;
}

QString makeClip(const QString &path)
{
    QProcess p;
    p.setProcessChannelMode(QProcess::MergedChannels);
    // 20 s of 720p25 at 4 Mbit/s, a keyframe every second: a typical camera main stream.
    p.start(QStringLiteral("ffmpeg"), {QStringLiteral("-nostdin"),
                                       QStringLiteral("-v"),
                                       QStringLiteral("error"),
                                       QStringLiteral("-y"),
                                       QStringLiteral("-f"),
                                       QStringLiteral("lavfi"),
                                       QStringLiteral("-i"),
                                       QStringLiteral("testsrc2=size=1280x720:rate=25"),
                                       QStringLiteral("-t"),
                                       QStringLiteral("20"),
                                       QStringLiteral("-c:v"),
                                       QStringLiteral("libx264"),
                                       QStringLiteral("-preset"),
                                       QStringLiteral("veryfast"),
                                       QStringLiteral("-b:v"),
                                       QStringLiteral("4M"),
                                       QStringLiteral("-maxrate"),
                                       QStringLiteral("4M"),
                                       QStringLiteral("-bufsize"),
                                       QStringLiteral("4M"),
                                       QStringLiteral("-g"),
                                       QStringLiteral("25"),
                                       QStringLiteral("-pix_fmt"),
                                       QStringLiteral("yuv420p"),
                                       path});
    if (!p.waitForFinished(300000) || p.exitCode() != 0)
        return QStringLiteral("making the clip failed: ") + QString::fromLocal8Bit(p.readAll());
    return {};
}

struct PhaseResult
{
    QString name;
    double cores = 0;        // CPU seconds per wall second
    std::vector<double> fps; // per stream
    int fellBehind = 0;      // streams that switched themselves to keyframes only
    QString note;
};

/** CPU per decoded frame: what the work costs, whether or not the CPU was contended. */
double cpuMsPerFrame(const PhaseResult &r)
{
    double frames = 0;
    for (double f : r.fps)
        frames += f;
    return frames > 0 ? r.cores * 1000.0 / frames : 0.0;
}

QString summary(const PhaseResult &r)
{
    std::vector<double> fps = r.fps;
    std::sort(fps.begin(), fps.end());
    const int atLeast24
            = int(std::count_if(fps.begin(), fps.end(), [](double f) { return f >= 24.0; }));
    return QStringLiteral("%1: %2 cores (%3 % of a core per stream, %4 ms CPU per frame); fps "
                          "per stream min %5 median %6 max %7, %8/%9 streams >= 24 fps%10%11")
            .arg(r.name, -44)
            .arg(r.cores, 0, 'f', 3)
            .arg(fps.empty() ? 0.0 : r.cores * 100.0 / double(fps.size()), 0, 'f', 1)
            .arg(cpuMsPerFrame(r), 0, 'f', 2)
            .arg(fps.empty() ? 0.0 : fps.front(), 0, 'f', 1)
            .arg(median(fps), 0, 'f', 1)
            .arg(fps.empty() ? 0.0 : fps.back(), 0, 'f', 1)
            .arg(atLeast24)
            .arg(fps.size())
            .arg(r.fellBehind ? QStringLiteral(", %1 fell behind").arg(r.fellBehind) : QString())
            .arg(r.note.isEmpty() ? QString() : QStringLiteral(" (") + r.note + QLatin1Char(')'));
}

/** N decoders on the URL; CPU of this process and fps per decoder over `seconds`. */
PhaseResult runOurs(const QString &name, const QUrl &url, int streams, int seconds, int maxWidth,
                    int maxHeight, qint64 serverPid, double *serverCores)
{
    PhaseResult r;
    r.name = name;
    std::vector<std::unique_ptr<VideoDecoder>> decoders;
    quint64 taken = 0;
    for (int i = 0; i < streams; ++i) {
        auto d = std::make_unique<VideoDecoder>();
        VideoDecoder *raw = d.get();
        // Like a tile: the GUI thread takes each frame it is told about.
        QObject::connect(raw, &VideoDecoder::frameReady, raw, [raw, &taken] {
            if (raw->slot().take())
                ++taken;
        });
        SourceConfig source;
        source.url = url.toString();
        DecoderOptions options;
        options.maxWidth = maxWidth;
        options.maxHeight = maxHeight;
        d->open(source, options);
        decoders.push_back(std::move(d));
    }
    if (!waitFor(
                [&] {
                    return std::all_of(decoders.begin(), decoders.end(),
                                       [](const auto &d) { return d->stats().framesShown > 0; });
                },
                30000)) {
        r.note = QStringLiteral("not all streams started");
    }
    wait(3000); // past the connection set-up
    std::vector<quint64> f0;
    for (auto &d : decoders)
        f0.push_back(d->stats().framesDecoded);
    const double cpu0 = selfCpuSeconds();
    const double server0 = processCpuSeconds(serverPid);
    QElapsedTimer wall;
    wall.start();
    wait(seconds * 1000);
    const double elapsed = wall.elapsed() / 1000.0;
    r.cores = (selfCpuSeconds() - cpu0) / elapsed;
    *serverCores = (processCpuSeconds(serverPid) - server0) / elapsed;
    for (size_t i = 0; i < decoders.size(); ++i) {
        const auto s = decoders[i]->stats();
        r.fps.push_back(double(s.framesDecoded - f0[i]) / elapsed);
        if (s.fallBehindCount > 0)
            ++r.fellBehind;
    }
    const auto s0 = decoders.front()->stats();
    r.note = QStringLiteral("%1x%2 -> %3x%4 BGRA, %5 frames taken by the event loop")
                     .arg(s0.width)
                     .arg(s0.height)
                     .arg(s0.outputWidth)
                     .arg(s0.outputHeight)
                     .arg(taken);
    decoders.clear();
    return r;
}

/** The last "frame=N" of an ffmpeg -progress file. */
qint64 progressFrames(const QString &path)
{
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly))
        return 0;
    const QByteArray text = f.readAll();
    const qsizetype at = text.lastIndexOf("\nframe=");
    if (at < 0)
        return 0;
    const qsizetype end = text.indexOf('\n', at + 1);
    return text.mid(at + 7, end - at - 7).toLongLong();
}

/** N ffmpeg processes; CPU from /proc and fps from their -progress output. */
PhaseResult runCli(const QString &name, const QUrl &url, int streams, int seconds,
                   const QStringList &outputArgs, const QString &dir)
{
    PhaseResult r;
    r.name = name;
    std::vector<std::unique_ptr<QProcess>> procs;
    QStringList progress;
    for (int i = 0; i < streams; ++i) {
        const QString file
                = QDir(dir).filePath(QStringLiteral("progress-%1-%2.txt").arg(qHash(name)).arg(i));
        QFile::remove(file);
        progress << file;
        auto p = std::make_unique<QProcess>();
        p->setStandardOutputFile(QProcess::nullDevice());
        p->setStandardErrorFile(QProcess::nullDevice());
        QStringList args{QStringLiteral("-nostdin"),
                         QStringLiteral("-v"),
                         QStringLiteral("error"),
                         QStringLiteral("-progress"),
                         file,
                         QStringLiteral("-threads"),
                         QStringLiteral("1"),
                         QStringLiteral("-rtsp_transport"),
                         QStringLiteral("tcp"),
                         QStringLiteral("-i"),
                         url.toString()};
        args += outputArgs;
        p->start(QStringLiteral("ffmpeg"), args);
        procs.push_back(std::move(p));
    }
    wait(5000); // connected and running
    std::vector<qint64> f0;
    double cpu0 = 0;
    for (int i = 0; i < streams; ++i) {
        f0.push_back(progressFrames(progress[i]));
        cpu0 += processCpuSeconds(procs[i]->processId());
    }
    QElapsedTimer wall;
    wall.start();
    wait(seconds * 1000);
    const double elapsed = wall.elapsed() / 1000.0;
    double cpu1 = 0;
    for (int i = 0; i < streams; ++i) {
        cpu1 += processCpuSeconds(procs[i]->processId());
        // -progress writes every 0.5 s: the count lags by up to that much at both ends.
        r.fps.push_back(double(progressFrames(progress[i]) - f0[i]) / elapsed);
    }
    r.cores = (cpu1 - cpu0) / elapsed;
    for (auto &p : procs) {
        p->terminate();
        if (!p->waitForFinished(3000)) {
            p->kill();
            p->waitForFinished(3000);
        }
    }
    return r;
}

int benchLive(const QStringList &args)
{
    const int streams = argValue(args, QStringLiteral("--streams"), QStringLiteral("16")).toInt();
    const int seconds = argValue(args, QStringLiteral("--seconds"), QStringLiteral("20")).toInt();
    QTemporaryDir tmp;
    QString clip = argValue(args, QStringLiteral("--clip"), QString());
    if (clip.isEmpty()) {
        clip = tmp.filePath(QStringLiteral("clip720p25.mp4"));
        out(QStringLiteral("making a 20 s 720p25 H.264 clip (4 Mbit/s, GOP 25) ..."));
        const QString error = makeClip(clip);
        if (!error.isEmpty()) {
            out(error);
            return 1;
        }
    }
    RtspTestServer rtsp;
    if (!rtsp.start({QStringLiteral("--file"), clip})) {
        out(rtsp.errorString());
        return 1;
    }
    const QUrl url = rtsp.url(QStringLiteral("file0"));
    out(QStringLiteral("live decode: %1 x %2 over RTSP/TCP from one vms-rtsp-test-server "
                       "(pre-encoded clip, no server-side encoding); window %3 s; %4 cores; "
                       "load average before: %5")
                .arg(streams)
                .arg(url.toString())
                .arg(seconds)
                .arg(QThread::idealThreadCount())
                .arg(loadAverage()));

    std::vector<PhaseResult> results;
    double serverCores = 0;
    results.push_back(runOurs(QStringLiteral("VideoDecoder, native BGRA (1280x720)"), url, streams,
                              seconds, 0, 0, rtsp.processId(), &serverCores));
    out(summary(results.back()));
    out(QStringLiteral("    (RTSP test server meanwhile: %1 cores)").arg(serverCores, 0, 'f', 3));
    results.push_back(runOurs(QStringLiteral("VideoDecoder, tile BGRA (320x180)"), url, streams,
                              seconds, 320, 180, rtsp.processId(), &serverCores));
    out(summary(results.back()));
    if (!args.contains(QStringLiteral("--skip-ffmpeg"))) {
        results.push_back(runCli(
                QStringLiteral("ffmpeg -threads 1 -f null (decode only)"), url, streams, seconds,
                {QStringLiteral("-f"), QStringLiteral("null"), QStringLiteral("-")}, tmp.path()));
        out(summary(results.back()));
        results.push_back(runCli(
                QStringLiteral("ffmpeg -threads 1 -pix_fmt bgra -f null"), url, streams, seconds,
                {QStringLiteral("-filter_threads"), QStringLiteral("1"), QStringLiteral("-pix_fmt"),
                 QStringLiteral("bgra"), QStringLiteral("-f"), QStringLiteral("null"),
                 QStringLiteral("-")},
                tmp.path()));
        out(summary(results.back()));
        results.push_back(runCli(
                QStringLiteral("ffmpeg -threads 1 scale=320:180 bgra -f null"), url, streams,
                seconds,
                {QStringLiteral("-filter_threads"), QStringLiteral("1"), QStringLiteral("-vf"),
                 QStringLiteral("scale=320:180:flags=fast_bilinear,format=bgra"),
                 QStringLiteral("-f"), QStringLiteral("null"), QStringLiteral("-")},
                tmp.path()));
        out(summary(results.back()));
        auto ratio = [&](int a, int b) {
            return results[b].cores > 0 ? results[a].cores / results[b].cores : 0.0;
        };
        auto perFrame = [&](int a, int b) {
            const double theirs = cpuMsPerFrame(results[b]);
            return theirs > 0 ? cpuMsPerFrame(results[a]) / theirs : 0.0;
        };
        const QList<std::tuple<int, int, QString>> pairs{
                {0, 2,
                 QStringLiteral("VideoDecoder native BGRA / ffmpeg decode only (target <= 1.3; "
                                "ours includes the BGRA conversion, ffmpeg -f null does not)")},
                {1, 2, QStringLiteral("VideoDecoder 320x180 BGRA / ffmpeg decode only")},
                {0, 3,
                 QStringLiteral("VideoDecoder native BGRA / ffmpeg -pix_fmt bgra (same work)")},
                {1, 4,
                 QStringLiteral("VideoDecoder 320x180 BGRA / ffmpeg scale 320x180 bgra (same "
                                "work)")}};
        for (const auto &[a, b, what] : pairs) {
            out(QStringLiteral("ratio %1: cores %2, CPU per frame %3")
                        .arg(what)
                        .arg(ratio(a, b), 0, 'f', 2)
                        .arg(perFrame(a, b), 0, 'f', 2));
        }
    }
    out(QStringLiteral("load average after: %1").arg(loadAverage()));
    return 0;
}

/** Spawns a program; milliseconds to its first stdout byte (-1: none) and to its exit. */
std::pair<double, double> timeProcess(const QString &program, const QStringList &args)
{
    QProcess p;
    p.setStandardErrorFile(QProcess::nullDevice());
    QElapsedTimer t;
    t.start();
    p.start(program, args);
    double firstByte = -1;
    if (p.waitForReadyRead(15000))
        firstByte = t.nsecsElapsed() / 1e6;
    p.waitForFinished(15000);
    const double exitMs = t.nsecsElapsed() / 1e6;
    if (p.state() != QProcess::NotRunning) {
        p.kill();
        p.waitForFinished();
    }
    return {firstByte, exitMs};
}

int benchFirstFrame(const QStringList &args)
{
    const int reps = argValue(args, QStringLiteral("--reps"), QStringLiteral("9")).toInt();
    QTemporaryDir tmp;
    QString clip = argValue(args, QStringLiteral("--clip"), QString());
    if (clip.isEmpty()) {
        clip = tmp.filePath(QStringLiteral("clip720p25.mp4"));
        const QString error = makeClip(clip);
        if (!error.isEmpty()) {
            out(error);
            return 1;
        }
    }
    RtspTestServer rtsp;
    if (!rtsp.start({QStringLiteral("--file"), clip})) {
        out(rtsp.errorString());
        return 1;
    }
    const QString self = QCoreApplication::applicationFilePath();
    // What starting a process costs by itself (dynamic linking of FFmpeg, Qt): it is in every
    // process-level figure below, and a running console does not pay it per tile.
    std::vector<double> ourStart, ffStart;
    for (int i = 0; i < reps; ++i) {
        ourStart.push_back(timeProcess(self, {QStringLiteral("noop")}).second);
        ffStart.push_back(
                timeProcess(QStringLiteral("ffmpeg"), {QStringLiteral("-version")}).second);
    }
    out(QStringLiteral("time to first frame on loopback, %1 repetitions each, alternating; "
                       "load average: %2")
                .arg(reps)
                .arg(loadAverage()));
    out(QStringLiteral("process start-up alone (no-op run): bench_video_decoder median %1 ms, "
                       "ffmpeg -version median %2 ms")
                .arg(median(ourStart), 0, 'f', 0)
                .arg(median(ffStart), 0, 'f', 0));
    for (const QString &mount : {QStringLiteral("test"), QStringLiteral("file0")}) {
        const QString url = rtsp.url(mount).toString();
        const QStringList transport{QStringLiteral("-rtsp_transport"), QStringLiteral("tcp")};
        const QStringList nobuffer{QStringLiteral("-fflags"), QStringLiteral("nobuffer")};
        const QStringList recipe{QStringLiteral("-fflags"),          QStringLiteral("nobuffer"),
                                 QStringLiteral("-flags"),           QStringLiteral("low_delay"),
                                 QStringLiteral("-probesize"),       QStringLiteral("32"),
                                 QStringLiteral("-analyzeduration"), QStringLiteral("0")};
        const QStringList bgraOut{QStringLiteral("-frames:v"), QStringLiteral("1"),
                                  QStringLiteral("-pix_fmt"),  QStringLiteral("bgra"),
                                  QStringLiteral("-f"),        QStringLiteral("rawvideo"),
                                  QStringLiteral("-")};
        const QStringList nullOut{QStringLiteral("-frames:v"), QStringLiteral("1"),
                                  QStringLiteral("-f"), QStringLiteral("null"),
                                  QStringLiteral("-")};
        auto ffArgs = [&](const QStringList &flags, const QStringList &output) {
            QStringList a{QStringLiteral("-nostdin"), QStringLiteral("-v"),
                          QStringLiteral("error")};
            a += flags;
            a += transport;
            a << QStringLiteral("-i") << url;
            a += output;
            return a;
        };
        std::vector<double> inProcess, inProcessSeen, ourByte, ourExit, ffNbByte, ffNbExit,
                ffRecipeByte, ffRecipeExit;
        for (int i = 0; i < reps; ++i) {
            {
                VideoDecoder decoder;
                QElapsedTimer t;
                bool got = false;
                double seenMs = 0;
                QObject::connect(&decoder, &VideoDecoder::frameReady, &decoder, [&] {
                    if (!got && decoder.slot().take()) {
                        got = true;
                        seenMs = t.nsecsElapsed() / 1e6;
                    }
                });
                SourceConfig source;
                source.url = url;
                t.start();
                decoder.open(source, DecoderOptions{});
                if (waitFor([&] { return got; }, 15000)) {
                    inProcess.push_back(double(decoder.stats().firstFrameMs));
                    inProcessSeen.push_back(seenMs);
                }
            }
            auto [b1, e1] = timeProcess(self, {QStringLiteral("first-frame"), url});
            ourByte.push_back(b1);
            ourExit.push_back(e1);
            auto [b2, e2] = timeProcess(QStringLiteral("ffmpeg"), ffArgs(nobuffer, bgraOut));
            ffNbByte.push_back(b2);
            auto [b3, e3] = timeProcess(QStringLiteral("ffmpeg"), ffArgs(nobuffer, nullOut));
            Q_UNUSED(b3);
            ffNbExit.push_back(e3);
            auto [b4, e4] = timeProcess(QStringLiteral("ffmpeg"), ffArgs(recipe, bgraOut));
            ffRecipeByte.push_back(b4);
            auto [b5, e5] = timeProcess(QStringLiteral("ffmpeg"), ffArgs(recipe, nullOut));
            Q_UNUSED(b5);
            ffRecipeExit.push_back(e5);
        }
        out(QStringLiteral("/%1 (%2):")
                    .arg(mount, mount == QLatin1String("test")
                                        ? QStringLiteral("live x264 pattern, the "
                                                         "server forces a keyframe "
                                                         "at PLAY")
                                        : QStringLiteral("pre-encoded clip, starts "
                                                         "at its keyframe")));
        out(QStringLiteral("  in process, VideoDecoder open() -> first BGRA frame (stats)   : "
                           "median %1 ms")
                    .arg(median(inProcess), 0, 'f', 0));
        out(QStringLiteral("  in process, open() -> frame taken on the event loop            : "
                           "median %1 ms")
                    .arg(median(inProcessSeen), 0, 'f', 0));
        out(QStringLiteral("  process start -> first BGRA byte on stdout: VideoDecoder        : "
                           "median %1 ms")
                    .arg(median(ourByte), 0, 'f', 0));
        out(QStringLiteral("                        ffmpeg -fflags nobuffer -pix_fmt bgra     : "
                           "median %1 ms")
                    .arg(median(ffNbByte), 0, 'f', 0));
        out(QStringLiteral("                        ffmpeg nobuffer low_delay probesize 32 ...: "
                           "median %1 ms")
                    .arg(median(ffRecipeByte), 0, 'f', 0));
        out(QStringLiteral("  process start -> exit after 1 frame: VideoDecoder              : "
                           "median %1 ms")
                    .arg(median(ourExit), 0, 'f', 0));
        out(QStringLiteral("                        ffmpeg -fflags nobuffer -f null           : "
                           "median %1 ms")
                    .arg(median(ffNbExit), 0, 'f', 0));
        out(QStringLiteral("                        ffmpeg nobuffer low_delay probesize 32 ...: "
                           "median %1 ms")
                    .arg(median(ffRecipeExit), 0, 'f', 0));
    }
    return 0;
}

/** One decoder; writes the first BGRA frame to stdout and exits (for ttff). */
int firstFrame(const QString &url)
{
    VideoDecoder decoder;
    int rc = 1;
    QObject::connect(&decoder, &VideoDecoder::frameReady, &decoder, [&] {
        if (auto f = decoder.slot().take()) {
            std::fwrite(f->pixels.constData(), 1, size_t(f->pixels.size()), stdout);
            std::fflush(stdout);
            std::fprintf(stderr, "open() -> first frame: %lld ms\n", decoder.stats().firstFrameMs);
            rc = 0;
            QCoreApplication::quit();
        }
    });
    SourceConfig source;
    source.url = url;
    decoder.open(source, DecoderOptions{});
    QTimer::singleShot(15000, qApp, &QCoreApplication::quit);
    QCoreApplication::exec();
    return rc;
}

} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    qRegisterMetaType<vms::media::StreamState>("vms::media::StreamState");
    const QStringList args = app.arguments().mid(1);
    const QString mode = args.value(0);
    if (mode == QLatin1String("live"))
        return benchLive(args);
    if (mode == QLatin1String("ttff"))
        return benchFirstFrame(args);
    if (mode == QLatin1String("first-frame") && args.size() == 2)
        return firstFrame(args[1]);
    if (mode == QLatin1String("noop")) // process start-up cost, for ttff
        return 0;
    std::fprintf(stderr,
                 "usage: %s live [--streams 16] [--seconds 20] [--clip PATH] [--skip-ffmpeg]\n"
                 "       %s ttff [--reps 9] [--clip PATH]\n",
                 argv[0], argv[0]);
    return 2;
}
