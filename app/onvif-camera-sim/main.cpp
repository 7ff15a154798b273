/*
 * onvif-camera-sim: a simulated ONVIF PTZ camera (Device, Media, Imaging, PTZ on one port),
 * built with gSOAP from the project's own interface header core/onvif/gsoap/onvif.h. Used by the
 * OnvifClient, API, UI and interop tests, by the bench and by the demo site.
 *
 * Command line:
 *   onvif-camera-sim --listen 127.0.0.1:PORT --user USER --password PASS [--model NAME]
 *                    [--no-ptz] [--no-home] [--rtsp URL] [--rtsp-sub URL] [--max-presets N]
 *                    [--clock-offset SECONDS] [--serve-rtsp HOST:PORT] [--trace]
 *                    [--http-digest] [--exit-with-parent]
 *   PORT 0 = ephemeral. When ready it prints exactly one line
 *     ready http://HOST:PORT/onvif/device_service
 *   and, with --serve-rtsp, a second one
 *     rtsp rtsp://HOST:PORT/live
 *   --clock-offset: device clock = real clock + SECONDS (GetSystemDateAndTime, the digest's
 *   Created window, PTZ UtcTime). SIGTERM/SIGINT end it cleanly.
 *
 * The password may instead come from the environment variable ONVIF_SIM_PASSWORD (kept out of
 * the process list).
 *
 * Authentication: WS-UsernameToken, PasswordDigest (SHA-1(nonce + created + password), base64)
 * or PasswordText, for any of the users (the --user as Administrator, "operator" as Operator,
 * "viewer" as User, all three with the --password value at start; SetUser changes them). Created
 * must be within 300 s of the DEVICE clock. A nonce may be reused within one second (some clients
 * do), not later. GetSystemDateAndTime and GET /snapshot.jpg need no credentials.
 *
 * --http-digest: like many real cameras (Axis, some Hikvision/Dahua firmwares), every SOAP request
 * except GetSystemDateAndTime must also carry HTTP Digest authentication (RFC 2617/7616) for the
 * same users and passwords: realm "onvif-camera-sim", algorithm MD5, qop=auth (gSOAP's httpda
 * plugin, so nonces are session-checked and a replayed nonce count is refused). A request without
 * a valid Authorization: Digest header gets HTTP 401 with a fresh WWW-Authenticate: Digest
 * challenge, before its WS-Security header is looked at; a request must pass both.
 * GET /snapshot.jpg stays open.
 *
 * Faults (SOAP 1.2 Code / Subcode / Subcode; HTTP 400 for env:Sender, 500 for env:Receiver):
 *   bad or missing credentials        env:Sender   ter:NotAuthorized  (reason "Sender not
 * Authorized") invalid value (reason names the field and its range) env:Sender   ter:InvalidArgVal
 * [/ second subcode below] unknown profile                 ... ter:InvalidArgVal / ter:NoProfile
 *     unknown encoder configuration   ... ter:InvalidArgVal / ter:NoConfig
 *     encoder value out of options    ... ter:InvalidArgVal / ter:ConfigModify
 *     unknown video source            ... ter:InvalidArgVal / ter:NoSource
 *     imaging value out of options    ... ter:InvalidArgVal / ter:SettingsInvalid
 *     unknown preset token            ... ter:InvalidArgVal / ter:NoToken
 *     preset name taken               ... ter:InvalidArgVal / ter:PresetExist
 *     preset name over 64 characters  ... ter:InvalidArgVal / ter:InvalidPresetName
 *     PTZ position/translation/velocity out of range
 *                                     ... ter:InvalidArgVal / ter:InvalidPosition,
 *                                         ter:InvalidTranslation, ter:InvalidVelocity
 *     bad ContinuousMove Timeout      ... ter:InvalidArgVal / ter:TimeoutNotSupported
 *     SetUser: unknown user           ... ter:InvalidArgVal / ter:UsernameMissing
 *     SetUser: password over 16       ... ter:InvalidArgVal / ter:PasswordTooLong
 *     SetUser: empty password         ... ter:InvalidArgVal / ter:PasswordTooWeak
 *     SetNetworkProtocols: port outside 1..65535
 *                                     ... ter:InvalidArgVal / ter:InvalidPort
 *   too many presets                  env:Receiver ter:Action / ter:TooManyPresets
 *   unsupported                       env:Receiver ter:ActionNotSupported
 *     (every PTZ operation with --no-ptz, Set/GotoHomePosition with --no-home, GetStreamUri
 *      without --rtsp or --serve-rtsp; GetCapabilities for a missing service adds
 *      / ter:NoSuchService)
 *   an operation the simulator does not know: gSOAP's SOAP_NO_METHOD fault
 *     (env:Sender, "Method '...' not implemented")
 *
 * --trace: one line per handled request on stdout, flushed per line:
 *   call <Operation>[ key=value ...][ fault=<subcode>]
 *     ContinuousMove profile= pan= tilt= zoom= timeout=   (velocity "none" when not given;
 *                                                          timeout in seconds, default 5)
 *     Stop profile= pantilt= zoom=       SetPreset profile= name= token=
 *     GotoPreset / RemovePreset profile= token=            AbsoluteMove / RelativeMove pan= tilt=
 * zoom= GetStatus profile= pan= tilt= zoom=                  SetImagingSettings source= and each
 * field set (brightness saturation contrast sharpness backlight backlightLevel ircut exposure
 *      minExposureTime maxExposureTime wdr wdrLevel whiteBalance crGain cbGain)
 *     SetVideoEncoderConfiguration token= encoding= width= height= quality= fps= bitrate= gov=
 *     SetUser user= level= password=set|unchanged     SetNetworkProtocols HTTP=on:80 ...
 *     GetStreamUri profile= uri=                      GetSnapshotUri profile=
 *   auth-failed <Operation>[ http-digest]             (http-digest: the HTTP Digest check failed)
 *   call Snapshot profile= bytes=                     (an HTTP GET of the snapshot)
 *   call <Element> fault=SOAP_NO_METHOD               (an unknown operation)
 *
 * Moves are instantaneous except ContinuousMove, which integrates the velocity (1 unit per second
 * at velocity 1) over real time until Stop or its Timeout, clamped to the limits.
 */
