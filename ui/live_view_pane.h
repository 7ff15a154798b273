#pragma once

#include <QWidget>

class QLabel;

namespace vms::ui {

/**
 * The Live view panel. Video tiles come with the video feature; until then it names the camera
 * the operator opened (from a plan or the camera list), so the routing is already in place.
 */
class LiveViewPane : public QWidget
{
    Q_OBJECT

public:
    explicit LiveViewPane(QWidget *parent = nullptr);

    void showCamera(const QString &cameraId, const QString &name);
    QString cameraId() const { return m_cameraId; }
    QString cameraName() const;

private:
    QString m_cameraId;
    QLabel *m_titleLabel = nullptr;
    QLabel *m_detailLabel = nullptr;
};

} // namespace vms::ui
