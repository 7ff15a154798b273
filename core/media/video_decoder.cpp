#include "core/media/video_decoder.h"

#include "core/media/backoff.h"
#include "core/media/ffmpeg_util.h"
#include "core/media/packet_source.h"
#include "core/media/rate_meter.h"

#include <QDateTime>
#include <QLoggingCategory>
#include <QMutex>
#include <QMutexLocker>
#include <QThread>

#include <algorithm>
#include <atomic>
#include <chrono>
#include <cmath>
#include <condition_variable>
#include <deque>
#include <mutex>
#include <optional>
#include <vector>

extern "C" {
#include <libavutil/pixdesc.h>
}

// Info by default: per-packet details are debug messages, off unless QT_LOGGING_RULES asks.
Q_LOGGING_CATEGORY(lcDecoder, "vms.media.decoder", QtInfoMsg)

namespace vms::media {

namespace {

using Clock = std::chrono::steady_clock;

constexpr AVRational kMs{1, 1000};
constexpr AVRational kUs{1, AV_TIME_BASE};
constexpr double kMinSpeed = 0.5;
constexpr double kMaxSpeed = 8.0;
/** A paced frame this late is not worth converting (unless nothing was shown for a while). */
constexpr qint64 kShowAtLeastEveryMs = 250;
/** Paced playback this far behind starts over from the current frame instead of racing. */
constexpr qint64 kReanchorLateMs = 3000;
/** Live: a timestamp step this large is a clock jump of the source, not decoding lag. */
constexpr qint64 kTimestampJumpMs = 10000;
/** Live: how fast the on-time reference may drift (2 ms/s), to absorb camera clock drift. */
constexpr qint64 kDriftAllowanceDivisor = 500;
/** Non-keyframes skipped while waiting for a keyframe before decoding everything anyway. */
constexpr int kMaxPacketsWithoutKeyframe = 300;
/**
 * Keyframes-only periods double up to this while a decoder keeps falling behind within this long
 * after recovering: sustained overload sheds load for longer, a passing spike only briefly.
 */
constexpr int kMaxHoldMs = 10000;

qint64 monoMs()
{
    return std::chrono::duration_cast<std::chrono::milliseconds>(Clock::now().time_since_epoch())
            .count();
}

qint64 wallMs()
{
    return QDateTime::currentMSecsSinceEpoch();
}

double clampSpeed(double speed)
{
    if (!std::isfinite(speed))
        return 1.0;
    return std::clamp(speed, kMinSpeed, kMaxSpeed);
}

/** The largest size within maxW x maxH (0: unbounded) with the aspect of w x h; never larger. */
std::pair<int, int> fitInside(int w, int h, int maxW, int maxH)
{
    double scale = 1.0;
    if (maxW > 0 && w > maxW)
        scale = std::min(scale, double(maxW) / w);
    if (maxH > 0 && h > maxH)
        scale = std::min(scale, double(maxH) / h);
    if (scale >= 1.0)
        return {w, h};
    return {std::max(1, int(std::lround(w * scale))), std::max(1, int(std::lround(h * scale)))};
}

/**
 * The full-range "J" formats are deprecated in swscale (it warns on every context): the plain
 * format plus the range instead.
 */
AVPixelFormat plainFormat(AVPixelFormat format, bool *fullRange)
{
    switch (format) {
    case AV_PIX_FMT_YUVJ420P:
        *fullRange = true;
        return AV_PIX_FMT_YUV420P;
    case AV_PIX_FMT_YUVJ422P:
        *fullRange = true;
        return AV_PIX_FMT_YUV422P;
    case AV_PIX_FMT_YUVJ444P:
        *fullRange = true;
        return AV_PIX_FMT_YUV444P;
    case AV_PIX_FMT_YUVJ440P:
        *fullRange = true;
        return AV_PIX_FMT_YUV440P;
    case AV_PIX_FMT_YUVJ411P:
        *fullRange = true;
        return AV_PIX_FMT_YUV411P;
    default:
        return format;
    }
}

int swsColorspace(const AVFrame *frame)
{
    switch (frame->colorspace) {
    case AVCOL_SPC_BT709:
        return SWS_CS_ITU709;
    case AVCOL_SPC_BT470BG:
    case AVCOL_SPC_SMPTE170M:
        return SWS_CS_ITU601;
    case AVCOL_SPC_SMPTE240M:
        return SWS_CS_SMPTE240M;
    case AVCOL_SPC_FCC:
        return SWS_CS_FCC;
    case AVCOL_SPC_BT2020_NCL:
    case AVCOL_SPC_BT2020_CL:
        return SWS_CS_BT2020;
    default:
        // Unsigned streams: HD cameras encode BT.709, SD ones BT.601 (what players assume too).
        return frame->height >= 720 ? SWS_CS_ITU709 : SWS_CS_ITU601;
    }
}

/**
 * sws_scale straight into the QByteArray a VideoFrame carries. The SwsContext is kept while the
 * source and target stay the same. Buffers are recycled once nobody else holds them (the GUI
 * released its QImage): a 720p frame is 3.7 MB, and fresh allocations of that size are mmap()ed
 * and page-faulted on every frame.
 */
class BgraConverter
{
public:
    VideoFrame convert(const AVFrame *frame, int maxWidth, int maxHeight)
    {
        bool fullRange = frame->color_range == AVCOL_RANGE_JPEG;
        const AVPixelFormat format = plainFormat(AVPixelFormat(frame->format), &fullRange);
        const auto [width, height] = fitInside(frame->width, frame->height, maxWidth, maxHeight);
        const int colorspace = swsColorspace(frame);
        if (!m_sws || frame->width != m_srcWidth || frame->height != m_srcHeight
            || format != m_srcFormat || width != m_width || height != m_height
            || colorspace != m_colorspace || fullRange != m_fullRange) {
            // Same size: swscale's unscaled YUV->RGB path (the flags do not matter). Tile sizes
            // (2x smaller or more): fast bilinear, measured on decoded 720p frames at 0.36 ms to
            // 320x180 against 0.47-0.70 ms for "area" and 0.57 ms for bilinear, 0.1 core over a
            // 4x4 grid, with no visible difference on the test pattern. Milder reductions (a
            // maximised tile) are seen closely: "area" averages the whole footprint, no aliasing.
            int flags = SWS_POINT;
            if (width != frame->width || height != frame->height)
                flags = (frame->width >= 2 * width && frame->height >= 2 * height)
                                ? SWS_FAST_BILINEAR
                                : SWS_AREA;
            m_sws.reset(sws_getContext(frame->width, frame->height, format, width, height,
                                       AV_PIX_FMT_BGRA, flags, nullptr, nullptr, nullptr));
            if (!m_sws) {
                m_srcWidth = 0;
                return {};
            }
            sws_setColorspaceDetails(m_sws.get(), sws_getCoefficients(colorspace),
                                     fullRange ? 1 : 0, sws_getCoefficients(SWS_CS_DEFAULT), 1, 0,
                                     1 << 16, 1 << 16);
            m_srcWidth = frame->width;
            m_srcHeight = frame->height;
            m_srcFormat = format;
            m_width = width;
            m_height = height;
            m_colorspace = colorspace;
            m_fullRange = fullRange;
        }
        // 64-byte rows keep swscale's SIMD stores aligned; QImage takes any 4-byte multiple.
        const int stride = FFALIGN(width * 4, 64);
        VideoFrame out;
        uint8_t *pixels = buffer(qsizetype(stride) * height, &out.pixels);
        uint8_t *dst[4] = {pixels, nullptr, nullptr, nullptr};
        const int dstStride[4] = {stride, 0, 0, 0};
        const int rows = sws_scale(m_sws.get(), frame->data, frame->linesize, 0, frame->height, dst,
                                   dstStride);
        if (rows != height)
            return {};
        out.width = width;
        out.height = height;
        out.stride = stride;
        return out;
    }

private:
    /**
     * A buffer of `size` bytes shared into *out, and where to write: taken before sharing, as
     * data() on a shared QByteArray would copy it.
     */
    uint8_t *buffer(qsizetype size, QByteArray *out)
    {
        for (QByteArray &b : m_pool) {
            // Detached: only the pool holds it, so writing into it cannot touch a shown frame.
            if (b.size() == size && b.isDetached()) {
                auto *data = reinterpret_cast<uint8_t *>(b.data());
                *out = b;
                return data;
            }
        }
        QByteArray fresh(size, Qt::Uninitialized);
        auto *data = reinterpret_cast<uint8_t *>(fresh.data());
        if (m_pool.size() < kPoolSize) {
            m_pool.push_back(fresh);
        } else {
            m_pool[m_nextReplaced] = fresh;
            m_nextReplaced = (m_nextReplaced + 1) % kPoolSize;
        }
        *out = std::move(fresh);
        return data;
    }

