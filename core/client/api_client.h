#pragma once

#include "core/client/dto.h"
#include "core/client/multipart_encoder.h"
#include "core/client/onvif_dto.h"
#include "core/client/organization_dto.h"
#include "core/client/page.h"
#include "core/client/site_dto.h"
#include "core/client/video_dto.h"
#include "core/domain/result.h"

#include <QDateTime>
#include <QFuture>
#include <QNetworkAccessManager>
#include <QNetworkRequest>
#include <QObject>
#include <QTimer>
#include <QUrl>
#include <QUrlQuery>
#include <QUuid>

#include <chrono>
#include <functional>

namespace vms::client {

// Transport details of ApiClient; here only because its private members use them.
namespace detail {
struct Request
{
    QByteArray verb;
    QString path;
    QUrlQuery query;
    QByteArray body;
    QByteArray contentType;
    QByteArray accept = QByteArrayLiteral("application/json");
    bool isAuthenticated = true;
    bool isProbe = false;
    std::chrono::milliseconds timeout{0}; ///< 0: the client's transfer timeout
};
struct RawReply
{
    int httpStatus = 0;   ///< 0: no HTTP answer, see networkError
    int networkError = 0; ///< QNetworkReply::NetworkError
    QString networkErrorText;
    QByteArray body;
};
} // namespace detail

/** Whether the server answers, as seen by the periodic hello probe and by ordinary requests. */
enum class ConnectionState {
    Disconnected, ///< not monitoring (signed out), or several probes in a row failed
    Reconnecting, ///< the server stopped answering; probing continues
    Connected,    ///< the last request got an HTTP answer
};

/**
 * Typed asynchronous client of the VMS REST API, used by the console and by tests.
 *
 * It keeps the session (access and refresh token), refreshes the access token at 80 % of its
 * lifetime, retries a request once after a 401 by refreshing, and tracks whether the server
 * answers. In thick-legal mode every request carries `X-Client: thick-legal` and `X-UUID`.
 *
 * Every method returns a QFuture that is fulfilled on the thread this object lives in; attach
 * continuations with `future.then(context, ...)`. The futures never fail with an exception:
 * errors come back as vms::Error inside the Result; a client destroyed before the answer cancels
 * the future instead. All methods must be called from the thread this object lives in.
 */
class ApiClient : public QObject
{
    Q_OBJECT

public:
    /** Share of the access token lifetime after which the client refreshes it. */
    static constexpr double kRefreshAtLifetimeShare = 0.8;
    /** Probe failures in a row after which Reconnecting becomes Disconnected. */
    static constexpr int kProbeFailuresBeforeDisconnected = 3;

    explicit ApiClient(QUrl baseUrl, QObject *parent = nullptr);
    ~ApiClient() override;

    QUrl baseUrl() const { return m_baseUrl; }

    /** Thick-legal mode: a client of a remote server that identifies itself with @p deviceUuid. */
    void enableThickLegal(const QUuid &deviceUuid);
    bool isThickLegal() const { return m_isThickLegal; }
    QUuid deviceUuid() const { return m_deviceUuid; }

    /** Time without progress after which a request fails with ErrorKind::Timeout. */
    void setTransferTimeout(std::chrono::milliseconds timeout) { m_transferTimeout = timeout; }

    // --- session ---
    bool hasSession() const { return !m_accessToken.isEmpty(); }
    QString accessToken() const { return m_accessToken; }
    QString refreshToken() const { return m_refreshToken; }
    /** When the current access token expires (UTC); invalid without a session. */
    QDateTime accessTokenExpiresAt() const { return m_accessExpiresAt; }

    /** POST /api/v1/token (password grant). On success the session starts: authenticated(). */
    QFuture<Result<Token>> login(const QString &username, const QString &password);
    /**
     * POST /api/v1/token/refresh with the stored refresh token. The server rotates the refresh
     * token; the new pair replaces the stored one. A rejected refresh token ends the session
     * (sessionExpired()). Concurrent calls share one request.
     */
    QFuture<Result<Token>> refresh();
    /** Adopts a token pair obtained elsewhere, e.g. kept from an earlier run. */
    void restoreSession(const Token &token);
    /**
     * Revokes the refresh token (POST /api/v1/token/revoke, which also revokes its access
     * tokens), forgets the session and then emits loggedOut(). The local session ends even when
     * the server cannot be reached; the result tells whether the revocation was confirmed.
     */
    QFuture<Status> logout();
    /** POST /api/v1/token/revoke for any token, without touching the session. */
    QFuture<Status> revokeToken(const QString &token);

