#include "ui/audit_log_model.h"

#include "ui/audit_action_names.h"

#include <QJsonDocument>
#include <QLocale>

namespace vms::ui {

namespace {

QString userText(const client::AuditLogEntry &e)
{
    const QString name
            = QStringList{e.userFirstName, e.userLastName}.join(QLatin1Char(' ')).trimmed();
    return name.isEmpty() ? e.userEmail : QStringLiteral("%1 <%2>").arg(name, e.userEmail);
}

} // namespace

AuditLogModel::AuditLogModel(QObject *parent)
    : QAbstractTableModel(parent)
{}

int AuditLogModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_entries.size());
}

int AuditLogModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant AuditLogModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid() || index.row() >= m_entries.size())
        return {};
    const client::AuditLogEntry &e = m_entries.at(index.row());
    if (role == ActionTypeRole)
        return e.actionType;
    if (role == Qt::DisplayRole) {
        switch (index.column()) {
        case TimeColumn:
            return QLocale().toString(e.createdAt.toLocalTime(),
                                      QStringLiteral("yyyy-MM-dd HH:mm:ss"));
        case UserColumn:
            return userText(e);
        case ActionColumn:
            return AuditActionNames::displayName(e.actionType);
        case ClientIpColumn:
            return e.clientIp.isEmpty() ? QStringLiteral("—") : e.clientIp;
        case DetailsColumn:
            return e.meta.isEmpty() ? QStringLiteral("—")
                                    : QString::fromUtf8(
                                            QJsonDocument(e.meta).toJson(QJsonDocument::Compact));
        }
    }
    if (role == Qt::ToolTipRole) {
        switch (index.column()) {
        case TimeColumn:
            return e.createdAt.toString(Qt::ISODateWithMs);
        case UserColumn:
            return tr("User %1, role “%2”").arg(QString::number(e.userId), e.userRoleName);
        case ActionColumn:
            return e.actionType;
        case DetailsColumn:
            return e.meta.isEmpty() ? QVariant()
                                    : QString::fromUtf8(QJsonDocument(e.meta).toJson());
        }
    }
    return {};
}

QVariant AuditLogModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case TimeColumn:
        return tr("Time");
    case UserColumn:
        return tr("User");
    case ActionColumn:
        return tr("Action");
    case ClientIpColumn:
        return tr("Address");
    case DetailsColumn:
        return tr("Details");
    }
    return {};
}

void AuditLogModel::clear()
{
    beginResetModel();
    m_entries.clear();
    endResetModel();
}

void AuditLogModel::append(const QList<client::AuditLogEntry> &entries)
{
    if (entries.isEmpty())
        return;
    beginInsertRows({}, int(m_entries.size()), int(m_entries.size() + entries.size() - 1));
    m_entries.append(entries);
    endInsertRows();
}

} // namespace vms::ui
