// Video in the console, end to end: the RTSP test server (gst-rtsp-server, real H.264) feeds four
// cameras (main streams at 1280x720, substreams at 640x360 from a second server instance), an
// in-process server ingests and records them (2 s segments), and the main window shows them:
// the 2x2 live grid filled by drops from the camera list, substreams in small tiles, the main
// stream in a maximised tile without a black frame in between, key frames only while hidden,
// swaps, saved and restored layouts, full screen; archive playback from the signed segment URLs
// with the timeline, speeds, pause, the tile's "Play archive" and "Live". The API client's
// video calls are checked against the schema-checking test client. Screenshots go to the build
// directory.
#include "core/client/api_client.h"
#include "server/server_host.h"
#include "tests/support/api_client.h"
#include "tests/support/rtsp_test_server.h"
#include "tests/ui/ui_test_support.h"
#include "ui/camera_mime.h"
#include "ui/camera_table_model.h"
#include "ui/cameras_pane.h"
#include "ui/live_view_pane.h"
#include "ui/main_window.h"
#include "ui/video/archive_pane.h"
#include "ui/video/recorded_ranges.h"
#include "ui/video/timeline_widget.h"
#include "ui/video/video_tile.h"

#include <QAction>
#include <QApplication>
#include <QComboBox>
#include <QDateTimeEdit>
#include <QDir>
#include <QDockWidget>
#include <QDragEnterEvent>
#include <QJsonArray>
#include <QLabel>
#include <QMenu>
#include <QMimeData>
#include <QPushButton>
#include <QSettings>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>
#include <QThread>
#include <QTimer>
#include <QToolButton>
#include <QTranslator>

#include <memory>

using namespace vms;
using namespace vms::ui;
using namespace vms::uitest;

namespace {

const QString kAdminLogin = QStringLiteral("admin@vms.test");
const QString kAdminPassword = QStringLiteral("Live-Video-Pass-1");
constexpr int kCameras = 4;

int luma(QRgb pixel)
{
    return (qRed(pixel) * 299 + qGreen(pixel) * 587 + qBlue(pixel) * 114) / 1000;
}

// The part of a tile that only the video covers: the bands of the tile's own overlay (name at
// the top, state and figures at the bottom) and the border are left out.
QRect videoArea(const QRect &tile)
{
    return tile.adjusted(4, 34, -4, -34);
}

// Not black, not uniform: bright pixels exist, and a share of the pixels stands out from the
// most common value (a test pattern; even "ball" has its ball and nothing else).
QString pictureProblem(const QImage &image, const QRect &rect)
{
    if (rect.isEmpty())
        return QStringLiteral("empty area");
    int histogram[256] = {};
    int count = 0;
    int maxLuma = 0;
    for (int y = rect.top(); y <= rect.bottom(); y += 2) {
        for (int x = rect.left(); x <= rect.right(); x += 2) {
            const int l = luma(image.pixel(x, y));
            ++histogram[l];
            maxLuma = std::max(maxLuma, l);
            ++count;
        }
    }
    const int mode = int(std::max_element(std::begin(histogram), std::end(histogram))
                         - std::begin(histogram));
    int outliers = 0;
    for (int l = 0; l < 256; ++l) {
        if (std::abs(l - mode) > 40)
            outliers += histogram[l];
    }
    if (maxLuma < 100)
        return QStringLiteral("black: brightest luma %1").arg(maxLuma);
    if (outliers < count / 1000 + 5)
        return QStringLiteral("uniform: %1 of %2 pixels differ from luma %3")
                .arg(outliers)
                .arg(count)
                .arg(mode);
    return {};
}

// Mean absolute luma difference of two areas, both scaled to 64x36.
double difference(const QImage &image, const QRect &a, const QRect &b)
{
    const QImage sa = image.copy(a).scaled(64, 36, Qt::IgnoreAspectRatio, Qt::SmoothTransformation);
    const QImage sb = image.copy(b).scaled(64, 36, Qt::IgnoreAspectRatio, Qt::SmoothTransformation);
    double sum = 0;
    for (int y = 0; y < 36; ++y) {
        for (int x = 0; x < 64; ++x)
            sum += std::abs(luma(sa.pixel(x, y)) - luma(sb.pixel(x, y)));
    }
    return sum / (64 * 36);
}

QRect rectIn(QWidget *widget, QWidget *ancestor)
{
    return QRect(widget->mapTo(ancestor, QPoint(0, 0)), widget->size());
}

} // namespace

class TestLiveVideo : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void cleanupTestCase();
    void cleanup();

    void gridShowsFourCameras();
    void smallTilesUseSubstreams();
    void maximiseSwitchesToMainStreamSeamlessly();
    void hiddenTilesDecodeKeyframesOnly();
    void minimisedTilesDecodeKeyframesOnly();
    void tilesOfAnOverloadedGuiFallBackToKeyframes();
    void tilesSwapWithoutReconnecting();
    void layoutsOneToFive();
    void fullScreenAndBack();
    void liveViewInRussian();
    void layoutIsSavedPerUserAndRestored();
    void clientReadsVideoApi();
    void archivePlaysFromFourSecondsAgo();
    void archiveContinuesAcrossSegmentsAndPauses();
    void archiveFromTileMenuAndBackToLive();
    void mainWindowScreenshot();

private:
    bool dropCameraOnTile(int tileIndex, const QString &cameraId,
                          const QByteArray &tileIndexData = {});
    bool allTilesLive(int count, quint64 minFrames, QString *why);
    QList<client::Segment> segmentsFromApi(const QString &streamId);
    QList<TimeRange> recordedFromApi(const QString &streamId);
    LiveViewPane *live() const { return m_window->liveViewPane(); }
    QDockWidget *dock(const QString &name) const
    {
        return child<QDockWidget>(m_window.get(), name);
    }

    QTemporaryDir m_dataDir;
    test::RtspTestServer m_rtspMain;
    test::RtspTestServer m_rtspSub;
    std::unique_ptr<server::ServerHost> m_server;
    QUrl m_url;
    std::unique_ptr<test::ApiTestClient> m_api;
    std::unique_ptr<client::ApiClient> m_client;
    std::unique_ptr<MainWindow> m_window;
    QStringList m_cameraIds;
    qint64 m_userId = 0;
    QDateTime m_recordingSince;
};

