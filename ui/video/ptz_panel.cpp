#include "ui/video/ptz_panel.h"

#include "core/client/api_client.h"
#include "ui/confirmation.h"
#include "ui/live_view_pane.h"
#include "ui/status_label.h"
#include "ui/video/ptz_controller.h"

#include <QApplication>
#include <QDialog>
#include <QDialogButtonBox>
#include <QFrame>
#include <QGridLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QKeyEvent>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QPainter>
#include <QPainterPath>
#include <QPushButton>
#include <QSlider>
#include <QStyle>
#include <QToolButton>
#include <QVBoxLayout>

namespace vms::ui {

using client::PtzMove;
using client::PtzZoom;

namespace {

constexpr int kPadButtonSize = 40;
constexpr int kIconSize = 20;

// Draws one pixmap per icon mode, so that a disabled pad looks disabled whatever the style.
template<typename Paint>
QIcon paintedIcon(const QPalette &palette, Paint paint)
{
    QIcon icon;
    for (const auto &[mode, color] :
         {std::pair{QIcon::Normal, palette.color(QPalette::ButtonText)},
          // The style's disabled text colour is too faint on a painted glyph.
          std::pair{QIcon::Disabled, QColor(0xa0, 0xa4, 0xaa)}}) {
        QPixmap pixmap(kIconSize * 2, kIconSize * 2);
        pixmap.fill(Qt::transparent);
        QPainter painter(&pixmap);
        painter.setRenderHint(QPainter::Antialiasing);
        paint(painter, color);
        painter.end();
        icon.addPixmap(pixmap, mode);
    }
    return icon;
}

// A triangle pointing @p degrees counter-clockwise from "right".
QIcon arrowIcon(const QPalette &palette, double degrees)
{
    return paintedIcon(palette, [degrees](QPainter &painter, const QColor &color) {
        painter.translate(kIconSize, kIconSize);
        painter.rotate(-degrees);
        QPainterPath path;
        path.moveTo(12, 0);
        path.lineTo(-7, -11);
        path.lineTo(-7, 11);
        path.closeSubpath();
        painter.setPen(Qt::NoPen);
        painter.setBrush(color);
        painter.drawPath(path);
    });
}

QIcon homeIcon(const QPalette &palette)
{
    return paintedIcon(palette, [](QPainter &painter, const QColor &color) {
        QPainterPath path;
        path.moveTo(20, 6);
        path.lineTo(34, 19);
        path.lineTo(30, 19);
        path.lineTo(30, 33);
        path.lineTo(23, 33);
        path.lineTo(23, 25);
        path.lineTo(17, 25);
        path.lineTo(17, 33);
        path.lineTo(10, 33);
        path.lineTo(10, 19);
        path.lineTo(6, 19);
        path.closeSubpath();
        painter.setPen(Qt::NoPen);
        painter.setBrush(color);
        painter.drawPath(path);
    });
}

// A magnifier with a plus or a minus.
QIcon zoomIcon(const QPalette &palette, bool isIn)
{
    return paintedIcon(palette, [isIn](QPainter &painter, const QColor &color) {
        painter.setPen(QPen(color, 3.5, Qt::SolidLine, Qt::RoundCap));
        painter.setBrush(Qt::NoBrush);
        painter.drawEllipse(QPointF(17, 17), 11, 11);
        painter.drawLine(QPointF(25, 25), QPointF(34, 34));
        painter.setPen(QPen(color, 3, Qt::SolidLine, Qt::RoundCap));
        painter.drawLine(QPointF(12, 17), QPointF(22, 17));
        if (isIn)
            painter.drawLine(QPointF(17, 12), QPointF(17, 22));
    });
}

QToolButton *makePadButton(const QIcon &icon, const QString &toolTip, const QString &objectName,
                           QWidget *parent)
{
    auto *button = new QToolButton(parent);
    button->setObjectName(objectName);
    button->setIcon(icon);
    button->setIconSize(QSize(kIconSize, kIconSize));
    button->setToolTip(toolTip);
    button->setFixedSize(kPadButtonSize, kPadButtonSize);
    button->setFocusPolicy(Qt::NoFocus);
    return button;
}

bool isPtzKey(int key)
{
    switch (key) {
    case Qt::Key_Up:
    case Qt::Key_Down:
    case Qt::Key_Left:
    case Qt::Key_Right:
    case Qt::Key_Plus:
    case Qt::Key_Equal: // "+" without Shift on most layouts
    case Qt::Key_Minus:
        return true;
    default:
        return false;
    }
}

} // namespace

PtzPanel::PtzPanel(client::ApiClient *client, LiveViewPane *liveView, QWidget *parent)
    : QWidget(parent)
    , m_client(client)
    , m_liveView(liveView)
    , m_controller(new PtzController(client, this))
{
    setObjectName(QStringLiteral("ptzPanel"));

    m_cameraLabel = new QLabel(this);
    m_cameraLabel->setObjectName(QStringLiteral("ptzCameraLabel"));
    QFont bold = m_cameraLabel->font();
    bold.setBold(true);
    m_cameraLabel->setFont(bold);
    m_cameraLabel->setSizePolicy(QSizePolicy::Ignored, QSizePolicy::Preferred);

    // Why the controls are off, in words, with a way to ask the camera again.
    m_banner = new QFrame(this);
    m_banner->setObjectName(QStringLiteral("ptzBanner"));
    m_banner->setFrameShape(QFrame::StyledPanel);
    m_banner->setAutoFillBackground(true);
    QPalette bannerPalette = m_banner->palette();
    bannerPalette.setColor(QPalette::Window, QColor(0xfff4e5));
    bannerPalette.setColor(QPalette::WindowText, QColor(0x5f3b00));
    m_banner->setPalette(bannerPalette);
    m_bannerIcon = new QLabel(m_banner);
    m_bannerText = new QLabel(m_banner);
    m_bannerText->setObjectName(QStringLiteral("ptzExplanationLabel"));
    m_bannerText->setWordWrap(true);
    m_bannerText->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_retryButton = new QPushButton(tr("Try again"), m_banner);
    m_retryButton->setObjectName(QStringLiteral("ptzRetryButton"));
    connect(m_retryButton, &QPushButton::clicked, m_controller, &PtzController::reload);
    auto *bannerLayout = new QGridLayout(m_banner);
    bannerLayout->setContentsMargins(8, 8, 8, 8);
    bannerLayout->addWidget(m_bannerIcon, 0, 0, Qt::AlignTop);
    bannerLayout->addWidget(m_bannerText, 0, 1);
    bannerLayout->addWidget(m_retryButton, 1, 1, Qt::AlignLeft);
    bannerLayout->setColumnStretch(1, 1);

    m_controls = new QWidget(this);
    auto *controlsLayout = new QVBoxLayout(m_controls);
    controlsLayout->setContentsMargins(0, 0, 0, 0);
    controlsLayout->addWidget(createPad());
    controlsLayout->addWidget(createPresets(), 1);

    m_status = new StatusLabel(this);
    m_status->setObjectName(QStringLiteral("ptzStatusLabel"));

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(8, 8, 8, 8);
    layout->addWidget(m_cameraLabel);
    layout->addWidget(m_banner);
    layout->addWidget(m_controls, 1);
    layout->addWidget(m_status);

    connect(m_controller, &PtzController::stateChanged, this, &PtzPanel::updateState);
    connect(m_controller, &PtzController::presetsChanged, this, &PtzPanel::showPresets);
    connect(m_controller, &PtzController::message, this, [this](const QString &text, bool isError) {
        if (isError)
            m_status->showError(text);
        else
            m_status->showSuccess(text);
    });

    if (m_liveView) {
        connect(m_liveView, &LiveViewPane::currentCameraChanged, this,
                [this](const QString &cameraId, const QString &name) {
                    if (cameraId != m_controller->cameraId())
                        m_status->clearMessage();
                    m_controller->setCamera(cameraId, name);
                });
        connect(m_liveView, &LiveViewPane::ptzDragged, this, &PtzPanel::onJoystick);
        connect(m_liveView, &LiveViewPane::ptzDragReleased, m_controller, &PtzController::stop);
        // Keys reach the grid from the focused tile, which does not use them itself.
        m_liveView->gridWidget()->installEventFilter(this);
        // A key released while the focus was elsewhere never arrives: stop on losing it.
        connect(qApp, &QApplication::focusChanged, this, [this](QWidget *, QWidget *now) {
            if (m_heldKeys.isEmpty() || !m_liveView)
                return;
            const QWidget *grid = m_liveView->gridWidget();
            if (now && (now == grid || grid->isAncestorOf(now)))
                return;
            m_heldKeys.clear();
            m_controller->stop();
        });
        m_controller->setCamera(m_liveView->cameraId(), m_liveView->cameraName());
    }
    updateState();
    showPresets();
}

PtzPanel::~PtzPanel()
{
    if (m_liveView) {
        m_liveView->gridWidget()->removeEventFilter(this);
        m_liveView->setPtzDragMode(false);
    }
}

QWidget *PtzPanel::createPad()
{
    auto *box = new QGroupBox(tr("Movement"), this);
    box->setObjectName(QStringLiteral("ptzMovementBox"));

    struct Direction
    {
        PtzMove move;
        int row;
        int column;
        double degrees;
        QString toolTip;
        QString objectName;
    };
    const Direction directions[] = {
            {PtzMove::LeftUp, 0, 0, 135, tr("Up and left"), QStringLiteral("ptzLeftUpButton")},
            {PtzMove::Up, 0, 1, 90, tr("Up (↑)"), QStringLiteral("ptzUpButton")},
            {PtzMove::RightUp, 0, 2, 45, tr("Up and right"), QStringLiteral("ptzRightUpButton")},
            {PtzMove::Left, 1, 0, 180, tr("Left (←)"), QStringLiteral("ptzLeftButton")},
            {PtzMove::Right, 1, 2, 0, tr("Right (→)"), QStringLiteral("ptzRightButton")},
            {PtzMove::LeftDown, 2, 0, 225, tr("Down and left"),
             QStringLiteral("ptzLeftDownButton")},
            {PtzMove::Down, 2, 1, 270, tr("Down (↓)"), QStringLiteral("ptzDownButton")},
            {PtzMove::RightDown, 2, 2, 315, tr("Down and right"),
             QStringLiteral("ptzRightDownButton")},
    };
    auto *pad = new QGridLayout;
    pad->setSpacing(2);
    for (const Direction &direction : directions) {
        QToolButton *button = makePadButton(arrowIcon(palette(), direction.degrees),
                                            direction.toolTip, direction.objectName, box);
        // Moves while held: pressed starts, released (also when the pointer slides off) stops.
        connect(button, &QToolButton::pressed, this,
                [this, move = direction.move] { m_controller->startMove(move); });
        connect(button, &QToolButton::released, m_controller, &PtzController::stop);
        pad->addWidget(button, direction.row, direction.column);
        m_moveButtons.insert(direction.move, button);
    }
    m_homeButton = makePadButton(homeIcon(palette()), tr("Go to the home position"),
                                 QStringLiteral("ptzGoHomeButton"), box);
    connect(m_homeButton, &QToolButton::clicked, m_controller, &PtzController::gotoHome);
    pad->addWidget(m_homeButton, 1, 1);

    m_zoomInButton = makePadButton(zoomIcon(palette(), true), tr("Zoom in (+)"),
                                   QStringLiteral("ptzZoomInButton"), box);
    m_zoomOutButton = makePadButton(zoomIcon(palette(), false), tr("Zoom out (−)"),
                                    QStringLiteral("ptzZoomOutButton"), box);
    connect(m_zoomInButton, &QToolButton::pressed, this,
            [this] { m_controller->startZoom(PtzZoom::In); });
    connect(m_zoomOutButton, &QToolButton::pressed, this,
            [this] { m_controller->startZoom(PtzZoom::Out); });
    connect(m_zoomInButton, &QToolButton::released, m_controller, &PtzController::stop);
    connect(m_zoomOutButton, &QToolButton::released, m_controller, &PtzController::stop);
    auto *zoom = new QVBoxLayout;
    zoom->setSpacing(2);
    zoom->addWidget(m_zoomInButton);
    zoom->addWidget(m_zoomOutButton);
    zoom->addStretch(1);

    auto *padRow = new QHBoxLayout;
    padRow->addStretch(1);
    padRow->addLayout(pad);
    padRow->addSpacing(12);
    padRow->addLayout(zoom);
    padRow->addStretch(1);

    auto *speedLabel = new QLabel(tr("Speed"), box);
    m_speedSlider = new QSlider(Qt::Horizontal, box);
    m_speedSlider->setObjectName(QStringLiteral("ptzSpeedSlider"));
    m_speedSlider->setRange(client::kPtzMinStep, client::kPtzMaxStep);
    m_speedSlider->setPageStep(1);
    m_speedSlider->setTickPosition(QSlider::TicksBelow);
    m_speedSlider->setTickInterval(1);
    m_speedSlider->setValue(m_controller->step());
    m_speedSlider->setToolTip(tr("How fast the camera turns and zooms (1 slow … 10 fast)"));
    speedLabel->setBuddy(m_speedSlider);
    m_speedValue = new QLabel(box);
    m_speedValue->setObjectName(QStringLiteral("ptzSpeedValueLabel"));
    m_speedValue->setMinimumWidth(
            m_speedValue->fontMetrics().horizontalAdvance(QStringLiteral("10")) + 4);
    m_speedValue->setAlignment(Qt::AlignRight | Qt::AlignVCenter);
    m_speedValue->setNum(m_controller->step());
    connect(m_speedSlider, &QSlider::valueChanged, this, [this](int step) {
        m_speedValue->setNum(step);
        m_controller->setStep(step);
    });
    auto *speedRow = new QHBoxLayout;
    speedRow->addWidget(speedLabel);
    speedRow->addWidget(m_speedSlider, 1);
    speedRow->addWidget(m_speedValue);

    m_dragModeButton = new QPushButton(tr("Steer on video"), box);
    m_dragModeButton->setObjectName(QStringLiteral("ptzDragModeButton"));
    m_dragModeButton->setCheckable(true);
    m_dragModeButton->setToolTip(
            tr("Drag on the selected tile of the live view to turn the camera: the direction "
               "of the drag sets where it turns, its length how fast."));
    connect(m_dragModeButton, &QPushButton::toggled, this, &PtzPanel::updateState);

    m_saveHomeButton = new QPushButton(tr("Set as home"), box);
    m_saveHomeButton->setObjectName(QStringLiteral("ptzSaveHomeButton"));
    m_saveHomeButton->setToolTip(tr("Make the current position the camera's home position"));
    connect(m_saveHomeButton, &QPushButton::clicked, m_controller, &PtzController::saveHome);
    auto *buttonRow = new QHBoxLayout;
    buttonRow->addWidget(m_dragModeButton);
    buttonRow->addWidget(m_saveHomeButton);

    auto *layout = new QVBoxLayout(box);
    layout->addLayout(padRow);
    layout->addLayout(speedRow);
    layout->addLayout(buttonRow);
    return box;
}

QWidget *PtzPanel::createPresets()
{
    auto *box = new QGroupBox(tr("Presets"), this);
    box->setObjectName(QStringLiteral("ptzPresetsBox"));
    m_presetList = new QListWidget(box);
    m_presetList->setObjectName(QStringLiteral("ptzPresetList"));
    m_presetList->setSelectionMode(QAbstractItemView::SingleSelection);
    m_presetList->setMinimumHeight(80);
    connect(m_presetList, &QListWidget::itemDoubleClicked, this, &PtzPanel::gotoSelectedPreset);
    connect(m_presetList, &QListWidget::itemSelectionChanged, this, &PtzPanel::updateState);

    m_gotoPresetButton = new QPushButton(tr("Go to"), box);
    m_gotoPresetButton->setObjectName(QStringLiteral("ptzGotoPresetButton"));
    m_gotoPresetButton->setToolTip(tr("Turn the camera to the selected preset"));
    connect(m_gotoPresetButton, &QPushButton::clicked, this, &PtzPanel::gotoSelectedPreset);
    m_savePresetButton = new QPushButton(tr("Save…"), box);
    m_savePresetButton->setObjectName(QStringLiteral("ptzSavePresetButton"));
    m_savePresetButton->setToolTip(tr("Save the current position as a new preset"));
    connect(m_savePresetButton, &QPushButton::clicked, this, &PtzPanel::askPresetName);
    m_deletePresetButton
            = new QPushButton(style()->standardIcon(QStyle::SP_TrashIcon), tr("Delete"), box);
    m_deletePresetButton->setObjectName(QStringLiteral("ptzDeletePresetButton"));
    connect(m_deletePresetButton, &QPushButton::clicked, this, &PtzPanel::deleteSelectedPreset);

    m_presetsHint = new QLabel(box);
    m_presetsHint->setObjectName(QStringLiteral("ptzPresetsHint"));
    m_presetsHint->setWordWrap(true);
    m_presetsHint->setForegroundRole(QPalette::PlaceholderText);

    auto *buttons = new QHBoxLayout;
    buttons->addWidget(m_gotoPresetButton);
    buttons->addWidget(m_savePresetButton);
    buttons->addWidget(m_deletePresetButton);
    auto *layout = new QVBoxLayout(box);
    layout->addWidget(m_presetList, 1);
    layout->addWidget(m_presetsHint);
    layout->addLayout(buttons);
    return box;
}

void PtzPanel::setPermissions(const client::CurrentUser &user)
{
    m_canMove = user.hasPermission(QStringLiteral("onvif_update"));
    m_canCreate = user.hasPermission(QStringLiteral("onvif_create"));
    m_canDelete = user.hasPermission(QStringLiteral("onvif_delete"));
    updateState();
}

QToolButton *PtzPanel::zoomButton(PtzZoom zoom) const
{
    return zoom == PtzZoom::In ? m_zoomInButton : m_zoomOutButton;
}

QString PtzPanel::explanation() const
{
    return m_banner->isHidden() ? QString() : m_bannerText->text();
}

bool PtzPanel::isControlEnabled() const
{
    return m_controller->state() == PtzController::State::Ready && m_canMove;
}

void PtzPanel::updateState()
{
    using State = PtzController::State;
    const State state = m_controller->state();
    const QString name = m_controller->cameraName();
    m_cameraLabel->setText(m_controller->cameraId().isEmpty() ? tr("No camera selected")
                           : name.isEmpty()                   ? tr("Camera")
                                                              : name);

    QString explanation;
    bool isProblem = false;
    switch (state) {
    case State::NoCamera:
        explanation = tr("Select a tile with a camera in the live view to control it.");
        break;
    case State::Loading:
        explanation = tr("Asking the camera what it can do…");
        break;
    case State::Unavailable:
        explanation = m_controller->unavailableReason();
        isProblem = true;
        break;
    case State::Ready:
        if (!m_canMove)
            explanation = tr("You may watch this camera but not turn it: your role lacks the "
                             "permission to control cameras.");
        break;
    }
    m_bannerText->setText(explanation);
    m_bannerIcon->setPixmap(style()->standardIcon(isProblem ? QStyle::SP_MessageBoxWarning
                                                            : QStyle::SP_MessageBoxInformation)
                                    .pixmap(24, 24));
    m_retryButton->setVisible(isProblem);
    m_banner->setVisible(!explanation.isEmpty());

    const bool isReady = state == State::Ready;
    const bool canMove = isReady && m_canMove;
    for (QToolButton *button : std::as_const(m_moveButtons))
        button->setEnabled(canMove);
    m_zoomInButton->setEnabled(canMove);
    m_zoomOutButton->setEnabled(canMove);
    m_speedSlider->setEnabled(isReady);
    m_dragModeButton->setEnabled(canMove);
    const bool hasHome = m_controller->isHomeSupported();
    m_homeButton->setEnabled(canMove && hasHome);
    m_saveHomeButton->setEnabled(canMove && hasHome);
    const QString noHome = tr("This camera has no home position.");
    m_homeButton->setToolTip(isReady && !hasHome ? noHome : tr("Go to the home position"));
    m_saveHomeButton->setToolTip(isReady && !hasHome
                                         ? noHome
                                         : tr("Make the current position the camera's home "
                                              "position"));

    const bool hasSelection = !m_presetList->selectedItems().isEmpty();
    m_presetList->setEnabled(isReady);
    m_gotoPresetButton->setEnabled(canMove && hasSelection);
    m_deletePresetButton->setEnabled(isReady && m_canDelete && hasSelection);
    const auto &capabilities = m_controller->capabilities();
    const int maxPresets = capabilities ? capabilities->maxPresets : 0;
    const bool isFull = maxPresets > 0 && m_controller->presets().size() >= maxPresets;
    m_savePresetButton->setEnabled(isReady && m_canCreate && !isFull);
    if (!isReady)
        m_presetsHint->clear();
    else if (isFull)
        m_presetsHint->setText(tr("The camera holds no more than %n preset(s): delete one to "
                                  "save another.",
                                  nullptr, maxPresets));
    else if (m_controller->presets().isEmpty() && !m_controller->isLoadingPresets())
        m_presetsHint->setText(tr("No presets yet. Turn the camera and save the position."));
    else
        m_presetsHint->clear();
    m_presetsHint->setVisible(!m_presetsHint->text().isEmpty());

    if (m_liveView)
        m_liveView->setPtzDragMode(canMove && m_dragModeButton->isChecked());
    if (!isReady)
        m_heldKeys.clear();
}

void PtzPanel::showPresets()
{
    const QString selected
            = m_presetList->currentItem() ? m_presetList->currentItem()->text() : QString();
    m_presetList->clear();
    const QStringList presets = m_controller->presets();
    for (const QString &name : presets) {
        auto *item = new QListWidgetItem(name, m_presetList);
        if (name == selected)
            m_presetList->setCurrentItem(item);
    }
    updateState();
}

void PtzPanel::gotoSelectedPreset()
{
    const QListWidgetItem *item = m_presetList->currentItem();
    if (!item || !isControlEnabled())
        return;
    m_controller->gotoPreset(item->text());
}

void PtzPanel::askPresetName()
{
    const QStringList existing = m_controller->presets();
    auto *dialog = new QDialog(this);
    dialog->setObjectName(QStringLiteral("ptzPresetNameDialog"));
    dialog->setWindowTitle(tr("Save preset"));
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->setWindowModality(Qt::WindowModal);
    auto *prompt = new QLabel(
            tr("The camera's current position is saved under this name on the camera."), dialog);
    prompt->setWordWrap(true);
    auto *edit = new QLineEdit(dialog);
    edit->setObjectName(QStringLiteral("ptzPresetNameEdit"));
    edit->setMaxLength(client::kPtzPresetNameMaxLength);
    int number = int(existing.size()) + 1;
    while (existing.contains(tr("Preset %1").arg(number)))
        ++number;
    edit->setText(tr("Preset %1").arg(number));
    edit->selectAll();
    auto *problem = new QLabel(dialog);
    problem->setObjectName(QStringLiteral("ptzPresetNameProblem"));
    problem->setStyleSheet(QStringLiteral("QLabel { color: #b00020; }"));
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Save | QDialogButtonBox::Cancel, dialog);
    QPushButton *save = buttons->button(QDialogButtonBox::Save);
    save->setObjectName(QStringLiteral("ptzPresetNameSaveButton"));
    const auto validate = [edit, problem, save, existing] {
        const QString name = edit->text().trimmed();
        QString text;
        if (name.isEmpty())
            text = PtzPanel::tr("Enter a name.");
        else if (existing.contains(name))
            text = PtzPanel::tr("A preset with this name exists already.");
        problem->setText(text);
        problem->setVisible(!text.isEmpty());
        save->setEnabled(text.isEmpty());
    };
    connect(edit, &QLineEdit::textChanged, dialog, validate);
    validate();
    connect(buttons, &QDialogButtonBox::accepted, dialog, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, dialog, &QDialog::reject);
    connect(dialog, &QDialog::accepted, this,
            [this, edit] { m_controller->savePreset(edit->text().trimmed()); });
    auto *layout = new QVBoxLayout(dialog);
    layout->addWidget(prompt);
    layout->addWidget(edit);
    layout->addWidget(problem);
    layout->addWidget(buttons);
    dialog->resize(360, dialog->sizeHint().height());
    dialog->open();
}

