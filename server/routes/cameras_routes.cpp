// Seed 002 §2: cameras.
#include "core/services/backend.h"
#include "server/http/api_http_server.h"
#include "server/http/camera_json.h"
#include "server/http/camera_json_cache.h"
#include "server/http/field_extras.h"
#include "server/http/paging.h"
#include "server/http/request_reader.h"
#include "server/routes/routes.h"

namespace vms::server {

namespace {

HttpResponse camerasPage(const services::Page<Camera> &page)
{
    QJsonArray items;
    for (const Camera &c : page.items)
        items.append(cameraJson(c));
    return HttpResponse::json(QJsonObject{{QStringLiteral("pagination"), paginationJson(page.next)},
                                          {QStringLiteral("cameras"), items}});
}

/**
 * GET /cameras without origin, the hot path: the page is read as (id, revision) pairs and each
 * camera's JSON comes from the cache when that revision was rendered before. Only the others
 * are read in full (one statement) and rendered with cameraJson(), so a cached page is the same
 * bytes as a fresh one; tst_api_cameras_render checks the two renderings agree.
 */
HttpReply cachedCamerasPage(services::Backend &backend, CameraJsonCache &cache,
                            const services::Principal &who,
                            const services::CameraListParams &params,
                            const services::PageRequest &page)
{
    auto revisions = backend.cameras().listRevisions(who, params, page);
    if (!revisions)
        return revisions.error();
    const auto &items = revisions->items;
    QList<QByteArray> parts(items.size());
    QStringList missing;
    for (qsizetype i = 0; i < items.size(); ++i) {
        if (auto json = cache.find(items[i].id, items[i].revision))
            parts[i] = std::move(*json);
        else
            missing.append(items[i].id);
    }
    if (!missing.isEmpty()) {
        auto cameras = backend.cameras().getMany(who, missing);
        if (!cameras)
            return cameras.error();
        QHash<QString, QByteArray> fresh;
        for (const Camera &c : std::as_const(*cameras)) {
            QByteArray json = QJsonDocument(cameraJson(c)).toJson(QJsonDocument::Compact);
            cache.insert(c.id, c.revision, json);
            fresh.insert(c.id, std::move(json));
        }
        for (qsizetype i = 0; i < items.size(); ++i) {
            if (parts[i].isEmpty())
                parts[i] = fresh.value(items[i].id); // empty: deleted since the listing
        }
    }
    const QByteArray pagination
            = QJsonDocument(paginationJson(revisions->next)).toJson(QJsonDocument::Compact);
    qsizetype size = pagination.size() + 32;
    for (const QByteArray &part : std::as_const(parts))
        size += part.size() + 1;
    QByteArray body;
    body.reserve(size);
    body += QByteArrayLiteral("{\"pagination\":") + pagination
            + QByteArrayLiteral(",\"cameras\":[");
    bool first = true;
    for (const QByteArray &part : std::as_const(parts)) {
        if (part.isEmpty())
            continue;
        if (!first)
            body += ',';
        first = false;
        body += part;
    }
    body += "]}";
    return HttpResponse::bytes(std::move(body), QByteArrayLiteral("application/json"));
}

/**
 * The CameraCreate body of POST and PUT. `source` is opaque except for what the server needs to
 * reach the camera: a non-empty string `url`, an optional string `substream_url` and an optional
 * `transport` of "tcp" or "udp".
 */
Result<services::CameraInput> readCameraInput(const HttpRequest &req)
{
    FieldReader in = FieldReader::body(req);
    if (!in.isValid())
        return in.error();
    FieldChecks checks(in);
    services::CameraInput input;
    input.name = in.requireString(QStringLiteral("name"), 1, 255);
    if (!in.has(QStringLiteral("source")))
        in.fail(QStringLiteral("source"), QStringLiteral("field required"),
                QStringLiteral("value_error.missing"));
    const auto source = checks.bodyObject(QStringLiteral("source"));
    if (source) {
        const QStringList urlLoc{QStringLiteral("body"), QStringLiteral("source"),
                                 QStringLiteral("url")};
        const QJsonValue url = source->value(QStringLiteral("url"));
        if (url.isUndefined() || url.isNull())
            checks.fail(urlLoc, QStringLiteral("field required"),
                        QStringLiteral("value_error.missing"));
        else if (!url.isString())
            checks.fail(urlLoc, QStringLiteral("str type expected"),
                        QStringLiteral("type_error.str"));
        else if (url.toString().trimmed().isEmpty())
            checks.fail(urlLoc, QStringLiteral("ensure this value has at least 1 characters"),
                        QStringLiteral("value_error.any_str.min_length"));
        const QJsonValue substream = source->value(QStringLiteral("substream_url"));
        if (!substream.isUndefined() && !substream.isNull() && !substream.isString())
            checks.fail({QStringLiteral("body"), QStringLiteral("source"),
                         QStringLiteral("substream_url")},
                        QStringLiteral("str type expected"), QStringLiteral("type_error.str"));
        const QJsonValue transport = source->value(QStringLiteral("transport"));
        if (!transport.isUndefined() && !transport.isNull()
            && transport != QJsonValue(QStringLiteral("tcp"))
            && transport != QJsonValue(QStringLiteral("udp")))
            checks.fail(
                    {QStringLiteral("body"), QStringLiteral("source"), QStringLiteral("transport")},
                    QStringLiteral("value is not a valid enumeration member; permitted: "
                                   "'tcp', 'udp'"),
                    QStringLiteral("type_error.enum"));
        input.source = *source;
    }
    input.videoAnalytics = checks.bodyObject(QStringLiteral("video_analytics"));
    input.videoStorage = checks.bodyObject(QStringLiteral("video_storage"));
    input.videoStreaming = checks.bodyObject(QStringLiteral("video_streaming"));
    input.ptz = checks.bodyObject(QStringLiteral("ptz"));
    input.placeId = in.requireInt(QStringLiteral("place_id"));
    input.onvifHost = in.optString(QStringLiteral("onvif_host"), 1, 255);
    if (const auto port = in.optInt(QStringLiteral("onvif_port"), 1, 65535))
        input.onvifPort = int(*port);
    input.onvifLogin = in.optString(QStringLiteral("onvif_login"), 1, 255);
    input.onvifPassword = in.optString(QStringLiteral("onvif_password"), 1, 255);
    input.schedulerGroup = in.optString(QStringLiteral("scheduler_group"), 1, 64);
    input.schedulerTags = checks.bodyStringList(QStringLiteral("scheduler_tags"), 1, 32);
    if (!checks.isValid())
        return checks.error();
    return input;
}

/** with_origin, accepted by every camera route. */
bool readWithOrigin(FieldChecks &checks, const HttpRequest &req)
{
    return checks.queryBool(req, QStringLiteral("with_origin")).value_or(false);
}

} // namespace

void registerCamerasRoutes(ApiHttpServer &http, services::Backend &backend)
{
    Router &r = http.router();

    // Renderings of GET /cameras pages; one per server, shared by its worker threads.
    auto cache = std::make_shared<CameraJsonCache>();

    r.add(QStringLiteral("GET"), QStringLiteral("/api/v1/cameras"),
          Access::need(QStringLiteral("camera_read")),
          [&backend, cache](HttpRequest &req) -> HttpReply {
              FieldReader q = FieldReader::query(req);
              FieldChecks checks(q);
              services::CameraListParams params;
              params.placeId = q.optInt(QStringLiteral("place_id"));
              params.groupId = q.optInt(QStringLiteral("group_id"));
              params.withOrigin = readWithOrigin(checks, req);
              const services::PageRequest page = checks.page();
              if (!checks.isValid())
                  return checks.error();
              if (!params.withOrigin)
                  return cachedCamerasPage(backend, *cache, req.who(), params, page);
              auto cameras = backend.cameras().list(req.who(), params, page);
              if (!cameras)
                  return cameras.error();
              return camerasPage(*cameras);
          });

    r.add(QStringLiteral("POST"), QStringLiteral("/api/v1/cameras"),
          Access::need(QStringLiteral("camera_create")), [&backend](HttpRequest &req) -> HttpReply {
              FieldReader q = FieldReader::query(req);
              FieldChecks checks(q);
              const bool withOrigin = readWithOrigin(checks, req);
              if (!checks.isValid())
                  return checks.error();
              auto input = readCameraInput(req);
              if (!input)
                  return input.error();
              auto camera = backend.cameras().create(req.who(), *input, withOrigin, req.caller());
              if (!camera)
                  return camera.error();
              return HttpResponse::json(cameraJson(*camera));
          });

    r.add(QStringLiteral("POST"), QStringLiteral("/api/v1/cameras/search"),
          Access::need(QStringLiteral("camera_read")), [&backend](HttpRequest &req) -> HttpReply {
              FieldReader q = FieldReader::query(req);
              FieldChecks checks(q);
              const bool withOrigin = readWithOrigin(checks, req);
              const auto groupId = q.optInt(QStringLiteral("group_id"));
              const services::PageRequest page = checks.page();
              if (!checks.isValid())
                  return checks.error();
              FieldReader in = FieldReader::body(req);
              const QString query = in.requireString(QStringLiteral("query"));
              if (!in.isValid())
                  return in.error();
              auto cameras = backend.cameras().search(req.who(), query, groupId, withOrigin, page);
              if (!cameras)
                  return cameras.error();
              return camerasPage(*cameras);
          });

    r.add(QStringLiteral("GET"), QStringLiteral("/api/v1/cameras/{camera_id}"),
          Access::need(QStringLiteral("camera_read")), [&backend](HttpRequest &req) -> HttpReply {
              auto id = pathUuid(req, 0, QStringLiteral("camera_id"));
              if (!id)
                  return id.error();
              FieldReader q = FieldReader::query(req);
              FieldChecks checks(q);
              const bool withOrigin = readWithOrigin(checks, req);
              if (!checks.isValid())
                  return checks.error();
              auto camera = backend.cameras().get(req.who(), *id, withOrigin);
              if (!camera)
                  return camera.error();
              return HttpResponse::json(cameraJson(*camera));
          });

    r.add(QStringLiteral("PUT"), QStringLiteral("/api/v1/cameras/{camera_id}"),
          Access::need(QStringLiteral("camera_update")), [&backend](HttpRequest &req) -> HttpReply {
              auto id = pathUuid(req, 0, QStringLiteral("camera_id"));
              if (!id)
                  return id.error();
              FieldReader q = FieldReader::query(req);
              FieldChecks checks(q);
              const bool withOrigin = readWithOrigin(checks, req);
              if (!checks.isValid())
                  return checks.error();
              auto input = readCameraInput(req);
              if (!input)
                  return input.error();
              auto camera
                      = backend.cameras().update(req.who(), *id, *input, withOrigin, req.caller());
              if (!camera)
                  return camera.error();
              return HttpResponse::json(cameraJson(*camera));
          });

    r.add(QStringLiteral("DELETE"), QStringLiteral("/api/v1/cameras/{camera_id}"),
          Access::need(QStringLiteral("camera_delete")),
          [&backend, cache](HttpRequest &req) -> HttpReply {
              auto id = pathUuid(req, 0, QStringLiteral("camera_id"));
              if (!id)
                  return id.error();
              if (Status s = backend.cameras().remove(req.who(), *id, req.caller()); !s)
                  return s.error();
              cache->remove(*id); // only to free the memory: ids are never reused
              return HttpResponse::statusOk();
          });
}

} // namespace vms::server
