#include "core/client/organization_dto.h"

#include "core/auth/permissions.h"

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
    return auth::allPermissions();
}

QString permissionPrefix(const QString &permission)
{
    const qsizetype underscore = permission.indexOf(QLatin1Char('_'));
    return underscore < 0 ? permission : permission.left(underscore);
}

} // namespace vms::client
