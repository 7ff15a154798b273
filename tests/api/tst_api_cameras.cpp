// Seed 002 §2: cameras (list, create, search, get, update, delete).
#include "core/domain/camera.h"
#include "core/storage/camera_repository.h"
#include "core/storage/database.h"
#include "tests/api/sites_fixture.h"

#include <QDateTime>
#include <QElapsedTimer>
#include <QTest>
#include <QUuid>

using namespace vms::apitest;
using vms::test::Reply;

namespace {

QJsonObject source(const QString &url = QStringLiteral("rtsp://127.0.0.1:8554/main"))
{
    return {{QStringLiteral("url"), url}};
}

QJsonObject cameraBody(const QString &name, qint64 placeId, const QJsonObject &src = source())
{
    return {{QStringLiteral("name"), name},
            {QStringLiteral("place_id"), placeId},
            {QStringLiteral("source"), src}};
}

QStringList listedIds(const Reply &r)
{
    return idsOf(r.object().value(QLatin1String("cameras")));
}

QString newUuid()
{
    return QUuid::createUuid().toString(QUuid::WithoutBraces);
}

QString nextCursor(const Reply &r)
{
    return r.object()
            .value(QLatin1String("pagination"))
            .toObject()
            .value(QLatin1String("cursor"))
            .toString();
}

} // namespace

class TstApiCameras : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void cleanup();
    void cleanupTestCase();

    void createCamera();
    void createWithOrigin();
    void createValidation_data();
    void createValidation();
    void createUnknownPlace();
    void getCamera();
    void getErrors();
    void originFields();
    void updateCamera();
    void updateKeepsOnvifPassword();
    void updateErrors();
    void deleteCamera();
    void deleteCameraOnPlan();
    void listFilters();
    void listPaging();
    void listErrors_data();
    void listErrors();
    void searchCameras();
    void searchValidation();
    void tenThousandCameras();
    void mutationsAreAudited();
    void permissionDenied();
    void organizationIsolation();

private:
    qint64 newPlace(ApiTestClient &client, const QString &name, const QJsonObject &extra = {});

    TestServer m_server;
    SiteClients m_c;
};

void TstApiCameras::initTestCase()
{
    QVERIFY2(m_server.start(), qPrintable(m_server.errorString()));
    QVERIFY2(m_c.setUp(m_server), qPrintable(m_c.error));
}

void TstApiCameras::cleanup()
{
    for (ApiTestClient *c : m_c.all())
        VMS_VERIFY_NO_SCHEMA_FAILURES(*c);
}

void TstApiCameras::cleanupTestCase()
{
    m_c.reset();
    m_server.stop();
}

qint64 TstApiCameras::newPlace(ApiTestClient &client, const QString &name, const QJsonObject &extra)
{
    QJsonObject body = extra;
    body.insert(QStringLiteral("name"), name);
    return createPlace(client, body);
}

void TstApiCameras::createCamera()
{
    const qint64 place = newPlace(*m_c.user, QStringLiteral("Cam place"));
    const QJsonObject src{
            {QStringLiteral("url"), QStringLiteral("rtsp://10.0.0.5:554/main")},
            {QStringLiteral("substream_url"), QStringLiteral("rtsp://10.0.0.5:554/sub")},
            {QStringLiteral("transport"), QStringLiteral("udp")},
            {QStringLiteral("vendor_hint"), QJsonObject{{QStringLiteral("a"), 1}}}};
    QJsonObject body = cameraBody(QStringLiteral("Entrance"), place, src);
    body.insert(QStringLiteral("video_analytics"),
                QJsonObject{{QStringLiteral("motion"), true}, {QStringLiteral("fps"), 5}});
    body.insert(QStringLiteral("video_storage"), QJsonObject{{QStringLiteral("days"), 14}});
    body.insert(QStringLiteral("video_streaming"), QJsonObject());
    body.insert(QStringLiteral("ptz"), QJsonObject{{QStringLiteral("enabled"), false}});
    body.insert(QStringLiteral("onvif_host"), QStringLiteral("10.0.0.5"));
    body.insert(QStringLiteral("onvif_port"), 8080);
    body.insert(QStringLiteral("onvif_login"), QStringLiteral("admin"));
    body.insert(QStringLiteral("onvif_password"), QStringLiteral("secret-pass"));
    body.insert(QStringLiteral("scheduler_group"), QStringLiteral("rack-1"));
    body.insert(QStringLiteral("scheduler_tags"),
                QJsonArray{QStringLiteral("gpu"), QStringLiteral("x")});

    const Reply r = m_c.user->post(QStringLiteral("/api/v1/cameras"), body);
    VMS_VERIFY_STATUS(r, 200);
    const QJsonObject c = r.object();
    const QString id = c.value(QLatin1String("id")).toString();
    QVERIFY2(!QUuid::fromString(id).isNull() && id.size() == 36, qPrintable(id));
    for (const QString &key :
         {QStringLiteral("name"), QStringLiteral("place_id"), QStringLiteral("source"),
          QStringLiteral("video_analytics"), QStringLiteral("video_storage"),
          QStringLiteral("video_streaming"), QStringLiteral("ptz"), QStringLiteral("onvif_host"),
          QStringLiteral("onvif_port"), QStringLiteral("onvif_login"),
          QStringLiteral("scheduler_group"), QStringLiteral("scheduler_tags")})
        QVERIFY2(c.value(key) == body.value(key), qPrintable(key));
    // The camera password is write-only.
    QVERIFY(!c.contains(QLatin1String("onvif_password")));
    QVERIFY(!c.contains(QLatin1String("plan_id")));
    QVERIFY(!c.contains(QLatin1String("origin")));
    QVERIFY(c.value(QLatin1String("created_at")).toString().endsWith(QLatin1Char('Z')));
    QCOMPARE(m_c.user->get(QStringLiteral("/api/v1/cameras/") + id).object(), c);
}

