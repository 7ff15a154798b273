#include "ui/form_validation.h"

#include <QRegularExpression>
#include <QStringList>

namespace vms::ui {

LoginInputIssue checkLoginInput(const QString &login, const QString &password)
{
    if (login.trimmed().isEmpty())
        return LoginInputIssue::EmptyLogin;
    if (password.isEmpty())
        return LoginInputIssue::EmptyPassword;
    return LoginInputIssue::None;
}

NameInputIssue checkNameInput(const QString &firstName, const QString &lastName)
{
    if (firstName.trimmed().size() > kMaxNameLength)
        return NameInputIssue::FirstNameTooLong;
    if (lastName.trimmed().size() > kMaxNameLength)
        return NameInputIssue::LastNameTooLong;
    return NameInputIssue::None;
}

PasswordChangeIssue checkPasswordChange(const QString &current, const QString &newPassword,
                                        const QString &confirmation)
{
    if (current.isEmpty())
        return PasswordChangeIssue::EmptyCurrent;
    if (newPassword.size() < kMinPasswordLength)
        return PasswordChangeIssue::TooShort;
    if (newPassword.size() > kMaxPasswordLength)
        return PasswordChangeIssue::TooLong;
    if (newPassword != confirmation)
        return PasswordChangeIssue::Mismatch;
    if (newPassword == current)
        return PasswordChangeIssue::SameAsCurrent;
    return PasswordChangeIssue::None;
}

std::optional<QList<qint64>> parseUserIds(const QString &text)
{
    static const QRegularExpression separators(QStringLiteral("[\\s,;]+"));
    QList<qint64> ids;
    const QStringList parts = text.split(separators, Qt::SkipEmptyParts);
    for (const QString &part : parts) {
        bool ok = false;
        const qint64 id = part.toLongLong(&ok);
        if (!ok || id <= 0)
            return std::nullopt;
        if (!ids.contains(id))
            ids.append(id);
    }
    return ids;
}

std::optional<std::pair<QDateTime, QDateTime>> auditPeriodRange(AuditPeriod period,
                                                                const QDateTime &now)
{
    switch (period) {
    case AuditPeriod::LastHour:
        return std::pair{now.addSecs(-3600), now};
    case AuditPeriod::Last24Hours:
        return std::pair{now.addDays(-1), now};
    case AuditPeriod::Last7Days:
        return std::pair{now.addDays(-7), now};
    case AuditPeriod::Last30Days:
        return std::pair{now.addDays(-30), now};
    case AuditPeriod::Custom:
        break;
    }
    return std::nullopt;
}

bool isValidPeriod(const QDateTime &from, const QDateTime &to)
{
    return from.isValid() && to.isValid() && from < to;
}

} // namespace vms::ui
