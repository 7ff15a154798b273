#pragma once

#include <QString>

#include <optional>

namespace vms {

/** How an organization reaches its Orion system (a SOAP service described by a WSDL). */
struct OrionConfig
{
    qint64 organizationId = 0;
    QString wsdlUrl;
    std::optional<QString> login;
    std::optional<QString> password;
    qint64 updatedAtMs = 0;
};

} // namespace vms
