#include "core/services/orion_service.h"

#include "core/services/audit_changes.h"

#include <QUrl>

namespace vms::services {

OrionService::OrionService(storage::Database &db, const Clock &clock, AuditService &audit)
    : m_clock(clock)
    , m_audit(audit)
    , m_configs(db)
{}

Result<OrionConfig> OrionService::configure(const Principal &who, const QString &wsdlUrl,
                                            const std::optional<QString> &login,
                                            const std::optional<QString> &password,
                                            const CallerInfo &caller)
{
    auto existing = m_configs.find(who.user.organizationId);
    if (!existing)
        return existing.error();
    const bool isFirst = !existing->has_value();
    const QString permission
            = isFirst ? QStringLiteral("orion_create") : QStringLiteral("orion_update");
    if (!who.can(permission))
        return Error::denied(QStringLiteral("Permission '%1' is required").arg(permission));

    const QUrl url(wsdlUrl, QUrl::StrictMode);
    if (!url.isValid() || url.host().isEmpty()
        || (url.scheme() != QLatin1String("http") && url.scheme() != QLatin1String("https"))) {
        return Error::invalid(QStringLiteral("wsdl_url must be an absolute http or https URL"));
    }

    OrionConfig c;
    c.organizationId = who.user.organizationId;
    c.wsdlUrl = wsdlUrl;
    c.login = login;
    c.password = password;
    if (!password && !isFirst && (*existing)->login == login)
        c.password = (*existing)->password;
    c.updatedAtMs = m_clock.nowMs();
    if (Status s = m_configs.save(c); !s)
        return s.error();

    QJsonObject meta{{QStringLiteral("organization_id"), c.organizationId},
                     {QStringLiteral("wsdl_url"), c.wsdlUrl},
                     {QStringLiteral("login"), jsonOrNull(c.login)}};
    if (!isFirst) {
        QJsonObject changes;
        noteChange(changes, QStringLiteral("wsdl_url"), (*existing)->wsdlUrl, c.wsdlUrl);
        noteChange(changes, QStringLiteral("login"), jsonOrNull((*existing)->login),
                   jsonOrNull(c.login));
        if ((*existing)->password != c.password)
            changes.insert(QStringLiteral("password"), QStringLiteral("changed"));
        meta.insert(QStringLiteral("changes"), changes);
    }
    m_audit.record(isFirst ? QStringLiteral("orion_create") : QStringLiteral("orion_update"),
                   who.user, caller, meta);
    return c;
}

Result<OrionInfo> OrionService::info(const Principal &who)
{
    auto config = m_configs.find(who.user.organizationId);
    if (!config)
        return config.error();
    if (!*config)
        return Error::invalid(QStringLiteral("Orion is not configured for this organization"));
    return fetchOrionInfo(**config, kTimeoutMs);
}

} // namespace vms::services
