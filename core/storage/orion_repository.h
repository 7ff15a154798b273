#pragma once

#include "core/domain/orion_config.h"
#include "core/domain/result.h"

#include <optional>

namespace vms::storage {

class Database;

/** One Orion configuration per organization. */
class OrionRepository
{
public:
    explicit OrionRepository(Database &db)
        : m_db(db)
    {}

    Result<std::optional<OrionConfig>> find(qint64 organizationId);
    /** Inserts or replaces the organization's configuration. */
    Status save(const OrionConfig &config);

private:
    Database &m_db;
};

} // namespace vms::storage
