// Unit tests of vms::auth::PasswordHasher and generatePassword (core/auth/password_hasher.h).
#include "core/auth/password_hasher.h"

#include <QRegularExpression>
#include <QSet>
#include <QTest>

#include <argon2.h>

using vms::auth::PasswordHasher;

namespace {

// Small parameters keep the suite fast; one case below uses the production defaults.
PasswordHasher::Params fastParams()
{
    PasswordHasher::Params p;
    p.timeCost = 1;
    p.memoryKiB = 256;
    p.parallelism = 1;
    return p;
}

// An encoded hash of `password` made with another Argon2 variant (libargon2 directly).
QString otherVariantHash(const QString &password, argon2_type type)
{
    const QByteArray pwd = password.toUtf8();
    const QByteArray salt("0123456789abcdef");
    const size_t len = argon2_encodedlen(1, 256, 1, size_t(salt.size()), 32, type);
    QByteArray encoded(int(len), '\0');
    const int rc = argon2_hash(1, 256, 1, pwd.constData(), size_t(pwd.size()), salt.constData(),
                               size_t(salt.size()), nullptr, 32, encoded.data(), len, type,
                               ARGON2_VERSION_13);
    if (rc != ARGON2_OK)
        return {};
    return QString::fromLatin1(encoded.constData());
}

} // namespace

class TestPasswordHasher : public QObject
{
    Q_OBJECT

private slots:
    void encodesConfiguredParams_data()
    {
        QTest::addColumn<quint32>("timeCost");
        QTest::addColumn<quint32>("memoryKiB");
        QTest::addColumn<quint32>("parallelism");
        QTest::newRow("t1 m256 p1") << 1u << 256u << 1u;
        QTest::newRow("t3 m512 p1") << 3u << 512u << 1u;
        QTest::newRow("t1 m1024 p2") << 1u << 1024u << 2u;
    }

    void encodesConfiguredParams()
    {
        QFETCH(quint32, timeCost);
        QFETCH(quint32, memoryKiB);
        QFETCH(quint32, parallelism);
        const PasswordHasher hasher(PasswordHasher::Params{timeCost, memoryKiB, parallelism});
        const QString h = hasher.hash(QStringLiteral("correct horse"));
        const QString prefix = QStringLiteral("$argon2id$v=19$m=%1,t=%2,p=%3$")
                                       .arg(memoryKiB)
                                       .arg(timeCost)
                                       .arg(parallelism);
        QVERIFY2(h.startsWith(prefix), qPrintable(h));
        // PHC: $argon2id$v=19$m=..,t=..,p=..$<salt b64>$<hash b64>, 16-byte salt, 32-byte hash.
        const QStringList parts = h.split(QLatin1Char('$'));
        QCOMPARE(parts.size(), 6);
        QCOMPARE(parts[4].size(), 22); // 16 bytes, unpadded base64
        QCOMPARE(parts[5].size(), 43); // 32 bytes, unpadded base64
        QVERIFY(hasher.verify(QStringLiteral("correct horse"), h));
    }

    void defaultParams()
    {
        const PasswordHasher hasher;
        const QString h = hasher.hash(QStringLiteral("s3cret-password"));
        QVERIFY2(h.startsWith(QStringLiteral("$argon2id$v=19$m=19456,t=2,p=1$")), qPrintable(h));
        QVERIFY(hasher.verify(QStringLiteral("s3cret-password"), h));
        QVERIFY(!hasher.verify(QStringLiteral("s3cret-passwore"), h));
    }

    void verify_data()
    {
        QTest::addColumn<QString>("password");
        QTest::addColumn<QString>("attempt");
        QTest::addColumn<bool>("expected");
        QTest::newRow("same") << QStringLiteral("hunter22") << QStringLiteral("hunter22") << true;
        QTest::newRow("other") << QStringLiteral("hunter22") << QStringLiteral("hunter23") << false;
        QTest::newRow("case") << QStringLiteral("hunter22") << QStringLiteral("HUNTER22") << false;
        QTest::newRow("prefix") << QStringLiteral("hunter22") << QStringLiteral("hunter2") << false;
        QTest::newRow("trailing space")
                << QStringLiteral("hunter22") << QStringLiteral("hunter22 ") << false;
        QTest::newRow("empty attempt") << QStringLiteral("hunter22") << QString() << false;
        QTest::newRow("empty password") << QString() << QString() << true;
        QTest::newRow("unicode") << QStringLiteral("пароль-Ω") << QStringLiteral("пароль-Ω")
                                 << true;
        QTest::newRow("unicode other")
                << QStringLiteral("пароль-Ω") << QStringLiteral("пароль-W") << false;
    }

