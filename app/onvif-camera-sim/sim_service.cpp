#include "app/onvif-camera-sim/sim_service.h"

#include "httpda.h"
#include "soapDeviceBindingService.h"
#include "soapImagingBindingService.h"
#include "soapMediaBindingService.h"
#include "soapPTZBindingService.h"

#include <openssl/evp.h>

#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <sstream>

namespace vms::onvifsim {

namespace {

constexpr const char *kVideoSourceToken = "video_source_0";
constexpr const char *kVideoSourceConfigToken = "video_source_config_0";
constexpr const char *kPtzConfigToken = "ptz_config_0";
constexpr const char *kPtzNodeToken = "ptz_node_0";
constexpr double kMaxClockSkewSeconds = 300;
constexpr double kDefaultPtzTimeoutSeconds = 5;

constexpr const char *kPanTiltPositionSpace
        = "http://www.onvif.org/ver10/tptz/PanTiltSpaces/PositionGenericSpace";
constexpr const char *kZoomPositionSpace
        = "http://www.onvif.org/ver10/tptz/ZoomSpaces/PositionGenericSpace";
constexpr const char *kPanTiltTranslationSpace
        = "http://www.onvif.org/ver10/tptz/PanTiltSpaces/TranslationGenericSpace";
constexpr const char *kZoomTranslationSpace
        = "http://www.onvif.org/ver10/tptz/ZoomSpaces/TranslationGenericSpace";
constexpr const char *kPanTiltVelocitySpace
        = "http://www.onvif.org/ver10/tptz/PanTiltSpaces/VelocityGenericSpace";
constexpr const char *kZoomVelocitySpace
        = "http://www.onvif.org/ver10/tptz/ZoomSpaces/VelocityGenericSpace";
constexpr const char *kPanTiltSpeedSpace
        = "http://www.onvif.org/ver10/tptz/PanTiltSpaces/GenericSpeedSpace";
constexpr const char *kZoomSpeedSpace
        = "http://www.onvif.org/ver10/tptz/ZoomSpaces/ZoomGenericSpeedSpace";

// ---------- small gSOAP helpers ----------

template<class T>
T *value(struct soap *soap, const T &v)
{
    T *p = static_cast<T *>(soap_malloc(soap, sizeof(T)));
    *p = v;
    return p;
}

std::string *str(struct soap *soap, const std::string &v)
{
    std::string *p = soap_new_std__string(soap);
    *p = v;
    return p;
}

tt__FloatRange *floatRange(struct soap *soap, float min, float max)
{
    auto *r = soap_new_tt__FloatRange(soap);
    r->Min = min;
    r->Max = max;
    return r;
}

tt__FloatRange *floatRange(struct soap *soap, const FloatRange &range)
{
    return floatRange(soap, range.min, range.max);
}

tt__IntRange *intRange(struct soap *soap, const Range &range)
{
    auto *r = soap_new_tt__IntRange(soap);
    r->Min = range.min;
    r->Max = range.max;
    return r;
}

tt__Space2DDescription *space2D(struct soap *soap, const char *uri, float min, float max)
{
    auto *s = soap_new_tt__Space2DDescription(soap);
    s->URI = uri;
    s->XRange = floatRange(soap, min, max);
    s->YRange = floatRange(soap, min, max);
    return s;
}

tt__Space1DDescription *space1D(struct soap *soap, const char *uri, float min, float max)
{
    auto *s = soap_new_tt__Space1DDescription(soap);
    s->URI = uri;
    s->XRange = floatRange(soap, min, max);
    return s;
}

std::string fmt(double v)
{
    std::ostringstream s;
    s << v;
    return s.str();
}

/// xsd:duration -> seconds ("PT5S", "PT0.5S", "PT1M30S", "P0DT0H0M5S"); false when malformed.
bool parseDuration(const std::string &text, double &seconds)
{
    const char *p = text.c_str();
    if (*p != 'P')
        return false;
    ++p;
    bool inTime = false;
    bool any = false;
    seconds = 0;
    while (*p) {
        if (*p == 'T') {
            inTime = true;
            ++p;
            continue;
        }
        char *end = nullptr;
        const double n = std::strtod(p, &end);
        if (end == p || !*end || n < 0)
            return false;
        switch (*end) {
        case 'Y':
            if (inTime)
                return false;
            seconds += n * 365 * 86400;
            break;
        case 'M':
            seconds += inTime ? n * 60 : n * 30 * 86400;
            break;
        case 'D':
            if (inTime)
                return false;
            seconds += n * 86400;
            break;
        case 'H':
            if (!inTime)
                return false;
            seconds += n * 3600;
            break;
        case 'S':
            if (!inTime)
                return false;
            seconds += n;
            break;
        default:
            return false;
        }
        any = true;
        p = end + 1;
    }
    return any;
}

std::string base64(struct soap *soap, const unsigned char *data, int size)
{
    const char *s = soap_s2base64(soap, data, nullptr, size);
    return s ? s : "";
}

std::string sha1Base64(struct soap *soap, const std::string &input)
{
    unsigned char digest[EVP_MAX_MD_SIZE];
    unsigned int size = 0;
    EVP_Digest(input.data(), input.size(), digest, &size, EVP_sha1(), nullptr);
    return base64(soap, digest, int(size));
}

/// Sets the SOAP 1.2 fault: Code env:Sender/env:Receiver, Subcode, optional nested Subcode.
int setFault(struct soap *soap, const Fault &f)
{
    if (f.sender)
        soap_sender_fault_subcode(soap, f.subcode.c_str(), f.reason.c_str(), nullptr);
    else
        soap_receiver_fault_subcode(soap, f.subcode.c_str(), f.reason.c_str(), nullptr);
    if (!f.subsubcode.empty() && soap->fault && soap->fault->SOAP_ENV__Code
        && soap->fault->SOAP_ENV__Code->SOAP_ENV__Subcode) {
        auto *inner = soap_new_SOAP_ENV__Code(soap);
        inner->SOAP_ENV__Value = soap_strdup(soap, f.subsubcode.c_str());
        inner->SOAP_ENV__Subcode = nullptr;
        soap->fault->SOAP_ENV__Code->SOAP_ENV__Subcode->SOAP_ENV__Subcode = inner;
    }
    return SOAP_FAULT;
}

/**
 * One handled request: authenticates it, collects key=value pairs for the --trace line and
 * writes the line when the handler returns (before the reply is sent, so that a test that saw the
 * reply finds the line).
 */
class Call
{
public:
    Call(SimContext &context, struct soap *soap, const char *operation)
        : m_context(context)
        , m_soap(soap)
        , m_operation(operation)
    {}
    ~Call()
    {
        if (!m_context.tracer.enabled())
            return;
        if (m_authFailed) {
            m_context.tracer.line("auth-failed " + m_operation
                                  + (m_httpDigestFailed ? " http-digest" : ""));
            return;
        }
        std::string line = "call " + m_operation + m_pairs;
        if (!m_fault.empty())
            line += " fault=" + m_fault;
        m_context.tracer.line(line);
    }
    Call(const Call &) = delete;
    Call &operator=(const Call &) = delete;

    Call &kv(const char *key, const std::string &v)
    {
        m_pairs += std::string(" ") + key + "=" + v;
        return *this;
    }
    Call &kv(const char *key, const char *v) { return kv(key, std::string(v ? v : "")); }
    Call &kv(const char *key, double v) { return kv(key, fmt(v)); }
    Call &kv(const char *key, int v) { return kv(key, std::to_string(v)); }
    Call &kv(const char *key, bool v) { return kv(key, std::string(v ? "true" : "false")); }

