// Seed 002 §25: uploads, and §25.4's face meta of a file (analysed, never stored).
#include "core/domain/time_format.h"
#include "core/services/backend.h"
#include "server/http/api_http_server.h"
#include "server/http/json_mapping.h"
#include "server/http/multipart.h"
#include "server/http/request_reader.h"
#include "server/routes/routes.h"

#include <cmath>

namespace vms::server {

namespace {

QJsonObject uploadJson(const Upload &u)
{
    QJsonObject o{{QStringLiteral("id"), u.id},
                  {QStringLiteral("kind"), u.kind},
                  {QStringLiteral("mime_type"), u.mimeType},
                  {QStringLiteral("created_at"), isoFromMs(u.createdAtMs)},
                  {QStringLiteral("url"), uploadContentUrl(u.id)}};
    if (u.originalId)
        o.insert(QStringLiteral("original_id"), *u.originalId);
    return o;
}

/** Two decimals are far below the detector's precision and keep the numbers short. */
double roundedPixels(double v)
{
    return std::round(v * 100.0) / 100.0;
}

QJsonObject faceMetaJson(const analytics::AnalyzedFace &face)
{
    const QRectF &r = face.detection.rect;
    QJsonArray landmarks;
    for (const QPointF &p : face.detection.landmarks) {
        landmarks.append(QJsonObject{{QStringLiteral("x"), roundedPixels(p.x())},
                                     {QStringLiteral("y"), roundedPixels(p.y())}});
    }
    const QJsonObject detection{{QStringLiteral("rect"),
                                 QJsonObject{{QStringLiteral("x_min"), roundedPixels(r.left())},
                                             {QStringLiteral("y_min"), roundedPixels(r.top())},
                                             {QStringLiteral("x_max"), roundedPixels(r.right())},
                                             {QStringLiteral("y_max"), roundedPixels(r.bottom())}}},
                                {QStringLiteral("landmarks"), landmarks}};
    const analytics::FaceDescriptor &d = face.descriptor;
    const QJsonObject descriptor{
            {QStringLiteral("data"), QString::fromLatin1(d.toBytes().toBase64())},
            {QStringLiteral("norm"), d.norm()},
            {QStringLiteral("version"), analytics::FaceDescriptor::kVersion}};
    return QJsonObject{{QStringLiteral("detection"), detection},
                       {QStringLiteral("descriptor"), descriptor}};
}

/** The quoted entity tag of an upload's content: its SHA-256. */
QByteArray etagOf(const Upload &u)
{
    return '"' + u.sha256.toLatin1() + '"';
}

bool matchesIfNoneMatch(const QByteArray &header, const QByteArray &etag)
{
    if (header.trimmed() == "*")
        return true;
    const QList<QByteArray> tags = header.split(',');
    for (QByteArray tag : tags) {
        tag = tag.trimmed();
        if (tag.startsWith("W/"))
            tag = tag.mid(2);
        if (tag == etag)
            return true;
    }
    return false;
}

} // namespace

void registerUploadsRoutes(ApiHttpServer &http, services::Backend &backend)
{
    Router &r = http.router();

    r.add(QStringLiteral("POST"), QStringLiteral("/api/v1/uploads"),
          Access::need(QStringLiteral("upload_create")), [&backend](HttpRequest &req) -> HttpReply {
              FieldReader q = FieldReader::query(req);
              if (!q.has(QStringLiteral("kind")))
                  q.fail(QStringLiteral("kind"), QStringLiteral("field required"),
                         QStringLiteral("value_error.missing"));
              const auto kind = q.optEnum(QStringLiteral("kind"), uploadKinds());

              auto boundary = multipartBoundary(req.header(QByteArrayLiteral("Content-Type")));
              if (!boundary)
                  return boundary.error();
              QList<QByteArray> files;
              if (*boundary) {
                  auto parts = parseMultipart(req.body, **boundary);
                  if (!parts)
                      return parts.error();
                  // Other form fields are ignored, as FastAPI ignores undeclared ones.
                  for (MultipartPart &part : *parts) {
                      if (part.name == "upload_data")
                          files.append(std::move(part.body));
                  }
              }
              Error invalid = q.error();
              if (files.isEmpty()) {
                  invalid.fields.append({{QStringLiteral("body"), QStringLiteral("upload_data")},
                                         QStringLiteral("field required"),
                                         QStringLiteral("value_error.missing")});
              }
              if (!invalid.fields.isEmpty())
                  return invalid;

              const services::Principal who = req.who();
              const services::CallerInfo caller = req.caller();
              // Decoding images and hashing take time: off the server thread.
              return HttpReply::deferred([&backend, who, caller, kind = *kind,
                                          files]() -> HttpResponse {
                  auto uploads = backend.uploads().create(who, kind, files, caller);
                  if (!uploads)
                      return HttpResponse::fromError(uploads.error());
                  QJsonArray items;
                  for (const Upload &u : std::as_const(*uploads))
                      items.append(uploadJson(u));
                  return HttpResponse::json(QJsonObject{{QStringLiteral("uploads"), items}});
              });
          });

    r.add(QStringLiteral("POST"), QStringLiteral("/api/v1/uploads/meta"),
          Access::need(QStringLiteral("upload_meta_read")),
          [&backend](HttpRequest &req) -> HttpReply {
              auto boundary = multipartBoundary(req.header(QByteArrayLiteral("Content-Type")));
              if (!boundary)
                  return boundary.error();
              QList<QByteArray> files;
              if (*boundary) {
                  auto parts = parseMultipart(req.body, **boundary);
                  if (!parts)
                      return parts.error();
                  for (MultipartPart &part : *parts) {
                      if (part.name == "upload_data")
                          files.append(std::move(part.body));
                  }
              }
              if (files.isEmpty()) {
                  return Error::validation({QStringLiteral("body"), QStringLiteral("upload_data")},
                                           QStringLiteral("field required"),
                                           QStringLiteral("value_error.missing"));
              }
              if (files.size() > 1)
                  return Error::invalid(QStringLiteral("Send one upload_data file per request"));
              // Decoding and two networks: off the request workers.
              return HttpReply::deferred([&backend, file = files.first()]() -> HttpResponse {
                  auto faces = backend.faceMeta().analyze(file);
                  if (!faces)
                      return HttpResponse::fromError(faces.error());
                  QJsonArray meta;
                  for (const analytics::AnalyzedFace &face : std::as_const(*faces))
                      meta.append(faceMetaJson(face));
                  return HttpResponse::json(QJsonObject{{QStringLiteral("meta"), meta}});
              });
          });

    r.add(QStringLiteral("GET"), QStringLiteral("/api/v1/uploads/{upload_id}"),
          Access::need(QStringLiteral("upload_read")), [&backend](HttpRequest &req) -> HttpReply {
              auto id = pathUuid(req, 0, QStringLiteral("upload_id"));
              if (!id)
                  return id.error();
              auto upload = backend.uploads().get(req.who(), *id);
              if (!upload)
                  return upload.error();
              return HttpResponse::json(uploadJson(*upload));
          });

    r.add(QStringLiteral("GET"), QStringLiteral("/api/v1/uploads/{upload_id}/content"),
          Access::need(QStringLiteral("upload_read")), [&backend](HttpRequest &req) -> HttpReply {
              auto id = pathUuid(req, 0, QStringLiteral("upload_id"));
              if (!id)
                  return id.error();
              const services::Principal who = req.who();
              const QByteArray ifNoneMatch = req.header(QByteArrayLiteral("If-None-Match"));
              return HttpReply::deferred([&backend, who, id = *id, ifNoneMatch]() -> HttpResponse {
                  auto upload = backend.uploads().get(who, id);
                  if (!upload)
                      return HttpResponse::fromError(upload.error());
                  const QByteArray etag = etagOf(*upload);
                  const QList<QPair<QByteArray, QByteArray>> cacheHeaders{
                          {QByteArrayLiteral("ETag"), etag},
                          // Private: the bytes are visible only to the organization.
                          {QByteArrayLiteral("Cache-Control"),
                           QByteArrayLiteral("private, max-age=3600")}};
                  if (!ifNoneMatch.isEmpty() && matchesIfNoneMatch(ifNoneMatch, etag)) {
                      HttpResponse r;
                      r.status = 304;
                      r.contentType.clear();
                      r.headers = cacheHeaders;
                      return r;
                  }
                  auto content = backend.uploads().content(who, id);
                  if (!content)
                      return HttpResponse::fromError(content.error());
                  HttpResponse r = HttpResponse::bytes(std::move(content->bytes),
                                                       upload->mimeType.toLatin1());
                  r.headers = cacheHeaders;
                  r.headers.append({QByteArrayLiteral("X-Content-Type-Options"),
                                    QByteArrayLiteral("nosniff")});
                  return r;
              });
          });
}

} // namespace vms::server
