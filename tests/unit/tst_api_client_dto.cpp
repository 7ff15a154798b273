// The client's wire types of the organization model and sites, parsed strictly from JSON; the
// multipart/form-data encoder of uploads (checked against the server's strict parser); and the
// cursor-following page loader. No network.
#include "core/client/multipart_encoder.h"
#include "core/client/organization_dto.h"
#include "core/client/page_loader.h"
#include "core/client/site_dto.h"
#include "server/http/multipart.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QTest>

using namespace vms;
using namespace vms::client;

namespace {

QJsonObject json(const char *text)
{
    QJsonParseError error;
    const QJsonDocument doc = QJsonDocument::fromJson(QByteArray(text), &error);
    if (!doc.isObject())
        qFatal("bad test JSON: %s", qPrintable(error.errorString()));
    return doc.object();
}

// JSON escapes the slashes of the URLs: moc reads "//" inside a raw string as a comment.
const char *const kCameraJson = R"({
    "id": "0b9f5c1e-8a51-4a4e-9d7b-3f3e7c2a1d10", "name": "Gate",
    "source": {"url": "rtsp:\/\/cam\/main", "substream_url": "rtsp:\/\/cam\/sub", "transport": "udp",
               "vendor_hint": "x"},
    "video_analytics": {"motion": true},
    "place_id": 7, "onvif_host": "10.0.0.5", "onvif_port": 8080, "onvif_login": "admin",
    "scheduler_group": "north", "scheduler_tags": ["a", "b"],
    "created_at": "2026-03-10T12:00:00.000Z", "updated_at": "2026-03-10T12:05:00.000Z",
    "origin": {"plan_id": 3, "plan_name": "Floor 1", "place_id": 7, "place_name": "HQ"},
    "plan_id": 3})";

// A page loader's fetcher that serves pre-made pages keyed by cursor and records the calls.
struct ScriptedPages
{
    QHash<QString, Result<Page<int>>> pages;
    QStringList requestedCursors;

    PageFetcher<int> fetcher()
    {
        return [this](const QString &cursor) {
            requestedCursors.append(cursor);
            return QtFuture::makeReadyFuture(
                    pages.value(cursor, Result<Page<int>>(Error::notFound(cursor))));
        };
    }
};

template<typename T>
bool waitFor(const QFuture<T> &future)
{
    return QTest::qWaitFor([&] { return future.isFinished(); }, 5000) && future.resultCount() == 1;
}

} // namespace

class TestApiClientDto : public QObject
{
    Q_OBJECT

private slots:
    void organizationRoundTrip();
    void groupRequiresCounts();
    void roleAndPermissions();
    void userInputKeepsAvatarAndOneGroup();
    void placeOptionalCoordinates();
    void placeRejectsBadDate();
    void planRequiresImage();
    void cameraFullParse();
    void cameraMissingRequired_data();
    void cameraMissingRequired();
    void cameraInputKeepsOpaqueBlocks();
    void cameraSourceKeepsOtherKeys();
    void planCameraPosition_data();
    void planCameraPosition();
    void pageCursorAndItems();
    void pageRejectsBadItem();
    void uploadParse();
    void cameraQueryEncoding();

    void formDataLayout();
    void formDataParsesWithServerParser();
    void formDataEscapesNames();
    void formDataRandomBoundaries();

    void loaderFollowsCursors();
    void loaderStopsOnRepeatedCursor();
    void loaderFailsWithFirstFailedPage();
};

