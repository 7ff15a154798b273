#include "core/services/orion_client.h"

#include <QCoreApplication>
#include <QEventLoop>
#include <QHash>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QNetworkRequest>
#include <QTimer>
#include <QXmlStreamReader>
#include <QXmlStreamWriter>

#include <memory>

namespace vms::services {

namespace {

const QString kWsdlNs = QStringLiteral("http://schemas.xmlsoap.org/wsdl/");
const QString kSoap11BindingNs = QStringLiteral("http://schemas.xmlsoap.org/wsdl/soap/");
const QString kSoap12BindingNs = QStringLiteral("http://schemas.xmlsoap.org/wsdl/soap12/");
const QString kEnvelope11Ns = QStringLiteral("http://schemas.xmlsoap.org/soap/envelope/");
const QString kEnvelope12Ns = QStringLiteral("http://www.w3.org/2003/05/soap-envelope");

/** The Orion responses we read are small; anything bigger is refused. */
constexpr qint64 kMaxResponseBytes = 4 * 1024 * 1024;

const QStringList &preferredOperations()
{
    static const QStringList names{QStringLiteral("getserviceinfo"), QStringLiteral("getversion"),
                                   QStringLiteral("getinfo")};
    return names;
}

Error unavailable(const QString &message)
{
    return Error::unavailable(message);
}

struct QualifiedName
{
    QString ns;
    QString local;
};

/** Element frames with their in-scope namespace bindings (QName attribute values need them). */
struct Frame
{
    QString ns;
    QString name;
    QHash<QString, QString> bindings; ///< prefix -> namespace URI; "" is the default namespace
};

QualifiedName resolve(const QString &qname, const QHash<QString, QString> &bindings)
{
    const qsizetype colon = qname.indexOf(QLatin1Char(':'));
    if (colon < 0)
        return {bindings.value(QString()), qname};
    return {bindings.value(qname.left(colon)), qname.mid(colon + 1)};
}

struct WsdlModel
{
    struct Part
    {
        QualifiedName element; ///< empty local name when the part has a type instead
    };
    struct BindingOperation
    {
        QString name; ///< as spelled
        QString soapAction;
        QString bodyNamespace; ///< soap:body namespace of the input (rpc)
    };
    struct Binding
    {
        QString portType;
        QHash<QString, BindingOperation> operations; ///< key: lower-cased name
    };
    struct Port
    {
        QString binding;
        QString location;
        bool isSoap12 = false;
    };

