#pragma once
// The hidden gesture that opens the admin screen: five quick taps in the
// screen's top-left corner. Pure logic (no ImGui), fed with presses and a
// frame clock, so it is tested without a window.
//
// Chosen so that a visitor does not make it by chance: the corner holds no
// control on the start screen (only the first letters of the title), a tap
// that lands on a control does not count and starts over, and five taps must
// fall within four seconds with none elsewhere in between.
#include <array>
#include <cstddef>

namespace kiosk::widgets {

struct HiddenGestureRule {
    float cornerPx = 57.0f; // side of the square corner, from (0, 0); 15 mm at 96 dpi
    int taps = 5;           // 2..kMaxTaps
    double windowMs = 4000; // from the first tap to the last
};

class HiddenGesture {
  public:
    static constexpr int kMaxTaps = 8;

    // One press at (x, y) screen pixels at `timeMs` (monotonic). Returns true
    // when it completes the gesture; the count then starts over.
    bool press(float x, float y, double timeMs, const HiddenGestureRule& rule);
    // A press that does not count (e.g. it landed on a control): start over.
    void reset() { m_count = 0; }
    int pending() const { return m_count; } // taps counted so far

  private:
    std::array<double, kMaxTaps> m_times{};
    int m_count = 0;
};

} // namespace kiosk::widgets
