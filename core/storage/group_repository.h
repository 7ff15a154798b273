#pragma once

#include "core/domain/group.h"
#include "core/domain/result.h"
#include "core/storage/page.h"

#include <optional>

namespace vms::storage {

class Database;

/** Filters of a group list. */
struct GroupQuery
{
    std::optional<qint64> organizationId; ///< nullopt: every organization
    std::optional<QString> nameContains;  ///< case-insensitive substring of the name
    PageRequest page;
};

/**
 * Groups inside an organization, their members and their places. Names are unique within an
 * organization (ErrorKind::Conflict otherwise). The member and place methods do not open a
 * transaction of their own, so that a service can check and change in one.
 */
class GroupRepository
{
public:
    explicit GroupRepository(Database &db)
        : m_db(db)
    {}
    Result<qint64> create(qint64 organizationId, const QString &name, const QString &description,
                          bool isInternal, qint64 nowMs);
    Result<std::optional<Group>> findById(qint64 id);
    Result<Page<Group>> list(const GroupQuery &query);
    Status update(qint64 id, const QString &name, const QString &description, qint64 nowMs);
    /**
     * Detaches the group's places and deletes it, in one transaction. ErrorKind::Conflict while
     * the group still has members.
     */
    Status remove(qint64 id, qint64 nowMs);

    Status addMember(qint64 groupId, qint64 userId);
    /** False when the user was not a member. */
    Result<bool> removeMember(qint64 groupId, qint64 userId);

    /** Places are listed by PlaceRepository (PlaceQuery::groupId); these assign them. */
    Status attachPlace(qint64 groupId, qint64 placeId, qint64 nowMs);
    /** False when the place did not belong to the group. */
    Result<bool> detachPlace(qint64 groupId, qint64 placeId, qint64 nowMs);

private:
    Database &m_db;
};

} // namespace vms::storage
