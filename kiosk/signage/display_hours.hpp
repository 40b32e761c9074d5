#pragma once
// Display hours: when the signage screen is lit, and when that next changes.
// The hours come from [signage] (every-day hours, per-weekday overrides,
// "off" days, "24:00" closing); the time is a LocalTime, so tests need no TZ.
#include "app/kiosk_config.hpp"
#include "local_time.hpp"

#include <cstdint>
#include <optional>

namespace kiosk::signage {

struct DisplayState {
    bool lit = true;
    // The unix time of the next lit <-> dark change; none when the hours
    // never change (on all day every day, or off every day).
    std::optional<std::int64_t> nextEdgeUnix;
};

// Lit at this minute of this weekday (Monday = 0)? Minutes of 1440 and more
// count into the following days, so callers can walk across midnight.
bool litAt(const app::KioskConfig::Signage& s, int weekday, int minuteOfDay);

// The state now and the next edge. Edges are found in local wall-clock
// minutes and turned into unix time with the current offset, so across a
// daylight-saving change the edge is an hour off; a loop that sleeps until
// the edge should also wake at least once a minute (signage_wake.hpp does),
// which also catches the clock being set (NTP after boot).
DisplayState displayStateAt(const app::KioskConfig::Signage& s, const LocalTime& now);

} // namespace kiosk::signage