#include "app/onvif-camera-sim/panorama.h"
#include "app/onvif-camera-sim/rtsp_out.h"
#include "app/onvif-camera-sim/sim_service.h"
#include "app/onvif-camera-sim/sim_state.h"

#include "core/onvif/gsoap/namespaces.h"

#include "httpda.h"
#include "soapH.h"

#include <gst/gst.h>

#include <arpa/inet.h>
#include <netinet/in.h>
#include <sys/prctl.h>
#include <sys/socket.h>
#include <unistd.h>

#include <atomic>
#include <chrono>
#include <condition_variable>
#include <csignal>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <memory>
#include <set>
#include <string>
#include <thread>

using namespace vms::onvifsim;

namespace {

volatile std::sig_atomic_t g_stop = 0;

void onSignal(int)
{
    g_stop = 1;
}

void usage(FILE *out)
{
    std::fputs("usage: onvif-camera-sim --listen HOST:PORT --user USER --password PASS\n"
               "         [--model NAME] [--no-ptz] [--no-home] [--rtsp URL] [--rtsp-sub URL]\n"
               "         [--max-presets N] [--clock-offset SECONDS] [--serve-rtsp HOST:PORT]\n"
               "         [--trace] [--http-digest] [--exit-with-parent]\n"
               "A simulated ONVIF PTZ camera (Device, Media, Imaging, PTZ) on one port.\n",
               out);
}

bool splitHostPort(const std::string &text, std::string &host, int &port)
{
    const auto colon = text.rfind(':');
    if (colon == std::string::npos || colon == 0)
        return false;
    host = text.substr(0, colon);
    char *end = nullptr;
    const long p = std::strtol(text.c_str() + colon + 1, &end, 10);
    if (*end || end == text.c_str() + colon + 1 || p < 0 || p > 65535)
        return false;
    port = int(p);
    return true;
}

bool parseArgs(int argc, char **argv, Options &o, std::string &error)
{
    bool haveListen = false;
    for (int i = 1; i < argc; ++i) {
        const std::string a = argv[i];
        auto next = [&](std::string &out) {
            if (i + 1 >= argc) {
                error = a + " needs a value";
                return false;
            }
            out = argv[++i];
            return true;
        };
        std::string v;
        if (a == "--listen") {
            if (!next(v))
                return false;
            if (!splitHostPort(v, o.host, o.port)) {
                error = "--listen wants HOST:PORT, got '" + v + "'";
                return false;
            }
            haveListen = true;
        } else if (a == "--user") {
            if (!next(o.user))
                return false;
        } else if (a == "--password") {
            if (!next(o.password))
                return false;
        } else if (a == "--model") {
            if (!next(o.model))
                return false;
        } else if (a == "--no-ptz") {
            o.ptz = false;
        } else if (a == "--no-home") {
            o.home = false;
        } else if (a == "--rtsp") {
            if (!next(o.rtspMain))
                return false;
        } else if (a == "--rtsp-sub") {
            if (!next(o.rtspSub))
                return false;
        } else if (a == "--serve-rtsp") {
            if (!next(o.serveRtsp))
                return false;
            std::string h;
            int p = 0;
            if (!splitHostPort(o.serveRtsp, h, p)) {
                error = "--serve-rtsp wants HOST:PORT, got '" + o.serveRtsp + "'";
                return false;
            }
        } else if (a == "--max-presets") {
            if (!next(v))
                return false;
            char *end = nullptr;
            const long n = std::strtol(v.c_str(), &end, 10);
            if (*end || v.empty() || n < 0 || n > 10000) {
                error = "--max-presets wants 0..10000";
                return false;
            }
            o.maxPresets = int(n);
        } else if (a == "--clock-offset") {
            if (!next(v))
                return false;
            char *end = nullptr;
            o.clockOffsetSeconds = std::strtod(v.c_str(), &end);
            if (*end || v.empty()) {
                error = "--clock-offset wants a number of seconds";
                return false;
            }
        } else if (a == "--trace") {
            o.trace = true;
        } else if (a == "--http-digest") {
            o.httpDigest = true;
        } else if (a == "--exit-with-parent") {
            o.exitWithParent = true;
        } else if (a == "--help" || a == "-h") {
            usage(stdout);
            std::exit(0);
        } else {
            error = "unknown argument '" + a + "'";
            return false;
        }
    }
    // The password may come from the environment instead, so that it does not show in the
    // process list (the demo site starts the simulator this way).
    if (o.password.empty()) {
        if (const char *env = std::getenv("ONVIF_SIM_PASSWORD"))
            o.password = env;
    }
    if (!haveListen || o.user.empty() || o.password.empty()) {
        error = "--listen, --user and --password (or ONVIF_SIM_PASSWORD) are required";
        return false;
    }
    return true;
}

/// The accepted connections, so that a stop can cut idle keep-alive connections short.
class Connections
{
public:
    void add(SOAP_SOCKET s)
    {
        std::lock_guard lock(m_mutex);
        m_sockets.insert(s);
    }
    void remove(SOAP_SOCKET s)
    {
        std::lock_guard lock(m_mutex);
        m_sockets.erase(s);
        m_changed.notify_all();
    }
    void shutdownAll()
    {
        std::lock_guard lock(m_mutex);
        for (SOAP_SOCKET s : m_sockets)
            ::shutdown(s, SHUT_RDWR);
    }
    bool waitEmpty(std::chrono::milliseconds timeout)
    {
        std::unique_lock lock(m_mutex);
        return m_changed.wait_for(lock, timeout, [this] { return m_sockets.empty(); });
    }

private:
    std::mutex m_mutex;
    std::condition_variable m_changed;
    std::set<SOAP_SOCKET> m_sockets;
};

/// The header writer httpda forwards to (gSOAP's own).
int (*g_postHeader)(struct soap *, const char *, const char *) = nullptr;

/// httpda challenges with qop="auth,auth-int"; the simulator offers qop=auth only, as most
/// cameras do, so a client that would pick auth-int is not tested against a device that has none.
int postHeaderAuthOnly(struct soap *soap, const char *key, const char *val)
{
    if (key && val && std::strcmp(key, "WWW-Authenticate") == 0) {
        std::string v = val;
        const std::string offered = "qop=\"auth,auth-int\"";
        if (const auto at = v.find(offered); at != std::string::npos)
            v.replace(at, offered.size(), "qop=\"auth\"");
        return g_postHeader(soap, key, v.c_str());
    }
    return g_postHeader(soap, key, val);
}

} // namespace

