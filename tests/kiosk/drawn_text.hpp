#pragma once
// The text a frame actually drew, read back from ImGui's draw data rather
// than from the strings the code meant to draw: a test built on it sees what
// a visitor sees (a label drawn from the wrong catalog, a missing
// translation, a string that never reached the screen).
//
// How: every visible glyph is a textured quad (4 vertices, 6 indices) whose
// UV rectangle is that glyph's (U0, V0, U1, V1) in the font atlas, and every
// glyph of every font in the atlas has a rectangle of its own. So a map from
// UV rectangle to (font, glyph) turns quads back into code points. Shapes
// sample the atlas's white pixel (a point, not a rectangle) and never match.
//
// Glyphs become runs:
//  - A line: consecutive glyphs of one font and scale on one baseline, each
//    starting where the previous one's advance ended. A space draws no quad,
//    but it advances the pen by its own width, so a gap of a whole number of
//    space widths (at most kMaxJoinedSpaces) is that many spaces and the run
//    goes on; any other gap, a step left or a change of font ends the run.
//    Kerning would break this; ImGui 1.86 does not kern.
//  - Wrapped text: a line drawn right after another one, in the same font and
//    scale, starting at the same x exactly one line height lower, continues
//    it after one space (ImGui drops the blanks at a wrap). So a wrapped
//    paragraph is one run holding the whole string the code drew. Separate
//    labels stacked at exactly one line height would be joined too; the
//    screens tested here do not stack labels that way.
// Clipping: ImGui emits the glyphs of a text line even where they fall
// outside the clip rectangle (the renderer's scissor hides them), except
// glyphs wholly left or right of it, lines after one that starts below it,
// and lines of a multi-line ('\n') text that end above it. So a run is
// built from every glyph quad, returned when at least one of its glyphs is
// visible (inside the clip rectangle and the display), and marked
// incomplete when clipping may have dropped part of its text. Glyphs that
// CPU fine clipping cut (their UVs shrink) are not recognised at all.
#include <imgui.h>
#include <string>
#include <vector>

namespace uitest {

inline constexpr int kMaxJoinedSpaces = 3;

struct DrawnRun {
    std::string text;             // UTF-8
    ImVec2 min{0, 0}, max{0, 0};  // screen rectangle of all its glyph quads, hidden ones too
    const ImFont* font = nullptr; // the atlas font its glyphs came from
    // False when clipping may have cut the text short: a glyph crosses the
    // left or right edge of its clip rectangle, the text starts left of it
    // or ends within one em of its right edge (where a culled glyph could
    // follow), or the line before the first or after the last would not
    // have been emitted. Meant to be conservative for texts laid out from a
    // left edge inside the clip, as the kiosk's are: a complete text near an
    // edge may be marked incomplete.
    bool complete = true;
    ImVec2 centre() const { return ImVec2((min.x + max.x) * 0.5f, (min.y + max.y) * 0.5f); }
};

// The runs in `data`, in drawing order, with glyphs looked up in `atlas`.
std::vector<DrawnRun> drawnText(const ImDrawData& data, const ImFontAtlas& atlas);

// The runs of the current context's last rendered frame (call after
// ImGui::Render(), before the next NewFrame()).
std::vector<DrawnRun> drawnTextOfLastFrame();

} // namespace uitest
