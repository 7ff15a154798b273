#pragma once

#include <QJsonObject>
#include <QJsonValue>
#include <QString>

#include <optional>

namespace vms::services {

/** An optional value as JSON: null when absent. For audit meta. */
template<typename T>
QJsonValue jsonOrNull(const std::optional<T> &value)
{
    return value ? QJsonValue(*value) : QJsonValue(QJsonValue::Null);
}

/** Adds {"key": {"old": ..., "new": ...}} to an audit entry's `changes` when the value changed. */
inline void noteChange(QJsonObject &changes, const QString &key, const QJsonValue &oldValue,
                       const QJsonValue &newValue)
{
    if (oldValue != newValue)
        changes.insert(key, QJsonObject{{QStringLiteral("old"), oldValue},
                                        {QStringLiteral("new"), newValue}});
}

} // namespace vms::services
