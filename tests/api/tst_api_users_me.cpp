// Seed 002 §26.3, 26.4, 26.8, 26.9: the current user's own account.
#include "tests/api/api_fixture.h"

#include <QTest>

using namespace vms::apitest;

class TstApiUsersMe : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void init();
    void cleanup();
    void cleanupTestCase();

    void getMeSuperuser();
    void getMeOperator();
    void updateMe();
    void updateMeValidation_data();
    void updateMeValidation();
    void updateMeAvatarRejected();
    void changePassword();
    void changePasswordWrongOld();
    void changePasswordValidation_data();
    void changePasswordValidation();
    void changeEmail();
    void changeEmailWrongPassword();
    void changeEmailInvalid_data();
    void changeEmailInvalid();
    void changeEmailDuplicate();

private:
    /** A new operator in the default organization, logged in: the client sends its token. */
    bool startAsNewOperator(UserAccount *account, Session *session);
    /** GET /users/me with the client's bearer; the reply's body, or an empty object. */
    QJsonObject me();

    TestServer m_server;
    std::unique_ptr<ApiTestClient> m_client;
    UserAccount m_operator; ///< read-only checks and validation only: never changed
    QString m_operatorToken;
};

void TstApiUsersMe::initTestCase()
{
    QVERIFY2(m_server.start(), qPrintable(m_server.errorString()));
    m_operator = createUser(m_server, QStringLiteral("operator"), QStringLiteral("viewer"),
                            QStringLiteral("Test"), QStringLiteral("User"));
    QVERIFY2(m_operator.isValid(), qPrintable(m_operator.error));
}

void TstApiUsersMe::init()
{
    m_client = std::make_unique<ApiTestClient>(m_server.url());
    // Tokens live 15 minutes: a fresh one per test keeps the tests independent of their order.
    const Session s = login(*m_client, m_operator.email, m_operator.password);
    QVERIFY2(s.isValid(), qPrintable(s.reply.describe()));
    m_operatorToken = s.accessToken;
}

void TstApiUsersMe::cleanup()
{
    VMS_VERIFY_NO_SCHEMA_FAILURES(*m_client);
    m_client.reset();
}

void TstApiUsersMe::cleanupTestCase()
{
    m_server.stop();
}

bool TstApiUsersMe::startAsNewOperator(UserAccount *account, Session *session)
{
    *account = createUser(m_server, QStringLiteral("operator"), QStringLiteral("op"),
                          QStringLiteral("Test"), QStringLiteral("User"));
    if (!account->isValid()) {
        qWarning("createUser: %s", qPrintable(account->error));
        return false;
    }
    *session = login(*m_client, account->email, account->password);
    if (!session->isValid()) {
        qWarning("login: %s", qPrintable(session->reply.describe()));
        return false;
    }
    m_client->setBearer(session->accessToken);
    return true;
}

QJsonObject TstApiUsersMe::me()
{
    const auto r = m_client->get(QStringLiteral("/api/v1/users/me"));
    if (r.status != 200) {
        qWarning("GET /users/me: %s", qPrintable(r.describe()));
        return {};
    }
    return r.object();
}

void TstApiUsersMe::getMeSuperuser()
{
    const Session s = login(*m_client, m_server.adminLogin(), m_server.adminPassword());
    QVERIFY2(s.isValid(), qPrintable(s.reply.describe()));
    m_client->setBearer(s.accessToken);

    const auto r = m_client->get(QStringLiteral("/api/v1/users/me"));
    VMS_VERIFY_STATUS(r, 200);
    VMS_VERIFY_SCHEMA(r);
    const QJsonObject o = r.object();
    QCOMPARE(o.value(QLatin1String("email")).toString(), m_server.adminLogin());
    QCOMPARE(o.value(QLatin1String("first_name")).toString(), QStringLiteral("System"));
    QCOMPARE(o.value(QLatin1String("last_name")).toString(), QStringLiteral("Administrator"));
    QCOMPARE(o.value(QLatin1String("is_superuser")).toBool(), true);
    QCOMPARE(o.value(QLatin1String("organization_name")).toString(),
             QStringLiteral("Default organization"));
    QVERIFY(o.value(QLatin1String("id")).toInteger() > 0);
    QVERIFY(o.value(QLatin1String("organization_id")).toInteger() > 0);
    QVERIFY(o.value(QLatin1String("groups")).isArray());
    QVERIFY(!o.contains(QLatin1String("password_hash")));
    QVERIFY(!o.contains(QLatin1String("password")));

    // A superuser holds every permission of the seed: all 101, each once.
    const QJsonArray permissions = o.value(QLatin1String("permissions")).toArray();
    const QSet<QString> documented = documentedPermissions();
    QCOMPARE(documented.size(), 101);
    QCOMPARE(permissions.size(), 101);
    QCOMPARE(stringSet(permissions), documented);
}

