#pragma once

#include "core/client/organization_dto.h"
#include "ui/form_dialog.h"

#include <QPointer>
#include <QWidget>

#include <functional>
#include <optional>

class QPushButton;
class QSortFilterProxyModel;
class QTableView;

namespace vms::client {
class ApiClient;
}

namespace vms::ui {

class OrganizationTableModel;
class StatusLabel;

/**
 * Administration of tenant organizations (superusers only): list, create, edit and delete.
 * The server refuses to delete an organization that still has users, groups or sites.
 */
class OrganizationsEditor : public QWidget
{
    Q_OBJECT

public:
    explicit OrganizationsEditor(client::ApiClient *client, QWidget *parent = nullptr);

    void reload();
    void createOrganization();
    void editSelected();
    void deleteSelected();
    bool selectOrganization(qint64 id);

    OrganizationTableModel *model() const { return m_model; }
    QTableView *table() const { return m_table; }
    FormDialog *openDialog() const { return m_dialog.data(); }
    bool isLoading() const { return m_isLoading; }

signals:
    void loaded();

protected:
    void showEvent(QShowEvent *event) override;

private:
    std::optional<client::Organization> selected() const;
    void load(const QString &doneMessage, qint64 selectId);
    void openEditor(const std::optional<client::Organization> &organization);
    void updateButtons();

    client::ApiClient *m_client;
    OrganizationTableModel *m_model = nullptr;
    QSortFilterProxyModel *m_proxy = nullptr;
    bool m_hasLoaded = false;
    bool m_isLoading = false;
    QPointer<FormDialog> m_dialog;
    /** A load asked for while one runs; it runs when that one finishes (newest wins). */
    std::function<void()> m_queuedLoad;

    QPushButton *m_createButton = nullptr;
    QPushButton *m_editButton = nullptr;
    QPushButton *m_deleteButton = nullptr;
    QPushButton *m_reloadButton = nullptr;
    QTableView *m_table = nullptr;
    StatusLabel *m_status = nullptr;
};

} // namespace vms::ui
