#include "core/storage/orion_repository.h"

#include "core/storage/database.h"
#include "core/storage/sql_values.h"

namespace vms::storage {

Result<std::optional<OrionConfig>> OrionRepository::find(qint64 organizationId)
{
    auto rows = m_db.select(QStringLiteral("SELECT organization_id, wsdl_url, login, password, "
                                           "updated_at FROM orion_configs WHERE "
                                           "organization_id = ?"),
                            {organizationId});
    if (!rows)
        return rows.error();
    if (rows->isEmpty())
        return std::optional<OrionConfig>();
    const Database::Row &row = rows->first();
    OrionConfig c;
    c.organizationId = row[0].toLongLong();
    c.wsdlUrl = row[1].toString();
    c.login = optionalString(row[2]);
    c.password = optionalString(row[3]);
    c.updatedAtMs = row[4].toLongLong();
    return std::optional<OrionConfig>(c);
}

Status OrionRepository::save(const OrionConfig &c)
{
    // ON CONFLICT ... DO UPDATE is understood by SQLite (3.24+) and PostgreSQL alike.
    auto r = m_db.execute(
            QStringLiteral("INSERT INTO orion_configs (organization_id, wsdl_url, login, "
                           "password, updated_at) VALUES (?,?,?,?,?) ON CONFLICT "
                           "(organization_id) DO UPDATE SET wsdl_url = excluded.wsdl_url, "
                           "login = excluded.login, password = excluded.password, "
                           "updated_at = excluded.updated_at"),
            {c.organizationId, c.wsdlUrl, bindOptional(c.login), bindOptional(c.password),
             c.updatedAtMs});
    if (!r)
        return r.error();
    return Ok{};
}

} // namespace vms::storage