    // One being written, one in the slot, one held by the GUI.
    static constexpr size_t kPoolSize = 3;
    av::SwsContextPtr m_sws;
    int m_srcWidth = 0, m_srcHeight = 0;
    AVPixelFormat m_srcFormat = AV_PIX_FMT_NONE;
    int m_width = 0, m_height = 0;
    int m_colorspace = -1;
    bool m_fullRange = false;
    std::vector<QByteArray> m_pool;
    size_t m_nextReplaced = 0;
};

/** Frames per second over the last 2 s of wall time. */
class FpsWindow
{
public:
    void add(qint64 ms)
    {
        m_times.push_back(ms);
        while (m_times.size() > 1 && m_times.front() < ms - 2000)
            m_times.pop_front();
    }
    void clear() { m_times.clear(); }
    double fps() const
    {
        if (m_times.size() < 2 || m_times.back() == m_times.front())
            return 0;
        return double(m_times.size() - 1) * 1000.0 / double(m_times.back() - m_times.front());
    }

private:
    std::deque<qint64> m_times;
};

/**
 * The packets of one connection: libavformat (RTSP, HTTP, files) or the generated test pattern.
 * The demuxer is opened here rather than through DemuxSource because the decoder needs what the
 * recorder must not have: files end instead of looping, and live sources skip the stream-info
 * probe. Addresses, credentials and timeouts come from parseSource()/InterruptControl.
 */
class Input
{
public:
    static Result<std::unique_ptr<Input>> open(const SourceAddress &address, bool liveLowLatency,
                                               InterruptControl &interrupt)
    {
        auto in = std::make_unique<Input>();
        in->m_interrupt = &interrupt;
        in->m_displayUrl = address.displayUrl;
        in->m_timeoutMs = address.timeoutMs;
        if (address.kind == SourceAddress::Kind::TestPattern) {
            OpenOptions options;
            options.interrupt = &interrupt;
            auto pattern = openPacketSource(address, options);
            if (!pattern)
                return pattern.error();
            in->m_pattern = std::move(*pattern);
            return in;
        }

        AVFormatContext *raw = avformat_alloc_context();
        if (!raw)
            return Error::internal(QStringLiteral("out of memory"));
        raw->interrupt_callback = interrupt.callback();
        av::Dictionary opts;
        setProtocolOptions(address, opts);
        if (liveLowLatency) {
            // Not "fflags nobuffer": it discards the packets a stream-info probe has read, and
            // the first keyframe is among them on sources that start with one (measured on
            // the RTSP test server's file mounts: 1.1 s instead of 0.14 s to the first frame).
            opts.set("probesize", 32);
            opts.set("analyzeduration", 0);
        }
        interrupt.arm(address.timeoutMs);
        int ret = avformat_open_input(&raw, address.ffmpegUrl.toUtf8().constData(), nullptr,
                                      opts.ptr());
        if (ret < 0) { // raw was freed
            interrupt.disarm();
            return in->openFailure(ret, QString());
        }
        in->m_input.reset(raw);

        // RTSP (SDP) and MPEG-TS (PMT) name the codec before any packet: the decoder finds
        // the size in the first keyframe itself, and a probe would only decode it twice.
        int index = av_find_best_stream(raw, AVMEDIA_TYPE_VIDEO, -1, -1, nullptr, 0);
        const bool probe = !liveLowLatency || index < 0
                           || raw->streams[index]->codecpar->codec_id == AV_CODEC_ID_NONE;
        if (probe) {
            interrupt.arm(address.timeoutMs);
            ret = avformat_find_stream_info(raw, nullptr);
            interrupt.disarm();
            if (ret < 0)
                return in->openFailure(ret, QStringLiteral(" (stream information)"));
            index = av_find_best_stream(raw, AVMEDIA_TYPE_VIDEO, -1, -1, nullptr, 0);
        }
        interrupt.disarm();
        if (index < 0)
            return Error::unavailable(
                    QStringLiteral("%1: no video stream").arg(address.displayUrl));
        in->m_videoIndex = index;
        for (unsigned i = 0; i < raw->nb_streams; ++i) {
            if (int(i) != index)
                raw->streams[i]->discard = AVDISCARD_ALL;
        }
        return in;
    }

