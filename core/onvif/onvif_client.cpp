#include "core/onvif/onvif_client.h"

#include "httpda.h"
#include "namespaces.h"
#include "soapDeviceBindingProxy.h"
#include "soapImagingBindingProxy.h"
#include "soapMediaBindingProxy.h"
#include "soapPTZBindingProxy.h"
#include "wsseapi.h"

#include <QDateTime>
#include <QMutexLocker>
#include <QUrl>

#include <ctime>

namespace vms::onvif {

QString Endpoint::deviceUrl() const
{
    QUrl url;
    url.setScheme(QStringLiteral("http"));
    url.setHost(host);
    url.setPort(port);
    url.setPath(devicePath);
    return url.toString();
}

QString describe(ErrorKind kind)
{
    switch (kind) {
    case ErrorKind::Unauthenticated:
        return QStringLiteral("The camera rejected the ONVIF login or password");
    case ErrorKind::NotConfigured:
        return QStringLiteral("No ONVIF address, login or password is configured for this camera");
    case ErrorKind::InvalidArgument:
        return QStringLiteral("The camera refused the value");
    case ErrorKind::Unsupported:
        return QStringLiteral("The camera does not support this action");
    case ErrorKind::Unavailable:
        return QStringLiteral("The camera cannot be reached over ONVIF");
    }
    return {};
}

namespace {

QString qs(const std::string &s)
{
    return QString::fromStdString(s);
}
QString qs(const std::string *s)
{
    return s ? QString::fromStdString(*s) : QString();
}
std::string ss(const QString &s)
{
    return s.toStdString();
}

std::optional<double> opt(const float *v)
{
    if (!v)
        return std::nullopt;
    return double(*v);
}

std::optional<FloatRange> range(const tt__FloatRange *r)
{
    if (!r)
        return std::nullopt;
    return FloatRange{double(r->Min), double(r->Max)};
}

std::optional<IntRange> range(const tt__IntRange *r)
{
    if (!r)
        return std::nullopt;
    return IntRange{r->Min, r->Max};
}

/** The local name of a QName ("ter:InvalidArgVal" or "\"uri\":InvalidArgVal"). */
QString localName(const char *qname)
{
    if (!qname)
        return {};
    const QString s = QString::fromUtf8(qname);
    const qsizetype colon = s.lastIndexOf(QLatin1Char(':'));
    return colon < 0 ? s : s.mid(colon + 1);
}

/** Every Subcode value of a SOAP 1.2 fault (outermost first), plus the 1.1 faultcode. */
QStringList faultCodes(soap *ctx)
{
    QStringList codes;
    if (!ctx->fault)
        return codes;
    if (ctx->fault->faultcode)
        codes << localName(ctx->fault->faultcode);
    if (ctx->fault->SOAP_ENV__Code) {
        codes << localName(ctx->fault->SOAP_ENV__Code->SOAP_ENV__Value);
        for (const struct SOAP_ENV__Code *c = ctx->fault->SOAP_ENV__Code->SOAP_ENV__Subcode; c;
             c = c->SOAP_ENV__Subcode)
            codes << localName(c->SOAP_ENV__Value);
    }
    return codes;
}

bool isTransportError(int rc)
{
    return rc == SOAP_TCP_ERROR || rc == SOAP_EOF || rc == SOAP_SSL_ERROR || rc == SOAP_UDP_ERROR
           || rc == SOAP_HTTP_ERROR || rc == SOAP_ZLIB_ERROR;
}

} // namespace

struct OnvifClient::Impl
{
    explicit Impl(const Endpoint &e)
        : ctx(soap_new1(SOAP_C_UTFSTRING | SOAP_IO_KEEPALIVE))
        , device(ctx)
        , media(ctx)
        , imaging(ctx)
        , ptz(ctx)
    {
        soap_set_namespaces(ctx, soapNamespaces());
        soap_register_plugin(ctx, soap_wsse);
        soap_register_plugin(ctx, http_da);
        // Negative gSOAP timeouts are microseconds.
        const int us = -std::max(1, e.timeoutMs) * 1000;
        ctx->connect_timeout = us;
        ctx->send_timeout = us;
        ctx->recv_timeout = us;
        ctx->transfer_timeout = std::max(1, (e.timeoutMs + 999) / 1000);
        ctx->bind_flags = 0;
        user = ss(e.username);
        password = ss(e.password);
        deviceUrl = ss(e.deviceUrl());
    }
    ~Impl()
    {
        forgetDigest();
        soap_destroy(ctx);
        soap_end(ctx);
        soap_free(ctx);
    }

    /** Releases what the last call allocated (the keep-alive socket stays open). */
    struct Scope
    {
        soap *ctx;
        ~Scope()
        {
            soap_destroy(ctx);
            soap_end(ctx);
        }
    };

    void authenticate()
    {
        soap_wsse_delete_Security(ctx);
        soap_wsse_add_UsernameTokenDigest_at(ctx, "Auth", user.c_str(), password.c_str(),
                                             std::time(nullptr) + time_t(clockOffset));
    }
    void anonymous() { soap_wsse_delete_Security(ctx); }

    /**
     * Sends one request, answering an HTTP Digest challenge (RFC 2617/7616, gSOAP's httpda)
     * when the device sends one. `prepare` (re)writes the WS-Security header before each send:
     * a device may want both. The digest state (realm, nonce, opaque, and the plugin's nonce
     * count) is kept across calls, so once a challenge was answered a call costs one round
     * trip. At most three sends: a kept state the device no longer accepts (expired nonce) is
     * dropped and one fresh challenge is taken; a 401 to an answer of a fresh challenge means
     * wrong credentials and is returned as is (errorFor maps it to Unauthenticated).
     */
    template<typename Prepare, typename Send>
    int exchange(Prepare &&prepare, Send &&send)
    {
        bool fresh = false;
        for (;;) {
            restoreDigest();
            prepare();
            const int rc = send();
            if (rc != 401)
                return rc;
            // gSOAP leaves the unread 401 body on a keep-alive socket: start the next send on a
            // new connection.
            soap_closesock(ctx);
            if (digestSaved) {
                forgetDigest();
                if (fresh)
                    return rc;
                continue;
            }
            if (!digestChallenged())
                return rc;
            http_da_save(ctx, &digest, ctx->authrealm, user.c_str(), password.c_str());
            digestSaved = true;
            fresh = true;
        }
    }

    /** soap_end frees what httpda points at: put the kept state back, or clear it. */
    void restoreDigest()
    {
        if (digestSaved) {
            http_da_restore(ctx, &digest);
            return;
        }
        if (auto *data = static_cast<http_da_data *>(soap_lookup_plugin(ctx, http_da_id))) {
            data->nonce = nullptr;
            data->opaque = nullptr;
            data->qop = nullptr;
            data->alg = nullptr;
        }
        // Without a digest state userid/passwd would make gSOAP send the password in Basic.
        ctx->authrealm = nullptr;
        ctx->userid = nullptr;
        ctx->passwd = nullptr;
    }

