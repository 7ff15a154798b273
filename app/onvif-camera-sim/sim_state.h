// The simulated camera's state and its rules: device information, network protocols, users,
// encoder configurations with their options, imaging settings with their options, and the PTZ
// head (position, continuous moves in real time, presets, home). No gSOAP here: the SOAP layer
// (sim_service.cpp) converts messages to these structs and back, so that every rule lives in one
// place. Thread-safe: every public method takes the one mutex.
#pragma once

#include <chrono>
#include <cstdint>
#include <map>
#include <mutex>
#include <optional>
#include <string>
#include <vector>

namespace vms::onvifsim {

/// An ONVIF fault: env:Sender or env:Receiver, a ter: subcode and an optional second subcode.
struct Fault
{
    bool sender = true;
    std::string subcode;    // e.g. "ter:InvalidArgVal"
    std::string subsubcode; // e.g. "ter:NoToken"; may be empty
    std::string reason;
};
using MaybeFault = std::optional<Fault>;

MaybeFault invalidArg(const std::string &reason, const std::string &subsubcode = {});
MaybeFault notSupported(const std::string &reason);

struct Options
{
    std::string host = "127.0.0.1";
    int port = 0;
    std::string user;
    std::string password;
    std::string model = "SimCam PTZ-1";
    bool ptz = true;
    bool home = true;
    std::string rtspMain; // --rtsp
    std::string rtspSub;  // --rtsp-sub
    int maxPresets = 16;
    double clockOffsetSeconds = 0;
    bool trace = false;
    bool exitWithParent = false;
    bool httpDigest = false; // --http-digest
    std::string serveRtsp;   // --serve-rtsp HOST:PORT
};

enum class Encoding { Jpeg = 0, Mpeg4 = 1, H264 = 2 }; // values of tt__VideoEncoding

struct Resolution
{
    int width = 0;
    int height = 0;
    bool operator==(const Resolution &) const = default;
};

struct EncoderConfig
{
    std::string token;
    std::string name;
    int useCount = 1;
    Encoding encoding = Encoding::H264;
    Resolution resolution;
    float quality = 50;
    int frameRate = 25;
    int encodingInterval = 1;
    int bitrateKbps = 4096;
    int govLength = 50;   // H.264 and MPEG-4
    int h264Profile = 1;  // tt__H264Profile: Main
    int mpeg4Profile = 0; // tt__Mpeg4Profile: SP
    std::string sessionTimeout = "PT60S";
    std::string multicastAddress = "0.0.0.0";
    int multicastPort = 0;
    int multicastTtl = 1;
    bool multicastAutoStart = false;
};

struct Range
{
    int min = 0;
    int max = 0;
    bool contains(double v) const { return v >= min && v <= max; }
};

struct EncoderOptions
{
    Range quality{0, 100};
    std::vector<Resolution> resolutions;
    Range frameRate;
    Range encodingInterval{1, 10};
    Range govLength{1, 250};
    Range h264Bitrate{64, 16384};
    Range mpeg4Bitrate{64, 8192};
    Range jpegBitrate{64, 8192};
    std::vector<int> h264Profiles{0, 1, 3}; // Baseline, Main, High
    std::vector<int> mpeg4Profiles{0, 1};   // SP, ASP
};

struct Profile
{
    std::string token;
    std::string name;
    std::string encoderToken;
};

enum class NetProto { Http = 0, Https = 1, Rtsp = 2 }; // values of tt__NetworkProtocolType

struct NetworkProtocol
{
    NetProto name;
    bool enabled = true;
    std::vector<int> ports;
};

enum class UserLevel { Administrator = 0, Operator = 1, User = 2, Anonymous = 3, Extended = 4 };

struct User
{
    std::string name;
    std::string password;
    UserLevel level = UserLevel::User;
};

/// A SetUser entry: the password is optional.
struct UserChange
{
    std::string name;
    std::optional<std::string> password;
    UserLevel level = UserLevel::User;
};

struct FloatRange
{
    float min = 0;
    float max = 0;
    bool contains(float v) const { return v >= min && v <= max; }
};

struct ImagingSettings
{
    float brightness = 50, colorSaturation = 50, contrast = 50, sharpness = 50;
    bool backlightOn = false;
    float backlightLevel = 50;
    int irCut = 2;        // tt__IrCutFilterMode: ON 0, OFF 1, AUTO 2
    int exposureMode = 0; // AUTO 0, MANUAL 1
    float minExposureTime = 10, maxExposureTime = 33333;
    bool wdrOn = false;
    float wdrLevel = 50;
    int whiteBalanceMode = 0; // AUTO 0, MANUAL 1
    float crGain = 128, cbGain = 128;
};

/// SetImagingSettings: only the given fields change.
struct ImagingChange
{
    std::optional<float> brightness, colorSaturation, contrast, sharpness;
    std::optional<int> backlightMode; // 0 OFF, 1 ON (tt__BacklightCompensationMode)
    std::optional<float> backlightLevel;
    std::optional<int> irCut;
    std::optional<int> exposureMode;
    std::optional<float> minExposureTime, maxExposureTime;
    bool exposureUnsupportedField = false; // Priority, gains, iris, ExposureTime: not offered
    std::optional<int> wdrMode;            // 0 OFF, 1 ON (tt__WideDynamicMode)
    std::optional<float> wdrLevel;
    std::optional<int> whiteBalanceMode;
    std::optional<float> crGain, cbGain;
};

struct ImagingOptions
{
    FloatRange brightness{0, 100}, colorSaturation{0, 100}, contrast{0, 100}, sharpness{0, 100};
    FloatRange backlightLevel{0, 100};
    FloatRange minExposureTime{10, 40000}, maxExposureTime{10, 40000};
    FloatRange wdrLevel{0, 100};
    FloatRange crGain{0, 255}, cbGain{0, 255};
};

struct PtzVector
{
    float pan = 0, tilt = 0, zoom = 0;
};

struct Preset
{
    std::string token;
    std::string name;
    PtzVector position;
};

struct PtzStatus
{
    PtzVector position;
    bool panTiltMoving = false;
    bool zoomMoving = false;
};

/// Optional components of a move request.
struct PtzRequest
{
    std::optional<float> pan, tilt, zoom;
};

class SimState
{
public:
    explicit SimState(const Options &options);

