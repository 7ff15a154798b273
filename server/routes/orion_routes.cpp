// Seed 002 §10: the Orion integration (an external SOAP service described by a WSDL).
#include "core/domain/time_format.h"
#include "core/services/backend.h"
#include "server/http/api_http_server.h"
#include "server/http/request_reader.h"
#include "server/routes/routes.h"

namespace vms::server {

void registerOrionRoutes(ApiHttpServer &http, services::Backend &backend)
{
    Router &r = http.router();

    r.add(QStringLiteral("GET"), QStringLiteral("/api/v1/orion/info"),
          Access::need(QStringLiteral("orion_read")), [&backend](HttpRequest &req) -> HttpReply {
              const services::Principal who = req.who();
              // Two HTTP exchanges with Orion, up to 5 s each: never on the server thread.
              return HttpReply::deferred([&backend, who]() -> HttpResponse {
                  auto info = backend.orion().info(who);
                  if (!info)
                      return HttpResponse::fromError(info.error());
                  return HttpResponse::json(
                          QJsonObject{{QStringLiteral("service_version"), info->serviceVersion},
                                      {QStringLiteral("software_version"), info->softwareVersion},
                                      {QStringLiteral("software_name"), info->softwareName},
                                      {QStringLiteral("database_version"), info->databaseVersion}});
              });
          });

    // The permission depends on the stored state (orion_create for the first configuration,
    // orion_update afterwards), so the service checks it; a caller with neither is refused here,
    // before the body is looked at.
    r.add(QStringLiteral("PUT"), QStringLiteral("/api/v1/orion/config"), Access::authenticated(),
          [&backend](HttpRequest &req) -> HttpReply {
              if (!req.who().can(QStringLiteral("orion_create"))
                  && !req.who().can(QStringLiteral("orion_update")))
                  return Error::denied(QStringLiteral(
                          "Permission 'orion_create' or 'orion_update' is required"));
              FieldReader in = FieldReader::body(req);
              if (!in.isValid())
                  return in.error();
              const QString wsdlUrl = in.requireString(QStringLiteral("wsdl_url"), 1, 512);
              const auto login = in.optString(QStringLiteral("login"), 1, 255);
              const auto password = in.optString(QStringLiteral("password"), 1, 255);
              if (!in.isValid())
                  return in.error();
              auto config = backend.orion().configure(req.who(), wsdlUrl, login, password,
                                                      req.caller());
              if (!config)
                  return config.error();
              // The password is write-only: it is never sent back (see the x-note).
              QJsonObject o{{QStringLiteral("wsdl_url"), config->wsdlUrl},
                            {QStringLiteral("organization_id"), config->organizationId},
                            {QStringLiteral("updated_at"), isoFromMs(config->updatedAtMs)}};
              if (config->login)
                  o.insert(QStringLiteral("login"), *config->login);
              return HttpResponse::json(o);
          });
}

} // namespace vms::server
