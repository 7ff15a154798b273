#include "core/media/timeline.h"

#include <algorithm>

namespace vms::media {

void Timeline::startConnection(qint64 gapUs)
{
    m_rebaseGapUs = std::max<qint64>(0, gapUs);
}

qint64 Timeline::fallbackDurationUs() const
{
    if (m_nominalDurationUs > 0)
        return m_nominalDurationUs;
    if (m_hasLast && m_lastDurationUs > 0)
        return m_lastDurationUs;
    return kDefaultDurationUs;
}

Timeline::Stamp Timeline::map(std::optional<qint64> dtsUs, std::optional<qint64> ptsUs,
                              qint64 durationUs)
{
    if (durationUs <= 0)
        durationUs = fallbackDurationUs();
    // Packets without a dts (some raw streams) follow the previous one; B-frame-free sources
    // give pts == dts, so pts is the next best guess.
    qint64 input = 0;
    if (dtsUs)
        input = *dtsUs;
    else if (ptsUs)
        input = *ptsUs;
    else
        input = m_hasLast ? m_lastInputDtsUs + fallbackDurationUs() : 0;
    const qint64 ptsDelta = (dtsUs && ptsUs) ? std::max<qint64>(0, *ptsUs - *dtsUs) : 0;

    if (!m_hasLast) {
        m_offsetUs = kOriginUs - input;
    } else if (m_rebaseGapUs) {
        m_offsetUs = endUs() + *m_rebaseGapUs - input;
    } else {
        const qint64 candidate = input + m_offsetUs;
        // Backwards (or standing still) or a leap forward: the source clock jumped. Continue
        // right after the previous packet so that the output stays strictly increasing.
        if (candidate <= m_lastDtsUs || candidate > m_lastDtsUs + kMaxForwardJumpUs)
            m_offsetUs = endUs() - input;
    }
    m_rebaseGapUs.reset();

    Stamp stamp;
    stamp.dtsUs = input + m_offsetUs;
    if (m_hasLast && stamp.dtsUs <= m_lastDtsUs)
        stamp.dtsUs = m_lastDtsUs + 1000; // a zero-duration previous packet
    stamp.ptsUs = stamp.dtsUs + ptsDelta;
    stamp.durationUs = durationUs;

    m_hasLast = true;
    m_lastDtsUs = stamp.dtsUs;
    m_lastDurationUs = durationUs;
    m_lastInputDtsUs = input;
    return stamp;
}

} // namespace vms::media
