// Seed 003: /api/v2/sources — envelope, filters, ordering, paging, uniqueness, errors, auth.
#include "tests/api/api_fixture.h"

#include <QJsonArray>
#include <QJsonObject>
#include <QtTest>

using namespace vms::apitest;

class TstApiSourcesV2 : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void cleanup();
    void createAndGet();
    void createValidation_data();
    void createValidation();
    void uniqueness();
    void listFiltersOrderAndPages();
    void listValidation_data();
    void listValidation();
    void update();
    void remove();
    void authAndPermissions();

private:
    Reply create(const QString &who, const QString &caption, const QString &svcid = {},
                 const QString &lid = {});
    static void verifyEnvelope(const Reply &reply, int code);

    TestServer m_server;
    std::unique_ptr<ApiTestClient> m_client;
};

void TstApiSourcesV2::initTestCase()
{
    QVERIFY2(m_server.start(), qPrintable(m_server.errorString()));
    m_client = std::make_unique<ApiTestClient>(m_server.url());
    const Session s = login(*m_client, m_server.adminLogin(), m_server.adminPassword());
    QVERIFY(s.isValid());
    m_client->setBearer(s.accessToken);
}

void TstApiSourcesV2::cleanup()
{
    VMS_VERIFY_NO_SCHEMA_FAILURES(*m_client);
}

Reply TstApiSourcesV2::create(const QString &who, const QString &caption, const QString &svcid,
                              const QString &lid)
{
    QJsonObject body{{QStringLiteral("who"), who}, {QStringLiteral("caption"), caption}};
    if (!svcid.isNull())
        body.insert(QStringLiteral("svcid"), svcid);
    if (!lid.isNull())
        body.insert(QStringLiteral("lid"), lid);
    return m_client->post(QStringLiteral("/api/v2/sources/new"), body);
}

void TstApiSourcesV2::verifyEnvelope(const Reply &reply, int code)
{
    QCOMPARE(reply.status, code);
    const QJsonObject meta = reply.object().value(QStringLiteral("meta")).toObject();
    QCOMPARE(meta.value(QStringLiteral("code")).toInt(), code);
    QVERIFY(!meta.value(QStringLiteral("rid")).toString().isEmpty());
    bool ok = false;
    meta.value(QStringLiteral("time")).toString().toDouble(&ok);
    QVERIFY2(ok, "meta.time must be a decimal string");
    QVERIFY(reply.object().value(QStringLiteral("response")).isObject());
}

void TstApiSourcesV2::createAndGet()
{
    const QString who = QStringLiteral("a7fb3ae9-806a-11ed-a408-02420a00063a");
    const Reply created
            = create(who, QStringLiteral("sample source 1"), QStringLiteral("datacomm"), who);
    verifyEnvelope(created, 200);
    QCOMPARE(created.object()[QStringLiteral("response")][QStringLiteral("who")].toString(), who);

    const Reply got = m_client->get(QStringLiteral("/api/v2/sources/") + who);
    verifyEnvelope(got, 200);
    const QJsonObject src
            = got.object()[QStringLiteral("response")][QStringLiteral("source")].toObject();
    QCOMPARE(src.value(QStringLiteral("who")).toString(), who);
    QCOMPARE(src.value(QStringLiteral("caption")).toString(), QStringLiteral("sample source 1"));
    QCOMPARE(src.value(QStringLiteral("svcid")).toString(), QStringLiteral("datacomm"));
    QCOMPARE(src.value(QStringLiteral("lid")).toString(), who);
    const qint64 now = QDateTime::currentSecsSinceEpoch();
    QVERIFY(qAbs(qint64(src.value(QStringLiteral("created")).toDouble()) - now) < 60);
    QCOMPARE(src.value(QStringLiteral("updated")).toDouble(),
             src.value(QStringLiteral("created")).toDouble());

    // A slug works as well as a UUID, and an empty lid is kept as "".
    verifyEnvelope(create(QStringLiteral("prsstrip"), QStringLiteral("strip"),
                          QStringLiteral("prsstrip"), QStringLiteral("")),
                   200);
    const Reply slug = m_client->get(QStringLiteral("/api/v2/sources/prsstrip"));
    verifyEnvelope(slug, 200);
    QCOMPARE(slug.object()[QStringLiteral("response")][QStringLiteral("source")]
                          [QStringLiteral("lid")]
                                  .toString(),
             QString());

    const Reply missing = m_client->get(QStringLiteral("/api/v2/sources/prsstip"));
    verifyEnvelope(missing, 404);
    QCOMPARE(missing.object()[QStringLiteral("error")][QStringLiteral("status")].toString(),
             QStringLiteral("not_found"));
}

