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
