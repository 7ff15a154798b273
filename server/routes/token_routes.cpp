// Seed 002 §24: OAuth2 password flow, refresh with rotation, revocation.
#include "core/services/backend.h"
#include "server/http/api_http_server.h"
#include "server/http/request_reader.h"
#include "server/routes/routes.h"

namespace vms::server {

namespace {

HttpResponse tokenJson(const services::TokenPair &pair)
{
    HttpResponse r = HttpResponse::json(
            QJsonObject{{QStringLiteral("access_token"), pair.accessToken},
                        {QStringLiteral("refresh_token"), pair.refreshToken},
                        {QStringLiteral("token_type"), QStringLiteral("bearer")},
                        {QStringLiteral("expires_in"), pair.expiresInSecs}});
    // RFC 6749 §5.1: token responses must not be cached.
    r.headers.append({QByteArrayLiteral("Cache-Control"), QByteArrayLiteral("no-store")});
    r.headers.append({QByteArrayLiteral("Pragma"), QByteArrayLiteral("no-cache")});
    return r;
}

} // namespace

void registerTokenRoutes(ApiHttpServer &http, services::Backend &backend)
{
    http.router().add(
            QStringLiteral("POST"), QStringLiteral("/api/v1/token"), Access::open(),
            [&backend](HttpRequest &req) -> HttpReply {
                FieldReader form = FieldReader::form(req);
                form.optEnum(QStringLiteral("grant_type"), {QStringLiteral("password")});
                if (!form.has(QStringLiteral("grant_type")))
                    form.fail(QStringLiteral("grant_type"), QStringLiteral("field required"),
                              QStringLiteral("value_error.missing"));
                const QString username = form.requireString(QStringLiteral("username"), 1, 320);
                const QString password = form.requireString(QStringLiteral("password"), 1, 1024);
                if (!form.isValid())
                    return form.error();
                const services::CallerInfo caller = req.caller();
                // Argon2id verification is slow: run it on the pool, after the throttle's delay.
                const qint64 delay = backend.auth().throttle().delayMs(caller.clientIp);
                return HttpReply::deferred(
                        [&backend, username, password, caller]() -> HttpResponse {
                            auto pair = backend.auth().login(username, password, caller);
                            if (!pair)
                                return HttpResponse::fromError(pair.error());
                            return tokenJson(*pair);
                        },
                        delay);
            });

    http.router().add(
            QStringLiteral("POST"), QStringLiteral("/api/v1/token/refresh"), Access::open(),
            [&backend](HttpRequest &req) -> HttpReply {
                FieldReader form = FieldReader::form(req);
                form.optEnum(QStringLiteral("grant_type"), {QStringLiteral("refresh_token")});
                if (!form.has(QStringLiteral("grant_type")))
                    form.fail(QStringLiteral("grant_type"), QStringLiteral("field required"),
                              QStringLiteral("value_error.missing"));
                const QString token = form.requireString(QStringLiteral("refresh_token"), 1, 4096);
                if (!form.isValid())
                    return form.error();
                auto pair = backend.auth().refresh(token, req.caller());
                if (!pair)
                    return pair.error();
                return tokenJson(*pair);
            });

    http.router().add(QStringLiteral("POST"), QStringLiteral("/api/v1/token/revoke"),
                      Access::open(), [&backend](HttpRequest &req) -> HttpReply {
                          FieldReader form = FieldReader::form(req);
                          const QString token
                                  = form.requireString(QStringLiteral("token"), 1, 4096);
                          const QString hint
                                  = form.optString(QStringLiteral("token_type_hint"), 0, 64)
                                            .value_or(QString());
                          if (!form.isValid())
                              return form.error();
                          if (Status s = backend.auth().revoke(token, hint, req.caller()); !s)
                              return s.error();
                          return HttpResponse::noContent();
                      });
}

} // namespace vms::server
