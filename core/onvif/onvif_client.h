#pragma once

// OnvifClient: talks ONVIF (SOAP 1.2 over HTTP, gSOAP) to one device. Qt Core types only: no
// gSOAP type leaks out of this header, so the server and the console never include soapH.h.
//
// One OnvifClient per device endpoint (host, port, credentials). It discovers the service
// addresses (GetCapabilities) and the device's clock offset (GetSystemDateAndTime, the one
// unauthenticated call) on first use and keeps them, with the media profile and the PTZ node,
// so that a PTZ move or an imaging read costs exactly one SOAP round trip afterwards. Every call
// is synchronous and bounded by the endpoint's timeout; callers run it off their event loop
// (OnvifService wraps the calls in QFuture). Calls on one client are serialized by a mutex;
// different clients run in parallel.

#include <QList>
#include <QMutex>
#include <QString>

#include <memory>
#include <optional>
#include <variant>

namespace vms::onvif {

/// Where a device is and how to log in. Empty username means "no credentials configured".
struct Endpoint
{
    QString host;
    int port = 80;
    QString username;
    QString password;
    /// Connect, send and receive timeout of one SOAP call.
    int timeoutMs = 5000;
    /// Path of the device service; every conformant device answers at this one.
    QString devicePath = QStringLiteral("/onvif/device_service");