void TestLiveVideo::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    QCoreApplication::setOrganizationName(QStringLiteral("vms-tests"));
    QCoreApplication::setApplicationName(QStringLiteral("tst_live_video"));
    QSettings().clear();
    QVERIFY(m_dataDir.isValid());

    // Main streams: four distinct patterns at 1280x720; substreams: the same at 640x360.
    QVERIFY2(m_rtspMain.start({QStringLiteral("--streams"), QString::number(kCameras)}),
             qPrintable(m_rtspMain.errorString()));
    QVERIFY2(m_rtspSub.start({QStringLiteral("--streams"), QString::number(kCameras),
                              QStringLiteral("--size"), QStringLiteral("640x360"),
                              QStringLiteral("--bitrate-kbps"), QStringLiteral("600")}),
             qPrintable(m_rtspSub.errorString()));

    server::ServerOptions options;
    options.dataDir = m_dataDir.path();
    options.adminLogin = kAdminLogin;
    options.adminPassword = kAdminPassword;
    options.ingest = true;
    options.segmentSeconds = 2;
    m_server = std::make_unique<server::ServerHost>(options);
    const Result<QUrl> url = m_server->start();
    QVERIFY2(url.hasValue(), url ? "" : qPrintable(url.error().message));
    m_url = *url;

    m_api = std::make_unique<test::ApiTestClient>(m_url);
    const test::Reply token
            = m_api->postForm(QStringLiteral("/api/v1/token"),
                              {{QStringLiteral("grant_type"), QStringLiteral("password")},
                               {QStringLiteral("username"), kAdminLogin},
                               {QStringLiteral("password"), kAdminPassword}});
    QCOMPARE(token.status, 200);
    m_api->setBearer(token.object().value(QStringLiteral("access_token")).toString());
    const test::Reply me = m_api->get(QStringLiteral("/api/v1/users/me"));
    QCOMPARE(me.status, 200);
    m_userId = me.object().value(QStringLiteral("id")).toInteger();

    const test::Reply place
            = m_api->post(QStringLiteral("/api/v1/places"),
                          QJsonObject{{QStringLiteral("name"), QStringLiteral("Video site")}});
    QCOMPARE(place.status, 200);
    const qint64 placeId = place.object().value(QStringLiteral("id")).toInteger();
    for (int i = 1; i <= kCameras; ++i) {
        const QString mount = QStringLiteral("test%1").arg(i);
        const test::Reply camera = m_api->post(
                QStringLiteral("/api/v1/cameras"),
                QJsonObject{{QStringLiteral("name"), QStringLiteral("Camera %1").arg(i)},
                            {QStringLiteral("place_id"), placeId},
                            {QStringLiteral("source"),
                             QJsonObject{{QStringLiteral("url"), m_rtspMain.url(mount).toString()},
                                         {QStringLiteral("substream_url"),
                                          m_rtspSub.url(mount).toString()},
                                         {QStringLiteral("transport"), QStringLiteral("tcp")}}}});
        QCOMPARE(camera.status, 200);
        m_cameraIds.append(camera.object().value(QStringLiteral("id")).toString());
    }
    m_recordingSince = QDateTime::currentDateTimeUtc();

    m_client = std::make_unique<client::ApiClient>(m_url);
    QVERIFY(await(m_client->login(kAdminLogin, kAdminPassword)).hasValue());
    m_window = std::make_unique<MainWindow>(m_client.get());
    m_window->resize(1440, 900);
    m_window->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_window.get()));
    // The profile names the user: from then on the live layout is saved for this user.
    QTRY_VERIFY_WITH_TIMEOUT(
            !child<QLabel>(m_window.get(), QStringLiteral("userLabel"))->text().isEmpty(), 15000);
    CameraTableModel *cameras = m_window->camerasPane()->model();
    QTRY_VERIFY_WITH_TIMEOUT(cameras->rowOf(m_cameraIds.last()) >= 0, 15000);

    // The live view floats at a size that shows the tiles well.
    QDockWidget *liveDock = dock(QStringLiteral("liveViewDock"));
    liveDock->setFloating(true);
    liveDock->resize(980, 600);
    liveDock->show();
    QVERIFY(QTest::qWaitForWindowExposed(liveDock));
}

void TestLiveVideo::cleanupTestCase()
{
    m_window.reset();
    m_client.reset();
    m_api.reset();
    if (m_server)
        m_server->stop();
    m_rtspMain.stop();
    m_rtspSub.stop();
}

void TestLiveVideo::cleanup()
{
    if (m_api)
        VMS_VERIFY_NO_SCHEMA_FAILURES(*m_api);
}

bool TestLiveVideo::dropCameraOnTile(int tileIndex, const QString &cameraId,
                                     const QByteArray &tileIndexData)
{
    // The drag data a real drag from the camera list carries.
    CameraTableModel *model = m_window->camerasPane()->model();
    const int row = model->rowOf(cameraId);
    if (row < 0)
        return false;
    std::unique_ptr<QMimeData> data(model->mimeData({model->index(row, 0)}));
    if (!data)
        return false;
    if (!tileIndexData.isEmpty())
        data->setData(QStringLiteral("application/x-vms-live-tile-index"), tileIndexData);
    VideoTile *tile = live()->tile(tileIndex);
    if (!tile)
        return false;
    const QPoint target = tile->rect().center();
    QDragEnterEvent enter(target, Qt::CopyAction, data.get(), Qt::LeftButton, Qt::NoModifier);
    QApplication::sendEvent(tile, &enter);
    if (!enter.isAccepted())
        return false;
    QDragMoveEvent move(target, Qt::CopyAction, data.get(), Qt::LeftButton, Qt::NoModifier);
    QApplication::sendEvent(tile, &move);
    if (!move.isAccepted())
        return false;
    QDropEvent drop(QPointF(target), Qt::CopyAction, data.get(), Qt::LeftButton, Qt::NoModifier);
    QApplication::sendEvent(tile, &drop);
    return drop.isAccepted();
}

