// Unit tests of vms::auth::TokenSigner, randomToken and sha256Hex (core/auth/token_signer.h).
#include "core/auth/token_signer.h"

#include <QCryptographicHash>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>
#include <QSet>
#include <QTemporaryDir>
#include <QTest>

#include <sys/stat.h>

using vms::ErrorKind;
using vms::auth::AccessClaims;
using vms::auth::TokenSigner;

namespace {

constexpr auto kB64 = QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals;

QByteArray keyA()
{
    return QByteArray(32, 'A');
}

AccessClaims sampleClaims()
{
    AccessClaims c;
    c.userId = 42;
    c.sessionId = QStringLiteral("6f1c2a3e-0000-4000-8000-000000000001");
    c.jti = QStringLiteral("0b9d7e88-0000-4000-8000-000000000002");
    c.issuedAt = 1'700'000'000;
    c.expiresAt = 1'700'000'900;
    return c;
}

QByteArray b64(const QByteArray &raw)
{
    return raw.toBase64(kB64);
}

QByteArray standardHeader()
{
    return b64(QByteArrayLiteral(R"({"alg":"HS256","typ":"JWT"})"));
}

// A token over an arbitrary header and payload, correctly signed with `signer`'s key.
QString forge(const TokenSigner &signer, const QByteArray &headerSegment,
              const QJsonObject &payload)
{
    const QByteArray input
            = headerSegment + '.' + b64(QJsonDocument(payload).toJson(QJsonDocument::Compact));
    return QString::fromLatin1(input + '.' + b64(signer.mac(input)));
}

QJsonObject validPayload()
{
    return {{QStringLiteral("sub"), QStringLiteral("42")},
            {QStringLiteral("sid"), QStringLiteral("s-1")},
            {QStringLiteral("jti"), QStringLiteral("j-1")},
            {QStringLiteral("iat"), 1'700'000'000},
            {QStringLiteral("exp"), 1'700'000'900},
            {QStringLiteral("typ"), QStringLiteral("access")}};
}

} // namespace

class TestTokenSigner : public QObject
{
    Q_OBJECT

private slots:
    void roundTrip()
    {
        const TokenSigner signer(keyA());
        const AccessClaims in = sampleClaims();
        const QString token = signer.sign(in);
        QCOMPARE(token.count(QLatin1Char('.')), 2);
        const auto out = signer.verify(token);
        QVERIFY2(out.hasValue(), qPrintable(out.hasValue() ? QString() : out.error().message));
        QCOMPARE(out->userId, in.userId);
        QCOMPARE(out->sessionId, in.sessionId);
        QCOMPARE(out->jti, in.jti);
        QCOMPARE(out->issuedAt, in.issuedAt);
        QCOMPARE(out->expiresAt, in.expiresAt);
    }

    void signIsDeterministicPerKey()
    {
        const AccessClaims c = sampleClaims();
        QCOMPARE(TokenSigner(keyA()).sign(c), TokenSigner(keyA()).sign(c));
        QVERIFY(TokenSigner(keyA()).sign(c) != TokenSigner(QByteArray(32, 'B')).sign(c));
    }

    void rejects_data()
    {
        QTest::addColumn<QString>("token");

        const TokenSigner signer(keyA());
        const QString good = signer.sign(sampleClaims());
        const QStringList parts = good.split(QLatin1Char('.'));
        QCOMPARE(parts.size(), 3);

        // Payload replaced by another valid one (another user), signature kept.
        AccessClaims other = sampleClaims();
        other.userId = 1;
        const QString otherPayload = signer.sign(other).split(QLatin1Char('.')).at(1);
        QTest::newRow("tampered payload")
                << (parts[0] + QLatin1Char('.') + otherPayload + QLatin1Char('.') + parts[2]);

        // One character of the payload changed.
        QString flipped = parts[1];
        flipped[5] = flipped[5] == QLatin1Char('A') ? QLatin1Char('B') : QLatin1Char('A');
        QTest::newRow("payload char flipped")
                << (parts[0] + QLatin1Char('.') + flipped + QLatin1Char('.') + parts[2]);

        // "alg":"none" with the original signature, and with no signature at all.
        const QString noneHeader
                = QString::fromLatin1(b64(QByteArrayLiteral(R"({"alg":"none","typ":"JWT"})")));
        QTest::newRow("alg none header")
                << (noneHeader + QLatin1Char('.') + parts[1] + QLatin1Char('.') + parts[2]);
        QTest::newRow("alg none unsigned")
                << (noneHeader + QLatin1Char('.') + parts[1] + QLatin1Char('.'));
        QTest::newRow("HS512 header")
                << (QString::fromLatin1(b64(QByteArrayLiteral(R"({"alg":"HS512","typ":"JWT"})")))
                    + QLatin1Char('.') + parts[1] + QLatin1Char('.') + parts[2]);

        QString sig = parts[2];
        sig[0] = sig[0] == QLatin1Char('x') ? QLatin1Char('y') : QLatin1Char('x');
        QTest::newRow("tampered signature")
                << (parts[0] + QLatin1Char('.') + parts[1] + QLatin1Char('.') + sig);
        QTest::newRow("truncated signature")
                << (parts[0] + QLatin1Char('.') + parts[1] + QLatin1Char('.') + parts[2].left(20));
        QTest::newRow("empty signature")
                << (parts[0] + QLatin1Char('.') + parts[1] + QLatin1Char('.'));

        QTest::newRow("signed with another key")
                << TokenSigner(QByteArray(32, 'B')).sign(sampleClaims());

        QTest::newRow("two segments") << (parts[0] + QLatin1Char('.') + parts[1]);
        QTest::newRow("four segments") << (good + QStringLiteral(".") + parts[2]);
        QTest::newRow("one segment") << parts[1];
        QTest::newRow("empty") << QString();
        QTest::newRow("dots only") << QStringLiteral("..");

        QTest::newRow("base64 garbage signature")
                << (parts[0] + QLatin1Char('.') + parts[1] + QStringLiteral(".!!!*$$"));
        QTest::newRow("standard base64 alphabet in signature")
                << (parts[0] + QLatin1Char('.') + parts[1] + QLatin1Char('.')
                    + QString::fromLatin1(
                            signer.mac((parts[0] + QLatin1Char('.') + parts[1]).toLatin1())
                                    .toBase64()));
        QTest::newRow("base64 garbage everywhere") << QStringLiteral("%%%.^^^.&&&");

        // Correctly signed, but the claims are not those of an access token.
        auto payload = [](const char *key, const QJsonValue &value) {
            QJsonObject p = validPayload();
            if (value.isUndefined())
                p.remove(QString::fromLatin1(key));
            else
                p.insert(QString::fromLatin1(key), value);
            return p;
        };
        const QByteArray h = standardHeader();
        QTest::newRow("typ refresh") << forge(signer, h, payload("typ", QStringLiteral("refresh")));
        QTest::newRow("typ missing") << forge(signer, h, payload("typ", QJsonValue::Undefined));
        QTest::newRow("sub not numeric") << forge(signer, h, payload("sub", QStringLiteral("x")));
        QTest::newRow("sub as number") << forge(signer, h, payload("sub", 42));
        QTest::newRow("sid missing") << forge(signer, h, payload("sid", QJsonValue::Undefined));
        QTest::newRow("jti empty") << forge(signer, h, payload("jti", QString()));
        QTest::newRow("exp zero") << forge(signer, h, payload("exp", 0));
        QTest::newRow("exp missing") << forge(signer, h, payload("exp", QJsonValue::Undefined));
        {
            const QByteArray input = h + '.' + b64(QByteArrayLiteral("not json"));
            QTest::newRow("payload not JSON")
                    << QString::fromLatin1(input + '.' + b64(signer.mac(input)));
        }

        // Oversized: a correctly signed token longer than the 4096-character limit.
        AccessClaims big = sampleClaims();
        big.sessionId = QString(4200, QLatin1Char('s'));
        const QString bigToken = signer.sign(big);
        QVERIFY(bigToken.size() > 4096);
        QTest::newRow("oversized") << bigToken;
    }

    void rejects()
    {
        QFETCH(QString, token);
        const TokenSigner signer(keyA());
        const auto r = signer.verify(token);
        QVERIFY2(!r.hasValue(), qPrintable(token.left(200)));
        QCOMPARE(r.error().kind, ErrorKind::Unauthenticated);
    }

    void forgedControlIsAccepted()
    {
        // The forging helper itself produces acceptable tokens, so the rejections above are due
        // to the claims and not to the helper.
        const TokenSigner signer(keyA());
        const auto r = signer.verify(forge(signer, standardHeader(), validPayload()));
        QVERIFY(r.hasValue());
        QCOMPARE(r->userId, 42);
        QCOMPARE(r->sessionId, QStringLiteral("s-1"));
    }

    void sizeLimitBoundary()
    {
        // Just under the limit still verifies.
        const TokenSigner signer(keyA());
        AccessClaims c = sampleClaims();
        c.sessionId = QString(2800, QLatin1Char('s'));
        const QString token = signer.sign(c);
        QVERIFY(token.size() <= 4096);
        QVERIFY(token.size() > 3500);
        QVERIFY(signer.verify(token).hasValue());
    }

    void macDependsOnKeyAndData()
    {
        const TokenSigner a(keyA());
        QCOMPARE(a.mac("x").size(), 32);
        QCOMPARE(a.mac("x"), TokenSigner(keyA()).mac("x"));
        QVERIFY(a.mac("x") != a.mac("y"));
        QVERIFY(a.mac("x") != TokenSigner(QByteArray(32, 'B')).mac("x"));
    }

    void loadOrCreateKeyCreatesAndReloads()
    {
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        const QString path = dir.filePath(QStringLiteral("nested/dir/token-signing.key"));
        QVERIFY(!QFile::exists(path));

        const auto created = TokenSigner::loadOrCreateKey(path);
        QVERIFY(created.hasValue());
        QCOMPARE(created->size(), 32);
        QVERIFY(*created != QByteArray(32, '\0'));
        QVERIFY(QFile::exists(path));

        struct stat st
        {
        };
        QCOMPARE(::stat(QFile::encodeName(path).constData(), &st), 0);
        QCOMPARE(st.st_mode & 0777, mode_t(0600));
        QCOMPARE(QFileInfo(path).size(), 32);

        QFile f(path);
        QVERIFY(f.open(QIODevice::ReadOnly));
        QCOMPARE(f.readAll(), *created);
        f.close();

        const auto reloaded = TokenSigner::loadOrCreateKey(path);
        QVERIFY(reloaded.hasValue());
        QCOMPARE(*reloaded, *created);

        // Tokens of the first signer verify with the reloaded key.
        const QString token = TokenSigner(*created).sign(sampleClaims());
        QVERIFY(TokenSigner(*reloaded).verify(token).hasValue());
    }

    void loadOrCreateKeyGivesDistinctKeys()
    {
        QTemporaryDir dir;
        const auto a = TokenSigner::loadOrCreateKey(dir.filePath(QStringLiteral("a.key")));
        const auto b = TokenSigner::loadOrCreateKey(dir.filePath(QStringLiteral("b.key")));
        QVERIFY(a.hasValue() && b.hasValue());
        QVERIFY(*a != *b);
    }

    void loadOrCreateKeyRejectsShortFile()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("short.key"));
        QFile f(path);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write(QByteArray(16, 'k'));
        f.close();
        const auto r = TokenSigner::loadOrCreateKey(path);
        QVERIFY(!r.hasValue());
        QCOMPARE(r.error().kind, ErrorKind::Internal);
        // The short file is left alone, not silently replaced.
        QCOMPARE(QFileInfo(path).size(), 16);
    }

