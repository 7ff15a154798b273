#pragma once

#include "core/domain/result.h"
#include "core/domain/role.h"

#include <QList>
#include <QStringList>

#include <optional>

namespace vms::storage {

class Database;

/** Roles and the permissions they hold. Names are unique (ErrorKind::Conflict otherwise). */
class RoleRepository
{
public:
    explicit RoleRepository(Database &db)
        : m_db(db)
    {}
    Result<qint64> create(const QString &name, const QString &description, bool isInternal,
                          const QStringList &permissions, qint64 nowMs);
    Result<std::optional<qint64>> findIdByName(const QString &name);
    Result<std::optional<Role>> findById(qint64 id);
    /** Every role, by id. */
    Result<QList<Role>> list();
    Status update(qint64 id, const QString &name, const QString &description, qint64 nowMs);
    /** Deletes the role and its permissions. */
    Status remove(qint64 id);
    /** How many users hold the role. */
    Result<qint64> userCount(qint64 id);

    /** The role's permissions, sorted by name. */
    Result<QStringList> permissions(qint64 roleId);
    /** ErrorKind::Conflict when the role already holds it. */
    Status grant(qint64 roleId, const QString &permission);
    /** False when the role did not hold it. */
    Result<bool> revoke(qint64 roleId, const QString &permission);

private:
    Database &m_db;
};

} // namespace vms::storage