void TestApiClientDto::organizationRoundTrip()
{
    const Result<Organization> org = Organization::fromJson(
            json(R"({"id": 4, "name": "Acme", "description": "", "is_internal": false,
                     "logo_id": "u1", "logo_url": "/api/v1/uploads/u1/content"})"));
    QVERIFY(org);
    QCOMPARE(org->id, 4);
    QCOMPARE(org->name, QStringLiteral("Acme"));
    QCOMPARE(org->logoId, QStringLiteral("u1"));
    const QJsonObject input = OrganizationInput::from(*org).toJson();
    QCOMPARE(input.value(QStringLiteral("logo_id")).toString(), QStringLiteral("u1"));
    QCOMPARE(input.value(QStringLiteral("description")).toString(), QString());
    QVERIFY(input.contains(QStringLiteral("description"))); // required, even when empty
    const OrganizationInput noLogo{QStringLiteral("n"), {}, {}};
    QVERIFY(!noLogo.toJson().contains(QStringLiteral("logo_id")));

    const Result<Organization> noInternal
            = Organization::fromJson(json(R"({"id": 4, "name": "Acme", "description": ""})"));
    QVERIFY(!noInternal);
    QVERIFY(noInternal.error().message.contains(QStringLiteral("is_internal")));
}

void TestApiClientDto::groupRequiresCounts()
{
    const char *full = R"({"id": 2, "name": "Night shift", "description": "d",
        "organization_id": 1, "organization_name": "Default", "is_internal": false,
        "user_count": 3, "place_count": 1})";
    const Result<Group> group = Group::fromJson(json(full));
    QVERIFY(group);
    QCOMPARE(group->userCount, 3);
    QCOMPARE(group->placeCount, 1);
    QCOMPARE(group->organizationName, QStringLiteral("Default"));

    QJsonObject missing = json(full);
    missing.remove(QStringLiteral("place_count"));
    QVERIFY(!Group::fromJson(missing));
    QJsonObject wrongType = json(full);
    wrongType.insert(QStringLiteral("user_count"), QStringLiteral("3"));
    QVERIFY(!Group::fromJson(wrongType));
    QJsonObject fraction = json(full);
    fraction.insert(QStringLiteral("id"), 2.5);
    QVERIFY(!Group::fromJson(fraction));
}

void TestApiClientDto::roleAndPermissions()
{
    const Result<Role> role = Role::fromJson(
            json(R"({"id": 1, "name": "superuser", "description": "x", "is_internal": true})"));
    QVERIFY(role);
    QVERIFY(role->isInternal);
    QVERIFY(!Role::fromJson(json(R"({"id": 1, "name": "x", "is_internal": true})")));

    QCOMPARE(allPermissions().size(), 101);
    QStringList unique = allPermissions();
    QCOMPARE(unique.removeDuplicates(), 0);
    QVERIFY(allPermissions().contains(QStringLiteral("plan_camera_update")));
    QCOMPARE(permissionPrefix(QStringLiteral("plan_camera_update")), QStringLiteral("plan"));
    QCOMPARE(permissionPrefix(QStringLiteral("search_face")), QStringLiteral("search"));
    QCOMPARE(permissionPrefix(QStringLiteral("odd")), QStringLiteral("odd"));
}

void TestApiClientDto::userInputKeepsAvatarAndOneGroup()
{
    const Result<User> user = User::fromJson(
            json(R"({"id": 9, "email": "op@x.test", "first_name": "Ann", "last_name": "Lee",
                     "organization_id": 1, "organization_name": "Default", "role_id": 2,
                     "is_superuser": false, "groups": [{"id": 5, "name": "Day"}],
                     "avatar_id": "av-1"})"));
    QVERIFY(user);
    UserInput input = UserInput::from(*user);
    QCOMPARE(input.groupId, std::optional<qint64>(5));
    QJsonObject body = input.toJson();
    QCOMPARE(body.value(QStringLiteral("group_ids")).toArray(), QJsonArray{5});
    QCOMPARE(body.value(QStringLiteral("avatar_id")).toString(), QStringLiteral("av-1"));
    QCOMPARE(body.value(QStringLiteral("role_id")).toInteger(), 2);
    QVERIFY(!body.contains(QStringLiteral("password")));

    input.groupId.reset();
    input.password = QStringLiteral("New-Pass-123");
    body = input.toJson();
    QCOMPARE(body.value(QStringLiteral("group_ids")).toArray(), QJsonArray{});
    QCOMPARE(body.value(QStringLiteral("password")).toString(), QStringLiteral("New-Pass-123"));
}

