#pragma once

#include "core/client/site_dto.h"
#include "ui/video/live_layout_store.h"

#include <QHash>
#include <QSet>
#include <QTimer>
#include <QWidget>

#include <optional>

class QAction;
class QActionGroup;
class QLabel;
class QToolBar;
class QVBoxLayout;

namespace vms::client {
class ApiClient;
}

namespace vms::ui {

class VideoTile;

/**
 * The Live view panel: a grid of live video tiles (1, 2×2, 3×3, 4×4 or 5×5). Cameras are dropped
 * on tiles from the camera list (or from another tile, which swaps them), or opened by a double
 * click on a plan or in the list. A double click on a tile maximises it (and switches it to the
 * main stream) and restores it; the grid can go full screen. The grid and its cameras are saved
 * per server and user (LiveLayoutStore) on every change.
 */
class LiveViewPane : public QWidget
{
    Q_OBJECT

public:
    static constexpr int kMaxColumns = 5;

    explicit LiveViewPane(client::ApiClient *client, QWidget *parent = nullptr);
    ~LiveViewPane() override;

    /**
     * Shows a camera: selects its tile when it is in the grid, else puts it in the first empty
     * tile, else in the selected tile.
     */
    void showCamera(const QString &cameraId, const QString &name);
    /** The camera of the selected tile (empty when the tile is empty). */
    QString cameraId() const;
    QString cameraName() const;

    int columns() const { return m_columns; }
    /** Changes the grid to @p columns × @p columns (1..5); cameras beyond the grid are kept. */
    void setColumns(int columns);
    int tileCount() const { return int(m_tiles.size()); }
    VideoTile *tile(int index) const;
    int currentTile() const { return m_current; }

    /** What a drop on a tile does: shows @p cameraId in tile @p index. */
    void setTileCamera(int index, const QString &cameraId, const QString &name = {});
    void clearTile(int index);
    /** Exchanges two tiles; their videos go on playing. */
    void swapTiles(int first, int second);

    /** Maximises tile @p index, or restores the grid when it is already maximised. */
    void toggleMaximised(int index);
    /** -1 restores the grid. */
    void setMaximisedTile(int index);
    int maximisedTile() const { return m_maximised; }

    void setFullScreen(bool isFullScreen);
    bool isFullScreen() const { return m_isFullScreen; }
    /** The widget that holds the tiles (a window of its own while full screen). */
    QWidget *gridWidget() const { return m_grid; }
    QAction *layoutAction(int columns) const;
    QAction *fullScreenAction() const { return m_fullScreenAction; }

    /**
     * Where the layout is saved: per server and user. Restores the layout saved there, if any.
     */
    void setSettingsScope(const QUrl &serverUrl, qint64 userId);
    LiveLayout currentLayout() const;
    /** Loads the cameras' details again (after cameras were edited or deleted). */
    void reloadCameras();

    /**
     * PTZ mode: a drag on the selected (or maximised) tile steers its camera (ptzDragged,
     * ptzDragReleased) instead of moving the tile.
     */
    void setPtzDragMode(bool isEnabled);
    bool isPtzDragMode() const { return m_isPtzDragMode; }

signals:
    /** The operator asked for the archive of a tile's camera. */
    void archiveRequested(const QString &cameraId, const QString &name);
    /** The operator asked for the ONVIF settings of a tile's camera. */
    void cameraSettingsRequested(const QString &cameraId, const QString &name);
    void layoutChanged();
    /** The selected tile shows another camera now (empty: none), or its name became known. */
    void currentCameraChanged(const QString &cameraId, const QString &name);
    /** PTZ mode: the joystick on the selected tile is held at @p vector (pixels). */
    void ptzDragged(const QPointF &vector, double fullDeflection);
    void ptzDragReleased();

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    void createToolBar();
    void rebuildTiles();
    void layoutTiles();
    void updateLargeTiles();
    void assignTile(int index);
    void requestCamera(const QString &cameraId);
    void requestSnapshot(const QString &cameraId);
    void selectTile(int index);
    void updateTitle();
    void updatePtzDragTiles();
    void refreshTiles();
    void applyLayout(const LiveLayout &layout);
    void save();

    client::ApiClient *m_client;
    QVBoxLayout *m_layout = nullptr;
    QToolBar *m_toolBar = nullptr;
    QActionGroup *m_layoutGroup = nullptr;
    QAction *m_fullScreenAction = nullptr;
    QLabel *m_titleLabel = nullptr;
    QWidget *m_grid = nullptr;
    QList<VideoTile *> m_tiles;
    /** Camera per tile position (kMaxColumns² of them), kept also beyond the current grid. */
    QStringList m_slots;
    QHash<QString, client::Camera> m_cameras;
    QSet<QString> m_loading;
    int m_columns = 2;
    int m_maximised = -1;
    int m_current = 0;
    bool m_isFullScreen = false;
    bool m_isRestoring = false;
    bool m_isPtzDragMode = false;
    QString m_announcedCameraId;
    QString m_announcedCameraName;
    std::optional<LiveLayoutStore> m_store;
    QTimer m_refreshTimer;
};

} // namespace vms::ui
