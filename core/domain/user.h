#pragma once

#include <QDateTime>
#include <QList>
#include <QString>

#include <optional>

namespace vms {

struct GroupRef
{
    qint64 id = 0;
    QString name;
};

/** A user account with its organization, role and groups resolved. */
struct User
{
    qint64 id = 0;
    qint64 organizationId = 0;
    QString organizationName;
    qint64 roleId = 0;
    QString roleName;
    QString email;
    QString firstName;
    QString lastName;
    std::optional<QString> avatarId;
    bool isSuperuser = false;
    bool isActive = true;
    QList<GroupRef> groups;
    QString passwordHash;
    qint64 createdAtMs = 0;
    qint64 updatedAtMs = 0;
};

} // namespace vms
