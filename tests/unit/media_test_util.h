#pragma once

// Helpers of the core/media tests: decode what the recorder wrote, and make small H.264 files
// with the library's own test pattern (no ffmpeg CLI needed).

#include "core/media/ffmpeg_util.h"
#include "core/media/test_pattern_source.h"

#include <QList>
#include <QString>

#include <cmath>

namespace vms::media::test {

/** What decoding a file gave. */
struct Decoded
{
    QString error;
    QString codec;
    int width = 0, height = 0;
    int frames = 0;
    QList<double> lumaStdDev; ///< per frame: ~0 for a flat picture
    QList<double> lumaMean;   ///< per frame
    QList<qint64> dtsUs;      ///< per video packet, in file order
    QList<qint64> ptsUs;
    int corruptPackets = 0; ///< flagged AV_PKT_FLAG_CORRUPT by the demuxer
};

inline void lumaStats(const AVFrame *frame, double *mean, double *stddev)
{
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
    *mean = n ? sum / n : 0;
    *stddev = n ? std::sqrt(std::max(0.0, sumSq / n - *mean * *mean)) : 0;
}

/** Decodes every video frame of a file with libavformat/libavcodec. */
inline Decoded decodeFile(const QString &path)
{
    Decoded d;
    av::ensureInitialized();
    AVFormatContext *raw = nullptr;
    int ret = avformat_open_input(&raw, path.toUtf8().constData(), nullptr, nullptr);
    if (ret < 0) {
        d.error = av::errorText(ret);
        return d;
    }
    av::InputContextPtr input(raw);
    if ((ret = avformat_find_stream_info(raw, nullptr)) < 0) {
        d.error = av::errorText(ret);
        return d;
    }
    const int index = av_find_best_stream(raw, AVMEDIA_TYPE_VIDEO, -1, -1, nullptr, 0);
    if (index < 0) {
        d.error = QStringLiteral("no video stream");
        return d;
    }
    const AVStream *st = raw->streams[index];
    d.codec = QString::fromLatin1(avcodec_get_name(st->codecpar->codec_id));
    const AVCodec *codec = avcodec_find_decoder(st->codecpar->codec_id);
    av::CodecContextPtr ctx(avcodec_alloc_context3(codec));
    avcodec_parameters_to_context(ctx.get(), st->codecpar);
    if ((ret = avcodec_open2(ctx.get(), codec, nullptr)) < 0) {
        d.error = av::errorText(ret);
        return d;
    }
    auto packet = av::makePacket();
    auto frame = av::makeFrame();
    auto drain = [&] {
        while (avcodec_receive_frame(ctx.get(), frame.get()) == 0) {
            ++d.frames;
            d.width = frame->width;
            d.height = frame->height;
            double mean = 0, sd = 0;
            lumaStats(frame.get(), &mean, &sd);
            d.lumaMean.append(mean);
            d.lumaStdDev.append(sd);
            av_frame_unref(frame.get());
        }
    };
    const AVRational us{1, AV_TIME_BASE};
    while (av_read_frame(raw, packet.get()) >= 0) {
        if (packet->stream_index == index) {
            d.dtsUs.append(packet->dts == AV_NOPTS_VALUE
                                   ? -1
                                   : av_rescale_q(packet->dts, st->time_base, us));
            d.ptsUs.append(packet->pts == AV_NOPTS_VALUE
                                   ? -1
                                   : av_rescale_q(packet->pts, st->time_base, us));
            if (packet->flags & AV_PKT_FLAG_CORRUPT)
                ++d.corruptPackets;
            avcodec_send_packet(ctx.get(), packet.get());
            drain();
        }
        av_packet_unref(packet.get());
    }
    avcodec_send_packet(ctx.get(), nullptr);
    drain();
    if (d.frames == 0)
        d.error = QStringLiteral("no frame decoded");
    return d;
}

/** Writes `frames` frames of the test pattern into a file (MP4, MKV, TS: by the extension). */
inline QString writePatternFile(const QString &path, int frames, int width = 320, int height = 240,
                                int rate = 25, int bitrateKbps = 500)
{
    TestPatternParams params;
    params.width = width;
    params.height = height;
    params.rate = rate;
    params.gop = rate;
    params.bitrateKbps = bitrateKbps;
    auto source = TestPatternSource::open(params);
    if (!source)
        return source.error().message;
    AVFormatContext *raw = nullptr;
    int ret = avformat_alloc_output_context2(&raw, nullptr, nullptr, path.toUtf8().constData());
    if (ret < 0)
        return av::errorText(ret);
    av::OutputContextPtr out(raw);
    AVStream *st = avformat_new_stream(raw, nullptr);
    avcodec_parameters_copy(st->codecpar, (*source)->codecParameters());
    st->codecpar->codec_tag = 0;
    st->time_base = (*source)->timeBase();
    if ((ret = avio_open(&raw->pb, path.toUtf8().constData(), AVIO_FLAG_WRITE)) < 0)
        return av::errorText(ret);
    if ((ret = avformat_write_header(raw, nullptr)) < 0)
        return av::errorText(ret);
    auto packet = av::makePacket();
    for (int i = 0; i < frames; ++i) {
        bool discontinuity = false;
        if (auto r = (*source)->read(packet.get(), &discontinuity); !r)
            return r.error().message;
        av_packet_rescale_ts(packet.get(), (*source)->timeBase(), st->time_base);
        packet->stream_index = 0;
        if ((ret = av_interleaved_write_frame(raw, packet.get())) < 0)
            return av::errorText(ret);
    }
    av_write_trailer(raw);
    avio_closep(&raw->pb);
    return {};
}

} // namespace vms::media::test
