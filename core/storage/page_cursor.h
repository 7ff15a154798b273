#pragma once

#include <QJsonArray>
#include <QJsonDocument>
#include <QString>
#include <QVariant>

#include <optional>

namespace vms::storage {

/**
 * Keyset pagination cursor: the sort key and id of the last row of a page, encoded as opaque
 * base64url JSON. Clients pass it back verbatim; anything else decodes to nullopt (422).
 */
struct PageCursor
{
    qint64 key = 0;
    QString id;

    QString encode() const
    {
        const QJsonArray a{QString::number(key), id};
        return QString::fromLatin1(
                QJsonDocument(a)
                        .toJson(QJsonDocument::Compact)
                        .toBase64(QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals));
    }

    static std::optional<PageCursor> decode(const QString &text)
    {
        if (text.isEmpty() || text.size() > 512)
            return std::nullopt;
        const auto raw = QByteArray::fromBase64Encoding(
                text.toLatin1(),
                QByteArray::Base64UrlEncoding | QByteArray::AbortOnBase64DecodingErrors);
        if (!raw)
            return std::nullopt;
        const QJsonDocument doc = QJsonDocument::fromJson(*raw);
        if (!doc.isArray() || doc.array().size() != 2)
            return std::nullopt;
        bool ok = false;
        PageCursor c;
        c.key = doc.array().at(0).toString().toLongLong(&ok);
        c.id = doc.array().at(1).toString();
        if (!ok || c.id.isEmpty())
            return std::nullopt;
        return c;
    }
};

} // namespace vms::storage
