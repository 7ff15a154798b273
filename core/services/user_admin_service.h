#pragma once

#include "core/auth/password_hasher.h"
#include "core/domain/clock.h"
#include "core/domain/result.h"
#include "core/domain/user.h"
#include "core/services/audit_service.h"
#include "core/services/principal.h"
#include "core/storage/group_repository.h"
#include "core/storage/organization_repository.h"
#include "core/storage/role_repository.h"
#include "core/storage/session_repository.h"
#include "core/storage/upload_repository.h"
#include "core/storage/user_repository.h"

namespace vms::services {

/** The writable fields of a user account (a PUT replaces all of them). */
struct UserFields
{
    QString firstName;
    QString lastName;
    QString email;
    std::optional<QString> avatarId; ///< an upload of kind "avatar" of the user's organization
    QList<qint64> groupIds;          ///< at most one
    qint64 roleId = 0;
};

/**
 * Administration of user accounts (seed 002 §26.1, 26.2, 26.5–26.7, 26.10). Non-superusers
 * manage only their own organization's users (others are "not found"), never a superuser, and
 * never give a role that holds a permission they do not hold themselves. Accounts made here are
 * never superusers. create() and update() with a password hash it (slow: Argon2id).
 */
class UserAdminService
{
public:
    UserAdminService(storage::Database &db, const Clock &clock, const auth::PasswordHasher &hasher,
                     AuditService &audit);

    Result<storage::Page<User>> list(const Principal &who, bool isWithoutGroups,
                                     const storage::PageRequest &page);
    /**
     * A query that is an e-mail address matches e-mails (case-insensitive substring); anything
     * else matches "first last" and "last first" (case-insensitive substring).
     */
    Result<storage::Page<User>> search(const Principal &who, const QString &query,
                                       std::optional<qint64> organizationId, bool isWithoutGroups,
                                       const storage::PageRequest &page);
    Result<User> get(const Principal &who, qint64 id);
    /** `organizationId` is for superusers only (InvalidArgument otherwise, or when unknown). */
    Result<User> create(const Principal &who, std::optional<qint64> organizationId,
                        const UserFields &fields, const QString &password,
                        const CallerInfo &caller);
    /** A new password ends the user's other sessions. */
    Result<User> update(const Principal &who, qint64 id, const UserFields &fields,
                        const std::optional<QString> &password, const CallerInfo &caller);
    /** The user's sessions end with the account. Nobody deletes themselves. */
    Status remove(const Principal &who, qint64 id, const CallerInfo &caller);

private:
    /** PermissionDenied when a non-superuser would gain power over an account or give a role. */
    Status checkCanManage(const Principal &who, const User &target);
    Status checkRole(const Principal &who, qint64 roleId);
    /** Validates the fields against the target organization; gives the group references. */
    Result<QList<GroupRef>> checkFields(const Principal &who, qint64 organizationId,
                                        UserFields &fields, const std::optional<User> &current);

    const Clock &m_clock;
    const auth::PasswordHasher &m_hasher;
    AuditService &m_audit;
    storage::UserRepository m_users;
    storage::RoleRepository m_roles;
    storage::GroupRepository m_groups;
    storage::OrganizationRepository m_orgs;
    storage::UploadRepository m_uploads;
    storage::SessionRepository m_sessions;
};

} // namespace vms::services
