#pragma once

#include <QtGlobal>

#include <optional>

namespace vms::media {

/**
 * Turns a source's timestamps into one monotonic timeline in microseconds for the life of a
 * worker. Cameras restart their clocks on reconnect, files restart on every loop, and RTSP
 * resynchronisation can step them backwards; the recorder and the archive need none of that:
 * consecutive segments continue each other's timestamps (so an HLS playlist plays across them
 * without discontinuity tags) and a reconnect leaves a gap as long as the outage.
 */
class Timeline
{
public:
    /** The first packet's dts: positive, so that pts - dts reordering never goes negative. */
    static constexpr qint64 kOriginUs = 1'000'000;
    /** A larger forward step is a clock jump, not a real pause (a stall ends the connection). */
    static constexpr qint64 kMaxForwardJumpUs = 10'000'000;
    /** Packet duration assumed when neither the packet nor the history says (25 fps). */
    static constexpr qint64 kDefaultDurationUs = 40'000;

    struct Stamp
    {
        qint64 dtsUs = 0;
        qint64 ptsUs = 0;
        qint64 durationUs = 0;
    };

    /**
     * A new connection starts: its first packet is placed gapUs after the end of the last
     * packet (at least right after it), or at kOriginUs if there was none.
     */
    void startConnection(qint64 gapUs);
    /** The source restarted its timestamps on purpose (a file loop). */
    void markDiscontinuity() { m_rebaseGapUs = 0; }
    /** Frame duration to use when packets carry none (from the stream's frame rate). */
    void setNominalDurationUs(qint64 us) { m_nominalDurationUs = us > 0 ? us : 0; }

    /** Maps one packet's source timestamps (already in µs; nullopt when unknown). */
    Stamp map(std::optional<qint64> dtsUs, std::optional<qint64> ptsUs, qint64 durationUs);

    bool isEmpty() const { return !m_hasLast; }
    /** End of the last mapped packet (its dts plus its duration). */
    qint64 endUs() const { return m_lastDtsUs + m_lastDurationUs; }

private:
    qint64 fallbackDurationUs() const;

    bool m_hasLast = false;
    qint64 m_lastDtsUs = 0;      // output
    qint64 m_lastDurationUs = 0; // output
    qint64 m_lastInputDtsUs = 0; // input, for packets without timestamps
    qint64 m_offsetUs = 0;       // output = input + offset
    qint64 m_nominalDurationUs = 0;
    std::optional<qint64> m_rebaseGapUs; // set: the next packet re-bases the offset
};

} // namespace vms::media
