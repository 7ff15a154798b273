// Seed 002 §8: ONVIF control of a camera (25 operations under /api/v1/onvif/{camera_id}). The
// camera is app/onvif-camera-sim on 127.0.0.1, run with --trace, so that every test can check
// both the API's answer and the SOAP request that reached the device (and read every write back
// through the API). The simulator refuses connections at once when stopped: no test waits for the
// ONVIF timeout.
#include "tests/api/sites_fixture.h"
#include "tests/support/onvif_sim.h"

#include <QElapsedTimer>
#include <QTest>
#include <QUuid>

#include <cmath>

using namespace vms::apitest;
using vms::test::OnvifSimProcess;
using vms::test::Reply;

namespace {

const QString kMainRtsp = QStringLiteral("rtsp://127.0.0.1:1/live");
const QString kSubRtsp = QStringLiteral("rtsp://127.0.0.1:1/sub");
const QString kModel = QStringLiteral("ApiTest PTZ-7");

QString onvifPath(const QString &cameraId, const QString &suffix = {})
{
    return QStringLiteral("/api/v1/onvif/") + cameraId + suffix;
}

/** A value inside nested objects by a dotted path ("exposure.current_range.max_val"). */
QJsonValue at(const QJsonObject &root, const QString &dotted)
{
    QJsonValue v = root;
    const QStringList parts = dotted.split(QLatin1Char('.'));
    for (const QString &p : parts)
        v = v.toObject().value(p);
    return v;
}

QJsonObject range(double min, double max)
{
    return {{QStringLiteral("min_val"), min}, {QStringLiteral("max_val"), max}};
}

QJsonObject value(const QJsonValue &v)
{
    return {{QStringLiteral("value"), v}};
}

QJsonObject mode(const QString &m)
{
    return {{QStringLiteral("mode"), m}};
}

QJsonObject step(int s)
{
    return {{QStringLiteral("step"), s}};
}

QJsonObject presetBody(const QString &name)
{
    return {{QStringLiteral("preset_name"), name}};
}

QStringList strings(const QJsonValue &array)
{
    QStringList out;
    const QJsonArray a = array.toArray();
    for (const QJsonValue &v : a)
        out.append(v.toString());
    return out;
}

QStringList body(const char *field)
{
    return {QStringLiteral("body"), QString::fromLatin1(field)};
}

/** The camera fields that point it at a simulator. */
QJsonObject onvifFields(quint16 port, const QString &login = OnvifSimProcess::kUser,
                        const QString &password = OnvifSimProcess::kPassword)
{
    QJsonObject o{{QStringLiteral("onvif_host"), QStringLiteral("127.0.0.1")},
                  {QStringLiteral("onvif_port"), int(port)}};
    if (!login.isEmpty())
        o.insert(QStringLiteral("onvif_login"), login);
    if (!password.isEmpty())
        o.insert(QStringLiteral("onvif_password"), password);
    return o;
}

/** True when `text` is a number within 1e-4 of `expected`. */
bool near(const QString &text, double expected)
{
    bool ok = false;
    const double v = text.toDouble(&ok);
    return ok && std::abs(v - expected) < 1e-4;
}

struct Position
{
    double x = NAN;
    double y = NAN;
    bool isValid() const { return std::isfinite(x) && std::isfinite(y); }
};

QString describe(const Position &p)
{
    return QStringLiteral("(%1, %2)").arg(p.x).arg(p.y);
}

} // namespace

class TstApiOnvif : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void init();
    void cleanup();
    void cleanupTestCase();

    // §8.1–8.5
    void deviceInformation();
    void network();
    void networkValidation_data();
    void networkValidation();
    void users();
    void userPassword();
    void userPasswordErrors_data();
    void userPasswordErrors();
    // §8.6–8.7
    void streams();
    void streamEncoder();
    void streamEncoderOutOfRange_data();
    void streamEncoderOutOfRange();
    void streamEncoderValidation_data();
    void streamEncoderValidation();
    // §8.8–8.17
    void image();
    void imageValue_data();
    void imageValue();
    void imageModes_data();
    void imageModes();
    void imageWideDynamicRange();
    void imageWhiteBalance();
    // §8.18–8.25
    void ptz();
    void ptzMoveDirections_data();
    void ptzMoveDirections();
    void ptzMoveChangesPosition();
    void ptzValidation_data();
    void ptzValidation();
    void ptzHome();
    void ptzPresets();
    void ptzPresetErrors();
    void ptzPresetTableFull();
    void ptzHomeUnsupported();
    void ptzUnsupported();
    // errors, access, audit, clock
    void unauthenticated();
    void httpDigest();
    void notConfigured_data();
    void notConfigured();
    void unknownCamera();
    void notAuthenticated();
    void permissionDenied();
    void organizationIsolation();
    void writesAreAudited();
    void clockOffset();
    void simulatorOutage();

private:
    /** POST /cameras in place m_place with the given ONVIF fields; empty id on failure. */
    QString newCamera(const QString &name, const QJsonObject &onvif,
                      ApiTestClient *client = nullptr, qint64 place = 0);
    QJsonObject getObject(const QString &cameraId, const QString &suffix);
    Position position(const QString &cameraId);
    /** Moves the head for `ms` at full speed, away from the nearer pan/tilt limits, then stops. */
    bool moveAway(const QString &cameraId, int ms);
    QStringList mainSimArgs() const;

    TestServer m_server;
    std::unique_ptr<ApiTestClient> m_admin;
    std::unique_ptr<ApiTestClient> m_user;  ///< default organization, every permission needed
    std::unique_ptr<ApiTestClient> m_other; ///< second organization, the same permissions
    std::unique_ptr<ApiTestClient> m_noRead, m_noUpdate, m_noCreate, m_noDelete;
    std::unique_ptr<ApiTestClient> m_anonymous;
    qint64 m_place = 0;
    qint64 m_otherPlace = 0;

    OnvifSimProcess m_sim; ///< the main camera: --model, --rtsp, --rtsp-sub
    QString m_camera;      ///< points at m_sim as its administrator
};

QStringList TstApiOnvif::mainSimArgs() const
{
    return {QStringLiteral("--model"),    kModel,  QStringLiteral("--rtsp"), kMainRtsp,
            QStringLiteral("--rtsp-sub"), kSubRtsp};
}

void TstApiOnvif::initTestCase()
{
    QVERIFY2(m_server.start(), qPrintable(m_server.errorString()));

    const QStringList onvif{QStringLiteral("onvif_read"), QStringLiteral("onvif_update"),
                            QStringLiteral("onvif_create"), QStringLiteral("onvif_delete")};
    const QStringList all = sitePermissions() + onvif;
    QString error;
    QVERIFY2(createRole(m_server, QStringLiteral("onvif_all"), all, &error) > 0, qPrintable(error));
    for (const QString &p : onvif) {
        QStringList without = all;
        without.removeAll(p);
        QVERIFY2(createRole(m_server, QStringLiteral("no_") + p, without, &error) > 0,
                 qPrintable(error));
    }
    const qint64 defaultOrg = defaultOrganizationId(m_server);
    QVERIFY(defaultOrg > 0);
    const qint64 otherOrg = createOrganization(m_server, QStringLiteral("Other"), &error);
    QVERIFY2(otherOrg > 0, qPrintable(error));

    struct Wanted
    {
        std::unique_ptr<ApiTestClient> *client;
        qint64 organization;
        QString role;
    };
    const Wanted wanted[] = {{&m_user, defaultOrg, QStringLiteral("onvif_all")},
                             {&m_other, otherOrg, QStringLiteral("onvif_all")},
                             {&m_noRead, defaultOrg, QStringLiteral("no_onvif_read")},
                             {&m_noUpdate, defaultOrg, QStringLiteral("no_onvif_update")},
                             {&m_noCreate, defaultOrg, QStringLiteral("no_onvif_create")},
                             {&m_noDelete, defaultOrg, QStringLiteral("no_onvif_delete")}};
    for (const Wanted &w : wanted) {
        const UserAccount account = createUserIn(m_server, w.organization, w.role, w.role);
        QVERIFY2(account.isValid(), qPrintable(account.error));
        *w.client = loggedInClient(m_server, account.email, account.password);
        QVERIFY(*w.client);
    }
    m_admin = loggedInClient(m_server, m_server.adminLogin(), m_server.adminPassword());
    QVERIFY(m_admin);
    m_anonymous = std::make_unique<ApiTestClient>(m_server.url());

    m_place = createPlace(*m_user, QJsonObject{{QStringLiteral("name"), QStringLiteral("Yard")}});
    QVERIFY(m_place > 0);
    m_otherPlace = createPlace(*m_other,
                               QJsonObject{{QStringLiteral("name"), QStringLiteral("Elsewhere")}});
    QVERIFY(m_otherPlace > 0);

    QVERIFY2(m_sim.start(mainSimArgs()), qPrintable(m_sim.errorString()));
    m_camera = newCamera(QStringLiteral("ptz"), onvifFields(m_sim.port()));
    QVERIFY(!m_camera.isEmpty());
}

void TstApiOnvif::init()
{
    m_sim.clearCalls();
}

void TstApiOnvif::cleanup()
{
    for (ApiTestClient *c :
         {m_admin.get(), m_user.get(), m_other.get(), m_noRead.get(), m_noUpdate.get(),
          m_noCreate.get(), m_noDelete.get(), m_anonymous.get()}) {
        if (c)
            VMS_VERIFY_NO_SCHEMA_FAILURES(*c);
    }
}

void TstApiOnvif::cleanupTestCase()
{
    m_sim.stop();
    for (auto *c : {&m_admin, &m_user, &m_other, &m_noRead, &m_noUpdate, &m_noCreate, &m_noDelete,
                    &m_anonymous})
        c->reset();
    m_server.stop();
}

QString TstApiOnvif::newCamera(const QString &name, const QJsonObject &onvif, ApiTestClient *client,
                               qint64 place)
{
    QJsonObject b = onvif;
    b.insert(QStringLiteral("name"), name);
    b.insert(QStringLiteral("place_id"), place ? place : m_place);
    b.insert(QStringLiteral("source"),
             QJsonObject{{QStringLiteral("url"),
                          QString(QStringLiteral("rtsp://127.0.0.1:1/") + name)}});
    const Reply r = (client ? client : m_user.get())->post(QStringLiteral("/api/v1/cameras"), b);
    if (r.status != 200) {
        qWarning("camera creation failed: %s", qPrintable(r.describe()));
        return {};
    }
    return r.object().value(QLatin1String("id")).toString();
}

QJsonObject TstApiOnvif::getObject(const QString &cameraId, const QString &suffix)
{
    const Reply r = m_user->get(onvifPath(cameraId, suffix));
    if (r.status != 200) {
        qWarning("GET failed: %s", qPrintable(r.describe()));
        return {};
    }
    return r.object();
}

Position TstApiOnvif::position(const QString &cameraId)
{
    const QJsonObject p = at(getObject(cameraId, QStringLiteral("/ptz")),
                             QStringLiteral("pan_tilt.current_position"))
                                  .toObject();
    Position out;
    if (p.value(QLatin1String("x")).isDouble() && p.value(QLatin1String("y")).isDouble())
        out = {p.value(QLatin1String("x")).toDouble(), p.value(QLatin1String("y")).toDouble()};
    return out;
}

bool TstApiOnvif::moveAway(const QString &cameraId, int ms)
{
    const Position p = position(cameraId);
    if (!p.isValid())
        return false;
    // Towards the far side of each axis, so that no limit stops the head early.
    const QString dir = QString(p.x >= 0 ? QStringLiteral("LEFT") : QStringLiteral("RIGHT"))
                        + (p.y >= 0 ? QStringLiteral("_DOWN") : QStringLiteral("_UP"));
    QJsonObject move = step(10);
    move.insert(QStringLiteral("move"), dir);
    if (m_user->put(onvifPath(cameraId, QStringLiteral("/ptz")), move).status != 200)
        return false;
    QTest::qWait(ms);
    return m_user->put(onvifPath(cameraId, QStringLiteral("/ptz")), step(10)).status == 200;
}

// ---------- §8.1–8.5: device ----------

void TstApiOnvif::deviceInformation()
{
    const Reply r = m_user->get(onvifPath(m_camera));
    VMS_VERIFY_STATUS(r, 200);
    const QJsonObject o = r.object();
    QCOMPARE(o.value(QLatin1String("model")).toString(), kModel);
    for (const char *key : {"manufacturer", "firmware_version", "serial_number", "hardware_id"})
        QVERIFY2(!o.value(QLatin1String(key)).toString().isEmpty(), key);
    QVERIFY(m_sim.waitForCall(QStringLiteral("GetDeviceInformation")));
    QVERIFY(!m_sim.calls().join(QLatin1Char('\n')).contains(QLatin1String("auth-failed")));
}

