// GET /cameras serves renderings cached under (camera id, row revision); GET /cameras/{id}
// renders afresh. They must agree for every camera, before and after every kind of write (edit,
// plan attach, position, detach, delete), or the cache is serving stale JSON.
#include "tests/api/api_fixture.h"

#include <QJsonArray>
#include <QJsonObject>
#include <QtTest>

using namespace vms::apitest;

class TstApiCamerasRender : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void cleanup();
    void listMatchesSingleRendering();

private:
    /** GET /cameras (twice: cold and cached) equals GET /cameras/{id} for exactly `ids`. */
    void verifyListMatchesSingles(const QStringList &ids);

    TestServer m_server;
    std::unique_ptr<ApiTestClient> m_client;
};

void TstApiCamerasRender::initTestCase()
{
    QVERIFY2(m_server.start(), qPrintable(m_server.errorString()));
    m_client = std::make_unique<ApiTestClient>(m_server.url());
    const Session s = login(*m_client, m_server.adminLogin(), m_server.adminPassword());
    QVERIFY(s.isValid());
    m_client->setBearer(s.accessToken);
}

void TstApiCamerasRender::cleanup()
{
    VMS_VERIFY_NO_SCHEMA_FAILURES(*m_client);
}

void TstApiCamerasRender::listMatchesSingleRendering()
{
    const Reply place
            = m_client->post(QStringLiteral("/api/v1/places"),
                             QJsonObject{{QStringLiteral("name"), QStringLiteral("Render site")}});
    VMS_VERIFY_STATUS(place, 200);
    const qint64 placeId = qint64(place.object().value(QStringLiteral("id")).toDouble());

    // Minimal, full, and awkward strings (quotes, backslashes, control and non-ASCII characters).
    const QList<QJsonObject> bodies = {
            {{QStringLiteral("name"), QStringLiteral("Minimal")},
             {QStringLiteral("place_id"), placeId},
             {QStringLiteral("source"),
              QJsonObject{{QStringLiteral("url"), QStringLiteral("rtsp://127.0.0.1/a")}}}},
            {{QStringLiteral("name"), QStringLiteral("Full \"quoted\" \\ back\tslash")},
             {QStringLiteral("place_id"), placeId},
             {QStringLiteral("source"),
              QJsonObject{{QStringLiteral("url"),
                           QStringLiteral("rtsp://u:p@127.0.0.1:554/main?x=\"1\"")},
                          {QStringLiteral("substream_url"), QStringLiteral("rtsp://127.0.0.1/sub")},
                          {QStringLiteral("transport"), QStringLiteral("udp")}}},
             {QStringLiteral("video_analytics"),
              QJsonObject{{QStringLiteral("motion"), true},
                          {QStringLiteral("zones"), QJsonArray{1, 2.5, QStringLiteral("z")}}}},
             {QStringLiteral("video_storage"), QJsonObject{{QStringLiteral("retention_days"), 30}}},
             {QStringLiteral("video_streaming"), QJsonObject{{QStringLiteral("hls"), false}}},
             {QStringLiteral("ptz"), QJsonObject{{QStringLiteral("speed"), 0.5}}},
             {QStringLiteral("onvif_host"), QStringLiteral("127.0.0.1")},
             {QStringLiteral("onvif_port"), 8080},
             {QStringLiteral("onvif_login"), QStringLiteral("admin")},
             {QStringLiteral("onvif_password"), QStringLiteral("s3cret")},
             {QStringLiteral("scheduler_group"), QStringLiteral("grp")},
             {QStringLiteral("scheduler_tags"),
              QJsonArray{QStringLiteral("a"), QStringLiteral("b\"c")}}},
            {{QStringLiteral("name"), QStringLiteral("Камера №1 — 東京 🎥")},
             {QStringLiteral("place_id"), placeId},
             {QStringLiteral("source"),
              QJsonObject{{QStringLiteral("url"), QStringLiteral("file:///tmp/видео.mp4")}}},
             {QStringLiteral("scheduler_tags"), QJsonArray{}}},
    };
    QStringList ids;
    for (const QJsonObject &body : bodies) {
        const Reply created = m_client->post(QStringLiteral("/api/v1/cameras"), body);
        VMS_VERIFY_STATUS(created, 200);
        ids.append(created.object().value(QStringLiteral("id")).toString());
    }
    // One of them on a plan, so that plan_id is rendered too.
    const QByteArray png
            = QByteArray::fromBase64("iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z"
                                     "8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==");
    const QByteArray boundary = "vmsRenderBoundary";
    const QByteArray multipart
            = "--" + boundary
              + "\r\nContent-Disposition: form-data; name=\"upload_data\"; filename=\"p.png\""
                "\r\nContent-Type: image/png\r\n\r\n"
              + png + "\r\n--" + boundary + "--\r\n";
    const Reply upload = m_client->postRaw(QStringLiteral("/api/v1/uploads?kind=plan"), multipart,
                                           "multipart/form-data; boundary=" + boundary);
    VMS_VERIFY_STATUS(upload, 200);
    const QString imageId
            = upload.object()[QStringLiteral("uploads")][0][QStringLiteral("id")].toString();
    const Reply plan = m_client->post(QStringLiteral("/api/v1/plans"),
                                      QJsonObject{{QStringLiteral("name"), QStringLiteral("Floor")},
                                                  {QStringLiteral("place_id"), placeId},
                                                  {QStringLiteral("image_id"), imageId}});
    VMS_VERIFY_STATUS(plan, 200);
    const qint64 planId = qint64(plan.object().value(QStringLiteral("id")).toDouble());
    VMS_VERIFY_STATUS(
            m_client->post(QStringLiteral("/api/v1/plans/%1/cameras").arg(planId),
                           QJsonObject{{QStringLiteral("camera_ids"), QJsonArray{ids.at(1)}}}),
            200);

    verifyListMatchesSingles(ids);
    // The plan assignment shows in the list rendering.
    const Reply listed = m_client->get(QStringLiteral("/api/v1/cameras?limit=10"));
    VMS_VERIFY_STATUS(listed, 200);
    bool seen = false;
    for (const QJsonValue &c : listed.object().value(QStringLiteral("cameras")).toArray()) {
        if (c[QStringLiteral("id")].toString() == ids.at(1)) {
            QCOMPARE(qint64(c[QStringLiteral("plan_id")].toDouble()), planId);
            seen = true;
        }
    }
    QVERIFY(seen);

    // Every write path must be visible in the next listing, the cache notwithstanding.
    QJsonObject edited = bodies.at(0);
    edited.insert(QStringLiteral("name"), QStringLiteral("Minimal, renamed"));
    edited.insert(QStringLiteral("scheduler_group"), QStringLiteral("night"));
    VMS_VERIFY_STATUS(m_client->put(QStringLiteral("/api/v1/cameras/") + ids.at(0), edited), 200);
    verifyListMatchesSingles(ids);

    VMS_VERIFY_STATUS(
            m_client->post(QStringLiteral("/api/v1/plans/%1/cameras").arg(planId),
                           QJsonObject{{QStringLiteral("camera_ids"), QJsonArray{ids.at(2)}}}),
            200);
    verifyListMatchesSingles(ids);

    VMS_VERIFY_STATUS(
            m_client->put(QStringLiteral("/api/v1/plans/%1/cameras/%2/position")
                                  .arg(planId)
                                  .arg(ids.at(2)),
                          QJsonObject{{QStringLiteral("x"), 0.25}, {QStringLiteral("y"), 0.75}}),
            200);
    verifyListMatchesSingles(ids);

    VMS_VERIFY_STATUS(
            m_client->del(QStringLiteral("/api/v1/plans/%1/cameras").arg(planId),
                          QJsonObject{{QStringLiteral("camera_ids"), QJsonArray{ids.at(1)}}}),
            200);
    verifyListMatchesSingles(ids);

    VMS_VERIFY_STATUS(m_client->del(QStringLiteral("/api/v1/cameras/") + ids.at(2)), 200);
    ids.removeAt(2);
    verifyListMatchesSingles(ids);
}

void TstApiCamerasRender::verifyListMatchesSingles(const QStringList &ids)
{
    QByteArray previous;
    for (int pass = 0; pass < 2; ++pass) {
        const Reply list = m_client->get(QStringLiteral("/api/v1/cameras?limit=10"));
        VMS_VERIFY_STATUS(list, 200);
        if (pass == 1)
            QCOMPARE(list.body, previous); // the cached page is byte for byte the same
        previous = list.body;
        const QJsonArray cameras = list.object().value(QStringLiteral("cameras")).toArray();
        QCOMPARE(cameras.size(), ids.size());
        for (const QJsonValue &fromList : cameras) {
            const QString id = fromList[QStringLiteral("id")].toString();
            QVERIFY2(ids.contains(id), qPrintable(id));
            const Reply single = m_client->get(QStringLiteral("/api/v1/cameras/") + id);
            VMS_VERIFY_STATUS(single, 200);
            QCOMPARE(fromList.toObject(), single.object());
            QVERIFY(!fromList.toObject().contains(QStringLiteral("onvif_password")));
        }
    }
}

QTEST_GUILESS_MAIN(TstApiCamerasRender)
#include "tst_api_cameras_render.moc"
