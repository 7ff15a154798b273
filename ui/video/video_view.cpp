#include "ui/video/video_view.h"

#include <QMouseEvent>
#include <QPainter>
#include <QWheelEvent>

#include <algorithm>
#include <cmath>

namespace vms::ui {

namespace {

// One wheel notch zooms by this much; eight notches from 1x reach about 6x.
constexpr double kZoomPerNotch = 1.25;

} // namespace

VideoView::VideoView(QWidget *parent)
    : QWidget(parent)
{
    // The view paints every pixel itself: no background erase, no system fill.
    setAttribute(Qt::WA_OpaquePaintEvent);
    setMinimumSize(64, 36);
}

void VideoView::setFrame(const media::VideoFrame &frame)
{
    if (frame.isNull() || frame.width <= 0 || frame.height <= 0 || frame.stride < frame.width * 4
        || frame.pixels.size() < qsizetype(frame.stride) * frame.height)
        return;
    m_frame = frame;
    ++m_frameSerial;
    update();
}

void VideoView::clearFrame()
{
    m_frame = {};
    update();
}

void VideoView::setPlaceholder(const QImage &image)
{
    m_placeholder = image;
    update();
}

void VideoView::resetZoom()
{
    if (!m_zoom.isZoomed())
        return;
    m_zoom.reset();
    update();
    emit zoomChanged();
}

void VideoView::zoomAt(const QPointF &viewPos, double multiplier)
{
    const QRect picture = pictureRect();
    if (picture.isEmpty())
        return;
    const QPointF anchor((viewPos.x() - picture.x()) / picture.width(),
                         (viewPos.y() - picture.y()) / picture.height());
    const double before = m_zoom.factor();
    m_zoom.zoomAt(QPointF(std::clamp(anchor.x(), 0.0, 1.0), std::clamp(anchor.y(), 0.0, 1.0)),
                  multiplier);
    if (m_zoom.factor() != before) {
        update();
        emit zoomChanged();
    }
}

QSize VideoView::pictureSize() const
{
    if (!m_frame.isNull())
        return QSize(m_frame.width, m_frame.height);
    if (!m_placeholder.isNull())
        return m_placeholder.size();
    return {};
}

QRect VideoView::pictureRect() const
{
    QSize size = pictureSize();
    if (size.isEmpty())
        size = QSize(16, 9);
    size.scale(this->size(), Qt::KeepAspectRatio);
    QRect picture(QPoint(0, 0), size);
    picture.moveCenter(rect().center());
    return picture;
}

QSize VideoView::wantedFrameSize() const
{
    const QRect picture = pictureRect();
    if (picture.isEmpty())
        return {};
    const double scale = devicePixelRatioF() * m_zoom.factor();
    return QSize(int(std::ceil(picture.width() * scale)), int(std::ceil(picture.height() * scale)));
}

void VideoView::paintEvent(QPaintEvent *)
{
    ++m_paintCount;
    QPainter painter(this);
    const QRect picture = pictureRect();
    const bool hasPicture = !m_frame.isNull() || !m_placeholder.isNull();
    // Only the letterbox bars need filling: the picture covers the rest.
    const QRegion bars = QRegion(rect()).subtracted(QRegion(hasPicture ? picture : rect()));
    for (const QRect &bar : bars)
        painter.fillRect(bar, Qt::black);

    const QRectF visible = m_zoom.visibleRect();
    if (!m_frame.isNull()) {
        if (m_frameSerial != m_paintedSerial) {
            ++m_newFramePaintCount;
            m_paintedSerial = m_frameSerial;
        }
        // No copy: the image borrows the frame's bytes, which m_frame keeps alive.
        const QImage image(reinterpret_cast<const uchar *>(m_frame.pixels.constData()),
                           m_frame.width, m_frame.height, m_frame.stride, QImage::Format_RGB32);
        const QRectF source(visible.x() * image.width(), visible.y() * image.height(),
                            visible.width() * image.width(), visible.height() * image.height());
        // Frames arrive at display size; smoothing matters only when zoomed or resized since.
        painter.setRenderHint(QPainter::SmoothPixmapTransform,
                              source.size().toSize() != picture.size() * devicePixelRatioF());
        painter.drawImage(QRectF(picture), image, source);
    } else if (!m_placeholder.isNull()) {
        const QRectF source(
                visible.x() * m_placeholder.width(), visible.y() * m_placeholder.height(),
                visible.width() * m_placeholder.width(), visible.height() * m_placeholder.height());
        painter.setRenderHint(QPainter::SmoothPixmapTransform);
        painter.drawImage(QRectF(picture), m_placeholder, source);
    } else {
        ++m_blankPaintCount;
        painter.fillRect(rect(), QColor(0x14, 0x16, 0x1a));
    }
    paintOverlay(painter, picture);
}

void VideoView::paintOverlay(QPainter &, const QRect &) {}

void VideoView::wheelEvent(QWheelEvent *event)
{
    const double notches = event->angleDelta().y() / 120.0;
    if (notches == 0.0) {
        event->ignore();
        return;
    }
    zoomAt(event->position(), std::pow(kZoomPerNotch, notches));
    event->accept();
}

void VideoView::mousePressEvent(QMouseEvent *event)
{
    if (event->button() == Qt::LeftButton && m_zoom.isZoomed()) {
        m_isPanning = true;
        m_panFrom = event->position();
        setCursor(Qt::ClosedHandCursor);
        event->accept();
        return;
    }
    QWidget::mousePressEvent(event);
}

void VideoView::mouseMoveEvent(QMouseEvent *event)
{
    if (m_isPanning) {
        const QRect picture = pictureRect();
        if (!picture.isEmpty()) {
            const QPointF delta = event->position() - m_panFrom;
            m_zoom.pan(QPointF(delta.x() / picture.width(), delta.y() / picture.height()));
            update();
        }
        m_panFrom = event->position();
        event->accept();
        return;
    }
    QWidget::mouseMoveEvent(event);
}

void VideoView::mouseReleaseEvent(QMouseEvent *event)
{
    if (m_isPanning && event->button() == Qt::LeftButton) {
        m_isPanning = false;
        unsetCursor();
        event->accept();
        return;
    }
    QWidget::mouseReleaseEvent(event);
}

} // namespace vms::ui