void TstApiOnvif::network()
{
    const QString path = onvifPath(m_camera, QStringLiteral("/network"));
    QJsonObject o = getObject(m_camera, QStringLiteral("/network"));
    QCOMPARE(at(o, QStringLiteral("http.port")).toInt(), int(m_sim.port()));
    QCOMPARE(at(o, QStringLiteral("http.enabled")), QJsonValue(true));
    QCOMPARE(at(o, QStringLiteral("https.port")).toInt(), 443);
    QCOMPARE(at(o, QStringLiteral("https.enabled")), QJsonValue(false));
    QCOMPARE(at(o, QStringLiteral("rtsp.port")).toInt(), 1); // from --rtsp rtsp://127.0.0.1:1/...
    QCOMPARE(at(o, QStringLiteral("rtsp.enabled")), QJsonValue(true));

    // One port: only it changes.
    m_sim.clearCalls();
    VMS_VERIFY_STATUS(m_user->put(path, QJsonObject{{QStringLiteral("rtsp"), 8554}}), 200);
    QVERIFY(m_sim.waitForCall(QStringLiteral("SetNetworkProtocols")));
    auto args = m_sim.lastCallArgs(QStringLiteral("SetNetworkProtocols"));
    QCOMPARE(args.value(QStringLiteral("RTSP")), QStringLiteral("on:8554"));
    QCOMPARE(args.value(QStringLiteral("HTTP")), QStringLiteral("on:%1").arg(m_sim.port()));
    QCOMPARE(args.value(QStringLiteral("HTTPS")), QStringLiteral("off:443"));
    o = getObject(m_camera, QStringLiteral("/network"));
    QCOMPARE(at(o, QStringLiteral("rtsp.port")).toInt(), 8554);
    QCOMPARE(at(o, QStringLiteral("http.port")).toInt(), int(m_sim.port()));
    QCOMPARE(at(o, QStringLiteral("https.port")).toInt(), 443);

    // Two ports at once; the enabled flags stay as they were.
    VMS_VERIFY_STATUS(m_user->put(path, QJsonObject{{QStringLiteral("http"), 8080},
                                                    {QStringLiteral("https"), 8443}}),
                      200);
    o = getObject(m_camera, QStringLiteral("/network"));
    QCOMPARE(at(o, QStringLiteral("http.port")).toInt(), 8080);
    QCOMPARE(at(o, QStringLiteral("https.port")).toInt(), 8443);
    QCOMPARE(at(o, QStringLiteral("rtsp.port")).toInt(), 8554);
    QCOMPARE(at(o, QStringLiteral("https.enabled")), QJsonValue(false));
    QCOMPARE(at(o, QStringLiteral("http.enabled")), QJsonValue(true));

    // Back to what the simulator really listens on (it keeps listening there anyway).
    VMS_VERIFY_STATUS(m_user->put(path, QJsonObject{{QStringLiteral("http"), int(m_sim.port())},
                                                    {QStringLiteral("https"), 443},
                                                    {QStringLiteral("rtsp"), 1}}),
                      200);
    o = getObject(m_camera, QStringLiteral("/network"));
    QCOMPARE(at(o, QStringLiteral("http.port")).toInt(), int(m_sim.port()));
    QCOMPARE(at(o, QStringLiteral("https.port")).toInt(), 443);
    QCOMPARE(at(o, QStringLiteral("rtsp.port")).toInt(), 1);
}

void TstApiOnvif::networkValidation_data()
{
    QTest::addColumn<QJsonValue>("payload");
    QTest::addColumn<QStringList>("loc");
    QTest::addColumn<QString>("type");
    QTest::newRow("http 0") << QJsonValue(QJsonObject{{QStringLiteral("http"), 0}}) << body("http")
                            << QStringLiteral("value_error.number.not_ge");
    QTest::newRow("https 70000") << QJsonValue(QJsonObject{{QStringLiteral("https"), 70000}})
                                 << body("https") << QStringLiteral("value_error.number.not_le");
    QTest::newRow("rtsp abc") << QJsonValue(
            QJsonObject{{QStringLiteral("rtsp"), QStringLiteral("abc")}})
                              << body("rtsp") << QStringLiteral("type_error.integer");
    QTest::newRow("rtsp 554.5") << QJsonValue(QJsonObject{{QStringLiteral("rtsp"), 554.5}})
                                << body("rtsp") << QStringLiteral("type_error.integer");
    QTest::newRow("empty object") << QJsonValue(QJsonObject{})
                                  << QStringList{QStringLiteral("body")}
                                  << QStringLiteral("value_error.missing");
    QTest::newRow("valid http, bad rtsp")
            << QJsonValue(QJsonObject{{QStringLiteral("http"), 8080}, {QStringLiteral("rtsp"), -1}})
            << body("rtsp") << QStringLiteral("value_error.number.not_ge");
    QTest::newRow("array body") << QJsonValue(QJsonArray{8080})
                                << QStringList{QStringLiteral("body")} << QString();
}

void TstApiOnvif::networkValidation()
{
    QFETCH(QJsonValue, payload);
    QFETCH(QStringList, loc);
    QFETCH(QString, type);
    const QJsonObject before = getObject(m_camera, QStringLiteral("/network"));
    QVERIFY(!before.isEmpty());
    m_sim.clearCalls();
    VMS_VERIFY_VALIDATION(m_user->put(onvifPath(m_camera, QStringLiteral("/network")), payload),
                          loc, type);
    // The 422 is decided before the camera is reached: a read that follows is the only call.
    QCOMPARE(getObject(m_camera, QStringLiteral("/network")), before);
    QVERIFY(m_sim.waitForCall(QStringLiteral("GetNetworkProtocols")));
    QVERIFY2(!m_sim.operations().contains(QStringLiteral("SetNetworkProtocols")),
             qPrintable(m_sim.calls().join(QLatin1Char('\n'))));
}

void TstApiOnvif::users()
{
    const QJsonObject o = getObject(m_camera, QStringLiteral("/users"));
    QHash<QString, QString> levels;
    const QJsonArray list = o.value(QLatin1String("users")).toArray();
    for (const QJsonValue &u : list)
        levels.insert(u.toObject().value(QLatin1String("user_name")).toString(),
                      u.toObject().value(QLatin1String("user_level")).toString());
    QCOMPARE(levels.size(), 3);
    QCOMPARE(levels.value(OnvifSimProcess::kUser), QStringLiteral("Administrator"));
    QCOMPARE(levels.value(QStringLiteral("operator")), QStringLiteral("Operator"));
    QCOMPARE(levels.value(QStringLiteral("viewer")), QStringLiteral("User"));
    QVERIFY(m_sim.waitForCall(QStringLiteral("GetUsers")));
}

void TstApiOnvif::userPassword()
{
    // Before: the operator account has the simulator's start password.
    const QString asOperatorOld = newCamera(
            QStringLiteral("op-old"),
            onvifFields(m_sim.port(), QStringLiteral("operator"), OnvifSimProcess::kPassword));
    VMS_VERIFY_STATUS(m_user->get(onvifPath(asOperatorOld)), 200);

    const QString newPassword = QStringLiteral("Op3rator-16chars"); // exactly 16
    QCOMPARE(newPassword.size(), 16);
    m_sim.clearCalls();
    VMS_VERIFY_STATUS(m_user->put(onvifPath(m_camera, QStringLiteral("/users/operator")),
                                  QJsonObject{{QStringLiteral("password"), newPassword}}),
                      200);
    QVERIFY(m_sim.waitForCall(QStringLiteral("SetUser")));
    const auto args = m_sim.lastCallArgs(QStringLiteral("SetUser"));
    QCOMPARE(args.value(QStringLiteral("user")), QStringLiteral("operator"));
    QCOMPARE(args.value(QStringLiteral("level")), QStringLiteral("Operator")); // level kept
    QCOMPARE(args.value(QStringLiteral("password")), QStringLiteral("set"));

    // The new password opens the camera; the old one no longer does.
    const QString asOperatorNew
            = newCamera(QStringLiteral("op-new"),
                        onvifFields(m_sim.port(), QStringLiteral("operator"), newPassword));
    const Reply ok = m_user->get(onvifPath(asOperatorNew));
    VMS_VERIFY_STATUS(ok, 200);
    QCOMPARE(ok.object().value(QLatin1String("model")).toString(), kModel);
    VMS_VERIFY_ERROR(m_user->get(onvifPath(asOperatorOld)), 400,
                     QStringLiteral("onvif_unauthenticated"));
    // The administrator's own camera is untouched, and the user list still holds the operator.
    VMS_VERIFY_STATUS(m_user->get(onvifPath(m_camera)), 200);
    bool found = false;
    const QJsonArray list
            = getObject(m_camera, QStringLiteral("/users")).value(QLatin1String("users")).toArray();
    for (const QJsonValue &u : list) {
        if (u.toObject().value(QLatin1String("user_name")).toString() == QLatin1String("operator"))
            found = u.toObject().value(QLatin1String("user_level")).toString()
                    == QLatin1String("Operator");
    }
    QVERIFY(found);
}

void TstApiOnvif::userPasswordErrors_data()
{
    QTest::addColumn<QString>("username");
    QTest::addColumn<QJsonValue>("payload");
    QTest::addColumn<int>("httpStatus");
    QTest::addColumn<QString>("expected"); // 400 status, or the 422 type
    QTest::addColumn<QStringList>("loc");
    QTest::newRow("unknown user") << QStringLiteral("nobody")
                                  << QJsonValue(QJsonObject{{QStringLiteral("password"),
                                                             QStringLiteral("whatever")}})
                                  << 400 << QStringLiteral("onvif_invalid_argument")
                                  << QStringList();
    QTest::newRow("username of 65 characters")
            << QString(65, QLatin1Char('u'))
            << QJsonValue(QJsonObject{{QStringLiteral("password"), QStringLiteral("whatever")}})
            << 422 << QStringLiteral("value_error.any_str.max_length")
            << QStringList({QStringLiteral("path"), QStringLiteral("username")});
    QTest::newRow("17 characters")
            << QStringLiteral("viewer")
            << QJsonValue(QJsonObject{{QStringLiteral("password"), QString(17, QLatin1Char('x'))}})
            << 422 << QStringLiteral("value_error.any_str.max_length") << body("password");
    QTest::newRow("empty") << QStringLiteral("viewer")
                           << QJsonValue(QJsonObject{{QStringLiteral("password"), QString()}})
                           << 422 << QStringLiteral("value_error.any_str.min_length")
                           << body("password");
    QTest::newRow("missing") << QStringLiteral("viewer") << QJsonValue(QJsonObject{}) << 422
                             << QStringLiteral("value_error.missing") << body("password");
    QTest::newRow("number") << QStringLiteral("viewer")
                            << QJsonValue(QJsonObject{{QStringLiteral("password"), 1234}}) << 422
                            << QStringLiteral("type_error.str") << body("password");
}

void TstApiOnvif::userPasswordErrors()
{
    QFETCH(QString, username);
    QFETCH(QJsonValue, payload);
    QFETCH(int, httpStatus);
    QFETCH(QString, expected);
    QFETCH(QStringList, loc);
    const Reply r = m_user->put(onvifPath(m_camera, QStringLiteral("/users/") + username), payload);
    if (httpStatus == 400)
        VMS_VERIFY_ERROR(r, 400, expected);
    else
        VMS_VERIFY_VALIDATION(r, loc, expected);
    // Nothing was written to the device: the viewer still logs in with its password.
    VMS_VERIFY_STATUS(m_user->get(onvifPath(m_camera, QStringLiteral("/users"))), 200);
    QVERIFY(m_sim.waitForCall(QStringLiteral("GetUsers")));
    QVERIFY2(!m_sim.operations().contains(QStringLiteral("SetUser")),
             qPrintable(m_sim.calls().join(QLatin1Char('\n'))));
}

// ---------- §8.6–8.7: streams ----------