    /// --http-digest check (HTTP 401 with a Digest challenge), then the WS-UsernameToken check
    /// (the NotAuthorized fault); SOAP_OK when the request passes both.
    int authorize()
    {
        // The digest is checked first so that a request answered with a challenge does not use
        // up its WS-Security nonce.
        if (m_context.state.options().httpDigest && !verifyHttpDigest()) {
            m_soap->header = nullptr;
            m_authFailed = true;
            m_httpDigestFailed = true;
            // gSOAP answers 401 with WWW-Authenticate for this realm; httpda turns it into a
            // Digest challenge with a fresh nonce.
            m_soap->authrealm = kHttpDigestRealm;
            return 401;
        }
        const bool ok = verifyToken();
        // The request's security header must never be echoed into the reply.
        m_soap->header = nullptr;
        if (ok)
            return SOAP_OK;
        m_authFailed = true;
        return setFault(m_soap, Fault{true, "ter:NotAuthorized", {}, "Sender not Authorized"});
    }

    int fail(const Fault &f)
    {
        m_fault = f.subsubcode.empty() ? f.subcode : f.subsubcode;
        return setFault(m_soap, f);
    }
    int fail(const MaybeFault &f) { return fail(*f); }

private:
    /// The request's Authorization: Digest header against the password of its user.
    bool verifyHttpDigest()
    {
        // httpda sets authrealm and userid from a Digest Authorization header; passwd only comes
        // with Basic, which is refused.
        const char *realm = m_soap->authrealm;
        const char *user = m_soap->userid;
        if (!realm || !user || m_soap->passwd || std::strcmp(realm, kHttpDigestRealm) != 0)
            return false;
        const std::optional<std::string> password = m_context.state.passwordOf(user);
        return password && http_da_verify_post(m_soap, password->c_str()) == SOAP_OK;
    }

    bool verifyToken()
    {
        const SOAP_ENV__Header *header = m_soap->header;
        const _wsse__UsernameToken *token = header && header->wsse__Security
                                                    ? header->wsse__Security->UsernameToken
                                                    : nullptr;
        if (!token || !token->Username || !token->Password || !token->Password->__item)
            return false;
        const std::optional<std::string> password = m_context.state.passwordOf(token->Username);
        if (!password)
            return false;
        const char *type = token->Password->Type;
        const bool digest = type && std::strstr(type, "#PasswordDigest");
        if (!digest) // PasswordText (Type absent or #PasswordText)
            return *password == token->Password->__item;

        if (!token->Nonce || !token->Nonce->__item || !token->wsu__Created)
            return false;
        time_t created = 0;
        if (soap_s2dateTime(m_soap, token->wsu__Created, &created) != SOAP_OK) {
            m_soap->error = SOAP_OK;
            return false;
        }
        if (std::fabs(double(created) - m_context.state.deviceNow()) > kMaxClockSkewSeconds)
            return false;
        int nonceSize = 0;
        const char *nonce = soap_base642s(m_soap, token->Nonce->__item, nullptr, 0, &nonceSize);
        if (!nonce) {
            m_soap->error = SOAP_OK;
            return false;
        }
        const std::string expected = sha1Base64(m_soap, std::string(nonce, std::size_t(nonceSize))
                                                                + token->wsu__Created + *password);
        if (expected != token->Password->__item)
            return false;
        // Only a correct token may claim a nonce.
        return m_context.state.acceptNonce(token->Nonce->__item);
    }

    SimContext &m_context;
    struct soap *m_soap;
    std::string m_operation;
    std::string m_pairs;
    std::string m_fault;
    bool m_authFailed = false;
    bool m_httpDigestFailed = false;
};

std::string hostForUrls(const SimContext &c)
{
    const std::string &h = c.state.options().host;
    return h == "0.0.0.0" || h.empty() ? std::string("127.0.0.1") : h;
}

std::string serviceUrl(const SimContext &c, const char *service)
{
    return "http://" + hostForUrls(c) + ":" + std::to_string(c.state.options().port) + "/onvif/"
           + service + "_service";
}

tt__DateTime *dateTime(struct soap *soap, time_t t)
{
    struct tm tm
    {
    };
    gmtime_r(&t, &tm);
    auto *dt = soap_new_tt__DateTime(soap);
    dt->Date = soap_new_tt__Date(soap);
    dt->Date->Year = tm.tm_year + 1900;
    dt->Date->Month = tm.tm_mon + 1;
    dt->Date->Day = tm.tm_mday;
    dt->Time = soap_new_tt__Time(soap);
    dt->Time->Hour = tm.tm_hour;
    dt->Time->Minute = tm.tm_min;
    dt->Time->Second = tm.tm_sec;
    return dt;
}

tt__PTZVector *ptzVector(struct soap *soap, const PtzVector &p)
{
    auto *v = soap_new_tt__PTZVector(soap);
    v->PanTilt = soap_new_tt__Vector2D(soap);
    v->PanTilt->x = p.pan;
    v->PanTilt->y = p.tilt;
    v->PanTilt->space = str(soap, kPanTiltPositionSpace);
    v->Zoom = soap_new_tt__Vector1D(soap);
    v->Zoom->x = p.zoom;
    v->Zoom->space = str(soap, kZoomPositionSpace);
    return v;
}

PtzRequest ptzRequest(const tt__Vector2D *panTilt, const tt__Vector1D *zoom)
{
    PtzRequest r;
    if (panTilt) {
        r.pan = panTilt->x;
        r.tilt = panTilt->y;
    }
    if (zoom)
        r.zoom = zoom->x;
    return r;
}

std::string optText(const std::optional<float> &v)
{
    return v ? fmt(*v) : std::string("none");
}

tt__PTZConfiguration *ptzConfiguration(struct soap *soap)
{
    auto *c = soap_new_tt__PTZConfiguration(soap);
    c->token = kPtzConfigToken;
    c->Name = "PTZConfiguration";
    c->UseCount = 3;
    c->NodeToken = kPtzNodeToken;
    c->DefaultAbsolutePantTiltPositionSpace = str(soap, kPanTiltPositionSpace);
    c->DefaultAbsoluteZoomPositionSpace = str(soap, kZoomPositionSpace);
    c->DefaultRelativePanTiltTranslationSpace = str(soap, kPanTiltTranslationSpace);
    c->DefaultRelativeZoomTranslationSpace = str(soap, kZoomTranslationSpace);
    c->DefaultContinuousPanTiltVelocitySpace = str(soap, kPanTiltVelocitySpace);
    c->DefaultContinuousZoomVelocitySpace = str(soap, kZoomVelocitySpace);
    c->DefaultPTZSpeed = soap_new_tt__PTZSpeed(soap);
    c->DefaultPTZSpeed->PanTilt = soap_new_tt__Vector2D(soap);
    c->DefaultPTZSpeed->PanTilt->x = 0.5f;
    c->DefaultPTZSpeed->PanTilt->y = 0.5f;
    c->DefaultPTZSpeed->PanTilt->space = str(soap, kPanTiltSpeedSpace);
    c->DefaultPTZSpeed->Zoom = soap_new_tt__Vector1D(soap);
    c->DefaultPTZSpeed->Zoom->x = 0.5f;
    c->DefaultPTZSpeed->Zoom->space = str(soap, kZoomSpeedSpace);
    c->DefaultPTZTimeout = str(soap, "PT5S");
    c->PanTiltLimits = soap_new_tt__PanTiltLimits(soap);
    c->PanTiltLimits->Range = space2D(soap, kPanTiltPositionSpace, -1, 1);
    c->ZoomLimits = soap_new_tt__ZoomLimits(soap);
    c->ZoomLimits->Range = space1D(soap, kZoomPositionSpace, 0, 1);
    return c;
}

tt__VideoEncoderConfiguration *encoderConfiguration(struct soap *soap, const EncoderConfig &e)
{
    auto *c = soap_new_tt__VideoEncoderConfiguration(soap);
    c->token = e.token;
    c->Name = e.name;
    c->UseCount = e.useCount;
    c->Encoding = tt__VideoEncoding(e.encoding);
    c->Resolution = soap_new_tt__VideoResolution(soap);
    c->Resolution->Width = e.resolution.width;
    c->Resolution->Height = e.resolution.height;
    c->Quality = e.quality;
    c->RateControl = soap_new_tt__VideoRateControl(soap);
    c->RateControl->FrameRateLimit = e.frameRate;
    c->RateControl->EncodingInterval = e.encodingInterval;
    c->RateControl->BitrateLimit = e.bitrateKbps;
    if (e.encoding == Encoding::H264) {
        c->H264 = soap_new_tt__H264Configuration(soap);
        c->H264->GovLength = e.govLength;
        c->H264->H264Profile = tt__H264Profile(e.h264Profile);
    } else if (e.encoding == Encoding::Mpeg4) {
        c->MPEG4 = soap_new_tt__Mpeg4Configuration(soap);
        c->MPEG4->GovLength = e.govLength;
        c->MPEG4->Mpeg4Profile = tt__Mpeg4Profile(e.mpeg4Profile);
    }
    c->Multicast = soap_new_tt__MulticastConfiguration(soap);
    c->Multicast->Address = soap_new_tt__IPAddress(soap);
    c->Multicast->Address->Type = tt__IPType__IPv4;
    c->Multicast->Address->IPv4Address = str(soap, e.multicastAddress);
    c->Multicast->Port = e.multicastPort;
    c->Multicast->TTL = e.multicastTtl;
    c->Multicast->AutoStart = e.multicastAutoStart;
    c->SessionTimeout = e.sessionTimeout;
    return c;
}

// ---------- Device ----------

class DeviceService final : public DeviceBindingService
{
public:
    DeviceService(struct soap *soap, SimContext &context)
        : DeviceBindingService(soap)
        , m_context(context)
    {}
    DeviceBindingService *copy() override
    {
        auto *c = new DeviceService(soap_copy(soap), m_context);
        c->soap_own = true; // the copy's context is its own
        return c;
    }

