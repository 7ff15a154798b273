#pragma once

#include "core/client/organization_dto.h"

#include <QAbstractTableModel>

namespace vms::ui {

/** Groups as a table: name, description and how many users and places they hold. */
class GroupTableModel : public QAbstractTableModel
{
    Q_OBJECT

public:
    enum Column { NameColumn, UsersColumn, PlacesColumn, DescriptionColumn, ColumnCount };
    static constexpr int GroupIdRole = Qt::UserRole + 1;

    explicit GroupTableModel(QObject *parent = nullptr);

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;

    void setGroups(const QList<client::Group> &groups);
    const client::Group &group(int row) const { return m_groups.at(row); }
    int rowOf(qint64 id) const;

private:
    QList<client::Group> m_groups;
};

} // namespace vms::ui
