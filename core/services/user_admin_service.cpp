#include "core/services/user_admin_service.h"

#include "core/services/user_service.h"
#include "core/storage/database.h"

#include <QJsonArray>

namespace vms::services {

namespace {

Error emailTaken()
{
    return Error::invalid(QStringLiteral("User with this email already exists"));
}

Error tooShort(const QString &field, int minLength)
{
    return Error::validation(
            {QStringLiteral("body"), field},
            QStringLiteral("ensure this value has at least %1 characters").arg(minLength),
            QStringLiteral("value_error.any_str.min_length"));
}

QJsonArray groupIdsJson(const QList<GroupRef> &groups)
{
    QJsonArray out;
    for (const GroupRef &g : groups)
        out.append(g.id);
    return out;
}

} // namespace

UserAdminService::UserAdminService(storage::Database &db, const Clock &clock,
                                   const auth::PasswordHasher &hasher, AuditService &audit)
    : m_clock(clock)
    , m_hasher(hasher)
    , m_audit(audit)
    , m_users(db)
    , m_roles(db)
    , m_groups(db)
    , m_orgs(db)
    , m_uploads(db)
    , m_sessions(db)
{}

Result<storage::Page<User>> UserAdminService::list(const Principal &who, bool isWithoutGroups,
                                                   const storage::PageRequest &page)
{
    storage::UserQuery q;
    if (!who.user.isSuperuser)
        q.organizationId = who.user.organizationId;
    q.isWithoutGroups = isWithoutGroups;
    q.page = page;
    return m_users.list(q);
}

Result<storage::Page<User>> UserAdminService::search(const Principal &who, const QString &query,
                                                     std::optional<qint64> organizationId,
                                                     bool isWithoutGroups,
                                                     const storage::PageRequest &page)
{
    storage::UserQuery q;
    if (!who.user.isSuperuser) {
        // Another organization's users are invisible: asking for them finds nothing.
        if (organizationId && *organizationId != who.user.organizationId)
            return storage::Page<User>{};
        organizationId = who.user.organizationId;
    }
    q.organizationId = organizationId;
    q.isWithoutGroups = isWithoutGroups;
    const QString trimmed = query.trimmed();
    if (UserService::isValidEmail(trimmed))
        q.emailContains = trimmed;
    else
        q.nameContains = query;
    q.page = page;
    return m_users.list(q);
}

Result<User> UserAdminService::get(const Principal &who, qint64 id)
{
    auto user = m_users.findById(id);
    if (!user)
        return user.error();
    if (!*user || (!who.user.isSuperuser && (*user)->organizationId != who.user.organizationId))
        return Error::notFound(QStringLiteral("User not found"));
    return **user;
}

Status UserAdminService::checkCanManage(const Principal &who, const User &target)
{
    if (who.user.isSuperuser)
        return Ok{};
    if (target.isSuperuser)
        return Error::denied(QStringLiteral("Only a superuser can change a superuser account"));
    auto held = m_roles.permissions(target.roleId);
    if (!held)
        return held.error();
    for (const QString &p : std::as_const(*held)) {
        if (!who.permissions.contains(p))
            return Error::denied(
                    QStringLiteral("The account holds permissions that you do not hold"));
    }
    return Ok{};
}

Status UserAdminService::checkRole(const Principal &who, qint64 roleId)
{
    auto role = m_roles.findById(roleId);
    if (!role)
        return role.error();
    if (!*role)
        return Error::invalid(QStringLiteral("Role not found"));
    if (who.user.isSuperuser)
        return Ok{};
    // Handing out a stronger role than one's own would be a way around the role editing that
    // only superusers may do.
    auto granted = m_roles.permissions(roleId);
    if (!granted)
        return granted.error();
    for (const QString &p : std::as_const(*granted)) {
        if (!who.permissions.contains(p))
            return Error::denied(
                    QStringLiteral("The role grants permissions that you do not hold"));
    }
    return Ok{};
}

Result<QList<GroupRef>> UserAdminService::checkFields(const Principal &who, qint64 organizationId,
                                                      UserFields &fields,
                                                      const std::optional<User> &current)
{
    fields.firstName = fields.firstName.trimmed();
    fields.lastName = fields.lastName.trimmed();
    fields.email = fields.email.trimmed().toLower();
    if (!UserService::isValidEmail(fields.email)) {
        return Error::validation({QStringLiteral("body"), QStringLiteral("email")},
                                 QStringLiteral("value is not a valid email address"),
                                 QStringLiteral("value_error.email"));
    }
    if (fields.groupIds.size() > 1) {
        return Error::validation({QStringLiteral("body"), QStringLiteral("group_ids")},
                                 QStringLiteral("ensure this value has at most 1 items"),
                                 QStringLiteral("value_error.list.max_items"));
    }
    if (Status s = checkRole(who, fields.roleId); !s)
        return s.error();
    QList<GroupRef> groups;
    for (qint64 groupId : std::as_const(fields.groupIds)) {
        auto group = m_groups.findById(groupId);
        if (!group)
            return group.error();
        if (!*group || (*group)->organizationId != organizationId)
            return Error::invalid(QStringLiteral("Group %1 not found").arg(groupId));
        groups.append({(*group)->id, (*group)->name});
    }
    if (fields.avatarId && (!current || current->avatarId != fields.avatarId)) {
        auto upload = m_uploads.find(*fields.avatarId);
        if (!upload)
            return upload.error();
        if (!*upload || (*upload)->kind != QLatin1String("avatar")
            || (*upload)->organizationId != organizationId)
            return Error::invalid(QStringLiteral("Avatar upload not found"));
    }
    if (!current || current->email != fields.email) {
        auto existing = m_users.findByEmail(fields.email);
        if (!existing)
            return existing.error();
        if (*existing)
            return emailTaken();
    }
    return groups;
}

Result<User> UserAdminService::create(const Principal &who, std::optional<qint64> organizationId,
                                      const UserFields &fields, const QString &password,
                                      const CallerInfo &caller)
{
    if (password.size() < UserService::kMinPasswordLength)
        return tooShort(QStringLiteral("password"), UserService::kMinPasswordLength);
    if (fields.groupIds.isEmpty()) {
        return Error::validation({QStringLiteral("body"), QStringLiteral("group_ids")},
                                 QStringLiteral("ensure this value has at least 1 items"),
                                 QStringLiteral("value_error.list.min_items"));
    }
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
    UserFields f = fields;
    auto groups = checkFields(who, orgId, f, std::nullopt);
    if (!groups)
        return groups.error();

    User user;
    user.organizationId = orgId;
    user.roleId = f.roleId;
    user.email = f.email;
    user.firstName = f.firstName;
    user.lastName = f.lastName;
    user.avatarId = f.avatarId;
    user.isSuperuser = false;
    user.isActive = true;
    user.groups = *groups;
    user.passwordHash = m_hasher.hash(password);
    if (user.passwordHash.isEmpty())
        return Error::internal(QStringLiteral("password hashing failed"));
    auto id = m_users.create(user, m_clock.nowMs());
    if (!id)
        return id.error().kind == ErrorKind::Conflict ? emailTaken() : id.error();
    auto created = get(who, *id);
    if (created) {
        m_audit.record(QStringLiteral("user_create"), who.user, caller,
                       {{QStringLiteral("user_id"), created->id},
                        {QStringLiteral("email"), created->email},
                        {QStringLiteral("organization_id"), created->organizationId},
                        {QStringLiteral("role_id"), created->roleId},
                        {QStringLiteral("group_ids"), groupIdsJson(created->groups)}});
    }
    return created;
}

Result<User> UserAdminService::update(const Principal &who, qint64 id, const UserFields &fields,
                                      const std::optional<QString> &password,
                                      const CallerInfo &caller)
{
    if (password && password->size() < UserService::kMinPasswordLength)
        return tooShort(QStringLiteral("password"), UserService::kMinPasswordLength);
    auto before = get(who, id);
    if (!before)
        return before;
    if (Status s = checkCanManage(who, *before); !s)
        return s.error();
    // A user changing their own role could lock themselves out (or, without the superuser flag,
    // try to raise themselves).
    if (id == who.user.id && fields.roleId != before->roleId)
        return Error::invalid(QStringLiteral("You cannot change your own role"));
    UserFields f = fields;
    auto groups = checkFields(who, before->organizationId, f, *before);
    if (!groups)
        return groups.error();

    User user = *before;
    user.firstName = f.firstName;
    user.lastName = f.lastName;
    user.email = f.email;
    user.avatarId = f.avatarId;
    user.roleId = f.roleId;
    user.groups = *groups;
    std::optional<QString> hash;
    if (password) {
        hash = m_hasher.hash(*password);
        if (hash->isEmpty())
            return Error::internal(QStringLiteral("password hashing failed"));
    }
    const qint64 now = m_clock.nowMs();
    if (Status s = m_users.update(user, hash, now); !s)
        return s.error().kind == ErrorKind::Conflict ? emailTaken() : s.error();
    if (hash) {
        // A new password ends the account's sessions, but not the one making the change. The
        // placeholder must be empty, not null: "id <> NULL" would match no session at all.
        const QString keep = id == who.user.id ? who.sessionId : QStringLiteral("");
        if (Status s = m_sessions.revokeUserSessionsExcept(id, keep, now); !s)
            return s.error();
    }
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
    change(QStringLiteral("first_name"), before->firstName, after->firstName);
    change(QStringLiteral("last_name"), before->lastName, after->lastName);
    change(QStringLiteral("email"), before->email, after->email);
    change(QStringLiteral("avatar_id"), before->avatarId.value_or(QString()),
           after->avatarId.value_or(QString()));
    change(QStringLiteral("role_id"), before->roleId, after->roleId);
    change(QStringLiteral("group_ids"), groupIdsJson(before->groups), groupIdsJson(after->groups));
    if (hash)
        changes.insert(QStringLiteral("password"), QStringLiteral("changed"));
    m_audit.record(QStringLiteral("user_update"), who.user, caller,
                   {{QStringLiteral("user_id"), id}, {QStringLiteral("changes"), changes}});
    return after;
}

Status UserAdminService::remove(const Principal &who, qint64 id, const CallerInfo &caller)
{
    auto target = get(who, id);
    if (!target)
        return target.error();
    if (id == who.user.id)
        return Error::invalid(QStringLiteral("You cannot delete yourself"));
    if (Status s = checkCanManage(who, *target); !s)
        return s;
    if (Status s = m_users.remove(id); !s)
        return s;
    m_audit.record(QStringLiteral("user_delete"), who.user, caller,
                   {{QStringLiteral("user_id"), id},
                    {QStringLiteral("email"), target->email},
                    {QStringLiteral("organization_id"), target->organizationId}});
    return Ok{};
}

} // namespace vms::services
