#pragma once

#include <QAbstractItemModel>
#include <QList>
#include <QSet>
#include <QStringList>

namespace vms::ui {

/**
 * The API's permissions as a checklist grouped by what they are about (cameras, plans, ...).
 * Checking or unchecking a permission shows the new state at once, marks it pending and emits
 * toggleRequested(); the owner sends the request and calls resolve(), which keeps the new state
 * or rolls it back. A pending permission cannot be toggled again until then.
 */
class PermissionTreeModel : public QAbstractItemModel
{
    Q_OBJECT

public:
    /** The permission name of a permission row; empty for a category row. */
    static constexpr int PermissionRole = Qt::UserRole + 1;

    explicit PermissionTreeModel(QObject *parent = nullptr);

    QModelIndex index(int row, int column, const QModelIndex &parent = {}) const override;
    QModelIndex parent(const QModelIndex &child) const override;
    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    Qt::ItemFlags flags(const QModelIndex &index) const override;
    bool setData(const QModelIndex &index, const QVariant &value, int role) override;

    /** Replaces the granted set; pending toggles are forgotten. */
    void setGranted(const QStringList &permissions);
    QStringList granted() const;
    bool isGranted(const QString &permission) const { return m_granted.contains(permission); }
    bool isPending(const QString &permission) const { return m_pending.contains(permission); }
    /** Read-only (built-in roles, or nothing selected): the boxes show but do not toggle. */
    void setEditable(bool isEditable);
    bool isEditable() const { return m_isEditable; }
    /** Ends a pending toggle: kept when @p isAccepted, else rolled back. */
    void resolve(const QString &permission, bool isAccepted);

    /** The index of @p permission's row. */
    QModelIndex indexOf(const QString &permission) const;
    /** Translated name of a permission category (a permission name prefix such as "plan"). */
    static QString categoryName(const QString &prefix);

signals:
    void toggleRequested(const QString &permission, bool grant);

private:
    struct Category
    {
        QString prefix;
        QStringList permissions;
    };

    void emitChanged(const QString &permission);
    void emitAllChanged();

    QList<Category> m_categories;
    QSet<QString> m_granted;
    QSet<QString> m_pending;
    bool m_isEditable = false;
};

} // namespace vms::ui
