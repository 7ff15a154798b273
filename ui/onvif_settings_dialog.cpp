#include "ui/onvif_settings_dialog.h"

#include "core/client/api_client.h"
#include "ui/confirmation.h"
#include "ui/error_text.h"
#include "ui/status_label.h"
#include "ui/video/guarded_then.h"

#include <QComboBox>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QScrollArea>
#include <QSlider>
#include <QSpinBox>
#include <QTabWidget>
#include <QTableWidget>
#include <QTimer>
#include <QVBoxLayout>

#include <cmath>

namespace vms::ui {

using client::OnvifRange;

namespace {

// The resolutions the API accepts (VideoResolution); a camera may offer others.
const QStringList kApiResolutions
        = {QStringLiteral("320x240"),   QStringLiteral("352x288"),   QStringLiteral("640x360"),
           QStringLiteral("640x480"),   QStringLiteral("704x576"),   QStringLiteral("1280x720"),
           QStringLiteral("1280x960"),  QStringLiteral("1920x1024"), QStringLiteral("1920x1080"),
           QStringLiteral("2304x1296"), QStringLiteral("2560x1440"), QStringLiteral("2688x1520")};

QString profileTitle(const QString &name)
{
    if (name == QLatin1String("MAIN_STREAM"))
        return OnvifSettingsDialog::tr("Main stream");
    if (name == QLatin1String("SUB_STREAM_1"))
        return OnvifSettingsDialog::tr("Substream 1");
    if (name == QLatin1String("SUB_STREAM_2"))
        return OnvifSettingsDialog::tr("Substream 2");
    return name;
}

QString modeTitle(const QString &mode)
{
    if (mode == QLatin1String("ON"))
        return OnvifSettingsDialog::tr("On");
    if (mode == QLatin1String("OFF"))
        return OnvifSettingsDialog::tr("Off");
    if (mode == QLatin1String("AUTO"))
        return OnvifSettingsDialog::tr("Automatic");
    if (mode == QLatin1String("MANUAL"))
        return OnvifSettingsDialog::tr("Manual");
    return mode;
}

QString resolutionTitle(const QString &wire)
{
    const auto resolution = client::OnvifResolution::fromText(wire);
    return resolution ? OnvifSettingsDialog::tr("%1 × %2")
                                .arg(resolution->width)
                                .arg(resolution->height)
                      : wire;
}

void fillModes(QComboBox *combo, const QStringList &modes, const QString &current)
{
    const QSignalBlocker blocker(combo);
    combo->clear();
    for (const QString &mode : modes)
        combo->addItem(modeTitle(mode), mode);
    if (combo->findData(current) < 0)
        combo->addItem(modeTitle(current), current);
    combo->setCurrentIndex(combo->findData(current));
}

QSpinBox *makePortSpin(const QString &objectName, QWidget *parent)
{
    auto *spin = new QSpinBox(parent);
    spin->setObjectName(objectName);
    spin->setRange(1, 65535);
    spin->setGroupSeparatorShown(false);
    spin->setMinimumWidth(100);
    return spin;
}

int rangeMin(const OnvifRange &range)
{
    return int(std::ceil(range.min));
}

int rangeMax(const OnvifRange &range)
{
    return std::max(rangeMin(range), int(std::floor(range.max)));
}

} // namespace

/**
 * One imaging control: a slider over the camera's range (or a mode combo) that sends its value
 * a moment after the last movement, one request at a time, the newest value winning.
 */
class ImagingSetting : public QObject
{
public:
    using Send = std::function<QFuture<Status>(double value, const QString &mode)>;

    ImagingSetting(client::ApiClient *client, StatusLabel *status, Send send, QObject *parent)
        : QObject(parent)
        , m_client(client)
        , m_status(status)
        , m_send(std::move(send))
    {
        m_timer.setSingleShot(true);
        m_timer.setInterval(OnvifSettingsDialog::kImagingDebounceMs);
        connect(&m_timer, &QTimer::timeout, this, &ImagingSetting::pump);
    }

    /** A slider over @p range showing @p value; the returned row goes into the form. */
    QWidget *addSlider(const OnvifRange &range, double value, const QString &objectName,
                       QWidget *parent)
    {
        m_range = range;
        const double span = range.max - range.min;
        const bool isWhole = std::floor(range.min) == range.min && std::floor(span) == span;
        // Whole ranges move in ones; others in thousandths of the range.
        m_steps = isWhole && span > 0 && span <= 1000 ? int(span) : 1000;
        m_isWhole = isWhole && m_steps == int(span);
        auto *row = new QWidget(parent);
        m_slider = new QSlider(Qt::Horizontal, row);
        m_slider->setObjectName(objectName);
        m_slider->setRange(0, m_steps);
        m_slider->setPageStep(std::max(1, m_steps / 10));
        m_valueLabel = new QLabel(row);
        m_valueLabel->setObjectName(objectName + QStringLiteral("Value"));
        m_valueLabel->setAlignment(Qt::AlignRight | Qt::AlignVCenter);
        m_valueLabel->setMinimumWidth(
                m_valueLabel->fontMetrics().horizontalAdvance(QStringLiteral("-0000.00")) + 4);
        auto *layout = new QHBoxLayout(row);
        layout->setContentsMargins(0, 0, 0, 0);
        layout->addWidget(m_slider, 1);
        layout->addWidget(m_valueLabel);
        setSliderValue(value);
        connect(m_slider, &QSlider::valueChanged, this, [this] {
            showValue();
            m_pendingValue = sliderValue();
            // While dragging, a pause sends; a release or a key step sends at once after it.
            m_timer.start();
        });
        connect(m_slider, &QSlider::sliderReleased, this, [this] {
            m_timer.stop();
            pump();
        });
        return row;
    }

