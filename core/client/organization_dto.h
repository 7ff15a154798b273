#pragma once

#include "core/client/dto.h"
#include "core/domain/result.h"

#include <QJsonObject>
#include <QList>
#include <QString>
#include <QStringList>

#include <optional>

// Wire types of the organization model: organizations (§9), groups (§6), roles (§16),
// permissions (§11) and the writable user fields (§26). See resources/api/openapi.yaml.
namespace vms::client {

/** A tenant organization (schema Organization). */
struct Organization
{
    qint64 id = 0;
    QString name;
    QString description;
    bool isInternal = false;
    QString logoId;  ///< empty: no logo
    QString logoUrl; ///< empty: no logo

    static Result<Organization> fromJson(const QJsonObject &json);
};

/** Writable organization fields (schema OrganizationCreate); PUT replaces all of them. */
struct OrganizationInput
{
    QString name;
    QString description;
    QString logoId; ///< empty: no logo (on update: removes the logo)

    QJsonObject toJson() const;
    /** The fields of @p organization, so that an edit keeps what the form does not show. */
    static OrganizationInput from(const Organization &organization);
};

/** A user group inside an organization (schema Group). */
struct Group
{
    qint64 id = 0;
    QString name;
    QString description;
    qint64 organizationId = 0;
    QString organizationName;
    bool isInternal = false;
    qint64 userCount = 0;
    qint64 placeCount = 0;

    static Result<Group> fromJson(const QJsonObject &json);
};

/** Writable group fields (schema GroupCreate). */
struct GroupInput
{
    QString name;
    QString description;

    QJsonObject toJson() const;
};

/** A named set of permissions (schema Role). Roles are global, not per organization. */
struct Role
{
    qint64 id = 0;
    QString name;
    QString description;
    bool isInternal = false; ///< built in: cannot be renamed or deleted

    static Result<Role> fromJson(const QJsonObject &json);
};

/** Writable role fields (schema RoleCreate). */
struct RoleInput
{
    QString name;
    QString description;

    QJsonObject toJson() const;
};

/**
 * Writable user fields: schema UserCreate (POST /users) and UserUpdate (PUT /users/{id}, a full
 * replacement). A user is in at most one group.
 */
struct UserInput
{
    QString firstName;
    QString lastName;
    QString email;
    /** Required on create; on update an empty password keeps the current one. */
    QString password;
    std::optional<qint64> groupId; ///< no group: allowed on update only
    qint64 roleId = 0;
    QString avatarId; ///< empty: no avatar (on update: removes it)

    QJsonObject toJson() const;
    /** The fields of @p user (without a password), so that an edit keeps the avatar. */
    static UserInput from(const User &user);
};

/** The 101 permission names of the API (enum Permission), in the contract's order. */
const QStringList &allPermissions();

/**
 * The part of a permission name that says what it is about: "plan" for "plan_camera_create",
 * "search" for "search_face". The console groups permissions by it.
 */
QString permissionPrefix(const QString &permission);

} // namespace vms::client
