#include "tests/support/api_client.h"
#include "tests/support/openapi_validator.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTest>

#include <functional>
#include <memory>

using vms::test::ApiTestClient;
using vms::test::OpenApiValidator;
using vms::test::Reply;

namespace {

// Any JSON text, scalars included.
QJsonValue parse(const QByteArray &text)
{
    QJsonParseError error;
    const QJsonDocument doc = QJsonDocument::fromJson('[' + text + ']', &error);
    if (error.error != QJsonParseError::NoError || doc.array().size() != 1)
        qFatal("bad JSON in test data: %s", text.constData());
    return doc.array().at(0);
}

// A small contract that exercises every feature of the validator without depending on the
// project's real document.
const char *const syntheticDocument = R"({
  "openapi": "3.0.3",
  "info": {"title": "synthetic", "version": "1"},
  "paths": {
    "/api/v1/users": {"get": {"responses": {"200": {"description": "ok",
        "content": {"application/json": {"schema": {"type": "array",
            "items": {"$ref": "#/components/schemas/User"}}}}}}}},
    "/api/v1/users/me": {
      "get": {"responses": {
        "200": {"description": "me", "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Me"}}}},
        "500": {"description": "error", "content": {"application/json": {}}}}},
      "put": {"responses": {"200": {"description": "ok"}}}},
    "/api/v1/users/{user_id}": {
      "get": {"responses": {
        "200": {"description": "user", "content": {"application/json": {"schema": {"$ref": "#/components/schemas/User"}}}},
        "404": {"$ref": "#/components/responses/NotFound"}}},
      "delete": {"responses": {"204": {"description": "deleted"}, "default": {"description": "any error",
        "content": {"application/json": {"schema": {"$ref": "#/components/schemas/NotFoundError"}}}}}}},
    "/api/v1/users/{user_id}/avatar": {"get": {"responses": {"200": {"description": "image",
        "content": {"application/octet-stream": {"schema": {"type": "string", "format": "binary"}}}}}}},
    "/api/v2/sources/list": {"post": {"responses": {"200": {"description": "ok"}}}},
    "/api/v2/sources/{who}": {"get": {"responses": {"200": {"description": "ok"}}}},
    "/files/{name}.json": {"get": {"responses": {"2XX": {"description": "ok",
        "content": {"application/json": {"schema": {"type": "object"}}}}}}}
  },
  "components": {
    "responses": {
      "NotFound": {"description": "not found",
        "content": {"application/json": {"schema": {"$ref": "#/components/schemas/NotFoundError"}}}}
    },
    "schemas": {
      "User": {"type": "object", "required": ["id", "name"], "properties": {
        "id": {"type": "string", "format": "uuid"}, "name": {"type": "string", "minLength": 1}}},
      "Me": {"type": "object", "required": ["email"], "additionalProperties": false, "properties": {
        "email": {"type": "string", "format": "email"}}},
      "Pet": {"type": "object", "required": ["kind"], "properties": {"kind": {"type": "string"}}},
      "Cat": {"type": "object", "required": ["kind", "meows"], "properties": {
        "kind": {"type": "string", "enum": ["cat"]}, "meows": {"type": "boolean"}}},
      "Dog": {"type": "object", "required": ["kind", "barks"], "properties": {
        "kind": {"type": "string", "enum": ["dog"]}, "barks": {"type": "boolean"}}},
      "Node": {"type": "object", "properties": {
        "value": {"type": "integer"}, "children": {"type": "array", "items": {"$ref": "#/components/schemas/Node"}}}},
      "LoopA": {"$ref": "#/components/schemas/LoopB"},
      "LoopB": {"$ref": "#/components/schemas/LoopA"},
      "a/b~c": {"type": "integer"},
      "NotFoundError": {"type": "object", "required": ["detail"], "properties": {
        "status": {"type": "string", "enum": ["not_found"]}, "status_code": {"type": "integer"},
        "detail": {"type": "string"}}},
      "MethodNotAllowedError": {"type": "object", "required": ["detail"], "properties": {
        "status": {"type": "string", "enum": ["method_not_allowed"]}, "status_code": {"type": "integer"},
        "detail": {"type": "string"}}}
    }
  }
})";

// Answers each connection with one canned HTTP response and remembers the raw request, so the
// client can be tested without the real server.
class CannedHttpServer : public QTcpServer
{
public:
    // Returns the full response bytes for a raw request; an empty result means "never answer".
    std::function<QByteArray(const QByteArray &)> respond;
    QByteArray lastRequest;

    CannedHttpServer()
    {
        connect(this, &QTcpServer::newConnection, this, [this] {
            while (QTcpSocket *socket = nextPendingConnection()) {
                auto buffer = std::make_shared<QByteArray>();
                connect(socket, &QTcpSocket::readyRead, socket, [this, socket, buffer] {
                    *buffer += socket->readAll();
                    const qsizetype headerEnd = buffer->indexOf("\r\n\r\n");
                    if (headerEnd < 0)
                        return;
                    qsizetype length = 0;
                    const QList<QByteArray> lines = buffer->left(headerEnd).split('\n');
                    for (const QByteArray &line : lines) {
                        if (line.toLower().startsWith("content-length:"))
                            length = line.mid(15).trimmed().toLongLong();
                    }
                    if (buffer->size() < headerEnd + 4 + length)
                        return;
                    lastRequest = buffer->left(headerEnd + 4 + length);
                    buffer->remove(0, headerEnd + 4 + length);
                    const QByteArray response = respond(lastRequest);
                    if (!response.isEmpty())
                        socket->write(response);
                });
                connect(socket, &QTcpSocket::disconnected, socket, &QObject::deleteLater);
            }
        });
    }

