// vms::client::ApiClient's organization-model and site methods against the real in-process server:
// every call goes over HTTP and its reply is parsed by the client's strict DTOs, so a drift between
// the client and the server (or the contract) fails here first.
#include "core/client/api_client.h"
#include "server/server_host.h"

#include <QTemporaryDir>
#include <QTest>

#include <memory>

using namespace vms;
using namespace vms::client;

namespace {

const QString kAdminLogin = QStringLiteral("admin@vms.test");
const QString kAdminPassword = QStringLiteral("Org-Client-Pass-1");

template<typename T>
T await(const QFuture<T> &future)
{
    if (!QTest::qWaitFor([&] { return future.isFinished(); }, 15000) || future.resultCount() != 1)
        qFatal("request did not finish");
    return future.result();
}

// QVERIFY that prints the error of a failed Result.
#define VERIFY_OK(result) \
    QVERIFY2((result).hasValue(), (result) ? "" : qPrintable((result).error().message))

// A 24-bit BMP, built by hand so that the test needs no QtGui (the server accepts BMP images).
QByteArray bmpBytes(int width, int height)
{
    const int rowBytes = (width * 3 + 3) & ~3;
    const quint32 pixelBytes = quint32(rowBytes * height);
    QByteArray out;
    auto put16 = [&out](quint16 v) {
        out.append(char(v & 0xff)).append(char(v >> 8));
    };
    auto put32 = [&](quint32 v) {
        put16(quint16(v & 0xffff));
        put16(quint16(v >> 16));
    };
    out.append("BM");
    put32(54 + pixelBytes); // file size
    put32(0);               // reserved
    put32(54);              // pixel data offset
    put32(40);              // BITMAPINFOHEADER
    put32(quint32(width));
    put32(quint32(height));
    put16(1);  // planes
    put16(24); // bits per pixel
    put32(0);  // no compression
    put32(pixelBytes);
    put32(2835); // 72 dpi
    put32(2835);
    put32(0);
    put32(0);
    for (int y = 0; y < height; ++y) {
        QByteArray row(rowBytes, '\0');
        for (int x = 0; x < width; ++x) {
            row[x * 3] = char(240);                 // blue
            row[x * 3 + 1] = char(220);             // green
            row[x * 3 + 2] = char(x * 255 / width); // red
        }
        out.append(row);
    }
    return out;
}

} // namespace

class TestApiClientOrg : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void cleanupTestCase();

    void organizationsCrudAndSearch();
    void groupsMembersAndPlaces();
    void rolesAndPermissionGrantRevoke();
    void usersCrudAndPasswordReset();
    void fullListFollowsCursor();
    void uploadAndContent();
    void placesPlansAndPlanCameras();
    void camerasCrudSearchAndOrigin();
    void errorsKeepTheirKind();

private:
    QTemporaryDir m_dataDir;
    std::unique_ptr<server::ServerHost> m_server;
    std::unique_ptr<ApiClient> m_client;
    qint64 m_operatorRoleId = 0;
};

void TestApiClientOrg::initTestCase()
{
    QVERIFY(m_dataDir.isValid());
    server::ServerOptions options;
    options.dataDir = m_dataDir.path();
    options.adminLogin = kAdminLogin;
    options.adminPassword = kAdminPassword;
    m_server = std::make_unique<server::ServerHost>(options);
    const Result<QUrl> url = m_server->start();
    VERIFY_OK(url);
    m_client = std::make_unique<ApiClient>(*url);
    const Result<Token> token = await(m_client->login(kAdminLogin, kAdminPassword));
    VERIFY_OK(token);

    const Result<QList<Role>> roles = await(m_client->roles());
    VERIFY_OK(roles);
    for (const Role &role : *roles) {
        if (role.name == QLatin1String("operator"))
            m_operatorRoleId = role.id;
    }
    QVERIFY(m_operatorRoleId > 0);
}

void TestApiClientOrg::cleanupTestCase()
{
    m_client.reset();
    if (m_server)
        m_server->stop();
}