    /** A combo of @p modes with @p current selected. */
    QComboBox *addModes(const QStringList &modes, const QString &current, const QString &objectName,
                        QWidget *parent)
    {
        m_combo = new QComboBox(parent);
        m_combo->setObjectName(objectName);
        fillModes(m_combo, modes, current);
        connect(m_combo, &QComboBox::currentIndexChanged, this, [this] {
            m_pendingMode = m_combo->currentData().toString();
            m_timer.stop();
            pump();
        });
        return m_combo;
    }

    QSlider *slider() const { return m_slider; }
    QComboBox *combo() const { return m_combo; }
    double sliderValue() const
    {
        return m_isWhole ? m_range.min + m_slider->value()
                         : m_range.min + (m_range.max - m_range.min) * m_slider->value() / m_steps;
    }
    bool isBusy() const { return m_isSending || m_timer.isActive(); }

    /** Called with the mode after every change (enables the gains of manual white balance). */
    std::function<void(const QString &)> onModeApplied;

private:
    void setSliderValue(double value)
    {
        const QSignalBlocker blocker(m_slider);
        const double span = m_range.max - m_range.min;
        const double share = span > 0 ? (m_range.clamp(value) - m_range.min) / span : 0;
        m_slider->setValue(int(std::lround(share * m_steps)));
        showValue();
    }

    void showValue()
    {
        const double value = sliderValue();
        // As many decimals as the range's size makes meaningful.
        const double span = m_range.max - m_range.min;
        const int decimals = m_isWhole || span >= 100 ? 0 : span >= 10 ? 1 : 2;
        m_valueLabel->setText(QString::number(value, 'f', decimals));
    }

    void pump()
    {
        if (m_isSending || (!m_pendingValue && m_pendingMode.isEmpty()))
            return;
        const double value = m_pendingValue.value_or(m_slider ? sliderValue() : 0);
        const QString mode = m_pendingMode;
        m_pendingValue.reset();
        m_pendingMode.clear();
        m_isSending = true;
        thenIfAlive(m_send(value, mode), m_client, this, [this, mode](const Status &status) {
            m_isSending = false;
            if (status) {
                if (m_status->isError())
                    m_status->clearMessage();
                if (!mode.isEmpty() && onModeApplied)
                    onModeApplied(mode);
            } else {
                m_status->showError(ErrorText::describeCameraError(status.error()));
            }
            pump();
        });
    }

