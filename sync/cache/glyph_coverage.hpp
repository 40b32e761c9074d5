#pragma once
// The characters the kiosk can draw: the one list of code point ranges that
// the kiosk's font atlas is built from (kiosk/platform/fonts.cpp) and that
// pestor-feed checks record text against (it warns about anything else), so
// the two cannot disagree. Every code point listed is in assets/fonts'
// Noto Sans (Regular and Bold have the same character set); a test checks it.
//
// What is not listed is drawn as U+FFFD (ImGui's fallback glyph, listed
// here so the atlas has it): emoji, Hebrew and Arabic among others. ImGui
// 1.86 has no shaping or bidi, so right-to-left scripts would come out in
// the wrong order and Arabic letters unjoined even with a font for them.
#include <array>
#include <string>
#include <string_view>
#include <vector>

namespace cache {

struct CodePointRange {
    char32_t first;
    char32_t last; // inclusive
};

inline constexpr std::array kKioskGlyphCoverage{
    CodePointRange{0x0020, 0x007E}, // Basic Latin (printable)
    CodePointRange{0x00A0, 0x00FF}, // Latin-1 Supplement (no C1 controls)
    CodePointRange{0x0100, 0x017F}, // Latin Extended-A (Polish and more)
    CodePointRange{0x02B0, 0x02FF}, // Spacing Modifier Letters (Ukrainian apostrophe U+02BC)
    CodePointRange{0x0300, 0x036F}, // Combining Diacritical Marks (e + U+0301); stacked, not shaped
    CodePointRange{0x0400, 0x04FF}, // Cyrillic (Ukrainian Є І Ї Ґ, Russian, Belarusian)
    CodePointRange{0x2000, 0x2064}, // General Punctuation (dashes, quotes, ellipsis, bullet, ZWJ)
    CodePointRange{0x2066, 0x206F}, //   (U+2065 is unassigned)
    CodePointRange{0x20AC, 0x20AC}, // euro sign
    CodePointRange{0x2116, 0x2116}, // numero sign
    CodePointRange{0xFFFD, 0xFFFD}, // replacement character: what everything else is drawn as
};

// The glyph drawn for a character outside the coverage.
inline constexpr char32_t kKioskFallbackGlyph = 0xFFFD;

// Whether the kiosk's fonts draw `cp`. Line feed and tab are layout, not
// glyphs, and count as shown.
bool kioskCanShow(char32_t cp);

// The distinct code points of UTF-8 `text` the kiosk cannot show, in order
// of first appearance.
std::vector<char32_t> codePointsKioskCannotShow(std::string_view text);

// "U+1F600" style.
std::string codePointName(char32_t cp);

} // namespace cache
