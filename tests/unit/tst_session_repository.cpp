// Unit tests of vms::storage::SessionRepository (core/storage/session_repository.h) against a
// migrated temporary SQLite database.
#include "core/storage/database.h"
#include "core/storage/session_repository.h"
#include "core/storage/user_repository.h"

#include <QTemporaryDir>
#include <QTest>

#include <memory>

using vms::ErrorKind;
using vms::User;
using vms::storage::Database;
using vms::storage::DatabaseUrl;
using vms::storage::SessionRepository;

namespace {
constexpr qint64 kT0 = 1'767'225'600'000;
constexpr qint64 kHour = 3600 * 1000;
} // namespace

class TestSessionRepository : public QObject
{
    Q_OBJECT

    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<Database> m_db;
    qint64 m_alice = 0;
    qint64 m_bob = 0;

    qint64 rows(const char *table)
    {
        auto r = m_db->select(QStringLiteral("SELECT COUNT(*) FROM ") + QString::fromLatin1(table));
        return r ? r->first().first().toLongLong() : -1;
    }

    // A session of `user` with one refresh token "<id>-r1" and one access token "<id>-a1".
    void makeSession(const QString &id, qint64 user, qint64 expiresAt = kT0 + 24 * kHour)
    {
        SessionRepository s(*m_db);
        QVERIFY(s.createSession(id, user, QStringLiteral("10.1.1.1"), kT0, expiresAt).hasValue());
        QVERIFY(s.addRefreshToken(id + QStringLiteral("-r1"), id, kT0, expiresAt).hasValue());
        QVERIFY(s.addAccessToken(id + QStringLiteral("-a1"), id, kT0 + kHour).hasValue());
    }

    bool isSessionRevoked(const QString &id)
    {
        SessionRepository s(*m_db);
        auto r = s.findRefreshToken(id + QStringLiteral("-r1"));
        return r && r->has_value() && (*r)->sessionRevokedAtMs.has_value();
    }

private slots:
    void init()
    {
        m_dir = std::make_unique<QTemporaryDir>();
        QVERIFY(m_dir->isValid());
        m_db = std::make_unique<Database>(
                *DatabaseUrl::parse(m_dir->filePath(QStringLiteral("vms.db"))));
        QVERIFY(m_db->migrate().hasValue());
        const auto org = vms::storage::OrganizationRepository(*m_db).create(
                QStringLiteral("Org"), QStringLiteral("org"), false, kT0);
        const auto role = vms::storage::RoleRepository(*m_db).create(
                QStringLiteral("r"), QStringLiteral("role"), false, {}, kT0);
        QVERIFY(org.hasValue() && role.hasValue());
        vms::storage::UserRepository users(*m_db);
        User u;
        u.organizationId = *org;
        u.roleId = *role;
        u.passwordHash = QStringLiteral("h");
        u.firstName = QStringLiteral("F");
        u.lastName = QStringLiteral("L");
        u.email = QStringLiteral("alice@example.com");
        const auto alice = users.create(u, kT0);
        u.email = QStringLiteral("bob@example.com");
        const auto bob = users.create(u, kT0);
        QVERIFY(alice.hasValue() && bob.hasValue());
        m_alice = *alice;
        m_bob = *bob;
        QVERIFY(m_alice > 0 && m_bob > 0 && m_alice != m_bob);
    }

    void cleanup()
    {
        m_db.reset();
        m_dir.reset();
    }

