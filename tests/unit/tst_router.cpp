// Unit tests of vms::server::Router (server/http/router.h): template matching, literal
// precedence, captured arguments and the 405 list.
#include "server/http/router.h"

#include <QTest>

using vms::server::Access;
using vms::server::HttpReply;
using vms::server::HttpRequest;
using vms::server::HttpResponse;
using vms::server::Router;

namespace {

// Every route answers with its own tag, so a match can be traced to the route that won.
vms::server::Handler tagged(const QString &tag)
{
    return [tag](HttpRequest &) -> HttpReply {
        HttpResponse r;
        r.body = tag.toUtf8();
        return r;
    };
}

QString tagOf(const Router::Match &m)
{
    if (!m.route)
        return QStringLiteral("<none>");
    HttpRequest req;
    HttpReply reply = m.route->handler(req);
    return QString::fromUtf8(reply.response().body);
}

Router makeRouter()
{
    Router r;
    // Registration order deliberately puts placeholders before literals.
    r.add(QStringLiteral("GET"), QStringLiteral("/api/v1/users/{user_id}"),
          Access::need(QStringLiteral("user_read")), tagged(QStringLiteral("user")));
    r.add(QStringLiteral("GET"), QStringLiteral("/api/v1/users/me"), Access::authenticated(),
          tagged(QStringLiteral("me")));
    r.add(QStringLiteral("PUT"), QStringLiteral("/api/v1/users/me"), Access::authenticated(),
          tagged(QStringLiteral("me-put")));
    r.add(QStringLiteral("DELETE"), QStringLiteral("/api/v1/users/{user_id}"),
          Access::need(QStringLiteral("user_delete")), tagged(QStringLiteral("user-delete")));
    r.add(QStringLiteral("GET"), QStringLiteral("/api/v1/users"),
          Access::need(QStringLiteral("user_read")), tagged(QStringLiteral("users")));
    r.add(QStringLiteral("POST"), QStringLiteral("/api/v1/users"),
          Access::need(QStringLiteral("user_create")), tagged(QStringLiteral("users-post")));
    r.add(QStringLiteral("GET"), QStringLiteral("/api/v1/users/{user_id}/groups/{group_id}"),
          Access::authenticated(), tagged(QStringLiteral("user-group")));
    r.add(QStringLiteral("GET"), QStringLiteral("/api/v1/{kind}/me/groups/{group_id}"),
          Access::authenticated(), tagged(QStringLiteral("kind-me-group")));
    r.add(QStringLiteral("POST"), QStringLiteral("/api/v1/token"), Access::open(),
          tagged(QStringLiteral("token")));
    r.add(QStringLiteral("GET"), QStringLiteral("/"), Access::open(),
          tagged(QStringLiteral("root")));
    return r;
}

} // namespace

