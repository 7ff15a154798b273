#include "core/services/camera_service.h"

#include "core/services/audit_changes.h"
#include "core/storage/database.h"

#include <QJsonArray>
#include <QUuid>

namespace vms::services {

namespace {

storage::PageCursor cameraCursor(const Camera &c)
{
    return {0, c.id};
}

QJsonObject cameraMeta(const Camera &c)
{
    return {{QStringLiteral("camera_id"), c.id},
            {QStringLiteral("name"), c.name},
            {QStringLiteral("place_id"), c.placeId}};
}

QJsonValue jsonOrNull(const std::optional<QJsonObject> &o)
{
    return o ? QJsonValue(*o) : QJsonValue(QJsonValue::Null);
}

QJsonValue jsonOrNull(const std::optional<QStringList> &list)
{
    return list ? QJsonValue(QJsonArray::fromStringList(*list)) : QJsonValue(QJsonValue::Null);
}

void apply(Camera &c, const CameraInput &in)
{
    c.name = in.name;
    c.source = in.source;
    c.videoAnalytics = in.videoAnalytics;
    c.videoStorage = in.videoStorage;
    c.videoStreaming = in.videoStreaming;
    c.ptz = in.ptz;
    c.placeId = in.placeId;
    c.onvifHost = in.onvifHost;
    c.onvifPort = in.onvifPort;
    c.onvifLogin = in.onvifLogin;
    c.onvifPassword = in.onvifPassword;
    c.schedulerGroup = in.schedulerGroup;
    c.schedulerTags = in.schedulerTags;
}

} // namespace

CameraService::CameraService(storage::Database &db, const Clock &clock, AuditService &audit)
    : m_db(db)
    , m_clock(clock)
    , m_audit(audit)
    , m_cameras(db)
    , m_places(db)
{}

Result<qint64> CameraService::placeOrganization(const Principal &who, qint64 placeId)
{
    auto place = m_places.find(placeId);
    if (!place)
        return place.error();
    if (!*place || !isVisibleTo(who, (*place)->organizationId))
        return Error::invalid(QStringLiteral("Place %1 not found").arg(placeId));
    return (*place)->organizationId;
}

Result<storage::CameraQuery> CameraService::listQuery(const Principal &who,
                                                      const CameraListParams &params,
                                                      const PageRequest &page)
{
    if (params.placeId) {
        auto place = m_places.find(*params.placeId);
        if (!place)
            return place.error();
        if (!*place || !isVisibleTo(who, (*place)->organizationId))
            return Error::notFound(QStringLiteral("Place not found"));
    }
    if (params.groupId) {
        auto org = m_places.groupOrganization(*params.groupId);
        if (!org)
            return org.error();
        if (!*org || !isVisibleTo(who, **org))
            return Error::notFound(QStringLiteral("Group not found"));
    }
    storage::CameraQuery q;
    q.organizationId = orgScope(who);
    q.placeId = params.placeId;
    q.groupId = params.groupId;
    q.withOrigin = params.withOrigin;
    if (page.after)
        q.afterId = page.after->id;
    q.limit = page.limit + 1;
    return q;
}

Result<Page<Camera>> CameraService::list(const Principal &who, const CameraListParams &params,
                                         const PageRequest &page)
{
    auto q = listQuery(who, params, page);
    if (!q)
        return q.error();
    auto rows = m_cameras.list(*q);
    if (!rows)
        return rows.error();
    return toPage(std::move(*rows), page.limit, cameraCursor);
}

Result<Page<storage::CameraRepository::Revision>>
CameraService::listRevisions(const Principal &who, const CameraListParams &params,
                             const PageRequest &page)
{
    auto q = listQuery(who, params, page);
    if (!q)
        return q.error();
    auto rows = m_cameras.listRevisions(*q);
    if (!rows)
        return rows.error();
    return toPage(std::move(*rows), page.limit, [](const storage::CameraRepository::Revision &c) {
        return storage::PageCursor{0, c.id};
    });
}

Result<QList<Camera>> CameraService::getMany(const Principal &who, const QStringList &ids)
{
    auto found = m_cameras.findMany(ids);
    if (!found)
        return found.error();
    const std::optional<qint64> scope = orgScope(who);
    if (scope) {
        found->removeIf([&](const Camera &c) { return c.organizationId != *scope; });
    }
    return found;
}

Result<Page<Camera>> CameraService::search(const Principal &who, const QString &query,
                                           std::optional<qint64> groupId, bool withOrigin,
                                           const PageRequest &page)
{
    storage::CameraQuery q;
    q.organizationId = orgScope(who);
    q.groupId = groupId;
    q.withOrigin = withOrigin;
    const QString trimmed = query.trimmed();
    const QUuid uuid = QUuid::fromString(trimmed);
    if (!uuid.isNull() && trimmed.size() >= 36)
        q.id = uuid.toString(QUuid::WithoutBraces);
    else
        q.nameContains = query;
    if (page.after)
        q.afterId = page.after->id;
    q.limit = page.limit + 1;
    auto rows = m_cameras.list(q);
    if (!rows)
        return rows.error();
    return toPage(std::move(*rows), page.limit, cameraCursor);
}

Result<Camera> CameraService::get(const Principal &who, const QString &id, bool withOrigin)
{
    auto camera = m_cameras.find(id, withOrigin);
    if (!camera)
        return camera.error();
    if (!*camera || !isVisibleTo(who, (*camera)->organizationId))
        return Error::notFound(QStringLiteral("Camera not found"));
    return **camera;
}

Result<Camera> CameraService::create(const Principal &who, const CameraInput &input,
                                     bool withOrigin, const CallerInfo &caller)
{
    auto org = placeOrganization(who, input.placeId);
    if (!org)
        return org.error();
    Camera c;
    c.id = QUuid::createUuid().toString(QUuid::WithoutBraces);
    c.organizationId = *org;
    apply(c, input);
    c.createdAtMs = c.updatedAtMs = m_clock.nowMs();
    if (Status s = m_cameras.insert(c); !s)
        return s.error();
    QJsonObject meta = cameraMeta(c);
    meta.insert(QStringLiteral("source_url"), c.source.value(QStringLiteral("url")));
    m_audit.record(QStringLiteral("camera_create"), who.user, caller, meta);
    return get(who, c.id, withOrigin);
}

Result<Camera> CameraService::update(const Principal &who, const QString &id,
                                     const CameraInput &input, bool withOrigin,
                                     const CallerInfo &caller)
{
    auto old = get(who, id, false);
    if (!old)
        return old;
    auto org = placeOrganization(who, input.placeId);
    if (!org)
        return org.error();
    Camera c = *old;
    apply(c, input);
    if (!input.onvifPassword && input.onvifLogin == old->onvifLogin)
        c.onvifPassword = old->onvifPassword;
    c.organizationId = *org;
    const bool leavesPlan = old->planId && input.placeId != old->placeId;
    if (leavesPlan) {
        // A plan shows only cameras of its own place.
        c.planId.reset();
        c.planX.reset();
        c.planY.reset();
    }
    c.updatedAtMs = m_clock.nowMs();
    if (Status s = m_cameras.update(c); !s)
        return s.error();

    QJsonObject changes;
    noteChange(changes, QStringLiteral("name"), old->name, c.name);
    noteChange(changes, QStringLiteral("source"), old->source, c.source);
    noteChange(changes, QStringLiteral("video_analytics"), jsonOrNull(old->videoAnalytics),
               jsonOrNull(c.videoAnalytics));
    noteChange(changes, QStringLiteral("video_storage"), jsonOrNull(old->videoStorage),
               jsonOrNull(c.videoStorage));
    noteChange(changes, QStringLiteral("video_streaming"), jsonOrNull(old->videoStreaming),
               jsonOrNull(c.videoStreaming));
    noteChange(changes, QStringLiteral("ptz"), jsonOrNull(old->ptz), jsonOrNull(c.ptz));
    noteChange(changes, QStringLiteral("place_id"), old->placeId, c.placeId);
    noteChange(changes, QStringLiteral("onvif_host"), services::jsonOrNull(old->onvifHost),
               services::jsonOrNull(c.onvifHost));
    noteChange(changes, QStringLiteral("onvif_port"), services::jsonOrNull(old->onvifPort),
               services::jsonOrNull(c.onvifPort));
    noteChange(changes, QStringLiteral("onvif_login"), services::jsonOrNull(old->onvifLogin),
               services::jsonOrNull(c.onvifLogin));
    if (old->onvifPassword != c.onvifPassword)
        changes.insert(QStringLiteral("onvif_password"), QStringLiteral("changed"));
    noteChange(changes, QStringLiteral("scheduler_group"),
               services::jsonOrNull(old->schedulerGroup), services::jsonOrNull(c.schedulerGroup));
    noteChange(changes, QStringLiteral("scheduler_tags"), jsonOrNull(old->schedulerTags),
               jsonOrNull(c.schedulerTags));
    QJsonObject meta = cameraMeta(c);
    meta.insert(QStringLiteral("changes"), changes);
    if (leavesPlan)
        meta.insert(QStringLiteral("removed_from_plan_id"), *old->planId);
    m_audit.record(QStringLiteral("camera_update"), who.user, caller, meta);
    return get(who, id, withOrigin);
}

Status CameraService::remove(const Principal &who, const QString &id, const CallerInfo &caller)
{
    auto camera = get(who, id, false);
    if (!camera)
        return camera.error();
    // Detach, then delete, atomically: the plan never lists a camera that is gone.
    Status s = m_db.transaction([&]() -> Status {
        if (camera->planId) {
            auto detached
                    = m_cameras.removeFromPlan({camera->id}, *camera->planId, m_clock.nowMs());
            if (!detached)
                return detached.error();
        }
        return m_cameras.remove(camera->id);
    });
    if (!s)
        return s;
    QJsonObject meta = cameraMeta(*camera);
    if (camera->planId)
        meta.insert(QStringLiteral("removed_from_plan_id"), *camera->planId);
    m_audit.record(QStringLiteral("camera_delete"), who.user, caller, meta);
    return Ok{};
}

} // namespace vms::services
