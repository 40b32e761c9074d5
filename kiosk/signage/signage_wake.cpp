#include "signage_wake.hpp"

#include <algorithm>

namespace kiosk::signage {

std::int64_t msUntilNextChange(const WakeInputs& in) {
    std::int64_t wait = kMaxWallClockWaitMs;
    const auto wallDeadline = [&](std::optional<std::int64_t> unixSeconds) {
        if (unixSeconds) wait = std::min(wait, *unixSeconds * 1000 - in.unixMs);
    };
    wallDeadline(in.display.nextEdgeUnix);
    if (in.display.lit) {
        // The clock shows hours and minutes: it changes at the next whole minute.
        const std::int64_t intoMinute = ((in.unixMs % 60'000) + 60'000) % 60'000;
        wait = std::min(wait, 60'000 - intoMinute);
        wallDeadline(in.deckValidUntilUnix);
        if (in.slide) wait = std::min(wait, in.slide->nextChangeMs - in.monoMs);
    }
    return std::max<std::int64_t>(wait, 0);
}

} // namespace kiosk::signage
