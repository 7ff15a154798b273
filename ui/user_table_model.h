#pragma once

#include "core/client/dto.h"
#include "core/client/organization_dto.h"

#include <QAbstractTableModel>
#include <QHash>
#include <QList>

namespace vms::ui {

/** Users as a table: name, e-mail, role (by name) and group. */
class UserTableModel : public QAbstractTableModel
{
    Q_OBJECT

public:
    enum Column { NameColumn, EmailColumn, RoleColumn, GroupColumn, ColumnCount };
    static constexpr int UserIdRole = Qt::UserRole + 1;

    explicit UserTableModel(QObject *parent = nullptr);

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;

    void setUsers(const QList<client::User> &users);
    /** Role names for the role column; without them the column shows role numbers. */
    void setRoles(const QList<client::Role> &roles);

    const QList<client::User> &users() const { return m_users; }
    const client::User &user(int row) const { return m_users.at(row); }
    /** The row of the user with @p id, or -1. */
    int rowOf(qint64 id) const;

private:
    QList<client::User> m_users;
    QHash<qint64, QString> m_roleNames;
};

} // namespace vms::ui
