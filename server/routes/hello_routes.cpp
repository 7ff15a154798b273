// Seed 002 §7 (hello) and the served contract (/openapi.json).
#include "core/services/backend.h"
#include "server/http/api_http_server.h"
#include "server/routes/routes.h"

#include <QFile>

namespace vms::server {

void registerHelloRoutes(ApiHttpServer &http, services::Backend &)
{
    http.router().add(QStringLiteral("GET"), QStringLiteral("/api/v1/hello"),
                      Access::authenticated(), [](HttpRequest &) -> HttpReply {
                          return HttpResponse::json(QJsonObject{
                                  {QStringLiteral("message"), QStringLiteral("Hello from VMS")},
                                  {QStringLiteral("version"), QStringLiteral(VMS_VERSION)}});
                      });

    http.router().add(QStringLiteral("GET"), QStringLiteral("/openapi.json"), Access::open(),
                      [](HttpRequest &) -> HttpReply {
                          static const QByteArray document = [] {
                              QFile f(QStringLiteral(":/vms/api/openapi.json"));
                              return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
                          }();
                          if (document.isEmpty())
                              return Error::internal(
                                      QStringLiteral("OpenAPI document missing from resources"));
                          return HttpResponse::bytes(document,
                                                     QByteArrayLiteral("application/json"));
                      });
}

} // namespace vms::server