void PtzPanel::deleteSelectedPreset()
{
    const QListWidgetItem *item = m_presetList->currentItem();
    if (!item)
        return;
    const QString name = item->text();
    askConfirmation(this, tr("Delete preset"),
                    tr("Delete the preset “%1” from the camera?").arg(name), tr("Delete"),
                    [this, name] { m_controller->deletePreset(name); });
}

void PtzPanel::onJoystick(const QPointF &vector, double fullDeflection)
{
    // A few pixels of slack, so that a click or a trembling hand does not start a move.
    constexpr double kDeadZonePx = 6;
    const double length = std::hypot(vector.x(), vector.y());
    if (length < kDeadZonePx) {
        m_controller->stop();
        return;
    }
    m_controller->drive(ptzMoveForVector(vector), ptzStepForLength(length, fullDeflection));
}

void PtzPanel::onKey(int key, bool isPressed)
{
    if (key == Qt::Key_Equal)
        key = Qt::Key_Plus;
    if (isPressed)
        m_heldKeys.insert(key);
    else
        m_heldKeys.remove(key);
    const std::optional<PtzMove> move
            = ptzMoveForKeys(m_heldKeys.contains(Qt::Key_Up), m_heldKeys.contains(Qt::Key_Down),
                             m_heldKeys.contains(Qt::Key_Left), m_heldKeys.contains(Qt::Key_Right));
    if (move)
        m_controller->startMove(*move);
    else if (m_heldKeys.contains(Qt::Key_Plus))
        m_controller->startZoom(PtzZoom::In);
    else if (m_heldKeys.contains(Qt::Key_Minus))
        m_controller->startZoom(PtzZoom::Out);
    else
        m_controller->stop();
}

bool PtzPanel::eventFilter(QObject *watched, QEvent *event)
{
    if (m_liveView && watched == m_liveView->gridWidget()
        && (event->type() == QEvent::KeyPress || event->type() == QEvent::KeyRelease)) {
        const auto *key = static_cast<QKeyEvent *>(event);
        const bool isPressed = event->type() == QEvent::KeyPress;
        if (isPtzKey(key->key())
            && (key->modifiers() & ~(Qt::KeypadModifier | Qt::ShiftModifier)) == Qt::NoModifier) {
            // Only while PTZ can be used; a released key is always handled, so nothing sticks.
            if (!isPressed || isControlEnabled()) {
                if (!key->isAutoRepeat())
                    onKey(key->key(), isPressed);
                return true;
            }
        }
    }
    return QWidget::eventFilter(watched, event);
}

void PtzPanel::hideEvent(QHideEvent *event)
{
    // A closed dock cannot show that the camera is moving, nor receive the release.
    m_heldKeys.clear();
    m_controller->stop();
    QWidget::hideEvent(event);
}

} // namespace vms::ui
