#pragma once
// The kiosk's font set: Noto Sans with the glyphs Polish, Ukrainian and
// everyday typography need (the ImGui default font has none of them).
#include <filesystem>
#include <imgui.h>
#include <optional>
#include <string>

namespace kiosk::platform {

struct FontSet {
    ImFont* body = nullptr;     // regular, bodyPx; also io.FontDefault
    ImFont* bodyBold = nullptr; // bold, bodyPx
    ImFont* small = nullptr;    // regular, 0.8 x bodyPx
    ImFont* title = nullptr;    // bold, 1.45 x bodyPx
    ImFont* display = nullptr;  // bold, 2.2 x bodyPx
};

// Replaces the fonts of the current ImGui context's atlas with NotoSans-Regular.ttf
// and NotoSans-Bold.ttf from fontsDir and builds the atlas. Call it before the
// renderer's first frame (the GL3 backend uploads the atlas once). On error,
// error names the file at fault and none of these fonts stays in the atlas
// (an empty atlas makes ImGui use its built-in font). The returned pointers
// live as long as the atlas.
std::optional<FontSet> loadFonts(const std::filesystem::path& fontsDir, float bodyPx,
                                 std::string& error);

// The regular set and the large-text set (every size times `largeScale`),
// in one atlas so switching is free. largeScale 0: no large set (large ==
// regular); otherwise 1 to 3.
struct FontSets {
    FontSet regular;
    FontSet large;
};
std::optional<FontSets> loadFontSets(const std::filesystem::path& fontsDir, float bodyPx, float largeScale,
                                     std::string& error);

// Zero-terminated ImGui glyph ranges used for every font in the set: those of
// cache::kKioskGlyphCoverage, which pestor-feed checks record text against.
// U+FFFD is among them, so ImGui draws it for any character not covered.
const ImWchar* kioskGlyphRanges();

} // namespace kiosk::platform
