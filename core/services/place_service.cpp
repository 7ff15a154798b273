#include "core/services/place_service.h"

#include "core/services/audit_changes.h"

#include <QJsonArray>

#include <cmath>
#include <numbers>

namespace vms::services {

namespace {

constexpr double kEarthRadiusMeters = 6371008.8; // IUGG mean radius

storage::PageCursor intCursor(qint64 id)
{
    return {id, QString::number(id)};
}

QJsonObject placeMeta(const Place &p)
{
    return {{QStringLiteral("place_id"), p.id},
            {QStringLiteral("name"), p.name},
            {QStringLiteral("organization_id"), p.organizationId}};
}

} // namespace

PlaceService::PlaceService(storage::Database &db, const Clock &clock, AuditService &audit)
    : m_clock(clock)
    , m_audit(audit)
    , m_places(db)
    , m_plans(db)
    , m_cameras(db)
{}

double PlaceService::distanceMeters(double lat1, double lon1, double lat2, double lon2)
{
    constexpr double kRad = std::numbers::pi / 180.0;
    const double dLat = (lat2 - lat1) * kRad;
    const double dLon = (lon2 - lon1) * kRad;
    const double a = std::sin(dLat / 2) * std::sin(dLat / 2)
                     + std::cos(lat1 * kRad) * std::cos(lat2 * kRad) * std::sin(dLon / 2)
                               * std::sin(dLon / 2);
    return 2 * kEarthRadiusMeters * std::asin(std::min(1.0, std::sqrt(a)));
}

Result<QList<Place>> PlaceService::list(const Principal &who, const PlaceListParams &params)
{
    storage::PlaceQuery q;
    q.organizationId = orgScope(who);
    q.groupId = params.groupId;
    q.isWithoutGroups = params.isWithoutGroups;
    if (params.geo) {
        // SQL narrows the candidates to a latitude band (portable: SQLite has no trigonometry);
        // the exact great-circle test runs here.
        const double band
                = double(params.geo->radiusMeters) / kEarthRadiusMeters * 180.0 / std::numbers::pi;
        q.minLatitude = params.geo->latitude - band;
        q.maxLatitude = params.geo->latitude + band;
    }
    auto places = m_places.list(q);
    if (!places || !params.geo)
        return places;
    QList<Place> out;
    for (const Place &p : std::as_const(*places)) {
        if (distanceMeters(params.geo->latitude, params.geo->longitude, *p.latitude, *p.longitude)
            <= double(params.geo->radiusMeters))
            out.append(p);
    }
    return out;
}

Result<Page<Place>> PlaceService::search(const Principal &who, const QString &query,
                                         bool isWithoutGroups, const PageRequest &page)
{
    storage::PlaceQuery q;
    q.organizationId = orgScope(who);
    q.isWithoutGroups = isWithoutGroups;
    q.nameContains = query;
    if (page.after)
        q.afterId = page.after->key;
    q.limit = page.limit + 1;
    auto rows = m_places.list(q);
    if (!rows)
        return rows.error();
    return toPage(std::move(*rows), page.limit, [](const Place &p) { return intCursor(p.id); });
}

Result<Place> PlaceService::get(const Principal &who, qint64 id)
{
    auto place = m_places.find(id);
    if (!place)
        return place.error();
    if (!*place || !isVisibleTo(who, (*place)->organizationId))
        return Error::notFound(QStringLiteral("Place not found"));
    return **place;
}

Result<Place> PlaceService::create(const Principal &who, const PlaceInput &input,
                                   const CallerInfo &caller)
{
    Place p;
    p.organizationId = who.user.organizationId;
    p.name = input.name;
    p.description = input.description;
    p.latitude = input.latitude;
    p.longitude = input.longitude;
    p.createdAtMs = p.updatedAtMs = m_clock.nowMs();
    auto id = m_places.insert(p);
    if (!id)
        return id.error();
    auto created = get(who, *id);
    if (!created)
        return created;
    QJsonObject meta = placeMeta(*created);
    meta.insert(QStringLiteral("description"), jsonOrNull(created->description));
    meta.insert(QStringLiteral("latitude"), jsonOrNull(created->latitude));
    meta.insert(QStringLiteral("longitude"), jsonOrNull(created->longitude));
    m_audit.record(QStringLiteral("place_create"), who.user, caller, meta);
    return created;
}

Result<Place> PlaceService::update(const Principal &who, qint64 id, const PlaceInput &input,
                                   const CallerInfo &caller)
{
    auto old = get(who, id);
    if (!old)
        return old;
    Place p = *old;
    p.name = input.name;
    p.description = input.description;
    p.latitude = input.latitude;
    p.longitude = input.longitude;
    p.updatedAtMs = m_clock.nowMs();
    if (Status s = m_places.update(p); !s)
        return s.error();
    auto updated = get(who, id);
    if (!updated)
        return updated;
    QJsonObject changes;
    noteChange(changes, QStringLiteral("name"), old->name, updated->name);
    noteChange(changes, QStringLiteral("description"), jsonOrNull(old->description),
               jsonOrNull(updated->description));
    noteChange(changes, QStringLiteral("latitude"), jsonOrNull(old->latitude),
               jsonOrNull(updated->latitude));
    noteChange(changes, QStringLiteral("longitude"), jsonOrNull(old->longitude),
               jsonOrNull(updated->longitude));
    QJsonObject meta = placeMeta(*updated);
    meta.insert(QStringLiteral("changes"), changes);
    m_audit.record(QStringLiteral("place_update"), who.user, caller, meta);
    return updated;
}

Status PlaceService::remove(const Principal &who, qint64 id, const CallerInfo &caller)
{
    auto place = get(who, id);
    if (!place)
        return place.error();
    if (place->planCount > 0)
        return Error::invalid(QStringLiteral("Place has plans"));
    if (place->cameraCount > 0)
        return Error::invalid(QStringLiteral("Place has cameras"));
    auto deleted = m_places.removeIfEmpty(id);
    if (!deleted)
        return deleted.error();
    if (!*deleted) {
        // Something changed since the read: a plan or camera arrived, or the place went away.
        auto again = get(who, id);
        if (!again)
            return again.error();
        return Error::invalid(again->planCount > 0 ? QStringLiteral("Place has plans")
                                                   : QStringLiteral("Place has cameras"));
    }
    m_audit.record(QStringLiteral("place_delete"), who.user, caller, placeMeta(*place));
    return Ok{};
}

Result<Page<Plan>> PlaceService::plans(const Principal &who, qint64 placeId,
                                       const PageRequest &page)
{
    auto place = get(who, placeId);
    if (!place)
        return place.error();
    storage::PlanQuery q;
    q.placeId = placeId;
    if (page.after)
        q.afterId = page.after->key;
    q.limit = page.limit + 1;
    auto rows = m_plans.list(q);
    if (!rows)
        return rows.error();
    return toPage(std::move(*rows), page.limit, [](const Plan &p) { return intCursor(p.id); });
}

Result<Page<Camera>> PlaceService::cameras(const Principal &who, qint64 placeId,
                                           bool isWithoutPlans, const PageRequest &page)
{
    auto place = get(who, placeId);
    if (!place)
        return place.error();
    storage::CameraQuery q;
    q.placeId = placeId;
    q.isWithoutPlans = isWithoutPlans;
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

} // namespace vms::services
