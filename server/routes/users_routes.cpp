// Seed 002 §26: the current user's own account (/users/me*). The admin user routes come with the
// organization model.
#include "core/services/backend.h"
#include "server/http/api_http_server.h"
#include "server/http/json_mapping.h"
#include "server/http/request_reader.h"
#include "server/routes/routes.h"

namespace vms::server {

void registerUsersRoutes(ApiHttpServer &http, services::Backend &backend)
{
    Router &r = http.router();

    r.add(QStringLiteral("GET"), QStringLiteral("/api/v1/users/me"),
          Access::need(QStringLiteral("user_me_read")), [&backend](HttpRequest &req) -> HttpReply {
              return HttpResponse::json(currentUserJson(
                      req.who().user, backend.users().effectivePermissions(req.who())));
          });

    r.add(QStringLiteral("PUT"), QStringLiteral("/api/v1/users/me"),
          Access::need(QStringLiteral("user_me_update")),
          [&backend](HttpRequest &req) -> HttpReply {
              FieldReader in = FieldReader::body(req);
              if (!in.isValid())
                  return in.error();
              const QString first = in.requireString(QStringLiteral("first_name"), 0, 32);
              const QString last = in.requireString(QStringLiteral("last_name"), 0, 32);
              const auto avatar = in.optString(QStringLiteral("avatar_id"), 1, 64);
              if (!in.isValid())
                  return in.error();
              if (avatar && avatar != req.who().user.avatarId) {
                  // Avatars are uploads of kind "avatar". This build stores no uploads yet (they
                  // come with the uploads section), so no id can name one.
                  return Error::invalid(QStringLiteral("Avatar upload not found"));
              }
              auto user = backend.users().updateMe(req.who(), first.trimmed(), last.trimmed(),
                                                   avatar ? avatar : req.who().user.avatarId,
                                                   req.caller());
              if (!user)
                  return user.error();
              return HttpResponse::json(userJson(*user));
          });

    r.add(QStringLiteral("PUT"), QStringLiteral("/api/v1/users/me/password"),
          Access::need(QStringLiteral("user_me_update")),
          [&backend](HttpRequest &req) -> HttpReply {
              FieldReader in = FieldReader::body(req);
              if (!in.isValid())
                  return in.error();
              const QString oldPassword = in.requireString(QStringLiteral("old_password"), 0, 128);
              const QString newPassword = in.requireString(QStringLiteral("new_password"), 0, 128);
              if (!in.isValid())
                  return in.error();
              const services::Principal who = req.who();
              const services::CallerInfo caller = req.caller();
              return HttpReply::deferred([&backend, who, oldPassword, newPassword,
                                          caller]() -> HttpResponse {
                  auto user = backend.users().changePassword(who, oldPassword, newPassword, caller);
                  if (!user)
                      return HttpResponse::fromError(user.error());
                  return HttpResponse::json(userJson(*user));
              });
          });

    r.add(QStringLiteral("PUT"), QStringLiteral("/api/v1/users/me/email"),
          Access::need(QStringLiteral("user_me_update")),
          [&backend](HttpRequest &req) -> HttpReply {
              FieldReader in = FieldReader::body(req);
              if (!in.isValid())
                  return in.error();
              const QString password = in.requireString(QStringLiteral("password"), 0, 128);
              const QString email = in.requireString(QStringLiteral("email"), 1, 254);
              if (!in.isValid())
                  return in.error();
              const services::Principal who = req.who();
              const services::CallerInfo caller = req.caller();
              return HttpReply::deferred(
                      [&backend, who, password, email, caller]() -> HttpResponse {
                          auto user = backend.users().changeEmail(who, password, email, caller);
                          if (!user)
                              return HttpResponse::fromError(user.error());
                          return HttpResponse::json(userJson(*user));
                      });
          });
}

} // namespace vms::server
