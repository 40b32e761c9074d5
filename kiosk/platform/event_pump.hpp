#pragma once
// Step 1 of a frame: SDL events into ImGui and the touch state.
#include "touch_state.hpp"

namespace kiosk::platform {

class ImGuiRuntime;

struct PumpResult {
    bool quit = false;     // SDL_QUIT or the window was closed
    bool hadInput = false; // any mouse, touch, keyboard or text event (idle timer)
};

// Forwards every pending SDL event to the ImGui SDL backend and records finger
// events in touch (positions in window pixels, the space of io.MousePos: see
// TouchPoint), and whether the latest mouse event came from a finger.
// With waitTimeoutMs > 0 it first sleeps until an event arrives or the timeout
// passes, so an idle kiosk does not spin; 0 only drains what is queued.
PumpResult pumpEvents(ImGuiRuntime& imgui, TouchState& touch, int waitTimeoutMs);

} // namespace kiosk::platform
