// Unit tests of the archive index and downtime storage (core/storage/archive_repository.h) and
// of the archive URL signatures (core/auth/url_signer.h), on a migrated temporary SQLite file.
#include "core/auth/url_signer.h"
#include "core/storage/archive_repository.h"
#include "core/storage/database.h"

#include <QTemporaryDir>
#include <QTest>

#include <memory>

using vms::ArchiveSegment;
using vms::DowntimePeriod;
using vms::StreamServerRecord;
using vms::auth::UrlSigner;
using vms::storage::ArchiveRepository;
using vms::storage::Database;
using vms::storage::DatabaseUrl;

namespace {

constexpr qint64 kT0 = 1'767'225'600'000; // 2026-01-01T00:00:00Z
const QString kStream = QStringLiteral("0b7e5a44-6f51-4d8a-9e0a-2d3c4b5a6978");
const QString kOther = QStringLiteral("1c8f6b55-7062-4e9b-af1b-3e4d5c6b7a89");

ArchiveSegment segment(const QString &stream, qint64 startMs, qint64 lengthMs, qint64 bytes = 1000)
{
    ArchiveSegment s;
    s.streamId = stream;
    s.startMs = startMs;
    s.endMs = startMs + lengthMs;
    s.path = QStringLiteral("archive/%1/%2.ts").arg(stream).arg(startMs);
    s.bytes = bytes;
    s.createdAtMs = startMs + lengthMs;
    return s;
}

} // namespace

