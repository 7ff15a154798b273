#include "core/services/stream_service.h"

#include "core/storage/archive_repository.h"
#include "core/storage/camera_repository.h"
#include "core/storage/database.h"

#include <QCoreApplication>
#include <QDir>
#include <QDirIterator>
#include <QFile>
#include <QFileInfo>
#include <QJsonObject>
#include <QUuid>

namespace vms::services {

namespace {

/** Segments are removed in batches so that one retention pass never holds a long transaction. */
constexpr int kRetentionBatch = 200;

QString readOrCreateServerId(const QString &dataDir)
{
    QFile file(QDir(dataDir).filePath(QStringLiteral("server-id")));
    if (file.open(QIODevice::ReadOnly)) {
        const QUuid id = QUuid::fromString(QString::fromLatin1(file.readAll().trimmed()));
        if (!id.isNull())
            return id.toString(QUuid::WithoutBraces);
        file.close();
    }
    const QString id = QUuid::createUuid().toString(QUuid::WithoutBraces);
    if (file.open(QIODevice::WriteOnly | QIODevice::Truncate))
        file.write(id.toLatin1() + '\n');
    return id;
}

QString stringField(const QJsonObject &o, const char *key)
{
    return o.value(QLatin1String(key)).toString();
}

} // namespace

StreamService::StreamService(storage::Database &db, const Clock &clock, QString dataDir)
    : m_db(db)
    , m_clock(clock)
    , m_dataDir(std::move(dataDir))
    , m_serverId(readOrCreateServerId(m_dataDir))
    , m_archive(std::make_unique<storage::ArchiveRepository>(db))
    , m_cameras(std::make_unique<storage::CameraRepository>(db))
{
    connect(&m_syncTimer, &QTimer::timeout, this, [this] { syncNow(); });
    connect(&m_retentionTimer, &QTimer::timeout, this, [this] { enforceRetention(); });
}

StreamService::~StreamService()
{
    stop();
}

QString StreamService::substreamId(const QString &cameraId)
{
    return QUuid::createUuidV5(QUuid::fromString(cameraId), QStringLiteral("substream"))
            .toString(QUuid::WithoutBraces);
}

QString StreamService::streamDir(const QString &streamId) const
{
    return QDir(m_dataDir).filePath(QStringLiteral("archive/") + streamId);
}

QString StreamService::segmentFilePath(const ArchiveSegment &segment) const
{
    return QDir(m_dataDir).filePath(segment.path);
}

Status StreamService::start(const StreamServerOptions &options)
{
    if (m_running.loadAcquire())
        return Ok{};
    qRegisterMetaType<media::SegmentInfo>();
    qRegisterMetaType<media::StreamState>();
    m_options = options;
    QDir().mkpath(QDir(m_dataDir).filePath(QStringLiteral("archive")));

    const qint64 now = m_clock.nowMs();
    // Outages left open by the previous run end when that run was last seen alive; the time the
    // server itself was down is not counted against the cameras.
    qint64 lastSeen = now;
    if (auto servers = m_archive->servers()) {
        for (const StreamServerRecord &s : std::as_const(*servers)) {
            if (s.id == m_serverId)
                lastSeen = qMin(now, s.lastSeenAtMs);
        }
    }
    if (Status s = m_archive->closeAllDowntimes(lastSeen); !s)
        return s;
    if (Status s = recoverArchive(); !s)
        return s;
    StreamServerRecord me;
    me.id = m_serverId;
    me.host = m_options.host;
    me.schedulerGroup = m_options.schedulerGroup;
    me.tags = m_options.tags;
    me.startedAtMs = now;
    me.lastSeenAtMs = now;
    if (Status s = m_archive->upsertServer(me); !s)
        return s;
    m_running.storeRelease(1);
    if (Status s = syncNow(); !s)
        qWarning("stream service: first sync failed: %s", qPrintable(s.error().message));
    m_syncTimer.start(m_options.syncIntervalMs);
    m_retentionTimer.start(m_options.retentionIntervalMs);
    return Ok{};
}

void StreamService::stop()
{
    m_syncTimer.stop();
    m_retentionTimer.stop();
    QHash<QString, Running> streams;
    {
        QMutexLocker lock(&m_mutex);
        streams.swap(m_streams);
    }
    // Each worker closes its open segment; its segmentClosed arrives queued and is indexed
    // below, while this thread still runs.
    for (Running &r : streams)
        r.worker->stop();
    QCoreApplication::sendPostedEvents(this);
    streams.clear();
    m_running.storeRelease(0);
}

bool StreamService::servesCamera(const Camera &camera) const
{
    if (!camera.schedulerGroup || camera.schedulerGroup->isEmpty())
        return true;
    return m_options.schedulerGroup && *camera.schedulerGroup == *m_options.schedulerGroup;
}

StreamService::Desired StreamService::desiredStreams(const QList<Camera> &cameras) const
{
    Desired out;
    for (const Camera &c : cameras) {
        if (!servesCamera(c))
            continue;
        const QString url = stringField(c.source, "url");
        if (url.isEmpty())
            continue;
        Running main;
        main.cameraRevision = c.revision;
        main.source.url = url;
        main.source.transport
                = c.source.value(QStringLiteral("transport")).toString(QStringLiteral("tcp"));
        main.source.username = stringField(c.source, "username");
        main.source.password = stringField(c.source, "password");
        main.workerOptions.segmentSeconds = m_options.segmentSeconds;
        const QJsonObject storage = c.videoStorage.value_or(QJsonObject());
        if (storage.value(QStringLiteral("enabled")).toBool(true))
            main.workerOptions.recordDir = streamDir(c.id);
        out.insert(c.id, main);

        const QString subUrl = stringField(c.source, "substream_url");
        if (!subUrl.isEmpty()) {
            Running sub = main;
            sub.source.url = subUrl;
            sub.workerOptions.recordDir.clear(); // watched for its health, not recorded
            out.insert(substreamId(c.id), sub);
        }
    }
    return out;
}

void StreamService::startWorker(const QString &streamId, Running running)
{
    auto *raw = new media::StreamWorker(streamId, running.source, running.workerOptions);
    // The last reference may be dropped on an HTTP thread: stop there (joins the worker's own
    // thread), but delete on this one, which the QObject belongs to.
    running.worker = std::shared_ptr<media::StreamWorker>(raw, [](media::StreamWorker *w) {
        w->stop();
        w->deleteLater();
    });
    connect(
            raw, &media::StreamWorker::segmentClosed, this,
            [this](const QString &id, const media::SegmentInfo &segment) {
                onSegmentClosed(id, segment);
            },
            Qt::QueuedConnection);
    connect(
            raw, &media::StreamWorker::outageStarted, this,
            [this](const QString &id, qint64 atMs, const QString &reason) {
                onOutageStarted(id, atMs, reason);
            },
            Qt::QueuedConnection);
    connect(
            raw, &media::StreamWorker::outageEnded, this,
            [this](const QString &id, qint64 atMs) { onOutageEnded(id, atMs); },
            Qt::QueuedConnection);
    connect(
            raw, &media::StreamWorker::stateChanged, this,
            [this](const QString &id, media::StreamState state, const QString &) {
                if (state == media::StreamState::Online)
                    onOutageEnded(id, m_clock.nowMs());
            },
            Qt::QueuedConnection);
    raw->start();
    QMutexLocker lock(&m_mutex);
    m_streams.insert(streamId, std::move(running));
}

Status StreamService::syncNow()
{
    if (!m_running.loadAcquire())
        return Ok{};
    auto cameras = m_cameras->list(storage::CameraQuery{});
    if (!cameras)
        return cameras.error();
    Desired desired = desiredStreams(*cameras);

    QList<std::shared_ptr<media::StreamWorker>> retired;
    QList<QPair<QString, Running>> toStart;
    {
        QMutexLocker lock(&m_mutex);
        for (auto it = m_streams.begin(); it != m_streams.end();) {
            const auto want = desired.constFind(it.key());
            const bool same
                    = want != desired.cend()
                      && (want->cameraRevision == it->cameraRevision
                          || (want->source.url == it->source.url
                              && want->source.transport == it->source.transport
                              && want->source.username == it->source.username
                              && want->source.password == it->source.password
                              && want->workerOptions.recordDir == it->workerOptions.recordDir));
            if (same) {
                it->cameraRevision = want->cameraRevision;
                ++it;
            } else {
                retired.append(it->worker);
                it = m_streams.erase(it);
            }
        }
        for (auto it = desired.begin(); it != desired.end(); ++it) {
            if (!m_streams.contains(it.key()))
                toStart.append({it.key(), it.value()});
        }
    }
    for (auto &worker : retired) {
        const QString id = worker->streamId();
        worker.reset();
        // A stream that is no longer wanted is not "down": its open outage ends now.
        if (Status s = m_archive->closeDowntime(id, m_clock.nowMs()); !s)
            qWarning("stream service: %s", qPrintable(s.error().message));
    }
    for (auto &[id, running] : toStart)
        startWorker(id, std::move(running));
    return m_archive->touchServer(m_serverId, m_clock.nowMs());
}

std::optional<media::StreamMeasurements> StreamService::measurements(const QString &streamId) const
{
    std::shared_ptr<media::StreamWorker> worker;
    {
        QMutexLocker lock(&m_mutex);
        const auto it = m_streams.constFind(streamId);
        if (it == m_streams.cend())
            return std::nullopt;
        worker = it->worker;
    }
    return worker->measurements();
}

Result<QByteArray> StreamService::snapshot(const QString &cameraId) const
{
    std::shared_ptr<media::StreamWorker> worker;
    {
        QMutexLocker lock(&m_mutex);
        const auto it = m_streams.constFind(cameraId);
        if (it != m_streams.cend())
            worker = it->worker;
    }
    if (!worker)
        return Error::unavailable(
                QStringLiteral("The camera's stream is not running on this server"));
    auto jpeg = worker->snapshotJpeg();
    if (!jpeg)
        return Error::unavailable(
                QStringLiteral("No frame from the camera yet: %1").arg(jpeg.error().message));
    return jpeg;
}

Result<StreamService::StreamRef> StreamService::resolve(const Principal &who,
                                                        const QString &streamId)
{
    const auto visible = [&who](const Camera &c) {
        return who.user.isSuperuser || c.organizationId == who.user.organizationId;
    };
    auto camera = m_cameras->find(streamId);
    if (!camera)
        return camera.error();
    if (*camera && visible(**camera))
        return StreamRef{streamId, **camera, false};
    if (!*camera) {
        // A substream id cannot be turned back into its camera's; look among the cameras the
        // caller can see.
        storage::CameraQuery q;
        if (!who.user.isSuperuser)
            q.organizationId = who.user.organizationId;
        auto cameras = m_cameras->list(q);
        if (!cameras)
            return cameras.error();
        for (const Camera &c : std::as_const(*cameras)) {
            if (substreamId(c.id) == streamId && !stringField(c.source, "substream_url").isEmpty())
                return StreamRef{streamId, c, true};
        }
    }
    return Error::notFound(QStringLiteral("Stream not found"));
}

void StreamService::onSegmentClosed(const QString &streamId, const media::SegmentInfo &segment)
{
    ArchiveSegment s;
    s.streamId = streamId;
    s.startMs = segment.startMs;
    s.endMs = qMax(segment.endMs, segment.startMs + 1);
    s.path = QDir(m_dataDir).relativeFilePath(segment.path);
    s.bytes = segment.bytes;
    s.createdAtMs = m_clock.nowMs();
    auto id = m_archive->insertSegment(s);
    if (!id) {
        qWarning("stream service: cannot index %s: %s", qPrintable(segment.path),
                 qPrintable(id.error().message));
        return;
    }
    emit segmentIndexed(streamId, s.startMs, s.endMs);
}

void StreamService::onOutageStarted(const QString &streamId, qint64 atMs, const QString &reason)
{
    auto open = m_archive->openDowntimeOf(streamId);
    if (open && *open)
        return; // one period per outage, however many reconnects fail
    if (auto r = m_archive->openDowntime(streamId, atMs, reason); !r)
        qWarning("stream service: %s", qPrintable(r.error().message));
}

void StreamService::onOutageEnded(const QString &streamId, qint64 atMs)
{
    if (Status s = m_archive->closeDowntime(streamId, atMs); !s)
        qWarning("stream service: %s", qPrintable(s.error().message));
}

Status StreamService::removeSegment(const ArchiveSegment &segment)
{
    // The file goes first: a crash in between leaves an index row without a file, which
    // recovery drops; the other order would leave an orphan file that recovery re-indexes.
    const QString path = segmentFilePath(segment);
    if (QFile::exists(path) && !QFile::remove(path))
        return Error::internal(QStringLiteral("Cannot remove %1").arg(path));
    return m_archive->removeSegment(segment.id);
}

Status StreamService::enforceRetention()
{
    const qint64 now = m_clock.nowMs();
    // Retention of each recorded stream: video_storage.retention_days and .quota_mb of its
    // camera; streams whose camera is gone keep the default age limit.
    QHash<QString, QPair<int, qint64>> limits; // stream -> (days, quota bytes)
    auto cameras = m_cameras->list(storage::CameraQuery{});
    if (!cameras)
        return cameras.error();
    for (const Camera &c : std::as_const(*cameras)) {
        const QJsonObject storage = c.videoStorage.value_or(QJsonObject());
        const int days = storage.value(QStringLiteral("retention_days"))
                                 .toInt(m_options.defaultRetentionDays);
        const qint64 quotaMb = qint64(storage.value(QStringLiteral("quota_mb")).toDouble(0));
        limits.insert(c.id, {days > 0 ? days : m_options.defaultRetentionDays,
                             quotaMb > 0 ? quotaMb * 1024 * 1024 : 0});
    }
    auto streams = m_archive->streamsWithSegments();
    if (!streams)
        return streams.error();
    for (const QString &stream : std::as_const(*streams)) {
        const auto limit = limits.value(stream, {m_options.defaultRetentionDays, 0});
        const qint64 cutoff = now - qint64(limit.first) * 24 * 3600 * 1000;
        for (;;) {
            auto old = m_archive->segmentsEndedBefore(stream, cutoff, kRetentionBatch);
            if (!old)
                return old.error();
            for (const ArchiveSegment &s : std::as_const(*old)) {
                if (Status st = removeSegment(s); !st)
                    return st;
            }
            if (old->size() < kRetentionBatch)
                break;
        }
        if (limit.second > 0) {
            auto bytes = m_archive->totalBytes(stream);
            if (!bytes)
                return bytes.error();
            qint64 total = *bytes;
            while (total > limit.second) {
                auto oldest = m_archive->oldestSegments(stream, kRetentionBatch);
                if (!oldest)
                    return oldest.error();
                if (oldest->isEmpty())
                    break;
                for (const ArchiveSegment &s : std::as_const(*oldest)) {
                    if (total <= limit.second)
                        break;
                    if (Status st = removeSegment(s); !st)
                        return st;
                    total -= s.bytes;
                }
            }
        }
    }
    if (m_options.maxArchiveBytes > 0) {
        auto bytes = m_archive->totalBytes(std::nullopt);
        if (!bytes)
            return bytes.error();
        qint64 total = *bytes;
        while (total > m_options.maxArchiveBytes) {
            auto oldest = m_archive->oldestSegments(std::nullopt, kRetentionBatch);
            if (!oldest)
                return oldest.error();
            if (oldest->isEmpty())
                break;
            for (const ArchiveSegment &s : std::as_const(*oldest)) {
                if (total <= m_options.maxArchiveBytes)
                    break;
                if (Status st = removeSegment(s); !st)
                    return st;
                total -= s.bytes;
            }
        }
    }
    return Ok{};
}

Status StreamService::indexFile(const QString &streamId, const QString &absolutePath,
                                qint64 startMs)
{
    auto probe = media::probeFile(absolutePath);
    if (!probe || probe->durationMs <= 0 || !probe->hasKeyframe) {
        qWarning("stream service: removing unreadable recording %s", qPrintable(absolutePath));
        QFile::remove(absolutePath);
        return Ok{};
    }
    ArchiveSegment s;
    s.streamId = streamId;
    s.startMs = startMs;
    s.endMs = startMs + probe->durationMs;
    s.path = QDir(m_dataDir).relativeFilePath(absolutePath);
    s.bytes = QFileInfo(absolutePath).size();
    s.createdAtMs = m_clock.nowMs();
    auto id = m_archive->insertSegment(s);
    if (!id)
        return id.error();
    return Ok{};
}

Status StreamService::recoverArchive()
{
    const QDir root(QDir(m_dataDir).filePath(QStringLiteral("archive")));
    QStringList streams = root.entryList(QDir::Dirs | QDir::NoDotAndDotDot);
    auto indexedStreams = m_archive->streamsWithSegments();
    if (!indexedStreams)
        return indexedStreams.error();
    for (const QString &s : std::as_const(*indexedStreams)) {
        if (!streams.contains(s))
            streams.append(s);
    }
    for (const QString &stream : std::as_const(streams)) {
        auto indexed = m_archive->allSegments(stream);
        if (!indexed)
            return indexed.error();
        QSet<QString> known;
        for (const ArchiveSegment &seg : std::as_const(*indexed)) {
            if (QFile::exists(segmentFilePath(seg))) {
                known.insert(seg.path);
            } else if (Status st = m_archive->removeSegment(seg.id); !st) {
                return st;
            }
        }
        QDirIterator it(root.filePath(stream),
                        {QStringLiteral("*.ts"), QStringLiteral("*.ts.part")}, QDir::Files,
                        QDirIterator::Subdirectories);
        while (it.hasNext()) {
            QString path = it.next();
            bool ok = false;
            const qint64 startMs = it.fileName().section(QLatin1Char('.'), 0, 0).toLongLong(&ok);
            if (!ok) {
                qWarning("stream service: ignoring %s (not a recording's name)", qPrintable(path));
                continue;
            }
            if (path.endsWith(QLatin1String(".part"))) {
                // The segment being written when the previous run died. MPEG-TS survives
                // truncation, so whatever reached the disk is kept if it decodes.
                const QString finished = path.chopped(5);
                if (!QFile::rename(path, finished)) {
                    QFile::remove(path);
                    continue;
                }
                path = finished;
            }
            if (known.contains(QDir(m_dataDir).relativeFilePath(path)))
                continue;
            if (Status st = indexFile(stream, path, startMs); !st)
                return st;
        }
    }
    return Ok{};
}

} // namespace vms::services
