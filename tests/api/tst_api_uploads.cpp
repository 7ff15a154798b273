// Seed 002 §25: POST /api/v1/uploads, GET /api/v1/uploads/{id}, GET /api/v1/uploads/{id}/content.
// §25.4 (POST /uploads/meta) is tested in tst_api_uploads_meta.cpp.
#include "tests/api/sites_fixture.h"

#include <QCryptographicHash>
#include <QDir>
#include <QDirIterator>
#include <QFile>
#include <QTest>
#include <QUuid>

using namespace vms::apitest;
using vms::test::Reply;

namespace {

// 16x12 WebP images made with ffmpeg (libwebp): lossy (VP8) and lossless (VP8L).
const char kWebpLossy[]
        = "UklGRtgAAABXRUJQVlA4IMwAAABQAwCdASoQAAwAAgA0JbACdHIr+2Z7gHSReS07wAVQhcBMaAD++WeY9+5Q/"
          "ziPLtwef/gjBf+/QZi/4xO2+l+bzZtSj8+0ej+4o6jaH7tStQ59z//ebZxWj/Ux//8JkRv4m5H+Uf/Gqy+"
          "OiBd3Lb6PouNvJUT1fycMpLTD/6JHR/85j61k/kMF//3+BpHmUmtHY//CrdcMCQ+4L5m0Ynzruv/"
          "vRUZXV+RL/ztOyuP/iOj/oeoOvtaSPUP37/TPxKQ3x//vhAV/tNskQAA=";
const char kWebpLossless[]
        = "UklGRmIAAABXRUJQVlA4TFYAAAAvD8ACAHAQSZIUlTOs4AwrOEv+704AgrZtYyYb05/pzyQG2UYq2pu82ps82vo/"
          "EBGloEpJBCBSaledlCO6UHZ0Kf5QGTPH4zAYjiYNauvWr7723u2LAg==";

QString sha256Hex(const QByteArray &data)
{
    return QString::fromLatin1(QCryptographicHash::hash(data, QCryptographicHash::Sha256).toHex());
}

QJsonObject firstUpload(const Reply &r)
{
    return r.object().value(QLatin1String("uploads")).toArray().first().toObject();
}

} // namespace

class TstApiUploads : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void init();
    void cleanup();
    void cleanupTestCase();

    void uploadImage_data();
    void uploadImage();
    void uploadStoresContentByHash();
    void uploadSeveralFiles();
    void uploadIdenticalContentIsStoredOnce();
    void uploadNotAnImage_data();
    void uploadNotAnImage();
    void uploadOversized();
    void uploadMissingUploadData_data();
    void uploadMissingUploadData();
    void uploadKindValidation_data();
    void uploadKindValidation();
    void uploadMalformedMultipart_data();
    void uploadMalformedMultipart();
    void uploadIsAudited();
    void getUpload();
    void getUploadErrors();
    void contentRoundTrip();
    void contentConditionalGet();
    void contentErrors();
    void permissionDenied();
    void organizationIsolation();

private:
    /** Every file under <dataDir>/uploads, relative paths. */
    QStringList storedFiles() const;

    TestServer m_server;
    SiteClients m_clients;
    ApiTestClient *m_admin = nullptr;
    ApiTestClient *m_user = nullptr;   // default organization, every site permission
    ApiTestClient *m_reader = nullptr; // operator role: *_read only
    ApiTestClient *m_nobody = nullptr; // a role without permissions
    ApiTestClient *m_other = nullptr;  // another organization, every site permission
};

void TstApiUploads::initTestCase()
{
    QVERIFY2(m_server.start(), qPrintable(m_server.errorString()));
    QVERIFY2(m_clients.setUp(m_server), qPrintable(m_clients.error));
    m_admin = m_clients.admin.get();
    m_user = m_clients.user.get();
    m_reader = m_clients.reader.get();
    m_nobody = m_clients.nobody.get();
    m_other = m_clients.other.get();
}

void TstApiUploads::init() {}

void TstApiUploads::cleanup()
{
    for (ApiTestClient *c : m_clients.all())
        VMS_VERIFY_NO_SCHEMA_FAILURES(*c);
}

void TstApiUploads::cleanupTestCase()
{
    m_clients.reset();
    m_server.stop();
}

