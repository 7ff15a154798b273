#pragma once

#include "ui/form_dialog.h"

class QLineEdit;

namespace vms::ui {

/** Asks for the name of a new plan and shows which image file it will use. */
class PlanDialog : public FormDialog
{
    Q_OBJECT

public:
    PlanDialog(const QString &title, const QString &placeName, QWidget *parent = nullptr);

    /** The plan image file (create) or nothing to pick (rename). */
    void setImageFile(const QString &path);
    void setName(const QString &name);
    QString name() const;

protected:
    bool validate() override;

private:
    QLineEdit *m_nameEdit = nullptr;
};

} // namespace vms::ui
