#pragma once

#include "core/domain/error.h"
#include "core/domain/result.h"

#include <QByteArray>
#include <QDateTime>
#include <QJsonObject>
#include <QList>
#include <QString>
#include <QStringList>
#include <QUrlQuery>

#include <optional>

// Wire types of the REST API (resources/api/openapi.yaml). They mirror the JSON shapes, not the
// server's domain entities, so that the client keeps working against any conforming server.
namespace vms::client {

/** Short reference to a group (schema GroupRef). */
struct GroupRef
{
    qint64 id = 0;
    QString name;

    static Result<GroupRef> fromJson(const QJsonObject &json);
};

/** OAuth2 token pair (schema Token). */
struct Token
{
    QString accessToken;
    QString refreshToken;
    QString tokenType;
    qint64 expiresInSecs = 0; ///< access token lifetime

    static Result<Token> fromJson(const QJsonObject &json);
};

/** A user account (schema User). */
struct User
{
    qint64 id = 0;
    QString email;
    QString firstName;
    QString lastName;
    qint64 organizationId = 0;
    QString organizationName;
    qint64 roleId = 0;
    bool isSuperuser = false;
    QList<GroupRef> groups;
    QString avatarId;
    QString avatarUrl;

    /** "First Last", or the email when both names are empty. */
    QString displayName() const;

    static Result<User> fromJson(const QJsonObject &json);
};

/** The authenticated user with effective permissions (schema CurrentUser). */
struct CurrentUser : User
{
    QStringList permissions;

    bool hasPermission(const QString &permission) const
    {
        return isSuperuser || permissions.contains(permission);
    }

    static Result<CurrentUser> fromJson(const QJsonObject &json);
};

/** GET /api/v1/hello (schema Hello). */
struct Hello
{
    QString message;
    QString version;

    static Result<Hello> fromJson(const QJsonObject &json);
};

/** One audit log entry (schema AuditLog). */
struct AuditLogEntry
{
    QString id;
    QString actionType;
    qint64 userId = 0;
    QString clientIp;
    QJsonObject meta;
    qint64 organizationId = 0;
    QString organizationName;
    QDateTime createdAt; ///< UTC
    QString userEmail;
    QString userFirstName;
    QString userLastName;
    qint64 userRoleId = 0;
    QString userRoleName;
    QList<GroupRef> userGroups;
    bool userIsSuperuser = false;

    static Result<AuditLogEntry> fromJson(const QJsonObject &json);
};

/** One page of GET /api/v1/auditlogs (schema AuditLogsResponse). */
struct AuditLogPage
{
    QList<AuditLogEntry> entries;
    QString nextCursor; ///< empty on the last page

    bool hasMore() const { return !nextCursor.isEmpty(); }

    static Result<AuditLogPage> fromJson(const QJsonObject &json);
};

/** Filters of GET /api/v1/auditlogs. Unset period: the server returns the last 24 hours. */
struct AuditLogQuery
{
    std::optional<QDateTime> createdFrom;
    std::optional<QDateTime> createdTo;
    QList<qint64> userIds;
    QStringList actionTypes;
    bool newestFirst = true;
    QString cursor;
    int limit = 100; ///< the API accepts 10..1000

    /** The query string; list filters become repeated keys (?user_ids=1&user_ids=2). */
    QUrlQuery toUrlQuery() const;
};

/** The action types the API documents for audit entries (enum AuditActionType). */
const QStringList &auditActionTypes();

/**
 * An error reply of the API: `{status, status_code, detail}`, or the FastAPI validation form
 * `{detail: [{loc, msg, type}]}` of a 422.
 */
struct ApiError
{
    int httpStatus = 0;
    QString status;
    int statusCode = 0;
    QString detail;
    QList<FieldError> fields;

    /** Never fails: a body that is not JSON keeps the HTTP status and an empty detail. */
    static ApiError fromReply(int httpStatus, const QByteArray &body);
    /** The transport-independent error: kind from the HTTP status, message = detail. */
    Error toError() const;
};

/** The ErrorKind that an HTTP error status stands for. */
ErrorKind errorKindForHttpStatus(int httpStatus);

} // namespace vms::client