void TstApiOnvif::streams()
{
    const QJsonObject o = getObject(m_camera, QStringLiteral("/streams"));
    const QJsonArray list = o.value(QLatin1String("streams")).toArray();
    QCOMPARE(list.size(), 3);
    QStringList names;
    for (const QJsonValue &s : list)
        names << s.toObject().value(QLatin1String("name")).toString();
    QCOMPARE(names, QStringList({QStringLiteral("MAIN_STREAM"), QStringLiteral("SUB_STREAM_1"),
                                 QStringLiteral("SUB_STREAM_2")}));
    const QJsonObject main = list.at(0).toObject();
    const QJsonObject sub1 = list.at(1).toObject();
    const QJsonObject sub2 = list.at(2).toObject();
    QCOMPARE(main.value(QLatin1String("link")).toString(), kMainRtsp);
    QCOMPARE(sub1.value(QLatin1String("link")).toString(), kSubRtsp);
    QCOMPARE(sub2.value(QLatin1String("link")).toString(), kSubRtsp);

    // The simulator's start configuration (streamEncoder runs later and changes SUB_STREAM_1).
    QCOMPARE(main.value(QLatin1String("current_encoder")).toString(), QStringLiteral("H264"));
    QCOMPARE(main.value(QLatin1String("current_resolution")).toString(),
             QStringLiteral("1280x720"));
    QCOMPARE(main.value(QLatin1String("current_framerate")).toInt(), 25);
    QCOMPARE(main.value(QLatin1String("current_bitrate")).toInt(), 4096);
    QCOMPARE(main.value(QLatin1String("current_gov_length")).toInt(), 50);
    QCOMPARE(sub1.value(QLatin1String("current_resolution")).toString(), QStringLiteral("640x360"));
    QCOMPARE(sub1.value(QLatin1String("current_framerate")).toInt(), 15);
    QCOMPARE(sub1.value(QLatin1String("current_bitrate")).toInt(), 1024);
    QCOMPARE(sub2.value(QLatin1String("current_encoder")).toString(), QStringLiteral("JPEG"));
    QCOMPARE(sub2.value(QLatin1String("current_resolution")).toString(), QStringLiteral("352x288"));
    QCOMPARE(sub2.value(QLatin1String("current_framerate")).toInt(), 5);

    // Supported encoders and ranges: the main profile offers up to 1920x1080 at 1..30 fps, the
    // sub profiles up to 704x576 at 1..25 fps.
    auto encoder = [](const QJsonObject &stream, const QString &name) {
        const QJsonArray encoders = stream.value(QLatin1String("supported_encoders")).toArray();
        for (const QJsonValue &e : encoders) {
            if (e.toObject().value(QLatin1String("name")).toString() == name)
                return e.toObject();
        }
        return QJsonObject();
    };
    auto resolutions = [](const QJsonObject &enc) {
        QStringList out;
        const QJsonArray a = enc.value(QLatin1String("supported_resolutions")).toArray();
        for (const QJsonValue &r : a)
            out << QStringLiteral("%1x%2")
                            .arg(r.toObject().value(QLatin1String("width")).toInt())
                            .arg(r.toObject().value(QLatin1String("height")).toInt());
        return out;
    };
    const QJsonObject mainH264 = encoder(main, QStringLiteral("H264"));
    QVERIFY2(!mainH264.isEmpty(), QJsonDocument(main).toJson().constData());
    QCOMPARE(mainH264.value(QLatin1String("framerate_range")).toObject(), range(1, 30));
    QCOMPARE(mainH264.value(QLatin1String("bitrate_range")).toObject(), range(64, 16384));
    QCOMPARE(mainH264.value(QLatin1String("gov_length_range")).toObject(), range(1, 250));
    QVERIFY(resolutions(mainH264).contains(QStringLiteral("1920x1080")));
    QVERIFY(resolutions(mainH264).contains(QStringLiteral("320x240")));
    QCOMPARE(resolutions(mainH264).size(), 8);
    const QJsonObject sub2H264 = encoder(sub2, QStringLiteral("H264"));
    QVERIFY2(!sub2H264.isEmpty(), QJsonDocument(sub2).toJson().constData());
    QCOMPARE(sub2H264.value(QLatin1String("framerate_range")).toObject(), range(1, 25));
    QCOMPARE(resolutions(sub2H264),
             QStringList({QStringLiteral("320x240"), QStringLiteral("352x288"),
                          QStringLiteral("640x360"), QStringLiteral("640x480"),
                          QStringLiteral("704x576")}));
    QVERIFY(!encoder(sub2, QStringLiteral("JPEG")).isEmpty());
    QVERIFY(m_sim.waitForCall(QStringLiteral("GetStreamUri")));
}

void TstApiOnvif::streamEncoder()
{
    const QString path = onvifPath(m_camera, QStringLiteral("/stream/encoder"));
    const QJsonObject change{{QStringLiteral("stream_profile"), QStringLiteral("SUB_STREAM_1")},
                             {QStringLiteral("encoder"), QStringLiteral("H264")},
                             {QStringLiteral("resolution"), QStringLiteral("704x576")},
                             {QStringLiteral("framerate"), 20},
                             {QStringLiteral("bitrate"), 2048},
                             {QStringLiteral("gov_length"), 40}};
    VMS_VERIFY_STATUS(m_user->put(path, change), 200);
    QVERIFY(m_sim.waitForCall(QStringLiteral("SetVideoEncoderConfiguration")));
    const auto args = m_sim.lastCallArgs(QStringLiteral("SetVideoEncoderConfiguration"));
    QCOMPARE(args.value(QStringLiteral("token")), QStringLiteral("sub1"));
    QCOMPARE(args.value(QStringLiteral("encoding")), QStringLiteral("H264"));
    QCOMPARE(args.value(QStringLiteral("width")), QStringLiteral("704"));
    QCOMPARE(args.value(QStringLiteral("height")), QStringLiteral("576"));
    QCOMPARE(args.value(QStringLiteral("fps")), QStringLiteral("20"));
    QCOMPARE(args.value(QStringLiteral("bitrate")), QStringLiteral("2048"));
    QCOMPARE(args.value(QStringLiteral("gov")), QStringLiteral("40"));

    QJsonArray list = getObject(m_camera, QStringLiteral("/streams"))
                              .value(QLatin1String("streams"))
                              .toArray();
    QCOMPARE(list.size(), 3);
    QJsonObject sub1 = list.at(1).toObject();
    QCOMPARE(sub1.value(QLatin1String("current_encoder")).toString(), QStringLiteral("H264"));
    QCOMPARE(sub1.value(QLatin1String("current_resolution")).toString(), QStringLiteral("704x576"));
    QCOMPARE(sub1.value(QLatin1String("current_framerate")).toInt(), 20);
    QCOMPARE(sub1.value(QLatin1String("current_bitrate")).toInt(), 2048);
    QCOMPARE(sub1.value(QLatin1String("current_gov_length")).toInt(), 40);
    // The other profiles are untouched.
    QCOMPARE(list.at(0).toObject().value(QLatin1String("current_resolution")).toString(),
             QStringLiteral("1280x720"));
    QCOMPARE(list.at(2).toObject().value(QLatin1String("current_encoder")).toString(),
             QStringLiteral("JPEG"));

    // Without gov_length the profile keeps its GOP; the encoder may change to another one the
    // profile supports.
    QJsonObject mpeg4 = change;
    mpeg4.insert(QStringLiteral("encoder"), QStringLiteral("MPEG4"));
    mpeg4.insert(QStringLiteral("resolution"), QStringLiteral("640x480"));
    mpeg4.remove(QStringLiteral("gov_length"));
    VMS_VERIFY_STATUS(m_user->put(path, mpeg4), 200);
    list = getObject(m_camera, QStringLiteral("/streams"))
                   .value(QLatin1String("streams"))
                   .toArray();
    sub1 = list.at(1).toObject();
    QCOMPARE(sub1.value(QLatin1String("current_encoder")).toString(), QStringLiteral("MPEG4"));
    QCOMPARE(sub1.value(QLatin1String("current_resolution")).toString(), QStringLiteral("640x480"));
    QCOMPARE(sub1.value(QLatin1String("current_gov_length")).toInt(), 40);
}

void TstApiOnvif::streamEncoderOutOfRange_data()
{
    QTest::addColumn<QString>("profile");
    QTest::addColumn<QString>("field");
    QTest::addColumn<QJsonValue>("bad");
    QTest::newRow("framerate 1000 on main")
            << QStringLiteral("MAIN_STREAM") << QStringLiteral("framerate") << QJsonValue(1000);
    QTest::newRow("framerate 30 on sub 2 (max 25)")
            << QStringLiteral("SUB_STREAM_2") << QStringLiteral("framerate") << QJsonValue(30);
    QTest::newRow("1920x1080 on sub 2")
            << QStringLiteral("SUB_STREAM_2") << QStringLiteral("resolution")
            << QJsonValue(QStringLiteral("1920x1080"));
    QTest::newRow("2560x1440 on main")
            << QStringLiteral("MAIN_STREAM") << QStringLiteral("resolution")
            << QJsonValue(QStringLiteral("2560x1440"));
    QTest::newRow("bitrate 100000 on main")
            << QStringLiteral("MAIN_STREAM") << QStringLiteral("bitrate") << QJsonValue(100000);
    QTest::newRow("gov_length 1000 on main")
            << QStringLiteral("MAIN_STREAM") << QStringLiteral("gov_length") << QJsonValue(1000);
}

void TstApiOnvif::streamEncoderOutOfRange()
{
    QFETCH(QString, profile);
    QFETCH(QString, field);
    QFETCH(QJsonValue, bad);
    const QJsonArray before = getObject(m_camera, QStringLiteral("/streams"))
                                      .value(QLatin1String("streams"))
                                      .toArray();
    QCOMPARE(before.size(), 3);
    QJsonObject change{{QStringLiteral("stream_profile"), profile},
                       {QStringLiteral("encoder"), QStringLiteral("H264")},
                       {QStringLiteral("resolution"), QStringLiteral("640x480")},
                       {QStringLiteral("framerate"), 10},
                       {QStringLiteral("bitrate"), 1000}};
    change.insert(field, bad);
    m_sim.clearCalls();
    VMS_VERIFY_ERROR(m_user->put(onvifPath(m_camera, QStringLiteral("/stream/encoder")), change),
                     400, QStringLiteral("onvif_invalid_argument"));
    // The camera refused it: the request reached it, and nothing changed.
    QVERIFY(m_sim.waitForCall(QStringLiteral("SetVideoEncoderConfiguration")));
    QVERIFY(m_sim.lastCallArgs(QStringLiteral("SetVideoEncoderConfiguration"))
                    .contains(QStringLiteral("fault")));
    const QJsonArray after = getObject(m_camera, QStringLiteral("/streams"))
                                     .value(QLatin1String("streams"))
                                     .toArray();
    QCOMPARE(after, before);
}

void TstApiOnvif::streamEncoderValidation_data()
{
    QTest::addColumn<QString>("field");
    QTest::addColumn<QJsonValue>("bad"); // Undefined: the field is left out
    QTest::addColumn<QString>("type");
    const QJsonValue missing(QJsonValue::Undefined);
    QTest::newRow("stream_profile THIRD")
            << QStringLiteral("stream_profile") << QJsonValue(QStringLiteral("THIRD_STREAM"))
            << QStringLiteral("type_error.enum");
    QTest::newRow("stream_profile missing")
            << QStringLiteral("stream_profile") << missing << QStringLiteral("value_error.missing");
    QTest::newRow("encoder H265") << QStringLiteral("encoder") << QJsonValue(QStringLiteral("H265"))
                                  << QStringLiteral("type_error.enum");
    QTest::newRow("encoder missing")
            << QStringLiteral("encoder") << missing << QStringLiteral("value_error.missing");
    QTest::newRow("resolution 1000x1000")
            << QStringLiteral("resolution") << QJsonValue(QStringLiteral("1000x1000"))
            << QStringLiteral("type_error.enum");
    QTest::newRow("resolution number")
            << QStringLiteral("resolution") << QJsonValue(1080) << QString();
    QTest::newRow("resolution missing")
            << QStringLiteral("resolution") << missing << QStringLiteral("value_error.missing");
    QTest::newRow("framerate 0") << QStringLiteral("framerate") << QJsonValue(0)
                                 << QStringLiteral("value_error.number.not_ge");
    QTest::newRow("framerate text")
            << QStringLiteral("framerate") << QJsonValue(QStringLiteral("fast"))
            << QStringLiteral("type_error.integer");
    QTest::newRow("framerate missing")
            << QStringLiteral("framerate") << missing << QStringLiteral("value_error.missing");
    QTest::newRow("bitrate 0") << QStringLiteral("bitrate") << QJsonValue(0)
                               << QStringLiteral("value_error.number.not_ge");
    QTest::newRow("bitrate missing")
            << QStringLiteral("bitrate") << missing << QStringLiteral("value_error.missing");
    QTest::newRow("gov_length 0") << QStringLiteral("gov_length") << QJsonValue(0)
                                  << QStringLiteral("value_error.number.not_ge");
    QTest::newRow("gov_length text")
            << QStringLiteral("gov_length") << QJsonValue(QStringLiteral("x"))
            << QStringLiteral("type_error.integer");
}

void TstApiOnvif::streamEncoderValidation()
{
    QFETCH(QString, field);
    QFETCH(QJsonValue, bad);
    QFETCH(QString, type);
    QJsonObject change{{QStringLiteral("stream_profile"), QStringLiteral("MAIN_STREAM")},
                       {QStringLiteral("encoder"), QStringLiteral("H264")},
                       {QStringLiteral("resolution"), QStringLiteral("640x480")},
                       {QStringLiteral("framerate"), 10},
                       {QStringLiteral("bitrate"), 1000}};
    if (bad.isUndefined())
        change.remove(field);
    else
        change.insert(field, bad);
    VMS_VERIFY_VALIDATION(
            m_user->put(onvifPath(m_camera, QStringLiteral("/stream/encoder")), change),
            QStringList({QStringLiteral("body"), field}), type);
    const QJsonArray list = getObject(m_camera, QStringLiteral("/streams"))
                                    .value(QLatin1String("streams"))
                                    .toArray();
    QCOMPARE(list.at(0).toObject().value(QLatin1String("current_resolution")).toString(),
             QStringLiteral("1280x720"));
    QVERIFY(m_sim.waitForCall(QStringLiteral("GetProfiles")));
    QVERIFY(!m_sim.operations().contains(QStringLiteral("SetVideoEncoderConfiguration")));
}

// ---------- §8.8–8.17: imaging ----------

