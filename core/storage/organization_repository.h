#pragma once

#include "core/domain/organization.h"
#include "core/domain/result.h"
#include "core/storage/page.h"

#include <optional>

namespace vms::storage {

class Database;

/** Filters of an organization list. */
struct OrganizationQuery
{
    std::optional<qint64> id;            ///< just this one (a non-superuser's own organization)
    std::optional<QString> nameContains; ///< case-insensitive substring of the name
    PageRequest page;
};

/** Organizations (tenants). Names are unique: a duplicate gives ErrorKind::Conflict. */
class OrganizationRepository
{
public:
    explicit OrganizationRepository(Database &db)
        : m_db(db)
    {}

    Result<qint64> create(const QString &name, const QString &description, bool isInternal,
                          qint64 nowMs, const std::optional<QString> &logoId = std::nullopt);
    Result<std::optional<qint64>> findIdByName(const QString &name);
    Result<std::optional<Organization>> findById(qint64 id);
    Result<Page<Organization>> list(const OrganizationQuery &query);
    /** Replaces name, description and logo. */
    Status update(qint64 id, const QString &name, const QString &description,
                  const std::optional<QString> &logoId, qint64 nowMs);
    /**
     * Deletes the organization. ErrorKind::Conflict while any row (user, group, place, upload,
     * ...) still refers to it.
     */
    Status remove(qint64 id);

    Result<qint64> userCount(qint64 id);
    Result<qint64> groupCount(qint64 id);

private:
    Database &m_db;
};

} // namespace vms::storage
