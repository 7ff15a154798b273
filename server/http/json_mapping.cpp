#include "server/http/json_mapping.h"

#include "core/domain/time_format.h"

namespace vms::server {

QJsonArray groupRefsJson(const QList<GroupRef> &groups)
{
    QJsonArray out;
    for (const GroupRef &g : groups)
        out.append(QJsonObject{{QStringLiteral("id"), g.id}, {QStringLiteral("name"), g.name}});
    return out;
}

QString uploadContentUrl(const QString &uploadId)
{
    return QStringLiteral("/api/v1/uploads/") + uploadId + QStringLiteral("/content");
}

QJsonObject userJson(const User &u)
{
    QJsonObject o{{QStringLiteral("id"), u.id},
                  {QStringLiteral("first_name"), u.firstName},
                  {QStringLiteral("last_name"), u.lastName},
                  {QStringLiteral("email"), u.email},
                  {QStringLiteral("organization_id"), u.organizationId},
                  {QStringLiteral("organization_name"), u.organizationName},
                  {QStringLiteral("groups"), groupRefsJson(u.groups)},
                  {QStringLiteral("is_superuser"), u.isSuperuser},
                  {QStringLiteral("role_id"), u.roleId}};
    if (u.avatarId) {
        o.insert(QStringLiteral("avatar_id"), *u.avatarId);
        o.insert(QStringLiteral("avatar_url"), uploadContentUrl(*u.avatarId));
    }
    return o;
}

QJsonObject currentUserJson(const User &user, const QStringList &permissions)
{
    QJsonObject o = userJson(user);
    o.insert(QStringLiteral("permissions"), QJsonArray::fromStringList(permissions));
    return o;
}

QJsonObject auditLogJson(const AuditEntry &e)
{
    QJsonObject o{{QStringLiteral("id"), e.id},
                  {QStringLiteral("action_type"), e.actionType},
                  {QStringLiteral("user_id"), e.userId},
                  {QStringLiteral("meta"), e.meta},
                  {QStringLiteral("organization_id"), e.organizationId},
                  {QStringLiteral("organization_name"), e.organizationName},
                  {QStringLiteral("created_at"), isoFromMs(e.createdAtMs)},
                  {QStringLiteral("user_email"), e.userEmail},
                  {QStringLiteral("user_first_name"), e.userFirstName},
                  {QStringLiteral("user_last_name"), e.userLastName},
                  {QStringLiteral("user_role_id"), e.userRoleId},
                  {QStringLiteral("user_role_name"), e.userRoleName},
                  {QStringLiteral("user_groups"), groupRefsJson(e.userGroups)},
                  {QStringLiteral("user_is_superuser"), e.userIsSuperuser}};
    if (!e.clientIp.isEmpty())
        o.insert(QStringLiteral("client_ip"), e.clientIp);
    if (e.userAvatarId) {
        o.insert(QStringLiteral("user_avatar_id"), *e.userAvatarId);
        o.insert(QStringLiteral("user_avatar_url"), uploadContentUrl(*e.userAvatarId));
    }
    return o;
}

} // namespace vms::server
