#include "tests/api/sites_fixture.h"

#include "core/auth/password_hasher.h"
#include "core/domain/user.h"
#include "core/storage/database.h"
#include "core/storage/group_repository.h"
#include "core/storage/organization_repository.h"
#include "core/storage/role_repository.h"
#include "core/storage/user_repository.h"

#include <QBuffer>
#include <QDateTime>
#include <QImage>
#include <QPainter>
#include <QUuid>

namespace vms::apitest {

namespace {

qint64 nowMs(const TestServer &server)
{
    return server.clock() ? server.clock()->nowMs() : QDateTime::currentMSecsSinceEpoch();
}

std::unique_ptr<storage::Database> openDatabase(const TestServer &server, QString *error)
{
    auto url = storage::DatabaseUrl::parse(server.databasePath());
    if (!url) {
        *error = url.error().message;
        return nullptr;
    }
    return std::make_unique<storage::Database>(*url);
}

} // namespace

QStringList sitePermissions()
{
    return {QStringLiteral("upload_create"),      QStringLiteral("upload_read"),
            QStringLiteral("place_create"),       QStringLiteral("place_read"),
            QStringLiteral("place_update"),       QStringLiteral("place_delete"),
            QStringLiteral("place_plan_read"),    QStringLiteral("plan_create"),
            QStringLiteral("plan_read"),          QStringLiteral("plan_update"),
            QStringLiteral("plan_delete"),        QStringLiteral("plan_camera_create"),
            QStringLiteral("plan_camera_read"),   QStringLiteral("plan_camera_update"),
            QStringLiteral("plan_camera_delete"), QStringLiteral("camera_create"),
            QStringLiteral("camera_read"),        QStringLiteral("camera_update"),
            QStringLiteral("camera_delete"),      QStringLiteral("orion_create"),
            QStringLiteral("orion_read"),         QStringLiteral("orion_update")};
}

qint64 createOrganization(const TestServer &server, const QString &namePrefix, QString *error)
{
    auto db = openDatabase(server, error);
    if (!db)
        return 0;
    storage::OrganizationRepository orgs(*db);
    const QString name
            = namePrefix + QLatin1Char(' ') + QUuid::createUuid().toString(QUuid::Id128).left(8);
    auto id = orgs.create(name, QStringLiteral("made by an API test"), false, nowMs(server));
    if (!id) {
        *error = id.error().message;
        return 0;
    }
    return *id;
}

qint64 defaultOrganizationId(const TestServer &server)
{
    QString error;
    auto db = openDatabase(server, &error);
    if (!db)
        return 0;
    storage::OrganizationRepository orgs(*db);
    auto id = orgs.findIdByName(QStringLiteral("Default organization"));
    return id && *id ? **id : 0;
}

qint64 createGroupWithPlaces(const TestServer &server, qint64 organizationId,
                             const QList<qint64> &placeIds, QString *error)
{
    auto db = openDatabase(server, error);
    if (!db)
        return 0;
    storage::GroupRepository groups(*db);
    const QString name
            = QStringLiteral("Group ") + QUuid::createUuid().toString(QUuid::Id128).left(8);
    auto id = groups.create(organizationId, name, QStringLiteral("made by an API test"), false,
                            nowMs(server));
    if (!id) {
        *error = id.error().message;
        return 0;
    }
    for (qint64 placeId : placeIds) {
        if (Status s = groups.attachPlace(*id, placeId, nowMs(server)); !s) {
            *error = s.error().message;
            return 0;
        }
    }
    return *id;
}

UserAccount createUserIn(const TestServer &server, qint64 organizationId, const QString &roleName,
                         const QString &emailPrefix)
{
    UserAccount account;
    account.email = uniqueEmail(emailPrefix);
    account.password = randomPassword();
    auto db = openDatabase(server, &account.error);
    if (!db)
        return account;
    storage::RoleRepository roles(*db);
    storage::UserRepository users(*db);
    auto roleId = roles.findIdByName(roleName);
    if (!roleId || !*roleId) {
        account.error = QStringLiteral("no role named ") + roleName;
        return account;
    }
    User user;
    user.organizationId = organizationId;
    user.roleId = **roleId;
    user.email = account.email;
    user.firstName = QStringLiteral("Site");
    user.lastName = QStringLiteral("Tester");
    user.passwordHash = auth::PasswordHasher().hash(account.password);
    if (user.passwordHash.isEmpty()) {
        account.error = QStringLiteral("password hashing failed");
        return account;
    }
    auto id = users.create(user, nowMs(server));
    if (!id) {
        account.error = id.error().message;
        return account;
    }
    account.id = *id;
    return account;
}

std::unique_ptr<ApiTestClient> loggedInClient(const TestServer &server, const QString &email,
                                              const QString &password)
{
    auto client = std::make_unique<ApiTestClient>(server.url());
    const Session s = login(*client, email, password);
    if (!s.isValid()) {
        qWarning("login of %s failed: %s", qPrintable(email), qPrintable(s.reply.describe()));
        return nullptr;
    }
    client->setBearer(s.accessToken);
    return client;
}

bool SiteClients::setUp(const TestServer &server)
{
    if (createRole(server, QStringLiteral("site_all"), sitePermissions(), &error) <= 0)
        return false;
    if (createRole(server, QStringLiteral("nothing"), {}, &error) <= 0)
        return false;
    otherOrganization = createOrganization(server, QStringLiteral("Other"), &error);
    if (otherOrganization <= 0)
        return false;
    defaultOrganization = defaultOrganizationId(server);
    if (defaultOrganization <= 0) {
        error = QStringLiteral("no default organization");
        return false;
    }
    struct Wanted
    {
        std::unique_ptr<ApiTestClient> *client;
        qint64 organization;
        const char *role;
        const char *prefix;
    };
    const Wanted wanted[] = {{&user, defaultOrganization, "site_all", "user"},
                             {&reader, defaultOrganization, "operator", "reader"},
                             {&nobody, defaultOrganization, "nothing", "nobody"},
                             {&other, otherOrganization, "site_all", "other"}};
    for (const Wanted &w : wanted) {
        const UserAccount account = createUserIn(
                server, w.organization, QString::fromLatin1(w.role), QString::fromLatin1(w.prefix));
        if (!account.isValid()) {
            error = account.error;
            return false;
        }
        *w.client = loggedInClient(server, account.email, account.password);
        if (!*w.client) {
            error = QStringLiteral("login failed for ") + account.email;
            return false;
        }
    }
    admin = loggedInClient(server, server.adminLogin(), server.adminPassword());
    if (!admin) {
        error = QStringLiteral("admin login failed");
        return false;
    }
    return true;
}

QList<ApiTestClient *> SiteClients::all() const
{
    QList<ApiTestClient *> out;
    for (ApiTestClient *c : {admin.get(), user.get(), reader.get(), nobody.get(), other.get()}) {
        if (c)
            out.append(c);
    }
    return out;
}

void SiteClients::reset()
{
    admin.reset();
    user.reset();
    reader.reset();
    nobody.reset();
    other.reset();
}

QByteArray imageBytes(int width, int height, const char *format, QColor color)
{
    QImage image(width, height, QImage::Format_RGB32);
    image.fill(color);
    {
        // Some structure, so that the encoders have something to encode.
        QPainter painter(&image);
        painter.fillRect(0, 0, width / 2, height / 2, Qt::yellow);
    }
    QByteArray out;
    QBuffer buffer(&out);
    buffer.open(QIODevice::WriteOnly);
    if (!image.save(&buffer, format))
        qWarning("QImage cannot write %s", format);
    return out;
}

MultipartBody multipartBody(const QList<FilePart> &parts)
{
    const QByteArray boundary = QByteArrayLiteral("vmsTestBoundary")
                                + QUuid::createUuid().toString(QUuid::Id128).toLatin1();
    MultipartBody out;
    out.contentType = QByteArrayLiteral("multipart/form-data; boundary=") + boundary;
    for (const FilePart &p : parts) {
        out.body += "--" + boundary + "\r\n";
        out.body += "Content-Disposition: form-data; name=\"" + p.name + "\"";
        if (!p.filename.isEmpty())
            out.body += "; filename=\"" + p.filename + "\"";
        out.body += "\r\n";
        if (!p.contentType.isEmpty())
            out.body += "Content-Type: " + p.contentType + "\r\n";
        out.body += "\r\n" + p.data + "\r\n";
    }
    out.body += "--" + boundary + "--\r\n";
    return out;
}

test::Reply upload(ApiTestClient &client, const QString &kind, const QByteArray &data)
{
    FilePart part;
    part.filename = QByteArrayLiteral("image.png");
    part.contentType = QByteArrayLiteral("image/png");
    part.data = data;
    const MultipartBody body = multipartBody({part});
    return client.postRaw(QStringLiteral("/api/v1/uploads?kind=") + kind, body.body,
                          body.contentType);
}

QString uploadImage(ApiTestClient &client, const QString &kind)
{
    const test::Reply r = upload(client, kind, imageBytes(64, 48, "PNG"));
    if (r.status != 200) {
        qWarning("upload failed: %s", qPrintable(r.describe()));
        return {};
    }
    return r.object()
            .value(QLatin1String("uploads"))
            .toArray()
            .first()
            .toObject()
            .value(QLatin1String("id"))
            .toString();
}

qint64 createPlace(ApiTestClient &client, const QJsonObject &body)
{
    const test::Reply r = client.post(QStringLiteral("/api/v1/places"), body);
    if (r.status != 200) {
        qWarning("place creation failed: %s", qPrintable(r.describe()));
        return 0;
    }
    return r.object().value(QLatin1String("id")).toInteger();
}

qint64 createPlan(ApiTestClient &client, const QString &name, qint64 placeId,
                  const QString &imageId)
{
    const test::Reply r = client.post(QStringLiteral("/api/v1/plans"),
                                      QJsonObject{{QStringLiteral("name"), name},
                                                  {QStringLiteral("place_id"), placeId},
                                                  {QStringLiteral("image_id"), imageId}});
    if (r.status != 200) {
        qWarning("plan creation failed: %s", qPrintable(r.describe()));
        return 0;
    }
    return r.object().value(QLatin1String("id")).toInteger();
}

QString createCamera(ApiTestClient &client, const QString &name, qint64 placeId)
{
    const test::Reply r = client.post(
            QStringLiteral("/api/v1/cameras"),
            QJsonObject{{QStringLiteral("name"), name},
                        {QStringLiteral("place_id"), placeId},
                        {QStringLiteral("source"),
                         QJsonObject{{QStringLiteral("url"),
                                      QString(QStringLiteral("rtsp://127.0.0.1:8554/") + name)}}}});
    if (r.status != 200) {
        qWarning("camera creation failed: %s", qPrintable(r.describe()));
        return {};
    }
    return r.object().value(QLatin1String("id")).toString();
}

QStringList idsOf(const QJsonValue &array)
{
    QStringList out;
    const QJsonArray items = array.toArray();
    for (const QJsonValue &v : items) {
        const QJsonValue id = v.toObject().value(QLatin1String("id"));
        out.append(id.isString() ? id.toString() : QString::number(id.toInteger()));
    }
    return out;
}

} // namespace vms::apitest
