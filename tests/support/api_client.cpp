#include "tests/support/api_client.h"

#include "tests/support/openapi_validator.h"

#include <QElapsedTimer>
#include <QEventLoop>
#include <QJsonArray>
#include <QNetworkAccessManager>
#include <QNetworkProxy>
#include <QNetworkReply>
#include <QNetworkRequest>
#include <QTimer>

#include <memory>
#include <utility>

namespace vms::test {

QByteArray toJsonBytes(const QJsonValue &value)
{
    if (value.isObject())
        return QJsonDocument(value.toObject()).toJson(QJsonDocument::Compact);
    if (value.isArray())
        return QJsonDocument(value.toArray()).toJson(QJsonDocument::Compact);
    // QJsonDocument cannot hold a scalar: serialise it inside an array and strip the brackets.
    const QByteArray wrapped = QJsonDocument(QJsonArray{value}).toJson(QJsonDocument::Compact);
    return wrapped.mid(1, wrapped.size() - 2);
}

QByteArray Reply::header(const QByteArray &name) const
{
    for (const auto &pair : headers) {
        if (pair.first.compare(name, Qt::CaseInsensitive) == 0)
            return pair.second;
    }
    return {};
}

QString Reply::describe() const
{
    QString text = QString::fromLatin1(method) + QLatin1Char(' ') + path + QLatin1String(" -> ")
                   + QString::number(status);
    if (!transportError.isEmpty())
        text += QLatin1String(" (") + transportError + QLatin1Char(')');
    if (!body.isEmpty()) {
        text += QLatin1String(": ") + QString::fromUtf8(body.left(300));
        if (body.size() > 300)
            text += QLatin1String("...");
    }
    return text;
}

ApiTestClient::ApiTestClient(const QUrl &baseUrl)
    : m_baseUrl(baseUrl)
    , m_manager(new QNetworkAccessManager)
{
    // Tests talk to a local server: an http_proxy from the environment must not intercept that.
    m_manager->setProxy(QNetworkProxy(QNetworkProxy::NoProxy));
}

ApiTestClient::~ApiTestClient()
{
    delete m_manager;
}

void ApiTestClient::setBearer(const QString &token)
{
    m_bearer = token;
}

void ApiTestClient::setHeader(const QByteArray &name, const QByteArray &value)
{
    m_headers.removeIf(
            [&](const auto &pair) { return pair.first.compare(name, Qt::CaseInsensitive) == 0; });
    if (!value.isEmpty())
        m_headers.append({name, value});
}

QStringList ApiTestClient::takeSchemaFailures()
{
    return std::exchange(m_failures, {});
}

QUrl ApiTestClient::resolve(const QString &path) const
{
    return m_baseUrl.resolved(QUrl(path, QUrl::TolerantMode));
}

Reply ApiTestClient::get(const QString &path, const HttpHeaders &headers)
{
    return request(QByteArrayLiteral("GET"), path, {}, {}, headers);
}

Reply ApiTestClient::post(const QString &path, const QJsonValue &body)
{
    if (body.isUndefined())
        return request(QByteArrayLiteral("POST"), path);
    return request(QByteArrayLiteral("POST"), path, toJsonBytes(body),
                   QByteArrayLiteral("application/json"));
}

Reply ApiTestClient::postForm(const QString &path, const QList<QPair<QString, QString>> &fields)
{
    // Percent-encode everything but the unreserved set, so '+', '&' and '=' in values survive.
    QByteArray form;
    for (const auto &field : fields) {
        if (!form.isEmpty())
            form += '&';
        form += QUrl::toPercentEncoding(field.first) + '=' + QUrl::toPercentEncoding(field.second);
    }
    return request(QByteArrayLiteral("POST"), path, form,
                   QByteArrayLiteral("application/x-www-form-urlencoded"));
}

Reply ApiTestClient::postRaw(const QString &path, const QByteArray &body,
                             const QByteArray &contentType)
{
    return request(QByteArrayLiteral("POST"), path, body, contentType);
}

Reply ApiTestClient::put(const QString &path, const QJsonValue &body)
{
    if (body.isUndefined())
        return request(QByteArrayLiteral("PUT"), path);
    return request(QByteArrayLiteral("PUT"), path, toJsonBytes(body),
                   QByteArrayLiteral("application/json"));
}

Reply ApiTestClient::del(const QString &path, const QJsonValue &body)
{
    if (body.isUndefined() || body.isNull())
        return request(QByteArrayLiteral("DELETE"), path);
    return request(QByteArrayLiteral("DELETE"), path, toJsonBytes(body),
                   QByteArrayLiteral("application/json"));
}

Reply ApiTestClient::request(const QByteArray &method, const QString &path, const QByteArray &body,
                             const QByteArray &contentType, const HttpHeaders &headers)
{
    Reply reply;
    reply.method = method.toUpper();
    reply.path = path;

    const QUrl url = resolve(path);
    QNetworkRequest request(url);
    // Tests must see the server's own status codes, so no redirects are followed.
    request.setAttribute(QNetworkRequest::RedirectPolicyAttribute,
                         QNetworkRequest::ManualRedirectPolicy);
    request.setAttribute(QNetworkRequest::Http2AllowedAttribute, false);
    if (!m_bearer.isEmpty())
        request.setRawHeader(QByteArrayLiteral("Authorization"), "Bearer " + m_bearer.toUtf8());
    for (const auto &header : std::as_const(m_headers))
        request.setRawHeader(header.first, header.second);
    if (!contentType.isEmpty())
        request.setRawHeader(QByteArrayLiteral("Content-Type"), contentType);
    for (const auto &header : headers)
        request.setRawHeader(header.first, header.second);

    QElapsedTimer elapsed;
    elapsed.start();
    std::unique_ptr<QNetworkReply> networkReply(
            reply.method == "GET" && body.isEmpty()
                    ? m_manager->get(request)
                    : m_manager->sendCustomRequest(request, reply.method, body));

    QEventLoop loop;
    QTimer timeout;
    timeout.setSingleShot(true);
    QObject::connect(&timeout, &QTimer::timeout, &loop, &QEventLoop::quit);
    QObject::connect(networkReply.get(), &QNetworkReply::finished, &loop, &QEventLoop::quit);
    timeout.start(m_timeoutMs);
    if (!networkReply->isFinished())
        loop.exec(QEventLoop::ExcludeUserInputEvents);
    reply.elapsedMs = elapsed.elapsed();

    if (!networkReply->isFinished()) {
        networkReply->abort();
        reply.transportError = QStringLiteral("timed out after %1 ms waiting for %2 %3")
                                       .arg(m_timeoutMs)
                                       .arg(QString::fromLatin1(reply.method), url.toString());
        qWarning("ApiTestClient: %s", qPrintable(reply.transportError));
    } else {
        const QVariant status = networkReply->attribute(QNetworkRequest::HttpStatusCodeAttribute);
        reply.status = status.isValid() ? status.toInt() : 0;
        reply.body = networkReply->readAll();
        reply.headers = networkReply->rawHeaderPairs();
        if (reply.status == 0)
            reply.transportError = networkReply->errorString();
    }

    if (!reply.body.isEmpty()) {
        QJsonParseError parseError;
        const QJsonDocument doc = QJsonDocument::fromJson(reply.body, &parseError);
        if (parseError.error == QJsonParseError::NoError)
            reply.json = doc;
    }

    if (reply.status == 0) {
        // Without an HTTP answer there is nothing to hold against the contract: that is a failure.
        reply.schemaError
                = QStringLiteral("%1 %2: no HTTP reply (%3)")
                          .arg(QString::fromLatin1(reply.method), path, reply.transportError);
    } else {
        reply.schemaError = OpenApiValidator::instance().validateResponse(
                QString::fromLatin1(reply.method),
                path.startsWith(QLatin1Char('/')) ? path : url.path(QUrl::FullyEncoded),
                reply.status, reply.header(QByteArrayLiteral("Content-Type")), reply.body);
    }
    if (m_strict && !reply.schemaError.isEmpty())
        m_failures.append(reply.schemaError);
    return reply;
}

} // namespace vms::test
