// Sites in the console against the in-process server: a place created in the Plans panel, a plan
// added from a PNG file (upload with kind=plan, then the plan), a camera created in the Cameras
// panel, dropped on the plan (drag-and-drop events into the plan view), moved by mouse and taken
// off again, with every result checked through the API by an independent, schema-checking
// client. Also the pure rules of the camera form and the plan geometry.
#include "core/client/api_client.h"
#include "server/server_host.h"
#include "tests/support/api_client.h"
#include "tests/ui/ui_test_support.h"
#include "ui/camera_dialog.h"
#include "ui/camera_mime.h"
#include "ui/camera_table_model.h"
#include "ui/cameras_pane.h"
#include "ui/editor_validation.h"
#include "ui/live_view_pane.h"
#include "ui/main_window.h"
#include "ui/place_dialog.h"
#include "ui/place_tree_model.h"
#include "ui/plan_camera_item.h"
#include "ui/plan_dialog.h"
#include "ui/plan_view.h"
#include "ui/plans_pane.h"
#include "ui/status_label.h"

#include <QAbstractButton>
#include <QApplication>
#include <QCheckBox>
#include <QComboBox>
#include <QDir>
#include <QDockWidget>
#include <QDoubleSpinBox>
#include <QDragEnterEvent>
#include <QFile>
#include <QJsonArray>
#include <QLineEdit>
#include <QMenu>
#include <QMessageBox>
#include <QMimeData>
#include <QPainter>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSettings>
#include <QSignalSpy>
#include <QSpinBox>
#include <QStandardPaths>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>
#include <QTranslator>
#include <QTreeView>

#include <memory>

using namespace vms;
using namespace vms::ui;
using namespace vms::uitest;

namespace {

const QString kAdminLogin = QStringLiteral("admin@vms.test");
const QString kAdminPassword = QStringLiteral("Sites-Console-Pass-1");
constexpr double kTolerance = 0.01;

bool confirmOpenBox(QWidget *owner)
{
    QMessageBox *box = nullptr;
    if (!QTest::qWaitFor(
                [&] {
                    box = child<QMessageBox>(owner, QStringLiteral("confirmationBox"));
                    return box && box->isVisible();
                },
                5000))
        return false;
    QTest::mouseClick(child<QPushButton>(box, QStringLiteral("confirmButton")), Qt::LeftButton);
    return true;
}

// A floor plan: outer walls, three rooms, a corridor.
QImage floorPlanImage()
{
    QImage image(800, 500, QImage::Format_RGB32);
    image.fill(QColor(0xfa, 0xfa, 0xf7));
    QPainter painter(&image);
    painter.setRenderHint(QPainter::Antialiasing);
    painter.fillRect(QRect(40, 40, 720, 420), QColor(0xf0, 0xf3, 0xf8));
    painter.setPen(QPen(QColor(0x33, 0x3a, 0x44), 8));
    painter.drawRect(QRect(40, 40, 720, 420));
    painter.setPen(QPen(QColor(0x33, 0x3a, 0x44), 5));
    painter.drawLine(300, 40, 300, 300);
    painter.drawLine(520, 40, 520, 300);
    painter.drawLine(40, 300, 260, 300);
    painter.drawLine(340, 300, 480, 300);
    painter.drawLine(560, 300, 760, 300);
    painter.setPen(QColor(0x70, 0x78, 0x84));
    QFont font = painter.font();
    font.setPixelSize(22);
    painter.setFont(font);
    painter.drawText(QRect(40, 40, 260, 260), Qt::AlignCenter, QStringLiteral("Lobby"));
    painter.drawText(QRect(300, 40, 220, 260), Qt::AlignCenter, QStringLiteral("Office"));
    painter.drawText(QRect(520, 40, 240, 260), Qt::AlignCenter, QStringLiteral("Server room"));
    painter.drawText(QRect(40, 300, 720, 160), Qt::AlignCenter, QStringLiteral("Corridor"));
    return image;
}

} // namespace

class TestSitesConsole : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void cleanupTestCase();
    void cleanup();

    // Pure rules.
    void schedulerTags_data();
    void schedulerTags();
    void cameraForm_data();
    void cameraForm();
    void planGeometry();
    void cameraMimeRoundTrip();
    void cameraDialogBuildsSourceObject();

    // Through the widgets, in order.
    void plansPaneCreatesPlace();
    void addPlanUploadsImageAndCreatesPlan();
    void cameraDialogCreatesCamera();
    void cameraDialogRejectsLongTag();
    void droppedCameraIsPlacedAtDropPoint();
    void draggedMarkerSavesItsPosition();
    void markerStaysOnTheImage();
    void cameraOfAnotherPlaceIsRefusedWithReason();
    void doubleClickShowsCameraInLiveView();
    void panelsInRussian();
    void contextMenuRemovesCameraFromPlan();
    void deletesCameraAndRefusesBusyPlace();

private:
    QString tokenFor(const QString &login, const QString &password);
    QJsonArray planCamerasFromApi();
    QJsonObject planCameraFromApi(const QString &cameraId);
    int auditCount(const QString &actionType);
    bool dropCamera(const QString &cameraId, const QPointF &normalized);
    QString createCameraThroughApi(const QString &name, qint64 placeId);

    QTemporaryDir m_dataDir;
    std::unique_ptr<server::ServerHost> m_server;
    QUrl m_url;
    std::unique_ptr<client::ApiClient> m_client;
    std::unique_ptr<MainWindow> m_window;
    std::unique_ptr<test::ApiTestClient> m_api;
    QString m_planImagePath;
    qint64 m_placeId = 0;
    qint64 m_planId = 0;
    QString m_cameraId;
};

