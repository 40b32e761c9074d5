#pragma once
// The on-screen keyboard's layouts as data, and where each key goes in a
// rectangle. Pure: no ImGui calls, so layouts and geometry are tested without
// a context, and tests find a key's centre the same way the widget does.
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace kiosk::widgets {

// The letter layouts a visitor can switch between; digits and punctuation
// are a page shown over any of them.
enum class KeyboardLanguage { Polish, English, Ukrainian };

enum class KeyRole {
    Char,      // types `lower`/`upper` (or the AltGr variant)
    Shift,     // off -> one letter upper case -> caps lock -> off
    AltGr,     // Polish: the letter keys type their diacritic variant (one-shot)
    Backspace, // deletes one code point; repeats while held
    Space,
    Symbols,   // to the digits/punctuation page
    Letters,   // back from it
    Language,  // next letter layout
    Done,      // hide the keyboard
};

struct KeyDef {
    KeyRole role = KeyRole::Char;
    std::string lower;    // UTF-8; Char keys only
    std::string upper;
    std::string altLower; // AltGr variant (Polish programmer layout); empty: none
    std::string altUpper;
    std::vector<std::string> variantsLower; // long-press popup, first = default choice
    std::vector<std::string> variantsUpper;
    float units = 1.0f; // width in key widths
};

struct KeyboardPage {
    std::vector<std::vector<KeyDef>> rows; // top to bottom
};

// The page shown for a language: its letters, or the shared symbols page.
// Constant data built once; the references stay valid for the program.
const KeyboardPage& keyboardPage(KeyboardLanguage language, bool symbols);

// The short name on the language key ("PL", "EN", "УК") and the order the
// key cycles through.
std::string_view languageCode(KeyboardLanguage language);
KeyboardLanguage nextLanguage(KeyboardLanguage language);

// What a Char key types in the given modes (AltGr falls back to the plain
// letter where a key has no variant).
std::string_view keyText(const KeyDef& key, bool upper, bool altGr);
// The long-press choices in the given case (empty: no popup).
std::span<const std::string> keyVariants(const KeyDef& key, bool upper);

struct KeyRect {
    float x = 0, y = 0, w = 0, h = 0;
    bool contains(float px, float py) const { return px >= x && px < x + w && py >= y && py < y + h; }
    float centreX() const { return x + w * 0.5f; }
    float centreY() const { return y + h * 0.5f; }
    bool intersects(const KeyRect& o) const {
        return x < o.x + o.w && o.x < x + w && y < o.y + o.h && o.y < y + h;
    }
};

struct PlacedKey {
    const KeyDef* key = nullptr;
    KeyRect rect;
};

// Sizes in pixels: keys at least `minKeyHeight` tall, `gap` apart.
struct KeyboardMetrics {
    float keyHeight = 64.0f;
    float gap = 10.0f;
    float margin = 12.0f; // around the whole keyboard
};

// The keyboard's height for a page (all pages have four rows).
float keyboardHeight(const KeyboardMetrics& m);
// Every key of `page` placed in `area` (full width, rows centred). Key widths
// follow the widest row, so a key is the same size on every row.
std::vector<PlacedKey> placeKeys(const KeyboardPage& page, const KeyRect& area, const KeyboardMetrics& m);
// The key at a point; a point in the gap between keys belongs to the nearest
// key of its row, so no tap on the keyboard is lost. Null outside the area.
const PlacedKey* keyAt(const std::vector<PlacedKey>& keys, const KeyRect& area, float x, float y);

} // namespace kiosk::widgets
