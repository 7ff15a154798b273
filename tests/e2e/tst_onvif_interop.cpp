// Interop: onvif-camera-sim driven by an ONVIF client we did not write, the npm package `onvif`
// (agsh/onvif 0.8.3) under node (tests/e2e/onvif_interop.mjs). If that client understands our
// SOAP (WS-UsernameToken digest, element names and namespaces, faults), the simulator and the
// gSOAP header it is built from speak real ONVIF. The node script only reports; every check is
// made here, and the simulator's --trace must show that the calls really reached it.
#include "tests/support/onvif_sim.h"

#include <QDateTime>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTest>

#include <cmath>

using vms::test::OnvifSimProcess;

namespace {

const QString kMainRtsp = QStringLiteral("rtsp://127.0.0.1:8554/interop-main");
const QString kSubRtsp = QStringLiteral("rtsp://127.0.0.1:8554/interop-sub");

} // namespace

class TestOnvifInterop : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void fullSession();
    void wrongPasswordIsRefused();
    void clientCorrectsDeviceClockOffset();
    void cleanup();

private:
    /** Runs the node script; false with a message in error. */
    bool runNode(const QString &mode, const QString &password, QJsonObject &result, QString &error);

    OnvifSimProcess m_sim;
};

bool TestOnvifInterop::runNode(const QString &mode, const QString &password, QJsonObject &result,
                               QString &error)
{
    QProcess node;
    node.setProgram(QStringLiteral(VMS_NODE));
    node.setArguments({QStringLiteral(VMS_ONVIF_INTEROP_SCRIPT), QStringLiteral("--modules"),
                       QStringLiteral(VMS_ONVIF_NPM_DIR), QStringLiteral("--port"),
                       QString::number(m_sim.port()), QStringLiteral("--user"),
                       OnvifSimProcess::kUser, QStringLiteral("--password"), password,
                       QStringLiteral("--mode"), mode});
    node.start();
    if (!node.waitForFinished(90000)) {
        node.kill();
        node.waitForFinished();
        error = QStringLiteral("node did not finish within 90 s");
        return false;
    }
    const QByteArray out = node.readAllStandardOutput();
    const QByteArray err = node.readAllStandardError();
    if (node.exitStatus() != QProcess::NormalExit || node.exitCode() != 0) {
        error = QStringLiteral("node failed (exit %1): %2 %3")
                        .arg(node.exitCode())
                        .arg(QString::fromUtf8(err), QString::fromUtf8(out));
        return false;
    }
    QJsonParseError parseError;
    const QJsonDocument doc = QJsonDocument::fromJson(out.trimmed(), &parseError);
    if (!doc.isObject()) {
        error = QStringLiteral("node printed no JSON object (%1): %2")
                        .arg(parseError.errorString(), QString::fromUtf8(out));
        return false;
    }
    result = doc.object();
    return true;
}

void TestOnvifInterop::initTestCase()
{
    if (!QFileInfo(QStringLiteral(VMS_NODE)).isExecutable())
        QFAIL("node is missing: " VMS_NODE " (scripts/install-deps.sh --with-tests)");
    QVERIFY2(QFileInfo::exists(QStringLiteral(VMS_ONVIF_NPM_DIR "/node_modules/onvif/lib/cam.js")),
             "the npm onvif package is not unpacked (target vms_onvif_npm)");
}

void TestOnvifInterop::cleanup()
{
    m_sim.stop();
}

