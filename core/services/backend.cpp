#include "core/services/backend.h"

#include <QDir>

namespace vms::services {

Result<std::unique_ptr<Backend>> Backend::open(const BackendOptions &options)
{
    if (options.dataDir.isEmpty())
        return Error::invalid(QStringLiteral("a data directory is required"));
    if (!QDir().mkpath(options.dataDir))
        return Error::invalid(QStringLiteral("cannot create data directory ") + options.dataDir);

    std::unique_ptr<Backend> b(new Backend);
    b->m_dataDir = QDir(options.dataDir).absolutePath();
    b->m_clock = options.clock ? options.clock : std::make_shared<Clock>();

    auto url = storage::DatabaseUrl::parse(
            options.dbUrl.isEmpty() ? QDir(b->m_dataDir).filePath(QStringLiteral("vms.db"))
                                    : options.dbUrl);
    if (!url)
        return url.error();
    b->m_db = std::make_unique<storage::Database>(*url);
    if (Status s = b->m_db->migrate(); !s)
        return s.error();

    auto key = auth::TokenSigner::loadOrCreateKey(
            QDir(b->m_dataDir).filePath(QStringLiteral("token-signing.key")));
    if (!key)
        return key.error();
    b->m_signer = std::make_unique<auth::TokenSigner>(*key);
    // A key of its own: archive URLs and access tokens must not be forgeable from each other.
    auto urlKey = auth::TokenSigner::loadOrCreateKey(
            QDir(b->m_dataDir).filePath(QStringLiteral("url-signing.key")));
    if (!urlKey)
        return urlKey.error();

    b->m_audit = std::make_unique<AuditService>(*b->m_db, *b->m_clock);
    b->m_auth = std::make_unique<AuthService>(*b->m_db, *b->m_clock, *b->m_signer, b->m_hasher,
                                              *b->m_audit);
    b->m_users = std::make_unique<UserService>(*b->m_db, *b->m_clock, b->m_hasher, *b->m_audit);
    b->m_sources = std::make_unique<SourceService>(*b->m_db, *b->m_clock, *b->m_audit);
    b->m_organizations = std::make_unique<OrganizationService>(*b->m_db, *b->m_clock, *b->m_audit);
    b->m_groups = std::make_unique<GroupService>(*b->m_db, *b->m_clock, *b->m_audit);
    b->m_roles = std::make_unique<RoleService>(*b->m_db, *b->m_clock, *b->m_audit);
    b->m_userAdmin
            = std::make_unique<UserAdminService>(*b->m_db, *b->m_clock, b->m_hasher, *b->m_audit);
    b->m_uploads
            = std::make_unique<UploadService>(*b->m_db, *b->m_clock, *b->m_audit, b->m_dataDir);
    b->m_places = std::make_unique<PlaceService>(*b->m_db, *b->m_clock, *b->m_audit);
    b->m_plans = std::make_unique<PlanService>(*b->m_db, *b->m_clock, *b->m_audit);
    b->m_cameras = std::make_unique<CameraService>(*b->m_db, *b->m_clock, *b->m_audit);
    b->m_orion = std::make_unique<OrionService>(*b->m_db, *b->m_clock, *b->m_audit);
    b->m_onvif = std::make_unique<OnvifService>(*b->m_db, *b->m_audit);
    // The face models load on first use, so that a server without them still starts.
    b->m_faceMeta = std::make_unique<FaceMetaService>(options.modelDirs);
    b->m_urlSigner = std::make_unique<auth::UrlSigner>(*urlKey);
    b->m_streams = std::make_unique<StreamService>(*b->m_db, *b->m_clock, b->m_dataDir);

    auto boot = bootstrapDatabase(*b->m_db, b->m_hasher, *b->m_clock, options.adminLogin,
                                  options.adminPassword);
    if (!boot)
        return boot.error();
    b->m_bootstrap = *boot;
    return b;
}

} // namespace vms::services
