#include "core/services/demo_site.h"

#include "core/services/backend.h"
#include "core/storage/camera_repository.h"
#include "core/storage/user_repository.h"

#include <QJsonObject>

namespace vms::services {

Status createDemoSite(Backend &backend, const QString &adminLogin,
                      const std::optional<DemoPtzCamera> &ptz)
{
    auto existing = storage::CameraRepository(backend.db()).list(storage::CameraQuery{});
    if (!existing)
        return existing.error();
    if (!existing->isEmpty())
        return Ok{};
    auto admin = storage::UserRepository(backend.db()).findByEmail(adminLogin);
    if (!admin)
        return admin.error();
    if (!*admin)
        return Error::internal(QStringLiteral("The bootstrap user %1 is missing").arg(adminLogin));
    auto who = backend.auth().principalFor((*admin)->id, QString(), QString());
    if (!who)
        return who.error();
    CallerInfo caller;
    caller.clientIp = QStringLiteral("127.0.0.1");

    PlaceInput site;
    site.name = QStringLiteral("Demo site");
    site.description = QStringLiteral("Cameras fed by the built-in test pattern");
    site.latitude = 55.7539;
    site.longitude = 37.6208;
    auto place = backend.places().create(*who, site, caller);
    if (!place)
        return place.error();

    struct DemoCamera
    {
        const char *name;
        const char *url;
        const char *substream;
    };
    // Modest sizes: the server encodes these itself, on top of recording them.
    const DemoCamera cameras[] = {
            {"Entrance", "testsrc://?size=1280x720&rate=25&bitrate_kbps=2000&gop=25",
             "testsrc://?size=640x360&rate=25&bitrate_kbps=500&gop=25"},
            {"Parking", "testsrc://?size=960x540&rate=15&bitrate_kbps=1000&gop=15", nullptr},
            {"Lobby", "testsrc://?size=960x540&rate=15&bitrate_kbps=1000&gop=15", nullptr},
    };
    for (const DemoCamera &c : cameras) {
        CameraInput input;
        input.name = QString::fromLatin1(c.name);
        input.placeId = place->id;
        input.source = QJsonObject{{QStringLiteral("url"), QString::fromLatin1(c.url)}};
        if (c.substream)
            input.source.insert(QStringLiteral("substream_url"), QString::fromLatin1(c.substream));
        input.videoStorage = QJsonObject{{QStringLiteral("retention_days"), 7},
                                         {QStringLiteral("quota_mb"), 2048}};
        auto camera = backend.cameras().create(*who, input, false, caller);
        if (!camera)
            return camera.error();
    }
    if (ptz) {
        const QString rtsp = QStringLiteral("rtsp://127.0.0.1:%1/").arg(ptz->rtspPort);
        CameraInput input;
        input.name = QStringLiteral("PTZ camera");
        input.placeId = place->id;
        input.source = QJsonObject{
                {QStringLiteral("url"), QString(rtsp + QStringLiteral("live"))},
                {QStringLiteral("substream_url"), QString(rtsp + QStringLiteral("sub"))}};
        input.videoStorage = QJsonObject{{QStringLiteral("retention_days"), 7},
                                         {QStringLiteral("quota_mb"), 2048}};
        input.onvifHost = QStringLiteral("127.0.0.1");
        input.onvifPort = ptz->onvifPort;
        input.onvifLogin = ptz->login;
        input.onvifPassword = ptz->password;
        auto camera = backend.cameras().create(*who, input, false, caller);
        if (!camera)
            return camera.error();
    }
    return Ok{};
}

} // namespace vms::services
