// The HTTP layer shared by every route: the bearer gate, unknown paths and methods, the body
// limit, /openapi.json and /api/v1/hello (seed 002 §7).
#include "tests/api/api_fixture.h"
#include "tests/support/openapi_validator.h"

#include <QTest>

using namespace vms::apitest;

namespace {

const QString kAnyAuditId = QStringLiteral("6f1e2d3c-4b5a-4978-8695-a4b3c2d1e0f9");

/** One row per protected route: method, path, and a well-formed body. */
void addProtectedRoutes()
{
    QTest::addColumn<QByteArray>("method");
    QTest::addColumn<QString>("path");
    QTest::addColumn<QByteArray>("body");
    QTest::newRow("GET hello") << QByteArray("GET") << QStringLiteral("/api/v1/hello")
                               << QByteArray();
    QTest::newRow("GET users/me") << QByteArray("GET") << QStringLiteral("/api/v1/users/me")
                                  << QByteArray();
    QTest::newRow("PUT users/me") << QByteArray("PUT") << QStringLiteral("/api/v1/users/me")
                                  << QByteArray(R"({"first_name":"X","last_name":"Y"})");
    QTest::newRow("PUT users/me/password")
            << QByteArray("PUT") << QStringLiteral("/api/v1/users/me/password")
            << QByteArray(R"({"old_password":"whatever-1","new_password":"whatever-2"})");
    QTest::newRow("PUT users/me/email")
            << QByteArray("PUT") << QStringLiteral("/api/v1/users/me/email")
            << QByteArray(R"({"password":"whatever-1","email":"x@example.com"})");
    QTest::newRow("GET auditlogs")
            << QByteArray("GET") << QStringLiteral("/api/v1/auditlogs") << QByteArray();
    QTest::newRow("GET auditlogs/{id}")
            << QByteArray("GET") << QStringLiteral("/api/v1/auditlogs/") + kAnyAuditId
            << QByteArray();
}

/** Empty when the reply is our 401: UnauthorizedError with WWW-Authenticate: Bearer. */
QString check401(const vms::test::Reply &r)
{
    QString problem = checkError(r, 401, QStringLiteral("not_authenticated"));
    if (problem.isEmpty() && r.header("WWW-Authenticate") != "Bearer")
        problem = QStringLiteral("no \"WWW-Authenticate: Bearer\" in: ") + r.describe();
    return problem;
}

QSet<QString> methodSet(const QByteArray &allow)
{
    QSet<QString> out;
    const QList<QByteArray> parts = allow.split(',');
    for (const QByteArray &p : parts) {
        if (!p.trimmed().isEmpty())
            out.insert(QString::fromLatin1(p.trimmed()));
    }
    return out;
}

} // namespace

#define VMS_VERIFY_401(reply) \
    do { \
        const QString vms401_ = check401(reply); \
        QVERIFY2(vms401_.isEmpty(), qPrintable(vms401_)); \
    } while (false)

class TstApiHttp : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void init();
    void cleanup();
    void cleanupTestCase();

    void missingToken_data() { addProtectedRoutes(); }
    void missingToken();
    void badToken_data() { addProtectedRoutes(); }
    void badToken();
    void expiredToken_data() { addProtectedRoutes(); }
    void expiredToken();
    void expiredAccessTokenCanBeRefreshed();
    void bearerSchemeIsCaseInsensitive();
    void unknownPath_data();
    void unknownPath();
    void wrongMethod_data();
    void wrongMethod();
    void bodyTooLarge();
    void openapiJson();
    void hello();

private:
    /** A fresh admin access token (the clock may have moved past earlier ones). */
    QString adminToken();
    vms::test::Reply send(const QByteArray &method, const QString &path, const QByteArray &body,
                          const QByteArray &authorization);

    std::shared_ptr<vms::ManualClock> m_clock;
    TestServer m_server;
    std::unique_ptr<ApiTestClient> m_client;
};

void TstApiHttp::initTestCase()
{
    m_clock = std::make_shared<vms::ManualClock>();
    TestServerConfig config;
    config.clock = m_clock;
    QVERIFY2(m_server.start(config), qPrintable(m_server.errorString()));
}

void TstApiHttp::init()
{
    m_client = std::make_unique<ApiTestClient>(m_server.url());
}

void TstApiHttp::cleanup()
{
    VMS_VERIFY_NO_SCHEMA_FAILURES(*m_client);
    m_client.reset();
}

void TstApiHttp::cleanupTestCase()
{
    m_server.stop();
}

QString TstApiHttp::adminToken()
{
    const Session s = login(*m_client, m_server.adminLogin(), m_server.adminPassword());
    if (!s.isValid())
        qWarning("admin login: %s", qPrintable(s.reply.describe()));
    return s.accessToken;
}