void TstApiOnvif::image()
{
    const QJsonObject o = getObject(m_camera, QStringLiteral("/image"));
    for (const char *key : {"brightness", "color_saturation", "contrast", "sharpness"}) {
        const QString k = QString::fromLatin1(key);
        QCOMPARE(at(o, k + QStringLiteral(".supported_range")).toObject(), range(0, 100));
        QVERIFY2(at(o, k + QStringLiteral(".current_value")).isDouble(), key);
    }
    QCOMPARE(strings(at(o, QStringLiteral("backlight_compensation.supported_modes"))),
             QStringList({QStringLiteral("OFF"), QStringLiteral("ON")}));
    QVERIFY(strings(at(o, QStringLiteral("ir_cut_filter.supported_modes")))
                    .contains(QStringLiteral("AUTO")));
    QCOMPARE(strings(at(o, QStringLiteral("ir_cut_filter.supported_modes"))).size(), 3);
    QCOMPARE(at(o, QStringLiteral("exposure.supported_range")).toObject(), range(10, 40000));
    QVERIFY(at(o, QStringLiteral("exposure.current_range.max_val")).isDouble());
    QCOMPARE(at(o, QStringLiteral("white_balance.supported_range.cr_gain")).toObject(),
             range(0, 255));
    QCOMPARE(at(o, QStringLiteral("white_balance.supported_range.cb_gain")).toObject(),
             range(0, 255));
    QCOMPARE(strings(at(o, QStringLiteral("white_balance.supported_modes"))),
             QStringList({QStringLiteral("AUTO"), QStringLiteral("MANUAL")}));
    QCOMPARE(at(o, QStringLiteral("wide_dynamic_range.supported_range")).toObject(), range(0, 100));
    QCOMPARE(strings(at(o, QStringLiteral("wide_dynamic_range.supported_modes"))),
             QStringList({QStringLiteral("OFF"), QStringLiteral("ON")}));
    QVERIFY(m_sim.waitForCall(QStringLiteral("GetImagingSettings")));
}

void TstApiOnvif::imageValue_data()
{
    QTest::addColumn<QString>("setting");  // the path's last segment
    QTest::addColumn<QString>("readBack"); // where GET /image shows it
    QTest::addColumn<QString>("traceKey"); // the SetImagingSettings trace field
    QTest::addColumn<double>("newValue");
    QTest::addColumn<double>("outOfRange");
    QTest::newRow("brightness") << QStringLiteral("brightness")
                                << QStringLiteral("brightness.current_value")
                                << QStringLiteral("brightness") << 70.0 << 101.0;
    QTest::newRow("brightness below")
            << QStringLiteral("brightness") << QStringLiteral("brightness.current_value")
            << QStringLiteral("brightness") << 12.5 << -1.0;
    QTest::newRow("contrast") << QStringLiteral("contrast")
                              << QStringLiteral("contrast.current_value")
                              << QStringLiteral("contrast") << 30.0 << 100.5;
    QTest::newRow("saturation") << QStringLiteral("saturation")
                                << QStringLiteral("color_saturation.current_value")
                                << QStringLiteral("saturation") << 80.0 << 150.0;
    QTest::newRow("sharpness") << QStringLiteral("sharpness")
                               << QStringLiteral("sharpness.current_value")
                               << QStringLiteral("sharpness") << 20.0 << -0.5;
    QTest::newRow("exposure") << QStringLiteral("exposure")
                              << QStringLiteral("exposure.current_range.max_val")
                              << QStringLiteral("maxExposureTime") << 20000.0 << 50000.0;
    QTest::newRow("exposure below")
            << QStringLiteral("exposure") << QStringLiteral("exposure.current_range.max_val")
            << QStringLiteral("maxExposureTime") << 15000.0 << 5.0;
}

void TstApiOnvif::imageValue()
{
    QFETCH(QString, setting);
    QFETCH(QString, readBack);
    QFETCH(QString, traceKey);
    QFETCH(double, newValue);
    QFETCH(double, outOfRange);
    const QString path = onvifPath(m_camera, QStringLiteral("/image/") + setting);

    QVERIFY(at(getObject(m_camera, QStringLiteral("/image")), readBack).toDouble() != newValue);
    VMS_VERIFY_STATUS(m_user->put(path, value(newValue)), 200);
    QVERIFY(m_sim.waitForCall(QStringLiteral("SetImagingSettings")));
    const auto args = m_sim.lastCallArgs(QStringLiteral("SetImagingSettings"));
    QVERIFY2(near(args.value(traceKey), newValue),
             qPrintable(m_sim.calls().join(QLatin1Char('\n'))));
    const QJsonObject after = getObject(m_camera, QStringLiteral("/image"));
    QCOMPARE(at(after, readBack).toDouble(), newValue);

    // Out of the camera's range: refused by the camera, nothing changes.
    VMS_VERIFY_ERROR(m_user->put(path, value(outOfRange)), 400,
                     QStringLiteral("onvif_invalid_argument"));
    QCOMPARE(getObject(m_camera, QStringLiteral("/image")), after);

    // Shape errors never reach the camera.
    m_sim.clearCalls();
    VMS_VERIFY_VALIDATION(m_user->put(path, value(QStringLiteral("high"))), body("value"),
                          QStringLiteral("type_error.float"));
    VMS_VERIFY_VALIDATION(m_user->put(path, value(true)), body("value"), QString());
    VMS_VERIFY_VALIDATION(m_user->put(path, QJsonObject{}), body("value"),
                          QStringLiteral("value_error.missing"));
    QCOMPARE(getObject(m_camera, QStringLiteral("/image")), after);
    QVERIFY(m_sim.waitForCall(QStringLiteral("GetImagingSettings")));
    QVERIFY(!m_sim.operations().contains(QStringLiteral("SetImagingSettings")));
}

void TstApiOnvif::imageModes_data()
{
    QTest::addColumn<QString>("setting");
    QTest::addColumn<QString>("readBack");
    QTest::addColumn<QString>("traceKey");
    QTest::addColumn<QStringList>("modes"); // set in this order, each read back
    QTest::addColumn<QString>("badMode");
    QTest::newRow("backlight") << QStringLiteral("backlight")
                               << QStringLiteral("backlight_compensation.current_mode")
                               << QStringLiteral("backlight")
                               << QStringList({QStringLiteral("ON"), QStringLiteral("OFF")})
                               << QStringLiteral("AUTO");
    QTest::newRow("ir") << QStringLiteral("ir") << QStringLiteral("ir_cut_filter.current_mode")
                        << QStringLiteral("ircut")
                        << QStringList({QStringLiteral("OFF"), QStringLiteral("ON"),
                                        QStringLiteral("AUTO")})
                        << QStringLiteral("DIM");
}

void TstApiOnvif::imageModes()
{
    QFETCH(QString, setting);
    QFETCH(QString, readBack);
    QFETCH(QString, traceKey);
    QFETCH(QStringList, modes);
    QFETCH(QString, badMode);
    const QString path = onvifPath(m_camera, QStringLiteral("/image/") + setting);
    for (const QString &m : std::as_const(modes)) {
        m_sim.clearCalls();
        VMS_VERIFY_STATUS(m_user->put(path, mode(m)), 200);
        QVERIFY(m_sim.waitForCall(QStringLiteral("SetImagingSettings")));
        QCOMPARE(m_sim.lastCallArgs(QStringLiteral("SetImagingSettings")).value(traceKey), m);
        QCOMPARE(at(getObject(m_camera, QStringLiteral("/image")), readBack).toString(), m);
    }
    const QJsonObject before = getObject(m_camera, QStringLiteral("/image"));
    VMS_VERIFY_VALIDATION(m_user->put(path, mode(badMode)), body("mode"),
                          QStringLiteral("type_error.enum"));
    VMS_VERIFY_VALIDATION(m_user->put(path, mode(QStringLiteral("on"))), body("mode"),
                          QStringLiteral("type_error.enum"));
    VMS_VERIFY_VALIDATION(m_user->put(path, QJsonObject{{QStringLiteral("mode"), 1}}), body("mode"),
                          QString());
    VMS_VERIFY_VALIDATION(m_user->put(path, QJsonObject{}), body("mode"),
                          QStringLiteral("value_error.missing"));
    QCOMPARE(getObject(m_camera, QStringLiteral("/image")), before);
}

void TstApiOnvif::imageWideDynamicRange()
{
    const QString path = onvifPath(m_camera, QStringLiteral("/image/dr"));
    auto current = [this] {
        return getObject(m_camera, QStringLiteral("/image"))
                .value(QLatin1String("wide_dynamic_range"))
                .toObject();
    };
    VMS_VERIFY_STATUS(m_user->put(path, QJsonObject{{QStringLiteral("mode"), QStringLiteral("ON")},
                                                    {QStringLiteral("value"), 70}}),
                      200);
    QVERIFY(m_sim.waitForCall(QStringLiteral("SetImagingSettings")));
    auto args = m_sim.lastCallArgs(QStringLiteral("SetImagingSettings"));
    QCOMPARE(args.value(QStringLiteral("wdr")), QStringLiteral("ON"));
    QVERIFY(near(args.value(QStringLiteral("wdrLevel")), 70));
    QJsonObject dr = current();
    QCOMPARE(dr.value(QLatin1String("current_mode")).toString(), QStringLiteral("ON"));
    QCOMPARE(dr.value(QLatin1String("current_value")).toDouble(), 70.0);

    // A value alone keeps the mode.
    VMS_VERIFY_STATUS(m_user->put(path, value(30)), 200);
    dr = current();
    QCOMPARE(dr.value(QLatin1String("current_mode")).toString(), QStringLiteral("ON"));
    QCOMPARE(dr.value(QLatin1String("current_value")).toDouble(), 30.0);
    // A mode alone keeps the value.
    VMS_VERIFY_STATUS(m_user->put(path, mode(QStringLiteral("OFF"))), 200);
    dr = current();
    QCOMPARE(dr.value(QLatin1String("current_mode")).toString(), QStringLiteral("OFF"));
    QCOMPARE(dr.value(QLatin1String("current_value")).toDouble(), 30.0);

    VMS_VERIFY_ERROR(m_user->put(path, value(101)), 400, QStringLiteral("onvif_invalid_argument"));
    VMS_VERIFY_ERROR(m_user->put(path, QJsonObject{{QStringLiteral("mode"), QStringLiteral("ON")},
                                                   {QStringLiteral("value"), -5}}),
                     400, QStringLiteral("onvif_invalid_argument"));
    QCOMPARE(current(), dr);

    VMS_VERIFY_VALIDATION(m_user->put(path, QJsonObject{}), QStringList{QStringLiteral("body")},
                          QStringLiteral("value_error.missing"));
    VMS_VERIFY_VALIDATION(m_user->put(path, mode(QStringLiteral("AUTO"))), body("mode"),
                          QStringLiteral("type_error.enum"));
    VMS_VERIFY_VALIDATION(m_user->put(path, value(QStringLiteral("x"))), body("value"),
                          QStringLiteral("type_error.float"));
    QCOMPARE(current(), dr);
}

void TstApiOnvif::imageWhiteBalance()
{
    const QString path = onvifPath(m_camera, QStringLiteral("/image/wb"));
    auto current = [this] {
        return getObject(m_camera, QStringLiteral("/image"))
                .value(QLatin1String("white_balance"))
                .toObject();
    };
    VMS_VERIFY_STATUS(
            m_user->put(path, QJsonObject{{QStringLiteral("mode"), QStringLiteral("MANUAL")},
                                          {QStringLiteral("cr_gain"), 100},
                                          {QStringLiteral("cb_gain"), 150}}),
            200);
    QVERIFY(m_sim.waitForCall(QStringLiteral("SetImagingSettings")));
    auto args = m_sim.lastCallArgs(QStringLiteral("SetImagingSettings"));
    QCOMPARE(args.value(QStringLiteral("whiteBalance")), QStringLiteral("MANUAL"));
    QVERIFY(near(args.value(QStringLiteral("crGain")), 100));
    QVERIFY(near(args.value(QStringLiteral("cbGain")), 150));
    QJsonObject wb = current();
    QCOMPARE(wb.value(QLatin1String("current_mode")).toString(), QStringLiteral("MANUAL"));
    QCOMPARE(wb.value(QLatin1String("current_cr_gain_value")).toDouble(), 100.0);
    QCOMPARE(wb.value(QLatin1String("current_cb_gain_value")).toDouble(), 150.0);

    // One gain alone keeps the mode and the other gain.
    VMS_VERIFY_STATUS(m_user->put(path, QJsonObject{{QStringLiteral("cr_gain"), 90}}), 200);
    wb = current();
    QCOMPARE(wb.value(QLatin1String("current_mode")).toString(), QStringLiteral("MANUAL"));
    QCOMPARE(wb.value(QLatin1String("current_cr_gain_value")).toDouble(), 90.0);
    QCOMPARE(wb.value(QLatin1String("current_cb_gain_value")).toDouble(), 150.0);
    VMS_VERIFY_STATUS(m_user->put(path, mode(QStringLiteral("AUTO"))), 200);
    wb = current();
    QCOMPARE(wb.value(QLatin1String("current_mode")).toString(), QStringLiteral("AUTO"));
    QCOMPARE(wb.value(QLatin1String("current_cr_gain_value")).toDouble(), 90.0);

    VMS_VERIFY_ERROR(m_user->put(path, QJsonObject{{QStringLiteral("cr_gain"), 300}}), 400,
                     QStringLiteral("onvif_invalid_argument"));
    VMS_VERIFY_ERROR(m_user->put(path, QJsonObject{{QStringLiteral("cb_gain"), -1}}), 400,
                     QStringLiteral("onvif_invalid_argument"));
    QCOMPARE(current(), wb);

    VMS_VERIFY_VALIDATION(m_user->put(path, QJsonObject{}), QStringList{QStringLiteral("body")},
                          QStringLiteral("value_error.missing"));
    VMS_VERIFY_VALIDATION(m_user->put(path, mode(QStringLiteral("OFF"))), body("mode"),
                          QStringLiteral("type_error.enum"));
    VMS_VERIFY_VALIDATION(
            m_user->put(path, QJsonObject{{QStringLiteral("cb_gain"), QStringLiteral("x")}}),
            body("cb_gain"), QStringLiteral("type_error.float"));
    QCOMPARE(current(), wb);
}

