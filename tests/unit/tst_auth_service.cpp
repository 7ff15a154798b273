// Unit tests of vms::services::AuthService and the bootstrap, through Backend::open on a
// temporary data directory (SQLite) with a manual clock.
#include "core/auth/permissions.h"
#include "core/services/backend.h"
#include "core/storage/user_repository.h"

#include <QTemporaryDir>
#include <QTest>

#include <memory>

using vms::ErrorKind;
using vms::ManualClock;
using vms::services::Backend;
using vms::services::BackendOptions;
using vms::services::CallerInfo;
using vms::services::TokenPair;

namespace {

const QString kAdmin = QStringLiteral("root@example.com");
const QString kPassword = QStringLiteral("initial-pass-1");
const CallerInfo kCaller{QStringLiteral("192.0.2.10"), QStringLiteral("tst_auth_service")};

QDateTime start()
{
    return QDateTime(QDate(2026, 1, 15), QTime(8, 0, 0), Qt::UTC);
}

QSet<QString> toSet(const QStringList &l)
{
    return QSet<QString>(l.cbegin(), l.cend());
}

} // namespace

class TestAuthService : public QObject
{
    Q_OBJECT

    std::unique_ptr<QTemporaryDir> m_dir;
    std::shared_ptr<ManualClock> m_clock;
    std::unique_ptr<Backend> m_backend;

    std::unique_ptr<Backend> open(const QString &login, const QString &password)
    {
        BackendOptions o;
        o.dataDir = m_dir->path();
        o.adminLogin = login;
        o.adminPassword = password;
        o.clock = m_clock;
        auto b = Backend::open(o);
        if (!b) {
            qWarning() << "Backend::open failed:" << b.error().message;
            return {};
        }
        return std::move(*b);
    }

    TokenPair login()
    {
        auto p = m_backend->auth().login(kAdmin, kPassword, kCaller);
        if (!p) {
            qWarning() << "login failed:" << p.error().message;
            return {};
        }
        return *p;
    }

    // A non-superuser holding the built-in "operator" role.
    qint64 createOperator(const QString &email, const QString &password)
    {
        vms::storage::RoleRepository roles(m_backend->db());
        vms::storage::UserRepository users(m_backend->db());
        auto admin = users.findByEmail(kAdmin);
        auto role = roles.findIdByName(QStringLiteral("operator"));
        if (!admin || !*admin || !role || !*role)
            return 0;
        vms::User u;
        u.organizationId = (*admin)->organizationId;
        u.roleId = **role;
        u.email = email;
        u.firstName = QStringLiteral("Oper");
        u.lastName = QStringLiteral("Ator");
        u.passwordHash = m_backend->hasher().hash(password);
        auto id = users.create(u, m_clock->nowMs());
        return id ? *id : 0;
    }

private slots:
    void init()
    {
        m_dir = std::make_unique<QTemporaryDir>();
        QVERIFY(m_dir->isValid());
        m_clock = std::make_shared<ManualClock>(start());
        m_backend = open(kAdmin, kPassword);
        QVERIFY(m_backend);
    }

    void cleanup()
    {
        m_backend.reset();
        m_dir.reset();
    }

    void bootstrapCreatesSuperuserAndRoles()
    {
        const auto &boot = m_backend->bootstrap();
        QVERIFY(boot.isCreated);
        QCOMPARE(boot.login, kAdmin);
        QVERIFY(boot.generatedPassword.isEmpty());

        vms::storage::UserRepository users(m_backend->db());
        QCOMPARE(*users.count(), qint64(1));
        auto admin = users.findByEmail(kAdmin);
        QVERIFY(admin.hasValue() && admin->has_value());
        QCOMPARE((*admin)->isSuperuser, true);
        QCOMPARE((*admin)->isActive, true);
        QCOMPARE((*admin)->roleName, QStringLiteral("superuser"));
        QCOMPARE((*admin)->organizationName, QStringLiteral("Default organization"));
        QVERIFY((*admin)->passwordHash.startsWith(QStringLiteral("$argon2id$")));
        QVERIFY(!(*admin)->passwordHash.contains(kPassword));

        vms::storage::RoleRepository roles(m_backend->db());
        auto superRole = roles.findIdByName(QStringLiteral("superuser"));
        auto operatorRole = roles.findIdByName(QStringLiteral("operator"));
        QVERIFY(superRole.hasValue() && superRole->has_value());
        QVERIFY(operatorRole.hasValue() && operatorRole->has_value());
        QCOMPARE(toSet(*roles.permissions(**superRole)), toSet(vms::auth::allPermissions()));
        const QStringList ops = *roles.permissions(**operatorRole);
        QCOMPARE(toSet(ops), toSet(vms::auth::operatorPermissions()));
        QVERIFY(ops.contains(QStringLiteral("camera_read")));
        QVERIFY(!ops.contains(QStringLiteral("user_create")));

        // The signing key was created next to the database.
        QVERIFY(QFile::exists(m_dir->filePath(QStringLiteral("token-signing.key"))));
        QVERIFY(QFile::exists(m_dir->filePath(QStringLiteral("vms.db"))));
    }

