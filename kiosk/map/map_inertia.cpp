#include "map_inertia.hpp"

#include <algorithm>
#include <cmath>

namespace kiosk::map {

void VelocityTracker::add(double timeMs, ScreenPoint p) {
    if (!m_samples.empty() && timeMs <= m_samples.back().timeMs) {
        m_samples.back().p = p; // same frame twice: keep the newest position
        return;
    }
    m_samples.push_back({timeMs, p});
    // Keep a little more than any sensible window; older samples never matter.
    const double horizon = timeMs - 500.0;
    std::size_t drop = 0;
    while (drop + 2 < m_samples.size() && m_samples[drop + 1].timeMs <= horizon)
        ++drop;
    m_samples.erase(m_samples.begin(), m_samples.begin() + static_cast<std::ptrdiff_t>(drop));
}

ScreenPoint VelocityTracker::velocity(double windowMs) const {
    if (m_samples.size() < 2) return {};
    const Sample& end = m_samples.back();
    const double from = end.timeMs - windowMs;
    Sample start = m_samples.front();
    if (start.timeMs < from) {
        // Interpolate the position at `from` between the samples around it.
        for (std::size_t i = m_samples.size() - 1; i > 0; --i) {
            const Sample& a = m_samples[i - 1];
            const Sample& b = m_samples[i];
            if (a.timeMs <= from && from <= b.timeMs) {
                const double t =
                    b.timeMs > a.timeMs ? (from - a.timeMs) / (b.timeMs - a.timeMs) : 1.0;
                start = {from, {a.p.x + (b.p.x - a.p.x) * t, a.p.y + (b.p.y - a.p.y) * t}};
                break;
            }
        }
    }
    const double dtS = (end.timeMs - start.timeMs) / 1000.0;
    if (dtS <= 0) return {};
    return {(end.p.x - start.p.x) / dtS, (end.p.y - start.p.y) / dtS};
}

void Inertia::start(WorldPoint centre, WorldPoint velocity, double deceleration, double startMs) {
    m_start = centre;
    m_speed = std::hypot(velocity.x, velocity.y);
    m_active = m_speed > 0 && deceleration > 0;
    if (!m_active) return;
    m_dir = {velocity.x / m_speed, velocity.y / m_speed};
    m_decel = deceleration;
    m_durationS = m_speed / deceleration;
    m_startMs = startMs;
}

WorldPoint Inertia::at(double nowMs) const {
    const double t = std::clamp((nowMs - m_startMs) / 1000.0, 0.0, m_durationS);
    const double s = m_speed * t - 0.5 * m_decel * t * t;
    return {m_start.x + m_dir.x * s, m_start.y + m_dir.y * s};
}

double Inertia::speedAt(double nowMs) const {
    if (!m_active) return 0;
    const double t = std::clamp((nowMs - m_startMs) / 1000.0, 0.0, m_durationS);
    return m_speed - m_decel * t;
}

WorldPoint Inertia::velocityAt(double nowMs) const {
    const double v = speedAt(nowMs);
    return {m_dir.x * v, m_dir.y * v};
}

std::optional<double> Inertia::leaveTimeMs(const WorldRect& range) const {
    if (!m_active) return std::nullopt;
    const double total = totalDistance();
    // Path length s at which each axis reaches its limit (if within the glide).
    double sHit = total + 1;
    auto check = [&](double x0, double dir, double lo, double hi) {
        if (dir > 0 && x0 + dir * total > hi) sHit = std::min(sHit, std::max(0.0, (hi - x0) / dir));
        if (dir < 0 && x0 + dir * total < lo) sHit = std::min(sHit, std::max(0.0, (lo - x0) / dir));
    };
    check(m_start.x, m_dir.x, range.minX, range.maxX);
    check(m_start.y, m_dir.y, range.minY, range.maxY);
    if (sHit > total) return std::nullopt;
    // Solve s = v t - a t^2 / 2 for the first t.
    const double disc = std::max(0.0, m_speed * m_speed - 2.0 * m_decel * sHit);
    return m_startMs + (m_speed - std::sqrt(disc)) / m_decel * 1000.0;
}

void EdgeSpring::start(WorldPoint at, WorldPoint velocity, bool springX, bool springY, double rate,
                       double startMs) {
    m_at = at;
    m_velocity = velocity;
    m_springX = springX;
    m_springY = springY;
    m_rate = rate > 0 ? rate : 16;
    m_startMs = startMs;
    m_active = true;
}

double EdgeSpring::axis(double x0, double v, bool spring, double tS) const {
    const double e = std::exp(-m_rate * tS);
    return spring ? x0 + v * tS * e : x0 + v / m_rate * (1.0 - e);
}

WorldPoint EdgeSpring::at(double nowMs) const {
    const double t = std::clamp((nowMs - m_startMs) / 1000.0, 0.0, 8.0 / m_rate);
    return {axis(m_at.x, m_velocity.x, m_springX, t), axis(m_at.y, m_velocity.y, m_springY, t)};
}

} // namespace kiosk::map
