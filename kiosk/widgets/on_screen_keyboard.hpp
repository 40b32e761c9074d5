#pragma once
// The kiosk's on-screen keyboard (cage ships none). ImPlot-style: the caller
// owns the state and gets back what was pressed; the widget never edits a
// text buffer or the session itself.
//
// Touch feel: a letter is typed when the finger lifts, so a finger may slide
// to the right key first; holding a letter ~0.45 s opens a popup of its
// variants (slide to choose, lift to type); backspace fires at once and
// repeats while held. Time comes from the frame's dt, so it is testable.
#include <imgui.h>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "keyboard_layout.hpp"
#include "theme.hpp"

namespace kiosk::widgets {

enum class ShiftMode { Off, Once, Locked };

struct KeyboardState {
    // The layout follows the visitor's language unless they switched it; a
    // new language (set by the caller every frame) undoes their choice.
    KeyboardLanguage followed = KeyboardLanguage::Polish;
    std::optional<KeyboardLanguage> chosen;
    bool symbols = false;
    ShiftMode shift = ShiftMode::Off;
    bool altGr = false;

    // The press in progress (key index into the current page's placed keys).
    int pressed = -1;
    float heldMs = 0;
    float repeatInMs = 0;
    bool popupOpen = false;
    int popupChoice = 0;

    KeyRect area; // where it was last drawn: callers lay out around it, tests tap into it

    KeyboardLanguage language() const { return chosen.value_or(followed); }
    bool upper() const { return shift != ShiftMode::Off; }
    // A key is held: the app keeps drawing frames so long-press and repeat run.
    bool holding() const { return pressed >= 0; }
};

// Words for the keys that have no symbol in Noto Sans (no arrows there), and
// the fonts to draw with (null: the current font).
struct KeyboardLabels {
    std::string_view space, done, symbols, letters, altGr;
    ImFont* letterFont = nullptr;
    ImFont* labelFont = nullptr;
};

struct KeyPress {
    enum class Kind { None, Text, Backspace, Done, LayoutChanged };
    Kind kind = Kind::None;
    std::string text; // Text: one code point (or a space), UTF-8
    explicit operator bool() const { return kind != Kind::None; }
};

inline constexpr float kLongPressMs = 450.0f;
inline constexpr float kRepeatDelayMs = 500.0f;
inline constexpr float kRepeatEveryMs = 80.0f;

// Key sizes for a theme: every key at least one touch target tall.
KeyboardMetrics keyboardMetrics(const Theme& theme);
const KeyboardPage& currentPage(const KeyboardState& state);
// The keys as onScreenKeyboard places them in `area` for the current page.
std::vector<PlacedKey> keyboardKeys(const KeyboardState& state, const Theme& theme, const KeyRect& area);
// Where the long-press popup's choice `i` is, for the key at `key`.
KeyRect popupCell(const KeyRect& key, const KeyRect& area, int count, int i);

// Draws the keyboard in `area` (screen pixels) and handles this frame's
// press/hold/release. `dt` in seconds. At most one KeyPress per frame.
KeyPress onScreenKeyboard(std::string_view id, KeyboardState& state, const Theme& theme, const KeyRect& area,
                          float dt, const KeyboardLabels& labels);

// Applies a Text or Backspace press to a UTF-8 string: backspace removes the
// last code point (never half of "ł"). Returns whether the text changed.
bool applyKeyPress(std::string& text, const KeyPress& press);

} // namespace kiosk::widgets