    void randomTokenLength_data()
    {
        QTest::addColumn<int>("bytes");
        QTest::addColumn<int>("chars");
        // base64url without padding: ceil(bytes * 4 / 3).
        QTest::newRow("1") << 1 << 2;
        QTest::newRow("2") << 2 << 3;
        QTest::newRow("3") << 3 << 4;
        QTest::newRow("16") << 16 << 22;
        QTest::newRow("32 (default)") << 32 << 43;
        QTest::newRow("33") << 33 << 44;
        QTest::newRow("64") << 64 << 86;
    }

    void randomTokenLength()
    {
        QFETCH(int, bytes);
        QFETCH(int, chars);
        const QString t = vms::auth::randomToken(bytes);
        QCOMPARE(t.size(), chars);
        static const QRegularExpression urlSafe(QStringLiteral("^[A-Za-z0-9_-]+$"));
        QVERIFY2(urlSafe.match(t).hasMatch(), qPrintable(t));
        const auto raw = QByteArray::fromBase64Encoding(
                t.toLatin1(), kB64 | QByteArray::AbortOnBase64DecodingErrors);
        QVERIFY(raw.decodingStatus == QByteArray::Base64DecodingStatus::Ok);
        QCOMPARE(raw.decoded.size(), bytes);
    }

    void randomTokenDefaultIs32Bytes() { QCOMPARE(vms::auth::randomToken().size(), 43); }

