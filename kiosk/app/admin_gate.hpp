#pragma once
// The gate in front of the admin screen: checks a typed PIN against the
// configured hash, counts wrong PINs and locks the pad for five minutes after
// five of them in a row. Time comes in as an argument (the app's injected
// clock), so the lockout is tested on a fake clock.
//
// It lives in the frame loop for the whole run, not in the session: an idle
// reset must not give a guesser five fresh tries. Whether the screen is
// unlocked is the session's business (Session::adminUnlocked): it ends with
// the visit.
//
// Where it runs: on the main thread, in the apply step after the frame that
// took the PIN. argon2id takes ~0.1-1 s; a one-off pause on an admin's tap is
// acceptable, and it keeps the PIN in one thread, never queued or copied to a
// worker, and makes a second submission during the check impossible.
#include "pin_digits.hpp"

#include <cstdint>
#include <functional>
#include <string>
#include <string_view>

namespace kiosk::app {

enum class PinVerdict {
    Unlocked,  // the PIN matches
    Wrong,     // it does not; the count of wrong PINs grows
    LockedOut, // too many wrong PINs: not even checked
    Disabled,  // no PIN hash configured: nothing unlocks
};

// What the locked screen shows.
struct AdminGateView {
    bool enabled = false;
    int wrongInARow = 0;               // since the last right PIN or lockout
    int attemptsLeft = 0;              // before the lockout
    std::int64_t lockedForSeconds = 0; // 0 = not locked
};

class AdminGate {
  public:
    static constexpr int kMaxWrong = 5;
    static constexpr std::int64_t kLockoutSeconds = 5 * 60;
    using Verifier = std::function<bool(std::string_view hash, std::string_view pin)>;

    // `pinHash` from the configuration (admin.pin_hash); "" disables the gate.
    // `verify` defaults to verifyPin (argon2id); tests may count calls.
    explicit AdminGate(std::string pinHash, Verifier verify = {});

    bool enabled() const { return !m_hash.empty(); }
    // Checks `pin` and wipes it, whatever the verdict.
    PinVerdict submit(PinDigits& pin, std::int64_t nowUnix);
    AdminGateView view(std::int64_t nowUnix) const;

  private:
    std::int64_t lockRemaining(std::int64_t nowUnix) const;

    std::string m_hash;
    Verifier m_verify;
    int m_wrong = 0;
    std::int64_t m_lockedAt = 0; // unix seconds; meaningful while m_locked
    bool m_locked = false;
};

} // namespace kiosk::app
