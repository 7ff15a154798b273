#include "core/media/segment_recorder.h"

#include <QDateTime>
#include <QDir>
#include <QFileInfo>

#ifdef Q_OS_WIN
#include <io.h>
#else
#include <fcntl.h>
#include <unistd.h>
#endif

namespace vms::media {

namespace {

constexpr int kIoBufferSize = 64 * 1024;
const AVRational kMicroseconds{1, AV_TIME_BASE};

bool syncFile(QFile &file)
{
#ifdef Q_OS_WIN
    return _commit(file.handle()) == 0;
#else
    return ::fsync(file.handle()) == 0;
#endif
}

// Makes the rename durable: without it a power cut can bring back the .part name.
void syncDirectory(const QString &path)
{
#ifndef Q_OS_WIN
    const int fd = ::open(QFile::encodeName(path).constData(), O_RDONLY | O_DIRECTORY);
    if (fd >= 0) {
        ::fsync(fd);
        ::close(fd);
    }
#else
    Q_UNUSED(path)
#endif
}

} // namespace

SegmentRecorder::SegmentRecorder(QString recordDir, int segmentSeconds)
    : m_recordDir(std::move(recordDir))
    , m_segmentUs(qint64(std::max(1, segmentSeconds)) * 1'000'000)
{}

SegmentRecorder::~SegmentRecorder()
{
    // The owner normally finish()es with the exact end time; this keeps the data otherwise.
    if (m_segment)
        close(m_segment->lastWallMs);
}

QString SegmentRecorder::segmentPath(const QString &recordDir, qint64 startMs)
{
    const QString day
            = QDateTime::fromMSecsSinceEpoch(startMs, Qt::UTC).toString(QStringLiteral("yyyyMMdd"));
    return recordDir + QLatin1Char('/') + day + QLatin1Char('/') + QString::number(startMs)
           + QStringLiteral(".ts");
}

void SegmentRecorder::setCodecParameters(const AVCodecParameters *parameters)
{
    m_parameters = av::copyParameters(parameters);
    m_unrecordable.clear();
    m_unrecordableReported = false;
    if (!m_parameters)
        return;
    switch (m_parameters->codec_id) {
    case AV_CODEC_ID_H264:
    case AV_CODEC_ID_HEVC:
    case AV_CODEC_ID_MPEG4:
    case AV_CODEC_ID_MPEG2VIDEO:
        break;
    default:
        // The TS muxer would write anything else as private data no player recognises.
        m_unrecordable = QStringLiteral("recording: %1 video cannot be recorded into MPEG-TS "
                                        "segments")
                                 .arg(QLatin1String(avcodec_get_name(m_parameters->codec_id)));
        break;
    }
    // Parameter sets that a camera announces in the SDP only (extradata) are not lost: FFmpeg
    // 5.1's TS muxer writes them before every keyframe that lacks them, for H.264 and HEVC
    // alike, so every segment decodes alone (tst_segment_recorder checks it).
}

int SegmentRecorder::writeCallback(void *opaque, uint8_t *buffer, int size)
{
    auto *segment = static_cast<Segment *>(opaque);
    const qint64 written = segment->file->write(reinterpret_cast<const char *>(buffer), size);
    if (written != size) {
        if (segment->ioError.isEmpty())
            segment->ioError = segment->file->errorString();
        return AVERROR(EIO);
    }
    return size;
}

std::optional<QString> SegmentRecorder::open(const Timeline::Stamp &stamp, qint64 wallMs)
{
    if (!m_parameters)
        return QStringLiteral("recording: no stream parameters");
    qint64 startMs = wallMs;
    QString finalPath = segmentPath(m_recordDir, startMs);
    // A name is a start time; two segments of one stream never share a millisecond, except
    // after a clock step backwards. Keep both files then.
    while (QFileInfo::exists(finalPath))
        finalPath = segmentPath(m_recordDir, ++startMs);
    const QString dir = QFileInfo(finalPath).absolutePath();
    if (!QDir().mkpath(dir))
        return QStringLiteral("recording: cannot create directory %1").arg(dir);

    Segment &segment = m_segment.emplace();
    segment.finalPath = finalPath;
    segment.partPath = finalPath + QStringLiteral(".part");
    segment.startMs = startMs;
    segment.startDtsUs = stamp.dtsUs;
    segment.lastWallMs = wallMs;
    segment.file = std::make_unique<QFile>(segment.partPath);
    // Unbuffered: FFmpeg's AVIO buffer is the only buffer, and it is flushed after every
    // packet, so that a killed process leaves everything up to the last packet on disk.
    if (!segment.file->open(QIODevice::WriteOnly | QIODevice::Truncate | QIODevice::Unbuffered)) {
        const QString error = QStringLiteral("recording: cannot create %1: %2")
                                      .arg(segment.partPath, segment.file->errorString());
        m_segment.reset();
        return error;
    }

    auto fail = [&](int ret, const QString &what) -> std::optional<QString> {
        const QString error
                = QStringLiteral("recording: %1: %2: %3")
                          .arg(segment.partPath, what,
                               segment.ioError.isEmpty() ? av::errorText(ret) : segment.ioError);
        abandon();
        return error;
    };

    auto *buffer = static_cast<unsigned char *>(av_malloc(kIoBufferSize));
    if (!buffer)
        return fail(AVERROR(ENOMEM), QStringLiteral("I/O buffer"));
    segment.io.reset(avio_alloc_context(buffer, kIoBufferSize, 1, &segment, nullptr,
                                        &SegmentRecorder::writeCallback, nullptr));
    if (!segment.io) {
        av_free(buffer);
        return fail(AVERROR(ENOMEM), QStringLiteral("I/O context"));
    }
    AVFormatContext *raw = nullptr;
    int ret = avformat_alloc_output_context2(&raw, nullptr, "mpegts", nullptr);
    if (ret < 0 || !raw)
        return fail(ret, QStringLiteral("MPEG-TS muxer"));
    segment.muxer.reset(raw);
    raw->pb = segment.io.get();
    raw->flags |= AVFMT_FLAG_CUSTOM_IO;
    AVStream *stream = avformat_new_stream(raw, nullptr);
    if (!stream)
        return fail(AVERROR(ENOMEM), QStringLiteral("stream"));
    ret = avcodec_parameters_copy(stream->codecpar, m_parameters.get());
    if (ret < 0)
        return fail(ret, QStringLiteral("stream parameters"));
    stream->codecpar->codec_tag = 0;
    stream->time_base = AVRational{1, 90000};
    av::Dictionary options;
    // Our timeline is already monotonic and positive: write it as it is, so that consecutive
    // segments continue each other's timestamps.
    options.set("mpegts_copyts", 1);
    // Each segment's TS continuity counters start over. Readers that concatenate segments (an
    // HLS client, `cat`) would take that for lost packets and flag the previous segment's last
    // frame as corrupt; the discontinuity indicator on the first packets says it is intended.
    options.set("mpegts_flags", QStringLiteral("+initial_discontinuity"));
    ret = avformat_write_header(raw, options.ptr());
    if (ret < 0)
        return fail(ret, QStringLiteral("cannot start an MPEG-TS segment for codec %1")
                                 .arg(QLatin1String(avcodec_get_name(m_parameters->codec_id))));
    return std::nullopt;
}

std::optional<QString> SegmentRecorder::writePacket(const AVPacket *packet,
                                                    const Timeline::Stamp &stamp)
{
    Segment &segment = *m_segment;
    AVPacket *out = m_scratch.get();
    int ret = av_packet_ref(out, packet);
    if (ret < 0)
        return QStringLiteral("recording: %1").arg(av::errorText(ret));
    const AVRational tb = segment.muxer->streams[0]->time_base;
    out->stream_index = 0;
    out->dts = av_rescale_q(stamp.dtsUs, kMicroseconds, tb);
    out->pts = av_rescale_q(stamp.ptsUs, kMicroseconds, tb);
    out->duration = av_rescale_q(stamp.durationUs, kMicroseconds, tb);
    out->pos = -1;
    ret = av_write_frame(segment.muxer.get(), out);
    av_packet_unref(out);
    if (ret < 0 || !segment.ioError.isEmpty()) {
        return QStringLiteral("recording: %1: %2")
                .arg(segment.partPath,
                     segment.ioError.isEmpty() ? av::errorText(ret) : segment.ioError);
    }
    return std::nullopt;
}

SegmentRecorder::Outcome SegmentRecorder::write(const AVPacket *packet,
                                                const Timeline::Stamp &stamp, qint64 wallMs)
{
    Outcome outcome;
    if (!m_unrecordable.isEmpty()) {
        if (!m_unrecordableReported) {
            m_unrecordableReported = true;
            outcome.error = m_unrecordable;
        }
        return outcome;
    }
    const bool isKey = packet->flags & AV_PKT_FLAG_KEY;
    if (m_segment && isKey && stamp.dtsUs - m_segment->startDtsUs >= m_segmentUs)
        outcome = close(wallMs);
    if (!m_segment) {
        if (!isKey)
            return outcome; // a segment starts at a keyframe, or it could not be decoded alone
        if (auto error = open(stamp, wallMs)) {
            outcome.error = *error;
            return outcome;
        }
    }
    if (auto error = writePacket(packet, stamp)) {
        abandon();
        outcome.error = *error;
        return outcome;
    }
    m_segment->lastWallMs = wallMs + stamp.durationUs / 1000;
    return outcome;
}

SegmentRecorder::Outcome SegmentRecorder::finish(qint64 endWallMs)
{
    if (!m_segment)
        return {};
    return close(endWallMs);
}

SegmentRecorder::Outcome SegmentRecorder::close(qint64 endWallMs)
{
    Segment &segment = *m_segment;
    Outcome outcome;
    int ret = av_write_trailer(segment.muxer.get());
    avio_flush(segment.io.get());
    if (ret >= 0 && segment.io->error < 0)
        ret = segment.io->error;
    QString problem;
    if (ret < 0 || !segment.ioError.isEmpty())
        problem = segment.ioError.isEmpty() ? av::errorText(ret) : segment.ioError;
    else if (!syncFile(*segment.file))
        problem = QStringLiteral("fsync failed");
    if (!problem.isEmpty()) {
        outcome.error = QStringLiteral("recording: %1: %2").arg(segment.partPath, problem);
        abandon();
        return outcome;
    }
    segment.file->close();
    if (!QFile::rename(segment.partPath, segment.finalPath)) {
        outcome.error = QStringLiteral("recording: cannot rename %1 to %2")
                                .arg(segment.partPath, segment.finalPath);
        abandon();
        return outcome;
    }
    syncDirectory(QFileInfo(segment.finalPath).absolutePath());
    SegmentInfo info;
    info.path = segment.finalPath;
    info.startMs = segment.startMs;
    info.endMs = std::max(endWallMs, segment.startMs);
    info.bytes = QFileInfo(segment.finalPath).size();
    info.hasVideo = true;
    outcome.closed = info;
    m_segment.reset();
    return outcome;
}

void SegmentRecorder::abandon()
{
    if (!m_segment)
        return;
    // A segment that failed mid-way is not trusted (its last bytes may be torn) and deleting
    // it returns the space on a full disk; the next keyframe starts over.
    const QString part = m_segment->partPath;
    m_segment->muxer.reset();
    m_segment->io.reset();
    if (m_segment->file)
        m_segment->file->close();
    m_segment.reset();
    QFile::remove(part);
}

} // namespace vms::media
