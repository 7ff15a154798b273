#include "server/http/multipart.h"

#include <QByteArrayMatcher>
#include <QMap>

namespace vms::server {

namespace {

Error malformed(const QString &what)
{
    return Error::invalid(QStringLiteral("Malformed multipart/form-data body: ") + what);
}

bool isTokenChar(char c)
{
    if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9'))
        return true;
    return QByteArrayView("!#$%&'*+-.^_`|~").contains(c);
}

bool isSpace(char c)
{
    return c == ' ' || c == '\t';
}

// RFC 2046 bchars.
bool isBoundaryChar(char c)
{
    if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9'))
        return true;
    return QByteArrayView("'()+_,-./:=? ").contains(c);
}

/** A header value of the form `type; key=value; key="quoted"` (Content-Type, -Disposition). */
struct HeaderValue
{
    QByteArray type;                     ///< lower-cased
    QMap<QByteArray, QByteArray> params; ///< keys lower-cased
};

Result<HeaderValue> parseHeaderValue(const QByteArray &text, const QString &headerName)
{
    const auto bad = [&](const QString &why) {
        return Error::invalid(QStringLiteral("invalid %1 header: %2").arg(headerName, why));
    };
    HeaderValue out;
    qsizetype i = 0;
    const qsizetype n = text.size();
    const auto skipSpace = [&] {
        while (i < n && isSpace(text[i]))
            ++i;
    };
    skipSpace();
    const qsizetype typeStart = i;
    while (i < n && (isTokenChar(text[i]) || text[i] == '/'))
        ++i;
    out.type = text.mid(typeStart, i - typeStart).toLower();
    if (out.type.isEmpty())
        return bad(QStringLiteral("no type"));
    skipSpace();
    while (i < n) {
        if (text[i] != ';')
            return bad(QStringLiteral("expected ';' at offset %1").arg(i));
        ++i;
        skipSpace();
        if (i == n)
            break; // a trailing ';' is harmless
        const qsizetype keyStart = i;
        while (i < n && isTokenChar(text[i]))
            ++i;
        const QByteArray key = text.mid(keyStart, i - keyStart).toLower();
        if (key.isEmpty() || i == n || text[i] != '=')
            return bad(QStringLiteral("malformed parameter at offset %1").arg(keyStart));
        ++i;
        QByteArray value;
        if (i < n && text[i] == '"') {
            ++i;
            bool isClosed = false;
            while (i < n) {
                const char c = text[i++];
                if (c == '"') {
                    isClosed = true;
                    break;
                }
                if (c == '\\') {
                    if (i == n)
                        break;
                    value.append(text[i++]);
                    continue;
                }
                if (c == '\r' || c == '\n')
                    break;
                value.append(c);
            }
            if (!isClosed)
                return bad(QStringLiteral("unterminated quoted string in parameter '%1'")
                                   .arg(QString::fromLatin1(key)));
        } else {
            const qsizetype valueStart = i;
            while (i < n && text[i] != ';' && !isSpace(text[i]) && text[i] != '"'
                   && uchar(text[i]) >= 0x20 && uchar(text[i]) != 0x7f)
                ++i;
            value = text.mid(valueStart, i - valueStart);
            if (value.isEmpty())
                return bad(QStringLiteral("empty value of parameter '%1'")
                                   .arg(QString::fromLatin1(key)));
        }
        if (out.params.contains(key))
            return bad(QStringLiteral("parameter '%1' given twice").arg(QString::fromLatin1(key)));
        out.params.insert(key, value);
        skipSpace();
    }
    return out;
}

Result<std::optional<QByteArray>> validBoundary(const QByteArray &boundary)
{
    if (boundary.isEmpty() || boundary.size() > 70)
        return malformed(QStringLiteral("the boundary must be 1 to 70 characters"));
    for (char c : boundary) {
        if (!isBoundaryChar(c))
            return malformed(QStringLiteral("the boundary contains a character RFC 2046 forbids"));
    }
    if (boundary.endsWith(' '))
        return malformed(QStringLiteral("the boundary ends with a space"));
    return std::optional<QByteArray>(boundary);
}

} // namespace

Result<std::optional<QByteArray>> multipartBoundary(const QByteArray &contentType)
{
    auto value = parseHeaderValue(contentType, QStringLiteral("Content-Type"));
    if (!value) {
        // Not even a media type: it is certainly not multipart/form-data.
        return std::optional<QByteArray>();
    }
    if (value->type != "multipart/form-data")
        return std::optional<QByteArray>();
    if (!value->params.contains("boundary"))
        return malformed(QStringLiteral("the Content-Type has no boundary parameter"));
    return validBoundary(value->params.value("boundary"));
}

Result<QList<MultipartPart>> parseMultipart(const QByteArray &body, const QByteArray &boundary,
                                            const MultipartLimits &limits)
{
    if (auto ok = validBoundary(boundary); !ok)
        return ok.error();
    const QByteArray dashBoundary = QByteArrayLiteral("--") + boundary;
    // Every delimiter after the first one is preceded by the CRLF that ends the previous part.
    const QByteArrayMatcher delimiter(QByteArrayLiteral("\r\n") + dashBoundary);
    const qsizetype n = body.size();

    qsizetype pos = 0;
    if (!body.startsWith(dashBoundary)) {
        const qsizetype first = delimiter.indexIn(body);
        if (first < 0)
            return malformed(QStringLiteral("no boundary delimiter found"));
        pos = first + 2; // skip the preamble and its CRLF
    }
    pos += dashBoundary.size();

    QList<MultipartPart> parts;
    for (;;) {
        // After a delimiter: "--" closes the body; otherwise padding and CRLF open a part.
        if (body.mid(pos, 2) == "--")
            break; // the epilogue, if any, is ignored
        while (pos < n && isSpace(body[pos]))
            ++pos;
        if (body.mid(pos, 2) != "\r\n") {
            return malformed(
                    QStringLiteral("a boundary delimiter is not followed by CRLF (offset %1)")
                            .arg(pos));
        }
        pos += 2;
        if (parts.size() >= limits.maxParts)
            return malformed(QStringLiteral("more than %1 parts").arg(limits.maxParts));

        MultipartPart part;
        // The header section ends with an empty line; a part may have no headers at all, in
        // which case the empty line comes first.
        qsizetype headerEnd = pos;
        if (body.mid(pos, 2) == "\r\n") {
            headerEnd = pos;
        } else {
            headerEnd = body.indexOf("\r\n\r\n", pos);
            if (headerEnd < 0 || headerEnd - pos > limits.maxHeaderBytes) {
                return malformed(
                        QStringLiteral("the headers of part %1 are unterminated or over %2 bytes")
                                .arg(parts.size() + 1)
                                .arg(limits.maxHeaderBytes));
            }
            headerEnd += 2; // keep the CRLF of the last header line
        }
        const QByteArray headerBlock = body.mid(pos, headerEnd - pos);
        qsizetype lineStart = 0;
        while (lineStart < headerBlock.size()) {
            const qsizetype lineEnd = headerBlock.indexOf("\r\n", lineStart);
            const QByteArray line = headerBlock.mid(lineStart, lineEnd - lineStart);
            lineStart = lineEnd + 2;
            if (line.contains('\n') || line.contains('\r'))
                return malformed(QStringLiteral("a header line of part %1 has a bare CR or LF")
                                         .arg(parts.size() + 1));
            if (!line.isEmpty() && isSpace(line[0]))
                return malformed(QStringLiteral("folded header lines are not allowed (part %1)")
                                         .arg(parts.size() + 1));
            const qsizetype colon = line.indexOf(':');
            if (colon <= 0)
                return malformed(QStringLiteral("a header line of part %1 has no name")
                                         .arg(parts.size() + 1));
            const QByteArray name = line.left(colon);
            for (char c : name) {
                if (!isTokenChar(c))
                    return malformed(
                            QStringLiteral("invalid header name in part %1").arg(parts.size() + 1));
            }
            if (part.headers.size() >= limits.maxHeaders)
                return malformed(QStringLiteral("part %1 has more than %2 headers")
                                         .arg(parts.size() + 1)
                                         .arg(limits.maxHeaders));
            part.headers.append({name, line.mid(colon + 1).trimmed()});
        }
        pos = headerEnd + 2; // past the empty line

        bool hasDisposition = false;
        for (const auto &h : std::as_const(part.headers)) {
            if (h.first.compare("Content-Disposition", Qt::CaseInsensitive) == 0) {
                if (hasDisposition)
                    return malformed(QStringLiteral("part %1 has two Content-Disposition headers")
                                             .arg(parts.size() + 1));
                hasDisposition = true;
                auto cd = parseHeaderValue(h.second, QStringLiteral("Content-Disposition"));
                if (!cd)
                    return malformed(cd.error().message);
                if (cd->type != "form-data")
                    return malformed(
                            QStringLiteral("part %1 is not form-data").arg(parts.size() + 1));
                if (!cd->params.contains("name"))
                    return malformed(
                            QStringLiteral("part %1 has no field name").arg(parts.size() + 1));
                part.name = cd->params.value("name");
                if (cd->params.contains("filename"))
                    part.filename = cd->params.value("filename");
            } else if (h.first.compare("Content-Type", Qt::CaseInsensitive) == 0) {
                if (!part.contentType.isEmpty())
                    return malformed(QStringLiteral("part %1 has two Content-Type headers")
                                             .arg(parts.size() + 1));
                part.contentType = h.second;
            }
        }
        if (!hasDisposition)
            return malformed(QStringLiteral("part %1 has no Content-Disposition header")
                                     .arg(parts.size() + 1));

        const qsizetype next = delimiter.indexIn(body, pos);
        if (next < 0)
            return malformed(QStringLiteral("part %1 is not terminated by a boundary delimiter")
                                     .arg(parts.size() + 1));
        part.body = body.mid(pos, next - pos);
        parts.append(std::move(part));
        pos = next + 2 + dashBoundary.size();
    }
    return parts;
}

} // namespace vms::server
