#pragma once
// A digit pad for the admin PIN, ImPlot-style: the caller owns the digits
// and gets back what was pressed; the pad never sees the digits themselves,
// only how many there are, and shows that many dots.
//
//   [ dots ]
//   1 2 3
//   4 5 6
//   7 8 9
//   ⌫ 0 OK     (backspace and OK are words: Noto Sans has no ⌫)
#include "keyboard_layout.hpp"
#include "theme.hpp"

#include <cstddef>
#include <string_view>

namespace kiosk::widgets {

struct PinPadPress {
    enum class Kind { None, Digit, Backspace, Ok };
    Kind kind = Kind::None;
    char digit = 0; // '0'..'9' for Digit
    explicit operator bool() const { return kind != Kind::None; }
};

struct PinPadLabels {
    std::string_view backspace, ok;
    ImFont* digitFont = nullptr; // null: the current font
    ImFont* labelFont = nullptr; // for the two words
};

// Key side: 1.75 touch targets (room for "Видалити" and a thumb).
float pinKeySide(const Theme& theme);
// The pad's size for a theme (dots row included).
ImVec2 pinPadSize(const Theme& theme);
// Where a key is when the pad's top-left corner is `origin`: row 0..3,
// column 0..2 (row 3: backspace, 0, OK). The dots row is above row 0.
KeyRect pinKeyRect(const Theme& theme, ImVec2 origin, int row, int column);

// Draws the pad with its top-left corner at `origin`. `typed` dots are shown
// (capped at `maxDigits`); OK is offered once `typed >= minDigits`.
PinPadPress pinPad(std::string_view id, const Theme& theme, ImVec2 origin, std::size_t typed,
                   std::size_t minDigits, std::size_t maxDigits, const PinPadLabels& labels);

} // namespace kiosk::widgets
