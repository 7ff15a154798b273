// The video UI's rules without a server or a decoder: digital zoom geometry, merging segments
// into recorded ranges, the layout store's keys, the timeline's time axis and its mouse
// gestures, and a video view painting a frame it wraps without copying.
#include "core/client/video_dto.h"
#include "ui/video/digital_zoom.h"
#include "ui/video/live_layout_store.h"
#include "ui/video/recorded_ranges.h"
#include "ui/video/timeline_widget.h"
#include "ui/video/video_view.h"

#include <QJsonObject>
#include <QSettings>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTest>

using namespace vms;
using namespace vms::ui;

Q_DECLARE_METATYPE(QList<vms::ui::TimeRange>)

namespace {

bool fuzzyEqual(const QPointF &a, const QPointF &b)
{
    return std::abs(a.x() - b.x()) < 1e-9 && std::abs(a.y() - b.y()) < 1e-9;
}

// A BGRA frame: left half red, right half blue, at the given size.
media::VideoFrame twoColourFrame(int width, int height)
{
    media::VideoFrame frame;
    frame.width = width;
    frame.height = height;
    frame.stride = width * 4 + 16; // padded rows, as decoders produce
    frame.pixels = QByteArray(frame.stride * height, '\0');
    for (int y = 0; y < height; ++y) {
        auto *row = reinterpret_cast<quint32 *>(frame.pixels.data() + y * frame.stride);
        for (int x = 0; x < width; ++x)
            row[x] = x < width / 2 ? 0xffff0000u : 0xff0000ffu;
    }
    return frame;
}

} // namespace

class TestVideoRules : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();

    void zoomKeepsAnchorFixed_data();
    void zoomKeepsAnchorFixed();
    void zoomStaysInsideThePicture();
    void panMovesWithTheDrag();

    void mergeRanges_data();
    void mergeRanges();
    void subtractRanges();
    void segmentParsing();
    void substreamIdIsUuidV5();

    void layoutStoreKeysPerServerAndUser();
    void layoutStoreRejectsGarbage();

    void timelineAxis();
    void timelineClickSeeksAndDragScrubs();
    void timelineWheelZoomsAroundTheMouse();

    void videoViewPaintsFrameWithoutCopy();
    void videoViewZoomsAroundTheCursor();
};

void TestVideoRules::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    QCoreApplication::setOrganizationName(QStringLiteral("vms-tests"));
    QCoreApplication::setApplicationName(QStringLiteral("tst_video_rules"));
    QSettings().clear();
}

void TestVideoRules::zoomKeepsAnchorFixed_data()
{
    QTest::addColumn<QPointF>("anchor");
    QTest::addColumn<double>("multiplier");
    QTest::newRow("centre x2") << QPointF(0.5, 0.5) << 2.0;
    QTest::newRow("top-left x3") << QPointF(0.1, 0.2) << 3.0;
    QTest::newRow("bottom-right x1.25") << QPointF(0.9, 0.8) << 1.25;
}

void TestVideoRules::zoomKeepsAnchorFixed()
{
    QFETCH(QPointF, anchor);
    QFETCH(double, multiplier);
    DigitalZoom zoom;
    const QPointF before = zoom.sourcePoint(anchor);
    zoom.zoomAt(anchor, multiplier);
    QCOMPARE(zoom.factor(), multiplier);
    QVERIFY(zoom.isZoomed());
    QVERIFY2(fuzzyEqual(zoom.sourcePoint(anchor), before), "the point under the cursor moved");
    QCOMPARE(zoom.visibleRect().width(), 1.0 / multiplier);
    // Zooming back out returns to the whole picture.
    zoom.zoomAt(anchor, 1.0 / (multiplier * 4));
    QCOMPARE(zoom.factor(), 1.0);
    QCOMPARE(zoom.visibleRect(), QRectF(0, 0, 1, 1));
}

