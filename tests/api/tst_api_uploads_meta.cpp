// Seed 002 §25.4: POST /api/v1/uploads/meta, the faces of an image (detections and descriptors),
// computed by the face models and never stored. The face image is opencv-doc's messi5.jpg.
#include "tests/api/sites_fixture.h"

#include <QBuffer>
#include <QDir>
#include <QDirIterator>
#include <QFile>
#include <QImage>
#include <QLineF>
#include <QPainter>
#include <QRectF>
#include <QTest>
#include <QtEndian>

#include <cmath>

using namespace vms::apitest;
using vms::test::Reply;

namespace {

const QString kPath = QStringLiteral("/api/v1/uploads/meta");

/** One face of a reply, decoded. */
struct Face
{
    QRectF rect;
    QList<QPointF> landmarks;
    QList<float> descriptor;
    double norm = 0;
    int version = 0;
    QString error; ///< what is wrong with the JSON, empty when it is well formed
};

Face parseFace(const QJsonValue &value)
{
    Face f;
    const QJsonObject o = value.toObject();
    const QJsonObject detection = o.value(QLatin1String("detection")).toObject();
    const QJsonObject rect = detection.value(QLatin1String("rect")).toObject();
    f.rect = QRectF(QPointF(rect.value(QLatin1String("x_min")).toDouble(),
                            rect.value(QLatin1String("y_min")).toDouble()),
                    QPointF(rect.value(QLatin1String("x_max")).toDouble(),
                            rect.value(QLatin1String("y_max")).toDouble()));
    const QJsonArray landmarks = detection.value(QLatin1String("landmarks")).toArray();
    for (const QJsonValue &p : landmarks) {
        f.landmarks.append(QPointF(p.toObject().value(QLatin1String("x")).toDouble(),
                                   p.toObject().value(QLatin1String("y")).toDouble()));
    }
    const QJsonObject descriptor = o.value(QLatin1String("descriptor")).toObject();
    const auto decoded = QByteArray::fromBase64Encoding(
            descriptor.value(QLatin1String("data")).toString().toLatin1(),
            QByteArray::AbortOnBase64DecodingErrors);
    if (!decoded) {
        f.error = QStringLiteral("descriptor.data is not base64");
        return f;
    }
    if (decoded.decoded.size() != 512) {
        f.error = QStringLiteral("descriptor.data has %1 bytes, not 512")
                          .arg(decoded.decoded.size());
        return f;
    }
    for (int i = 0; i < 128; ++i)
        f.descriptor.append(qFromLittleEndian<float>(decoded.decoded.constData() + i * 4));
    f.norm = descriptor.value(QLatin1String("norm")).toDouble(-1);
    f.version = descriptor.value(QLatin1String("version")).toInt(-1);
    return f;
}

QList<Face> parseFaces(const Reply &r)
{
    QList<Face> out;
    const QJsonArray meta = r.object().value(QLatin1String("meta")).toArray();
    for (const QJsonValue &v : meta)
        out.append(parseFace(v));
    return out;
}

double l2(const QList<float> &v)
{
    double sum = 0;
    for (float x : v)
        sum += double(x) * x;
    return std::sqrt(sum);
}

double distance(const QList<float> &a, const QList<float> &b)
{
    double sum = 0;
    for (qsizetype i = 0; i < a.size() && i < b.size(); ++i)
        sum += (double(a[i]) - b[i]) * (double(a[i]) - b[i]);
    return std::sqrt(sum);
}

QByteArray encode(const QImage &image, const char *format)
{
    QByteArray out;
    QBuffer buffer(&out);
    buffer.open(QIODevice::WriteOnly);
    if (!image.save(&buffer, format))
        qWarning("QImage cannot write %s", format);
    return out;
}

Reply postMeta(ApiTestClient &client, const QByteArray &data)
{
    FilePart part;
    part.filename = "face.jpg";
    part.contentType = "image/jpeg";
    part.data = data;
    const MultipartBody body = multipartBody({part});
    return client.postRaw(kPath, body.body, body.contentType);
}

QString where(const Face &f)
{
    QString out = QStringLiteral("rect (%1,%2)-(%3,%4) landmarks")
                          .arg(f.rect.left())
                          .arg(f.rect.top())
                          .arg(f.rect.right())
                          .arg(f.rect.bottom());
    for (const QPointF &p : f.landmarks)
        out += QStringLiteral(" (%1,%2)").arg(p.x()).arg(p.y());
    return out;
}

} // namespace

