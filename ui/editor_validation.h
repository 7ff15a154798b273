#pragma once

#include <QPointF>
#include <QRectF>
#include <QString>
#include <QStringList>

#include <optional>

// Input rules of the administration and site editors as plain functions, so that they are
// tested without widgets (the limits are those of resources/api/openapi.yaml).
namespace vms::ui {

/** Longest names and descriptions the API accepts. */
constexpr int kMaxGroupNameLength = 64;  ///< also roles and organizations
constexpr int kMaxPlaceNameLength = 255; ///< also plans and cameras
constexpr int kMaxDescriptionLength = 2048;
constexpr int kMaxSchedulerGroupLength = 64;
constexpr int kMaxSchedulerTagLength = 32;
constexpr int kMaxOnvifFieldLength = 255;

enum class NameIssue { None, Empty, TooLong };
/** A required name: not blank after trimming and at most @p maxLength characters. */
NameIssue checkName(const QString &name, int maxLength);

/** Loose e-mail shape check (local@domain.tld); the server has the last word. */
bool isPlausibleEmail(const QString &email);

/** What the user dialog holds. */
struct UserForm
{
    QString firstName;
    QString lastName;
    QString email;
    QString password;     ///< create: required; edit: not shown
    QString confirmation; ///< repeats the password
    std::optional<qint64> roleId;
    std::optional<qint64> groupId;
};

enum class UserFormIssue {
    None,
    FirstNameTooLong,
    LastNameTooLong,
    EmptyEmail,
    InvalidEmail,
    NoRole,
    NoGroup, ///< a new user needs exactly one group (POST /users)
    PasswordTooShort,
    PasswordTooLong,
    PasswordMismatch,
};
/** Checks the user dialog; @p isNew asks for a group and a password as well. */
UserFormIssue checkUserForm(const UserForm &form, bool isNew);

enum class NewPasswordIssue { None, TooShort, TooLong, Mismatch };
/** A password an administrator sets for someone else (no current password needed). */
NewPasswordIssue checkNewPassword(const QString &password, const QString &confirmation);

/** Result of parsing the comma-separated scheduler tags of a camera. */
struct TagParse
{
    QStringList tags;   ///< trimmed, empty parts dropped, duplicates once, in input order
    QString invalidTag; ///< the first tag longer than kMaxSchedulerTagLength, if any

    bool isValid() const { return invalidTag.isEmpty(); }
};
TagParse parseSchedulerTags(const QString &text);

/** Whether @p text is a stream URL the server can be given: a scheme and a host or path. */
bool isPlausibleStreamUrl(const QString &text);

/** What the camera dialog holds. */
struct CameraForm
{
    QString name;
    std::optional<qint64> placeId;
    QString sourceUrl;
    QString substreamUrl; ///< optional
    QString onvifHost;    ///< optional; port, login and password count only with a host
    int onvifPort = 80;
    QString onvifLogin;
    QString schedulerGroup;
    QString schedulerTags; ///< comma-separated
};

enum class CameraFormIssue {
    None,
    EmptyName,
    NameTooLong,
    NoPlace,
    EmptySourceUrl,
    InvalidSourceUrl,
    InvalidSubstreamUrl,
    InvalidOnvifPort,
    OnvifFieldTooLong,
    SchedulerGroupTooLong,
    InvalidTag,
};
CameraFormIssue checkCameraForm(const CameraForm &form);

/** @p point with both coordinates clamped to [0, 1]. */
QPointF clampToUnit(const QPointF &point);
/**
 * The normalized plan position (0..1 from the left and top edges of @p imageRect) of a point in
 * scene coordinates, clamped to the image. An empty rectangle gives the centre.
 */
QPointF normalizedPlanPosition(const QPointF &scenePoint, const QRectF &imageRect);
/** The scene point of a normalized plan position (inverse of normalizedPlanPosition). */
QPointF scenePlanPosition(const QPointF &normalized, const QRectF &imageRect);

} // namespace vms::ui
