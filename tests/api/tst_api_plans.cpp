// Seed 002 §13: plans and the cameras positioned on them.
#include "tests/api/sites_fixture.h"

#include <QTest>
#include <QUuid>

using namespace vms::apitest;
using vms::test::Reply;

namespace {

QJsonObject planBody(const QString &name, qint64 placeId, const QString &imageId)
{
    return {{QStringLiteral("name"), name},
            {QStringLiteral("place_id"), placeId},
            {QStringLiteral("image_id"), imageId}};
}

QJsonObject cameraIds(const QStringList &ids)
{
    return {{QStringLiteral("camera_ids"), QJsonArray::fromStringList(ids)}};
}

QStringList listedIds(const Reply &r, const char *key)
{
    return idsOf(r.object().value(QLatin1String(key)));
}

QString newUuid()
{
    return QUuid::createUuid().toString(QUuid::WithoutBraces);
}

} // namespace

class TstApiPlans : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void cleanup();
    void cleanupTestCase();

    void createPlan();
    void createErrors_data();
    void createErrors();
    void createValidation_data();
    void createValidation();
    void getPlan();
    void updatePlan();
    void updateErrors();
    void deletePlan();
    void deletePlanWithCameras();
    void listPlans();
    void listByGroup();
    void searchPlans();
    void addCameras();
    void addCamerasErrors();
    void addCamerasIsAllOrNothing();
    void addCamerasValidation();
    void listPlanCameras();
    void removeCameras();
    void updatePosition();
    void updatePositionErrors();
    void cameraMovedToAnotherPlaceLeavesPlan();
    void mutationsAreAudited();
    void permissionDenied();
    void organizationIsolation();

private:
    struct Site
    {
        qint64 place = 0;
        QString image;
        qint64 plan = 0;
    };
    /** A place with a plan image and a plan, made by `client`. */
    Site makeSite(ApiTestClient &client, const QString &name);

    TestServer m_server;
    SiteClients m_c;
};

void TstApiPlans::initTestCase()
{
    QVERIFY2(m_server.start(), qPrintable(m_server.errorString()));
    QVERIFY2(m_c.setUp(m_server), qPrintable(m_c.error));
}

void TstApiPlans::cleanup()
{
    for (ApiTestClient *c : m_c.all())
        VMS_VERIFY_NO_SCHEMA_FAILURES(*c);
}

void TstApiPlans::cleanupTestCase()
{
    m_c.reset();
    m_server.stop();
}

TstApiPlans::Site TstApiPlans::makeSite(ApiTestClient &client, const QString &name)
{
    Site s;
    s.place = createPlace(client, QJsonObject{{QStringLiteral("name"), name}});
    s.image = uploadImage(client);
    s.plan = vms::apitest::createPlan(client, name + QStringLiteral(" plan"), s.place, s.image);
    return s;
}

void TstApiPlans::createPlan()
{
    const qint64 place = createPlace(
            *m_c.user, QJsonObject{{QStringLiteral("name"), QStringLiteral("Plant")}});
    const QString image = uploadImage(*m_c.user);
    QVERIFY(place > 0 && !image.isEmpty());
    const Reply r = m_c.user->post(QStringLiteral("/api/v1/plans"),
                                   planBody(QStringLiteral("Ground floor"), place, image));
    VMS_VERIFY_STATUS(r, 200);
    const QJsonObject p = r.object();
    QVERIFY(p.value(QLatin1String("id")).toInteger() > 0);
    QCOMPARE(p.value(QLatin1String("name")).toString(), QStringLiteral("Ground floor"));
    QCOMPARE(p.value(QLatin1String("place_id")).toInteger(), place);
    QCOMPARE(p.value(QLatin1String("image_id")).toString(), image);
    QCOMPARE(p.value(QLatin1String("image_url")).toString(),
             QStringLiteral("/api/v1/uploads/%1/content").arg(image));
    QVERIFY(p.value(QLatin1String("created_at")).toString().endsWith(QLatin1Char('Z')));
    // The image URL serves the image.
    VMS_VERIFY_STATUS(m_c.user->get(p.value(QLatin1String("image_url")).toString()), 200);
}

void TstApiPlans::createErrors_data()
{
    QTest::addColumn<QString>("problem");
    QTest::newRow("unknown place") << QStringLiteral("place");
    QTest::newRow("other organization's place") << QStringLiteral("foreign place");
    QTest::newRow("unknown image") << QStringLiteral("image");
    QTest::newRow("image of kind avatar") << QStringLiteral("avatar");
    QTest::newRow("other organization's image") << QStringLiteral("foreign image");
    QTest::newRow("image id not a uuid") << QStringLiteral("garbage image");
}

void TstApiPlans::createErrors()
{
    QFETCH(QString, problem);
    qint64 place = createPlace(*m_c.user,
                               QJsonObject{{QStringLiteral("name"), QStringLiteral("Err place")}});
    QString image = uploadImage(*m_c.user);
    if (problem == QLatin1String("place"))
        place = 987654;
    else if (problem == QLatin1String("foreign place"))
        place = createPlace(*m_c.other, QJsonObject{{QStringLiteral("name"), QStringLiteral("F")}});
    else if (problem == QLatin1String("image"))
        image = newUuid();
    else if (problem == QLatin1String("avatar"))
        image = uploadImage(*m_c.user, QStringLiteral("avatar"));
    else if (problem == QLatin1String("foreign image"))
        image = uploadImage(*m_c.other);
    else if (problem == QLatin1String("garbage image"))
        image = QStringLiteral("not-an-id");
    QVERIFY(place > 0 && !image.isEmpty());
    const Reply r = m_c.user->post(QStringLiteral("/api/v1/plans"),
                                   planBody(QStringLiteral("Bad"), place, image));
    VMS_VERIFY_ERROR(r, 400, QStringLiteral("invalid_request"));

    // PUT has the same rules.
    const Site s = makeSite(*m_c.user, QStringLiteral("Err site"));
    VMS_VERIFY_ERROR(m_c.user->put(QStringLiteral("/api/v1/plans/%1").arg(s.plan),
                                   planBody(QStringLiteral("Bad"), place, image)),
                     400, QStringLiteral("invalid_request"));
}

