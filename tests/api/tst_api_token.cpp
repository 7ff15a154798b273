// Seed 002 §24: POST /api/v1/token, /token/refresh, /token/revoke.
#include "core/auth/login_throttle.h"
#include "tests/api/api_fixture.h"

#include <QElapsedTimer>
#include <QTest>

using namespace vms::apitest;

namespace {
// Not a form: control bytes, invalid UTF-8 and a NUL.
const char kGarbage[] = "\x01\x02\xff\xfe garbage \x00 more";
} // namespace

class TstApiToken : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void init();
    void cleanup();
    void cleanupTestCase();

    void loginSuccess();
    void loginUsernameIsCaseInsensitive();
    void loginInvalidCredentials_data();
    void loginInvalidCredentials();
    void loginValidation_data();
    void loginValidation();
    void refreshRotation();
    void refreshValidation_data();
    void refreshValidation();
    void refreshUnknownToken();
    void revokeAccessToken();
    void revokeRefreshToken_data();
    void revokeRefreshToken();
    void revokeTwice_data();
    void revokeTwice();
    void revokeGarbage_data();
    void revokeGarbage();
    void revokeBadHint();
    void revokeValidation();
    void tokenRoutesNeedNoBearer();
    void loginThrottling();

private:
    QString admin() const { return m_server.adminLogin(); }
    QString adminPassword() const { return m_server.adminPassword(); }
    /** GET /api/v1/hello with the token: 200 while it is valid, 401 once revoked. */
    vms::test::Reply hello(const QString &token)
    {
        return getWithToken(*m_client, QStringLiteral("/api/v1/hello"), token);
    }

    TestServer m_server;
    std::unique_ptr<ApiTestClient> m_client;
};

void TstApiToken::initTestCase()
{
    QVERIFY2(m_server.start(), qPrintable(m_server.errorString()));
}

void TstApiToken::init()
{
    m_client = std::make_unique<ApiTestClient>(m_server.url());
}

void TstApiToken::cleanup()
{
    VMS_VERIFY_NO_SCHEMA_FAILURES(*m_client);
    m_client.reset();
}

void TstApiToken::cleanupTestCase()
{
    m_server.stop();
}

void TstApiToken::loginSuccess()
{
    const Session s = login(*m_client, admin(), adminPassword());
    VMS_VERIFY_STATUS(s.reply, 200);
    VMS_VERIFY_SCHEMA(s.reply);
    const QJsonObject body = s.reply.object();
    QCOMPARE(body.value(QLatin1String("token_type")).toString(), QStringLiteral("bearer"));
    QVERIFY(body.value(QLatin1String("expires_in")).isDouble());
    QCOMPARE(body.value(QLatin1String("expires_in")).toInteger(), 900);
    QVERIFY(!s.accessToken.isEmpty());
    QVERIFY(!s.refreshToken.isEmpty());
    QVERIFY(s.accessToken != s.refreshToken);
    QVERIFY2(s.reply.header("Cache-Control").contains("no-store"),
             s.reply.header("Cache-Control").constData());
    QVERIFY(s.reply.header("Content-Type").startsWith("application/json"));

    // The access token opens a protected route.
    const auto h = hello(s.accessToken);
    VMS_VERIFY_STATUS(h, 200);

    // Two logins are two sessions with different tokens.
    const Session again = login(*m_client, admin(), adminPassword());
    VMS_VERIFY_STATUS(again.reply, 200);
    QVERIFY(again.accessToken != s.accessToken);
    QVERIFY(again.refreshToken != s.refreshToken);
}

void TstApiToken::loginUsernameIsCaseInsensitive()
{
    const Session s = login(*m_client, admin().toUpper(), adminPassword());
    VMS_VERIFY_STATUS(s.reply, 200);
    QVERIFY(s.isValid());
    const auto me = getWithToken(*m_client, QStringLiteral("/api/v1/users/me"), s.accessToken);
    VMS_VERIFY_STATUS(me, 200);
    QCOMPARE(me.object().value(QLatin1String("email")).toString(), admin());
}

