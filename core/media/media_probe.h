#pragma once

#include "core/domain/result.h"
#include "core/media/media_types.h"

namespace vms::media {

/** Probe of an existing segment file: duration and whether it decodes; used by crash recovery. */
struct ProbeResult
{
    qint64 durationMs = 0; ///< first video packet to the end of the last one
    int width = 0, height = 0;
    QString codec;
    bool hasKeyframe = false;
    // Additions to the agreed interface:
    bool decodes = false; ///< the first keyframe decoded to a picture
    qint64 packets = 0;   ///< video packets read
    qint64 bytes = 0;     ///< file size
};

/**
 * Reads the whole file (demuxing only, plus one decoded keyframe). Works on truncated MPEG-TS,
 * e.g. the .part file of a killed writer. NotFound when the file is missing, InvalidArgument
 * when it holds no readable video.
 */
Result<ProbeResult> probeFile(const QString &path);

/**
 * Opens the URL once within source.openTimeoutMs and reads until the first video packet: for
 * POST /streams/verify. fps is the stream's nominal rate and bitrate the declared one (0 when
 * unknown): one packet measures nothing. Errors: InvalidArgument (bad URL), Timeout,
 * Unavailable (refused, unauthorised, no video...), with FFmpeg's reason in the message.
 */
Result<StreamMeasurements> verifySource(const SourceConfig &source);

} // namespace vms::media
