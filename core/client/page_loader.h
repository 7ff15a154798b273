#pragma once

#include "core/client/page.h"
#include "core/domain/result.h"

#include <QFuture>
#include <QList>
#include <QPointer>
#include <QPromise>
#include <QSet>
#include <QString>

#include <functional>
#include <memory>

namespace vms::client {

/** Fetches the page that starts at a cursor (empty: the first page). */
template<typename T>
using PageFetcher = std::function<QFuture<Result<Page<T>>>(const QString &cursor)>;

/** Pages a full-list load follows at most before it gives up. */
constexpr int kMaxPagesPerList = 10000;

namespace detail {

template<typename T>
struct PageLoadState
{
    QPromise<Result<QList<T>>> promise;
    QList<T> items;
    QSet<QString> seenCursors;
    int pages = 0;
    PageFetcher<T> fetch;
    QPointer<QObject> context;

    void finish(Result<QList<T>> result)
    {
        promise.addResult(std::move(result));
        promise.finish();
    }

    static void next(const std::shared_ptr<PageLoadState> &state, const QString &cursor)
    {
        if (!state->context)
            return; // the promise dies with the state, which cancels the future
        state->fetch(cursor).then(state->context.data(), [state](const Result<Page<T>> &page) {
            if (!page) {
                state->finish(page.error());
                return;
            }
            state->items.append(page->items);
            if (!page->hasMore()) {
                state->finish(std::move(state->items));
                return;
            }
            // A cursor that comes back, or a list without end, would otherwise loop forever.
            if (state->seenCursors.contains(page->nextCursor)
                || ++state->pages >= kMaxPagesPerList) {
                state->finish(Error::internal(
                        QStringLiteral("the server's pagination does not end (cursor %1)")
                                .arg(page->nextCursor)));
                return;
            }
            state->seenCursors.insert(page->nextCursor);
            next(state, page->nextCursor);
        });
    }
};

} // namespace detail

/**
 * Loads a whole cursor-paged list: fetches the first page, then follows `pagination.cursor`
 * until a page comes without one, and answers every item in order. The first failed page fails
 * the whole load. Continuations run in @p context's thread; when @p context is destroyed the
 * load stops and the future is cancelled.
 */
template<typename T>
QFuture<Result<QList<T>>> loadAllPages(QObject *context, PageFetcher<T> fetchPage)
{
    auto state = std::make_shared<detail::PageLoadState<T>>();
    state->fetch = std::move(fetchPage);
    state->context = context;
    state->promise.start();
    QFuture<Result<QList<T>>> future = state->promise.future();
    detail::PageLoadState<T>::next(state, QString());
    return future;
}

} // namespace vms::client
