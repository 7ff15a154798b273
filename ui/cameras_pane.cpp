#include "ui/cameras_pane.h"

#include "core/client/api_client.h"
#include "ui/camera_dialog.h"
#include "ui/camera_table_model.h"
#include "ui/confirmation.h"
#include "ui/editor_widgets.h"
#include "ui/error_text.h"
#include "ui/status_label.h"

#include <QAction>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QItemSelectionModel>
#include <QLabel>
#include <QLineEdit>
#include <QMenu>
#include <QSortFilterProxyModel>
#include <QStackedWidget>
#include <QStyle>
#include <QTableView>
#include <QTimer>
#include <QToolBar>
#include <QVBoxLayout>

namespace vms::ui {

namespace {
// Typing pauses this long before the search goes to the server.
constexpr int kSearchDelayMs = 300;
} // namespace

CamerasPane::CamerasPane(client::ApiClient *client, QWidget *parent)
    : QWidget(parent)
    , m_client(client)
{
    setObjectName(QStringLiteral("camerasPane"));
    m_model = new CameraTableModel(this);
    m_proxy = new QSortFilterProxyModel(this);
    m_proxy->setSourceModel(m_model);
    m_proxy->setSortCaseSensitivity(Qt::CaseInsensitive);

    m_searchEdit = makeFilterEdit(tr("Search by name or camera ID"),
                                  QStringLiteral("cameraSearchEdit"), this);
    m_searchTimer = new QTimer(this);
    m_searchTimer->setSingleShot(true);
    m_searchTimer->setInterval(kSearchDelayMs);
    connect(m_searchEdit, &QLineEdit::textChanged, m_searchTimer, qOverload<>(&QTimer::start));
    connect(m_searchTimer, &QTimer::timeout, this, &CamerasPane::reload);

    m_table = new QTableView(this);
    setUpTable(m_table, QStringLiteral("camerasTable"));
    m_table->setModel(m_proxy);
    m_table->sortByColumn(CameraTableModel::NameColumn, Qt::AscendingOrder);
    m_table->setDragEnabled(true);
    m_table->setDragDropMode(QAbstractItemView::DragOnly);
    m_table->setDefaultDropAction(Qt::CopyAction);
    m_table->horizontalHeader()->setSectionResizeMode(CameraTableModel::NameColumn,
                                                      QHeaderView::Stretch);
    m_table->horizontalHeader()->setSectionResizeMode(CameraTableModel::PlaceColumn,
                                                      QHeaderView::ResizeToContents);
    m_table->horizontalHeader()->setStretchLastSection(false);
    connect(m_table, &QTableView::doubleClicked, this, [this] {
        if (const auto camera = selectedCamera())
            emit cameraActivated(camera->id, camera->name);
    });
    connect(m_table->selectionModel(), &QItemSelectionModel::selectionChanged, this,
            &CamerasPane::updateState);
    m_table->setContextMenuPolicy(Qt::CustomContextMenu);
    connect(m_table, &QTableView::customContextMenuRequested, this, &CamerasPane::showContextMenu);

    m_emptyLabel = new QLabel(this);
    m_emptyLabel->setObjectName(QStringLiteral("camerasEmptyLabel"));
    m_emptyLabel->setAlignment(Qt::AlignCenter);
    m_emptyLabel->setWordWrap(true);
    m_emptyLabel->setMargin(16);
    m_emptyLabel->setForegroundRole(QPalette::PlaceholderText);
    m_stack = new QStackedWidget(this);
    m_stack->addWidget(m_table);
    m_stack->addWidget(m_emptyLabel);

    QToolBar *toolBar = makePaneToolBar(QStringLiteral("camerasToolBar"), this);
    m_createAction = addToolAction(toolBar, style()->standardIcon(QStyle::SP_FileIcon), tr("New…"),
                                   QStringLiteral("newCameraButton"));
    m_editAction = addToolAction(toolBar, {}, tr("Edit…"), QStringLiteral("editCameraButton"));
    m_deleteAction = addToolAction(toolBar, style()->standardIcon(QStyle::SP_TrashIcon),
                                   tr("Delete"), QStringLiteral("deleteCameraButton"));
    addToolBarSpacer(toolBar);
    m_reloadAction = addToolAction(toolBar, style()->standardIcon(QStyle::SP_BrowserReload),
                                   tr("Reload"), QStringLiteral("reloadCamerasButton"), true);
    connect(m_createAction, &QAction::triggered, this, &CamerasPane::createCamera);
    connect(m_editAction, &QAction::triggered, this, &CamerasPane::editSelected);
    connect(m_deleteAction, &QAction::triggered, this, &CamerasPane::deleteSelected);
    connect(m_reloadAction, &QAction::triggered, this, &CamerasPane::reload);

    m_status = new StatusLabel(this);
    m_status->setObjectName(QStringLiteral("camerasStatusLabel"));

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(6, 6, 6, 6);
    layout->addWidget(m_searchEdit);
    layout->addWidget(m_stack, 1);
    layout->addWidget(m_status);
    layout->addWidget(toolBar);
    updateState();
}

void CamerasPane::showEvent(QShowEvent *event)
{
    QWidget::showEvent(event);
    if (!m_hasLoaded && !m_isLoading)
        reload();
}

void CamerasPane::reload()
{
    load({}, {});
}

void CamerasPane::load(const QString &doneMessage, const QString &selectId)
{
    m_searchTimer->stop();
    m_hasLoaded = true;
    m_isLoading = true;
    const quint64 serial = ++m_loadSerial;
    const QString query = m_searchEdit->text().trimmed();
    m_status->showMessage(tr("Loading cameras…"));
    updateState();
    client::CameraQuery filter;
    filter.withOrigin = true;
    auto future = query.isEmpty() ? m_client->allCameras(filter)
                                  : m_client->searchAllCameras(query, filter);
    future.then(this, [this, serial, query, doneMessage,
                       selectId](const Result<QList<client::Camera>> &cameras) {
        if (serial != m_loadSerial)
            return; // a newer search replaced this one
        m_isLoading = false;
        if (cameras) {
            m_loadedQuery = query;
            m_model->setCameras(*cameras);
            if (doneMessage.isEmpty())
                m_status->clearMessage();
            else
                m_status->showSuccess(doneMessage);
            if (!selectId.isEmpty())
                selectCamera(selectId);
        } else {
            m_status->showError(
                    tr("Could not load the cameras: %1").arg(ErrorText::describe(cameras.error())));
        }
        updateState();
        emit loaded();
    });
}

std::optional<client::Camera> CamerasPane::selectedCamera() const
{
    const QModelIndexList rows = m_table->selectionModel()->selectedRows();
    if (rows.isEmpty())
        return std::nullopt;
    return m_model->camera(m_proxy->mapToSource(rows.constFirst()).row());
}

bool CamerasPane::selectCamera(const QString &id)
{
    const int row = m_model->rowOf(id);
    if (row < 0)
        return false;
    const QModelIndex index = m_proxy->mapFromSource(m_model->index(row, 0));
    m_table->setCurrentIndex(index);
    m_table->selectionModel()->select(index, QItemSelectionModel::ClearAndSelect
                                                     | QItemSelectionModel::Rows);
    m_table->scrollTo(index);
    return true;
}

void CamerasPane::createCamera()
{
    showCameraDialog(std::nullopt);
}

void CamerasPane::editSelected()
{
    if (const auto camera = selectedCamera())
        showCameraDialog(camera);
}

void CamerasPane::showCameraDialog(const std::optional<client::Camera> &camera)
{
    if (m_dialog)
        return;
    // The place list comes first: the dialog needs it to offer the places.
    m_status->showMessage(tr("Loading places…"));
    m_client->places().then(this, [this, camera](const Result<QList<client::Place>> &places) {
        if (!places) {
            m_status->showError(
                    tr("Could not load the places: %1").arg(ErrorText::describe(places.error())));
            return;
        }
        if (m_dialog)
            return;
        m_status->clearMessage();
        m_model->setPlaces(*places);
        auto *dialog = new CameraDialog(
                camera ? CameraDialog::Mode::Edit : CameraDialog::Mode::Create, *places, this);
        dialog->setAttribute(Qt::WA_DeleteOnClose);
        if (camera)
            dialog->setCamera(*camera);
        else if (m_preferredPlace)
            dialog->setPlace(*m_preferredPlace);
        m_dialog = dialog;
        connect(dialog, &FormDialog::submitted, this, [this, dialog, camera] {
            const QPointer<FormDialog> guard(dialog);
            auto future = camera ? m_client->updateCamera(camera->id, dialog->input(), true)
                                 : m_client->createCamera(dialog->input(), true);
            const bool isNew = !camera;
            future.then(this, [this, guard, isNew](const Result<client::Camera> &saved) {
                if (!saved) {
                    const QString reason = ErrorText::describe(saved.error());
                    if (guard)
                        guard->showError(reason);
                    else
                        m_status->showError(reason);
                    return;
                }
                if (guard)
                    guard->accept();
                load(isNew ? tr("Created the camera %1.").arg(saved->name)
                           : tr("Saved the camera %1.").arg(saved->name),
                     saved->id);
                emit camerasChanged();
            });
        });
        dialog->open();
    });
}

void CamerasPane::deleteSelected()
{
    const auto camera = selectedCamera();
    if (!camera)
        return;
    const client::Camera target = *camera;
    askConfirmation(
            this, tr("Delete camera"),
            tr("Delete the camera %1? It is also taken off its plan. Recordings are "
               "not part of this and stay on disk until retention removes them.")
                    .arg(target.name),
            tr("Delete"), [this, target] {
                m_client->deleteCamera(target.id).then(this, [this, target](const Status &s) {
                    if (!s) {
                        m_status->showError(
                                tr("Could not delete %1: %2")
                                        .arg(target.name, ErrorText::describe(s.error())));
                        return;
                    }
                    load(tr("Deleted the camera %1.").arg(target.name), {});
                    emit camerasChanged();
                });
            });
}

void CamerasPane::showContextMenu(const QPoint &position)
{
    const QModelIndex index = m_table->indexAt(position);
    if (!index.isValid())
        return;
    m_table->selectionModel()->select(index, QItemSelectionModel::ClearAndSelect
                                                     | QItemSelectionModel::Rows);
    m_table->setCurrentIndex(index);
    const auto camera = selectedCamera();
    if (!camera)
        return;
    const client::Camera target = *camera;
    QMenu menu(this);
    menu.setObjectName(QStringLiteral("cameraContextMenu"));
    QAction *live = menu.addAction(tr("Show live"));
    live->setObjectName(QStringLiteral("showLiveAction"));
    connect(live, &QAction::triggered, this,
            [this, target] { emit cameraActivated(target.id, target.name); });
    QAction *settings = menu.addAction(tr("Camera settings (ONVIF)…"));
    settings->setObjectName(QStringLiteral("cameraSettingsAction"));
    connect(settings, &QAction::triggered, this,
            [this, target] { emit cameraSettingsRequested(target.id, target.name); });
    menu.addSeparator();
    menu.addAction(m_editAction);
    menu.addAction(m_deleteAction);
    menu.exec(m_table->viewport()->mapToGlobal(position));
}

void CamerasPane::updateState()
{
    const bool hasSelection = m_table->selectionModel()->hasSelection();
    m_editAction->setEnabled(hasSelection);
    m_deleteAction->setEnabled(hasSelection);
    const bool isEmpty = m_model->rowCount() == 0;
    if (isEmpty && !m_isLoading) {
        m_emptyLabel->setText(m_loadedQuery.isEmpty()
                                      ? tr("No cameras yet. Add one with New… — every camera "
                                           "belongs to a place, which you create in the Plans "
                                           "panel.")
                                      : tr("No camera matches \"%1\".").arg(m_loadedQuery));
        m_stack->setCurrentWidget(m_emptyLabel);
    } else {
        m_stack->setCurrentWidget(m_table);
    }
}

} // namespace vms::ui