    client::ApiClient *m_client;
    StatusLabel *m_status;
    Send m_send;
    QTimer m_timer;
    OnvifRange m_range;
    int m_steps = 100;
    bool m_isWhole = true;
    QSlider *m_slider = nullptr;
    QLabel *m_valueLabel = nullptr;
    QComboBox *m_combo = nullptr;
    std::optional<double> m_pendingValue;
    QString m_pendingMode;
    bool m_isSending = false;
};

OnvifSettingsDialog::OnvifSettingsDialog(client::ApiClient *client, const QString &cameraId,
                                         const QString &cameraName, QWidget *parent)
    : QDialog(parent)
    , m_client(client)
    , m_cameraId(cameraId)
    , m_cameraName(cameraName)
{
    setObjectName(QStringLiteral("onvifSettingsDialog"));
    setAttribute(Qt::WA_DeleteOnClose);
    setWindowTitle(cameraName.isEmpty() ? tr("Camera settings")
                                        : tr("Camera settings — %1").arg(cameraName));

    auto *intro = new QLabel(
            tr("These settings are stored on the camera itself and are changed over ONVIF."), this);
    intro->setWordWrap(true);
    intro->setForegroundRole(QPalette::PlaceholderText);

    m_tabs = new QTabWidget(this);
    m_tabs->setObjectName(QStringLiteral("onvifTabs"));
    m_tabs->addTab(createDeviceTab(), tr("Device"));
    m_tabs->addTab(createNetworkTab(), tr("Network"));
    m_tabs->addTab(createUsersTab(), tr("Users"));
    m_tabs->addTab(createStreamsTab(), tr("Streams"));
    m_tabs->addTab(createImagingTab(), tr("Imaging"));
    for (int i = 0; i < m_tabs->count(); ++i)
        m_isLoaded.append(false);
    connect(m_tabs, &QTabWidget::currentChanged, this, &OnvifSettingsDialog::loadTab);

    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(intro);
    layout->addWidget(m_tabs, 1);
    layout->addWidget(buttons);
    resize(560, 520);
    loadTab(0);
}

OnvifSettingsDialog::~OnvifSettingsDialog() = default;

void OnvifSettingsDialog::showTab(const QString &objectName)
{
    for (int i = 0; i < m_tabs->count(); ++i) {
        if (m_tabs->widget(i)->objectName() == objectName)
            m_tabs->setCurrentIndex(i);
    }
}

template<typename T, typename Handler>
void OnvifSettingsDialog::track(const QFuture<T> &future, Handler handler)
{
    ++m_pending;
    thenIfAlive(future, m_client, this,
                [this, handler = std::move(handler)](const T &value) mutable {
                    --m_pending;
                    handler(value);
                });
}

void OnvifSettingsDialog::loadTab(int index)
{
    if (index < 0 || index >= m_isLoaded.size() || m_isLoaded.at(index))
        return;
    m_isLoaded[index] = true;
    switch (index) {
    case 0:
        loadDevice();
        break;
    case 1:
        loadNetwork();
        break;
    case 2:
        loadUsers();
        break;
    case 3:
        loadStreams();
        break;
    case 4:
        loadImaging();
        break;
    default:
        break;
    }
}

// --- Device ---

QWidget *OnvifSettingsDialog::createDeviceTab()
{
    auto *tab = new QWidget(this);
    tab->setObjectName(QStringLiteral("onvifDeviceTab"));
    m_deviceForm = new QWidget(tab);
    auto *form = new QFormLayout(m_deviceForm);
    const QList<std::pair<QString, QString>> rows = {
            {tr("Manufacturer:"), QStringLiteral("onvifManufacturerLabel")},
            {tr("Model:"), QStringLiteral("onvifModelLabel")},
            {tr("Firmware version:"), QStringLiteral("onvifFirmwareLabel")},
            {tr("Serial number:"), QStringLiteral("onvifSerialLabel")},
            {tr("Hardware ID:"), QStringLiteral("onvifHardwareLabel")},
    };
    for (const auto &[title, objectName] : rows) {
        auto *value = new QLabel(m_deviceForm);
        value->setObjectName(objectName);
        value->setTextInteractionFlags(Qt::TextSelectableByMouse);
        form->addRow(title, value);
        m_deviceValues.append(value);
    }
    m_deviceStatus = new StatusLabel(tab);
    m_deviceStatus->setObjectName(QStringLiteral("onvifDeviceStatusLabel"));
    m_deviceStatus->setWordWrap(true);
    auto *reload = new QPushButton(tr("Reload"), tab);
    reload->setObjectName(QStringLiteral("onvifDeviceReloadButton"));
    connect(reload, &QPushButton::clicked, this, &OnvifSettingsDialog::loadDevice);
    auto *layout = new QVBoxLayout(tab);
    layout->addWidget(m_deviceForm);
    layout->addWidget(m_deviceStatus);
    layout->addStretch(1);
    layout->addWidget(reload, 0, Qt::AlignRight);
    return tab;
}

void OnvifSettingsDialog::loadDevice()
{
    m_deviceStatus->showMessage(tr("Asking the camera…"));
    track(m_client->onvifDeviceInfo(m_cameraId),
          [this](const Result<client::OnvifDeviceInfo> &info) {
              if (!info) {
                  for (QLabel *value : std::as_const(m_deviceValues))
                      value->setText(tr("—"));
                  m_deviceStatus->showError(ErrorText::describeCameraError(info.error()));
                  return;
              }
              const QStringList values = {info->manufacturer, info->model, info->firmwareVersion,
                                          info->serialNumber, info->hardwareId};
              for (int i = 0; i < m_deviceValues.size(); ++i)
                  m_deviceValues.at(i)->setText(values.at(i).isEmpty() ? tr("—") : values.at(i));
              m_deviceStatus->clearMessage();
          });
}

// --- Network ---

QWidget *OnvifSettingsDialog::createNetworkTab()
{
    auto *tab = new QWidget(this);
    tab->setObjectName(QStringLiteral("onvifNetworkTab"));
    m_networkForm = new QWidget(tab);
    auto *form = new QFormLayout(m_networkForm);
    m_httpPort = makePortSpin(QStringLiteral("onvifHttpPortSpin"), m_networkForm);
    m_httpsPort = makePortSpin(QStringLiteral("onvifHttpsPortSpin"), m_networkForm);
    m_rtspPort = makePortSpin(QStringLiteral("onvifRtspPortSpin"), m_networkForm);
    for (const auto &[title, spin] :
         {std::pair{tr("HTTP port:"), m_httpPort}, std::pair{tr("HTTPS port:"), m_httpsPort},
          std::pair{tr("RTSP port:"), m_rtspPort}}) {
        auto *row = new QWidget(m_networkForm);
        auto *state = new QLabel(row);
        state->setForegroundRole(QPalette::PlaceholderText);
        auto *rowLayout = new QHBoxLayout(row);
        rowLayout->setContentsMargins(0, 0, 0, 0);
        rowLayout->addWidget(spin);
        rowLayout->addWidget(state, 1);
        form->addRow(title, row);
        m_portStates.append(state);
    }
    auto *warning = new QLabel(tr("The server reaches the camera through these ports. A wrong "
                                  "port cuts the camera off until it is reset on site."),
                               tab);
    warning->setWordWrap(true);
    m_networkStatus = new StatusLabel(tab);
    m_networkStatus->setObjectName(QStringLiteral("onvifNetworkStatusLabel"));
    m_networkStatus->setWordWrap(true);
    m_applyNetworkButton = new QPushButton(tr("Apply…"), tab);
    m_applyNetworkButton->setObjectName(QStringLiteral("onvifApplyNetworkButton"));
    connect(m_applyNetworkButton, &QPushButton::clicked, this, &OnvifSettingsDialog::applyNetwork);
    auto *layout = new QVBoxLayout(tab);
    layout->addWidget(m_networkForm);
    layout->addWidget(warning);
    layout->addWidget(m_networkStatus);
    layout->addStretch(1);
    layout->addWidget(m_applyNetworkButton, 0, Qt::AlignRight);
    m_networkForm->setEnabled(false);
    m_applyNetworkButton->setEnabled(false);
    return tab;
}

void OnvifSettingsDialog::loadNetwork()
{
    m_networkStatus->showMessage(tr("Asking the camera…"));
    track(m_client->onvifNetwork(m_cameraId),
          [this](const Result<client::OnvifNetworkSettings> &network) {
              if (!network) {
                  m_network.reset();
                  m_networkForm->setEnabled(false);
                  m_applyNetworkButton->setEnabled(false);
                  m_networkStatus->showError(ErrorText::describeCameraError(network.error()));
                  return;
              }
              m_network = *network;
              const std::optional<client::OnvifNetworkProtocol> protocols[]
                      = {network->http, network->https, network->rtsp};
              QSpinBox *spins[] = {m_httpPort, m_httpsPort, m_rtspPort};
              for (int i = 0; i < 3; ++i) {
                  spins[i]->setEnabled(protocols[i].has_value());
                  if (protocols[i])
                      spins[i]->setValue(protocols[i]->port);
                  m_portStates.at(i)->setText(!protocols[i]             ? tr("not offered")
                                              : protocols[i]->isEnabled ? tr("enabled")
                                                                        : tr("disabled"));
              }
              m_networkForm->setEnabled(true);
              m_applyNetworkButton->setEnabled(true);
              m_networkStatus->clearMessage();
          });
}

void OnvifSettingsDialog::applyNetwork()
{
    if (!m_network)
        return;
    client::OnvifNetworkUpdate update;
    if (m_network->http && m_httpPort->value() != m_network->http->port)
        update.http = m_httpPort->value();
    if (m_network->https && m_httpsPort->value() != m_network->https->port)
        update.https = m_httpsPort->value();
    if (m_network->rtsp && m_rtspPort->value() != m_network->rtsp->port)
        update.rtsp = m_rtspPort->value();
    if (update.isEmpty()) {
        m_networkStatus->showMessage(tr("No port was changed."));
        return;
    }
    askConfirmation(this, tr("Change network ports"),
                    tr("The camera will answer on the new ports at once. If a port is wrong, "
                       "the server loses the camera until it is reset on site. Change the "
                       "ports?"),
                    tr("Change ports"), [this, update] {
                        m_networkStatus->showMessage(tr("Saving…"));
                        track(m_client->updateOnvifNetwork(m_cameraId, update),
                              [this](const Status &status) {
                                  if (!status) {
                                      m_networkStatus->showError(
                                              ErrorText::describeCameraError(status.error()));
                                      return;
                                  }
                                  loadNetwork();
                                  m_networkStatus->showSuccess(tr("Ports changed."));
                              });
                    });
}

// --- Users ---

QWidget *OnvifSettingsDialog::createUsersTab()
{
    auto *tab = new QWidget(this);
    tab->setObjectName(QStringLiteral("onvifUsersTab"));
    m_usersTable = new QTableWidget(0, 2, tab);
    m_usersTable->setObjectName(QStringLiteral("onvifUsersTable"));
    m_usersTable->setHorizontalHeaderLabels({tr("User"), tr("Level")});
    m_usersTable->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_usersTable->setSelectionMode(QAbstractItemView::SingleSelection);
    m_usersTable->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_usersTable->verticalHeader()->hide();
    m_usersTable->horizontalHeader()->setStretchLastSection(true);
    m_usersTable->horizontalHeader()->setSectionResizeMode(0, QHeaderView::Stretch);
    auto *hint = new QLabel(tr("After changing the password of the account the server signs in "
                               "with, enter the new password in the camera's properties too."),
                            tab);
    hint->setWordWrap(true);
    hint->setForegroundRole(QPalette::PlaceholderText);
    m_usersStatus = new StatusLabel(tab);
    m_usersStatus->setObjectName(QStringLiteral("onvifUsersStatusLabel"));
    m_usersStatus->setWordWrap(true);
    m_passwordButton = new QPushButton(tr("Change password…"), tab);
    m_passwordButton->setObjectName(QStringLiteral("onvifChangePasswordButton"));
    m_passwordButton->setEnabled(false);
    connect(m_passwordButton, &QPushButton::clicked, this, &OnvifSettingsDialog::changePassword);
    connect(m_usersTable, &QTableWidget::itemSelectionChanged, this,
            [this] { m_passwordButton->setEnabled(!m_usersTable->selectedItems().isEmpty()); });
    auto *layout = new QVBoxLayout(tab);
    layout->addWidget(m_usersTable, 1);
    layout->addWidget(hint);
    layout->addWidget(m_usersStatus);
    layout->addWidget(m_passwordButton, 0, Qt::AlignRight);
    return tab;
}

void OnvifSettingsDialog::loadUsers()
{
    m_usersStatus->showMessage(tr("Asking the camera…"));
    track(m_client->onvifUsers(m_cameraId), [this](const Result<QList<client::OnvifUser>> &users) {
        m_usersTable->setRowCount(0);
        if (!users) {
            m_usersStatus->showError(ErrorText::describeCameraError(users.error()));
            return;
        }
        for (const client::OnvifUser &user : *users) {
            const int row = m_usersTable->rowCount();
            m_usersTable->insertRow(row);
            m_usersTable->setItem(row, 0, new QTableWidgetItem(user.userName));
            m_usersTable->setItem(row, 1, new QTableWidgetItem(user.userLevel));
        }
        if (users->isEmpty())
            m_usersStatus->showMessage(tr("The camera reports no users."));
        else
            m_usersStatus->clearMessage();
    });
}

void OnvifSettingsDialog::changePassword()
{
    const QList<QTableWidgetItem *> selected = m_usersTable->selectedItems();
    if (selected.isEmpty())
        return;
    const QString userName = m_usersTable->item(selected.first()->row(), 0)->text();

    auto *dialog = new QDialog(this);
    dialog->setObjectName(QStringLiteral("onvifPasswordDialog"));
    dialog->setWindowTitle(tr("Change password of %1").arg(userName));
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->setWindowModality(Qt::WindowModal);
    auto *password = new QLineEdit(dialog);
    password->setObjectName(QStringLiteral("onvifNewPasswordEdit"));
    password->setEchoMode(QLineEdit::Password);
    password->setMaxLength(client::kOnvifPasswordMaxLength);
    auto *repeat = new QLineEdit(dialog);
    repeat->setObjectName(QStringLiteral("onvifRepeatPasswordEdit"));
    repeat->setEchoMode(QLineEdit::Password);
    repeat->setMaxLength(client::kOnvifPasswordMaxLength);
    auto *problem = new QLabel(dialog);
    problem->setStyleSheet(QStringLiteral("QLabel { color: #b00020; }"));
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, dialog);
    QPushButton *ok = buttons->button(QDialogButtonBox::Ok);
    ok->setObjectName(QStringLiteral("onvifPasswordOkButton"));
    const auto validate = [password, repeat, problem, ok] {
        QString text;
        if (password->text().isEmpty())
            text = tr("Enter the new password (at most %1 characters).")
                           .arg(client::kOnvifPasswordMaxLength);
        else if (password->text() != repeat->text())
            text = tr("The passwords do not match.");
        problem->setText(text);
        ok->setEnabled(text.isEmpty());
    };
    connect(password, &QLineEdit::textChanged, dialog, validate);
    connect(repeat, &QLineEdit::textChanged, dialog, validate);
    validate();
    connect(buttons, &QDialogButtonBox::accepted, dialog, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, dialog, &QDialog::reject);
    connect(dialog, &QDialog::accepted, this, [this, userName, password] {
        m_usersStatus->showMessage(tr("Saving…"));
        track(m_client->setOnvifUserPassword(m_cameraId, userName, password->text()),
              [this, userName](const Status &status) {
                  if (status)
                      m_usersStatus->showSuccess(tr("Password of %1 changed.").arg(userName));
                  else
                      m_usersStatus->showError(ErrorText::describeCameraError(status.error()));
              });
    });
    auto *form = new QFormLayout(dialog);
    form->addRow(tr("New password:"), password);
    form->addRow(tr("Repeat:"), repeat);
    form->addRow(problem);
    form->addRow(buttons);
    dialog->open();
}

