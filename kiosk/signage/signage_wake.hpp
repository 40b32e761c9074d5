#pragma once
// When the signage screen next looks different, so the frame loop can sleep
// until then instead of drawing frames nobody would tell apart: the next
// slide, the clock's next minute, the next display-hours edge, or the deck
// going out of date. Two time bases meet here: slides run on the loop's
// monotonic milliseconds, everything else on the wall clock.
#include "display_hours.hpp"
#include "slide_schedule.hpp"

#include <cstdint>
#include <optional>

namespace kiosk::signage {

// Wall-clock deadlines are re-checked at least this often: the clock may be
// set (NTP after a boot without a real-time clock) or cross a daylight-saving
// change, either of which moves a wall-clock edge.
inline constexpr std::int64_t kMaxWallClockWaitMs = 60'000;

struct WakeInputs {
    std::int64_t monoMs = 0; // the schedule's time base, now
    // The wall clock, now. Whole seconds * 1000 will do; the clock's minute
    // then changes up to 1 s late.
    std::int64_t unixMs = 0;
    std::optional<SlideAt> slide; // from SlideSchedule::at(monoMs); none without slides
    DisplayState display;         // from displayStateAt(); dark: only the edge matters
    std::optional<std::int64_t> deckValidUntilUnix; // Deck::validUntilUnix; none = never
};

// Milliseconds from now until the next visible change, at least 0.
std::int64_t msUntilNextChange(const WakeInputs& in);

} // namespace kiosk::signage
