#pragma once

namespace vms::services {
class Backend;
}

namespace vms::server {

class ApiHttpServer;

/** One function per seed section; each registers that section's routes. */
void registerTokenRoutes(ApiHttpServer &http, services::Backend &backend);    // §24
void registerUsersRoutes(ApiHttpServer &http, services::Backend &backend);    // §26
void registerAuditLogRoutes(ApiHttpServer &http, services::Backend &backend); // §1
void registerSourcesV2Routes(ApiHttpServer &http, services::Backend &backend); // seed 003
void registerHelloRoutes(ApiHttpServer &http, services::Backend &backend);    // §7, /openapi.json

} // namespace vms::server