void TstApiToken::loginInvalidCredentials_data()
{
    QTest::addColumn<QString>("username");
    QTest::addColumn<QString>("password");
    QTest::newRow("wrong password")
            << QStringLiteral("admin@example.com") << QStringLiteral("not-the-password-123");
    QTest::newRow("password case differs") << QString() << QStringLiteral("<upper>");
    QTest::newRow("unknown user") << QStringLiteral("nobody@example.com")
                                  << QStringLiteral("whatever-password-1");
    QTest::newRow("unknown user, admin password")
            << QStringLiteral("nobody@example.com") << QString();
}

void TstApiToken::loginInvalidCredentials()
{
    QFETCH(QString, username);
    QFETCH(QString, password);
    if (username.isEmpty())
        username = admin();
    if (password.isEmpty())
        password = adminPassword();
    else if (password == QLatin1String("<upper>"))
        password = adminPassword().toUpper();
    QVERIFY(password != adminPassword() || username != admin());

    const Session s = login(*m_client, username, password);
    VMS_VERIFY_ERROR(s.reply, 401, QStringLiteral("token_invalid_credentials"));
    QVERIFY(s.accessToken.isEmpty());
    QVERIFY(!s.reply.object().contains(QLatin1String("access_token")));

    // Reset the failed-login throttle so that later tests are not slowed down.
    const Session ok = login(*m_client, admin(), adminPassword());
    VMS_VERIFY_STATUS(ok.reply, 200);
}

void TstApiToken::loginValidation_data()
{
    QTest::addColumn<QByteArray>("body");
    QTest::addColumn<QByteArray>("contentType");
    QTest::addColumn<QStringList>("missing");  // fields reported as value_error.missing
    QTest::addColumn<QString>("invalidField"); // a field reported with another type
    QTest::addColumn<QString>("invalidType");

    const QByteArray form = QByteArrayLiteral("application/x-www-form-urlencoded");
    QTest::newRow("no grant_type")
            << QByteArray("username=a%40example.com&password=x") << form
            << QStringList{QStringLiteral("grant_type")} << QString() << QString();
    QTest::newRow("no username") << QByteArray("grant_type=password&password=x") << form
                                 << QStringList{QStringLiteral("username")} << QString()
                                 << QString();
    QTest::newRow("no password") << QByteArray("grant_type=password&username=a%40example.com")
                                 << form << QStringList{QStringLiteral("password")} << QString()
                                 << QString();
    QTest::newRow("empty body") << QByteArray() << form
                                << QStringList{QStringLiteral("grant_type"),
                                               QStringLiteral("username"),
                                               QStringLiteral("password")}
                                << QString() << QString();
    QTest::newRow("wrong grant_type")
            << QByteArray("grant_type=refresh_token&username=a%40example.com&password=x") << form
            << QStringList{} << QStringLiteral("grant_type") << QStringLiteral("type_error.enum");
    QTest::newRow("client_credentials grant")
            << QByteArray("grant_type=client_credentials&username=a%40example.com&password=x")
            << form << QStringList{} << QStringLiteral("grant_type")
            << QStringLiteral("type_error.enum");
    QTest::newRow("empty password")
            << QByteArray("grant_type=password&username=a%40example.com&password=") << form
            << QStringList{} << QStringLiteral("password")
            << QStringLiteral("value_error.any_str.min_length");
    QTest::newRow("binary garbage")
            << QByteArray(kGarbage, sizeof(kGarbage) - 1) << QByteArray("application/octet-stream")
            << QStringList{QStringLiteral("grant_type"), QStringLiteral("username"),
                           QStringLiteral("password")}
            << QString() << QString();
    QTest::newRow("JSON instead of a form")
            << QByteArray(R"({"grant_type":"password","username":"admin@example.com",)"
                          R"("password":"x"})")
            << QByteArray("application/json")
            << QStringList{QStringLiteral("grant_type"), QStringLiteral("username"),
                           QStringLiteral("password")}
            << QString() << QString();
}