    const AVCodecParameters *parameters() const
    {
        return m_pattern ? m_pattern->codecParameters() : m_input->streams[m_videoIndex]->codecpar;
    }
    AVRational timeBase() const
    {
        return m_pattern ? m_pattern->timeBase() : m_input->streams[m_videoIndex]->time_base;
    }
    /** The stream's first presentation time (time base units), or AV_NOPTS_VALUE. */
    int64_t startTime() const
    {
        return m_pattern ? AV_NOPTS_VALUE : m_input->streams[m_videoIndex]->start_time;
    }
    double frameRate() const
    {
        if (m_pattern)
            return m_pattern->frameRate();
        const AVStream *st = m_input->streams[m_videoIndex];
        AVRational rate = st->avg_frame_rate;
        if (rate.num <= 0 || rate.den <= 0)
            rate = st->r_frame_rate;
        return rate.num > 0 && rate.den > 0 ? av_q2d(rate) : 0.0;
    }

    /** The next video packet: 0, AVERROR_EOF at the end, another AVERROR on failure. */
    int read(AVPacket *pkt)
    {
        if (m_pattern) {
            bool discontinuity = false;
            Status st = m_pattern->read(pkt, &discontinuity);
            if (!st) {
                m_patternError = st.error().message;
                return AVERROR_EXTERNAL;
            }
            return 0;
        }
        for (;;) {
            av_packet_unref(pkt);
            const int ret = av_read_frame(m_input.get(), pkt);
            if (ret < 0)
                return ret;
            if (pkt->stream_index == m_videoIndex)
                return 0;
        }
    }

    /** Operator wording of a read() failure. */
    QString readFailure(int ret) const
    {
        if (m_interrupt->isStopRequested())
            return QStringLiteral("stopped");
        if (m_pattern)
            return m_patternError;
        if (m_interrupt->hasTimedOut())
            return QStringLiteral("%1: no data for %2 ms").arg(m_displayUrl).arg(m_timeoutMs);
        if (ret == AVERROR_EOF)
            return m_displayUrl + QStringLiteral(": the source ended the stream");
        return m_displayUrl + QStringLiteral(": ") + av::errorText(ret);
    }

private:
    Error openFailure(int ret, const QString &what) const
    {
        if (m_interrupt->isStopRequested())
            return Error::unavailable(QStringLiteral("stopped"));
        if (m_interrupt->hasTimedOut())
            return Error{ErrorKind::Timeout,
                         QStringLiteral("%1%2: no answer within %3 ms")
                                 .arg(m_displayUrl, what)
                                 .arg(m_timeoutMs),
                         {},
                         {}};
        return av::toError(ret, m_displayUrl + what);
    }

