#pragma once

#include "core/client/page.h"
#include "core/domain/result.h"

#include <QDateTime>
#include <QJsonObject>
#include <QList>
#include <QString>
#include <QStringList>

#include <optional>

// Wire types of sites: places (§12), plans (§13), cameras (§2) and uploads (§25).
// See resources/api/openapi.yaml.
namespace vms::client {

/** A physical site (schema Place). */
struct Place
{
    qint64 id = 0;
    QString name;
    QString description;
    std::optional<double> latitude;
    std::optional<double> longitude;
    QDateTime createdAt; ///< UTC
    QDateTime updatedAt; ///< UTC
    qint64 planCount = 0;
    qint64 cameraCount = 0;

    static Result<Place> fromJson(const QJsonObject &json);
};

/** Writable place fields (schema PlaceCreate); PUT replaces all of them. */
struct PlaceInput
{
    QString name;
    QString description; ///< empty: none
    /** Both or neither: the server rejects one coordinate without the other. */
    std::optional<double> latitude;
    std::optional<double> longitude;

    QJsonObject toJson() const;
    static PlaceInput from(const Place &place);
};

/** Filters of GET /places. The list is not paged: every match comes back. */
struct PlaceFilter
{
    bool withoutGroups = false; ///< only places that are in no group
    std::optional<qint64> groupId;
};

/** A floor plan image of a place (schema Plan). */
struct Plan
{
    qint64 id = 0;
    QString name;
    qint64 placeId = 0;
    QString imageId; ///< an upload of kind plan
    QString imageUrl;
    QDateTime createdAt;
    QDateTime updatedAt;

    static Result<Plan> fromJson(const QJsonObject &json);
};

/** Writable plan fields (schema PlanCreate). */
struct PlanInput
{
    QString name;
    qint64 placeId = 0;
    QString imageId;

    QJsonObject toJson() const;
    static PlanInput from(const Plan &plan);
};

/** Where a camera sits: its place and, if any, its plan (schema CameraOrigin). */
struct CameraOrigin
{
    std::optional<qint64> planId;
    QString planName;
    std::optional<qint64> placeId;
    QString placeName;
    QString placeDescription;
    std::optional<double> placeLatitude;
    std::optional<double> placeLongitude;

    static Result<CameraOrigin> fromJson(const QJsonObject &json);
};

/** Transport of an RTSP source. */
enum class StreamTransport { Default, Tcp, Udp };

/** A video camera (schema Camera). The configuration blocks are opaque JSON objects. */
struct Camera
{
    QString id; ///< UUID
    QString name;
    /** The stream to ingest: url, optional substream_url and transport, other keys as given. */
    QJsonObject source;
    QJsonObject videoAnalytics;
    QJsonObject videoStorage;
    QJsonObject videoStreaming;
    QJsonObject ptz;
    qint64 placeId = 0;
    QString onvifHost;
    std::optional<int> onvifPort;
    QString onvifLogin; ///< the password is write-only: replies never hold it
    QString schedulerGroup;
    QStringList schedulerTags;
    QDateTime createdAt;
    QDateTime updatedAt;
    QString snapshotId;
    QString snapshotUrl;
    std::optional<CameraOrigin> origin; ///< only with with_origin=true
    std::optional<qint64> planId;       ///< the plan it is placed on, if any

    QString sourceUrl() const;
    QString substreamUrl() const;
    StreamTransport transport() const;

    static Result<Camera> fromJson(const QJsonObject &json);
};

/** A camera as listed on a plan, with its position (schema PlanCamera). */
struct PlanCamera
{
    Camera camera;
    qint64 planId = 0;
    /** Normalized position on the plan image, 0..1 from the left and top edges. */
    std::optional<double> x;
    std::optional<double> y;

    static Result<PlanCamera> fromJson(const QJsonObject &json);
};

/** PUT /plans/{id}/cameras/{camera_id}/position answers this (schema PlanCameraPosition). */
struct PlanCameraPosition
{
    QString cameraId;
    qint64 planId = 0;
    std::optional<double> x;
    std::optional<double> y;

    static Result<PlanCameraPosition> fromJson(const QJsonObject &json);
};

/**
 * Writable camera fields (schema CameraCreate). PUT replaces the whole camera, so an edit starts
 * from CameraInput::from(camera) to keep the blocks the form does not show.
 */
struct CameraInput
{
    QString name;
    QJsonObject source;
    qint64 placeId = 0;
    QString onvifHost; ///< empty: not sent
    std::optional<int> onvifPort;
    QString onvifLogin;        ///< empty: not sent
    QString onvifPassword;     ///< empty: not sent (on update the stored one stays)
    QString schedulerGroup;    ///< empty: not sent
    QStringList schedulerTags; ///< empty: not sent
    QJsonObject videoAnalytics;
    QJsonObject videoStorage;
    QJsonObject videoStreaming;
    QJsonObject ptz;

    QJsonObject toJson() const;
    static CameraInput from(const Camera &camera);
};

/**
 * The `source` object of a camera: @p base (an existing source, whose other keys are kept) with
 * url, substream_url and transport set. An empty substream URL and the default transport remove
 * their keys.
 */
QJsonObject makeCameraSource(const QString &url, const QString &substreamUrl,
                             StreamTransport transport, QJsonObject base = {});

/** Filters and page of GET /cameras and POST /cameras/search. */
struct CameraQuery
{
    std::optional<qint64> placeId; ///< GET /cameras only
    std::optional<qint64> groupId;
    bool withOrigin = false;
    PageRequest page;

    QUrlQuery toUrlQuery(bool isSearch) const;
};

/** Kinds of uploads (enum UploadKind). */
enum class UploadKind { Avatar, FaceImage, VehicleImage, Plan, CameraSnapshot, Logo };
/** The API name of @p kind, e.g. "plan". */
QString uploadKindName(UploadKind kind);

/** An uploaded file (schema Upload). */
struct Upload
{
    QString id; ///< UUID
    QString mimeType;
    QString kind;
    QString originalId;
    QDateTime createdAt;
    QString url;
    QJsonObject meta;

    static Result<Upload> fromJson(const QJsonObject &json);
};

} // namespace vms::client
