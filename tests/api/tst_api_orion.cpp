// Seed 002 §10: PUT /api/v1/orion/config and GET /api/v1/orion/info. The external Orion system is
// replaced by OrionStub: a small HTTP server on 127.0.0.1 that serves a WSDL and answers the SOAP
// call with real XML, so the whole protocol (orion_client.h) runs over real sockets.
#include "tests/api/sites_fixture.h"

#include <QElapsedTimer>
#include <QHash>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QNetworkRequest>
#include <QPointer>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTest>
#include <QXmlStreamReader>

using namespace vms::apitest;
using vms::test::Reply;

namespace {

const QByteArray kOrionNs = "urn:orion:integration";

/** What a request to the stub looked like. */
struct StubRequest
{
    QByteArray method;
    QByteArray path;
    QHash<QByteArray, QByteArray> headers; ///< lower-case names
    QByteArray body;
    QString bodyElementNs; ///< first element inside the SOAP Body
    QString bodyElementName;
};

/** A fake Orion: WSDL at /orion.wsdl, SOAP endpoint at /soap. */
class OrionStub : public QObject
{
public:
    enum class Mode {
        Soap11,        ///< document/literal SOAP 1.1, GetServiceInfo
        Soap12Version, ///< SOAP 1.2 only, GetVersion, relative address, snake_case fields
        Fault,         ///< the call answers HTTP 500 with a SOAP Fault
        NoOperation,   ///< the WSDL has no service-info operation
        MissingField,  ///< the answer lacks DatabaseVersion
        WsdlNotFound,  ///< the WSDL URL answers 404
        NotXml,        ///< the WSDL URL answers HTML
        Silent,        ///< accepts connections and never answers
    };

    Mode mode = Mode::Soap11;
    QByteArray requiredAuthorization; ///< when set, other requests get 401
    QList<StubRequest> requests;

    bool start()
    {
        connect(&m_server, &QTcpServer::newConnection, this, [this] {
            while (QTcpSocket *socket = m_server.nextPendingConnection()) {
                m_buffers.insert(socket, {});
                connect(socket, &QTcpSocket::readyRead, this, [this, socket] { onData(socket); });
                connect(socket, &QTcpSocket::disconnected, socket, &QObject::deleteLater);
            }
        });
        return m_server.listen(QHostAddress::LocalHost, 0);
    }
    void stop() { m_server.close(); }
    quint16 port() const { return m_server.serverPort(); }
    QString wsdlUrl() const { return QStringLiteral("http://127.0.0.1:%1/orion.wsdl").arg(port()); }

private:
    void onData(QTcpSocket *socket)
    {
        QByteArray &buffer = m_buffers[socket];
        buffer += socket->readAll();
        const qsizetype headerEnd = buffer.indexOf("\r\n\r\n");
        if (headerEnd < 0)
            return;
        StubRequest req;
        const QList<QByteArray> lines = buffer.left(headerEnd).split('\n');
        const QList<QByteArray> first = lines.value(0).trimmed().split(' ');
        req.method = first.value(0);
        req.path = first.value(1);
        for (qsizetype i = 1; i < lines.size(); ++i) {
            const qsizetype colon = lines[i].indexOf(':');
            if (colon > 0)
                req.headers.insert(lines[i].left(colon).trimmed().toLower(),
                                   lines[i].mid(colon + 1).trimmed());
        }
        const qsizetype length = req.headers.value("content-length").toLongLong();
        if (buffer.size() < headerEnd + 4 + length)
            return; // the body is still coming
        req.body = buffer.mid(headerEnd + 4, length);
        findBodyElement(req);
        requests.append(req);
        m_buffers.remove(socket);
        if (mode == Mode::Silent)
            return;
        respond(socket, req);
    }

    static void findBodyElement(StubRequest &req)
    {
        QXmlStreamReader r(req.body);
        bool isInBody = false;
        while (!r.atEnd()) {
            r.readNext();
            if (!r.isStartElement())
                continue;
            if (isInBody) {
                req.bodyElementNs = r.namespaceUri().toString();
                req.bodyElementName = r.name().toString();
                return;
            }
            isInBody = r.name() == QLatin1String("Body");
        }
    }