QStringList TstApiUploads::storedFiles() const
{
    QStringList out;
    const QDir root(QDir(m_server.dataDir()).filePath(QStringLiteral("uploads")));
    QDirIterator it(root.path(), QDir::Files, QDirIterator::Subdirectories);
    while (it.hasNext())
        out.append(root.relativeFilePath(it.next()));
    out.sort();
    return out;
}

void TstApiUploads::uploadImage_data()
{
    QTest::addColumn<QString>("kind");
    QTest::addColumn<QByteArray>("data");
    QTest::addColumn<QString>("mimeType");

    QTest::newRow("png plan") << QStringLiteral("plan") << imageBytes(80, 60, "PNG")
                              << QStringLiteral("image/png");
    QTest::newRow("jpeg avatar") << QStringLiteral("avatar") << imageBytes(64, 64, "JPEG")
                                 << QStringLiteral("image/jpeg");
    QTest::newRow("bmp logo") << QStringLiteral("logo") << imageBytes(33, 17, "BMP")
                              << QStringLiteral("image/bmp");
    QTest::newRow("webp lossy face_image")
            << QStringLiteral("face_image") << QByteArray::fromBase64(kWebpLossy)
            << QStringLiteral("image/webp");
    QTest::newRow("webp lossless vehicle_image")
            << QStringLiteral("vehicle_image") << QByteArray::fromBase64(kWebpLossless)
            << QStringLiteral("image/webp");
    QTest::newRow("png camera_snapshot")
            << QStringLiteral("camera_snapshot") << imageBytes(32, 24, "PNG", Qt::red)
            << QStringLiteral("image/png");
}

void TstApiUploads::uploadImage()
{
    QFETCH(QString, kind);
    QFETCH(QByteArray, data);
    QFETCH(QString, mimeType);
    QVERIFY(!data.isEmpty());

    const Reply r = upload(*m_user, kind, data);
    VMS_VERIFY_STATUS(r, 200);
    const QJsonArray uploads = r.object().value(QLatin1String("uploads")).toArray();
    QCOMPARE(uploads.size(), 1);
    const QJsonObject u = uploads.first().toObject();
    const QString id = u.value(QLatin1String("id")).toString();
    QVERIFY2(!QUuid::fromString(id).isNull() && id.size() == 36, qPrintable(id));
    QCOMPARE(u.value(QLatin1String("kind")).toString(), kind);
    // The detected type, not the client's "image/png" part header.
    QCOMPARE(u.value(QLatin1String("mime_type")).toString(), mimeType);
    QCOMPARE(u.value(QLatin1String("url")).toString(),
             QStringLiteral("/api/v1/uploads/%1/content").arg(id));
    QVERIFY(u.value(QLatin1String("created_at")).toString().endsWith(QLatin1Char('Z')));
    QVERIFY(!u.contains(QLatin1String("meta")));

    const Reply content = m_user->get(QStringLiteral("/api/v1/uploads/%1/content").arg(id));
    VMS_VERIFY_STATUS(content, 200);
    QCOMPARE(content.body, data);
    QCOMPARE(content.header("Content-Type"), mimeType.toLatin1());
}

void TstApiUploads::uploadStoresContentByHash()
{
    const QByteArray data = imageBytes(41, 29, "PNG", Qt::magenta);
    const QString sha = sha256Hex(data);
    const Reply r = upload(*m_user, QStringLiteral("plan"), data);
    VMS_VERIFY_STATUS(r, 200);

    const QString relative = sha.left(2) + QLatin1Char('/') + sha;
    const QStringList files = storedFiles();
    QVERIFY2(files.contains(relative), qPrintable(files.join(QLatin1String(", "))));
    QFile stored(QDir(m_server.dataDir()).filePath(QStringLiteral("uploads/") + relative));
    QVERIFY(stored.open(QIODevice::ReadOnly));
    QCOMPARE(stored.readAll(), data);
    // Never the client's file name, and no temporary files left behind.
    for (const QString &f : files) {
        QVERIFY2(!f.contains(QLatin1String("image.png")), qPrintable(f));
        const QString name = f.section(QLatin1Char('/'), -1);
        QVERIFY2(name.size() == 64 && f.startsWith(name.left(2) + QLatin1Char('/')), qPrintable(f));
    }
}

