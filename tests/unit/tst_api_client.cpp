// vms::client::ApiClient against the real in-process server (ServerHost), plus a tiny scripted
// HTTP server for what the real one cannot show: the headers on the wire, short token lifetimes
// and refusals.
#include "core/client/api_client.h"
#include "core/client/device_identity.h"
#include "core/domain/clock.h"
#include "server/server_host.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QSettings>
#include <QSignalSpy>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTemporaryDir>
#include <QTest>

#include <functional>
#include <memory>

using namespace vms;
using namespace vms::client;
using namespace std::chrono_literals;

namespace {

const QString kAdminLogin = QStringLiteral("admin@vms.test");
const QString kAdminPassword = QStringLiteral("Initial-Pass-42");

template<typename T>
bool waitFor(const QFuture<T> &future, int timeoutMs = 15000)
{
    return QTest::qWaitFor([&] { return future.isFinished(); }, timeoutMs)
           && future.resultCount() == 1;
}

// --- a scripted HTTP/1.1 server ---

struct RecordedRequest
{
    QByteArray method;
    QByteArray path;
    QByteArray query;
    QHash<QByteArray, QByteArray> headers; ///< lower-case names
    QByteArray body;
};

struct CannedResponse
{
    int status = 200;
    QByteArray body;
};

class FakeHttpServer : public QObject
{
public:
    std::function<CannedResponse(const RecordedRequest &)> handler;
    QList<RecordedRequest> requests;

    FakeHttpServer()
    {
        connect(&m_server, &QTcpServer::newConnection, this, [this] {
            while (QTcpSocket *socket = m_server.nextPendingConnection()) {
                connect(socket, &QTcpSocket::readyRead, this, [this, socket] { serve(socket); });
                connect(socket, &QTcpSocket::disconnected, socket, &QObject::deleteLater);
            }
        });
    }
    bool listen() { return m_server.listen(QHostAddress(QHostAddress::LocalHost), 0); }
    QUrl url() const
    {
        return QUrl(QStringLiteral("http://127.0.0.1:%1").arg(m_server.serverPort()));
    }
    QList<RecordedRequest> requestsTo(const QByteArray &path) const
    {
        QList<RecordedRequest> out;
        for (const RecordedRequest &r : requests) {
            if (r.path == path)
                out.append(r);
        }
        return out;
    }

private:
    void serve(QTcpSocket *socket)
    {
        QByteArray &buffer = m_buffers[socket];
        buffer += socket->readAll();
        for (;;) {
            const qsizetype headerEnd = buffer.indexOf("\r\n\r\n");
            if (headerEnd < 0)
                return;
            const QList<QByteArray> lines = buffer.left(headerEnd).split('\n');
            RecordedRequest request;
            const QList<QByteArray> requestLine = lines.first().trimmed().split(' ');
            request.method = requestLine.value(0);
            const QByteArray target = requestLine.value(1);
            const qsizetype q = target.indexOf('?');
            request.path = q < 0 ? target : target.left(q);
            request.query = q < 0 ? QByteArray() : target.mid(q + 1);
            for (qsizetype i = 1; i < lines.size(); ++i) {
                const qsizetype colon = lines[i].indexOf(':');
                if (colon > 0)
                    request.headers.insert(lines[i].left(colon).trimmed().toLower(),
                                           lines[i].mid(colon + 1).trimmed());
            }
            const qsizetype length = request.headers.value("content-length", "0").toLongLong();
            if (buffer.size() < headerEnd + 4 + length)
                return;
            request.body = buffer.mid(headerEnd + 4, length);
            buffer.remove(0, headerEnd + 4 + length);
            requests.append(request);

            const CannedResponse response = handler ? handler(request) : CannedResponse{404, {}};
            QByteArray out = "HTTP/1.1 " + QByteArray::number(response.status) + " X\r\n";
            if (response.status != 204) {
                out += "Content-Type: application/json\r\nContent-Length: "
                       + QByteArray::number(response.body.size()) + "\r\n";
            }
            out += "\r\n";
            if (response.status != 204)
                out += response.body;
            socket->write(out);
        }
    }

    QTcpServer m_server;
    QHash<QTcpSocket *, QByteArray> m_buffers;
};

QByteArray tokenJson(const QString &access, const QString &refresh, qint64 expiresIn)
{
    return QJsonDocument(QJsonObject{{QStringLiteral("access_token"), access},
                                     {QStringLiteral("refresh_token"), refresh},
                                     {QStringLiteral("token_type"), QStringLiteral("bearer")},
                                     {QStringLiteral("expires_in"), expiresIn}})
            .toJson(QJsonDocument::Compact);
}

const QByteArray kHelloJson = R"({"message":"hello","version":"test"})";

} // namespace

