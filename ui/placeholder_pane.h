#pragma once

#include <QIcon>
#include <QWidget>

class QLabel;

namespace vms::ui {

/** What a dock will show, for docks whose feature is not built yet: icon, title, explanation. */
class PlaceholderPane : public QWidget
{
    Q_OBJECT

public:
    PlaceholderPane(const QIcon &icon, const QString &title, const QString &description,
                    QWidget *parent = nullptr);

    QString title() const;
    QString description() const;

private:
    QLabel *m_title = nullptr;
    QLabel *m_description = nullptr;
};

} // namespace vms::ui
