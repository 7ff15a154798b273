#pragma once

#include "core/client/json_reader.h"
#include "core/domain/result.h"

#include <QJsonObject>
#include <QLatin1String>
#include <QList>
#include <QString>
#include <QUrlQuery>

namespace vms::client {

/**
 * Where a cursor-paged list starts and how long a page is. An empty cursor asks for the first
 * page; limit 0 leaves the page size to the server (the API accepts 10..1000).
 */
struct PageRequest
{
    QString cursor;
    int limit = 0;

    /** Adds cursor and limit to @p query, leaving out what is unset. */
    void addTo(QUrlQuery &query) const
    {
        if (!cursor.isEmpty())
            query.addQueryItem(QStringLiteral("cursor"), cursor);
        if (limit > 0)
            query.addQueryItem(QStringLiteral("limit"), QString::number(limit));
    }
};

/** The page size the client asks for when it loads a whole list page by page. */
constexpr int kFullListPageSize = 500;

/** One page of a cursor-paged list: `{pagination: {cursor?}, <items>: [...]}`. */
template<typename T>
struct Page
{
    QList<T> items;
    QString nextCursor; ///< empty on the last page

    bool hasMore() const { return !nextCursor.isEmpty(); }

    /**
     * Parses a page whose items sit under @p listKey. Both `pagination` and the list are
     * required; a cursor that is present must be a string.
     */
    static Result<Page<T>> fromJson(const QJsonObject &json, QLatin1String listKey,
                                    QLatin1String typeName)
    {
        detail::JsonReader r(json, typeName);
        const QJsonObject pagination = r.object(QLatin1String("pagination"));
        Page<T> page;
        page.items = r.template list<T>(listKey);
        if (r.ok()) {
            detail::JsonReader p(pagination, typeName);
            page.nextCursor = p.string(QLatin1String("cursor"), false);
            if (!p.ok())
                return p.error();
        }
        if (!r.ok())
            return r.error();
        return page;
    }
};

} // namespace vms::client
