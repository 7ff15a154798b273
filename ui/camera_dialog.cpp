#include "ui/camera_dialog.h"

#include <QComboBox>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QSpinBox>

namespace vms::ui {

namespace {

QLabel *sectionLabel(const QString &text, QWidget *parent)
{
    auto *label = new QLabel(text, parent);
    QFont font = label->font();
    font.setBold(true);
    label->setFont(font);
    label->setContentsMargins(0, 8, 0, 0);
    return label;
}

QLineEdit *lineEdit(const QString &objectName, int maxLength, QWidget *parent)
{
    auto *edit = new QLineEdit(parent);
    edit->setObjectName(objectName);
    edit->setMaxLength(maxLength);
    return edit;
}

} // namespace

QString describeCameraFormIssue(CameraFormIssue issue, const CameraForm &form)
{
    switch (issue) {
    case CameraFormIssue::None:
        return {};
    case CameraFormIssue::EmptyName:
        return CameraDialog::tr("Enter the camera name.");
    case CameraFormIssue::NameTooLong:
        return CameraDialog::tr("The name is longer than %n characters.", nullptr,
                                kMaxPlaceNameLength);
    case CameraFormIssue::NoPlace:
        return CameraDialog::tr("Choose the place where the camera is.");
    case CameraFormIssue::EmptySourceUrl:
        return CameraDialog::tr("Enter the stream URL, e.g. rtsp://192.168.1.10/stream1.");
    case CameraFormIssue::InvalidSourceUrl:
        return CameraDialog::tr("The stream URL is not valid. It needs a scheme and an address, "
                                "e.g. rtsp://192.168.1.10/stream1.");
    case CameraFormIssue::InvalidSubstreamUrl:
        return CameraDialog::tr("The substream URL is not valid. Leave it empty if the camera "
                                "has no substream.");
    case CameraFormIssue::InvalidOnvifPort:
        return CameraDialog::tr("The ONVIF port must be between 1 and 65535.");
    case CameraFormIssue::OnvifFieldTooLong:
        return CameraDialog::tr("The ONVIF address or login is longer than %n characters.", nullptr,
                                kMaxOnvifFieldLength);
    case CameraFormIssue::SchedulerGroupTooLong:
        return CameraDialog::tr("The scheduler group is longer than %n characters.", nullptr,
                                kMaxSchedulerGroupLength);
    case CameraFormIssue::InvalidTag:
        return CameraDialog::tr("The tag \"%1\" is longer than %2 characters.")
                .arg(parseSchedulerTags(form.schedulerTags).invalidTag)
                .arg(kMaxSchedulerTagLength);
    }
    return {};
}

CameraDialog::CameraDialog(Mode mode, const QList<client::Place> &places, QWidget *parent)
    : FormDialog(parent)
    , m_mode(mode)
{
    setObjectName(QStringLiteral("cameraDialog"));
    setWindowTitle(mode == Mode::Create ? tr("New camera") : tr("Edit camera"));
    setOkText(mode == Mode::Create ? tr("Create camera") : tr("Save"));
    setMinimumWidth(520);

    m_nameEdit = lineEdit(QStringLiteral("cameraNameEdit"), kMaxPlaceNameLength, this);
    m_nameEdit->setPlaceholderText(tr("e.g. Main entrance"));
    m_placeCombo = new QComboBox(this);
    m_placeCombo->setObjectName(QStringLiteral("placeCombo"));
    m_placeCombo->addItem(tr("Choose a place…"), QVariant());
    for (const client::Place &place : places)
        m_placeCombo->addItem(place.name, place.id);

    m_sourceEdit = lineEdit(QStringLiteral("sourceUrlEdit"), 65536, this);
    m_sourceEdit->setPlaceholderText(tr("rtsp://192.168.1.10:554/stream1"));
    m_substreamEdit = lineEdit(QStringLiteral("substreamUrlEdit"), 65536, this);
    m_substreamEdit->setPlaceholderText(tr("Optional: a lower resolution stream for small tiles"));
    m_transportCombo = new QComboBox(this);
    m_transportCombo->setObjectName(QStringLiteral("transportCombo"));
    m_transportCombo->addItem(tr("TCP (reliable, recommended)"), int(client::StreamTransport::Tcp));
    m_transportCombo->addItem(tr("UDP (lower latency, may lose packets)"),
                              int(client::StreamTransport::Udp));

    m_onvifHostEdit = lineEdit(QStringLiteral("onvifHostEdit"), kMaxOnvifFieldLength, this);
    m_onvifHostEdit->setPlaceholderText(tr("Optional: address for PTZ and image settings"));
    m_onvifPortSpin = new QSpinBox(this);
    m_onvifPortSpin->setObjectName(QStringLiteral("onvifPortSpin"));
    m_onvifPortSpin->setRange(1, 65535);
    m_onvifPortSpin->setValue(80);
    m_onvifLoginEdit = lineEdit(QStringLiteral("onvifLoginEdit"), kMaxOnvifFieldLength, this);
    m_onvifPasswordEdit = lineEdit(QStringLiteral("onvifPasswordEdit"), kMaxOnvifFieldLength, this);
    m_onvifPasswordEdit->setEchoMode(QLineEdit::Password);
    if (mode == Mode::Edit)
        m_onvifPasswordEdit->setPlaceholderText(tr("Unchanged"));

    m_schedulerGroupEdit
            = lineEdit(QStringLiteral("schedulerGroupEdit"), kMaxSchedulerGroupLength, this);
    m_schedulerGroupEdit->setPlaceholderText(tr("Optional, e.g. north-building"));
    m_tagsEdit = lineEdit(QStringLiteral("schedulerTagsEdit"), 4096, this);
    m_tagsEdit->setPlaceholderText(tr("Comma-separated, e.g. gpu, lpr"));
    m_tagsEdit->setToolTip(tr("A stream server takes the cameras whose tags it serves; each tag "
                              "has 1 to %1 characters.")
                                   .arg(kMaxSchedulerTagLength));

    QFormLayout *form = formLayout();
    form->addRow(sectionLabel(tr("Camera"), this));
    form->addRow(tr("Name:"), m_nameEdit);
    form->addRow(tr("Place:"), m_placeCombo);
    form->addRow(sectionLabel(tr("Video stream"), this));
    form->addRow(tr("Stream URL:"), m_sourceEdit);
    form->addRow(tr("Substream URL:"), m_substreamEdit);
    form->addRow(tr("Transport:"), m_transportCombo);
    form->addRow(sectionLabel(tr("ONVIF"), this));
    form->addRow(tr("Host:"), m_onvifHostEdit);
    form->addRow(tr("Port:"), m_onvifPortSpin);
    form->addRow(tr("Login:"), m_onvifLoginEdit);
    form->addRow(tr("Password:"), m_onvifPasswordEdit);
    form->addRow(sectionLabel(tr("Scheduling"), this));
    form->addRow(tr("Scheduler group:"), m_schedulerGroupEdit);
    form->addRow(tr("Tags:"), m_tagsEdit);

    // ONVIF port, login and password mean nothing without a host.
    auto updateOnvif = [this] {
        const bool hasHost = !m_onvifHostEdit->text().trimmed().isEmpty();
        m_onvifPortSpin->setEnabled(hasHost);
        m_onvifLoginEdit->setEnabled(hasHost);
        m_onvifPasswordEdit->setEnabled(hasHost);
    };
    connect(m_onvifHostEdit, &QLineEdit::textChanged, this, updateOnvif);
    updateOnvif();

    if (places.isEmpty()) {
        showError(tr("There are no places yet. Create a place in the Plans panel first: every "
                     "camera belongs to a place."));
        setComplete(false);
    }
}

void CameraDialog::setCamera(const client::Camera &camera)
{
    m_base = client::CameraInput::from(camera);
    m_nameEdit->setText(camera.name);
    setPlace(camera.placeId);
    m_sourceEdit->setText(camera.sourceUrl());
    m_substreamEdit->setText(camera.substreamUrl());
    m_transportCombo->setCurrentIndex(camera.transport() == client::StreamTransport::Udp ? 1 : 0);
    m_onvifHostEdit->setText(camera.onvifHost);
    m_onvifPortSpin->setValue(camera.onvifPort.value_or(80));
    m_onvifLoginEdit->setText(camera.onvifLogin);
    m_schedulerGroupEdit->setText(camera.schedulerGroup);
    m_tagsEdit->setText(camera.schedulerTags.join(QStringLiteral(", ")));
}

void CameraDialog::setPlace(qint64 placeId)
{
    const int index = m_placeCombo->findData(placeId);
    if (index >= 0)
        m_placeCombo->setCurrentIndex(index);
}

CameraForm CameraDialog::form() const
{
    CameraForm form;
    form.name = m_nameEdit->text().trimmed();
    const QVariant place = m_placeCombo->currentData();
    if (place.isValid())
        form.placeId = place.toLongLong();
    form.sourceUrl = m_sourceEdit->text().trimmed();
    form.substreamUrl = m_substreamEdit->text().trimmed();
    form.onvifHost = m_onvifHostEdit->text().trimmed();
    form.onvifPort = m_onvifPortSpin->value();
    form.onvifLogin = m_onvifLoginEdit->text().trimmed();
    form.schedulerGroup = m_schedulerGroupEdit->text().trimmed();
    form.schedulerTags = m_tagsEdit->text();
    return form;
}

client::CameraInput CameraDialog::input() const
{
    const CameraForm values = form();
    client::CameraInput input = m_base;
    input.name = values.name;
    input.placeId = values.placeId.value_or(0);
    input.source = client::makeCameraSource(
            values.sourceUrl, values.substreamUrl,
            client::StreamTransport(m_transportCombo->currentData().toInt()), m_base.source);
    const bool hasOnvif = !values.onvifHost.isEmpty();
    input.onvifHost = values.onvifHost;
    input.onvifPort = hasOnvif ? std::optional<int>(values.onvifPort) : std::nullopt;
    input.onvifLogin = hasOnvif ? values.onvifLogin : QString();
    input.onvifPassword = hasOnvif ? m_onvifPasswordEdit->text() : QString();
    input.schedulerGroup = values.schedulerGroup;
    input.schedulerTags = parseSchedulerTags(values.schedulerTags).tags;
    return input;
}

bool CameraDialog::validate()
{
    const CameraForm values = form();
    const CameraFormIssue issue = checkCameraForm(values);
    if (issue == CameraFormIssue::None)
        return true;
    showError(describeCameraFormIssue(issue, values));
    return false;
}

} // namespace vms::ui
