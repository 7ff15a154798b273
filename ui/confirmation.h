#pragma once

#include <QString>

#include <functional>

class QWidget;

namespace vms::ui {

/**
 * Asks a yes/no question for a destructive action without a nested event loop: a window-modal
 * message box (object name "confirmationBox") whose accept button (object name
 * "confirmButton") runs @p onConfirmed. Async requests keep running while it is open.
 */
void askConfirmation(QWidget *parent, const QString &title, const QString &text,
                     const QString &confirmText, std::function<void()> onConfirmed);

} // namespace vms::ui
