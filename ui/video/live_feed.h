#pragma once

#include "core/client/site_dto.h"
#include "core/media/video_decoder.h"

#include <QElapsedTimer>
#include <QObject>
#include <QSize>
#include <QTimer>

#include <memory>
#include <optional>

namespace vms::ui {

/**
 * The live video of one camera for one tile: runs a VideoDecoder (which decodes and converts on
 * its own worker thread) on the camera's main stream or substream, and hands the newest frame to
 * the GUI thread (frameArrived).
 *
 * Stream switching is seamless: when the wanted stream changes, a second decoder opens it while
 * the first one keeps delivering; the first frame of the new stream swaps them and stops the old
 * one. Hidden tiles, and tiles whose decoder falls behind, decode key frames only. A decoder
 * that gives up (finished()) is reopened with a growing delay.
 *
 * Live video comes straight from the camera's URLs (GET /cameras source), not through the
 * server, so it works the same with the embedded server and against a remote one. GUI thread.
 */
class LiveFeed : public QObject
{
    Q_OBJECT

public:
    enum class Quality { Main, Sub };
    /** What the operator is told about the feed. */
    enum class Health {
        Idle,         ///< no camera
        Connecting,   ///< opening, no frame yet
        Live,         ///< frames arrive
        Reconnecting, ///< it was live and the stream was lost; trying again
        Offline,      ///< the source does not answer (lastError() says why); trying again
    };

    explicit LiveFeed(QObject *parent = nullptr);
    ~LiveFeed() override;

    /** Starts showing @p camera (a camera without a URL, or an empty id, stops the feed). */
    void setCamera(const client::Camera &camera);
    /** Stops decoding and forgets the camera. */
    void clear();
    const client::Camera &camera() const { return m_camera; }
    bool hasCamera() const { return !m_camera.id.isEmpty(); }
    bool hasSubstream() const { return !m_camera.substreamUrl().isEmpty(); }

    /** A large tile wants the main stream, a small one the substream (when there is one). */
    void setWantsMainStream(bool wantsMain);
    /** The stream the tile should show now. */
    Quality wantedQuality() const;
    /** The stream whose frames are shown. */
    Quality activeQuality() const { return m_activeQuality; }
    /** True while a second decoder is opening the wanted stream. */
    bool isSwitching() const { return m_pending != nullptr; }

    /** Hidden tiles decode key frames only. */
    void setHidden(bool isHidden);
    bool isHidden() const { return m_isHidden; }
    /** The size the decoders convert to (device pixels); frames are never larger. */
    void setMaxSize(const QSize &size);

    /**
     * Periodic housekeeping (the live view calls it about twice a second): falls back to key
     * frames for a while when the decoder falls behind, or when the GUI does (most frames are
     * replaced in the slot before they are taken), and tries full decoding again later.
     */
    void poll();

    Health health() const;
    QString lastError() const { return m_lastError; }
    /** Key frames only asked for: hidden, or fallen behind (see poll()). */
    bool isKeyframesOnly() const { return m_isKeyframesOnly; }
    bool isBehind() const { return m_isBehind; }
    /** Statistics of the decoder whose frames are shown; default values without one. */
    media::VideoDecoder::Stats stats() const;
    /** The decoder whose frames are shown, or null (for tests and measurements). */
    const media::VideoDecoder *activeDecoder() const;
    /** Frames received from the decoders since the camera was set. */
    quint64 framesReceived() const { return m_framesReceived; }
    /** Frames the decoders produced that the GUI never took (replaced in the slot). */
    quint64 framesDropped() const;

signals:
    /** The newest frame; stale frames were dropped in the decoder's slot. */
    void frameArrived(const vms::media::VideoFrame &frame);
    void healthChanged();
    /** The shown stream changed (after the new stream delivered its first frame). */
    void qualityChanged(vms::ui::LiveFeed::Quality quality);

private:
    struct Stream;
    struct StreamDeleter
    {
        void operator()(Stream *stream) const;
    };
    using StreamPtr = std::unique_ptr<Stream, StreamDeleter>;

    StreamPtr open(Quality quality);
    void onFrameReady(quint64 streamId);
    void onStateChanged(quint64 streamId, media::StreamState state, const QString &reason);
    void onFinished(quint64 streamId);
    void startWanted();
    void scheduleRestart();
    void applyKeyframesOnly();
    void setHealthDirty();
    Stream *streamById(quint64 id) const;

    client::Camera m_camera;
    bool m_wantsMain = false;
    bool m_isHidden = false;
    QSize m_maxSize;

    StreamPtr m_active;
    StreamPtr m_pending;
    Quality m_activeQuality = Quality::Sub;
    quint64 m_nextStreamId = 1;

    bool m_hasFrame = false;
    bool m_wasLive = false;
    QString m_lastError;
    quint64 m_framesReceived = 0;
    quint64 m_droppedByClosed = 0;

    QTimer m_restartTimer;
    int m_restartDelayMs = 0;
    bool m_isKeyframesOnly = false;
    // Falling behind: key frames only until m_behindUntil, with a doubling penalty.
    bool m_isBehind = false;
    QElapsedTimer m_clock;
    qint64 m_behindUntilMs = 0;
    int m_behindPenaltyMs = 0;
    // The slot's counters at the last poll, to see frames dropped because nobody took them.
    quint64 m_pollStreamId = 0;
    quint64 m_polledProduced = 0;
    quint64 m_polledDropped = 0;
    int m_floodedPolls = 0;
    // A pending switch that fails is retried, but not in a tight loop.
    qint64 m_pendingRetryAtMs = 0;
    Health m_reportedHealth = Health::Idle;
};

} // namespace vms::ui
