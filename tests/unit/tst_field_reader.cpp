// Unit tests of vms::server::FieldReader and the path/page helpers (server/http/request_reader.h),
// and of the one Error -> HTTP mapping, HttpResponse::fromError (server/http/http_types.h).
#include "server/http/http_types.h"
#include "server/http/request_reader.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTest>

using vms::Error;
using vms::ErrorKind;
using vms::FieldError;
using vms::server::FieldReader;
using vms::server::HttpRequest;
using vms::server::HttpResponse;

Q_DECLARE_METATYPE(ErrorKind)

namespace {

HttpRequest bodyRequest(const QByteArray &body)
{
    HttpRequest r;
    r.method = QStringLiteral("POST");
    r.body = body;
    return r;
}

HttpRequest queryRequest(const QString &query)
{
    HttpRequest r;
    r.method = QStringLiteral("GET");
    r.query = QUrlQuery(query);
    return r;
}

HttpRequest pathRequest(const QStringList &args)
{
    HttpRequest r;
    r.pathArgs = args;
    return r;
}

// "loc|msg|type" of every failure, for compact comparisons.
QStringList failures(const Error &e)
{
    QStringList out;
    for (const FieldError &f : e.fields)
        out.append(f.loc.join(QLatin1Char('/')) + QLatin1Char('|') + f.type);
    return out;
}

QJsonObject jsonOf(const HttpResponse &r)
{
    return QJsonDocument::fromJson(r.body).object();
}

} // namespace

class TestFieldReader : public QObject
{
    Q_OBJECT

private slots:
    // --- body ---------------------------------------------------------------------------------

    void bodyErrors_data()
    {
        QTest::addColumn<QByteArray>("body");
        QTest::addColumn<QStringList>("loc");
        QTest::addColumn<QString>("type");
        QTest::newRow("empty") << QByteArray() << QStringList{QStringLiteral("body")}
                               << QStringLiteral("value_error.missing");
        QTest::newRow("whitespace") << QByteArray(" \n\t ") << QStringList{QStringLiteral("body")}
                                    << QStringLiteral("value_error.missing");
        QTest::newRow("truncated object")
                << QByteArray(R"({"a": 1)")
                << QStringList{QStringLiteral("body"), QStringLiteral("7")}
                << QStringLiteral("value_error.jsondecode");
        // Qt reports the offset just past an unexpected character (Python's json: 0 and 1).
        QTest::newRow("garbage at start")
                << QByteArray("x{}") << QStringList{QStringLiteral("body"), QStringLiteral("1")}
                << QStringLiteral("value_error.jsondecode");
        QTest::newRow("single quotes") << QByteArray("{'a': 1}")
                                       << QStringList{QStringLiteral("body"), QStringLiteral("2")}
                                       << QStringLiteral("value_error.jsondecode");
        QTest::newRow("array") << QByteArray("[1, 2]") << QStringList{QStringLiteral("body")}
                               << QStringLiteral("type_error.dict");
        QTest::newRow("empty array") << QByteArray("[]") << QStringList{QStringLiteral("body")}
                                     << QStringLiteral("type_error.dict");
        QTest::newRow("string") << QByteArray(R"("text")") << QStringList{QStringLiteral("body")}
                                << QStringLiteral("type_error.dict");
        QTest::newRow("number") << QByteArray("1") << QStringList{QStringLiteral("body")}
                                << QStringLiteral("type_error.dict");
        QTest::newRow("null") << QByteArray("null") << QStringList{QStringLiteral("body")}
                              << QStringLiteral("type_error.dict");
    }

    void bodyErrors()
    {
        QFETCH(QByteArray, body);
        QFETCH(QStringList, loc);
        QFETCH(QString, type);
        const FieldReader in = FieldReader::body(bodyRequest(body));
        QVERIFY(!in.isValid());
        const Error e = in.error();
        QCOMPARE(e.kind, ErrorKind::Validation);
        QCOMPARE(e.fields.size(), 1);
        QCOMPARE(e.fields.first().loc, loc);
        QCOMPARE(e.fields.first().type, type);
        QVERIFY(!e.fields.first().msg.isEmpty());
        QVERIFY(in.json().isEmpty());
    }

    void bodyOk()
    {
        const FieldReader in = FieldReader::body(bodyRequest(R"({"a": "b", "n": null})"));
        QVERIFY(in.isValid());
        QCOMPARE(in.json().value(QStringLiteral("a")).toString(), QStringLiteral("b"));
        QVERIFY(in.has(QStringLiteral("a")));
        QVERIFY(!in.has(QStringLiteral("n"))); // null counts as absent
        QVERIFY(!in.has(QStringLiteral("zzz")));
    }