    // --- connection monitor ---
    ConnectionState connectionState() const { return m_connectionState; }
    /** Probes GET /api/v1/hello now and then every @p interval. */
    void startConnectionMonitor(std::chrono::milliseconds interval = std::chrono::seconds(10));
    /** Stops probing; the state becomes Disconnected. */
    void stopConnectionMonitor();

    // --- API ---
    QFuture<Result<Hello>> hello();
    QFuture<Result<CurrentUser>> currentUser();
    /** PUT /api/v1/users/me */
    QFuture<Result<User>> updateCurrentUser(const QString &firstName, const QString &lastName);
    /** PUT /api/v1/users/me/password */
    QFuture<Result<User>> changePassword(const QString &oldPassword, const QString &newPassword);
    /** PUT /api/v1/users/me/email */
    QFuture<Result<User>> changeEmail(const QString &password, const QString &email);
    /** GET /api/v1/auditlogs; pass AuditLogPage::nextCursor back in the query for the next page. */
    QFuture<Result<AuditLogPage>> auditLogs(const AuditLogQuery &query);

    // --- organizations (§9); api_client_admin.cpp ---
    // Methods that return Page<T> fetch one page; their all*() twins follow the cursor to the end
    // (loadAllPages), for views that show a whole list.
    QFuture<Result<Page<Organization>>> organizations(const PageRequest &page = {});
    QFuture<Result<QList<Organization>>> allOrganizations();
    QFuture<Result<Organization>> organization(qint64 id);
    QFuture<Result<Organization>> createOrganization(const OrganizationInput &input);
    QFuture<Result<Organization>> updateOrganization(qint64 id, const OrganizationInput &input);
    QFuture<Status> deleteOrganization(qint64 id);
    /** POST /organizations/search: case-insensitive name substring; empty matches all. */
    QFuture<Result<Page<Organization>>> searchOrganizations(const QString &query,
                                                            const PageRequest &page = {});
    /** GET /organizations/{id}/members: the whole list (the API does not page it). */
    QFuture<Result<QList<User>>> organizationMembers(qint64 id, bool withoutGroups = false);
    /** GET /organizations/{id}/groups: the whole list (the API does not page it). */
    QFuture<Result<QList<Group>>> organizationGroups(qint64 id);

    // --- groups (§6) ---
    QFuture<Result<Page<Group>>> groups(const PageRequest &page = {});
    QFuture<Result<QList<Group>>> allGroups();
    QFuture<Result<Group>> group(qint64 id);
    /** @p organizationId: superusers only; others create groups in their own organization. */
    QFuture<Result<Group>> createGroup(const GroupInput &input,
                                       std::optional<qint64> organizationId = std::nullopt);
    QFuture<Result<Group>> updateGroup(qint64 id, const GroupInput &input);
    QFuture<Status> deleteGroup(qint64 id);
    /** POST /groups/search; the query needs 2..255 characters. */
    QFuture<Result<Page<Group>>> searchGroups(const QString &query, const PageRequest &page = {});
    QFuture<Result<Page<User>>> groupMembers(qint64 groupId, const PageRequest &page = {});
    QFuture<Result<QList<User>>> allGroupMembers(qint64 groupId);
    QFuture<Status> addGroupMembers(qint64 groupId, const QList<qint64> &userIds);
    /** DELETE /groups/{id}/members with a JSON body. */
    QFuture<Status> removeGroupMembers(qint64 groupId, const QList<qint64> &userIds);
    QFuture<Result<Page<Place>>> groupPlaces(qint64 groupId, const PageRequest &page = {});
    QFuture<Result<QList<Place>>> allGroupPlaces(qint64 groupId);
    QFuture<Status> addGroupPlaces(qint64 groupId, const QList<qint64> &placeIds);
    /** DELETE /groups/{id}/places with a JSON body. */
    QFuture<Status> removeGroupPlaces(qint64 groupId, const QList<qint64> &placeIds);