void TestApiClientDto::placeOptionalCoordinates()
{
    const Result<Place> place
            = Place::fromJson(json(R"({"id": 1, "name": "HQ", "created_at": "2026-03-10T12:00:00Z",
                     "updated_at": "2026-03-10T12:00:00.250Z", "plan_count": 2,
                     "camera_count": 5, "latitude": 55.75, "longitude": 37.62})"));
    QVERIFY2(place, place ? "" : qPrintable(place.error().message));
    QCOMPARE(place->latitude, std::optional<double>(55.75));
    QCOMPARE(place->updatedAt.timeSpec(), Qt::UTC);
    QCOMPARE(place->updatedAt.time().msec(), 250);
    QCOMPARE(PlaceInput::from(*place).toJson().value(QStringLiteral("longitude")).toDouble(),
             37.62);

    const Result<Place> bare
            = Place::fromJson(json(R"({"id": 1, "name": "HQ", "created_at": "2026-03-10T12:00:00Z",
                     "updated_at": "2026-03-10T12:00:00Z", "plan_count": 0,
                     "camera_count": 0, "latitude": null})"));
    QVERIFY(bare);
    QVERIFY(!bare->latitude);
    const QJsonObject input = PlaceInput::from(*bare).toJson();
    QVERIFY(!input.contains(QStringLiteral("latitude")));
    QVERIFY(!input.contains(QStringLiteral("description")));
}

void TestApiClientDto::placeRejectsBadDate()
{
    const Result<Place> place
            = Place::fromJson(json(R"({"id": 1, "name": "HQ", "created_at": "yesterday",
                     "updated_at": "2026-03-10T12:00:00Z", "plan_count": 0,
                     "camera_count": 0})"));
    QVERIFY(!place);
    QVERIFY(place.error().message.contains(QStringLiteral("created_at")));
}

void TestApiClientDto::planRequiresImage()
{
    const char *full = R"({"id": 3, "name": "Floor 1", "place_id": 7, "image_id": "img",
        "image_url": "/api/v1/uploads/img/content", "created_at": "2026-03-10T12:00:00Z",
        "updated_at": "2026-03-10T12:00:00Z"})";
    const Result<Plan> plan = Plan::fromJson(json(full));
    QVERIFY(plan);
    QCOMPARE(plan->imageId, QStringLiteral("img"));
    const QJsonObject input = PlanInput::from(*plan).toJson();
    QCOMPARE(input.value(QStringLiteral("place_id")).toInteger(), 7);
    QCOMPARE(input.value(QStringLiteral("image_id")).toString(), QStringLiteral("img"));

    QJsonObject missing = json(full);
    missing.remove(QStringLiteral("image_id"));
    QVERIFY(!Plan::fromJson(missing));
}

void TestApiClientDto::cameraFullParse()
{
    const Result<Camera> camera = Camera::fromJson(json(kCameraJson));
    QVERIFY2(camera, camera ? "" : qPrintable(camera.error().message));
    QCOMPARE(camera->sourceUrl(), QStringLiteral("rtsp://cam/main"));
    QCOMPARE(camera->substreamUrl(), QStringLiteral("rtsp://cam/sub"));
    QCOMPARE(camera->transport(), StreamTransport::Udp);
    QCOMPARE(camera->onvifPort, std::optional<int>(8080));
    QCOMPARE(camera->schedulerTags, (QStringList{QStringLiteral("a"), QStringLiteral("b")}));
    QVERIFY(camera->origin);
    QCOMPARE(camera->origin->placeName, QStringLiteral("HQ"));
    QCOMPARE(camera->origin->planId, std::optional<qint64>(3));
    QCOMPARE(camera->planId, std::optional<qint64>(3));
    QCOMPARE(camera->videoAnalytics.value(QStringLiteral("motion")).toBool(), true);
}

