// onvif-camera-sim on the wire, with hand-made SOAP: its WS-UsernameToken rules (digest and
// text, the Created window against the DEVICE clock, the lenient nonce), its ONVIF faults
// (codes and subcodes as documented in app/onvif-camera-sim/main.cpp), its state (users,
// encoder configurations), and its picture following the PTZ position in snapshots and in its
// own RTSP stream (decoded with the ffmpeg CLI).
#include "tests/support/onvif_sim.h"

#include <QCryptographicHash>
#include <QDateTime>
#include <QEventLoop>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QProcess>
#include <QRandomGenerator>
#include <QRegularExpression>
#include <QTest>
#include <QTimer>

#include <cmath>

using vms::test::OnvifSimProcess;

namespace {

constexpr const char *kTds = "http://www.onvif.org/ver10/device/wsdl";
constexpr const char *kTrt = "http://www.onvif.org/ver10/media/wsdl";
constexpr const char *kTptz = "http://www.onvif.org/ver20/ptz/wsdl";
constexpr const char *kTt = "http://www.onvif.org/ver10/schema";

struct Auth
{
    QString user = OnvifSimProcess::kUser;
    QString password = OnvifSimProcess::kPassword;
    bool digest = true;
    bool none = false;
    qint64 createdShiftSecs = 0; // Created = local clock + shift
    QByteArray nonce;            // random when empty
};

struct Reply
{
    int status = 0;
    QByteArray body;
    QByteArray wwwAuthenticate; ///< the WWW-Authenticate header of a 401
    /** The SOAP fault's Code/Subcode values in order, e.g. {"SOAP-ENV:Sender", "ter:..."}. */
    QStringList codes() const
    {
        QStringList out;
        static const QRegularExpression value(QStringLiteral("<SOAP-ENV:Value>([^<]+)</"));
        auto it = value.globalMatch(QString::fromUtf8(body));
        while (it.hasNext())
            out.append(it.next().captured(1));
        return out;
    }
    QString text(const QString &element) const
    {
        const QRegularExpression re(
                QStringLiteral("<[A-Za-z0-9_-]+:%1(?:\\s[^>]*)?>([^<]*)</").arg(element));
        return re.match(QString::fromUtf8(body)).captured(1);
    }
};

QByteArray envelope(const QString &body, const Auth &auth)
{
    QString header;
    if (!auth.none) {
        const QByteArray nonce = auth.nonce.isEmpty() ? [] {
            QByteArray n(16, '\0');
            QRandomGenerator::global()->fillRange(reinterpret_cast<quint32 *>(n.data()), 4);
            return n;
        }()
                                                      : auth.nonce;
        const QString created = QDateTime::currentDateTimeUtc()
                                        .addSecs(auth.createdShiftSecs)
                                        .toString(Qt::ISODateWithMs);
        const QByteArray material = nonce + created.toUtf8() + auth.password.toUtf8();
        const QByteArray digest
                = QCryptographicHash::hash(material, QCryptographicHash::Sha1).toBase64();
        const QString type
                = auth.digest ? QStringLiteral("PasswordDigest") : QStringLiteral("PasswordText");
        header = QStringLiteral(
                         "<s:Header><Security s:mustUnderstand=\"1\" "
                         "xmlns=\"http://docs.oasis-open.org/wss/2004/01/"
                         "oasis-200401-wss-wssecurity-secext-1.0.xsd\"><UsernameToken>"
                         "<Username>%1</Username><Password Type=\"http://docs.oasis-open.org/wss/"
                         "2004/01/oasis-200401-wss-username-token-profile-1.0#%2\">%3</Password>"
                         "<Nonce>%4</Nonce><Created xmlns=\"http://docs.oasis-open.org/wss/2004/"
                         "01/oasis-200401-wss-wssecurity-utility-1.0.xsd\">%5</Created>"
                         "</UsernameToken></Security></s:Header>")
                         .arg(auth.user, type,
                              auth.digest ? QString::fromLatin1(digest) : auth.password,
                              QString::fromLatin1(nonce.toBase64()), created);
    }
    return QStringLiteral("<?xml version=\"1.0\" encoding=\"UTF-8\"?><s:Envelope "
                          "xmlns:s=\"http://www.w3.org/2003/05/soap-envelope\">%1<s:Body>%2"
                          "</s:Body></s:Envelope>")
            .arg(header, body)
            .toUtf8();
}

} // namespace