bool TestLiveVideo::allTilesLive(int count, quint64 minFrames, QString *why)
{
    for (int i = 0; i < count; ++i) {
        VideoTile *tile = live()->tile(i);
        if (!tile) {
            *why = QStringLiteral("no tile %1").arg(i);
            return false;
        }
        if (tile->feed()->health() != LiveFeed::Health::Live
            || tile->feed()->framesReceived() < minFrames || !tile->hasFrame()) {
            *why = QStringLiteral("tile %1: %2, %3 frames")
                           .arg(i)
                           .arg(tile->stateText())
                           .arg(tile->feed()->framesReceived());
            return false;
        }
    }
    return true;
}

QList<client::Segment> TestLiveVideo::segmentsFromApi(const QString &streamId)
{
    const qint64 now = QDateTime::currentSecsSinceEpoch();
    const test::Reply reply
            = m_api->get(QStringLiteral("/api/v1/segments?stream_id=%1&ts_from=%2&ts_to=%3")
                                 .arg(streamId)
                                 .arg(now - 3600)
                                 .arg(now + 60));
    QList<client::Segment> segments;
    if (reply.status != 200)
        return segments;
    const QJsonArray items = reply.object().value(QStringLiteral("segments")).toArray();
    for (const QJsonValue &item : items) {
        Result<client::Segment> segment = client::Segment::fromJson(item.toObject());
        if (segment)
            segments.append(*segment);
    }
    return segments;
}

QList<TimeRange> TestLiveVideo::recordedFromApi(const QString &streamId)
{
    QList<TimeRange> ranges;
    for (const client::Segment &segment : segmentsFromApi(streamId))
        ranges.append(rangeOf(segment));
    return mergeRanges(ranges, RecordedRanges::kMergeToleranceMs);
}

// --- live ---

void TestLiveVideo::gridShowsFourCameras()
{
    QAction *grid = live()->layoutAction(2);
    QVERIFY(grid);
    grid->trigger();
    QCOMPARE(live()->columns(), 2);
    QCOMPARE(live()->tileCount(), 4);
    for (int i = 0; i < kCameras; ++i)
        QVERIFY2(dropCameraOnTile(i, m_cameraIds.at(i)), qPrintable(QString::number(i)));
    for (int i = 0; i < kCameras; ++i)
        QCOMPARE(live()->tile(i)->cameraId(), m_cameraIds.at(i));
    QCOMPARE(live()->cameraId(), m_cameraIds.last()); // the last drop selects its tile
    QCOMPARE(child<QLabel>(live(), QStringLiteral("liveCameraLabel"))->text(),
             QStringLiteral("Camera 4"));

    QString why;
    QTRY_VERIFY2_WITH_TIMEOUT(allTilesLive(kCameras, 15, &why), qPrintable(why), 30000);
    // Let the overlay pick up the figures.
    QTest::qWait(1200);
    const QImage shot = live()->grab().toImage();
    QVERIFY(saveScreenshot(shot, QStringLiteral("live_grid_2x2.png")));
    QList<QRect> areas;
    for (int i = 0; i < kCameras; ++i) {
        VideoTile *tile = live()->tile(i);
        const QRect area = videoArea(rectIn(tile, live()));
        const QString problem = pictureProblem(shot, area);
        QVERIFY2(problem.isEmpty(), qPrintable(QStringLiteral("tile %1: %2").arg(i).arg(problem)));
        QVERIFY2(tile->statsText().contains(QStringLiteral("fps")), qPrintable(tile->statsText()));
        QVERIFY2(tile->stateText().startsWith(QStringLiteral("Live")),
                 qPrintable(tile->stateText()));
        areas.append(area);
    }
    for (int a = 0; a < kCameras; ++a) {
        for (int b = a + 1; b < kCameras; ++b) {
            const double diff = difference(shot, areas.at(a), areas.at(b));
            QVERIFY2(diff > 8, qPrintable(QStringLiteral("tiles %1 and %2 look alike (%3)")
                                                  .arg(a)
                                                  .arg(b)
                                                  .arg(diff)));
        }
    }
    // Tiles paint only the newest frames: they keep painting new ones.
    const quint64 painted = live()->tile(0)->newFramePaintCount();
    QTRY_VERIFY_WITH_TIMEOUT(live()->tile(0)->newFramePaintCount() > painted + 10, 5000);
}

void TestLiveVideo::smallTilesUseSubstreams()
{
    for (int i = 0; i < kCameras; ++i) {
        VideoTile *tile = live()->tile(i);
        QVERIFY(!tile->isLarge());
        QCOMPARE(tile->feed()->activeQuality(), LiveFeed::Quality::Sub);
        const media::VideoDecoder::Stats stats = tile->feed()->stats();
        QCOMPARE(stats.width, 640);
        QCOMPARE(stats.height, 360);
        // Converted at the tile's size, not the stream's.
        QVERIFY2(stats.outputWidth <= tile->width() + 1,
                 qPrintable(QStringLiteral("%1 > %2").arg(stats.outputWidth).arg(tile->width())));
        QCOMPARE(tile->frame().width, stats.outputWidth);
        QVERIFY(tile->statsText().contains(QStringLiteral("substream")));
    }
}