void TstApiPlans::createValidation_data()
{
    QTest::addColumn<QJsonObject>("body");
    QTest::addColumn<QString>("field");
    QTest::addColumn<QString>("type");
    const QString someId = newUuid();
    QTest::newRow("name missing") << QJsonObject{{QStringLiteral("place_id"), 1},
                                                 {QStringLiteral("image_id"), someId}}
                                  << QStringLiteral("name")
                                  << QStringLiteral("value_error.missing");
    QTest::newRow("name empty") << planBody(QString(), 1, someId) << QStringLiteral("name")
                                << QStringLiteral("value_error.any_str.min_length");
    QTest::newRow("name too long")
            << planBody(QString(256, QLatin1Char('p')), 1, someId) << QStringLiteral("name")
            << QStringLiteral("value_error.any_str.max_length");
    QTest::newRow("place_id missing")
            << QJsonObject{{QStringLiteral("name"), QStringLiteral("n")},
                           {QStringLiteral("image_id"), someId}}
            << QStringLiteral("place_id") << QStringLiteral("value_error.missing");
    QTest::newRow("place_id not an integer")
            << QJsonObject{{QStringLiteral("name"), QStringLiteral("n")},
                           {QStringLiteral("place_id"), QStringLiteral("one")},
                           {QStringLiteral("image_id"), someId}}
            << QStringLiteral("place_id") << QStringLiteral("type_error.integer");
    QTest::newRow("image_id missing")
            << QJsonObject{{QStringLiteral("name"), QStringLiteral("n")},
                           {QStringLiteral("place_id"), 1}}
            << QStringLiteral("image_id") << QStringLiteral("value_error.missing");
}

void TstApiPlans::createValidation()
{
    QFETCH(QJsonObject, body);
    QFETCH(QString, field);
    QFETCH(QString, type);
    VMS_VERIFY_VALIDATION(m_c.user->post(QStringLiteral("/api/v1/plans"), body),
                          QStringList({QStringLiteral("body"), field}), type);
    const Site s = makeSite(*m_c.user, QStringLiteral("Val site"));
    VMS_VERIFY_VALIDATION(m_c.user->put(QStringLiteral("/api/v1/plans/%1").arg(s.plan), body),
                          QStringList({QStringLiteral("body"), field}), type);
}

void TstApiPlans::getPlan()
{
    const Site s = makeSite(*m_c.user, QStringLiteral("Get site"));
    const Reply r = m_c.user->get(QStringLiteral("/api/v1/plans/%1").arg(s.plan));
    VMS_VERIFY_STATUS(r, 200);
    QCOMPARE(r.object().value(QLatin1String("id")).toInteger(), s.plan);
    QCOMPARE(r.object().value(QLatin1String("place_id")).toInteger(), s.place);
    VMS_VERIFY_ERROR(m_c.user->get(QStringLiteral("/api/v1/plans/987654")), 404,
                     QStringLiteral("not_found"));
    VMS_VERIFY_VALIDATION(m_c.user->get(QStringLiteral("/api/v1/plans/abc")),
                          QStringList({QStringLiteral("path"), QStringLiteral("plan_id")}),
                          QStringLiteral("type_error.integer"));
}

void TstApiPlans::updatePlan()
{
    const Site s = makeSite(*m_c.user, QStringLiteral("Upd site"));
    const qint64 otherPlace = createPlace(
            *m_c.user, QJsonObject{{QStringLiteral("name"), QStringLiteral("Upd 2")}});
    const QString otherImage = uploadImage(*m_c.user);
    // With no cameras on it, the plan may move to another place.
    const Reply r = m_c.user->put(QStringLiteral("/api/v1/plans/%1").arg(s.plan),
                                  planBody(QStringLiteral("Renamed"), otherPlace, otherImage));
    VMS_VERIFY_STATUS(r, 200);
    QCOMPARE(r.object().value(QLatin1String("name")).toString(), QStringLiteral("Renamed"));
    QCOMPARE(r.object().value(QLatin1String("place_id")).toInteger(), otherPlace);
    QCOMPARE(r.object().value(QLatin1String("image_id")).toString(), otherImage);
    const Reply again = m_c.user->get(QStringLiteral("/api/v1/plans/%1").arg(s.plan));
    QCOMPARE(again.object(), r.object());
    // The old place lost it, the new one has it.
    QCOMPARE(m_c.user->get(QStringLiteral("/api/v1/places/%1").arg(s.place))
                     .object()
                     .value(QLatin1String("plan_count"))
                     .toInteger(),
             0);
    QCOMPARE(m_c.user->get(QStringLiteral("/api/v1/places/%1").arg(otherPlace))
                     .object()
                     .value(QLatin1String("plan_count"))
                     .toInteger(),
             1);
}