void TestSitesConsole::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    QCoreApplication::setOrganizationName(QStringLiteral("vms-tests"));
    QCoreApplication::setApplicationName(QStringLiteral("tst_sites_console"));
    QSettings().clear();

    QVERIFY(m_dataDir.isValid());
    m_planImagePath = m_dataDir.filePath(QStringLiteral("floor-1.png"));
    QVERIFY(floorPlanImage().save(m_planImagePath));

    server::ServerOptions options;
    options.dataDir = m_dataDir.path();
    options.adminLogin = kAdminLogin;
    options.adminPassword = kAdminPassword;
    m_server = std::make_unique<server::ServerHost>(options);
    const Result<QUrl> url = m_server->start();
    QVERIFY2(url.hasValue(), url ? "" : qPrintable(url.error().message));
    m_url = *url;

    m_api = std::make_unique<test::ApiTestClient>(m_url);
    const QString token = tokenFor(kAdminLogin, kAdminPassword);
    QVERIFY(!token.isEmpty());
    m_api->setBearer(token);

    m_client = std::make_unique<client::ApiClient>(m_url);
    QVERIFY(await(m_client->login(kAdminLogin, kAdminPassword)).hasValue());
    m_window = std::make_unique<MainWindow>(m_client.get());
    m_window->resize(1440, 900);
    m_window->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_window.get()));
}

void TestSitesConsole::cleanupTestCase()
{
    m_window.reset();
    m_client.reset();
    m_api.reset();
    if (m_server)
        m_server->stop();
}

void TestSitesConsole::cleanup()
{
    if (m_api)
        VMS_VERIFY_NO_SCHEMA_FAILURES(*m_api);
}

QString TestSitesConsole::tokenFor(const QString &login, const QString &password)
{
    const test::Reply reply
            = m_api->postForm(QStringLiteral("/api/v1/token"),
                              {{QStringLiteral("grant_type"), QStringLiteral("password")},
                               {QStringLiteral("username"), login},
                               {QStringLiteral("password"), password}});
    return reply.status == 200 ? reply.object().value(QStringLiteral("access_token")).toString()
                               : QString();
}

QJsonArray TestSitesConsole::planCamerasFromApi()
{
    const test::Reply reply
            = m_api->get(QStringLiteral("/api/v1/plans/%1/cameras?limit=1000").arg(m_planId));
    if (reply.status != 200)
        qWarning("%s", qPrintable(reply.describe()));
    return reply.object().value(QStringLiteral("cameras")).toArray();
}

QJsonObject TestSitesConsole::planCameraFromApi(const QString &cameraId)
{
    const QJsonArray cameras = planCamerasFromApi();
    for (const QJsonValue &camera : cameras) {
        if (camera.toObject().value(QStringLiteral("id")).toString() == cameraId)
            return camera.toObject();
    }
    return {};
}

int TestSitesConsole::auditCount(const QString &actionType)
{
    const test::Reply reply = m_api->get(
            QStringLiteral("/api/v1/auditlogs?action_types=%1&limit=1000").arg(actionType));
    return reply.status == 200
                   ? int(reply.object().value(QStringLiteral("auditlogs")).toArray().size())
                   : -1;
}

QString TestSitesConsole::createCameraThroughApi(const QString &name, qint64 placeId)
{
    const test::Reply reply = m_api->post(
            QStringLiteral("/api/v1/cameras"),
            QJsonObject{
                    {QStringLiteral("name"), name},
                    {QStringLiteral("place_id"), placeId},
                    {QStringLiteral("source"),
                     QJsonObject{{QStringLiteral("url"), QStringLiteral("rtsp://10.1.1.9/s")}}}});
    return reply.status == 200 ? reply.object().value(QStringLiteral("id")).toString() : QString();
}

// Drags a camera out of the camera list's model and drops it at @p normalized on the plan view,
// as a drag from the Cameras panel would: enter, move, drop on the view's viewport.
bool TestSitesConsole::dropCamera(const QString &cameraId, const QPointF &normalized)
{
    CameraTableModel *model = m_window->camerasPane()->model();
    const int row = model->rowOf(cameraId);
    if (row < 0)
        return false;
    std::unique_ptr<QMimeData> data(model->mimeData({model->index(row, 0)}));
    if (!data)
        return false;
    PlanView *view = m_window->plansPane()->planView();
    const QPoint target = view->mapFromScene(scenePlanPosition(normalized, view->imageRect()));
    QWidget *viewport = view->viewport();
    QDragEnterEvent enter(target, Qt::CopyAction, data.get(), Qt::LeftButton, Qt::NoModifier);
    QApplication::sendEvent(viewport, &enter);
    if (!enter.isAccepted())
        return false;
    QDragMoveEvent move(target, Qt::CopyAction, data.get(), Qt::LeftButton, Qt::NoModifier);
    QApplication::sendEvent(viewport, &move);
    if (!move.isAccepted())
        return false;
    QDropEvent drop(QPointF(target), Qt::CopyAction, data.get(), Qt::LeftButton, Qt::NoModifier);
    QApplication::sendEvent(viewport, &drop);
    return drop.isAccepted();
}

// --- pure ---

void TestSitesConsole::schedulerTags_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<QStringList>("tags");
    QTest::addColumn<QString>("invalid");
    QTest::newRow("empty") << "" << QStringList{} << QString();
    QTest::newRow("blanks and commas") << " , ,," << QStringList{} << QString();
    QTest::newRow("trimmed") << " gpu , lpr " << QStringList{"gpu", "lpr"} << QString();
    QTest::newRow("duplicates once") << "a,b,a" << QStringList{"a", "b"} << QString();
    QTest::newRow("32 is fine") << QString(32, QLatin1Char('t')) << QStringList{QString(32, 't')}
                                << QString();
    QTest::newRow("33 is too long") << "ok, " + QString(33, QLatin1Char('x'))
                                    << QStringList{"ok", QString(33, 'x')} << QString(33, 'x');
}

