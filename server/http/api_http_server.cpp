#include "server/http/api_http_server.h"

#include "core/services/auth_service.h"

#include <QHttpServerRequest>
#include <QHttpServerResponder>
#include <QHttpServerResponse>
#include <QLoggingCategory>
#include <QPointer>
#include <QTcpSocket>
#include <QTimer>
#include <QtConcurrent/QtConcurrentRun>

#include <functional>
#include <memory>
#include <optional>

Q_LOGGING_CATEGORY(lcHttp, "vms.http")

namespace vms::server {

namespace {

QString methodName(QHttpServerRequest::Method m)
{
    switch (m) {
    case QHttpServerRequest::Method::Get:
        return QStringLiteral("GET");
    case QHttpServerRequest::Method::Put:
        return QStringLiteral("PUT");
    case QHttpServerRequest::Method::Delete:
        return QStringLiteral("DELETE");
    case QHttpServerRequest::Method::Post:
        return QStringLiteral("POST");
    case QHttpServerRequest::Method::Head:
        return QStringLiteral("HEAD");
    case QHttpServerRequest::Method::Options:
        return QStringLiteral("OPTIONS");
    case QHttpServerRequest::Method::Patch:
        return QStringLiteral("PATCH");
    case QHttpServerRequest::Method::Connect:
        return QStringLiteral("CONNECT");
    case QHttpServerRequest::Method::Trace:
        return QStringLiteral("TRACE");
    default:
        return QStringLiteral("UNKNOWN");
    }
}

void send(QHttpServerResponder &responder, const HttpResponse &r)
{
    QHttpServerResponse response(r.contentType, r.body,
                                 static_cast<QHttpServerResponder::StatusCode>(r.status));
    if (r.contentType.isEmpty())
        response.clearHeader(QByteArrayLiteral("Content-Type"));
    for (const auto &h : r.headers)
        response.addHeader(h.first, h.second);
    response.write(std::move(responder));
}

} // namespace

ApiHttpServer::ApiHttpServer(services::AuthService &auth, qint64 maxBodyBytes, QObject *parent)
    : QAbstractHttpServer(parent)
    , m_auth(auth)
    , m_maxBodyBytes(maxBodyBytes)
{
    // Pool threads keep their database connections; recycling them would reopen connections
    // and reuse thread ids (PLATFORM_NOTES.md).
    m_pool.setExpiryTimeout(-1);
    m_pool.setMaxThreadCount(std::max(2, QThread::idealThreadCount()));
    m_pool.setObjectName(QStringLiteral("http-workers"));
    m_slowPool.setExpiryTimeout(-1);
    m_slowPool.setMaxThreadCount(std::max(2, QThread::idealThreadCount()));
    m_slowPool.setObjectName(QStringLiteral("http-slow-workers"));
}

ApiHttpServer::~ApiHttpServer()
{
    m_pool.waitForDone();
    m_slowPool.waitForDone();
}

void ApiHttpServer::missingHandler(const QHttpServerRequest &, QTcpSocket *)
{
    // Never reached: handleRequest() answers every request.
}

HttpReply ApiHttpServer::dispatch(HttpRequest &req, const Router::Match &match)
{
    if (!match.route) {
        if (!match.allowedMethods.isEmpty()) {
            HttpResponse r = HttpResponse::fromError(
                    {ErrorKind::MethodNotAllowed, QStringLiteral("Method Not Allowed"), {}, {}});
            r.headers.append({QByteArrayLiteral("Allow"),
                              match.allowedMethods.join(QStringLiteral(", ")).toLatin1()});
            return r;
        }
        return Error::notFound(QStringLiteral("Not Found"));
    }
    if (req.body.size() > m_maxBodyBytes) {
        return Error{ErrorKind::PayloadTooLarge,
                     QStringLiteral("Request body exceeds %1 bytes").arg(m_maxBodyBytes),
                     {},
                     {}};
    }
    req.pathArgs = match.args;
    const Access &access = match.route->access;
    if (!access.isPublic) {
        const QByteArray auth = req.header(QByteArrayLiteral("Authorization"));
        // RFC 7235 §2.1: the auth-scheme is case-insensitive ("Bearer", "bearer", "BEARER").
        if (auth.size() < 7 || auth.left(7).compare("bearer ", Qt::CaseInsensitive) != 0)
            return Error::unauthenticated(QStringLiteral("Not authenticated"));
        auto principal = m_auth.authenticate(QString::fromLatin1(auth.mid(7).trimmed()));
        if (!principal) {
            if (principal.error().kind == ErrorKind::Unauthenticated)
                return Error::unauthenticated(principal.error().message);
            return principal.error();
        }
        if (!access.permission.isEmpty() && !principal->can(access.permission)) {
            return Error::denied(
                    QStringLiteral("Permission '%1' is required").arg(access.permission));
        }
        req.principal = std::move(*principal);
    }
    return match.route->handler(req);
}

bool ApiHttpServer::handleRequest(const QHttpServerRequest &request, QTcpSocket *socket)
{
    // Nagle's algorithm holds the tail of an answer back until the client acknowledges the
    // segment before it, and clients delay their ACKs (40 ms on Linux): without TCP_NODELAY,
    // every answer longer than one segment took 40 ms more (GET /cameras pages: p50 44 ms).
    static const char *const kNoDelaySet = "vmsNoDelaySet";
    if (!socket->property(kNoDelaySet).isValid()) {
        socket->setSocketOption(QAbstractSocket::LowDelayOption, 1);
        socket->setProperty(kNoDelaySet, true);
    }

    HttpRequest req;
    req.method = methodName(request.method());
    const QUrl url = request.url();
    req.path = url.path(QUrl::FullyDecoded);
    req.query = QUrlQuery(url);
    req.headers = request.headers();
    req.body = request.body();
    QHostAddress peer = request.remoteAddress();
    bool isV4 = false;
    const quint32 v4 = peer.toIPv4Address(&isV4);
    req.clientIp = isV4 ? QHostAddress(v4).toString() : peer.toString();

    // Everything past parsing runs on the worker pool, so that both cores serve requests; this
    // thread only parses and writes. Answers go back through this thread, and only to a client
    // that is still connected (writing to a closed socket crashes QtHttpServer 6.4).
    auto responder = std::make_shared<QHttpServerResponder>(makeResponder(request, socket));
    QPointer<QTcpSocket> guard(socket);
    auto deliver = [responder, guard](const HttpResponse &r) {
        if (guard && guard->state() == QAbstractSocket::ConnectedState)
            send(*responder, r);
    };
    // The worker holds its own copy, moved out when used, so that the responder is only ever
    // released on this thread.
    std::function<void(const HttpResponse &)> direct = deliver;
    // Routes that always wait on another system run on the slow pool from the start.
    Router::Match match = m_router.match(req.method, req.path);
    const bool onSlowPool = match.route && match.route->access.isSlow;
    QtConcurrent::run(onSlowPool ? &m_slowPool : &m_pool, [this, req, match, direct,
                                                           onSlowPool]() mutable {
        HttpReply reply = dispatch(req, match);
        // Slow work without a delay runs here when this is the slow pool already, or goes
        // straight to it: a detour through the server thread would add two thread hand-offs.
        if (reply.isDeferred() && reply.delayMs() <= 0) {
            if (onSlowPool) {
                HttpReply done = reply.work()();
                direct = nullptr;
                return std::optional<HttpReply>(std::move(done));
            }
            QtConcurrent::run(&m_slowPool, reply.work()).then(this, std::move(direct));
            return std::optional<HttpReply>();
        }
        direct = nullptr; // released here while the continuation below still holds one
        return std::optional<HttpReply>(std::move(reply));
    }).then(this, [this, deliver, guard](std::optional<HttpReply> handed) {
        if (!handed)
            return; // on its way through the slow pool
        HttpReply &reply = *handed;
        if (!reply.isDeferred()) {
            deliver(reply.response());
            return;
        }
        // Slow work goes to its own pool, so that a burst of logins (Argon2id) cannot
        // stall the other requests; throttled work waits on a timer, not on a thread.
        auto work = reply.work();
        QTimer::singleShot(reply.delayMs(), this, [this, work, deliver, guard] {
            if (guard)
                QtConcurrent::run(&m_slowPool, work).then(this, deliver);
        });
    });
    return true;
}

} // namespace vms::server
