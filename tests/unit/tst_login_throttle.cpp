// Unit tests of vms::auth::LoginThrottle (core/auth/login_throttle.h) with a manual clock.
#include "core/auth/login_throttle.h"

#include <QTest>

using vms::ManualClock;
using vms::auth::LoginThrottle;

namespace {

QDateTime start()
{
    return QDateTime(QDate(2026, 3, 1), QTime(12, 0), Qt::UTC);
}

const QString kClient = QStringLiteral("10.0.0.1");

} // namespace

class TestLoginThrottle : public QObject
{
    Q_OBJECT

private slots:
    void constants()
    {
        // The table below is written against these values.
        QCOMPARE(LoginThrottle::kFreeAttempts, 3);
        QCOMPARE(LoginThrottle::kBaseDelayMs, 250);
        QCOMPARE(LoginThrottle::kMaxDelayMs, 8000);
        QCOMPARE(LoginThrottle::kWindowMs, 15 * 60 * 1000);
    }

    void delayAfterFailures_data()
    {
        QTest::addColumn<int>("failures");
        QTest::addColumn<qint64>("delayMs");
        QTest::newRow("none") << 0 << qint64(0);
        QTest::newRow("1 free") << 1 << qint64(0);
        QTest::newRow("2 free") << 2 << qint64(0);
        // After the free attempts are spent, the next attempt waits, doubling each time.
        QTest::newRow("3") << 3 << qint64(250);
        QTest::newRow("4") << 4 << qint64(500);
        QTest::newRow("5") << 5 << qint64(1000);
        QTest::newRow("6") << 6 << qint64(2000);
        QTest::newRow("7") << 7 << qint64(4000);
        QTest::newRow("8 reaches cap") << 8 << qint64(8000);
        QTest::newRow("9 capped") << 9 << qint64(8000);
        QTest::newRow("40 capped (no shift overflow)") << 40 << qint64(8000);
        QTest::newRow("200 capped") << 200 << qint64(8000);
    }

    void delayAfterFailures()
    {
        QFETCH(int, failures);
        QFETCH(qint64, delayMs);
        ManualClock clock(start());
        LoginThrottle t(clock);
        for (int i = 0; i < failures; ++i) {
            t.recordFailure(kClient);
            clock.advanceMs(100); // spread inside the window
        }
        QCOMPARE(t.delayMs(kClient), delayMs);
        QVERIFY(t.delayMs(kClient) <= LoginThrottle::kMaxDelayMs);
    }

    void windowExpiryResets()
    {
        ManualClock clock(start());
        LoginThrottle t(clock);
        for (int i = 0; i < 6; ++i)
            t.recordFailure(kClient);
        QCOMPARE(t.delayMs(kClient), qint64(2000));

        // Exactly at the window's end the record still counts.
        clock.advanceMs(LoginThrottle::kWindowMs);
        QCOMPARE(t.delayMs(kClient), qint64(2000));

        clock.advanceMs(1);
        QCOMPARE(t.delayMs(kClient), qint64(0));

        // A failure after expiry starts a fresh count: free again, not 7 failures.
        t.recordFailure(kClient);
        QCOMPARE(t.delayMs(kClient), qint64(0));
        t.recordFailure(kClient);
        t.recordFailure(kClient);
        QCOMPARE(t.delayMs(kClient), qint64(250));
    }

    void windowSlidesWithEachFailure()
    {
        // The window is measured from the last failure, so steady failures keep the delay.
        ManualClock clock(start());
        LoginThrottle t(clock);
        for (int i = 0; i < 5; ++i) {
            t.recordFailure(kClient);
            clock.advanceMs(LoginThrottle::kWindowMs - 1000);
        }
        QCOMPARE(t.delayMs(kClient), qint64(1000));
    }

    void successResets()
    {
        ManualClock clock(start());
        LoginThrottle t(clock);
        for (int i = 0; i < 5; ++i)
            t.recordFailure(kClient);
        QCOMPARE(t.delayMs(kClient), qint64(1000));
        t.recordSuccess(kClient);
        QCOMPARE(t.delayMs(kClient), qint64(0));
        // Counting starts over after a success.
        t.recordFailure(kClient);
        t.recordFailure(kClient);
        QCOMPARE(t.delayMs(kClient), qint64(0));
        t.recordFailure(kClient);
        QCOMPARE(t.delayMs(kClient), qint64(250));
    }

    void successOfUnknownClientIsHarmless()
    {
        ManualClock clock(start());
        LoginThrottle t(clock);
        t.recordSuccess(QStringLiteral("never-seen"));
        QCOMPARE(t.delayMs(QStringLiteral("never-seen")), qint64(0));
    }

    void perClientIsolation()
    {
        ManualClock clock(start());
        LoginThrottle t(clock);
        const QString a = QStringLiteral("10.0.0.1");
        const QString b = QStringLiteral("10.0.0.2");
        for (int i = 0; i < 5; ++i)
            t.recordFailure(a);
        t.recordFailure(b);
        QCOMPARE(t.delayMs(a), qint64(1000));
        QCOMPARE(t.delayMs(b), qint64(0));

        for (int i = 0; i < 3; ++i)
            t.recordFailure(b);
        QCOMPARE(t.delayMs(b), qint64(500));
        QCOMPARE(t.delayMs(a), qint64(1000));

        // A success of one client leaves the other alone.
        t.recordSuccess(b);
        QCOMPARE(t.delayMs(b), qint64(0));
        QCOMPARE(t.delayMs(a), qint64(1000));
        QCOMPARE(t.delayMs(QStringLiteral("10.0.0.3")), qint64(0));
    }

    void manyClientsKeepRecentOnes()
    {
        // The memory bound (stale entries forgotten above 10,000 clients) must not drop clients
        // that are still inside the window.
        ManualClock clock(start());
        LoginThrottle t(clock);
        for (int i = 0; i < 4; ++i)
            t.recordFailure(kClient);
        for (int i = 0; i < 10'050; ++i)
            t.recordFailure(QStringLiteral("192.168.%1.%2").arg(i / 256).arg(i % 256));
        QCOMPARE(t.delayMs(kClient), qint64(500));
    }
};

QTEST_GUILESS_MAIN(TestLoginThrottle)
#include "tst_login_throttle.moc"
