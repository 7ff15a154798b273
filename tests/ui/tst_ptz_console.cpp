// PTZ and ONVIF camera settings in the console, against the in-process server and the ONVIF
// camera simulator (app/onvif-camera-sim, run with --trace so that the test sees which SOAP
// operations reached the camera): the PTZ panel's pad, keys and drag joystick send a continuous
// move and then an explicit Stop; presets are saved through the name dialog, listed, gone to and
// deleted; a camera without PTZ disables the panel with an explanation; the settings dialog
// changes the brightness live and words a wrong camera password for the operator. Results are
// checked through the API with the schema-checking test client and in the simulator's trace.
// Screenshots land in the test's working directory.
#include "core/client/api_client.h"
#include "server/server_host.h"
#include "tests/support/api_client.h"
#include "tests/support/onvif_sim.h"
#include "tests/ui/ui_test_support.h"
#include "ui/cameras_pane.h"
#include "ui/live_view_pane.h"
#include "ui/main_window.h"
#include "ui/onvif_settings_dialog.h"
#include "ui/status_label.h"
#include "ui/video/ptz_controller.h"
#include "ui/video/ptz_panel.h"
#include "ui/video/video_tile.h"

#include <QApplication>
#include <QComboBox>
#include <QDialog>
#include <QDir>
#include <QDockWidget>
#include <QJsonArray>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QMessageBox>
#include <QPushButton>
#include <QSettings>
#include <QSlider>
#include <QStandardPaths>
#include <QTabWidget>
#include <QTemporaryDir>
#include <QTest>
#include <QToolButton>

#include <memory>

using namespace vms;
using namespace vms::ui;
using client::PtzMove;

using namespace vms::uitest;

namespace {

const QString kAdminLogin = QStringLiteral("admin@vms.test");
const QString kAdminPassword = QStringLiteral("Ptz-Console-Pass-1");
constexpr int kWaitMs = 10000;

double argNumber(const QHash<QString, QString> &args, const QString &key)
{
    bool ok = false;
    const double value = args.value(key).toDouble(&ok);
    return ok ? value : qQNaN();
}

} // namespace

class TestPtzConsole : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void cleanupTestCase();
    void cleanup();

    // Pure rules of the joystick and the keys.
    void joystickDirection_data();
    void joystickDirection();
    void joystickStep();
    void arrowKeys();

    // Through the widgets, in order.
    void panelFollowsSelectedTile();
    void padPressMovesAndReleaseStops();
    void zoomButtonZoomsAndStops();
    void arrowKeysOnTileMoveAndStop();
    void dragOnVideoSteersTheCamera();
    void presetSavedAppliedAndDeleted();
    void cameraWithoutPtzIsExplained();
    void settingsDialogChangesBrightness();
    void settingsDialogShowsStreamsAndDevice();
    void settingsDialogExplainsWrongPassword();

private:
    QString createCamera(const QString &name, quint16 onvifPort, const QString &password);
    PtzPanel *panel() const { return m_window->ptzPanel(); }
    VideoTile *selectedTile() const;
    bool showAndWaitForState(const QString &cameraId, PtzController::State state);
    bool waitIdle();
    QStringList presetsFromApi(const QString &cameraId);
    OnvifSettingsDialog *openSettings(const QString &cameraId);

    QTemporaryDir m_dataDir;
    std::unique_ptr<server::ServerHost> m_server;
    QUrl m_url;
    std::unique_ptr<test::ApiTestClient> m_api;
    test::OnvifSimProcess m_sim;
    test::OnvifSimProcess m_fixedSim;
    std::unique_ptr<client::ApiClient> m_client;
    std::unique_ptr<MainWindow> m_window;
    qint64 m_placeId = 0;
    QString m_videoUrl;
    QString m_ptzCamera;
    QString m_fixedCamera;
    QString m_wrongPasswordCamera;
};

