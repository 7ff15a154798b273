#pragma once

#include "core/domain/audit_entry.h"
#include "core/domain/user.h"

#include <QJsonArray>
#include <QJsonObject>
#include <QStringList>

namespace vms::server {

/** Entity -> seed JSON (snake_case, shapes of openapi.yaml). */
QJsonArray groupRefsJson(const QList<GroupRef> &groups);
QJsonObject userJson(const User &user);
QJsonObject currentUserJson(const User &user, const QStringList &permissions);
QJsonObject auditLogJson(const AuditEntry &entry);
/** The `url` of an upload's content, relative to the server root. */
QString uploadContentUrl(const QString &uploadId);

} // namespace vms::server
