#pragma once

#include "core/domain/result.h"

#include <QString>

#include <optional>

namespace vms::storage {

class Database;

/** A stored refresh token, with the state of its login session. */
struct RefreshTokenRecord
{
    QString sessionId;
    qint64 userId = 0;
    qint64 expiresAtMs = 0;
    std::optional<qint64> rotatedAtMs;
    std::optional<qint64> sessionRevokedAtMs;
};

/** The state of an access token and its session. */
struct AccessTokenRecord
{
    QString sessionId;
    qint64 userId = 0;
    bool isRevoked = false; ///< the token itself or its session
};

/**
 * Login sessions: each is one refresh-token rotation chain plus the access tokens issued from it.
 * Tokens are stored as SHA-256 hashes (refresh) or ids (access), never in clear.
 */
class SessionRepository
{
public:
    explicit SessionRepository(Database &db)
        : m_db(db)
    {}

    Status createSession(const QString &sessionId, qint64 userId, const QString &clientIp,
                         qint64 nowMs, qint64 expiresAtMs);
    Status addRefreshToken(const QString &tokenHash, const QString &sessionId, qint64 nowMs,
                           qint64 expiresAtMs);
    Result<std::optional<RefreshTokenRecord>> findRefreshToken(const QString &tokenHash);
    /** Marks a refresh token used; false when another request rotated it first. */
    Result<bool> markRotated(const QString &tokenHash, qint64 nowMs);
    Status revokeSession(const QString &sessionId, qint64 nowMs);
    /** Ends every other session of the user (after a password change). */
    Status revokeUserSessionsExcept(qint64 userId, const QString &keepSessionId, qint64 nowMs);

    Status addAccessToken(const QString &jti, const QString &sessionId, qint64 expiresAtMs);
    Result<std::optional<AccessTokenRecord>> findAccessToken(const QString &jti);
    Status revokeAccessToken(const QString &jti, qint64 nowMs);

    /** Deletes tokens and sessions that expired before `nowMs`. */
    Status purgeExpired(qint64 nowMs);

private:
    Database &m_db;
};

} // namespace vms::storage
