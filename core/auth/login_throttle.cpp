#include "core/auth/login_throttle.h"

#include <QMutexLocker>

#include <algorithm>

namespace vms::auth {

qint64 LoginThrottle::delayMs(const QString &client) const
{
    QMutexLocker lock(&m_mutex);
    const auto it = m_entries.constFind(client);
    if (it == m_entries.cend() || m_clock.nowMs() - it->lastFailureMs > kWindowMs)
        return 0;
    const int excess = it->failures - kFreeAttempts;
    if (excess < 0)
        return 0;
    return std::min(kMaxDelayMs, kBaseDelayMs << std::min(excess, 16));
}

void LoginThrottle::recordFailure(const QString &client)
{
    QMutexLocker lock(&m_mutex);
    const qint64 now = m_clock.nowMs();
    Entry &e = m_entries[client];
    if (now - e.lastFailureMs > kWindowMs)
        e.failures = 0;
    ++e.failures;
    e.lastFailureMs = now;
    // Bound memory under a spray of client addresses: forget stale entries.
    if (m_entries.size() > 10000) {
        for (auto it = m_entries.begin(); it != m_entries.end();) {
            if (now - it->lastFailureMs > kWindowMs)
                it = m_entries.erase(it);
            else
                ++it;
        }
    }
}

void LoginThrottle::recordSuccess(const QString &client)
{
    QMutexLocker lock(&m_mutex);
    m_entries.remove(client);
}

} // namespace vms::auth
