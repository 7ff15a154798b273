#pragma once

#include "core/domain/clock.h"

#include <QHash>
#include <QMutex>
#include <QString>

namespace vms::auth {

/**
 * Slows down repeated failed logins from one client. The first kFreeAttempts failures inside the
 * window cost nothing; each further one doubles the delay, up to kMaxDelayMs. A success clears
 * the client's record. Thread-safe.
 */
class LoginThrottle
{
public:
    static constexpr int kFreeAttempts = 3;
    static constexpr qint64 kBaseDelayMs = 250;
    static constexpr qint64 kMaxDelayMs = 8000;
    static constexpr qint64 kWindowMs = 15 * 60 * 1000;

    explicit LoginThrottle(const Clock &clock)
        : m_clock(clock)
    {}

    /** How long to hold the answer to the next attempt of this client. */
    qint64 delayMs(const QString &client) const;
    void recordFailure(const QString &client);
    void recordSuccess(const QString &client);

private:
    struct Entry
    {
        int failures = 0;
        qint64 lastFailureMs = 0;
    };
    const Clock &m_clock;
    mutable QMutex m_mutex;
    QHash<QString, Entry> m_entries;
};

} // namespace vms::auth
