#pragma once
// Fling physics: the release velocity measured from recent finger samples,
// and a constant-deceleration glide evaluated analytically from the time
// passed in (so the distance is v^2 / 2a at any frame rate).
#include "camera.hpp"

#include <optional>
#include <vector>

namespace kiosk::map {

class VelocityTracker {
  public:
    void reset() { m_samples.clear(); }
    void add(double timeMs, ScreenPoint p);
    bool empty() const { return m_samples.empty(); }
    double lastTimeMs() const { return m_samples.empty() ? 0.0 : m_samples.back().timeMs; }
    // Average velocity in px/s over the `windowMs` before the newest sample
    // (the position at the window's start interpolated between samples, so
    // the result does not depend on where frames fell). A finger that rested
    // for the whole window gives zero; a history shorter than the window uses
    // all of it; a single sample gives zero.
    ScreenPoint velocity(double windowMs) const;

  private:
    struct Sample {
        double timeMs;
        ScreenPoint p;
    };
    std::vector<Sample> m_samples;
};

// Motion of the camera centre in world units (the zoom is fixed meanwhile).
class Inertia {
  public:
    // velocity in world units per second, deceleration in world units / s^2.
    void start(WorldPoint centre, WorldPoint velocity, double deceleration, double startMs);
    void stop() { m_active = false; }
    bool active() const { return m_active; }
    WorldPoint at(double nowMs) const;
    double speedAt(double nowMs) const; // world units per second
    WorldPoint velocityAt(double nowMs) const;
    // When the glide first leaves `range` (the allowed centres), if it does
    // before stopping; computed exactly, so hitting an edge does not depend
    // on where frames fall. Assumes the glide starts inside.
    std::optional<double> leaveTimeMs(const WorldRect& range) const;
    bool finishedAt(double nowMs) const { return nowMs - m_startMs >= m_durationS * 1000.0; }
    double totalDistance() const { return m_speed * m_durationS * 0.5; }

  private:
    WorldPoint m_start;
    WorldPoint m_dir; // unit vector
    double m_speed = 0;
    double m_decel = 1;
    double m_durationS = 0;
    double m_startMs = 0;
    bool m_active = false;
};

// What a glide does after hitting an edge at `startMs`: on the axes that hit,
// a critically damped spring from the edge, x(t) = edge + v t e^(-w t), which
// overshoots by v / (w e) after 1/w seconds and comes back; on the other axis
// the glide fades out, x(t) = x0 + v / w (1 - e^(-w t)). Lasts 8 / w seconds,
// by then within a pixel or so of rest.
class EdgeSpring {
  public:
    void start(WorldPoint at, WorldPoint velocity, bool springX, bool springY, double rate,
               double startMs);
    void stop() { m_active = false; }
    bool active() const { return m_active; }
    double endMs() const { return m_startMs + 8000.0 / m_rate; }
    WorldPoint at(double nowMs) const;

  private:
    double axis(double x0, double v, bool spring, double tS) const;

    WorldPoint m_at;
    WorldPoint m_velocity;
    bool m_springX = false, m_springY = false;
    double m_rate = 16;
    double m_startMs = 0;
    bool m_active = false;
};

} // namespace kiosk::map
