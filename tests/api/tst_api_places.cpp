// Seed 002 §12: places (list with geo and group filters, create, search, get, update, delete,
// place plans, place cameras).
#include "tests/api/sites_fixture.h"

#include <QTest>
#include <QUrlQuery>

using namespace vms::apitest;
using vms::test::Reply;

namespace {

QJsonObject place(const QString &name, std::optional<double> latitude = {},
                  std::optional<double> longitude = {})
{
    QJsonObject o{{QStringLiteral("name"), name}};
    if (latitude)
        o.insert(QStringLiteral("latitude"), *latitude);
    if (longitude)
        o.insert(QStringLiteral("longitude"), *longitude);
    return o;
}

QString geoQuery(double latitude, double longitude, qint64 radius)
{
    return QStringLiteral("/api/v1/places?latitude=%1&longitude=%2&radius=%3")
            .arg(latitude, 0, 'g', 12)
            .arg(longitude, 0, 'g', 12)
            .arg(radius);
}

QStringList listedIds(const Reply &r, const char *key = "places")
{
    return idsOf(r.object().value(QLatin1String(key)));
}

} // namespace

class TstApiPlaces : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void cleanup();
    void cleanupTestCase();

    void createPlace();
    void createMinimalPlace();
    void createValidation_data();
    void createValidation();
    void createCoordinatesTogether();
    void getPlace();
    void getPlaceErrors();
    void updatePlace();
    void updateErrors();
    void deletePlace();
    void deletePlaceWithPlans();
    void deletePlaceWithCameras();
    void listPlaces();
    void listGeoFilter();
    void listGeoAcrossAntimeridian();
    void listGeoValidation_data();
    void listGeoValidation();
    void listGroupFilters();
    void searchPlaces();
    void searchPaging();
    void searchValidation_data();
    void searchValidation();
    void placePlans();
    void placeCameras();
    void countsFollowPlansAndCameras();
    void mutationsAreAudited();
    void permissionDenied();
    void organizationIsolation();

private:
    TestServer m_server;
    SiteClients m_c;
};

void TstApiPlaces::initTestCase()
{
    QVERIFY2(m_server.start(), qPrintable(m_server.errorString()));
    QVERIFY2(m_c.setUp(m_server), qPrintable(m_c.error));
}

void TstApiPlaces::cleanup()
{
    for (ApiTestClient *c : m_c.all())
        VMS_VERIFY_NO_SCHEMA_FAILURES(*c);
}

void TstApiPlaces::cleanupTestCase()
{
    m_c.reset();
    m_server.stop();
}

void TstApiPlaces::createPlace()
{
    const Reply r = m_c.user->post(
            QStringLiteral("/api/v1/places"),
            QJsonObject{{QStringLiteral("name"), QStringLiteral("Main office")},
                        {QStringLiteral("description"), QStringLiteral("Head quarters")},
                        {QStringLiteral("latitude"), 55.7558},
                        {QStringLiteral("longitude"), 37.6173}});
    VMS_VERIFY_STATUS(r, 200);
    const QJsonObject p = r.object();
    QVERIFY(p.value(QLatin1String("id")).toInteger() > 0);
    QCOMPARE(p.value(QLatin1String("name")).toString(), QStringLiteral("Main office"));
    QCOMPARE(p.value(QLatin1String("description")).toString(), QStringLiteral("Head quarters"));
    QCOMPARE(p.value(QLatin1String("latitude")).toDouble(), 55.7558);
    QCOMPARE(p.value(QLatin1String("longitude")).toDouble(), 37.6173);
    QCOMPARE(p.value(QLatin1String("plan_count")).toInteger(), 0);
    QCOMPARE(p.value(QLatin1String("camera_count")).toInteger(), 0);
    QVERIFY(p.value(QLatin1String("created_at")).toString().endsWith(QLatin1Char('Z')));
    QCOMPARE(p.value(QLatin1String("updated_at")), p.value(QLatin1String("created_at")));
}

void TstApiPlaces::createMinimalPlace()
{
    const Reply r = m_c.user->post(QStringLiteral("/api/v1/places"), place(QStringLiteral("Shed")));
    VMS_VERIFY_STATUS(r, 200);
    const QJsonObject p = r.object();
    // Absent optional fields are omitted, not null.
    QVERIFY(!p.contains(QLatin1String("description")));
    QVERIFY(!p.contains(QLatin1String("latitude")));
    QVERIFY(!p.contains(QLatin1String("longitude")));
}