// --- Streams ---

QWidget *OnvifSettingsDialog::createStreamsTab()
{
    auto *tab = new QWidget(this);
    tab->setObjectName(QStringLiteral("onvifStreamsTab"));
    m_profileCombo = new QComboBox(tab);
    m_profileCombo->setObjectName(QStringLiteral("onvifProfileCombo"));
    m_streamForm = new QWidget(tab);
    auto *form = new QFormLayout(m_streamForm);
    m_encoderCombo = new QComboBox(m_streamForm);
    m_encoderCombo->setObjectName(QStringLiteral("onvifEncoderCombo"));
    m_resolutionCombo = new QComboBox(m_streamForm);
    m_resolutionCombo->setObjectName(QStringLiteral("onvifResolutionCombo"));
    m_framerateSpin = new QSpinBox(m_streamForm);
    m_framerateSpin->setObjectName(QStringLiteral("onvifFramerateSpin"));
    m_framerateSpin->setSuffix(tr(" fps"));
    m_bitrateSpin = new QSpinBox(m_streamForm);
    m_bitrateSpin->setObjectName(QStringLiteral("onvifBitrateSpin"));
    m_bitrateSpin->setSuffix(tr(" kbit/s"));
    m_bitrateSpin->setGroupSeparatorShown(true);
    m_govSpin = new QSpinBox(m_streamForm);
    m_govSpin->setObjectName(QStringLiteral("onvifGovSpin"));
    m_govSpin->setToolTip(tr("Frames from one key frame to the next"));
    m_streamLink = new QLabel(m_streamForm);
    m_streamLink->setObjectName(QStringLiteral("onvifStreamLinkLabel"));
    m_streamLink->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_streamLink->setWordWrap(true);
    form->addRow(tr("Encoder:"), m_encoderCombo);
    form->addRow(tr("Resolution:"), m_resolutionCombo);
    form->addRow(tr("Frame rate:"), m_framerateSpin);
    form->addRow(tr("Bit rate:"), m_bitrateSpin);
    form->addRow(tr("Key frame interval:"), m_govSpin);
    form->addRow(tr("Stream address:"), m_streamLink);
    m_streamsStatus = new StatusLabel(tab);
    m_streamsStatus->setObjectName(QStringLiteral("onvifStreamsStatusLabel"));
    m_streamsStatus->setWordWrap(true);
    m_applyStreamButton = new QPushButton(tr("Apply"), tab);
    m_applyStreamButton->setObjectName(QStringLiteral("onvifApplyStreamButton"));
    connect(m_applyStreamButton, &QPushButton::clicked, this, &OnvifSettingsDialog::applyStream);
    connect(m_profileCombo, &QComboBox::currentIndexChanged, this,
            &OnvifSettingsDialog::showStream);
    connect(m_encoderCombo, &QComboBox::currentIndexChanged, this,
            [this] { showEncoderOptions(m_encoderCombo->currentData().toString()); });

    auto *profileRow = new QHBoxLayout;
    profileRow->addWidget(new QLabel(tr("Stream:"), tab));
    profileRow->addWidget(m_profileCombo, 1);
    auto *layout = new QVBoxLayout(tab);
    layout->addLayout(profileRow);
    layout->addWidget(m_streamForm);
    layout->addWidget(m_streamsStatus);
    layout->addStretch(1);
    layout->addWidget(m_applyStreamButton, 0, Qt::AlignRight);
    m_streamForm->setEnabled(false);
    m_applyStreamButton->setEnabled(false);
    return tab;
}