void TestLiveVideo::maximiseSwitchesToMainStreamSeamlessly()
{
    VideoTile *tile = live()->tile(0);
    const quint64 blankBefore = tile->blankPaintCount();
    QTest::mouseDClick(tile, Qt::LeftButton, Qt::NoModifier, tile->rect().center());
    QCOMPARE(live()->maximisedTile(), 0);
    QVERIFY(tile->isLarge());
    QVERIFY(!live()->tile(1)->isVisible());
    QCOMPARE(tile->size(), live()->gridWidget()->size());

    // Until the main stream's first frame, the substream's last one stays on screen.
    QElapsedTimer clock;
    clock.start();
    int grabs = 0;
    while (clock.elapsed() < 20000
           && (tile->feed()->activeQuality() != LiveFeed::Quality::Main
               || tile->feed()->stats().width != 1280)) {
        const QImage shot = tile->grab().toImage();
        ++grabs;
        const QString problem = pictureProblem(shot, videoArea(tile->rect()));
        QVERIFY2(
                problem.isEmpty(),
                qPrintable(
                        QStringLiteral("during the switch (grab %1): %2").arg(grabs).arg(problem)));
        // The old stream plays on meanwhile: live, no "reconnecting" over a frozen picture.
        QVERIFY2(tile->feed()->health() == LiveFeed::Health::Live,
                 qPrintable(QStringLiteral("during the switch (grab %1): %2")
                                    .arg(grabs)
                                    .arg(tile->stateText())));
        QTest::qWait(15);
    }
    QCOMPARE(tile->feed()->activeQuality(), LiveFeed::Quality::Main);
    QCOMPARE(tile->feed()->stats().width, 1280);
    QVERIFY(!tile->feed()->isSwitching());
    QCOMPARE(tile->blankPaintCount(), blankBefore);
    qInfo("switched to the main stream after %lld ms, %d grabs, all with a picture",
          qint64(clock.elapsed()), grabs);
    QTRY_VERIFY_WITH_TIMEOUT(tile->feed()->stats().outputWidth > 640, 5000);
    QTest::qWait(800);
    const QImage maximised = live()->grab().toImage();
    QVERIFY(saveScreenshot(maximised, QStringLiteral("live_maximised.png")));
    QVERIFY(pictureProblem(maximised, videoArea(rectIn(tile, live()))).isEmpty());
    QVERIFY(tile->statsText().contains(QStringLiteral("main stream")));

    // Restore: back to the grid and, seamlessly again, to the substream.
    QTest::mouseDClick(tile, Qt::LeftButton, Qt::NoModifier, tile->rect().center());
    QCOMPARE(live()->maximisedTile(), -1);
    QVERIFY(live()->tile(1)->isVisible());
    QTRY_COMPARE_WITH_TIMEOUT(tile->feed()->activeQuality(), LiveFeed::Quality::Sub, 20000);
    QTRY_COMPARE_WITH_TIMEOUT(tile->feed()->stats().width, 640, 5000);
    QCOMPARE(tile->blankPaintCount(), blankBefore);
}

void TestLiveVideo::hiddenTilesDecodeKeyframesOnly()
{
    QDockWidget *liveDock = dock(QStringLiteral("liveViewDock"));
    QString why;
    QTRY_VERIFY2_WITH_TIMEOUT(allTilesLive(kCameras, 1, &why), qPrintable(why), 15000);
    for (int i = 0; i < kCameras; ++i)
        QVERIFY(!live()->tile(i)->feed()->stats().keyframesOnly);

    liveDock->hide();
    for (int i = 0; i < kCameras; ++i) {
        VideoTile *tile = live()->tile(i);
        QVERIFY(tile->feed()->isHidden());
        QVERIFY(tile->feed()->isKeyframesOnly());
        QVERIFY(tile->feed()->activeDecoder()->stats().keyframesOnly);
    }
    // The decoders really decode less: one key frame a second (GOP 25 at 25 fps).
    QTest::qWait(3500);
    for (int i = 0; i < kCameras; ++i) {
        const media::VideoDecoder::Stats stats = live()->tile(i)->feed()->stats();
        QVERIFY2(stats.decodedFps < 5,
                 qPrintable(QStringLiteral("tile %1 decodes %2 fps").arg(i).arg(stats.decodedFps)));
        QVERIFY(stats.keyframesOnly);
    }

    liveDock->show();
    QVERIFY(QTest::qWaitForWindowExposed(liveDock));
    for (int i = 0; i < kCameras; ++i) {
        VideoTile *tile = live()->tile(i);
        QTRY_VERIFY_WITH_TIMEOUT(!tile->feed()->stats().keyframesOnly, 5000);
        QTRY_VERIFY_WITH_TIMEOUT(tile->feed()->stats().decodedFps > 15, 10000);
    }
}

void TestLiveVideo::minimisedTilesDecodeKeyframesOnly()
{
    QDockWidget *liveDock = dock(QStringLiteral("liveViewDock"));
    QVERIFY(liveDock->isFloating());
    liveDock->showMinimized();
    for (int i = 0; i < kCameras; ++i)
        QTRY_VERIFY_WITH_TIMEOUT(live()->tile(i)->feed()->stats().keyframesOnly, 3000);
    liveDock->showNormal();
    QVERIFY(QTest::qWaitForWindowExposed(liveDock));
    for (int i = 0; i < kCameras; ++i)
        QTRY_VERIFY_WITH_TIMEOUT(!live()->tile(i)->feed()->stats().keyframesOnly, 3000);
}

