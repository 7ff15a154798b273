#pragma once

#include "core/client/organization_dto.h"
#include "ui/form_dialog.h"

#include <QPointer>
#include <QWidget>

#include <functional>

class QLineEdit;
class QPushButton;
class QSortFilterProxyModel;
class QTableView;

namespace vms::client {
class ApiClient;
}

namespace vms::ui {

class StatusLabel;
class UserTableModel;

/**
 * Administration of user accounts: the list (GET /users, every page), create and edit dialogs
 * (POST, PUT /users/{id}), password reset (PUT with a password) and delete with confirmation.
 */
class UsersEditor : public QWidget
{
    Q_OBJECT

public:
    explicit UsersEditor(client::ApiClient *client, QWidget *parent = nullptr);

    /** Loads users, roles and groups again. */
    void reload();
    void createUser();
    void editSelected();
    void resetPasswordOfSelected();
    void deleteSelected();
    /** Selects the row of the user with @p id; false when the list does not hold it. */
    bool selectUser(qint64 id);

    UserTableModel *model() const { return m_model; }
    QTableView *table() const { return m_table; }
    /** The dialog this editor opened and that is still open, if any. */
    FormDialog *openDialog() const { return m_dialog.data(); }
    bool isLoading() const { return m_pendingLoads > 0; }

signals:
    /** A reload finished (successfully or not). */
    void loaded();

protected:
    void showEvent(QShowEvent *event) override;

private:
    std::optional<client::User> selectedUser() const;
    /** Reloads; afterwards shows @p doneMessage and selects the user @p selectId (if > 0). */
    void load(const QString &doneMessage, qint64 selectId);
    void finishLoad();
    void showFailure(FormDialog *dialog, const QString &text);
    void updateButtons();

    client::ApiClient *m_client;
    UserTableModel *m_model = nullptr;
    QSortFilterProxyModel *m_proxy = nullptr;
    QList<client::Role> m_roles;
    QList<client::Group> m_groups;
    int m_pendingLoads = 0;
    bool m_hasLoaded = false;
    QStringList m_loadErrors;
    QString m_doneMessage;
    /** A load asked for while one runs; it runs when that one finishes (newest wins). */
    std::function<void()> m_queuedLoad;
    qint64 m_selectAfterLoad = 0;
    QPointer<FormDialog> m_dialog;

    QLineEdit *m_filterEdit = nullptr;
    QPushButton *m_createButton = nullptr;
    QPushButton *m_editButton = nullptr;
    QPushButton *m_passwordButton = nullptr;
    QPushButton *m_deleteButton = nullptr;
    QPushButton *m_reloadButton = nullptr;
    QTableView *m_table = nullptr;
    StatusLabel *m_status = nullptr;
};

} // namespace vms::ui
