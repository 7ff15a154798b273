#pragma once

#include "core/client/organization_dto.h"
#include "ui/form_dialog.h"

#include <QPointer>
#include <QWidget>

#include <functional>
#include <optional>

class QLabel;
class QLineEdit;
class QListView;
class QPushButton;
class QSortFilterProxyModel;
class QTreeView;

namespace vms::client {
class ApiClient;
}

namespace vms::ui {

class PermissionTreeModel;
class RoleListModel;
class StatusLabel;

/**
 * Administration of roles: the list (GET /roles), create, rename and delete (built-in roles are
 * read-only), and the role's permissions as a checklist. Each toggle grants or revokes one
 * permission (POST or DELETE /permissions); a refused toggle flips back and says why.
 */
class RolesEditor : public QWidget
{
    Q_OBJECT

public:
    explicit RolesEditor(client::ApiClient *client, QWidget *parent = nullptr);

    void reload();
    void createRole();
    void editSelected();
    void deleteSelected();
    bool selectRole(qint64 id);
    std::optional<client::Role> currentRole() const { return m_current; }

    RoleListModel *roleModel() const { return m_roleModel; }
    PermissionTreeModel *permissionModel() const { return m_permissionModel; }
    QSortFilterProxyModel *permissionProxy() const { return m_permissionProxy; }
    QTreeView *permissionView() const { return m_permissionView; }
    FormDialog *openDialog() const { return m_dialog.data(); }
    StatusLabel *statusLabel() const { return m_status; }
    bool isLoadingPermissions() const { return m_isLoadingPermissions; }
    /** Toggles still waiting for the server. */
    int pendingToggles() const { return m_pendingToggles; }

signals:
    void rolesLoaded();
    void permissionsLoaded();
    /** A grant or revoke came back (accepted or refused). */
    void toggleFinished(const QString &permission, bool isAccepted);

protected:
    void showEvent(QShowEvent *event) override;

private:
    void load(const QString &doneMessage, qint64 selectId);
    void runQueuedLoad();
    void onRoleSelected();
    void loadPermissions();
    void onToggleRequested(const QString &permission, bool grant);
    void updateDetails();

    client::ApiClient *m_client;
    RoleListModel *m_roleModel = nullptr;
    PermissionTreeModel *m_permissionModel = nullptr;
    QSortFilterProxyModel *m_permissionProxy = nullptr;
    std::optional<client::Role> m_current;
    bool m_hasLoaded = false;
    bool m_isLoading = false;
    bool m_isLoadingPermissions = false;
    quint64 m_permissionRequest = 0;
    int m_pendingToggles = 0;
    QPointer<FormDialog> m_dialog;
    /** A load asked for while one runs; it runs when that one finishes (newest wins). */
    std::function<void()> m_queuedLoad;

    QListView *m_roleList = nullptr;
    QPushButton *m_createButton = nullptr;
    QPushButton *m_editButton = nullptr;
    QPushButton *m_deleteButton = nullptr;
    QLabel *m_titleLabel = nullptr;
    QLabel *m_descriptionLabel = nullptr;
    QLabel *m_readOnlyLabel = nullptr;
    QLineEdit *m_filterEdit = nullptr;
    QTreeView *m_permissionView = nullptr;
    StatusLabel *m_status = nullptr;
};

} // namespace vms::ui
