#pragma once

#include "core/domain/camera.h"
#include "core/domain/clock.h"
#include "core/domain/place.h"
#include "core/domain/plan.h"
#include "core/domain/result.h"
#include "core/services/audit_service.h"
#include "core/services/org_scope.h"
#include "core/storage/camera_repository.h"
#include "core/storage/place_repository.h"
#include "core/storage/plan_repository.h"

namespace vms::services {

/** The writable fields of a place (create and full-replacement update). */
struct PlaceInput
{
    QString name;
    std::optional<QString> description;
    std::optional<double> latitude;
    std::optional<double> longitude;
};

/** "Within radiusMeters of (latitude, longitude)", by great-circle distance. */
struct GeoFilter
{
    double latitude = 0;
    double longitude = 0;
    qint64 radiusMeters = 0;
};

struct PlaceListParams
{
    std::optional<GeoFilter> geo;
    bool isWithoutGroups = false;
    std::optional<qint64> groupId;
};

/** Seed 002 §12: places of an organization, with their plans and cameras. */
class PlaceService
{
public:
    PlaceService(storage::Database &db, const Clock &clock, AuditService &audit);

    /** Great-circle distance in metres on a spherical Earth (haversine, mean radius). */
    static double distanceMeters(double lat1, double lon1, double lat2, double lon2);

    /** Every matching place (the seed gives this list no paging parameters). */
    Result<QList<Place>> list(const Principal &who, const PlaceListParams &params);
    Result<Page<Place>> search(const Principal &who, const QString &query, bool isWithoutGroups,
                               const PageRequest &page);
    Result<Place> get(const Principal &who, qint64 id);
    Result<Place> create(const Principal &who, const PlaceInput &input, const CallerInfo &caller);
    Result<Place> update(const Principal &who, qint64 id, const PlaceInput &input,
                         const CallerInfo &caller);
    /** 400 when the place still has plans or cameras. */
    Status remove(const Principal &who, qint64 id, const CallerInfo &caller);
    Result<Page<Plan>> plans(const Principal &who, qint64 placeId, const PageRequest &page);
    Result<Page<Camera>> cameras(const Principal &who, qint64 placeId, bool isWithoutPlans,
                                 const PageRequest &page);

private:
    const Clock &m_clock;
    AuditService &m_audit;
    storage::PlaceRepository m_places;
    storage::PlanRepository m_plans;
    storage::CameraRepository m_cameras;
};

} // namespace vms::services
