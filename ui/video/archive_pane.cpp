#include "ui/video/archive_pane.h"

#include "core/client/api_client.h"
#include "ui/error_text.h"
#include "ui/video/guarded_then.h"
#include "ui/video/recorded_ranges.h"
#include "ui/video/timeline_widget.h"
#include "ui/video/video_view.h"

#include <QComboBox>
#include <QDateTimeEdit>
#include <QEvent>
#include <QHBoxLayout>
#include <QHideEvent>
#include <QLabel>
#include <QPainter>
#include <QPushButton>
#include <QStyle>
#include <QToolButton>
#include <QVBoxLayout>

namespace vms::ui {

namespace {

// While the timeline is dragged, seek at most this often (each seek opens a segment).
constexpr int kScrubSeekIntervalMs = 250;
// The recent end of the timeline is reloaded this often while the panel is shown.
constexpr int kRangesRefreshMs = 3000;
// "Play archive" and a fresh panel start this long before now.
constexpr qint64 kDefaultRewindMs = 60 * 1000;

QString timeText(qint64 ms)
{
    return QLocale().toString(QDateTime::fromMSecsSinceEpoch(ms),
                              QStringLiteral("yyyy-MM-dd HH:mm:ss"));
}

} // namespace

/** The archive's video with the camera, the time shown and the player's state on top. */
class ArchiveVideoView : public VideoView
{
public:
    using VideoView::VideoView;

    void setTexts(const QString &title, const QString &state)
    {
        if (title == m_title && state == m_state)
            return;
        m_title = title;
        m_state = state;
        update();
    }

protected:
    void paintOverlay(QPainter &painter, const QRect &picture) override
    {
        QFont font = painter.font();
        font.setPixelSize(std::clamp(height() / 18, 11, 16));
        font.setBold(true);
        painter.setFont(font);
        const int line = painter.fontMetrics().height();
        const QRect top(8, 6, width() - 16, line);
        if (!m_title.isEmpty()) {
            painter.fillRect(QRect(0, 0, width(), line + 12), QColor(0, 0, 0, 120));
            painter.setPen(Qt::white);
            painter.drawText(top, Qt::AlignLeft | Qt::AlignVCenter, m_title);
        }
        if (!m_state.isEmpty()) {
            if (hasFrame())
                painter.fillRect(picture, QColor(0, 0, 0, 110));
            painter.setPen(QColor(0xf0, 0xb0, 0x30));
            painter.drawText(rect().adjusted(12, line + 12, -12, -12),
                             Qt::AlignCenter | Qt::TextWordWrap, m_state);
        }
    }

private:
    QString m_title;
    QString m_state;
};

ArchivePane::ArchivePane(client::ApiClient *client, QWidget *parent)
    : QWidget(parent)
    , m_client(client)
    , m_player(new ArchivePlayer(client, this))
    , m_ranges(new RecordedRanges(client, this))
{
    setObjectName(QStringLiteral("archivePane"));

    m_cameraCombo = new QComboBox(this);
    m_cameraCombo->setObjectName(QStringLiteral("archiveCameraCombo"));
    m_cameraCombo->setMinimumContentsLength(16);
    m_cameraCombo->setSizeAdjustPolicy(QComboBox::AdjustToMinimumContentsLengthWithIcon);
    m_cameraCombo->setToolTip(tr("The camera whose recording to play"));
    m_timeEdit = new QDateTimeEdit(this);
    m_timeEdit->setObjectName(QStringLiteral("archiveTimeEdit"));
    m_timeEdit->setCalendarPopup(true);
    m_timeEdit->setDisplayFormat(QStringLiteral("yyyy-MM-dd HH:mm:ss"));
    m_timeEdit->setDateTime(
            QDateTime::fromMSecsSinceEpoch(QDateTime::currentMSecsSinceEpoch() - kDefaultRewindMs));
    m_timeEdit->setToolTip(tr("The time to play from"));
    m_goButton = new QPushButton(style()->standardIcon(QStyle::SP_MediaSeekForward),
                                 tr("Play from this time"), this);
    m_goButton->setObjectName(QStringLiteral("archivePlayFromButton"));

    m_video = new ArchiveVideoView(this);
    m_video->setObjectName(QStringLiteral("archiveVideoView"));
    m_video->setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Expanding);
    m_video->installEventFilter(this);

    m_playButton = new QToolButton(this);
    m_playButton->setObjectName(QStringLiteral("archivePlayButton"));
    m_playButton->setAutoRaise(true);
    m_speedCombo = new QComboBox(this);
    m_speedCombo->setObjectName(QStringLiteral("archiveSpeedCombo"));
    for (const double speed : ArchivePlayer::kSpeeds)
        m_speedCombo->addItem(tr("×%1").arg(QLocale().toString(speed)), speed);
    m_speedCombo->setCurrentIndex(m_speedCombo->findData(1.0));
    m_speedCombo->setToolTip(tr("Playback speed"));
    m_liveButton = new QPushButton(tr("Live"), this);
    m_liveButton->setObjectName(QStringLiteral("archiveLiveButton"));
    m_liveButton->setToolTip(tr("Back to the live video of this camera"));
    m_positionLabel = new QLabel(this);
    m_positionLabel->setObjectName(QStringLiteral("archivePositionLabel"));
    m_positionLabel->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_timeline = new TimelineWidget(this);
    m_timeline->setToolTip(tr("Click to go to a time, drag to scrub. Drag the time scale or use "
                              "Shift+wheel to move, the wheel to zoom."));

