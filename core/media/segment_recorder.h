#pragma once

#include "core/media/ffmpeg_util.h"
#include "core/media/media_types.h"
#include "core/media/timeline.h"

#include <QFile>

#include <optional>

namespace vms::media {

/**
 * Remuxes video packets, without transcoding, into keyframe-aligned MPEG-TS segments.
 *
 * Why MPEG-TS and not fragmented MP4: a TS file is a plain sequence of 188-byte packets with the
 * tables (PAT/PMT) at its start and SPS/PPS in-band before each keyframe, so a file cut anywhere
 * (a kill -9, a full disk, power loss) still demuxes and decodes up to the cut without any
 * repair; there is no moov/moof index that must be written last. Each segment starts with its
 * own tables and a keyframe, so it plays alone; and TS segments are native to HLS version 3, so
 * the archive index can be an HLS playlist that lists the files as they are (ffplay, hls.js,
 * Safari), with timestamps that continue from one segment to the next.
 *
 * Files are written as <startMs>.ts.part and renamed to <startMs>.ts after the trailer, a flush
 * and an fsync, so a .ts file is always complete and a .part file is what a crash left behind.
 * Errors (disk full, permissions) drop the segment being written and are reported; the next
 * keyframe starts a new attempt. One thread only.
 */
class SegmentRecorder
{
public:
    struct Outcome
    {
        std::optional<SegmentInfo> closed; ///< a segment was completed
        QString error;                     ///< non-empty: a segment was lost or could not start
    };

    SegmentRecorder(QString recordDir, int segmentSeconds);
    ~SegmentRecorder();
    SegmentRecorder(const SegmentRecorder &) = delete;
    SegmentRecorder &operator=(const SegmentRecorder &) = delete;

    /**
     * Parameters of the stream to record (a new connection). Closes nothing by itself.
     * H.264, HEVC, MPEG-4 part 2 and MPEG-2 video are recorded; other codecs (MJPEG...) are
     * reported once per connection as a recording error and not written.
     */
    void setCodecParameters(const AVCodecParameters *parameters);

    /**
     * Writes one packet. A keyframe at or after segmentSeconds closes the current segment and
     * starts the next one with it; before the first keyframe nothing is written.
     * wallMs is the packet's wall-clock time (WallClockMapper).
     */
    Outcome write(const AVPacket *packet, const Timeline::Stamp &stamp, qint64 wallMs);

    /** Closes the open segment, ending at endWallMs (end of its last packet). */
    Outcome finish(qint64 endWallMs);

    bool isOpen() const { return m_segment.has_value(); }
    QString recordDir() const { return m_recordDir; }

    /** recordDir/<YYYYMMDD in UTC>/<startMs>.ts */
    static QString segmentPath(const QString &recordDir, qint64 startMs);

private:
    struct Segment
    {
        QString finalPath;
        QString partPath;
        qint64 startMs = 0;
        qint64 startDtsUs = 0;
        qint64 lastWallMs = 0;
        std::unique_ptr<QFile> file;
        av::IoContextPtr io;
        av::OutputContextPtr muxer;
        QString ioError; // set by the write callback
    };

    std::optional<QString> open(const Timeline::Stamp &stamp, qint64 wallMs);
    std::optional<QString> writePacket(const AVPacket *packet, const Timeline::Stamp &stamp);
    Outcome close(qint64 endWallMs);
    void abandon();
    static int writeCallback(void *opaque, uint8_t *buffer, int size);

    QString m_recordDir;
    qint64 m_segmentUs;
    av::CodecParametersPtr m_parameters;
    QString m_unrecordable; // why this codec cannot go into MPEG-TS; empty when it can
    bool m_unrecordableReported = false;
    av::PacketPtr m_scratch = av::makePacket();
    std::optional<Segment> m_segment;
};

} // namespace vms::media