    int GetDeviceInformation(_tds__GetDeviceInformation *,
                             _tds__GetDeviceInformationResponse &r) override
    {
        Call call(m_context, soap, "GetDeviceInformation");
        if (int e = call.authorize())
            return e;
        r.Manufacturer = "VMS Project";
        r.Model = m_context.state.options().model;
        r.FirmwareVersion = std::string("onvif-camera-sim ") + VMS_VERSION;
        r.SerialNumber = "SIM-" + std::to_string(m_context.state.options().port);
        r.HardwareId = "vms-onvif-camera-sim-1";
        return SOAP_OK;
    }

    int GetSystemDateAndTime(_tds__GetSystemDateAndTime *,
                             _tds__GetSystemDateAndTimeResponse &r) override
    {
        // Unauthenticated on purpose: clients learn the clock offset from it before they can
        // compute a digest the device accepts.
        Call call(m_context, soap, "GetSystemDateAndTime");
        soap->header = nullptr;
        const time_t now = time_t(std::floor(m_context.state.deviceNow()));
        auto *s = soap_new_tt__SystemDateTime(soap);
        s->DateTimeType = tt__SetDateTimeType__Manual;
        s->DaylightSavings = false;
        s->TimeZone = soap_new_tt__TimeZone(soap);
        s->TimeZone->TZ = "UTC0";
        s->UTCDateTime = dateTime(soap, now);
        s->LocalDateTime = dateTime(soap, now);
        r.SystemDateAndTime = s;
        call.kv("utc", std::to_string(static_cast<long long>(now)));
        return SOAP_OK;
    }

    int GetCapabilities(_tds__GetCapabilities *request, _tds__GetCapabilitiesResponse &r) override
    {
        Call call(m_context, soap, "GetCapabilities");
        if (int e = call.authorize())
            return e;
        bool all = !request || request->Category.empty();
        bool device = all, media = all, imaging = all, ptz = all;
        if (request) {
            for (auto c : request->Category) {
                switch (c) {
                case tt__CapabilityCategory__All:
                    device = media = imaging = ptz = true;
                    break;
                case tt__CapabilityCategory__Device:
                    device = true;
                    break;
                case tt__CapabilityCategory__Media:
                    media = true;
                    break;
                case tt__CapabilityCategory__Imaging:
                    imaging = true;
                    break;
                case tt__CapabilityCategory__PTZ:
                    if (!m_context.state.options().ptz)
                        return call.fail(Fault{false, "ter:ActionNotSupported", "ter:NoSuchService",
                                               "this device has no PTZ"});
                    ptz = true;
                    break;
                default:
                    return call.fail(Fault{false, "ter:ActionNotSupported", "ter:NoSuchService",
                                           "no such service on this device"});
                }
            }
        }
        auto *caps = soap_new_tt__Capabilities(soap);
        if (device) {
            caps->Device = soap_new_tt__DeviceCapabilities(soap);
            caps->Device->XAddr = serviceUrl(m_context, "device");
        }
        if (imaging) {
            caps->Imaging = soap_new_tt__ImagingCapabilities(soap);
            caps->Imaging->XAddr = serviceUrl(m_context, "imaging");
        }
        if (media) {
            caps->Media = soap_new_tt__MediaCapabilities(soap);
            caps->Media->XAddr = serviceUrl(m_context, "media");
        }
        if (ptz && m_context.state.options().ptz) {
            caps->PTZ = soap_new_tt__PTZCapabilities(soap);
            caps->PTZ->XAddr = serviceUrl(m_context, "ptz");
        }
        r.Capabilities = caps;
        return SOAP_OK;
    }

    int GetServices(_tds__GetServices *, _tds__GetServicesResponse &r) override
    {
        Call call(m_context, soap, "GetServices");
        if (int e = call.authorize())
            return e;
        auto add = [&](const char *ns, const char *service, int major, int minor) {
            auto *s = soap_new_tds__Service(soap);
            s->Namespace = ns;
            s->XAddr = serviceUrl(m_context, service);
            s->Version = soap_new_tt__OnvifVersion(soap);
            s->Version->Major = major;
            s->Version->Minor = minor;
            r.Service.push_back(s);
        };
        add("http://www.onvif.org/ver10/device/wsdl", "device", 2, 60);
        add("http://www.onvif.org/ver10/media/wsdl", "media", 2, 60);
        add("http://www.onvif.org/ver20/imaging/wsdl", "imaging", 2, 60);
        if (m_context.state.options().ptz)
            add("http://www.onvif.org/ver20/ptz/wsdl", "ptz", 2, 60);
        return SOAP_OK;
    }