    void requireString_data()
    {
        QTest::addColumn<QByteArray>("body");
        QTest::addColumn<int>("minLen");
        QTest::addColumn<int>("maxLen");
        QTest::addColumn<QString>("value");
        QTest::addColumn<QString>("type"); // empty: valid

        QTest::newRow("ok") << QByteArray(R"({"name":"abc"})") << 1 << 10 << QStringLiteral("abc")
                            << QString();
        QTest::newRow("exactly min")
                << QByteArray(R"({"name":"ab"})") << 2 << 10 << QStringLiteral("ab") << QString();
        QTest::newRow("exactly max") << QByteArray(R"({"name":"abcd"})") << 1 << 4
                                     << QStringLiteral("abcd") << QString();
        QTest::newRow("no max") << QByteArray(R"({"name":"abcdefghijklmnop"})") << 0 << -1
                                << QStringLiteral("abcdefghijklmnop") << QString();
        QTest::newRow("empty allowed")
                << QByteArray(R"({"name":""})") << 0 << 5 << QString() << QString();
        QTest::newRow("missing") << QByteArray(R"({"other":"x"})") << 1 << 10 << QString()
                                 << QStringLiteral("value_error.missing");
        QTest::newRow("null is missing") << QByteArray(R"({"name":null})") << 1 << 10 << QString()
                                         << QStringLiteral("value_error.missing");
        QTest::newRow("too short") << QByteArray(R"({"name":""})") << 1 << 10 << QString()
                                   << QStringLiteral("value_error.any_str.min_length");
        QTest::newRow("too long") << QByteArray(R"({"name":"abcde"})") << 1 << 4 << QString()
                                  << QStringLiteral("value_error.any_str.max_length");
        QTest::newRow("number") << QByteArray(R"({"name":5})") << 0 << -1 << QString()
                                << QStringLiteral("type_error.str");
        QTest::newRow("bool") << QByteArray(R"({"name":true})") << 0 << -1 << QString()
                              << QStringLiteral("type_error.str");
        QTest::newRow("object") << QByteArray(R"({"name":{}})") << 0 << -1 << QString()
                                << QStringLiteral("type_error.str");
        QTest::newRow("array") << QByteArray(R"({"name":["a"]})") << 0 << -1 << QString()
                               << QStringLiteral("type_error.str");
        // Lengths count characters, not UTF-8 bytes.
        QTest::newRow("unicode length") << QByteArray(R"({"name":"ёжик"})") << 4 << 4
                                        << QStringLiteral("ёжик") << QString();
    }

    void requireString()
    {
        QFETCH(QByteArray, body);
        QFETCH(int, minLen);
        QFETCH(int, maxLen);
        QFETCH(QString, value);
        QFETCH(QString, type);
        FieldReader in = FieldReader::body(bodyRequest(body));
        QVERIFY(in.isValid());
        const QString got = in.requireString(QStringLiteral("name"), minLen, maxLen);
        if (type.isEmpty()) {
            QVERIFY(in.isValid());
            QCOMPARE(got, value);
            return;
        }
        QVERIFY(!in.isValid());
        QCOMPARE(failures(in.error()), QStringList{QStringLiteral("body/name|") + type});
        QVERIFY(got.isEmpty());
    }

    void collectsEveryFailure()
    {
        FieldReader in = FieldReader::body(bodyRequest(R"({"a": 1, "c": "toolong"})"));
        in.requireString(QStringLiteral("a"));
        in.requireString(QStringLiteral("b"));
        in.requireString(QStringLiteral("c"), 0, 3);
        in.requireString(QStringLiteral("ok"), 0, 3); // missing too
        QCOMPARE(failures(in.error()),
                 (QStringList{QStringLiteral("body/a|type_error.str"),
                              QStringLiteral("body/b|value_error.missing"),
                              QStringLiteral("body/c|value_error.any_str.max_length"),
                              QStringLiteral("body/ok|value_error.missing")}));
        // And as a 422 response, in the same order.
        const HttpResponse r = HttpResponse::fromError(in.error());
        QCOMPARE(r.status, 422);
        QCOMPARE(jsonOf(r).value(QStringLiteral("detail")).toArray().size(), 4);
    }

    void optStringAbsentIsNotAnError()
    {
        FieldReader in = FieldReader::body(bodyRequest(R"({"x":"y"})"));
        QVERIFY(!in.optString(QStringLiteral("nope"), 1, 2).has_value());
        QVERIFY(in.isValid());
        QCOMPARE(in.optString(QStringLiteral("x"), 1, 2),
                 std::optional<QString>(QStringLiteral("y")));
    }

    // --- integers -----------------------------------------------------------------------------

