#include "glyph_coverage.hpp"

#include <algorithm>
#include <cstdio>

#include "text_fold.hpp"

namespace cache {

bool kioskCanShow(char32_t cp) {
    if (cp == '\n' || cp == '\t') return true;
    return std::any_of(kKioskGlyphCoverage.begin(), kKioskGlyphCoverage.end(),
                       [cp](const CodePointRange& r) { return cp >= r.first && cp <= r.last; });
}

std::vector<char32_t> codePointsKioskCannotShow(std::string_view text) {
    std::vector<char32_t> out;
    std::size_t pos = 0;
    while (pos < text.size()) {
        const char32_t cp = decodeUtf8(text, pos);
        if (!kioskCanShow(cp) && std::find(out.begin(), out.end(), cp) == out.end()) out.push_back(cp);
    }
    return out;
}

std::string codePointName(char32_t cp) {
    char buf[16];
    std::snprintf(buf, sizeof buf, "U+%04X", static_cast<unsigned>(cp));
    return buf;
}

} // namespace cache
