// vms-console: the operator console. The composition root: it starts the embedded server (or
// points the client at a remote one), loads translations and hands over to the UI controller.
#include "core/client/api_client.h"
#include "core/client/device_identity.h"
#include "server/server_host.h"
#include "ui/console_controller.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QDir>
#include <QLibraryInfo>
#include <QLocale>
#include <QSettings>
#include <QStandardPaths>
#include <QStyle>
#include <QTcpServer>
#include <QTranslator>

#include <cstdio>
#include <memory>
#include <optional>

#ifndef VMS_VERSION
#define VMS_VERSION "0.0.0"
#endif

namespace {

constexpr quint16 kDefaultPort = 8470;
const QString kLastLoginKey = QStringLiteral("session/last_login");
// ServerOptions documents this login for an empty adminLogin.
const QString kDefaultAdminLogin = QStringLiteral("admin@localhost");

// Translation context of the command line and console messages.
class ConsoleMain
{
    Q_DECLARE_TR_FUNCTIONS(ConsoleMain)
};

void printOut(const QString &text)
{
    std::fputs(text.toLocal8Bit().constData(), stdout);
    std::fflush(stdout);
}

void printError(const QString &text)
{
    std::fputs(text.toLocal8Bit().constData(), stderr);
    std::fflush(stderr);
}

// --lang must be known before the parser exists, because the parser's help texts are translated.
QString languageArgument(const QStringList &arguments)
{
    for (qsizetype i = 1; i < arguments.size(); ++i) {
        const QString &arg = arguments.at(i);
        if ((arg == QLatin1String("--lang") || arg == QLatin1String("-lang"))
            && i + 1 < arguments.size())
            return arguments.at(i + 1);
        for (const QLatin1String prefix : {QLatin1String("--lang="), QLatin1String("-lang=")}) {
            if (arg.startsWith(prefix))
                return arg.mid(prefix.size());
        }
    }
    return {};
}

struct ListenAddress
{
    QHostAddress address;
    quint16 port = 0;
};

std::optional<ListenAddress> parseListenAddress(const QString &text)
{
    const qsizetype colon = text.lastIndexOf(QLatin1Char(':'));
    if (colon <= 0)
        return std::nullopt;
    QString host = text.left(colon);
    if (host.startsWith(QLatin1Char('[')) && host.endsWith(QLatin1Char(']')))
        host = host.mid(1, host.size() - 2);
    bool isNumber = false;
    const uint port = text.mid(colon + 1).toUInt(&isNumber);
    if (!isNumber || port > 65535)
        return std::nullopt;
    ListenAddress listen;
    listen.port = quint16(port);
    if (host == QLatin1String("localhost"))
        listen.address = QHostAddress(QHostAddress::LocalHost);
    else if (!listen.address.setAddress(host))
        return std::nullopt;
    return listen;
}

bool isPortFree(const QHostAddress &address, quint16 port)
{
    QTcpServer probe;
    return probe.listen(address, port);
}

} // namespace

