#include "ui/user_table_model.h"

#include <QFont>

namespace vms::ui {

UserTableModel::UserTableModel(QObject *parent)
    : QAbstractTableModel(parent)
{}

int UserTableModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_users.size());
}

int UserTableModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant UserTableModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid() || index.row() >= m_users.size())
        return {};
    const client::User &user = m_users.at(index.row());
    if (role == UserIdRole)
        return user.id;
    if (role == Qt::ToolTipRole && user.isSuperuser)
        return tr("Superuser: has every permission in every organization.");
    if (role == Qt::FontRole && user.isSuperuser && index.column() == RoleColumn) {
        QFont font;
        font.setBold(true);
        return font;
    }
    if (role != Qt::DisplayRole)
        return {};
    switch (index.column()) {
    case NameColumn: {
        const QString name
                = QStringList{user.firstName, user.lastName}.join(QLatin1Char(' ')).trimmed();
        return name.isEmpty() ? tr("(no name)") : name;
    }
    case EmailColumn:
        return user.email;
    case RoleColumn: {
        const QString roleName = m_roleNames.value(user.roleId);
        return roleName.isEmpty() ? tr("Role %1").arg(user.roleId) : roleName;
    }
    case GroupColumn:
        return user.groups.isEmpty() ? tr("—") : user.groups.constFirst().name;
    default:
        return {};
    }
}

QVariant UserTableModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case NameColumn:
        return tr("Name");
    case EmailColumn:
        return tr("E-mail");
    case RoleColumn:
        return tr("Role");
    case GroupColumn:
        return tr("Group");
    default:
        return {};
    }
}

void UserTableModel::setUsers(const QList<client::User> &users)
{
    beginResetModel();
    m_users = users;
    endResetModel();
}

void UserTableModel::setRoles(const QList<client::Role> &roles)
{
    m_roleNames.clear();
    for (const client::Role &role : roles)
        m_roleNames.insert(role.id, role.name);
    if (!m_users.isEmpty())
        emit dataChanged(index(0, RoleColumn), index(int(m_users.size()) - 1, RoleColumn));
}

int UserTableModel::rowOf(qint64 id) const
{
    for (int row = 0; row < m_users.size(); ++row) {
        if (m_users.at(row).id == id)
            return row;
    }
    return -1;
}

} // namespace vms::ui