void OnvifSettingsDialog::loadStreams()
{
    m_streamsStatus->showMessage(tr("Asking the camera…"));
    track(m_client->onvifStreams(m_cameraId),
          [this](const Result<QList<client::OnvifStream>> &streams) {
              const int previous = m_profileCombo->currentIndex();
              m_streams = streams ? *streams : QList<client::OnvifStream>();
              {
                  const QSignalBlocker blocker(m_profileCombo);
                  m_profileCombo->clear();
                  for (const client::OnvifStream &stream : std::as_const(m_streams))
                      m_profileCombo->addItem(profileTitle(stream.name), stream.name);
                  m_profileCombo->setCurrentIndex(
                          previous >= 0 && previous < m_streams.size() ? previous : 0);
              }
              const bool hasStreams = !m_streams.isEmpty();
              m_profileCombo->setEnabled(hasStreams);
              m_streamForm->setEnabled(hasStreams);
              m_applyStreamButton->setEnabled(hasStreams);
              if (!streams) {
                  m_streamsStatus->showError(ErrorText::describeCameraError(streams.error()));
                  return;
              }
              if (!hasStreams) {
                  m_streamsStatus->showMessage(tr("The camera reports no streams."));
                  return;
              }
              m_streamsStatus->clearMessage();
              showStream(m_profileCombo->currentIndex());
          });
}