void TstApiPlans::updateErrors()
{
    const Site s = makeSite(*m_c.user, QStringLiteral("UpdErr site"));
    VMS_VERIFY_ERROR(m_c.user->put(QStringLiteral("/api/v1/plans/987654"),
                                   planBody(QStringLiteral("x"), s.place, s.image)),
                     404, QStringLiteral("not_found"));
    VMS_VERIFY_VALIDATION(m_c.user->put(QStringLiteral("/api/v1/plans/-"),
                                        planBody(QStringLiteral("x"), s.place, s.image)),
                          QStringList({QStringLiteral("path"), QStringLiteral("plan_id")}),
                          QStringLiteral("type_error.integer"));
    // A plan with cameras cannot move to another place (its cameras belong to the old one).
    const QString camera = createCamera(*m_c.user, QStringLiteral("cam"), s.place);
    VMS_VERIFY_STATUS(m_c.user->post(QStringLiteral("/api/v1/plans/%1/cameras").arg(s.plan),
                                     cameraIds({camera})),
                      200);
    const qint64 otherPlace
            = createPlace(*m_c.user, QJsonObject{{QStringLiteral("name"), QStringLiteral("Away")}});
    VMS_VERIFY_ERROR(m_c.user->put(QStringLiteral("/api/v1/plans/%1").arg(s.plan),
                                   planBody(QStringLiteral("x"), otherPlace, s.image)),
                     400, QStringLiteral("invalid_request"));
    // Staying in the place is fine.
    VMS_VERIFY_STATUS(m_c.user->put(QStringLiteral("/api/v1/plans/%1").arg(s.plan),
                                    planBody(QStringLiteral("Kept"), s.place, s.image)),
                      200);
}

void TstApiPlans::deletePlan()
{
    const Site s = makeSite(*m_c.user, QStringLiteral("Del site"));
    const Reply r = m_c.user->del(QStringLiteral("/api/v1/plans/%1").arg(s.plan));
    VMS_VERIFY_STATUS(r, 200);
    QCOMPARE(r.object(), QJsonObject({{QStringLiteral("status"), QStringLiteral("ok")}}));
    VMS_VERIFY_ERROR(m_c.user->get(QStringLiteral("/api/v1/plans/%1").arg(s.plan)), 404,
                     QStringLiteral("not_found"));
    VMS_VERIFY_ERROR(m_c.user->del(QStringLiteral("/api/v1/plans/%1").arg(s.plan)), 404,
                     QStringLiteral("not_found"));
    VMS_VERIFY_VALIDATION(m_c.user->del(QStringLiteral("/api/v1/plans/x")),
                          QStringList({QStringLiteral("path"), QStringLiteral("plan_id")}),
                          QStringLiteral("type_error.integer"));
}

void TstApiPlans::deletePlanWithCameras()
{
    const Site s = makeSite(*m_c.user, QStringLiteral("DelCam site"));
    const QString camera = createCamera(*m_c.user, QStringLiteral("cam"), s.place);
    VMS_VERIFY_STATUS(m_c.user->post(QStringLiteral("/api/v1/plans/%1/cameras").arg(s.plan),
                                     cameraIds({camera})),
                      200);
    const Reply r = m_c.user->del(QStringLiteral("/api/v1/plans/%1").arg(s.plan));
    VMS_VERIFY_ERROR(r, 400, QStringLiteral("invalid_request"));
    QCOMPARE(r.object().value(QLatin1String("detail")).toString(),
             QStringLiteral("Plan has cameras"));
    VMS_VERIFY_STATUS(m_c.user->del(QStringLiteral("/api/v1/plans/%1/cameras").arg(s.plan),
                                    cameraIds({camera})),
                      200);
    VMS_VERIFY_STATUS(m_c.user->del(QStringLiteral("/api/v1/plans/%1").arg(s.plan)), 200);
}

void TstApiPlans::listPlans()
{
    QStringList created;
    for (int i = 0; i < 11; ++i)
        created.append(QString::number(makeSite(*m_c.other, QStringLiteral("L%1").arg(i)).plan));
    // The other organization holds exactly these plans: page through them.
    Reply r = m_c.other->get(QStringLiteral("/api/v1/plans?limit=10"));
    VMS_VERIFY_STATUS(r, 200);
    QCOMPARE(listedIds(r, "plans"), created.mid(0, 10));
    const QString cursor = r.object()
                                   .value(QLatin1String("pagination"))
                                   .toObject()
                                   .value(QLatin1String("cursor"))
                                   .toString();
    QVERIFY(!cursor.isEmpty());
    r = m_c.other->get(QStringLiteral("/api/v1/plans?limit=10&cursor=") + cursor);
    VMS_VERIFY_STATUS(r, 200);
    QCOMPARE(listedIds(r, "plans"), created.mid(10));
    QCOMPARE(r.object().value(QLatin1String("pagination")).toObject(), QJsonObject());

    VMS_VERIFY_VALIDATION(m_c.user->get(QStringLiteral("/api/v1/plans?cursor=%%%")),
                          QStringList({QStringLiteral("query"), QStringLiteral("cursor")}),
                          QStringLiteral("value_error.cursor"));
    VMS_VERIFY_VALIDATION(m_c.user->get(QStringLiteral("/api/v1/plans?group_id=x")),
                          QStringList({QStringLiteral("query"), QStringLiteral("group_id")}),
                          QStringLiteral("type_error.integer"));
}