void TestOnvifInterop::fullSession()
{
    QVERIFY2(m_sim.start({QStringLiteral("--rtsp"), kMainRtsp, QStringLiteral("--rtsp-sub"),
                          kSubRtsp, QStringLiteral("--model"), QStringLiteral("Interop Cam")}),
             qPrintable(m_sim.errorString()));
    QJsonObject r;
    QString error;
    QVERIFY2(runNode(QStringLiteral("full"), OnvifSimProcess::kPassword, r, error),
             qPrintable(error));
    const QByteArray dump = QJsonDocument(r).toJson(QJsonDocument::Compact);
    qInfo("node result: %s", dump.constData());

    QVERIFY2(r.value(QStringLiteral("connectError")).isNull(), dump.constData());

    // Device information.
    const QJsonObject info = r.value(QStringLiteral("deviceInformation")).toObject();
    QCOMPARE(info.value(QStringLiteral("manufacturer")).toString(), QStringLiteral("VMS Project"));
    QCOMPARE(info.value(QStringLiteral("model")).toString(), QStringLiteral("Interop Cam"));
    QVERIFY(!info.value(QStringLiteral("firmwareVersion")).toString().isEmpty());
    QVERIFY(!info.value(QStringLiteral("serialNumber")).toString().isEmpty());

    // Profiles: the three, with their encoders and the PTZ configuration.
    const QJsonArray profiles = r.value(QStringLiteral("profiles")).toArray();
    QCOMPARE(profiles.size(), 3);
    const struct
    {
        const char *token, *name, *encoding;
        int width, height;
    } expected[] = {{"main", "MainStream", "H264", 1280, 720},
                    {"sub1", "SubStream1", "H264", 640, 360},
                    {"sub2", "SubStream2", "JPEG", 352, 288}};
    for (int i = 0; i < 3; ++i) {
        const QJsonObject p = profiles.at(i).toObject();
        QCOMPARE(p.value(QStringLiteral("token")).toString(), QLatin1String(expected[i].token));
        QCOMPARE(p.value(QStringLiteral("name")).toString(), QLatin1String(expected[i].name));
        QCOMPARE(p.value(QStringLiteral("encoding")).toString(),
                 QLatin1String(expected[i].encoding));
        QCOMPARE(p.value(QStringLiteral("width")).toInt(), expected[i].width);
        QCOMPARE(p.value(QStringLiteral("height")).toInt(), expected[i].height);
        QCOMPARE(p.value(QStringLiteral("ptzToken")).toString(), QStringLiteral("ptz_config_0"));
    }
    const QJsonObject active = r.value(QStringLiteral("activeSource")).toObject();
    QCOMPARE(active.value(QStringLiteral("sourceToken")).toString(),
             QStringLiteral("video_source_0"));
    QCOMPARE(active.value(QStringLiteral("profileToken")).toString(), QStringLiteral("main"));

    // Stream URIs: --rtsp for the main profile, --rtsp-sub for the others.
    const QJsonObject uris = r.value(QStringLiteral("streamUri")).toObject();
    QCOMPARE(uris.value(QStringLiteral("main")).toString(), kMainRtsp);
    QCOMPARE(uris.value(QStringLiteral("sub1")).toString(), kSubRtsp);

    // Imaging: defaults, the write read back, and an out-of-range write refused and not applied.
    const QJsonObject imaging = r.value(QStringLiteral("imaging")).toObject();
    const QJsonObject before = imaging.value(QStringLiteral("before")).toObject();
    QCOMPARE(before.value(QStringLiteral("brightness")).toDouble(), 50.0);
    QCOMPARE(before.value(QStringLiteral("contrast")).toDouble(), 50.0);
    QVERIFY2(imaging.value(QStringLiteral("setError")).isNull(), dump.constData());
    const QJsonObject after = imaging.value(QStringLiteral("after")).toObject();
    QCOMPARE(after.value(QStringLiteral("brightness")).toDouble(), 70.0);
    QCOMPARE(after.value(QStringLiteral("contrast")).toDouble(), 30.0);
    QCOMPARE(after.value(QStringLiteral("colorSaturation")).toDouble(), 50.0);
    QVERIFY(imaging.value(QStringLiteral("invalidError"))
                    .toString()
                    .contains(QStringLiteral("Brightness")));
    QCOMPARE(imaging.value(QStringLiteral("afterInvalid"))
                     .toObject()
                     .value(QStringLiteral("brightness"))
                     .toDouble(),
             70.0);

    auto pos = [](const QJsonObject &status) {
        return status.value(QStringLiteral("position")).toObject();
    };
    auto near = [](const QJsonObject &p, double x, double y, double zoom) {
        return std::abs(p.value(QStringLiteral("x")).toDouble(-9) - x) < 1e-3
               && std::abs(p.value(QStringLiteral("y")).toDouble(-9) - y) < 1e-3
               && std::abs(p.value(QStringLiteral("zoom")).toDouble(-9) - zoom) < 1e-3;
    };

    // Presets.
    const QJsonObject presets = r.value(QStringLiteral("presets")).toObject();
    QCOMPARE(presets.value(QStringLiteral("initial")).toArray().size(), 0);
    QVERIFY2(presets.value(QStringLiteral("setError")).isNull(), dump.constData());
    const QString token = presets.value(QStringLiteral("token")).toString();
    QCOMPARE(token, QStringLiteral("preset_1"));
    const QJsonArray listed = presets.value(QStringLiteral("listed")).toArray();
    QCOMPARE(listed.size(), 1);
    QCOMPARE(listed.at(0).toObject().value(QStringLiteral("name")).toString(),
             QStringLiteral("Door"));
    QCOMPARE(listed.at(0).toObject().value(QStringLiteral("token")).toString(), token);
    QVERIFY(near(pos(presets.value(QStringLiteral("beforeGoto")).toObject()), -0.5, 0.5, 0));
    QVERIFY2(presets.value(QStringLiteral("gotoError")).isNull(), dump.constData());
    QVERIFY2(near(pos(presets.value(QStringLiteral("afterGoto")).toObject()), 0.3, -0.2, 0.4),
             dump.constData());
    QVERIFY(presets.value(QStringLiteral("duplicateError"))
                    .toString()
                    .contains(QStringLiteral("Door")));
    QVERIFY2(presets.value(QStringLiteral("removeError")).isNull(), dump.constData());
    QCOMPARE(presets.value(QStringLiteral("afterRemove")).toArray().size(), 0);
    QVERIFY(!presets.value(QStringLiteral("gotoRemovedError")).toString().isEmpty());

    // Continuous move: pan 0.5 for about 0.6 s moves right by about 0.3, reports MOVING while
    // it moves and IDLE after Stop, and stays put after Stop.
    const QJsonObject c = r.value(QStringLiteral("continuous")).toObject();
    QVERIFY(near(pos(c.value(QStringLiteral("start")).toObject()), 0, 0, 0));
    QVERIFY2(c.value(QStringLiteral("moveError")).isNull(), dump.constData());
    const QJsonObject during = c.value(QStringLiteral("during")).toObject();
    QCOMPARE(during.value(QStringLiteral("moveStatus"))
                     .toObject()
                     .value(QStringLiteral("panTilt"))
                     .toString(),
             QStringLiteral("MOVING"));
    const double stoppedX = pos(c.value(QStringLiteral("stopped")).toObject())
                                    .value(QStringLiteral("x"))
                                    .toDouble();
    QVERIFY2(stoppedX > 0.2 && stoppedX < 0.6, qPrintable(QString::number(stoppedX)));
    QCOMPARE(pos(c.value(QStringLiteral("stopped")).toObject())
                     .value(QStringLiteral("y"))
                     .toDouble(),
             0.0);
    QCOMPARE(c.value(QStringLiteral("stopped"))
                     .toObject()
                     .value(QStringLiteral("moveStatus"))
                     .toObject()
                     .value(QStringLiteral("panTilt"))
                     .toString(),
             QStringLiteral("IDLE"));
    QCOMPARE(pos(c.value(QStringLiteral("later")).toObject()).value(QStringLiteral("x")).toDouble(),
             stoppedX);

    // Absolute, relative, and an out-of-range absolute move refused without moving.
    const QJsonObject m = r.value(QStringLiteral("moves")).toObject();
    QVERIFY2(m.value(QStringLiteral("absoluteError")).isNull(), dump.constData());
    QVERIFY(near(pos(m.value(QStringLiteral("afterAbsolute")).toObject()), -0.4, 0.6, 0.25));
    QVERIFY2(m.value(QStringLiteral("relativeError")).isNull(), dump.constData());
    QVERIFY(near(pos(m.value(QStringLiteral("afterRelative")).toObject()), -0.2, 0.5, 0.75));
    QVERIFY(!m.value(QStringLiteral("outOfRangeError")).toString().isEmpty());
    QVERIFY(near(pos(m.value(QStringLiteral("afterOutOfRange")).toObject()), -0.2, 0.5, 0.75));

    // Snapshot: a URI on the simulator that serves a real JPEG.
    const QJsonObject s = r.value(QStringLiteral("snapshot")).toObject();
    QVERIFY2(s.value(QStringLiteral("error")).isNull(), dump.constData());
    QCOMPARE(s.value(QStringLiteral("uri")).toString(),
             QStringLiteral("http://127.0.0.1:%1/snapshot.jpg?profile=main").arg(m_sim.port()));
    QCOMPARE(s.value(QStringLiteral("status")).toInt(), 200);
    QCOMPARE(s.value(QStringLiteral("contentType")).toString(), QStringLiteral("image/jpeg"));
    QVERIFY(s.value(QStringLiteral("jpegMagic")).toBool());
    QVERIFY(s.value(QStringLiteral("bytes")).toInt() > 10000);

    // The simulator saw every call, with the values the client sent.
    const QStringList ops = m_sim.operations();
    for (const char *op :
         {"GetSystemDateAndTime", "GetServices", "GetDeviceInformation", "GetProfiles",
          "GetVideoSources", "GetStreamUri", "GetImagingSettings", "SetImagingSettings",
          "GetPresets", "SetPreset", "GotoPreset", "RemovePreset", "ContinuousMove", "Stop",
          "AbsoluteMove", "RelativeMove", "GetStatus", "GetSnapshotUri", "Snapshot"}) {
        QVERIFY2(ops.contains(QLatin1String(op)), op);
    }
    QVERIFY(ops.indexOf(QStringLiteral("ContinuousMove")) < ops.indexOf(QStringLiteral("Stop")));
    const auto move = m_sim.lastCallArgs(QStringLiteral("ContinuousMove"));
    QCOMPARE(move.value(QStringLiteral("pan")), QStringLiteral("0.5"));
    QCOMPARE(move.value(QStringLiteral("tilt")), QStringLiteral("0"));
    QCOMPARE(move.value(QStringLiteral("timeout")), QStringLiteral("10"));
    const auto stop = m_sim.lastCallArgs(QStringLiteral("Stop"));
    QCOMPARE(stop.value(QStringLiteral("pantilt")), QStringLiteral("true"));
    QCOMPARE(stop.value(QStringLiteral("zoom")), QStringLiteral("true"));
    QCOMPARE(m_sim.lastCallArgs(QStringLiteral("GotoPreset")).value(QStringLiteral("token")),
             token);
    QVERIFY(!m_sim.calls().join(QLatin1Char('\n')).contains(QLatin1String("auth-failed")));
}

