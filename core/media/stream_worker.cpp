#include "core/media/stream_worker.h"

#include "core/media/backoff.h"
#include "core/media/ffmpeg_util.h"
#include "core/media/gop_cache.h"
#include "core/media/packet_source.h"
#include "core/media/rate_meter.h"
#include "core/media/segment_recorder.h"
#include "core/media/timeline.h"
#include "core/media/wall_clock_mapper.h"

#include <QDateTime>
#include <QLoggingCategory>
#include <QMutex>
#include <QMutexLocker>
#include <QThread>

#include <atomic>
#include <chrono>
#include <condition_variable>
#include <mutex>
#include <optional>

Q_LOGGING_CATEGORY(lcWorker, "vms.media.worker")

namespace vms::media {

namespace {

const AVRational kMicroseconds{1, AV_TIME_BASE};

qint64 nowMs()
{
    return QDateTime::currentMSecsSinceEpoch();
}

std::optional<qint64> toUs(int64_t ts, AVRational tb)
{
    if (ts == AV_NOPTS_VALUE)
        return std::nullopt;
    return av_rescale_q(ts, tb, kMicroseconds);
}

} // namespace

QString stateName(StreamState state)
{
    switch (state) {
    case StreamState::Connecting:
        return QStringLiteral("connecting");
    case StreamState::Online:
        return QStringLiteral("online");
    case StreamState::Offline:
        return QStringLiteral("offline");
    case StreamState::Error:
        return QStringLiteral("error");
    }
    return QStringLiteral("error");
}

class StreamWorker::Impl
{
public:
    Impl(StreamWorker *q, QString id, SourceConfig source, WorkerOptions options)
        : q(q)
        , id(std::move(id))
        , source(std::move(source))
        , options(std::move(options))
    {}

    // What ended a connection.
    struct ConnectionEnd
    {
        QString reason;
        bool wasOnline = false;
        qint64 onlineSinceMs = 0;
    };

    void run();
    ConnectionEnd runConnection(PacketSource &src, InterruptControl &interrupt, int timeoutMs);
    /** Sleeps until the deadline; false when stop() interrupted it. */
    bool waitUntil(std::chrono::steady_clock::time_point deadline);
    void setState(StreamState state, const QString &reason);
    void goOnline(qint64 atMs);
    void goOffline(const QString &reason, qint64 outageAtMs);
    void handle(const SegmentRecorder::Outcome &outcome);

    StreamWorker *const q;
    const QString id;
    const SourceConfig source;
    const WorkerOptions options;

    std::mutex lifecycleMutex; // start/stop
    std::unique_ptr<QThread> thread;
    std::atomic<bool> stopRequested{false};
    std::mutex waitMutex;
    std::condition_variable waitCv;

    mutable QMutex mutex; // guards m
    StreamMeasurements m;
    GopCache gop;

