#include "core/services/face_meta_service.h"

#include "core/services/image_probe.h"
#include "core/services/upload_service.h"

#include <opencv2/core.hpp>
#include <opencv2/imgcodecs.hpp>

namespace vms::services {

FaceMetaService::FaceMetaService(QStringList modelDirs)
    : m_analyzer(std::move(modelDirs))
{}

Result<QList<analytics::AnalyzedFace>> FaceMetaService::analyze(const QByteArray &data)
{
    // The same limits as a stored upload (§25.1): size first, then the format and pixel count.
    if (data.size() > UploadService::kMaxUploadBytes) {
        return Error{ErrorKind::PayloadTooLarge,
                     QStringLiteral("The file has %1 bytes; at most %2 bytes are accepted")
                             .arg(data.size())
                             .arg(UploadService::kMaxUploadBytes),
                     {},
                     {}};
    }
    auto info = probeImage(data);
    if (!info)
        return info.error();
    // Unavailable models answer 503 before any more decoding work.
    if (Status s = m_analyzer.load(); !s)
        return s.error();

    cv::Mat bgr;
    try {
        const cv::Mat raw(1, int(data.size()), CV_8UC1,
                          const_cast<void *>(static_cast<const void *>(data.constData())));
        // IMREAD_COLOR applies the EXIF orientation: coordinates refer to the image as shown.
        bgr = cv::imdecode(raw, cv::IMREAD_COLOR);
    } catch (const cv::Exception &) {
        bgr.release();
    }
    if (bgr.empty() || bgr.type() != CV_8UC3)
        return Error::invalid(
                QStringLiteral("The uploaded file does not decode as a colour image"));
    return m_analyzer.analyze(bgr);
}

} // namespace vms::services
