#include "local_time.hpp"

#include "cache/datetime.hpp"

#include <ctime>

namespace kiosk::signage {
namespace {

// Floor division: days before 1970 stay on the right side of midnight.
std::int64_t floorDiv(std::int64_t a, std::int64_t b) {
    return a / b - ((a % b != 0) && ((a < 0) != (b < 0)));
}

} // namespace

std::int64_t LocalTime::dayNumber() const {
    return cache::daysFromCivil(year, static_cast<unsigned>(month), static_cast<unsigned>(day));
}

std::int64_t LocalTime::nextMidnightUnix() const {
    return (dayNumber() + 1) * 86400 - utcOffsetSeconds;
}

LocalTime localTimeAt(std::int64_t unix, int utcOffsetSeconds) {
    const std::int64_t local = unix + utcOffsetSeconds;
    const std::int64_t days = floorDiv(local, 86400);
    const std::int64_t secondOfDay = local - days * 86400;
    const cache::CivilDate d = cache::civilFromDays(days);
    LocalTime t;
    t.unix = unix;
    t.utcOffsetSeconds = utcOffsetSeconds;
    t.year = d.year;
    t.month = static_cast<int>(d.month);
    t.day = static_cast<int>(d.day);
    // Day 0 was a Thursday (3 with Monday = 0).
    t.weekday = static_cast<int>(((days % 7) + 7 + 3) % 7);
    t.minuteOfDay = static_cast<int>(secondOfDay / 60);
    t.second = static_cast<int>(secondOfDay % 60);
    return t;
}

LocalTime localTimeOf(std::int64_t unix) {
    const std::time_t tt = static_cast<std::time_t>(unix);
    std::tm tm{};
    if (!localtime_r(&tt, &tm)) return localTimeAt(unix, 0);
    // tm_gmtoff is the offset in force at that instant (DST included); the
    // pure function then derives every field the same way as in tests.
    return localTimeAt(unix, static_cast<int>(tm.tm_gmtoff));
}

} // namespace kiosk::signage
