#include "ui/main_window.h"

#include "ui/audit_log_view.h"
#include "ui/cameras_pane.h"
#include "ui/groups_editor.h"
#include "ui/live_view_pane.h"
#include "ui/onvif_settings_dialog.h"
#include "ui/organizations_editor.h"
#include "ui/placeholder_pane.h"
#include "ui/plans_pane.h"
#include "ui/profile_view.h"
#include "ui/roles_editor.h"
#include "ui/users_editor.h"
#include "ui/video/archive_pane.h"
#include "ui/video/ptz_panel.h"

#include <QAction>
#include <QApplication>
#include <QCloseEvent>
#include <QDateTime>
#include <QDockWidget>
#include <QLabel>
#include <QMenuBar>
#include <QMessageBox>
#include <QPainter>
#include <QSettings>
#include <QStatusBar>
#include <QStyle>
#include <QTabWidget>

#ifndef VMS_VERSION
#define VMS_VERSION "0.0.0"
#endif

namespace vms::ui {

namespace {

const QString kGeometryKey = QStringLiteral("mainWindow/geometry");
const QString kStateKey = QStringLiteral("mainWindow/state");
// Bump when the set of docks changes, so that an old saved layout is not applied to new docks.
constexpr int kLayoutVersion = 4;

QPixmap stateDot(const QColor &color)
{
    QPixmap pixmap(10, 10);
    pixmap.fill(Qt::transparent);
    QPainter painter(&pixmap);
    painter.setRenderHint(QPainter::Antialiasing);
    painter.setPen(color.darker(130));
    painter.setBrush(color);
    painter.drawEllipse(QRectF(0.5, 0.5, 9, 9));
    return pixmap;
}

} // namespace

MainWindow::MainWindow(client::ApiClient *client, QWidget *parent)
    : QMainWindow(parent)
    , m_client(client)
{
    setObjectName(QStringLiteral("mainWindow"));
    setWindowTitle(tr("VMS Console"));
    setWindowIcon(style()->standardIcon(QStyle::SP_ComputerIcon));
    setDockOptions(AnimatedDocks | AllowTabbedDocks | AllowNestedDocks);

    m_adminTabs = new QTabWidget(this);
    m_adminTabs->setObjectName(QStringLiteral("adminTabs"));
    m_adminTabs->setDocumentMode(true);
    m_profileView = new ProfileView(m_client, m_adminTabs);
    m_auditLogView = new AuditLogView(m_client, m_adminTabs);
    // The editors join the tabs once the user's permissions are known (showAdminTabsFor).
    m_usersEditor = new UsersEditor(m_client, m_adminTabs);
    m_groupsEditor = new GroupsEditor(m_client, m_adminTabs);
    m_rolesEditor = new RolesEditor(m_client, m_adminTabs);
    m_organizationsEditor = new OrganizationsEditor(m_client, m_adminTabs);
    for (QWidget *editor : std::initializer_list<QWidget *>{m_usersEditor, m_groupsEditor,
                                                            m_rolesEditor, m_organizationsEditor})
        editor->hide();
    m_adminTabs->addTab(m_profileView, style()->standardIcon(QStyle::SP_DirHomeIcon),
                        tr("My profile"));
    m_adminTabs->addTab(m_auditLogView, style()->standardIcon(QStyle::SP_FileDialogContentsView),
                        tr("Audit log"));
    setCentralWidget(m_adminTabs);

    m_camerasPane = new CamerasPane(m_client, this);
    QDockWidget *cameras = addDock(QStringLiteral("camerasDock"), tr("Cameras"), m_camerasPane,
                                   Qt::LeftDockWidgetArea);
    m_liveViewPane = new LiveViewPane(m_client, this);
    m_liveViewDock = addDock(QStringLiteral("liveViewDock"), tr("Live view"), m_liveViewPane,
                             Qt::RightDockWidgetArea);
    // Archive playback shares the live view's place: one tab or the other is shown, so the
    // hidden one does not decode for nobody (live tiles drop to key frames, playback pauses).
    m_archivePane = new ArchivePane(m_client, this);
    m_archiveDock = addDock(QStringLiteral("archiveDock"), tr("Archive"), m_archivePane,
                            Qt::RightDockWidgetArea);
    tabifyDockWidget(m_liveViewDock, m_archiveDock);
    m_liveViewDock->raise();
    // Plans sit beside the camera list, so that cameras can be dragged from one to the other.
    m_plansPane = new PlansPane(m_client, this);
    QDockWidget *plans = addDock(QStringLiteral("plansDock"), tr("Plans"), m_plansPane,
                                 Qt::RightDockWidgetArea);
    splitDockWidget(m_liveViewDock, plans, Qt::Vertical);
    QDockWidget *events = addPlaceholderDock(
            QStringLiteral("eventsDock"), tr("Events"),
            style()->standardIcon(QStyle::SP_MessageBoxInformation),
            tr("This panel will list recognition events as they happen: faces and licence plates "
               "from the watch lists, motion and line crossing."),
            Qt::RightDockWidgetArea);
    tabifyDockWidget(plans, events);
    plans->raise();
    // PTZ under the camera list: beside the live view, in reach while watching.
    m_ptzPanel = new PtzPanel(m_client, m_liveViewPane, this);
    m_ptzDock = addDock(QStringLiteral("ptzDock"), tr("PTZ"), m_ptzPanel, Qt::LeftDockWidgetArea);
    splitDockWidget(cameras, m_ptzDock, Qt::Vertical);

    QDockWidget *downloads = addPlaceholderDock(
            QStringLiteral("archiveDownloadsDock"), tr("Archive downloads"),
            style()->standardIcon(QStyle::SP_ArrowDown),
            tr("This panel will list the archive clips you export, with their progress; finished "
               "clips can be opened or saved from here."),
            Qt::BottomDockWidgetArea);
    // Side docks run the full height; the downloads strip sits under the central area only.
    setCorner(Qt::BottomLeftCorner, Qt::LeftDockWidgetArea);
    setCorner(Qt::BottomRightCorner, Qt::RightDockWidgetArea);
    resizeDocks({cameras, m_liveViewDock}, {270, 430}, Qt::Horizontal);
    resizeDocks({m_liveViewDock, plans}, {230, 520}, Qt::Vertical);
    resizeDocks({downloads}, {150}, Qt::Vertical);
    resizeDocks({cameras, m_ptzDock}, {330, 420}, Qt::Vertical);

    connect(m_plansPane, &PlansPane::cameraActivated, this, &MainWindow::showLiveCamera);
    connect(m_camerasPane, &CamerasPane::cameraActivated, this, &MainWindow::showLiveCamera);
    connect(m_plansPane, &PlansPane::placeSelected, this, [this](qint64 placeId) {
        m_camerasPane->setPreferredPlace(placeId > 0 ? std::optional<qint64>(placeId)
                                                     : std::nullopt);
    });
    connect(m_camerasPane, &CamerasPane::camerasChanged, m_plansPane,
            &PlansPane::refreshPlanCameras);
    connect(m_camerasPane, &CamerasPane::camerasChanged, m_liveViewPane,
            &LiveViewPane::reloadCameras);
    connect(m_camerasPane, &CamerasPane::camerasChanged, m_archivePane,
            &ArchivePane::reloadCameras);
    connect(m_liveViewPane, &LiveViewPane::archiveRequested, this, &MainWindow::showArchive);
    connect(m_archivePane, &ArchivePane::liveRequested, this, &MainWindow::showLiveCamera);
    connect(m_camerasPane, &CamerasPane::cameraSettingsRequested, this,
            &MainWindow::showCameraSettings);
    connect(m_liveViewPane, &LiveViewPane::cameraSettingsRequested, this,
            &MainWindow::showCameraSettings);

    createMenus();
    createStatusBar();

    connect(m_client, &client::ApiClient::connectionStateChanged, this,
            &MainWindow::showConnectionState);
    connect(m_profileView, &ProfileView::userLoaded, this, [this](const client::CurrentUser &user) {
        setWindowTitle(tr("%1 — VMS Console").arg(user.displayName()));
        m_userLabel->setText(tr("Signed in as %1").arg(user.email));
        showAdminTabsFor(user);
        m_ptzPanel->setPermissions(user);
        // The live grid is saved per server and user.
        m_liveViewPane->setSettingsScope(m_client->baseUrl(), user.id);
    });
    showConnectionState(m_client->connectionState());
    m_profileView->reload();
    m_client->hello().then(this, [this](const Result<client::Hello> &hello) {
        if (!hello)
            return;
        m_serverVersion = hello->version;
        m_serverLabel->setToolTip(tr("Server version %1").arg(m_serverVersion));
    });

    resize(1280, 800);
}

QDockWidget *MainWindow::addPlaceholderDock(const QString &objectName, const QString &title,
                                            const QIcon &icon, const QString &description,
                                            Qt::DockWidgetArea area)
{
    auto *dock = new QDockWidget(title, this);
    dock->setObjectName(objectName);
    dock->setWidget(new PlaceholderPane(icon, title, description, dock));
    dock->setFeatures(QDockWidget::DockWidgetClosable | QDockWidget::DockWidgetMovable
                      | QDockWidget::DockWidgetFloatable);
    addDockWidget(area, dock);
    m_docks.append(dock);
    return dock;
}

QDockWidget *MainWindow::addDock(const QString &objectName, const QString &title, QWidget *widget,
                                 Qt::DockWidgetArea area)
{
    auto *dock = new QDockWidget(title, this);
    dock->setObjectName(objectName);
    dock->setWidget(widget);
    dock->setFeatures(QDockWidget::DockWidgetClosable | QDockWidget::DockWidgetMovable
                      | QDockWidget::DockWidgetFloatable);
    addDockWidget(area, dock);
    m_docks.append(dock);
    return dock;
}

void MainWindow::showAdminTabsFor(const client::CurrentUser &user)
{
    struct Tab
    {
        QWidget *editor;
        bool isAllowed;
        QIcon icon;
        QString title;
    };
    // Order of the tabs between "My profile" and "Audit log".
    const Tab tabs[] = {
            {m_usersEditor, user.hasPermission(QStringLiteral("user_read")),
             style()->standardIcon(QStyle::SP_FileDialogDetailedView), tr("Users")},
            {m_groupsEditor, user.hasPermission(QStringLiteral("group_read")),
             style()->standardIcon(QStyle::SP_DirIcon), tr("Groups")},
            {m_rolesEditor, user.hasPermission(QStringLiteral("role_read")),
             style()->standardIcon(QStyle::SP_FileDialogInfoView), tr("Roles")},
            {m_organizationsEditor, user.isSuperuser,
             style()->standardIcon(QStyle::SP_DriveNetIcon), tr("Organizations")},
    };
    int position = m_adminTabs->indexOf(m_profileView) + 1;
    for (const Tab &tab : tabs) {
        const int index = m_adminTabs->indexOf(tab.editor);
        if (tab.isAllowed && index < 0)
            m_adminTabs->insertTab(position, tab.editor, tab.icon, tab.title);
        else if (!tab.isAllowed && index >= 0)
            m_adminTabs->removeTab(index);
        if (tab.isAllowed)
            ++position;
    }
}

void MainWindow::showLiveCamera(const QString &cameraId, const QString &name)
{
    m_liveViewPane->showCamera(cameraId, name);
    m_liveViewDock->show();
    m_liveViewDock->raise();
}

void MainWindow::showCameraSettings(const QString &cameraId, const QString &name)
{
    const auto open = findChildren<OnvifSettingsDialog *>();
    for (OnvifSettingsDialog *dialog : open) {
        if (dialog->cameraId() == cameraId) {
            dialog->raise();
            dialog->activateWindow();
            return;
        }
    }
    auto *dialog = new OnvifSettingsDialog(m_client, cameraId, name, this);
    dialog->show();
}

void MainWindow::showArchive(const QString &cameraId, const QString &name)
{
    // A minute back: the newest closed segments, right before what the live tile shows.
    m_archivePane->openCamera(cameraId, name, QDateTime::currentMSecsSinceEpoch() - 60 * 1000);
    m_archiveDock->show();
    m_archiveDock->raise();
}

void MainWindow::createMenus()
{
    QMenu *session = menuBar()->addMenu(tr("&Session"));
    m_logoutAction = session->addAction(style()->standardIcon(QStyle::SP_DialogCloseButton),
                                        tr("&Log out"));
    m_logoutAction->setObjectName(QStringLiteral("logoutAction"));
    m_logoutAction->setShortcut(QKeySequence(tr("Ctrl+Shift+L")));
    connect(m_logoutAction, &QAction::triggered, this, &MainWindow::logoutRequested);
    session->addSeparator();
    QAction *quit = session->addAction(tr("&Quit"));
    quit->setObjectName(QStringLiteral("quitAction"));
    quit->setShortcut(QKeySequence::Quit);
    quit->setMenuRole(QAction::QuitRole);
    connect(quit, &QAction::triggered, this, &MainWindow::close);

    QMenu *view = menuBar()->addMenu(tr("&View"));
    for (QDockWidget *dock : std::as_const(m_docks))
        view->addAction(dock->toggleViewAction());

    QMenu *help = menuBar()->addMenu(tr("&Help"));
    QAction *about = help->addAction(tr("&About VMS Console"));
    about->setMenuRole(QAction::AboutRole);
    connect(about, &QAction::triggered, this, &MainWindow::showAbout);
}

void MainWindow::createStatusBar()
{
    m_serverLabel = new QLabel(tr("Server: %1").arg(m_client->baseUrl().toString()), this);
    m_serverLabel->setObjectName(QStringLiteral("serverUrlLabel"));
    m_stateIcon = new QLabel(this);
    m_stateLabel = new QLabel(this);
    m_stateLabel->setObjectName(QStringLiteral("connectionStateLabel"));
    m_userLabel = new QLabel(this);
    m_userLabel->setObjectName(QStringLiteral("userLabel"));
    statusBar()->addWidget(m_userLabel, 1);
    statusBar()->addPermanentWidget(m_serverLabel);
    statusBar()->addPermanentWidget(m_stateIcon);
    statusBar()->addPermanentWidget(m_stateLabel);
}

void MainWindow::showConnectionState(client::ConnectionState state)
{
    switch (state) {
    case client::ConnectionState::Connected:
        m_stateLabel->setText(tr("Connected"));
        m_stateIcon->setPixmap(stateDot(QColor(0x2e, 0xa0, 0x43)));
        break;
    case client::ConnectionState::Reconnecting:
        m_stateLabel->setText(tr("Reconnecting…"));
        m_stateIcon->setPixmap(stateDot(QColor(0xe0, 0x9b, 0x1a)));
        break;
    case client::ConnectionState::Disconnected:
        m_stateLabel->setText(tr("Disconnected"));
        m_stateIcon->setPixmap(stateDot(QColor(0xc6, 0x28, 0x28)));
        break;
    }
}

void MainWindow::showAbout()
{
    const QString server = m_serverVersion.isEmpty() ? tr("unknown") : m_serverVersion;
    QMessageBox::about(this, tr("About VMS Console"),
                       tr("<h3>VMS Console %1</h3>"
                          "<p>Operator console of the video management system.</p>"
                          "<p>Server: %2<br>Server version: %3</p>")
                               .arg(QStringLiteral(VMS_VERSION),
                                    m_client->baseUrl().toString().toHtmlEscaped(), server));
}

void MainWindow::saveLayout() const
{
    QSettings settings;
    settings.setValue(kGeometryKey, saveGeometry());
    settings.setValue(kStateKey, saveState(kLayoutVersion));
}

void MainWindow::restoreLayout()
{
    QSettings settings;
    restoreGeometry(settings.value(kGeometryKey).toByteArray());
    restoreState(settings.value(kStateKey).toByteArray(), kLayoutVersion);
}

void MainWindow::closeEvent(QCloseEvent *event)
{
    // The controller decides when the application ends (it signs out first), so the window
    // only reports the wish and stays until then.
    event->ignore();
    emit quitRequested();
}

} // namespace vms::ui