    int GetNetworkProtocols(_tds__GetNetworkProtocols *,
                            _tds__GetNetworkProtocolsResponse &r) override
    {
        Call call(m_context, soap, "GetNetworkProtocols");
        if (int e = call.authorize())
            return e;
        for (const auto &p : m_context.state.networkProtocols()) {
            auto *n = soap_new_tt__NetworkProtocol(soap);
            n->Name = tt__NetworkProtocolType(p.name);
            n->Enabled = p.enabled;
            n->Port = p.ports;
            r.NetworkProtocols.push_back(n);
        }
        return SOAP_OK;
    }

    int SetNetworkProtocols(_tds__SetNetworkProtocols *request,
                            _tds__SetNetworkProtocolsResponse &) override
    {
        Call call(m_context, soap, "SetNetworkProtocols");
        if (int e = call.authorize())
            return e;
        std::vector<NetworkProtocol> protocols;
        for (const tt__NetworkProtocol *p : request->NetworkProtocols) {
            if (!p)
                continue;
            protocols.push_back({NetProto(p->Name), p->Enabled, p->Port});
            std::string ports;
            for (int port : p->Port)
                ports += (ports.empty() ? "" : ",") + std::to_string(port);
            call.kv(soap_tt__NetworkProtocolType2s(soap, p->Name),
                    (p->Enabled ? "on:" : "off:") + ports);
        }
        if (auto f = m_context.state.setNetworkProtocols(protocols))
            return call.fail(f);
        return SOAP_OK;
    }

    int GetUsers(_tds__GetUsers *, _tds__GetUsersResponse &r) override
    {
        Call call(m_context, soap, "GetUsers");
        if (int e = call.authorize())
            return e;
        for (const auto &u : m_context.state.users()) {
            auto *t = soap_new_tt__User(soap);
            t->Username = u.name;
            t->UserLevel = tt__UserLevel(u.level); // passwords are never returned
            r.User.push_back(t);
        }
        return SOAP_OK;
    }

    int SetUser(_tds__SetUser *request, _tds__SetUserResponse &) override
    {
        Call call(m_context, soap, "SetUser");
        if (int e = call.authorize())
            return e;
        std::vector<UserChange> changes;
        for (const tt__User *u : request->User) {
            if (!u)
                continue;
            UserChange c{u->Username, std::nullopt, UserLevel(u->UserLevel)};
            if (u->Password)
                c.password = *u->Password;
            changes.push_back(c);
            call.kv("user", u->Username)
                    .kv("level", soap_tt__UserLevel2s(soap, u->UserLevel))
                    .kv("password", u->Password ? "set" : "unchanged");
        }
        if (auto f = m_context.state.setUsers(changes))
            return call.fail(f);
        return SOAP_OK;
    }

private:
    SimContext &m_context;
};

// ---------- Media ----------

class MediaService final : public MediaBindingService
{
public:
    MediaService(struct soap *soap, SimContext &context)
        : MediaBindingService(soap)
        , m_context(context)
    {}
    MediaBindingService *copy() override
    {
        auto *c = new MediaService(soap_copy(soap), m_context);
        c->soap_own = true; // the copy's context is its own
        return c;
    }

    int GetProfiles(_trt__GetProfiles *, _trt__GetProfilesResponse &r) override
    {
        Call call(m_context, soap, "GetProfiles");
        if (int e = call.authorize())
            return e;
        for (const auto &p : m_context.state.profiles()) {
            auto *t = soap_new_tt__Profile(soap);
            t->token = p.token;
            t->fixed = value(soap, true);
            t->Name = p.name;
            t->VideoSourceConfiguration = videoSourceConfiguration();
            if (auto e = m_context.state.encoderConfig(p.encoderToken))
                t->VideoEncoderConfiguration = encoderConfiguration(soap, *e);
            if (m_context.state.options().ptz)
                t->PTZConfiguration = ptzConfiguration(soap);
            r.Profiles.push_back(t);
        }
        return SOAP_OK;
    }

    int GetVideoSources(_trt__GetVideoSources *, _trt__GetVideoSourcesResponse &r) override
    {
        Call call(m_context, soap, "GetVideoSources");
        if (int e = call.authorize())
            return e;
        auto *s = soap_new_tt__VideoSource(soap);
        s->token = kVideoSourceToken;
        s->Framerate = 25;
        s->Resolution = soap_new_tt__VideoResolution(soap);
        s->Resolution->Width = 1920;
        s->Resolution->Height = 1080;
        r.VideoSources.push_back(s);
        return SOAP_OK;
    }

    int GetVideoEncoderConfigurations(_trt__GetVideoEncoderConfigurations *,
                                      _trt__GetVideoEncoderConfigurationsResponse &r) override
    {
        Call call(m_context, soap, "GetVideoEncoderConfigurations");
        if (int e = call.authorize())
            return e;
        for (const auto &e : m_context.state.encoderConfigs())
            r.Configurations.push_back(encoderConfiguration(soap, e));
        return SOAP_OK;
    }

    int GetVideoEncoderConfigurationOptions(
            _trt__GetVideoEncoderConfigurationOptions *request,
            _trt__GetVideoEncoderConfigurationOptionsResponse &r) override
    {
        Call call(m_context, soap, "GetVideoEncoderConfigurationOptions");
        if (int e = call.authorize())
            return e;
        // By configuration token, else by the profile's configuration, else the widest (main).
        std::string token = "main";
        if (request && request->ConfigurationToken) {
            token = *request->ConfigurationToken;
        } else if (request && request->ProfileToken) {
            const auto profile = m_context.state.profile(*request->ProfileToken);
            if (!profile)
                return call.fail(
                        invalidArg("ProfileToken: no profile '" + *request->ProfileToken + "'",
                                   "ter:NoProfile"));
            token = profile->encoderToken;
        }
        call.kv("token", token);
        const auto options = m_context.state.encoderOptions(token);
        if (!options)
            return call.fail(
                    invalidArg("ConfigurationToken: no video encoder configuration '" + token + "'",
                               "ter:NoConfig"));
        const EncoderOptions &o = *options;
        auto resolutions = [&](std::vector<tt__VideoResolution *> &out) {
            for (const auto &res : o.resolutions) {
                auto *v = soap_new_tt__VideoResolution(soap);
                v->Width = res.width;
                v->Height = res.height;
                out.push_back(v);
            }
        };
        const Range interval = o.encodingInterval;
        auto *opt = soap_new_tt__VideoEncoderConfigurationOptions(soap);
        opt->QualityRange = intRange(soap, o.quality);
        opt->JPEG = soap_new_tt__JpegOptions(soap);
        resolutions(opt->JPEG->ResolutionsAvailable);
        opt->JPEG->FrameRateRange = intRange(soap, o.frameRate);
        opt->JPEG->EncodingIntervalRange = intRange(soap, interval);
        opt->MPEG4 = soap_new_tt__Mpeg4Options(soap);
        resolutions(opt->MPEG4->ResolutionsAvailable);
        opt->MPEG4->GovLengthRange = intRange(soap, o.govLength);
        opt->MPEG4->FrameRateRange = intRange(soap, o.frameRate);
        opt->MPEG4->EncodingIntervalRange = intRange(soap, interval);
        for (int p : o.mpeg4Profiles)
            opt->MPEG4->Mpeg4ProfilesSupported.push_back(tt__Mpeg4Profile(p));
        opt->H264 = soap_new_tt__H264Options(soap);
        resolutions(opt->H264->ResolutionsAvailable);
        opt->H264->GovLengthRange = intRange(soap, o.govLength);
        opt->H264->FrameRateRange = intRange(soap, o.frameRate);
        opt->H264->EncodingIntervalRange = intRange(soap, interval);
        for (int p : o.h264Profiles)
            opt->H264->H264ProfilesSupported.push_back(tt__H264Profile(p));

        opt->Extension = soap_new_tt__VideoEncoderOptionsExtension(soap);
        opt->Extension->JPEG = soap_new_tt__JpegOptions2(soap);
        resolutions(opt->Extension->JPEG->ResolutionsAvailable);
        opt->Extension->JPEG->FrameRateRange = intRange(soap, o.frameRate);
        opt->Extension->JPEG->EncodingIntervalRange = intRange(soap, interval);
        opt->Extension->JPEG->BitrateRange = intRange(soap, o.jpegBitrate);
        opt->Extension->MPEG4 = soap_new_tt__Mpeg4Options2(soap);
        resolutions(opt->Extension->MPEG4->ResolutionsAvailable);
        opt->Extension->MPEG4->GovLengthRange = intRange(soap, o.govLength);
        opt->Extension->MPEG4->FrameRateRange = intRange(soap, o.frameRate);
        opt->Extension->MPEG4->EncodingIntervalRange = intRange(soap, interval);
        opt->Extension->MPEG4->Mpeg4ProfilesSupported = opt->MPEG4->Mpeg4ProfilesSupported;
        opt->Extension->MPEG4->BitrateRange = intRange(soap, o.mpeg4Bitrate);
        opt->Extension->H264 = soap_new_tt__H264Options2(soap);
        resolutions(opt->Extension->H264->ResolutionsAvailable);
        opt->Extension->H264->GovLengthRange = intRange(soap, o.govLength);
        opt->Extension->H264->FrameRateRange = intRange(soap, o.frameRate);
        opt->Extension->H264->EncodingIntervalRange = intRange(soap, interval);
        opt->Extension->H264->H264ProfilesSupported = opt->H264->H264ProfilesSupported;
        opt->Extension->H264->BitrateRange = intRange(soap, o.h264Bitrate);
        r.Options = opt;
        return SOAP_OK;
    }

