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
    /** Whether the error means that the credentials or the session are no good. */
    static bool isAuthenticationFailure(const vms::Error &error);
};

} // namespace vms::ui
