// The idle-reset timeline: when "still there?" appears, how it counts down,
// what a touch does, and exactly one wipe per visit.
#include <doctest/doctest.h>

#include "app/attendance.hpp"

using kiosk::app::Attendance;
using kiosk::app::Presence;

TEST_SUITE("attendance") {
    TEST_CASE("nobody there: no question, nothing due") {
        Attendance a(90'000, 15'000);
        CHECK_FALSE(a.update(0));
        CHECK_FALSE(a.update(1e9));
        CHECK(a.presence() == Presence::Away);
        CHECK_FALSE(a.nextChangeMs(5).has_value());
    }

    TEST_CASE("the question after idleMs, a countdown, then one wipe") {
        Attendance a(90'000, 15'000);
        a.touched(1'000);
        CHECK(a.presence() == Presence::InUse);
        CHECK(a.nextChangeMs(1'000) == doctest::Approx(91'000));
        CHECK_FALSE(a.update(90'999));
        CHECK(a.presence() == Presence::InUse);
        CHECK_FALSE(a.update(91'000));
        CHECK(a.presence() == Presence::Asking);
        CHECK(a.secondsLeft(91'000) == 15);
        CHECK(a.secondsLeft(91'001) == 15);
        CHECK(a.secondsLeft(92'000) == 14);
        CHECK(a.secondsLeft(105'999) == 1);
        // The number ticks on whole seconds, so the app draws exactly then.
        CHECK(a.nextChangeMs(91'000) == doctest::Approx(92'000));
        CHECK(a.nextChangeMs(91'500) == doctest::Approx(92'000));
        CHECK(a.nextChangeMs(105'200) == doctest::Approx(106'000));
        CHECK_FALSE(a.update(105'999));
        CHECK(a.update(106'000)); // the wipe
        CHECK(a.presence() == Presence::Away);
        CHECK_FALSE(a.update(106'001)); // once
        CHECK_FALSE(a.update(500'000));
        CHECK_FALSE(a.nextChangeMs(500'000).has_value());
    }

    TEST_CASE("a touch answers the question and starts the idle time again") {
        Attendance a(20'000, 5'000);
        a.touched(0);
        CHECK_FALSE(a.update(21'000));
        CHECK(a.presence() == Presence::Asking);
        a.touched(23'000);
        CHECK(a.presence() == Presence::InUse);
        CHECK_FALSE(a.update(25'000)); // the old deadline passes: no wipe
        CHECK_FALSE(a.update(42'999));
        CHECK(a.presence() == Presence::InUse);
        CHECK_FALSE(a.update(43'000));
        CHECK(a.presence() == Presence::Asking);
        CHECK(a.update(48'000));
    }

    TEST_CASE("a long gap between updates still wipes exactly once") {
        Attendance a(20'000, 5'000);
        a.touched(0);
        CHECK(a.update(3'600'000)); // e.g. the first frame after a long wait
        CHECK(a.presence() == Presence::Away);
        CHECK_FALSE(a.update(3'600'016));
    }
}