void TestApiClientOrg::organizationsCrudAndSearch()
{
    const auto created = await(m_client->createOrganization(
            {QStringLiteral("Acme Security"), QStringLiteral("Tenant A"), {}}));
    VERIFY_OK(created);
    QCOMPARE(created->name, QStringLiteral("Acme Security"));
    QVERIFY(!created->isInternal);

    const auto updated = await(m_client->updateOrganization(
            created->id, {QStringLiteral("Acme Guard"), QStringLiteral("Renamed"), {}}));
    VERIFY_OK(updated);
    QCOMPARE(updated->name, QStringLiteral("Acme Guard"));
    const auto fetched = await(m_client->organization(created->id));
    VERIFY_OK(fetched);
    QCOMPARE(fetched->description, QStringLiteral("Renamed"));

    const auto found = await(m_client->searchOrganizations(QStringLiteral("guard")));
    VERIFY_OK(found);
    QCOMPARE(found->items.size(), 1);
    QCOMPARE(found->items.first().id, created->id);

    const auto all = await(m_client->allOrganizations());
    VERIFY_OK(all);
    QVERIFY(all->size() >= 2); // the default organization and this one

    const auto members = await(m_client->organizationMembers(created->id));
    VERIFY_OK(members);
    QVERIFY(members->isEmpty());
    const auto groups = await(m_client->organizationGroups(created->id));
    VERIFY_OK(groups);
    QVERIFY(groups->isEmpty());

    VERIFY_OK(await(m_client->deleteOrganization(created->id)));
    const auto gone = await(m_client->organization(created->id));
    QVERIFY(!gone);
    QCOMPARE(gone.error().kind, ErrorKind::NotFound);
}

void TestApiClientOrg::groupsMembersAndPlaces()
{
    const auto group = await(
            m_client->createGroup({QStringLiteral("Night shift"), QStringLiteral("22-06")}));
    VERIFY_OK(group);
    QCOMPARE(group->userCount, 0);

    UserInput input;
    input.firstName = QStringLiteral("Nina");
    input.lastName = QStringLiteral("Guard");
    input.email = QStringLiteral("nina@vms.test");
    input.password = QStringLiteral("Nina-Pass-123");
    input.groupId = group->id;
    input.roleId = m_operatorRoleId;
    const auto nina = await(m_client->createUser(input));
    VERIFY_OK(nina);
    QCOMPARE(nina->groups.size(), 1);

    // Out of the group (DELETE with a body), then back in through POST.
    VERIFY_OK(await(m_client->removeGroupMembers(group->id, {nina->id})));
    auto members = await(m_client->allGroupMembers(group->id));
    VERIFY_OK(members);
    QVERIFY(members->isEmpty());
    const auto ungrouped = await(m_client->allUsers(true));
    VERIFY_OK(ungrouped);
    QVERIFY(std::any_of(ungrouped->cbegin(), ungrouped->cend(),
                        [&](const User &u) { return u.id == nina->id; }));
    VERIFY_OK(await(m_client->addGroupMembers(group->id, {nina->id})));
    members = await(m_client->allGroupMembers(group->id));
    VERIFY_OK(members);
    QCOMPARE(members->size(), 1);
    QCOMPARE(members->first().id, nina->id);

    const auto place = await(m_client->createPlace({QStringLiteral("Warehouse"), {}, {}, {}}));
    VERIFY_OK(place);
    VERIFY_OK(await(m_client->addGroupPlaces(group->id, {place->id})));
    auto places = await(m_client->allGroupPlaces(group->id));
    VERIFY_OK(places);
    QCOMPARE(places->size(), 1);
    const auto filtered = await(m_client->places({false, group->id}));
    VERIFY_OK(filtered);
    QCOMPARE(filtered->size(), 1);
    VERIFY_OK(await(m_client->removeGroupPlaces(group->id, {place->id})));
    places = await(m_client->allGroupPlaces(group->id));
    VERIFY_OK(places);
    QVERIFY(places->isEmpty());

    const auto renamed = await(
            m_client->updateGroup(group->id, {QStringLiteral("Night"), QStringLiteral("")}));
    VERIFY_OK(renamed);
    QCOMPARE(renamed->name, QStringLiteral("Night"));
    QCOMPARE(renamed->userCount, 1);
    const auto search = await(m_client->searchGroups(QStringLiteral("nig")));
    VERIFY_OK(search);
    QCOMPARE(search->items.size(), 1);

    // A group with members cannot go (400), without them it can.
    const auto refused = await(m_client->deleteGroup(group->id));
    QVERIFY(!refused);
    QCOMPARE(refused.error().kind, ErrorKind::InvalidArgument);
    VERIFY_OK(await(m_client->deleteUser(nina->id)));
    VERIFY_OK(await(m_client->deleteGroup(group->id)));
    VERIFY_OK(await(m_client->deletePlace(place->id)));
}

