#include "ui/video/archive_player.h"

#include "core/client/api_client.h"
#include "ui/error_text.h"
#include "ui/video/decoder_reaper.h"
#include "ui/video/guarded_then.h"

#include <QDateTime>
#include <QDir>
#include <QFile>

#include <algorithm>
#include <cstdlib>

namespace vms::ui {

namespace {

// Segment URLs expire after an hour: a list older than this is fetched again before use.
constexpr qint64 kListMaxAgeMs = 40LL * 60 * 1000;
// How much archive one lookup lists: a little before the wanted time and an hour after it.
constexpr qint64 kListBeforeS = 120;
constexpr qint64 kListAfterS = 3600;
// Within this of now, a missing segment is probably still being recorded: wait for it.
constexpr qint64 kLiveEdgeMs = 3LL * 60 * 1000;
constexpr int kWaitPollMs = 1000;
// Segment times are whole seconds; a continuation closer than this continues the picture.
constexpr qint64 kContinuityToleranceMs = 1500;
// One frame at 25 fps: the next segment starts about this long after the last frame shown.
constexpr qint64 kFrameIntervalMs = 40;
// Failed segment opens in a row before playback gives up.
constexpr int kMaxFailuresInARow = 2;
// Downloaded segments kept on disk.
constexpr int kKeptFiles = 4;

qint64 nowMs()
{
    return QDateTime::currentMSecsSinceEpoch();
}

} // namespace

struct ArchivePlayer::Stream
{
    quint64 id = 0;
    client::Segment segment;
    /** Time of the segment's first frame: its start, corrected when it continues the last one. */
    qint64 baseMs = 0;
    media::VideoDecoder *decoder = nullptr; // owned; retired through retireDecoder()
    bool hasFrame = false;
    QString lastError;
};

void ArchivePlayer::StreamDeleter::operator()(Stream *stream) const
{
    // Signals already queued for this stream find no stream by its id and are dropped.
    retireDecoder(stream->decoder);
    delete stream;
}

ArchivePlayer::ArchivePlayer(client::ApiClient *client, QObject *parent)
    : QObject(parent)
    , m_client(client)
{
    m_waitTimer.setSingleShot(true);
    connect(&m_waitTimer, &QTimer::timeout, this, [this] { locate(m_waitAtMs, true); });
}

ArchivePlayer::~ArchivePlayer() = default;

void ArchivePlayer::setStream(const QString &streamId)
{
    stop();
    m_streamId = streamId;
    m_segments.clear();
    m_listFetchedAtMs = 0;
    m_framesReceived = 0;
    m_segmentsOpened = 0;
    setPosition(-1);
}

void ArchivePlayer::play(qint64 atMs)
{
    m_isPaused = false;
    seek(atMs);
}

void ArchivePlayer::seek(qint64 atMs)
{
    if (m_streamId.isEmpty())
        return;
    ++m_generation;
    m_waitTimer.stop();
    m_failuresInARow = 0;
    // The view keeps the last frame until the new position delivers one.
    m_stream.reset();
    setPosition(atMs);
    setState(State::Loading);
    locate(atMs, false);
}

void ArchivePlayer::setPaused(bool isPaused)
{
    m_isPaused = isPaused;
    if (m_stream)
        m_stream->decoder->setPaused(isPaused);
    if (m_state == State::Playing || m_state == State::Paused)
        setState(isPaused ? State::Paused : State::Playing);
}

void ArchivePlayer::setSpeed(double speed)
{
    m_speed = std::clamp(speed, 0.1, 16.0);
    if (m_stream)
        m_stream->decoder->setSpeed(m_speed);
}

void ArchivePlayer::stop()
{
    ++m_generation;
    m_waitTimer.stop();
    m_stream.reset();
    setState(State::Idle);
}

void ArchivePlayer::setMaxSize(const QSize &size)
{
    if (size.isEmpty() || size == m_maxSize)
        return;
    m_maxSize = size;
    if (m_stream)
        m_stream->decoder->setMaxSize(size.width(), size.height());
}

std::optional<client::Segment> ArchivePlayer::currentSegment() const
{
    if (!m_stream)
        return std::nullopt;
    return m_stream->segment;
}

media::VideoDecoder::Stats ArchivePlayer::stats() const
{
    if (!m_stream)
        return media::VideoDecoder::Stats{};
    return m_stream->decoder->stats();
}

bool ArchivePlayer::listCovers(qint64 atMs) const
{
    if (m_listFetchedAtMs == 0 || nowMs() - m_listFetchedAtMs > kListMaxAgeMs)
        return false;
    // Segments that closed after the list was fetched are not in it.
    const qint64 coveredToS = std::min(m_listToS, m_listFetchedAtMs / 1000 - 5);
    const qint64 atS = atMs / 1000;
    return atS >= m_listFromS && atS < coveredToS;
}

void ArchivePlayer::fetchSegments(qint64 fromS, qint64 toS, std::function<void()> then)
{
    const quint64 generation = m_generation;
    toS = std::min(toS, nowMs() / 1000 + 60);
    if (toS <= fromS)
        toS = fromS + 1;
    thenIfAlive(m_client->listSegments(m_streamId, fromS, toS), m_client, this,
                [this, generation, fromS, toS,
                 then = std::move(then)](const Result<QList<client::Segment>> &reply) {
                    if (generation != m_generation)
                        return;
                    if (!reply) {
                        fail(ErrorText::describe(reply.error()));
                        return;
                    }
                    m_segments = *reply;
                    std::stable_sort(m_segments.begin(), m_segments.end(),
                                     [](const client::Segment &a, const client::Segment &b) {
                                         return a.startS < b.startS;
                                     });
                    m_listFromS = fromS;
                    m_listToS = toS;
                    m_listFetchedAtMs = nowMs();
                    then();
                });
}

void ArchivePlayer::locate(qint64 atMs, bool forceFetch)
{
    if (!forceFetch && listCovers(atMs)) {
        openAt(atMs);
        return;
    }
    fetchSegments(atMs / 1000 - kListBeforeS, atMs / 1000 + kListAfterS,
                  [this, atMs] { openAt(atMs); });
}

void ArchivePlayer::openAt(qint64 atMs)
{
    const auto it = std::find_if(m_segments.cbegin(), m_segments.cend(),
                                 [atMs](const client::Segment &s) { return s.endMs() > atMs; });
    if (it == m_segments.cend()) {
        waitForRecording(atMs);
        return;
    }
    if (it->startMs() > atMs)
        setPosition(it->startMs()); // a gap: go on where the recording goes on
    qint64 offsetMs = std::max<qint64>(0, atMs - it->startMs());
    // Waiting at the live edge after a segment: its successor plays from its first frame
    // (its rounded start would otherwise make the offset skip up to a second).
    if (m_stream && m_stream->hasFrame && it->startS > m_stream->segment.startS
        && it->startMs() <= atMs + kContinuityToleranceMs)
        offsetMs = 0;
    openSegment(*it, offsetMs);
}

void ArchivePlayer::waitForRecording(qint64 atMs)
{
    if (nowMs() - atMs > kLiveEdgeMs) {
        m_stream.reset();
        setState(State::NoRecording);
        return;
    }
    // At the live edge: the segment being recorded appears once it closes.
    m_waitAtMs = atMs;
    setState(State::Waiting);
    m_waitTimer.start(kWaitPollMs);
}

void ArchivePlayer::openSegment(const client::Segment &segment, qint64 offsetMs)
{
    // Where the previous segment's picture ended, to place this one's frames seamlessly.
    const std::optional<qint64> continuesFrom
            = m_stream && m_stream->hasFrame && offsetMs == 0
                              && segment.startMs() <= m_positionMs + kContinuityToleranceMs
                      ? std::optional<qint64>(m_positionMs + kFrameIntervalMs)
                      : std::nullopt;
    m_stream.reset();
    if (m_state != State::Playing && m_state != State::Paused)
        setState(State::Loading);
    const quint64 generation = m_generation;
    fetchFile(segment,
              [this, generation, segment, offsetMs, continuesFrom](const Result<QString> &file) {
                  if (generation != m_generation || m_stream)
                      return; // a seek or a stop came first
                  if (!file) {
                      segmentFailed(segment, ErrorText::describe(file.error()));
                      return;
                  }
                  startDecoder(segment, *file, offsetMs, continuesFrom);
                  // The next segment downloads while this one plays, so that playback goes on at
                  // once.
                  const auto next = std::find_if(m_segments.cbegin(), m_segments.cend(),
                                                 [&segment](const client::Segment &s) {
                                                     return s.startS > segment.startS;
                                                 });
                  if (next != m_segments.cend())
                      fetchFile(*next, [](const Result<QString> &) {});
              });
}

void ArchivePlayer::startDecoder(const client::Segment &segment, const QString &file,
                                 qint64 offsetMs, std::optional<qint64> continuesFrom)
{
    StreamPtr stream(new Stream);
    stream->id = m_nextStreamId++;
    stream->segment = segment;
    stream->baseMs = segment.startMs();
    // Segment times are rounded to whole seconds; the picture knows better where it is.
    if (continuesFrom && std::abs(*continuesFrom - segment.startMs()) <= kContinuityToleranceMs)
        stream->baseMs = *continuesFrom;
    stream->decoder = new media::VideoDecoder;
    const quint64 id = stream->id;
    connect(
            stream->decoder, &media::VideoDecoder::frameReady, this,
            [this, id] { onFrameReady(id); }, Qt::QueuedConnection);
    connect(
            stream->decoder, &media::VideoDecoder::stateChanged, this,
            [this, id](media::StreamState state, const QString &reason) {
                onStateChanged(id, state, reason);
            },
            Qt::QueuedConnection);
    connect(
            stream->decoder, &media::VideoDecoder::finished, this, [this, id] { onFinished(id); },
            Qt::QueuedConnection);

    media::SourceConfig source;
    source.url = file;
    media::DecoderOptions options;
    options.lowLatency = false;
    options.paced = true;
    options.speed = m_speed;
    options.startAtMs = offsetMs;
    options.maxWidth = m_maxSize.width();
    options.maxHeight = m_maxSize.height();
    m_stream = std::move(stream);
    ++m_segmentsOpened;
    m_stream->decoder->open(source, options);
}

void ArchivePlayer::fetchFile(const client::Segment &segment, FileCallback done)
{
    // The segment's id names its file; the signature part of the URL changes with every list.
    const QString key = segment.url.fileName();
    if (const auto it = m_files.constFind(key); it != m_files.constEnd() && QFile::exists(*it)) {
        done(*it);
        return;
    }
    QList<FileCallback> &waiters = m_downloads[key];
    waiters.append(std::move(done));
    if (waiters.size() > 1)
        return; // already on its way
    thenIfAlive(m_client->segmentData(segment.url), m_client, this,
                [this, key](const Result<QByteArray> &data) {
                    const QList<FileCallback> waiters = m_downloads.take(key);
                    const Result<QString> file
                            = data ? storeFile(key, *data) : Result<QString>(data.error());
                    for (const FileCallback &waiter : waiters)
                        waiter(file);
                });
}

Result<QString> ArchivePlayer::storeFile(const QString &key, const QByteArray &data)
{
    if (!m_tempDir) {
        m_tempDir = std::make_unique<QTemporaryDir>(QDir::tempPath()
                                                    + QStringLiteral("/vms-archive-XXXXXX"));
    }
    if (!m_tempDir->isValid())
        return Error::internal(QStringLiteral("no temporary folder for the archive: %1")
                                       .arg(m_tempDir->errorString()));
    const QString path = m_tempDir->filePath(key);
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly | QIODevice::Truncate) || file.write(data) != data.size())
        return Error::internal(QStringLiteral("cannot write %1: %2").arg(path, file.errorString()));
    file.close();
    m_files.insert(key, path);
    m_fileOrder.removeAll(key);
    m_fileOrder.append(key);
    // Keep a few: the one playing, the next, and one or two to seek back into.
    const QString playing = m_stream ? m_stream->segment.url.fileName() : QString();
    while (m_fileOrder.size() > kKeptFiles) {
        const QString oldest = m_fileOrder.takeFirst();
        if (oldest == playing) {
            m_fileOrder.append(oldest);
            continue;
        }
        QFile::remove(m_files.take(oldest)); // an open decoder keeps reading it (POSIX)
    }
    return path;
}

