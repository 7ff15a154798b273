#pragma once

#include "core/media/ffmpeg_util.h"
#include "core/media/packet_source.h"

namespace vms::media {

/**
 * testsrc://: a libavfilter testsrc2 pattern with a drawtext clock (when drawtext and the DejaVu
 * font exist), encoded with libx264 (or libx265 with codec=hevc; ultrafast, zerolatency)
 * into the same packet path as a
 * camera. It runs as fast as it is read: the worker paces it in real time.
 */
class TestPatternSource final : public PacketSource
{
public:
    static constexpr const char *kFontPath = "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf";

    static Result<std::unique_ptr<TestPatternSource>> open(const TestPatternParams &params);

    const AVCodecParameters *codecParameters() const override { return m_parameters.get(); }
    AVRational timeBase() const override { return m_encoder->time_base; }
    double frameRate() const override { return m_params.rate; }
    bool needsPacing() const override { return true; }
    Status read(AVPacket *pkt, bool *discontinuity) override;

    /** Whether the clock overlay is drawn (false: drawtext or the font is missing). */
    bool hasClockOverlay() const { return m_hasOverlay; }

private:
    TestPatternSource() = default;
    Status buildGraph(bool withOverlay);

    TestPatternParams m_params;
    av::FilterGraphPtr m_graph;
    AVFilterContext *m_sink = nullptr; // owned by m_graph
    av::CodecContextPtr m_encoder;
    av::CodecParametersPtr m_parameters;
    av::FramePtr m_frame = av::makeFrame();
    qint64 m_frameIndex = 0;
    bool m_hasOverlay = false;
};

} // namespace vms::media
