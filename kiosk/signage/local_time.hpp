#pragma once
// Local wall-clock time as signage needs it: the weekday and minute of day
// for display hours, the date for the clock and for "days left". Built from
// unix seconds and a UTC offset, so tests name the offset and need no TZ;
// localTimeOf() asks the system (localtime_r) on a terminal.
#include <cstdint>

namespace kiosk::signage {

struct LocalTime {
    std::int64_t unix = 0;    // the instant
    int utcOffsetSeconds = 0; // local = UTC + offset (Europe/Warsaw: 3600 or 7200)
    int year = 1970, month = 1, day = 1;
    int weekday = 3;     // Monday = 0 … Sunday = 6 (1970-01-01 was a Thursday)
    int minuteOfDay = 0; // 0 … 1439
    int second = 0;      // 0 … 59

    // Days since 1970-01-01 of the local date: consecutive for consecutive days.
    std::int64_t dayNumber() const;
    // The unix time of the next local midnight (assuming no offset change before it).
    std::int64_t nextMidnightUnix() const;
};

// Pure: the local time at `unix` for a fixed offset.
LocalTime localTimeAt(std::int64_t unix, int utcOffsetSeconds);
// The system's local time zone (TZ, /etc/localtime), through localtime_r.
LocalTime localTimeOf(std::int64_t unix);

} // namespace kiosk::signage
