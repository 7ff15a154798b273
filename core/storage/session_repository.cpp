#include "core/storage/session_repository.h"

#include "core/storage/database.h"

namespace vms::storage {

Status SessionRepository::createSession(const QString &sessionId, qint64 userId,
                                        const QString &clientIp, qint64 nowMs, qint64 expiresAtMs)
{
    auto r = m_db.execute(QStringLiteral("INSERT INTO auth_sessions (id, user_id, client_ip,"
                                         " created_at, expires_at) VALUES (?,?,?,?,?)"),
                          {sessionId, userId, clientIp, nowMs, expiresAtMs});
    if (!r)
        return r.error();
    return Ok{};
}

Status SessionRepository::addRefreshToken(const QString &tokenHash, const QString &sessionId,
                                          qint64 nowMs, qint64 expiresAtMs)
{
    auto r = m_db.execute(QStringLiteral("INSERT INTO refresh_tokens (token_hash, session_id,"
                                         " created_at, expires_at) VALUES (?,?,?,?)"),
                          {tokenHash, sessionId, nowMs, expiresAtMs});
    if (!r)
        return r.error();
    return Ok{};
}

Result<std::optional<RefreshTokenRecord>>
SessionRepository::findRefreshToken(const QString &tokenHash)
{
    // A token outlives neither its own lifetime nor its session's: rotation does not extend a
    // login session (purgeExpired deletes it, and its tokens, at the session's expiry).
    auto rows = m_db.select(QStringLiteral("SELECT t.session_id, s.user_id,"
                                           " CASE WHEN s.expires_at < t.expires_at"
                                           " THEN s.expires_at ELSE t.expires_at END,"
                                           " t.rotated_at, s.revoked_at FROM refresh_tokens t"
                                           " JOIN auth_sessions s ON s.id = t.session_id"
                                           " WHERE t.token_hash = ?"),
                            {tokenHash});
    if (!rows)
        return rows.error();
    if (rows->isEmpty())
        return std::optional<RefreshTokenRecord>{};
    const auto &row = rows->first();
    RefreshTokenRecord rec;
    rec.sessionId = row[0].toString();
    rec.userId = row[1].toLongLong();
    rec.expiresAtMs = row[2].toLongLong();
    if (!row[3].isNull())
        rec.rotatedAtMs = row[3].toLongLong();
    if (!row[4].isNull())
        rec.sessionRevokedAtMs = row[4].toLongLong();
    return std::optional<RefreshTokenRecord>(rec);
}

Result<bool> SessionRepository::markRotated(const QString &tokenHash, qint64 nowMs)
{
    auto r = m_db.execute(QStringLiteral("UPDATE refresh_tokens SET rotated_at = ?"
                                         " WHERE token_hash = ? AND rotated_at IS NULL"),
                          {nowMs, tokenHash});
    if (!r)
        return r.error();
    return *r == 1;
}

Status SessionRepository::revokeSession(const QString &sessionId, qint64 nowMs)
{
    auto r = m_db.execute(QStringLiteral("UPDATE auth_sessions SET revoked_at = ?"
                                         " WHERE id = ? AND revoked_at IS NULL"),
                          {nowMs, sessionId});
    if (!r)
        return r.error();
    return Ok{};
}

Status SessionRepository::revokeUserSessionsExcept(qint64 userId, const QString &keepSessionId,
                                                   qint64 nowMs)
{
    auto r = m_db.execute(QStringLiteral("UPDATE auth_sessions SET revoked_at = ?"
                                         " WHERE user_id = ? AND id <> ? AND revoked_at IS NULL"),
                          {nowMs, userId, keepSessionId});
    if (!r)
        return r.error();
    return Ok{};
}

Status SessionRepository::addAccessToken(const QString &jti, const QString &sessionId,
                                         qint64 expiresAtMs)
{
    auto r = m_db.execute(QStringLiteral("INSERT INTO access_tokens (jti, session_id, expires_at)"
                                         " VALUES (?,?,?)"),
                          {jti, sessionId, expiresAtMs});
    if (!r)
        return r.error();
    return Ok{};
}

Result<std::optional<AccessTokenRecord>> SessionRepository::findAccessToken(const QString &jti)
{
    auto rows = m_db.select(QStringLiteral("SELECT a.session_id, s.user_id, a.revoked_at,"
                                           " s.revoked_at FROM access_tokens a"
                                           " JOIN auth_sessions s ON s.id = a.session_id"
                                           " WHERE a.jti = ?"),
                            {jti});
    if (!rows)
        return rows.error();
    if (rows->isEmpty())
        return std::optional<AccessTokenRecord>{};
    const auto &row = rows->first();
    AccessTokenRecord rec;
    rec.sessionId = row[0].toString();
    rec.userId = row[1].toLongLong();
    rec.isRevoked = !row[2].isNull() || !row[3].isNull();
    return std::optional<AccessTokenRecord>(rec);
}

Status SessionRepository::revokeAccessToken(const QString &jti, qint64 nowMs)
{
    auto r = m_db.execute(QStringLiteral("UPDATE access_tokens SET revoked_at = ?"
                                         " WHERE jti = ? AND revoked_at IS NULL"),
                          {nowMs, jti});
    if (!r)
        return r.error();
    return Ok{};
}

Status SessionRepository::purgeExpired(qint64 nowMs)
{
    for (const QString &sql : {QStringLiteral("DELETE FROM access_tokens WHERE expires_at < ?"),
                               QStringLiteral("DELETE FROM refresh_tokens WHERE expires_at < ?"),
                               QStringLiteral("DELETE FROM auth_sessions WHERE expires_at < ?")}) {
        auto r = m_db.execute(sql, {nowMs});
        if (!r)
            return r.error();
    }
    return Ok{};
}

} // namespace vms::storage
