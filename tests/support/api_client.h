#pragma once

#include <QByteArray>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QJsonValue>
#include <QList>
#include <QPair>
#include <QString>
#include <QStringList>
#include <QTest>
#include <QUrl>

class QNetworkAccessManager;

namespace vms::test {

using HttpHeaders = QList<QPair<QByteArray, QByteArray>>;

struct Reply
{
    QByteArray method;
    QString path;   // as passed to the client, query string included
    int status = 0; // 0 when no HTTP answer arrived (see transportError)
    QByteArray body;
    QJsonDocument json; // parsed when the body is a JSON object or array
    HttpHeaders headers;
    qint64 elapsedMs = 0;
    QString transportError; // timeout, connection refused, ...
    QString schemaError;    // empty when the reply matches the OpenAPI contract

    // Case-insensitive; empty when absent.
    QByteArray header(const QByteArray &name) const;
    QJsonObject object() const { return json.object(); }
    QJsonArray array() const { return json.array(); }
    bool isSuccess() const { return status >= 200 && status < 300; }
    // "GET /path -> 200" plus the start of the body, for assertion messages.
    QString describe() const;
};

// Synchronous HTTP client for API tests. Every reply is checked against the OpenAPI contract
// (OpenApiValidator::instance()); see Reply::schemaError and schemaFailures().
class ApiTestClient
{
public:
    static constexpr int DefaultTimeoutMs = 15000;

    explicit ApiTestClient(const QUrl &baseUrl);
    ~ApiTestClient();

    ApiTestClient(const ApiTestClient &) = delete;
    ApiTestClient &operator=(const ApiTestClient &) = delete;

    Reply get(const QString &path, const HttpHeaders &headers = {});
    // A QJsonValue::Undefined body sends no body at all; anything else is sent as JSON.
    Reply post(const QString &path, const QJsonValue &body = QJsonValue(QJsonValue::Undefined));
    Reply postForm(const QString &path, const QList<QPair<QString, QString>> &fields);
    Reply postRaw(const QString &path, const QByteArray &body, const QByteArray &contentType);
    Reply put(const QString &path, const QJsonValue &body = QJsonValue(QJsonValue::Undefined));
    // Null or Undefined sends a DELETE without a body.
    Reply del(const QString &path, const QJsonValue &body = QJsonValue(QJsonValue::Undefined));
    Reply request(const QByteArray &method, const QString &path, const QByteArray &body = {},
                  const QByteArray &contentType = {}, const HttpHeaders &headers = {});

    QUrl baseUrl() const { return m_baseUrl; }
    // Sent as "Authorization: Bearer <token>" from now on; an empty token stops sending it.
    void setBearer(const QString &token);
    QString bearer() const { return m_bearer; }
    // Sticky extra header; an empty value removes it.
    void setHeader(const QByteArray &name, const QByteArray &value);
    void setTimeout(int milliseconds) { m_timeoutMs = milliseconds; }

    // When strict (the default), schema mismatches and transport failures are collected for
    // schemaFailures(); tests typically check that list in cleanup().
    void setStrict(bool strict) { m_strict = strict; }
    bool isStrict() const { return m_strict; }
    QStringList schemaFailures() const { return m_failures; }
    void clearSchemaFailures() { m_failures.clear(); }
    // Returns the collected failures and forgets them.
    QStringList takeSchemaFailures();

private:
    QUrl resolve(const QString &path) const;

    QUrl m_baseUrl;
    QNetworkAccessManager *m_manager;
    QString m_bearer;
    HttpHeaders m_headers;
    QStringList m_failures;
    int m_timeoutMs = DefaultTimeoutMs;
    bool m_strict = true;
};

// JSON text of any QJsonValue, scalars included.
QByteArray toJsonBytes(const QJsonValue &value);

} // namespace vms::test

#define VMS_VERIFY_SCHEMA(reply) \
    QVERIFY2((reply).schemaError.isEmpty(), qPrintable((reply).schemaError))

// Fails the current test with every contract violation the client saw, then forgets them.
#define VMS_VERIFY_NO_SCHEMA_FAILURES(client) \
    do { \
        const QStringList vmsSchemaFailures_ = (client).takeSchemaFailures(); \
        QVERIFY2(vmsSchemaFailures_.isEmpty(), \
                 qPrintable(vmsSchemaFailures_.join(QLatin1String("\n")))); \
    } while (false)