// ---------- §8.18–8.25: PTZ ----------

void TstApiOnvif::ptz()
{
    const QJsonObject o = getObject(m_camera, QStringLiteral("/ptz"));
    QCOMPARE(at(o, QStringLiteral("pan_tilt.supported_range.x")).toObject(), range(-1, 1));
    QCOMPARE(at(o, QStringLiteral("pan_tilt.supported_range.y")).toObject(), range(-1, 1));
    QCOMPARE(at(o, QStringLiteral("zoom.supported_range.x")).toObject(), range(0, 1));
    QCOMPARE(at(o, QStringLiteral("pan_tilt.default_speed_range.x")).toDouble(), 0.5);
    QCOMPARE(at(o, QStringLiteral("pan_tilt.default_speed_range.y")).toDouble(), 0.5);
    QCOMPARE(at(o, QStringLiteral("zoom.default_speed_value")).toDouble(), 0.5);
    QCOMPARE(o.value(QLatin1String("max_num_of_presets")).toInt(), 16);
    QCOMPARE(o.value(QLatin1String("home_supported")), QJsonValue(true));
    const Position p = position(m_camera);
    QVERIFY(p.isValid());
    QVERIFY(std::abs(p.x) <= 1 && std::abs(p.y) <= 1);
    QVERIFY(m_sim.waitForCall(QStringLiteral("GetStatus")));
}

void TstApiOnvif::ptzMoveDirections_data()
{
    QTest::addColumn<QJsonObject>("move");
    QTest::addColumn<QString>("pan"); // as the trace shows it: a number or "none"
    QTest::addColumn<QString>("tilt");
    QTest::addColumn<QString>("zoom");
    auto m = [](const QString &dir, const QString &zoom, int s) {
        QJsonObject o = step(s);
        if (!dir.isEmpty())
            o.insert(QStringLiteral("move"), dir);
        if (!zoom.isEmpty())
            o.insert(QStringLiteral("zoom"), zoom);
        return o;
    };
    const QString none = QStringLiteral("none");
    QTest::newRow("LEFT_DOWN 4") << m(QStringLiteral("LEFT_DOWN"), {}, 4) << QStringLiteral("-0.4")
                                 << QStringLiteral("-0.4") << none;
    QTest::newRow("RIGHT_UP 10") << m(QStringLiteral("RIGHT_UP"), {}, 10) << QStringLiteral("1")
                                 << QStringLiteral("1") << none;
    QTest::newRow("LEFT_UP 2") << m(QStringLiteral("LEFT_UP"), {}, 2) << QStringLiteral("-0.2")
                               << QStringLiteral("0.2") << none;
    QTest::newRow("RIGHT_DOWN 7") << m(QStringLiteral("RIGHT_DOWN"), {}, 7) << QStringLiteral("0.7")
                                  << QStringLiteral("-0.7") << none;
    QTest::newRow("UP 3") << m(QStringLiteral("UP"), {}, 3) << QStringLiteral("0")
                          << QStringLiteral("0.3") << none;
    QTest::newRow("DOWN 1") << m(QStringLiteral("DOWN"), {}, 1) << QStringLiteral("0")
                            << QStringLiteral("-0.1") << none;
    QTest::newRow("LEFT 5") << m(QStringLiteral("LEFT"), {}, 5) << QStringLiteral("-0.5")
                            << QStringLiteral("0") << none;
    QTest::newRow("RIGHT 6") << m(QStringLiteral("RIGHT"), {}, 6) << QStringLiteral("0.6")
                             << QStringLiteral("0") << none;
    QTest::newRow("ZOOM_IN 5") << m({}, QStringLiteral("ZOOM_IN"), 5) << none << none
                               << QStringLiteral("0.5");
    QTest::newRow("ZOOM_OUT 8") << m({}, QStringLiteral("ZOOM_OUT"), 8) << none << none
                                << QStringLiteral("-0.8");
    QTest::newRow("RIGHT and ZOOM_IN 9")
            << m(QStringLiteral("RIGHT"), QStringLiteral("ZOOM_IN"), 9) << QStringLiteral("0.9")
            << QStringLiteral("0") << QStringLiteral("0.9");
}

void TstApiOnvif::ptzMoveDirections()
{
    QFETCH(QJsonObject, move);
    QFETCH(QString, pan);
    QFETCH(QString, tilt);
    QFETCH(QString, zoom);
    const QString path = onvifPath(m_camera, QStringLiteral("/ptz"));
    VMS_VERIFY_STATUS(m_user->put(path, move), 200);
    QVERIFY(m_sim.waitForCall(QStringLiteral("ContinuousMove")));
    const auto args = m_sim.lastCallArgs(QStringLiteral("ContinuousMove"));
    const QString all = m_sim.calls().join(QLatin1Char('\n'));
    auto same = [](const QString &got, const QString &want) {
        return want == QLatin1String("none") ? got == want : near(got, want.toDouble());
    };
    QVERIFY2(same(args.value(QStringLiteral("pan")), pan), qPrintable(all));
    QVERIFY2(same(args.value(QStringLiteral("tilt")), tilt), qPrintable(all));
    QVERIFY2(same(args.value(QStringLiteral("zoom")), zoom), qPrintable(all));
    QVERIFY2(near(args.value(QStringLiteral("timeout")), 1), qPrintable(all)); // PT1S
    QVERIFY(!args.contains(QStringLiteral("fault")));

    // {step} alone stops pan/tilt and zoom.
    m_sim.clearCalls();
    VMS_VERIFY_STATUS(m_user->put(path, step(move.value(QLatin1String("step")).toInt())), 200);
    QVERIFY(m_sim.waitForCall(QStringLiteral("Stop")));
    const auto stop = m_sim.lastCallArgs(QStringLiteral("Stop"));
    QCOMPARE(stop.value(QStringLiteral("pantilt")), QStringLiteral("true"));
    QCOMPARE(stop.value(QStringLiteral("zoom")), QStringLiteral("true"));
    QVERIFY(!m_sim.operations().contains(QStringLiteral("ContinuousMove")));
}

void TstApiOnvif::ptzMoveChangesPosition()
{
    const QString path = onvifPath(m_camera, QStringLiteral("/ptz"));
    const Position before = position(m_camera);
    QVERIFY(before.isValid());
    // Towards the side with room, at step 5 (half speed) for about 300 ms: ~0.15 per axis.
    const bool left = before.x >= 0;
    const bool down = before.y >= 0;
    QJsonObject move = step(5);
    const QString dir = QString(left ? QStringLiteral("LEFT") : QStringLiteral("RIGHT"))
                        + (down ? QStringLiteral("_DOWN") : QStringLiteral("_UP"));
    move.insert(QStringLiteral("move"), dir);
    VMS_VERIFY_STATUS(m_user->put(path, move), 200);
    QTest::qWait(300);
    VMS_VERIFY_STATUS(m_user->put(path, step(5)), 200);
    const Position stopped = position(m_camera);
    QVERIFY(stopped.isValid());
    const double dx = stopped.x - before.x;
    const double dy = stopped.y - before.y;
    const QString msg = describe(before) + QStringLiteral(" -> ") + describe(stopped);
    QVERIFY2(left ? dx < -0.05 : dx > 0.05, qPrintable(msg));
    QVERIFY2(down ? dy < -0.05 : dy > 0.05, qPrintable(msg));
    // 1 s timeout at half speed: never more than 0.5 per axis.
    QVERIFY2(std::abs(dx) <= 0.51 && std::abs(dy) <= 0.51, qPrintable(msg));
    // Stopped means stopped: the position holds.
    QTest::qWait(150);
    const Position later = position(m_camera);
    QVERIFY2(std::abs(later.x - stopped.x) < 1e-3 && std::abs(later.y - stopped.y) < 1e-3,
             qPrintable(describe(stopped) + QStringLiteral(" -> ") + describe(later)));
}

void TstApiOnvif::ptzValidation_data()
{
    QTest::addColumn<QJsonValue>("payload");
    QTest::addColumn<QStringList>("loc");
    QTest::addColumn<QString>("type");
    const QString dir = QStringLiteral("LEFT");
    QTest::newRow("step 0") << QJsonValue(
            QJsonObject{{QStringLiteral("move"), dir}, {QStringLiteral("step"), 0}})
                            << body("step") << QStringLiteral("value_error.number.not_ge");
    QTest::newRow("step 11") << QJsonValue(
            QJsonObject{{QStringLiteral("move"), dir}, {QStringLiteral("step"), 11}})
                             << body("step") << QStringLiteral("value_error.number.not_le");
    QTest::newRow("step missing") << QJsonValue(QJsonObject{{QStringLiteral("move"), dir}})
                                  << body("step") << QStringLiteral("value_error.missing");
    QTest::newRow("step 2.5") << QJsonValue(
            QJsonObject{{QStringLiteral("move"), dir}, {QStringLiteral("step"), 2.5}})
                              << body("step") << QStringLiteral("type_error.integer");
    QTest::newRow("step text") << QJsonValue(
            QJsonObject{{QStringLiteral("step"), QStringLiteral("5")}})
                               << body("step") << QStringLiteral("type_error.integer");
    QTest::newRow("move NORTH") << QJsonValue(QJsonObject{
            {QStringLiteral("move"), QStringLiteral("NORTH")}, {QStringLiteral("step"), 5}})
                                << body("move") << QStringLiteral("type_error.enum");
    QTest::newRow("move lower case") << QJsonValue(QJsonObject{
            {QStringLiteral("move"), QStringLiteral("left")}, {QStringLiteral("step"), 5}})
                                     << body("move") << QStringLiteral("type_error.enum");
    QTest::newRow("zoom IN") << QJsonValue(QJsonObject{
            {QStringLiteral("zoom"), QStringLiteral("IN")}, {QStringLiteral("step"), 5}})
                             << body("zoom") << QStringLiteral("type_error.enum");
    QTest::newRow("empty object") << QJsonValue(QJsonObject{}) << body("step")
                                  << QStringLiteral("value_error.missing");
    QTest::newRow("array body") << QJsonValue(QJsonArray{5}) << QStringList{QStringLiteral("body")}
                                << QString();
}

void TstApiOnvif::ptzValidation()
{
    QFETCH(QJsonValue, payload);
    QFETCH(QStringList, loc);
    QFETCH(QString, type);
    VMS_VERIFY_VALIDATION(m_user->put(onvifPath(m_camera, QStringLiteral("/ptz")), payload), loc,
                          type);
    VMS_VERIFY_STATUS(m_user->get(onvifPath(m_camera, QStringLiteral("/ptz"))), 200);
    QVERIFY(m_sim.waitForCall(QStringLiteral("GetStatus")));
    const QStringList ops = m_sim.operations();
    QVERIFY2(!ops.contains(QStringLiteral("ContinuousMove"))
                     && !ops.contains(QStringLiteral("Stop")),
             qPrintable(ops.join(QLatin1Char(' '))));
}

void TstApiOnvif::ptzHome()
{
    const Position home = position(m_camera);
    QVERIFY(home.isValid());
    VMS_VERIFY_STATUS(m_user->put(onvifPath(m_camera, QStringLiteral("/ptz/home"))), 200);
    QVERIFY(m_sim.waitForCall(QStringLiteral("SetHomePosition")));
    QVERIFY(!m_sim.lastCallArgs(QStringLiteral("SetHomePosition"))
                     .contains(QStringLiteral("fault")));

    QVERIFY(moveAway(m_camera, 300));
    const Position away = position(m_camera);
    QVERIFY2(std::abs(away.x - home.x) > 0.1 && std::abs(away.y - home.y) > 0.1,
             qPrintable(describe(home) + QStringLiteral(" -> ") + describe(away)));

    m_sim.clearCalls();
    VMS_VERIFY_STATUS(m_user->put(onvifPath(m_camera, QStringLiteral("/ptz/home/apply"))), 200);
    QVERIFY(m_sim.waitForCall(QStringLiteral("GotoHomePosition")));
    const Position back = position(m_camera);
    QVERIFY2(std::abs(back.x - home.x) < 1e-3 && std::abs(back.y - home.y) < 1e-3,
             qPrintable(describe(home) + QStringLiteral(" vs ") + describe(back)));

    // A body is not needed (and is ignored): the routes take none.
    VMS_VERIFY_STATUS(m_user->put(onvifPath(m_camera, QStringLiteral("/ptz/home")), QJsonObject{}),
                      200);
}

