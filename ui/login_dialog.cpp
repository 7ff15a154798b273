#include "ui/login_dialog.h"

#include "core/client/api_client.h"
#include "ui/error_text.h"
#include "ui/form_validation.h"

#include <QApplication>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QStyle>
#include <QVBoxLayout>

namespace vms::ui {

LoginDialog::LoginDialog(client::ApiClient *client, QWidget *parent)
    : QDialog(parent)
    , m_client(client)
{
    setObjectName(QStringLiteral("loginDialog"));
    setWindowTitle(tr("Sign in — VMS Console"));
    setWindowIcon(style()->standardIcon(QStyle::SP_ComputerIcon));

    auto *iconLabel = new QLabel(this);
    iconLabel->setPixmap(style()->standardIcon(QStyle::SP_ComputerIcon).pixmap(40, 40));
    auto *title = new QLabel(tr("VMS Console"), this);
    QFont titleFont = title->font();
    titleFont.setBold(true);
    titleFont.setPointSizeF(titleFont.pointSizeF() * 1.5);
    title->setFont(titleFont);
    auto *subtitle = new QLabel(tr("Sign in to the video management server."), this);
    subtitle->setForegroundRole(QPalette::PlaceholderText);
    auto *titleColumn = new QVBoxLayout;
    titleColumn->setSpacing(2);
    titleColumn->addWidget(title);
    titleColumn->addWidget(subtitle);
    auto *header = new QHBoxLayout;
    header->addWidget(iconLabel, 0, Qt::AlignTop);
    header->addSpacing(8);
    header->addLayout(titleColumn, 1);

    const QString serverText
            = m_client->isThickLegal()
                      ? tr("%1 (remote server)").arg(m_client->baseUrl().toString())
                      : tr("%1 (built-in server)").arg(m_client->baseUrl().toString());
    auto *serverLabel = new QLabel(serverText, this);
    serverLabel->setObjectName(QStringLiteral("serverLabel"));
    serverLabel->setTextInteractionFlags(Qt::TextSelectableByMouse);

    m_loginEdit = new QLineEdit(this);
    m_loginEdit->setObjectName(QStringLiteral("loginEdit"));
    m_loginEdit->setPlaceholderText(tr("name@example.com"));
    m_loginEdit->setClearButtonEnabled(true);
    m_passwordEdit = new QLineEdit(this);
    m_passwordEdit->setObjectName(QStringLiteral("passwordEdit"));
    m_passwordEdit->setEchoMode(QLineEdit::Password);

    auto *form = new QFormLayout;
    form->setFieldGrowthPolicy(QFormLayout::AllNonFixedFieldsGrow);
    form->addRow(tr("Server:"), serverLabel);
    form->addRow(tr("&Login:"), m_loginEdit);
    form->addRow(tr("&Password:"), m_passwordEdit);

    m_noticeLabel = new QLabel(this);
    m_noticeLabel->setObjectName(QStringLiteral("noticeLabel"));
    m_noticeLabel->setWordWrap(true);
    m_noticeLabel->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_noticeLabel->setStyleSheet(QStringLiteral(
            "QLabel { background: #fff7d6; border: 1px solid #e6cf7a; border-radius: 3px;"
            " padding: 6px; color: #4d3b00; }"));
    m_noticeLabel->hide();

    m_errorLabel = new QLabel(this);
    m_errorLabel->setObjectName(QStringLiteral("errorLabel"));
    m_errorLabel->setWordWrap(true);
    m_errorLabel->setStyleSheet(QStringLiteral("QLabel { color: #b00020; }"));
    m_errorLabel->hide();

    m_buttons = new QDialogButtonBox(this);
    m_submitButton = m_buttons->addButton(tr("Sign in"), QDialogButtonBox::AcceptRole);
    m_submitButton->setObjectName(QStringLiteral("signInButton"));
    m_submitButton->setDefault(true);
    QPushButton *quitButton = m_buttons->addButton(tr("Quit"), QDialogButtonBox::RejectRole);
    quitButton->setObjectName(QStringLiteral("quitButton"));
    // accepted() stays unconnected: the dialog accepts only after the server issued a token.
    connect(m_submitButton, &QPushButton::clicked, this, &LoginDialog::submit);
    connect(m_buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(m_loginEdit, &QLineEdit::textChanged, this, &LoginDialog::updateSubmitEnabled);
    connect(m_passwordEdit, &QLineEdit::textChanged, this, &LoginDialog::updateSubmitEnabled);

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(20, 18, 20, 14);
    layout->addLayout(header);
    layout->addSpacing(12);
    layout->addLayout(form);
    layout->addWidget(m_noticeLabel);
    layout->addWidget(m_errorLabel);
    layout->addStretch(1);
    layout->addWidget(m_buttons);

    setMinimumWidth(460);
    updateSubmitEnabled();
}

LoginDialog::~LoginDialog()
{
    if (m_isBusy)
        QApplication::restoreOverrideCursor();
}

void LoginDialog::setLogin(const QString &login)
{
    m_loginEdit->setText(login);
    (login.isEmpty() ? m_loginEdit : m_passwordEdit)->setFocus();
}

QString LoginDialog::login() const
{
    return m_loginEdit->text().trimmed();
}

void LoginDialog::setPassword(const QString &password)
{
    m_passwordEdit->setText(password);
}

void LoginDialog::setNotice(const QString &notice)
{
    m_noticeLabel->setText(notice);
    m_noticeLabel->setVisible(!notice.isEmpty());
}

QString LoginDialog::notice() const
{
    return m_noticeLabel->text();
}

QString LoginDialog::errorText() const
{
    return m_errorLabel->isVisibleTo(this) ? m_errorLabel->text() : QString();
}

void LoginDialog::submit()
{
    if (m_isBusy)
        return;
    switch (checkLoginInput(m_loginEdit->text(), m_passwordEdit->text())) {
    case LoginInputIssue::EmptyLogin:
        showError(tr("Enter your login."));
        m_loginEdit->setFocus();
        return;
    case LoginInputIssue::EmptyPassword:
        showError(tr("Enter your password."));
        m_passwordEdit->setFocus();
        return;
    case LoginInputIssue::None:
        break;
    }

    showError({});
    setBusy(true);
    m_client->login(login(), m_passwordEdit->text())
            .then(this, [this](const Result<client::Token> &token) {
                setBusy(false);
                if (token) {
                    accept();
                    return;
                }
                showError(ErrorText::describe(token.error()));
                m_passwordEdit->selectAll();
                m_passwordEdit->setFocus();
            });
}

void LoginDialog::setBusy(bool busy)
{
    m_isBusy = busy;
    m_loginEdit->setEnabled(!busy);
    m_passwordEdit->setEnabled(!busy);
    m_submitButton->setText(busy ? tr("Signing in…") : tr("Sign in"));
    if (busy)
        QApplication::setOverrideCursor(Qt::BusyCursor);
    else
        QApplication::restoreOverrideCursor();
    updateSubmitEnabled();
}

void LoginDialog::showError(const QString &text)
{
    m_errorLabel->setText(text);
    m_errorLabel->setVisible(!text.isEmpty());
}

void LoginDialog::updateSubmitEnabled()
{
    m_submitButton->setEnabled(!m_isBusy
                               && checkLoginInput(m_loginEdit->text(), m_passwordEdit->text())
                                          == LoginInputIssue::None);
}

} // namespace vms::ui