    void optIntBody_data()
    {
        QTest::addColumn<QByteArray>("body");
        QTest::addColumn<qint64>("value");
        QTest::addColumn<QString>("type"); // empty: valid; "-": absent
        QTest::newRow("int") << QByteArray(R"({"n":42})") << qint64(42) << QString();
        QTest::newRow("negative") << QByteArray(R"({"n":-3})") << qint64(-3) << QString();
        QTest::newRow("zero") << QByteArray(R"({"n":0})") << qint64(0) << QString();
        QTest::newRow("large") << QByteArray(R"({"n":9007199254740991})")
                               << qint64(9007199254740991) << QString();
        QTest::newRow("absent") << QByteArray(R"({"m":1})") << qint64(0) << QStringLiteral("-");
        QTest::newRow("null") << QByteArray(R"({"n":null})") << qint64(0) << QStringLiteral("-");
        QTest::newRow("float") << QByteArray(R"({"n":1.5})") << qint64(0)
                               << QStringLiteral("type_error.integer");
        QTest::newRow("string number")
                << QByteArray(R"({"n":"42"})") << qint64(0) << QStringLiteral("type_error.integer");
        QTest::newRow("true") << QByteArray(R"({"n":true})") << qint64(0)
                              << QStringLiteral("type_error.integer");
        QTest::newRow("false") << QByteArray(R"({"n":false})") << qint64(0)
                               << QStringLiteral("type_error.integer");
        QTest::newRow("array") << QByteArray(R"({"n":[1]})") << qint64(0)
                               << QStringLiteral("type_error.integer");
        QTest::newRow("object") << QByteArray(R"({"n":{}})") << qint64(0)
                                << QStringLiteral("type_error.integer");
        QTest::newRow("huge") << QByteArray(R"({"n":1e300})") << qint64(0)
                              << QStringLiteral("type_error.integer");
    }

    void optIntBody()
    {
        QFETCH(QByteArray, body);
        QFETCH(qint64, value);
        QFETCH(QString, type);
        FieldReader in = FieldReader::body(bodyRequest(body));
        const auto got = in.optInt(QStringLiteral("n"));
        if (type == QLatin1String("-")) {
            QVERIFY(!got.has_value());
            QVERIFY(in.isValid());
        } else if (type.isEmpty()) {
            QCOMPARE(got, std::optional<qint64>(value));
            QVERIFY(in.isValid());
        } else {
            QVERIFY(!got.has_value());
            QCOMPARE(failures(in.error()), QStringList{QStringLiteral("body/n|") + type});
        }
    }

    void optIntQuery_data()
    {
        QTest::addColumn<QString>("query");
        QTest::addColumn<qint64>("value");
        QTest::addColumn<QString>("type");
        QTest::newRow("int") << QStringLiteral("n=42") << qint64(42) << QString();
        QTest::newRow("negative") << QStringLiteral("n=-7") << qint64(-7) << QString();
        QTest::newRow("spaces trimmed") << QStringLiteral("n=%2012%20") << qint64(12) << QString();
        QTest::newRow("absent") << QStringLiteral("m=1") << qint64(0) << QStringLiteral("-");
        QTest::newRow("empty") << QStringLiteral("n=") << qint64(0)
                               << QStringLiteral("type_error.integer");
        QTest::newRow("float") << QStringLiteral("n=1.5") << qint64(0)
                               << QStringLiteral("type_error.integer");
        QTest::newRow("word") << QStringLiteral("n=ten") << qint64(0)
                              << QStringLiteral("type_error.integer");
        QTest::newRow("bool") << QStringLiteral("n=true") << qint64(0)
                              << QStringLiteral("type_error.integer");
        QTest::newRow("hex") << QStringLiteral("n=0x10") << qint64(0)
                             << QStringLiteral("type_error.integer");
        QTest::newRow("overflow") << QStringLiteral("n=99999999999999999999") << qint64(0)
                                  << QStringLiteral("type_error.integer");
    }

    void optIntQuery()
    {
        QFETCH(QString, query);
        QFETCH(qint64, value);
        QFETCH(QString, type);
        FieldReader in = FieldReader::query(queryRequest(query));
        const auto got = in.optInt(QStringLiteral("n"));
        if (type == QLatin1String("-")) {
            QVERIFY(!got.has_value());
            QVERIFY(in.isValid());
        } else if (type.isEmpty()) {
            QCOMPARE(got, std::optional<qint64>(value));
            QVERIFY(in.isValid());
        } else {
            QVERIFY(!got.has_value());
            QCOMPARE(failures(in.error()), QStringList{QStringLiteral("query/n|") + type});
        }
    }

    void intBounds_data()
    {
        QTest::addColumn<QString>("query");
        QTest::addColumn<QString>("type");
        QTest::newRow("at min") << QStringLiteral("n=10") << QString();
        QTest::newRow("at max") << QStringLiteral("n=20") << QString();
        QTest::newRow("below min")
                << QStringLiteral("n=9") << QStringLiteral("value_error.number.not_ge");
        QTest::newRow("above max")
                << QStringLiteral("n=21") << QStringLiteral("value_error.number.not_le");
    }