    void refreshTokenFind()
    {
        SessionRepository s(*m_db);
        QVERIFY(s.createSession(QStringLiteral("s1"), m_alice, QStringLiteral("1.2.3.4"), kT0,
                                kT0 + 30 * 24 * kHour)
                        .hasValue());
        QVERIFY(s.addRefreshToken(QStringLiteral("hash-1"), QStringLiteral("s1"), kT0,
                                  kT0 + 30 * 24 * kHour)
                        .hasValue());
        auto rec = s.findRefreshToken(QStringLiteral("hash-1"));
        QVERIFY(rec.hasValue());
        QVERIFY(rec->has_value());
        QCOMPARE((*rec)->sessionId, QStringLiteral("s1"));
        QCOMPARE((*rec)->userId, m_alice);
        QCOMPARE((*rec)->expiresAtMs, kT0 + 30 * 24 * kHour);
        QVERIFY(!(*rec)->rotatedAtMs.has_value());
        QVERIFY(!(*rec)->sessionRevokedAtMs.has_value());

        auto missing = s.findRefreshToken(QStringLiteral("hash-2"));
        QVERIFY(missing.hasValue());
        QVERIFY(!missing->has_value());
    }

    void refreshTokenExpiryIsCappedBySession()
    {
        // A rotated token issued late in a session does not outlive the session.
        SessionRepository s(*m_db);
        QVERIFY(s.createSession(QStringLiteral("s1"), m_alice, QStringLiteral("ip"), kT0,
                                kT0 + 10 * kHour)
                        .hasValue());
        QVERIFY(s.addRefreshToken(QStringLiteral("late"), QStringLiteral("s1"), kT0 + 9 * kHour,
                                  kT0 + 39 * kHour)
                        .hasValue());
        QVERIFY(s.addRefreshToken(QStringLiteral("early"), QStringLiteral("s1"), kT0,
                                  kT0 + 5 * kHour)
                        .hasValue());
        QCOMPARE((*s.findRefreshToken(QStringLiteral("late")))->expiresAtMs, kT0 + 10 * kHour);
        QCOMPARE((*s.findRefreshToken(QStringLiteral("early")))->expiresAtMs, kT0 + 5 * kHour);
    }

    void duplicatesAreConflicts()
    {
        makeSession(QStringLiteral("s1"), m_alice);
        SessionRepository s(*m_db);
        auto session
                = s.createSession(QStringLiteral("s1"), m_bob, QStringLiteral("ip"), kT0, kT0 + 1);
        QVERIFY(!session.hasValue());
        QCOMPARE(session.error().kind, ErrorKind::Conflict);
        auto refresh = s.addRefreshToken(QStringLiteral("s1-r1"), QStringLiteral("s1"), kT0, kT0);
        QVERIFY(!refresh.hasValue());
        QCOMPARE(refresh.error().kind, ErrorKind::Conflict);
        auto access = s.addAccessToken(QStringLiteral("s1-a1"), QStringLiteral("s1"), kT0);
        QVERIFY(!access.hasValue());
        QCOMPARE(access.error().kind, ErrorKind::Conflict);
    }

    void tokenOfUnknownSessionFails()
    {
        SessionRepository s(*m_db);
        QVERIFY(!s.addRefreshToken(QStringLiteral("h"), QStringLiteral("nope"), kT0, kT0 + 1)
                         .hasValue());
        QVERIFY(!s.addAccessToken(QStringLiteral("j"), QStringLiteral("nope"), kT0 + 1).hasValue());
    }

    void markRotatedOnlyOnce()
    {
        makeSession(QStringLiteral("s1"), m_alice);
        SessionRepository s(*m_db);
        auto first = s.markRotated(QStringLiteral("s1-r1"), kT0 + 10);
        QVERIFY(first.hasValue());
        QCOMPARE(*first, true);
        auto second = s.markRotated(QStringLiteral("s1-r1"), kT0 + 20);
        QVERIFY(second.hasValue());
        QCOMPARE(*second, false);
        // The first rotation time is kept.
        auto rec = s.findRefreshToken(QStringLiteral("s1-r1"));
        QCOMPARE((*rec)->rotatedAtMs, std::optional<qint64>(kT0 + 10));

        auto unknown = s.markRotated(QStringLiteral("nope"), kT0);
        QVERIFY(unknown.hasValue());
        QCOMPARE(*unknown, false);
    }

