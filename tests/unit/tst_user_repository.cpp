// Unit tests of vms::storage::UserRepository (with the role, organization and group
// repositories it depends on) against a migrated temporary SQLite database.
#include "core/storage/database.h"
#include "core/storage/user_repository.h"

#include <QTemporaryDir>
#include <QTest>

#include <memory>

using vms::ErrorKind;
using vms::GroupRef;
using vms::User;
using vms::storage::Database;
using vms::storage::DatabaseUrl;
using vms::storage::GroupRepository;
using vms::storage::OrganizationRepository;
using vms::storage::RoleRepository;
using vms::storage::UserRepository;

namespace {
constexpr qint64 kT0 = 1'767'225'600'000; // 2026-01-01T00:00:00Z
}

class TestUserRepository : public QObject
{
    Q_OBJECT

    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<Database> m_db;
    qint64 m_org = 0;
    qint64 m_otherOrg = 0;
    qint64 m_role = 0;
    qint64 m_group1 = 0;
    qint64 m_group2 = 0;

    User sampleUser(const QString &email) const
    {
        User u;
        u.organizationId = m_org;
        u.roleId = m_role;
        u.email = email;
        u.firstName = QStringLiteral("Ada");
        u.lastName = QStringLiteral("Lovelace");
        u.passwordHash = QStringLiteral("$argon2id$fake");
        return u;
    }

private slots:
    void init()
    {
        m_dir = std::make_unique<QTemporaryDir>();
        QVERIFY(m_dir->isValid());
        m_db = std::make_unique<Database>(
                *DatabaseUrl::parse(m_dir->filePath(QStringLiteral("vms.db"))));
        QVERIFY(m_db->migrate().hasValue());

        OrganizationRepository orgs(*m_db);
        auto org = orgs.create(QStringLiteral("Acme"), QStringLiteral("test org"), false, kT0);
        QVERIFY(org.hasValue());
        m_org = *org;
        auto other = orgs.create(QStringLiteral("Other"), QStringLiteral("internal"), true, kT0);
        QVERIFY(other.hasValue());
        m_otherOrg = *other;

        RoleRepository roles(*m_db);
        auto role = roles.create(QStringLiteral("viewer"), QStringLiteral("reads"), false,
                                 {QStringLiteral("user_read"), QStringLiteral("camera_read")}, kT0);
        QVERIFY(role.hasValue());
        m_role = *role;

        GroupRepository groups(*m_db);
        // Created in reverse name order so that ordering by id is distinguishable.
        auto g2 = groups.create(m_org, QStringLiteral("Zeta"), QStringLiteral("z"), false, kT0);
        auto g1 = groups.create(m_org, QStringLiteral("Alpha"), QStringLiteral("a"), false, kT0);
        QVERIFY(g1.hasValue() && g2.hasValue());
        m_group2 = *g2;
        m_group1 = *g1;
    }

    void cleanup()
    {
        m_db.reset();
        m_dir.reset();
    }

    void createAndFindById()
    {
        UserRepository users(*m_db);
        User in = sampleUser(QStringLiteral("ada@example.com"));
        in.avatarId = QStringLiteral("avatar-1");
        in.isSuperuser = true;
        in.isActive = false;
        in.groups = {{m_group1, {}}, {m_group2, {}}};
        auto id = users.create(in, kT0 + 5);
        QVERIFY(id.hasValue());
        QVERIFY(*id > 0);

        auto found = users.findById(*id);
        QVERIFY(found.hasValue());
        QVERIFY(found->has_value());
        const User &u = **found;
        QCOMPARE(u.id, *id);
        QCOMPARE(u.organizationId, m_org);
        QCOMPARE(u.organizationName, QStringLiteral("Acme"));
        QCOMPARE(u.roleId, m_role);
        QCOMPARE(u.roleName, QStringLiteral("viewer"));
        QCOMPARE(u.email, QStringLiteral("ada@example.com"));
        QCOMPARE(u.firstName, QStringLiteral("Ada"));
        QCOMPARE(u.lastName, QStringLiteral("Lovelace"));
        QCOMPARE(u.avatarId, std::optional<QString>(QStringLiteral("avatar-1")));
        QCOMPARE(u.isSuperuser, true);
        QCOMPARE(u.isActive, false);
        QCOMPARE(u.passwordHash, QStringLiteral("$argon2id$fake"));
        QCOMPARE(u.createdAtMs, kT0 + 5);
        QCOMPARE(u.updatedAtMs, kT0 + 5);
        // Groups resolved with their names, ordered by id.
        QCOMPARE(u.groups.size(), 2);
        QCOMPARE(u.groups[0].id, m_group2);
        QCOMPARE(u.groups[0].name, QStringLiteral("Zeta"));
        QCOMPARE(u.groups[1].id, m_group1);
        QCOMPARE(u.groups[1].name, QStringLiteral("Alpha"));
    }