    QUrl url() const { return QUrl(QStringLiteral("http://127.0.0.1:%1").arg(serverPort())); }
};

QByteArray httpResponse(int status, const QByteArray &contentType, const QByteArray &body)
{
    QByteArray response = "HTTP/1.1 " + QByteArray::number(status) + " X\r\n";
    if (!contentType.isEmpty())
        response += "Content-Type: " + contentType + "\r\n";
    // QNetworkAccessManager treats 401 challenges specially; the client must still see the body.
    if (status == 401)
        response += "WWW-Authenticate: Bearer\r\n";
    response += "Content-Length: " + QByteArray::number(body.size()) + "\r\n\r\n" + body;
    return response;
}

} // namespace

class tst_OpenApiValidator : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();

    void validateKeyword_data();
    void validateKeyword();

    void matchPath_data();
    void matchPath();

    void validateResponse_data();
    void validateResponse();

    void unloadedDocumentFailsClearly();

    void realDocumentLoads();
    void realDocumentRefsResolveAndPatternsCompile();
    void realDocumentAuthAndLimits();
    void realDocumentResponses_data();
    void realDocumentResponses();

    void clientChecksEveryReply();
    void clientSendsBodiesAndHeaders();
    void clientTimesOut();

private:
    std::unique_ptr<OpenApiValidator> m_synthetic;
};

void tst_OpenApiValidator::initTestCase()
{
    QJsonParseError error;
    const QJsonDocument doc = QJsonDocument::fromJson(syntheticDocument, &error);
    QVERIFY2(error.error == QJsonParseError::NoError, qPrintable(error.errorString()));
    m_synthetic = std::make_unique<OpenApiValidator>(doc.object());
    QVERIFY2(m_synthetic->isLoaded(), qPrintable(m_synthetic->loadError()));
}

