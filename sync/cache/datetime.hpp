#pragma once
// Dates and times as the feed carries them: RFC 3339 with an explicit offset
// (Europe/Warsaw is +01:00 or +02:00) and plain calendar dates.
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "result.hpp"

namespace cache {

// "2024-05-01T10:00+02:00" -> "2024-05-01T10:00:00+02:00"; "Z" -> "+00:00".
Result<std::string> normaliseDateTime(std::string_view text);
// "2024-02-29" (checked against the calendar).
Result<std::string> normaliseDate(std::string_view text);

// Seconds since 1970-01-01T00:00:00Z of a normalised datetime, or of a
// normalised date taken as its local midnight at `offsetMinutes`.
std::optional<std::int64_t> unixSecondsOfDateTime(std::string_view normalised);
std::optional<std::int64_t> unixSecondsOfDate(std::string_view normalised, int offsetMinutes);

// Unix seconds -> "YYYY-MM-DDTHH:MM:SS+00:00" (normalised form, UTC).
std::string formatUtc(std::int64_t unixSeconds);

// Civil date <-> days since 1970-01-01 (proleptic Gregorian).
std::int64_t daysFromCivil(int year, unsigned month, unsigned day);
struct CivilDate {
    int year;
    unsigned month;
    unsigned day;
};
CivilDate civilFromDays(std::int64_t days);

} // namespace cache