    void bootstrapLowercasesLogin()
    {
        m_backend.reset();
        m_dir = std::make_unique<QTemporaryDir>();
        m_backend = open(QStringLiteral("  Mixed@Example.COM "), kPassword);
        QVERIFY(m_backend);
        QCOMPARE(m_backend->bootstrap().login, QStringLiteral("mixed@example.com"));
        QVERIFY(m_backend->auth().login(QStringLiteral("MIXED@example.com"), kPassword, kCaller));
    }

    void bootstrapDefaultLogin()
    {
        m_backend.reset();
        m_dir = std::make_unique<QTemporaryDir>();
        m_backend = open(QString(), kPassword);
        QVERIFY(m_backend);
        QCOMPARE(m_backend->bootstrap().login, QStringLiteral("admin@localhost"));
        QVERIFY(m_backend->auth().login(QStringLiteral("admin@localhost"), kPassword, kCaller));
    }

    void bootstrapRejectsInvalidLogin()
    {
        m_backend.reset();
        m_dir = std::make_unique<QTemporaryDir>();
        BackendOptions o;
        o.dataDir = m_dir->path();
        o.adminLogin = QStringLiteral("not an email");
        o.adminPassword = kPassword;
        o.clock = m_clock;
        auto b = Backend::open(o);
        QVERIFY(!b.hasValue());
        QCOMPARE(b.error().kind, ErrorKind::InvalidArgument);
    }

    void bootstrapGeneratesPasswordOnce()
    {
        m_backend.reset();
        m_dir = std::make_unique<QTemporaryDir>();
        m_backend = open(kAdmin, QString());
        QVERIFY(m_backend);
        const auto boot = m_backend->bootstrap();
        QVERIFY(boot.isCreated);
        QCOMPARE(boot.generatedPassword.size(), 20);
        const QString generated = boot.generatedPassword;
        QVERIFY(m_backend->auth().login(kAdmin, generated, kCaller).hasValue());
        QVERIFY(!m_backend->auth().login(kAdmin, kPassword, kCaller).hasValue());

        // A restart on the same data directory: no new user, no password reported, and neither
        // an empty nor a given password replaces the existing one.
        m_backend.reset();
        m_backend = open(kAdmin, QString());
        QVERIFY(m_backend);
        QCOMPARE(m_backend->bootstrap().isCreated, false);
        QVERIFY(m_backend->bootstrap().generatedPassword.isEmpty());
        m_backend.reset();
        m_backend = open(QStringLiteral("someone.else@example.com"), QStringLiteral("other-pass"));
        QVERIFY(m_backend);
        QCOMPARE(m_backend->bootstrap().isCreated, false);
        QVERIFY(m_backend->bootstrap().generatedPassword.isEmpty());

        vms::storage::UserRepository users(m_backend->db());
        QCOMPARE(*users.count(), qint64(1));
        QVERIFY(!users.findByEmail(QStringLiteral("someone.else@example.com"))->has_value());
        QVERIFY(m_backend->auth().login(kAdmin, generated, kCaller).hasValue());
        QVERIFY(!m_backend->auth().login(kAdmin, QStringLiteral("other-pass"), kCaller));
        // The roles were not duplicated either.
        auto roles = m_backend->db().select(QStringLiteral("SELECT COUNT(*) FROM roles"));
        QCOMPARE(roles->first().first().toInt(), 2);
    }

