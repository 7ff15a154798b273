#pragma once

#include <QByteArray>
#include <QHash>
#include <QJsonObject>
#include <QJsonValue>
#include <QList>
#include <QMutex>
#include <QRegularExpression>
#include <QString>
#include <QStringList>

namespace vms::test {

// Checks HTTP responses against the project's OpenAPI 3.0 contract (the JSON that the build
// converts from resources/api/openapi.yaml). Every check returns an empty string when the response
// conforms, else a message that names the JSON pointer (in the body and in the document) at fault.
class OpenApiValidator
{
public:
    // Reads the document named by the environment variable VMS_OPENAPI_JSON.
    OpenApiValidator();
    explicit OpenApiValidator(const QString &jsonPath);
    explicit OpenApiValidator(const QJsonObject &document);
    ~OpenApiValidator();

    OpenApiValidator(const OpenApiValidator &) = delete;
    OpenApiValidator &operator=(const OpenApiValidator &) = delete;

    // Shared validator for VMS_OPENAPI_JSON, loaded on first use.
    static const OpenApiValidator &instance();

    bool isLoaded() const { return m_loadError.isEmpty(); }
    QString loadError() const { return m_loadError; }
    const QJsonObject &document() const { return m_document; }

    // Number of operations (get/put/post/delete/patch/head/options/trace) over all paths.
    int operationCount() const;

    // The path template ("/api/v1/users/{user_id}") that serves method on the concrete path (query
    // string allowed), or an empty string when none does.
    QString matchPath(const QString &method, const QString &path) const;

    QString validateResponse(const QString &method, const QString &path, int status,
                             const QByteArray &contentType, const QByteArray &body) const;

    // JSON Schema check for the OpenAPI 3.0 subset; $refs resolve against this document.
    QString validate(const QJsonValue &value, const QJsonObject &schema) const;

private:
    struct Segment
    {
        QString literal;
        QRegularExpression regex; // only for segments that mix text and {params}
        bool isParam = false;
    };
    struct PathTemplate
    {
        QString path;
        QString pointer; // "#/paths/~1api~1v1~1cameras"
        QList<Segment> segments;
        QJsonObject item;
    };
    struct Ptr;

    void load(const QJsonObject &document);
    // Templates matching the concrete path, most specific (literal segments first) first.
    QList<const PathTemplate *> matchingTemplates(const QString &path) const;
    QString validateNode(const QJsonValue &value, const QJsonObject &schema, const Ptr &at,
                         const Ptr &schemaAt, int depth) const;
    QString validateBody(const QJsonObject &content, const QString &contentPointer,
                         const QByteArray &contentType, const QByteArray &body) const;
    QString validateFallback(const QString &schemaName, const QByteArray &contentType,
                             const QByteArray &body) const;
    bool resolveRef(const QString &ref, QJsonObject *target) const;
    QRegularExpression compiledPattern(const QString &pattern) const;

    QJsonObject m_document;
    QString m_loadError;
    QList<PathTemplate> m_templates;
    QHash<int, QList<int>> m_templatesBySegmentCount;
    QHash<QString, QJsonObject> m_components; // "#/components/<kind>/<name>" -> object

    mutable QMutex m_patternMutex;
    mutable QHash<QString, QRegularExpression> m_patterns;
};

} // namespace vms::test
