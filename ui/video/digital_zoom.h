#pragma once

#include <QPointF>
#include <QRectF>

namespace vms::ui {

/**
 * Digital zoom of a picture: which part of the source is shown, in normalized source
 * coordinates (0..1 on both axes). Pure geometry, so that the zoom rules are testable without
 * widgets: zooming keeps the source point under the anchor fixed, and the visible part never
 * leaves the picture.
 */
class DigitalZoom
{
public:
    static constexpr double kMaxFactor = 8.0;

    double factor() const { return m_factor; }
    bool isZoomed() const { return m_factor > 1.0 + 1e-9; }
    /** The shown part of the source, normalized; the whole picture when not zoomed. */
    QRectF visibleRect() const;

    /**
     * Multiplies the factor by @p multiplier (clamped to 1..kMaxFactor), keeping the source point
     * under @p anchor fixed; @p anchor is a position in the picture, normalized (0..1).
     */
    void zoomAt(const QPointF &anchor, double multiplier);
    /** Moves the shown part the way a drag of @p delta (picture fractions) moves the image. */
    void pan(const QPointF &delta);
    void reset();

    /** The normalized source point shown at @p viewPoint (a normalized picture position). */
    QPointF sourcePoint(const QPointF &viewPoint) const;

private:
    void setTopLeft(QPointF topLeft);

    double m_factor = 1.0;
    QPointF m_topLeft{0.0, 0.0};
};

} // namespace vms::ui