void TstApiUploads::uploadSeveralFiles()
{
    const QByteArray a = imageBytes(10, 10, "PNG", Qt::blue);
    const QByteArray b = imageBytes(12, 10, "JPEG", Qt::green);
    FilePart pa;
    pa.data = a;
    FilePart note;
    note.name = "comment";
    note.filename.clear();
    note.contentType.clear();
    note.data = "ignored field";
    FilePart pb;
    pb.data = b;
    const MultipartBody body = multipartBody({pa, note, pb});
    const Reply r = m_user->postRaw(QStringLiteral("/api/v1/uploads?kind=face_image"), body.body,
                                    body.contentType);
    VMS_VERIFY_STATUS(r, 200);
    const QJsonArray uploads = r.object().value(QLatin1String("uploads")).toArray();
    QCOMPARE(uploads.size(), 2);
    const QJsonObject ua = uploads.at(0).toObject();
    const QJsonObject ub = uploads.at(1).toObject();
    QCOMPARE(ua.value(QLatin1String("mime_type")).toString(), QStringLiteral("image/png"));
    QCOMPARE(ub.value(QLatin1String("mime_type")).toString(), QStringLiteral("image/jpeg"));
    QVERIFY(ua.value(QLatin1String("id")) != ub.value(QLatin1String("id")));
    const Reply cb = m_user->get(ub.value(QLatin1String("url")).toString());
    VMS_VERIFY_STATUS(cb, 200);
    QCOMPARE(cb.body, b);

    // All or nothing: one bad file among good ones stores none of them.
    const QStringList before = storedFiles();
    FilePart good;
    good.data = imageBytes(13, 13, "PNG", Qt::darkRed);
    FilePart bad;
    bad.data = "definitely not an image";
    const MultipartBody mixed = multipartBody({good, bad});
    const Reply rejected = m_user->postRaw(QStringLiteral("/api/v1/uploads?kind=plan"), mixed.body,
                                           mixed.contentType);
    VMS_VERIFY_ERROR(rejected, 400, QStringLiteral("invalid_request"));
    QVERIFY2(rejected.object()
                     .value(QLatin1String("detail"))
                     .toString()
                     .contains(QLatin1String("File 2")),
             qPrintable(rejected.describe()));
    QCOMPARE(storedFiles(), before);
}

void TstApiUploads::uploadIdenticalContentIsStoredOnce()
{
    const QByteArray data = imageBytes(23, 19, "PNG", Qt::darkGreen);
    const QStringList before = storedFiles();
    const Reply first = upload(*m_user, QStringLiteral("plan"), data);
    VMS_VERIFY_STATUS(first, 200);
    const QStringList afterFirst = storedFiles();
    QCOMPARE(afterFirst.size(), before.size() + 1);
    const Reply second = upload(*m_user, QStringLiteral("avatar"), data);
    VMS_VERIFY_STATUS(second, 200);
    QCOMPARE(storedFiles(), afterFirst);

    // Two uploads (own ids and kinds) that share the stored content.
    const QString id1 = firstUpload(first).value(QLatin1String("id")).toString();
    const QString id2 = firstUpload(second).value(QLatin1String("id")).toString();
    QVERIFY(id1 != id2);
    QCOMPARE(firstUpload(second).value(QLatin1String("kind")).toString(), QStringLiteral("avatar"));
    const Reply c1 = m_user->get(QStringLiteral("/api/v1/uploads/%1/content").arg(id1));
    const Reply c2 = m_user->get(QStringLiteral("/api/v1/uploads/%1/content").arg(id2));
    VMS_VERIFY_STATUS(c1, 200);
    VMS_VERIFY_STATUS(c2, 200);
    QCOMPARE(c1.body, data);
    QCOMPARE(c2.body, data);
    QCOMPARE(c1.header("ETag"), c2.header("ETag"));
}

void TstApiUploads::uploadNotAnImage_data()
{
    QTest::addColumn<QString>("kind");
    QTest::addColumn<QByteArray>("data");

    QTest::newRow("garbage as plan")
            << QStringLiteral("plan") << QByteArray("this is not an image at all\x01\x02\x03");
    QTest::newRow("empty file") << QStringLiteral("plan") << QByteArray();
    QTest::newRow("truncated png")
            << QStringLiteral("avatar") << imageBytes(100, 100, "PNG").left(60);
    QTest::newRow("png signature only")
            << QStringLiteral("logo") << QByteArray("\x89PNG\r\n\x1a\n", 8);
    QTest::newRow("jpeg magic then noise")
            << QStringLiteral("face_image") << QByteArray("\xff\xd8\xff\xe0 noise noise noise", 20);
    QTest::newRow("gif is not accepted")
            << QStringLiteral("plan")
            << QByteArray::fromBase64("R0lGODlhAQABAIAAAAAAAP///"
                                      "yH5BAEAAAAALAAAAAABAAEAAAIBRAA7");
    QTest::newRow("pdf") << QStringLiteral("plan") << QByteArray("%PDF-1.4\n%\xe2\xe3\xcf\xd3\n");
}

