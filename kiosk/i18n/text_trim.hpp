#pragma once
// Whitespace trimming for the catalog reader and the Plural-Forms parser.
#include <cctype>
#include <string_view>

namespace kiosk::i18n {

inline std::string_view trim(std::string_view s) {
    while (!s.empty() && std::isspace(static_cast<unsigned char>(s.front()))) s.remove_prefix(1);
    while (!s.empty() && std::isspace(static_cast<unsigned char>(s.back()))) s.remove_suffix(1);
    return s;
}

} // namespace kiosk::i18n
