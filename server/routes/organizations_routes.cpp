// Seed 002 §9: organizations (tenants). Reads: superusers see all, others their own. Writes:
// superusers only.
#include "core/services/backend.h"
#include "server/http/api_http_server.h"
#include "server/http/json_mapping.h"
#include "server/http/paging.h"
#include "server/http/request_reader.h"
#include "server/routes/routes.h"

namespace vms::server {

namespace {

/** The body of a create or a full update (OrganizationCreate). */
std::optional<services::OrganizationFields> readFields(const HttpRequest &req, Error *error)
{
    FieldReader in = FieldReader::body(req);
    services::OrganizationFields f;
    if (in.isValid()) {
        f.name = in.requireString(QStringLiteral("name"), 1, 64);
        f.description = in.requireString(QStringLiteral("description"), 0, 2048);
        f.logoId = in.optString(QStringLiteral("logo_id"), 1, 64);
    }
    if (!in.isValid()) {
        *error = in.error();
        return std::nullopt;
    }
    return f;
}

HttpResponse pageResponse(const storage::Page<Organization> &page)
{
    QJsonArray items;
    for (const Organization &o : page.items)
        items.append(organizationJson(o));
    return HttpResponse::json(QJsonObject{{QStringLiteral("pagination"), paginationJson(page.next)},
                                          {QStringLiteral("organizations"), items}});
}

/**
 * §9.6 and §9.7 take cursor and limit but answer without pagination: the cursor continues after
 * its id, and the limit caps the list only when given.
 */
std::optional<storage::PageRequest> readUnpaginated(FieldReader &q)
{
    storage::PageRequest page = readIdPage(q);
    if (!q.has(QStringLiteral("limit")))
        page.limit = 0;
    if (!q.isValid())
        return std::nullopt;
    return page;
}

} // namespace

void registerOrganizationRoutes(ApiHttpServer &http, services::Backend &backend)
{
    Router &r = http.router();

    r.add(QStringLiteral("GET"), QStringLiteral("/api/v1/organizations"),
          Access::need(QStringLiteral("organization_read")),
          [&backend](HttpRequest &req) -> HttpReply {
              FieldReader q = FieldReader::query(req);
              const storage::PageRequest page = readIdPage(q);
              if (!q.isValid())
                  return q.error();
              auto result = backend.organizations().list(req.who(), std::nullopt, page);
              if (!result)
                  return result.error();
              return pageResponse(*result);
          });

    r.add(QStringLiteral("POST"), QStringLiteral("/api/v1/organizations/search"),
          Access::need(QStringLiteral("organization_read")),
          [&backend](HttpRequest &req) -> HttpReply {
              FieldReader q = FieldReader::query(req);
              const storage::PageRequest page = readIdPage(q);
              FieldReader in = FieldReader::body(req);
              const QString query
                      = in.isValid() ? in.requireString(QStringLiteral("query")) : QString();
              if (const auto error = combinedError({&q, &in}))
                  return *error;
              auto result = backend.organizations().list(req.who(), query, page);
              if (!result)
                  return result.error();
              return pageResponse(*result);
          });

    r.add(QStringLiteral("POST"), QStringLiteral("/api/v1/organizations"),
          Access::need(QStringLiteral("organization_create")),
          [&backend](HttpRequest &req) -> HttpReply {
              if (Status s = services::OrganizationService::checkCanWrite(req.who()); !s)
                  return s.error();
              Error error;
              const auto fields = readFields(req, &error);
              if (!fields)
                  return error;
              auto org = backend.organizations().create(req.who(), *fields, req.caller());
              if (!org)
                  return org.error();
              return HttpResponse::json(organizationJson(*org));
          });

    r.add(QStringLiteral("GET"), QStringLiteral("/api/v1/organizations/{organization_id}"),
          Access::need(QStringLiteral("organization_read")),
          [&backend](HttpRequest &req) -> HttpReply {
              auto id = pathInt(req, 0, QStringLiteral("organization_id"));
              if (!id)
                  return id.error();
              auto org = backend.organizations().get(req.who(), *id);
              if (!org)
                  return org.error();
              return HttpResponse::json(organizationJson(*org));
          });

    r.add(QStringLiteral("PUT"), QStringLiteral("/api/v1/organizations/{organization_id}"),
          Access::need(QStringLiteral("organization_update")),
          [&backend](HttpRequest &req) -> HttpReply {
              auto id = pathInt(req, 0, QStringLiteral("organization_id"));
              if (!id)
                  return id.error();
              if (Status s = services::OrganizationService::checkCanWrite(req.who()); !s)
                  return s.error();
              Error error;
              const auto fields = readFields(req, &error);
              if (!fields)
                  return error;
              auto org = backend.organizations().update(req.who(), *id, *fields, req.caller());
              if (!org)
                  return org.error();
              return HttpResponse::json(organizationJson(*org));
          });

    r.add(QStringLiteral("DELETE"), QStringLiteral("/api/v1/organizations/{organization_id}"),
          Access::need(QStringLiteral("organization_delete")),
          [&backend](HttpRequest &req) -> HttpReply {
              auto id = pathInt(req, 0, QStringLiteral("organization_id"));
              if (!id)
                  return id.error();
              if (Status s = backend.organizations().remove(req.who(), *id, req.caller()); !s)
                  return s.error();
              return HttpResponse::statusOk();
          });

    r.add(QStringLiteral("GET"), QStringLiteral("/api/v1/organizations/{organization_id}/members"),
          Access::need(QStringLiteral("organization_members_read")),
          [&backend](HttpRequest &req) -> HttpReply {
              auto id = pathInt(req, 0, QStringLiteral("organization_id"));
              if (!id)
                  return id.error();
              FieldReader q = FieldReader::query(req);
              const bool isWithoutGroups
                      = q.optBool(QStringLiteral("without_groups")).value_or(false);
              const auto page = readUnpaginated(q);
              if (!page)
                  return q.error();
              auto users = backend.organizations().members(req.who(), *id, isWithoutGroups, *page);
              if (!users)
                  return users.error();
              QJsonArray items;
              for (const User &u : std::as_const(*users))
                  items.append(userJson(u));
              return HttpResponse::json(QJsonObject{{QStringLiteral("members"), items}});
          });

    r.add(QStringLiteral("GET"), QStringLiteral("/api/v1/organizations/{organization_id}/groups"),
          Access::need(QStringLiteral("organization_groups_read")),
          [&backend](HttpRequest &req) -> HttpReply {
              auto id = pathInt(req, 0, QStringLiteral("organization_id"));
              if (!id)
                  return id.error();
              FieldReader q = FieldReader::query(req);
              const auto page = readUnpaginated(q);
              if (!page)
                  return q.error();
              auto groups = backend.organizations().groups(req.who(), *id, *page);
              if (!groups)
                  return groups.error();
              QJsonArray items;
              for (const Group &g : std::as_const(*groups))
                  items.append(groupJson(g));
              return HttpResponse::json(QJsonObject{{QStringLiteral("groups"), items}});
          });
}

} // namespace vms::server
