#pragma once

// Helpers shared by the API tests of uploads, places, plans, cameras and Orion: a second
// organization with its own users (inserted through the core), logged-in clients, images made
// with QImage, and multipart/form-data bodies.

#include "tests/api/api_fixture.h"

#include <QColor>
#include <QJsonObject>
#include <QStringList>

#include <memory>

namespace vms::apitest {

/** Every permission the site routes (uploads, places, plans, cameras, Orion) check. */
QStringList sitePermissions();

/** Inserts an organization with a unique name; 0 with *error set on failure. */
qint64 createOrganization(const TestServer &server, const QString &namePrefix, QString *error);
/** The id of the bootstrap organization of the admin. */
qint64 defaultOrganizationId(const TestServer &server);

/**
 * Inserts a group of `organizationId` holding `placeIds` (through the core); 0 with *error set
 * on failure.
 */
qint64 createGroupWithPlaces(const TestServer &server, qint64 organizationId,
                             const QList<qint64> &placeIds, QString *error);

/** Inserts a non-superuser of role `roleName` into organization `organizationId`. */
UserAccount createUserIn(const TestServer &server, qint64 organizationId, const QString &roleName,
                         const QString &emailPrefix);

/** A client of the server, logged in as `email`; null (with a warning) when login fails. */
std::unique_ptr<ApiTestClient> loggedInClient(const TestServer &server, const QString &email,
                                              const QString &password);

/**
 * The callers of a site test, logged in: the bootstrap superuser; a user of the default
 * organization with every site permission; a reader (the built-in operator role: *_read only);
 * a user whose role holds nothing; and a user of a second organization with every site
 * permission.
 */
struct SiteClients
{
    std::unique_ptr<ApiTestClient> admin;
    std::unique_ptr<ApiTestClient> user;
    std::unique_ptr<ApiTestClient> reader;
    std::unique_ptr<ApiTestClient> nobody;
    std::unique_ptr<ApiTestClient> other;
    qint64 defaultOrganization = 0;
    qint64 otherOrganization = 0;
    QString error;

    /** Creates the roles, organization and users; false with `error` set on failure. */
    bool setUp(const TestServer &server);
    QList<ApiTestClient *> all() const;
    void reset();
};

/** An image of w x h pixels in `format` ("PNG", "JPEG", "BMP"), made by QImage. */
QByteArray imageBytes(int width, int height, const char *format, QColor color = Qt::darkCyan);

struct FilePart
{
    QByteArray name = QByteArrayLiteral("upload_data");
    QByteArray filename = QByteArrayLiteral("file.bin");
    QByteArray contentType = QByteArrayLiteral("application/octet-stream");
    QByteArray data;
};
/** A multipart/form-data body and its Content-Type header value. */
struct MultipartBody
{
    QByteArray contentType;
    QByteArray body;
};
MultipartBody multipartBody(const QList<FilePart> &parts);

/** POST /api/v1/uploads?kind=... with one file; returns the reply. */
test::Reply upload(ApiTestClient &client, const QString &kind, const QByteArray &data);
/** Uploads a PNG of kind `kind` and returns the upload id (empty on failure). */
QString uploadImage(ApiTestClient &client, const QString &kind = QStringLiteral("plan"));

/** POST /api/v1/places {name, ...}; returns the created place id (0 on failure). */
qint64 createPlace(ApiTestClient &client, const QJsonObject &body);
/** POST /api/v1/plans; returns the plan id (0 on failure). */
qint64 createPlan(ApiTestClient &client, const QString &name, qint64 placeId,
                  const QString &imageId);
/** POST /api/v1/cameras with a minimal valid body; returns the camera id (empty on failure). */
QString createCamera(ApiTestClient &client, const QString &name, qint64 placeId);

/** The ids (`id` values, as strings) of the objects in `array`. */
QStringList idsOf(const QJsonValue &array);

} // namespace vms::apitest
