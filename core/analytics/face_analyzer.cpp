#include "core/analytics/face_analyzer.h"

#include <QDir>
#include <QFileInfo>
#include <QLoggingCategory>
#include <QtEndian>

#include <opencv2/core.hpp>
#include <opencv2/dnn.hpp>
#include <opencv2/imgproc.hpp>

#include <algorithm>
#include <cmath>
#include <mutex>
#include <vector>

Q_LOGGING_CATEGORY(lcFaces, "vms.analytics.faces")

namespace vms::analytics {

namespace {

constexpr int kDetectorSize = 256;
constexpr float kNmsIou = 0.3f;
// face-api's FaceRecognitionNet input normalisation (RGB order).
constexpr float kMeanRgb[3] = {122.782f, 117.001f, 104.298f};
// Where the centre of the eyes and the mouth goes on the 150x150 chip (continuous coordinates).
constexpr double kChipCentreX = 75.0;
constexpr double kChipCentreY = 64.5;

/** One output head of BlazeFace: a cells x cells grid with `anchors` anchors per cell. */
struct Head
{
    const char *scores;
    const char *boxes;
    int cells;
    int anchors;
};
// 16x16 x 2 anchors (512) and 8x8 x 6 anchors (384).
constexpr Head kHeads[]
        = {{"Identity:0", "Identity_2:0", 16, 2}, {"Identity_1:0", "Identity_3:0", 8, 6}};

/** A candidate in letterbox coordinates normalised to [0, 1]. */
struct Candidate
{
    float cx, cy, w, h;
    float kp[12];
    float score;
};

float sigmoid(float x)
{
    x = std::clamp(x, -80.0f, 80.0f);
    return 1.0f / (1.0f + std::exp(-x));
}

float iou(const Candidate &a, const Candidate &b)
{
    const float ax0 = a.cx - a.w / 2, ax1 = a.cx + a.w / 2, ay0 = a.cy - a.h / 2,
                ay1 = a.cy + a.h / 2;
    const float bx0 = b.cx - b.w / 2, bx1 = b.cx + b.w / 2, by0 = b.cy - b.h / 2,
                by1 = b.cy + b.h / 2;
    const float iw = std::max(0.0f, std::min(ax1, bx1) - std::max(ax0, bx0));
    const float ih = std::max(0.0f, std::min(ay1, by1) - std::max(ay0, by0));
    const float inter = iw * ih;
    const float uni = a.w * a.h + b.w * b.h - inter;
    return uni > 0 ? inter / uni : 0.0f;
}

/**
 * MediaPipe's weighted NMS: the best remaining candidate absorbs every candidate that overlaps it
 * by IoU >= 0.3; the geometry is the score-weighted mean of the group, the score its maximum.
 */
std::vector<Candidate> weightedNms(std::vector<Candidate> candidates)
{
    std::stable_sort(candidates.begin(), candidates.end(),
                     [](const Candidate &a, const Candidate &b) { return a.score > b.score; });
    std::vector<Candidate> out;
    std::vector<bool> isTaken(candidates.size(), false);
    for (size_t i = 0; i < candidates.size(); ++i) {
        if (isTaken[i])
            continue;
        const Candidate &top = candidates[i];
        Candidate sum{};
        float weight = 0;
        for (size_t j = i; j < candidates.size(); ++j) {
            if (isTaken[j] || (j != i && iou(top, candidates[j]) < kNmsIou))
                continue;
            isTaken[j] = true;
            const Candidate &c = candidates[j];
            sum.cx += c.cx * c.score;
            sum.cy += c.cy * c.score;
            sum.w += c.w * c.score;
            sum.h += c.h * c.score;
            for (int k = 0; k < 12; ++k)
                sum.kp[k] += c.kp[k] * c.score;
            weight += c.score;
        }
        Candidate blended = sum;
        blended.cx /= weight;
        blended.cy /= weight;
        blended.w /= weight;
        blended.h /= weight;
        for (float &k : blended.kp)
            k /= weight;
        blended.score = top.score;
        out.push_back(blended);
    }
    return out;
}

/** Row-major float data of a network output with the expected number of elements, or null. */
const float *outputData(const cv::Mat &m, size_t expected)
{
    if (m.type() != CV_32F || m.total() != expected || !m.isContinuous())
        return nullptr;
    return m.ptr<float>();
}

Error unavailable(const QString &why)
{
    return Error::unavailable(QStringLiteral("Face analysis is unavailable: ") + why);
}

} // namespace

double FaceDescriptor::norm() const
{
    double sum = 0;
    for (float v : values)
        sum += double(v) * v;
    return std::sqrt(sum);
}

QByteArray FaceDescriptor::toBytes() const
{
    QByteArray out(kSize * int(sizeof(float)), Qt::Uninitialized);
    for (int i = 0; i < kSize; ++i)
        qToLittleEndian<float>(values[size_t(i)], out.data() + i * sizeof(float));
    return out;
}

double FaceDescriptor::distance(const FaceDescriptor &a, const FaceDescriptor &b)
{
    double sum = 0;
    for (size_t i = 0; i < size_t(kSize); ++i) {
        const double d = double(a.values[i]) - b.values[i];
        sum += d * d;
    }
    return std::sqrt(sum);
}

double FaceDescriptor::cosineSimilarity(const FaceDescriptor &a, const FaceDescriptor &b)
{
    double dot = 0;
    for (size_t i = 0; i < size_t(kSize); ++i)
        dot += double(a.values[i]) * b.values[i];
    const double n = a.norm() * b.norm();
    return n > 0 ? std::clamp(dot / n, -1.0, 1.0) : 0.0;
}

struct FaceAnalyzer::Impl
{
    QStringList modelDirs;
    float scoreThreshold = 0.5f;

