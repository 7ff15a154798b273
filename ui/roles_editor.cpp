#include "ui/roles_editor.h"

#include "core/client/api_client.h"
#include "ui/confirmation.h"
#include "ui/editor_validation.h"
#include "ui/editor_widgets.h"
#include "ui/error_text.h"
#include "ui/name_description_dialog.h"
#include "ui/permission_tree_model.h"
#include "ui/role_list_model.h"
#include "ui/status_label.h"

#include <QHBoxLayout>
#include <QHeaderView>
#include <QItemSelectionModel>
#include <QLabel>
#include <QLineEdit>
#include <QListView>
#include <QPushButton>
#include <QSortFilterProxyModel>
#include <QSplitter>
#include <QStyle>
#include <QTreeView>
#include <QVBoxLayout>

namespace vms::ui {

RolesEditor::RolesEditor(client::ApiClient *client, QWidget *parent)
    : QWidget(parent)
    , m_client(client)
{
    setObjectName(QStringLiteral("rolesEditor"));
    m_roleModel = new RoleListModel(this);
    m_permissionModel = new PermissionTreeModel(this);
    m_permissionProxy = new QSortFilterProxyModel(this);
    m_permissionProxy->setSourceModel(m_permissionModel);
    m_permissionProxy->setFilterCaseSensitivity(Qt::CaseInsensitive);
    m_permissionProxy->setRecursiveFilteringEnabled(true);
    // A category that matches shows all its permissions.
    m_permissionProxy->setAutoAcceptChildRows(true);
    connect(m_permissionModel, &PermissionTreeModel::toggleRequested, this,
            &RolesEditor::onToggleRequested);

    // Left: the roles.
    auto *listPanel = new QWidget(this);
    auto *listTitle = new QLabel(tr("Roles"), listPanel);
    QFont titleFont = listTitle->font();
    titleFont.setBold(true);
    listTitle->setFont(titleFont);
    m_roleList = new QListView(listPanel);
    setUpItemView(m_roleList, QStringLiteral("roleList"));
    m_roleList->setModel(m_roleModel);
    m_roleList->setAlternatingRowColors(false);
    connect(m_roleList->selectionModel(), &QItemSelectionModel::currentRowChanged, this,
            &RolesEditor::onRoleSelected);
    connect(m_roleList, &QListView::doubleClicked, this, &RolesEditor::editSelected);
    m_createButton = makeButton(style()->standardIcon(QStyle::SP_FileIcon), tr("New…"),
                                QStringLiteral("newRoleButton"), listPanel);
    m_editButton = makeButton({}, tr("Rename…"), QStringLiteral("editRoleButton"), listPanel);
    m_deleteButton = makeButton(style()->standardIcon(QStyle::SP_TrashIcon), tr("Delete"),
                                QStringLiteral("deleteRoleButton"), listPanel);
    connect(m_createButton, &QPushButton::clicked, this, &RolesEditor::createRole);
    connect(m_editButton, &QPushButton::clicked, this, &RolesEditor::editSelected);
    connect(m_deleteButton, &QPushButton::clicked, this, &RolesEditor::deleteSelected);
    auto *listButtons = new QHBoxLayout;
    listButtons->addWidget(m_createButton);
    listButtons->addWidget(m_editButton);
    listButtons->addWidget(m_deleteButton);
    // Role names are short; the permissions get the room.
    listPanel->setMaximumWidth(320);
    auto *listLayout = new QVBoxLayout(listPanel);
    listLayout->setContentsMargins(0, 0, 0, 0);
    listLayout->addWidget(listTitle);
    listLayout->addWidget(m_roleList, 1);
    listLayout->addLayout(listButtons);

    // Right: the selected role and its permissions.
    auto *detailPanel = new QWidget(this);
    m_titleLabel = new QLabel(detailPanel);
    m_titleLabel->setObjectName(QStringLiteral("roleTitleLabel"));
    QFont bigFont = m_titleLabel->font();
    bigFont.setBold(true);
    bigFont.setPointSizeF(bigFont.pointSizeF() * 1.2);
    m_titleLabel->setFont(bigFont);
    m_descriptionLabel = new QLabel(detailPanel);
    m_descriptionLabel->setWordWrap(true);
    m_descriptionLabel->setForegroundRole(QPalette::PlaceholderText);
    m_readOnlyLabel = new QLabel(tr("This role is built in: its name and permissions cannot "
                                    "be changed."),
                                 detailPanel);
    m_readOnlyLabel->setObjectName(QStringLiteral("readOnlyLabel"));
    m_readOnlyLabel->setWordWrap(true);
    m_filterEdit = makeFilterEdit(tr("Filter permissions, e.g. camera or plan_read"),
                                  QStringLiteral("permissionFilterEdit"), detailPanel);
    connect(m_filterEdit, &QLineEdit::textChanged, this, [this](const QString &text) {
        m_permissionProxy->setFilterFixedString(text.trimmed());
        if (!text.trimmed().isEmpty())
            m_permissionView->expandAll();
    });
    m_permissionView = new QTreeView(detailPanel);
    setUpItemView(m_permissionView, QStringLiteral("permissionView"));
    m_permissionView->setModel(m_permissionProxy);
    m_permissionView->setHeaderHidden(true);
    m_permissionView->setUniformRowHeights(true);
    m_permissionView->setAlternatingRowColors(false);
    m_permissionView->setSelectionMode(QAbstractItemView::NoSelection);
    m_status = new StatusLabel(detailPanel);
    m_status->setObjectName(QStringLiteral("rolesStatusLabel"));
    auto *detailLayout = new QVBoxLayout(detailPanel);
    detailLayout->setContentsMargins(0, 0, 0, 0);
    detailLayout->addWidget(m_titleLabel);
    detailLayout->addWidget(m_descriptionLabel);
    detailLayout->addWidget(m_readOnlyLabel);
    detailLayout->addWidget(m_filterEdit);
    detailLayout->addWidget(m_permissionView, 1);
    detailLayout->addWidget(m_status);

    auto *splitter = new QSplitter(Qt::Horizontal, this);
    splitter->addWidget(listPanel);
    splitter->addWidget(detailPanel);
    splitter->setStretchFactor(0, 0);
    splitter->setStretchFactor(1, 1);
    splitter->setSizes({260, 600});
    splitter->setChildrenCollapsible(false);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(12, 12, 12, 12);
    layout->addWidget(splitter);

    // Categories start collapsed: their "n of m" counts are the overview; the filter opens them.
    updateDetails();
}

void RolesEditor::showEvent(QShowEvent *event)
{
    QWidget::showEvent(event);
    if (!m_hasLoaded && !m_isLoading)
        reload();
}

void RolesEditor::reload()
{
    load({}, m_current ? m_current->id : 0);
}

void RolesEditor::load(const QString &doneMessage, qint64 selectId)
{
    if (m_isLoading) {
        m_queuedLoad = [this, doneMessage, selectId] {
            load(doneMessage, selectId);
        };
        return;
    }
    m_hasLoaded = true;
    m_isLoading = true;
    m_status->showMessage(tr("Loading roles…"));
    m_client->roles().then(this, [this, doneMessage,
                                  selectId](const Result<QList<client::Role>> &roles) {
        m_isLoading = false;
        if (!roles) {
            m_status->showError(
                    tr("Could not load the roles: %1").arg(ErrorText::describe(roles.error())));
            emit rolesLoaded();
            runQueuedLoad();
            return;
        }
        m_roleModel->setRoles(*roles);
        m_current.reset();
        if (doneMessage.isEmpty())
            m_status->clearMessage();
        else
            m_status->showSuccess(doneMessage);
        if (!selectRole(selectId) && !roles->isEmpty())
            selectRole(roles->constFirst().id);
        if (roles->isEmpty())
            onRoleSelected();
        emit rolesLoaded();
        runQueuedLoad();
    });
}

void RolesEditor::runQueuedLoad()
{
    if (const auto next = std::exchange(m_queuedLoad, {}))
        next();
}

bool RolesEditor::selectRole(qint64 id)
{
    const int row = m_roleModel->rowOf(id);
    if (row < 0)
        return false;
    m_roleList->setCurrentIndex(m_roleModel->index(row));
    // setCurrentIndex does not signal when the row stays current (after a reload).
    if (!m_current || m_current->id != id)
        onRoleSelected();
    return true;
}

void RolesEditor::onRoleSelected()
{
    const QModelIndex index = m_roleList->currentIndex();
    if (index.isValid())
        m_current = m_roleModel->role(index.row());
    else
        m_current.reset();
    updateDetails();
    loadPermissions();
}

void RolesEditor::loadPermissions()
{
    const quint64 request = ++m_permissionRequest;
    m_permissionModel->setEditable(false);
    m_permissionModel->setGranted({});
    if (!m_current) {
        m_isLoadingPermissions = false;
        return;
    }
    m_isLoadingPermissions = true;
    const client::Role role = *m_current;
    m_client->rolePermissions(role.id).then(this, [this, request,
                                                   role](const Result<QStringList> &permissions) {
        if (request != m_permissionRequest)
            return; // another role was selected meanwhile
        m_isLoadingPermissions = false;
        if (!permissions) {
            m_status->showError(tr("Could not load the permissions of %1: %2")
                                        .arg(role.name, ErrorText::describe(permissions.error())));
            emit permissionsLoaded();
            return;
        }
        m_permissionModel->setGranted(*permissions);
        m_permissionModel->setEditable(!role.isInternal);
        emit permissionsLoaded();
    });
}

void RolesEditor::onToggleRequested(const QString &permission, bool grant)
{
    if (!m_current)
        return;
    const client::Role role = *m_current;
    const quint64 request = m_permissionRequest;
    ++m_pendingToggles;
    m_status->showMessage(grant ? tr("Granting %1…").arg(permission)
                                : tr("Revoking %1…").arg(permission));
    auto future = grant ? m_client->grantPermission(role.id, permission)
                        : m_client->revokePermission(role.id, permission);
    future.then(this, [this, permission, grant, role, request](const Status &status) {
        --m_pendingToggles;
        const bool isCurrent = request == m_permissionRequest;
        if (isCurrent)
            m_permissionModel->resolve(permission, status.hasValue());
        if (status) {
            m_status->showSuccess(grant ? tr("Granted %1 to %2.").arg(permission, role.name)
                                        : tr("Revoked %1 from %2.").arg(permission, role.name));
        } else {
            const QString reason = ErrorText::describe(status.error());
            m_status->showError(grant ? tr("Could not grant %1: %2").arg(permission, reason)
                                      : tr("Could not revoke %1: %2").arg(permission, reason));
        }
        emit toggleFinished(permission, status.hasValue());
    });
}

void RolesEditor::updateDetails()
{
    const bool hasRole = m_current.has_value();
    const bool isInternal = hasRole && m_current->isInternal;
    m_titleLabel->setText(hasRole ? m_current->name : tr("No role selected"));
    m_descriptionLabel->setText(hasRole ? m_current->description
                                        : tr("Choose a role on the left to see its "
                                             "permissions."));
    m_descriptionLabel->setVisible(!m_descriptionLabel->text().isEmpty());
    m_readOnlyLabel->setVisible(isInternal);
    m_editButton->setEnabled(hasRole && !isInternal);
    m_deleteButton->setEnabled(hasRole && !isInternal);
    m_filterEdit->setEnabled(hasRole);
    m_permissionView->setEnabled(hasRole);
}

void RolesEditor::createRole()
{
    if (m_dialog)
        return;
    auto *dialog = new NameDescriptionDialog(tr("New role"), kMaxGroupNameLength, this);
    dialog->setOkText(tr("Create"));
    dialog->setObjectName(QStringLiteral("roleDialog"));
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    m_dialog = dialog;
    connect(dialog, &FormDialog::submitted, this, [this, dialog] {
        const QPointer<FormDialog> guard(dialog);
        m_client->createRole({dialog->name(), dialog->description()})
                .then(this, [this, guard](const Result<client::Role> &role) {
                    if (!role) {
                        if (guard)
                            guard->showError(ErrorText::describe(role.error()));
                        return;
                    }
                    if (guard)
                        guard->accept();
                    load(tr("Created the role %1. It has no permissions yet: tick the ones it "
                            "needs.")
                                 .arg(role->name),
                         role->id);
                });
    });
    dialog->open();
}

void RolesEditor::editSelected()
{
    if (!m_current || m_current->isInternal || m_dialog)
        return;
    auto *dialog = new NameDescriptionDialog(tr("Rename role"), kMaxGroupNameLength, this);
    dialog->setOkText(tr("Save"));
    dialog->setObjectName(QStringLiteral("roleDialog"));
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->setValues(m_current->name, m_current->description);
    m_dialog = dialog;
    const qint64 id = m_current->id;
    connect(dialog, &FormDialog::submitted, this, [this, dialog, id] {
        const QPointer<FormDialog> guard(dialog);
        m_client->updateRole(id, {dialog->name(), dialog->description()})
                .then(this, [this, guard](const Result<client::Role> &role) {
                    if (!role) {
                        if (guard)
                            guard->showError(ErrorText::describe(role.error()));
                        return;
                    }
                    if (guard)
                        guard->accept();
                    load(tr("Saved the role %1.").arg(role->name), role->id);
                });
    });
    dialog->open();
}

void RolesEditor::deleteSelected()
{
    if (!m_current || m_current->isInternal)
        return;
    const client::Role role = *m_current;
    askConfirmation(this, tr("Delete role"),
                    tr("Delete the role %1? A role that users still hold cannot be deleted.")
                            .arg(role.name),
                    tr("Delete"), [this, role] {
                        m_client->deleteRole(role.id).then(this, [this, role](const Status &s) {
                            if (!s) {
                                m_status->showError(
                                        tr("Could not delete %1: %2")
                                                .arg(role.name, ErrorText::describe(s.error())));
                                return;
                            }
                            load(tr("Deleted the role %1.").arg(role.name), 0);
                        });
                    });
}

} // namespace vms::ui
