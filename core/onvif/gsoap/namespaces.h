// The XML namespace table of the ONVIF bindings, defined once for every executable that links
// Vms::OnvifSoap (gSOAP's runtime library refers to a global `namespaces` table).
#pragma once

struct Namespace;

namespace vms::onvif {

/// The prefix/URI table shared by the Device, Media, Imaging and PTZ bindings.
const Namespace *soapNamespaces();

} // namespace vms::onvif
