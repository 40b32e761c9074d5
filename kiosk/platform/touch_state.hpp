#pragma once
// Fingers on the glass, for widgets that need more than the single pointer
// SDL synthesises from touch (pinch and two-finger pan on the map). Plain data
// with no SDL types, so widgets and tests can use it without a window.
#include <cstdint>
#include <vector>

namespace kiosk::platform {

struct TouchPoint {
    std::int64_t touchId = 0;  // the touch device
    std::int64_t fingerId = 0; // stable while the finger stays down
    // Window coordinates (SDL_GetWindowSize units), the space of io.MousePos:
    // ImGui 1.86's SDL backend sets io.MousePos from SDL_GetMouseState, which
    // is in window units, and only scales rendering (DisplayFramebufferScale =
    // drawable / window size). On a HiDPI display these differ from drawable
    // pixels; on the kiosk's screens (and Xvfb) they are the same.
    float x = 0;
    float y = 0;
};

struct TouchState {
    std::vector<TouchPoint> fingers; // fingers down now, in the order they landed
    // Counted per pump so a tap shorter than a frame is not lost.
    int landedThisPump = 0;
    int liftedThisPump = 0;
    // The latest mouse event was SDL's imitation of the first finger (which ==
    // SDL_TOUCH_MOUSEID), not a real mouse: widgets that handle fingers (the
    // map) ignore the mouse while it is set, so one touch is not seen twice.
    // Kept across pumps and clear(): it describes the pointer, not the fingers.
    bool mouseFromTouch = false;

    void beginPump();
    void fingerDown(std::int64_t touchId, std::int64_t fingerId, float x, float y);
    void fingerMoved(std::int64_t touchId, std::int64_t fingerId, float x, float y);
    void fingerUp(std::int64_t touchId, std::int64_t fingerId);
    // Forgets every finger, e.g. when the window loses focus and the matching
    // "up" events may never arrive.
    void clear();

    const TouchPoint* find(std::int64_t touchId, std::int64_t fingerId) const;
};

} // namespace kiosk::platform
