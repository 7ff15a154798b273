#include "core/services/group_service.h"

#include "core/storage/database.h"

#include <QJsonArray>
#include <QSet>

namespace vms::services {

namespace {

Error nameTaken()
{
    return Error::invalid(QStringLiteral("Group with this name already exists"));
}

/** The ids once each, in the order given. */
QList<qint64> distinct(const QList<qint64> &ids)
{
    QList<qint64> out;
    QSet<qint64> seen;
    for (qint64 id : ids) {
        if (!seen.contains(id)) {
            seen.insert(id);
            out.append(id);
        }
    }
    return out;
}

QJsonArray idsJson(const QList<qint64> &ids)
{
    QJsonArray out;
    for (qint64 id : ids)
        out.append(id);
    return out;
}

} // namespace

GroupService::GroupService(storage::Database &db, const Clock &clock, AuditService &audit)
    : m_db(db)
    , m_clock(clock)
    , m_audit(audit)
    , m_groups(db)
    , m_orgs(db)
    , m_users(db)
    , m_places(db)
{}

Result<storage::Page<Group>> GroupService::list(const Principal &who,
                                                std::optional<qint64> organizationId,
                                                const std::optional<QString> &nameContains,
                                                const storage::PageRequest &page)
{
    storage::GroupQuery q;
    if (!who.user.isSuperuser) {
        // Another organization's groups are invisible: asking for them finds nothing.
        if (organizationId && *organizationId != who.user.organizationId)
            return storage::Page<Group>{};
        organizationId = who.user.organizationId;
    }
    q.organizationId = organizationId;
    q.nameContains = nameContains;
    q.page = page;
    return m_groups.list(q);
}

Result<Group> GroupService::get(const Principal &who, qint64 id)
{
    auto group = m_groups.findById(id);
    if (!group)
        return group.error();
    if (!*group || (!who.user.isSuperuser && (*group)->organizationId != who.user.organizationId))
        return Error::notFound(QStringLiteral("Group not found"));
    return **group;
}

Result<GroupFields> GroupService::checked(const GroupFields &fields)
{
    GroupFields out{fields.name.trimmed(), fields.description};
    if (out.name.isEmpty()) {
        return Error::validation({QStringLiteral("body"), QStringLiteral("name")},
                                 QStringLiteral("ensure this value has at least 1 characters"),
                                 QStringLiteral("value_error.any_str.min_length"));
    }
    return out;
}

Result<Group> GroupService::create(const Principal &who, std::optional<qint64> organizationId,
                                   const GroupFields &fields, const CallerInfo &caller)
{
    auto f = checked(fields);
    if (!f)
        return f.error();
    qint64 orgId = who.user.organizationId;
    if (organizationId) {
        if (!who.user.isSuperuser)
            return Error::invalid(QStringLiteral("Only a superuser can set the organization"));
        auto org = m_orgs.findById(*organizationId);
        if (!org)
            return org.error();
        if (!*org)
            return Error::invalid(QStringLiteral("Organization not found"));
        orgId = *organizationId;
    }
    auto id = m_groups.create(orgId, f->name, f->description, false, m_clock.nowMs());
    if (!id)
        return id.error().kind == ErrorKind::Conflict ? nameTaken() : id.error();
    auto group = get(who, *id);
    if (group) {
        m_audit.record(QStringLiteral("group_create"), who.user, caller,
                       {{QStringLiteral("group_id"), group->id},
                        {QStringLiteral("name"), group->name},
                        {QStringLiteral("organization_id"), group->organizationId}});
    }
    return group;
}

Result<Group> GroupService::update(const Principal &who, qint64 id, const GroupFields &fields,
                                   const CallerInfo &caller)
{
    auto before = get(who, id);
    if (!before)
        return before;
    auto f = checked(fields);
    if (!f)
        return f.error();
    if (Status s = m_groups.update(id, f->name, f->description, m_clock.nowMs()); !s)
        return s.error().kind == ErrorKind::Conflict ? nameTaken() : s.error();
    auto after = get(who, id);
    if (!after)
        return after;
    QJsonObject changes;
    if (before->name != after->name)
        changes.insert(QStringLiteral("name"), QJsonObject{{QStringLiteral("old"), before->name},
                                                           {QStringLiteral("new"), after->name}});
    if (before->description != after->description)
        changes.insert(QStringLiteral("description"),
                       QJsonObject{{QStringLiteral("old"), before->description},
                                   {QStringLiteral("new"), after->description}});
    m_audit.record(QStringLiteral("group_update"), who.user, caller,
                   {{QStringLiteral("group_id"), id}, {QStringLiteral("changes"), changes}});
    return after;
}

Status GroupService::remove(const Principal &who, qint64 id, const CallerInfo &caller)
{
    auto group = get(who, id);
    if (!group)
        return group.error();
    if (group->userCount > 0)
        return Error::invalid(QStringLiteral("Group has users"));
    if (Status s = m_groups.remove(id, m_clock.nowMs()); !s) {
        // A member added since the check above.
        if (s.error().kind == ErrorKind::Conflict)
            return Error::invalid(QStringLiteral("Group has users"));
        return s;
    }
    m_audit.record(QStringLiteral("group_delete"), who.user, caller,
                   {{QStringLiteral("group_id"), id},
                    {QStringLiteral("name"), group->name},
                    {QStringLiteral("organization_id"), group->organizationId},
                    {QStringLiteral("detached_places"), group->placeCount}});
    return Ok{};
}

Result<storage::Page<User>> GroupService::members(const Principal &who, qint64 id,
                                                  const storage::PageRequest &page)
{
    if (auto group = get(who, id); !group)
        return group.error();
    storage::UserQuery q;
    q.groupId = id;
    q.page = page;
    return m_users.list(q);
}

Status GroupService::addMembers(const Principal &who, qint64 id, const QList<qint64> &userIds,
                                const CallerInfo &caller)
{
    auto group = get(who, id);
    if (!group)
        return group.error();
    const QList<qint64> ids = distinct(userIds);
    if (ids.isEmpty())
        return Ok{};
    Status s = m_db.transaction([&]() -> Status {
        for (qint64 userId : ids) {
            auto user = m_users.findById(userId);
            if (!user)
                return user.error();
            // A user of another organization "does not exist" here, whoever asks.
            if (!*user || (*user)->organizationId != group->organizationId)
                return Error::invalid(QStringLiteral("User %1 does not exist").arg(userId));
            if (!(*user)->groups.isEmpty())
                return Error::invalid(QStringLiteral("User %1 is already in a group").arg(userId));
            if (Status added = m_groups.addMember(id, userId); !added)
                return added;
        }
        return Ok{};
    });
    if (!s)
        return s;
    m_audit.record(QStringLiteral("group_user_create"), who.user, caller,
                   {{QStringLiteral("group_id"), id}, {QStringLiteral("user_ids"), idsJson(ids)}});
    return Ok{};
}

Status GroupService::removeMembers(const Principal &who, qint64 id, const QList<qint64> &userIds,
                                   const CallerInfo &caller)
{
    if (auto group = get(who, id); !group)
        return group.error();
    QList<qint64> removed;
    Status s = m_db.transaction([&]() -> Status {
        for (qint64 userId : distinct(userIds)) {
            auto r = m_groups.removeMember(id, userId);
            if (!r)
                return r.error();
            if (*r)
                removed.append(userId);
        }
        return Ok{};
    });
    if (!s)
        return s;
    if (!removed.isEmpty()) {
        m_audit.record(
                QStringLiteral("group_user_delete"), who.user, caller,
                {{QStringLiteral("group_id"), id}, {QStringLiteral("user_ids"), idsJson(removed)}});
    }
    return Ok{};
}

Result<storage::Page<Place>> GroupService::places(const Principal &who, qint64 id,
                                                  const storage::PageRequest &page)
{
    if (auto group = get(who, id); !group)
        return group.error();
    storage::PlaceQuery q;
    q.groupId = id;
    q.afterId = page.afterId;
    q.limit = page.limit > 0 ? page.limit + 1 : 0;
    auto places = m_places.list(q);
    if (!places)
        return places.error();
    return storage::pageFromRows(std::move(*places), page.limit,
                                 [](const Place &p) { return p.id; });
}

Status GroupService::addPlaces(const Principal &who, qint64 id, const QList<qint64> &placeIds,
                               const CallerInfo &caller)
{
    auto group = get(who, id);
    if (!group)
        return group.error();
    const QList<qint64> ids = distinct(placeIds);
    if (ids.isEmpty())
        return Ok{};
    const qint64 now = m_clock.nowMs();
    Status s = m_db.transaction([&]() -> Status {
        for (qint64 placeId : ids) {
            auto place = m_places.find(placeId);
            if (!place)
                return place.error();
            if (!*place || (*place)->organizationId != group->organizationId)
                return Error::invalid(QStringLiteral("Place %1 does not exist").arg(placeId));
            if ((*place)->groupId)
                return Error::invalid(
                        QStringLiteral("Place %1 already belongs to a group").arg(placeId));
            if (Status attached = m_groups.attachPlace(id, placeId, now); !attached)
                return attached;
        }
        return Ok{};
    });
    if (!s)
        return s;
    m_audit.record(QStringLiteral("group_place_create"), who.user, caller,
                   {{QStringLiteral("group_id"), id}, {QStringLiteral("place_ids"), idsJson(ids)}});
    return Ok{};
}

Status GroupService::removePlaces(const Principal &who, qint64 id, const QList<qint64> &placeIds,
                                  const CallerInfo &caller)
{
    if (auto group = get(who, id); !group)
        return group.error();
    const qint64 now = m_clock.nowMs();
    QList<qint64> removed;
    Status s = m_db.transaction([&]() -> Status {
        for (qint64 placeId : distinct(placeIds)) {
            auto r = m_groups.detachPlace(id, placeId, now);
            if (!r)
                return r.error();
            if (*r)
                removed.append(placeId);
        }
        return Ok{};
    });
    if (!s)
        return s;
    if (!removed.isEmpty()) {
        m_audit.record(QStringLiteral("group_place_delete"), who.user, caller,
                       {{QStringLiteral("group_id"), id},
                        {QStringLiteral("place_ids"), idsJson(removed)}});
    }
    return Ok{};
}

} // namespace vms::services
