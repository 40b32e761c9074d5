#pragma once
// Folding for search: lowercase and strip diacritics so that "lodz" finds
// "Łódź" and "spoldzielnia" finds "Spółdzielnia". SQLite's unicode61
// tokenizer does not fold ł (U+0142 has no decomposition), so the
// application folds, and it must fold index text and queries identically:
// both go through foldForSearch().
#include <string>
#include <string_view>

namespace cache {

std::string foldForSearch(std::string_view utf8);

// A sort key giving Polish alphabetical order (a < ą < b < c < ć ... ł after
// l, ź and ż after z), case-insensitive; other scripts sort after Latin by
// code point. Compare keys with plain std::string comparison.
std::string polishSortKey(std::string_view utf8);

// Decodes one UTF-8 code point at `pos`, advancing it; invalid bytes yield
// U+FFFD and advance by one.
char32_t decodeUtf8(std::string_view s, std::size_t& pos);
void appendUtf8(std::string& out, char32_t cp);

} // namespace cache