void TestPtzConsole::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    QCoreApplication::setOrganizationName(QStringLiteral("vms-tests"));
    QCoreApplication::setApplicationName(QStringLiteral("tst_ptz_console"));
    QSettings().clear();
    QVERIFY(m_dataDir.isValid());

    // The PTZ camera also serves its picture, which follows the PTZ position; the fixed one
    // has no PTZ at all.
    QVERIFY2(m_sim.start({QStringLiteral("--serve-rtsp"), QStringLiteral("127.0.0.1:0"),
                          QStringLiteral("--model"), QStringLiteral("SimDome PTZ-20X")}),
             qPrintable(m_sim.errorString()));
    m_videoUrl = m_sim.rtspUrl().toString();
    QVERIFY2(m_fixedSim.start({QStringLiteral("--no-ptz"), QStringLiteral("--model"),
                               QStringLiteral("SimBox Fixed")}),
             qPrintable(m_fixedSim.errorString()));

    server::ServerOptions options;
    options.dataDir = m_dataDir.path();
    options.adminLogin = kAdminLogin;
    options.adminPassword = kAdminPassword;
    m_server = std::make_unique<server::ServerHost>(options);
    const Result<QUrl> url = m_server->start();
    QVERIFY2(url.hasValue(), url ? "" : qPrintable(url.error().message));
    m_url = *url;

    m_api = std::make_unique<test::ApiTestClient>(m_url);
    const test::Reply token
            = m_api->postForm(QStringLiteral("/api/v1/token"),
                              {{QStringLiteral("grant_type"), QStringLiteral("password")},
                               {QStringLiteral("username"), kAdminLogin},
                               {QStringLiteral("password"), kAdminPassword}});
    QCOMPARE(token.status, 200);
    m_api->setBearer(token.object().value(QStringLiteral("access_token")).toString());
    const test::Reply place
            = m_api->post(QStringLiteral("/api/v1/places"),
                          QJsonObject{{QStringLiteral("name"), QStringLiteral("Car park")}});
    QCOMPARE(place.status, 200);
    m_placeId = place.object().value(QStringLiteral("id")).toInteger();

    m_ptzCamera = createCamera(QStringLiteral("Gate PTZ"), m_sim.port(),
                               test::OnvifSimProcess::kPassword);
    m_fixedCamera = createCamera(QStringLiteral("Entrance fixed"), m_fixedSim.port(),
                                 test::OnvifSimProcess::kPassword);
    m_wrongPasswordCamera = createCamera(QStringLiteral("Yard (old password)"), m_sim.port(),
                                         QStringLiteral("not-the-password"));
    QVERIFY(!m_ptzCamera.isEmpty() && !m_fixedCamera.isEmpty() && !m_wrongPasswordCamera.isEmpty());

    m_client = std::make_unique<client::ApiClient>(m_url);
    QVERIFY(await(m_client->login(kAdminLogin, kAdminPassword)).hasValue());
    m_window = std::make_unique<MainWindow>(m_client.get());
    m_window->resize(1440, 900);
    m_window->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_window.get()));
    m_window->liveViewPane()->setColumns(2);
}

void TestPtzConsole::cleanupTestCase()
{
    const auto dialogs = m_window ? m_window->findChildren<QDialog *>() : QList<QDialog *>();
    for (QDialog *dialog : dialogs)
        dialog->close();
    m_window.reset();
    m_client.reset();
    m_api.reset();
    if (m_server)
        m_server->stop();
    m_sim.stop();
    m_fixedSim.stop();
}

void TestPtzConsole::cleanup()
{
    if (m_api)
        VMS_VERIFY_NO_SCHEMA_FAILURES(*m_api);
}

QString TestPtzConsole::createCamera(const QString &name, quint16 onvifPort,
                                     const QString &password)
{
    const test::Reply reply = m_api->post(
            QStringLiteral("/api/v1/cameras"),
            QJsonObject{{QStringLiteral("name"), name},
                        {QStringLiteral("place_id"), m_placeId},
                        {QStringLiteral("source"),
                         QJsonObject{{QStringLiteral("url"), m_videoUrl},
                                     {QStringLiteral("transport"), QStringLiteral("tcp")}}},
                        {QStringLiteral("onvif_host"), QStringLiteral("127.0.0.1")},
                        {QStringLiteral("onvif_port"), int(onvifPort)},
                        {QStringLiteral("onvif_login"), test::OnvifSimProcess::kUser},
                        {QStringLiteral("onvif_password"), password}});
    if (reply.status != 200)
        qWarning("%s", qPrintable(reply.describe()));
    return reply.status == 200 ? reply.object().value(QStringLiteral("id")).toString() : QString();
}