void TstApiPlaces::createValidation_data()
{
    QTest::addColumn<QJsonObject>("body");
    QTest::addColumn<QString>("field");
    QTest::addColumn<QString>("type");
    QTest::newRow("name missing") << QJsonObject{{QStringLiteral("description"),
                                                  QStringLiteral("x")}}
                                  << QStringLiteral("name")
                                  << QStringLiteral("value_error.missing");
    QTest::newRow("name empty") << place(QString()) << QStringLiteral("name")
                                << QStringLiteral("value_error.any_str.min_length");
    QTest::newRow("name too long")
            << place(QString(256, QLatin1Char('n'))) << QStringLiteral("name")
            << QStringLiteral("value_error.any_str.max_length");
    QTest::newRow("name not a string")
            << QJsonObject{{QStringLiteral("name"), 12}} << QStringLiteral("name")
            << QStringLiteral("type_error.str");
    QJsonObject longDescription = place(QStringLiteral("p"));
    longDescription.insert(QStringLiteral("description"), QString(2049, QLatin1Char('d')));
    QTest::newRow("description too long") << longDescription << QStringLiteral("description")
                                          << QStringLiteral("value_error.any_str.max_length");
    QTest::newRow("latitude over 90")
            << place(QStringLiteral("p"), 90.5, 10) << QStringLiteral("latitude")
            << QStringLiteral("value_error.number.not_le");
    QTest::newRow("latitude under -90")
            << place(QStringLiteral("p"), -91, 10) << QStringLiteral("latitude")
            << QStringLiteral("value_error.number.not_ge");
    QTest::newRow("longitude over 180")
            << place(QStringLiteral("p"), 10, 180.01) << QStringLiteral("longitude")
            << QStringLiteral("value_error.number.not_le");
    QTest::newRow("longitude under -180")
            << place(QStringLiteral("p"), 10, -200) << QStringLiteral("longitude")
            << QStringLiteral("value_error.number.not_ge");
    QJsonObject textLatitude = place(QStringLiteral("p"));
    textLatitude.insert(QStringLiteral("latitude"), QStringLiteral("north"));
    textLatitude.insert(QStringLiteral("longitude"), 1);
    QTest::newRow("latitude not a number")
            << textLatitude << QStringLiteral("latitude") << QStringLiteral("type_error.float");
}

void TstApiPlaces::createValidation()
{
    QFETCH(QJsonObject, body);
    QFETCH(QString, field);
    QFETCH(QString, type);
    const Reply r = m_c.user->post(QStringLiteral("/api/v1/places"), body);
    VMS_VERIFY_VALIDATION(r, QStringList({QStringLiteral("body"), field}), type);
    // The same checks hold for the full replacement.
    const qint64 id = vms::apitest::createPlace(*m_c.user, place(QStringLiteral("Target")));
    QVERIFY(id > 0);
    const Reply u = m_c.user->put(QStringLiteral("/api/v1/places/%1").arg(id), body);
    VMS_VERIFY_VALIDATION(u, QStringList({QStringLiteral("body"), field}), type);
}

void TstApiPlaces::createCoordinatesTogether()
{
    VMS_VERIFY_ERROR(m_c.user->post(QStringLiteral("/api/v1/places"),
                                    place(QStringLiteral("Half"), 10, std::nullopt)),
                     400, QStringLiteral("invalid_request"));
    VMS_VERIFY_ERROR(m_c.user->post(QStringLiteral("/api/v1/places"),
                                    place(QStringLiteral("Half"), std::nullopt, 10)),
                     400, QStringLiteral("invalid_request"));
    VMS_VERIFY_VALIDATION(
            m_c.user->post(QStringLiteral("/api/v1/places"), QJsonValue(QJsonArray())),
            QStringList({QStringLiteral("body")}), QStringLiteral("type_error.dict"));
}

void TstApiPlaces::getPlace()
{
    const Reply created = m_c.user->post(QStringLiteral("/api/v1/places"),
                                         place(QStringLiteral("Getter"), -33.8688, 151.2093));
    VMS_VERIFY_STATUS(created, 200);
    const qint64 id = created.object().value(QLatin1String("id")).toInteger();
    const Reply r = m_c.user->get(QStringLiteral("/api/v1/places/%1").arg(id));
    VMS_VERIFY_STATUS(r, 200);
    QCOMPARE(r.object(), created.object());
}

void TstApiPlaces::getPlaceErrors()
{
    VMS_VERIFY_ERROR(m_c.user->get(QStringLiteral("/api/v1/places/987654")), 404,
                     QStringLiteral("not_found"));
    VMS_VERIFY_VALIDATION(m_c.user->get(QStringLiteral("/api/v1/places/abc")),
                          QStringList({QStringLiteral("path"), QStringLiteral("place_id")}),
                          QStringLiteral("type_error.integer"));
}

void TstApiPlaces::updatePlace()
{
    const qint64 id = vms::apitest::createPlace(
            *m_c.user, QJsonObject{{QStringLiteral("name"), QStringLiteral("Before")},
                                   {QStringLiteral("description"), QStringLiteral("old")},
                                   {QStringLiteral("latitude"), 1.5},
                                   {QStringLiteral("longitude"), 2.5}});
    QVERIFY(id > 0);
    const Reply before = m_c.user->get(QStringLiteral("/api/v1/places/%1").arg(id));
    QTest::qWait(5); // so that updated_at can differ from created_at
    const Reply r = m_c.user->put(QStringLiteral("/api/v1/places/%1").arg(id),
                                  QJsonObject{{QStringLiteral("name"), QStringLiteral("After")},
                                              {QStringLiteral("latitude"), -1.25},
                                              {QStringLiteral("longitude"), 179.5}});
    VMS_VERIFY_STATUS(r, 200);
    const QJsonObject p = r.object();
    QCOMPARE(p.value(QLatin1String("id")).toInteger(), id);
    QCOMPARE(p.value(QLatin1String("name")).toString(), QStringLiteral("After"));
    // Full replacement: the description that was not sent is gone.
    QVERIFY(!p.contains(QLatin1String("description")));
    QCOMPARE(p.value(QLatin1String("latitude")).toDouble(), -1.25);
    QCOMPARE(p.value(QLatin1String("longitude")).toDouble(), 179.5);
    QCOMPARE(p.value(QLatin1String("created_at")),
             before.object().value(QLatin1String("created_at")));
    QVERIFY(p.value(QLatin1String("updated_at")).toString()
            > before.object().value(QLatin1String("updated_at")).toString());
    const Reply again = m_c.user->get(QStringLiteral("/api/v1/places/%1").arg(id));
    QCOMPARE(again.object(), p);

    // And the coordinates can be removed.
    const Reply cleared = m_c.user->put(QStringLiteral("/api/v1/places/%1").arg(id),
                                        place(QStringLiteral("After")));
    VMS_VERIFY_STATUS(cleared, 200);
    QVERIFY(!cleared.object().contains(QLatin1String("latitude")));
}

