#include "ui/error_text.h"

#include <QStringList>

namespace vms::ui {

namespace {

QString withDetail(const QString &sentence, const QString &detail)
{
    if (detail.isEmpty())
        return sentence;
    return ErrorText::tr("%1 (%2)").arg(sentence, detail);
}

QString fieldNames(const vms::Error &error)
{
    QStringList names;
    for (const FieldError &field : error.fields) {
        // loc is e.g. ["body", "first_name"]: the first part names the request section only.
        const QString name = field.loc.isEmpty() ? QString() : field.loc.last();
        if (!name.isEmpty() && !names.contains(name))
            names.append(name);
    }
    return names.join(QStringLiteral(", "));
}

} // namespace

bool ErrorText::isAuthenticationFailure(const vms::Error &error)
{
    return error.kind == ErrorKind::Unauthenticated
           || error.status == QLatin1String("token_invalid_credentials")
           || error.status == QLatin1String("token_refresh_error");
}

QString ErrorText::describe(const vms::Error &error)
{
    if (error.status == QLatin1String("token_invalid_credentials"))
        return tr("Wrong login or password.");
    if (error.status == QLatin1String("token_refresh_error"))
        return tr("Your session has expired. Sign in again.");

    switch (error.kind) {
    case ErrorKind::Unauthenticated:
        return tr("Your session has expired. Sign in again.");
    case ErrorKind::PermissionDenied:
        return tr("You do not have permission to do this.");
    case ErrorKind::NotFound:
        return tr("The requested item does not exist any more.");
    case ErrorKind::InvalidArgument:
        return withDetail(tr("The server rejected the request."), error.message);
    case ErrorKind::Validation: {
        const QString names = fieldNames(error);
        return names.isEmpty() ? withDetail(tr("Some values are not valid."), error.message)
                               : tr("Some values are not valid: %1.").arg(names);
    }
    case ErrorKind::Conflict:
        return withDetail(tr("The item was changed by someone else or already exists."),
                          error.message);
    case ErrorKind::PayloadTooLarge:
        return tr("The data is too large for the server.");
    case ErrorKind::TooManyRequests:
        return tr("Too many attempts. Wait a moment and try again.");
    case ErrorKind::Unavailable:
        return tr("The server cannot be reached. Check the connection and try again.");
    case ErrorKind::Timeout:
        return tr("The server did not answer in time. Try again.");
    case ErrorKind::MethodNotAllowed:
    case ErrorKind::Internal:
        break;
    }
    return withDetail(tr("The server could not process the request."), error.message);
}

QString ErrorText::describeCameraError(const vms::Error &error)
{
    if (error.status == QLatin1String("onvif_unauthenticated"))
        return tr("The camera rejected the login and password stored for it. Check them in the "
                  "camera's properties.");
    if (error.status == QLatin1String("onvif_not_configured"))
        return tr("No ONVIF address, login or password is set for this camera. Enter them in the "
                  "camera's properties.");
    if (error.status == QLatin1String("onvif_unsupported_action"))
        return tr("The camera does not support this.");
    if (error.status == QLatin1String("onvif_invalid_argument"))
        return withDetail(tr("The camera did not accept the value."), error.message);
    // A 503 from the server (with its error body) is the camera, not the server, not answering;
    // a failed connection to the server has no status.
    if ((error.kind == ErrorKind::Unavailable || error.kind == ErrorKind::Timeout)
        && !error.status.isEmpty())
        return tr("The camera cannot be reached. Check that it is switched on and connected to "
                  "the network.");
    return describe(error);
}

} // namespace vms::ui