void OnvifSettingsDialog::showStream(int profileIndex)
{
    if (profileIndex < 0 || profileIndex >= m_streams.size())
        return;
    const client::OnvifStream &stream = m_streams.at(profileIndex);
    {
        const QSignalBlocker blocker(m_encoderCombo);
        m_encoderCombo->clear();
        for (const client::OnvifSupportedEncoder &encoder : stream.supportedEncoders)
            m_encoderCombo->addItem(encoder.name, encoder.name);
        if (m_encoderCombo->findData(stream.currentEncoder) < 0)
            m_encoderCombo->addItem(stream.currentEncoder, stream.currentEncoder);
        m_encoderCombo->setCurrentIndex(m_encoderCombo->findData(stream.currentEncoder));
    }
    showEncoderOptions(stream.currentEncoder);
    m_resolutionCombo->setCurrentIndex(
            std::max(0, m_resolutionCombo->findData(stream.currentResolution)));
    m_framerateSpin->setValue(stream.currentFramerate);
    m_bitrateSpin->setValue(stream.currentBitrate);
    if (stream.currentGovLength)
        m_govSpin->setValue(*stream.currentGovLength);
    m_streamLink->setText(stream.link);
}

void OnvifSettingsDialog::showEncoderOptions(const QString &encoderName)
{
    const int profile = m_profileCombo->currentIndex();
    if (profile < 0 || profile >= m_streams.size())
        return;
    const client::OnvifStream &stream = m_streams.at(profile);
    const client::OnvifSupportedEncoder *encoder = stream.encoder(encoderName);
    const QString resolution = m_resolutionCombo->currentData().toString();
    m_resolutionCombo->clear();
    if (encoder) {
        for (const client::OnvifResolution &option : encoder->resolutions) {
            // Only what the API can express; the camera's other sizes cannot be chosen here.
            if (kApiResolutions.contains(option.text()))
                m_resolutionCombo->addItem(resolutionTitle(option.text()), option.text());
        }
        m_framerateSpin->setRange(rangeMin(encoder->framerateRange),
                                  rangeMax(encoder->framerateRange));
        m_bitrateSpin->setRange(rangeMin(encoder->bitrateRange), rangeMax(encoder->bitrateRange));
        m_govSpin->setEnabled(encoder->govLengthRange.has_value());
        if (encoder->govLengthRange)
            m_govSpin->setRange(rangeMin(*encoder->govLengthRange),
                                rangeMax(*encoder->govLengthRange));
    } else {
        m_govSpin->setEnabled(false);
    }
    if (m_resolutionCombo->findData(resolution) >= 0)
        m_resolutionCombo->setCurrentIndex(m_resolutionCombo->findData(resolution));
    const bool isUsable = encoder && m_resolutionCombo->count() > 0;
    m_applyStreamButton->setEnabled(isUsable);
    if (encoder && m_resolutionCombo->count() == 0)
        m_streamsStatus->showError(tr("None of the sizes this encoder offers can be set here."));
}

