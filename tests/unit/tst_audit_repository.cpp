// Unit tests of vms::storage::AuditRepository (core/storage/audit_repository.h) against a
// migrated temporary SQLite database: filters, ordering and keyset pagination.
#include "core/storage/audit_repository.h"
#include "core/storage/database.h"

#include <QSet>
#include <QTemporaryDir>
#include <QTest>
#include <QUuid>

#include <limits>
#include <memory>

using vms::AuditEntry;
using vms::storage::AuditPage;
using vms::storage::AuditQuery;
using vms::storage::AuditRepository;
using vms::storage::Database;
using vms::storage::DatabaseUrl;
using vms::storage::PageCursor;

namespace {

constexpr qint64 kT0 = 1'767'225'600'000;
constexpr qint64 kMax = std::numeric_limits<qint64>::max();

AuditEntry entry(const QString &id, qint64 createdAt, qint64 userId = 1, qint64 org = 10,
                 const QString &action = QStringLiteral("user_login"))
{
    AuditEntry e;
    e.id = id;
    e.actionType = action;
    e.userId = userId;
    e.organizationId = org;
    e.organizationName = QStringLiteral("Org %1").arg(org);
    e.userEmail = QStringLiteral("u%1@example.com").arg(userId);
    e.userFirstName = QStringLiteral("First");
    e.userLastName = QStringLiteral("Last");
    e.userRoleId = 3;
    e.userRoleName = QStringLiteral("operator");
    e.clientIp = QStringLiteral("127.0.0.1");
    e.createdAtMs = createdAt;
    return e;
}

QStringList ids(const QList<AuditEntry> &entries)
{
    QStringList out;
    for (const AuditEntry &e : entries)
        out.append(e.id);
    return out;
}

} // namespace

class TestAuditRepository : public QObject
{
    Q_OBJECT

    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<Database> m_db;

    // Walks every page; fails the test on an error or a runaway loop.
    QList<AuditPage> walk(AuditQuery q)
    {
        QList<AuditPage> pages;
        AuditRepository repo(*m_db);
        for (int guard = 0; guard < 1000; ++guard) {
            auto page = repo.list(q);
            if (!page) {
                qWarning() << "list failed:" << page.error().message;
                return {};
            }
            pages.append(*page);
            if (!page->next)
                return pages;
            // The cursor travels as text, as it does through the API.
            q.after = PageCursor::decode(page->next->encode());
            if (!q.after)
                return {};
        }
        return {};
    }

private slots:
    void init()
    {
        m_dir = std::make_unique<QTemporaryDir>();
        QVERIFY(m_dir->isValid());
        m_db = std::make_unique<Database>(
                *DatabaseUrl::parse(m_dir->filePath(QStringLiteral("vms.db"))));
        QVERIFY(m_db->migrate().hasValue());
    }

    void cleanup()
    {
        m_db.reset();
        m_dir.reset();
    }

    void insertAndFind()
    {
        AuditRepository repo(*m_db);
        AuditEntry e = entry(QStringLiteral("11111111-1111-4111-8111-111111111111"), kT0 + 42, 7,
                             20, QStringLiteral("user_update"));
        e.userAvatarId = QStringLiteral("avatar-7");
        e.userGroups = {{5, QStringLiteral("Night shift")}, {9, QStringLiteral("Ops")}};
        e.userIsSuperuser = true;
        e.meta = {{QStringLiteral("user_id"), 7},
                  {QStringLiteral("changes"),
                   QJsonObject{{QStringLiteral("first_name"),
                                QJsonObject{{QStringLiteral("old"), QStringLiteral("A")},
                                            {QStringLiteral("new"), QStringLiteral("B")}}}}}};
        QVERIFY(repo.insert(e).hasValue());

        auto found = repo.find(e.id);
        QVERIFY(found.hasValue());
        QVERIFY(found->has_value());
        const AuditEntry &f = **found;
        QCOMPARE(f.id, e.id);
        QCOMPARE(f.actionType, QStringLiteral("user_update"));
        QCOMPARE(f.userId, qint64(7));
        QCOMPARE(f.organizationId, qint64(20));
        QCOMPARE(f.organizationName, QStringLiteral("Org 20"));
        QCOMPARE(f.userEmail, QStringLiteral("u7@example.com"));
        QCOMPARE(f.userFirstName, QStringLiteral("First"));
        QCOMPARE(f.userLastName, QStringLiteral("Last"));
        QCOMPARE(f.userAvatarId, std::optional<QString>(QStringLiteral("avatar-7")));
        QCOMPARE(f.userRoleId, qint64(3));
        QCOMPARE(f.userRoleName, QStringLiteral("operator"));
        QCOMPARE(f.userGroups.size(), 2);
        QCOMPARE(f.userGroups[0].id, qint64(5));
        QCOMPARE(f.userGroups[0].name, QStringLiteral("Night shift"));
        QCOMPARE(f.userGroups[1].id, qint64(9));
        QCOMPARE(f.userGroups[1].name, QStringLiteral("Ops"));
        QCOMPARE(f.userIsSuperuser, true);
        QCOMPARE(f.clientIp, QStringLiteral("127.0.0.1"));
        QCOMPARE(f.meta, e.meta);
        QCOMPARE(f.createdAtMs, kT0 + 42);
    }

