#pragma once

#include "core/storage/page_cursor.h"

#include <QList>
#include <QString>
#include <QVariant>

#include <optional>

namespace vms::storage {

/** Keyset paging of a list ordered by id ascending. */
struct PageRequest
{
    std::optional<qint64> afterId; ///< rows with a greater id only
    int limit = 100;               ///< 0: no limit (the unpaginated lists)

    /** The request that continues after `cursor` (written by Page::next). */
    static PageRequest after(const PageCursor &cursor, int limit) { return {cursor.key, limit}; }
};

/** One page of an id-ordered list; `next` is set when more rows follow. */
template<typename T>
struct Page
{
    QList<T> items;
    std::optional<PageCursor> next;
};

/**
 * Makes a page from rows fetched with LIMIT limit+1: the extra row only says that another page
 * exists. The cursor holds the last id as its key (and, for PageCursor's sake, as its id).
 */
template<typename T, typename IdOf>
Page<T> pageFromRows(QList<T> rows, int limit, IdOf idOf)
{
    Page<T> page;
    if (limit > 0 && rows.size() > limit) {
        rows.resize(limit);
        const qint64 last = idOf(rows.last());
        page.next = PageCursor{last, QString::number(last)};
    }
    page.items = std::move(rows);
    return page;
}

/** " LIMIT ?" with its bind (limit+1, see pageFromRows), or nothing for an unlimited request. */
inline QString limitClause(const PageRequest &page, QVariantList &binds)
{
    if (page.limit <= 0)
        return {};
    binds.append(page.limit + 1);
    return QStringLiteral(" LIMIT ?");
}

} // namespace vms::storage
