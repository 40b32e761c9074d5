#pragma once
// What the map shows: a centre in world coordinates, a fractional zoom and
// the viewport's size in pixels. Plain value; gestures and animations change
// it, drawing reads it.
#include <algorithm>
#include <cmath>

#include "web_mercator.hpp"

namespace kiosk::map {

struct ScreenPoint {
    double x = 0; // pixels from the viewport's top-left corner
    double y = 0;
};

struct Camera {
    WorldPoint centre;
    double zoom = 13.0;
    double width = 0;  // viewport, pixels
    double height = 0;

    double scale() const { return std::exp2(zoom); } // screen pixels per world unit
    WorldPoint toWorld(ScreenPoint s) const {
        const double k = scale();
        return {centre.x + (s.x - width * 0.5) / k, centre.y + (s.y - height * 0.5) / k};
    }
    ScreenPoint toScreen(WorldPoint w) const {
        const double k = scale();
        return {(w.x - centre.x) * k + width * 0.5, (w.y - centre.y) * k + height * 0.5};
    }
    WorldRect visibleWorld() const {
        const double k = scale();
        const double hw = width * 0.5 / k, hh = height * 0.5 / k;
        return {centre.x - hw, centre.y - hh, centre.x + hw, centre.y + hh};
    }
    // Changes zoom keeping the world point under `anchor` where it is.
    void zoomAbout(ScreenPoint anchor, double newZoom) {
        const WorldPoint w = toWorld(anchor);
        zoom = newZoom;
        const double k = scale();
        centre = {w.x - (anchor.x - width * 0.5) / k, w.y - (anchor.y - height * 0.5) / k};
    }
};

// The largest zoom at which `area` fits a width x height viewport with
// `paddingPx` free on every side (e.g. "whole city", or a cluster's extent).
// A degenerate area (one point) is treated as a tiny box, so the result is
// large: clamp it to the map's limits.
inline double zoomToFit(const WorldRect& area, double width, double height, double paddingPx = 0) {
    const double w = std::max(area.maxX - area.minX, 1e-9);
    const double h = std::max(area.maxY - area.minY, 1e-9);
    const double availW = std::max(1.0, width - 2 * paddingPx);
    const double availH = std::max(1.0, height - 2 * paddingPx);
    return std::log2(std::min(availW / w, availH / h));
}

} // namespace kiosk::map