void tst_OpenApiValidator::validateKeyword_data()
{
    QTest::addColumn<QByteArray>("schema");
    QTest::addColumn<QByteArray>("value");
    // Empty: the value must pass. Otherwise a fragment that the error message must contain.
    QTest::addColumn<QString>("expectedError");

    const auto row = [](const char *name, const char *schema, const char *value,
                        const char *expected = "") {
        QTest::newRow(name) << QByteArray(schema) << QByteArray(value)
                            << QString::fromUtf8(expected);
    };

    row("empty schema accepts anything", "{}", R"({"a":[1,null]})");
    row("string ok", R"({"type":"string"})", R"("x")");
    row("string vs number", R"({"type":"string"})", "5", "expected string, got integer 5");
    row("integer ok", R"({"type":"integer"})", "42");
    row("integer written as 5.0", R"({"type":"integer"})", "5.0");
    row("integer vs fraction", R"({"type":"integer"})", "5.5", "expected integer, got number");
    row("integer vs string", R"({"type":"integer"})", R"("5")", "expected integer");
    row("number ok", R"({"type":"number"})", "5.5");
    row("number accepts integer", R"({"type":"number"})", "5");
    row("number vs string", R"({"type":"number"})", R"("x")", "expected number");
    row("boolean ok", R"({"type":"boolean"})", "true");
    row("boolean vs 0", R"({"type":"boolean"})", "0", "expected boolean");
    row("object ok", R"({"type":"object"})", "{}");
    row("object vs array", R"({"type":"object"})", "[]", "expected object, got array");
    row("array ok", R"({"type":"array"})", "[]");
    row("array vs object", R"({"type":"array"})", "{}", "expected array");
    row("null vs string", R"({"type":"string"})", "null", "expected string, got null");
    row("nullable null", R"({"type":"string","nullable":true})", "null");
    row("nullable still typed", R"({"type":"string","nullable":true})", "1", "expected string");
    row("nullable false", R"({"type":"string","nullable":false})", "null", "got null");

    row("enum ok", R"({"type":"string","enum":["a","b"]})", R"("b")");
    row("enum miss", R"({"type":"string","enum":["a","b"]})", R"("c")",
        R"("c" is not one of ["a","b"])");
    row("enum integer", R"({"enum":[1,2]})", "2");
    row("enum integer miss", R"({"enum":[1,2]})", "3", "[schema #/enum]");

    row("required ok", R"({"type":"object","required":["a"]})", R"({"a":1})");
    row("required missing", R"({"type":"object","required":["a","b"]})", R"({"a":1})",
        R"(at (root): missing required property "b" [schema #/required])");
    row("nested property pointer",
        R"({"type":"object","properties":{"a":{"type":"object","properties":{"b":{"type":"string"}}}}})",
        R"({"a":{"b":1}})",
        "at /a/b: expected string, got integer 1 [schema #/properties/a/properties/b/type]");
    row("pointer escapes ~ and /", R"({"properties":{"a/b~c":{"type":"string"}}})",
        R"({"a/b~c":1})", "at /a~1b~0c:");
    row("additionalProperties default true", R"({"type":"object","properties":{"a":{}}})",
        R"({"a":1,"z":2})");
    row("additionalProperties true", R"({"properties":{},"additionalProperties":true})",
        R"({"z":2})");
    row("additionalProperties false ok", R"({"properties":{"a":{}},"additionalProperties":false})",
        R"({"a":2})");
    row("additionalProperties false", R"({"properties":{"a":{}},"additionalProperties":false})",
        R"({"a":1,"z":2})", R"(property "z" is not allowed)");
    row("additionalProperties schema ok", R"({"additionalProperties":{"type":"integer"}})",
        R"({"x":1,"y":2})");
    row("additionalProperties schema", R"({"additionalProperties":{"type":"integer"}})",
        R"({"x":1,"y":"2"})",
        "at /y: expected integer, got string \"2\" [schema #/additionalProperties/type]");
    row("properties only apply to objects", R"({"properties":{"a":{"type":"string"}}})", "[1]");

    row("items ok", R"({"type":"array","items":{"type":"integer"}})", "[1,2,3]");
    row("items pointer", R"({"type":"array","items":{"type":"integer"}})", R"([1,2,"x"])",
        "at /2: expected integer, got string \"x\" [schema #/items/type]");
    row("minItems ok", R"({"minItems":2})", "[1,2]");
    row("minItems", R"({"minItems":2})", "[1]", "fewer than 2");
    row("maxItems ok", R"({"maxItems":1})", "[1]");
    row("maxItems", R"({"maxItems":1})", "[1,2]", "more than 1");
    row("uniqueItems", R"({"uniqueItems":true})", "[1,2,1]", "items 0 and 2 are equal");

    row("minLength ok", R"({"minLength":2})", R"("ab")");
    row("minLength", R"({"minLength":2})", R"("a")", "shorter than 2");
    row("maxLength ok", R"({"maxLength":2})", R"("ab")");
    row("maxLength", R"({"maxLength":2})", R"("abc")", "longer than 2");
    row("maxLength counts code points", R"({"maxLength":2})", "\"\xF0\x9F\x98\x80\xD1\x8F\"");
    row("length only for strings", R"({"maxLength":1})", "12345");

    row("minimum ok", R"({"minimum":10})", "10");
    row("minimum", R"({"minimum":10})", "9.5", "9.5 is less than 10");
    row("maximum ok", R"({"maximum":10})", "10");
    row("maximum", R"({"maximum":10})", "11", "greater than 10");
    row("exclusiveMinimum ok", R"({"minimum":0,"exclusiveMinimum":true})", "0.001");
    row("exclusiveMinimum", R"({"minimum":0,"exclusiveMinimum":true})", "0", "not greater than 0");
    row("exclusiveMaximum ok", R"({"maximum":1,"exclusiveMaximum":true})", "0.999");
    row("exclusiveMaximum", R"({"maximum":1,"exclusiveMaximum":true})", "1", "not less than 1");
    row("exclusiveMaximum false", R"({"maximum":1,"exclusiveMaximum":false})", "1");
    row("range only for numbers", R"({"minimum":10})", R"("1")");
    row("multipleOf", R"({"multipleOf":0.5})", "1.25", "not a multiple of 0.5");

    row("pattern is unanchored", R"({"pattern":"b"})", R"("abc")");
    row("pattern anchored", R"({"pattern":"^b"})", R"("abc")", "does not match pattern ^b");
    row("pattern invalid", R"({"pattern":"("})", R"("abc")", "invalid pattern");

    row("date ok", R"({"type":"string","format":"date"})", R"("2012-07-21")");
    row("date impossible", R"({"format":"date"})", R"("2012-02-30")", "is not a date");
    row("date short", R"({"format":"date"})", R"("2012-7-21")", "is not a date");
    row("date with time", R"({"format":"date"})", R"("2012-07-21T00:00:00Z")", "is not a date");
    row("date-time Z", R"({"format":"date-time"})", R"("2024-01-02T03:04:05Z")");
    row("date-time offset and fraction", R"({"format":"date-time"})",
        R"("2024-01-02T03:04:05.123+03:00")");
    row("date-time space", R"({"format":"date-time"})", R"("2024-01-02 03:04:05Z")",
        "is not an RFC 3339 date-time");
    row("date-time no zone", R"({"format":"date-time"})", R"("2024-01-02T03:04:05")", "RFC 3339");
    row("date-time hour 25", R"({"format":"date-time"})", R"("2024-01-02T25:04:05Z")", "RFC 3339");
    row("uuid ok", R"({"format":"uuid"})", R"("058e6b2d-a3b6-11ed-A80B-02420a00015b")");
    row("uuid without dashes", R"({"format":"uuid"})", R"("058e6b2da3b611eda80b02420a00015b")",
        "not a canonical UUID");
    row("uuid braces", R"({"format":"uuid"})", R"("{058e6b2d-a3b6-11ed-a80b-02420a00015b}")",
        "UUID");
    row("email ok", R"({"format":"email"})", R"("ann@example.org")");
    row("email single-label domain", R"({"format":"email"})", R"("admin@localhost")");
    row("email no at", R"({"format":"email"})", R"("ann.example.org")", "not an email");
    row("email no domain", R"({"format":"email"})", R"("ann@")", "not an email");
    row("unknown format ignored", R"({"format":"binary"})", R"("\u0000")");
    row("format only for strings", R"({"format":"uuid"})", "12");
    row("default ignored", R"({"type":"string","default":5})", R"("x")");
    row("discriminator ignored", R"({"discriminator":{"propertyName":"kind"}})", "{}");

    row("$ref ok", R"({"$ref":"#/components/schemas/Pet"})", R"({"kind":"x"})");
    row("$ref fails in target", R"({"$ref":"#/components/schemas/Pet"})", R"({"kind":1})",
        "at /kind: expected string, got integer 1 [schema "
        "#/components/schemas/Pet/properties/kind/type]");
    row("$ref siblings ignored", R"({"$ref":"#/components/schemas/Pet","type":"string"})",
        R"({"kind":"x"})");
    row("$ref escaped name", R"({"$ref":"#/components/schemas/a~1b~0c"})", "3");
    row("$ref to any pointer", R"({"$ref":"#/components/schemas/User/properties/id"})", R"("nope")",
        "not a canonical UUID");
    row("$ref unresolvable", R"({"$ref":"#/components/schemas/Nope"})", "1",
        R"(unresolvable $ref "#/components/schemas/Nope")");
    row("$ref remote unsupported", R"({"$ref":"other.json#/x"})", "1", "unresolvable $ref");
    row("$ref cycle", R"({"$ref":"#/components/schemas/LoopA"})", "1", "recursive $ref");
    row("$ref recursive schema", R"({"$ref":"#/components/schemas/Node"})",
        R"({"value":1,"children":[{"value":2,"children":[{"value":3}]}]})");
    row("$ref recursive schema deep failure", R"({"$ref":"#/components/schemas/Node"})",
        R"({"children":[{"children":[{"value":"3"}]}]})",
        "at /children/0/children/0/value: expected integer");

    row("allOf ok", R"({"allOf":[{"type":"integer"},{"minimum":3}]})", "4");
    row("allOf", R"({"allOf":[{"type":"integer"},{"minimum":3}]})", "2",
        "[schema #/allOf/1/minimum]");
    row("anyOf ok", R"({"anyOf":[{"type":"string"},{"type":"integer"}]})", "3");
    row("anyOf", R"({"anyOf":[{"type":"string"},{"type":"integer"}]})", "true",
        "matches none of the anyOf schemas");
    const char *pets
            = R"({"oneOf":[{"$ref":"#/components/schemas/Cat"},{"$ref":"#/components/schemas/Dog"}],
        "discriminator":{"propertyName":"kind"}})";
    row("oneOf cat", pets, R"({"kind":"cat","meows":true})");
    row("oneOf dog", pets, R"({"kind":"dog","barks":false})");
    row("oneOf none", pets, R"({"kind":"cow"})", "matches none of the oneOf schemas");
    row("oneOf none lists branches", pets, R"({"kind":"cow","meows":true,"barks":true})",
        R"([1] at /kind: "cow" is not one of ["dog"])");
    row("oneOf two", R"({"oneOf":[{"type":"integer"},{"type":"number"}]})", "1",
        "matches more than one oneOf schema (0, 1)");
    row("oneOf one of two", R"({"oneOf":[{"type":"integer"},{"type":"number"}]})", "1.5");
    row("not", R"({"not":{"type":"string"}})", R"("x")", R"(matches the schema under "not")");
    row("not ok", R"({"not":{"type":"string"}})", "1");
}

void tst_OpenApiValidator::validateKeyword()
{
    QFETCH(QByteArray, schema);
    QFETCH(QByteArray, value);
    QFETCH(QString, expectedError);

    const QString error = m_synthetic->validate(parse(value), parse(schema).toObject());
    if (expectedError.isEmpty()) {
        QVERIFY2(error.isEmpty(), qPrintable(error));
    } else {
        QVERIFY2(!error.isEmpty(), "the value was accepted");
        QVERIFY2(error.contains(expectedError),
                 qPrintable(QStringLiteral("expected \"%1\" in: %2").arg(expectedError, error)));
    }
}

void tst_OpenApiValidator::matchPath_data()
{
    QTest::addColumn<QString>("method");
    QTest::addColumn<QString>("path");
    QTest::addColumn<QString>("expected"); // empty: no operation

    const auto row
            = [](const char *name, const char *method, const char *path, const char *expected) {
                  QTest::newRow(name) << QString::fromLatin1(method) << QString::fromLatin1(path)
                                      << QString::fromLatin1(expected);
              };
    row("literal", "GET", "/api/v1/users", "/api/v1/users");
    row("literal beats template", "GET", "/api/v1/users/me", "/api/v1/users/me");
    row("lower-case method", "get", "/api/v1/users/me", "/api/v1/users/me");
    row("template", "GET", "/api/v1/users/42", "/api/v1/users/{user_id}");
    row("query string stripped", "GET", "/api/v1/users/me?with=1&x=/y", "/api/v1/users/me");
    row("fragment stripped", "GET", "/api/v1/users/7#top", "/api/v1/users/{user_id}");
    row("literal without the method falls to template", "DELETE", "/api/v1/users/me",
        "/api/v1/users/{user_id}");
    row("encoded slash stays in one segment", "GET", "/api/v1/users/a%2Fb",
        "/api/v1/users/{user_id}");
    row("deeper template", "GET", "/api/v1/users/42/avatar", "/api/v1/users/{user_id}/avatar");
    row("parameter must not be empty", "GET", "/api/v1/users/", "");
    row("parameter takes one segment", "GET", "/api/v1/users/a/b", "");
    row("post on literal", "POST", "/api/v2/sources/list", "/api/v2/sources/list");
    row("get falls to template", "GET", "/api/v2/sources/list", "/api/v2/sources/{who}");
    row("unknown method", "PATCH", "/api/v1/users/me", "");
    row("mixed segment", "GET", "/files/report.json", "/files/{name}.json");
    row("mixed segment mismatch", "GET", "/files/report.txt", "");
    row("mixed segment needs a name", "GET", "/files/.json", "");
    row("unknown path", "GET", "/nope", "");
    row("root", "GET", "/", "");
}

void tst_OpenApiValidator::matchPath()
{
    QFETCH(QString, method);
    QFETCH(QString, path);
    QFETCH(QString, expected);
    QCOMPARE(m_synthetic->matchPath(method, path), expected);
}

void tst_OpenApiValidator::validateResponse_data()
{
    QTest::addColumn<QString>("method");
    QTest::addColumn<QString>("path");
    QTest::addColumn<int>("status");
    QTest::addColumn<QByteArray>("contentType");
    QTest::addColumn<QByteArray>("body");
    QTest::addColumn<QString>("expectedError"); // empty: valid

    const auto row = [](const char *name, const char *method, const char *path, int status,
                        const char *contentType, const QByteArray &body,
                        const char *expected = "") {
        QTest::newRow(name) << QString::fromLatin1(method) << QString::fromLatin1(path) << status
                            << QByteArray(contentType) << body << QString::fromUtf8(expected);
    };
    const QByteArray json = "application/json";
    const char *user = R"({"id":"058e6b2d-a3b6-11ed-a80b-02420a00015b","name":"Ann"})";
    const char *notFound = R"({"status":"not_found","status_code":404,"detail":"no such route"})";
    const char *notAllowed
            = R"({"status":"method_not_allowed","status_code":405,"detail":"use GET"})";

    row("documented 200", "GET", "/api/v1/users/42", 200, json, user);
    row("charset parameter", "GET", "/api/v1/users/42", 200, "application/json; charset=utf-8",
        user);
    row("upper-case media type", "GET", "/api/v1/users/42", 200, "Application/JSON", user);
    row("query string", "GET", "/api/v1/users?limit=10", 200, json, QByteArray("[]"));
    row("array body pointer", "GET", "/api/v1/users", 200, json,
        QByteArray("[") + user + R"(,{"id":"x","name":"Bob"}])",
        "at /1/id: \"x\" is not a canonical UUID [schema #/components/schemas/User/properties/id/"
        "format]");
    row("body mismatch names pointers", "GET", "/api/v1/users/42", 200, json,
        R"({"id":"058e6b2d-a3b6-11ed-a80b-02420a00015b","name":""})",
        "GET /api/v1/users/42 -> 200: at /name: string of length 0 is shorter than 1 [schema "
        "#/components/schemas/User/properties/name/minLength]");
    row("literal template preferred", "GET", "/api/v1/users/me", 200, json,
        R"({"email":"ann@example.org"})");
    row("literal template schema applies", "GET", "/api/v1/users/me", 200, json, user,
        "missing required property \"email\"");
    row("undocumented status", "GET", "/api/v1/users/42", 418, json, "{}",
        "status 418 is not documented at #/paths/~1api~1v1~1users~1{user_id}/get/responses "
        "(documented: 200, 404)");
    row("undocumented 404 on a known path", "GET", "/api/v1/users/me", 404, json, notFound,
        "status 404 is not documented");
    row("undocumented 401", "GET", "/api/v1/users", 401, json, "{}", "not documented");
    row("response $ref", "GET", "/api/v1/users/42", 404, json, notFound);
    row("response $ref mismatch", "GET", "/api/v1/users/42", 404, json, R"({"status":"nope"})",
        "GET /api/v1/users/42 -> 404: at (root): missing required property \"detail\" [schema "
        "#/components/schemas/NotFoundError/required]");
    row("default response", "DELETE", "/api/v1/users/42", 503, json, notFound);
    row("2XX range", "GET", "/files/a.json", 201, json, "{}");
    row("2XX range does not cover 4xx", "GET", "/files/a.json", 400, json, "{}", "not documented");
    row("204 without content", "DELETE", "/api/v1/users/42", 204, "", "");
    row("no content declared leaves body unchecked", "PUT", "/api/v1/users/me", 200, "text/plain",
        "whatever");
    row("500 empty body", "GET", "/api/v1/users/me", 500, json, "");
    row("500 empty body without content type", "GET", "/api/v1/users/me", 500, "", "");
    row("500 any JSON body", "GET", "/api/v1/users/me", 500, json, R"({"x":1})");
    row("500 body must still be JSON", "GET", "/api/v1/users/me", 500, json, "oops",
        "body is not valid JSON");
    row("empty body where a schema is declared", "GET", "/api/v1/users/42", 200, json, "",
        "empty body");
    row("invalid JSON", "GET", "/api/v1/users/42", 200, json, "{\"id\":", "not valid JSON");
    row("two JSON values", "GET", "/api/v1/users/42", 200, json, "{} {}", "not valid JSON");
    row("undeclared content type", "GET", "/api/v1/users/42", 200, "text/html", user,
        "Content-Type \"text/html\" is not declared at "
        "#/paths/~1api~1v1~1users~1{user_id}/get/responses/200/content (declared: "
        "application/json)");
    row("missing content type", "GET", "/api/v1/users/42", 200, "", user, "is not declared");
    row("binary ok", "GET", "/api/v1/users/42/avatar", 200, "application/octet-stream",
        QByteArray("\x89PNG\0\1", 6));
    row("binary wrong content type", "GET", "/api/v1/users/42/avatar", 200, "image/jpeg",
        QByteArray("\xff\xd8", 2), "Content-Type \"image/jpeg\" is not declared");
    row("unknown path 404", "GET", "/nope", 404, json, notFound);
    row("unknown path 404 with query", "GET", "/nope?x=1", 404, json, notFound);
    row("unknown path 404 bad body", "GET", "/nope", 404, json, R"({"status":"not_found"})",
        "missing required property \"detail\"");
    row("unknown path 404 empty body", "GET", "/nope", 404, "", "", "empty body");
    row("unknown path other status", "GET", "/nope", 200, json, "{}",
        "no path template in #/paths matches this path");
    row("unknown path 405", "GET", "/nope", 405, json, notAllowed, "no path template");
    row("wrong method 405", "PATCH", "/api/v1/users/me", 405, json, notAllowed);
    row("wrong method 405 bad body", "PATCH", "/api/v1/users/me", 405, json,
        R"({"status":"not_found","detail":"x"})", "is not one of [\"method_not_allowed\"]");
    row("wrong method other status", "PATCH", "/api/v1/users/me", 404, json, notFound,
        "PATCH is not an operation of #/paths/~1api~1v1~1users~1me (documented: GET "
        "/api/v1/users/me, PUT /api/v1/users/me, GET /api/v1/users/{user_id}, DELETE "
        "/api/v1/users/{user_id})");
    row("405 on an operation that exists is undocumented", "GET", "/api/v1/users/me", 405, json,
        notAllowed, "status 405 is not documented");
}

void tst_OpenApiValidator::validateResponse()
{
    QFETCH(QString, method);
    QFETCH(QString, path);
    QFETCH(int, status);
    QFETCH(QByteArray, contentType);
    QFETCH(QByteArray, body);
    QFETCH(QString, expectedError);

    const QString error = m_synthetic->validateResponse(method, path, status, contentType, body);
    if (expectedError.isEmpty()) {
        QVERIFY2(error.isEmpty(), qPrintable(error));
    } else {
        QVERIFY2(!error.isEmpty(), "the response was accepted");
        QVERIFY2(error.contains(expectedError),
                 qPrintable(QStringLiteral("expected \"%1\" in: %2").arg(expectedError, error)));
    }
}

void tst_OpenApiValidator::unloadedDocumentFailsClearly()
{
    const OpenApiValidator missing(QStringLiteral("/nonexistent/openapi.json"));
    QVERIFY(!missing.isLoaded());
    QVERIFY(missing.loadError().contains(QLatin1String("/nonexistent/openapi.json")));
    const QString error = missing.validateResponse(QStringLiteral("GET"), QStringLiteral("/"), 200,
                                                   "application/json", "{}");
    QVERIFY(error.contains(QLatin1String("OpenAPI document not loaded")));

    const OpenApiValidator noPaths(QJsonObject{{QStringLiteral("openapi"), QStringLiteral("3")}});
    QVERIFY(!noPaths.isLoaded());
}

void tst_OpenApiValidator::realDocumentLoads()
{
    const OpenApiValidator &validator = OpenApiValidator::instance();
    QVERIFY2(validator.isLoaded(), qPrintable(validator.loadError()));
    QCOMPARE(validator.document().value(QLatin1String("openapi")).toString(),
             QStringLiteral("3.0.3"));
    // 159 operations from the seeds plus GET /openapi.json served by our server and the two
    // signed archive URLs (a segment file and a stream's HLS playlist).
    QCOMPARE(validator.operationCount(), 159 + 1 + 2);
    QCOMPARE(&OpenApiValidator::instance(), &validator);
}

void tst_OpenApiValidator::realDocumentRefsResolveAndPatternsCompile()
{
    const OpenApiValidator &validator = OpenApiValidator::instance();
    QVERIFY2(validator.isLoaded(), qPrintable(validator.loadError()));

    QStringList refs;
    QStringList patterns;
    std::function<void(const QJsonValue &)> walk = [&](const QJsonValue &node) {
        if (node.isObject()) {
            const QJsonObject object = node.toObject();
            for (auto it = object.begin(); it != object.end(); ++it) {
                if (it.key() == QLatin1String("$ref") && it.value().isString())
                    refs.append(it.value().toString());
                else if (it.key() == QLatin1String("pattern") && it.value().isString())
                    patterns.append(it.value().toString());
                walk(it.value());
            }
        } else if (node.isArray()) {
            const QJsonArray array = node.toArray();
            for (const QJsonValue &item : array)
                walk(item);
        }
    };
    walk(validator.document());
    QVERIFY(refs.size() > 500);
    for (const QString &ref : std::as_const(refs)) {
        const QString error
                = validator.validate(QJsonValue(), QJsonObject{{QStringLiteral("$ref"), ref}});
        QVERIFY2(!error.contains(QLatin1String("unresolvable")), qPrintable(error));
    }
    for (const QString &pattern : std::as_const(patterns))
        QVERIFY2(QRegularExpression(pattern).isValid(), qPrintable(pattern));
}

void tst_OpenApiValidator::realDocumentAuthAndLimits()
{
    const OpenApiValidator &validator = OpenApiValidator::instance();
    QVERIFY2(validator.isLoaded(), qPrintable(validator.loadError()));
    const QJsonObject doc = validator.document();
    const QJsonObject paths = doc.value(QLatin1String("paths")).toObject();
    const QJsonArray globalSecurity = doc.value(QLatin1String("security")).toArray();
    QVERIFY(!globalSecurity.isEmpty());

    int open = 0;
    for (auto path = paths.begin(); path != paths.end(); ++path) {
        const QJsonObject item = path.value().toObject();
        for (auto op = item.begin(); op != item.end(); ++op) {
            if (op.key() == QLatin1String("servers") || op.key() == QLatin1String("parameters"))
                continue;
            const QString name = op.key().toUpper() + QLatin1Char(' ') + path.key();
            const QJsonObject operation = op.value().toObject();
            const QJsonObject responses = operation.value(QLatin1String("responses")).toObject();
            const QJsonArray security
                    = operation.contains(QLatin1String("security"))
                              ? operation.value(QLatin1String("security")).toArray()
                              : globalSecurity;
            const bool isPublic = path.key().startsWith(QLatin1String("/api/v1/token"))
                                  || path.key() == QLatin1String("/openapi.json");
            QCOMPARE(security.isEmpty(), isPublic);
            if (isPublic) {
                ++open;
                continue;
            }
            QVERIFY2(responses.contains(QLatin1String("401")), qPrintable(name));
            if (operation.contains(QLatin1String("requestBody")))
                QVERIFY2(responses.contains(QLatin1String("413")), qPrintable(name));
            else
                QVERIFY2(!responses.contains(QLatin1String("413")), qPrintable(name));
        }
    }
    QCOMPARE(open, 4);
}

void tst_OpenApiValidator::realDocumentResponses_data()
{
    QTest::addColumn<QString>("method");
    QTest::addColumn<QString>("path");
    QTest::addColumn<int>("status");
    QTest::addColumn<QByteArray>("body");
    QTest::addColumn<bool>("valid");

    const auto row = [](const char *name, const char *method, const char *path, int status,
                        const char *body, bool valid) {
        QTest::newRow(name) << QString::fromLatin1(method) << QString::fromLatin1(path) << status
                            << QByteArray(body) << valid;
    };
    const char *unauthorized
            = R"({"status":"not_authenticated","status_code":401,"detail":"token expired"})";
    const char *tooLarge
            = R"({"status":"payload_too_large","status_code":413,"detail":"max 1 MiB"})";
    row("hello", "GET", "/api/v1/hello", 200, R"({"message":"hi","version":"0.1.0"})", true);
    row("hello missing version", "GET", "/api/v1/hello", 200, R"({"message":"hi"})", false);
    row("401 on a protected route", "GET", "/api/v1/cameras?limit=10", 401, unauthorized, true);
    row("401 body checked", "GET", "/api/v1/cameras", 401, R"({"status":"denied","detail":"x"})",
        false);
    row("401 on v2 sources", "POST", "/api/v2/sources/new", 401, unauthorized, true);
    row("no 401 on /openapi.json", "GET", "/openapi.json", 401, unauthorized, false);
    row("token 401 is the token error", "POST", "/api/v1/token", 401,
        R"({"status":"token_invalid_credentials","status_code":401,"detail":"x"})", true);
    row("413 with a body", "POST", "/api/v1/cameras", 413, tooLarge, true);
    row("413 on the token form", "POST", "/api/v1/token", 413, tooLarge, true);
    row("no 413 without a body", "GET", "/api/v1/cameras", 413, tooLarge, false);
    row("openapi.json", "GET", "/openapi.json", 200, R"({"openapi":"3.0.3"})", true);
    row("openapi.json is an object", "GET", "/openapi.json", 200, "[]", false);
    row("unknown path", "GET", "/api/v1/nope", 404,
        R"({"status":"not_found","status_code":404,"detail":"x"})", true);
    row("wrong method", "DELETE", "/openapi.json", 405,
        R"({"status":"method_not_allowed","status_code":405,"detail":"x"})", true);
    row("event oneOf plate", "GET", "/api/v1/events/1?event_type=plate_recognition", 200,
        R"({"streamserver_id":"s","stream_id":"s","object_id":"o","event_id":"e",
            "event_action":"a","ts":1,"event_type":"plate_recognition",
            "event_data":{"plate_number":{"data":"A123BC"},"detection":{"bbox":[0.1,0.2,0.5,0.6]}}})",
        true);
    row("event oneOf plate without data", "GET", "/api/v1/events/1?event_type=plate_recognition",
        200,
        R"({"streamserver_id":"s","stream_id":"s","object_id":"o","event_id":"e",
            "event_action":"a","ts":1,"event_type":"plate_recognition","event_data":{}})",
        false);
    row("event oneOf unknown type", "GET", "/api/v1/events/1?event_type=plate_recognition", 200,
        R"({"streamserver_id":"s","stream_id":"s","object_id":"o","event_id":"e",
            "event_action":"a","ts":1,"event_type":"bogus",
            "event_data":{"plate_number":{"data":"A123BC"},"detection":{"bbox":[]}}})",
        false);
}

