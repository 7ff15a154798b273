#pragma once

#include "core/client/organization_dto.h"
#include "ui/form_dialog.h"

#include <QPointer>
#include <QWidget>

#include <functional>
#include <optional>

class QLabel;
class QLineEdit;
class QPushButton;
class QSortFilterProxyModel;
class QTableView;

namespace vms::client {
class ApiClient;
}

namespace vms::ui {

class GroupTableModel;
class PlaceTableModel;
class StatusLabel;
class UserTableModel;

/**
 * Administration of user groups: the list (GET /groups), create, edit and delete, and for the
 * selected group its members (add from a picker of users without a group, remove) and its
 * places (add, remove).
 */
class GroupsEditor : public QWidget
{
    Q_OBJECT

public:
    explicit GroupsEditor(client::ApiClient *client, QWidget *parent = nullptr);

    void reload();
    void createGroup();
    void editSelected();
    void deleteSelected();
    /** Opens the user picker; the chosen users join the selected group. */
    void addMembers();
    void removeSelectedMembers();
    /** Opens the place picker; the chosen places join the selected group. */
    void addPlaces();
    void removeSelectedPlaces();
    bool selectGroup(qint64 id);
    std::optional<client::Group> currentGroup() const { return m_current; }

    GroupTableModel *groupModel() const { return m_groupModel; }
    UserTableModel *memberModel() const { return m_memberModel; }
    PlaceTableModel *placeModel() const { return m_placeModel; }
    QTableView *memberTable() const { return m_memberTable; }
    QTableView *placeTable() const { return m_placeTable; }
    FormDialog *openDialog() const { return m_dialog.data(); }
    bool isBusy() const { return m_isLoading || m_pendingDetails > 0; }

signals:
    void groupsLoaded();
    /** The members and places of the current group arrived. */
    void detailsLoaded();

protected:
    void showEvent(QShowEvent *event) override;

private:
    void load(const QString &doneMessage, qint64 selectId);
    void runQueuedLoad();
    void onGroupSelected();
    void loadDetails();
    void finishDetails();
    void updateButtons();
    void showFailure(FormDialog *dialog, const QString &text);

    client::ApiClient *m_client;
    GroupTableModel *m_groupModel = nullptr;
    QSortFilterProxyModel *m_groupProxy = nullptr;
    UserTableModel *m_memberModel = nullptr;
    PlaceTableModel *m_placeModel = nullptr;
    std::optional<client::Group> m_current;
    bool m_hasLoaded = false;
    bool m_isLoading = false;
    int m_pendingDetails = 0;
    quint64 m_detailRequest = 0;
    QPointer<FormDialog> m_dialog;
    /** A load asked for while one runs; it runs when that one finishes (newest wins). */
    std::function<void()> m_queuedLoad;

    QLineEdit *m_filterEdit = nullptr;
    QPushButton *m_createButton = nullptr;
    QPushButton *m_editButton = nullptr;
    QPushButton *m_deleteButton = nullptr;
    QPushButton *m_reloadButton = nullptr;
    QTableView *m_groupTable = nullptr;
    QLabel *m_detailTitle = nullptr;
    QTableView *m_memberTable = nullptr;
    QPushButton *m_addMembersButton = nullptr;
    QPushButton *m_removeMembersButton = nullptr;
    QTableView *m_placeTable = nullptr;
    QPushButton *m_addPlacesButton = nullptr;
    QPushButton *m_removePlacesButton = nullptr;
    StatusLabel *m_status = nullptr;
};

} // namespace vms::ui