    int SetVideoEncoderConfiguration(_trt__SetVideoEncoderConfiguration *request,
                                     _trt__SetVideoEncoderConfigurationResponse &) override
    {
        Call call(m_context, soap, "SetVideoEncoderConfiguration");
        if (int e = call.authorize())
            return e;
        const tt__VideoEncoderConfiguration *c = request ? request->Configuration : nullptr;
        if (!c)
            return call.fail(invalidArg("Configuration is required"));
        call.kv("token", c->token);
        const auto current = m_context.state.encoderConfig(c->token);
        if (!current)
            return call.fail(
                    invalidArg("Configuration: no video encoder configuration '" + c->token + "'",
                               "ter:NoConfig"));
        // Start from the stored configuration: optional parts the client left out stay as they
        // are (a client may switch to JPEG without sending H264 settings).
        EncoderConfig n = *current;
        n.name = c->Name;
        n.encoding = Encoding(c->Encoding);
        if (!c->Resolution)
            return call.fail(invalidArg("Resolution is required", "ter:ConfigModify"));
        n.resolution = {c->Resolution->Width, c->Resolution->Height};
        n.quality = c->Quality;
        if (c->RateControl) {
            n.frameRate = c->RateControl->FrameRateLimit;
            n.encodingInterval = c->RateControl->EncodingInterval;
            n.bitrateKbps = c->RateControl->BitrateLimit;
        }
        if (c->H264 && n.encoding == Encoding::H264) {
            n.govLength = c->H264->GovLength;
            n.h264Profile = c->H264->H264Profile;
        }
        if (c->MPEG4 && n.encoding == Encoding::Mpeg4) {
            n.govLength = c->MPEG4->GovLength;
            n.mpeg4Profile = c->MPEG4->Mpeg4Profile;
        }
        if (c->Multicast) {
            if (c->Multicast->Address && c->Multicast->Address->IPv4Address)
                n.multicastAddress = *c->Multicast->Address->IPv4Address;
            n.multicastPort = c->Multicast->Port;
            n.multicastTtl = c->Multicast->TTL;
            n.multicastAutoStart = c->Multicast->AutoStart;
        }
        double timeout = 0;
        if (!c->SessionTimeout.empty()) {
            if (!parseDuration(c->SessionTimeout, timeout))
                return call.fail(
                        invalidArg("SessionTimeout: not an xsd:duration", "ter:ConfigModify"));
            n.sessionTimeout = c->SessionTimeout;
        }
        call.kv("encoding", soap_tt__VideoEncoding2s(soap, c->Encoding))
                .kv("width", n.resolution.width)
                .kv("height", n.resolution.height)
                .kv("quality", double(n.quality))
                .kv("fps", n.frameRate)
                .kv("bitrate", n.bitrateKbps)
                .kv("gov", n.govLength);
        if (auto f = m_context.state.setEncoderConfig(n))
            return call.fail(f);
        return SOAP_OK;
    }

    int GetStreamUri(_trt__GetStreamUri *request, _trt__GetStreamUriResponse &r) override
    {
        Call call(m_context, soap, "GetStreamUri");
        if (int e = call.authorize())
            return e;
        call.kv("profile", request->ProfileToken);
        const auto profile = m_context.state.profile(request->ProfileToken);
        if (!profile)
            return call.fail(invalidArg("ProfileToken: no profile '" + request->ProfileToken + "'",
                                        "ter:NoProfile"));
        const Options &o = m_context.state.options();
        const bool main = profile->token == "main";
        std::string uri;
        if (main)
            uri = !o.rtspMain.empty() ? o.rtspMain : m_context.ownRtspMain;
        else
            uri = !o.rtspSub.empty()    ? o.rtspSub
                  : !o.rtspMain.empty() ? o.rtspMain
                                        : m_context.ownRtspSub;
        if (uri.empty())
            return call.fail(Fault{false,
                                   "ter:ActionNotSupported",
                                   {},
                                   "no RTSP stream: start the simulator with --rtsp URL or "
                                   "--serve-rtsp HOST:PORT"});
        call.kv("uri", uri);
        r.MediaUri = soap_new_tt__MediaUri(soap);
        r.MediaUri->Uri = uri;
        r.MediaUri->InvalidAfterConnect = false;
        r.MediaUri->InvalidAfterReboot = false;
        r.MediaUri->Timeout = "PT0S";
        return SOAP_OK;
    }

    int GetSnapshotUri(_trt__GetSnapshotUri *request, _trt__GetSnapshotUriResponse &r) override
    {
        Call call(m_context, soap, "GetSnapshotUri");
        if (int e = call.authorize())
            return e;
        call.kv("profile", request->ProfileToken);
        if (!m_context.state.profile(request->ProfileToken))
            return call.fail(invalidArg("ProfileToken: no profile '" + request->ProfileToken + "'",
                                        "ter:NoProfile"));
        r.MediaUri = soap_new_tt__MediaUri(soap);
        r.MediaUri->Uri = "http://" + hostForUrls(m_context) + ":"
                          + std::to_string(m_context.state.options().port)
                          + "/snapshot.jpg?profile=" + request->ProfileToken;
        r.MediaUri->InvalidAfterConnect = false;
        r.MediaUri->InvalidAfterReboot = false;
        r.MediaUri->Timeout = "PT0S";
        return SOAP_OK;
    }

private:
    tt__VideoSourceConfiguration *videoSourceConfiguration()
    {
        auto *v = soap_new_tt__VideoSourceConfiguration(soap);
        v->token = kVideoSourceConfigToken;
        v->Name = "VideoSourceConfiguration";
        v->UseCount = 3;
        v->SourceToken = kVideoSourceToken;
        v->Bounds = soap_new_tt__IntRectangle(soap);
        v->Bounds->x = 0;
        v->Bounds->y = 0;
        v->Bounds->width = 1920;
        v->Bounds->height = 1080;
        return v;
    }