    auto *chooser = new QHBoxLayout;
    chooser->addWidget(m_cameraCombo, 1);
    chooser->addWidget(m_timeEdit);
    chooser->addWidget(m_goButton);
    auto *transport = new QHBoxLayout;
    transport->addWidget(m_playButton);
    transport->addWidget(m_speedCombo);
    transport->addWidget(m_positionLabel, 1);
    transport->addWidget(m_liveButton);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(4, 4, 4, 4);
    layout->setSpacing(4);
    layout->addLayout(chooser);
    layout->addWidget(m_video, 1);
    layout->addLayout(transport);
    layout->addWidget(m_timeline);

    connect(m_goButton, &QPushButton::clicked, this, &ArchivePane::playFromTimeEdit);
    connect(m_cameraCombo, &QComboBox::activated, this, &ArchivePane::onCameraChosen);
    connect(m_playButton, &QToolButton::clicked, this, [this] {
        if (m_player->state() == ArchivePlayer::State::Idle || m_player->streamId() != cameraId()) {
            playFromTimeEdit();
            return;
        }
        m_player->setPaused(!m_player->isPaused());
        updatePlayButton();
    });
    connect(m_speedCombo, &QComboBox::currentIndexChanged, this,
            [this] { m_player->setSpeed(m_speedCombo->currentData().toDouble()); });
    connect(m_liveButton, &QPushButton::clicked, this, [this] {
        if (cameraId().isEmpty())
            return;
        m_player->stop();
        emit liveRequested(cameraId(), m_cameraCombo->currentText());
    });
    connect(m_timeline, &TimelineWidget::seekRequested, this, &ArchivePane::seekTo);
    connect(m_timeline, &TimelineWidget::scrubbed, this, [this](qint64 ms) {
        m_positionLabel->setText(timeText(ms));
        if (!m_lastScrubSeek.isValid() || m_lastScrubSeek.elapsed() >= kScrubSeekIntervalMs) {
            m_lastScrubSeek.start();
            seekTo(ms);
        }
    });
    connect(m_timeline, &TimelineWidget::visibleSpanChanged, m_ranges,
            &RecordedRanges::ensureLoaded);
    connect(m_ranges, &RecordedRanges::changed, this,
            [this] { m_timeline->setRanges(m_ranges->ranges()); });
    connect(m_player, &ArchivePlayer::frameArrived, m_video, &VideoView::setFrame);
    connect(m_player, &ArchivePlayer::positionChanged, this, &ArchivePane::onPositionChanged);
    connect(m_player, &ArchivePlayer::stateChanged, this, &ArchivePane::onStateChanged);
    connect(&m_rangesTimer, &QTimer::timeout, this, [this] {
        m_ranges->ensureLoaded(m_timeline->visibleFromMs(), m_timeline->visibleToMs());
        m_timeline->update(); // the "now" line moves
    });
    m_rangesTimer.setInterval(kRangesRefreshMs);
    updatePlayButton();
    updateOverlay();
}

ArchivePane::~ArchivePane() = default;

VideoView *ArchivePane::videoView() const
{
    return m_video;
}

QString ArchivePane::cameraId() const
{
    return m_cameraCombo->currentData().toString();
}

void ArchivePane::reloadCameras()
{
    m_hasLoadedCameras = true;
    thenIfAlive(m_client->allCameras(), m_client, this,
                [this](const Result<QList<client::Camera>> &cameras) {
                    if (!cameras) {
                        m_positionLabel->setText(ErrorText::describe(cameras.error()));
                        return;
                    }
                    const QString current = cameraId();
                    const QString currentName = m_cameraCombo->currentText();
                    const QSignalBlocker blocker(m_cameraCombo);
                    m_cameraCombo->clear();
                    for (const client::Camera &camera : *cameras)
                        m_cameraCombo->addItem(camera.name, camera.id);
                    if (!current.isEmpty())
                        selectCamera(current, currentName);
                    else if (m_cameraCombo->count() > 0)
                        onCameraChosen();
                });
}

void ArchivePane::selectCamera(const QString &cameraId, const QString &name)
{
    int index = m_cameraCombo->findData(cameraId);
    if (index < 0) {
        // Not loaded yet (or just created): the name given will do until the list comes.
        m_cameraCombo->addItem(name, cameraId);
        index = m_cameraCombo->count() - 1;
    }
    const QSignalBlocker blocker(m_cameraCombo);
    m_cameraCombo->setCurrentIndex(index);
    m_ranges->setStream(cameraId);
    m_ranges->ensureLoaded(m_timeline->visibleFromMs(), m_timeline->visibleToMs());
    updateOverlay();
}

