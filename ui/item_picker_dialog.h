#pragma once

#include "ui/form_dialog.h"

#include <QList>

class QLabel;
class QLineEdit;
class QListView;
class QSortFilterProxyModel;
class QStandardItemModel;

namespace vms::ui {

/** One choice of an ItemPickerDialog. */
struct PickerItem
{
    qint64 id = 0;
    QString text;
    QString detail; ///< shown after the text, e.g. an e-mail
};

/**
 * Picks one or more items (users for a group, places for a group) from a list with a filter
 * box. emptyText explains an empty list, e.g. that every user is already in a group.
 */
class ItemPickerDialog : public FormDialog
{
    Q_OBJECT

public:
    ItemPickerDialog(const QString &title, const QString &prompt, const QString &emptyText,
                     QWidget *parent = nullptr);

    void setItems(const QList<PickerItem> &items);
    /** Selects the items with these ids (tests and keyboard users). */
    void selectIds(const QList<qint64> &ids);
    QList<qint64> selectedIds() const;

protected:
    bool validate() override;

private:
    void updateEmptyState();

    QString m_emptyText;
    QLineEdit *m_filterEdit = nullptr;
    QListView *m_list = nullptr;
    QLabel *m_emptyLabel = nullptr;
    QStandardItemModel *m_model = nullptr;
    QSortFilterProxyModel *m_proxy = nullptr;
};

} // namespace vms::ui