void TestSitesConsole::schedulerTags()
{
    QFETCH(QString, text);
    QFETCH(QStringList, tags);
    QFETCH(QString, invalid);
    const TagParse parse = parseSchedulerTags(text);
    QCOMPARE(parse.tags, tags);
    QCOMPARE(parse.invalidTag, invalid);
    QCOMPARE(parse.isValid(), invalid.isEmpty());
}

void TestSitesConsole::cameraForm_data()
{
    QTest::addColumn<QString>("name");
    QTest::addColumn<bool>("hasPlace");
    QTest::addColumn<QString>("source");
    QTest::addColumn<QString>("substream");
    QTest::addColumn<QString>("onvifHost");
    QTest::addColumn<int>("onvifPort");
    QTest::addColumn<QString>("tags");
    QTest::addColumn<int>("issue");
    const QString rtsp = QStringLiteral("rtsp://10.0.0.5:554/main");
    QTest::newRow("ok") << "Gate" << true << rtsp << ""
                        << "" << 80 << "" << int(CameraFormIssue::None);
    QTest::newRow("ok with everything")
            << "Gate" << true << rtsp << "rtsp://10.0.0.5/sub"
            << "10.0.0.5" << 8000 << "a, b" << int(CameraFormIssue::None);
    QTest::newRow("file source") << "Test" << true << "file:///var/video/demo.mp4"
                                 << ""
                                 << "" << 80 << "" << int(CameraFormIssue::None);
    QTest::newRow("no name") << " " << true << rtsp << ""
                             << "" << 80 << "" << int(CameraFormIssue::EmptyName);
    QTest::newRow("no place") << "Gate" << false << rtsp << ""
                              << "" << 80 << "" << int(CameraFormIssue::NoPlace);
    QTest::newRow("no url") << "Gate" << true << ""
                            << ""
                            << "" << 80 << "" << int(CameraFormIssue::EmptySourceUrl);
    QTest::newRow("url without scheme") << "Gate" << true << "10.0.0.5/main"
                                        << ""
                                        << "" << 80 << "" << int(CameraFormIssue::InvalidSourceUrl);
    QTest::newRow("url with space") << "Gate" << true << "rtsp://a b/c"
                                    << ""
                                    << "" << 80 << "" << int(CameraFormIssue::InvalidSourceUrl);
    QTest::newRow("bad substream") << "Gate" << true << rtsp << "sub"
                                   << "" << 80 << "" << int(CameraFormIssue::InvalidSubstreamUrl);
    QTest::newRow("port without host is ignored") << "Gate" << true << rtsp << ""
                                                  << "" << 0 << "" << int(CameraFormIssue::None);
    QTest::newRow("bad port") << "Gate" << true << rtsp << ""
                              << "cam.local" << 0 << "" << int(CameraFormIssue::InvalidOnvifPort);
    QTest::newRow("long tag") << "Gate" << true << rtsp << ""
                              << "" << 80 << QString(33, QLatin1Char('t'))
                              << int(CameraFormIssue::InvalidTag);
}

void TestSitesConsole::cameraForm()
{
    QFETCH(QString, name);
    QFETCH(bool, hasPlace);
    QFETCH(QString, source);
    QFETCH(QString, substream);
    QFETCH(QString, onvifHost);
    QFETCH(int, onvifPort);
    QFETCH(QString, tags);
    QFETCH(int, issue);
    CameraForm form;
    form.name = name;
    if (hasPlace)
        form.placeId = 1;
    form.sourceUrl = source;
    form.substreamUrl = substream;
    form.onvifHost = onvifHost;
    form.onvifPort = onvifPort;
    form.schedulerTags = tags;
    QCOMPARE(int(checkCameraForm(form)), issue);
    if (issue != int(CameraFormIssue::None))
        QVERIFY(!describeCameraFormIssue(CameraFormIssue(issue), form).isEmpty());
}

void TestSitesConsole::planGeometry()
{
    const QRectF image(0, 0, 800, 500);
    QCOMPARE(normalizedPlanPosition(QPointF(200, 250), image), QPointF(0.25, 0.5));
    QCOMPARE(normalizedPlanPosition(QPointF(-40, 900), image), QPointF(0, 1));
    QCOMPARE(normalizedPlanPosition(QPointF(10, 10), QRectF()), QPointF(0.5, 0.5));
    QCOMPARE(scenePlanPosition(QPointF(0.25, 0.5), image), QPointF(200, 250));
    QCOMPARE(scenePlanPosition(QPointF(2, -1), image), QPointF(800, 0));
    const QRectF offset(100, 50, 400, 200);
    QCOMPARE(normalizedPlanPosition(scenePlanPosition(QPointF(0.3, 0.7), offset), offset),
             QPointF(0.3, 0.7));
    QCOMPARE(clampToUnit(QPointF(qQNaN(), 0.2)), QPointF(0.5, 0.2));
}

void TestSitesConsole::cameraMimeRoundTrip()
{
    std::unique_ptr<QMimeData> data(
            makeCameraMimeData(QStringLiteral("c-1"), QStringLiteral("Gate")));
    QCOMPARE(cameraIdFromMimeData(data.get()), std::optional<QString>(QStringLiteral("c-1")));
    QCOMPARE(data->text(), QStringLiteral("Gate"));
    QMimeData plain;
    plain.setText(QStringLiteral("c-1"));
    QVERIFY(!cameraIdFromMimeData(&plain));
    QVERIFY(!cameraIdFromMimeData(nullptr));
}

