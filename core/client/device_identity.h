#pragma once

#include <QUuid>

class QSettings;

namespace vms::client {

/**
 * The identity of this console installation, sent as `X-UUID` in thick-legal mode. It is
 * generated on first use and kept in @p settings, so that the server sees the same device
 * across restarts.
 */
QUuid loadOrCreateDeviceUuid(QSettings &settings);

} // namespace vms::client
