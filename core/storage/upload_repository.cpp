#include "core/storage/upload_repository.h"

#include "core/storage/database.h"
#include "core/storage/sql_values.h"

namespace vms::storage {

Status UploadRepository::insert(const Upload &u)
{
    auto r = m_db.execute(
            QStringLiteral("INSERT INTO uploads (id, organization_id, kind, mime_type, sha256, "
                           "size_bytes, original_id, created_by, created_at) VALUES "
                           "(?,?,?,?,?,?,?,?,?)"),
            {u.id, u.organizationId, u.kind, u.mimeType, u.sha256, u.sizeBytes,
             bindOptional(u.originalId), bindOptional(u.createdBy), u.createdAtMs});
    if (!r)
        return r.error();
    return Ok{};
}

Result<std::optional<Upload>> UploadRepository::find(const QString &id)
{
    auto rows = m_db.select(QStringLiteral("SELECT id, organization_id, kind, mime_type, sha256, "
                                           "size_bytes, original_id, created_by, created_at FROM "
                                           "uploads WHERE id = ?"),
                            {id});
    if (!rows)
        return rows.error();
    if (rows->isEmpty())
        return std::optional<Upload>();
    const Database::Row &row = rows->first();
    Upload u;
    u.id = row[0].toString();
    u.organizationId = row[1].toLongLong();
    u.kind = row[2].toString();
    u.mimeType = row[3].toString();
    u.sha256 = row[4].toString();
    u.sizeBytes = row[5].toLongLong();
    u.originalId = optionalString(row[6]);
    u.createdBy = optionalInt(row[7]);
    u.createdAtMs = row[8].toLongLong();
    return std::optional<Upload>(u);
}

} // namespace vms::storage
