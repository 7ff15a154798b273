#include "core/client/onvif_dto.h"

#include "core/client/json_reader.h"

#include <QJsonArray>

#include <tuple>

namespace vms::client {

using detail::JsonReader;

namespace {

// A nested object parsed by its own fromJson; a failure names the outer field.
template<typename T>
std::optional<T> nested(JsonReader &r, QLatin1String key, bool required = true)
{
    if (!r.has(key)) {
        if (required)
            r.fail(QStringLiteral("missing '%1'").arg(key));
        return std::nullopt;
    }
    const QJsonObject object = r.object(key);
    if (!r.ok())
        return std::nullopt;
    Result<T> parsed = T::fromJson(object);
    if (!parsed) {
        r.fail(QStringLiteral("'%1': %2").arg(key, parsed.error().message));
        return std::nullopt;
    }
    return std::move(parsed).value();
}

std::optional<OnvifRange> rangeOf(JsonReader &r, QLatin1String key, bool required = true)
{
    return nested<OnvifRange>(r, key, required);
}

} // namespace

Result<OnvifRange> OnvifRange::fromJson(const QJsonObject &json)
{
    JsonReader r(json, QLatin1String("ValueRange"));
    OnvifRange range;
    range.min = r.number(QLatin1String("min_val"));
    range.max = r.number(QLatin1String("max_val"));
    if (!r.ok())
        return r.error();
    return range;
}

Result<OnvifDeviceInfo> OnvifDeviceInfo::fromJson(const QJsonObject &json)
{
    JsonReader r(json, QLatin1String("OnvifDeviceInfo"));
    OnvifDeviceInfo info;
    info.manufacturer = r.string(QLatin1String("manufacturer"));
    info.model = r.string(QLatin1String("model"));
    info.firmwareVersion = r.string(QLatin1String("firmware_version"));
    info.serialNumber = r.string(QLatin1String("serial_number"));
    info.hardwareId = r.string(QLatin1String("hardware_id"));
    if (!r.ok())
        return r.error();
    return info;
}

Result<OnvifNetworkProtocol> OnvifNetworkProtocol::fromJson(const QJsonObject &json)
{
    JsonReader r(json, QLatin1String("OnvifNetworkProtocol"));
    OnvifNetworkProtocol protocol;
    protocol.port = int(r.integer(QLatin1String("port")));
    protocol.isEnabled = r.boolean(QLatin1String("enabled"));
    if (!r.ok())
        return r.error();
    return protocol;
}

Result<OnvifNetworkSettings> OnvifNetworkSettings::fromJson(const QJsonObject &json)
{
    JsonReader r(json, QLatin1String("OnvifNetworkSettings"));
    OnvifNetworkSettings settings;
    settings.http = nested<OnvifNetworkProtocol>(r, QLatin1String("http"), false);
    settings.https = nested<OnvifNetworkProtocol>(r, QLatin1String("https"), false);
    settings.rtsp = nested<OnvifNetworkProtocol>(r, QLatin1String("rtsp"), false);
    if (!r.ok())
        return r.error();
    return settings;
}

QJsonObject OnvifNetworkUpdate::toJson() const
{
    QJsonObject json;
    if (http)
        json.insert(QLatin1String("http"), *http);
    if (https)
        json.insert(QLatin1String("https"), *https);
    if (rtsp)
        json.insert(QLatin1String("rtsp"), *rtsp);
    return json;
}

Result<OnvifUser> OnvifUser::fromJson(const QJsonObject &json)
{
    JsonReader r(json, QLatin1String("OnvifUser"));
    OnvifUser user;
    user.userName = r.string(QLatin1String("user_name"));
    user.userLevel = r.string(QLatin1String("user_level"));
    if (!r.ok())
        return r.error();
    return user;
}

std::optional<OnvifResolution> OnvifResolution::fromText(const QString &text)
{
    const qsizetype x = text.indexOf(QLatin1Char('x'));
    if (x <= 0)
        return std::nullopt;
    bool isWidthOk = false;
    bool isHeightOk = false;
    const int width = text.left(x).toInt(&isWidthOk);
    const int height = text.mid(x + 1).toInt(&isHeightOk);
    if (!isWidthOk || !isHeightOk || width <= 0 || height <= 0)
        return std::nullopt;
    return OnvifResolution{width, height};
}

Result<OnvifResolution> OnvifResolution::fromJson(const QJsonObject &json)
{
    JsonReader r(json, QLatin1String("Resolution"));
    OnvifResolution resolution;
    resolution.width = int(r.integer(QLatin1String("width")));
    resolution.height = int(r.integer(QLatin1String("height")));
    if (!r.ok())
        return r.error();
    return resolution;
}

Result<OnvifSupportedEncoder> OnvifSupportedEncoder::fromJson(const QJsonObject &json)
{
    JsonReader r(json, QLatin1String("OnvifSupportedEncoder"));
    OnvifSupportedEncoder encoder;
    encoder.name = r.string(QLatin1String("name"));
    encoder.resolutions = r.list<OnvifResolution>(QLatin1String("supported_resolutions"));
    if (const auto framerate = rangeOf(r, QLatin1String("framerate_range")))
        encoder.framerateRange = *framerate;
    if (const auto bitrate = rangeOf(r, QLatin1String("bitrate_range")))
        encoder.bitrateRange = *bitrate;
    encoder.govLengthRange = rangeOf(r, QLatin1String("gov_length_range"), false);
    if (!r.ok())
        return r.error();
    return encoder;
}

const OnvifSupportedEncoder *OnvifStream::encoder(const QString &name) const
{
    for (const OnvifSupportedEncoder &candidate : supportedEncoders) {
        if (candidate.name == name)
            return &candidate;
    }
    return nullptr;
}

Result<OnvifStream> OnvifStream::fromJson(const QJsonObject &json)
{
    JsonReader r(json, QLatin1String("OnvifStream"));
    OnvifStream stream;
    stream.name = r.string(QLatin1String("name"));
    stream.link = r.string(QLatin1String("link"));
    stream.currentEncoder = r.string(QLatin1String("current_encoder"));
    stream.currentResolution = r.string(QLatin1String("current_resolution"));
    stream.currentFramerate = int(r.integer(QLatin1String("current_framerate")));
    stream.currentBitrate = int(r.integer(QLatin1String("current_bitrate")));
    if (const auto gov = r.optionalInteger(QLatin1String("current_gov_length")))
        stream.currentGovLength = int(*gov);
    stream.supportedEncoders = r.list<OnvifSupportedEncoder>(QLatin1String("supported_encoders"));
    if (!r.ok())
        return r.error();
    return stream;
}

QJsonObject OnvifEncoderUpdate::toJson() const
{
    QJsonObject json{{QLatin1String("stream_profile"), streamProfile},
                     {QLatin1String("encoder"), encoder},
                     {QLatin1String("resolution"), resolution},
                     {QLatin1String("framerate"), framerate},
                     {QLatin1String("bitrate"), bitrate}};
    if (govLength)
        json.insert(QLatin1String("gov_length"), *govLength);
    return json;
}

Result<OnvifRangedValue> OnvifRangedValue::fromJson(const QJsonObject &json)
{
    JsonReader r(json, QLatin1String("OnvifImageRangedValue"));
    OnvifRangedValue setting;
    setting.value = r.number(QLatin1String("current_value"));
    if (const auto supported = rangeOf(r, QLatin1String("supported_range")))
        setting.range = *supported;
    if (!r.ok())
        return r.error();
    return setting;
}

Result<OnvifModeSetting> OnvifModeSetting::fromJson(const QJsonObject &json, QLatin1String typeName)
{
    JsonReader r(json, typeName);
    OnvifModeSetting setting;
    setting.mode = r.string(QLatin1String("current_mode"));
    setting.supportedModes = r.stringList(QLatin1String("supported_modes"));
    if (!r.ok())
        return r.error();
    return setting;
}

Result<OnvifExposure> OnvifExposure::fromJson(const QJsonObject &json)
{
    JsonReader r(json, QLatin1String("OnvifExposure"));
    OnvifExposure exposure;
    if (const auto current = rangeOf(r, QLatin1String("current_range")))
        exposure.current = *current;
    if (const auto supported = rangeOf(r, QLatin1String("supported_range")))
        exposure.supported = *supported;
    if (!r.ok())
        return r.error();
    return exposure;
}

Result<OnvifWhiteBalance> OnvifWhiteBalance::fromJson(const QJsonObject &json)
{
    JsonReader r(json, QLatin1String("OnvifWhiteBalance"));
    OnvifWhiteBalance balance;
    balance.mode = r.string(QLatin1String("current_mode"));
    balance.crGain = r.number(QLatin1String("current_cr_gain_value"));
    balance.cbGain = r.number(QLatin1String("current_cb_gain_value"));
    balance.supportedModes = r.stringList(QLatin1String("supported_modes"));
    const QJsonObject ranges = r.object(QLatin1String("supported_range"));
    if (r.ok()) {
        JsonReader gains(ranges, QLatin1String("OnvifWhiteBalanceRange"));
        if (const auto cr = rangeOf(gains, QLatin1String("cr_gain")))
            balance.crGainRange = *cr;
        if (const auto cb = rangeOf(gains, QLatin1String("cb_gain")))
            balance.cbGainRange = *cb;
        if (!gains.ok())
            return gains.error();
    }
    if (!r.ok())
        return r.error();
    return balance;
}

Result<OnvifWideDynamicRange> OnvifWideDynamicRange::fromJson(const QJsonObject &json)
{
    JsonReader r(json, QLatin1String("OnvifWideDynamicRange"));
    OnvifWideDynamicRange wdr;
    wdr.mode = r.string(QLatin1String("current_mode"));
    wdr.value = r.number(QLatin1String("current_value"));
    wdr.supportedModes = r.stringList(QLatin1String("supported_modes"));
    if (const auto supported = rangeOf(r, QLatin1String("supported_range")))
        wdr.range = *supported;
    if (!r.ok())
        return r.error();
    return wdr;
}

Result<OnvifImageSettings> OnvifImageSettings::fromJson(const QJsonObject &json)
{
    JsonReader r(json, QLatin1String("OnvifImageSettings"));
    OnvifImageSettings settings;
    settings.brightness = nested<OnvifRangedValue>(r, QLatin1String("brightness"), false);
    settings.colorSaturation
            = nested<OnvifRangedValue>(r, QLatin1String("color_saturation"), false);
    settings.contrast = nested<OnvifRangedValue>(r, QLatin1String("contrast"), false);
    settings.sharpness = nested<OnvifRangedValue>(r, QLatin1String("sharpness"), false);
    for (const auto &[key, target, typeName] :
         {std::tuple{QLatin1String("backlight_compensation"), &settings.backlightCompensation,
                     QLatin1String("OnvifBacklightCompensation")},
          std::tuple{QLatin1String("ir_cut_filter"), &settings.irCutFilter,
                     QLatin1String("OnvifIrCutFilter")}}) {
        if (!r.has(key))
            continue;
        const QJsonObject object = r.object(key);
        if (!r.ok())
            break;
        Result<OnvifModeSetting> mode = OnvifModeSetting::fromJson(object, typeName);
        if (!mode) {
            r.fail(QStringLiteral("'%1': %2").arg(key, mode.error().message));
            break;
        }
        *target = std::move(mode).value();
    }
    settings.exposure = nested<OnvifExposure>(r, QLatin1String("exposure"), false);
    settings.whiteBalance = nested<OnvifWhiteBalance>(r, QLatin1String("white_balance"), false);
    settings.wideDynamicRange
            = nested<OnvifWideDynamicRange>(r, QLatin1String("wide_dynamic_range"), false);
    if (!r.ok())
        return r.error();
    return settings;
}

QString onvifImageValuePath(OnvifImageValue setting)
{
    switch (setting) {
    case OnvifImageValue::Brightness:
        return QStringLiteral("brightness");
    case OnvifImageValue::Contrast:
        return QStringLiteral("contrast");
    case OnvifImageValue::Saturation:
        return QStringLiteral("saturation");
    case OnvifImageValue::Sharpness:
        return QStringLiteral("sharpness");
    case OnvifImageValue::Exposure:
        return QStringLiteral("exposure");
    }
    return {};
}

QJsonObject OnvifWideDynamicRangeUpdate::toJson() const
{
    QJsonObject json;
    if (!mode.isEmpty())
        json.insert(QLatin1String("mode"), mode);
    if (value)
        json.insert(QLatin1String("value"), *value);
    return json;
}

QJsonObject OnvifWhiteBalanceUpdate::toJson() const
{
    QJsonObject json;
    if (!mode.isEmpty())
        json.insert(QLatin1String("mode"), mode);
    if (crGain)
        json.insert(QLatin1String("cr_gain"), *crGain);
    if (cbGain)
        json.insert(QLatin1String("cb_gain"), *cbGain);
    return json;
}

Result<OnvifPtz> OnvifPtz::fromJson(const QJsonObject &json)
{
    JsonReader r(json, QLatin1String("OnvifPtz"));
    OnvifPtz ptz;
    const QJsonObject panTilt = r.object(QLatin1String("pan_tilt"));
    const QJsonObject zoom = r.object(QLatin1String("zoom"));
    ptz.maxPresets = int(r.integer(QLatin1String("max_num_of_presets")));
    ptz.isHomeSupported = r.boolean(QLatin1String("home_supported"));
    if (!r.ok())
        return r.error();

    const auto point = [](JsonReader &reader, QLatin1String key) -> std::optional<OnvifPoint> {
        if (!reader.has(key))
            return std::nullopt;
        const QJsonObject object = reader.object(key);
        JsonReader p(object, QLatin1String("Point2D"));
        OnvifPoint value{p.number(QLatin1String("x")), p.number(QLatin1String("y"))};
        if (!p.ok()) {
            reader.fail(QStringLiteral("'%1': %2").arg(key, p.error().message));
            return std::nullopt;
        }
        return value;
    };
    // ValueRange2D: both axes optional.
    const auto axes = [](JsonReader &reader, QLatin1String key, std::optional<OnvifRange> &x,
                         std::optional<OnvifRange> *y) {
        if (!reader.has(key))
            return;
        const QJsonObject object = reader.object(key);
        JsonReader ranges(object, QLatin1String("ValueRange2D"));
        x = rangeOf(ranges, QLatin1String("x"), false);
        if (y)
            *y = rangeOf(ranges, QLatin1String("y"), false);
        if (!ranges.ok())
            reader.fail(QStringLiteral("'%1': %2").arg(key, ranges.error().message));
    };

    JsonReader pt(panTilt, QLatin1String("OnvifPtzPanTilt"));
    ptz.position = point(pt, QLatin1String("current_position"));
    ptz.defaultSpeed = point(pt, QLatin1String("default_speed_range"));
    if (!pt.has(QLatin1String("supported_range")))
        pt.fail(QStringLiteral("missing 'supported_range'"));
    axes(pt, QLatin1String("supported_range"), ptz.panRange, &ptz.tiltRange);
    if (!pt.ok())
        return pt.error();

    JsonReader z(zoom, QLatin1String("OnvifPtzZoom"));
    ptz.zoomDefaultSpeed = z.optionalNumber(QLatin1String("default_speed_value"));
    // The zoom range has x and y axes in the contract; x is the zoom axis.
    axes(z, QLatin1String("supported_range"), ptz.zoomRange, nullptr);
    if (!z.ok())
        return z.error();
    return ptz;
}

QString ptzMoveName(PtzMove move)
{
    switch (move) {
    case PtzMove::Up:
        return QStringLiteral("UP");
    case PtzMove::Down:
        return QStringLiteral("DOWN");
    case PtzMove::Left:
        return QStringLiteral("LEFT");
    case PtzMove::LeftUp:
        return QStringLiteral("LEFT_UP");
    case PtzMove::LeftDown:
        return QStringLiteral("LEFT_DOWN");
    case PtzMove::Right:
        return QStringLiteral("RIGHT");
    case PtzMove::RightUp:
        return QStringLiteral("RIGHT_UP");
    case PtzMove::RightDown:
        return QStringLiteral("RIGHT_DOWN");
    }
    return {};
}

QString ptzZoomName(PtzZoom zoom)
{
    return zoom == PtzZoom::In ? QStringLiteral("ZOOM_IN") : QStringLiteral("ZOOM_OUT");
}

QJsonObject PtzCommand::toJson() const
{
    QJsonObject json{{QLatin1String("step"), step}};
    if (move)
        json.insert(QLatin1String("move"), ptzMoveName(*move));
    if (zoom)
        json.insert(QLatin1String("zoom"), ptzZoomName(*zoom));
    return json;
}

} // namespace vms::client
