#include "core/media/media_probe.h"

#include "core/media/ffmpeg_util.h"
#include "core/media/packet_source.h"

#include <QDateTime>
#include <QFileInfo>

namespace vms::media {

Result<ProbeResult> probeFile(const QString &path)
{
    av::ensureInitialized();
    const QFileInfo info(path);
    if (!info.exists() || !info.isFile())
        return Error::notFound(QStringLiteral("%1: no such file").arg(path));
    ProbeResult result;
    result.bytes = info.size();

    AVFormatContext *raw = nullptr;
    av::Dictionary options;
    // Segments are MPEG-TS whatever their name (.part); let the content decide otherwise.
    int ret = avformat_open_input(&raw, path.toUtf8().constData(), nullptr, options.ptr());
    if (ret < 0)
        return Error::invalid(QStringLiteral("%1: %2").arg(path, av::errorText(ret)));
    av::InputContextPtr input(raw);
    ret = avformat_find_stream_info(raw, nullptr);
    if (ret < 0)
        return Error::invalid(QStringLiteral("%1: %2").arg(path, av::errorText(ret)));
    const int videoIndex = av_find_best_stream(raw, AVMEDIA_TYPE_VIDEO, -1, -1, nullptr, 0);
    if (videoIndex < 0)
        return Error::invalid(QStringLiteral("%1: no video stream").arg(path));
    for (unsigned i = 0; i < raw->nb_streams; ++i) {
        if (int(i) != videoIndex)
            raw->streams[i]->discard = AVDISCARD_ALL;
    }
    const AVStream *video = raw->streams[videoIndex];
    result.width = video->codecpar->width;
    result.height = video->codecpar->height;
    result.codec = QString::fromLatin1(avcodec_get_name(video->codecpar->codec_id));

    std::unique_ptr<av::Decoder> decoder;
    if (auto opened = av::Decoder::open(video->codecpar))
        decoder = std::move(*opened);
    bool decodeTried = false;

    // MPEG-TS carries no packet durations: the last frame lasts one nominal frame interval.
    AVRational rate = video->avg_frame_rate.num > 0 ? video->avg_frame_rate : video->r_frame_rate;
    const qint64 nominalDurationUs
            = rate.num > 0 && rate.den > 0 ? av_rescale(AV_TIME_BASE, rate.den, rate.num) : 0;

    auto packet = av::makePacket();
    qint64 firstUs = AV_NOPTS_VALUE, endUs = AV_NOPTS_VALUE;
    while ((ret = av_read_frame(raw, packet.get())) >= 0) {
        if (packet->stream_index == videoIndex) {
            ++result.packets;
            const qint64 ts = packet->pts != AV_NOPTS_VALUE ? packet->pts : packet->dts;
            if (ts != AV_NOPTS_VALUE) {
                const qint64 us = av_rescale_q(ts, video->time_base, AVRational{1, AV_TIME_BASE});
                const qint64 durUs = packet->duration > 0
                                             ? av_rescale_q(packet->duration, video->time_base,
                                                            AVRational{1, AV_TIME_BASE})
                                             : nominalDurationUs;
                if (firstUs == AV_NOPTS_VALUE || us < firstUs)
                    firstUs = us;
                if (endUs == AV_NOPTS_VALUE || us + durUs > endUs)
                    endUs = us + durUs;
            }
            if (packet->flags & AV_PKT_FLAG_KEY) {
                result.hasKeyframe = true;
                if (decoder && !decodeTried) {
                    decodeTried = true;
                    decoder->send(packet.get());
                    result.decodes = decoder->finish() != nullptr;
                }
            }
        }
        av_packet_unref(packet.get());
    }
    if (result.packets == 0)
        return Error::invalid(QStringLiteral("%1: no video packets").arg(path));
    if (firstUs != AV_NOPTS_VALUE && endUs > firstUs)
        result.durationMs = (endUs - firstUs) / 1000;
    if (decoder && result.decodes && (result.width == 0 || result.height == 0)) {
        result.width = decoder->newest()->width;
        result.height = decoder->newest()->height;
    }
    return result;
}

Result<StreamMeasurements> verifySource(const SourceConfig &config)
{
    av::ensureInitialized();
    auto address = parseSource(config);
    if (!address)
        return address.error();
    std::atomic<bool> never{false};
    InterruptControl interrupt(&never);
    OpenOptions options;
    options.interrupt = &interrupt;
    auto source = openPacketSource(*address, options);
    if (!source)
        return source.error();
    // One deadline for the first packet; the open had its own.
    interrupt.arm(address->timeoutMs);
    auto packet = av::makePacket();
    bool discontinuity = false;
    if (auto st = (*source)->read(packet.get(), &discontinuity); !st)
        return st.error();
    interrupt.disarm();

    const AVCodecParameters *par = (*source)->codecParameters();
    const qint64 now = QDateTime::currentMSecsSinceEpoch();
    StreamMeasurements m;
    m.state = StreamState::Online;
    m.width = par->width;
    m.height = par->height;
    m.codec = QString::fromLatin1(avcodec_get_name(par->codec_id));
    m.fps = (*source)->frameRate();
    m.bitrate = par->bit_rate;
    m.onlineSinceMs = now;
    m.lastPacketMs = now;
    m.connectAttempts = 1;
    return m;
}

} // namespace vms::media
