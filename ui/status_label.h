#pragma once

#include <QLabel>

namespace vms::ui {

/**
 * One line of feedback under a form or list: neutral progress ("Loading…"), success or an
 * error in words. Hidden while empty, so that it takes no room when there is nothing to say.
 */
class StatusLabel : public QLabel
{
    Q_OBJECT

public:
    enum class Tone { Neutral, Success, Error };

    explicit StatusLabel(QWidget *parent = nullptr);

    void showMessage(const QString &text, Tone tone = Tone::Neutral);
    void showError(const QString &text) { showMessage(text, Tone::Error); }
    void showSuccess(const QString &text) { showMessage(text, Tone::Success); }
    void clearMessage() { showMessage({}); }

    Tone tone() const { return m_tone; }
    bool isError() const { return m_tone == Tone::Error && !text().isEmpty(); }

private:
    Tone m_tone = Tone::Neutral;
};

} // namespace vms::ui