class TestOnvifCameraSim : public QObject
{
    Q_OBJECT

private slots:
    void cleanup();
    void getSystemDateAndTimeNeedsNoCredentials();
    void digestAndTextPasswordsAreChecked();
    void createdIsCheckedAgainstTheDeviceClock();
    void nonceMayBeReusedWithinOneSecondOnly();
    void presetFaults();
    void userChangesAndTheirFaults();
    void encoderConfigurationIsValidatedAndStored();
    void noPtzAndNoHomeAreUnsupported();
    void httpDigestIsRequiredWithTheFlag();
    void snapshotFollowsThePtzPosition();
    void rtspPictureFollowsThePtzPosition();

private:
    /** `authorization`: an Authorization header to send as is (QNAM answers no challenge). */
    Reply post(const QString &body, const Auth &auth = {}, const QByteArray &authorization = {});
    Reply get(const QUrl &url);
    /** One decoded frame of url as 160x90 grey pixels (ffmpeg CLI); empty on failure. */
    QByteArray grabFrame(const QString &url);

    OnvifSimProcess m_sim;
    QNetworkAccessManager m_net;
};

Reply TestOnvifCameraSim::post(const QString &body, const Auth &auth,
                               const QByteArray &authorization)
{
    QNetworkRequest request(m_sim.deviceUrl());
    request.setHeader(QNetworkRequest::ContentTypeHeader,
                      QStringLiteral("application/soap+xml; charset=utf-8"));
    if (!authorization.isEmpty())
        request.setRawHeader("Authorization", authorization);
    QNetworkReply *reply = m_net.post(request, envelope(body, auth));
    QEventLoop loop;
    QObject::connect(reply, &QNetworkReply::finished, &loop, &QEventLoop::quit);
    QTimer::singleShot(10000, &loop, &QEventLoop::quit);
    loop.exec();
    Reply r;
    r.status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    r.body = reply->readAll();
    r.wwwAuthenticate = reply->rawHeader("WWW-Authenticate");
    reply->deleteLater();
    return r;
}

Reply TestOnvifCameraSim::get(const QUrl &url)
{
    QNetworkReply *reply = m_net.get(QNetworkRequest(url));
    QEventLoop loop;
    QObject::connect(reply, &QNetworkReply::finished, &loop, &QEventLoop::quit);
    QTimer::singleShot(10000, &loop, &QEventLoop::quit);
    loop.exec();
    Reply r;
    r.status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    r.body = reply->readAll();
    reply->deleteLater();
    return r;
}

void TestOnvifCameraSim::cleanup()
{
    m_sim.stop();
}

static QString op(const char *ns, const QString &name, const QString &inner = {})
{
    return QStringLiteral("<%1 xmlns=\"%2\" xmlns:tt=\"%3\">%4</%1>")
            .arg(name, QLatin1String(ns), QLatin1String(kTt), inner);
}

static QString absoluteMove(double pan, double tilt, double zoom)
{
    return op(kTptz, QStringLiteral("AbsoluteMove"),
              QStringLiteral("<ProfileToken>main</ProfileToken><Position><tt:PanTilt x=\"%1\" "
                             "y=\"%2\"/><tt:Zoom x=\"%3\"/></Position>")
                      .arg(pan)
                      .arg(tilt)
                      .arg(zoom));
}

void TestOnvifCameraSim::getSystemDateAndTimeNeedsNoCredentials()
{
    QVERIFY2(m_sim.start({QStringLiteral("--clock-offset"), QStringLiteral("-86400")}),
             qPrintable(m_sim.errorString()));
    Auth none;
    none.none = true;
    const Reply r = post(op(kTds, QStringLiteral("GetSystemDateAndTime")), none);
    QCOMPARE(r.status, 200);
    // One day behind the real clock (the date part of UTCDateTime).
    const QDate yesterday = QDateTime::currentDateTimeUtc().addSecs(-86400).date();
    QCOMPARE(r.text(QStringLiteral("Year")).toInt(), yesterday.year());
    QCOMPARE(r.text(QStringLiteral("Day")).toInt(), yesterday.day());
    // Any other operation without credentials: HTTP 400, env:Sender / ter:NotAuthorized.
    const Reply denied = post(op(kTds, QStringLiteral("GetDeviceInformation")), none);
    QCOMPARE(denied.status, 400);
    QCOMPARE(denied.codes(),
             (QStringList{QStringLiteral("SOAP-ENV:Sender"), QStringLiteral("ter:NotAuthorized")}));
    QCOMPARE(denied.text(QStringLiteral("Text")), QStringLiteral("Sender not Authorized"));
    QVERIFY(m_sim.waitForCall(QStringLiteral("GetDeviceInformation"), 2000));
    QVERIFY(m_sim.calls().contains(QStringLiteral("auth-failed GetDeviceInformation")));
}

