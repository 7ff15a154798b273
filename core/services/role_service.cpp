#include "core/services/role_service.h"

#include "core/auth/permissions.h"
#include "core/storage/database.h"

namespace vms::services {

namespace {

Error nameTaken()
{
    return Error::invalid(QStringLiteral("Role with this name already exists"));
}

Error invalidPermission()
{
    return Error::validation({QStringLiteral("body"), QStringLiteral("permission")},
                             QStringLiteral("value is not a valid enumeration member"),
                             QStringLiteral("type_error.enum"));
}

} // namespace

RoleService::RoleService(storage::Database &db, const Clock &clock, AuditService &audit)
    : m_clock(clock)
    , m_audit(audit)
    , m_roles(db)
    , m_users(db)
{}

Status RoleService::checkCanWrite(const Principal &who)
{
    if (!who.user.isSuperuser)
        return Error::denied(QStringLiteral("Only a superuser can change roles and permissions"));
    return Ok{};
}

Result<QList<Role>> RoleService::list()
{
    return m_roles.list();
}

Result<Role> RoleService::get(qint64 id)
{
    auto role = m_roles.findById(id);
    if (!role)
        return role.error();
    if (!*role)
        return Error::notFound(QStringLiteral("Role not found"));
    return **role;
}

Result<RoleFields> RoleService::checked(const RoleFields &fields)
{
    RoleFields out{fields.name.trimmed(), fields.description};
    if (out.name.isEmpty()) {
        return Error::validation({QStringLiteral("body"), QStringLiteral("name")},
                                 QStringLiteral("ensure this value has at least 1 characters"),
                                 QStringLiteral("value_error.any_str.min_length"));
    }
    return out;
}

Result<Role> RoleService::create(const Principal &who, const RoleFields &fields,
                                 const CallerInfo &caller)
{
    if (Status s = checkCanWrite(who); !s)
        return s.error();
    auto f = checked(fields);
    if (!f)
        return f.error();
    auto id = m_roles.create(f->name, f->description, false, {}, m_clock.nowMs());
    if (!id)
        return id.error().kind == ErrorKind::Conflict ? nameTaken() : id.error();
    auto role = get(*id);
    if (role) {
        m_audit.record(
                QStringLiteral("role_create"), who.user, caller,
                {{QStringLiteral("role_id"), role->id}, {QStringLiteral("name"), role->name}});
    }
    return role;
}

Result<Role> RoleService::update(const Principal &who, qint64 id, const RoleFields &fields,
                                 const CallerInfo &caller)
{
    if (Status s = checkCanWrite(who); !s)
        return s.error();
    auto before = get(id);
    if (!before)
        return before;
    auto f = checked(fields);
    if (!f)
        return f.error();
    // The bootstrap finds the built-in roles by name.
    if (before->isInternal && f->name != before->name)
        return Error::invalid(QStringLiteral("A built-in role cannot be renamed"));
    if (Status s = m_roles.update(id, f->name, f->description, m_clock.nowMs()); !s)
        return s.error().kind == ErrorKind::Conflict ? nameTaken() : s.error();
    auto after = get(id);
    if (!after)
        return after;
    QJsonObject changes;
    if (before->name != after->name)
        changes.insert(QStringLiteral("name"), QJsonObject{{QStringLiteral("old"), before->name},
                                                           {QStringLiteral("new"), after->name}});
    if (before->description != after->description)
        changes.insert(QStringLiteral("description"),
                       QJsonObject{{QStringLiteral("old"), before->description},
                                   {QStringLiteral("new"), after->description}});
    m_audit.record(QStringLiteral("role_update"), who.user, caller,
                   {{QStringLiteral("role_id"), id}, {QStringLiteral("changes"), changes}});
    return after;
}

Status RoleService::remove(const Principal &who, qint64 id, const CallerInfo &caller)
{
    if (Status s = checkCanWrite(who); !s)
        return s;
    auto role = get(id);
    if (!role)
        return role.error();
    if (role->isInternal)
        return Error::invalid(QStringLiteral("A built-in role cannot be deleted"));
    auto holders = m_roles.userCount(id);
    if (!holders)
        return holders.error();
    if (*holders > 0)
        return Error::invalid(QStringLiteral("Role has users"));
    if (Status s = m_roles.remove(id); !s) {
        // A user given the role since the check above.
        if (s.error().kind == ErrorKind::Conflict)
            return Error::invalid(QStringLiteral("Role has users"));
        return s;
    }
    m_audit.record(QStringLiteral("role_delete"), who.user, caller,
                   {{QStringLiteral("role_id"), id}, {QStringLiteral("name"), role->name}});
    return Ok{};
}

Result<QList<User>> RoleService::members(const Principal &who, qint64 id)
{
    if (auto role = get(id); !role)
        return role.error();
    storage::UserQuery q;
    q.roleId = id;
    if (!who.user.isSuperuser)
        q.organizationId = who.user.organizationId;
    q.page.limit = 0;
    auto users = m_users.list(q);
    if (!users)
        return users.error();
    return users->items;
}

Result<QStringList> RoleService::permissions(qint64 id)
{
    if (auto role = get(id); !role)
        return role.error();
    return m_roles.permissions(id);
}

Status RoleService::grant(const Principal &who, qint64 roleId, const QString &permission,
                          const CallerInfo &caller)
{
    if (Status s = checkCanWrite(who); !s)
        return s;
    if (!auth::isPermission(permission))
        return invalidPermission();
    if (auto role = get(roleId); !role)
        return role.error();
    if (Status s = m_roles.grant(roleId, permission); !s) {
        if (s.error().kind == ErrorKind::Conflict)
            return Error::invalid(QStringLiteral("The role already has this permission"));
        return s;
    }
    m_audit.record(
            QStringLiteral("permission_create"), who.user, caller,
            {{QStringLiteral("role_id"), roleId}, {QStringLiteral("permission"), permission}});
    return Ok{};
}

Status RoleService::revoke(const Principal &who, qint64 roleId, const QString &permission,
                           const CallerInfo &caller)
{
    if (Status s = checkCanWrite(who); !s)
        return s;
    if (!auth::isPermission(permission))
        return invalidPermission();
    if (auto role = get(roleId); !role)
        return role.error();
    auto removed = m_roles.revoke(roleId, permission);
    if (!removed)
        return removed.error();
    if (!*removed)
        return Error::invalid(QStringLiteral("The role does not have this permission"));
    m_audit.record(
            QStringLiteral("permission_delete"), who.user, caller,
            {{QStringLiteral("role_id"), roleId}, {QStringLiteral("permission"), permission}});
    return Ok{};
}

} // namespace vms::services