void TestVideoRules::zoomStaysInsideThePicture()
{
    DigitalZoom zoom;
    zoom.zoomAt(QPointF(1.0, 1.0), 100.0);
    QCOMPARE(zoom.factor(), DigitalZoom::kMaxFactor);
    const QRectF visible = zoom.visibleRect();
    QVERIFY(visible.left() >= 0 && visible.top() >= 0);
    QVERIFY(visible.right() <= 1.0 + 1e-12 && visible.bottom() <= 1.0 + 1e-12);
    QVERIFY(std::abs(visible.right() - 1.0) < 1e-9); // zoomed into the corner
    zoom.pan(QPointF(-50, -50));                     // far beyond the edge
    QVERIFY(std::abs(zoom.visibleRect().right() - 1.0) < 1e-9);
    zoom.reset();
    QVERIFY(!zoom.isZoomed());
}

void TestVideoRules::panMovesWithTheDrag()
{
    DigitalZoom zoom;
    zoom.zoomAt(QPointF(0.5, 0.5), 4.0);
    const QRectF before = zoom.visibleRect();
    // Dragging the picture right by a quarter of the view shows what is further left.
    zoom.pan(QPointF(0.25, 0.0));
    QVERIFY(std::abs(zoom.visibleRect().left() - (before.left() - 0.25 / 4.0)) < 1e-9);
    QCOMPARE(zoom.visibleRect().top(), before.top());
    // Panning without zoom does nothing.
    DigitalZoom whole;
    whole.pan(QPointF(0.3, 0.3));
    QCOMPARE(whole.visibleRect(), QRectF(0, 0, 1, 1));
}

void TestVideoRules::mergeRanges_data()
{
    QTest::addColumn<QList<TimeRange>>("input");
    QTest::addColumn<qint64>("tolerance");
    QTest::addColumn<QList<TimeRange>>("merged");
    using L = QList<TimeRange>;
    QTest::newRow("empty") << L{} << qint64(0) << L{};
    QTest::newRow("unsorted overlapping")
            << L{{5000, 8000}, {0, 3000}, {2000, 6000}} << qint64(0) << L{{0, 8000}};
    QTest::newRow("touching") << L{{0, 2000}, {2000, 4000}} << qint64(0) << L{{0, 4000}};
    QTest::newRow("gap within tolerance")
            << L{{0, 2000}, {3000, 4000}} << qint64(1500) << L{{0, 4000}};
    QTest::newRow("gap beyond tolerance")
            << L{{0, 2000}, {4000, 5000}} << qint64(1500) << L{{0, 2000}, {4000, 5000}};
    QTest::newRow("contained and empty")
            << L{{0, 10000}, {2000, 3000}, {7000, 7000}} << qint64(0) << L{{0, 10000}};
}

void TestVideoRules::mergeRanges()
{
    QFETCH(QList<TimeRange>, input);
    QFETCH(qint64, tolerance);
    QFETCH(QList<TimeRange>, merged);
    QCOMPARE(vms::ui::mergeRanges(input, tolerance), merged);
}

void TestVideoRules::subtractRanges()
{
    const QList<TimeRange> covered{{100, 200}, {300, 400}};
    QCOMPARE(vms::ui::subtractRanges({0, 500}, covered),
             (QList<TimeRange>{{0, 100}, {200, 300}, {400, 500}}));
    QCOMPARE(vms::ui::subtractRanges({150, 350}, covered), (QList<TimeRange>{{200, 300}}));
    QCOMPARE(vms::ui::subtractRanges({120, 180}, covered), QList<TimeRange>{});
    QCOMPARE(vms::ui::subtractRanges({500, 600}, covered), (QList<TimeRange>{{500, 600}}));
}

