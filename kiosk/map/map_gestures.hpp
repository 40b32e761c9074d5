#pragma once
// Touch and mouse gestures on the map: pan with inertia, pinch zoom, double
// tap (+1), two-finger tap (-1), wheel zoom, taps for hit-testing, rubber-band
// overscroll with a spring back, and fly-to. Fed once per frame with the
// pointer state and the injected time; it changes only the Camera passed in.
#include "camera.hpp"
#include "camera_animation.hpp"
#include "map_inertia.hpp"
#include "map_limits.hpp"

#include <cstdint>
#include <optional>
#include <vector>

namespace kiosk::map {

struct Finger {
    std::int64_t id = 0;
    double x = 0, y = 0; // viewport pixels
};

struct PointerInput {
    double timeMs = 0;           // monotonic, injected
    std::vector<Finger> fingers; // fingers down now (touch), in landing order
    // A real mouse only: the caller drops SDL's touch-synthesised mouse.
    bool mouseDown = false;
    double mouseX = 0, mouseY = 0;
    double wheel = 0; // notches this frame, positive = zoom in
    // The pointer / first finger is over the map and not over other UI.
    // Read when a press starts (and for the wheel): a press that started on
    // the map keeps the map even if the finger wanders over other UI.
    bool hovered = false;
};

// Defaults follow Leaflet's feel (see notes/platform-facts.md, "Maps").
struct MapGestureParams {
    double touchDragThresholdPx = 10; // fingers wobble while tapping
    double mouseDragThresholdPx = 3;
    double inertiaDecelerationPxS2 = 3400;
    double velocityWindowMs = 50; // release velocity measured over this
    double inertiaMaxSpeedPxS = 6000;
    double inertiaMinSpeedPxS = 40; // slower releases just stop
    // A release more than this after the last sample (no frames meanwhile: the
    // finger did not move) counts as a finger that rested: no inertia.
    double maxReleaseGapMs = 80;
    double tapMaxDurationMs = 500;  // longer presses are not taps
    double doubleTapWindowMs = 300; // first tap's release to second press
    double doubleTapMaxDistancePx = 40;
    double zoomAnimationMs = 250;
    double bounceMs = 350;
    double wheelZoomStep = 0.5; // levels per wheel notch
    double zoomSnap = 0.5;      // a pinch ends on a multiple of this (0 = no snap)
    // A press that stops a fling faster than this is a "catch", not a tap.
    double catchSpeedPxS = 100;
    // A glide that hits the bounds overshoots on a spring of this rate (1/s):
    // the overshoot peaks after 1/rate s at speed / (e * rate), e.g. 46 px
    // for a 2000 px/s fling, and is back after 8/rate s.
    double edgeSpringRate = 16;
    OverscrollParams overscroll;
};

struct GestureEvents {
    // A single tap or click at this point (where the press landed): hit-test
    // markers. The first tap of a double tap is reported too (immediately, no
    // waiting); the second one is not: it zooms.
    std::optional<ScreenPoint> tap;
    bool doubleTap = false; // a double tap / double click started a zoom in
    bool moved = false;     // the camera changed this frame
    bool dragging = false;  // a pan or pinch owns the pointer (suppress hover effects)
};

class MapGestures {
  public:
    MapGestures() = default;
    explicit MapGestures(MapGestureParams params) : m_params(params) {}

    // Updates `camera` (pans, zooms, inertia, bounce, animations) and returns
    // what happened. The camera's width/height are the caller's (viewport).
    // When idle and the camera is outside `limits` (e.g. after a resize), it
    // springs back by itself.
    GestureEvents update(const PointerInput& in, Camera& camera, const MapLimits& limits);

    // Inertia, a bounce or a zoom/fly animation is running: keep drawing
    // frames (and calling update) even without input.
    bool animating() const {
        return m_inertia.active() || m_spring.active() || m_animation.active() || m_fly.has_value();
    }
    // A press that started on the map is being tracked (until all fingers/buttons are up).
    bool pressed() const { return m_source != Source::None; }

    // Animates to `centre`/`zoom` (clamped to the limits at the next update),
    // starting at `nowMs`. Drops inertia and any pan/pinch in progress.
    void flyTo(WorldPoint centre, double zoom, double nowMs, double durationMs = 350);
    // Drops all motion and the current press (ignored until released), and
    // forgets a pending double tap. For navigation away or an idle reset.
    void cancel();

    const MapGestureParams& params() const { return m_params; }

  private:
    enum class Source { None, Touch, Mouse };
    enum class Mode { Pressed, Panning, Pinching, Ignored };
    struct Landing {
        std::int64_t id;
        ScreenPoint at;
    };
    struct FlyRequest {
        WorldPoint centre;
        double zoom, startMs, durationMs;
    };

    void begin(Source source, const std::vector<Finger>& pts, const PointerInput& in,
               Camera& camera, const MapLimits& limits);
    void track(const std::vector<Finger>& pts, double nowMs, Camera& camera,
               const MapLimits& limits);
    void end(double nowMs, Camera& camera, const MapLimits& limits, GestureEvents& ev);
    void anchor(const std::vector<Finger>& pts, double nowMs, const Camera& camera,
                const MapLimits& limits);
    void anchorPan(ScreenPoint p, double nowMs, const Camera& camera, const MapLimits& limits);
    void anchorPinch(ScreenPoint a, ScreenPoint b, const Camera& camera, const MapLimits& limits);
    void stopMotion();
    void settle(const Camera& camera, const MapLimits& limits, double nowMs);
    void zoomBy(double delta, ScreenPoint about, double nowMs, const Camera& camera,
                const MapLimits& limits);
    void advance(double nowMs, Camera& camera, const MapLimits& limits);
    const ScreenPoint* landingOf(std::int64_t id) const;

    MapGestureParams m_params;
    Source m_source = Source::None;
    Mode m_mode = Mode::Pressed;

    // The press sequence: first finger down to last finger up.
    double m_pressMs = 0;
    double m_lastSeenMs = 0; // last frame with the press's fingers down
    ScreenPoint m_pressPoint;
    std::size_t m_maxFingers = 0;
    bool m_moved = false;        // some finger went past the drag threshold
    bool m_caughtMotion = false; // the press stopped a fling
    bool m_snapPending = false;  // zoom was changed freely: snap it on release
    std::vector<Landing> m_landings;
    std::vector<std::int64_t> m_anchorIds; // the (up to two) fingers followed
    ScreenPoint m_twoFingerMid;
    ScreenPoint m_lastAnchor; // last pan finger / pinch midpoint: where a snap zooms about

    // Pan: the raw centre when the finger was at m_panStart.
    ScreenPoint m_panStart;
    WorldPoint m_panCentre;
    // Pinch: the world point under the midpoint, distance and raw zoom at the anchor.
    WorldPoint m_pinchWorld;
    double m_pinchDistance0 = 1;
    double m_pinchZoom0 = 0;
    VelocityTracker m_velocity;

    // For double taps.
    bool m_hasLastTap = false;
    ScreenPoint m_lastTapPoint;
    double m_lastTapMs = 0;

    Inertia m_inertia;
    EdgeSpring m_spring;
    CameraAnimation m_animation;
    std::optional<FlyRequest> m_fly;
};

} // namespace kiosk::map