class TestArchiveRepository : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<Database> m_db;

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

    void segmentsOverlappingARange()
    {
        ArchiveRepository repo(*m_db);
        // Ten 10-second segments with a gap after the fifth, and one of another stream.
        for (int i = 0; i < 10; ++i)
            QVERIFY(repo.insertSegment(
                                segment(kStream, kT0 + i * 10'000 + (i >= 5 ? 60'000 : 0), 10'000))
                            .hasValue());
        QVERIFY(repo.insertSegment(segment(kOther, kT0, 10'000)).hasValue());

        // [15 s, 35 s) touches segments 1, 2 and 3 (a segment that merely touches is out).
        auto hit = repo.segments(kStream, kT0 + 15'000, kT0 + 35'000, 100);
        QVERIFY(hit.hasValue());
        QCOMPARE(hit->size(), 3);
        QCOMPARE(hit->at(0).startMs, kT0 + 10'000);
        QCOMPARE(hit->at(2).startMs, kT0 + 30'000);
        for (const ArchiveSegment &s : std::as_const(*hit))
            QCOMPARE(s.streamId, kStream);
        auto edge = repo.segments(kStream, kT0 + 10'000, kT0 + 20'000, 100);
        QCOMPARE(edge->size(), 1);
        // The gap has nothing; the limit caps the answer.
        QCOMPARE(repo.segments(kStream, kT0 + 51'000, kT0 + 109'000, 100)->size(), 0);
        QCOMPARE(repo.segments(kStream, kT0, kT0 + 1'000'000, 4)->size(), 4);
        QCOMPARE(repo.segments(kOther, kT0, kT0 + 1'000'000, 100)->size(), 1);
        // A long segment that starts long before the range is still found.
        QVERIFY(repo.insertSegment(segment(kOther, kT0 + 100'000, 30 * 60'000)).hasValue());
        QCOMPARE(repo.segments(kOther, kT0 + 100'000 + 29 * 60'000, kT0 + 100'000 + 29 * 60'000 + 1,
                               100)
                         ->size(),
                 1);
    }

    void retentionQueriesAndRemoval()
    {
        ArchiveRepository repo(*m_db);
        QList<qint64> ids;
        for (int i = 0; i < 5; ++i)
            ids.append(
                    *repo.insertSegment(segment(kStream, kT0 + i * 10'000, 10'000, 100 * (i + 1))));
        QVERIFY(repo.insertSegment(segment(kOther, kT0 - 5'000, 10'000, 7)).hasValue());
        QCOMPARE(*repo.totalBytes(kStream), qint64(100 + 200 + 300 + 400 + 500));
        QCOMPARE(*repo.totalBytes(std::nullopt), qint64(1500 + 7));

        auto oldest = repo.oldestSegments(std::nullopt, 2);
        QCOMPARE(oldest->size(), 2);
        QCOMPARE(oldest->at(0).streamId, kOther);
        QCOMPARE(oldest->at(1).id, ids.first());
        auto ended = repo.segmentsEndedBefore(kStream, kT0 + 30'000, 100);
        QCOMPARE(ended->size(), 3); // those ending at 10, 20 and 30 s

        QVERIFY(repo.removeSegment(ids.first()).hasValue());
        QVERIFY(!repo.findSegment(ids.first())->has_value());
        QVERIFY(repo.findSegment(ids.last())->has_value());
        QCOMPARE(*repo.totalBytes(kStream), qint64(1400));
        QCOMPARE(repo.allSegments(kStream)->size(), 4);
        QCOMPARE(repo.streamsWithSegments()->size(), 2);
    }

    void downtimePeriods()
    {
        ArchiveRepository repo(*m_db);
        QVERIFY(repo.openDowntime(kStream, kT0, QStringLiteral("connection refused")).hasValue());
        auto open = repo.openDowntimeOf(kStream);
        QVERIFY(open->has_value());
        QVERIFY(!(*open)->endMs);
        // While open, it lasts until "now".
        QCOMPARE(*repo.downtimeMs(kStream, kT0 - 1000, kT0 + 5000), qint64(5000));
        QVERIFY(repo.closeDowntime(kStream, kT0 + 3000).hasValue());
        QVERIFY(!repo.openDowntimeOf(kStream)->has_value());
        QVERIFY(repo.openDowntime(kStream, kT0 + 10'000, QStringLiteral("eof")).hasValue());
        QVERIFY(repo.closeDowntime(kStream, kT0 + 12'000).hasValue());
        // Clipped to the window: 3 s + 2 s, of which the window [1 s, 11 s] holds 2 s + 1 s.
        QCOMPARE(*repo.downtimeMs(kStream, kT0, kT0 + 20'000), qint64(5000));
        QCOMPARE(*repo.downtimeMs(kStream, kT0 + 1000, kT0 + 11'000), qint64(3000));
        QCOMPARE(*repo.downtimeMs(kOther, kT0, kT0 + 20'000), qint64(0));

        auto list = repo.downtimes(kStream, kT0, 10);
        QCOMPARE(list->size(), 2);
        QCOMPARE(list->at(0).reason, QStringLiteral("eof")); // newest first
        QCOMPARE(*list->at(1).endMs, kT0 + 3000);

        // An end before the start (clock trouble) never makes a negative period.
        QVERIFY(repo.openDowntime(kOther, kT0 + 50'000, QStringLiteral("x")).hasValue());
        QVERIFY(repo.closeAllDowntimes(kT0).hasValue());
        QCOMPARE(*repo.downtimes(kOther, 0, 10)->first().endMs, kT0 + 50'000);
    }

    void streamServers()
    {
        ArchiveRepository repo(*m_db);
        StreamServerRecord s;
        s.id = QStringLiteral("srv-1");
        s.host = QStringLiteral("127.0.0.1:8080");
        s.schedulerGroup = QStringLiteral("north");
        s.tags = {QStringLiteral("gpu"), QStringLiteral("raid")};
        s.startedAtMs = kT0;
        s.lastSeenAtMs = kT0;
        QVERIFY(repo.upsertServer(s).hasValue());
        s.host = QStringLiteral("127.0.0.1:9090");
        QVERIFY(repo.upsertServer(s).hasValue()); // a restart replaces the record
        QVERIFY(repo.touchServer(s.id, kT0 + 5000).hasValue());
        auto servers = repo.servers();
        QCOMPARE(servers->size(), 1);
        QCOMPARE(servers->first().host, QStringLiteral("127.0.0.1:9090"));
        QCOMPARE(servers->first().tags, s.tags);
        QCOMPARE(*servers->first().schedulerGroup, QStringLiteral("north"));
        QCOMPARE(servers->first().lastSeenAtMs, kT0 + 5000);
    }

    void signedUrls()
    {
        const UrlSigner signer(QByteArray(32, 'k'));
        const qint64 now = 1'800'000'000;
        const auto s = signer.sign(QStringLiteral("/api/v1/archive/segments/42"), now + 60);
        QVERIFY(s.url.startsWith(QStringLiteral("/api/v1/archive/segments/42?expires=")));
        QVERIFY(s.url.endsWith(QStringLiteral("&signature=") + s.signature));
        const QString exp = QString::number(now + 60);
        QVERIFY(signer.verify(QStringLiteral("/api/v1/archive/segments/42"), exp, s.signature, now)
                        .hasValue());
        // Another resource, another expiry, a changed signature, expiry reached, another key.
        const auto denied = [](const vms::Status &st) {
            return !st.hasValue() && st.error().kind == vms::ErrorKind::PermissionDenied;
        };
        QVERIFY(denied(signer.verify(QStringLiteral("/api/v1/archive/segments/43"), exp,
                                     s.signature, now)));
        QVERIFY(denied(signer.verify(QStringLiteral("/api/v1/archive/segments/42"),
                                     QString::number(now + 6000), s.signature, now)));
        QString tampered = s.signature;
        tampered[3] = tampered[3] == QLatin1Char('A') ? QLatin1Char('B') : QLatin1Char('A');
        QVERIFY(denied(
                signer.verify(QStringLiteral("/api/v1/archive/segments/42"), exp, tampered, now)));
        QVERIFY(denied(signer.verify(QStringLiteral("/api/v1/archive/segments/42"), exp,
                                     s.signature, now + 60)));
        QVERIFY(denied(UrlSigner(QByteArray(32, 'x'))
                               .verify(QStringLiteral("/api/v1/archive/segments/42"), exp,
                                       s.signature, now)));
        QVERIFY(denied(signer.verify(QStringLiteral("/api/v1/archive/segments/42"),
                                     QStringLiteral("soon"), s.signature, now)));
        QVERIFY(denied(signer.verify(QStringLiteral("/api/v1/archive/segments/42"), exp, {}, now)));
        // A resource with a query of its own gets the signature appended with '&'.
        const auto p = signer.sign(QStringLiteral("/x/index.m3u8?ts_from=1&ts_to=2"), now + 60);
        QVERIFY(p.url.contains(QStringLiteral("?ts_from=1&ts_to=2&expires=")));
    }
};

QTEST_GUILESS_MAIN(TestArchiveRepository)
#include "tst_archive_repository.moc"