    SimContext &m_context;
};

// ---------- Imaging ----------

class ImagingService final : public ImagingBindingService
{
public:
    ImagingService(struct soap *soap, SimContext &context)
        : ImagingBindingService(soap)
        , m_context(context)
    {}
    ImagingBindingService *copy() override
    {
        auto *c = new ImagingService(soap_copy(soap), m_context);
        c->soap_own = true; // the copy's context is its own
        return c;
    }

    int GetImagingSettings(_timg__GetImagingSettings *request,
                           _timg__GetImagingSettingsResponse &r) override
    {
        Call call(m_context, soap, "GetImagingSettings");
        if (int e = call.authorize())
            return e;
        call.kv("source", request->VideoSourceToken);
        if (request->VideoSourceToken != kVideoSourceToken)
            return call.fail(noSource(request->VideoSourceToken));
        const ImagingSettings s = m_context.state.imaging();
        auto *t = soap_new_tt__ImagingSettings20(soap);
        t->BacklightCompensation = soap_new_tt__BacklightCompensation20(soap);
        t->BacklightCompensation->Mode = s.backlightOn ? tt__BacklightCompensationMode__ON
                                                       : tt__BacklightCompensationMode__OFF;
        t->BacklightCompensation->Level = value(soap, s.backlightLevel);
        t->Brightness = value(soap, s.brightness);
        t->ColorSaturation = value(soap, s.colorSaturation);
        t->Contrast = value(soap, s.contrast);
        t->Exposure = soap_new_tt__Exposure20(soap);
        t->Exposure->Mode = tt__ExposureMode(s.exposureMode);
        t->Exposure->MinExposureTime = value(soap, s.minExposureTime);
        t->Exposure->MaxExposureTime = value(soap, s.maxExposureTime);
        t->IrCutFilter = value(soap, tt__IrCutFilterMode(s.irCut));
        t->Sharpness = value(soap, s.sharpness);
        t->WideDynamicRange = soap_new_tt__WideDynamicRange20(soap);
        t->WideDynamicRange->Mode = s.wdrOn ? tt__WideDynamicMode__ON : tt__WideDynamicMode__OFF;
        t->WideDynamicRange->Level = value(soap, s.wdrLevel);
        t->WhiteBalance = soap_new_tt__WhiteBalance20(soap);
        t->WhiteBalance->Mode = tt__WhiteBalanceMode(s.whiteBalanceMode);
        t->WhiteBalance->CrGain = value(soap, s.crGain);
        t->WhiteBalance->CbGain = value(soap, s.cbGain);
        r.ImagingSettings = t;
        return SOAP_OK;
    }

    int SetImagingSettings(_timg__SetImagingSettings *request,
                           _timg__SetImagingSettingsResponse &) override
    {
        Call call(m_context, soap, "SetImagingSettings");
        if (int e = call.authorize())
            return e;
        call.kv("source", request->VideoSourceToken);
        if (request->VideoSourceToken != kVideoSourceToken)
            return call.fail(noSource(request->VideoSourceToken));
        const tt__ImagingSettings20 *s = request->ImagingSettings;
        if (!s)
            return call.fail(invalidArg("ImagingSettings is required", "ter:SettingsInvalid"));
        ImagingChange c;
        auto take = [&](const float *v, std::optional<float> &out, const char *key) {
            if (v) {
                out = *v;
                call.kv(key, double(*v));
            }
        };
        take(s->Brightness, c.brightness, "brightness");
        take(s->ColorSaturation, c.colorSaturation, "saturation");
        take(s->Contrast, c.contrast, "contrast");
        take(s->Sharpness, c.sharpness, "sharpness");
        if (s->BacklightCompensation) {
            c.backlightMode = int(s->BacklightCompensation->Mode);
            call.kv("backlight",
                    soap_tt__BacklightCompensationMode2s(soap, s->BacklightCompensation->Mode));
            take(s->BacklightCompensation->Level, c.backlightLevel, "backlightLevel");
        }
        if (s->IrCutFilter) {
            c.irCut = int(*s->IrCutFilter);
            call.kv("ircut", soap_tt__IrCutFilterMode2s(soap, *s->IrCutFilter));
        }
        if (const tt__Exposure20 *x = s->Exposure) {
            c.exposureMode = int(x->Mode);
            call.kv("exposure", soap_tt__ExposureMode2s(soap, x->Mode));
            take(x->MinExposureTime, c.minExposureTime, "minExposureTime");
            take(x->MaxExposureTime, c.maxExposureTime, "maxExposureTime");
            c.exposureUnsupportedField = x->Priority || x->MinGain || x->MaxGain || x->MinIris
                                         || x->MaxIris || x->ExposureTime || x->Gain || x->Iris;
        }
        if (s->WideDynamicRange) {
            c.wdrMode = int(s->WideDynamicRange->Mode);
            call.kv("wdr", soap_tt__WideDynamicMode2s(soap, s->WideDynamicRange->Mode));
            take(s->WideDynamicRange->Level, c.wdrLevel, "wdrLevel");
        }
        if (s->WhiteBalance) {
            c.whiteBalanceMode = int(s->WhiteBalance->Mode);
            call.kv("whiteBalance", soap_tt__WhiteBalanceMode2s(soap, s->WhiteBalance->Mode));
            take(s->WhiteBalance->CrGain, c.crGain, "crGain");
            take(s->WhiteBalance->CbGain, c.cbGain, "cbGain");
        }
        if (auto f = m_context.state.setImaging(c))
            return call.fail(f);
        return SOAP_OK;
    }

