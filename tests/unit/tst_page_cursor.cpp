// Unit tests of vms::storage::PageCursor (core/storage/page_cursor.h).
#include "core/storage/page_cursor.h"

#include <QRegularExpression>
#include <QTest>

#include <limits>

using vms::storage::PageCursor;

namespace {

QString encodeRaw(const QByteArray &raw)
{
    return QString::fromLatin1(
            raw.toBase64(QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals));
}

} // namespace

class TestPageCursor : public QObject
{
    Q_OBJECT

private slots:
    void roundTrip_data()
    {
        QTest::addColumn<qint64>("key");
        QTest::addColumn<QString>("id");
        QTest::newRow("typical") << qint64(1'767'225'600'123)
                                 << QStringLiteral("3f2a1c4e-5b6d-4e7f-8a9b-0c1d2e3f4a5b");
        QTest::newRow("zero key") << qint64(0) << QStringLiteral("a");
        QTest::newRow("negative key") << qint64(-5) << QStringLiteral("x");
        QTest::newRow("max key") << std::numeric_limits<qint64>::max() << QStringLiteral("id");
        QTest::newRow("min key") << std::numeric_limits<qint64>::min() << QStringLiteral("id");
        QTest::newRow("unicode id") << qint64(7) << QStringLiteral("идентификатор");
        QTest::newRow("quotes in id") << qint64(7) << QStringLiteral("a\"b\\c");
    }

    void roundTrip()
    {
        QFETCH(qint64, key);
        QFETCH(QString, id);
        const PageCursor in{key, id};
        const QString text = in.encode();
        static const QRegularExpression urlSafe(QStringLiteral("^[A-Za-z0-9_-]+$"));
        QVERIFY2(urlSafe.match(text).hasMatch(), qPrintable(text));
        const auto back = PageCursor::decode(text);
        QVERIFY(back.has_value());
        QCOMPARE(back->key, key);
        QCOMPARE(back->id, id);
    }

    void encodingDiffers()
    {
        const QString a1 = PageCursor{1, QStringLiteral("a")}.encode();
        QVERIFY(a1 != (PageCursor{2, QStringLiteral("a")}.encode()));
        QVERIFY(a1 != (PageCursor{1, QStringLiteral("b")}.encode()));
    }

    void rejects_data()
    {
        QTest::addColumn<QString>("text");
        QTest::newRow("empty") << QString();
        QTest::newRow("garbage") << QStringLiteral("not a cursor!");
        QTest::newRow("standard base64 chars") << QStringLiteral("ab+/cd==");
        QTest::newRow("oversized") << QString(513, QLatin1Char('A'));
        {
            // A valid cursor padded past the size limit by a long id.
            const PageCursor big{1, QString(600, QLatin1Char('i'))};
            const QString longValid = big.encode();
            QVERIFY(longValid.size() > 512);
            QTest::newRow("valid but oversized") << longValid;
        }
        QTest::newRow("invalid JSON") << encodeRaw("[\"1\", \"a\"");
        QTest::newRow("not JSON") << encodeRaw("hello");
        QTest::newRow("object") << encodeRaw(R"({"key":"1","id":"a"})");
        QTest::newRow("empty array") << encodeRaw("[]");
        QTest::newRow("one element") << encodeRaw(R"(["1"])");
        QTest::newRow("three elements") << encodeRaw(R"(["1","a","b"])");
        QTest::newRow("numeric key") << encodeRaw(R"([1,"a"])");
        QTest::newRow("key not a number") << encodeRaw(R"(["one","a"])");
        QTest::newRow("key float") << encodeRaw(R"(["1.5","a"])");
        QTest::newRow("key overflow") << encodeRaw(R"(["99999999999999999999","a"])");
        QTest::newRow("empty id") << encodeRaw(R"(["1",""])");
        QTest::newRow("id not a string") << encodeRaw(R"(["1",7])");
        QTest::newRow("null id") << encodeRaw(R"(["1",null])");
        QTest::newRow("scalar") << encodeRaw("\"1\"");
    }

    void rejects()
    {
        QFETCH(QString, text);
        QVERIFY(!PageCursor::decode(text).has_value());
    }

    void acceptsHandMadeCursor()
    {
        // Control for the rejection table: the same encoding of a well-formed array decodes.
        const auto c = PageCursor::decode(encodeRaw(R"(["12","abc"])"));
        QVERIFY(c.has_value());
        QCOMPARE(c->key, qint64(12));
        QCOMPARE(c->id, QStringLiteral("abc"));
    }

    void sizeLimitBoundary()
    {
        // The longest accepted text is 512 characters.
        QString id(300, QLatin1Char('i'));
        QString text = PageCursor{1, id}.encode();
        while (text.size() < 512) {
            id.append(QLatin1Char('i'));
            text = PageCursor{1, id}.encode();
        }
        while (text.size() > 512) {
            id.chop(1);
            text = PageCursor{1, id}.encode();
        }
        QVERIFY(text.size() <= 512 && text.size() >= 510);
        QVERIFY(PageCursor::decode(text).has_value());
        id.append(QStringLiteral("iiii"));
        const QString tooLong = PageCursor{1, id}.encode();
        QVERIFY(tooLong.size() > 512);
        QVERIFY(!PageCursor::decode(tooLong).has_value());
    }
};

QTEST_GUILESS_MAIN(TestPageCursor)
#include "tst_page_cursor.moc"
