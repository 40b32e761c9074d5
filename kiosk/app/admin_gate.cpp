#include "admin_gate.hpp"

#include "admin_pin.hpp"

#include <algorithm>

namespace kiosk::app {

AdminGate::AdminGate(std::string pinHash, Verifier verify)
    : m_hash(std::move(pinHash)), m_verify(verify ? std::move(verify) : Verifier(verifyPin)) {}

std::int64_t AdminGate::lockRemaining(std::int64_t nowUnix) const {
    if (!m_locked) return 0;
    // A clock set back (a terminal that booted in the past and then synced
    // time) must not stretch the lockout beyond its length.
    const std::int64_t elapsed = std::max<std::int64_t>(0, nowUnix - m_lockedAt);
    return std::max<std::int64_t>(0, kLockoutSeconds - elapsed);
}

PinVerdict AdminGate::submit(PinDigits& pin, std::int64_t nowUnix) {
    struct WipeOnExit {
        PinDigits& p;
        ~WipeOnExit() { p.clear(); }
    } wipe{pin};
    if (!enabled()) return PinVerdict::Disabled;
    if (m_locked) {
        if (lockRemaining(nowUnix) > 0) return PinVerdict::LockedOut;
        m_locked = false; // served: five fresh tries
        m_wrong = 0;
    }
    if (m_verify(m_hash, pin.secret())) {
        m_wrong = 0;
        return PinVerdict::Unlocked;
    }
    if (++m_wrong >= kMaxWrong) {
        m_locked = true;
        m_lockedAt = nowUnix;
    }
    return PinVerdict::Wrong;
}

AdminGateView AdminGate::view(std::int64_t nowUnix) const {
    AdminGateView v;
    v.enabled = enabled();
    v.lockedForSeconds = lockRemaining(nowUnix);
    const bool served = m_locked && v.lockedForSeconds == 0;
    v.wrongInARow = served ? 0 : m_wrong;
    v.attemptsLeft = v.lockedForSeconds > 0 ? 0 : kMaxWrong - v.wrongInARow;
    return v;
}

} // namespace kiosk::app