    int GetOptions(_timg__GetOptions *request, _timg__GetOptionsResponse &r) override
    {
        Call call(m_context, soap, "GetOptions");
        if (int e = call.authorize())
            return e;
        call.kv("source", request->VideoSourceToken);
        if (request->VideoSourceToken != kVideoSourceToken)
            return call.fail(noSource(request->VideoSourceToken));
        const ImagingOptions o = m_context.state.imagingOptions();
        auto *t = soap_new_tt__ImagingOptions20(soap);
        t->BacklightCompensation = soap_new_tt__BacklightCompensationOptions20(soap);
        t->BacklightCompensation->Mode
                = {tt__BacklightCompensationMode__OFF, tt__BacklightCompensationMode__ON};
        t->BacklightCompensation->Level = floatRange(soap, o.backlightLevel);
        t->Brightness = floatRange(soap, o.brightness);
        t->ColorSaturation = floatRange(soap, o.colorSaturation);
        t->Contrast = floatRange(soap, o.contrast);
        t->Exposure = soap_new_tt__ExposureOptions20(soap);
        t->Exposure->Mode = {tt__ExposureMode__AUTO, tt__ExposureMode__MANUAL};
        t->Exposure->MinExposureTime = floatRange(soap, o.minExposureTime);
        t->Exposure->MaxExposureTime = floatRange(soap, o.maxExposureTime);
        t->IrCutFilterModes
                = {tt__IrCutFilterMode__ON, tt__IrCutFilterMode__OFF, tt__IrCutFilterMode__AUTO};
        t->Sharpness = floatRange(soap, o.sharpness);
        t->WideDynamicRange = soap_new_tt__WideDynamicRangeOptions20(soap);
        t->WideDynamicRange->Mode = {tt__WideDynamicMode__OFF, tt__WideDynamicMode__ON};
        t->WideDynamicRange->Level = floatRange(soap, o.wdrLevel);
        t->WhiteBalance = soap_new_tt__WhiteBalanceOptions20(soap);
        t->WhiteBalance->Mode = {tt__WhiteBalanceMode__AUTO, tt__WhiteBalanceMode__MANUAL};
        t->WhiteBalance->YrGain = floatRange(soap, o.crGain);
        t->WhiteBalance->YbGain = floatRange(soap, o.cbGain);
        r.ImagingOptions = t;
        return SOAP_OK;
    }

private:
    static Fault noSource(const std::string &token)
    {
        return *invalidArg("VideoSourceToken: no video source '" + token + "'", "ter:NoSource");
    }

    SimContext &m_context;
};

// ---------- PTZ ----------

class PtzService final : public PTZBindingService
{
public:
    PtzService(struct soap *soap, SimContext &context)
        : PTZBindingService(soap)
        , m_context(context)
    {}
    PTZBindingService *copy() override
    {
        auto *c = new PtzService(soap_copy(soap), m_context);
        c->soap_own = true; // the copy's context is its own
        return c;
    }

    int GetConfigurations(_tptz__GetConfigurations *, _tptz__GetConfigurationsResponse &r) override
    {
        Call call(m_context, soap, "GetConfigurations");
        if (int e = begin(call))
            return e;
        r.PTZConfiguration.push_back(ptzConfiguration(soap));
        return SOAP_OK;
    }

    int GetNodes(_tptz__GetNodes *, _tptz__GetNodesResponse &r) override
    {
        Call call(m_context, soap, "GetNodes");
        if (int e = begin(call))
            return e;
        auto *n = soap_new_tt__PTZNode(soap);
        n->token = kPtzNodeToken;
        n->FixedHomePosition = m_context.state.options().home ? value(soap, false) : nullptr;
        n->Name = str(soap, "PTZNode");
        auto *s = soap_new_tt__PTZSpaces(soap);
        s->AbsolutePanTiltPositionSpace.push_back(space2D(soap, kPanTiltPositionSpace, -1, 1));
        s->AbsoluteZoomPositionSpace.push_back(space1D(soap, kZoomPositionSpace, 0, 1));
        s->RelativePanTiltTranslationSpace.push_back(
                space2D(soap, kPanTiltTranslationSpace, -1, 1));
        s->RelativeZoomTranslationSpace.push_back(space1D(soap, kZoomTranslationSpace, -1, 1));
        s->ContinuousPanTiltVelocitySpace.push_back(space2D(soap, kPanTiltVelocitySpace, -1, 1));
        s->ContinuousZoomVelocitySpace.push_back(space1D(soap, kZoomVelocitySpace, -1, 1));
        s->PanTiltSpeedSpace.push_back(space1D(soap, kPanTiltSpeedSpace, 0, 1));
        s->ZoomSpeedSpace.push_back(space1D(soap, kZoomSpeedSpace, 0, 1));
        n->SupportedPTZSpaces = s;
        n->MaximumNumberOfPresets = m_context.state.options().maxPresets;
        n->HomeSupported = m_context.state.options().home;
        r.PTZNode.push_back(n);
        return SOAP_OK;
    }

    int GetStatus(_tptz__GetStatus *request, _tptz__GetStatusResponse &r) override
    {
        Call call(m_context, soap, "GetStatus");
        if (int e = begin(call, &request->ProfileToken))
            return e;
        const PtzStatus s = m_context.state.ptzStatus();
        auto *t = soap_new_tt__PTZStatus(soap);
        t->Position = ptzVector(soap, s.position);
        t->MoveStatus = soap_new_tt__PTZMoveStatus(soap);
        t->MoveStatus->PanTilt
                = value(soap, s.panTiltMoving ? tt__MoveStatus__MOVING : tt__MoveStatus__IDLE);
        t->MoveStatus->Zoom
                = value(soap, s.zoomMoving ? tt__MoveStatus__MOVING : tt__MoveStatus__IDLE);
        t->UtcTime = time_t(std::floor(m_context.state.deviceNow()));
        r.PTZStatus = t;
        call.kv("pan", double(s.position.pan))
                .kv("tilt", double(s.position.tilt))
                .kv("zoom", double(s.position.zoom));
        return SOAP_OK;
    }

    int ContinuousMove(_tptz__ContinuousMove *request, _tptz__ContinuousMoveResponse &) override
    {
        Call call(m_context, soap, "ContinuousMove");
        if (int e = begin(call, &request->ProfileToken))
            return e;
        const PtzRequest v = request->Velocity ? ptzRequest(request->Velocity->PanTilt,
                                                            request->Velocity->Zoom)
                                               : PtzRequest{};
        double timeout = kDefaultPtzTimeoutSeconds;
        if (request->Timeout && !parseDuration(*request->Timeout, timeout)) {
            call.kv("timeout", *request->Timeout);
            return call.fail(invalidArg("Timeout: not an xsd:duration", "ter:TimeoutNotSupported"));
        }
        call.kv("pan", optText(v.pan))
                .kv("tilt", optText(v.tilt))
                .kv("zoom", optText(v.zoom))
                .kv("timeout", timeout);
        if (!request->Velocity)
            return call.fail(invalidArg("Velocity is required", "ter:InvalidVelocity"));
        if (auto f = m_context.state.continuousMove(v, timeout))
            return call.fail(f);
        return SOAP_OK;
    }

    int RelativeMove(_tptz__RelativeMove *request, _tptz__RelativeMoveResponse &) override
    {
        Call call(m_context, soap, "RelativeMove");
        if (int e = begin(call, &request->ProfileToken))
            return e;
        if (!request->Translation)
            return call.fail(invalidArg("Translation is required", "ter:InvalidTranslation"));
        const PtzRequest t = ptzRequest(request->Translation->PanTilt, request->Translation->Zoom);
        call.kv("pan", optText(t.pan)).kv("tilt", optText(t.tilt)).kv("zoom", optText(t.zoom));
        if (auto f = m_context.state.relativeMove(t))
            return call.fail(f);
        return SOAP_OK;
    }

    int AbsoluteMove(_tptz__AbsoluteMove *request, _tptz__AbsoluteMoveResponse &) override
    {
        Call call(m_context, soap, "AbsoluteMove");
        if (int e = begin(call, &request->ProfileToken))
            return e;
        if (!request->Position)
            return call.fail(invalidArg("Position is required", "ter:InvalidPosition"));
        const PtzRequest p = ptzRequest(request->Position->PanTilt, request->Position->Zoom);
        call.kv("pan", optText(p.pan)).kv("tilt", optText(p.tilt)).kv("zoom", optText(p.zoom));
        if (auto f = m_context.state.absoluteMove(p))
            return call.fail(f);
        return SOAP_OK;
    }

