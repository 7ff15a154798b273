#pragma once

#include <QMetaType>
#include <QString>

namespace vms::media {

/** Life cycle of an ingested stream, as shown to operators and the API. */
enum class StreamState { Connecting, Online, Offline, Error };

/** "connecting", "online", "offline", "error". */
QString stateName(StreamState state);

/** Where a stream comes from and how to reach it. */
struct SourceConfig
{
    /**
     * rtsp://, rtsps://, http(s)://, file:///abs/path or /abs/path (looped in real time), or
     * testsrc://?size=1280x720&rate=25&bitrate_kbps=2000&gop=25[&codec=hevc] (a generated
     * H.264, or HEVC, pattern; gop defaults to the rate).
     */
    QString url;
    QString transport = QStringLiteral("tcp"); ///< "tcp" | "udp" (RTSP only)
    /** Injected (percent-encoded) into rtsp/http URLs that carry no userinfo of their own. */
    QString username, password;
    /**
     * HTTP(S) only: sent as "Authorization: Bearer <token>" with every request (the API's
     * signed archive URLs need the caller's token too). Never logged.
     */
    QString bearerToken;
    /** Connect timeout, and the longest silence while reading before the stream counts as lost. */
    int openTimeoutMs = 5000;
};

/** What a worker measured from the packets it received (nothing is decoded for this). */
struct StreamMeasurements
{
    StreamState state = StreamState::Offline;
    QString lastError;  ///< human-readable reason of the last failure (never contains the password)
    double fps = 0;     ///< video packets per second over the last ~5 s of stream time
    qint64 bitrate = 0; ///< video bits per second, same window
    int width = 0, height = 0;
    QString codec;            ///< "h264", "hevc", ...
    qint64 onlineSinceMs = 0; ///< wall clock ms, 0 when not online
    qint64 lastPacketMs = 0;
    // Additions to the agreed interface:
    int connectAttempts = 0;   ///< connection attempts since start()
    qint64 nextAttemptMs = 0;  ///< wall clock ms of the next attempt while backing off, else 0
    QString recordingError;    ///< last recording failure; cleared when a segment closes fine
    qint64 segmentsClosed = 0; ///< segments written completely since start()
};

/** A closed recording segment (an MPEG-TS file). Times are wall clock ms since the epoch. */
struct SegmentInfo
{
    QString path;
    qint64 startMs = 0;
    qint64 endMs = 0;
    qint64 bytes = 0;
    bool hasVideo = true;
};

/** How a StreamWorker behaves. */
struct WorkerOptions
{
    /** Empty: do not record. Segments go to recordDir/<YYYYMMDD, UTC>/<startMs>.ts */
    QString recordDir;
    /** Keyframe-aligned: a segment closes at the first keyframe at or after this length. */
    int segmentSeconds = 10;
    /**
     * Reconnect delays double from backoffMinMs up to backoffMaxMs (±10 % jitter). They start
     * over at backoffMinMs after a connection that stayed online for backoffResetAfterMs: a
     * camera that reboots after a long run is back quickly, one that drops every few seconds
     * is not hammered.
     */
    int backoffMinMs = 500, backoffMaxMs = 30000;
    int backoffResetAfterMs = 10000; ///< addition to the agreed interface
    /** Small probesize/analyzeduration and no demuxer buffering (live viewing). */
    bool lowLatency = false;
};

} // namespace vms::media

Q_DECLARE_METATYPE(vms::media::StreamState)
Q_DECLARE_METATYPE(vms::media::SegmentInfo)
Q_DECLARE_METATYPE(vms::media::StreamMeasurements)
