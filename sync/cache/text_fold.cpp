#include "text_fold.hpp"

#include <array>

namespace cache {

char32_t decodeUtf8(std::string_view s, std::size_t& pos) {
    const auto b0 = static_cast<unsigned char>(s[pos]);
    auto cont = [&](std::size_t i) -> int {
        if (pos + i >= s.size()) return -1;
        const auto b = static_cast<unsigned char>(s[pos + i]);
        return (b & 0xC0) == 0x80 ? (b & 0x3F) : -1;
    };
    if (b0 < 0x80) { ++pos; return b0; }
    if ((b0 & 0xE0) == 0xC0) {
        const int c1 = cont(1);
        if (c1 >= 0 && b0 >= 0xC2) { pos += 2; return (char32_t(b0 & 0x1F) << 6) | c1; }
    } else if ((b0 & 0xF0) == 0xE0) {
        const int c1 = cont(1), c2 = cont(2);
        if (c1 >= 0 && c2 >= 0) {
            const char32_t cp = (char32_t(b0 & 0x0F) << 12) | (c1 << 6) | c2;
            if (cp >= 0x800 && (cp < 0xD800 || cp > 0xDFFF)) { pos += 3; return cp; }
        }
    } else if ((b0 & 0xF8) == 0xF0) {
        const int c1 = cont(1), c2 = cont(2), c3 = cont(3);
        if (c1 >= 0 && c2 >= 0 && c3 >= 0) {
            const char32_t cp = (char32_t(b0 & 0x07) << 18) | (c1 << 12) | (c2 << 6) | c3;
            if (cp >= 0x10000 && cp <= 0x10FFFF) { pos += 4; return cp; }
        }
    }
    ++pos;
    return 0xFFFD;
}

void appendUtf8(std::string& out, char32_t cp) {
    if (cp < 0x80) {
        out.push_back(static_cast<char>(cp));
    } else if (cp < 0x800) {
        out.push_back(static_cast<char>(0xC0 | (cp >> 6)));
        out.push_back(static_cast<char>(0x80 | (cp & 0x3F)));
    } else if (cp < 0x10000) {
        out.push_back(static_cast<char>(0xE0 | (cp >> 12)));
        out.push_back(static_cast<char>(0x80 | ((cp >> 6) & 0x3F)));
        out.push_back(static_cast<char>(0x80 | (cp & 0x3F)));
    } else {
        out.push_back(static_cast<char>(0xF0 | (cp >> 18)));
        out.push_back(static_cast<char>(0x80 | ((cp >> 12) & 0x3F)));
        out.push_back(static_cast<char>(0x80 | ((cp >> 6) & 0x3F)));
        out.push_back(static_cast<char>(0x80 | (cp & 0x3F)));
    }
}

namespace {

// Latin-1 Supplement 0xC0..0xFF folded to ASCII (0 = keep as is).
constexpr std::array<char, 64> kLatin1Fold{
    'a', 'a', 'a', 'a', 'a', 'a', 0,   'c', 'e', 'e', 'e', 'e', 'i', 'i', 'i', 'i', // C0
    'd', 'n', 'o', 'o', 'o', 'o', 'o', 0,   'o', 'u', 'u', 'u', 'u', 'y', 0,   0,   // D0
    'a', 'a', 'a', 'a', 'a', 'a', 0,   'c', 'e', 'e', 'e', 'e', 'i', 'i', 'i', 'i', // E0
    'd', 'n', 'o', 'o', 'o', 'o', 'o', 0,   'o', 'u', 'u', 'u', 'u', 'y', 0,   'y', // F0
};

// Latin Extended-A 0x100..0x17F folded to ASCII, indexed by cp - 0x100.
constexpr char kLatinExtAFold[] =
    "aaaaaaccccccccdd"  // 100-10F: Ā ā Ă ă Ą ą Ć ć Ĉ ĉ Ċ ċ Č č Ď ď
    "ddeeeeeeeeeegggg"  // 110-11F
    "gggghhhhiiiiiiii"  // 120-12F
    "ii\0\0jjkkklllllll"  // 130-13F: İ ı Ĳ ĳ Ĵ ĵ Ķ ķ ĸ Ĺ ĺ Ļ ļ Ľ ľ Ŀ
    "lllnnnnnnnnnoooo"  // 140-14F: ŀ Ł ł Ń ń Ņ ņ Ň ň ŉ Ŋ ŋ Ō ō Ŏ ŏ
    "oo\0\0rrrrrrssssss"  // 150-15F: Ő ő Œ œ Ŕ ŕ Ŗ ŗ Ř ř Ś ś Ŝ ŝ Ş ş
    "ssttttttuuuuuuuu"  // 160-16F
    "uuuuwwyyyzzzzzzz"; // 170-17F: Ű ű Ų ų Ŵ ŵ Ŷ ŷ Ÿ Ź ź Ż ż Ž ž ſ(->z, harmless)
static_assert(sizeof(kLatinExtAFold) == 0x80 + 1);

char32_t lowerCyrillic(char32_t cp) {
    if (cp >= 0x0410 && cp <= 0x042F) return cp + 0x20;
    if (cp >= 0x0400 && cp <= 0x040F) return cp + 0x50;
    if (cp == 0x0490) return 0x0491; // Ґ
    return cp;
}

// Returns the folded ASCII letter, or 0 when cp is not a foldable Latin letter.
char foldLatin(char32_t cp) {
    if (cp < 0x80) {
        if (cp >= 'A' && cp <= 'Z') return static_cast<char>(cp - 'A' + 'a');
        return static_cast<char>(cp);
    }
    if (cp >= 0xC0 && cp <= 0xFF) return kLatin1Fold[cp - 0xC0];
    if (cp >= 0x100 && cp <= 0x17F) return kLatinExtAFold[cp - 0x100];
    return 0;
}

} // namespace

std::string foldForSearch(std::string_view utf8) {
    std::string out;
    out.reserve(utf8.size());
    std::size_t pos = 0;
    while (pos < utf8.size()) {
        const char32_t cp = decodeUtf8(utf8, pos);
        if (cp == 0x00DF) { out += "ss"; continue; }
        if (const char c = foldLatin(cp); c != 0) { out.push_back(c); continue; }
        // Typographic quotes and dashes fold to their ASCII twins so that a
        // query typed on the plain keyboard matches „JESTEM” or "Szosa–".
        if (cp == 0x201E || cp == 0x201C || cp == 0x201D || cp == 0x00AB || cp == 0x00BB) {
            out.push_back('"');
            continue;
        }
        if (cp == 0x2013 || cp == 0x2014) { out.push_back('-'); continue; }
        appendUtf8(out, lowerCyrillic(cp));
    }
    return out;
}

namespace {

// Polish alphabet order for letters with diacritics: base letter weight*2+1
// puts ą right after a and before b.
std::string_view polishWeight(char32_t cp, char buf[3]) {
    switch (cp) {
    case 0x0104: case 0x0105: buf[0] = 'a'; buf[1] = '~'; return {buf, 2};
    case 0x0106: case 0x0107: buf[0] = 'c'; buf[1] = '~'; return {buf, 2};
    case 0x0118: case 0x0119: buf[0] = 'e'; buf[1] = '~'; return {buf, 2};
    case 0x0141: case 0x0142: buf[0] = 'l'; buf[1] = '~'; return {buf, 2};
    case 0x0143: case 0x0144: buf[0] = 'n'; buf[1] = '~'; return {buf, 2};
    case 0x00D3: case 0x00F3: buf[0] = 'o'; buf[1] = '~'; return {buf, 2};
    case 0x015A: case 0x015B: buf[0] = 's'; buf[1] = '~'; return {buf, 2};
    case 0x0179: case 0x017A: buf[0] = 'z'; buf[1] = '~'; return {buf, 2};
    case 0x017B: case 0x017C: buf[0] = 'z'; buf[1] = '~'; buf[2] = '~'; return {buf, 3};
    default: return {};
    }
}

} // namespace

std::string polishSortKey(std::string_view utf8) {
    // Each letter becomes its base letter plus '~' markers; '~' (0x7E) sorts
    // after every letter, so "la" < "lz" < "l~a" (ła): ł after all of l...
    // To keep "la" < "ła" < "lb" instead would be wrong for Polish, where ł is
    // a letter of its own after l. Non-letters (spaces, punctuation) map to
    // a space so "Fundacja ALMA" and "Fundacja „ALMA”" sort together.
    std::string out;
    out.reserve(utf8.size());
    std::size_t pos = 0;
    char buf[3];
    while (pos < utf8.size()) {
        const char32_t cp = decodeUtf8(utf8, pos);
        if (auto w = polishWeight(cp, buf); !w.empty()) { out += w; continue; }
        if (cp < 0x80) {
            const char c = foldLatin(cp);
            const bool alnum = (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9');
            if (alnum) out.push_back(c);
            else if (!out.empty() && out.back() != ' ') out.push_back(' ');
            continue;
        }
        if (const char c = foldLatin(cp); c != 0) { out.push_back(c); continue; }
        if (cp >= 0x2000 && cp <= 0x206F) { // punctuation
            if (!out.empty() && out.back() != ' ') out.push_back(' ');
            continue;
        }
        out.push_back('\x7F'); // other scripts after Latin, in code point order
        appendUtf8(out, lowerCyrillic(cp));
    }
    while (!out.empty() && out.back() == ' ') out.pop_back();
    return out;
}

} // namespace cache
