#include "ui/camera_table_model.h"

#include "ui/camera_mime.h"

#include <QMimeData>

namespace vms::ui {

CameraTableModel::CameraTableModel(QObject *parent)
    : QAbstractTableModel(parent)
{}

int CameraTableModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_cameras.size());
}

int CameraTableModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QString CameraTableModel::placeName(const client::Camera &camera) const
{
    if (camera.origin && !camera.origin->placeName.isEmpty())
        return camera.origin->placeName;
    const QString name = m_placeNames.value(camera.placeId);
    return name.isEmpty() ? tr("Place %1").arg(camera.placeId) : name;
}

QVariant CameraTableModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid() || index.row() >= m_cameras.size())
        return {};
    const client::Camera &camera = m_cameras.at(index.row());
    switch (role) {
    case CameraIdRole:
        return camera.id;
    case Qt::DisplayRole:
        return index.column() == NameColumn ? camera.name : placeName(camera);
    case Qt::ToolTipRole: {
        QString tip = tr("%1\nPlace: %2").arg(camera.name, placeName(camera));
        if (camera.origin && !camera.origin->planName.isEmpty())
            tip += tr("\nOn plan: %1").arg(camera.origin->planName);
        return QString(tip + tr("\nDrag the camera onto a plan to place it there."));
    }
    default:
        return {};
    }
}

QVariant CameraTableModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case NameColumn:
        return tr("Camera");
    case PlaceColumn:
        return tr("Place");
    default:
        return {};
    }
}

Qt::ItemFlags CameraTableModel::flags(const QModelIndex &index) const
{
    if (!index.isValid())
        return Qt::NoItemFlags;
    return Qt::ItemIsEnabled | Qt::ItemIsSelectable | Qt::ItemIsDragEnabled;
}

QStringList CameraTableModel::mimeTypes() const
{
    return {cameraMimeType()};
}

QMimeData *CameraTableModel::mimeData(const QModelIndexList &indexes) const
{
    // A plan takes one camera per drop: the first dragged row.
    for (const QModelIndex &index : indexes) {
        if (index.isValid() && index.row() < m_cameras.size()) {
            const client::Camera &camera = m_cameras.at(index.row());
            return makeCameraMimeData(camera.id, camera.name);
        }
    }
    return nullptr;
}

Qt::DropActions CameraTableModel::supportedDragActions() const
{
    return Qt::CopyAction;
}

void CameraTableModel::setCameras(const QList<client::Camera> &cameras)
{
    beginResetModel();
    m_cameras = cameras;
    endResetModel();
}

void CameraTableModel::setPlaces(const QList<client::Place> &places)
{
    m_placeNames.clear();
    for (const client::Place &place : places)
        m_placeNames.insert(place.id, place.name);
    if (!m_cameras.isEmpty())
        emit dataChanged(index(0, PlaceColumn), index(int(m_cameras.size()) - 1, PlaceColumn));
}

int CameraTableModel::rowOf(const QString &id) const
{
    for (int row = 0; row < m_cameras.size(); ++row) {
        if (m_cameras.at(row).id == id)
            return row;
    }
    return -1;
}

} // namespace vms::ui
