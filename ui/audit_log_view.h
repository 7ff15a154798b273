#pragma once

#include "core/client/dto.h"

#include <QWidget>

#include <optional>

class QComboBox;
class QDateTimeEdit;
class QLabel;
class QLineEdit;
class QPushButton;
class QTableView;

namespace vms::client {
class ApiClient;
}

namespace vms::ui {

class AuditLogModel;

/**
 * Audit log viewer: filters by period, user IDs and action type (GET /api/v1/auditlogs) and
 * pages through the results with the API's cursor ("Load more").
 */
class AuditLogView : public QWidget
{
    Q_OBJECT

public:
    explicit AuditLogView(client::ApiClient *client, QWidget *parent = nullptr);

    /** Loads the first page for the current filter, replacing the rows. */
    void search();
    /** Appends the next page, if there is one. */
    void loadMore();

    AuditLogModel *model() const { return m_model; }
    bool isLoading() const { return m_isLoading; }
    bool hasMore() const { return !m_nextCursor.isEmpty(); }

signals:
    /** A page arrived or a request failed; the view is idle again. */
    void loadFinished();

protected:
    void showEvent(QShowEvent *event) override;

private:
    std::optional<client::AuditLogQuery> queryFromFilter();
    void request(client::AuditLogQuery query, bool isNextPage);
    void onPeriodChanged();
    void updateState();
    void showStatus(const QString &text, bool isError);

    client::ApiClient *m_client;
    AuditLogModel *m_model = nullptr;
    bool m_hasSearched = false;
    bool m_isLoading = false;
    // Only the newest request may fill the table; an older one may still answer after a new search.
    quint64 m_requestSerial = 0;
    client::AuditLogQuery m_query;
    QString m_nextCursor;

    QComboBox *m_periodCombo = nullptr;
    QDateTimeEdit *m_fromEdit = nullptr;
    QDateTimeEdit *m_toEdit = nullptr;
    QLineEdit *m_userIdsEdit = nullptr;
    QComboBox *m_actionCombo = nullptr;
    QPushButton *m_searchButton = nullptr;
    QTableView *m_table = nullptr;
    QLabel *m_statusLabel = nullptr;
    QPushButton *m_loadMoreButton = nullptr;
};

} // namespace vms::ui