    void send(QTcpSocket *socket, int status, const QByteArray &contentType, const QByteArray &body)
    {
        QByteArray out = "HTTP/1.1 " + QByteArray::number(status) + " X\r\n";
        out += "Content-Type: " + contentType + "\r\n";
        out += "Content-Length: " + QByteArray::number(body.size()) + "\r\n";
        out += "Connection: close\r\n\r\n" + body;
        socket->write(out);
        socket->disconnectFromHost();
    }

    void respond(QTcpSocket *socket, const StubRequest &req)
    {
        if (!requiredAuthorization.isEmpty()
            && req.headers.value("authorization") != requiredAuthorization) {
            send(socket, 401, "text/plain", "who are you?");
            return;
        }
        if (req.path == "/orion.wsdl") {
            if (mode == Mode::WsdlNotFound)
                send(socket, 404, "text/plain", "no such file");
            else if (mode == Mode::NotXml)
                send(socket, 200, "text/html", "<html><body>Welcome to nginx!");
            else
                send(socket, 200, "text/xml; charset=utf-8", wsdl());
            return;
        }
        if (req.path == "/soap" && req.method == "POST") {
            if (mode == Mode::Fault) {
                send(socket, 500, "text/xml; charset=utf-8",
                     "<?xml version=\"1.0\"?><s:Envelope "
                     "xmlns:s=\"http://schemas.xmlsoap.org/soap/envelope/\"><s:Body><s:Fault>"
                     "<faultcode>s:Server</faultcode><faultstring>Orion database is "
                     "offline</faultstring></s:Fault></s:Body></s:Envelope>");
                return;
            }
            send(socket, 200,
                 mode == Mode::Soap12Version ? "application/soap+xml; charset=utf-8"
                                             : "text/xml; charset=utf-8",
                 answer());
            return;
        }
        send(socket, 404, "text/plain", "unknown path");
    }

    QByteArray wsdl() const
    {
        const bool is12 = mode == Mode::Soap12Version;
        const QByteArray op = is12                        ? "GetVersion"
                              : mode == Mode::NoOperation ? "GetStatus"
                                                          : "GetServiceInfo";
        const QByteArray soapNs = is12 ? "http://schemas.xmlsoap.org/wsdl/soap12/"
                                       : "http://schemas.xmlsoap.org/wsdl/soap/";
        // SOAP 1.2: a relative address, which the server resolves against the WSDL URL.
        const QByteArray address
                = is12 ? QByteArray("/soap")
                       : QByteArray("http://127.0.0.1:" + QByteArray::number(port()) + "/soap");
        return "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
               "<wsdl:definitions xmlns:wsdl=\"http://schemas.xmlsoap.org/wsdl/\"\n"
               "    xmlns:soap=\""
               + soapNs + "\" xmlns:tns=\"" + kOrionNs
               + "\"\n"
                 "    xmlns:xsd=\"http://www.w3.org/2001/XMLSchema\" targetNamespace=\""
               + kOrionNs
               + "\">\n"
                 "  <wsdl:types><xsd:schema targetNamespace=\""
               + kOrionNs
               + "\">\n"
                 "    <xsd:element name=\""
               + op
               + "Request\"><xsd:complexType/></xsd:element>\n"
                 "  </xsd:schema></wsdl:types>\n"
                 "  <wsdl:message name=\"PingIn\"><wsdl:part name=\"p\" "
                 "element=\"tns:Ping\"/></wsdl:message>\n"
                 "  <wsdl:message name=\""
               + op
               + "In\">\n"
                 "    <wsdl:part name=\"parameters\" element=\"tns:"
               + op
               + "Request\"/>\n"
                 "  </wsdl:message>\n"
                 "  <wsdl:message name=\""
               + op
               + "Out\">\n"
                 "    <wsdl:part name=\"parameters\" element=\"tns:"
               + op
               + "Response\"/>\n"
                 "  </wsdl:message>\n"
                 "  <wsdl:portType name=\"OrionPort\">\n"
                 "    <wsdl:operation name=\"Ping\"><wsdl:input "
                 "message=\"tns:PingIn\"/></wsdl:operation>\n"
                 "    <wsdl:operation name=\""
               + op
               + "\">\n"
                 "      <wsdl:input message=\"tns:"
               + op + "In\"/><wsdl:output message=\"tns:" + op
               + "Out\"/>\n"
                 "    </wsdl:operation>\n"
                 "  </wsdl:portType>\n"
                 "  <wsdl:binding name=\"OrionBinding\" type=\"tns:OrionPort\">\n"
                 "    <soap:binding style=\"document\" "
                 "transport=\"http://schemas.xmlsoap.org/soap/http\"/>\n"
                 "    <wsdl:operation name=\"Ping\"><soap:operation soapAction=\"urn:ping\"/>\n"
                 "      <wsdl:input><soap:body use=\"literal\"/></wsdl:input></wsdl:operation>\n"
                 "    <wsdl:operation name=\""
               + op
               + "\">\n"
                 "      <soap:operation soapAction=\""
               + kOrionNs + "#" + op
               + "\"/>\n"
                 "      <wsdl:input><soap:body use=\"literal\"/></wsdl:input>\n"
                 "      <wsdl:output><soap:body use=\"literal\"/></wsdl:output>\n"
                 "    </wsdl:operation>\n"
                 "  </wsdl:binding>\n"
                 "  <wsdl:service name=\"OrionService\">\n"
                 "    <wsdl:port name=\"OrionSoap\" binding=\"tns:OrionBinding\">\n"
                 "      <soap:address location=\""
               + address
               + "\"/>\n"
                 "    </wsdl:port>\n"
                 "  </wsdl:service>\n"
                 "</wsdl:definitions>\n";
    }