void TestApiClientOrg::rolesAndPermissionGrantRevoke()
{
    const auto role
            = await(m_client->createRole({QStringLiteral("Viewer"), QStringLiteral("Looks only")}));
    VERIFY_OK(role);
    QVERIFY(!role->isInternal);
    auto permissions = await(m_client->rolePermissions(role->id));
    VERIFY_OK(permissions);
    QVERIFY(permissions->isEmpty());

    VERIFY_OK(await(m_client->grantPermission(role->id, QStringLiteral("camera_read"))));
    VERIFY_OK(await(m_client->grantPermission(role->id, QStringLiteral("plan_read"))));
    permissions = await(m_client->rolePermissions(role->id));
    VERIFY_OK(permissions);
    QCOMPARE(*permissions,
             (QStringList{QStringLiteral("camera_read"), QStringLiteral("plan_read")}));

    // Revoke is DELETE with a JSON body: the server must see the body to know what to revoke.
    VERIFY_OK(await(m_client->revokePermission(role->id, QStringLiteral("camera_read"))));
    permissions = await(m_client->rolePermissions(role->id));
    VERIFY_OK(permissions);
    QCOMPARE(*permissions, QStringList{QStringLiteral("plan_read")});

    const auto twice = await(m_client->grantPermission(role->id, QStringLiteral("plan_read")));
    QVERIFY(!twice);
    QCOMPARE(twice.error().kind, ErrorKind::InvalidArgument);
    const auto unknown = await(m_client->grantPermission(role->id, QStringLiteral("fly")));
    QVERIFY(!unknown);
    QCOMPARE(unknown.error().kind, ErrorKind::Validation);

    const auto renamed = await(
            m_client->updateRole(role->id, {QStringLiteral("Viewers"), QStringLiteral("x")}));
    VERIFY_OK(renamed);
    QCOMPARE(renamed->name, QStringLiteral("Viewers"));
    const auto members = await(m_client->roleMembers(role->id));
    VERIFY_OK(members);
    QVERIFY(members->isEmpty());
    VERIFY_OK(await(m_client->deleteRole(role->id)));
    QCOMPARE(await(m_client->role(role->id)).error().kind, ErrorKind::NotFound);

    const auto internal = await(m_client->deleteRole(m_operatorRoleId));
    QVERIFY(!internal);
    QCOMPARE(internal.error().kind, ErrorKind::InvalidArgument);
}