void TestVideoRules::segmentParsing()
{
    const QJsonObject good{
            {QStringLiteral("segment_url"),
             QStringLiteral("http://127.0.0.1:8470/api/v1/archive/signed/1/abc/segments/x.ts")},
            {QStringLiteral("ts_start"), 1700000000},
            {QStringLiteral("ts_end"), 1700000003},
            {QStringLiteral("signature"), QStringLiteral("abc")}};
    const Result<client::Segment> segment = client::Segment::fromJson(good);
    QVERIFY(segment.hasValue());
    QCOMPARE(segment->startMs(), 1700000000000LL);
    QCOMPARE(segment->endMs(), 1700000003000LL);
    QCOMPARE(segment->url.host(), QStringLiteral("127.0.0.1"));
    QCOMPARE(rangeOf(*segment), (TimeRange{1700000000000LL, 1700000003000LL}));

    QJsonObject relative = good;
    relative.insert(QStringLiteral("segment_url"), QStringLiteral("/api/v1/archive/x.ts"));
    QVERIFY(!client::Segment::fromJson(relative).hasValue());
    QJsonObject backwards = good;
    backwards.insert(QStringLiteral("ts_end"), 1600000000);
    QVERIFY(!client::Segment::fromJson(backwards).hasValue());
    QJsonObject missing = good;
    missing.remove(QStringLiteral("signature"));
    QVERIFY(!client::Segment::fromJson(missing).hasValue());
}

void TestVideoRules::substreamIdIsUuidV5()
{
    const QString camera = QStringLiteral("6f1c1e0e-4d1a-4a43-9a55-3b7d8f0f2b11");
    const QString sub = client::substreamId(camera);
    QCOMPARE(QUuid(sub).version(), QUuid::Sha1);
    QCOMPARE(sub, QUuid::createUuidV5(QUuid(camera), QByteArrayLiteral("substream"))
                          .toString(QUuid::WithoutBraces));
    QVERIFY(sub != camera);
    QVERIFY(client::substreamId(QStringLiteral("not-a-uuid")).isEmpty());
}

void TestVideoRules::layoutStoreKeysPerServerAndUser()
{
    const QUrl server(QStringLiteral("http://user:secret@127.0.0.1:8470/"));
    const QString camera = QUuid::createUuid().toString(QUuid::WithoutBraces);
    LiveLayoutStore store(server, 7);
    // One group per server (without credentials) and user; the URL is one key segment.
    QCOMPARE(store.group(), QStringLiteral("liveView/http%3A%2F%2F127.0.0.1%3A8470/7"));
    QVERIFY(!store.load().has_value());
    const LiveLayout layout{3, {QString(), camera, QString(), QString()}};
    store.save(layout);
    const std::optional<LiveLayout> loaded = store.load();
    QVERIFY(loaded.has_value());
    QCOMPARE(loaded->columns, 3);
    QCOMPARE(loaded->cameraIds, (QStringList{QString(), camera}));
    QCOMPARE(QSettings().value(store.group() + QStringLiteral("/columns")).toInt(), 3);

    // Another user on the same server, and the same user on another server, start empty.
    QVERIFY(!LiveLayoutStore(server, 8).load().has_value());
    QVERIFY(!LiveLayoutStore(QUrl(QStringLiteral("http://127.0.0.1:9999")), 7).load().has_value());
    // The same server written slightly differently is the same server.
    QVERIFY(LiveLayoutStore(QUrl(QStringLiteral("http://127.0.0.1:8470")), 7).load().has_value());
}

void TestVideoRules::layoutStoreRejectsGarbage()
{
    LiveLayoutStore store(QUrl(QStringLiteral("http://garbage.test")), 1);
    QSettings settings;
    settings.setValue(store.group() + QStringLiteral("/columns"), 9);
    QVERIFY(!store.load().has_value());
    settings.setValue(store.group() + QStringLiteral("/columns"), 2);
    settings.setValue(store.group() + QStringLiteral("/cameras"),
                      QStringList{QStringLiteral("not-a-camera"),
                                  QStringLiteral("6f1c1e0e-4d1a-4a43-9a55-3b7d8f0f2b11")});
    const std::optional<LiveLayout> loaded = store.load();
    QVERIFY(loaded.has_value());
    QCOMPARE(loaded->cameraIds,
             (QStringList{QString(), QStringLiteral("6f1c1e0e-4d1a-4a43-9a55-3b7d8f0f2b11")}));
}

