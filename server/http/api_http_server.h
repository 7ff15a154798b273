#pragma once

#include "server/http/router.h"

#include <QAbstractHttpServer>
#include <QThreadPool>

namespace vms::services {
class AuthService;
}

namespace vms::server {

/**
 * The HTTP front: parses nothing itself (QAbstractHttpServer does), but owns routing, the
 * bearer-token gate, permission checks, the body size limit, and the hand-off of slow handlers
 * to a thread pool. Lives on the server thread; responses are always written on it.
 */
class ApiHttpServer : public QAbstractHttpServer
{
    Q_OBJECT
public:
    ApiHttpServer(services::AuthService &auth, qint64 maxBodyBytes, QObject *parent = nullptr);
    ~ApiHttpServer() override;

    Router &router() { return m_router; }
    /** Runs slow handler work (Argon2id, outbound I/O), away from the request workers. */
    QThreadPool &pool() { return m_slowPool; }

protected:
    bool handleRequest(const QHttpServerRequest &request, QTcpSocket *socket) override;
    void missingHandler(const QHttpServerRequest &request, QTcpSocket *socket) override;

private:
    HttpReply dispatch(HttpRequest &req, const Router::Match &match);

    services::AuthService &m_auth;
    qint64 m_maxBodyBytes;
    Router m_router;
    QThreadPool m_pool;     ///< request dispatch: one thread per core
    QThreadPool m_slowPool; ///< deferred handler work
};

} // namespace vms::server
