#pragma once

#include "core/services/demo_site.h"

#include <QString>

#include <optional>

class QObject;
class QProcess;

namespace vms::server {

/**
 * The demo site's simulated PTZ camera: runs onvif-camera-sim (ONVIF on one port, its own RTSP
 * picture on another) next to the server, with the ports and the random password chosen at the
 * first start and kept in <data dir>/demo-ptz-camera.json (mode 0600), so that the camera rows
 * stay valid across restarts. The process dies with the server (--exit-with-parent) and is
 * stopped when its parent QObject goes.
 */
class DemoSimulator
{
public:
    /** The simulator program: next to this executable, in the build tree, or on PATH. */
    static QString programPath();
    /** The saved configuration of this data directory, if the demo site has a PTZ camera. */
    static std::optional<services::DemoPtzCamera> load(const QString &dataDir);
    /** Picks free loopback ports and a random password and saves them. */
    static std::optional<services::DemoPtzCamera> create(const QString &dataDir);
    /** Starts the simulator as a child of `parent`; false (with a warning) when it cannot. */
    static bool start(const services::DemoPtzCamera &camera, QObject *parent);
};

} // namespace vms::server
