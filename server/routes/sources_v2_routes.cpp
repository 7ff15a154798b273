// Seed 003: /api/v2/sources, with its own {meta: {code, rid, time}, response} envelope.
// Seed 003 documents no errors; ours keep the envelope: {meta, response: {}, error: {status,
// detail}}.
#include "core/services/backend.h"
#include "core/services/source_service.h"
#include "server/http/api_http_server.h"
#include "server/http/request_reader.h"
#include "server/routes/routes.h"

#include <QElapsedTimer>
#include <QJsonParseError>
#include <QUuid>

namespace vms::server {

namespace {

const QStringList kOrderColumns
        = {QStringLiteral("who"), QStringLiteral("svcid"), QStringLiteral("caption"),
           QStringLiteral("created"), QStringLiteral("updated")};

/** Measures the handler, for meta.time (milliseconds as a decimal string, like the seed). */
class Envelope
{
public:
    Envelope() { m_timer.start(); }

    HttpResponse ok(const QJsonObject &response) const
    {
        return HttpResponse::json(QJsonObject{{QStringLiteral("meta"), meta(200)},
                                              {QStringLiteral("response"), response}});
    }

    HttpResponse error(const Error &e) const
    {
        int code = 500;
        QString status = QStringLiteral("internal_error");
        switch (e.kind) {
        case ErrorKind::InvalidArgument:
        case ErrorKind::Validation:
            code = 400;
            status = QStringLiteral("invalid_request");
            break;
        case ErrorKind::NotFound:
            code = 404;
            status = QStringLiteral("not_found");
            break;
        case ErrorKind::Conflict:
            code = 409;
            status = QStringLiteral("conflict");
            break;
        case ErrorKind::Unavailable:
        case ErrorKind::Timeout:
            code = 503;
            status = QStringLiteral("temporarily_unavailable");
            break;
        default:
            break;
        }
        QJsonObject err{{QStringLiteral("status"), status},
                        {QStringLiteral("detail"),
                         code == 500 ? QStringLiteral("Internal server error") : e.message}};
        if (!e.fields.isEmpty()) {
            QJsonArray fields;
            for (const FieldError &f : e.fields) {
                fields.append(
                        QJsonObject{{QStringLiteral("loc"), QJsonArray::fromStringList(f.loc)},
                                    {QStringLiteral("msg"), f.msg},
                                    {QStringLiteral("type"), f.type}});
            }
            err.insert(QStringLiteral("fields"), fields);
        }
        return HttpResponse::json(QJsonObject{{QStringLiteral("meta"), meta(code)},
                                              {QStringLiteral("response"), QJsonObject{}},
                                              {QStringLiteral("error"), err}},
                                  code);
    }

private:
    QJsonObject meta(int code) const
    {
        return {{QStringLiteral("code"), code},
                {QStringLiteral("rid"), QUuid::createUuid().toString(QUuid::WithoutBraces)},
                {QStringLiteral("time"), QString::number(m_timer.nsecsElapsed() / 1e6, 'f', 3)}};
    }
    QElapsedTimer m_timer;
};

QJsonObject sourceJson(const storage::Source &s)
{
    return {{QStringLiteral("who"), s.who},
            {QStringLiteral("caption"), s.caption},
            {QStringLiteral("svcid"), s.svcid},
            {QStringLiteral("lid"), s.lid},
            {QStringLiteral("created"), s.createdSecs},
            {QStringLiteral("updated"), s.updatedSecs}};
}

/** The body as an object; an empty body counts as {}. */
Result<QJsonObject> bodyObject(const HttpRequest &req)
{
    if (req.body.trimmed().isEmpty())
        return QJsonObject{};
    QJsonParseError err;
    const QJsonDocument doc = QJsonDocument::fromJson(req.body, &err);
    if (err.error != QJsonParseError::NoError || !doc.isObject())
        return Error::invalid(QStringLiteral("The body must be a JSON object"));
    return doc.object();
}

void fail(Error &e, const QString &field, const QString &msg, const QString &type)
{
    e.kind = ErrorKind::Validation;
    e.message = QStringLiteral("Invalid request body");
    e.fields.append({{QStringLiteral("body"), field}, msg, type});
}

QStringList stringArray(const QJsonObject &o, const QString &name, Error &e)
{
    QStringList out;
    const QJsonValue v = o.value(name);
    if (v.isUndefined() || v.isNull())
        return out;
    if (!v.isArray()) {
        fail(e, name, QStringLiteral("value is not a valid list"),
             QStringLiteral("type_error.list"));
        return out;
    }
    for (const QJsonValue &item : v.toArray()) {
        if (!item.isString()) {
            fail(e, name, QStringLiteral("list items must be strings"),
                 QStringLiteral("type_error.str"));
            return {};
        }
        out.append(item.toString());
    }
    return out;
}

std::optional<qint64> integer(const QJsonObject &o, const QString &name, qint64 min, qint64 max,
                              Error &e)
{
    const QJsonValue v = o.value(name);
    if (v.isUndefined() || v.isNull())
        return std::nullopt;
    const double d = v.toDouble();
    if (!v.isDouble() || d != double(qint64(d))) {
        fail(e, name, QStringLiteral("value is not a valid integer"),
             QStringLiteral("type_error.integer"));
        return std::nullopt;
    }
    if (d < double(min) || d > double(max)) {
        fail(e, name, QStringLiteral("value must be between %1 and %2").arg(min).arg(max),
             QStringLiteral("value_error.number.range"));
        return std::nullopt;
    }
    return qint64(d);
}

std::optional<QString> text(const QJsonObject &o, const QString &name, Error &e)
{
    const QJsonValue v = o.value(name);
    if (v.isUndefined() || v.isNull())
        return std::nullopt;
    if (!v.isString()) {
        fail(e, name, QStringLiteral("str type expected"), QStringLiteral("type_error.str"));
        return std::nullopt;
    }
    if (v.toString().size() > services::SourceService::kMaxFieldLength) {
        fail(e, name, QStringLiteral("ensure this value has at most 255 characters"),
             QStringLiteral("value_error.any_str.max_length"));
        return std::nullopt;
    }
    return v.toString();
}

} // namespace

void registerSourcesV2Routes(ApiHttpServer &http, services::Backend &backend)
{
    Router &r = http.router();

    r.add(QStringLiteral("POST"), QStringLiteral("/api/v2/sources/list"),
          Access::need(QStringLiteral("camera_read")), [&backend](HttpRequest &req) -> HttpReply {
              const Envelope env;
              auto body = bodyObject(req);
              if (!body)
                  return env.error(body.error());
              Error e{ErrorKind::Validation, {}, {}, {}};
              storage::SourceQuery q;
              q.who = stringArray(*body, QStringLiteral("who"), e);
              q.lid = stringArray(*body, QStringLiteral("lid"), e);
              q.svcid = stringArray(*body, QStringLiteral("svcid"), e);
              q.updatedFromSecs = integer(*body, QStringLiteral("updatedFrom"), 0, 1LL << 40, e);
              q.updatedToSecs = integer(*body, QStringLiteral("updatedTo"), 0, 1LL << 40, e);
              for (QString column : stringArray(*body, QStringLiteral("order"), e)) {
                  // The seed lists the keys as "-who", "-svcid"...; the dash reads as a bullet
                  // (orderDir gives the direction), so both spellings are accepted.
                  if (column.startsWith(QLatin1Char('-')))
                      column.remove(0, 1);
                  if (!kOrderColumns.contains(column)) {
                      fail(e, QStringLiteral("order"),
                           QStringLiteral("order items must be among who, svcid, caption, created, "
                                          "updated"),
                           QStringLiteral("type_error.enum"));
                      break;
                  }
                  if (!q.order.contains(column))
                      q.order.append(column);
              }
              if (auto dir = text(*body, QStringLiteral("orderDir"), e)) {
                  if (*dir != QLatin1String("asc") && *dir != QLatin1String("desc"))
                      fail(e, QStringLiteral("orderDir"),
                           QStringLiteral("orderDir must be asc or desc"),
                           QStringLiteral("type_error.enum"));
                  q.isDescending = *dir == QLatin1String("desc");
              }
              q.page = int(integer(*body, QStringLiteral("page"), 0, 1000000, e).value_or(0));
              q.pageSize
                      = int(integer(*body, QStringLiteral("pagesize"), 1, 1000, e).value_or(100));
              if (!e.fields.isEmpty())
                  return env.error(e);
              auto page = backend.sources().list(q);
              if (!page)
                  return env.error(page.error());
              QJsonArray items;
              for (const storage::Source &s : page->sources)
                  items.append(sourceJson(s));
              const qint64 pageCount = (page->total + q.pageSize - 1) / q.pageSize;
              const QJsonObject info{{QStringLiteral("page"), q.page},
                                     {QStringLiteral("pagecount"), pageCount},
                                     {QStringLiteral("pagesize"), q.pageSize},
                                     {QStringLiteral("total"), page->total}};
              return env.ok({{QStringLiteral("info"), info}, {QStringLiteral("sources"), items}});
          });

    r.add(QStringLiteral("GET"), QStringLiteral("/api/v2/sources/{who}"),
          Access::need(QStringLiteral("camera_read")), [&backend](HttpRequest &req) -> HttpReply {
              const Envelope env;
              auto source = backend.sources().get(req.pathArgs.value(0));
              if (!source)
                  return env.error(source.error());
              return env.ok({{QStringLiteral("source"), sourceJson(*source)}});
          });

    r.add(QStringLiteral("POST"), QStringLiteral("/api/v2/sources/new"),
          Access::need(QStringLiteral("camera_create")), [&backend](HttpRequest &req) -> HttpReply {
              const Envelope env;
              auto body = bodyObject(req);
              if (!body)
                  return env.error(body.error());
              Error e{ErrorKind::Validation, {}, {}, {}};
              const auto key = text(*body, QStringLiteral("who"), e);
              services::SourceFields f;
              f.caption = text(*body, QStringLiteral("caption"), e);
              f.svcid = text(*body, QStringLiteral("svcid"), e);
              f.lid = text(*body, QStringLiteral("lid"), e);
              if (!key && !body->contains(QStringLiteral("who")))
                  fail(e, QStringLiteral("who"), QStringLiteral("field required"),
                       QStringLiteral("value_error.missing"));
              if (!f.caption && !body->contains(QStringLiteral("caption")))
                  fail(e, QStringLiteral("caption"), QStringLiteral("field required"),
                       QStringLiteral("value_error.missing"));
              if (!e.fields.isEmpty())
                  return env.error(e);
              auto created = backend.sources().create(req.who(), *key, f, req.caller());
              if (!created)
                  return env.error(created.error());
              return env.ok({{QStringLiteral("who"), *created}});
          });

    r.add(QStringLiteral("POST"), QStringLiteral("/api/v2/sources/{who}/update"),
          Access::need(QStringLiteral("camera_update")), [&backend](HttpRequest &req) -> HttpReply {
              const Envelope env;
              auto body = bodyObject(req);
              if (!body)
                  return env.error(body.error());
              Error e{ErrorKind::Validation, {}, {}, {}};
              const QString key = req.pathArgs.value(0);
              if (const auto bodyKey = text(*body, QStringLiteral("who"), e);
                  bodyKey && *bodyKey != key)
                  return env.error(Error::invalid(QStringLiteral("who cannot be changed")));
              services::SourceFields f;
              f.caption = text(*body, QStringLiteral("caption"), e);
              f.svcid = text(*body, QStringLiteral("svcid"), e);
              f.lid = text(*body, QStringLiteral("lid"), e);
              if (!e.fields.isEmpty())
                  return env.error(e);
              if (Status s = backend.sources().update(req.who(), key, f, req.caller()); !s)
                  return env.error(s.error());
              return env.ok({});
          });

    r.add(QStringLiteral("POST"), QStringLiteral("/api/v2/sources/{who}/remove"),
          Access::need(QStringLiteral("camera_delete")), [&backend](HttpRequest &req) -> HttpReply {
              const Envelope env;
              if (Status s
                  = backend.sources().remove(req.who(), req.pathArgs.value(0), req.caller());
                  !s)
                  return env.error(s.error());
              // The seed answers a bare {} here, without the envelope.
              return HttpResponse::json(QJsonObject{});
          });
}

} // namespace vms::server
