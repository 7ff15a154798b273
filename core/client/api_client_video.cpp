// ApiClient: video — the archive (§18 segments), stream state (§21) and camera snapshots (§19.2).
#include "core/client/api_client.h"

#include "core/client/api_client_p.h"

#include <chrono>

namespace vms::client {

using detail::listParser;
using detail::parseObject;

namespace {

const QString kApi = QStringLiteral("/api/v1");

// Stream and camera ids are UUIDs; percent-encoding keeps a malformed one from changing the path.
QString idPath(const QString &collection, const QString &id, const QString &tail = {})
{
    return kApi + collection + QLatin1Char('/') + QString::fromLatin1(QUrl::toPercentEncoding(id))
           + tail;
}

int defaultPort(const QUrl &url)
{
    return url.port(url.scheme() == QLatin1String("https") ? 443 : 80);
}

Result<QByteArray> bodyOf(const detail::RawReply &reply)
{
    if (!detail::isSuccess(reply))
        return detail::errorOf(reply);
    return reply.body;
}

} // namespace

QFuture<Result<QList<Segment>>> ApiClient::listSegments(const QString &streamId, qint64 tsFromS,
                                                        qint64 tsToS)
{
    QUrlQuery query;
    query.addQueryItem(QStringLiteral("stream_id"), streamId);
    query.addQueryItem(QStringLiteral("ts_from"), QString::number(tsFromS));
    query.addQueryItem(QStringLiteral("ts_to"), QString::number(tsToS));
    return call<QList<Segment>>(
            getRequest(kApi + QStringLiteral("/segments"), query),
            listParser<Segment>(QLatin1String("segments"), QLatin1String("SegmentsResponse")));
}

QFuture<Result<StreamStatus>> ApiClient::streamStatus(const QString &streamId)
{
    return call<StreamStatus>(getRequest(idPath(QStringLiteral("/streams"), streamId)),
                              &parseObject<StreamStatus>);
}

QFuture<Result<StreamInfo>> ApiClient::streamInfo(const QString &streamId)
{
    return call<StreamInfo>(
            getRequest(idPath(QStringLiteral("/streams"), streamId, QStringLiteral("/info"))),
            &parseObject<StreamInfo>);
}

QFuture<Result<QByteArray>> ApiClient::cameraSnapshot(const QString &cameraId)
{
    Request request = getRequest(idPath(QStringLiteral("/camerasnapshots"), cameraId));
    request.accept = QByteArrayLiteral("image/jpeg, */*");
    return call<QByteArray>(request, &bodyOf);
}

QFuture<Result<QByteArray>> ApiClient::segmentData(const QUrl &segmentUrl)
{
    const bool isThisServer
            = segmentUrl.scheme() == m_baseUrl.scheme()
              && segmentUrl.host().compare(m_baseUrl.host(), Qt::CaseInsensitive) == 0
              && defaultPort(segmentUrl) == defaultPort(m_baseUrl);
    if (!isThisServer)
        return QtFuture::makeReadyFuture(Result<QByteArray>(Error::invalid(
                QStringLiteral("the segment URL %1 is not on this server")
                        .arg(segmentUrl.toString(QUrl::RemoveQuery | QUrl::RemoveUserInfo)))));
    // Requests are relative to the base URL, whose path the segment URL already contains.
    QString path = segmentUrl.path();
    QString basePath = m_baseUrl.path();
    while (basePath.endsWith(QLatin1Char('/')))
        basePath.chop(1);
    if (!basePath.isEmpty() && path.startsWith(basePath + QLatin1Char('/')))
        path = path.mid(basePath.size());
    Request request = getRequest(path, QUrlQuery(segmentUrl));
    request.accept = QByteArrayLiteral("video/mp2t, */*");
    // A segment is megabytes where other replies are kilobytes: give a slow link time.
    request.timeout = std::chrono::seconds(60);
    return call<QByteArray>(request, &bodyOf);
}

} // namespace vms::client
