#pragma once

#include "core/domain/orion_config.h"
#include "core/domain/result.h"

#include <QByteArray>
#include <QString>
#include <QUrl>

namespace vms::services {

/** What GET /orion/info reports: the version fields of Orion's service-info operation. */
struct OrionInfo
{
    QString serviceVersion;
    QString softwareVersion;
    QString softwareName;
    QString databaseVersion;
};

/** The SOAP call that a WSDL describes for Orion's service information. */
struct OrionEndpoint
{
    QUrl address;             ///< soap:address location, resolved against the WSDL URL
    bool isSoap12 = false;    ///< SOAP 1.2 binding (else SOAP 1.1)
    QString operation;        ///< GetServiceInfo, GetVersion or GetInfo (as the WSDL spells it)
    QString soapAction;       ///< soap:operation soapAction (may be empty)
    QString requestNamespace; ///< namespace of the request element
    QString requestElement;   ///< local name of the request element
};

/**
 * The Orion protocol, as implemented:
 *  1. GET the configured WSDL URL (HTTP Basic auth when a login is configured).
 *  2. In the WSDL 1.1 document, pick the first operation named GetServiceInfo, GetVersion or
 *     GetInfo (in that order of preference, names compared case-insensitively) that a SOAP 1.1
 *     or SOAP 1.2 binding of a service port implements; the port's soap:address location is the
 *     endpoint (preferring SOAP 1.1 ports). The request element is the element of the input
 *     message's part (document/literal), or the operation name in the target namespace when the
 *     part has a type (rpc).
 *  3. POST an empty request element in a SOAP envelope to the endpoint, with the soapAction.
 *  4. In the response, a SOAP Fault is an error; otherwise the first elements whose local names
 *     are ServiceVersion, SoftwareVersion, SoftwareName and DatabaseVersion (case-insensitive,
 *     underscores ignored) give the four fields; all four are required.
 * Every failure (network, timeout, non-2xx, no such operation, fault, missing field) is an
 * Unavailable error with a message for the API's 503 detail.
 */
Result<OrionEndpoint> parseOrionWsdl(const QByteArray &wsdl, const QUrl &wsdlUrl);
QByteArray buildOrionRequest(const OrionEndpoint &endpoint);
Result<OrionInfo> parseOrionResponse(const QByteArray &soapResponse);

/**
 * Runs the whole protocol with a QNetworkAccessManager of the calling thread, each HTTP exchange
 * limited to `timeoutMs`. Blocks (it runs a local event loop): never call it on the server
 * thread.
 */
Result<OrionInfo> fetchOrionInfo(const OrionConfig &config, int timeoutMs = 5000);

} // namespace vms::services
