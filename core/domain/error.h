#pragma once

#include <QList>
#include <QString>
#include <QStringList>

namespace vms {

/** What went wrong, independent of transport. server/http/error_mapper.cpp maps it to HTTP. */
enum class ErrorKind {
    InvalidArgument,  ///< 400 invalid_request (domain rule broken)
    Validation,       ///< 422 FastAPI-style {detail:[{loc,msg,type}]}
    Unauthenticated,  ///< 401 (no or bad bearer token)
    PermissionDenied, ///< 403 unauthorized
    NotFound,         ///< 404 not_found
    MethodNotAllowed, ///< 405
    Conflict,         ///< 409
    PayloadTooLarge,  ///< 413
    TooManyRequests,  ///< 429
    Unavailable,      ///< 503 temporarily_unavailable
    Timeout,          ///< 503 temporarily_unavailable (timed out)
    Internal,         ///< 500
};

/** One failed field of a validation error: loc is e.g. {"body","email"} or {"path","user_id"}. */
struct FieldError
{
    QStringList loc;
    QString msg;
    QString type;
};

/**
 * An error value. `status` overrides the seed's default status string for the kind
 * (e.g. "token_invalid_credentials" for a 401 on the token route).
 */
struct Error
{
    ErrorKind kind = ErrorKind::Internal;
    QString message;
    QString status;
    QList<FieldError> fields;

    static Error invalid(QString msg, QString status = {})
    {
        return {ErrorKind::InvalidArgument, std::move(msg), std::move(status), {}};
    }
    static Error notFound(QString msg) { return {ErrorKind::NotFound, std::move(msg), {}, {}}; }
    static Error denied(QString msg)
    {
        return {ErrorKind::PermissionDenied, std::move(msg), {}, {}};
    }
    static Error unauthenticated(QString msg, QString status = {})
    {
        return {ErrorKind::Unauthenticated, std::move(msg), std::move(status), {}};
    }
    static Error unavailable(QString msg)
    {
        return {ErrorKind::Unavailable, std::move(msg), {}, {}};
    }
    static Error internal(QString msg) { return {ErrorKind::Internal, std::move(msg), {}, {}}; }
    static Error validation(QStringList loc, QString msg, QString type)
    {
        Error e{ErrorKind::Validation, msg, {}, {}};
        e.fields.append({std::move(loc), std::move(msg), std::move(type)});
        return e;
    }
};

} // namespace vms