void ArchivePlayer::segmentFailed(const client::Segment &segment, const QString &reason)
{
    m_stream.reset();
    // Unreadable: an expired URL (a fresh list signs it again) or a segment that retention
    // removed meanwhile (a fresh list no longer has it).
    if (++m_failuresInARow <= kMaxFailuresInARow) {
        locate(std::max(m_positionMs, segment.startMs()), true);
        return;
    }
    fail(tr("The recording cannot be played: %1").arg(reason));
}

void ArchivePlayer::continueAfter(const client::Segment &finished)
{
    const auto next = [this, finished] {
        return std::find_if(
                m_segments.cbegin(), m_segments.cend(),
                [&finished](const client::Segment &s) { return s.startS > finished.startS; });
    };
    if (const auto it = next(); it != m_segments.cend() && listCovers(it->startMs())) {
        openSegment(*it, 0);
        return;
    }
    // Past the list held: ask again from this segment on.
    fetchSegments(finished.startS, finished.startS + kListAfterS, [this, finished, next] {
        if (const auto it = next(); it != m_segments.cend()) {
            openSegment(*it, 0);
            return;
        }
        // The finished stream stays as the predecessor the next segment continues.
        waitForRecording(std::max(finished.endMs(), m_positionMs));
    });
}

void ArchivePlayer::onFrameReady(quint64 streamId)
{
    if (!m_stream || m_stream->id != streamId)
        return;
    std::optional<media::VideoFrame> frame = m_stream->decoder->slot().take();
    if (!frame || frame->isNull())
        return;
    if (!m_stream->hasFrame) {
        m_stream->hasFrame = true;
        m_failuresInARow = 0;
        // Paused: show the frame at the new position, then hold.
        if (m_isPaused)
            m_stream->decoder->setPaused(true);
    }
    ++m_framesReceived;
    setPosition(m_stream->baseMs + frame->ptsMs);
    emit frameArrived(*frame);
    setState(m_isPaused ? State::Paused : State::Playing);
}