    /** After a 401: did it carry a Digest challenge httpda accepted (a Basic one sets no nonce)? */
    bool digestChallenged()
    {
        const auto *data = static_cast<http_da_data *>(soap_lookup_plugin(ctx, http_da_id));
        return data && data->nonce && ctx->authrealm;
    }

    void forgetDigest()
    {
        if (!digestSaved)
            return;
        http_da_release(ctx, &digest);
        digestSaved = false;
    }

    /** Maps a finished gSOAP call to our error kinds. */
    Error errorFor(int rc)
    {
        if (isTransportError(rc) || rc == SOAP_NO_DATA) {
            soap_closesock(ctx);
            discovered = false;
            const char *s = soap_fault_string(ctx);
            return {ErrorKind::Unavailable,
                    QStringLiteral("The camera at %1 cannot be reached: %2")
                            .arg(QString::fromStdString(deviceUrl),
                                 s ? QString::fromUtf8(s) : QStringLiteral("no answer"))};
        }
        if (rc == 401 || rc == 403)
            return {ErrorKind::Unauthenticated, describe(ErrorKind::Unauthenticated)};
        if (rc >= 100 && rc < 600 && rc != 500) {
            soap_closesock(ctx);
            discovered = false;
            return {ErrorKind::Unavailable,
                    QStringLiteral("The camera answered HTTP %1 instead of ONVIF").arg(rc)};
        }
        if (rc == SOAP_NO_METHOD)
            return {ErrorKind::Unsupported, describe(ErrorKind::Unsupported)};
        if (rc == SOAP_FAULT || rc == SOAP_CLI_FAULT || rc == SOAP_SVR_FAULT) {
            const QStringList codes = faultCodes(ctx);
            const char *reason = soap_fault_string(ctx);
            const QString text = reason ? QString::fromUtf8(reason) : QString();
            auto has = [&codes](std::initializer_list<const char *> names) {
                for (const char *n : names)
                    if (codes.contains(QLatin1String(n), Qt::CaseInsensitive))
                        return true;
                return false;
            };
            if (has({"NotAuthorized", "FailedAuthentication", "FailedCheck", "InvalidSecurity",
                     "InvalidSecurityToken", "SecurityTokenUnavailable", "MessageExpired"}))
                return {ErrorKind::Unauthenticated, describe(ErrorKind::Unauthenticated)};
            if (has({"ActionNotSupported", "NoPTZProfile", "NotSupported", "NoImagingForSource",
                     "NoSuchService"})
                || text.contains(QLatin1String("not implemented"), Qt::CaseInsensitive))
                return {ErrorKind::Unsupported,
                        text.isEmpty() ? describe(ErrorKind::Unsupported) : text};
            if (has({"InvalidArgVal",
                     "InvalidArgs",
                     "InvalidArgument",
                     "TooManyPresets",
                     "NoToken",
                     "PresetExist",
                     "InvalidPresetName",
                     "ConfigModify",
                     "ConfigurationConflict",
                     "UsernameMissing",
                     "PasswordTooLong",
                     "PasswordTooWeak",
                     "InvalidPosition",
                     "InvalidTranslation",
                     "InvalidSpeed",
                     "InvalidVelocity",
                     "NoProfile",
                     "NoConfig",
                     "Sender",
                     "Client"}))
                return {ErrorKind::InvalidArgument,
                        text.isEmpty() ? describe(ErrorKind::InvalidArgument) : text};
            return {ErrorKind::Unavailable,
                    text.isEmpty() ? QStringLiteral("The camera reported an internal error")
                                   : QStringLiteral("The camera reported an error: %1").arg(text)};
        }
        soap_closesock(ctx);
        discovered = false;
        const char *s = soap_fault_string(ctx);
        return {ErrorKind::Unavailable,
                QStringLiteral("The camera did not answer in ONVIF: %1")
                        .arg(s ? QString::fromUtf8(s) : QStringLiteral("unreadable reply"))};
    }

    /** Rewrites an XAddr to the configured host and port, keeping its path: devices often
     * report an address of their own LAN that the server cannot reach (NAT, port forwarding). */
    std::string rebase(const std::string &xaddr) const
    {
        if (xaddr.empty())
            return {};
        QUrl reported(QString::fromStdString(xaddr));
        QUrl base(QString::fromStdString(deviceUrl));
        if (!reported.isValid() || reported.path().isEmpty())
            return xaddr;
        base.setPath(reported.path());
        base.setQuery(reported.query());
        return base.toString().toStdString();
    }

    /** GetSystemDateAndTime (no authentication) then GetCapabilities. */
    std::optional<Error> discover()
    {
        if (discovered)
            return std::nullopt;
        if (user.empty() || password.empty())
            return Error{ErrorKind::NotConfigured, describe(ErrorKind::NotConfigured)};
        {
            Scope scope{ctx};
            _tds__GetSystemDateAndTime req;
            _tds__GetSystemDateAndTimeResponse resp;
            const int rc = exchange([this] { anonymous(); },
                                    [&] {
                                        return device.GetSystemDateAndTime(deviceUrl.c_str(),
                                                                           nullptr, &req, resp);
                                    });
            if (rc == SOAP_OK) {
                const qint64 deviceUtc = utcOf(resp.SystemDateAndTime);
                if (deviceUtc > 0)
                    clockOffset = deviceUtc - QDateTime::currentSecsSinceEpoch();
            } else {
                Error e = errorFor(rc);
                // A device that wants authentication even for the time is still usable.
                if (e.kind == ErrorKind::Unavailable)
                    return e;
            }
        }
        Scope scope{ctx};
        _tds__GetCapabilities req;
        req.Category.push_back(tt__CapabilityCategory__All);
        _tds__GetCapabilitiesResponse resp;
        const int rc = exchange(
                [this] { authenticate(); },
                [&] { return device.GetCapabilities(deviceUrl.c_str(), nullptr, &req, resp); });
        if (rc != SOAP_OK)
            return errorFor(rc);
        services = Services{};
        services.device = QString::fromStdString(deviceUrl);
        if (const tt__Capabilities *c = resp.Capabilities) {
            if (c->Media)
                services.media = qs(rebase(c->Media->XAddr));
            if (c->Imaging)
                services.imaging = qs(rebase(c->Imaging->XAddr));
            if (c->PTZ)
                services.ptz = qs(rebase(c->PTZ->XAddr));
        }
        mediaUrl = ss(services.media);
        imagingUrl = ss(services.imaging);
        ptzUrl = ss(services.ptz);
        discovered = true;
        return std::nullopt;
    }

