#include "core/services/source_service.h"

#include <QJsonObject>

namespace vms::services {

namespace {

Error duplicate(const QString &what)
{
    return {ErrorKind::Conflict, what, {}, {}};
}

QJsonObject fieldsJson(const SourceFields &f)
{
    QJsonObject o;
    if (f.caption)
        o.insert(QStringLiteral("caption"), *f.caption);
    if (f.svcid)
        o.insert(QStringLiteral("svcid"), *f.svcid);
    if (f.lid)
        o.insert(QStringLiteral("lid"), *f.lid);
    return o;
}

} // namespace

SourceService::SourceService(storage::Database &db, const Clock &clock, AuditService &audit)
    : m_repo(db)
    , m_clock(clock)
    , m_audit(audit)
{}

bool SourceService::isValidKey(const QString &key)
{
    if (key.isEmpty() || key.size() > kMaxFieldLength)
        return false;
    for (const QChar c : key) {
        if (c == QLatin1Char('/') || c.isSpace() || c.category() == QChar::Other_Control)
            return false;
    }
    return true;
}

Result<storage::SourcePage> SourceService::list(const storage::SourceQuery &query)
{
    return m_repo.list(query);
}

Result<storage::Source> SourceService::get(const QString &key)
{
    auto found = m_repo.find(key);
    if (!found)
        return found.error();
    if (!*found)
        return Error::notFound(QStringLiteral("Source '%1' not found").arg(key));
    return **found;
}

Result<QString> SourceService::create(const Principal &who, const QString &key,
                                      const SourceFields &fields, const CallerInfo &caller)
{
    if (!isValidKey(key))
        return Error::invalid(
                QStringLiteral("who must be 1..255 characters without '/' or spaces"));
    if (!fields.caption || fields.caption->trimmed().isEmpty())
        return Error::invalid(QStringLiteral("caption is required"));
    auto existing = m_repo.find(key);
    if (!existing)
        return existing.error();
    if (*existing)
        return duplicate(QStringLiteral("A source with who '%1' already exists").arg(key));
    auto taken = m_repo.isCaptionTaken(*fields.caption, key);
    if (!taken)
        return taken.error();
    if (*taken)
        return duplicate(QStringLiteral("A source with this caption already exists"));

    storage::Source s;
    s.who = key;
    s.caption = *fields.caption;
    s.svcid = fields.svcid.value_or(QString());
    s.lid = fields.lid.value_or(QString());
    s.createdSecs = s.updatedSecs = m_clock.nowSecs();
    if (Status st = m_repo.insert(s); !st) {
        if (st.error().kind == ErrorKind::Conflict)
            return duplicate(QStringLiteral("A source with this who or caption already exists"));
        return st.error();
    }
    QJsonObject meta = fieldsJson(fields);
    meta.insert(QStringLiteral("resource"), QStringLiteral("v2_source"));
    meta.insert(QStringLiteral("who"), key);
    m_audit.record(QStringLiteral("camera_create"), who.user, caller, meta);
    return key;
}

Status SourceService::update(const Principal &who, const QString &key, const SourceFields &fields,
                             const CallerInfo &caller)
{
    auto current = get(key);
    if (!current)
        return current.error();
    storage::Source s = *current;
    if (fields.caption) {
        if (fields.caption->trimmed().isEmpty())
            return Error::invalid(QStringLiteral("caption must not be empty"));
        auto taken = m_repo.isCaptionTaken(*fields.caption, key);
        if (!taken)
            return taken.error();
        if (*taken)
            return duplicate(QStringLiteral("A source with this caption already exists"));
        s.caption = *fields.caption;
    }
    if (fields.svcid)
        s.svcid = *fields.svcid;
    if (fields.lid)
        s.lid = *fields.lid;
    s.updatedSecs = m_clock.nowSecs();
    if (Status st = m_repo.update(s); !st) {
        if (st.error().kind == ErrorKind::Conflict)
            return duplicate(QStringLiteral("A source with this caption already exists"));
        return st;
    }
    QJsonObject meta{{QStringLiteral("resource"), QStringLiteral("v2_source")},
                     {QStringLiteral("who"), key},
                     {QStringLiteral("changes"), fieldsJson(fields)}};
    m_audit.record(QStringLiteral("camera_update"), who.user, caller, meta);
    return Ok{};
}

Status SourceService::remove(const Principal &who, const QString &key, const CallerInfo &caller)
{
    auto removed = m_repo.remove(key);
    if (!removed)
        return removed.error();
    if (!*removed)
        return Error::notFound(QStringLiteral("Source '%1' not found").arg(key));
    m_audit.record(QStringLiteral("camera_delete"), who.user, caller,
                   {{QStringLiteral("resource"), QStringLiteral("v2_source")},
                    {QStringLiteral("who"), key}});
    return Ok{};
}

} // namespace vms::services