void TstApiCameras::createWithOrigin()
{
    const qint64 place = newPlace(*m_c.user, QStringLiteral("Origin place"),
                                  {{QStringLiteral("description"), QStringLiteral("Desc")},
                                   {QStringLiteral("latitude"), 10.5},
                                   {QStringLiteral("longitude"), -20.25}});
    const Reply r = m_c.user->post(QStringLiteral("/api/v1/cameras?with_origin=true"),
                                   cameraBody(QStringLiteral("With origin"), place));
    VMS_VERIFY_STATUS(r, 200);
    QCOMPARE(r.object().value(QLatin1String("origin")).toObject(),
             QJsonObject({{QStringLiteral("place_id"), place},
                          {QStringLiteral("place_name"), QStringLiteral("Origin place")},
                          {QStringLiteral("place_description"), QStringLiteral("Desc")},
                          {QStringLiteral("place_latitude"), 10.5},
                          {QStringLiteral("place_longitude"), -20.25}}));
}

void TstApiCameras::createValidation_data()
{
    QTest::addColumn<QString>("field");    // what to break
    QTest::addColumn<QJsonValue>("value"); // undefined: remove the field
    QTest::addColumn<QStringList>("loc");
    QTest::addColumn<QString>("type");
    const QJsonValue removed(QJsonValue::Undefined);
    const auto body = [](const QString &f) {
        return QStringList{QStringLiteral("body"), f};
    };
    const QStringList urlLoc{QStringLiteral("body"), QStringLiteral("source"),
                             QStringLiteral("url")};

    QTest::newRow("name missing") << QStringLiteral("name") << removed
                                  << body(QStringLiteral("name"))
                                  << QStringLiteral("value_error.missing");
    QTest::newRow("name empty") << QStringLiteral("name") << QJsonValue(QString())
                                << body(QStringLiteral("name"))
                                << QStringLiteral("value_error.any_str.min_length");
    QTest::newRow("name 256") << QStringLiteral("name")
                              << QJsonValue(QString(256, QLatin1Char('n')))
                              << body(QStringLiteral("name"))
                              << QStringLiteral("value_error.any_str.max_length");
    QTest::newRow("source missing")
            << QStringLiteral("source") << removed << body(QStringLiteral("source"))
            << QStringLiteral("value_error.missing");
    QTest::newRow("source null") << QStringLiteral("source") << QJsonValue(QJsonValue::Null)
                                 << body(QStringLiteral("source"))
                                 << QStringLiteral("value_error.missing");
    QTest::newRow("source not an object")
            << QStringLiteral("source") << QJsonValue(QStringLiteral("rtsp://x"))
            << body(QStringLiteral("source")) << QStringLiteral("type_error.dict");
    QTest::newRow("source without url") << QStringLiteral("source") << QJsonValue(QJsonObject())
                                        << urlLoc << QStringLiteral("value_error.missing");
    QTest::newRow("source url empty") << QStringLiteral("source")
                                      << QJsonValue(QJsonObject{{QStringLiteral("url"), QString()}})
                                      << urlLoc << QStringLiteral("value_error.any_str.min_length");
    QTest::newRow("source url blank")
            << QStringLiteral("source")
            << QJsonValue(QJsonObject{{QStringLiteral("url"), QStringLiteral("   ")}}) << urlLoc
            << QStringLiteral("value_error.any_str.min_length");
    QTest::newRow("source url a number")
            << QStringLiteral("source") << QJsonValue(QJsonObject{{QStringLiteral("url"), 5}})
            << urlLoc << QStringLiteral("type_error.str");
    QTest::newRow("transport http")
            << QStringLiteral("source")
            << QJsonValue(QJsonObject{{QStringLiteral("url"), QStringLiteral("rtsp://x")},
                                      {QStringLiteral("transport"), QStringLiteral("http")}})
            << QStringList{QStringLiteral("body"), QStringLiteral("source"),
                           QStringLiteral("transport")}
            << QStringLiteral("type_error.enum");
    QTest::newRow("substream_url a number")
            << QStringLiteral("source")
            << QJsonValue(QJsonObject{{QStringLiteral("url"), QStringLiteral("rtsp://x")},
                                      {QStringLiteral("substream_url"), 7}})
            << QStringList{QStringLiteral("body"), QStringLiteral("source"),
                           QStringLiteral("substream_url")}
            << QStringLiteral("type_error.str");
    QTest::newRow("place_id missing")
            << QStringLiteral("place_id") << removed << body(QStringLiteral("place_id"))
            << QStringLiteral("value_error.missing");
    QTest::newRow("place_id text")
            << QStringLiteral("place_id") << QJsonValue(QStringLiteral("a"))
            << body(QStringLiteral("place_id")) << QStringLiteral("type_error.integer");
    QTest::newRow("video_analytics a list")
            << QStringLiteral("video_analytics") << QJsonValue(QJsonArray{1})
            << body(QStringLiteral("video_analytics")) << QStringLiteral("type_error.dict");
    QTest::newRow("ptz a string") << QStringLiteral("ptz") << QJsonValue(QStringLiteral("on"))
                                  << body(QStringLiteral("ptz"))
                                  << QStringLiteral("type_error.dict");
    QTest::newRow("onvif_port 0") << QStringLiteral("onvif_port") << QJsonValue(0)
                                  << body(QStringLiteral("onvif_port"))
                                  << QStringLiteral("value_error.number.not_ge");
    QTest::newRow("onvif_port 65536")
            << QStringLiteral("onvif_port") << QJsonValue(65536)
            << body(QStringLiteral("onvif_port")) << QStringLiteral("value_error.number.not_le");
    QTest::newRow("onvif_host empty") << QStringLiteral("onvif_host") << QJsonValue(QString())
                                      << body(QStringLiteral("onvif_host"))
                                      << QStringLiteral("value_error.any_str.min_length");
    QTest::newRow("onvif_password 256")
            << QStringLiteral("onvif_password") << QJsonValue(QString(256, QLatin1Char('p')))
            << body(QStringLiteral("onvif_password"))
            << QStringLiteral("value_error.any_str.max_length");
    QTest::newRow("scheduler_group 65")
            << QStringLiteral("scheduler_group") << QJsonValue(QString(65, QLatin1Char('g')))
            << body(QStringLiteral("scheduler_group"))
            << QStringLiteral("value_error.any_str.max_length");
    QTest::newRow("scheduler_tags not a list")
            << QStringLiteral("scheduler_tags") << QJsonValue(QStringLiteral("gpu"))
            << body(QStringLiteral("scheduler_tags")) << QStringLiteral("type_error.list");
    QTest::newRow("scheduler_tags empty item")
            << QStringLiteral("scheduler_tags")
            << QJsonValue(QJsonArray{QStringLiteral("ok"), QString()})
            << QStringList{QStringLiteral("body"), QStringLiteral("scheduler_tags"),
                           QStringLiteral("1")}
            << QStringLiteral("value_error.any_str.min_length");
    QTest::newRow("scheduler_tags item of 33")
            << QStringLiteral("scheduler_tags")
            << QJsonValue(QJsonArray{QString(33, QLatin1Char('t'))})
            << QStringList{QStringLiteral("body"), QStringLiteral("scheduler_tags"),
                           QStringLiteral("0")}
            << QStringLiteral("value_error.any_str.max_length");
}

