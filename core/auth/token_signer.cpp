#include "core/auth/token_signer.h"

#include <QCryptographicHash>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonDocument>
#include <QMessageAuthenticationCode>
#include <QRandomGenerator>

namespace vms::auth {

namespace {

constexpr auto kB64 = QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals;

QByteArray b64(const QByteArray &data)
{
    return data.toBase64(kB64);
}

const QByteArray &headerSegment()
{
    static const QByteArray h = b64(QByteArrayLiteral(R"({"alg":"HS256","typ":"JWT"})"));
    return h;
}

bool constantTimeEquals(const QByteArray &a, const QByteArray &b)
{
    if (a.size() != b.size())
        return false;
    unsigned char diff = 0;
    for (qsizetype i = 0; i < a.size(); ++i)
        diff |= static_cast<unsigned char>(a[i] ^ b[i]);
    return diff == 0;
}

} // namespace

TokenSigner::TokenSigner(QByteArray key)
    : m_key(std::move(key))
{}

QByteArray TokenSigner::mac(const QByteArray &data) const
{
    return QMessageAuthenticationCode::hash(data, m_key, QCryptographicHash::Sha256);
}

QString TokenSigner::sign(const AccessClaims &c) const
{
    QJsonObject payload{{QStringLiteral("sub"), QString::number(c.userId)},
                        {QStringLiteral("sid"), c.sessionId},
                        {QStringLiteral("jti"), c.jti},
                        {QStringLiteral("iat"), c.issuedAt},
                        {QStringLiteral("exp"), c.expiresAt},
                        {QStringLiteral("typ"), QStringLiteral("access")}};
    const QByteArray signingInput
            = headerSegment() + '.' + b64(QJsonDocument(payload).toJson(QJsonDocument::Compact));
    return QString::fromLatin1(signingInput + '.' + b64(mac(signingInput)));
}

Result<AccessClaims> TokenSigner::verify(const QString &token) const
{
    const Error bad = Error::unauthenticated(QStringLiteral("Invalid token"));
    if (token.size() > 4096)
        return bad;
    const QByteArray raw = token.toLatin1();
    const QList<QByteArray> parts = raw.split('.');
    if (parts.size() != 3 || parts[0] != headerSegment())
        return bad;
    const QByteArray signingInput = parts[0] + '.' + parts[1];
    const auto sig = QByteArray::fromBase64Encoding(parts[2], kB64);
    if (!sig || !constantTimeEquals(*sig, mac(signingInput)))
        return bad;
    const auto payloadBytes = QByteArray::fromBase64Encoding(parts[1], kB64);
    if (!payloadBytes)
        return bad;
    const QJsonObject p = QJsonDocument::fromJson(*payloadBytes).object();
    if (p.value(QStringLiteral("typ")).toString() != QLatin1String("access"))
        return bad;
    AccessClaims c;
    bool ok = false;
    c.userId = p.value(QStringLiteral("sub")).toString().toLongLong(&ok);
    c.sessionId = p.value(QStringLiteral("sid")).toString();
    c.jti = p.value(QStringLiteral("jti")).toString();
    c.issuedAt = qint64(p.value(QStringLiteral("iat")).toDouble());
    c.expiresAt = qint64(p.value(QStringLiteral("exp")).toDouble());
    if (!ok || c.sessionId.isEmpty() || c.jti.isEmpty() || c.expiresAt <= 0)
        return bad;
    return c;
}

Result<QByteArray> TokenSigner::loadOrCreateKey(const QString &path)
{
    QFile f(path);
    if (f.exists()) {
        if (!f.open(QIODevice::ReadOnly))
            return Error::internal(QStringLiteral("cannot read key file ") + path);
        const QByteArray key = f.readAll();
        if (key.size() < 32)
            return Error::internal(QStringLiteral("key file too short: ") + path);
        return key;
    }
    QDir().mkpath(QFileInfo(path).absolutePath());
    QByteArray key(32, Qt::Uninitialized);
    QRandomGenerator::system()->generate(reinterpret_cast<quint32 *>(key.data()),
                                         reinterpret_cast<quint32 *>(key.data() + key.size()));
    if (!f.open(QIODevice::WriteOnly | QIODevice::NewOnly))
        return Error::internal(QStringLiteral("cannot create key file ") + path);
    f.setPermissions(QFileDevice::ReadOwner | QFileDevice::WriteOwner);
    if (f.write(key) != key.size())
        return Error::internal(QStringLiteral("cannot write key file ") + path);
    return key;
}

QString randomToken(int bytes)
{
    QByteArray raw(bytes + (4 - bytes % 4) % 4, Qt::Uninitialized);
    QRandomGenerator::system()->generate(reinterpret_cast<quint32 *>(raw.data()),
                                         reinterpret_cast<quint32 *>(raw.data() + raw.size()));
    raw.truncate(bytes);
    return QString::fromLatin1(raw.toBase64(kB64));
}

QString sha256Hex(const QString &text)
{
    return QString::fromLatin1(
            QCryptographicHash::hash(text.toUtf8(), QCryptographicHash::Sha256).toHex());
}

} // namespace vms::auth