void TstApiOnvif::ptzPresets()
{
    const QString list = onvifPath(m_camera, QStringLiteral("/ptz/presets"));
    const QString one = onvifPath(m_camera, QStringLiteral("/ptz/preset"));
    const QString apply = onvifPath(m_camera, QStringLiteral("/ptz/preset/apply"));
    const QStringList initial = strings(
            getObject(m_camera, QStringLiteral("/ptz/presets")).value(QLatin1String("presets")));
    QVERIFY(!initial.contains(QStringLiteral("Door")));

    const Position door = position(m_camera);
    VMS_VERIFY_STATUS(m_user->post(one, presetBody(QStringLiteral("Door"))), 200);
    QVERIFY(m_sim.waitForCall(QStringLiteral("SetPreset")));
    const QString doorToken
            = m_sim.lastCallArgs(QStringLiteral("SetPreset")).value(QStringLiteral("token"));
    QCOMPARE(m_sim.lastCallArgs(QStringLiteral("SetPreset")).value(QStringLiteral("name")),
             QStringLiteral("Door"));
    QVERIFY(!doorToken.isEmpty());

    QVERIFY(moveAway(m_camera, 300));
    const Position gate = position(m_camera);
    QVERIFY(std::abs(gate.x - door.x) > 0.1);
    const QString spaced = QStringLiteral("Gate — north side");
    VMS_VERIFY_STATUS(m_user->post(one, presetBody(spaced)), 200);

    const Reply listed = m_user->get(list);
    VMS_VERIFY_STATUS(listed, 200);
    QCOMPARE(strings(listed.object().value(QLatin1String("presets"))),
             initial + QStringList({QStringLiteral("Door"), spaced}));

    // Apply goes back to where the preset was saved.
    m_sim.clearCalls();
    VMS_VERIFY_STATUS(m_user->post(apply, presetBody(QStringLiteral("Door"))), 200);
    QVERIFY(m_sim.waitForCall(QStringLiteral("GotoPreset")));
    QCOMPARE(m_sim.lastCallArgs(QStringLiteral("GotoPreset")).value(QStringLiteral("token")),
             doorToken);
    Position p = position(m_camera);
    QVERIFY2(std::abs(p.x - door.x) < 1e-3 && std::abs(p.y - door.y) < 1e-3,
             qPrintable(describe(door) + QStringLiteral(" vs ") + describe(p)));
    VMS_VERIFY_STATUS(m_user->post(apply, presetBody(spaced)), 200);
    p = position(m_camera);
    QVERIFY2(std::abs(p.x - gate.x) < 1e-3 && std::abs(p.y - gate.y) < 1e-3,
             qPrintable(describe(gate) + QStringLiteral(" vs ") + describe(p)));

    // Delete by name.
    m_sim.clearCalls();
    VMS_VERIFY_STATUS(m_user->del(one, presetBody(QStringLiteral("Door"))), 200);
    QVERIFY(m_sim.waitForCall(QStringLiteral("RemovePreset")));
    QCOMPARE(m_sim.lastCallArgs(QStringLiteral("RemovePreset")).value(QStringLiteral("token")),
             doorToken);
    QCOMPARE(strings(getObject(m_camera, QStringLiteral("/ptz/presets"))
                             .value(QLatin1String("presets"))),
             initial + QStringList{spaced});
    VMS_VERIFY_ERROR(m_user->post(apply, presetBody(QStringLiteral("Door"))), 400,
                     QStringLiteral("onvif_invalid_argument"));
    VMS_VERIFY_STATUS(m_user->del(one, presetBody(spaced)), 200);
    QCOMPARE(strings(getObject(m_camera, QStringLiteral("/ptz/presets"))
                             .value(QLatin1String("presets"))),
             initial);
}

void TstApiOnvif::ptzPresetErrors()
{
    const QString one = onvifPath(m_camera, QStringLiteral("/ptz/preset"));
    const QString apply = onvifPath(m_camera, QStringLiteral("/ptz/preset/apply"));
    auto presets = [this] {
        return strings(getObject(m_camera, QStringLiteral("/ptz/presets"))
                               .value(QLatin1String("presets")));
    };
    VMS_VERIFY_STATUS(m_user->post(one, presetBody(QStringLiteral("Twin"))), 200);
    const QStringList before = presets();
    QCOMPARE(before.count(QStringLiteral("Twin")), 1);

    // A name the camera already has.
    m_sim.clearCalls();
    VMS_VERIFY_ERROR(m_user->post(one, presetBody(QStringLiteral("Twin"))), 400,
                     QStringLiteral("onvif_invalid_argument"));
    QVERIFY(m_sim.waitForCall(QStringLiteral("SetPreset")));
    QVERIFY(m_sim.lastCallArgs(QStringLiteral("SetPreset")).contains(QStringLiteral("fault")));
    // Unknown names.
    VMS_VERIFY_ERROR(m_user->post(apply, presetBody(QStringLiteral("Nowhere"))), 400,
                     QStringLiteral("onvif_invalid_argument"));
    VMS_VERIFY_ERROR(m_user->del(one, presetBody(QStringLiteral("Nowhere"))), 400,
                     QStringLiteral("onvif_invalid_argument"));
    QCOMPARE(presets(), before);

    // Names: 64 characters are fine, 65 are not; the field is required and a string.
    const QString max(64, QLatin1Char('p'));
    VMS_VERIFY_STATUS(m_user->post(one, presetBody(max)), 200);
    QVERIFY(presets().contains(max));
    VMS_VERIFY_STATUS(m_user->post(apply, presetBody(max)), 200);
    VMS_VERIFY_STATUS(m_user->del(one, presetBody(max)), 200);
    m_sim.clearCalls();
    for (const QString &path : {one, apply}) {
        VMS_VERIFY_VALIDATION(m_user->post(path, presetBody(QString(65, QLatin1Char('p')))),
                              body("preset_name"),
                              QStringLiteral("value_error.any_str.max_length"));
        VMS_VERIFY_VALIDATION(m_user->post(path, presetBody(QString())), body("preset_name"),
                              QStringLiteral("value_error.any_str.min_length"));
        VMS_VERIFY_VALIDATION(m_user->post(path, QJsonObject{}), body("preset_name"),
                              QStringLiteral("value_error.missing"));
        VMS_VERIFY_VALIDATION(m_user->post(path, QJsonObject{{QStringLiteral("preset_name"), 7}}),
                              body("preset_name"), QStringLiteral("type_error.str"));
    }
    VMS_VERIFY_VALIDATION(m_user->del(one, presetBody(QString(65, QLatin1Char('p')))),
                          body("preset_name"), QStringLiteral("value_error.any_str.max_length"));
    VMS_VERIFY_VALIDATION(m_user->del(one, QJsonObject{}), body("preset_name"),
                          QStringLiteral("value_error.missing"));
    QCOMPARE(presets(), before);
    QVERIFY(m_sim.waitForCall(QStringLiteral("GetPresets")));
    const QStringList ops = m_sim.operations();
    QVERIFY2(!ops.contains(QStringLiteral("SetPreset"))
                     && !ops.contains(QStringLiteral("GotoPreset"))
                     && !ops.contains(QStringLiteral("RemovePreset")),
             qPrintable(ops.join(QLatin1Char(' '))));

    VMS_VERIFY_STATUS(m_user->del(one, presetBody(QStringLiteral("Twin"))), 200);
    QVERIFY(!presets().contains(QStringLiteral("Twin")));
}

void TstApiOnvif::ptzPresetTableFull()
{
    OnvifSimProcess limited;
    QVERIFY2(limited.start({QStringLiteral("--max-presets"), QStringLiteral("2")}),
             qPrintable(limited.errorString()));
    const QString camera = newCamera(QStringLiteral("two presets"), onvifFields(limited.port()));
    QCOMPARE(getObject(camera, QStringLiteral("/ptz"))
                     .value(QLatin1String("max_num_of_presets"))
                     .toInt(),
             2);
    const QString one = onvifPath(camera, QStringLiteral("/ptz/preset"));
    VMS_VERIFY_STATUS(m_user->post(one, presetBody(QStringLiteral("A"))), 200);
    VMS_VERIFY_STATUS(m_user->post(one, presetBody(QStringLiteral("B"))), 200);
    limited.clearCalls();
    VMS_VERIFY_ERROR(m_user->post(one, presetBody(QStringLiteral("C"))), 400,
                     QStringLiteral("onvif_invalid_argument"));
    QVERIFY(limited.waitForCall(QStringLiteral("SetPreset")));
    QCOMPARE(limited.lastCallArgs(QStringLiteral("SetPreset")).value(QStringLiteral("fault")),
             QStringLiteral("ter:TooManyPresets"));
    QCOMPARE(strings(getObject(camera, QStringLiteral("/ptz/presets"))
                             .value(QLatin1String("presets"))),
             QStringList({QStringLiteral("A"), QStringLiteral("B")}));
    // A freed slot can be used again.
    VMS_VERIFY_STATUS(m_user->del(one, presetBody(QStringLiteral("A"))), 200);
    VMS_VERIFY_STATUS(m_user->post(one, presetBody(QStringLiteral("C"))), 200);
    QCOMPARE(strings(getObject(camera, QStringLiteral("/ptz/presets"))
                             .value(QLatin1String("presets"))),
             QStringList({QStringLiteral("B"), QStringLiteral("C")}));
}

void TstApiOnvif::ptzHomeUnsupported()
{
    OnvifSimProcess noHome;
    QVERIFY2(noHome.start({QStringLiteral("--no-home")}), qPrintable(noHome.errorString()));
    const QString camera = newCamera(QStringLiteral("no home"), onvifFields(noHome.port()));
    const QJsonObject o = getObject(camera, QStringLiteral("/ptz"));
    QCOMPARE(o.value(QLatin1String("home_supported")), QJsonValue(false));
    for (const QString &suffix : {QStringLiteral("/ptz/home"), QStringLiteral("/ptz/home/apply")})
        VMS_VERIFY_ERROR(m_user->put(onvifPath(camera, suffix)), 400,
                         QStringLiteral("onvif_unsupported_action"));
    QVERIFY(noHome.waitForCall(QStringLiteral("GotoHomePosition")));
    // The rest of PTZ works.
    VMS_VERIFY_STATUS(m_user->put(onvifPath(camera, QStringLiteral("/ptz")), step(1)), 200);
    VMS_VERIFY_STATUS(m_user->get(onvifPath(camera, QStringLiteral("/ptz/presets"))), 200);
}

void TstApiOnvif::ptzUnsupported()
{
    OnvifSimProcess noPtz;
    QVERIFY2(noPtz.start({QStringLiteral("--no-ptz")}), qPrintable(noPtz.errorString()));
    const QString camera = newCamera(QStringLiteral("fixed"), onvifFields(noPtz.port()));
    const QString unsupported = QStringLiteral("onvif_unsupported_action");
    VMS_VERIFY_ERROR(m_user->get(onvifPath(camera, QStringLiteral("/ptz"))), 400, unsupported);
    QJsonObject move = step(3);
    move.insert(QStringLiteral("move"), QStringLiteral("LEFT"));
    VMS_VERIFY_ERROR(m_user->put(onvifPath(camera, QStringLiteral("/ptz")), move), 400,
                     unsupported);
    VMS_VERIFY_ERROR(m_user->put(onvifPath(camera, QStringLiteral("/ptz")), step(3)), 400,
                     unsupported);
    VMS_VERIFY_ERROR(m_user->put(onvifPath(camera, QStringLiteral("/ptz/home"))), 400, unsupported);
    VMS_VERIFY_ERROR(m_user->put(onvifPath(camera, QStringLiteral("/ptz/home/apply"))), 400,
                     unsupported);
    VMS_VERIFY_ERROR(m_user->get(onvifPath(camera, QStringLiteral("/ptz/presets"))), 400,
                     unsupported);
    VMS_VERIFY_ERROR(m_user->post(onvifPath(camera, QStringLiteral("/ptz/preset")),
                                  presetBody(QStringLiteral("x"))),
                     400, unsupported);
    VMS_VERIFY_ERROR(m_user->post(onvifPath(camera, QStringLiteral("/ptz/preset/apply")),
                                  presetBody(QStringLiteral("x"))),
                     400, unsupported);
    VMS_VERIFY_ERROR(m_user->del(onvifPath(camera, QStringLiteral("/ptz/preset")),
                                 presetBody(QStringLiteral("x"))),
                     400, unsupported);
    // The camera itself works: only PTZ is missing.
    VMS_VERIFY_STATUS(m_user->get(onvifPath(camera)), 200);
    VMS_VERIFY_STATUS(m_user->get(onvifPath(camera, QStringLiteral("/image"))), 200);
    VMS_VERIFY_STATUS(
            m_user->put(onvifPath(camera, QStringLiteral("/image/brightness")), value(42)), 200);
    QCOMPARE(at(getObject(camera, QStringLiteral("/image")),
                QStringLiteral("brightness.current_value"))
                     .toDouble(),
             42.0);
}

// ---------- errors, access, audit ----------

