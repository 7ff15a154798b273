#pragma once

#include <QDateTime>

#include <functional>

namespace vms {

/** Injectable wall clock, so that tests can move time (token expiry, audit periods, throttling). */
class Clock
{
public:
    virtual ~Clock() = default;
    virtual QDateTime now() const { return QDateTime::currentDateTimeUtc(); }
    qint64 nowSecs() const { return now().toSecsSinceEpoch(); }
    qint64 nowMs() const { return now().toMSecsSinceEpoch(); }
};

/** A clock that tests set by hand. */
class ManualClock : public Clock
{
public:
    explicit ManualClock(QDateTime start = QDateTime::currentDateTimeUtc())
        : m_now(std::move(start))
    {}
    QDateTime now() const override { return m_now; }
    void advanceSecs(qint64 s) { m_now = m_now.addSecs(s); }
    void advanceMs(qint64 ms) { m_now = m_now.addMSecs(ms); }

private:
    QDateTime m_now;
};

} // namespace vms
