#pragma once

#include "core/storage/page.h"
#include "server/http/request_reader.h"

#include <QJsonObject>

#include <initializer_list>
#include <optional>

namespace vms::server {

/**
 * Cursor and limit of a list ordered by id. A cursor that this server did not write fails at
 * ["query", "cursor"] (422).
 */
inline storage::PageRequest readIdPage(FieldReader &query)
{
    const PageParams params = readPage(query);
    storage::PageRequest page;
    page.limit = params.limit;
    if (params.cursor) {
        const auto cursor = storage::PageCursor::decode(*params.cursor);
        if (cursor)
            page.afterId = cursor->key;
        else
            query.fail(QStringLiteral("cursor"), QStringLiteral("invalid cursor"),
                       QStringLiteral("value_error.cursor"));
    }
    return page;
}

/** The failures of several readers (query and body) as one 422, or nullopt when all are valid. */
inline std::optional<Error> combinedError(std::initializer_list<const FieldReader *> readers)
{
    std::optional<Error> out;
    for (const FieldReader *r : readers) {
        if (r->isValid())
            continue;
        if (!out)
            out = r->error();
        else
            out->fields.append(r->error().fields);
    }
    return out;
}

/** `pagination`: {cursor} when another page follows, {} on the last page. */
inline QJsonObject paginationJson(const std::optional<storage::PageCursor> &next)
{
    QJsonObject out;
    if (next)
        out.insert(QStringLiteral("cursor"), next->encode());
    return out;
}

} // namespace vms::server
