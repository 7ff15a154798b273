#include "tests/support/openapi_validator.h"

#include <QDate>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonParseError>
#include <QMutexLocker>
#include <QUrl>

#include <algorithm>
#include <cmath>

namespace vms::test {

namespace {

// Depth of nested schemas; a cycle of $refs that never descends into the instance would otherwise
// recurse forever.
constexpr int MaxSchemaDepth = 128;

const QStringList &operationMethods()
{
    static const QStringList methods{QStringLiteral("get"),     QStringLiteral("put"),
                                     QStringLiteral("post"),    QStringLiteral("delete"),
                                     QStringLiteral("patch"),   QStringLiteral("head"),
                                     QStringLiteral("options"), QStringLiteral("trace")};
    return methods;
}

QString escapeToken(const QString &token)
{
    QString escaped = token;
    escaped.replace(QLatin1Char('~'), QLatin1String("~0"));
    escaped.replace(QLatin1Char('/'), QLatin1String("~1"));
    return escaped;
}

QString unescapeToken(const QString &token)
{
    QString unescaped = token;
    unescaped.replace(QLatin1String("~1"), QLatin1String("/"));
    unescaped.replace(QLatin1String("~0"), QLatin1String("~"));
    return unescaped;
}

QString typeOf(const QJsonValue &value)
{
    switch (value.type()) {
    case QJsonValue::Null:
        return QStringLiteral("null");
    case QJsonValue::Bool:
        return QStringLiteral("boolean");
    case QJsonValue::Double: {
        const double d = value.toDouble();
        return std::isfinite(d) && std::floor(d) == d ? QStringLiteral("integer")
                                                      : QStringLiteral("number");
    }
    case QJsonValue::String:
        return QStringLiteral("string");
    case QJsonValue::Array:
        return QStringLiteral("array");
    case QJsonValue::Object:
        return QStringLiteral("object");
    case QJsonValue::Undefined:
        break;
    }
    return QStringLiteral("undefined");
}

bool hasType(const QJsonValue &value, const QString &type)
{
    if (type == QLatin1String("integer")) {
        if (!value.isDouble())
            return false;
        const double d = value.toDouble();
        return std::isfinite(d) && std::floor(d) == d;
    }
    if (type == QLatin1String("number"))
        return value.isDouble();
    if (type == QLatin1String("string"))
        return value.isString();
    if (type == QLatin1String("boolean"))
        return value.isBool();
    if (type == QLatin1String("object"))
        return value.isObject();
    if (type == QLatin1String("array"))
        return value.isArray();
    if (type == QLatin1String("null"))
        return value.isNull();
    return true; // an unknown type name constrains nothing
}

// Compact JSON text of a value, cut short so that messages stay readable.
QString preview(const QJsonValue &value)
{
    QString text;
    if (value.isObject())
        text = QString::fromUtf8(QJsonDocument(value.toObject()).toJson(QJsonDocument::Compact));
    else if (value.isArray())
        text = QString::fromUtf8(QJsonDocument(value.toArray()).toJson(QJsonDocument::Compact));
    else {
        const QByteArray wrapped = QJsonDocument(QJsonArray{value}).toJson(QJsonDocument::Compact);
        text = QString::fromUtf8(wrapped.mid(1, wrapped.size() - 2));
    }
    if (text.size() > 80)
        text = text.left(77) + QLatin1String("...");
    return text;
}

qsizetype codePointCount(const QString &s)
{
    qsizetype count = 0;
    for (qsizetype i = 0; i < s.size(); ++i) {
        if (s.at(i).isHighSurrogate() && i + 1 < s.size() && s.at(i + 1).isLowSurrogate())
            ++i;
        ++count;
    }
    return count;
}

bool isValidDate(int year, int month, int day)
{
    return QDate(year, month, day).isValid();
}

// Empty when the string satisfies the format (or the format is one we do not check).
QString checkFormat(const QString &format, const QString &s)
{
    if (format == QLatin1String("date")) {
        static const QRegularExpression re(QStringLiteral("^(\\d{4})-(\\d{2})-(\\d{2})$"));
        const auto m = re.match(s);
        if (m.hasMatch()
            && isValidDate(m.captured(1).toInt(), m.captured(2).toInt(), m.captured(3).toInt()))
            return {};
        return QStringLiteral("is not a date (YYYY-MM-DD)");
    }
    if (format == QLatin1String("date-time")) {
        static const QRegularExpression re(
                QStringLiteral("^(\\d{4})-(\\d{2})-(\\d{2})[Tt](\\d{2}):(\\d{2}):(\\d{2})(\\.\\d+)?"
                               "([Zz]|[+-](\\d{2}):(\\d{2}))$"));
        const auto m = re.match(s);
        const bool ok = m.hasMatch()
                        && isValidDate(m.captured(1).toInt(), m.captured(2).toInt(),
                                       m.captured(3).toInt())
                        && m.captured(4).toInt() <= 23 && m.captured(5).toInt() <= 59
                        && m.captured(6).toInt() <= 60 // leap second
                        && (m.captured(9).isEmpty()
                            || (m.captured(9).toInt() <= 23 && m.captured(10).toInt() <= 59));
        return ok ? QString() : QStringLiteral("is not an RFC 3339 date-time");
    }
    if (format == QLatin1String("uuid")) {
        static const QRegularExpression re(
                QStringLiteral("^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-"
                               "[0-9a-fA-F]{12}$"));
        return re.match(s).hasMatch() ? QString() : QStringLiteral("is not a canonical UUID");
    }
    if (format == QLatin1String("email")) {
        // Deliberately loose: single-label domains such as admin@localhost are real addresses.
        static const QRegularExpression re(
                QStringLiteral("^[^@\\s]+@[^@\\s.]([^@\\s]*[^@\\s.])?$"));
        const bool ok = re.match(s).hasMatch() && !s.contains(QLatin1String(".."));
        return ok ? QString() : QStringLiteral("is not an email address");
    }
    return {};
}

QString mediaTypeOf(const QByteArray &contentType)
{
    const qsizetype semicolon = contentType.indexOf(';');
    return QString::fromLatin1(semicolon < 0 ? contentType : contentType.left(semicolon))
            .trimmed()
            .toLower();
}

bool isJsonMediaType(const QString &mediaType)
{
    return mediaType == QLatin1String("application/json")
           || mediaType.endsWith(QLatin1String("+json"));
}

// Parses any JSON text, scalars included (QJsonDocument alone only takes objects and arrays).
bool parseJson(const QByteArray &text, QJsonValue *value, QString *error)
{
    QJsonParseError parseError;
    const QJsonDocument doc = QJsonDocument::fromJson('[' + text + ']', &parseError);
    if (parseError.error != QJsonParseError::NoError) {
        *error = QStringLiteral("body is not valid JSON (%1 at offset %2)")
                         .arg(parseError.errorString())
                         .arg(qMax(0, parseError.offset - 1));
        return false;
    }
    const QJsonArray wrapper = doc.array();
    if (wrapper.size() != 1) {
        *error = QStringLiteral("body is not a single JSON value");
        return false;
    }
    *value = wrapper.at(0);
    return true;
}

} // namespace

// A JSON pointer built as a chain of stack frames, so that pointers are only turned into text
// when a check fails.
struct OpenApiValidator::Ptr
{
    const Ptr *parent = nullptr;
    QString token; // reference token, or the whole prefix on the root frame
    qsizetype index = -1;

