#include "server/server_host.h"

#include "core/services/backend.h"
#include "core/services/demo_site.h"
#include "server/demo/demo_simulator.h"
#include "server/http/api_http_server.h"
#include "server/routes/routes.h"

#include <QCoreApplication>
#include <QDir>
#include <QThread>

#ifdef __GLIBC__
#include <malloc.h>
#endif

namespace vms::server {

QStringList defaultModelDirs()
{
    QStringList dirs;
    const QString fromEnv = qEnvironmentVariable("VMS_MODEL_DIR");
    if (!fromEnv.isEmpty())
        dirs.append(fromEnv);
    if (QCoreApplication::instance()) {
        dirs.append(QDir::cleanPath(QCoreApplication::applicationDirPath()
                                    + QStringLiteral("/../share/vms/models")));
    }
#ifdef VMS_BUILD_MODEL_DIR
    dirs.append(QStringLiteral(VMS_BUILD_MODEL_DIR));
#endif
    return dirs;
}

struct ServerHost::Impl
{
    ServerOptions options;
    QThread thread;
    QObject *anchor = nullptr; ///< lives on `thread`; target of the blocking invocations
    std::unique_ptr<services::Backend> backend;
    std::unique_ptr<ApiHttpServer> http;
    QUrl url;
    std::optional<GeneratedAdmin> generatedAdmin;
};

ServerHost::ServerHost(ServerOptions options)
    : d(std::make_unique<Impl>())
{
    d->options = std::move(options);
}

ServerHost::~ServerHost()
{
    stop();
}

Result<QUrl> ServerHost::start()
{
    if (d->anchor)
        return d->url;
#ifdef __GLIBC__
    // Answers of tens of KiB are allocated and freed on every request. With glibc's dynamic
    // thresholds, freeing them trimmed the heap and the next request faulted the pages back
    // in (madvise + page faults were ~5% of a GET /cameras benchmark). Keep freed memory.
    mallopt(M_MMAP_THRESHOLD, 4 * 1024 * 1024);
    mallopt(M_TRIM_THRESHOLD, 64 * 1024 * 1024);
#endif
    d->thread.setObjectName(QStringLiteral("vms-http"));
    d->thread.start();
    d->anchor = new QObject;
    d->anchor->moveToThread(&d->thread);

    Result<QUrl> result = Error::internal(QStringLiteral("server did not start"));
    QMetaObject::invokeMethod(
            d->anchor,
            [this, &result] {
                services::BackendOptions bo;
                bo.dataDir = d->options.dataDir;
                bo.dbUrl = d->options.dbUrl;
                bo.adminLogin = d->options.adminLogin;
                bo.adminPassword = d->options.adminPassword;
                bo.clock = d->options.clock;
                bo.modelDirs = d->options.modelDirs.isEmpty() ? defaultModelDirs()
                                                              : d->options.modelDirs;
                auto backend = services::Backend::open(bo);
                if (!backend) {
                    result = backend.error();
                    return;
                }
                d->backend = std::move(*backend);
                d->http = std::make_unique<ApiHttpServer>(d->backend->auth(),
                                                          d->options.maxBodyBytes);
                registerTokenRoutes(*d->http, *d->backend);
                registerUsersRoutes(*d->http, *d->backend);
                registerAuditLogRoutes(*d->http, *d->backend);
                registerHelloRoutes(*d->http, *d->backend);
                registerSourcesV2Routes(*d->http, *d->backend);
                registerOrganizationRoutes(*d->http, *d->backend);
                registerGroupRoutes(*d->http, *d->backend);
                registerRoleRoutes(*d->http, *d->backend);
                registerPermissionRoutes(*d->http, *d->backend);
                registerUploadsRoutes(*d->http, *d->backend);
                registerPlacesRoutes(*d->http, *d->backend);
                registerPlansRoutes(*d->http, *d->backend);
                registerCamerasRoutes(*d->http, *d->backend);
                registerOrionRoutes(*d->http, *d->backend);
                registerSegmentsRoutes(*d->http, *d->backend);
                registerStreamsRoutes(*d->http, *d->backend);
                registerOnvifRoutes(*d->http, *d->backend);
                const quint16 port = d->http->listen(d->options.address, d->options.port);
                if (port == 0) {
                    result = Error::unavailable(QStringLiteral("cannot listen on %1:%2")
                                                        .arg(d->options.address.toString())
                                                        .arg(d->options.port));
                    d->http.reset();
                    d->backend.reset();
                    return;
                }
                QUrl url;
                url.setScheme(QStringLiteral("http"));
                const QHostAddress a = d->options.address;
                url.setHost(a == QHostAddress::Any || a == QHostAddress::AnyIPv4
                                    ? QStringLiteral("127.0.0.1")
                                    : a.toString());
                url.setPort(port);
                d->url = url;
                if (d->options.demoSite) {
                    // The simulated PTZ camera: configured on the first start, run on each.
                    const QString dataDir = d->backend->dataDir();
                    auto ptz = DemoSimulator::load(dataDir);
                    if (d->backend->bootstrap().isCreated) {
                        if (!ptz)
                            ptz = DemoSimulator::create(dataDir);
                        if (Status s = services::createDemoSite(*d->backend,
                                                                d->backend->bootstrap().login, ptz);
                            !s)
                            qWarning("demo site not created: %s", qPrintable(s.error().message));
                    }
                    if (ptz)
                        DemoSimulator::start(*ptz, d->anchor);
                }
                if (d->options.ingest) {
                    services::StreamServerOptions so;
                    so.host = url.authority();
                    so.schedulerGroup = d->options.schedulerGroup;
                    so.tags = d->options.schedulerTags;
                    so.segmentSeconds = d->options.segmentSeconds;
                    so.maxArchiveBytes = d->options.maxArchiveBytes;
                    if (Status s = d->backend->streams().start(so); !s) {
                        result = s.error();
                        d->http.reset();
                        d->backend.reset();
                        return;
                    }
                }
                const auto &boot = d->backend->bootstrap();
                if (boot.isCreated && !boot.generatedPassword.isEmpty())
                    d->generatedAdmin = GeneratedAdmin{boot.login, boot.generatedPassword};
                result = url;
            },
            Qt::BlockingQueuedConnection);
    if (!result)
        stop();
    return result;
}

void ServerHost::stop()
{
    if (!d->anchor)
        return;
    QMetaObject::invokeMethod(
            d->anchor,
            [this] {
                // The HTTP server (and its worker pool) goes first: workers use the backend.
                d->http.reset();
                d->backend.reset();
            },
            Qt::BlockingQueuedConnection);
    d->anchor->deleteLater();
    d->anchor = nullptr;
    d->thread.quit();
    d->thread.wait();
}

QUrl ServerHost::url() const
{
    return d->url;
}

std::optional<GeneratedAdmin> ServerHost::generatedAdmin() const
{
    return d->generatedAdmin;
}

} // namespace vms::server
