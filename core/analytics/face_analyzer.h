#pragma once

#include "core/domain/result.h"

#include <QByteArray>
#include <QList>
#include <QPointF>
#include <QRectF>
#include <QString>
#include <QStringList>

#include <array>
#include <memory>

namespace cv {
class Mat;
}

namespace vms::analytics {

/** BlazeFace keypoints, in the model's order. "Right" is the subject's right (image left). */
enum class FaceLandmark {
    RightEye = 0,
    LeftEye = 1,
    NoseTip = 2,
    Mouth = 3,
    RightEar = 4,
    LeftEar = 5
};

/** One face found by the detector, in pixels of the analysed image (origin top left). */
struct DetectedFace
{
    /** Clamped to the image. */
    QRectF rect;
    /** Indexed by FaceLandmark; may lie outside the image for a face cut by its border. */
    std::array<QPointF, 6> landmarks;
    float score = 0;

    QPointF landmark(FaceLandmark which) const { return landmarks.at(size_t(which)); }
};

/**
 * face-api's FaceRecognitionNet output: 128 raw floats (not L2-normalised). Descriptors are only
 * comparable when their version is equal: the version names the network and the crop pipeline.
 */
struct FaceDescriptor
{
    static constexpr int kSize = 128;
    /** 1: face_recognition_150.onnx on a 150x150 chip aligned from the eyes and mouth. */
    static constexpr int kVersion = 1;

    std::array<float, kSize> values{};

    /** L2 norm of values. */
    double norm() const;
    /** The values as float32 little endian (512 bytes). */
    QByteArray toBytes() const;
    static double distance(const FaceDescriptor &a, const FaceDescriptor &b);
    /** Cosine of the angle between a and b, in [-1, 1] (0 when either is all zeros). */
    static double cosineSimilarity(const FaceDescriptor &a, const FaceDescriptor &b);
};

struct AnalyzedFace
{
    DetectedFace detection;
    FaceDescriptor descriptor;
};

/**
 * Face detection (BlazeFace, the 256x256 long-range model) and face descriptors (face-api's
 * FaceRecognitionNet), both run by OpenCV's dnn module. See /work/shared/design/FACE_MODELS.md.
 *
 * The models are loaded on first use from the first of `modelDirs` that holds both files; until
 * that succeeds every call answers ErrorKind::Unavailable (and the next call tries again, so that
 * models installed later are picked up). Thread-safe: each network runs one forward pass at a
 * time (cv::dnn::Net is not safe for concurrent forward()), under a lock of its own.
 */
class FaceAnalyzer
{
public:
    static constexpr const char *kDetectorFile = "face_detection_back_256x256_barracuda.onnx";
    static constexpr const char *kDescriptorFile = "face_recognition_150.onnx";
    static constexpr int kChipSize = 150;

    explicit FaceAnalyzer(QStringList modelDirs, float scoreThreshold = 0.5f);
    ~FaceAnalyzer();
    FaceAnalyzer(const FaceAnalyzer &) = delete;
    FaceAnalyzer &operator=(const FaceAnalyzer &) = delete;

    /** Loads both networks unless done already. Unavailable when a model is missing or broken. */
    Status load();
    /** The directory the models came from; empty before a successful load(). */
    QString modelDir() const;
    QStringList modelDirs() const;

    /** Faces in a BGR 8-bit image, by descending score. */
    Result<QList<DetectedFace>> detect(const cv::Mat &bgr);
    /** The descriptor of a detected face of `bgr` (aligned with alignChip()). */
    Result<FaceDescriptor> describe(const cv::Mat &bgr, const DetectedFace &face);
    /** The descriptor of an aligned 150x150 BGR 8-bit chip. */
    Result<FaceDescriptor> describeChip(const cv::Mat &bgrChip);
    /** detect() and describe() for every face found. */
    Result<QList<AnalyzedFace>> analyze(const cv::Mat &bgr);

    /**
     * The 150x150 chip of a face: the centre of the eyes and the mouth goes to (75, 64.5), the
     * eyes are levelled, and the mean eye-to-mouth distance spans 0.45 of the chip. A face larger
     * than the chip is first shrunk with area averaging, so that the chip does not alias.
     */
    static cv::Mat alignChip(const cv::Mat &bgr, const DetectedFace &face);

private:
    struct Impl;
    std::unique_ptr<Impl> d;
};

} // namespace vms::analytics
