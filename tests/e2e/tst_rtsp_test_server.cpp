// End-to-end test of the RTSP test server (tests/support/rtsp_server) through its Qt helper:
// every mount is read back with libavformat (RTSP over TCP) and decoded with libavcodec, the way
// the VMS reads cameras.
#include "tests/support/rtsp_test_server.h"

#include <QDeadlineTimer>
#include <QElapsedTimer>
#include <QProcess>
#include <QSet>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

extern "C" {
#include <libavcodec/avcodec.h>
#include <libavformat/avformat.h>
#include <libavutil/dict.h>
#include <libavutil/error.h>
}

#include <cmath>
#include <memory>

using vms::test::RtspTestServer;

namespace {

constexpr int kReadTimeoutMs = 8000;
constexpr int kThumbSide = 8;

struct FormatCloser
{
    void operator()(AVFormatContext *c) const { avformat_close_input(&c); }
};
struct CodecFreer
{
    void operator()(AVCodecContext *c) const { avcodec_free_context(&c); }
};
struct FrameFreer
{
    void operator()(AVFrame *f) const { av_frame_free(&f); }
};
struct PacketFreer
{
    void operator()(AVPacket *p) const { av_packet_free(&p); }
};
using FormatPtr = std::unique_ptr<AVFormatContext, FormatCloser>;
using CodecPtr = std::unique_ptr<AVCodecContext, CodecFreer>;
using FramePtr = std::unique_ptr<AVFrame, FrameFreer>;
using PacketPtr = std::unique_ptr<AVPacket, PacketFreer>;

QString avError(int code)
{
    char buf[AV_ERROR_MAX_STRING_SIZE] = {};
    av_strerror(code, buf, sizeof buf);
    return QString::fromUtf8(buf);
}

int interruptOnDeadline(void *opaque)
{
    return static_cast<const QDeadlineTimer *>(opaque)->hasExpired() ? 1 : 0;
}

// What a decoded picture looks like, from its luma plane sampled every 4th pixel.
struct FrameStats
{
    double mean = 0;
    double stddev = 0;
    quint64 hash = 0;
    QList<double> thumb; // kThumbSide x kThumbSide block means
};

FrameStats lumaStats(const AVFrame *f)
{
    FrameStats s;
    QList<double> sums(kThumbSide * kThumbSide, 0.0);
    QList<int> counts(kThumbSide * kThumbSide, 0);
    double sum = 0;
    double sumSq = 0;
    qint64 n = 0;
    quint64 hash = 1469598103934665603ULL;
    for (int y = 0; y < f->height; y += 4) {
        const uint8_t *row = f->data[0] + qint64(y) * f->linesize[0];
        for (int x = 0; x < f->width; x += 4) {
            const int v = row[x];
            sum += v;
            sumSq += double(v) * v;
            ++n;
            hash = (hash ^ quint64(v)) * 1099511628211ULL;
            const int cell = (y * kThumbSide / f->height) * kThumbSide + x * kThumbSide / f->width;
            sums[cell] += v;
            ++counts[cell];
        }
    }
    s.mean = sum / double(n);
    s.stddev = std::sqrt(qMax(0.0, sumSq / double(n) - s.mean * s.mean));
    s.hash = hash;
    for (int i = 0; i < sums.size(); ++i)
        s.thumb.append(counts[i] ? sums[i] / counts[i] : 0.0);
    return s;
}

double thumbDistance(const QList<double> &a, const QList<double> &b)
{
    double d = 0;
    for (int i = 0; i < a.size() && i < b.size(); ++i)
        d += std::abs(a[i] - b[i]);
    return d / double(qMax<qsizetype>(1, a.size()));
}

// An RTSP session opened the way the VMS opens cameras.
struct RtspInput
{
    QDeadlineTimer deadline{kReadTimeoutMs};
    FormatPtr format;
    int videoIndex = -1;
    QString error;

