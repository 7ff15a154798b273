#pragma once

#include "core/domain/audit_entry.h"
#include "core/domain/clock.h"
#include "core/domain/result.h"
#include "core/services/principal.h"
#include "core/storage/audit_repository.h"

#include <QJsonObject>

namespace vms::storage {
class Database;
}

namespace vms::services {

/** Filters of GET /auditlogs as the API gives them. */
struct AuditListParams
{
    std::optional<qint64> fromMs;
    std::optional<qint64> toMs;
    QList<qint64> userIds;
    QStringList actionTypes;
    std::optional<qint64> organizationId;
    bool isAscending = false;
    std::optional<storage::PageCursor> after;
    int limit = 100;
};

/**
 * Writes and reads the audit trail. Every mutating use case calls record(); a failure to write
 * the entry is logged but does not undo the action that already happened.
 */
class AuditService
{
public:
    AuditService(storage::Database &db, const Clock &clock);

    /** Records `actionType` done by `actor` (a snapshot of the user is stored with the entry). */
    void record(const QString &actionType, const User &actor, const CallerInfo &caller,
                const QJsonObject &meta = {});

    /** With no period, the last 24 hours. Non-superusers see only their own organization. */
    Result<storage::AuditPage> list(const Principal &who, const AuditListParams &params);
    Result<AuditEntry> get(const Principal &who, const QString &id);

private:
    storage::AuditRepository m_repo;
    const Clock &m_clock;
};

} // namespace vms::services
