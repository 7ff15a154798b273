#pragma once

#include "core/client/onvif_dto.h"
#include "core/domain/error.h"
#include "core/domain/result.h"

#include <QFuture>

#include <QList>
#include <QObject>
#include <QPointF>
#include <QStringList>
#include <QTimer>

#include <functional>

#include <optional>

namespace vms::client {
class ApiClient;
}

namespace vms::ui {

/**
 * The nearest of the eight pan/tilt directions to @p vector (widget coordinates: y grows
 * downwards, so a drag upwards tilts up); nullopt for a zero vector.
 */
std::optional<client::PtzMove> ptzMoveForVector(const QPointF &vector);
/**
 * The PTZ step (1..10) for a joystick deflection of @p length pixels when @p fullLength pixels
 * mean full speed.
 */
int ptzStepForLength(double length, double fullLength);
/** The direction the arrow keys held down (@p up .. @p right) point to; nullopt: none/opposed. */
std::optional<client::PtzMove> ptzMoveForKeys(bool up, bool down, bool left, bool right);

/**
 * PTZ control of one camera through the REST API (§8.18–8.25), shared by the PTZ panel, the
 * drag joystick on the video and the keyboard.
 *
 * A move (or zoom) is a PUT /ptz that starts a continuous move for about a second; while the
 * move is held the controller repeats it every kKeepAliveMs, and stop() sends the explicit Stop
 * (a camera may ignore the move's timeout). Commands go out one at a time, in order: a Stop can
 * never overtake the move it ends, and a command superseded before it left is dropped.
 * GUI thread only.
 */
class PtzController : public QObject
{
    Q_OBJECT

public:
    enum class State {
        NoCamera,    ///< nothing selected
        Loading,     ///< asking the camera what its PTZ can do
        Ready,       ///< PTZ available
        Unavailable, ///< no PTZ, or the camera cannot be used: see unavailableReason()
    };

    /** A held move is repeated this often, well within the server's one-second move timeout. */
    static constexpr int kKeepAliveMs = 500;

    explicit PtzController(client::ApiClient *client, QObject *parent = nullptr);
    ~PtzController() override;

    /** Switches to @p cameraId (empty: none); a move of the previous camera is stopped first. */
    void setCamera(const QString &cameraId, const QString &name);
    QString cameraId() const { return m_cameraId; }
    QString cameraName() const { return m_cameraName; }
    /** Asks the camera again (after an error). */
    void reload();

    State state() const { return m_state; }
    /** Why PTZ cannot be used, in words for the operator (State::Unavailable). */
    QString unavailableReason() const { return m_unavailableReason; }
    const std::optional<client::OnvifPtz> &capabilities() const { return m_capabilities; }
    bool isHomeSupported() const { return m_capabilities && m_capabilities->isHomeSupported; }
    QStringList presets() const { return m_presets; }
    bool isLoadingPresets() const { return m_isLoadingPresets; }

    /** Speed of moves started from now on (1..10); a held move changes speed at once. */
    void setStep(int step);
    int step() const { return m_step; }

    /** Starts (or changes) a continuous pan/tilt at the current step. */
    void startMove(client::PtzMove move);
    void startZoom(client::PtzZoom zoom);
    /** The joystick: a pan/tilt at its own @p step; nullopt stops. */
    void drive(std::optional<client::PtzMove> move, int step);
    /** Ends a held move or zoom with an explicit Stop; nothing happens when nothing moves. */
    void stop();
    bool isMoving() const { return m_held.has_value(); }
    std::optional<client::PtzCommand> heldCommand() const { return m_held; }

    void gotoPreset(const QString &name);
    void savePreset(const QString &name);
    void deletePreset(const QString &name);
    void reloadPresets();
    void saveHome();
    void gotoHome();

    /** Commands sent or waiting (for tests and for a busy indication). */
    bool isIdle() const { return !m_isSending && m_queue.isEmpty(); }

signals:
    void stateChanged();
    void presetsChanged();
    /** Something to tell the operator, e.g. "Preset saved" or an error in words. */
    void message(const QString &text, bool isError);
    /** A move, zoom or stop command was acknowledged by the server. */
    void commandAcknowledged(const vms::client::PtzCommand &command);

private:
    /** A move/zoom/stop command, or another call that must not overtake them (go to ...). */
    struct Queued
    {
        QString cameraId;
        std::optional<client::PtzCommand> command;
        std::function<QFuture<Status>()> call;
        std::function<void(const Status &)> done;
    };

    void setState(State state, const QString &reason = {});
    void hold(const client::PtzCommand &command);
    void enqueue(const client::PtzCommand &command);
    /** Runs @p call after the commands queued so far; @p done gets its result. */
    void enqueueCall(std::function<QFuture<Status>()> call,
                     std::function<void(const Status &)> done);
    void pump();
    void onKeepAlive();
    /** Reacts to a failed call: errors that make PTZ unusable disable it with a reason. */
    void handleError(const vms::Error &error, const QString &cameraId);
    QString reasonFor(const vms::Error &error) const;

    client::ApiClient *m_client;
    QString m_cameraId;
    QString m_cameraName;
    State m_state = State::NoCamera;
    QString m_unavailableReason;
    std::optional<client::OnvifPtz> m_capabilities;
    QStringList m_presets;
    bool m_isLoadingPresets = false;
    int m_step = 5;
    quint64 m_loadSerial = 0;

    std::optional<client::PtzCommand> m_held;
    QTimer m_keepAlive;
    QList<Queued> m_queue;
    bool m_isSending = false;
};

} // namespace vms::ui
