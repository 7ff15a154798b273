#pragma once

#include <QString>

namespace vms::test {

/** What decoding a media file with FFmpeg gave. */
struct DecodedMedia
{
    int frames = 0; ///< video frames decoded
    int width = 0;
    int height = 0;
    QString codec;         ///< e.g. "h264", "mjpeg"
    double lumaStdDev = 0; ///< of the last decoded frame's Y plane: ~0 for a black/flat image
    QString error;         ///< empty on success
    bool isValid() const { return error.isEmpty() && frames > 0; }
};

/**
 * Opens `path` (a file or URL) with libavformat and decodes every video frame with libavcodec,
 * up to `maxFrames` (0: all). For checking recordings, segments and snapshots in tests.
 */
DecodedMedia decodeMedia(const QString &path, int maxFrames = 0);

} // namespace vms::test
