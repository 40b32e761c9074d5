#pragma once
// Timed camera transitions (zoom snaps, double-tap zoom, bounce, fly-to).
// Positions are a pure function of the time passed in, so an animation looks
// the same at any frame rate.
#include "camera.hpp"

namespace kiosk::map {

// Fast start, gentle landing (CSS ease-out-like); t is clamped to [0, 1].
double easeOutCubic(double t);

// The camera a fraction `t` (already eased) of the way from `from` to `to`.
// When the zoom changes, the screen point that both cameras show at the same
// world position stays put throughout (a zoom about the tap point looks like
// one); if that point is far off screen (mostly a pan) the centre moves
// linearly instead. Zoom moves linearly in levels. width/height come from `from`.
Camera interpolateCamera(const Camera& from, const Camera& to, double t);

class CameraAnimation {
  public:
    void start(const Camera& from, const Camera& to, double startMs, double durationMs);
    void stop() { m_active = false; }
    bool active() const { return m_active; }
    const Camera& target() const { return m_to; }
    bool changesZoom() const { return m_from.zoom != m_to.zoom; }
    // The camera at `nowMs`, with the viewport size of `current` (the window
    // may have been resized meanwhile). Stops itself on the last step.
    Camera step(double nowMs, const Camera& current);

  private:
    Camera m_from;
    Camera m_to;
    double m_startMs = 0;
    double m_durationMs = 0;
    bool m_active = false;
};

} // namespace kiosk::map
