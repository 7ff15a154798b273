#pragma once

#include "core/domain/plan.h"
#include "core/domain/result.h"

#include <QList>

#include <optional>

namespace vms::storage {

class Database;

/** Filters of a plan listing; every set filter must hold. Ordered by id. */
struct PlanQuery
{
    std::optional<qint64> organizationId; ///< nullopt: every organization
    std::optional<qint64> placeId;
    std::optional<qint64> groupId; ///< plans of the places in this group
    std::optional<QString> nameContains;
    std::optional<qint64> afterId;
    int limit = 0; ///< 0: no limit
};

class PlanRepository
{
public:
    explicit PlanRepository(Database &db)
        : m_db(db)
    {}

    Result<QList<Plan>> list(const PlanQuery &query);
    Result<std::optional<Plan>> find(qint64 id);
    Result<qint64> insert(const Plan &plan);
    /** Writes name, place, image and organization. */
    Status update(const Plan &plan);
    /** Deletes the plan unless cameras are on it (one statement); false when nothing was deleted.
     */
    Result<bool> removeIfEmpty(qint64 id);

private:
    Database &m_db;
};

} // namespace vms::storage