    QByteArray answer() const
    {
        if (mode == Mode::Soap12Version) {
            return "<?xml version=\"1.0\"?><env:Envelope "
                   "xmlns:env=\"http://www.w3.org/2003/05/soap-envelope\"><env:Body>"
                   "<GetVersionResponse xmlns=\"urn:orion:integration\"><result>"
                   "<service_version>2.0</service_version><softwareversion>7.7</softwareversion>"
                   "<SOFTWARENAME>Orion Lite</SOFTWARENAME><Database_Version>15</Database_Version>"
                   "</result></GetVersionResponse></env:Body></env:Envelope>";
        }
        QByteArray fields = "<o:ServiceVersion>3.1.4</o:ServiceVersion>"
                            "<o:SoftwareVersion>10.2.1</o:SoftwareVersion>"
                            "<o:SoftwareName>Orion Pro &amp; Co</o:SoftwareName>";
        if (mode != Mode::MissingField)
            fields += "<o:DatabaseVersion>2024.1</o:DatabaseVersion>";
        return "<?xml version=\"1.0\" encoding=\"utf-8\"?><soap:Envelope "
               "xmlns:soap=\"http://schemas.xmlsoap.org/soap/envelope/\"><soap:Header/><soap:Body>"
               "<o:GetServiceInfoResponse xmlns:o=\"urn:orion:integration\"><o:Info>"
               + fields + "</o:Info></o:GetServiceInfoResponse></soap:Body></soap:Envelope>";
    }

    QTcpServer m_server;
    QHash<QTcpSocket *, QByteArray> m_buffers;
};

QJsonObject config(const QString &url, const QString &login = {}, const QString &password = {})
{
    QJsonObject o{{QStringLiteral("wsdl_url"), url}};
    if (!login.isEmpty())
        o.insert(QStringLiteral("login"), login);
    if (!password.isEmpty())
        o.insert(QStringLiteral("password"), password);
    return o;
}

QByteArray basic(const QByteArray &login, const QByteArray &password)
{
    const QByteArray credentials = login + ':' + password;
    return "Basic " + credentials.toBase64();
}

} // namespace