void TstApiToken::loginValidation()
{
    QFETCH(QByteArray, body);
    QFETCH(QByteArray, contentType);
    QFETCH(QStringList, missing);
    QFETCH(QString, invalidField);
    QFETCH(QString, invalidType);

    const auto r = m_client->postRaw(QStringLiteral("/api/v1/token"), body, contentType);
    VMS_VERIFY_STATUS(r, 422);
    VMS_VERIFY_SCHEMA(r);
    for (const QString &field : std::as_const(missing))
        VMS_VERIFY_VALIDATION(r, (QStringList{QStringLiteral("body"), field}),
                              QStringLiteral("value_error.missing"));
    if (!invalidField.isEmpty())
        VMS_VERIFY_VALIDATION(r, (QStringList{QStringLiteral("body"), invalidField}), invalidType);
    const int expectedCount = int(missing.size()) + (invalidField.isEmpty() ? 0 : 1);
    QCOMPARE(validationEntries(r).size(), expectedCount);
    QVERIFY(!r.object().contains(QLatin1String("access_token")));
}

void TstApiToken::refreshRotation()
{
    const Session first = login(*m_client, admin(), adminPassword());
    QVERIFY2(first.isValid(), qPrintable(first.reply.describe()));

    const Session second = refresh(*m_client, first.refreshToken);
    VMS_VERIFY_STATUS(second.reply, 200);
    VMS_VERIFY_SCHEMA(second.reply);
    QCOMPARE(second.reply.object().value(QLatin1String("token_type")).toString(),
             QStringLiteral("bearer"));
    QCOMPARE(second.reply.object().value(QLatin1String("expires_in")).toInteger(), 900);
    QVERIFY(second.reply.header("Cache-Control").contains("no-store"));
    QVERIFY(second.accessToken != first.accessToken);
    QVERIFY(second.refreshToken != first.refreshToken);

    // The new pair works: the access token opens routes, the refresh token rotates again.
    VMS_VERIFY_STATUS(hello(second.accessToken), 200);
    const Session third = refresh(*m_client, second.refreshToken);
    VMS_VERIFY_STATUS(third.reply, 200);
    QVERIFY(third.isValid());
    VMS_VERIFY_STATUS(hello(third.accessToken), 200);

    // The spent refresh token is refused...
    const Session replay = refresh(*m_client, first.refreshToken);
    VMS_VERIFY_ERROR(replay.reply, 400, QStringLiteral("token_refresh_error"));
    QVERIFY(replay.accessToken.isEmpty());

    // ... and its reuse ended the whole session: every access token of it is now refused, and so
    // is the newest refresh token.
    for (const QString &token : {first.accessToken, second.accessToken, third.accessToken}) {
        const auto h = hello(token);
        VMS_VERIFY_ERROR(h, 401, QStringLiteral("not_authenticated"));
    }
    const Session afterReuse = refresh(*m_client, third.refreshToken);
    VMS_VERIFY_ERROR(afterReuse.reply, 400, QStringLiteral("token_refresh_error"));

    // Other sessions of the same user are untouched.
    const Session other = login(*m_client, admin(), adminPassword());
    VMS_VERIFY_STATUS(other.reply, 200);
    VMS_VERIFY_STATUS(hello(other.accessToken), 200);
}

