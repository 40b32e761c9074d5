#pragma once
// Where the camera may go: the city's bounds and a zoom range. Gestures may
// drag past them with resistance (a rubber band) and spring back on release;
// everything else (fly-to, animations) aims at clampCamera().
#include "camera.hpp"

namespace kiosk::map {

struct MapLimits {
    WorldRect bounds; // the visible area stays inside these (plus marginPx)...
    double minZoom = 0;
    double maxZoom = 20;
    double marginPx = 0; // ...screen pixels it may show beyond the bounds
};

// The rubber band felt while a finger drags past a limit. The map follows the
// finger at `resistance` px per px at the limit, less and less further out,
// and never more than `maxFraction` of the viewport (or `maxZoomLevels`).
struct OverscrollParams {
    double resistance = 0.55;
    double maxFraction = 0.3;
    double maxZoomLevels = 0.5;
};

// The centres allowed at the camera's zoom and viewport size. On an axis where
// the viewport is larger than the bounds (+ margin) it collapses to the bounds'
// middle, so a small city is shown centred rather than stuck to an edge.
WorldRect centreRange(const Camera& camera, const MapLimits& limits);
double clampZoom(double zoom, const MapLimits& limits);
// The nearest valid camera: zoom clamped first, then the centre at that zoom.
Camera clampCamera(const Camera& camera, const MapLimits& limits);
// True when clampCamera() would move the camera by at most `tolerancePx`
// screen pixels and change the zoom by at most 1e-6 levels.
bool withinLimits(const Camera& camera, const MapLimits& limits, double tolerancePx = 0.5);

// Displayed overshoot for a raw (finger) overshoot; odd, monotonic, slope
// `resistance` at 0 and asymptote `maxOvershoot`.
double rubberBand(double overshoot, double resistance, double maxOvershoot);
// Inverse of rubberBand(): the raw overshoot that displays as `displayed`.
double inverseRubberBand(double displayed, double resistance, double maxOvershoot);

// Raw (finger-following) zoom -> displayed zoom, and back.
double resistZoom(double rawZoom, const MapLimits& limits, const OverscrollParams& params);
double unresistZoom(double shownZoom, const MapLimits& limits, const OverscrollParams& params);
// Rubber band on the centre at the camera's (displayed) zoom, and back; used so
// a drag can start on a camera that is still overscrolled without a jump.
Camera resistCentre(const Camera& raw, const MapLimits& limits, const OverscrollParams& params);
Camera unresistCentre(const Camera& shown, const MapLimits& limits, const OverscrollParams& params);

} // namespace kiosk::map
