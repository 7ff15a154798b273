#include "core/client/organization_dto.h"

#include "core/client/json_reader.h"

#include <QJsonArray>

namespace vms::client {

using detail::JsonReader;

Result<Organization> Organization::fromJson(const QJsonObject &json)
{
    JsonReader r(json, QLatin1String("Organization"));
    Organization o;
    o.id = r.integer(QLatin1String("id"));
    o.name = r.string(QLatin1String("name"));
    o.description = r.string(QLatin1String("description"));
    o.isInternal = r.boolean(QLatin1String("is_internal"));
    o.logoId = r.string(QLatin1String("logo_id"), false);
    o.logoUrl = r.string(QLatin1String("logo_url"), false);
    if (!r.ok())
        return r.error();
    return o;
}

QJsonObject OrganizationInput::toJson() const
{
    QJsonObject json{{QStringLiteral("name"), name}, {QStringLiteral("description"), description}};
    if (!logoId.isEmpty())
        json.insert(QStringLiteral("logo_id"), logoId);
    return json;
}

OrganizationInput OrganizationInput::from(const Organization &organization)
{
    return {organization.name, organization.description, organization.logoId};
}

Result<Group> Group::fromJson(const QJsonObject &json)
{
    JsonReader r(json, QLatin1String("Group"));
    Group g;
    g.id = r.integer(QLatin1String("id"));
    g.name = r.string(QLatin1String("name"));
    g.description = r.string(QLatin1String("description"));
    g.organizationId = r.integer(QLatin1String("organization_id"));
    g.organizationName = r.string(QLatin1String("organization_name"));
    g.isInternal = r.boolean(QLatin1String("is_internal"));
    g.userCount = r.integer(QLatin1String("user_count"));
    g.placeCount = r.integer(QLatin1String("place_count"));
    if (!r.ok())
        return r.error();
    return g;
}

QJsonObject GroupInput::toJson() const
{
    return {{QStringLiteral("name"), name}, {QStringLiteral("description"), description}};
}

Result<Role> Role::fromJson(const QJsonObject &json)
{
    JsonReader r(json, QLatin1String("Role"));
    Role role;
    role.id = r.integer(QLatin1String("id"));
    role.name = r.string(QLatin1String("name"));
    role.description = r.string(QLatin1String("description"));
    role.isInternal = r.boolean(QLatin1String("is_internal"));
    if (!r.ok())
        return r.error();
    return role;
}

QJsonObject RoleInput::toJson() const
{
    return {{QStringLiteral("name"), name}, {QStringLiteral("description"), description}};
}

QJsonObject UserInput::toJson() const
{
    QJsonArray groups;
    if (groupId)
        groups.append(*groupId);
    QJsonObject json{{QStringLiteral("first_name"), firstName},
                     {QStringLiteral("last_name"), lastName},
                     {QStringLiteral("email"), email},
                     {QStringLiteral("group_ids"), groups},
                     {QStringLiteral("role_id"), roleId}};
    if (!password.isEmpty())
        json.insert(QStringLiteral("password"), password);
    if (!avatarId.isEmpty())
        json.insert(QStringLiteral("avatar_id"), avatarId);
    return json;
}

UserInput UserInput::from(const User &user)
{
    UserInput input;
    input.firstName = user.firstName;
    input.lastName = user.lastName;
    input.email = user.email;
    if (!user.groups.isEmpty())
        input.groupId = user.groups.constFirst().id;
    input.roleId = user.roleId;
    input.avatarId = user.avatarId;
    return input;
}

const QStringList &allPermissions()
{
    static const QStringList permissions = {
            QStringLiteral("auditlog_read"),
            QStringLiteral("camera_create"),
            QStringLiteral("camera_delete"),
            QStringLiteral("camera_read"),
            QStringLiteral("camera_snapshot_read"),
            QStringLiteral("camera_update"),
            QStringLiteral("event_read"),
            QStringLiteral("faceimage_create"),
            QStringLiteral("faceimage_delete"),
            QStringLiteral("faceimage_read"),
            QStringLiteral("facelist_create"),
            QStringLiteral("facelist_delete"),
            QStringLiteral("facelist_face_create"),
            QStringLiteral("facelist_face_delete"),
            QStringLiteral("facelist_face_read"),
            QStringLiteral("facelist_read"),
            QStringLiteral("facelist_update"),
            QStringLiteral("face_create"),
            QStringLiteral("face_delete"),
            QStringLiteral("face_read"),
            QStringLiteral("face_update"),
            QStringLiteral("group_create"),
            QStringLiteral("group_delete"),
            QStringLiteral("group_place_create"),
            QStringLiteral("group_place_delete"),
            QStringLiteral("group_place_read"),
            QStringLiteral("group_read"),
            QStringLiteral("group_update"),
            QStringLiteral("group_user_create"),
            QStringLiteral("group_user_delete"),
            QStringLiteral("group_user_read"),
            QStringLiteral("onvif_create"),
            QStringLiteral("onvif_delete"),
            QStringLiteral("onvif_read"),
            QStringLiteral("onvif_update"),
            QStringLiteral("orion_create"),
            QStringLiteral("orion_read"),
            QStringLiteral("orion_update"),
            QStringLiteral("orion_delete"),
            QStringLiteral("organization_create"),
            QStringLiteral("organization_delete"),
            QStringLiteral("organization_groups_read"),
            QStringLiteral("organization_members_read"),
            QStringLiteral("organization_read"),
            QStringLiteral("organization_update"),
            QStringLiteral("permission_create"),
            QStringLiteral("permission_delete"),
            QStringLiteral("permission_read"),
            QStringLiteral("place_create"),
            QStringLiteral("place_delete"),
            QStringLiteral("place_group_create"),
            QStringLiteral("place_group_delete"),
            QStringLiteral("place_group_read"),
            QStringLiteral("place_plan_read"),
            QStringLiteral("place_read"),
            QStringLiteral("place_update"),
            QStringLiteral("plan_camera_create"),
            QStringLiteral("plan_camera_delete"),
            QStringLiteral("plan_camera_read"),
            QStringLiteral("plan_camera_update"),
            QStringLiteral("plan_create"),
            QStringLiteral("plan_delete"),
            QStringLiteral("plan_read"),
            QStringLiteral("plan_update"),
            QStringLiteral("platelist_create"),
            QStringLiteral("platelist_delete"),
            QStringLiteral("platelist_plate_create"),
            QStringLiteral("platelist_plate_delete"),
            QStringLiteral("platelist_plate_read"),
            QStringLiteral("platelist_read"),
            QStringLiteral("platelist_update"),
            QStringLiteral("plate_create"),
            QStringLiteral("plate_delete"),
            QStringLiteral("plate_read"),
            QStringLiteral("plate_update"),
            QStringLiteral("role_create"),
            QStringLiteral("role_delete"),
            QStringLiteral("role_member_read"),
            QStringLiteral("role_perm_read"),
            QStringLiteral("role_read"),
            QStringLiteral("role_update"),
            QStringLiteral("search_face"),
            QStringLiteral("search_plate"),
            QStringLiteral("segment_read"),
            QStringLiteral("snapshot_read"),
            QStringLiteral("stats_read"),
            QStringLiteral("stream_read"),
            QStringLiteral("streamserver_read"),
            QStringLiteral("streamstatus_read"),
            QStringLiteral("upload_create"),
            QStringLiteral("upload_meta_read"),
            QStringLiteral("upload_read"),
            QStringLiteral("user_create"),
            QStringLiteral("user_delete"),
            QStringLiteral("user_me_read"),
            QStringLiteral("user_me_update"),
            QStringLiteral("user_read"),
            QStringLiteral("user_update"),
            QStringLiteral("videoclip_create"),
            QStringLiteral("videoclip_delete"),
            QStringLiteral("videoclip_read"),
    };
    return permissions;
}

QString permissionPrefix(const QString &permission)
{
    const qsizetype underscore = permission.indexOf(QLatin1Char('_'));
    return underscore < 0 ? permission : permission.left(underscore);
}

} // namespace vms::client
