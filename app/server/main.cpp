// vms-server: the headless server. Same core and server libraries as the console, no widgets.
#include "server/server_host.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QDir>
#include <QSocketNotifier>
#include <QStandardPaths>
#include <QTextStream>

#include <csignal>
#include <sys/socket.h>
#include <unistd.h>

namespace {

int g_signalFd[2] = {-1, -1};

void onSignal(int)
{
    const char c = 1;
    [[maybe_unused]] auto n = ::write(g_signalFd[0], &c, 1);
}

} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    QCoreApplication::setApplicationName(QStringLiteral("vms-server"));
    QCoreApplication::setOrganizationName(QStringLiteral("vms"));
    QCoreApplication::setApplicationVersion(QStringLiteral(VMS_VERSION));

    QCommandLineParser parser;
    parser.setApplicationDescription(
            QStringLiteral("VMS headless server: REST API, recording, analytics"));
    parser.addHelpOption();
    parser.addVersionOption();
    const QCommandLineOption listenOpt(
            QStringLiteral("listen"),
            QStringLiteral(
                    "Address and port to listen on (default 127.0.0.1:8470; port 0 picks one)."),
            QStringLiteral("ADDR:PORT"), QStringLiteral("127.0.0.1:8470"));
    const QCommandLineOption dataOpt(QStringLiteral("data-dir"), QStringLiteral("Data directory."),
                                     QStringLiteral("DIR"));
    const QCommandLineOption dbOpt(
            QStringLiteral("db"),
            QStringLiteral("Database: a SQLite path or postgresql://user:pass@host:port/db."),
            QStringLiteral("URL"));
    const QCommandLineOption noIngestOpt(
            QStringLiteral("no-ingest"),
            QStringLiteral("Serve the API only: do not connect to, record or watch the cameras."));
    const QCommandLineOption segmentOpt(
            QStringLiteral("segment-seconds"),
            QStringLiteral("Length of recorded segments, cut at the next keyframe (default 10)."),
            QStringLiteral("SECONDS"), QStringLiteral("10"));
    const QCommandLineOption quotaOpt(
            QStringLiteral("archive-quota-gb"),
            QStringLiteral("Size limit of the whole archive; the oldest video goes first (default: "
                           "none, only each camera's video_storage limits)."),
            QStringLiteral("GB"));
    const QCommandLineOption groupOpt(
            QStringLiteral("scheduler-group"),
            QStringLiteral("This stream server's group: cameras of another group are left to "
                           "other servers."),
            QStringLiteral("NAME"));
    const QCommandLineOption tagsOpt(QStringLiteral("scheduler-tags"),
                                     QStringLiteral("This stream server's tags, comma-separated."),
                                     QStringLiteral("TAGS"));
    const QCommandLineOption demoOpt(
            QStringLiteral("demo-site"),
            QStringLiteral("On the first start, create a demo site of test-pattern cameras."));
    parser.addOptions({listenOpt, dataOpt, dbOpt, noIngestOpt, segmentOpt, quotaOpt, groupOpt,
                       tagsOpt, demoOpt});
    parser.process(app);

    QTextStream out(stdout);
    QTextStream err(stderr);

    const QString listen = parser.value(listenOpt);
    const int colon = listen.lastIndexOf(QLatin1Char(':'));
    bool portOk = false;
    const uint port = colon > 0 ? listen.mid(colon + 1).toUInt(&portOk) : 0;
    QHostAddress address(
            colon > 0 ? listen.left(colon).remove(QLatin1Char('[')).remove(QLatin1Char(']'))
                      : QString());
    if (!portOk || port > 65535 || address.isNull()) {
        err << "vms-server: --listen must be ADDR:PORT, e.g. 127.0.0.1:8470\n";
        return 2;
    }

    vms::server::ServerOptions options;
    options.address = address;
    options.port = quint16(port);
    options.dataDir
            = parser.isSet(dataOpt)
                      ? parser.value(dataOpt)
                      : QStandardPaths::writableLocation(QStandardPaths::AppLocalDataLocation);
    options.dbUrl = parser.value(dbOpt);
    options.adminLogin = qEnvironmentVariable("VMS_ADMIN_LOGIN");
    options.adminPassword = qEnvironmentVariable("VMS_ADMIN_PASSWORD");
    options.ingest = !parser.isSet(noIngestOpt);
    options.demoSite = parser.isSet(demoOpt);
    bool segmentOk = false;
    options.segmentSeconds = parser.value(segmentOpt).toInt(&segmentOk);
    if (!segmentOk || options.segmentSeconds < 1 || options.segmentSeconds > 600) {
        err << "vms-server: --segment-seconds must be 1..600\n";
        return 2;
    }
    if (parser.isSet(quotaOpt)) {
        bool quotaOk = false;
        const double gb = parser.value(quotaOpt).toDouble(&quotaOk);
        if (!quotaOk || gb <= 0) {
            err << "vms-server: --archive-quota-gb must be a positive number\n";
            return 2;
        }
        options.maxArchiveBytes = qint64(gb * 1024 * 1024 * 1024);
    }
    if (parser.isSet(groupOpt))
        options.schedulerGroup = parser.value(groupOpt);
    if (parser.isSet(tagsOpt))
        options.schedulerTags = parser.value(tagsOpt).split(QLatin1Char(','), Qt::SkipEmptyParts);

    vms::server::ServerHost host(options);
    auto url = host.start();
    if (!url) {
        err << "vms-server: " << url.error().message << '\n';
        return 1;
    }
    if (auto admin = host.generatedAdmin()) {
        out << "Created the administrator account (shown only once; change the password):\n"
            << "  login:    " << admin->login << '\n'
            << "  password: " << admin->password << '\n';
    }
    out << "vms-server " << QCoreApplication::applicationVersion() << " serving on "
        << url->toString() << " (data: " << QDir(options.dataDir).absolutePath() << ")\n";
    out.flush();

    // SIGINT/SIGTERM end the event loop cleanly (self-pipe: only write() in the handler).
    if (::socketpair(AF_UNIX, SOCK_STREAM, 0, g_signalFd) == 0) {
        auto *notifier = new QSocketNotifier(g_signalFd[1], QSocketNotifier::Read, &app);
        QObject::connect(notifier, &QSocketNotifier::activated, &app, [] {
            char c;
            [[maybe_unused]] auto n = ::read(g_signalFd[1], &c, 1);
            QCoreApplication::quit();
        });
        std::signal(SIGINT, onSignal);
        std::signal(SIGTERM, onSignal);
    }
    const int rc = app.exec();
    host.stop();
    return rc;
}
