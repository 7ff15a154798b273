// server/http/multipart: the strict multipart/form-data parser behind POST /api/v1/uploads.
#include "server/http/multipart.h"

#include <QTest>

using namespace vms;
using namespace vms::server;

namespace {

const QByteArray kBoundary = QByteArrayLiteral("----vmsBoundary7MA4YWxk");

QByteArray part(const QByteArray &headers, const QByteArray &body)
{
    return QByteArrayLiteral("--") + kBoundary + "\r\n" + headers + "\r\n" + body + "\r\n";
}

QByteArray close()
{
    return QByteArrayLiteral("--") + kBoundary + "--\r\n";
}

} // namespace

class TstMultipart : public QObject
{
    Q_OBJECT

private slots:
    void boundaryFromContentType_data();
    void boundaryFromContentType();
    void singleFilePart();
    void severalParts();
    void binaryBodyKeepsEveryByte();
    void bodyMayContainBoundaryLikeText();
    void preambleAndEpilogueIgnored();
    void transportPaddingAllowed();
    void quotedFilenameWithEscapes();
    void emptyPartBody();
    void malformed_data();
    void malformed();
    void tooManyParts();
    void headerSectionTooLarge();
};

void TstMultipart::boundaryFromContentType_data()
{
    QTest::addColumn<QByteArray>("contentType");
    QTest::addColumn<bool>("isError");
    QTest::addColumn<QByteArray>("boundary"); // empty: not multipart/form-data

    QTest::newRow("plain") << QByteArray("multipart/form-data; boundary=abc123") << false
                           << QByteArray("abc123");
    QTest::newRow("quoted") << QByteArray("multipart/form-data; boundary=\"a b:c\"") << false
                            << QByteArray("a b:c");
    QTest::newRow("type case-insensitive")
            << QByteArray("Multipart/Form-Data; charset=utf-8; Boundary=XyZ") << false
            << QByteArray("XyZ");
    QTest::newRow("equals sign in boundary")
            << QByteArray("multipart/form-data; boundary=----=_Part_0_1") << false
            << QByteArray("----=_Part_0_1");
    QTest::newRow("json is not multipart")
            << QByteArray("application/json") << false << QByteArray();
    QTest::newRow("mixed is not form-data")
            << QByteArray("multipart/mixed; boundary=x") << false << QByteArray();
    QTest::newRow("empty header") << QByteArray() << false << QByteArray();
    QTest::newRow("no boundary") << QByteArray("multipart/form-data") << true << QByteArray();
    QTest::newRow("empty quoted boundary")
            << QByteArray("multipart/form-data; boundary=\"\"") << true << QByteArray();
    QTest::newRow("boundary over 70")
            << QByteArray("multipart/form-data; boundary=") + QByteArray(71, 'a') << true
            << QByteArray();
    QTest::newRow("forbidden char")
            << QByteArray("multipart/form-data; boundary=\"a@b\"") << true << QByteArray();
    QTest::newRow("trailing space")
            << QByteArray("multipart/form-data; boundary=\"ab \"") << true << QByteArray();
}

void TstMultipart::boundaryFromContentType()
{
    QFETCH(QByteArray, contentType);
    QFETCH(bool, isError);
    QFETCH(QByteArray, boundary);
    const auto r = multipartBoundary(contentType);
    QCOMPARE(!r.hasValue(), isError);
    if (isError) {
        QCOMPARE(r.error().kind, ErrorKind::InvalidArgument);
        QVERIFY(!r.error().message.isEmpty());
        return;
    }
    QCOMPARE(r->has_value(), !boundary.isEmpty());
    if (!boundary.isEmpty())
        QCOMPARE(**r, boundary);
}

void TstMultipart::singleFilePart()
{
    const QByteArray body = part("Content-Disposition: form-data; name=\"upload_data\"; "
                                 "filename=\"plan.png\"\r\nContent-Type: image/png\r\n",
                                 "PNGDATA")
                            + close();
    const auto parts = parseMultipart(body, kBoundary);
    QVERIFY2(parts.hasValue(), qPrintable(parts.hasValue() ? QString() : parts.error().message));
    QCOMPARE(parts->size(), 1);
    const MultipartPart &p = parts->first();
    QCOMPARE(p.name, QByteArray("upload_data"));
    QVERIFY(p.filename.has_value());
    QCOMPARE(*p.filename, QByteArray("plan.png"));
    QCOMPARE(p.contentType, QByteArray("image/png"));
    QCOMPARE(p.body, QByteArray("PNGDATA"));
    QCOMPARE(p.headers.size(), 2);
}

