#pragma once

#include "core/media/video_decoder.h"
#include "ui/video/digital_zoom.h"

#include <QImage>
#include <QWidget>

namespace vms::ui {

/**
 * Paints the newest decoded frame, letterboxed, with digital zoom: the mouse wheel zooms around
 * the cursor and a left drag pans while zoomed. The frame's pixels are wrapped in a QImage
 * without a copy for the length of a paint, so the view keeps the frame itself. Subclasses draw
 * their overlays in paintOverlay(). GUI thread only.
 */
class VideoView : public QWidget
{
    Q_OBJECT

public:
    explicit VideoView(QWidget *parent = nullptr);

    /** Makes @p frame the picture and schedules a repaint; the previous frame is released. */
    void setFrame(const media::VideoFrame &frame);
    void clearFrame();
    bool hasFrame() const { return !m_frame.isNull(); }
    const media::VideoFrame &frame() const { return m_frame; }
    /** A still shown while there is no frame (e.g. the server's snapshot); null clears it. */
    void setPlaceholder(const QImage &image);

    const DigitalZoom &zoom() const { return m_zoom; }
    void resetZoom();
    /** Zooms by @p multiplier around @p viewPos (widget coordinates), like the wheel does. */
    void zoomAt(const QPointF &viewPos, double multiplier);

    /** Where the picture is painted: the widget's rectangle fitted to the picture's aspect. */
    QRect pictureRect() const;
    /**
     * The size to convert frames to: the picture rectangle in device pixels, times the zoom, so
     * that a zoomed picture keeps its detail. Empty while the view has no size.
     */
    QSize wantedFrameSize() const;

    /** Paints so far, and how many of them showed a frame that had not been painted before. */
    quint64 paintCount() const { return m_paintCount; }
    quint64 newFramePaintCount() const { return m_newFramePaintCount; }
    /** Paints that showed neither a frame nor a placeholder. */
    quint64 blankPaintCount() const { return m_blankPaintCount; }
    quint64 framesReceived() const { return m_frameSerial; }

signals:
    void zoomChanged();

protected:
    void paintEvent(QPaintEvent *event) override;
    void wheelEvent(QWheelEvent *event) override;
    void mousePressEvent(QMouseEvent *event) override;
    void mouseMoveEvent(QMouseEvent *event) override;
    void mouseReleaseEvent(QMouseEvent *event) override;

    /** Draws on top of the picture; @p picture is where the picture is (may be empty). */
    virtual void paintOverlay(QPainter &painter, const QRect &picture);
    bool isPanning() const { return m_isPanning; }

private:
    QSize pictureSize() const;

    media::VideoFrame m_frame;
    QImage m_placeholder;
    DigitalZoom m_zoom;
    bool m_isPanning = false;
    QPointF m_panFrom;
    quint64 m_frameSerial = 0;
    quint64 m_paintedSerial = 0;
    quint64 m_paintCount = 0;
    quint64 m_newFramePaintCount = 0;
    quint64 m_blankPaintCount = 0;
};

} // namespace vms::ui
