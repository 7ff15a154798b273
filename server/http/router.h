#pragma once

#include "server/http/http_types.h"

#include <QList>
#include <QString>
#include <QStringList>

namespace vms::server {

/** Who may call a route. */
struct Access
{
    bool isPublic = false;
    QString permission; ///< empty: any authenticated user
    /** The whole request runs on the slow pool: for routes that always wait on another system
     * (a camera), so that they take one thread hand-off less and never hold a request worker. */
    bool isSlow = false;

    static Access open() { return {true, {}, false}; }
    static Access authenticated() { return {false, {}, false}; }
    static Access need(const QString &permission) { return {false, permission, false}; }
    Access slow() const
    {
        Access a = *this;
        a.isSlow = true;
        return a;
    }
};

/**
 * Path templates like /api/v1/users/{user_id}. Matching prefers literal segments, so
 * /api/v1/users/me wins over /api/v1/users/{user_id}. A path that matches only with another
 * method gives 405 with an Allow header.
 */
class Router
{
public:
    void add(const QString &method, const QString &pathTemplate, Access access, Handler handler);

    struct Route
    {
        QString method;
        QStringList segments; ///< "{x}" marks a placeholder
        Access access;
        Handler handler;
    };

    struct Match
    {
        const Route *route = nullptr;
        QStringList args;
        QStringList allowedMethods; ///< when the path matched but the method did not
    };
    Match match(const QString &method, const QString &path) const;

private:
    QList<Route> m_routes;
};

} // namespace vms::server
