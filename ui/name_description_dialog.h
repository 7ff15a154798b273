#pragma once

#include "ui/form_dialog.h"

class QLineEdit;
class QPlainTextEdit;

namespace vms::ui {

/** Name and description of a group, role or organization, for create and edit. */
class NameDescriptionDialog : public FormDialog
{
    Q_OBJECT

public:
    NameDescriptionDialog(const QString &title, int maxNameLength, QWidget *parent = nullptr);

    void setValues(const QString &name, const QString &description);
    /** Built-in objects keep their name; only the description can change. */
    void setNameReadOnly(bool isReadOnly);

    QString name() const;
    QString description() const;

protected:
    bool validate() override;

private:
    int m_maxNameLength;
    QLineEdit *m_nameEdit = nullptr;
    QPlainTextEdit *m_descriptionEdit = nullptr;
};

} // namespace vms::ui