void TestOnvifCameraSim::digestAndTextPasswordsAreChecked()
{
    QVERIFY2(m_sim.start(), qPrintable(m_sim.errorString()));
    const QString body = op(kTds, QStringLiteral("GetDeviceInformation"));
    Reply ok = post(body);
    QCOMPARE(ok.status, 200);
    QCOMPARE(ok.text(QStringLiteral("Manufacturer")), QStringLiteral("VMS Project"));
    QCOMPARE(ok.text(QStringLiteral("Model")), QStringLiteral("SimCam PTZ-1"));
    // The request's security header is not echoed back.
    QVERIFY(!ok.body.contains("UsernameToken"));

    Auth text;
    text.digest = false;
    QCOMPARE(post(body, text).status, 200);

    Auth wrong;
    wrong.password = QStringLiteral("not-it");
    const Reply bad = post(body, wrong);
    QCOMPARE(bad.status, 400);
    QCOMPARE(bad.codes().value(1), QStringLiteral("ter:NotAuthorized"));
    wrong.digest = false;
    QCOMPARE(post(body, wrong).codes().value(1), QStringLiteral("ter:NotAuthorized"));

    Auth unknown;
    unknown.user = QStringLiteral("nobody");
    QCOMPARE(post(body, unknown).status, 400);
    // The other built-in users.
    Auth viewer;
    viewer.user = QStringLiteral("viewer");
    viewer.password = OnvifSimProcess::kPassword; // the extra users start with --password
    QCOMPARE(post(body, viewer).status, 200);
}

void TestOnvifCameraSim::createdIsCheckedAgainstTheDeviceClock()
{
    QVERIFY2(m_sim.start({QStringLiteral("--clock-offset"), QStringLiteral("3600")}),
             qPrintable(m_sim.errorString()));
    const QString body = op(kTds, QStringLiteral("GetDeviceInformation"));
    // Created from the local clock is an hour off for this device: refused.
    QCOMPARE(post(body).status, 400);
    Auth shifted;
    shifted.createdShiftSecs = 3600;
    QCOMPARE(post(body, shifted).status, 200);
    shifted.createdShiftSecs = 3600 + 250; // within 300 s
    QCOMPARE(post(body, shifted).status, 200);
    shifted.createdShiftSecs = 3600 + 400; // beyond
    QCOMPARE(post(body, shifted).status, 400);
    shifted.createdShiftSecs = 3600 - 400;
    QCOMPARE(post(body, shifted).status, 400);
}

void TestOnvifCameraSim::nonceMayBeReusedWithinOneSecondOnly()
{
    QVERIFY2(m_sim.start(), qPrintable(m_sim.errorString()));
    const QString body = op(kTds, QStringLiteral("GetDeviceInformation"));
    Auth a;
    a.nonce = QByteArrayLiteral("0123456789abcdef");
    QCOMPARE(post(body, a).status, 200);
    QCOMPARE(post(body, a).status, 200); // the same nonce within the second: tolerated
    QTest::qWait(1300);
    const Reply replay = post(body, a);
    QCOMPARE(replay.status, 400);
    QCOMPARE(replay.codes().value(1), QStringLiteral("ter:NotAuthorized"));
    a.nonce = QByteArrayLiteral("fedcba9876543210");
    QCOMPARE(post(body, a).status, 200); // a fresh one is fine
}

