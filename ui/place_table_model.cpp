#include "ui/place_table_model.h"

namespace vms::ui {

PlaceTableModel::PlaceTableModel(QObject *parent)
    : QAbstractTableModel(parent)
{}

int PlaceTableModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_places.size());
}

int PlaceTableModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant PlaceTableModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid() || index.row() >= m_places.size())
        return {};
    const client::Place &place = m_places.at(index.row());
    if (role == PlaceIdRole)
        return place.id;
    if (role == Qt::ToolTipRole)
        return place.description.isEmpty() ? QVariant() : QVariant(place.description);
    if (role == Qt::TextAlignmentRole && index.column() != NameColumn)
        return int(Qt::AlignRight | Qt::AlignVCenter);
    if (role != Qt::DisplayRole)
        return {};
    switch (index.column()) {
    case NameColumn:
        return place.name;
    case CamerasColumn:
        return place.cameraCount;
    case PlansColumn:
        return place.planCount;
    default:
        return {};
    }
}

QVariant PlaceTableModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case NameColumn:
        return tr("Place");
    case CamerasColumn:
        return tr("Cameras");
    case PlansColumn:
        return tr("Plans");
    default:
        return {};
    }
}

void PlaceTableModel::setPlaces(const QList<client::Place> &places)
{
    beginResetModel();
    m_places = places;
    endResetModel();
}

} // namespace vms::ui
