#include "core/client/multipart_encoder.h"

#include <QRandomGenerator>

namespace vms::client {

namespace {

// Quoted-string parameter of Content-Disposition. Like browsers (WHATWG "multipart/form-data
// encoding"), percent-encode the three characters that could end the quotes or the header line.
QByteArray quoted(const QString &value)
{
    QByteArray out = value.toUtf8();
    out.replace('"', "%22");
    out.replace('\r', "%0D");
    out.replace('\n', "%0A");
    return '"' + out + '"';
}

QByteArray randomBoundary()
{
    // 32 hex digits of randomness: the chance that a file holds the delimiter line is nil.
    QByteArray random(16, Qt::Uninitialized);
    QRandomGenerator::global()->fillRange(reinterpret_cast<quint32 *>(random.data()),
                                          random.size() / int(sizeof(quint32)));
    return QByteArrayLiteral("vms-form-") + random.toHex();
}

} // namespace

QByteArray FormData::contentType() const
{
    return QByteArrayLiteral("multipart/form-data; boundary=") + boundary;
}

FormData encodeFormData(const QList<FormDataPart> &parts, QByteArray boundary)
{
    FormData data;
    data.boundary = boundary.isEmpty() ? randomBoundary() : std::move(boundary);
    QByteArray &out = data.body;
    for (const FormDataPart &part : parts) {
        out += "--" + data.boundary + "\r\n";
        out += "Content-Disposition: form-data; name=" + quoted(part.name);
        if (!part.fileName.isEmpty())
            out += "; filename=" + quoted(part.fileName);
        out += "\r\n";
        if (!part.contentType.isEmpty())
            out += "Content-Type: " + part.contentType + "\r\n";
        out += "\r\n";
        out += part.body;
        out += "\r\n";
    }
    out += "--" + data.boundary + "--\r\n";
    return data;
}

} // namespace vms::client