void TestOnvifCameraSim::presetFaults()
{
    QVERIFY2(m_sim.start({QStringLiteral("--max-presets"), QStringLiteral("1")}),
             qPrintable(m_sim.errorString()));
    auto setPreset = [&](const QString &name) {
        return post(
                op(kTptz, QStringLiteral("SetPreset"),
                   QStringLiteral("<ProfileToken>main</ProfileToken><PresetName>%1</PresetName>")
                           .arg(name)));
    };
    const Reply first = setPreset(QStringLiteral("Gate"));
    QCOMPARE(first.status, 200);
    QCOMPARE(first.text(QStringLiteral("PresetToken")), QStringLiteral("preset_1"));
    const Reply tooMany = setPreset(QStringLiteral("Yard"));
    QCOMPARE(tooMany.status, 500);
    QCOMPARE(tooMany.codes(),
             (QStringList{QStringLiteral("SOAP-ENV:Receiver"), QStringLiteral("ter:Action"),
                          QStringLiteral("ter:TooManyPresets")}));
    // Updating the existing one is not a new preset.
    const Reply update = post(op(kTptz, QStringLiteral("SetPreset"),
                                 QStringLiteral("<ProfileToken>main</ProfileToken>"
                                                "<PresetName>Gate 2</PresetName>"
                                                "<PresetToken>preset_1</PresetToken>")));
    QCOMPARE(update.status, 200);
    const Reply list = post(op(kTptz, QStringLiteral("GetPresets"),
                               QStringLiteral("<ProfileToken>main</ProfileToken>")));
    QCOMPARE(list.text(QStringLiteral("Name")), QStringLiteral("Gate 2"));

    const Reply noToken = post(op(kTptz, QStringLiteral("GotoPreset"),
                                  QStringLiteral("<ProfileToken>main</ProfileToken>"
                                                 "<PresetToken>preset_9</PresetToken>")));
    QCOMPARE(noToken.status, 400);
    QCOMPARE(noToken.codes(),
             (QStringList{QStringLiteral("SOAP-ENV:Sender"), QStringLiteral("ter:InvalidArgVal"),
                          QStringLiteral("ter:NoToken")}));
    QVERIFY(m_sim.waitForCall(QStringLiteral("GotoPreset"), 2000));
    QCOMPARE(m_sim.lastCallArgs(QStringLiteral("GotoPreset")).value(QStringLiteral("fault")),
             QStringLiteral("ter:NoToken"));
    const Reply longName = setPreset(QString(65, QLatin1Char('x')));
    QCOMPARE(longName.codes().value(1), QStringLiteral("ter:InvalidArgVal"));
    const Reply badProfile = post(op(kTptz, QStringLiteral("GetStatus"),
                                     QStringLiteral("<ProfileToken>nope</ProfileToken>")));
    QCOMPARE(badProfile.codes().value(2), QStringLiteral("ter:NoProfile"));
}

void TestOnvifCameraSim::userChangesAndTheirFaults()
{
    QVERIFY2(m_sim.start(), qPrintable(m_sim.errorString()));
    auto setUser = [&](const QString &name, const QString &password) {
        return post(op(kTds, QStringLiteral("SetUser"),
                       QStringLiteral("<User><tt:Username>%1</tt:Username><tt:Password>%2"
                                      "</tt:Password><tt:UserLevel>Operator</tt:UserLevel></User>")
                               .arg(name, password)));
    };
    const Reply missing = setUser(QStringLiteral("ghost"), QStringLiteral("x"));
    QCOMPARE(missing.codes(),
             (QStringList{QStringLiteral("SOAP-ENV:Sender"), QStringLiteral("ter:InvalidArgVal"),
                          QStringLiteral("ter:UsernameMissing")}));
    const Reply tooLong = setUser(QStringLiteral("operator"), QString(17, QLatin1Char('p')));
    QCOMPARE(tooLong.codes().value(2), QStringLiteral("ter:PasswordTooLong"));
    QCOMPARE(setUser(QStringLiteral("operator"), QString(16, QLatin1Char('p'))).status, 200);

    const QString body = op(kTds, QStringLiteral("GetDeviceInformation"));
    Auth oldPassword;
    oldPassword.user = QStringLiteral("operator");
    oldPassword.password = OnvifSimProcess::kPassword;
    QCOMPARE(post(body, oldPassword).status, 400);
    Auth newPassword = oldPassword;
    newPassword.password = QString(16, QLatin1Char('p'));
    QCOMPARE(post(body, newPassword).status, 200);

    const Reply users = post(op(kTds, QStringLiteral("GetUsers")));
    QVERIFY(users.body.contains("<tt:Username>operator</tt:Username>"));
    QVERIFY(!users.body.contains("pppp")); // passwords are never listed
}

