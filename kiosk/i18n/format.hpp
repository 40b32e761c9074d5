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

} // namespace kiosk::i18n