void TstApiPlans::listByGroup()
{
    const Site in = makeSite(*m_c.user, QStringLiteral("Grouped site"));
    const Site out = makeSite(*m_c.user, QStringLiteral("Ungrouped site"));
    QString error;
    const qint64 group
            = createGroupWithPlaces(m_server, m_c.defaultOrganization, {in.place}, &error);
    QVERIFY2(group > 0, qPrintable(error));
    Reply r = m_c.user->get(QStringLiteral("/api/v1/plans?group_id=%1").arg(group));
    VMS_VERIFY_STATUS(r, 200);
    QCOMPARE(listedIds(r, "plans"), QStringList{QString::number(in.plan)});
    r = m_c.user->post(QStringLiteral("/api/v1/plans/search?group_id=%1").arg(group),
                       QJsonObject{{QStringLiteral("query"), QStringLiteral("site")}});
    VMS_VERIFY_STATUS(r, 200);
    QCOMPARE(listedIds(r, "plans"), QStringList{QString::number(in.plan)});
    r = m_c.user->get(QStringLiteral("/api/v1/plans?group_id=999999"));
    VMS_VERIFY_STATUS(r, 200);
    QVERIFY(listedIds(r, "plans").isEmpty());
    QVERIFY(out.plan > 0);
}

void TstApiPlans::searchPlans()
{
    const Site a = makeSite(*m_c.user, QStringLiteral("Basement ALPHA"));
    const Site b = makeSite(*m_c.user, QStringLiteral("alphabet roof"));
    const Site c = makeSite(*m_c.user, QStringLiteral("Gamma"));
    Reply r = m_c.user->post(QStringLiteral("/api/v1/plans/search"),
                             QJsonObject{{QStringLiteral("query"), QStringLiteral("Alpha")}});
    VMS_VERIFY_STATUS(r, 200);
    QCOMPARE(listedIds(r, "plans"),
             QStringList({QString::number(a.plan), QString::number(b.plan)}));
    QVERIFY(c.plan > 0);
    VMS_VERIFY_VALIDATION(m_c.user->post(QStringLiteral("/api/v1/plans/search"), QJsonObject()),
                          QStringList({QStringLiteral("body"), QStringLiteral("query")}),
                          QStringLiteral("value_error.missing"));
    VMS_VERIFY_VALIDATION(
            m_c.user->post(QStringLiteral("/api/v1/plans/search?limit=0"),
                           QJsonObject{{QStringLiteral("query"), QStringLiteral("a")}}),
            QStringList({QStringLiteral("query"), QStringLiteral("limit")}),
            QStringLiteral("value_error.number.not_ge"));
}

void TstApiPlans::addCameras()
{
    const Site s = makeSite(*m_c.user, QStringLiteral("Add site"));
    const QString c1 = createCamera(*m_c.user, QStringLiteral("c1"), s.place);
    const QString c2 = createCamera(*m_c.user, QStringLiteral("c2"), s.place);
    // Repeated and upper-case ids count once.
    const Reply r = m_c.user->post(QStringLiteral("/api/v1/plans/%1/cameras").arg(s.plan),
                                   cameraIds({c1, c2, c1.toUpper()}));
    VMS_VERIFY_STATUS(r, 200);
    QCOMPARE(r.object(), QJsonObject({{QStringLiteral("status"), QStringLiteral("ok")}}));
    const Reply camera = m_c.user->get(QStringLiteral("/api/v1/cameras/") + c1);
    QCOMPARE(camera.object().value(QLatin1String("plan_id")).toInteger(), s.plan);
    const Reply list = m_c.user->get(QStringLiteral("/api/v1/plans/%1/cameras").arg(s.plan));
    VMS_VERIFY_STATUS(list, 200);
    const QJsonArray cameras = list.object().value(QLatin1String("cameras")).toArray();
    QCOMPARE(cameras.size(), 2);
    for (const QJsonValue &c : cameras) {
        // Newly placed cameras sit in the middle of the plan.
        QCOMPARE(c.toObject().value(QLatin1String("x")).toDouble(), 0.5);
        QCOMPARE(c.toObject().value(QLatin1String("y")).toDouble(), 0.5);
    }
    // An empty list changes nothing.
    VMS_VERIFY_STATUS(
            m_c.user->post(QStringLiteral("/api/v1/plans/%1/cameras").arg(s.plan), cameraIds({})),
            200);
}

