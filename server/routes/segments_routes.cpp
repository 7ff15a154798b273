// Seed 002 §18: segments of the archive, and the signed URLs they point to (the archive's
// segment files and HLS playlists). Those need both the caller's bearer token (every route but
// the token routes does) and a valid, unexpired signature: a URL is only good for what it was
// issued for and only for an hour, even in the hands of another user.
#include "core/services/backend.h"
#include "core/storage/archive_repository.h"
#include "server/http/api_http_server.h"
#include "server/http/request_reader.h"
#include "server/routes/routes.h"

#include <QDateTime>
#include <QFile>
#include <QJsonArray>
#include <QJsonObject>

#include <cmath>

namespace vms::server {

namespace {

/** How long a signed segment or playlist URL stays valid. */
constexpr qint64 kUrlLifetimeSecs = 3600;
/** Playlists are played for as long as they last: their segment URLs live that long too. */
constexpr qint64 kMaxPlaylistUrlLifetimeSecs = 48 * 3600;
/** The default span of an index: the last day. */
constexpr qint64 kDefaultIndexSpanSecs = 24 * 3600;

/** scheme://host of the request, so that URLs work for a remote client; empty if unknown. */
QString origin(const HttpRequest &req)
{
    const QByteArray host = req.header(QByteArrayLiteral("Host"));
    // Only what a host[:port] may hold: the value ends up inside URLs and JSON strings.
    static const QByteArray allowed = QByteArrayLiteral(
            "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789.-:[]");
    if (host.isEmpty() || host.size() > 255)
        return {};
    for (char c : host) {
        if (!allowed.contains(c))
            return {};
    }
    return QStringLiteral("http://") + QString::fromLatin1(host);
}

/** What a segment URL's signature covers: the segment, independent of the URL's layout. */
QString segmentResource(qint64 id)
{
    return QStringLiteral("/api/v1/archive/segments/%1.ts").arg(id);
}

/**
 * The signed URL of a segment. Expiry and signature are path components, not a query, so that
 * the URL ends in ".ts": FFmpeg's HLS demuxer (and thus ffplay/ffprobe) refuses segment URLs
 * whose extension it does not know, and a query string would hide it.
 */
auth::UrlSigner::Signed signedSegment(const services::Backend &backend, qint64 id, qint64 expires)
{
    auth::UrlSigner::Signed s = backend.urlSigner().sign(segmentResource(id), expires);
    s.url = QStringLiteral("/api/v1/archive/signed/%1/%2/segments/%3.ts")
                    .arg(expires)
                    .arg(s.signature)
                    .arg(id);
    return s;
}

QString playlistResource(const QString &streamId, qint64 fromSecs, qint64 toSecs)
{
    return QStringLiteral("/api/v1/archive/streams/%1/index.m3u8?ts_from=%2&ts_to=%3")
            .arg(streamId)
            .arg(fromSecs)
            .arg(toSecs);
}

/** Unix seconds covering [startMs, endMs): the start rounded down, the end up. */
qint64 floorSecs(qint64 ms)
{
    return ms >= 0 ? ms / 1000 : -((-ms + 999) / 1000);
}
qint64 ceilSecs(qint64 ms)
{
    return -floorSecs(-ms);
}

/** Reads ts_from/ts_to (Unix seconds); ts_to must not be before ts_from. */
void readRange(FieldReader &q, bool required, qint64 &from, qint64 &to)
{
    if (required) {
        from = q.requireInt(QStringLiteral("ts_from"), 0);
        to = q.requireInt(QStringLiteral("ts_to"), 0);
    } else {
        if (auto f = q.optInt(QStringLiteral("ts_from"), 0))
            from = *f;
        if (auto t = q.optInt(QStringLiteral("ts_to"), 0))
            to = *t;
    }
    if (q.isValid() && to < from)
        q.fail(QStringLiteral("ts_to"), QStringLiteral("ts_to must not be before ts_from"),
               QStringLiteral("value_error"));
}

/** Verifies the signed URL of an archive resource; 403 when tampered with or expired. */
Status checkSignature(services::Backend &backend, const HttpRequest &req, const QString &resource)
{
    return backend.urlSigner().verify(resource, req.query.queryItemValue(QStringLiteral("expires")),
                                      req.query.queryItemValue(QStringLiteral("signature")),
                                      backend.clock().nowSecs());
}

/** A byte range of a file: RFC 9110 single ranges ("bytes=a-b", "a-", "-n"). */
struct ByteRange
{
    qint64 first = 0;
    qint64 last = 0; ///< inclusive
};
std::optional<ByteRange> parseRange(const QByteArray &header, qint64 size, bool *unsatisfiable)
{
    *unsatisfiable = false;
    if (!header.startsWith("bytes=") || header.contains(','))
        return std::nullopt; // absent, another unit, or several ranges: answer the whole file
    const QByteArray spec = header.mid(6).trimmed();
    const qsizetype dash = spec.indexOf('-');
    if (dash < 0)
        return std::nullopt;
    bool okFirst = false, okLast = false;
    const QByteArray a = spec.left(dash).trimmed(), b = spec.mid(dash + 1).trimmed();
    ByteRange r;
    if (a.isEmpty()) {
        const qint64 suffix = b.toLongLong(&okLast);
        if (!okLast || suffix <= 0) {
            *unsatisfiable = !okLast ? false : true;
            return std::nullopt;
        }
        r.first = qMax<qint64>(0, size - suffix);
        r.last = size - 1;
    } else {
        r.first = a.toLongLong(&okFirst);
        if (!okFirst)
            return std::nullopt;
        r.last = b.isEmpty() ? size - 1 : b.toLongLong(&okLast);
        if (!b.isEmpty() && !okLast)
            return std::nullopt;
        if (r.last >= size)
            r.last = size - 1;
    }
    if (size == 0 || r.first >= size || r.first > r.last) {
        *unsatisfiable = true;
        return std::nullopt;
    }
    return r;
}

HttpResponse servePlaylist(services::Backend &backend, const HttpRequest &req,
                           const QString &streamId, qint64 fromSecs, qint64 toSecs)
{
    const qint64 fromMs = fromSecs * 1000, toMs = toSecs * 1000;
    auto segments
            = storage::ArchiveRepository(backend.db()).segments(streamId, fromMs, toMs, 1'000'000);
    if (!segments)
        return HttpResponse::fromError(segments.error());
    qint64 totalMs = 0, longestMs = 1000;
    for (const ArchiveSegment &s : std::as_const(*segments)) {
        totalMs += s.endMs - s.startMs;
        longestMs = qMax(longestMs, s.endMs - s.startMs);
    }
    const qint64 now = backend.clock().nowSecs();
    const qint64 expires = now
                           + qBound(kUrlLifetimeSecs, totalMs / 1000 + kUrlLifetimeSecs,
                                    kMaxPlaylistUrlLifetimeSecs);
    const QString base = origin(req);
    QByteArray m3u8;
    m3u8.reserve(256 + segments->size() * 160);
    m3u8 += "#EXTM3U\n#EXT-X-VERSION:3\n";
    m3u8 += "#EXT-X-TARGETDURATION:" + QByteArray::number((longestMs + 999) / 1000) + '\n';
    m3u8 += "#EXT-X-MEDIA-SEQUENCE:0\n#EXT-X-PLAYLIST-TYPE:VOD\n";
    qint64 previousEnd = -1;
    for (const ArchiveSegment &s : std::as_const(*segments)) {
        // Every segment file starts its own timestamps; a gap in the recording is a
        // discontinuity too. Players reset their clocks at each tag.
        if (previousEnd >= 0)
            m3u8 += "#EXT-X-DISCONTINUITY\n";
        m3u8 += "#EXT-X-PROGRAM-DATE-TIME:"
                + QDateTime::fromMSecsSinceEpoch(s.startMs, Qt::UTC)
                          .toString(Qt::ISODateWithMs)
                          .toLatin1()
                + '\n';
        m3u8 += "#EXTINF:" + QByteArray::number(double(s.endMs - s.startMs) / 1000.0, 'f', 3)
                + ",\n";
        m3u8 += (base + signedSegment(backend, s.id, expires).url).toUtf8() + '\n';
        previousEnd = s.endMs;
    }
    m3u8 += "#EXT-X-ENDLIST\n";
    return HttpResponse::bytes(std::move(m3u8), QByteArrayLiteral("application/vnd.apple.mpegurl"));
}

} // namespace

void registerSegmentsRoutes(ApiHttpServer &http, services::Backend &backend)
{
    Router &r = http.router();

    r.add(QStringLiteral("GET"), QStringLiteral("/api/v1/segments"),
          Access::need(QStringLiteral("segment_read")), [&backend](HttpRequest &req) -> HttpReply {
              FieldReader q = FieldReader::query(req);
              const QString streamId = q.requireUuid(QStringLiteral("stream_id"));
              qint64 from = 0, to = 0;
              readRange(q, true, from, to);
              if (!q.isValid())
                  return q.error();
              // An unknown stream, or another organization's, simply has no segments: the
              // seed documents no 404 here.
              // A day holds 8,640 segments: the JSON is written directly. Every string in it is
              // URL-safe (digits, base64url, a checked host), so nothing needs escaping.
              QByteArray body = QByteArrayLiteral("{\"segments\":[");
              if (backend.streams().resolve(req.who(), streamId)) {
                  auto segments = storage::ArchiveRepository(backend.db())
                                          .segments(streamId, from * 1000, to * 1000, 1'000'000);
                  if (!segments)
                      return segments.error();
                  const qint64 expires = backend.clock().nowSecs() + kUrlLifetimeSecs;
                  const QByteArray base = origin(req).toLatin1();
                  body.reserve(body.size() + segments->size() * (base.size() + 200));
                  bool first = true;
                  for (const ArchiveSegment &s : std::as_const(*segments)) {
                      const auto url = signedSegment(backend, s.id, expires);
                      if (!first)
                          body += ',';
                      first = false;
                      body += "{\"segment_url\":\"" + base + url.url.toLatin1()
                              + "\",\"ts_start\":" + QByteArray::number(floorSecs(s.startMs))
                              + ",\"ts_end\":" + QByteArray::number(ceilSecs(s.endMs))
                              + ",\"signature\":\"" + url.signature.toLatin1() + "\"}";
                  }
              }
              body += "]}";
              return HttpResponse::bytes(std::move(body), QByteArrayLiteral("application/json"));
          });

    r.add(QStringLiteral("GET"), QStringLiteral("/api/v1/segments/index"),
          Access::need(QStringLiteral("segment_read")), [&backend](HttpRequest &req) -> HttpReply {
              FieldReader q = FieldReader::query(req);
              const QString streamId = q.requireUuid(QStringLiteral("stream_id"));
              const qint64 now = backend.clock().nowSecs();
              qint64 from = now - kDefaultIndexSpanSecs, to = now;
              readRange(q, false, from, to);
              if (!q.isValid())
                  return q.error();
              if (auto ref = backend.streams().resolve(req.who(), streamId); !ref)
                  return ref.error();
              const auto url = backend.urlSigner().sign(playlistResource(streamId, from, to),
                                                        now + kUrlLifetimeSecs);
              return HttpResponse::json(
                      QJsonObject{{QStringLiteral("index_url"), QString(origin(req) + url.url)},
                                  {QStringLiteral("signature"), url.signature}});
          });

    r.add(QStringLiteral("GET"), QStringLiteral("/api/v1/archive/streams/{stream_id}/index.m3u8"),
          Access::need(QStringLiteral("segment_read")), [&backend](HttpRequest &req) -> HttpReply {
              auto streamId = pathUuid(req, 0, QStringLiteral("stream_id"));
              if (!streamId)
                  return streamId.error();
              bool okFrom = false, okTo = false;
              const qint64 from
                      = req.query.queryItemValue(QStringLiteral("ts_from")).toLongLong(&okFrom);
              const qint64 to = req.query.queryItemValue(QStringLiteral("ts_to")).toLongLong(&okTo);
              if (!okFrom || !okTo)
                  return Error::denied(QStringLiteral("The URL signature is not valid"));
              if (Status s = checkSignature(backend, req, playlistResource(*streamId, from, to));
                  !s)
                  return s.error();
              if (auto ref = backend.streams().resolve(req.who(), *streamId); !ref)
                  return ref.error();
              return servePlaylist(backend, req, *streamId, from, to);
          });

    r.add(QStringLiteral("GET"),
          QStringLiteral("/api/v1/archive/signed/{expires}/{signature}/segments/{segment_file}"),
          Access::need(QStringLiteral("segment_read")), [&backend](HttpRequest &req) -> HttpReply {
              const QString file = req.pathArgs.value(2);
              bool okId = false;
              const qint64 id
                      = file.endsWith(QLatin1String(".ts")) ? file.chopped(3).toLongLong(&okId) : 0;
              if (!okId || id <= 0)
                  return Error::notFound(QStringLiteral("Not Found"));
              if (Status s
                  = backend.urlSigner().verify(segmentResource(id), req.pathArgs.value(0),
                                               req.pathArgs.value(1), backend.clock().nowSecs());
                  !s)
                  return s.error();
              const QByteArray rangeHeader = req.header(QByteArrayLiteral("Range"));
              return HttpReply::deferred([&backend, id, rangeHeader,
                                          who = req.who()]() -> HttpResponse {
                  auto segment = storage::ArchiveRepository(backend.db()).findSegment(id);
                  if (!segment)
                      return HttpResponse::fromError(segment.error());
                  if (!*segment || !backend.streams().resolve(who, (*segment)->streamId))
                      return HttpResponse::fromError(
                              Error::notFound(QStringLiteral("Segment not found")));
                  QFile file(backend.streams().segmentFilePath(**segment));
                  if (!file.open(QIODevice::ReadOnly))
                      return HttpResponse::fromError(Error::notFound(
                              QStringLiteral("The segment was removed from the archive")));
                  const qint64 size = file.size();
                  bool unsatisfiable = false;
                  const auto range = parseRange(rangeHeader, size, &unsatisfiable);
                  const QByteArray type = QByteArrayLiteral("video/mp2t");
                  if (unsatisfiable) {
                      HttpResponse r = HttpResponse::bytes({}, type, 416);
                      r.headers.append({QByteArrayLiteral("Content-Range"),
                                        "bytes */" + QByteArray::number(size)});
                      return r;
                  }
                  HttpResponse r;
                  if (range) {
                      file.seek(range->first);
                      r = HttpResponse::bytes(file.read(range->last - range->first + 1), type, 206);
                      r.headers.append({QByteArrayLiteral("Content-Range"),
                                        "bytes " + QByteArray::number(range->first) + '-'
                                                + QByteArray::number(range->last) + '/'
                                                + QByteArray::number(size)});
                  } else {
                      r = HttpResponse::bytes(file.readAll(), type);
                  }
                  r.headers.append(
                          {QByteArrayLiteral("Accept-Ranges"), QByteArrayLiteral("bytes")});
                  // Segments never change once written.
                  r.headers.append({QByteArrayLiteral("Cache-Control"),
                                    QByteArrayLiteral("private, max-age=3600, immutable")});
                  return r;
              });
          });
}

} // namespace vms::server
