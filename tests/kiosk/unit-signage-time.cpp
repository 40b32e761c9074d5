// Signage time: the slide schedule on a fake clock, display hours at their
// edges (weekday overrides, days off, "24:00", midnight and the week's end),
// local time without TZ, and the loop's next wake-up.
#include "i18n/format.hpp"
#include "signage/display_hours.hpp"
#include "signage/local_time.hpp"
#include "signage/signage_wake.hpp"
#include "signage/slide_schedule.hpp"

#include <doctest/doctest.h>
#include <vector>

using kiosk::app::DailyHours;
using kiosk::app::KioskConfig;
using namespace kiosk::signage;

namespace {

constexpr std::int64_t kNow = 1795078800; // Thursday 2026-11-19, 10:00 at +01:00
constexpr int kOffset = 3600;

// Thursday 2026-11-19 at hh:mm(:ss) local, plus `days`.
LocalTime at(int days, int hh, int mm, int ss = 0) {
    return localTimeAt(kNow + std::int64_t(days) * 86400 + (hh - 10) * 3600 + mm * 60 + ss,
                       kOffset);
}
std::int64_t unixAt(int days, int hh, int mm, int ss = 0) {
    return at(days, hh, mm, ss).unix;
}

// 07:00–20:00 every day, Saturday 09:00–14:00, Sunday off.
KioskConfig::Signage officeHours() {
    KioskConfig::Signage s;
    s.hours = DailyHours{false, 7 * 60, 20 * 60};
    s.weekdayHours[5] = DailyHours{false, 9 * 60, 14 * 60};
    s.weekdayHours[6] = DailyHours{true, 0, 0};
    return s;
}

} // namespace

// [SECTION] schedule

