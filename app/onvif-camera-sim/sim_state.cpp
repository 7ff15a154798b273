#include "app/onvif-camera-sim/sim_state.h"

#include <algorithm>
#include <cmath>
#include <sstream>

namespace vms::onvifsim {

namespace {

// Pan, tilt and zoom move at |velocity| units per second: a full-speed pan sweeps the whole
// range (-1..1) in two seconds.
constexpr double kUnitsPerSecond = 1.0;
constexpr auto kNonceMemory = std::chrono::seconds(600);

std::string fmt(double v)
{
    std::ostringstream s;
    s << v;
    return s.str();
}

std::string rangeText(const char *field, double min, double max)
{
    return std::string(field) + " must be within " + fmt(min) + ".." + fmt(max);
}

int rtspPortOf(const std::string &url)
{
    // rtsp://host[:port]/path
    const auto scheme = url.find("://");
    if (scheme == std::string::npos)
        return 554;
    auto hostEnd = url.find('/', scheme + 3);
    std::string hostPort = url.substr(
            scheme + 3, hostEnd == std::string::npos ? std::string::npos : hostEnd - scheme - 3);
    if (const auto at = hostPort.rfind('@'); at != std::string::npos)
        hostPort = hostPort.substr(at + 1);
    const auto colon = hostPort.rfind(':');
    if (colon == std::string::npos || hostPort.find(']', colon) != std::string::npos)
        return 554;
    try {
        const int port = std::stoi(hostPort.substr(colon + 1));
        return port > 0 && port <= 65535 ? port : 554;
    } catch (...) {
        return 554;
    }
}

float clampf(float v, float lo, float hi)
{
    return std::min(hi, std::max(lo, v));
}

} // namespace

MaybeFault invalidArg(const std::string &reason, const std::string &subsubcode)
{
    return Fault{true, "ter:InvalidArgVal", subsubcode, reason};
}

MaybeFault notSupported(const std::string &reason)
{
    return Fault{false, "ter:ActionNotSupported", {}, reason};
}

SimState::SimState(const Options &options)
    : m_options(options)
{
    int rtspPort = 554;
    if (!options.rtspMain.empty())
        rtspPort = rtspPortOf(options.rtspMain);
    m_protocols = {{NetProto::Http, true, {options.port}},
                   {NetProto::Https, false, {443}},
                   {NetProto::Rtsp, true, {rtspPort}}};
    // The two extra accounts start with the --password value: no password is built in.
    m_users = {{options.user, options.password, UserLevel::Administrator},
               {"operator", options.password, UserLevel::Operator},
               {"viewer", options.password, UserLevel::User}};

    const std::vector<Resolution> all{{320, 240}, {352, 288},  {640, 360},  {640, 480},
                                      {704, 576}, {1280, 720}, {1280, 960}, {1920, 1080}};
    const std::vector<Resolution> sub(all.begin(), all.begin() + 5); // up to 704x576

    EncoderConfig main;
    main.token = "main";
    main.name = "MainStream";
    main.encoding = Encoding::H264;
    main.resolution = {1280, 720};
    main.frameRate = 25;
    main.bitrateKbps = 4096;
    main.govLength = 50;
    EncoderConfig sub1 = main;
    sub1.token = "sub1";
    sub1.name = "SubStream1";
    sub1.resolution = {640, 360};
    sub1.frameRate = 15;
    sub1.bitrateKbps = 1024;
    sub1.govLength = 30;
    EncoderConfig sub2 = main;
    sub2.token = "sub2";
    sub2.name = "SubStream2";
    sub2.encoding = Encoding::Jpeg;
    sub2.resolution = {352, 288};
    sub2.frameRate = 5;
    sub2.bitrateKbps = 512;
    sub2.govLength = 30;
    m_encoders = {main, sub1, sub2};

    EncoderOptions mainOptions;
    mainOptions.resolutions = all;
    mainOptions.frameRate = {1, 30};
    EncoderOptions subOptions;
    subOptions.resolutions = sub;
    subOptions.frameRate = {1, 25};
    m_encoderOptions = {{"main", mainOptions}, {"sub1", subOptions}, {"sub2", subOptions}};

    m_profiles = {{"main", "MainStream", "main"},
                  {"sub1", "SubStream1", "sub1"},
                  {"sub2", "SubStream2", "sub2"}};
    m_lastAdvance = Clock::now();
}

double SimState::deviceNow() const
{
    using namespace std::chrono;
    return duration<double>(system_clock::now().time_since_epoch()).count()
           + m_options.clockOffsetSeconds;
}

std::string SimState::baseUrl() const
{
    return "http://" + m_options.host + ":" + std::to_string(m_options.port);
}

// ---------- device ----------

std::vector<NetworkProtocol> SimState::networkProtocols() const
{
    std::lock_guard lock(m_mutex);
    return m_protocols;
}

void SimState::setRtspPort(int port)
{
    std::lock_guard lock(m_mutex);
    for (auto &p : m_protocols) {
        if (p.name == NetProto::Rtsp)
            p.ports = {port};
    }
}

MaybeFault SimState::setNetworkProtocols(const std::vector<NetworkProtocol> &protocols)
{
    if (protocols.empty())
        return invalidArg("NetworkProtocols: at least one protocol is required");
    for (const auto &p : protocols) {
        if (p.ports.empty())
            return invalidArg("NetworkProtocols: every protocol needs a Port");
        for (int port : p.ports) {
            if (port < 1 || port > 65535)
                return invalidArg(rangeText("NetworkProtocols/Port", 1, 65535), "ter:InvalidPort");
        }
    }
    std::lock_guard lock(m_mutex);
    // Stored and reported, but the simulator keeps listening where it was started: moving a
    // running test's camera would cut the test off, and the ports exist to be read back.
    for (const auto &p : protocols) {
        for (auto &mine : m_protocols) {
            if (mine.name == p.name) {
                mine.enabled = p.enabled;
                mine.ports = p.ports;
            }
        }
    }
    return {};
}

std::vector<User> SimState::users() const
{
    std::lock_guard lock(m_mutex);
    return m_users;
}

MaybeFault SimState::setUsers(const std::vector<UserChange> &changes)
{
    std::lock_guard lock(m_mutex);
    if (changes.empty())
        return invalidArg("User: at least one user is required");
    for (const auto &c : changes) {
        const bool known = std::any_of(m_users.begin(), m_users.end(),
                                       [&](const User &u) { return u.name == c.name; });
        if (!known)
            return invalidArg("User: no user named '" + c.name + "'", "ter:UsernameMissing");
        if (c.password && int(c.password->size()) > kMaxPasswordLength)
            return invalidArg("User/Password: at most " + std::to_string(kMaxPasswordLength)
                                      + " characters",
                              "ter:PasswordTooLong");
        if (c.password && c.password->empty())
            return invalidArg("User/Password: must not be empty", "ter:PasswordTooWeak");
        if (c.level != UserLevel::Administrator && c.level != UserLevel::Operator
            && c.level != UserLevel::User)
            return invalidArg("User/UserLevel: Administrator, Operator or User");
    }
    for (const auto &c : changes) {
        for (auto &u : m_users) {
            if (u.name != c.name)
                continue;
            if (c.password)
                u.password = *c.password;
            u.level = c.level;
        }
    }
    return {};
}

std::optional<std::string> SimState::passwordOf(const std::string &user) const
{
    std::lock_guard lock(m_mutex);
    for (const auto &u : m_users) {
        if (u.name == user)
            return u.password;
    }
    return std::nullopt;
}

bool SimState::acceptNonce(const std::string &nonce)
{
    const auto now = Clock::now();
    std::lock_guard lock(m_mutex);
    for (auto it = m_nonces.begin(); it != m_nonces.end();) {
        if (now - it->second > kNonceMemory)
            it = m_nonces.erase(it);
        else
            ++it;
    }
    const auto it = m_nonces.find(nonce);
    if (it == m_nonces.end()) {
        m_nonces.emplace(nonce, now);
        return true;
    }
    return now - it->second < std::chrono::seconds(1);
}

// ---------- media ----------

std::optional<Profile> SimState::profile(const std::string &token) const
{
    for (const auto &p : m_profiles) {
        if (p.token == token)
            return p;
    }
    return std::nullopt;
}

std::vector<EncoderConfig> SimState::encoderConfigs() const
{
    std::lock_guard lock(m_mutex);
    return m_encoders;
}

std::optional<EncoderConfig> SimState::encoderConfig(const std::string &token) const
{
    std::lock_guard lock(m_mutex);
    for (const auto &e : m_encoders) {
        if (e.token == token)
            return e;
    }
    return std::nullopt;
}

std::optional<EncoderOptions> SimState::encoderOptions(const std::string &configToken) const
{
    const auto it = m_encoderOptions.find(configToken);
    if (it == m_encoderOptions.end())
        return std::nullopt;
    return it->second;
}

MaybeFault SimState::setEncoderConfig(const EncoderConfig &c)
{
    const auto options = encoderOptions(c.token);
    if (!options)
        return invalidArg("Configuration: no video encoder configuration '" + c.token + "'",
                          "ter:NoConfig");
    const EncoderOptions &o = *options;
    if (c.encoding != Encoding::Jpeg && c.encoding != Encoding::Mpeg4
        && c.encoding != Encoding::H264)
        return invalidArg("Encoding: JPEG, MPEG4 or H264", "ter:ConfigModify");
    if (std::find(o.resolutions.begin(), o.resolutions.end(), c.resolution) == o.resolutions.end())
        return invalidArg("Resolution " + std::to_string(c.resolution.width) + "x"
                                  + std::to_string(c.resolution.height)
                                  + " is not among ResolutionsAvailable",
                          "ter:ConfigModify");
    if (!o.quality.contains(c.quality))
        return invalidArg(rangeText("Quality", o.quality.min, o.quality.max), "ter:ConfigModify");
    if (!o.frameRate.contains(c.frameRate))
        return invalidArg(rangeText("RateControl/FrameRateLimit", o.frameRate.min, o.frameRate.max),
                          "ter:ConfigModify");
    if (!o.encodingInterval.contains(c.encodingInterval))
        return invalidArg(rangeText("RateControl/EncodingInterval", o.encodingInterval.min,
                                    o.encodingInterval.max),
                          "ter:ConfigModify");
    const Range bitrate = c.encoding == Encoding::H264    ? o.h264Bitrate
                          : c.encoding == Encoding::Mpeg4 ? o.mpeg4Bitrate
                                                          : o.jpegBitrate;
    if (!bitrate.contains(c.bitrateKbps))
        return invalidArg(rangeText("RateControl/BitrateLimit", bitrate.min, bitrate.max),
                          "ter:ConfigModify");
    if (c.encoding != Encoding::Jpeg && !o.govLength.contains(c.govLength))
        return invalidArg(rangeText("GovLength", o.govLength.min, o.govLength.max),
                          "ter:ConfigModify");
    if (c.encoding == Encoding::H264
        && std::find(o.h264Profiles.begin(), o.h264Profiles.end(), c.h264Profile)
                   == o.h264Profiles.end())
        return invalidArg("H264Profile: Baseline, Main or High", "ter:ConfigModify");
    if (c.encoding == Encoding::Mpeg4
        && std::find(o.mpeg4Profiles.begin(), o.mpeg4Profiles.end(), c.mpeg4Profile)
                   == o.mpeg4Profiles.end())
        return invalidArg("Mpeg4Profile: SP or ASP", "ter:ConfigModify");
    if (c.name.empty() || c.name.size() > 64)
        return invalidArg("Name: 1..64 characters", "ter:ConfigModify");
    if (c.multicastPort < 0 || c.multicastPort > 65535)
        return invalidArg(rangeText("Multicast/Port", 0, 65535), "ter:ConfigModify");

    std::lock_guard lock(m_mutex);
    for (auto &e : m_encoders) {
        if (e.token == c.token) {
            const int useCount = e.useCount;
            e = c;
            e.useCount = useCount; // maintained by the device, not the client
        }
    }
    return {};
}

// ---------- imaging ----------

ImagingSettings SimState::imaging() const
{
    std::lock_guard lock(m_mutex);
    return m_imaging;
}

MaybeFault SimState::setImaging(const ImagingChange &c)
{
    const ImagingOptions o;
    auto check = [](const std::optional<float> &v, const FloatRange &r,
                    const char *field) -> MaybeFault {
        if (v && !(std::isfinite(*v) && r.contains(*v)))
            return invalidArg(rangeText(field, r.min, r.max), "ter:SettingsInvalid");
        return {};
    };
    auto checkMode = [](const std::optional<int> &v, int count, const char *field) -> MaybeFault {
        if (v && (*v < 0 || *v >= count))
            return invalidArg(std::string(field) + ": unsupported mode", "ter:SettingsInvalid");
        return {};
    };
    if (auto f = check(c.brightness, o.brightness, "Brightness"))
        return f;
    if (auto f = check(c.colorSaturation, o.colorSaturation, "ColorSaturation"))
        return f;
    if (auto f = check(c.contrast, o.contrast, "Contrast"))
        return f;
    if (auto f = check(c.sharpness, o.sharpness, "Sharpness"))
        return f;
    if (auto f = checkMode(c.backlightMode, 2, "BacklightCompensation/Mode"))
        return f;
    if (auto f = check(c.backlightLevel, o.backlightLevel, "BacklightCompensation/Level"))
        return f;
    if (auto f = checkMode(c.irCut, 3, "IrCutFilter"))
        return f;
    if (auto f = checkMode(c.exposureMode, 2, "Exposure/Mode"))
        return f;
    if (c.exposureUnsupportedField)
        return invalidArg("Exposure: only Mode, MinExposureTime and MaxExposureTime are "
                          "supported",
                          "ter:SettingsInvalid");
    if (auto f = check(c.minExposureTime, o.minExposureTime, "Exposure/MinExposureTime"))
        return f;
    if (auto f = check(c.maxExposureTime, o.maxExposureTime, "Exposure/MaxExposureTime"))
        return f;
    if (auto f = checkMode(c.wdrMode, 2, "WideDynamicRange/Mode"))
        return f;
    if (auto f = check(c.wdrLevel, o.wdrLevel, "WideDynamicRange/Level"))
        return f;
    if (auto f = checkMode(c.whiteBalanceMode, 2, "WhiteBalance/Mode"))
        return f;
    if (auto f = check(c.crGain, o.crGain, "WhiteBalance/CrGain"))
        return f;
    if (auto f = check(c.cbGain, o.cbGain, "WhiteBalance/CbGain"))
        return f;

    std::lock_guard lock(m_mutex);
    ImagingSettings n = m_imaging;
    if (c.brightness)
        n.brightness = *c.brightness;
    if (c.colorSaturation)
        n.colorSaturation = *c.colorSaturation;
    if (c.contrast)
        n.contrast = *c.contrast;
    if (c.sharpness)
        n.sharpness = *c.sharpness;
    if (c.backlightMode)
        n.backlightOn = *c.backlightMode == 1;
    if (c.backlightLevel)
        n.backlightLevel = *c.backlightLevel;
    if (c.irCut)
        n.irCut = *c.irCut;
    if (c.exposureMode)
        n.exposureMode = *c.exposureMode;
    if (c.minExposureTime)
        n.minExposureTime = *c.minExposureTime;
    if (c.maxExposureTime)
        n.maxExposureTime = *c.maxExposureTime;
    if (c.wdrMode)
        n.wdrOn = *c.wdrMode == 1;
    if (c.wdrLevel)
        n.wdrLevel = *c.wdrLevel;
    if (c.whiteBalanceMode)
        n.whiteBalanceMode = *c.whiteBalanceMode;
    if (c.crGain)
        n.crGain = *c.crGain;
    if (c.cbGain)
        n.cbGain = *c.cbGain;
    // Checked on the merged result: a request may change only one of the two.
    if (n.minExposureTime > n.maxExposureTime)
        return invalidArg("Exposure: MinExposureTime must not exceed MaxExposureTime",
                          "ter:SettingsInvalid");
    m_imaging = n;
    return {};
}

// ---------- PTZ ----------

void SimState::advanceLocked(Clock::time_point now)
{
    if (m_moving) {
        const auto until = std::min(now, m_moveUntil);
        const double dt = std::chrono::duration<double>(until - m_lastAdvance).count();
        if (dt > 0) {
            m_position.pan
                    = clampf(float(m_position.pan + m_velocity.pan * dt * kUnitsPerSecond), -1, 1);
            m_position.tilt = clampf(
                    float(m_position.tilt + m_velocity.tilt * dt * kUnitsPerSecond), -1, 1);
            m_position.zoom
                    = clampf(float(m_position.zoom + m_velocity.zoom * dt * kUnitsPerSecond), 0, 1);
        }
        if (now >= m_moveUntil) {
            m_moving = false;
            m_velocity = {};
        }
    }
    m_lastAdvance = now;
}

PtzStatus SimState::ptzStatus()
{
    std::lock_guard lock(m_mutex);
    advanceLocked(Clock::now());
    PtzStatus s;
    s.position = m_position;
    s.panTiltMoving = m_moving && (m_velocity.pan != 0 || m_velocity.tilt != 0);
    s.zoomMoving = m_moving && m_velocity.zoom != 0;
    return s;
}

PtzVector SimState::position()
{
    std::lock_guard lock(m_mutex);
    advanceLocked(Clock::now());
    return m_position;
}

MaybeFault SimState::continuousMove(const PtzRequest &v, double timeoutSeconds)
{
    auto bad = [](const std::optional<float> &x) {
        return x && !(std::isfinite(*x) && *x >= -1 && *x <= 1);
    };
    if (bad(v.pan) || bad(v.tilt))
        return invalidArg(rangeText("Velocity/PanTilt", -1, 1), "ter:InvalidVelocity");
    if (bad(v.zoom))
        return invalidArg(rangeText("Velocity/Zoom", -1, 1), "ter:InvalidVelocity");
    if (!(timeoutSeconds > 0) || timeoutSeconds > 3600)
        return invalidArg(rangeText("Timeout (seconds)", 0, 3600), "ter:TimeoutNotSupported");
    const auto now = Clock::now();
    std::lock_guard lock(m_mutex);
    advanceLocked(now);
    // A component that is not given keeps its current motion (ONVIF: "If the velocity is omitted
    // for an axis, that axis keeps moving").
    if (!m_moving)
        m_velocity = {};
    if (v.pan)
        m_velocity.pan = *v.pan;
    if (v.tilt)
        m_velocity.tilt = *v.tilt;
    if (v.zoom)
        m_velocity.zoom = *v.zoom;
    m_moving = m_velocity.pan != 0 || m_velocity.tilt != 0 || m_velocity.zoom != 0;
    m_moveUntil = now
                  + std::chrono::duration_cast<Clock::duration>(
                          std::chrono::duration<double>(timeoutSeconds));
    return {};
}

void SimState::stop(bool panTilt, bool zoom)
{
    std::lock_guard lock(m_mutex);
    advanceLocked(Clock::now());
    if (panTilt) {
        m_velocity.pan = 0;
        m_velocity.tilt = 0;
    }
    if (zoom)
        m_velocity.zoom = 0;
    m_moving = m_moving && (m_velocity.pan != 0 || m_velocity.tilt != 0 || m_velocity.zoom != 0);
}

MaybeFault SimState::absoluteMove(const PtzRequest &p)
{
    auto bad = [](const std::optional<float> &x, float lo, float hi) {
        return x && !(std::isfinite(*x) && *x >= lo && *x <= hi);
    };
    if (bad(p.pan, -1, 1) || bad(p.tilt, -1, 1))
        return invalidArg(rangeText("Position/PanTilt", -1, 1), "ter:InvalidPosition");
    if (bad(p.zoom, 0, 1))
        return invalidArg(rangeText("Position/Zoom", 0, 1), "ter:InvalidPosition");
    std::lock_guard lock(m_mutex);
    advanceLocked(Clock::now());
    // Moves are instantaneous: the head arrives before the reply (tests then read a definite
    // position). An absolute move ends a continuous one.
    m_moving = false;
    m_velocity = {};
    if (p.pan)
        m_position.pan = *p.pan;
    if (p.tilt)
        m_position.tilt = *p.tilt;
    if (p.zoom)
        m_position.zoom = *p.zoom;
    return {};
}

MaybeFault SimState::relativeMove(const PtzRequest &t)
{
    auto bad = [](const std::optional<float> &x) {
        return x && !(std::isfinite(*x) && *x >= -1 && *x <= 1);
    };
    if (bad(t.pan) || bad(t.tilt))
        return invalidArg(rangeText("Translation/PanTilt", -1, 1), "ter:InvalidTranslation");
    if (bad(t.zoom))
        return invalidArg(rangeText("Translation/Zoom", -1, 1), "ter:InvalidTranslation");
    std::lock_guard lock(m_mutex);
    advanceLocked(Clock::now());
    m_moving = false;
    m_velocity = {};
    // Like a real head, a translation past a limit stops at the limit.
    m_position.pan = clampf(m_position.pan + t.pan.value_or(0), -1, 1);
    m_position.tilt = clampf(m_position.tilt + t.tilt.value_or(0), -1, 1);
    m_position.zoom = clampf(m_position.zoom + t.zoom.value_or(0), 0, 1);
    return {};
}

std::vector<Preset> SimState::presets() const
{
    std::lock_guard lock(m_mutex);
    return m_presets;
}

MaybeFault SimState::setPreset(const std::optional<std::string> &name,
                               const std::optional<std::string> &token, std::string &resultToken)
{
    if (name && int(name->size()) > kMaxPresetNameLength)
        return invalidArg("PresetName: at most " + std::to_string(kMaxPresetNameLength)
                                  + " characters",
                          "ter:InvalidPresetName");
    std::lock_guard lock(m_mutex);
    advanceLocked(Clock::now());
    Preset *target = nullptr;
    if (token && !token->empty()) {
        for (auto &p : m_presets) {
            if (p.token == *token)
                target = &p;
        }
        if (!target)
            return invalidArg("PresetToken: no preset '" + *token + "'", "ter:NoToken");
    }
    if (name && !name->empty()) {
        for (const auto &p : m_presets) {
            if (p.name == *name && &p != target)
                return invalidArg("PresetName: a preset named '" + *name + "' exists",
                                  "ter:PresetExist");
        }
    }
    if (target) {
        if (name && !name->empty())
            target->name = *name;
        target->position = m_position;
        resultToken = target->token;
        return {};
    }
    if (int(m_presets.size()) >= m_options.maxPresets)
        return Fault{false, "ter:Action", "ter:TooManyPresets",
                     "at most " + std::to_string(m_options.maxPresets) + " presets"};
    Preset p;
    p.token = "preset_" + std::to_string(m_nextPreset++);
    p.name = name && !name->empty() ? *name : p.token; // ONVIF: the device names it
    p.position = m_position;
    m_presets.push_back(p);
    resultToken = p.token;
    return {};
}

MaybeFault SimState::removePreset(const std::string &token)
{
    std::lock_guard lock(m_mutex);
    const auto it = std::find_if(m_presets.begin(), m_presets.end(),
                                 [&](const Preset &p) { return p.token == token; });
    if (it == m_presets.end())
        return invalidArg("PresetToken: no preset '" + token + "'", "ter:NoToken");
    m_presets.erase(it);
    return {};
}

MaybeFault SimState::gotoPreset(const std::string &token)
{
    std::lock_guard lock(m_mutex);
    const auto it = std::find_if(m_presets.begin(), m_presets.end(),
                                 [&](const Preset &p) { return p.token == token; });
    if (it == m_presets.end())
        return invalidArg("PresetToken: no preset '" + token + "'", "ter:NoToken");
    advanceLocked(Clock::now());
    m_moving = false;
    m_velocity = {};
    m_position = it->position;
    return {};
}

void SimState::setHome()
{
    std::lock_guard lock(m_mutex);
    advanceLocked(Clock::now());
    m_home = m_position;
}

void SimState::gotoHome()
{
    std::lock_guard lock(m_mutex);
    advanceLocked(Clock::now());
    m_moving = false;
    m_velocity = {};
    m_position = m_home;
}

} // namespace vms::onvifsim
