#include "tests/api/api_fixture.h"

#include "core/auth/password_hasher.h"
#include "core/domain/user.h"
#include "core/storage/database.h"
#include "core/storage/user_repository.h"
#include "server/server_host.h"
#include "tests/support/openapi_validator.h"

#include <QDateTime>
#include <QDir>
#include <QJsonArray>
#include <QRandomGenerator>
#include <QUuid>

namespace vms::apitest {

namespace {

QString randomAlnum(int length)
{
    static const QString alphabet
            = QStringLiteral("abcdefghijkmnopqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789");
    QString out;
    out.reserve(length);
    for (int i = 0; i < length; ++i)
        out.append(alphabet.at(QRandomGenerator::global()->bounded(alphabet.size())));
    return out;
}

QString pairText(const QJsonObject &entry)
{
    QStringList loc;
    const QJsonArray locArray = entry.value(QLatin1String("loc")).toArray();
    for (const QJsonValue &part : locArray)
        loc.append(part.isString() ? part.toString() : QString::number(part.toInteger()));
    return loc.join(QLatin1Char('/')) + QLatin1Char(':')
           + entry.value(QLatin1String("type")).toString();
}

} // namespace

TestServer::TestServer()
    : m_adminLogin(QStringLiteral("admin@example.com"))
    , m_adminPassword(randomPassword())
{}

TestServer::~TestServer()
{
    stop();
}

bool TestServer::start(const TestServerConfig &config)
{
    stop();
    m_config = config;
    m_dir = std::make_unique<QTemporaryDir>();
    if (!m_dir->isValid()) {
        m_error = QStringLiteral("cannot create a temporary data directory: ")
                  + m_dir->errorString();
        return false;
    }
    server::ServerOptions options;
    options.address = QHostAddress(QHostAddress::LocalHost);
    options.port = 0;
    options.dataDir = m_dir->path();
    options.adminLogin = m_adminLogin;
    options.adminPassword = m_adminPassword;
    options.clock = m_config.clock;
    if (m_config.maxBodyBytes > 0)
        options.maxBodyBytes = m_config.maxBodyBytes;
    options.modelDirs = m_config.modelDirs;
    options.ingest = m_config.ingest;
    options.segmentSeconds = m_config.segmentSeconds;
    options.maxArchiveBytes = m_config.maxArchiveBytes;
    m_host = std::make_unique<server::ServerHost>(options);
    const Result<QUrl> url = m_host->start();
    if (!url) {
        m_error = QStringLiteral("server did not start: ") + url.error().message;
        m_host.reset();
        return false;
    }
    if (url->host() != QLatin1String("127.0.0.1")) {
        m_error = QStringLiteral("server listens on %1, not on 127.0.0.1").arg(url->toString());
        return false;
    }
    m_url = *url;
    m_error.clear();
    return true;
}

void TestServer::stop()
{
    if (m_host) {
        m_host->stop();
        m_host.reset();
    }
    m_url = QUrl();
}

QString TestServer::dataDir() const
{
    return m_dir ? m_dir->path() : QString();
}

QString TestServer::databasePath() const
{
    return QDir(dataDir()).filePath(QStringLiteral("vms.db"));
}

QString randomPassword()
{
    return QStringLiteral("Pw-") + randomAlnum(18) + QStringLiteral("!7a");
}

QString uniqueEmail(const QString &prefix)
{
    return prefix + QLatin1Char('.') + randomAlnum(10).toLower() + QStringLiteral("@example.com");
}

static Session sessionFrom(Reply reply)
{
    Session s;
    s.reply = std::move(reply);
    if (s.reply.status == 200) {
        const QJsonObject o = s.reply.object();
        s.accessToken = o.value(QLatin1String("access_token")).toString();
        s.refreshToken = o.value(QLatin1String("refresh_token")).toString();
    }
    return s;
}

Session login(ApiTestClient &client, const QString &username, const QString &password)
{
    return sessionFrom(client.postForm(QStringLiteral("/api/v1/token"),
                                       {{QStringLiteral("grant_type"), QStringLiteral("password")},
                                        {QStringLiteral("username"), username},
                                        {QStringLiteral("password"), password}}));
}

Session refresh(ApiTestClient &client, const QString &refreshToken)
{
    return sessionFrom(
            client.postForm(QStringLiteral("/api/v1/token/refresh"),
                            {{QStringLiteral("grant_type"), QStringLiteral("refresh_token")},
                             {QStringLiteral("refresh_token"), refreshToken}}));
}

Reply revoke(ApiTestClient &client, const QString &token, const QString &hint)
{
    QList<QPair<QString, QString>> fields{{QStringLiteral("token"), token}};
    if (!hint.isEmpty())
        fields.append({QStringLiteral("token_type_hint"), hint});
    return client.postForm(QStringLiteral("/api/v1/token/revoke"), fields);
}

Reply getWithToken(ApiTestClient &client, const QString &path, const QString &token)
{
    const QString saved = client.bearer();
    client.setBearer(token);
    Reply r = client.get(path);
    client.setBearer(saved);
    return r;
}

UserAccount createUser(const TestServer &server, const QString &roleName,
                       const QString &emailPrefix, const QString &firstName,
                       const QString &lastName)
{
    UserAccount account;
    account.email = uniqueEmail(emailPrefix);
    account.password = randomPassword();

    auto url = storage::DatabaseUrl::parse(server.databasePath());
    if (!url) {
        account.error = url.error().message;
        return account;
    }
    storage::Database db(*url);
    storage::RoleRepository roles(db);
    storage::OrganizationRepository orgs(db);
    storage::UserRepository users(db);

    auto roleId = roles.findIdByName(roleName);
    if (!roleId || !*roleId) {
        account.error = QStringLiteral("no role named ") + roleName;
        return account;
    }
    auto orgId = orgs.findIdByName(QStringLiteral("Default organization"));
    if (!orgId || !*orgId) {
        account.error = QStringLiteral("no default organization");
        return account;
    }
    User user;
    user.organizationId = **orgId;
    user.roleId = **roleId;
    user.email = account.email;
    user.firstName = firstName;
    user.lastName = lastName;
    user.isSuperuser = false;
    user.isActive = true;
    user.passwordHash = auth::PasswordHasher().hash(account.password);
    if (user.passwordHash.isEmpty()) {
        account.error = QStringLiteral("password hashing failed");
        return account;
    }
    const qint64 now
            = server.clock() ? server.clock()->nowMs() : QDateTime::currentMSecsSinceEpoch();
    auto id = users.create(user, now);
    if (!id) {
        account.error = id.error().message;
        return account;
    }
    account.id = *id;
    return account;
}

qint64 createRole(const TestServer &server, const QString &name, const QStringList &permissions,
                  QString *error)
{
    auto url = storage::DatabaseUrl::parse(server.databasePath());
    if (!url) {
        *error = url.error().message;
        return 0;
    }
    storage::Database db(*url);
    storage::RoleRepository roles(db);
    const qint64 now
            = server.clock() ? server.clock()->nowMs() : QDateTime::currentMSecsSinceEpoch();
    auto id = roles.create(name, QStringLiteral("made by an API test"), false, permissions, now);
    if (!id) {
        *error = id.error().message;
        return 0;
    }
    return *id;
}

QSet<QString> documentedPermissions()
{
    const QJsonObject doc = test::OpenApiValidator::instance().document();
    return stringSet(doc.value(QLatin1String("components"))
                             .toObject()
                             .value(QLatin1String("schemas"))
                             .toObject()
                             .value(QLatin1String("Permission"))
                             .toObject()
                             .value(QLatin1String("enum")));
}

QSet<QString> expectedOperatorPermissions()
{
    QSet<QString> out;
    const QSet<QString> all = documentedPermissions();
    for (const QString &p : all) {
        if (p.endsWith(QLatin1String("_read")))
            out.insert(p);
    }
    out.insert(QStringLiteral("user_me_update"));
    return out;
}

QSet<QString> stringSet(const QJsonValue &array)
{
    QSet<QString> out;
    const QJsonArray a = array.toArray();
    for (const QJsonValue &v : a)
        out.insert(v.toString());
    return out;
}

QString checkError(const Reply &reply, int httpStatus, const QString &status)
{
    QStringList problems;
    if (reply.status != httpStatus)
        problems.append(
                QStringLiteral("HTTP status %1 instead of %2").arg(reply.status).arg(httpStatus));
    const QJsonObject o = reply.object();
    if (!reply.json.isObject()) {
        problems.append(QStringLiteral("the body is not a JSON object"));
    } else {
        if (o.value(QLatin1String("status")).toString() != status)
            problems.append(QStringLiteral("body.status is not \"%1\"").arg(status));
        if (!o.value(QLatin1String("status_code")).isDouble()
            || o.value(QLatin1String("status_code")).toInt() != httpStatus)
            problems.append(QStringLiteral("body.status_code is not %1").arg(httpStatus));
        if (!o.value(QLatin1String("detail")).isString()
            || o.value(QLatin1String("detail")).toString().isEmpty())
            problems.append(QStringLiteral("body.detail is not a non-empty string"));
    }
    if (problems.isEmpty())
        return {};
    return problems.join(QLatin1String("; ")) + QLatin1String(" in: ") + reply.describe();
}

QStringList validationEntries(const Reply &reply)
{
    QStringList out;
    const QJsonArray detail = reply.object().value(QLatin1String("detail")).toArray();
    for (const QJsonValue &entry : detail)
        out.append(pairText(entry.toObject()));
    return out;
}

QString checkValidation(const Reply &reply, const QStringList &loc, const QString &type)
{
    if (reply.status != 422)
        return QStringLiteral("expected 422, got: ") + reply.describe();
    const QJsonArray detail = reply.object().value(QLatin1String("detail")).toArray();
    if (detail.isEmpty())
        return QStringLiteral("422 without a detail list: ") + reply.describe();
    const QJsonArray wantedLoc = QJsonArray::fromStringList(loc);
    for (const QJsonValue &entry : detail) {
        const QJsonObject o = entry.toObject();
        if (!o.value(QLatin1String("msg")).isString()
            || o.value(QLatin1String("msg")).toString().isEmpty())
            return QStringLiteral("a detail entry has no msg: ") + reply.describe();
        if (o.value(QLatin1String("loc")).toArray() != wantedLoc)
            continue;
        if (type.isEmpty() || o.value(QLatin1String("type")).toString() == type)
            return {};
    }
    return QStringLiteral("no detail entry at loc [%1] with type \"%2\" (have: %3) in: %4")
            .arg(loc.join(QLatin1String(", ")), type,
                 validationEntries(reply).join(QLatin1String(", ")), reply.describe());
}

} // namespace vms::apitest