void TstApiUploads::uploadNotAnImage()
{
    QFETCH(QString, kind);
    QFETCH(QByteArray, data);
    const QStringList before = storedFiles();
    const Reply r = upload(*m_user, kind, data);
    VMS_VERIFY_ERROR(r, 400, QStringLiteral("invalid_request"));
    QCOMPARE(storedFiles(), before);
}

void TstApiUploads::uploadOversized()
{
    // One byte over 20 MiB: refused for its size before it is looked at.
    QByteArray big = imageBytes(16, 16, "PNG");
    big.append(QByteArray(20 * 1024 * 1024 + 1 - big.size(), '\0'));
    const QStringList before = storedFiles();
    const Reply r = upload(*m_user, QStringLiteral("plan"), big);
    VMS_VERIFY_ERROR(r, 413, QStringLiteral("payload_too_large"));
    QCOMPARE(storedFiles(), before);

    // Exactly at the limit is not refused for its size (it is a valid PNG with trailing bytes).
    big.chop(1);
    const Reply atLimit = upload(*m_user, QStringLiteral("plan"), big);
    VMS_VERIFY_STATUS(atLimit, 200);
}

void TstApiUploads::uploadMissingUploadData_data()
{
    QTest::addColumn<QByteArray>("body");
    QTest::addColumn<QByteArray>("contentType");

    FilePart other;
    other.name = "file";
    other.data = imageBytes(8, 8, "PNG");
    const MultipartBody wrongName = multipartBody({other});
    QTest::newRow("field named file") << wrongName.body << wrongName.contentType;
    const MultipartBody none = multipartBody({});
    QTest::newRow("no parts") << none.body << none.contentType;
    QTest::newRow("json body") << QByteArray("{\"upload_data\": \"x\"}")
                               << QByteArray("application/json");
    QTest::newRow("no body") << QByteArray() << QByteArray();
}

void TstApiUploads::uploadMissingUploadData()
{
    QFETCH(QByteArray, body);
    QFETCH(QByteArray, contentType);
    const Reply r = m_user->postRaw(QStringLiteral("/api/v1/uploads?kind=plan"), body, contentType);
    VMS_VERIFY_VALIDATION(r, QStringList({QStringLiteral("body"), QStringLiteral("upload_data")}),
                          QStringLiteral("value_error.missing"));
}

void TstApiUploads::uploadKindValidation_data()
{
    QTest::addColumn<QString>("query");
    QTest::addColumn<QString>("type");
    QTest::newRow("missing") << QString() << QStringLiteral("value_error.missing");
    QTest::newRow("unknown") << QStringLiteral("?kind=banana") << QStringLiteral("type_error.enum");
    QTest::newRow("wrong case") << QStringLiteral("?kind=PLAN")
                                << QStringLiteral("type_error.enum");
    QTest::newRow("empty") << QStringLiteral("?kind=") << QStringLiteral("type_error.enum");
}

void TstApiUploads::uploadKindValidation()
{
    QFETCH(QString, query);
    QFETCH(QString, type);
    FilePart part;
    part.data = imageBytes(8, 8, "PNG");
    const MultipartBody body = multipartBody({part});
    const QStringList before = storedFiles();
    const Reply r = m_user->postRaw(QStringLiteral("/api/v1/uploads") + query, body.body,
                                    body.contentType);
    VMS_VERIFY_VALIDATION(r, QStringList({QStringLiteral("query"), QStringLiteral("kind")}), type);
    QCOMPARE(storedFiles(), before);
}

void TstApiUploads::uploadMalformedMultipart_data()
{
    QTest::addColumn<QByteArray>("body");
    QTest::addColumn<QByteArray>("contentType");
    const QByteArray ct = "multipart/form-data; boundary=XyZ";
    QTest::newRow("no close delimiter")
            << QByteArray("--XyZ\r\nContent-Disposition: form-data; name=\"upload_data\"\r\n\r\nab")
            << ct;
    QTest::newRow("bare LF") << QByteArray("--XyZ\nContent-Disposition: form-data; "
                                           "name=\"upload_data\"\n\nab\n--XyZ--\n")
                             << ct;
    QTest::newRow("no content-disposition")
            << QByteArray("--XyZ\r\nContent-Type: image/png\r\n\r\nab\r\n--XyZ--\r\n") << ct;
    QTest::newRow("boundary missing")
            << QByteArray("--XyZ--\r\n") << QByteArray("multipart/form-data");
    QTest::newRow("boundary not found") << QByteArray("just some text") << ct;
}

