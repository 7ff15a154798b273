// Seed 002 §13: plans and the cameras positioned on them.
#include "core/services/backend.h"
#include "server/http/api_http_server.h"
#include "server/http/camera_json.h"
#include "server/http/field_extras.h"
#include "server/http/paging.h"
#include "server/http/plan_json.h"
#include "server/http/request_reader.h"
#include "server/routes/routes.h"

namespace vms::server {

namespace {

HttpResponse plansPage(const services::Page<Plan> &page)
{
    QJsonArray items;
    for (const Plan &p : page.items)
        items.append(planJson(p));
    return HttpResponse::json(QJsonObject{{QStringLiteral("pagination"), paginationJson(page.next)},
                                          {QStringLiteral("plans"), items}});
}

Result<services::PlanInput> readPlanInput(const HttpRequest &req)
{
    FieldReader in = FieldReader::body(req);
    if (!in.isValid())
        return in.error();
    services::PlanInput input;
    input.name = in.requireString(QStringLiteral("name"), 1, 255);
    input.placeId = in.requireInt(QStringLiteral("place_id"));
    input.imageId = in.requireString(QStringLiteral("image_id"), 1, 64);
    if (!in.isValid())
        return in.error();
    return input;
}

/** The CameraIdsRequest body: {"camera_ids": [string, ...]}. */
Result<QStringList> readCameraIds(const HttpRequest &req)
{
    FieldReader in = FieldReader::body(req);
    if (!in.isValid())
        return in.error();
    FieldChecks checks(in);
    if (!in.has(QStringLiteral("camera_ids")))
        in.fail(QStringLiteral("camera_ids"), QStringLiteral("field required"),
                QStringLiteral("value_error.missing"));
    const auto ids = checks.bodyStringList(QStringLiteral("camera_ids"));
    if (!checks.isValid())
        return checks.error();
    return *ids;
}

} // namespace

void registerPlansRoutes(ApiHttpServer &http, services::Backend &backend)
{
    Router &r = http.router();

    r.add(QStringLiteral("GET"), QStringLiteral("/api/v1/plans"),
          Access::need(QStringLiteral("plan_read")), [&backend](HttpRequest &req) -> HttpReply {
              FieldReader q = FieldReader::query(req);
              FieldChecks checks(q);
              const auto groupId = q.optInt(QStringLiteral("group_id"));
              const services::PageRequest page = checks.page();
              if (!checks.isValid())
                  return checks.error();
              auto plans = backend.plans().list(req.who(), groupId, page);
              if (!plans)
                  return plans.error();
              return plansPage(*plans);
          });

    r.add(QStringLiteral("POST"), QStringLiteral("/api/v1/plans"),
          Access::need(QStringLiteral("plan_create")), [&backend](HttpRequest &req) -> HttpReply {
              auto input = readPlanInput(req);
              if (!input)
                  return input.error();
              auto plan = backend.plans().create(req.who(), *input, req.caller());
              if (!plan)
                  return plan.error();
              return HttpResponse::json(planJson(*plan));
          });

    r.add(QStringLiteral("POST"), QStringLiteral("/api/v1/plans/search"),
          Access::need(QStringLiteral("plan_read")), [&backend](HttpRequest &req) -> HttpReply {
              FieldReader q = FieldReader::query(req);
              FieldChecks checks(q);
              const auto groupId = q.optInt(QStringLiteral("group_id"));
              const services::PageRequest page = checks.page();
              if (!checks.isValid())
                  return checks.error();
              FieldReader in = FieldReader::body(req);
              const QString query = in.requireString(QStringLiteral("query"));
              if (!in.isValid())
                  return in.error();
              auto plans = backend.plans().search(req.who(), query, groupId, page);
              if (!plans)
                  return plans.error();
              return plansPage(*plans);
          });

    r.add(QStringLiteral("GET"), QStringLiteral("/api/v1/plans/{plan_id}"),
          Access::need(QStringLiteral("plan_read")), [&backend](HttpRequest &req) -> HttpReply {
              auto id = pathInt(req, 0, QStringLiteral("plan_id"));
              if (!id)
                  return id.error();
              auto plan = backend.plans().get(req.who(), *id);
              if (!plan)
                  return plan.error();
              return HttpResponse::json(planJson(*plan));
          });

    r.add(QStringLiteral("PUT"), QStringLiteral("/api/v1/plans/{plan_id}"),
          Access::need(QStringLiteral("plan_update")), [&backend](HttpRequest &req) -> HttpReply {
              auto id = pathInt(req, 0, QStringLiteral("plan_id"));
              if (!id)
                  return id.error();
              auto input = readPlanInput(req);
              if (!input)
                  return input.error();
              auto plan = backend.plans().update(req.who(), *id, *input, req.caller());
              if (!plan)
                  return plan.error();
              return HttpResponse::json(planJson(*plan));
          });

    r.add(QStringLiteral("DELETE"), QStringLiteral("/api/v1/plans/{plan_id}"),
          Access::need(QStringLiteral("plan_delete")), [&backend](HttpRequest &req) -> HttpReply {
              auto id = pathInt(req, 0, QStringLiteral("plan_id"));
              if (!id)
                  return id.error();
              if (Status s = backend.plans().remove(req.who(), *id, req.caller()); !s)
                  return s.error();
              return HttpResponse::statusOk();
          });

    r.add(QStringLiteral("GET"), QStringLiteral("/api/v1/plans/{plan_id}/cameras"),
          Access::need(QStringLiteral("plan_camera_read")),
          [&backend](HttpRequest &req) -> HttpReply {
              auto id = pathInt(req, 0, QStringLiteral("plan_id"));
              if (!id)
                  return id.error();
              FieldReader q = FieldReader::query(req);
              FieldChecks checks(q);
              const services::PageRequest page = checks.page();
              if (!checks.isValid())
                  return checks.error();
              auto cameras = backend.plans().cameras(req.who(), *id, page);
              if (!cameras)
                  return cameras.error();
              QJsonArray items;
              for (const Camera &c : std::as_const(cameras->items))
                  items.append(planCameraJson(c));
              return HttpResponse::json(
                      QJsonObject{{QStringLiteral("pagination"), paginationJson(cameras->next)},
                                  {QStringLiteral("cameras"), items}});
          });

    r.add(QStringLiteral("POST"), QStringLiteral("/api/v1/plans/{plan_id}/cameras"),
          Access::need(QStringLiteral("plan_camera_create")),
          [&backend](HttpRequest &req) -> HttpReply {
              auto id = pathInt(req, 0, QStringLiteral("plan_id"));
              if (!id)
                  return id.error();
              auto ids = readCameraIds(req);
              if (!ids)
                  return ids.error();
              if (Status s = backend.plans().addCameras(req.who(), *id, *ids, req.caller()); !s)
                  return s.error();
              return HttpResponse::statusOk();
          });

    r.add(QStringLiteral("DELETE"), QStringLiteral("/api/v1/plans/{plan_id}/cameras"),
          Access::need(QStringLiteral("plan_camera_delete")),
          [&backend](HttpRequest &req) -> HttpReply {
              auto id = pathInt(req, 0, QStringLiteral("plan_id"));
              if (!id)
                  return id.error();
              auto ids = readCameraIds(req);
              if (!ids)
                  return ids.error();
              if (Status s = backend.plans().removeCameras(req.who(), *id, *ids, req.caller()); !s)
                  return s.error();
              return HttpResponse::statusOk();
          });

    r.add(QStringLiteral("PUT"),
          QStringLiteral("/api/v1/plans/{plan_id}/cameras/{camera_id}/position"),
          Access::need(QStringLiteral("plan_camera_update")),
          [&backend](HttpRequest &req) -> HttpReply {
              auto planId = pathInt(req, 0, QStringLiteral("plan_id"));
              if (!planId)
                  return planId.error();
              auto cameraId = pathUuid(req, 1, QStringLiteral("camera_id"));
              if (!cameraId)
                  return cameraId.error();
              FieldReader in = FieldReader::body(req);
              if (!in.isValid())
                  return in.error();
              FieldChecks checks(in);
              const auto x = checks.bodyNumber(QStringLiteral("x"), 0, 1);
              const auto y = checks.bodyNumber(QStringLiteral("y"), 0, 1);
              if (!checks.isValid())
                  return checks.error();
              auto camera = backend.plans().setPosition(req.who(), *planId, *cameraId, x, y,
                                                        req.caller());
              if (!camera)
                  return camera.error();
              return HttpResponse::json(QJsonObject{{QStringLiteral("plan_id"), *camera->planId},
                                                    {QStringLiteral("camera_id"), camera->id},
                                                    {QStringLiteral("x"), *camera->planX},
                                                    {QStringLiteral("y"), *camera->planY}});
          });
}

} // namespace vms::server
