#pragma once

#include <QString>

#include <optional>

class QMimeData;

namespace vms::ui {

/** MIME type of a camera dragged from the camera list: the camera id as UTF-8. */
QString cameraMimeType();

/** Drag data for a camera: its id (cameraMimeType()) and its name as plain text. */
QMimeData *makeCameraMimeData(const QString &cameraId, const QString &cameraName);

/** The camera id a drag carries, or nothing when it carries no camera. */
std::optional<QString> cameraIdFromMimeData(const QMimeData *data);

} // namespace vms::ui