class TestApiClient : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void cleanupTestCase();

    // Pure mapping, no network.
    void errorKindForStatus_data();
    void errorKindForStatus();
    void apiErrorFromReply_data();
    void apiErrorFromReply();
    void tokenFromJsonRejectsIncompleteReplies();
    void auditLogPageFromJson();
    void auditLogQueryEncodesRepeatedKeys();
    void deviceUuidIsGeneratedOnceAndKept();

    // Against the real server.
    void loginStartsSessionAndReadsCurrentUser();
    void wrongPasswordIsUnauthenticated();
    void requestWithoutSessionIsUnauthenticated();
    void refreshRotatesAndStoresTheNewToken();
    void expiredAccessTokenIsRefreshedAndRequestRetried();
    void profileAndPasswordUpdates();
    void auditLogsFilterAndPage();
    void logoutRevokesTheRefreshToken();
    void connectionMonitorSeesServerAndOutage();

    // Against the scripted server.
    void thickLegalHeadersOnEveryRequest();
    void plainModeSendsNoThickLegalHeaders();
    void formValuesAreFullyPercentEncoded();
    void tokenIsRefreshedBeforeExpiry();
    void rejectedRefreshEndsTheSession();
    void unansweredRefreshKeepsTheSession();

private:
    Token loginOrFail(ApiClient &client, const QString &password = kAdminPassword);

    QTemporaryDir m_dataDir;
    std::shared_ptr<ManualClock> m_clock;
    std::unique_ptr<server::ServerHost> m_server;
    QUrl m_url;
    QString m_password = kAdminPassword;
};

void TestApiClient::initTestCase()
{
    QVERIFY(m_dataDir.isValid());
    m_clock = std::make_shared<ManualClock>();
    server::ServerOptions options;
    options.dataDir = m_dataDir.path();
    options.adminLogin = kAdminLogin;
    options.adminPassword = kAdminPassword;
    options.clock = m_clock;
    m_server = std::make_unique<server::ServerHost>(options);
    const Result<QUrl> url = m_server->start();
    QVERIFY2(url.hasValue(), url ? "" : qPrintable(url.error().message));
    m_url = *url;
}

void TestApiClient::cleanupTestCase()
{
    if (m_server)
        m_server->stop();
}

Token TestApiClient::loginOrFail(ApiClient &client, const QString &password)
{
    const QFuture<Result<Token>> f = client.login(kAdminLogin, password);
    if (!waitFor(f))
        return {};
    const Result<Token> token = f.result();
    if (!token) {
        qWarning("login failed: %s", qPrintable(token.error().message));
        return {};
    }
    return *token;
}

// --- pure ---

void TestApiClient::errorKindForStatus_data()
{
    QTest::addColumn<int>("status");
    QTest::addColumn<ErrorKind>("kind");
    QTest::newRow("400") << 400 << ErrorKind::InvalidArgument;
    QTest::newRow("401") << 401 << ErrorKind::Unauthenticated;
    QTest::newRow("403") << 403 << ErrorKind::PermissionDenied;
    QTest::newRow("404") << 404 << ErrorKind::NotFound;
    QTest::newRow("405") << 405 << ErrorKind::MethodNotAllowed;
    QTest::newRow("409") << 409 << ErrorKind::Conflict;
    QTest::newRow("413") << 413 << ErrorKind::PayloadTooLarge;
    QTest::newRow("422") << 422 << ErrorKind::Validation;
    QTest::newRow("429") << 429 << ErrorKind::TooManyRequests;
    QTest::newRow("503") << 503 << ErrorKind::Unavailable;
    QTest::newRow("504") << 504 << ErrorKind::Timeout;
    QTest::newRow("500") << 500 << ErrorKind::Internal;
    QTest::newRow("418 other 4xx") << 418 << ErrorKind::InvalidArgument;
}

void TestApiClient::errorKindForStatus()
{
    QFETCH(int, status);
    QFETCH(ErrorKind, kind);
    QCOMPARE(errorKindForHttpStatus(status), kind);
}

