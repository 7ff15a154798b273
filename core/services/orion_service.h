#pragma once

#include "core/domain/clock.h"
#include "core/domain/orion_config.h"
#include "core/domain/result.h"
#include "core/services/audit_service.h"
#include "core/services/orion_client.h"
#include "core/storage/orion_repository.h"

namespace vms::services {

/** Seed 002 §10: the Orion integration of the caller's organization. */
class OrionService
{
public:
    static constexpr int kTimeoutMs = 5000;

    OrionService(storage::Database &db, const Clock &clock, AuditService &audit);

    /**
     * Stores the configuration of the caller's organization. The first one needs orion_create,
     * later ones orion_update (403 otherwise). The URL must be an absolute http(s) URL (400).
     * A missing password keeps the stored one while the login stays the same.
     */
    Result<OrionConfig> configure(const Principal &who, const QString &wsdlUrl,
                                  const std::optional<QString> &login,
                                  const std::optional<QString> &password, const CallerInfo &caller);
    /**
     * Asks Orion for its versions (see orion_client.h for the protocol): 400 when the caller's
     * organization has no configuration, 503 when Orion cannot be reached or answers badly.
     * Blocks for up to 2 x kTimeoutMs: call it off the server thread.
     */
    Result<OrionInfo> info(const Principal &who);

private:
    const Clock &m_clock;
    AuditService &m_audit;
    storage::OrionRepository m_configs;
};

} // namespace vms::services
