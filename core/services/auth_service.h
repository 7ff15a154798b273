#pragma once

#include "core/auth/login_throttle.h"
#include "core/auth/password_hasher.h"
#include "core/auth/token_signer.h"
#include "core/domain/clock.h"
#include "core/domain/result.h"
#include "core/services/audit_service.h"
#include "core/services/principal.h"
#include "core/storage/session_repository.h"
#include "core/storage/user_repository.h"

namespace vms::services {

struct TokenPair
{
    QString accessToken;
    QString refreshToken;
    qint64 expiresInSecs = 0;
};

/**
 * OAuth2 password flow with rotating refresh tokens (seed 002 §24).
 * login() and the password checks are slow on purpose (Argon2id): call them off the HTTP thread.
 * authenticate() is fast: an HMAC check and one indexed lookup, plus the user load.
 */
class AuthService
{
public:
    static constexpr qint64 kAccessLifetimeSecs = 15 * 60;
    static constexpr qint64 kRefreshLifetimeSecs = 30 * 24 * 3600;

    AuthService(storage::Database &db, const Clock &clock, const auth::TokenSigner &signer,
                const auth::PasswordHasher &hasher, AuditService &audit);

    /** 401 token_invalid_credentials on a wrong login or password or a disabled account. */
    Result<TokenPair> login(const QString &username, const QString &password,
                            const CallerInfo &caller);
    /** Rotates: the presented refresh token is spent. Reuse of a spent one revokes the session. */
    Result<TokenPair> refresh(const QString &refreshToken, const CallerInfo &caller);
    /**
     * An access token: revokes it. A refresh token: revokes its session, and with it every access
     * token issued in that session. `hint` may be access_token, refresh_token or empty.
     */
    Status revoke(const QString &token, const QString &hint, const CallerInfo &caller);

    /** Validates a bearer token and loads its user and permissions. Error kind Unauthenticated. */
    Result<Principal> authenticate(const QString &bearer);

    /** Reloads the principal of a user (after a profile change). */
    Result<Principal> principalFor(qint64 userId, const QString &sessionId, const QString &jti);

    auth::LoginThrottle &throttle() { return m_throttle; }

private:
    Result<TokenPair> issue(qint64 userId, const QString &sessionId, qint64 nowMs);

    storage::Database &m_db;
    const Clock &m_clock;
    const auth::TokenSigner &m_signer;
    const auth::PasswordHasher &m_hasher;
    AuditService &m_audit;
    storage::UserRepository m_users;
    storage::RoleRepository m_roles;
    storage::SessionRepository m_sessions;
    auth::LoginThrottle m_throttle;
};

} // namespace vms::services
