#include "core/services/plan_service.h"

#include "core/services/audit_changes.h"
#include "core/storage/database.h"

#include <QJsonArray>
#include <QSet>

namespace vms::services {

namespace {

storage::PageCursor intCursor(qint64 id)
{
    return {id, QString::number(id)};
}

QJsonObject planMeta(const Plan &p)
{
    return {{QStringLiteral("plan_id"), p.id},
            {QStringLiteral("name"), p.name},
            {QStringLiteral("place_id"), p.placeId},
            {QStringLiteral("image_id"), p.imageId}};
}

QStringList unique(const QStringList &ids)
{
    QStringList out;
    QSet<QString> seen;
    for (const QString &id : ids) {
        const QString key = id.toLower();
        if (!seen.contains(key)) {
            seen.insert(key);
            out.append(key);
        }
    }
    return out;
}

} // namespace

PlanService::PlanService(storage::Database &db, const Clock &clock, AuditService &audit)
    : m_db(db)
    , m_clock(clock)
    , m_audit(audit)
    , m_plans(db)
    , m_places(db)
    , m_cameras(db)
    , m_uploads(db)
{}

Result<Page<Plan>> PlanService::list(const Principal &who, std::optional<qint64> groupId,
                                     const PageRequest &page)
{
    storage::PlanQuery q;
    q.organizationId = orgScope(who);
    q.groupId = groupId;
    if (page.after)
        q.afterId = page.after->key;
    q.limit = page.limit + 1;
    auto rows = m_plans.list(q);
    if (!rows)
        return rows.error();
    return toPage(std::move(*rows), page.limit, [](const Plan &p) { return intCursor(p.id); });
}

Result<Page<Plan>> PlanService::search(const Principal &who, const QString &query,
                                       std::optional<qint64> groupId, const PageRequest &page)
{
    storage::PlanQuery q;
    q.organizationId = orgScope(who);
    q.groupId = groupId;
    q.nameContains = query;
    if (page.after)
        q.afterId = page.after->key;
    q.limit = page.limit + 1;
    auto rows = m_plans.list(q);
    if (!rows)
        return rows.error();
    return toPage(std::move(*rows), page.limit, [](const Plan &p) { return intCursor(p.id); });
}

Result<Plan> PlanService::get(const Principal &who, qint64 id)
{
    auto plan = m_plans.find(id);
    if (!plan)
        return plan.error();
    if (!*plan || !isVisibleTo(who, (*plan)->organizationId))
        return Error::notFound(QStringLiteral("Plan not found"));
    return **plan;
}

Result<qint64> PlanService::checkInput(const Principal &who, const PlanInput &input)
{
    auto place = m_places.find(input.placeId);
    if (!place)
        return place.error();
    if (!*place || !isVisibleTo(who, (*place)->organizationId))
        return Error::invalid(QStringLiteral("Place %1 not found").arg(input.placeId));
    const qint64 org = (*place)->organizationId;
    auto image = m_uploads.find(input.imageId.toLower());
    if (!image)
        return image.error();
    if (!*image || (*image)->organizationId != org)
        return Error::invalid(QStringLiteral("Image upload %1 not found").arg(input.imageId));
    if ((*image)->kind != QLatin1String("plan"))
        return Error::invalid(QStringLiteral("Image upload %1 is of kind '%2'; a plan image must "
                                             "be uploaded with kind 'plan'")
                                      .arg(input.imageId, (*image)->kind));
    return org;
}

Result<Plan> PlanService::create(const Principal &who, const PlanInput &input,
                                 const CallerInfo &caller)
{
    auto org = checkInput(who, input);
    if (!org)
        return org.error();
    Plan p;
    p.organizationId = *org;
    p.placeId = input.placeId;
    p.imageId = input.imageId.toLower();
    p.name = input.name;
    p.createdAtMs = p.updatedAtMs = m_clock.nowMs();
    auto id = m_plans.insert(p);
    if (!id)
        return id.error();
    p.id = *id;
    m_audit.record(QStringLiteral("plan_create"), who.user, caller, planMeta(p));
    return p;
}

Result<Plan> PlanService::update(const Principal &who, qint64 id, const PlanInput &input,
                                 const CallerInfo &caller)
{
    auto old = get(who, id);
    if (!old)
        return old;
    auto org = checkInput(who, input);
    if (!org)
        return org.error();
    if (input.placeId != old->placeId) {
        auto onPlan = m_cameras.countOnPlan(id);
        if (!onPlan)
            return onPlan.error();
        if (*onPlan > 0)
            return Error::invalid(QStringLiteral("Plan has cameras of its place; remove them "
                                                 "before moving the plan to another place"));
    }
    Plan p = *old;
    p.organizationId = *org;
    p.placeId = input.placeId;
    p.imageId = input.imageId.toLower();
    p.name = input.name;
    p.updatedAtMs = m_clock.nowMs();
    if (Status s = m_plans.update(p); !s)
        return s.error();
    QJsonObject changes;
    noteChange(changes, QStringLiteral("name"), old->name, p.name);
    noteChange(changes, QStringLiteral("place_id"), old->placeId, p.placeId);
    noteChange(changes, QStringLiteral("image_id"), old->imageId, p.imageId);
    QJsonObject meta = planMeta(p);
    meta.insert(QStringLiteral("changes"), changes);
    m_audit.record(QStringLiteral("plan_update"), who.user, caller, meta);
    return p;
}

Status PlanService::remove(const Principal &who, qint64 id, const CallerInfo &caller)
{
    auto plan = get(who, id);
    if (!plan)
        return plan.error();
    auto deleted = m_plans.removeIfEmpty(id);
    if (!deleted)
        return deleted.error();
    if (!*deleted) {
        auto again = m_plans.find(id);
        if (!again)
            return again.error();
        if (!*again)
            return Error::notFound(QStringLiteral("Plan not found"));
        return Error::invalid(QStringLiteral("Plan has cameras"));
    }
    m_audit.record(QStringLiteral("plan_delete"), who.user, caller, planMeta(*plan));
    return Ok{};
}

Result<Page<Camera>> PlanService::cameras(const Principal &who, qint64 planId,
                                          const PageRequest &page)
{
    auto plan = get(who, planId);
    if (!plan)
        return plan.error();
    storage::CameraQuery q;
    q.planId = planId;
    if (page.after)
        q.afterId = page.after->id;
    q.limit = page.limit + 1;
    auto rows = m_cameras.list(q);
    if (!rows)
        return rows.error();
    return toPage(std::move(*rows), page.limit, [](const Camera &c) {
        return storage::PageCursor{0, c.id};
    });
}

Status PlanService::addCameras(const Principal &who, qint64 planId, const QStringList &cameraIds,
                               const CallerInfo &caller)
{
    auto plan = get(who, planId);
    if (!plan)
        return plan.error();
    const QStringList ids = unique(cameraIds);
    if (ids.isEmpty())
        return Ok{};
    // The checks and the update share a transaction: either every camera lands on the plan or
    // none does, and no concurrent request can place one of them elsewhere in between.
    Status s = m_db.transaction([&]() -> Status {
        auto found = m_cameras.findMany(ids);
        if (!found)
            return found.error();
        QHash<QString, Camera> byId;
        for (const Camera &c : std::as_const(*found)) {
            if (isVisibleTo(who, c.organizationId))
                byId.insert(c.id, c);
        }
        for (const QString &id : ids) {
            const auto it = byId.constFind(id);
            if (it == byId.constEnd())
                return Error::invalid(QStringLiteral("Camera %1 not found").arg(id));
            if (it->planId == planId)
                return Error::invalid(QStringLiteral("Camera %1 is already on this plan").arg(id));
            if (it->planId)
                return Error::invalid(
                        QStringLiteral("Camera %1 is already on plan %2").arg(id).arg(*it->planId));
            if (it->placeId != plan->placeId)
                return Error::invalid(
                        QStringLiteral("Camera %1 belongs to another place than the plan").arg(id));
        }
        return m_cameras.placeOnPlan(ids, planId, kDefaultPosition, kDefaultPosition,
                                     m_clock.nowMs());
    });
    if (!s)
        return s;
    m_audit.record(QStringLiteral("plan_camera_create"), who.user, caller,
                   {{QStringLiteral("plan_id"), planId},
                    {QStringLiteral("camera_ids"), QJsonArray::fromStringList(ids)},
                    {QStringLiteral("x"), kDefaultPosition},
                    {QStringLiteral("y"), kDefaultPosition}});
    return Ok{};
}

Status PlanService::removeCameras(const Principal &who, qint64 planId, const QStringList &cameraIds,
                                  const CallerInfo &caller)
{
    auto plan = get(who, planId);
    if (!plan)
        return plan.error();
    const QStringList ids = unique(cameraIds);
    QStringList removed;
    Status s = m_db.transaction([&]() -> Status {
        auto found = m_cameras.findMany(ids);
        if (!found)
            return found.error();
        for (const Camera &c : std::as_const(*found)) {
            if (c.planId == planId)
                removed.append(c.id);
        }
        auto count = m_cameras.removeFromPlan(removed, planId, m_clock.nowMs());
        if (!count)
            return count.error();
        return Ok{};
    });
    if (!s)
        return s;
    if (!removed.isEmpty()) {
        m_audit.record(QStringLiteral("plan_camera_delete"), who.user, caller,
                       {{QStringLiteral("plan_id"), planId},
                        {QStringLiteral("camera_ids"), QJsonArray::fromStringList(removed)}});
    }
    return Ok{};
}

Result<Camera> PlanService::setPosition(const Principal &who, qint64 planId,
                                        const QString &cameraId, std::optional<double> x,
                                        std::optional<double> y, const CallerInfo &caller)
{
    auto plan = get(who, planId);
    if (!plan)
        return plan.error();
    auto camera = m_cameras.find(cameraId);
    if (!camera)
        return camera.error();
    if (!*camera || !isVisibleTo(who, (*camera)->organizationId))
        return Error::notFound(QStringLiteral("Camera not found"));
    Camera c = **camera;
    if (c.planId != planId)
        return Error::invalid(QStringLiteral("Camera is not on this plan"));
    const double oldX = c.planX.value_or(kDefaultPosition);
    const double oldY = c.planY.value_or(kDefaultPosition);
    c.planX = x.value_or(oldX);
    c.planY = y.value_or(oldY);
    if (Status s = m_cameras.setPosition(c.id, *c.planX, *c.planY, m_clock.nowMs()); !s)
        return s.error();
    QJsonObject changes;
    noteChange(changes, QStringLiteral("x"), oldX, *c.planX);
    noteChange(changes, QStringLiteral("y"), oldY, *c.planY);
    m_audit.record(QStringLiteral("plan_camera_update"), who.user, caller,
                   {{QStringLiteral("plan_id"), planId},
                    {QStringLiteral("camera_id"), c.id},
                    {QStringLiteral("changes"), changes}});
    return c;
}

} // namespace vms::services