void TstApiPlaces::updateErrors()
{
    VMS_VERIFY_ERROR(
            m_c.user->put(QStringLiteral("/api/v1/places/987654"), place(QStringLiteral("x"))), 404,
            QStringLiteral("not_found"));
    VMS_VERIFY_VALIDATION(
            m_c.user->put(QStringLiteral("/api/v1/places/x1"), place(QStringLiteral("x"))),
            QStringList({QStringLiteral("path"), QStringLiteral("place_id")}),
            QStringLiteral("type_error.integer"));
    const qint64 id = vms::apitest::createPlace(*m_c.user, place(QStringLiteral("Upd")));
    VMS_VERIFY_ERROR(m_c.user->put(QStringLiteral("/api/v1/places/%1").arg(id),
                                   place(QStringLiteral("Upd"), std::nullopt, 3)),
                     400, QStringLiteral("invalid_request"));
}

void TstApiPlaces::deletePlace()
{
    const qint64 id = vms::apitest::createPlace(*m_c.user, place(QStringLiteral("Doomed")));
    QVERIFY(id > 0);
    const Reply r = m_c.user->del(QStringLiteral("/api/v1/places/%1").arg(id));
    VMS_VERIFY_STATUS(r, 200);
    QCOMPARE(r.object(), QJsonObject({{QStringLiteral("status"), QStringLiteral("ok")}}));
    VMS_VERIFY_ERROR(m_c.user->get(QStringLiteral("/api/v1/places/%1").arg(id)), 404,
                     QStringLiteral("not_found"));
    VMS_VERIFY_ERROR(m_c.user->del(QStringLiteral("/api/v1/places/%1").arg(id)), 404,
                     QStringLiteral("not_found"));
    VMS_VERIFY_VALIDATION(m_c.user->del(QStringLiteral("/api/v1/places/1.5")),
                          QStringList({QStringLiteral("path"), QStringLiteral("place_id")}),
                          QStringLiteral("type_error.integer"));
}

void TstApiPlaces::deletePlaceWithPlans()
{
    const qint64 id = vms::apitest::createPlace(*m_c.user, place(QStringLiteral("Planned")));
    const QString image = uploadImage(*m_c.user);
    const qint64 plan = createPlan(*m_c.user, QStringLiteral("Floor 1"), id, image);
    QVERIFY(plan > 0);
    const Reply r = m_c.user->del(QStringLiteral("/api/v1/places/%1").arg(id));
    VMS_VERIFY_ERROR(r, 400, QStringLiteral("invalid_request"));
    QCOMPARE(r.object().value(QLatin1String("detail")).toString(),
             QStringLiteral("Place has plans"));
    VMS_VERIFY_STATUS(m_c.user->get(QStringLiteral("/api/v1/places/%1").arg(id)), 200);
    // Without the plan it goes.
    VMS_VERIFY_STATUS(m_c.user->del(QStringLiteral("/api/v1/plans/%1").arg(plan)), 200);
    VMS_VERIFY_STATUS(m_c.user->del(QStringLiteral("/api/v1/places/%1").arg(id)), 200);
}

void TstApiPlaces::deletePlaceWithCameras()
{
    const qint64 id = vms::apitest::createPlace(*m_c.user, place(QStringLiteral("Watched")));
    const QString camera = createCamera(*m_c.user, QStringLiteral("door"), id);
    QVERIFY(!camera.isEmpty());
    const Reply r = m_c.user->del(QStringLiteral("/api/v1/places/%1").arg(id));
    VMS_VERIFY_ERROR(r, 400, QStringLiteral("invalid_request"));
    QCOMPARE(r.object().value(QLatin1String("detail")).toString(),
             QStringLiteral("Place has cameras"));
    VMS_VERIFY_STATUS(m_c.user->del(QStringLiteral("/api/v1/cameras/") + camera), 200);
    VMS_VERIFY_STATUS(m_c.user->del(QStringLiteral("/api/v1/places/%1").arg(id)), 200);
}