void TestLiveVideo::tilesOfAnOverloadedGuiFallBackToKeyframes()
{
    QString why;
    QTRY_VERIFY2_WITH_TIMEOUT(allTilesLive(kCameras, 1, &why), qPrintable(why), 10000);
    for (int i = 0; i < kCameras; ++i)
        QVERIFY(!live()->tile(i)->feed()->isBehind());
    // A GUI thread busy 100 ms out of every 110 takes a fraction of the frames: most are replaced
    // in the slots, decoded and converted for nothing. The tiles notice and decode key frames.
    QTimer hog;
    connect(&hog, &QTimer::timeout, this, [] { QThread::msleep(100); });
    hog.start(10);
    QElapsedTimer clock;
    clock.start();
    const auto allBehind = [&] {
        for (int i = 0; i < kCameras; ++i) {
            if (!live()->tile(i)->feed()->isBehind()
                || !live()->tile(i)->feed()->stats().keyframesOnly)
                return false;
        }
        return true;
    };
    while (!allBehind() && clock.elapsed() < 8000)
        QTest::qWait(50);
    hog.stop();
    QVERIFY2(allBehind(), "the tiles kept decoding every frame for a GUI that drops them");
    for (int i = 0; i < kCameras; ++i)
        QVERIFY(live()->tile(i)->feed()->isKeyframesOnly());
    // Later, with the GUI idle again, full decoding resumes.
    for (int i = 0; i < kCameras; ++i)
        QTRY_VERIFY_WITH_TIMEOUT(!live()->tile(i)->feed()->stats().keyframesOnly, 20000);
    QTRY_VERIFY2_WITH_TIMEOUT(allTilesLive(kCameras, 1, &why), qPrintable(why), 10000);
}

void TestLiveVideo::tilesSwapWithoutReconnecting()
{
    VideoTile *first = live()->tile(1);
    VideoTile *second = live()->tile(2);
    const media::VideoDecoder *firstDecoder = first->feed()->activeDecoder();
    const media::VideoDecoder *secondDecoder = second->feed()->activeDecoder();
    // Tile 1 dragged onto tile 2.
    QVERIFY(dropCameraOnTile(2, m_cameraIds.at(1), QByteArrayLiteral("1")));
    QCOMPARE(live()->tile(2), first);
    QCOMPARE(live()->tile(1), second);
    QCOMPARE(live()->tile(2)->cameraId(), m_cameraIds.at(1));
    QCOMPARE(live()->tile(1)->cameraId(), m_cameraIds.at(2));
    QCOMPARE(first->feed()->activeDecoder(), firstDecoder);
    QCOMPARE(second->feed()->activeDecoder(), secondDecoder);
    QVERIFY(first->geometry().top() > second->geometry().top()); // row 1 vs row 0
    QCOMPARE(live()->currentLayout().cameraIds.mid(0, 4),
             (QStringList{m_cameraIds.at(0), m_cameraIds.at(2), m_cameraIds.at(1),
                          m_cameraIds.at(3)}));
    // And back, for the tests that follow.
    QVERIFY(dropCameraOnTile(1, m_cameraIds.at(1), QByteArrayLiteral("2")));
    QCOMPARE(live()->tile(1)->cameraId(), m_cameraIds.at(1));
    QCOMPARE(live()->tile(1), first);
}

void TestLiveVideo::layoutsOneToFive()
{
    const LiveLayoutStore store(m_url, m_userId);
    for (const int columns : {3, 4, 5, 1, 2}) {
        live()->layoutAction(columns)->trigger();
        QCOMPARE(live()->columns(), columns);
        QCOMPARE(live()->tileCount(), columns * columns);
        QCOMPARE(store.load()->columns, columns);
        const int shown = std::min(columns * columns, kCameras);
        for (int i = 0; i < shown; ++i)
            QCOMPARE(live()->tile(i)->cameraId(), m_cameraIds.at(i));
        for (int i = shown; i < live()->tileCount(); ++i)
            QVERIFY(live()->tile(i)->cameraId().isEmpty());
        if (columns == 5) {
            QString why;
            QTRY_VERIFY2_WITH_TIMEOUT(allTilesLive(kCameras, 3, &why), qPrintable(why), 20000);
            QTest::qWait(600);
            QVERIFY(saveScreenshot(live()->grab().toImage(), QStringLiteral("live_grid_5x5.png")));
        }
        if (columns == 1) {
            // The only tile is a big one: main stream.
            QVERIFY(live()->tile(0)->isLarge());
            QTRY_COMPARE_WITH_TIMEOUT(live()->tile(0)->feed()->stats().width, 1280, 20000);
        }
    }
    // The cameras beyond a smaller grid were kept for the bigger one.
    QCOMPARE(store.load()->cameraIds, m_cameraIds);
    QString why;
    QTRY_VERIFY2_WITH_TIMEOUT(allTilesLive(kCameras, 3, &why), qPrintable(why), 20000);
}

void TestLiveVideo::fullScreenAndBack()
{
    live()->fullScreenAction()->trigger();
    QWidget *grid = live()->gridWidget();
    QVERIFY(live()->isFullScreen());
    QVERIFY(grid->isWindow());
    QVERIFY(QTest::qWaitForWindowExposed(grid));
    QVERIFY(grid->windowState() & Qt::WindowFullScreen);
    QString why;
    QTRY_VERIFY2_WITH_TIMEOUT(allTilesLive(kCameras, 3, &why), qPrintable(why), 10000);
    // The tiles fill the full-screen window.
    QCOMPARE(live()->tile(3)->geometry().bottomRight(), grid->rect().bottomRight());
    QTest::keyClick(live()->tile(0), Qt::Key_Escape);
    QVERIFY(!live()->isFullScreen());
    QVERIFY(!grid->isWindow());
    QCOMPARE(grid->parentWidget(), live());
    QVERIFY(!live()->fullScreenAction()->isChecked());
    QTRY_VERIFY2_WITH_TIMEOUT(allTilesLive(kCameras, 3, &why), qPrintable(why), 10000);
}

