#pragma once

#include "ui/video/live_feed.h"
#include "ui/video/video_view.h"

#include <QPoint>

class QMenu;

namespace vms::ui {

/**
 * One tile of the live grid: the live video of a camera (LiveFeed) with an overlay of the
 * camera's name, its state (connecting, live, reconnecting, offline), the decoded frame rate, the
 * bit rate and the stream in use. Cameras are dropped on it from the camera list or from another
 * tile (a swap); a double click asks for maximise/restore; the wheel zooms digitally.
 */
class VideoTile : public VideoView
{
    Q_OBJECT

public:
    explicit VideoTile(int index, QWidget *parent = nullptr);

    int index() const { return m_index; }
    void setIndex(int index) { m_index = index; }

    /** Names the camera while its details load (nothing plays yet). */
    void setLoadingCamera(const QString &cameraId, const QString &name);
    /** Plays @p camera; the same camera again keeps playing (only its details change). */
    void setCamera(const client::Camera &camera);
    /** The camera could not be loaded (deleted, no access): says so instead of playing. */
    void setCameraError(const QString &cameraId, const QString &message);
    void clearCamera();
    QString cameraId() const { return m_cameraId; }
    QString cameraName() const { return m_cameraName; }

    LiveFeed *feed() { return &m_feed; }
    const LiveFeed *feed() const { return &m_feed; }

    void setSelected(bool isSelected);
    bool isSelected() const { return m_isSelected; }
    /**
     * PTZ mode: a left drag on the picture steers the camera like a joystick (ptzDragged while
     * held, ptzDragReleased at the end) instead of moving the tile or panning the zoom.
     */
    void setPtzDragEnabled(bool isEnabled);
    bool isPtzDragEnabled() const { return m_isPtzDragEnabled; }
    /** Deflection at which the joystick reaches full speed, in pixels. */
    double ptzFullDeflection() const;
    /** A maximised tile (or the only one) shows the main stream, the others the substream. */
    void setLarge(bool isLarge);
    bool isLarge() const { return m_isLarge; }

    /**
     * Periodic update (twice a second from the live view): whether the tile is on screen (a
     * hidden dock, a minimised window or a covered tile decode key frames only), the size to
     * convert to, and the statistics shown in the overlay.
     */
    void refresh();
    /** On screen: visible, its window not minimised, and not entirely covered. */
    bool isShownOnScreen() const;
    /** The overlay's state line, e.g. "Live" or "Reconnecting…" (for tests and tooltips). */
    QString stateText() const;
    /** The overlay's statistics line, e.g. "640×360 · 25 fps · 1.1 Mbit/s". */
    QString statsText() const;

signals:
    void clicked(int index);
    void doubleClicked(int index);
    /** A camera was dropped here; @p name is what the drag said (may be empty). */
    void cameraDropped(int index, const QString &cameraId, const QString &name);
    /** Another tile was dropped here: swap their cameras. */
    void tileDropped(int fromIndex, int toIndex);
    void archiveRequested(int index);
    void clearRequested(int index);
    /** The joystick is held at @p vector (pixels from where the drag started). */
    void ptzDragged(int index, const QPointF &vector, double fullDeflection);
    void ptzDragReleased(int index);
    /** The operator asked for the camera's ONVIF settings. */
    void cameraSettingsRequested(int index);

protected:
    void paintOverlay(QPainter &painter, const QRect &picture) override;
    void mousePressEvent(QMouseEvent *event) override;
    void mouseMoveEvent(QMouseEvent *event) override;
    void mouseReleaseEvent(QMouseEvent *event) override;
    void mouseDoubleClickEvent(QMouseEvent *event) override;
    void contextMenuEvent(QContextMenuEvent *event) override;
    void dragEnterEvent(QDragEnterEvent *event) override;
    void dragMoveEvent(QDragMoveEvent *event) override;
    void dragLeaveEvent(QDragLeaveEvent *event) override;
    void dropEvent(QDropEvent *event) override;
    void showEvent(QShowEvent *event) override;
    void hideEvent(QHideEvent *event) override;
    void resizeEvent(QResizeEvent *event) override;

private:
    void startDrag();
    void updateVisibility();

    int m_index;
    LiveFeed m_feed;
    QString m_cameraId;
    QString m_cameraName;
    QString m_cameraError;
    bool m_isSelected = false;
    bool m_isLarge = false;
    bool m_isDropTarget = false;
    bool m_isPtzDragEnabled = false;
    bool m_isJoystickActive = false;
    QPointF m_joystickFrom;
    QPointF m_joystickTo;
    QPoint m_pressPos;
    bool m_mayDrag = false;
    media::VideoDecoder::Stats m_stats{};
};

} // namespace vms::ui
