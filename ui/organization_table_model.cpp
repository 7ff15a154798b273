#include "ui/organization_table_model.h"

namespace vms::ui {

OrganizationTableModel::OrganizationTableModel(QObject *parent)
    : QAbstractTableModel(parent)
{}

int OrganizationTableModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_organizations.size());
}

int OrganizationTableModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant OrganizationTableModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid() || index.row() >= m_organizations.size())
        return {};
    const client::Organization &o = m_organizations.at(index.row());
    if (role == OrganizationIdRole)
        return o.id;
    if (role == Qt::ToolTipRole && index.column() == DescriptionColumn)
        return o.description;
    if (role != Qt::DisplayRole)
        return {};
    switch (index.column()) {
    case NameColumn:
        return o.name;
    case KindColumn:
        return o.isInternal ? tr("Built-in") : tr("Tenant");
    case DescriptionColumn:
        return o.description;
    default:
        return {};
    }
}

QVariant OrganizationTableModel::headerData(int section, Qt::Orientation orientation,
                                            int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case NameColumn:
        return tr("Name");
    case KindColumn:
        return tr("Kind");
    case DescriptionColumn:
        return tr("Description");
    default:
        return {};
    }
}

void OrganizationTableModel::setOrganizations(const QList<client::Organization> &organizations)
{
    beginResetModel();
    m_organizations = organizations;
    endResetModel();
}

int OrganizationTableModel::rowOf(qint64 id) const
{
    for (int row = 0; row < m_organizations.size(); ++row) {
        if (m_organizations.at(row).id == id)
            return row;
    }
    return -1;
}

} // namespace vms::ui