void TstApiPlans::addCamerasErrors()
{
    const Site s = makeSite(*m_c.user, QStringLiteral("AddErr site"));
    const Site second = makeSite(*m_c.user, QStringLiteral("AddErr other"));
    const QString onThis = createCamera(*m_c.user, QStringLiteral("here"), s.place);
    VMS_VERIFY_STATUS(m_c.user->post(QStringLiteral("/api/v1/plans/%1/cameras").arg(s.plan),
                                     cameraIds({onThis})),
                      200);
    // A second plan of the same place, and a camera on it.
    const qint64 samePlacePlan
            = vms::apitest::createPlan(*m_c.user, QStringLiteral("Second floor"), s.place, s.image);
    const QString onOtherPlan = createCamera(*m_c.user, QStringLiteral("upstairs"), s.place);
    VMS_VERIFY_STATUS(m_c.user->post(QStringLiteral("/api/v1/plans/%1/cameras").arg(samePlacePlan),
                                     cameraIds({onOtherPlan})),
                      200);
    const QString otherPlace = createCamera(*m_c.user, QStringLiteral("away"), second.place);
    const QString foreign = createCamera(
            *m_c.other, QStringLiteral("foreign"),
            createPlace(*m_c.other, QJsonObject{{QStringLiteral("name"), QStringLiteral("F")}}));
    QVERIFY(!foreign.isEmpty());

    const auto add = [&](const QStringList &ids) {
        return m_c.user->post(QStringLiteral("/api/v1/plans/%1/cameras").arg(s.plan),
                              cameraIds(ids));
    };
    Reply r = add({onThis});
    VMS_VERIFY_ERROR(r, 400, QStringLiteral("invalid_request"));
    QVERIFY2(r.object()
                     .value(QLatin1String("detail"))
                     .toString()
                     .contains(QLatin1String("already on this plan")),
             qPrintable(r.describe()));
    r = add({onOtherPlan});
    VMS_VERIFY_ERROR(r, 400, QStringLiteral("invalid_request"));
    QVERIFY2(r.object()
                     .value(QLatin1String("detail"))
                     .toString()
                     .contains(QLatin1String("already on plan")),
             qPrintable(r.describe()));
    r = add({otherPlace});
    VMS_VERIFY_ERROR(r, 400, QStringLiteral("invalid_request"));
    QVERIFY2(r.object()
                     .value(QLatin1String("detail"))
                     .toString()
                     .contains(QLatin1String("another place")),
             qPrintable(r.describe()));
    VMS_VERIFY_ERROR(add({newUuid()}), 400, QStringLiteral("invalid_request"));
    VMS_VERIFY_ERROR(add({QStringLiteral("not-a-camera")}), 400, QStringLiteral("invalid_request"));
    // Another organization's camera does not exist for this caller.
    VMS_VERIFY_ERROR(add({foreign}), 400, QStringLiteral("invalid_request"));
    // An unknown plan is a 404, as the response list says.
    const QString free = createCamera(*m_c.user, QStringLiteral("free"), s.place);
    VMS_VERIFY_ERROR(
            m_c.user->post(QStringLiteral("/api/v1/plans/987654/cameras"), cameraIds({free})), 404,
            QStringLiteral("not_found"));
    VMS_VERIFY_VALIDATION(
            m_c.user->post(QStringLiteral("/api/v1/plans/p/cameras"), cameraIds({free})),
            QStringList({QStringLiteral("path"), QStringLiteral("plan_id")}),
            QStringLiteral("type_error.integer"));
}

void TstApiPlans::addCamerasIsAllOrNothing()
{
    const Site s = makeSite(*m_c.user, QStringLiteral("Atomic site"));
    const Site away = makeSite(*m_c.user, QStringLiteral("Atomic away"));
    const QString good = createCamera(*m_c.user, QStringLiteral("good"), s.place);
    const QString bad = createCamera(*m_c.user, QStringLiteral("bad"), away.place);
    VMS_VERIFY_ERROR(m_c.user->post(QStringLiteral("/api/v1/plans/%1/cameras").arg(s.plan),
                                    cameraIds({good, bad})),
                     400, QStringLiteral("invalid_request"));
    // The valid camera was not placed either.
    const Reply camera = m_c.user->get(QStringLiteral("/api/v1/cameras/") + good);
    VMS_VERIFY_STATUS(camera, 200);
    QVERIFY(!camera.object().contains(QLatin1String("plan_id")));
    const Reply list = m_c.user->get(QStringLiteral("/api/v1/plans/%1/cameras").arg(s.plan));
    QVERIFY(list.object().value(QLatin1String("cameras")).toArray().isEmpty());
}

void TstApiPlans::addCamerasValidation()
{
    const Site s = makeSite(*m_c.user, QStringLiteral("AddVal site"));
    const QString path = QStringLiteral("/api/v1/plans/%1/cameras").arg(s.plan);
    VMS_VERIFY_VALIDATION(m_c.user->post(path, QJsonObject()),
                          QStringList({QStringLiteral("body"), QStringLiteral("camera_ids")}),
                          QStringLiteral("value_error.missing"));
    VMS_VERIFY_VALIDATION(
            m_c.user->post(path, QJsonObject{{QStringLiteral("camera_ids"), QStringLiteral("x")}}),
            QStringList({QStringLiteral("body"), QStringLiteral("camera_ids")}),
            QStringLiteral("type_error.list"));
    VMS_VERIFY_VALIDATION(m_c.user->post(path, QJsonObject{{QStringLiteral("camera_ids"),
                                                            QJsonArray{QStringLiteral("a"), 3}}}),
                          QStringList({QStringLiteral("body"), QStringLiteral("camera_ids"),
                                       QStringLiteral("1")}),
                          QStringLiteral("type_error.str"));
    VMS_VERIFY_VALIDATION(m_c.user->del(path, QJsonObject()),
                          QStringList({QStringLiteral("body"), QStringLiteral("camera_ids")}),
                          QStringLiteral("value_error.missing"));
}

void TstApiPlans::listPlanCameras()
{
    const Site s = makeSite(*m_c.user, QStringLiteral("PlanCams"));
    QStringList ids;
    for (int i = 0; i < 12; ++i)
        ids.append(createCamera(*m_c.user, QStringLiteral("pc%1").arg(i), s.place));
    VMS_VERIFY_STATUS(
            m_c.user->post(QStringLiteral("/api/v1/plans/%1/cameras").arg(s.plan), cameraIds(ids)),
            200);
    ids.sort();
    Reply r = m_c.user->get(QStringLiteral("/api/v1/plans/%1/cameras?limit=10").arg(s.plan));
    VMS_VERIFY_STATUS(r, 200);
    QCOMPARE(listedIds(r, "cameras"), ids.mid(0, 10));
    const QJsonObject first
            = r.object().value(QLatin1String("cameras")).toArray().first().toObject();
    QCOMPARE(first.value(QLatin1String("camera_id")), first.value(QLatin1String("id")));
    QCOMPARE(first.value(QLatin1String("plan_id")).toInteger(), s.plan);
    QCOMPARE(first.value(QLatin1String("place_id")).toInteger(), s.place);
    QVERIFY(first.value(QLatin1String("source")).toObject().contains(QLatin1String("url")));
    const QString cursor = r.object()
                                   .value(QLatin1String("pagination"))
                                   .toObject()
                                   .value(QLatin1String("cursor"))
                                   .toString();
    r = m_c.user->get(
            QStringLiteral("/api/v1/plans/%1/cameras?limit=10&cursor=%2").arg(s.plan).arg(cursor));
    VMS_VERIFY_STATUS(r, 200);
    QCOMPARE(listedIds(r, "cameras"), ids.mid(10));
    QCOMPARE(r.object().value(QLatin1String("pagination")).toObject(), QJsonObject());
    VMS_VERIFY_ERROR(m_c.user->get(QStringLiteral("/api/v1/plans/987654/cameras")), 404,
                     QStringLiteral("not_found"));
}