    // Worker thread only.
    Timeline timeline;
    WallClockMapper wall;
    RateMeter meter;
    std::unique_ptr<SegmentRecorder> recorder;
    bool inOutage = false;
    qint64 lastPacketMs = 0;
    QString lastLoggedRecordingError;
};

bool StreamWorker::Impl::waitUntil(std::chrono::steady_clock::time_point deadline)
{
    std::unique_lock lock(waitMutex);
    return !waitCv.wait_until(lock, deadline, [this] { return stopRequested.load(); });
}

void StreamWorker::Impl::setState(StreamState state, const QString &reason)
{
    {
        QMutexLocker lock(&mutex);
        if (m.state == state)
            return;
        m.state = state;
        if (state != StreamState::Online) {
            m.onlineSinceMs = 0;
            m.fps = 0;
            m.bitrate = 0;
        }
        if (!reason.isEmpty() && (state == StreamState::Offline || state == StreamState::Error))
            m.lastError = reason;
    }
    emit q->stateChanged(id, state, reason);
}

void StreamWorker::Impl::goOnline(qint64 atMs)
{
    {
        QMutexLocker lock(&mutex);
        m.onlineSinceMs = atMs;
        m.nextAttemptMs = 0;
    }
    setState(StreamState::Online, {});
    if (inOutage) {
        inOutage = false;
        qCInfo(lcWorker, "%s: online again", qUtf8Printable(id));
        emit q->outageEnded(id, atMs);
    }
}

void StreamWorker::Impl::goOffline(const QString &reason, qint64 outageAtMs)
{
    setState(StreamState::Offline, reason);
    {
        QMutexLocker lock(&mutex);
        m.lastError = reason; // also when already offline (the reason of this attempt)
    }
    if (!inOutage) {
        inOutage = true;
        qCInfo(lcWorker, "%s: outage: %s", qUtf8Printable(id), qUtf8Printable(reason));
        emit q->outageStarted(id, outageAtMs, reason);
    }
}

void StreamWorker::Impl::handle(const SegmentRecorder::Outcome &outcome)
{
    if (outcome.closed) {
        {
            QMutexLocker lock(&mutex);
            ++m.segmentsClosed;
            m.recordingError.clear();
        }
        lastLoggedRecordingError.clear();
        emit q->segmentClosed(id, *outcome.closed);
    }
    if (!outcome.error.isEmpty()) {
        {
            QMutexLocker lock(&mutex);
            m.recordingError = outcome.error;
            m.lastError = outcome.error;
        }
        // A full disk fails once per keyframe: log when the reason changes, not every second.
        if (outcome.error != lastLoggedRecordingError) {
            lastLoggedRecordingError = outcome.error;
            qCWarning(lcWorker, "%s: %s", qUtf8Printable(id), qUtf8Printable(outcome.error));
        }
    }
}

StreamWorker::Impl::ConnectionEnd
StreamWorker::Impl::runConnection(PacketSource &src, InterruptControl &interrupt, int timeoutMs)
{
    ConnectionEnd end;
    const AVCodecParameters *par = src.codecParameters();
    {
        QMutexLocker lock(&mutex);
        m.width = par->width;
        m.height = par->height;
        m.codec = QString::fromLatin1(avcodec_get_name(par->codec_id));
    }
    gop.reset(par);
    if (recorder)
        recorder->setCodecParameters(par);
    const double rate = src.frameRate();
    timeline.setNominalDurationUs(rate > 0 ? qint64(1e6 / rate) : 0);
    timeline.startConnection(lastPacketMs > 0 ? (nowMs() - lastPacketMs) * 1000 : 0);
    wall.reset();
    meter.clear();

    using Clock = std::chrono::steady_clock;
    std::optional<std::pair<Clock::time_point, qint64>> paceAnchor;
    auto packet = av::makePacket();
    const AVRational tb = src.timeBase();
    for (;;) {
        bool discontinuity = false;
        // A read that gets no data for timeoutMs ends the connection: the stream is lost.
        interrupt.arm(timeoutMs);
        Status st = src.read(packet.get(), &discontinuity);
        interrupt.disarm();
        if (!st) {
            end.reason = st.error().message;
            break;
        }
        if (discontinuity)
            timeline.markDiscontinuity();
        const Timeline::Stamp stamp
                = timeline.map(toUs(packet->dts, tb), toUs(packet->pts, tb),
                               av_rescale_q(packet->duration, tb, kMicroseconds));
        if (src.needsPacing()) {
            // Files and the pattern would run as fast as the disk: release each packet at its
            // time. After a stall (a starved CPU) pacing starts over instead of catching up.
            const Clock::time_point now = Clock::now();
            auto target = [&] {
                return paceAnchor->first
                       + std::chrono::microseconds(stamp.dtsUs - paceAnchor->second);
            };
            if (!paceAnchor || target() < now - std::chrono::seconds(1))
                paceAnchor.emplace(now, stamp.dtsUs);
            if (!waitUntil(target())) {
                end.reason = QStringLiteral("stopped");
                break;
            }
        }
        const qint64 arrivalMs = nowMs();
        if (!end.wasOnline) {
            end.wasOnline = true;
            end.onlineSinceMs = arrivalMs;
            goOnline(arrivalMs);
        }
        const qint64 wallMs = wall.map(stamp.dtsUs, arrivalMs);
        meter.add(stamp.dtsUs, stamp.durationUs, packet->size);
        {
            QMutexLocker lock(&mutex);
            m.fps = meter.fps();
            m.bitrate = meter.bitrate();
            m.lastPacketMs = arrivalMs;
        }
        lastPacketMs = arrivalMs;
        gop.add(packet.get());
        if (recorder)
            handle(recorder->write(packet.get(), stamp, wallMs));
    }
    if (recorder && recorder->isOpen())
        handle(recorder->finish(wall.isAnchored() ? wall.wallAt(timeline.endUs()) : nowMs()));
    // An offline camera has no current picture.
    gop.clear();
    return end;
}

void StreamWorker::Impl::run()
{
    av::ensureInitialized();
    auto address = parseSource(source);
    if (!address) {
        // Nothing a retry could fix: report it once and wait for stop().
        const QString reason = address.error().message;
        qCWarning(lcWorker, "%s: %s", qUtf8Printable(id), qUtf8Printable(reason));
        setState(StreamState::Error, reason);
        inOutage = true;
        emit q->outageStarted(id, nowMs(), reason);
        return;
    }
    if (!options.recordDir.isEmpty())
        recorder = std::make_unique<SegmentRecorder>(options.recordDir, options.segmentSeconds);
    InterruptControl interrupt(&stopRequested);
    Backoff backoff(options.backoffMinMs, options.backoffMaxMs);
    OpenOptions openOptions;
    openOptions.lowLatency = options.lowLatency;
    openOptions.interrupt = &interrupt;

    while (!stopRequested.load()) {
        {
            QMutexLocker lock(&mutex);
            ++m.connectAttempts;
            m.nextAttemptMs = 0;
        }
        setState(StreamState::Connecting, {});
        ConnectionEnd end;
        {
            auto src = openPacketSource(*address, openOptions);
            if (src) {
                end = runConnection(**src, interrupt, address->timeoutMs);
                // Closing may talk to the camera (RTSP TEARDOWN): bounded, and instant on stop.
                interrupt.arm(1000);
                (*src).reset();
                interrupt.disarm();
            } else {
                end.reason = src.error().message;
            }
        }
        if (stopRequested.load())
            break;
        if (end.wasOnline) {
            goOffline(end.reason, lastPacketMs);
            if (nowMs() - end.onlineSinceMs >= options.backoffResetAfterMs)
                backoff.reset();
        } else {
            goOffline(end.reason, nowMs());
        }
        const int delayMs = backoff.nextDelayMs();
        {
            QMutexLocker lock(&mutex);
            m.nextAttemptMs = nowMs() + delayMs;
        }
        if (!waitUntil(std::chrono::steady_clock::now() + std::chrono::milliseconds(delayMs)))
            break;
    }
    {
        QMutexLocker lock(&mutex);
        m.nextAttemptMs = 0;
    }
    setState(StreamState::Offline, QStringLiteral("stopped"));
}

StreamWorker::StreamWorker(QString streamId, SourceConfig source, WorkerOptions options,
                           QObject *parent)
    : QObject(parent)
    , d(std::make_unique<Impl>(this, std::move(streamId), std::move(source), std::move(options)))
{
    qRegisterMetaType<vms::media::StreamState>("vms::media::StreamState");
    qRegisterMetaType<vms::media::SegmentInfo>("vms::media::SegmentInfo");
}

StreamWorker::~StreamWorker()
{
    stop();
}

void StreamWorker::start()
{
    std::lock_guard lock(d->lifecycleMutex);
    if (d->thread && d->thread->isRunning())
        return;
    if (d->thread) {
        d->thread->wait();
        d->thread.reset();
    }
    d->stopRequested.store(false);
    d->thread.reset(QThread::create([impl = d.get()] { impl->run(); }));
    d->thread->setObjectName(QStringLiteral("vms-ingest ") + d->id);
    d->thread->start();
}

void StreamWorker::stop()
{
    std::lock_guard lock(d->lifecycleMutex);
    if (!d->thread)
        return;
    d->stopRequested.store(true);
    {
        // Taking the lock orders the flag before a waiter's predicate check: no lost wake-up.
        std::lock_guard waitLock(d->waitMutex);
    }
    d->waitCv.notify_all();
    d->thread->wait();
    d->thread.reset();
}

bool StreamWorker::isRunning() const
{
    std::lock_guard lock(d->lifecycleMutex);
    return d->thread && d->thread->isRunning();
}

QString StreamWorker::streamId() const
{
    return d->id;
}

StreamMeasurements StreamWorker::measurements() const
{
    QMutexLocker lock(&d->mutex);
    return d->m;
}

Result<QByteArray> StreamWorker::snapshotJpeg(int quality) const
{
    return d->gop.snapshotJpeg(quality);
}

} // namespace vms::media
