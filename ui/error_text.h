#pragma once

#include "core/domain/error.h"

#include <QCoreApplication>
#include <QString>

namespace vms::ui {

/**
 * Translated, user-facing text for errors. Core errors carry technical English messages; the UI
 * picks the sentence by ErrorKind (and the API's status string where it says more).
 */
class ErrorText
{
    Q_DECLARE_TR_FUNCTIONS(vms::ui::ErrorText)

public:
    /** One sentence for @p error, with the server's detail appended where it helps. */
    static QString describe(const vms::Error &error);
    /**
     * Like describe(), for requests the server passes on to a camera (ONVIF): the camera's own
     * refusals (wrong login, nothing configured, unsupported, invalid value) and a camera that
     * does not answer are worded as such, not as problems of the server.
     */
    static QString describeCameraError(const vms::Error &error);
    /** Whether the error means that the credentials or the session are no good. */
    static bool isAuthenticationFailure(const vms::Error &error);
};

} // namespace vms::ui
