#include "tests/api/admin_fixture.h"

#include <QJsonArray>
#include <QUrlQuery>
#include <QUuid>

namespace vms::apitest {

namespace {

qint64 idOf(const Reply &reply, const char *what)
{
    if (reply.status != 200 || !reply.object().value(QLatin1String("id")).isDouble()) {
        qWarning("creating %s failed: %s", what, qPrintable(reply.describe()));
        return 0;
    }
    return reply.object().value(QLatin1String("id")).toInteger();
}

} // namespace

QString uniqueName(const QString &prefix)
{
    return prefix + QLatin1Char(' ') + QUuid::createUuid().toString(QUuid::Id128).left(10);
}

qint64 apiCreateOrganization(ApiTestClient &client, const QString &name)
{
    return idOf(client.post(QStringLiteral("/api/v1/organizations"),
                            QJsonObject{{QStringLiteral("name"), name},
                                        {QStringLiteral("description"), QStringLiteral("test")}}),
                "an organization");
}

qint64 apiCreateGroup(ApiTestClient &client, const QString &name,
                      std::optional<qint64> organizationId)
{
    QString path = QStringLiteral("/api/v1/groups");
    if (organizationId)
        path += QStringLiteral("?organization_id=%1").arg(*organizationId);
    return idOf(client.post(path, QJsonObject{{QStringLiteral("name"), name},
                                              {QStringLiteral("description"), QString()}}),
                "a group");
}

qint64 apiCreateRole(ApiTestClient &client, const QString &name, const QStringList &permissions)
{
    const qint64 id = idOf(client.post(QStringLiteral("/api/v1/roles"),
                                       QJsonObject{{QStringLiteral("name"), name},
                                                   {QStringLiteral("description"), QString()}}),
                           "a role");
    if (id == 0)
        return 0;
    for (const QString &p : permissions) {
        const Reply r = client.post(
                QStringLiteral("/api/v1/permissions"),
                QJsonObject{{QStringLiteral("role_id"), id}, {QStringLiteral("permission"), p}});
        if (r.status != 200) {
            qWarning("granting %s failed: %s", qPrintable(p), qPrintable(r.describe()));
            return 0;
        }
    }
    return id;
}

QJsonObject userBody(const QString &email, qint64 groupId, qint64 roleId, const QString &password,
                     const QString &firstName, const QString &lastName)
{
    return {{QStringLiteral("first_name"), firstName},
            {QStringLiteral("last_name"), lastName},
            {QStringLiteral("email"), email},
            {QStringLiteral("password"), password},
            {QStringLiteral("group_ids"), QJsonArray{groupId}},
            {QStringLiteral("role_id"), roleId}};
}

ApiUser apiCreateUser(ApiTestClient &admin, qint64 organizationId, qint64 groupId, qint64 roleId,
                      const QString &firstName, const QString &lastName)
{
    ApiUser u;
    u.email = uniqueEmail(QStringLiteral("tenant"));
    u.password = randomPassword();
    u.id = idOf(admin.post(QStringLiteral("/api/v1/users?organization_id=%1").arg(organizationId),
                           userBody(u.email, groupId, roleId, u.password, firstName, lastName)),
                "a user");
    if (u.id == 0)
        return u;
    auto client = std::make_unique<ApiTestClient>(admin.baseUrl());
    const Session s = login(*client, u.email, u.password);
    if (!s.isValid()) {
        qWarning("login of %s failed: %s", qPrintable(u.email), qPrintable(s.reply.describe()));
        return u;
    }
    client->setBearer(s.accessToken);
    u.client = std::move(client);
    return u;
}

QList<qint64> idList(const QJsonValue &array)
{
    QList<qint64> out;
    const QJsonArray a = array.toArray();
    for (const QJsonValue &v : a)
        out.append(v.toObject().value(QLatin1String("id")).toInteger());
    return out;
}

bool hasAuditEntry(ApiTestClient &client, const QString &actionType, const QString &key,
                   const QJsonValue &value)
{
    const QJsonArray entries
            = allPages(client, QStringLiteral("/api/v1/auditlogs?action_types=") + actionType,
                       QStringLiteral("auditlogs"), 1000);
    for (const QJsonValue &e : entries) {
        const QJsonObject o = e.toObject();
        const QJsonValue got = o.value(QLatin1String("meta")).toObject().value(key);
        // Numbers compare by value: a parsed integer and a built one may differ in type.
        const bool isSame = value.isDouble() ? got.isDouble() && got.toDouble() == value.toDouble()
                                             : got == value;
        if (o.value(QLatin1String("action_type")).toString() == actionType && isSame)
            return true;
    }
    return false;
}

QJsonArray allPages(ApiTestClient &client, const QString &path, const QString &listKey, int limit,
                    const QJsonValue &body, int *pageCount)
{
    QJsonArray out;
    QString cursor;
    int pages = 0;
    for (; pages < 1000; ++pages) {
        QString url = path + (path.contains(QLatin1Char('?')) ? QLatin1Char('&') : QLatin1Char('?'))
                      + QStringLiteral("limit=%1").arg(limit);
        if (!cursor.isEmpty())
            url += QStringLiteral("&cursor=")
                   + QString::fromLatin1(QUrl::toPercentEncoding(cursor));
        const Reply r = body.isUndefined() ? client.get(url) : client.post(url, body);
        if (r.status != 200) {
            qWarning("paging %s failed: %s", qPrintable(path), qPrintable(r.describe()));
            break;
        }
        const QJsonObject o = r.object();
        for (const QJsonValue &v : o.value(listKey).toArray())
            out.append(v);
        cursor = o.value(QLatin1String("pagination"))
                         .toObject()
                         .value(QLatin1String("cursor"))
                         .toString();
        if (cursor.isEmpty()) {
            ++pages;
            break;
        }
    }
    if (pageCount)
        *pageCount = pages;
    return out;
}

} // namespace vms::apitest
