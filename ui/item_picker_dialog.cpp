#include "ui/item_picker_dialog.h"

#include <QFormLayout>
#include <QItemSelectionModel>
#include <QLabel>
#include <QLineEdit>
#include <QListView>
#include <QPushButton>
#include <QSortFilterProxyModel>
#include <QStandardItemModel>
#include <QVBoxLayout>

namespace vms::ui {

namespace {
constexpr int kIdRole = Qt::UserRole + 1;
} // namespace

ItemPickerDialog::ItemPickerDialog(const QString &title, const QString &prompt,
                                   const QString &emptyText, QWidget *parent)
    : FormDialog(parent)
    , m_emptyText(emptyText)
{
    setObjectName(QStringLiteral("itemPickerDialog"));
    setWindowTitle(title);
    setOkText(tr("Add"));
    m_model = new QStandardItemModel(this);
    m_proxy = new QSortFilterProxyModel(this);
    m_proxy->setSourceModel(m_model);
    m_proxy->setFilterCaseSensitivity(Qt::CaseInsensitive);

    m_filterEdit = new QLineEdit(this);
    m_filterEdit->setObjectName(QStringLiteral("filterEdit"));
    m_filterEdit->setPlaceholderText(tr("Type to filter"));
    m_filterEdit->setClearButtonEnabled(true);
    connect(m_filterEdit, &QLineEdit::textChanged, m_proxy,
            &QSortFilterProxyModel::setFilterFixedString);

    m_list = new QListView(this);
    m_list->setObjectName(QStringLiteral("pickerList"));
    m_list->setModel(m_proxy);
    m_list->setSelectionMode(QAbstractItemView::ExtendedSelection);
    m_list->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_list->setMinimumHeight(220);
    m_list->setUniformItemSizes(true);
    connect(m_list->selectionModel(), &QItemSelectionModel::selectionChanged, this,
            [this] { setComplete(!selectedIds().isEmpty()); });
    connect(m_list, &QListView::doubleClicked, this, [this] { okButton()->click(); });

    m_emptyLabel = new QLabel(this);
    m_emptyLabel->setObjectName(QStringLiteral("pickerEmptyLabel"));
    m_emptyLabel->setWordWrap(true);
    m_emptyLabel->setAlignment(Qt::AlignCenter);
    m_emptyLabel->setForegroundRole(QPalette::PlaceholderText);

    auto *promptLabel = new QLabel(prompt, this);
    promptLabel->setWordWrap(true);
    mainLayout()->insertWidget(0, promptLabel);
    formLayout()->addRow(m_filterEdit);
    formLayout()->addRow(m_list);
    formLayout()->addRow(m_emptyLabel);
    setComplete(false);
    updateEmptyState();
    resize(460, 420);
}

void ItemPickerDialog::setItems(const QList<PickerItem> &items)
{
    m_model->clear();
    for (const PickerItem &item : items) {
        const QString text
                = item.detail.isEmpty() ? item.text : tr("%1 — %2").arg(item.text, item.detail);
        auto *row = new QStandardItem(text);
        row->setData(item.id, kIdRole);
        row->setEditable(false);
        m_model->appendRow(row);
    }
    m_proxy->sort(0, Qt::AscendingOrder);
    updateEmptyState();
}

void ItemPickerDialog::selectIds(const QList<qint64> &ids)
{
    QItemSelection selection;
    for (int row = 0; row < m_proxy->rowCount(); ++row) {
        const QModelIndex index = m_proxy->index(row, 0);
        if (ids.contains(index.data(kIdRole).toLongLong()))
            selection.select(index, index);
    }
    m_list->selectionModel()->select(selection, QItemSelectionModel::ClearAndSelect);
}

QList<qint64> ItemPickerDialog::selectedIds() const
{
    QList<qint64> ids;
    const QModelIndexList rows = m_list->selectionModel()->selectedIndexes();
    for (const QModelIndex &index : rows)
        ids.append(index.data(kIdRole).toLongLong());
    return ids;
}

bool ItemPickerDialog::validate()
{
    if (selectedIds().isEmpty()) {
        showError(tr("Select at least one item."));
        return false;
    }
    return true;
}

void ItemPickerDialog::updateEmptyState()
{
    const bool isEmpty = m_model->rowCount() == 0;
    m_emptyLabel->setText(m_emptyText);
    m_emptyLabel->setVisible(isEmpty);
    m_list->setVisible(!isEmpty);
    m_filterEdit->setVisible(!isEmpty);
}

} // namespace vms::ui