vms::test::Reply TstApiHttp::send(const QByteArray &method, const QString &path,
                                  const QByteArray &body, const QByteArray &authorization)
{
    vms::test::HttpHeaders headers;
    if (!authorization.isEmpty())
        headers.append({QByteArrayLiteral("Authorization"), authorization});
    return m_client->request(method, path, body,
                             body.isEmpty() ? QByteArray() : QByteArrayLiteral("application/json"),
                             headers);
}

void TstApiHttp::missingToken()
{
    QFETCH(QByteArray, method);
    QFETCH(QString, path);
    QFETCH(QByteArray, body);
    const auto r = send(method, path, body, {});
    VMS_VERIFY_401(r);
    VMS_VERIFY_SCHEMA(r);
}

void TstApiHttp::badToken()
{
    QFETCH(QByteArray, method);
    QFETCH(QString, path);
    QFETCH(QByteArray, body);

    const QString token = adminToken();
    QVERIFY(!token.isEmpty());
    const QStringList parts = token.split(QLatin1Char('.'));
    QCOMPARE(parts.size(), 3);
    // The signature altered in its middle, and the payload swapped for another one.
    QString badSignature = parts.at(2);
    badSignature[10]
            = badSignature.at(10) == QLatin1Char('A') ? QLatin1Char('B') : QLatin1Char('A');
    const QByteArray otherPayload
            = QByteArray(R"({"sub":"1","uid":1,"sid":"x","jti":"x",)"
                         R"("iat":1,"exp":99999999999})")
                      .toBase64(QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals);

    const QList<QByteArray> authorizations = {
            QByteArrayLiteral("Bearer garbage"),
            QByteArrayLiteral("Bearer a.b.c"),
            QByteArrayLiteral("Bearer "),
            QByteArrayLiteral("Bearer"),
            "Bearer "
                    + (parts.at(0) + QLatin1Char('.') + parts.at(1) + QLatin1Char('.')
                       + badSignature)
                              .toLatin1(),
            "Bearer " + parts.at(0).toLatin1() + '.' + otherPayload + '.' + parts.at(2).toLatin1(),
            "Basic " + QByteArray("admin@example.com:secret").toBase64(),
            token.toLatin1(), // no scheme at all
    };
    for (const QByteArray &authorization : authorizations) {
        const auto r = send(method, path, body, authorization);
        const QString problem = check401(r);
        QVERIFY2(problem.isEmpty(),
                 qPrintable(QStringLiteral("Authorization: ") + QString::fromLatin1(authorization)
                            + QLatin1String(": ") + problem));
    }
    // The untouched token is fine: the failures above were the token's fault.
    VMS_VERIFY_STATUS(getWithToken(*m_client, QStringLiteral("/api/v1/hello"), token), 200);
}

void TstApiHttp::expiredToken()
{
    QFETCH(QByteArray, method);
    QFETCH(QString, path);
    QFETCH(QByteArray, body);

    const QString token = adminToken();
    QVERIFY(!token.isEmpty());
    // 14 minutes on, the token (15 minutes) still works...
    m_clock->advanceSecs(14 * 60);
    VMS_VERIFY_STATUS(getWithToken(*m_client, QStringLiteral("/api/v1/hello"), token), 200);
    // ... 16 minutes on it does not.
    m_clock->advanceSecs(2 * 60);
    const auto r = send(method, path, body, "Bearer " + token.toLatin1());
    VMS_VERIFY_401(r);
    VMS_VERIFY_SCHEMA(r);
    QVERIFY2(r.object()
                     .value(QLatin1String("detail"))
                     .toString()
                     .contains(QLatin1String("expired"), Qt::CaseInsensitive),
             qPrintable(r.describe()));
}

void TstApiHttp::expiredAccessTokenCanBeRefreshed()
{
    const Session s = login(*m_client, m_server.adminLogin(), m_server.adminPassword());
    QVERIFY2(s.isValid(), qPrintable(s.reply.describe()));
    m_clock->advanceSecs(60 * 60);
    VMS_VERIFY_401(getWithToken(*m_client, QStringLiteral("/api/v1/hello"), s.accessToken));
    const Session renewed = refresh(*m_client, s.refreshToken);
    VMS_VERIFY_STATUS(renewed.reply, 200);
    VMS_VERIFY_STATUS(getWithToken(*m_client, QStringLiteral("/api/v1/hello"), renewed.accessToken),
                      200);
}

