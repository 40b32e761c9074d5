#include "map_limits.hpp"

#include <algorithm>
#include <cmath>

namespace kiosk::map {

namespace {

void allowedAxis(double lo, double hi, double half, double& outLo, double& outHi) {
    double a = lo + half, b = hi - half;
    if (a > b) a = b = (lo + hi) * 0.5;
    outLo = a;
    outHi = b;
}

// Applies `f` (rubberBand or its inverse, in screen pixels) to how far `v`
// lies outside [lo, hi].
template <class F> double bandAxis(double v, double lo, double hi, double k, F&& f) {
    if (v > hi) return hi + f((v - hi) * k) / k;
    if (v < lo) return lo + f((v - lo) * k) / k;
    return v;
}

} // namespace

WorldRect centreRange(const Camera& camera, const MapLimits& limits) {
    const double k = camera.scale();
    const double m = limits.marginPx / k;
    WorldRect r;
    allowedAxis(limits.bounds.minX - m, limits.bounds.maxX + m, camera.width * 0.5 / k, r.minX,
                r.maxX);
    allowedAxis(limits.bounds.minY - m, limits.bounds.maxY + m, camera.height * 0.5 / k, r.minY,
                r.maxY);
    return r;
}

double clampZoom(double zoom, const MapLimits& limits) {
    return std::clamp(zoom, limits.minZoom, std::max(limits.minZoom, limits.maxZoom));
}

Camera clampCamera(const Camera& camera, const MapLimits& limits) {
    Camera c = camera;
    c.zoom = clampZoom(c.zoom, limits);
    const WorldRect r = centreRange(c, limits);
    c.centre.x = std::clamp(c.centre.x, r.minX, r.maxX);
    c.centre.y = std::clamp(c.centre.y, r.minY, r.maxY);
    return c;
}

bool withinLimits(const Camera& camera, const MapLimits& limits, double tolerancePx) {
    const Camera c = clampCamera(camera, limits);
    if (std::fabs(c.zoom - camera.zoom) > 1e-6) return false;
    const double k = camera.scale();
    return std::fabs(c.centre.x - camera.centre.x) * k <= tolerancePx &&
           std::fabs(c.centre.y - camera.centre.y) * k <= tolerancePx;
}

double rubberBand(double overshoot, double resistance, double maxOvershoot) {
    const double o = std::fabs(overshoot);
    const double r = resistance * o / (1.0 + resistance * o / maxOvershoot);
    return std::copysign(r, overshoot);
}

double inverseRubberBand(double displayed, double resistance, double maxOvershoot) {
    // Displayed values at (or numerically past) the asymptote map to a large
    // but finite raw overshoot.
    const double r = std::min(std::fabs(displayed), maxOvershoot * 0.999);
    const double o = r / (resistance * (1.0 - r / maxOvershoot));
    return std::copysign(o, displayed);
}

double resistZoom(double rawZoom, const MapLimits& limits, const OverscrollParams& p) {
    const double lo = limits.minZoom, hi = std::max(limits.minZoom, limits.maxZoom);
    auto f = [&](double o) { return rubberBand(o, p.resistance, p.maxZoomLevels); };
    if (rawZoom > hi) return hi + f(rawZoom - hi);
    if (rawZoom < lo) return lo + f(rawZoom - lo);
    return rawZoom;
}

double unresistZoom(double shownZoom, const MapLimits& limits, const OverscrollParams& p) {
    const double lo = limits.minZoom, hi = std::max(limits.minZoom, limits.maxZoom);
    auto f = [&](double o) { return inverseRubberBand(o, p.resistance, p.maxZoomLevels); };
    if (shownZoom > hi) return hi + f(shownZoom - hi);
    if (shownZoom < lo) return lo + f(shownZoom - lo);
    return shownZoom;
}

namespace {

// The centre with `band` applied to its overshoot on each axis, the band's
// limit a fraction of the viewport on that axis.
template <class Band> Camera bandCentre(const Camera& cam, const MapLimits& limits, const OverscrollParams& p, Band band) {
    Camera c = cam;
    const WorldRect r = centreRange(cam, limits);
    const double k = cam.scale();
    const double maxX = std::max(1.0, p.maxFraction * cam.width);
    const double maxY = std::max(1.0, p.maxFraction * cam.height);
    c.centre.x = bandAxis(cam.centre.x, r.minX, r.maxX, k, [&](double o) { return band(o, p.resistance, maxX); });
    c.centre.y = bandAxis(cam.centre.y, r.minY, r.maxY, k, [&](double o) { return band(o, p.resistance, maxY); });
    return c;
}

} // namespace

Camera resistCentre(const Camera& raw, const MapLimits& limits, const OverscrollParams& p) {
    return bandCentre(raw, limits, p, rubberBand);
}

Camera unresistCentre(const Camera& shown, const MapLimits& limits, const OverscrollParams& p) {
    return bandCentre(shown, limits, p, inverseRubberBand);
}

} // namespace kiosk::map
