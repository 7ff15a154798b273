#include "server/http/camera_json.h"

#include "core/domain/time_format.h"
#include "server/http/json_mapping.h"

#include <QJsonArray>

namespace vms::server {

QJsonObject cameraOriginJson(const CameraOrigin &o)
{
    QJsonObject out{{QStringLiteral("place_id"), o.placeId},
                    {QStringLiteral("place_name"), o.placeName}};
    if (o.planId)
        out.insert(QStringLiteral("plan_id"), *o.planId);
    if (o.planName)
        out.insert(QStringLiteral("plan_name"), *o.planName);
    if (o.placeDescription)
        out.insert(QStringLiteral("place_description"), *o.placeDescription);
    if (o.placeLatitude)
        out.insert(QStringLiteral("place_latitude"), *o.placeLatitude);
    if (o.placeLongitude)
        out.insert(QStringLiteral("place_longitude"), *o.placeLongitude);
    return out;
}

QJsonObject cameraJson(const Camera &c)
{
    QJsonObject out{{QStringLiteral("id"), c.id},
                    {QStringLiteral("name"), c.name},
                    {QStringLiteral("source"), c.source},
                    {QStringLiteral("place_id"), c.placeId},
                    {QStringLiteral("created_at"), isoFromMs(c.createdAtMs)},
                    {QStringLiteral("updated_at"), isoFromMs(c.updatedAtMs)}};
    const auto putObject = [&](const char *key, const std::optional<QJsonObject> &value) {
        if (value)
            out.insert(QLatin1String(key), *value);
    };
    putObject("video_analytics", c.videoAnalytics);
    putObject("video_storage", c.videoStorage);
    putObject("video_streaming", c.videoStreaming);
    putObject("ptz", c.ptz);
    if (c.onvifHost)
        out.insert(QStringLiteral("onvif_host"), *c.onvifHost);
    if (c.onvifPort)
        out.insert(QStringLiteral("onvif_port"), *c.onvifPort);
    if (c.onvifLogin)
        out.insert(QStringLiteral("onvif_login"), *c.onvifLogin);
    if (c.schedulerGroup)
        out.insert(QStringLiteral("scheduler_group"), *c.schedulerGroup);
    if (c.schedulerTags)
        out.insert(QStringLiteral("scheduler_tags"), QJsonArray::fromStringList(*c.schedulerTags));
    if (c.snapshotId) {
        out.insert(QStringLiteral("snapshot_id"), *c.snapshotId);
        out.insert(QStringLiteral("snapshot_url"), uploadContentUrl(*c.snapshotId));
    }
    if (c.planId)
        out.insert(QStringLiteral("plan_id"), *c.planId);
    if (c.origin)
        out.insert(QStringLiteral("origin"), cameraOriginJson(*c.origin));
    return out;
}

QJsonObject planCameraJson(const Camera &c)
{
    QJsonObject out = cameraJson(c);
    out.insert(QStringLiteral("camera_id"), c.id);
    if (c.planId)
        out.insert(QStringLiteral("plan_id"), *c.planId);
    if (c.planX)
        out.insert(QStringLiteral("x"), *c.planX);
    if (c.planY)
        out.insert(QStringLiteral("y"), *c.planY);
    return out;
}

} // namespace vms::server
