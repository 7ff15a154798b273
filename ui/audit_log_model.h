#pragma once

#include "core/client/dto.h"

#include <QAbstractTableModel>
#include <QList>

namespace vms::ui {

/** Audit log entries as a table, in the order the server returned them. */
class AuditLogModel : public QAbstractTableModel
{
    Q_OBJECT

public:
    enum Column {
        TimeColumn,
        UserColumn,
        ActionColumn,
        ClientIpColumn,
        DetailsColumn,
        ColumnCount
    };
    /** Role that returns the raw action type (e.g. "user_login") of a row. */
    static constexpr int ActionTypeRole = Qt::UserRole + 1;

    explicit AuditLogModel(QObject *parent = nullptr);

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;

    void clear();
    void append(const QList<client::AuditLogEntry> &entries);
    const client::AuditLogEntry &entry(int row) const { return m_entries.at(row); }

private:
    QList<client::AuditLogEntry> m_entries;
};

} // namespace vms::ui
