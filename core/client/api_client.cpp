#include "core/client/api_client.h"

#include "core/client/api_client_p.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkReply>
#include <QPromise>

#include <algorithm>
#include <memory>
#include <utility>

#ifndef VMS_VERSION
#define VMS_VERSION "0.0.0"
#endif

using namespace std::chrono_literals;

namespace vms::client {

namespace {

// The refresh timer never sleeps longer than this: QTimer runs on a monotonic clock that stands
// still while the machine is suspended, so a long single shot would wake up after the token
// already expired. Short steps re-check the wall clock.
constexpr std::chrono::milliseconds kRefreshCheckStep = 60s;
// Floor for very short token lifetimes, so that the client does not spin on refreshes.
constexpr std::chrono::milliseconds kMinRefreshDelay = 200ms;
// After a refresh that got no answer (server down), try again this soon, or earlier if the
// access token expires before.
constexpr std::chrono::milliseconds kRefreshRetryDelay = 10s;

QByteArray percentEncoded(const QList<std::pair<QString, QString>> &items)
{
    // QUrlQuery leaves '+' alone, which form decoders read as a space; a password or an opaque
    // cursor may well contain '+', so encode everything but the unreserved characters.
    QByteArray out;
    for (const auto &[key, value] : items) {
        if (!out.isEmpty())
            out += '&';
        out += QUrl::toPercentEncoding(key) + '=' + QUrl::toPercentEncoding(value);
    }
    return out;
}

Error networkError(const detail::RawReply &reply)
{
    const auto code = QNetworkReply::NetworkError(reply.networkError);
    switch (code) {
    case QNetworkReply::TimeoutError:
    case QNetworkReply::OperationCanceledError: // what a transfer timeout reports
    case QNetworkReply::ProxyTimeoutError:
        return Error{
                ErrorKind::Timeout,
                QStringLiteral("the server did not answer in time: %1").arg(reply.networkErrorText),
                {},
                {}};
    case QNetworkReply::ConnectionRefusedError:
    case QNetworkReply::RemoteHostClosedError:
    case QNetworkReply::HostNotFoundError:
    case QNetworkReply::TemporaryNetworkFailureError:
    case QNetworkReply::NetworkSessionFailedError:
    case QNetworkReply::UnknownNetworkError:
    case QNetworkReply::ProxyConnectionRefusedError:
    case QNetworkReply::ProxyConnectionClosedError:
    case QNetworkReply::ProxyNotFoundError:
    case QNetworkReply::SslHandshakeFailedError:
        return Error::unavailable(
                QStringLiteral("cannot reach the server: %1").arg(reply.networkErrorText));
    default:
        return Error::internal(QStringLiteral("request failed: %1").arg(reply.networkErrorText));
    }
}

// A refresh that the server answered with a 4xx means the refresh token itself is no good
// (revoked, rotated away, expired); anything else may be transient.
bool isRefreshTokenRejected(const detail::RawReply &reply)
{
    return reply.httpStatus >= 400 && reply.httpStatus < 500 && reply.httpStatus != 408
           && reply.httpStatus != 429;
}

std::chrono::milliseconds msUntil(const QDateTime &when)
{
    return std::chrono::milliseconds(QDateTime::currentDateTimeUtc().msecsTo(when));
}

} // namespace

namespace detail {

Error errorOf(const RawReply &reply)
{
    if (reply.httpStatus == 0)
        return networkError(reply);
    return ApiError::fromReply(reply.httpStatus, reply.body).toError();
}

Result<QJsonObject> jsonObjectOf(const RawReply &reply)
{
    if (!isSuccess(reply))
        return errorOf(reply);
    QJsonParseError parseError;
    const QJsonDocument doc = QJsonDocument::fromJson(reply.body, &parseError);
    if (!doc.isObject())
        return Error::internal(QStringLiteral("server reply is not a JSON object: %1")
                                       .arg(parseError.errorString()));
    return doc.object();
}

Status parseNoContent(const RawReply &reply)
{
    if (!isSuccess(reply))
        return errorOf(reply);
    return Ok{};
}

} // namespace detail

using detail::parseNoContent;
using detail::parseObject;

QString connectionStateName(ConnectionState state)
{
    switch (state) {
    case ConnectionState::Disconnected:
        return QStringLiteral("disconnected");
    case ConnectionState::Reconnecting:
        return QStringLiteral("reconnecting");
    case ConnectionState::Connected:
        return QStringLiteral("connected");
    }
    return {};
}

ApiClient::ApiClient(QUrl baseUrl, QObject *parent)
    : QObject(parent)
    , m_baseUrl(std::move(baseUrl))
{
    m_network.setRedirectPolicy(QNetworkRequest::NoLessSafeRedirectPolicy);
    m_refreshTimer.setSingleShot(true);
    connect(&m_refreshTimer, &QTimer::timeout, this, &ApiClient::onRefreshTimer);
    connect(&m_probeTimer, &QTimer::timeout, this, &ApiClient::probe);
}

ApiClient::~ApiClient()
{
    // Pending replies die with m_network, after this body: none of their handlers may run on a
    // half-destroyed client. Their promises are dropped, which cancels the futures.
    const auto replies = m_network.findChildren<QNetworkReply *>();
    for (QNetworkReply *reply : replies)
        reply->disconnect(this);
}

void ApiClient::enableThickLegal(const QUuid &deviceUuid)
{
    m_isThickLegal = true;
    m_deviceUuid = deviceUuid;
}

// --- transport ---

QNetworkRequest ApiClient::makeNetworkRequest(const Request &request) const
{
    QUrl url = m_baseUrl;
    QString basePath = url.path();
    while (basePath.endsWith(QLatin1Char('/')))
        basePath.chop(1);
    url.setPath(basePath + request.path);
    if (!request.query.isEmpty()) {
        QList<std::pair<QString, QString>> items;
        const auto queryItems = request.query.queryItems(QUrl::FullyDecoded);
        for (const auto &item : queryItems)
            items.append({item.first, item.second});
        url.setQuery(QString::fromLatin1(percentEncoded(items)), QUrl::StrictMode);
    }

    QNetworkRequest nr(url);
    if (!request.accept.isEmpty())
        nr.setRawHeader(QByteArrayLiteral("Accept"), request.accept);
    nr.setHeader(QNetworkRequest::UserAgentHeader, QByteArrayLiteral("vms-client/" VMS_VERSION));
    if (!request.contentType.isEmpty())
        nr.setHeader(QNetworkRequest::ContentTypeHeader, request.contentType);
    if (request.isAuthenticated && !m_accessToken.isEmpty())
        nr.setRawHeader(QByteArrayLiteral("Authorization"),
                        QByteArrayLiteral("Bearer ") + m_accessToken.toUtf8());
    if (m_isThickLegal) {
        nr.setRawHeader(QByteArrayLiteral("X-Client"), QByteArrayLiteral("thick-legal"));
        nr.setRawHeader(QByteArrayLiteral("X-UUID"),
                        m_deviceUuid.toString(QUuid::WithoutBraces).toLatin1());
    }
    const auto timeout = request.timeout.count() > 0 ? request.timeout : m_transferTimeout;
    nr.setTransferTimeout(int(timeout.count()));
    return nr;
}

void ApiClient::send(const Request &request, ReplyHandler handler, bool mayRefreshOn401)
{
    const QString usedAccessToken = request.isAuthenticated ? m_accessToken : QString();
    QNetworkReply *reply
            = m_network.sendCustomRequest(makeNetworkRequest(request), request.verb, request.body);
    connect(reply, &QNetworkReply::finished, this,
            [this, reply, request, usedAccessToken, mayRefreshOn401,
             handler = std::move(handler)]() {
                reply->deleteLater();
                RawReply raw;
                raw.httpStatus = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
                raw.networkError = reply->error();
                raw.networkErrorText = reply->errorString();
                raw.body = reply->readAll();
                noteReply(raw, request.isProbe);

                const bool canRetry
                        = raw.httpStatus == 401 && request.isAuthenticated && mayRefreshOn401;
                if (canRetry && hasSession() && m_accessToken != usedAccessToken) {
                    // Another request refreshed the token meanwhile: just use the new one.
                    send(request, handler, false);
                    return;
                }
                if (canRetry && !m_refreshToken.isEmpty()) {
                    refreshWith([this, request, handler, raw](const Result<Token> &token) {
                        if (token)
                            send(request, handler, false);
                        else
                            handler(raw);
                    });
                    return;
                }
                handler(raw);
            });
}

ApiClient::Request ApiClient::jsonRequest(QByteArray verb, QString path, const QJsonObject &body)
{
    Request r;
    r.verb = std::move(verb);
    r.path = std::move(path);
    r.body = QJsonDocument(body).toJson(QJsonDocument::Compact);
    r.contentType = QByteArrayLiteral("application/json");
    return r;
}

ApiClient::Request ApiClient::getRequest(QString path, QUrlQuery query)
{
    Request r;
    r.verb = QByteArrayLiteral("GET");
    r.path = std::move(path);
    r.query = std::move(query);
    return r;
}

ApiClient::Request ApiClient::deleteRequest(QString path)
{
    Request r;
    r.verb = QByteArrayLiteral("DELETE");
    r.path = std::move(path);
    return r;
}

ApiClient::Request ApiClient::formRequest(QString path,
                                          const QList<std::pair<QString, QString>> &fields)
{
    Request r;
    r.verb = QByteArrayLiteral("POST");
    r.path = std::move(path);
    r.body = percentEncoded(fields);
    r.contentType = QByteArrayLiteral("application/x-www-form-urlencoded");
    r.isAuthenticated = false;
    return r;
}

// --- session ---

QFuture<Result<Token>> ApiClient::login(const QString &username, const QString &password)
{
    const Request request = formRequest(QStringLiteral("/api/v1/token"),
                                        {{QStringLiteral("grant_type"), QStringLiteral("password")},
                                         {QStringLiteral("username"), username},
                                         {QStringLiteral("password"), password}});
    return call<Token>(request, [this](const RawReply &reply) -> Result<Token> {
        Result<Token> token = parseObject<Token>(reply);
        if (token) {
            startSession(*token);
            emit authenticated();
        }
        return token;
    });
}

QFuture<Result<Token>> ApiClient::refresh()
{
    auto promise = std::make_shared<QPromise<Result<Token>>>();
    promise->start();
    QFuture<Result<Token>> future = promise->future();
    refreshWith([promise](const Result<Token> &token) {
        promise->addResult(token);
        promise->finish();
    });
    return future;
}

void ApiClient::refreshWith(std::function<void(const Result<Token> &)> done)
{
    if (m_refreshToken.isEmpty()) {
        done(Error::unauthenticated(QStringLiteral("no refresh token: not signed in")));
        return;
    }
    m_refreshWaiters.append(std::move(done));
    if (m_isRefreshing)
        return;
    m_isRefreshing = true;
    m_refreshTimer.stop();

    const quint64 generation = m_sessionGeneration;
    const Request request
            = formRequest(QStringLiteral("/api/v1/token/refresh"),
                          {{QStringLiteral("grant_type"), QStringLiteral("refresh_token")},
                           {QStringLiteral("refresh_token"), m_refreshToken}});
    send(
            request,
            [this, generation](const RawReply &reply) {
                if (generation != m_sessionGeneration)
                    return; // clearSession() already answered the waiters
                m_isRefreshing = false;
                const Result<Token> token = parseObject<Token>(reply);
                const auto waiters = std::exchange(m_refreshWaiters, {});
                if (token) {
                    applyTokens(*token);
                    emit tokenRefreshed();
                } else if (isRefreshTokenRejected(reply)) {
                    clearSession();
                    emit sessionExpired(token.error());
                } else {
                    // Retry before the access token runs out if there is time for that; once it
                    // has run out, retry at the slow pace rather than hammering a server that is
                    // down.
                    const auto halfLeft = msUntil(m_accessExpiresAt) / 2;
                    const auto delay = halfLeft > kMinRefreshDelay && halfLeft < kRefreshRetryDelay
                                               ? halfLeft
                                               : kRefreshRetryDelay;
                    m_refreshDueAt = QDateTime::currentDateTimeUtc().addMSecs(delay.count());
                    scheduleRefreshCheck();
                }
                for (const auto &waiter : waiters)
                    waiter(token);
            },
            false);
}

void ApiClient::restoreSession(const Token &token)
{
    startSession(token);
}

void ApiClient::startSession(const Token &token)
{
    clearSession();
    applyTokens(token);
}

void ApiClient::applyTokens(const Token &token)
{
    const QDateTime now = QDateTime::currentDateTimeUtc();
    m_accessToken = token.accessToken;
    if (!token.refreshToken.isEmpty())
        m_refreshToken = token.refreshToken;
    m_accessExpiresAt = now.addSecs(token.expiresInSecs);
    const auto lifetime = std::chrono::milliseconds(token.expiresInSecs * 1000);
    const auto delay
            = std::max(kMinRefreshDelay, std::chrono::duration_cast<std::chrono::milliseconds>(
                                                 lifetime * kRefreshAtLifetimeShare));
    m_refreshDueAt = now.addMSecs(delay.count());
    scheduleRefreshCheck();
}

void ApiClient::clearSession()
{
    ++m_sessionGeneration;
    m_accessToken.clear();
    m_refreshToken.clear();
    m_accessExpiresAt = {};
    m_refreshDueAt = {};
    m_refreshTimer.stop();
    m_isRefreshing = false;
    const auto waiters = std::exchange(m_refreshWaiters, {});
    const Result<Token> ended = Error::unauthenticated(QStringLiteral("the session has ended"));
    for (const auto &waiter : waiters)
        waiter(ended);
}

void ApiClient::scheduleRefreshCheck()
{
    if (m_refreshToken.isEmpty() || !m_refreshDueAt.isValid())
        return;
    const auto remaining = std::max(msUntil(m_refreshDueAt), 0ms);
    m_refreshTimer.start(std::min(remaining, kRefreshCheckStep));
}

void ApiClient::onRefreshTimer()
{
    if (m_refreshToken.isEmpty() || m_isRefreshing)
        return;
    if (msUntil(m_refreshDueAt) > 0ms) {
        scheduleRefreshCheck();
        return;
    }
    refreshWith([](const Result<Token> &) {});
}

QFuture<Status> ApiClient::logout()
{
    // The refresh token is the one to revoke: the server then drops its access tokens too.
    const QString token = m_refreshToken.isEmpty() ? m_accessToken : m_refreshToken;
    clearSession();
    stopConnectionMonitor();
    if (token.isEmpty()) {
        emit loggedOut();
        return QtFuture::makeReadyFuture(Status(Ok{}));
    }
    return call<Ok>(
            formRequest(QStringLiteral("/api/v1/token/revoke"), {{QStringLiteral("token"), token}}),
            [this](const RawReply &reply) {
                Status status = parseNoContent(reply);
                emit loggedOut();
                return status;
            });
}

QFuture<Status> ApiClient::revokeToken(const QString &token)
{
    return call<Ok>(
            formRequest(QStringLiteral("/api/v1/token/revoke"), {{QStringLiteral("token"), token}}),
            &parseNoContent);
}

// --- connection monitor ---

void ApiClient::startConnectionMonitor(std::chrono::milliseconds interval)
{
    m_probeFailures = 0;
    m_probeTimer.start(interval);
    probe();
}

void ApiClient::stopConnectionMonitor()
{
    m_probeTimer.stop();
    m_probeFailures = 0;
    setConnectionState(ConnectionState::Disconnected);
}

void ApiClient::probe()
{
    if (m_isProbing)
        return;
    m_isProbing = true;
    Request request;
    request.verb = QByteArrayLiteral("GET");
    request.path = QStringLiteral("/api/v1/hello");
    request.isProbe = true;
    // A probe that hangs longer than the probe interval says "not answering" well enough.
    request.timeout = std::min(m_transferTimeout, m_probeTimer.intervalAsDuration());
    send(
            request, [this](const RawReply &) { m_isProbing = false; }, false);
}

void ApiClient::noteReply(const RawReply &reply, bool isProbe)
{
    // Outside monitoring (before sign-in, after sign-out) the state stays Disconnected.
    if (!m_probeTimer.isActive())
        return;
    if (reply.httpStatus > 0) {
        m_probeFailures = 0;
        setConnectionState(ConnectionState::Connected);
        return;
    }
    if (isProbe)
        ++m_probeFailures;
    setConnectionState(m_probeFailures >= kProbeFailuresBeforeDisconnected
                               ? ConnectionState::Disconnected
                               : ConnectionState::Reconnecting);
}

void ApiClient::setConnectionState(ConnectionState state)
{
    if (m_connectionState == state)
        return;
    m_connectionState = state;
    emit connectionStateChanged(state);
}

// --- API ---

QFuture<Result<Hello>> ApiClient::hello()
{
    Request request;
    request.verb = QByteArrayLiteral("GET");
    request.path = QStringLiteral("/api/v1/hello");
    return call<Hello>(request, &parseObject<Hello>);
}

QFuture<Result<CurrentUser>> ApiClient::currentUser()
{
    Request request;
    request.verb = QByteArrayLiteral("GET");
    request.path = QStringLiteral("/api/v1/users/me");
    return call<CurrentUser>(request, &parseObject<CurrentUser>);
}

QFuture<Result<User>> ApiClient::updateCurrentUser(const QString &firstName,
                                                   const QString &lastName)
{
    return call<User>(jsonRequest(QByteArrayLiteral("PUT"), QStringLiteral("/api/v1/users/me"),
                                  QJsonObject{{QStringLiteral("first_name"), firstName},
                                              {QStringLiteral("last_name"), lastName}}),
                      &parseObject<User>);
}

QFuture<Result<User>> ApiClient::changePassword(const QString &oldPassword,
                                                const QString &newPassword)
{
    return call<User>(jsonRequest(QByteArrayLiteral("PUT"),
                                  QStringLiteral("/api/v1/users/me/password"),
                                  QJsonObject{{QStringLiteral("old_password"), oldPassword},
                                              {QStringLiteral("new_password"), newPassword}}),
                      &parseObject<User>);
}

QFuture<Result<User>> ApiClient::changeEmail(const QString &password, const QString &email)
{
    return call<User>(jsonRequest(QByteArrayLiteral("PUT"),
                                  QStringLiteral("/api/v1/users/me/email"),
                                  QJsonObject{{QStringLiteral("password"), password},
                                              {QStringLiteral("email"), email}}),
                      &parseObject<User>);
}

QFuture<Result<AuditLogPage>> ApiClient::auditLogs(const AuditLogQuery &query)
{
    Request request;
    request.verb = QByteArrayLiteral("GET");
    request.path = QStringLiteral("/api/v1/auditlogs");
    request.query = query.toUrlQuery();
    return call<AuditLogPage>(request, &parseObject<AuditLogPage>);
}

} // namespace vms::client
