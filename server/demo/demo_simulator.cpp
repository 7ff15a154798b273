#include "server/demo/demo_simulator.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QProcessEnvironment>
#include <QRandomGenerator>
#include <QStandardPaths>
#include <QTcpServer>

namespace vms::server {

namespace {

const char *const kFile = "demo-ptz-camera.json";

int freeLoopbackPort()
{
    QTcpServer probe;
    if (!probe.listen(QHostAddress::LocalHost, 0))
        return 0;
    return probe.serverPort();
}

QString randomPassword()
{
    // 16 characters: the ONVIF limit for camera passwords.
    static const char alphabet[] = "ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz23456789";
    QString s;
    for (int i = 0; i < 16; ++i)
        s += QLatin1Char(alphabet[QRandomGenerator::system()->bounded(int(sizeof alphabet) - 1)]);
    return s;
}

} // namespace

QString DemoSimulator::programPath()
{
    const QString dir = QCoreApplication::applicationDirPath();
    for (const QString &candidate :
         {dir + QStringLiteral("/onvif-camera-sim"),
          dir + QStringLiteral("/../onvif-camera-sim/onvif-camera-sim")}) {
        if (QFileInfo(candidate).isExecutable())
            return QFileInfo(candidate).canonicalFilePath();
    }
    return QStandardPaths::findExecutable(QStringLiteral("onvif-camera-sim"));
}

std::optional<services::DemoPtzCamera> DemoSimulator::load(const QString &dataDir)
{
    QFile f(QDir(dataDir).filePath(QLatin1String(kFile)));
    if (!f.open(QIODevice::ReadOnly))
        return std::nullopt;
    const QJsonObject o = QJsonDocument::fromJson(f.readAll()).object();
    services::DemoPtzCamera c;
    c.onvifPort = o.value(QStringLiteral("onvif_port")).toInt();
    c.rtspPort = o.value(QStringLiteral("rtsp_port")).toInt();
    c.login = o.value(QStringLiteral("login")).toString();
    c.password = o.value(QStringLiteral("password")).toString();
    if (c.onvifPort <= 0 || c.rtspPort <= 0 || c.login.isEmpty() || c.password.isEmpty())
        return std::nullopt;
    return c;
}

std::optional<services::DemoPtzCamera> DemoSimulator::create(const QString &dataDir)
{
    if (programPath().isEmpty())
        return std::nullopt;
    services::DemoPtzCamera c;
    c.onvifPort = freeLoopbackPort();
    c.rtspPort = freeLoopbackPort();
    while (c.rtspPort == c.onvifPort && c.rtspPort != 0)
        c.rtspPort = freeLoopbackPort();
    c.login = QStringLiteral("admin");
    c.password = randomPassword();
    if (c.onvifPort == 0 || c.rtspPort == 0)
        return std::nullopt;
    QFile f(QDir(dataDir).filePath(QLatin1String(kFile)));
    if (!f.open(QIODevice::WriteOnly | QIODevice::Truncate))
        return std::nullopt;
    f.setPermissions(QFileDevice::ReadOwner | QFileDevice::WriteOwner);
    f.write(QJsonDocument(QJsonObject{{QStringLiteral("onvif_port"), c.onvifPort},
                                      {QStringLiteral("rtsp_port"), c.rtspPort},
                                      {QStringLiteral("login"), c.login},
                                      {QStringLiteral("password"), c.password}})
                    .toJson());
    return c;
}

bool DemoSimulator::start(const services::DemoPtzCamera &camera, QObject *parent)
{
    const QString program = programPath();
    if (program.isEmpty()) {
        qWarning("demo PTZ camera: onvif-camera-sim not found");
        return false;
    }
    auto *process = new QProcess(parent);
    process->setProgram(program);
    process->setArguments({QStringLiteral("--listen"),
                           QStringLiteral("127.0.0.1:%1").arg(camera.onvifPort),
                           QStringLiteral("--user"), camera.login, QStringLiteral("--model"),
                           QStringLiteral("Demo PTZ"), QStringLiteral("--serve-rtsp"),
                           QStringLiteral("127.0.0.1:%1").arg(camera.rtspPort),
                           QStringLiteral("--exit-with-parent")});
    // The password goes through the environment: the process list is readable by every user.
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(QStringLiteral("ONVIF_SIM_PASSWORD"), camera.password);
    process->setProcessEnvironment(env);
    process->setProcessChannelMode(QProcess::ForwardedErrorChannel);
    process->setStandardOutputFile(QProcess::nullDevice());
    process->start();
    if (!process->waitForStarted(5000)) {
        qWarning("demo PTZ camera: %s", qPrintable(process->errorString()));
        delete process;
        return false;
    }
    return true;
}

} // namespace vms::server