class TstApiOrion : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void init();
    void cleanup();
    void cleanupTestCase();

    void infoNotConfigured();
    void configureFirstTime();
    void configureAgain();
    void configureValidation_data();
    void configureValidation();
    void configureInvalidUrl_data();
    void configureInvalidUrl();
    void configurePermissions();
    void infoSoap11();
    void infoSendsCredentials();
    void infoSoap12GetVersion();
    void infoUnavailable_data();
    void infoUnavailable();
    void infoStubStopped();
    void infoTimeout();
    void infoPermissions();
    void organizationIsolation();

private:
    /** PUT /orion/config for the default organization (as the site user). */
    void configureDefault(const QJsonObject &body);

    TestServer m_server;
    SiteClients m_c;
    std::unique_ptr<OrionStub> m_stub;
};

void TstApiOrion::initTestCase()
{
    QVERIFY2(m_server.start(), qPrintable(m_server.errorString()));
    QVERIFY2(m_c.setUp(m_server), qPrintable(m_c.error));
}

void TstApiOrion::init()
{
    m_stub = std::make_unique<OrionStub>();
    QVERIFY(m_stub->start());
}

void TstApiOrion::cleanup()
{
    m_stub.reset();
    for (ApiTestClient *c : m_c.all())
        VMS_VERIFY_NO_SCHEMA_FAILURES(*c);
}

void TstApiOrion::cleanupTestCase()
{
    m_c.reset();
    m_server.stop();
}

void TstApiOrion::configureDefault(const QJsonObject &body)
{
    const Reply r = m_c.user->put(QStringLiteral("/api/v1/orion/config"), body);
    QVERIFY2(r.status == 200, qPrintable(r.describe()));
}

void TstApiOrion::infoNotConfigured()
{
    const Reply r = m_c.user->get(QStringLiteral("/api/v1/orion/info"));
    VMS_VERIFY_ERROR(r, 400, QStringLiteral("invalid_request"));
    QVERIFY(r.object()
                    .value(QLatin1String("detail"))
                    .toString()
                    .contains(QLatin1String("not configured")));
    QVERIFY(m_stub->requests.isEmpty());
}

void TstApiOrion::configureFirstTime()
{
    const Reply r = m_c.user->put(
            QStringLiteral("/api/v1/orion/config"),
            config(m_stub->wsdlUrl(), QStringLiteral("operator"), QStringLiteral("s3cret-pass")));
    VMS_VERIFY_STATUS(r, 200);
    const QJsonObject o = r.object();
    QCOMPARE(o.value(QLatin1String("wsdl_url")).toString(), m_stub->wsdlUrl());
    QCOMPARE(o.value(QLatin1String("login")).toString(), QStringLiteral("operator"));
    QCOMPARE(o.value(QLatin1String("organization_id")).toInteger(), m_c.defaultOrganization);
    QVERIFY(o.value(QLatin1String("updated_at")).toString().endsWith(QLatin1Char('Z')));
    // The password is write-only.
    QVERIFY(!o.contains(QLatin1String("password")));
    // Configuring does not contact Orion.
    QVERIFY(m_stub->requests.isEmpty());

    const Reply log = m_c.admin->get(QStringLiteral("/api/v1/auditlogs?action_types=orion_create"));
    VMS_VERIFY_STATUS(log, 200);
    const QJsonArray entries = log.object().value(QLatin1String("auditlogs")).toArray();
    QCOMPARE(entries.size(), 1);
    const QJsonObject meta = entries.first().toObject().value(QLatin1String("meta")).toObject();
    QCOMPARE(meta.value(QLatin1String("wsdl_url")).toString(), m_stub->wsdlUrl());
    QVERIFY(!QJsonDocument(meta).toJson().contains("s3cret"));
}

