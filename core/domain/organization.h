#pragma once

#include <QString>

#include <optional>

namespace vms {

/** A tenant: users, groups, places and cameras belong to exactly one organization. */
struct Organization
{
    qint64 id = 0;
    QString name;
    QString description;
    std::optional<QString> logoId; ///< an upload of kind "logo"
    bool isInternal = false;
    qint64 createdAtMs = 0;
    qint64 updatedAtMs = 0;
};

} // namespace vms
