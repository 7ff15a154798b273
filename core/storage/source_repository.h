#pragma once

#include "core/domain/result.h"

#include <QList>
#include <QString>
#include <QStringList>

#include <optional>

namespace vms::storage {

class Database;

/** A content source of the v2 API (seed 003), looked up by its string key `who`. */
struct Source
{
    QString who;
    QString caption;
    QString svcid;
    QString lid;
    qint64 createdSecs = 0;
    qint64 updatedSecs = 0;
};

struct SourceQuery
{
    QStringList who;
    QStringList lid;
    QStringList svcid;
    std::optional<qint64> updatedFromSecs;
    std::optional<qint64> updatedToSecs;
    QStringList order; ///< columns among who, svcid, caption, created, updated
    bool isDescending = false;
    int page = 0;
    int pageSize = 100;
};

struct SourcePage
{
    QList<Source> sources;
    qint64 total = 0;
};

class SourceRepository
{
public:
    explicit SourceRepository(Database &db)
        : m_db(db)
    {}

    Result<SourcePage> list(const SourceQuery &query);
    Result<std::optional<Source>> find(const QString &who);
    /** Conflict when `who` or `caption` is taken. */
    Status insert(const Source &source);
    /** Conflict when the new caption is taken. */
    Status update(const Source &source);
    Result<bool> remove(const QString &who);
    Result<bool> isCaptionTaken(const QString &caption, const QString &exceptWho);

private:
    Database &m_db;
};

} // namespace vms::storage
