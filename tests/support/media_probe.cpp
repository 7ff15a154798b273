#include "tests/support/media_probe.h"

extern "C" {
#include <libavcodec/avcodec.h>
#include <libavformat/avformat.h>
#include <libavutil/error.h>
}

#include <cmath>
#include <memory>

namespace vms::test {

namespace {

struct FormatCloser
{
    void operator()(AVFormatContext *c) const { avformat_close_input(&c); }
};
struct CodecFreer
{
    void operator()(AVCodecContext *c) const { avcodec_free_context(&c); }
};
struct PacketFreer
{
    void operator()(AVPacket *p) const { av_packet_free(&p); }
};
struct FrameFreer
{
    void operator()(AVFrame *f) const { av_frame_free(&f); }
};

QString avError(int code)
{
    char buf[AV_ERROR_MAX_STRING_SIZE] = {};
    av_strerror(code, buf, sizeof buf);
    return QString::fromUtf8(buf);
}

double lumaStdDev(const AVFrame *frame)
{
    // Y plane of the planar YUV formats H.264 and MJPEG decode to.
    if (!frame->data[0] || frame->width <= 0 || frame->height <= 0)
        return 0;
    double sum = 0, sumSq = 0;
    qint64 n = 0;
    for (int y = 0; y < frame->height; y += 4) {
        const uint8_t *row = frame->data[0] + qint64(y) * frame->linesize[0];
        for (int x = 0; x < frame->width; x += 4) {
            sum += row[x];
            sumSq += double(row[x]) * row[x];
            ++n;
        }
    }
    const double mean = sum / n;
    return std::sqrt(qMax(0.0, sumSq / n - mean * mean));
}

} // namespace

DecodedMedia decodeMedia(const QString &path, int maxFrames)
{
    DecodedMedia out;
    AVFormatContext *raw = nullptr;
    int rc = avformat_open_input(&raw, path.toUtf8().constData(), nullptr, nullptr);
    if (rc < 0) {
        out.error = QStringLiteral("open %1: %2").arg(path, avError(rc));
        return out;
    }
    std::unique_ptr<AVFormatContext, FormatCloser> format(raw);
    if ((rc = avformat_find_stream_info(format.get(), nullptr)) < 0) {
        out.error = QStringLiteral("stream info: ") + avError(rc);
        return out;
    }
    const AVCodec *decoder = nullptr;
    const int index = av_find_best_stream(format.get(), AVMEDIA_TYPE_VIDEO, -1, -1, &decoder, 0);
    if (index < 0 || !decoder) {
        out.error = QStringLiteral("no video stream");
        return out;
    }
    std::unique_ptr<AVCodecContext, CodecFreer> codec(avcodec_alloc_context3(decoder));
    avcodec_parameters_to_context(codec.get(), format->streams[index]->codecpar);
    if ((rc = avcodec_open2(codec.get(), decoder, nullptr)) < 0) {
        out.error = QStringLiteral("decoder: ") + avError(rc);
        return out;
    }
    out.codec = QString::fromLatin1(decoder->name);
    std::unique_ptr<AVPacket, PacketFreer> packet(av_packet_alloc());
    std::unique_ptr<AVFrame, FrameFreer> frame(av_frame_alloc());
    const auto drain = [&]() {
        while (avcodec_receive_frame(codec.get(), frame.get()) == 0) {
            ++out.frames;
            out.width = frame->width;
            out.height = frame->height;
            out.lumaStdDev = lumaStdDev(frame.get());
            av_frame_unref(frame.get());
        }
    };
    while (av_read_frame(format.get(), packet.get()) >= 0) {
        if (packet->stream_index == index) {
            avcodec_send_packet(codec.get(), packet.get());
            drain();
        }
        av_packet_unref(packet.get());
        if (maxFrames > 0 && out.frames >= maxFrames)
            return out;
    }
    avcodec_send_packet(codec.get(), nullptr);
    drain();
    if (out.frames == 0)
        out.error = QStringLiteral("no frame decoded");
    return out;
}

} // namespace vms::test