void TstApiToken::refreshValidation_data()
{
    QTest::addColumn<QByteArray>("body");
    QTest::addColumn<QString>("field");
    QTest::addColumn<QString>("type");
    QTest::newRow("no refresh_token")
            << QByteArray("grant_type=refresh_token") << QStringLiteral("refresh_token")
            << QStringLiteral("value_error.missing");
    QTest::newRow("no grant_type")
            << QByteArray("refresh_token=abc") << QStringLiteral("grant_type")
            << QStringLiteral("value_error.missing");
    QTest::newRow("password grant_type")
            << QByteArray("grant_type=password&refresh_token=abc") << QStringLiteral("grant_type")
            << QStringLiteral("type_error.enum");
    QTest::newRow("empty body") << QByteArray() << QStringLiteral("refresh_token")
                                << QStringLiteral("value_error.missing");
}

void TstApiToken::refreshValidation()
{
    QFETCH(QByteArray, body);
    QFETCH(QString, field);
    QFETCH(QString, type);
    const auto r = m_client->postRaw(QStringLiteral("/api/v1/token/refresh"), body,
                                     QByteArrayLiteral("application/x-www-form-urlencoded"));
    VMS_VERIFY_VALIDATION(r, (QStringList{QStringLiteral("body"), field}), type);
}

void TstApiToken::refreshUnknownToken()
{
    // A well-formed but unknown refresh token, and an access token used as a refresh token.
    const Session s = login(*m_client, admin(), adminPassword());
    QVERIFY2(s.isValid(), qPrintable(s.reply.describe()));
    for (const QString &token : {QStringLiteral("definitely-not-a-refresh-token"), s.accessToken}) {
        const Session r = refresh(*m_client, token);
        VMS_VERIFY_ERROR(r.reply, 400, QStringLiteral("token_refresh_error"));
    }
    // Failed refreshes do not harm the session.
    const Session ok = refresh(*m_client, s.refreshToken);
    VMS_VERIFY_STATUS(ok.reply, 200);
}

void TstApiToken::revokeAccessToken()
{
    const Session first = login(*m_client, admin(), adminPassword());
    QVERIFY2(first.isValid(), qPrintable(first.reply.describe()));
    // A second access token of the same session.
    const Session second = refresh(*m_client, first.refreshToken);
    QVERIFY2(second.isValid(), qPrintable(second.reply.describe()));
    VMS_VERIFY_STATUS(hello(first.accessToken), 200);

    const auto r = revoke(*m_client, first.accessToken, QStringLiteral("access_token"));
    VMS_VERIFY_STATUS(r, 204);
    QVERIFY2(r.body.isEmpty(), r.body.constData());

    const auto revoked = hello(first.accessToken);
    VMS_VERIFY_ERROR(revoked, 401, QStringLiteral("not_authenticated"));
    QCOMPARE(revoked.header("WWW-Authenticate"), QByteArray("Bearer"));

    // Only that token: the session's other access token and its refresh token still work.
    VMS_VERIFY_STATUS(hello(second.accessToken), 200);
    const Session third = refresh(*m_client, second.refreshToken);
    VMS_VERIFY_STATUS(third.reply, 200);
    VMS_VERIFY_STATUS(hello(third.accessToken), 200);

    // Without a hint the access token is recognised too.
    const auto noHint = revoke(*m_client, third.accessToken);
    VMS_VERIFY_STATUS(noHint, 204);
    VMS_VERIFY_ERROR(hello(third.accessToken), 401, QStringLiteral("not_authenticated"));
    VMS_VERIFY_STATUS(hello(second.accessToken), 200);
}

void TstApiToken::revokeRefreshToken_data()
{
    QTest::addColumn<bool>("revokeFirst"); // the spent first refresh token, else the current one
    QTest::addColumn<QString>("hint");
    QTest::newRow("current, hint refresh_token") << false << QStringLiteral("refresh_token");
    QTest::newRow("current, no hint") << false << QString();
    QTest::newRow("current, hint access_token") << false << QStringLiteral("access_token");
    QTest::newRow("first (spent), no hint") << true << QString();
}

