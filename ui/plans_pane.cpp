#include "ui/plans_pane.h"

#include "core/client/api_client.h"
#include "ui/confirmation.h"
#include "ui/editor_widgets.h"
#include "ui/error_text.h"
#include "ui/place_dialog.h"
#include "ui/place_tree_model.h"
#include "ui/plan_dialog.h"
#include "ui/plan_view.h"
#include "ui/status_label.h"

#include <QAction>
#include <QFile>
#include <QFileDialog>
#include <QFileInfo>
#include <QHBoxLayout>
#include <QItemSelectionModel>
#include <QLabel>
#include <QMimeDatabase>
#include <QSplitter>
#include <QStyle>
#include <QToolBar>
#include <QTreeView>
#include <QVBoxLayout>
#include <QtConcurrent/QtConcurrentRun>

#include <memory>

namespace vms::ui {

PlansPane::PlansPane(client::ApiClient *client, QWidget *parent)
    : QWidget(parent)
    , m_client(client)
{
    setObjectName(QStringLiteral("plansPane"));
    m_model = new PlaceTreeModel(this);
    m_model->setIcons(style()->standardIcon(QStyle::SP_DirIcon),
                      style()->standardIcon(QStyle::SP_FileDialogDetailedView));

    QToolBar *toolBar = makePaneToolBar(QStringLiteral("plansToolBar"), this);
    m_newPlaceAction = addToolAction(toolBar, style()->standardIcon(QStyle::SP_FileDialogNewFolder),
                                     tr("New place…"), QStringLiteral("newPlaceButton"));
    m_addPlanAction = addToolAction(toolBar, style()->standardIcon(QStyle::SP_FileIcon),
                                    tr("Add plan…"), QStringLiteral("addPlanButton"));
    m_editAction = addToolAction(toolBar, {}, tr("Edit…"), QStringLiteral("editPlaceButton"));
    addToolBarSpacer(toolBar);
    m_deleteAction = addToolAction(toolBar, style()->standardIcon(QStyle::SP_TrashIcon),
                                   tr("Delete the selected place or plan"),
                                   QStringLiteral("deletePlaceButton"), true);
    m_reloadAction = addToolAction(toolBar, style()->standardIcon(QStyle::SP_BrowserReload),
                                   tr("Reload"), QStringLiteral("reloadPlansButton"), true);
    connect(m_newPlaceAction, &QAction::triggered, this, &PlansPane::createPlace);
    connect(m_addPlanAction, &QAction::triggered, this, &PlansPane::addPlan);
    connect(m_editAction, &QAction::triggered, this, &PlansPane::editSelected);
    connect(m_deleteAction, &QAction::triggered, this, &PlansPane::deleteSelected);
    connect(m_reloadAction, &QAction::triggered, this, &PlansPane::reload);

    m_tree = new QTreeView(this);
    setUpItemView(m_tree, QStringLiteral("placeTree"));
    m_tree->setModel(m_model);
    m_tree->setHeaderHidden(true);
    m_tree->setAlternatingRowColors(false);
    m_tree->setUniformRowHeights(true);
    connect(m_tree->selectionModel(), &QItemSelectionModel::currentChanged, this,
            &PlansPane::onSelectionChanged);
    connect(m_tree, &QTreeView::doubleClicked, this, [this](const QModelIndex &index) {
        if (m_model->placeAt(index))
            editSelected();
    });

    auto *planPanel = new QWidget(this);
    m_planTitle = new QLabel(planPanel);
    m_planTitle->setObjectName(QStringLiteral("planTitleLabel"));
    QFont titleFont = m_planTitle->font();
    titleFont.setBold(true);
    m_planTitle->setFont(titleFont);
    m_planView = new PlanView(planPanel);
    auto *planLayout = new QVBoxLayout(planPanel);
    planLayout->setContentsMargins(0, 0, 0, 0);
    planLayout->addWidget(m_planTitle);
    planLayout->addWidget(m_planView, 1);
    connect(m_planView, &PlanView::cameraDropped, this, &PlansPane::onCameraDropped);
    connect(m_planView, &PlanView::cameraMoved, this, &PlansPane::onCameraMoved);
    connect(m_planView, &PlanView::removeRequested, this, &PlansPane::onRemoveRequested);
    connect(m_planView, &PlanView::cameraActivated, this, &PlansPane::cameraActivated);

    auto *splitter = new QSplitter(Qt::Vertical, this);
    splitter->addWidget(m_tree);
    splitter->addWidget(planPanel);
    splitter->setStretchFactor(0, 1);
    splitter->setStretchFactor(1, 3);
    splitter->setChildrenCollapsible(false);

    m_status = new StatusLabel(this);
    m_status->setObjectName(QStringLiteral("plansStatusLabel"));

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(6, 6, 6, 6);
    layout->addWidget(toolBar);
    layout->addWidget(splitter, 1);
    layout->addWidget(m_status);
    onSelectionChanged();
}

void PlansPane::showEvent(QShowEvent *event)
{
    QWidget::showEvent(event);
    if (!m_hasLoaded && !m_isLoading)
        reload();
}

void PlansPane::reload()
{
    std::optional<qint64> placeId;
    if (const auto place = m_model->placeAt(m_tree->currentIndex()))
        placeId = place->id;
    load({}, placeId, m_plan ? std::optional<qint64>(m_plan->id) : std::nullopt);
}

void PlansPane::load(const QString &doneMessage, std::optional<qint64> placeId,
                     std::optional<qint64> planId)
{
    if (m_isLoading) {
        m_queuedLoad = [this, doneMessage, placeId, planId] {
            load(doneMessage, placeId, planId);
        };
        return;
    }
    m_hasLoaded = true;
    m_isLoading = true;
    m_status->showMessage(tr("Loading places and plans…"));
    updateButtons();

    // Both lists are needed to build the tree; they load in parallel.
    struct Pending
    {
        std::optional<QList<client::Place>> places;
        std::optional<QList<client::Plan>> plans;
        QStringList errors;
        int left = 2;
    };
    auto pending = std::make_shared<Pending>();
    auto finish = [this, pending, doneMessage, placeId, planId] {
        if (--pending->left > 0)
            return;
        m_isLoading = false;
        if (!pending->errors.isEmpty()) {
            m_status->showError(pending->errors.join(QLatin1Char('\n')));
        } else {
            m_plan.reset(); // re-selected below; a plan that still exists shows again
            m_model->setContent(*pending->places, *pending->plans);
            m_tree->expandAll();
            if (doneMessage.isEmpty())
                m_status->clearMessage();
            else
                m_status->showSuccess(doneMessage);
            const bool isSelected
                    = (planId && selectPlan(*planId)) || (placeId && selectPlace(*placeId));
            if (!isSelected)
                onSelectionChanged();
        }
        updateButtons();
        emit loaded();
        if (const auto next = std::exchange(m_queuedLoad, {}))
            next();
    };
    m_client->places().then(this, [this, pending, finish](const Result<QList<client::Place>> &r) {
        if (r)
            pending->places = *r;
        else
            pending->errors.append(
                    tr("Could not load the places: %1").arg(ErrorText::describe(r.error())));
        finish();
    });
    m_client->allPlans().then(this, [this, pending, finish](const Result<QList<client::Plan>> &r) {
        if (r)
            pending->plans = *r;
        else
            pending->errors.append(
                    tr("Could not load the plans: %1").arg(ErrorText::describe(r.error())));
        finish();
    });
}

bool PlansPane::selectPlace(qint64 placeId)
{
    const QModelIndex index = m_model->indexOfPlace(placeId);
    if (!index.isValid())
        return false;
    m_tree->setCurrentIndex(index);
    return true;
}

bool PlansPane::selectPlan(qint64 planId)
{
    const QModelIndex index = m_model->indexOfPlan(planId);
    if (!index.isValid())
        return false;
    m_tree->setCurrentIndex(index);
    return true;
}

void PlansPane::onSelectionChanged()
{
    const QModelIndex index = m_tree->currentIndex();
    const auto place = m_model->owningPlace(index);
    const auto plan = m_model->planAt(index);
    updateButtons();
    emit placeSelected(place ? place->id : 0);
    if (plan) {
        showPlan(*plan);
        return;
    }
    m_plan.reset();
    m_planCameras.clear();
    ++m_planSerial;
    if (place) {
        m_planTitle->setText(place->name);
        m_planView->showMessage(
                place->planCount == 0
                        ? tr("%1 has no plans yet. Add one with Add plan…: choose an image of "
                             "the floor plan, then drag cameras onto it.")
                                  .arg(place->name)
                        : tr("Select a plan of %1 to see its cameras.").arg(place->name));
    } else {
        m_planTitle->setText(tr("Plan"));
        m_planView->showMessage(
                m_model->isEmpty() && m_hasLoaded && !m_isLoading
                        ? tr("There are no places yet. Create one with New place…, then add a "
                             "floor plan to it.")
                        : tr("Select a plan to see its cameras."));
    }
}

void PlansPane::showPlan(const client::Plan &plan)
{
    const quint64 serial = ++m_planSerial;
    m_plan = plan;
    m_planCameras.clear();
    m_planTitle->setText(plan.name);
    m_planView->showMessage(tr("Loading the plan…"));
    auto parts = std::make_shared<int>(2);
    auto partDone = [this, parts, serial] {
        if (--*parts == 0 && serial == m_planSerial)
            emit planShown();
    };

    const auto cached = m_images.constFind(plan.imageId);
    if (cached != m_images.cend()) {
        showImage(plan, *cached);
        partDone();
    } else {
        m_client->uploadContent(plan.imageId)
                .then(this, [this, plan, serial, partDone](const Result<QByteArray> &bytes) {
                    if (serial != m_planSerial)
                        return;
                    if (!bytes) {
                        m_planView->showMessage(tr("Could not load the plan image: %1")
                                                        .arg(ErrorText::describe(bytes.error())));
                        partDone();
                        return;
                    }
                    // Decoding a large plan takes a while: off the GUI thread.
                    QtConcurrent::run([data = *bytes] {
                        return QImage::fromData(data);
                    }).then(this, [this, plan, serial, partDone](const QImage &image) {
                        if (serial != m_planSerial)
                            return;
                        if (image.isNull()) {
                            m_planView->showMessage(
                                    tr("The plan image cannot be shown: it is not an "
                                       "image this console can read."));
                        } else {
                            m_images.insert(plan.imageId, image);
                            showImage(plan, image);
                        }
                        partDone();
                    });
                });
    }
    m_client->allPlanCameras(plan.id).then(
            this, [this, serial, partDone](const Result<QList<client::PlanCamera>> &cameras) {
                if (serial != m_planSerial)
                    return;
                if (cameras) {
                    m_planCameras = *cameras;
                    m_planView->setCameras(m_planCameras);
                } else {
                    m_status->showError(tr("Could not load the cameras of the plan: %1")
                                                .arg(ErrorText::describe(cameras.error())));
                }
                partDone();
            });
}

void PlansPane::showImage(const client::Plan &plan, const QImage &image)
{
    Q_UNUSED(plan)
    m_planView->setImage(image);
    m_planView->setToolTip(tr("Drag cameras here from the Cameras panel. Drag a camera marker "
                              "to move it; right-click it to remove it from the plan."));
}

void PlansPane::refreshPlanCameras()
{
    if (m_plan)
        loadPlanCameras(m_planSerial);
}

void PlansPane::loadPlanCameras(quint64 serial)
{
    if (!m_plan)
        return;
    m_client->allPlanCameras(m_plan->id)
            .then(this, [this, serial](const Result<QList<client::PlanCamera>> &cameras) {
                if (serial != m_planSerial)
                    return;
                if (!cameras) {
                    m_status->showError(tr("Could not load the cameras of the plan: %1")
                                                .arg(ErrorText::describe(cameras.error())));
                    return;
                }
                m_planCameras = *cameras;
                m_planView->setCameras(m_planCameras);
            });
}

QString PlansPane::cameraName(const QString &cameraId) const
{
    for (const client::PlanCamera &camera : m_planCameras) {
        if (camera.camera.id == cameraId)
            return camera.camera.name;
    }
    return tr("the camera");
}

void PlansPane::onCameraDropped(const QString &cameraId, const QString &name,
                                const QPointF &position)
{
    if (!m_plan)
        return;
    if (m_planView->cameraItem(cameraId)) {
        // Already on this plan: the drop just moves it.
        savePosition(cameraId, position, tr("Moved %1.").arg(cameraName(cameraId)));
        return;
    }
    const qint64 planId = m_plan->id;
    const quint64 serial = m_planSerial;
    m_status->showMessage(tr("Placing the camera on the plan…"));
    m_client->addPlanCameras(planId, {cameraId})
            .then(this, [this, cameraId, name, position, serial](const Status &added) {
                if (!added) {
                    // The server names the camera by its id; the operator knows its name.
                    const QString quoted = tr("“%1”").arg(name.isEmpty() ? cameraId : name);
                    QString reason = ErrorText::describe(added.error());
                    reason.replace(cameraId, quoted);
                    m_status->showError(
                            tr("Could not place %1 on this plan: %2").arg(quoted, reason));
                    emit planCamerasChanged(false);
                    return;
                }
                if (serial != m_planSerial)
                    return;
                savePosition(cameraId, position,
                             name.isEmpty() ? tr("Placed the camera on the plan.")
                                            : tr("Placed “%1” on the plan.").arg(name));
            });
}

void PlansPane::onCameraMoved(const QString &cameraId, const QPointF &position)
{
    savePosition(cameraId, position, tr("Saved the position of %1.").arg(cameraName(cameraId)));
}

void PlansPane::savePosition(const QString &cameraId, const QPointF &position,
                             const QString &doneText)
{
    if (!m_plan)
        return;
    const quint64 serial = m_planSerial;
    const QPointF unit(qBound(0.0, position.x(), 1.0), qBound(0.0, position.y(), 1.0));
    m_client->setPlanCameraPosition(m_plan->id, cameraId, unit.x(), unit.y())
            .then(this, [this, serial, doneText](const Result<client::PlanCameraPosition> &saved) {
                if (serial != m_planSerial)
                    return;
                if (saved)
                    m_status->showSuccess(doneText);
                else
                    m_status->showError(tr("Could not save the camera position: %1")
                                                .arg(ErrorText::describe(saved.error())));
                // The server's view wins: a refused move snaps back, a new camera appears.
                loadPlanCameras(serial);
                emit planCamerasChanged(saved.hasValue());
            });
}

void PlansPane::onRemoveRequested(const QString &cameraId)
{
    if (!m_plan)
        return;
    const quint64 serial = m_planSerial;
    const QString name = cameraName(cameraId);
    m_client->removePlanCameras(m_plan->id, {cameraId})
            .then(this, [this, serial, name](const Status &removed) {
                if (serial != m_planSerial)
                    return;
                if (removed)
                    m_status->showSuccess(tr("Removed %1 from the plan.").arg(name));
                else
                    m_status->showError(tr("Could not remove %1 from the plan: %2")
                                                .arg(name, ErrorText::describe(removed.error())));
                loadPlanCameras(serial);
                emit planCamerasChanged(removed.hasValue());
            });
}

void PlansPane::createPlace()
{
    if (m_dialog)
        return;
    auto *dialog = new PlaceDialog(tr("New place"), this);
    dialog->setOkText(tr("Create"));
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    m_dialog = dialog;
    connect(dialog, &FormDialog::submitted, this, [this, dialog] {
        const QPointer<FormDialog> guard(dialog);
        m_client->createPlace(dialog->input())
                .then(this, [this, guard](const Result<client::Place> &place) {
                    if (!place) {
                        if (guard)
                            guard->showError(ErrorText::describe(place.error()));
                        return;
                    }
                    if (guard)
                        guard->accept();
                    load(tr("Created the place %1. Add a floor plan to it with Add plan….")
                                 .arg(place->name),
                         place->id, std::nullopt);
                });
    });
    dialog->open();
}

void PlansPane::addPlan()
{
    const auto place = m_model->owningPlace(m_tree->currentIndex());
    if (!place) {
        m_status->showError(tr("Select the place the plan belongs to first."));
        return;
    }
    auto *files = new QFileDialog(this, tr("Choose the floor plan image"), QString(),
                                  tr("Images (*.png *.jpg *.jpeg *.bmp *.webp)"));
    files->setObjectName(QStringLiteral("planFileDialog"));
    files->setFileMode(QFileDialog::ExistingFile);
    files->setAttribute(Qt::WA_DeleteOnClose);
    const qint64 placeId = place->id;
    connect(files, &QFileDialog::fileSelected, this,
            [this, placeId](const QString &path) { addPlanFromFile(placeId, path); });
    files->open();
}

void PlansPane::addPlanFromFile(qint64 placeId, const QString &filePath)
{
    if (m_dialog)
        return;
    const QModelIndex placeIndex = m_model->indexOfPlace(placeId);
    const auto place = m_model->placeAt(placeIndex);
    if (!place)
        return;
    auto *dialog = new PlanDialog(tr("Add plan"), place->name, this);
    dialog->setOkText(tr("Upload and create"));
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->setImageFile(filePath);
    dialog->setName(QFileInfo(filePath).completeBaseName());
    m_dialog = dialog;
    connect(dialog, &FormDialog::submitted, this, [this, dialog, placeId, filePath] {
        const QPointer<PlanDialog> guard(dialog);
        QFile file(filePath);
        if (!file.open(QIODevice::ReadOnly)) {
            dialog->showError(tr("Cannot read %1: %2").arg(filePath, file.errorString()));
            return;
        }
        const QByteArray data = file.readAll();
        const QByteArray mimeType = QMimeDatabase().mimeTypeForFile(filePath).name().toLatin1();
        m_client->upload(client::UploadKind::Plan, data, QFileInfo(filePath).fileName(), mimeType)
                .then(this, [this, guard, placeId](const Result<QList<client::Upload>> &uploads) {
                    if (!uploads || uploads->isEmpty()) {
                        const QString reason = uploads ? tr("the server stored no image")
                                                       : ErrorText::describe(uploads.error());
                        if (guard)
                            guard->showError(tr("Could not upload the image: %1").arg(reason));
                        return;
                    }
                    if (!guard)
                        return; // cancelled while uploading: no plan without its dialog
                    const client::PlanInput input{guard->name(), placeId, uploads->constFirst().id};
                    m_client->createPlan(input).then(
                            this, [this, guard, placeId](const Result<client::Plan> &plan) {
                                if (!plan) {
                                    if (guard)
                                        guard->showError(ErrorText::describe(plan.error()));
                                    return;
                                }
                                if (guard)
                                    guard->accept();
                                load(tr("Added the plan %1. Drag cameras from the Cameras "
                                        "panel onto it.")
                                             .arg(plan->name),
                                     placeId, plan->id);
                            });
                });
    });
    dialog->open();
}

void PlansPane::editSelected()
{
    if (m_dialog)
        return;
    const QModelIndex index = m_tree->currentIndex();
    if (const auto plan = m_model->planAt(index)) {
        const auto place = m_model->owningPlace(index);
        auto *dialog = new PlanDialog(tr("Rename plan"), place ? place->name : QString(), this);
        dialog->setOkText(tr("Save"));
        dialog->setAttribute(Qt::WA_DeleteOnClose);
        dialog->setName(plan->name);
        m_dialog = dialog;
        const client::Plan target = *plan;
        connect(dialog, &FormDialog::submitted, this, [this, dialog, target] {
            const QPointer<FormDialog> guard(dialog);
            client::PlanInput input = client::PlanInput::from(target);
            input.name = dialog->name();
            m_client->updatePlan(target.id, input)
                    .then(this, [this, guard](const Result<client::Plan> &saved) {
                        if (!saved) {
                            if (guard)
                                guard->showError(ErrorText::describe(saved.error()));
                            return;
                        }
                        if (guard)
                            guard->accept();
                        load(tr("Saved the plan %1.").arg(saved->name), saved->placeId, saved->id);
                    });
        });
        dialog->open();
        return;
    }
    const auto place = m_model->placeAt(index);
    if (!place)
        return;
    auto *dialog = new PlaceDialog(tr("Edit place"), this);
    dialog->setOkText(tr("Save"));
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->setPlace(*place);
    m_dialog = dialog;
    const qint64 id = place->id;
    connect(dialog, &FormDialog::submitted, this, [this, dialog, id] {
        const QPointer<FormDialog> guard(dialog);
        m_client->updatePlace(id, dialog->input())
                .then(this, [this, guard](const Result<client::Place> &saved) {
                    if (!saved) {
                        if (guard)
                            guard->showError(ErrorText::describe(saved.error()));
                        return;
                    }
                    if (guard)
                        guard->accept();
                    load(tr("Saved the place %1.").arg(saved->name), saved->id, std::nullopt);
                });
    });
    dialog->open();
}

void PlansPane::deleteSelected()
{
    const QModelIndex index = m_tree->currentIndex();
    if (const auto plan = m_model->planAt(index)) {
        const client::Plan target = *plan;
        askConfirmation(
                this, tr("Delete plan"),
                tr("Delete the plan %1? Remove its cameras from it first.").arg(target.name),
                tr("Delete"), [this, target] {
                    m_client->deletePlan(target.id).then(this, [this, target](const Status &s) {
                        if (!s) {
                            m_status->showError(
                                    tr("Could not delete %1: %2")
                                            .arg(target.name, ErrorText::describe(s.error())));
                            return;
                        }
                        load(tr("Deleted the plan %1.").arg(target.name), target.placeId,
                             std::nullopt);
                    });
                });
        return;
    }
    const auto place = m_model->placeAt(index);
    if (!place)
        return;
    const client::Place target = *place;
    askConfirmation(
            this, tr("Delete place"),
            tr("Delete the place %1? A place that still has plans or cameras cannot be "
               "deleted.")
                    .arg(target.name),
            tr("Delete"), [this, target] {
                m_client->deletePlace(target.id).then(this, [this, target](const Status &s) {
                    if (!s) {
                        m_status->showError(
                                tr("Could not delete %1: %2")
                                        .arg(target.name, ErrorText::describe(s.error())));
                        return;
                    }
                    load(tr("Deleted the place %1.").arg(target.name), std::nullopt, std::nullopt);
                });
            });
}

void PlansPane::updateButtons()
{
    const QModelIndex index = m_tree->currentIndex();
    const bool hasItem = index.isValid();
    m_reloadAction->setEnabled(!m_isLoading);
    m_addPlanAction->setEnabled(m_model->owningPlace(index).has_value());
    m_editAction->setEnabled(hasItem);
    m_deleteAction->setEnabled(hasItem);
}

} // namespace vms::ui