void ArchivePane::openCamera(const QString &cameraId, const QString &name, qint64 atMs)
{
    if (!m_hasLoadedCameras)
        reloadCameras();
    selectCamera(cameraId, name);
    m_timeEdit->setDateTime(QDateTime::fromMSecsSinceEpoch(atMs));
    playFromTimeEdit();
}

void ArchivePane::onCameraChosen()
{
    const QString id = cameraId();
    if (id.isEmpty())
        return;
    if (m_player->streamId() != id) {
        m_player->setStream(id);
        m_video->clearFrame();
    }
    selectCamera(id, m_cameraCombo->currentText());
}

void ArchivePane::playFromTimeEdit()
{
    const QString id = cameraId();
    if (id.isEmpty())
        return;
    if (m_player->streamId() != id) {
        m_player->setStream(id);
        m_video->clearFrame();
    }
    m_player->setMaxSize(m_video->wantedFrameSize());
    m_player->setSpeed(m_speedCombo->currentData().toDouble());
    const qint64 at = m_timeEdit->dateTime().toMSecsSinceEpoch();
    m_timeline->ensureVisible(at);
    m_player->play(at);
}

void ArchivePane::seekTo(qint64 ms)
{
    const QString id = cameraId();
    if (id.isEmpty())
        return;
    if (m_player->streamId() != id || m_player->state() == ArchivePlayer::State::Idle) {
        m_timeEdit->setDateTime(QDateTime::fromMSecsSinceEpoch(ms));
        playFromTimeEdit();
        return;
    }
    m_player->seek(ms);
}

void ArchivePane::onPositionChanged(qint64 ms)
{
    if (ms < 0) {
        m_positionLabel->clear();
        m_timeline->setCursorMs(-1);
        return;
    }
    if (!m_timeline->isScrubbing()) {
        m_positionLabel->setText(timeText(ms));
        m_timeline->setCursorMs(ms);
        if (m_player->state() == ArchivePlayer::State::Playing)
            m_timeline->ensureVisible(ms);
    }
    updateOverlay();
}

void ArchivePane::onStateChanged(ArchivePlayer::State)
{
    updatePlayButton();
    updateOverlay();
}

void ArchivePane::updatePlayButton()
{
    const bool isPlaying = m_player->state() != ArchivePlayer::State::Idle
                           && m_player->state() != ArchivePlayer::State::NoRecording
                           && m_player->state() != ArchivePlayer::State::Error
                           && !m_player->isPaused();
    m_playButton->setIcon(
            style()->standardIcon(isPlaying ? QStyle::SP_MediaPause : QStyle::SP_MediaPlay));
    m_playButton->setToolTip(isPlaying ? tr("Pause") : tr("Play"));
}

QString ArchivePane::stateText() const
{
    switch (m_player->state()) {
    case ArchivePlayer::State::Idle:
        return cameraId().isEmpty() ? tr("Choose a camera and a time") : QString();
    case ArchivePlayer::State::Loading:
        return tr("Loading…");
    case ArchivePlayer::State::Playing:
    case ArchivePlayer::State::Paused:
        return {};
    case ArchivePlayer::State::Waiting:
        return tr("Waiting for the recording to catch up…");
    case ArchivePlayer::State::NoRecording:
        return tr("Nothing was recorded at or after this time.");
    case ArchivePlayer::State::Error:
        return m_player->errorText();
    }
    return {};
}

void ArchivePane::updateOverlay()
{
    QString title = m_cameraCombo->currentText();
    if (m_player->positionMs() >= 0 && !title.isEmpty())
        title = tr("%1 — %2").arg(title, timeText(m_player->positionMs()));
    if (m_player->state() == ArchivePlayer::State::Paused)
        title = tr("%1 (paused)").arg(title);
    m_video->setTexts(title, stateText());
}

void ArchivePane::showEvent(QShowEvent *event)
{
    QWidget::showEvent(event);
    if (!m_hasLoadedCameras)
        reloadCameras();
    m_rangesTimer.start();
    m_ranges->ensureLoaded(m_timeline->visibleFromMs(), m_timeline->visibleToMs());
    if (m_resumeOnShow) {
        m_resumeOnShow = false;
        m_player->setPaused(false);
        updatePlayButton();
    }
}

void ArchivePane::hideEvent(QHideEvent *event)
{
    QWidget::hideEvent(event);
    m_rangesTimer.stop();
    // Nobody watches: pause instead of decoding for nothing, and go on when shown again.
    if (!event->spontaneous() && m_player->state() == ArchivePlayer::State::Playing
        && !m_player->isPaused()) {
        m_resumeOnShow = true;
        m_player->setPaused(true);
        updatePlayButton();
    }
}

bool ArchivePane::eventFilter(QObject *watched, QEvent *event)
{
    if (watched == m_video && event->type() == QEvent::Resize)
        m_player->setMaxSize(m_video->wantedFrameSize());
    return QWidget::eventFilter(watched, event);
}

} // namespace vms::ui