    void verify()
    {
        QFETCH(QString, password);
        QFETCH(QString, attempt);
        QFETCH(bool, expected);
        const PasswordHasher hasher(fastParams());
        const QString h = hasher.hash(password);
        QVERIFY(!h.isEmpty());
        QCOMPARE(hasher.verify(attempt, h), expected);
    }

    void verifyIgnoresOwnParams()
    {
        // The parameters come from the encoded string, so a hasher configured differently (e.g.
        // after a parameter upgrade) still verifies old hashes.
        const QString h = PasswordHasher(fastParams()).hash(QStringLiteral("pw-1"));
        const PasswordHasher other(PasswordHasher::Params{2, 512, 1});
        QVERIFY(other.verify(QStringLiteral("pw-1"), h));
        QVERIFY(!other.verify(QStringLiteral("pw-2"), h));
    }

    void differentSalts()
    {
        const PasswordHasher hasher(fastParams());
        const QString a = hasher.hash(QStringLiteral("same password"));
        const QString b = hasher.hash(QStringLiteral("same password"));
        QVERIFY(a != b);
        // The salts differ, not only the hashes.
        QVERIFY(a.split(QLatin1Char('$')).at(4) != b.split(QLatin1Char('$')).at(4));
        QVERIFY(hasher.verify(QStringLiteral("same password"), a));
        QVERIFY(hasher.verify(QStringLiteral("same password"), b));
    }

    void rejectsNonArgon2id_data()
    {
        QTest::addColumn<QString>("encoded");
        const QString pw = QStringLiteral("hunter22");
        const QString i = otherVariantHash(pw, Argon2_i);
        const QString d = otherVariantHash(pw, Argon2_d);
        QVERIFY(i.startsWith(QStringLiteral("$argon2i$")));
        QVERIFY(d.startsWith(QStringLiteral("$argon2d$")));
        // Sanity: these are genuine hashes of the password, accepted by their own variant.
        QCOMPARE(argon2_verify(i.toLatin1().constData(), "hunter22", 8, Argon2_i), int(ARGON2_OK));
        QTest::newRow("argon2i of the right password") << i;
        QTest::newRow("argon2d of the right password") << d;
        QTest::newRow("bcrypt") << QStringLiteral(
                "$2b$12$KIXQJQ1z0bY8cWq8a0mJUuQk1rJ8r2k5y0hS5hZk6G7J8nYxk1nQO");
        QTest::newRow("plaintext equal to the password") << pw;
        QTest::newRow("empty") << QString();
        QTest::newRow("prefix only") << QStringLiteral("$argon2id$");
        QTest::newRow("truncated argon2id")
                << QStringLiteral("$argon2id$v=19$m=256,t=1,p=1$MDEyMzQ1Njc4OWFiY2RlZg");
    }

    void rejectsNonArgon2id()
    {
        QFETCH(QString, encoded);
        const PasswordHasher hasher(fastParams());
        QVERIFY(!hasher.verify(QStringLiteral("hunter22"), encoded));
    }

    void generatePasswordShape_data()
    {
        QTest::addColumn<int>("length");
        QTest::newRow("default") << -1;
        QTest::newRow("1") << 1;
        QTest::newRow("8") << 8;
        QTest::newRow("64") << 64;
    }

    void generatePasswordShape()
    {
        QFETCH(int, length);
        const QString pw
                = length < 0 ? vms::auth::generatePassword() : vms::auth::generatePassword(length);
        QCOMPARE(pw.size(), length < 0 ? 20 : length);
        // No look-alikes: 0/O/o, 1/l/I.
        static const QRegularExpression alphabet(
                QStringLiteral("^[abcdefghijkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789]+$"));
        QVERIFY2(alphabet.match(pw).hasMatch(), qPrintable(pw));
    }

    void generatePasswordCoversAlphabetAndIsUnique()
    {
        QSet<QString> seen;
        QSet<QChar> chars;
        for (int i = 0; i < 500; ++i) {
            const QString pw = vms::auth::generatePassword();
            seen.insert(pw);
            for (QChar c : pw)
                chars.insert(c);
        }
        QCOMPARE(seen.size(), 500);
        // 10,000 draws from 56 symbols: all of them show up, and nothing else does.
        QCOMPARE(chars.size(), 56);
        for (QChar c : {QLatin1Char('0'), QLatin1Char('O'), QLatin1Char('o'), QLatin1Char('1'),
                        QLatin1Char('l'), QLatin1Char('I')}) {
            QVERIFY2(!chars.contains(c), qPrintable(QString(c)));
        }
    }
};

QTEST_GUILESS_MAIN(TestPasswordHasher)
#include "tst_password_hasher.moc"