void TestApiClientDto::cameraMissingRequired_data()
{
    QTest::addColumn<QString>("field");
    QTest::addColumn<QJsonValue>("replacement"); // Undefined: removed
    QTest::newRow("no id") << "id" << QJsonValue(QJsonValue::Undefined);
    QTest::newRow("no source") << "source" << QJsonValue(QJsonValue::Undefined);
    QTest::newRow("source not an object") << "source" << QJsonValue(QStringLiteral("rtsp://x"));
    QTest::newRow("no place") << "place_id" << QJsonValue(QJsonValue::Undefined);
    QTest::newRow("null name") << "name" << QJsonValue(QJsonValue::Null);
    QTest::newRow("tags not strings") << "scheduler_tags" << QJsonValue(QJsonArray{1, 2});
    QTest::newRow("origin not an object") << "origin" << QJsonValue(3);
    QTest::newRow("origin with bad plan id")
            << "origin"
            << QJsonValue(QJsonObject{{QStringLiteral("plan_id"), QStringLiteral("3")}});
    QTest::newRow("no updated_at") << "updated_at" << QJsonValue(QJsonValue::Undefined);
}

void TestApiClientDto::cameraMissingRequired()
{
    QFETCH(QString, field);
    QFETCH(QJsonValue, replacement);
    QJsonObject camera = json(kCameraJson);
    if (replacement.isUndefined())
        camera.remove(field);
    else
        camera.insert(field, replacement);
    const Result<Camera> parsed = Camera::fromJson(camera);
    QVERIFY(!parsed);
    QCOMPARE(parsed.error().kind, ErrorKind::Internal);
    QVERIFY2(parsed.error().message.contains(field, Qt::CaseInsensitive),
             qPrintable(parsed.error().message));
}

void TestApiClientDto::cameraInputKeepsOpaqueBlocks()
{
    const Result<Camera> camera = Camera::fromJson(json(kCameraJson));
    QVERIFY(camera);
    CameraInput input = CameraInput::from(*camera);
    input.onvifPassword = QStringLiteral("secret");
    const QJsonObject body = input.toJson();
    QCOMPARE(body.value(QStringLiteral("video_analytics")).toObject(), camera->videoAnalytics);
    QVERIFY(!body.contains(QStringLiteral("ptz"))); // empty blocks are not invented
    QCOMPARE(body.value(QStringLiteral("source")).toObject(), camera->source);
    QCOMPARE(body.value(QStringLiteral("onvif_password")).toString(), QStringLiteral("secret"));
    QCOMPARE(body.value(QStringLiteral("scheduler_tags")).toArray(),
             (QJsonArray{QStringLiteral("a"), QStringLiteral("b")}));
    QCOMPARE(body.value(QStringLiteral("place_id")).toInteger(), 7);
    for (const char *absent : {"id", "created_at", "origin", "plan_id"})
        QVERIFY2(!body.contains(QLatin1String(absent)), absent);

    CameraInput minimal;
    minimal.name = QStringLiteral("n");
    minimal.placeId = 1;
    minimal.source = makeCameraSource(QStringLiteral("rtsp://a"), {}, StreamTransport::Default);
    QCOMPARE(minimal.toJson().keys(),
             (QStringList{QStringLiteral("name"), QStringLiteral("place_id"),
                          QStringLiteral("source")}));
}

void TestApiClientDto::cameraSourceKeepsOtherKeys()
{
    const QJsonObject base{{QStringLiteral("url"), QStringLiteral("old")},
                           {QStringLiteral("substream_url"), QStringLiteral("old-sub")},
                           {QStringLiteral("transport"), QStringLiteral("udp")},
                           {QStringLiteral("vendor_hint"), QStringLiteral("x")}};
    const QJsonObject source
            = makeCameraSource(QStringLiteral("rtsp://new"), {}, StreamTransport::Tcp, base);
    QCOMPARE(source.value(QStringLiteral("url")).toString(), QStringLiteral("rtsp://new"));
    QVERIFY(!source.contains(QStringLiteral("substream_url")));
    QCOMPARE(source.value(QStringLiteral("transport")).toString(), QStringLiteral("tcp"));
    QCOMPARE(source.value(QStringLiteral("vendor_hint")).toString(), QStringLiteral("x"));
    QVERIFY(!makeCameraSource(QStringLiteral("u"), {}, StreamTransport::Default, base)
                     .contains(QStringLiteral("transport")));
}

