// Seed 002 §21 streams, §22 stream servers, §23 stream statuses, §20.1 camera stats and §19.2
// camera snapshots: the live side of the video, answered from this server's ingest workers.
#include "core/media/stream_worker.h"
#include "core/services/backend.h"
#include "core/storage/archive_repository.h"
#include "core/storage/camera_repository.h"
#include "server/http/api_http_server.h"
#include "server/http/request_reader.h"
#include "server/routes/routes.h"

#include <QDateTime>
#include <QJsonArray>
#include <QJsonObject>
#include <QUrl>

#include <cmath>

namespace vms::server {

namespace {

/** How many downtime periods GET /streamstatuses/{id} lists (newest first). */
constexpr int kDowntimeLimit = 1000;
/** The window of GET /streamstatuses/{id}: the last 30 days. */
constexpr qint64 kDowntimeWindowMs = 30LL * 24 * 3600 * 1000;

Error notRunningHere()
{
    return Error::unavailable(QStringLiteral("No stream server is running this stream"));
}

QString isoSecs(qint64 ms)
{
    return QDateTime::fromMSecsSinceEpoch(ms, Qt::UTC).toString(Qt::ISODateWithMs);
}

} // namespace

void registerStreamsRoutes(ApiHttpServer &http, services::Backend &backend)
{
    Router &r = http.router();

    r.add(QStringLiteral("GET"), QStringLiteral("/api/v1/streams/{stream_id}"),
          Access::need(QStringLiteral("stream_read")), [&backend](HttpRequest &req) -> HttpReply {
              auto id = pathUuid(req, 0, QStringLiteral("stream_id"));
              if (!id)
                  return id.error();
              if (auto ref = backend.streams().resolve(req.who(), *id); !ref)
                  return ref.error();
              const auto m = backend.streams().measurements(*id);
              if (!m)
                  return notRunningHere();
              return HttpResponse::json(QJsonObject{
                      {QStringLiteral("streamserver_id"), backend.streams().serverId()},
                      {QStringLiteral("streamserver_host"), backend.streams().options().host},
                      {QStringLiteral("status"), media::stateName(m->state)},
                      {QStringLiteral("ts"), backend.clock().nowSecs()}});
          });

    r.add(QStringLiteral("GET"), QStringLiteral("/api/v1/streams/{stream_id}/info"),
          Access::need(QStringLiteral("stream_read")), [&backend](HttpRequest &req) -> HttpReply {
              auto id = pathUuid(req, 0, QStringLiteral("stream_id"));
              if (!id)
                  return id.error();
              if (auto ref = backend.streams().resolve(req.who(), *id); !ref)
                  return ref.error();
              const auto m = backend.streams().measurements(*id);
              if (!m)
                  return notRunningHere();
              if (m->state != media::StreamState::Online || m->width <= 0)
                  return Error::invalid(
                          QStringLiteral("The stream is %1%2")
                                  .arg(media::stateName(m->state),
                                       m->lastError.isEmpty()
                                               ? QString()
                                               : QStringLiteral(": ") + m->lastError));
              return HttpResponse::json(
                      QJsonObject{{QStringLiteral("frame_rate"), qint64(std::lround(m->fps))},
                                  {QStringLiteral("bit_rate"), m->bitrate},
                                  {QStringLiteral("frame_width"), m->width},
                                  {QStringLiteral("frame_height"), m->height},
                                  {QStringLiteral("codec"), m->codec}});
          });

    r.add(QStringLiteral("POST"), QStringLiteral("/api/v1/streams/verify"),
          Access::need(QStringLiteral("stream_read")), [](HttpRequest &req) -> HttpReply {
              FieldReader in = FieldReader::body(req);
              const QString link = in.requireString(QStringLiteral("rtsp_link"), 1, 512);
              if (!in.isValid())
                  return in.error();
              const QUrl url(link, QUrl::StrictMode);
              const QString scheme = url.scheme().toLower();
              if (!url.isValid() || url.host().isEmpty()
                  || (scheme != QLatin1String("rtsp") && scheme != QLatin1String("rtsps")))
                  return Error::invalid(QStringLiteral("Not an RTSP link: %1").arg(link));
              // Opening a camera takes up to the timeout: off the request threads.
              return HttpReply::deferred([link]() -> HttpResponse {
                  media::SourceConfig source;
                  source.url = link;
                  source.openTimeoutMs = 5000;
                  auto result = media::verifySource(source);
                  if (!result)
                      return HttpResponse::fromError(
                              Error::invalid(QStringLiteral("The stream cannot be opened: %1")
                                                     .arg(result.error().message)));
                  return HttpResponse::statusOk();
              });
          });

    r.add(QStringLiteral("GET"), QStringLiteral("/api/v1/streamservers"),
          Access::need(QStringLiteral("streamserver_read")),
          [&backend](HttpRequest &) -> HttpReply {
              auto servers = storage::ArchiveRepository(backend.db()).servers();
              if (!servers)
                  return servers.error();
              QJsonArray items;
              for (const StreamServerRecord &s : std::as_const(*servers)) {
                  QJsonObject o{{QStringLiteral("streamserver_id"), s.id},
                                {QStringLiteral("tags"), QJsonArray::fromStringList(s.tags)}};
                  if (s.schedulerGroup)
                      o.insert(QStringLiteral("group"), *s.schedulerGroup);
                  items.append(o);
              }
              return HttpResponse::json(QJsonObject{{QStringLiteral("streamservers"), items}});
          });

    r.add(QStringLiteral("GET"), QStringLiteral("/api/v1/streamstatuses/summary"),
          Access::need(QStringLiteral("streamstatus_read")),
          [&backend](HttpRequest &req) -> HttpReply {
              storage::CameraQuery q;
              if (!req.who().user.isSuperuser)
                  q.organizationId = req.who().user.organizationId;
              auto cameras = storage::CameraRepository(backend.db()).list(q);
              if (!cameras)
                  return cameras.error();
              storage::ArchiveRepository archive(backend.db());
              const qint64 now = backend.clock().nowMs();
              QJsonArray items;
              for (const Camera &c : std::as_const(*cameras)) {
                  // A stream's life starts with its camera; its availability is the share of
                  // that life not spent in a downtime period.
                  const qint64 lifetimeMs = qMax<qint64>(0, now - c.createdAtMs);
                  auto down = archive.downtimeMs(c.id, c.createdAtMs, now);
                  if (!down)
                      return down.error();
                  const double availability
                          = lifetimeMs > 0 ? qBound(
                                    0.0, 100.0 * double(lifetimeMs - *down) / lifetimeMs, 100.0)
                                           : 100.0;
                  items.append(QJsonObject{
                          {QStringLiteral("stream_id"), c.id},
                          {QStringLiteral("stream_name"), c.name},
                          {QStringLiteral("lifetime"), double(lifetimeMs) / 1000.0},
                          {QStringLiteral("availability"), std::round(availability * 100) / 100}});
              }
              return HttpResponse::json(
                      QJsonObject{{QStringLiteral("stream_status_summary"), items}});
          });

    r.add(QStringLiteral("GET"), QStringLiteral("/api/v1/streamstatuses/{stream_id}"),
          Access::need(QStringLiteral("streamstatus_read")),
          [&backend](HttpRequest &req) -> HttpReply {
              auto id = pathUuid(req, 0, QStringLiteral("stream_id"));
              if (!id)
                  return id.error();
              if (auto ref = backend.streams().resolve(req.who(), *id); !ref)
                  return ref.error();
              const qint64 now = backend.clock().nowMs();
              auto periods = storage::ArchiveRepository(backend.db())
                                     .downtimes(*id, now - kDowntimeWindowMs, kDowntimeLimit);
              if (!periods)
                  return periods.error();
              QJsonArray items;
              for (const DowntimePeriod &p : std::as_const(*periods)) {
                  // ts: when the period was last observed (its end, or now while it lasts).
                  const qint64 end = p.endMs.value_or(now);
                  QJsonObject o{{QStringLiteral("ts"), isoSecs(end)},
                                {QStringLiteral("downtime_start"), isoSecs(p.startMs)},
                                {QStringLiteral("downtime_end"), isoSecs(end)}};
                  if (!p.reason.isEmpty())
                      o.insert(QStringLiteral("reason"), p.reason);
                  if (!p.endMs)
                      o.insert(QStringLiteral("ongoing"), true);
                  items.append(o);
              }
              return HttpResponse::json(QJsonObject{{QStringLiteral("downtime_stats"), items}});
          });

    r.add(QStringLiteral("GET"), QStringLiteral("/api/v1/stats/cameras"),
          Access::need(QStringLiteral("stats_read")), [&backend](HttpRequest &req) -> HttpReply {
              FieldReader q = FieldReader::query(req);
              const auto organizationId = q.optInt(QStringLiteral("organization_id"));
              const auto groupId = q.optInt(QStringLiteral("group_id"));
              if (!q.isValid())
                  return q.error();
              storage::CameraQuery query;
              if (!req.who().user.isSuperuser) {
                  // Another organization's numbers are not this user's business: asking for
                  // them gives the caller's own, like every other organization filter.
                  query.organizationId = req.who().user.organizationId;
              } else {
                  query.organizationId = organizationId;
              }
              query.groupId = groupId;
              auto cameras = storage::CameraRepository(backend.db()).list(query);
              if (!cameras)
                  return cameras.error();
              qint64 active = 0;
              for (const Camera &c : std::as_const(*cameras)) {
                  const auto m = backend.streams().measurements(c.id);
                  if (m && m->state == media::StreamState::Online)
                      ++active;
              }
              return HttpResponse::json(
                      QJsonObject{{QStringLiteral("total_count"), qint64(cameras->size())},
                                  {QStringLiteral("active_count"), active}});
          });

    r.add(QStringLiteral("GET"), QStringLiteral("/api/v1/camerasnapshots/{camera_id}"),
          Access::need(QStringLiteral("camera_snapshot_read")),
          [&backend](HttpRequest &req) -> HttpReply {
              auto id = pathUuid(req, 0, QStringLiteral("camera_id"));
              if (!id)
                  return id.error();
              auto ref = backend.streams().resolve(req.who(), *id);
              if (!ref)
                  return ref.error();
              if (ref->isSubstream)
                  return Error::notFound(QStringLiteral("Camera not found"));
              // Decoding the frames since the last keyframe takes a moment: off the request
              // threads.
              return HttpReply::deferred([&backend, id = *id]() -> HttpResponse {
                  auto jpeg = backend.streams().snapshot(id);
                  if (!jpeg)
                      return HttpResponse::fromError(jpeg.error());
                  HttpResponse r = HttpResponse::bytes(*jpeg, QByteArrayLiteral("image/jpeg"));
                  r.headers.append(
                          {QByteArrayLiteral("Cache-Control"), QByteArrayLiteral("no-store")});
                  return r;
              });
          });
}

} // namespace vms::server
