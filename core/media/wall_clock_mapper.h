#pragma once

#include <QtGlobal>

#include <cstdlib>

namespace vms::media {

/**
 * Wall-clock time of a timeline position. It is anchored at the first packet of a connection
 * (wall clock of its arrival) and follows the stream's own timestamps from there, so that
 * consecutive segments share their boundary exactly (end of one == start of the next). When the
 * camera's clock drifts from ours by more than kMaxDriftMs it re-anchors on the arrival time.
 */
class WallClockMapper
{
public:
    static constexpr qint64 kMaxDriftMs = 2000;

    void reset() { m_anchored = false; }

    /** Maps a packet that arrived at arrivalMs; (re)anchors as needed. */
    qint64 map(qint64 dtsUs, qint64 arrivalMs)
    {
        if (!m_anchored || std::llabs(wallAt(dtsUs) - arrivalMs) > kMaxDriftMs) {
            m_anchored = true;
            m_anchorWallMs = arrivalMs;
            m_anchorDtsUs = dtsUs;
        }
        return wallAt(dtsUs);
    }

    qint64 wallAt(qint64 dtsUs) const { return m_anchorWallMs + (dtsUs - m_anchorDtsUs) / 1000; }
    bool isAnchored() const { return m_anchored; }

private:
    bool m_anchored = false;
    qint64 m_anchorWallMs = 0;
    qint64 m_anchorDtsUs = 0;
};

} // namespace vms::media
