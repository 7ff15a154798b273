// Video end to end, in process: a camera on the RTSP test server (gst-rtsp-server, real H.264)
// is ingested and recorded by a server with ingest on. Checks the live state (§21), the archive
// (§18: signed segment URLs that decode with FFmpeg, Range requests, 403 for tampered or expired
// URLs, an HLS index that ffprobe opens), snapshots (§19.2), stats (§20.1), stream servers
// (§22), and an outage of the RTSP server with its downtime period and recovery (§23).
#include "core/auth/token_signer.h"
#include "core/auth/url_signer.h"
#include "tests/api/api_fixture.h"
#include "tests/support/media_probe.h"
#include "tests/support/rtsp_test_server.h"

#include <QDeadlineTimer>
#include <QDir>
#include <QProcess>
#include <QStandardPaths>
#include <QTcpServer>
#include <QTemporaryDir>
#include <QThread>
#include <QUrlQuery>
#include <QUuid>
#include <QtTest>

using namespace vms::apitest;
using vms::test::decodeMedia;
using vms::test::RtspTestServer;

class TstVideoApi : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void cleanup();
    void cleanupTestCase();
    void streamGoesOnline();
    void substreamIsWatched();
    void segmentsAreSignedAndDecode();
    void segmentRanges();
    void tamperedOrExpiredUrlsAreRefused();
    void hlsIndexOpensInFfprobe();
    void snapshotIsTheLiveFrame();
    void statsAndStreamServers();
    void verifyOpensTheLink();
    void badInput();
    void permissionsAndIsolation();
    void outageIsRecordedAndRecovers();

private:
    /** Polls GET /streams/{id} until its status is `status`; false after `timeoutMs`. */
    bool waitForStatus(const QString &streamId, const QString &status, int timeoutMs);
    /** GET /segments over the last hour (and a minute ahead). */
    Reply segments(const QString &streamId);
    /** Path and query of an absolute URL that the server gave, to request through a client. */
    static QString pathOf(const QString &url);
    /** The parts of a segment URL: /api/v1/archive/signed/{expires}/{signature}/segments/{id}.ts */
    struct SegmentUrl
    {
        QString expires, signature, file;
        QString path() const
        {
            return QStringLiteral("/api/v1/archive/signed/%1/%2/segments/%3")
                    .arg(expires, signature, file);
        }
    };
    static SegmentUrl parseSegmentUrl(const QString &url);

    RtspTestServer m_rtsp;
    TestServer m_server;
    std::unique_ptr<ApiTestClient> m_client; // superuser
    std::unique_ptr<ApiTestClient> m_anon;   // no token at all
    QString m_cameraId;
    QString m_subCameraId;
    qint64 m_placeId = 0;
};

void TstVideoApi::initTestCase()
{
    QVERIFY2(m_rtsp.start(), qPrintable(m_rtsp.errorString()));
    TestServerConfig config;
    config.ingest = true;
    config.segmentSeconds = 2;
    QVERIFY2(m_server.start(config), qPrintable(m_server.errorString()));
    m_client = std::make_unique<ApiTestClient>(m_server.url());
    m_anon = std::make_unique<ApiTestClient>(m_server.url());
    const Session s = login(*m_client, m_server.adminLogin(), m_server.adminPassword());
    QVERIFY(s.isValid());
    m_client->setBearer(s.accessToken);

    const Reply place
            = m_client->post(QStringLiteral("/api/v1/places"),
                             QJsonObject{{QStringLiteral("name"), QStringLiteral("Video site")}});
    VMS_VERIFY_STATUS(place, 200);
    m_placeId = qint64(place.object().value(QStringLiteral("id")).toDouble());
    const Reply camera = m_client->post(
            QStringLiteral("/api/v1/cameras"),
            QJsonObject{{QStringLiteral("name"), QStringLiteral("Gate")},
                        {QStringLiteral("place_id"), m_placeId},
                        {QStringLiteral("source"),
                         QJsonObject{{QStringLiteral("url"), m_rtsp.url().toString()},
                                     {QStringLiteral("transport"), QStringLiteral("tcp")}}}});
    VMS_VERIFY_STATUS(camera, 200);
    m_cameraId = camera.object().value(QStringLiteral("id")).toString();
}

