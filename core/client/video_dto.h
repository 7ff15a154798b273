#pragma once

#include "core/domain/result.h"

#include <QJsonObject>
#include <QString>
#include <QUrl>

// Wire types of video: the archive (§18 segments) and the live state of streams (§21).
// See resources/api/openapi.yaml.
namespace vms::client {

/**
 * A recorded piece of a stream (schema Segment): one MPEG-TS file behind a signed URL that needs
 * no bearer token, so a player can open it directly, also against a remote server.
 */
struct Segment
{
    QUrl url;          ///< segment_url: absolute and signed; it expires after about an hour
    qint64 startS = 0; ///< ts_start, Unix seconds, rounded down
    qint64 endS = 0;   ///< ts_end, Unix seconds, rounded up
    QString signature;

    qint64 startMs() const { return startS * 1000; }
    qint64 endMs() const { return endS * 1000; }

    static Result<Segment> fromJson(const QJsonObject &json);
};

/** Runtime state of a stream on its stream server (schema Stream). */
struct StreamStatus
{
    QString streamServerId;
    QString streamServerHost;
    /** Our server: online, connecting, offline or error (free text in the seed). */
    QString status;
    qint64 ts = 0; ///< Unix seconds

    bool isOnline() const { return status == QLatin1String("online"); }

    static Result<StreamStatus> fromJson(const QJsonObject &json);
};

/** Technical parameters of a stream, measured by the server (schema StreamInfo). */
struct StreamInfo
{
    int frameRate = 0;
    qint64 bitRate = 0; ///< bits per second
    int frameWidth = 0;
    int frameHeight = 0;
    QString codec; ///< as FFmpeg names it, e.g. h264

    static Result<StreamInfo> fromJson(const QJsonObject &json);
};

/**
 * The stream id of a camera's substream: the UUID v5 of "substream" in the namespace of the
 * camera's id (a camera's main stream has the camera's id). Empty for a malformed camera id.
 */
QString substreamId(const QString &cameraId);

} // namespace vms::client
