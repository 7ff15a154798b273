#pragma once

#include "core/storage/database.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QStringList>
#include <QVariant>

#include <optional>

namespace vms::storage {

// Conversions between optional values and the QVariants that Qt Sql binds and returns; NULL
// stands for an absent value.

template<typename T>
QVariant bindOptional(const std::optional<T> &value)
{
    return value ? QVariant::fromValue(*value) : Database::null();
}

inline QString jsonText(const QJsonObject &object)
{
    return QString::fromUtf8(QJsonDocument(object).toJson(QJsonDocument::Compact));
}

inline QVariant bindJson(const std::optional<QJsonObject> &object)
{
    return object ? QVariant(jsonText(*object)) : Database::null();
}

inline QVariant bindStringList(const std::optional<QStringList> &list)
{
    if (!list)
        return Database::null();
    return QString::fromUtf8(
            QJsonDocument(QJsonArray::fromStringList(*list)).toJson(QJsonDocument::Compact));
}

inline std::optional<QString> optionalString(const QVariant &v)
{
    return v.isNull() ? std::nullopt : std::optional<QString>(v.toString());
}

inline std::optional<qint64> optionalInt(const QVariant &v)
{
    return v.isNull() ? std::nullopt : std::optional<qint64>(v.toLongLong());
}

inline std::optional<double> optionalDouble(const QVariant &v)
{
    return v.isNull() ? std::nullopt : std::optional<double>(v.toDouble());
}

inline QJsonObject jsonObject(const QVariant &v)
{
    return QJsonDocument::fromJson(v.toString().toUtf8()).object();
}

inline std::optional<QJsonObject> optionalJsonObject(const QVariant &v)
{
    return v.isNull() ? std::nullopt : std::optional<QJsonObject>(jsonObject(v));
}

inline std::optional<QStringList> optionalStringList(const QVariant &v)
{
    if (v.isNull())
        return std::nullopt;
    QStringList out;
    const QJsonArray array = QJsonDocument::fromJson(v.toString().toUtf8()).array();
    for (const QJsonValue &item : array)
        out.append(item.toString());
    return out;
}

/** "?,?,?" with `count` placeholders, for IN lists. */
inline QString placeholders(qsizetype count)
{
    QString out;
    for (qsizetype i = 0; i < count; ++i)
        out += i ? QStringLiteral(",?") : QStringLiteral("?");
    return out;
}

} // namespace vms::storage
