#pragma once

#include "core/client/site_dto.h"

#include <QAbstractItemModel>
#include <QIcon>

#include <optional>

namespace vms::ui {

/** Places with their plans as children, both sorted by name. */
class PlaceTreeModel : public QAbstractItemModel
{
    Q_OBJECT

public:
    enum class Kind { Place, Plan };
    static constexpr int KindRole = Qt::UserRole + 1;
    static constexpr int IdRole = Qt::UserRole + 2; ///< place id or plan id

    explicit PlaceTreeModel(QObject *parent = nullptr);

    QModelIndex index(int row, int column, const QModelIndex &parent = {}) const override;
    QModelIndex parent(const QModelIndex &child) const override;
    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;

    void setIcons(const QIcon &placeIcon, const QIcon &planIcon);
    /** Replaces the tree; plans of places not in @p places are left out. */
    void setContent(const QList<client::Place> &places, const QList<client::Plan> &plans);

    std::optional<client::Place> placeAt(const QModelIndex &index) const;
    std::optional<client::Plan> planAt(const QModelIndex &index) const;
    /** The place of a place row, or the place of a plan row. */
    std::optional<client::Place> owningPlace(const QModelIndex &index) const;
    QModelIndex indexOfPlace(qint64 placeId) const;
    QModelIndex indexOfPlan(qint64 planId) const;
    bool isEmpty() const { return m_places.isEmpty(); }

private:
    struct Node
    {
        client::Place place;
        QList<client::Plan> plans;
    };

    QList<Node> m_places;
    QIcon m_placeIcon;
    QIcon m_planIcon;
};

} // namespace vms::ui