void TstApiPlaces::listPlaces()
{
    const qint64 a = vms::apitest::createPlace(*m_c.user, place(QStringLiteral("List A")));
    const qint64 b = vms::apitest::createPlace(*m_c.user, place(QStringLiteral("List B")));
    const Reply r = m_c.user->get(QStringLiteral("/api/v1/places"));
    VMS_VERIFY_STATUS(r, 200);
    // No paging parameters exist for this list: everything, on one last page.
    QCOMPARE(r.object().value(QLatin1String("pagination")).toObject(), QJsonObject());
    const QStringList ids = listedIds(r);
    QVERIFY(ids.contains(QString::number(a)));
    QVERIFY(ids.contains(QString::number(b)));
    // Ordered by id.
    QList<qint64> numbers;
    for (const QString &id : ids)
        numbers.append(id.toLongLong());
    QVERIFY(std::is_sorted(numbers.begin(), numbers.end()));
}

void TstApiPlaces::listGeoFilter()
{
    // Moscow, Red Square; 1 km north (0.009 degrees of latitude is ~1000.8 m); St Petersburg
    // (~634 km away); and a place without coordinates.
    const qint64 centre = vms::apitest::createPlace(
            *m_c.user, place(QStringLiteral("Centre"), 55.7539, 37.6208));
    const qint64 north = vms::apitest::createPlace(
            *m_c.user, place(QStringLiteral("North"), 55.7629, 37.6208));
    const qint64 spb
            = vms::apitest::createPlace(*m_c.user, place(QStringLiteral("SPb"), 59.9343, 30.3351));
    // ~1001.2 m east: the SQL latitude band cannot exclude it, only the distance test can.
    const qint64 east
            = vms::apitest::createPlace(*m_c.user, place(QStringLiteral("East"), 55.7539, 37.6368));
    const qint64 nowhere = vms::apitest::createPlace(*m_c.user, place(QStringLiteral("Nowhere")));
    QVERIFY(centre > 0 && north > 0 && spb > 0 && east > 0 && nowhere > 0);

    const auto idsWithin = [&](qint64 radius) {
        const Reply r = m_c.user->get(geoQuery(55.7539, 37.6208, radius));
        return r.status == 200 ? listedIds(r)
                               : QStringList{QStringLiteral("HTTP ") + QString::number(r.status)};
    };
    const QString c = QString::number(centre), n = QString::number(north), s = QString::number(spb),
                  x = QString::number(nowhere), e = QString::number(east);

    QStringList ids = idsWithin(0);
    QVERIFY2(ids.contains(c) && !ids.contains(n), qPrintable(ids.join(QLatin1Char(','))));
    ids = idsWithin(990);
    QVERIFY2(ids.contains(c) && !ids.contains(n) && !ids.contains(e),
             qPrintable(ids.join(QLatin1Char(','))));
    ids = idsWithin(1001);
    QVERIFY2(ids.contains(n) && !ids.contains(e), qPrintable(ids.join(QLatin1Char(','))));
    ids = idsWithin(1010);
    QVERIFY2(ids.contains(c) && ids.contains(n) && ids.contains(e) && !ids.contains(s),
             qPrintable(ids.join(QLatin1Char(','))));
    ids = idsWithin(630000);
    QVERIFY2(!ids.contains(s), qPrintable(ids.join(QLatin1Char(','))));
    ids = idsWithin(640000);
    QVERIFY2(ids.contains(s) && ids.contains(c), qPrintable(ids.join(QLatin1Char(','))));
    // A place without coordinates is never within any radius.
    ids = idsWithin(20000000);
    QVERIFY2(!ids.contains(x), qPrintable(ids.join(QLatin1Char(','))));
    QVERIFY(ids.contains(s));
}

void TstApiPlaces::listGeoAcrossAntimeridian()
{
    // 0.2 degrees of longitude at the equator apart (~22.2 km), on both sides of ±180.
    const qint64 east
            = vms::apitest::createPlace(*m_c.user, place(QStringLiteral("East"), 0, 179.9));
    QVERIFY(east > 0);
    Reply r = m_c.user->get(geoQuery(0, -179.9, 23000));
    VMS_VERIFY_STATUS(r, 200);
    QVERIFY2(listedIds(r).contains(QString::number(east)), qPrintable(r.describe()));
    r = m_c.user->get(geoQuery(0, -179.9, 21000));
    VMS_VERIFY_STATUS(r, 200);
    QVERIFY(!listedIds(r).contains(QString::number(east)));
}