void TstApiCameras::createValidation()
{
    QFETCH(QString, field);
    QFETCH(QJsonValue, value);
    QFETCH(QStringList, loc);
    QFETCH(QString, type);
    static qint64 place = 0;
    if (!place)
        place = newPlace(*m_c.user, QStringLiteral("Validation place"));
    QJsonObject body = cameraBody(QStringLiteral("valid"), place);
    if (value.isUndefined())
        body.remove(field);
    else
        body.insert(field, value);
    VMS_VERIFY_VALIDATION(m_c.user->post(QStringLiteral("/api/v1/cameras"), body), loc, type);
    // The full replacement checks the same.
    static QString camera;
    if (camera.isEmpty())
        camera = vms::apitest::createCamera(*m_c.user, QStringLiteral("val"), place);
    VMS_VERIFY_VALIDATION(m_c.user->put(QStringLiteral("/api/v1/cameras/") + camera, body), loc,
                          type);
}

void TstApiCameras::createUnknownPlace()
{
    VMS_VERIFY_ERROR(m_c.user->post(QStringLiteral("/api/v1/cameras"),
                                    cameraBody(QStringLiteral("lost"), 987654)),
                     400, QStringLiteral("invalid_request"));
    const qint64 foreign = newPlace(*m_c.other, QStringLiteral("Foreign"));
    VMS_VERIFY_ERROR(m_c.user->post(QStringLiteral("/api/v1/cameras"),
                                    cameraBody(QStringLiteral("lost"), foreign)),
                     400, QStringLiteral("invalid_request"));
    VMS_VERIFY_VALIDATION(m_c.user->post(QStringLiteral("/api/v1/cameras?with_origin=perhaps"),
                                         cameraBody(QStringLiteral("x"), foreign)),
                          QStringList({QStringLiteral("query"), QStringLiteral("with_origin")}),
                          QStringLiteral("type_error.bool"));
}

void TstApiCameras::getCamera()
{
    const qint64 place = newPlace(*m_c.user, QStringLiteral("Get place"));
    const QString id = vms::apitest::createCamera(*m_c.user, QStringLiteral("getme"), place);
    Reply r = m_c.user->get(QStringLiteral("/api/v1/cameras/") + id);
    VMS_VERIFY_STATUS(r, 200);
    QCOMPARE(r.object().value(QLatin1String("id")).toString(), id);
    QVERIFY(!r.object().contains(QLatin1String("origin")));
    r = m_c.user->get(QStringLiteral("/api/v1/cameras/%1?with_origin=1").arg(id.toUpper()));
    VMS_VERIFY_STATUS(r, 200);
    QCOMPARE(r.object().value(QLatin1String("id")).toString(), id);
    QCOMPARE(r.object().value(QLatin1String("origin")).toObject(),
             QJsonObject({{QStringLiteral("place_id"), place},
                          {QStringLiteral("place_name"), QStringLiteral("Get place")}}));
    r = m_c.user->get(QStringLiteral("/api/v1/cameras/%1?with_origin=false").arg(id));
    QVERIFY(!r.object().contains(QLatin1String("origin")));
}

void TstApiCameras::getErrors()
{
    VMS_VERIFY_ERROR(m_c.user->get(QStringLiteral("/api/v1/cameras/") + newUuid()), 404,
                     QStringLiteral("not_found"));
    VMS_VERIFY_VALIDATION(m_c.user->get(QStringLiteral("/api/v1/cameras/42")),
                          QStringList({QStringLiteral("path"), QStringLiteral("camera_id")}),
                          QStringLiteral("type_error.uuid"));
}

