// The console's live grid under load: LiveViewPane (the real widget, offscreen) at 4x4 with one
// camera per tile, every camera on the same RTSP mount (a pre-encoded clip, so the RTSP server
// does no encoding), measured for a while: CPU cores used by this process (decoding, conversion
// at tile size, painting; the embedded server runs without ingest), new-frame paints per tile
// and second, frames the decoders produced that no paint ever showed (replaced in the slot), and
// the decoders' own figures. Prints figures, never fails on them. Run by bench_live_grid.sh.
//
//   bench_live_grid --url rtsp://127.0.0.1:PORT/file0 [--cameras 16] [--columns 4]
//                   [--seconds 20] [--size 1280x720] [--screenshot FILE]
#include "core/client/api_client.h"
#include "server/server_host.h"
#include "ui/live_view_pane.h"
#include "ui/video/video_tile.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QDeadlineTimer>
#include <QElapsedTimer>
#include <QEventLoop>
#include <QFile>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QTimer>

#include <unistd.h>

#include <cstdio>

using namespace vms;

namespace {

/** Runs the event loop (blocking, not spinning: the loop's own CPU counts) for @p ms. */
void wait(int ms)
{
    QEventLoop loop;
    QTimer::singleShot(ms, &loop, &QEventLoop::quit);
    loop.exec();
}

template<typename T>
std::optional<T> await(const QFuture<T> &future, int timeoutMs = 20000)
{
    QDeadlineTimer deadline(timeoutMs);
    while (!future.isFinished() && !deadline.hasExpired())
        wait(10);
    if (!future.isFinished() || future.resultCount() != 1)
        return std::nullopt;
    return future.result();
}

/** utime + stime of this process, in seconds. */
double cpuSeconds()
{
    QFile stat(QStringLiteral("/proc/self/stat"));
    if (!stat.open(QIODevice::ReadOnly))
        return 0;
    const QByteArray line = stat.readAll();
    // Fields after the command name, which is in parentheses and may contain spaces.
    const QList<QByteArray> fields = line.mid(line.lastIndexOf(')') + 2).split(' ');
    const double ticks = fields.value(11).toDouble() + fields.value(12).toDouble();
    return ticks / double(sysconf(_SC_CLK_TCK));
}

int fail(const char *what)
{
    std::fprintf(stderr, "bench_live_grid: %s\n", what);
    return 1;
}

} // namespace