void TstApiPlaces::listGeoValidation_data()
{
    QTest::addColumn<QString>("query");
    QTest::addColumn<int>("status");
    QTest::addColumn<QString>("field");
    QTest::addColumn<QString>("type");
    QTest::newRow("latitude alone")
            << QStringLiteral("latitude=10") << 400 << QString() << QString();
    QTest::newRow("no radius") << QStringLiteral("latitude=10&longitude=20") << 400 << QString()
                               << QString();
    QTest::newRow("radius alone") << QStringLiteral("radius=100") << 400 << QString() << QString();
    QTest::newRow("latitude over 90")
            << QStringLiteral("latitude=90.1&longitude=0&radius=1") << 422
            << QStringLiteral("latitude") << QStringLiteral("value_error.number.not_le");
    QTest::newRow("longitude under -180")
            << QStringLiteral("latitude=0&longitude=-180.5&radius=1") << 422
            << QStringLiteral("longitude") << QStringLiteral("value_error.number.not_ge");
    QTest::newRow("negative radius")
            << QStringLiteral("latitude=0&longitude=0&radius=-1") << 422 << QStringLiteral("radius")
            << QStringLiteral("value_error.number.not_ge");
    QTest::newRow("fractional radius")
            << QStringLiteral("latitude=0&longitude=0&radius=1.5") << 422
            << QStringLiteral("radius") << QStringLiteral("type_error.integer");
    QTest::newRow("latitude not a number")
            << QStringLiteral("latitude=abc&longitude=0&radius=1") << 422
            << QStringLiteral("latitude") << QStringLiteral("type_error.float");
    QTest::newRow("without_groups not a boolean")
            << QStringLiteral("without_groups=maybe") << 422 << QStringLiteral("without_groups")
            << QStringLiteral("type_error.bool");
    QTest::newRow("group_id not an integer")
            << QStringLiteral("group_id=g") << 422 << QStringLiteral("group_id")
            << QStringLiteral("type_error.integer");
}

void TstApiPlaces::listGeoValidation()
{
    QFETCH(QString, query);
    QFETCH(int, status);
    QFETCH(QString, field);
    QFETCH(QString, type);
    const Reply r = m_c.user->get(QStringLiteral("/api/v1/places?") + query);
    if (status == 400)
        VMS_VERIFY_ERROR(r, 400, QStringLiteral("invalid_request"));
    else
        VMS_VERIFY_VALIDATION(r, QStringList({QStringLiteral("query"), field}), type);
}

void TstApiPlaces::listGroupFilters()
{
    const qint64 grouped = vms::apitest::createPlace(*m_c.user, place(QStringLiteral("Grouped")));
    const qint64 loose = vms::apitest::createPlace(*m_c.user, place(QStringLiteral("Loose")));
    QString error;
    const qint64 group
            = createGroupWithPlaces(m_server, m_c.defaultOrganization, {grouped}, &error);
    QVERIFY2(group > 0, qPrintable(error));
    const QString g = QString::number(grouped), l = QString::number(loose);

    Reply r = m_c.user->get(QStringLiteral("/api/v1/places?group_id=%1").arg(group));
    VMS_VERIFY_STATUS(r, 200);
    QCOMPARE(listedIds(r), QStringList{g});

    r = m_c.user->get(QStringLiteral("/api/v1/places?without_groups=true"));
    VMS_VERIFY_STATUS(r, 200);
    QVERIFY(listedIds(r).contains(l));
    QVERIFY(!listedIds(r).contains(g));

    r = m_c.user->get(QStringLiteral("/api/v1/places?without_groups=false"));
    VMS_VERIFY_STATUS(r, 200);
    QVERIFY(listedIds(r).contains(l) && listedIds(r).contains(g));

    // An unknown group matches nothing; so does another organization's group for its places.
    r = m_c.user->get(QStringLiteral("/api/v1/places?group_id=999999"));
    VMS_VERIFY_STATUS(r, 200);
    QVERIFY(listedIds(r).isEmpty());
    r = m_c.other->get(QStringLiteral("/api/v1/places?group_id=%1").arg(group));
    VMS_VERIFY_STATUS(r, 200);
    QVERIFY(listedIds(r).isEmpty());

    // The search knows without_groups too.
    r = m_c.user->post(QStringLiteral("/api/v1/places/search?without_groups=1"),
                       QJsonObject{{QStringLiteral("query"), QStringLiteral("o")}});
    VMS_VERIFY_STATUS(r, 200);
    QVERIFY(listedIds(r).contains(l));
    QVERIFY(!listedIds(r).contains(g));
}

void TstApiPlaces::searchPlaces()
{
    const qint64 north
            = vms::apitest::createPlace(*m_c.user, place(QStringLiteral("Warehouse North")));
    const qint64 south
            = vms::apitest::createPlace(*m_c.user, place(QStringLiteral("warehouse SOUTH")));
    const qint64 office
            = vms::apitest::createPlace(*m_c.user, place(QStringLiteral("Office 100%")));
    const qint64 cyrillic
            = vms::apitest::createPlace(*m_c.user, place(QStringLiteral("Склад Восток")));
    const auto search = [&](const QString &q) {
        const Reply r = m_c.user->post(QStringLiteral("/api/v1/places/search"),
                                       QJsonObject{{QStringLiteral("query"), q}});
        return r.status == 200 ? listedIds(r)
                               : QStringList{QStringLiteral("HTTP ") + QString::number(r.status)};
    };
    QStringList ids = search(QStringLiteral("WAREHOUSE"));
    QVERIFY(ids.contains(QString::number(north)) && ids.contains(QString::number(south)));
    QVERIFY(!ids.contains(QString::number(office)));
    ids = search(QStringLiteral("house s"));
    QCOMPARE(ids, QStringList{QString::number(south)});
    ids = search(QStringLiteral("склад"));
    QCOMPARE(ids, QStringList{QString::number(cyrillic)});
    // LIKE wildcards in the query are literal characters.
    ids = search(QStringLiteral("0%"));
    QCOMPARE(ids, QStringList{QString::number(office)});
    ids = search(QStringLiteral("_"));
    QVERIFY(ids.isEmpty());
}