VideoTile *TestPtzConsole::selectedTile() const
{
    LiveViewPane *live = m_window->liveViewPane();
    return live->tile(live->currentTile());
}

bool TestPtzConsole::showAndWaitForState(const QString &cameraId, PtzController::State state)
{
    m_window->liveViewPane()->showCamera(cameraId, {});
    return QTest::qWaitFor(
            [&] {
                return panel()->controller()->cameraId() == cameraId
                       && panel()->controller()->state() == state;
            },
            kWaitMs);
}

bool TestPtzConsole::waitIdle()
{
    return QTest::qWaitFor([&] { return panel()->controller()->isIdle(); }, kWaitMs);
}

QStringList TestPtzConsole::presetsFromApi(const QString &cameraId)
{
    const test::Reply reply
            = m_api->get(QStringLiteral("/api/v1/onvif/%1/ptz/presets").arg(cameraId));
    if (reply.status != 200)
        qWarning("%s", qPrintable(reply.describe()));
    QStringList names;
    const QJsonArray presets = reply.object().value(QStringLiteral("presets")).toArray();
    for (const QJsonValue &name : presets)
        names.append(name.toString());
    return names;
}

OnvifSettingsDialog *TestPtzConsole::openSettings(const QString &cameraId)
{
    m_window->showCameraSettings(cameraId, QStringLiteral("camera"));
    const auto dialogs = m_window->findChildren<OnvifSettingsDialog *>();
    for (OnvifSettingsDialog *dialog : dialogs) {
        if (dialog->cameraId() == cameraId)
            return dialog;
    }
    return nullptr;
}

// --- pure rules ---

void TestPtzConsole::joystickDirection_data()
{
    QTest::addColumn<QPointF>("vector");
    QTest::addColumn<int>("move");
    QTest::newRow("right") << QPointF(50, 3) << int(PtzMove::Right);
    QTest::newRow("up (screen y grows down)") << QPointF(-2, -40) << int(PtzMove::Up);
    QTest::newRow("left") << QPointF(-30, 0) << int(PtzMove::Left);
    QTest::newRow("down") << QPointF(4, 60) << int(PtzMove::Down);
    QTest::newRow("right-up") << QPointF(30, -28) << int(PtzMove::RightUp);
    QTest::newRow("left-up") << QPointF(-30, -35) << int(PtzMove::LeftUp);
    QTest::newRow("left-down") << QPointF(-25, 20) << int(PtzMove::LeftDown);
    QTest::newRow("right-down") << QPointF(40, 41) << int(PtzMove::RightDown);
    // 22° is nearer to "right" than to "right-up"; 23° is nearer to "right-up".
    QTest::newRow("22 degrees") << QPointF(100, -40.4) << int(PtzMove::Right);
    QTest::newRow("23 degrees") << QPointF(100, -42.5) << int(PtzMove::RightUp);
}

void TestPtzConsole::joystickDirection()
{
    QFETCH(QPointF, vector);
    QFETCH(int, move);
    const std::optional<PtzMove> got = ptzMoveForVector(vector);
    QVERIFY(got.has_value());
    QCOMPARE(int(*got), move);
    QVERIFY(!ptzMoveForVector(QPointF()).has_value());
}

void TestPtzConsole::joystickStep()
{
    QCOMPARE(ptzStepForLength(1, 100), 1);
    QCOMPARE(ptzStepForLength(10, 100), 1);
    QCOMPARE(ptzStepForLength(11, 100), 2);
    QCOMPARE(ptzStepForLength(50, 100), 5);
    QCOMPARE(ptzStepForLength(100, 100), 10);
    QCOMPARE(ptzStepForLength(400, 100), 10);
}

void TestPtzConsole::arrowKeys()
{
    QCOMPARE(ptzMoveForKeys(true, false, false, false), std::optional(PtzMove::Up));
    QCOMPARE(ptzMoveForKeys(true, false, true, false), std::optional(PtzMove::LeftUp));
    QCOMPARE(ptzMoveForKeys(false, true, false, true), std::optional(PtzMove::RightDown));
    QVERIFY(!ptzMoveForKeys(true, true, false, false).has_value());
    QVERIFY(!ptzMoveForKeys(false, false, false, false).has_value());
}

// --- through the widgets ---

