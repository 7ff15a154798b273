#pragma once

#include "core/client/site_dto.h"

#include <QAbstractTableModel>

namespace vms::ui {

/** Places as a table: name, cameras and plans. */
class PlaceTableModel : public QAbstractTableModel
{
    Q_OBJECT

public:
    enum Column { NameColumn, CamerasColumn, PlansColumn, ColumnCount };
    static constexpr int PlaceIdRole = Qt::UserRole + 1;

    explicit PlaceTableModel(QObject *parent = nullptr);

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;

    void setPlaces(const QList<client::Place> &places);
    const QList<client::Place> &places() const { return m_places; }
    const client::Place &place(int row) const { return m_places.at(row); }

private:
    QList<client::Place> m_places;
};

} // namespace vms::ui