void TstApiHttp::bearerSchemeIsCaseInsensitive()
{
    // RFC 7235 §2.1: the auth-scheme is case-insensitive.
    const QString token = adminToken();
    QVERIFY(!token.isEmpty());
    for (const QByteArray &scheme : {QByteArrayLiteral("Bearer"), QByteArrayLiteral("bearer"),
                                     QByteArrayLiteral("BEARER"), QByteArrayLiteral("bEaReR")}) {
        const auto r
                = send("GET", QStringLiteral("/api/v1/hello"), {}, scheme + ' ' + token.toLatin1());
        QVERIFY2(r.status == 200,
                 qPrintable(QString::fromLatin1(scheme) + QLatin1String(": ") + r.describe()));
    }
}

void TstApiHttp::unknownPath_data()
{
    QTest::addColumn<QByteArray>("method");
    QTest::addColumn<QString>("path");
    QTest::addColumn<bool>("withToken");
    QTest::newRow("GET /api/v1/nope")
            << QByteArray("GET") << QStringLiteral("/api/v1/nope") << false;
    QTest::newRow("GET /api/v1/nope, token")
            << QByteArray("GET") << QStringLiteral("/api/v1/nope") << true;
    QTest::newRow("POST /nothing/here")
            << QByteArray("POST") << QStringLiteral("/nothing/here") << false;
    QTest::newRow("GET /api/v1/hello/extra")
            << QByteArray("GET") << QStringLiteral("/api/v1/hello/extra") << true;
    QTest::newRow("DELETE /api/v9/token")
            << QByteArray("DELETE") << QStringLiteral("/api/v9/token") << false;
}

void TstApiHttp::unknownPath()
{
    QFETCH(QByteArray, method);
    QFETCH(QString, path);
    QFETCH(bool, withToken);
    QByteArray authorization;
    if (withToken) {
        const QString token = adminToken();
        QVERIFY(!token.isEmpty());
        authorization = "Bearer " + token.toLatin1();
    }
    const auto r = send(method, path, {}, authorization);
    VMS_VERIFY_ERROR(r, 404, QStringLiteral("not_found"));
    VMS_VERIFY_SCHEMA(r);
    QVERIFY(r.header("Content-Type").startsWith("application/json"));
}

void TstApiHttp::wrongMethod_data()
{
    QTest::addColumn<QByteArray>("method");
    QTest::addColumn<QString>("path");
    QTest::addColumn<QStringList>("allowed");
    QTest::newRow("DELETE hello") << QByteArray("DELETE") << QStringLiteral("/api/v1/hello")
                                  << QStringList{QStringLiteral("GET")};
    // /api/v1/users/{user_id} matches the path too and adds DELETE (the router merges methods).
    QTest::newRow("PATCH users/me")
            << QByteArray("PATCH") << QStringLiteral("/api/v1/users/me")
            << QStringList{QStringLiteral("GET"), QStringLiteral("PUT"), QStringLiteral("DELETE")};
    QTest::newRow("POST auditlogs") << QByteArray("POST") << QStringLiteral("/api/v1/auditlogs")
                                    << QStringList{QStringLiteral("GET")};
    QTest::newRow("DELETE auditlogs/{id}")
            << QByteArray("DELETE") << QStringLiteral("/api/v1/auditlogs/") + kAnyAuditId
            << QStringList{QStringLiteral("GET")};
    QTest::newRow("GET token") << QByteArray("GET") << QStringLiteral("/api/v1/token")
                               << QStringList{QStringLiteral("POST")};
    QTest::newRow("PUT token/revoke") << QByteArray("PUT") << QStringLiteral("/api/v1/token/revoke")
                                      << QStringList{QStringLiteral("POST")};
    QTest::newRow("POST users/me/password")
            << QByteArray("POST") << QStringLiteral("/api/v1/users/me/password")
            << QStringList{QStringLiteral("PUT")};
}

void TstApiHttp::wrongMethod()
{
    QFETCH(QByteArray, method);
    QFETCH(QString, path);
    QFETCH(QStringList, allowed);
    // With and without a token: the method is wrong either way.
    const QString token = adminToken();
    QVERIFY(!token.isEmpty());
    const QByteArray withToken = "Bearer " + token.toLatin1();
    for (const QByteArray &authorization : {QByteArray(), withToken}) {
        const auto r = send(method, path, {}, authorization);
        VMS_VERIFY_ERROR(r, 405, QStringLiteral("method_not_allowed"));
        VMS_VERIFY_SCHEMA(r);
        QCOMPARE(methodSet(r.header("Allow")), QSet<QString>(allowed.cbegin(), allowed.cend()));
    }
}