void TestPtzConsole::panelFollowsSelectedTile()
{
    QVERIFY(m_window->ptzDock());
    QVERIFY(m_window->ptzDock()->isVisible());
    QCOMPARE(panel()->controller()->state(), PtzController::State::NoCamera);
    QVERIFY(!panel()->isControlEnabled());
    QVERIFY(!panel()->directionButton(PtzMove::Up)->isEnabled());
    QVERIFY(!panel()->explanation().isEmpty());

    QVERIFY(showAndWaitForState(m_ptzCamera, PtzController::State::Ready));
    QVERIFY(panel()->isControlEnabled());
    QVERIFY(panel()->explanation().isEmpty());
    QVERIFY(panel()->directionButton(PtzMove::Up)->isEnabled());
    QCOMPARE(child<QLabel>(panel(), QStringLiteral("ptzCameraLabel"))->text(),
             QStringLiteral("Gate PTZ"));
    // The home buttons follow home_supported.
    QVERIFY(panel()->controller()->isHomeSupported());
    QVERIFY(child<QToolButton>(panel(), QStringLiteral("ptzGoHomeButton"))->isEnabled());
}

void TestPtzConsole::padPressMovesAndReleaseStops()
{
    QVERIFY(showAndWaitForState(m_ptzCamera, PtzController::State::Ready));
    QVERIFY(waitIdle());
    panel()->speedSlider()->setValue(5);
    m_sim.clearCalls();

    QToolButton *right = panel()->directionButton(PtzMove::Right);
    QTest::mousePress(right, Qt::LeftButton);
    QVERIFY(m_sim.waitForCall(QStringLiteral("ContinuousMove"), kWaitMs));
    QVERIFY(panel()->controller()->isMoving());
    // Held past the keep-alive: the move is repeated, and nothing stops it meanwhile.
    QTest::qWait(PtzController::kKeepAliveMs * 2 + 200);
    QVERIFY(!m_sim.operations().contains(QStringLiteral("Stop")));
    QVERIFY2(m_sim.operations().count(QStringLiteral("ContinuousMove")) >= 2,
             qPrintable(m_sim.operations().join(QLatin1Char(' '))));
    const QHash<QString, QString> move = m_sim.lastCallArgs(QStringLiteral("ContinuousMove"));
    QVERIFY2(argNumber(move, QStringLiteral("pan")) > 0, qPrintable(m_sim.calls().join('\n')));
    QCOMPARE(argNumber(move, QStringLiteral("pan")), 0.5); // step 5 of 10
    QCOMPARE(argNumber(move, QStringLiteral("tilt")), 0.0);

    QTest::mouseRelease(right, Qt::LeftButton);
    QVERIFY(m_sim.waitForCall(QStringLiteral("Stop"), kWaitMs));
    QVERIFY(waitIdle());
    QTest::qWait(200);
    const QStringList operations = m_sim.operations();
    const qsizetype stop = operations.lastIndexOf(QStringLiteral("Stop"));
    QVERIFY(operations.indexOf(QStringLiteral("ContinuousMove")) < stop);
    // Nothing moves the camera after the Stop.
    QCOMPARE(operations.lastIndexOf(QStringLiteral("ContinuousMove")) < stop, true);
    QVERIFY(!panel()->controller()->isMoving());

    // Up and left, at full speed: both axes with the right signs.
    panel()->speedSlider()->setValue(10);
    m_sim.clearCalls();
    QToolButton *leftUp = panel()->directionButton(PtzMove::LeftUp);
    QTest::mousePress(leftUp, Qt::LeftButton);
    QVERIFY(m_sim.waitForCall(QStringLiteral("ContinuousMove"), kWaitMs));
    QTest::mouseRelease(leftUp, Qt::LeftButton);
    QVERIFY(m_sim.waitForCall(QStringLiteral("Stop"), kWaitMs));
    const QHash<QString, QString> diagonal = m_sim.lastCallArgs(QStringLiteral("ContinuousMove"));
    QVERIFY(argNumber(diagonal, QStringLiteral("pan")) < 0);
    QVERIFY(argNumber(diagonal, QStringLiteral("tilt")) > 0);
    QCOMPARE(argNumber(diagonal, QStringLiteral("pan")), -1.0);
    QVERIFY(waitIdle());
    panel()->speedSlider()->setValue(5);
}

