#include "display_hours.hpp"

#include <initializer_list>

namespace kiosk::signage {
namespace {

constexpr int kMinutesPerDay = 24 * 60;

} // namespace

bool litAt(const app::KioskConfig::Signage& s, int weekday, int minuteOfDay) {
    const int days = minuteOfDay / kMinutesPerDay;
    const int minute = minuteOfDay % kMinutesPerDay;
    const app::DailyHours h = s.hoursOn(((weekday + days) % 7 + 7) % 7);
    return !h.closed && minute >= h.onMinute && minute < h.offMinute;
}

DisplayState displayStateAt(const app::KioskConfig::Signage& s, const LocalTime& now) {
    DisplayState out;
    out.lit = litAt(s, now.weekday, now.minuteOfDay);
    // The state can only change at some day's "on" or "off" minute. Eight
    // days of them cover "the same weekday next week" from any minute; a
    // boundary where nothing changes (Monday off at 24:00, Tuesday on at
    // 00:00) is skipped because the state on both sides is the same.
    std::optional<int> edge;
    for (int d = 0; d <= 7 && !edge; ++d) {
        const app::DailyHours h = s.hoursOn((now.weekday + d) % 7);
        if (h.closed) continue;
        for (int boundary : {h.onMinute, h.offMinute}) {
            const int at = d * kMinutesPerDay + boundary;
            if (at <= now.minuteOfDay) continue;
            if (litAt(s, now.weekday, at) == out.lit) continue;
            if (!edge || at < *edge) edge = at;
        }
    }
    if (edge) out.nextEdgeUnix = now.unix - now.second + std::int64_t(*edge - now.minuteOfDay) * 60;
    return out;
}

} // namespace kiosk::signage
