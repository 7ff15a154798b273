#pragma once

// Helpers of the API tests of organizations, groups, roles, permissions and users: tenants,
// groups, roles and users made through the API itself, as a superuser would make them.

#include "tests/api/api_fixture.h"

#include <QJsonObject>
#include <QStringList>

#include <memory>
#include <optional>

namespace vms::apitest {

/** A name that no other test run uses: prefix plus a random suffix. */
QString uniqueName(const QString &prefix);

/** POST /api/v1/organizations; the new id, or 0 (with a warning naming the reply). */
qint64 apiCreateOrganization(ApiTestClient &client, const QString &name);
/** POST /api/v1/groups (?organization_id= when given); the new id, or 0. */
qint64 apiCreateGroup(ApiTestClient &client, const QString &name,
                      std::optional<qint64> organizationId = std::nullopt);
/** POST /api/v1/roles, then POST /api/v1/permissions once per permission; the id, or 0. */
qint64 apiCreateRole(ApiTestClient &client, const QString &name, const QStringList &permissions);

/** A user made through POST /api/v1/users and logged in with a client of its own. */
struct ApiUser
{
    qint64 id = 0;
    QString email;
    QString password;
    std::unique_ptr<ApiTestClient> client; ///< bearer set; null when login failed
    bool isValid() const { return id > 0 && client; }
};

/** Creates the user in `organizationId` (as superuser `admin`) and logs them in. */
ApiUser apiCreateUser(ApiTestClient &admin, qint64 organizationId, qint64 groupId, qint64 roleId,
                      const QString &firstName = QStringLiteral("Tenant"),
                      const QString &lastName = QStringLiteral("User"));

/** A UserCreate body. */
QJsonObject userBody(const QString &email, qint64 groupId, qint64 roleId,
                     const QString &password = randomPassword(),
                     const QString &firstName = QStringLiteral("Ann"),
                     const QString &lastName = QStringLiteral("Lee"));

/** The `id` values of the objects of a JSON array. */
QList<qint64> idList(const QJsonValue &array);

/** Whether the audit log (read by `client`) holds an entry of `actionType` whose meta has
 * `key` == `value`. */
bool hasAuditEntry(ApiTestClient &client, const QString &actionType, const QString &key,
                   const QJsonValue &value);

/** Every page of a cursor-paged GET (or POST search, when `body` is an object) of `listKey`. */
QJsonArray allPages(ApiTestClient &client, const QString &path, const QString &listKey, int limit,
                    const QJsonValue &body = QJsonValue(QJsonValue::Undefined),
                    int *pageCount = nullptr);

} // namespace vms::apitest
