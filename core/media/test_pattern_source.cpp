#include "core/media/test_pattern_source.h"

#include <QFile>
#include <QLoggingCategory>

#include <algorithm>
#include <mutex>

extern "C" {
#include <libavfilter/buffersink.h>
#include <libavutil/opt.h>
}

Q_LOGGING_CATEGORY(lcTestPattern, "vms.media.testsrc")

namespace vms::media {

Status TestPatternSource::buildGraph(bool withOverlay)
{
    m_graph.reset(avfilter_graph_alloc());
    if (!m_graph)
        return Error::internal(QStringLiteral("testsrc: out of memory"));
    // One thread: the pattern is cheap, and the test machines are shared.
    m_graph->nb_threads = 1;
    int ret = avfilter_graph_create_filter(&m_sink, avfilter_get_by_name("buffersink"), "out",
                                           nullptr, nullptr, m_graph.get());
    if (ret < 0)
        return av::toError(ret, QStringLiteral("testsrc: buffersink"));
    const AVPixelFormat formats[] = {AV_PIX_FMT_YUV420P, AV_PIX_FMT_NONE};
    ret = av_opt_set_int_list(m_sink, "pix_fmts", formats, AV_PIX_FMT_NONE, AV_OPT_SEARCH_CHILDREN);
    if (ret < 0)
        return av::toError(ret, QStringLiteral("testsrc: sink format"));

    QString description = QStringLiteral("testsrc2=size=%1x%2:rate=%3")
                                  .arg(m_params.width)
                                  .arg(m_params.height)
                                  .arg(m_params.rate);
    if (withOverlay) {
        // Wall clock and frame number, so that a recording shows when it was made.
        description += QStringLiteral(",drawtext=fontfile=%1:text='%{localtime} #%{n}'"
                                      ":fontsize=%2:fontcolor=white:box=1:boxcolor=black@0.6"
                                      ":boxborderw=6:x=16:y=16")
                               .arg(QLatin1String(kFontPath))
                               .arg(std::max(12, m_params.height / 18));
    }
    description += QStringLiteral(",format=yuv420p");

    av::FilterInOutPtr inputs(avfilter_inout_alloc());
    if (!inputs)
        return Error::internal(QStringLiteral("testsrc: out of memory"));
    inputs->name = av_strdup("out");
    inputs->filter_ctx = m_sink;
    inputs->pad_idx = 0;
    inputs->next = nullptr;
    AVFilterInOut *rawInputs = inputs.release();
    ret = avfilter_graph_parse_ptr(m_graph.get(), description.toUtf8().constData(), &rawInputs,
                                   nullptr, nullptr);
    inputs.reset(rawInputs);
    if (ret < 0)
        return av::toError(ret, QStringLiteral("testsrc: filter graph"));
    ret = avfilter_graph_config(m_graph.get(), nullptr);
    if (ret < 0)
        return av::toError(ret, QStringLiteral("testsrc: filter graph configuration"));
    return Ok{};
}

Result<std::unique_ptr<TestPatternSource>> TestPatternSource::open(const TestPatternParams &params)
{
    av::ensureInitialized();
    std::unique_ptr<TestPatternSource> source(new TestPatternSource);
    source->m_params = params;

    const bool canOverlay = avfilter_get_by_name("drawtext") != nullptr
                            && QFile::exists(QLatin1String(kFontPath));
    Status graph = Error::internal({});
    if (canOverlay) {
        graph = source->buildGraph(true);
        source->m_hasOverlay = graph.hasValue();
        if (!graph) {
            qCWarning(lcTestPattern, "clock overlay unavailable, plain pattern: %s",
                      qUtf8Printable(graph.error().message));
        }
    } else {
        static std::once_flag once;
        std::call_once(once, [] {
            qCInfo(lcTestPattern, "drawtext filter or %s missing: pattern without clock overlay",
                   kFontPath);
        });
    }
    if (!source->m_hasOverlay) {
        graph = source->buildGraph(false);
        if (!graph)
            return graph.error();
    }

    const bool isHevc = params.codec == QLatin1String("hevc");
    const AVCodec *codec = avcodec_find_encoder_by_name(isHevc ? "libx265" : "libx264");
    if (!codec)
        codec = avcodec_find_encoder(isHevc ? AV_CODEC_ID_HEVC : AV_CODEC_ID_H264);
    if (!codec) {
        return Error::unavailable(
                QStringLiteral("testsrc: no %1 encoder in this FFmpeg")
                        .arg(isHevc ? QStringLiteral("HEVC") : QStringLiteral("H.264")));
    }
    source->m_encoder.reset(avcodec_alloc_context3(codec));
    AVCodecContext *enc = source->m_encoder.get();
    if (!enc || !source->m_frame)
        return Error::internal(QStringLiteral("testsrc: out of memory"));
    enc->width = params.width;
    enc->height = params.height;
    enc->pix_fmt = AV_PIX_FMT_YUV420P;
    enc->time_base = AVRational{1, params.rate};
    enc->framerate = AVRational{params.rate, 1};
    enc->gop_size = params.gop;
    enc->keyint_min = params.gop;
    enc->max_b_frames = 0;
    enc->bit_rate = qint64(params.bitrateKbps) * 1000;
    enc->rc_max_rate = enc->bit_rate;
    enc->rc_buffer_size = int(enc->bit_rate); // one second of VBV: camera-like CBR
    enc->thread_count = 1;
    // By default no global header: the parameter sets are repeated in-band before every
    // keyframe, as most cameras do. With a global header the encoders put them in extradata
    // only, as cameras that announce them in the SDP alone.
    if (!params.parameterSetsInBand)
        enc->flags |= AV_CODEC_FLAG_GLOBAL_HEADER;
    const QLatin1String encoderName(codec->name);
    if (encoderName == QLatin1String("libx264")) {
        av_opt_set(enc->priv_data, "preset", "ultrafast", 0);
        av_opt_set(enc->priv_data, "tune", "zerolatency", 0);
        av_opt_set(enc->priv_data, "x264-params", "scenecut=0", 0);
    } else if (encoderName == QLatin1String("libx265")) {
        av_opt_set(enc->priv_data, "preset", "ultrafast", 0);
        av_opt_set(enc->priv_data, "tune", "zerolatency", 0);
        // x265 prints its banner straight to stderr unless told otherwise.
        const QByteArray x265 = QStringLiteral("keyint=%1:min-keyint=%1:scenecut=0:log-level=error")
                                        .arg(params.gop)
                                        .toLatin1();
        av_opt_set(enc->priv_data, "x265-params", x265.constData(), 0);
    }
    int ret = avcodec_open2(enc, codec, nullptr);
    if (ret < 0)
        return av::toError(ret,
                           QStringLiteral("testsrc: opening %1").arg(QLatin1String(codec->name)));
    source->m_parameters.reset(avcodec_parameters_alloc());
    if (!source->m_parameters)
        return Error::internal(QStringLiteral("testsrc: out of memory"));
    ret = avcodec_parameters_from_context(source->m_parameters.get(), enc);
    if (ret < 0)
        return av::toError(ret, QStringLiteral("testsrc: codec parameters"));
    return source;
}

Status TestPatternSource::read(AVPacket *pkt, bool *discontinuity)
{
    *discontinuity = false;
    av_packet_unref(pkt);
    for (;;) {
        int ret = avcodec_receive_packet(m_encoder.get(), pkt);
        if (ret == 0) {
            if (pkt->duration <= 0)
                pkt->duration = 1;
            pkt->stream_index = 0;
            return Ok{};
        }
        if (ret != AVERROR(EAGAIN))
            return av::toError(ret, QStringLiteral("testsrc: encoder"));
        ret = av_buffersink_get_frame(m_sink, m_frame.get());
        if (ret < 0)
            return av::toError(ret, QStringLiteral("testsrc: pattern"));
        m_frame->pts = m_frameIndex++;
        m_frame->pict_type = AV_PICTURE_TYPE_NONE;
        ret = avcodec_send_frame(m_encoder.get(), m_frame.get());
        av_frame_unref(m_frame.get());
        if (ret < 0)
            return av::toError(ret, QStringLiteral("testsrc: encoder"));
    }
}

} // namespace vms::media