void TestApiClientOrg::usersCrudAndPasswordReset()
{
    const auto group = await(m_client->createGroup({QStringLiteral("Day shift"), {}}));
    VERIFY_OK(group);
    UserInput input;
    input.firstName = QStringLiteral("Oleg");
    input.lastName = QStringLiteral("Petrov");
    input.email = QStringLiteral("oleg@vms.test");
    input.password = QStringLiteral("Oleg-Pass-123");
    input.groupId = group->id;
    input.roleId = m_operatorRoleId;
    const auto oleg = await(m_client->createUser(input));
    VERIFY_OK(oleg);
    QCOMPARE(oleg->roleId, m_operatorRoleId);

    UserInput edit = UserInput::from(*oleg);
    edit.lastName = QStringLiteral("Ivanov");
    edit.password = QStringLiteral("Oleg-New-Pass-9");
    const auto updated = await(m_client->updateUser(oleg->id, edit));
    VERIFY_OK(updated);
    QCOMPARE(updated->lastName, QStringLiteral("Ivanov"));
    QCOMPARE(updated->groups.first().id, group->id);

    // The reset password works, the old one does not.
    ApiClient other(m_client->baseUrl());
    QVERIFY(!await(other.login(QStringLiteral("oleg@vms.test"), QStringLiteral("Oleg-Pass-123"))));
    VERIFY_OK(
            await(other.login(QStringLiteral("oleg@vms.test"), QStringLiteral("Oleg-New-Pass-9"))));

    const auto found = await(m_client->searchUsers(QStringLiteral("oleg ivanov")));
    VERIFY_OK(found);
    QCOMPARE(found->items.size(), 1);
    const auto fetched = await(m_client->user(oleg->id));
    VERIFY_OK(fetched);
    QCOMPARE(fetched->email, QStringLiteral("oleg@vms.test"));

    VERIFY_OK(await(m_client->deleteUser(oleg->id)));
    QCOMPARE(await(m_client->user(oleg->id)).error().kind, ErrorKind::NotFound);
    VERIFY_OK(await(m_client->deleteGroup(group->id)));
}

void TestApiClientOrg::fullListFollowsCursor()
{
    QList<qint64> ids;
    for (int i = 0; i < 23; ++i) {
        const auto group = await(m_client->createGroup(
                {QStringLiteral("Paged %1").arg(i, 2, 10, QLatin1Char('0')), {}}));
        VERIFY_OK(group);
        ids.append(group->id);
    }
    const auto first = await(m_client->groups({{}, 10}));
    VERIFY_OK(first);
    QCOMPARE(first->items.size(), 10);
    QVERIFY(first->hasMore());
    const auto second = await(m_client->groups({first->nextCursor, 10}));
    VERIFY_OK(second);
    QVERIFY(second->items.first().id > first->items.last().id);

    const auto all = await(m_client->allGroups());
    VERIFY_OK(all);
    QList<qint64> allIds;
    for (const Group &g : *all)
        allIds.append(g.id);
    for (qint64 id : ids)
        QVERIFY(allIds.contains(id));
    QCOMPARE(QSet<qint64>(allIds.cbegin(), allIds.cend()).size(), allIds.size()); // no repeats
    for (qint64 id : ids)
        VERIFY_OK(await(m_client->deleteGroup(id)));
}

void TestApiClientOrg::uploadAndContent()
{
    const QByteArray bmp = bmpBytes(64, 48);
    const auto uploads = await(
            m_client->upload(UploadKind::Plan, bmp, QStringLiteral("plan.bmp"), "image/bmp"));
    VERIFY_OK(uploads);
    QCOMPARE(uploads->size(), 1);
    const Upload &upload = uploads->first();
    QCOMPARE(upload.kind, QStringLiteral("plan"));
    QCOMPARE(upload.mimeType, QStringLiteral("image/bmp"));

    const auto info = await(m_client->uploadInfo(upload.id));
    VERIFY_OK(info);
    QCOMPARE(info->id, upload.id);
    const auto content = await(m_client->uploadContent(upload.id));
    VERIFY_OK(content);
    QCOMPARE(*content, bmp);

    const auto notImage = await(m_client->upload(UploadKind::Plan, "plain text",
                                                 QStringLiteral("a.txt"), "text/plain"));
    QVERIFY(!notImage);
    QCOMPARE(notImage.error().kind, ErrorKind::InvalidArgument);
    const auto missing = await(
            m_client->uploadContent(QStringLiteral("00000000-0000-4000-8000-000000000000")));
    QVERIFY(!missing);
    QCOMPARE(missing.error().kind, ErrorKind::NotFound);
}