    void intBounds()
    {
        QFETCH(QString, query);
        QFETCH(QString, type);
        FieldReader in = FieldReader::query(queryRequest(query));
        const auto got = in.optInt(QStringLiteral("n"), 10, 20);
        QCOMPARE(got.has_value(), type.isEmpty());
        if (type.isEmpty()) {
            QVERIFY(in.isValid());
            return;
        }
        QCOMPARE(failures(in.error()), QStringList{QStringLiteral("query/n|") + type});
        // The message names the bound.
        QVERIFY(in.error().fields.first().msg.contains(
                type.endsWith(QLatin1String("ge")) ? QLatin1String("10") : QLatin1String("20")));
    }

    void requireInt()
    {
        FieldReader in = FieldReader::body(bodyRequest(R"({"a":5})"));
        QCOMPARE(in.requireInt(QStringLiteral("a"), 1, 9), qint64(5));
        QVERIFY(in.isValid());
        QCOMPARE(in.requireInt(QStringLiteral("b")), qint64(0));
        QCOMPARE(in.requireInt(QStringLiteral("a"), 6), qint64(0));
        QCOMPARE(failures(in.error()),
                 (QStringList{QStringLiteral("body/b|value_error.missing"),
                              QStringLiteral("body/a|value_error.number.not_ge")}));
    }

    // --- enums and dates ----------------------------------------------------------------------

    void optEnum_data()
    {
        QTest::addColumn<QByteArray>("body");
        QTest::addColumn<QString>("value");
        QTest::addColumn<QString>("type");
        QTest::newRow("allowed") << QByteArray(R"({"e":"asc"})") << QStringLiteral("asc")
                                 << QString();
        QTest::newRow("other allowed")
                << QByteArray(R"({"e":"desc"})") << QStringLiteral("desc") << QString();
        QTest::newRow("absent") << QByteArray(R"({})") << QString() << QStringLiteral("-");
        QTest::newRow("not in set")
                << QByteArray(R"({"e":"up"})") << QString() << QStringLiteral("type_error.enum");
        QTest::newRow("case differs")
                << QByteArray(R"({"e":"ASC"})") << QString() << QStringLiteral("type_error.enum");
        QTest::newRow("empty") << QByteArray(R"({"e":""})") << QString()
                               << QStringLiteral("type_error.enum");
        QTest::newRow("number") << QByteArray(R"({"e":1})") << QString()
                                << QStringLiteral("type_error.str");
    }

    void optEnum()
    {
        QFETCH(QByteArray, body);
        QFETCH(QString, value);
        QFETCH(QString, type);
        FieldReader in = FieldReader::body(bodyRequest(body));
        const auto got
                = in.optEnum(QStringLiteral("e"), {QStringLiteral("asc"), QStringLiteral("desc")});
        if (type == QLatin1String("-")) {
            QVERIFY(!got.has_value());
            QVERIFY(in.isValid());
        } else if (type.isEmpty()) {
            QCOMPARE(got, std::optional<QString>(value));
            QVERIFY(in.isValid());
        } else {
            QVERIFY(!got.has_value());
            QCOMPARE(failures(in.error()), QStringList{QStringLiteral("body/e|") + type});
            if (type == QLatin1String("type_error.enum"))
                QVERIFY(in.error().fields.first().msg.contains(QLatin1String("asc, desc")));
        }
    }

    void optDateTime_data()
    {
        QTest::addColumn<QString>("query");
        QTest::addColumn<qint64>("ms"); // -1: invalid
        const qint64 base
                = QDateTime(QDate(2024, 1, 2), QTime(3, 4, 5), Qt::UTC).toMSecsSinceEpoch();
        QTest::newRow("Z") << QStringLiteral("t=2024-01-02T03:04:05Z") << base;
        QTest::newRow("Z with ms") << QStringLiteral("t=2024-01-02T03:04:05.123Z") << base + 123;
        QTest::newRow("positive offset, encoded +")
                << QStringLiteral("t=2024-01-02T06:04:05%2B03:00") << base;
        QTest::newRow("positive offset, literal +")
                << QStringLiteral("t=2024-01-02T06:04:05+03:00") << base;
        QTest::newRow("negative offset") << QStringLiteral("t=2024-01-01T22:04:05-05:00") << base;
        QTest::newRow("no offset is UTC") << QStringLiteral("t=2024-01-02T03:04:05") << base;
        QTest::newRow("no offset with ms")
                << QStringLiteral("t=2024-01-02T03:04:05.5") << base + 500;
        QTest::newRow("garbage") << QStringLiteral("t=yesterday") << qint64(-1);
        QTest::newRow("empty") << QStringLiteral("t=") << qint64(-1);
        QTest::newRow("bad month") << QStringLiteral("t=2024-13-02T03:04:05Z") << qint64(-1);
        QTest::newRow("bad day") << QStringLiteral("t=2024-02-30T03:04:05Z") << qint64(-1);
        QTest::newRow("epoch number") << QStringLiteral("t=1704164645") << qint64(-1);
    }

