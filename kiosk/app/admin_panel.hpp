#pragma once
// Everything the admin screen shows that is not in the session: filled by
// the frame loop, read by the screen through ScreenContext::admin. With no
// PIN hash configured, pass null (or gate.enabled == false): the hidden
// gesture then does nothing and the screen draws nothing.
#include "admin_gate.hpp"
#include "health_probe.hpp"

#include <cstdint>
#include <optional>
#include <string>

namespace kiosk::app {

// The outcome of the last "sync now" tap, for the screen to confirm it.
struct SyncRequestNote {
    std::int64_t atUnix = 0;
    std::string problem; // "" = the request file was touched
};

struct AdminPanel {
    AdminGateView gate;                   // AdminGate::view(now)
    std::string terminalId;               // platform.terminal_id
    const HealthReport* health = nullptr; // the latest report; null until the first arrives
    bool signageOn = false; // whether signage is on now (the toggle shows the other way)
    std::optional<SyncRequestNote> syncRequest;
};

} // namespace kiosk::app