void TstApiUsersMe::getMeOperator()
{
    m_client->setBearer(m_operatorToken);
    const auto r = m_client->get(QStringLiteral("/api/v1/users/me"));
    VMS_VERIFY_STATUS(r, 200);
    VMS_VERIFY_SCHEMA(r);
    const QJsonObject o = r.object();
    QCOMPARE(o.value(QLatin1String("id")).toInteger(), m_operator.id);
    QCOMPARE(o.value(QLatin1String("email")).toString(), m_operator.email);
    QCOMPARE(o.value(QLatin1String("is_superuser")).toBool(), false);
    QCOMPARE(o.value(QLatin1String("first_name")).toString(), QStringLiteral("Test"));
    QCOMPARE(o.value(QLatin1String("last_name")).toString(), QStringLiteral("User"));

    const QJsonArray permissions = o.value(QLatin1String("permissions")).toArray();
    const QSet<QString> got = stringSet(permissions);
    QCOMPARE(permissions.size(), got.size()); // no duplicates
    const QSet<QString> expected = expectedOperatorPermissions();
    QVERIFY(expected.size() > 10 && expected.size() < 101);
    QCOMPARE(got, expected);
    QVERIFY(got.contains(QStringLiteral("auditlog_read")));
    QVERIFY(got.contains(QStringLiteral("user_me_read")));
    QVERIFY(got.contains(QStringLiteral("user_me_update")));
    QVERIFY(!got.contains(QStringLiteral("user_create")));
    QVERIFY(!got.contains(QStringLiteral("camera_delete")));

    // The operator's role is not the superuser's.
    const Session admin = login(*m_client, m_server.adminLogin(), m_server.adminPassword());
    QVERIFY2(admin.isValid(), qPrintable(admin.reply.describe()));
    const auto adminMe
            = getWithToken(*m_client, QStringLiteral("/api/v1/users/me"), admin.accessToken);
    VMS_VERIFY_STATUS(adminMe, 200);
    QVERIFY(adminMe.object().value(QLatin1String("role_id")).toInteger()
            != o.value(QLatin1String("role_id")).toInteger());
}

void TstApiUsersMe::updateMe()
{
    UserAccount user;
    Session session;
    QVERIFY(startAsNewOperator(&user, &session));

    const auto r = m_client->put(QStringLiteral("/api/v1/users/me"),
                                 QJsonObject{{QStringLiteral("first_name"), QStringLiteral("Ann")},
                                             {QStringLiteral("last_name"), QStringLiteral("Lee")}});
    VMS_VERIFY_STATUS(r, 200);
    VMS_VERIFY_SCHEMA(r);
    QCOMPARE(r.object().value(QLatin1String("id")).toInteger(), user.id);
    QCOMPARE(r.object().value(QLatin1String("email")).toString(), user.email);
    QCOMPARE(r.object().value(QLatin1String("first_name")).toString(), QStringLiteral("Ann"));
    QCOMPARE(r.object().value(QLatin1String("last_name")).toString(), QStringLiteral("Lee"));
    QVERIFY(!r.object().contains(QLatin1String("permissions"))); // a User, not a CurrentUser

    QJsonObject current = me();
    QCOMPARE(current.value(QLatin1String("first_name")).toString(), QStringLiteral("Ann"));
    QCOMPARE(current.value(QLatin1String("last_name")).toString(), QStringLiteral("Lee"));

    // 32 characters is the limit; it counts characters, not UTF-8 bytes.
    const QString max32(32, QLatin1Char('n'));
    const QString accented32(32, QChar(0x00E9));
    const auto atLimit = m_client->put(QStringLiteral("/api/v1/users/me"),
                                       QJsonObject{{QStringLiteral("first_name"), max32},
                                                   {QStringLiteral("last_name"), accented32}});
    VMS_VERIFY_STATUS(atLimit, 200);
    current = me();
    QCOMPARE(current.value(QLatin1String("first_name")).toString(), max32);
    QCOMPARE(current.value(QLatin1String("last_name")).toString(), accented32);

    // Surrounding blanks are not kept.
    const auto padded
            = m_client->put(QStringLiteral("/api/v1/users/me"),
                            QJsonObject{{QStringLiteral("first_name"), QStringLiteral("  Bob ")},
                                        {QStringLiteral("last_name"), QStringLiteral("Stone  ")}});
    VMS_VERIFY_STATUS(padded, 200);
    QCOMPARE(padded.object().value(QLatin1String("first_name")).toString(), QStringLiteral("Bob"));
    QCOMPARE(padded.object().value(QLatin1String("last_name")).toString(), QStringLiteral("Stone"));

    // Someone else's profile is untouched.
    m_client->setBearer(m_operatorToken);
    current = me();
    QCOMPARE(current.value(QLatin1String("first_name")).toString(), QStringLiteral("Test"));
}

