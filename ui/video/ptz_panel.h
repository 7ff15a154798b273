#pragma once

#include "core/client/dto.h"
#include "core/client/onvif_dto.h"

#include <QMap>
#include <QPointer>
#include <QSet>
#include <QWidget>

class QAbstractButton;
class QFrame;
class QLabel;
class QListWidget;
class QPushButton;
class QSlider;
class QToolButton;

namespace vms::client {
class ApiClient;
}

namespace vms::ui {

class LiveViewPane;
class PtzController;
class StatusLabel;

/**
 * The PTZ panel (a dock): steers the camera of the live view's selected or maximised tile.
 * An eight-direction pad and zoom buttons move while pressed and stop on release; the speed
 * slider sets the step (1..10); "Steer on video" turns a drag on the tile into a joystick; the
 * arrow keys and +/- work while the live view has the focus. Presets can be gone to, saved from
 * the current position and deleted; home can be saved and gone to. When the camera has no PTZ
 * or cannot be used the controls are disabled and the panel says why.
 */
class PtzPanel : public QWidget
{
    Q_OBJECT

public:
    PtzPanel(client::ApiClient *client, LiveViewPane *liveView, QWidget *parent = nullptr);
    ~PtzPanel() override;

    PtzController *controller() const { return m_controller; }
    /** Enables the actions the user's permissions allow (onvif_update/create/delete). */
    void setPermissions(const client::CurrentUser &user);

    QToolButton *directionButton(client::PtzMove move) const { return m_moveButtons.value(move); }
    QToolButton *zoomButton(client::PtzZoom zoom) const;
    QSlider *speedSlider() const { return m_speedSlider; }
    QListWidget *presetList() const { return m_presetList; }
    /** The explanation shown while PTZ cannot be used (empty otherwise). */
    QString explanation() const;
    /** Whether the movement controls can be used. */
    bool isControlEnabled() const;

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;
    void hideEvent(QHideEvent *event) override;

private:
    QWidget *createPad();
    QWidget *createPresets();
    void updateState();
    void showPresets();
    void askPresetName();
    void deleteSelectedPreset();
    void gotoSelectedPreset();
    void onKey(int key, bool isPressed);
    void onJoystick(const QPointF &vector, double fullDeflection);

    client::ApiClient *m_client;
    // The live view may go first when the main window is torn down.
    QPointer<LiveViewPane> m_liveView;
    PtzController *m_controller;
    bool m_canMove = true;
    bool m_canCreate = true;
    bool m_canDelete = true;

    QLabel *m_cameraLabel = nullptr;
    QFrame *m_banner = nullptr;
    QLabel *m_bannerIcon = nullptr;
    QLabel *m_bannerText = nullptr;
    QPushButton *m_retryButton = nullptr;
    QWidget *m_controls = nullptr;
    QMap<client::PtzMove, QToolButton *> m_moveButtons;
    QToolButton *m_homeButton = nullptr;
    QToolButton *m_zoomInButton = nullptr;
    QToolButton *m_zoomOutButton = nullptr;
    QSlider *m_speedSlider = nullptr;
    QLabel *m_speedValue = nullptr;
    QPushButton *m_dragModeButton = nullptr;
    QPushButton *m_saveHomeButton = nullptr;
    QListWidget *m_presetList = nullptr;
    QPushButton *m_gotoPresetButton = nullptr;
    QPushButton *m_savePresetButton = nullptr;
    QPushButton *m_deletePresetButton = nullptr;
    QLabel *m_presetsHint = nullptr;
    StatusLabel *m_status = nullptr;
    /** Arrow and zoom keys held down on the live view. */
    QSet<int> m_heldKeys;
};

} // namespace vms::ui
