#include "core/client/video_dto.h"

#include "core/client/json_reader.h"

#include <QUuid>

namespace vms::client {

using detail::JsonReader;

Result<Segment> Segment::fromJson(const QJsonObject &json)
{
    JsonReader r(json, QLatin1String("Segment"));
    Segment s;
    const QString url = r.string(QLatin1String("segment_url"));
    s.startS = r.integer(QLatin1String("ts_start"));
    s.endS = r.integer(QLatin1String("ts_end"));
    s.signature = r.string(QLatin1String("signature"));
    if (!r.ok())
        return r.error();
    s.url = QUrl(url, QUrl::StrictMode);
    // The player opens the URL as it is, so a relative or broken one is a contract violation.
    if (!s.url.isValid() || s.url.isRelative())
        r.fail(QStringLiteral("'segment_url' is not an absolute URL"));
    else if (s.endS < s.startS)
        r.fail(QStringLiteral("'ts_end' is before 'ts_start'"));
    if (!r.ok())
        return r.error();
    return s;
}

Result<StreamStatus> StreamStatus::fromJson(const QJsonObject &json)
{
    JsonReader r(json, QLatin1String("Stream"));
    StreamStatus s;
    s.streamServerId = r.string(QLatin1String("streamserver_id"));
    s.streamServerHost = r.string(QLatin1String("streamserver_host"));
    s.status = r.string(QLatin1String("status"));
    s.ts = r.integer(QLatin1String("ts"));
    if (!r.ok())
        return r.error();
    return s;
}

Result<StreamInfo> StreamInfo::fromJson(const QJsonObject &json)
{
    JsonReader r(json, QLatin1String("StreamInfo"));
    StreamInfo s;
    s.frameRate = int(r.integer(QLatin1String("frame_rate")));
    s.bitRate = r.integer(QLatin1String("bit_rate"));
    s.frameWidth = int(r.integer(QLatin1String("frame_width")));
    s.frameHeight = int(r.integer(QLatin1String("frame_height")));
    s.codec = r.string(QLatin1String("codec"));
    if (!r.ok())
        return r.error();
    return s;
}

QString substreamId(const QString &cameraId)
{
    const QUuid camera(cameraId);
    if (camera.isNull())
        return {};
    return QUuid::createUuidV5(camera, QByteArrayLiteral("substream"))
            .toString(QUuid::WithoutBraces);
}

} // namespace vms::client