void TstApiPlaces::searchPaging()
{
    QStringList created;
    for (int i = 0; i < 23; ++i)
        created.append(QString::number(vms::apitest::createPlace(
                *m_c.user, place(QStringLiteral("Paged place %1").arg(i)))));
    QStringList seen;
    QString cursor;
    int pages = 0;
    do {
        QString path = QStringLiteral("/api/v1/places/search?limit=10");
        if (!cursor.isEmpty())
            path += QStringLiteral("&cursor=") + cursor;
        const Reply r = m_c.user->post(
                path, QJsonObject{{QStringLiteral("query"), QStringLiteral("paged PLACE")}});
        VMS_VERIFY_STATUS(r, 200);
        const QStringList ids = listedIds(r);
        QVERIFY(ids.size() <= 10);
        seen += ids;
        cursor = r.object()
                         .value(QLatin1String("pagination"))
                         .toObject()
                         .value(QLatin1String("cursor"))
                         .toString();
        ++pages;
    } while (!cursor.isEmpty() && pages < 10);
    QCOMPARE(pages, 3);
    QCOMPARE(seen, created);
}

void TstApiPlaces::searchValidation_data()
{
    QTest::addColumn<QString>("query");
    QTest::addColumn<QJsonValue>("body");
    QTest::addColumn<QStringList>("loc");
    QTest::addColumn<QString>("type");
    const QJsonValue ok = QJsonObject{{QStringLiteral("query"), QStringLiteral("x")}};
    QTest::newRow("query missing") << QString() << QJsonValue(QJsonObject())
                                   << QStringList{QStringLiteral("body"), QStringLiteral("query")}
                                   << QStringLiteral("value_error.missing");
    QTest::newRow("query not a string")
            << QString() << QJsonValue(QJsonObject{{QStringLiteral("query"), 5}})
            << QStringList{QStringLiteral("body"), QStringLiteral("query")}
            << QStringLiteral("type_error.str");
    QTest::newRow("limit under 10") << QStringLiteral("?limit=9") << ok
                                    << QStringList{QStringLiteral("query"), QStringLiteral("limit")}
                                    << QStringLiteral("value_error.number.not_ge");
    QTest::newRow("limit over 1000")
            << QStringLiteral("?limit=1001") << ok
            << QStringList{QStringLiteral("query"), QStringLiteral("limit")}
            << QStringLiteral("value_error.number.not_le");
    QTest::newRow("bad cursor") << QStringLiteral("?cursor=garbage") << ok
                                << QStringList{QStringLiteral("query"), QStringLiteral("cursor")}
                                << QStringLiteral("value_error.cursor");
}

void TstApiPlaces::searchValidation()
{
    QFETCH(QString, query);
    QFETCH(QJsonValue, body);
    QFETCH(QStringList, loc);
    QFETCH(QString, type);
    const Reply r = m_c.user->post(QStringLiteral("/api/v1/places/search") + query, body);
    VMS_VERIFY_VALIDATION(r, loc, type);
}

void TstApiPlaces::placePlans()
{
    const qint64 id = vms::apitest::createPlace(*m_c.user, place(QStringLiteral("Tower")));
    const qint64 elsewhere
            = vms::apitest::createPlace(*m_c.user, place(QStringLiteral("Elsewhere")));
    const QString image = uploadImage(*m_c.user);
    QStringList plans;
    for (int i = 0; i < 12; ++i)
        plans.append(QString::number(
                createPlan(*m_c.user, QStringLiteral("Floor %1").arg(i), id, image)));
    QVERIFY(createPlan(*m_c.user, QStringLiteral("Other floor"), elsewhere, image) > 0);

    Reply r = m_c.user->get(QStringLiteral("/api/v1/places/%1/plans?limit=10").arg(id));
    VMS_VERIFY_STATUS(r, 200);
    QCOMPARE(listedIds(r, "plans"), plans.mid(0, 10));
    const QJsonObject first = r.object().value(QLatin1String("plans")).toArray().first().toObject();
    QCOMPARE(first.value(QLatin1String("place_id")).toInteger(), id);
    QCOMPARE(first.value(QLatin1String("image_id")).toString(), image);
    const QString cursor = r.object()
                                   .value(QLatin1String("pagination"))
                                   .toObject()
                                   .value(QLatin1String("cursor"))
                                   .toString();
    QVERIFY(!cursor.isEmpty());
    r = m_c.user->get(
            QStringLiteral("/api/v1/places/%1/plans?limit=10&cursor=%2").arg(id).arg(cursor));
    VMS_VERIFY_STATUS(r, 200);
    QCOMPARE(listedIds(r, "plans"), plans.mid(10));
    QCOMPARE(r.object().value(QLatin1String("pagination")).toObject(), QJsonObject());

    VMS_VERIFY_ERROR(m_c.user->get(QStringLiteral("/api/v1/places/987654/plans")), 404,
                     QStringLiteral("not_found"));
    VMS_VERIFY_VALIDATION(
            m_c.user->get(QStringLiteral("/api/v1/places/%1/plans?limit=2000").arg(id)),
            QStringList({QStringLiteral("query"), QStringLiteral("limit")}),
            QStringLiteral("value_error.number.not_le"));
    VMS_VERIFY_VALIDATION(m_c.user->get(QStringLiteral("/api/v1/places/zz/plans")),
                          QStringList({QStringLiteral("path"), QStringLiteral("place_id")}),
                          QStringLiteral("type_error.integer"));
}

