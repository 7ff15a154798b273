#pragma once

#include "core/client/video_dto.h"
#include "core/media/video_decoder.h"

#include <QElapsedTimer>
#include <QHash>
#include <QList>
#include <QObject>
#include <QSize>
#include <QTemporaryDir>
#include <QTimer>

#include <functional>
#include <memory>
#include <optional>

namespace vms::client {
class ApiClient;
}

namespace vms::ui {

/**
 * Plays a stream's archive: finds the recorded segment that holds the wanted time (GET
 * /segments), fetches its signed URL through the API client (the server wants the signature and
 * the bearer token, which the decoder cannot send) into a temporary file, and plays that with a
 * paced VideoDecoder that starts at the offset inside the segment. When a segment finishes, the
 * next one (downloaded meanwhile) goes on, skipping gaps. The position is the segment's start plus
 * the frame's timestamp. Everything goes through the API, so playback works against a remote
 * server too. No widgets: the archive panel shows the frames, and tests drive it directly. GUI
 * thread.
 */
class ArchivePlayer : public QObject
{
    Q_OBJECT

public:
    enum class State {
        Idle,    ///< nothing to play
        Loading, ///< looking up segments or opening one
        Playing,
        Paused,
        Waiting,     ///< at the recording's live edge: waiting for the next segment to close
        NoRecording, ///< nothing recorded at or after the wanted time
        Error,       ///< errorText() says why
    };
    Q_ENUM(State)

    /** Playback speeds offered to the operator. */
    static constexpr double kSpeeds[] = {0.5, 1.0, 2.0, 4.0, 8.0};

    explicit ArchivePlayer(client::ApiClient *client, QObject *parent = nullptr);
    ~ArchivePlayer() override;

    /** The stream to play: a camera's id for its main stream. Stops playback. */
    void setStream(const QString &streamId);
    QString streamId() const { return m_streamId; }

    /** Plays from @p atMs (ms since the epoch). */
    void play(qint64 atMs);
    /** Goes to @p atMs, keeping the play/pause state (paused: shows the frame there). */
    void seek(qint64 atMs);
    void setPaused(bool isPaused);
    bool isPaused() const { return m_isPaused; }
    void setSpeed(double speed);
    double speed() const { return m_speed; }
    void stop();
    /** The size frames are converted to (device pixels). */
    void setMaxSize(const QSize &size);

    /** Time of the newest frame shown, or of the position asked for until one arrives; -1. */
    qint64 positionMs() const { return m_positionMs; }
    State state() const { return m_state; }
    QString errorText() const { return m_errorText; }
    /** The segment being played. */
    std::optional<client::Segment> currentSegment() const;
    /** Statistics of the decoder, default values without one. */
    media::VideoDecoder::Stats stats() const;
    quint64 framesReceived() const { return m_framesReceived; }
    /** Segments opened since the stream was set (for tests). */
    int segmentsOpened() const { return m_segmentsOpened; }

signals:
    void frameArrived(const vms::media::VideoFrame &frame);
    void positionChanged(qint64 positionMs);
    void stateChanged(vms::ui::ArchivePlayer::State state);

private:
    struct Stream;
    struct StreamDeleter
    {
        void operator()(Stream *stream) const;
    };
    using StreamPtr = std::unique_ptr<Stream, StreamDeleter>;

    /** Loads the segment list around @p atMs unless the one held covers it, then goes on. */
    void locate(qint64 atMs, bool forceFetch);
    void fetchSegments(qint64 fromS, qint64 toS, std::function<void()> then);
    bool listCovers(qint64 atMs) const;
    void openAt(qint64 atMs);
    void openSegment(const client::Segment &segment, qint64 offsetMs);
    void startDecoder(const client::Segment &segment, const QString &file, qint64 offsetMs,
                      std::optional<qint64> continuesFrom);
    using FileCallback = std::function<void(const Result<QString> &file)>;
    /** The segment as a local file: downloaded once (with the session's token), then kept. */
    void fetchFile(const client::Segment &segment, FileCallback done);
    Result<QString> storeFile(const QString &key, const QByteArray &data);
    void segmentFailed(const client::Segment &segment, const QString &reason);
    void continueAfter(const client::Segment &finished);
    void onFrameReady(quint64 streamId);
    void onStateChanged(quint64 streamId, media::StreamState state, const QString &reason);
    void onFinished(quint64 streamId);
    void waitForRecording(qint64 atMs);
    void setState(State state);
    void setPosition(qint64 positionMs);
    void fail(const QString &message);

    client::ApiClient *m_client;
    QString m_streamId;
    StreamPtr m_stream;
    quint64 m_nextStreamId = 1;
    // Bumped by every seek, stop and stream change: late replies of older requests are dropped.
    quint64 m_generation = 0;

    QList<client::Segment> m_segments; ///< by start time
    qint64 m_listFromS = 0;
    qint64 m_listToS = 0;
    qint64 m_listFetchedAtMs = 0; ///< wall clock

    bool m_isPaused = false;
    double m_speed = 1.0;
    QSize m_maxSize;
    qint64 m_positionMs = -1;
    State m_state = State::Idle;
    QString m_errorText;
    quint64 m_framesReceived = 0;
    int m_segmentsOpened = 0;
    int m_failuresInARow = 0;
    QTimer m_waitTimer;
    qint64 m_waitAtMs = 0;

    // Downloaded segments, by file name; the oldest beyond a few are deleted.
    std::unique_ptr<QTemporaryDir> m_tempDir;
    QHash<QString, QString> m_files;
    QStringList m_fileOrder;
    QHash<QString, QList<FileCallback>> m_downloads;
};

} // namespace vms::ui
