#pragma once

#include "ui/video/archive_player.h"

#include <QElapsedTimer>
#include <QTimer>
#include <QWidget>

class QComboBox;
class QDateTimeEdit;
class QLabel;
class QPushButton;
class QToolButton;

namespace vms::client {
class ApiClient;
}

namespace vms::ui {

class ArchiveVideoView;
class RecordedRanges;
class TimelineWidget;
class VideoView;

/**
 * The Archive panel: choose a camera and a time and play its recording (ArchivePlayer), with a
 * timeline of what was recorded (click to seek, drag to scrub), play/pause, speeds ×0.5 to ×8,
 * and "Live", which goes back to the camera's live video.
 */
class ArchivePane : public QWidget
{
    Q_OBJECT

public:
    explicit ArchivePane(client::ApiClient *client, QWidget *parent = nullptr);
    ~ArchivePane() override;

    /** Chooses @p cameraId (named @p name) and plays from @p atMs. */
    void openCamera(const QString &cameraId, const QString &name, qint64 atMs);
    /** Loads the camera chooser again (cameras were added, renamed or deleted). */
    void reloadCameras();
    QString cameraId() const;

    ArchivePlayer *player() const { return m_player; }
    RecordedRanges *recordedRanges() const { return m_ranges; }
    TimelineWidget *timeline() const { return m_timeline; }
    VideoView *videoView() const;
    QComboBox *cameraCombo() const { return m_cameraCombo; }
    QDateTimeEdit *timeEdit() const { return m_timeEdit; }

signals:
    /** "Live": show this camera's live video. */
    void liveRequested(const QString &cameraId, const QString &name);

protected:
    void showEvent(QShowEvent *event) override;
    void hideEvent(QHideEvent *event) override;
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    void playFromTimeEdit();
    void seekTo(qint64 ms);
    void onCameraChosen();
    void onStateChanged(ArchivePlayer::State state);
    void onPositionChanged(qint64 ms);
    void updatePlayButton();
    void updateOverlay();
    void selectCamera(const QString &cameraId, const QString &name);
    QString stateText() const;

    client::ApiClient *m_client;
    ArchivePlayer *m_player = nullptr;
    RecordedRanges *m_ranges = nullptr;
    QComboBox *m_cameraCombo = nullptr;
    QDateTimeEdit *m_timeEdit = nullptr;
    QPushButton *m_goButton = nullptr;
    ArchiveVideoView *m_video = nullptr;
    QToolButton *m_playButton = nullptr;
    QComboBox *m_speedCombo = nullptr;
    QPushButton *m_liveButton = nullptr;
    QLabel *m_positionLabel = nullptr;
    TimelineWidget *m_timeline = nullptr;
    QTimer m_rangesTimer;
    QElapsedTimer m_lastScrubSeek;
    bool m_hasLoadedCameras = false;
    bool m_resumeOnShow = false;
};

} // namespace vms::ui
