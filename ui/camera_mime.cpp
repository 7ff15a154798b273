#include "ui/camera_mime.h"

#include <QMimeData>

namespace vms::ui {

QString cameraMimeType()
{
    return QStringLiteral("application/x-vms-camera-id");
}

QMimeData *makeCameraMimeData(const QString &cameraId, const QString &cameraName)
{
    auto *data = new QMimeData;
    data->setData(cameraMimeType(), cameraId.toUtf8());
    data->setText(cameraName);
    return data;
}

std::optional<QString> cameraIdFromMimeData(const QMimeData *data)
{
    if (!data || !data->hasFormat(cameraMimeType()))
        return std::nullopt;
    const QString id = QString::fromUtf8(data->data(cameraMimeType())).trimmed();
    if (id.isEmpty())
        return std::nullopt;
    return id;
}

} // namespace vms::ui