void TestApiClient::apiErrorFromReply_data()
{
    QTest::addColumn<int>("httpStatus");
    QTest::addColumn<QByteArray>("body");
    QTest::addColumn<ErrorKind>("kind");
    QTest::addColumn<QString>("status");
    QTest::addColumn<QString>("message");
    QTest::addColumn<int>("fieldCount");

    QTest::newRow("token credentials")
            << 401
            << QByteArray(
                       R"({"status":"token_invalid_credentials","status_code":401,"detail":"Incorrect username or password"})")
            << ErrorKind::Unauthenticated << QStringLiteral("token_invalid_credentials")
            << QStringLiteral("Incorrect username or password") << 0;
    QTest::newRow("not found")
            << 404
            << QByteArray(R"({"status":"not_found","status_code":404,"detail":"No such user"})")
            << ErrorKind::NotFound << QStringLiteral("not_found") << QStringLiteral("No such user")
            << 0;
    QTest::newRow("validation")
            << 422
            << QByteArray(
                       R"({"detail":[{"loc":["body","first_name"],"msg":"too long","type":"value_error"},{"loc":["query","limit",0],"msg":"bad","type":"type_error"}]})")
            << ErrorKind::Validation << QString()
            << QStringLiteral("body.first_name: too long; query.limit.0: bad") << 2;
    QTest::newRow("not json") << 502 << QByteArray("<html>Bad gateway</html>")
                              << ErrorKind::Internal << QString()
                              << QStringLiteral("HTTP status 502") << 0;
}

void TestApiClient::apiErrorFromReply()
{
    QFETCH(int, httpStatus);
    QFETCH(QByteArray, body);
    QFETCH(ErrorKind, kind);
    QFETCH(QString, status);
    QFETCH(QString, message);
    QFETCH(int, fieldCount);
    const Error e = ApiError::fromReply(httpStatus, body).toError();
    QCOMPARE(e.kind, kind);
    QCOMPARE(e.status, status);
    QCOMPARE(e.message, message);
    QCOMPARE(e.fields.size(), fieldCount);
    if (fieldCount > 0)
        QCOMPARE(e.fields.first().loc,
                 (QStringList{QStringLiteral("body"), QStringLiteral("first_name")}));
}

void TestApiClient::tokenFromJsonRejectsIncompleteReplies()
{
    const auto full
            = QJsonDocument::fromJson(tokenJson(QStringLiteral("a"), QStringLiteral("r"), 900))
                      .object();
    const Result<Token> ok = Token::fromJson(full);
    QVERIFY(ok.hasValue());
    QCOMPARE(ok->expiresInSecs, 900);
    QCOMPARE(ok->refreshToken, QStringLiteral("r"));

    QJsonObject missing = full;
    missing.remove(QStringLiteral("access_token"));
    const Result<Token> bad = Token::fromJson(missing);
    QVERIFY(!bad.hasValue());
    QCOMPARE(bad.error().kind, ErrorKind::Internal);
    QVERIFY(bad.error().message.contains(QStringLiteral("access_token")));

    QJsonObject wrongType = full;
    wrongType.insert(QStringLiteral("expires_in"), QStringLiteral("900"));
    QVERIFY(!Token::fromJson(wrongType).hasValue());
}

void TestApiClient::auditLogPageFromJson()
{
    const QByteArray json = R"({"pagination":{"cursor":"abc+/="},"auditlogs":[{
        "action_type":"user_login","user_id":7,"client_ip":"127.0.0.1","meta":{"k":1},
        "id":"0b9a1f5e-9c52-4f7a-bb5c-1a2b3c4d5e6f","organization_id":1,"organization_name":"Org",
        "created_at":"2026-01-02T03:04:05.678Z","user_email":"u@x","user_first_name":"U",
        "user_last_name":"X","user_role_id":2,"user_role_name":"operator",
        "user_groups":[{"id":3,"name":"Night shift"}],"user_is_superuser":false}]})";
    const Result<AuditLogPage> page
            = AuditLogPage::fromJson(QJsonDocument::fromJson(json).object());
    QVERIFY2(page.hasValue(), page ? "" : qPrintable(page.error().message));
    QCOMPARE(page->nextCursor, QStringLiteral("abc+/="));
    QCOMPARE(page->entries.size(), 1);
    const AuditLogEntry &e = page->entries.first();
    QCOMPARE(e.actionType, QStringLiteral("user_login"));
    QCOMPARE(e.userId, 7);
    QCOMPARE(e.createdAt, QDateTime(QDate(2026, 1, 2), QTime(3, 4, 5, 678), Qt::UTC));
    QCOMPARE(e.userGroups.size(), 1);
    QCOMPARE(e.userGroups.first().name, QStringLiteral("Night shift"));
    QCOMPARE(e.meta.value(QStringLiteral("k")).toInt(), 1);

    const Result<AuditLogPage> last = AuditLogPage::fromJson(
            QJsonDocument::fromJson(R"({"pagination":{},"auditlogs":[]})").object());
    QVERIFY(last.hasValue());
    QVERIFY(!last->hasMore());
}