    void signingKeySurvivesRestart()
    {
        const TokenPair p = login();
        QVERIFY(!p.accessToken.isEmpty());
        m_backend.reset();
        m_backend = open(kAdmin, kPassword);
        QVERIFY(m_backend);
        QVERIFY(m_backend->auth().authenticate(p.accessToken).hasValue());
    }

    void loginOk()
    {
        const TokenPair p = login();
        QVERIFY(!p.accessToken.isEmpty());
        QCOMPARE(p.refreshToken.size(), 43);
        QVERIFY(p.accessToken != p.refreshToken);
        QCOMPARE(p.expiresInSecs, qint64(15 * 60));

        auto who = m_backend->auth().authenticate(p.accessToken);
        QVERIFY(who.hasValue());
        QCOMPARE(who->user.email, kAdmin);
        QVERIFY(!who->sessionId.isEmpty());
        QVERIFY(!who->jti.isEmpty());

        auto claims = m_backend->signer().verify(p.accessToken);
        QVERIFY(claims.hasValue());
        QCOMPARE(claims->issuedAt, m_clock->nowSecs());
        QCOMPARE(claims->expiresAt, m_clock->nowSecs() + 900);
        QCOMPARE(claims->sessionId, who->sessionId);

        // The login is in the audit trail with the caller's address.
        auto page = m_backend->audit().list(*who, {});
        QVERIFY(page.hasValue());
        QCOMPARE(page->entries.size(), 1);
        QCOMPARE(page->entries.first().actionType, QStringLiteral("user_login"));
        QCOMPARE(page->entries.first().clientIp, kCaller.clientIp);
        QCOMPARE(page->entries.first().meta.value(QStringLiteral("session_id")).toString(),
                 who->sessionId);
    }

    void loginIsCaseInsensitive()
    {
        QVERIFY(m_backend->auth().login(QStringLiteral("ROOT@Example.com"), kPassword, kCaller));
    }

    void loginBad_data()
    {
        QTest::addColumn<QString>("username");
        QTest::addColumn<QString>("password");
        QTest::newRow("wrong password") << kAdmin << QStringLiteral("initial-pass-2");
        QTest::newRow("password case") << kAdmin << QStringLiteral("INITIAL-PASS-1");
        QTest::newRow("empty password") << kAdmin << QString();
        QTest::newRow("unknown user") << QStringLiteral("nobody@example.com") << kPassword;
        QTest::newRow("empty user") << QString() << kPassword;
    }

    void loginBad()
    {
        QFETCH(QString, username);
        QFETCH(QString, password);
        auto r = m_backend->auth().login(username, password, kCaller);
        QVERIFY(!r.hasValue());
        QCOMPARE(r.error().kind, ErrorKind::Unauthenticated);
        QCOMPARE(r.error().status, QStringLiteral("token_invalid_credentials"));
    }

    void failedLoginsAreThrottled()
    {
        auto &throttle = m_backend->auth().throttle();
        QCOMPARE(throttle.delayMs(kCaller.clientIp), qint64(0));
        for (int i = 0; i < 3; ++i)
            QVERIFY(!m_backend->auth().login(kAdmin, QStringLiteral("bad"), kCaller));
        QVERIFY(!m_backend->auth().login(QStringLiteral("ghost@example.com"), kPassword, kCaller));
        QVERIFY(throttle.delayMs(kCaller.clientIp) > 0);
        QCOMPARE(throttle.delayMs(QStringLiteral("198.51.100.1")), qint64(0));
        QVERIFY(m_backend->auth().login(kAdmin, kPassword, kCaller));
        QCOMPARE(throttle.delayMs(kCaller.clientIp), qint64(0));
    }

    void inactiveUserCannotLogIn()
    {
        const TokenPair p = login();
        QVERIFY(m_backend->db()
                        .execute(QStringLiteral("UPDATE users SET is_active = ? WHERE email = ?"),
                                 {false, kAdmin})
                        .hasValue());
        auto r = m_backend->auth().login(kAdmin, kPassword, kCaller);
        QVERIFY(!r.hasValue());
        QCOMPARE(r.error().status, QStringLiteral("token_invalid_credentials"));
        // Existing tokens stop working too.
        auto who = m_backend->auth().authenticate(p.accessToken);
        QVERIFY(!who.hasValue());
        QCOMPARE(who.error().kind, ErrorKind::Unauthenticated);
        auto refreshed = m_backend->auth().refresh(p.refreshToken, kCaller);
        QVERIFY(!refreshed.hasValue());
    }

