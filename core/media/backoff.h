#pragma once

#include <QRandomGenerator>

#include <algorithm>

namespace vms::media {

/**
 * Capped exponential reconnect delays: min, 2·min, 4·min, ... up to max, each with ±jitter so
 * that cameras behind one failed switch do not reconnect in lockstep.
 */
class Backoff
{
public:
    Backoff(int minMs, int maxMs, double jitter = 0.1)
        : m_minMs(std::max(1, minMs))
        , m_maxMs(std::max(m_minMs, maxMs))
        , m_jitter(std::clamp(jitter, 0.0, 0.5))
    {}

    /** The delay before the next attempt; each call doubles the following one. */
    int nextDelayMs()
    {
        const qint64 base = std::min<qint64>(qint64(m_minMs) << std::min(m_failures, 30), m_maxMs);
        ++m_failures;
        const double factor
                = 1.0 + m_jitter * (2.0 * QRandomGenerator::global()->generateDouble() - 1.0);
        return int(std::clamp<qint64>(qint64(base * factor), m_minMs, m_maxMs));
    }
    void reset() { m_failures = 0; }
    int failures() const { return m_failures; }

private:
    int m_minMs;
    int m_maxMs;
    double m_jitter;
    int m_failures = 0;
};

} // namespace vms::media
