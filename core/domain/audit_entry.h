#pragma once

#include "core/domain/user.h"

#include <QJsonObject>
#include <QString>

namespace vms {

/** One audit trail entry: who (a snapshot of the user at that moment), what, when, from where. */
struct AuditEntry
{
    QString id; ///< UUID
    QString actionType;
    qint64 userId = 0;
    qint64 organizationId = 0;
    QString organizationName;
    QString userEmail;
    QString userFirstName;
    QString userLastName;
    std::optional<QString> userAvatarId;
    qint64 userRoleId = 0;
    QString userRoleName;
    QList<GroupRef> userGroups;
    bool userIsSuperuser = false;
    QString clientIp;
    QJsonObject meta;
    qint64 createdAtMs = 0;
};

} // namespace vms
