#include "server/http/router.h"

namespace vms::server {

namespace {

bool isPlaceholder(const QString &segment)
{
    return segment.startsWith(QLatin1Char('{')) && segment.endsWith(QLatin1Char('}'));
}

} // namespace

void Router::add(const QString &method, const QString &pathTemplate, Access access, Handler handler)
{
    m_routes.append({method, pathTemplate.split(QLatin1Char('/'), Qt::SkipEmptyParts), access,
                     std::move(handler)});
}

Router::Match Router::match(const QString &method, const QString &path) const
{
    const QStringList segments = path.split(QLatin1Char('/'), Qt::SkipEmptyParts);
    Match best;
    int bestScore = -1;
    QStringList allowed;
    for (const Route &route : m_routes) {
        if (route.segments.size() != segments.size())
            continue;
        int score = 0;
        bool ok = true;
        QStringList args;
        for (int i = 0; i < segments.size(); ++i) {
            const QString &pattern = route.segments.at(i);
            if (isPlaceholder(pattern)) {
                args.append(segments.at(i));
            } else if (pattern == segments.at(i)) {
                // Earlier literal segments weigh more: /users/me beats /users/{id}.
                score += 1 << (segments.size() - i);
            } else {
                ok = false;
                break;
            }
        }
        if (!ok)
            continue;
        if (route.method != method) {
            if (!allowed.contains(route.method))
                allowed.append(route.method);
            continue;
        }
        if (score > bestScore) {
            bestScore = score;
            best.route = &route;
            best.args = args;
        }
    }
    if (!best.route)
        best.allowedMethods = allowed;
    return best;
}

} // namespace vms::server
