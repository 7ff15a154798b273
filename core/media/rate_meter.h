#pragma once

#include <QtGlobal>

#include <deque>

namespace vms::media {

/** Frame rate and bit rate over a sliding window of stream time (packets, no decoding). */
class RateMeter
{
public:
    explicit RateMeter(qint64 windowUs = 5'000'000)
        : m_windowUs(windowUs)
    {}

    void add(qint64 dtsUs, qint64 durationUs, qint64 bytes)
    {
        m_samples.push_back({dtsUs, durationUs, bytes});
        m_bytes += bytes;
        while (m_samples.size() > 1 && m_samples.front().dtsUs <= dtsUs - m_windowUs) {
            m_bytes -= m_samples.front().bytes;
            m_samples.pop_front();
        }
    }
    void clear()
    {
        m_samples.clear();
        m_bytes = 0;
    }
    double fps() const
    {
        const qint64 span = spanUs();
        return span > 0 ? double(m_samples.size()) * 1e6 / double(span) : 0.0;
    }
    qint64 bitrate() const
    {
        const qint64 span = spanUs();
        return span > 0 ? qint64(double(m_bytes) * 8e6 / double(span)) : 0;
    }

private:
    struct Sample
    {
        qint64 dtsUs;
        qint64 durationUs;
        qint64 bytes;
    };
    // From the first packet's start to the last packet's end: n packets of 40 ms give 25 fps.
    qint64 spanUs() const
    {
        if (m_samples.empty())
            return 0;
        return m_samples.back().dtsUs + m_samples.back().durationUs - m_samples.front().dtsUs;
    }

    qint64 m_windowUs;
    std::deque<Sample> m_samples;
    qint64 m_bytes = 0;
};

} // namespace vms::media
