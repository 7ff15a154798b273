// Seed 002 §1: the audit trail.
#include "core/auth/permissions.h"
#include "core/services/backend.h"
#include "server/http/api_http_server.h"
#include "server/http/json_mapping.h"
#include "server/http/request_reader.h"
#include "server/routes/routes.h"

namespace vms::server {

void registerAuditLogRoutes(ApiHttpServer &http, services::Backend &backend)
{
    Router &r = http.router();

    r.add(QStringLiteral("GET"), QStringLiteral("/api/v1/auditlogs"),
          Access::need(QStringLiteral("auditlog_read")), [&backend](HttpRequest &req) -> HttpReply {
              FieldReader q = FieldReader::query(req);
              services::AuditListParams p;
              p.userIds = q.intList(QStringLiteral("user_ids"));
              p.actionTypes
                      = q.enumList(QStringLiteral("action_types"), auth::allAuditActionTypes());
              p.fromMs = q.optDateTime(QStringLiteral("created_at_from"));
              p.toMs = q.optDateTime(QStringLiteral("created_at_to"));
              const auto order
                      = q.optEnum(QStringLiteral("order_by"),
                                  {QStringLiteral("created_at"), QStringLiteral("-created_at")});
              p.isAscending = order == QLatin1String("created_at");
              p.organizationId = q.optInt(QStringLiteral("organization_id"), 1);
              const PageParams page = readPage(q);
              if (page.cursor) {
                  p.after = storage::PageCursor::decode(*page.cursor);
                  if (!p.after)
                      q.fail(QStringLiteral("cursor"), QStringLiteral("invalid cursor"),
                             QStringLiteral("value_error.cursor"));
              }
              p.limit = page.limit;
              if (!q.isValid())
                  return q.error();
              auto result = backend.audit().list(req.who(), p);
              if (!result)
                  return result.error();
              QJsonArray items;
              for (const AuditEntry &e : result->entries)
                  items.append(auditLogJson(e));
              QJsonObject pagination;
              if (result->next)
                  pagination.insert(QStringLiteral("cursor"), result->next->encode());
              return HttpResponse::json(QJsonObject{{QStringLiteral("pagination"), pagination},
                                                    {QStringLiteral("auditlogs"), items}});
          });

    r.add(QStringLiteral("GET"), QStringLiteral("/api/v1/auditlogs/{auditlog_id}"),
          Access::need(QStringLiteral("auditlog_read")), [&backend](HttpRequest &req) -> HttpReply {
              auto id = pathUuid(req, 0, QStringLiteral("auditlog_id"));
              if (!id)
                  return id.error();
              FieldReader q = FieldReader::query(req);
              q.optInt(QStringLiteral("organization_id"), 1);
              if (!q.isValid())
                  return q.error();
              auto entry = backend.audit().get(req.who(), *id);
              if (!entry)
                  return entry.error();
              return HttpResponse::json(auditLogJson(*entry));
          });
}

} // namespace vms::server
