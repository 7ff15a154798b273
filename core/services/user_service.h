#pragma once

#include "core/auth/password_hasher.h"
#include "core/domain/clock.h"
#include "core/domain/result.h"
#include "core/services/audit_service.h"
#include "core/services/principal.h"
#include "core/storage/session_repository.h"
#include "core/storage/upload_repository.h"
#include "core/storage/user_repository.h"

namespace vms::services {

/** The current user's own account (seed 002 §26.3, 26.4, 26.8, 26.9). */
class UserService
{
public:
    static constexpr int kMinPasswordLength = 8;

    UserService(storage::Database &db, const Clock &clock, const auth::PasswordHasher &hasher,
                AuditService &audit);

    /** Effective permissions: a superuser holds every permission. */
    QStringList effectivePermissions(const Principal &who) const;

    /** An avatar must be an upload of kind "avatar" in the user's organization (else 400). */
    Result<User> updateMe(const Principal &who, const QString &firstName, const QString &lastName,
                          const std::optional<QString> &avatarId, const CallerInfo &caller);
    /** Checks the old password (slow: Argon2id) and ends the user's other sessions. */
    Result<User> changePassword(const Principal &who, const QString &oldPassword,
                                const QString &newPassword, const CallerInfo &caller);
    Result<User> changeEmail(const Principal &who, const QString &password, const QString &email,
                             const CallerInfo &caller);

    static bool isValidEmail(const QString &email);

private:
    Result<User> reload(qint64 id);

    const Clock &m_clock;
    const auth::PasswordHasher &m_hasher;
    AuditService &m_audit;
    storage::UserRepository m_users;
    storage::SessionRepository m_sessions;
    storage::UploadRepository m_uploads;
};

/** Creates the built-in organization, roles and superuser on first start. */
struct BootstrapResult
{
    bool isCreated = false;
    QString login;
    QString generatedPassword; ///< empty unless generated now
};

Result<BootstrapResult> bootstrapDatabase(storage::Database &db, const auth::PasswordHasher &hasher,
                                          const Clock &clock, const QString &adminLogin,
                                          const QString &adminPassword);

} // namespace vms::services