void TstApiSourcesV2::createValidation_data()
{
    QTest::addColumn<QByteArray>("body");
    QTest::addColumn<QString>("field");
    QTest::newRow("missing who") << QByteArray(R"({"caption":"c"})") << QStringLiteral("who");
    QTest::newRow("missing caption") << QByteArray(R"({"who":"w1"})") << QStringLiteral("caption");
    QTest::newRow("who not a string")
            << QByteArray(R"({"who":5,"caption":"c"})") << QStringLiteral("who");
    QTest::newRow("caption too long")
            << (R"({"who":"w2","caption":")" + QByteArray(256, 'x') + R"("})")
            << QStringLiteral("caption");
    QTest::newRow("svcid not a string")
            << QByteArray(R"({"who":"w3","caption":"c","svcid":[]})") << QStringLiteral("svcid");
    QTest::newRow("who with slash") << QByteArray(R"({"who":"a/b","caption":"c"})") << QString();
    QTest::newRow("empty who") << QByteArray(R"({"who":"","caption":"c"})") << QString();
    QTest::newRow("blank caption") << QByteArray(R"({"who":"w4","caption":"  "})") << QString();
    QTest::newRow("not an object") << QByteArray(R"([1,2])") << QString();
    QTest::newRow("malformed") << QByteArray(R"({"who":)") << QString();
}

void TstApiSourcesV2::createValidation()
{
    QFETCH(QByteArray, body);
    QFETCH(QString, field);
    const Reply r = m_client->postRaw(QStringLiteral("/api/v2/sources/new"), body,
                                      QByteArrayLiteral("application/json"));
    verifyEnvelope(r, 400);
    const QJsonObject err = r.object().value(QStringLiteral("error")).toObject();
    QCOMPARE(err.value(QStringLiteral("status")).toString(), QStringLiteral("invalid_request"));
    QVERIFY(!err.value(QStringLiteral("detail")).toString().isEmpty());
    if (!field.isEmpty()) {
        bool named = false;
        for (const QJsonValue &f : err.value(QStringLiteral("fields")).toArray())
            named = named || f[QStringLiteral("loc")].toArray().last().toString() == field;
        QVERIFY2(named, r.body.constData());
    }
}

void TstApiSourcesV2::uniqueness()
{
    verifyEnvelope(create(QStringLiteral("uniq-1"), QStringLiteral("unique caption")), 200);
    const Reply sameWho = create(QStringLiteral("uniq-1"), QStringLiteral("other caption"));
    verifyEnvelope(sameWho, 409);
    QCOMPARE(sameWho.object()[QStringLiteral("error")][QStringLiteral("status")].toString(),
             QStringLiteral("conflict"));
    verifyEnvelope(create(QStringLiteral("uniq-2"), QStringLiteral("unique caption")), 409);
    // Nothing was changed by the refused requests.
    const Reply got = m_client->get(QStringLiteral("/api/v2/sources/uniq-1"));
    QCOMPARE(got.object()[QStringLiteral("response")][QStringLiteral("source")]
                         [QStringLiteral("caption")]
                                 .toString(),
             QStringLiteral("unique caption"));
    verifyEnvelope(m_client->get(QStringLiteral("/api/v2/sources/uniq-2")), 404);
}