    av::InputContextPtr m_input;
    std::unique_ptr<PacketSource> m_pattern;
    QString m_patternError;
    InterruptControl *m_interrupt = nullptr;
    QString m_displayUrl;
    int m_timeoutMs = 5000;
    int m_videoIndex = -1;
};

Result<av::CodecContextPtr> openCodec(const AVCodecParameters *parameters, AVRational timeBase,
                                      bool lowDelay)
{
    const AVCodec *codec = avcodec_find_decoder(parameters->codec_id);
    if (!codec) {
        return Error::unavailable(
                QStringLiteral("no decoder for codec %1")
                        .arg(QLatin1String(avcodec_get_name(parameters->codec_id))));
    }
    av::CodecContextPtr context(avcodec_alloc_context3(codec));
    if (!context)
        return Error::internal(QStringLiteral("decoder: out of memory"));
    int ret = avcodec_parameters_to_context(context.get(), parameters);
    if (ret < 0)
        return av::toError(ret, QStringLiteral("decoder parameters"));
    context->pkt_timebase = timeBase;
    // One thread per decoder: the tiles are the parallelism. Frame threads would also add a
    // frame of latency each.
    context->thread_count = 1;
    if (lowDelay)
        context->flags |= AV_CODEC_FLAG_LOW_DELAY;
    ret = avcodec_open2(context.get(), codec, nullptr);
    if (ret < 0)
        return av::toError(
                ret, QStringLiteral("opening the %1 decoder").arg(QLatin1String(codec->name)));
    return context;
}

} // namespace

class VideoDecoder::Impl
{
public:
    explicit Impl(VideoDecoder *q)
        : q(q)
    {}

    void run(const SourceConfig &source, const DecoderOptions &options, qint64 openedAtMs);
    void setState(StreamState state, const QString &reason);
    /** Wakes sleepers (pacing, backoff) after a control change. */
    void poke()
    {
        {
            std::lock_guard lock(waitMutex);
            ++controlEpoch;
        }
        waitCv.notify_all();
    }

    VideoDecoder *const q;
    FrameSlot slot;

    std::mutex lifecycleMutex; // open/stop
    std::unique_ptr<QThread> thread;
    std::atomic<bool> stopRequested{false};
    std::mutex waitMutex; // with waitCv; guards controlEpoch
    std::condition_variable waitCv;
    quint64 controlEpoch = 0;

    std::atomic<bool> keyframesOnly{false};
    std::atomic<bool> paused{false};
    std::atomic<int> maxWidth{0}, maxHeight{0};
    std::atomic<double> speed{1.0};

    mutable QMutex statsMutex; // guards stats, lastDecodedMonoMs and signalledState
    Stats stats;
    qint64 lastDecodedMonoMs = 0;
    std::optional<StreamState> signalledState; // last stateChanged() of this open()

    class Session;
};

/** One open() on the decoder thread: connections, decoding, pacing, conversion. */
class VideoDecoder::Impl::Session
{
public:
    Session(Impl &d, SourceAddress address, DecoderOptions options, qint64 openedAtMs)
        : d(d)
        , address(std::move(address))
        , options(std::move(options))
        , openedAtMs(openedAtMs)
        , generated(this->address.kind == SourceAddress::Kind::TestPattern)
        , isFile(this->address.kind == SourceAddress::Kind::File)
        // The pattern is generated as fast as it is read: it is always released in real time.
        , paced(this->options.paced || generated)
        // Files and archive segments play once; cameras reconnect.
        , playsOnce(this->options.paced || isFile)
        , holdMs(std::max(0, this->options.holdMs))
    {
        showFromMs = this->options.paced ? std::max<qint64>(0, this->options.startAtMs) : 0;
    }

    void run();

private:
    struct End
    {
        QString reason;
        bool finished = false; ///< the source ended normally (plays once)
        bool fatal = false;    ///< no retry can help
        bool wasOnline = false;
        qint64 onlineSinceMs = 0;
    };
    enum class Wake { Deadline, Stop, Control };

    End connectOnce(InterruptControl &interrupt);
    End decode(Input &in, InterruptControl &interrupt);
    /** Sends one packet (null: drain) and handles what comes out; false when stopped. */
    bool feed(const AVPacket *packet);
    /** Paces and presents one decoded frame; false when stopped. */
    bool handleFrame(AVFrame *frame);
    void present(const AVFrame *frame, qint64 ptsMs);
    void measureLiveLag(const AVPacket *packet);
    void updateBehind(qint64 lagMs);
    bool keyframesOnlyNow() const { return d.keyframesOnly.load() || autoKeyframesOnly; }
    Wake waitUntil(Clock::time_point deadline, quint64 epoch);
    /** Sleeps until a control changes; false when stopped. */
    bool waitForControl(quint64 since);
    quint64 epoch()
    {
        std::lock_guard lock(d.waitMutex);
        return d.controlEpoch;
    }
    bool stopped() const { return d.stopRequested.load(); }
    template<typename F>
    void updateStats(F &&f)
    {
        QMutexLocker lock(&d.statsMutex);
        f(d.stats);
    }

    Impl &d;
    const SourceAddress address;
    const DecoderOptions options;
    const qint64 openedAtMs;
    const bool generated;
    const bool isFile;
    const bool paced;
    const bool playsOnce;