void TstApiCameras::originFields()
{
    const qint64 place = newPlace(*m_c.user, QStringLiteral("Origin full"),
                                  {{QStringLiteral("description"), QStringLiteral("Big hall")},
                                   {QStringLiteral("latitude"), 48.8584},
                                   {QStringLiteral("longitude"), 2.2945}});
    const QString image = uploadImage(*m_c.user);
    const qint64 plan = createPlan(*m_c.user, QStringLiteral("Hall plan"), place, image);
    const QString camera = vms::apitest::createCamera(*m_c.user, QStringLiteral("hall"), place);
    VMS_VERIFY_STATUS(
            m_c.user->post(QStringLiteral("/api/v1/plans/%1/cameras").arg(plan),
                           QJsonObject{{QStringLiteral("camera_ids"), QJsonArray{camera}}}),
            200);
    const QJsonObject expected{{QStringLiteral("plan_id"), plan},
                               {QStringLiteral("plan_name"), QStringLiteral("Hall plan")},
                               {QStringLiteral("place_id"), place},
                               {QStringLiteral("place_name"), QStringLiteral("Origin full")},
                               {QStringLiteral("place_description"), QStringLiteral("Big hall")},
                               {QStringLiteral("place_latitude"), 48.8584},
                               {QStringLiteral("place_longitude"), 2.2945}};
    Reply r = m_c.user->get(QStringLiteral("/api/v1/cameras/%1?with_origin=true").arg(camera));
    VMS_VERIFY_STATUS(r, 200);
    QCOMPARE(r.object().value(QLatin1String("origin")).toObject(), expected);
    QCOMPARE(r.object().value(QLatin1String("plan_id")).toInteger(), plan);
    // The list and the search give the same origin.
    r = m_c.user->get(QStringLiteral("/api/v1/cameras?with_origin=true&place_id=%1").arg(place));
    VMS_VERIFY_STATUS(r, 200);
    QCOMPARE(r.object()
                     .value(QLatin1String("cameras"))
                     .toArray()
                     .first()
                     .toObject()
                     .value(QLatin1String("origin"))
                     .toObject(),
             expected);
    r = m_c.user->post(QStringLiteral("/api/v1/cameras/search?with_origin=true"),
                       QJsonObject{{QStringLiteral("query"), camera}});
    VMS_VERIFY_STATUS(r, 200);
    QCOMPARE(r.object()
                     .value(QLatin1String("cameras"))
                     .toArray()
                     .first()
                     .toObject()
                     .value(QLatin1String("origin"))
                     .toObject(),
             expected);
}

void TstApiCameras::updateCamera()
{
    const qint64 place = newPlace(*m_c.user, QStringLiteral("Upd place"));
    const qint64 place2 = newPlace(*m_c.user, QStringLiteral("Upd place 2"));
    QJsonObject body = cameraBody(QStringLiteral("Before"), place);
    body.insert(QStringLiteral("ptz"), QJsonObject{{QStringLiteral("speed"), 3}});
    body.insert(QStringLiteral("onvif_host"), QStringLiteral("cam.local"));
    body.insert(QStringLiteral("scheduler_tags"), QJsonArray{QStringLiteral("a")});
    const Reply created = m_c.user->post(QStringLiteral("/api/v1/cameras"), body);
    VMS_VERIFY_STATUS(created, 200);
    const QString id = created.object().value(QLatin1String("id")).toString();
    QTest::qWait(5);

    const QJsonObject replacement{
            {QStringLiteral("name"), QStringLiteral("After")},
            {QStringLiteral("place_id"), place2},
            {QStringLiteral("source"),
             QJsonObject{{QStringLiteral("url"), QStringLiteral("rtsp://b")},
                         {QStringLiteral("transport"), QStringLiteral("tcp")}}},
            {QStringLiteral("video_storage"), QJsonObject{{QStringLiteral("days"), 3}}}};
    const Reply r = m_c.user->put(QStringLiteral("/api/v1/cameras/%1?with_origin=true").arg(id),
                                  replacement);
    VMS_VERIFY_STATUS(r, 200);
    const QJsonObject c = r.object();
    QCOMPARE(c.value(QLatin1String("id")).toString(), id);
    QCOMPARE(c.value(QLatin1String("name")).toString(), QStringLiteral("After"));
    QCOMPARE(c.value(QLatin1String("place_id")).toInteger(), place2);
    QCOMPARE(c.value(QLatin1String("source")), replacement.value(QLatin1String("source")));
    QCOMPARE(c.value(QLatin1String("video_storage")),
             replacement.value(QLatin1String("video_storage")));
    // Full replacement: what was not sent is gone.
    QVERIFY(!c.contains(QLatin1String("ptz")));
    QVERIFY(!c.contains(QLatin1String("onvif_host")));
    QVERIFY(!c.contains(QLatin1String("scheduler_tags")));
    QCOMPARE(c.value(QLatin1String("origin"))
                     .toObject()
                     .value(QLatin1String("place_id"))
                     .toInteger(),
             place2);
    QCOMPARE(c.value(QLatin1String("created_at")),
             created.object().value(QLatin1String("created_at")));
    QVERIFY(c.value(QLatin1String("updated_at")).toString()
            > created.object().value(QLatin1String("updated_at")).toString());
    QCOMPARE(m_c.user->get(QStringLiteral("/api/v1/cameras/") + id)
                     .object()
                     .value(QLatin1String("name"))
                     .toString(),
             QStringLiteral("After"));
}

