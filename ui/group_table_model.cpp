#include "ui/group_table_model.h"

namespace vms::ui {

GroupTableModel::GroupTableModel(QObject *parent)
    : QAbstractTableModel(parent)
{}

int GroupTableModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_groups.size());
}

int GroupTableModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant GroupTableModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid() || index.row() >= m_groups.size())
        return {};
    const client::Group &group = m_groups.at(index.row());
    if (role == GroupIdRole)
        return group.id;
    if (role == Qt::TextAlignmentRole
        && (index.column() == UsersColumn || index.column() == PlacesColumn))
        return int(Qt::AlignRight | Qt::AlignVCenter);
    if (role == Qt::ToolTipRole && index.column() == DescriptionColumn)
        return group.description;
    // Numbers sort as numbers.
    if (role == Qt::DisplayRole || role == Qt::EditRole) {
        switch (index.column()) {
        case NameColumn:
            return group.name;
        case UsersColumn:
            return group.userCount;
        case PlacesColumn:
            return group.placeCount;
        case DescriptionColumn:
            return group.description;
        default:
            break;
        }
    }
    return {};
}

QVariant GroupTableModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case NameColumn:
        return tr("Name");
    case UsersColumn:
        return tr("Users");
    case PlacesColumn:
        return tr("Places");
    case DescriptionColumn:
        return tr("Description");
    default:
        return {};
    }
}

void GroupTableModel::setGroups(const QList<client::Group> &groups)
{
    beginResetModel();
    m_groups = groups;
    endResetModel();
}

int GroupTableModel::rowOf(qint64 id) const
{
    for (int row = 0; row < m_groups.size(); ++row) {
        if (m_groups.at(row).id == id)
            return row;
    }
    return -1;
}

} // namespace vms::ui
