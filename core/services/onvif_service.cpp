#include "core/services/onvif_service.h"

#include "core/domain/camera.h"

#include <QCryptographicHash>
#include <QMutexLocker>

#include <cmath>

namespace vms::services {

using onvif::ErrorKind;

namespace {

template<typename T>
Result<T> lift(onvif::Result<T> r)
{
    if (onvif::ok(r))
        return std::get<0>(std::move(r));
    return OnvifService::toError(onvif::error(r));
}

Status lift(const onvif::Status &r)
{
    if (onvif::ok(r))
        return Ok{};
    return OnvifService::toError(onvif::error(r));
}

Error unsupported(const QString &what)
{
    return Error::invalid(what, QStringLiteral("onvif_unsupported_action"));
}

Error invalidArgument(const QString &what)
{
    return Error::invalid(what, QStringLiteral("onvif_invalid_argument"));
}

} // namespace

const QStringList &OnvifService::streamProfileNames()
{
    static const QStringList names{QStringLiteral("MAIN_STREAM"), QStringLiteral("SUB_STREAM_1"),
                                   QStringLiteral("SUB_STREAM_2")};
    return names;
}

Error OnvifService::toError(const onvif::Error &error)
{
    switch (error.kind) {
    case ErrorKind::Unauthenticated:
        return Error::invalid(error.detail, QStringLiteral("onvif_unauthenticated"));
    case ErrorKind::NotConfigured:
        return Error::invalid(error.detail, QStringLiteral("onvif_not_configured"));
    case ErrorKind::InvalidArgument:
        return Error::invalid(error.detail, QStringLiteral("onvif_invalid_argument"));
    case ErrorKind::Unsupported:
        return Error::invalid(error.detail, QStringLiteral("onvif_unsupported_action"));
    case ErrorKind::Unavailable:
        return Error::unavailable(error.detail);
    }
    return Error::unavailable(error.detail);
}

/**
 * One camera's ONVIF state. The client serializes its own calls; the caches below are filled
 * on first use under `mutex` and dropped by forget().
 */
struct OnvifService::Session
{
    explicit Session(onvif::Endpoint e, QByteArray k)
        : client(std::move(e))
        , key(std::move(k))
    {}

    onvif::OnvifClient client;
    QByteArray key; ///< hash of host, port, login and password: a change makes a new session

    QMutex mutex;
    std::optional<QList<onvif::Profile>> profiles;
    QHash<QString, onvif::ImagingOptions> imagingOptions;
    std::optional<onvif::PtzNode> ptzNode;
    std::optional<onvif::PtzConfiguration> ptzConfiguration;

    void forget()
    {
        QMutexLocker lock(&mutex);
        profiles.reset();
        imagingOptions.clear();
        ptzNode.reset();
        ptzConfiguration.reset();
    }

    /** Drops the caches after a failure that may mean the device changed (reboot, swap). */
    template<typename T>
    T checked(T result)
    {
        if (!onvif::ok(result) && onvif::error(result).kind == ErrorKind::Unavailable)
            forget();
        return result;
    }

    onvif::Result<QList<onvif::Profile>> mediaProfiles()
    {
        {
            QMutexLocker lock(&mutex);
            if (profiles)
                return *profiles;
        }
        auto r = checked(client.profiles());
        if (onvif::ok(r)) {
            QMutexLocker lock(&mutex);
            profiles = onvif::value(r);
        }
        return r;
    }

    /** The first profile, whose video source the imaging calls address. */
    onvif::Result<onvif::Profile> mainProfile()
    {
        auto all = mediaProfiles();
        if (!onvif::ok(all))
            return onvif::error(all);
        if (onvif::value(all).isEmpty())
            return onvif::Error{ErrorKind::Unsupported,
                                QStringLiteral("The camera reports no media profile")};
        return onvif::value(all).first();
    }

    /** The first profile with a PTZ configuration: PTZ calls name it. */
    onvif::Result<onvif::Profile> ptzProfile()
    {
        auto all = mediaProfiles();
        if (!onvif::ok(all))
            return onvif::error(all);
        for (const onvif::Profile &p : onvif::value(all))
            if (!p.ptzConfigurationToken.isEmpty())
                return p;
        return onvif::Error{ErrorKind::Unsupported, QStringLiteral("The camera has no PTZ")};
    }