    std::mutex loadMutex;
    bool isLoaded = false; // guarded by loadMutex; never reset once true
    QString modelDir;

    std::mutex detectorMutex;
    cv::dnn::Net detector;
    std::mutex descriptorMutex;
    cv::dnn::Net descriptor;
};

FaceAnalyzer::FaceAnalyzer(QStringList modelDirs, float scoreThreshold)
    : d(std::make_unique<Impl>())
{
    d->modelDirs = std::move(modelDirs);
    d->scoreThreshold = scoreThreshold;
}

FaceAnalyzer::~FaceAnalyzer() = default;

QStringList FaceAnalyzer::modelDirs() const
{
    return d->modelDirs;
}

QString FaceAnalyzer::modelDir() const
{
    std::lock_guard lock(d->loadMutex);
    return d->isLoaded ? d->modelDir : QString();
}

Status FaceAnalyzer::load()
{
    std::lock_guard lock(d->loadMutex);
    if (d->isLoaded)
        return Ok{};
    const QString detectorName = QString::fromLatin1(kDetectorFile);
    const QString descriptorName = QString::fromLatin1(kDescriptorFile);
    QString dir;
    for (const QString &candidate : std::as_const(d->modelDirs)) {
        if (candidate.isEmpty())
            continue;
        const QDir qdir(candidate);
        if (QFileInfo(qdir.filePath(detectorName)).isFile()
            && QFileInfo(qdir.filePath(descriptorName)).isFile()) {
            dir = qdir.absolutePath();
            break;
        }
    }
    if (dir.isEmpty()) {
        return unavailable(QStringLiteral("the face models (%1, %2) were not found in: %3")
                                   .arg(detectorName, descriptorName,
                                        d->modelDirs.isEmpty()
                                                ? QStringLiteral("(no directory configured)")
                                                : d->modelDirs.join(QStringLiteral(", "))));
    }
    QString current;
    try {
        current = detectorName;
        cv::dnn::Net detector = cv::dnn::readNetFromONNX(
                QDir(dir).filePath(detectorName).toLocal8Bit().toStdString());
        current = descriptorName;
        cv::dnn::Net descriptor = cv::dnn::readNetFromONNX(
                QDir(dir).filePath(descriptorName).toLocal8Bit().toStdString());
        if (detector.empty() || descriptor.empty())
            return unavailable(QStringLiteral("cannot load %1 from %2").arg(current, dir));
        detector.setPreferableBackend(cv::dnn::DNN_BACKEND_OPENCV);
        detector.setPreferableTarget(cv::dnn::DNN_TARGET_CPU);
        descriptor.setPreferableBackend(cv::dnn::DNN_BACKEND_OPENCV);
        descriptor.setPreferableTarget(cv::dnn::DNN_TARGET_CPU);
        // The locks are not needed yet (nothing runs before isLoaded), but keep the rule simple.
        std::scoped_lock nets(d->detectorMutex, d->descriptorMutex);
        d->detector = std::move(detector);
        d->descriptor = std::move(descriptor);
    } catch (const cv::Exception &e) {
        qCWarning(lcFaces) << "cannot load" << current << "from" << dir << e.what();
        return unavailable(QStringLiteral("cannot load %1 from %2: %3")
                                   .arg(current, dir, QString::fromLocal8Bit(e.what()).trimmed()));
    }
    d->modelDir = dir;
    d->isLoaded = true;
    qCInfo(lcFaces) << "face models loaded from" << dir;
    return Ok{};
}

Result<QList<DetectedFace>> FaceAnalyzer::detect(const cv::Mat &bgr)
{
    if (bgr.empty() || bgr.type() != CV_8UC3)
        return Error::invalid(QStringLiteral("face detection needs an 8-bit colour image"));
    if (Status s = load(); !s)
        return s.error();

    // Letterbox: scale the longer side to 256 and centre the image on black.
    const double scale = double(kDetectorSize) / std::max(bgr.cols, bgr.rows);
    const int w = std::clamp(int(std::lround(bgr.cols * scale)), 1, kDetectorSize);
    const int h = std::clamp(int(std::lround(bgr.rows * scale)), 1, kDetectorSize);
    const int offX = (kDetectorSize - w) / 2;
    const int offY = (kDetectorSize - h) / 2;
    cv::Mat canvas(kDetectorSize, kDetectorSize, CV_8UC3, cv::Scalar::all(0));
    cv::Mat resized;
    cv::resize(bgr, resized, cv::Size(w, h), 0, 0, scale < 1 ? cv::INTER_AREA : cv::INTER_LINEAR);
    resized.copyTo(canvas(cv::Rect(offX, offY, w, h)));
    cv::Mat rgb;
    cv::cvtColor(canvas, rgb, cv::COLOR_BGR2RGB);
    cv::Mat input;
    rgb.convertTo(input, CV_32FC3, 1.0 / 127.5, -1.0);
    // NHWC [1, 256, 256, 3]: the HWC pixels as they are, seen as a 4-D blob (blobFromImage would
    // give NCHW, which this network does not take).
    const int dims[4] = {1, kDetectorSize, kDetectorSize, 3};
    const cv::Mat blob(4, dims, CV_32F, input.ptr<float>());

    std::vector<Candidate> candidates;
    {
        std::lock_guard lock(d->detectorMutex);
        std::vector<cv::Mat> outs;
        try {
            d->detector.setInput(blob);
            d->detector.forward(outs, std::vector<cv::String>{kHeads[0].scores, kHeads[0].boxes,
                                                              kHeads[1].scores, kHeads[1].boxes});
        } catch (const cv::Exception &e) {
            qCWarning(lcFaces) << "detector forward failed:" << e.what();
            return Error::internal(QStringLiteral("face detection failed"));
        }
        for (int head = 0; head < 2; ++head) {
            const Head &hd = kHeads[head];
            const size_t count = size_t(hd.cells) * hd.cells * hd.anchors;
            const float *scores = outputData(outs[size_t(head) * 2], count);
            const float *boxes = outputData(outs[size_t(head) * 2 + 1], count * 16);
            if (!scores || !boxes) {
                qCWarning(lcFaces) << "unexpected detector output shapes";
                return Error::internal(QStringLiteral("face detection failed"));
            }
            for (size_t i = 0; i < count; ++i) {
                const float score = sigmoid(scores[i]);
                if (score < d->scoreThreshold)
                    continue;
                // i = (cy * cells + cx) * anchors + a
                const int cell = int(i) / hd.anchors;
                const float ax = (float(cell % hd.cells) + 0.5f) / float(hd.cells);
                const float ay = (float(cell / hd.cells) + 0.5f) / float(hd.cells);
                const float *r = boxes + i * 16;
                Candidate c;
                c.cx = ax + r[0] / kDetectorSize;
                c.cy = ay + r[1] / kDetectorSize;
                c.w = r[2] / kDetectorSize;
                c.h = r[3] / kDetectorSize;
                for (int k = 0; k < 6; ++k) {
                    c.kp[2 * k] = ax + r[4 + 2 * k] / kDetectorSize;
                    c.kp[2 * k + 1] = ay + r[5 + 2 * k] / kDetectorSize;
                }
                c.score = score;
                if (c.w > 0 && c.h > 0)
                    candidates.push_back(c);
            }
        }
    }

    // Back from the normalised letterbox to pixels of the original image.
    const double sx = double(w) / bgr.cols;
    const double sy = double(h) / bgr.rows;
    const auto toImage = [&](float nx, float ny) {
        return QPointF((double(nx) * kDetectorSize - offX) / sx,
                       (double(ny) * kDetectorSize - offY) / sy);
    };
    QList<DetectedFace> faces;
    for (const Candidate &c : weightedNms(std::move(candidates))) {
        DetectedFace f;
        const QPointF topLeft = toImage(c.cx - c.w / 2, c.cy - c.h / 2);
        const QPointF bottomRight = toImage(c.cx + c.w / 2, c.cy + c.h / 2);
        const double x0 = std::clamp(topLeft.x(), 0.0, double(bgr.cols));
        const double y0 = std::clamp(topLeft.y(), 0.0, double(bgr.rows));
        const double x1 = std::clamp(bottomRight.x(), 0.0, double(bgr.cols));
        const double y1 = std::clamp(bottomRight.y(), 0.0, double(bgr.rows));
        if (x1 <= x0 || y1 <= y0)
            continue; // entirely in the letterbox padding
        f.rect = QRectF(QPointF(x0, y0), QPointF(x1, y1));
        for (size_t k = 0; k < 6; ++k)
            f.landmarks[k] = toImage(c.kp[2 * k], c.kp[2 * k + 1]);
        f.score = c.score;
        faces.append(f);
    }
    return faces;
}

cv::Mat FaceAnalyzer::alignChip(const cv::Mat &bgr, const DetectedFace &face)
{
    // Landmarks are continuous coordinates (the image spans [0, cols] x [0, rows]); OpenCV's
    // warps put pixel centres on integers, hence the half-pixel shifts below.
    const auto pt = [&](FaceLandmark which) {
        const QPointF p = face.landmark(which);
        return cv::Point2d(p.x(), p.y());
    };
    cv::Point2d e0 = pt(FaceLandmark::RightEye);
    cv::Point2d e1 = pt(FaceLandmark::LeftEye);
    cv::Point2d m = pt(FaceLandmark::Mouth);
    const auto sideOf = [](const cv::Point2d &a, const cv::Point2d &b, const cv::Point2d &c) {
        const double side = (cv::norm(c - a) + cv::norm(c - b)) / 2 / 0.45;
        return side > 0 && std::isfinite(side) ? side : 1.0;
    };

    cv::Mat source = bgr;
    double side = sideOf(e0, e1, m);
    if (kChipSize < side) {
        // Shrink the region the chip covers with area averaging first: a bilinear warp that
        // skips source pixels aliases and makes the descriptor depend on the image size.
        const cv::Point2d c = (e0 + e1 + m) / 3.0;
        // The chip's farthest corner is 0.76 side from the centroid, which sits at 0.43 side.
        const double reach = side * 0.8;
        cv::Rect roi(int(std::floor(c.x - reach)) - 2, int(std::floor(c.y - reach)) - 2,
                     int(std::ceil(2 * reach)) + 5, int(std::ceil(2 * reach)) + 5);
        roi &= cv::Rect(0, 0, bgr.cols, bgr.rows);
        if (roi.width > 0 && roi.height > 0) {
            const double s = kChipSize / side;
            const cv::Size small(std::max(1, int(std::lround(roi.width * s))),
                                 std::max(1, int(std::lround(roi.height * s))));
            cv::resize(bgr(roi), source, small, 0, 0, cv::INTER_AREA);
            const double fx = double(small.width) / roi.width;
            const double fy = double(small.height) / roi.height;
            const auto map = [&](const cv::Point2d &p) {
                return cv::Point2d((p.x - roi.x) * fx, (p.y - roi.y) * fy);
            };
            e0 = map(e0);
            e1 = map(e1);
            m = map(m);
            side = sideOf(e0, e1, m);
        }
    }

    const double s = kChipSize / side;
    const cv::Point2d centre = (e0 + e1 + m) / 3.0 - cv::Point2d(0.5, 0.5);
    const cv::Point2d target(kChipCentreX - 0.5, kChipCentreY - 0.5);
    const double angle = std::atan2(e1.y - e0.y, e1.x - e0.x);
    const double cs = std::cos(angle) * s;
    const double sn = std::sin(angle) * s;
    // chip = s * R(-angle) * (p - centre) + target: the eyes end up level.
    const cv::Matx23d affine(cs, sn, target.x - (cs * centre.x + sn * centre.y), //
                             -sn, cs, target.y - (-sn * centre.x + cs * centre.y));
    cv::Mat chip;
    cv::warpAffine(source, chip, affine, cv::Size(kChipSize, kChipSize), cv::INTER_LINEAR,
                   cv::BORDER_CONSTANT, cv::Scalar::all(0));
    return chip;
}

Result<FaceDescriptor> FaceAnalyzer::describeChip(const cv::Mat &bgrChip)
{
    if (bgrChip.type() != CV_8UC3 || bgrChip.cols != kChipSize || bgrChip.rows != kChipSize)
        return Error::invalid(QStringLiteral("a face chip is a 150x150 8-bit colour image"));
    if (Status s = load(); !s)
        return s.error();

    // NCHW, RGB planes, (x - mean) / 255 as face-api does.
    const int dims[4] = {1, 3, kChipSize, kChipSize};
    cv::Mat blob(4, dims, CV_32F);
    float *planes = blob.ptr<float>();
    const int area = kChipSize * kChipSize;
    for (int y = 0; y < kChipSize; ++y) {
        const cv::Vec3b *row = bgrChip.ptr<cv::Vec3b>(y);
        for (int x = 0; x < kChipSize; ++x) {
            const int at = y * kChipSize + x;
            for (int c = 0; c < 3; ++c)
                planes[c * area + at] = (float(row[x][2 - c]) - kMeanRgb[c]) / 255.0f;
        }
    }

    FaceDescriptor out;
    std::lock_guard lock(d->descriptorMutex);
    try {
        d->descriptor.setInput(blob);
        const cv::Mat result = d->descriptor.forward();
        const float *values = outputData(result, FaceDescriptor::kSize);
        if (!values) {
            qCWarning(lcFaces) << "unexpected descriptor output shape";
            return Error::internal(QStringLiteral("face descriptor failed"));
        }
        std::copy(values, values + FaceDescriptor::kSize, out.values.begin());
    } catch (const cv::Exception &e) {
        qCWarning(lcFaces) << "descriptor forward failed:" << e.what();
        return Error::internal(QStringLiteral("face descriptor failed"));
    }
    return out;
}

Result<FaceDescriptor> FaceAnalyzer::describe(const cv::Mat &bgr, const DetectedFace &face)
{
    if (bgr.empty() || bgr.type() != CV_8UC3)
        return Error::invalid(QStringLiteral("face descriptors need an 8-bit colour image"));
    return describeChip(alignChip(bgr, face));
}

Result<QList<AnalyzedFace>> FaceAnalyzer::analyze(const cv::Mat &bgr)
{
    auto faces = detect(bgr);
    if (!faces)
        return faces.error();
    QList<AnalyzedFace> out;
    out.reserve(faces->size());
    for (const DetectedFace &face : std::as_const(*faces)) {
        auto descriptor = describe(bgr, face);
        if (!descriptor)
            return descriptor.error();
        out.append({face, *descriptor});
    }
    return out;
}

} // namespace vms::analytics
