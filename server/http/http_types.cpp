#include "server/http/http_types.h"

namespace vms::server {

QByteArray HttpRequest::header(const QByteArray &name) const
{
    for (const auto &h : headers) {
        if (h.first.compare(name, Qt::CaseInsensitive) == 0)
            return h.second;
    }
    return {};
}

services::CallerInfo HttpRequest::caller() const
{
    return {clientIp, QString::fromUtf8(header(QByteArrayLiteral("User-Agent")).left(256))};
}

HttpResponse HttpResponse::json(const QJsonObject &obj, int status)
{
    HttpResponse r;
    r.status = status;
    r.body = QJsonDocument(obj).toJson(QJsonDocument::Compact);
    return r;
}

HttpResponse HttpResponse::json(const QJsonArray &arr, int status)
{
    HttpResponse r;
    r.status = status;
    r.body = QJsonDocument(arr).toJson(QJsonDocument::Compact);
    return r;
}

HttpResponse HttpResponse::statusOk()
{
    return json(QJsonObject{{QStringLiteral("status"), QStringLiteral("ok")}});
}

HttpResponse HttpResponse::noContent()
{
    HttpResponse r;
    r.status = 204;
    r.contentType.clear();
    return r;
}

HttpResponse HttpResponse::bytes(QByteArray data, QByteArray contentType, int status)
{
    HttpResponse r;
    r.status = status;
    r.body = std::move(data);
    r.contentType = std::move(contentType);
    return r;
}

namespace {

struct ErrorShape
{
    int status;
    const char *statusText;
};

ErrorShape shapeOf(ErrorKind kind)
{
    switch (kind) {
    case ErrorKind::InvalidArgument:
        return {400, "invalid_request"};
    case ErrorKind::Validation:
        return {422, "validation_error"};
    case ErrorKind::Unauthenticated:
        return {401, "not_authenticated"};
    case ErrorKind::PermissionDenied:
        return {403, "unauthorized"};
    case ErrorKind::NotFound:
        return {404, "not_found"};
    case ErrorKind::MethodNotAllowed:
        return {405, "method_not_allowed"};
    case ErrorKind::Conflict:
        return {409, "conflict"};
    case ErrorKind::PayloadTooLarge:
        return {413, "payload_too_large"};
    case ErrorKind::TooManyRequests:
        return {429, "too_many_requests"};
    case ErrorKind::Unavailable:
    case ErrorKind::Timeout:
        return {503, "temporarily_unavailable"};
    case ErrorKind::Internal:
        break;
    }
    return {500, "internal_error"};
}

} // namespace

HttpResponse HttpResponse::fromError(const Error &error)
{
    const ErrorShape shape = shapeOf(error.kind);
    if (error.kind == ErrorKind::Validation) {
        // FastAPI's form: {"detail": [{"loc": [...], "msg": "...", "type": "..."}]}
        QJsonArray detail;
        for (const FieldError &f : error.fields) {
            detail.append(QJsonObject{{QStringLiteral("loc"), QJsonArray::fromStringList(f.loc)},
                                      {QStringLiteral("msg"), f.msg},
                                      {QStringLiteral("type"), f.type}});
        }
        return json(QJsonObject{{QStringLiteral("detail"), detail}}, 422);
    }
    QJsonObject body{{QStringLiteral("status"), error.status.isEmpty()
                                                        ? QString::fromLatin1(shape.statusText)
                                                        : error.status},
                     {QStringLiteral("status_code"), shape.status},
                     {QStringLiteral("detail"), error.kind == ErrorKind::Internal
                                                        ? QStringLiteral("Internal server error")
                                                        : error.message}};
    HttpResponse r = json(body, shape.status);
    // RFC 6750: a missing or bad bearer token is announced with WWW-Authenticate.
    if (error.kind == ErrorKind::Unauthenticated && error.status.isEmpty())
        r.headers.append({QByteArrayLiteral("WWW-Authenticate"), QByteArrayLiteral("Bearer")});
    return r;
}

} // namespace vms::server