void TstVideoApi::cleanup()
{
    VMS_VERIFY_NO_SCHEMA_FAILURES(*m_client);
    VMS_VERIFY_NO_SCHEMA_FAILURES(*m_anon);
}

void TstVideoApi::cleanupTestCase()
{
    m_server.stop();
    m_rtsp.stop();
}

bool TstVideoApi::waitForStatus(const QString &streamId, const QString &status, int timeoutMs)
{
    QDeadlineTimer deadline(timeoutMs);
    while (!deadline.hasExpired()) {
        const Reply r = m_client->get(QStringLiteral("/api/v1/streams/") + streamId);
        if (r.status == 200 && r.object().value(QStringLiteral("status")).toString() == status)
            return true;
        QTest::qWait(200);
    }
    return false;
}

Reply TstVideoApi::segments(const QString &streamId)
{
    const qint64 now = QDateTime::currentSecsSinceEpoch();
    return m_client->get(QStringLiteral("/api/v1/segments?stream_id=%1&ts_from=%2&ts_to=%3")
                                 .arg(streamId)
                                 .arg(now - 3600)
                                 .arg(now + 60));
}

QString TstVideoApi::pathOf(const QString &url)
{
    const QUrl u(url);
    return u.hasQuery() ? u.path() + QLatin1Char('?') + u.query(QUrl::FullyEncoded) : u.path();
}

TstVideoApi::SegmentUrl TstVideoApi::parseSegmentUrl(const QString &url)
{
    const QStringList parts = QUrl(url).path().split(QLatin1Char('/'));
    // "", api, v1, archive, signed, {expires}, {signature}, segments, {id}.ts
    if (parts.size() != 9 || parts.at(4) != QLatin1String("signed"))
        return {};
    return {parts.at(5), parts.at(6), parts.at(8)};
}

