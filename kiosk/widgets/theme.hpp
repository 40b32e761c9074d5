#pragma once
// The kiosk's look as a value: calm colours, large type, touch targets sized
// in millimetres at the configured screen DPI.
#include <imgui.h>

namespace kiosk::widgets {

struct Theme {
    float dpi = 96.0f;
    float targetPx = 57.0f; // smallest touch target: 15 mm at `dpi`
    float gap = 16.0f;
    float padding = 24.0f;
    float radius = 14.0f;

    ImU32 background = IM_COL32(244, 241, 234, 255); // warm paper
    ImU32 surface = IM_COL32(255, 255, 255, 255);
    ImU32 surfaceSunken = IM_COL32(234, 230, 221, 255);
    ImU32 text = IM_COL32(28, 36, 46, 255);
    ImU32 textMuted = IM_COL32(84, 94, 106, 255);
    ImU32 primary = IM_COL32(22, 84, 110, 255); // Vistula blue
    ImU32 onPrimary = IM_COL32(255, 255, 255, 255);
    ImU32 primarySoft = IM_COL32(214, 230, 236, 255);
    ImU32 border = IM_COL32(210, 204, 192, 255);
    ImU32 good = IM_COL32(30, 110, 60, 255);
    ImU32 warn = IM_COL32(150, 90, 10, 255);
    ImU32 bad = IM_COL32(160, 40, 40, 255);
    ImU32 topBar = IM_COL32(22, 84, 110, 255);
    ImU32 onTopBar = IM_COL32(255, 255, 255, 255);
    ImU32 onTopBarMuted = IM_COL32(220, 235, 240, 255); // the home screen's subtitle
    ImU32 keySpecial = IM_COL32(222, 216, 204, 255);    // shift, backspace... on the keyboard
    bool highContrast = false;

    float mm(float millimetres) const { return millimetres / 25.4f * dpi; }
};

// dpi: the screen's (configured or reported); uiScale: 1.0 at 1080 lines
// (the large-text mode passes 1.5 times the screen's scale).
Theme makeTheme(float dpi, float uiScale);
// The same sizes in high-contrast colours: white and yellow on black, every
// text colour at least 7:1 against every surface it is drawn on (WCAG AAA).
Theme highContrast(Theme base);

// WCAG 2 contrast ratio of two opaque colours, 1 (same) to 21 (black/white).
float contrastRatio(ImU32 a, ImU32 b);
// Per-collection accent (tile stripe, list markers); always paired with text.
ImU32 collectionAccent(int collectionIndex);
void applyImGuiStyle(const Theme& theme);

} // namespace kiosk::widgets
