#pragma once

#include "core/domain/user.h"

#include <QSet>
#include <QString>

namespace vms::services {

/** The authenticated caller of a request: the user, its effective permissions and its token. */
struct Principal
{
    User user;
    QSet<QString> permissions; ///< the role's; left empty for a superuser (see can())
    QString sessionId;
    QString jti;

    /** Superusers pass every permission check. */
    bool can(const QString &permission) const
    {
        return user.isSuperuser || permissions.contains(permission);
    }
};

/** Where a request came from; passed to services for audit entries and throttling. */
struct CallerInfo
{
    QString clientIp;
    QString userAgent;
};

} // namespace vms::services