    void accessTokenExpiresAfter15Minutes()
    {
        const TokenPair p = login();
        QVERIFY(m_backend->auth().authenticate(p.accessToken).hasValue());
        m_clock->advanceSecs(15 * 60 - 1);
        QVERIFY(m_backend->auth().authenticate(p.accessToken).hasValue());
        m_clock->advanceSecs(1);
        auto r = m_backend->auth().authenticate(p.accessToken);
        QVERIFY(!r.hasValue());
        QCOMPARE(r.error().kind, ErrorKind::Unauthenticated);

        // The refresh token still works and gives a fresh access token.
        auto fresh = m_backend->auth().refresh(p.refreshToken, kCaller);
        QVERIFY(fresh.hasValue());
        QVERIFY(m_backend->auth().authenticate(fresh->accessToken).hasValue());
    }

    void refreshRotates()
    {
        const TokenPair p1 = login();
        m_clock->advanceSecs(60);
        auto p2 = m_backend->auth().refresh(p1.refreshToken, kCaller);
        QVERIFY(p2.hasValue());
        QVERIFY(p2->refreshToken != p1.refreshToken);
        QVERIFY(p2->accessToken != p1.accessToken);
        QCOMPARE(p2->expiresInSecs, qint64(900));

        auto who1 = m_backend->auth().authenticate(p1.accessToken);
        auto who2 = m_backend->auth().authenticate(p2->accessToken);
        QVERIFY(who1.hasValue());
        QVERIFY(who2.hasValue());
        // Same login session, new token id.
        QCOMPARE(who2->sessionId, who1->sessionId);
        QVERIFY(who2->jti != who1->jti);

        auto p3 = m_backend->auth().refresh(p2->refreshToken, kCaller);
        QVERIFY(p3.hasValue());
        QVERIFY(m_backend->auth().authenticate(p3->accessToken).hasValue());
    }

    void refreshReuseRevokesSession()
    {
        const TokenPair p1 = login();
        auto p2 = m_backend->auth().refresh(p1.refreshToken, kCaller);
        QVERIFY(p2.hasValue());
        auto p3 = m_backend->auth().refresh(p2->refreshToken, kCaller);
        QVERIFY(p3.hasValue());

        // Another session of the same user is not affected.
        const TokenPair other = login();

        // p1's refresh token was spent: presenting it again is reuse.
        auto reuse = m_backend->auth().refresh(p1.refreshToken, kCaller);
        QVERIFY(!reuse.hasValue());
        QCOMPARE(reuse.error().kind, ErrorKind::InvalidArgument);
        QCOMPARE(reuse.error().status, QStringLiteral("token_refresh_error"));

        // The whole session is gone: the newest refresh token and every access token.
        auto latest = m_backend->auth().refresh(p3->refreshToken, kCaller);
        QVERIFY(!latest.hasValue());
        QCOMPARE(latest.error().status, QStringLiteral("token_refresh_error"));
        QVERIFY(!m_backend->auth().authenticate(p3->accessToken).hasValue());
        QVERIFY(!m_backend->auth().authenticate(p1.accessToken).hasValue());

        QVERIFY(m_backend->auth().authenticate(other.accessToken).hasValue());
        QVERIFY(m_backend->auth().refresh(other.refreshToken, kCaller).hasValue());
    }

    void refreshRejects_data()
    {
        QTest::addColumn<QString>("token");
        QTest::newRow("empty") << QString();
        QTest::newRow("unknown") << QStringLiteral("AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA");
        QTest::newRow("oversized") << QString(5000, QLatin1Char('a'));
    }

    void refreshRejects()
    {
        QFETCH(QString, token);
        auto r = m_backend->auth().refresh(token, kCaller);
        QVERIFY(!r.hasValue());
        QCOMPARE(r.error().kind, ErrorKind::InvalidArgument);
        QCOMPARE(r.error().status, QStringLiteral("token_refresh_error"));
    }