void TstApiUploads::uploadMalformedMultipart()
{
    QFETCH(QByteArray, body);
    QFETCH(QByteArray, contentType);
    const Reply r = m_user->postRaw(QStringLiteral("/api/v1/uploads?kind=plan"), body, contentType);
    VMS_VERIFY_ERROR(r, 400, QStringLiteral("invalid_request"));
    QVERIFY2(r.object()
                     .value(QLatin1String("detail"))
                     .toString()
                     .contains(QLatin1String("multipart")),
             qPrintable(r.describe()));
}

void TstApiUploads::uploadIsAudited()
{
    const Reply r = upload(*m_user, QStringLiteral("logo"), imageBytes(9, 9, "PNG", Qt::gray));
    VMS_VERIFY_STATUS(r, 200);
    const QString id = firstUpload(r).value(QLatin1String("id")).toString();
    const Reply log = m_admin->get(QStringLiteral("/api/v1/auditlogs?action_types=upload_create"
                                                  "&limit=1000"));
    VMS_VERIFY_STATUS(log, 200);
    bool isFound = false;
    const QJsonArray entries = log.object().value(QLatin1String("auditlogs")).toArray();
    for (const QJsonValue &e : entries) {
        const QJsonObject meta = e.toObject().value(QLatin1String("meta")).toObject();
        if (meta.value(QLatin1String("upload_ids")).toArray().contains(id)) {
            isFound = true;
            QCOMPARE(meta.value(QLatin1String("kind")).toString(), QStringLiteral("logo"));
            QCOMPARE(e.toObject().value(QLatin1String("action_type")).toString(),
                     QStringLiteral("upload_create"));
        }
    }
    QVERIFY2(isFound, qPrintable(log.describe()));
}

void TstApiUploads::getUpload()
{
    const Reply created = upload(*m_user, QStringLiteral("plan"), imageBytes(20, 20, "JPEG"));
    VMS_VERIFY_STATUS(created, 200);
    const QJsonObject u = firstUpload(created);
    const Reply r = m_user->get(QStringLiteral("/api/v1/uploads/")
                                + u.value(QLatin1String("id")).toString());
    VMS_VERIFY_STATUS(r, 200);
    QCOMPARE(r.object(), u);
    // Upper-case ids name the same upload.
    const Reply upper = m_user->get(QStringLiteral("/api/v1/uploads/")
                                    + u.value(QLatin1String("id")).toString().toUpper());
    VMS_VERIFY_STATUS(upper, 200);
    QCOMPARE(upper.object(), u);
}

void TstApiUploads::getUploadErrors()
{
    VMS_VERIFY_ERROR(m_user->get(QStringLiteral("/api/v1/uploads/")
                                 + QUuid::createUuid().toString(QUuid::WithoutBraces)),
                     404, QStringLiteral("not_found"));
    VMS_VERIFY_VALIDATION(m_user->get(QStringLiteral("/api/v1/uploads/not-a-uuid")),
                          QStringList({QStringLiteral("path"), QStringLiteral("upload_id")}),
                          QStringLiteral("type_error.uuid"));
}

void TstApiUploads::contentRoundTrip()
{
    const QByteArray data = imageBytes(50, 30, "PNG", Qt::darkBlue);
    const Reply created = upload(*m_user, QStringLiteral("plan"), data);
    VMS_VERIFY_STATUS(created, 200);
    const QString url = firstUpload(created).value(QLatin1String("url")).toString();
    const Reply r = m_user->get(url);
    VMS_VERIFY_STATUS(r, 200);
    QCOMPARE(r.body, data);
    QCOMPARE(r.header("Content-Type"), QByteArray("image/png"));
    QCOMPARE(r.header("Content-Length"), QByteArray::number(data.size()));
    QCOMPARE(r.header("Cache-Control"), QByteArray("private, max-age=3600"));
    QCOMPARE(r.header("ETag"), '"' + sha256Hex(data).toLatin1() + '"');
    QCOMPARE(r.header("X-Content-Type-Options"), QByteArray("nosniff"));
}