    static qint64 utcOf(const tt__SystemDateTime *t)
    {
        if (!t || !t->UTCDateTime || !t->UTCDateTime->Date || !t->UTCDateTime->Time)
            return 0;
        const tt__Date *d = t->UTCDateTime->Date;
        const tt__Time *h = t->UTCDateTime->Time;
        const QDateTime dt(QDate(d->Year, d->Month, d->Day), QTime(h->Hour, h->Minute, h->Second),
                           Qt::UTC);
        return dt.isValid() ? dt.toSecsSinceEpoch() : 0;
    }

    /**
     * Runs one authenticated call against the service `url` (device when null). A rejected
     * login is retried once after measuring the clock again: the device's clock may have been
     * set since the offset was taken.
     */
    template<typename Call>
    std::optional<Error> run(const std::string *url, Call &&call, bool isPtz = false,
                             bool isImaging = false)
    {
        if (auto e = discover())
            return e;
        const std::string *target = url ? url : &deviceUrl;
        if (target->empty()) {
            return Error{ErrorKind::Unsupported,
                         isPtz       ? QStringLiteral("The camera has no PTZ service")
                         : isImaging ? QStringLiteral("The camera has no imaging service")
                                     : QStringLiteral("The camera has no media service")};
        }
        for (int attempt = 0;; ++attempt) {
            const int rc
                    = exchange([this] { authenticate(); }, [&] { return call(target->c_str()); });
            if (rc == SOAP_OK)
                return std::nullopt;
            Error e = errorFor(rc);
            if (e.kind == ErrorKind::Unauthenticated && attempt == 0) {
                const qint64 before = clockOffset;
                soap_destroy(ctx);
                soap_end(ctx);
                discovered = false;
                if (auto d = discover())
                    return d;
                if (clockOffset != before)
                    continue;
            }
            return e;
        }
    }

