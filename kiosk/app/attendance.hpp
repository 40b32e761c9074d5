#pragma once
// Whether a visitor is at the terminal. After `idleMs` without a touch the
// kiosk asks "still there?" and counts down `askMs`; a touch answers, and
// silence ends the visit: the app wipes the session. Times are milliseconds
// on one monotonic timeline (real, or virtual in scripted runs), so tests
// drive it with any clock.
#include <optional>

namespace kiosk::app {

enum class Presence {
    Away,   // nobody: fresh session, home screen or signage
    InUse,  // someone touched it within idleMs
    Asking, // "still there?" is on screen, counting down
};

class Attendance {
public:
    Attendance(double idleMs, double askMs) : m_idleMs(idleMs), m_askMs(askMs) {}

    // Any touch, click or key.
    void touched(double nowMs);
    // Moves time on. Returns true exactly once per visit: when the countdown
    // has run out and the session must be wiped (presence is then Away).
    [[nodiscard]] bool update(double nowMs);

    Presence presence() const { return m_presence; }
    // While Asking: whole seconds left, rounded up (15, 14, ... 1).
    int secondsLeft(double nowMs) const;
    // The next moment update() or secondsLeft() changes what is on screen
    // (the question appears, its number ticks, the wipe); none when Away.
    std::optional<double> nextChangeMs(double nowMs) const;

private:
    double m_idleMs, m_askMs;
    Presence m_presence = Presence::Away;
    double m_lastTouchMs = 0;
};

} // namespace kiosk::app
