#include "server/http/field_extras.h"

#include <QJsonArray>

#include <cmath>

namespace vms::server {

namespace {

QString notGe(double min)
{
    return QStringLiteral("ensure this value is greater than or equal to %1").arg(min);
}

QString notLe(double max)
{
    return QStringLiteral("ensure this value is less than or equal to %1").arg(max);
}

} // namespace

void FieldChecks::fail(const QStringList &loc, const QString &msg, const QString &type)
{
    m_extra.append({loc, msg, type});
}

Error FieldChecks::error() const
{
    Error e = m_reader.error();
    e.kind = ErrorKind::Validation;
    e.fields += m_extra;
    return e;
}

std::optional<bool> FieldChecks::queryBool(const HttpRequest &req, const QString &name)
{
    if (!req.query.hasQueryItem(name))
        return std::nullopt;
    const QString v = req.query.queryItemValue(name, QUrl::FullyDecoded).trimmed().toLower();
    static const QStringList yes{QStringLiteral("1"), QStringLiteral("true"),
                                 QStringLiteral("t"), QStringLiteral("yes"),
                                 QStringLiteral("y"), QStringLiteral("on")};
    static const QStringList no{QStringLiteral("0"), QStringLiteral("false"),
                                QStringLiteral("f"), QStringLiteral("no"),
                                QStringLiteral("n"), QStringLiteral("off")};
    if (yes.contains(v))
        return true;
    if (no.contains(v))
        return false;
    m_reader.fail(name, QStringLiteral("value could not be parsed to a boolean"),
                  QStringLiteral("type_error.bool"));
    return std::nullopt;
}

std::optional<double> FieldChecks::queryNumber(const HttpRequest &req, const QString &name,
                                               std::optional<double> min, std::optional<double> max)
{
    if (!req.query.hasQueryItem(name))
        return std::nullopt;
    bool ok = false;
    const double v = req.query.queryItemValue(name, QUrl::FullyDecoded).trimmed().toDouble(&ok);
    if (!ok || !std::isfinite(v)) {
        m_reader.fail(name, QStringLiteral("value is not a valid float"),
                      QStringLiteral("type_error.float"));
        return std::nullopt;
    }
    if (min && v < *min) {
        m_reader.fail(name, notGe(*min), QStringLiteral("value_error.number.not_ge"));
        return std::nullopt;
    }
    if (max && v > *max) {
        m_reader.fail(name, notLe(*max), QStringLiteral("value_error.number.not_le"));
        return std::nullopt;
    }
    return v;
}

std::optional<double> FieldChecks::bodyNumber(const QString &name, std::optional<double> min,
                                              std::optional<double> max)
{
    const QJsonValue v = m_reader.json().value(name);
    if (v.isUndefined() || v.isNull())
        return std::nullopt;
    if (!v.isDouble()) {
        m_reader.fail(name, QStringLiteral("value is not a valid float"),
                      QStringLiteral("type_error.float"));
        return std::nullopt;
    }
    const double d = v.toDouble();
    if (min && d < *min) {
        m_reader.fail(name, notGe(*min), QStringLiteral("value_error.number.not_ge"));
        return std::nullopt;
    }
    if (max && d > *max) {
        m_reader.fail(name, notLe(*max), QStringLiteral("value_error.number.not_le"));
        return std::nullopt;
    }
    return d;
}

std::optional<QJsonObject> FieldChecks::bodyObject(const QString &name)
{
    const QJsonValue v = m_reader.json().value(name);
    if (v.isUndefined() || v.isNull())
        return std::nullopt;
    if (!v.isObject()) {
        m_reader.fail(name, QStringLiteral("value is not a valid dict"),
                      QStringLiteral("type_error.dict"));
        return std::nullopt;
    }
    return v.toObject();
}

std::optional<QStringList> FieldChecks::bodyStringList(const QString &name, int minLen, int maxLen)
{
    const QJsonValue v = m_reader.json().value(name);
    if (v.isUndefined() || v.isNull())
        return std::nullopt;
    if (!v.isArray()) {
        m_reader.fail(name, QStringLiteral("value is not a valid list"),
                      QStringLiteral("type_error.list"));
        return std::nullopt;
    }
    QStringList out;
    bool isOk = true;
    const QJsonArray items = v.toArray();
    for (qsizetype i = 0; i < items.size(); ++i) {
        const QStringList loc{QStringLiteral("body"), name, QString::number(i)};
        const QJsonValue item = items.at(i);
        if (!item.isString()) {
            fail(loc, QStringLiteral("str type expected"), QStringLiteral("type_error.str"));
            isOk = false;
            continue;
        }
        const QString s = item.toString();
        if (s.size() < minLen) {
            fail(loc, QStringLiteral("ensure this value has at least %1 characters").arg(minLen),
                 QStringLiteral("value_error.any_str.min_length"));
            isOk = false;
        } else if (maxLen >= 0 && s.size() > maxLen) {
            fail(loc, QStringLiteral("ensure this value has at most %1 characters").arg(maxLen),
                 QStringLiteral("value_error.any_str.max_length"));
            isOk = false;
        }
        out.append(s);
    }
    if (!isOk)
        return std::nullopt;
    return out;
}

services::PageRequest FieldChecks::page()
{
    const PageParams params = readPage(m_reader);
    services::PageRequest out;
    out.limit = params.limit;
    if (params.cursor) {
        out.after = storage::PageCursor::decode(*params.cursor);
        if (!out.after)
            m_reader.fail(QStringLiteral("cursor"), QStringLiteral("invalid cursor"),
                          QStringLiteral("value_error.cursor"));
    }
    return out;
}

} // namespace vms::server
