#pragma once

#include <QString>

namespace vms {

/** A group of users and places inside one organization, with its member and place counts. */
struct Group
{
    qint64 id = 0;
    qint64 organizationId = 0;
    QString organizationName;
    QString name;
    QString description;
    bool isInternal = false;
    qint64 userCount = 0;
    qint64 placeCount = 0;
    qint64 createdAtMs = 0;
    qint64 updatedAtMs = 0;
};

} // namespace vms
