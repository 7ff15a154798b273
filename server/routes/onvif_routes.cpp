// Seed 002 §8: ONVIF control of a camera (25 operations). Input is checked here (422); the
// camera is reached through OnvifService on the slow pool, since every call waits on the
// device (up to its timeout).
#include "core/services/backend.h"
#include "server/http/api_http_server.h"
#include "server/http/request_reader.h"
#include "server/routes/routes.h"

#include <QJsonArray>
#include <QJsonObject>

namespace vms::server {

namespace {

using services::OnvifService;

const QStringList &moveDirections()
{
    static const QStringList v{QStringLiteral("UP"),        QStringLiteral("DOWN"),
                               QStringLiteral("LEFT"),      QStringLiteral("LEFT_UP"),
                               QStringLiteral("LEFT_DOWN"), QStringLiteral("RIGHT"),
                               QStringLiteral("RIGHT_UP"),  QStringLiteral("RIGHT_DOWN")};
    return v;
}

const QStringList &videoResolutions()
{
    static const QStringList v{
            QStringLiteral("320x240"),   QStringLiteral("352x288"),   QStringLiteral("640x360"),
            QStringLiteral("640x480"),   QStringLiteral("704x576"),   QStringLiteral("1280x720"),
            QStringLiteral("1280x960"),  QStringLiteral("1920x1024"), QStringLiteral("1920x1080"),
            QStringLiteral("2304x1296"), QStringLiteral("2560x1440"), QStringLiteral("2688x1520")};
    return v;
}

QJsonObject valueRange(double min, double max)
{
    return {{QStringLiteral("min_val"), min}, {QStringLiteral("max_val"), max}};
}

template<typename R>
QJsonObject valueRange(const R &r)
{
    return valueRange(double(r.min), double(r.max));
}

QJsonArray strings(const QStringList &list)
{
    QJsonArray a;
    for (const QString &s : list)
        a.append(s);
    return a;
}

QJsonObject deviceJson(const onvif::DeviceInformation &d)
{
    return {{QStringLiteral("manufacturer"), d.manufacturer},
            {QStringLiteral("model"), d.model},
            {QStringLiteral("firmware_version"), d.firmwareVersion},
            {QStringLiteral("serial_number"), d.serialNumber},
            {QStringLiteral("hardware_id"), d.hardwareId}};
}

QJsonObject networkJson(const QList<onvif::NetworkProtocol> &protocols)
{
    QJsonObject o;
    for (const onvif::NetworkProtocol &p : protocols) {
        const QString key = p.name.toLower();
        if (key != QLatin1String("http") && key != QLatin1String("https")
            && key != QLatin1String("rtsp"))
            continue;
        o.insert(key, QJsonObject{{QStringLiteral("port"), p.ports.isEmpty() ? 0 : p.ports.first()},
                                  {QStringLiteral("enabled"), p.enabled}});
    }
    return o;
}

QJsonObject streamsJson(const OnvifService::Streams &streams)
{
    QJsonArray list;
    for (const auto &s : streams.streams) {
        QJsonArray encoders;
        for (const onvif::EncodingOptions &e : s.options.encodings) {
            QJsonArray resolutions;
            for (const onvif::Resolution &r : e.resolutions)
                resolutions.append(QJsonObject{{QStringLiteral("width"), r.width},
                                               {QStringLiteral("height"), r.height}});
            QJsonObject enc{{QStringLiteral("name"), e.encoding},
                            {QStringLiteral("supported_resolutions"), resolutions},
                            {QStringLiteral("framerate_range"), valueRange(e.frameRate)},
                            // A device without the Media Extension reports no bitrate range:
                            // 0..0 then means "unknown" (documented in openapi.yaml).
                            {QStringLiteral("bitrate_range"),
                             e.bitrate ? valueRange(*e.bitrate) : valueRange(0, 0)}};
            if (e.govLength)
                enc.insert(QStringLiteral("gov_length_range"), valueRange(*e.govLength));
            encoders.append(enc);
        }
        const onvif::VideoEncoderConfiguration &c = s.encoder;
        QJsonObject o{{QStringLiteral("name"), s.name},
                      {QStringLiteral("link"), s.link},
                      {QStringLiteral("current_encoder"), c.encoding},
                      {QStringLiteral("current_resolution"),
                       QStringLiteral("%1x%2").arg(c.resolution.width).arg(c.resolution.height)},
                      {QStringLiteral("current_framerate"), c.frameRateLimit.value_or(0)},
                      {QStringLiteral("current_bitrate"), c.bitrateLimit.value_or(0)},
                      {QStringLiteral("supported_encoders"), encoders}};
        if (c.govLength)
            o.insert(QStringLiteral("current_gov_length"), *c.govLength);
        list.append(o);
    }
    return {{QStringLiteral("streams"), list}};
}

QJsonObject imageJson(const OnvifService::Image &image)
{
    const onvif::ImagingSettings &s = image.settings;
    const onvif::ImagingOptions &o = image.options;
    QJsonObject out;
    auto ranged = [&out](const char *key, const std::optional<double> &v,
                         const std::optional<onvif::FloatRange> &r) {
        if (v && r)
            out.insert(QLatin1String(key),
                       QJsonObject{{QStringLiteral("current_value"), *v},
                                   {QStringLiteral("supported_range"), valueRange(*r)}});
    };
    ranged("brightness", s.brightness, o.brightness);
    ranged("color_saturation", s.colorSaturation, o.colorSaturation);
    ranged("contrast", s.contrast, o.contrast);
    ranged("sharpness", s.sharpness, o.sharpness);
    if (s.backlightCompensation)
        out.insert(QStringLiteral("backlight_compensation"),
                   QJsonObject{{QStringLiteral("current_mode"), *s.backlightCompensation},
                               {QStringLiteral("supported_modes"),
                                strings(o.backlightCompensationModes)}});
    if (s.irCutFilter)
        out.insert(QStringLiteral("ir_cut_filter"),
                   QJsonObject{{QStringLiteral("current_mode"), *s.irCutFilter},
                               {QStringLiteral("supported_modes"), strings(o.irCutFilterModes)}});
    if (s.minExposureTime && s.maxExposureTime && o.minExposureTime && o.maxExposureTime)
        out.insert(QStringLiteral("exposure"),
                   QJsonObject{{QStringLiteral("current_range"),
                                valueRange(*s.minExposureTime, *s.maxExposureTime)},
                               {QStringLiteral("supported_range"),
                                valueRange(o.minExposureTime->min, o.maxExposureTime->max)}});
    if (s.whiteBalance && s.crGain && s.cbGain && o.yrGain && o.ybGain)
        out.insert(QStringLiteral("white_balance"),
                   QJsonObject{{QStringLiteral("current_mode"), *s.whiteBalance},
                               {QStringLiteral("current_cr_gain_value"), *s.crGain},
                               {QStringLiteral("current_cb_gain_value"), *s.cbGain},
                               {QStringLiteral("supported_modes"), strings(o.whiteBalanceModes)},
                               {QStringLiteral("supported_range"),
                                QJsonObject{{QStringLiteral("cr_gain"), valueRange(*o.yrGain)},
                                            {QStringLiteral("cb_gain"), valueRange(*o.ybGain)}}}});
    if (s.wideDynamicRange && s.wideDynamicRangeLevel && o.wideDynamicRangeLevel)
        out.insert(
                QStringLiteral("wide_dynamic_range"),
                QJsonObject{
                        {QStringLiteral("current_mode"), *s.wideDynamicRange},
                        {QStringLiteral("current_value"), *s.wideDynamicRangeLevel},
                        {QStringLiteral("supported_modes"), strings(o.wideDynamicRangeModes)},
                        {QStringLiteral("supported_range"), valueRange(*o.wideDynamicRangeLevel)}});
    return out;
}

QJsonObject ptzJson(const OnvifService::Ptz &p)
{
    QJsonObject panTilt{{QStringLiteral("supported_range"),
                         QJsonObject{{QStringLiteral("x"), valueRange(p.node.panRange)},
                                     {QStringLiteral("y"), valueRange(p.node.tiltRange)}}}};
    if (p.status.pan && p.status.tilt)
        panTilt.insert(QStringLiteral("current_position"),
                       QJsonObject{{QStringLiteral("x"), *p.status.pan},
                                   {QStringLiteral("y"), *p.status.tilt}});
    if (p.configuration.defaultPanSpeed && p.configuration.defaultTiltSpeed)
        panTilt.insert(QStringLiteral("default_speed_range"),
                       QJsonObject{{QStringLiteral("x"), *p.configuration.defaultPanSpeed},
                                   {QStringLiteral("y"), *p.configuration.defaultTiltSpeed}});
    QJsonObject zoom;
    if (p.configuration.defaultZoomSpeed)
        zoom.insert(QStringLiteral("default_speed_value"), *p.configuration.defaultZoomSpeed);
    if (p.node.zoomRange)
        zoom.insert(QStringLiteral("supported_range"),
                    QJsonObject{{QStringLiteral("x"), valueRange(*p.node.zoomRange)}});
    return {{QStringLiteral("pan_tilt"), panTilt},
            {QStringLiteral("zoom"), zoom},
            {QStringLiteral("max_num_of_presets"), std::max(0, p.node.maxPresets)},
            {QStringLiteral("home_supported"), p.node.homeSupported}};
}

HttpResponse answer(const Status &s)
{
    if (!s)
        return HttpResponse::fromError(s.error());
    return HttpResponse::statusOk();
}

template<typename T, typename ToJson>
HttpResponse answer(const Result<T> &r, ToJson toJson)
{
    if (!r)
        return HttpResponse::fromError(r.error());
    return HttpResponse::json(toJson(*r));
}

/** What a route does once its input is valid: runs on the slow pool. */
using Work = std::function<HttpResponse(OnvifService &, const services::Principal &,
                                        const QString &, const services::CallerInfo &)>;
/** Reads and checks a request's input; returns the work, or the 422/400 to answer. */
using Parse = std::function<Result<Work>(HttpRequest &)>;

void add(Router &r, services::Backend &backend, const char *method, const char *path,
         const char *permission, Parse parse)
{
    r.add(QLatin1String(method), QLatin1String(path),
          Access::need(QLatin1String(permission)).slow(),
          [&backend, parse](HttpRequest &req) -> HttpReply {
              auto id = pathUuid(req, 0, QStringLiteral("camera_id"));
              if (!id)
                  return id.error();
              auto work = parse(req);
              if (!work)
                  return work.error();
              const services::Principal who = req.who();
              const services::CallerInfo caller = req.caller();
              return HttpReply::deferred(
                      [&backend, who, caller, cameraId = *id, w = *work]() -> HttpResponse {
                          return w(backend.onvif(), who, cameraId, caller);
                      });
          });
}

/** A route without input besides the camera id. */
Parse noInput(Work w)
{
    return [w](HttpRequest &) -> Result<Work> {
        return w;
    };
}

/** §8.9–8.12 and §8.15: {value*: number}. */
Parse imageValue(const char *setting)
{
    return [setting](HttpRequest &req) -> Result<Work> {
        FieldReader in = FieldReader::body(req);
        if (!in.isValid())
            return in.error();
        const double value = in.requireNumber(QStringLiteral("value"));
        if (!in.isValid())
            return in.error();
        OnvifService::ImageChange change;
        change.setting = QLatin1String(setting);
        const QString s = change.setting;
        if (s == QLatin1String("brightness"))
            change.values.brightness = value;
        else if (s == QLatin1String("contrast"))
            change.values.contrast = value;
        else if (s == QLatin1String("saturation"))
            change.values.colorSaturation = value;
        else if (s == QLatin1String("sharpness"))
            change.values.sharpness = value;
        else // exposure: the longest exposure time the camera may use (the range's upper end)
            change.values.maxExposureTime = value;
        return Work([change](OnvifService &o, const services::Principal &who, const QString &id,
                             const services::CallerInfo &caller) {
            return answer(o.setImage(who, id, change, caller));
        });
    };
}

Error nothingToChange(const QString &fields)
{
    return Error::validation({QStringLiteral("body")},
                             QStringLiteral("at least one of %1 is required").arg(fields),
                             QStringLiteral("value_error.missing"));
}

} // namespace

void registerOnvifRoutes(ApiHttpServer &http, services::Backend &backend)
{
    Router &r = http.router();
    using P = services::Principal;
    using C = services::CallerInfo;

    add(r, backend, "GET", "/api/v1/onvif/{camera_id}", "onvif_read",
        noInput([](OnvifService &o, const P &who, const QString &id, const C &) {
            return answer(o.deviceInformation(who, id), deviceJson);
        }));

    add(r, backend, "GET", "/api/v1/onvif/{camera_id}/network", "onvif_read",
        noInput([](OnvifService &o, const P &who, const QString &id, const C &) {
            return answer(o.network(who, id), networkJson);
        }));

    add(r, backend, "PUT", "/api/v1/onvif/{camera_id}/network", "onvif_update",
        [](HttpRequest &req) -> Result<Work> {
            FieldReader in = FieldReader::body(req);
            if (!in.isValid())
                return in.error();
            std::optional<int> ports[3];
            const char *names[3] = {"http", "https", "rtsp"};
            for (int i = 0; i < 3; ++i)
                if (auto v = in.optInt(QLatin1String(names[i]), 1, 65535))
                    ports[i] = int(*v);
            if (!in.isValid())
                return in.error();
            if (!ports[0] && !ports[1] && !ports[2])
                return nothingToChange(QStringLiteral("http, https, rtsp"));
            return Work([ports](OnvifService &o, const P &who, const QString &id, const C &c) {
                return answer(o.setNetworkPorts(who, id, ports[0], ports[1], ports[2], c));
            });
        });

    add(r, backend, "GET", "/api/v1/onvif/{camera_id}/users", "onvif_read",
        noInput([](OnvifService &o, const P &who, const QString &id, const C &) {
            return answer(o.users(who, id), [](const QList<onvif::User> &users) {
                QJsonArray list;
                for (const onvif::User &u : users)
                    list.append(QJsonObject{{QStringLiteral("user_name"), u.username},
                                            {QStringLiteral("user_level"), u.level}});
                return QJsonObject{{QStringLiteral("users"), list}};
            });
        }));

    add(r, backend, "PUT", "/api/v1/onvif/{camera_id}/users/{username}", "onvif_update",
        [](HttpRequest &req) -> Result<Work> {
            const QString username = req.pathArgs.value(1);
            FieldReader in = FieldReader::body(req);
            if (!in.isValid())
                return in.error();
            const QString password = in.requireString(QStringLiteral("password"), 1, 16);
            if (!in.isValid())
                return in.error();
            if (username.isEmpty() || username.size() > 64)
                return Error::validation({QStringLiteral("path"), QStringLiteral("username")},
                                         QStringLiteral("ensure this value has 1 to 64 characters"),
                                         QStringLiteral("value_error.any_str.max_length"));
            return Work([username, password](OnvifService &o, const P &who, const QString &id,
                                             const C &c) {
                return answer(o.setUserPassword(who, id, username, password, c));
            });
        });

    add(r, backend, "GET", "/api/v1/onvif/{camera_id}/streams", "onvif_read",
        noInput([](OnvifService &o, const P &who, const QString &id, const C &) {
            return answer(o.streams(who, id), streamsJson);
        }));

    add(r, backend, "PUT", "/api/v1/onvif/{camera_id}/stream/encoder", "onvif_update",
        [](HttpRequest &req) -> Result<Work> {
            FieldReader in = FieldReader::body(req);
            if (!in.isValid())
                return in.error();
            auto require = [&in](const char *name, const QStringList &allowed) {
                if (!in.has(QLatin1String(name)))
                    in.fail(QLatin1String(name), QStringLiteral("field required"),
                            QStringLiteral("value_error.missing"));
                return in.optEnum(QLatin1String(name), allowed).value_or(QString());
            };
            OnvifService::EncoderChange change;
            change.streamProfile = require("stream_profile", OnvifService::streamProfileNames());
            change.encoder = require("encoder", {QStringLiteral("H264"), QStringLiteral("MPEG4"),
                                                 QStringLiteral("JPEG")});
            const QString resolution = require("resolution", videoResolutions());
            change.framerate = int(in.requireInt(QStringLiteral("framerate"), 1, 1000));
            change.bitrate = int(in.requireInt(QStringLiteral("bitrate"), 1, 1000000));
            if (auto gov = in.optInt(QStringLiteral("gov_length"), 1, 100000))
                change.govLength = int(*gov);
            if (!in.isValid())
                return in.error();
            const QStringList wh = resolution.split(QLatin1Char('x'));
            change.width = wh.value(0).toInt();
            change.height = wh.value(1).toInt();
            return Work([change](OnvifService &o, const P &who, const QString &id, const C &c) {
                return answer(o.setEncoder(who, id, change, c));
            });
        });

    add(r, backend, "GET", "/api/v1/onvif/{camera_id}/image", "onvif_read",
        noInput([](OnvifService &o, const P &who, const QString &id, const C &) {
            return answer(o.image(who, id), imageJson);
        }));

    add(r, backend, "PUT", "/api/v1/onvif/{camera_id}/image/brightness", "onvif_update",
        imageValue("brightness"));
    add(r, backend, "PUT", "/api/v1/onvif/{camera_id}/image/contrast", "onvif_update",
        imageValue("contrast"));
    add(r, backend, "PUT", "/api/v1/onvif/{camera_id}/image/saturation", "onvif_update",
        imageValue("saturation"));
    add(r, backend, "PUT", "/api/v1/onvif/{camera_id}/image/sharpness", "onvif_update",
        imageValue("sharpness"));
    add(r, backend, "PUT", "/api/v1/onvif/{camera_id}/image/exposure", "onvif_update",
        imageValue("exposure"));

    auto modeChange = [](const char *setting, const QStringList &modes) -> Parse {
        return [setting, modes](HttpRequest &req) -> Result<Work> {
            FieldReader in = FieldReader::body(req);
            if (!in.isValid())
                return in.error();
            if (!in.has(QStringLiteral("mode")))
                in.fail(QStringLiteral("mode"), QStringLiteral("field required"),
                        QStringLiteral("value_error.missing"));
            const QString mode = in.optEnum(QStringLiteral("mode"), modes).value_or(QString());
            if (!in.isValid())
                return in.error();
            OnvifService::ImageChange change;
            change.setting = QLatin1String(setting);
            if (change.setting == QLatin1String("backlight"))
                change.values.backlightCompensation = mode;
            else
                change.values.irCutFilter = mode;
            return Work([change](OnvifService &o, const P &who, const QString &id, const C &c) {
                return answer(o.setImage(who, id, change, c));
            });
        };
    };
    add(r, backend, "PUT", "/api/v1/onvif/{camera_id}/image/backlight", "onvif_update",
        modeChange("backlight", {QStringLiteral("ON"), QStringLiteral("OFF")}));
    add(r, backend, "PUT", "/api/v1/onvif/{camera_id}/image/ir", "onvif_update",
        modeChange("ir", {QStringLiteral("ON"), QStringLiteral("OFF"), QStringLiteral("AUTO")}));

    add(r, backend, "PUT", "/api/v1/onvif/{camera_id}/image/dr", "onvif_update",
        [](HttpRequest &req) -> Result<Work> {
            FieldReader in = FieldReader::body(req);
            if (!in.isValid())
                return in.error();
            OnvifService::ImageChange change;
            change.setting = QStringLiteral("dr");
            change.values.wideDynamicRange = in.optEnum(
                    QStringLiteral("mode"), {QStringLiteral("ON"), QStringLiteral("OFF")});
            change.values.wideDynamicRangeLevel = in.optNumber(QStringLiteral("value"));
            if (!in.isValid())
                return in.error();
            if (!change.values.wideDynamicRange && !change.values.wideDynamicRangeLevel)
                return nothingToChange(QStringLiteral("mode, value"));
            return Work([change](OnvifService &o, const P &who, const QString &id, const C &c) {
                return answer(o.setImage(who, id, change, c));
            });
        });

    add(r, backend, "PUT", "/api/v1/onvif/{camera_id}/image/wb", "onvif_update",
        [](HttpRequest &req) -> Result<Work> {
            FieldReader in = FieldReader::body(req);
            if (!in.isValid())
                return in.error();
            OnvifService::ImageChange change;
            change.setting = QStringLiteral("wb");
            change.values.whiteBalance = in.optEnum(
                    QStringLiteral("mode"), {QStringLiteral("AUTO"), QStringLiteral("MANUAL")});
            change.values.crGain = in.optNumber(QStringLiteral("cr_gain"));
            change.values.cbGain = in.optNumber(QStringLiteral("cb_gain"));
            if (!in.isValid())
                return in.error();
            if (!change.values.whiteBalance && !change.values.crGain && !change.values.cbGain)
                return nothingToChange(QStringLiteral("mode, cr_gain, cb_gain"));
            return Work([change](OnvifService &o, const P &who, const QString &id, const C &c) {
                return answer(o.setImage(who, id, change, c));
            });
        });

    add(r, backend, "GET", "/api/v1/onvif/{camera_id}/ptz", "onvif_read",
        noInput([](OnvifService &o, const P &who, const QString &id, const C &) {
            return answer(o.ptz(who, id), ptzJson);
        }));

    add(r, backend, "PUT", "/api/v1/onvif/{camera_id}/ptz", "onvif_update",
        [](HttpRequest &req) -> Result<Work> {
            FieldReader in = FieldReader::body(req);
            if (!in.isValid())
                return in.error();
            OnvifService::PtzMove move;
            move.move = in.optEnum(QStringLiteral("move"), moveDirections()).value_or(QString());
            move.zoom = in.optEnum(QStringLiteral("zoom"),
                                   {QStringLiteral("ZOOM_IN"), QStringLiteral("ZOOM_OUT")})
                                .value_or(QString());
            move.step = int(in.requireInt(QStringLiteral("step"), 1, 10));
            if (!in.isValid())
                return in.error();
            return Work([move](OnvifService &o, const P &who, const QString &id, const C &c) {
                return answer(o.movePtz(who, id, move, c));
            });
        });

    add(r, backend, "PUT", "/api/v1/onvif/{camera_id}/ptz/home", "onvif_update",
        noInput([](OnvifService &o, const P &who, const QString &id, const C &c) {
            return answer(o.saveHome(who, id, c));
        }));
    add(r, backend, "PUT", "/api/v1/onvif/{camera_id}/ptz/home/apply", "onvif_update",
        noInput([](OnvifService &o, const P &who, const QString &id, const C &c) {
            return answer(o.applyHome(who, id, c));
        }));

    add(r, backend, "GET", "/api/v1/onvif/{camera_id}/ptz/presets", "onvif_read",
        noInput([](OnvifService &o, const P &who, const QString &id, const C &) {
            return answer(o.presets(who, id), [](const QStringList &names) {
                return QJsonObject{{QStringLiteral("presets"), strings(names)}};
            });
        }));

    auto presetName = [](HttpRequest &req) -> Result<QString> {
        FieldReader in = FieldReader::body(req);
        if (!in.isValid())
            return in.error();
        const QString name = in.requireString(QStringLiteral("preset_name"), 1, 64);
        if (!in.isValid())
            return in.error();
        return name;
    };
    add(r, backend, "POST", "/api/v1/onvif/{camera_id}/ptz/preset", "onvif_create",
        [presetName](HttpRequest &req) -> Result<Work> {
            auto name = presetName(req);
            if (!name)
                return name.error();
            return Work([n = *name](OnvifService &o, const P &who, const QString &id, const C &c) {
                return answer(o.createPreset(who, id, n, c));
            });
        });
    add(r, backend, "DELETE", "/api/v1/onvif/{camera_id}/ptz/preset", "onvif_delete",
        [presetName](HttpRequest &req) -> Result<Work> {
            auto name = presetName(req);
            if (!name)
                return name.error();
            return Work([n = *name](OnvifService &o, const P &who, const QString &id, const C &c) {
                return answer(o.deletePreset(who, id, n, c));
            });
        });
    add(r, backend, "POST", "/api/v1/onvif/{camera_id}/ptz/preset/apply", "onvif_update",
        [presetName](HttpRequest &req) -> Result<Work> {
            auto name = presetName(req);
            if (!name)
                return name.error();
            return Work([n = *name](OnvifService &o, const P &who, const QString &id, const C &c) {
                return answer(o.applyPreset(who, id, n, c));
            });
        });
}

} // namespace vms::server
