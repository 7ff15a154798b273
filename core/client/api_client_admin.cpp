// ApiClient: the organization model (organizations §9, groups §6, roles §16, permissions §11,
// users §26 without /users/me).
#include "core/client/api_client.h"

#include "core/client/api_client_p.h"
#include "core/client/page_loader.h"

#include <QJsonArray>

namespace vms::client {

using detail::listParser;
using detail::pageParser;
using detail::parseNoContent;
using detail::parseObject;

namespace {

const QString kApi = QStringLiteral("/api/v1");

QString path(const QString &collection, qint64 id, const QString &tail = {})
{
    return kApi + collection + QLatin1Char('/') + QString::number(id) + tail;
}

QJsonArray idArray(const QList<qint64> &ids)
{
    QJsonArray array;
    for (qint64 id : ids)
        array.append(id);
    return array;
}

QUrlQuery pageQuery(const PageRequest &page)
{
    QUrlQuery query;
    page.addTo(query);
    return query;
}

PageRequest fullListPage(const QString &cursor)
{
    return {cursor, kFullListPageSize};
}

} // namespace

// --- organizations ---

QFuture<Result<Page<Organization>>> ApiClient::organizations(const PageRequest &page)
{
    return call<Page<Organization>>(
            getRequest(kApi + QStringLiteral("/organizations"), pageQuery(page)),
            pageParser<Organization>(QLatin1String("organizations"),
                                     QLatin1String("OrganizationsResponse")));
}

QFuture<Result<QList<Organization>>> ApiClient::allOrganizations()
{
    return loadAllPages<Organization>(
            this, [this](const QString &cursor) { return organizations(fullListPage(cursor)); });
}

QFuture<Result<Organization>> ApiClient::organization(qint64 id)
{
    return call<Organization>(getRequest(path(QStringLiteral("/organizations"), id)),
                              &parseObject<Organization>);
}

QFuture<Result<Organization>> ApiClient::createOrganization(const OrganizationInput &input)
{
    return call<Organization>(jsonRequest(QByteArrayLiteral("POST"),
                                          kApi + QStringLiteral("/organizations"), input.toJson()),
                              &parseObject<Organization>);
}

QFuture<Result<Organization>> ApiClient::updateOrganization(qint64 id,
                                                            const OrganizationInput &input)
{
    return call<Organization>(jsonRequest(QByteArrayLiteral("PUT"),
                                          path(QStringLiteral("/organizations"), id),
                                          input.toJson()),
                              &parseObject<Organization>);
}

QFuture<Status> ApiClient::deleteOrganization(qint64 id)
{
    return call<Ok>(deleteRequest(path(QStringLiteral("/organizations"), id)), &parseNoContent);
}

QFuture<Result<Page<Organization>>> ApiClient::searchOrganizations(const QString &query,
                                                                   const PageRequest &page)
{
    Request request
            = jsonRequest(QByteArrayLiteral("POST"), kApi + QStringLiteral("/organizations/search"),
                          QJsonObject{{QStringLiteral("query"), query}});
    request.query = pageQuery(page);
    return call<Page<Organization>>(
            request, pageParser<Organization>(QLatin1String("organizations"),
                                              QLatin1String("OrganizationsResponse")));
}

QFuture<Result<QList<User>>> ApiClient::organizationMembers(qint64 id, bool withoutGroups)
{
    QUrlQuery query;
    if (withoutGroups)
        query.addQueryItem(QStringLiteral("without_groups"), QStringLiteral("true"));
    return call<QList<User>>(
            getRequest(path(QStringLiteral("/organizations"), id, QStringLiteral("/members")),
                       query),
            listParser<User>(QLatin1String("members"), QLatin1String("MembersResponse")));
}

QFuture<Result<QList<Group>>> ApiClient::organizationGroups(qint64 id)
{
    return call<QList<Group>>(
            getRequest(path(QStringLiteral("/organizations"), id, QStringLiteral("/groups"))),
            listParser<Group>(QLatin1String("groups"),
                              QLatin1String("OrganizationGroupsResponse")));
}

// --- groups ---

QFuture<Result<Page<Group>>> ApiClient::groups(const PageRequest &page)
{
    return call<Page<Group>>(
            getRequest(kApi + QStringLiteral("/groups"), pageQuery(page)),
            pageParser<Group>(QLatin1String("groups"), QLatin1String("GroupsResponse")));
}

QFuture<Result<QList<Group>>> ApiClient::allGroups()
{
    return loadAllPages<Group>(
            this, [this](const QString &cursor) { return groups(fullListPage(cursor)); });
}

QFuture<Result<Group>> ApiClient::group(qint64 id)
{
    return call<Group>(getRequest(path(QStringLiteral("/groups"), id)), &parseObject<Group>);
}

QFuture<Result<Group>> ApiClient::createGroup(const GroupInput &input,
                                              std::optional<qint64> organizationId)
{
    Request request = jsonRequest(QByteArrayLiteral("POST"), kApi + QStringLiteral("/groups"),
                                  input.toJson());
    if (organizationId)
        request.query.addQueryItem(QStringLiteral("organization_id"),
                                   QString::number(*organizationId));
    return call<Group>(request, &parseObject<Group>);
}

QFuture<Result<Group>> ApiClient::updateGroup(qint64 id, const GroupInput &input)
{
    return call<Group>(jsonRequest(QByteArrayLiteral("PUT"), path(QStringLiteral("/groups"), id),
                                   input.toJson()),
                       &parseObject<Group>);
}

QFuture<Status> ApiClient::deleteGroup(qint64 id)
{
    return call<Ok>(deleteRequest(path(QStringLiteral("/groups"), id)), &parseNoContent);
}

QFuture<Result<Page<Group>>> ApiClient::searchGroups(const QString &query, const PageRequest &page)
{
    Request request
            = jsonRequest(QByteArrayLiteral("POST"), kApi + QStringLiteral("/groups/search"),
                          QJsonObject{{QStringLiteral("query"), query}});
    request.query = pageQuery(page);
    return call<Page<Group>>(
            request, pageParser<Group>(QLatin1String("groups"), QLatin1String("GroupsResponse")));
}

QFuture<Result<Page<User>>> ApiClient::groupMembers(qint64 groupId, const PageRequest &page)
{
    return call<Page<User>>(
            getRequest(path(QStringLiteral("/groups"), groupId, QStringLiteral("/members")),
                       pageQuery(page)),
            pageParser<User>(QLatin1String("users"), QLatin1String("UsersResponse")));
}

QFuture<Result<QList<User>>> ApiClient::allGroupMembers(qint64 groupId)
{
    return loadAllPages<User>(this, [this, groupId](const QString &cursor) {
        return groupMembers(groupId, fullListPage(cursor));
    });
}

QFuture<Status> ApiClient::addGroupMembers(qint64 groupId, const QList<qint64> &userIds)
{
    return call<Ok>(
            jsonRequest(QByteArrayLiteral("POST"),
                        path(QStringLiteral("/groups"), groupId, QStringLiteral("/members")),
                        QJsonObject{{QStringLiteral("user_ids"), idArray(userIds)}}),
            &parseNoContent);
}

QFuture<Status> ApiClient::removeGroupMembers(qint64 groupId, const QList<qint64> &userIds)
{
    return call<Ok>(
            jsonRequest(QByteArrayLiteral("DELETE"),
                        path(QStringLiteral("/groups"), groupId, QStringLiteral("/members")),
                        QJsonObject{{QStringLiteral("user_ids"), idArray(userIds)}}),
            &parseNoContent);
}

QFuture<Result<Page<Place>>> ApiClient::groupPlaces(qint64 groupId, const PageRequest &page)
{
    return call<Page<Place>>(
            getRequest(path(QStringLiteral("/groups"), groupId, QStringLiteral("/places")),
                       pageQuery(page)),
            pageParser<Place>(QLatin1String("places"), QLatin1String("PlacesResponse")));
}

QFuture<Result<QList<Place>>> ApiClient::allGroupPlaces(qint64 groupId)
{
    return loadAllPages<Place>(this, [this, groupId](const QString &cursor) {
        return groupPlaces(groupId, fullListPage(cursor));
    });
}

QFuture<Status> ApiClient::addGroupPlaces(qint64 groupId, const QList<qint64> &placeIds)
{
    return call<Ok>(jsonRequest(QByteArrayLiteral("POST"),
                                path(QStringLiteral("/groups"), groupId, QStringLiteral("/places")),
                                QJsonObject{{QStringLiteral("place_ids"), idArray(placeIds)}}),
                    &parseNoContent);
}

QFuture<Status> ApiClient::removeGroupPlaces(qint64 groupId, const QList<qint64> &placeIds)
{
    return call<Ok>(jsonRequest(QByteArrayLiteral("DELETE"),
                                path(QStringLiteral("/groups"), groupId, QStringLiteral("/places")),
                                QJsonObject{{QStringLiteral("place_ids"), idArray(placeIds)}}),
                    &parseNoContent);
}

// --- roles and permissions ---

QFuture<Result<QList<Role>>> ApiClient::roles()
{
    return call<QList<Role>>(
            getRequest(kApi + QStringLiteral("/roles")),
            listParser<Role>(QLatin1String("roles"), QLatin1String("RolesResponse")));
}

QFuture<Result<Role>> ApiClient::role(qint64 id)
{
    return call<Role>(getRequest(path(QStringLiteral("/roles"), id)), &parseObject<Role>);
}

QFuture<Result<Role>> ApiClient::createRole(const RoleInput &input)
{
    return call<Role>(
            jsonRequest(QByteArrayLiteral("POST"), kApi + QStringLiteral("/roles"), input.toJson()),
            &parseObject<Role>);
}

QFuture<Result<Role>> ApiClient::updateRole(qint64 id, const RoleInput &input)
{
    return call<Role>(jsonRequest(QByteArrayLiteral("PUT"), path(QStringLiteral("/roles"), id),
                                  input.toJson()),
                      &parseObject<Role>);
}

QFuture<Status> ApiClient::deleteRole(qint64 id)
{
    return call<Ok>(deleteRequest(path(QStringLiteral("/roles"), id)), &parseNoContent);
}

QFuture<Result<QStringList>> ApiClient::rolePermissions(qint64 roleId)
{
    return call<QStringList>(
            getRequest(path(QStringLiteral("/roles"), roleId, QStringLiteral("/permissions"))),
            [](const RawReply &reply) -> Result<QStringList> {
                Result<QJsonObject> json = detail::jsonObjectOf(reply);
                if (!json)
                    return json.error();
                detail::JsonReader r(*json, QLatin1String("RolePermissionsResponse"));
                QStringList permissions = r.stringList(QLatin1String("permissions"));
                if (!r.ok())
                    return r.error();
                return permissions;
            });
}

QFuture<Result<QList<User>>> ApiClient::roleMembers(qint64 roleId)
{
    return call<QList<User>>(
            getRequest(path(QStringLiteral("/roles"), roleId, QStringLiteral("/members"))),
            listParser<User>(QLatin1String("members"), QLatin1String("MembersResponse")));
}

QFuture<Status> ApiClient::grantPermission(qint64 roleId, const QString &permission)
{
    return call<Ok>(jsonRequest(QByteArrayLiteral("POST"), kApi + QStringLiteral("/permissions"),
                                QJsonObject{{QStringLiteral("role_id"), roleId},
                                            {QStringLiteral("permission"), permission}}),
                    &parseNoContent);
}

QFuture<Status> ApiClient::revokePermission(qint64 roleId, const QString &permission)
{
    return call<Ok>(jsonRequest(QByteArrayLiteral("DELETE"), kApi + QStringLiteral("/permissions"),
                                QJsonObject{{QStringLiteral("role_id"), roleId},
                                            {QStringLiteral("permission"), permission}}),
                    &parseNoContent);
}

// --- users ---

QFuture<Result<Page<User>>> ApiClient::users(const PageRequest &page, bool withoutGroups)
{
    QUrlQuery query = pageQuery(page);
    if (withoutGroups)
        query.addQueryItem(QStringLiteral("without_groups"), QStringLiteral("true"));
    return call<Page<User>>(
            getRequest(kApi + QStringLiteral("/users"), query),
            pageParser<User>(QLatin1String("users"), QLatin1String("UsersResponse")));
}

QFuture<Result<QList<User>>> ApiClient::allUsers(bool withoutGroups)
{
    return loadAllPages<User>(this, [this, withoutGroups](const QString &cursor) {
        return users(fullListPage(cursor), withoutGroups);
    });
}

QFuture<Result<User>> ApiClient::user(qint64 id)
{
    return call<User>(getRequest(path(QStringLiteral("/users"), id)), &parseObject<User>);
}

QFuture<Result<User>> ApiClient::createUser(const UserInput &input,
                                            std::optional<qint64> organizationId)
{
    Request request = jsonRequest(QByteArrayLiteral("POST"), kApi + QStringLiteral("/users"),
                                  input.toJson());
    if (organizationId)
        request.query.addQueryItem(QStringLiteral("organization_id"),
                                   QString::number(*organizationId));
    return call<User>(request, &parseObject<User>);
}

QFuture<Result<User>> ApiClient::updateUser(qint64 id, const UserInput &input)
{
    return call<User>(jsonRequest(QByteArrayLiteral("PUT"), path(QStringLiteral("/users"), id),
                                  input.toJson()),
                      &parseObject<User>);
}

QFuture<Status> ApiClient::deleteUser(qint64 id)
{
    return call<Ok>(deleteRequest(path(QStringLiteral("/users"), id)), &parseNoContent);
}

QFuture<Result<Page<User>>> ApiClient::searchUsers(const QString &query, const PageRequest &page)
{
    Request request = jsonRequest(QByteArrayLiteral("POST"), kApi + QStringLiteral("/users/search"),
                                  QJsonObject{{QStringLiteral("query"), query}});
    request.query = pageQuery(page);
    return call<Page<User>>(
            request, pageParser<User>(QLatin1String("users"), QLatin1String("UsersResponse")));
}

} // namespace vms::client
