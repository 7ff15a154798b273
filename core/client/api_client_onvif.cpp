// ApiClient: camera control over ONVIF (§8) — device information, network ports, users,
// encoders, imaging and PTZ. The server speaks ONVIF to the camera; the client only sees REST.
#include "core/client/api_client.h"

#include "core/client/api_client_p.h"
#include "core/client/json_reader.h"

namespace vms::client {

using detail::JsonReader;
using detail::listParser;
using detail::parseNoContent;
using detail::parseObject;

namespace {

// Camera ids are UUIDs; percent-encoding keeps a malformed one from changing the path.
QString onvifPath(const QString &cameraId, const QString &tail = {})
{
    return QStringLiteral("/api/v1/onvif/") + QString::fromLatin1(QUrl::toPercentEncoding(cameraId))
           + tail;
}

QJsonObject presetBody(const QString &name)
{
    return QJsonObject{{QLatin1String("preset_name"), name}};
}

} // namespace

QFuture<Result<OnvifDeviceInfo>> ApiClient::onvifDeviceInfo(const QString &cameraId)
{
    Request request = getRequest(onvifPath(cameraId));
    return call<OnvifDeviceInfo>(request, &parseObject<OnvifDeviceInfo>);
}

QFuture<Result<OnvifNetworkSettings>> ApiClient::onvifNetwork(const QString &cameraId)
{
    Request request = getRequest(onvifPath(cameraId, QStringLiteral("/network")));
    return call<OnvifNetworkSettings>(request, &parseObject<OnvifNetworkSettings>);
}

QFuture<Status> ApiClient::updateOnvifNetwork(const QString &cameraId,
                                              const OnvifNetworkUpdate &update)
{
    Request request = jsonRequest(QByteArrayLiteral("PUT"),
                                  onvifPath(cameraId, QStringLiteral("/network")), update.toJson());
    return call<Ok>(request, &parseNoContent);
}

QFuture<Result<QList<OnvifUser>>> ApiClient::onvifUsers(const QString &cameraId)
{
    Request request = getRequest(onvifPath(cameraId, QStringLiteral("/users")));
    return call<QList<OnvifUser>>(
            request,
            listParser<OnvifUser>(QLatin1String("users"), QLatin1String("OnvifUsersResponse")));
}

QFuture<Status> ApiClient::setOnvifUserPassword(const QString &cameraId, const QString &userName,
                                                const QString &password)
{
    Request request = jsonRequest(
            QByteArrayLiteral("PUT"),
            onvifPath(cameraId, QStringLiteral("/users/")
                                        + QString::fromLatin1(QUrl::toPercentEncoding(userName))),
            QJsonObject{{QLatin1String("password"), password}});
    return call<Ok>(request, &parseNoContent);
}

QFuture<Result<QList<OnvifStream>>> ApiClient::onvifStreams(const QString &cameraId)
{
    Request request = getRequest(onvifPath(cameraId, QStringLiteral("/streams")));
    return call<QList<OnvifStream>>(request,
                                    listParser<OnvifStream>(QLatin1String("streams"),
                                                            QLatin1String("OnvifStreamsResponse")));
}

QFuture<Status> ApiClient::updateOnvifEncoder(const QString &cameraId,
                                              const OnvifEncoderUpdate &update)
{
    Request request
            = jsonRequest(QByteArrayLiteral("PUT"),
                          onvifPath(cameraId, QStringLiteral("/stream/encoder")), update.toJson());
    return call<Ok>(request, &parseNoContent);
}

QFuture<Result<OnvifImageSettings>> ApiClient::onvifImageSettings(const QString &cameraId)
{
    Request request = getRequest(onvifPath(cameraId, QStringLiteral("/image")));
    return call<OnvifImageSettings>(request, &parseObject<OnvifImageSettings>);
}

QFuture<Status> ApiClient::setOnvifImageValue(const QString &cameraId, OnvifImageValue setting,
                                              double value)
{
    Request request = jsonRequest(
            QByteArrayLiteral("PUT"),
            onvifPath(cameraId, QStringLiteral("/image/") + onvifImageValuePath(setting)),
            QJsonObject{{QLatin1String("value"), value}});
    return call<Ok>(request, &parseNoContent);
}

QFuture<Status> ApiClient::setOnvifBacklight(const QString &cameraId, const QString &mode)
{
    Request request = jsonRequest(QByteArrayLiteral("PUT"),
                                  onvifPath(cameraId, QStringLiteral("/image/backlight")),
                                  QJsonObject{{QLatin1String("mode"), mode}});
    return call<Ok>(request, &parseNoContent);
}

QFuture<Status> ApiClient::setOnvifIrCutFilter(const QString &cameraId, const QString &mode)
{
    Request request = jsonRequest(QByteArrayLiteral("PUT"),
                                  onvifPath(cameraId, QStringLiteral("/image/ir")),
                                  QJsonObject{{QLatin1String("mode"), mode}});
    return call<Ok>(request, &parseNoContent);
}

QFuture<Status> ApiClient::setOnvifWideDynamicRange(const QString &cameraId,
                                                    const OnvifWideDynamicRangeUpdate &update)
{
    Request request
            = jsonRequest(QByteArrayLiteral("PUT"),
                          onvifPath(cameraId, QStringLiteral("/image/dr")), update.toJson());
    return call<Ok>(request, &parseNoContent);
}

QFuture<Status> ApiClient::setOnvifWhiteBalance(const QString &cameraId,
                                                const OnvifWhiteBalanceUpdate &update)
{
    Request request
            = jsonRequest(QByteArrayLiteral("PUT"),
                          onvifPath(cameraId, QStringLiteral("/image/wb")), update.toJson());
    return call<Ok>(request, &parseNoContent);
}

QFuture<Result<OnvifPtz>> ApiClient::onvifPtz(const QString &cameraId)
{
    Request request = getRequest(onvifPath(cameraId, QStringLiteral("/ptz")));
    return call<OnvifPtz>(request, &parseObject<OnvifPtz>);
}

QFuture<Status> ApiClient::ptzCommand(const QString &cameraId, const PtzCommand &command)
{
    Request request = jsonRequest(QByteArrayLiteral("PUT"),
                                  onvifPath(cameraId, QStringLiteral("/ptz")), command.toJson());
    return call<Ok>(request, &parseNoContent);
}

QFuture<Status> ApiClient::savePtzHome(const QString &cameraId)
{
    Request request;
    request.verb = QByteArrayLiteral("PUT");
    request.path = onvifPath(cameraId, QStringLiteral("/ptz/home"));
    return call<Ok>(request, &parseNoContent);
}

QFuture<Status> ApiClient::gotoPtzHome(const QString &cameraId)
{
    Request request;
    request.verb = QByteArrayLiteral("PUT");
    request.path = onvifPath(cameraId, QStringLiteral("/ptz/home/apply"));
    return call<Ok>(request, &parseNoContent);
}

QFuture<Result<QStringList>> ApiClient::ptzPresets(const QString &cameraId)
{
    Request request = getRequest(onvifPath(cameraId, QStringLiteral("/ptz/presets")));
    return call<QStringList>(request, [](const RawReply &reply) -> Result<QStringList> {
        Result<QJsonObject> json = detail::jsonObjectOf(reply);
        if (!json)
            return json.error();
        JsonReader r(*json, QLatin1String("OnvifPtzPresetsResponse"));
        QStringList presets = r.stringList(QLatin1String("presets"));
        if (!r.ok())
            return r.error();
        return presets;
    });
}

QFuture<Status> ApiClient::createPtzPreset(const QString &cameraId, const QString &name)
{
    Request request
            = jsonRequest(QByteArrayLiteral("POST"),
                          onvifPath(cameraId, QStringLiteral("/ptz/preset")), presetBody(name));
    return call<Ok>(request, &parseNoContent);
}

QFuture<Status> ApiClient::deletePtzPreset(const QString &cameraId, const QString &name)
{
    Request request
            = jsonRequest(QByteArrayLiteral("DELETE"),
                          onvifPath(cameraId, QStringLiteral("/ptz/preset")), presetBody(name));
    return call<Ok>(request, &parseNoContent);
}

QFuture<Status> ApiClient::gotoPtzPreset(const QString &cameraId, const QString &name)
{
    Request request = jsonRequest(QByteArrayLiteral("POST"),
                                  onvifPath(cameraId, QStringLiteral("/ptz/preset/apply")),
                                  presetBody(name));
    return call<Ok>(request, &parseNoContent);
}

} // namespace vms::client
