#pragma once

#include <QString>

#include <optional>

namespace vms {

/** A physical site of an organization; plans and cameras belong to one place. */
struct Place
{
    qint64 id = 0;
    qint64 organizationId = 0;
    std::optional<qint64> groupId;
    QString name;
    std::optional<QString> description;
    std::optional<double> latitude;
    std::optional<double> longitude;
    qint64 createdAtMs = 0;
    qint64 updatedAtMs = 0;
    qint64 planCount = 0;   ///< filled by reads
    qint64 cameraCount = 0; ///< filled by reads
};

} // namespace vms