void TstApiUsersMe::updateMeValidation_data()
{
    QTest::addColumn<QByteArray>("body");
    QTest::addColumn<QStringList>("loc");
    QTest::addColumn<QString>("type");

    const QByteArray long33 = QByteArray(33, 'x');
    QTest::newRow("first_name over 32")
            << QByteArray(R"({"first_name":")" + long33 + R"(","last_name":"L"})")
            << QStringList{QStringLiteral("body"), QStringLiteral("first_name")}
            << QStringLiteral("value_error.any_str.max_length");
    QTest::newRow("last_name over 32")
            << QByteArray(R"({"first_name":"F","last_name":")" + long33 + R"("})")
            << QStringList{QStringLiteral("body"), QStringLiteral("last_name")}
            << QStringLiteral("value_error.any_str.max_length");
    QTest::newRow("last_name missing")
            << QByteArray(R"({"first_name":"F"})")
            << QStringList{QStringLiteral("body"), QStringLiteral("last_name")}
            << QStringLiteral("value_error.missing");
    QTest::newRow("last_name null")
            << QByteArray(R"({"first_name":"F","last_name":null})")
            << QStringList{QStringLiteral("body"), QStringLiteral("last_name")}
            << QStringLiteral("value_error.missing");
    QTest::newRow("first_name missing")
            << QByteArray(R"({"last_name":"L"})")
            << QStringList{QStringLiteral("body"), QStringLiteral("first_name")}
            << QStringLiteral("value_error.missing");
    QTest::newRow("first_name a number")
            << QByteArray(R"({"first_name":12,"last_name":"L"})")
            << QStringList{QStringLiteral("body"), QStringLiteral("first_name")}
            << QStringLiteral("type_error.str");
    QTest::newRow("avatar_id a number")
            << QByteArray(R"({"first_name":"F","last_name":"L","avatar_id":5})")
            << QStringList{QStringLiteral("body"), QStringLiteral("avatar_id")}
            << QStringLiteral("type_error.str");
    // loc of a decode error is ["body", <offset>]: only its root is checked.
    QTest::newRow("malformed JSON") << QByteArray(R"({"first_name":"F","last_name":)")
                                    << QStringList{} << QStringLiteral("value_error.jsondecode");
    QTest::newRow("JSON array") << QByteArray(R"(["F","L"])") << QStringList{QStringLiteral("body")}
                                << QStringLiteral("type_error.dict");
    QTest::newRow("JSON string") << QByteArray(R"("F L")") << QStringList{QStringLiteral("body")}
                                 << QStringLiteral("type_error.dict");
    QTest::newRow("JSON number") << QByteArray("42") << QStringList{QStringLiteral("body")}
                                 << QStringLiteral("type_error.dict");
    QTest::newRow("JSON null") << QByteArray("null") << QStringList{QStringLiteral("body")}
                               << QStringLiteral("type_error.dict");
    QTest::newRow("two JSON objects")
            << QByteArray(R"({"first_name":"F","last_name":"L"},{"first_name":"G"})")
            << QStringList{} << QStringLiteral("value_error.jsondecode");
    QTest::newRow("empty body") << QByteArray() << QStringList{QStringLiteral("body")}
                                << QStringLiteral("value_error.missing");
}

