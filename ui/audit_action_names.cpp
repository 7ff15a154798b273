#include "ui/audit_action_names.h"

#include <QHash>

namespace vms::ui {

namespace {

struct ActionName
{
    const char *type;
    const char *name;
};

// One row per value of the API's AuditActionType enum.
constexpr ActionName kActionNames[] = {
        {"camera_create", QT_TRANSLATE_NOOP("vms::ui::AuditActionNames", "Camera created")},
        {"camera_delete", QT_TRANSLATE_NOOP("vms::ui::AuditActionNames", "Camera deleted")},
        {"camera_update", QT_TRANSLATE_NOOP("vms::ui::AuditActionNames", "Camera changed")},
        {"face_create", QT_TRANSLATE_NOOP("vms::ui::AuditActionNames", "Face created")},
        {"face_delete", QT_TRANSLATE_NOOP("vms::ui::AuditActionNames", "Face deleted")},
        {"face_update", QT_TRANSLATE_NOOP("vms::ui::AuditActionNames", "Face changed")},
        {"facelist_create", QT_TRANSLATE_NOOP("vms::ui::AuditActionNames", "Face list created")},
        {"facelist_delete", QT_TRANSLATE_NOOP("vms::ui::AuditActionNames", "Face list deleted")},
        {"facelist_update", QT_TRANSLATE_NOOP("vms::ui::AuditActionNames", "Face list changed")},
        {"faceimage_create", QT_TRANSLATE_NOOP("vms::ui::AuditActionNames", "Face image added")},
        {"faceimage_delete", QT_TRANSLATE_NOOP("vms::ui::AuditActionNames", "Face image removed")},
        {"facelist_face_create",
         QT_TRANSLATE_NOOP("vms::ui::AuditActionNames", "Face added to a list")},
        {"facelist_face_delete",
         QT_TRANSLATE_NOOP("vms::ui::AuditActionNames", "Face removed from a list")},
        {"group_create", QT_TRANSLATE_NOOP("vms::ui::AuditActionNames", "Group created")},
        {"group_delete", QT_TRANSLATE_NOOP("vms::ui::AuditActionNames", "Group deleted")},
        {"group_update", QT_TRANSLATE_NOOP("vms::ui::AuditActionNames", "Group changed")},
        {"group_user_create",
         QT_TRANSLATE_NOOP("vms::ui::AuditActionNames", "User added to a group")},
        {"group_user_delete",
         QT_TRANSLATE_NOOP("vms::ui::AuditActionNames", "User removed from a group")},
        {"group_place_create",
         QT_TRANSLATE_NOOP("vms::ui::AuditActionNames", "Place added to a group")},
        {"group_place_delete",
         QT_TRANSLATE_NOOP("vms::ui::AuditActionNames", "Place removed from a group")},
        {"organization_create",
         QT_TRANSLATE_NOOP("vms::ui::AuditActionNames", "Organization created")},
        {"organization_delete",
         QT_TRANSLATE_NOOP("vms::ui::AuditActionNames", "Organization deleted")},
        {"organization_update",
         QT_TRANSLATE_NOOP("vms::ui::AuditActionNames", "Organization changed")},
        {"permission_create", QT_TRANSLATE_NOOP("vms::ui::AuditActionNames", "Permission granted")},
        {"permission_delete", QT_TRANSLATE_NOOP("vms::ui::AuditActionNames", "Permission revoked")},
        {"onvif_image_update",
         QT_TRANSLATE_NOOP("vms::ui::AuditActionNames", "Camera image settings changed")},
        {"onvif_network_update",
         QT_TRANSLATE_NOOP("vms::ui::AuditActionNames", "Camera network settings changed")},
        {"onvif_ptz_update",
         QT_TRANSLATE_NOOP("vms::ui::AuditActionNames", "Camera turned or zoomed (PTZ)")},
        {"onvif_ptz_home_save",
         QT_TRANSLATE_NOOP("vms::ui::AuditActionNames", "PTZ home position saved")},
        {"onvif_ptz_home_apply",
         QT_TRANSLATE_NOOP("vms::ui::AuditActionNames", "Camera moved to the PTZ home position")},
        {"onvif_ptz_preset_create",
         QT_TRANSLATE_NOOP("vms::ui::AuditActionNames", "PTZ preset created")},
        {"onvif_ptz_preset_delete",
         QT_TRANSLATE_NOOP("vms::ui::AuditActionNames", "PTZ preset deleted")},
        {"onvif_ptz_preset_apply",
         QT_TRANSLATE_NOOP("vms::ui::AuditActionNames", "Camera moved to a PTZ preset")},
        {"onvif_stream_update",
         QT_TRANSLATE_NOOP("vms::ui::AuditActionNames", "Camera stream settings changed")},
        {"onvif_user_update",
         QT_TRANSLATE_NOOP("vms::ui::AuditActionNames", "Camera user password changed")},
        {"orion_create", QT_TRANSLATE_NOOP("vms::ui::AuditActionNames", "Orion record created")},
        {"orion_delete", QT_TRANSLATE_NOOP("vms::ui::AuditActionNames", "Orion record deleted")},
        {"orion_update", QT_TRANSLATE_NOOP("vms::ui::AuditActionNames", "Orion record changed")},
        {"place_create", QT_TRANSLATE_NOOP("vms::ui::AuditActionNames", "Place created")},
        {"place_delete", QT_TRANSLATE_NOOP("vms::ui::AuditActionNames", "Place deleted")},
        {"place_update", QT_TRANSLATE_NOOP("vms::ui::AuditActionNames", "Place changed")},
        {"place_group_create",
         QT_TRANSLATE_NOOP("vms::ui::AuditActionNames", "Group assigned to a place")},
        {"place_group_delete",
         QT_TRANSLATE_NOOP("vms::ui::AuditActionNames", "Group unassigned from a place")},
        {"plan_create", QT_TRANSLATE_NOOP("vms::ui::AuditActionNames", "Plan created")},
        {"plan_delete", QT_TRANSLATE_NOOP("vms::ui::AuditActionNames", "Plan deleted")},
        {"plan_update", QT_TRANSLATE_NOOP("vms::ui::AuditActionNames", "Plan changed")},
        {"plan_camera_create",
         QT_TRANSLATE_NOOP("vms::ui::AuditActionNames", "Camera placed on a plan")},
        {"plan_camera_delete",
         QT_TRANSLATE_NOOP("vms::ui::AuditActionNames", "Camera removed from a plan")},
        {"plan_camera_update",
         QT_TRANSLATE_NOOP("vms::ui::AuditActionNames", "Camera moved on a plan")},
        {"plate_create", QT_TRANSLATE_NOOP("vms::ui::AuditActionNames", "Licence plate created")},
        {"plate_delete", QT_TRANSLATE_NOOP("vms::ui::AuditActionNames", "Licence plate deleted")},
        {"plate_update", QT_TRANSLATE_NOOP("vms::ui::AuditActionNames", "Licence plate changed")},
        {"platelist_create", QT_TRANSLATE_NOOP("vms::ui::AuditActionNames", "Plate list created")},
        {"platelist_delete", QT_TRANSLATE_NOOP("vms::ui::AuditActionNames", "Plate list deleted")},
        {"platelist_update", QT_TRANSLATE_NOOP("vms::ui::AuditActionNames", "Plate list changed")},
        {"platelist_plate_create",
         QT_TRANSLATE_NOOP("vms::ui::AuditActionNames", "Plate added to a list")},
        {"platelist_plate_delete",
         QT_TRANSLATE_NOOP("vms::ui::AuditActionNames", "Plate removed from a list")},
        {"role_create", QT_TRANSLATE_NOOP("vms::ui::AuditActionNames", "Role created")},
        {"role_delete", QT_TRANSLATE_NOOP("vms::ui::AuditActionNames", "Role deleted")},
        {"role_update", QT_TRANSLATE_NOOP("vms::ui::AuditActionNames", "Role changed")},
        {"upload_create", QT_TRANSLATE_NOOP("vms::ui::AuditActionNames", "File uploaded")},
        {"user_create", QT_TRANSLATE_NOOP("vms::ui::AuditActionNames", "User created")},
        {"user_delete", QT_TRANSLATE_NOOP("vms::ui::AuditActionNames", "User deleted")},
        {"user_update", QT_TRANSLATE_NOOP("vms::ui::AuditActionNames", "User changed")},
        {"user_login", QT_TRANSLATE_NOOP("vms::ui::AuditActionNames", "Signed in")},
        {"user_logout", QT_TRANSLATE_NOOP("vms::ui::AuditActionNames", "Signed out")},
        {"version_update",
         QT_TRANSLATE_NOOP("vms::ui::AuditActionNames", "Software version updated")},
        {"videoclip_create", QT_TRANSLATE_NOOP("vms::ui::AuditActionNames", "Video clip created")},
        {"videoclip_delete", QT_TRANSLATE_NOOP("vms::ui::AuditActionNames", "Video clip deleted")},
};

} // namespace

QString AuditActionNames::displayName(const QString &actionType)
{
    static const QHash<QString, const char *> byType = [] {
        QHash<QString, const char *> map;
        for (const ActionName &entry : kActionNames)
            map.insert(QString::fromLatin1(entry.type), entry.name);
        return map;
    }();
    const char *name = byType.value(actionType);
    return name ? tr(name) : actionType;
}

} // namespace vms::ui
