#include "core/services/organization_service.h"

#include "core/storage/database.h"

namespace vms::services {

namespace {

Error nameTaken()
{
    return Error::invalid(QStringLiteral("Organization with this name already exists"));
}

} // namespace

OrganizationService::OrganizationService(storage::Database &db, const Clock &clock,
                                         AuditService &audit)
    : m_clock(clock)
    , m_audit(audit)
    , m_orgs(db)
    , m_users(db)
    , m_groups(db)
    , m_uploads(db)
{}

Status OrganizationService::checkCanWrite(const Principal &who)
{
    if (!who.user.isSuperuser)
        return Error::denied(QStringLiteral("Only a superuser can create, change or delete "
                                            "organizations"));
    return Ok{};
}

Result<storage::Page<Organization>>
OrganizationService::list(const Principal &who, const std::optional<QString> &nameContains,
                          const storage::PageRequest &page)
{
    storage::OrganizationQuery q;
    if (!who.user.isSuperuser)
        q.id = who.user.organizationId;
    q.nameContains = nameContains;
    q.page = page;
    return m_orgs.list(q);
}

Result<Organization> OrganizationService::get(const Principal &who, qint64 id)
{
    auto org = m_orgs.findById(id);
    if (!org)
        return org.error();
    if (!*org || (!who.user.isSuperuser && id != who.user.organizationId))
        return Error::notFound(QStringLiteral("Organization not found"));
    return **org;
}

Result<OrganizationFields> OrganizationService::checked(const OrganizationFields &fields)
{
    OrganizationFields out = fields;
    out.name = fields.name.trimmed();
    if (out.name.isEmpty()) {
        return Error::validation({QStringLiteral("body"), QStringLiteral("name")},
                                 QStringLiteral("ensure this value has at least 1 characters"),
                                 QStringLiteral("value_error.any_str.min_length"));
    }
    if (out.logoId) {
        // Only superusers get here, and they see every organization: any logo upload will do.
        auto upload = m_uploads.find(*out.logoId);
        if (!upload)
            return upload.error();
        if (!*upload || (*upload)->kind != QLatin1String("logo"))
            return Error::invalid(QStringLiteral("Logo upload not found"));
    }
    return out;
}

Result<Organization> OrganizationService::create(const Principal &who,
                                                 const OrganizationFields &fields,
                                                 const CallerInfo &caller)
{
    if (Status s = checkCanWrite(who); !s)
        return s.error();
    auto f = checked(fields);
    if (!f)
        return f.error();
    auto id = m_orgs.create(f->name, f->description, false, m_clock.nowMs(), f->logoId);
    if (!id)
        return id.error().kind == ErrorKind::Conflict ? nameTaken() : id.error();
    auto org = get(who, *id);
    if (org) {
        m_audit.record(QStringLiteral("organization_create"), who.user, caller,
                       {{QStringLiteral("organization_id"), org->id},
                        {QStringLiteral("name"), org->name}});
    }
    return org;
}

Result<Organization> OrganizationService::update(const Principal &who, qint64 id,
                                                 const OrganizationFields &fields,
                                                 const CallerInfo &caller)
{
    if (Status s = checkCanWrite(who); !s)
        return s.error();
    auto before = get(who, id);
    if (!before)
        return before;
    auto f = checked(fields);
    if (!f)
        return f.error();
    if (Status s = m_orgs.update(id, f->name, f->description, f->logoId, m_clock.nowMs()); !s)
        return s.error().kind == ErrorKind::Conflict ? nameTaken() : s.error();
    auto after = get(who, id);
    if (!after)
        return after;
    QJsonObject changes;
    const auto change = [&changes](const QString &key, const QJsonValue &old,
                                   const QJsonValue &now) {
        if (old != now)
            changes.insert(key,
                           QJsonObject{{QStringLiteral("old"), old}, {QStringLiteral("new"), now}});
    };
    change(QStringLiteral("name"), before->name, after->name);
    change(QStringLiteral("description"), before->description, after->description);
    change(QStringLiteral("logo_id"), before->logoId.value_or(QString()),
           after->logoId.value_or(QString()));
    m_audit.record(QStringLiteral("organization_update"), who.user, caller,
                   {{QStringLiteral("organization_id"), id}, {QStringLiteral("changes"), changes}});
    return after;
}

Status OrganizationService::remove(const Principal &who, qint64 id, const CallerInfo &caller)
{
    if (Status s = checkCanWrite(who); !s)
        return s;
    auto org = get(who, id);
    if (!org)
        return org.error();
    auto users = m_orgs.userCount(id);
    if (!users)
        return users.error();
    if (*users > 0)
        return Error::invalid(QStringLiteral("Organization has users"));
    auto groups = m_orgs.groupCount(id);
    if (!groups)
        return groups.error();
    if (*groups > 0)
        return Error::invalid(QStringLiteral("Organization has groups"));
    if (Status s = m_orgs.remove(id); !s) {
        // A user or group added meanwhile, or places, uploads and the like that still refer to it.
        if (s.error().kind == ErrorKind::Conflict)
            return Error::invalid(
                    QStringLiteral("Organization still has users, groups, places or uploads"));
        return s;
    }
    m_audit.record(QStringLiteral("organization_delete"), who.user, caller,
                   {{QStringLiteral("organization_id"), id}, {QStringLiteral("name"), org->name}});
    return Ok{};
}

Result<QList<User>> OrganizationService::members(const Principal &who, qint64 id,
                                                 bool isWithoutGroups,
                                                 const storage::PageRequest &page)
{
    if (auto org = get(who, id); !org)
        return org.error();
    storage::UserQuery q;
    q.organizationId = id;
    q.isWithoutGroups = isWithoutGroups;
    q.page = page;
    auto users = m_users.list(q);
    if (!users)
        return users.error();
    return users->items;
}

Result<QList<Group>> OrganizationService::groups(const Principal &who, qint64 id,
                                                 const storage::PageRequest &page)
{
    if (auto org = get(who, id); !org)
        return org.error();
    storage::GroupQuery q;
    q.organizationId = id;
    q.page = page;
    auto groups = m_groups.list(q);
    if (!groups)
        return groups.error();
    return groups->items;
}

} // namespace vms::services
