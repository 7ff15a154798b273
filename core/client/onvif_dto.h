#pragma once

#include "core/domain/result.h"

#include <QJsonObject>
#include <QList>
#include <QString>
#include <QStringList>

#include <optional>

// Wire types of camera control over ONVIF (§8): device information, network ports, users,
// encoder configurations, imaging settings and PTZ. See resources/api/openapi.yaml (schemas
// Onvif*) and the ONVIF section of ENDPOINTS.md.
namespace vms::client {

/** A closed numeric range (schema ValueRange). */
struct OnvifRange
{
    double min = 0;
    double max = 0;

    bool contains(double value) const { return value >= min && value <= max; }
    double clamp(double value) const { return value < min ? min : (value > max ? max : value); }

    static Result<OnvifRange> fromJson(const QJsonObject &json);
};

/** GET /onvif/{id} (schema OnvifDeviceInfo). */
struct OnvifDeviceInfo
{
    QString manufacturer;
    QString model;
    QString firmwareVersion;
    QString serialNumber;
    QString hardwareId;

    static Result<OnvifDeviceInfo> fromJson(const QJsonObject &json);
};

/** One protocol of GET /onvif/{id}/network (schema OnvifNetworkProtocol). */
struct OnvifNetworkProtocol
{
    int port = 0;
    bool isEnabled = false;

    static Result<OnvifNetworkProtocol> fromJson(const QJsonObject &json);
};

/** GET /onvif/{id}/network (schema OnvifNetworkSettings); a protocol may be absent. */
struct OnvifNetworkSettings
{
    std::optional<OnvifNetworkProtocol> http;
    std::optional<OnvifNetworkProtocol> https;
    std::optional<OnvifNetworkProtocol> rtsp;

    static Result<OnvifNetworkSettings> fromJson(const QJsonObject &json);
};

/** PUT /onvif/{id}/network (schema OnvifNetworkSettingsUpdate): absent ports stay as they are. */
struct OnvifNetworkUpdate
{
    std::optional<int> http;
    std::optional<int> https;
    std::optional<int> rtsp;

    bool isEmpty() const { return !http && !https && !rtsp; }
    QJsonObject toJson() const;
};

/** A user account on the camera (schema OnvifUser). */
struct OnvifUser
{
    QString userName;
    QString userLevel; ///< free text, e.g. Administrator, Operator, User

    static Result<OnvifUser> fromJson(const QJsonObject &json);
};

/** A frame size, "WxH" on the wire (schema Resolution / VideoResolution). */
struct OnvifResolution
{
    int width = 0;
    int height = 0;

    QString text() const { return QStringLiteral("%1x%2").arg(width).arg(height); }
    bool operator==(const OnvifResolution &other) const = default;

    /** Parses "WxH"; nullopt for anything else. */
    static std::optional<OnvifResolution> fromText(const QString &text);
    static Result<OnvifResolution> fromJson(const QJsonObject &json);
};

/** An encoder a stream can use, with the values it accepts (schema OnvifSupportedEncoder). */
struct OnvifSupportedEncoder
{
    QString name; ///< H264, MPEG4 or JPEG
    QList<OnvifResolution> resolutions;
    OnvifRange framerateRange;
    OnvifRange bitrateRange;
    std::optional<OnvifRange> govLengthRange; ///< absent: the encoder has no GOP (JPEG)

    static Result<OnvifSupportedEncoder> fromJson(const QJsonObject &json);
};

/** A media profile of the camera and its encoder configuration (schema OnvifStream). */
struct OnvifStream
{
    QString name; ///< MAIN_STREAM, SUB_STREAM_1 or SUB_STREAM_2 (profile order)
    QString link; ///< the stream URI the camera reports
    QString currentEncoder;
    QString currentResolution; ///< "WxH"
    int currentFramerate = 0;
    int currentBitrate = 0; ///< kbit/s, as ONVIF counts
    std::optional<int> currentGovLength;
    QList<OnvifSupportedEncoder> supportedEncoders;

    /** The supported encoder named @p name, or nullptr. */
    const OnvifSupportedEncoder *encoder(const QString &name) const;

    static Result<OnvifStream> fromJson(const QJsonObject &json);
};

/** PUT /onvif/{id}/stream/encoder (schema OnvifStreamEncoderUpdate). */
struct OnvifEncoderUpdate
{
    QString streamProfile; ///< MAIN_STREAM, SUB_STREAM_1 or SUB_STREAM_2
    QString encoder;
    QString resolution; ///< one of the VideoResolution values, "WxH"
    int framerate = 0;
    int bitrate = 0;
    std::optional<int> govLength;

    QJsonObject toJson() const;
};

/** A numeric imaging setting with its range (schema OnvifImageRangedValue). */
struct OnvifRangedValue
{
    double value = 0;
    OnvifRange range;

    static Result<OnvifRangedValue> fromJson(const QJsonObject &json);
};

/** A mode setting: backlight compensation (ON/OFF) or IR cut filter (ON/OFF/AUTO). */
struct OnvifModeSetting
{
    QString mode;
    QStringList supportedModes;

