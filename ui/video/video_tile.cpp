#include "ui/video/video_tile.h"

#include "ui/camera_mime.h"

#include <QApplication>
#include <QContextMenuEvent>
#include <QDrag>
#include <QLinearGradient>
#include <QMenu>
#include <QMimeData>
#include <QPainter>
#include <QWindow>

#include <cmath>

namespace vms::ui {

namespace {

// A tile dragged onto another carries its index too, so the drop swaps instead of copying.
const QString kTileIndexMimeType = QStringLiteral("application/x-vms-live-tile-index");

const QColor kLiveColor(0x3c, 0xc8, 0x5a);
const QColor kWaitColor(0xf0, 0xb0, 0x30);
const QColor kOfflineColor(0xe0, 0x45, 0x45);

QString bitrateText(qint64 bitsPerSecond)
{
    if (bitsPerSecond >= 1000000)
        return VideoTile::tr("%1 Mbit/s").arg(bitsPerSecond / 1e6, 0, 'f', 1);
    return VideoTile::tr("%1 kbit/s").arg(bitsPerSecond / 1000);
}

void drawShadowedText(QPainter &painter, const QRect &rect, int flags, const QString &text)
{
    painter.setPen(QColor(0, 0, 0, 200));
    painter.drawText(rect.translated(1, 1), flags, text);
    painter.setPen(Qt::white);
    painter.drawText(rect, flags, text);
}

} // namespace

VideoTile::VideoTile(int index, QWidget *parent)
    : VideoView(parent)
    , m_index(index)
{
    setObjectName(QStringLiteral("videoTile%1").arg(index));
    setAcceptDrops(true);
    setFocusPolicy(Qt::ClickFocus);
    connect(&m_feed, &LiveFeed::frameArrived, this, &VideoTile::setFrame);
    connect(&m_feed, &LiveFeed::healthChanged, this, qOverload<>(&QWidget::update));
    connect(&m_feed, &LiveFeed::qualityChanged, this, qOverload<>(&QWidget::update));
    // A zoomed picture is converted larger, so that zooming shows detail rather than blur.
    connect(this, &VideoView::zoomChanged, this, [this] {
        const QSize wanted = wantedFrameSize();
        if (!wanted.isEmpty())
            m_feed.setMaxSize(wanted);
    });
}

void VideoTile::setLoadingCamera(const QString &cameraId, const QString &name)
{
    if (cameraId == m_cameraId && m_feed.hasCamera())
        return;
    clearCamera();
    m_cameraId = cameraId;
    m_cameraName = name;
    setToolTip(name);
    update();
}

void VideoTile::setCamera(const client::Camera &camera)
{
    if (camera.id != m_cameraId || !m_feed.hasCamera()) {
        const bool isSameCamera = camera.id == m_cameraId;
        if (!isSameCamera) {
            clearFrame();
            setPlaceholder({});
            resetZoom();
        }
        m_cameraError.clear();
    }
    m_cameraId = camera.id;
    m_cameraName = camera.name;
    setToolTip(camera.name);
    m_feed.setWantsMainStream(m_isLarge);
    m_feed.setHidden(!isShownOnScreen());
    const QSize wanted = wantedFrameSize();
    if (!wanted.isEmpty())
        m_feed.setMaxSize(wanted);
    m_feed.setCamera(camera);
    update();
}

void VideoTile::setCameraError(const QString &cameraId, const QString &message)
{
    if (cameraId != m_cameraId) {
        clearCamera();
        m_cameraId = cameraId;
    }
    m_feed.clear();
    m_cameraError = message;
    update();
}

void VideoTile::clearCamera()
{
    m_feed.clear();
    m_cameraId.clear();
    m_cameraName.clear();
    m_cameraError.clear();
    m_stats = {};
    setToolTip({});
    clearFrame();
    setPlaceholder({});
    resetZoom();
}

void VideoTile::setSelected(bool isSelected)
{
    if (m_isSelected == isSelected)
        return;
    m_isSelected = isSelected;
    update();
}

void VideoTile::setPtzDragEnabled(bool isEnabled)
{
    if (m_isPtzDragEnabled == isEnabled)
        return;
    m_isPtzDragEnabled = isEnabled;
    if (!isEnabled && m_isJoystickActive) {
        m_isJoystickActive = false;
        unsetCursor();
        emit ptzDragReleased(m_index);
    }
    setCursor(isEnabled ? Qt::CrossCursor : Qt::ArrowCursor);
    update();
}

double VideoTile::ptzFullDeflection() const
{
    return std::max(20.0, 0.35 * std::min(width(), height()));
}

void VideoTile::setLarge(bool isLarge)
{
    m_isLarge = isLarge;
    m_feed.setWantsMainStream(isLarge);
}

bool VideoTile::isShownOnScreen() const
{
    if (!isVisible())
        return false;
    const QWidget *top = window();
    if (top->isMinimized())
        return false;
    if (const QWindow *handle = top->windowHandle();
        handle && handle->visibility() == QWindow::Minimized)
        return false;
    return !visibleRegion().isEmpty();
}

void VideoTile::updateVisibility()
{
    m_feed.setHidden(!isShownOnScreen());
}

void VideoTile::refresh()
{
    updateVisibility();
    const QSize wanted = wantedFrameSize();
    if (!wanted.isEmpty())
        m_feed.setMaxSize(wanted);
    m_feed.poll();
    m_stats = m_feed.stats();
    update();
}

QString VideoTile::stateText() const
{
    if (m_cameraId.isEmpty())
        return {};
    if (!m_cameraError.isEmpty())
        return m_cameraError;
    if (!m_feed.hasCamera())
        return tr("Loading…");
    switch (m_feed.health()) {
    case LiveFeed::Health::Idle:
        return {};
    case LiveFeed::Health::Connecting:
        return tr("Connecting…");
    case LiveFeed::Health::Live:
        return m_feed.isKeyframesOnly() ? tr("Live (key frames)") : tr("Live");
    case LiveFeed::Health::Reconnecting:
        return tr("Signal lost, reconnecting…");
    case LiveFeed::Health::Offline:
        return m_feed.lastError().isEmpty()
                       ? tr("Offline, reconnecting…")
                       : tr("Offline, reconnecting… (%1)").arg(m_feed.lastError());
    }
    return {};
}

QString VideoTile::statsText() const
{
    if (m_feed.health() != LiveFeed::Health::Live)
        return {};
    QStringList parts;
    if (m_stats.width > 0 && m_stats.height > 0)
        parts << tr("%1×%2").arg(m_stats.width).arg(m_stats.height);
    parts << tr("%1 fps").arg(m_stats.decodedFps, 0, 'f', m_stats.decodedFps < 10 ? 1 : 0);
    if (m_stats.bitrate > 0)
        parts << bitrateText(m_stats.bitrate);
    parts << (m_feed.activeQuality() == LiveFeed::Quality::Main ? tr("main stream")
                                                                : tr("substream"));
    return parts.join(QStringLiteral(" · "));
}

void VideoTile::paintOverlay(QPainter &painter, const QRect &picture)
{
    painter.setRenderHint(QPainter::Antialiasing);
    const QRect area = rect();
    QFont font = painter.font();
    font.setPixelSize(std::clamp(height() / 16, 10, 15));
    painter.setFont(font);
    const int line = painter.fontMetrics().height();
    const int pad = std::max(4, line / 3);

    if (m_cameraId.isEmpty()) {
        painter.setPen(QColor(0x8a, 0x90, 0x9a));
        painter.drawText(area.adjusted(pad, pad, -pad, -pad), Qt::AlignCenter | Qt::TextWordWrap,
                         m_isDropTarget ? tr("Drop to show the camera here")
                                        : tr("Drag a camera here"));
    } else {
        // The name on a band at the top; the state and figures at the bottom.
        QLinearGradient top(0, 0, 0, line + 2 * pad);
        top.setColorAt(0, QColor(0, 0, 0, 170));
        top.setColorAt(1, QColor(0, 0, 0, 0));
        painter.fillRect(QRect(0, 0, width(), line + 2 * pad), top);
        QFont bold = font;
        bold.setBold(true);
        painter.setFont(bold);
        const QString zoomText
                = zoom().isZoomed() ? tr("×%1").arg(zoom().factor(), 0, 'f', 1) : QString();
        const QRect nameRect(pad, pad, width() - 2 * pad, line);
        drawShadowedText(painter, nameRect, Qt::AlignLeft | Qt::AlignVCenter,
                         painter.fontMetrics().elidedText(m_cameraName, Qt::ElideRight,
                                                          nameRect.width() - 40));
        if (!zoomText.isEmpty())
            drawShadowedText(painter, nameRect, Qt::AlignRight | Qt::AlignVCenter, zoomText);
        painter.setFont(font);

        const LiveFeed::Health health
                = m_feed.hasCamera() ? m_feed.health() : LiveFeed::Health::Connecting;
        const bool isLive = health == LiveFeed::Health::Live && m_cameraError.isEmpty();
        const QColor dot = isLive ? kLiveColor
                           : (health == LiveFeed::Health::Offline || !m_cameraError.isEmpty())
                                   ? kOfflineColor
                                   : kWaitColor;
        QLinearGradient bottom(0, height() - line - 2 * pad, 0, height());
        bottom.setColorAt(0, QColor(0, 0, 0, 0));
        bottom.setColorAt(1, QColor(0, 0, 0, 170));
        painter.fillRect(QRect(0, height() - line - 2 * pad, width(), line + 2 * pad), bottom);
        const QRect statusRect(pad, height() - line - pad, width() - 2 * pad, line);
        const int dotSize = std::max(6, line / 2);
        painter.setPen(Qt::NoPen);
        painter.setBrush(dot);
        painter.drawEllipse(
                QRect(statusRect.left(), statusRect.center().y() - dotSize / 2, dotSize, dotSize));
        const QRect textRect = statusRect.adjusted(dotSize + pad, 0, 0, 0);
        const QString stats = statsText();
        if (isLive) {
            drawShadowedText(painter, textRect, Qt::AlignLeft | Qt::AlignVCenter,
                             painter.fontMetrics().elidedText(stats.isEmpty() ? stateText() : stats,
                                                              Qt::ElideRight, textRect.width()));
        } else {
            // Not live: say so plainly over the (dimmed) last picture.
            if (hasFrame())
                painter.fillRect(picture, QColor(0, 0, 0, 120));
            const QString state = stateText();
            QFont big = font;
            big.setBold(true);
            big.setPixelSize(font.pixelSize() + 2);
            painter.setFont(big);
            const QRect box = area.adjusted(pad, line + 2 * pad, -pad, -(line + 2 * pad));
            painter.setPen(dot);
            painter.drawText(box, Qt::AlignCenter | Qt::TextWordWrap, state);
            painter.setFont(font);
            drawShadowedText(painter, textRect, Qt::AlignLeft | Qt::AlignVCenter,
                             painter.fontMetrics().elidedText(
                                     health == LiveFeed::Health::Offline || !m_cameraError.isEmpty()
                                             ? tr("Offline")
                                             : tr("Waiting for video"),
                                     Qt::ElideRight, textRect.width()));
        }
    }

    if (m_isPtzDragEnabled && !m_cameraId.isEmpty()) {
        // A badge says that drags steer the camera, and the joystick shows the deflection.
        const QString badge = tr("PTZ");
        QFont bold = font;
        bold.setBold(true);
        painter.setFont(bold);
        const int badgeWidth = painter.fontMetrics().horizontalAdvance(badge) + 2 * pad;
        const QRect badgeRect(width() - badgeWidth - pad, line + 2 * pad, badgeWidth, line + pad);
        painter.setPen(Qt::NoPen);
        painter.setBrush(QColor(0x4a, 0xa8, 0xff, 200));
        painter.drawRoundedRect(badgeRect, 4, 4);
        painter.setPen(Qt::white);
        painter.drawText(badgeRect, Qt::AlignCenter, badge);
        painter.setFont(font);
        if (m_isJoystickActive) {
            const double full = ptzFullDeflection();
            painter.setBrush(QColor(255, 255, 255, 40));
            painter.setPen(QPen(QColor(255, 255, 255, 160), 1.5));
            painter.drawEllipse(m_joystickFrom, full, full);
            QPointF knob = m_joystickTo;
            const QPointF vector = m_joystickTo - m_joystickFrom;
            const double length = std::hypot(vector.x(), vector.y());
            if (length > full)
                knob = m_joystickFrom + vector * (full / length);
            painter.setPen(QPen(QColor(0x4a, 0xa8, 0xff), 3));
            painter.drawLine(m_joystickFrom, knob);
            painter.setPen(Qt::NoPen);
            painter.setBrush(QColor(0x4a, 0xa8, 0xff));
            painter.drawEllipse(knob, 8, 8);
            painter.setBrush(Qt::white);
            painter.drawEllipse(m_joystickFrom, 3, 3);
        }
    }

    if (m_isSelected || m_isDropTarget) {
        QPen pen(m_isDropTarget ? QColor(0x4a, 0xa8, 0xff) : palette().color(QPalette::Highlight),
                 m_isDropTarget ? 3 : 2);
        painter.setPen(pen);
        painter.setBrush(Qt::NoBrush);
        painter.drawRect(QRectF(area).adjusted(1, 1, -1, -1));
    }
}

void VideoTile::mousePressEvent(QMouseEvent *event)
{
    if (event->button() == Qt::LeftButton || event->button() == Qt::RightButton)
        emit clicked(m_index);
    if (m_isPtzDragEnabled && event->button() == Qt::LeftButton && !m_cameraId.isEmpty()) {
        m_isJoystickActive = true;
        m_joystickFrom = event->position();
        m_joystickTo = event->position();
        update();
        event->accept();
        return;
    }
    VideoView::mousePressEvent(event);
    if (isPanning())
        return;
    if (event->button() == Qt::LeftButton && !m_cameraId.isEmpty()) {
        m_mayDrag = true;
        m_pressPos = event->position().toPoint();
    }
    event->accept();
}

void VideoTile::mouseMoveEvent(QMouseEvent *event)
{
    if (m_isJoystickActive) {
        m_joystickTo = event->position();
        update();
        emit ptzDragged(m_index, m_joystickTo - m_joystickFrom, ptzFullDeflection());
        event->accept();
        return;
    }
    if (isPanning()) {
        VideoView::mouseMoveEvent(event);
        return;
    }
    if (m_mayDrag && (event->buttons() & Qt::LeftButton)
        && (event->position().toPoint() - m_pressPos).manhattanLength()
                   >= QApplication::startDragDistance()) {
        m_mayDrag = false;
        startDrag();
        return;
    }
    VideoView::mouseMoveEvent(event);
}

void VideoTile::mouseReleaseEvent(QMouseEvent *event)
{
    if (m_isJoystickActive && event->button() == Qt::LeftButton) {
        m_isJoystickActive = false;
        update();
        emit ptzDragReleased(m_index);
        event->accept();
        return;
    }
    m_mayDrag = false;
    VideoView::mouseReleaseEvent(event);
}

void VideoTile::mouseDoubleClickEvent(QMouseEvent *event)
{
    if (event->button() == Qt::LeftButton) {
        m_mayDrag = false;
        emit doubleClicked(m_index);
        event->accept();
        return;
    }
    VideoView::mouseDoubleClickEvent(event);
}

void VideoTile::contextMenuEvent(QContextMenuEvent *event)
{
    QMenu menu(this);
    menu.setObjectName(QStringLiteral("videoTileMenu"));
    if (!m_cameraId.isEmpty()) {
        QAction *archive = menu.addAction(tr("Play archive"));
        archive->setObjectName(QStringLiteral("playArchiveAction"));
        connect(archive, &QAction::triggered, this, [this] { emit archiveRequested(m_index); });
        QAction *settings = menu.addAction(tr("Camera settings (ONVIF)…"));
        settings->setObjectName(QStringLiteral("cameraSettingsAction"));
        connect(settings, &QAction::triggered, this,
                [this] { emit cameraSettingsRequested(m_index); });
    }
    QAction *maximise = menu.addAction(m_isLarge ? tr("Restore") : tr("Maximise"));
    maximise->setObjectName(QStringLiteral("maximiseTileAction"));
    connect(maximise, &QAction::triggered, this, [this] { emit doubleClicked(m_index); });
    if (zoom().isZoomed()) {
        QAction *reset = menu.addAction(tr("Reset zoom"));
        reset->setObjectName(QStringLiteral("resetZoomAction"));
        connect(reset, &QAction::triggered, this, &VideoView::resetZoom);
    }
    if (!m_cameraId.isEmpty()) {
        menu.addSeparator();
        QAction *remove = menu.addAction(tr("Remove from the view"));
        remove->setObjectName(QStringLiteral("removeFromTileAction"));
        connect(remove, &QAction::triggered, this, [this] { emit clearRequested(m_index); });
    }
    menu.exec(event->globalPos());
}

void VideoTile::startDrag()
{
    QMimeData *data = makeCameraMimeData(m_cameraId, m_cameraName);
    data->setData(kTileIndexMimeType, QByteArray::number(m_index));
    auto *drag = new QDrag(this);
    drag->setMimeData(data);
    if (hasFrame()) {
        const QImage image(reinterpret_cast<const uchar *>(frame().pixels.constData()),
                           frame().width, frame().height, frame().stride, QImage::Format_RGB32);
        // A copy: the drag outlives this frame.
        drag->setPixmap(QPixmap::fromImage(image.scaled(160, 90, Qt::KeepAspectRatio)));
    }
    drag->exec(Qt::MoveAction | Qt::CopyAction, Qt::MoveAction);
}

void VideoTile::dragEnterEvent(QDragEnterEvent *event)
{
    if (!cameraIdFromMimeData(event->mimeData())) {
        event->ignore();
        return;
    }
    m_isDropTarget = true;
    update();
    event->acceptProposedAction();
}

void VideoTile::dragMoveEvent(QDragMoveEvent *event)
{
    if (cameraIdFromMimeData(event->mimeData()))
        event->acceptProposedAction();
    else
        event->ignore();
}

void VideoTile::dragLeaveEvent(QDragLeaveEvent *event)
{
    m_isDropTarget = false;
    update();
    event->accept();
}

void VideoTile::dropEvent(QDropEvent *event)
{
    m_isDropTarget = false;
    update();
    const std::optional<QString> cameraId = cameraIdFromMimeData(event->mimeData());
    if (!cameraId) {
        event->ignore();
        return;
    }
    event->acceptProposedAction();
    if (event->mimeData()->hasFormat(kTileIndexMimeType)) {
        bool ok = false;
        const int from = event->mimeData()->data(kTileIndexMimeType).toInt(&ok);
        if (ok && from != m_index) {
            emit tileDropped(from, m_index);
            return;
        }
        if (ok && from == m_index)
            return;
    }
    emit cameraDropped(m_index, *cameraId, event->mimeData()->text());
}

void VideoTile::showEvent(QShowEvent *event)
{
    VideoView::showEvent(event);
    updateVisibility();
}

void VideoTile::hideEvent(QHideEvent *event)
{
    VideoView::hideEvent(event);
    if (m_isJoystickActive) {
        // A released button may never reach a hidden tile: the camera must not go on moving.
        m_isJoystickActive = false;
        emit ptzDragReleased(m_index);
    }
    // The widget may still count as visible during a spontaneous hide (minimising).
    m_feed.setHidden(true);
}

void VideoTile::resizeEvent(QResizeEvent *event)
{
    VideoView::resizeEvent(event);
    const QSize wanted = wantedFrameSize();
    if (!wanted.isEmpty())
        m_feed.setMaxSize(wanted);
}

} // namespace vms::ui
