#pragma once

#include <QString>

namespace vms {

/** A named set of permissions. Roles are global: every organization uses the same roles. */
struct Role
{
    qint64 id = 0;
    QString name;
    QString description;
    bool isInternal = false; ///< built-in: cannot be renamed or deleted
    qint64 createdAtMs = 0;
    qint64 updatedAtMs = 0;
};

} // namespace vms