void TstApiUsersMe::updateMeValidation()
{
    QFETCH(QByteArray, body);
    QFETCH(QStringList, loc);
    QFETCH(QString, type);

    m_client->setBearer(m_operatorToken);
    const auto r = m_client->request(QByteArrayLiteral("PUT"), QStringLiteral("/api/v1/users/me"),
                                     body, QByteArrayLiteral("application/json"));
    VMS_VERIFY_STATUS(r, 422);
    VMS_VERIFY_SCHEMA(r);
    if (loc.isEmpty()) {
        bool found = false;
        const QStringList entries = validationEntries(r);
        for (const QString &e : entries)
            found = found
                    || (e.startsWith(QLatin1String("body/"))
                        && e.endsWith(QLatin1Char(':') + type));
        QVERIFY2(found, qPrintable(r.describe()));
    } else {
        VMS_VERIFY_VALIDATION(r, loc, type);
    }

    // Nothing changed.
    const QJsonObject current = me();
    QCOMPARE(current.value(QLatin1String("first_name")).toString(), QStringLiteral("Test"));
    QCOMPARE(current.value(QLatin1String("last_name")).toString(), QStringLiteral("User"));
}

void TstApiUsersMe::updateMeAvatarRejected()
{
    // No uploads exist in this build, so no avatar_id can name one: 400, and nothing changes.
    m_client->setBearer(m_operatorToken);
    const auto r
            = m_client->put(QStringLiteral("/api/v1/users/me"),
                            QJsonObject{{QStringLiteral("first_name"), QStringLiteral("Changed")},
                                        {QStringLiteral("last_name"), QStringLiteral("Changed")},
                                        {QStringLiteral("avatar_id"),
                                         QStringLiteral("5f0c8a4e-1111-4222-8333-944455556666")}});
    VMS_VERIFY_ERROR(r, 400, QStringLiteral("invalid_request"));
    const QJsonObject current = me();
    QCOMPARE(current.value(QLatin1String("first_name")).toString(), QStringLiteral("Test"));
    QVERIFY(!current.contains(QLatin1String("avatar_id")));
}

void TstApiUsersMe::changePassword()
{
    UserAccount user;
    Session current;
    QVERIFY(startAsNewOperator(&user, &current));
    const Session other = login(*m_client, user.email, user.password);
    QVERIFY2(other.isValid(), qPrintable(other.reply.describe()));
    const QString newPassword = randomPassword();

    const auto r = m_client->put(QStringLiteral("/api/v1/users/me/password"),
                                 QJsonObject{{QStringLiteral("old_password"), user.password},
                                             {QStringLiteral("new_password"), newPassword}});
    VMS_VERIFY_STATUS(r, 200);
    VMS_VERIFY_SCHEMA(r);
    QCOMPARE(r.object().value(QLatin1String("id")).toInteger(), user.id);
    QCOMPARE(r.object().value(QLatin1String("email")).toString(), user.email);

    // The other session of the user is over: its access token and its refresh token.
    const auto otherMe
            = getWithToken(*m_client, QStringLiteral("/api/v1/users/me"), other.accessToken);
    VMS_VERIFY_ERROR(otherMe, 401, QStringLiteral("not_authenticated"));
    const Session otherRefresh = refresh(*m_client, other.refreshToken);
    VMS_VERIFY_ERROR(otherRefresh.reply, 400, QStringLiteral("token_refresh_error"));

    // The session that changed the password goes on.
    const auto stillMe = m_client->get(QStringLiteral("/api/v1/users/me"));
    VMS_VERIFY_STATUS(stillMe, 200);
    QCOMPARE(stillMe.object().value(QLatin1String("id")).toInteger(), user.id);
    const Session currentRefresh = refresh(*m_client, current.refreshToken);
    VMS_VERIFY_STATUS(currentRefresh.reply, 200);

    // Sessions of other users are not affected.
    const auto operatorMe
            = getWithToken(*m_client, QStringLiteral("/api/v1/users/me"), m_operatorToken);
    VMS_VERIFY_STATUS(operatorMe, 200);

    // The old password no longer logs in; the new one does.
    const Session withOld = login(*m_client, user.email, user.password);
    VMS_VERIFY_ERROR(withOld.reply, 401, QStringLiteral("token_invalid_credentials"));
    const Session withNew = login(*m_client, user.email, newPassword);
    VMS_VERIFY_STATUS(withNew.reply, 200);
    QVERIFY(withNew.isValid());
}

