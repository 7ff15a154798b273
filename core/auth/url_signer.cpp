#include "core/auth/url_signer.h"

#include <QMessageAuthenticationCode>

namespace vms::auth {

UrlSigner::UrlSigner(QByteArray key)
    : m_key(std::move(key))
{}

QString UrlSigner::signatureOf(const QString &path, qint64 expiresSecs) const
{
    const QByteArray message = "GET\n" + path.toUtf8() + '\n' + QByteArray::number(expiresSecs);
    return QString::fromLatin1(
            QMessageAuthenticationCode::hash(message, m_key, QCryptographicHash::Sha256)
                    .toBase64(QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals));
}

UrlSigner::Signed UrlSigner::sign(const QString &path, qint64 expiresSecs) const
{
    Signed s;
    s.expires = expiresSecs;
    s.signature = signatureOf(path, expiresSecs);
    s.url = path
            + (path.contains(QLatin1Char('?')) ? QStringLiteral("&expires=")
                                               : QStringLiteral("?expires="))
            + QString::number(expiresSecs) + QStringLiteral("&signature=") + s.signature;
    return s;
}

Status UrlSigner::verify(const QString &path, const QString &expires, const QString &signature,
                         qint64 nowSecs) const
{
    bool ok = false;
    const qint64 expiresSecs = expires.toLongLong(&ok);
    if (!ok || signature.isEmpty())
        return Error::denied(QStringLiteral("The URL is not signed"));
    const QByteArray expected = signatureOf(path, expiresSecs).toLatin1();
    const QByteArray given = signature.toLatin1();
    // Constant time: the comparison must not tell an attacker how much of a guess was right.
    unsigned char diff = expected.size() == given.size() ? 0 : 1;
    for (qsizetype i = 0; i < expected.size(); ++i)
        diff |= static_cast<unsigned char>(expected[i] ^ (i < given.size() ? given[i] : 0));
    if (diff != 0)
        return Error::denied(QStringLiteral("The URL signature is not valid"));
    if (expiresSecs <= nowSecs)
        return Error::denied(QStringLiteral("The URL has expired"));
    return Ok{};
}

} // namespace vms::auth
