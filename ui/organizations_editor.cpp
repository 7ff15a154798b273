#include "ui/organizations_editor.h"

#include "core/client/api_client.h"
#include "ui/confirmation.h"
#include "ui/editor_validation.h"
#include "ui/editor_widgets.h"
#include "ui/error_text.h"
#include "ui/name_description_dialog.h"
#include "ui/organization_table_model.h"
#include "ui/status_label.h"

#include <QHBoxLayout>
#include <QHeaderView>
#include <QItemSelectionModel>
#include <QLabel>
#include <QPushButton>
#include <QSortFilterProxyModel>
#include <QStyle>
#include <QTableView>
#include <QVBoxLayout>

namespace vms::ui {

OrganizationsEditor::OrganizationsEditor(client::ApiClient *client, QWidget *parent)
    : QWidget(parent)
    , m_client(client)
{
    setObjectName(QStringLiteral("organizationsEditor"));
    m_model = new OrganizationTableModel(this);
    m_proxy = new QSortFilterProxyModel(this);
    m_proxy->setSourceModel(m_model);
    m_proxy->setSortCaseSensitivity(Qt::CaseInsensitive);

    auto *intro = new QLabel(tr("Organizations are separate tenants: their users see only their "
                                "own cameras, places and users. Only superusers manage them."),
                             this);
    intro->setWordWrap(true);
    intro->setForegroundRole(QPalette::PlaceholderText);
    m_createButton = makeButton(style()->standardIcon(QStyle::SP_FileIcon), tr("New organization…"),
                                QStringLiteral("newOrganizationButton"), this);
    m_editButton = makeButton({}, tr("Edit…"), QStringLiteral("editOrganizationButton"), this);
    m_deleteButton = makeButton(style()->standardIcon(QStyle::SP_TrashIcon), tr("Delete"),
                                QStringLiteral("deleteOrganizationButton"), this);
    m_reloadButton = makeButton(style()->standardIcon(QStyle::SP_BrowserReload), QString(),
                                QStringLiteral("reloadOrganizationsButton"), this);
    m_reloadButton->setToolTip(tr("Reload"));
    connect(m_createButton, &QPushButton::clicked, this, &OrganizationsEditor::createOrganization);
    connect(m_editButton, &QPushButton::clicked, this, &OrganizationsEditor::editSelected);
    connect(m_deleteButton, &QPushButton::clicked, this, &OrganizationsEditor::deleteSelected);
    connect(m_reloadButton, &QPushButton::clicked, this, &OrganizationsEditor::reload);

    m_table = new QTableView(this);
    setUpTable(m_table, QStringLiteral("organizationsTable"));
    m_table->setModel(m_proxy);
    m_table->sortByColumn(OrganizationTableModel::NameColumn, Qt::AscendingOrder);
    m_table->horizontalHeader()->resizeSection(OrganizationTableModel::NameColumn, 240);
    m_table->horizontalHeader()->resizeSection(OrganizationTableModel::KindColumn, 100);
    connect(m_table, &QTableView::doubleClicked, this, &OrganizationsEditor::editSelected);
    connect(m_table->selectionModel(), &QItemSelectionModel::selectionChanged, this,
            &OrganizationsEditor::updateButtons);

    m_status = new StatusLabel(this);
    m_status->setObjectName(QStringLiteral("organizationsStatusLabel"));

    auto *toolbar = new QHBoxLayout;
    toolbar->addWidget(intro, 1);
    toolbar->addSpacing(12);
    toolbar->addWidget(m_createButton);
    toolbar->addWidget(m_editButton);
    toolbar->addWidget(m_deleteButton);
    toolbar->addWidget(m_reloadButton);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(12, 12, 12, 12);
    layout->addLayout(toolbar);
    layout->addWidget(m_table, 1);
    layout->addWidget(m_status);
    updateButtons();
}

void OrganizationsEditor::showEvent(QShowEvent *event)
{
    QWidget::showEvent(event);
    if (!m_hasLoaded && !m_isLoading)
        reload();
}

void OrganizationsEditor::reload()
{
    load({}, 0);
}

void OrganizationsEditor::load(const QString &doneMessage, qint64 selectId)
{
    if (m_isLoading) {
        m_queuedLoad = [this, doneMessage, selectId] {
            load(doneMessage, selectId);
        };
        return;
    }
    m_hasLoaded = true;
    m_isLoading = true;
    m_status->showMessage(tr("Loading organizations…"));
    updateButtons();
    m_client->allOrganizations().then(
            this, [this, doneMessage,
                   selectId](const Result<QList<client::Organization>> &organizations) {
                m_isLoading = false;
                if (organizations) {
                    m_model->setOrganizations(*organizations);
                    if (doneMessage.isEmpty())
                        m_status->clearMessage();
                    else
                        m_status->showSuccess(doneMessage);
                    selectOrganization(selectId);
                } else {
                    m_status->showError(tr("Could not load the organizations: %1")
                                                .arg(ErrorText::describe(organizations.error())));
                }
                updateButtons();
                emit loaded();
                if (const auto next = std::exchange(m_queuedLoad, {}))
                    next();
            });
}

std::optional<client::Organization> OrganizationsEditor::selected() const
{
    const QModelIndexList rows = m_table->selectionModel()->selectedRows();
    if (rows.isEmpty())
        return std::nullopt;
    return m_model->organization(m_proxy->mapToSource(rows.constFirst()).row());
}

bool OrganizationsEditor::selectOrganization(qint64 id)
{
    const int row = m_model->rowOf(id);
    if (row < 0)
        return false;
    const QModelIndex index = m_proxy->mapFromSource(m_model->index(row, 0));
    m_table->setCurrentIndex(index);
    m_table->selectionModel()->select(index, QItemSelectionModel::ClearAndSelect
                                                     | QItemSelectionModel::Rows);
    return true;
}

void OrganizationsEditor::createOrganization()
{
    openEditor(std::nullopt);
}

void OrganizationsEditor::editSelected()
{
    if (const auto organization = selected())
        openEditor(organization);
}

void OrganizationsEditor::openEditor(const std::optional<client::Organization> &organization)
{
    if (m_dialog)
        return;
    auto *dialog = new NameDescriptionDialog(organization ? tr("Edit organization")
                                                          : tr("New organization"),
                                             kMaxGroupNameLength, this);
    dialog->setObjectName(QStringLiteral("organizationDialog"));
    dialog->setOkText(organization ? tr("Save") : tr("Create"));
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    if (organization)
        dialog->setValues(organization->name, organization->description);
    m_dialog = dialog;
    connect(dialog, &FormDialog::submitted, this, [this, dialog, organization] {
        // PUT replaces the organization: the logo, which the form does not show, goes back too.
        client::OrganizationInput input = organization
                                                  ? client::OrganizationInput::from(*organization)
                                                  : client::OrganizationInput{};
        input.name = dialog->name();
        input.description = dialog->description();
        auto future = organization ? m_client->updateOrganization(organization->id, input)
                                   : m_client->createOrganization(input);
        const QPointer<FormDialog> guard(dialog);
        const bool isNew = !organization;
        future.then(this, [this, guard, isNew](const Result<client::Organization> &saved) {
            if (!saved) {
                if (guard)
                    guard->showError(ErrorText::describe(saved.error()));
                else
                    m_status->showError(ErrorText::describe(saved.error()));
                return;
            }
            if (guard)
                guard->accept();
            load(isNew ? tr("Created the organization %1.").arg(saved->name)
                       : tr("Saved the organization %1.").arg(saved->name),
                 saved->id);
        });
    });
    dialog->open();
}

void OrganizationsEditor::deleteSelected()
{
    const auto organization = selected();
    if (!organization)
        return;
    const client::Organization target = *organization;
    askConfirmation(
            this, tr("Delete organization"),
            tr("Delete the organization %1? Only an empty organization can be deleted: "
               "remove its users, groups, places and cameras first.")
                    .arg(target.name),
            tr("Delete"), [this, target] {
                m_client->deleteOrganization(target.id).then(this, [this, target](const Status &s) {
                    if (!s) {
                        m_status->showError(
                                tr("Could not delete %1: %2")
                                        .arg(target.name, ErrorText::describe(s.error())));
                        return;
                    }
                    load(tr("Deleted the organization %1.").arg(target.name), 0);
                });
            });
}

void OrganizationsEditor::updateButtons()
{
    const auto organization = selected();
    m_reloadButton->setEnabled(!m_isLoading);
    m_editButton->setEnabled(organization.has_value());
    m_deleteButton->setEnabled(organization.has_value() && !organization->isInternal);
}

} // namespace vms::ui
