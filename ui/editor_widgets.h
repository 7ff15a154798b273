#pragma once

#include <QIcon>
#include <QString>

class QAbstractItemView;
class QAction;
class QToolBar;
class QLineEdit;
class QPushButton;
class QTableView;
class QWidget;

// Small factories that give the editors one look: buttons, filter boxes and tables.
namespace vms::ui {

QPushButton *makeButton(const QIcon &icon, const QString &text, const QString &objectName,
                        QWidget *parent);
QLineEdit *makeFilterEdit(const QString &placeholder, const QString &objectName, QWidget *parent);
/**
 * The action row of a dock panel. A tool bar rather than buttons: in a narrow dock the actions
 * that do not fit move into its overflow menu instead of widening the dock.
 */
QToolBar *makePaneToolBar(const QString &objectName, QWidget *parent);
/** Adds an action; its button gets @p objectName (tests and style sheets find it by that). */
QAction *addToolAction(QToolBar *toolBar, const QIcon &icon, const QString &text,
                       const QString &objectName, bool isIconOnly = false);
/** Pushes the following actions to the right end of @p toolBar. */
void addToolBarSpacer(QToolBar *toolBar);
/** Row selection, one row at a time, sortable, no row numbers, last column stretched. */
void setUpTable(QTableView *table, const QString &objectName);
/** Row-selection defaults for list and tree views. */
void setUpItemView(QAbstractItemView *view, const QString &objectName);

} // namespace vms::ui