void TstApiCameras::updateKeepsOnvifPassword()
{
    // The password is never returned, so a client resending what it read keeps it; the audit
    // trail shows whether it changed (but never its value).
    const qint64 place = newPlace(*m_c.user, QStringLiteral("Pw place"));
    QJsonObject body = cameraBody(QStringLiteral("pw"), place);
    body.insert(QStringLiteral("onvif_login"), QStringLiteral("root"));
    body.insert(QStringLiteral("onvif_password"), QStringLiteral("first-secret"));
    const Reply created = m_c.user->post(QStringLiteral("/api/v1/cameras"), body);
    const QString id = created.object().value(QLatin1String("id")).toString();
    QJsonObject resent = created.object();
    VMS_VERIFY_STATUS(m_c.user->put(QStringLiteral("/api/v1/cameras/") + id, resent), 200);
    body.insert(QStringLiteral("onvif_password"), QStringLiteral("second-secret"));
    VMS_VERIFY_STATUS(m_c.user->put(QStringLiteral("/api/v1/cameras/") + id, body), 200);

    const Reply log = m_c.admin->get(
            QStringLiteral("/api/v1/auditlogs?limit=1000&action_types=camera_update"));
    VMS_VERIFY_STATUS(log, 200);
    int withPasswordChange = 0;
    int updates = 0;
    const QJsonArray entries = log.object().value(QLatin1String("auditlogs")).toArray();
    for (const QJsonValue &e : entries) {
        const QJsonObject meta = e.toObject().value(QLatin1String("meta")).toObject();
        if (meta.value(QLatin1String("camera_id")).toString() != id)
            continue;
        ++updates;
        QVERIFY(!QJsonDocument(meta).toJson().contains("secret"));
        if (meta.value(QLatin1String("changes"))
                    .toObject()
                    .contains(QLatin1String("onvif_password")))
            ++withPasswordChange;
    }
    QCOMPARE(updates, 2);
    QCOMPARE(withPasswordChange, 1);
}

void TstApiCameras::updateErrors()
{
    const qint64 place = newPlace(*m_c.user, QStringLiteral("UpdErr place"));
    const QString id = vms::apitest::createCamera(*m_c.user, QStringLiteral("upderr"), place);
    VMS_VERIFY_ERROR(m_c.user->put(QStringLiteral("/api/v1/cameras/") + newUuid(),
                                   cameraBody(QStringLiteral("x"), place)),
                     404, QStringLiteral("not_found"));
    VMS_VERIFY_ERROR(m_c.user->put(QStringLiteral("/api/v1/cameras/") + id,
                                   cameraBody(QStringLiteral("x"), 987654)),
                     400, QStringLiteral("invalid_request"));
    VMS_VERIFY_VALIDATION(m_c.user->put(QStringLiteral("/api/v1/cameras/xyz"),
                                        cameraBody(QStringLiteral("x"), place)),
                          QStringList({QStringLiteral("path"), QStringLiteral("camera_id")}),
                          QStringLiteral("type_error.uuid"));
}

void TstApiCameras::deleteCamera()
{
    const qint64 place = newPlace(*m_c.user, QStringLiteral("Del place"));
    const QString id = vms::apitest::createCamera(*m_c.user, QStringLiteral("del"), place);
    const Reply r = m_c.user->del(QStringLiteral("/api/v1/cameras/") + id);
    VMS_VERIFY_STATUS(r, 200);
    QCOMPARE(r.object(), QJsonObject({{QStringLiteral("status"), QStringLiteral("ok")}}));
    VMS_VERIFY_ERROR(m_c.user->get(QStringLiteral("/api/v1/cameras/") + id), 404,
                     QStringLiteral("not_found"));
    VMS_VERIFY_ERROR(m_c.user->del(QStringLiteral("/api/v1/cameras/") + id), 404,
                     QStringLiteral("not_found"));
    VMS_VERIFY_VALIDATION(m_c.user->del(QStringLiteral("/api/v1/cameras/1")),
                          QStringList({QStringLiteral("path"), QStringLiteral("camera_id")}),
                          QStringLiteral("type_error.uuid"));
}

void TstApiCameras::deleteCameraOnPlan()
{
    const qint64 place = newPlace(*m_c.user, QStringLiteral("DelPlan place"));
    const qint64 plan
            = createPlan(*m_c.user, QStringLiteral("DelPlan"), place, uploadImage(*m_c.user));
    const QString id = vms::apitest::createCamera(*m_c.user, QStringLiteral("onplan"), place);
    VMS_VERIFY_STATUS(m_c.user->post(QStringLiteral("/api/v1/plans/%1/cameras").arg(plan),
                                     QJsonObject{{QStringLiteral("camera_ids"), QJsonArray{id}}}),
                      200);
    VMS_VERIFY_STATUS(m_c.user->del(QStringLiteral("/api/v1/cameras/") + id), 200);
    // It left the plan first, so the plan is empty and can be deleted.
    const Reply cams = m_c.user->get(QStringLiteral("/api/v1/plans/%1/cameras").arg(plan));
    VMS_VERIFY_STATUS(cams, 200);
    QVERIFY(listedIds(cams).isEmpty());
    VMS_VERIFY_STATUS(m_c.user->del(QStringLiteral("/api/v1/plans/%1").arg(plan)), 200);
}

