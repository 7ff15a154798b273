#include "ui/plan_view.h"

#include "ui/camera_mime.h"
#include "ui/editor_validation.h"
#include "ui/plan_camera_item.h"

#include <QContextMenuEvent>
#include <QDragEnterEvent>
#include <QGraphicsPixmapItem>
#include <QGraphicsScene>
#include <QMenu>
#include <QMimeData>
#include <QPainter>

namespace vms::ui {

PlanView::PlanView(QWidget *parent)
    : QGraphicsView(parent)
{
    setObjectName(QStringLiteral("planView"));
    m_scene = new QGraphicsScene(this);
    setScene(m_scene);
    m_pixmapItem = m_scene->addPixmap(QPixmap());
    m_pixmapItem->setTransformationMode(Qt::SmoothTransformation);
    m_pixmapItem->setZValue(0);
    setRenderHints(QPainter::Antialiasing | QPainter::SmoothPixmapTransform);
    setAcceptDrops(true);
    setAlignment(Qt::AlignCenter);
    setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    setVerticalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    setBackgroundBrush(palette().color(QPalette::Window).darker(108));
    setFrameShape(QFrame::StyledPanel);
    setMinimumSize(200, 150);
    setViewportUpdateMode(QGraphicsView::BoundingRectViewportUpdate);
}

void PlanView::showMessage(const QString &text)
{
    removeMarkers();
    m_pixmapItem->setPixmap(QPixmap());
    m_imageRect = {};
    m_scene->setSceneRect(QRectF(0, 0, 1, 1));
    m_message = text;
    viewport()->update();
}

void PlanView::setImage(const QImage &image)
{
    m_message.clear();
    // The QImage was decoded off the GUI thread; the pixmap is made here, where it lives.
    m_pixmapItem->setPixmap(QPixmap::fromImage(image));
    m_imageRect = QRectF(QPointF(0, 0), QSizeF(image.size()));
    m_scene->setSceneRect(m_imageRect);
    for (auto it = m_items.cbegin(); it != m_items.cend(); ++it) {
        it.value()->setBounds(m_imageRect);
        it.value()->setPos(scenePlanPosition(m_positions.value(it.key()), m_imageRect));
        it.value()->setVisible(true);
    }
    fit();
    viewport()->update();
}

void PlanView::setCameras(const QList<client::PlanCamera> &cameras)
{
    removeMarkers();
    for (const client::PlanCamera &camera : cameras) {
        auto *item = new PlanCameraItem(camera.camera.id, camera.camera.name);
        const QPointF position(camera.x.value_or(0.5), camera.y.value_or(0.5));
        m_positions.insert(camera.camera.id, clampToUnit(position));
        item->setBounds(m_imageRect);
        item->setPos(scenePlanPosition(position, m_imageRect));
        item->setVisible(hasImage()); // shown with the image, not over a message
        connect(item, &PlanCameraItem::moveFinished, this, [this](PlanCameraItem *moved) {
            const QPointF normalized = normalizedPlanPosition(moved->pos(), m_imageRect);
            m_positions.insert(moved->cameraId(), normalized);
            emit cameraMoved(moved->cameraId(), normalized);
        });
        connect(item, &PlanCameraItem::activated, this, [this](PlanCameraItem *activated) {
            emit cameraActivated(activated->cameraId(), activated->name());
        });
        m_scene->addItem(item);
        m_items.insert(camera.camera.id, item);
    }
    viewport()->update();
}

QPointF PlanView::cameraPosition(const QString &cameraId) const
{
    return m_positions.value(cameraId, QPointF(-1, -1));
}

void PlanView::setCameraPosition(const QString &cameraId, const QPointF &normalized)
{
    PlanCameraItem *item = m_items.value(cameraId);
    if (!item)
        return;
    m_positions.insert(cameraId, clampToUnit(normalized));
    item->setPos(scenePlanPosition(normalized, m_imageRect));
}

QPoint PlanView::markerViewportPoint(const QString &cameraId) const
{
    const PlanCameraItem *item = m_items.value(cameraId);
    return item ? mapFromScene(item->pos()) : QPoint(-1, -1);
}

void PlanView::removeMarkers()
{
    for (PlanCameraItem *item : std::as_const(m_items)) {
        m_scene->removeItem(item);
        item->deleteLater();
    }
    m_items.clear();
    m_positions.clear();
}

void PlanView::fit()
{
    if (m_imageRect.isEmpty())
        return;
    // A margin of about 20 screen pixels keeps markers at the edges of the image visible
    // (markers keep their screen size, so the margin is converted to scene units).
    const qreal scale = std::min(viewport()->width() / m_imageRect.width(),
                                 viewport()->height() / m_imageRect.height());
    const qreal margin = scale > 0 ? 20 / scale : 0;
    fitInView(m_imageRect.adjusted(-margin, -margin, margin, margin), Qt::KeepAspectRatio);
}

void PlanView::resizeEvent(QResizeEvent *event)
{
    QGraphicsView::resizeEvent(event);
    fit();
}

void PlanView::drawForeground(QPainter *painter, const QRectF &rect)
{
    QGraphicsView::drawForeground(painter, rect);
    if (m_message.isEmpty())
        return;
    // The message is drawn in viewport coordinates so that it does not scale with a plan.
    painter->save();
    painter->resetTransform();
    const QRect area = viewport()->rect().adjusted(24, 24, -24, -24);
    painter->setPen(palette().color(QPalette::PlaceholderText));
    painter->drawText(area, Qt::AlignCenter | Qt::TextWordWrap, m_message);
    painter->restore();
}

bool PlanView::acceptsDrop(const QMimeData *data, const QPoint &viewportPos) const
{
    return hasImage() && cameraIdFromMimeData(data).has_value()
           && m_imageRect.contains(mapToScene(viewportPos));
}

void PlanView::dragEnterEvent(QDragEnterEvent *event)
{
    if (hasImage() && cameraIdFromMimeData(event->mimeData())) {
        event->setDropAction(Qt::CopyAction);
        event->accept();
        return;
    }
    event->ignore();
}

void PlanView::dragMoveEvent(QDragMoveEvent *event)
{
    if (acceptsDrop(event->mimeData(), event->position().toPoint())) {
        event->setDropAction(Qt::CopyAction);
        event->accept();
        return;
    }
    event->ignore();
}

void PlanView::dragLeaveEvent(QDragLeaveEvent *event)
{
    event->accept();
}

void PlanView::dropEvent(QDropEvent *event)
{
    const QPoint point = event->position().toPoint();
    if (!acceptsDrop(event->mimeData(), point)) {
        event->ignore();
        return;
    }
    event->setDropAction(Qt::CopyAction);
    event->accept();
    emit cameraDropped(*cameraIdFromMimeData(event->mimeData()), event->mimeData()->text(),
                       normalizedPlanPosition(mapToScene(point), m_imageRect));
}

void PlanView::contextMenuEvent(QContextMenuEvent *event)
{
    PlanCameraItem *item = nullptr;
    const QList<QGraphicsItem *> under = items(event->pos());
    for (QGraphicsItem *candidate : under) {
        if ((item = dynamic_cast<PlanCameraItem *>(candidate)))
            break;
    }
    if (!item) {
        QGraphicsView::contextMenuEvent(event);
        return;
    }
    const QString id = item->cameraId();
    const QString name = item->name();
    // popup(), not exec(): no nested event loop while requests are in flight.
    auto *menu = new QMenu(this);
    menu->setObjectName(QStringLiteral("planCameraMenu"));
    menu->setAttribute(Qt::WA_DeleteOnClose);
    QAction *live = menu->addAction(tr("Show live video"));
    live->setObjectName(QStringLiteral("showLiveAction"));
    connect(live, &QAction::triggered, this, [this, id, name] { emit cameraActivated(id, name); });
    menu->addSeparator();
    QAction *remove = menu->addAction(tr("Remove from plan"));
    remove->setObjectName(QStringLiteral("removeFromPlanAction"));
    connect(remove, &QAction::triggered, this, [this, id] { emit removeRequested(id); });
    m_menu = menu;
    menu->popup(event->globalPos());
    event->accept();
}

} // namespace vms::ui