void TestApiClient::auditLogQueryEncodesRepeatedKeys()
{
    AuditLogQuery q;
    q.createdFrom = QDateTime(QDate(2026, 1, 1), QTime(0, 0), Qt::UTC);
    q.userIds = {1, 2};
    q.actionTypes = {QStringLiteral("user_login"), QStringLiteral("user_logout")};
    q.limit = 10;
    const QUrlQuery query = q.toUrlQuery();
    QCOMPARE(query.allQueryItemValues(QStringLiteral("user_ids")),
             (QStringList{QStringLiteral("1"), QStringLiteral("2")}));
    QCOMPARE(query.allQueryItemValues(QStringLiteral("action_types")).size(), 2);
    QCOMPARE(query.queryItemValue(QStringLiteral("created_at_from")),
             QStringLiteral("2026-01-01T00:00:00.000Z"));
    QVERIFY(!query.hasQueryItem(QStringLiteral("created_at_to")));
    QVERIFY(!query.hasQueryItem(QStringLiteral("cursor")));
    QCOMPARE(query.queryItemValue(QStringLiteral("order_by")), QStringLiteral("-created_at"));
    QCOMPARE(query.queryItemValue(QStringLiteral("limit")), QStringLiteral("10"));
}

void TestApiClient::deviceUuidIsGeneratedOnceAndKept()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("settings.ini"));
    QUuid first;
    {
        QSettings settings(path, QSettings::IniFormat);
        first = loadOrCreateDeviceUuid(settings);
    }
    QVERIFY(!first.isNull());
    QSettings again(path, QSettings::IniFormat);
    QCOMPARE(loadOrCreateDeviceUuid(again), first);
}

// --- real server ---

void TestApiClient::loginStartsSessionAndReadsCurrentUser()
{
    ApiClient client(m_url);
    QSignalSpy authenticated(&client, &ApiClient::authenticated);
    const Token token = loginOrFail(client);
    QVERIFY(!token.accessToken.isEmpty());
    QVERIFY(!token.refreshToken.isEmpty());
    QCOMPARE(token.tokenType.toLower(), QStringLiteral("bearer"));
    QVERIFY(token.expiresInSecs > 0);
    QCOMPARE(authenticated.count(), 1);
    QVERIFY(client.hasSession());
    QCOMPARE(client.accessToken(), token.accessToken);
    QCOMPARE(client.refreshToken(), token.refreshToken);
    const qint64 secsLeft = QDateTime::currentDateTimeUtc().secsTo(client.accessTokenExpiresAt());
    QVERIFY(secsLeft > token.expiresInSecs - 5 && secsLeft <= token.expiresInSecs);

    const QFuture<Result<CurrentUser>> me = client.currentUser();
    QVERIFY(waitFor(me));
    const Result<CurrentUser> user = me.result();
    QVERIFY2(user.hasValue(), user ? "" : qPrintable(user.error().message));
    QCOMPARE(user->email, kAdminLogin);
    QVERIFY(user->isSuperuser);
    QVERIFY(user->id > 0);

    const QFuture<Result<Hello>> hello = client.hello();
    QVERIFY(waitFor(hello));
    QVERIFY(hello.result().hasValue());
    QVERIFY(!hello.result()->version.isEmpty());
}

void TestApiClient::wrongPasswordIsUnauthenticated()
{
    ApiClient client(m_url);
    QSignalSpy authenticated(&client, &ApiClient::authenticated);
    const QFuture<Result<Token>> f = client.login(kAdminLogin, QStringLiteral("not-the-password"));
    QVERIFY(waitFor(f));
    const Result<Token> r = f.result();
    QVERIFY(!r.hasValue());
    QCOMPARE(r.error().kind, ErrorKind::Unauthenticated);
    QCOMPARE(r.error().status, QStringLiteral("token_invalid_credentials"));
    QVERIFY(!r.error().message.isEmpty());
    QVERIFY(!client.hasSession());
    QCOMPARE(authenticated.count(), 0);
}