void TstApiOnvif::unauthenticated()
{
    const QString camera = newCamera(
            QStringLiteral("wrong password"),
            onvifFields(m_sim.port(), OnvifSimProcess::kUser, QStringLiteral("not-the-password")));
    const QString status = QStringLiteral("onvif_unauthenticated");
    VMS_VERIFY_ERROR(m_user->get(onvifPath(camera)), 400, status);
    QVERIFY(m_sim.calls().join(QLatin1Char('\n')).contains(QLatin1String("auth-failed")));
    VMS_VERIFY_ERROR(m_user->get(onvifPath(camera, QStringLiteral("/image"))), 400, status);
    VMS_VERIFY_ERROR(m_user->put(onvifPath(camera, QStringLiteral("/image/brightness")), value(10)),
                     400, status);
    VMS_VERIFY_ERROR(m_user->put(onvifPath(camera, QStringLiteral("/ptz")), step(2)), 400, status);
    VMS_VERIFY_ERROR(m_user->post(onvifPath(camera, QStringLiteral("/ptz/preset")),
                                  presetBody(QStringLiteral("never"))),
                     400, status);
    QVERIFY(!m_sim.operations().contains(QStringLiteral("SetImagingSettings")));
    QVERIFY(!m_sim.operations().contains(QStringLiteral("SetPreset")));
    QVERIFY(!strings(getObject(m_camera, QStringLiteral("/ptz/presets"))
                             .value(QLatin1String("presets")))
                     .contains(QStringLiteral("never")));

    // An unknown login is the same error.
    const QString stranger = newCamera(
            QStringLiteral("unknown login"),
            onvifFields(m_sim.port(), QStringLiteral("mallory"), OnvifSimProcess::kPassword));
    VMS_VERIFY_ERROR(m_user->get(onvifPath(stranger)), 400, status);

    // Fixing the camera's password through /cameras makes the same camera work.
    QJsonObject fixed = onvifFields(m_sim.port());
    fixed.insert(QStringLiteral("name"), QStringLiteral("wrong password"));
    fixed.insert(QStringLiteral("place_id"), m_place);
    fixed.insert(QStringLiteral("source"),
                 QJsonObject{{QStringLiteral("url"), QStringLiteral("rtsp://127.0.0.1:1/x")}});
    VMS_VERIFY_STATUS(m_user->put(QStringLiteral("/api/v1/cameras/") + camera, fixed), 200);
    VMS_VERIFY_STATUS(m_user->get(onvifPath(camera)), 200);
}

void TstApiOnvif::httpDigest()
{
    // A camera that wants HTTP Digest on the transport as well as WS-Security (Axis, some
    // Hikvision/Dahua firmwares).
    OnvifSimProcess digestSim;
    QVERIFY2(digestSim.start({QStringLiteral("--http-digest"), QStringLiteral("--model"),
                              QStringLiteral("Digest PTZ")}),
             qPrintable(digestSim.errorString()));
    const QString camera = newCamera(QStringLiteral("http digest"), onvifFields(digestSim.port()));
    QVERIFY(!camera.isEmpty());

    const Reply info = m_user->get(onvifPath(camera));
    VMS_VERIFY_STATUS(info, 200);
    QCOMPARE(info.object().value(QLatin1String("model")).toString(), QStringLiteral("Digest PTZ"));
    QVERIFY(digestSim.waitForCall(QStringLiteral("GetDeviceInformation")));

    const QJsonObject image = getObject(camera, QStringLiteral("/image"));
    QCOMPARE(at(image, QStringLiteral("brightness.supported_range")).toObject(), range(0, 100));
    QVERIFY(digestSim.waitForCall(QStringLiteral("GetImagingSettings")));

    QJsonObject move = step(5);
    move.insert(QStringLiteral("move"), QStringLiteral("LEFT"));
    VMS_VERIFY_STATUS(m_user->put(onvifPath(camera, QStringLiteral("/ptz")), move), 200);
    QVERIFY(digestSim.waitForCall(QStringLiteral("ContinuousMove")));
    VMS_VERIFY_STATUS(m_user->put(onvifPath(camera, QStringLiteral("/ptz")), step(5)), 200);
    QVERIFY(digestSim.waitForCall(QStringLiteral("Stop")));
    QVERIFY(digestSim.lastCallArgs(QStringLiteral("ContinuousMove"))
                    .value(QStringLiteral("pan"))
                    .startsWith(QLatin1Char('-')));

    // One challenge for the whole conversation: the digest state is kept, so every later call
    // got through at its first try (one round trip).
    const QStringList trace = digestSim.calls();
    QCOMPARE(trace.filter(QStringLiteral("auth-failed")),
             QStringList{QStringLiteral("auth-failed GetCapabilities http-digest")});
    QVERIFY2(trace.contains(QStringLiteral("call GetCapabilities")), qPrintable(trace.join(u' ')));

    // Wrong password under HTTP Digest: the usual 400, after one challenge and one answer (no
    // retry loop), and the camera is never asked to do anything.
    digestSim.clearCalls();
    const QString wrong = newCamera(
            QStringLiteral("http digest wrong password"),
            onvifFields(digestSim.port(), OnvifSimProcess::kUser, QStringLiteral("not-it")));
    QVERIFY(!wrong.isEmpty());
    VMS_VERIFY_ERROR(m_user->get(onvifPath(wrong)), 400, QStringLiteral("onvif_unauthenticated"));
    VMS_VERIFY_ERROR(m_user->put(onvifPath(wrong, QStringLiteral("/ptz")), move), 400,
                     QStringLiteral("onvif_unauthenticated"));
    const QStringList failed = digestSim.calls();
    QVERIFY2(!failed.isEmpty(), "the simulator saw no request");
    for (const QString &line : failed)
        QVERIFY2(line.startsWith(QLatin1String("call GetSystemDateAndTime "))
                         || line == QStringLiteral("auth-failed GetCapabilities http-digest"),
                 qPrintable(line));
    // Two per API request: the challenge and the rejected answer.
    QCOMPARE(failed.filter(QStringLiteral("auth-failed")).size(), 4);
    digestSim.stop();
}

void TstApiOnvif::notConfigured_data()
{
    QTest::addColumn<QJsonObject>("fields");
    QTest::newRow("no login, no password") << onvifFields(1, QString(), QString());
    QTest::newRow("no password") << onvifFields(1, OnvifSimProcess::kUser, QString());
    QTest::newRow("no login") << onvifFields(1, QString(), OnvifSimProcess::kPassword);
    QJsonObject noHost = onvifFields(1);
    noHost.remove(QStringLiteral("onvif_host"));
    noHost.remove(QStringLiteral("onvif_port"));
    QTest::newRow("no host") << noHost;
    QTest::newRow("nothing") << QJsonObject{};
}

void TstApiOnvif::notConfigured()
{
    QFETCH(QJsonObject, fields);
    // Port 1 is never contacted: the service answers before it opens a connection. (The main
    // simulator's port is set below so that a regression could not hang on a closed port.)
    if (fields.contains(QLatin1String("onvif_port")))
        fields.insert(QStringLiteral("onvif_port"), int(m_sim.port()));
    const QString camera = newCamera(QStringLiteral("unconfigured"), fields);
    QVERIFY(!camera.isEmpty());
    const QString status = QStringLiteral("onvif_not_configured");
    VMS_VERIFY_ERROR(m_user->get(onvifPath(camera)), 400, status);
    VMS_VERIFY_ERROR(m_user->get(onvifPath(camera, QStringLiteral("/ptz"))), 400, status);
    VMS_VERIFY_ERROR(m_user->put(onvifPath(camera, QStringLiteral("/image/contrast")), value(10)),
                     400, status);
    VMS_VERIFY_ERROR(m_user->post(onvifPath(camera, QStringLiteral("/ptz/preset")),
                                  presetBody(QStringLiteral("x"))),
                     400, status);
}

void TstApiOnvif::unknownCamera()
{
    const QString unknown = QUuid::createUuid().toString(QUuid::WithoutBraces);
    VMS_VERIFY_ERROR(m_user->get(onvifPath(unknown)), 404, QStringLiteral("not_found"));
    VMS_VERIFY_ERROR(m_user->get(onvifPath(unknown, QStringLiteral("/image"))), 404,
                     QStringLiteral("not_found"));
    VMS_VERIFY_ERROR(m_user->put(onvifPath(unknown, QStringLiteral("/ptz")), step(3)), 404,
                     QStringLiteral("not_found"));
    VMS_VERIFY_ERROR(m_user->del(onvifPath(unknown, QStringLiteral("/ptz/preset")),
                                 presetBody(QStringLiteral("x"))),
                     404, QStringLiteral("not_found"));
    const QStringList loc{QStringLiteral("path"), QStringLiteral("camera_id")};
    VMS_VERIFY_VALIDATION(m_user->get(onvifPath(QStringLiteral("42"))), loc,
                          QStringLiteral("type_error.uuid"));
    VMS_VERIFY_VALIDATION(
            m_user->get(onvifPath(QStringLiteral("not-a-uuid"), QStringLiteral("/ptz"))), loc,
            QStringLiteral("type_error.uuid"));
    VMS_VERIFY_VALIDATION(
            m_user->put(onvifPath(QStringLiteral("42"), QStringLiteral("/ptz")), step(3)), loc,
            QStringLiteral("type_error.uuid"));
    // A deleted camera is unknown too.
    const QString gone = newCamera(QStringLiteral("gone"), onvifFields(m_sim.port()));
    VMS_VERIFY_STATUS(m_user->get(onvifPath(gone)), 200);
    VMS_VERIFY_STATUS(m_user->del(QStringLiteral("/api/v1/cameras/") + gone), 200);
    VMS_VERIFY_ERROR(m_user->get(onvifPath(gone)), 404, QStringLiteral("not_found"));
}

void TstApiOnvif::notAuthenticated()
{
    auto verify401 = [](const Reply &r) {
        QString problem = checkError(r, 401, QStringLiteral("not_authenticated"));
        if (problem.isEmpty() && r.header("WWW-Authenticate") != "Bearer")
            problem = QStringLiteral("no \"WWW-Authenticate: Bearer\" in: ") + r.describe();
        return problem;
    };
    QString p = verify401(m_anonymous->get(onvifPath(m_camera)));
    QVERIFY2(p.isEmpty(), qPrintable(p));
    p = verify401(m_anonymous->put(onvifPath(m_camera, QStringLiteral("/ptz")), step(3)));
    QVERIFY2(p.isEmpty(), qPrintable(p));
    p = verify401(m_anonymous->post(onvifPath(m_camera, QStringLiteral("/ptz/preset")),
                                    presetBody(QStringLiteral("x"))));
    QVERIFY2(p.isEmpty(), qPrintable(p));
    m_anonymous->setBearer(QStringLiteral("not-a-token"));
    p = verify401(m_anonymous->get(onvifPath(m_camera, QStringLiteral("/image"))));
    m_anonymous->setBearer({});
    QVERIFY2(p.isEmpty(), qPrintable(p));
    QVERIFY(!m_sim.operations().contains(QStringLiteral("ContinuousMove")));
    QVERIFY(!m_sim.operations().contains(QStringLiteral("SetPreset")));
}

void TstApiOnvif::permissionDenied()
{
    const QString forbidden = QStringLiteral("unauthorized");
    struct Route
    {
        QByteArray method;
        QString suffix;
        QJsonValue payload;
        QString permission;
    };
    const QJsonValue none(QJsonValue::Undefined);
    const QJsonObject encoder{{QStringLiteral("stream_profile"), QStringLiteral("MAIN_STREAM")},
                              {QStringLiteral("encoder"), QStringLiteral("H264")},
                              {QStringLiteral("resolution"), QStringLiteral("320x240")},
                              {QStringLiteral("framerate"), 1},
                              {QStringLiteral("bitrate"), 64}};
    const QString read = QStringLiteral("onvif_read");
    const QString update = QStringLiteral("onvif_update");
    const QList<Route> routes{
            {"GET", QString(), none, read},
            {"GET", QStringLiteral("/network"), none, read},
            {"PUT", QStringLiteral("/network"), QJsonObject{{QStringLiteral("rtsp"), 9}}, update},
            {"GET", QStringLiteral("/users"), none, read},
            {"PUT", QStringLiteral("/users/viewer"),
             QJsonObject{{QStringLiteral("password"), QStringLiteral("hijacked")}}, update},
            {"GET", QStringLiteral("/streams"), none, read},
            {"PUT", QStringLiteral("/stream/encoder"), encoder, update},
            {"GET", QStringLiteral("/image"), none, read},
            {"PUT", QStringLiteral("/image/brightness"), value(1), update},
            {"PUT", QStringLiteral("/image/contrast"), value(1), update},
            {"PUT", QStringLiteral("/image/saturation"), value(1), update},
            {"PUT", QStringLiteral("/image/sharpness"), value(1), update},
            {"PUT", QStringLiteral("/image/backlight"), mode(QStringLiteral("ON")), update},
            {"PUT", QStringLiteral("/image/ir"), mode(QStringLiteral("ON")), update},
            {"PUT", QStringLiteral("/image/exposure"), value(100), update},
            {"PUT", QStringLiteral("/image/dr"), mode(QStringLiteral("ON")), update},
            {"PUT", QStringLiteral("/image/wb"), mode(QStringLiteral("MANUAL")), update},
            {"GET", QStringLiteral("/ptz"), none, read},
            {"PUT", QStringLiteral("/ptz"),
             QJsonObject{{QStringLiteral("move"), QStringLiteral("UP")},
                         {QStringLiteral("step"), 1}},
             update},
            {"PUT", QStringLiteral("/ptz/home"), none, update},
            {"PUT", QStringLiteral("/ptz/home/apply"), none, update},
            {"GET", QStringLiteral("/ptz/presets"), none, read},
            {"POST", QStringLiteral("/ptz/preset"), presetBody(QStringLiteral("denied")),
             QStringLiteral("onvif_create")},
            {"DELETE", QStringLiteral("/ptz/preset"), presetBody(QStringLiteral("denied")),
             QStringLiteral("onvif_delete")},
            {"POST", QStringLiteral("/ptz/preset/apply"), presetBody(QStringLiteral("denied")),
             update},
    };
    QCOMPARE(routes.size(), 25); // every §8 operation
    const QHash<QString, ApiTestClient *> lacking{
            {read, m_noRead.get()},
            {update, m_noUpdate.get()},
            {QStringLiteral("onvif_create"), m_noCreate.get()},
            {QStringLiteral("onvif_delete"), m_noDelete.get()}};
    const QJsonObject imageBefore = getObject(m_camera, QStringLiteral("/image"));
    m_sim.clearCalls();
    for (const Route &r : routes) {
        const QString path = onvifPath(m_camera, r.suffix);
        for (auto it = lacking.cbegin(); it != lacking.cend(); ++it) {
            // Writes go only to the user who lacks their permission, so that nothing changes.
            if (it.key() != r.permission && r.method != "GET")
                continue;
            const QByteArray body
                    = r.payload.isUndefined() ? QByteArray() : vms::test::toJsonBytes(r.payload);
            const Reply reply = it.value()->request(
                    r.method, path, body,
                    body.isEmpty() ? QByteArray() : QByteArrayLiteral("application/json"));
            const QString what = QString::fromLatin1(r.method) + QLatin1Char(' ') + r.suffix
                                 + QStringLiteral(" without ") + it.key() + QStringLiteral(": ");
            if (it.key() == r.permission) {
                const QString problem = checkError(reply, 403, forbidden);
                QVERIFY2(problem.isEmpty(), qPrintable(what + problem));
            } else if (r.method == "GET") {
                // Every other permission is there: reads go through.
                QVERIFY2(reply.status == 200, qPrintable(what + reply.describe()));
            }
        }
    }
    // None of the refused writes reached the camera.
    const QStringList ops = m_sim.operations();
    for (const char *op : {"SetNetworkProtocols", "SetUser", "SetVideoEncoderConfiguration",
                           "SetImagingSettings", "ContinuousMove", "SetHomePosition",
                           "GotoHomePosition", "SetPreset", "RemovePreset", "GotoPreset"})
        QVERIFY2(!ops.contains(QLatin1String(op)), op);
    QCOMPARE(getObject(m_camera, QStringLiteral("/image")), imageBefore);
    // The users that may, can: the one without onvif_read still updates, and so on.
    VMS_VERIFY_STATUS(m_noRead->put(onvifPath(m_camera, QStringLiteral("/ptz")), step(1)), 200);
    VMS_VERIFY_STATUS(m_noUpdate->post(onvifPath(m_camera, QStringLiteral("/ptz/preset")),
                                       presetBody(QStringLiteral("by creator"))),
                      200);
    VMS_VERIFY_STATUS(m_noCreate->del(onvifPath(m_camera, QStringLiteral("/ptz/preset")),
                                      presetBody(QStringLiteral("by creator"))),
                      200);
}