void TestSitesConsole::cameraDialogBuildsSourceObject()
{
    client::Place place;
    place.id = 7;
    place.name = QStringLiteral("HQ");
    client::Camera camera;
    camera.id = QStringLiteral("c-1");
    camera.name = QStringLiteral("Gate");
    camera.placeId = 7;
    camera.source = QJsonObject{{QStringLiteral("url"), QStringLiteral("rtsp://old/main")},
                                {QStringLiteral("vendor_hint"), QStringLiteral("keep me")}};
    camera.ptz = QJsonObject{{QStringLiteral("preset_speed"), 3}};
    CameraDialog dialog(CameraDialog::Mode::Edit, {place}, nullptr);
    dialog.setCamera(camera);
    child<QLineEdit>(&dialog, QStringLiteral("sourceUrlEdit"))
            ->setText(QStringLiteral("rtsp://new/main"));
    child<QLineEdit>(&dialog, QStringLiteral("substreamUrlEdit"))
            ->setText(QStringLiteral("rtsp://new/sub"));
    auto *transport = child<QComboBox>(&dialog, QStringLiteral("transportCombo"));
    transport->setCurrentIndex(1);
    child<QLineEdit>(&dialog, QStringLiteral("schedulerTagsEdit"))
            ->setText(QStringLiteral("gpu, lpr,"));
    const client::CameraInput input = dialog.input();
    QCOMPARE(input.source,
             (QJsonObject{{QStringLiteral("url"), QStringLiteral("rtsp://new/main")},
                          {QStringLiteral("substream_url"), QStringLiteral("rtsp://new/sub")},
                          {QStringLiteral("transport"), QStringLiteral("udp")},
                          {QStringLiteral("vendor_hint"), QStringLiteral("keep me")}}));
    QCOMPARE(input.schedulerTags, (QStringList{QStringLiteral("gpu"), QStringLiteral("lpr")}));
    QCOMPARE(input.ptz, camera.ptz); // the block the form does not show goes back unchanged
    QCOMPARE(input.placeId, 7);
    QVERIFY(!input.onvifPort); // no ONVIF host: no ONVIF fields
}

// --- through the widgets ---

void TestSitesConsole::plansPaneCreatesPlace()
{
    PlansPane *pane = m_window->plansPane();
    QSignalSpy loaded(pane, &PlansPane::loaded);
    QTRY_VERIFY_WITH_TIMEOUT(loaded.count() >= 1, 15000); // first show loads
    QVERIFY(pane->model()->isEmpty());
    QVERIFY(pane->planView()->message().contains(QStringLiteral("no places yet")));

    QTest::mouseClick(child<QAbstractButton>(pane, QStringLiteral("newPlaceButton")),
                      Qt::LeftButton);
    auto *dialog = qobject_cast<PlaceDialog *>(pane->openDialog());
    QVERIFY(dialog);
    QTest::keyClicks(child<QLineEdit>(dialog, QStringLiteral("placeNameEdit")),
                     QStringLiteral("Head office"));
    child<QPlainTextEdit>(dialog, QStringLiteral("placeDescriptionEdit"))
            ->setPlainText(QStringLiteral("12 Harbour Street"));
    child<QCheckBox>(dialog, QStringLiteral("hasCoordinatesCheck"))->setChecked(true);
    child<QDoubleSpinBox>(dialog, QStringLiteral("latitudeSpin"))->setValue(59.9386);
    child<QDoubleSpinBox>(dialog, QStringLiteral("longitudeSpin"))->setValue(30.3141);
    QVERIFY(saveScreenshot(dialog, QStringLiteral("sites_place_dialog.png")));
    loaded.clear();
    QTest::mouseClick(dialog->okButton(), Qt::LeftButton);
    QTRY_VERIFY_WITH_TIMEOUT(!pane->openDialog(), 15000);
    QTRY_VERIFY_WITH_TIMEOUT(loaded.count() >= 1, 15000);

    const test::Reply places = m_api->get(QStringLiteral("/api/v1/places"));
    QCOMPARE(places.status, 200);
    const QJsonArray list = places.object().value(QStringLiteral("places")).toArray();
    QCOMPARE(list.size(), 1);
    const QJsonObject place = list.first().toObject();
    QCOMPARE(place.value(QStringLiteral("name")).toString(), QStringLiteral("Head office"));
    QCOMPARE(place.value(QStringLiteral("description")).toString(),
             QStringLiteral("12 Harbour Street"));
    QVERIFY(qAbs(place.value(QStringLiteral("latitude")).toDouble() - 59.9386) < 1e-6);
    m_placeId = place.value(QStringLiteral("id")).toInteger();

    // The new place is selected and explains what to do next.
    const auto selected = pane->model()->placeAt(pane->tree()->currentIndex());
    QVERIFY(selected);
    QCOMPARE(selected->id, m_placeId);
    QVERIFY(pane->planView()->message().contains(QStringLiteral("Add plan")));
}

