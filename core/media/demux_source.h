#pragma once

#include "core/media/ffmpeg_util.h"
#include "core/media/packet_source.h"

namespace vms::media {

/** RTSP, HTTP and file input through libavformat; files loop forever. */
class DemuxSource final : public PacketSource
{
public:
    static Result<std::unique_ptr<DemuxSource>> open(const SourceAddress &address,
                                                     const OpenOptions &options);

    const AVCodecParameters *codecParameters() const override;
    AVRational timeBase() const override;
    double frameRate() const override { return m_frameRate; }
    bool needsPacing() const override { return m_isFile; }
    Status read(AVPacket *pkt, bool *discontinuity) override;

private:
    DemuxSource() = default;
    Status rewind();

    av::InputContextPtr m_input;
    InterruptControl *m_interrupt = nullptr;
    QString m_displayUrl;
    int m_timeoutMs = 5000;
    int m_videoIndex = -1;
    double m_frameRate = 0;
    bool m_isFile = false;
    bool m_pendingDiscontinuity = false;
    qint64 m_packetsSinceRewind = 0;
};

} // namespace vms::media
