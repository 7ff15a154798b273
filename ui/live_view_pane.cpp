#include "ui/live_view_pane.h"

#include <QLabel>
#include <QStyle>
#include <QVBoxLayout>

namespace vms::ui {

LiveViewPane::LiveViewPane(QWidget *parent)
    : QWidget(parent)
{
    setObjectName(QStringLiteral("liveViewPane"));
    auto *icon = new QLabel(this);
    icon->setPixmap(
            style()->standardIcon(QStyle::SP_FileDialogListView).pixmap(48, 48, QIcon::Disabled));
    icon->setAlignment(Qt::AlignCenter);
    m_titleLabel = new QLabel(tr("Live view"), this);
    m_titleLabel->setObjectName(QStringLiteral("liveCameraLabel"));
    m_titleLabel->setAlignment(Qt::AlignCenter);
    m_titleLabel->setWordWrap(true);
    QFont titleFont = m_titleLabel->font();
    titleFont.setBold(true);
    titleFont.setPointSizeF(titleFont.pointSizeF() * 1.15);
    m_titleLabel->setFont(titleFont);
    m_detailLabel = new QLabel(tr("Double-click a camera on a plan or in the camera list to "
                                  "open it here."),
                               this);
    m_detailLabel->setObjectName(QStringLiteral("liveDetailLabel"));
    m_detailLabel->setAlignment(Qt::AlignCenter);
    m_detailLabel->setWordWrap(true);
    m_detailLabel->setForegroundRole(QPalette::PlaceholderText);

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(16, 16, 16, 16);
    layout->addStretch(1);
    layout->addWidget(icon);
    layout->addSpacing(6);
    layout->addWidget(m_titleLabel);
    layout->addWidget(m_detailLabel);
    layout->addStretch(2);
    setMinimumSize(180, 110);
}

void LiveViewPane::showCamera(const QString &cameraId, const QString &name)
{
    m_cameraId = cameraId;
    m_titleLabel->setText(name);
    m_detailLabel->setText(tr("Live video of this camera appears here once video playback is "
                              "connected."));
}

QString LiveViewPane::cameraName() const
{
    return m_cameraId.isEmpty() ? QString() : m_titleLabel->text();
}

} // namespace vms::ui
