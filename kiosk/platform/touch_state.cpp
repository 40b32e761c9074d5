#include "touch_state.hpp"

#include <algorithm>

namespace kiosk::platform {

namespace {

auto sameFinger(std::int64_t touchId, std::int64_t fingerId) {
    return [=](const TouchPoint& p) { return p.touchId == touchId && p.fingerId == fingerId; };
}

} // namespace

void TouchState::beginPump() {
    landedThisPump = 0;
    liftedThisPump = 0;
}

void TouchState::fingerDown(std::int64_t touchId, std::int64_t fingerId, float x, float y) {
    // A repeated "down" (a lost "up" before it) must not duplicate the finger.
    auto it = std::find_if(fingers.begin(), fingers.end(), sameFinger(touchId, fingerId));
    if (it == fingers.end()) {
        fingers.push_back({touchId, fingerId, x, y});
    } else {
        it->x = x;
        it->y = y;
    }
    ++landedThisPump;
}

void TouchState::fingerMoved(std::int64_t touchId, std::int64_t fingerId, float x, float y) {
    auto it = std::find_if(fingers.begin(), fingers.end(), sameFinger(touchId, fingerId));
    if (it == fingers.end()) {
        // Its "down" was missed (it landed before the window had focus): adopt it.
        fingers.push_back({touchId, fingerId, x, y});
        return;
    }
    it->x = x;
    it->y = y;
}

void TouchState::fingerUp(std::int64_t touchId, std::int64_t fingerId) {
    const auto removed = std::erase_if(fingers, sameFinger(touchId, fingerId));
    if (removed > 0) ++liftedThisPump;
}

void TouchState::clear() {
    fingers.clear();
}

const TouchPoint* TouchState::find(std::int64_t touchId, std::int64_t fingerId) const {
    auto it = std::find_if(fingers.begin(), fingers.end(), sameFinger(touchId, fingerId));
    return it == fingers.end() ? nullptr : &*it;
}

} // namespace kiosk::platform
