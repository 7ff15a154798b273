#pragma once

// C++ ownership and error conversion for the FFmpeg C API. Only core/media (and tests) include
// this header: FFmpeg types never appear in the public interface of the media layer.

#include "core/domain/result.h"

#include <QString>

#include <memory>

extern "C" {
#include <libavcodec/avcodec.h>
#include <libavfilter/avfilter.h>
#include <libavformat/avformat.h>
#include <libavutil/dict.h>
#include <libswscale/swscale.h>
}

namespace vms::media::av {

/** Registers networking and routes FFmpeg's log into the "vms.media.ffmpeg" category; once. */
void ensureInitialized();

/** av_strerror() text of an AVERROR code. */
QString errorText(int averror);

/** "<context>: <av_strerror text>" as an Error; timeouts become ErrorKind::Timeout. */
Error toError(int averror, const QString &context);

struct InputContextDeleter
{
    void operator()(AVFormatContext *c) const { avformat_close_input(&c); }
};
using InputContextPtr = std::unique_ptr<AVFormatContext, InputContextDeleter>;

/** An output context whose AVIOContext is owned elsewhere (custom I/O). */
struct OutputContextDeleter
{
    void operator()(AVFormatContext *c) const { avformat_free_context(c); }
};
using OutputContextPtr = std::unique_ptr<AVFormatContext, OutputContextDeleter>;

/** A custom AVIOContext and the buffer FFmpeg may have reallocated. */
struct IoContextDeleter
{
    void operator()(AVIOContext *c) const
    {
        av_freep(&c->buffer);
        avio_context_free(&c);
    }
};
using IoContextPtr = std::unique_ptr<AVIOContext, IoContextDeleter>;

struct CodecContextDeleter
{
    void operator()(AVCodecContext *c) const { avcodec_free_context(&c); }
};
using CodecContextPtr = std::unique_ptr<AVCodecContext, CodecContextDeleter>;

struct CodecParametersDeleter
{
    void operator()(AVCodecParameters *p) const { avcodec_parameters_free(&p); }
};
using CodecParametersPtr = std::unique_ptr<AVCodecParameters, CodecParametersDeleter>;

struct PacketDeleter
{
    void operator()(AVPacket *p) const { av_packet_free(&p); }
};
using PacketPtr = std::unique_ptr<AVPacket, PacketDeleter>;

struct FrameDeleter
{
    void operator()(AVFrame *f) const { av_frame_free(&f); }
};
using FramePtr = std::unique_ptr<AVFrame, FrameDeleter>;

struct FilterGraphDeleter
{
    void operator()(AVFilterGraph *g) const { avfilter_graph_free(&g); }
};
using FilterGraphPtr = std::unique_ptr<AVFilterGraph, FilterGraphDeleter>;

struct FilterInOutDeleter
{
    void operator()(AVFilterInOut *io) const { avfilter_inout_free(&io); }
};
using FilterInOutPtr = std::unique_ptr<AVFilterInOut, FilterInOutDeleter>;

struct SwsContextDeleter
{
    void operator()(SwsContext *c) const { sws_freeContext(c); }
};
using SwsContextPtr = std::unique_ptr<SwsContext, SwsContextDeleter>;

PacketPtr makePacket();
FramePtr makeFrame();
/** A copy of the parameters (extradata included); null only when out of memory. */
CodecParametersPtr copyParameters(const AVCodecParameters *source);

/** An AVDictionary of options that frees itself. */
class Dictionary
{
public:
    Dictionary() = default;
    ~Dictionary() { av_dict_free(&m_dict); }
    Dictionary(const Dictionary &) = delete;
    Dictionary &operator=(const Dictionary &) = delete;

    void set(const char *key, const QString &value)
    {
        av_dict_set(&m_dict, key, value.toUtf8().constData(), 0);
    }
    void set(const char *key, qint64 value) { av_dict_set_int(&m_dict, key, value, 0); }
    /** For calls that take AVDictionary** (they consume recognised entries). */
    AVDictionary **ptr() { return &m_dict; }

private:
    AVDictionary *m_dict = nullptr;
};

/** Decodes packets (a GOP that starts with a keyframe) and keeps the newest picture. */
class Decoder
{
public:
    static Result<std::unique_ptr<Decoder>> open(const AVCodecParameters *parameters,
                                                 int threads = 1);
    /** Feeds one packet; decoding errors of single packets are tolerated (counted). */
    void send(const AVPacket *packet);
    /** Drains the decoder; returns the newest frame (in presentation order) or null. */
    AVFrame *finish();
    AVFrame *newest() const { return m_hasFrame ? m_newest.get() : nullptr; }
    int framesDecoded() const { return m_frames; }

private:
    void receiveAll();

    CodecContextPtr m_context;
    FramePtr m_scratch = makeFrame();
    FramePtr m_newest = makeFrame();
    bool m_hasFrame = false;
    int m_frames = 0;
};

} // namespace vms::media::av
