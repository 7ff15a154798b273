#pragma once

#include <QString>
#include <QStringList>

#include <optional>

namespace vms {

/** The kinds of upload the seed's UploadKind enum names. */
inline const QStringList &uploadKinds()
{
    static const QStringList kinds{QStringLiteral("avatar"),          QStringLiteral("face_image"),
                                   QStringLiteral("vehicle_image"),   QStringLiteral("plan"),
                                   QStringLiteral("camera_snapshot"), QStringLiteral("logo")};
    return kinds;
}

/**
 * An uploaded file of an organization. The bytes live once per content on disk, named by their
 * SHA-256 (see UploadService); many uploads may share one file.
 */
struct Upload
{
    QString id; ///< UUID
    qint64 organizationId = 0;
    QString kind;
    QString mimeType;
    QString sha256; ///< lower-case hex
    qint64 sizeBytes = 0;
    std::optional<QString> originalId;
    std::optional<qint64> createdBy;
    qint64 createdAtMs = 0;
};

} // namespace vms