void OnvifSettingsDialog::applyStream()
{
    const int profile = m_profileCombo->currentIndex();
    if (profile < 0 || profile >= m_streams.size())
        return;
    client::OnvifEncoderUpdate update;
    update.streamProfile = m_streams.at(profile).name;
    update.encoder = m_encoderCombo->currentData().toString();
    update.resolution = m_resolutionCombo->currentData().toString();
    update.framerate = m_framerateSpin->value();
    update.bitrate = m_bitrateSpin->value();
    if (m_govSpin->isEnabled())
        update.govLength = m_govSpin->value();
    m_streamsStatus->showMessage(tr("Saving…"));
    m_applyStreamButton->setEnabled(false);
    track(m_client->updateOnvifEncoder(m_cameraId, update), [this](const Status &status) {
        m_applyStreamButton->setEnabled(true);
        if (!status) {
            m_streamsStatus->showError(ErrorText::describeCameraError(status.error()));
            return;
        }
        m_isLoaded[3] = true;
        loadStreams();
        m_streamsStatus->showSuccess(tr("Stream settings saved."));
    });
}

// --- Imaging ---

QWidget *OnvifSettingsDialog::createImagingTab()
{
    auto *tab = new QWidget(this);
    tab->setObjectName(QStringLiteral("onvifImagingTab"));
    auto *scroll = new QScrollArea(tab);
    scroll->setWidgetResizable(true);
    scroll->setFrameShape(QFrame::NoFrame);
    m_imagingForm = new QWidget(scroll);
    m_imagingLayout = new QFormLayout(m_imagingForm);
    m_imagingLayout->setFieldGrowthPolicy(QFormLayout::AllNonFixedFieldsGrow);
    scroll->setWidget(m_imagingForm);
    m_imagingStatus = new StatusLabel(tab);
    m_imagingStatus->setObjectName(QStringLiteral("onvifImagingStatusLabel"));
    m_imagingStatus->setWordWrap(true);
    auto *hint = new QLabel(tr("Changes apply to the camera at once."), tab);
    hint->setForegroundRole(QPalette::PlaceholderText);
    auto *reload = new QPushButton(tr("Reload"), tab);
    reload->setObjectName(QStringLiteral("onvifImagingReloadButton"));
    connect(reload, &QPushButton::clicked, this, &OnvifSettingsDialog::loadImaging);
    auto *bottom = new QHBoxLayout;
    bottom->addWidget(hint, 1);
    bottom->addWidget(reload);
    auto *layout = new QVBoxLayout(tab);
    layout->addWidget(scroll, 1);
    layout->addWidget(m_imagingStatus);
    layout->addLayout(bottom);
    return tab;
}

void OnvifSettingsDialog::loadImaging()
{
    m_imagingStatus->showMessage(tr("Asking the camera…"));
    track(m_client->onvifImageSettings(m_cameraId),
          [this](const Result<client::OnvifImageSettings> &settings) {
              if (!settings) {
                  showImaging({});
                  m_imagingStatus->showError(ErrorText::describeCameraError(settings.error()));
                  return;
              }
              m_imagingStatus->clearMessage();
              showImaging(*settings);
          });
}