void TstApiPlans::removeCameras()
{
    const Site s = makeSite(*m_c.user, QStringLiteral("Remove site"));
    const QString c1 = createCamera(*m_c.user, QStringLiteral("r1"), s.place);
    const QString c2 = createCamera(*m_c.user, QStringLiteral("r2"), s.place);
    const QString loose = createCamera(*m_c.user, QStringLiteral("r3"), s.place);
    const QString path = QStringLiteral("/api/v1/plans/%1/cameras").arg(s.plan);
    VMS_VERIFY_STATUS(m_c.user->post(path, cameraIds({c1, c2})), 200);
    // A camera that is not on the plan (and an unknown id) are left alone.
    const Reply r = m_c.user->del(path, cameraIds({c1, loose, newUuid()}));
    VMS_VERIFY_STATUS(r, 200);
    QCOMPARE(r.object(), QJsonObject({{QStringLiteral("status"), QStringLiteral("ok")}}));
    QCOMPARE(listedIds(m_c.user->get(path), "cameras"), QStringList{c2});
    // The audit entry names what actually left the plan.
    const Reply log = m_c.admin->get(
            QStringLiteral("/api/v1/auditlogs?limit=1000&action_types=plan_camera_delete"));
    VMS_VERIFY_STATUS(log, 200);
    QJsonArray removedIds;
    const QJsonArray entries = log.object().value(QLatin1String("auditlogs")).toArray();
    for (const QJsonValue &e : entries) {
        const QJsonObject meta = e.toObject().value(QLatin1String("meta")).toObject();
        if (meta.value(QLatin1String("plan_id")).toInteger() == s.plan)
            removedIds = meta.value(QLatin1String("camera_ids")).toArray();
    }
    QCOMPARE(removedIds, QJsonArray{c1});
    QVERIFY(!m_c.user->get(QStringLiteral("/api/v1/cameras/") + c1)
                     .object()
                     .contains(QLatin1String("plan_id")));
    // The camera can go onto the plan again, at the default position.
    VMS_VERIFY_STATUS(m_c.user->post(path, cameraIds({c1})), 200);
    VMS_VERIFY_ERROR(m_c.user->del(QStringLiteral("/api/v1/plans/987654/cameras"), cameraIds({c1})),
                     404, QStringLiteral("not_found"));
}

void TstApiPlans::updatePosition()
{
    const Site s = makeSite(*m_c.user, QStringLiteral("Pos site"));
    const QString camera = createCamera(*m_c.user, QStringLiteral("pos"), s.place);
    VMS_VERIFY_STATUS(m_c.user->post(QStringLiteral("/api/v1/plans/%1/cameras").arg(s.plan),
                                     cameraIds({camera})),
                      200);
    const QString path
            = QStringLiteral("/api/v1/plans/%1/cameras/%2/position").arg(s.plan).arg(camera);
    Reply r = m_c.user->put(path,
                            QJsonObject{{QStringLiteral("x"), 0.25}, {QStringLiteral("y"), 1}});
    VMS_VERIFY_STATUS(r, 200);
    QCOMPARE(r.object(), QJsonObject({{QStringLiteral("plan_id"), s.plan},
                                      {QStringLiteral("camera_id"), camera},
                                      {QStringLiteral("x"), 0.25},
                                      {QStringLiteral("y"), 1.0}}));
    // An absent coordinate keeps its value.
    r = m_c.user->put(path, QJsonObject{{QStringLiteral("y"), 0}});
    VMS_VERIFY_STATUS(r, 200);
    QCOMPARE(r.object().value(QLatin1String("x")).toDouble(), 0.25);
    QCOMPARE(r.object().value(QLatin1String("y")).toDouble(), 0.0);
    const Reply list = m_c.user->get(QStringLiteral("/api/v1/plans/%1/cameras").arg(s.plan));
    const QJsonObject listed
            = list.object().value(QLatin1String("cameras")).toArray().first().toObject();
    QCOMPARE(listed.value(QLatin1String("x")).toDouble(), 0.25);
    QCOMPARE(listed.value(QLatin1String("y")).toDouble(), 0.0);
}

