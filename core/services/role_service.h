#pragma once

#include "core/domain/clock.h"
#include "core/domain/result.h"
#include "core/domain/role.h"
#include "core/domain/user.h"
#include "core/services/audit_service.h"
#include "core/services/principal.h"
#include "core/storage/role_repository.h"
#include "core/storage/user_repository.h"

namespace vms::services {

/** The writable fields of a role (a PUT replaces all of them). */
struct RoleFields
{
    QString name;
    QString description;
};

/**
 * Roles and their permissions (seed 002 §11, §16). Roles are global. Only superusers change them:
 * a role that could edit roles could grant itself every permission.
 */
class RoleService
{
public:
    RoleService(storage::Database &db, const Clock &clock, AuditService &audit);

    /** PermissionDenied unless `who` is a superuser. */
    static Status checkCanWrite(const Principal &who);

    Result<QList<Role>> list();
    Result<Role> get(qint64 id);
    /** InvalidArgument when the name is taken. */
    Result<Role> create(const Principal &who, const RoleFields &fields, const CallerInfo &caller);
    /** InvalidArgument when the name is taken or a built-in role would be renamed. */
    Result<Role> update(const Principal &who, qint64 id, const RoleFields &fields,
                        const CallerInfo &caller);
    /** InvalidArgument for a built-in role and while users hold the role. */
    Status remove(const Principal &who, qint64 id, const CallerInfo &caller);

    /** The holders of the role; a non-superuser sees those of their own organization only. */
    Result<QList<User>> members(const Principal &who, qint64 id);
    Result<QStringList> permissions(qint64 id);

    /** NotFound for an unknown role; InvalidArgument when the role already holds it. */
    Status grant(const Principal &who, qint64 roleId, const QString &permission,
                 const CallerInfo &caller);
    /** NotFound for an unknown role; InvalidArgument when the role does not hold it. */
    Status revoke(const Principal &who, qint64 roleId, const QString &permission,
                  const CallerInfo &caller);

private:
    Result<RoleFields> checked(const RoleFields &fields);

    const Clock &m_clock;
    AuditService &m_audit;
    storage::RoleRepository m_roles;
    storage::UserRepository m_users;
};

} // namespace vms::services
