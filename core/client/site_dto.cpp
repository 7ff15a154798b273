#include "core/client/site_dto.h"

#include "core/client/json_reader.h"

#include <QJsonArray>

namespace vms::client {

using detail::JsonReader;

namespace {

const QLatin1String kUrlKey("url");
const QLatin1String kSubstreamUrlKey("substream_url");
const QLatin1String kTransportKey("transport");

void insertIfSet(QJsonObject &json, const QString &key, const QString &value)
{
    if (!value.isEmpty())
        json.insert(key, value);
}

void insertIfSet(QJsonObject &json, const QString &key, const std::optional<double> &value)
{
    if (value)
        json.insert(key, *value);
}

void readCameraFields(JsonReader &r, Camera &c)
{
    c.id = r.string(QLatin1String("id"));
    c.name = r.string(QLatin1String("name"));
    c.source = r.object(QLatin1String("source"));
    c.videoAnalytics = r.object(QLatin1String("video_analytics"), false);
    c.videoStorage = r.object(QLatin1String("video_storage"), false);
    c.videoStreaming = r.object(QLatin1String("video_streaming"), false);
    c.ptz = r.object(QLatin1String("ptz"), false);
    c.placeId = r.integer(QLatin1String("place_id"));
    c.onvifHost = r.string(QLatin1String("onvif_host"), false);
    if (const auto port = r.optionalInteger(QLatin1String("onvif_port")))
        c.onvifPort = int(*port);
    c.onvifLogin = r.string(QLatin1String("onvif_login"), false);
    c.schedulerGroup = r.string(QLatin1String("scheduler_group"), false);
    c.schedulerTags = r.stringList(QLatin1String("scheduler_tags"), false);
    c.createdAt = r.dateTime(QLatin1String("created_at"));
    c.updatedAt = r.dateTime(QLatin1String("updated_at"));
    c.snapshotId = r.string(QLatin1String("snapshot_id"), false);
    c.snapshotUrl = r.string(QLatin1String("snapshot_url"), false);
    if (r.has(QLatin1String("origin"))) {
        Result<CameraOrigin> origin = CameraOrigin::fromJson(r.object(QLatin1String("origin")));
        if (origin)
            c.origin = std::move(origin).value();
        else
            r.fail(origin.error().message);
    }
    c.planId = r.optionalInteger(QLatin1String("plan_id"));
}

// Positions outside [0, 1] break the contract; NaN never compares inside.
void checkUnit(JsonReader &r, const std::optional<double> &value, QLatin1String key)
{
    if (value && !(*value >= 0.0 && *value <= 1.0))
        r.fail(QStringLiteral("'%1' is outside [0, 1]").arg(key));
}

} // namespace

// --- places ---

Result<Place> Place::fromJson(const QJsonObject &json)
{
    JsonReader r(json, QLatin1String("Place"));
    Place p;
    p.id = r.integer(QLatin1String("id"));
    p.name = r.string(QLatin1String("name"));
    p.description = r.string(QLatin1String("description"), false);
    p.latitude = r.optionalNumber(QLatin1String("latitude"));
    p.longitude = r.optionalNumber(QLatin1String("longitude"));
    p.createdAt = r.dateTime(QLatin1String("created_at"));
    p.updatedAt = r.dateTime(QLatin1String("updated_at"));
    p.planCount = r.integer(QLatin1String("plan_count"));
    p.cameraCount = r.integer(QLatin1String("camera_count"));
    if (!r.ok())
        return r.error();
    return p;
}

QJsonObject PlaceInput::toJson() const
{
    QJsonObject json{{QStringLiteral("name"), name}};
    insertIfSet(json, QStringLiteral("description"), description);
    insertIfSet(json, QStringLiteral("latitude"), latitude);
    insertIfSet(json, QStringLiteral("longitude"), longitude);
    return json;
}

PlaceInput PlaceInput::from(const Place &place)
{
    return {place.name, place.description, place.latitude, place.longitude};
}

// --- plans ---

Result<Plan> Plan::fromJson(const QJsonObject &json)
{
    JsonReader r(json, QLatin1String("Plan"));
    Plan p;
    p.id = r.integer(QLatin1String("id"));
    p.name = r.string(QLatin1String("name"));
    p.placeId = r.integer(QLatin1String("place_id"));
    p.imageId = r.string(QLatin1String("image_id"));
    p.imageUrl = r.string(QLatin1String("image_url"), false);
    p.createdAt = r.dateTime(QLatin1String("created_at"));
    p.updatedAt = r.dateTime(QLatin1String("updated_at"));
    if (!r.ok())
        return r.error();
    return p;
}

QJsonObject PlanInput::toJson() const
{
    return {{QStringLiteral("name"), name},
            {QStringLiteral("place_id"), placeId},
            {QStringLiteral("image_id"), imageId}};
}

PlanInput PlanInput::from(const Plan &plan)
{
    return {plan.name, plan.placeId, plan.imageId};
}

// --- cameras ---

Result<CameraOrigin> CameraOrigin::fromJson(const QJsonObject &json)
{
    JsonReader r(json, QLatin1String("CameraOrigin"));
    CameraOrigin o;
    o.planId = r.optionalInteger(QLatin1String("plan_id"));
    o.planName = r.string(QLatin1String("plan_name"), false);
    o.placeId = r.optionalInteger(QLatin1String("place_id"));
    o.placeName = r.string(QLatin1String("place_name"), false);
    o.placeDescription = r.string(QLatin1String("place_description"), false);
    o.placeLatitude = r.optionalNumber(QLatin1String("place_latitude"));
    o.placeLongitude = r.optionalNumber(QLatin1String("place_longitude"));
    if (!r.ok())
        return r.error();
    return o;
}

QString Camera::sourceUrl() const
{
    return source.value(kUrlKey).toString();
}

QString Camera::substreamUrl() const
{
    return source.value(kSubstreamUrlKey).toString();
}

StreamTransport Camera::transport() const
{
    const QString transport = source.value(kTransportKey).toString();
    if (transport == QLatin1String("tcp"))
        return StreamTransport::Tcp;
    if (transport == QLatin1String("udp"))
        return StreamTransport::Udp;
    return StreamTransport::Default;
}

Result<Camera> Camera::fromJson(const QJsonObject &json)
{
    JsonReader r(json, QLatin1String("Camera"));
    Camera c;
    readCameraFields(r, c);
    if (!r.ok())
        return r.error();
    return c;
}

Result<PlanCamera> PlanCamera::fromJson(const QJsonObject &json)
{
    JsonReader r(json, QLatin1String("PlanCamera"));
    PlanCamera pc;
    readCameraFields(r, pc.camera);
    pc.planId = r.integer(QLatin1String("plan_id"));
    pc.camera.planId = pc.planId;
    const QString cameraId = r.string(QLatin1String("camera_id"));
    pc.x = r.optionalNumber(QLatin1String("x"));
    pc.y = r.optionalNumber(QLatin1String("y"));
    checkUnit(r, pc.x, QLatin1String("x"));
    checkUnit(r, pc.y, QLatin1String("y"));
    if (r.ok() && cameraId != pc.camera.id)
        r.fail(QStringLiteral("'camera_id' differs from 'id'"));
    if (!r.ok())
        return r.error();
    return pc;
}

Result<PlanCameraPosition> PlanCameraPosition::fromJson(const QJsonObject &json)
{
    JsonReader r(json, QLatin1String("PlanCameraPosition"));
    PlanCameraPosition p;
    p.cameraId = r.string(QLatin1String("camera_id"));
    p.planId = r.integer(QLatin1String("plan_id"));
    p.x = r.optionalNumber(QLatin1String("x"));
    p.y = r.optionalNumber(QLatin1String("y"));
    checkUnit(r, p.x, QLatin1String("x"));
    checkUnit(r, p.y, QLatin1String("y"));
    if (!r.ok())
        return r.error();
    return p;
}

QJsonObject CameraInput::toJson() const
{
    QJsonObject json{{QStringLiteral("name"), name},
                     {QStringLiteral("source"), source},
                     {QStringLiteral("place_id"), placeId}};
    insertIfSet(json, QStringLiteral("onvif_host"), onvifHost);
    if (onvifPort)
        json.insert(QStringLiteral("onvif_port"), *onvifPort);
    insertIfSet(json, QStringLiteral("onvif_login"), onvifLogin);
    insertIfSet(json, QStringLiteral("onvif_password"), onvifPassword);
    insertIfSet(json, QStringLiteral("scheduler_group"), schedulerGroup);
    if (!schedulerTags.isEmpty())
        json.insert(QStringLiteral("scheduler_tags"), QJsonArray::fromStringList(schedulerTags));
    // The opaque blocks go back as they came, so that a PUT from the console keeps them.
    const std::pair<QString, const QJsonObject *> blocks[] = {
            {QStringLiteral("video_analytics"), &videoAnalytics},
            {QStringLiteral("video_storage"), &videoStorage},
            {QStringLiteral("video_streaming"), &videoStreaming},
            {QStringLiteral("ptz"), &ptz},
    };
    for (const auto &[key, block] : blocks) {
        if (!block->isEmpty())
            json.insert(key, *block);
    }
    return json;
}

CameraInput CameraInput::from(const Camera &camera)
{
    CameraInput input;
    input.name = camera.name;
    input.source = camera.source;
    input.placeId = camera.placeId;
    input.onvifHost = camera.onvifHost;
    input.onvifPort = camera.onvifPort;
    input.onvifLogin = camera.onvifLogin;
    input.schedulerGroup = camera.schedulerGroup;
    input.schedulerTags = camera.schedulerTags;
    input.videoAnalytics = camera.videoAnalytics;
    input.videoStorage = camera.videoStorage;
    input.videoStreaming = camera.videoStreaming;
    input.ptz = camera.ptz;
    return input;
}

QJsonObject makeCameraSource(const QString &url, const QString &substreamUrl,
                             StreamTransport transport, QJsonObject base)
{
    base.insert(kUrlKey, url);
    if (substreamUrl.isEmpty())
        base.remove(kSubstreamUrlKey);
    else
        base.insert(kSubstreamUrlKey, substreamUrl);
    switch (transport) {
    case StreamTransport::Default:
        base.remove(kTransportKey);
        break;
    case StreamTransport::Tcp:
        base.insert(kTransportKey, QStringLiteral("tcp"));
        break;
    case StreamTransport::Udp:
        base.insert(kTransportKey, QStringLiteral("udp"));
        break;
    }
    return base;
}

QUrlQuery CameraQuery::toUrlQuery(bool isSearch) const
{
    QUrlQuery q;
    if (placeId && !isSearch)
        q.addQueryItem(QStringLiteral("place_id"), QString::number(*placeId));
    if (groupId)
        q.addQueryItem(QStringLiteral("group_id"), QString::number(*groupId));
    if (withOrigin)
        q.addQueryItem(QStringLiteral("with_origin"), QStringLiteral("true"));
    page.addTo(q);
    return q;
}

// --- uploads ---

QString uploadKindName(UploadKind kind)
{
    switch (kind) {
    case UploadKind::Avatar:
        return QStringLiteral("avatar");
    case UploadKind::FaceImage:
        return QStringLiteral("face_image");
    case UploadKind::VehicleImage:
        return QStringLiteral("vehicle_image");
    case UploadKind::Plan:
        return QStringLiteral("plan");
    case UploadKind::CameraSnapshot:
        return QStringLiteral("camera_snapshot");
    case UploadKind::Logo:
        return QStringLiteral("logo");
    }
    return {};
}

Result<Upload> Upload::fromJson(const QJsonObject &json)
{
    JsonReader r(json, QLatin1String("Upload"));
    Upload u;
    u.id = r.string(QLatin1String("id"));
    u.mimeType = r.string(QLatin1String("mime_type"));
    u.kind = r.string(QLatin1String("kind"));
    u.originalId = r.string(QLatin1String("original_id"), false);
    u.createdAt = r.dateTime(QLatin1String("created_at"));
    u.url = r.string(QLatin1String("url"), false);
    u.meta = r.object(QLatin1String("meta"), false);
    if (!r.ok())
        return r.error();
    return u;
}

} // namespace vms::client