    void findPlainEntry()
    {
        AuditRepository repo(*m_db);
        const AuditEntry e = entry(QStringLiteral("plain"), kT0);
        QVERIFY(repo.insert(e).hasValue());
        auto f = repo.find(QStringLiteral("plain"));
        QVERIFY(f.hasValue() && f->has_value());
        QVERIFY(!(*f)->userAvatarId.has_value());
        QCOMPARE((*f)->userIsSuperuser, false);
        QVERIFY((*f)->userGroups.isEmpty());
        QVERIFY((*f)->meta.isEmpty());

        auto missing = repo.find(QStringLiteral("absent"));
        QVERIFY(missing.hasValue());
        QVERIFY(!missing->has_value());
    }

    void duplicateIdIsConflict()
    {
        AuditRepository repo(*m_db);
        QVERIFY(repo.insert(entry(QStringLiteral("x"), kT0)).hasValue());
        auto again = repo.insert(entry(QStringLiteral("x"), kT0 + 1));
        QVERIFY(!again.hasValue());
        QCOMPARE(again.error().kind, vms::ErrorKind::Conflict);
    }

    void filters_data()
    {
        QTest::addColumn<qint64>("fromMs");
        QTest::addColumn<qint64>("toMs");
        QTest::addColumn<QList<qint64>>("userIds");
        QTest::addColumn<QStringList>("actionTypes");
        QTest::addColumn<qint64>("organizationId"); // 0: any
        QTest::addColumn<bool>("isAscending");
        QTest::addColumn<QStringList>("expected");

        const QList<qint64> anyUser;
        const QStringList anyAction;
        const QString login = QStringLiteral("user_login");
        const QString logout = QStringLiteral("user_logout");
        const QString update = QStringLiteral("user_update");

        QTest::newRow("everything desc")
                << qint64(0) << kMax << anyUser << anyAction << qint64(0) << false
                << QStringList{QStringLiteral("e5"), QStringLiteral("e4"), QStringLiteral("e3"),
                               QStringLiteral("e2"), QStringLiteral("e1")};
        QTest::newRow("everything asc")
                << qint64(0) << kMax << anyUser << anyAction << qint64(0) << true
                << QStringList{QStringLiteral("e1"), QStringLiteral("e2"), QStringLiteral("e3"),
                               QStringLiteral("e4"), QStringLiteral("e5")};
        QTest::newRow("period inclusive both ends")
                << kT0 + 2000 << kT0 + 4000 << anyUser << anyAction << qint64(0) << true
                << QStringList{QStringLiteral("e2"), QStringLiteral("e3"), QStringLiteral("e4")};
        QTest::newRow("period excludes by 1 ms")
                << kT0 + 2001 << kT0 + 3999 << anyUser << anyAction << qint64(0) << true
                << QStringList{QStringLiteral("e3")};
        QTest::newRow("empty period") << kT0 + 10'000 << kMax << anyUser << anyAction << qint64(0)
                                      << true << QStringList();
        QTest::newRow("one user") << qint64(0) << kMax << QList<qint64>{2} << anyAction << qint64(0)
                                  << true
                                  << QStringList{QStringLiteral("e2"), QStringLiteral("e4")};
        QTest::newRow("two users")
                << qint64(0) << kMax << QList<qint64>{1, 3} << anyAction << qint64(0) << true
                << QStringList{QStringLiteral("e1"), QStringLiteral("e3"), QStringLiteral("e5")};
        QTest::newRow("unknown user") << qint64(0) << kMax << QList<qint64>{99} << anyAction
                                      << qint64(0) << true << QStringList();
        QTest::newRow("one action") << qint64(0) << kMax << anyUser << QStringList{logout}
                                    << qint64(0) << true << QStringList{QStringLiteral("e2")};
        QTest::newRow("two actions")
                << qint64(0) << kMax << anyUser << QStringList{login, update} << qint64(0) << false
                << QStringList{QStringLiteral("e5"), QStringLiteral("e4"), QStringLiteral("e3"),
                               QStringLiteral("e1")};
        QTest::newRow("organization")
                << qint64(0) << kMax << anyUser << anyAction << qint64(20) << true
                << QStringList{QStringLiteral("e3"), QStringLiteral("e4")};
        QTest::newRow("all filters")
                << kT0 + 1000 << kT0 + 4000 << QList<qint64>{2, 3} << QStringList{update}
                << qint64(20) << true << QStringList{QStringLiteral("e3"), QStringLiteral("e4")};
        QTest::newRow("all filters, one excluded by action")
                << kT0 + 1000 << kT0 + 5000 << QList<qint64>{1, 2, 3} << QStringList{login}
                << qint64(10) << false << QStringList{QStringLiteral("e5"), QStringLiteral("e1")};
    }