void TstApiPlaces::placeCameras()
{
    const qint64 id = vms::apitest::createPlace(*m_c.user, place(QStringLiteral("Yard")));
    const qint64 elsewhere
            = vms::apitest::createPlace(*m_c.user, place(QStringLiteral("Not yard")));
    const QString onPlan = createCamera(*m_c.user, QStringLiteral("gate"), id);
    const QString loose = createCamera(*m_c.user, QStringLiteral("fence"), id);
    QVERIFY(!createCamera(*m_c.user, QStringLiteral("far"), elsewhere).isEmpty());
    const qint64 plan
            = createPlan(*m_c.user, QStringLiteral("Yard plan"), id, uploadImage(*m_c.user));
    VMS_VERIFY_STATUS(
            m_c.user->post(QStringLiteral("/api/v1/plans/%1/cameras").arg(plan),
                           QJsonObject{{QStringLiteral("camera_ids"), QJsonArray{onPlan}}}),
            200);

    QStringList both{onPlan, loose};
    both.sort();
    Reply r = m_c.user->get(QStringLiteral("/api/v1/places/%1/cameras").arg(id));
    VMS_VERIFY_STATUS(r, 200);
    QCOMPARE(listedIds(r, "cameras"), both);
    const QJsonArray cameras = r.object().value(QLatin1String("cameras")).toArray();
    for (const QJsonValue &c : cameras) {
        QCOMPARE(c.toObject().value(QLatin1String("place_id")).toInteger(), id);
        QVERIFY(!c.toObject().contains(QLatin1String("origin")));
    }

    r = m_c.user->get(QStringLiteral("/api/v1/places/%1/cameras?without_plans=true").arg(id));
    VMS_VERIFY_STATUS(r, 200);
    QCOMPARE(listedIds(r, "cameras"), QStringList{loose});

    VMS_VERIFY_ERROR(m_c.user->get(QStringLiteral("/api/v1/places/987654/cameras")), 404,
                     QStringLiteral("not_found"));
    VMS_VERIFY_VALIDATION(
            m_c.user->get(QStringLiteral("/api/v1/places/%1/cameras?without_plans=2").arg(id)),
            QStringList({QStringLiteral("query"), QStringLiteral("without_plans")}),
            QStringLiteral("type_error.bool"));
}

void TstApiPlaces::countsFollowPlansAndCameras()
{
    const qint64 id = vms::apitest::createPlace(*m_c.user, place(QStringLiteral("Counted")));
    const QString image = uploadImage(*m_c.user);
    QVERIFY(createPlan(*m_c.user, QStringLiteral("P1"), id, image) > 0);
    QVERIFY(createPlan(*m_c.user, QStringLiteral("P2"), id, image) > 0);
    QVERIFY(!createCamera(*m_c.user, QStringLiteral("c1"), id).isEmpty());
    const Reply r = m_c.user->get(QStringLiteral("/api/v1/places/%1").arg(id));
    VMS_VERIFY_STATUS(r, 200);
    QCOMPARE(r.object().value(QLatin1String("plan_count")).toInteger(), 2);
    QCOMPARE(r.object().value(QLatin1String("camera_count")).toInteger(), 1);
    // The list carries the same counts.
    const Reply list = m_c.user->get(QStringLiteral("/api/v1/places"));
    const QJsonArray places = list.object().value(QLatin1String("places")).toArray();
    bool isFound = false;
    for (const QJsonValue &p : places) {
        if (p.toObject().value(QLatin1String("id")).toInteger() == id) {
            isFound = true;
            QCOMPARE(p.toObject(), r.object());
        }
    }
    QVERIFY(isFound);
}

void TstApiPlaces::mutationsAreAudited()
{
    const qint64 id = vms::apitest::createPlace(*m_c.user, place(QStringLiteral("Audited")));
    VMS_VERIFY_STATUS(m_c.user->put(QStringLiteral("/api/v1/places/%1").arg(id),
                                    place(QStringLiteral("Audited 2"))),
                      200);
    VMS_VERIFY_STATUS(m_c.user->del(QStringLiteral("/api/v1/places/%1").arg(id)), 200);
    const Reply log = m_c.admin->get(QStringLiteral(
            "/api/v1/auditlogs?limit=1000&action_types=place_create&action_types=place_update"
            "&action_types=place_delete"));
    VMS_VERIFY_STATUS(log, 200);
    QStringList actions;
    const QJsonArray entries = log.object().value(QLatin1String("auditlogs")).toArray();
    for (const QJsonValue &e : entries) {
        const QJsonObject o = e.toObject();
        if (o.value(QLatin1String("meta")).toObject().value(QLatin1String("place_id")).toInteger()
            == id)
            actions.prepend(o.value(QLatin1String("action_type")).toString());
    }
    // Entries of one millisecond have no defined order: compare sorted.
    actions.sort();
    QCOMPARE(actions, QStringList({QStringLiteral("place_create"), QStringLiteral("place_delete"),
                                   QStringLiteral("place_update")}));
    // The update says what changed.
    for (const QJsonValue &e : entries) {
        const QJsonObject o = e.toObject();
        const QJsonObject meta = o.value(QLatin1String("meta")).toObject();
        if (o.value(QLatin1String("action_type")).toString() == QLatin1String("place_update")
            && meta.value(QLatin1String("place_id")).toInteger() == id) {
            QCOMPARE(meta.value(QLatin1String("changes")).toObject().value(QLatin1String("name")),
                     QJsonValue(QJsonObject{{QStringLiteral("old"), QStringLiteral("Audited")},
                                            {QStringLiteral("new"), QStringLiteral("Audited 2")}}));
        }
    }
}

