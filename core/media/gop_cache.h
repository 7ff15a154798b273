#pragma once

#include "core/domain/result.h"
#include "core/media/ffmpeg_util.h"

#include <QByteArray>
#include <QMutex>

#include <vector>

namespace vms::media {

/**
 * The packets since the newest keyframe (shared references, no copies), so that a snapshot can
 * be decoded on demand without a second connection and without decoding continuously.
 * Thread-safe: the worker adds, any thread takes snapshots.
 */
class GopCache
{
public:
    /** Bounds for streams with very long GOPs: later packets are not kept (older picture). */
    static constexpr int kMaxPackets = 1500;
    static constexpr qint64 kMaxBytes = 64 * 1024 * 1024;

    /** A new connection: forgets the packets and takes its parameters. */
    void reset(const AVCodecParameters *parameters);
    void clear();
    /** Adds a packet (a reference); a keyframe starts over. Packets before a keyframe are ignored.
     */
    void add(const AVPacket *packet);
    bool hasPicture() const;

    /** Decodes the kept packets and encodes the newest picture as JPEG (OpenCV). */
    Result<QByteArray> snapshotJpeg(int quality) const;

private:
    mutable QMutex m_mutex;
    av::CodecParametersPtr m_parameters;
    std::vector<av::PacketPtr> m_packets;
    qint64 m_bytes = 0;
    quint64 m_generation = 0; // changes with every kept packet or reset

    // The newest JPEG, for repeated requests between two packets (e.g. a paused stream).
    mutable QMutex m_cacheMutex;
    mutable quint64 m_cachedGeneration = 0;
    mutable int m_cachedQuality = -1;
    mutable QByteArray m_cachedJpeg;
};

/** Encodes a decoded picture as JPEG (quality 1..100); used by snapshots and tests. */
Result<QByteArray> encodeJpeg(const AVFrame *frame, int quality);

} // namespace vms::media
