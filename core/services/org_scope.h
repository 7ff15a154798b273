#pragma once

#include "core/services/principal.h"
#include "core/storage/page_cursor.h"

#include <QList>

#include <optional>

namespace vms::services {

/**
 * The organization a caller is confined to: nullopt for superusers, who see every organization.
 * Objects of other organizations are reported as missing (404), never as forbidden.
 */
inline std::optional<qint64> orgScope(const Principal &who)
{
    if (who.user.isSuperuser)
        return std::nullopt;
    return who.user.organizationId;
}

inline bool isVisibleTo(const Principal &who, qint64 organizationId)
{
    return who.user.isSuperuser || who.user.organizationId == organizationId;
}

/** Where a cursor-paged list starts and how long a page is. */
struct PageRequest
{
    std::optional<storage::PageCursor> after;
    int limit = 100;
};

/** One page of a keyset-paged list; `next` is set when more items follow. */
template<typename T>
struct Page
{
    QList<T> items;
    std::optional<storage::PageCursor> next;
};

/**
 * Trims a fetch of limit + 1 rows to a page. `cursorOf` gives the cursor of an item; the next
 * cursor is that of the page's last item.
 */
template<typename T, typename CursorOf>
Page<T> toPage(QList<T> rows, int limit, CursorOf cursorOf)
{
    Page<T> page;
    const bool hasMore = rows.size() > limit;
    if (hasMore)
        rows.resize(limit);
    page.items = std::move(rows);
    if (hasMore && !page.items.isEmpty())
        page.next = cursorOf(page.items.last());
    return page;
}

} // namespace vms::services
