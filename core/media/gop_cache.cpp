#include "core/media/gop_cache.h"

#include <QMutexLocker>

#include <opencv2/core.hpp>
#include <opencv2/imgcodecs.hpp>

#include <algorithm>

extern "C" {
#include <libavutil/pixdesc.h>
}

namespace vms::media {

void GopCache::reset(const AVCodecParameters *parameters)
{
    QMutexLocker lock(&m_mutex);
    m_parameters = av::copyParameters(parameters);
    m_packets.clear();
    m_bytes = 0;
    ++m_generation;
}

void GopCache::clear()
{
    QMutexLocker lock(&m_mutex);
    m_packets.clear();
    m_bytes = 0;
    ++m_generation;
}

void GopCache::add(const AVPacket *packet)
{
    const bool isKey = packet->flags & AV_PKT_FLAG_KEY;
    av::PacketPtr ref(av_packet_clone(packet)); // a reference to the same buffer, not a copy
    if (!ref)
        return;
    // Free the previous GOP outside the lock (its buffers go back to the allocator).
    std::vector<av::PacketPtr> previous;
    QMutexLocker lock(&m_mutex);
    if (isKey) {
        previous.swap(m_packets);
        m_bytes = 0;
    } else if (m_packets.empty() || int(m_packets.size()) >= kMaxPackets || m_bytes >= kMaxBytes) {
        return;
    }
    m_bytes += ref->size;
    m_packets.push_back(std::move(ref));
    ++m_generation;
    lock.unlock();
}

bool GopCache::hasPicture() const
{
    QMutexLocker lock(&m_mutex);
    return !m_packets.empty();
}

Result<QByteArray> GopCache::snapshotJpeg(int quality) const
{
    quality = std::clamp(quality, 1, 100);
    std::vector<av::PacketPtr> packets;
    av::CodecParametersPtr parameters;
    quint64 generation = 0;
    {
        QMutexLocker lock(&m_mutex);
        if (m_packets.empty() || !m_parameters)
            return Error::unavailable(QStringLiteral("no video frame received yet"));
        packets.reserve(m_packets.size());
        for (const auto &p : m_packets)
            packets.emplace_back(av_packet_clone(p.get()));
        parameters = av::copyParameters(m_parameters.get());
        generation = m_generation;
    }
    {
        QMutexLocker lock(&m_cacheMutex);
        if (m_cachedGeneration == generation && m_cachedQuality == quality)
            return m_cachedJpeg;
    }
    if (!parameters)
        return Error::internal(QStringLiteral("snapshot: out of memory"));
    auto decoder = av::Decoder::open(parameters.get(), 2);
    if (!decoder)
        return decoder.error();
    for (const auto &p : packets) {
        if (p)
            (*decoder)->send(p.get());
    }
    const AVFrame *frame = (*decoder)->finish();
    if (!frame)
        return Error::unavailable(
                QStringLiteral("snapshot: the kept packets decode to no picture"));
    auto jpeg = encodeJpeg(frame, quality);
    if (jpeg) {
        QMutexLocker lock(&m_cacheMutex);
        m_cachedGeneration = generation;
        m_cachedQuality = quality;
        m_cachedJpeg = *jpeg;
    }
    return jpeg;
}

Result<QByteArray> encodeJpeg(const AVFrame *frame, int quality)
{
    const int width = frame->width;
    const int height = frame->height;
    if (width <= 0 || height <= 0)
        return Error::internal(QStringLiteral("snapshot: empty picture"));
    av::SwsContextPtr sws(sws_getContext(width, height, AVPixelFormat(frame->format), width, height,
                                         AV_PIX_FMT_BGR24, SWS_BILINEAR, nullptr, nullptr,
                                         nullptr));
    if (!sws)
        return Error::internal(
                QStringLiteral("snapshot: cannot convert pixel format %1")
                        .arg(QLatin1String(av_get_pix_fmt_name(AVPixelFormat(frame->format)))));
    cv::Mat bgr(height, width, CV_8UC3);
    uint8_t *dst[4] = {bgr.data, nullptr, nullptr, nullptr};
    int dstStride[4] = {int(bgr.step[0]), 0, 0, 0};
    sws_scale(sws.get(), frame->data, frame->linesize, 0, height, dst, dstStride);
    std::vector<uchar> buffer;
    try {
        // OpenCV reports failures by exception; none may leave this module.
        if (!cv::imencode(".jpg", bgr, buffer,
                          {cv::IMWRITE_JPEG_QUALITY, std::clamp(quality, 1, 100)}))
            return Error::internal(QStringLiteral("snapshot: JPEG encoding failed"));
    } catch (const cv::Exception &e) {
        return Error::internal(QStringLiteral("snapshot: JPEG encoding failed: %1")
                                       .arg(QString::fromUtf8(e.what())));
    }
    return QByteArray(reinterpret_cast<const char *>(buffer.data()), qsizetype(buffer.size()));
}

} // namespace vms::media