void TestOnvifCameraSim::encoderConfigurationIsValidatedAndStored()
{
    QVERIFY2(m_sim.start(), qPrintable(m_sim.errorString()));
    auto setEncoder = [&](const QString &token, int w, int h, int fps, int kbps, int gov) {
        return post(op(kTrt, QStringLiteral("SetVideoEncoderConfiguration"),
                       QStringLiteral("<Configuration token=\"%1\"><tt:Name>Changed</tt:Name>"
                                      "<tt:UseCount>1</tt:UseCount><tt:Encoding>H264</tt:Encoding>"
                                      "<tt:Resolution><tt:Width>%2</tt:Width><tt:Height>%3"
                                      "</tt:Height></tt:Resolution><tt:Quality>60</tt:Quality>"
                                      "<tt:RateControl><tt:FrameRateLimit>%4</tt:FrameRateLimit>"
                                      "<tt:EncodingInterval>1</tt:EncodingInterval>"
                                      "<tt:BitrateLimit>%5</tt:BitrateLimit></tt:RateControl>"
                                      "<tt:H264><tt:GovLength>%6</tt:GovLength><tt:H264Profile>"
                                      "High</tt:H264Profile></tt:H264><tt:Multicast><tt:Address>"
                                      "<tt:Type>IPv4</tt:Type><tt:IPv4Address>0.0.0.0"
                                      "</tt:IPv4Address></tt:Address><tt:Port>0</tt:Port>"
                                      "<tt:TTL>1</tt:TTL><tt:AutoStart>false</tt:AutoStart>"
                                      "</tt:Multicast><tt:SessionTimeout>PT60S</tt:SessionTimeout>"
                                      "</Configuration><ForcePersistence>true</ForcePersistence>")
                               .arg(token)
                               .arg(w)
                               .arg(h)
                               .arg(fps)
                               .arg(kbps)
                               .arg(gov)));
    };
    // Sub streams stop at 704x576; H.264 bitrates at 16384 kbit/s.
    const Reply tooBig = setEncoder(QStringLiteral("sub1"), 1920, 1080, 15, 1024, 30);
    QCOMPARE(tooBig.status, 400);
    QCOMPARE(tooBig.codes().value(1), QStringLiteral("ter:InvalidArgVal"));
    QVERIFY(tooBig.text(QStringLiteral("Text")).contains(QLatin1String("1920x1080")));
    QCOMPARE(setEncoder(QStringLiteral("main"), 1920, 1080, 25, 20000, 50).status, 400);
    QCOMPARE(setEncoder(QStringLiteral("main"), 1920, 1080, 31, 8000, 50).status, 400);
    QCOMPARE(setEncoder(QStringLiteral("nope"), 1920, 1080, 25, 8000, 50).codes().value(2),
             QStringLiteral("ter:NoConfig"));
    // Nothing of the refused requests was stored.
    Reply configs = post(op(kTrt, QStringLiteral("GetVideoEncoderConfigurations")));
    QVERIFY(configs.body.contains("<tt:Width>1280</tt:Width>"));
    QVERIFY(!configs.body.contains("<tt:Width>1920</tt:Width>"));

    QCOMPARE(setEncoder(QStringLiteral("main"), 1920, 1080, 30, 8000, 60).status, 200);
    configs = post(op(kTrt, QStringLiteral("GetVideoEncoderConfigurations")));
    QVERIFY(configs.body.contains("<tt:Width>1920</tt:Width><tt:Height>1080</tt:Height>"));
    QVERIFY(configs.body.contains("<tt:BitrateLimit>8000</tt:BitrateLimit>"));
    QVERIFY(configs.body.contains("<tt:GovLength>60</tt:GovLength>"));
    QVERIFY(configs.body.contains("<tt:H264Profile>High</tt:H264Profile>"));

    const Reply options = post(op(kTrt, QStringLiteral("GetVideoEncoderConfigurationOptions"),
                                  QStringLiteral("<ConfigurationToken>sub1</ConfigurationToken>")));
    QCOMPARE(options.status, 200);
    QVERIFY(options.body.contains("<tt:Width>704</tt:Width>"));
    QVERIFY(!options.body.contains("<tt:Width>1280</tt:Width>"));
    QVERIFY(options.body.contains("<tt:BitrateRange><tt:Min>64</tt:Min><tt:Max>16384</tt:Max>"));
}

