#include "ui/placeholder_pane.h"

#include <QLabel>
#include <QVBoxLayout>

namespace vms::ui {

PlaceholderPane::PlaceholderPane(const QIcon &icon, const QString &title,
                                 const QString &description, QWidget *parent)
    : QWidget(parent)
{
    auto *iconLabel = new QLabel(this);
    iconLabel->setPixmap(icon.pixmap(48, 48, QIcon::Disabled));
    iconLabel->setAlignment(Qt::AlignCenter);

    m_title = new QLabel(title, this);
    m_title->setAlignment(Qt::AlignCenter);
    QFont titleFont = m_title->font();
    titleFont.setBold(true);
    titleFont.setPointSizeF(titleFont.pointSizeF() * 1.15);
    m_title->setFont(titleFont);

    m_description = new QLabel(description, this);
    m_description->setObjectName(QStringLiteral("placeholderDescription"));
    m_description->setAlignment(Qt::AlignCenter);
    m_description->setWordWrap(true);
    m_description->setForegroundRole(QPalette::PlaceholderText);

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(16, 16, 16, 16);
    layout->addStretch(1);
    layout->addWidget(iconLabel);
    layout->addSpacing(6);
    layout->addWidget(m_title);
    layout->addWidget(m_description);
    layout->addStretch(2);
    setMinimumSize(180, 110);
}

QString PlaceholderPane::title() const
{
    return m_title->text();
}

QString PlaceholderPane::description() const
{
    return m_description->text();
}

} // namespace vms::ui
