#include "core/storage/audit_repository.h"

#include "core/storage/database.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

namespace vms::storage {

namespace {

const QString kColumns = QStringLiteral(
        "id, action_type, user_id, organization_id, organization_name, user_email,"
        " user_first_name, user_last_name, user_avatar_id, user_role_id, user_role_name,"
        " user_groups, user_is_superuser, client_ip, meta, created_at");

QString groupsToJson(const QList<GroupRef> &groups)
{
    QJsonArray a;
    for (const GroupRef &g : groups)
        a.append(QJsonObject{{QStringLiteral("id"), g.id}, {QStringLiteral("name"), g.name}});
    return QString::fromUtf8(QJsonDocument(a).toJson(QJsonDocument::Compact));
}

AuditEntry fromRow(const Database::Row &row)
{
    AuditEntry e;
    e.id = row[0].toString();
    e.actionType = row[1].toString();
    e.userId = row[2].toLongLong();
    e.organizationId = row[3].toLongLong();
    e.organizationName = row[4].toString();
    e.userEmail = row[5].toString();
    e.userFirstName = row[6].toString();
    e.userLastName = row[7].toString();
    if (!row[8].isNull())
        e.userAvatarId = row[8].toString();
    e.userRoleId = row[9].toLongLong();
    e.userRoleName = row[10].toString();
    const QJsonArray groups = QJsonDocument::fromJson(row[11].toString().toUtf8()).array();
    for (const QJsonValue &g : groups) {
        const QJsonObject o = g.toObject();
        e.userGroups.append({qint64(o.value(QStringLiteral("id")).toDouble()),
                             o.value(QStringLiteral("name")).toString()});
    }
    e.userIsSuperuser = row[12].toBool();
    e.clientIp = row[13].toString();
    e.meta = QJsonDocument::fromJson(row[14].toString().toUtf8()).object();
    e.createdAtMs = row[15].toLongLong();
    return e;
}

} // namespace

Status AuditRepository::insert(const AuditEntry &e)
{
    auto r = m_db.execute(QStringLiteral("INSERT INTO auditlogs (") + kColumns
                                  + QStringLiteral(") VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)"),
                          {e.id, e.actionType, e.userId, e.organizationId, e.organizationName,
                           e.userEmail, e.userFirstName, e.userLastName,
                           e.userAvatarId ? QVariant(*e.userAvatarId) : Database::null(),
                           e.userRoleId, e.userRoleName, groupsToJson(e.userGroups),
                           e.userIsSuperuser, e.clientIp,
                           QString::fromUtf8(QJsonDocument(e.meta).toJson(QJsonDocument::Compact)),
                           e.createdAtMs});
    if (!r)
        return r.error();
    return Ok{};
}

Result<AuditPage> AuditRepository::list(const AuditQuery &query)
{
    QString sql = QStringLiteral("SELECT ") + kColumns
                  + QStringLiteral(" FROM auditlogs WHERE created_at >= ? AND created_at <= ?");
    QVariantList binds{query.fromMs, query.toMs};
    if (query.organizationId) {
        sql += QStringLiteral(" AND organization_id = ?");
        binds.append(*query.organizationId);
    }
    if (!query.userIds.isEmpty()) {
        sql += QStringLiteral(" AND user_id IN (");
        for (int i = 0; i < query.userIds.size(); ++i) {
            sql += i ? QStringLiteral(",?") : QStringLiteral("?");
            binds.append(query.userIds.at(i));
        }
        sql += QLatin1Char(')');
    }
    if (!query.actionTypes.isEmpty()) {
        sql += QStringLiteral(" AND action_type IN (");
        for (int i = 0; i < query.actionTypes.size(); ++i) {
            sql += i ? QStringLiteral(",?") : QStringLiteral("?");
            binds.append(query.actionTypes.at(i));
        }
        sql += QLatin1Char(')');
    }
    // Keyset pagination over (created_at, id): stable under concurrent inserts.
    if (query.after) {
        sql += query.isAscending
                       ? QStringLiteral(" AND (created_at > ? OR (created_at = ? AND id > ?))")
                       : QStringLiteral(" AND (created_at < ? OR (created_at = ? AND id < ?))");
        binds << query.after->key << query.after->key << query.after->id;
    }
    sql += query.isAscending ? QStringLiteral(" ORDER BY created_at ASC, id ASC")
                             : QStringLiteral(" ORDER BY created_at DESC, id DESC");
    sql += QStringLiteral(" LIMIT ?");
    binds.append(query.limit + 1);

    auto rows = m_db.select(sql, binds);
    if (!rows)
        return rows.error();
    AuditPage page;
    for (int i = 0; i < rows->size() && i < query.limit; ++i)
        page.entries.append(fromRow(rows->at(i)));
    if (rows->size() > query.limit && !page.entries.isEmpty())
        page.next = PageCursor{page.entries.last().createdAtMs, page.entries.last().id};
    return page;
}

Result<std::optional<AuditEntry>> AuditRepository::find(const QString &id)
{
    auto rows = m_db.select(QStringLiteral("SELECT ") + kColumns
                                    + QStringLiteral(" FROM auditlogs WHERE id = ?"),
                            {id});
    if (!rows)
        return rows.error();
    if (rows->isEmpty())
        return std::optional<AuditEntry>{};
    return std::optional<AuditEntry>(fromRow(rows->first()));
}

} // namespace vms::storage
