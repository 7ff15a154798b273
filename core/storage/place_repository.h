#pragma once

#include "core/domain/place.h"
#include "core/domain/result.h"

#include <QList>

#include <optional>

namespace vms::storage {

class Database;

/** Filters of a place listing; every set filter must hold. Ordered by id. */
struct PlaceQuery
{
    std::optional<qint64> organizationId; ///< nullopt: every organization
    std::optional<qint64> groupId;
    bool isWithoutGroups = false;        ///< only places in no group
    std::optional<QString> nameContains; ///< case-insensitive
    std::optional<double> minLatitude;   ///< set: only places with coordinates in range
    std::optional<double> maxLatitude;
    std::optional<qint64> afterId;
    int limit = 0; ///< 0: no limit
};

/** Places with their plan and camera counts. */
class PlaceRepository
{
public:
    explicit PlaceRepository(Database &db)
        : m_db(db)
    {}

    Result<QList<Place>> list(const PlaceQuery &query);
    Result<std::optional<Place>> find(qint64 id);
    /** Inserts and returns the new id (name, description, coordinates, organization). */
    /** The organization of a group (places are grouped); nullopt when there is no such group. */
    Result<std::optional<qint64>> groupOrganization(qint64 groupId);
    Result<qint64> insert(const Place &place);
    /** Writes name, description and coordinates. */
    Status update(const Place &place);
    /**
     * Deletes the place unless it has plans or cameras, in one statement so that nothing can be
     * attached in between; false when nothing was deleted.
     */
    Result<bool> removeIfEmpty(qint64 id);

private:
    Database &m_db;
};

} // namespace vms::storage