void TestOnvifCameraSim::noPtzAndNoHomeAreUnsupported()
{
    QVERIFY2(m_sim.start({QStringLiteral("--no-ptz")}), qPrintable(m_sim.errorString()));
    const Reply move = post(op(kTptz, QStringLiteral("ContinuousMove"),
                               QStringLiteral("<ProfileToken>main</ProfileToken><Velocity>"
                                              "<tt:PanTilt x=\"0.5\" y=\"0\"/></Velocity>")));
    QCOMPARE(move.status, 500);
    QCOMPARE(move.codes(), (QStringList{QStringLiteral("SOAP-ENV:Receiver"),
                                        QStringLiteral("ter:ActionNotSupported")}));
    const Reply caps = post(op(kTds, QStringLiteral("GetCapabilities"),
                               QStringLiteral("<Category>All</Category>")));
    QCOMPARE(caps.status, 200);
    QVERIFY(caps.body.contains("/onvif/media_service"));
    QVERIFY(!caps.body.contains("/onvif/ptz_service"));
    QVERIFY(!post(op(kTrt, QStringLiteral("GetProfiles"))).body.contains("PTZConfiguration"));

    QVERIFY2(m_sim.start({QStringLiteral("--no-home")}), qPrintable(m_sim.errorString()));
    const Reply home = post(op(kTptz, QStringLiteral("GotoHomePosition"),
                               QStringLiteral("<ProfileToken>main</ProfileToken>")));
    QCOMPARE(home.codes().value(1), QStringLiteral("ter:ActionNotSupported"));
    QCOMPARE(post(op(kTptz, QStringLiteral("SetHomePosition"),
                     QStringLiteral("<ProfileToken>main</ProfileToken>")))
                     .codes()
                     .value(1),
             QStringLiteral("ter:ActionNotSupported"));
    QVERIFY(post(op(kTptz, QStringLiteral("GetNodes")))
                    .body.contains("<tt:HomeSupported>false</tt:HomeSupported>"));
    // With PTZ and home: home is stored and applied.
    QVERIFY2(m_sim.start(), qPrintable(m_sim.errorString()));
    QCOMPARE(post(absoluteMove(0.5, 0.25, 0.5)).status, 200);
    QCOMPARE(post(op(kTptz, QStringLiteral("SetHomePosition"),
                     QStringLiteral("<ProfileToken>main</ProfileToken>")))
                     .status,
             200);
    QCOMPARE(post(absoluteMove(-1, -1, 0)).status, 200);
    QCOMPARE(post(op(kTptz, QStringLiteral("GotoHomePosition"),
                     QStringLiteral("<ProfileToken>main</ProfileToken>")))
                     .status,
             200);
    const Reply status = post(op(kTptz, QStringLiteral("GetStatus"),
                                 QStringLiteral("<ProfileToken>main</ProfileToken>")));
    QVERIFY2(status.body.contains("x=\"0.5\" y=\"0.25\""), status.body.constData());
    // An operation the simulator does not know at all.
    QVERIFY(post(op(kTds, QStringLiteral("GetScopes"))).status >= 400);
}

void TestOnvifCameraSim::snapshotFollowsThePtzPosition()
{
    QVERIFY2(m_sim.start(), qPrintable(m_sim.errorString()));
    const Reply uri = post(op(kTrt, QStringLiteral("GetSnapshotUri"),
                              QStringLiteral("<ProfileToken>main</ProfileToken>")));
    const QUrl url(uri.text(QStringLiteral("Uri")));
    QCOMPARE(url.port(), int(m_sim.port()));
    const Reply a = get(url);
    QCOMPARE(a.status, 200);
    QVERIFY(a.body.startsWith("\xff\xd8"));
    const Reply same = get(url);
    QCOMPARE(same.body, a.body); // the same view renders the same picture
    QCOMPARE(post(absoluteMove(0.6, -0.3, 0.5)).status, 200);
    const Reply moved = get(url);
    QCOMPARE(moved.status, 200);
    QVERIFY(moved.body.startsWith("\xff\xd8"));
    QVERIFY(moved.body != a.body);
    QCOMPARE(get(QUrl(QStringLiteral("http://127.0.0.1:%1/nothing").arg(m_sim.port()))).status,
             404);
}

QByteArray TestOnvifCameraSim::grabFrame(const QString &url)
{
    QProcess ffmpeg;
    ffmpeg.start(QStringLiteral("ffmpeg"),
                 {QStringLiteral("-v"), QStringLiteral("error"), QStringLiteral("-rtsp_transport"),
                  QStringLiteral("tcp"), QStringLiteral("-i"), url, QStringLiteral("-frames:v"),
                  QStringLiteral("1"), QStringLiteral("-vf"), QStringLiteral("scale=160:90"),
                  QStringLiteral("-pix_fmt"), QStringLiteral("gray"), QStringLiteral("-f"),
                  QStringLiteral("rawvideo"), QStringLiteral("-")});
    if (!ffmpeg.waitForFinished(30000)) {
        ffmpeg.kill();
        ffmpeg.waitForFinished();
        return {};
    }
    const QByteArray frame = ffmpeg.readAllStandardOutput();
    if (frame.size() != 160 * 90)
        qWarning("ffmpeg: %s", ffmpeg.readAllStandardError().constData());
    return frame.size() == 160 * 90 ? frame : QByteArray();
}

