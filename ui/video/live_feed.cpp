#include "ui/video/live_feed.h"

#include "ui/video/decoder_reaper.h"

#include <algorithm>

namespace vms::ui {

namespace {

// Reopening a lost stream: the first retry is quick, later ones back off up to this.
constexpr int kFirstRestartDelayMs = 1000;
constexpr int kMaxRestartDelayMs = 15000;
// Key frames only after falling behind: first for this long, doubling for repeat offenders.
constexpr int kFirstBehindPenaltyMs = 10000;
constexpr int kMaxBehindPenaltyMs = 120000;
// Keeping up for this long after a penalty forgives it.
constexpr int kBehindForgivenAfterMs = 60000;
// The GUI falls behind when more than half of a poll's frames (at least this many) were
// replaced in the slot untaken, in this many polls in a row.
constexpr quint64 kMinFramesToJudge = 5;
constexpr int kFloodedPollsToFallBack = 2;
// A stream switch whose new stream failed is tried again after this.
constexpr int kSwitchRetryDelayMs = 5000;

media::SourceConfig sourceFor(const client::Camera &camera, LiveFeed::Quality quality)
{
    media::SourceConfig config;
    config.url = quality == LiveFeed::Quality::Sub && !camera.substreamUrl().isEmpty()
                         ? camera.substreamUrl()
                         : camera.sourceUrl();
    config.transport = camera.transport() == client::StreamTransport::Udp ? QStringLiteral("udp")
                                                                          : QStringLiteral("tcp");
    config.username = camera.source.value(QLatin1String("username")).toString();
    config.password = camera.source.value(QLatin1String("password")).toString();
    return config;
}

} // namespace

struct LiveFeed::Stream
{
    quint64 id = 0;
    Quality quality = Quality::Main;
    media::VideoDecoder *decoder = nullptr; // owned; retired through retireDecoder()
    media::StreamState state = media::StreamState::Connecting;
    bool hasFrame = false;
};

void LiveFeed::StreamDeleter::operator()(Stream *stream) const
{
    // Signals already queued for this stream find no stream by its id and are dropped.
    retireDecoder(stream->decoder);
    delete stream;
}

LiveFeed::LiveFeed(QObject *parent)
    : QObject(parent)
{
    m_clock.start();
    m_restartTimer.setSingleShot(true);
    connect(&m_restartTimer, &QTimer::timeout, this, &LiveFeed::startWanted);
}

LiveFeed::~LiveFeed() = default;

void LiveFeed::setCamera(const client::Camera &camera)
{
    if (camera.id == m_camera.id && camera.source == m_camera.source) {
        m_camera = camera; // a new name, say: the video goes on
        return;
    }
    clear();
    m_camera = camera;
    if (!hasCamera())
        return;
    if (m_camera.sourceUrl().isEmpty()) {
        m_lastError = tr("The camera has no video address.");
        setHealthDirty();
        return;
    }
    startWanted();
    setHealthDirty();
}

void LiveFeed::clear()
{
    m_restartTimer.stop();
    for (StreamPtr *stream : {&m_active, &m_pending}) {
        if (*stream)
            m_droppedByClosed += (*stream)->decoder->slot().dropped();
        stream->reset();
    }
    m_camera = {};
    m_hasFrame = false;
    m_wasLive = false;
    m_lastError.clear();
    m_framesReceived = 0;
    m_restartDelayMs = 0;
    m_pendingRetryAtMs = 0;
    setHealthDirty();
}

LiveFeed::Quality LiveFeed::wantedQuality() const
{
    return m_wantsMain || !hasSubstream() ? Quality::Main : Quality::Sub;
}

void LiveFeed::setWantsMainStream(bool wantsMain)
{
    if (m_wantsMain == wantsMain)
        return;
    m_wantsMain = wantsMain;
    m_pendingRetryAtMs = 0;
    if (!hasCamera() || !m_active)
        return; // the restart opens the wanted stream
    const Quality wanted = wantedQuality();
    if (m_activeQuality == wanted) {
        // Switched back before the other stream delivered: the shown one is right after all.
        if (m_pending) {
            m_droppedByClosed += m_pending->decoder->slot().dropped();
            m_pending.reset();
        }
        return;
    }
    if (m_pending && m_pending->quality == wanted)
        return;
    if (!m_active->hasFrame && !m_hasFrame) {
        // Nothing on screen yet, so nothing to keep showing: replace the stream outright.
        m_active = open(wanted);
        m_activeQuality = wanted;
        return;
    }
    m_pending = open(wanted);
}

void LiveFeed::setHidden(bool isHidden)
{
    if (m_isHidden == isHidden)
        return;
    m_isHidden = isHidden;
    applyKeyframesOnly();
}

void LiveFeed::setMaxSize(const QSize &size)
{
    if (size == m_maxSize || size.isEmpty())
        return;
    m_maxSize = size;
    for (const StreamPtr *stream : {&m_active, &m_pending}) {
        if (*stream)
            (*stream)->decoder->setMaxSize(size.width(), size.height());
    }
}

void LiveFeed::poll()
{
    const qint64 now = m_clock.elapsed();
    if (m_active && !m_isHidden) {
        // Two ways to fall behind. The decoder cannot decode in real time (it then decodes key
        // frames only by itself, for a short hold; fellBehind). Or the GUI thread cannot paint
        // as fast as frames come: most frames are replaced in the slot before anyone takes
        // them, decoded and converted for nothing; only this side can see that.
        const media::FrameSlot &slot = m_active->decoder->slot();
        const quint64 produced = slot.produced();
        const quint64 dropped = slot.dropped();
        bool isSlotFlooded = false;
        if (m_active->id == m_pollStreamId) {
            const quint64 newFrames = produced - m_polledProduced;
            const quint64 newDrops = dropped - m_polledDropped;
            isSlotFlooded = newFrames >= kMinFramesToJudge && newDrops * 2 > newFrames;
        }
        m_pollStreamId = m_active->id;
        m_polledProduced = produced;
        m_polledDropped = dropped;
        m_floodedPolls = isSlotFlooded ? m_floodedPolls + 1 : 0;

        const bool isBehindNow = m_active->decoder->stats().fellBehind
                                 || m_floodedPolls >= kFloodedPollsToFallBack;
        if (!m_isBehind && isBehindNow) {
            // Key frames only for longer than the decoder's own hold, doubling for a tile that
            // keeps falling behind, so that an overloaded grid settles instead of flapping.
            m_isBehind = true;
            m_floodedPolls = 0;
            m_behindPenaltyMs = m_behindPenaltyMs == 0
                                        ? kFirstBehindPenaltyMs
                                        : std::min(m_behindPenaltyMs * 2, kMaxBehindPenaltyMs);
            m_behindUntilMs = now + m_behindPenaltyMs;
            applyKeyframesOnly();
        } else if (m_isBehind && now >= m_behindUntilMs) {
            m_isBehind = false;
            applyKeyframesOnly();
        } else if (!m_isBehind && m_behindPenaltyMs != 0
                   && now - m_behindUntilMs > kBehindForgivenAfterMs) {
            m_behindPenaltyMs = 0;
        }
    }
    if (hasCamera() && m_active && !m_pending && m_activeQuality != wantedQuality()
        && now >= m_pendingRetryAtMs)
        m_pending = open(wantedQuality());
    setHealthDirty();
}

LiveFeed::Health LiveFeed::health() const
{
    if (!hasCamera())
        return Health::Idle;
    if (!m_active)
        return m_wasLive ? Health::Reconnecting : Health::Offline;
    switch (m_active->state) {
    case media::StreamState::Online:
        if (m_active->hasFrame)
            return Health::Live;
        return m_wasLive ? Health::Reconnecting : Health::Connecting;
    case media::StreamState::Connecting:
        return m_wasLive ? Health::Reconnecting : Health::Connecting;
    case media::StreamState::Offline:
    case media::StreamState::Error:
        return Health::Offline;
    }
    return Health::Offline;
}

media::VideoDecoder::Stats LiveFeed::stats() const
{
    if (!m_active)
        return media::VideoDecoder::Stats{};
    return m_active->decoder->stats();
}

const media::VideoDecoder *LiveFeed::activeDecoder() const
{
    return m_active ? m_active->decoder : nullptr;
}

quint64 LiveFeed::framesDropped() const
{
    quint64 dropped = m_droppedByClosed;
    for (const StreamPtr *stream : {&m_active, &m_pending}) {
        if (*stream)
            dropped += (*stream)->decoder->slot().dropped();
    }
    return dropped;
}

LiveFeed::StreamPtr LiveFeed::open(Quality quality)
{
    StreamPtr stream(new Stream);
    stream->id = m_nextStreamId++;
    stream->quality = quality;
    stream->decoder = new media::VideoDecoder;
    const quint64 id = stream->id;
    // frameReady comes from the decoder's thread; queued, it runs here on the GUI thread.
    connect(
            stream->decoder, &media::VideoDecoder::frameReady, this,
            [this, id] { onFrameReady(id); }, Qt::QueuedConnection);
    connect(
            stream->decoder, &media::VideoDecoder::stateChanged, this,
            [this, id](media::StreamState state, const QString &reason) {
                onStateChanged(id, state, reason);
            },
            Qt::QueuedConnection);
    connect(
            stream->decoder, &media::VideoDecoder::finished, this, [this, id] { onFinished(id); },
            Qt::QueuedConnection);

    media::DecoderOptions options;
    options.lowLatency = true;
    options.paced = false;
    options.maxWidth = m_maxSize.width();
    options.maxHeight = m_maxSize.height();
    options.keyframesOnly = m_isKeyframesOnly;
    stream->decoder->open(sourceFor(m_camera, quality), options);
    return stream;
}

LiveFeed::Stream *LiveFeed::streamById(quint64 id) const
{
    if (m_active && m_active->id == id)
        return m_active.get();
    if (m_pending && m_pending->id == id)
        return m_pending.get();
    return nullptr;
}

void LiveFeed::onFrameReady(quint64 streamId)
{
    Stream *stream = streamById(streamId);
    if (!stream)
        return;
    std::optional<media::VideoFrame> frame = stream->decoder->slot().take();
    if (!frame || frame->isNull())
        return;
    stream->hasFrame = true;
    if (stream == m_pending.get()) {
        // The new stream is ready: show it from now on and stop the old one.
        if (m_active)
            m_droppedByClosed += m_active->decoder->slot().dropped();
        m_active = std::move(m_pending);
        m_activeQuality = stream->quality;
        emit qualityChanged(m_activeQuality);
    }
    ++m_framesReceived;
    m_hasFrame = true;
    m_wasLive = true;
    m_restartDelayMs = 0;
    emit frameArrived(*frame);
    setHealthDirty();
}

void LiveFeed::onStateChanged(quint64 streamId, media::StreamState state, const QString &reason)
{
    Stream *stream = streamById(streamId);
    if (!stream)
        return;
    stream->state = state;
    if (stream == m_active.get()) {
        if (state == media::StreamState::Offline || state == media::StreamState::Error)
            m_lastError = reason;
        else if (state == media::StreamState::Online)
            m_lastError.clear();
        setHealthDirty();
    }
}

void LiveFeed::onFinished(quint64 streamId)
{
    Stream *stream = streamById(streamId);
    if (!stream)
        return;
    if (stream == m_pending.get()) {
        m_droppedByClosed += m_pending->decoder->slot().dropped();
        m_pending.reset();
        m_pendingRetryAtMs = m_clock.elapsed() + kSwitchRetryDelayMs;
        return;
    }
    m_droppedByClosed += m_active->decoder->slot().dropped();
    m_active.reset();
    if (m_pending) {
        // The wanted stream is already opening: it takes over.
        m_active = std::move(m_pending);
        m_activeQuality = m_active->quality;
    } else {
        scheduleRestart();
    }
    setHealthDirty();
}

void LiveFeed::startWanted()
{
    if (!hasCamera() || m_active || m_camera.sourceUrl().isEmpty())
        return;
    m_activeQuality = wantedQuality();
    m_active = open(m_activeQuality);
    setHealthDirty();
}

void LiveFeed::scheduleRestart()
{
    m_restartDelayMs = m_restartDelayMs == 0 ? kFirstRestartDelayMs
                                             : std::min(m_restartDelayMs * 2, kMaxRestartDelayMs);
    m_restartTimer.start(m_restartDelayMs);
}

void LiveFeed::applyKeyframesOnly()
{
    const bool keyframesOnly = m_isHidden || m_isBehind;
    if (keyframesOnly == m_isKeyframesOnly)
        return;
    m_isKeyframesOnly = keyframesOnly;
    for (const StreamPtr *stream : {&m_active, &m_pending}) {
        if (*stream)
            (*stream)->decoder->setKeyframesOnly(keyframesOnly);
    }
}

void LiveFeed::setHealthDirty()
{
    const Health now = health();
    if (now == m_reportedHealth)
        return;
    m_reportedHealth = now;
    emit healthChanged();
}

} // namespace vms::ui
