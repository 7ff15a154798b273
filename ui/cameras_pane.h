#pragma once

#include "core/client/site_dto.h"
#include "ui/form_dialog.h"

#include <QPointer>
#include <QWidget>

#include <optional>

class QAction;
class QLabel;
class QLineEdit;
class QSortFilterProxyModel;
class QStackedWidget;
class QTableView;
class QTimer;

namespace vms::client {
class ApiClient;
}

namespace vms::ui {

class CameraTableModel;
class StatusLabel;

/**
 * The Cameras panel: the organization's cameras with their places (GET /cameras, every page;
 * POST /cameras/search while the search box has text), create, edit and delete. Cameras drag
 * out of the list onto a plan.
 */
class CamerasPane : public QWidget
{
    Q_OBJECT

public:
    explicit CamerasPane(client::ApiClient *client, QWidget *parent = nullptr);

    /** Loads the list again for the current search text. */
    void reload();
    void createCamera();
    void editSelected();
    void deleteSelected();
    bool selectCamera(const QString &id);
    /** The place a new camera gets by default (the one selected in the Plans panel). */
    void setPreferredPlace(std::optional<qint64> placeId) { m_preferredPlace = placeId; }

    CameraTableModel *model() const { return m_model; }
    QTableView *table() const { return m_table; }
    QLineEdit *searchEdit() const { return m_searchEdit; }
    FormDialog *openDialog() const { return m_dialog.data(); }
    bool isLoading() const { return m_isLoading; }

signals:
    void loaded();
    /** A camera was created, changed or deleted. */
    void camerasChanged();
    /** The user double-clicked a camera: show it. */
    void cameraActivated(const QString &cameraId, const QString &name);
    /** The user asked for the camera's own settings (ONVIF) from the context menu. */
    void cameraSettingsRequested(const QString &cameraId, const QString &name);

protected:
    void showEvent(QShowEvent *event) override;

private:
    std::optional<client::Camera> selectedCamera() const;
    void load(const QString &doneMessage, const QString &selectId);
    void showCameraDialog(const std::optional<client::Camera> &camera);
    void updateState();
    void showContextMenu(const QPoint &position);

    client::ApiClient *m_client;
    CameraTableModel *m_model = nullptr;
    QSortFilterProxyModel *m_proxy = nullptr;
    bool m_hasLoaded = false;
    bool m_isLoading = false;
    quint64 m_loadSerial = 0;
    QString m_loadedQuery;
    std::optional<qint64> m_preferredPlace;
    QPointer<FormDialog> m_dialog;

    QLineEdit *m_searchEdit = nullptr;
    QTimer *m_searchTimer = nullptr;
    QStackedWidget *m_stack = nullptr;
    QTableView *m_table = nullptr;
    QLabel *m_emptyLabel = nullptr;
    QAction *m_createAction = nullptr;
    QAction *m_editAction = nullptr;
    QAction *m_deleteAction = nullptr;
    QAction *m_reloadAction = nullptr;
    StatusLabel *m_status = nullptr;
};

} // namespace vms::ui