void TestVideoRules::timelineAxis()
{
    TimelineWidget timeline;
    timeline.resize(1000, timeline.sizeHint().height());
    QSignalSpy span(&timeline, &TimelineWidget::visibleSpanChanged);
    timeline.setVisibleSpan(1'000'000, 1'000'000 + 3600'000);
    QCOMPARE(span.count(), 1);
    QCOMPARE(timeline.timeAt(0), 1'000'000LL);
    QCOMPARE(timeline.timeAt(500), 1'000'000LL + 1800'000);
    QCOMPARE(timeline.xOf(1'000'000 + 900'000), 250.0);
    // Too short and too long spans are clamped.
    timeline.setVisibleSpan(0, 10);
    QCOMPARE(timeline.visibleToMs() - timeline.visibleFromMs(), TimelineWidget::kMinSpanMs);
    timeline.setVisibleSpan(0, 100 * TimelineWidget::kMaxSpanMs);
    QCOMPARE(timeline.visibleToMs() - timeline.visibleFromMs(), TimelineWidget::kMaxSpanMs);
    // ensureVisible pans without changing the span's length.
    timeline.setVisibleSpan(0, 3600'000);
    timeline.ensureVisible(10 * 3600'000LL);
    QCOMPARE(timeline.visibleToMs() - timeline.visibleFromMs(), 3600'000LL);
    QVERIFY(timeline.visibleFromMs() < 10 * 3600'000LL);
    QVERIFY(timeline.visibleToMs() > 10 * 3600'000LL);
}

void TestVideoRules::timelineClickSeeksAndDragScrubs()
{
    TimelineWidget timeline;
    timeline.resize(1000, timeline.sizeHint().height());
    timeline.setVisibleSpan(0, 1000'000);
    timeline.show();
    QVERIFY(QTest::qWaitForWindowExposed(&timeline));
    QSignalSpy seek(&timeline, &TimelineWidget::seekRequested);
    QSignalSpy scrub(&timeline, &TimelineWidget::scrubbed);
    const int barY = timeline.barRect().center().y();
    QTest::mouseClick(&timeline, Qt::LeftButton, Qt::NoModifier, QPoint(250, barY));
    QCOMPARE(seek.count(), 1);
    QCOMPARE(seek.at(0).at(0).toLongLong(), 250'000LL);
    QCOMPARE(timeline.cursorMs(), 250'000LL);

    QTest::mousePress(&timeline, Qt::LeftButton, Qt::NoModifier, QPoint(100, barY));
    QMouseEvent move(QEvent::MouseMove, QPointF(600, barY),
                     timeline.mapToGlobal(QPointF(600, barY)), Qt::NoButton, Qt::LeftButton,
                     Qt::NoModifier);
    QApplication::sendEvent(&timeline, &move);
    QVERIFY(timeline.isScrubbing());
    QCOMPARE(timeline.cursorMs(), 600'000LL);
    QTest::mouseRelease(&timeline, Qt::LeftButton, Qt::NoModifier, QPoint(600, barY));
    QVERIFY(!timeline.isScrubbing());
    QCOMPARE(seek.count(), 2);
    QCOMPARE(seek.at(1).at(0).toLongLong(), 600'000LL);
    QVERIFY(scrub.count() >= 2);

    // Dragging the time scale pans instead, and seeks nothing.
    const int scaleY = timeline.height() - 3;
    QTest::mousePress(&timeline, Qt::LeftButton, Qt::NoModifier, QPoint(500, scaleY));
    QMouseEvent pan(QEvent::MouseMove, QPointF(400, scaleY),
                    timeline.mapToGlobal(QPointF(400, scaleY)), Qt::NoButton, Qt::LeftButton,
                    Qt::NoModifier);
    QApplication::sendEvent(&timeline, &pan);
    QTest::mouseRelease(&timeline, Qt::LeftButton, Qt::NoModifier, QPoint(400, scaleY));
    QCOMPARE(seek.count(), 2);
    QCOMPARE(timeline.visibleFromMs(), 100'000LL);
}

void TestVideoRules::timelineWheelZoomsAroundTheMouse()
{
    TimelineWidget timeline;
    timeline.resize(1000, timeline.sizeHint().height());
    timeline.setVisibleSpan(0, 1000'000);
    const QPointF at(200, 10);
    const qint64 before = timeline.timeAt(at.x());
    QWheelEvent wheel(at, timeline.mapToGlobal(at), QPoint(), QPoint(0, 120), Qt::NoButton,
                      Qt::NoModifier, Qt::NoScrollPhase, false);
    QApplication::sendEvent(&timeline, &wheel);
    QVERIFY(timeline.visibleToMs() - timeline.visibleFromMs() < 1000'000);
    QVERIFY(std::abs(timeline.timeAt(at.x()) - before) <= 1);
}

void TestVideoRules::videoViewPaintsFrameWithoutCopy()
{
    VideoView view;
    view.resize(320, 180);
    view.show();
    QVERIFY(QTest::qWaitForWindowExposed(&view));
    QImage blank = view.grab().toImage();
    QCOMPARE(view.hasFrame(), false);
    QVERIFY(view.blankPaintCount() >= 1);

    const media::VideoFrame frame = twoColourFrame(320, 180);
    view.setFrame(frame);
    // The view shares the frame's bytes: no copy on the way to the screen.
    QCOMPARE(view.frame().pixels.constData(), frame.pixels.constData());
    const quint64 newPaints = view.newFramePaintCount();
    const QImage shown = view.grab().toImage();
    QCOMPARE(view.newFramePaintCount(), newPaints + 1);
    QCOMPARE(QColor(shown.pixel(40, 90)), QColor(Qt::red));
    QCOMPARE(QColor(shown.pixel(280, 90)), QColor(Qt::blue));
    QVERIFY(shown != blank);
    // A repaint without a new frame is not a new-frame paint.
    view.grab();
    QCOMPARE(view.newFramePaintCount(), newPaints + 1);

    // A malformed frame (short buffer) is refused rather than read out of bounds.
    media::VideoFrame broken = twoColourFrame(64, 64);
    broken.pixels.truncate(100);
    const quint64 received = view.framesReceived();
    view.setFrame(broken);
    QCOMPARE(view.framesReceived(), received);
}

void TestVideoRules::videoViewZoomsAroundTheCursor()
{
    VideoView view;
    view.resize(320, 180);
    view.setFrame(twoColourFrame(320, 180));
    view.show();
    QVERIFY(QTest::qWaitForWindowExposed(&view));
    QSignalSpy zoomed(&view, &VideoView::zoomChanged);
    // Zoomed in at the right edge, only the blue half is left.
    QWheelEvent wheel(QPointF(319, 90), view.mapToGlobal(QPointF(319, 90)), QPoint(),
                      QPoint(0, 120 * 8), Qt::NoButton, Qt::NoModifier, Qt::NoScrollPhase, false);
    QApplication::sendEvent(&view, &wheel);
    QCOMPARE(zoomed.count(), 1);
    QVERIFY(view.zoom().factor() > 4);
    // Converting at display size times the zoom keeps detail.
    QVERIFY(view.wantedFrameSize().width() > 320 * 4);
    const QImage shown = view.grab().toImage();
    QCOMPARE(QColor(shown.pixel(20, 90)), QColor(Qt::blue));
    QCOMPARE(QColor(shown.pixel(300, 90)), QColor(Qt::blue));
    view.resetZoom();
    QCOMPARE(zoomed.count(), 2);
    QCOMPARE(QColor(view.grab().toImage().pixel(20, 90)), QColor(Qt::red));
}

QTEST_MAIN(TestVideoRules)
#include "tst_video_rules.moc"