void TstApiCameras::listFilters()
{
    const qint64 a = newPlace(*m_c.user, QStringLiteral("Filter A"));
    const qint64 b = newPlace(*m_c.user, QStringLiteral("Filter B"));
    QStringList inA{vms::apitest::createCamera(*m_c.user, QStringLiteral("fa1"), a),
                    vms::apitest::createCamera(*m_c.user, QStringLiteral("fa2"), a)};
    const QString inB = vms::apitest::createCamera(*m_c.user, QStringLiteral("fb1"), b);
    inA.sort();
    Reply r = m_c.user->get(QStringLiteral("/api/v1/cameras?place_id=%1").arg(a));
    VMS_VERIFY_STATUS(r, 200);
    QCOMPARE(listedIds(r), inA);

    QString error;
    const qint64 group = createGroupWithPlaces(m_server, m_c.defaultOrganization, {b}, &error);
    QVERIFY2(group > 0, qPrintable(error));
    r = m_c.user->get(QStringLiteral("/api/v1/cameras?group_id=%1").arg(group));
    VMS_VERIFY_STATUS(r, 200);
    QCOMPARE(listedIds(r), QStringList{inB});
    r = m_c.user->get(QStringLiteral("/api/v1/cameras?group_id=%1&place_id=%2").arg(group).arg(a));
    VMS_VERIFY_STATUS(r, 200);
    QVERIFY(listedIds(r).isEmpty());
    // The search filters by group too.
    r = m_c.user->post(QStringLiteral("/api/v1/cameras/search?group_id=%1").arg(group),
                       QJsonObject{{QStringLiteral("query"), QStringLiteral("f")}});
    VMS_VERIFY_STATUS(r, 200);
    QCOMPARE(listedIds(r), QStringList{inB});
    // Unknown place or group, or another organization's: 404.
    VMS_VERIFY_ERROR(m_c.user->get(QStringLiteral("/api/v1/cameras?place_id=987654")), 404,
                     QStringLiteral("not_found"));
    VMS_VERIFY_ERROR(m_c.user->get(QStringLiteral("/api/v1/cameras?group_id=987654")), 404,
                     QStringLiteral("not_found"));
    VMS_VERIFY_ERROR(m_c.other->get(QStringLiteral("/api/v1/cameras?group_id=%1").arg(group)), 404,
                     QStringLiteral("not_found"));
    VMS_VERIFY_ERROR(m_c.other->get(QStringLiteral("/api/v1/cameras?place_id=%1").arg(a)), 404,
                     QStringLiteral("not_found"));
}

void TstApiCameras::listPaging()
{
    const qint64 place = newPlace(*m_c.other, QStringLiteral("Paging place"));
    QStringList ids;
    for (int i = 0; i < 25; ++i)
        ids.append(vms::apitest::createCamera(*m_c.other, QStringLiteral("pg%1").arg(i), place));
    ids.sort();
    QStringList seen;
    QString cursor;
    int pages = 0;
    do {
        const Reply r = m_c.other->get(
                QStringLiteral("/api/v1/cameras?place_id=%1&limit=10%2")
                        .arg(place)
                        .arg(cursor.isEmpty() ? QString() : QStringLiteral("&cursor=") + cursor));
        VMS_VERIFY_STATUS(r, 200);
        seen += listedIds(r);
        cursor = nextCursor(r);
        ++pages;
    } while (!cursor.isEmpty() && pages < 10);
    QCOMPARE(pages, 3);
    QCOMPARE(seen, ids);
}

void TstApiCameras::listErrors_data()
{
    QTest::addColumn<QString>("query");
    QTest::addColumn<QString>("field");
    QTest::addColumn<QString>("type");
    QTest::newRow("place_id text") << QStringLiteral("place_id=a") << QStringLiteral("place_id")
                                   << QStringLiteral("type_error.integer");
    QTest::newRow("group_id text") << QStringLiteral("group_id=a") << QStringLiteral("group_id")
                                   << QStringLiteral("type_error.integer");
    QTest::newRow("with_origin") << QStringLiteral("with_origin=2") << QStringLiteral("with_origin")
                                 << QStringLiteral("type_error.bool");
    QTest::newRow("limit 9") << QStringLiteral("limit=9") << QStringLiteral("limit")
                             << QStringLiteral("value_error.number.not_ge");
    QTest::newRow("cursor") << QStringLiteral("cursor=abc") << QStringLiteral("cursor")
                            << QStringLiteral("value_error.cursor");
}

void TstApiCameras::listErrors()
{
    QFETCH(QString, query);
    QFETCH(QString, field);
    QFETCH(QString, type);
    VMS_VERIFY_VALIDATION(m_c.user->get(QStringLiteral("/api/v1/cameras?") + query),
                          QStringList({QStringLiteral("query"), field}), type);
}

void TstApiCameras::searchCameras()
{
    const qint64 place = newPlace(*m_c.user, QStringLiteral("Search place"));
    const QString lobby
            = vms::apitest::createCamera(*m_c.user, QStringLiteral("Lobby EAST"), place);
    const QString lobby2
            = vms::apitest::createCamera(*m_c.user, QStringLiteral("back lobby"), place);
    const QString dock = vms::apitest::createCamera(*m_c.user, QStringLiteral("Dock"), place);
    QStringList lobbies{lobby, lobby2};
    lobbies.sort();
    const auto search = [&](const QString &q) {
        const Reply r = m_c.user->post(QStringLiteral("/api/v1/cameras/search"),
                                       QJsonObject{{QStringLiteral("query"), q}});
        return r.status == 200 ? listedIds(r)
                               : QStringList{QStringLiteral("HTTP %1").arg(r.status)};
    };
    QCOMPARE(search(QStringLiteral("LOBBY")), lobbies);
    QCOMPARE(search(QStringLiteral("by e")), QStringList{lobby});
    // A UUID finds exactly that camera, whatever its name; in any letter case.
    QCOMPARE(search(dock), QStringList{dock});
    QCOMPARE(search(dock.toUpper()), QStringList{dock});
    QCOMPARE(search(QLatin1Char('{') + dock + QLatin1Char('}')), QStringList{dock});
    QVERIFY(search(newUuid()).isEmpty());
    // A fragment of a UUID is a name search (and names hold none).
    QVERIFY(search(dock.left(8)).isEmpty());
    // Paged.
    const Reply r = m_c.user->post(QStringLiteral("/api/v1/cameras/search?limit=10"),
                                   QJsonObject{{QStringLiteral("query"), QString()}});
    VMS_VERIFY_STATUS(r, 200);
    QCOMPARE(listedIds(r).size(), 10);
    QVERIFY(!nextCursor(r).isEmpty());
}

