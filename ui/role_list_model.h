#pragma once

#include "core/client/organization_dto.h"

#include <QAbstractListModel>

namespace vms::ui {

/** Roles as a list; built-in roles are marked. */
class RoleListModel : public QAbstractListModel
{
    Q_OBJECT

public:
    static constexpr int RoleIdRole = Qt::UserRole + 1;

    explicit RoleListModel(QObject *parent = nullptr);

    int rowCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;

    void setRoles(const QList<client::Role> &roles);
    const QList<client::Role> &roles() const { return m_roles; }
    const client::Role &role(int row) const { return m_roles.at(row); }
    int rowOf(qint64 id) const;

private:
    QList<client::Role> m_roles;
};

} // namespace vms::ui