    bool open(const QUrl &url)
    {
        AVFormatContext *raw = avformat_alloc_context();
        raw->interrupt_callback.callback = interruptOnDeadline;
        raw->interrupt_callback.opaque = &deadline;
        AVDictionary *opts = nullptr;
        av_dict_set(&opts, "rtsp_transport", "tcp", 0);
        av_dict_set(&opts, "timeout", "3000000", 0); // socket I/O, microseconds (FFmpeg 5)
        // Not "fflags nobuffer": it drops the packets that avformat_find_stream_info reads, which
        // can be the first keyframe (the wait for the next one is then a whole GOP).
        av_dict_set(&opts, "flags", "low_delay", 0);
        av_dict_set(&opts, "probesize", "32", 0);
        av_dict_set(&opts, "analyzeduration", "0", 0);
        const QByteArray u = url.toString().toUtf8();
        int rc = avformat_open_input(&raw, u.constData(), nullptr, &opts);
        av_dict_free(&opts);
        if (rc < 0) {
            error = QStringLiteral("avformat_open_input(%1): %2").arg(url.toString(), avError(rc));
            return false; // avformat_open_input freed the context
        }
        format.reset(raw);
        if ((rc = avformat_find_stream_info(raw, nullptr)) < 0) {
            error = QStringLiteral("avformat_find_stream_info: ") + avError(rc);
            return false;
        }
        videoIndex = av_find_best_stream(raw, AVMEDIA_TYPE_VIDEO, -1, -1, nullptr, 0);
        if (videoIndex < 0) {
            error = QStringLiteral("no video stream");
            return false;
        }
        return true;
    }
};

struct ReadResult
{
    bool ok = false;
    QString error;
    AVCodecID codec = AV_CODEC_ID_NONE;
    int width = 0;
    int height = 0;
    qint64 firstFrameMs = -1; // from before avformat_open_input to the first decoded frame
    QList<qint64> timestamps; // best-effort timestamps of the decoded frames
    QList<FrameStats> frames;

    int distinctPictures() const
    {
        QSet<quint64> hashes;
        for (const FrameStats &f : frames)
            hashes.insert(f.hash);
        return int(hashes.size());
    }
};

// Opens url and decodes frameCount frames (or fails within kReadTimeoutMs).
ReadResult readFrames(const QUrl &url, int frameCount)
{
    ReadResult r;
    QElapsedTimer clock;
    clock.start();
    RtspInput in;
    if (!in.open(url)) {
        r.error = in.error;
        return r;
    }
    const AVStream *st = in.format->streams[in.videoIndex];
    r.codec = st->codecpar->codec_id;
    const AVCodec *decoder = avcodec_find_decoder(st->codecpar->codec_id);
    if (!decoder) {
        r.error = QStringLiteral("no decoder for ") + QString::fromUtf8(avcodec_get_name(r.codec));
        return r;
    }
    CodecPtr codec(avcodec_alloc_context3(decoder));
    avcodec_parameters_to_context(codec.get(), st->codecpar);
    codec->thread_count = 1;
    if (int rc = avcodec_open2(codec.get(), decoder, nullptr); rc < 0) {
        r.error = QStringLiteral("avcodec_open2: ") + avError(rc);
        return r;
    }
    PacketPtr pkt(av_packet_alloc());
    FramePtr frame(av_frame_alloc());
    while (r.frames.size() < frameCount) {
        int rc = av_read_frame(in.format.get(), pkt.get());
        if (rc < 0) {
            r.error = QStringLiteral("av_read_frame after %1 frames: %2")
                              .arg(r.frames.size())
                              .arg(avError(rc));
            return r;
        }
        if (pkt->stream_index != in.videoIndex) {
            av_packet_unref(pkt.get());
            continue;
        }
        rc = avcodec_send_packet(codec.get(), pkt.get());
        av_packet_unref(pkt.get());
        if (rc < 0 && rc != AVERROR(EAGAIN) && rc != AVERROR_INVALIDDATA) {
            r.error = QStringLiteral("avcodec_send_packet: ") + avError(rc);
            return r;
        }
        while (r.frames.size() < frameCount
               && avcodec_receive_frame(codec.get(), frame.get()) == 0) {
            if (r.frames.isEmpty())
                r.firstFrameMs = clock.elapsed();
            r.width = frame->width;
            r.height = frame->height;
            r.timestamps.append(frame->best_effort_timestamp);
            r.frames.append(lumaStats(frame.get()));
            av_frame_unref(frame.get());
        }
    }
    r.ok = true;
    return r;
}

QString describe(const ReadResult &r, const RtspTestServer &server)
{
    return r.error + QStringLiteral("\nserver log:\n") + server.serverLog();
}

} // namespace