void TestApiClientDto::planCameraPosition_data()
{
    QTest::addColumn<QByteArray>("body");
    QTest::addColumn<bool>("isValid");
    QTest::newRow("inside") << QByteArray(R"({"camera_id": "c", "plan_id": 1, "x": 0, "y": 1})")
                            << true;
    QTest::newRow("no position") << QByteArray(R"({"camera_id": "c", "plan_id": 1})") << true;
    QTest::newRow("x above 1") << QByteArray(R"({"camera_id": "c", "plan_id": 1, "x": 1.01})")
                               << false;
    QTest::newRow("y below 0") << QByteArray(R"({"camera_id": "c", "plan_id": 1, "y": -0.1})")
                               << false;
    QTest::newRow("no plan") << QByteArray(R"({"camera_id": "c", "x": 0.5})") << false;
}

void TestApiClientDto::planCameraPosition()
{
    QFETCH(QByteArray, body);
    QFETCH(bool, isValid);
    QCOMPARE(PlanCameraPosition::fromJson(json(body.constData())).hasValue(), isValid);
}

void TestApiClientDto::pageCursorAndItems()
{
    QJsonObject camera = json(kCameraJson);
    QJsonObject planCamera = camera;
    planCamera.insert(QStringLiteral("camera_id"), camera.value(QStringLiteral("id")));
    planCamera.insert(QStringLiteral("x"), 0.25);
    planCamera.insert(QStringLiteral("y"), 0.75);
    const QJsonObject reply{{QStringLiteral("pagination"),
                             QJsonObject{{QStringLiteral("cursor"), QStringLiteral("abc+/=")}}},
                            {QStringLiteral("cameras"), QJsonArray{planCamera}}};
    const auto page = Page<PlanCamera>::fromJson(reply, QLatin1String("cameras"),
                                                 QLatin1String("PlanCamerasResponse"));
    QVERIFY2(page, page ? "" : qPrintable(page.error().message));
    QCOMPARE(page->items.size(), 1);
    QCOMPARE(page->nextCursor, QStringLiteral("abc+/="));
    QVERIFY(page->hasMore());
    QCOMPARE(page->items.first().x, std::optional<double>(0.25));
    QCOMPARE(page->items.first().planId, 3);

    const auto last
            = Page<Camera>::fromJson(QJsonObject{{QStringLiteral("pagination"), QJsonObject{}},
                                                 {QStringLiteral("cameras"), QJsonArray{camera}}},
                                     QLatin1String("cameras"), QLatin1String("CamerasResponse"));
    QVERIFY(last);
    QVERIFY(!last->hasMore());

    QVERIFY(!Page<Camera>::fromJson(QJsonObject{{QStringLiteral("cameras"), QJsonArray{}}},
                                    QLatin1String("cameras"), QLatin1String("CamerasResponse")));
    QVERIFY(!Page<Camera>::fromJson(
            QJsonObject{{QStringLiteral("pagination"), QJsonObject{{QStringLiteral("cursor"), 5}}},
                        {QStringLiteral("cameras"), QJsonArray{}}},
            QLatin1String("cameras"), QLatin1String("CamerasResponse")));
}

void TestApiClientDto::pageRejectsBadItem()
{
    QJsonObject camera = json(kCameraJson);
    camera.remove(QStringLiteral("camera_id")); // fine for Camera, missing for PlanCamera
    const auto page = Page<PlanCamera>::fromJson(
            QJsonObject{{QStringLiteral("pagination"), QJsonObject{}},
                        {QStringLiteral("cameras"), QJsonArray{camera}}},
            QLatin1String("cameras"), QLatin1String("PlanCamerasResponse"));
    QVERIFY(!page);
    QVERIFY2(page.error().message.contains(QStringLiteral("camera_id")),
             qPrintable(page.error().message));
    const auto notObjects
            = Page<Camera>::fromJson(QJsonObject{{QStringLiteral("pagination"), QJsonObject{}},
                                                 {QStringLiteral("cameras"), QJsonArray{1}}},
                                     QLatin1String("cameras"), QLatin1String("CamerasResponse"));
    QVERIFY(!notObjects);
}

