#include "core/storage/source_repository.h"

#include "core/storage/database.h"

namespace vms::storage {

namespace {

const QString kColumns = QStringLiteral("who, caption, svcid, lid, created, updated");

Source fromRow(const Database::Row &row)
{
    return {row[0].toString(), row[1].toString(),   row[2].toString(),
            row[3].toString(), row[4].toLongLong(), row[5].toLongLong()};
}

void appendIn(QString &sql, QVariantList &binds, const QString &column, const QStringList &values)
{
    if (values.isEmpty())
        return;
    sql += QStringLiteral(" AND ") + column + QStringLiteral(" IN (");
    for (int i = 0; i < values.size(); ++i) {
        sql += i ? QStringLiteral(",?") : QStringLiteral("?");
        binds.append(values.at(i));
    }
    sql += QLatin1Char(')');
}

} // namespace

Result<SourcePage> SourceRepository::list(const SourceQuery &q)
{
    QString where = QStringLiteral(" WHERE 1 = 1");
    QVariantList binds;
    appendIn(where, binds, QStringLiteral("who"), q.who);
    appendIn(where, binds, QStringLiteral("lid"), q.lid);
    appendIn(where, binds, QStringLiteral("svcid"), q.svcid);
    if (q.updatedFromSecs) {
        where += QStringLiteral(" AND updated >= ?");
        binds.append(*q.updatedFromSecs);
    }
    if (q.updatedToSecs) {
        where += QStringLiteral(" AND updated <= ?");
        binds.append(*q.updatedToSecs);
    }

    auto count = m_db.select(QStringLiteral("SELECT COUNT(*) FROM v2_sources") + where, binds);
    if (!count)
        return count.error();

    // Column names come from a closed set checked by the caller; `who` breaks ties so that
    // pages are stable.
    const QString dir = q.isDescending ? QStringLiteral(" DESC") : QStringLiteral(" ASC");
    QStringList orderBy;
    for (const QString &column : q.order)
        orderBy.append(column + dir);
    if (!q.order.contains(QLatin1String("who")))
        orderBy.append(QStringLiteral("who") + dir);

    QVariantList pageBinds = binds;
    pageBinds << q.pageSize << qint64(q.page) * q.pageSize;
    auto rows = m_db.select(
            QStringLiteral("SELECT ") + kColumns + QStringLiteral(" FROM v2_sources") + where
                    + QStringLiteral(" ORDER BY ") + orderBy.join(QStringLiteral(", "))
                    + QStringLiteral(" LIMIT ? OFFSET ?"),
            pageBinds);
    if (!rows)
        return rows.error();
    SourcePage page;
    page.total = count->first().first().toLongLong();
    for (const Database::Row &row : *rows)
        page.sources.append(fromRow(row));
    return page;
}

Result<std::optional<Source>> SourceRepository::find(const QString &who)
{
    auto rows = m_db.select(QStringLiteral("SELECT ") + kColumns
                                    + QStringLiteral(" FROM v2_sources WHERE who = ?"),
                            {who});
    if (!rows)
        return rows.error();
    if (rows->isEmpty())
        return std::optional<Source>{};
    return std::optional<Source>(fromRow(rows->first()));
}

Status SourceRepository::insert(const Source &s)
{
    auto r = m_db.execute(QStringLiteral("INSERT INTO v2_sources (") + kColumns
                                  + QStringLiteral(") VALUES (?,?,?,?,?,?)"),
                          {s.who, s.caption, s.svcid, s.lid, s.createdSecs, s.updatedSecs});
    if (!r)
        return r.error();
    return Ok{};
}

Status SourceRepository::update(const Source &s)
{
    auto r = m_db.execute(QStringLiteral("UPDATE v2_sources SET caption = ?, svcid = ?, lid = ?,"
                                         " updated = ? WHERE who = ?"),
                          {s.caption, s.svcid, s.lid, s.updatedSecs, s.who});
    if (!r)
        return r.error();
    return Ok{};
}

Result<bool> SourceRepository::remove(const QString &who)
{
    auto r = m_db.execute(QStringLiteral("DELETE FROM v2_sources WHERE who = ?"), {who});
    if (!r)
        return r.error();
    return *r > 0;
}

Result<bool> SourceRepository::isCaptionTaken(const QString &caption, const QString &exceptWho)
{
    auto rows
            = m_db.select(QStringLiteral("SELECT 1 FROM v2_sources WHERE caption = ? AND who <> ?"),
                          {caption, exceptWho});
    if (!rows)
        return rows.error();
    return !rows->isEmpty();
}

} // namespace vms::storage
