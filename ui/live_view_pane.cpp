#include "ui/live_view_pane.h"

#include "core/client/api_client.h"
#include "ui/error_text.h"
#include "ui/video/guarded_then.h"
#include "ui/video/video_tile.h"

#include <QAction>
#include <QActionGroup>
#include <QEvent>
#include <QKeyEvent>
#include <QLabel>
#include <QPainter>
#include <QStyle>
#include <QToolBar>
#include <QVBoxLayout>

namespace vms::ui {

namespace {

constexpr int kMaxTiles = LiveViewPane::kMaxColumns * LiveViewPane::kMaxColumns;
// Pixels between tiles.
constexpr int kGap = 2;
// How often tiles follow their decoders' figures and their own visibility.
constexpr int kRefreshIntervalMs = 500;

QIcon gridIcon(int columns, const QColor &color)
{
    QPixmap pixmap(20, 20);
    pixmap.fill(Qt::transparent);
    QPainter painter(&pixmap);
    const double cell = 18.0 / columns;
    painter.setPen(Qt::NoPen);
    painter.setBrush(color);
    for (int row = 0; row < columns; ++row) {
        for (int column = 0; column < columns; ++column)
            painter.drawRect(QRectF(1 + column * cell + 0.5, 1 + row * cell + 0.5,
                                    std::max(1.0, cell - 1.5), std::max(1.0, cell - 1.5)));
    }
    return QIcon(pixmap);
}

} // namespace

LiveViewPane::LiveViewPane(client::ApiClient *client, QWidget *parent)
    : QWidget(parent)
    , m_client(client)
{
    setObjectName(QStringLiteral("liveViewPane"));
    for (int i = 0; i < kMaxTiles; ++i)
        m_slots.append(QString());

    m_grid = new QWidget(this);
    m_grid->setObjectName(QStringLiteral("liveGrid"));
    m_grid->setAutoFillBackground(true);
    QPalette dark = m_grid->palette();
    dark.setColor(QPalette::Window, QColor(0x0c, 0x0d, 0x10));
    m_grid->setPalette(dark);
    m_grid->installEventFilter(this);
    m_grid->setMinimumSize(160, 90);

    createToolBar();
    m_layout = new QVBoxLayout(this);
    m_layout->setContentsMargins(0, 0, 0, 0);
    m_layout->setSpacing(0);
    m_layout->addWidget(m_toolBar);
    m_layout->addWidget(m_grid, 1);
    setMinimumSize(180, 110);

    rebuildTiles();
    updateTitle();
    connect(&m_refreshTimer, &QTimer::timeout, this, &LiveViewPane::refreshTiles);
    m_refreshTimer.start(kRefreshIntervalMs);
}

LiveViewPane::~LiveViewPane()
{
    // A full-screen grid is a window of its own: it is not among the children.
    if (m_isFullScreen)
        delete m_grid;
}

void LiveViewPane::createToolBar()
{
    m_toolBar = new QToolBar(this);
    m_toolBar->setObjectName(QStringLiteral("liveToolBar"));
    m_toolBar->setIconSize(QSize(16, 16));
    m_layoutGroup = new QActionGroup(this);
    const QColor iconColor = palette().color(QPalette::WindowText);
    for (int columns = 1; columns <= kMaxColumns; ++columns) {
        QAction *action = m_toolBar->addAction(gridIcon(columns, iconColor),
                                               columns == 1 ? tr("1 camera")
                                                            : tr("%1×%1 grid").arg(columns));
        action->setObjectName(QStringLiteral("liveLayout%1Action").arg(columns));
        action->setCheckable(true);
        action->setData(columns);
        action->setToolTip(columns == 1 ? tr("Show one camera")
                                        : tr("Show a grid of %1×%1 cameras").arg(columns));
        m_layoutGroup->addAction(action);
        connect(action, &QAction::triggered, this, [this, columns] { setColumns(columns); });
    }
    layoutAction(m_columns)->setChecked(true);
    m_toolBar->addSeparator();
    m_fullScreenAction = m_toolBar->addAction(style()->standardIcon(QStyle::SP_TitleBarMaxButton),
                                              tr("Full screen"));
    m_fullScreenAction->setObjectName(QStringLiteral("liveFullScreenAction"));
    m_fullScreenAction->setCheckable(true);
    m_fullScreenAction->setShortcut(QKeySequence(Qt::Key_F11));
    m_fullScreenAction->setShortcutContext(Qt::WidgetWithChildrenShortcut);
    m_fullScreenAction->setToolTip(tr("Show the grid full screen (F11; Esc leaves)"));
    connect(m_fullScreenAction, &QAction::toggled, this, &LiveViewPane::setFullScreen);

    m_titleLabel = new QLabel(m_toolBar);
    m_titleLabel->setObjectName(QStringLiteral("liveCameraLabel"));
    m_titleLabel->setContentsMargins(8, 0, 4, 0);
    QFont bold = m_titleLabel->font();
    bold.setBold(true);
    m_titleLabel->setFont(bold);
    m_titleLabel->setSizePolicy(QSizePolicy::Ignored, QSizePolicy::Preferred);
    m_toolBar->addWidget(m_titleLabel);
}

QAction *LiveViewPane::layoutAction(int columns) const
{
    for (QAction *action : m_layoutGroup->actions()) {
        if (action->data().toInt() == columns)
            return action;
    }
    return nullptr;
}

VideoTile *LiveViewPane::tile(int index) const
{
    return index >= 0 && index < m_tiles.size() ? m_tiles.at(index) : nullptr;
}

QString LiveViewPane::cameraId() const
{
    const VideoTile *current = tile(m_current);
    return current ? current->cameraId() : QString();
}

QString LiveViewPane::cameraName() const
{
    const VideoTile *current = tile(m_current);
    return current ? current->cameraName() : QString();
}

void LiveViewPane::setColumns(int columns)
{
    if (!LiveLayoutStore::isValidColumns(columns))
        return;
    if (QAction *action = layoutAction(columns))
        action->setChecked(true);
    if (columns == m_columns)
        return;
    m_columns = columns;
    m_maximised = -1;
    rebuildTiles();
    save();
    emit layoutChanged();
}

void LiveViewPane::rebuildTiles()
{
    const int count = m_columns * m_columns;
    while (m_tiles.size() > count)
        delete m_tiles.takeLast(); // stops its decoders
    while (m_tiles.size() < count) {
        const int index = int(m_tiles.size());
        auto *tile = new VideoTile(index, m_grid);
        // Signals carry the tile's index at the time they are sent (swaps change it).
        connect(tile, &VideoTile::clicked, this, &LiveViewPane::selectTile);
        connect(tile, &VideoTile::doubleClicked, this, &LiveViewPane::toggleMaximised);
        connect(tile, &VideoTile::cameraDropped, this, &LiveViewPane::setTileCamera);
        connect(tile, &VideoTile::tileDropped, this, &LiveViewPane::swapTiles);
        connect(tile, &VideoTile::clearRequested, this, &LiveViewPane::clearTile);
        connect(tile, &VideoTile::archiveRequested, this, [this](int index) {
            if (const VideoTile *t = this->tile(index); t && !t->cameraId().isEmpty())
                emit archiveRequested(t->cameraId(), t->cameraName());
        });
        connect(tile, &VideoTile::cameraSettingsRequested, this, [this](int index) {
            if (const VideoTile *t = this->tile(index); t && !t->cameraId().isEmpty())
                emit cameraSettingsRequested(t->cameraId(), t->cameraName());
        });
        connect(tile, &VideoTile::ptzDragged, this,
                [this](int index, const QPointF &vector, double fullDeflection) {
                    if (index == m_current)
                        emit ptzDragged(vector, fullDeflection);
                });
        connect(tile, &VideoTile::ptzDragReleased, this, [this](int index) {
            if (index == m_current)
                emit ptzDragReleased();
        });
        m_tiles.append(tile);
        assignTile(index);
    }
    if (m_current >= count)
        m_current = 0;
    for (VideoTile *tile : std::as_const(m_tiles))
        tile->setSelected(tile->index() == m_current);
    layoutTiles();
    updateLargeTiles();
    updateTitle();
}

void LiveViewPane::assignTile(int index)
{
    VideoTile *tile = m_tiles.at(index);
    const QString id = m_slots.at(index);
    if (id.isEmpty()) {
        tile->clearCamera();
        return;
    }
    if (const auto camera = m_cameras.constFind(id); camera != m_cameras.constEnd()) {
        tile->setCamera(*camera);
        return;
    }
    if (tile->cameraId() != id)
        tile->setLoadingCamera(id, QString());
    requestCamera(id);
}

void LiveViewPane::layoutTiles()
{
    const QRect area = m_grid->rect();
    if (m_maximised >= 0 && m_maximised < m_tiles.size()) {
        for (VideoTile *tile : std::as_const(m_tiles)) {
            if (tile->index() == m_maximised) {
                tile->setGeometry(area);
                tile->show();
                tile->raise();
            } else {
                tile->hide(); // hidden tiles drop to key frames
            }
        }
        return;
    }
    const int n = m_columns;
    for (VideoTile *tile : std::as_const(m_tiles)) {
        const int row = tile->index() / n;
        const int column = tile->index() % n;
        // Integer edges, so that the gaps stay even whatever the size.
        const int left = area.width() * column / n;
        const int right = area.width() * (column + 1) / n;
        const int top = area.height() * row / n;
        const int bottom = area.height() * (row + 1) / n;
        tile->setGeometry(QRect(left, top, right - left, bottom - top)
                                  .adjusted(column > 0 ? kGap / 2 : 0, row > 0 ? kGap / 2 : 0,
                                            column < n - 1 ? -(kGap - kGap / 2) : 0,
                                            row < n - 1 ? -(kGap - kGap / 2) : 0));
        tile->show();
    }
}

void LiveViewPane::updateLargeTiles()
{
    // The main stream only where a tile is big: maximised, or the only one.
    for (VideoTile *tile : std::as_const(m_tiles))
        tile->setLarge(m_columns == 1 || tile->index() == m_maximised);
}

void LiveViewPane::setTileCamera(int index, const QString &cameraId, const QString &name)
{
    if (index < 0 || index >= m_tiles.size() || cameraId.isEmpty())
        return;
    m_slots[index] = cameraId;
    if (!m_cameras.contains(cameraId) && m_tiles.at(index)->cameraId() != cameraId)
        m_tiles.at(index)->setLoadingCamera(cameraId, name); // named at once, played once loaded
    assignTile(index);
    selectTile(index);
    save();
    emit layoutChanged();
}

void LiveViewPane::clearTile(int index)
{
    if (index < 0 || index >= m_tiles.size())
        return;
    m_slots[index].clear();
    m_tiles.at(index)->clearCamera();
    if (m_maximised == index)
        setMaximisedTile(-1);
    updateTitle();
    save();
    emit layoutChanged();
}

void LiveViewPane::swapTiles(int first, int second)
{
    if (first == second || first < 0 || second < 0 || first >= m_tiles.size()
        || second >= m_tiles.size())
        return;
    // The tile widgets move, not the cameras: both videos go on without reconnecting.
    m_slots.swapItemsAt(first, second);
    m_tiles.swapItemsAt(first, second);
    m_tiles.at(first)->setIndex(first);
    m_tiles.at(second)->setIndex(second);
    m_tiles.at(first)->setObjectName(QStringLiteral("videoTile%1").arg(first));
    m_tiles.at(second)->setObjectName(QStringLiteral("videoTile%1").arg(second));
    if (m_maximised == first || m_maximised == second)
        m_maximised = m_maximised == first ? second : first;
    layoutTiles();
    updateLargeTiles();
    selectTile(second);
    save();
    emit layoutChanged();
}

void LiveViewPane::toggleMaximised(int index)
{
    setMaximisedTile(m_maximised == index ? -1 : index);
}

void LiveViewPane::setMaximisedTile(int index)
{
    if (index >= m_tiles.size() || (m_columns == 1 && index >= 0))
        index = -1; // one tile is as big as it gets
    if (index == m_maximised)
        return;
    m_maximised = index;
    if (index >= 0)
        selectTile(index);
    layoutTiles();
    updateLargeTiles();
    emit layoutChanged();
}

void LiveViewPane::setFullScreen(bool isFullScreen)
{
    if (isFullScreen == m_isFullScreen)
        return;
    m_isFullScreen = isFullScreen;
    if (isFullScreen) {
        m_layout->removeWidget(m_grid);
        m_grid->setParent(nullptr, Qt::Window);
        m_grid->setWindowTitle(tr("Live view"));
        m_grid->addAction(m_fullScreenAction);
        m_grid->showFullScreen();
        m_grid->activateWindow();
    } else {
        m_grid->removeAction(m_fullScreenAction);
        m_grid->hide();
        m_grid->setParent(this, Qt::Widget);
        m_layout->addWidget(m_grid, 1);
        m_grid->show();
    }
    {
        const QSignalBlocker blocker(m_fullScreenAction);
        m_fullScreenAction->setChecked(isFullScreen);
    }
    layoutTiles();
}

void LiveViewPane::showCamera(const QString &cameraId, const QString &name)
{
    for (VideoTile *tile : std::as_const(m_tiles)) {
        if (tile->cameraId() == cameraId) {
            selectTile(tile->index());
            return;
        }
    }
    int target = m_current;
    for (VideoTile *tile : std::as_const(m_tiles)) {
        if (tile->cameraId().isEmpty()) {
            target = tile->index();
            break;
        }
    }
    if (m_maximised >= 0 && m_maximised != target)
        setMaximisedTile(-1);
    m_slots[target] = cameraId;
    VideoTile *tile = m_tiles.at(target);
    if (const auto camera = m_cameras.constFind(cameraId); camera != m_cameras.constEnd()) {
        tile->setCamera(*camera);
    } else {
        tile->setLoadingCamera(cameraId, name);
        requestCamera(cameraId);
    }
    selectTile(target);
    save();
    emit layoutChanged();
}

void LiveViewPane::selectTile(int index)
{
    if (index < 0 || index >= m_tiles.size())
        return;
    m_current = index;
    for (VideoTile *tile : std::as_const(m_tiles))
        tile->setSelected(tile->index() == index);
    updateTitle();
}

void LiveViewPane::setPtzDragMode(bool isEnabled)
{
    if (m_isPtzDragMode == isEnabled)
        return;
    m_isPtzDragMode = isEnabled;
    updatePtzDragTiles();
}

void LiveViewPane::updatePtzDragTiles()
{
    // Only the selected tile steers: the camera the PTZ panel controls.
    for (VideoTile *tile : std::as_const(m_tiles))
        tile->setPtzDragEnabled(m_isPtzDragMode && tile->index() == m_current);
}

void LiveViewPane::updateTitle()
{
    updatePtzDragTiles();
    if (cameraId() != m_announcedCameraId || cameraName() != m_announcedCameraName) {
        m_announcedCameraId = cameraId();
        m_announcedCameraName = cameraName();
        emit currentCameraChanged(m_announcedCameraId, m_announcedCameraName);
    }
    const QString name = cameraName();
    m_titleLabel->setText(!name.isEmpty() ? name
                          : cameraId().isEmpty()
                                  ? tr("Drag cameras from the camera list onto the tiles")
                                  : QString());
}

void LiveViewPane::requestCamera(const QString &cameraId)
{
    if (m_loading.contains(cameraId))
        return;
    m_loading.insert(cameraId);
    thenIfAlive(m_client->camera(cameraId), m_client, this,
                [this, cameraId](const Result<client::Camera> &camera) {
                    m_loading.remove(cameraId);
                    if (camera) {
                        m_cameras.insert(cameraId, *camera);
                    } else {
                        m_cameras.remove(cameraId);
                    }
                    for (VideoTile *tile : std::as_const(m_tiles)) {
                        if (tile->cameraId() != cameraId)
                            continue;
                        if (camera)
                            tile->setCamera(*camera);
                        else
                            tile->setCameraError(cameraId, ErrorText::describe(camera.error()));
                    }
                    updateTitle();
                    if (camera)
                        requestSnapshot(cameraId);
                });
}

void LiveViewPane::requestSnapshot(const QString &cameraId)
{
    // The server's newest frame of the camera bridges the second until the first decoded one;
    // without ingest there is none (503), and the tile just waits for its video.
    thenIfAlive(m_client->cameraSnapshot(cameraId), m_client, this,
                [this, cameraId](const Result<QByteArray> &jpeg) {
                    if (!jpeg)
                        return;
                    const QImage image = QImage::fromData(*jpeg);
                    if (image.isNull())
                        return;
                    for (VideoTile *tile : std::as_const(m_tiles)) {
                        if (tile->cameraId() == cameraId && !tile->hasFrame())
                            tile->setPlaceholder(image);
                    }
                });
}

void LiveViewPane::reloadCameras()
{
    m_cameras.clear();
    QSet<QString> ids;
    for (const VideoTile *tile : std::as_const(m_tiles)) {
        if (!tile->cameraId().isEmpty())
            ids.insert(tile->cameraId());
    }
    for (const QString &id : std::as_const(ids))
        requestCamera(id);
}

void LiveViewPane::refreshTiles()
{
    for (VideoTile *tile : std::as_const(m_tiles))
        tile->refresh();
}

LiveLayout LiveViewPane::currentLayout() const
{
    return LiveLayout{m_columns, m_slots};
}

void LiveViewPane::setSettingsScope(const QUrl &serverUrl, qint64 userId)
{
    const LiveLayoutStore store(serverUrl, userId);
    if (m_store && m_store->group() == store.group())
        return; // the profile loaded again: the grid is already this user's
    m_store = store;
    if (const std::optional<LiveLayout> saved = m_store->load())
        applyLayout(*saved);
    else
        save(); // what the operator arranged before the scope was known
}

void LiveViewPane::applyLayout(const LiveLayout &layout)
{
    m_isRestoring = true;
    for (int i = 0; i < kMaxTiles; ++i)
        m_slots[i] = i < layout.cameraIds.size() ? layout.cameraIds.at(i) : QString();
    m_maximised = -1;
    setColumns(layout.columns);
    for (int i = 0; i < m_tiles.size(); ++i)
        assignTile(i); // tiles that existed before show their saved cameras too
    layoutTiles();
    updateLargeTiles();
    m_isRestoring = false;
    updateTitle();
    emit layoutChanged();
}

void LiveViewPane::save()
{
    if (m_store && !m_isRestoring)
        m_store->save(currentLayout());
}

bool LiveViewPane::eventFilter(QObject *watched, QEvent *event)
{
    if (watched == m_grid) {
        switch (event->type()) {
        case QEvent::Resize:
            layoutTiles();
            break;
        case QEvent::KeyPress:
            // Esc leaves full screen; tiles pass the keys they do not use on to the grid.
            if (m_isFullScreen && static_cast<QKeyEvent *>(event)->key() == Qt::Key_Escape) {
                setFullScreen(false);
                return true;
            }
            break;
        case QEvent::Close:
            if (m_isFullScreen) {
                // Closing the full-screen window brings the grid home rather than losing it.
                event->ignore();
                setFullScreen(false);
                return true;
            }
            break;
        default:
            break;
        }
    }
    return QWidget::eventFilter(watched, event);
}

} // namespace vms::ui
