#pragma once

#include "core/client/dto.h"
#include "core/domain/result.h"

#include <QDateTime>
#include <QFuture>
#include <QNetworkAccessManager>
#include <QNetworkRequest>
#include <QObject>
#include <QTimer>
#include <QUrl>
#include <QUrlQuery>
#include <QUuid>

#include <chrono>
#include <functional>

namespace vms::client {

namespace detail {
struct Request
{
    QByteArray verb;
    QString path;
    QUrlQuery query;
    QByteArray body;
    QByteArray contentType;
    bool isAuthenticated = true;
    bool isProbe = false;
    std::chrono::milliseconds timeout{0}; ///< 0: the client's transfer timeout
};
struct RawReply
{
    int httpStatus = 0;   ///< 0: no HTTP answer, see networkError
    int networkError = 0; ///< QNetworkReply::NetworkError
    QString networkErrorText;
    QByteArray body;
};
} // namespace detail

/** Whether the server answers, as seen by the periodic hello probe and by ordinary requests. */
enum class ConnectionState {
    Disconnected, ///< not monitoring (signed out), or several probes in a row failed
    Reconnecting, ///< the server stopped answering; probing continues
    Connected,    ///< the last request got an HTTP answer
};

/**
 * Typed asynchronous client of the VMS REST API, used by the console and by tests.
 *
 * It keeps the session (access and refresh token), refreshes the access token at 80 % of its
 * lifetime, retries a request once after a 401 by refreshing, and tracks whether the server
 * answers. In thick-legal mode every request carries `X-Client: thick-legal` and `X-UUID`.
 *
 * Every method returns a QFuture that is fulfilled on the thread this object lives in; attach
 * continuations with `future.then(context, ...)`. The futures never fail with an exception:
 * errors come back as vms::Error inside the Result. All methods must be called from the thread
 * this object lives in.
 */
class ApiClient : public QObject
{
    Q_OBJECT

public:
    /** Share of the access token lifetime after which the client refreshes it. */
    static constexpr double kRefreshAtLifetimeShare = 0.8;
    /** Probe failures in a row after which Reconnecting becomes Disconnected. */
    static constexpr int kProbeFailuresBeforeDisconnected = 3;

    explicit ApiClient(QUrl baseUrl, QObject *parent = nullptr);
    ~ApiClient() override;

    QUrl baseUrl() const { return m_baseUrl; }

    /** Thick-legal mode: a client of a remote server that identifies itself with @p deviceUuid. */
    void enableThickLegal(const QUuid &deviceUuid);
    bool isThickLegal() const { return m_isThickLegal; }
    QUuid deviceUuid() const { return m_deviceUuid; }

    /** Time without progress after which a request fails with ErrorKind::Timeout. */
    void setTransferTimeout(std::chrono::milliseconds timeout) { m_transferTimeout = timeout; }

    // --- session ---
    bool hasSession() const { return !m_accessToken.isEmpty(); }
    QString accessToken() const { return m_accessToken; }
    QString refreshToken() const { return m_refreshToken; }
    /** When the current access token expires (UTC); invalid without a session. */
    QDateTime accessTokenExpiresAt() const { return m_accessExpiresAt; }

    /** POST /api/v1/token (password grant). On success the session starts: authenticated(). */
    QFuture<Result<Token>> login(const QString &username, const QString &password);
    /**
     * POST /api/v1/token/refresh with the stored refresh token. The server rotates the refresh
     * token; the new pair replaces the stored one. A rejected refresh token ends the session
     * (sessionExpired()). Concurrent calls share one request.
     */
    QFuture<Result<Token>> refresh();
    /** Adopts a token pair obtained elsewhere, e.g. kept from an earlier run. */
    void restoreSession(const Token &token);
    /**
     * Revokes the refresh token (POST /api/v1/token/revoke, which also revokes its access
     * tokens), forgets the session and then emits loggedOut(). The local session ends even when
     * the server cannot be reached; the result tells whether the revocation was confirmed.
     */
    QFuture<Status> logout();
    /** POST /api/v1/token/revoke for any token, without touching the session. */
    QFuture<Status> revokeToken(const QString &token);

    // --- connection monitor ---
    ConnectionState connectionState() const { return m_connectionState; }
    /** Probes GET /api/v1/hello now and then every @p interval. */
    void startConnectionMonitor(std::chrono::milliseconds interval = std::chrono::seconds(10));
    /** Stops probing; the state becomes Disconnected. */
    void stopConnectionMonitor();

    // --- API ---
    QFuture<Result<Hello>> hello();
    QFuture<Result<CurrentUser>> currentUser();
    /** PUT /api/v1/users/me */
    QFuture<Result<User>> updateCurrentUser(const QString &firstName, const QString &lastName);
    /** PUT /api/v1/users/me/password */
    QFuture<Result<User>> changePassword(const QString &oldPassword, const QString &newPassword);
    /** PUT /api/v1/users/me/email */
    QFuture<Result<User>> changeEmail(const QString &password, const QString &email);
    /** GET /api/v1/auditlogs; pass AuditLogPage::nextCursor back in the query for the next page. */
    QFuture<Result<AuditLogPage>> auditLogs(const AuditLogQuery &query);

signals:
    /** A login succeeded; the session is in place. */
    void authenticated();
    /** The access token was refreshed and the rotated refresh token stored. */
    void tokenRefreshed();
    /** logout() finished; there is no session any more. */
    void loggedOut();
    /** The server rejected the refresh token: the user must sign in again. */
    void sessionExpired(const vms::Error &error);
    void connectionStateChanged(vms::client::ConnectionState state);

private:
    using Request = detail::Request;
    using RawReply = detail::RawReply;
    using ReplyHandler = std::function<void(const RawReply &)>;

    void send(const Request &request, ReplyHandler handler, bool mayRefreshOn401 = true);
    QNetworkRequest makeNetworkRequest(const Request &request) const;
    template<typename T>
    QFuture<Result<T>> call(const Request &request,
                            std::function<Result<T>(const RawReply &)> parse);

    static Request jsonRequest(QByteArray verb, QString path, const QJsonObject &body);
    static Request formRequest(QString path, const QList<std::pair<QString, QString>> &fields);

    void refreshWith(std::function<void(const Result<Token> &)> done);
    void startSession(const Token &token);
    void applyTokens(const Token &token);
    void clearSession();
    void scheduleRefreshCheck();
    void onRefreshTimer();

    void probe();
    void noteReply(const RawReply &reply, bool isProbe);
    void setConnectionState(ConnectionState state);

    QNetworkAccessManager m_network;
    QUrl m_baseUrl;
    bool m_isThickLegal = false;
    QUuid m_deviceUuid;
    std::chrono::milliseconds m_transferTimeout = std::chrono::seconds(30);

    QString m_accessToken;
    QString m_refreshToken;
    QDateTime m_accessExpiresAt;
    QDateTime m_refreshDueAt;
    // Bumped whenever a session starts or ends, so that a reply that belongs to an older
    // session (a refresh still in flight during logout) cannot resurrect it.
    quint64 m_sessionGeneration = 0;
    QTimer m_refreshTimer;
    bool m_isRefreshing = false;
    QList<std::function<void(const Result<Token> &)>> m_refreshWaiters;

    QTimer m_probeTimer;
    bool m_isProbing = false;
    int m_probeFailures = 0;
    ConnectionState m_connectionState = ConnectionState::Disconnected;
};

/** Technical English name of a state, for logs. The UI translates states itself. */
QString connectionStateName(ConnectionState state);

} // namespace vms::client