void TestPtzConsole::zoomButtonZoomsAndStops()
{
    QVERIFY(showAndWaitForState(m_ptzCamera, PtzController::State::Ready));
    QVERIFY(waitIdle());
    m_sim.clearCalls();
    QToolButton *zoomIn = panel()->zoomButton(client::PtzZoom::In);
    QTest::mousePress(zoomIn, Qt::LeftButton);
    QVERIFY(m_sim.waitForCall(QStringLiteral("ContinuousMove"), kWaitMs));
    QTest::mouseRelease(zoomIn, Qt::LeftButton);
    QVERIFY(m_sim.waitForCall(QStringLiteral("Stop"), kWaitMs));
    const QHash<QString, QString> move = m_sim.lastCallArgs(QStringLiteral("ContinuousMove"));
    QVERIFY2(argNumber(move, QStringLiteral("zoom")) > 0, qPrintable(m_sim.calls().join('\n')));
    QVERIFY(waitIdle());
}

void TestPtzConsole::arrowKeysOnTileMoveAndStop()
{
    QVERIFY(showAndWaitForState(m_ptzCamera, PtzController::State::Ready));
    QVERIFY(waitIdle());
    VideoTile *tile = selectedTile();
    QVERIFY(tile);
    tile->setFocus();
    m_sim.clearCalls();
    QTest::keyPress(tile, Qt::Key_Down);
    QVERIFY(m_sim.waitForCall(QStringLiteral("ContinuousMove"), kWaitMs));
    const QHash<QString, QString> move = m_sim.lastCallArgs(QStringLiteral("ContinuousMove"));
    QVERIFY(argNumber(move, QStringLiteral("tilt")) < 0);
    QCOMPARE(argNumber(move, QStringLiteral("pan")), 0.0);
    QTest::keyRelease(tile, Qt::Key_Down);
    QVERIFY(m_sim.waitForCall(QStringLiteral("Stop"), kWaitMs));
    QVERIFY(waitIdle());
    QVERIFY(!panel()->controller()->isMoving());
}

void TestPtzConsole::dragOnVideoSteersTheCamera()
{
    QVERIFY(showAndWaitForState(m_ptzCamera, PtzController::State::Ready));
    QVERIFY(waitIdle());
    // One big tile, as an operator steering a camera would have it.
    m_window->liveViewPane()->setColumns(1);
    m_window->liveViewDock()->raise();
    auto *dragMode = child<QPushButton>(panel(), QStringLiteral("ptzDragModeButton"));
    QVERIFY(dragMode && dragMode->isEnabled());
    QTest::mouseClick(dragMode, Qt::LeftButton);
    QVERIFY(dragMode->isChecked());
    QVERIFY(m_window->liveViewPane()->isPtzDragMode());
    VideoTile *tile = selectedTile();
    QVERIFY(tile && tile->isPtzDragEnabled());

    m_sim.clearCalls();
    const QPointF from(tile->width() / 2.0, tile->height() / 2.0);
    // A full-length drag to the left and a little down (within the "left" eighth): "left" at
    // full speed.
    const double full = tile->ptzFullDeflection();
    const QPointF to = from + QPointF(-full, full * 0.15);
    QMouseEvent press(QEvent::MouseButtonPress, from, tile->mapToGlobal(from), Qt::LeftButton,
                      Qt::LeftButton, Qt::NoModifier);
    QApplication::sendEvent(tile, &press);
    for (int i = 1; i <= 4; ++i) {
        const QPointF at = from + (to - from) * (i / 4.0);
        QMouseEvent move(QEvent::MouseMove, at, tile->mapToGlobal(at), Qt::NoButton, Qt::LeftButton,
                         Qt::NoModifier);
        QApplication::sendEvent(tile, &move);
        QTest::qWait(30);
    }
    QVERIFY(m_sim.waitForCall(QStringLiteral("ContinuousMove"), kWaitMs));
    QVERIFY(waitIdle());
    QTRY_VERIFY_WITH_TIMEOUT(
            argNumber(m_sim.lastCallArgs(QStringLiteral("ContinuousMove")), QStringLiteral("pan"))
                    == -1.0,
            kWaitMs);
    QCOMPARE(
            argNumber(m_sim.lastCallArgs(QStringLiteral("ContinuousMove")), QStringLiteral("tilt")),
            0.0);
    QVERIFY(saveScreenshot(tile, QStringLiteral("ptz_joystick_drag.png")));

    QMouseEvent release(QEvent::MouseButtonRelease, to, tile->mapToGlobal(to), Qt::LeftButton,
                        Qt::NoButton, Qt::NoModifier);
    QApplication::sendEvent(tile, &release);
    QVERIFY(m_sim.waitForCall(QStringLiteral("Stop"), kWaitMs));
    QVERIFY(waitIdle());
    QVERIFY(!panel()->controller()->isMoving());

    QTest::mouseClick(dragMode, Qt::LeftButton);
    QVERIFY(!m_window->liveViewPane()->isPtzDragMode());
    QVERIFY(!tile->isPtzDragEnabled());
    m_window->liveViewPane()->setColumns(2);
}

