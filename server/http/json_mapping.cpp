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

QJsonObject organizationJson(const Organization &o)
{
    QJsonObject out{{QStringLiteral("id"), o.id},
                    {QStringLiteral("name"), o.name},
                    {QStringLiteral("description"), o.description},
                    {QStringLiteral("is_internal"), o.isInternal}};
    if (o.logoId) {
        out.insert(QStringLiteral("logo_id"), *o.logoId);
        out.insert(QStringLiteral("logo_url"), uploadContentUrl(*o.logoId));
    }
    return out;
}

QJsonObject groupJson(const Group &g)
{
    return {{QStringLiteral("id"), g.id},
            {QStringLiteral("name"), g.name},
            {QStringLiteral("description"), g.description},
            {QStringLiteral("organization_id"), g.organizationId},
            {QStringLiteral("organization_name"), g.organizationName},
            {QStringLiteral("is_internal"), g.isInternal},
            {QStringLiteral("user_count"), g.userCount},
            {QStringLiteral("place_count"), g.placeCount}};
}

QJsonObject roleJson(const Role &r)
{
    return {{QStringLiteral("id"), r.id},
            {QStringLiteral("name"), r.name},
            {QStringLiteral("description"), r.description},
            {QStringLiteral("is_internal"), r.isInternal}};
}

QJsonObject placeJson(const Place &p)
{
    QJsonObject out{{QStringLiteral("id"), p.id},
                    {QStringLiteral("name"), p.name},
                    {QStringLiteral("created_at"), isoFromMs(p.createdAtMs)},
                    {QStringLiteral("updated_at"), isoFromMs(p.updatedAtMs)},
                    {QStringLiteral("plan_count"), p.planCount},
                    {QStringLiteral("camera_count"), p.cameraCount}};
    if (p.description)
        out.insert(QStringLiteral("description"), *p.description);
    if (p.latitude)
        out.insert(QStringLiteral("latitude"), *p.latitude);
    if (p.longitude)
        out.insert(QStringLiteral("longitude"), *p.longitude);
    return out;
}

} // namespace vms::server