    soap *ctx;
    DeviceBindingProxy device;
    MediaBindingProxy media;
    ImagingBindingProxy imaging;
    PTZBindingProxy ptz;
    std::string user;
    std::string password;
    std::string deviceUrl;
    std::string mediaUrl;
    std::string imagingUrl;
    std::string ptzUrl;
    Services services;
    bool discovered = false;
    qint64 clockOffset = 0;
    http_da_info digest{};
    bool digestSaved = false;
    QMutex mutex;
};

OnvifClient::OnvifClient(Endpoint endpoint)
    : m_endpoint(std::move(endpoint))
    , d(std::make_unique<Impl>(m_endpoint))
{}

OnvifClient::~OnvifClient() = default;

qint64 OnvifClient::clockOffsetSeconds() const
{
    QMutexLocker lock(&d->mutex);
    return d->clockOffset;
}

void OnvifClient::resetDiscovery()
{
    QMutexLocker lock(&d->mutex);
    d->discovered = false;
}

#define ONVIF_FAIL_IF(expr) \
    if (auto failure = (expr)) \
        return *failure;

Result<qint64> OnvifClient::systemDateAndTimeUtc()
{
    QMutexLocker lock(&d->mutex);
    Impl::Scope scope{d->ctx};
    _tds__GetSystemDateAndTime req;
    _tds__GetSystemDateAndTimeResponse resp;
    const int rc = d->exchange([&] { d->anonymous(); },
                               [&] {
                                   return d->device.GetSystemDateAndTime(d->deviceUrl.c_str(),
                                                                         nullptr, &req, resp);
                               });
    if (rc != SOAP_OK)
        return d->errorFor(rc);
    const qint64 utc = Impl::utcOf(resp.SystemDateAndTime);
    if (utc <= 0)
        return Error{ErrorKind::Unavailable, QStringLiteral("The camera reported no UTC time")};
    d->clockOffset = utc - QDateTime::currentSecsSinceEpoch();
    return utc;
}

Result<Services> OnvifClient::capabilities()
{
    QMutexLocker lock(&d->mutex);
    d->discovered = false;
    ONVIF_FAIL_IF(d->discover());
    return d->services;
}

Result<DeviceInformation> OnvifClient::deviceInformation()
{
    QMutexLocker lock(&d->mutex);
    Impl::Scope scope{d->ctx};
    _tds__GetDeviceInformation req;
    _tds__GetDeviceInformationResponse resp;
    ONVIF_FAIL_IF(d->run(nullptr, [&](const char *url) {
        return d->device.GetDeviceInformation(url, nullptr, &req, resp);
    }));
    return DeviceInformation{qs(resp.Manufacturer), qs(resp.Model), qs(resp.FirmwareVersion),
                             qs(resp.SerialNumber), qs(resp.HardwareId)};
}

Result<QList<NetworkProtocol>> OnvifClient::networkProtocols()
{
    QMutexLocker lock(&d->mutex);
    Impl::Scope scope{d->ctx};
    _tds__GetNetworkProtocols req;
    _tds__GetNetworkProtocolsResponse resp;
    ONVIF_FAIL_IF(d->run(nullptr, [&](const char *url) {
        return d->device.GetNetworkProtocols(url, nullptr, &req, resp);
    }));
    QList<NetworkProtocol> out;
    for (const tt__NetworkProtocol *p : resp.NetworkProtocols) {
        if (!p)
            continue;
        NetworkProtocol n;
        n.name = QString::fromUtf8(soap_tt__NetworkProtocolType2s(d->ctx, p->Name));
        n.enabled = p->Enabled;
        for (int port : p->Port)
            n.ports << port;
        out << n;
    }
    return out;
}

Status OnvifClient::setNetworkProtocols(const QList<NetworkProtocol> &protocols)
{
    QMutexLocker lock(&d->mutex);
    Impl::Scope scope{d->ctx};
    _tds__SetNetworkProtocols req;
    std::vector<tt__NetworkProtocol> storage(size_t(protocols.size()));
    for (qsizetype i = 0; i < protocols.size(); ++i) {
        tt__NetworkProtocol &p = storage[size_t(i)];
        if (soap_s2tt__NetworkProtocolType(d->ctx, protocols[i].name.toUtf8().constData(), &p.Name)
            != SOAP_OK)
            return Error{ErrorKind::InvalidArgument,
                         QStringLiteral("Unknown network protocol %1").arg(protocols[i].name)};
        p.Enabled = protocols[i].enabled;
        for (int port : protocols[i].ports)
            p.Port.push_back(port);
        req.NetworkProtocols.push_back(&p);
    }
    _tds__SetNetworkProtocolsResponse resp;
    ONVIF_FAIL_IF(d->run(nullptr, [&](const char *url) {
        return d->device.SetNetworkProtocols(url, nullptr, &req, resp);
    }));
    return Done{};
}

Result<QList<User>> OnvifClient::users()
{
    QMutexLocker lock(&d->mutex);
    Impl::Scope scope{d->ctx};
    _tds__GetUsers req;
    _tds__GetUsersResponse resp;
    ONVIF_FAIL_IF(d->run(nullptr, [&](const char *url) {
        return d->device.GetUsers(url, nullptr, &req, resp);
    }));
    QList<User> out;
    for (const tt__User *u : resp.User) {
        if (u)
            out << User{qs(u->Username),
                        QString::fromUtf8(soap_tt__UserLevel2s(d->ctx, u->UserLevel))};
    }
    return out;
}

Status OnvifClient::setUserPassword(const QString &username, const QString &level,
                                    const QString &password)
{
    QMutexLocker lock(&d->mutex);
    Impl::Scope scope{d->ctx};
    tt__User user;
    user.Username = ss(username);
    std::string pw = ss(password);
    user.Password = &pw;
    if (soap_s2tt__UserLevel(d->ctx, level.toUtf8().constData(), &user.UserLevel) != SOAP_OK)
        return Error{ErrorKind::InvalidArgument,
                     QStringLiteral("Unknown user level %1").arg(level)};
    _tds__SetUser req;
    req.User.push_back(&user);
    _tds__SetUserResponse resp;
    ONVIF_FAIL_IF(d->run(
            nullptr, [&](const char *url) { return d->device.SetUser(url, nullptr, &req, resp); }));
    // The login itself may have changed: later calls must use the new password.
    if (username.toStdString() == d->user)
        d->password = pw;
    return Done{};
}

namespace {

VideoEncoderConfiguration fromSoap(soap *ctx, const tt__VideoEncoderConfiguration &c)
{
    VideoEncoderConfiguration v;
    v.token = qs(c.token);
    v.name = qs(c.Name);
    v.useCount = c.UseCount;
    v.encoding = QString::fromUtf8(soap_tt__VideoEncoding2s(ctx, c.Encoding));
    if (c.Resolution)
        v.resolution = {c.Resolution->Width, c.Resolution->Height};
    v.quality = c.Quality;
    if (c.RateControl) {
        v.frameRateLimit = c.RateControl->FrameRateLimit;
        v.encodingInterval = c.RateControl->EncodingInterval;
        v.bitrateLimit = c.RateControl->BitrateLimit;
    }
    if (c.H264) {
        v.govLength = c.H264->GovLength;
        v.h264Profile = QString::fromUtf8(soap_tt__H264Profile2s(ctx, c.H264->H264Profile));
    } else if (c.MPEG4) {
        v.govLength = c.MPEG4->GovLength;
        v.mpeg4Profile = QString::fromUtf8(soap_tt__Mpeg4Profile2s(ctx, c.MPEG4->Mpeg4Profile));
    }
    v.sessionTimeout = qs(c.SessionTimeout);
    return v;
}

QList<Resolution> resolutions(const std::vector<tt__VideoResolution *> &list)
{
    QList<Resolution> out;
    for (const tt__VideoResolution *r : list)
        if (r)
            out << Resolution{r->Width, r->Height};
    return out;
}

} // namespace

Result<QList<Profile>> OnvifClient::profiles()
{
    QMutexLocker lock(&d->mutex);
    Impl::Scope scope{d->ctx};
    _trt__GetProfiles req;
    _trt__GetProfilesResponse resp;
    ONVIF_FAIL_IF(d->run(&d->mediaUrl, [&](const char *url) {
        return d->media.GetProfiles(url, nullptr, &req, resp);
    }));
    QList<Profile> out;
    for (const tt__Profile *p : resp.Profiles) {
        if (!p)
            continue;
        Profile profile;
        profile.token = qs(p->token);
        profile.name = qs(p->Name);
        if (p->VideoSourceConfiguration)
            profile.videoSourceToken = qs(p->VideoSourceConfiguration->SourceToken);
        if (p->VideoEncoderConfiguration)
            profile.encoder = fromSoap(d->ctx, *p->VideoEncoderConfiguration);
        if (p->PTZConfiguration)
            profile.ptzConfigurationToken = qs(p->PTZConfiguration->token);
        out << profile;
    }
    return out;
}

Result<QList<VideoEncoderConfiguration>> OnvifClient::videoEncoderConfigurations()
{
    QMutexLocker lock(&d->mutex);
    Impl::Scope scope{d->ctx};
    _trt__GetVideoEncoderConfigurations req;
    _trt__GetVideoEncoderConfigurationsResponse resp;
    ONVIF_FAIL_IF(d->run(&d->mediaUrl, [&](const char *url) {
        return d->media.GetVideoEncoderConfigurations(url, nullptr, &req, resp);
    }));
    QList<VideoEncoderConfiguration> out;
    for (const tt__VideoEncoderConfiguration *c : resp.Configurations)
        if (c)
            out << fromSoap(d->ctx, *c);
    return out;
}

Result<VideoEncoderOptions> OnvifClient::videoEncoderOptions(const QString &configurationToken,
                                                             const QString &profileToken)
{
    QMutexLocker lock(&d->mutex);
    Impl::Scope scope{d->ctx};
    _trt__GetVideoEncoderConfigurationOptions req;
    std::string configuration = ss(configurationToken);
    std::string profile = ss(profileToken);
    if (!configurationToken.isEmpty())
        req.ConfigurationToken = &configuration;
    if (!profileToken.isEmpty())
        req.ProfileToken = &profile;
    _trt__GetVideoEncoderConfigurationOptionsResponse resp;
    ONVIF_FAIL_IF(d->run(&d->mediaUrl, [&](const char *url) {
        return d->media.GetVideoEncoderConfigurationOptions(url, nullptr, &req, resp);
    }));
    VideoEncoderOptions out;
    const tt__VideoEncoderConfigurationOptions *o = resp.Options;
    if (!o)
        return out;
    if (auto q = range(o->QualityRange))
        out.quality = *q;
    const tt__VideoEncoderOptionsExtension *x = o->Extension;
    if (o->JPEG || (x && x->JPEG)) {
        EncodingOptions e;
        e.encoding = QStringLiteral("JPEG");
        if (x && x->JPEG) {
            e.resolutions = resolutions(x->JPEG->ResolutionsAvailable);
            e.frameRate = range(x->JPEG->FrameRateRange).value_or(IntRange{});
            e.encodingInterval = range(x->JPEG->EncodingIntervalRange);
            e.bitrate = range(x->JPEG->BitrateRange);
        } else {
            e.resolutions = resolutions(o->JPEG->ResolutionsAvailable);
            e.frameRate = range(o->JPEG->FrameRateRange).value_or(IntRange{});
            e.encodingInterval = range(o->JPEG->EncodingIntervalRange);
        }
        out.encodings << e;
    }
    if (o->MPEG4 || (x && x->MPEG4)) {
        EncodingOptions e;
        e.encoding = QStringLiteral("MPEG4");
        if (x && x->MPEG4) {
            e.resolutions = resolutions(x->MPEG4->ResolutionsAvailable);
            e.frameRate = range(x->MPEG4->FrameRateRange).value_or(IntRange{});
            e.encodingInterval = range(x->MPEG4->EncodingIntervalRange);
            e.govLength = range(x->MPEG4->GovLengthRange);
            e.bitrate = range(x->MPEG4->BitrateRange);
        } else {
            e.resolutions = resolutions(o->MPEG4->ResolutionsAvailable);
            e.frameRate = range(o->MPEG4->FrameRateRange).value_or(IntRange{});
            e.encodingInterval = range(o->MPEG4->EncodingIntervalRange);
            e.govLength = range(o->MPEG4->GovLengthRange);
        }
        out.encodings << e;
    }
    if (o->H264 || (x && x->H264)) {
        EncodingOptions e;
        e.encoding = QStringLiteral("H264");
        if (x && x->H264) {
            e.resolutions = resolutions(x->H264->ResolutionsAvailable);
            e.frameRate = range(x->H264->FrameRateRange).value_or(IntRange{});
            e.encodingInterval = range(x->H264->EncodingIntervalRange);
            e.govLength = range(x->H264->GovLengthRange);
            e.bitrate = range(x->H264->BitrateRange);
        } else {
            e.resolutions = resolutions(o->H264->ResolutionsAvailable);
            e.frameRate = range(o->H264->FrameRateRange).value_or(IntRange{});
            e.encodingInterval = range(o->H264->EncodingIntervalRange);
            e.govLength = range(o->H264->GovLengthRange);
        }
        out.encodings << e;
    }
    return out;
}

Status OnvifClient::setVideoEncoderConfiguration(const VideoEncoderConfiguration &c)
{
    QMutexLocker lock(&d->mutex);
    Impl::Scope scope{d->ctx};
    tt__VideoEncoderConfiguration conf;
    conf.token = ss(c.token);
    conf.Name = ss(c.name);
    conf.UseCount = c.useCount;
    if (soap_s2tt__VideoEncoding(d->ctx, c.encoding.toUtf8().constData(), &conf.Encoding)
        != SOAP_OK)
        return Error{ErrorKind::InvalidArgument,
                     QStringLiteral("Unknown encoding %1").arg(c.encoding)};
    tt__VideoResolution resolution;
    resolution.Width = c.resolution.width;
    resolution.Height = c.resolution.height;
    conf.Resolution = &resolution;
    conf.Quality = float(c.quality);
    tt__VideoRateControl rate;
    rate.FrameRateLimit = c.frameRateLimit.value_or(25);
    rate.EncodingInterval = c.encodingInterval.value_or(1);
    rate.BitrateLimit = c.bitrateLimit.value_or(4096);
    conf.RateControl = &rate;
    tt__H264Configuration h264;
    tt__Mpeg4Configuration mpeg4;
    if (conf.Encoding == tt__VideoEncoding__H264) {
        h264.GovLength = c.govLength.value_or(rate.FrameRateLimit * 2);
        if (c.h264Profile.isEmpty()
            || soap_s2tt__H264Profile(d->ctx, c.h264Profile.toUtf8().constData(), &h264.H264Profile)
                       != SOAP_OK)
            h264.H264Profile = tt__H264Profile__Main;
        conf.H264 = &h264;
    } else if (conf.Encoding == tt__VideoEncoding__MPEG4) {
        mpeg4.GovLength = c.govLength.value_or(rate.FrameRateLimit * 2);
        if (c.mpeg4Profile.isEmpty()
            || soap_s2tt__Mpeg4Profile(d->ctx, c.mpeg4Profile.toUtf8().constData(),
                                       &mpeg4.Mpeg4Profile)
                       != SOAP_OK)
            mpeg4.Mpeg4Profile = tt__Mpeg4Profile__SP;
        conf.MPEG4 = &mpeg4;
    }
    tt__IPAddress address;
    address.Type = tt__IPType__IPv4;
    std::string any = "0.0.0.0";
    address.IPv4Address = &any;
    tt__MulticastConfiguration multicast;
    multicast.Address = &address;
    multicast.Port = 0;
    multicast.TTL = 1;
    multicast.AutoStart = false;
    conf.Multicast = &multicast;
    conf.SessionTimeout = c.sessionTimeout.isEmpty() ? "PT60S" : ss(c.sessionTimeout);
    _trt__SetVideoEncoderConfiguration req;
    req.Configuration = &conf;
    req.ForcePersistence = true;
    _trt__SetVideoEncoderConfigurationResponse resp;
    ONVIF_FAIL_IF(d->run(&d->mediaUrl, [&](const char *url) {
        return d->media.SetVideoEncoderConfiguration(url, nullptr, &req, resp);
    }));
    return Done{};
}

Result<QString> OnvifClient::streamUri(const QString &profileToken)
{
    QMutexLocker lock(&d->mutex);
    Impl::Scope scope{d->ctx};
    tt__Transport transport;
    transport.Protocol = tt__TransportProtocol__RTSP;
    tt__StreamSetup setup;
    setup.Stream = tt__StreamType__RTP_Unicast;
    setup.Transport = &transport;
    _trt__GetStreamUri req;
    req.StreamSetup = &setup;
    req.ProfileToken = ss(profileToken);
    _trt__GetStreamUriResponse resp;
    ONVIF_FAIL_IF(d->run(&d->mediaUrl, [&](const char *url) {
        return d->media.GetStreamUri(url, nullptr, &req, resp);
    }));
    return resp.MediaUri ? qs(resp.MediaUri->Uri) : QString();
}

Result<QString> OnvifClient::snapshotUri(const QString &profileToken)
{
    QMutexLocker lock(&d->mutex);
    Impl::Scope scope{d->ctx};
    _trt__GetSnapshotUri req;
    req.ProfileToken = ss(profileToken);
    _trt__GetSnapshotUriResponse resp;
    ONVIF_FAIL_IF(d->run(&d->mediaUrl, [&](const char *url) {
        return d->media.GetSnapshotUri(url, nullptr, &req, resp);
    }));
    return resp.MediaUri ? qs(resp.MediaUri->Uri) : QString();
}

Result<ImagingSettings> OnvifClient::imagingSettings(const QString &videoSourceToken)
{
    QMutexLocker lock(&d->mutex);
    Impl::Scope scope{d->ctx};
    _timg__GetImagingSettings req;
    req.VideoSourceToken = ss(videoSourceToken);
    _timg__GetImagingSettingsResponse resp;
    ONVIF_FAIL_IF(d->run(
            &d->imagingUrl,
            [&](const char *url) {
                return d->imaging.GetImagingSettings(url, nullptr, &req, resp);
            },
            false, true));
    ImagingSettings s;
    const tt__ImagingSettings20 *i = resp.ImagingSettings;
    if (!i)
        return s;
    soap *ctx = d->ctx;
    if (i->BacklightCompensation) {
        s.backlightCompensation = QString::fromUtf8(
                soap_tt__BacklightCompensationMode2s(ctx, i->BacklightCompensation->Mode));
        s.backlightLevel = opt(i->BacklightCompensation->Level);
    }
    s.brightness = opt(i->Brightness);
    s.colorSaturation = opt(i->ColorSaturation);
    s.contrast = opt(i->Contrast);
    if (i->Exposure) {
        s.exposureMode = QString::fromUtf8(soap_tt__ExposureMode2s(ctx, i->Exposure->Mode));
        s.minExposureTime = opt(i->Exposure->MinExposureTime);
        s.maxExposureTime = opt(i->Exposure->MaxExposureTime);
        s.exposureTime = opt(i->Exposure->ExposureTime);
    }
    if (i->IrCutFilter)
        s.irCutFilter = QString::fromUtf8(soap_tt__IrCutFilterMode2s(ctx, *i->IrCutFilter));
    s.sharpness = opt(i->Sharpness);
    if (i->WideDynamicRange) {
        s.wideDynamicRange
                = QString::fromUtf8(soap_tt__WideDynamicMode2s(ctx, i->WideDynamicRange->Mode));
        s.wideDynamicRangeLevel = opt(i->WideDynamicRange->Level);
    }
    if (i->WhiteBalance) {
        s.whiteBalance = QString::fromUtf8(soap_tt__WhiteBalanceMode2s(ctx, i->WhiteBalance->Mode));
        s.crGain = opt(i->WhiteBalance->CrGain);
        s.cbGain = opt(i->WhiteBalance->CbGain);
    }
    return s;
}

Status OnvifClient::setImagingSettings(const QString &videoSourceToken, const ImagingSettings &s)
{
    QMutexLocker lock(&d->mutex);
    Impl::Scope scope{d->ctx};
    soap *ctx = d->ctx;
    tt__ImagingSettings20 settings;
    // Storage for the optional fields: gSOAP wants pointers.
    float backlightLevel = 0, brightness = 0, saturation = 0, contrast = 0, sharpness = 0,
          minExposure = 0, maxExposure = 0, exposureTime = 0, wdrLevel = 0, cr = 0, cb = 0;
    tt__BacklightCompensation20 backlight;
    tt__Exposure20 exposure;
    tt__IrCutFilterMode ir = tt__IrCutFilterMode__AUTO;
    tt__WideDynamicRange20 wdr;
    tt__WhiteBalance20 wb;
    auto bad = [](const QString &what, const QString &v) {
        return Error{ErrorKind::InvalidArgument, QStringLiteral("Unknown %1 mode %2").arg(what, v)};
    };
    if (s.backlightCompensation) {
        if (soap_s2tt__BacklightCompensationMode(ctx, s.backlightCompensation->toUtf8().constData(),
                                                 &backlight.Mode)
            != SOAP_OK)
            return bad(QStringLiteral("backlight compensation"), *s.backlightCompensation);
        if (s.backlightLevel) {
            backlightLevel = float(*s.backlightLevel);
            backlight.Level = &backlightLevel;
        }
        settings.BacklightCompensation = &backlight;
    }
    auto setFloat = [](const std::optional<double> &v, float &storage, float *&field) {
        if (v) {
            storage = float(*v);
            field = &storage;
        }
    };
    setFloat(s.brightness, brightness, settings.Brightness);
    setFloat(s.colorSaturation, saturation, settings.ColorSaturation);
    setFloat(s.contrast, contrast, settings.Contrast);
    setFloat(s.sharpness, sharpness, settings.Sharpness);
    if (s.exposureMode || s.minExposureTime || s.maxExposureTime || s.exposureTime) {
        exposure.Mode = tt__ExposureMode__AUTO;
        if (s.exposureMode
            && soap_s2tt__ExposureMode(ctx, s.exposureMode->toUtf8().constData(), &exposure.Mode)
                       != SOAP_OK)
            return bad(QStringLiteral("exposure"), *s.exposureMode);
        setFloat(s.minExposureTime, minExposure, exposure.MinExposureTime);
        setFloat(s.maxExposureTime, maxExposure, exposure.MaxExposureTime);
        setFloat(s.exposureTime, exposureTime, exposure.ExposureTime);
        settings.Exposure = &exposure;
    }
    if (s.irCutFilter) {
        if (soap_s2tt__IrCutFilterMode(ctx, s.irCutFilter->toUtf8().constData(), &ir) != SOAP_OK)
            return bad(QStringLiteral("IR cut filter"), *s.irCutFilter);
        settings.IrCutFilter = &ir;
    }
    if (s.wideDynamicRange || s.wideDynamicRangeLevel) {
        wdr.Mode = tt__WideDynamicMode__ON;
        if (s.wideDynamicRange
            && soap_s2tt__WideDynamicMode(ctx, s.wideDynamicRange->toUtf8().constData(), &wdr.Mode)
                       != SOAP_OK)
            return bad(QStringLiteral("wide dynamic range"), *s.wideDynamicRange);
        setFloat(s.wideDynamicRangeLevel, wdrLevel, wdr.Level);
        settings.WideDynamicRange = &wdr;
    }
    if (s.whiteBalance || s.crGain || s.cbGain) {
        wb.Mode = tt__WhiteBalanceMode__MANUAL;
        if (s.whiteBalance
            && soap_s2tt__WhiteBalanceMode(ctx, s.whiteBalance->toUtf8().constData(), &wb.Mode)
                       != SOAP_OK)
            return bad(QStringLiteral("white balance"), *s.whiteBalance);
        setFloat(s.crGain, cr, wb.CrGain);
        setFloat(s.cbGain, cb, wb.CbGain);
        settings.WhiteBalance = &wb;
    }
    _timg__SetImagingSettings req;
    req.VideoSourceToken = ss(videoSourceToken);
    req.ImagingSettings = &settings;
    bool persist = true;
    req.ForcePersistence = &persist;
    _timg__SetImagingSettingsResponse resp;
    ONVIF_FAIL_IF(d->run(
            &d->imagingUrl,
            [&](const char *url) {
                return d->imaging.SetImagingSettings(url, nullptr, &req, resp);
            },
            false, true));
    return Done{};
}

Result<ImagingOptions> OnvifClient::imagingOptions(const QString &videoSourceToken)
{
    QMutexLocker lock(&d->mutex);
    Impl::Scope scope{d->ctx};
    soap *ctx = d->ctx;
    _timg__GetOptions req;
    req.VideoSourceToken = ss(videoSourceToken);
    _timg__GetOptionsResponse resp;
    ONVIF_FAIL_IF(d->run(
            &d->imagingUrl,
            [&](const char *url) { return d->imaging.GetOptions(url, nullptr, &req, resp); }, false,
            true));
    ImagingOptions o;
    const tt__ImagingOptions20 *i = resp.ImagingOptions;
    if (!i)
        return o;
    if (i->BacklightCompensation) {
        for (auto m : i->BacklightCompensation->Mode)
            o.backlightCompensationModes
                    << QString::fromUtf8(soap_tt__BacklightCompensationMode2s(ctx, m));
        o.backlightLevel = range(i->BacklightCompensation->Level);
    }
    o.brightness = range(i->Brightness);
    o.colorSaturation = range(i->ColorSaturation);
    o.contrast = range(i->Contrast);
    if (i->Exposure) {
        for (auto m : i->Exposure->Mode)
            o.exposureModes << QString::fromUtf8(soap_tt__ExposureMode2s(ctx, m));
        o.minExposureTime = range(i->Exposure->MinExposureTime);
        o.maxExposureTime = range(i->Exposure->MaxExposureTime);
        o.exposureTime = range(i->Exposure->ExposureTime);
    }
    for (auto m : i->IrCutFilterModes)
        o.irCutFilterModes << QString::fromUtf8(soap_tt__IrCutFilterMode2s(ctx, m));
    o.sharpness = range(i->Sharpness);
    if (i->WideDynamicRange) {
        for (auto m : i->WideDynamicRange->Mode)
            o.wideDynamicRangeModes << QString::fromUtf8(soap_tt__WideDynamicMode2s(ctx, m));
        o.wideDynamicRangeLevel = range(i->WideDynamicRange->Level);
    }
    if (i->WhiteBalance) {
        for (auto m : i->WhiteBalance->Mode)
            o.whiteBalanceModes << QString::fromUtf8(soap_tt__WhiteBalanceMode2s(ctx, m));
        o.yrGain = range(i->WhiteBalance->YrGain);
        o.ybGain = range(i->WhiteBalance->YbGain);
    }
    return o;
}

Result<QList<PtzConfiguration>> OnvifClient::ptzConfigurations()
{
    QMutexLocker lock(&d->mutex);
    Impl::Scope scope{d->ctx};
    _tptz__GetConfigurations req;
    _tptz__GetConfigurationsResponse resp;
    ONVIF_FAIL_IF(d->run(
            &d->ptzUrl,
            [&](const char *url) { return d->ptz.GetConfigurations(url, nullptr, &req, resp); },
            true));
    QList<PtzConfiguration> out;
    for (const tt__PTZConfiguration *c : resp.PTZConfiguration) {
        if (!c)
            continue;
        PtzConfiguration p;
        p.token = qs(c->token);
        p.name = qs(c->Name);
        p.nodeToken = qs(c->NodeToken);
        if (c->DefaultPTZSpeed) {
            if (c->DefaultPTZSpeed->PanTilt) {
                p.defaultPanSpeed = c->DefaultPTZSpeed->PanTilt->x;
                p.defaultTiltSpeed = c->DefaultPTZSpeed->PanTilt->y;
            }
            if (c->DefaultPTZSpeed->Zoom)
                p.defaultZoomSpeed = c->DefaultPTZSpeed->Zoom->x;
        }
        out << p;
    }
    return out;
}

Result<QList<PtzNode>> OnvifClient::ptzNodes()
{
    QMutexLocker lock(&d->mutex);
    Impl::Scope scope{d->ctx};
    _tptz__GetNodes req;
    _tptz__GetNodesResponse resp;
    ONVIF_FAIL_IF(d->run(
            &d->ptzUrl, [&](const char *url) { return d->ptz.GetNodes(url, nullptr, &req, resp); },
            true));
    QList<PtzNode> out;
    for (const tt__PTZNode *n : resp.PTZNode) {
        if (!n)
            continue;
        PtzNode node;
        node.token = qs(n->token);
        node.name = qs(n->Name);
        node.maxPresets = n->MaximumNumberOfPresets;
        node.homeSupported = n->HomeSupported;
        if (const tt__PTZSpaces *s = n->SupportedPTZSpaces) {
            if (!s->AbsolutePanTiltPositionSpace.empty() && s->AbsolutePanTiltPositionSpace[0]) {
                const auto *space = s->AbsolutePanTiltPositionSpace[0];
                node.panRange = range(space->XRange).value_or(node.panRange);
                node.tiltRange = range(space->YRange).value_or(node.tiltRange);
            }
            if (!s->AbsoluteZoomPositionSpace.empty() && s->AbsoluteZoomPositionSpace[0])
                node.zoomRange = range(s->AbsoluteZoomPositionSpace[0]->XRange);
            if (!s->ContinuousPanTiltVelocitySpace.empty()
                && s->ContinuousPanTiltVelocitySpace[0]) {
                const auto *space = s->ContinuousPanTiltVelocitySpace[0];
                node.panSpeedRange = range(space->XRange).value_or(node.panSpeedRange);
                node.tiltSpeedRange = range(space->YRange).value_or(node.tiltSpeedRange);
            }
            if (!s->ContinuousZoomVelocitySpace.empty() && s->ContinuousZoomVelocitySpace[0])
                node.zoomSpeedRange = range(s->ContinuousZoomVelocitySpace[0]->XRange);
        }
        out << node;
    }
    return out;
}

Result<PtzStatus> OnvifClient::ptzStatus(const QString &profileToken)
{
    QMutexLocker lock(&d->mutex);
    Impl::Scope scope{d->ctx};
    _tptz__GetStatus req;
    req.ProfileToken = ss(profileToken);
    _tptz__GetStatusResponse resp;
    ONVIF_FAIL_IF(d->run(
            &d->ptzUrl, [&](const char *url) { return d->ptz.GetStatus(url, nullptr, &req, resp); },
            true));
    PtzStatus s;
    if (const tt__PTZStatus *st = resp.PTZStatus) {
        if (st->Position && st->Position->PanTilt) {
            s.pan = st->Position->PanTilt->x;
            s.tilt = st->Position->PanTilt->y;
        }
        if (st->Position && st->Position->Zoom)
            s.zoom = st->Position->Zoom->x;
        if (st->MoveStatus && st->MoveStatus->PanTilt)
            s.panTiltMove
                    = QString::fromUtf8(soap_tt__MoveStatus2s(d->ctx, *st->MoveStatus->PanTilt));
        if (st->MoveStatus && st->MoveStatus->Zoom)
            s.zoomMove = QString::fromUtf8(soap_tt__MoveStatus2s(d->ctx, *st->MoveStatus->Zoom));
    }
    return s;
}

namespace {

/** A PTZ vector (or speed) from the optional components; null parts are left out. */
struct VectorStorage
{
    tt__Vector2D panTilt;
    tt__Vector1D zoom;

