#include "attendance.hpp"

#include <cmath>

namespace kiosk::app {

void Attendance::touched(double nowMs) {
    m_presence = Presence::InUse;
    m_lastTouchMs = nowMs;
}

bool Attendance::update(double nowMs) {
    const double quiet = nowMs - m_lastTouchMs;
    if (m_presence == Presence::InUse && quiet >= m_idleMs) m_presence = Presence::Asking;
    if (m_presence == Presence::Asking && quiet >= m_idleMs + m_askMs) {
        m_presence = Presence::Away;
        return true;
    }
    return false;
}

int Attendance::secondsLeft(double nowMs) const {
    if (m_presence != Presence::Asking) return 0;
    const double leftMs = m_lastTouchMs + m_idleMs + m_askMs - nowMs;
    return leftMs <= 0 ? 0 : static_cast<int>(std::ceil(leftMs / 1000.0));
}

std::optional<double> Attendance::nextChangeMs(double nowMs) const {
    switch (m_presence) {
    case Presence::Away: return std::nullopt;
    case Presence::InUse: return m_lastTouchMs + m_idleMs;
    case Presence::Asking: {
        // The countdown's number changes every whole second before the end.
        const double end = m_lastTouchMs + m_idleMs + m_askMs;
        const double left = end - nowMs;
        if (left <= 0) return nowMs;
        const double tick = end - (std::ceil(left / 1000.0) - 1) * 1000.0;
        return tick;
    }
    }
    return std::nullopt;
}

} // namespace kiosk::app
