#pragma once

#include "core/domain/camera.h"

#include <QJsonObject>

namespace vms::server {

/**
 * Camera -> the seed's Camera object. Absent optional fields are omitted (never null);
 * onvif_password is never sent back (it is write-only here; see the x-note in openapi.yaml).
 * `origin` is included when the camera was read with its origin.
 */
QJsonObject cameraJson(const Camera &camera);
/** The seed's PlanCamera: the camera plus plan_id, camera_id, x and y. */
QJsonObject planCameraJson(const Camera &camera);
QJsonObject cameraOriginJson(const CameraOrigin &origin);

} // namespace vms::server