    QString toString() const
    {
        QList<const Ptr *> chain;
        for (const Ptr *p = this; p; p = p->parent)
            chain.prepend(p);
        QString text = chain.first()->token;
        for (qsizetype i = 1; i < chain.size(); ++i) {
            text += QLatin1Char('/');
            text += chain.at(i)->index >= 0 ? QString::number(chain.at(i)->index)
                                            : escapeToken(chain.at(i)->token);
        }
        return text;
    }
};

OpenApiValidator::OpenApiValidator()
    : OpenApiValidator(qEnvironmentVariable("VMS_OPENAPI_JSON"))
{}

OpenApiValidator::OpenApiValidator(const QString &jsonPath)
{
    if (jsonPath.isEmpty()) {
        m_loadError = QStringLiteral("no OpenAPI JSON path given (is VMS_OPENAPI_JSON set?)");
        return;
    }
    QFile file(jsonPath);
    if (!file.open(QIODevice::ReadOnly)) {
        m_loadError = QStringLiteral("cannot read %1: %2").arg(jsonPath, file.errorString());
        return;
    }
    QJsonParseError parseError;
    const QJsonDocument doc = QJsonDocument::fromJson(file.readAll(), &parseError);
    if (parseError.error != QJsonParseError::NoError || !doc.isObject()) {
        m_loadError = QStringLiteral("%1 is not a JSON object: %2")
                              .arg(jsonPath, parseError.errorString());
        return;
    }
    load(doc.object());
}

OpenApiValidator::OpenApiValidator(const QJsonObject &document)
{
    load(document);
}

OpenApiValidator::~OpenApiValidator() = default;

const OpenApiValidator &OpenApiValidator::instance()
{
    static const OpenApiValidator validator;
    return validator;
}

void OpenApiValidator::load(const QJsonObject &document)
{
    m_document = document;
    if (!document.value(QLatin1String("paths")).isObject()) {
        m_loadError = QStringLiteral("the document has no \"paths\" object");
        return;
    }

    const QJsonObject components = document.value(QLatin1String("components")).toObject();
    for (auto kind = components.begin(); kind != components.end(); ++kind) {
        const QJsonObject entries = kind.value().toObject();
        for (auto entry = entries.begin(); entry != entries.end(); ++entry) {
            m_components.insert(QLatin1String("#/components/") + escapeToken(kind.key())
                                        + QLatin1Char('/') + escapeToken(entry.key()),
                                entry.value().toObject());
        }
    }

    static const QRegularExpression paramRe(QStringLiteral("\\{[^}/]+\\}"));
    const QJsonObject paths = document.value(QLatin1String("paths")).toObject();
    for (auto it = paths.begin(); it != paths.end(); ++it) {
        PathTemplate t;
        t.path = it.key();
        t.pointer = QLatin1String("#/paths/") + escapeToken(it.key());
        t.item = it.value().toObject();
        const QStringList parts = it.key().split(QLatin1Char('/'));
        for (const QString &part : parts) {
            Segment segment;
            const auto m = paramRe.match(part);
            if (!m.hasMatch()) {
                segment.literal = part;
            } else if (m.capturedStart() == 0 && m.capturedLength() == part.size()) {
                segment.isParam = true;
            } else {
                // "{name}.json"-style segment: text is literal, each {param} takes one or more
                // chars.
                QString pattern = QStringLiteral("^");
                qsizetype last = 0;
                auto params = paramRe.globalMatch(part);
                while (params.hasNext()) {
                    const auto p = params.next();
                    pattern += QRegularExpression::escape(part.mid(last, p.capturedStart() - last))
                               + QLatin1String("(.+?)");
                    last = p.capturedEnd();
                }
                pattern += QRegularExpression::escape(part.mid(last)) + QLatin1Char('$');
                segment.regex = QRegularExpression(pattern);
                segment.literal = part;
            }
            t.segments.append(segment);
        }
        m_templatesBySegmentCount[int(t.segments.size())].append(int(m_templates.size()));
        m_templates.append(t);
    }
}

int OpenApiValidator::operationCount() const
{
    int count = 0;
    for (const PathTemplate &t : m_templates) {
        for (const QString &method : operationMethods())
            count += t.item.contains(method) ? 1 : 0;
    }
    return count;
}

QList<const OpenApiValidator::PathTemplate *>
OpenApiValidator::matchingTemplates(const QString &path) const
{
    static const QRegularExpression queryOrFragment(QStringLiteral("[?#]"));
    QString bare = path;
    const qsizetype cut = bare.indexOf(queryOrFragment);
    if (cut >= 0)
        bare.truncate(cut);
    QStringList parts = bare.split(QLatin1Char('/'));
    for (QString &part : parts)
        part = QUrl::fromPercentEncoding(part.toUtf8());

    // Rank per segment: 0 literal, 1 mixed, 2 whole-segment parameter; lower sorts first.
    QList<QPair<QList<int>, const PathTemplate *>> found;
    const QList<int> candidates = m_templatesBySegmentCount.value(int(parts.size()));
    for (int index : candidates) {
        const PathTemplate &t = m_templates.at(index);
        QList<int> rank;
        rank.reserve(parts.size());
        bool matches = true;
        for (qsizetype i = 0; matches && i < parts.size(); ++i) {
            const Segment &segment = t.segments.at(i);
            if (segment.isParam) {
                matches = !parts.at(i).isEmpty();
                rank.append(2);
            } else if (segment.regex.pattern().isEmpty()) {
                matches = segment.literal == parts.at(i);
                rank.append(0);
            } else {
                matches = segment.regex.match(parts.at(i)).hasMatch();
                rank.append(1);
            }
        }
        if (matches)
            found.append({rank, &t});
    }
    std::stable_sort(found.begin(), found.end(),
                     [](const auto &a, const auto &b) { return a.first < b.first; });
    QList<const PathTemplate *> result;
    result.reserve(found.size());
    for (const auto &entry : found)
        result.append(entry.second);
    return result;
}

QString OpenApiValidator::matchPath(const QString &method, const QString &path) const
{
    const QString key = method.toLower();
    const QList<const PathTemplate *> templates = matchingTemplates(path);
    for (const PathTemplate *t : templates) {
        if (t->item.contains(key))
            return t->path;
    }
    return {};
}

bool OpenApiValidator::resolveRef(const QString &ref, QJsonObject *target) const
{
    const auto cached = m_components.constFind(ref);
    if (cached != m_components.constEnd()) {
        *target = cached.value();
        return true;
    }
    if (!ref.startsWith(QLatin1String("#/")) && ref != QLatin1String("#"))
        return false; // only local references are supported
    QJsonValue node = m_document;
    const QStringList tokens = ref.mid(2).split(QLatin1Char('/'), Qt::SkipEmptyParts);
    for (const QString &raw : tokens) {
        const QString token = unescapeToken(QUrl::fromPercentEncoding(raw.toUtf8()));
        if (node.isObject()) {
            if (!node.toObject().contains(token))
                return false;
            node = node.toObject().value(token);
        } else if (node.isArray()) {
            bool ok = false;
            const int index = token.toInt(&ok);
            if (!ok || index < 0 || index >= node.toArray().size())
                return false;
            node = node.toArray().at(index);
        } else {
            return false;
        }
    }
    if (!node.isObject())
        return false;
    *target = node.toObject();
    return true;
}

QRegularExpression OpenApiValidator::compiledPattern(const QString &pattern) const
{
    QMutexLocker locker(&m_patternMutex);
    auto it = m_patterns.constFind(pattern);
    if (it == m_patterns.constEnd()) {
        QRegularExpression re(pattern);
        re.optimize();
        it = m_patterns.insert(pattern, re);
    }
    return it.value();
}

QString OpenApiValidator::validate(const QJsonValue &value, const QJsonObject &schema) const
{
    const Ptr at{nullptr, QString()};
    const Ptr schemaAt{nullptr, QStringLiteral("#")};
    return validateNode(value, schema, at, schemaAt, 0);
}

QString OpenApiValidator::validateNode(const QJsonValue &value, const QJsonObject &schema,
                                       const Ptr &at, const Ptr &schemaAt, int depth) const
{
    const auto fail = [&](const QString &message, const QString &keyword) {
        const QString where = at.toString();
        return QStringLiteral("at %1: %2 [schema %3/%4]")
                .arg(where.isEmpty() ? QStringLiteral("(root)") : where, message,
                     schemaAt.toString(), escapeToken(keyword));
    };

    if (depth > MaxSchemaDepth)
        return fail(QStringLiteral("schema nesting deeper than %1 (recursive $ref?)")
                            .arg(MaxSchemaDepth),
                    QStringLiteral("$ref"));

    // OpenAPI 3.0: keywords next to a $ref are ignored.
    const QJsonValue refValue = schema.value(QLatin1String("$ref"));
    if (refValue.isString()) {
        const QString ref = refValue.toString();
        QJsonObject target;
        if (!resolveRef(ref, &target))
            return fail(QStringLiteral("unresolvable $ref \"%1\"").arg(ref),
                        QStringLiteral("$ref"));
        const Ptr targetAt{nullptr, ref};
        return validateNode(value, target, at, targetAt, depth + 1);
    }

    if (value.isNull() && schema.value(QLatin1String("nullable")).toBool())
        return {};

    const QJsonValue typeValue = schema.value(QLatin1String("type"));
    if (typeValue.isString()) {
        if (!hasType(value, typeValue.toString()))
            return fail(QStringLiteral("expected %1, got %2 %3")
                                .arg(typeValue.toString(), typeOf(value), preview(value)),
                        QStringLiteral("type"));
    } else if (typeValue.isArray()) {
        const QJsonArray types = typeValue.toArray();
        const bool any = std::any_of(types.begin(), types.end(), [&](const QJsonValue &t) {
            return hasType(value, t.toString());
        });
        if (!any)
            return fail(QStringLiteral("expected one of %1, got %2")
                                .arg(preview(typeValue), typeOf(value)),
                        QStringLiteral("type"));
    }

    const QJsonValue enumValue = schema.value(QLatin1String("enum"));
    if (enumValue.isArray()) {
        const QJsonArray allowed = enumValue.toArray();
        if (!allowed.contains(value))
            return fail(QStringLiteral("%1 is not one of %2").arg(preview(value), preview(allowed)),
                        QStringLiteral("enum"));
    }

    if (value.isString()) {
        const QString s = value.toString();
        const QJsonValue minLength = schema.value(QLatin1String("minLength"));
        const QJsonValue maxLength = schema.value(QLatin1String("maxLength"));
        if (minLength.isDouble() || maxLength.isDouble()) {
            const qsizetype length = codePointCount(s);
            if (minLength.isDouble() && length < minLength.toDouble())
                return fail(QStringLiteral("string of length %1 is shorter than %2")
                                    .arg(length)
                                    .arg(minLength.toDouble()),
                            QStringLiteral("minLength"));
            if (maxLength.isDouble() && length > maxLength.toDouble())
                return fail(QStringLiteral("string of length %1 is longer than %2")
                                    .arg(length)
                                    .arg(maxLength.toDouble()),
                            QStringLiteral("maxLength"));
        }
        const QJsonValue pattern = schema.value(QLatin1String("pattern"));
        if (pattern.isString()) {
            const QRegularExpression re = compiledPattern(pattern.toString());
            if (!re.isValid())
                return fail(QStringLiteral("invalid pattern in schema: %1").arg(re.errorString()),
                            QStringLiteral("pattern"));
            // JSON Schema patterns are not anchored: a match anywhere is enough.
            if (!re.match(s).hasMatch())
                return fail(QStringLiteral("%1 does not match pattern %2")
                                    .arg(preview(value), pattern.toString()),
                            QStringLiteral("pattern"));
        }
        const QJsonValue format = schema.value(QLatin1String("format"));
        if (format.isString()) {
            const QString problem = checkFormat(format.toString(), s);
            if (!problem.isEmpty())
                return fail(preview(value) + QLatin1Char(' ') + problem, QStringLiteral("format"));
        }
    }

    if (value.isDouble()) {
        const double d = value.toDouble();
        const QJsonValue minimum = schema.value(QLatin1String("minimum"));
        const QJsonValue maximum = schema.value(QLatin1String("maximum"));
        const QJsonValue exclusiveMin = schema.value(QLatin1String("exclusiveMinimum"));
        const QJsonValue exclusiveMax = schema.value(QLatin1String("exclusiveMaximum"));
        if (minimum.isDouble()) {
            const bool exclusive = exclusiveMin.toBool(false);
            if (exclusive ? !(d > minimum.toDouble()) : !(d >= minimum.toDouble()))
                return fail(QStringLiteral("%1 is %2 %3")
                                    .arg(preview(value),
                                         exclusive ? QStringLiteral("not greater than")
                                                   : QStringLiteral("less than"),
                                         preview(minimum)),
                            QStringLiteral("minimum"));
        }
        if (maximum.isDouble()) {
            const bool exclusive = exclusiveMax.toBool(false);
            if (exclusive ? !(d < maximum.toDouble()) : !(d <= maximum.toDouble()))
                return fail(QStringLiteral("%1 is %2 %3")
                                    .arg(preview(value),
                                         exclusive ? QStringLiteral("not less than")
                                                   : QStringLiteral("greater than"),
                                         preview(maximum)),
                            QStringLiteral("maximum"));
        }
        // The numeric (JSON Schema 2019+/OpenAPI 3.1) spelling, in case a schema uses it.
        if (exclusiveMin.isDouble() && !(d > exclusiveMin.toDouble()))
            return fail(QStringLiteral("%1 is not greater than %2")
                                .arg(preview(value), preview(exclusiveMin)),
                        QStringLiteral("exclusiveMinimum"));
        if (exclusiveMax.isDouble() && !(d < exclusiveMax.toDouble()))
            return fail(QStringLiteral("%1 is not less than %2")
                                .arg(preview(value), preview(exclusiveMax)),
                        QStringLiteral("exclusiveMaximum"));
        const QJsonValue multipleOf = schema.value(QLatin1String("multipleOf"));
        if (multipleOf.isDouble() && multipleOf.toDouble() > 0) {
            const double quotient = d / multipleOf.toDouble();
            if (std::fabs(quotient - std::round(quotient)) > 1e-9)
                return fail(QStringLiteral("%1 is not a multiple of %2")
                                    .arg(preview(value), preview(multipleOf)),
                            QStringLiteral("multipleOf"));
        }
    }

    if (value.isArray()) {
        const QJsonArray array = value.toArray();
        const QJsonValue minItems = schema.value(QLatin1String("minItems"));
        const QJsonValue maxItems = schema.value(QLatin1String("maxItems"));
        if (minItems.isDouble() && array.size() < minItems.toDouble())
            return fail(QStringLiteral("array has %1 items, fewer than %2")
                                .arg(array.size())
                                .arg(minItems.toDouble()),
                        QStringLiteral("minItems"));
        if (maxItems.isDouble() && array.size() > maxItems.toDouble())
            return fail(QStringLiteral("array has %1 items, more than %2")
                                .arg(array.size())
                                .arg(maxItems.toDouble()),
                        QStringLiteral("maxItems"));
        if (schema.value(QLatin1String("uniqueItems")).toBool()) {
            for (qsizetype i = 1; i < array.size(); ++i) {
                for (qsizetype j = 0; j < i; ++j) {
                    if (array.at(i) == array.at(j))
                        return fail(QStringLiteral("items %1 and %2 are equal").arg(j).arg(i),
                                    QStringLiteral("uniqueItems"));
                }
            }
        }
        const QJsonValue items = schema.value(QLatin1String("items"));
        if (items.isObject()) {
            const QJsonObject itemSchema = items.toObject();
            const Ptr itemsAt{&schemaAt, QStringLiteral("items")};
            for (qsizetype i = 0; i < array.size(); ++i) {
                const Ptr itemAt{&at, QString(), i};
                const QString error
                        = validateNode(array.at(i), itemSchema, itemAt, itemsAt, depth + 1);
                if (!error.isEmpty())
                    return error;
            }
        }
    }

    if (value.isObject()) {
        const QJsonObject object = value.toObject();
        const QJsonArray required = schema.value(QLatin1String("required")).toArray();
        for (const QJsonValue &name : required) {
            if (!object.contains(name.toString()))
                return fail(QStringLiteral("missing required property \"%1\"").arg(name.toString()),
                            QStringLiteral("required"));
        }
        const QJsonValue minProperties = schema.value(QLatin1String("minProperties"));
        const QJsonValue maxProperties = schema.value(QLatin1String("maxProperties"));
        if (minProperties.isDouble() && object.size() < minProperties.toDouble())
            return fail(QStringLiteral("object has fewer than %1 properties")
                                .arg(minProperties.toDouble()),
                        QStringLiteral("minProperties"));
        if (maxProperties.isDouble() && object.size() > maxProperties.toDouble())
            return fail(QStringLiteral("object has more than %1 properties")
                                .arg(maxProperties.toDouble()),
                        QStringLiteral("maxProperties"));

        const QJsonObject properties = schema.value(QLatin1String("properties")).toObject();
        const QJsonValue additional = schema.value(QLatin1String("additionalProperties"));
        const Ptr propertiesAt{&schemaAt, QStringLiteral("properties")};
        const Ptr additionalAt{&schemaAt, QStringLiteral("additionalProperties")};
        for (auto it = object.begin(); it != object.end(); ++it) {
            const QString key = it.key();
            const Ptr memberAt{&at, key};
            const auto property = properties.constFind(key);
            QString error;
            if (property != properties.constEnd()) {
                const Ptr propertyAt{&propertiesAt, key};
                error = validateNode(it.value(), property.value().toObject(), memberAt, propertyAt,
                                     depth + 1);
            } else if (additional.isBool() && !additional.toBool()) {
                error = fail(QStringLiteral("property \"%1\" is not allowed").arg(key),
                             QStringLiteral("additionalProperties"));
            } else if (additional.isObject()) {
                error = validateNode(it.value(), additional.toObject(), memberAt, additionalAt,
                                     depth + 1);
            }
            if (!error.isEmpty())
                return error;
        }
    }

    const QJsonArray allOf = schema.value(QLatin1String("allOf")).toArray();
    if (!allOf.isEmpty()) {
        const Ptr allOfAt{&schemaAt, QStringLiteral("allOf")};
        for (qsizetype i = 0; i < allOf.size(); ++i) {
            const Ptr branchAt{&allOfAt, QString(), i};
            const QString error
                    = validateNode(value, allOf.at(i).toObject(), at, branchAt, depth + 1);
            if (!error.isEmpty())
                return error;
        }
    }

    const QJsonArray anyOf = schema.value(QLatin1String("anyOf")).toArray();
    if (!anyOf.isEmpty()) {
        const Ptr anyOfAt{&schemaAt, QStringLiteral("anyOf")};
        QStringList errors;
        for (qsizetype i = 0; i < anyOf.size(); ++i) {
            const Ptr branchAt{&anyOfAt, QString(), i};
            const QString error
                    = validateNode(value, anyOf.at(i).toObject(), at, branchAt, depth + 1);
            if (error.isEmpty()) {
                errors.clear();
                break;
            }
            errors.append(QStringLiteral("  [%1] %2").arg(i).arg(error));
        }
        if (!errors.isEmpty())
            return fail(QStringLiteral("matches none of the anyOf schemas:\n")
                                + errors.join(QLatin1Char('\n')),
                        QStringLiteral("anyOf"));
    }

    const QJsonArray oneOf = schema.value(QLatin1String("oneOf")).toArray();
    if (!oneOf.isEmpty()) {
        const Ptr oneOfAt{&schemaAt, QStringLiteral("oneOf")};
        QStringList errors;
        QList<qsizetype> matched;
        for (qsizetype i = 0; i < oneOf.size(); ++i) {
            const Ptr branchAt{&oneOfAt, QString(), i};
            const QString error
                    = validateNode(value, oneOf.at(i).toObject(), at, branchAt, depth + 1);
            if (error.isEmpty())
                matched.append(i);
            else
                errors.append(QStringLiteral("  [%1] %2").arg(i).arg(error));
        }
        if (matched.isEmpty())
            return fail(QStringLiteral("matches none of the oneOf schemas:\n")
                                + errors.join(QLatin1Char('\n')),
                        QStringLiteral("oneOf"));
        if (matched.size() > 1) {
            QStringList indexes;
            for (qsizetype i : matched)
                indexes.append(QString::number(i));
            return fail(QStringLiteral("matches more than one oneOf schema (%1)")
                                .arg(indexes.join(QLatin1String(", "))),
                        QStringLiteral("oneOf"));
        }
    }

    const QJsonValue notValue = schema.value(QLatin1String("not"));
    if (notValue.isObject()) {
        const Ptr notAt{&schemaAt, QStringLiteral("not")};
        if (validateNode(value, notValue.toObject(), at, notAt, depth + 1).isEmpty())
            return fail(QStringLiteral("matches the schema under \"not\""), QStringLiteral("not"));
    }

    return {};
}

QString OpenApiValidator::validateBody(const QJsonObject &content, const QString &contentPointer,
                                       const QByteArray &contentType, const QByteArray &body) const
{
    // "No content" describes no payload, so there is nothing to hold the body to.
    if (content.isEmpty())
        return {};

    const QString actual = mediaTypeOf(contentType);
    QString declared;
    if (!actual.isEmpty()) {
        const QString wildcard = actual.section(QLatin1Char('/'), 0, 0) + QLatin1String("/*");
        for (const QString &candidate : {actual, wildcard, QStringLiteral("*/*")}) {
            for (auto it = content.begin(); it != content.end(); ++it) {
                if (it.key().toLower() == candidate) {
                    declared = it.key();
                    break;
                }
            }
            if (!declared.isEmpty())
                break;
        }
    }
    const QJsonObject mediaObject = content.value(declared).toObject();

    if (body.trimmed().isEmpty()) {
        // The 500s declare a media type without a schema: no body at all is what they allow.
        for (auto it = content.begin(); it != content.end(); ++it) {
            if (it.value().toObject().value(QLatin1String("schema")).toObject().isEmpty())
                return {};
        }
        if (!declared.isEmpty() && !isJsonMediaType(declared.toLower()))
            return {};
        return QStringLiteral("empty body, but %1 requires one (Content-Type \"%2\")")
                .arg(contentPointer, QString::fromLatin1(contentType));
    }

    if (declared.isEmpty())
        return QStringLiteral("Content-Type \"%1\" is not declared at %2 (declared: %3)")
                .arg(QString::fromLatin1(contentType), contentPointer,
                     content.keys().join(QLatin1String(", ")));

    if (!isJsonMediaType(declared.toLower()) && !isJsonMediaType(actual))
        return {};

    QJsonValue value;
    QString parseError;
    if (!parseJson(body, &value, &parseError))
        return parseError;

    const QJsonObject schema = mediaObject.value(QLatin1String("schema")).toObject();
    if (schema.isEmpty())
        return {};
    const Ptr at{nullptr, QString()};
    const Ptr schemaAt{nullptr, contentPointer + QLatin1Char('/') + escapeToken(declared)
                                        + QLatin1String("/schema")};
    return validateNode(value, schema, at, schemaAt, 0);
}

QString OpenApiValidator::validateFallback(const QString &schemaName, const QByteArray &contentType,
                                           const QByteArray &body) const
{
    const QString ref = QLatin1String("#/components/schemas/") + schemaName;
    if (!m_components.contains(ref))
        return QStringLiteral("the document has no %1 to check the body against").arg(ref);
    const QJsonObject content{
            {QStringLiteral("application/json"),
             QJsonObject{{QStringLiteral("schema"), QJsonObject{{QStringLiteral("$ref"), ref}}}}}};
    return validateBody(content, ref, contentType, body);
}

QString OpenApiValidator::validateResponse(const QString &method, const QString &path, int status,
                                           const QByteArray &contentType,
                                           const QByteArray &body) const
{
    const QString request = method.toUpper() + QLatin1Char(' ') + path + QLatin1String(" -> ")
                            + QString::number(status);
    const auto error = [&](const QString &message) {
        return message.isEmpty() ? QString() : request + QLatin1String(": ") + message;
    };
    if (!isLoaded())
        return error(QLatin1String("OpenAPI document not loaded: ") + m_loadError);

    const QString key = method.toLower();
    const QList<const PathTemplate *> templates = matchingTemplates(path);
    if (templates.isEmpty()) {
        // The server answers unknown paths with its generic 404; nothing else is acceptable.
        if (status == 404)
            return error(validateFallback(QStringLiteral("NotFoundError"), contentType, body));
        return error(QStringLiteral("no path template in #/paths matches this path"));
    }

    const PathTemplate *matched = nullptr;
    for (const PathTemplate *t : templates) {
        if (t->item.contains(key)) {
            matched = t;
            break;
        }
    }
    if (!matched) {
        if (status == 405)
            return error(
                    validateFallback(QStringLiteral("MethodNotAllowedError"), contentType, body));
        QStringList allowed;
        for (const PathTemplate *t : templates) {
            for (const QString &m : operationMethods()) {
                if (t->item.contains(m))
                    allowed.append(m.toUpper() + QLatin1Char(' ') + t->path);
            }
        }
        return error(QStringLiteral("%1 is not an operation of %2 (documented: %3)")
                             .arg(method.toUpper(), templates.first()->pointer,
                                  allowed.join(QLatin1String(", "))));
    }

    const QString operationPointer = matched->pointer + QLatin1Char('/') + key;
    const QJsonObject responses
            = matched->item.value(key).toObject().value(QLatin1String("responses")).toObject();
    const QString code = QString::number(status);
    const QString range = QString::number(status / 100) + QLatin1String("XX");
    QString responseKey;
    for (const QString &candidate : {code, range, QStringLiteral("default")}) {
        if (responses.contains(candidate)) {
            responseKey = candidate;
            break;
        }
    }
    if (responseKey.isEmpty())
        return error(
                QStringLiteral("status %1 is not documented at %2/responses (documented: %3)")
                        .arg(code, operationPointer, responses.keys().join(QLatin1String(", "))));

    QString responsePointer = operationPointer + QLatin1String("/responses/") + responseKey;
    QJsonObject response = responses.value(responseKey).toObject();
    for (int hops = 0; response.value(QLatin1String("$ref")).isString(); ++hops) {
        const QString ref = response.value(QLatin1String("$ref")).toString();
        if (hops > 8 || !resolveRef(ref, &response))
            return error(QStringLiteral("unresolvable response $ref \"%1\" at %2")
                                 .arg(ref, responsePointer));
        responsePointer = ref;
    }
    return error(validateBody(response.value(QLatin1String("content")).toObject(),
                              responsePointer + QLatin1String("/content"), contentType, body));
}

} // namespace vms::test
