#include "theme.hpp"

#include <algorithm>
#include <cmath>
#include <array>

namespace kiosk::widgets {

Theme makeTheme(float dpi, float uiScale) {
    Theme t;
    t.dpi = dpi > 0 ? dpi : 96.0f;
    // 15 mm minimum, never smaller than what the layout's scale asks for.
    t.targetPx = std::ceil(std::max(t.mm(15.0f), 64.0f * uiScale));
    t.gap = 16.0f * uiScale;
    t.padding = 24.0f * uiScale;
    t.radius = 14.0f * uiScale;
    return t;
}

Theme highContrast(Theme t) {
    t.highContrast = true;
    t.background = IM_COL32(0, 0, 0, 255);
    t.surface = IM_COL32(18, 18, 18, 255);
    t.surfaceSunken = IM_COL32(40, 40, 40, 255);
    t.text = IM_COL32(255, 255, 255, 255);
    t.textMuted = IM_COL32(235, 235, 235, 255);
    t.primary = IM_COL32(255, 214, 0, 255); // yellow: buttons, links, the current choice
    t.onPrimary = IM_COL32(0, 0, 0, 255);
    t.primarySoft = IM_COL32(70, 60, 0, 255); // a pressed key, a selected row: white text on it
    t.border = IM_COL32(255, 255, 255, 255);  // surfaces are told apart by outlines, not shades
    t.good = IM_COL32(110, 240, 110, 255);
    t.warn = IM_COL32(255, 200, 60, 255);
    t.bad = IM_COL32(255, 140, 140, 255);
    t.topBar = IM_COL32(0, 0, 0, 255);
    t.onTopBar = IM_COL32(255, 255, 255, 255);
    t.onTopBarMuted = IM_COL32(235, 235, 235, 255);
    t.keySpecial = IM_COL32(60, 60, 60, 255);
    return t;
}

namespace {
float linearChannel(unsigned v) {
    const float c = static_cast<float>(v) / 255.0f;
    return c <= 0.04045f ? c / 12.92f : std::pow((c + 0.055f) / 1.055f, 2.4f);
}
float luminance(ImU32 c) {
    return 0.2126f * linearChannel((c >> IM_COL32_R_SHIFT) & 0xFF) +
           0.7152f * linearChannel((c >> IM_COL32_G_SHIFT) & 0xFF) +
           0.0722f * linearChannel((c >> IM_COL32_B_SHIFT) & 0xFF);
}
} // namespace

float contrastRatio(ImU32 a, ImU32 b) {
    const float la = luminance(a), lb = luminance(b);
    return (std::max(la, lb) + 0.05f) / (std::min(la, lb) + 0.05f);
}

ImU32 collectionAccent(int i) {
    static constexpr std::array<ImU32, 10> kAccents{
        IM_COL32(22, 84, 110, 255),  IM_COL32(120, 72, 40, 255),  IM_COL32(46, 110, 70, 255),
        IM_COL32(150, 60, 90, 255),  IM_COL32(90, 70, 140, 255),  IM_COL32(20, 120, 130, 255),
        IM_COL32(170, 90, 20, 255),  IM_COL32(80, 90, 100, 255),  IM_COL32(60, 100, 150, 255),
        IM_COL32(100, 100, 100, 255)};
    return kAccents[static_cast<std::size_t>(i) % kAccents.size()];
}

void applyImGuiStyle(const Theme& t) {
    ImGuiStyle& s = ImGui::GetStyle();
    s = ImGuiStyle();
    s.WindowPadding = ImVec2(0, 0);
    s.WindowBorderSize = 0;
    s.ChildBorderSize = 0;
    s.FramePadding = ImVec2(t.padding * 0.6f, t.padding * 0.5f);
    s.FrameRounding = t.radius;
    s.ItemSpacing = ImVec2(t.gap, t.gap * 0.6f);
    s.ScrollbarSize = 0;
    s.TouchExtraPadding = ImVec2(0, 0);
    ImVec4* c = s.Colors;
    c[ImGuiCol_Text] = ImGui::ColorConvertU32ToFloat4(t.text);
    c[ImGuiCol_TextDisabled] = ImGui::ColorConvertU32ToFloat4(t.textMuted);
    c[ImGuiCol_WindowBg] = ImGui::ColorConvertU32ToFloat4(t.background);
    c[ImGuiCol_ChildBg] = ImVec4(0, 0, 0, 0);
    c[ImGuiCol_FrameBg] = ImGui::ColorConvertU32ToFloat4(t.surface);
    c[ImGuiCol_FrameBgHovered] = ImGui::ColorConvertU32ToFloat4(t.surface);
    c[ImGuiCol_FrameBgActive] = ImGui::ColorConvertU32ToFloat4(t.surface);
    c[ImGuiCol_TextSelectedBg] = ImGui::ColorConvertU32ToFloat4(t.primarySoft);
    c[ImGuiCol_Border] = ImGui::ColorConvertU32ToFloat4(t.border);
    c[ImGuiCol_NavHighlight] = ImVec4(0, 0, 0, 0);
}

} // namespace kiosk::widgets