    // --- roles (§16) and permissions (§11) ---
    /** GET /roles: the whole list (the API does not page it). */
    QFuture<Result<QList<Role>>> roles();
    QFuture<Result<Role>> role(qint64 id);
    QFuture<Result<Role>> createRole(const RoleInput &input);
    QFuture<Result<Role>> updateRole(qint64 id, const RoleInput &input);
    QFuture<Status> deleteRole(qint64 id);
    /** GET /roles/{id}/permissions: the permission names the role holds. */
    QFuture<Result<QStringList>> rolePermissions(qint64 roleId);
    QFuture<Result<QList<User>>> roleMembers(qint64 roleId);
    /** POST /permissions: grants one permission to a role. */
    QFuture<Status> grantPermission(qint64 roleId, const QString &permission);
    /** DELETE /permissions with a JSON body: revokes one permission from a role. */
    QFuture<Status> revokePermission(qint64 roleId, const QString &permission);

    // --- users (§26) ---
    /** GET /users; @p withoutGroups keeps the users that are in no group. */
    QFuture<Result<Page<User>>> users(const PageRequest &page = {}, bool withoutGroups = false);
    QFuture<Result<QList<User>>> allUsers(bool withoutGroups = false);
    QFuture<Result<User>> user(qint64 id);
    /** @p organizationId: superusers only; others create users in their own organization. */
    QFuture<Result<User>> createUser(const UserInput &input,
                                     std::optional<qint64> organizationId = std::nullopt);
    /** PUT /users/{id}: a full replacement; a non-empty password sets a new password. */
    QFuture<Result<User>> updateUser(qint64 id, const UserInput &input);
    QFuture<Status> deleteUser(qint64 id);
    /** POST /users/search; the query needs 2..255 characters. */
    QFuture<Result<Page<User>>> searchUsers(const QString &query, const PageRequest &page = {});

    // --- places (§12); api_client_sites.cpp ---
    /** GET /places: every match at once (the API takes no cursor for this list). */
    QFuture<Result<QList<Place>>> places(const PlaceFilter &filter = {});
    QFuture<Result<Place>> place(qint64 id);
    QFuture<Result<Place>> createPlace(const PlaceInput &input);
    QFuture<Result<Place>> updatePlace(qint64 id, const PlaceInput &input);
    QFuture<Status> deletePlace(qint64 id);
    QFuture<Result<Page<Place>>> searchPlaces(const QString &query, const PageRequest &page = {});
    QFuture<Result<Page<Plan>>> placePlans(qint64 placeId, const PageRequest &page = {});
    QFuture<Result<QList<Plan>>> allPlacePlans(qint64 placeId);
    /** GET /places/{id}/cameras; @p withoutPlans keeps the cameras that are on no plan. */
    QFuture<Result<Page<Camera>>> placeCameras(qint64 placeId, bool withoutPlans = false,
                                               const PageRequest &page = {});
    QFuture<Result<QList<Camera>>> allPlaceCameras(qint64 placeId, bool withoutPlans = false);

    // --- plans (§13) ---
    QFuture<Result<Page<Plan>>> plans(const PageRequest &page = {},
                                      std::optional<qint64> groupId = std::nullopt);
    QFuture<Result<QList<Plan>>> allPlans(std::optional<qint64> groupId = std::nullopt);
    QFuture<Result<Plan>> plan(qint64 id);
    QFuture<Result<Plan>> createPlan(const PlanInput &input);
    QFuture<Result<Plan>> updatePlan(qint64 id, const PlanInput &input);
    QFuture<Status> deletePlan(qint64 id);
    QFuture<Result<Page<PlanCamera>>> planCameras(qint64 planId, const PageRequest &page = {});
    QFuture<Result<QList<PlanCamera>>> allPlanCameras(qint64 planId);
    /** POST /plans/{id}/cameras: the cameras must belong to the plan's place. */
    QFuture<Status> addPlanCameras(qint64 planId, const QStringList &cameraIds);
    /** DELETE /plans/{id}/cameras with a JSON body. */
    QFuture<Status> removePlanCameras(qint64 planId, const QStringList &cameraIds);
    /** PUT /plans/{id}/cameras/{camera}/position; x and y are in [0, 1]. */
    QFuture<Result<PlanCameraPosition>>
    setPlanCameraPosition(qint64 planId, const QString &cameraId, double x, double y);