void TstApiPlaces::permissionDenied()
{
    const qint64 id = vms::apitest::createPlace(*m_c.user, place(QStringLiteral("Guarded")));
    const QString p = QStringLiteral("/api/v1/places/%1").arg(id);
    // The operator reads but does not write.
    VMS_VERIFY_STATUS(m_c.reader->get(p), 200);
    VMS_VERIFY_STATUS(m_c.reader->get(QStringLiteral("/api/v1/places")), 200);
    VMS_VERIFY_ERROR(m_c.reader->post(QStringLiteral("/api/v1/places"), place(QStringLiteral("x"))),
                     403, QStringLiteral("unauthorized"));
    VMS_VERIFY_ERROR(m_c.reader->put(p, place(QStringLiteral("x"))), 403,
                     QStringLiteral("unauthorized"));
    VMS_VERIFY_ERROR(m_c.reader->del(p), 403, QStringLiteral("unauthorized"));
    // Without any permission, not even reads.
    const QJsonObject query{{QStringLiteral("query"), QStringLiteral("g")}};
    VMS_VERIFY_ERROR(m_c.nobody->get(QStringLiteral("/api/v1/places")), 403,
                     QStringLiteral("unauthorized"));
    VMS_VERIFY_ERROR(m_c.nobody->get(p), 403, QStringLiteral("unauthorized"));
    VMS_VERIFY_ERROR(m_c.nobody->post(QStringLiteral("/api/v1/places/search"), query), 403,
                     QStringLiteral("unauthorized"));
    VMS_VERIFY_ERROR(m_c.nobody->get(p + QStringLiteral("/plans")), 403,
                     QStringLiteral("unauthorized"));
    VMS_VERIFY_ERROR(m_c.nobody->get(p + QStringLiteral("/cameras")), 403,
                     QStringLiteral("unauthorized"));
    VMS_VERIFY_STATUS(m_c.user->get(p), 200);
}

void TstApiPlaces::organizationIsolation()
{
    const qint64 mine
            = vms::apitest::createPlace(*m_c.user, place(QStringLiteral("Isolated mine"), 1, 1));
    const qint64 theirs
            = vms::apitest::createPlace(*m_c.other, place(QStringLiteral("Isolated theirs"), 1, 1));
    QVERIFY(mine > 0 && theirs > 0);
    const QString p = QStringLiteral("/api/v1/places/%1").arg(mine);
    VMS_VERIFY_ERROR(m_c.other->get(p), 404, QStringLiteral("not_found"));
    VMS_VERIFY_ERROR(m_c.other->put(p, place(QStringLiteral("stolen"))), 404,
                     QStringLiteral("not_found"));
    VMS_VERIFY_ERROR(m_c.other->del(p), 404, QStringLiteral("not_found"));
    VMS_VERIFY_ERROR(m_c.other->get(p + QStringLiteral("/plans")), 404,
                     QStringLiteral("not_found"));
    VMS_VERIFY_ERROR(m_c.other->get(p + QStringLiteral("/cameras")), 404,
                     QStringLiteral("not_found"));
    VMS_VERIFY_STATUS(m_c.user->get(p), 200);
    QCOMPARE(m_c.user->get(p).object().value(QLatin1String("name")).toString(),
             QStringLiteral("Isolated mine"));

    const QJsonObject query{{QStringLiteral("query"), QStringLiteral("Isolated")}};
    Reply r = m_c.other->post(QStringLiteral("/api/v1/places/search"), query);
    VMS_VERIFY_STATUS(r, 200);
    QCOMPARE(listedIds(r), QStringList{QString::number(theirs)});
    r = m_c.user->post(QStringLiteral("/api/v1/places/search"), query);
    QCOMPARE(listedIds(r), QStringList{QString::number(mine)});
    r = m_c.other->get(geoQuery(1, 1, 10));
    QCOMPARE(listedIds(r), QStringList{QString::number(theirs)});
    // Superusers see both organizations.
    r = m_c.admin->post(QStringLiteral("/api/v1/places/search"), query);
    VMS_VERIFY_STATUS(r, 200);
    QCOMPARE(listedIds(r), QStringList({QString::number(mine), QString::number(theirs)}));
    VMS_VERIFY_STATUS(m_c.admin->get(QStringLiteral("/api/v1/places/%1").arg(theirs)), 200);
}

QTEST_GUILESS_MAIN(TstApiPlaces)
#include "tst_api_places.moc"