void TstApiCameras::searchValidation()
{
    VMS_VERIFY_VALIDATION(m_c.user->post(QStringLiteral("/api/v1/cameras/search"), QJsonObject()),
                          QStringList({QStringLiteral("body"), QStringLiteral("query")}),
                          QStringLiteral("value_error.missing"));
    VMS_VERIFY_VALIDATION(
            m_c.user->post(QStringLiteral("/api/v1/cameras/search?with_origin=x"),
                           QJsonObject{{QStringLiteral("query"), QStringLiteral("a")}}),
            QStringList({QStringLiteral("query"), QStringLiteral("with_origin")}),
            QStringLiteral("type_error.bool"));
    VMS_VERIFY_VALIDATION(m_c.user->post(QStringLiteral("/api/v1/cameras/search"),
                                         QJsonObject{{QStringLiteral("query"), QJsonArray()}}),
                          QStringList({QStringLiteral("body"), QStringLiteral("query")}),
                          QStringLiteral("type_error.str"));
}

void TstApiCameras::tenThousandCameras()
{
    // 10,000 cameras of one place, half of them on a plan, inserted through the core.
    const qint64 place
            = newPlace(*m_c.user, QStringLiteral("Stadium"),
                       {{QStringLiteral("latitude"), 1.0}, {QStringLiteral("longitude"), 2.0}});
    const qint64 plan
            = createPlan(*m_c.user, QStringLiteral("Stands"), place, uploadImage(*m_c.user));
    QVERIFY(place > 0 && plan > 0);
    {
        auto url = vms::storage::DatabaseUrl::parse(m_server.databasePath());
        QVERIFY(url.hasValue());
        vms::storage::Database db(*url);
        vms::storage::CameraRepository repo(db);
        const qint64 now = QDateTime::currentMSecsSinceEpoch();
        const vms::Status s = db.transaction([&]() -> vms::Status {
            for (int i = 0; i < 10000; ++i) {
                vms::Camera c;
                c.id = newUuid();
                c.organizationId = m_c.defaultOrganization;
                c.placeId = place;
                c.name = QStringLiteral("seat %1").arg(i);
                c.source = source(QStringLiteral("rtsp://10.1.%1.%2/s").arg(i / 250).arg(i % 250));
                if (i % 2) {
                    c.planId = plan;
                    c.planX = 0.1;
                    c.planY = 0.9;
                }
                c.createdAtMs = c.updatedAtMs = now;
                if (vms::Status inserted = repo.insert(c); !inserted)
                    return inserted;
            }
            return vms::Ok{};
        });
        QVERIFY2(s.hasValue(), qPrintable(s.hasValue() ? QString() : s.error().message));
    }

    QElapsedTimer total;
    total.start();
    qint64 slowestMs = 0;
    int count = 0;
    int withPlan = 0;
    QString cursor;
    QString previous;
    bool isOrdered = true;
    for (int page = 0; page < 20; ++page) {
        QElapsedTimer t;
        t.start();
        const Reply r = m_c.user->get(
                QStringLiteral("/api/v1/cameras?place_id=%1&with_origin=true&limit=1000%2")
                        .arg(place)
                        .arg(cursor.isEmpty() ? QString() : QStringLiteral("&cursor=") + cursor));
        slowestMs = std::max(slowestMs, t.elapsed());
        VMS_VERIFY_STATUS(r, 200);
        const QJsonArray cameras = r.object().value(QLatin1String("cameras")).toArray();
        for (const QJsonValue &v : cameras) {
            const QJsonObject c = v.toObject();
            const QString id = c.value(QLatin1String("id")).toString();
            isOrdered = isOrdered && id > previous;
            previous = id;
            const QJsonObject origin = c.value(QLatin1String("origin")).toObject();
            QCOMPARE(origin.value(QLatin1String("place_name")).toString(),
                     QStringLiteral("Stadium"));
            if (c.contains(QLatin1String("plan_id"))) {
                ++withPlan;
                QCOMPARE(origin.value(QLatin1String("plan_name")).toString(),
                         QStringLiteral("Stands"));
            }
        }
        count += cameras.size();
        cursor = nextCursor(r);
        if (cursor.isEmpty())
            break;
    }
    QCOMPARE(count, 10000);
    QCOMPARE(withPlan, 5000);
    QVERIFY(isOrdered);
    qInfo("10,000 cameras with origin in pages of 1000: %lld ms in all, slowest page %lld ms",
          total.elapsed(), slowestMs);
    // One statement per page: a page of 1000 takes tens of milliseconds here. A query per camera
    // (or an unindexed filter) would not stay under this bound on a debug build.
    QVERIFY2(slowestMs < 1500, qPrintable(QStringLiteral("slowest page: %1 ms").arg(slowestMs)));

    // Counting agrees.
    const Reply p = m_c.user->get(QStringLiteral("/api/v1/places/%1").arg(place));
    QCOMPARE(p.object().value(QLatin1String("camera_count")).toInteger(), 10000);
    // The unfiltered list of the whole organization pages just as well.
    QElapsedTimer t;
    t.start();
    const Reply all = m_c.user->get(QStringLiteral("/api/v1/cameras?limit=1000&with_origin=true"));
    VMS_VERIFY_STATUS(all, 200);
    QCOMPARE(all.object().value(QLatin1String("cameras")).toArray().size(), 1000);
    QVERIFY2(t.elapsed() < 1500, qPrintable(QStringLiteral("%1 ms").arg(t.elapsed())));
}