    int Stop(_tptz__Stop *request, _tptz__StopResponse &) override
    {
        Call call(m_context, soap, "Stop");
        if (int e = begin(call, &request->ProfileToken))
            return e;
        // Both default to true (ONVIF: "If not set, all movements are stopped").
        const bool panTilt = request->PanTilt ? *request->PanTilt : true;
        const bool zoom = request->Zoom ? *request->Zoom : true;
        call.kv("pantilt", panTilt).kv("zoom", zoom);
        m_context.state.stop(panTilt, zoom);
        return SOAP_OK;
    }

    int GetPresets(_tptz__GetPresets *request, _tptz__GetPresetsResponse &r) override
    {
        Call call(m_context, soap, "GetPresets");
        if (int e = begin(call, &request->ProfileToken))
            return e;
        const auto presets = m_context.state.presets();
        for (const auto &p : presets) {
            auto *t = soap_new_tt__PTZPreset(soap);
            t->token = str(soap, p.token);
            t->Name = str(soap, p.name);
            t->PTZPosition = ptzVector(soap, p.position);
            r.Preset.push_back(t);
        }
        call.kv("count", int(presets.size()));
        return SOAP_OK;
    }

    int SetPreset(_tptz__SetPreset *request, _tptz__SetPresetResponse &r) override
    {
        Call call(m_context, soap, "SetPreset");
        if (int e = begin(call, &request->ProfileToken))
            return e;
        std::optional<std::string> name, token;
        if (request->PresetName)
            name = *request->PresetName;
        if (request->PresetToken)
            token = *request->PresetToken;
        call.kv("name", name.value_or(""));
        if (token)
            call.kv("token", *token);
        std::string result;
        if (auto f = m_context.state.setPreset(name, token, result))
            return call.fail(f);
        if (!token)
            call.kv("token", result);
        r.PresetToken = result;
        return SOAP_OK;
    }

    int RemovePreset(_tptz__RemovePreset *request, _tptz__RemovePresetResponse &) override
    {
        Call call(m_context, soap, "RemovePreset");
        if (int e = begin(call, &request->ProfileToken))
            return e;
        call.kv("token", request->PresetToken);
        if (auto f = m_context.state.removePreset(request->PresetToken))
            return call.fail(f);
        return SOAP_OK;
    }

    int GotoPreset(_tptz__GotoPreset *request, _tptz__GotoPresetResponse &) override
    {
        Call call(m_context, soap, "GotoPreset");
        if (int e = begin(call, &request->ProfileToken))
            return e;
        call.kv("token", request->PresetToken);
        if (auto f = m_context.state.gotoPreset(request->PresetToken))
            return call.fail(f);
        return SOAP_OK;
    }

    int SetHomePosition(_tptz__SetHomePosition *request, _tptz__SetHomePositionResponse &) override
    {
        Call call(m_context, soap, "SetHomePosition");
        if (int e = begin(call, &request->ProfileToken))
            return e;
        if (!m_context.state.options().home)
            return call.fail(notSupported("this PTZ node has no home position"));
        m_context.state.setHome();
        return SOAP_OK;
    }

    int GotoHomePosition(_tptz__GotoHomePosition *request,
                         _tptz__GotoHomePositionResponse &) override
    {
        Call call(m_context, soap, "GotoHomePosition");
        if (int e = begin(call, &request->ProfileToken))
            return e;
        if (!m_context.state.options().home)
            return call.fail(notSupported("this PTZ node has no home position"));
        m_context.state.gotoHome();
        return SOAP_OK;
    }

private:
    /// Authentication, then PTZ present, then the profile (when the operation names one).
    int begin(Call &call, const std::string *profileToken = nullptr)
    {
        if (int e = call.authorize())
            return e;
        if (profileToken)
            call.kv("profile", *profileToken);
        if (!m_context.state.options().ptz)
            return call.fail(notSupported("this device has no PTZ"));
        if (profileToken && !m_context.state.profile(*profileToken))
            return call.fail(invalidArg("ProfileToken: no profile '" + *profileToken + "'",
                                        "ter:NoProfile"));
        return SOAP_OK;
    }

    SimContext &m_context;
};

} // namespace

void Tracer::line(const std::string &text)
{
    if (!m_enabled)
        return;
    std::lock_guard lock(m_mutex);
    std::fputs(text.c_str(), stdout);
    std::fputc('\n', stdout);
    std::fflush(stdout);
}

void serveConnection(struct soap *soap, SimContext &context)
{
    DeviceService device(soap, context);
    PtzService ptz(soap, context);
    MediaService media(soap, context);
    ImagingService imaging(soap, context);
    soap->user = &context;
    soap->keep_alive = soap->max_keep_alive + 1;
    do {
        if (soap->keep_alive > 0 && soap->max_keep_alive > 0)
            soap->keep_alive--;
        if (soap_begin_serve(soap)) {
            // >= SOAP_STOP: an HTTP GET answered by serveHttpGet; otherwise the peer closed, timed
            // out, or sent garbage (gSOAP has answered that already).
            if (soap->error >= SOAP_STOP) {
                soap_destroy(soap);
                soap_end(soap);
                continue;
            }
            break;
        }
        // One port, four services: each dispatch() answers SOAP_NO_METHOD for an element that
        // is not one of its operations, and the next one gets a try.
        int error = device.dispatch();
        if (error == SOAP_NO_METHOD)
            error = ptz.dispatch();
        if (error == SOAP_NO_METHOD)
            error = media.dispatch();
        if (error == SOAP_NO_METHOD)
            error = imaging.dispatch();
        if (error == SOAP_NO_METHOD && context.tracer.enabled()) {
            const char *tag = soap->tag;
            const char *colon = std::strchr(tag, ':');
            context.tracer.line(std::string("call ") + (colon ? colon + 1 : tag)
                                + " fault=SOAP_NO_METHOD");
        }
        if (error && soap->error && soap->error < SOAP_STOP) {
            soap->header = nullptr;
            soap_send_fault(soap);
        }
        soap_destroy(soap);
        soap_end(soap);
    } while (soap->keep_alive);
}

int serveHttpGet(struct soap *soap)
{
    auto *context = static_cast<SimContext *>(soap->user);
    const std::string path = soap->path;
    const std::string prefix = "/snapshot.jpg";
    if (!context || path.compare(0, prefix.size(), prefix) != 0
        || (path.size() > prefix.size() && path[prefix.size()] != '?'))
        return 404;
    std::string token = "main";
    if (const auto q = path.find("profile="); q != std::string::npos)
        token = path.substr(q + 8, path.find('&', q) - (q + 8));
    const auto profile = context->state.profile(token);
    if (!profile)
        return 404;
    const auto encoder = context->state.encoderConfig(profile->encoderToken);
    const Resolution size = encoder ? encoder->resolution : Resolution{1280, 720};
    const std::vector<std::uint8_t> jpeg = context->panorama.jpeg(
            context->state.position(), context->state.imaging(), size.width, size.height);
    if (context->tracer.enabled())
        context->tracer.line("call Snapshot profile=" + token
                             + " bytes=" + std::to_string(jpeg.size()));
    soap->http_content = "image/jpeg";
    if (soap_response(soap, SOAP_FILE)
        || soap_send_raw(soap, reinterpret_cast<const char *>(jpeg.data()), jpeg.size())
        || soap_end_send(soap))
        return soap->error;
    return SOAP_OK;
}

} // namespace vms::onvifsim