    void booleansAndNullsRoundTrip_data()
    {
        QTest::addColumn<bool>("isSuperuser");
        QTest::addColumn<bool>("isActive");
        QTest::addColumn<bool>("hasAvatar");
        QTest::newRow("false true none") << false << true << false;
        QTest::newRow("true false avatar") << true << false << true;
        QTest::newRow("false false none") << false << false << false;
        QTest::newRow("true true avatar") << true << true << true;
    }

    void booleansAndNullsRoundTrip()
    {
        QFETCH(bool, isSuperuser);
        QFETCH(bool, isActive);
        QFETCH(bool, hasAvatar);
        UserRepository users(*m_db);
        User in = sampleUser(QStringLiteral("flags@example.com"));
        in.isSuperuser = isSuperuser;
        in.isActive = isActive;
        if (hasAvatar)
            in.avatarId = QStringLiteral("a");
        auto id = users.create(in, kT0);
        QVERIFY(id.hasValue());
        auto u = users.findById(*id);
        QVERIFY(u.hasValue() && u->has_value());
        QCOMPARE((*u)->isSuperuser, isSuperuser);
        QCOMPARE((*u)->isActive, isActive);
        QCOMPARE((*u)->avatarId.has_value(), hasAvatar);
        QVERIFY((*u)->groups.isEmpty());
    }

    void findByEmailIsCaseInsensitive_data()
    {
        QTest::addColumn<QString>("stored");
        QTest::addColumn<QString>("lookup");
        QTest::addColumn<bool>("isFound");
        QTest::newRow("same") << QStringLiteral("bob@example.com")
                              << QStringLiteral("bob@example.com") << true;
        QTest::newRow("upper lookup")
                << QStringLiteral("bob@example.com") << QStringLiteral("BOB@Example.COM") << true;
        QTest::newRow("mixed stored")
                << QStringLiteral("Bob@Example.com") << QStringLiteral("bob@example.com") << true;
        QTest::newRow("spaces") << QStringLiteral("bob@example.com")
                                << QStringLiteral("  bob@example.com ") << true;
        QTest::newRow("other") << QStringLiteral("bob@example.com")
                               << QStringLiteral("bob@example.org") << false;
        QTest::newRow("prefix") << QStringLiteral("bob@example.com")
                                << QStringLiteral("bob@example.co") << false;
        QTest::newRow("empty") << QStringLiteral("bob@example.com") << QString() << false;
    }

    void findByEmailIsCaseInsensitive()
    {
        QFETCH(QString, stored);
        QFETCH(QString, lookup);
        QFETCH(bool, isFound);
        UserRepository users(*m_db);
        auto id = users.create(sampleUser(stored), kT0);
        QVERIFY(id.hasValue());
        auto found = users.findByEmail(lookup);
        QVERIFY(found.hasValue());
        QCOMPARE(found->has_value(), isFound);
        if (isFound) {
            QCOMPARE((*found)->id, *id);
            QCOMPARE((*found)->email, stored.trimmed().toLower());
        }
    }

    void findMissing()
    {
        UserRepository users(*m_db);
        auto byId = users.findById(12345);
        QVERIFY(byId.hasValue());
        QVERIFY(!byId->has_value());
        auto byEmail = users.findByEmail(QStringLiteral("nobody@example.com"));
        QVERIFY(byEmail.hasValue());
        QVERIFY(!byEmail->has_value());
    }

