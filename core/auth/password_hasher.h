#pragma once

#include <QByteArray>
#include <QString>

namespace vms::auth {

/**
 * Argon2id password hashing (libargon2), PHC string format. Parameters follow the OWASP
 * recommendation (19 MiB, 2 passes, 1 lane). Hashing is deliberately slow: call it off the
 * HTTP server thread.
 */
class PasswordHasher
{
public:
    struct Params
    {
        quint32 timeCost = 2;
        quint32 memoryKiB = 19 * 1024;
        quint32 parallelism = 1;
    };

    PasswordHasher() = default;
    explicit PasswordHasher(Params params)
        : m_params(params)
    {}

    /** An encoded "$argon2id$v=19$m=...,t=...,p=...$salt$hash" string; empty on failure. */
    QString hash(const QString &password) const;
    /** Constant-time verification against an encoded hash. */
    bool verify(const QString &password, const QString &encoded) const;
    /** Spends the same time as a verify, so unknown logins cannot be told apart by timing. */
    void dummyVerify(const QString &password) const;

private:
    Params m_params;
};

/** A random password for the bootstrap administrator: 20 characters, no look-alikes. */
QString generatePassword(int length = 20);

} // namespace vms::auth
