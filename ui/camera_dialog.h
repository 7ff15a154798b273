#pragma once

#include "core/client/site_dto.h"
#include "ui/editor_validation.h"
#include "ui/form_dialog.h"

class QComboBox;
class QLineEdit;
class QSpinBox;

namespace vms::ui {

/**
 * Creates or edits a camera: name and place, the stream (source URL, substream URL, RTSP
 * transport), ONVIF access, and the scheduler group and tags that decide which stream server
 * takes it. input() is the full CameraCreate body; on edit it keeps what the form does not show.
 */
class CameraDialog : public FormDialog
{
    Q_OBJECT

public:
    enum class Mode { Create, Edit };

    CameraDialog(Mode mode, const QList<client::Place> &places, QWidget *parent = nullptr);

    void setCamera(const client::Camera &camera);
    /** Preselects a place (e.g. the one selected in the Plans panel). */
    void setPlace(qint64 placeId);

    CameraForm form() const;
    client::CameraInput input() const;

protected:
    bool validate() override;

private:
    Mode m_mode;
    client::CameraInput m_base;
    QLineEdit *m_nameEdit = nullptr;
    QComboBox *m_placeCombo = nullptr;
    QLineEdit *m_sourceEdit = nullptr;
    QLineEdit *m_substreamEdit = nullptr;
    QComboBox *m_transportCombo = nullptr;
    QLineEdit *m_onvifHostEdit = nullptr;
    QSpinBox *m_onvifPortSpin = nullptr;
    QLineEdit *m_onvifLoginEdit = nullptr;
    QLineEdit *m_onvifPasswordEdit = nullptr;
    QLineEdit *m_schedulerGroupEdit = nullptr;
    QLineEdit *m_tagsEdit = nullptr;
};

/** The sentence for a camera-form problem. */
QString describeCameraFormIssue(CameraFormIssue issue, const CameraForm &form);

} // namespace vms::ui