class TstApiUploadsMeta : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void cleanup();
    void cleanupTestCase();

    void metaOfAFace();
    void metaIsDeterministic();
    void descriptorSurvivesRescalingAndReencoding();
    void twoFaces();
    void imageWithoutFaces_data();
    void imageWithoutFaces();
    void notAnImage_data();
    void notAnImage();
    void missingUploadData_data();
    void missingUploadData();
    void oneFilePerRequest();
    void malformedMultipart();
    void oversized();
    void nothingIsStored();
    void permissions();
    void modelsUnavailable();

private:
    QStringList storedFiles() const;

    TestServer m_server;
    SiteClients m_clients;
    std::unique_ptr<ApiTestClient> m_meta; ///< a role holding upload_meta_read only
    QByteArray m_messi;
    QImage m_messiImage;
};

void TstApiUploadsMeta::initTestCase()
{
    QVERIFY2(m_server.start(), qPrintable(m_server.errorString()));
    QVERIFY2(m_clients.setUp(m_server), qPrintable(m_clients.error));
    QString error;
    QVERIFY2(createRole(m_server, QStringLiteral("meta_only"), {QStringLiteral("upload_meta_read")},
                        &error)
                     > 0,
             qPrintable(error));
    const UserAccount account = createUserIn(m_server, m_clients.defaultOrganization,
                                             QStringLiteral("meta_only"), QStringLiteral("meta"));
    QVERIFY2(account.isValid(), qPrintable(account.error));
    m_meta = loggedInClient(m_server, account.email, account.password);
    QVERIFY(m_meta);

    QFile file(QStringLiteral(VMS_TEST_FACE_IMAGE));
    QVERIFY2(file.open(QIODevice::ReadOnly),
             qPrintable(file.fileName() + QStringLiteral(" is missing (install opencv-doc)")));
    m_messi = file.readAll();
    QVERIFY(m_messiImage.loadFromData(m_messi));
    QCOMPARE(m_messiImage.size(), QSize(548, 342));
}

void TstApiUploadsMeta::cleanup()
{
    for (ApiTestClient *c : m_clients.all())
        VMS_VERIFY_NO_SCHEMA_FAILURES(*c);
    VMS_VERIFY_NO_SCHEMA_FAILURES(*m_meta);
}

void TstApiUploadsMeta::cleanupTestCase()
{
    m_meta.reset();
    m_clients.reset();
    m_server.stop();
}

QStringList TstApiUploadsMeta::storedFiles() const
{
    QStringList out;
    QDirIterator it(m_server.dataDir(), QDir::Files, QDirIterator::Subdirectories);
    while (it.hasNext()) {
        const QString path = it.next();
        // The database and its journal change with every login; uploads live under uploads/.
        if (path.contains(QLatin1String("/uploads/")))
            out.append(path);
    }
    out.sort();
    return out;
}

void TstApiUploadsMeta::metaOfAFace()
{
    const Reply r = postMeta(*m_meta, m_messi);
    VMS_VERIFY_STATUS(r, 200);
    const QList<Face> faces = parseFaces(r);
    QCOMPARE(faces.size(), 1);
    const Face &f = faces.first();
    QVERIFY2(f.error.isEmpty(), qPrintable(f.error));
    const QRectF image(0, 0, 548, 342);
    QVERIFY2(image.contains(f.rect) && f.rect.width() > 15 && f.rect.height() > 15,
             qPrintable(where(f)));
    // The face is small in messi5: a box of the face, not of the picture.
    QVERIFY2(f.rect.width() < 548 / 4.0, qPrintable(where(f)));
    QCOMPARE(f.landmarks.size(), 6);
    // Eyes, nose and mouth inside the box; the subject's right eye (0) on the image's left, the
    // eyes above the mouth (3).
    for (int k = 0; k < 4; ++k)
        QVERIFY2(f.rect.contains(f.landmarks[k]), qPrintable(where(f)));
    QVERIFY2(f.landmarks[0].x() < f.landmarks[1].x(), qPrintable(where(f)));
    QVERIFY2(std::max(f.landmarks[0].y(), f.landmarks[1].y()) < f.landmarks[3].y(),
             qPrintable(where(f)));

    QCOMPARE(f.descriptor.size(), 128);
    QCOMPARE(f.version, 1);
    QVERIFY2(f.norm > 0.1, qPrintable(QString::number(f.norm)));
    QVERIFY2(std::abs(f.norm - l2(f.descriptor)) < 1e-6 * f.norm,
             qPrintable(QStringLiteral("norm %1 vs %2").arg(f.norm).arg(l2(f.descriptor))));
}

