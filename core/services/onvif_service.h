#pragma once

#include "core/domain/result.h"
#include "core/onvif/onvif_client.h"
#include "core/services/audit_service.h"
#include "core/services/principal.h"
#include "core/storage/camera_repository.h"

#include <QHash>
#include <QJsonObject>
#include <QMutex>

#include <memory>

namespace vms::services {

/**
 * Seed 002 §8: ONVIF control of a camera through its onvif_host / onvif_port / onvif_login /
 * onvif_password. Every call blocks on the camera for up to the ONVIF timeout: call it off the
 * server thread.
 *
 * One session per camera keeps an OnvifClient (service addresses, clock offset, keep-alive
 * connection) and what does not change between calls (media profiles, imaging options, PTZ
 * node and configuration), so that a PTZ move or an imaging read costs one SOAP round trip.
 * The session is rebuilt when the camera's ONVIF address or credentials change, and its
 * caches are dropped after a transport failure.
 *
 * Errors: a camera the caller cannot see is 404; missing address or credentials are 400
 * onvif_not_configured; the device's answers map to 400 onvif_unauthenticated /
 * onvif_invalid_argument / onvif_unsupported_action, and an unreachable device to 503.
 */
class OnvifService
{
public:
    /** The three stream profiles of the API, in the camera's profile order. */
    static const QStringList &streamProfileNames();

    OnvifService(storage::Database &db, AuditService &audit, int timeoutMs = 5000);
    ~OnvifService();

    struct Streams
    {
        struct Stream
        {
            QString name;
            QString link;
            onvif::VideoEncoderConfiguration encoder;
            onvif::VideoEncoderOptions options;
        };
        QList<Stream> streams;
    };

    struct Image
    {
        onvif::ImagingSettings settings;
        onvif::ImagingOptions options;
    };

    struct Ptz
    {
        onvif::PtzNode node;
        onvif::PtzConfiguration configuration;
        onvif::PtzStatus status;
    };

    /** A change to one imaging setting (§8.9–8.17); absent fields are left as they are. */
    struct ImageChange
    {
        QString setting; ///< brightness, contrast, saturation, sharpness, backlight, ir,
                         ///< exposure, dr, wb (the path's last segment)
        onvif::ImagingSettings values;
    };

    struct EncoderChange
    {
        QString streamProfile; ///< MAIN_STREAM, SUB_STREAM_1, SUB_STREAM_2
        QString encoder;       ///< H264, MPEG4, JPEG
        int width = 0;
        int height = 0;
        int framerate = 0;
        int bitrate = 0;
        std::optional<int> govLength;
    };

    /** PUT /ptz: a direction (8 ways), a zoom direction, both or neither (= stop). */
    struct PtzMove
    {
        QString move; ///< UP, DOWN, LEFT, LEFT_UP, LEFT_DOWN, RIGHT, RIGHT_UP, RIGHT_DOWN or empty
        QString zoom; ///< ZOOM_IN, ZOOM_OUT or empty
        int step = 1; ///< 1..10: the speed in tenths of the camera's maximum
    };

    /** How long one PUT /ptz keeps the camera moving when no stop follows. */
    static constexpr const char *kMoveTimeout = "PT1S";

    Result<onvif::DeviceInformation> deviceInformation(const Principal &who, const QString &id);
    Result<QList<onvif::NetworkProtocol>> network(const Principal &who, const QString &id);
    Status setNetworkPorts(const Principal &who, const QString &id, std::optional<int> http,
                           std::optional<int> https, std::optional<int> rtsp,
                           const CallerInfo &caller);
    Result<QList<onvif::User>> users(const Principal &who, const QString &id);
    Status setUserPassword(const Principal &who, const QString &id, const QString &username,
                           const QString &password, const CallerInfo &caller);
    Result<Streams> streams(const Principal &who, const QString &id);
    Status setEncoder(const Principal &who, const QString &id, const EncoderChange &change,
                      const CallerInfo &caller);
    Result<Image> image(const Principal &who, const QString &id);
    Status setImage(const Principal &who, const QString &id, const ImageChange &change,
                    const CallerInfo &caller);
    Result<Ptz> ptz(const Principal &who, const QString &id);
    Status movePtz(const Principal &who, const QString &id, const PtzMove &move,
                   const CallerInfo &caller);
    Status saveHome(const Principal &who, const QString &id, const CallerInfo &caller);
    Status applyHome(const Principal &who, const QString &id, const CallerInfo &caller);
    Result<QStringList> presets(const Principal &who, const QString &id);
    Status createPreset(const Principal &who, const QString &id, const QString &name,
                        const CallerInfo &caller);
    Status deletePreset(const Principal &who, const QString &id, const QString &name,
                        const CallerInfo &caller);
    Status applyPreset(const Principal &who, const QString &id, const QString &name,
                       const CallerInfo &caller);

    /** The API error for an ONVIF failure (also used by tests). */
    static Error toError(const onvif::Error &error);

private:
    struct Session;
    Result<std::shared_ptr<Session>> session(const Principal &who, const QString &id);
    /** SetHomePosition (save) or GotoHomePosition, audited. */
    Status homeAction(const Principal &who, const QString &id, const CallerInfo &caller, bool save);
    void audit(const QString &action, const Principal &who, const QString &cameraId,
               const CallerInfo &caller, QJsonObject meta);

    AuditService &m_audit;
    storage::CameraRepository m_cameras;
    int m_timeoutMs;
    QMutex m_mutex;
    QHash<QString, std::shared_ptr<Session>> m_sessions;
};

} // namespace vms::services
