#include "ui/video/ptz_controller.h"

#include "core/client/api_client.h"
#include "ui/error_text.h"
#include "ui/video/guarded_then.h"

#include <QtMath>

#include <cmath>

namespace vms::ui {

using client::PtzCommand;
using client::PtzMove;
using client::PtzZoom;

namespace {

bool sameCommand(const PtzCommand &a, const PtzCommand &b)
{
    return a.move == b.move && a.zoom == b.zoom && a.step == b.step;
}

bool isCameraRefusal(const vms::Error &error)
{
    return error.status == QLatin1String("onvif_unauthenticated")
           || error.status == QLatin1String("onvif_not_configured")
           || error.status == QLatin1String("onvif_unsupported_action");
}

// A 503 with the server's error body: the camera, not the server, does not answer.
bool isCameraUnreachable(const vms::Error &error)
{
    return (error.kind == ErrorKind::Unavailable || error.kind == ErrorKind::Timeout)
           && !error.status.isEmpty();
}

} // namespace

std::optional<PtzMove> ptzMoveForVector(const QPointF &vector)
{
    if (vector.isNull())
        return std::nullopt;
    // Counter-clockwise from "right", in eighths of a turn; screen y grows downwards.
    const double angle = std::atan2(-vector.y(), vector.x());
    const int sector = (int(std::lround(angle / (M_PI / 4))) % 8 + 8) % 8;
    static constexpr PtzMove kSectors[]
            = {PtzMove::Right, PtzMove::RightUp,  PtzMove::Up,   PtzMove::LeftUp,
               PtzMove::Left,  PtzMove::LeftDown, PtzMove::Down, PtzMove::RightDown};
    return kSectors[sector];
}

int ptzStepForLength(double length, double fullLength)
{
    if (fullLength <= 0)
        return client::kPtzMaxStep;
    const double share = std::clamp(length / fullLength, 0.0, 1.0);
    return std::clamp(int(std::ceil(share * client::kPtzMaxStep)), client::kPtzMinStep,
                      client::kPtzMaxStep);
}

std::optional<PtzMove> ptzMoveForKeys(bool up, bool down, bool left, bool right)
{
    const int x = (right ? 1 : 0) - (left ? 1 : 0);
    const int y = (down ? 1 : 0) - (up ? 1 : 0);
    return ptzMoveForVector(QPointF(x, y));
}

PtzController::PtzController(client::ApiClient *client, QObject *parent)
    : QObject(parent)
    , m_client(client)
{
    m_keepAlive.setInterval(kKeepAliveMs);
    connect(&m_keepAlive, &QTimer::timeout, this, &PtzController::onKeepAlive);
}

PtzController::~PtzController()
{
    // A camera left moving would go on until its own timeout, or for ever if it ignores it.
    if (m_held && !m_cameraId.isEmpty())
        m_client->ptzCommand(m_cameraId, PtzCommand{std::nullopt, std::nullopt, m_held->step});
}

void PtzController::setCamera(const QString &cameraId, const QString &name)
{
    m_cameraName = name;
    if (cameraId == m_cameraId) {
        emit stateChanged();
        return;
    }
    stop();
    m_cameraId = cameraId;
    m_capabilities.reset();
    m_presets.clear();
    emit presetsChanged();
    if (cameraId.isEmpty()) {
        ++m_loadSerial;
        setState(State::NoCamera);
        return;
    }
    reload();
}

void PtzController::reload()
{
    if (m_cameraId.isEmpty())
        return;
    const quint64 serial = ++m_loadSerial;
    const QString cameraId = m_cameraId;
    setState(State::Loading);
    thenIfAlive(m_client->onvifPtz(cameraId), m_client, this,
                [this, serial, cameraId](const Result<client::OnvifPtz> &ptz) {
                    if (serial != m_loadSerial || cameraId != m_cameraId)
                        return; // another camera was selected meanwhile
                    if (!ptz) {
                        m_capabilities.reset();
                        setState(State::Unavailable, reasonFor(ptz.error()));
                        return;
                    }
                    m_capabilities = *ptz;
                    setState(State::Ready);
                    reloadPresets();
                });
}

void PtzController::reloadPresets()
{
    if (m_cameraId.isEmpty() || m_state != State::Ready)
        return;
    const QString cameraId = m_cameraId;
    m_isLoadingPresets = true;
    thenIfAlive(m_client->ptzPresets(cameraId), m_client, this,
                [this, cameraId](const Result<QStringList> &presets) {
                    if (cameraId != m_cameraId)
                        return;
                    m_isLoadingPresets = false;
                    if (presets) {
                        m_presets = *presets;
                    } else {
                        m_presets.clear();
                        handleError(presets.error(), cameraId);
                    }
                    emit presetsChanged();
                });
}

void PtzController::setState(State state, const QString &reason)
{
    m_unavailableReason = state == State::Unavailable ? reason : QString();
    if (state != State::Ready && m_held) {
        m_held.reset();
        m_keepAlive.stop();
    }
    m_state = state;
    emit stateChanged();
}

void PtzController::setStep(int step)
{
    m_step = std::clamp(step, client::kPtzMinStep, client::kPtzMaxStep);
    if (m_held) {
        PtzCommand command = *m_held;
        command.step = m_step;
        hold(command);
    }
}

void PtzController::startMove(PtzMove move)
{
    hold(PtzCommand{move, std::nullopt, m_step});
}

void PtzController::startZoom(PtzZoom zoom)
{
    hold(PtzCommand{std::nullopt, zoom, m_step});
}

void PtzController::drive(std::optional<PtzMove> move, int step)
{
    if (!move) {
        stop();
        return;
    }
    hold(PtzCommand{move, std::nullopt,
                    std::clamp(step, client::kPtzMinStep, client::kPtzMaxStep)});
}

void PtzController::hold(const PtzCommand &command)
{
    if (m_state != State::Ready || m_cameraId.isEmpty() || command.isStop())
        return;
    if (m_held && sameCommand(*m_held, command))
        return; // the keep-alive goes on repeating it
    m_held = command;
    enqueue(command);
    m_keepAlive.start();
}

void PtzController::stop()
{
    if (!m_held)
        return;
    const int step = m_held->step;
    m_held.reset();
    m_keepAlive.stop();
    enqueue(PtzCommand{std::nullopt, std::nullopt, step});
}

void PtzController::onKeepAlive()
{
    if (m_held)
        enqueue(*m_held);
    else
        m_keepAlive.stop();
}

void PtzController::enqueue(const PtzCommand &command)
{
    // Only the newest wish counts: a command still waiting for its turn is replaced, so a slow
    // link cannot pile up moves that arrive after the operator let go.
    if (!m_queue.isEmpty() && m_queue.last().cameraId == m_cameraId && m_queue.last().command) {
        m_queue.last().command = command;
    } else {
        m_queue.append(Queued{m_cameraId, command, {}, {}});
    }
    pump();
}

void PtzController::enqueueCall(std::function<QFuture<Status>()> call,
                                std::function<void(const Status &)> done)
{
    m_queue.append(Queued{m_cameraId, std::nullopt, std::move(call), std::move(done)});
    pump();
}

void PtzController::pump()
{
    if (m_isSending || m_queue.isEmpty())
        return;
    const Queued item = m_queue.takeFirst();
    m_isSending = true;
    const QFuture<Status> future
            = item.command ? m_client->ptzCommand(item.cameraId, *item.command) : item.call();
    thenIfAlive(future, m_client, this, [this, item](const Status &status) {
        m_isSending = false;
        if (item.done) {
            item.done(status);
        } else if (status) {
            emit commandAcknowledged(*item.command);
        } else {
            handleError(status.error(), item.cameraId);
        }
        pump();
    });
}

void PtzController::handleError(const vms::Error &error, const QString &cameraId)
{
    if (cameraId != m_cameraId)
        return;
    if (isCameraRefusal(error) || isCameraUnreachable(error) || error.kind == ErrorKind::NotFound) {
        setState(State::Unavailable, reasonFor(error));
        return;
    }
    if (m_held) {
        m_held.reset();
        m_keepAlive.stop();
        emit stateChanged();
    }
    emit message(error.kind == ErrorKind::PermissionDenied
                         ? tr("You do not have permission to control this camera.")
                         : ErrorText::describeCameraError(error),
                 true);
}

QString PtzController::reasonFor(const vms::Error &error) const
{
    if (error.status == QLatin1String("onvif_unsupported_action"))
        return tr("This camera has no PTZ.");
    if (error.status == QLatin1String("onvif_unauthenticated"))
        return tr("The camera rejected the login. Check the ONVIF login and password in the "
                  "camera's properties.");
    if (error.status == QLatin1String("onvif_not_configured"))
        return tr("ONVIF is not set up for this camera. Enter its address, login and password in "
                  "the camera's properties.");
    if (isCameraUnreachable(error))
        return tr("Camera unreachable: it does not answer over ONVIF.");
    if (error.kind == ErrorKind::PermissionDenied)
        return tr("You do not have permission to control this camera.");
    if (error.kind == ErrorKind::NotFound)
        return tr("The camera does not exist any more.");
    return ErrorText::describeCameraError(error);
}

void PtzController::gotoPreset(const QString &name)
{
    if (m_state != State::Ready || name.isEmpty())
        return;
    stop(); // a held move would fight the preset
    const QString cameraId = m_cameraId;
    // Queued after the Stop, so that the Stop cannot arrive later and cut the preset move.
    enqueueCall([this, cameraId, name] { return m_client->gotoPtzPreset(cameraId, name); },
                [this, cameraId, name](const Status &status) {
                    if (cameraId != m_cameraId)
                        return; // the panel shows another camera now
                    if (status)
                        emit message(tr("Moving to preset “%1”.").arg(name), false);
                    else
                        handleError(status.error(), cameraId);
                });
}

void PtzController::savePreset(const QString &name)
{
    if (m_state != State::Ready || name.isEmpty())
        return;
    const QString cameraId = m_cameraId;
    thenIfAlive(m_client->createPtzPreset(cameraId, name), m_client, this,
                [this, cameraId, name](const Status &status) {
                    if (cameraId != m_cameraId)
                        return; // the panel shows another camera now
                    if (!status) {
                        handleError(status.error(), cameraId);
                        return;
                    }
                    emit message(tr("Preset “%1” saved.").arg(name), false);
                    reloadPresets();
                });
}

void PtzController::deletePreset(const QString &name)
{
    if (m_state != State::Ready || name.isEmpty())
        return;
    const QString cameraId = m_cameraId;
    thenIfAlive(m_client->deletePtzPreset(cameraId, name), m_client, this,
                [this, cameraId, name](const Status &status) {
                    if (cameraId != m_cameraId)
                        return; // the panel shows another camera now
                    if (!status) {
                        handleError(status.error(), cameraId);
                        return;
                    }
                    emit message(tr("Preset “%1” deleted.").arg(name), false);
                    reloadPresets();
                });
}

void PtzController::saveHome()
{
    if (m_state != State::Ready)
        return;
    const QString cameraId = m_cameraId;
    thenIfAlive(m_client->savePtzHome(cameraId), m_client, this,
                [this, cameraId](const Status &status) {
                    if (cameraId != m_cameraId)
                        return; // the panel shows another camera now
                    if (status)
                        emit message(tr("The current position is now home."), false);
                    else
                        handleError(status.error(), cameraId);
                });
}

void PtzController::gotoHome()
{
    if (m_state != State::Ready)
        return;
    stop();
    const QString cameraId = m_cameraId;
    enqueueCall([this, cameraId] { return m_client->gotoPtzHome(cameraId); },
                [this, cameraId](const Status &status) {
                    if (cameraId != m_cameraId)
                        return; // the panel shows another camera now
                    if (status)
                        emit message(tr("Moving to the home position."), false);
                    else
                        handleError(status.error(), cameraId);
                });
}

} // namespace vms::ui