void TestLiveVideo::liveViewInRussian()
{
    QTranslator translator;
    QVERIFY(translator.load(QStringLiteral(":/i18n/vms_ru.qm")));
    QVERIFY(QCoreApplication::installTranslator(&translator));
    {
        LiveViewPane pane(m_client.get());
        pane.resize(800, 460);
        pane.show();
        QVERIFY(QTest::qWaitForWindowExposed(&pane));
        QCOMPARE(pane.layoutAction(2)->text(), QStringLiteral("Сетка 2×2"));
        QCOMPARE(pane.fullScreenAction()->text(), QStringLiteral("Во весь экран"));
        pane.setTileCamera(0, m_cameraIds.at(0), QStringLiteral("Camera 1"));
        QCOMPARE(pane.tile(0)->stateText(), QStringLiteral("Загрузка…"));
        QTRY_COMPARE_WITH_TIMEOUT(pane.tile(0)->stateText(), QStringLiteral("В эфире"), 20000);
        QTRY_VERIFY_WITH_TIMEOUT(pane.tile(0)->statsText().contains(QStringLiteral("к/с")), 5000);
        QTest::qWait(600);
        QVERIFY(saveScreenshot(pane.grab().toImage(), QStringLiteral("live_grid_ru.png")));
    }
    QCoreApplication::removeTranslator(&translator);
}

void TestLiveVideo::layoutIsSavedPerUserAndRestored()
{
    // What the main window saved, under the documented keys.
    const LiveLayoutStore store(m_url, m_userId);
    QSettings settings;
    QCOMPARE(settings.value(store.group() + QStringLiteral("/columns")).toInt(), 2);
    QCOMPARE(settings.value(store.group() + QStringLiteral("/cameras")).toStringList(),
             m_cameraIds);

    // A fresh live view for the same server and user comes back with the same grid...
    LiveViewPane restored(m_client.get());
    restored.resize(640, 400);
    restored.show();
    QVERIFY(QTest::qWaitForWindowExposed(&restored));
    QCOMPARE(restored.tileCount(), 4);
    QVERIFY(restored.tile(0)->cameraId().isEmpty());
    // Whatever it showed before the user was known gives way to the saved grid.
    restored.setColumns(3);
    restored.setTileCamera(0, m_cameraIds.at(3));
    restored.setSettingsScope(m_url, m_userId);
    QCOMPARE(restored.columns(), 2);
    for (int i = 0; i < kCameras; ++i)
        QCOMPARE(restored.tile(i)->cameraId(), m_cameraIds.at(i));
    // ... playing.
    for (int i = 0; i < kCameras; ++i)
        QTRY_VERIFY_WITH_TIMEOUT(restored.tile(i)->feed()->framesReceived() > 3, 20000);
    QTRY_COMPARE_WITH_TIMEOUT(restored.tile(3)->cameraName(), QStringLiteral("Camera 4"), 5000);

    // Another user of the same server starts with an empty grid.
    LiveViewPane other(m_client.get());
    other.setSettingsScope(m_url, m_userId + 1000);
    for (int i = 0; i < other.tileCount(); ++i)
        QVERIFY(other.tile(i)->cameraId().isEmpty());
}

// --- API client ---

void TestLiveVideo::clientReadsVideoApi()
{
    const QString camera = m_cameraIds.at(0);
    QTRY_VERIFY_WITH_TIMEOUT(segmentsFromApi(camera).size() >= 2, 30000);
    const qint64 now = QDateTime::currentSecsSinceEpoch();
    const Result<QList<client::Segment>> segments
            = await(m_client->listSegments(camera, now - 3600, now + 60));
    QVERIFY2(segments.hasValue(), segments ? "" : qPrintable(segments.error().message));
    const QList<client::Segment> expected = segmentsFromApi(camera);
    QVERIFY(segments->size() >= 2);
    // The same segments as the schema-checked reply (one may have closed in between).
    for (int i = 0; i < std::min(segments->size(), expected.size()) - 1; ++i) {
        QCOMPARE(segments->at(i).startS, expected.at(i).startS);
        QCOMPARE(segments->at(i).endS, expected.at(i).endS);
        QCOMPARE(segments->at(i).url.path(), expected.at(i).url.path());
    }
    for (const client::Segment &segment : *segments) {
        QVERIFY(segment.url.scheme() == QStringLiteral("http"));
        QVERIFY(segment.endS >= segment.startS);
    }
    // An empty window has no segments.
    const Result<QList<client::Segment>> none
            = await(m_client->listSegments(camera, now - 7200, now - 7100));
    QVERIFY(none.hasValue());
    QVERIFY(none->isEmpty());
    // ts_to before ts_from is refused (422).
    const Result<QList<client::Segment>> backwards
            = await(m_client->listSegments(camera, now, now - 10));
    QVERIFY(!backwards.hasValue());
    QCOMPARE(backwards.error().kind, ErrorKind::Validation);

    const Result<client::StreamStatus> status = await(m_client->streamStatus(camera));
    QVERIFY2(status.hasValue(), status ? "" : qPrintable(status.error().message));
    QVERIFY(status->isOnline());
    QVERIFY(std::abs(status->ts - now) <= 5);
    const Result<client::StreamInfo> info = await(m_client->streamInfo(camera));
    QVERIFY2(info.hasValue(), info ? "" : qPrintable(info.error().message));
    QCOMPARE(info->frameWidth, 1280);
    QCOMPARE(info->frameHeight, 720);
    QCOMPARE(info->codec, QStringLiteral("h264"));
    QVERIFY(info->frameRate >= 20 && info->frameRate <= 30);
    QVERIFY(info->bitRate > 100000);
    // The substream's id: the server watches it under the UUID v5 of "substream".
    const Result<client::StreamInfo> subInfo
            = await(m_client->streamInfo(client::substreamId(camera)));
    QVERIFY2(subInfo.hasValue(), subInfo ? "" : qPrintable(subInfo.error().message));
    QCOMPARE(subInfo->frameWidth, 640);
    const Result<client::StreamStatus> unknown
            = await(m_client->streamStatus(QUuid::createUuid().toString(QUuid::WithoutBraces)));
    QVERIFY(!unknown.hasValue());
    QCOMPARE(unknown.error().kind, ErrorKind::NotFound);

    const Result<QByteArray> snapshot = await(m_client->cameraSnapshot(camera));
    QVERIFY2(snapshot.hasValue(), snapshot ? "" : qPrintable(snapshot.error().message));
    const QImage image = QImage::fromData(*snapshot, "JPEG");
    QCOMPARE(image.size(), QSize(1280, 720));
}

