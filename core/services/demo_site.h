#pragma once

#include "core/domain/result.h"

#include <QString>

#include <optional>

namespace vms::services {

class Backend;

/** Where the demo site's simulated ONVIF PTZ camera (onvif-camera-sim) answers. */
struct DemoPtzCamera
{
    int onvifPort = 0;
    int rtspPort = 0; ///< the simulator's own RTSP server: /live (1280x720) and /sub
    QString login;
    QString password; ///< random per installation, never a built-in default
};

/**
 * The demo site of a fresh installation: a place with cameras fed by the built-in test pattern
 * (testsrc://, H.264 with a clock), so that a first start shows live video, recording and
 * playback without any camera on the network. Created through the services, as the bootstrap
 * superuser `adminLogin`, so it is audited like any other change. With `ptz`, the site also gets
 * a PTZ camera whose ONVIF service and picture come from onvif-camera-sim (its picture follows
 * the PTZ position). Does nothing when the installation already has cameras.
 */
Status createDemoSite(Backend &backend, const QString &adminLogin,
                      const std::optional<DemoPtzCamera> &ptz = std::nullopt);

} // namespace vms::services
