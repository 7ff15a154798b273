#pragma once

#include "core/analytics/face_analyzer.h"
#include "core/domain/result.h"

#include <QByteArray>
#include <QList>
#include <QStringList>

namespace vms::services {

/**
 * Seed 002 §25.4: the face meta of an image (detections and descriptors), computed without
 * storing anything. Owns the FaceAnalyzer that later face features share.
 */
class FaceMetaService
{
public:
    /** `modelDirs`: where to look for the face models, in order (see FaceAnalyzer). */
    explicit FaceMetaService(QStringList modelDirs);

    /**
     * The faces of an image file, by descending detection score: 413 over the upload size limit,
     * 400 when the bytes are not an image (JPEG, PNG, BMP, WebP), 503 when the models cannot be
     * loaded. Slow (decodes and runs two networks): call it off the server thread.
     */
    Result<QList<analytics::AnalyzedFace>> analyze(const QByteArray &data);

    analytics::FaceAnalyzer &analyzer() { return m_analyzer; }

private:
    analytics::FaceAnalyzer m_analyzer;
};

} // namespace vms::services
