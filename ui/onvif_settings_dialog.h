#pragma once

#include "core/client/onvif_dto.h"

#include <QDialog>
#include <QFuture>
#include <QList>

#include <functional>
#include <optional>

class QComboBox;
class QFormLayout;
class QLabel;
class QPushButton;
class QSpinBox;
class QTabWidget;
class QTableWidget;

namespace vms::client {
class ApiClient;
}

namespace vms::ui {

class StatusLabel;
class ImagingSetting;

/**
 * A camera's own settings over ONVIF, through the server (§8): device information, network
 * ports (changed only after a confirmation, since a wrong port cuts the camera off), users
 * (password change), the encoder of each stream within the options the camera offers, and the
 * imaging settings within the camera's ranges, applied live while a slider moves. Each tab
 * loads when first shown and says in words what went wrong (wrong credentials, not configured,
 * unsupported, unreachable, invalid value). Non-modal; deletes itself on close.
 */
class OnvifSettingsDialog : public QDialog
{
    Q_OBJECT

public:
    /** Pause after the last slider movement before the value is sent to the camera. */
    static constexpr int kImagingDebounceMs = 250;

    OnvifSettingsDialog(client::ApiClient *client, const QString &cameraId,
                        const QString &cameraName, QWidget *parent = nullptr);
    ~OnvifSettingsDialog() override;

    QString cameraId() const { return m_cameraId; }
    QTabWidget *tabs() const { return m_tabs; }
    /** Shows the tab with object name @p objectName (e.g. "onvifImagingTab"). */
    void showTab(const QString &objectName);
    /** No request of this dialog is on its way (for tests). */
    bool isIdle() const { return m_pending == 0; }

private:
    QWidget *createDeviceTab();
    QWidget *createNetworkTab();
    QWidget *createUsersTab();
    QWidget *createStreamsTab();
    QWidget *createImagingTab();
    void loadTab(int index);
    void loadDevice();
    void loadNetwork();
    void loadUsers();
    void loadStreams();
    void loadImaging();
    void applyNetwork();
    void changePassword();
    void showStream(int profileIndex);
    void showEncoderOptions(const QString &encoder);
    void applyStream();
    void showImaging(const client::OnvifImageSettings &settings);
    /** Counts a request in and out, so that isIdle() knows. */
    template<typename T, typename Handler>
    void track(const QFuture<T> &future, Handler handler);

    client::ApiClient *m_client;
    QString m_cameraId;
    QString m_cameraName;
    QTabWidget *m_tabs = nullptr;
    QList<bool> m_isLoaded;
    int m_pending = 0;

    // Device
    QWidget *m_deviceForm = nullptr;
    QList<QLabel *> m_deviceValues;
    StatusLabel *m_deviceStatus = nullptr;
    // Network
    QWidget *m_networkForm = nullptr;
    QSpinBox *m_httpPort = nullptr;
    QSpinBox *m_httpsPort = nullptr;
    QSpinBox *m_rtspPort = nullptr;
    QList<QLabel *> m_portStates;
    std::optional<client::OnvifNetworkSettings> m_network;
    QPushButton *m_applyNetworkButton = nullptr;
    StatusLabel *m_networkStatus = nullptr;
    // Users
    QTableWidget *m_usersTable = nullptr;
    QPushButton *m_passwordButton = nullptr;
    StatusLabel *m_usersStatus = nullptr;
    // Streams
    QWidget *m_streamForm = nullptr;
    QComboBox *m_profileCombo = nullptr;
    QComboBox *m_encoderCombo = nullptr;
    QComboBox *m_resolutionCombo = nullptr;
    QSpinBox *m_framerateSpin = nullptr;
    QSpinBox *m_bitrateSpin = nullptr;
    QSpinBox *m_govSpin = nullptr;
    QLabel *m_streamLink = nullptr;
    QPushButton *m_applyStreamButton = nullptr;
    QList<client::OnvifStream> m_streams;
    StatusLabel *m_streamsStatus = nullptr;
    // Imaging
    QWidget *m_imagingForm = nullptr;
    QFormLayout *m_imagingLayout = nullptr;
    QList<ImagingSetting *> m_imagingSettings;
    StatusLabel *m_imagingStatus = nullptr;
};

} // namespace vms::ui