void ArchivePlayer::onStateChanged(quint64 streamId, media::StreamState state,
                                   const QString &reason)
{
    if (!m_stream || m_stream->id != streamId)
        return;
    if (state != media::StreamState::Error && state != media::StreamState::Offline)
        return;
    // The end of the segment reports Offline too; finished() follows and continues.
    if (m_stream->decoder->stats().finished)
        return;
    m_stream->lastError = reason.isEmpty() ? tr("the segment cannot be read") : reason;
    // A segment that cannot be opened is retried by the decoder forever (or never, on Error):
    // an expired URL or a segment removed by retention needs a fresh list instead.
    if (!m_stream->hasFrame)
        onFinished(streamId);
}

void ArchivePlayer::onFinished(quint64 streamId)
{
    if (!m_stream || m_stream->id != streamId)
        return;
    const client::Segment segment = m_stream->segment;
    const bool hasPlayed = m_stream->hasFrame;
    const QString error = m_stream->lastError;
    if (!hasPlayed && !error.isEmpty()) {
        segmentFailed(segment, error);
        return;
    }
    continueAfter(segment);
}

void ArchivePlayer::setState(State state)
{
    if (state != State::Error)
        m_errorText.clear();
    if (state == m_state)
        return;
    m_state = state;
    emit stateChanged(state);
}

void ArchivePlayer::setPosition(qint64 positionMs)
{
    if (positionMs == m_positionMs)
        return;
    m_positionMs = positionMs;
    emit positionChanged(positionMs);
}

void ArchivePlayer::fail(const QString &message)
{
    m_errorText = message;
    m_state = State::Error;
    emit stateChanged(State::Error);
}

} // namespace vms::ui
