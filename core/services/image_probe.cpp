#include "core/services/image_probe.h"

#include <opencv2/core.hpp>
#include <opencv2/imgcodecs.hpp>

#include <optional>

namespace vms::services {

namespace {

struct Header
{
    const char *mimeType;
    qint64 width;
    qint64 height;
};

quint32 be16(const QByteArray &d, qsizetype at)
{
    return (quint32(uchar(d[at])) << 8) | uchar(d[at + 1]);
}

quint32 be32(const QByteArray &d, qsizetype at)
{
    return (be16(d, at) << 16) | be16(d, at + 2);
}

quint32 le16(const QByteArray &d, qsizetype at)
{
    return uchar(d[at]) | (quint32(uchar(d[at + 1])) << 8);
}

quint32 le24(const QByteArray &d, qsizetype at)
{
    return le16(d, at) | (quint32(uchar(d[at + 2])) << 16);
}

quint32 le32(const QByteArray &d, qsizetype at)
{
    return le16(d, at) | (le16(d, at + 2) << 16);
}

std::optional<Header> pngHeader(const QByteArray &d)
{
    if (!d.startsWith("\x89PNG\r\n\x1a\n") || d.size() < 24 || d.mid(12, 4) != "IHDR")
        return std::nullopt;
    return Header{"image/png", be32(d, 16), be32(d, 20)};
}

std::optional<Header> jpegHeader(const QByteArray &d)
{
    if (d.size() < 4 || uchar(d[0]) != 0xFF || uchar(d[1]) != 0xD8 || uchar(d[2]) != 0xFF)
        return std::nullopt;
    qsizetype i = 2;
    while (i + 4 <= d.size()) {
        if (uchar(d[i]) != 0xFF)
            return std::nullopt;
        const uchar marker = uchar(d[i + 1]);
        if (marker == 0xFF) { // fill byte
            ++i;
            continue;
        }
        if (marker == 0xD8 || marker == 0x01 || (marker >= 0xD0 && marker <= 0xD7)) {
            i += 2; // markers without a length
            continue;
        }
        if (marker == 0xD9 || marker == 0xDA)
            return std::nullopt; // end of image or scan data before any frame header
        const qsizetype length = be16(d, i + 2);
        if (length < 2)
            return std::nullopt;
        const bool isFrame = marker >= 0xC0 && marker <= 0xCF && marker != 0xC4 && marker != 0xC8
                             && marker != 0xCC;
        if (isFrame) {
            if (i + 9 > d.size())
                return std::nullopt;
            return Header{"image/jpeg", be16(d, i + 7), be16(d, i + 5)};
        }
        i += 2 + length;
    }
    return std::nullopt;
}

std::optional<Header> bmpHeader(const QByteArray &d)
{
    if (!d.startsWith("BM") || d.size() < 26)
        return std::nullopt;
    const quint32 dibSize = le32(d, 14);
    if (dibSize == 12)
        return Header{"image/bmp", le16(d, 18), le16(d, 20)};
    if (dibSize < 40)
        return std::nullopt;
    const qint64 height = qint32(le32(d, 22));
    return Header{"image/bmp", qint32(le32(d, 18)), height < 0 ? -height : height};
}

std::optional<Header> webpHeader(const QByteArray &d)
{
    if (!d.startsWith("RIFF") || d.size() < 30 || d.mid(8, 4) != "WEBP")
        return std::nullopt;
    const QByteArray chunk = d.mid(12, 4);
    if (chunk == "VP8X")
        return Header{"image/webp", qint64(le24(d, 24)) + 1, qint64(le24(d, 27)) + 1};
    if (chunk == "VP8L") {
        if (uchar(d[20]) != 0x2F)
            return std::nullopt;
        const quint32 bits = le32(d, 21);
        return Header{"image/webp", qint64(bits & 0x3FFF) + 1, qint64((bits >> 14) & 0x3FFF) + 1};
    }
    if (chunk == "VP8 ") {
        if (uchar(d[23]) != 0x9D || uchar(d[24]) != 0x01 || uchar(d[25]) != 0x2A)
            return std::nullopt;
        return Header{"image/webp", le16(d, 26) & 0x3FFF, le16(d, 28) & 0x3FFF};
    }
    return std::nullopt;
}

Error notAnImage(const QString &why)
{
    return Error::invalid(QStringLiteral("The uploaded file is not a valid image (%1); JPEG, PNG, "
                                         "BMP and WebP are accepted")
                                  .arg(why));
}

} // namespace

Result<ImageInfo> probeImage(const QByteArray &data, qint64 maxPixels)
{
    if (data.isEmpty())
        return notAnImage(QStringLiteral("the file is empty"));
    std::optional<Header> header = jpegHeader(data);
    if (!header)
        header = pngHeader(data);
    if (!header)
        header = webpHeader(data);
    if (!header)
        header = bmpHeader(data);
    if (!header)
        return notAnImage(QStringLiteral("unknown or damaged format"));
    if (header->width <= 0 || header->height <= 0)
        return notAnImage(QStringLiteral("zero size"));
    if (header->width * header->height > maxPixels) {
        return Error::invalid(QStringLiteral("The image is %1x%2 pixels; at most %3 pixels are "
                                             "accepted")
                                      .arg(header->width)
                                      .arg(header->height)
                                      .arg(maxPixels));
    }

    cv::Mat decoded;
    try {
        const cv::Mat raw(1, int(data.size()), CV_8UC1,
                          const_cast<void *>(static_cast<const void *>(data.constData())));
        decoded = cv::imdecode(raw, cv::IMREAD_UNCHANGED);
    } catch (const cv::Exception &) {
        decoded.release();
    }
    if (decoded.empty())
        return notAnImage(QStringLiteral("it does not decode as %1")
                                  .arg(QString::fromLatin1(header->mimeType)));
    if (decoded.cols != header->width || decoded.rows != header->height)
        return notAnImage(QStringLiteral("its header and its pixels disagree on the size"));
    return ImageInfo{QString::fromLatin1(header->mimeType), decoded.cols, decoded.rows};
}

} // namespace vms::services
