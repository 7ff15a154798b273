#include "ui/groups_editor.h"

#include "core/client/api_client.h"
#include "ui/confirmation.h"
#include "ui/editor_validation.h"
#include "ui/editor_widgets.h"
#include "ui/error_text.h"
#include "ui/group_table_model.h"
#include "ui/item_picker_dialog.h"
#include "ui/name_description_dialog.h"
#include "ui/place_table_model.h"
#include "ui/status_label.h"
#include "ui/user_table_model.h"

#include <QGroupBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QItemSelectionModel>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSortFilterProxyModel>
#include <QSplitter>
#include <QStyle>
#include <QTableView>
#include <QVBoxLayout>

namespace vms::ui {

namespace {

QList<qint64> selectedIds(const QTableView *table, int idRole)
{
    QList<qint64> ids;
    const QModelIndexList rows = table->selectionModel()->selectedRows();
    for (const QModelIndex &row : rows)
        ids.append(row.data(idRole).toLongLong());
    return ids;
}

} // namespace

GroupsEditor::GroupsEditor(client::ApiClient *client, QWidget *parent)
    : QWidget(parent)
    , m_client(client)
{
    setObjectName(QStringLiteral("groupsEditor"));
    m_groupModel = new GroupTableModel(this);
    m_groupProxy = new QSortFilterProxyModel(this);
    m_groupProxy->setSourceModel(m_groupModel);
    m_groupProxy->setFilterCaseSensitivity(Qt::CaseInsensitive);
    m_groupProxy->setSortCaseSensitivity(Qt::CaseInsensitive);
    m_groupProxy->setFilterKeyColumn(-1);
    m_memberModel = new UserTableModel(this);
    m_placeModel = new PlaceTableModel(this);

    m_filterEdit = makeFilterEdit(tr("Filter groups"), QStringLiteral("groupFilterEdit"), this);
    connect(m_filterEdit, &QLineEdit::textChanged, m_groupProxy,
            &QSortFilterProxyModel::setFilterFixedString);
    m_createButton = makeButton(style()->standardIcon(QStyle::SP_FileIcon), tr("New group…"),
                                QStringLiteral("newGroupButton"), this);
    m_editButton = makeButton({}, tr("Edit…"), QStringLiteral("editGroupButton"), this);
    m_deleteButton = makeButton(style()->standardIcon(QStyle::SP_TrashIcon), tr("Delete"),
                                QStringLiteral("deleteGroupButton"), this);
    m_reloadButton = makeButton(style()->standardIcon(QStyle::SP_BrowserReload), QString(),
                                QStringLiteral("reloadGroupsButton"), this);
    m_reloadButton->setToolTip(tr("Reload"));
    connect(m_createButton, &QPushButton::clicked, this, &GroupsEditor::createGroup);
    connect(m_editButton, &QPushButton::clicked, this, &GroupsEditor::editSelected);
    connect(m_deleteButton, &QPushButton::clicked, this, &GroupsEditor::deleteSelected);
    connect(m_reloadButton, &QPushButton::clicked, this, &GroupsEditor::reload);

    m_groupTable = new QTableView(this);
    setUpTable(m_groupTable, QStringLiteral("groupsTable"));
    m_groupTable->setModel(m_groupProxy);
    m_groupTable->sortByColumn(GroupTableModel::NameColumn, Qt::AscendingOrder);
    QHeaderView *groupHeader = m_groupTable->horizontalHeader();
    groupHeader->setStretchLastSection(false);
    groupHeader->setSectionResizeMode(GroupTableModel::NameColumn, QHeaderView::Stretch);
    groupHeader->setSectionResizeMode(GroupTableModel::UsersColumn, QHeaderView::ResizeToContents);
    groupHeader->setSectionResizeMode(GroupTableModel::PlacesColumn, QHeaderView::ResizeToContents);
    groupHeader->setSectionResizeMode(GroupTableModel::DescriptionColumn, QHeaderView::Stretch);
    connect(m_groupTable->selectionModel(), &QItemSelectionModel::currentRowChanged, this,
            &GroupsEditor::onGroupSelected);
    connect(m_groupTable, &QTableView::doubleClicked, this, &GroupsEditor::editSelected);

    // Members of the selected group.
    auto *membersBox = new QGroupBox(tr("Members"), this);
    m_memberTable = new QTableView(membersBox);
    setUpTable(m_memberTable, QStringLiteral("memberTable"));
    m_memberTable->setSelectionMode(QAbstractItemView::ExtendedSelection);
    m_memberTable->setModel(m_memberModel);
    m_memberTable->setColumnHidden(UserTableModel::RoleColumn, true);
    m_memberTable->setColumnHidden(UserTableModel::GroupColumn, true);
    m_memberTable->horizontalHeader()->setStretchLastSection(false);
    m_memberTable->horizontalHeader()->setSectionResizeMode(QHeaderView::Stretch);
    m_addMembersButton
            = makeButton({}, tr("Add users…"), QStringLiteral("addMembersButton"), membersBox);
    m_removeMembersButton = makeButton({}, tr("Remove from group"),
                                       QStringLiteral("removeMembersButton"), membersBox);
    connect(m_addMembersButton, &QPushButton::clicked, this, &GroupsEditor::addMembers);
    connect(m_removeMembersButton, &QPushButton::clicked, this,
            &GroupsEditor::removeSelectedMembers);
    connect(m_memberTable->selectionModel(), &QItemSelectionModel::selectionChanged, this,
            &GroupsEditor::updateButtons);
    auto *memberButtons = new QHBoxLayout;
    memberButtons->addStretch(1);
    memberButtons->addWidget(m_addMembersButton);
    memberButtons->addWidget(m_removeMembersButton);
    auto *membersLayout = new QVBoxLayout(membersBox);
    membersLayout->addWidget(m_memberTable, 1);
    membersLayout->addLayout(memberButtons);

    // Places of the selected group.
    auto *placesBox = new QGroupBox(tr("Places"), this);
    m_placeTable = new QTableView(placesBox);
    setUpTable(m_placeTable, QStringLiteral("placeTable"));
    m_placeTable->setSelectionMode(QAbstractItemView::ExtendedSelection);
    m_placeTable->setModel(m_placeModel);
    QHeaderView *placeHeader = m_placeTable->horizontalHeader();
    placeHeader->setStretchLastSection(false);
    placeHeader->setSectionResizeMode(PlaceTableModel::NameColumn, QHeaderView::Stretch);
    placeHeader->setSectionResizeMode(PlaceTableModel::CamerasColumn,
                                      QHeaderView::ResizeToContents);
    placeHeader->setSectionResizeMode(PlaceTableModel::PlansColumn, QHeaderView::ResizeToContents);
    m_addPlacesButton
            = makeButton({}, tr("Add places…"), QStringLiteral("addPlacesButton"), placesBox);
    m_removePlacesButton = makeButton({}, tr("Remove from group"),
                                      QStringLiteral("removePlacesButton"), placesBox);
    connect(m_addPlacesButton, &QPushButton::clicked, this, &GroupsEditor::addPlaces);
    connect(m_removePlacesButton, &QPushButton::clicked, this, &GroupsEditor::removeSelectedPlaces);
    connect(m_placeTable->selectionModel(), &QItemSelectionModel::selectionChanged, this,
            &GroupsEditor::updateButtons);
    auto *placeButtons = new QHBoxLayout;
    placeButtons->addStretch(1);
    placeButtons->addWidget(m_addPlacesButton);
    placeButtons->addWidget(m_removePlacesButton);
    auto *placesLayout = new QVBoxLayout(placesBox);
    placesLayout->addWidget(m_placeTable, 1);
    placesLayout->addLayout(placeButtons);

    auto *detailPanel = new QWidget(this);
    m_detailTitle = new QLabel(detailPanel);
    m_detailTitle->setObjectName(QStringLiteral("groupTitleLabel"));
    QFont titleFont = m_detailTitle->font();
    titleFont.setBold(true);
    titleFont.setPointSizeF(titleFont.pointSizeF() * 1.2);
    m_detailTitle->setFont(titleFont);
    auto *detailLayout = new QVBoxLayout(detailPanel);
    detailLayout->setContentsMargins(0, 0, 0, 0);
    detailLayout->addWidget(m_detailTitle);
    detailLayout->addWidget(membersBox, 1);
    detailLayout->addWidget(placesBox, 1);

    auto *splitter = new QSplitter(Qt::Horizontal, this);
    splitter->addWidget(m_groupTable);
    splitter->addWidget(detailPanel);
    splitter->setStretchFactor(0, 1);
    splitter->setStretchFactor(1, 1);
    splitter->setChildrenCollapsible(false);

    m_status = new StatusLabel(this);
    m_status->setObjectName(QStringLiteral("groupsStatusLabel"));

    auto *toolbar = new QHBoxLayout;
    toolbar->addWidget(m_filterEdit, 1);
    toolbar->addSpacing(12);
    toolbar->addWidget(m_createButton);
    toolbar->addWidget(m_editButton);
    toolbar->addWidget(m_deleteButton);
    toolbar->addWidget(m_reloadButton);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(12, 12, 12, 12);
    layout->addLayout(toolbar);
    layout->addWidget(splitter, 1);
    layout->addWidget(m_status);
    onGroupSelected();
}

void GroupsEditor::showEvent(QShowEvent *event)
{
    QWidget::showEvent(event);
    if (!m_hasLoaded && !m_isLoading)
        reload();
}

void GroupsEditor::reload()
{
    load({}, m_current ? m_current->id : 0);
}

void GroupsEditor::load(const QString &doneMessage, qint64 selectId)
{
    if (m_isLoading) {
        m_queuedLoad = [this, doneMessage, selectId] {
            load(doneMessage, selectId);
        };
        return;
    }
    m_hasLoaded = true;
    m_isLoading = true;
    m_status->showMessage(tr("Loading groups…"));
    updateButtons();
    m_client->allGroups().then(this, [this, doneMessage,
                                      selectId](const Result<QList<client::Group>> &groups) {
        m_isLoading = false;
        if (!groups) {
            m_status->showError(
                    tr("Could not load the groups: %1").arg(ErrorText::describe(groups.error())));
            updateButtons();
            emit groupsLoaded();
            runQueuedLoad();
            return;
        }
        m_groupModel->setGroups(*groups);
        m_current.reset();
        if (doneMessage.isEmpty())
            m_status->clearMessage();
        else
            m_status->showSuccess(doneMessage);
        if (!selectGroup(selectId))
            onGroupSelected();
        emit groupsLoaded();
        runQueuedLoad();
    });
}

void GroupsEditor::runQueuedLoad()
{
    if (const auto next = std::exchange(m_queuedLoad, {}))
        next();
}

bool GroupsEditor::selectGroup(qint64 id)
{
    const int row = m_groupModel->rowOf(id);
    if (row < 0)
        return false;
    const QModelIndex index = m_groupProxy->mapFromSource(m_groupModel->index(row, 0));
    if (!index.isValid())
        return false;
    m_groupTable->setCurrentIndex(index);
    m_groupTable->selectionModel()->select(index, QItemSelectionModel::ClearAndSelect
                                                          | QItemSelectionModel::Rows);
    if (!m_current || m_current->id != id)
        onGroupSelected();
    return true;
}

void GroupsEditor::onGroupSelected()
{
    const QModelIndex index = m_groupTable->currentIndex();
    if (index.isValid())
        m_current = m_groupModel->group(m_groupProxy->mapToSource(index).row());
    else
        m_current.reset();
    m_detailTitle->setText(m_current ? m_current->name
                                     : tr("Select a group to see its members and places"));
    loadDetails();
    updateButtons();
}

void GroupsEditor::loadDetails()
{
    const quint64 request = ++m_detailRequest;
    m_memberModel->setUsers({});
    m_placeModel->setPlaces({});
    if (!m_current) {
        m_pendingDetails = 0;
        return;
    }
    m_pendingDetails = 2;
    const qint64 id = m_current->id;
    m_client->allGroupMembers(id).then(this, [this,
                                              request](const Result<QList<client::User>> &members) {
        if (request != m_detailRequest)
            return;
        if (members)
            m_memberModel->setUsers(*members);
        else
            m_status->showError(
                    tr("Could not load the members: %1").arg(ErrorText::describe(members.error())));
        finishDetails();
    });
    m_client->allGroupPlaces(id).then(this, [this,
                                             request](const Result<QList<client::Place>> &places) {
        if (request != m_detailRequest)
            return;
        if (places)
            m_placeModel->setPlaces(*places);
        else
            m_status->showError(
                    tr("Could not load the places: %1").arg(ErrorText::describe(places.error())));
        finishDetails();
    });
}

void GroupsEditor::finishDetails()
{
    if (--m_pendingDetails > 0)
        return;
    updateButtons();
    emit detailsLoaded();
}

void GroupsEditor::updateButtons()
{
    const bool hasGroup = m_current.has_value();
    m_reloadButton->setEnabled(!m_isLoading);
    m_editButton->setEnabled(hasGroup);
    m_deleteButton->setEnabled(hasGroup);
    m_addMembersButton->setEnabled(hasGroup);
    m_addPlacesButton->setEnabled(hasGroup);
    m_removeMembersButton->setEnabled(hasGroup && m_memberTable->selectionModel()->hasSelection());
    m_removePlacesButton->setEnabled(hasGroup && m_placeTable->selectionModel()->hasSelection());
}

void GroupsEditor::showFailure(FormDialog *dialog, const QString &text)
{
    if (dialog)
        dialog->showError(text);
    else
        m_status->showError(text);
}

void GroupsEditor::createGroup()
{
    if (m_dialog)
        return;
    auto *dialog = new NameDescriptionDialog(tr("New group"), kMaxGroupNameLength, this);
    dialog->setOkText(tr("Create"));
    dialog->setObjectName(QStringLiteral("groupDialog"));
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    m_dialog = dialog;
    connect(dialog, &FormDialog::submitted, this, [this, dialog] {
        const QPointer<FormDialog> guard(dialog);
        m_client->createGroup({dialog->name(), dialog->description()})
                .then(this, [this, guard](const Result<client::Group> &group) {
                    if (!group) {
                        showFailure(guard, ErrorText::describe(group.error()));
                        return;
                    }
                    if (guard)
                        guard->accept();
                    load(tr("Created the group %1.").arg(group->name), group->id);
                });
    });
    dialog->open();
}

void GroupsEditor::editSelected()
{
    if (!m_current || m_dialog)
        return;
    auto *dialog = new NameDescriptionDialog(tr("Edit group"), kMaxGroupNameLength, this);
    dialog->setOkText(tr("Save"));
    dialog->setObjectName(QStringLiteral("groupDialog"));
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->setValues(m_current->name, m_current->description);
    m_dialog = dialog;
    const qint64 id = m_current->id;
    connect(dialog, &FormDialog::submitted, this, [this, dialog, id] {
        const QPointer<FormDialog> guard(dialog);
        m_client->updateGroup(id, {dialog->name(), dialog->description()})
                .then(this, [this, guard](const Result<client::Group> &group) {
                    if (!group) {
                        showFailure(guard, ErrorText::describe(group.error()));
                        return;
                    }
                    if (guard)
                        guard->accept();
                    load(tr("Saved the group %1.").arg(group->name), group->id);
                });
    });
    dialog->open();
}

void GroupsEditor::deleteSelected()
{
    if (!m_current)
        return;
    const client::Group group = *m_current;
    askConfirmation(this, tr("Delete group"),
                    tr("Delete the group %1? A group that still has members cannot be deleted; "
                       "its places are left without a group.")
                            .arg(group.name),
                    tr("Delete"), [this, group] {
                        m_client->deleteGroup(group.id).then(this, [this, group](const Status &s) {
                            if (!s) {
                                m_status->showError(
                                        tr("Could not delete %1: %2")
                                                .arg(group.name, ErrorText::describe(s.error())));
                                return;
                            }
                            load(tr("Deleted the group %1.").arg(group.name), 0);
                        });
                    });
}

void GroupsEditor::addMembers()
{
    if (!m_current || m_dialog)
        return;
    auto *dialog = new ItemPickerDialog(
            tr("Add users to %1").arg(m_current->name),
            tr("A user belongs to one group at a time, so only users without a group are "
               "listed."),
            tr("Every user is already in a group. Remove a user from their group first."), this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    m_dialog = dialog;
    const QPointer<ItemPickerDialog> guard(dialog);
    m_client->allUsers(true).then(this, [guard](const Result<QList<client::User>> &users) {
        if (!guard)
            return;
        if (!users) {
            guard->showError(ErrorText::describe(users.error()));
            return;
        }
        QList<PickerItem> items;
        for (const client::User &user : *users)
            items.append({user.id, user.displayName(), user.email});
        guard->setItems(items);
    });
    const qint64 groupId = m_current->id;
    connect(dialog, &FormDialog::submitted, this, [this, dialog, groupId] {
        const QPointer<FormDialog> guard(dialog);
        const QList<qint64> ids = dialog->selectedIds();
        m_client->addGroupMembers(groupId, ids).then(this, [this, guard, ids](const Status &s) {
            if (!s) {
                showFailure(guard, ErrorText::describe(s.error()));
                return;
            }
            if (guard)
                guard->accept();
            load(tr("Added the chosen users to %1.").arg(m_current ? m_current->name : QString()),
                 m_current ? m_current->id : 0);
        });
    });
    dialog->open();
}

void GroupsEditor::removeSelectedMembers()
{
    if (!m_current)
        return;
    const QList<qint64> ids = selectedIds(m_memberTable, UserTableModel::UserIdRole);
    if (ids.isEmpty())
        return;
    m_client->removeGroupMembers(m_current->id, ids).then(this, [this, ids](const Status &s) {
        if (!s) {
            m_status->showError(
                    tr("Could not remove the users: %1").arg(ErrorText::describe(s.error())));
            return;
        }
        load(tr("Removed the selected users from %1.").arg(m_current ? m_current->name : QString()),
             m_current ? m_current->id : 0);
    });
}

void GroupsEditor::addPlaces()
{
    if (!m_current || m_dialog)
        return;
    auto *dialog = new ItemPickerDialog(
            tr("Add places to %1").arg(m_current->name),
            tr("A place belongs to one group at a time, so only places without a group are "
               "listed."),
            tr("Every place is already in a group, or there are no places yet (create them in "
               "the Plans panel)."),
            this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    m_dialog = dialog;
    const QPointer<ItemPickerDialog> guard(dialog);
    client::PlaceFilter filter;
    filter.withoutGroups = true;
    m_client->places(filter).then(this, [guard](const Result<QList<client::Place>> &places) {
        if (!guard)
            return;
        if (!places) {
            guard->showError(ErrorText::describe(places.error()));
            return;
        }
        QList<PickerItem> items;
        for (const client::Place &place : *places)
            items.append({place.id, place.name, place.description});
        guard->setItems(items);
    });
    const qint64 groupId = m_current->id;
    connect(dialog, &FormDialog::submitted, this, [this, dialog, groupId] {
        const QPointer<FormDialog> guard(dialog);
        const QList<qint64> ids = dialog->selectedIds();
        m_client->addGroupPlaces(groupId, ids).then(this, [this, guard, ids](const Status &s) {
            if (!s) {
                showFailure(guard, ErrorText::describe(s.error()));
                return;
            }
            if (guard)
                guard->accept();
            load(tr("Added the chosen places to %1.").arg(m_current ? m_current->name : QString()),
                 m_current ? m_current->id : 0);
        });
    });
    dialog->open();
}

void GroupsEditor::removeSelectedPlaces()
{
    if (!m_current)
        return;
    const QList<qint64> ids = selectedIds(m_placeTable, PlaceTableModel::PlaceIdRole);
    if (ids.isEmpty())
        return;
    m_client->removeGroupPlaces(m_current->id, ids).then(this, [this, ids](const Status &s) {
        if (!s) {
            m_status->showError(
                    tr("Could not remove the places: %1").arg(ErrorText::describe(s.error())));
            return;
        }
        load(tr("Removed the selected places from %1.")
                     .arg(m_current ? m_current->name : QString()),
             m_current ? m_current->id : 0);
    });
}

} // namespace vms::ui