void TestApiClient::requestWithoutSessionIsUnauthenticated()
{
    ApiClient client(m_url);
    const QFuture<Result<CurrentUser>> me = client.currentUser();
    QVERIFY(waitFor(me));
    QVERIFY(!me.result().hasValue());
    QCOMPARE(me.result().error().kind, ErrorKind::Unauthenticated);
}

void TestApiClient::refreshRotatesAndStoresTheNewToken()
{
    ApiClient client(m_url);
    const Token first = loginOrFail(client);
    QVERIFY(!first.refreshToken.isEmpty());
    QSignalSpy refreshed(&client, &ApiClient::tokenRefreshed);

    const QFuture<Result<Token>> f = client.refresh();
    QVERIFY(waitFor(f));
    const Result<Token> second = f.result();
    QVERIFY2(second.hasValue(), second ? "" : qPrintable(second.error().message));
    QCOMPARE(refreshed.count(), 1);
    QVERIFY(second->refreshToken != first.refreshToken);
    QCOMPARE(client.refreshToken(), second->refreshToken);
    QCOMPARE(client.accessToken(), second->accessToken);

    // The new access token works.
    const QFuture<Result<CurrentUser>> me = client.currentUser();
    QVERIFY(waitFor(me));
    QVERIFY(me.result().hasValue());

    // The rotated-away refresh token does not.
    ApiClient stale(m_url);
    stale.restoreSession(first);
    QSignalSpy expired(&stale, &ApiClient::sessionExpired);
    const QFuture<Result<Token>> again = stale.refresh();
    QVERIFY(waitFor(again));
    QVERIFY(!again.result().hasValue());
    QCOMPARE(again.result().error().status, QStringLiteral("token_refresh_error"));
    QCOMPARE(expired.count(), 1);
    QVERIFY(!stale.hasSession());
}

void TestApiClient::expiredAccessTokenIsRefreshedAndRequestRetried()
{
    ApiClient client(m_url);
    const Token first = loginOrFail(client);
    QVERIFY(!first.accessToken.isEmpty());
    QSignalSpy refreshed(&client, &ApiClient::tokenRefreshed);

    // The server's clock jumps past the access token's lifetime (the client's timer has not
    // fired yet), so the next request meets a 401 and must recover by itself.
    m_clock->advanceSecs(first.expiresInSecs + 60);
    const QFuture<Result<CurrentUser>> me = client.currentUser();
    QVERIFY(waitFor(me));
    QVERIFY2(me.result().hasValue(), me.result() ? "" : qPrintable(me.result().error().message));
    QCOMPARE(me.result()->email, kAdminLogin);
    QCOMPARE(refreshed.count(), 1);
    QVERIFY(client.accessToken() != first.accessToken);
    QVERIFY(client.refreshToken() != first.refreshToken);
}

void TestApiClient::profileAndPasswordUpdates()
{
    ApiClient client(m_url);
    QVERIFY(!loginOrFail(client).accessToken.isEmpty());

    const QFuture<Result<User>> named
            = client.updateCurrentUser(QStringLiteral("Ada"), QStringLiteral("Lovelace"));
    QVERIFY(waitFor(named));
    QVERIFY2(named.result().hasValue(),
             named.result() ? "" : qPrintable(named.result().error().message));
    QCOMPARE(named.result()->firstName, QStringLiteral("Ada"));
    QCOMPARE(named.result()->displayName(), QStringLiteral("Ada Lovelace"));

    const QFuture<Result<CurrentUser>> me = client.currentUser();
    QVERIFY(waitFor(me));
    QCOMPARE(me.result()->lastName, QStringLiteral("Lovelace"));

    const QFuture<Result<User>> tooLong
            = client.updateCurrentUser(QString(40, QLatin1Char('x')), QString());
    QVERIFY(waitFor(tooLong));
    QVERIFY(!tooLong.result().hasValue());
    QCOMPARE(tooLong.result().error().kind, ErrorKind::Validation);
    QVERIFY(!tooLong.result().error().fields.isEmpty());

    const QString newPassword = QStringLiteral("Changed+Pass 43");
    const QFuture<Result<User>> changed = client.changePassword(m_password, newPassword);
    QVERIFY(waitFor(changed));
    QVERIFY2(changed.result().hasValue(),
             changed.result() ? "" : qPrintable(changed.result().error().message));
    m_password = newPassword;

    ApiClient other(m_url);
    QVERIFY(!loginOrFail(other, newPassword).accessToken.isEmpty());

    // Back to the original, so that the remaining tests stay independent of the order.
    const QFuture<Result<User>> restored = other.changePassword(newPassword, kAdminPassword);
    QVERIFY(waitFor(restored));
    QVERIFY(restored.result().hasValue());
    m_password = kAdminPassword;
}

