#pragma once

#include <QFuture>
#include <QObject>
#include <QPointer>

#include <utility>

namespace vms::ui {

/**
 * Runs @p handler with the result of @p future on @p client's thread, if @p receiver still
 * exists then. Qt 6.4's then(context, ...) asserts when its context object is destroyed before
 * the future finishes (a panel closed while its request is on the way), so the long-lived API
 * client is the context and a QPointer checks the receiver.
 */
template<typename T, typename Handler>
void thenIfAlive(const QFuture<T> &future, QObject *client, QObject *receiver, Handler handler)
{
    QFuture<T>(future).then(client, [guard = QPointer<QObject>(receiver),
                                     handler = std::move(handler)](const T &value) mutable {
        if (guard)
            handler(value);
    });
}

} // namespace vms::ui