void TstApiUsersMe::changePasswordWrongOld()
{
    UserAccount user;
    Session session;
    QVERIFY(startAsNewOperator(&user, &session));
    const QString newPassword = randomPassword();
    const auto r = m_client->put(
            QStringLiteral("/api/v1/users/me/password"),
            QJsonObject{{QStringLiteral("old_password"), QStringLiteral("not-my-password-123")},
                        {QStringLiteral("new_password"), newPassword}});
    VMS_VERIFY_ERROR(r, 400, QStringLiteral("invalid_request"));

    // Nothing changed: the session works, the old password logs in, the new one does not.
    VMS_VERIFY_STATUS(m_client->get(QStringLiteral("/api/v1/users/me")), 200);
    const Session withNew = login(*m_client, user.email, newPassword);
    VMS_VERIFY_ERROR(withNew.reply, 401, QStringLiteral("token_invalid_credentials"));
    const Session withOld = login(*m_client, user.email, user.password);
    VMS_VERIFY_STATUS(withOld.reply, 200);
}

void TstApiUsersMe::changePasswordValidation_data()
{
    QTest::addColumn<QJsonObject>("body");
    QTest::addColumn<QString>("field");
    QTest::addColumn<QString>("type");
    QTest::newRow("new too short (7)")
            << QJsonObject{{QStringLiteral("old_password"), QStringLiteral("<old>")},
                           {QStringLiteral("new_password"), QStringLiteral("Ab1!xyz")}}
            << QStringLiteral("new_password") << QStringLiteral("value_error.any_str.min_length");
    QTest::newRow("new empty") << QJsonObject{{QStringLiteral("old_password"),
                                               QStringLiteral("<old>")},
                                              {QStringLiteral("new_password"), QString()}}
                               << QStringLiteral("new_password")
                               << QStringLiteral("value_error.any_str.min_length");
    QTest::newRow("new over 128")
            << QJsonObject{{QStringLiteral("old_password"), QStringLiteral("<old>")},
                           {QStringLiteral("new_password"), QString(129, QLatin1Char('p'))}}
            << QStringLiteral("new_password") << QStringLiteral("value_error.any_str.max_length");
    QTest::newRow("new missing") << QJsonObject{{QStringLiteral("old_password"),
                                                 QStringLiteral("<old>")}}
                                 << QStringLiteral("new_password")
                                 << QStringLiteral("value_error.missing");
    QTest::newRow("old missing") << QJsonObject{{QStringLiteral("new_password"),
                                                 QStringLiteral("Another-pass-123")}}
                                 << QStringLiteral("old_password")
                                 << QStringLiteral("value_error.missing");
}

void TstApiUsersMe::changePasswordValidation()
{
    QFETCH(QJsonObject, body);
    QFETCH(QString, field);
    QFETCH(QString, type);
    if (body.value(QLatin1String("old_password")).toString() == QLatin1String("<old>"))
        body.insert(QStringLiteral("old_password"), m_operator.password);

    m_client->setBearer(m_operatorToken);
    const auto r = m_client->put(QStringLiteral("/api/v1/users/me/password"), body);
    VMS_VERIFY_VALIDATION(r, (QStringList{QStringLiteral("body"), field}), type);
    VMS_VERIFY_SCHEMA(r);

    // The password is unchanged and the session alive.
    VMS_VERIFY_STATUS(m_client->get(QStringLiteral("/api/v1/users/me")), 200);
    const Session s = login(*m_client, m_operator.email, m_operator.password);
    VMS_VERIFY_STATUS(s.reply, 200);
}

void TstApiUsersMe::changeEmail()
{
    UserAccount user;
    Session session;
    QVERIFY(startAsNewOperator(&user, &session));
    const QString newEmail = uniqueEmail(QStringLiteral("renamed"));
    // Sent with upper-case letters and blanks: stored trimmed and lower-cased.
    const QString sent = QStringLiteral("  ") + newEmail.toUpper() + QStringLiteral(" ");

    const auto r = m_client->put(QStringLiteral("/api/v1/users/me/email"),
                                 QJsonObject{{QStringLiteral("password"), user.password},
                                             {QStringLiteral("email"), sent}});
    VMS_VERIFY_STATUS(r, 200);
    VMS_VERIFY_SCHEMA(r);
    QCOMPARE(r.object().value(QLatin1String("email")).toString(), newEmail);
    QCOMPARE(r.object().value(QLatin1String("id")).toInteger(), user.id);
    QCOMPARE(me().value(QLatin1String("email")).toString(), newEmail);

    // Logins follow the new address.
    const Session withNew = login(*m_client, newEmail, user.password);
    VMS_VERIFY_STATUS(withNew.reply, 200);
    QVERIFY(withNew.isValid());
    const Session withOld = login(*m_client, user.email, user.password);
    VMS_VERIFY_ERROR(withOld.reply, 401, QStringLiteral("token_invalid_credentials"));

    // Setting the address one already has is fine.
    const auto same = m_client->put(QStringLiteral("/api/v1/users/me/email"),
                                    QJsonObject{{QStringLiteral("password"), user.password},
                                                {QStringLiteral("email"), newEmail}});
    VMS_VERIFY_STATUS(same, 200);
    QCOMPARE(same.object().value(QLatin1String("email")).toString(), newEmail);
}

