#include "core/media/frame_slot.h"

#include <QMutexLocker>

namespace vms::media {

void FrameSlot::put(VideoFrame frame)
{
    offer(std::move(frame));
}

bool FrameSlot::offer(VideoFrame frame)
{
    // The replaced frame is destroyed after the lock is released: its buffer may be the last
    // reference to megabytes that free() would otherwise return under the lock.
    std::optional<VideoFrame> replaced;
    bool notify = false;
    {
        QMutexLocker lock(&m_mutex);
        if (m_frame) {
            m_dropped.fetch_add(1, std::memory_order_relaxed);
            replaced = std::move(m_frame);
        }
        m_frame = std::move(frame);
        m_produced.fetch_add(1, std::memory_order_relaxed);
        notify = !m_notified;
        m_notified = true;
    }
    return notify;
}

std::optional<VideoFrame> FrameSlot::take()
{
    QMutexLocker lock(&m_mutex);
    // Answering a notification re-arms it even when the frame was already taken: the next
    // offer() must signal again.
    m_notified = false;
    if (!m_frame)
        return std::nullopt;
    std::optional<VideoFrame> frame = std::move(m_frame);
    m_frame.reset();
    m_taken.fetch_add(1, std::memory_order_relaxed);
    return frame;
}

void FrameSlot::clear()
{
    std::optional<VideoFrame> old;
    QMutexLocker lock(&m_mutex);
    old = std::move(m_frame);
    m_frame.reset();
    m_notified = false;
}

bool FrameSlot::hasFrame() const
{
    QMutexLocker lock(&m_mutex);
    return m_frame.has_value();
}

} // namespace vms::media
