#pragma once

#include <QCoreApplication>
#include <QString>

namespace vms::ui {

/** Human-readable, translated names of the API's audit action types (user_login, ...). */
class AuditActionNames
{
    Q_DECLARE_TR_FUNCTIONS(vms::ui::AuditActionNames)

public:
    /** The translated name; an action type the console does not know is shown as it is. */
    static QString displayName(const QString &actionType);
};

} // namespace vms::ui