    void filters()
    {
        QFETCH(qint64, fromMs);
        QFETCH(qint64, toMs);
        QFETCH(QList<qint64>, userIds);
        QFETCH(QStringList, actionTypes);
        QFETCH(qint64, organizationId);
        QFETCH(bool, isAscending);
        QFETCH(QStringList, expected);

        AuditRepository repo(*m_db);
        // id, created, user, org, action
        QVERIFY(repo.insert(entry(QStringLiteral("e1"), kT0 + 1000, 1, 10,
                                  QStringLiteral("user_login")))
                        .hasValue());
        QVERIFY(repo.insert(entry(QStringLiteral("e2"), kT0 + 2000, 2, 10,
                                  QStringLiteral("user_logout")))
                        .hasValue());
        QVERIFY(repo.insert(entry(QStringLiteral("e3"), kT0 + 3000, 3, 20,
                                  QStringLiteral("user_update")))
                        .hasValue());
        QVERIFY(repo.insert(entry(QStringLiteral("e4"), kT0 + 4000, 2, 20,
                                  QStringLiteral("user_update")))
                        .hasValue());
        QVERIFY(repo.insert(entry(QStringLiteral("e5"), kT0 + 5000, 1, 10,
                                  QStringLiteral("user_login")))
                        .hasValue());

        AuditQuery q;
        q.fromMs = fromMs;
        q.toMs = toMs;
        q.userIds = userIds;
        q.actionTypes = actionTypes;
        if (organizationId)
            q.organizationId = organizationId;
        q.isAscending = isAscending;
        auto page = repo.list(q);
        QVERIFY(page.hasValue());
        QCOMPARE(ids(page->entries), expected);
        QVERIFY(!page->next.has_value());
    }

    void limitAndNext()
    {
        AuditRepository repo(*m_db);
        for (int i = 0; i < 5; ++i)
            QVERIFY(repo.insert(entry(QStringLiteral("e%1").arg(i), kT0 + i)).hasValue());
        AuditQuery q;
        q.toMs = kMax;
        q.isAscending = true;

        q.limit = 2;
        auto page = repo.list(q);
        QCOMPARE(ids(page->entries), (QStringList{QStringLiteral("e0"), QStringLiteral("e1")}));
        QVERIFY(page->next.has_value());
        QCOMPARE(page->next->key, kT0 + 1);
        QCOMPARE(page->next->id, QStringLiteral("e1"));

        // Exactly as many entries as the limit: no next page.
        q.limit = 5;
        page = repo.list(q);
        QCOMPARE(page->entries.size(), 5);
        QVERIFY(!page->next.has_value());

        q.limit = 4;
        page = repo.list(q);
        QCOMPARE(page->entries.size(), 4);
        QVERIFY(page->next.has_value());
    }

    void keysetPagination_data()
    {
        QTest::addColumn<bool>("isAscending");
        QTest::addColumn<int>("limit");
        QTest::addColumn<int>("total");
        QTest::newRow("asc 4 of 25") << true << 4 << 25;
        QTest::newRow("desc 4 of 25") << false << 4 << 25;
        QTest::newRow("asc 5 of 25 (exact multiple)") << true << 5 << 25;
        QTest::newRow("desc 5 of 25 (exact multiple)") << false << 5 << 25;
        QTest::newRow("asc 1 of 12") << true << 1 << 12;
        QTest::newRow("desc 3 of 12") << false << 3 << 12;
        QTest::newRow("asc 100 of 25 (one page)") << true << 100 << 25;
    }