    void refreshWithAccessTokenFails()
    {
        const TokenPair p = login();
        auto r = m_backend->auth().refresh(p.accessToken, kCaller);
        QVERIFY(!r.hasValue());
        QCOMPARE(r.error().status, QStringLiteral("token_refresh_error"));
    }

    void refreshTokenExpires()
    {
        const TokenPair p = login();
        m_clock->advanceSecs(30LL * 24 * 3600 - 1);
        auto ok = m_backend->auth().refresh(p.refreshToken, kCaller);
        QVERIFY(ok.hasValue());
        // The rotated token has a full lifetime of its own; the session's expiry is what limits
        // it, so wait past that.
        m_clock->advanceSecs(31LL * 24 * 3600);
        auto late = m_backend->auth().refresh(ok->refreshToken, kCaller);
        QVERIFY(!late.hasValue());
        QCOMPARE(late.error().status, QStringLiteral("token_refresh_error"));
    }

    void refreshStopsWhenSessionExpires()
    {
        // A login session lives kRefreshLifetimeSecs from the login; rotation does not extend
        // it. (purgeExpired deletes the session, and with it every token, at that point anyway,
        // so a refresh must not depend on whether a purge has run yet.)
        const TokenPair p = login();
        m_clock->advanceSecs(29LL * 24 * 3600);
        auto p2 = m_backend->auth().refresh(p.refreshToken, kCaller);
        QVERIFY(p2.hasValue());
        m_clock->advanceSecs(24 * 3600 + 1); // 30 days and 1 s after the login
        auto late = m_backend->auth().refresh(p2->refreshToken, kCaller);
        QVERIFY(!late.hasValue());
        QCOMPARE(late.error().status, QStringLiteral("token_refresh_error"));
    }

    void revokeAccessToken()
    {
        const TokenPair p = login();
        QVERIFY(m_backend->auth()
                        .revoke(p.accessToken, QStringLiteral("access_token"), kCaller)
                        .hasValue());
        QVERIFY(!m_backend->auth().authenticate(p.accessToken).hasValue());

        // Only that token: the session's refresh token still works.
        auto fresh = m_backend->auth().refresh(p.refreshToken, kCaller);
        QVERIFY(fresh.hasValue());
        QVERIFY(m_backend->auth().authenticate(fresh->accessToken).hasValue());

        auto again = m_backend->auth().revoke(p.accessToken, QString(), kCaller);
        QVERIFY(!again.hasValue());
        QCOMPARE(again.error().status, QStringLiteral("token_revoke_error"));
    }

    void revokeRefreshToken()
    {
        const TokenPair p = login();
        const TokenPair other = login();
        QVERIFY(m_backend->auth()
                        .revoke(p.refreshToken, QStringLiteral("refresh_token"), kCaller)
                        .hasValue());
        // The session ends: its refresh token and the access tokens it issued.
        auto r = m_backend->auth().refresh(p.refreshToken, kCaller);
        QVERIFY(!r.hasValue());
        QVERIFY(!m_backend->auth().authenticate(p.accessToken).hasValue());
        // Other sessions live on.
        QVERIFY(m_backend->auth().authenticate(other.accessToken).hasValue());

        auto again = m_backend->auth().revoke(p.refreshToken, QString(), kCaller);
        QVERIFY(!again.hasValue());
        QCOMPARE(again.error().status, QStringLiteral("token_revoke_error"));
    }

    void revokeHintOnlyOrdersLookups()
    {
        // A wrong hint still finds the token (RFC 7009 §2.1).
        const TokenPair p = login();
        QVERIFY(m_backend->auth()
                        .revoke(p.accessToken, QStringLiteral("refresh_token"), kCaller)
                        .hasValue());
        QVERIFY(!m_backend->auth().authenticate(p.accessToken).hasValue());
        QVERIFY(m_backend->auth()
                        .revoke(p.refreshToken, QStringLiteral("access_token"), kCaller)
                        .hasValue());
        QVERIFY(!m_backend->auth().refresh(p.refreshToken, kCaller).hasValue());
    }

    void revokeRejects_data()
    {
        QTest::addColumn<QString>("token");
        QTest::addColumn<QString>("hint");
        QTest::newRow("unsupported hint") << QStringLiteral("x") << QStringLiteral("id_token");
        QTest::newRow("empty token") << QString() << QString();
        QTest::newRow("unknown token") << QStringLiteral("not-a-token") << QString();
        QTest::newRow("oversized") << QString(5000, QLatin1Char('t')) << QString();
    }