class TestRouter : public QObject
{
    Q_OBJECT

private slots:
    void match_data()
    {
        QTest::addColumn<QString>("method");
        QTest::addColumn<QString>("path");
        QTest::addColumn<QString>("tag");
        QTest::addColumn<QStringList>("args");

        QTest::newRow("literal beats placeholder")
                << QStringLiteral("GET") << QStringLiteral("/api/v1/users/me")
                << QStringLiteral("me") << QStringList();
        QTest::newRow("placeholder captures")
                << QStringLiteral("GET") << QStringLiteral("/api/v1/users/42")
                << QStringLiteral("user") << QStringList{QStringLiteral("42")};
        QTest::newRow("placeholder takes anything")
                << QStringLiteral("GET") << QStringLiteral("/api/v1/users/not-a-number")
                << QStringLiteral("user") << QStringList{QStringLiteral("not-a-number")};
        QTest::newRow("literal of another method")
                << QStringLiteral("PUT") << QStringLiteral("/api/v1/users/me")
                << QStringLiteral("me-put") << QStringList();
        // DELETE exists only on the template, so "me" is taken as an id there.
        QTest::newRow("method only on the placeholder route")
                << QStringLiteral("DELETE") << QStringLiteral("/api/v1/users/me")
                << QStringLiteral("user-delete") << QStringList{QStringLiteral("me")};
        QTest::newRow("collection") << QStringLiteral("GET") << QStringLiteral("/api/v1/users")
                                    << QStringLiteral("users") << QStringList();
        QTest::newRow("collection post")
                << QStringLiteral("POST") << QStringLiteral("/api/v1/users")
                << QStringLiteral("users-post") << QStringList();
        QTest::newRow("two args in order")
                << QStringLiteral("GET") << QStringLiteral("/api/v1/users/7/groups/9")
                << QStringLiteral("user-group")
                << QStringList{QStringLiteral("7"), QStringLiteral("9")};
        // An earlier literal outweighs a later one: users/{id}/groups beats {kind}/me/groups.
        QTest::newRow("earlier literal weighs more")
                << QStringLiteral("GET") << QStringLiteral("/api/v1/users/me/groups/3")
                << QStringLiteral("user-group")
                << QStringList{QStringLiteral("me"), QStringLiteral("3")};
        QTest::newRow("other kind")
                << QStringLiteral("GET") << QStringLiteral("/api/v1/places/me/groups/3")
                << QStringLiteral("kind-me-group")
                << QStringList{QStringLiteral("places"), QStringLiteral("3")};
        QTest::newRow("root") << QStringLiteral("GET") << QStringLiteral("/")
                              << QStringLiteral("root") << QStringList();
        // Empty segments are ignored, so a trailing slash (or a doubled one) reaches the same
        // route; it is not a redirect and not a 404.
        QTest::newRow("trailing slash")
                << QStringLiteral("GET") << QStringLiteral("/api/v1/users/me/")
                << QStringLiteral("me") << QStringList();
        QTest::newRow("trailing slash on template")
                << QStringLiteral("GET") << QStringLiteral("/api/v1/users/5/")
                << QStringLiteral("user") << QStringList{QStringLiteral("5")};
        QTest::newRow("double slash")
                << QStringLiteral("GET") << QStringLiteral("/api//v1/users/me")
                << QStringLiteral("me") << QStringList();
        QTest::newRow("collection trailing slash")
                << QStringLiteral("GET") << QStringLiteral("/api/v1/users/")
                << QStringLiteral("users") << QStringList();
    }

    void match()
    {
        QFETCH(QString, method);
        QFETCH(QString, path);
        QFETCH(QString, tag);
        QFETCH(QStringList, args);
        const Router router = makeRouter();
        const Router::Match m = router.match(method, path);
        QVERIFY2(m.route, qPrintable(path));
        QCOMPARE(tagOf(m), tag);
        QCOMPARE(m.args, args);
        QCOMPARE(m.route->method, method);
        QVERIFY(m.allowedMethods.isEmpty());
    }

    void routeKeepsAccess()
    {
        const Router router = makeRouter();
        const auto me = router.match(QStringLiteral("GET"), QStringLiteral("/api/v1/users/me"));
        QVERIFY(me.route);
        QCOMPARE(me.route->access.isPublic, false);
        QCOMPARE(me.route->access.permission, QString());
        const auto user = router.match(QStringLiteral("GET"), QStringLiteral("/api/v1/users/1"));
        QVERIFY(user.route);
        QCOMPARE(user.route->access.permission, QStringLiteral("user_read"));
        const auto token = router.match(QStringLiteral("POST"), QStringLiteral("/api/v1/token"));
        QVERIFY(token.route);
        QCOMPARE(token.route->access.isPublic, true);
        QCOMPARE(token.route->segments, (QStringList{QStringLiteral("api"), QStringLiteral("v1"),
                                                     QStringLiteral("token")}));
    }

