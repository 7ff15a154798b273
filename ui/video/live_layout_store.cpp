#include "ui/video/live_layout_store.h"

#include <QSettings>
#include <QUuid>

namespace vms::ui {

namespace {

constexpr int kMaxTiles = 25;

} // namespace

LiveLayoutStore::LiveLayoutStore(const QUrl &serverUrl, qint64 userId)
{
    QUrl server = serverUrl.adjusted(QUrl::RemoveUserInfo | QUrl::RemoveQuery | QUrl::RemoveFragment
                                     | QUrl::StripTrailingSlash);
    if (server.path() == QLatin1String("/"))
        server.setPath(QString()); // http://host:port/ and http://host:port are one server
    // '/' separates QSettings groups: the URL must become one segment.
    m_group = QStringLiteral("liveView/")
              + QString::fromLatin1(QUrl::toPercentEncoding(server.toString())) + QLatin1Char('/')
              + QString::number(userId);
}

std::optional<LiveLayout> LiveLayoutStore::load() const
{
    QSettings settings;
    settings.beginGroup(m_group);
    if (!settings.contains(QStringLiteral("columns")))
        return std::nullopt;
    bool ok = false;
    LiveLayout layout;
    layout.columns = settings.value(QStringLiteral("columns")).toInt(&ok);
    if (!ok || !isValidColumns(layout.columns))
        return std::nullopt;
    const QStringList ids = settings.value(QStringLiteral("cameras")).toStringList();
    for (const QString &id : ids) {
        if (layout.cameraIds.size() == kMaxTiles)
            break;
        // Anything but a camera UUID (a hand-edited file) leaves the tile empty.
        layout.cameraIds.append(QUuid(id).isNull() ? QString() : id);
    }
    return layout;
}

void LiveLayoutStore::save(const LiveLayout &layout) const
{
    QSettings settings;
    settings.beginGroup(m_group);
    settings.setValue(QStringLiteral("columns"), layout.columns);
    QStringList ids = layout.cameraIds.mid(0, kMaxTiles);
    // Trailing empty tiles carry nothing.
    while (!ids.isEmpty() && ids.constLast().isEmpty())
        ids.removeLast();
    settings.setValue(QStringLiteral("cameras"), ids);
}

} // namespace vms::ui
