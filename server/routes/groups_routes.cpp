// Seed 002 §6: groups of an organization, their members and their places.
#include "core/services/backend.h"
#include "server/http/api_http_server.h"
#include "server/http/json_mapping.h"
#include "server/http/paging.h"
#include "server/http/request_reader.h"
#include "server/routes/routes.h"

namespace vms::server {

namespace {

/** The body of a create or a full update (GroupCreate). */
std::optional<services::GroupFields> readFields(FieldReader &in)
{
    services::GroupFields f;
    if (in.isValid()) {
        f.name = in.requireString(QStringLiteral("name"), 1, 64);
        f.description = in.requireString(QStringLiteral("description"), 0, 2048);
    }
    if (!in.isValid())
        return std::nullopt;
    return f;
}

HttpResponse groupsPage(const storage::Page<Group> &page)
{
    QJsonArray items;
    for (const Group &g : page.items)
        items.append(groupJson(g));
    return HttpResponse::json(QJsonObject{{QStringLiteral("pagination"), paginationJson(page.next)},
                                          {QStringLiteral("groups"), items}});
}

using IdsAction
        = Status (services::GroupService::*)(const services::Principal &, qint64,
                                             const QList<qint64> &, const services::CallerInfo &);

/** POST/DELETE of {user_ids} or {place_ids}: the path id, the list, then the service call. */
Handler idsHandler(services::Backend &backend, const QString &listName, IdsAction action)
{
    return [&backend, listName, action](HttpRequest &req) -> HttpReply {
        auto id = pathInt(req, 0, QStringLiteral("group_id"));
        if (!id)
            return id.error();
        FieldReader in = FieldReader::body(req);
        const QList<qint64> ids = in.isValid() ? in.requireIntList(listName) : QList<qint64>();
        if (!in.isValid())
            return in.error();
        if (Status s = (backend.groups().*action)(req.who(), *id, ids, req.caller()); !s)
            return s.error();
        return HttpResponse::statusOk();
    };
}

} // namespace

void registerGroupRoutes(ApiHttpServer &http, services::Backend &backend)
{
    Router &r = http.router();

    r.add(QStringLiteral("GET"), QStringLiteral("/api/v1/groups"),
          Access::need(QStringLiteral("group_read")), [&backend](HttpRequest &req) -> HttpReply {
              FieldReader q = FieldReader::query(req);
              const storage::PageRequest page = readIdPage(q);
              if (!q.isValid())
                  return q.error();
              auto result = backend.groups().list(req.who(), std::nullopt, std::nullopt, page);
              if (!result)
                  return result.error();
              return groupsPage(*result);
          });

    r.add(QStringLiteral("POST"), QStringLiteral("/api/v1/groups"),
          Access::need(QStringLiteral("group_create")), [&backend](HttpRequest &req) -> HttpReply {
              FieldReader q = FieldReader::query(req);
              const auto organizationId = q.optInt(QStringLiteral("organization_id"));
              FieldReader in = FieldReader::body(req);
              const auto fields = readFields(in);
              if (const auto error = combinedError({&q, &in}))
                  return *error;
              auto group
                      = backend.groups().create(req.who(), organizationId, *fields, req.caller());
              if (!group)
                  return group.error();
              return HttpResponse::json(groupJson(*group));
          });

    r.add(QStringLiteral("POST"), QStringLiteral("/api/v1/groups/search"),
          Access::need(QStringLiteral("group_read")), [&backend](HttpRequest &req) -> HttpReply {
              FieldReader q = FieldReader::query(req);
              const auto organizationId = q.optInt(QStringLiteral("organization_id"));
              const storage::PageRequest page = readIdPage(q);
              FieldReader in = FieldReader::body(req);
              const QString query = in.isValid() ? in.requireString(QStringLiteral("query"), 2, 255)
                                                 : QString();
              if (const auto error = combinedError({&q, &in}))
                  return *error;
              auto result = backend.groups().list(req.who(), organizationId, query, page);
              if (!result)
                  return result.error();
              return groupsPage(*result);
          });

    r.add(QStringLiteral("GET"), QStringLiteral("/api/v1/groups/{group_id}"),
          Access::need(QStringLiteral("group_read")), [&backend](HttpRequest &req) -> HttpReply {
              auto id = pathInt(req, 0, QStringLiteral("group_id"));
              if (!id)
                  return id.error();
              auto group = backend.groups().get(req.who(), *id);
              if (!group)
                  return group.error();
              return HttpResponse::json(groupJson(*group));
          });

    r.add(QStringLiteral("PUT"), QStringLiteral("/api/v1/groups/{group_id}"),
          Access::need(QStringLiteral("group_update")), [&backend](HttpRequest &req) -> HttpReply {
              auto id = pathInt(req, 0, QStringLiteral("group_id"));
              if (!id)
                  return id.error();
              FieldReader in = FieldReader::body(req);
              const auto fields = readFields(in);
              if (!fields)
                  return in.error();
              auto group = backend.groups().update(req.who(), *id, *fields, req.caller());
              if (!group)
                  return group.error();
              return HttpResponse::json(groupJson(*group));
          });

    r.add(QStringLiteral("DELETE"), QStringLiteral("/api/v1/groups/{group_id}"),
          Access::need(QStringLiteral("group_delete")), [&backend](HttpRequest &req) -> HttpReply {
              auto id = pathInt(req, 0, QStringLiteral("group_id"));
              if (!id)
                  return id.error();
              if (Status s = backend.groups().remove(req.who(), *id, req.caller()); !s)
                  return s.error();
              return HttpResponse::statusOk();
          });

    r.add(QStringLiteral("GET"), QStringLiteral("/api/v1/groups/{group_id}/members"),
          Access::need(QStringLiteral("group_user_read")),
          [&backend](HttpRequest &req) -> HttpReply {
              auto id = pathInt(req, 0, QStringLiteral("group_id"));
              if (!id)
                  return id.error();
              FieldReader q = FieldReader::query(req);
              const storage::PageRequest page = readIdPage(q);
              if (!q.isValid())
                  return q.error();
              auto result = backend.groups().members(req.who(), *id, page);
              if (!result)
                  return result.error();
              QJsonArray items;
              for (const User &u : std::as_const(result->items))
                  items.append(userJson(u));
              return HttpResponse::json(
                      QJsonObject{{QStringLiteral("pagination"), paginationJson(result->next)},
                                  {QStringLiteral("users"), items}});
          });

    r.add(QStringLiteral("POST"), QStringLiteral("/api/v1/groups/{group_id}/members"),
          Access::need(QStringLiteral("group_user_create")),
          idsHandler(backend, QStringLiteral("user_ids"), &services::GroupService::addMembers));

    r.add(QStringLiteral("DELETE"), QStringLiteral("/api/v1/groups/{group_id}/members"),
          Access::need(QStringLiteral("group_user_delete")),
          idsHandler(backend, QStringLiteral("user_ids"), &services::GroupService::removeMembers));

    r.add(QStringLiteral("GET"), QStringLiteral("/api/v1/groups/{group_id}/places"),
          Access::need(QStringLiteral("group_place_read")),
          [&backend](HttpRequest &req) -> HttpReply {
              auto id = pathInt(req, 0, QStringLiteral("group_id"));
              if (!id)
                  return id.error();
              FieldReader q = FieldReader::query(req);
              const storage::PageRequest page = readIdPage(q);
              if (!q.isValid())
                  return q.error();
              auto result = backend.groups().places(req.who(), *id, page);
              if (!result)
                  return result.error();
              QJsonArray items;
              for (const Place &p : std::as_const(result->items))
                  items.append(placeJson(p));
              return HttpResponse::json(
                      QJsonObject{{QStringLiteral("pagination"), paginationJson(result->next)},
                                  {QStringLiteral("places"), items}});
          });

    r.add(QStringLiteral("POST"), QStringLiteral("/api/v1/groups/{group_id}/places"),
          Access::need(QStringLiteral("group_place_create")),
          idsHandler(backend, QStringLiteral("place_ids"), &services::GroupService::addPlaces));

    r.add(QStringLiteral("DELETE"), QStringLiteral("/api/v1/groups/{group_id}/places"),
          Access::need(QStringLiteral("group_place_delete")),
          idsHandler(backend, QStringLiteral("place_ids"), &services::GroupService::removePlaces));
}

} // namespace vms::server