    void keysetPagination()
    {
        QFETCH(bool, isAscending);
        QFETCH(int, limit);
        QFETCH(int, total);

        // Many entries share a created_at, so the id must break ties across page boundaries.
        AuditRepository repo(*m_db);
        QStringList all;
        for (int i = 0; i < total; ++i) {
            const QString id = QUuid::createUuid().toString(QUuid::WithoutBraces);
            all.append(id);
            QVERIFY(repo.insert(entry(id, kT0 + (i % 4) * 1000)).hasValue());
        }
        // A noise entry outside the period must never show up.
        QVERIFY(repo.insert(entry(QStringLiteral("outside"), kT0 + 99'000)).hasValue());

        AuditQuery q;
        q.fromMs = kT0;
        q.toMs = kT0 + 10'000;
        q.isAscending = isAscending;
        q.limit = limit;
        const QList<AuditPage> pages = walk(q);
        QVERIFY(!pages.isEmpty());
        QCOMPARE(pages.size(), (total + limit - 1) / limit);

        QStringList seen;
        QList<AuditEntry> ordered;
        for (int p = 0; p < pages.size(); ++p) {
            const AuditPage &page = pages[p];
            QVERIFY(page.entries.size() <= limit);
            if (p + 1 < pages.size())
                QCOMPARE(page.entries.size(), limit);
            QCOMPARE(page.next.has_value(), p + 1 < pages.size());
            seen += ids(page.entries);
            ordered += page.entries;
        }
        // Complete and disjoint.
        QCOMPARE(seen.size(), total);
        QCOMPARE(QSet<QString>(seen.cbegin(), seen.cend()).size(), total);
        QCOMPARE(QSet<QString>(seen.cbegin(), seen.cend()),
                 QSet<QString>(all.cbegin(), all.cend()));
        // Totally ordered by (created_at, id) in the requested direction.
        for (int i = 1; i < ordered.size(); ++i) {
            const auto prev = std::make_pair(ordered[i - 1].createdAtMs, ordered[i - 1].id);
            const auto cur = std::make_pair(ordered[i].createdAtMs, ordered[i].id);
            QVERIFY2(isAscending ? prev < cur : cur < prev, qPrintable(ordered[i].id));
        }
    }

    void paginationWithFilterAndEqualTimes()
    {
        // All entries share one timestamp; a filter removes every other one.
        AuditRepository repo(*m_db);
        QSet<QString> wanted;
        for (int i = 0; i < 20; ++i) {
            const QString id = QStringLiteral("id-%1").arg(i, 2, 10, QLatin1Char('0'));
            const qint64 user = i % 2 ? 1 : 2;
            if (user == 1)
                wanted.insert(id);
            QVERIFY(repo.insert(entry(id, kT0, user)).hasValue());
        }
        AuditQuery q;
        q.toMs = kMax;
        q.userIds = {1};
        q.limit = 3;
        const QList<AuditPage> pages = walk(q);
        QCOMPARE(pages.size(), 4);
        QSet<QString> seen;
        int n = 0;
        for (const AuditPage &p : pages) {
            for (const AuditEntry &e : p.entries) {
                QCOMPARE(e.userId, qint64(1));
                seen.insert(e.id);
                ++n;
            }
        }
        QCOMPARE(n, 10);
        QCOMPARE(seen, wanted);
        // Descending: the first page starts at the greatest id.
        QCOMPARE(pages.first().entries.first().id, QStringLiteral("id-19"));
    }

    void cursorAfterLastGivesEmptyPage()
    {
        AuditRepository repo(*m_db);
        QVERIFY(repo.insert(entry(QStringLiteral("only"), kT0)).hasValue());
        AuditQuery q;
        q.toMs = kMax;
        q.isAscending = true;
        q.after = PageCursor{kT0, QStringLiteral("only")};
        auto page = repo.list(q);
        QVERIFY(page.hasValue());
        QVERIFY(page->entries.isEmpty());
        QVERIFY(!page->next.has_value());
        q.isAscending = false;
        QVERIFY(repo.list(q)->entries.isEmpty());
    }
};

QTEST_GUILESS_MAIN(TestAuditRepository)
#include "tst_audit_repository.moc"