    void revokeRejects()
    {
        QFETCH(QString, token);
        QFETCH(QString, hint);
        auto r = m_backend->auth().revoke(token, hint, kCaller);
        QVERIFY(!r.hasValue());
        QCOMPARE(r.error().kind, ErrorKind::InvalidArgument);
        QCOMPARE(r.error().status, QStringLiteral("token_revoke_error"));
    }

    void revokeIsAudited()
    {
        const TokenPair p = login();
        auto who = m_backend->auth().authenticate(p.accessToken);
        QVERIFY(who.hasValue());
        m_clock->advanceSecs(1);
        QVERIFY(m_backend->auth().revoke(p.accessToken, QString(), kCaller).hasValue());
        vms::services::AuditListParams params;
        params.actionTypes = {QStringLiteral("user_logout")};
        auto page = m_backend->audit().list(*who, params);
        QVERIFY(page.hasValue());
        QCOMPARE(page->entries.size(), 1);
        QCOMPARE(page->entries.first().meta.value(QStringLiteral("token_type")).toString(),
                 QStringLiteral("access_token"));
    }

    void authenticateRejects_data()
    {
        QTest::addColumn<QString>("token");
        QTest::newRow("empty") << QString();
        QTest::newRow("garbage") << QStringLiteral("a.b.c");
        vms::auth::AccessClaims c;
        c.userId = 1;
        c.sessionId = QStringLiteral("s");
        c.jti = QStringLiteral("j");
        c.issuedAt = start().toSecsSinceEpoch();
        c.expiresAt = c.issuedAt + 900;
        QTest::newRow("foreign key") << vms::auth::TokenSigner(QByteArray(32, 'z')).sign(c);
    }

    void authenticateRejects()
    {
        QFETCH(QString, token);
        auto r = m_backend->auth().authenticate(token);
        QVERIFY(!r.hasValue());
        QCOMPARE(r.error().kind, ErrorKind::Unauthenticated);
    }

    void authenticateRejectsUnissuedToken()
    {
        // Correctly signed with this installation's key, but never issued (no stored jti).
        vms::auth::AccessClaims c;
        c.userId = 1;
        c.sessionId = QStringLiteral("s");
        c.jti = QStringLiteral("never-issued");
        c.issuedAt = m_clock->nowSecs();
        c.expiresAt = c.issuedAt + 900;
        auto r = m_backend->auth().authenticate(m_backend->signer().sign(c));
        QVERIFY(!r.hasValue());
        QCOMPARE(r.error().kind, ErrorKind::Unauthenticated);
    }

    void principalPermissions()
    {
        auto admin = m_backend->auth().authenticate(login().accessToken);
        QVERIFY(admin.hasValue());
        QVERIFY(admin->user.isSuperuser);
        // Not loaded for a superuser, who passes every check without them.
        QVERIFY(admin->permissions.isEmpty());
        QVERIFY(admin->can(QStringLiteral("user_create")));
        QVERIFY(admin->can(QStringLiteral("not_a_permission"))); // superusers pass every check

        const QString email = QStringLiteral("op@example.com");
        const QString password = QStringLiteral("operator-pass");
        QVERIFY(createOperator(email, password) > 0);
        auto pair = m_backend->auth().login(email, password, kCaller);
        QVERIFY(pair.hasValue());
        auto op = m_backend->auth().authenticate(pair->accessToken);
        QVERIFY(op.hasValue());
        QVERIFY(!op->user.isSuperuser);
        QCOMPARE(op->user.roleName, QStringLiteral("operator"));
        QCOMPARE(op->permissions, toSet(vms::auth::operatorPermissions()));
        QVERIFY(op->can(QStringLiteral("camera_read")));
        QVERIFY(op->can(QStringLiteral("user_me_update")));
        QVERIFY(!op->can(QStringLiteral("user_create")));
        QVERIFY(!op->can(QStringLiteral("camera_delete")));
        QVERIFY(!op->can(QStringLiteral("not_a_permission")));
    }
};

QTEST_GUILESS_MAIN(TestAuthService)
#include "tst_auth_service.moc"
