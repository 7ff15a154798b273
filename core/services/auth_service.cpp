#include "core/services/auth_service.h"

#include "core/storage/database.h"

#include <QJsonObject>
#include <QUuid>

namespace vms::services {

namespace {

Error invalidCredentials()
{
    return Error::unauthenticated(QStringLiteral("Invalid credentials were provided"),
                                  QStringLiteral("token_invalid_credentials"));
}

Error refreshError(const QString &why)
{
    return Error::invalid(why, QStringLiteral("token_refresh_error"));
}

Error revokeError(const QString &why)
{
    return Error::invalid(why, QStringLiteral("token_revoke_error"));
}

QString newUuid()
{
    return QUuid::createUuid().toString(QUuid::WithoutBraces);
}

} // namespace

AuthService::AuthService(storage::Database &db, const Clock &clock, const auth::TokenSigner &signer,
                         const auth::PasswordHasher &hasher, AuditService &audit)
    : m_db(db)
    , m_clock(clock)
    , m_signer(signer)
    , m_hasher(hasher)
    , m_audit(audit)
    , m_users(db)
    , m_roles(db)
    , m_sessions(db)
    , m_throttle(clock)
{}

Result<TokenPair> AuthService::issue(qint64 userId, const QString &sessionId, qint64 nowMs)
{
    TokenPair pair;
    const QString refresh = auth::randomToken(32);
    if (Status s = m_sessions.addRefreshToken(auth::sha256Hex(refresh), sessionId, nowMs,
                                              nowMs + kRefreshLifetimeSecs * 1000);
        !s) {
        return s.error();
    }
    auth::AccessClaims claims;
    claims.userId = userId;
    claims.sessionId = sessionId;
    claims.jti = newUuid();
    claims.issuedAt = nowMs / 1000;
    claims.expiresAt = claims.issuedAt + kAccessLifetimeSecs;
    if (Status s = m_sessions.addAccessToken(claims.jti, sessionId, claims.expiresAt * 1000); !s)
        return s.error();
    pair.accessToken = m_signer.sign(claims);
    pair.refreshToken = refresh;
    pair.expiresInSecs = kAccessLifetimeSecs;
    return pair;
}

Result<TokenPair> AuthService::login(const QString &username, const QString &password,
                                     const CallerInfo &caller)
{
    auto found = m_users.findByEmail(username);
    if (!found)
        return found.error();
    if (!*found) {
        m_hasher.dummyVerify(password);
        m_throttle.recordFailure(caller.clientIp);
        return invalidCredentials();
    }
    const User &user = **found;
    if (!m_hasher.verify(password, user.passwordHash) || !user.isActive) {
        m_throttle.recordFailure(caller.clientIp);
        return invalidCredentials();
    }
    m_throttle.recordSuccess(caller.clientIp);

    const qint64 now = m_clock.nowMs();
    // Housekeeping; a failure here must not stop the login.
    (void)m_sessions.purgeExpired(now);
    const QString sessionId = newUuid();
    Result<TokenPair> pair = TokenPair{};
    Status s = m_db.transaction([&]() -> Status {
        if (Status c = m_sessions.createSession(sessionId, user.id, caller.clientIp, now,
                                                now + kRefreshLifetimeSecs * 1000);
            !c) {
            return c;
        }
        pair = issue(user.id, sessionId, now);
        if (!pair)
            return pair.error();
        return Ok{};
    });
    if (!s)
        return s.error();
    m_audit.record(QStringLiteral("user_login"), user, caller,
                   {{QStringLiteral("session_id"), sessionId},
                    {QStringLiteral("user_agent"), caller.userAgent}});
    return pair;
}

Result<TokenPair> AuthService::refresh(const QString &refreshToken, const CallerInfo &caller)
{
    if (refreshToken.isEmpty() || refreshToken.size() > 4096)
        return refreshError(QStringLiteral("Invalid refresh token"));
    const QString hash = auth::sha256Hex(refreshToken);
    auto rec = m_sessions.findRefreshToken(hash);
    if (!rec)
        return rec.error();
    if (!*rec)
        return refreshError(QStringLiteral("Invalid refresh token"));
    const qint64 now = m_clock.nowMs();
    const storage::RefreshTokenRecord &r = **rec;
    if (r.sessionRevokedAtMs)
        return refreshError(QStringLiteral("Refresh token has been revoked"));
    if (r.expiresAtMs <= now)
        return refreshError(QStringLiteral("Refresh token has expired"));
    if (r.rotatedAtMs) {
        // A spent token came back: it was stolen or replayed. End the whole session.
        if (Status revoked = m_sessions.revokeSession(r.sessionId, now); !revoked)
            return revoked.error();
        return refreshError(QStringLiteral("Refresh token has already been used"));
    }
    auto user = m_users.findById(r.userId);
    if (!user)
        return user.error();
    if (!*user || !(*user)->isActive)
        return refreshError(QStringLiteral("User is not active"));

    Result<TokenPair> pair = TokenPair{};
    Status s = m_db.transaction([&]() -> Status {
        auto rotated = m_sessions.markRotated(hash, now);
        if (!rotated)
            return rotated.error();
        if (!*rotated)
            return refreshError(QStringLiteral("Refresh token has already been used"));
        pair = issue(r.userId, r.sessionId, now);
        if (!pair)
            return pair.error();
        return Ok{};
    });
    if (!s)
        return s.error();
    return pair;
}

Status AuthService::revoke(const QString &token, const QString &hint, const CallerInfo &caller)
{
    if (!hint.isEmpty() && hint != QLatin1String("access_token")
        && hint != QLatin1String("refresh_token")) {
        return revokeError(QStringLiteral("Unsupported token_type_hint"));
    }
    if (token.isEmpty() || token.size() > 4096)
        return revokeError(QStringLiteral("Invalid token"));
    const qint64 now = m_clock.nowMs();

    auto revokeAccess = [&]() -> std::optional<Status> {
        auto claims = m_signer.verify(token);
        if (!claims)
            return std::nullopt;
        auto rec = m_sessions.findAccessToken(claims->jti);
        if (!rec)
            return Status(rec.error());
        if (!*rec)
            return std::nullopt;
        if ((*rec)->isRevoked)
            return Status(revokeError(QStringLiteral("Token has already been revoked")));
        if (Status s = m_sessions.revokeAccessToken(claims->jti, now); !s)
            return s;
        if (auto user = m_users.findById(claims->userId); user && *user) {
            m_audit.record(QStringLiteral("user_logout"), **user, caller,
                           {{QStringLiteral("token_type"), QStringLiteral("access_token")},
                            {QStringLiteral("session_id"), claims->sessionId}});
        }
        return Status(Ok{});
    };
    auto revokeRefresh = [&]() -> std::optional<Status> {
        auto rec = m_sessions.findRefreshToken(auth::sha256Hex(token));
        if (!rec)
            return Status(rec.error());
        if (!*rec)
            return std::nullopt;
        if ((*rec)->sessionRevokedAtMs)
            return Status(revokeError(QStringLiteral("Token has already been revoked")));
        if (Status s = m_sessions.revokeSession((*rec)->sessionId, now); !s)
            return s;
        if (auto user = m_users.findById((*rec)->userId); user && *user) {
            m_audit.record(QStringLiteral("user_logout"), **user, caller,
                           {{QStringLiteral("token_type"), QStringLiteral("refresh_token")},
                            {QStringLiteral("session_id"), (*rec)->sessionId}});
        }
        return Status(Ok{});
    };

    // The hint only decides which lookup goes first (RFC 7009 §2.1).
    std::optional<Status> done;
    if (hint == QLatin1String("refresh_token")) {
        done = revokeRefresh();
        if (!done)
            done = revokeAccess();
    } else {
        done = revokeAccess();
        if (!done)
            done = revokeRefresh();
    }
    if (!done)
        return revokeError(QStringLiteral("Unknown or invalid token"));
    return *done;
}

Result<Principal> AuthService::authenticate(const QString &bearer)
{
    auto claims = m_signer.verify(bearer);
    if (!claims)
        return claims.error();
    if (claims->expiresAt <= m_clock.nowSecs())
        return Error::unauthenticated(QStringLiteral("Token has expired"));
    auto rec = m_sessions.findAccessToken(claims->jti);
    if (!rec)
        return rec.error();
    if (!*rec || (*rec)->isRevoked)
        return Error::unauthenticated(QStringLiteral("Token has been revoked"));
    return principalFor(claims->userId, claims->sessionId, claims->jti);
}

Result<Principal> AuthService::principalFor(qint64 userId, const QString &sessionId,
                                            const QString &jti)
{
    auto user = m_users.findById(userId);
    if (!user)
        return user.error();
    if (!*user || !(*user)->isActive)
        return Error::unauthenticated(QStringLiteral("User is not active"));
    Principal p;
    if (!(*user)->isSuperuser) {
        // A superuser passes every check without looking at its role (Principal::can), so
        // its permission set is not loaded: that is a 150-row read on every request.
        auto perms = m_roles.permissions((*user)->roleId);
        if (!perms)
            return perms.error();
        p.permissions = QSet<QString>(perms->cbegin(), perms->cend());
    }
    p.user = std::move(**user);
    p.sessionId = sessionId;
    p.jti = jti;
    return p;
}

} // namespace vms::services
