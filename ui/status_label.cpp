#include "ui/status_label.h"

namespace vms::ui {

StatusLabel::StatusLabel(QWidget *parent)
    : QLabel(parent)
{
    setWordWrap(true);
    setTextInteractionFlags(Qt::TextSelectableByMouse);
    hide();
}

void StatusLabel::showMessage(const QString &text, Tone tone)
{
    m_tone = tone;
    switch (tone) {
    case Tone::Neutral:
        setStyleSheet({});
        break;
    case Tone::Success:
        setStyleSheet(QStringLiteral("QLabel { color: #1b7a2e; }"));
        break;
    case Tone::Error:
        setStyleSheet(QStringLiteral("QLabel { color: #b00020; }"));
        break;
    }
    setText(text);
    setVisible(!text.isEmpty());
}

} // namespace vms::ui