void TstApiPlans::updatePositionErrors()
{
    const Site s = makeSite(*m_c.user, QStringLiteral("PosErr site"));
    const QString onPlan = createCamera(*m_c.user, QStringLiteral("on"), s.place);
    const QString offPlan = createCamera(*m_c.user, QStringLiteral("off"), s.place);
    VMS_VERIFY_STATUS(m_c.user->post(QStringLiteral("/api/v1/plans/%1/cameras").arg(s.plan),
                                     cameraIds({onPlan})),
                      200);
    const auto path = [&](const QString &plan, const QString &camera) {
        return QStringLiteral("/api/v1/plans/%1/cameras/%2/position").arg(plan, camera);
    };
    const QString plan = QString::number(s.plan);
    const QJsonObject ok{{QStringLiteral("x"), 0.1}, {QStringLiteral("y"), 0.2}};
    Reply r = m_c.user->put(path(plan, offPlan), ok);
    VMS_VERIFY_ERROR(r, 400, QStringLiteral("invalid_request"));
    VMS_VERIFY_ERROR(m_c.user->put(path(plan, newUuid()), ok), 404, QStringLiteral("not_found"));
    VMS_VERIFY_ERROR(m_c.user->put(path(QStringLiteral("987654"), onPlan), ok), 404,
                     QStringLiteral("not_found"));
    VMS_VERIFY_VALIDATION(m_c.user->put(path(plan, QStringLiteral("nope")), ok),
                          QStringList({QStringLiteral("path"), QStringLiteral("camera_id")}),
                          QStringLiteral("type_error.uuid"));
    VMS_VERIFY_VALIDATION(
            m_c.user->put(path(plan, onPlan), QJsonObject{{QStringLiteral("x"), 1.01}}),
            QStringList({QStringLiteral("body"), QStringLiteral("x")}),
            QStringLiteral("value_error.number.not_le"));
    VMS_VERIFY_VALIDATION(
            m_c.user->put(path(plan, onPlan), QJsonObject{{QStringLiteral("y"), -0.01}}),
            QStringList({QStringLiteral("body"), QStringLiteral("y")}),
            QStringLiteral("value_error.number.not_ge"));
    VMS_VERIFY_VALIDATION(m_c.user->put(path(plan, onPlan),
                                        QJsonObject{{QStringLiteral("x"), QStringLiteral("left")}}),
                          QStringList({QStringLiteral("body"), QStringLiteral("x")}),
                          QStringLiteral("type_error.float"));
    // Nothing moved.
    const Reply list = m_c.user->get(QStringLiteral("/api/v1/plans/%1/cameras").arg(s.plan));
    const QJsonObject listed
            = list.object().value(QLatin1String("cameras")).toArray().first().toObject();
    QCOMPARE(listed.value(QLatin1String("x")).toDouble(), 0.5);
}

void TstApiPlans::cameraMovedToAnotherPlaceLeavesPlan()
{
    const Site s = makeSite(*m_c.user, QStringLiteral("Move site"));
    const qint64 elsewhere = createPlace(
            *m_c.user, QJsonObject{{QStringLiteral("name"), QStringLiteral("Move target")}});
    const QString camera = createCamera(*m_c.user, QStringLiteral("mover"), s.place);
    VMS_VERIFY_STATUS(m_c.user->post(QStringLiteral("/api/v1/plans/%1/cameras").arg(s.plan),
                                     cameraIds({camera})),
                      200);
    // Same place: stays on the plan.
    const QJsonObject source{{QStringLiteral("url"), QStringLiteral("rtsp://127.0.0.1/m")}};
    Reply r = m_c.user->put(QStringLiteral("/api/v1/cameras/") + camera,
                            QJsonObject{{QStringLiteral("name"), QStringLiteral("mover 2")},
                                        {QStringLiteral("place_id"), s.place},
                                        {QStringLiteral("source"), source}});
    VMS_VERIFY_STATUS(r, 200);
    QCOMPARE(r.object().value(QLatin1String("plan_id")).toInteger(), s.plan);
    // Another place: off the plan.
    r = m_c.user->put(QStringLiteral("/api/v1/cameras/") + camera,
                      QJsonObject{{QStringLiteral("name"), QStringLiteral("mover 2")},
                                  {QStringLiteral("place_id"), elsewhere},
                                  {QStringLiteral("source"), source}});
    VMS_VERIFY_STATUS(r, 200);
    QVERIFY(!r.object().contains(QLatin1String("plan_id")));
    QVERIFY(listedIds(m_c.user->get(QStringLiteral("/api/v1/plans/%1/cameras").arg(s.plan)),
                      "cameras")
                    .isEmpty());
    // And the plan can go now.
    VMS_VERIFY_STATUS(m_c.user->del(QStringLiteral("/api/v1/plans/%1").arg(s.plan)), 200);
}

void TstApiPlans::mutationsAreAudited()
{
    const Site s = makeSite(*m_c.user, QStringLiteral("Audit site"));
    const QString camera = createCamera(*m_c.user, QStringLiteral("aud"), s.place);
    const QString cams = QStringLiteral("/api/v1/plans/%1/cameras").arg(s.plan);
    VMS_VERIFY_STATUS(m_c.user->put(QStringLiteral("/api/v1/plans/%1").arg(s.plan),
                                    planBody(QStringLiteral("Audit 2"), s.place, s.image)),
                      200);
    VMS_VERIFY_STATUS(m_c.user->post(cams, cameraIds({camera})), 200);
    VMS_VERIFY_STATUS(m_c.user->put(cams + QLatin1Char('/') + camera + QStringLiteral("/position"),
                                    QJsonObject{{QStringLiteral("x"), 0.75}}),
                      200);
    VMS_VERIFY_STATUS(m_c.user->del(cams, cameraIds({camera})), 200);
    VMS_VERIFY_STATUS(m_c.user->del(QStringLiteral("/api/v1/plans/%1").arg(s.plan)), 200);
    const Reply log = m_c.admin->get(QStringLiteral("/api/v1/auditlogs?limit=1000"));
    VMS_VERIFY_STATUS(log, 200);
    QStringList actions;
    const QJsonArray entries = log.object().value(QLatin1String("auditlogs")).toArray();
    for (const QJsonValue &e : entries) {
        const QJsonObject o = e.toObject();
        const QString type = o.value(QLatin1String("action_type")).toString();
        if (type.startsWith(QLatin1String("plan_"))
            && o.value(QLatin1String("meta")).toObject().value(QLatin1String("plan_id")).toInteger()
                       == s.plan)
            actions.prepend(type);
    }
    // Entries of one millisecond have no defined order: compare sorted.
    actions.sort();
    QStringList expected{QStringLiteral("plan_create"),        QStringLiteral("plan_update"),
                         QStringLiteral("plan_camera_create"), QStringLiteral("plan_camera_update"),
                         QStringLiteral("plan_camera_delete"), QStringLiteral("plan_delete")};
    expected.sort();
    QCOMPARE(actions, expected);
}

