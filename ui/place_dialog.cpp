#include "ui/place_dialog.h"

#include "ui/editor_validation.h"

#include <QCheckBox>
#include <QDoubleSpinBox>
#include <QFontMetrics>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>

namespace vms::ui {

namespace {

QDoubleSpinBox *coordinateSpin(const QString &objectName, double limit, QWidget *parent)
{
    auto *spin = new QDoubleSpinBox(parent);
    spin->setObjectName(objectName);
    spin->setRange(-limit, limit);
    spin->setDecimals(6);
    spin->setSuffix(QStringLiteral("°"));
    return spin;
}

} // namespace

PlaceDialog::PlaceDialog(const QString &title, QWidget *parent)
    : FormDialog(parent)
{
    setObjectName(QStringLiteral("placeDialog"));
    setWindowTitle(title);
    m_nameEdit = new QLineEdit(this);
    m_nameEdit->setObjectName(QStringLiteral("placeNameEdit"));
    m_nameEdit->setMaxLength(kMaxPlaceNameLength);
    m_nameEdit->setPlaceholderText(tr("e.g. Head office"));
    m_descriptionEdit = new QPlainTextEdit(this);
    m_descriptionEdit->setObjectName(QStringLiteral("placeDescriptionEdit"));
    m_descriptionEdit->setTabChangesFocus(true);
    m_descriptionEdit->setPlaceholderText(tr("Optional, e.g. the address"));
    m_descriptionEdit->setFixedHeight(QFontMetrics(font()).lineSpacing() * 3 + 12);
    m_hasCoordinates = new QCheckBox(tr("Known location"), this);
    m_hasCoordinates->setObjectName(QStringLiteral("hasCoordinatesCheck"));
    m_latitudeSpin = coordinateSpin(QStringLiteral("latitudeSpin"), 90, this);
    m_longitudeSpin = coordinateSpin(QStringLiteral("longitudeSpin"), 180, this);
    auto *coordinates = new QWidget(this);
    auto *coordinatesLayout = new QHBoxLayout(coordinates);
    coordinatesLayout->setContentsMargins(0, 0, 0, 0);
    coordinatesLayout->addWidget(new QLabel(tr("Latitude:"), coordinates));
    coordinatesLayout->addWidget(m_latitudeSpin, 1);
    coordinatesLayout->addSpacing(8);
    coordinatesLayout->addWidget(new QLabel(tr("Longitude:"), coordinates));
    coordinatesLayout->addWidget(m_longitudeSpin, 1);
    formLayout()->addRow(tr("Name:"), m_nameEdit);
    formLayout()->addRow(tr("Description:"), m_descriptionEdit);
    formLayout()->addRow(QString(), m_hasCoordinates);
    formLayout()->addRow(QString(), coordinates);
    connect(m_hasCoordinates, &QCheckBox::toggled, coordinates, &QWidget::setEnabled);
    coordinates->setEnabled(false);
    connect(m_nameEdit, &QLineEdit::textChanged, this,
            [this](const QString &text) { setComplete(!text.trimmed().isEmpty()); });
    setComplete(false);
}

void PlaceDialog::setPlace(const client::Place &place)
{
    m_nameEdit->setText(place.name);
    m_descriptionEdit->setPlainText(place.description);
    const bool hasCoordinates = place.latitude && place.longitude;
    m_hasCoordinates->setChecked(hasCoordinates);
    if (hasCoordinates) {
        m_latitudeSpin->setValue(*place.latitude);
        m_longitudeSpin->setValue(*place.longitude);
    }
}

client::PlaceInput PlaceDialog::input() const
{
    client::PlaceInput input;
    input.name = m_nameEdit->text().trimmed();
    input.description = m_descriptionEdit->toPlainText().trimmed();
    if (m_hasCoordinates->isChecked()) {
        input.latitude = m_latitudeSpin->value();
        input.longitude = m_longitudeSpin->value();
    }
    return input;
}

bool PlaceDialog::validate()
{
    switch (checkName(m_nameEdit->text(), kMaxPlaceNameLength)) {
    case NameIssue::Empty:
        showError(tr("Enter the name of the place."));
        return false;
    case NameIssue::TooLong:
        showError(tr("The name is longer than %n characters.", nullptr, kMaxPlaceNameLength));
        return false;
    case NameIssue::None:
        break;
    }
    if (input().description.size() > kMaxDescriptionLength) {
        showError(tr("The description is longer than %n characters.", nullptr,
                     kMaxDescriptionLength));
        return false;
    }
    return true;
}

} // namespace vms::ui