    QString deviceUrl() const;
};

/// How a call failed, in the terms of the REST API (seed §8).
enum class ErrorKind {
    Unauthenticated, ///< the device rejected the credentials -> 400 onvif_unauthenticated
    NotConfigured,   ///< no credentials for the device -> 400 onvif_not_configured
    InvalidArgument, ///< the device refused a value -> 400 onvif_invalid_argument
    Unsupported,     ///< the device lacks the operation or service -> 400 onvif_unsupported_action
    Unavailable,     ///< unreachable, timed out, or not speaking ONVIF -> 503
};

struct Error
{
    ErrorKind kind;
    /// Words for an operator or a log: the SOAP fault reason or the socket error. Never holds
    /// the password.
    QString detail;
};

template<typename T>
using Result = std::variant<T, Error>;

struct Done
{
};
using Status = Result<Done>;

template<typename T>
bool ok(const Result<T> &r)
{
    return r.index() == 0;
}
template<typename T>
const T &value(const Result<T> &r)
{
    return std::get<0>(r);
}
template<typename T>
const Error &error(const Result<T> &r)
{
    return std::get<1>(r);
}

// ---- Device -------------------------------------------------------------------------------

struct DeviceInformation
{
    QString manufacturer;
    QString model;
    QString firmwareVersion;
    QString serialNumber;
    QString hardwareId;
};

struct NetworkProtocol
{
    QString name; ///< "HTTP", "HTTPS" or "RTSP"
    bool enabled = false;
    QList<int> ports;
};

struct User
{
    QString username;
    QString level; ///< "Administrator", "Operator", "User", "Anonymous", "Extended"
};

// ---- Media --------------------------------------------------------------------------------

struct IntRange
{
    int min = 0;
    int max = 0;
};

struct FloatRange
{
    double min = 0;
    double max = 0;
};

struct Resolution
{
    int width = 0;
    int height = 0;
};

struct VideoEncoderConfiguration
{
    QString token;
    QString name;
    int useCount = 0;
    QString encoding; ///< "H264", "MPEG4" or "JPEG"
    Resolution resolution;
    double quality = 0;
    std::optional<int> frameRateLimit;
    std::optional<int> encodingInterval;
    std::optional<int> bitrateLimit; ///< kbit/s
    std::optional<int> govLength;    ///< from the H264 or MPEG4 section, whichever is present
    QString h264Profile;             ///< "Baseline", "Main", "Extended", "High" when H264
    QString mpeg4Profile;            ///< "SP", "ASP" when MPEG4
    QString sessionTimeout = QStringLiteral("PT60S");
};

/// What one encoding supports (GetVideoEncoderConfigurationOptions, including the Extension's
/// bitrate ranges).
struct EncodingOptions
{
    QString encoding; ///< "H264", "MPEG4" or "JPEG"
    QList<Resolution> resolutions;
    IntRange frameRate;
    std::optional<IntRange> encodingInterval;
    std::optional<IntRange> bitrate;
    std::optional<IntRange> govLength;
};

struct VideoEncoderOptions
{
    IntRange quality;
    QList<EncodingOptions> encodings;
};

struct Profile
{
    QString token;
    QString name;
    QString videoSourceToken; ///< the VideoSourceConfiguration's SourceToken (imaging uses it)
    std::optional<VideoEncoderConfiguration> encoder;
    QString ptzConfigurationToken; ///< empty when the profile has no PTZ configuration
};

// ---- Imaging ------------------------------------------------------------------------------

/// tt:ImagingSettings20. Absent optionals are not reported (read) or left unchanged (write).
struct ImagingSettings
{
    std::optional<QString> backlightCompensation; ///< "ON" / "OFF"
    std::optional<double> backlightLevel;
    std::optional<double> brightness;
    std::optional<double> colorSaturation;
    std::optional<double> contrast;
    std::optional<QString> exposureMode; ///< "AUTO" / "MANUAL"
    std::optional<double> minExposureTime;
    std::optional<double> maxExposureTime;
    std::optional<double> exposureTime;
    std::optional<QString> irCutFilter; ///< "ON" / "OFF" / "AUTO"
    std::optional<double> sharpness;
    std::optional<QString> wideDynamicRange; ///< "ON" / "OFF"
    std::optional<double> wideDynamicRangeLevel;
    std::optional<QString> whiteBalance; ///< "AUTO" / "MANUAL"
    std::optional<double> crGain;
    std::optional<double> cbGain;
};

/// tt:ImagingOptions20.
struct ImagingOptions
{
    QStringList backlightCompensationModes;
    std::optional<FloatRange> backlightLevel;
    std::optional<FloatRange> brightness;
    std::optional<FloatRange> colorSaturation;
    std::optional<FloatRange> contrast;
    QStringList exposureModes;
    std::optional<FloatRange> minExposureTime;
    std::optional<FloatRange> maxExposureTime;
    std::optional<FloatRange> exposureTime;
    QStringList irCutFilterModes;
    std::optional<FloatRange> sharpness;
    QStringList wideDynamicRangeModes;
    std::optional<FloatRange> wideDynamicRangeLevel;
    QStringList whiteBalanceModes;
    std::optional<FloatRange> yrGain; ///< ONVIF calls the Cr gain range YrGain in the options
    std::optional<FloatRange> ybGain; ///< ... and the Cb gain range YbGain
};

// ---- PTZ ----------------------------------------------------------------------------------

struct PtzNode
{
    QString token;
    QString name;
    FloatRange panRange{-1, 1};  ///< AbsolutePanTiltPositionSpace XRange
    FloatRange tiltRange{-1, 1}; ///< ... YRange
    std::optional<FloatRange> zoomRange;
    FloatRange panSpeedRange{-1, 1}; ///< ContinuousPanTiltVelocitySpace XRange
    FloatRange tiltSpeedRange{-1, 1};
    std::optional<FloatRange> zoomSpeedRange;
    int maxPresets = 0;
    bool homeSupported = false;
};

struct PtzConfiguration
{
    QString token;
    QString name;
    QString nodeToken;
    std::optional<double> defaultPanSpeed;
    std::optional<double> defaultTiltSpeed;
    std::optional<double> defaultZoomSpeed;
};

struct PtzStatus
{
    std::optional<double> pan;
    std::optional<double> tilt;
    std::optional<double> zoom;
    QString panTiltMove; ///< "IDLE", "MOVING", "UNKNOWN" or empty
    QString zoomMove;
};

struct PtzPreset
{
    QString token;
    QString name;
    std::optional<double> pan;
    std::optional<double> tilt;
    std::optional<double> zoom;
};

/// A velocity for ContinuousMove, each component in the node's speed space (-1..1 in the
/// generic space). An absent component is not sent.
struct PtzVelocity
{
    std::optional<double> pan;
    std::optional<double> tilt;
    std::optional<double> zoom;
};

/// What GetCapabilities reported.
struct Services
{
    QString device;
    QString media;   ///< empty when the device has no media service
    QString imaging; ///< empty when the device has no imaging service
    QString ptz;     ///< empty when the device has no PTZ service
};

class OnvifClient
{
public:
    explicit OnvifClient(Endpoint endpoint);
    ~OnvifClient();
    OnvifClient(const OnvifClient &) = delete;
    OnvifClient &operator=(const OnvifClient &) = delete;

