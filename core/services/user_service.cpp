#include "core/services/user_service.h"

#include "core/auth/permissions.h"
#include "core/storage/database.h"

#include <QJsonArray>
#include <QRegularExpression>

namespace vms::services {

UserService::UserService(storage::Database &db, const Clock &clock,
                         const auth::PasswordHasher &hasher, AuditService &audit)
    : m_clock(clock)
    , m_hasher(hasher)
    , m_audit(audit)
    , m_users(db)
    , m_sessions(db)
    , m_uploads(db)
{}

bool UserService::isValidEmail(const QString &email)
{
    static const QRegularExpression re(QStringLiteral(
            R"(^[A-Za-z0-9.!#$%&'*+/=?^_`{|}~-]+@[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?(?:\.[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?)*$)"));
    return email.size() <= 254 && re.match(email).hasMatch();
}

QStringList UserService::effectivePermissions(const Principal &who) const
{
    if (who.user.isSuperuser)
        return auth::allPermissions();
    QStringList out;
    for (const QString &p : auth::allPermissions()) {
        if (who.permissions.contains(p))
            out.append(p);
    }
    return out;
}

Result<User> UserService::reload(qint64 id)
{
    auto u = m_users.findById(id);
    if (!u)
        return u.error();
    if (!*u)
        return Error::notFound(QStringLiteral("User not found"));
    return **u;
}

Result<User> UserService::updateMe(const Principal &who, const QString &firstName,
                                   const QString &lastName, const std::optional<QString> &avatarId,
                                   const CallerInfo &caller)
{
    if (avatarId && avatarId != who.user.avatarId) {
        auto upload = m_uploads.find(*avatarId);
        if (!upload)
            return upload.error();
        if (!*upload || (*upload)->kind != QLatin1String("avatar")
            || (*upload)->organizationId != who.user.organizationId) {
            return Error::invalid(QStringLiteral("Avatar upload not found"));
        }
    }
    if (Status s
        = m_users.updateProfile(who.user.id, firstName, lastName, avatarId, m_clock.nowMs());
        !s) {
        return s.error();
    }
    auto user = reload(who.user.id);
    if (!user)
        return user;
    QJsonObject changed;
    if (who.user.firstName != firstName)
        changed.insert(QStringLiteral("first_name"),
                       QJsonObject{{QStringLiteral("old"), who.user.firstName},
                                   {QStringLiteral("new"), firstName}});
    if (who.user.lastName != lastName)
        changed.insert(QStringLiteral("last_name"),
                       QJsonObject{{QStringLiteral("old"), who.user.lastName},
                                   {QStringLiteral("new"), lastName}});
    if (who.user.avatarId != avatarId)
        changed.insert(QStringLiteral("avatar_id"),
                       QJsonObject{{QStringLiteral("old"), who.user.avatarId.value_or(QString())},
                                   {QStringLiteral("new"), avatarId.value_or(QString())}});
    m_audit.record(
            QStringLiteral("user_update"), *user, caller,
            {{QStringLiteral("user_id"), who.user.id}, {QStringLiteral("changes"), changed}});
    return user;
}

Result<User> UserService::changePassword(const Principal &who, const QString &oldPassword,
                                         const QString &newPassword, const CallerInfo &caller)
{
    if (newPassword.size() < kMinPasswordLength) {
        return Error::validation({QStringLiteral("body"), QStringLiteral("new_password")},
                                 QStringLiteral("ensure this value has at least %1 characters")
                                         .arg(kMinPasswordLength),
                                 QStringLiteral("value_error.any_str.min_length"));
    }
    if (!m_hasher.verify(oldPassword, who.user.passwordHash))
        return Error::invalid(QStringLiteral("Invalid old password"));
    const QString hash = m_hasher.hash(newPassword);
    if (hash.isEmpty())
        return Error::internal(QStringLiteral("password hashing failed"));
    const qint64 now = m_clock.nowMs();
    if (Status s = m_users.updatePasswordHash(who.user.id, hash, now); !s)
        return s.error();
    // A new password ends every other session: a stolen session must not survive the change.
    if (Status s = m_sessions.revokeUserSessionsExcept(who.user.id, who.sessionId, now); !s)
        return s.error();
    auto user = reload(who.user.id);
    if (user) {
        m_audit.record(QStringLiteral("user_update"), *user, caller,
                       {{QStringLiteral("user_id"), who.user.id},
                        {QStringLiteral("changes"),
                         QJsonObject{{QStringLiteral("password"), QStringLiteral("changed")}}}});
    }
    return user;
}

Result<User> UserService::changeEmail(const Principal &who, const QString &password,
                                      const QString &email, const CallerInfo &caller)
{
    const QString normalized = email.trimmed().toLower();
    if (!isValidEmail(normalized)) {
        return Error::validation({QStringLiteral("body"), QStringLiteral("email")},
                                 QStringLiteral("value is not a valid email address"),
                                 QStringLiteral("value_error.email"));
    }
    if (!m_hasher.verify(password, who.user.passwordHash))
        return Error::invalid(QStringLiteral("Invalid password"));
    if (normalized != who.user.email) {
        auto existing = m_users.findByEmail(normalized);
        if (!existing)
            return existing.error();
        if (*existing)
            return Error::invalid(QStringLiteral("User with this email already exists"));
        Status s = m_users.updateEmail(who.user.id, normalized, m_clock.nowMs());
        if (!s) {
            if (s.error().kind == ErrorKind::Conflict)
                return Error::invalid(QStringLiteral("User with this email already exists"));
            return s.error();
        }
    }
    auto user = reload(who.user.id);
    if (user) {
        m_audit.record(QStringLiteral("user_update"), *user, caller,
                       {{QStringLiteral("user_id"), who.user.id},
                        {QStringLiteral("changes"),
                         QJsonObject{{QStringLiteral("email"),
                                      QJsonObject{{QStringLiteral("old"), who.user.email},
                                                  {QStringLiteral("new"), normalized}}}}}});
    }
    return user;
}

Result<BootstrapResult> bootstrapDatabase(storage::Database &db, const auth::PasswordHasher &hasher,
                                          const Clock &clock, const QString &adminLogin,
                                          const QString &adminPassword)
{
    storage::UserRepository users(db);
    storage::RoleRepository roles(db);
    storage::OrganizationRepository orgs(db);
    BootstrapResult out;
    out.login = adminLogin.isEmpty() ? QStringLiteral("admin@localhost")
                                     : adminLogin.trimmed().toLower();
    const qint64 now = clock.nowMs();

    auto ensureRole = [&](const QString &name, const QString &description,
                          const QStringList &permissions) -> Result<qint64> {
        auto id = roles.findIdByName(name);
        if (!id)
            return id.error();
        if (*id)
            return **id;
        return roles.create(name, description, true, permissions, now);
    };
    auto superRole
            = ensureRole(QStringLiteral("superuser"), QStringLiteral("Built-in: every permission"),
                         auth::allPermissions());
    if (!superRole)
        return superRole.error();
    auto operatorRole
            = ensureRole(QStringLiteral("operator"), QStringLiteral("Built-in: read-only operator"),
                         auth::operatorPermissions());
    if (!operatorRole)
        return operatorRole.error();

    auto count = users.count();
    if (!count)
        return count.error();
    if (*count > 0)
        return out;

    if (!UserService::isValidEmail(out.login))
        return Error::invalid(QStringLiteral("VMS_ADMIN_LOGIN must be an email address"));
    auto orgId = orgs.findIdByName(QStringLiteral("Default organization"));
    if (!orgId)
        return orgId.error();
    qint64 org = 0;
    if (*orgId) {
        org = **orgId;
    } else {
        auto created = orgs.create(QStringLiteral("Default organization"),
                                   QStringLiteral("Created at first start"), true, now);
        if (!created)
            return created.error();
        org = *created;
    }
    QString password = adminPassword;
    if (password.isEmpty()) {
        password = auth::generatePassword();
        out.generatedPassword = password;
    }
    User admin;
    admin.organizationId = org;
    admin.roleId = *superRole;
    admin.email = out.login;
    admin.firstName = QStringLiteral("System");
    admin.lastName = QStringLiteral("Administrator");
    admin.isSuperuser = true;
    admin.passwordHash = hasher.hash(password);
    if (admin.passwordHash.isEmpty())
        return Error::internal(QStringLiteral("password hashing failed"));
    auto id = users.create(admin, now);
    if (!id)
        return id.error();
    out.isCreated = true;
    return out;
}

} // namespace vms::services
