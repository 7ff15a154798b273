#include "ui/editor_validation.h"

#include "ui/form_validation.h"

#include <QRegularExpression>
#include <QUrl>

#include <algorithm>

namespace vms::ui {

NameIssue checkName(const QString &name, int maxLength)
{
    const QString trimmed = name.trimmed();
    if (trimmed.isEmpty())
        return NameIssue::Empty;
    if (trimmed.size() > maxLength)
        return NameIssue::TooLong;
    return NameIssue::None;
}

bool isPlausibleEmail(const QString &email)
{
    static const QRegularExpression shape(QStringLiteral("^[^@\\s]+@[^@\\s.]+(\\.[^@\\s.]+)+$"));
    return shape.match(email.trimmed()).hasMatch();
}

UserFormIssue checkUserForm(const UserForm &form, bool isNew)
{
    if (form.firstName.trimmed().size() > kMaxNameLength)
        return UserFormIssue::FirstNameTooLong;
    if (form.lastName.trimmed().size() > kMaxNameLength)
        return UserFormIssue::LastNameTooLong;
    if (form.email.trimmed().isEmpty())
        return UserFormIssue::EmptyEmail;
    if (!isPlausibleEmail(form.email))
        return UserFormIssue::InvalidEmail;
    if (!form.roleId)
        return UserFormIssue::NoRole;
    if (isNew && !form.groupId)
        return UserFormIssue::NoGroup;
    if (isNew) {
        switch (checkNewPassword(form.password, form.confirmation)) {
        case NewPasswordIssue::TooShort:
            return UserFormIssue::PasswordTooShort;
        case NewPasswordIssue::TooLong:
            return UserFormIssue::PasswordTooLong;
        case NewPasswordIssue::Mismatch:
            return UserFormIssue::PasswordMismatch;
        case NewPasswordIssue::None:
            break;
        }
    }
    return UserFormIssue::None;
}

NewPasswordIssue checkNewPassword(const QString &password, const QString &confirmation)
{
    if (password.size() < kMinPasswordLength)
        return NewPasswordIssue::TooShort;
    if (password.size() > kMaxPasswordLength)
        return NewPasswordIssue::TooLong;
    if (password != confirmation)
        return NewPasswordIssue::Mismatch;
    return NewPasswordIssue::None;
}

TagParse parseSchedulerTags(const QString &text)
{
    TagParse parse;
    const QStringList parts = text.split(QLatin1Char(','));
    for (const QString &part : parts) {
        const QString tag = part.trimmed();
        if (tag.isEmpty() || parse.tags.contains(tag))
            continue;
        if (tag.size() > kMaxSchedulerTagLength && parse.invalidTag.isEmpty())
            parse.invalidTag = tag;
        parse.tags.append(tag);
    }
    return parse;
}

bool isPlausibleStreamUrl(const QString &text)
{
    const QString trimmed = text.trimmed();
    if (trimmed.isEmpty() || trimmed.contains(QLatin1Char(' ')))
        return false;
    const QUrl url(trimmed, QUrl::StrictMode);
    return url.isValid() && !url.scheme().isEmpty()
           && (!url.host().isEmpty() || !url.path().isEmpty());
}

CameraFormIssue checkCameraForm(const CameraForm &form)
{
    switch (checkName(form.name, kMaxPlaceNameLength)) {
    case NameIssue::Empty:
        return CameraFormIssue::EmptyName;
    case NameIssue::TooLong:
        return CameraFormIssue::NameTooLong;
    case NameIssue::None:
        break;
    }
    if (!form.placeId)
        return CameraFormIssue::NoPlace;
    if (form.sourceUrl.trimmed().isEmpty())
        return CameraFormIssue::EmptySourceUrl;
    if (!isPlausibleStreamUrl(form.sourceUrl))
        return CameraFormIssue::InvalidSourceUrl;
    if (!form.substreamUrl.trimmed().isEmpty() && !isPlausibleStreamUrl(form.substreamUrl))
        return CameraFormIssue::InvalidSubstreamUrl;
    if (!form.onvifHost.trimmed().isEmpty()) {
        if (form.onvifPort < 1 || form.onvifPort > 65535)
            return CameraFormIssue::InvalidOnvifPort;
        if (form.onvifHost.trimmed().size() > kMaxOnvifFieldLength
            || form.onvifLogin.trimmed().size() > kMaxOnvifFieldLength)
            return CameraFormIssue::OnvifFieldTooLong;
    }
    if (form.schedulerGroup.trimmed().size() > kMaxSchedulerGroupLength)
        return CameraFormIssue::SchedulerGroupTooLong;
    if (!parseSchedulerTags(form.schedulerTags).isValid())
        return CameraFormIssue::InvalidTag;
    return CameraFormIssue::None;
}

QPointF clampToUnit(const QPointF &point)
{
    // NaN compares false everywhere; map it to the centre instead of letting it through.
    auto clamp = [](qreal v) {
        return v == v ? std::clamp<qreal>(v, 0.0, 1.0) : 0.5;
    };
    return {clamp(point.x()), clamp(point.y())};
}

QPointF normalizedPlanPosition(const QPointF &scenePoint, const QRectF &imageRect)
{
    if (imageRect.width() <= 0 || imageRect.height() <= 0)
        return {0.5, 0.5};
    return clampToUnit({(scenePoint.x() - imageRect.left()) / imageRect.width(),
                        (scenePoint.y() - imageRect.top()) / imageRect.height()});
}

QPointF scenePlanPosition(const QPointF &normalized, const QRectF &imageRect)
{
    const QPointF unit = clampToUnit(normalized);
    return {imageRect.left() + unit.x() * imageRect.width(),
            imageRect.top() + unit.y() * imageRect.height()};
}

} // namespace vms::ui
