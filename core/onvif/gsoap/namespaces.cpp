// Defines gSOAP's global `namespaces` table (stdsoap2 refers to it) in exactly one translation
// unit. Every user of Vms::OnvifSoap calls soapNamespaces(), which keeps this object file in the
// link.
#include "namespaces.h"

#include "soapH.h"

#include "DeviceBinding.nsmap"

namespace vms::onvif {

const Namespace *soapNamespaces()
{
    return namespaces;
}

} // namespace vms::onvif
