#include "core/auth/password_hasher.h"

#include <QRandomGenerator>

#include <argon2.h>

namespace vms::auth {

QString PasswordHasher::hash(const QString &password) const
{
    const QByteArray pwd = password.toUtf8();
    QByteArray salt(16, Qt::Uninitialized);
    QRandomGenerator::system()->generate(reinterpret_cast<quint32 *>(salt.data()),
                                         reinterpret_cast<quint32 *>(salt.data() + salt.size()));
    constexpr size_t kHashLen = 32;
    const size_t encodedLen
            = argon2_encodedlen(m_params.timeCost, m_params.memoryKiB, m_params.parallelism,
                                salt.size(), kHashLen, Argon2_id);
    QByteArray encoded(int(encodedLen), '\0');
    const int rc
            = argon2id_hash_encoded(m_params.timeCost, m_params.memoryKiB, m_params.parallelism,
                                    pwd.constData(), size_t(pwd.size()), salt.constData(),
                                    size_t(salt.size()), kHashLen, encoded.data(), encodedLen);
    if (rc != ARGON2_OK)
        return {};
    return QString::fromLatin1(encoded.constData());
}

bool PasswordHasher::verify(const QString &password, const QString &encoded) const
{
    if (!encoded.startsWith(QLatin1String("$argon2id$")))
        return false;
    const QByteArray pwd = password.toUtf8();
    const QByteArray enc = encoded.toLatin1();
    return argon2id_verify(enc.constData(), pwd.constData(), size_t(pwd.size())) == ARGON2_OK;
}

void PasswordHasher::dummyVerify(const QString &password) const
{
    static const QString dummy = PasswordHasher(m_params).hash(QStringLiteral("dummy-password"));
    verify(password, dummy);
}

QString generatePassword(int length)
{
    static const QLatin1String alphabet("abcdefghijkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789");
    QString out;
    out.reserve(length);
    for (int i = 0; i < length; ++i)
        out.append(QChar(
                alphabet[int(QRandomGenerator::system()->bounded(quint32(alphabet.size())))]));
    return out;
}

} // namespace vms::auth
