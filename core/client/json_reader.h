#pragma once

#include "core/domain/error.h"
#include "core/domain/result.h"

#include <QDateTime>
#include <QJsonArray>
#include <QJsonObject>
#include <QJsonValue>
#include <QLatin1String>
#include <QList>
#include <QString>
#include <QStringList>

#include <optional>

// Parsing helpers shared by the DTO files of the client; not part of the client's API.
namespace vms::client::detail {

/**
 * Reads one JSON object and remembers the first missing or mistyped field, so that a reply that
 * does not match the contract becomes one clear error instead of silently empty fields. A JSON
 * null counts as absent.
 */
class JsonReader
{
public:
    JsonReader(const QJsonObject &json, QLatin1String typeName)
        : m_json(json)
        , m_typeName(typeName)
    {}

    QString string(QLatin1String key, bool required = true)
    {
        return value(key, required, QJsonValue::String).toString();
    }
    qint64 integer(QLatin1String key, bool required = true)
    {
        const QJsonValue v = value(key, required, QJsonValue::Double);
        if (v.isDouble() && v.toDouble() != double(v.toInteger()))
            fail(QStringLiteral("'%1' is not an integer").arg(key));
        return v.toInteger();
    }
    std::optional<qint64> optionalInteger(QLatin1String key)
    {
        if (!has(key))
            return std::nullopt;
        return integer(key);
    }
    double number(QLatin1String key, bool required = true)
    {
        return value(key, required, QJsonValue::Double).toDouble();
    }
    std::optional<double> optionalNumber(QLatin1String key)
    {
        if (!has(key))
            return std::nullopt;
        return number(key);
    }
    bool boolean(QLatin1String key, bool required = true)
    {
        return value(key, required, QJsonValue::Bool).toBool();
    }
    QJsonObject object(QLatin1String key, bool required = true)
    {
        return value(key, required, QJsonValue::Object).toObject();
    }
    QJsonArray array(QLatin1String key, bool required = true)
    {
        return value(key, required, QJsonValue::Array).toArray();
    }
    /** An array whose items must all be strings. */
    QStringList stringList(QLatin1String key, bool required = true)
    {
        QStringList out;
        const QJsonArray items = array(key, required);
        for (const QJsonValue &item : items) {
            if (!item.isString()) {
                fail(QStringLiteral("'%1' holds a non-string item").arg(key));
                return {};
            }
            out.append(item.toString());
        }
        return out;
    }
    /** An ISO 8601 date-time string, returned in UTC. */
    QDateTime dateTime(QLatin1String key, bool required = true)
    {
        const QString text = string(key, required);
        if (text.isEmpty())
            return {};
        QDateTime when = QDateTime::fromString(text, Qt::ISODateWithMs);
        if (!when.isValid()) {
            fail(QStringLiteral("'%1' is not an ISO 8601 date-time").arg(key));
            return {};
        }
        return when.toUTC();
    }
    bool has(QLatin1String key) const
    {
        const QJsonValue v = m_json.value(key);
        return !v.isUndefined() && !v.isNull();
    }

    void fail(const QString &what)
    {
        if (!m_error)
            m_error = Error::internal(
                    QStringLiteral("malformed %1 in server reply: %2").arg(m_typeName, what));
    }
    bool ok() const { return !m_error.has_value(); }
    const Error &error() const { return *m_error; }

    /** Parses every item of the array @p key with T::fromJson; the first failure fails all. */
    template<typename T>
    QList<T> list(QLatin1String key, bool required = true)
    {
        QList<T> out;
        const QJsonArray items = array(key, required);
        out.reserve(items.size());
        for (const QJsonValue &item : items) {
            if (!item.isObject()) {
                fail(QStringLiteral("'%1' holds an item that is not an object").arg(key));
                return {};
            }
            Result<T> parsed = T::fromJson(item.toObject());
            if (!parsed) {
                fail(parsed.error().message);
                return {};
            }
            out.append(std::move(parsed).value());
        }
        return out;
    }

private:
    QJsonValue value(QLatin1String key, bool required, QJsonValue::Type type)
    {
        const QJsonValue v = m_json.value(key);
        if (v.isUndefined() || v.isNull()) {
            if (required)
                fail(QStringLiteral("missing '%1'").arg(key));
            return {};
        }
        if (v.type() != type) {
            fail(QStringLiteral("'%1' has the wrong type").arg(key));
            return {};
        }
        return v;
    }

    const QJsonObject &m_json;
    QLatin1String m_typeName;
    std::optional<Error> m_error;
};

} // namespace vms::client::detail
