// The hidden admin gesture as pure logic: five taps in the top-left corner
// within four seconds, and nothing less.
#include "widgets/hidden_gesture.hpp"

#include <doctest/doctest.h>

using kiosk::widgets::HiddenGesture;
using kiosk::widgets::HiddenGestureRule;

namespace {

const HiddenGestureRule kRule{57.0f, 5, 4000};

// n taps at (x, y), `everyMs` apart from `startMs`; true if any completed the gesture.
bool taps(HiddenGesture& g, int n, double startMs, double everyMs, float x = 20, float y = 20) {
    bool fired = false;
    for (int i = 0; i < n; ++i)
        fired = g.press(x, y, startMs + i * everyMs, kRule) || fired;
    return fired;
}

} // namespace

TEST_CASE("five taps in the corner within four seconds open the admin screen, once") {
    HiddenGesture g;
    for (int i = 0; i < 4; ++i)
        CHECK_FALSE(g.press(10.0f + i, 30.0f, 1000.0 + i * 300, kRule));
    CHECK(g.press(50, 50, 1000.0 + 4 * 300, kRule)); // the fifth
    CHECK(g.pending() == 0);                         // starts over
    CHECK_FALSE(g.press(20, 20, 2300, kRule));       // a sixth tap is the first of a new count
}

TEST_CASE("the five taps may take up to the whole window, not more") {
    HiddenGesture g;
    CHECK(taps(g, 5, 0, 1000)); // 0 .. 4000 ms: exactly the window
    HiddenGesture slow;
    CHECK_FALSE(taps(slow, 5, 0, 1001)); // 0 .. 4004 ms
}

TEST_CASE("four taps do nothing") {
    HiddenGesture g;
    CHECK_FALSE(taps(g, 4, 0, 200));
    CHECK(g.pending() == 4);
}

TEST_CASE("too slow: taps that fell out of the window no longer count") {
    HiddenGesture g;
    CHECK_FALSE(taps(g, 5, 0, 1500)); // 6 s for five taps
    // The recent ones still count: 3000, 4500 and 6000 plus two quick taps fit in 4 s.
    CHECK(g.press(20, 20, 6200, kRule) == false);
    CHECK(g.press(20, 20, 6400, kRule)); // 3000..6400 holds five taps
}

TEST_CASE("a tap outside the corner starts the count over") {
    HiddenGesture g;
    CHECK_FALSE(taps(g, 4, 0, 100));
    CHECK_FALSE(g.press(57, 20, 450, kRule)); // just outside: x == side
    CHECK(g.pending() == 0);
    CHECK_FALSE(taps(g, 4, 500, 100));
    CHECK_FALSE(g.press(20, 300, 950, kRule)); // below the corner
    CHECK_FALSE(taps(g, 4, 1000, 100));
    CHECK(g.press(56.9f, 56.9f, 1400, kRule)); // the corner's far edge is still in
}

TEST_CASE("taps anywhere else never open it, however many") {
    HiddenGesture g;
    CHECK_FALSE(taps(g, 50, 0, 100, 960, 540));
    CHECK_FALSE(taps(g, 50, 0, 100, 200, 20)); // on the top bar, but past the corner
}

TEST_CASE("reset() (a tap a control took) starts the count over") {
    HiddenGesture g;
    CHECK_FALSE(taps(g, 4, 0, 100));
    g.reset();
    CHECK_FALSE(g.press(20, 20, 450, kRule));
    CHECK(g.pending() == 1);
}