void TstApiUsersMe::changeEmailWrongPassword()
{
    UserAccount user;
    Session session;
    QVERIFY(startAsNewOperator(&user, &session));
    const QString newEmail = uniqueEmail(QStringLiteral("never"));
    const auto r = m_client->put(
            QStringLiteral("/api/v1/users/me/email"),
            QJsonObject{{QStringLiteral("password"), QStringLiteral("not-my-password-123")},
                        {QStringLiteral("email"), newEmail}});
    VMS_VERIFY_ERROR(r, 400, QStringLiteral("invalid_request"));
    QCOMPARE(me().value(QLatin1String("email")).toString(), user.email);
    const Session withNew = login(*m_client, newEmail, user.password);
    VMS_VERIFY_ERROR(withNew.reply, 401, QStringLiteral("token_invalid_credentials"));
    // Clear the failed-login record of 127.0.0.1.
    VMS_VERIFY_STATUS(login(*m_client, user.email, user.password).reply, 200);
}

void TstApiUsersMe::changeEmailInvalid_data()
{
    QTest::addColumn<QString>("email");
    QTest::addColumn<QString>("type"); // empty: any validation type
    QTest::newRow("no at sign") << QStringLiteral("not-an-email")
                                << QStringLiteral("value_error.email");
    QTest::newRow("no domain") << QStringLiteral("user@") << QStringLiteral("value_error.email");
    QTest::newRow("no local part")
            << QStringLiteral("@example.com") << QStringLiteral("value_error.email");
    QTest::newRow("blank inside") << QStringLiteral("a b@example.com")
                                  << QStringLiteral("value_error.email");
    QTest::newRow("two at signs") << QStringLiteral("a@b@example.com")
                                  << QStringLiteral("value_error.email");
    QTest::newRow("empty") << QString() << QString();
    QTest::newRow("over 254") << QString(250, QLatin1Char('a')) + QStringLiteral("@example.com")
                              << QString();
}

void TstApiUsersMe::changeEmailInvalid()
{
    QFETCH(QString, email);
    QFETCH(QString, type);
    m_client->setBearer(m_operatorToken);
    const auto r = m_client->put(QStringLiteral("/api/v1/users/me/email"),
                                 QJsonObject{{QStringLiteral("password"), m_operator.password},
                                             {QStringLiteral("email"), email}});
    VMS_VERIFY_VALIDATION(r, (QStringList{QStringLiteral("body"), QStringLiteral("email")}), type);
    QCOMPARE(me().value(QLatin1String("email")).toString(), m_operator.email);
}

void TstApiUsersMe::changeEmailDuplicate()
{
    UserAccount user;
    Session session;
    QVERIFY(startAsNewOperator(&user, &session));
    // Another user's address, as stored and in other case: both taken.
    for (const QString &taken : {m_server.adminLogin(), m_operator.email.toUpper()}) {
        const auto r = m_client->put(QStringLiteral("/api/v1/users/me/email"),
                                     QJsonObject{{QStringLiteral("password"), user.password},
                                                 {QStringLiteral("email"), taken}});
        VMS_VERIFY_ERROR(r, 400, QStringLiteral("invalid_request"));
    }
    QCOMPARE(me().value(QLatin1String("email")).toString(), user.email);
    // The owners of those addresses still log in as themselves.
    const Session admin = login(*m_client, m_server.adminLogin(), m_server.adminPassword());
    VMS_VERIFY_STATUS(admin.reply, 200);
    const auto adminMe
            = getWithToken(*m_client, QStringLiteral("/api/v1/users/me"), admin.accessToken);
    VMS_VERIFY_STATUS(adminMe, 200);
    QCOMPARE(adminMe.object().value(QLatin1String("is_superuser")).toBool(), true);
}

QTEST_GUILESS_MAIN(TstApiUsersMe)
#include "tst_api_users_me.moc"