    const Endpoint &endpoint() const { return m_endpoint; }

    /// Seconds to add to the local clock to get the device's (from GetSystemDateAndTime).
    /// Known after the first call; 0 before.
    qint64 clockOffsetSeconds() const;

    // Device (tds)
    Result<qint64> systemDateAndTimeUtc(); ///< unauthenticated; Unix seconds of the device
    Result<Services> capabilities();
    Result<DeviceInformation> deviceInformation();
    Result<QList<NetworkProtocol>> networkProtocols();
    Status setNetworkProtocols(const QList<NetworkProtocol> &protocols);
    Result<QList<User>> users();
    Status setUserPassword(const QString &username, const QString &level, const QString &password);

    // Media (trt)
    Result<QList<Profile>> profiles();
    Result<QList<VideoEncoderConfiguration>> videoEncoderConfigurations();
    Result<VideoEncoderOptions> videoEncoderOptions(const QString &configurationToken,
                                                    const QString &profileToken);
    Status setVideoEncoderConfiguration(const VideoEncoderConfiguration &configuration);
    Result<QString> streamUri(const QString &profileToken);
    Result<QString> snapshotUri(const QString &profileToken);

    // Imaging (timg), for a video source token
    Result<ImagingSettings> imagingSettings(const QString &videoSourceToken);
    Status setImagingSettings(const QString &videoSourceToken, const ImagingSettings &settings);
    Result<ImagingOptions> imagingOptions(const QString &videoSourceToken);

    // PTZ (tptz), for a media profile token
    Result<QList<PtzConfiguration>> ptzConfigurations();
    Result<QList<PtzNode>> ptzNodes();
    Result<PtzStatus> ptzStatus(const QString &profileToken);
    /// `timeout` is an xs:duration such as "PT1S"; empty sends none.
    Status continuousMove(const QString &profileToken, const PtzVelocity &velocity,
                          const QString &timeout);
    Status relativeMove(const QString &profileToken, const PtzVelocity &translation);
    Status absoluteMove(const QString &profileToken, const PtzVelocity &position);
    Status stop(const QString &profileToken, bool panTilt = true, bool zoom = true);
    Result<QList<PtzPreset>> presets(const QString &profileToken);
    /// Creates a preset named `name` (empty token) or overwrites the preset `token`. Returns
    /// the preset's token.
    Result<QString> setPreset(const QString &profileToken, const QString &name,
                              const QString &token = {});
    Status removePreset(const QString &profileToken, const QString &presetToken);
    Status gotoPreset(const QString &profileToken, const QString &presetToken);
    Status setHomePosition(const QString &profileToken);
    Status gotoHomePosition(const QString &profileToken);

    /// Forget the discovered service addresses and clock offset (the next call discovers them
    /// again). Called after a transport failure, since the device may have moved or rebooted.
    void resetDiscovery();

private:
    struct Impl;
    Endpoint m_endpoint;
    std::unique_ptr<Impl> d;
};

/// The operator-readable sentence for an error kind ("The camera rejected the login or
/// password", ...), shared by the server's detail strings and the console.
QString describe(ErrorKind kind);

} // namespace vms::onvif
