#pragma once

#include "core/domain/result.h"

#include <QByteArray>
#include <QString>

namespace vms::services {

/** What probeImage() found. */
struct ImageInfo
{
    QString mimeType; ///< image/jpeg, image/png, image/bmp or image/webp
    int width = 0;
    int height = 0;
};

/**
 * Proves that `data` is an image: the format comes from the magic bytes (JPEG, PNG, BMP, WebP),
 * the dimensions from the format's header (so that a decompression bomb is refused before any
 * pixel memory is allocated), and then OpenCV decodes the whole image. Anything else, a header
 * over `maxPixels`, or a file that does not decode is an InvalidArgument error. Slow for large
 * images: call it off the server thread.
 */
Result<ImageInfo> probeImage(const QByteArray &data, qint64 maxPixels = 40'000'000);

} // namespace vms::services
