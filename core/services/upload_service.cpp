#include "core/services/upload_service.h"

#include "core/services/image_probe.h"
#include "core/services/org_scope.h"
#include "core/storage/database.h"

#include <QCryptographicHash>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QLoggingCategory>
#include <QSaveFile>
#include <QUuid>

Q_LOGGING_CATEGORY(lcUploads, "vms.uploads")

namespace vms::services {

UploadService::UploadService(storage::Database &db, const Clock &clock, AuditService &audit,
                             const QString &dataDir)
    : m_db(db)
    , m_clock(clock)
    , m_audit(audit)
    , m_uploads(db)
    , m_root(QDir(dataDir).filePath(QStringLiteral("uploads")))
{}

QString UploadService::contentPath(const QString &sha256) const
{
    return m_root + QLatin1Char('/') + sha256.left(2) + QLatin1Char('/') + sha256;
}

Status UploadService::storeContent(const QString &sha256, const QByteArray &bytes)
{
    const QString path = contentPath(sha256);
    // Content-addressed: the same bytes are already there (a damaged file would differ in size
    // and is replaced).
    const QFileInfo existing(path);
    if (existing.exists() && existing.size() == bytes.size())
        return Ok{};
    if (!QDir().mkpath(existing.absolutePath())) {
        qCWarning(lcUploads) << "cannot create" << existing.absolutePath();
        return Error::internal(QStringLiteral("cannot store the upload"));
    }
    // QSaveFile writes a temporary file beside the target and renames it over the target on
    // commit, so a reader never sees a half-written file.
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly) || file.write(bytes) != bytes.size() || !file.commit()) {
        qCWarning(lcUploads) << "cannot write" << path << file.errorString();
        return Error::internal(QStringLiteral("cannot store the upload"));
    }
    return Ok{};
}

Result<QList<Upload>> UploadService::create(const Principal &who, const QString &kind,
                                            const QList<QByteArray> &files,
                                            const CallerInfo &caller)
{
    if (!uploadKinds().contains(kind))
        return Error::validation({QStringLiteral("query"), QStringLiteral("kind")},
                                 QStringLiteral("value is not a valid enumeration member"),
                                 QStringLiteral("type_error.enum"));
    if (files.isEmpty())
        return Error::validation({QStringLiteral("body"), QStringLiteral("upload_data")},
                                 QStringLiteral("field required"),
                                 QStringLiteral("value_error.missing"));
    if (files.size() > kMaxFilesPerRequest)
        return Error::invalid(
                QStringLiteral("At most %1 files per request").arg(kMaxFilesPerRequest));

    // Everything is checked before anything is stored.
    QList<Upload> uploads;
    for (qsizetype i = 0; i < files.size(); ++i) {
        const QByteArray &data = files.at(i);
        const QString which = files.size() > 1 ? QStringLiteral("File %1").arg(i + 1)
                                               : QStringLiteral("The file");
        if (data.size() > kMaxUploadBytes) {
            return Error{ErrorKind::PayloadTooLarge,
                         QStringLiteral("%1 has %2 bytes; at most %3 bytes are accepted per upload")
                                 .arg(which)
                                 .arg(data.size())
                                 .arg(kMaxUploadBytes),
                         {},
                         {}};
        }
        auto image = probeImage(data);
        if (!image) {
            Error e = image.error();
            if (files.size() > 1)
                e.message = which + QStringLiteral(": ") + e.message;
            return e;
        }
        Upload u;
        u.id = QUuid::createUuid().toString(QUuid::WithoutBraces);
        u.organizationId = who.user.organizationId;
        u.kind = kind;
        u.mimeType = image->mimeType;
        u.sha256 = QString::fromLatin1(
                QCryptographicHash::hash(data, QCryptographicHash::Sha256).toHex());
        u.sizeBytes = data.size();
        u.createdBy = who.user.id;
        u.createdAtMs = m_clock.nowMs();
        uploads.append(u);
    }

    for (qsizetype i = 0; i < uploads.size(); ++i) {
        if (Status s = storeContent(uploads.at(i).sha256, files.at(i)); !s)
            return s.error();
    }
    // A failed insert leaves content files without rows; they are harmless (content-addressed)
    // and are reused by the next upload of the same bytes.
    Status inserted = m_db.transaction([&]() -> Status {
        for (const Upload &u : std::as_const(uploads)) {
            if (Status s = m_uploads.insert(u); !s)
                return s;
        }
        return Ok{};
    });
    if (!inserted)
        return inserted.error();

    QJsonArray ids;
    QJsonArray sizes;
    QJsonArray types;
    for (const Upload &u : std::as_const(uploads)) {
        ids.append(u.id);
        sizes.append(u.sizeBytes);
        types.append(u.mimeType);
    }
    m_audit.record(QStringLiteral("upload_create"), who.user, caller,
                   {{QStringLiteral("kind"), kind},
                    {QStringLiteral("upload_ids"), ids},
                    {QStringLiteral("mime_types"), types},
                    {QStringLiteral("size_bytes"), sizes}});
    return uploads;
}

Result<Upload> UploadService::get(const Principal &who, const QString &id)
{
    auto upload = m_uploads.find(id);
    if (!upload)
        return upload.error();
    if (!*upload || !isVisibleTo(who, (*upload)->organizationId))
        return Error::notFound(QStringLiteral("Upload not found"));
    return **upload;
}

Result<UploadService::Content> UploadService::content(const Principal &who, const QString &id)
{
    auto upload = get(who, id);
    if (!upload)
        return upload.error();
    QFile file(contentPath(upload->sha256));
    if (!file.open(QIODevice::ReadOnly)) {
        qCWarning(lcUploads) << "content of upload" << id << "is missing:" << file.fileName();
        return Error::internal(QStringLiteral("upload content missing"));
    }
    return Content{*upload, file.readAll()};
}

} // namespace vms::services
