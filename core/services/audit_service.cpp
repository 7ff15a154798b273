#include "core/services/audit_service.h"

#include <QLoggingCategory>
#include <QUuid>

#include <limits>

Q_LOGGING_CATEGORY(lcAudit, "vms.audit")

namespace vms::services {

AuditService::AuditService(storage::Database &db, const Clock &clock)
    : m_repo(db)
    , m_clock(clock)
{}

void AuditService::record(const QString &actionType, const User &actor, const CallerInfo &caller,
                          const QJsonObject &meta)
{
    AuditEntry e;
    e.id = QUuid::createUuid().toString(QUuid::WithoutBraces);
    e.actionType = actionType;
    e.userId = actor.id;
    e.organizationId = actor.organizationId;
    e.organizationName = actor.organizationName;
    e.userEmail = actor.email;
    e.userFirstName = actor.firstName;
    e.userLastName = actor.lastName;
    e.userAvatarId = actor.avatarId;
    e.userRoleId = actor.roleId;
    e.userRoleName = actor.roleName;
    e.userGroups = actor.groups;
    e.userIsSuperuser = actor.isSuperuser;
    e.clientIp = caller.clientIp;
    e.meta = meta;
    e.createdAtMs = m_clock.nowMs();
    if (Status s = m_repo.insert(e); !s)
        qCWarning(lcAudit) << "audit entry lost:" << actionType << s.error().message;
}

Result<storage::AuditPage> AuditService::list(const Principal &who, const AuditListParams &p)
{
    storage::AuditQuery q;
    const qint64 now = m_clock.nowMs();
    constexpr qint64 kDayMs = 24LL * 3600 * 1000;
    if (!p.fromMs && !p.toMs) {
        q.fromMs = now - kDayMs;
        q.toMs = now;
    } else {
        q.fromMs = p.fromMs.value_or(0);
        q.toMs = p.toMs.value_or(std::numeric_limits<qint64>::max());
    }
    if (q.fromMs > q.toMs) {
        return Error::validation({QStringLiteral("query"), QStringLiteral("created_at_to")},
                                 QStringLiteral("created_at_to must not be before created_at_from"),
                                 QStringLiteral("value_error"));
    }
    q.userIds = p.userIds;
    q.actionTypes = p.actionTypes;
    if (who.user.isSuperuser) {
        q.organizationId = p.organizationId;
    } else {
        // Confined to the caller's organization; asking for another one finds nothing.
        if (p.organizationId && *p.organizationId != who.user.organizationId)
            return storage::AuditPage{};
        q.organizationId = who.user.organizationId;
    }
    q.isAscending = p.isAscending;
    q.after = p.after;
    q.limit = p.limit;
    return m_repo.list(q);
}

Result<AuditEntry> AuditService::get(const Principal &who, const QString &id)
{
    auto found = m_repo.find(id);
    if (!found)
        return found.error();
    if (!*found || (!who.user.isSuperuser && (*found)->organizationId != who.user.organizationId))
        return Error::notFound(QStringLiteral("Audit log entry not found"));
    return **found;
}

} // namespace vms::services