void TstApiOrion::configureAgain()
{
    const Reply r = m_c.user->put(QStringLiteral("/api/v1/orion/config"),
                                  config(QStringLiteral("https://orion.example.com/ws?wsdl")));
    VMS_VERIFY_STATUS(r, 200);
    QCOMPARE(r.object().value(QLatin1String("wsdl_url")).toString(),
             QStringLiteral("https://orion.example.com/ws?wsdl"));
    // Replaced as given: no login any more.
    QVERIFY(!r.object().contains(QLatin1String("login")));
    const Reply log = m_c.admin->get(QStringLiteral("/api/v1/auditlogs?action_types=orion_update"));
    VMS_VERIFY_STATUS(log, 200);
    const QJsonArray entries = log.object().value(QLatin1String("auditlogs")).toArray();
    QVERIFY(!entries.isEmpty());
    const QJsonObject changes = entries.first()
                                        .toObject()
                                        .value(QLatin1String("meta"))
                                        .toObject()
                                        .value(QLatin1String("changes"))
                                        .toObject();
    QVERIFY(changes.contains(QLatin1String("wsdl_url")));
    QVERIFY(changes.contains(QLatin1String("login")));
    QCOMPARE(changes.value(QLatin1String("password")).toString(), QStringLiteral("changed"));
}

void TstApiOrion::configureValidation_data()
{
    QTest::addColumn<QJsonObject>("body");
    QTest::addColumn<QString>("field");
    QTest::addColumn<QString>("type");
    QTest::newRow("wsdl_url missing")
            << QJsonObject{{QStringLiteral("login"), QStringLiteral("a")}}
            << QStringLiteral("wsdl_url") << QStringLiteral("value_error.missing");
    QTest::newRow("wsdl_url empty") << config(QString()) << QStringLiteral("wsdl_url")
                                    << QStringLiteral("value_error.any_str.min_length");
    QTest::newRow("wsdl_url 513") << config(QStringLiteral("http://x/")
                                            + QString(504, QLatin1Char('a')))
                                  << QStringLiteral("wsdl_url")
                                  << QStringLiteral("value_error.any_str.max_length");
    QTest::newRow("wsdl_url a number")
            << QJsonObject{{QStringLiteral("wsdl_url"), 1}} << QStringLiteral("wsdl_url")
            << QStringLiteral("type_error.str");
    QJsonObject emptyLogin = config(QStringLiteral("http://x/w"));
    emptyLogin.insert(QStringLiteral("login"), QString());
    QTest::newRow("login empty") << emptyLogin << QStringLiteral("login")
                                 << QStringLiteral("value_error.any_str.min_length");
    QTest::newRow("password 256") << config(QStringLiteral("http://x/w"), QStringLiteral("a"),
                                            QString(256, QLatin1Char('p')))
                                  << QStringLiteral("password")
                                  << QStringLiteral("value_error.any_str.max_length");
}

void TstApiOrion::configureValidation()
{
    QFETCH(QJsonObject, body);
    QFETCH(QString, field);
    QFETCH(QString, type);
    VMS_VERIFY_VALIDATION(m_c.user->put(QStringLiteral("/api/v1/orion/config"), body),
                          QStringList({QStringLiteral("body"), field}), type);
}

void TstApiOrion::configureInvalidUrl_data()
{
    QTest::addColumn<QString>("url");
    QTest::newRow("ftp") << QStringLiteral("ftp://orion.example.com/orion.wsdl");
    QTest::newRow("relative") << QStringLiteral("/orion.wsdl");
    QTest::newRow("words") << QStringLiteral("orion please");
    QTest::newRow("no host") << QStringLiteral("http:///orion.wsdl");
}

void TstApiOrion::configureInvalidUrl()
{
    QFETCH(QString, url);
    VMS_VERIFY_ERROR(m_c.user->put(QStringLiteral("/api/v1/orion/config"), config(url)), 400,
                     QStringLiteral("invalid_request"));
}

