#pragma once

#include "core/client/site_dto.h"

#include <QGraphicsView>
#include <QHash>
#include <QMenu>
#include <QPointer>

class QGraphicsPixmapItem;
class QMimeData;

namespace vms::ui {

class PlanCameraItem;

/**
 * A plan: its image scaled to fit, with its cameras as markers at their normalized positions
 * (x, y in [0, 1] from the image's left and top edges). The view only shows and reports; the
 * Plans panel turns the signals into API requests:
 * - a camera dropped from the camera list (ui/camera_mime.h) → cameraDropped;
 * - a marker dragged and released → cameraMoved (once per move, clamped to the image);
 * - "Remove from plan" in a marker's context menu → removeRequested;
 * - a double click on a marker → cameraActivated.
 */
class PlanView : public QGraphicsView
{
    Q_OBJECT

public:
    explicit PlanView(QWidget *parent = nullptr);

    /** Shows @p text instead of a plan (no plan selected, loading, an error). */
    void showMessage(const QString &text);
    QString message() const { return m_message; }
    /** Shows the plan image; markers keep their normalized positions. */
    void setImage(const QImage &image);
    bool hasImage() const { return !m_imageRect.isEmpty(); }
    QRectF imageRect() const { return m_imageRect; }
    /** Replaces the markers. */
    void setCameras(const QList<client::PlanCamera> &cameras);
    QStringList cameraIds() const { return m_items.keys(); }
    PlanCameraItem *cameraItem(const QString &cameraId) const { return m_items.value(cameraId); }
    /** The marker's normalized position, or (-1, -1) when the camera is not on the plan. */
    QPointF cameraPosition(const QString &cameraId) const;
    /** Moves a marker (e.g. back after the server refused the move). */
    void setCameraPosition(const QString &cameraId, const QPointF &normalized);
    /** Where the marker's centre is in viewport coordinates (for tests and tooltips). */
    QPoint markerViewportPoint(const QString &cameraId) const;
    /** The context menu of the last right click, while it is open. */
    QMenu *contextMenu() const { return m_menu.data(); }

signals:
    /** @p name is the name the drag carried (its text), for messages. */
    void cameraDropped(const QString &cameraId, const QString &name, const QPointF &normalized);
    void cameraMoved(const QString &cameraId, const QPointF &normalized);
    void removeRequested(const QString &cameraId);
    void cameraActivated(const QString &cameraId, const QString &name);

protected:
    void resizeEvent(QResizeEvent *event) override;
    void drawForeground(QPainter *painter, const QRectF &rect) override;
    void dragEnterEvent(QDragEnterEvent *event) override;
    void dragMoveEvent(QDragMoveEvent *event) override;
    void dragLeaveEvent(QDragLeaveEvent *event) override;
    void dropEvent(QDropEvent *event) override;
    void contextMenuEvent(QContextMenuEvent *event) override;

private:
    void fit();
    void removeMarkers();
    bool acceptsDrop(const QMimeData *data, const QPoint &viewportPos) const;

    QGraphicsScene *m_scene = nullptr;
    QGraphicsPixmapItem *m_pixmapItem = nullptr;
    QRectF m_imageRect;
    QHash<QString, PlanCameraItem *> m_items;
    QHash<QString, QPointF> m_positions; ///< normalized, as last set or moved
    QString m_message;
    QPointer<QMenu> m_menu;
};

} // namespace vms::ui