    void countUsers()
    {
        UserRepository users(*m_db);
        QCOMPARE(*users.count(), qint64(0));
        QVERIFY(users.create(sampleUser(QStringLiteral("a@x.io")), kT0).hasValue());
        QVERIFY(users.create(sampleUser(QStringLiteral("b@x.io")), kT0).hasValue());
        QCOMPARE(*users.count(), qint64(2));
    }

    void duplicateEmailIsConflict()
    {
        UserRepository users(*m_db);
        QVERIFY(users.create(sampleUser(QStringLiteral("dup@example.com")), kT0).hasValue());
        auto again = users.create(sampleUser(QStringLiteral("DUP@example.com")), kT0);
        QVERIFY(!again.hasValue());
        QCOMPARE(again.error().kind, ErrorKind::Conflict);
        QCOMPARE(*users.count(), qint64(1));
    }

    void failedCreateLeavesNothing()
    {
        // A bad group id fails the membership insert; the user row is rolled back with it.
        UserRepository users(*m_db);
        User u = sampleUser(QStringLiteral("ghost@example.com"));
        u.groups = {{m_group1, {}}, {999'999, {}}};
        auto r = users.create(u, kT0);
        QVERIFY(!r.hasValue());
        QCOMPARE(*users.count(), qint64(0));
        auto found = users.findByEmail(QStringLiteral("ghost@example.com"));
        QVERIFY(found.hasValue());
        QVERIFY(!found->has_value());
        auto members = m_db->select(QStringLiteral("SELECT COUNT(*) FROM group_members"));
        QCOMPARE(members->first().first().toInt(), 0);
    }

    void updateProfile()
    {
        UserRepository users(*m_db);
        const qint64 id = *users.create(sampleUser(QStringLiteral("p@example.com")), kT0);
        QVERIFY(users.updateProfile(id, QStringLiteral("Grace"), QStringLiteral("Hopper"),
                                    QStringLiteral("av-9"), kT0 + 1000)
                        .hasValue());
        auto u = users.findById(id);
        QVERIFY(u.hasValue() && u->has_value());
        QCOMPARE((*u)->firstName, QStringLiteral("Grace"));
        QCOMPARE((*u)->lastName, QStringLiteral("Hopper"));
        QCOMPARE((*u)->avatarId, std::optional<QString>(QStringLiteral("av-9")));
        QCOMPARE((*u)->updatedAtMs, kT0 + 1000);
        QCOMPARE((*u)->createdAtMs, kT0);
        QCOMPARE((*u)->email, QStringLiteral("p@example.com"));

        // Clearing the avatar stores NULL; an empty (not null) name is a value.
        QVERIFY(users.updateProfile(id, QStringLiteral("Grace"), QStringLiteral(""), std::nullopt,
                                    kT0 + 2000)
                        .hasValue());
        u = users.findById(id);
        QVERIFY(!(*u)->avatarId.has_value());
        QCOMPARE((*u)->lastName, QStringLiteral(""));
        QCOMPARE((*u)->updatedAtMs, kT0 + 2000);
    }

    void updateTouchesOnlyItsUser()
    {
        UserRepository users(*m_db);
        const qint64 a = *users.create(sampleUser(QStringLiteral("a@example.com")), kT0);
        const qint64 b = *users.create(sampleUser(QStringLiteral("b@example.com")), kT0);
        QVERIFY(users.updateProfile(a, QStringLiteral("X"), QStringLiteral("Y"), std::nullopt,
                                    kT0 + 1)
                        .hasValue());
        QVERIFY(users.updatePasswordHash(a, QStringLiteral("new"), kT0 + 1).hasValue());
        auto ub = users.findById(b);
        QCOMPARE((*ub)->firstName, QStringLiteral("Ada"));
        QCOMPARE((*ub)->passwordHash, QStringLiteral("$argon2id$fake"));
        QCOMPARE((*ub)->updatedAtMs, kT0);
    }

    void updatePasswordHash()
    {
        UserRepository users(*m_db);
        const qint64 id = *users.create(sampleUser(QStringLiteral("pw@example.com")), kT0);
        QVERIFY(users.updatePasswordHash(id, QStringLiteral("$argon2id$new"), kT0 + 7).hasValue());
        auto u = users.findById(id);
        QCOMPARE((*u)->passwordHash, QStringLiteral("$argon2id$new"));
        QCOMPARE((*u)->updatedAtMs, kT0 + 7);
    }

    void updateEmail()
    {
        UserRepository users(*m_db);
        const qint64 id = *users.create(sampleUser(QStringLiteral("old@example.com")), kT0);
        QVERIFY(users.updateEmail(id, QStringLiteral(" New@Example.com "), kT0 + 3).hasValue());
        auto byNew = users.findByEmail(QStringLiteral("new@example.com"));
        QVERIFY(byNew.hasValue() && byNew->has_value());
        QCOMPARE((*byNew)->id, id);
        QCOMPARE((*byNew)->email, QStringLiteral("new@example.com"));
        QCOMPARE((*byNew)->updatedAtMs, kT0 + 3);
        auto byOld = users.findByEmail(QStringLiteral("old@example.com"));
        QVERIFY(byOld.hasValue());
        QVERIFY(!byOld->has_value());
    }

    void updateEmailToTakenIsConflict()
    {
        UserRepository users(*m_db);
        const qint64 a = *users.create(sampleUser(QStringLiteral("a@example.com")), kT0);
        QVERIFY(users.create(sampleUser(QStringLiteral("b@example.com")), kT0).hasValue());
        const auto s = users.updateEmail(a, QStringLiteral("B@example.com"), kT0 + 1);
        QVERIFY(!s.hasValue());
        QCOMPARE(s.error().kind, ErrorKind::Conflict);
        QCOMPARE((*users.findById(a))->email, QStringLiteral("a@example.com"));
    }

    void roles()
    {
        RoleRepository roles(*m_db);
        auto id = roles.findIdByName(QStringLiteral("viewer"));
        QVERIFY(id.hasValue());
        QCOMPARE(*id, std::optional<qint64>(m_role));
        auto missing = roles.findIdByName(QStringLiteral("nope"));
        QVERIFY(missing.hasValue());
        QVERIFY(!missing->has_value());

        auto perms = roles.permissions(m_role);
        QVERIFY(perms.hasValue());
        // Sorted by name.
        QCOMPARE(*perms, (QStringList{QStringLiteral("camera_read"), QStringLiteral("user_read")}));
        QCOMPARE(*roles.permissions(999), QStringList());

        auto dup = roles.create(QStringLiteral("viewer"), QStringLiteral("d"), false, {}, kT0);
        QVERIFY(!dup.hasValue());
        QCOMPARE(dup.error().kind, ErrorKind::Conflict);

        // A duplicate permission rolls the whole role back.
        auto bad = roles.create(QStringLiteral("broken"), QStringLiteral("d"), false,
                                {QStringLiteral("x"), QStringLiteral("x")}, kT0);
        QVERIFY(!bad.hasValue());
        QVERIFY(!roles.findIdByName(QStringLiteral("broken"))->has_value());
    }

    void organizationsAndGroups()
    {
        OrganizationRepository orgs(*m_db);
        QCOMPARE(*orgs.findIdByName(QStringLiteral("Acme")), std::optional<qint64>(m_org));
        QCOMPARE(*orgs.findIdByName(QStringLiteral("Other")), std::optional<qint64>(m_otherOrg));
        QVERIFY(!orgs.findIdByName(QStringLiteral("acme"))->has_value());
        auto dup = orgs.create(QStringLiteral("Acme"), QStringLiteral("d"), false, kT0);
        QVERIFY(!dup.hasValue());
        QCOMPARE(dup.error().kind, ErrorKind::Conflict);

        GroupRepository groups(*m_db);
        // Group names are unique per organization only.
        QVERIFY(groups.create(m_otherOrg, QStringLiteral("Alpha"), QStringLiteral("d"), false, kT0)
                        .hasValue());
        auto dupGroup
                = groups.create(m_org, QStringLiteral("Alpha"), QStringLiteral("d"), false, kT0);
        QVERIFY(!dupGroup.hasValue());
        QCOMPARE(dupGroup.error().kind, ErrorKind::Conflict);
    }
};

QTEST_GUILESS_MAIN(TestUserRepository)
#include "tst_user_repository.moc"