void TestApiClient::auditLogsFilterAndPage()
{
    ApiClient client(m_url);
    QVERIFY(!loginOrFail(client).accessToken.isEmpty());
    const QFuture<Result<CurrentUser>> me = client.currentUser();
    QVERIFY(waitFor(me));
    QVERIFY(me.result().hasValue());
    const qint64 myId = me.result()->id;

    // More entries than one page of the smallest limit.
    for (int i = 0; i < 12; ++i) {
        const QFuture<Result<User>> f = client.updateCurrentUser(QStringLiteral("Name%1").arg(i),
                                                                 QStringLiteral("Audit"));
        QVERIFY(waitFor(f));
        QVERIFY(f.result().hasValue());
    }

    AuditLogQuery query;
    query.createdFrom = m_clock->now().addSecs(-3600);
    query.createdTo = m_clock->now().addSecs(60);
    query.userIds = {myId};
    query.limit = 10;
    const QFuture<Result<AuditLogPage>> first = client.auditLogs(query);
    QVERIFY(waitFor(first));
    QVERIFY2(first.result().hasValue(),
             first.result() ? "" : qPrintable(first.result().error().message));
    const AuditLogPage page1 = *first.result();
    QCOMPARE(page1.entries.size(), 10);
    QVERIFY(page1.hasMore());
    for (qsizetype i = 1; i < page1.entries.size(); ++i)
        QVERIFY(page1.entries[i - 1].createdAt >= page1.entries[i].createdAt);

    query.cursor = page1.nextCursor;
    const QFuture<Result<AuditLogPage>> second = client.auditLogs(query);
    QVERIFY(waitFor(second));
    QVERIFY(second.result().hasValue());
    const AuditLogPage page2 = *second.result();
    QVERIFY(!page2.entries.isEmpty());
    for (const AuditLogEntry &e : page2.entries) {
        for (const AuditLogEntry &seen : page1.entries)
            QVERIFY2(e.id != seen.id, "pages overlap");
        QCOMPARE(e.userId, myId);
    }

    AuditLogQuery logins;
    logins.actionTypes = {QStringLiteral("user_login")};
    logins.limit = 10;
    const QFuture<Result<AuditLogPage>> loginPage = client.auditLogs(logins);
    QVERIFY(waitFor(loginPage));
    QVERIFY(loginPage.result().hasValue());
    QVERIFY(!loginPage.result()->entries.isEmpty());
    for (const AuditLogEntry &e : loginPage.result()->entries)
        QCOMPARE(e.actionType, QStringLiteral("user_login"));

    AuditLogQuery badLimit;
    badLimit.limit = 5;
    const QFuture<Result<AuditLogPage>> rejected = client.auditLogs(badLimit);
    QVERIFY(waitFor(rejected));
    QVERIFY(!rejected.result().hasValue());
    QCOMPARE(rejected.result().error().kind, ErrorKind::Validation);
}

void TestApiClient::logoutRevokesTheRefreshToken()
{
    ApiClient client(m_url);
    const Token token = loginOrFail(client);
    QVERIFY(!token.refreshToken.isEmpty());
    QSignalSpy loggedOut(&client, &ApiClient::loggedOut);

    const QFuture<Status> f = client.logout();
    QVERIFY(waitFor(f));
    QVERIFY2(f.result().hasValue(), f.result() ? "" : qPrintable(f.result().error().message));
    QCOMPARE(loggedOut.count(), 1);
    QVERIFY(!client.hasSession());
    QVERIFY(client.refreshToken().isEmpty());

    ApiClient stale(m_url);
    stale.restoreSession(token);
    const QFuture<Result<Token>> refreshed = stale.refresh();
    QVERIFY(waitFor(refreshed));
    QVERIFY(!refreshed.result().hasValue());
    QCOMPARE(refreshed.result().error().status, QStringLiteral("token_refresh_error"));

    // Revoking the refresh token also revoked its access token.
    ApiClient staleAccess(m_url);
    Token accessOnly = token;
    accessOnly.refreshToken.clear();
    staleAccess.restoreSession(accessOnly);
    const QFuture<Result<CurrentUser>> me = staleAccess.currentUser();
    QVERIFY(waitFor(me));
    QVERIFY(!me.result().hasValue());
    QCOMPARE(me.result().error().kind, ErrorKind::Unauthenticated);
}

