#pragma once

#include <QDialog>

class QDialogButtonBox;
class QLabel;
class QLineEdit;
class QPushButton;

namespace vms::client {
class ApiClient;
}

namespace vms::ui {

/**
 * Sign-in dialog. It signs in through the ApiClient itself and accepts only when the server
 * issued a token; failures stay in the dialog as a translated message.
 */
class LoginDialog : public QDialog
{
    Q_OBJECT

public:
    explicit LoginDialog(client::ApiClient *client, QWidget *parent = nullptr);
    ~LoginDialog() override;

    void setLogin(const QString &login);
    QString login() const;
    void setPassword(const QString &password);
    /** An informational note above the buttons (generated password, expired session); empty hides
     * it. */
    void setNotice(const QString &notice);
    QString notice() const;
    /** The message of the last failed attempt; empty when there was none. */
    QString errorText() const;
    bool isBusy() const { return m_isBusy; }

public slots:
    /** Validates the form and signs in, like pressing "Sign in". */
    void submit();

private:
    void setBusy(bool busy);
    void showError(const QString &text);
    void updateSubmitEnabled();

    client::ApiClient *m_client;
    QLineEdit *m_loginEdit = nullptr;
    QLineEdit *m_passwordEdit = nullptr;
    QLabel *m_noticeLabel = nullptr;
    QLabel *m_errorLabel = nullptr;
    QDialogButtonBox *m_buttons = nullptr;
    QPushButton *m_submitButton = nullptr;
    bool m_isBusy = false;
};

} // namespace vms::ui
