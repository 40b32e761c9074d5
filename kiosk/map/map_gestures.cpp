#include "map_gestures.hpp"

#include <algorithm>
#include <cmath>

namespace kiosk::map {

namespace {

constexpr std::int64_t kMouseId = -1;

double distance(ScreenPoint a, ScreenPoint b) {
    return std::hypot(a.x - b.x, a.y - b.y);
}
ScreenPoint midpoint(ScreenPoint a, ScreenPoint b) {
    return {(a.x + b.x) * 0.5, (a.y + b.y) * 0.5};
}
ScreenPoint pos(const Finger& f) {
    return {f.x, f.y};
}

bool sameCamera(const Camera& a, const Camera& b) {
    return a.centre.x == b.centre.x && a.centre.y == b.centre.y && a.zoom == b.zoom;
}

// Equal up to rounding: not worth an animation.
bool nearlySameCamera(const Camera& a, const Camera& b) {
    const double k = a.scale();
    return std::fabs(a.zoom - b.zoom) < 1e-9 && std::fabs(a.centre.x - b.centre.x) * k < 1e-6 &&
           std::fabs(a.centre.y - b.centre.y) * k < 1e-6;
}

double snapZoom(double zoom, double step) {
    return step > 0 ? std::round(zoom / step) * step : zoom;
}

const Finger* findFinger(const std::vector<Finger>& pts, std::int64_t id) {
    for (const Finger& f : pts)
        if (f.id == id) return &f;
    return nullptr;
}

std::vector<std::int64_t> firstTwoIds(const std::vector<Finger>& pts) {
    std::vector<std::int64_t> ids;
    for (std::size_t i = 0; i < pts.size() && i < 2; ++i)
        ids.push_back(pts[i].id);
    return ids;
}

} // namespace

// [SECTION] frame entry point

GestureEvents MapGestures::update(const PointerInput& in, Camera& camera, const MapLimits& limits) {
    GestureEvents ev;
    const Camera before = camera;
    const double now = in.timeMs;

    if (m_fly) {
        Camera target = camera;
        target.centre = m_fly->centre;
        target.zoom = m_fly->zoom;
        m_animation.start(camera, clampCamera(target, limits), m_fly->startMs, m_fly->durationMs);
        m_fly.reset();
    }

    // Touch wins over the mouse; a sequence keeps its source until released.
    Source source = m_source;
    std::vector<Finger> pts;
    if (m_source == Source::Touch || (m_source == Source::None && !in.fingers.empty())) {
        source = Source::Touch;
        pts = in.fingers;
    } else if (m_source == Source::Mouse || (m_source == Source::None && in.mouseDown)) {
        source = Source::Mouse;
        if (in.mouseDown) pts.push_back({kMouseId, in.mouseX, in.mouseY});
    }

    if (m_source == Source::None) {
        if (!pts.empty()) begin(source, pts, in, camera, limits);
    } else if (pts.empty()) {
        end(now, camera, limits, ev);
    } else {
        track(pts, now, camera, limits);
    }

    if (in.wheel != 0 && in.hovered && m_source == Source::None)
        zoomBy(in.wheel * m_params.wheelZoomStep, {in.mouseX, in.mouseY}, now, camera, limits);

    advance(now, camera, limits);

    // Self-healing: a camera left outside the limits (resize, caller's jump)
    // springs back once nothing else moves it.
    if (m_source == Source::None && !animating() && !withinLimits(camera, limits))
        settle(camera, limits, now);

    ev.moved = !sameCamera(before, camera);
    ev.dragging = m_source != Source::None && m_moved &&
                  (m_mode == Mode::Panning || m_mode == Mode::Pinching);
    return ev;
}

void MapGestures::stopMotion() {
    m_inertia.stop();
    m_spring.stop();
    m_animation.stop();
}

void MapGestures::flyTo(WorldPoint centre, double zoom, double nowMs, double durationMs) {
    stopMotion();
    m_snapPending = false;
    if (m_source != Source::None) m_mode = Mode::Ignored; // the fly wins over a running pan
    m_fly = FlyRequest{centre, zoom, nowMs, durationMs};
}

void MapGestures::cancel() {
    stopMotion();
    m_fly.reset();
    m_snapPending = false;
    m_hasLastTap = false;
    if (m_source != Source::None) m_mode = Mode::Ignored;
}

// [SECTION] press sequence

void MapGestures::begin(Source source, const std::vector<Finger>& pts, const PointerInput& in,
                        Camera& camera, const MapLimits& limits) {
    m_source = source;
    m_pressMs = in.timeMs;
    m_lastSeenMs = in.timeMs;
    m_pressPoint = pos(pts.front());
    m_maxFingers = pts.size();
    m_moved = false;
    m_caughtMotion = false;
    m_snapPending = false;
    m_landings.clear();
    for (const Finger& f : pts)
        m_landings.push_back({f.id, pos(f)});
    if (!in.hovered) {
        m_mode = Mode::Ignored;
        return;
    }
    if (m_inertia.active() || m_spring.active()) {
        // Touching a gliding map stops it; that touch is not a tap on a marker.
        m_caughtMotion = m_spring.active() ||
                         m_inertia.speedAt(in.timeMs) * camera.scale() > m_params.catchSpeedPxS;
        m_inertia.stop();
        m_spring.stop();
    }
    // Zoom and bounce animations keep running until the press really drags,
    // so quick successive double taps add up.
    anchor(pts, in.timeMs, camera, limits);
}

void MapGestures::anchor(const std::vector<Finger>& pts, double nowMs, const Camera& camera,
                         const MapLimits& limits) {
    m_anchorIds = firstTwoIds(pts);
    m_velocity.reset();
    if (m_anchorIds.size() == 1) {
        m_mode = m_moved ? Mode::Panning : Mode::Pressed;
        anchorPan(pos(pts[0]), nowMs, camera, limits);
    } else {
        m_mode = Mode::Pinching;
        anchorPinch(pos(pts[0]), pos(pts[1]), camera, limits);
        if (!m_moved) m_twoFingerMid = m_lastAnchor;
    }
}

void MapGestures::anchorPan(ScreenPoint p, double nowMs, const Camera& camera,
                            const MapLimits& limits) {
    m_panStart = p;
    m_panCentre = unresistCentre(camera, limits, m_params.overscroll).centre;
    m_velocity.add(nowMs, p);
    m_lastAnchor = p;
}

void MapGestures::anchorPinch(ScreenPoint a, ScreenPoint b, const Camera& camera,
                              const MapLimits& limits) {
    const ScreenPoint mid = midpoint(a, b);
    const Camera raw = unresistCentre(camera, limits, m_params.overscroll);
    m_pinchDistance0 = std::max(1.0, distance(a, b));
    m_pinchZoom0 = unresistZoom(camera.zoom, limits, m_params.overscroll);
    m_pinchWorld = raw.toWorld(mid);
    m_lastAnchor = mid;
}

const ScreenPoint* MapGestures::landingOf(std::int64_t id) const {
    for (const Landing& l : m_landings)
        if (l.id == id) return &l.at;
    return nullptr;
}

void MapGestures::track(const std::vector<Finger>& pts, double nowMs, Camera& camera,
                        const MapLimits& limits) {
    m_maxFingers = std::max(m_maxFingers, pts.size());
    m_lastSeenMs = nowMs;
    for (const Finger& f : pts)
        if (!landingOf(f.id)) m_landings.push_back({f.id, pos(f)});
    if (m_mode == Mode::Ignored) return;

    if (firstTwoIds(pts) != m_anchorIds) anchor(pts, nowMs, camera, limits);

    if (!m_moved) {
        // Until the press drags, an animation may still be moving the camera:
        // re-anchor on the camera as it is now, at the landing points, so the
        // drag starts from what is on screen and then follows the fingers
        // exactly from the press (a threshold's jump, then the grabbed point
        // stays under the finger).
        if (m_mode == Mode::Pressed) {
            m_panCentre = unresistCentre(camera, limits, m_params.overscroll).centre;
        } else if (m_mode == Mode::Pinching) {
            const ScreenPoint* a = landingOf(m_anchorIds[0]);
            const ScreenPoint* b = landingOf(m_anchorIds[1]);
            if (a && b) anchorPinch(*a, *b, camera, limits);
        }
        const double threshold = m_source == Source::Mouse ? m_params.mouseDragThresholdPx
                                                           : m_params.touchDragThresholdPx;
        bool moved = false;
        for (const Finger& f : pts)
            if (const ScreenPoint* l = landingOf(f.id); l && distance(*l, pos(f)) > threshold)
                moved = true;
        if (moved) {
            m_moved = true;
            if (m_animation.active()) {
                if (m_animation.changesZoom()) m_snapPending = true;
                m_animation.stop();
            }
            if (m_mode == Mode::Pressed) m_mode = Mode::Panning;
        }
    }

    if (m_mode == Mode::Pressed || m_mode == Mode::Panning) {
        const Finger* f = findFinger(pts, m_anchorIds.front());
        const ScreenPoint p = pos(*f);
        m_velocity.add(nowMs, p);
        if (m_mode == Mode::Panning) {
            const double k = camera.scale();
            camera.centre = {m_panCentre.x - (p.x - m_panStart.x) / k,
                             m_panCentre.y - (p.y - m_panStart.y) / k};
            camera = resistCentre(camera, limits, m_params.overscroll);
            m_lastAnchor = p;
        }
    } else if (m_mode == Mode::Pinching && m_moved) {
        const ScreenPoint a = pos(*findFinger(pts, m_anchorIds[0]));
        const ScreenPoint b = pos(*findFinger(pts, m_anchorIds[1]));
        const ScreenPoint mid = midpoint(a, b);
        const double rawZoom =
            m_pinchZoom0 + std::log2(std::max(1.0, distance(a, b)) / m_pinchDistance0);
        camera.zoom = resistZoom(rawZoom, limits, m_params.overscroll);
        const double k = camera.scale();
        camera.centre = {m_pinchWorld.x - (mid.x - camera.width * 0.5) / k,
                         m_pinchWorld.y - (mid.y - camera.height * 0.5) / k};
        camera = resistCentre(camera, limits, m_params.overscroll);
        m_lastAnchor = mid;
        m_snapPending = true;
    }
}

void MapGestures::end(double nowMs, Camera& camera, const MapLimits& limits, GestureEvents& ev) {
    const Mode mode = m_mode;
    m_source = Source::None;
    if (mode == Mode::Ignored) return;

    // The fingers left somewhere between the last frame that saw them and
    // now; timing everything from the last sighting makes taps, zooms and
    // snaps independent of the frame rate.
    const double releaseMs = m_lastSeenMs;
    const bool quick = releaseMs - m_pressMs <= m_params.tapMaxDurationMs;
    const bool still = !m_moved && !m_caughtMotion && quick;
    if (still && m_maxFingers == 1) {
        if (m_hasLastTap && m_pressMs - m_lastTapMs <= m_params.doubleTapWindowMs &&
            distance(m_pressPoint, m_lastTapPoint) <= m_params.doubleTapMaxDistancePx) {
            m_hasLastTap = false;
            ev.doubleTap = true;
            zoomBy(1.0, m_pressPoint, releaseMs, camera, limits);
        } else {
            ev.tap = m_pressPoint;
            m_hasLastTap = true;
            m_lastTapPoint = m_pressPoint;
            m_lastTapMs = releaseMs;
        }
        return;
    }
    m_hasLastTap = false;
    if (still && m_maxFingers == 2) {
        zoomBy(-1.0, m_twoFingerMid, releaseMs, camera, limits);
        return;
    }

    if (mode == Mode::Panning && !m_snapPending && !m_velocity.empty() &&
        withinLimits(camera, limits) &&
        nowMs - m_velocity.lastTimeMs() <= m_params.maxReleaseGapMs) {
        ScreenPoint v = m_velocity.velocity(m_params.velocityWindowMs);
        double speed = std::hypot(v.x, v.y);
        if (speed >= m_params.inertiaMinSpeedPxS) {
            if (speed > m_params.inertiaMaxSpeedPxS) {
                v = {v.x * m_params.inertiaMaxSpeedPxS / speed,
                     v.y * m_params.inertiaMaxSpeedPxS / speed};
                speed = m_params.inertiaMaxSpeedPxS;
            }
            // The glide starts where the finger was last seen, so it does not
            // matter how long after that the release frame came.
            const double k = camera.scale();
            m_inertia.start(camera.centre, {-v.x / k, -v.y / k},
                            m_params.inertiaDecelerationPxS2 / k, m_velocity.lastTimeMs());
            return;
        }
    }
    settle(camera, limits, releaseMs);
}

// [SECTION] motion

void MapGestures::settle(const Camera& camera, const MapLimits& limits, double nowMs) {
    Camera target = camera;
    if (m_snapPending) target.zoomAbout(m_lastAnchor, snapZoom(camera.zoom, m_params.zoomSnap));
    m_snapPending = false;
    target = clampCamera(target, limits);
    if (nearlySameCamera(target, camera)) return;
    const double ms = target.zoom != camera.zoom ? m_params.zoomAnimationMs : m_params.bounceMs;
    m_animation.start(camera, target, nowMs, ms);
}

void MapGestures::zoomBy(double delta, ScreenPoint about, double nowMs, const Camera& camera,
                         const MapLimits& limits) {
    m_inertia.stop();
    m_spring.stop();
    // Successive zooms (double taps, wheel notches) add up to the target
    // rather than restarting from wherever the animation is.
    const double base = m_animation.active() ? m_animation.target().zoom : camera.zoom;
    Camera target = camera;
    target.zoomAbout(about, clampZoom(base + delta, limits));
    target = clampCamera(target, limits);
    m_snapPending = false;
    if (nearlySameCamera(target, camera)) {
        m_animation.stop();
        return;
    }
    m_animation.start(camera, target, nowMs, m_params.zoomAnimationMs);
}

void MapGestures::advance(double nowMs, Camera& camera, const MapLimits& limits) {
    if (m_inertia.active()) {
        const WorldRect range = centreRange(camera, limits);
        const std::optional<double> hitMs = m_inertia.leaveTimeMs(range);
        if (hitMs && *hitMs <= nowMs) {
            // Hit the edge at an exactly known time: spring from there, so the
            // motion is the same whatever the frame times.
            const WorldPoint at = m_inertia.at(*hitMs);
            const WorldPoint v = m_inertia.velocityAt(*hitMs);
            m_inertia.stop();
            const WorldPoint edge{std::clamp(at.x, range.minX, range.maxX),
                                  std::clamp(at.y, range.minY, range.maxY)};
            const double eps = 1e-9 * (range.maxX - range.minX + range.maxY - range.minY + 1.0);
            const bool springX =
                (v.x > 0 && edge.x >= range.maxX - eps) || (v.x < 0 && edge.x <= range.minX + eps);
            const bool springY =
                (v.y > 0 && edge.y >= range.maxY - eps) || (v.y < 0 && edge.y <= range.minY + eps);
            m_spring.start(edge, v, springX, springY, m_params.edgeSpringRate, *hitMs);
        } else {
            camera.centre = m_inertia.at(nowMs);
            if (m_inertia.finishedAt(nowMs)) m_inertia.stop();
        }
    }
    if (m_spring.active()) {
        if (nowMs >= m_spring.endMs()) {
            // Settle from where the spring ended, timed from its end.
            camera.centre = m_spring.at(m_spring.endMs());
            m_spring.stop();
            settle(camera, limits, m_spring.endMs());
        } else {
            camera.centre = m_spring.at(nowMs);
        }
    }
    if (m_animation.active()) camera = m_animation.step(nowMs, camera);
}

} // namespace kiosk::map
