#pragma once
#include <optional>

#include "actions.hpp"
#include "session.hpp"

namespace kiosk::app {

// Side effects the app must start after applying actions.
struct Effects {
    bool searchChanged = false; // send session.query to the search worker
    bool routeChanged = false;  // reset the new screen's scroll and focus
    bool lookChanged = false;   // theme or text size: restyle before the next frame
    // The admin's PIN to check: AdminGate::submit(*adminPin, now) (which wipes
    // it), then unlockAdmin(session) when the verdict is Unlocked.
    std::optional<PinDigits> adminPin;
    // An unlocked admin asked: write the sync request, switch signage, quit.
    std::optional<AdminCommand::Kind> adminCommand;
};

// The only code that changes the session.
void applyAction(Session& session, const Action& action, Effects& effects);
// The admin gate said Unlocked: the admin screen shows its figures and
// buttons until the visitor leaves it or the session is wiped. Not an Action,
// so no screen can unlock itself.
void unlockAdmin(Session& session);

} // namespace kiosk::app