// --- archive ---

void TestLiveVideo::archivePlaysFromFourSecondsAgo()
{
    const QString camera = m_cameraIds.at(0);
    // At least six seconds recorded.
    QTRY_VERIFY_WITH_TIMEOUT(
            [&] {
                const QList<TimeRange> ranges = recordedFromApi(camera);
                return !ranges.isEmpty() && ranges.last().length() >= 6000;
            }(),
            40000);

    QDockWidget *archiveDock = dock(QStringLiteral("archiveDock"));
    archiveDock->setFloating(true);
    archiveDock->resize(900, 620);
    archiveDock->show();
    archiveDock->raise();
    QVERIFY(QTest::qWaitForWindowExposed(archiveDock));
    ArchivePane *pane = m_window->archivePane();
    QComboBox *cameras = pane->cameraCombo();
    QTRY_VERIFY_WITH_TIMEOUT(cameras->findData(camera) >= 0, 10000);
    cameras->setCurrentIndex(cameras->findData(camera));
    emit cameras->activated(cameras->currentIndex());
    QCOMPARE(pane->cameraId(), camera);

    // Four seconds ago, in the whole seconds the time edit shows.
    const qint64 at = (QDateTime::currentMSecsSinceEpoch() - 4000) / 1000 * 1000;
    pane->timeEdit()->setDateTime(QDateTime::fromMSecsSinceEpoch(at));
    ArchivePlayer *player = pane->player();
    qint64 firstFrameAt = -1;
    const QMetaObject::Connection first = connect(player, &ArchivePlayer::frameArrived, this, [&] {
        if (firstFrameAt < 0)
            firstFrameAt = player->positionMs();
    });
    QTest::mouseClick(child<QPushButton>(pane, QStringLiteral("archivePlayFromButton")),
                      Qt::LeftButton);
    QCOMPARE(player->streamId(), camera);
    QTRY_VERIFY_WITH_TIMEOUT(player->framesReceived() >= 10, 20000);
    disconnect(first);
    QCOMPARE(player->state(), ArchivePlayer::State::Playing);
    QVERIFY(pane->videoView()->hasFrame());
    // The first frame is the one at the time asked for (segment times are whole seconds).
    QVERIFY2(firstFrameAt >= at - 1000 && firstFrameAt <= at + 1500,
             qPrintable(
                     QStringLiteral("first frame at %1, asked for %2").arg(firstFrameAt).arg(at)));
    const std::optional<client::Segment> segment = player->currentSegment();
    QVERIFY(segment.has_value());
    QVERIFY(segment->startMs() <= player->positionMs() + 1500
            && player->positionMs() < segment->endMs() + 1500);
    // Paced: the position moves about as fast as the clock.
    const qint64 p0 = player->positionMs();
    QElapsedTimer clock;
    clock.start();
    QTest::qWait(1500);
    const double rate = double(player->positionMs() - p0) / clock.elapsed();
    QVERIFY2(rate > 0.5 && rate < 1.6, qPrintable(QStringLiteral("rate %1").arg(rate)));

    // The timeline shows the recording around the position.
    TimelineWidget *timeline = pane->timeline();
    const qint64 now = QDateTime::currentMSecsSinceEpoch();
    timeline->setVisibleSpan(now - 90000, now + 30000);
    QTRY_VERIFY_WITH_TIMEOUT(std::any_of(timeline->ranges().cbegin(), timeline->ranges().cend(),
                                         [&](const TimeRange &r) { return r.contains(at); }),
                             10000);
    const QList<TimeRange> fromApi = recordedFromApi(camera);
    QVERIFY(std::any_of(fromApi.cbegin(), fromApi.cend(),
                        [&](const TimeRange &r) { return r.contains(at); }));
    QTest::qWait(500);
    const QImage shot = pane->grab().toImage();
    QVERIFY(saveScreenshot(shot, QStringLiteral("archive_playback.png")));
    const QRect bar = timeline->barRect().translated(timeline->mapTo(pane, QPoint(0, 0)));
    const int x = bar.left() + int(timeline->xOf(at));
    const QRgb recorded = shot.pixel(x, bar.center().y());
    QVERIFY2(qGreen(recorded) > 120 && qRed(recorded) < 100,
             qPrintable(QStringLiteral("no recorded range drawn at x %1: %2")
                                .arg(x)
                                .arg(QColor(recorded).name())));
    const QRect video = rectIn(pane->videoView(), pane);
    const QString problem = pictureProblem(shot, videoArea(video));
    QVERIFY2(problem.isEmpty(), qPrintable(problem));
}

