// vms::media::FrameSlot: the latest-frame hand-over between a decoder thread and the GUI.
#include "core/media/frame_slot.h"

#include <QElapsedTimer>
#include <QTest>
#include <QThread>

#include <atomic>

using namespace vms::media;

namespace {

VideoFrame frameAt(qint64 ptsMs, int width = 4, int height = 2)
{
    VideoFrame f;
    f.width = width;
    f.height = height;
    f.stride = width * 4;
    f.pixels = QByteArray(qsizetype(f.stride) * height, char(ptsMs & 0x7f));
    f.ptsMs = ptsMs;
    return f;
}

} // namespace

class TestFrameSlot : public QObject
{
    Q_OBJECT

private slots:
    void takeGivesTheFrameOnce()
    {
        FrameSlot slot;
        QVERIFY(!slot.take());
        slot.put(frameAt(7));
        QVERIFY(slot.hasFrame());
        const auto frame = slot.take();
        QVERIFY(frame);
        QCOMPARE(frame->ptsMs, 7);
        QVERIFY(!frame->isNull());
        QVERIFY(!slot.take());
        QCOMPARE(slot.produced(), 1u);
        QCOMPARE(slot.taken(), 1u);
        QCOMPARE(slot.dropped(), 0u);
    }

    void overwriteKeepsTheNewestAndCountsDrops()
    {
        FrameSlot slot;
        for (int i = 1; i <= 5; ++i)
            slot.put(frameAt(i));
        const auto frame = slot.take();
        QVERIFY(frame);
        QCOMPARE(frame->ptsMs, 5);
        QCOMPARE(slot.produced(), 5u);
        QCOMPARE(slot.dropped(), 4u);
        QCOMPARE(slot.taken(), 1u);
    }

    void pixelsAreSharedNotCopied()
    {
        FrameSlot slot;
        VideoFrame f = frameAt(1, 1280, 720);
        const char *data = f.pixels.constData();
        slot.put(std::move(f));
        const auto taken = slot.take();
        QVERIFY(taken);
        QCOMPARE(taken->pixels.constData(), data);
    }

    void offerNotifiesOncePerTake()
    {
        FrameSlot slot;
        QVERIFY(slot.offer(frameAt(1)));  // first: tell the consumer
        QVERIFY(!slot.offer(frameAt(2))); // it has not answered yet
        QVERIFY(!slot.offer(frameAt(3)));
        QCOMPARE(slot.take()->ptsMs, 3);
        QVERIFY(slot.offer(frameAt(4))); // answered: tell again
        // A take() that finds nothing (already taken) also answers the notification.
        QVERIFY(slot.take());
        QVERIFY(!slot.take());
        QVERIFY(slot.offer(frameAt(5)));
        slot.clear();
        QVERIFY(!slot.hasFrame());
        QVERIFY(slot.offer(frameAt(6))); // clear() re-arms too
        QCOMPARE(slot.dropped(), 2u);    // frames 1 and 2; clear() does not count
    }

    void slowConsumerDropsAndAlwaysGetsTheNewest()
    {
        FrameSlot slot;
        std::atomic<bool> done{false};
        constexpr int kFrames = 300;
        // Producer: a frame every 2 ms (500 fps); consumer: every 20 ms.
        std::unique_ptr<QThread> producer(QThread::create([&] {
            for (int i = 1; i <= kFrames; ++i) {
                slot.put(frameAt(i));
                QThread::usleep(2000);
            }
            done.store(true);
        }));
        producer->start();
        QList<qint64> takenPts;
        while (!done.load()) {
            QThread::msleep(20);
            if (auto f = slot.take())
                takenPts.append(f->ptsMs);
        }
        producer->wait();
        if (auto f = slot.take())
            takenPts.append(f->ptsMs);
        QCOMPARE(slot.produced(), quint64(kFrames));
        QCOMPARE(slot.taken(), quint64(takenPts.size()));
        QCOMPARE(slot.taken() + slot.dropped(), slot.produced());
        QVERIFY2(slot.dropped() > kFrames / 2, qPrintable(QString::number(slot.dropped())));
        QVERIFY(!takenPts.isEmpty());
        QCOMPARE(takenPts.last(), kFrames); // the newest is never lost
        for (int i = 1; i < takenPts.size(); ++i)
            QVERIFY2(takenPts[i] > takenPts[i - 1], "frames went backwards");
    }
};

QTEST_GUILESS_MAIN(TestFrameSlot)
#include "tst_frame_slot.moc"