void TstMultipart::severalParts()
{
    const QByteArray body
            = part("Content-Disposition: form-data; name=\"upload_data\"; filename=\"a\"\r\n", "A")
              + part("content-disposition: FORM-DATA; NAME=note\r\n", "hello world")
              + part("Content-Disposition: form-data; name=\"upload_data\"; filename=\"b\"\r\n",
                     "BB")
              + close();
    const auto parts = parseMultipart(body, kBoundary);
    QVERIFY(parts.hasValue());
    QCOMPARE(parts->size(), 3);
    QCOMPARE(parts->at(0).body, QByteArray("A"));
    QCOMPARE(parts->at(1).name, QByteArray("note"));
    QVERIFY(!parts->at(1).filename.has_value());
    QVERIFY(parts->at(1).contentType.isEmpty());
    QCOMPARE(parts->at(1).body, QByteArray("hello world"));
    QCOMPARE(parts->at(2).name, QByteArray("upload_data"));
    QCOMPARE(parts->at(2).body, QByteArray("BB"));
}

void TstMultipart::binaryBodyKeepsEveryByte()
{
    QByteArray payload;
    for (int i = 0; i < 256; ++i)
        payload.append(char(i));
    payload += QByteArray("\r\n\r\n--not-the-boundary\r\n\0\r", 26);
    const QByteArray body
            = part("Content-Disposition: form-data; name=\"f\"; filename=\"x\"\r\n", payload)
              + close();
    const auto parts = parseMultipart(body, kBoundary);
    QVERIFY(parts.hasValue());
    QCOMPARE(parts->size(), 1);
    QCOMPARE(parts->first().body, payload);
}

void TstMultipart::bodyMayContainBoundaryLikeText()
{
    // The boundary without the leading CRLF, or not at a line start, is content.
    const QByteArray payload = QByteArrayLiteral("x--") + kBoundary + QByteArrayLiteral("y");
    const QByteArray body
            = part("Content-Disposition: form-data; name=\"f\"\r\n", payload) + close();
    const auto parts = parseMultipart(body, kBoundary);
    QVERIFY(parts.hasValue());
    QCOMPARE(parts->first().body, payload);
}

void TstMultipart::preambleAndEpilogueIgnored()
{
    const QByteArray body = QByteArrayLiteral("This is the preamble.\r\n")
                            + part("Content-Disposition: form-data; name=\"f\"\r\n", "data")
                            + close() + QByteArrayLiteral("epilogue text\r\n");
    const auto parts = parseMultipart(body, kBoundary);
    QVERIFY(parts.hasValue());
    QCOMPARE(parts->size(), 1);
    QCOMPARE(parts->first().body, QByteArray("data"));
}

void TstMultipart::transportPaddingAllowed()
{
    const QByteArray body = QByteArrayLiteral("--") + kBoundary + " \t\r\n"
                            + "Content-Disposition: form-data; name=\"f\"\r\n\r\nv\r\n" + close();
    const auto parts = parseMultipart(body, kBoundary);
    QVERIFY(parts.hasValue());
    QCOMPARE(parts->first().body, QByteArray("v"));
}

void TstMultipart::quotedFilenameWithEscapes()
{
    const QByteArray body = part("Content-Disposition: form-data; name=\"f\"; "
                                 "filename=\"a \\\"quoted\\\" name;.png\"\r\n",
                                 "x")
                            + close();
    const auto parts = parseMultipart(body, kBoundary);
    QVERIFY(parts.hasValue());
    QCOMPARE(*parts->first().filename, QByteArray("a \"quoted\" name;.png"));
}

void TstMultipart::emptyPartBody()
{
    const QByteArray body = part("Content-Disposition: form-data; name=\"f\"\r\n", "") + close();
    const auto parts = parseMultipart(body, kBoundary);
    QVERIFY(parts.hasValue());
    QCOMPARE(parts->size(), 1);
    QVERIFY(parts->first().body.isEmpty());
}