void TestSitesConsole::addPlanUploadsImageAndCreatesPlan()
{
    PlansPane *pane = m_window->plansPane();
    QVERIFY(child<QAbstractButton>(pane, QStringLiteral("addPlanButton"))->isEnabled());
    QSignalSpy shown(pane, &PlansPane::planShown);
    pane->addPlanFromFile(m_placeId, m_planImagePath);
    auto *dialog = qobject_cast<PlanDialog *>(pane->openDialog());
    QVERIFY(dialog);
    auto *name = child<QLineEdit>(dialog, QStringLiteral("planNameEdit"));
    QCOMPARE(name->text(), QStringLiteral("floor-1")); // from the file name
    QCOMPARE(child<QLabel>(dialog, QStringLiteral("planImageLabel"))->text(),
             QStringLiteral("floor-1.png"));
    name->setText(QStringLiteral("Ground floor"));
    QTest::mouseClick(dialog->okButton(), Qt::LeftButton);
    QTRY_VERIFY_WITH_TIMEOUT(!pane->openDialog(), 15000);
    QTRY_VERIFY_WITH_TIMEOUT(shown.count() >= 1, 15000);
    QVERIFY(pane->currentPlan());
    QCOMPARE(pane->currentPlan()->name, QStringLiteral("Ground floor"));
    QVERIFY(pane->planView()->hasImage());
    QCOMPARE(pane->planView()->imageRect(), QRectF(0, 0, 800, 500));

    const test::Reply plans = m_api->get(QStringLiteral("/api/v1/places/%1/plans").arg(m_placeId));
    QCOMPARE(plans.status, 200);
    const QJsonArray list = plans.object().value(QStringLiteral("plans")).toArray();
    QCOMPARE(list.size(), 1);
    const QJsonObject plan = list.first().toObject();
    QCOMPARE(plan.value(QStringLiteral("name")).toString(), QStringLiteral("Ground floor"));
    m_planId = plan.value(QStringLiteral("id")).toInteger();
    QCOMPARE(pane->currentPlan()->id, m_planId);
    const QString imageId = plan.value(QStringLiteral("image_id")).toString();
    const test::Reply upload = m_api->get(QStringLiteral("/api/v1/uploads/%1").arg(imageId));
    QCOMPARE(upload.status, 200);
    QCOMPARE(upload.object().value(QStringLiteral("kind")).toString(), QStringLiteral("plan"));
    QCOMPARE(upload.object().value(QStringLiteral("mime_type")).toString(),
             QStringLiteral("image/png"));
    QFile file(m_planImagePath);
    QVERIFY(file.open(QIODevice::ReadOnly));
    QCOMPARE(m_api->get(QStringLiteral("/api/v1/uploads/%1/content").arg(imageId)).body,
             file.readAll());
}

void TestSitesConsole::cameraDialogCreatesCamera()
{
    CamerasPane *pane = m_window->camerasPane();
    QTRY_VERIFY_WITH_TIMEOUT(!pane->isLoading(), 15000);
    QCOMPARE(pane->model()->rowCount(), 0);
    QVERIFY(child<QLabel>(pane, QStringLiteral("camerasEmptyLabel"))->isVisible());

    QTest::mouseClick(child<QAbstractButton>(pane, QStringLiteral("newCameraButton")),
                      Qt::LeftButton);
    QTRY_VERIFY_WITH_TIMEOUT(pane->openDialog(), 15000); // after the place list arrived
    auto *dialog = qobject_cast<CameraDialog *>(pane->openDialog());
    QVERIFY(dialog);
    QVERIFY(QTest::qWaitForWindowExposed(dialog));
    // The place selected in the Plans panel is preselected.
    QCOMPARE(child<QComboBox>(dialog, QStringLiteral("placeCombo"))->currentData().toLongLong(),
             m_placeId);
    QTest::keyClicks(child<QLineEdit>(dialog, QStringLiteral("cameraNameEdit")),
                     QStringLiteral("Lobby camera"));
    QTest::keyClicks(child<QLineEdit>(dialog, QStringLiteral("sourceUrlEdit")),
                     QStringLiteral("rtsp://192.168.10.21:554/Streaming/101"));
    QTest::keyClicks(child<QLineEdit>(dialog, QStringLiteral("substreamUrlEdit")),
                     QStringLiteral("rtsp://192.168.10.21:554/Streaming/102"));
    child<QComboBox>(dialog, QStringLiteral("transportCombo"))->setCurrentIndex(1); // UDP
    QTest::keyClicks(child<QLineEdit>(dialog, QStringLiteral("onvifHostEdit")),
                     QStringLiteral("192.168.10.21"));
    child<QSpinBox>(dialog, QStringLiteral("onvifPortSpin"))->setValue(8080);
    QTest::keyClicks(child<QLineEdit>(dialog, QStringLiteral("onvifLoginEdit")),
                     QStringLiteral("admin"));
    QTest::keyClicks(child<QLineEdit>(dialog, QStringLiteral("onvifPasswordEdit")),
                     QStringLiteral("cam-secret-1"));
    QTest::keyClicks(child<QLineEdit>(dialog, QStringLiteral("schedulerGroupEdit")),
                     QStringLiteral("north-building"));
    QTest::keyClicks(child<QLineEdit>(dialog, QStringLiteral("schedulerTagsEdit")),
                     QStringLiteral("gpu, lpr"));
    QVERIFY(saveScreenshot(dialog, QStringLiteral("sites_camera_dialog.png")));

    QSignalSpy loaded(pane, &CamerasPane::loaded);
    QTest::mouseClick(dialog->okButton(), Qt::LeftButton);
    QTRY_VERIFY_WITH_TIMEOUT(!pane->openDialog(), 15000);
    QTRY_VERIFY_WITH_TIMEOUT(loaded.count() >= 1, 15000);
    QCOMPARE(pane->model()->rowCount(), 1);
    QCOMPARE(pane->model()->index(0, CameraTableModel::PlaceColumn).data().toString(),
             QStringLiteral("Head office"));

    const test::Reply search
            = m_api->post(QStringLiteral("/api/v1/cameras/search"),
                          QJsonObject{{QStringLiteral("query"), QStringLiteral("Lobby")}});
    QCOMPARE(search.status, 200);
    const QJsonArray found = search.object().value(QStringLiteral("cameras")).toArray();
    QCOMPARE(found.size(), 1);
    const QJsonObject camera = found.first().toObject();
    m_cameraId = camera.value(QStringLiteral("id")).toString();
    QCOMPARE(camera.value(QStringLiteral("place_id")).toInteger(), m_placeId);
    QCOMPARE(camera.value(QStringLiteral("source")).toObject(),
             (QJsonObject{{QStringLiteral("url"),
                           QStringLiteral("rtsp://192.168.10.21:554/Streaming/101")},
                          {QStringLiteral("substream_url"),
                           QStringLiteral("rtsp://192.168.10.21:554/Streaming/102")},
                          {QStringLiteral("transport"), QStringLiteral("udp")}}));
    QCOMPARE(camera.value(QStringLiteral("onvif_host")).toString(),
             QStringLiteral("192.168.10.21"));
    QCOMPARE(camera.value(QStringLiteral("onvif_port")).toInt(), 8080);
    QCOMPARE(camera.value(QStringLiteral("onvif_login")).toString(), QStringLiteral("admin"));
    QCOMPARE(camera.value(QStringLiteral("scheduler_group")).toString(),
             QStringLiteral("north-building"));
    QCOMPARE(camera.value(QStringLiteral("scheduler_tags")).toArray(),
             (QJsonArray{QStringLiteral("gpu"), QStringLiteral("lpr")}));
    QCOMPARE(pane->model()->camera(0).id, m_cameraId);
}