static double meanAbsDiff(const QByteArray &a, const QByteArray &b)
{
    double sum = 0;
    for (qsizetype i = 0; i < a.size(); ++i)
        sum += std::abs(int(quint8(a[i])) - int(quint8(b[i])));
    return sum / double(a.size());
}

void TestOnvifCameraSim::rtspPictureFollowsThePtzPosition()
{
    QVERIFY2(m_sim.start({QStringLiteral("--serve-rtsp"), QStringLiteral("127.0.0.1:0")}),
             qPrintable(m_sim.errorString()));
    const QString live = m_sim.rtspUrl().toString();
    QVERIFY2(live.startsWith(QLatin1String("rtsp://127.0.0.1:"))
                     && live.endsWith(QLatin1String("/live")),
             qPrintable(live));
    // GetStreamUri points at the simulator's own stream.
    QCOMPARE(post(op(kTrt, QStringLiteral("GetStreamUri"),
                     QStringLiteral("<StreamSetup><tt:Stream>RTP-Unicast</tt:Stream><tt:Transport>"
                                    "<tt:Protocol>RTSP</tt:Protocol></tt:Transport></StreamSetup>"
                                    "<ProfileToken>main</ProfileToken>")))
                     .text(QStringLiteral("Uri")),
             live);
    const QString sub = post(op(kTrt, QStringLiteral("GetStreamUri"),
                                QStringLiteral("<StreamSetup><tt:Stream>RTP-Unicast</tt:Stream>"
                                               "<tt:Transport><tt:Protocol>RTSP</tt:Protocol>"
                                               "</tt:Transport></StreamSetup>"
                                               "<ProfileToken>sub1</ProfileToken>")))
                                .text(QStringLiteral("Uri"));
    QCOMPARE(sub, QString(live).replace(QLatin1String("/live"), QLatin1String("/sub")));

    const QByteArray first = grabFrame(live);
    QVERIFY2(!first.isEmpty(), qPrintable(m_sim.simulatorLog()));
    const QByteArray again = grabFrame(live);
    QVERIFY(!again.isEmpty());
    const double still = meanAbsDiff(first, again);
    QCOMPARE(post(absoluteMove(0.9, 0.7, 0.6)).status, 200);
    const QByteArray moved = grabFrame(live);
    QVERIFY(!moved.isEmpty());
    const double afterMove = meanAbsDiff(first, moved);
    qInfo("mean |difference| per pixel: same view %.2f, after the move %.2f", still, afterMove);
    QVERIFY2(still < 4, qPrintable(QString::number(still)));
    QVERIFY2(afterMove > 15, qPrintable(QString::number(afterMove)));
    const QByteArray subFrame = grabFrame(sub);
    QVERIFY(!subFrame.isEmpty());
}

namespace {

/** One attribute of a Digest challenge (quoted or not); empty when absent. */
QByteArray challengeAttribute(const QByteArray &challenge, const char *name)
{
    const QRegularExpression re(
            QStringLiteral("[ ,]%1=(?:\"([^\"]*)\"|([^,\\s]*))").arg(QLatin1String(name)));
    const auto m = re.match(QString::fromLatin1(challenge));
    if (!m.hasMatch())
        return {};
    return (m.capturedLength(1) ? m.captured(1) : m.captured(2)).toLatin1();
}

QByteArray md5Hex(const QByteArray &data)
{
    return QCryptographicHash::hash(data, QCryptographicHash::Md5).toHex();
}

/** An RFC 2617 Authorization header (MD5, qop=auth) for POST /onvif/device_service. */
QByteArray digestAuthorization(const QByteArray &challenge, const QString &user,
                               const QString &password, const QByteArray &nc)
{
    const QByteArray realm = challengeAttribute(challenge, "realm");
    const QByteArray nonce = challengeAttribute(challenge, "nonce");
    const QByteArray opaque = challengeAttribute(challenge, "opaque");
    const QByteArray uri = "/onvif/device_service";
    const QByteArray cnonce = "0a4f113b";
    const QByteArray ha1 = md5Hex(user.toUtf8() + ':' + realm + ':' + password.toUtf8());
    const QByteArray ha2 = md5Hex("POST:" + uri);
    const QByteArray response
            = md5Hex(ha1 + ':' + nonce + ':' + nc + ':' + cnonce + ":auth:" + ha2);
    return "Digest username=\"" + user.toUtf8() + "\", realm=\"" + realm + "\", nonce=\"" + nonce
           + "\", uri=\"" + uri + "\", algorithm=MD5, qop=auth, nc=" + nc + ", cnonce=\"" + cnonce
           + "\", response=\"" + response + "\", opaque=\"" + opaque + "\"";
}

} // namespace

