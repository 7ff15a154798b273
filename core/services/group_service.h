#pragma once

#include "core/domain/clock.h"
#include "core/domain/group.h"
#include "core/domain/place.h"
#include "core/domain/result.h"
#include "core/domain/user.h"
#include "core/services/audit_service.h"
#include "core/services/principal.h"
#include "core/storage/group_repository.h"
#include "core/storage/organization_repository.h"
#include "core/storage/place_repository.h"
#include "core/storage/user_repository.h"

namespace vms::services {

/** The writable fields of a group (a PUT replaces all of them). */
struct GroupFields
{
    QString name;
    QString description;
};

/**
 * Groups of an organization, their members and their places (seed 002 §6). A user belongs to at
 * most one group, and so does a place. Non-superusers see only the groups of their own
 * organization: any other group is "not found".
 */
class GroupService
{
public:
    GroupService(storage::Database &db, const Clock &clock, AuditService &audit);

    /** `organizationId` narrows a superuser's list; a non-superuser's is always their own. */
    Result<storage::Page<Group>> list(const Principal &who, std::optional<qint64> organizationId,
                                      const std::optional<QString> &nameContains,
                                      const storage::PageRequest &page);
    Result<Group> get(const Principal &who, qint64 id);
    /**
     * Only a superuser may name the organization; anyone else creates in their own. A named
     * organization that does not exist, or one named by a non-superuser, is InvalidArgument.
     */
    Result<Group> create(const Principal &who, std::optional<qint64> organizationId,
                         const GroupFields &fields, const CallerInfo &caller);
    Result<Group> update(const Principal &who, qint64 id, const GroupFields &fields,
                         const CallerInfo &caller);
    /** InvalidArgument while the group has members; its places are left without a group. */
    Status remove(const Principal &who, qint64 id, const CallerInfo &caller);

    Result<storage::Page<User>> members(const Principal &who, qint64 id,
                                        const storage::PageRequest &page);
    /** All or nothing: InvalidArgument if any user is unknown or already in a group. */
    Status addMembers(const Principal &who, qint64 id, const QList<qint64> &userIds,
                      const CallerInfo &caller);
    /** Ids that are not members of the group are skipped. */
    Status removeMembers(const Principal &who, qint64 id, const QList<qint64> &userIds,
                         const CallerInfo &caller);

    Result<storage::Page<Place>> places(const Principal &who, qint64 id,
                                        const storage::PageRequest &page);
    /** All or nothing: InvalidArgument if any place is unknown or already in a group. */
    Status addPlaces(const Principal &who, qint64 id, const QList<qint64> &placeIds,
                     const CallerInfo &caller);
    /** Ids of places that are not in the group are skipped. */
    Status removePlaces(const Principal &who, qint64 id, const QList<qint64> &placeIds,
                        const CallerInfo &caller);

private:
    Result<GroupFields> checked(const GroupFields &fields);

    storage::Database &m_db;
    const Clock &m_clock;
    AuditService &m_audit;
    storage::GroupRepository m_groups;
    storage::OrganizationRepository m_orgs;
    storage::UserRepository m_users;
    storage::PlaceRepository m_places;
};

} // namespace vms::services