void TestSitesConsole::cameraDialogRejectsLongTag()
{
    CamerasPane *pane = m_window->camerasPane();
    QVERIFY(pane->selectCamera(m_cameraId));
    QTest::mouseClick(child<QAbstractButton>(pane, QStringLiteral("editCameraButton")),
                      Qt::LeftButton);
    QTRY_VERIFY_WITH_TIMEOUT(pane->openDialog(), 15000);
    auto *dialog = qobject_cast<CameraDialog *>(pane->openDialog());
    QVERIFY(dialog);
    QCOMPARE(child<QLineEdit>(dialog, QStringLiteral("schedulerTagsEdit"))->text(),
             QStringLiteral("gpu, lpr"));
    QVERIFY(child<QLineEdit>(dialog, QStringLiteral("onvifPasswordEdit"))->text().isEmpty());
    child<QLineEdit>(dialog, QStringLiteral("schedulerTagsEdit"))
            ->setText(QStringLiteral("gpu, a-tag-that-is-much-longer-than-32-chars"));
    QTest::mouseClick(dialog->okButton(), Qt::LeftButton);
    QCOMPARE(dialog->errorText(), QStringLiteral("The tag \"a-tag-that-is-much-longer-than-32-"
                                                 "chars\" is longer than 32 characters."));
    QVERIFY(!dialog->isBusy());
    dialog->reject();
    QTRY_VERIFY(!pane->openDialog());
}

void TestSitesConsole::droppedCameraIsPlacedAtDropPoint()
{
    PlansPane *pane = m_window->plansPane();
    QVERIFY(pane->selectPlan(m_planId));
    QTRY_VERIFY_WITH_TIMEOUT(pane->planView()->hasImage(), 15000);
    QVERIFY(pane->planView()->cameraIds().isEmpty());
    QSignalSpy changed(pane, &PlansPane::planCamerasChanged);
    QVERIFY(dropCamera(m_cameraId, QPointF(0.3, 0.4)));
    QTRY_COMPARE_WITH_TIMEOUT(changed.count(), 1, 15000);
    QCOMPARE(changed.at(0).at(0).toBool(), true);

    const QJsonObject onPlan = planCameraFromApi(m_cameraId);
    QVERIFY2(!onPlan.isEmpty(), "the camera is not on the plan");
    QVERIFY(qAbs(onPlan.value(QStringLiteral("x")).toDouble() - 0.3) < kTolerance);
    QVERIFY(qAbs(onPlan.value(QStringLiteral("y")).toDouble() - 0.4) < kTolerance);
    QTRY_COMPARE_WITH_TIMEOUT(pane->planView()->cameraIds(), QStringList{m_cameraId}, 15000);
    QCOMPARE(child<StatusLabel>(pane, QStringLiteral("plansStatusLabel"))->text(),
             QStringLiteral("Placed “Lobby camera” on the plan."));
}

void TestSitesConsole::draggedMarkerSavesItsPosition()
{
    PlansPane *pane = m_window->plansPane();
    PlanView *view = pane->planView();
    QTRY_VERIFY_WITH_TIMEOUT(view->cameraItem(m_cameraId), 15000);
    const int updatesBefore = auditCount(QStringLiteral("plan_camera_update"));
    QVERIFY(updatesBefore >= 1); // the position set by the drop

    QWidget *viewport = view->viewport();
    const QPoint start = view->markerViewportPoint(m_cameraId);
    const QPoint end = start + QPoint(140, 70);
    QSignalSpy changed(pane, &PlansPane::planCamerasChanged);
    QTest::mousePress(viewport, Qt::LeftButton, Qt::NoModifier, start);
    for (int step = 1; step <= 5; ++step)
        QTest::mouseMove(viewport, start + (end - start) * step / 5);
    QTest::mouseRelease(viewport, Qt::LeftButton, Qt::NoModifier, end);
    QTRY_COMPARE_WITH_TIMEOUT(changed.count(), 1, 15000);
    QCOMPARE(changed.at(0).at(0).toBool(), true);

    const QPointF expected = normalizedPlanPosition(view->mapToScene(end), view->imageRect());
    const QJsonObject onPlan = planCameraFromApi(m_cameraId);
    QVERIFY2(qAbs(onPlan.value(QStringLiteral("x")).toDouble() - expected.x()) < kTolerance,
             qPrintable(QStringLiteral("x %1, expected %2")
                                .arg(onPlan.value(QStringLiteral("x")).toDouble())
                                .arg(expected.x())));
    QVERIFY(qAbs(onPlan.value(QStringLiteral("y")).toDouble() - expected.y()) < kTolerance);
    QVERIFY(expected.x() > 0.35 && expected.y() > 0.45); // it did move right and down
    // One saved position per move, not one per mouse-move event.
    QCOMPARE(auditCount(QStringLiteral("plan_camera_update")), updatesBefore + 1);
}

