#pragma once

#include "core/domain/clock.h"
#include "core/domain/result.h"
#include "core/services/audit_service.h"
#include "core/services/principal.h"
#include "core/storage/source_repository.h"

namespace vms::services {

/** Fields of a source create or update; absent optionals keep the stored value on update. */
struct SourceFields
{
    std::optional<QString> caption;
    std::optional<QString> svcid;
    std::optional<QString> lid;
};

/**
 * Content sources of the v2 API (seed 003): a registry keyed by `who` (a UUID or a slug), with a
 * unique caption. `who` never changes.
 */
class SourceService
{
public:
    static constexpr int kMaxFieldLength = 255;

    SourceService(storage::Database &db, const Clock &clock, AuditService &audit);

    Result<storage::SourcePage> list(const storage::SourceQuery &query);
    Result<storage::Source> get(const QString &who);
    Result<QString> create(const Principal &who, const QString &key, const SourceFields &fields,
                           const CallerInfo &caller);
    Status update(const Principal &who, const QString &key, const SourceFields &fields,
                  const CallerInfo &caller);
    Status remove(const Principal &who, const QString &key, const CallerInfo &caller);

    /** A `who` must be usable as one path segment. */
    static bool isValidKey(const QString &key);

private:
    storage::SourceRepository m_repo;
    const Clock &m_clock;
    AuditService &m_audit;
};

} // namespace vms::services
