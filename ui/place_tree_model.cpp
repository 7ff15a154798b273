#include "ui/place_tree_model.h"

#include <QCollator>

#include <algorithm>

namespace vms::ui {

namespace {
// Place rows carry this internal id; plan rows carry their place's row + 1.
constexpr quintptr kPlaceId = 0;
} // namespace

PlaceTreeModel::PlaceTreeModel(QObject *parent)
    : QAbstractItemModel(parent)
{}

QModelIndex PlaceTreeModel::index(int row, int column, const QModelIndex &parent) const
{
    if (column != 0 || row < 0)
        return {};
    if (!parent.isValid())
        return row < m_places.size() ? createIndex(row, 0, kPlaceId) : QModelIndex();
    if (parent.internalId() != kPlaceId || parent.row() >= m_places.size())
        return {};
    return row < m_places.at(parent.row()).plans.size()
                   ? createIndex(row, 0, quintptr(parent.row() + 1))
                   : QModelIndex();
}

QModelIndex PlaceTreeModel::parent(const QModelIndex &child) const
{
    if (!child.isValid() || child.internalId() == kPlaceId)
        return {};
    return createIndex(int(child.internalId() - 1), 0, kPlaceId);
}

int PlaceTreeModel::rowCount(const QModelIndex &parent) const
{
    if (!parent.isValid())
        return int(m_places.size());
    if (parent.internalId() == kPlaceId)
        return int(m_places.at(parent.row()).plans.size());
    return 0;
}

int PlaceTreeModel::columnCount(const QModelIndex &) const
{
    return 1;
}

QVariant PlaceTreeModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid())
        return {};
    if (index.internalId() == kPlaceId) {
        const client::Place &place = m_places.at(index.row()).place;
        switch (role) {
        case Qt::DisplayRole:
            return place.name;
        case Qt::DecorationRole:
            return m_placeIcon;
        case Qt::ToolTipRole: {
            QString tip = tr("%1\nCameras: %2, plans: %3")
                                  .arg(place.name)
                                  .arg(place.cameraCount)
                                  .arg(place.planCount);
            if (!place.description.isEmpty())
                tip += QLatin1Char('\n') + place.description;
            return tip;
        }
        case KindRole:
            return int(Kind::Place);
        case IdRole:
            return place.id;
        default:
            return {};
        }
    }
    const client::Plan &plan = m_places.at(int(index.internalId() - 1)).plans.at(index.row());
    switch (role) {
    case Qt::DisplayRole:
        return plan.name;
    case Qt::DecorationRole:
        return m_planIcon;
    case Qt::ToolTipRole:
        return tr("Plan %1: select it to see its cameras; drop cameras on it to place them.")
                .arg(plan.name);
    case KindRole:
        return int(Kind::Plan);
    case IdRole:
        return plan.id;
    default:
        return {};
    }
}

void PlaceTreeModel::setIcons(const QIcon &placeIcon, const QIcon &planIcon)
{
    m_placeIcon = placeIcon;
    m_planIcon = planIcon;
}

void PlaceTreeModel::setContent(const QList<client::Place> &places,
                                const QList<client::Plan> &plans)
{
    QCollator collator;
    collator.setNumericMode(true);
    collator.setCaseSensitivity(Qt::CaseInsensitive);
    beginResetModel();
    m_places.clear();
    for (const client::Place &place : places)
        m_places.append({place, {}});
    std::sort(m_places.begin(), m_places.end(), [&](const Node &a, const Node &b) {
        return collator.compare(a.place.name, b.place.name) < 0;
    });
    for (const client::Plan &plan : plans) {
        for (Node &node : m_places) {
            if (node.place.id == plan.placeId) {
                node.plans.append(plan);
                break;
            }
        }
    }
    for (Node &node : m_places) {
        std::sort(node.plans.begin(), node.plans.end(),
                  [&](const client::Plan &a, const client::Plan &b) {
                      return collator.compare(a.name, b.name) < 0;
                  });
    }
    endResetModel();
}

std::optional<client::Place> PlaceTreeModel::placeAt(const QModelIndex &index) const
{
    if (!index.isValid() || index.internalId() != kPlaceId)
        return std::nullopt;
    return m_places.at(index.row()).place;
}

std::optional<client::Plan> PlaceTreeModel::planAt(const QModelIndex &index) const
{
    if (!index.isValid() || index.internalId() == kPlaceId)
        return std::nullopt;
    return m_places.at(int(index.internalId() - 1)).plans.at(index.row());
}

std::optional<client::Place> PlaceTreeModel::owningPlace(const QModelIndex &index) const
{
    if (!index.isValid())
        return std::nullopt;
    const int placeRow = index.internalId() == kPlaceId ? index.row() : int(index.internalId() - 1);
    return m_places.at(placeRow).place;
}

QModelIndex PlaceTreeModel::indexOfPlace(qint64 placeId) const
{
    for (int row = 0; row < m_places.size(); ++row) {
        if (m_places.at(row).place.id == placeId)
            return index(row, 0);
    }
    return {};
}

QModelIndex PlaceTreeModel::indexOfPlan(qint64 planId) const
{
    for (int row = 0; row < m_places.size(); ++row) {
        const QList<client::Plan> &plans = m_places.at(row).plans;
        for (int planRow = 0; planRow < plans.size(); ++planRow) {
            if (plans.at(planRow).id == planId)
                return createIndex(planRow, 0, quintptr(row + 1));
        }
    }
    return {};
}

} // namespace vms::ui