    void optDateTime()
    {
        QFETCH(QString, query);
        QFETCH(qint64, ms);
        FieldReader in = FieldReader::query(queryRequest(query));
        const auto got = in.optDateTime(QStringLiteral("t"));
        if (ms < 0) {
            QVERIFY(!got.has_value());
            QCOMPARE(failures(in.error()),
                     QStringList{QStringLiteral("query/t|value_error.datetime")});
            return;
        }
        QVERIFY(in.isValid());
        QCOMPARE(got, std::optional<qint64>(ms));
    }

    void optDateTimeAbsent()
    {
        FieldReader in = FieldReader::query(queryRequest(QStringLiteral("x=1")));
        QVERIFY(!in.optDateTime(QStringLiteral("t")).has_value());
        QVERIFY(in.isValid());
    }

    // --- repeated keys ------------------------------------------------------------------------

    void intList_data()
    {
        QTest::addColumn<QString>("query");
        QTest::addColumn<QList<qint64>>("values");
        QTest::addColumn<int>("errors");
        QTest::newRow("none") << QStringLiteral("other=1") << QList<qint64>() << 0;
        QTest::newRow("one") << QStringLiteral("id=5") << QList<qint64>{5} << 0;
        QTest::newRow("repeated") << QStringLiteral("id=5&id=7&other=x&id=9")
                                  << QList<qint64>{5, 7, 9} << 0;
        QTest::newRow("duplicates kept") << QStringLiteral("id=1&id=1") << QList<qint64>{1, 1} << 0;
        QTest::newRow("one bad") << QStringLiteral("id=5&id=x&id=6") << QList<qint64>{5, 6} << 1;
        QTest::newRow("all bad") << QStringLiteral("id=a&id=1.5") << QList<qint64>() << 2;
    }

    void intList()
    {
        QFETCH(QString, query);
        QFETCH(QList<qint64>, values);
        QFETCH(int, errors);
        FieldReader in = FieldReader::query(queryRequest(query));
        QCOMPARE(in.intList(QStringLiteral("id")), values);
        QCOMPARE(in.error().fields.size(), errors);
        for (const FieldError &f : in.error().fields) {
            QCOMPARE(f.loc, (QStringList{QStringLiteral("query"), QStringLiteral("id")}));
            QCOMPARE(f.type, QStringLiteral("type_error.integer"));
        }
    }

    void enumList_data()
    {
        QTest::addColumn<QString>("query");
        QTest::addColumn<QStringList>("values");
        QTest::addColumn<int>("errors");
        QTest::newRow("none") << QString() << QStringList() << 0;
        QTest::newRow("repeated") << QStringLiteral("a=user_login&a=user_logout")
                                  << QStringList{QStringLiteral("user_login"),
                                                 QStringLiteral("user_logout")}
                                  << 0;
        QTest::newRow("one unknown") << QStringLiteral("a=user_login&a=nope")
                                     << QStringList{QStringLiteral("user_login")} << 1;
        QTest::newRow("case differs") << QStringLiteral("a=USER_LOGIN") << QStringList() << 1;
    }

    void enumList()
    {
        QFETCH(QString, query);
        QFETCH(QStringList, values);
        QFETCH(int, errors);
        FieldReader in = FieldReader::query(queryRequest(query));
        QCOMPARE(in.enumList(QStringLiteral("a"),
                             {QStringLiteral("user_login"), QStringLiteral("user_logout")}),
                 values);
        QCOMPARE(in.error().fields.size(), errors);
        for (const FieldError &f : in.error().fields)
            QCOMPARE(f.type, QStringLiteral("type_error.enum"));
    }

    // --- forms --------------------------------------------------------------------------------

    void formDecoding_data()
    {
        QTest::addColumn<QByteArray>("body");
        QTest::addColumn<QString>("username");
        QTest::addColumn<QString>("password");
        QTest::newRow("plain") << QByteArray("username=a%40b.c&password=secret")
                               << QStringLiteral("a@b.c") << QStringLiteral("secret");
        QTest::newRow("plus is space") << QByteArray("username=john+doe&password=a+b+c")
                                       << QStringLiteral("john doe") << QStringLiteral("a b c");
        QTest::newRow("%2B is plus") << QByteArray("username=u&password=p%2Bq%2B%2B")
                                     << QStringLiteral("u") << QStringLiteral("p+q++");
        QTest::newRow("%20 is space") << QByteArray("username=u&password=p%20q")
                                      << QStringLiteral("u") << QStringLiteral("p q");
        QTest::newRow("encoded delimiters") << QByteArray("username=u&password=a%26b%3Dc%25d")
                                            << QStringLiteral("u") << QStringLiteral("a&b=c%d");
        QTest::newRow("utf-8") << QByteArray("username=%D1%91%D0%B6&password=x")
                               << QStringLiteral("ёж") << QStringLiteral("x");
        QTest::newRow("order free") << QByteArray("password=p&grant_type=password&username=u")
                                    << QStringLiteral("u") << QStringLiteral("p");
    }

