#include "core/client/dto.h"

#include "core/auth/permissions.h"

#include "core/client/json_reader.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonValue>

namespace vms::client {

namespace {

using detail::JsonReader;

QList<GroupRef> readGroups(JsonReader &reader, QLatin1String key, bool required)
{
    QList<GroupRef> groups;
    const QJsonArray array = reader.array(key, required);
    for (const QJsonValue &item : array) {
        Result<GroupRef> group = GroupRef::fromJson(item.toObject());
        if (!group) {
            reader.fail(group.error().message);
            return {};
        }
        groups.append(std::move(group).value());
    }
    return groups;
}

bool readUserFields(JsonReader &r, User &user)
{
    user.id = r.integer(QLatin1String("id"));
    user.email = r.string(QLatin1String("email"));
    user.firstName = r.string(QLatin1String("first_name"));
    user.lastName = r.string(QLatin1String("last_name"));
    user.organizationId = r.integer(QLatin1String("organization_id"));
    user.organizationName = r.string(QLatin1String("organization_name"));
    user.roleId = r.integer(QLatin1String("role_id"));
    user.isSuperuser = r.boolean(QLatin1String("is_superuser"));
    user.groups = readGroups(r, QLatin1String("groups"), true);
    user.avatarId = r.string(QLatin1String("avatar_id"), false);
    user.avatarUrl = r.string(QLatin1String("avatar_url"), false);
    return r.ok();
}

} // namespace

Result<GroupRef> GroupRef::fromJson(const QJsonObject &json)
{
    JsonReader r(json, QLatin1String("GroupRef"));
    GroupRef group;
    group.id = r.integer(QLatin1String("id"));
    group.name = r.string(QLatin1String("name"));
    if (!r.ok())
        return r.error();
    return group;
}

Result<Token> Token::fromJson(const QJsonObject &json)
{
    JsonReader r(json, QLatin1String("Token"));
    Token token;
    token.accessToken = r.string(QLatin1String("access_token"));
    token.refreshToken = r.string(QLatin1String("refresh_token"));
    token.tokenType = r.string(QLatin1String("token_type"));
    token.expiresInSecs = r.integer(QLatin1String("expires_in"));
    if (r.ok() && token.accessToken.isEmpty())
        r.fail(QStringLiteral("empty 'access_token'"));
    if (r.ok() && token.expiresInSecs <= 0)
        r.fail(QStringLiteral("'expires_in' is not positive"));
    if (!r.ok())
        return r.error();
    return token;
}

QString User::displayName() const
{
    const QString name = QStringList{firstName, lastName}.join(QLatin1Char(' ')).trimmed();
    return name.isEmpty() ? email : name;
}

Result<User> User::fromJson(const QJsonObject &json)
{
    JsonReader r(json, QLatin1String("User"));
    User user;
    if (!readUserFields(r, user))
        return r.error();
    return user;
}

Result<CurrentUser> CurrentUser::fromJson(const QJsonObject &json)
{
    JsonReader r(json, QLatin1String("CurrentUser"));
    CurrentUser user;
    readUserFields(r, user);
    const QJsonArray permissions = r.array(QLatin1String("permissions"));
    for (const QJsonValue &p : permissions)
        user.permissions.append(p.toString());
    if (!r.ok())
        return r.error();
    return user;
}

Result<Hello> Hello::fromJson(const QJsonObject &json)
{
    JsonReader r(json, QLatin1String("Hello"));
    Hello hello;
    hello.message = r.string(QLatin1String("message"));
    hello.version = r.string(QLatin1String("version"));
    if (!r.ok())
        return r.error();
    return hello;
}

Result<AuditLogEntry> AuditLogEntry::fromJson(const QJsonObject &json)
{
    JsonReader r(json, QLatin1String("AuditLog"));
    AuditLogEntry e;
    e.id = r.string(QLatin1String("id"));
    e.actionType = r.string(QLatin1String("action_type"));
    e.userId = r.integer(QLatin1String("user_id"));
    e.clientIp = r.string(QLatin1String("client_ip"), false);
    e.meta = r.object(QLatin1String("meta"));
    e.organizationId = r.integer(QLatin1String("organization_id"));
    e.organizationName = r.string(QLatin1String("organization_name"));
    const QString createdAt = r.string(QLatin1String("created_at"));
    e.userEmail = r.string(QLatin1String("user_email"));
    e.userFirstName = r.string(QLatin1String("user_first_name"));
    e.userLastName = r.string(QLatin1String("user_last_name"));
    e.userRoleId = r.integer(QLatin1String("user_role_id"));
    e.userRoleName = r.string(QLatin1String("user_role_name"));
    e.userGroups = readGroups(r, QLatin1String("user_groups"), true);
    e.userIsSuperuser = r.boolean(QLatin1String("user_is_superuser"));
    if (r.ok()) {
        e.createdAt = QDateTime::fromString(createdAt, Qt::ISODateWithMs);
        if (!e.createdAt.isValid())
            r.fail(QStringLiteral("'created_at' is not an ISO 8601 date-time"));
        else
            e.createdAt = e.createdAt.toUTC();
    }
    if (!r.ok())
        return r.error();
    return e;
}

Result<AuditLogPage> AuditLogPage::fromJson(const QJsonObject &json)
{
    JsonReader r(json, QLatin1String("AuditLogsResponse"));
    AuditLogPage page;
    const QJsonObject pagination = r.object(QLatin1String("pagination"));
    const QJsonArray entries = r.array(QLatin1String("auditlogs"));
    if (!r.ok())
        return r.error();
    page.nextCursor = pagination.value(QLatin1String("cursor")).toString();
    page.entries.reserve(entries.size());
    for (const QJsonValue &item : entries) {
        Result<AuditLogEntry> entry = AuditLogEntry::fromJson(item.toObject());
        if (!entry)
            return entry.error();
        page.entries.append(std::move(entry).value());
    }
    return page;
}

QUrlQuery AuditLogQuery::toUrlQuery() const
{
    QUrlQuery q;
    if (createdFrom)
        q.addQueryItem(QStringLiteral("created_at_from"),
                       createdFrom->toUTC().toString(Qt::ISODateWithMs));
    if (createdTo)
        q.addQueryItem(QStringLiteral("created_at_to"),
                       createdTo->toUTC().toString(Qt::ISODateWithMs));
    for (qint64 id : userIds)
        q.addQueryItem(QStringLiteral("user_ids"), QString::number(id));
    for (const QString &type : actionTypes)
        q.addQueryItem(QStringLiteral("action_types"), type);
    q.addQueryItem(QStringLiteral("order_by"),
                   newestFirst ? QStringLiteral("-created_at") : QStringLiteral("created_at"));
    if (!cursor.isEmpty())
        q.addQueryItem(QStringLiteral("cursor"), cursor);
    q.addQueryItem(QStringLiteral("limit"), QString::number(limit));
    return q;
}

const QStringList &auditActionTypes()
{
    return auth::allAuditActionTypes();
}

ErrorKind errorKindForHttpStatus(int httpStatus)
{
    switch (httpStatus) {
    case 400:
        return ErrorKind::InvalidArgument;
    case 401:
        return ErrorKind::Unauthenticated;
    case 403:
        return ErrorKind::PermissionDenied;
    case 404:
        return ErrorKind::NotFound;
    case 405:
        return ErrorKind::MethodNotAllowed;
    case 409:
        return ErrorKind::Conflict;
    case 413:
        return ErrorKind::PayloadTooLarge;
    case 422:
        return ErrorKind::Validation;
    case 429:
        return ErrorKind::TooManyRequests;
    case 503:
        return ErrorKind::Unavailable;
    case 504:
        return ErrorKind::Timeout;
    default:
        break;
    }
    if (httpStatus >= 400 && httpStatus < 500)
        return ErrorKind::InvalidArgument;
    return ErrorKind::Internal;
}

ApiError ApiError::fromReply(int httpStatus, const QByteArray &body)
{
    ApiError e;
    e.httpStatus = httpStatus;
    e.statusCode = httpStatus;
    const QJsonObject json = QJsonDocument::fromJson(body).object();
    e.status = json.value(QLatin1String("status")).toString();
    if (json.value(QLatin1String("status_code")).isDouble())
        e.statusCode = json.value(QLatin1String("status_code")).toInt();
    const QJsonValue detail = json.value(QLatin1String("detail"));
    if (detail.isString()) {
        e.detail = detail.toString();
    } else if (detail.isArray()) {
        QStringList messages;
        const QJsonArray items = detail.toArray();
        for (const QJsonValue &item : items) {
            const QJsonObject o = item.toObject();
            FieldError field;
            const QJsonArray loc = o.value(QLatin1String("loc")).toArray();
            for (const QJsonValue &part : loc)
                field.loc.append(part.isDouble() ? QString::number(part.toInteger())
                                                 : part.toString());
            field.msg = o.value(QLatin1String("msg")).toString();
            field.type = o.value(QLatin1String("type")).toString();
            messages.append(field.loc.join(QLatin1Char('.')) + QStringLiteral(": ") + field.msg);
            e.fields.append(std::move(field));
        }
        e.detail = messages.join(QStringLiteral("; "));
    }
    if (e.detail.isEmpty())
        e.detail = QStringLiteral("HTTP status %1").arg(httpStatus);
    return e;
}

Error ApiError::toError() const
{
    return Error{errorKindForHttpStatus(httpStatus), detail, status, fields};
}

} // namespace vms::client