void TstVideoApi::streamGoesOnline()
{
    QVERIFY2(waitForStatus(m_cameraId, QStringLiteral("online"), 20000),
             "the camera did not go online");
    const Reply stream = m_client->get(QStringLiteral("/api/v1/streams/") + m_cameraId);
    VMS_VERIFY_STATUS(stream, 200);
    QVERIFY(!stream.object().value(QStringLiteral("streamserver_id")).toString().isEmpty());
    QCOMPARE(stream.object().value(QStringLiteral("streamserver_host")).toString(),
             m_server.url().authority());
    const qint64 ts = qint64(stream.object().value(QStringLiteral("ts")).toDouble());
    QVERIFY(qAbs(ts - QDateTime::currentSecsSinceEpoch()) < 5); // Unix seconds

    // Measurements settle over a few seconds of packets.
    Reply info;
    QDeadlineTimer deadline(10000);
    do {
        QTest::qWait(500);
        info = m_client->get(QStringLiteral("/api/v1/streams/%1/info").arg(m_cameraId));
    } while (!deadline.hasExpired()
             && (info.status != 200
                 || qAbs(info.object().value(QStringLiteral("frame_rate")).toInt() - 25) > 1));
    VMS_VERIFY_STATUS(info, 200);
    QCOMPARE(info.object().value(QStringLiteral("frame_width")).toInt(), 1280);
    QCOMPARE(info.object().value(QStringLiteral("frame_height")).toInt(), 720);
    QCOMPARE(info.object().value(QStringLiteral("codec")).toString(), QStringLiteral("h264"));
    QVERIFY2(qAbs(info.object().value(QStringLiteral("frame_rate")).toInt() - 25) <= 1,
             qPrintable(info.describe()));
    QVERIFY(info.object().value(QStringLiteral("bit_rate")).toDouble() > 100'000);
}

void TstVideoApi::substreamIsWatched()
{
    const Reply camera = m_client->post(
            QStringLiteral("/api/v1/cameras"),
            QJsonObject{{QStringLiteral("name"), QStringLiteral("Lobby")},
                        {QStringLiteral("place_id"), m_placeId},
                        {QStringLiteral("video_storage"),
                         QJsonObject{{QStringLiteral("enabled"), false}}},
                        {QStringLiteral("source"),
                         QJsonObject{{QStringLiteral("url"), m_rtsp.url().toString()},
                                     {QStringLiteral("substream_url"),
                                      m_rtsp.url(QStringLiteral("sub")).toString()}}}});
    VMS_VERIFY_STATUS(camera, 200);
    m_subCameraId = camera.object().value(QStringLiteral("id")).toString();
    const QString subId
            = QUuid::createUuidV5(QUuid::fromString(m_subCameraId), QStringLiteral("substream"))
                      .toString(QUuid::WithoutBraces);
    QVERIFY2(waitForStatus(subId, QStringLiteral("online"), 20000), "substream not online");
    Reply info;
    QDeadlineTimer deadline(10000);
    do {
        QTest::qWait(300);
        info = m_client->get(QStringLiteral("/api/v1/streams/%1/info").arg(subId));
    } while (info.status != 200 && !deadline.hasExpired());
    VMS_VERIFY_STATUS(info, 200);
    QCOMPARE(info.object().value(QStringLiteral("frame_width")).toInt(), 640);
    QCOMPARE(info.object().value(QStringLiteral("frame_height")).toInt(), 360);
    // Recording is off for this camera: its archive stays empty.
    QTest::qWait(3000);
    const Reply none = segments(m_subCameraId);
    VMS_VERIFY_STATUS(none, 200);
    QCOMPARE(none.object().value(QStringLiteral("segments")).toArray().size(), 0);
}

void TstVideoApi::segmentsAreSignedAndDecode()
{
    QJsonArray items;
    QDeadlineTimer deadline(30000);
    while (!deadline.hasExpired()) {
        const Reply r = segments(m_cameraId);
        VMS_VERIFY_STATUS(r, 200);
        items = r.object().value(QStringLiteral("segments")).toArray();
        if (items.size() >= 2)
            break;
        QTest::qWait(500);
    }
    QVERIFY2(items.size() >= 2, "fewer than two segments were recorded");
    qint64 previousStart = 0;
    for (const QJsonValue &v : std::as_const(items)) {
        const QJsonObject s = v.toObject();
        const qint64 start = qint64(s.value(QStringLiteral("ts_start")).toDouble());
        const qint64 end = qint64(s.value(QStringLiteral("ts_end")).toDouble());
        QVERIFY(start >= previousStart);
        QVERIFY(end > start);
        QVERIFY(end - start <= 10); // 2 s segments cut at 1 s keyframes
        QVERIFY(qAbs(start - QDateTime::currentSecsSinceEpoch()) < 120);
        previousStart = start;
        const QUrl url(s.value(QStringLiteral("segment_url")).toString());
        QCOMPARE(url.scheme(), QStringLiteral("http"));
        QCOMPARE(url.authority(), m_server.url().authority());
        const SegmentUrl parts = parseSegmentUrl(url.toString());
        QVERIFY2(parts.file.endsWith(QLatin1String(".ts")), qPrintable(url.toString()));
        QCOMPARE(parts.signature, s.value(QStringLiteral("signature")).toString());
        QVERIFY(qAbs(parts.expires.toLongLong() - QDateTime::currentSecsSinceEpoch() - 3600) < 60);
    }
    // The bytes decode to real pictures; without the token the URL alone is not enough.
    const QString url = items.first()[QStringLiteral("segment_url")].toString();
    VMS_VERIFY_ERROR(m_anon->get(pathOf(url)), 401, "not_authenticated");
    const Reply bytes = m_client->get(pathOf(url));
    VMS_VERIFY_STATUS(bytes, 200);
    QCOMPARE(bytes.header("Content-Type"), QByteArray("video/mp2t"));
    QTemporaryDir dir;
    const QString file = dir.filePath(QStringLiteral("segment.ts"));
    QFile out(file);
    QVERIFY(out.open(QIODevice::WriteOnly));
    out.write(bytes.body);
    out.close();
    const auto decoded = decodeMedia(file);
    QVERIFY2(decoded.isValid(), qPrintable(decoded.error));
    QCOMPARE(decoded.codec, QStringLiteral("h264"));
    QCOMPARE(decoded.width, 1280);
    QCOMPARE(decoded.height, 720);
    QVERIFY2(decoded.frames >= 25, qPrintable(QString::number(decoded.frames)));
    QVERIFY(decoded.lumaStdDev > 10); // a test pattern, not a black frame
}

void TstVideoApi::segmentRanges()
{
    const Reply r = segments(m_cameraId);
    const QJsonArray items = r.object().value(QStringLiteral("segments")).toArray();
    QVERIFY(!items.isEmpty());
    const QString path = pathOf(items.first()[QStringLiteral("segment_url")].toString());
    const Reply whole = m_client->get(path);
    VMS_VERIFY_STATUS(whole, 200);
    QCOMPARE(whole.header("Accept-Ranges"), QByteArray("bytes"));
    const qint64 size = whole.body.size();
    QVERIFY(size > 1000);

    const Reply first = m_client->get(path, {{"Range", "bytes=0-187"}});
    QCOMPARE(first.status, 206);
    QCOMPARE(first.body, whole.body.left(188));
    QCOMPARE(first.header("Content-Range"), "bytes 0-187/" + QByteArray::number(size));
    const Reply tail = m_client->get(path, {{"Range", "bytes=-100"}});
    QCOMPARE(tail.status, 206);
    QCOMPARE(tail.body, whole.body.right(100));
    const Reply open = m_client->get(path, {{"Range", "bytes=1000-"}});
    QCOMPARE(open.status, 206);
    QCOMPARE(open.body, whole.body.mid(1000));
    const Reply beyond
            = m_client->get(path, {{"Range", "bytes=" + QByteArray::number(size) + "-"}});
    QCOMPARE(beyond.status, 416);
    QCOMPARE(beyond.header("Content-Range"), "bytes */" + QByteArray::number(size));
}

void TstVideoApi::tamperedOrExpiredUrlsAreRefused()
{
    const Reply r = segments(m_cameraId);
    const QJsonArray items = r.object().value(QStringLiteral("segments")).toArray();
    QVERIFY(items.size() >= 2);
    const SegmentUrl url = parseSegmentUrl(items.first()[QStringLiteral("segment_url")].toString());
    const SegmentUrl other = parseSegmentUrl(items.at(1)[QStringLiteral("segment_url")].toString());
    QVERIFY(!url.file.isEmpty() && !other.file.isEmpty());
    VMS_VERIFY_STATUS(m_client->get(url.path()), 200);

    // A changed signature.
    SegmentUrl bad = url;
    bad.signature[0] = bad.signature[0] == QLatin1Char('A') ? QLatin1Char('B') : QLatin1Char('A');
    VMS_VERIFY_ERROR(m_client->get(bad.path()), 403, "unauthorized");
    // Another segment under this one's signature.
    SegmentUrl swapped = url;
    swapped.file = other.file;
    VMS_VERIFY_ERROR(m_client->get(swapped.path()), 403, "unauthorized");
    // A longer life under the same signature.
    SegmentUrl longer = url;
    longer.expires = QStringLiteral("99999999999");
    VMS_VERIFY_ERROR(m_client->get(longer.path()), 403, "unauthorized");
    // Garbage in place of a signature or an expiry; a file that is not a segment's.
    SegmentUrl garbage = url;
    garbage.signature = QStringLiteral("x");
    VMS_VERIFY_ERROR(m_client->get(garbage.path()), 403, "unauthorized");
    garbage = url;
    garbage.expires = QStringLiteral("soon");
    VMS_VERIFY_ERROR(m_client->get(garbage.path()), 403, "unauthorized");
    garbage = url;
    garbage.file = QStringLiteral("passwd");
    VMS_VERIFY_ERROR(m_client->get(garbage.path()), 404, "not_found");
    // Correctly signed with this installation's key, but expired.
    auto key = vms::auth::TokenSigner::loadOrCreateKey(
            QDir(m_server.dataDir()).filePath(QStringLiteral("url-signing.key")));
    QVERIFY(key.hasValue());
    const QString resource = QStringLiteral("/api/v1/archive/segments/") + url.file;
    const qint64 past = QDateTime::currentSecsSinceEpoch() - 1;
    SegmentUrl expired = url;
    expired.expires = QString::number(past);
    expired.signature = vms::auth::UrlSigner(*key).sign(resource, past).signature;
    VMS_VERIFY_ERROR(m_client->get(expired.path()), 403, "unauthorized");
    // The same key, in date: accepted (so the expired one failed for its date alone).
    const qint64 soon = QDateTime::currentSecsSinceEpoch() + 60;
    SegmentUrl fresh = url;
    fresh.expires = QString::number(soon);
    fresh.signature = vms::auth::UrlSigner(*key).sign(resource, soon).signature;
    VMS_VERIFY_STATUS(m_client->get(fresh.path()), 200);
}

void TstVideoApi::hlsIndexOpensInFfprobe()
{
    const Reply index
            = m_client->get(QStringLiteral("/api/v1/segments/index?stream_id=") + m_cameraId);
    VMS_VERIFY_STATUS(index, 200);
    const QString indexUrl = index.object().value(QStringLiteral("index_url")).toString();
    QVERIFY(indexUrl.startsWith(m_server.url().toString()));
    const Reply playlist = m_client->get(pathOf(indexUrl));
    VMS_VERIFY_STATUS(playlist, 200);
    QVERIFY(playlist.body.startsWith("#EXTM3U"));
    QVERIFY(playlist.body.contains("#EXTINF:"));
    QVERIFY(playlist.body.contains("#EXT-X-ENDLIST"));

    const QString ffprobe = QStandardPaths::findExecutable(QStringLiteral("ffprobe"));
    QVERIFY2(!ffprobe.isEmpty(), "ffprobe is not installed (scripts/install-deps.sh)");
    QProcess probe;
    // Players send the token as a header; FFmpeg's HLS demuxer passes it on to the segments.
    probe.start(ffprobe,
                {QStringLiteral("-headers"),
                 QStringLiteral("Authorization: Bearer %1\r\n").arg(m_client->bearer()),
                 QStringLiteral("-v"), QStringLiteral("error"), QStringLiteral("-show_entries"),
                 QStringLiteral("stream=codec_name,width,height"), QStringLiteral("-of"),
                 QStringLiteral("csv=p=0"), indexUrl});
    QVERIFY(probe.waitForFinished(60000));
    const QByteArray out = probe.readAllStandardOutput();
    QVERIFY2(probe.exitCode() == 0, probe.readAllStandardError().constData());
    QVERIFY2(out.contains("h264,1280,720"), out.constData());

    // The playlist's own URL is signed too.
    QUrl tampered(indexUrl);
    QUrlQuery q(tampered);
    q.removeQueryItem(QStringLiteral("ts_from"));
    q.addQueryItem(QStringLiteral("ts_from"), QStringLiteral("0"));
    VMS_VERIFY_ERROR(
            m_client->get(tampered.path() + QLatin1Char('?') + q.toString(QUrl::FullyEncoded)), 403,
            "unauthorized");
}

void TstVideoApi::snapshotIsTheLiveFrame()
{
    const Reply snap = m_client->get(QStringLiteral("/api/v1/camerasnapshots/") + m_cameraId);
    VMS_VERIFY_STATUS(snap, 200);
    QCOMPARE(snap.header("Content-Type"), QByteArray("image/jpeg"));
    QVERIFY(snap.body.startsWith("\xFF\xD8"));
    QTemporaryDir dir;
    const QString file = dir.filePath(QStringLiteral("snapshot.jpg"));
    QFile out(file);
    QVERIFY(out.open(QIODevice::WriteOnly));
    out.write(snap.body);
    out.close();
    const auto decoded = decodeMedia(file);
    QVERIFY2(decoded.isValid(), qPrintable(decoded.error));
    QCOMPARE(decoded.width, 1280);
    QCOMPARE(decoded.height, 720);
    QVERIFY(decoded.lumaStdDev > 10);
    VMS_VERIFY_ERROR(m_client->get(QStringLiteral("/api/v1/camerasnapshots/")
                                   + QUuid::createUuid().toString(QUuid::WithoutBraces)),
                     404, "not_found");
}

void TstVideoApi::statsAndStreamServers()
{
    const Reply stats = m_client->get(QStringLiteral("/api/v1/stats/cameras"));
    VMS_VERIFY_STATUS(stats, 200);
    QCOMPARE(stats.object().value(QStringLiteral("total_count")).toInt(), 2);
    QCOMPARE(stats.object().value(QStringLiteral("active_count")).toInt(), 2);

    const Reply servers = m_client->get(QStringLiteral("/api/v1/streamservers"));
    VMS_VERIFY_STATUS(servers, 200);
    const QJsonArray list = servers.object().value(QStringLiteral("streamservers")).toArray();
    QCOMPARE(list.size(), 1);
    const Reply stream = m_client->get(QStringLiteral("/api/v1/streams/") + m_cameraId);
    QCOMPARE(list.first()[QStringLiteral("streamserver_id")].toString(),
             stream.object().value(QStringLiteral("streamserver_id")).toString());
}

void TstVideoApi::verifyOpensTheLink()
{
    VMS_VERIFY_STATUS(
            m_client->post(QStringLiteral("/api/v1/streams/verify"),
                           QJsonObject{{QStringLiteral("rtsp_link"), m_rtsp.url().toString()}}),
            200);
    // A path the server does not have, and a port nobody listens on.
    VMS_VERIFY_ERROR(
            m_client->post(QStringLiteral("/api/v1/streams/verify"),
                           QJsonObject{{QStringLiteral("rtsp_link"),
                                        m_rtsp.url(QStringLiteral("nothing")).toString()}}),
            400, "invalid_request");
    QTcpServer closed;
    QVERIFY(closed.listen(QHostAddress::LocalHost));
    const quint16 port = closed.serverPort();
    closed.close();
    VMS_VERIFY_ERROR(
            m_client->post(QStringLiteral("/api/v1/streams/verify"),
                           QJsonObject{{QStringLiteral("rtsp_link"),
                                        QStringLiteral("rtsp://127.0.0.1:%1/x").arg(port)}}),
            400, "invalid_request");
    VMS_VERIFY_ERROR(m_client->post(QStringLiteral("/api/v1/streams/verify"),
                                    QJsonObject{{QStringLiteral("rtsp_link"),
                                                 QStringLiteral("http://127.0.0.1/x")}}),
                     400, "invalid_request");
    VMS_VERIFY_VALIDATION(m_client->post(QStringLiteral("/api/v1/streams/verify"),
                                         QJsonObject{{QStringLiteral("rtsp_link"),
                                                      QString(QStringLiteral("rtsp://127.0.0.1/")
                                                              + QString(600, QLatin1Char('a')))}}),
                          (QStringList{QStringLiteral("body"), QStringLiteral("rtsp_link")}),
                          QString());
    VMS_VERIFY_VALIDATION(m_client->post(QStringLiteral("/api/v1/streams/verify"), QJsonObject{}),
                          (QStringList{QStringLiteral("body"), QStringLiteral("rtsp_link")}),
                          QString());
}

void TstVideoApi::badInput()
{
    const QString unknown = QUuid::createUuid().toString(QUuid::WithoutBraces);
    VMS_VERIFY_ERROR(m_client->get(QStringLiteral("/api/v1/streams/") + unknown), 404, "not_found");
    VMS_VERIFY_ERROR(m_client->get(QStringLiteral("/api/v1/streams/%1/info").arg(unknown)), 404,
                     "not_found");
    VMS_VERIFY_ERROR(m_client->get(QStringLiteral("/api/v1/streamstatuses/") + unknown), 404,
                     "not_found");
    VMS_VERIFY_ERROR(m_client->get(QStringLiteral("/api/v1/segments/index?stream_id=") + unknown),
                     404, "not_found");
    VMS_VERIFY_VALIDATION(m_client->get(QStringLiteral("/api/v1/streams/not-a-uuid")),
                          (QStringList{QStringLiteral("path"), QStringLiteral("stream_id")}),
                          QString());
    // An unknown stream has no segments (the seed documents no 404 for §18.1).
    const Reply none = m_client->get(
            QStringLiteral("/api/v1/segments?stream_id=%1&ts_from=0&ts_to=2000000000")
                    .arg(unknown));
    VMS_VERIFY_STATUS(none, 200);
    QCOMPARE(none.object().value(QStringLiteral("segments")).toArray().size(), 0);
    VMS_VERIFY_VALIDATION(
            m_client->get(
                    QStringLiteral("/api/v1/segments?stream_id=%1&ts_from=0").arg(m_cameraId)),
            (QStringList{QStringLiteral("query"), QStringLiteral("ts_to")}), QString());
    VMS_VERIFY_VALIDATION(m_client->get(QStringLiteral("/api/v1/segments?ts_from=0&ts_to=1")),
                          (QStringList{QStringLiteral("query"), QStringLiteral("stream_id")}),
                          QString());
    VMS_VERIFY_VALIDATION(m_client->get(QStringLiteral("/api/v1/segments?stream_id=%1&ts_from=10&"
                                                       "ts_to=5")
                                                .arg(m_cameraId)),
                          (QStringList{QStringLiteral("query"), QStringLiteral("ts_to")}),
                          QString());
    VMS_VERIFY_VALIDATION(m_client->get(QStringLiteral("/api/v1/segments?stream_id=%1&ts_from=x&"
                                                       "ts_to=5")
                                                .arg(m_cameraId)),
                          (QStringList{QStringLiteral("query"), QStringLiteral("ts_from")}),
                          QString());
    VMS_VERIFY_ERROR(m_client->get(QStringLiteral("/api/v1/archive/signed/1/x/segments/abc.ts")),
                     404, "not_found");
    // Without a token, the API routes stay closed.
    VMS_VERIFY_ERROR(m_anon->get(QStringLiteral("/api/v1/streams/") + m_cameraId), 401,
                     "not_authenticated");
}

void TstVideoApi::permissionsAndIsolation()
{
    QString error;
    QVERIFY(createRole(m_server, QStringLiteral("no-video"), {QStringLiteral("camera_read")},
                       &error)
            > 0);
    const UserAccount user = createUser(m_server, QStringLiteral("no-video"));
    QVERIFY2(user.isValid(), qPrintable(user.error));
    ApiTestClient client(m_server.url());
    const Session s = login(client, user.email, user.password);
    QVERIFY(s.isValid());
    client.setBearer(s.accessToken);
    const qint64 now = QDateTime::currentSecsSinceEpoch();
    VMS_VERIFY_ERROR(client.get(QStringLiteral("/api/v1/segments?stream_id=%1&ts_from=%2&ts_to=%3")
                                        .arg(m_cameraId)
                                        .arg(now - 60)
                                        .arg(now)),
                     403, "unauthorized");
    VMS_VERIFY_ERROR(client.get(QStringLiteral("/api/v1/streams/") + m_cameraId), 403,
                     "unauthorized");
    // A signed URL issued to someone else is no use without segment_read.
    const Reply issued = segments(m_cameraId);
    const QJsonArray issuedItems = issued.object().value(QStringLiteral("segments")).toArray();
    QVERIFY(!issuedItems.isEmpty());
    VMS_VERIFY_ERROR(
            client.get(pathOf(issuedItems.first()[QStringLiteral("segment_url")].toString())), 403,
            "unauthorized");
    VMS_VERIFY_ERROR(client.get(QStringLiteral("/api/v1/camerasnapshots/") + m_cameraId), 403,
                     "unauthorized");
    VMS_VERIFY_ERROR(client.get(QStringLiteral("/api/v1/stats/cameras")), 403, "unauthorized");
    VMS_VERIFY_ERROR(client.get(QStringLiteral("/api/v1/streamservers")), 403, "unauthorized");
    VMS_VERIFY_ERROR(client.get(QStringLiteral("/api/v1/streamstatuses/summary")), 403,
                     "unauthorized");
    VMS_VERIFY_NO_SCHEMA_FAILURES(client);

    // The read-only operator of the same organization sees the video.
    const UserAccount op = createUser(m_server, QStringLiteral("operator"), QStringLiteral("op"));
    QVERIFY2(op.isValid(), qPrintable(op.error));
    ApiTestClient opClient(m_server.url());
    const Session os = login(opClient, op.email, op.password);
    opClient.setBearer(os.accessToken);
    VMS_VERIFY_STATUS(opClient.get(QStringLiteral("/api/v1/streams/") + m_cameraId), 200);
    VMS_VERIFY_NO_SCHEMA_FAILURES(opClient);
}

void TstVideoApi::outageIsRecordedAndRecovers()
{
    QVERIFY(waitForStatus(m_cameraId, QStringLiteral("online"), 10000));
    const quint16 port = m_rtsp.port();
    m_rtsp.kill(); // the camera disappears without a goodbye
    QDeadlineTimer deadline(20000);
    QString status;
    while (!deadline.hasExpired()) {
        status = m_client->get(QStringLiteral("/api/v1/streams/") + m_cameraId)
                         .object()
                         .value(QStringLiteral("status"))
                         .toString();
        if (status != QLatin1String("online"))
            break;
        QTest::qWait(200);
    }
    QVERIFY2(status == QLatin1String("offline") || status == QLatin1String("connecting"),
             qPrintable(status));
    // The outage is a downtime period with its reason, still open.
    QJsonArray periods;
    deadline = QDeadlineTimer(10000);
    while (!deadline.hasExpired()) {
        const Reply r = m_client->get(QStringLiteral("/api/v1/streamstatuses/") + m_cameraId);
        VMS_VERIFY_STATUS(r, 200);
        periods = r.object().value(QStringLiteral("downtime_stats")).toArray();
        if (!periods.isEmpty())
            break;
        QTest::qWait(200);
    }
    QCOMPARE(periods.size(), 1);
    QVERIFY(!periods.first()[QStringLiteral("reason")].toString().isEmpty());
    QVERIFY(periods.first()[QStringLiteral("ongoing")].toBool());

    QTest::qWait(2000);
    QVERIFY2(m_rtsp.start({}, port), qPrintable(m_rtsp.errorString()));
    QVERIFY2(waitForStatus(m_cameraId, QStringLiteral("online"), 45000),
             "the camera did not come back");
    deadline = QDeadlineTimer(5000);
    QJsonObject period;
    while (!deadline.hasExpired()) {
        const Reply r = m_client->get(QStringLiteral("/api/v1/streamstatuses/") + m_cameraId);
        period = r.object().value(QStringLiteral("downtime_stats")).toArray().first().toObject();
        if (!period.value(QStringLiteral("ongoing")).toBool())
            break;
        QTest::qWait(200);
    }
    QVERIFY(!period.value(QStringLiteral("ongoing")).toBool());
    const QDateTime start = QDateTime::fromString(
            period.value(QStringLiteral("downtime_start")).toString(), Qt::ISODateWithMs);
    const QDateTime end = QDateTime::fromString(
            period.value(QStringLiteral("downtime_end")).toString(), Qt::ISODateWithMs);
    QVERIFY(start.isValid() && end.isValid());
    QVERIFY2(start.msecsTo(end) >= 1500, qPrintable(QString::number(start.msecsTo(end))));

    const Reply summary = m_client->get(QStringLiteral("/api/v1/streamstatuses/summary"));
    VMS_VERIFY_STATUS(summary, 200);
    bool found = false;
    for (const QJsonValue &v :
         summary.object().value(QStringLiteral("stream_status_summary")).toArray()) {
        if (v[QStringLiteral("stream_id")].toString() != m_cameraId)
            continue;
        found = true;
        const double availability = v[QStringLiteral("availability")].toDouble();
        QVERIFY2(availability > 0 && availability < 100, qPrintable(QString::number(availability)));
        QVERIFY(v[QStringLiteral("lifetime")].toDouble() > 10);
        QCOMPARE(v[QStringLiteral("stream_name")].toString(), QStringLiteral("Gate"));
    }
    QVERIFY(found);
    // Recording resumed: a segment that started after the recovery.
    const qint64 back = QDateTime::currentSecsSinceEpoch();
    deadline = QDeadlineTimer(20000);
    bool resumed = false;
    while (!deadline.hasExpired() && !resumed) {
        for (const QJsonValue &v :
             segments(m_cameraId).object().value(QStringLiteral("segments")).toArray())
            resumed = resumed || qint64(v[QStringLiteral("ts_start")].toDouble()) >= back - 1;
        if (!resumed)
            QTest::qWait(500);
    }
    QVERIFY(resumed);
}

QTEST_GUILESS_MAIN(TstVideoApi)
#include "tst_video_api.moc"