void TstApiUploadsMeta::metaIsDeterministic()
{
    const Reply a = postMeta(*m_meta, m_messi);
    const Reply b = postMeta(*m_clients.admin, m_messi);
    VMS_VERIFY_STATUS(a, 200);
    VMS_VERIFY_STATUS(b, 200);
    QCOMPARE(a.object(), b.object());
    QCOMPARE(a.object().value(QLatin1String("meta")).toArray().size(), 1);
}

void TstApiUploadsMeta::descriptorSurvivesRescalingAndReencoding()
{
    const Reply original = postMeta(*m_meta, m_messi);
    VMS_VERIFY_STATUS(original, 200);
    const QList<Face> reference = parseFaces(original);
    QCOMPARE(reference.size(), 1);

    // The same pixels as PNG: the same face.
    const Reply png = postMeta(*m_meta, encode(m_messiImage, "PNG"));
    VMS_VERIFY_STATUS(png, 200);
    const QList<Face> samePixels = parseFaces(png);
    QCOMPARE(samePixels.size(), 1);
    QVERIFY(distance(samePixels[0].descriptor, reference[0].descriptor) < 0.05);

    // Scaled to 0.8: pixel coordinates scale with the image, the descriptor barely moves.
    const QImage small = m_messiImage.scaled(m_messiImage.size() * 0.8, Qt::IgnoreAspectRatio,
                                             Qt::SmoothTransformation);
    const Reply scaled = postMeta(*m_meta, encode(small, "PNG"));
    VMS_VERIFY_STATUS(scaled, 200);
    const QList<Face> faces = parseFaces(scaled);
    QCOMPARE(faces.size(), 1);
    const double d = distance(faces[0].descriptor, reference[0].descriptor);
    QVERIFY2(d < 0.6, qPrintable(QString::number(d)));
    const QPointF expected = reference[0].rect.center() * (double(small.width()) / 548);
    QVERIFY2(QLineF(expected, faces[0].rect.center()).length() < 6, qPrintable(where(faces[0])));
    QVERIFY(QRectF(QPointF(0, 0), QSizeF(small.size())).contains(faces[0].rect));
}

void TstApiUploadsMeta::twoFaces()
{
    // The face of messi5 twice, side by side, the second copy smaller and lower. (Crops: the
    // detector sees the image at 256 pixels, where the whole picture twice would leave each face
    // too small to be found.)
    const QImage crop = m_messiImage.copy(140, 15, 200, 200);
    QImage canvas(440, 240, QImage::Format_RGB32);
    canvas.fill(QColor(30, 60, 90));
    {
        QPainter p(&canvas);
        p.drawImage(0, 10, crop);
        p.drawImage(QRectF(230, 40, 180, 180), crop);
    }
    const Reply r = postMeta(*m_meta, encode(canvas, "PNG"));
    VMS_VERIFY_STATUS(r, 200);
    const QList<Face> faces = parseFaces(r);
    QCOMPARE(faces.size(), 2);
    const bool firstIsLeft = faces[0].rect.center().x() < 220;
    const Face &left = firstIsLeft ? faces[0] : faces[1];
    const Face &right = firstIsLeft ? faces[1] : faces[0];
    QVERIFY2(left.rect.right() <= 200 && right.rect.left() >= 230,
             qPrintable(where(left) + QStringLiteral(" / ") + where(right)));
    // The smaller copy has the smaller box.
    QVERIFY(right.rect.width() < left.rect.width());
    // The same person in both copies.
    const double d = distance(left.descriptor, right.descriptor);
    QVERIFY2(d < 0.6, qPrintable(QString::number(d)));
}