void TestSitesConsole::markerStaysOnTheImage()
{
    PlansPane *pane = m_window->plansPane();
    PlanView *view = pane->planView();
    QTRY_VERIFY_WITH_TIMEOUT(view->cameraItem(m_cameraId), 15000);
    QWidget *viewport = view->viewport();
    const QPoint start = view->markerViewportPoint(m_cameraId);
    // Far beyond the right edge of the image, and a little up.
    const QPoint end(viewport->width() - 2, start.y() - 20);
    QSignalSpy changed(pane, &PlansPane::planCamerasChanged);
    QTest::mousePress(viewport, Qt::LeftButton, Qt::NoModifier, start);
    QTest::mouseMove(viewport, (start + end) / 2);
    QTest::mouseMove(viewport, end);
    QTest::mouseRelease(viewport, Qt::LeftButton, Qt::NoModifier, end);
    QTRY_COMPARE_WITH_TIMEOUT(changed.count(), 1, 15000);
    const QJsonObject onPlan = planCameraFromApi(m_cameraId);
    QVERIFY(qAbs(onPlan.value(QStringLiteral("x")).toDouble() - 1.0) < kTolerance);
    const double y = onPlan.value(QStringLiteral("y")).toDouble();
    QVERIFY(y > 0.0 && y < 1.0);
}

void TestSitesConsole::cameraOfAnotherPlaceIsRefusedWithReason()
{
    const test::Reply depot
            = m_api->post(QStringLiteral("/api/v1/places"),
                          QJsonObject{{QStringLiteral("name"), QStringLiteral("Depot")}});
    QCOMPARE(depot.status, 200);
    const QString yardId = createCameraThroughApi(
            QStringLiteral("Yard camera"), depot.object().value(QStringLiteral("id")).toInteger());
    QVERIFY(!yardId.isEmpty());
    CamerasPane *cameras = m_window->camerasPane();
    QSignalSpy loaded(cameras, &CamerasPane::loaded);
    cameras->reload();
    QTRY_VERIFY_WITH_TIMEOUT(loaded.count() >= 1, 15000);
    QCOMPARE(cameras->model()->rowCount(), 2);

    PlansPane *pane = m_window->plansPane();
    QSignalSpy changed(pane, &PlansPane::planCamerasChanged);
    QVERIFY(dropCamera(yardId, QPointF(0.6, 0.6)));
    QTRY_COMPARE_WITH_TIMEOUT(changed.count(), 1, 15000);
    QCOMPARE(changed.at(0).at(0).toBool(), false);
    auto *status = child<StatusLabel>(pane, QStringLiteral("plansStatusLabel"));
    QVERIFY(status->isError());
    // The server's reason, with the camera named the way the operator knows it.
    QCOMPARE(status->text(),
             QStringLiteral("Could not place “Yard camera” on this plan: The server rejected the "
                            "request. (Camera “Yard camera” belongs to another place than the "
                            "plan)"));
    QCOMPARE(planCamerasFromApi().size(), 1);
    QCOMPARE(pane->planView()->cameraIds(), QStringList{m_cameraId});
    QVERIFY(saveScreenshot(pane, QStringLiteral("sites_plan_refused_drop.png")));
}

void TestSitesConsole::doubleClickShowsCameraInLiveView()
{
    PlanView *view = m_window->plansPane()->planView();
    QTRY_VERIFY_WITH_TIMEOUT(view->cameraItem(m_cameraId), 15000);
    QCOMPARE(m_window->liveViewPane()->cameraId(), QString());
    QSignalSpy changed(m_window->plansPane(), &PlansPane::planCamerasChanged);
    QTest::mouseDClick(view->viewport(), Qt::LeftButton, Qt::NoModifier,
                       view->markerViewportPoint(m_cameraId));
    QTRY_COMPARE_WITH_TIMEOUT(m_window->liveViewPane()->cameraId(), m_cameraId, 5000);
    QCOMPARE(m_window->liveViewPane()->cameraName(), QStringLiteral("Lobby camera"));
    QCOMPARE(child<QLabel>(m_window->liveViewPane(), QStringLiteral("liveCameraLabel"))->text(),
             QStringLiteral("Lobby camera"));
    QVERIFY(child<QDockWidget>(m_window.get(), QStringLiteral("liveViewDock"))->isVisible());
    QTest::qWait(100);
    QCOMPARE(changed.count(), 0); // a double click is not a move

    // With two cameras on the plan, the plan panel and the whole window, for the record.
    const test::Reply secondPlace = m_api->post(
            QStringLiteral("/api/v1/cameras"),
            QJsonObject{
                    {QStringLiteral("name"), QStringLiteral("Server room PTZ")},
                    {QStringLiteral("place_id"), m_placeId},
                    {QStringLiteral("source"),
                     QJsonObject{{QStringLiteral("url"), QStringLiteral("rtsp://10.1.1.7/s")}}}});
    QCOMPARE(secondPlace.status, 200);
    const QString ptzId = secondPlace.object().value(QStringLiteral("id")).toString();
    CamerasPane *cameras = m_window->camerasPane();
    QSignalSpy loaded(cameras, &CamerasPane::loaded);
    cameras->reload();
    QTRY_VERIFY_WITH_TIMEOUT(loaded.count() >= 1, 15000);
    QVERIFY(dropCamera(ptzId, QPointF(0.8, 0.25)));
    QTRY_COMPARE_WITH_TIMEOUT(changed.count(), 1, 15000);
    QTRY_COMPARE_WITH_TIMEOUT(view->cameraIds().size(), 2, 15000);
    QVERIFY(saveScreenshot(view, QStringLiteral("sites_plan_view.png")));
    QVERIFY(saveScreenshot(m_window.get(), QStringLiteral("sites_console.png")));
    QCOMPARE(m_api->del(QStringLiteral("/api/v1/plans/%1/cameras").arg(m_planId),
                        QJsonObject{{QStringLiteral("camera_ids"), QJsonArray{ptzId}}})
                     .status,
             200);
    QCOMPARE(m_api->del(QStringLiteral("/api/v1/cameras/%1").arg(ptzId)).status, 200);
    m_window->plansPane()->refreshPlanCameras();
    QTRY_COMPARE_WITH_TIMEOUT(view->cameraIds(), QStringList{m_cameraId}, 15000);
}

