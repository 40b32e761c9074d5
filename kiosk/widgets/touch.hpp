#pragma once
// Touch-sized controls drawn with ImGui's draw lists: a button, a chip with a
// check mark (selection never shown by colour alone), a text block that wraps.
#include <imgui.h>
#include <string_view>

#include "theme.hpp"

namespace kiosk::widgets {

enum class ButtonKind { Primary, Secondary, OnBar };

// Returns true when tapped. `width` 0 = fit the label. Height is at least the
// theme's touch target. `allowTap` false swallows the tap (e.g. mid-drag).
bool touchButton(const Theme& t, std::string_view id, std::string_view label, ButtonKind kind,
                 float width = 0, bool allowTap = true);
// A chip wider than `maxWidth` (0 = no limit) wraps its label onto more lines.
bool chip(const Theme& t, std::string_view id, std::string_view label, bool selected,
          bool allowTap = true, float maxWidth = 0);
// The size chip() takes, for laying chips out before drawing them.
ImVec2 chipSize(const Theme& t, std::string_view label, bool selected, float maxWidth = 0);
// Wrapped text at the cursor, `width` wide, in `colour`.
void wrappedText(std::string_view text, float width, ImU32 colour);
// Label text measured without drawing.
ImVec2 textSize(std::string_view text, float wrapWidth = -1.0f);

} // namespace kiosk::widgets