void TestOnvifCameraSim::httpDigestIsRequiredWithTheFlag()
{
    QVERIFY2(m_sim.start({QStringLiteral("--http-digest")}), qPrintable(m_sim.errorString()));
    // The clock stays open: clients need it before they can authenticate at all.
    Auth none;
    none.none = true;
    QCOMPARE(post(op(kTds, QStringLiteral("GetSystemDateAndTime")), none).status, 200);

    // WS-Security alone is not enough: 401 with a Digest challenge.
    const QString body = op(kTds, QStringLiteral("GetDeviceInformation"));
    const Reply challenged = post(body);
    QCOMPARE(challenged.status, 401);
    const QByteArray challenge = challenged.wwwAuthenticate;
    QVERIFY2(challenge.startsWith("Digest "), challenge.constData());
    QCOMPARE(challengeAttribute(challenge, "realm"), QByteArray("onvif-camera-sim"));
    QCOMPARE(challengeAttribute(challenge, "qop"), QByteArray("auth"));
    QCOMPARE(challengeAttribute(challenge, "algorithm"), QByteArray("MD5"));
    QVERIFY(!challengeAttribute(challenge, "nonce").isEmpty());
    QVERIFY(!challengeAttribute(challenge, "opaque").isEmpty());
    QVERIFY(m_sim.waitForCall(QStringLiteral("GetDeviceInformation"), 2000));
    QVERIFY(m_sim.calls().contains(QStringLiteral("auth-failed GetDeviceInformation http-digest")));
    QVERIFY(!m_sim.operations().contains(QStringLiteral("GetDeviceInformation")));

    // The digest computed here, plus WS-Security: the operation runs.
    const QString user = OnvifSimProcess::kUser;
    const QString password = OnvifSimProcess::kPassword;
    const Reply ok = post(body, {}, digestAuthorization(challenge, user, password, "00000001"));
    QCOMPARE(ok.status, 200);
    QCOMPARE(ok.text(QStringLiteral("Manufacturer")), QStringLiteral("VMS Project"));
    QVERIFY(m_sim.operations().contains(QStringLiteral("GetDeviceInformation")));

    // A digest of the wrong password: 401 again, traced as a digest failure.
    m_sim.clearCalls();
    const Reply wrong = post(
            body, {}, digestAuthorization(challenge, user, QStringLiteral("not-it"), "00000002"));
    QCOMPARE(wrong.status, 401);
    QVERIFY(wrong.wwwAuthenticate.startsWith("Digest "));
    QVERIFY(m_sim.waitForCall(QStringLiteral("GetDeviceInformation"), 2000));
    QCOMPARE(m_sim.calls(),
             QStringList{QStringLiteral("auth-failed GetDeviceInformation http-digest")});

    // A good digest does not replace WS-Security: both are checked.
    m_sim.clearCalls();
    const Reply noWsse
            = post(body, none, digestAuthorization(challenge, user, password, "00000003"));
    QCOMPARE(noWsse.status, 400);
    QCOMPARE(noWsse.codes().value(1), QStringLiteral("ter:NotAuthorized"));
    QVERIFY(m_sim.waitForCall(QStringLiteral("GetDeviceInformation"), 2000));
    QCOMPARE(m_sim.calls(), QStringList{QStringLiteral("auth-failed GetDeviceInformation")});

    // A replayed nonce count is refused.
    const Reply replay = post(body, {}, digestAuthorization(challenge, user, password, "00000001"));
    QCOMPARE(replay.status, 401);
}

QTEST_GUILESS_MAIN(TestOnvifCameraSim)
#include "tst_onvif_camera_sim.moc"
