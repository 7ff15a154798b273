#pragma once

#include "core/client/site_dto.h"

#include <QAbstractTableModel>
#include <QHash>

namespace vms::ui {

/**
 * Cameras as a table: name and place. Rows drag out as camera MIME data (ui/camera_mime.h), for
 * dropping them on a plan.
 */
class CameraTableModel : public QAbstractTableModel
{
    Q_OBJECT

public:
    enum Column { NameColumn, PlaceColumn, ColumnCount };
    static constexpr int CameraIdRole = Qt::UserRole + 1;

    explicit CameraTableModel(QObject *parent = nullptr);

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;
    Qt::ItemFlags flags(const QModelIndex &index) const override;
    QStringList mimeTypes() const override;
    QMimeData *mimeData(const QModelIndexList &indexes) const override;
    Qt::DropActions supportedDragActions() const override;

    void setCameras(const QList<client::Camera> &cameras);
    /** Place names for cameras listed without an origin. */
    void setPlaces(const QList<client::Place> &places);

    const QList<client::Camera> &cameras() const { return m_cameras; }
    const client::Camera &camera(int row) const { return m_cameras.at(row); }
    int rowOf(const QString &id) const;
    QString placeName(const client::Camera &camera) const;

private:
    QList<client::Camera> m_cameras;
    QHash<qint64, QString> m_placeNames;
};

} // namespace vms::ui
