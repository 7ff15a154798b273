#pragma once

// Helpers of the VideoDecoder tests: collect what a decoder hands to its consumer, judge BGRA
// pictures, make clips with the ffmpeg CLI.

#include "core/media/video_decoder.h"

#include <QDateTime>
#include <QList>
#include <QObject>
#include <QProcess>
#include <QStandardPaths>
#include <QStringList>

#include <atomic>
#include <cmath>
#include <optional>

namespace vms::media::test {

/** What was taken of one frame (the pixels of all frames would be gigabytes). */
struct SeenFrame
{
    qint64 ptsMs = 0;
    qint64 decodedAtMs = 0;
    int width = 0, height = 0, stride = 0;
    qsizetype bytes = 0;
    bool isKeyframe = false;
};

/**
 * Takes frames like a tile does (frameReady queued to this thread, then slot().take()) and
 * records signals. The first and the last frame keep their pixels.
 */
class FrameCollector : public QObject
{
public:
    explicit FrameCollector(VideoDecoder &decoder)
        : m_decoder(decoder)
    {
        connect(
                &decoder, &VideoDecoder::frameReady, this,
                [this] {
                    ++notifications;
                    if (!taking)
                        return;
                    if (auto frame = m_decoder.slot().take())
                        add(*frame);
                },
                Qt::QueuedConnection);
        connect(
                &decoder, &VideoDecoder::stateChanged, this,
                [this](StreamState state, const QString &reason) {
                    states.append(state);
                    reasons.append(reason);
                },
                Qt::QueuedConnection);
        // Where finished() was emitted, on the decoder thread: no queueing delay in the timing.
        connect(
                &decoder, &VideoDecoder::finished, this,
                [this] { finishedAtMs.store(QDateTime::currentMSecsSinceEpoch()); },
                Qt::DirectConnection);
        connect(
                &decoder, &VideoDecoder::finished, this, [this] { ++finishedCount; },
                Qt::QueuedConnection);
    }

    void add(const VideoFrame &frame)
    {
        seen.append({frame.ptsMs, frame.decodedAtMs, frame.width, frame.height, frame.stride,
                     frame.pixels.size(), frame.isKeyframe});
        if (!first)
            first = frame;
        last = frame;
    }
    void clear()
    {
        seen.clear();
        first.reset();
        last.reset();
    }

    bool taking = true;
    int notifications = 0;
    QList<SeenFrame> seen;
    std::optional<VideoFrame> first, last;
    QList<StreamState> states;
    QStringList reasons;
    int finishedCount = 0;
    std::atomic<qint64> finishedAtMs{0};

private:
    VideoDecoder &m_decoder;
};

/** Standard deviation of the luma of a BGRA picture (every 4th pixel): ~0 for a flat one. */
inline double lumaStdDev(const VideoFrame &frame)
{
    double sum = 0, sumSq = 0;
    qint64 n = 0;
    const auto *bytes = reinterpret_cast<const uchar *>(frame.pixels.constData());
    for (int y = 0; y < frame.height; y += 4) {
        const uchar *row = bytes + qsizetype(y) * frame.stride;
        for (int x = 0; x < frame.width; x += 4) {
            const uchar *p = row + x * 4;
            const double luma = 0.114 * p[0] + 0.587 * p[1] + 0.299 * p[2];
            sum += luma;
            sumSq += luma * luma;
            ++n;
        }
    }
    if (n == 0)
        return 0;
    const double mean = sum / n;
    return std::sqrt(std::max(0.0, sumSq / n - mean * mean));
}

/** Whether every pixel's 4th byte is 0xff, as QImage::Format_RGB32 requires. */
inline bool isOpaque(const VideoFrame &frame)
{
    const auto *bytes = reinterpret_cast<const uchar *>(frame.pixels.constData());
    for (int y = 0; y < frame.height; ++y) {
        const uchar *row = bytes + qsizetype(y) * frame.stride;
        for (int x = 0; x < frame.width; ++x) {
            if (row[x * 4 + 3] != 0xff)
                return false;
        }
    }
    return true;
}

/**
 * Makes an H.264 clip of testsrc2 (moving, colourful) with the ffmpeg CLI; the container
 * follows the extension. Empty on success, else the reason.
 */
inline QString makeClip(const QString &path, int seconds, const QString &size, int fps, int gop,
                        const QStringList &extra = {})
{
    const QString ffmpeg = QStandardPaths::findExecutable(QStringLiteral("ffmpeg"));
    if (ffmpeg.isEmpty())
        return QStringLiteral("no ffmpeg CLI");
    QProcess p;
    p.setProcessChannelMode(QProcess::MergedChannels);
    QStringList args{QStringLiteral("-nostdin"),
                     QStringLiteral("-v"),
                     QStringLiteral("error"),
                     QStringLiteral("-y"),
                     QStringLiteral("-f"),
                     QStringLiteral("lavfi"),
                     QStringLiteral("-i"),
                     QStringLiteral("testsrc2=size=%1:rate=%2").arg(size).arg(fps),
                     QStringLiteral("-t"),
                     QString::number(seconds),
                     QStringLiteral("-c:v"),
                     QStringLiteral("libx264"),
                     QStringLiteral("-preset"),
                     QStringLiteral("ultrafast"),
                     QStringLiteral("-g"),
                     QString::number(gop),
                     QStringLiteral("-pix_fmt"),
                     QStringLiteral("yuv420p")};
    args += extra;
    args << path;
    p.start(ffmpeg, args);
    if (!p.waitForFinished(120000) || p.exitStatus() != QProcess::NormalExit || p.exitCode() != 0)
        return QStringLiteral("ffmpeg failed: ") + QString::fromLocal8Bit(p.readAll());
    return {};
}

} // namespace vms::media::test
