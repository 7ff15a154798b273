#include "ui/users_editor.h"

#include "core/client/api_client.h"
#include "ui/confirmation.h"
#include "ui/editor_widgets.h"
#include "ui/error_text.h"
#include "ui/status_label.h"
#include "ui/user_dialog.h"
#include "ui/user_table_model.h"

#include <QHBoxLayout>
#include <QHeaderView>
#include <QItemSelectionModel>
#include <QLineEdit>
#include <QPushButton>
#include <QSortFilterProxyModel>
#include <QStyle>
#include <QTableView>
#include <QVBoxLayout>

namespace vms::ui {

UsersEditor::UsersEditor(client::ApiClient *client, QWidget *parent)
    : QWidget(parent)
    , m_client(client)
{
    setObjectName(QStringLiteral("usersEditor"));
    m_model = new UserTableModel(this);
    m_proxy = new QSortFilterProxyModel(this);
    m_proxy->setSourceModel(m_model);
    m_proxy->setFilterCaseSensitivity(Qt::CaseInsensitive);
    m_proxy->setSortCaseSensitivity(Qt::CaseInsensitive);
    m_proxy->setFilterKeyColumn(-1);

    m_filterEdit = makeFilterEdit(tr("Filter by name, e-mail, role or group"),
                                  QStringLiteral("userFilterEdit"), this);
    connect(m_filterEdit, &QLineEdit::textChanged, m_proxy,
            &QSortFilterProxyModel::setFilterFixedString);
    m_createButton = makeButton(style()->standardIcon(QStyle::SP_FileIcon), tr("New user…"),
                                QStringLiteral("newUserButton"), this);
    m_editButton = makeButton({}, tr("Edit…"), QStringLiteral("editUserButton"), this);
    m_passwordButton
            = makeButton({}, tr("Reset password…"), QStringLiteral("resetPasswordButton"), this);
    m_deleteButton = makeButton(style()->standardIcon(QStyle::SP_TrashIcon), tr("Delete"),
                                QStringLiteral("deleteUserButton"), this);
    m_reloadButton = makeButton(style()->standardIcon(QStyle::SP_BrowserReload), QString(),
                                QStringLiteral("reloadUsersButton"), this);
    m_reloadButton->setToolTip(tr("Reload"));
    connect(m_createButton, &QPushButton::clicked, this, &UsersEditor::createUser);
    connect(m_editButton, &QPushButton::clicked, this, &UsersEditor::editSelected);
    connect(m_passwordButton, &QPushButton::clicked, this, &UsersEditor::resetPasswordOfSelected);
    connect(m_deleteButton, &QPushButton::clicked, this, &UsersEditor::deleteSelected);
    connect(m_reloadButton, &QPushButton::clicked, this, &UsersEditor::reload);

    m_table = new QTableView(this);
    setUpTable(m_table, QStringLiteral("usersTable"));
    m_table->setModel(m_proxy);
    m_table->sortByColumn(UserTableModel::NameColumn, Qt::AscendingOrder);
    // Names and e-mails share the width; role and group take what they need.
    QHeaderView *header = m_table->horizontalHeader();
    header->setStretchLastSection(false);
    header->setSectionResizeMode(UserTableModel::NameColumn, QHeaderView::Stretch);
    header->setSectionResizeMode(UserTableModel::EmailColumn, QHeaderView::Stretch);
    header->setSectionResizeMode(UserTableModel::RoleColumn, QHeaderView::ResizeToContents);
    header->setSectionResizeMode(UserTableModel::GroupColumn, QHeaderView::ResizeToContents);
    connect(m_table, &QTableView::doubleClicked, this, &UsersEditor::editSelected);
    connect(m_table->selectionModel(), &QItemSelectionModel::selectionChanged, this,
            &UsersEditor::updateButtons);

    m_status = new StatusLabel(this);
    m_status->setObjectName(QStringLiteral("usersStatusLabel"));

    auto *toolbar = new QHBoxLayout;
    toolbar->addWidget(m_filterEdit, 1);
    toolbar->addSpacing(12);
    toolbar->addWidget(m_createButton);
    toolbar->addWidget(m_editButton);
    toolbar->addWidget(m_passwordButton);
    toolbar->addWidget(m_deleteButton);
    toolbar->addWidget(m_reloadButton);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(12, 12, 12, 12);
    layout->addLayout(toolbar);
    layout->addWidget(m_table, 1);
    layout->addWidget(m_status);
    updateButtons();
}

void UsersEditor::showEvent(QShowEvent *event)
{
    QWidget::showEvent(event);
    if (!m_hasLoaded && !isLoading())
        reload();
}

void UsersEditor::reload()
{
    load({}, 0);
}

void UsersEditor::load(const QString &doneMessage, qint64 selectId)
{
    if (isLoading()) {
        m_queuedLoad = [this, doneMessage, selectId] {
            load(doneMessage, selectId);
        };
        return;
    }
    m_hasLoaded = true;
    m_doneMessage = doneMessage;
    m_selectAfterLoad = selectId;
    m_pendingLoads = 3;
    m_loadErrors.clear();
    m_status->showMessage(tr("Loading users…"));
    updateButtons();
    m_client->allUsers().then(this, [this](const Result<QList<client::User>> &users) {
        if (users)
            m_model->setUsers(*users);
        else
            m_loadErrors.append(
                    tr("Could not load the users: %1").arg(ErrorText::describe(users.error())));
        finishLoad();
    });
    m_client->roles().then(this, [this](const Result<QList<client::Role>> &roles) {
        if (roles) {
            m_roles = *roles;
            m_model->setRoles(m_roles);
        } else {
            m_loadErrors.append(
                    tr("Could not load the roles: %1").arg(ErrorText::describe(roles.error())));
        }
        finishLoad();
    });
    m_client->allGroups().then(this, [this](const Result<QList<client::Group>> &groups) {
        if (groups)
            m_groups = *groups;
        else
            m_loadErrors.append(
                    tr("Could not load the groups: %1").arg(ErrorText::describe(groups.error())));
        finishLoad();
    });
}

void UsersEditor::finishLoad()
{
    if (--m_pendingLoads > 0)
        return;
    if (!m_loadErrors.isEmpty())
        m_status->showError(m_loadErrors.join(QLatin1Char('\n')));
    else if (!m_doneMessage.isEmpty())
        m_status->showSuccess(m_doneMessage);
    else
        m_status->clearMessage();
    if (m_selectAfterLoad > 0)
        selectUser(m_selectAfterLoad);
    updateButtons();
    emit loaded();
    if (const auto next = std::exchange(m_queuedLoad, {}))
        next();
}

std::optional<client::User> UsersEditor::selectedUser() const
{
    const QModelIndexList rows = m_table->selectionModel()->selectedRows();
    if (rows.isEmpty())
        return std::nullopt;
    return m_model->user(m_proxy->mapToSource(rows.constFirst()).row());
}

bool UsersEditor::selectUser(qint64 id)
{
    const int row = m_model->rowOf(id);
    if (row < 0)
        return false;
    const QModelIndex index = m_proxy->mapFromSource(m_model->index(row, 0));
    if (!index.isValid())
        return false;
    m_table->selectionModel()->select(index, QItemSelectionModel::ClearAndSelect
                                                     | QItemSelectionModel::Rows);
    m_table->setCurrentIndex(index);
    m_table->scrollTo(index);
    return true;
}

void UsersEditor::createUser()
{
    if (m_dialog)
        return;
    auto *dialog = new UserDialog(UserDialog::Mode::Create, m_roles, m_groups, this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    m_dialog = dialog;
    connect(dialog, &FormDialog::submitted, this, [this, dialog] {
        const QPointer<FormDialog> guard(dialog);
        m_client->createUser(dialog->input())
                .then(this, [this, guard](const Result<client::User> &user) {
                    if (!user) {
                        showFailure(guard, ErrorText::describe(user.error()));
                        return;
                    }
                    if (guard)
                        guard->accept();
                    load(tr("Created the user %1.").arg(user->email), user->id);
                });
    });
    dialog->open();
}

void UsersEditor::editSelected()
{
    const auto user = selectedUser();
    if (!user || m_dialog)
        return;
    auto *dialog = new UserDialog(UserDialog::Mode::Edit, m_roles, m_groups, this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->setUser(*user);
    m_dialog = dialog;
    const qint64 id = user->id;
    connect(dialog, &FormDialog::submitted, this, [this, dialog, id] {
        const QPointer<FormDialog> guard(dialog);
        m_client->updateUser(id, dialog->input())
                .then(this, [this, guard](const Result<client::User> &saved) {
                    if (!saved) {
                        showFailure(guard, ErrorText::describe(saved.error()));
                        return;
                    }
                    if (guard)
                        guard->accept();
                    load(tr("Saved the user %1.").arg(saved->email), saved->id);
                });
    });
    dialog->open();
}

void UsersEditor::resetPasswordOfSelected()
{
    const auto user = selectedUser();
    if (!user || m_dialog)
        return;
    auto *dialog = new PasswordDialog(user->displayName(), this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    m_dialog = dialog;
    const client::User target = *user;
    connect(dialog, &FormDialog::submitted, this, [this, dialog, target] {
        // PUT replaces the whole user, so the current values go along with the password.
        client::UserInput input = client::UserInput::from(target);
        input.password = dialog->password();
        const QPointer<FormDialog> guard(dialog);
        m_client->updateUser(target.id, input)
                .then(this, [this, guard](const Result<client::User> &saved) {
                    if (!saved) {
                        showFailure(guard, ErrorText::describe(saved.error()));
                        return;
                    }
                    if (guard)
                        guard->accept();
                    m_status->showSuccess(
                            tr("Set a new password for %1.").arg(saved->displayName()));
                });
    });
    dialog->open();
}

void UsersEditor::deleteSelected()
{
    const auto user = selectedUser();
    if (!user)
        return;
    const client::User target = *user;
    askConfirmation(this, tr("Delete user"),
                    tr("Delete the user %1 (%2)? They can no longer sign in, and this cannot be "
                       "undone.")
                            .arg(target.displayName(), target.email),
                    tr("Delete"), [this, target] {
                        m_status->showMessage(tr("Deleting…"));
                        m_client->deleteUser(target.id).then(this, [this, target](const Status &s) {
                            if (!s) {
                                m_status->showError(
                                        tr("Could not delete %1: %2")
                                                .arg(target.email, ErrorText::describe(s.error())));
                                return;
                            }
                            load(tr("Deleted the user %1.").arg(target.email), 0);
                        });
                    });
}

void UsersEditor::showFailure(FormDialog *dialog, const QString &text)
{
    // The dialog stays open with the server's reason, so that the input can be corrected; a
    // dialog closed meanwhile leaves the reason in the status line.
    if (dialog)
        dialog->showError(text);
    else
        m_status->showError(text);
}

void UsersEditor::updateButtons()
{
    const bool hasSelection = m_table->selectionModel()->hasSelection();
    m_reloadButton->setEnabled(!isLoading());
    m_editButton->setEnabled(hasSelection);
    m_passwordButton->setEnabled(hasSelection);
    m_deleteButton->setEnabled(hasSelection);
}

} // namespace vms::ui