class TestRtspTestServer : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void cleanupTestCase();
    void mainStreamIs720pH264WithLivePicture();
    void subStreamIs360p();
    void extraStreamsShowDifferentPictures();
    void unknownMountIsRefused();
    void restartsOnTheSamePort();
    void fileMountsLoop();
    void badFileIsReported();

private:
    RtspTestServer m_server;
};

void TestRtspTestServer::initTestCase()
{
    av_log_set_level(AV_LOG_ERROR);
    avformat_network_init();
    QVERIFY2(m_server.start({QStringLiteral("--streams"), QStringLiteral("2")}),
             qPrintable(m_server.errorString()));
    QVERIFY(m_server.port() > 0);
    QCOMPARE(m_server.url().toString(),
             QStringLiteral("rtsp://127.0.0.1:%1/test").arg(m_server.port()));
    qInfo("server listening after %lld ms (process start to RTSP_URL)", m_server.startupMs());
}

void TestRtspTestServer::cleanupTestCase()
{
    m_server.stop();
    avformat_network_deinit();
}

void TestRtspTestServer::mainStreamIs720pH264WithLivePicture()
{
    const ReadResult r = readFrames(m_server.url(), 25);
    QVERIFY2(r.ok, qPrintable(describe(r, m_server)));
    qInfo("/test: first decoded frame after %lld ms", r.firstFrameMs);
    QCOMPARE(r.codec, AV_CODEC_ID_H264);
    QCOMPARE(r.width, 1280);
    QCOMPARE(r.height, 720);
    QCOMPARE(r.frames.size(), 25);
    for (int i = 0; i < r.frames.size(); ++i) {
        const FrameStats &f = r.frames[i];
        // SMPTE bars: neither black nor uniform.
        QVERIFY2(f.mean > 40 && f.mean < 220,
                 qPrintable(QStringLiteral("frame %1 mean %2").arg(i).arg(f.mean)));
        QVERIFY2(f.stddev > 20,
                 qPrintable(QStringLiteral("frame %1 stddev %2").arg(i).arg(f.stddev)));
        if (i > 0)
            QVERIFY2(r.timestamps[i] > r.timestamps[i - 1],
                     qPrintable(QStringLiteral("timestamps not increasing at frame %1").arg(i)));
    }
    // The running-time overlay changes every frame: a frozen picture would repeat.
    QVERIFY2(r.distinctPictures() > 20, qPrintable(QString::number(r.distinctPictures())));
}

void TestRtspTestServer::subStreamIs360p()
{
    const ReadResult r = readFrames(m_server.url(QStringLiteral("sub")), 5);
    QVERIFY2(r.ok, qPrintable(describe(r, m_server)));
    QCOMPARE(r.codec, AV_CODEC_ID_H264);
    QCOMPARE(r.width, 640);
    QCOMPARE(r.height, 360);
    QVERIFY(r.frames.last().stddev > 20);
}