void TstApiToken::revokeRefreshToken()
{
    QFETCH(bool, revokeFirst);
    QFETCH(QString, hint);

    const Session first = login(*m_client, admin(), adminPassword());
    QVERIFY2(first.isValid(), qPrintable(first.reply.describe()));
    const Session second = refresh(*m_client, first.refreshToken);
    QVERIFY2(second.isValid(), qPrintable(second.reply.describe()));
    VMS_VERIFY_STATUS(hello(first.accessToken), 200);
    VMS_VERIFY_STATUS(hello(second.accessToken), 200);
    // An unrelated session that must survive.
    const Session bystander = login(*m_client, admin(), adminPassword());
    QVERIFY2(bystander.isValid(), qPrintable(bystander.reply.describe()));

    const auto r = revoke(*m_client, revokeFirst ? first.refreshToken : second.refreshToken, hint);
    VMS_VERIFY_STATUS(r, 204);
    QVERIFY(r.body.isEmpty());

    // Every access token derived from the session is revoked: the login's and the refresh's.
    VMS_VERIFY_ERROR(hello(first.accessToken), 401, QStringLiteral("not_authenticated"));
    VMS_VERIFY_ERROR(hello(second.accessToken), 401, QStringLiteral("not_authenticated"));
    const Session again = refresh(*m_client, second.refreshToken);
    VMS_VERIFY_ERROR(again.reply, 400, QStringLiteral("token_refresh_error"));

    VMS_VERIFY_STATUS(hello(bystander.accessToken), 200);
    const Session bystanderRefresh = refresh(*m_client, bystander.refreshToken);
    VMS_VERIFY_STATUS(bystanderRefresh.reply, 200);
}

void TstApiToken::revokeTwice_data()
{
    QTest::addColumn<bool>("useRefreshToken");
    QTest::newRow("access token") << false;
    QTest::newRow("refresh token") << true;
}

void TstApiToken::revokeTwice()
{
    QFETCH(bool, useRefreshToken);
    const Session s = login(*m_client, admin(), adminPassword());
    QVERIFY2(s.isValid(), qPrintable(s.reply.describe()));
    const QString token = useRefreshToken ? s.refreshToken : s.accessToken;

    VMS_VERIFY_STATUS(revoke(*m_client, token), 204);
    const auto second = revoke(*m_client, token);
    VMS_VERIFY_ERROR(second, 400, QStringLiteral("token_revoke_error"));
    VMS_VERIFY_ERROR(hello(s.accessToken), 401, QStringLiteral("not_authenticated"));
}

void TstApiToken::revokeGarbage_data()
{
    QTest::addColumn<QString>("token");
    QTest::addColumn<QString>("hint");
    QTest::newRow("garbage") << QStringLiteral("garbage") << QString();
    QTest::newRow("garbage, refresh hint")
            << QStringLiteral("garbage") << QStringLiteral("refresh_token");
    QTest::newRow("JWT-shaped") << QStringLiteral("eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxIn0.c2ln")
                                << QStringLiteral("access_token");
}

void TstApiToken::revokeGarbage()
{
    QFETCH(QString, token);
    QFETCH(QString, hint);
    const auto r = revoke(*m_client, token, hint);
    VMS_VERIFY_ERROR(r, 400, QStringLiteral("token_revoke_error"));
}

void TstApiToken::revokeBadHint()
{
    const Session s = login(*m_client, admin(), adminPassword());
    QVERIFY2(s.isValid(), qPrintable(s.reply.describe()));
    const auto r = revoke(*m_client, s.accessToken, QStringLiteral("id_token"));
    VMS_VERIFY_ERROR(r, 400, QStringLiteral("token_revoke_error"));
    // A refused revocation revokes nothing.
    VMS_VERIFY_STATUS(hello(s.accessToken), 200);
    const auto refreshHint = revoke(*m_client, s.refreshToken, QStringLiteral("REFRESH_TOKEN"));
    VMS_VERIFY_ERROR(refreshHint, 400, QStringLiteral("token_revoke_error"));
    const Session stillValid = refresh(*m_client, s.refreshToken);
    VMS_VERIFY_STATUS(stillValid.reply, 200);
}