void TstApiOrion::configurePermissions()
{
    QString error;
    QVERIFY(createRole(m_server, QStringLiteral("orion_creator"),
                       {QStringLiteral("orion_create"), QStringLiteral("orion_read")}, &error)
            > 0);
    QVERIFY(createRole(m_server, QStringLiteral("orion_updater"),
                       {QStringLiteral("orion_update"), QStringLiteral("orion_read")}, &error)
            > 0);
    const qint64 orgA = createOrganization(m_server, QStringLiteral("Orion A"), &error);
    const qint64 orgB = createOrganization(m_server, QStringLiteral("Orion B"), &error);
    QVERIFY2(orgA > 0 && orgB > 0, qPrintable(error));
    const UserAccount creator = createUserIn(m_server, orgA, QStringLiteral("orion_creator"),
                                             QStringLiteral("creator"));
    const UserAccount updater = createUserIn(m_server, orgB, QStringLiteral("orion_updater"),
                                             QStringLiteral("updater"));
    QVERIFY(creator.isValid() && updater.isValid());
    auto creatorClient = loggedInClient(m_server, creator.email, creator.password);
    auto updaterClient = loggedInClient(m_server, updater.email, updater.password);
    QVERIFY(creatorClient && updaterClient);
    const QString path = QStringLiteral("/api/v1/orion/config");

    // orion_create makes the first configuration, but cannot change it.
    VMS_VERIFY_STATUS(creatorClient->put(path, config(m_stub->wsdlUrl())), 200);
    VMS_VERIFY_ERROR(creatorClient->put(path, config(m_stub->wsdlUrl())), 403,
                     QStringLiteral("unauthorized"));
    // orion_update cannot make the first one.
    VMS_VERIFY_ERROR(updaterClient->put(path, config(m_stub->wsdlUrl())), 403,
                     QStringLiteral("unauthorized"));
    VMS_VERIFY_ERROR(updaterClient->get(QStringLiteral("/api/v1/orion/info")), 400,
                     QStringLiteral("invalid_request"));
    // Neither permission: refused before the body is read.
    VMS_VERIFY_ERROR(m_c.reader->put(path, QJsonObject()), 403, QStringLiteral("unauthorized"));
    VMS_VERIFY_ERROR(m_c.nobody->put(path, config(m_stub->wsdlUrl())), 403,
                     QStringLiteral("unauthorized"));
    VMS_VERIFY_NO_SCHEMA_FAILURES(*creatorClient);
    VMS_VERIFY_NO_SCHEMA_FAILURES(*updaterClient);
}

void TstApiOrion::infoSoap11()
{
    configureDefault(config(m_stub->wsdlUrl()));
    const Reply r = m_c.user->get(QStringLiteral("/api/v1/orion/info"));
    VMS_VERIFY_STATUS(r, 200);
    QCOMPARE(r.object(),
             QJsonObject({{QStringLiteral("service_version"), QStringLiteral("3.1.4")},
                          {QStringLiteral("software_version"), QStringLiteral("10.2.1")},
                          {QStringLiteral("software_name"), QStringLiteral("Orion Pro & Co")},
                          {QStringLiteral("database_version"), QStringLiteral("2024.1")}}));
    // The WSDL first, then the SOAP call of the operation it declares.
    QCOMPARE(m_stub->requests.size(), 2);
    QCOMPARE(m_stub->requests[0].method, QByteArray("GET"));
    QCOMPARE(m_stub->requests[0].path, QByteArray("/orion.wsdl"));
    const StubRequest &call = m_stub->requests[1];
    QCOMPARE(call.method, QByteArray("POST"));
    QCOMPARE(call.path, QByteArray("/soap"));
    QCOMPARE(call.headers.value("soapaction"),
             QByteArray("\"urn:orion:integration#GetServiceInfo\""));
    QVERIFY(call.headers.value("content-type").startsWith("text/xml"));
    QCOMPARE(call.bodyElementNs, QString::fromLatin1(kOrionNs));
    QCOMPARE(call.bodyElementName, QStringLiteral("GetServiceInfoRequest"));
    QVERIFY(!call.headers.contains("authorization"));
}

