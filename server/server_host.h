#pragma once

#include "core/domain/clock.h"
#include "core/domain/result.h"

#include <QHostAddress>
#include <QString>
#include <QStringList>
#include <QUrl>

#include <memory>
#include <optional>

namespace vms::server {

struct ServerOptions
{
    QHostAddress address = QHostAddress(QHostAddress::LocalHost);
    quint16 port = 0;   ///< 0 picks a free port
    QString dataDir;    ///< required: database (sqlite), signing key, uploads
    QString dbUrl;      ///< empty: sqlite at dataDir/vms.db; "postgresql://user@host:port/db" or a
                        ///< sqlite path
    QString adminLogin; ///< bootstrap superuser login (email); empty: "admin@localhost"
    QString adminPassword; ///< bootstrap password; empty: generated once and reported
    qint64 maxBodyBytes = 64LL * 1024 * 1024;
    std::shared_ptr<Clock> clock; ///< null: system clock
    QStringList modelDirs;        ///< where to look for the face models, in order; empty: defaults
    /**
     * Ingest and record the cameras (§21-§23). Off unless asked for: the programs turn it on,
     * and tests that do not test video keep their cameras' made-up addresses unvisited.
     */
    bool ingest = false;
    std::optional<QString> schedulerGroup; ///< this stream server's group (§22)
    QStringList schedulerTags;
    int segmentSeconds = 10;
    qint64 maxArchiveBytes = 0; ///< quota of the whole archive; 0: none
    /** On the first start (empty database): create the demo site of test-pattern cameras. */
    bool demoSite = false;
};

/**
 * Where the face models are looked for by default: $VMS_MODEL_DIR when set, then
 * <executable>/../share/vms/models (the installed package), then the models of this build.
 */
QStringList defaultModelDirs();

/** Credentials of the bootstrap superuser when this start created it with a generated password. */
struct GeneratedAdmin
{
    QString login;
    QString password;
};

/**
 * Runs the whole backend (storage, services, HTTP API) on a thread of its own.
 * Used by vms-server, by vms-console (embedded mode) and by the API tests.
 * All methods are called from the owning thread.
 */
class ServerHost
{
public:
    explicit ServerHost(ServerOptions options);
    ~ServerHost();
    ServerHost(const ServerHost &) = delete;
    ServerHost &operator=(const ServerHost &) = delete;

    /** Opens the database, migrates, bootstraps and listens. Blocks until listening or failed. */
    Result<QUrl> start();
    /** Stops listening and joins the server thread. Idempotent. */
    void stop();

    QUrl url() const;
    /** Set when this start created the bootstrap superuser with a generated password. */
    std::optional<GeneratedAdmin> generatedAdmin() const;

private:
    struct Impl;
    std::unique_ptr<Impl> d;
};

} // namespace vms::server
