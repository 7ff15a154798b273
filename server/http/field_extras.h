#pragma once

#include "core/domain/error.h"
#include "core/services/org_scope.h"
#include "server/http/request_reader.h"

#include <QJsonObject>
#include <QStringList>

#include <optional>

namespace vms::server {

/**
 * Field checks that FieldReader does not offer (numbers, booleans, objects, arrays), with the
 * same FastAPI-style 422 entries. Failures at the top level go into the FieldReader; failures
 * deeper in the body (["body", "source", "url"]) are collected here, and error() merges both.
 */
class FieldChecks
{
public:
    explicit FieldChecks(FieldReader &reader)
        : m_reader(reader)
    {}

    /** A boolean query value, read as pydantic does: 1/0, true/false, yes/no, on/off, t/f, y/n. */
    std::optional<bool> queryBool(const HttpRequest &req, const QString &name);
    std::optional<double> queryNumber(const HttpRequest &req, const QString &name,
                                      std::optional<double> min = {},
                                      std::optional<double> max = {});
    /** A JSON number of the body (not a string, not a boolean). */
    std::optional<double> bodyNumber(const QString &name, std::optional<double> min = {},
                                     std::optional<double> max = {});
    /** A JSON object of the body; null counts as absent. */
    std::optional<QJsonObject> bodyObject(const QString &name);
    /** A JSON array of strings of the body, each `minLen`..`maxLen` characters. */
    std::optional<QStringList> bodyStringList(const QString &name, int minLen = 0, int maxLen = -1);
    /** Cursor and limit of a paged list; a cursor that does not decode is a 422. */
    services::PageRequest page();

    /** Records a failure at any depth, e.g. {"body", "source", "url"}. */
    void fail(const QStringList &loc, const QString &msg, const QString &type);

    bool isValid() const { return m_reader.isValid() && m_extra.isEmpty(); }
    /** Every failure, of the reader and of these checks, as one 422. */
    Error error() const;

private:
    FieldReader &m_reader;
    QList<FieldError> m_extra;
};

} // namespace vms::server
