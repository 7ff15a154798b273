#pragma once

#include "core/client/api_client.h"

#include <QMainWindow>

class QAction;
class QDockWidget;
class QLabel;
class QTabWidget;

namespace vms::ui {

class ArchivePane;
class AuditLogView;
class CamerasPane;
class GroupsEditor;
class LiveViewPane;
class OrganizationsEditor;
class PlansPane;
class ProfileView;
class PtzPanel;
class RolesEditor;
class UsersEditor;

/**
 * The operator console's main window: docks for cameras, live view, plans, events and archive
 * downloads around the administration area, and a status bar with the server and its state.
 */
class MainWindow : public QMainWindow
{
    Q_OBJECT

public:
    explicit MainWindow(client::ApiClient *client, QWidget *parent = nullptr);

    ProfileView *profileView() const { return m_profileView; }
    AuditLogView *auditLogView() const { return m_auditLogView; }
    UsersEditor *usersEditor() const { return m_usersEditor; }
    RolesEditor *rolesEditor() const { return m_rolesEditor; }
    GroupsEditor *groupsEditor() const { return m_groupsEditor; }
    OrganizationsEditor *organizationsEditor() const { return m_organizationsEditor; }
    CamerasPane *camerasPane() const { return m_camerasPane; }
    PlansPane *plansPane() const { return m_plansPane; }
    LiveViewPane *liveViewPane() const { return m_liveViewPane; }
    QDockWidget *liveViewDock() const { return m_liveViewDock; }
    ArchivePane *archivePane() const { return m_archivePane; }
    PtzPanel *ptzPanel() const { return m_ptzPanel; }
    QDockWidget *ptzDock() const { return m_ptzDock; }
    /** Opens the ONVIF settings dialog of a camera (one per camera; an open one is raised). */
    void showCameraSettings(const QString &cameraId, const QString &name);
    QTabWidget *adminTabs() const { return m_adminTabs; }
    QAction *logoutAction() const { return m_logoutAction; }

    /** Window geometry and dock layout, kept in QSettings between runs. */
    void saveLayout() const;
    void restoreLayout();

signals:
    void logoutRequested();
    /** The user closed the window or chose Quit. */
    void quitRequested();

protected:
    void closeEvent(QCloseEvent *event) override;

private:
    QDockWidget *addPlaceholderDock(const QString &objectName, const QString &title,
                                    const QIcon &icon, const QString &description,
                                    Qt::DockWidgetArea area);
    QDockWidget *addDock(const QString &objectName, const QString &title, QWidget *widget,
                         Qt::DockWidgetArea area);
    /** Shows the administration tabs the signed-in user may use. */
    void showAdminTabsFor(const client::CurrentUser &user);
    void showLiveCamera(const QString &cameraId, const QString &name);
    void showArchive(const QString &cameraId, const QString &name);
    void createMenus();
    void createStatusBar();
    void showConnectionState(client::ConnectionState state);
    void showAbout();

    client::ApiClient *m_client;
    QTabWidget *m_adminTabs = nullptr;
    ProfileView *m_profileView = nullptr;
    AuditLogView *m_auditLogView = nullptr;
    UsersEditor *m_usersEditor = nullptr;
    RolesEditor *m_rolesEditor = nullptr;
    GroupsEditor *m_groupsEditor = nullptr;
    OrganizationsEditor *m_organizationsEditor = nullptr;
    CamerasPane *m_camerasPane = nullptr;
    PlansPane *m_plansPane = nullptr;
    LiveViewPane *m_liveViewPane = nullptr;
    QDockWidget *m_liveViewDock = nullptr;
    ArchivePane *m_archivePane = nullptr;
    QDockWidget *m_archiveDock = nullptr;
    PtzPanel *m_ptzPanel = nullptr;
    QDockWidget *m_ptzDock = nullptr;
    QList<QDockWidget *> m_docks;
    QAction *m_logoutAction = nullptr;
    QLabel *m_serverLabel = nullptr;
    QLabel *m_stateIcon = nullptr;
    QLabel *m_stateLabel = nullptr;
    QLabel *m_userLabel = nullptr;
    QString m_serverVersion;
};

} // namespace vms::ui