    void formDecoding()
    {
        QFETCH(QByteArray, body);
        QFETCH(QString, username);
        QFETCH(QString, password);
        FieldReader in = FieldReader::form(bodyRequest(body));
        QCOMPARE(in.requireString(QStringLiteral("username")), username);
        QCOMPARE(in.requireString(QStringLiteral("password")), password);
        QVERIFY(in.isValid());
    }

    void formMissingField()
    {
        FieldReader in = FieldReader::form(bodyRequest("username=u"));
        in.requireString(QStringLiteral("username"), 1);
        in.requireString(QStringLiteral("password"), 1);
        QCOMPARE(failures(in.error()),
                 QStringList{QStringLiteral("body/password|value_error.missing")});
        FieldReader empty = FieldReader::form(bodyRequest("username=&password=p"));
        empty.requireString(QStringLiteral("username"), 1);
        QCOMPARE(failures(empty.error()),
                 QStringList{QStringLiteral("body/username|value_error.any_str.min_length")});
    }

    // --- path and paging ----------------------------------------------------------------------

    void pathInt_data()
    {
        QTest::addColumn<QStringList>("args");
        QTest::addColumn<int>("index");
        QTest::addColumn<bool>("isValid");
        QTest::addColumn<qint64>("value");
        QTest::newRow("first") << QStringList{QStringLiteral("12"), QStringLiteral("x")} << 0
                               << true << qint64(12);
        QTest::newRow("second") << QStringList{QStringLiteral("x"), QStringLiteral("34")} << 1
                                << true << qint64(34);
        QTest::newRow("word") << QStringList{QStringLiteral("me")} << 0 << false << qint64(0);
        QTest::newRow("float") << QStringList{QStringLiteral("1.0")} << 0 << false << qint64(0);
        QTest::newRow("empty") << QStringList{QString()} << 0 << false << qint64(0);
        QTest::newRow("out of range index")
                << QStringList{QStringLiteral("1")} << 3 << false << qint64(0);
        QTest::newRow("overflow") << QStringList{QStringLiteral("99999999999999999999")} << 0
                                  << false << qint64(0);
    }

    void pathInt()
    {
        QFETCH(QStringList, args);
        QFETCH(int, index);
        QFETCH(bool, isValid);
        QFETCH(qint64, value);
        const auto r = vms::server::pathInt(pathRequest(args), index, QStringLiteral("user_id"));
        QCOMPARE(r.hasValue(), isValid);
        if (isValid) {
            QCOMPARE(*r, value);
            return;
        }
        QCOMPARE(r.error().kind, ErrorKind::Validation);
        QCOMPARE(failures(r.error()),
                 QStringList{QStringLiteral("path/user_id|type_error.integer")});
        // A malformed id is a 422, never a 404.
        QCOMPARE(HttpResponse::fromError(r.error()).status, 422);
    }

    void pathUuid_data()
    {
        QTest::addColumn<QString>("arg");
        QTest::addColumn<QString>("normalized"); // empty: invalid
        QTest::newRow("lower") << QStringLiteral("3f2a1c4e-5b6d-4e7f-8a9b-0c1d2e3f4a5b")
                               << QStringLiteral("3f2a1c4e-5b6d-4e7f-8a9b-0c1d2e3f4a5b");
        QTest::newRow("upper is lowered") << QStringLiteral("3F2A1C4E-5B6D-4E7F-8A9B-0C1D2E3F4A5B")
                                          << QStringLiteral("3f2a1c4e-5b6d-4e7f-8a9b-0c1d2e3f4a5b");
        QTest::newRow("braces") << QStringLiteral("{3f2a1c4e-5b6d-4e7f-8a9b-0c1d2e3f4a5b}")
                                << QString();
        QTest::newRow("no dashes")
                << QStringLiteral("3f2a1c4e5b6d4e7f8a9b0c1d2e3f4a5b") << QString();
        QTest::newRow("nil uuid") << QStringLiteral("00000000-0000-0000-0000-000000000000")
                                  << QString();
        QTest::newRow("not hex") << QStringLiteral("zf2a1c4e-5b6d-4e7f-8a9b-0c1d2e3f4a5b")
                                 << QString();
        QTest::newRow("short") << QStringLiteral("3f2a1c4e-5b6d-4e7f-8a9b") << QString();
        QTest::newRow("empty") << QString() << QString();
    }

    void pathUuid()
    {
        QFETCH(QString, arg);
        QFETCH(QString, normalized);
        const auto r = vms::server::pathUuid(pathRequest({arg}), 0, QStringLiteral("id"));
        QCOMPARE(r.hasValue(), !normalized.isEmpty());
        if (r.hasValue()) {
            QCOMPARE(*r, normalized);
            return;
        }
        QCOMPARE(failures(r.error()), QStringList{QStringLiteral("path/id|type_error.uuid")});
    }

