// FaceAnalyzer (core/analytics): BlazeFace detection and face-api descriptors through OpenCV dnn.
// The parity test runs face-api's own JavaScript implementation (tests/support/
// faceapi_reference.mjs, node, tfjs' pure-JS cpu backend) on the same chips; node is required.
#include "core/analytics/face_analyzer.h"

#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLineF>
#include <QProcess>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>
#include <QtConcurrent>
#include <QtEndian>

#include <opencv2/core.hpp>
#include <opencv2/imgcodecs.hpp>
#include <opencv2/imgproc.hpp>

#include <cmath>

using vms::ErrorKind;
using vms::analytics::AnalyzedFace;
using vms::analytics::DetectedFace;
using vms::analytics::FaceAnalyzer;
using vms::analytics::FaceDescriptor;
using vms::analytics::FaceLandmark;

namespace {

constexpr int kChip = FaceAnalyzer::kChipSize;

/** A deterministic 150x150 BGR chip whose RGB values follow a fixed formula. */
cv::Mat patternChip()
{
    cv::Mat chip(kChip, kChip, CV_8UC3);
    for (int y = 0; y < kChip; ++y) {
        for (int x = 0; x < kChip; ++x) {
            for (int c = 0; c < 3; ++c) {
                const int value = (x * 7 + y * 13 + c * 61 + ((x * y) % 17) * 5) % 256;
                chip.at<cv::Vec3b>(y, x)[2 - c] = uchar(value); // c is the RGB channel
            }
        }
    }
    return chip;
}

/** Seeded uniform noise, BGR. */
cv::Mat noiseImage(int width, int height, int seed)
{
    cv::Mat image(height, width, CV_8UC3);
    cv::RNG rng{uint64(seed)};
    rng.fill(image, cv::RNG::UNIFORM, 0, 256);
    return image;
}

/** A smooth colour gradient, BGR. */
cv::Mat gradientImage(int width, int height)
{
    cv::Mat image(height, width, CV_8UC3);
    for (int y = 0; y < height; ++y) {
        for (int x = 0; x < width; ++x) {
            image.at<cv::Vec3b>(y, x) = cv::Vec3b(uchar(255 * x / width), uchar(255 * y / height),
                                                  uchar(255 - 255 * (x + y) / (width + height)));
        }
    }
    return image;
}

/** The chip's bytes as RGB, row major: what faceapi_reference.mjs reads. */
QByteArray rgbBytes(const cv::Mat &bgrChip)
{
    cv::Mat rgb;
    cv::cvtColor(bgrChip, rgb, cv::COLOR_BGR2RGB);
    return QByteArray(reinterpret_cast<const char *>(rgb.data), int(rgb.total() * 3));
}

QString describe(const QPointF &p)
{
    return QStringLiteral("(%1, %2)").arg(p.x(), 0, 'f', 1).arg(p.y(), 0, 'f', 1);
}

} // namespace

class TstFaceAnalyzer : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();

    void descriptorMatchesFaceApi();
    void detectsTheFaceInMessi();
    void coordinatesFollowTheImage_data();
    void coordinatesFollowTheImage();
    void descriptorSurvivesRescaling_data();
    void descriptorSurvivesRescaling();
    void noFacesInSyntheticImages_data();
    void noFacesInSyntheticImages();
    void alignChipLevelsTheEyes_data();
    void alignChipLevelsTheEyes();
    void descriptorEncoding();
    void concurrentCallsAgree();
    void missingModelsAreUnavailable();
    void brokenModelIsUnavailable();
    void timings();

private:
    std::unique_ptr<FaceAnalyzer> m_analyzer;
    cv::Mat m_messi;
};