TEST_CASE("slides 3 s, 5 s, 4 s: which shows when, and when the next change is due") {
    const std::int64_t start = 50'000; // the loop's monotonic ms when signage began
    const SlideSchedule s({3000, 5000, 4000}, start);
    CHECK(s.cycleMs() == 12'000);
    const auto check = [&](std::int64_t t, std::size_t index, std::int64_t next) {
        INFO("t = " << t - start << " ms");
        const auto a = s.at(t);
        REQUIRE(a.has_value());
        CHECK(a->index == index);
        CHECK(a->nextChangeMs == next);
    };
    check(start, 0, start + 3000);
    check(start + 2900, 0, start + 3000);
    check(start + 2999, 0, start + 3000);
    check(start + 3000, 1, start + 8000);
    check(start + 7999, 1, start + 8000);
    check(start + 8000, 2, start + 12'000);
    check(start + 11'999, 2, start + 12'000);
    check(start + 12'000, 0, start + 15'000);                             // wraps
    check(start + 12'000 * 1000 + 3500, 1, start + 12'000 * 1000 + 8000); // a thousand cycles later
    check(start - 5000, 0, start + 3000); // before the start: the first slide
    CHECK(s.at(start + 12'000)->cycle == 1);
    CHECK(s.at(start + 3000)->shownSinceMs == start + 3000);
    CHECK_FALSE(SlideSchedule().at(start).has_value()); // no slides
}

TEST_CASE(
    "on a fake clock at 60 fps the slides cycle 0,1,2,0,… and change exactly when announced") {
    const SlideSchedule s({3000, 5000, 4000}, 0);
    std::vector<std::size_t> shown;
    std::vector<std::int64_t> changedAt;
    std::int64_t announced = s.at(0)->nextChangeMs;
    // Integer ms frame times (16 or 17 ms apart) so change instants fall between frames.
    for (std::int64_t frame = 0; frame <= 60 * 30; ++frame) {
        const std::int64_t t = frame * 1000 / 60;
        const auto a = s.at(t);
        if (shown.empty() || shown.back() != a->index) {
            shown.push_back(a->index);
            changedAt.push_back(t);
            if (shown.size() > 1) CHECK(t >= announced); // never early
        }
        CHECK(a->nextChangeMs > t);
        announced = a->nextChangeMs;
    }
    CHECK(shown == std::vector<std::size_t>{0, 1, 2, 0, 1, 2, 0, 1});
    // Each change falls on the first frame at or after the boundary (3, 8, 12, 15, 20, 24, 27 s).
    const std::vector<std::int64_t> boundaries{3000, 8000, 12'000, 15'000, 20'000, 24'000, 27'000};
    for (std::size_t i = 1; i < changedAt.size(); ++i) {
        CHECK(changedAt[i] >= boundaries[i - 1]);
        CHECK(changedAt[i] - boundaries[i - 1] < 17);
    }
}

// [SECTION] local time

TEST_CASE("local time from unix seconds and an offset, without TZ") {
    const LocalTime t = localTimeAt(kNow, kOffset);
    CHECK(t.year == 2026);
    CHECK(t.month == 11);
    CHECK(t.day == 19);
    CHECK(t.weekday == 3); // Thursday, Monday = 0
    CHECK(t.minuteOfDay == 600);
    CHECK(t.second == 0);
    CHECK(t.nextMidnightUnix() == kNow + 14 * 3600);
    // 23:30 UTC is already the next day in Toruń in summer (+02:00).
    const LocalTime summer = localTimeAt(1782430200, 7200); // 2026-06-25T23:30:00Z
    CHECK(summer.day == 26);
    CHECK(summer.weekday == 4); // Friday
    CHECK(summer.minuteOfDay == 90);
    CHECK(localTimeAt(kNow + 3 * 86400, kOffset).weekday == 6); // Sunday
    CHECK(localTimeAt(kNow + 4 * 86400, kOffset).weekday == 0); // Monday
}

TEST_CASE("the clock's time and date in words, per language") {
    using kiosk::i18n::formatLongDate;
    using kiosk::i18n::formatTimeOfDay;
    CHECK(formatTimeOfDay(cache::Lang::Pl, 7 * 60 + 5) == "07:05");
    CHECK(formatTimeOfDay(cache::Lang::En, 23 * 60 + 59) == "23:59");
    const LocalTime t = localTimeAt(kNow, kOffset);
    CHECK(formatLongDate(cache::Lang::Pl, t.year, t.month, t.day, t.weekday) ==
          "czwartek, 19 listopada 2026");
    CHECK(formatLongDate(cache::Lang::En, t.year, t.month, t.day, t.weekday) ==
          "Thursday, 19 November 2026");
    CHECK(formatLongDate(cache::Lang::Uk, t.year, t.month, t.day, t.weekday) ==
          "четвер, 19 листопада 2026");
    CHECK(formatLongDate(cache::Lang::Pl, 2027, 1, 1, 4) == "piątek, 1 stycznia 2027");
}

// [SECTION] display hours

TEST_CASE("display hours: dark before opening, lit from the opening minute, dark from the closing "
          "minute") {
    const auto s = officeHours();
    DisplayState d = displayStateAt(s, at(0, 6, 59, 30));
    CHECK_FALSE(d.lit);
    CHECK(d.nextEdgeUnix == unixAt(0, 7, 0)); // 30 s away
    d = displayStateAt(s, at(0, 7, 0));
    CHECK(d.lit);
    CHECK(d.nextEdgeUnix == unixAt(0, 20, 0));
    d = displayStateAt(s, at(0, 19, 59, 59));
    CHECK(d.lit);
    CHECK(*d.nextEdgeUnix - at(0, 19, 59, 59).unix == 1); // one second away
    d = displayStateAt(s, at(0, 20, 0));
    CHECK_FALSE(d.lit);
    CHECK(d.nextEdgeUnix == unixAt(1, 7, 0)); // across midnight: Friday 07:00
}

TEST_CASE("display hours: a weekday's own hours and a day off, the next edge days ahead") {
    const auto s = officeHours();
    DisplayState d = displayStateAt(s, at(2, 8, 0)); // Saturday 08:00: opens at 09:00 on Saturdays
    CHECK_FALSE(d.lit);
    CHECK(d.nextEdgeUnix == unixAt(2, 9, 0));
    d = displayStateAt(s, at(2, 13, 59));
    CHECK(d.lit);
    CHECK(d.nextEdgeUnix == unixAt(2, 14, 0));
    d = displayStateAt(s, at(2, 14, 0)); // Saturday closing: Sunday is off, Monday opens at 07:00
    CHECK_FALSE(d.lit);
    CHECK(d.nextEdgeUnix == unixAt(4, 7, 0));
    d = displayStateAt(s, at(3, 12, 0)); // Sunday noon
    CHECK_FALSE(d.lit);
    CHECK(d.nextEdgeUnix == unixAt(4, 7, 0));
}

TEST_CASE(
    "display hours: the week wraps, 24:00 runs into the next day, constant hours have no edge") {
    // Only Mondays, all day.
    KioskConfig::Signage mondays;
    mondays.hours = DailyHours{true, 0, 0};
    mondays.weekdayHours[0] = DailyHours{false, 0, 24 * 60};
    DisplayState d = displayStateAt(mondays, at(5, 10, 0)); // Tuesday 10:00
    CHECK_FALSE(d.lit);
    CHECK(d.nextEdgeUnix == unixAt(11, 0, 0));  // next Monday 00:00, across the week's end
    d = displayStateAt(mondays, at(4, 23, 59)); // Monday 23:59
    CHECK(d.lit);
    CHECK(d.nextEdgeUnix == unixAt(5, 0, 0)); // "24:00" is Tuesday 00:00
    d = displayStateAt(mondays, at(4, 0, 0));
    CHECK(d.lit);
    // Only Mondays 07:00–20:00: after Monday's closing, the next edge is a week later.
    KioskConfig::Signage mondayDaytime = mondays;
    mondayDaytime.weekdayHours[0] = DailyHours{false, 7 * 60, 20 * 60};
    d = displayStateAt(mondayDaytime, at(4, 21, 0));
    CHECK_FALSE(d.lit);
    CHECK(d.nextEdgeUnix == unixAt(11, 7, 0));

    // Friday until 24:00, Saturday from 00:00: no edge at midnight.
    KioskConfig::Signage lateFriday = officeHours();
    lateFriday.weekdayHours[4] = DailyHours{false, 7 * 60, 24 * 60};
    lateFriday.weekdayHours[5] = DailyHours{false, 0, 14 * 60};
    d = displayStateAt(lateFriday, at(1, 23, 0));
    CHECK(d.lit);
    CHECK(d.nextEdgeUnix == unixAt(2, 14, 0));

    KioskConfig::Signage always;
    always.hours = DailyHours{false, 0, 24 * 60};
    d = displayStateAt(always, at(0, 3, 0));
    CHECK(d.lit);
    CHECK_FALSE(d.nextEdgeUnix.has_value());
    KioskConfig::Signage never;
    never.hours = DailyHours{true, 0, 0};
    d = displayStateAt(never, at(0, 12, 0));
    CHECK_FALSE(d.lit);
    CHECK_FALSE(d.nextEdgeUnix.has_value());
}

// [SECTION] wake-up

TEST_CASE(
    "the loop sleeps until the next slide, the next minute, the next edge or the deck's expiry") {
    const SlideSchedule s({3000, 5000, 4000}, 0);
    WakeInputs in;
    in.monoMs = 500;
    in.unixMs = unixAt(0, 10, 0, 30) * 1000; // 10:00:30
    in.slide = s.at(in.monoMs);
    in.display = DisplayState{true, unixAt(0, 20, 0)};
    in.deckValidUntilUnix = unixAt(0, 11, 0);
    CHECK(msUntilNextChange(in) == 2500); // slide 1 at 3 s

    in.monoMs = 3000;
    in.slide = s.at(in.monoMs);
    in.unixMs = unixAt(0, 10, 0, 57) * 1000 + 500;
    CHECK(msUntilNextChange(in) == 2500); // the clock's minute (10:01) before slide 2 at 8 s

    in.unixMs = unixAt(0, 10, 0, 30) * 1000;
    in.deckValidUntilUnix = unixAt(0, 10, 0, 32); // e.g. a deadline passes: rebuild and redraw
    CHECK(msUntilNextChange(in) == 2000);

    // Dark: slides and the clock do not matter, the edge does (checked at least once a minute).
    in.display = DisplayState{false, unixAt(0, 11, 0, 20)};
    in.unixMs = unixAt(0, 11, 0, 0) * 1000;
    CHECK(msUntilNextChange(in) == 20'000);
    in.display = DisplayState{false, unixAt(1, 7, 0)};
    CHECK(msUntilNextChange(in) == kMaxWallClockWaitMs);
    // An edge already passed: wake now.
    in.display = DisplayState{false, unixAt(0, 10, 0)};
    CHECK(msUntilNextChange(in) == 0);
    // No slides (an empty deck): the clock still ticks.
    in.display = DisplayState{true, std::nullopt};
    in.slide.reset();
    in.deckValidUntilUnix.reset();
    in.unixMs = unixAt(0, 11, 0, 15) * 1000;
    CHECK(msUntilNextChange(in) == 45'000);
}