void TestApiClient::connectionMonitorSeesServerAndOutage()
{
    ApiClient client(m_url);
    QVERIFY(!loginOrFail(client).accessToken.isEmpty());
    QCOMPARE(client.connectionState(), ConnectionState::Disconnected);
    client.startConnectionMonitor(100ms);
    QTRY_COMPARE(client.connectionState(), ConnectionState::Connected);
    client.stopConnectionMonitor();
    QCOMPARE(client.connectionState(), ConnectionState::Disconnected);

    // A port nobody listens on: first Reconnecting, then, after a few failed probes, Disconnected.
    quint16 deadPort = 0;
    {
        QTcpServer reserve;
        QVERIFY(reserve.listen(QHostAddress(QHostAddress::LocalHost), 0));
        deadPort = reserve.serverPort();
    }
    ApiClient down(QUrl(QStringLiteral("http://127.0.0.1:%1").arg(deadPort)));
    QSignalSpy states(&down, &ApiClient::connectionStateChanged);
    down.startConnectionMonitor(50ms);
    QTRY_COMPARE(down.connectionState(), ConnectionState::Reconnecting);
    QTRY_COMPARE(down.connectionState(), ConnectionState::Disconnected);
    QCOMPARE(states.count(), 2);
    QCOMPARE(states.at(0).at(0).value<ConnectionState>(), ConnectionState::Reconnecting);
    QCOMPARE(states.at(1).at(0).value<ConnectionState>(), ConnectionState::Disconnected);
    down.stopConnectionMonitor();
}

// --- scripted server ---

void TestApiClient::thickLegalHeadersOnEveryRequest()
{
    FakeHttpServer fake;
    fake.handler = [](const RecordedRequest &r) -> CannedResponse {
        if (r.path == "/api/v1/token")
            return {200, tokenJson(QStringLiteral("A1"), QStringLiteral("R1"), 900)};
        return {200, kHelloJson};
    };
    QVERIFY(fake.listen());
    const QUuid device = QUuid::createUuid();
    ApiClient client(fake.url());
    client.enableThickLegal(device);
    QVERIFY(client.isThickLegal());
    QVERIFY(!loginOrFail(client).accessToken.isEmpty());
    const QFuture<Result<Hello>> hello = client.hello();
    QVERIFY(waitFor(hello));
    QVERIFY(hello.result().hasValue());

    QCOMPARE(fake.requests.size(), 2);
    for (const RecordedRequest &r : std::as_const(fake.requests)) {
        QCOMPARE(r.headers.value("x-client"), QByteArray("thick-legal"));
        QCOMPARE(r.headers.value("x-uuid"), device.toString(QUuid::WithoutBraces).toLatin1());
    }
    QCOMPARE(fake.requests.at(1).headers.value("authorization"), QByteArray("Bearer A1"));
    QVERIFY(!fake.requests.at(0).headers.contains("authorization"));
}

void TestApiClient::plainModeSendsNoThickLegalHeaders()
{
    FakeHttpServer fake;
    fake.handler = [](const RecordedRequest &) -> CannedResponse {
        return {200, kHelloJson};
    };
    QVERIFY(fake.listen());
    ApiClient client(fake.url());
    const QFuture<Result<Hello>> hello = client.hello();
    QVERIFY(waitFor(hello));
    QCOMPARE(fake.requests.size(), 1);
    QVERIFY(!fake.requests.first().headers.contains("x-client"));
    QVERIFY(!fake.requests.first().headers.contains("x-uuid"));
}

void TestApiClient::formValuesAreFullyPercentEncoded()
{
    FakeHttpServer fake;
    fake.handler = [](const RecordedRequest &) -> CannedResponse {
        return {200, tokenJson(QStringLiteral("A"), QStringLiteral("R"), 900)};
    };
    QVERIFY(fake.listen());
    ApiClient client(fake.url());
    const QFuture<Result<Token>> f
            = client.login(QStringLiteral("a+b@x.org"), QStringLiteral("p&s=1 +2"));
    QVERIFY(waitFor(f));
    QCOMPARE(fake.requests.size(), 1);
    const RecordedRequest &r = fake.requests.first();
    QCOMPARE(r.headers.value("content-type"), QByteArray("application/x-www-form-urlencoded"));
    QCOMPARE(r.body,
             QByteArray("grant_type=password&username=a%2Bb%40x.org&password=p%26s%3D1%20%2B2"));
}

