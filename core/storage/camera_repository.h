#pragma once

#include "core/domain/camera.h"
#include "core/domain/result.h"

#include <QList>
#include <QStringList>

#include <optional>

namespace vms::storage {

class Database;

/** Filters of a camera listing; every set filter must hold. Ordered by id. */
struct CameraQuery
{
    std::optional<qint64> organizationId; ///< nullopt: every organization
    std::optional<qint64> placeId;
    std::optional<qint64> groupId; ///< cameras of the places in this group
    std::optional<qint64> planId;
    bool isWithoutPlans = false; ///< only cameras on no plan
    std::optional<QString> nameContains;
    std::optional<QString> id; ///< exactly this camera
    std::optional<QString> afterId;
    int limit = 0;           ///< 0: no limit
    bool withOrigin = false; ///< fill Camera::origin (one JOIN, same statement)
};

/**
 * Cameras and their placement on plans. A page is one statement: the origin comes from a JOIN
 * with places and plans, never from a query per camera.
 */
class CameraRepository
{
public:
    explicit CameraRepository(Database &db)
        : m_db(db)
    {}

    Result<QList<Camera>> list(const CameraQuery &query);

    /** Which revision of a camera a listing holds. */
    struct Revision
    {
        QString id;
        qint64 revision = 0;
    };
    /**
     * The ids and revisions of the rows list() would return (withOrigin is ignored). Every
     * write of a camera row bumps its revision and camera ids are never reused, so (id,
     * revision) names one state of a camera: the API keeps renderings under that key and reads
     * whole rows only for the ones it has not rendered yet.
     */
    Result<QList<Revision>> listRevisions(const CameraQuery &query);
    Result<std::optional<Camera>> find(const QString &id, bool withOrigin = false);
    /** The cameras among `ids` that exist (any organization). */
    Result<QList<Camera>> findMany(const QStringList &ids);
    Status insert(const Camera &camera);
    /** Writes every field but id and created_at, the plan placement included. */
    Status update(const Camera &camera);
    Status remove(const QString &id);

    /** Places the cameras on the plan at (x, y). */
    Status placeOnPlan(const QStringList &ids, qint64 planId, double x, double y, qint64 nowMs);
    /** Takes the cameras off the plan; returns how many were on it. */
    Result<int> removeFromPlan(const QStringList &ids, qint64 planId, qint64 nowMs);
    Status setPosition(const QString &id, double x, double y, qint64 nowMs);
    /** How many cameras the plan holds. */
    Result<qint64> countOnPlan(qint64 planId);

private:
    Database &m_db;
};

} // namespace vms::storage