void TestPtzConsole::presetSavedAppliedAndDeleted()
{
    QVERIFY(showAndWaitForState(m_ptzCamera, PtzController::State::Ready));
    QVERIFY(waitIdle());
    const QString name = QStringLiteral("North gate");
    QVERIFY(!presetsFromApi(m_ptzCamera).contains(name));
    m_sim.clearCalls();

    auto *save = child<QPushButton>(panel(), QStringLiteral("ptzSavePresetButton"));
    QVERIFY(save && save->isEnabled());
    QTest::mouseClick(save, Qt::LeftButton);
    QDialog *dialog = nullptr;
    QVERIFY(QTest::qWaitFor(
            [&] {
                dialog = child<QDialog>(panel(), QStringLiteral("ptzPresetNameDialog"));
                return dialog && dialog->isVisible();
            },
            kWaitMs));
    auto *edit = child<QLineEdit>(dialog, QStringLiteral("ptzPresetNameEdit"));
    auto *ok = child<QPushButton>(dialog, QStringLiteral("ptzPresetNameSaveButton"));
    QVERIFY(edit && ok);
    QCOMPARE(edit->maxLength(), client::kPtzPresetNameMaxLength);
    edit->clear();
    QVERIFY(!ok->isEnabled()); // an empty name cannot be saved
    QTest::keyClicks(edit, name);
    QVERIFY(ok->isEnabled());
    QVERIFY(saveScreenshot(dialog, QStringLiteral("ptz_preset_name_dialog.png")));
    QTest::mouseClick(ok, Qt::LeftButton);

    QVERIFY(m_sim.waitForCall(QStringLiteral("SetPreset"), kWaitMs));
    // The trace is "key=value" separated by spaces: it shows the name up to its first space.
    QVERIFY(name.startsWith(
            m_sim.lastCallArgs(QStringLiteral("SetPreset")).value(QStringLiteral("name"))));
    QTRY_VERIFY_WITH_TIMEOUT(!panel()->presetList()->findItems(name, Qt::MatchExactly).isEmpty(),
                             kWaitMs);
    QVERIFY(presetsFromApi(m_ptzCamera).contains(name));

    // Go to it: select and press "Go to".
    panel()->presetList()->setCurrentItem(
            panel()->presetList()->findItems(name, Qt::MatchExactly).constFirst());
    auto *go = child<QPushButton>(panel(), QStringLiteral("ptzGotoPresetButton"));
    QVERIFY(go->isEnabled());
    m_sim.clearCalls();
    QTest::mouseClick(go, Qt::LeftButton);
    QVERIFY(m_sim.waitForCall(QStringLiteral("GotoPreset"), kWaitMs));
    QVERIFY(!m_sim.lastCallArgs(QStringLiteral("GotoPreset"))
                     .value(QStringLiteral("token"))
                     .isEmpty());
    auto *status = child<StatusLabel>(panel(), QStringLiteral("ptzStatusLabel"));
    QTRY_VERIFY_WITH_TIMEOUT(status->text().contains(name), kWaitMs);
    QVERIFY(!status->isError());
    QVERIFY(saveScreenshot(m_window->ptzDock(), QStringLiteral("ptz_panel.png")));
    QVERIFY(saveScreenshot(m_window.get(), QStringLiteral("ptz_console.png")));

    // Delete it, after the confirmation.
    auto *remove = child<QPushButton>(panel(), QStringLiteral("ptzDeletePresetButton"));
    QVERIFY(remove->isEnabled());
    QTest::mouseClick(remove, Qt::LeftButton);
    QMessageBox *box = nullptr;
    QVERIFY(QTest::qWaitFor(
            [&] {
                box = child<QMessageBox>(panel(), QStringLiteral("confirmationBox"));
                return box && box->isVisible();
            },
            kWaitMs));
    QVERIFY(box->text().contains(name));
    QTest::mouseClick(child<QPushButton>(box, QStringLiteral("confirmButton")), Qt::LeftButton);
    QVERIFY(m_sim.waitForCall(QStringLiteral("RemovePreset"), kWaitMs));
    QTRY_VERIFY_WITH_TIMEOUT(panel()->presetList()->findItems(name, Qt::MatchExactly).isEmpty(),
                             kWaitMs);
    QVERIFY(!presetsFromApi(m_ptzCamera).contains(name));
}