void TstApiHttp::bodyTooLarge()
{
    TestServer small;
    TestServerConfig config;
    config.maxBodyBytes = 1024;
    QVERIFY2(small.start(config), qPrintable(small.errorString()));
    ApiTestClient client(small.url());

    const Session s = login(client, small.adminLogin(), small.adminPassword());
    QVERIFY2(s.isValid(), qPrintable(s.reply.describe()));
    client.setBearer(s.accessToken);

    // A JSON body of exactly `size` bytes: valid names plus an ignored padding field.
    // (An explicit return type: a deduced one would be a QStringBuilder over dead locals.)
    const auto bodyOf = [](int size) -> QByteArray {
        const QByteArray head = R"({"first_name":"Big","last_name":"Body","pad":")";
        const QByteArray tail = R"("})";
        return head + QByteArray(size - head.size() - tail.size(), 'p') + tail;
    };
    const QByteArray twoKb = bodyOf(2048);
    QCOMPARE(twoKb.size(), 2048);
    const auto tooLarge = client.request("PUT", QStringLiteral("/api/v1/users/me"), twoKb,
                                         QByteArrayLiteral("application/json"));
    VMS_VERIFY_ERROR(tooLarge, 413, QStringLiteral("payload_too_large"));
    VMS_VERIFY_SCHEMA(tooLarge);

    const auto justOver = client.request("PUT", QStringLiteral("/api/v1/users/me"), bodyOf(1025),
                                         QByteArrayLiteral("application/json"));
    VMS_VERIFY_ERROR(justOver, 413, QStringLiteral("payload_too_large"));

    // Nothing was applied; a body at the limit is accepted.
    const auto me = client.get(QStringLiteral("/api/v1/users/me"));
    VMS_VERIFY_STATUS(me, 200);
    QCOMPARE(me.object().value(QLatin1String("first_name")).toString(), QStringLiteral("System"));
    const auto atLimit = client.request("PUT", QStringLiteral("/api/v1/users/me"), bodyOf(1024),
                                        QByteArrayLiteral("application/json"));
    VMS_VERIFY_STATUS(atLimit, 200);
    QCOMPARE(atLimit.object().value(QLatin1String("first_name")).toString(), QStringLiteral("Big"));

    // The public token route has the same limit.
    QByteArray form = "grant_type=password&username=admin%40example.com&password=";
    form += QByteArray(2048, 'x');
    const auto tokenTooLarge
            = client.postRaw(QStringLiteral("/api/v1/token"), form,
                             QByteArrayLiteral("application/x-www-form-urlencoded"));
    VMS_VERIFY_ERROR(tokenTooLarge, 413, QStringLiteral("payload_too_large"));

    // The server still serves normal requests afterwards.
    VMS_VERIFY_STATUS(client.get(QStringLiteral("/api/v1/hello")), 200);
    VMS_VERIFY_NO_SCHEMA_FAILURES(client);
}

void TstApiHttp::openapiJson()
{
    // Public: no token.
    const auto r = m_client->get(QStringLiteral("/openapi.json"));
    VMS_VERIFY_STATUS(r, 200);
    VMS_VERIFY_SCHEMA(r);
    QVERIFY(r.header("Content-Type").startsWith("application/json"));
    QVERIFY2(r.json.isObject(), "the body is not a JSON object");
    const QJsonObject doc = r.object();
    QVERIFY(doc.value(QLatin1String("openapi")).toString().startsWith(QLatin1String("3.")));
    const QJsonObject paths = doc.value(QLatin1String("paths")).toObject();
    const QStringList ours = {
            QStringLiteral("/api/v1/token"),
            QStringLiteral("/api/v1/token/refresh"),
            QStringLiteral("/api/v1/token/revoke"),
            QStringLiteral("/api/v1/users/me"),
            QStringLiteral("/api/v1/users/me/password"),
            QStringLiteral("/api/v1/users/me/email"),
            QStringLiteral("/api/v1/auditlogs"),
            QStringLiteral("/api/v1/auditlogs/{auditlog_id}"),
            QStringLiteral("/api/v1/hello"),
            QStringLiteral("/openapi.json"),
    };
    for (const QString &p : ours)
        QVERIFY2(paths.contains(p), qPrintable(p));
    // It is the very contract these tests validate against.
    QCOMPARE(doc, vms::test::OpenApiValidator::instance().document());
}

void TstApiHttp::hello()
{
    const QString token = adminToken();
    QVERIFY(!token.isEmpty());
    m_client->setBearer(token);
    const auto r = m_client->get(QStringLiteral("/api/v1/hello"));
    VMS_VERIFY_STATUS(r, 200);
    VMS_VERIFY_SCHEMA(r);
    QVERIFY(!r.object().value(QLatin1String("message")).toString().isEmpty());
    QCOMPARE(r.object().value(QLatin1String("version")).toString(), QStringLiteral(VMS_VERSION));
}

QTEST_GUILESS_MAIN(TstApiHttp)
#include "tst_api_http.moc"
