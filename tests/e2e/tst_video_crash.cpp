// Crash safety of the recorder: vms-server records a camera of the RTSP test server, gets
// SIGKILL in the middle of a segment, and is started again on the same data directory. The
// index and the files must agree (every indexed segment exists and decodes, no .part file of
// the killed run is left), nothing indexed before the kill is lost, at most the open segment is,
// and recording resumes.
#include "tests/support/api_client.h"
#include "tests/support/media_probe.h"
#include "tests/support/rtsp_test_server.h"

#include <QDeadlineTimer>
#include <QDir>
#include <QDirIterator>
#include <QProcess>
#include <QRegularExpression>
#include <QSet>
#include <QTemporaryDir>
#include <QUrlQuery>
#include <QtTest>

using vms::test::ApiTestClient;
using vms::test::decodeMedia;
using vms::test::Reply;
using vms::test::RtspTestServer;

namespace {

const QString kLogin = QStringLiteral("crash@example.com");
const QString kPassword = QStringLiteral("Crash-test-password-42");

} // namespace

class TstVideoCrash : public QObject
{
    Q_OBJECT

private slots:
    void killNineWhileRecording();

private:
    /** Starts vms-server on the data dir; the base URL, or empty with a QFAIL message. */
    QUrl startServer(QProcess &process, const QString &dataDir);
    QString login(const QUrl &url);
    QJsonArray segments(ApiTestClient &client, const QString &cameraId);
    static QStringList partFiles(const QString &dataDir);
};

QUrl TstVideoCrash::startServer(QProcess &process, const QString &dataDir)
{
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(QStringLiteral("VMS_ADMIN_LOGIN"), kLogin);
    env.insert(QStringLiteral("VMS_ADMIN_PASSWORD"), kPassword);
    process.setProcessEnvironment(env);
    process.setProcessChannelMode(QProcess::MergedChannels);
    process.start(QStringLiteral(VMS_SERVER_BINARY),
                  {QStringLiteral("--listen"), QStringLiteral("127.0.0.1:0"),
                   QStringLiteral("--data-dir"), dataDir, QStringLiteral("--segment-seconds"),
                   QStringLiteral("2")});
    QByteArray output;
    QDeadlineTimer deadline(20000);
    static const QRegularExpression urlRe(
            QStringLiteral("serving on (http://127\\.0\\.0\\.1:\\d+)"));
    while (!deadline.hasExpired()) {
        process.waitForReadyRead(200);
        output += process.readAll();
        const auto m = urlRe.match(QString::fromUtf8(output));
        if (m.hasMatch())
            return QUrl(m.captured(1));
        if (process.state() == QProcess::NotRunning)
            break;
    }
    qWarning("vms-server did not start: %s", output.constData());
    return {};
}

QString TstVideoCrash::login(const QUrl &url)
{
    ApiTestClient client(url);
    const Reply r = client.postForm(QStringLiteral("/api/v1/token"),
                                    {{QStringLiteral("grant_type"), QStringLiteral("password")},
                                     {QStringLiteral("username"), kLogin},
                                     {QStringLiteral("password"), kPassword}});
    return r.object().value(QStringLiteral("access_token")).toString();
}

QJsonArray TstVideoCrash::segments(ApiTestClient &client, const QString &cameraId)
{
    const qint64 now = QDateTime::currentSecsSinceEpoch();
    const Reply r = client.get(QStringLiteral("/api/v1/segments?stream_id=%1&ts_from=%2&ts_to=%3")
                                       .arg(cameraId)
                                       .arg(now - 3600)
                                       .arg(now + 60));
    return r.object().value(QStringLiteral("segments")).toArray();
}

QStringList TstVideoCrash::partFiles(const QString &dataDir)
{
    QStringList out;
    QDirIterator it(QDir(dataDir).filePath(QStringLiteral("archive")), {QStringLiteral("*.part")},
                    QDir::Files, QDirIterator::Subdirectories);
    while (it.hasNext())
        out.append(it.next());
    return out;
}