    void markRotatedIsPerToken()
    {
        makeSession(QStringLiteral("s1"), m_alice);
        SessionRepository s(*m_db);
        QVERIFY(s.addRefreshToken(QStringLiteral("s1-r2"), QStringLiteral("s1"), kT0, kT0 + kHour)
                        .hasValue());
        QCOMPARE(*s.markRotated(QStringLiteral("s1-r1"), kT0 + 1), true);
        QVERIFY(!(*s.findRefreshToken(QStringLiteral("s1-r2")))->rotatedAtMs.has_value());
        QCOMPARE(*s.markRotated(QStringLiteral("s1-r2"), kT0 + 2), true);
    }

    void revokeSession()
    {
        makeSession(QStringLiteral("s1"), m_alice);
        makeSession(QStringLiteral("s2"), m_alice);
        SessionRepository s(*m_db);
        QVERIFY(s.revokeSession(QStringLiteral("s1"), kT0 + 100).hasValue());
        auto rec = s.findRefreshToken(QStringLiteral("s1-r1"));
        QCOMPARE((*rec)->sessionRevokedAtMs, std::optional<qint64>(kT0 + 100));
        QVERIFY(!isSessionRevoked(QStringLiteral("s2")));

        // The session's access tokens count as revoked; the other session's do not.
        auto a1 = s.findAccessToken(QStringLiteral("s1-a1"));
        QVERIFY(a1.hasValue() && a1->has_value());
        QCOMPARE((*a1)->isRevoked, true);
        QCOMPARE((*s.findAccessToken(QStringLiteral("s2-a1")))->isRevoked, false);

        // Revoking again keeps the first time.
        QVERIFY(s.revokeSession(QStringLiteral("s1"), kT0 + 200).hasValue());
        rec = s.findRefreshToken(QStringLiteral("s1-r1"));
        QCOMPARE((*rec)->sessionRevokedAtMs, std::optional<qint64>(kT0 + 100));
        // Unknown sessions are not an error.
        QVERIFY(s.revokeSession(QStringLiteral("nope"), kT0).hasValue());
    }

    void revokeUserSessionsExcept()
    {
        makeSession(QStringLiteral("a1"), m_alice);
        makeSession(QStringLiteral("a2"), m_alice);
        makeSession(QStringLiteral("a3"), m_alice);
        makeSession(QStringLiteral("b1"), m_bob);
        SessionRepository s(*m_db);
        QVERIFY(s.revokeSession(QStringLiteral("a3"), kT0 + 1).hasValue());

        QVERIFY(s.revokeUserSessionsExcept(m_alice, QStringLiteral("a2"), kT0 + 50).hasValue());
        QVERIFY(isSessionRevoked(QStringLiteral("a1")));
        QVERIFY(!isSessionRevoked(QStringLiteral("a2")));
        QVERIFY(isSessionRevoked(QStringLiteral("a3")));
        QVERIFY(!isSessionRevoked(QStringLiteral("b1")));
        QCOMPARE((*s.findRefreshToken(QStringLiteral("a1-r1")))->sessionRevokedAtMs,
                 std::optional<qint64>(kT0 + 50));
        // An already revoked session keeps its original time.
        QCOMPARE((*s.findRefreshToken(QStringLiteral("a3-r1")))->sessionRevokedAtMs,
                 std::optional<qint64>(kT0 + 1));
        QCOMPARE((*s.findAccessToken(QStringLiteral("a1-a1")))->isRevoked, true);
        QCOMPARE((*s.findAccessToken(QStringLiteral("a2-a1")))->isRevoked, false);
        QCOMPARE((*s.findAccessToken(QStringLiteral("b1-a1")))->isRevoked, false);

        // With no session to keep (empty id), every session of the user ends.
        QVERIFY(s.revokeUserSessionsExcept(m_alice, QStringLiteral(""), kT0 + 60).hasValue());
        QVERIFY(isSessionRevoked(QStringLiteral("a2")));
        QVERIFY(!isSessionRevoked(QStringLiteral("b1")));
    }

