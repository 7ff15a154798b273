#pragma once

#include <QStringList>
#include <QUrl>

#include <optional>

namespace vms::ui {

/** What the live view remembers: the grid and the camera of each tile. */
struct LiveLayout
{
    int columns = 2; ///< 1..5: a columns × columns grid
    /** Camera id per tile, row by row; empty strings for empty tiles. */
    QStringList cameraIds;

    bool operator==(const LiveLayout &other) const = default;
};

/**
 * Keeps the live view's layout in QSettings, per server and per user, so that two operators
 * sharing a workstation, or one operator working with two servers, each get their own grid.
 * Keys: liveView/<server>/<user id>/columns and .../cameras, where <server> is the server URL
 * (scheme, host, port and path; no user info) percent-encoded into one key segment.
 */
class LiveLayoutStore
{
public:
    LiveLayoutStore(const QUrl &serverUrl, qint64 userId);

    /** The group all keys of this server and user live under. */
    QString group() const { return m_group; }
    /** The saved layout, or nothing when none was saved (or it is unusable). */
    std::optional<LiveLayout> load() const;
    void save(const LiveLayout &layout) const;

    /** Grids the live view offers: 1, 2, 3, 4 and 5 columns. */
    static bool isValidColumns(int columns) { return columns >= 1 && columns <= 5; }

private:
    QString m_group;
};

} // namespace vms::ui
