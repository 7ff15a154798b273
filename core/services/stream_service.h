#pragma once

#include "core/domain/archive.h"
#include "core/domain/camera.h"
#include "core/domain/clock.h"
#include "core/domain/result.h"
#include "core/media/stream_worker.h"
#include "core/services/principal.h"

#include <QHash>
#include <QMutex>
#include <QObject>
#include <QTimer>

#include <memory>
#include <optional>

namespace vms::storage {
class Database;
class ArchiveRepository;
class CameraRepository;
} // namespace vms::storage

namespace vms::services {

/** How this server takes part in ingest and recording (§22 stream servers). */
struct StreamServerOptions
{
    QString host;                          ///< advertised host of this server
    std::optional<QString> schedulerGroup; ///< cameras of another group are left to others
    QStringList tags;
    int segmentSeconds = 10;
    qint64 maxArchiveBytes = 0; ///< all streams together; 0: no global quota
    int defaultRetentionDays = 30;
    int syncIntervalMs = 2000;       ///< how often the camera list is compared with the workers
    int retentionIntervalMs = 60000; ///< how often age and quota limits are applied
};

/**
 * Ingest and recording of the cameras this server is responsible for: one media::StreamWorker
 * per stream (a camera's main stream has the camera's id as stream id; its substream, when the
 * source has a substream_url, has substreamId(camera id) and is watched but not recorded).
 * Closed segments go into the archive index, outages into the downtime table. Retention removes
 * the oldest segments first, by age and by quota, and never stops a recording.
 *
 * Lives on the thread that calls start() (which needs an event loop); the query methods are
 * thread-safe and called from the HTTP worker threads.
 */
class StreamService : public QObject
{
    Q_OBJECT
public:
    StreamService(storage::Database &db, const Clock &clock, QString dataDir);
    ~StreamService() override;

    /** This installation's stream server id (a UUID kept in the data dir). */
    QString serverId() const { return m_serverId; }
    const StreamServerOptions &options() const { return m_options; }
    bool isRunning() const { return m_running.loadAcquire(); }

    /**
     * Repairs the archive after an unclean stop, registers this server, starts the workers and
     * the periodic sync and retention.
     */
    Status start(const StreamServerOptions &options);
    void stop();

    /** The stream id of a camera's substream: UUID v5 of the name "substream" in the camera's id.
     */
    static QString substreamId(const QString &cameraId);

    struct StreamRef
    {
        QString streamId;
        Camera camera;
        bool isSubstream = false;
    };
    /** The camera behind a stream id, if the caller may see it; 404 otherwise. */
    Result<StreamRef> resolve(const Principal &who, const QString &streamId);
    /** Live measurements of a stream this server runs; nullopt when it runs no such stream. */
    std::optional<media::StreamMeasurements> measurements(const QString &streamId) const;
    /** JPEG of the newest frame of the camera's running main stream. */
    Result<QByteArray> snapshot(const QString &cameraId) const;

    /** Compares the cameras with the running workers now (also runs on a timer). */
    Status syncNow();
    /** Applies the age and quota limits now (also runs on a timer). */
    Status enforceRetention();
    /** Absolute path of an indexed segment's file. */
    QString segmentFilePath(const ArchiveSegment &segment) const;
    /** Folder of a stream's recordings. */
    QString streamDir(const QString &streamId) const;

    /** Repairs index and files after an unclean stop (called by start(); public for tests). */
    Status recoverArchive();

signals:
    /** A segment was indexed (tests and the console's timeline wait for these). */
    void segmentIndexed(const QString &streamId, qint64 startMs, qint64 endMs);

private:
    struct Running
    {
        std::shared_ptr<media::StreamWorker> worker;
        qint64 cameraRevision = -1;
        media::SourceConfig source;
        media::WorkerOptions workerOptions;
    };
    using Desired = QHash<QString, Running>;

    Desired desiredStreams(const QList<Camera> &cameras) const;
    bool servesCamera(const Camera &camera) const;
    void startWorker(const QString &streamId, Running running);
    void onSegmentClosed(const QString &streamId, const media::SegmentInfo &segment);
    void onOutageStarted(const QString &streamId, qint64 atMs, const QString &reason);
    void onOutageEnded(const QString &streamId, qint64 atMs);
    Status removeSegment(const ArchiveSegment &segment);
    Status indexFile(const QString &streamId, const QString &absolutePath, qint64 startMs);

    storage::Database &m_db;
    const Clock &m_clock;
    QString m_dataDir;
    QString m_serverId;
    StreamServerOptions m_options;
    std::unique_ptr<storage::ArchiveRepository> m_archive;
    std::unique_ptr<storage::CameraRepository> m_cameras;
    QTimer m_syncTimer;
    QTimer m_retentionTimer;
    QAtomicInt m_running;
    mutable QMutex m_mutex; ///< guards m_streams
    QHash<QString, Running> m_streams;
};

} // namespace vms::services