void TstApiOrion::infoSendsCredentials()
{
    configureDefault(
            config(m_stub->wsdlUrl(), QStringLiteral("orion-user"), QStringLiteral("pa:ss word")));
    m_stub->requiredAuthorization = basic("orion-user", "pa:ss word");
    VMS_VERIFY_STATUS(m_c.user->get(QStringLiteral("/api/v1/orion/info")), 200);
    QCOMPARE(m_stub->requests.size(), 2);
    for (const StubRequest &req : std::as_const(m_stub->requests))
        QCOMPARE(req.headers.value("authorization"), m_stub->requiredAuthorization);

    // The same login without a password keeps the stored password.
    configureDefault(config(m_stub->wsdlUrl(), QStringLiteral("orion-user")));
    VMS_VERIFY_STATUS(m_c.user->get(QStringLiteral("/api/v1/orion/info")), 200);
    // A new login without a password has none: Orion refuses it, and the API says 503.
    configureDefault(config(m_stub->wsdlUrl(), QStringLiteral("someone-else")));
    const Reply r = m_c.user->get(QStringLiteral("/api/v1/orion/info"));
    VMS_VERIFY_ERROR(r, 503, QStringLiteral("temporarily_unavailable"));
    QVERIFY2(r.object().value(QLatin1String("detail")).toString().contains(QLatin1String("401")),
             qPrintable(r.describe()));
}

void TstApiOrion::infoSoap12GetVersion()
{
    m_stub->mode = OrionStub::Mode::Soap12Version;
    configureDefault(config(m_stub->wsdlUrl()));
    const Reply r = m_c.user->get(QStringLiteral("/api/v1/orion/info"));
    VMS_VERIFY_STATUS(r, 200);
    QCOMPARE(r.object(),
             QJsonObject({{QStringLiteral("service_version"), QStringLiteral("2.0")},
                          {QStringLiteral("software_version"), QStringLiteral("7.7")},
                          {QStringLiteral("software_name"), QStringLiteral("Orion Lite")},
                          {QStringLiteral("database_version"), QStringLiteral("15")}}));
    QCOMPARE(m_stub->requests.size(), 2);
    const StubRequest &call = m_stub->requests[1];
    // The relative soap:address was resolved against the WSDL URL.
    QCOMPARE(call.path, QByteArray("/soap"));
    QVERIFY2(call.headers.value("content-type").startsWith("application/soap+xml"),
             call.headers.value("content-type").constData());
    QVERIFY(call.headers.value("content-type")
                    .contains("action=\"urn:orion:integration#GetVersion\""));
    QCOMPARE(call.bodyElementName, QStringLiteral("GetVersionRequest"));
}

void TstApiOrion::infoUnavailable_data()
{
    QTest::addColumn<int>("mode");
    QTest::addColumn<QString>("detail");
    QTest::newRow("soap fault") << int(OrionStub::Mode::Fault)
                                << QStringLiteral("Orion database is offline");
    QTest::newRow("no service-info operation")
            << int(OrionStub::Mode::NoOperation) << QStringLiteral("GetServiceInfo");
    QTest::newRow("missing field")
            << int(OrionStub::Mode::MissingField) << QStringLiteral("DatabaseVersion");
    QTest::newRow("wsdl not found")
            << int(OrionStub::Mode::WsdlNotFound) << QStringLiteral("HTTP 404");
    QTest::newRow("not a wsdl") << int(OrionStub::Mode::NotXml) << QStringLiteral("WSDL");
}

void TstApiOrion::infoUnavailable()
{
    QFETCH(int, mode);
    QFETCH(QString, detail);
    m_stub->mode = OrionStub::Mode(mode);
    configureDefault(config(m_stub->wsdlUrl()));
    const Reply r = m_c.user->get(QStringLiteral("/api/v1/orion/info"));
    VMS_VERIFY_ERROR(r, 503, QStringLiteral("temporarily_unavailable"));
    QVERIFY2(r.object().value(QLatin1String("detail")).toString().contains(detail),
             qPrintable(r.describe()));
    QVERIFY(!m_stub->requests.isEmpty());
}

