// Seed 002 §11: grant or revoke one permission of a role. Superusers only.
#include "core/auth/permissions.h"
#include "core/services/backend.h"
#include "server/http/api_http_server.h"
#include "server/http/request_reader.h"
#include "server/routes/routes.h"

namespace vms::server {

namespace {

using PermissionAction
        = Status (services::RoleService::*)(const services::Principal &, qint64, const QString &,
                                            const services::CallerInfo &);

/** Both routes take {role_id, permission} and answer {status: ok}. */
Handler permissionHandler(services::Backend &backend, PermissionAction action)
{
    return [&backend, action](HttpRequest &req) -> HttpReply {
        if (Status s = services::RoleService::checkCanWrite(req.who()); !s)
            return s.error();
        FieldReader in = FieldReader::body(req);
        qint64 roleId = 0;
        std::optional<QString> permission;
        if (in.isValid()) {
            roleId = in.requireInt(QStringLiteral("role_id"));
            if (!in.has(QStringLiteral("permission")))
                in.fail(QStringLiteral("permission"), QStringLiteral("field required"),
                        QStringLiteral("value_error.missing"));
            permission = in.optEnum(QStringLiteral("permission"), auth::allPermissions());
        }
        if (!in.isValid())
            return in.error();
        if (Status s = (backend.roles().*action)(req.who(), roleId, *permission, req.caller()); !s)
            return s.error();
        return HttpResponse::statusOk();
    };
}

} // namespace

void registerPermissionRoutes(ApiHttpServer &http, services::Backend &backend)
{
    Router &r = http.router();
    r.add(QStringLiteral("POST"), QStringLiteral("/api/v1/permissions"),
          Access::need(QStringLiteral("permission_create")),
          permissionHandler(backend, &services::RoleService::grant));
    r.add(QStringLiteral("DELETE"), QStringLiteral("/api/v1/permissions"),
          Access::need(QStringLiteral("permission_delete")),
          permissionHandler(backend, &services::RoleService::revoke));
}

} // namespace vms::server
