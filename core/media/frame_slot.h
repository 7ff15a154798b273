#pragma once

#include <QByteArray>
#include <QMutex>
#include <QtGlobal>

#include <atomic>
#include <optional>

namespace vms::media {

/** One decoded picture, converted on the decoder's thread: 32-bit BGRA (QImage::Format_RGB32
 * layout). */
struct VideoFrame
{
    QByteArray pixels; ///< height * stride bytes; implicitly shared, never copied on the way to the
                       ///< GUI
    int width = 0, height = 0, stride = 0;
    qint64 ptsMs = 0; ///< stream time of the frame (ms, from 0 at the start of the source or file)
    qint64 decodedAtMs = 0; ///< wall clock when it was ready
    bool isKeyframe = false;
    bool isNull() const { return pixels.isEmpty(); }
};

/**
 * Latest-frame slot: the decoder overwrites, the GUI takes the newest; anything not taken is
 * dropped and counted. Thread-safe. It holds at most one frame, so a consumer that stops taking
 * (a hidden tile, a blocked GUI thread) costs one frame of memory, never a queue.
 */
class FrameSlot
{
public:
    void put(VideoFrame frame);       ///< replaces an untaken frame (counts a drop)
    std::optional<VideoFrame> take(); ///< newest frame, once
    quint64 produced() const { return m_produced.load(std::memory_order_relaxed); }
    quint64 taken() const { return m_taken.load(std::memory_order_relaxed); }
    quint64 dropped() const { return m_dropped.load(std::memory_order_relaxed); }

    // Additions to the agreed interface:
    /**
     * put(), and whether the consumer must be told: true for the first frame after the last
     * take() (or clear()), false while an earlier notification is still unanswered. This is
     * what coalesces VideoDecoder::frameReady to at most one pending signal.
     */
    bool offer(VideoFrame frame);
    /** Drops an untaken frame without counting it (a new source replaces the old one). */
    void clear();
    /** Whether a frame is waiting to be taken. */
    bool hasFrame() const;

private:
    mutable QMutex m_mutex;
    std::optional<VideoFrame> m_frame;
    bool m_notified = false; // a notification went out and no take() answered it yet
    std::atomic<quint64> m_produced{0};
    std::atomic<quint64> m_taken{0};
    std::atomic<quint64> m_dropped{0};
};

} // namespace vms::media
