#include "core/client/device_identity.h"

#include <QSettings>

namespace vms::client {

namespace {
const QString kDeviceUuidKey = QStringLiteral("client/device_uuid");
}

QUuid loadOrCreateDeviceUuid(QSettings &settings)
{
    const QUuid stored = QUuid::fromString(settings.value(kDeviceUuidKey).toString());
    if (!stored.isNull())
        return stored;
    const QUuid created = QUuid::createUuid();
    settings.setValue(kDeviceUuidKey, created.toString(QUuid::WithoutBraces));
    // Written at once: a crash before the settings object flushes would hand out a new identity.
    settings.sync();
    return created;
}

} // namespace vms::client