void TestPtzConsole::cameraWithoutPtzIsExplained()
{
    QVERIFY(showAndWaitForState(m_fixedCamera, PtzController::State::Unavailable));
    QVERIFY2(panel()->explanation().contains(QStringLiteral("has no PTZ")),
             qPrintable(panel()->explanation()));
    QVERIFY(!panel()->isControlEnabled());
    for (PtzMove move : {PtzMove::Up, PtzMove::Down, PtzMove::Left, PtzMove::Right, PtzMove::LeftUp,
                         PtzMove::RightDown})
        QVERIFY(!panel()->directionButton(move)->isEnabled());
    QVERIFY(!panel()->zoomButton(client::PtzZoom::In)->isEnabled());
    QVERIFY(!child<QPushButton>(panel(), QStringLiteral("ptzSavePresetButton"))->isEnabled());
    auto *explanation = child<QLabel>(panel(), QStringLiteral("ptzExplanationLabel"));
    QVERIFY(explanation && explanation->isVisible());
    QVERIFY(saveScreenshot(m_window->ptzDock(), QStringLiteral("ptz_panel_no_ptz.png")));

    // Keys do nothing on it.
    m_fixedSim.clearCalls();
    VideoTile *tile = selectedTile();
    tile->setFocus();
    QTest::keyPress(tile, Qt::Key_Left);
    QTest::keyRelease(tile, Qt::Key_Left);
    QTest::qWait(300);
    QVERIFY(!m_fixedSim.operations().contains(QStringLiteral("ContinuousMove")));

    // Back to the PTZ camera: usable again.
    QVERIFY(showAndWaitForState(m_ptzCamera, PtzController::State::Ready));
    QVERIFY(panel()->explanation().isEmpty());
}

void TestPtzConsole::settingsDialogChangesBrightness()
{
    const test::Reply before
            = m_api->get(QStringLiteral("/api/v1/onvif/%1/image").arg(m_ptzCamera));
    QCOMPARE(before.status, 200);
    const QJsonObject brightness = before.object().value(QStringLiteral("brightness")).toObject();
    QVERIFY(!brightness.isEmpty());
    const double min = brightness.value(QStringLiteral("supported_range"))
                               .toObject()
                               .value(QStringLiteral("min_val"))
                               .toDouble();
    const double max = brightness.value(QStringLiteral("supported_range"))
                               .toObject()
                               .value(QStringLiteral("max_val"))
                               .toDouble();
    const double current = brightness.value(QStringLiteral("current_value")).toDouble();

    OnvifSettingsDialog *dialog = openSettings(m_ptzCamera);
    QVERIFY(dialog);
    QVERIFY(QTest::qWaitForWindowExposed(dialog));
    dialog->showTab(QStringLiteral("onvifImagingTab"));
    QSlider *slider = nullptr;
    QVERIFY(QTest::qWaitFor(
            [&] {
                slider = child<QSlider>(dialog, QStringLiteral("onvifBrightnessSlider"));
                return slider != nullptr && dialog->isIdle();
            },
            kWaitMs));
    QCOMPARE(slider->minimum(), 0);
    QVERIFY(slider->maximum() > 0);

    // A quarter of the range from whichever end the current value is farther from.
    const int target
            = current > (min + max) / 2 ? slider->maximum() / 4 : slider->maximum() * 3 / 4;
    const double expected = min + (max - min) * target / slider->maximum();
    m_sim.clearCalls();
    // A drag: a few positions in a row; the debounce sends the last one.
    slider->setValue(target - 2);
    slider->setValue(target - 1);
    slider->setValue(target);
    QVERIFY(m_sim.waitForCall(QStringLiteral("SetImagingSettings"), kWaitMs));
    QTRY_VERIFY_WITH_TIMEOUT(dialog->isIdle(), kWaitMs);
    QTest::qWait(OnvifSettingsDialog::kImagingDebounceMs + 200);
    QTRY_VERIFY_WITH_TIMEOUT(dialog->isIdle(), kWaitMs);
    QCOMPARE(argNumber(m_sim.lastCallArgs(QStringLiteral("SetImagingSettings")),
                       QStringLiteral("brightness")),
             expected);

    const test::Reply after = m_api->get(QStringLiteral("/api/v1/onvif/%1/image").arg(m_ptzCamera));
    QCOMPARE(after.status, 200);
    QCOMPARE(after.object()
                     .value(QStringLiteral("brightness"))
                     .toObject()
                     .value(QStringLiteral("current_value"))
                     .toDouble(),
             expected);
    auto *status = child<StatusLabel>(dialog, QStringLiteral("onvifImagingStatusLabel"));
    QVERIFY2(!status->isError(), qPrintable(status->text()));
    QVERIFY(saveScreenshot(dialog, QStringLiteral("onvif_settings_imaging.png")));
    dialog->close();
}