    static Result<OnvifModeSetting> fromJson(const QJsonObject &json, QLatin1String typeName);
};

/** Exposure (schema OnvifExposure): the current range and the supported one. */
struct OnvifExposure
{
    OnvifRange current;
    OnvifRange supported;

    static Result<OnvifExposure> fromJson(const QJsonObject &json);
};

/** White balance (schema OnvifWhiteBalance); the gains apply in MANUAL mode. */
struct OnvifWhiteBalance
{
    QString mode; ///< AUTO or MANUAL
    double crGain = 0;
    double cbGain = 0;
    QStringList supportedModes;
    OnvifRange crGainRange;
    OnvifRange cbGainRange;

    static Result<OnvifWhiteBalance> fromJson(const QJsonObject &json);
};

/** Wide dynamic range (schema OnvifWideDynamicRange); the level applies while ON. */
struct OnvifWideDynamicRange
{
    QString mode; ///< ON or OFF
    double value = 0;
    QStringList supportedModes;
    OnvifRange range;

    static Result<OnvifWideDynamicRange> fromJson(const QJsonObject &json);
};

/** GET /onvif/{id}/image (schema OnvifImageSettings): a camera may lack any setting. */
struct OnvifImageSettings
{
    std::optional<OnvifRangedValue> brightness;
    std::optional<OnvifRangedValue> colorSaturation;
    std::optional<OnvifRangedValue> contrast;
    std::optional<OnvifRangedValue> sharpness;
    std::optional<OnvifModeSetting> backlightCompensation;
    std::optional<OnvifModeSetting> irCutFilter;
    std::optional<OnvifExposure> exposure;
    std::optional<OnvifWhiteBalance> whiteBalance;
    std::optional<OnvifWideDynamicRange> wideDynamicRange;

    static Result<OnvifImageSettings> fromJson(const QJsonObject &json);
};

/** The imaging settings written as a bare {value} (PUT /image/<path>). */
enum class OnvifImageValue { Brightness, Contrast, Saturation, Sharpness, Exposure };

/** The path segment under /image of @p setting, e.g. "saturation". */
QString onvifImageValuePath(OnvifImageValue setting);

/** PUT /onvif/{id}/image/dr (schema OnvifWideDynamicRangeUpdate): absent fields stay. */
struct OnvifWideDynamicRangeUpdate
{
    QString mode; ///< empty: not sent
    std::optional<double> value;

    QJsonObject toJson() const;
};

/** PUT /onvif/{id}/image/wb (schema OnvifWhiteBalanceUpdate): absent fields stay. */
struct OnvifWhiteBalanceUpdate
{
    QString mode; ///< empty: not sent
    std::optional<double> crGain;
    std::optional<double> cbGain;

    QJsonObject toJson() const;
};

/** A point of the PTZ space (schema Point2D). */
struct OnvifPoint
{
    double x = 0;
    double y = 0;
};

/** GET /onvif/{id}/ptz (schema OnvifPtz): what the camera's PTZ can do and where it is. */
struct OnvifPtz
{
    std::optional<OnvifPoint> position;
    std::optional<OnvifPoint> defaultSpeed;
    std::optional<OnvifRange> panRange;
    std::optional<OnvifRange> tiltRange;
    std::optional<double> zoomDefaultSpeed;
    std::optional<OnvifRange> zoomRange;
    int maxPresets = 0;
    bool isHomeSupported = false;

    static Result<OnvifPtz> fromJson(const QJsonObject &json);
};

/** Pan/tilt directions of PUT /onvif/{id}/ptz (PtzMoveDirection). */
enum class PtzMove { Up, Down, Left, LeftUp, LeftDown, Right, RightUp, RightDown };
/** Zoom directions of PUT /onvif/{id}/ptz (PtzZoomDirection). */
enum class PtzZoom { In, Out };

/** The wire name of @p move, e.g. "LEFT_UP". */
QString ptzMoveName(PtzMove move);
/** The wire name of @p zoom: "ZOOM_IN" or "ZOOM_OUT". */
QString ptzZoomName(PtzZoom zoom);

/** The slowest and fastest step of PUT /onvif/{id}/ptz. */
inline constexpr int kPtzMinStep = 1;
inline constexpr int kPtzMaxStep = 10;
/** Longest PTZ preset name (§8.23–8.25). */
inline constexpr int kPtzPresetNameMaxLength = 64;
/** Longest password of a camera user (§8.5). */
inline constexpr int kOnvifPasswordMaxLength = 16;

/** PUT /onvif/{id}/ptz (schema OnvifPtzMove): neither move nor zoom stops the camera. */
struct PtzCommand
{
    std::optional<PtzMove> move;
    std::optional<PtzZoom> zoom;
    int step = kPtzMinStep;

    bool isStop() const { return !move && !zoom; }
    QJsonObject toJson() const;
};

} // namespace vms::client
