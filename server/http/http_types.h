#pragma once

#include "core/domain/error.h"
#include "core/services/principal.h"

#include <QByteArray>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QList>
#include <QPair>
#include <QString>
#include <QStringList>
#include <QUrlQuery>

#include <functional>
#include <optional>

namespace vms::server {

/** A request, copied out of QHttpServerRequest so that it can travel to worker threads. */
struct HttpRequest
{
    QString method; ///< "GET", "POST", ...
    QString path;   ///< decoded path without the query
    QUrlQuery query;
    QList<QPair<QByteArray, QByteArray>> headers;
    QByteArray body;
    QString clientIp;
    QStringList pathArgs; ///< values of the route's {placeholders}, in order
    std::optional<services::Principal> principal;

    /** Case-insensitive header lookup; empty when absent. */
    QByteArray header(const QByteArray &name) const;
    services::CallerInfo caller() const;
    const services::Principal &who() const { return *principal; }
};

/** A complete response. */
struct HttpResponse
{
    int status = 200;
    QByteArray contentType = QByteArrayLiteral("application/json");
    QByteArray body;
    QList<QPair<QByteArray, QByteArray>> headers;

    static HttpResponse json(const QJsonObject &obj, int status = 200);
    static HttpResponse json(const QJsonArray &arr, int status = 200);
    static HttpResponse noContent();
    /** The seed's generic success body (StatusOk): {"status": "ok"}. */
    static HttpResponse statusOk();
    static HttpResponse bytes(QByteArray data, QByteArray contentType, int status = 200);
    /** The one mapping from an Error to the seed's status code and body. */
    static HttpResponse fromError(const Error &error);
};

/**
 * What a handler gives back: a response now, or work for the thread pool (slow handlers:
 * password hashing, I/O), optionally started only after `delayMs` (login throttling).
 */
class HttpReply
{
public:
    HttpReply() = default;
    HttpReply(HttpResponse response)
        : m_response(std::move(response))
    {}
    HttpReply(const Error &error)
        : m_response(HttpResponse::fromError(error))
    {}
    static HttpReply deferred(std::function<HttpResponse()> work, qint64 delayMs = 0)
    {
        HttpReply r{HttpResponse{}};
        r.m_work = std::move(work);
        r.m_delayMs = delayMs;
        return r;
    }

    bool isDeferred() const { return bool(m_work); }
    HttpResponse &response() { return m_response; }
    const std::function<HttpResponse()> &work() const { return m_work; }
    qint64 delayMs() const { return m_delayMs; }

private:
    HttpResponse m_response;
    std::function<HttpResponse()> m_work;
    qint64 m_delayMs = 0;
};

using Handler = std::function<HttpReply(HttpRequest &)>;

} // namespace vms::server