    BgraConverter converter;
    RateMeter meter;
    FpsWindow decodedFps;
    qint64 showFromMs = 0;    // paced: nothing before this pts is shown
    qint64 lastShownPts = -1; // of the whole session, for resuming a paced source
    bool firstFrameSeen = false;

    // Per connection.
    av::CodecContextPtr codec;
    av::FramePtr frame = av::makeFrame();
    AVRational timeBase{1, 1};
    int64_t originTs = AV_NOPTS_VALUE; // source timestamp of ptsMs 0
    qint64 nominalFrameMs = 40;
    qint64 lastPtsMs = -1;
    bool connectionOnline = false;
    End *currentEnd = nullptr;
    bool waitForKeyframe = true;
    int skippedWaitingForKeyframe = 0;
    int appliedSkip = -1;
    // Pacing: the wall time at which anchorPtsMs is shown, at anchorSpeed.
    std::optional<Clock::time_point> anchorWall;
    qint64 anchorPtsMs = 0;
    double anchorSpeed = 1.0;
    qint64 lastPresentMonoMs = 0;
    // Live lag: smallest (arrival - dts) seen, the on-time reference.
    std::optional<qint64> onTimeOffsetMs;
    qint64 lastArrivalMs = 0;

    // Falling behind (whole session).
    bool autoKeyframesOnly = false;
    qint64 behindSinceMs = 0;
    qint64 lastRecoveryMs = -1'000'000;
    int holdMs;
};

VideoDecoder::Impl::Session::Wake VideoDecoder::Impl::Session::waitUntil(Clock::time_point deadline,
                                                                         quint64 since)
{
    std::unique_lock lock(d.waitMutex);
    const bool woken = d.waitCv.wait_until(
            lock, deadline, [&] { return d.stopRequested.load() || d.controlEpoch != since; });
    if (d.stopRequested.load())
        return Wake::Stop;
    return woken ? Wake::Control : Wake::Deadline;
}

bool VideoDecoder::Impl::Session::waitForControl(quint64 since)
{
    std::unique_lock lock(d.waitMutex);
    d.waitCv.wait(lock, [&] { return d.stopRequested.load() || d.controlEpoch != since; });
    return !d.stopRequested.load();
}

void VideoDecoder::Impl::Session::run()
{
    InterruptControl interrupt(&d.stopRequested);
    Backoff backoff(options.backoffMinMs, options.backoffMaxMs);
    while (!stopped()) {
        updateStats([](Stats &s) { ++s.connectAttempts; });
        d.setState(StreamState::Connecting, {});
        const End end = connectOnce(interrupt);
        if (stopped())
            break;
        if (end.finished) {
            updateStats([](Stats &s) {
                s.finished = true;
                s.decodedFps = 0;
            });
            d.setState(StreamState::Offline, QStringLiteral("end of the source"));
            emit d.q->finished();
            return;
        }
        if (end.fatal) {
            qCWarning(lcDecoder, "%s", qUtf8Printable(end.reason));
            d.setState(StreamState::Error, end.reason);
            return;
        }
        qCInfo(lcDecoder, "%s", qUtf8Printable(end.reason));
        d.setState(StreamState::Offline, end.reason);
        if (end.wasOnline && monoMs() - end.onlineSinceMs >= options.backoffResetAfterMs)
            backoff.reset();
        // A paced source resumes after the last frame it showed instead of starting over.
        if (options.paced && lastShownPts >= 0)
            showFromMs = lastShownPts + 1;
        const int delayMs = backoff.nextDelayMs();
        Wake wake = Wake::Control;
        const auto deadline = Clock::now() + std::chrono::milliseconds(delayMs);
        while (wake == Wake::Control) // setSpeed() & co. do not cut the backoff short
            wake = waitUntil(deadline, epoch());
        if (wake == Wake::Stop)
            break;
    }
    d.setState(StreamState::Offline, QStringLiteral("stopped"));
}

VideoDecoder::Impl::Session::End
VideoDecoder::Impl::Session::connectOnce(InterruptControl &interrupt)
{
    End end;
    auto in = Input::open(address, options.lowLatency && !paced && !isFile, interrupt);
    if (!in) {
        end.reason = in.error().message;
        // A missing or unreadable local file does not come back by retrying.
        end.fatal = isFile;
        return end;
    }
    end = decode(**in, interrupt);
    // Closing may talk to the camera (RTSP TEARDOWN): bounded, and instant after stop().
    interrupt.arm(1000);
    in->reset();
    interrupt.disarm();
    return end;
}

VideoDecoder::Impl::Session::End VideoDecoder::Impl::Session::decode(Input &in,
                                                                     InterruptControl &interrupt)
{
    End end;
    currentEnd = &end;
    const AVCodecParameters *par = in.parameters();
    timeBase = in.timeBase();
    auto opened = openCodec(par, timeBase, options.lowLatency && !paced);
    if (!opened) {
        end.reason = opened.error().message;
        currentEnd = nullptr;
        return end;
    }
    codec = std::move(*opened);
    updateStats([&](Stats &s) {
        s.codec = QString::fromLatin1(avcodec_get_name(par->codec_id));
        if (par->width > 0 && par->height > 0) {
            s.width = par->width;
            s.height = par->height;
        }
    });
    const double rate = in.frameRate();
    nominalFrameMs = rate > 0 ? std::max<qint64>(1, qint64(1000.0 / rate)) : 40;
    originTs = in.startTime();
    lastPtsMs = -1;
    connectionOnline = false;
    waitForKeyframe = true;
    skippedWaitingForKeyframe = 0;
    appliedSkip = -1;
    anchorWall.reset();
    onTimeOffsetMs.reset();
    meter.clear();
    decodedFps.clear();

    auto packet = av::makePacket();
    for (;;) {
        if (stopped()) {
            end.reason = QStringLiteral("stopped");
            break;
        }
        // A read that gets no data for the timeout ends the connection: the stream is lost.
        interrupt.arm(address.timeoutMs);
        const int ret = in.read(packet.get());
        interrupt.disarm();
        if (ret == AVERROR_EOF && playsOnce) {
            if (feed(nullptr))
                end.finished = true;
            else
                end.reason = QStringLiteral("stopped");
            break;
        }
        if (ret < 0) {
            end.reason = in.readFailure(ret);
            break;
        }
        const int64_t ts = packet->dts != AV_NOPTS_VALUE ? packet->dts : packet->pts;
        if (originTs == AV_NOPTS_VALUE && ts != AV_NOPTS_VALUE) {
            // FFmpeg's RTP demuxer leaves the first packet without timestamps: the frames
            // shown before the first timestamp got nominal ones, and this one follows them.
            const qint64 expectedMs = lastPtsMs >= 0 ? lastPtsMs + nominalFrameMs : 0;
            originTs = (packet->pts != AV_NOPTS_VALUE ? packet->pts : ts)
                       - av_rescale_q(expectedMs, kMs, timeBase);
        }
        if (ts != AV_NOPTS_VALUE) {
            meter.add(av_rescale_q(ts, timeBase, kUs),
                      packet->duration > 0 ? av_rescale_q(packet->duration, timeBase, kUs)
                                           : nominalFrameMs * 1000,
                      packet->size);
            updateStats([&](Stats &s) {
                s.inputFps = meter.fps();
                s.bitrate = meter.bitrate();
            });
        }
        if (!paced) {
            measureLiveLag(packet.get());
            if (d.paused.load()) {
                // Live pause: the connection stays (resuming is instant), nothing is decoded,
                // and decoding resumes at a keyframe.
                waitForKeyframe = true;
                skippedWaitingForKeyframe = 0;
                continue;
            }
        }
        const bool keyframesOnly = keyframesOnlyNow();
        const int skip = keyframesOnly ? AVDISCARD_NONKEY : AVDISCARD_DEFAULT;
        if (skip != appliedSkip) {
            // Back to full decoding: the frames in between reference pictures that were
            // never decoded; start at the next keyframe.
            if (appliedSkip == AVDISCARD_NONKEY)
                waitForKeyframe = true;
            codec->skip_frame = AVDiscard(skip);
            appliedSkip = skip;
        }
        const bool isKey = packet->flags & AV_PKT_FLAG_KEY;
        if (waitForKeyframe) {
            if (isKey) {
                waitForKeyframe = false;
                skippedWaitingForKeyframe = 0;
            } else if (++skippedWaitingForKeyframe <= kMaxPacketsWithoutKeyframe) {
                continue;
            } else {
                // Streams without flagged keyframes (intra refresh): decode and let the codec
                // recover by itself.
                waitForKeyframe = false;
            }
        }
        // Not even handing non-keyframes to the decoder saves their parsing too.
        if (keyframesOnly && !isKey)
            continue;
        if (!feed(packet.get())) {
            end.reason = QStringLiteral("stopped");
            break;
        }
    }
    codec.reset();
    currentEnd = nullptr;
    return end;
}

bool VideoDecoder::Impl::Session::feed(const AVPacket *packet)
{
    // Errors of single packets (corrupt data) are not fatal: the codec resynchronises.
    const int sent = avcodec_send_packet(codec.get(), packet);
    if (sent < 0 && sent != AVERROR(EAGAIN) && sent != AVERROR_EOF)
        qCDebug(lcDecoder, "decoding: %s", qUtf8Printable(av::errorText(sent)));
    while (avcodec_receive_frame(codec.get(), frame.get()) == 0) {
        const bool goOn = handleFrame(frame.get());
        av_frame_unref(frame.get());
        if (!goOn)
            return false;
    }
    return !stopped();
}

void VideoDecoder::Impl::Session::measureLiveLag(const AVPacket *packet)
{
    const int64_t ts = packet->dts != AV_NOPTS_VALUE ? packet->dts : packet->pts;
    if (ts == AV_NOPTS_VALUE)
        return;
    const qint64 now = monoMs();
    // (arrival - stream time) is constant while decoding keeps up and grows by the backlog
    // when it does not: TCP holds what we have not read yet, so late reads are late packets.
    const qint64 offset = now - av_rescale_q(ts, timeBase, kMs);
    if (!onTimeOffsetMs || offset < *onTimeOffsetMs
        || offset - *onTimeOffsetMs > kTimestampJumpMs) {
        onTimeOffsetMs = offset;
    } else {
        *onTimeOffsetMs = std::min(
                offset, *onTimeOffsetMs + (now - lastArrivalMs) / kDriftAllowanceDivisor);
    }
    lastArrivalMs = now;
    qint64 lag = offset - *onTimeOffsetMs;
    // In keyframes-only mode a real backlog drains within seconds; a lag that stays is a step
    // in the source's timestamps (a camera that froze its clock), not slowness.
    if (autoKeyframesOnly && lag >= options.fallBehindMs && now - behindSinceMs > 10000) {
        onTimeOffsetMs = offset;
        lag = 0;
    }
    updateBehind(lag);
}

void VideoDecoder::Impl::Session::updateBehind(qint64 lagMs)
{
    const qint64 now = monoMs();
    if (!autoKeyframesOnly) {
        if (lagMs > options.fallBehindMs) {
            autoKeyframesOnly = true;
            behindSinceMs = now;
            holdMs = now - lastRecoveryMs < kMaxHoldMs
                             ? std::min(kMaxHoldMs, std::max(1, holdMs) * 2)
                             : std::max(0, options.holdMs);
            qCInfo(lcDecoder, "%s: %lld ms behind, keyframes only for at least %d ms",
                   qUtf8Printable(address.displayUrl), lagMs, holdMs);
            updateStats([&](Stats &s) {
                s.fellBehind = true;
                s.keyframesOnly = true;
                ++s.fallBehindCount;
                s.lagMs = lagMs;
            });
            return;
        }
    } else if (lagMs < options.caughtUpMs && now - behindSinceMs >= holdMs) {
        autoKeyframesOnly = false;
        lastRecoveryMs = now;
        qCInfo(lcDecoder, "%s: caught up, decoding every frame again",
               qUtf8Printable(address.displayUrl));
    }
    updateStats([&](Stats &s) {
        s.lagMs = lagMs;
        s.fellBehind = autoKeyframesOnly;
        s.keyframesOnly = keyframesOnlyNow();
    });
}

bool VideoDecoder::Impl::Session::handleFrame(AVFrame *decoded)
{
    const qint64 now = monoMs();
    decodedFps.add(now);
    if (!connectionOnline) {
        connectionOnline = true;
        if (currentEnd) {
            currentEnd->wasOnline = true;
            currentEnd->onlineSinceMs = now;
        }
        d.setState(StreamState::Online, {});
    }
    {
        QMutexLocker lock(&d.statsMutex);
        ++d.stats.framesDecoded;
        d.stats.decodedFps = decodedFps.fps();
        d.stats.width = decoded->width;
        d.stats.height = decoded->height;
        d.lastDecodedMonoMs = now;
    }
    int64_t ts = decoded->best_effort_timestamp;
    if (ts == AV_NOPTS_VALUE)
        ts = decoded->pts;
    qint64 ptsMs = 0;
    if (ts != AV_NOPTS_VALUE && originTs != AV_NOPTS_VALUE)
        ptsMs = av_rescale_q(ts - originTs, timeBase, kMs);
    else if (lastPtsMs >= 0)
        ptsMs = lastPtsMs + nominalFrameMs;
    lastPtsMs = ptsMs;

    if (!paced) {
        present(decoded, ptsMs);
        return true;
    }
    if (ptsMs < showFromMs)
        return true; // decoded as a reference for what follows, not shown

    qint64 lateMs = 0;
    for (;;) {
        if (stopped())
            return false;
        const quint64 since = epoch();
        // Paused: hold this frame. A seek while paused still shows its first frame.
        if (d.paused.load() && firstFrameSeen) {
            if (!waitForControl(since))
                return false;
            anchorWall.reset(); // resume from here
            continue;
        }
        const double speed = d.speed.load();
        const Clock::time_point nowTp = Clock::now();
        if (!anchorWall || speed != anchorSpeed) {
            anchorWall = nowTp;
            anchorPtsMs = ptsMs;
            anchorSpeed = speed;
        }
        const auto target
                = *anchorWall
                  + std::chrono::microseconds(qint64(double(ptsMs - anchorPtsMs) * 1000.0 / speed));
        if (target > nowTp) {
            const Wake wake = waitUntil(target, since);
            if (wake == Wake::Stop)
                return false;
            if (wake == Wake::Control)
                continue; // speed or pause changed: recompute
            lateMs = 0;
            break;
        }
        lateMs = std::chrono::duration_cast<std::chrono::milliseconds>(nowTp - target).count();
        if (lateMs > kReanchorLateMs) {
            // After a stall (starved CPU, slow network) play on from here instead of racing
            // through what was missed.
            anchorWall = nowTp;
            anchorPtsMs = ptsMs;
            lateMs = 0;
        }
        break;
    }
    updateBehind(lateMs);
    const qint64 frameBudgetMs
            = std::max<qint64>(40, qint64(1.5 * double(nominalFrameMs) / d.speed.load()));
    if (lateMs > frameBudgetMs && monoMs() - lastPresentMonoMs < kShowAtLeastEveryMs) {
        // Too late to be worth converting: skipping the conversion is what lets decoding
        // catch up. A picture still goes out every kShowAtLeastEveryMs.
        updateStats([](Stats &s) { ++s.framesLate; });
        return true;
    }
    present(decoded, ptsMs);
    return true;
}

void VideoDecoder::Impl::Session::present(const AVFrame *decoded, qint64 ptsMs)
{
    VideoFrame out = converter.convert(decoded, d.maxWidth.load(), d.maxHeight.load());
    if (out.isNull()) {
        qCWarning(lcDecoder, "%s: cannot convert %dx%d %s to BGRA",
                  qUtf8Printable(address.displayUrl), decoded->width, decoded->height,
                  av_get_pix_fmt_name(AVPixelFormat(decoded->format)));
        return;
    }
    out.ptsMs = ptsMs;
    out.decodedAtMs = wallMs();
    out.isKeyframe = decoded->key_frame || decoded->pict_type == AV_PICTURE_TYPE_I;
    const qint64 now = monoMs();
    lastPresentMonoMs = now;
    lastShownPts = ptsMs;
    const bool first = !firstFrameSeen;
    firstFrameSeen = true;
    updateStats([&](Stats &s) {
        ++s.framesShown;
        s.outputWidth = out.width;
        s.outputHeight = out.height;
        s.positionMs = ptsMs;
        if (first)
            s.firstFrameMs = now - openedAtMs;
    });
    if (d.slot.offer(std::move(out)))
        emit d.q->frameReady();
}

void VideoDecoder::Impl::setState(StreamState state, const QString &reason)
{
    {
        QMutexLocker lock(&statsMutex);
        if (!reason.isEmpty() && (state == StreamState::Offline || state == StreamState::Error))
            stats.lastError = reason;
        stats.state = state;
        // Compared with what was signalled, not with stats.state: open() already shows
        // Connecting to readers, and the thread must still announce it.
        if (signalledState == state)
            return;
        signalledState = state;
        if (state != StreamState::Online) {
            stats.decodedFps = 0;
            stats.inputFps = 0;
            stats.bitrate = 0;
        }
    }
    emit q->stateChanged(state, reason);
}

void VideoDecoder::Impl::run(const SourceConfig &source, const DecoderOptions &options,
                             qint64 openedAtMs)
{
    av::ensureInitialized();
    auto address = parseSource(source);
    if (!address) {
        qCWarning(lcDecoder, "%s", qUtf8Printable(address.error().message));
        setState(StreamState::Error, address.error().message);
        return;
    }
    Session session(*this, std::move(*address), options, openedAtMs);
    session.run();
}

VideoDecoder::VideoDecoder(QObject *parent)
    : QObject(parent)
    , d(std::make_unique<Impl>(this))
{
    qRegisterMetaType<vms::media::StreamState>("vms::media::StreamState");
}

VideoDecoder::~VideoDecoder()
{
    stop();
}

void VideoDecoder::open(const SourceConfig &source, const DecoderOptions &options)
{
    stop();
    std::lock_guard lock(d->lifecycleMutex);
    const qint64 openedAtMs = monoMs();
    d->slot.clear();
    d->keyframesOnly.store(options.keyframesOnly);
    d->maxWidth.store(std::max(0, options.maxWidth));
    d->maxHeight.store(std::max(0, options.maxHeight));
    d->speed.store(clampSpeed(options.speed));
    d->paused.store(false); // a new source plays; setPaused(true) right after holds its first frame
    {
        QMutexLocker statsLock(&d->statsMutex);
        d->stats = Stats{};
        d->stats.state = StreamState::Connecting;
        d->stats.keyframesOnly = options.keyframesOnly;
        d->lastDecodedMonoMs = 0;
        d->signalledState.reset();
    }
    d->stopRequested.store(false);
    d->thread.reset(QThread::create([impl = d.get(), source, options, openedAtMs] {
        impl->run(source, options, openedAtMs);
    }));
    d->thread->setObjectName(QStringLiteral("vms-decode"));
    d->thread->start();
}

void VideoDecoder::stop()
{
    std::lock_guard lock(d->lifecycleMutex);
    if (!d->thread)
        return;
    d->stopRequested.store(true);
    d->poke();
    d->thread->wait();
    d->thread.reset();
    QMutexLocker statsLock(&d->statsMutex);
    d->stats.state = StreamState::Offline;
    d->stats.decodedFps = 0;
    d->stats.inputFps = 0;
    d->stats.bitrate = 0;
}

void VideoDecoder::setKeyframesOnly(bool on)
{
    d->keyframesOnly.store(on);
}

void VideoDecoder::setMaxSize(int width, int height)
{
    d->maxWidth.store(std::max(0, width));
    d->maxHeight.store(std::max(0, height));
}

void VideoDecoder::setSpeed(double speed)
{
    d->speed.store(clampSpeed(speed));
    d->poke();
}

void VideoDecoder::setPaused(bool paused)
{
    d->paused.store(paused);
    d->poke();
}

FrameSlot &VideoDecoder::slot()
{
    return d->slot;
}

VideoDecoder::Stats VideoDecoder::stats() const
{
    QMutexLocker lock(&d->statsMutex);
    Stats s = d->stats;
    s.keyframesOnly = s.fellBehind || d->keyframesOnly.load();
    // A stalled source decodes nothing: do not report the rate of the last good seconds.
    if (s.decodedFps > 0 && monoMs() - d->lastDecodedMonoMs > 2000)
        s.decodedFps = 0;
    return s;
}

} // namespace vms::media
