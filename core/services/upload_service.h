#pragma once

#include "core/domain/clock.h"
#include "core/domain/result.h"
#include "core/domain/upload.h"
#include "core/services/audit_service.h"
#include "core/storage/upload_repository.h"

#include <QByteArray>
#include <QList>

namespace vms::services {

/**
 * Seed 002 §25: uploaded files. Every kind is an image and must decode as one. The bytes are
 * stored once per content under <dataDir>/uploads/<first two hex digits>/<sha256>, written to a
 * temporary file and renamed into place, and never under a name the client chose; each upload is
 * a row that points at its content and belongs to the uploader's organization.
 */
class UploadService
{
public:
    static constexpr qint64 kMaxUploadBytes = 20LL * 1024 * 1024;
    static constexpr int kMaxFilesPerRequest = 16;

    UploadService(storage::Database &db, const Clock &clock, AuditService &audit,
                  const QString &dataDir);

    /**
     * Stores every file as an upload of `kind`, all or nothing: 413 when a file is over
     * kMaxUploadBytes, 400 when one is not an image. Slow (decodes images): call it off the
     * server thread.
     */
    Result<QList<Upload>> create(const Principal &who, const QString &kind,
                                 const QList<QByteArray> &files, const CallerInfo &caller);
    /** 404 for an unknown upload or one of another organization. */
    Result<Upload> get(const Principal &who, const QString &id);

    struct Content
    {
        Upload upload;
        QByteArray bytes;
    };
    /** The upload and its bytes (reads a file: call it off the server thread). */
    Result<Content> content(const Principal &who, const QString &id);

    /** Where the content with this hash lives. */
    QString contentPath(const QString &sha256) const;

private:
    Status storeContent(const QString &sha256, const QByteArray &bytes);

    storage::Database &m_db;
    const Clock &m_clock;
    AuditService &m_audit;
    storage::UploadRepository m_uploads;
    QString m_root;
};

} // namespace vms::services
