#pragma once

#include "core/domain/result.h"
#include "core/media/media_types.h"

#include <QString>

#include <atomic>
#include <memory>

extern "C" {
#include <libavformat/avio.h>
#include <libavutil/rational.h>
}

struct AVCodecParameters;
struct AVPacket;

namespace vms::media {

/**
 * Lets a blocked FFmpeg call (connect, read) return: on stop, or when the armed deadline has
 * passed. FFmpeg polls the callback every few ms inside its network loops.
 */
class InterruptControl
{
public:
    explicit InterruptControl(const std::atomic<bool> *stop = nullptr)
        : m_stop(stop)
    {}
    /** Deadline now + timeoutMs for the next blocking call(s). */
    void arm(int timeoutMs);
    void disarm() { m_deadlineUs.store(0, std::memory_order_relaxed); }
    bool hasTimedOut() const { return m_timedOut.load(std::memory_order_relaxed); }
    bool isStopRequested() const { return m_stop && m_stop->load(std::memory_order_relaxed); }
    AVIOInterruptCB callback() { return {&InterruptControl::check, this}; }

private:
    static int check(void *opaque);

    const std::atomic<bool> *m_stop;
    std::atomic<qint64> m_deadlineUs{0};
    std::atomic<bool> m_timedOut{false};
};

/** Test pattern parameters of a testsrc:// URL. */
struct TestPatternParams
{
    int width = 1280;
    int height = 720;
    int rate = 25;
    int bitrateKbps = 2000;
    int gop = 25;
    QString codec = QStringLiteral("h264"); ///< "h264" (libx264) or "hevc" (libx265)
    /**
     * False: parameter sets only in the codec parameters (extradata), never before keyframes,
     * like cameras that send them in the SDP only. Not settable from the URL; for tests.
     */
    bool parameterSetsInBand = true;
};

/** A SourceConfig checked and turned into what FFmpeg opens. */
struct SourceAddress
{
    enum class Kind { Rtsp, Http, File, TestPattern };
    Kind kind = Kind::Rtsp;
    QString ffmpegUrl;   ///< with the credentials injected; never log it
    QString displayUrl;  ///< without any password, for messages
    bool isTcp = true;   ///< RTSP transport
    QString httpHeaders; ///< HTTP only: extra request headers, CRLF-terminated; never log them
    int timeoutMs = 5000;
    TestPatternParams pattern;
};

/**
 * Validates the URL, injects username/password (percent-encoded) into rtsp/http URLs without
 * userinfo, turns file:// URLs into paths and reads testsrc:// parameters.
 * Error kind InvalidArgument: no retry can fix it.
 */
Result<SourceAddress> parseSource(const SourceConfig &config);

namespace av {
class Dictionary;
}
/**
 * The protocol options every opener of `address` sets: RTSP transport, socket timeouts, video
 * only, the HTTP headers. One place, so that ingest (DemuxSource) and viewing (VideoDecoder)
 * cannot drift apart.
 */
void setProtocolOptions(const SourceAddress &address, av::Dictionary &options);

/** A stream of video packets from a camera, a file or the test pattern. One thread only. */
class PacketSource
{
public:
    virtual ~PacketSource() = default;
    virtual const AVCodecParameters *codecParameters() const = 0;
    virtual AVRational timeBase() const = 0;
    /** Nominal frame rate (0 when unknown); only a fallback for packets without duration. */
    virtual double frameRate() const = 0;
    /** True for sources that would run faster than real time (files, the test pattern). */
    virtual bool needsPacing() const = 0;
    /**
     * The next video packet (pkt is unreferenced first). *discontinuity is set when timestamps
     * restart on purpose (a file loop). Errors are worded for operators.
     */
    virtual Status read(AVPacket *pkt, bool *discontinuity) = 0;
};

struct OpenOptions
{
    bool lowLatency = false;
    InterruptControl *interrupt = nullptr; ///< must outlive the source
};

/** Connects (within address.timeoutMs) and prepares reading the best video stream. */
Result<std::unique_ptr<PacketSource>> openPacketSource(const SourceAddress &address,
                                                       const OpenOptions &options);

} // namespace vms::media