int main(int argc, char *argv[])
{
    QApplication app(argc, argv);
    QCoreApplication::setOrganizationName(QStringLiteral("vms"));
    QCoreApplication::setApplicationName(QStringLiteral("vms-console"));
    QCoreApplication::setApplicationVersion(QStringLiteral(VMS_VERSION));
    QApplication::setWindowIcon(app.style()->standardIcon(QStyle::SP_ComputerIcon));

    const QString language = languageArgument(QCoreApplication::arguments());
    const QLocale locale = language.isEmpty() ? QLocale::system() : QLocale(language);
    if (!language.isEmpty())
        QLocale::setDefault(locale);
    QTranslator appTranslator;
    if (appTranslator.load(locale, QStringLiteral("vms"), QStringLiteral("_"),
                           QStringLiteral(":/i18n")))
        QCoreApplication::installTranslator(&appTranslator);
    QTranslator qtTranslator;
    if (qtTranslator.load(locale, QStringLiteral("qtbase"), QStringLiteral("_"),
                          QLibraryInfo::path(QLibraryInfo::TranslationsPath)))
        QCoreApplication::installTranslator(&qtTranslator);

    QCommandLineParser parser;
    parser.setApplicationDescription(ConsoleMain::tr(
            "VMS Console: the operator console of the video management system. Without "
            "--connect it runs its own server."));
    parser.addHelpOption();
    parser.addVersionOption();
    const QCommandLineOption connectOption(
            QStringLiteral("connect"),
            ConsoleMain::tr("Connect to the remote server at <url> instead of running the built-in "
                            "server."),
            ConsoleMain::tr("url"));
    const QCommandLineOption dataDirOption(
            QStringLiteral("data-dir"),
            ConsoleMain::tr(
                    "Keep the built-in server's data in <dir> (default: the user's data folder)."),
            ConsoleMain::tr("dir"));
    const QCommandLineOption dbOption(
            QStringLiteral("db"),
            ConsoleMain::tr(
                    "Database of the built-in server: a PostgreSQL URL or an SQLite file (default: "
                    "SQLite in the data folder)."),
            ConsoleMain::tr("url"));
    const QCommandLineOption listenOption(QStringLiteral("listen"),
                                          ConsoleMain::tr("Address and port of the built-in server "
                                                          "(default: 127.0.0.1:%1, or a free port "
                                                          "when that one is taken).")
                                                  .arg(kDefaultPort),
                                          ConsoleMain::tr("addr:port"));
    const QCommandLineOption langOption(
            QStringLiteral("lang"),
            ConsoleMain::tr(
                    "User interface language, e.g. en or ru (default: the system language)."),
            ConsoleMain::tr("code"));
    parser.addOptions({connectOption, dataDirOption, dbOption, listenOption, langOption});
    parser.process(app);

    QSettings settings;
    vms::ui::LoginDefaults loginDefaults;
    std::unique_ptr<vms::server::ServerHost> server;
    QUrl serverUrl;
    const bool isThickLegal = parser.isSet(connectOption);

    if (isThickLegal) {
        serverUrl = QUrl::fromUserInput(parser.value(connectOption));
        const QString scheme = serverUrl.scheme();
        if (!serverUrl.isValid() || serverUrl.host().isEmpty()
            || (scheme != QLatin1String("http") && scheme != QLatin1String("https"))) {
            printError(ConsoleMain::tr("vms-console: --connect needs an http:// or https:// URL, "
                                       "got \"%1\".\n")
                               .arg(parser.value(connectOption)));
            return 2;
        }
        for (const QCommandLineOption *ignored : {&dataDirOption, &dbOption, &listenOption}) {
            if (parser.isSet(*ignored))
                printError(ConsoleMain::tr(
                                   "vms-console: --%1 applies to the built-in server only; ignored "
                                   "with --connect.\n")
                                   .arg(ignored->names().constFirst()));
        }
        loginDefaults.login = settings.value(kLastLoginKey).toString();
    } else {
        vms::server::ServerOptions options;
        options.dataDir
                = parser.isSet(dataDirOption)
                          ? parser.value(dataDirOption)
                          : QStandardPaths::writableLocation(QStandardPaths::AppLocalDataLocation);
        if (!QDir().mkpath(options.dataDir)) {
            printError(ConsoleMain::tr("vms-console: cannot create the data folder %1.\n")
                               .arg(options.dataDir));
            return 1;
        }
        options.dbUrl = parser.value(dbOption);
        options.adminLogin = qEnvironmentVariable("VMS_ADMIN_LOGIN");
        options.adminPassword = qEnvironmentVariable("VMS_ADMIN_PASSWORD");
        options.ingest = true;   // the embedded server records the site's cameras
        options.demoSite = true; // a first start shows the test-pattern cameras of the demo site
        if (parser.isSet(listenOption)) {
            const auto listen = parseListenAddress(parser.value(listenOption));
            if (!listen) {
                printError(ConsoleMain::tr(
                                   "vms-console: --listen needs ADDRESS:PORT, e.g. 127.0.0.1:%1.\n")
                                   .arg(kDefaultPort));
                return 2;
            }
            options.address = listen->address;
            options.port = listen->port;
        } else {
            options.address = QHostAddress(QHostAddress::LocalHost);
            // Checked up front instead of retrying a failed start: a start that created the
            // administrator with a generated password must be the one that reports it.
            options.port = isPortFree(options.address, kDefaultPort) ? kDefaultPort : 0;
        }

        server = std::make_unique<vms::server::ServerHost>(options);
        const vms::Result<QUrl> started = server->start();
        if (!started) {
            printError(ConsoleMain::tr("vms-console: the built-in server did not start: %1\n")
                               .arg(started.error().message));
            return 1;
        }
        serverUrl = *started;
        printOut(ConsoleMain::tr("Built-in server: %1\n").arg(serverUrl.toString()));

        if (const auto admin = server->generatedAdmin()) {
            printOut(ConsoleMain::tr("Created the administrator account (shown only once):\n"
                                     "  login:    %1\n"
                                     "  password: %2\n"
                                     "Change the password after signing in.\n")
                             .arg(admin->login, admin->password));
            loginDefaults.login = admin->login;
            loginDefaults.generatedPassword = admin->password;
        } else {
            loginDefaults.login
                    = options.adminLogin.isEmpty() ? kDefaultAdminLogin : options.adminLogin;
        }
    }

    int exitCode = 0;
    {
        vms::client::ApiClient client(serverUrl);
        if (isThickLegal)
            client.enableThickLegal(vms::client::loadOrCreateDeviceUuid(settings));

        vms::ui::ConsoleController controller(&client, loginDefaults);
        // The controller ends the application: between the sign-in dialog and the main window
        // there is a moment without any window, which must not count as "last window closed".
        QApplication::setQuitOnLastWindowClosed(false);
        QObject::connect(&controller, &vms::ui::ConsoleController::finished, &app,
                         &QCoreApplication::quit);
        controller.start();
        exitCode = QApplication::exec();
        if (isThickLegal && !controller.lastLogin().isEmpty())
            settings.setValue(kLastLoginKey, controller.lastLogin());
    }
    if (server)
        server->stop();
    return exitCode;
}