void TstVideoCrash::killNineWhileRecording()
{
    RtspTestServer rtsp;
    QVERIFY2(rtsp.start(), qPrintable(rtsp.errorString()));
    QTemporaryDir data;
    QVERIFY(data.isValid());

    QProcess first;
    const QUrl url = startServer(first, data.path());
    QVERIFY(url.isValid());
    ApiTestClient client(url);
    client.setBearer(login(url));
    QVERIFY(!client.bearer().isEmpty());
    const Reply place = client.post(QStringLiteral("/api/v1/places"),
                                    QJsonObject{{QStringLiteral("name"), QStringLiteral("Yard")}});
    QCOMPARE(place.status, 200);
    const Reply camera = client.post(
            QStringLiteral("/api/v1/cameras"),
            QJsonObject{{QStringLiteral("name"), QStringLiteral("Yard cam")},
                        {QStringLiteral("place_id"), place.object().value(QStringLiteral("id"))},
                        {QStringLiteral("source"),
                         QJsonObject{{QStringLiteral("url"), rtsp.url().toString()}}}});
    QCOMPARE(camera.status, 200);
    const QString cameraId = camera.object().value(QStringLiteral("id")).toString();

    // Record a few segments, then kill in the middle of the next one.
    QJsonArray before;
    QDeadlineTimer deadline(40000);
    while (!deadline.hasExpired() && before.size() < 3) {
        QTest::qWait(500);
        before = segments(client, cameraId);
    }
    QVERIFY2(before.size() >= 3, "no recording before the kill");
    QTest::qWait(1000);
    before = segments(client, cameraId);
    const QStringList openBeforeKill = partFiles(data.path());
    first.kill(); // SIGKILL: no chance to close anything
    QVERIFY(first.waitForFinished(10000));
    QVERIFY2(!openBeforeKill.isEmpty(), "expected an open segment at the kill");
    const qint64 killedAt = QDateTime::currentSecsSinceEpoch();

    QProcess second;
    const QUrl url2 = startServer(second, data.path());
    QVERIFY(url2.isValid());
    ApiTestClient client2(url2);
    client2.setBearer(login(url2));
    QVERIFY(!client2.bearer().isEmpty());

    // Nothing indexed before the kill is lost; at most the open segment is.
    const QJsonArray after = segments(client2, cameraId);
    QSet<qint64> afterStarts;
    for (const QJsonValue &v : after)
        afterStarts.insert(qint64(v[QStringLiteral("ts_start")].toDouble()));
    for (const QJsonValue &v : before)
        QVERIFY(afterStarts.contains(qint64(v[QStringLiteral("ts_start")].toDouble())));
    // The killed run's open segment was recovered (MPEG-TS survives truncation): the archive
    // now holds more than was indexed at the kill.
    QVERIFY2(after.size() > before.size(), qPrintable(QStringLiteral("%1 segments before, %2 after")
                                                              .arg(before.size())
                                                              .arg(after.size())));
    // No .part file of the killed run is left behind.
    for (const QString &part : openBeforeKill)
        QVERIFY2(!QFile::exists(part), qPrintable(part));
    // Every indexed segment is there and decodes.
    ApiTestClient anon(url2);
    anon.setBearer(client2.bearer());
    for (const QJsonValue &v : after) {
        const QUrl segmentUrl(v[QStringLiteral("segment_url")].toString());
        const Reply bytes = anon.get(segmentUrl.path());
        QCOMPARE(bytes.status, 200);
        QTemporaryDir dir;
        QFile f(dir.filePath(QStringLiteral("s.ts")));
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write(bytes.body);
        f.close();
        const auto decoded = decodeMedia(f.fileName());
        QVERIFY2(decoded.isValid(), qPrintable(decoded.error));
    }
    // Recording resumed.
    bool resumed = false;
    deadline = QDeadlineTimer(40000);
    while (!deadline.hasExpired() && !resumed) {
        QTest::qWait(500);
        for (const QJsonValue &v : segments(client2, cameraId))
            resumed = resumed || qint64(v[QStringLiteral("ts_start")].toDouble()) > killedAt;
    }
    QVERIFY2(resumed, "recording did not resume after the restart");
    second.terminate();
    QVERIFY(second.waitForFinished(15000));
    rtsp.stop();
}

QTEST_GUILESS_MAIN(TstVideoCrash)
#include "tst_video_crash.moc"