void TestApiClientDto::uploadParse()
{
    const Result<Upload> upload
            = Upload::fromJson(json(R"({"id": "u-1", "mime_type": "image/png", "kind": "plan",
                     "created_at": "2026-03-10T12:00:00Z", "url": "/api/v1/uploads/u-1/content"})"));
    QVERIFY(upload);
    QCOMPARE(upload->kind, QStringLiteral("plan"));
    QVERIFY(!Upload::fromJson(json(R"({"id": "u-1", "kind": "plan",
                                       "created_at": "2026-03-10T12:00:00Z"})")));
    QCOMPARE(uploadKindName(UploadKind::Plan), QStringLiteral("plan"));
    QCOMPARE(uploadKindName(UploadKind::CameraSnapshot), QStringLiteral("camera_snapshot"));
}

void TestApiClientDto::cameraQueryEncoding()
{
    CameraQuery query;
    query.placeId = 7;
    query.groupId = 2;
    query.withOrigin = true;
    query.page = {QStringLiteral("cur"), 50};
    const QUrlQuery list = query.toUrlQuery(false);
    QCOMPARE(list.queryItemValue(QStringLiteral("place_id")), QStringLiteral("7"));
    QCOMPARE(list.queryItemValue(QStringLiteral("with_origin")), QStringLiteral("true"));
    QCOMPARE(list.queryItemValue(QStringLiteral("cursor")), QStringLiteral("cur"));
    QCOMPARE(list.queryItemValue(QStringLiteral("limit")), QStringLiteral("50"));
    // POST /cameras/search has no place_id parameter.
    QVERIFY(!query.toUrlQuery(true).hasQueryItem(QStringLiteral("place_id")));
    QVERIFY(CameraQuery{}.toUrlQuery(false).isEmpty());
}

void TestApiClientDto::formDataLayout()
{
    const FormData form
            = encodeFormData({{QStringLiteral("upload_data"), QStringLiteral("plan.png"),
                               QByteArrayLiteral("image/png"), QByteArrayLiteral("PNGDATA")}},
                             QByteArrayLiteral("BOUNDARY"));
    QCOMPARE(form.contentType(), QByteArrayLiteral("multipart/form-data; boundary=BOUNDARY"));
    QCOMPARE(form.body, QByteArrayLiteral("--BOUNDARY\r\n"
                                          "Content-Disposition: form-data; name=\"upload_data\"; "
                                          "filename=\"plan.png\"\r\n"
                                          "Content-Type: image/png\r\n"
                                          "\r\n"
                                          "PNGDATA\r\n"
                                          "--BOUNDARY--\r\n"));
    const FormData plain
            = encodeFormData({{QStringLiteral("kind"), {}, {}, "plan"}}, QByteArrayLiteral("B"));
    QCOMPARE(plain.body, QByteArrayLiteral("--B\r\nContent-Disposition: form-data; name=\"kind\""
                                           "\r\n\r\nplan\r\n--B--\r\n"));
}

void TestApiClientDto::formDataParsesWithServerParser()
{
    QByteArray binary;
    for (int i = 0; i < 1024; ++i)
        binary.append(char(i % 256));
    binary.append("\r\n--not-the-boundary\r\n");
    const FormData form = encodeFormData(
            {{QStringLiteral("upload_data"), QStringLiteral("a.png"), "image/png", binary},
             {QStringLiteral("upload_data"), QStringLiteral("b.jpg"), {}, QByteArray()},
             {QStringLiteral("note"), {}, {}, "text"}});
    const auto boundary = server::multipartBoundary(form.contentType());
    QVERIFY(boundary && boundary->has_value());
    QCOMPARE(**boundary, form.boundary);
    const auto parts = server::parseMultipart(form.body, form.boundary);
    QVERIFY2(parts, parts ? "" : qPrintable(parts.error().message));
    QCOMPARE(parts->size(), 3);
    QCOMPARE(parts->at(0).name, QByteArrayLiteral("upload_data"));
    QCOMPARE(parts->at(0).filename, std::optional<QByteArray>("a.png"));
    QCOMPARE(parts->at(0).contentType, QByteArrayLiteral("image/png"));
    QCOMPARE(parts->at(0).body, binary);
    QCOMPARE(parts->at(1).body, QByteArray());
    QVERIFY(parts->at(1).contentType.isEmpty());
    QVERIFY(!parts->at(2).filename.has_value());
    QCOMPARE(parts->at(2).body, QByteArrayLiteral("text"));
}

void TestApiClientDto::formDataEscapesNames()
{
    const FormData form = encodeFormData(
            {{QStringLiteral("upload_data"), QStringLiteral("evil\"\r\nX-Injected: 1.png"),
              "image/png", "x"},
             {QStringLiteral("upload_data"), QStringLiteral("план этажа.png"), "image/png", "y"}});
    QVERIFY(!form.body.contains("\r\nX-Injected"));
    QVERIFY(form.body.contains("filename=\"evil%22%0D%0AX-Injected: 1.png\""));
    const auto parts = server::parseMultipart(form.body, form.boundary);
    QVERIFY2(parts, parts ? "" : qPrintable(parts.error().message));
    QCOMPARE(parts->size(), 2);
    QCOMPARE(parts->at(0).headers.size(), 2); // Content-Disposition and Content-Type only
    QCOMPARE(QString::fromUtf8(*parts->at(1).filename), QStringLiteral("план этажа.png"));
}

void TestApiClientDto::formDataRandomBoundaries()
{
    const FormData a = encodeFormData({{QStringLiteral("f"), {}, {}, "1"}});
    const FormData b = encodeFormData({{QStringLiteral("f"), {}, {}, "1"}});
    QVERIFY(a.boundary != b.boundary);
    QVERIFY(a.boundary.size() >= 27 && a.boundary.size() <= 70); // RFC 2046: 1..70
    const auto parsed = server::multipartBoundary(a.contentType());
    QVERIFY(parsed && parsed->has_value());
}

void TestApiClientDto::loaderFollowsCursors()
{
    QObject context;
    ScriptedPages script;
    script.pages.insert(QString(), Page<int>{{1, 2}, QStringLiteral("c1")});
    script.pages.insert(QStringLiteral("c1"), Page<int>{{3}, QStringLiteral("c2")});
    script.pages.insert(QStringLiteral("c2"), Page<int>{{4, 5}, {}});
    const auto all = loadAllPages<int>(&context, script.fetcher());
    QVERIFY(waitFor(all));
    QVERIFY(all.result());
    QCOMPARE(*all.result(), (QList<int>{1, 2, 3, 4, 5}));
    QCOMPARE(script.requestedCursors,
             (QStringList{QString(), QStringLiteral("c1"), QStringLiteral("c2")}));
}

void TestApiClientDto::loaderStopsOnRepeatedCursor()
{
    QObject context;
    ScriptedPages script;
    script.pages.insert(QString(), Page<int>{{1}, QStringLiteral("loop")});
    script.pages.insert(QStringLiteral("loop"), Page<int>{{2}, QStringLiteral("loop")});
    const auto all = loadAllPages<int>(&context, script.fetcher());
    QVERIFY(waitFor(all));
    QVERIFY(!all.result());
    QCOMPARE(all.result().error().kind, ErrorKind::Internal);
    QCOMPARE(script.requestedCursors.size(), 2);
}

void TestApiClientDto::loaderFailsWithFirstFailedPage()
{
    QObject context;
    ScriptedPages script;
    script.pages.insert(QString(), Page<int>{{1}, QStringLiteral("gone")});
    const auto all = loadAllPages<int>(&context, script.fetcher());
    QVERIFY(waitFor(all));
    QVERIFY(!all.result());
    QCOMPARE(all.result().error().kind, ErrorKind::NotFound);
    QCOMPARE(all.result().error().message, QStringLiteral("gone"));
}

QTEST_GUILESS_MAIN(TestApiClientDto)
#include "tst_api_client_dto.moc"