int main(int argc, char *argv[])
{
    QApplication app(argc, argv);
    QCoreApplication::setOrganizationName(QStringLiteral("vms-bench"));
    QCoreApplication::setApplicationName(QStringLiteral("bench_live_grid"));
    QCommandLineParser parser;
    const QCommandLineOption urlOption(QStringLiteral("url"), QStringLiteral("RTSP URL"),
                                       QStringLiteral("url"));
    const QCommandLineOption camerasOption(QStringLiteral("cameras"), QStringLiteral("cameras"),
                                           QStringLiteral("n"), QStringLiteral("16"));
    const QCommandLineOption columnsOption(QStringLiteral("columns"), QStringLiteral("grid"),
                                           QStringLiteral("n"), QStringLiteral("4"));
    const QCommandLineOption secondsOption(QStringLiteral("seconds"), QStringLiteral("window"),
                                           QStringLiteral("s"), QStringLiteral("20"));
    const QCommandLineOption sizeOption(QStringLiteral("size"), QStringLiteral("grid size"),
                                        QStringLiteral("WxH"), QStringLiteral("1280x720"));
    const QCommandLineOption shotOption(QStringLiteral("screenshot"), QStringLiteral("PNG"),
                                        QStringLiteral("file"));
    parser.addOptions(
            {urlOption, camerasOption, columnsOption, secondsOption, sizeOption, shotOption});
    parser.process(app);
    const QString url = parser.value(urlOption);
    const int cameras = parser.value(camerasOption).toInt();
    const int columns = parser.value(columnsOption).toInt();
    const int seconds = parser.value(secondsOption).toInt();
    const QStringList size = parser.value(sizeOption).split(QLatin1Char('x'));
    if (url.isEmpty() || cameras < 1 || columns < 1 || columns > 5 || cameras > columns * columns
        || seconds < 1 || size.size() != 2)
        return fail("bad arguments (see the file comment)");

    QTemporaryDir dataDir;
    server::ServerOptions options;
    options.dataDir = dataDir.path();
    options.adminLogin = QStringLiteral("bench@vms.test");
    options.adminPassword = QStringLiteral("Bench-Live-Grid-1");
    server::ServerHost host(options);
    const Result<QUrl> serverUrl = host.start();
    if (!serverUrl)
        return fail("the server did not start");

    client::ApiClient client(*serverUrl);
    if (const auto login = await(client.login(options.adminLogin, options.adminPassword));
        !login || !*login)
        return fail("login failed");
    const auto place = await(client.createPlace({QStringLiteral("Bench"), {}, {}, {}}));
    if (!place || !*place)
        return fail("cannot create the place");
    QStringList ids;
    for (int i = 0; i < cameras; ++i) {
        client::CameraInput input;
        input.name = QStringLiteral("Camera %1").arg(i + 1);
        input.placeId = (*place)->id;
        input.source = client::makeCameraSource(url, {}, client::StreamTransport::Tcp);
        const auto camera = await(client.createCamera(input));
        if (!camera || !*camera)
            return fail("cannot create a camera");
        ids.append((*camera)->id);
    }

    ui::LiveViewPane pane(&client);
    pane.resize(size.at(0).toInt(), size.at(1).toInt());
    pane.setColumns(columns);
    pane.show();
    for (int i = 0; i < cameras; ++i)
        pane.setTileCamera(i, ids.at(i)); // what a drop does
    QElapsedTimer clock;
    clock.start();
    const auto allLive = [&] {
        for (int i = 0; i < cameras; ++i) {
            if (pane.tile(i)->feed()->health() != ui::LiveFeed::Health::Live)
                return false;
        }
        return true;
    };
    while (!allLive() && clock.elapsed() < 30000)
        wait(100);
    if (!allLive())
        return fail("not every tile went live within 30 s");
    const qint64 liveAfterMs = clock.elapsed();
    wait(3000); // settle

    struct Start
    {
        quint64 paints, newPaints, received, dropped, decoded, shown, late;
    };
    QList<Start> start;
    for (int i = 0; i < cameras; ++i) {
        const ui::VideoTile *tile = pane.tile(i);
        const auto stats = tile->feed()->stats();
        start.append({tile->paintCount(), tile->newFramePaintCount(),
                      tile->feed()->framesReceived(), tile->feed()->framesDropped(),
                      stats.framesDecoded, stats.framesShown, stats.framesLate});
    }
    const double cpu0 = cpuSeconds();
    QElapsedTimer window;
    window.start();
    wait(seconds * 1000);
    const double elapsed = window.elapsed() / 1000.0;
    const double cores = (cpuSeconds() - cpu0) / elapsed;

    std::printf("live grid %dx%d, %d cameras on %s, %dx%d offscreen, %d s (all live after %lld "
                "ms)\n",
                columns, columns, cameras, qPrintable(url), pane.width(), pane.height(), seconds,
                liveAfterMs);
    std::printf("%-5s %9s %9s %9s %9s %8s %7s %6s %s\n", "tile", "paint/s", "new/s", "decoded/s",
                "dropped/s", "late/s", "size", "kfonly", "stream");
    double sumNew = 0, sumDecoded = 0, sumDropped = 0, minNew = 1e9;
    int keyframesOnly = 0;
    for (int i = 0; i < cameras; ++i) {
        const ui::VideoTile *tile = pane.tile(i);
        const auto stats = tile->feed()->stats();
        const double paints = (tile->paintCount() - start[i].paints) / elapsed;
        const double fresh = (tile->newFramePaintCount() - start[i].newPaints) / elapsed;
        const double decoded = (stats.framesDecoded - start[i].decoded) / elapsed;
        const double dropped = (tile->feed()->framesDropped() - start[i].dropped) / elapsed;
        const double late = (stats.framesLate - start[i].late) / elapsed;
        sumNew += fresh;
        sumDecoded += decoded;
        sumDropped += dropped;
        minNew = std::min(minNew, fresh);
        keyframesOnly += stats.keyframesOnly ? 1 : 0;
        std::printf("%-5d %9.1f %9.1f %9.1f %9.2f %8.2f %3dx%-3d %6s %dx%d\n", i, paints, fresh,
                    decoded, dropped, late, stats.outputWidth, stats.outputHeight,
                    stats.keyframesOnly ? "yes" : "no", stats.width, stats.height);
    }
    std::printf(
            "RESULT console_cores=%.2f painted_fps_per_tile_avg=%.1f painted_fps_per_tile_min=%.1f "
            "decoded_fps_total=%.0f dropped_per_s_total=%.2f tiles_keyframes_only=%d\n",
            cores, sumNew / cameras, minNew, sumDecoded, sumDropped, keyframesOnly);
    if (parser.isSet(shotOption))
        pane.grab().save(parser.value(shotOption));
    // A layout change stops the decoders of the tiles that go (VideoDecoder::stop() joins its
    // thread): the longest time the GUI thread then stays away from its event loop.
    QElapsedTimer blocked;
    blocked.start();
    pane.setColumns(1);
    qint64 longestMs = blocked.elapsed();
    QElapsedTimer tick;
    tick.start();
    QTimer ticker;
    QObject::connect(&ticker, &QTimer::timeout,
                     [&] { longestMs = std::max(longestMs, tick.restart()); });
    ticker.start(2);
    wait(1500);
    std::printf("RESULT layout_%dx%d_to_1x1_longest_gui_stall_ms=%lld\n", columns, columns,
                longestMs);
    std::fflush(stdout);
    return 0;
}
