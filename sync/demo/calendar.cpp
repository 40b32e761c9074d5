#include "calendar.hpp"

#include <array>
#include <cstdio>

namespace demo {

namespace {

constexpr std::array<std::string_view, 12> kMonthGenitive = {
    "stycznia", "lutego",   "marca",    "kwietnia",     "maja",      "czerwca",
    "lipca",    "sierpnia", "września", "października", "listopada", "grudnia"};

bool isLeap(int year) {
    return (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
}

int daysInMonth(int year, int month) {
    static constexpr std::array<int, 12> kDays = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    return month == 2 && isLeap(year) ? 29 : kDays[static_cast<std::size_t>(month - 1)];
}

Date lastSunday(int year, int month) {
    Date d{year, month, daysInMonth(year, month)};
    return addDays(d, -((weekday(d) + 1) % 7));
}

int compareDates(const Date& a, const Date& b) {
    const auto da = daysFromCivil(a);
    const auto db = daysFromCivil(b);
    return da < db ? -1 : (da > db ? 1 : 0);
}

} // namespace

// Howard Hinnant's algorithms: exact integer arithmetic, no time zone database.
std::int64_t daysFromCivil(const Date& date) {
    const std::int64_t y = date.year - (date.month <= 2 ? 1 : 0);
    const std::int64_t era = (y >= 0 ? y : y - 399) / 400;
    const std::int64_t yoe = y - era * 400;
    const std::int64_t mp = (date.month + 9) % 12;
    const std::int64_t doy = (153 * mp + 2) / 5 + date.day - 1;
    const std::int64_t doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    return era * 146097 + doe - 719468;
}

Date civilFromDays(std::int64_t days) {
    const std::int64_t z = days + 719468;
    const std::int64_t era = (z >= 0 ? z : z - 146096) / 146097;
    const std::int64_t doe = z - era * 146097;
    const std::int64_t yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
    const std::int64_t doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    const std::int64_t mp = (5 * doy + 2) / 153;
    const auto day = static_cast<int>(doy - (153 * mp + 2) / 5 + 1);
    const auto month = static_cast<int>(mp < 10 ? mp + 3 : mp - 9);
    const auto year = static_cast<int>(yoe + era * 400 + (month <= 2 ? 1 : 0));
    return Date{year, month, day};
}

Date addDays(const Date& date, std::int64_t days) {
    return civilFromDays(daysFromCivil(date) + days);
}

int weekday(const Date& date) {
    // 1970-01-01 was a Thursday (index 3 with Monday = 0).
    const std::int64_t d = daysFromCivil(date);
    return static_cast<int>(((d % 7) + 7 + 3) % 7);
}

bool isRealDate(const Date& date) {
    return date.month >= 1 && date.month <= 12 && date.day >= 1 &&
           date.day <= daysInMonth(date.year, date.month) && date.year >= 1900 && date.year <= 9999;
}

std::optional<Date> parseDate(std::string_view text) {
    if (text.size() != 10 || text[4] != '-' || text[7] != '-') {
        return std::nullopt;
    }
    auto number = [&](std::size_t from, std::size_t count) -> std::optional<int> {
        int value = 0;
        for (std::size_t i = from; i < from + count; ++i) {
            if (text[i] < '0' || text[i] > '9') {
                return std::nullopt;
            }
            value = value * 10 + (text[i] - '0');
        }
        return value;
    };
    const auto y = number(0, 4);
    const auto m = number(5, 2);
    const auto d = number(8, 2);
    if (!y || !m || !d) {
        return std::nullopt;
    }
    const Date date{*y, *m, *d};
    if (!isRealDate(date)) {
        return std::nullopt;
    }
    return date;
}

std::string formatDate(const Date& date) {
    char buf[64];
    std::snprintf(buf, sizeof buf, "%04d-%02d-%02d", date.year, date.month, date.day);
    return buf;
}

std::string formatDatePolish(const Date& date) {
    return std::to_string(date.day) + " " +
           std::string(kMonthGenitive[static_cast<std::size_t>(date.month - 1)]) + " " +
           std::to_string(date.year) + " r.";
}

int warsawOffsetMinutes(const Date& date, int hour) {
    const Date start = lastSunday(date.year, 3);
    const Date end = lastSunday(date.year, 10);
    const int afterStart = compareDates(date, start);
    const int beforeEnd = compareDates(date, end);
    bool summer = afterStart > 0 && beforeEnd < 0;
    if (afterStart == 0) {
        summer = hour >= 2; // 02:00–03:00 does not exist; treat as already summer
    } else if (beforeEnd == 0) {
        summer = hour < 2; // 02:00–03:00 repeats; take the later (winter) one
    }
    return summer ? 120 : 60;
}

std::string formatWarsaw(const Date& date, int hour, int minute) {
    const int offset = warsawOffsetMinutes(date, hour);
    char buf[80];
    std::snprintf(buf, sizeof buf, "%04d-%02d-%02dT%02d:%02d:00+%02d:%02d", date.year, date.month,
                  date.day, hour, minute, offset / 60, offset % 60);
    return buf;
}

} // namespace demo
