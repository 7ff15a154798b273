#pragma once

#include "core/domain/result.h"
#include "core/domain/upload.h"

#include <optional>

namespace vms::storage {

class Database;

/** Rows of the uploads table; the bytes themselves are files (see UploadService). */
class UploadRepository
{
public:
    explicit UploadRepository(Database &db)
        : m_db(db)
    {}

    Status insert(const Upload &upload);
    Result<std::optional<Upload>> find(const QString &id);

private:
    Database &m_db;
};

} // namespace vms::storage
