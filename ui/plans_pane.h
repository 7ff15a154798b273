#pragma once

#include "core/client/site_dto.h"
#include "ui/form_dialog.h"

#include <QHash>
#include <QImage>
#include <QPointer>
#include <QWidget>

#include <functional>
#include <optional>

class QAction;
class QLabel;
class QTreeView;

namespace vms::client {
class ApiClient;
}

namespace vms::ui {

class PlaceTreeModel;
class PlanView;
class StatusLabel;

/**
 * The Plans panel: places with their plans (GET /places, GET /plans) and the selected plan
 * with its cameras (GET /uploads/{id}/content, GET /plans/{id}/cameras). It creates, edits and
 * deletes places and plans ("Add plan…" uploads the image with kind=plan, then creates the
 * plan), and turns what the plan view reports into requests: a dropped camera is added to the
 * plan and positioned, a moved marker saves its position, "Remove from plan" takes it off.
 */
class PlansPane : public QWidget
{
    Q_OBJECT

public:
    explicit PlansPane(client::ApiClient *client, QWidget *parent = nullptr);

    void reload();
    void createPlace();
    /** Asks for an image file, then for the plan's name; for the selected place. */
    void addPlan();
    /** The part of addPlan() after the file was chosen. */
    void addPlanFromFile(qint64 placeId, const QString &filePath);
    void editSelected();
    void deleteSelected();
    bool selectPlace(qint64 placeId);
    bool selectPlan(qint64 planId);
    /** Loads the cameras of the shown plan again (e.g. after a camera was deleted). */
    void refreshPlanCameras();

    std::optional<client::Plan> currentPlan() const { return m_plan; }
    QList<client::PlanCamera> planCameras() const { return m_planCameras; }
    PlaceTreeModel *model() const { return m_model; }
    QTreeView *tree() const { return m_tree; }
    PlanView *planView() const { return m_planView; }
    FormDialog *openDialog() const { return m_dialog.data(); }
    StatusLabel *statusLabel() const { return m_status; }

signals:
    void loaded();
    /** The plan's image and cameras are shown (or failed to load). */
    void planShown();
    /** A request about the plan's cameras finished: add, move or remove. */
    void planCamerasChanged(bool isSuccess);
    /** The place of the selection (0: none), for new cameras. */
    void placeSelected(qint64 placeId);
    /** Show the camera's live video. */
    void cameraActivated(const QString &cameraId, const QString &name);

protected:
    void showEvent(QShowEvent *event) override;

private:
    void load(const QString &doneMessage, std::optional<qint64> placeId,
              std::optional<qint64> planId);
    void onSelectionChanged();
    void showPlan(const client::Plan &plan);
    void showImage(const client::Plan &plan, const QImage &image);
    void loadPlanCameras(quint64 serial);
    void onCameraDropped(const QString &cameraId, const QString &name, const QPointF &position);
    void onCameraMoved(const QString &cameraId, const QPointF &position);
    void onRemoveRequested(const QString &cameraId);
    void savePosition(const QString &cameraId, const QPointF &position, const QString &doneText);
    QString cameraName(const QString &cameraId) const;
    void updateButtons();

    client::ApiClient *m_client;
    PlaceTreeModel *m_model = nullptr;
    bool m_hasLoaded = false;
    bool m_isLoading = false;
    std::optional<client::Plan> m_plan;
    QList<client::PlanCamera> m_planCameras;
    quint64 m_planSerial = 0; ///< bumped per shown plan: late answers for another plan are dropped
    QHash<QString, QImage> m_images; ///< decoded plan images by upload id
    QPointer<FormDialog> m_dialog;
    /** A load asked for while one runs; it runs when that one finishes (newest wins). */
    std::function<void()> m_queuedLoad;

    QAction *m_newPlaceAction = nullptr;
    QAction *m_addPlanAction = nullptr;
    QAction *m_editAction = nullptr;
    QAction *m_deleteAction = nullptr;
    QAction *m_reloadAction = nullptr;
    QTreeView *m_tree = nullptr;
    QLabel *m_planTitle = nullptr;
    PlanView *m_planView = nullptr;
    StatusLabel *m_status = nullptr;
};

} // namespace vms::ui