void TstApiPlans::permissionDenied()
{
    const Site s = makeSite(*m_c.user, QStringLiteral("Perm site"));
    const QString camera = createCamera(*m_c.user, QStringLiteral("perm"), s.place);
    const QString plan = QStringLiteral("/api/v1/plans/%1").arg(s.plan);
    const QString cams = plan + QStringLiteral("/cameras");
    const QString position = cams + QLatin1Char('/') + camera + QStringLiteral("/position");
    const QJsonObject body = planBody(QStringLiteral("x"), s.place, s.image);
    const QJsonObject query{{QStringLiteral("query"), QStringLiteral("p")}};
    // The operator reads.
    VMS_VERIFY_STATUS(m_c.reader->get(QStringLiteral("/api/v1/plans")), 200);
    VMS_VERIFY_STATUS(m_c.reader->get(plan), 200);
    VMS_VERIFY_STATUS(m_c.reader->get(cams), 200);
    VMS_VERIFY_STATUS(m_c.reader->post(QStringLiteral("/api/v1/plans/search"), query), 200);
    const QList<Reply> writes{
            m_c.reader->post(QStringLiteral("/api/v1/plans"), body),
            m_c.reader->put(plan, body),
            m_c.reader->del(plan),
            m_c.reader->post(cams, cameraIds({camera})),
            m_c.reader->del(cams, cameraIds({camera})),
            m_c.reader->put(position, QJsonObject{{QStringLiteral("x"), 0.1}}),
    };
    for (const Reply &r : writes)
        VMS_VERIFY_ERROR(r, 403, QStringLiteral("unauthorized"));
    const QList<Reply> reads{m_c.nobody->get(QStringLiteral("/api/v1/plans")),
                             m_c.nobody->get(plan), m_c.nobody->get(cams),
                             m_c.nobody->post(QStringLiteral("/api/v1/plans/search"), query)};
    for (const Reply &r : reads)
        VMS_VERIFY_ERROR(r, 403, QStringLiteral("unauthorized"));
    // Nothing changed.
    QCOMPARE(m_c.user->get(plan).object().value(QLatin1String("name")).toString(),
             QStringLiteral("Perm site plan"));
}

void TstApiPlans::organizationIsolation()
{
    const Site mine = makeSite(*m_c.user, QStringLiteral("Iso mine"));
    const QString camera = createCamera(*m_c.user, QStringLiteral("iso"), mine.place);
    VMS_VERIFY_STATUS(m_c.user->post(QStringLiteral("/api/v1/plans/%1/cameras").arg(mine.plan),
                                     cameraIds({camera})),
                      200);
    const QString plan = QStringLiteral("/api/v1/plans/%1").arg(mine.plan);
    const QString cams = plan + QStringLiteral("/cameras");
    const Site theirs = makeSite(*m_c.other, QStringLiteral("Iso theirs"));
    const QList<Reply> replies{
            m_c.other->get(plan),
            m_c.other->put(plan, planBody(QStringLiteral("x"), theirs.place, theirs.image)),
            m_c.other->del(plan),
            m_c.other->get(cams),
            m_c.other->post(cams, cameraIds({camera})),
            m_c.other->del(cams, cameraIds({camera})),
            m_c.other->put(cams + QLatin1Char('/') + camera + QStringLiteral("/position"),
                           QJsonObject{{QStringLiteral("x"), 0.1}}),
    };
    for (const Reply &r : replies)
        VMS_VERIFY_ERROR(r, 404, QStringLiteral("not_found"));
    // Their place cannot take my plan image, nor my place their plan.
    VMS_VERIFY_ERROR(m_c.other->post(QStringLiteral("/api/v1/plans"),
                                     planBody(QStringLiteral("x"), theirs.place, mine.image)),
                     400, QStringLiteral("invalid_request"));
    VMS_VERIFY_ERROR(m_c.other->post(QStringLiteral("/api/v1/plans"),
                                     planBody(QStringLiteral("x"), mine.place, theirs.image)),
                     400, QStringLiteral("invalid_request"));
    const QJsonObject query{{QStringLiteral("query"), QStringLiteral("Iso")}};
    QCOMPARE(listedIds(m_c.other->post(QStringLiteral("/api/v1/plans/search"), query), "plans"),
             QStringList{QString::number(theirs.plan)});
    QVERIFY(!listedIds(m_c.other->get(QStringLiteral("/api/v1/plans?limit=1000")), "plans")
                     .contains(QString::number(mine.plan)));
    // Still there, still holding its camera; superusers see both organizations.
    QCOMPARE(listedIds(m_c.user->get(cams), "cameras"), QStringList{camera});
    QCOMPARE(listedIds(m_c.admin->post(QStringLiteral("/api/v1/plans/search"), query), "plans"),
             QStringList({QString::number(mine.plan), QString::number(theirs.plan)}));
}

QTEST_GUILESS_MAIN(TstApiPlans)
#include "tst_api_plans.moc"
