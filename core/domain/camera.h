#pragma once

#include <QJsonObject>
#include <QString>
#include <QStringList>

#include <optional>

namespace vms {

/** Where a camera is: its place and, when it is placed on one, its plan. */
struct CameraOrigin
{
    std::optional<qint64> planId;
    std::optional<QString> planName;
    qint64 placeId = 0;
    QString placeName;
    std::optional<QString> placeDescription;
    std::optional<double> placeLatitude;
    std::optional<double> placeLongitude;
};

/**
 * A camera of a place. The configuration blocks are opaque JSON objects stored as given, except
 * that `source` always holds a non-empty `url` (checked by the API).
 */
struct Camera
{
    QString id;                ///< UUID
    qint64 organizationId = 0; ///< always the organization of the place
    qint64 placeId = 0;
    std::optional<qint64> planId;
    std::optional<double> planX; ///< 0..1 on the plan image, set when planId is
    std::optional<double> planY;
    QString name;
    QJsonObject source;
    std::optional<QJsonObject> videoAnalytics;
    std::optional<QJsonObject> videoStorage;
    std::optional<QJsonObject> videoStreaming;
    std::optional<QJsonObject> ptz;
    std::optional<QString> onvifHost;
    std::optional<int> onvifPort;
    std::optional<QString> onvifLogin;
    std::optional<QString> onvifPassword;
    std::optional<QString> schedulerGroup;
    std::optional<QStringList> schedulerTags;
    std::optional<QString> snapshotId;
    qint64 createdAtMs = 0;
    qint64 updatedAtMs = 0;
    qint64 revision = 0; ///< bumped by every write of the row (storage only, not in the API)
    std::optional<CameraOrigin> origin; ///< filled by reads that ask for it
};

} // namespace vms