    void randomTokenUnique()
    {
        QSet<QString> seen;
        for (int i = 0; i < 2000; ++i)
            seen.insert(vms::auth::randomToken(16));
        QCOMPARE(seen.size(), 2000);
    }

    void sha256Hex_data()
    {
        QTest::addColumn<QString>("input");
        QTest::addColumn<QString>("hex");
        QTest::newRow("empty") << QString()
                               << QStringLiteral("e3b0c44298fc1c149afbf4c8996fb924"
                                                 "27ae41e4649b934ca495991b7852b855");
        QTest::newRow("abc") << QStringLiteral("abc")
                             << QStringLiteral("ba7816bf8f01cfea414140de5dae2223"
                                               "b00361a396177a9cb410ff61f20015ad");
        QTest::newRow("NIST two blocks")
                << QStringLiteral("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq")
                << QStringLiteral("248d6a61d20638b8e5c026930c3e6039"
                                  "a33ce45964ff2167f6ecedd419db06c1");
    }

    void sha256Hex()
    {
        QFETCH(QString, input);
        QFETCH(QString, hex);
        QCOMPARE(vms::auth::sha256Hex(input), hex);
    }

    void sha256HexHashesUtf8()
    {
        // "\u00e9" is hashed as its UTF-8 bytes c3 a9, not as Latin-1 e9.
        const QString e = QString(QChar(0x00e9));
        const QString utf8 = QString::fromLatin1(
                QCryptographicHash::hash(QByteArray("\xc3\xa9"), QCryptographicHash::Sha256)
                        .toHex());
        const QString latin1 = QString::fromLatin1(
                QCryptographicHash::hash(QByteArray("\xe9"), QCryptographicHash::Sha256).toHex());
        QCOMPARE(vms::auth::sha256Hex(e), utf8);
        QVERIFY(vms::auth::sha256Hex(e) != latin1);
    }
};

QTEST_GUILESS_MAIN(TestTokenSigner)
#include "tst_token_signer.moc"