void TstApiSourcesV2::listFiltersOrderAndPages()
{
    for (int i = 0; i < 25; ++i) {
        verifyEnvelope(create(QStringLiteral("page-%1").arg(i, 2, 10, QLatin1Char('0')),
                              QStringLiteral("Page source %1").arg(i, 2, 10, QLatin1Char('0')),
                              i % 2 ? QStringLiteral("odd") : QStringLiteral("even"),
                              QStringLiteral("00000000-0000-0000-0000-0000000000%1")
                                      .arg(i, 2, 10, QLatin1Char('0'))),
                       200);
    }
    auto list = [this](const QJsonObject &body) {
        return m_client->post(QStringLiteral("/api/v2/sources/list"), body);
    };
    auto whos = [](const Reply &r) {
        QStringList out;
        for (const QJsonValue &s :
             r.object()[QStringLiteral("response")][QStringLiteral("sources")].toArray())
            out.append(s[QStringLiteral("who")].toString());
        return out;
    };

    // Filter by svcid, with info reflecting the filtered total.
    const Reply odd = list({{QStringLiteral("svcid"), QJsonArray{QStringLiteral("odd")}}});
    verifyEnvelope(odd, 200);
    const QJsonObject info
            = odd.object()[QStringLiteral("response")][QStringLiteral("info")].toObject();
    QCOMPARE(info.value(QStringLiteral("total")).toInt(), 12);
    QCOMPARE(info.value(QStringLiteral("page")).toInt(), 0);
    QCOMPARE(info.value(QStringLiteral("pagesize")).toInt(), 100);
    QCOMPARE(info.value(QStringLiteral("pagecount")).toInt(), 1);
    QCOMPARE(whos(odd).size(), 12);

    // Filter by who and by lid.
    const Reply byWho = list({{QStringLiteral("who"),
                               QJsonArray{QStringLiteral("page-03"), QStringLiteral("page-07"),
                                          QStringLiteral("nope")}}});
    QCOMPARE(whos(byWho), (QStringList{QStringLiteral("page-03"), QStringLiteral("page-07")}));
    const Reply byLid
            = list({{QStringLiteral("lid"),
                     QJsonArray{QStringLiteral("00000000-0000-0000-0000-000000000011")}}});
    QCOMPARE(whos(byLid), QStringList{QStringLiteral("page-11")});

    // Order by caption descending, with the seed's "-caption" spelling.
    const Reply desc = list({{QStringLiteral("svcid"), QJsonArray{QStringLiteral("even")}},
                             {QStringLiteral("order"), QJsonArray{QStringLiteral("-caption")}},
                             {QStringLiteral("orderDir"), QStringLiteral("desc")}});
    const QStringList d = whos(desc);
    QCOMPARE(d.size(), 13);
    QCOMPARE(d.first(), QStringLiteral("page-24"));
    QCOMPARE(d.last(), QStringLiteral("page-00"));

    // Pages of 10 over the 25 "page-" sources: disjoint, complete, with page info.
    QStringList seen;
    for (int page = 0; page < 3; ++page) {
        const Reply r = list({{QStringLiteral("svcid"),
                               QJsonArray{QStringLiteral("odd"), QStringLiteral("even")}},
                              {QStringLiteral("order"), QJsonArray{QStringLiteral("who")}},
                              {QStringLiteral("page"), page},
                              {QStringLiteral("pagesize"), 10}});
        verifyEnvelope(r, 200);
        const QJsonObject pi
                = r.object()[QStringLiteral("response")][QStringLiteral("info")].toObject();
        QCOMPARE(pi.value(QStringLiteral("pagecount")).toInt(), 3);
        QCOMPARE(pi.value(QStringLiteral("total")).toInt(), 25);
        QCOMPARE(pi.value(QStringLiteral("page")).toInt(), page);
        const QStringList w = whos(r);
        QCOMPARE(w.size(), page < 2 ? 10 : 5);
        for (const QString &x : w)
            QVERIFY2(!seen.contains(x), qPrintable(x));
        seen += w;
    }
    QCOMPARE(seen.size(), 25);

    // updatedFrom/updatedTo bracket the creation time.
    const qint64 now = QDateTime::currentSecsSinceEpoch();
    const Reply recent = list({{QStringLiteral("svcid"), QJsonArray{QStringLiteral("odd")}},
                               {QStringLiteral("updatedFrom"), now - 600},
                               {QStringLiteral("updatedTo"), now + 600}});
    QCOMPARE(whos(recent).size(), 12);
    const Reply future = list({{QStringLiteral("updatedFrom"), now + 3600}});
    QCOMPARE(whos(future).size(), 0);
    QCOMPARE(future.object()[QStringLiteral("response")][QStringLiteral("info")]
                            [QStringLiteral("pagecount")]
                                    .toInt(),
             0);

    // An empty body lists everything.
    const Reply all = m_client->postRaw(QStringLiteral("/api/v2/sources/list"), QByteArray(),
                                        QByteArrayLiteral("application/json"));
    verifyEnvelope(all, 200);
    QVERIFY(all.object()[QStringLiteral("response")][QStringLiteral("info")]
                        [QStringLiteral("total")]
                                .toInt()
            >= 25);
}

