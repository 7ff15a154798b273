// The SOAP side of onvif-camera-sim: the gSOAP service classes generated from
// core/onvif/gsoap/onvif.h, implemented on SimState, and the per-connection serve loop that
// dispatches Device -> PTZ -> Media -> Imaging on one port.
#pragma once

#include "app/onvif-camera-sim/panorama.h"
#include "app/onvif-camera-sim/sim_state.h"

#include <mutex>
#include <string>

struct soap;

namespace vms::onvifsim {

/// --trace output: one line per handled request on stdout, flushed per line.
class Tracer
{
public:
    explicit Tracer(bool enabled)
        : m_enabled(enabled)
    {}
    bool enabled() const { return m_enabled; }
    void line(const std::string &text);

private:
    bool m_enabled;
    std::mutex m_mutex;
};

/// The realm of --http-digest's challenges.
inline constexpr const char *kHttpDigestRealm = "onvif-camera-sim";

/// What the services share.
struct SimContext
{
    SimState &state;
    Tracer &tracer;
    const Panorama &panorama;
    std::string ownRtspMain; // rtsp://HOST:PORT/live with --serve-rtsp, else empty
    std::string ownRtspSub;
};

/// Serves one accepted connection (keep-alive: several requests) until the peer closes it, it
/// idles past the receive timeout, or the socket is shut down. Frees nothing: the caller owns
/// the soap context.
void serveConnection(struct soap *soap, SimContext &context);

/// soap->fget: GET /snapshot.jpg?profile=TOKEN answers a JPEG of the current view.
int serveHttpGet(struct soap *soap);

} // namespace vms::onvifsim
