#pragma once

#include "core/domain/camera.h"
#include "core/domain/clock.h"
#include "core/domain/plan.h"
#include "core/domain/result.h"
#include "core/services/audit_service.h"
#include "core/services/org_scope.h"
#include "core/storage/camera_repository.h"
#include "core/storage/place_repository.h"
#include "core/storage/plan_repository.h"
#include "core/storage/upload_repository.h"

namespace vms::services {

/** The writable fields of a plan (create and full-replacement update). */
struct PlanInput
{
    QString name;
    qint64 placeId = 0;
    QString imageId;
};

/**
 * Seed 002 §13: plans (floor-plan images of a place) and the cameras positioned on them. A camera
 * is on at most one plan, and only on a plan of its own place.
 */
class PlanService
{
public:
    /** Where a newly placed camera appears: the middle of the plan. */
    static constexpr double kDefaultPosition = 0.5;

    PlanService(storage::Database &db, const Clock &clock, AuditService &audit);

    Result<Page<Plan>> list(const Principal &who, std::optional<qint64> groupId,
                            const PageRequest &page);
    Result<Page<Plan>> search(const Principal &who, const QString &query,
                              std::optional<qint64> groupId, const PageRequest &page);
    Result<Plan> get(const Principal &who, qint64 id);
    /** 400 for an unknown place or an image that is not a "plan" upload of its organization. */
    Result<Plan> create(const Principal &who, const PlanInput &input, const CallerInfo &caller);
    /** As create; moving a plan that holds cameras to another place is a 400. */
    Result<Plan> update(const Principal &who, qint64 id, const PlanInput &input,
                        const CallerInfo &caller);
    /** 400 while cameras are on the plan. */
    Status remove(const Principal &who, qint64 id, const CallerInfo &caller);

    Result<Page<Camera>> cameras(const Principal &who, qint64 planId, const PageRequest &page);
    /**
     * All or nothing: 400 when a camera does not exist (for the caller), is already on this or
     * another plan, or belongs to another place than the plan.
     */
    Status addCameras(const Principal &who, qint64 planId, const QStringList &cameraIds,
                      const CallerInfo &caller);
    /** Cameras that are not on the plan are left alone. */
    Status removeCameras(const Principal &who, qint64 planId, const QStringList &cameraIds,
                         const CallerInfo &caller);
    /** Absent coordinates keep their value. 400 when the camera is not on this plan. */
    Result<Camera> setPosition(const Principal &who, qint64 planId, const QString &cameraId,
                               std::optional<double> x, std::optional<double> y,
                               const CallerInfo &caller);

private:
    /** Checks the place and the image of a plan; gives the organization of the place. */
    Result<qint64> checkInput(const Principal &who, const PlanInput &input);

    storage::Database &m_db;
    const Clock &m_clock;
    AuditService &m_audit;
    storage::PlanRepository m_plans;
    storage::PlaceRepository m_places;
    storage::CameraRepository m_cameras;
    storage::UploadRepository m_uploads;
};

} // namespace vms::services