void TstApiSourcesV2::listValidation_data()
{
    QTest::addColumn<QByteArray>("body");
    QTest::newRow("who not a list") << QByteArray(R"({"who":"x"})");
    QTest::newRow("who items not strings") << QByteArray(R"({"who":[1]})");
    QTest::newRow("unknown order key") << QByteArray(R"({"order":["password"]})");
    QTest::newRow("bad orderDir") << QByteArray(R"({"orderDir":"sideways"})");
    QTest::newRow("updatedFrom not integer") << QByteArray(R"({"updatedFrom":"yesterday"})");
    QTest::newRow("negative page") << QByteArray(R"({"page":-1})");
    QTest::newRow("pagesize 0") << QByteArray(R"({"pagesize":0})");
    QTest::newRow("pagesize 1001") << QByteArray(R"({"pagesize":1001})");
    QTest::newRow("not json") << QByteArray("who=1");
}

void TstApiSourcesV2::listValidation()
{
    QFETCH(QByteArray, body);
    const Reply r = m_client->postRaw(QStringLiteral("/api/v2/sources/list"), body,
                                      QByteArrayLiteral("application/json"));
    verifyEnvelope(r, 400);
    QCOMPARE(r.object()[QStringLiteral("error")][QStringLiteral("status")].toString(),
             QStringLiteral("invalid_request"));
}

void TstApiSourcesV2::update()
{
    verifyEnvelope(create(QStringLiteral("upd-1"), QStringLiteral("before"), QStringLiteral("svc"),
                          QStringLiteral("lid-1")),
                   200);
    verifyEnvelope(create(QStringLiteral("upd-2"), QStringLiteral("taken")), 200);

    // Partial: only caption changes; svcid and lid are kept.
    const Reply u
            = m_client->post(QStringLiteral("/api/v2/sources/upd-1/update"),
                             QJsonObject{{QStringLiteral("caption"), QStringLiteral("after")}});
    verifyEnvelope(u, 200);
    QCOMPARE(u.object()[QStringLiteral("response")].toObject(), QJsonObject());
    const QJsonObject src = m_client->get(QStringLiteral("/api/v2/sources/upd-1"))
                                    .object()[QStringLiteral("response")][QStringLiteral("source")]
                                    .toObject();
    QCOMPARE(src.value(QStringLiteral("caption")).toString(), QStringLiteral("after"));
    QCOMPARE(src.value(QStringLiteral("svcid")).toString(), QStringLiteral("svc"));
    QCOMPARE(src.value(QStringLiteral("lid")).toString(), QStringLiteral("lid-1"));
    QVERIFY(src.value(QStringLiteral("updated")).toDouble()
            >= src.value(QStringLiteral("created")).toDouble());

    // who is immutable; the same who in the body is harmless.
    verifyEnvelope(m_client->post(QStringLiteral("/api/v2/sources/upd-1/update"),
                                  QJsonObject{{QStringLiteral("who"), QStringLiteral("other")}}),
                   400);
    verifyEnvelope(m_client->post(QStringLiteral("/api/v2/sources/upd-1/update"),
                                  QJsonObject{{QStringLiteral("who"), QStringLiteral("upd-1")},
                                              {QStringLiteral("svcid"), QStringLiteral("svc2")}}),
                   200);
    // Caption collisions and unknown sources.
    verifyEnvelope(
            m_client->post(QStringLiteral("/api/v2/sources/upd-1/update"),
                           QJsonObject{{QStringLiteral("caption"), QStringLiteral("taken")}}),
            409);
    verifyEnvelope(m_client->post(QStringLiteral("/api/v2/sources/upd-1/update"),
                                  QJsonObject{{QStringLiteral("caption"), 7}}),
                   400);
    verifyEnvelope(m_client->post(QStringLiteral("/api/v2/sources/nobody/update"),
                                  QJsonObject{{QStringLiteral("caption"), QStringLiteral("x")}}),
                   404);
    QCOMPARE(m_client->get(QStringLiteral("/api/v2/sources/upd-1"))
                     .object()[QStringLiteral("response")][QStringLiteral("source")]
                              [QStringLiteral("svcid")]
                     .toString(),
             QStringLiteral("svc2"));
}

