#pragma once

// Internals shared by the api_client*.cpp files: reply parsing and ApiClient::call. Not part of
// the client's API; include it from those files only.

#include "core/client/api_client.h"
#include "core/client/page.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QPromise>

#include <memory>

namespace vms::client::detail {

/** The error a failed reply stands for: a network error, or the API's error body. */
Error errorOf(const RawReply &reply);

inline bool isSuccess(const RawReply &reply)
{
    return reply.httpStatus >= 200 && reply.httpStatus < 300;
}

/** The reply body as a JSON object, or the error of a failed or non-JSON reply. */
Result<QJsonObject> jsonObjectOf(const RawReply &reply);

template<typename T>
Result<T> parseObject(const RawReply &reply)
{
    Result<QJsonObject> json = jsonObjectOf(reply);
    if (!json)
        return json.error();
    return T::fromJson(*json);
}

/** Any 2xx answers Ok; the body (StatusOk or nothing) carries nothing to read. */
Status parseNoContent(const RawReply &reply);

/** A parser for a cursor-paged list whose items sit under @p listKey. */
template<typename T>
std::function<Result<Page<T>>(const RawReply &)> pageParser(QLatin1String listKey,
                                                            QLatin1String typeName)
{
    return [listKey, typeName](const RawReply &reply) -> Result<Page<T>> {
        Result<QJsonObject> json = jsonObjectOf(reply);
        if (!json)
            return json.error();
        return Page<T>::fromJson(*json, listKey, typeName);
    };
}

/** A parser for an unpaged `{<listKey>: [...]}` reply. */
template<typename T>
std::function<Result<QList<T>>(const RawReply &)> listParser(QLatin1String listKey,
                                                             QLatin1String typeName)
{
    return [listKey, typeName](const RawReply &reply) -> Result<QList<T>> {
        Result<QJsonObject> json = jsonObjectOf(reply);
        if (!json)
            return json.error();
        JsonReader r(*json, typeName);
        QList<T> items = r.template list<T>(listKey);
        if (!r.ok())
            return r.error();
        return items;
    };
}

} // namespace vms::client::detail

namespace vms::client {

template<typename T>
QFuture<Result<T>> ApiClient::call(const Request &request,
                                   std::function<Result<T>(const RawReply &)> parse)
{
    auto promise = std::make_shared<QPromise<Result<T>>>();
    promise->start();
    QFuture<Result<T>> future = promise->future();
    send(request, [promise, parse = std::move(parse)](const RawReply &reply) {
        promise->addResult(parse(reply));
        promise->finish();
    });
    return future;
}

} // namespace vms::client