    QString targetNamespace;
    QHash<QString, QList<Part>> messages;                   ///< message name -> parts
    QHash<QString, QHash<QString, QString>> portTypeInputs; ///< portType -> op (lower) -> message
    QHash<QString, Binding> bindings;
    QList<Port> ports;
};

bool is(const Frame &f, const QString &ns, QLatin1String name)
{
    return f.ns == ns && f.name == name;
}

bool isSoapBindingNs(const QString &ns)
{
    return ns == kSoap11BindingNs || ns == kSoap12BindingNs;
}

Result<WsdlModel> readWsdl(const QByteArray &wsdl)
{
    WsdlModel m;
    QXmlStreamReader r(wsdl);
    QList<Frame> stack;
    QString message, portType, binding, operation, portBinding;
    const auto parent = [&](int up) -> const Frame * {
        const qsizetype i = stack.size() - 1 - up;
        return i >= 0 ? &stack.at(i) : nullptr;
    };
    while (!r.atEnd()) {
        r.readNext();
        if (r.isEndElement()) {
            stack.removeLast();
            continue;
        }
        if (!r.isStartElement())
            continue;
        Frame frame{r.namespaceUri().toString(), r.name().toString(),
                    stack.isEmpty() ? QHash<QString, QString>() : stack.last().bindings};
        const auto declarations = r.namespaceDeclarations();
        for (const QXmlStreamNamespaceDeclaration &d : declarations)
            frame.bindings.insert(d.prefix().toString(), d.namespaceUri().toString());
        stack.append(frame);
        const QXmlStreamAttributes attrs = r.attributes();
        const auto attr = [&](QLatin1String name) {
            return attrs.value(name).toString();
        };
        const Frame *p1 = parent(1);
        const Frame *p2 = parent(2);
        const Frame *p3 = parent(3);
        const Frame &f = stack.last();

        if (is(f, kWsdlNs, QLatin1String("definitions"))) {
            m.targetNamespace = attr(QLatin1String("targetNamespace"));
        } else if (is(f, kWsdlNs, QLatin1String("message"))) {
            message = attr(QLatin1String("name"));
            m.messages.insert(message, {});
        } else if (is(f, kWsdlNs, QLatin1String("part")) && p1
                   && is(*p1, kWsdlNs, QLatin1String("message"))) {
            WsdlModel::Part part;
            if (attrs.hasAttribute(QLatin1String("element")))
                part.element = resolve(attr(QLatin1String("element")), f.bindings);
            m.messages[message].append(part);
        } else if (is(f, kWsdlNs, QLatin1String("portType"))) {
            portType = attr(QLatin1String("name"));
        } else if (is(f, kWsdlNs, QLatin1String("binding"))) {
            binding = attr(QLatin1String("name"));
            m.bindings[binding].portType = resolve(attr(QLatin1String("type")), f.bindings).local;
        } else if (is(f, kWsdlNs, QLatin1String("operation")) && p1) {
            operation = attr(QLatin1String("name"));
            if (is(*p1, kWsdlNs, QLatin1String("binding")))
                m.bindings[binding].operations[operation.toLower()].name = operation;
        } else if (is(f, kWsdlNs, QLatin1String("input")) && p1 && p2
                   && is(*p1, kWsdlNs, QLatin1String("operation"))
                   && is(*p2, kWsdlNs, QLatin1String("portType"))) {
            m.portTypeInputs[portType].insert(
                    operation.toLower(), resolve(attr(QLatin1String("message")), f.bindings).local);
        } else if (isSoapBindingNs(f.ns) && f.name == QLatin1String("operation") && p1 && p2
                   && is(*p1, kWsdlNs, QLatin1String("operation"))
                   && is(*p2, kWsdlNs, QLatin1String("binding"))) {
            m.bindings[binding].operations[operation.toLower()].soapAction
                    = attr(QLatin1String("soapAction"));
        } else if (isSoapBindingNs(f.ns) && f.name == QLatin1String("body") && p1 && p2 && p3
                   && is(*p1, kWsdlNs, QLatin1String("input"))
                   && is(*p3, kWsdlNs, QLatin1String("binding"))) {
            m.bindings[binding].operations[operation.toLower()].bodyNamespace
                    = attr(QLatin1String("namespace"));
        } else if (is(f, kWsdlNs, QLatin1String("port")) && p1
                   && is(*p1, kWsdlNs, QLatin1String("service"))) {
            portBinding = resolve(attr(QLatin1String("binding")), f.bindings).local;
        } else if (isSoapBindingNs(f.ns) && f.name == QLatin1String("address") && p1
                   && is(*p1, kWsdlNs, QLatin1String("port"))) {
            m.ports.append(
                    {portBinding, attr(QLatin1String("location")), f.ns == kSoap12BindingNs});
        }
    }
    if (r.hasError())
        return unavailable(QStringLiteral("The Orion WSDL is not well-formed XML: ")
                           + r.errorString());
    if (m.targetNamespace.isNull() && m.bindings.isEmpty())
        return unavailable(QStringLiteral("The Orion WSDL URL does not serve a WSDL 1.1 document"));
    return m;
}

} // namespace

Result<OrionEndpoint> parseOrionWsdl(const QByteArray &wsdl, const QUrl &wsdlUrl)
{
    auto model = readWsdl(wsdl);
    if (!model)
        return model.error();
    // SOAP 1.1 ports first: it is what Orion installations are known to speak.
    QList<WsdlModel::Port> ports;
    for (const auto &port : std::as_const(model->ports)) {
        if (!port.isSoap12)
            ports.append(port);
    }
    for (const auto &port : std::as_const(model->ports)) {
        if (port.isSoap12)
            ports.append(port);
    }
    for (const QString &wanted : preferredOperations()) {
        for (const auto &port : std::as_const(ports)) {
            const auto b = model->bindings.constFind(port.binding);
            if (b == model->bindings.constEnd() || !b->operations.contains(wanted))
                continue;
            const WsdlModel::BindingOperation op = b->operations.value(wanted);
            OrionEndpoint e;
            e.address = wsdlUrl.resolved(QUrl(port.location));
            if (e.address.scheme() != QLatin1String("http")
                && e.address.scheme() != QLatin1String("https")) {
                return unavailable(QStringLiteral("The Orion WSDL gives an endpoint that is not "
                                                  "an http(s) URL"));
            }
            e.isSoap12 = port.isSoap12;
            e.operation = op.name;
            e.soapAction = op.soapAction;
            const QString message = model->portTypeInputs.value(b->portType).value(wanted);
            const QList<WsdlModel::Part> parts = model->messages.value(message);
            if (!parts.isEmpty() && !parts.first().element.local.isEmpty()) {
                e.requestNamespace = parts.first().element.ns;
                e.requestElement = parts.first().element.local;
            } else {
                e.requestNamespace
                        = op.bodyNamespace.isEmpty() ? model->targetNamespace : op.bodyNamespace;
                e.requestElement = op.name;
            }
            return e;
        }
    }
    return unavailable(QStringLiteral("The Orion WSDL declares no GetServiceInfo, GetVersion or "
                                      "GetInfo operation on a SOAP port"));
}

QByteArray buildOrionRequest(const OrionEndpoint &endpoint)
{
    QByteArray out;
    QXmlStreamWriter w(&out);
    const QString envNs = endpoint.isSoap12 ? kEnvelope12Ns : kEnvelope11Ns;
    w.writeStartDocument();
    w.writeNamespace(envNs, QStringLiteral("soap"));
    w.writeStartElement(envNs, QStringLiteral("Envelope"));
    w.writeStartElement(envNs, QStringLiteral("Body"));
    if (endpoint.requestNamespace.isEmpty()) {
        w.writeEmptyElement(endpoint.requestElement);
    } else {
        w.writeNamespace(endpoint.requestNamespace, QStringLiteral("o"));
        w.writeEmptyElement(endpoint.requestNamespace, endpoint.requestElement);
    }
    w.writeEndElement();
    w.writeEndElement();
    w.writeEndDocument();
    return out;
}

Result<OrionInfo> parseOrionResponse(const QByteArray &soapResponse)
{
    static const QStringList kFields{
            QStringLiteral("serviceversion"), QStringLiteral("softwareversion"),
            QStringLiteral("softwarename"), QStringLiteral("databaseversion")};
    static const QStringList kFieldNames{
            QStringLiteral("ServiceVersion"), QStringLiteral("SoftwareVersion"),
            QStringLiteral("SoftwareName"), QStringLiteral("DatabaseVersion")};
    QXmlStreamReader r(soapResponse);
    bool isEnvelope = false;
    bool isFault = false;
    QString faultText;
    QHash<QString, QString> found;
    while (!r.atEnd()) {
        r.readNext();
        if (!r.isStartElement())
            continue;
        const QString ns = r.namespaceUri().toString();
        const QString name = r.name().toString();
        const bool isEnvelopeNs = ns == kEnvelope11Ns || ns == kEnvelope12Ns;
        if (isEnvelopeNs && name == QLatin1String("Envelope")) {
            isEnvelope = true;
            continue;
        }
        if (isEnvelopeNs && name == QLatin1String("Fault")) {
            isFault = true;
            continue;
        }
        if (isFault) {
            // SOAP 1.1 faultstring, SOAP 1.2 Reason/Text.
            if (name == QLatin1String("faultstring") || name == QLatin1String("Text"))
                faultText = r.readElementText(QXmlStreamReader::IncludeChildElements).trimmed();
            continue;
        }
        QString key = name.toLower();
        key.remove(QLatin1Char('_'));
        if (kFields.contains(key) && !found.contains(key))
            found.insert(key, r.readElementText(QXmlStreamReader::IncludeChildElements).trimmed());
    }
    if (r.hasError() && !isFault)
        return unavailable(QStringLiteral("Orion's response is not well-formed XML: ")
                           + r.errorString());
    if (!isEnvelope)
        return unavailable(QStringLiteral("Orion's response is not a SOAP envelope"));
    if (isFault)
        return unavailable(
                QStringLiteral("Orion answered with a SOAP fault: ")
                + (faultText.isEmpty() ? QStringLiteral("(no reason given)") : faultText));
    for (qsizetype i = 0; i < kFields.size(); ++i) {
        if (!found.contains(kFields.at(i)))
            return unavailable(QStringLiteral("Orion's response has no %1").arg(kFieldNames.at(i)));
    }
    return OrionInfo{found.value(kFields.at(0)), found.value(kFields.at(1)),
                     found.value(kFields.at(2)), found.value(kFields.at(3))};
}

namespace {

struct HttpOutcome
{
    int status = 0;
    QByteArray body;
};

/**
 * One HTTP exchange on this thread's event loop, bounded by `timeoutMs` from start to end.
 * `what` names the step for error messages. Non-2xx answers are returned, not errors.
 */
Result<HttpOutcome> exchange(QNetworkAccessManager &nam, const QNetworkRequest &request,
                             const QByteArray *postBody, int timeoutMs, const QString &what)
{
    std::unique_ptr<QNetworkReply> reply(postBody ? nam.post(request, *postBody)
                                                  : nam.get(request));
    QEventLoop loop;
    QTimer deadline;
    deadline.setSingleShot(true);
    // A coarse timer may fire up to 5 % early; the limit is documented as 5 s.
    deadline.setTimerType(Qt::PreciseTimer);
    bool isTimedOut = false;
    bool isTooLarge = false;
    QObject::connect(&deadline, &QTimer::timeout, &loop, [&] {
        isTimedOut = true;
        reply->abort();
    });
    QObject::connect(reply.get(), &QNetworkReply::downloadProgress, &loop,
                     [&](qint64 received, qint64) {
                         if (received > kMaxResponseBytes && !isTooLarge) {
                             isTooLarge = true;
                             reply->abort();
                         }
                     });
    QObject::connect(reply.get(), &QNetworkReply::finished, &loop, &QEventLoop::quit);
    deadline.start(timeoutMs);
    if (!reply->isFinished())
        loop.exec(QEventLoop::ExcludeUserInputEvents);
    deadline.stop();

    if (isTimedOut)
        return unavailable(QStringLiteral("Orion did not answer the %1 within %2 s")
                                   .arg(what)
                                   .arg(timeoutMs / 1000.0));
    if (isTooLarge)
        return unavailable(QStringLiteral("Orion's answer to the %1 is over %2 bytes")
                                   .arg(what)
                                   .arg(kMaxResponseBytes));
    const QVariant status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute);
    if (!status.isValid()) {
        // No HTTP answer at all: connection refused, unknown host, TLS failure...
        return unavailable(
                QStringLiteral("Orion is unreachable (%1): %2").arg(what, reply->errorString()));
    }
    return HttpOutcome{status.toInt(), reply->readAll()};
}

QNetworkRequest requestFor(const QUrl &url, const OrionConfig &config)
{
    QNetworkRequest request(url);
    request.setAttribute(QNetworkRequest::RedirectPolicyAttribute,
                         QNetworkRequest::NoLessSafeRedirectPolicy);
    if (config.login) {
        const QByteArray credentials
                = (*config.login + QLatin1Char(':') + config.password.value_or(QString()))
                          .toUtf8()
                          .toBase64();
        request.setRawHeader(QByteArrayLiteral("Authorization"),
                             QByteArrayLiteral("Basic ") + credentials);
    }
    return request;
}

Result<OrionInfo> runProtocol(QNetworkAccessManager &nam, const OrionConfig &config, int timeoutMs)
{
    const QUrl wsdlUrl(config.wsdlUrl);
    auto wsdl = exchange(nam, requestFor(wsdlUrl, config), nullptr, timeoutMs,
                         QStringLiteral("WSDL request"));
    if (!wsdl)
        return wsdl.error();
    if (wsdl->status < 200 || wsdl->status > 299)
        return unavailable(
                QStringLiteral("Orion answered HTTP %1 to the WSDL request").arg(wsdl->status));
    auto endpoint = parseOrionWsdl(wsdl->body, wsdlUrl);
    if (!endpoint)
        return endpoint.error();

    QNetworkRequest call = requestFor(endpoint->address, config);
    if (endpoint->isSoap12) {
        QByteArray type = QByteArrayLiteral("application/soap+xml; charset=utf-8");
        if (!endpoint->soapAction.isEmpty())
            type += "; action=\"" + endpoint->soapAction.toUtf8() + '"';
        call.setHeader(QNetworkRequest::ContentTypeHeader, type);
    } else {
        call.setHeader(QNetworkRequest::ContentTypeHeader,
                       QByteArrayLiteral("text/xml; charset=utf-8"));
        call.setRawHeader(QByteArrayLiteral("SOAPAction"),
                          '"' + endpoint->soapAction.toUtf8() + '"');
    }
    const QByteArray body = buildOrionRequest(*endpoint);
    auto answer
            = exchange(nam, call, &body, timeoutMs, endpoint->operation + QStringLiteral(" call"));
    if (!answer)
        return answer.error();
    if (answer->status < 200 || answer->status > 299) {
        // SOAP 1.1 reports faults with HTTP 500; show the fault's reason when there is one.
        auto parsed = parseOrionResponse(answer->body);
        if (!parsed && parsed.error().message.contains(QLatin1String("SOAP fault")))
            return parsed.error();
        return unavailable(QStringLiteral("Orion answered HTTP %1 to the %2 call")
                                   .arg(answer->status)
                                   .arg(endpoint->operation));
    }
    return parseOrionResponse(answer->body);
}

} // namespace

Result<OrionInfo> fetchOrionInfo(const OrionConfig &config, int timeoutMs)
{
    Result<OrionInfo> result = unavailable(QStringLiteral("Orion was not asked"));
    {
        QNetworkAccessManager nam;
        result = runProtocol(nam, config, timeoutMs);
    }
    // This thread may have no event loop of its own (a pool thread): delete now what the network
    // stack scheduled for deletion while the local loops ran.
    QCoreApplication::sendPostedEvents(nullptr, QEvent::DeferredDelete);
    return result;
}

} // namespace vms::services