void TstApiUploads::contentConditionalGet()
{
    const QByteArray data = imageBytes(31, 31, "BMP", Qt::cyan);
    const Reply created = upload(*m_user, QStringLiteral("plan"), data);
    VMS_VERIFY_STATUS(created, 200);
    const QString url = firstUpload(created).value(QLatin1String("url")).toString();
    const QByteArray etag = '"' + sha256Hex(data).toLatin1() + '"';

    const Reply notModified = m_user->get(url, {{"If-None-Match", etag}});
    VMS_VERIFY_STATUS(notModified, 304);
    QVERIFY(notModified.body.isEmpty());
    QCOMPARE(notModified.header("ETag"), etag);

    const Reply listed = m_user->get(url, {{"If-None-Match", "\"abc\", W/" + etag}});
    VMS_VERIFY_STATUS(listed, 304);

    const Reply changed = m_user->get(url, {{"If-None-Match", "\"someone-else\""}});
    VMS_VERIFY_STATUS(changed, 200);
    QCOMPARE(changed.body, data);
}

void TstApiUploads::contentErrors()
{
    VMS_VERIFY_ERROR(m_user->get(QStringLiteral("/api/v1/uploads/%1/content")
                                         .arg(QUuid::createUuid().toString(QUuid::WithoutBraces))),
                     404, QStringLiteral("not_found"));
    VMS_VERIFY_VALIDATION(m_user->get(QStringLiteral("/api/v1/uploads/12345/content")),
                          QStringList({QStringLiteral("path"), QStringLiteral("upload_id")}),
                          QStringLiteral("type_error.uuid"));
}

void TstApiUploads::permissionDenied()
{
    const QString id = vms::apitest::uploadImage(*m_user);
    QVERIFY(!id.isEmpty());
    // The operator role reads but cannot upload.
    VMS_VERIFY_ERROR(upload(*m_reader, QStringLiteral("plan"), imageBytes(8, 8, "PNG")), 403,
                     QStringLiteral("unauthorized"));
    VMS_VERIFY_STATUS(m_reader->get(QStringLiteral("/api/v1/uploads/") + id), 200);
    // Without upload_read nothing can be read.
    VMS_VERIFY_ERROR(m_nobody->get(QStringLiteral("/api/v1/uploads/") + id), 403,
                     QStringLiteral("unauthorized"));
    VMS_VERIFY_ERROR(m_nobody->get(QStringLiteral("/api/v1/uploads/%1/content").arg(id)), 403,
                     QStringLiteral("unauthorized"));
    VMS_VERIFY_ERROR(upload(*m_nobody, QStringLiteral("plan"), imageBytes(8, 8, "PNG")), 403,
                     QStringLiteral("unauthorized"));
    // And without a token, 401.
    ApiTestClient anonymous(m_server.url());
    const Reply r = anonymous.get(QStringLiteral("/api/v1/uploads/") + id);
    VMS_VERIFY_STATUS(r, 401);
    VMS_VERIFY_NO_SCHEMA_FAILURES(anonymous);
}

void TstApiUploads::organizationIsolation()
{
    const QString mine = vms::apitest::uploadImage(*m_user);
    QVERIFY(!mine.isEmpty());
    VMS_VERIFY_ERROR(m_other->get(QStringLiteral("/api/v1/uploads/") + mine), 404,
                     QStringLiteral("not_found"));
    VMS_VERIFY_ERROR(m_other->get(QStringLiteral("/api/v1/uploads/%1/content").arg(mine)), 404,
                     QStringLiteral("not_found"));
    // The other organization's own uploads work for it, not for us.
    const QString theirs = vms::apitest::uploadImage(*m_other);
    QVERIFY(!theirs.isEmpty());
    VMS_VERIFY_STATUS(m_other->get(QStringLiteral("/api/v1/uploads/") + theirs), 200);
    VMS_VERIFY_ERROR(m_user->get(QStringLiteral("/api/v1/uploads/") + theirs), 404,
                     QStringLiteral("not_found"));
    // Superusers see every organization.
    VMS_VERIFY_STATUS(m_admin->get(QStringLiteral("/api/v1/uploads/") + theirs), 200);
    VMS_VERIFY_STATUS(m_admin->get(QStringLiteral("/api/v1/uploads/%1/content").arg(mine)), 200);
}

QTEST_GUILESS_MAIN(TstApiUploads)
#include "tst_api_uploads.moc"
