#pragma once

#include "core/domain/audit_entry.h"
#include "core/domain/result.h"
#include "core/storage/page_cursor.h"

#include <QList>
#include <QStringList>

#include <optional>

namespace vms::storage {

class Database;

struct AuditQuery
{
    qint64 fromMs = 0;                    ///< inclusive
    qint64 toMs = 0;                      ///< inclusive
    QList<qint64> userIds;                ///< empty: any
    QStringList actionTypes;              ///< empty: any
    std::optional<qint64> organizationId; ///< nullopt: every organization
    bool isAscending = false;
    std::optional<PageCursor> after;
    int limit = 100;
};

struct AuditPage
{
    QList<AuditEntry> entries;
    std::optional<PageCursor> next; ///< set when more entries follow
};

/** The append-only audit trail. */
class AuditRepository
{
public:
    explicit AuditRepository(Database &db)
        : m_db(db)
    {}

    Status insert(const AuditEntry &entry);
    Result<AuditPage> list(const AuditQuery &query);
    Result<std::optional<AuditEntry>> find(const QString &id);

private:
    Database &m_db;
};

} // namespace vms::storage
