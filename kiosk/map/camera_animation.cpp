#include "camera_animation.hpp"

#include <algorithm>
#include <cmath>

namespace kiosk::map {

double easeOutCubic(double t) {
    const double u = 1.0 - std::clamp(t, 0.0, 1.0);
    return 1.0 - u * u * u;
}

Camera interpolateCamera(const Camera& from, const Camera& to, double t) {
    Camera c = from;
    c.zoom = from.zoom + (to.zoom - from.zoom) * t;
    if (std::fabs(to.zoom - from.zoom) > 1e-9) {
        // Screen offset d (from the viewport centre) of the fixed point:
        // from.centre + d / kFrom == to.centre + d / kTo.
        const double inv = 1.0 / from.scale() - 1.0 / to.scale();
        const double dx = (to.centre.x - from.centre.x) / inv;
        const double dy = (to.centre.y - from.centre.y) / inv;
        const double reach = 2.0 * std::max({from.width, from.height, 256.0});
        if (std::fabs(dx) <= reach && std::fabs(dy) <= reach) {
            const double wx = from.centre.x + dx / from.scale();
            const double wy = from.centre.y + dy / from.scale();
            const double k = c.scale();
            c.centre = {wx - dx / k, wy - dy / k};
            return c;
        }
    }
    c.centre = {from.centre.x + (to.centre.x - from.centre.x) * t,
                from.centre.y + (to.centre.y - from.centre.y) * t};
    return c;
}

void CameraAnimation::start(const Camera& from, const Camera& to, double startMs,
                            double durationMs) {
    m_from = from;
    m_to = to;
    m_startMs = startMs;
    m_durationMs = durationMs;
    m_active = true;
}

Camera CameraAnimation::step(double nowMs, const Camera& current) {
    if (!m_active) return current;
    const double t = m_durationMs > 0 ? (nowMs - m_startMs) / m_durationMs : 1.0;
    Camera c = m_to;
    if (t >= 1.0)
        m_active = false;
    else
        c = interpolateCamera(m_from, m_to, easeOutCubic(t));
    c.width = current.width;
    c.height = current.height;
    return c;
}

} // namespace kiosk::map
