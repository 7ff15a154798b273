#include "server/http/request_reader.h"

#include "core/domain/time_format.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonParseError>
#include <QUuid>

#include <cmath>

namespace vms::server {

FieldReader::FieldReader(Source source, QString locRoot)
    : m_source(source)
    , m_locRoot(std::move(locRoot))
{}

FieldReader FieldReader::body(const HttpRequest &req)
{
    FieldReader r(Source::Body, QStringLiteral("body"));
    if (req.body.trimmed().isEmpty()) {
        r.m_error.fields.append({{QStringLiteral("body")},
                                 QStringLiteral("field required"),
                                 QStringLiteral("value_error.missing")});
        return r;
    }
    QJsonParseError err;
    const QJsonDocument doc = QJsonDocument::fromJson(req.body, &err);
    if (err.error != QJsonParseError::NoError) {
        // QJsonDocument refuses a scalar at the top level, but "text", 1, true and null are valid
        // JSON (RFC 8259): such a body is of the wrong type, not undecodable.
        QJsonParseError wrappedErr;
        const QJsonDocument wrapped = QJsonDocument::fromJson('[' + req.body + ']', &wrappedErr);
        if (wrappedErr.error == QJsonParseError::NoError && wrapped.array().size() == 1) {
            r.m_error.fields.append({{QStringLiteral("body")},
                                     QStringLiteral("value is not a valid dict"),
                                     QStringLiteral("type_error.dict")});
            return r;
        }
        r.m_error.fields.append({{QStringLiteral("body"), QString::number(err.offset)},
                                 QStringLiteral("Expecting value: ") + err.errorString(),
                                 QStringLiteral("value_error.jsondecode")});
        return r;
    }
    if (!doc.isObject()) {
        r.m_error.fields.append({{QStringLiteral("body")},
                                 QStringLiteral("value is not a valid dict"),
                                 QStringLiteral("type_error.dict")});
        return r;
    }
    r.m_json = doc.object();
    return r;
}

FieldReader FieldReader::form(const HttpRequest &req)
{
    FieldReader r(Source::Form, QStringLiteral("body"));
    // '+' means space in forms; QUrlQuery leaves it alone, so translate before decoding.
    QByteArray raw = req.body;
    raw.replace('+', ' ');
    r.m_pairs.setQuery(QString::fromUtf8(raw));
    return r;
}

FieldReader FieldReader::query(const HttpRequest &req)
{
    FieldReader r(Source::Query, QStringLiteral("query"));
    r.m_pairs = req.query;
    return r;
}

void FieldReader::fail(const QString &name, const QString &msg, const QString &type)
{
    m_error.fields.append({{m_locRoot, name}, msg, type});
}

bool FieldReader::has(const QString &name) const
{
    if (m_source == Source::Body)
        return m_json.contains(name) && !m_json.value(name).isNull();
    return m_pairs.hasQueryItem(name);
}

std::optional<QString> FieldReader::rawString(const QString &name, bool *isWrongType)
{
    *isWrongType = false;
    if (m_source == Source::Body) {
        const QJsonValue v = m_json.value(name);
        if (v.isUndefined() || v.isNull())
            return std::nullopt;
        if (!v.isString()) {
            *isWrongType = true;
            return std::nullopt;
        }
        return v.toString();
    }
    if (!m_pairs.hasQueryItem(name))
        return std::nullopt;
    return m_pairs.queryItemValue(name, QUrl::FullyDecoded);
}

QStringList FieldReader::rawList(const QString &name) const
{
    return m_pairs.allQueryItemValues(name, QUrl::FullyDecoded);
}

std::optional<QString> FieldReader::optString(const QString &name, int minLen, int maxLen)
{
    bool wrongType = false;
    auto v = rawString(name, &wrongType);
    if (wrongType) {
        fail(name, QStringLiteral("str type expected"), QStringLiteral("type_error.str"));
        return std::nullopt;
    }
    if (!v)
        return std::nullopt;
    if (v->size() < minLen) {
        fail(name, QStringLiteral("ensure this value has at least %1 characters").arg(minLen),
             QStringLiteral("value_error.any_str.min_length"));
        return std::nullopt;
    }
    if (maxLen >= 0 && v->size() > maxLen) {
        fail(name, QStringLiteral("ensure this value has at most %1 characters").arg(maxLen),
             QStringLiteral("value_error.any_str.max_length"));
        return std::nullopt;
    }
    return v;
}

QString FieldReader::requireString(const QString &name, int minLen, int maxLen)
{
    bool wrongType = false;
    rawString(name, &wrongType);
    if (!wrongType && !has(name)) {
        fail(name, QStringLiteral("field required"), QStringLiteral("value_error.missing"));
        return {};
    }
    return optString(name, minLen, maxLen).value_or(QString());
}

std::optional<qint64> FieldReader::optInt(const QString &name, std::optional<qint64> min,
                                          std::optional<qint64> max)
{
    if (!has(name))
        return std::nullopt;
    qint64 value = 0;
    bool ok = false;
    if (m_source == Source::Body) {
        const QJsonValue v = m_json.value(name);
        const double d = v.toDouble();
        ok = v.isDouble() && d == double(qint64(d));
        value = qint64(d);
    } else {
        value = m_pairs.queryItemValue(name, QUrl::FullyDecoded).trimmed().toLongLong(&ok);
    }
    if (!ok) {
        fail(name, QStringLiteral("value is not a valid integer"),
             QStringLiteral("type_error.integer"));
        return std::nullopt;
    }
    if (min && value < *min) {
        fail(name, QStringLiteral("ensure this value is greater than or equal to %1").arg(*min),
             QStringLiteral("value_error.number.not_ge"));
        return std::nullopt;
    }
    if (max && value > *max) {
        fail(name, QStringLiteral("ensure this value is less than or equal to %1").arg(*max),
             QStringLiteral("value_error.number.not_le"));
        return std::nullopt;
    }
    return value;
}

qint64 FieldReader::requireInt(const QString &name, std::optional<qint64> min,
                               std::optional<qint64> max)
{
    if (!has(name)) {
        fail(name, QStringLiteral("field required"), QStringLiteral("value_error.missing"));
        return 0;
    }
    return optInt(name, min, max).value_or(0);
}

std::optional<double> FieldReader::optNumber(const QString &name)
{
    if (!has(name))
        return std::nullopt;
    double value = 0;
    bool ok = false;
    if (m_source == Source::Body) {
        const QJsonValue v = m_json.value(name);
        ok = v.isDouble() && std::isfinite(v.toDouble());
        value = v.toDouble();
    } else {
        value = m_pairs.queryItemValue(name, QUrl::FullyDecoded).trimmed().toDouble(&ok);
        ok = ok && std::isfinite(value);
    }
    if (!ok) {
        fail(name, QStringLiteral("value is not a valid float"),
             QStringLiteral("type_error.float"));
        return std::nullopt;
    }
    return value;
}

double FieldReader::requireNumber(const QString &name)
{
    if (!has(name)) {
        fail(name, QStringLiteral("field required"), QStringLiteral("value_error.missing"));
        return 0;
    }
    return optNumber(name).value_or(0);
}

std::optional<QString> FieldReader::optEnum(const QString &name, const QStringList &allowed)
{
    auto v = optString(name);
    if (!v)
        return std::nullopt;
    if (!allowed.contains(*v)) {
        fail(name,
             QStringLiteral("value is not a valid enumeration member; permitted: ")
                     + allowed.join(QStringLiteral(", ")),
             QStringLiteral("type_error.enum"));
        return std::nullopt;
    }
    return v;
}

std::optional<qint64> FieldReader::optDateTime(const QString &name)
{
    auto v = optString(name);
    if (!v)
        return std::nullopt;
    auto ms = msFromIso(v->trimmed());
    if (!ms) {
        fail(name, QStringLiteral("invalid datetime format"),
             QStringLiteral("value_error.datetime"));
        return std::nullopt;
    }
    return ms;
}

std::optional<bool> FieldReader::optBool(const QString &name)
{
    if (!has(name))
        return std::nullopt;
    if (m_source == Source::Body) {
        const QJsonValue v = m_json.value(name);
        if (v.isBool())
            return v.toBool();
    } else {
        // The spellings pydantic accepts for a bool.
        const QString v = m_pairs.queryItemValue(name, QUrl::FullyDecoded).trimmed().toLower();
        static const QStringList yes{QStringLiteral("true"), QStringLiteral("1"),
                                     QStringLiteral("yes"), QStringLiteral("on")};
        static const QStringList no{QStringLiteral("false"), QStringLiteral("0"),
                                    QStringLiteral("no"), QStringLiteral("off")};
        if (yes.contains(v))
            return true;
        if (no.contains(v))
            return false;
    }
    fail(name, QStringLiteral("value could not be parsed to a boolean"),
         QStringLiteral("type_error.bool"));
    return std::nullopt;
}

QList<qint64> FieldReader::requireIntList(const QString &name, int minItems, int maxItems)
{
    QList<qint64> out;
    if (!has(name)) {
        fail(name, QStringLiteral("field required"), QStringLiteral("value_error.missing"));
        return out;
    }
    const QJsonValue v = m_json.value(name);
    if (m_source != Source::Body || !v.isArray()) {
        fail(name, QStringLiteral("value is not a valid list"), QStringLiteral("type_error.list"));
        return out;
    }
    const QJsonArray items = v.toArray();
    bool isValid = true;
    for (qsizetype i = 0; i < items.size(); ++i) {
        const QJsonValue item = items.at(i);
        const double d = item.toDouble();
        if (!item.isDouble() || d != double(qint64(d))) {
            m_error.fields.append({{m_locRoot, name, QString::number(i)},
                                   QStringLiteral("value is not a valid integer"),
                                   QStringLiteral("type_error.integer")});
            isValid = false;
            continue;
        }
        out.append(qint64(d));
    }
    if (items.size() < minItems) {
        fail(name, QStringLiteral("ensure this value has at least %1 items").arg(minItems),
             QStringLiteral("value_error.list.min_items"));
        isValid = false;
    } else if (maxItems >= 0 && items.size() > maxItems) {
        fail(name, QStringLiteral("ensure this value has at most %1 items").arg(maxItems),
             QStringLiteral("value_error.list.max_items"));
        isValid = false;
    }
    return isValid ? out : QList<qint64>();
}

QList<qint64> FieldReader::intList(const QString &name)
{
    QList<qint64> out;
    for (const QString &s : rawList(name)) {
        bool ok = false;
        const qint64 v = s.trimmed().toLongLong(&ok);
        if (!ok) {
            fail(name, QStringLiteral("value is not a valid integer"),
                 QStringLiteral("type_error.integer"));
            continue;
        }
        out.append(v);
    }
    return out;
}

QStringList FieldReader::enumList(const QString &name, const QStringList &allowed)
{
    QStringList out;
    for (const QString &s : rawList(name)) {
        if (!allowed.contains(s)) {
            fail(name, QStringLiteral("value is not a valid enumeration member"),
                 QStringLiteral("type_error.enum"));
            continue;
        }
        out.append(s);
    }
    return out;
}

Result<qint64> pathInt(const HttpRequest &req, int index, const QString &name)
{
    bool ok = false;
    const qint64 v = req.pathArgs.value(index).toLongLong(&ok);
    if (!ok) {
        return Error::validation({QStringLiteral("path"), name},
                                 QStringLiteral("value is not a valid integer"),
                                 QStringLiteral("type_error.integer"));
    }
    return v;
}

namespace {

/** The canonical form of a 36-character UUID; empty when `raw` is not one. */
QString canonicalUuid(const QString &raw)
{
    const QUuid uuid = QUuid::fromString(raw);
    if (uuid.isNull() || raw.size() != 36)
        return {};
    return uuid.toString(QUuid::WithoutBraces);
}

const QString kNotAUuid = QStringLiteral("value is not a valid uuid");
const QString kUuidType = QStringLiteral("type_error.uuid");

} // namespace

QString FieldReader::requireUuid(const QString &name)
{
    const QString raw = requireString(name);
    if (!has(name))
        return {};
    const QString uuid = canonicalUuid(raw);
    if (uuid.isEmpty())
        fail(name, kNotAUuid, kUuidType);
    return uuid;
}

Result<QString> pathUuid(const HttpRequest &req, int index, const QString &name)
{
    const QString uuid = canonicalUuid(req.pathArgs.value(index));
    if (uuid.isEmpty())
        return Error::validation({QStringLiteral("path"), name}, kNotAUuid, kUuidType);
    return uuid;
}

PageParams readPage(FieldReader &query)
{
    PageParams p;
    p.cursor = query.optString(QStringLiteral("cursor"), 1, 512);
    p.limit = int(query.optInt(QStringLiteral("limit"), 10, 1000).value_or(100));
    return p;
}

} // namespace vms::server