    void methodNotAllowed_data()
    {
        QTest::addColumn<QString>("method");
        QTest::addColumn<QString>("path");
        QTest::addColumn<QStringList>("allowed");
        QTest::newRow("token GET") << QStringLiteral("GET") << QStringLiteral("/api/v1/token")
                                   << QStringList{QStringLiteral("POST")};
        QTest::newRow("users DELETE") << QStringLiteral("DELETE") << QStringLiteral("/api/v1/users")
                                      << QStringList{QStringLiteral("GET"), QStringLiteral("POST")};
        // Both the literal and the template match the path: their methods are merged, once each.
        QTest::newRow("me POST") << QStringLiteral("POST") << QStringLiteral("/api/v1/users/me")
                                 << QStringList{QStringLiteral("GET"), QStringLiteral("PUT"),
                                                QStringLiteral("DELETE")};
        QTest::newRow("id PUT") << QStringLiteral("PUT") << QStringLiteral("/api/v1/users/12")
                                << QStringList{QStringLiteral("GET"), QStringLiteral("DELETE")};
        QTest::newRow("root POST") << QStringLiteral("POST") << QStringLiteral("/")
                                   << QStringList{QStringLiteral("GET")};
        QTest::newRow("empty path POST")
                << QStringLiteral("POST") << QString() << QStringList{QStringLiteral("GET")};
        QTest::newRow("methods are case-sensitive")
                << QStringLiteral("get") << QStringLiteral("/api/v1/token")
                << QStringList{QStringLiteral("POST")};
    }

    void methodNotAllowed()
    {
        QFETCH(QString, method);
        QFETCH(QString, path);
        QFETCH(QStringList, allowed);
        const Router router = makeRouter();
        const Router::Match m = router.match(method, path);
        QVERIFY(!m.route);
        QStringList got = m.allowedMethods;
        got.sort();
        allowed.sort();
        QCOMPARE(got, allowed);
    }

    void noMatch_data()
    {
        QTest::addColumn<QString>("method");
        QTest::addColumn<QString>("path");
        QTest::newRow("unknown path") << QStringLiteral("GET") << QStringLiteral("/api/v1/cameras");
        QTest::newRow("too many segments")
                << QStringLiteral("GET") << QStringLiteral("/api/v1/users/1/groups");
        QTest::newRow("too few segments") << QStringLiteral("GET") << QStringLiteral("/api/v1");
        QTest::newRow("one more than template")
                << QStringLiteral("GET") << QStringLiteral("/api/v1/users/1/groups/2/x");
        QTest::newRow("literal mismatch")
                << QStringLiteral("GET") << QStringLiteral("/api/v2/users/me");
        QTest::newRow("case differs") << QStringLiteral("GET") << QStringLiteral("/API/v1/users");
        QTest::newRow("prefix only") << QStringLiteral("POST") << QStringLiteral("/api/v1/tokens");
    }

    void noMatch()
    {
        QFETCH(QString, method);
        QFETCH(QString, path);
        const Router router = makeRouter();
        const Router::Match m = router.match(method, path);
        QVERIFY(!m.route);
        QVERIFY(m.args.isEmpty());
        // No method list either: this is a 404, not a 405.
        QVERIFY(m.allowedMethods.isEmpty());
    }

    void emptyRouter()
    {
        const Router router;
        const auto m = router.match(QStringLiteral("GET"), QStringLiteral("/anything"));
        QVERIFY(!m.route);
        QVERIFY(m.allowedMethods.isEmpty());
    }

    void firstOfEqualRoutesWins()
    {
        // Two identical templates: the earlier registration keeps the match (no silent swap).
        Router r;
        r.add(QStringLiteral("GET"), QStringLiteral("/a/{x}"), Access::open(),
              tagged(QStringLiteral("first")));
        r.add(QStringLiteral("GET"), QStringLiteral("/a/{y}"), Access::open(),
              tagged(QStringLiteral("second")));
        const auto m = r.match(QStringLiteral("GET"), QStringLiteral("/a/1"));
        QCOMPARE(tagOf(m), QStringLiteral("first"));
    }
};

QTEST_GUILESS_MAIN(TestRouter)
#include "tst_router.moc"
