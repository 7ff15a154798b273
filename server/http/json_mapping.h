#pragma once

#include "core/domain/audit_entry.h"
#include "core/domain/group.h"
#include "core/domain/organization.h"
#include "core/domain/place.h"
#include "core/domain/role.h"
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
QJsonObject organizationJson(const Organization &organization);
QJsonObject groupJson(const Group &group);
QJsonObject roleJson(const Role &role);
QJsonObject placeJson(const Place &place);
/** The `url` of an upload's content, relative to the server root. */
QString uploadContentUrl(const QString &uploadId);

} // namespace vms::server
