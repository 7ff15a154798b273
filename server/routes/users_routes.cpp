// Seed 002 §26: the current user's own account (/users/me*) and the administration of user
// accounts (/users, /users/{user_id}, /users/search). The router prefers literal segments, so
// /users/me and /users/search win over /users/{user_id}.
#include "core/services/backend.h"
#include "server/http/api_http_server.h"
#include "server/http/json_mapping.h"
#include "server/http/paging.h"
#include "server/http/request_reader.h"
#include "server/routes/routes.h"

namespace vms::server {

namespace {

/**
 * The body of a create (UserCreate: exactly one group, a password) or of a full update
 * (UserUpdate: at most one group, the password optional).
 */
struct UserBody
{
    services::UserFields fields;
    std::optional<QString> password;
};

std::optional<UserBody> readUserBody(FieldReader &in, bool isCreate)
{
    UserBody b;
    if (in.isValid()) {
        b.fields.firstName = in.requireString(QStringLiteral("first_name"), 0, 32);
        b.fields.lastName = in.requireString(QStringLiteral("last_name"), 0, 32);
        b.fields.email = in.requireString(QStringLiteral("email"), 1, 254);
        if (in.has(QStringLiteral("email"))
            && !services::UserService::isValidEmail(b.fields.email.trimmed().toLower()))
            in.fail(QStringLiteral("email"), QStringLiteral("value is not a valid email address"),
                    QStringLiteral("value_error.email"));
        const int minPassword = services::UserService::kMinPasswordLength;
        if (isCreate)
            b.password = in.requireString(QStringLiteral("password"), minPassword, 128);
        else
            b.password = in.optString(QStringLiteral("password"), minPassword, 128);
        b.fields.groupIds = in.requireIntList(QStringLiteral("group_ids"), isCreate ? 1 : 0, 1);
        b.fields.roleId = in.requireInt(QStringLiteral("role_id"));
        b.fields.avatarId = in.optString(QStringLiteral("avatar_id"), 1, 64);
    }
    if (!in.isValid())
        return std::nullopt;
    return b;
}

HttpResponse usersPage(const storage::Page<User> &page)
{
    QJsonArray items;
    for (const User &u : page.items)
        items.append(userJson(u));
    return HttpResponse::json(QJsonObject{{QStringLiteral("pagination"), paginationJson(page.next)},
                                          {QStringLiteral("users"), items}});
}

HttpResponse userResponse(const Result<User> &user)
{
    if (!user)
        return HttpResponse::fromError(user.error());
    return HttpResponse::json(userJson(*user));
}

} // namespace

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

    r.add(QStringLiteral("GET"), QStringLiteral("/api/v1/users"),
          Access::need(QStringLiteral("user_read")), [&backend](HttpRequest &req) -> HttpReply {
              FieldReader q = FieldReader::query(req);
              const bool isWithoutGroups
                      = q.optBool(QStringLiteral("without_groups")).value_or(false);
              const storage::PageRequest page = readIdPage(q);
              if (!q.isValid())
                  return q.error();
              auto result = backend.userAdmin().list(req.who(), isWithoutGroups, page);
              if (!result)
                  return result.error();
              return usersPage(*result);
          });

    r.add(QStringLiteral("POST"), QStringLiteral("/api/v1/users"),
          Access::need(QStringLiteral("user_create")), [&backend](HttpRequest &req) -> HttpReply {
              FieldReader q = FieldReader::query(req);
              const auto organizationId = q.optInt(QStringLiteral("organization_id"));
              FieldReader in = FieldReader::body(req);
              const auto body = readUserBody(in, true);
              if (const auto error = combinedError({&q, &in}))
                  return *error;
              const services::Principal who = req.who();
              const services::CallerInfo caller = req.caller();
              // Hashing the password is slow (Argon2id): off the server thread.
              return HttpReply::deferred([&backend, who, organizationId, body, caller]() {
                  return userResponse(backend.userAdmin().create(who, organizationId, body->fields,
                                                                 *body->password, caller));
              });
          });

    r.add(QStringLiteral("POST"), QStringLiteral("/api/v1/users/search"),
          Access::need(QStringLiteral("user_read")), [&backend](HttpRequest &req) -> HttpReply {
              FieldReader q = FieldReader::query(req);
              const bool isWithoutGroups
                      = q.optBool(QStringLiteral("without_groups")).value_or(false);
              const auto organizationId = q.optInt(QStringLiteral("organization_id"));
              const storage::PageRequest page = readIdPage(q);
              FieldReader in = FieldReader::body(req);
              const QString query = in.isValid() ? in.requireString(QStringLiteral("query"), 2, 255)
                                                 : QString();
              if (const auto error = combinedError({&q, &in}))
                  return *error;
              auto result = backend.userAdmin().search(req.who(), query, organizationId,
                                                       isWithoutGroups, page);
              if (!result)
                  return result.error();
              return usersPage(*result);
          });

    r.add(QStringLiteral("GET"), QStringLiteral("/api/v1/users/{user_id}"),
          Access::need(QStringLiteral("user_read")), [&backend](HttpRequest &req) -> HttpReply {
              auto id = pathInt(req, 0, QStringLiteral("user_id"));
              if (!id)
                  return id.error();
              return userResponse(backend.userAdmin().get(req.who(), *id));
          });

    r.add(QStringLiteral("PUT"), QStringLiteral("/api/v1/users/{user_id}"),
          Access::need(QStringLiteral("user_update")), [&backend](HttpRequest &req) -> HttpReply {
              auto id = pathInt(req, 0, QStringLiteral("user_id"));
              if (!id)
                  return id.error();
              FieldReader in = FieldReader::body(req);
              const auto body = readUserBody(in, false);
              if (!body)
                  return in.error();
              if (!body->password) {
                  return userResponse(backend.userAdmin().update(req.who(), *id, body->fields,
                                                                 std::nullopt, req.caller()));
              }
              const services::Principal who = req.who();
              const services::CallerInfo caller = req.caller();
              const qint64 userId = *id;
              return HttpReply::deferred([&backend, who, userId, body, caller]() {
                  return userResponse(backend.userAdmin().update(who, userId, body->fields,
                                                                 body->password, caller));
              });
          });

    r.add(QStringLiteral("DELETE"), QStringLiteral("/api/v1/users/{user_id}"),
          Access::need(QStringLiteral("user_delete")), [&backend](HttpRequest &req) -> HttpReply {
              auto id = pathInt(req, 0, QStringLiteral("user_id"));
              if (!id)
                  return id.error();
              if (Status s = backend.userAdmin().remove(req.who(), *id, req.caller()); !s)
                  return s.error();
              return HttpResponse::statusOk();
          });
}

} // namespace vms::server