void TestLiveVideo::archiveContinuesAcrossSegmentsAndPauses()
{
    const QString camera = m_cameraIds.at(0);
    ArchivePane *pane = m_window->archivePane();
    ArchivePlayer *player = pane->player();
    const QList<TimeRange> ranges = recordedFromApi(camera);
    QVERIFY(!ranges.isEmpty());
    const qint64 start = ranges.last().startMs;

    QComboBox *speed = child<QComboBox>(pane, QStringLiteral("archiveSpeedCombo"));
    QCOMPARE(speed->count(), 5);
    speed->setCurrentIndex(speed->findData(4.0));
    QCOMPARE(player->speed(), 4.0);

    // A click on the timeline at the start of the recording.
    TimelineWidget *timeline = pane->timeline();
    timeline->setVisibleSpan(start - 20000, start + 100000);
    const int segmentsBefore = player->segmentsOpened();
    QTest::mouseClick(timeline, Qt::LeftButton, Qt::NoModifier,
                      QPoint(int(timeline->xOf(start + 600)), timeline->barRect().center().y()));
    const quint64 frames = player->framesReceived();
    QTRY_VERIFY_WITH_TIMEOUT(player->framesReceived() > frames + 3, 15000);
    QVERIFY2(player->positionMs() < start + 4000,
             qPrintable(QStringLiteral("%1 vs %2").arg(player->positionMs()).arg(start)));
    const qint64 p0 = player->positionMs();
    const int opened0 = player->segmentsOpened();
    QElapsedTimer clock;
    clock.start();
    QTest::qWait(2500);
    const qint64 advanced = player->positionMs() - p0;
    // ×4 over 2.5 s: about 10 s of recording, across several 2-second segments.
    QVERIFY2(advanced >= 6000,
             qPrintable(
                     QStringLiteral("advanced %1 ms in %2 ms").arg(advanced).arg(clock.elapsed())));
    QVERIFY2(player->segmentsOpened() >= opened0 + 2,
             qPrintable(
                     QStringLiteral("%1 segments opened").arg(player->segmentsOpened() - opened0)));
    QVERIFY(player->segmentsOpened() > segmentsBefore);
    QVERIFY(std::abs(timeline->cursorMs() - player->positionMs()) < 1000);

    // Pause holds the position; play goes on.
    QToolButton *play = child<QToolButton>(pane, QStringLiteral("archivePlayButton"));
    QTest::mouseClick(play, Qt::LeftButton);
    QVERIFY(player->isPaused());
    QTRY_COMPARE_WITH_TIMEOUT(player->state(), ArchivePlayer::State::Paused, 3000);
    QTest::qWait(300);
    const qint64 held = player->positionMs();
    QTest::qWait(1000);
    QCOMPARE(player->positionMs(), held);
    QTest::mouseClick(play, Qt::LeftButton);
    QVERIFY(!player->isPaused());
    QTRY_VERIFY_WITH_TIMEOUT(player->positionMs() > held + 500
                                     || player->state() == ArchivePlayer::State::Waiting,
                             5000);

    // Nobody watching: a hidden archive panel pauses, and plays on when shown again.
    QDockWidget *archiveDock = dock(QStringLiteral("archiveDock"));
    QTRY_COMPARE_WITH_TIMEOUT(player->state(), ArchivePlayer::State::Playing, 10000);
    archiveDock->hide();
    QVERIFY(player->isPaused());
    archiveDock->show();
    QVERIFY(!player->isPaused());
    speed->setCurrentIndex(speed->findData(1.0));
}

void TestLiveVideo::archiveFromTileMenuAndBackToLive()
{
    QDockWidget *liveDock = dock(QStringLiteral("liveViewDock"));
    QDockWidget *archiveDock = dock(QStringLiteral("archiveDock"));
    archiveDock->hide();
    liveDock->show();
    QVERIFY(QTest::qWaitForWindowExposed(liveDock));
    VideoTile *tile = live()->tile(2);
    QCOMPARE(tile->cameraId(), m_cameraIds.at(2));

    // The tile's context menu: "Play archive".
    bool triggered = false;
    QTimer::singleShot(200, this, [&] {
        auto *menu = qobject_cast<QMenu *>(QApplication::activePopupWidget());
        if (!menu)
            return;
        if (QAction *action = menu->findChild<QAction *>(QStringLiteral("playArchiveAction"))) {
            triggered = true;
            action->trigger();
        }
        menu->close();
    });
    QContextMenuEvent menuEvent(QContextMenuEvent::Mouse, tile->rect().center(),
                                tile->mapToGlobal(tile->rect().center()));
    QApplication::sendEvent(tile, &menuEvent);
    QTRY_VERIFY_WITH_TIMEOUT(triggered, 3000);

    ArchivePane *pane = m_window->archivePane();
    QVERIFY(archiveDock->isVisible());
    QCOMPARE(pane->cameraId(), m_cameraIds.at(2));
    QCOMPARE(pane->player()->streamId(), m_cameraIds.at(2));
    QTRY_VERIFY_WITH_TIMEOUT(pane->player()->framesReceived() > 5, 20000);

    QTest::mouseClick(child<QPushButton>(pane, QStringLiteral("archiveLiveButton")),
                      Qt::LeftButton);
    QCOMPARE(pane->player()->state(), ArchivePlayer::State::Idle);
    QVERIFY(liveDock->isVisible());
    QCOMPARE(live()->cameraId(), m_cameraIds.at(2));
    QCOMPARE(live()->currentTile(), 2);
}

void TestLiveVideo::mainWindowScreenshot()
{
    // Docked again the way the console starts: live view and archive share a place, the plans
    // below them.
    QDockWidget *liveDock = dock(QStringLiteral("liveViewDock"));
    QDockWidget *archiveDock = dock(QStringLiteral("archiveDock"));
    QDockWidget *plansDock = dock(QStringLiteral("plansDock"));
    archiveDock->setFloating(false);
    liveDock->setFloating(false);
    m_window->addDockWidget(Qt::RightDockWidgetArea, liveDock);
    m_window->splitDockWidget(liveDock, plansDock, Qt::Vertical);
    m_window->tabifyDockWidget(liveDock, archiveDock);
    archiveDock->show();
    liveDock->show();
    liveDock->raise();
    m_window->resizeDocks({liveDock}, {820}, Qt::Horizontal);
    m_window->resizeDocks({liveDock, plansDock}, {560, 200}, Qt::Vertical);
    QString why;
    QTRY_VERIFY2_WITH_TIMEOUT(allTilesLive(kCameras, 3, &why), qPrintable(why), 20000);
    QTest::qWait(1000);
    QVERIFY(saveScreenshot(m_window->grab().toImage(), QStringLiteral("main_window_video.png")));
}

QTEST_MAIN(TestLiveVideo)
#include "tst_live_video.moc"