void TstApiOrion::infoStubStopped()
{
    configureDefault(config(m_stub->wsdlUrl()));
    VMS_VERIFY_STATUS(m_c.user->get(QStringLiteral("/api/v1/orion/info")), 200);
    m_stub->stop();
    const Reply r = m_c.user->get(QStringLiteral("/api/v1/orion/info"));
    VMS_VERIFY_ERROR(r, 503, QStringLiteral("temporarily_unavailable"));
    QVERIFY2(r.object()
                     .value(QLatin1String("detail"))
                     .toString()
                     .contains(QLatin1String("unreachable")),
             qPrintable(r.describe()));
}

void TstApiOrion::infoTimeout()
{
    m_stub->mode = OrionStub::Mode::Silent;
    configureDefault(config(m_stub->wsdlUrl()));

    // Ask asynchronously, and meanwhile check that the server still answers other requests: the
    // Orion exchange must not block the server thread.
    QNetworkAccessManager nam;
    QNetworkRequest request(QUrl(m_server.url().toString() + QStringLiteral("/api/v1/orion/info")));
    request.setRawHeader("Authorization", "Bearer " + m_c.user->bearer().toLatin1());
    QElapsedTimer t;
    t.start();
    std::unique_ptr<QNetworkReply> pending(nam.get(request));
    QTRY_VERIFY_WITH_TIMEOUT(!m_stub->requests.isEmpty(), 3000); // Orion was asked
    QElapsedTimer helloTimer;
    helloTimer.start();
    VMS_VERIFY_STATUS(m_c.user->get(QStringLiteral("/api/v1/hello")), 200);
    QVERIFY2(helloTimer.elapsed() < 2000, qPrintable(QString::number(helloTimer.elapsed())));
    QVERIFY(!pending->isFinished());

    QTRY_VERIFY_WITH_TIMEOUT(pending->isFinished(), 12000);
    const qint64 elapsed = t.elapsed();
    QCOMPARE(pending->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt(), 503);
    const QJsonObject body = QJsonDocument::fromJson(pending->readAll()).object();
    QCOMPARE(body.value(QLatin1String("status")).toString(),
             QStringLiteral("temporarily_unavailable"));
    QVERIFY2(body.value(QLatin1String("detail")).toString().contains(QLatin1String("within 5 s")),
             qPrintable(body.value(QLatin1String("detail")).toString()));
    QVERIFY2(elapsed >= 4900 && elapsed < 12000, qPrintable(QString::number(elapsed)));
}

void TstApiOrion::infoPermissions()
{
    configureDefault(config(m_stub->wsdlUrl()));
    // The operator role holds orion_read.
    VMS_VERIFY_STATUS(m_c.reader->get(QStringLiteral("/api/v1/orion/info")), 200);
    VMS_VERIFY_ERROR(m_c.nobody->get(QStringLiteral("/api/v1/orion/info")), 403,
                     QStringLiteral("unauthorized"));
}

void TstApiOrion::organizationIsolation()
{
    configureDefault(config(m_stub->wsdlUrl()));
    // The other organization has its own (absent) configuration.
    VMS_VERIFY_ERROR(m_c.other->get(QStringLiteral("/api/v1/orion/info")), 400,
                     QStringLiteral("invalid_request"));
    const Reply r = m_c.other->put(QStringLiteral("/api/v1/orion/config"),
                                   config(QStringLiteral("http://127.0.0.1:1/other.wsdl")));
    VMS_VERIFY_STATUS(r, 200);
    QCOMPARE(r.object().value(QLatin1String("organization_id")).toInteger(), m_c.otherOrganization);
    // Ours is untouched.
    VMS_VERIFY_STATUS(m_c.user->get(QStringLiteral("/api/v1/orion/info")), 200);
    VMS_VERIFY_ERROR(m_c.other->get(QStringLiteral("/api/v1/orion/info")), 503,
                     QStringLiteral("temporarily_unavailable"));
}

QTEST_GUILESS_MAIN(TstApiOrion)
#include "tst_api_orion.moc"