void TestRtspTestServer::extraStreamsShowDifferentPictures()
{
    const ReadResult main = readFrames(m_server.url(), 3);
    const ReadResult one = readFrames(m_server.url(QStringLiteral("test1")), 3);
    const ReadResult two = readFrames(m_server.url(QStringLiteral("test2")), 3);
    QVERIFY2(main.ok, qPrintable(describe(main, m_server)));
    QVERIFY2(one.ok, qPrintable(describe(one, m_server)));
    QVERIFY2(two.ok, qPrintable(describe(two, m_server)));
    QCOMPARE(one.width, 1280);
    QCOMPARE(two.height, 720);
    // Different test patterns: the 8x8 luma thumbnails differ clearly (same pattern: < 3).
    const double d01 = thumbDistance(main.frames.last().thumb, one.frames.last().thumb);
    const double d02 = thumbDistance(main.frames.last().thumb, two.frames.last().thumb);
    const double d12 = thumbDistance(one.frames.last().thumb, two.frames.last().thumb);
    const QString why = QStringLiteral("%1 %2 %3").arg(d01).arg(d02).arg(d12);
    QVERIFY2(d01 > 10 && d02 > 10 && d12 > 10, qPrintable(why));
    // ... while two reads of one mount agree.
    const ReadResult again = readFrames(m_server.url(QStringLiteral("test1")), 3);
    QVERIFY2(again.ok, qPrintable(describe(again, m_server)));
    QVERIFY2(thumbDistance(one.frames.last().thumb, again.frames.last().thumb) < 5,
             qPrintable(QString::number(
                     thumbDistance(one.frames.last().thumb, again.frames.last().thumb))));
}

void TestRtspTestServer::unknownMountIsRefused()
{
    const ReadResult r = readFrames(m_server.url(QStringLiteral("nope")), 1);
    QVERIFY(!r.ok);
    QVERIFY2(r.error.contains(QLatin1String("avformat_open_input")), qPrintable(r.error));
}

void TestRtspTestServer::restartsOnTheSamePort()
{
    const quint16 port = m_server.port();
    const qint64 firstPid = m_server.processId();
    QVERIFY(firstPid > 0);

    // A client is connected while the server goes away, as in a camera outage.
    RtspInput client;
    QVERIFY2(client.open(m_server.url()), qPrintable(client.error));
    PacketPtr pkt(av_packet_alloc());
    QVERIFY(av_read_frame(client.format.get(), pkt.get()) == 0);
    av_packet_unref(pkt.get());

    m_server.stop();
    QVERIFY(!m_server.isRunning());
    // The connected client sees the end of the stream (not a hang until its deadline).
    int rc = 0;
    while ((rc = av_read_frame(client.format.get(), pkt.get())) == 0)
        av_packet_unref(pkt.get());
    QVERIFY2(!client.deadline.hasExpired(), qPrintable(avError(rc)));

    QVERIFY2(m_server.start({QStringLiteral("--streams"), QStringLiteral("2")}, port),
             qPrintable(m_server.errorString()));
    QCOMPARE(m_server.port(), port);
    QVERIFY(m_server.processId() != firstPid);
    ReadResult r = readFrames(m_server.url(), 5);
    QVERIFY2(r.ok, qPrintable(describe(r, m_server)));
    QCOMPARE(r.width, 1280);

    // An abrupt death (SIGKILL) with a reader connected: the port is free again at once too.
    RtspInput reader;
    QVERIFY2(reader.open(m_server.url(QStringLiteral("sub"))), qPrintable(reader.error));
    QVERIFY(av_read_frame(reader.format.get(), pkt.get()) == 0);
    av_packet_unref(pkt.get());
    m_server.kill();
    QVERIFY2(m_server.start({QStringLiteral("--streams"), QStringLiteral("2")}, port),
             qPrintable(m_server.errorString()));
    QCOMPARE(m_server.port(), port);
    r = readFrames(m_server.url(), 5);
    QVERIFY2(r.ok, qPrintable(describe(r, m_server)));
    QCOMPARE(r.height, 720);
}

