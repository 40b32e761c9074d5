#include "keyboard_layout.hpp"

#include <algorithm>
#include <cmath>
#include <limits>
#include <map>

namespace kiosk::widgets {
namespace {

// Splits UTF-8 into code points ("ąb" -> "ą", "b"); layouts are written as
// one string per row, which reads like the keyboard itself.
std::vector<std::string> codePoints(std::string_view s) {
    std::vector<std::string> out;
    for (std::size_t i = 0; i < s.size();) {
        std::size_t n = 1;
        while (i + n < s.size() && (static_cast<unsigned char>(s[i + n]) & 0xC0) == 0x80) ++n;
        out.emplace_back(s.substr(i, n));
        i += n;
    }
    return out;
}

struct Variants {
    std::string_view lower, upper; // code points, first = default
};

// A row of letter keys: lower and upper case as parallel strings; `alt` maps
// a letter to its AltGr variant, `longPress` to its popup choices.
std::vector<KeyDef> letterRow(std::string_view lower, std::string_view upper,
                              const std::map<std::string, std::pair<std::string, std::string>>& alt,
                              const std::map<std::string, Variants>& longPress) {
    const auto lo = codePoints(lower);
    const auto up = codePoints(upper);
    std::vector<KeyDef> row;
    for (std::size_t i = 0; i < lo.size(); ++i) {
        KeyDef k;
        k.lower = lo[i];
        k.upper = i < up.size() ? up[i] : lo[i];
        if (auto it = alt.find(k.lower); it != alt.end()) {
            k.altLower = it->second.first;
            k.altUpper = it->second.second;
        }
        if (auto it = longPress.find(k.lower); it != longPress.end()) {
            k.variantsLower = codePoints(it->second.lower);
            k.variantsUpper = codePoints(it->second.upper);
        }
        row.push_back(std::move(k));
    }
    return row;
}

KeyDef special(KeyRole role, float units) {
    KeyDef k;
    k.role = role;
    k.units = units;
    return k;
}

KeyDef charKey(std::string_view text, float units = 1.0f) {
    KeyDef k;
    k.lower = k.upper = std::string(text);
    k.units = units;
    return k;
}

// The Polish programmer layout (US QWERTY + AltGr): AltGr+x is ź, the rest
// are AltGr on their base letter.
const std::map<std::string, std::pair<std::string, std::string>> kPolishAlt{
    {"a", {"ą", "Ą"}}, {"c", {"ć", "Ć"}}, {"e", {"ę", "Ę"}}, {"l", {"ł", "Ł"}}, {"n", {"ń", "Ń"}},
    {"o", {"ó", "Ó"}}, {"s", {"ś", "Ś"}}, {"z", {"ż", "Ż"}}, {"x", {"ź", "Ź"}},
};
// Long-press on the base letter, as on phones: z offers both ż and ź.
const std::map<std::string, Variants> kPolishLongPress{
    {"a", {"ą", "Ą"}}, {"c", {"ć", "Ć"}}, {"e", {"ę", "Ę"}}, {"l", {"ł", "Ł"}},   {"n", {"ń", "Ń"}},
    {"o", {"ó", "Ó"}}, {"s", {"ś", "Ś"}}, {"z", {"żź", "ŻŹ"}}, {"-", {"–", "–"}},
};
const std::map<std::string, Variants> kUkrainianLongPress{
    {"г", {"ґ", "Ґ"}}, {"і", {"ї", "Ї"}}, {"е", {"є", "Є"}}, {"'", {"’", "’"}},
};
const std::map<std::string, std::pair<std::string, std::string>> kNoAlt{};

KeyboardPage latinPage(bool withAltGr) {
    KeyboardPage p;
    p.rows.push_back(letterRow("qwertyuiop", "QWERTYUIOP", withAltGr ? kPolishAlt : kNoAlt, kPolishLongPress));
    p.rows.push_back(letterRow("asdfghjkl", "ASDFGHJKL", withAltGr ? kPolishAlt : kNoAlt, kPolishLongPress));
    auto row = letterRow("zxcvbnm", "ZXCVBNM", withAltGr ? kPolishAlt : kNoAlt, kPolishLongPress);
    row.insert(row.begin(), special(KeyRole::Shift, 1.5f));
    row.push_back(special(KeyRole::Backspace, 1.5f));
    p.rows.push_back(std::move(row));
    KeyDef dash = charKey("-");
    dash.variantsLower = dash.variantsUpper = {"–"};
    if (withAltGr)
        p.rows.push_back({special(KeyRole::Symbols, 1.25f), special(KeyRole::AltGr, 1.25f),
                          special(KeyRole::Language, 1.5f), special(KeyRole::Space, 3.5f), dash,
                          special(KeyRole::Done, 1.5f)});
    else
        p.rows.push_back({special(KeyRole::Symbols, 1.5f), special(KeyRole::Language, 1.5f),
                          special(KeyRole::Space, 4.0f), dash, special(KeyRole::Done, 2.0f)});
    return p;
}

KeyboardPage ukrainianPage() {
    KeyboardPage p;
    p.rows.push_back(letterRow("йцукенгшщзхї", "ЙЦУКЕНГШЩЗХЇ", kNoAlt, kUkrainianLongPress));
    // The apostrophe is a letter in Ukrainian spelling (м'ясо, п'ять).
    p.rows.push_back(letterRow("фівапролджє'", "ФІВАПРОЛДЖЄ'", kNoAlt, kUkrainianLongPress));
    auto row = letterRow("ячсмитьбюґ", "ЯЧСМИТЬБЮҐ", kNoAlt, kUkrainianLongPress);
    row.insert(row.begin(), special(KeyRole::Shift, 1.0f));
    row.push_back(special(KeyRole::Backspace, 1.0f));
    p.rows.push_back(std::move(row));
    p.rows.push_back({special(KeyRole::Symbols, 1.5f), special(KeyRole::Language, 2.0f),
                      special(KeyRole::Space, 5.5f), charKey("-"), special(KeyRole::Done, 2.0f)});
    return p;
}

KeyboardPage symbolsPage() {
    KeyboardPage p;
    p.rows.push_back(letterRow("1234567890", "1234567890", kNoAlt, {}));
    p.rows.push_back(letterRow("-/:;()&@\"+", "-/:;()&@\"+", kNoAlt, {}));
    auto row = letterRow(".,?!'#%_", ".,?!'#%_", kNoAlt, {});
    row.push_back(special(KeyRole::Backspace, 2.0f));
    p.rows.push_back(std::move(row));
    p.rows.push_back({special(KeyRole::Letters, 2.0f), special(KeyRole::Space, 6.0f), special(KeyRole::Done, 2.0f)});
    return p;
}

} // namespace

const KeyboardPage& keyboardPage(KeyboardLanguage language, bool symbols) {
    // Constant tables, built on first use and never changed.
    static const KeyboardPage kPolish = latinPage(true);
    static const KeyboardPage kEnglish = latinPage(false);
    static const KeyboardPage kUkrainian = ukrainianPage();
    static const KeyboardPage kSymbols = symbolsPage();
    if (symbols) return kSymbols;
    switch (language) {
    case KeyboardLanguage::Polish: return kPolish;
    case KeyboardLanguage::English: return kEnglish;
    case KeyboardLanguage::Ukrainian: return kUkrainian;
    }
    return kPolish;
}

std::string_view languageCode(KeyboardLanguage language) {
    switch (language) {
    case KeyboardLanguage::Polish: return "PL";
    case KeyboardLanguage::English: return "EN";
    case KeyboardLanguage::Ukrainian: return "УК";
    }
    return "PL";
}

KeyboardLanguage nextLanguage(KeyboardLanguage language) {
    switch (language) {
    case KeyboardLanguage::Polish: return KeyboardLanguage::English;
    case KeyboardLanguage::English: return KeyboardLanguage::Ukrainian;
    case KeyboardLanguage::Ukrainian: return KeyboardLanguage::Polish;
    }
    return KeyboardLanguage::Polish;
}

std::string_view keyText(const KeyDef& key, bool upper, bool altGr) {
    if (key.role == KeyRole::Space) return " ";
    if (key.role != KeyRole::Char) return {};
    if (altGr && !key.altLower.empty()) return upper ? key.altUpper : key.altLower;
    return upper ? key.upper : key.lower;
}

std::span<const std::string> keyVariants(const KeyDef& key, bool upper) {
    return upper ? std::span<const std::string>(key.variantsUpper) : std::span<const std::string>(key.variantsLower);
}

float keyboardHeight(const KeyboardMetrics& m) { return m.margin * 2 + m.keyHeight * 4 + m.gap * 3; }

std::vector<PlacedKey> placeKeys(const KeyboardPage& page, const KeyRect& area, const KeyboardMetrics& m) {
    // A key of n units is as wide as n plain keys and the gaps between them,
    // so a row of U units is U * unit + (U - 1) * gap wide and columns line up.
    float maxUnits = 0;
    for (const auto& row : page.rows) {
        float units = 0;
        for (const KeyDef& k : row) units += k.units;
        maxUnits = std::max(maxUnits, units);
    }
    std::vector<PlacedKey> out;
    if (maxUnits <= 0) return out;
    const float inner = area.w - m.margin * 2;
    const float unit = (inner - m.gap * (maxUnits - 1.0f)) / maxUnits;
    float y = area.y + m.margin;
    for (const auto& row : page.rows) {
        float units = 0;
        for (const KeyDef& k : row) units += k.units;
        const float width = units * unit + (units - 1.0f) * m.gap;
        float x = area.x + m.margin + (inner - width) * 0.5f;
        for (const KeyDef& k : row) {
            const float w = k.units * unit + (k.units - 1.0f) * m.gap;
            out.push_back(PlacedKey{&k, KeyRect{std::round(x), std::round(y), std::round(w), m.keyHeight}});
            x += w + m.gap;
        }
        y += m.keyHeight + m.gap;
    }
    return out;
}

const PlacedKey* keyAt(const std::vector<PlacedKey>& keys, const KeyRect& area, float x, float y) {
    if (!area.contains(x, y)) return nullptr;
    const PlacedKey* best = nullptr;
    float bestD = std::numeric_limits<float>::max();
    for (const PlacedKey& k : keys) {
        if (k.rect.contains(x, y)) return &k;
        // Distance to the rectangle, rows weighted so the row wins first.
        const float dx = std::max({k.rect.x - x, 0.0f, x - (k.rect.x + k.rect.w)});
        const float dy = std::max({k.rect.y - y, 0.0f, y - (k.rect.y + k.rect.h)});
        const float d = dx + dy * 4.0f;
        if (d < bestD) bestD = d, best = &k;
    }
    return best;
}

} // namespace kiosk::widgets
