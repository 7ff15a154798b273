#include "ui/permission_tree_model.h"

#include "core/client/organization_dto.h"

#include <QFont>
#include <QHash>

namespace vms::ui {

namespace {
// Category rows carry this internal id; permission rows carry their category's row + 1.
constexpr quintptr kCategoryId = 0;
} // namespace

PermissionTreeModel::PermissionTreeModel(QObject *parent)
    : QAbstractItemModel(parent)
{
    QHash<QString, int> byPrefix;
    const QStringList &permissions = client::allPermissions();
    for (const QString &permission : permissions) {
        const QString prefix = client::permissionPrefix(permission);
        auto it = byPrefix.find(prefix);
        if (it == byPrefix.end()) {
            it = byPrefix.insert(prefix, int(m_categories.size()));
            m_categories.append({prefix, {}});
        }
        m_categories[*it].permissions.append(permission);
    }
}

QString PermissionTreeModel::categoryName(const QString &prefix)
{
    static const QHash<QString, const char *> names = {
            {QStringLiteral("auditlog"), QT_TR_NOOP("Audit log")},
            {QStringLiteral("camera"), QT_TR_NOOP("Cameras")},
            {QStringLiteral("event"), QT_TR_NOOP("Events")},
            {QStringLiteral("faceimage"), QT_TR_NOOP("Face images")},
            {QStringLiteral("facelist"), QT_TR_NOOP("Face lists")},
            {QStringLiteral("face"), QT_TR_NOOP("Faces")},
            {QStringLiteral("group"), QT_TR_NOOP("Groups")},
            {QStringLiteral("onvif"), QT_TR_NOOP("Camera control (ONVIF)")},
            {QStringLiteral("orion"), QT_TR_NOOP("Orion integration")},
            {QStringLiteral("organization"), QT_TR_NOOP("Organizations")},
            {QStringLiteral("permission"), QT_TR_NOOP("Permissions")},
            {QStringLiteral("place"), QT_TR_NOOP("Places")},
            {QStringLiteral("plan"), QT_TR_NOOP("Plans")},
            {QStringLiteral("platelist"), QT_TR_NOOP("Plate lists")},
            {QStringLiteral("plate"), QT_TR_NOOP("Licence plates")},
            {QStringLiteral("role"), QT_TR_NOOP("Roles")},
            {QStringLiteral("search"), QT_TR_NOOP("Search")},
            {QStringLiteral("segment"), QT_TR_NOOP("Archive segments")},
            {QStringLiteral("snapshot"), QT_TR_NOOP("Snapshots")},
            {QStringLiteral("stats"), QT_TR_NOOP("Statistics")},
            {QStringLiteral("stream"), QT_TR_NOOP("Streams")},
            {QStringLiteral("streamserver"), QT_TR_NOOP("Stream servers")},
            {QStringLiteral("streamstatus"), QT_TR_NOOP("Stream status")},
            {QStringLiteral("upload"), QT_TR_NOOP("Uploads")},
            {QStringLiteral("user"), QT_TR_NOOP("Users")},
            {QStringLiteral("videoclip"), QT_TR_NOOP("Video clips")},
    };
    const char *name = names.value(prefix);
    return name ? tr(name) : prefix;
}

QModelIndex PermissionTreeModel::index(int row, int column, const QModelIndex &parent) const
{
    if (column != 0 || row < 0)
        return {};
    if (!parent.isValid())
        return row < m_categories.size() ? createIndex(row, 0, kCategoryId) : QModelIndex();
    if (parent.internalId() != kCategoryId)
        return {};
    const Category &category = m_categories.at(parent.row());
    return row < category.permissions.size() ? createIndex(row, 0, quintptr(parent.row() + 1))
                                             : QModelIndex();
}

QModelIndex PermissionTreeModel::parent(const QModelIndex &child) const
{
    if (!child.isValid() || child.internalId() == kCategoryId)
        return {};
    return createIndex(int(child.internalId() - 1), 0, kCategoryId);
}

int PermissionTreeModel::rowCount(const QModelIndex &parent) const
{
    if (!parent.isValid())
        return int(m_categories.size());
    if (parent.internalId() == kCategoryId)
        return int(m_categories.at(parent.row()).permissions.size());
    return 0;
}

int PermissionTreeModel::columnCount(const QModelIndex &) const
{
    return 1;
}

QVariant PermissionTreeModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid())
        return {};
    if (index.internalId() == kCategoryId) {
        const Category &category = m_categories.at(index.row());
        if (role == Qt::DisplayRole) {
            int count = 0;
            for (const QString &permission : category.permissions)
                count += m_granted.contains(permission) ? 1 : 0;
            return tr("%1 (%2 of %3)")
                    .arg(categoryName(category.prefix))
                    .arg(count)
                    .arg(category.permissions.size());
        }
        if (role == Qt::FontRole) {
            QFont font;
            font.setBold(true);
            return font;
        }
        return {};
    }
    const QString &permission
            = m_categories.at(int(index.internalId() - 1)).permissions.at(index.row());
    switch (role) {
    case Qt::DisplayRole:
    case PermissionRole:
        return permission;
    case Qt::CheckStateRole:
        return m_granted.contains(permission) ? Qt::Checked : Qt::Unchecked;
    case Qt::ToolTipRole:
        return m_pending.contains(permission) ? tr("Saving…") : QVariant();
    default:
        return {};
    }
}