void TestPtzConsole::settingsDialogShowsStreamsAndDevice()
{
    OnvifSettingsDialog *dialog = openSettings(m_ptzCamera);
    QVERIFY(dialog);
    auto *model = child<QLabel>(dialog, QStringLiteral("onvifModelLabel"));
    QTRY_COMPARE_WITH_TIMEOUT(model->text(), QStringLiteral("SimDome PTZ-20X"), kWaitMs);
    QVERIFY(saveScreenshot(dialog, QStringLiteral("onvif_settings_device.png")));

    dialog->showTab(QStringLiteral("onvifStreamsTab"));
    auto *profiles = child<QComboBox>(dialog, QStringLiteral("onvifProfileCombo"));
    QTRY_VERIFY_WITH_TIMEOUT(profiles->count() > 0 && dialog->isIdle(), kWaitMs);
    QCOMPARE(profiles->itemData(0).toString(), QStringLiteral("MAIN_STREAM"));
    auto *resolutions = child<QComboBox>(dialog, QStringLiteral("onvifResolutionCombo"));
    QVERIFY(resolutions->count() > 0);
    QVERIFY(saveScreenshot(dialog, QStringLiteral("onvif_settings_streams.png")));

    dialog->showTab(QStringLiteral("onvifNetworkTab"));
    QTRY_VERIFY_WITH_TIMEOUT(
            child<QPushButton>(dialog, QStringLiteral("onvifApplyNetworkButton"))->isEnabled(),
            kWaitMs);
    dialog->showTab(QStringLiteral("onvifUsersTab"));
    QTRY_VERIFY_WITH_TIMEOUT(dialog->isIdle(), kWaitMs);
    QVERIFY(saveScreenshot(dialog, QStringLiteral("onvif_settings_users.png")));
    dialog->close();
}

void TestPtzConsole::settingsDialogExplainsWrongPassword()
{
    OnvifSettingsDialog *dialog = openSettings(m_wrongPasswordCamera);
    QVERIFY(dialog);
    auto *status = child<StatusLabel>(dialog, QStringLiteral("onvifDeviceStatusLabel"));
    QTRY_VERIFY_WITH_TIMEOUT(status->isError(), kWaitMs);
    QVERIFY2(status->text().contains(QStringLiteral("rejected the login")),
             qPrintable(status->text()));
    QVERIFY(saveScreenshot(dialog, QStringLiteral("onvif_settings_wrong_password.png")));
    dialog->close();

    // The PTZ panel says the same in its own words.
    QVERIFY(showAndWaitForState(m_wrongPasswordCamera, PtzController::State::Unavailable));
    QVERIFY2(panel()->explanation().contains(QStringLiteral("rejected the login")),
             qPrintable(panel()->explanation()));
}

QTEST_MAIN(TestPtzConsole)
#include "tst_ptz_console.moc"