void TstApiUploadsMeta::imageWithoutFaces_data()
{
    QTest::addColumn<QByteArray>("data");
    QTest::newRow("png") << imageBytes(200, 150, "PNG");
    QTest::newRow("jpeg") << imageBytes(320, 240, "JPEG", Qt::darkGreen);
    QTest::newRow("bmp 1x1") << imageBytes(1, 1, "BMP");
    QImage gradient(640, 360, QImage::Format_RGB32);
    for (int y = 0; y < gradient.height(); ++y) {
        for (int x = 0; x < gradient.width(); ++x)
            gradient.setPixel(x, y, qRgb(x * 255 / 640, y * 255 / 360, (x + y) % 256));
    }
    QTest::newRow("gradient") << encode(gradient, "PNG");
}

void TstApiUploadsMeta::imageWithoutFaces()
{
    QFETCH(QByteArray, data);
    QVERIFY(!data.isEmpty());
    const Reply r = postMeta(*m_meta, data);
    VMS_VERIFY_STATUS(r, 200);
    QCOMPARE(r.object(), QJsonObject({{QStringLiteral("meta"), QJsonArray()}}));
}

void TstApiUploadsMeta::notAnImage_data()
{
    QTest::addColumn<QByteArray>("data");
    QTest::newRow("text") << QByteArray("this is not an image at all\x01\x02\x03");
    QTest::newRow("empty file") << QByteArray();
    // (A truncated JPEG decodes, grey where data is missing, as it does for POST /uploads.)
    QTest::newRow("truncated png") << encode(m_messiImage, "PNG").left(200);
    QTest::newRow("png signature only") << QByteArray("\x89PNG\r\n\x1a\n", 8);
    QTest::newRow("gif") << QByteArray::fromBase64("R0lGODlhAQABAIAAAAAAAP///"
                                                   "yH5BAEAAAAALAAAAAABAAEAAAIBRAA7");
}

void TstApiUploadsMeta::notAnImage()
{
    QFETCH(QByteArray, data);
    const Reply r = postMeta(*m_meta, data);
    VMS_VERIFY_ERROR(r, 400, QStringLiteral("invalid_request"));
}

void TstApiUploadsMeta::missingUploadData_data()
{
    QTest::addColumn<QByteArray>("body");
    QTest::addColumn<QByteArray>("contentType");
    FilePart other;
    other.name = "file";
    other.data = m_messi;
    const MultipartBody wrongName = multipartBody({other});
    QTest::newRow("field named file") << wrongName.body << wrongName.contentType;
    const MultipartBody none = multipartBody({});
    QTest::newRow("no parts") << none.body << none.contentType;
    QTest::newRow("json body") << QByteArray("{\"upload_data\": \"x\"}")
                               << QByteArray("application/json");
    QTest::newRow("no body") << QByteArray() << QByteArray();
}

void TstApiUploadsMeta::missingUploadData()
{
    QFETCH(QByteArray, body);
    QFETCH(QByteArray, contentType);
    const Reply r = m_meta->postRaw(kPath, body, contentType);
    VMS_VERIFY_VALIDATION(r, QStringList({QStringLiteral("body"), QStringLiteral("upload_data")}),
                          QStringLiteral("value_error.missing"));
}

void TstApiUploadsMeta::oneFilePerRequest()
{
    FilePart a;
    a.data = m_messi;
    FilePart b;
    b.data = imageBytes(20, 20, "PNG");
    const MultipartBody body = multipartBody({a, b});
    const Reply r = m_meta->postRaw(kPath, body.body, body.contentType);
    VMS_VERIFY_ERROR(r, 400, QStringLiteral("invalid_request"));
}

void TstApiUploadsMeta::malformedMultipart()
{
    const Reply r = m_meta->postRaw(
            kPath,
            QByteArray("--XyZ\r\nContent-Disposition: form-data; name=\"upload_data\"\r\n\r\nab"),
            "multipart/form-data; boundary=XyZ");
    VMS_VERIFY_ERROR(r, 400, QStringLiteral("invalid_request"));
    QVERIFY2(r.object()
                     .value(QLatin1String("detail"))
                     .toString()
                     .contains(QLatin1String("multipart")),
             qPrintable(r.describe()));
}

