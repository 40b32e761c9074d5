#include "hidden_gesture.hpp"

#include <algorithm>

namespace kiosk::widgets {

bool HiddenGesture::press(float x, float y, double timeMs, const HiddenGestureRule& rule) {
    const int need = std::clamp(rule.taps, 2, kMaxTaps);
    if (x < 0 || y < 0 || x >= rule.cornerPx || y >= rule.cornerPx) {
        reset();
        return false;
    }
    // Forget taps that fell out of the window, oldest first.
    int first = 0;
    while (first < m_count && timeMs - m_times[first] > rule.windowMs)
        ++first;
    std::copy(m_times.begin() + first, m_times.begin() + m_count, m_times.begin());
    m_count -= first;
    m_times[m_count++] = timeMs;
    if (m_count < need) return false;
    reset();
    return true;
}

} // namespace kiosk::widgets