void TstMultipart::malformed_data()
{
    QTest::addColumn<QByteArray>("body");
    QTest::addColumn<QString>("expected"); // a fragment of the error message

    const QByteArray cd = "Content-Disposition: form-data; name=\"f\"\r\n";
    QTest::newRow("empty body") << QByteArray() << QStringLiteral("no boundary delimiter");
    QTest::newRow("other boundary") << QByteArray("--other\r\n" + cd + "\r\nx\r\n--other--\r\n")
                                    << QStringLiteral("no boundary delimiter");
    QTest::newRow("no close delimiter") << QByteArray("--" + kBoundary + "\r\n" + cd + "\r\nx")
                                        << QStringLiteral("not terminated");
    QTest::newRow("bare LF line ends")
            << QByteArray("--" + kBoundary + "\n" + cd + "\nx\n--" + kBoundary + "--\n")
            << QStringLiteral("not followed by CRLF");
    QTest::newRow("bare LF in headers") << QByteArray(
            "--" + kBoundary + "\r\nContent-Disposition: form-data; name=\"f\"\nX: y\r\n\r\nx\r\n"
            + close()) << QStringLiteral("bare CR or LF");
    QTest::newRow("no content-disposition") << part("Content-Type: text/plain\r\n", "x") + close()
                                            << QStringLiteral("no Content-Disposition");
    QTest::newRow("no headers at all")
            << part("", "x") + close() << QStringLiteral("no Content-Disposition");
    QTest::newRow("attachment, not form-data")
            << part("Content-Disposition: attachment; name=\"f\"\r\n", "x") + close()
            << QStringLiteral("not form-data");
    QTest::newRow("no name") << part("Content-Disposition: form-data; filename=\"a\"\r\n", "x")
                                        + close()
                             << QStringLiteral("no field name");
    QTest::newRow("unterminated quote")
            << part("Content-Disposition: form-data; name=\"f\r\n", "x") + close()
            << QStringLiteral("unterminated quoted string");
    QTest::newRow("duplicate parameter")
            << part("Content-Disposition: form-data; name=\"f\"; name=\"g\"\r\n", "x") + close()
            << QStringLiteral("given twice");
    QTest::newRow("two dispositions")
            << part(cd + "Content-Disposition: form-data; name=\"g\"\r\n", "x") + close()
            << QStringLiteral("two Content-Disposition");
    QTest::newRow("folded header")
            << part(cd + "X-Long: a\r\n  continued\r\n", "x") + close() << QStringLiteral("folded");
    QTest::newRow("header without colon")
            << part(cd + "NoColonHere\r\n", "x") + close() << QStringLiteral("has no name");
    QTest::newRow("bad header name")
            << part(cd + "Bad Name: v\r\n", "x") + close() << QStringLiteral("invalid header name");
    QTest::newRow("garbage after delimiter")
            << QByteArray("--" + kBoundary + "garbage\r\n" + cd + "\r\nx\r\n" + close())
            << QStringLiteral("not followed by CRLF");
    QTest::newRow("headers never end")
            << QByteArray("--" + kBoundary + "\r\n" + cd) << QStringLiteral("unterminated");
}

void TstMultipart::malformed()
{
    QFETCH(QByteArray, body);
    QFETCH(QString, expected);
    const auto parts = parseMultipart(body, kBoundary);
    QVERIFY2(!parts.hasValue(), "a malformed body was accepted");
    QCOMPARE(parts.error().kind, ErrorKind::InvalidArgument);
    QVERIFY2(parts.error().message.contains(expected),
             qPrintable(QStringLiteral("message \"%1\" lacks \"%2\"")
                                .arg(parts.error().message, expected)));
}

void TstMultipart::tooManyParts()
{
    QByteArray body;
    for (int i = 0; i < 5; ++i)
        body += part("Content-Disposition: form-data; name=\"f\"\r\n", "x");
    body += close();
    MultipartLimits limits;
    limits.maxParts = 4;
    const auto parts = parseMultipart(body, kBoundary, limits);
    QVERIFY(!parts.hasValue());
    QVERIFY(parts.error().message.contains(QLatin1String("more than 4 parts")));
    limits.maxParts = 5;
    QVERIFY(parseMultipart(body, kBoundary, limits).hasValue());
}

void TstMultipart::headerSectionTooLarge()
{
    const QByteArray big = "X-Pad: " + QByteArray(200, 'p') + "\r\n";
    const QByteArray body
            = part("Content-Disposition: form-data; name=\"f\"\r\n" + big, "x") + close();
    MultipartLimits limits;
    limits.maxHeaderBytes = 100;
    const auto parts = parseMultipart(body, kBoundary, limits);
    QVERIFY(!parts.hasValue());
    QVERIFY(parts.error().message.contains(QLatin1String("over 100 bytes")));
    limits.maxHeaderBytes = 1000;
    QVERIFY(parseMultipart(body, kBoundary, limits).hasValue());
}

QTEST_GUILESS_MAIN(TstMultipart)
#include "tst_multipart.moc"