    const Options &options() const { return m_options; }
    /// Seconds since the epoch on the device clock (real clock + --clock-offset).
    double deviceNow() const;
    std::string baseUrl() const; // http://HOST:PORT

    // Device
    std::vector<NetworkProtocol> networkProtocols() const;
    /// The RTSP entry's port once --serve-rtsp has bound its (possibly ephemeral) port.
    void setRtspPort(int port);
    MaybeFault setNetworkProtocols(const std::vector<NetworkProtocol> &protocols);
    std::vector<User> users() const;
    MaybeFault setUsers(const std::vector<UserChange> &changes);
    /// The password of a user, if the user exists.
    std::optional<std::string> passwordOf(const std::string &user) const;
    /// The lenient replay check: true when the nonce is fresh, or was first seen less than a
    /// second ago (some clients reuse a nonce within one second); records it.
    bool acceptNonce(const std::string &nonce);

    // Media
    std::vector<Profile> profiles() const { return m_profiles; }
    std::optional<Profile> profile(const std::string &token) const;
    std::vector<EncoderConfig> encoderConfigs() const;
    std::optional<EncoderConfig> encoderConfig(const std::string &token) const;
    std::optional<EncoderOptions> encoderOptions(const std::string &configToken) const;
    MaybeFault setEncoderConfig(const EncoderConfig &config);

    // Imaging
    ImagingSettings imaging() const;
    ImagingOptions imagingOptions() const { return {}; }
    MaybeFault setImaging(const ImagingChange &change);

    // PTZ (positions in the generic spaces: pan, tilt -1..1, zoom 0..1)
    PtzStatus ptzStatus();
    MaybeFault continuousMove(const PtzRequest &velocity, double timeoutSeconds);
    void stop(bool panTilt, bool zoom);
    MaybeFault absoluteMove(const PtzRequest &position);
    MaybeFault relativeMove(const PtzRequest &translation);
    std::vector<Preset> presets() const;
    /// Creates (no token) or updates (token) a preset at the current position; returns the token.
    MaybeFault setPreset(const std::optional<std::string> &name,
                         const std::optional<std::string> &token, std::string &resultToken);
    MaybeFault removePreset(const std::string &token);
    MaybeFault gotoPreset(const std::string &token);
    void setHome();
    void gotoHome();
    /// Position now (integrates a running continuous move), for the picture.
    PtzVector position();

    static constexpr int kMaxPresetNameLength = 64;
    static constexpr int kMaxPasswordLength = 16;

private:
    using Clock = std::chrono::steady_clock;
    void advanceLocked(Clock::time_point now);

    const Options m_options;
    mutable std::mutex m_mutex;
    std::vector<NetworkProtocol> m_protocols;
    std::vector<User> m_users;
    std::vector<Profile> m_profiles;
    std::vector<EncoderConfig> m_encoders;
    std::map<std::string, EncoderOptions> m_encoderOptions;
    ImagingSettings m_imaging;

    PtzVector m_position;
    PtzVector m_velocity;
    Clock::time_point m_lastAdvance;
    Clock::time_point m_moveUntil;
    bool m_moving = false;
    std::vector<Preset> m_presets;
    int m_nextPreset = 1;
    PtzVector m_home;

    std::map<std::string, Clock::time_point> m_nonces;
};

} // namespace vms::onvifsim