int main(int argc, char *argv[])
{
    Options options;
    std::string error;
    if (!parseArgs(argc, argv, options, error)) {
        std::fprintf(stderr, "onvif-camera-sim: %s\n", error.c_str());
        usage(stderr);
        return 2;
    }
    if (options.exitWithParent) {
        const pid_t parent = getppid();
        prctl(PR_SET_PDEATHSIG, SIGTERM);
        if (getppid() != parent) // the parent died before prctl
            return 1;
    }
    std::signal(SIGPIPE, SIG_IGN);
    struct sigaction sa
    {
    };
    sa.sa_handler = onSignal;
    sigemptyset(&sa.sa_mask);
    sigaction(SIGTERM, &sa, nullptr);
    sigaction(SIGINT, &sa, nullptr);

    struct soap master;
    // Keep-alive: clients (and the bench) reuse one connection for many calls.
    soap_init2(&master, SOAP_IO_KEEPALIVE | SOAP_C_UTFSTRING, SOAP_IO_KEEPALIVE | SOAP_C_UTFSTRING);
    soap_set_namespaces(&master, vms::onvif::soapNamespaces());
    master.bind_flags = SO_REUSEADDR;
    master.accept_timeout = -200000; // 200 ms: the accept loop notices a stop signal
    master.recv_timeout = 60;        // an idle keep-alive connection is closed after a minute
    master.send_timeout = 10;
    master.max_keep_alive = 10000;
    master.fget = serveHttpGet;
    if (options.httpDigest) {
        // Before the plugin, so that httpda's header writer hands its challenge to the filter;
        // soap_copy passes both on to each connection.
        g_postHeader = master.fposthdr;
        master.fposthdr = postHeaderAuthOnly;
        if (soap_register_plugin_arg(&master, http_da, http_da_md5()) != SOAP_OK) {
            std::fprintf(stderr, "onvif-camera-sim: cannot register the HTTP Digest plugin\n");
            soap_done(&master);
            return 1;
        }
    }
    const std::string bindHost = options.host;
    if (!soap_valid_socket(soap_bind(&master, bindHost.c_str(), options.port, 64))) {
        std::fprintf(stderr, "onvif-camera-sim: cannot listen on %s:%d: ", bindHost.c_str(),
                     options.port);
        soap_print_fault(&master, stderr);
        soap_done(&master);
        return 1;
    }
    {
        sockaddr_storage addr{};
        socklen_t len = sizeof addr;
        if (getsockname(master.master, reinterpret_cast<sockaddr *>(&addr), &len) == 0) {
            options.port = addr.ss_family == AF_INET6
                                   ? ntohs(reinterpret_cast<sockaddr_in6 *>(&addr)->sin6_port)
                                   : ntohs(reinterpret_cast<sockaddr_in *>(&addr)->sin_port);
        }
    }

    const Panorama panorama;
    SimState state(options);
    std::unique_ptr<RtspOut> rtsp;
    std::string ownMain, ownSub;
    if (!options.serveRtsp.empty()) {
        gst_init(nullptr, nullptr);
        std::string host;
        int port = 0;
        splitHostPort(options.serveRtsp, host, port);
        rtsp = std::make_unique<RtspOut>(state, panorama);
        if (!rtsp->start(host, port, error)) {
            std::fprintf(stderr, "onvif-camera-sim: --serve-rtsp: %s\n", error.c_str());
            soap_done(&master);
            return 1;
        }
        const std::string urlHost = host == "0.0.0.0" ? std::string("127.0.0.1") : host;
        ownMain = "rtsp://" + urlHost + ":" + std::to_string(rtsp->port()) + "/live";
        ownSub = "rtsp://" + urlHost + ":" + std::to_string(rtsp->port()) + "/sub";
        if (options.rtspMain.empty())
            state.setRtspPort(rtsp->port());
    }

    Tracer tracer(options.trace);
    SimContext context{state, tracer, panorama, options.rtspMain.empty() ? ownMain : "",
                       options.rtspMain.empty() ? ownSub : ""};

    const std::string urlHost = options.host == "0.0.0.0" ? std::string("127.0.0.1") : options.host;
    std::printf("ready http://%s:%d/onvif/device_service\n", urlHost.c_str(), options.port);
    if (rtsp)
        std::printf("rtsp %s\n", ownMain.c_str());
    std::fflush(stdout);

    Connections connections;
    std::atomic<int> threads{0};
    while (!g_stop) {
        const SOAP_SOCKET s = soap_accept(&master);
        if (!soap_valid_socket(s)) {
            if (master.errnum && !g_stop && master.error != SOAP_OK && master.errnum != EINTR
                && master.errnum != EAGAIN) {
                // A failed accept (e.g. out of descriptors) must not spin.
                std::this_thread::sleep_for(std::chrono::milliseconds(50));
            }
            continue;
        }
        struct soap *connection = soap_copy(&master);
        if (!connection) {
            soap_force_closesock(&master);
            continue;
        }
        connections.add(s);
        ++threads;
        // A thread per connection: a slow or idle keep-alive client never blocks the others.
        std::thread([connection, s, &context, &connections, &threads] {
            serveConnection(connection, context);
            soap_destroy(connection);
            soap_end(connection);
            connections.remove(s);
            soap_force_closesock(connection);
            soap_free(connection);
            --threads;
        }).detach();
    }

    soap_closesock(&master);
    connections.shutdownAll();
    if (!connections.waitEmpty(std::chrono::seconds(3)))
        std::fprintf(stderr, "onvif-camera-sim: connections still open at exit\n");
    // The detached threads have left serveConnection; give them a moment to return.
    for (int i = 0; i < 100 && threads.load() > 0; ++i)
        std::this_thread::sleep_for(std::chrono::milliseconds(10));
    if (rtsp)
        rtsp->stop();
    soap_done(&master);
    std::fprintf(stderr, "onvif-camera-sim: stopped\n");
    return 0;
}