void TstFaceAnalyzer::initTestCase()
{
    const QString modelDir = qEnvironmentVariable("VMS_MODEL_DIR");
    QVERIFY2(!modelDir.isEmpty(), "VMS_MODEL_DIR is not set (CMake sets it for ctest)");
    m_analyzer = std::make_unique<FaceAnalyzer>(QStringList{modelDir});
    QElapsedTimer timer;
    timer.start();
    const vms::Status loaded = m_analyzer->load();
    QVERIFY2(loaded, qPrintable(loaded ? QString() : loaded.error().message));
    qInfo("models loaded in %lld ms from %s", timer.elapsed(), qPrintable(modelDir));
    QCOMPARE(m_analyzer->modelDir(), QDir(modelDir).absolutePath());

    const QString path = QStringLiteral(VMS_TEST_FACE_IMAGE);
    m_messi = cv::imread(path.toStdString(), cv::IMREAD_COLOR);
    QVERIFY2(!m_messi.empty(),
             qPrintable(path + QStringLiteral(" is missing (install opencv-doc)")));
}

void TstFaceAnalyzer::descriptorMatchesFaceApi()
{
    const QString node = QStandardPaths::findExecutable(QStringLiteral("node"));
    QVERIFY2(!node.isEmpty(), "node is required for the parity test (Debian: nodejs)");
    const QString faceApi = qEnvironmentVariable("VMS_FACEAPI_DIR");
    QVERIFY2(QFile::exists(faceApi + QStringLiteral("/dist/face-api.esm.js")),
             qPrintable(QStringLiteral("face-api is not unpacked at '%1' (run the vms_models "
                                       "target)")
                                .arg(faceApi)));

    // Synthetic chips, plus the aligned chip of a real face.
    auto faces = m_analyzer->detect(m_messi);
    QVERIFY(faces && faces->size() == 1);
    const QList<std::pair<QString, cv::Mat>> chips{
            {QStringLiteral("pattern"), patternChip()},
            {QStringLiteral("noise"), noiseImage(kChip, kChip, 7)},
            {QStringLiteral("messi"), FaceAnalyzer::alignChip(m_messi, faces->first())}};

    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    QStringList args{QStringLiteral("--no-warnings"), QStringLiteral(VMS_FACEAPI_REFERENCE),
                     faceApi};
    for (const auto &[name, chip] : chips) {
        QFile f(dir.filePath(name + QStringLiteral(".rgb")));
        QVERIFY(f.open(QIODevice::WriteOnly));
        QCOMPARE(f.write(rgbBytes(chip)), qint64(kChip * kChip * 3));
        args.append(f.fileName());
    }
    QProcess process;
    process.start(node, args);
    QVERIFY2(process.waitForFinished(120'000), "face-api reference did not finish");
    const QByteArray err = process.readAllStandardError();
    QVERIFY2(process.exitStatus() == QProcess::NormalExit && process.exitCode() == 0,
             err.constData());
    QList<QJsonObject> reference;
    for (const QByteArray &line : process.readAllStandardOutput().split('\n')) {
        if (line.startsWith('{'))
            reference.append(QJsonDocument::fromJson(line).object());
    }
    QCOMPARE(reference.size(), chips.size());

    QList<FaceDescriptor> ours;
    double worst = 0;
    for (qsizetype i = 0; i < chips.size(); ++i) {
        QCOMPARE(reference[i].value(QLatin1String("backend")).toString(), QStringLiteral("cpu"));
        const QJsonArray values = reference[i].value(QLatin1String("descriptor")).toArray();
        QCOMPARE(values.size(), FaceDescriptor::kSize);
        auto mine = m_analyzer->describeChip(chips[i].second);
        QVERIFY(mine);
        FaceDescriptor theirs;
        double maxDiff = 0;
        for (int k = 0; k < FaceDescriptor::kSize; ++k) {
            theirs.values[size_t(k)] = float(values[k].toDouble());
            maxDiff = std::max(maxDiff, std::abs(double(mine->values[size_t(k)])
                                                 - double(theirs.values[size_t(k)])));
        }
        const double cosine = FaceDescriptor::cosineSimilarity(*mine, theirs);
        qInfo("parity %s: max |diff| %.3g, cosine %.9f, norm %.4f", qPrintable(chips[i].first),
              maxDiff, cosine, mine->norm());
        // A real descriptor, not zeros: the comparison below could not fail otherwise.
        QVERIFY2(theirs.norm() > 0.1, qPrintable(chips[i].first));
        QVERIFY2(maxDiff <= 1e-4,
                 qPrintable(QStringLiteral("%1: max diff %2").arg(chips[i].first).arg(maxDiff)));
        QVERIFY2(cosine > 0.9999, qPrintable(chips[i].first));
        worst = std::max(worst, maxDiff);
        ours.append(*mine);
    }
    // Different inputs, different descriptors.
    QVERIFY(FaceDescriptor::distance(ours[0], ours[2]) > 0.1);
    QVERIFY(FaceDescriptor::distance(ours[1], ours[2]) > 0.1);
    qInfo("parity: worst max |diff| %.3g", worst);
}

void TstFaceAnalyzer::detectsTheFaceInMessi()
{
    auto faces = m_analyzer->detect(m_messi);
    QVERIFY2(faces, qPrintable(faces ? QString() : faces.error().message));
    QCOMPARE(faces->size(), 1);
    const DetectedFace &f = faces->first();
    const QRectF image(0, 0, m_messi.cols, m_messi.rows);
    qInfo("messi5 %dx%d: face %s-%s score %.3f", m_messi.cols, m_messi.rows,
          qPrintable(describe(f.rect.topLeft())), qPrintable(describe(f.rect.bottomRight())),
          f.score);
    QVERIFY(f.score >= 0.5f && f.score <= 1.0f);
    QVERIFY(image.contains(f.rect));
    // A face, not the whole picture: messi5's face is small.
    QVERIFY2(f.rect.width() > 15 && f.rect.width() < m_messi.cols / 4.0,
             qPrintable(describe(f.rect.bottomRight() - f.rect.topLeft())));
    QVERIFY(f.rect.height() > 15 && f.rect.height() < m_messi.rows / 2.0);

    const QPointF rightEye = f.landmark(FaceLandmark::RightEye);
    const QPointF leftEye = f.landmark(FaceLandmark::LeftEye);
    const QPointF nose = f.landmark(FaceLandmark::NoseTip);
    const QPointF mouth = f.landmark(FaceLandmark::Mouth);
    for (const QPointF &p : {rightEye, leftEye, nose, mouth})
        QVERIFY2(f.rect.contains(p), qPrintable(describe(p)));
    // The subject's right eye is on the image's left; the eyes are above the nose, the nose above
    // the mouth (the face is upright).
    QVERIFY2(rightEye.x() < leftEye.x(), qPrintable(describe(rightEye) + describe(leftEye)));
    QVERIFY(std::max(rightEye.y(), leftEye.y()) < nose.y());
    QVERIFY(nose.y() < mouth.y());
    QVERIFY(mouth.x() > rightEye.x() && mouth.x() < leftEye.x());
    const double eyeDistance = QLineF(rightEye, leftEye).length();
    QVERIFY(eyeDistance > f.rect.width() * 0.2 && eyeDistance < f.rect.width() * 0.7);
}

void TstFaceAnalyzer::coordinatesFollowTheImage_data()
{
    QTest::addColumn<int>("left");
    QTest::addColumn<int>("top");
    QTest::addColumn<int>("right");
    QTest::addColumn<int>("bottom");
    // Padding changes the letterbox (wider, taller, square); the face must move with the image.
    QTest::newRow("shifted right") << 300 << 0 << 0 << 0;
    QTest::newRow("shifted down") << 0 << 400 << 0 << 0;
    QTest::newRow("square") << 0 << 110 << 0 << 110;
}

void TstFaceAnalyzer::coordinatesFollowTheImage()
{
    QFETCH(int, left);
    QFETCH(int, top);
    QFETCH(int, right);
    QFETCH(int, bottom);
    auto original = m_analyzer->detect(m_messi);
    QVERIFY(original && original->size() == 1);
    cv::Mat padded;
    cv::copyMakeBorder(m_messi, padded, top, bottom, left, right, cv::BORDER_CONSTANT,
                       cv::Scalar(40, 90, 30));
    auto moved = m_analyzer->detect(padded);
    QVERIFY(moved);
    QCOMPARE(moved->size(), 1);
    const QPointF shift(left, top);
    // The padded image is scaled down more; allow for a few pixels of detector jitter.
    const double tolerance = 6.0;
    const DetectedFace &a = original->first();
    const DetectedFace &b = moved->first();
    for (size_t k = 0; k < 4; ++k) {
        const QPointF expected = a.landmarks[k] + shift;
        QVERIFY2(QLineF(expected, b.landmarks[k]).length() < tolerance,
                 qPrintable(QStringLiteral("landmark %1: %2 vs %3")
                                    .arg(k)
                                    .arg(describe(expected), describe(b.landmarks[k]))));
    }
    QVERIFY(QLineF(a.rect.center() + shift, b.rect.center()).length() < tolerance);
}

void TstFaceAnalyzer::descriptorSurvivesRescaling_data()
{
    QTest::addColumn<double>("factor");
    QTest::newRow("0.8x") << 0.8;
    QTest::newRow("1.5x") << 1.5;
}

void TstFaceAnalyzer::descriptorSurvivesRescaling()
{
    QFETCH(double, factor);
    auto original = m_analyzer->analyze(m_messi);
    QVERIFY(original && original->size() == 1);
    cv::Mat scaled;
    cv::resize(m_messi, scaled, cv::Size(), factor, factor,
               factor < 1 ? cv::INTER_AREA : cv::INTER_CUBIC);
    auto again = m_analyzer->analyze(scaled);
    QVERIFY(again);
    QCOMPARE(again->size(), 1);
    const double distance
            = FaceDescriptor::distance(original->first().descriptor, again->first().descriptor);
    qInfo("messi5 vs %.2fx: euclidean %.4f, cosine %.4f", factor, distance,
          FaceDescriptor::cosineSimilarity(original->first().descriptor,
                                           again->first().descriptor));
    QVERIFY2(distance < 0.6, qPrintable(QString::number(distance)));
    // The box scales with the image.
    const QRectF expected(original->first().detection.rect.topLeft() * factor,
                          original->first().detection.rect.size() * factor);
    QVERIFY(QLineF(expected.center(), again->first().detection.rect.center()).length()
            < 6 * factor);

    // And a different image of the same size is far: the descriptor is not constant.
    auto noise = m_analyzer->describeChip(noiseImage(kChip, kChip, 3));
    QVERIFY(noise);
    QVERIFY(FaceDescriptor::distance(original->first().descriptor, *noise) > distance);
}

void TstFaceAnalyzer::noFacesInSyntheticImages_data()
{
    QTest::addColumn<int>("kind");
    QTest::newRow("noise 640x480") << 0;
    QTest::newRow("gradient 800x300") << 1;
    QTest::newRow("flat grey 64x64") << 2;
    QTest::newRow("noise 1x1") << 3;
}

void TstFaceAnalyzer::noFacesInSyntheticImages()
{
    QFETCH(int, kind);
    cv::Mat image;
    switch (kind) {
    case 0:
        image = noiseImage(640, 480, 11);
        break;
    case 1:
        image = gradientImage(800, 300);
        break;
    case 2:
        image = cv::Mat(64, 64, CV_8UC3, cv::Scalar::all(128));
        break;
    default:
        image = noiseImage(1, 1, 5);
        break;
    }
    auto faces = m_analyzer->analyze(image);
    QVERIFY(faces);
    QCOMPARE(faces->size(), 0);
}

void TstFaceAnalyzer::alignChipLevelsTheEyes_data()
{
    QTest::addColumn<double>("angle"); // degrees, of the eye line in the image
    QTest::addColumn<double>("eyeMouth");
    QTest::newRow("upright, small") << 0.0 << 20.0;
    QTest::newRow("tilted 25 degrees") << 25.0 << 40.0;
    QTest::newRow("tilted -40 degrees, large (shrunk first)") << -40.0 << 180.0;
}

void TstFaceAnalyzer::alignChipLevelsTheEyes()
{
    QFETCH(double, angle);
    QFETCH(double, eyeMouth);
    // Three coloured dots on black: the right eye red, the left eye green, the mouth blue.
    const cv::Point2d centre(400, 300);
    const double a = angle * CV_PI / 180;
    const cv::Point2d along(std::cos(a), std::sin(a));
    const cv::Point2d down(-std::sin(a), std::cos(a));
    const double halfEyes = eyeMouth * 0.45;
    const double mouthDrop = std::sqrt(eyeMouth * eyeMouth - halfEyes * halfEyes);
    // Centroid of the three at `centre`: eyes at -drop/3, mouth at 2 drop/3.
    const cv::Point2d e0 = centre - along * halfEyes - down * (mouthDrop / 3);
    const cv::Point2d e1 = centre + along * halfEyes - down * (mouthDrop / 3);
    const cv::Point2d m = centre + down * (2 * mouthDrop / 3);
    cv::Mat image(600, 800, CV_8UC3, cv::Scalar::all(0));
    const int radius = std::max(2, int(eyeMouth / 12));
    // Continuous coordinates: the dot centred on pixel (x, y) covers [x, x+1).
    const auto dot = [&](const cv::Point2d &p, const cv::Scalar &colour) {
        cv::circle(image, cv::Point(int(std::floor(p.x)), int(std::floor(p.y))), radius, colour,
                   cv::FILLED);
    };
    dot(e0, cv::Scalar(0, 0, 255));
    dot(e1, cv::Scalar(0, 255, 0));
    dot(m, cv::Scalar(255, 0, 0));
    DetectedFace face;
    const auto q = [](const cv::Point2d &p) {
        return QPointF(std::floor(p.x) + 0.5, std::floor(p.y) + 0.5);
    };
    face.landmarks[0] = q(e0);
    face.landmarks[1] = q(e1);
    face.landmarks[3] = q(m);
    const cv::Mat chip = FaceAnalyzer::alignChip(image, face);
    QCOMPARE(chip.cols, kChip);
    QCOMPARE(chip.rows, kChip);
    QCOMPARE(chip.type(), CV_8UC3);

    // Where each dot landed: the centroid of its channel (continuous coordinates).
    const auto centroid = [&](int channel) {
        cv::Mat plane;
        cv::extractChannel(chip, plane, channel);
        const cv::Moments mo = cv::moments(plane);
        return mo.m00 > 0 ? QPointF(mo.m10 / mo.m00 + 0.5, mo.m01 / mo.m00 + 0.5) : QPointF(-1, -1);
    };
    const QPointF red = centroid(2), green = centroid(1), blue = centroid(0);
    const QString where = describe(red) + describe(green) + describe(blue);
    QVERIFY2(std::abs(red.y() - green.y()) < 1.0, qPrintable(where)); // level eyes
    QVERIFY2(red.x() < green.x(), qPrintable(where));                 // right eye on the left
    QVERIFY2(blue.y() > red.y() + 20, qPrintable(where));             // mouth below
    const QPointF centroidOfAll = (red + green + blue) / 3;
    QVERIFY2(QLineF(centroidOfAll, QPointF(75, 64.5)).length() < 1.0, qPrintable(where));
    const double meanEyeMouth = (QLineF(blue, red).length() + QLineF(blue, green).length()) / 2;
    QVERIFY2(std::abs(meanEyeMouth - 0.45 * kChip) < 1.5,
             qPrintable(QString::number(meanEyeMouth)));
}

void TstFaceAnalyzer::descriptorEncoding()
{
    auto d = m_analyzer->describeChip(patternChip());
    QVERIFY(d);
    const QByteArray bytes = d->toBytes();
    QCOMPARE(bytes.size(), 512);
    double sum = 0;
    for (int i = 0; i < FaceDescriptor::kSize; ++i) {
        const float v = qFromLittleEndian<float>(bytes.constData() + i * 4);
        QCOMPARE(v, d->values[size_t(i)]);
        sum += double(v) * v;
    }
    QVERIFY(qFuzzyCompare(std::sqrt(sum), d->norm()));
    QCOMPARE(FaceDescriptor::distance(*d, *d), 0.0);
    QVERIFY(qFuzzyCompare(FaceDescriptor::cosineSimilarity(*d, *d), 1.0));
    FaceDescriptor negated = *d;
    for (float &v : negated.values)
        v = -v;
    QVERIFY(qFuzzyCompare(FaceDescriptor::cosineSimilarity(*d, negated), -1.0));
}

void TstFaceAnalyzer::concurrentCallsAgree()
{
    auto serial = m_analyzer->analyze(m_messi);
    QVERIFY(serial && serial->size() == 1);
    QList<int> jobs{0, 1, 2, 3, 4, 5, 6, 7};
    const QList<QList<AnalyzedFace>> results
            = QtConcurrent::blockingMapped<QList<QList<AnalyzedFace>>>(
                    jobs, [this](int) -> QList<AnalyzedFace> {
                        auto r = m_analyzer->analyze(m_messi);
                        return r ? *r : QList<AnalyzedFace>{};
                    });
    for (const QList<AnalyzedFace> &r : results) {
        QCOMPARE(r.size(), 1);
        QCOMPARE(r.first().detection.rect, serial->first().detection.rect);
        QVERIFY(r.first().descriptor.values == serial->first().descriptor.values);
    }
}

void TstFaceAnalyzer::missingModelsAreUnavailable()
{
    FaceAnalyzer nowhere({QStringLiteral("/nonexistent/vms-models"), QString()});
    auto faces = nowhere.detect(m_messi);
    QVERIFY(!faces);
    QCOMPARE(faces.error().kind, ErrorKind::Unavailable);
    QVERIFY2(faces.error().message.contains(QLatin1String("/nonexistent/vms-models")),
             qPrintable(faces.error().message));
    QVERIFY(nowhere.modelDir().isEmpty());
    auto chip = nowhere.describeChip(patternChip());
    QVERIFY(!chip);
    QCOMPARE(chip.error().kind, ErrorKind::Unavailable);
}

void TstFaceAnalyzer::brokenModelIsUnavailable()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    QFile::copy(QDir(qEnvironmentVariable("VMS_MODEL_DIR"))
                        .filePath(QString::fromLatin1(FaceAnalyzer::kDetectorFile)),
                dir.filePath(QString::fromLatin1(FaceAnalyzer::kDetectorFile)));
    QFile broken(dir.filePath(QString::fromLatin1(FaceAnalyzer::kDescriptorFile)));
    QVERIFY(broken.open(QIODevice::WriteOnly));
    broken.write("this is not an ONNX model");
    broken.close();
    FaceAnalyzer analyzer({dir.path()});
    const vms::Status s = analyzer.load();
    QVERIFY(!s);
    QCOMPARE(s.error().kind, ErrorKind::Unavailable);
    QVERIFY2(s.error().message.contains(QString::fromLatin1(FaceAnalyzer::kDescriptorFile)),
             qPrintable(s.error().message));
}

void TstFaceAnalyzer::timings()
{
    // Figures for the record; the checks are loose bounds against a pathological slowdown.
    constexpr int kRuns = 10;
    QElapsedTimer timer;
    timer.start();
    QList<DetectedFace> faces;
    for (int i = 0; i < kRuns; ++i) {
        auto r = m_analyzer->detect(m_messi);
        QVERIFY(r);
        faces = *r;
    }
    const double detectMs = timer.nsecsElapsed() / 1e6 / kRuns;
    QCOMPARE(faces.size(), 1);
    const cv::Mat chip = FaceAnalyzer::alignChip(m_messi, faces.first());
    timer.restart();
    for (int i = 0; i < kRuns; ++i)
        QVERIFY(m_analyzer->describeChip(chip));
    const double describeMs = timer.nsecsElapsed() / 1e6 / kRuns;
    timer.restart();
    for (int i = 0; i < kRuns; ++i)
        QVERIFY(m_analyzer->describe(m_messi, faces.first()));
    const double alignDescribeMs = timer.nsecsElapsed() / 1e6 / kRuns;
    qInfo("timing (%dx%d image): detect %.1f ms, descriptor %.1f ms (with alignment %.1f ms)",
          m_messi.cols, m_messi.rows, detectMs, describeMs, alignDescribeMs);
    QVERIFY(detectMs < 2000);
    QVERIFY(describeMs < 2000);
}

QTEST_GUILESS_MAIN(TstFaceAnalyzer)
#include "tst_face_analyzer.moc"