    void readPage_data()
    {
        QTest::addColumn<QString>("query");
        QTest::addColumn<int>("limit");
        QTest::addColumn<QString>("cursor"); // empty: none
        QTest::addColumn<QStringList>("errors");
        QTest::newRow("defaults") << QString() << 100 << QString() << QStringList();
        QTest::newRow("min") << QStringLiteral("limit=10") << 10 << QString() << QStringList();
        QTest::newRow("max") << QStringLiteral("limit=1000") << 1000 << QString() << QStringList();
        QTest::newRow("cursor") << QStringLiteral("cursor=abc&limit=50") << 50
                                << QStringLiteral("abc") << QStringList();
        QTest::newRow("below min")
                << QStringLiteral("limit=9") << 100 << QString()
                << QStringList{QStringLiteral("query/limit|value_error.number.not_ge")};
        QTest::newRow("above max")
                << QStringLiteral("limit=1001") << 100 << QString()
                << QStringList{QStringLiteral("query/limit|value_error.number.not_le")};
        QTest::newRow("not a number")
                << QStringLiteral("limit=ten") << 100 << QString()
                << QStringList{QStringLiteral("query/limit|type_error.integer")};
        QTest::newRow("empty cursor")
                << QStringLiteral("cursor=") << 100 << QString()
                << QStringList{QStringLiteral("query/cursor|value_error.any_str.min_length")};
        QTest::newRow("cursor too long")
                << (QStringLiteral("cursor=") + QString(513, QLatin1Char('c'))) << 100 << QString()
                << QStringList{QStringLiteral("query/cursor|value_error.any_str.max_length")};
        QTest::newRow("both bad")
                << QStringLiteral("cursor=&limit=0") << 100 << QString()
                << QStringList{QStringLiteral("query/cursor|value_error.any_str.min_length"),
                               QStringLiteral("query/limit|value_error.number.not_ge")};
    }

    void readPage()
    {
        QFETCH(QString, query);
        QFETCH(int, limit);
        QFETCH(QString, cursor);
        QFETCH(QStringList, errors);
        FieldReader in = FieldReader::query(queryRequest(query));
        const vms::server::PageParams p = vms::server::readPage(in);
        QCOMPARE(p.limit, limit);
        QCOMPARE(p.cursor.has_value(), !cursor.isEmpty());
        if (p.cursor)
            QCOMPARE(*p.cursor, cursor);
        QCOMPARE(failures(in.error()), errors);
    }

    // --- HttpResponse::fromError --------------------------------------------------------------

    void fromError_data()
    {
        QTest::addColumn<ErrorKind>("kind");
        QTest::addColumn<int>("status");
        QTest::addColumn<QString>("statusText");
        QTest::newRow("InvalidArgument")
                << ErrorKind::InvalidArgument << 400 << QStringLiteral("invalid_request");
        QTest::newRow("Unauthenticated")
                << ErrorKind::Unauthenticated << 401 << QStringLiteral("not_authenticated");
        QTest::newRow("PermissionDenied")
                << ErrorKind::PermissionDenied << 403 << QStringLiteral("unauthorized");
        QTest::newRow("NotFound") << ErrorKind::NotFound << 404 << QStringLiteral("not_found");
        QTest::newRow("MethodNotAllowed")
                << ErrorKind::MethodNotAllowed << 405 << QStringLiteral("method_not_allowed");
        QTest::newRow("Conflict") << ErrorKind::Conflict << 409 << QStringLiteral("conflict");
        QTest::newRow("PayloadTooLarge")
                << ErrorKind::PayloadTooLarge << 413 << QStringLiteral("payload_too_large");
        QTest::newRow("TooManyRequests")
                << ErrorKind::TooManyRequests << 429 << QStringLiteral("too_many_requests");
        QTest::newRow("Unavailable")
                << ErrorKind::Unavailable << 503 << QStringLiteral("temporarily_unavailable");
        QTest::newRow("Timeout") << ErrorKind::Timeout << 503
                                 << QStringLiteral("temporarily_unavailable");
        QTest::newRow("Internal") << ErrorKind::Internal << 500 << QStringLiteral("internal_error");
    }