void TestApiClientOrg::placesPlansAndPlanCameras()
{
    const auto place = await(m_client->createPlace(
            {QStringLiteral("HQ"), QStringLiteral("Main office"), 55.75, 37.62}));
    VERIFY_OK(place);
    QCOMPARE(place->latitude, std::optional<double>(55.75));
    const auto other = await(m_client->createPlace({QStringLiteral("Depot"), {}, {}, {}}));
    VERIFY_OK(other);

    const auto uploads = await(
            m_client->upload(UploadKind::Plan, bmpBytes(200, 100), QStringLiteral("f1.bmp")));
    VERIFY_OK(uploads);
    const auto plan = await(
            m_client->createPlan({QStringLiteral("Floor 1"), place->id, uploads->first().id}));
    VERIFY_OK(plan);
    QCOMPARE(plan->placeId, place->id);
    const auto plans = await(m_client->allPlacePlans(place->id));
    VERIFY_OK(plans);
    QCOMPARE(plans->size(), 1);
    const auto renamed = await(m_client->updatePlan(
            plan->id, {QStringLiteral("Ground floor"), place->id, plan->imageId}));
    VERIFY_OK(renamed);
    QCOMPARE(renamed->name, QStringLiteral("Ground floor"));

    CameraInput cam;
    cam.name = QStringLiteral("Lobby");
    cam.placeId = place->id;
    cam.source = makeCameraSource(QStringLiteral("rtsp://10.0.0.1/main"), {}, StreamTransport::Tcp);
    const auto lobby = await(m_client->createCamera(cam));
    VERIFY_OK(lobby);
    cam.name = QStringLiteral("Yard");
    cam.placeId = other->id;
    const auto yard = await(m_client->createCamera(cam));
    VERIFY_OK(yard);

    VERIFY_OK(await(m_client->addPlanCameras(plan->id, {lobby->id})));
    const auto position = await(m_client->setPlanCameraPosition(plan->id, lobby->id, 0.25, 0.8));
    VERIFY_OK(position);
    QCOMPARE(position->x, std::optional<double>(0.25));
    auto onPlan = await(m_client->allPlanCameras(plan->id));
    VERIFY_OK(onPlan);
    QCOMPARE(onPlan->size(), 1);
    QCOMPARE(onPlan->first().camera.id, lobby->id);
    QCOMPARE(onPlan->first().camera.name, QStringLiteral("Lobby"));
    QVERIFY(qAbs(*onPlan->first().y - 0.8) < 1e-9);

    // A camera of another place is refused with the server's reason.
    const auto foreign = await(m_client->addPlanCameras(plan->id, {yard->id}));
    QVERIFY(!foreign);
    QCOMPARE(foreign.error().kind, ErrorKind::InvalidArgument);
    QVERIFY(!foreign.error().message.isEmpty());
    const auto withoutPlans = await(m_client->allPlaceCameras(place->id, true));
    VERIFY_OK(withoutPlans);
    QVERIFY(withoutPlans->isEmpty());

    const auto hasCameras = await(m_client->deletePlan(plan->id));
    QVERIFY(!hasCameras);
    QCOMPARE(hasCameras.error().kind, ErrorKind::InvalidArgument);
    VERIFY_OK(await(m_client->removePlanCameras(plan->id, {lobby->id})));
    onPlan = await(m_client->allPlanCameras(plan->id));
    VERIFY_OK(onPlan);
    QVERIFY(onPlan->isEmpty());

    VERIFY_OK(await(m_client->deletePlan(plan->id)));
    VERIFY_OK(await(m_client->deleteCamera(lobby->id)));
    VERIFY_OK(await(m_client->deleteCamera(yard->id)));
    const auto placeUpdate
            = await(m_client->updatePlace(place->id, {QStringLiteral("HQ"), {}, {}, {}}));
    VERIFY_OK(placeUpdate);
    QVERIFY(!placeUpdate->latitude); // PUT replaces: no coordinates sent, none kept
    VERIFY_OK(await(m_client->deletePlace(place->id)));
    VERIFY_OK(await(m_client->deletePlace(other->id)));
}

