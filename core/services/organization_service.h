#pragma once

#include "core/domain/clock.h"
#include "core/domain/group.h"
#include "core/domain/organization.h"
#include "core/domain/result.h"
#include "core/domain/user.h"
#include "core/services/audit_service.h"
#include "core/services/principal.h"
#include "core/storage/group_repository.h"
#include "core/storage/organization_repository.h"
#include "core/storage/upload_repository.h"
#include "core/storage/user_repository.h"

namespace vms::services {

/** The writable fields of an organization (a PUT replaces all of them). */
struct OrganizationFields
{
    QString name;
    QString description;
    std::optional<QString> logoId; ///< an upload of kind "logo"
};

/**
 * Tenants (seed 002 §9). Superusers see and manage every organization; anyone else sees only
 * their own and changes none (creating tenants is a platform operation).
 */
class OrganizationService
{
public:
    OrganizationService(storage::Database &db, const Clock &clock, AuditService &audit);

    /** PermissionDenied unless `who` is a superuser. */
    static Status checkCanWrite(const Principal &who);

    Result<storage::Page<Organization>> list(const Principal &who,
                                             const std::optional<QString> &nameContains,
                                             const storage::PageRequest &page);
    /** NotFound for a missing organization and for another one than a non-superuser's own. */
    Result<Organization> get(const Principal &who, qint64 id);
    Result<Organization> create(const Principal &who, const OrganizationFields &fields,
                                const CallerInfo &caller);
    Result<Organization> update(const Principal &who, qint64 id, const OrganizationFields &fields,
                                const CallerInfo &caller);
    /** InvalidArgument while users, groups or other objects still belong to it. */
    Status remove(const Principal &who, qint64 id, const CallerInfo &caller);

    /** Members by id; `page.limit` 0 gives all of them. */
    Result<QList<User>> members(const Principal &who, qint64 id, bool isWithoutGroups,
                                const storage::PageRequest &page);
    Result<QList<Group>> groups(const Principal &who, qint64 id, const storage::PageRequest &page);

private:
    Result<OrganizationFields> checked(const OrganizationFields &fields);

    const Clock &m_clock;
    AuditService &m_audit;
    storage::OrganizationRepository m_orgs;
    storage::UserRepository m_users;
    storage::GroupRepository m_groups;
    storage::UploadRepository m_uploads;
};

} // namespace vms::services
