#pragma once

#include <QDialog>

class QDialogButtonBox;
class QFormLayout;
class QPushButton;
class QVBoxLayout;

namespace vms::ui {

class StatusLabel;

/**
 * Base of the editors' dialogs: a form, an error line and OK/Cancel. OK runs validate(); when
 * the input is fine the dialog emits submitted() and waits (busy) for the editor, which sends
 * the request and then either calls accept() or showError() with the server's answer, so that
 * the user can correct the input without retyping it. Open it with open(), never exec().
 */
class FormDialog : public QDialog
{
    Q_OBJECT

public:
    explicit FormDialog(QWidget *parent = nullptr);

    /** Shows @p text in the error line and makes the form editable again. */
    void showError(const QString &text);
    /** While busy the form is read-only and OK is disabled. */
    void setBusy(bool isBusy);
    bool isBusy() const { return m_isBusy; }
    QString errorText() const;

    QPushButton *okButton() const;
    /** The accept button's text, e.g. "Create" or "Save" (default: OK). */
    void setOkText(const QString &text);

signals:
    /** The input passed validate(); the dialog is busy until accept() or showError(). */
    void submitted();

protected:
    /** Checks the input; on a problem shows it with showError() and returns false. */
    virtual bool validate() = 0;

    QFormLayout *formLayout() const { return m_form; }
    QVBoxLayout *mainLayout() const { return m_layout; }
    /** Enables OK as long as the dialog is not busy and @p isComplete. */
    void setComplete(bool isComplete);

private:
    void submit();
    void updateOk();

    QVBoxLayout *m_layout = nullptr;
    QFormLayout *m_form = nullptr;
    StatusLabel *m_error = nullptr;
    QDialogButtonBox *m_buttons = nullptr;
    bool m_isBusy = false;
    bool m_isComplete = true;
};

} // namespace vms::ui