void TstApiSourcesV2::remove()
{
    verifyEnvelope(create(QStringLiteral("rm-1"), QStringLiteral("to remove")), 200);
    const Reply r = m_client->post(QStringLiteral("/api/v2/sources/rm-1/remove"));
    QCOMPARE(r.status, 200);
    QCOMPARE(r.object(), QJsonObject()); // a bare {} without the envelope
    verifyEnvelope(m_client->get(QStringLiteral("/api/v2/sources/rm-1")), 404);
    verifyEnvelope(m_client->post(QStringLiteral("/api/v2/sources/rm-1/remove")), 404);
    // The caption is free again.
    verifyEnvelope(create(QStringLiteral("rm-2"), QStringLiteral("to remove")), 200);
}

void TstApiSourcesV2::authAndPermissions()
{
    ApiTestClient anonymous(m_server.url());
    VMS_VERIFY_STATUS(anonymous.post(QStringLiteral("/api/v2/sources/list"), QJsonObject{}), 401);
    VMS_VERIFY_STATUS(anonymous.get(QStringLiteral("/api/v2/sources/prsstrip")), 401);
    VMS_VERIFY_STATUS(
            anonymous.post(QStringLiteral("/api/v2/sources/new"),
                           QJsonObject{{QStringLiteral("who"), QStringLiteral("anon")},
                                       {QStringLiteral("caption"), QStringLiteral("anon")}}),
            401);

    // The read-only operator may list and read but not write.
    const UserAccount op = createUser(m_server, QStringLiteral("operator"), QStringLiteral("op"));
    QVERIFY2(op.isValid(), qPrintable(op.error));
    ApiTestClient opClient(m_server.url());
    const Session s = login(opClient, op.email, op.password);
    QVERIFY(s.isValid());
    opClient.setBearer(s.accessToken);
    verifyEnvelope(opClient.post(QStringLiteral("/api/v2/sources/list"), QJsonObject{}), 200);
    VMS_VERIFY_ERROR(opClient.post(QStringLiteral("/api/v2/sources/new"),
                                   QJsonObject{{QStringLiteral("who"), QStringLiteral("op-src")},
                                               {QStringLiteral("caption"), QStringLiteral("op")}}),
                     403, QStringLiteral("unauthorized"));
    VMS_VERIFY_ERROR(opClient.post(QStringLiteral("/api/v2/sources/prsstrip/remove")), 403,
                     QStringLiteral("unauthorized"));
    VMS_VERIFY_NO_SCHEMA_FAILURES(opClient);
    VMS_VERIFY_NO_SCHEMA_FAILURES(anonymous);

    // Writes are audited (with the camera action types; meta names the v2 resource).
    const Reply audit = m_client->get(
            QStringLiteral("/api/v1/auditlogs?action_types=camera_delete&limit=100"));
    VMS_VERIFY_STATUS(audit, 200);
    bool found = false;
    for (const QJsonValue &e : audit.object()[QStringLiteral("auditlogs")].toArray()) {
        found = found
                || (e[QStringLiteral("meta")][QStringLiteral("resource")].toString()
                            == QLatin1String("v2_source")
                    && e[QStringLiteral("meta")][QStringLiteral("who")].toString()
                               == QLatin1String("rm-1"));
    }
    QVERIFY(found);
}

QTEST_GUILESS_MAIN(TstApiSourcesV2)
#include "tst_api_sources_v2.moc"
