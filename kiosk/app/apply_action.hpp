#pragma once
#include "actions.hpp"
#include "session.hpp"

namespace kiosk::app {

// Side effects the app must start after applying actions.
struct Effects {
    bool searchChanged = false; // send session.query to the search worker
    bool routeChanged = false;  // reset the new screen's scroll and focus
};

// The only code that changes the session.
void applyAction(Session& session, const Action& action, Effects& effects);

} // namespace kiosk::app
