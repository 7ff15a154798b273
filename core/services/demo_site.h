#pragma once

#include "core/domain/result.h"

#include <QString>

namespace vms::services {

class Backend;

/**
 * The demo site of a fresh installation: a place with cameras fed by the built-in test pattern
 * (testsrc://, H.264 with a clock), so that a first start shows live video, recording and
 * playback without any camera on the network. Created through the services, as the bootstrap
 * superuser `adminLogin`, so it is audited like any other change. Does nothing when the
 * installation already has cameras.
 */
Status createDemoSite(Backend &backend, const QString &adminLogin);

} // namespace vms::services