void TestOnvifInterop::wrongPasswordIsRefused()
{
    QVERIFY2(m_sim.start({QStringLiteral("--rtsp"), kMainRtsp}), qPrintable(m_sim.errorString()));
    QJsonObject r;
    QString error;
    QVERIFY2(runNode(QStringLiteral("connect"), QStringLiteral("wrong-password"), r, error),
             qPrintable(error));
    const QByteArray dump = QJsonDocument(r).toJson(QJsonDocument::Compact);
    qInfo("node result: %s", dump.constData());
    // The client reports the device's NotAuthorized fault, and gets no device information.
    const QString connectError = r.value(QStringLiteral("connectError")).toString();
    QVERIFY2(connectError.contains(QLatin1String("Sender not Authorized"), Qt::CaseInsensitive),
             dump.constData());
    const QJsonObject info = r.value(QStringLiteral("deviceInformation")).toObject();
    QVERIFY2(info.value(QStringLiteral("error"))
                     .toString()
                     .contains(QLatin1String("Sender not Authorized"), Qt::CaseInsensitive),
             dump.constData());
    QVERIFY(!info.contains(QStringLiteral("manufacturer")));
    // The simulator refused the authenticated calls (GetSystemDateAndTime needs none).
    QVERIFY(m_sim.waitForCall(QStringLiteral("GetDeviceInformation"), 2000));
    const QString trace = m_sim.calls().join(QLatin1Char('\n'));
    QVERIFY2(trace.contains(QLatin1String("auth-failed GetDeviceInformation")), qPrintable(trace));
    QVERIFY2(trace.contains(QLatin1String("call GetSystemDateAndTime")), qPrintable(trace));
    QVERIFY2(!trace.contains(QLatin1String("call GetDeviceInformation")), qPrintable(trace));
}

