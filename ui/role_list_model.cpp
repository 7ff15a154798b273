#include "ui/role_list_model.h"

#include <QFont>

namespace vms::ui {

RoleListModel::RoleListModel(QObject *parent)
    : QAbstractListModel(parent)
{}

int RoleListModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_roles.size());
}

QVariant RoleListModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid() || index.row() >= m_roles.size())
        return {};
    const client::Role &r = m_roles.at(index.row());
    switch (role) {
    case Qt::DisplayRole:
        return r.isInternal ? tr("%1 (built-in)").arg(r.name) : r.name;
    case Qt::ToolTipRole:
        return r.description.isEmpty() ? QVariant() : QVariant(r.description);
    case Qt::FontRole:
        if (r.isInternal) {
            QFont font;
            font.setItalic(true);
            return font;
        }
        return {};
    case RoleIdRole:
        return r.id;
    default:
        return {};
    }
}

void RoleListModel::setRoles(const QList<client::Role> &roles)
{
    beginResetModel();
    m_roles = roles;
    endResetModel();
}

int RoleListModel::rowOf(qint64 id) const
{
    for (int row = 0; row < m_roles.size(); ++row) {
        if (m_roles.at(row).id == id)
            return row;
    }
    return -1;
}

} // namespace vms::ui
