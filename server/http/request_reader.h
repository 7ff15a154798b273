#pragma once

#include "core/domain/error.h"
#include "core/domain/result.h"
#include "server/http/http_types.h"

#include <QJsonObject>
#include <QUrlQuery>

#include <optional>

namespace vms::server {

/**
 * Reads and validates request fields, collecting every failure the way FastAPI does, so that a
 * 422 lists all bad fields at once. Typical use:
 *   FieldReader in = FieldReader::body(req); if (!in.isValid()) return in.error();
 *   auto name = in.requireString("name", 1, 64); ...; if (!in.isValid()) return in.error();
 */
class FieldReader
{
public:
    /** JSON object body. A malformed body or a non-object is recorded as a 422 failure. */
    static FieldReader body(const HttpRequest &req);
    /** application/x-www-form-urlencoded body. */
    static FieldReader form(const HttpRequest &req);
    /** The query string. */
    static FieldReader query(const HttpRequest &req);

    bool isValid() const { return m_error.fields.isEmpty(); }
    Error error() const { return m_error; }
    bool has(const QString &name) const;

    QString requireString(const QString &name, int minLen = 0, int maxLen = -1);
    std::optional<QString> optString(const QString &name, int minLen = 0, int maxLen = -1);
    std::optional<qint64> optInt(const QString &name, std::optional<qint64> min = {},
                                 std::optional<qint64> max = {});
    qint64 requireInt(const QString &name, std::optional<qint64> min = {},
                      std::optional<qint64> max = {});
    /** A JSON number (body) or a decimal (query); 422 type_error.float otherwise. */
    std::optional<double> optNumber(const QString &name);
    double requireNumber(const QString &name);
    /** A UUID in its canonical 36-character form (lower case, no braces); 422 otherwise. */
    QString requireUuid(const QString &name);
    /** A value from a closed set; 422 "value is not a valid enumeration member" otherwise. */
    std::optional<QString> optEnum(const QString &name, const QStringList &allowed);
    /** ISO 8601 date-time as ms since the epoch. */
    std::optional<qint64> optDateTime(const QString &name);
    /** A boolean: JSON true/false in a body; true/false, 1/0, yes/no, on/off in a query. */
    std::optional<bool> optBool(const QString &name);
    /**
     * A JSON array of integers in a body, of minItems..maxItems elements (maxItems < 0: any
     * number). A bad element fails at [body, name, index].
     */
    QList<qint64> requireIntList(const QString &name, int minItems = 0, int maxItems = -1);
    /** Repeated query keys (?k=a&k=b) as integers. */
    QList<qint64> intList(const QString &name);
    /** Repeated query keys restricted to a closed set. */
    QStringList enumList(const QString &name, const QStringList &allowed);

    void fail(const QString &name, const QString &msg, const QString &type);

    const QJsonObject &json() const { return m_json; }

private:
    enum class Source { Body, Form, Query };
    FieldReader(Source source, QString locRoot);
    std::optional<QString> rawString(const QString &name, bool *isWrongType);
    QStringList rawList(const QString &name) const;

    Source m_source;
    QString m_locRoot;
    QJsonObject m_json;
    QUrlQuery m_pairs;
    Error m_error{ErrorKind::Validation, QStringLiteral("Validation error"), {}, {}};
};

/** Path arguments: a malformed id is a 422 at ["path", name], never a 404. */
Result<qint64> pathInt(const HttpRequest &req, int index, const QString &name);
Result<QString> pathUuid(const HttpRequest &req, int index, const QString &name);

/** Cursor pagination parameters shared by every list route: cursor and limit 10..1000. */
struct PageParams
{
    std::optional<QString> cursor;
    int limit = 100;
};
PageParams readPage(FieldReader &query);

} // namespace vms::server
