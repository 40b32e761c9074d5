#pragma once
// Text broken into at most N lines of a given width, the last one ending in
// "…" when the text does not fit: for fixed-size boxes (signage cards) where
// overflowing text would run into the next box.
#include <imgui.h>
#include <string>
#include <string_view>
#include <vector>

namespace kiosk::screens {

// Lines of `text` wrapped at `width` px in `font` (at its own size), at most
// `maxLines` (0 = none). Cuts fall between words where possible and never
// inside a UTF-8 sequence; explicit newlines are kept.
std::vector<std::string> wrapLines(const ImFont* font, std::string_view text, float width,
                                   int maxLines);

// Draws lines top-down from `pos`; returns the height used.
float drawLines(ImDrawList* dl, ImFont* font, ImVec2 pos, const std::vector<std::string>& lines,
                ImU32 colour);

// Both at once: wrapped, limited, drawn; returns the height used.
float drawTextBox(ImDrawList* dl, ImFont* font, ImVec2 pos, std::string_view text, float width,
                  int maxLines, ImU32 colour);

} // namespace kiosk::screens