    // --- cameras (§2) ---
    QFuture<Result<Page<Camera>>> cameras(const CameraQuery &query = {});
    /** Every camera that matches @p query (its page is ignored). */
    QFuture<Result<QList<Camera>>> allCameras(const CameraQuery &query = {});
    QFuture<Result<Camera>> camera(const QString &id, bool withOrigin = false);
    QFuture<Result<Camera>> createCamera(const CameraInput &input, bool withOrigin = false);
    /** PUT /cameras/{id}: a full replacement (start from CameraInput::from()). */
    QFuture<Result<Camera>> updateCamera(const QString &id, const CameraInput &input,
                                         bool withOrigin = false);
    QFuture<Status> deleteCamera(const QString &id);
    /** POST /cameras/search: a UUID finds that camera, other text is a name substring. */
    QFuture<Result<Page<Camera>>> searchCameras(const QString &query,
                                                const CameraQuery &filter = {});
    /** Every camera that matches the search. */
    QFuture<Result<QList<Camera>>> searchAllCameras(const QString &query,
                                                    const CameraQuery &filter = {});

    // --- uploads (§25) ---
    /**
     * POST /uploads?kind=... with @p data as the multipart part upload_data. The server checks
     * the content (it must be an image) and answers the stored upload(s).
     */
    QFuture<Result<QList<Upload>>> upload(UploadKind kind, const QByteArray &data,
                                          const QString &fileName,
                                          const QByteArray &contentType = {});
    QFuture<Result<Upload>> uploadInfo(const QString &id);
    /** GET /uploads/{id}/content: the stored bytes. */
    QFuture<Result<QByteArray>> uploadContent(const QString &id);

    // --- video (§18 segments, §19.2 snapshots, §21 streams); api_client_video.cpp ---
    /**
     * GET /segments: every recorded segment of @p streamId that overlaps [tsFromS, tsToS) (Unix
     * seconds), by start time. A camera's main stream has the camera's id (see substreamId()).
     */
    QFuture<Result<QList<Segment>>> listSegments(const QString &streamId, qint64 tsFromS,
                                                 qint64 tsToS);
    /** GET /streams/{id}: the live state of the server's ingest of the stream. */
    QFuture<Result<StreamStatus>> streamStatus(const QString &streamId);
    /** GET /streams/{id}/info: frame rate, bit rate, size and codec (400 while not online). */
    QFuture<Result<StreamInfo>> streamInfo(const QString &streamId);
    /** GET /camerasnapshots/{id}: a JPEG of the newest frame the server has of the camera. */
    QFuture<Result<QByteArray>> cameraSnapshot(const QString &cameraId);
    /**
     * The bytes of a recorded segment: GET of a Segment::url (an MPEG-TS file). The URL is
     * signed, and the server also wants the bearer token, so the request goes through the
     * session like any other; a URL that points to another server than this client's fails with
     * InvalidArgument rather than carry the token elsewhere.
     */
    QFuture<Result<QByteArray>> segmentData(const QUrl &segmentUrl);