void TstApiCameras::mutationsAreAudited()
{
    const qint64 place = newPlace(*m_c.user, QStringLiteral("Audit place"));
    const QString id = vms::apitest::createCamera(*m_c.user, QStringLiteral("aud"), place);
    VMS_VERIFY_STATUS(m_c.user->put(QStringLiteral("/api/v1/cameras/") + id,
                                    cameraBody(QStringLiteral("aud 2"), place)),
                      200);
    VMS_VERIFY_STATUS(m_c.user->del(QStringLiteral("/api/v1/cameras/") + id), 200);
    const Reply log = m_c.admin->get(QStringLiteral(
            "/api/v1/auditlogs?limit=1000&action_types=camera_create&action_types=camera_update"
            "&action_types=camera_delete"));
    VMS_VERIFY_STATUS(log, 200);
    QStringList actions;
    const QJsonArray entries = log.object().value(QLatin1String("auditlogs")).toArray();
    for (const QJsonValue &e : entries) {
        const QJsonObject o = e.toObject();
        const QJsonObject meta = o.value(QLatin1String("meta")).toObject();
        if (meta.value(QLatin1String("camera_id")).toString() != id)
            continue;
        actions.append(o.value(QLatin1String("action_type")).toString());
        if (actions.last() == QLatin1String("camera_update")) {
            QCOMPARE(meta.value(QLatin1String("changes")).toObject().value(QLatin1String("name")),
                     QJsonValue(QJsonObject{{QStringLiteral("old"), QStringLiteral("aud")},
                                            {QStringLiteral("new"), QStringLiteral("aud 2")}}));
        }
    }
    actions.sort();
    QCOMPARE(actions, QStringList({QStringLiteral("camera_create"), QStringLiteral("camera_delete"),
                                   QStringLiteral("camera_update")}));
}

void TstApiCameras::permissionDenied()
{
    const qint64 place = newPlace(*m_c.user, QStringLiteral("Perm place"));
    const QString id = vms::apitest::createCamera(*m_c.user, QStringLiteral("perm"), place);
    const QString path = QStringLiteral("/api/v1/cameras/") + id;
    const QJsonObject query{{QStringLiteral("query"), QStringLiteral("perm")}};
    VMS_VERIFY_STATUS(m_c.reader->get(path), 200);
    VMS_VERIFY_STATUS(m_c.reader->get(QStringLiteral("/api/v1/cameras")), 200);
    VMS_VERIFY_STATUS(m_c.reader->post(QStringLiteral("/api/v1/cameras/search"), query), 200);
    VMS_VERIFY_ERROR(m_c.reader->post(QStringLiteral("/api/v1/cameras"),
                                      cameraBody(QStringLiteral("x"), place)),
                     403, QStringLiteral("unauthorized"));
    VMS_VERIFY_ERROR(m_c.reader->put(path, cameraBody(QStringLiteral("x"), place)), 403,
                     QStringLiteral("unauthorized"));
    VMS_VERIFY_ERROR(m_c.reader->del(path), 403, QStringLiteral("unauthorized"));
    VMS_VERIFY_ERROR(m_c.nobody->get(path), 403, QStringLiteral("unauthorized"));
    VMS_VERIFY_ERROR(m_c.nobody->get(QStringLiteral("/api/v1/cameras")), 403,
                     QStringLiteral("unauthorized"));
    VMS_VERIFY_ERROR(m_c.nobody->post(QStringLiteral("/api/v1/cameras/search"), query), 403,
                     QStringLiteral("unauthorized"));
    QCOMPARE(m_c.user->get(path).object().value(QLatin1String("name")).toString(),
             QStringLiteral("perm"));
}

void TstApiCameras::organizationIsolation()
{
    const qint64 place = newPlace(*m_c.user, QStringLiteral("Iso place"));
    const QString mine = vms::apitest::createCamera(*m_c.user, QStringLiteral("iso mine"), place);
    const qint64 theirPlace = newPlace(*m_c.other, QStringLiteral("Iso their place"));
    const QString theirs
            = vms::apitest::createCamera(*m_c.other, QStringLiteral("iso theirs"), theirPlace);
    const QString path = QStringLiteral("/api/v1/cameras/") + mine;
    VMS_VERIFY_ERROR(m_c.other->get(path), 404, QStringLiteral("not_found"));
    VMS_VERIFY_ERROR(m_c.other->put(path, cameraBody(QStringLiteral("x"), theirPlace)), 404,
                     QStringLiteral("not_found"));
    VMS_VERIFY_ERROR(m_c.other->del(path), 404, QStringLiteral("not_found"));
    const auto search = [](ApiTestClient &c, const QString &q) {
        return listedIds(c.post(QStringLiteral("/api/v1/cameras/search"),
                                QJsonObject{{QStringLiteral("query"), q}}));
    };
    QVERIFY(search(*m_c.other, mine).isEmpty());
    QCOMPARE(search(*m_c.other, QStringLiteral("iso")), QStringList{theirs});
    QVERIFY(!listedIds(m_c.other->get(QStringLiteral("/api/v1/cameras?limit=1000")))
                     .contains(mine));
    // Moving my camera to their place is refused as an unknown place.
    VMS_VERIFY_ERROR(m_c.user->put(path, cameraBody(QStringLiteral("x"), theirPlace)), 400,
                     QStringLiteral("invalid_request"));
    VMS_VERIFY_STATUS(m_c.user->get(path), 200);
    // Superusers see both.
    QStringList both{mine, theirs};
    both.sort();
    QCOMPARE(search(*m_c.admin, QStringLiteral("iso ")), both);
    VMS_VERIFY_STATUS(m_c.admin->get(QStringLiteral("/api/v1/cameras/") + theirs), 200);
}

QTEST_GUILESS_MAIN(TstApiCameras)
#include "tst_api_cameras.moc"
