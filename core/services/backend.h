#pragma once

#include "core/auth/password_hasher.h"
#include "core/auth/token_signer.h"
#include "core/auth/url_signer.h"
#include "core/domain/clock.h"
#include "core/domain/result.h"
#include "core/services/audit_service.h"
#include "core/services/auth_service.h"
#include "core/services/camera_service.h"
#include "core/services/face_meta_service.h"
#include "core/services/group_service.h"
#include "core/services/onvif_service.h"
#include "core/services/organization_service.h"
#include "core/services/orion_service.h"
#include "core/services/place_service.h"
#include "core/services/plan_service.h"
#include "core/services/role_service.h"
#include "core/services/source_service.h"
#include "core/services/stream_service.h"
#include "core/services/upload_service.h"
#include "core/services/user_admin_service.h"
#include "core/services/user_service.h"
#include "core/storage/database.h"

#include <memory>

namespace vms::services {

struct BackendOptions
{
    QString dataDir;
    QString dbUrl; ///< empty: sqlite at dataDir/vms.db
    QString adminLogin;
    QString adminPassword;
    std::shared_ptr<Clock> clock;
    QStringList modelDirs; ///< where the face models are looked for, in order
};

/**
 * The composition of storage and services that the HTTP layer (and tests) use. Thread-safe:
 * services hold no per-request state and the database hands each thread its own connection.
 */
class Backend
{
public:
    /** Opens and migrates the database, loads the signing key and bootstraps the first user. */
    static Result<std::unique_ptr<Backend>> open(const BackendOptions &options);

    storage::Database &db() { return *m_db; }
    const Clock &clock() const { return *m_clock; }
    const auth::TokenSigner &signer() const { return *m_signer; }
    const auth::PasswordHasher &hasher() const { return m_hasher; }
    AuditService &audit() { return *m_audit; }
    AuthService &auth() { return *m_auth; }
    UserService &users() { return *m_users; }
    SourceService &sources() { return *m_sources; }
    OrganizationService &organizations() { return *m_organizations; }
    GroupService &groups() { return *m_groups; }
    RoleService &roles() { return *m_roles; }
    UserAdminService &userAdmin() { return *m_userAdmin; }
    UploadService &uploads() { return *m_uploads; }
    PlaceService &places() { return *m_places; }
    PlanService &plans() { return *m_plans; }
    CameraService &cameras() { return *m_cameras; }
    OrionService &orion() { return *m_orion; }
    OnvifService &onvif() { return *m_onvif; }
    FaceMetaService &faceMeta() { return *m_faceMeta; }
    StreamService &streams() { return *m_streams; }
    const auth::UrlSigner &urlSigner() const { return *m_urlSigner; }
    const BootstrapResult &bootstrap() const { return m_bootstrap; }
    const QString &dataDir() const { return m_dataDir; }

private:
    Backend() = default;

    QString m_dataDir;
    std::shared_ptr<Clock> m_clock;
    std::unique_ptr<storage::Database> m_db;
    std::unique_ptr<auth::TokenSigner> m_signer;
    auth::PasswordHasher m_hasher;
    std::unique_ptr<AuditService> m_audit;
    std::unique_ptr<AuthService> m_auth;
    std::unique_ptr<UserService> m_users;
    std::unique_ptr<SourceService> m_sources;
    std::unique_ptr<OrganizationService> m_organizations;
    std::unique_ptr<GroupService> m_groups;
    std::unique_ptr<RoleService> m_roles;
    std::unique_ptr<UserAdminService> m_userAdmin;
    std::unique_ptr<UploadService> m_uploads;
    std::unique_ptr<PlaceService> m_places;
    std::unique_ptr<PlanService> m_plans;
    std::unique_ptr<CameraService> m_cameras;
    std::unique_ptr<OrionService> m_orion;
    std::unique_ptr<OnvifService> m_onvif;
    std::unique_ptr<FaceMetaService> m_faceMeta;
    std::unique_ptr<auth::UrlSigner> m_urlSigner;
    std::unique_ptr<StreamService> m_streams; // last: its workers use the services above
    BootstrapResult m_bootstrap;
};

} // namespace vms::services
