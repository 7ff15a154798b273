#pragma once

#include "core/domain/camera.h"
#include "core/domain/clock.h"
#include "core/domain/result.h"
#include "core/services/audit_service.h"
#include "core/services/org_scope.h"
#include "core/storage/camera_repository.h"
#include "core/storage/place_repository.h"

namespace vms::services {

/** The writable fields of a camera (create and full-replacement update). */
struct CameraInput
{
    QString name;
    QJsonObject source;
    std::optional<QJsonObject> videoAnalytics;
    std::optional<QJsonObject> videoStorage;
    std::optional<QJsonObject> videoStreaming;
    std::optional<QJsonObject> ptz;
    qint64 placeId = 0;
    std::optional<QString> onvifHost;
    std::optional<int> onvifPort;
    std::optional<QString> onvifLogin;
    std::optional<QString> onvifPassword;
    std::optional<QString> schedulerGroup;
    std::optional<QStringList> schedulerTags;
};

struct CameraListParams
{
    std::optional<qint64> placeId;
    std::optional<qint64> groupId;
    bool withOrigin = false;
};

/** Seed 002 §2: cameras of a place. */
class CameraService
{
public:
    CameraService(storage::Database &db, const Clock &clock, AuditService &audit);

    /** An unknown (or invisible) place or group filter is a 404. */
    Result<Page<Camera>> list(const Principal &who, const CameraListParams &params,
                              const PageRequest &page);
    /** The ids and revisions of the page list() would return (for cached renderings). */
    Result<Page<storage::CameraRepository::Revision>>
    listRevisions(const Principal &who, const CameraListParams &params, const PageRequest &page);
    /**
     * The cameras among `ids` that the caller can see (without origin), in no particular
     * order. For filling in a page that listRevisions() returned.
     */
    Result<QList<Camera>> getMany(const Principal &who, const QStringList &ids);
    /** A UUID query finds exactly that camera; anything else is a case-insensitive name match. */
    Result<Page<Camera>> search(const Principal &who, const QString &query,
                                std::optional<qint64> groupId, bool withOrigin,
                                const PageRequest &page);
    Result<Camera> get(const Principal &who, const QString &id, bool withOrigin);
    /** 400 when the place does not exist for the caller. */
    Result<Camera> create(const Principal &who, const CameraInput &input, bool withOrigin,
                          const CallerInfo &caller);
    /**
     * Full replacement. A camera moved to another place leaves the plan of its old place. An
     * absent onvif_password keeps the stored one while onvif_login stays the same (responses
     * never carry the password, so a client cannot send it back).
     */
    Result<Camera> update(const Principal &who, const QString &id, const CameraInput &input,
                          bool withOrigin, const CallerInfo &caller);
    /** Takes the camera off its plan, then deletes it. */
    Status remove(const Principal &who, const QString &id, const CallerInfo &caller);

private:
    Result<storage::CameraQuery> listQuery(const Principal &who, const CameraListParams &params,
                                           const PageRequest &page);
    Result<qint64> placeOrganization(const Principal &who, qint64 placeId);

    storage::Database &m_db;
    const Clock &m_clock;
    AuditService &m_audit;
    storage::CameraRepository m_cameras;
    storage::PlaceRepository m_places;
};

} // namespace vms::services
