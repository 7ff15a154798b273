#pragma once

#include <QDateTime>
#include <QList>
#include <QString>

#include <optional>
#include <utility>

// Input rules of the console's forms as plain functions, so that they are tested without widgets.
namespace vms::ui {

/** Longest first or last name the API accepts (schema CurrentUserUpdate). */
constexpr int kMaxNameLength = 32;
/** Password length bounds the console asks for (the API caps passwords at 128). */
constexpr int kMinPasswordLength = 8;
constexpr int kMaxPasswordLength = 128;

enum class LoginInputIssue { None, EmptyLogin, EmptyPassword };
/** Checks the sign-in form; surrounding blanks of the login do not count. */
LoginInputIssue checkLoginInput(const QString &login, const QString &password);

enum class NameInputIssue { None, FirstNameTooLong, LastNameTooLong };
NameInputIssue checkNameInput(const QString &firstName, const QString &lastName);

enum class PasswordChangeIssue {
    None,
    EmptyCurrent,
    TooShort,
    TooLong,
    Mismatch, ///< the confirmation differs from the new password
    SameAsCurrent,
};
PasswordChangeIssue checkPasswordChange(const QString &current, const QString &newPassword,
                                        const QString &confirmation);

/**
 * Parses a user-ID filter such as "1, 5 7". Returns an empty list for blank input and nothing
 * when a part is not a positive integer.
 */
std::optional<QList<qint64>> parseUserIds(const QString &text);

enum class AuditPeriod { LastHour, Last24Hours, Last7Days, Last30Days, Custom };
/** [from, to] of a preset period ending at @p now; Custom yields nothing. */
std::optional<std::pair<QDateTime, QDateTime>> auditPeriodRange(AuditPeriod period,
                                                                const QDateTime &now);
/** A period is usable when both ends are valid and it starts before it ends. */
bool isValidPeriod(const QDateTime &from, const QDateTime &to);

} // namespace vms::ui