void TestSitesConsole::panelsInRussian()
{
    QTranslator translator;
    QVERIFY(translator.load(QStringLiteral(":/i18n/vms_ru.qm")));
    QVERIFY(QCoreApplication::installTranslator(&translator));
    {
        MainWindow window(m_client.get());
        window.resize(1440, 900);
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        PlansPane *plans = window.plansPane();
        QSignalSpy plansLoaded(plans, &PlansPane::loaded);
        QTRY_VERIFY_WITH_TIMEOUT(plansLoaded.count() >= 1, 15000);
        QSignalSpy shown(plans, &PlansPane::planShown);
        QVERIFY(plans->selectPlan(m_planId));
        QTRY_VERIFY_WITH_TIMEOUT(shown.count() >= 1, 15000);
        QCOMPARE(child<QAbstractButton>(plans, QStringLiteral("addPlanButton"))->text(),
                 QStringLiteral("Добавить план…"));
        CamerasPane *cameras = window.camerasPane();
        QTRY_VERIFY_WITH_TIMEOUT(!cameras->isLoading() && cameras->model()->rowCount() > 0, 15000);
        QCOMPARE(cameras->model()
                         ->headerData(CameraTableModel::PlaceColumn, Qt::Horizontal)
                         .toString(),
                 QStringLiteral("Место"));
        QVERIFY(saveScreenshot(&window, QStringLiteral("sites_console_ru.png")));

        QVERIFY(cameras->selectCamera(m_cameraId));
        cameras->editSelected();
        QTRY_VERIFY_WITH_TIMEOUT(cameras->openDialog(), 15000);
        auto *dialog = qobject_cast<CameraDialog *>(cameras->openDialog());
        QVERIFY(dialog);
        QVERIFY(QTest::qWaitForWindowExposed(dialog));
        QCOMPARE(dialog->windowTitle(), QStringLiteral("Изменение камеры"));
        QCOMPARE(child<QComboBox>(dialog, QStringLiteral("transportCombo"))->currentText(),
                 QStringLiteral("UDP (меньше задержка, возможны потери пакетов)"));
        QVERIFY(saveScreenshot(dialog, QStringLiteral("sites_camera_dialog_ru.png")));
        dialog->reject();
        window.hide();
    }
    QCoreApplication::removeTranslator(&translator);
}

void TestSitesConsole::contextMenuRemovesCameraFromPlan()
{
    PlansPane *pane = m_window->plansPane();
    PlanView *view = pane->planView();
    QTRY_VERIFY_WITH_TIMEOUT(view->cameraItem(m_cameraId), 15000);
    const QPoint point = view->markerViewportPoint(m_cameraId);
    QContextMenuEvent event(QContextMenuEvent::Mouse, point, view->viewport()->mapToGlobal(point));
    QApplication::sendEvent(view->viewport(), &event);
    QMenu *menu = view->contextMenu();
    QVERIFY(menu);
    QTRY_VERIFY(menu->isVisible());
    auto *remove = menu->findChild<QAction *>(QStringLiteral("removeFromPlanAction"));
    QVERIFY(remove);
    QCOMPARE(remove->text(), QStringLiteral("Remove from plan"));
    QSignalSpy changed(pane, &PlansPane::planCamerasChanged);
    remove->trigger();
    menu->close();
    QTRY_COMPARE_WITH_TIMEOUT(changed.count(), 1, 15000);
    QCOMPARE(changed.at(0).at(0).toBool(), true);
    QVERIFY(planCamerasFromApi().isEmpty());
    QTRY_VERIFY_WITH_TIMEOUT(view->cameraIds().isEmpty(), 15000);
}

void TestSitesConsole::deletesCameraAndRefusesBusyPlace()
{
    // The place still has a plan: the server refuses, the panel says why.
    PlansPane *plans = m_window->plansPane();
    QVERIFY(plans->selectPlace(m_placeId));
    QTest::mouseClick(child<QAbstractButton>(plans, QStringLiteral("deletePlaceButton")),
                      Qt::LeftButton);
    QVERIFY(confirmOpenBox(plans));
    auto *status = child<StatusLabel>(plans, QStringLiteral("plansStatusLabel"));
    QTRY_VERIFY_WITH_TIMEOUT(status->isError(), 15000);
    QVERIFY2(status->text().startsWith(QStringLiteral("Could not delete Head office:")),
             qPrintable(status->text()));
    QCOMPARE(m_api->get(QStringLiteral("/api/v1/places/%1").arg(m_placeId)).status, 200);

    // The camera goes after a confirmation.
    CamerasPane *cameras = m_window->camerasPane();
    QVERIFY(cameras->selectCamera(m_cameraId));
    QSignalSpy loaded(cameras, &CamerasPane::loaded);
    QTest::mouseClick(child<QAbstractButton>(cameras, QStringLiteral("deleteCameraButton")),
                      Qt::LeftButton);
    QVERIFY(confirmOpenBox(cameras));
    QTRY_VERIFY_WITH_TIMEOUT(loaded.count() >= 1, 15000);
    QCOMPARE(cameras->model()->rowOf(m_cameraId), -1);
    QCOMPARE(m_api->get(QStringLiteral("/api/v1/cameras/%1").arg(m_cameraId)).status, 404);
}

QTEST_MAIN(TestSitesConsole)
#include "tst_sites_console.moc"
