#pragma once

#include "core/domain/result.h"
#include "core/media/media_probe.h"
#include "core/media/media_types.h"

#include <QByteArray>
#include <QObject>

#include <memory>

namespace vms::media {

/**
 * Ingests one stream on its own thread ("vms-ingest"): connects, measures the packets, keeps the
 * current GOP for snapshots, records MPEG-TS segments (see SegmentRecorder) and reconnects with
 * capped exponential backoff. Nothing is decoded except on a snapshot request.
 *
 * States: Connecting while an attempt runs; Online from its first packet; Offline after a
 * failure or loss (while waiting for the next attempt) and after stop(); Error for a
 * configuration no retry can fix (bad URL or testsrc parameters), which ends the attempts.
 * Outages: outageStarted once per outage — when a stream that was online is lost (atMs = its
 * last packet) or when the first attempt fails (atMs = now); outageEnded at the first packet
 * after it. A deliberate stop() is not an outage.
 *
 * Thread: construct, start(), stop() and destroy on one (owner) thread; measurements() and
 * snapshotJpeg() from any thread. Signals are emitted from the worker thread.
 */
class StreamWorker : public QObject
{
    Q_OBJECT
public:
    StreamWorker(QString streamId, SourceConfig source, WorkerOptions options,
                 QObject *parent = nullptr);
    ~StreamWorker() override; ///< stops and joins; closes the open segment properly

    /** Starts the worker thread and returns at once; no-op while running. */
    void start();
    /** Idempotent; returns within ~1 s even while connecting (interrupt callback). */
    void stop();
    bool isRunning() const;

    QString streamId() const;
    /** Thread-safe snapshot of the measurements. */
    StreamMeasurements measurements() const;
    /**
     * JPEG of the newest frame, decoded on demand from the packets kept since the last keyframe
     * (no new connection, no continuous decoding). Error when no frame yet.
     * Thread-safe, may take up to ~200 ms (a 2 s GOP of 1080p).
     */
    Result<QByteArray> snapshotJpeg(int quality = 85) const;

signals: // emitted from the worker thread (connect with Qt::QueuedConnection or DirectConnection
         // knowingly)
    void stateChanged(const QString &streamId, vms::media::StreamState state,
                      const QString &reason);
    /** Stream lost or never reached. */
    void outageStarted(const QString &streamId, qint64 atMs, const QString &reason);
    void outageEnded(const QString &streamId, qint64 atMs);
    void segmentClosed(const QString &streamId, const vms::media::SegmentInfo &segment);

private:
    class Impl;
    std::unique_ptr<Impl> d;
};

} // namespace vms::media