    onvif::Result<onvif::ImagingOptions> optionsFor(const QString &source)
    {
        {
            QMutexLocker lock(&mutex);
            auto it = imagingOptions.constFind(source);
            if (it != imagingOptions.cend())
                return *it;
        }
        auto r = checked(client.imagingOptions(source));
        if (onvif::ok(r)) {
            QMutexLocker lock(&mutex);
            imagingOptions.insert(source, onvif::value(r));
        }
        return r;
    }

    /** The PTZ node and configuration of the PTZ profile (cached). */
    std::optional<onvif::Error> ptzSetup(const onvif::Profile &profile)
    {
        {
            QMutexLocker lock(&mutex);
            if (ptzNode && ptzConfiguration)
                return std::nullopt;
        }
        auto configs = checked(client.ptzConfigurations());
        if (!onvif::ok(configs))
            return onvif::error(configs);
        auto nodes = checked(client.ptzNodes());
        if (!onvif::ok(nodes))
            return onvif::error(nodes);
        std::optional<onvif::PtzConfiguration> config;
        for (const auto &c : onvif::value(configs))
            if (c.token == profile.ptzConfigurationToken)
                config = c;
        if (!config && !onvif::value(configs).isEmpty())
            config = onvif::value(configs).first();
        if (!config)
            return onvif::Error{ErrorKind::Unsupported,
                                QStringLiteral("The camera reports no PTZ configuration")};
        std::optional<onvif::PtzNode> node;
        for (const auto &n : onvif::value(nodes))
            if (n.token == config->nodeToken)
                node = n;
        if (!node && !onvif::value(nodes).isEmpty())
            node = onvif::value(nodes).first();
        if (!node)
            return onvif::Error{ErrorKind::Unsupported,
                                QStringLiteral("The camera reports no PTZ node")};
        QMutexLocker lock(&mutex);
        ptzNode = node;
        ptzConfiguration = config;
        return std::nullopt;
    }
};

OnvifService::OnvifService(storage::Database &db, AuditService &audit, int timeoutMs)
    : m_audit(audit)
    , m_cameras(db)
    , m_timeoutMs(timeoutMs)
{}

OnvifService::~OnvifService() = default;

Result<std::shared_ptr<OnvifService::Session>> OnvifService::session(const Principal &who,
                                                                     const QString &id)
{
    auto found = m_cameras.find(id);
    if (!found)
        return found.error();
    if (!*found) {
        // A deleted camera's session (and its connection to the device) goes with it.
        QMutexLocker lock(&m_mutex);
        m_sessions.remove(id);
        return Error::notFound(QStringLiteral("Camera not found"));
    }
    if (!who.user.isSuperuser && (*found)->organizationId != who.user.organizationId)
        return Error::notFound(QStringLiteral("Camera not found"));
    const Camera &camera = **found;
    const QString host = camera.onvifHost.value_or(QString()).trimmed();
    const QString login = camera.onvifLogin.value_or(QString());
    const QString password = camera.onvifPassword.value_or(QString());
    if (host.isEmpty() || login.isEmpty() || password.isEmpty()) {
        QMutexLocker lock(&m_mutex);
        m_sessions.remove(id);
        lock.unlock();
        return Error::invalid(QStringLiteral("The camera has no ONVIF %1 configured")
                                      .arg(host.isEmpty()    ? QStringLiteral("address")
                                           : login.isEmpty() ? QStringLiteral("login")
                                                             : QStringLiteral("password")),
                              QStringLiteral("onvif_not_configured"));
    }
    onvif::Endpoint endpoint;
    endpoint.host = host;
    endpoint.port = camera.onvifPort.value_or(80);
    endpoint.username = login;
    endpoint.password = password;
    endpoint.timeoutMs = m_timeoutMs;
    QCryptographicHash hash(QCryptographicHash::Sha256);
    for (const QString &part : {host, QString::number(endpoint.port), login, password}) {
        hash.addData(part.toUtf8());
        hash.addData(QByteArrayView("\0", 1));
    }
    const QByteArray key = hash.result();

    QMutexLocker lock(&m_mutex);
    auto it = m_sessions.find(id);
    if (it != m_sessions.end() && (*it)->key == key)
        return *it;
    auto s = std::make_shared<Session>(std::move(endpoint), key);
    m_sessions.insert(id, s);
    return s;
}

void OnvifService::audit(const QString &action, const Principal &who, const QString &cameraId,
                         const CallerInfo &caller, QJsonObject meta)
{
    meta.insert(QStringLiteral("camera_id"), cameraId);
    m_audit.record(action, who.user, caller, meta);
}

#define ONVIF_SESSION(var, who, id) \
    auto var##Result = session(who, id); \
    if (!var##Result) \
        return var##Result.error(); \
    Session &var = **var##Result;

Result<onvif::DeviceInformation> OnvifService::deviceInformation(const Principal &who,
                                                                 const QString &id)
{
    ONVIF_SESSION(s, who, id);
    return lift(s.checked(s.client.deviceInformation()));
}

Result<QList<onvif::NetworkProtocol>> OnvifService::network(const Principal &who, const QString &id)
{
    ONVIF_SESSION(s, who, id);
    return lift(s.checked(s.client.networkProtocols()));
}

Status OnvifService::setNetworkPorts(const Principal &who, const QString &id,
                                     std::optional<int> http, std::optional<int> https,
                                     std::optional<int> rtsp, const CallerInfo &caller)
{
    ONVIF_SESSION(s, who, id);
    auto current = lift(s.checked(s.client.networkProtocols()));
    if (!current)
        return current.error();
    QList<onvif::NetworkProtocol> protocols = *current;
    QJsonObject meta;
    auto apply = [&](const QString &name, std::optional<int> port) -> bool {
        if (!port)
            return true;
        for (auto &p : protocols) {
            if (p.name == name) {
                p.ports = {*port};
                meta.insert(name.toLower(), *port);
                return true;
            }
        }
        return false;
    };
    if (!apply(QStringLiteral("HTTP"), http))
        return invalidArgument(QStringLiteral("The camera has no HTTP service to configure"));
    if (!apply(QStringLiteral("HTTPS"), https))
        return invalidArgument(QStringLiteral("The camera has no HTTPS service to configure"));
    if (!apply(QStringLiteral("RTSP"), rtsp))
        return invalidArgument(QStringLiteral("The camera has no RTSP service to configure"));
    if (auto r = lift(s.checked(s.client.setNetworkProtocols(protocols))); !r)
        return r.error();
    audit(QStringLiteral("onvif_network_update"), who, id, caller, meta);
    return Ok{};
}

Result<QList<onvif::User>> OnvifService::users(const Principal &who, const QString &id)
{
    ONVIF_SESSION(s, who, id);
    return lift(s.checked(s.client.users()));
}

Status OnvifService::setUserPassword(const Principal &who, const QString &id,
                                     const QString &username, const QString &password,
                                     const CallerInfo &caller)
{
    ONVIF_SESSION(s, who, id);
    auto users = lift(s.checked(s.client.users()));
    if (!users)
        return users.error();
    QString level;
    for (const onvif::User &u : std::as_const(*users))
        if (u.username == username)
            level = u.level;
    if (level.isEmpty())
        return invalidArgument(QStringLiteral("The camera has no user %1").arg(username));
    if (auto r = lift(s.checked(s.client.setUserPassword(username, level, password))); !r)
        return r.error();
    audit(QStringLiteral("onvif_user_update"), who, id, caller,
          QJsonObject{{QStringLiteral("user_name"), username}});
    return Ok{};
}

Result<OnvifService::Streams> OnvifService::streams(const Principal &who, const QString &id)
{
    ONVIF_SESSION(s, who, id);
    // Fresh profiles: the encoder settings are what this answer is about.
    auto profiles = lift(s.checked(s.client.profiles()));
    if (!profiles)
        return profiles.error();
    {
        QMutexLocker lock(&s.mutex);
        s.profiles = *profiles;
    }
    Streams out;
    for (const onvif::Profile &p : std::as_const(*profiles)) {
        if (!p.encoder)
            continue;
        if (out.streams.size() == streamProfileNames().size())
            break;
        Streams::Stream stream;
        stream.name = streamProfileNames().at(out.streams.size());
        stream.encoder = *p.encoder;
        auto options = lift(s.checked(s.client.videoEncoderOptions(p.encoder->token, p.token)));
        if (!options)
            return options.error();
        stream.options = *options;
        auto uri = lift(s.checked(s.client.streamUri(p.token)));
        if (!uri)
            return uri.error();
        stream.link = *uri;
        out.streams << stream;
    }
    return out;
}

Status OnvifService::setEncoder(const Principal &who, const QString &id,
                                const EncoderChange &change, const CallerInfo &caller)
{
    ONVIF_SESSION(s, who, id);
    auto profiles = lift(s.checked(s.client.profiles()));
    if (!profiles)
        return profiles.error();
    const qsizetype index = streamProfileNames().indexOf(change.streamProfile);
    QList<onvif::Profile> withEncoder;
    for (const onvif::Profile &p : std::as_const(*profiles))
        if (p.encoder)
            withEncoder << p;
    if (index < 0 || index >= withEncoder.size())
        return invalidArgument(
                QStringLiteral("The camera has no stream %1").arg(change.streamProfile));
    onvif::VideoEncoderConfiguration c = *withEncoder.at(index).encoder;
    c.encoding = change.encoder;
    c.resolution = {change.width, change.height};
    c.frameRateLimit = change.framerate;
    c.bitrateLimit = change.bitrate;
    if (change.govLength)
        c.govLength = change.govLength;
    if (auto r = lift(s.checked(s.client.setVideoEncoderConfiguration(c))); !r)
        return r.error();
    s.forget();
    QJsonObject meta{{QStringLiteral("stream_profile"), change.streamProfile},
                     {QStringLiteral("encoder"), change.encoder},
                     {QStringLiteral("resolution"),
                      QStringLiteral("%1x%2").arg(change.width).arg(change.height)},
                     {QStringLiteral("framerate"), change.framerate},
                     {QStringLiteral("bitrate"), change.bitrate}};
    if (change.govLength)
        meta.insert(QStringLiteral("gov_length"), *change.govLength);
    audit(QStringLiteral("onvif_stream_update"), who, id, caller, meta);
    return Ok{};
}

Result<OnvifService::Image> OnvifService::image(const Principal &who, const QString &id)
{
    ONVIF_SESSION(s, who, id);
    auto profile = lift(s.mainProfile());
    if (!profile)
        return profile.error();
    auto options = lift(s.optionsFor(profile->videoSourceToken));
    if (!options)
        return options.error();
    auto settings = lift(s.checked(s.client.imagingSettings(profile->videoSourceToken)));
    if (!settings)
        return settings.error();
    return Image{*settings, *options};
}

Status OnvifService::setImage(const Principal &who, const QString &id, const ImageChange &change,
                              const CallerInfo &caller)
{
    ONVIF_SESSION(s, who, id);
    auto profile = lift(s.mainProfile());
    if (!profile)
        return profile.error();
    onvif::ImagingSettings values = change.values;
    // Modes a partial body leaves out are read back, since ONVIF requires the mode next to a
    // level or gain.
    const bool needsCurrent = (change.setting == QLatin1String("dr") && !values.wideDynamicRange)
                              || (change.setting == QLatin1String("wb") && !values.whiteBalance)
                              || change.setting == QLatin1String("exposure");
    if (needsCurrent) {
        auto current = lift(s.checked(s.client.imagingSettings(profile->videoSourceToken)));
        if (!current)
            return current.error();
        if (change.setting == QLatin1String("dr")) {
            if (!current->wideDynamicRange)
                return unsupported(QStringLiteral("The camera has no wide dynamic range"));
            values.wideDynamicRange = current->wideDynamicRange;
        } else if (change.setting == QLatin1String("wb")) {
            if (!current->whiteBalance)
                return unsupported(QStringLiteral("The camera has no white balance control"));
            values.whiteBalance = current->whiteBalance;
        } else {
            if (!current->exposureMode)
                return unsupported(QStringLiteral("The camera has no exposure control"));
            values.exposureMode = current->exposureMode;
            values.minExposureTime = current->minExposureTime;
        }
    }
    if (auto r = lift(s.checked(s.client.setImagingSettings(profile->videoSourceToken, values)));
        !r)
        return r.error();
    QJsonObject meta{{QStringLiteral("setting"), change.setting}};
    auto put = [&meta](const char *key, const auto &v) {
        if (v)
            meta.insert(QLatin1String(key), *v);
    };
    put("brightness", change.values.brightness);
    put("contrast", change.values.contrast);
    put("saturation", change.values.colorSaturation);
    put("sharpness", change.values.sharpness);
    put("backlight", change.values.backlightCompensation);
    put("ir", change.values.irCutFilter);
    put("exposure_max", change.values.maxExposureTime);
    put("dr_mode", change.values.wideDynamicRange);
    put("dr_value", change.values.wideDynamicRangeLevel);
    put("wb_mode", change.values.whiteBalance);
    put("cr_gain", change.values.crGain);
    put("cb_gain", change.values.cbGain);
    audit(QStringLiteral("onvif_image_update"), who, id, caller, meta);
    return Ok{};
}

Result<OnvifService::Ptz> OnvifService::ptz(const Principal &who, const QString &id)
{
    ONVIF_SESSION(s, who, id);
    auto profile = lift(s.ptzProfile());
    if (!profile)
        return profile.error();
    if (auto e = s.ptzSetup(*profile))
        return toError(*e);
    auto status = lift(s.checked(s.client.ptzStatus(profile->token)));
    if (!status)
        return status.error();
    QMutexLocker lock(&s.mutex);
    if (!s.ptzNode || !s.ptzConfiguration) // dropped by a concurrent failure
        return Error::unavailable(QStringLiteral("The camera's PTZ setup changed; try again"));
    return Ptz{*s.ptzNode, *s.ptzConfiguration, *status};
}

Status OnvifService::movePtz(const Principal &who, const QString &id, const PtzMove &move,
                             const CallerInfo &caller)
{
    ONVIF_SESSION(s, who, id);
    auto profile = lift(s.ptzProfile());
    if (!profile)
        return profile.error();
    const double speed = std::clamp(move.step, 1, 10) / 10.0;
    Status result = Ok{};
    if (move.move.isEmpty() && move.zoom.isEmpty()) {
        result = lift(s.checked(s.client.stop(profile->token, true, true)));
    } else {
        onvif::PtzVelocity v;
        if (!move.move.isEmpty()) {
            const QString &m = move.move;
            double pan = 0, tilt = 0;
            if (m.startsWith(QLatin1String("LEFT")))
                pan = -speed;
            else if (m.startsWith(QLatin1String("RIGHT")))
                pan = speed;
            if (m == QLatin1String("UP") || m.endsWith(QLatin1String("_UP")))
                tilt = speed;
            else if (m == QLatin1String("DOWN") || m.endsWith(QLatin1String("_DOWN")))
                tilt = -speed;
            v.pan = pan;
            v.tilt = tilt;
        }
        if (!move.zoom.isEmpty())
            v.zoom = move.zoom == QLatin1String("ZOOM_IN") ? speed : -speed;
        result = lift(s.checked(
                s.client.continuousMove(profile->token, v, QString::fromLatin1(kMoveTimeout))));
    }
    if (!result)
        return result;
    QJsonObject meta{{QStringLiteral("step"), move.step}};
    if (!move.move.isEmpty())
        meta.insert(QStringLiteral("move"), move.move);
    if (!move.zoom.isEmpty())
        meta.insert(QStringLiteral("zoom"), move.zoom);
    if (move.move.isEmpty() && move.zoom.isEmpty())
        meta.insert(QStringLiteral("stop"), true);
    audit(QStringLiteral("onvif_ptz_update"), who, id, caller, meta);
    return Ok{};
}

Status OnvifService::saveHome(const Principal &who, const QString &id, const CallerInfo &caller)
{
    return homeAction(who, id, caller, true);
}

Status OnvifService::applyHome(const Principal &who, const QString &id, const CallerInfo &caller)
{
    return homeAction(who, id, caller, false);
}

Status OnvifService::homeAction(const Principal &who, const QString &id, const CallerInfo &caller,
                                bool save)
{
    ONVIF_SESSION(s, who, id);
    auto profile = lift(s.ptzProfile());
    if (!profile)
        return profile.error();
    const onvif::Status done = save ? s.client.setHomePosition(profile->token)
                                    : s.client.gotoHomePosition(profile->token);
    if (auto r = lift(s.checked(done)); !r)
        return r.error();
    audit(save ? QStringLiteral("onvif_ptz_home_save") : QStringLiteral("onvif_ptz_home_apply"),
          who, id, caller, {});
    return Ok{};
}

Result<QStringList> OnvifService::presets(const Principal &who, const QString &id)
{
    ONVIF_SESSION(s, who, id);
    auto profile = lift(s.ptzProfile());
    if (!profile)
        return profile.error();
    auto list = lift(s.checked(s.client.presets(profile->token)));
    if (!list)
        return list.error();
    QStringList names;
    for (const onvif::PtzPreset &p : std::as_const(*list))
        names << (p.name.isEmpty() ? p.token : p.name);
    return names;
}

Status OnvifService::createPreset(const Principal &who, const QString &id, const QString &name,
                                  const CallerInfo &caller)
{
    ONVIF_SESSION(s, who, id);
    auto profile = lift(s.ptzProfile());
    if (!profile)
        return profile.error();
    auto token = lift(s.checked(s.client.setPreset(profile->token, name)));
    if (!token)
        return token.error();
    audit(QStringLiteral("onvif_ptz_preset_create"), who, id, caller,
          QJsonObject{{QStringLiteral("preset_name"), name},
                      {QStringLiteral("preset_token"), *token}});
    return Ok{};
}

namespace {

/**
 * Runs `call(profileToken, presetToken)` on the preset called `name` (the API names presets; ONVIF
 * addresses them by token): 400 onvif_invalid_argument when the camera has no such preset.
 */
template<typename Session, typename Call>
Status onNamedPreset(Session &s, const QString &name, Call call)
{
    auto profile = lift(s.ptzProfile());
    if (!profile)
        return profile.error();
    auto list = lift(s.checked(s.client.presets(profile->token)));
    if (!list)
        return list.error();
    for (const onvif::PtzPreset &p : std::as_const(*list)) {
        if (p.name == name || (p.name.isEmpty() && p.token == name))
            return lift(s.checked(call(profile->token, p.token)));
    }
    return invalidArgument(QStringLiteral("The camera has no preset named %1").arg(name));
}

} // namespace

Status OnvifService::deletePreset(const Principal &who, const QString &id, const QString &name,
                                  const CallerInfo &caller)
{
    ONVIF_SESSION(s, who, id);
    if (Status r = onNamedPreset(s, name,
                                 [&s](const QString &profile, const QString &token) {
                                     return s.client.removePreset(profile, token);
                                 });
        !r)
        return r;
    audit(QStringLiteral("onvif_ptz_preset_delete"), who, id, caller,
          QJsonObject{{QStringLiteral("preset_name"), name}});
    return Ok{};
}

Status OnvifService::applyPreset(const Principal &who, const QString &id, const QString &name,
                                 const CallerInfo &caller)
{
    ONVIF_SESSION(s, who, id);
    if (Status r = onNamedPreset(s, name,
                                 [&s](const QString &profile, const QString &token) {
                                     return s.client.gotoPreset(profile, token);
                                 });
        !r)
        return r;
    audit(QStringLiteral("onvif_ptz_preset_apply"), who, id, caller,
          QJsonObject{{QStringLiteral("preset_name"), name}});
    return Ok{};
}

} // namespace vms::services
