#pragma once

#include "core/domain/result.h"
#include "core/domain/user.h"
#include "core/storage/page.h"
// Roles, organizations and groups used to live in this header; callers still find them here.
#include "core/storage/group_repository.h"
#include "core/storage/organization_repository.h"
#include "core/storage/role_repository.h"

#include <QStringList>

#include <optional>

namespace vms::storage {

class Database;

/** Filters of a user list; every set filter must hold. */
struct UserQuery
{
    std::optional<qint64> organizationId;
    std::optional<qint64> roleId;
    std::optional<qint64> groupId;        ///< members of this group
    bool isWithoutGroups = false;         ///< only users in no group
    std::optional<QString> emailContains; ///< case-insensitive substring of the email
    /** Case-insensitive substring of "first last" or of "last first". */
    std::optional<QString> nameContains;
    PageRequest page;
};

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

    /** Users by id ascending, each with its groups. */
    Result<Page<User>> list(const UserQuery &query);
    /**
     * Replaces names, email, avatar, role and group memberships (and the password hash when
     * `passwordHash` is set) in one transaction. Conflict when another user has the email.
     */
    Status update(const User &user, const std::optional<QString> &passwordHash, qint64 nowMs);
    /** Deletes the user; memberships and sessions go with it (ON DELETE CASCADE). */
    Status remove(qint64 id);

private:
    Result<std::optional<User>> findWhere(const QString &where, const QVariant &value);
    /** Fills in the groups of `users` with one query. */
    Status loadGroups(QList<User> &users);
    Status replaceGroups(qint64 userId, const QList<GroupRef> &groups);
    Database &m_db;
};

} // namespace vms::storage