void TestRtspTestServer::fileMountsLoop()
{
    const QString ffmpeg = QStandardPaths::findExecutable(QStringLiteral("ffmpeg"));
    QVERIFY2(!ffmpeg.isEmpty(), "the ffmpeg CLI is needed (scripts/install-deps.sh)");
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString mp4 = dir.filePath(QStringLiteral("clip.mp4"));
    const QString mkv = dir.filePath(QStringLiteral("clip.mkv"));
    // 25 frames (1 s) with a keyframe every 10: reading 40 frames needs the loop.
    QProcess p;
    p.start(ffmpeg, {QStringLiteral("-nostdin"), QStringLiteral("-v"), QStringLiteral("error"),
                     QStringLiteral("-y"), QStringLiteral("-f"), QStringLiteral("lavfi"),
                     QStringLiteral("-i"), QStringLiteral("testsrc=size=320x240:rate=25"),
                     QStringLiteral("-c:v"), QStringLiteral("libx264"), QStringLiteral("-preset"),
                     QStringLiteral("ultrafast"), QStringLiteral("-g"), QStringLiteral("10"),
                     QStringLiteral("-pix_fmt"), QStringLiteral("yuv420p"), QStringLiteral("-t"),
                     QStringLiteral("1"), mp4});
    QVERIFY(p.waitForFinished(30000));
    QVERIFY2(p.exitCode() == 0, p.readAllStandardError().constData());
    p.start(ffmpeg, {QStringLiteral("-nostdin"), QStringLiteral("-v"), QStringLiteral("error"),
                     QStringLiteral("-y"), QStringLiteral("-i"), mp4, QStringLiteral("-c"),
                     QStringLiteral("copy"), mkv});
    QVERIFY(p.waitForFinished(30000));
    QVERIFY2(p.exitCode() == 0, p.readAllStandardError().constData());

    RtspTestServer files;
    QVERIFY2(files.start({QStringLiteral("--file"), mp4, QStringLiteral("--file"), mkv}),
             qPrintable(files.errorString()));

    ReadResult r = readFrames(files.url(QStringLiteral("file0")), 40);
    QVERIFY2(r.ok, qPrintable(describe(r, files)));
    QCOMPARE(r.codec, AV_CODEC_ID_H264);
    QCOMPARE(r.width, 320);
    QCOMPARE(r.height, 240);
    for (int i = 1; i < r.timestamps.size(); ++i) {
        QVERIFY2(r.timestamps[i] > r.timestamps[i - 1],
                 qPrintable(QStringLiteral("timestamps not increasing at frame %1 (loop at 25)")
                                    .arg(i)));
    }
    for (const FrameStats &f : r.frames)
        QVERIFY(f.stddev > 20); // testsrc: colour bars, a gradient and a counter
    // Served from its first frame, and looped: the same 25 decoded pictures again, bit-exact
    // (each loop restarts at the clip's IDR), while testsrc's counter changes every frame.
    QCOMPARE(r.distinctPictures(), 25);
    for (int i = 0; i + 25 < r.frames.size(); ++i)
        QCOMPARE(r.frames[i + 25].hash, r.frames[i].hash);
    qInfo("/file0: first decoded frame after %lld ms", r.firstFrameMs);

    r = readFrames(files.url(QStringLiteral("file1")), 5);
    QVERIFY2(r.ok, qPrintable(describe(r, files)));
    QCOMPARE(r.width, 320);
    QCOMPARE(r.height, 240);
}

void TestRtspTestServer::badFileIsReported()
{
    RtspTestServer bad;
    QVERIFY(!bad.start({QStringLiteral("--file"), QStringLiteral("/nonexistent/clip.mp4")}));
    QVERIFY2(bad.errorString().contains(QLatin1String("no such file")),
             qPrintable(bad.errorString()));
    QVERIFY(!bad.isRunning());
}

QTEST_GUILESS_MAIN(TestRtspTestServer)
#include "tst_rtsp_test_server.moc"
