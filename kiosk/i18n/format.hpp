#pragma once
// Dates, numbers and prices in the visitor's language's conventions.
#include <cstdint>
#include <string>
#include <string_view>

#include "cache/value.hpp"

namespace kiosk::i18n {

using cache::Lang;

// 1234567.5 -> "1 234 567,50" (pl, uk: narrow no-break space, comma) or
// "1,234,567.50" (en). decimals = -1: as few as needed (up to 2).
std::string formatNumber(Lang lang, double value, int decimals = -1);
// Prices stay in złoty in every language: "1 200 zł" / "PLN 1,200" / "1 200 зл".
std::string formatPrice(Lang lang, double pln);
// Normalised RFC 3339 "2026-11-21T10:00:00+01:00" -> "21.11.2026, 10:00"
// (pl, uk) / "21 Nov 2026, 10:00" (en). Shown in the record's own offset,
// which is Toruń's local time.
std::string formatDateTime(Lang lang, std::string_view rfc3339);
// "2026-11-21" -> "21.11.2026" / "21 Nov 2026".
std::string formatDate(Lang lang, std::string_view isoDate);
// A time of day from minutes after midnight: "7:05" -> "07:05" in every
// language (24-hour clock, as Polish, British and Ukrainian signs use).
std::string formatTimeOfDay(Lang lang, int minuteOfDay);
// The date in words for a clock: "czwartek, 19 listopada 2026" /
// "Thursday, 19 November 2026" / "четвер, 19 листопада 2026".
// weekday: Monday = 0 … Sunday = 6.
std::string formatLongDate(Lang lang, int year, int month, int day, int weekday);

} // namespace kiosk::i18n
