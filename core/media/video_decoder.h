#pragma once

#include "core/media/frame_slot.h"
#include "core/media/media_types.h"

#include <QObject>
#include <QString>

#include <memory>

namespace vms::media {

struct DecoderOptions
{
    /**
     * Live: small probesize/analyzeduration, the stream-info probe skipped when the demuxer
     * already knows the codec (RTSP SDP, MPEG-TS PMT), low_delay decoding, no pacing (show as it
     * arrives). -fflags nobuffer is deliberately not set: with a stream-info probe it throws
     * away the probed packets, the first keyframe among them (measured: 1.1 s instead of 0.14 s
     * to the first frame on a source that starts at a keyframe).
     */
    bool lowLatency = true;
    /** Files/archive segments: release frames at their pts * 1/speed (real-time playback). */
    bool paced = false;
    /** 0.5 .. 8 when paced. */
    double speed = 1.0;
    /**
     * Paced sources: decode from the start but show nothing before this pts (seek inside a
     * segment).
     */
    qint64 startAtMs = 0;
    /** Scale down (keep aspect) to fit, on the decoder thread; 0 = native size. */
    int maxWidth = 0, maxHeight = 0;
    /** Decode only keyframes (AVDISCARD_NONKEY), e.g. hidden tiles or tiles that fall behind. */
    bool keyframesOnly = false;

    // Additions to the agreed interface:
    /** Reconnect delays (live and HTTP sources): backoffMinMs doubling up to backoffMaxMs. */
    int backoffMinMs = 500, backoffMaxMs = 10000;
    /** A connection that stayed up this long starts the backoff over. */
    int backoffResetAfterMs = 10000;
    /**
     * Falling behind: frames later than this (live: behind the stream's arrival; paced: behind
     * their release time) switch to keyframes only; below caughtUpMs, and at least holdMs later,
     * full decoding resumes at the next keyframe. The hold doubles (up to 10 s) when it falls
     * behind again within 10 s of recovering, so an overloaded tile does not flap.
     */
    int fallBehindMs = 1000, caughtUpMs = 200, holdMs = 2000;
};

/**
 * Decodes one source on its own thread (open, read, decode, sws_scale to BGRA, put into the slot).
 * Reconnects live sources with capped exponential backoff (core/media/backoff.h), reports state.
 * A tile owns one. A paced source ends at EOF (finished()). Falling behind (decode slower than
 * real time) switches itself to keyframes-only until it catches up, and says so in stats.
 *
 * Sources: everything SourceConfig takes (rtsp, rtsps, http(s), files, testsrc://). Files and
 * archive segments (http(s) MPEG-TS) are played once and end with finished() when paced or
 * when opened as a file; testsrc:// is always released in real time (it is generated). Live
 * rtsp/http sources reconnect with backoff; a paced source that fails mid-way reopens and
 * resumes after the last frame it showed.
 *
 * One decoding thread per decoder, FFmpeg's own threads off (thread_count 1): 16 tiles on 2
 * cores must not oversubscribe. The newest frame goes straight into the slot: no packet or
 * frame queue beyond what the codec needs.
 *
 * States: Connecting while an attempt runs; Online from the first frame of a connection;
 * Offline after a failure (while waiting for the next attempt), at the end of a paced source and
 * after stop(); Error for a source no retry can fix (a malformed URL).
 *
 * Thread: construct, open(), stop() and destroy on one (owner) thread; the setters, slot() and
 * stats() from any thread.
 */
class VideoDecoder : public QObject
{
    Q_OBJECT
public:
    explicit VideoDecoder(QObject *parent = nullptr);
    ~VideoDecoder() override; ///< stops and joins
    /** (Re)starts on its thread; returns at once. */
    void open(const SourceConfig &source, const DecoderOptions &options);
    /** Idempotent, returns within ~1 s even while connecting. */
    void stop();
    void setKeyframesOnly(bool on);
    void setMaxSize(int width, int height);
    void setSpeed(double speed); ///< clamped to 0.5 .. 8; paced sources
    /**
     * Paced: holds the position (a paused open() still shows its first frame, for seeking while
     * paused); live: keeps the connection and decodes nothing until resumed at a keyframe.
     * open() starts unpaused.
     */
    void setPaused(bool paused);
    FrameSlot &slot();
    struct Stats
    {
        StreamState state = StreamState::Offline;
        QString lastError;
        double decodedFps = 0;     ///< frames out of the decoder per second (wall clock, last ~2 s)
        double inputFps = 0;       ///< video packets per second of stream time (last ~5 s)
        qint64 bitrate = 0;        ///< video bits per second, same window
        int width = 0, height = 0; ///< decoded (source) size
        QString codec;
        bool keyframesOnly = false; ///< in effect: asked for, or because it fell behind
        bool fellBehind = false;    ///< keyframes only because decoding could not keep up
        qint64 firstFrameMs = -1;   ///< open() to first frame

        // Additions to the agreed interface:
        /** Size of the BGRA frames (after maxWidth/maxHeight). */
        int outputWidth = 0, outputHeight = 0;
        qint64 positionMs = -1; ///< ptsMs of the last frame put into the slot
        qint64 lagMs = 0;       ///< how late decoding runs (see DecoderOptions::fallBehindMs)
        quint64 framesDecoded = 0;
        quint64 framesShown = 0; ///< converted and put into the slot
        quint64 framesLate = 0;  ///< paced: decoded too late to be worth converting
        int fallBehindCount = 0; ///< times it switched itself to keyframes only
        int connectAttempts = 0;
        bool finished = false; ///< a paced source reached its end
    };
    Stats stats() const; ///< thread-safe

signals:               // from the decoder thread
    void frameReady(); ///< coalesced: at most one pending until slot().take() is called
    void stateChanged(vms::media::StreamState state, const QString &reason);
    void finished(); ///< paced source reached its end

private:
    class Impl;
    std::unique_ptr<Impl> d;
};

} // namespace vms::media