    // --- camera control over ONVIF (§8); api_client_onvif.cpp ---
    // The server talks to the camera: errors carry the API's status, e.g. onvif_unauthenticated
    // (the camera rejected the stored login), onvif_not_configured, onvif_invalid_argument,
    // onvif_unsupported_action (400), or ErrorKind::Unavailable when the camera is unreachable.
    /** GET /onvif/{id}: manufacturer, model, firmware, serial number, hardware id. */
    QFuture<Result<OnvifDeviceInfo>> onvifDeviceInfo(const QString &cameraId);
    QFuture<Result<OnvifNetworkSettings>> onvifNetwork(const QString &cameraId);
    /** PUT /onvif/{id}/network: a wrong port cuts the camera off, so confirm before calling. */
    QFuture<Status> updateOnvifNetwork(const QString &cameraId, const OnvifNetworkUpdate &update);
    QFuture<Result<QList<OnvifUser>>> onvifUsers(const QString &cameraId);
    /** PUT /onvif/{id}/users/{username}; the password has at most 16 characters. */
    QFuture<Status> setOnvifUserPassword(const QString &cameraId, const QString &userName,
                                         const QString &password);
    /** GET /onvif/{id}/streams: the profiles in order (main stream first). */
    QFuture<Result<QList<OnvifStream>>> onvifStreams(const QString &cameraId);
    QFuture<Status> updateOnvifEncoder(const QString &cameraId, const OnvifEncoderUpdate &update);
    QFuture<Result<OnvifImageSettings>> onvifImageSettings(const QString &cameraId);
    /** PUT /onvif/{id}/image/{brightness|contrast|saturation|sharpness|exposure} {value}. */
    QFuture<Status> setOnvifImageValue(const QString &cameraId, OnvifImageValue setting,
                                       double value);
    /** PUT /onvif/{id}/image/backlight; @p mode is ON or OFF. */
    QFuture<Status> setOnvifBacklight(const QString &cameraId, const QString &mode);
    /** PUT /onvif/{id}/image/ir; @p mode is ON, OFF or AUTO. */
    QFuture<Status> setOnvifIrCutFilter(const QString &cameraId, const QString &mode);
    QFuture<Status> setOnvifWideDynamicRange(const QString &cameraId,
                                             const OnvifWideDynamicRangeUpdate &update);
    QFuture<Status> setOnvifWhiteBalance(const QString &cameraId,
                                         const OnvifWhiteBalanceUpdate &update);
    /** GET /onvif/{id}/ptz; onvif_unsupported_action means the camera has no PTZ. */
    QFuture<Result<OnvifPtz>> onvifPtz(const QString &cameraId);
    /**
     * PUT /onvif/{id}/ptz: a move or zoom starts a continuous move at speed step/10 for about a
     * second; a command without either stops the camera.
     */
    QFuture<Status> ptzCommand(const QString &cameraId, const PtzCommand &command);
    /** PUT /onvif/{id}/ptz/home: the current position becomes home. */
    QFuture<Status> savePtzHome(const QString &cameraId);
    /** PUT /onvif/{id}/ptz/home/apply */
    QFuture<Status> gotoPtzHome(const QString &cameraId);
    /** GET /onvif/{id}/ptz/presets: the preset names. */
    QFuture<Result<QStringList>> ptzPresets(const QString &cameraId);
    /** POST /onvif/{id}/ptz/preset: the current position under @p name (at most 64 chars). */
    QFuture<Status> createPtzPreset(const QString &cameraId, const QString &name);
    /** DELETE /onvif/{id}/ptz/preset with a JSON body. */
    QFuture<Status> deletePtzPreset(const QString &cameraId, const QString &name);
    /** POST /onvif/{id}/ptz/preset/apply */
    QFuture<Status> gotoPtzPreset(const QString &cameraId, const QString &name);

signals:
    /** A login succeeded; the session is in place. */
    void authenticated();
    /** The access token was refreshed and the rotated refresh token stored. */
    void tokenRefreshed();
    /** logout() finished; there is no session any more. */
    void loggedOut();
    /** The server rejected the refresh token: the user must sign in again. */
    void sessionExpired(const vms::Error &error);
    void connectionStateChanged(vms::client::ConnectionState state);

private:
    using Request = detail::Request;
    using RawReply = detail::RawReply;
    using ReplyHandler = std::function<void(const RawReply &)>;

    void send(const Request &request, ReplyHandler handler, bool mayRefreshOn401 = true);
    QNetworkRequest makeNetworkRequest(const Request &request) const;
    template<typename T>
    QFuture<Result<T>> call(const Request &request,
                            std::function<Result<T>(const RawReply &)> parse);

    static Request jsonRequest(QByteArray verb, QString path, const QJsonObject &body);
    static Request getRequest(QString path, QUrlQuery query = {});
    static Request deleteRequest(QString path);
    static Request formRequest(QString path, const QList<std::pair<QString, QString>> &fields);

    void refreshWith(std::function<void(const Result<Token> &)> done);
    void startSession(const Token &token);
    void applyTokens(const Token &token);
    void clearSession();
    void scheduleRefreshCheck();
    void onRefreshTimer();

    void probe();
    void noteReply(const RawReply &reply, bool isProbe);
    void setConnectionState(ConnectionState state);

    QNetworkAccessManager m_network;
    QUrl m_baseUrl;
    bool m_isThickLegal = false;
    QUuid m_deviceUuid;
    std::chrono::milliseconds m_transferTimeout = std::chrono::seconds(30);

    QString m_accessToken;
    QString m_refreshToken;
    QDateTime m_accessExpiresAt;
    QDateTime m_refreshDueAt;
    // Bumped whenever a session starts or ends, so that a reply that belongs to an older
    // session (a refresh still in flight during logout) cannot resurrect it.
    quint64 m_sessionGeneration = 0;
    QTimer m_refreshTimer;
    bool m_isRefreshing = false;
    QList<std::function<void(const Result<Token> &)>> m_refreshWaiters;

    QTimer m_probeTimer;
    bool m_isProbing = false;
    int m_probeFailures = 0;
    ConnectionState m_connectionState = ConnectionState::Disconnected;
};

/** Technical English name of a state, for logs. The UI translates states itself. */
QString connectionStateName(ConnectionState state);

} // namespace vms::client
