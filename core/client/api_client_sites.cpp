// ApiClient: sites (places §12, plans §13, cameras §2) and uploads (§25).
#include "core/client/api_client.h"

#include "core/client/api_client_p.h"
#include "core/client/page_loader.h"

#include <QJsonArray>

namespace vms::client {

using detail::listParser;
using detail::pageParser;
using detail::parseNoContent;
using detail::parseObject;

namespace {

const QString kApi = QStringLiteral("/api/v1");

QString path(const QString &collection, qint64 id, const QString &tail = {})
{
    return kApi + collection + QLatin1Char('/') + QString::number(id) + tail;
}

// Camera and upload ids are UUIDs chosen by the server; percent-encoding keeps a malformed one
// from changing the path.
QString path(const QString &collection, const QString &id, const QString &tail = {})
{
    return kApi + collection + QLatin1Char('/') + QString::fromLatin1(QUrl::toPercentEncoding(id))
           + tail;
}

QUrlQuery pageQuery(const PageRequest &page)
{
    QUrlQuery query;
    page.addTo(query);
    return query;
}

PageRequest fullListPage(const QString &cursor)
{
    return {cursor, kFullListPageSize};
}

} // namespace

// --- places ---

QFuture<Result<QList<Place>>> ApiClient::places(const PlaceFilter &filter)
{
    QUrlQuery query;
    if (filter.withoutGroups)
        query.addQueryItem(QStringLiteral("without_groups"), QStringLiteral("true"));
    if (filter.groupId)
        query.addQueryItem(QStringLiteral("group_id"), QString::number(*filter.groupId));
    // The reply has the page shape, but the API gives this list no cursor parameter: the server
    // answers every match at once, so there is no next page to follow.
    const auto parsePage
            = pageParser<Place>(QLatin1String("places"), QLatin1String("PlacesResponse"));
    return call<QList<Place>>(getRequest(kApi + QStringLiteral("/places"), query),
                              [parsePage](const RawReply &reply) -> Result<QList<Place>> {
                                  Result<Page<Place>> page = parsePage(reply);
                                  if (!page)
                                      return page.error();
                                  return std::move(page->items);
                              });
}

QFuture<Result<Place>> ApiClient::place(qint64 id)
{
    return call<Place>(getRequest(path(QStringLiteral("/places"), id)), &parseObject<Place>);
}

QFuture<Result<Place>> ApiClient::createPlace(const PlaceInput &input)
{
    return call<Place>(jsonRequest(QByteArrayLiteral("POST"), kApi + QStringLiteral("/places"),
                                   input.toJson()),
                       &parseObject<Place>);
}

QFuture<Result<Place>> ApiClient::updatePlace(qint64 id, const PlaceInput &input)
{
    return call<Place>(jsonRequest(QByteArrayLiteral("PUT"), path(QStringLiteral("/places"), id),
                                   input.toJson()),
                       &parseObject<Place>);
}

QFuture<Status> ApiClient::deletePlace(qint64 id)
{
    return call<Ok>(deleteRequest(path(QStringLiteral("/places"), id)), &parseNoContent);
}

QFuture<Result<Page<Place>>> ApiClient::searchPlaces(const QString &query, const PageRequest &page)
{
    Request request
            = jsonRequest(QByteArrayLiteral("POST"), kApi + QStringLiteral("/places/search"),
                          QJsonObject{{QStringLiteral("query"), query}});
    request.query = pageQuery(page);
    return call<Page<Place>>(
            request, pageParser<Place>(QLatin1String("places"), QLatin1String("PlacesResponse")));
}

QFuture<Result<Page<Plan>>> ApiClient::placePlans(qint64 placeId, const PageRequest &page)
{
    return call<Page<Plan>>(
            getRequest(path(QStringLiteral("/places"), placeId, QStringLiteral("/plans")),
                       pageQuery(page)),
            pageParser<Plan>(QLatin1String("plans"), QLatin1String("PlansResponse")));
}

QFuture<Result<QList<Plan>>> ApiClient::allPlacePlans(qint64 placeId)
{
    return loadAllPages<Plan>(this, [this, placeId](const QString &cursor) {
        return placePlans(placeId, fullListPage(cursor));
    });
}

QFuture<Result<Page<Camera>>> ApiClient::placeCameras(qint64 placeId, bool withoutPlans,
                                                      const PageRequest &page)
{
    QUrlQuery query = pageQuery(page);
    if (withoutPlans)
        query.addQueryItem(QStringLiteral("without_plans"), QStringLiteral("true"));
    return call<Page<Camera>>(
            getRequest(path(QStringLiteral("/places"), placeId, QStringLiteral("/cameras")), query),
            pageParser<Camera>(QLatin1String("cameras"), QLatin1String("CamerasResponse")));
}

QFuture<Result<QList<Camera>>> ApiClient::allPlaceCameras(qint64 placeId, bool withoutPlans)
{
    return loadAllPages<Camera>(this, [this, placeId, withoutPlans](const QString &cursor) {
        return placeCameras(placeId, withoutPlans, fullListPage(cursor));
    });
}

// --- plans ---

QFuture<Result<Page<Plan>>> ApiClient::plans(const PageRequest &page, std::optional<qint64> groupId)
{
    QUrlQuery query = pageQuery(page);
    if (groupId)
        query.addQueryItem(QStringLiteral("group_id"), QString::number(*groupId));
    return call<Page<Plan>>(
            getRequest(kApi + QStringLiteral("/plans"), query),
            pageParser<Plan>(QLatin1String("plans"), QLatin1String("PlansResponse")));
}

QFuture<Result<QList<Plan>>> ApiClient::allPlans(std::optional<qint64> groupId)
{
    return loadAllPages<Plan>(this, [this, groupId](const QString &cursor) {
        return plans(fullListPage(cursor), groupId);
    });
}

QFuture<Result<Plan>> ApiClient::plan(qint64 id)
{
    return call<Plan>(getRequest(path(QStringLiteral("/plans"), id)), &parseObject<Plan>);
}

QFuture<Result<Plan>> ApiClient::createPlan(const PlanInput &input)
{
    return call<Plan>(
            jsonRequest(QByteArrayLiteral("POST"), kApi + QStringLiteral("/plans"), input.toJson()),
            &parseObject<Plan>);
}

QFuture<Result<Plan>> ApiClient::updatePlan(qint64 id, const PlanInput &input)
{
    return call<Plan>(jsonRequest(QByteArrayLiteral("PUT"), path(QStringLiteral("/plans"), id),
                                  input.toJson()),
                      &parseObject<Plan>);
}

QFuture<Status> ApiClient::deletePlan(qint64 id)
{
    return call<Ok>(deleteRequest(path(QStringLiteral("/plans"), id)), &parseNoContent);
}

QFuture<Result<Page<PlanCamera>>> ApiClient::planCameras(qint64 planId, const PageRequest &page)
{
    return call<Page<PlanCamera>>(
            getRequest(path(QStringLiteral("/plans"), planId, QStringLiteral("/cameras")),
                       pageQuery(page)),
            pageParser<PlanCamera>(QLatin1String("cameras"), QLatin1String("PlanCamerasResponse")));
}

QFuture<Result<QList<PlanCamera>>> ApiClient::allPlanCameras(qint64 planId)
{
    return loadAllPages<PlanCamera>(this, [this, planId](const QString &cursor) {
        return planCameras(planId, fullListPage(cursor));
    });
}

QFuture<Status> ApiClient::addPlanCameras(qint64 planId, const QStringList &cameraIds)
{
    return call<Ok>(jsonRequest(QByteArrayLiteral("POST"),
                                path(QStringLiteral("/plans"), planId, QStringLiteral("/cameras")),
                                QJsonObject{{QStringLiteral("camera_ids"),
                                             QJsonArray::fromStringList(cameraIds)}}),
                    &parseNoContent);
}

QFuture<Status> ApiClient::removePlanCameras(qint64 planId, const QStringList &cameraIds)
{
    return call<Ok>(jsonRequest(QByteArrayLiteral("DELETE"),
                                path(QStringLiteral("/plans"), planId, QStringLiteral("/cameras")),
                                QJsonObject{{QStringLiteral("camera_ids"),
                                             QJsonArray::fromStringList(cameraIds)}}),
                    &parseNoContent);
}

QFuture<Result<PlanCameraPosition>>
ApiClient::setPlanCameraPosition(qint64 planId, const QString &cameraId, double x, double y)
{
    const QString target = path(QStringLiteral("/plans"), planId, QStringLiteral("/cameras/"))
                           + QString::fromLatin1(QUrl::toPercentEncoding(cameraId))
                           + QStringLiteral("/position");
    return call<PlanCameraPosition>(
            jsonRequest(QByteArrayLiteral("PUT"), target,
                        QJsonObject{{QStringLiteral("x"), x}, {QStringLiteral("y"), y}}),
            &parseObject<PlanCameraPosition>);
}

// --- cameras ---

QFuture<Result<Page<Camera>>> ApiClient::cameras(const CameraQuery &query)
{
    return call<Page<Camera>>(
            getRequest(kApi + QStringLiteral("/cameras"), query.toUrlQuery(false)),
            pageParser<Camera>(QLatin1String("cameras"), QLatin1String("CamerasResponse")));
}

QFuture<Result<QList<Camera>>> ApiClient::allCameras(const CameraQuery &query)
{
    return loadAllPages<Camera>(this, [this, query](const QString &cursor) {
        CameraQuery pageQuery = query;
        pageQuery.page = fullListPage(cursor);
        return cameras(pageQuery);
    });
}

QFuture<Result<Camera>> ApiClient::camera(const QString &id, bool withOrigin)
{
    QUrlQuery query;
    if (withOrigin)
        query.addQueryItem(QStringLiteral("with_origin"), QStringLiteral("true"));
    return call<Camera>(getRequest(path(QStringLiteral("/cameras"), id), query),
                        &parseObject<Camera>);
}

QFuture<Result<Camera>> ApiClient::createCamera(const CameraInput &input, bool withOrigin)
{
    Request request = jsonRequest(QByteArrayLiteral("POST"), kApi + QStringLiteral("/cameras"),
                                  input.toJson());
    if (withOrigin)
        request.query.addQueryItem(QStringLiteral("with_origin"), QStringLiteral("true"));
    return call<Camera>(request, &parseObject<Camera>);
}

QFuture<Result<Camera>> ApiClient::updateCamera(const QString &id, const CameraInput &input,
                                                bool withOrigin)
{
    Request request = jsonRequest(QByteArrayLiteral("PUT"), path(QStringLiteral("/cameras"), id),
                                  input.toJson());
    if (withOrigin)
        request.query.addQueryItem(QStringLiteral("with_origin"), QStringLiteral("true"));
    return call<Camera>(request, &parseObject<Camera>);
}

QFuture<Status> ApiClient::deleteCamera(const QString &id)
{
    return call<Ok>(deleteRequest(path(QStringLiteral("/cameras"), id)), &parseNoContent);
}

QFuture<Result<Page<Camera>>> ApiClient::searchCameras(const QString &query,
                                                       const CameraQuery &filter)
{
    Request request
            = jsonRequest(QByteArrayLiteral("POST"), kApi + QStringLiteral("/cameras/search"),
                          QJsonObject{{QStringLiteral("query"), query}});
    request.query = filter.toUrlQuery(true);
    return call<Page<Camera>>(request, pageParser<Camera>(QLatin1String("cameras"),
                                                          QLatin1String("CamerasResponse")));
}

QFuture<Result<QList<Camera>>> ApiClient::searchAllCameras(const QString &query,
                                                           const CameraQuery &filter)
{
    return loadAllPages<Camera>(this, [this, query, filter](const QString &cursor) {
        CameraQuery pageQuery = filter;
        pageQuery.page = fullListPage(cursor);
        return searchCameras(query, pageQuery);
    });
}

// --- uploads ---

QFuture<Result<QList<Upload>>> ApiClient::upload(UploadKind kind, const QByteArray &data,
                                                 const QString &fileName,
                                                 const QByteArray &contentType)
{
    const FormData form = encodeFormData(
            {{QStringLiteral("upload_data"), fileName,
              contentType.isEmpty() ? QByteArrayLiteral("application/octet-stream") : contentType,
              data}});
    Request request;
    request.verb = QByteArrayLiteral("POST");
    request.path = kApi + QStringLiteral("/uploads");
    request.query.addQueryItem(QStringLiteral("kind"), uploadKindName(kind));
    request.body = form.body;
    request.contentType = form.contentType();
    return call<QList<Upload>>(request, listParser<Upload>(QLatin1String("uploads"),
                                                           QLatin1String("UploadsResponse")));
}

QFuture<Result<Upload>> ApiClient::uploadInfo(const QString &id)
{
    return call<Upload>(getRequest(path(QStringLiteral("/uploads"), id)), &parseObject<Upload>);
}

QFuture<Result<QByteArray>> ApiClient::uploadContent(const QString &id)
{
    Request request = getRequest(path(QStringLiteral("/uploads"), id, QStringLiteral("/content")));
    request.accept = QByteArrayLiteral("*/*");
    return call<QByteArray>(request, [](const RawReply &reply) -> Result<QByteArray> {
        if (!detail::isSuccess(reply))
            return detail::errorOf(reply);
        return reply.body;
    });
}

} // namespace vms::client
