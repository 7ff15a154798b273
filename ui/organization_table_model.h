#pragma once

#include "core/client/organization_dto.h"

#include <QAbstractTableModel>

namespace vms::ui {

/** Organizations as a table: name, description and whether they are built in. */
class OrganizationTableModel : public QAbstractTableModel
{
    Q_OBJECT

public:
    enum Column { NameColumn, KindColumn, DescriptionColumn, ColumnCount };
    static constexpr int OrganizationIdRole = Qt::UserRole + 1;

    explicit OrganizationTableModel(QObject *parent = nullptr);

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;

    void setOrganizations(const QList<client::Organization> &organizations);
    const client::Organization &organization(int row) const { return m_organizations.at(row); }
    int rowOf(qint64 id) const;

private:
    QList<client::Organization> m_organizations;
};

} // namespace vms::ui