Qt::ItemFlags PermissionTreeModel::flags(const QModelIndex &index) const
{
    if (!index.isValid())
        return Qt::NoItemFlags;
    if (index.internalId() == kCategoryId)
        return Qt::ItemIsEnabled;
    const QString permission = index.data(PermissionRole).toString();
    if (!m_isEditable || m_pending.contains(permission))
        return Qt::ItemIsSelectable; // shown greyed: read-only or waiting for the server
    return Qt::ItemIsEnabled | Qt::ItemIsSelectable | Qt::ItemIsUserCheckable;
}

bool PermissionTreeModel::setData(const QModelIndex &index, const QVariant &value, int role)
{
    if (role != Qt::CheckStateRole || !index.isValid() || index.internalId() == kCategoryId)
        return false;
    const QString permission = index.data(PermissionRole).toString();
    if (!m_isEditable || m_pending.contains(permission))
        return false;
    const bool grant = Qt::CheckState(value.toInt()) == Qt::Checked;
    if (grant == m_granted.contains(permission))
        return false;
    if (grant)
        m_granted.insert(permission);
    else
        m_granted.remove(permission);
    m_pending.insert(permission);
    emitChanged(permission);
    emit toggleRequested(permission, grant);
    return true;
}

void PermissionTreeModel::setGranted(const QStringList &permissions)
{
    m_granted = QSet<QString>(permissions.cbegin(), permissions.cend());
    m_pending.clear();
    emitAllChanged();
}

QStringList PermissionTreeModel::granted() const
{
    QStringList out(m_granted.cbegin(), m_granted.cend());
    out.sort();
    return out;
}

void PermissionTreeModel::setEditable(bool isEditable)
{
    if (m_isEditable == isEditable)
        return;
    m_isEditable = isEditable;
    emitAllChanged();
}

void PermissionTreeModel::resolve(const QString &permission, bool isAccepted)
{
    if (!m_pending.remove(permission))
        return;
    if (!isAccepted) {
        if (m_granted.contains(permission))
            m_granted.remove(permission);
        else
            m_granted.insert(permission);
    }
    emitChanged(permission);
}

QModelIndex PermissionTreeModel::indexOf(const QString &permission) const
{
    for (int c = 0; c < m_categories.size(); ++c) {
        const int row = int(m_categories.at(c).permissions.indexOf(permission));
        if (row >= 0)
            return createIndex(row, 0, quintptr(c + 1));
    }
    return {};
}

void PermissionTreeModel::emitAllChanged()
{
    // The structure never changes, so views keep their expanded categories.
    for (int c = 0; c < m_categories.size(); ++c) {
        const QModelIndex category = index(c, 0);
        emit dataChanged(category, category);
        const int last = int(m_categories.at(c).permissions.size()) - 1;
        emit dataChanged(index(0, 0, category), index(last, 0, category));
    }
}

void PermissionTreeModel::emitChanged(const QString &permission)
{
    const QModelIndex item = indexOf(permission);
    if (!item.isValid())
        return;
    emit dataChanged(item, item, {Qt::CheckStateRole, Qt::ToolTipRole});
    const QModelIndex category = item.parent();
    emit dataChanged(category, category, {Qt::DisplayRole});
}

} // namespace vms::ui