void tst_OpenApiValidator::realDocumentResponses()
{
    QFETCH(QString, method);
    QFETCH(QString, path);
    QFETCH(int, status);
    QFETCH(QByteArray, body);
    QFETCH(bool, valid);

    const QString error = OpenApiValidator::instance().validateResponse(method, path, status,
                                                                        "application/json", body);
    QVERIFY2(error.isEmpty() == valid, qPrintable(valid ? error : QStringLiteral("accepted")));
}

void tst_OpenApiValidator::clientChecksEveryReply()
{
    CannedHttpServer server;
    QVERIFY(server.listen(QHostAddress::LocalHost));
    server.respond = [](const QByteArray &request) {
        if (request.startsWith("GET /openapi.json "))
            return httpResponse(200, "application/json", R"({"openapi":"3.0.3"})");
        if (request.startsWith("GET /api/v1/hello "))
            return httpResponse(200, "application/json", R"({"message":"hi"})");
        return httpResponse(401, "application/json",
                            R"({"status":"not_authenticated","status_code":401,"detail":"x"})");
    };

    ApiTestClient client(server.url());
    const Reply spec = client.get(QStringLiteral("/openapi.json"));
    QCOMPARE(spec.status, 200);
    VMS_VERIFY_SCHEMA(spec);
    QCOMPARE(spec.object().value(QLatin1String("openapi")).toString(), QStringLiteral("3.0.3"));
    QCOMPARE(spec.header("content-TYPE"), QByteArray("application/json"));
    QVERIFY(spec.header("X-Missing").isEmpty());
    QVERIFY(spec.elapsedMs >= 0);

    const Reply cameras = client.get(QStringLiteral("/api/v1/cameras?limit=10"));
    QCOMPARE(cameras.status, 401);
    VMS_VERIFY_SCHEMA(cameras);
    QCOMPARE(cameras.object().value(QLatin1String("status")).toString(),
             QStringLiteral("not_authenticated"));
    QCOMPARE(cameras.header("WWW-Authenticate"), QByteArray("Bearer"));
    QVERIFY(client.schemaFailures().isEmpty());

    const Reply hello = client.get(QStringLiteral("/api/v1/hello"));
    QCOMPARE(hello.status, 200);
    QVERIFY(hello.schemaError.contains(QLatin1String("missing required property \"version\"")));
    QCOMPARE(client.schemaFailures().size(), 1);
    QCOMPARE(client.schemaFailures().first(), hello.schemaError);
    QCOMPARE(client.takeSchemaFailures().size(), 1);
    QVERIFY(client.schemaFailures().isEmpty());

    client.setStrict(false);
    QVERIFY(!client.get(QStringLiteral("/api/v1/hello")).schemaError.isEmpty());
    QVERIFY(client.schemaFailures().isEmpty());
    VMS_VERIFY_NO_SCHEMA_FAILURES(client);
}

