#pragma once

#include "core/domain/result.h"
#include "core/domain/user.h"

#include <QStringList>

#include <optional>

namespace vms::storage {

class Database;

/** Users with their organization, role and groups. */
class UserRepository
{
public:
    explicit UserRepository(Database &db)
        : m_db(db)
    {}

    Result<std::optional<User>> findById(qint64 id);
    /** Emails are stored lower-cased; the lookup is case-insensitive. */
    Result<std::optional<User>> findByEmail(const QString &email);
    Result<qint64> count();

    /** Inserts the user (password already hashed) and its group memberships; returns the id. */
    Result<qint64> create(const User &user, qint64 nowMs);
    Status updateProfile(qint64 id, const QString &firstName, const QString &lastName,
                         const std::optional<QString> &avatarId, qint64 nowMs);
    Status updatePasswordHash(qint64 id, const QString &hash, qint64 nowMs);
    /** Conflict when another user has the email. */
    Status updateEmail(qint64 id, const QString &email, qint64 nowMs);

private:
    Result<std::optional<User>> findWhere(const QString &where, const QVariant &value);
    Database &m_db;
};

/** Roles and the permissions they hold. */
class RoleRepository
{
public:
    explicit RoleRepository(Database &db)
        : m_db(db)
    {}
    Result<qint64> create(const QString &name, const QString &description, bool isInternal,
                          const QStringList &permissions, qint64 nowMs);
    Result<std::optional<qint64>> findIdByName(const QString &name);
    Result<QStringList> permissions(qint64 roleId);

private:
    Database &m_db;
};

/** Organizations (tenants). */
class OrganizationRepository
{
public:
    explicit OrganizationRepository(Database &db)
        : m_db(db)
    {}
    Result<qint64> create(const QString &name, const QString &description, bool isInternal,
                          qint64 nowMs);
    Result<std::optional<qint64>> findIdByName(const QString &name);

private:
    Database &m_db;
};

/** Groups inside an organization. */
class GroupRepository
{
public:
    explicit GroupRepository(Database &db)
        : m_db(db)
    {}
    Result<qint64> create(qint64 organizationId, const QString &name, const QString &description,
                          bool isInternal, qint64 nowMs);

private:
    Database &m_db;
};

} // namespace vms::storage
