#include "core/media/demux_source.h"

namespace vms::media {

namespace {

QString readFailure(int ret, const InterruptControl *interrupt, int timeoutMs)
{
    if (interrupt && interrupt->hasTimedOut())
        return QStringLiteral("no data for %1 ms").arg(timeoutMs);
    if (ret == AVERROR_EOF)
        return QStringLiteral("the source ended the stream");
    return av::errorText(ret);
}

} // namespace

Result<std::unique_ptr<DemuxSource>> DemuxSource::open(const SourceAddress &address,
                                                       const OpenOptions &options)
{
    av::ensureInitialized();
    std::unique_ptr<DemuxSource> source(new DemuxSource);
    source->m_interrupt = options.interrupt;
    source->m_displayUrl = address.displayUrl;
    source->m_timeoutMs = address.timeoutMs;
    source->m_isFile = address.kind == SourceAddress::Kind::File;

    AVFormatContext *raw = avformat_alloc_context();
    if (!raw)
        return Error::internal(QStringLiteral("out of memory"));
    if (options.interrupt)
        raw->interrupt_callback = options.interrupt->callback();

    av::Dictionary opts;
    setProtocolOptions(address, opts);
    if (options.lowLatency) {
        opts.set("fflags", QStringLiteral("nobuffer"));
        opts.set("probesize", 32);
        opts.set("analyzeduration", 0);
    }

    if (options.interrupt)
        options.interrupt->arm(address.timeoutMs);
    int ret = avformat_open_input(&raw, address.ffmpegUrl.toUtf8().constData(), nullptr,
                                  opts.ptr());
    if (ret < 0) { // raw was freed
        if (options.interrupt && options.interrupt->isStopRequested())
            return Error::unavailable(QStringLiteral("stopped"));
        if (options.interrupt && options.interrupt->hasTimedOut())
            return Error{ErrorKind::Timeout,
                         QStringLiteral("%1: no answer within %2 ms")
                                 .arg(address.displayUrl)
                                 .arg(address.timeoutMs),
                         {},
                         {}};
        return av::toError(ret, address.displayUrl);
    }
    source->m_input.reset(raw);

    // Stream info reads (and for some inputs decodes) the first packets; they stay queued for
    // av_read_frame, so nothing is lost.
    ret = avformat_find_stream_info(raw, nullptr);
    if (ret < 0) {
        if (options.interrupt && options.interrupt->hasTimedOut())
            return Error{ErrorKind::Timeout,
                         QStringLiteral("%1: no stream information within %2 ms")
                                 .arg(address.displayUrl)
                                 .arg(address.timeoutMs),
                         {},
                         {}};
        return av::toError(ret, address.displayUrl + QStringLiteral(" (stream information)"));
    }
    ret = av_find_best_stream(raw, AVMEDIA_TYPE_VIDEO, -1, -1, nullptr, 0);
    if (ret < 0)
        return Error::unavailable(QStringLiteral("%1: no video stream").arg(address.displayUrl));
    source->m_videoIndex = ret;
    // Only the video is read further: the demuxer skips the rest without parsing it.
    for (unsigned i = 0; i < raw->nb_streams; ++i) {
        if (int(i) != source->m_videoIndex)
            raw->streams[i]->discard = AVDISCARD_ALL;
    }
    const AVStream *video = raw->streams[source->m_videoIndex];
    AVRational rate = video->avg_frame_rate;
    if (rate.num <= 0 || rate.den <= 0)
        rate = video->r_frame_rate;
    if (rate.num > 0 && rate.den > 0)
        source->m_frameRate = av_q2d(rate);
    return source;
}

const AVCodecParameters *DemuxSource::codecParameters() const
{
    return m_input->streams[m_videoIndex]->codecpar;
}

AVRational DemuxSource::timeBase() const
{
    return m_input->streams[m_videoIndex]->time_base;
}

Status DemuxSource::rewind()
{
    const AVStream *video = m_input->streams[m_videoIndex];
    const qint64 start = video->start_time != AV_NOPTS_VALUE ? video->start_time : 0;
    int ret = av_seek_frame(m_input.get(), m_videoIndex, start, AVSEEK_FLAG_BACKWARD);
    if (ret < 0)
        ret = avformat_seek_file(m_input.get(), -1, INT64_MIN, 0, INT64_MAX, 0);
    if (ret < 0)
        return av::toError(ret, m_displayUrl + QStringLiteral(" (rewinding to loop)"));
    m_pendingDiscontinuity = true;
    m_packetsSinceRewind = 0;
    return Ok{};
}

Status DemuxSource::read(AVPacket *pkt, bool *discontinuity)
{
    *discontinuity = false;
    for (;;) {
        av_packet_unref(pkt);
        const int ret = av_read_frame(m_input.get(), pkt);
        if (ret == AVERROR_EOF && m_isFile) {
            if (m_packetsSinceRewind == 0)
                return Error::unavailable(m_displayUrl + QStringLiteral(": no video packets"));
            if (auto st = rewind(); !st)
                return st;
            continue;
        }
        if (ret < 0) {
            if (m_interrupt && m_interrupt->isStopRequested())
                return Error::unavailable(QStringLiteral("stopped"));
            const QString why = readFailure(ret, m_interrupt, m_timeoutMs);
            return Error{m_interrupt && m_interrupt->hasTimedOut() ? ErrorKind::Timeout
                                                                   : ErrorKind::Unavailable,
                         m_displayUrl + QStringLiteral(": ") + why,
                         {},
                         {}};
        }
        if (pkt->stream_index != m_videoIndex)
            continue;
        ++m_packetsSinceRewind;
        if (m_pendingDiscontinuity) {
            *discontinuity = true;
            m_pendingDiscontinuity = false;
        }
        return Ok{};
    }
}

} // namespace vms::media