void TestOnvifInterop::clientCorrectsDeviceClockOffset()
{
    // The device clock is two hours ahead: a digest made with the local clock would be refused
    // (tst_onvif_camera_sim checks that); the client corrects with GetSystemDateAndTime.
    QVERIFY2(m_sim.start({QStringLiteral("--rtsp"), kMainRtsp, QStringLiteral("--clock-offset"),
                          QStringLiteral("7200")}),
             qPrintable(m_sim.errorString()));
    QJsonObject r;
    QString error;
    QVERIFY2(runNode(QStringLiteral("connect"), OnvifSimProcess::kPassword, r, error),
             qPrintable(error));
    const QByteArray dump = QJsonDocument(r).toJson(QJsonDocument::Compact);
    QVERIFY2(r.value(QStringLiteral("connectError")).isNull(), dump.constData());
    QCOMPARE(r.value(QStringLiteral("deviceInformation"))
                     .toObject()
                     .value(QStringLiteral("manufacturer"))
                     .toString(),
             QStringLiteral("VMS Project"));
    const QString trace = m_sim.calls().join(QLatin1Char('\n'));
    QVERIFY2(!trace.contains(QLatin1String("auth-failed")), qPrintable(trace));
    // The device's reported time is the real time plus the offset.
    const qint64 utc = m_sim.lastCallArgs(QStringLiteral("GetSystemDateAndTime"))
                               .value(QStringLiteral("utc"))
                               .toLongLong();
    const qint64 expected = QDateTime::currentSecsSinceEpoch() + 7200;
    QVERIFY2(std::abs(utc - expected) < 30, qPrintable(QString::number(utc - expected)));
}

QTEST_GUILESS_MAIN(TestOnvifInterop)
#include "tst_onvif_interop.moc"