    void fromError()
    {
        QFETCH(ErrorKind, kind);
        QFETCH(int, status);
        QFETCH(QString, statusText);
        const QString secret
                = QStringLiteral("SQL: SELECT password_hash FROM users (secret detail)");
        const Error e{kind, secret, {}, {}};
        const HttpResponse r = HttpResponse::fromError(e);
        QCOMPARE(r.status, status);
        QCOMPARE(r.contentType, QByteArray("application/json"));
        QJsonParseError perr;
        const QJsonDocument doc = QJsonDocument::fromJson(r.body, &perr);
        QCOMPARE(perr.error, QJsonParseError::NoError);
        QVERIFY(doc.isObject());
        const QJsonObject o = doc.object();
        QCOMPARE(o.keys(), (QStringList{QStringLiteral("detail"), QStringLiteral("status"),
                                        QStringLiteral("status_code")}));
        QCOMPARE(o.value(QStringLiteral("status")).toString(), statusText);
        QCOMPARE(o.value(QStringLiteral("status_code")).toInt(), status);
        if (kind == ErrorKind::Internal) {
            QCOMPARE(o.value(QStringLiteral("detail")).toString(),
                     QStringLiteral("Internal server error"));
            QVERIFY(!r.body.contains("secret"));
            QVERIFY(!r.body.contains("password_hash"));
        } else {
            QCOMPARE(o.value(QStringLiteral("detail")).toString(), secret);
        }
        bool hasChallenge = false;
        for (const auto &h : r.headers) {
            if (h.first.compare("WWW-Authenticate", Qt::CaseInsensitive) == 0) {
                hasChallenge = true;
                QCOMPARE(h.second, QByteArray("Bearer"));
            }
        }
        QCOMPARE(hasChallenge, kind == ErrorKind::Unauthenticated);
    }

    void fromErrorStatusOverride()
    {
        // A seed-specific status string replaces the default, and a 401 with one (the token
        // route's bad credentials) is not a bearer challenge.
        const Error e = Error::unauthenticated(QStringLiteral("Invalid credentials were provided"),
                                               QStringLiteral("token_invalid_credentials"));
        const HttpResponse r = HttpResponse::fromError(e);
        QCOMPARE(r.status, 401);
        const QJsonObject o = jsonOf(r);
        QCOMPARE(o.value(QStringLiteral("status")).toString(),
                 QStringLiteral("token_invalid_credentials"));
        QCOMPARE(o.value(QStringLiteral("detail")).toString(),
                 QStringLiteral("Invalid credentials were provided"));
        for (const auto &h : r.headers)
            QVERIFY(h.first.compare("WWW-Authenticate", Qt::CaseInsensitive) != 0);

        const HttpResponse bad = HttpResponse::fromError(Error::invalid(
                QStringLiteral("Invalid refresh token"), QStringLiteral("token_refresh_error")));
        QCOMPARE(bad.status, 400);
        QCOMPARE(jsonOf(bad).value(QStringLiteral("status")).toString(),
                 QStringLiteral("token_refresh_error"));
    }

    void fromErrorValidation()
    {
        Error e = Error::validation({QStringLiteral("body"), QStringLiteral("email")},
                                    QStringLiteral("value is not a valid email address"),
                                    QStringLiteral("value_error.email"));
        e.fields.append({{QStringLiteral("query"), QStringLiteral("limit")},
                         QStringLiteral("ensure this value is greater than or equal to 10"),
                         QStringLiteral("value_error.number.not_ge")});
        const HttpResponse r = HttpResponse::fromError(e);
        QCOMPARE(r.status, 422);
        const QJsonObject o = jsonOf(r);
        QCOMPARE(o.keys(), QStringList{QStringLiteral("detail")});
        const QJsonArray detail = o.value(QStringLiteral("detail")).toArray();
        QCOMPARE(detail.size(), 2);
        const QJsonObject first = detail.at(0).toObject();
        QCOMPARE(first.keys(), (QStringList{QStringLiteral("loc"), QStringLiteral("msg"),
                                            QStringLiteral("type")}));
        QCOMPARE(first.value(QStringLiteral("loc")).toArray(),
                 (QJsonArray{QStringLiteral("body"), QStringLiteral("email")}));
        QCOMPARE(first.value(QStringLiteral("msg")).toString(),
                 QStringLiteral("value is not a valid email address"));
        QCOMPARE(first.value(QStringLiteral("type")).toString(),
                 QStringLiteral("value_error.email"));
        QCOMPARE(detail.at(1).toObject().value(QStringLiteral("loc")).toArray(),
                 (QJsonArray{QStringLiteral("query"), QStringLiteral("limit")}));
        QVERIFY(r.headers.isEmpty());
    }

    void fromErrorJsonDecodeLocIsString()
    {
        // loc is ["body", <offset of the error>]; FastAPI sends the offset as a number, this
        // server as a string: either form is accepted here.
        const FieldReader in = FieldReader::body(bodyRequest("[1,}"));
        const QJsonArray detail = jsonOf(HttpResponse::fromError(in.error()))
                                          .value(QStringLiteral("detail"))
                                          .toArray();
        QCOMPARE(detail.size(), 1);
        const QJsonArray loc = detail.at(0).toObject().value(QStringLiteral("loc")).toArray();
        QCOMPARE(loc.size(), 2);
        QCOMPARE(loc.at(0).toString(), QStringLiteral("body"));
        QCOMPARE(loc.at(1).toVariant().toString(), QStringLiteral("4"));
    }
};

QTEST_GUILESS_MAIN(TestFieldReader)
#include "tst_field_reader.moc"
