// --serve-rtsp: the simulator's own RTSP server (gst-rtsp-server) whose picture follows the PTZ
// position. /live is 1280x720 and /sub 640x360, both 25 fps H.264 (x264 zerolatency, a keyframe
// every 50 frames). Every client gets its own pipeline (UNSHARED factories, see
// PLATFORM_NOTES.md): an appsrc rendered from the panorama on demand, so that no CPU is spent
// while nobody watches and an unchanged view is not rendered again.
#pragma once

#include "app/onvif-camera-sim/panorama.h"
#include "app/onvif-camera-sim/sim_state.h"

#include <memory>
#include <string>

namespace vms::onvifsim {

class RtspOut
{
public:
    RtspOut(SimState &state, const Panorama &panorama);
    ~RtspOut();
    RtspOut(const RtspOut &) = delete;
    RtspOut &operator=(const RtspOut &) = delete;

    /// Listens on host:port (0 = ephemeral) and serves from a thread of its own. False with
    /// error on failure.
    bool start(const std::string &host, int port, std::string &error);
    /// The bound port after start().
    int port() const;
    /// Closes the clients and stops the thread.
    void stop();

private:
    struct Impl;
    std::unique_ptr<Impl> d;
};

} // namespace vms::onvifsim
