#include "ui/editor_widgets.h"

#include <QHeaderView>
#include <QLineEdit>
#include <QPushButton>
#include <QTableView>
#include <QToolBar>
#include <QToolButton>

namespace vms::ui {

QPushButton *makeButton(const QIcon &icon, const QString &text, const QString &objectName,
                        QWidget *parent)
{
    auto *button = new QPushButton(icon, text, parent);
    button->setObjectName(objectName);
    button->setAutoDefault(false);
    return button;
}

QLineEdit *makeFilterEdit(const QString &placeholder, const QString &objectName, QWidget *parent)
{
    auto *edit = new QLineEdit(parent);
    edit->setObjectName(objectName);
    edit->setPlaceholderText(placeholder);
    edit->setClearButtonEnabled(true);
    return edit;
}

QToolBar *makePaneToolBar(const QString &objectName, QWidget *parent)
{
    auto *toolBar = new QToolBar(parent);
    toolBar->setObjectName(objectName);
    toolBar->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
    toolBar->setIconSize(QSize(16, 16));
    toolBar->setFloatable(false);
    toolBar->setMovable(false);
    return toolBar;
}

QAction *addToolAction(QToolBar *toolBar, const QIcon &icon, const QString &text,
                       const QString &objectName, bool isIconOnly)
{
    QAction *action = toolBar->addAction(icon, text);
    action->setObjectName(objectName + QStringLiteral("Action"));
    if (isIconOnly)
        action->setToolTip(text);
    if (auto *button = qobject_cast<QToolButton *>(toolBar->widgetForAction(action))) {
        button->setObjectName(objectName);
        if (isIconOnly)
            button->setToolButtonStyle(Qt::ToolButtonIconOnly);
    }
    return action;
}

void addToolBarSpacer(QToolBar *toolBar)
{
    auto *spacer = new QWidget(toolBar);
    spacer->setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Preferred);
    toolBar->addWidget(spacer);
}

void setUpItemView(QAbstractItemView *view, const QString &objectName)
{
    view->setObjectName(objectName);
    view->setSelectionBehavior(QAbstractItemView::SelectRows);
    view->setSelectionMode(QAbstractItemView::SingleSelection);
    view->setEditTriggers(QAbstractItemView::NoEditTriggers);
    view->setAlternatingRowColors(true);
}

void setUpTable(QTableView *table, const QString &objectName)
{
    setUpItemView(table, objectName);
    table->setSortingEnabled(true);
    table->setWordWrap(false);
    table->verticalHeader()->hide();
    table->verticalHeader()->setDefaultSectionSize(table->fontMetrics().height() + 10);
    table->horizontalHeader()->setStretchLastSection(true);
    table->horizontalHeader()->setHighlightSections(false);
    table->horizontalHeader()->setSortIndicatorShown(true);
}

} // namespace vms::ui
