#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace demo {

struct Date {
    int year = 1970;
    int month = 1;
    int day = 1;
};

// Days since 1970-01-01 in the proleptic Gregorian calendar.
std::int64_t daysFromCivil(const Date& date);
Date civilFromDays(std::int64_t days);
Date addDays(const Date& date, std::int64_t days);
// 0 = Monday … 6 = Sunday.
int weekday(const Date& date);
bool isRealDate(const Date& date);

std::optional<Date> parseDate(std::string_view text);
std::string formatDate(const Date& date);
// Polish long form used in running text: "5 października 2026 r."
std::string formatDatePolish(const Date& date);

// Europe/Warsaw: CET (+01:00), CEST (+02:00) from the last Sunday of March
// 02:00 local to the last Sunday of October 03:00 local (EU rule since 1996).
int warsawOffsetMinutes(const Date& date, int hour);
// RFC 3339 local time with the Warsaw offset: 2026-11-01T10:00:00+01:00
std::string formatWarsaw(const Date& date, int hour, int minute);

} // namespace demo