void TstApiOnvif::organizationIsolation()
{
    const QString theirs = newCamera(QStringLiteral("their ptz"), onvifFields(m_sim.port()),
                                     m_other.get(), m_otherPlace);
    QVERIFY(!theirs.isEmpty());
    // Their user reaches their own camera...
    VMS_VERIFY_STATUS(m_other->get(onvifPath(theirs)), 200);
    // ...but mine is unknown to them, for reads and writes alike.
    const QString notFound = QStringLiteral("not_found");
    VMS_VERIFY_ERROR(m_other->get(onvifPath(m_camera)), 404, notFound);
    VMS_VERIFY_ERROR(m_other->get(onvifPath(m_camera, QStringLiteral("/ptz"))), 404, notFound);
    VMS_VERIFY_ERROR(
            m_other->put(onvifPath(m_camera, QStringLiteral("/image/brightness")), value(3)), 404,
            notFound);
    VMS_VERIFY_ERROR(m_other->put(onvifPath(m_camera, QStringLiteral("/users/viewer")),
                                  QJsonObject{{QStringLiteral("password"), QStringLiteral("x")}}),
                     404, notFound);
    VMS_VERIFY_ERROR(m_other->post(onvifPath(m_camera, QStringLiteral("/ptz/preset")),
                                   presetBody(QStringLiteral("theirs"))),
                     404, notFound);
    VMS_VERIFY_ERROR(m_other->del(onvifPath(m_camera, QStringLiteral("/ptz/preset")),
                                  presetBody(QStringLiteral("theirs"))),
                     404, notFound);
    // And theirs is unknown to me; the superuser reaches both.
    VMS_VERIFY_ERROR(m_user->get(onvifPath(theirs)), 404, notFound);
    VMS_VERIFY_STATUS(m_admin->get(onvifPath(theirs)), 200);
    VMS_VERIFY_STATUS(m_admin->get(onvifPath(m_camera)), 200);
    QVERIFY(!m_sim.operations().contains(QStringLiteral("SetImagingSettings")));
    QVERIFY(!m_sim.operations().contains(QStringLiteral("SetUser")));
}

void TstApiOnvif::writesAreAudited()
{
    const QString camera = newCamera(QStringLiteral("audited"), onvifFields(m_sim.port()));
    auto path = [&camera](const char *suffix) {
        return onvifPath(camera, QString::fromLatin1(suffix));
    };
    VMS_VERIFY_STATUS(m_user->put(path("/network"), QJsonObject{{QStringLiteral("rtsp"), 1}}), 200);
    VMS_VERIFY_STATUS(m_user->put(path("/users/viewer"), QJsonObject{{QStringLiteral("password"),
                                                                      OnvifSimProcess::kPassword}}),
                      200);
    VMS_VERIFY_STATUS(
            m_user->put(
                    path("/stream/encoder"),
                    QJsonObject{{QStringLiteral("stream_profile"), QStringLiteral("SUB_STREAM_2")},
                                {QStringLiteral("encoder"), QStringLiteral("JPEG")},
                                {QStringLiteral("resolution"), QStringLiteral("320x240")},
                                {QStringLiteral("framerate"), 4},
                                {QStringLiteral("bitrate"), 256}}),
            200);
    VMS_VERIFY_STATUS(m_user->put(path("/image/brightness"), value(61)), 200);
    // A refused write leaves no trace.
    VMS_VERIFY_ERROR(m_user->put(path("/image/brightness"), value(999)), 400,
                     QStringLiteral("onvif_invalid_argument"));
    VMS_VERIFY_STATUS(
            m_user->put(path("/ptz"), QJsonObject{{QStringLiteral("move"), QStringLiteral("UP")},
                                                  {QStringLiteral("step"), 2}}),
            200);
    VMS_VERIFY_STATUS(m_user->put(path("/ptz"), step(2)), 200);
    VMS_VERIFY_STATUS(m_user->put(path("/ptz/home")), 200);
    VMS_VERIFY_STATUS(m_user->put(path("/ptz/home/apply")), 200);
    VMS_VERIFY_STATUS(m_user->post(path("/ptz/preset"), presetBody(QStringLiteral("Audit"))), 200);
    VMS_VERIFY_STATUS(m_user->post(path("/ptz/preset/apply"), presetBody(QStringLiteral("Audit"))),
                      200);
    VMS_VERIFY_STATUS(m_user->del(path("/ptz/preset"), presetBody(QStringLiteral("Audit"))), 200);
    // Reads are not audited.
    VMS_VERIFY_STATUS(m_user->get(path("/image")), 200);

    const QStringList types{
            QStringLiteral("onvif_network_update"),   QStringLiteral("onvif_user_update"),
            QStringLiteral("onvif_stream_update"),    QStringLiteral("onvif_image_update"),
            QStringLiteral("onvif_ptz_update"),       QStringLiteral("onvif_ptz_home_save"),
            QStringLiteral("onvif_ptz_home_apply"),   QStringLiteral("onvif_ptz_preset_create"),
            QStringLiteral("onvif_ptz_preset_apply"), QStringLiteral("onvif_ptz_preset_delete")};
    QString query = QStringLiteral("/api/v1/auditlogs?limit=1000");
    for (const QString &t : types)
        query += QStringLiteral("&action_types=") + t;
    const Reply log = m_admin->get(query);
    VMS_VERIFY_STATUS(log, 200);
    QStringList seen;
    QHash<QString, QJsonObject> metaOf;
    const QJsonArray entries = log.object().value(QLatin1String("auditlogs")).toArray();
    for (const QJsonValue &e : entries) {
        const QJsonObject o = e.toObject();
        const QJsonObject meta = o.value(QLatin1String("meta")).toObject();
        if (meta.value(QLatin1String("camera_id")).toString() != camera)
            continue;
        const QString type = o.value(QLatin1String("action_type")).toString();
        seen << type;
        metaOf.insert(type, meta);
        QVERIFY2(!QJsonDocument(meta).toJson().contains(OnvifSimProcess::kPassword.toUtf8()),
                 "a password in the audit trail");
    }
    QStringList expected = types;
    expected << QStringLiteral("onvif_ptz_update"); // the move and the stop
    expected.sort();
    seen.sort();
    QCOMPARE(seen, expected);
    QCOMPARE(metaOf.value(QStringLiteral("onvif_image_update")).value(QLatin1String("brightness")),
             QJsonValue(61));
    QCOMPARE(metaOf.value(QStringLiteral("onvif_ptz_preset_create"))
                     .value(QLatin1String("preset_name"))
                     .toString(),
             QStringLiteral("Audit"));
    QCOMPARE(metaOf.value(QStringLiteral("onvif_user_update")).value(QLatin1String("user_name")),
             QJsonValue(QStringLiteral("viewer")));
    QCOMPARE(metaOf.value(QStringLiteral("onvif_network_update")).value(QLatin1String("rtsp")),
             QJsonValue(1));
    QCOMPARE(metaOf.value(QStringLiteral("onvif_stream_update"))
                     .value(QLatin1String("stream_profile"))
                     .toString(),
             QStringLiteral("SUB_STREAM_2"));
}

void TstApiOnvif::clockOffset()
{
    // The device clock is an hour ahead: a digest with our own time would be outside its 300 s
    // window, so this works only when the client corrects with GetSystemDateAndTime.
    OnvifSimProcess ahead;
    QVERIFY2(ahead.start({QStringLiteral("--clock-offset"), QStringLiteral("3600")}),
             qPrintable(ahead.errorString()));
    const QString camera = newCamera(QStringLiteral("clock ahead"), onvifFields(ahead.port()));
    VMS_VERIFY_STATUS(m_user->get(onvifPath(camera)), 200);
    QVERIFY(ahead.waitForCall(QStringLiteral("GetSystemDateAndTime")));
    VMS_VERIFY_STATUS(m_user->put(onvifPath(camera, QStringLiteral("/image/sharpness")), value(33)),
                      200);
    QCOMPARE(at(getObject(camera, QStringLiteral("/image")),
                QStringLiteral("sharpness.current_value"))
                     .toDouble(),
             33.0);
    VMS_VERIFY_STATUS(m_user->post(onvifPath(camera, QStringLiteral("/ptz/preset")),
                                   presetBody(QStringLiteral("late"))),
                      200);
    QVERIFY(!ahead.calls().join(QLatin1Char('\n')).contains(QLatin1String("auth-failed")));
}

void TstApiOnvif::simulatorOutage()
{
    // Runs last: the restarted simulator starts from its initial state.
    const quint16 port = m_sim.port();
    VMS_VERIFY_STATUS(m_user->get(onvifPath(m_camera, QStringLiteral("/ptz"))), 200);
    const QString unavailable = QStringLiteral("temporarily_unavailable");

    for (const bool abrupt : {false, true}) {
        const QString round = abrupt ? QStringLiteral("kill") : QStringLiteral("stop");
        if (abrupt)
            m_sim.kill();
        else
            m_sim.stop();
        QVERIFY(!m_sim.isRunning());
        QElapsedTimer timer;
        timer.start();
        VMS_VERIFY_ERROR(m_user->get(onvifPath(m_camera)), 503, unavailable);
        VMS_VERIFY_ERROR(m_user->get(onvifPath(m_camera, QStringLiteral("/ptz"))), 503,
                         unavailable);
        VMS_VERIFY_ERROR(m_user->put(onvifPath(m_camera, QStringLiteral("/ptz")), step(4)), 503,
                         unavailable);
        VMS_VERIFY_ERROR(
                m_user->put(onvifPath(m_camera, QStringLiteral("/image/brightness")), value(5)),
                503, unavailable);
        VMS_VERIFY_ERROR(m_user->post(onvifPath(m_camera, QStringLiteral("/ptz/preset")),
                                      presetBody(QStringLiteral("x"))),
                         503, unavailable);
        // A refused connection fails at once, not after the ONVIF timeout.
        QVERIFY2(timer.elapsed() < 4000, qPrintable(round));

        QVERIFY2(m_sim.start(mainSimArgs(), port), qPrintable(m_sim.errorString()));
        QCOMPARE(m_sim.port(), port);
        const Reply back = m_user->get(onvifPath(m_camera));
        VMS_VERIFY_STATUS(back, 200);
        QCOMPARE(back.object().value(QLatin1String("model")).toString(), kModel);
        VMS_VERIFY_STATUS(m_user->get(onvifPath(m_camera, QStringLiteral("/ptz"))), 200);
        VMS_VERIFY_STATUS(
                m_user->put(onvifPath(m_camera, QStringLiteral("/image/brightness")), value(55)),
                200);
        QCOMPARE(at(getObject(m_camera, QStringLiteral("/image")),
                    QStringLiteral("brightness.current_value"))
                         .toDouble(),
                 55.0);
        QVERIFY(m_sim.waitForCall(QStringLiteral("SetImagingSettings")));
    }
}

QTEST_GUILESS_MAIN(TstApiOnvif)
#include "tst_api_onvif.moc"
