#pragma once

#include "core/client/site_dto.h"
#include "ui/form_dialog.h"

class QCheckBox;
class QDoubleSpinBox;
class QLineEdit;
class QPlainTextEdit;

namespace vms::ui {

/** Creates or edits a place: name, description and optional coordinates. */
class PlaceDialog : public FormDialog
{
    Q_OBJECT

public:
    explicit PlaceDialog(const QString &title, QWidget *parent = nullptr);

    void setPlace(const client::Place &place);
    client::PlaceInput input() const;

protected:
    bool validate() override;

private:
    QLineEdit *m_nameEdit = nullptr;
    QPlainTextEdit *m_descriptionEdit = nullptr;
    QCheckBox *m_hasCoordinates = nullptr;
    QDoubleSpinBox *m_latitudeSpin = nullptr;
    QDoubleSpinBox *m_longitudeSpin = nullptr;
};

} // namespace vms::ui
