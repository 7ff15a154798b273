#pragma once

namespace vms::services {
class Backend;
}

namespace vms::server {

class ApiHttpServer;

/** One function per seed section; each registers that section's routes. */
void registerTokenRoutes(ApiHttpServer &http, services::Backend &backend);     // §24
void registerUsersRoutes(ApiHttpServer &http, services::Backend &backend);     // §26
void registerAuditLogRoutes(ApiHttpServer &http, services::Backend &backend);  // §1
void registerSourcesV2Routes(ApiHttpServer &http, services::Backend &backend); // seed 003
void registerHelloRoutes(ApiHttpServer &http, services::Backend &backend);     // §7, /openapi.json
void registerOrganizationRoutes(ApiHttpServer &http, services::Backend &backend); // §9
void registerGroupRoutes(ApiHttpServer &http, services::Backend &backend);        // §6
void registerRoleRoutes(ApiHttpServer &http, services::Backend &backend);         // §16
void registerPermissionRoutes(ApiHttpServer &http, services::Backend &backend);   // §11
void registerUploadsRoutes(ApiHttpServer &http, services::Backend &backend);  // §25 (not §25.4)
void registerPlacesRoutes(ApiHttpServer &http, services::Backend &backend);   // §12
void registerPlansRoutes(ApiHttpServer &http, services::Backend &backend);    // §13
void registerCamerasRoutes(ApiHttpServer &http, services::Backend &backend);  // §2
void registerOrionRoutes(ApiHttpServer &http, services::Backend &backend);    // §10
void registerSegmentsRoutes(ApiHttpServer &http, services::Backend &backend); // §18, archive URLs
/** §19.2, §20.1, §21, §22, §23: the live side of the video. */
void registerStreamsRoutes(ApiHttpServer &http, services::Backend &backend);
void registerOnvifRoutes(ApiHttpServer &http, services::Backend &backend); // §8

} // namespace vms::server
