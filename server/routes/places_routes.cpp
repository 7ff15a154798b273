// Seed 002 §12: places, their plans and their cameras.
#include "core/services/backend.h"
#include "server/http/api_http_server.h"
#include "server/http/camera_json.h"
#include "server/http/field_extras.h"
#include "server/http/json_mapping.h"
#include "server/http/paging.h"
#include "server/http/plan_json.h"
#include "server/http/request_reader.h"
#include "server/routes/routes.h"

namespace vms::server {

namespace {

/** The PlaceCreate body of POST and PUT; a coordinate without its partner is a 400. */
Result<services::PlaceInput> readPlaceInput(const HttpRequest &req)
{
    FieldReader in = FieldReader::body(req);
    if (!in.isValid())
        return in.error();
    FieldChecks checks(in);
    services::PlaceInput input;
    input.name = in.requireString(QStringLiteral("name"), 1, 255);
    input.description = in.optString(QStringLiteral("description"), 0, 2048);
    input.latitude = checks.bodyNumber(QStringLiteral("latitude"), -90, 90);
    input.longitude = checks.bodyNumber(QStringLiteral("longitude"), -180, 180);
    if (!checks.isValid())
        return checks.error();
    if (input.latitude.has_value() != input.longitude.has_value())
        return Error::invalid(QStringLiteral("latitude and longitude must be given together"));
    return input;
}

} // namespace

void registerPlacesRoutes(ApiHttpServer &http, services::Backend &backend)
{
    Router &r = http.router();

    r.add(QStringLiteral("GET"), QStringLiteral("/api/v1/places"),
          Access::need(QStringLiteral("place_read")), [&backend](HttpRequest &req) -> HttpReply {
              FieldReader q = FieldReader::query(req);
              FieldChecks checks(q);
              const auto latitude = checks.queryNumber(req, QStringLiteral("latitude"), -90, 90);
              const auto longitude
                      = checks.queryNumber(req, QStringLiteral("longitude"), -180, 180);
              const auto radius = q.optInt(QStringLiteral("radius"), 0);
              services::PlaceListParams params;
              params.isWithoutGroups
                      = checks.queryBool(req, QStringLiteral("without_groups")).value_or(false);
              params.groupId = q.optInt(QStringLiteral("group_id"));
              if (!checks.isValid())
                  return checks.error();
              const int given = int(latitude.has_value()) + int(longitude.has_value())
                                + int(radius.has_value());
              if (given != 0 && given != 3) {
                  return Error::invalid(
                          QStringLiteral("latitude, longitude and radius must be given together"));
              }
              if (given == 3)
                  params.geo = services::GeoFilter{*latitude, *longitude, *radius};
              auto places = backend.places().list(req.who(), params);
              if (!places)
                  return places.error();
              QJsonArray items;
              for (const Place &p : std::as_const(*places))
                  items.append(placeJson(p));
              // The seed gives this list no cursor or limit: every match, on one last page.
              return HttpResponse::json(QJsonObject{{QStringLiteral("pagination"), QJsonObject()},
                                                    {QStringLiteral("places"), items}});
          });

    r.add(QStringLiteral("POST"), QStringLiteral("/api/v1/places"),
          Access::need(QStringLiteral("place_create")), [&backend](HttpRequest &req) -> HttpReply {
              auto input = readPlaceInput(req);
              if (!input)
                  return input.error();
              auto place = backend.places().create(req.who(), *input, req.caller());
              if (!place)
                  return place.error();
              return HttpResponse::json(placeJson(*place));
          });

    r.add(QStringLiteral("POST"), QStringLiteral("/api/v1/places/search"),
          Access::need(QStringLiteral("place_read")), [&backend](HttpRequest &req) -> HttpReply {
              FieldReader q = FieldReader::query(req);
              FieldChecks checks(q);
              const bool withoutGroups
                      = checks.queryBool(req, QStringLiteral("without_groups")).value_or(false);
              const services::PageRequest page = checks.page();
              if (!checks.isValid())
                  return checks.error();
              FieldReader in = FieldReader::body(req);
              const QString query = in.requireString(QStringLiteral("query"));
              if (!in.isValid())
                  return in.error();
              auto found = backend.places().search(req.who(), query, withoutGroups, page);
              if (!found)
                  return found.error();
              QJsonArray items;
              for (const Place &p : std::as_const(found->items))
                  items.append(placeJson(p));
              return HttpResponse::json(
                      QJsonObject{{QStringLiteral("pagination"), paginationJson(found->next)},
                                  {QStringLiteral("places"), items}});
          });

    r.add(QStringLiteral("GET"), QStringLiteral("/api/v1/places/{place_id}"),
          Access::need(QStringLiteral("place_read")), [&backend](HttpRequest &req) -> HttpReply {
              auto id = pathInt(req, 0, QStringLiteral("place_id"));
              if (!id)
                  return id.error();
              auto place = backend.places().get(req.who(), *id);
              if (!place)
                  return place.error();
              return HttpResponse::json(placeJson(*place));
          });

    r.add(QStringLiteral("PUT"), QStringLiteral("/api/v1/places/{place_id}"),
          Access::need(QStringLiteral("place_update")), [&backend](HttpRequest &req) -> HttpReply {
              auto id = pathInt(req, 0, QStringLiteral("place_id"));
              if (!id)
                  return id.error();
              auto input = readPlaceInput(req);
              if (!input)
                  return input.error();
              auto place = backend.places().update(req.who(), *id, *input, req.caller());
              if (!place)
                  return place.error();
              return HttpResponse::json(placeJson(*place));
          });

    r.add(QStringLiteral("DELETE"), QStringLiteral("/api/v1/places/{place_id}"),
          Access::need(QStringLiteral("place_delete")), [&backend](HttpRequest &req) -> HttpReply {
              auto id = pathInt(req, 0, QStringLiteral("place_id"));
              if (!id)
                  return id.error();
              if (Status s = backend.places().remove(req.who(), *id, req.caller()); !s)
                  return s.error();
              return HttpResponse::statusOk();
          });

    r.add(QStringLiteral("GET"), QStringLiteral("/api/v1/places/{place_id}/plans"),
          Access::need(QStringLiteral("place_plan_read")),
          [&backend](HttpRequest &req) -> HttpReply {
              auto id = pathInt(req, 0, QStringLiteral("place_id"));
              if (!id)
                  return id.error();
              FieldReader q = FieldReader::query(req);
              FieldChecks checks(q);
              const services::PageRequest page = checks.page();
              if (!checks.isValid())
                  return checks.error();
              auto plans = backend.places().plans(req.who(), *id, page);
              if (!plans)
                  return plans.error();
              QJsonArray items;
              for (const Plan &p : std::as_const(plans->items))
                  items.append(planJson(p));
              return HttpResponse::json(
                      QJsonObject{{QStringLiteral("pagination"), paginationJson(plans->next)},
                                  {QStringLiteral("plans"), items}});
          });

    r.add(QStringLiteral("GET"), QStringLiteral("/api/v1/places/{place_id}/cameras"),
          Access::need(QStringLiteral("camera_read")), [&backend](HttpRequest &req) -> HttpReply {
              auto id = pathInt(req, 0, QStringLiteral("place_id"));
              if (!id)
                  return id.error();
              FieldReader q = FieldReader::query(req);
              FieldChecks checks(q);
              const bool withoutPlans
                      = checks.queryBool(req, QStringLiteral("without_plans")).value_or(false);
              const services::PageRequest page = checks.page();
              if (!checks.isValid())
                  return checks.error();
              auto cameras = backend.places().cameras(req.who(), *id, withoutPlans, page);
              if (!cameras)
                  return cameras.error();
              QJsonArray items;
              for (const Camera &c : std::as_const(cameras->items))
                  items.append(cameraJson(c));
              return HttpResponse::json(
                      QJsonObject{{QStringLiteral("pagination"), paginationJson(cameras->next)},
                                  {QStringLiteral("cameras"), items}});
          });
}

} // namespace vms::server
