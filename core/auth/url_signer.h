#pragma once

#include "core/domain/result.h"

#include <QByteArray>
#include <QString>

namespace vms::auth {

/**
 * Signed URLs for the archive: players (ffplay, QMediaPlayer, HLS clients) fetch segments and
 * playlists without an Authorization header, so the URL itself carries a capability: an expiry
 * and an HMAC-SHA256 over the path and that expiry, under a per-installation key. Anyone who
 * changes the path, the expiry or the signature gets a 403; so does anyone after the expiry.
 */
class UrlSigner
{
public:
    explicit UrlSigner(QByteArray key);

    struct Signed
    {
        QString url;        ///< path?expires=E&signature=S
        QString signature;  ///< S
        qint64 expires = 0; ///< Unix seconds
    };
    /**
     * Signs `path` until `expiresSecs`. The path may carry a query of its own ("p?a=1"); the
     * verifier must rebuild it in the same form, so keep such queries canonical.
     */
    Signed sign(const QString &path, qint64 expiresSecs) const;
    /** Denied when the signature does not match or the URL expired at `nowSecs`. */
    Status verify(const QString &path, const QString &expires, const QString &signature,
                  qint64 nowSecs) const;

private:
    QString signatureOf(const QString &path, qint64 expiresSecs) const;

    QByteArray m_key;
};

} // namespace vms::auth