void TestApiClientOrg::camerasCrudSearchAndOrigin()
{
    const auto place = await(m_client->createPlace({QStringLiteral("Parking"), {}, {}, {}}));
    VERIFY_OK(place);
    CameraInput input;
    input.name = QStringLiteral("Entry North");
    input.placeId = place->id;
    input.source = makeCameraSource(QStringLiteral("rtsp://10.0.0.2/main"),
                                    QStringLiteral("rtsp://10.0.0.2/sub"), StreamTransport::Udp);
    input.onvifHost = QStringLiteral("10.0.0.2");
    input.onvifPort = 8000;
    input.onvifLogin = QStringLiteral("admin");
    input.onvifPassword = QStringLiteral("cam-secret");
    input.schedulerGroup = QStringLiteral("north");
    input.schedulerTags = {QStringLiteral("gpu"), QStringLiteral("lpr")};
    const auto created = await(m_client->createCamera(input, true));
    VERIFY_OK(created);
    QCOMPARE(created->substreamUrl(), QStringLiteral("rtsp://10.0.0.2/sub"));
    QCOMPARE(created->transport(), StreamTransport::Udp);
    QCOMPARE(created->onvifPort, std::optional<int>(8000));
    QCOMPARE(created->schedulerTags, input.schedulerTags);
    QVERIFY(created->origin);
    QCOMPARE(created->origin->placeName, QStringLiteral("Parking"));

    CameraInput edit = CameraInput::from(*created);
    edit.name = QStringLiteral("Entry South");
    const auto updated = await(m_client->updateCamera(created->id, edit));
    VERIFY_OK(updated);
    QCOMPARE(updated->name, QStringLiteral("Entry South"));
    QCOMPARE(updated->onvifLogin, QStringLiteral("admin"));

    const auto byName = await(m_client->searchAllCameras(QStringLiteral("south")));
    VERIFY_OK(byName);
    QCOMPARE(byName->size(), 1);
    const auto byId = await(m_client->searchCameras(created->id));
    VERIFY_OK(byId);
    QCOMPARE(byId->items.size(), 1);
    CameraQuery inPlace;
    inPlace.placeId = place->id;
    inPlace.withOrigin = true;
    const auto listed = await(m_client->allCameras(inPlace));
    VERIFY_OK(listed);
    QCOMPARE(listed->size(), 1);
    QVERIFY(listed->first().origin);
    const auto single = await(m_client->camera(created->id, true));
    VERIFY_OK(single);
    QCOMPARE(single->origin->placeId, std::optional<qint64>(place->id));

    VERIFY_OK(await(m_client->deleteCamera(created->id)));
    QCOMPARE(await(m_client->camera(created->id)).error().kind, ErrorKind::NotFound);
    VERIFY_OK(await(m_client->deletePlace(place->id)));
}

void TestApiClientOrg::errorsKeepTheirKind()
{
    const auto missingPlace = await(m_client->place(999999));
    QVERIFY(!missingPlace);
    QCOMPARE(missingPlace.error().kind, ErrorKind::NotFound);

    CameraInput bad;
    bad.name = QStringLiteral("x");
    bad.placeId = 999999;
    bad.source = makeCameraSource(QString(), {}, StreamTransport::Default);
    const auto invalid = await(m_client->createCamera(bad));
    QVERIFY(!invalid);
    QCOMPARE(invalid.error().kind, ErrorKind::Validation); // empty source url
    QVERIFY(!invalid.error().fields.isEmpty());

    const auto shortQuery = await(m_client->searchUsers(QStringLiteral("a")));
    QVERIFY(!shortQuery);
    QCOMPARE(shortQuery.error().kind, ErrorKind::Validation);
}

QTEST_GUILESS_MAIN(TestApiClientOrg)
#include "tst_api_client_org.moc"
