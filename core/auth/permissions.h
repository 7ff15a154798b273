#pragma once

#include <QSet>
#include <QString>
#include <QStringList>

namespace vms::auth {

/** Every permission name of the seed's Permission enum (101), in the seed's order. */
const QStringList &allPermissions();
bool isPermission(const QString &name);

/** What the built-in read-only "operator" role holds: every *_read permission plus own profile. */
QStringList operatorPermissions();

/** Every action type of the seed's AuditActionType enum (69). */
const QStringList &allAuditActionTypes();
bool isAuditActionType(const QString &name);

} // namespace vms::auth