void TstApiUploadsMeta::oversized()
{
    // One byte over the upload limit (20 MiB): refused for its size before it is decoded.
    QByteArray big = m_messi;
    big.append(QByteArray(20 * 1024 * 1024 + 1 - big.size(), '\0'));
    VMS_VERIFY_ERROR(postMeta(*m_meta, big), 413, QStringLiteral("payload_too_large"));
    // At the limit it is analysed (a JPEG with trailing bytes).
    big.chop(1);
    const Reply atLimit = postMeta(*m_meta, big);
    VMS_VERIFY_STATUS(atLimit, 200);
    QCOMPARE(atLimit.object().value(QLatin1String("meta")).toArray().size(), 1);
}

void TstApiUploadsMeta::nothingIsStored()
{
    const auto uploadAudits = [this] {
        const Reply log = m_clients.admin->get(
                QStringLiteral("/api/v1/auditlogs?action_types=upload_create&limit=1000"));
        return log.status == 200 ? log.object().value(QLatin1String("auditlogs")).toArray().size()
                                 : -1;
    };
    const QStringList before = storedFiles();
    const qsizetype auditsBefore = uploadAudits();
    QVERIFY(auditsBefore >= 0);
    VMS_VERIFY_STATUS(postMeta(*m_meta, m_messi), 200);
    VMS_VERIFY_STATUS(postMeta(*m_clients.admin, encode(m_messiImage, "PNG")), 200);
    QCOMPARE(storedFiles(), before);
    // No upload is created (an upload would be audited as upload_create).
    QCOMPARE(uploadAudits(), auditsBefore);
    // The check can see a stored upload.
    VMS_VERIFY_STATUS(upload(*m_clients.admin, QStringLiteral("face_image"), m_messi), 200);
    QCOMPARE(storedFiles().size(), before.size() + 1);
    QCOMPARE(uploadAudits(), auditsBefore + 1);
}

void TstApiUploadsMeta::permissions()
{
    // No token: 401.
    ApiTestClient anonymous(m_server.url());
    VMS_VERIFY_STATUS(postMeta(anonymous, m_messi), 401);
    VMS_VERIFY_NO_SCHEMA_FAILURES(anonymous);
    // upload_meta_read is the permission: a role without it is refused even when it may upload.
    VMS_VERIFY_ERROR(postMeta(*m_clients.nobody, m_messi), 403, QStringLiteral("unauthorized"));
    VMS_VERIFY_ERROR(postMeta(*m_clients.user, m_messi), 403, QStringLiteral("unauthorized"));
    VMS_VERIFY_STATUS(upload(*m_clients.user, QStringLiteral("face_image"), m_messi), 200);
    // The built-in operator role holds every *_read permission, this one included.
    VMS_VERIFY_STATUS(postMeta(*m_clients.reader, m_messi), 200);
    // Nothing is stored, so there is no other organization's object to hide: the same rules
    // apply in every organization.
    VMS_VERIFY_ERROR(postMeta(*m_clients.other, m_messi), 403, QStringLiteral("unauthorized"));
    VMS_VERIFY_STATUS(postMeta(*m_clients.admin, m_messi), 200);
}

void TstApiUploadsMeta::modelsUnavailable()
{
    TestServer bare;
    TestServerConfig config;
    config.modelDirs = {QStringLiteral("/nonexistent/vms-models")};
    QVERIFY2(bare.start(config), qPrintable(bare.errorString()));
    auto admin = loggedInClient(bare, bare.adminLogin(), bare.adminPassword());
    QVERIFY(admin);
    const Reply r = postMeta(*admin, m_messi);
    VMS_VERIFY_ERROR(r, 503, QStringLiteral("temporarily_unavailable"));
    const QString detail = r.object().value(QLatin1String("detail")).toString();
    QVERIFY2(detail.contains(QLatin1String("face models"))
                     && detail.contains(QLatin1String("/nonexistent/vms-models")),
             qPrintable(detail));
    // Requests that are wrong anyway still say so.
    VMS_VERIFY_ERROR(postMeta(*admin, QByteArray("not an image")), 400,
                     QStringLiteral("invalid_request"));
    // The rest of the server is unaffected.
    VMS_VERIFY_STATUS(admin->get(QStringLiteral("/api/v1/hello")), 200);
    VMS_VERIFY_NO_SCHEMA_FAILURES(*admin);
    admin.reset();
    bare.stop();
}

QTEST_GUILESS_MAIN(TstApiUploadsMeta)
#include "tst_api_uploads_meta.moc"
