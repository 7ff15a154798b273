#include "ui/audit_log_view.h"

#include "core/client/api_client.h"
#include "ui/audit_action_names.h"
#include "ui/audit_log_model.h"
#include "ui/error_text.h"
#include "ui/form_validation.h"

#include <QComboBox>
#include <QDateTimeEdit>
#include <QGridLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QRegularExpressionValidator>
#include <QStyle>
#include <QTableView>
#include <QVBoxLayout>

#include <algorithm>

namespace vms::ui {

namespace {

constexpr int kPageSize = 100;

QDateTimeEdit *dateTimeEdit(const QString &objectName, QWidget *parent)
{
    auto *edit = new QDateTimeEdit(parent);
    edit->setObjectName(objectName);
    edit->setCalendarPopup(true);
    edit->setDisplayFormat(QStringLiteral("yyyy-MM-dd HH:mm"));
    edit->setTimeSpec(Qt::LocalTime);
    edit->setMinimumWidth(edit->sizeHint().width() + 8);
    return edit;
}

} // namespace

AuditLogView::AuditLogView(client::ApiClient *client, QWidget *parent)
    : QWidget(parent)
    , m_client(client)
{
    setObjectName(QStringLiteral("auditLogView"));

    m_periodCombo = new QComboBox(this);
    m_periodCombo->setObjectName(QStringLiteral("periodCombo"));
    m_periodCombo->addItem(tr("Last hour"), int(AuditPeriod::LastHour));
    m_periodCombo->addItem(tr("Last 24 hours"), int(AuditPeriod::Last24Hours));
    m_periodCombo->addItem(tr("Last 7 days"), int(AuditPeriod::Last7Days));
    m_periodCombo->addItem(tr("Last 30 days"), int(AuditPeriod::Last30Days));
    m_periodCombo->addItem(tr("Custom period"), int(AuditPeriod::Custom));
    m_periodCombo->setCurrentIndex(1);
    m_fromEdit = dateTimeEdit(QStringLiteral("fromEdit"), this);
    m_toEdit = dateTimeEdit(QStringLiteral("toEdit"), this);

    m_userIdsEdit = new QLineEdit(this);
    m_userIdsEdit->setObjectName(QStringLiteral("userIdsEdit"));
    m_userIdsEdit->setPlaceholderText(tr("All users (or IDs: 1, 5)"));
    m_userIdsEdit->setValidator(new QRegularExpressionValidator(
            QRegularExpression(QStringLiteral("[0-9,;\\s]*")), m_userIdsEdit));
    m_userIdsEdit->setClearButtonEnabled(true);
    m_userIdsEdit->setMinimumWidth(170);

    m_actionCombo = new QComboBox(this);
    m_actionCombo->setObjectName(QStringLiteral("actionCombo"));
    m_actionCombo->addItem(tr("All actions"), QString());
    QList<std::pair<QString, QString>> actions;
    for (const QString &type : client::auditActionTypes())
        actions.append({AuditActionNames::displayName(type), type});
    std::sort(actions.begin(), actions.end(),
              [](const auto &a, const auto &b) { return a.first.localeAwareCompare(b.first) < 0; });
    for (const auto &[name, type] : actions)
        m_actionCombo->addItem(name, type);
    m_actionCombo->setMaxVisibleItems(20);

    m_searchButton
            = new QPushButton(style()->standardIcon(QStyle::SP_BrowserReload), tr("Search"), this);
    m_searchButton->setObjectName(QStringLiteral("searchButton"));
    m_searchButton->setDefault(true);

    auto *filter = new QGridLayout;
    filter->addWidget(new QLabel(tr("Period:"), this), 0, 0);
    filter->addWidget(m_periodCombo, 0, 1);
    filter->addWidget(new QLabel(tr("From:"), this), 0, 2);
    filter->addWidget(m_fromEdit, 0, 3);
    filter->addWidget(new QLabel(tr("To:"), this), 0, 4);
    filter->addWidget(m_toEdit, 0, 5);
    filter->addWidget(new QLabel(tr("Users:"), this), 1, 0);
    filter->addWidget(m_userIdsEdit, 1, 1);
    filter->addWidget(new QLabel(tr("Action:"), this), 1, 2);
    filter->addWidget(m_actionCombo, 1, 3, 1, 3);
    filter->addWidget(m_searchButton, 1, 6);
    filter->setColumnStretch(7, 1);
    filter->setHorizontalSpacing(8);

    m_model = new AuditLogModel(this);
    m_table = new QTableView(this);
    m_table->setObjectName(QStringLiteral("auditLogTable"));
    m_table->setModel(m_model);
    m_table->setAlternatingRowColors(true);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_table->setWordWrap(false);
    m_table->verticalHeader()->hide();
    m_table->horizontalHeader()->setStretchLastSection(true);
    m_table->horizontalHeader()->setHighlightSections(false);
    m_table->setColumnWidth(AuditLogModel::TimeColumn, 140);
    m_table->setColumnWidth(AuditLogModel::UserColumn, 200);
    m_table->setColumnWidth(AuditLogModel::ActionColumn, 160);
    m_table->setColumnWidth(AuditLogModel::ClientIpColumn, 90);

    m_statusLabel = new QLabel(this);
    m_statusLabel->setObjectName(QStringLiteral("auditStatusLabel"));
    m_loadMoreButton
            = new QPushButton(style()->standardIcon(QStyle::SP_ArrowDown), tr("Load more"), this);
    m_loadMoreButton->setObjectName(QStringLiteral("loadMoreButton"));
    auto *bottom = new QHBoxLayout;
    bottom->addWidget(m_statusLabel, 1);
    bottom->addWidget(m_loadMoreButton);

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(12, 12, 12, 12);
    layout->addLayout(filter);
    layout->addWidget(m_table, 1);
    layout->addLayout(bottom);

    connect(m_periodCombo, &QComboBox::currentIndexChanged, this, &AuditLogView::onPeriodChanged);
    connect(m_searchButton, &QPushButton::clicked, this, &AuditLogView::search);
    connect(m_userIdsEdit, &QLineEdit::returnPressed, this, &AuditLogView::search);
    connect(m_loadMoreButton, &QPushButton::clicked, this, &AuditLogView::loadMore);

    onPeriodChanged();
    updateState();
}

void AuditLogView::showEvent(QShowEvent *event)
{
    QWidget::showEvent(event);
    // Fetch on first sight rather than at construction: the log may never be opened.
    if (!m_hasSearched)
        search();
}

void AuditLogView::onPeriodChanged()
{
    const auto period = AuditPeriod(m_periodCombo->currentData().toInt());
    const bool isCustom = period == AuditPeriod::Custom;
    m_fromEdit->setEnabled(isCustom);
    m_toEdit->setEnabled(isCustom);
    if (const auto range = auditPeriodRange(period, QDateTime::currentDateTime())) {
        m_fromEdit->setDateTime(range->first);
        m_toEdit->setDateTime(range->second);
    }
}

std::optional<client::AuditLogQuery> AuditLogView::queryFromFilter()
{
    client::AuditLogQuery query;
    const auto period = AuditPeriod(m_periodCombo->currentData().toInt());
    // A preset period ends now, at the moment of the search, not when it was picked.
    if (const auto range = auditPeriodRange(period, QDateTime::currentDateTime())) {
        m_fromEdit->setDateTime(range->first);
        m_toEdit->setDateTime(range->second);
    }
    const QDateTime from = m_fromEdit->dateTime();
    const QDateTime to = m_toEdit->dateTime();
    if (!isValidPeriod(from, to)) {
        showStatus(tr("The period must start before it ends."), true);
        return std::nullopt;
    }
    query.createdFrom = from;
    query.createdTo = to;

    const auto userIds = parseUserIds(m_userIdsEdit->text());
    if (!userIds) {
        showStatus(tr("User IDs must be positive numbers separated by commas."), true);
        return std::nullopt;
    }
    query.userIds = *userIds;
    const QString actionType = m_actionCombo->currentData().toString();
    if (!actionType.isEmpty())
        query.actionTypes = {actionType};
    query.limit = kPageSize;
    return query;
}

void AuditLogView::search()
{
    m_hasSearched = true;
    std::optional<client::AuditLogQuery> query = queryFromFilter();
    if (!query)
        return;
    m_model->clear();
    m_nextCursor.clear();
    request(*query, false);
}

void AuditLogView::loadMore()
{
    if (m_nextCursor.isEmpty() || m_isLoading)
        return;
    client::AuditLogQuery query = m_query;
    query.cursor = m_nextCursor;
    request(query, true);
}

void AuditLogView::request(client::AuditLogQuery query, bool isNextPage)
{
    const quint64 serial = ++m_requestSerial;
    if (!isNextPage)
        m_query = query;
    m_isLoading = true;
    showStatus(tr("Loading…"), false);
    updateState();
    m_client->auditLogs(query).then(this, [this, serial](const Result<client::AuditLogPage> &page) {
        if (serial != m_requestSerial)
            return;
        m_isLoading = false;
        if (page) {
            m_model->append(page->entries);
            m_nextCursor = page->nextCursor;
            const int rows = m_model->rowCount();
            if (rows == 0)
                showStatus(tr("No entries match the filter."), false);
            else if (hasMore())
                showStatus(tr("Entries shown: %1. More are available.").arg(rows), false);
            else
                showStatus(tr("Entries shown: %1.").arg(rows), false);
        } else {
            showStatus(
                    tr("Could not load the audit log: %1").arg(ErrorText::describe(page.error())),
                    true);
        }
        updateState();
        emit loadFinished();
    });
}

void AuditLogView::updateState()
{
    m_searchButton->setEnabled(!m_isLoading);
    m_loadMoreButton->setEnabled(!m_isLoading && hasMore());
}

void AuditLogView::showStatus(const QString &text, bool isError)
{
    m_statusLabel->setStyleSheet(isError ? QStringLiteral("QLabel { color: #b00020; }")
                                         : QString());
    m_statusLabel->setText(text);
}

} // namespace vms::ui