void OnvifSettingsDialog::showImaging(const client::OnvifImageSettings &settings)
{
    while (m_imagingLayout->rowCount() > 0)
        m_imagingLayout->removeRow(0);
    qDeleteAll(m_imagingSettings);
    m_imagingSettings.clear();

    const QString cameraId = m_cameraId;
    const auto valueSetting = [this, cameraId](client::OnvifImageValue which) {
        return new ImagingSetting(
                m_client, m_imagingStatus,
                [client = m_client, cameraId, which](double value, const QString &) {
                    return client->setOnvifImageValue(cameraId, which, value);
                },
                this);
    };
    const auto addValue
            = [&](const std::optional<client::OnvifRangedValue> &value,
                  client::OnvifImageValue which, const QString &title, const QString &objectName) {
                  if (!value)
                      return;
                  ImagingSetting *setting = valueSetting(which);
                  m_imagingLayout->addRow(title, setting->addSlider(value->range, value->value,
                                                                    objectName, m_imagingForm));
                  m_imagingSettings.append(setting);
              };
    addValue(settings.brightness, client::OnvifImageValue::Brightness, tr("Brightness:"),
             QStringLiteral("onvifBrightnessSlider"));
    addValue(settings.contrast, client::OnvifImageValue::Contrast, tr("Contrast:"),
             QStringLiteral("onvifContrastSlider"));
    addValue(settings.colorSaturation, client::OnvifImageValue::Saturation,
             tr("Colour saturation:"), QStringLiteral("onvifSaturationSlider"));
    addValue(settings.sharpness, client::OnvifImageValue::Sharpness, tr("Sharpness:"),
             QStringLiteral("onvifSharpnessSlider"));
    if (settings.exposure) {
        // The exposure time the camera works up to, within what it supports.
        ImagingSetting *setting = valueSetting(client::OnvifImageValue::Exposure);
        m_imagingLayout->addRow(
                tr("Exposure:"),
                setting->addSlider(settings.exposure->supported, settings.exposure->current.max,
                                   QStringLiteral("onvifExposureSlider"), m_imagingForm));
        m_imagingSettings.append(setting);
    }
    if (settings.backlightCompensation) {
        auto *setting = new ImagingSetting(
                m_client, m_imagingStatus,
                [client = m_client, cameraId](double, const QString &mode) {
                    return client->setOnvifBacklight(cameraId, mode);
                },
                this);
        m_imagingLayout->addRow(tr("Backlight compensation:"),
                                setting->addModes(settings.backlightCompensation->supportedModes,
                                                  settings.backlightCompensation->mode,
                                                  QStringLiteral("onvifBacklightCombo"),
                                                  m_imagingForm));
        m_imagingSettings.append(setting);
    }
    if (settings.irCutFilter) {
        auto *setting = new ImagingSetting(
                m_client, m_imagingStatus,
                [client = m_client, cameraId](double, const QString &mode) {
                    return client->setOnvifIrCutFilter(cameraId, mode);
                },
                this);
        m_imagingLayout->addRow(
                tr("IR cut filter:"),
                setting->addModes(settings.irCutFilter->supportedModes, settings.irCutFilter->mode,
                                  QStringLiteral("onvifIrCutCombo"), m_imagingForm));
        m_imagingSettings.append(setting);
    }
    if (settings.wideDynamicRange) {
        const client::OnvifWideDynamicRange &wdr = *settings.wideDynamicRange;
        auto *mode = new ImagingSetting(
                m_client, m_imagingStatus,
                [client = m_client, cameraId](double, const QString &mode) {
                    return client->setOnvifWideDynamicRange(cameraId, {mode, std::nullopt});
                },
                this);
        auto *level = new ImagingSetting(
                m_client, m_imagingStatus,
                [client = m_client, cameraId](double value, const QString &) {
                    return client->setOnvifWideDynamicRange(cameraId, {QString(), value});
                },
                this);
        m_imagingLayout->addRow(tr("Wide dynamic range:"),
                                mode->addModes(wdr.supportedModes, wdr.mode,
                                               QStringLiteral("onvifWdrCombo"), m_imagingForm));
        m_imagingLayout->addRow(tr("WDR level:"),
                                level->addSlider(wdr.range, wdr.value,
                                                 QStringLiteral("onvifWdrSlider"), m_imagingForm));
        level->slider()->setEnabled(wdr.mode == QLatin1String("ON"));
        mode->onModeApplied = [level](const QString &applied) {
            level->slider()->setEnabled(applied == QLatin1String("ON"));
        };
        m_imagingSettings << mode << level;
    }
    if (settings.whiteBalance) {
        const client::OnvifWhiteBalance &wb = *settings.whiteBalance;
        auto *mode = new ImagingSetting(
                m_client, m_imagingStatus,
                [client = m_client, cameraId](double, const QString &mode) {
                    return client->setOnvifWhiteBalance(cameraId,
                                                        {mode, std::nullopt, std::nullopt});
                },
                this);
        auto *cr = new ImagingSetting(
                m_client, m_imagingStatus,
                [client = m_client, cameraId](double value, const QString &) {
                    return client->setOnvifWhiteBalance(cameraId, {QString(), value, std::nullopt});
                },
                this);
        auto *cb = new ImagingSetting(
                m_client, m_imagingStatus,
                [client = m_client, cameraId](double value, const QString &) {
                    return client->setOnvifWhiteBalance(cameraId, {QString(), std::nullopt, value});
                },
                this);
        m_imagingLayout->addRow(tr("White balance:"),
                                mode->addModes(wb.supportedModes, wb.mode,
                                               QStringLiteral("onvifWhiteBalanceCombo"),
                                               m_imagingForm));
        m_imagingLayout->addRow(tr("Red gain:"),
                                cr->addSlider(wb.crGainRange, wb.crGain,
                                              QStringLiteral("onvifCrGainSlider"), m_imagingForm));
        m_imagingLayout->addRow(tr("Blue gain:"),
                                cb->addSlider(wb.cbGainRange, wb.cbGain,
                                              QStringLiteral("onvifCbGainSlider"), m_imagingForm));
        // The gains are the camera's to choose unless white balance is manual.
        const auto enableGains = [cr, cb](const QString &applied) {
            cr->slider()->setEnabled(applied == QLatin1String("MANUAL"));
            cb->slider()->setEnabled(applied == QLatin1String("MANUAL"));
        };
        enableGains(wb.mode);
        mode->onModeApplied = enableGains;
        m_imagingSettings << mode << cr << cb;
    }
    if (m_imagingSettings.isEmpty() && !m_imagingStatus->isError())
        m_imagingStatus->showMessage(tr("The camera offers no imaging settings."));
}

} // namespace vms::ui
