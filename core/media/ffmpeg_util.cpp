#include "core/media/ffmpeg_util.h"

#include <QLoggingCategory>

#include <mutex>

extern "C" {
#include <libavutil/log.h>
}

Q_LOGGING_CATEGORY(lcFfmpeg, "vms.media.ffmpeg", QtWarningMsg)

namespace vms::media::av {

namespace {

// FFmpeg prints to stderr by default; with dozens of cameras its per-packet warnings ("RTP:
// missed packets") would drown the service log. Route it through a Qt category instead, where
// QT_LOGGING_RULES can turn it up: errors are warnings, warnings are info (off by default).
void logCallback(void *avcl, int level, const char *fmt, va_list vl)
{
    if (level > AV_LOG_INFO)
        return;
    const bool isError = level <= AV_LOG_ERROR;
    const bool isWarning = level == AV_LOG_WARNING;
    if (isError     ? !lcFfmpeg().isWarningEnabled()
        : isWarning ? !lcFfmpeg().isInfoEnabled()
                    : !lcFfmpeg().isDebugEnabled())
        return;
    char line[1024];
    int printPrefix = 1;
    av_log_format_line2(avcl, level, fmt, vl, line, sizeof line, &printPrefix);
    QByteArray text(line);
    while (text.endsWith('\n'))
        text.chop(1);
    if (text.isEmpty())
        return;
    if (isError)
        qCWarning(lcFfmpeg, "%s", text.constData());
    else if (isWarning)
        qCInfo(lcFfmpeg, "%s", text.constData());
    else
        qCDebug(lcFfmpeg, "%s", text.constData());
}

} // namespace

void ensureInitialized()
{
    static std::once_flag once;
    std::call_once(once, [] {
        avformat_network_init();
        av_log_set_callback(logCallback);
    });
}

QString errorText(int averror)
{
    char buffer[AV_ERROR_MAX_STRING_SIZE] = {};
    if (av_strerror(averror, buffer, sizeof buffer) < 0)
        return QStringLiteral("FFmpeg error %1").arg(averror);
    return QString::fromUtf8(buffer);
}

Error toError(int averror, const QString &context)
{
    const QString message = context + QStringLiteral(": ") + errorText(averror);
    if (averror == AVERROR(ETIMEDOUT))
        return {ErrorKind::Timeout, message, {}, {}};
    if (averror == AVERROR(ENOMEM))
        return Error::internal(message);
    // Everything else is a property of the source (refused, unauthorised, bad data): the
    // source is unavailable, which is not a fault of the caller's request.
    return Error::unavailable(message);
}

PacketPtr makePacket()
{
    return PacketPtr(av_packet_alloc());
}

FramePtr makeFrame()
{
    return FramePtr(av_frame_alloc());
}

CodecParametersPtr copyParameters(const AVCodecParameters *source)
{
    CodecParametersPtr copy(avcodec_parameters_alloc());
    if (copy && source && avcodec_parameters_copy(copy.get(), source) < 0)
        copy.reset();
    return copy;
}

Result<std::unique_ptr<Decoder>> Decoder::open(const AVCodecParameters *parameters, int threads)
{
    ensureInitialized();
    const AVCodec *codec = avcodec_find_decoder(parameters->codec_id);
    if (!codec) {
        return Error::unavailable(
                QStringLiteral("no decoder for codec %1")
                        .arg(QLatin1String(avcodec_get_name(parameters->codec_id))));
    }
    auto decoder = std::make_unique<Decoder>();
    decoder->m_context.reset(avcodec_alloc_context3(codec));
    if (!decoder->m_context || !decoder->m_scratch || !decoder->m_newest)
        return Error::internal(QStringLiteral("decoder: out of memory"));
    int ret = avcodec_parameters_to_context(decoder->m_context.get(), parameters);
    if (ret < 0)
        return toError(ret, QStringLiteral("decoder parameters"));
    decoder->m_context->thread_count = threads;
    ret = avcodec_open2(decoder->m_context.get(), codec, nullptr);
    if (ret < 0)
        return toError(ret,
                       QStringLiteral("opening the %1 decoder").arg(QLatin1String(codec->name)));
    return decoder;
}

void Decoder::receiveAll()
{
    while (avcodec_receive_frame(m_context.get(), m_scratch.get()) == 0) {
        ++m_frames;
        av_frame_unref(m_newest.get());
        av_frame_move_ref(m_newest.get(), m_scratch.get());
        m_hasFrame = true;
    }
}

void Decoder::send(const AVPacket *packet)
{
    // EAGAIN cannot happen after receiveAll() drained the output; other errors are a corrupt
    // packet, after which the decoder resynchronises by itself.
    avcodec_send_packet(m_context.get(), packet);
    receiveAll();
}

AVFrame *Decoder::finish()
{
    avcodec_send_packet(m_context.get(), nullptr);
    receiveAll();
    return newest();
}

} // namespace vms::media::av
