#pragma once

#include "core/domain/result.h"

#include <QByteArray>
#include <QJsonObject>
#include <QString>

namespace vms::auth {

/** Claims of an access token. */
struct AccessClaims
{
    qint64 userId = 0;
    QString sessionId; ///< the login session (refresh-token family) that issued it
    QString jti;       ///< unique token id, for single-token revocation
    qint64 issuedAt = 0;
    qint64 expiresAt = 0;
};

/**
 * HS256 JSON Web Tokens. The key is per installation (TokenSigner::loadOrCreateKey), so tokens of
 * one site are worthless at another.
 */
class TokenSigner
{
public:
    explicit TokenSigner(QByteArray key);

    QString sign(const AccessClaims &claims) const;
    /** Checks structure, algorithm and signature; does NOT check expiry (the caller's clock does).
     */
    Result<AccessClaims> verify(const QString &token) const;

    /** HMAC-SHA256 of arbitrary data with this key (also used for signed URLs). */
    QByteArray mac(const QByteArray &data) const;

    /** Reads the key file, or creates it (32 random bytes, mode 0600). */
    static Result<QByteArray> loadOrCreateKey(const QString &path);

private:
    QByteArray m_key;
};

/** A random URL-safe token of `bytes` random bytes (for refresh tokens). */
QString randomToken(int bytes = 32);
/** Hex SHA-256, used to store refresh tokens without storing them. */
QString sha256Hex(const QString &text);

} // namespace vms::auth
