#pragma once

// Shared setup of the API tests: an in-process server on 127.0.0.1 with a throw-away data
// directory, token helpers, direct creation of extra users and roles through the core, and checks
// of the seed's error bodies.

#include "core/domain/clock.h"
#include "tests/support/api_client.h"

#include <QSet>
#include <QString>
#include <QStringList>
#include <QTemporaryDir>
#include <QUrl>

#include <memory>

namespace vms::server {
class ServerHost;
}

namespace vms::apitest {

using test::ApiTestClient;
using test::Reply;

struct TestServerConfig
{
    /// Null: the system clock. Set: the server's only clock (tokens, audit, throttling).
    std::shared_ptr<ManualClock> clock;
    /// 0: the server's default limit.
    qint64 maxBodyBytes = 0;
    /// Empty: the server's defaults ($VMS_MODEL_DIR first, which CMake sets for the tests).
    QStringList modelDirs;
    /// Video tests: ingest and record the cameras (their sources must be on 127.0.0.1).
    bool ingest = false;
    int segmentSeconds = 2;
    qint64 maxArchiveBytes = 0;
};

/** A ServerHost on 127.0.0.1, port 0, with its own temporary data directory and admin. */
class TestServer
{
public:
    TestServer();
    ~TestServer();
    TestServer(const TestServer &) = delete;
    TestServer &operator=(const TestServer &) = delete;

    /** Starts the host; false with errorString() on failure. */
    bool start(const TestServerConfig &config = {});
    void stop();

    QString errorString() const { return m_error; }
    QUrl url() const { return m_url; }
    QString dataDir() const;
    QString databasePath() const;
    QString adminLogin() const { return m_adminLogin; }
    QString adminPassword() const { return m_adminPassword; }
    ManualClock *clock() const { return m_config.clock.get(); }

private:
    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<server::ServerHost> m_host;
    TestServerConfig m_config;
    QString m_adminLogin;
    QString m_adminPassword;
    QUrl m_url;
    QString m_error;
};

/** A random password that passes every strength rule: 24 characters, mixed classes. */
QString randomPassword();
/** A unique e-mail address under example.com with the given prefix. */
QString uniqueEmail(const QString &prefix);

/** The outcome of POST /api/v1/token. */
struct Session
{
    Reply reply;
    QString accessToken;
    QString refreshToken;
    bool isValid() const
    {
        return reply.status == 200 && !accessToken.isEmpty() && !refreshToken.isEmpty();
    }
};

/** POST /api/v1/token (grant_type=password). Leaves the client's bearer alone. */
Session login(ApiTestClient &client, const QString &username, const QString &password);
/** POST /api/v1/token/refresh (grant_type=refresh_token). */
Session refresh(ApiTestClient &client, const QString &refreshToken);
/** POST /api/v1/token/revoke; an empty hint sends none. */
Reply revoke(ApiTestClient &client, const QString &token, const QString &hint = {});
/** GET path with the given bearer token, restoring the client's own bearer afterwards. */
Reply getWithToken(ApiTestClient &client, const QString &path, const QString &token);

/** A user created directly in the server's database. */
struct UserAccount
{
    qint64 id = 0;
    QString email;
    QString password;
    QString error;
    bool isValid() const { return id > 0 && error.isEmpty(); }
};

/**
 * Inserts a user through the core (storage::UserRepository on the server's sqlite file), in the
 * default organization, with the role of that name ("operator", or one made by createRole()).
 */
UserAccount createUser(const TestServer &server, const QString &roleName,
                       const QString &emailPrefix = QStringLiteral("user"),
                       const QString &firstName = QStringLiteral("Test"),
                       const QString &lastName = QStringLiteral("User"));
/** Inserts a role holding exactly `permissions`; returns its id, or 0 with *error set. */
qint64 createRole(const TestServer &server, const QString &name, const QStringList &permissions,
                  QString *error);

/** The Permission enum of the OpenAPI contract (what GET /users/me may list). */
QSet<QString> documentedPermissions();
/** What the built-in operator role must hold: every *_read permission plus user_me_update. */
QSet<QString> expectedOperatorPermissions();

/** A JSON array of strings as a set (e.g. the permissions of a CurrentUser). */
QSet<QString> stringSet(const QJsonValue &array);

/**
 * Checks an error reply against the seed's shape {status, status_code, detail}: empty when the
 * HTTP status, `status` and `status_code` are as expected and `detail` is a non-empty string.
 */
QString checkError(const Reply &reply, int httpStatus, const QString &status);
/**
 * Checks a 422 reply: FastAPI {detail: [{loc, msg, type}]} with an entry at `loc` of `type`
 * (type empty: any type). Empty when found, else what is wrong.
 */
QString checkValidation(const Reply &reply, const QStringList &loc, const QString &type = {});
/** The (loc, type) pairs of a 422 body, as "body/name:type" strings, for messages. */
QStringList validationEntries(const Reply &reply);

} // namespace vms::apitest

/** Fails the test unless the reply is the seed's error with this HTTP status and `status`. */
#define VMS_VERIFY_ERROR(reply, httpStatus, statusText) \
    do { \
        const QString vmsErr_ = vms::apitest::checkError((reply), (httpStatus), (statusText)); \
        QVERIFY2(vmsErr_.isEmpty(), qPrintable(vmsErr_)); \
    } while (false)

/** Fails the test unless the reply is a 422 naming `loc` (a QStringList) with `type`. */
#define VMS_VERIFY_VALIDATION(reply, loc, type) \
    do { \
        const QString vmsErr_ = vms::apitest::checkValidation((reply), (loc), (type)); \
        QVERIFY2(vmsErr_.isEmpty(), qPrintable(vmsErr_)); \
    } while (false)

/**
 * Fails the test unless the reply has this status; the message shows the whole reply. `reply` is
 * evaluated once, so it may be a request.
 */
#define VMS_VERIFY_STATUS(reply, expected) \
    do { \
        const vms::test::Reply &vmsReply_ = (reply); \
        QVERIFY2(vmsReply_.status == (expected), \
                 qPrintable(QStringLiteral("expected %1, got: ").arg(expected) \
                            + vmsReply_.describe())); \
    } while (false)