void TestApiClient::tokenIsRefreshedBeforeExpiry()
{
    FakeHttpServer fake;
    fake.handler = [](const RecordedRequest &r) -> CannedResponse {
        if (r.path == "/api/v1/token")
            return {200, tokenJson(QStringLiteral("A1"), QStringLiteral("R1"), 1)};
        if (r.path == "/api/v1/token/refresh")
            return {200, tokenJson(QStringLiteral("A2"), QStringLiteral("R2"), 3600)};
        return {404, {}};
    };
    QVERIFY(fake.listen());
    ApiClient client(fake.url());
    QSignalSpy refreshed(&client, &ApiClient::tokenRefreshed);
    QElapsedTimer elapsed;
    elapsed.start();
    QVERIFY(!loginOrFail(client).accessToken.isEmpty());

    // expires_in = 1 s: the refresh is due after 80 % of it, before the token runs out.
    QTRY_COMPARE_WITH_TIMEOUT(refreshed.count(), 1, 5000);
    QVERIFY(elapsed.elapsed() < 1000);
    QCOMPARE(client.accessToken(), QStringLiteral("A2"));
    QCOMPARE(client.refreshToken(), QStringLiteral("R2"));
    const QList<RecordedRequest> refreshes = fake.requestsTo("/api/v1/token/refresh");
    QCOMPARE(refreshes.size(), 1);
    QCOMPARE(refreshes.first().body, QByteArray("grant_type=refresh_token&refresh_token=R1"));

    // The next refresh is an hour away: nothing more happens now.
    QTest::qWait(300);
    QCOMPARE(fake.requestsTo("/api/v1/token/refresh").size(), 1);
}

void TestApiClient::rejectedRefreshEndsTheSession()
{
    FakeHttpServer fake;
    fake.handler = [](const RecordedRequest &r) -> CannedResponse {
        if (r.path == "/api/v1/token")
            return {200, tokenJson(QStringLiteral("A1"), QStringLiteral("R1"), 900)};
        if (r.path == "/api/v1/token/refresh")
            return {400,
                    R"({"status":"token_refresh_error","status_code":400,"detail":"revoked"})"};
        return {401, R"({"status":"unauthorized","status_code":401,"detail":"token expired"})"};
    };
    QVERIFY(fake.listen());
    ApiClient client(fake.url());
    QVERIFY(!loginOrFail(client).accessToken.isEmpty());
    QSignalSpy expired(&client, &ApiClient::sessionExpired);

    // A 401 triggers one refresh; the refused refresh ends the session and the caller gets the 401.
    const QFuture<Result<CurrentUser>> me = client.currentUser();
    QVERIFY(waitFor(me));
    QVERIFY(!me.result().hasValue());
    QCOMPARE(me.result().error().kind, ErrorKind::Unauthenticated);
    QCOMPARE(expired.count(), 1);
    QCOMPARE(expired.first().first().value<Error>().status, QStringLiteral("token_refresh_error"));
    QVERIFY(!client.hasSession());
    QCOMPARE(fake.requestsTo("/api/v1/users/me").size(), 1);
    QCOMPARE(fake.requestsTo("/api/v1/token/refresh").size(), 1);
}

void TestApiClient::unansweredRefreshKeepsTheSession()
{
    FakeHttpServer fake;
    fake.handler = [](const RecordedRequest &r) -> CannedResponse {
        if (r.path == "/api/v1/token")
            return {200, tokenJson(QStringLiteral("A1"), QStringLiteral("R1"), 1)};
        return {503, R"({"status":"temporarily_unavailable","status_code":503,"detail":"busy"})"};
    };
    QVERIFY(fake.listen());
    ApiClient client(fake.url());
    QSignalSpy expired(&client, &ApiClient::sessionExpired);
    QVERIFY(!loginOrFail(client).accessToken.isEmpty());

    // The due refresh meets a server fault: that says nothing about the refresh token, so the
    // session stays, and the next attempt waits instead of hammering the server.
    QTRY_COMPARE_WITH_TIMEOUT(fake.requestsTo("/api/v1/token/refresh").size(), 1, 5000);
    QTest::qWait(1500);
    QCOMPARE(fake.requestsTo("/api/v1/token/refresh").size(), 1);
    QCOMPARE(expired.count(), 0);
    QVERIFY(client.hasSession());
    QCOMPARE(client.refreshToken(), QStringLiteral("R1"));
}

QTEST_GUILESS_MAIN(TestApiClient)
#include "tst_api_client.moc"