    void accessTokens()
    {
        makeSession(QStringLiteral("s1"), m_bob);
        SessionRepository s(*m_db);
        QVERIFY(s.addAccessToken(QStringLiteral("jti-2"), QStringLiteral("s1"), kT0 + kHour)
                        .hasValue());
        auto rec = s.findAccessToken(QStringLiteral("jti-2"));
        QVERIFY(rec.hasValue() && rec->has_value());
        QCOMPARE((*rec)->sessionId, QStringLiteral("s1"));
        QCOMPARE((*rec)->userId, m_bob);
        QCOMPARE((*rec)->isRevoked, false);

        QVERIFY(s.revokeAccessToken(QStringLiteral("jti-2"), kT0 + 5).hasValue());
        QCOMPARE((*s.findAccessToken(QStringLiteral("jti-2")))->isRevoked, true);
        // Only that token: the session and its other token live on.
        QCOMPARE((*s.findAccessToken(QStringLiteral("s1-a1")))->isRevoked, false);
        QVERIFY(!isSessionRevoked(QStringLiteral("s1")));

        auto missing = s.findAccessToken(QStringLiteral("nope"));
        QVERIFY(missing.hasValue());
        QVERIFY(!missing->has_value());
        QVERIFY(s.revokeAccessToken(QStringLiteral("nope"), kT0).hasValue());
    }

    void purgeExpired()
    {
        // s-old: everything expired; s-live: session live, one access token expired.
        makeSession(QStringLiteral("old"), m_alice, kT0 + kHour);
        makeSession(QStringLiteral("live"), m_alice, kT0 + 48 * kHour);
        SessionRepository s(*m_db);
        QVERIFY(s.addAccessToken(QStringLiteral("live-a2"), QStringLiteral("live"),
                                 kT0 + 10 * kHour)
                        .hasValue());
        QCOMPARE(rows("auth_sessions"), qint64(2));
        QCOMPARE(rows("refresh_tokens"), qint64(2));
        QCOMPARE(rows("access_tokens"), qint64(3));

        // Exactly at the expiry instant nothing goes yet ("expired before now").
        QVERIFY(s.purgeExpired(kT0 + kHour).hasValue());
        QCOMPARE(rows("auth_sessions"), qint64(2));
        QCOMPARE(rows("access_tokens"), qint64(3));

        QVERIFY(s.purgeExpired(kT0 + 2 * kHour).hasValue());
        QCOMPARE(rows("auth_sessions"), qint64(1));
        QCOMPARE(rows("refresh_tokens"), qint64(1));
        QCOMPARE(rows("access_tokens"), qint64(1)); // live-a2 only (live-a1 expired at T0+1h)
        QVERIFY(!s.findRefreshToken(QStringLiteral("old-r1"))->has_value());
        QVERIFY(s.findRefreshToken(QStringLiteral("live-r1"))->has_value());
        QVERIFY(!s.findAccessToken(QStringLiteral("live-a1"))->has_value());
        QVERIFY(s.findAccessToken(QStringLiteral("live-a2"))->has_value());

        QVERIFY(s.purgeExpired(kT0 + 100 * kHour).hasValue());
        QCOMPARE(rows("auth_sessions"), qint64(0));
        QCOMPARE(rows("refresh_tokens"), qint64(0));
        QCOMPARE(rows("access_tokens"), qint64(0));
    }

    void deletingUserCascades()
    {
        makeSession(QStringLiteral("s1"), m_alice);
        QVERIFY(m_db->execute(QStringLiteral("DELETE FROM users WHERE id = ?"), {m_alice})
                        .hasValue());
        QCOMPARE(rows("auth_sessions"), qint64(0));
        QCOMPARE(rows("refresh_tokens"), qint64(0));
        QCOMPARE(rows("access_tokens"), qint64(0));
    }
};

QTEST_GUILESS_MAIN(TestSessionRepository)
#include "tst_session_repository.moc"