void TstApiToken::revokeValidation()
{
    const auto r = m_client->postForm(
            QStringLiteral("/api/v1/token/revoke"),
            {{QStringLiteral("token_type_hint"), QStringLiteral("access_token")}});
    VMS_VERIFY_VALIDATION(r, (QStringList{QStringLiteral("body"), QStringLiteral("token")}),
                          QStringLiteral("value_error.missing"));
    const auto empty = m_client->postRaw(QStringLiteral("/api/v1/token/revoke"), QByteArray(),
                                         QByteArrayLiteral("application/x-www-form-urlencoded"));
    VMS_VERIFY_VALIDATION(empty, (QStringList{QStringLiteral("body"), QStringLiteral("token")}),
                          QStringLiteral("value_error.missing"));
    const auto tooLong = revoke(*m_client, QString(5000, QLatin1Char('x')));
    VMS_VERIFY_VALIDATION(tooLong, (QStringList{QStringLiteral("body"), QStringLiteral("token")}),
                          QStringLiteral("value_error.any_str.max_length"));
}

void TstApiToken::tokenRoutesNeedNoBearer()
{
    // Neither a missing nor a bad Authorization header matters on the token routes.
    for (const QString &bearer : {QString(), QStringLiteral("garbage.token.value")}) {
        m_client->setBearer(bearer);
        const Session s = login(*m_client, admin(), adminPassword());
        VMS_VERIFY_STATUS(s.reply, 200);
        QVERIFY(s.isValid());
        const Session r = refresh(*m_client, s.refreshToken);
        VMS_VERIFY_STATUS(r.reply, 200);
        QVERIFY(r.isValid());
        const auto v = revoke(*m_client, r.refreshToken);
        VMS_VERIFY_STATUS(v, 204);
        QVERIFY(r.reply.header("WWW-Authenticate").isEmpty());
    }
    m_client->setBearer(QString());
}

void TstApiToken::loginThrottling()
{
    using vms::auth::LoginThrottle;
    // A success clears earlier failures of this client (127.0.0.1).
    const Session reset = login(*m_client, admin(), adminPassword());
    VMS_VERIFY_STATUS(reset.reply, 200);

    const QString wrong = QStringLiteral("wrong-password-for-throttle");
    for (int round = 0; round < 2; ++round) {
        // The free attempts: refused, and counted.
        for (int i = 0; i < LoginThrottle::kFreeAttempts; ++i) {
            const Session s = login(*m_client, admin(), wrong);
            VMS_VERIFY_ERROR(s.reply, 401, QStringLiteral("token_invalid_credentials"));
        }
        // The next failing attempt is held back by at least the base delay (250 ms).
        const Session slow = login(*m_client, admin(), wrong);
        VMS_VERIFY_ERROR(slow.reply, 401, QStringLiteral("token_invalid_credentials"));
        QVERIFY2(slow.reply.elapsedMs >= 200,
                 qPrintable(QStringLiteral("round %1: throttled attempt took only %2 ms")
                                    .arg(round)
                                    .arg(slow.reply.elapsedMs)));

        // The right password still gets in (it is delayed as well: the throttle must not tell
        // a right password from a wrong one by timing), and resets the record.
        const Session ok = login(*m_client, admin(), adminPassword());
        VMS_VERIFY_STATUS(ok.reply, 200);
        VMS_VERIFY_SCHEMA(ok.reply);
        QVERIFY2(ok.reply.elapsedMs >= 200,
                 qPrintable(QStringLiteral("login after throttled failures took only %1 ms")
                                    .arg(ok.reply.elapsedMs)));
        VMS_VERIFY_STATUS(hello(ok.accessToken), 200);
        // After the reset the cycle starts over: the second round sees the same behaviour.
    }
}

QTEST_GUILESS_MAIN(TstApiToken)
#include "tst_api_token.moc"
