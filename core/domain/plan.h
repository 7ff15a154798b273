#pragma once

#include <QString>

namespace vms {

/** A floor plan image of a place; cameras of that place are positioned on it. */
struct Plan
{
    qint64 id = 0;
    qint64 organizationId = 0; ///< always the organization of the place
    qint64 placeId = 0;
    QString imageId; ///< an upload of kind "plan"
    QString name;
    qint64 createdAtMs = 0;
    qint64 updatedAtMs = 0;
};

} // namespace vms
