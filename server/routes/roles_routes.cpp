// Seed 002 §16: roles. Global (no organization); only superusers change them.
#include "core/services/backend.h"
#include "server/http/api_http_server.h"
#include "server/http/json_mapping.h"
#include "server/http/request_reader.h"
#include "server/routes/routes.h"

namespace vms::server {

namespace {

/** The body of a create or a full update (RoleCreate). */
std::optional<services::RoleFields> readFields(const HttpRequest &req, Error *error)
{
    FieldReader in = FieldReader::body(req);
    services::RoleFields f;
    if (in.isValid()) {
        f.name = in.requireString(QStringLiteral("name"), 1, 64);
        f.description = in.requireString(QStringLiteral("description"), 0, 2048);
    }
    if (!in.isValid()) {
        *error = in.error();
        return std::nullopt;
    }
    return f;
}

} // namespace

void registerRoleRoutes(ApiHttpServer &http, services::Backend &backend)
{
    Router &r = http.router();

    r.add(QStringLiteral("GET"), QStringLiteral("/api/v1/roles"),
          Access::need(QStringLiteral("role_read")), [&backend](HttpRequest &) -> HttpReply {
              auto roles = backend.roles().list();
              if (!roles)
                  return roles.error();
              QJsonArray items;
              for (const Role &role : std::as_const(*roles))
                  items.append(roleJson(role));
              return HttpResponse::json(QJsonObject{{QStringLiteral("roles"), items}});
          });

    r.add(QStringLiteral("POST"), QStringLiteral("/api/v1/roles"),
          Access::need(QStringLiteral("role_create")), [&backend](HttpRequest &req) -> HttpReply {
              if (Status s = services::RoleService::checkCanWrite(req.who()); !s)
                  return s.error();
              Error error;
              const auto fields = readFields(req, &error);
              if (!fields)
                  return error;
              auto role = backend.roles().create(req.who(), *fields, req.caller());
              if (!role)
                  return role.error();
              return HttpResponse::json(roleJson(*role));
          });

    r.add(QStringLiteral("GET"), QStringLiteral("/api/v1/roles/{role_id}"),
          Access::need(QStringLiteral("role_read")), [&backend](HttpRequest &req) -> HttpReply {
              auto id = pathInt(req, 0, QStringLiteral("role_id"));
              if (!id)
                  return id.error();
              auto role = backend.roles().get(*id);
              if (!role)
                  return role.error();
              return HttpResponse::json(roleJson(*role));
          });

    r.add(QStringLiteral("PUT"), QStringLiteral("/api/v1/roles/{role_id}"),
          Access::need(QStringLiteral("role_update")), [&backend](HttpRequest &req) -> HttpReply {
              auto id = pathInt(req, 0, QStringLiteral("role_id"));
              if (!id)
                  return id.error();
              if (Status s = services::RoleService::checkCanWrite(req.who()); !s)
                  return s.error();
              Error error;
              const auto fields = readFields(req, &error);
              if (!fields)
                  return error;
              auto role = backend.roles().update(req.who(), *id, *fields, req.caller());
              if (!role)
                  return role.error();
              return HttpResponse::json(roleJson(*role));
          });

    r.add(QStringLiteral("DELETE"), QStringLiteral("/api/v1/roles/{role_id}"),
          Access::need(QStringLiteral("role_delete")), [&backend](HttpRequest &req) -> HttpReply {
              auto id = pathInt(req, 0, QStringLiteral("role_id"));
              if (!id)
                  return id.error();
              if (Status s = backend.roles().remove(req.who(), *id, req.caller()); !s)
                  return s.error();
              return HttpResponse::statusOk();
          });

    r.add(QStringLiteral("GET"), QStringLiteral("/api/v1/roles/{role_id}/members"),
          Access::need(QStringLiteral("role_member_read")),
          [&backend](HttpRequest &req) -> HttpReply {
              auto id = pathInt(req, 0, QStringLiteral("role_id"));
              if (!id)
                  return id.error();
              auto users = backend.roles().members(req.who(), *id);
              if (!users)
                  return users.error();
              QJsonArray items;
              for (const User &u : std::as_const(*users))
                  items.append(userJson(u));
              return HttpResponse::json(QJsonObject{{QStringLiteral("members"), items}});
          });

    r.add(QStringLiteral("GET"), QStringLiteral("/api/v1/roles/{role_id}/permissions"),
          Access::need(QStringLiteral("role_perm_read")),
          [&backend](HttpRequest &req) -> HttpReply {
              auto id = pathInt(req, 0, QStringLiteral("role_id"));
              if (!id)
                  return id.error();
              auto permissions = backend.roles().permissions(*id);
              if (!permissions)
                  return permissions.error();
              return HttpResponse::json(QJsonObject{
                      {QStringLiteral("permissions"), QJsonArray::fromStringList(*permissions)}});
          });
}

} // namespace vms::server