void tst_OpenApiValidator::clientSendsBodiesAndHeaders()
{
    CannedHttpServer server;
    QVERIFY(server.listen(QHostAddress::LocalHost));
    server.respond = [](const QByteArray &) {
        return httpResponse(401, "application/json",
                            R"({"status":"not_authenticated","status_code":401,"detail":"x"})");
    };
    ApiTestClient client(server.url());
    client.setBearer(QStringLiteral("tok-1"));
    client.setHeader("X-Client", "web");

    client.post(QStringLiteral("/api/v1/cameras"), QJsonObject{{QStringLiteral("name"), 1}});
    QVERIFY(server.lastRequest.startsWith("POST /api/v1/cameras HTTP/1.1\r\n"));
    QVERIFY(server.lastRequest.contains("Authorization: Bearer tok-1\r\n"));
    QVERIFY(server.lastRequest.contains("X-Client: web\r\n"));
    QVERIFY(server.lastRequest.contains("Content-Type: application/json\r\n"));
    QVERIFY(server.lastRequest.endsWith("\r\n\r\n{\"name\":1}"));

    client.del(QStringLiteral("/api/v1/groups/g1/members"),
               QJsonObject{{QStringLiteral("user_ids"), QJsonArray{QStringLiteral("u")}}});
    QVERIFY(server.lastRequest.startsWith("DELETE /api/v1/groups/g1/members HTTP/1.1\r\n"));
    QVERIFY(server.lastRequest.endsWith("{\"user_ids\":[\"u\"]}"));

    client.setBearer({});
    client.setHeader("X-Client", {});
    client.postForm(QStringLiteral("/api/v1/token"),
                    {{QStringLiteral("username"), QStringLiteral("a+b@x.org")},
                     {QStringLiteral("password"), QString::fromUtf8("p&s=w rd\xC3\xA9")}});
    QVERIFY(!server.lastRequest.contains("Authorization:"));
    QVERIFY(!server.lastRequest.contains("X-Client:"));
    QVERIFY(server.lastRequest.contains("Content-Type: application/x-www-form-urlencoded\r\n"));
    QVERIFY2(server.lastRequest.endsWith("username=a%2Bb%40x.org&password=p%26s%3Dw%20rd%C3%A9"),
             server.lastRequest.constData());

    client.request("PATCH", QStringLiteral("/api/v1/users/me"), "{}", "application/json",
                   {{"X-Once", "1"}});
    QVERIFY(server.lastRequest.startsWith("PATCH /api/v1/users/me HTTP/1.1\r\n"));
    QVERIFY(server.lastRequest.contains("X-Once: 1\r\n"));

    client.put(QStringLiteral("/api/v1/users/me"), QJsonValue(QStringLiteral("s")));
    QVERIFY(server.lastRequest.endsWith("\r\n\r\n\"s\""));
    client.takeSchemaFailures(); // the canned 401s do not fit every route used above
}

void tst_OpenApiValidator::clientTimesOut()
{
    CannedHttpServer server;
    QVERIFY(server.listen(QHostAddress::LocalHost));
    server.respond = [](const QByteArray &) {
        return QByteArray();
    };
    ApiTestClient client(server.url());
    client.setTimeout(300);
    QTest::ignoreMessage(QtWarningMsg,
                         QRegularExpression(QStringLiteral("timed out after 300 ms")));
    const Reply reply = client.get(QStringLiteral("/openapi.json"));
    QCOMPARE(reply.status, 0);
    QVERIFY(reply.transportError.contains(QLatin1String("timed out after 300 ms")));
    QVERIFY(reply.elapsedMs >= 250);
    QVERIFY(reply.schemaError.contains(QLatin1String("no HTTP reply")));
    QCOMPARE(client.takeSchemaFailures().size(), 1);
}

QTEST_GUILESS_MAIN(tst_OpenApiValidator)
#include "tst_openapi_validator.moc"