    template<typename T>
    void fill(const PtzVelocity &v, T &out)
    {
        if (v.pan || v.tilt) {
            panTilt.x = float(v.pan.value_or(0));
            panTilt.y = float(v.tilt.value_or(0));
            out.PanTilt = &panTilt;
        }
        if (v.zoom) {
            zoom.x = float(*v.zoom);
            out.Zoom = &zoom;
        }
    }
};

} // namespace

Status OnvifClient::continuousMove(const QString &profileToken, const PtzVelocity &velocity,
                                   const QString &timeout)
{
    QMutexLocker lock(&d->mutex);
    Impl::Scope scope{d->ctx};
    VectorStorage storage;
    tt__PTZSpeed speed;
    storage.fill(velocity, speed);
    _tptz__ContinuousMove req;
    req.ProfileToken = ss(profileToken);
    req.Velocity = &speed;
    std::string duration = ss(timeout);
    if (!timeout.isEmpty())
        req.Timeout = &duration;
    _tptz__ContinuousMoveResponse resp;
    ONVIF_FAIL_IF(d->run(
            &d->ptzUrl,
            [&](const char *url) { return d->ptz.ContinuousMove(url, nullptr, &req, resp); },
            true));
    return Done{};
}

Status OnvifClient::relativeMove(const QString &profileToken, const PtzVelocity &translation)
{
    QMutexLocker lock(&d->mutex);
    Impl::Scope scope{d->ctx};
    VectorStorage storage;
    tt__PTZVector vector;
    storage.fill(translation, vector);
    _tptz__RelativeMove req;
    req.ProfileToken = ss(profileToken);
    req.Translation = &vector;
    _tptz__RelativeMoveResponse resp;
    ONVIF_FAIL_IF(d->run(
            &d->ptzUrl,
            [&](const char *url) { return d->ptz.RelativeMove(url, nullptr, &req, resp); }, true));
    return Done{};
}

Status OnvifClient::absoluteMove(const QString &profileToken, const PtzVelocity &position)
{
    QMutexLocker lock(&d->mutex);
    Impl::Scope scope{d->ctx};
    VectorStorage storage;
    tt__PTZVector vector;
    storage.fill(position, vector);
    _tptz__AbsoluteMove req;
    req.ProfileToken = ss(profileToken);
    req.Position = &vector;
    _tptz__AbsoluteMoveResponse resp;
    ONVIF_FAIL_IF(d->run(
            &d->ptzUrl,
            [&](const char *url) { return d->ptz.AbsoluteMove(url, nullptr, &req, resp); }, true));
    return Done{};
}

Status OnvifClient::stop(const QString &profileToken, bool panTilt, bool zoom)
{
    QMutexLocker lock(&d->mutex);
    Impl::Scope scope{d->ctx};
    _tptz__Stop req;
    req.ProfileToken = ss(profileToken);
    req.PanTilt = &panTilt;
    req.Zoom = &zoom;
    _tptz__StopResponse resp;
    ONVIF_FAIL_IF(d->run(
            &d->ptzUrl, [&](const char *url) { return d->ptz.Stop(url, nullptr, &req, resp); },
            true));
    return Done{};
}

Result<QList<PtzPreset>> OnvifClient::presets(const QString &profileToken)
{
    QMutexLocker lock(&d->mutex);
    Impl::Scope scope{d->ctx};
    _tptz__GetPresets req;
    req.ProfileToken = ss(profileToken);
    _tptz__GetPresetsResponse resp;
    ONVIF_FAIL_IF(d->run(
            &d->ptzUrl,
            [&](const char *url) { return d->ptz.GetPresets(url, nullptr, &req, resp); }, true));
    QList<PtzPreset> out;
    for (const tt__PTZPreset *p : resp.Preset) {
        if (!p)
            continue;
        PtzPreset preset;
        preset.token = qs(p->token);
        preset.name = qs(p->Name);
        if (p->PTZPosition && p->PTZPosition->PanTilt) {
            preset.pan = p->PTZPosition->PanTilt->x;
            preset.tilt = p->PTZPosition->PanTilt->y;
        }
        if (p->PTZPosition && p->PTZPosition->Zoom)
            preset.zoom = p->PTZPosition->Zoom->x;
        out << preset;
    }
    return out;
}

Result<QString> OnvifClient::setPreset(const QString &profileToken, const QString &name,
                                       const QString &token)
{
    QMutexLocker lock(&d->mutex);
    Impl::Scope scope{d->ctx};
    _tptz__SetPreset req;
    req.ProfileToken = ss(profileToken);
    std::string presetName = ss(name);
    std::string presetToken = ss(token);
    if (!name.isEmpty())
        req.PresetName = &presetName;
    if (!token.isEmpty())
        req.PresetToken = &presetToken;
    _tptz__SetPresetResponse resp;
    ONVIF_FAIL_IF(d->run(
            &d->ptzUrl, [&](const char *url) { return d->ptz.SetPreset(url, nullptr, &req, resp); },
            true));
    return qs(resp.PresetToken);
}

Status OnvifClient::removePreset(const QString &profileToken, const QString &presetToken)
{
    QMutexLocker lock(&d->mutex);
    Impl::Scope scope{d->ctx};
    _tptz__RemovePreset req;
    req.ProfileToken = ss(profileToken);
    req.PresetToken = ss(presetToken);
    _tptz__RemovePresetResponse resp;
    ONVIF_FAIL_IF(d->run(
            &d->ptzUrl,
            [&](const char *url) { return d->ptz.RemovePreset(url, nullptr, &req, resp); }, true));
    return Done{};
}

Status OnvifClient::gotoPreset(const QString &profileToken, const QString &presetToken)
{
    QMutexLocker lock(&d->mutex);
    Impl::Scope scope{d->ctx};
    _tptz__GotoPreset req;
    req.ProfileToken = ss(profileToken);
    req.PresetToken = ss(presetToken);
    _tptz__GotoPresetResponse resp;
    ONVIF_FAIL_IF(d->run(
            &d->ptzUrl,
            [&](const char *url) { return d->ptz.GotoPreset(url, nullptr, &req, resp); }, true));
    return Done{};
}

Status OnvifClient::setHomePosition(const QString &profileToken)
{
    QMutexLocker lock(&d->mutex);
    Impl::Scope scope{d->ctx};
    _tptz__SetHomePosition req;
    req.ProfileToken = ss(profileToken);
    _tptz__SetHomePositionResponse resp;
    ONVIF_FAIL_IF(d->run(
            &d->ptzUrl,
            [&](const char *url) { return d->ptz.SetHomePosition(url, nullptr, &req, resp); },
            true));
    return Done{};
}

Status OnvifClient::gotoHomePosition(const QString &profileToken)
{
    QMutexLocker lock(&d->mutex);
    Impl::Scope scope{d->ctx};
    _tptz__GotoHomePosition req;
    req.ProfileToken = ss(profileToken);
    _tptz__GotoHomePositionResponse resp;
    ONVIF_FAIL_IF(d->run(
            &d->ptzUrl,
            [&](const char *url) { return d->ptz.GotoHomePosition(url, nullptr, &req, resp); },
            true));
    return Done{};
}

} // namespace vms::onvif
