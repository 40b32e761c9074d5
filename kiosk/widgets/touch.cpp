#include "touch.hpp"

#include <algorithm>
#include <string>

namespace kiosk::widgets {
namespace {

void drawCheck(ImDrawList* dl, ImVec2 at, float size, ImU32 colour) {
    const float w = std::max(2.0f, size * 0.14f);
    dl->AddLine(ImVec2(at.x, at.y + size * 0.55f), ImVec2(at.x + size * 0.38f, at.y + size * 0.9f), colour, w);
    dl->AddLine(ImVec2(at.x + size * 0.38f, at.y + size * 0.9f), ImVec2(at.x + size, at.y + size * 0.15f), colour, w);
}

} // namespace

ImVec2 textSize(std::string_view text, float wrapWidth) {
    return ImGui::CalcTextSize(text.data(), text.data() + text.size(), false, wrapWidth);
}

void wrappedText(std::string_view text, float width, ImU32 colour) {
    ImGui::PushStyleColor(ImGuiCol_Text, colour);
    ImGui::PushTextWrapPos(ImGui::GetCursorPosX() + width);
    ImGui::TextUnformatted(text.data(), text.data() + text.size());
    ImGui::PopTextWrapPos();
    ImGui::PopStyleColor();
}

bool touchButton(const Theme& t, std::string_view id, std::string_view label, ButtonKind kind, float width,
                 bool allowTap) {
    const ImVec2 ts = textSize(label);
    const ImVec2 size(std::max(width > 0 ? width : ts.x + t.padding * 1.6f, t.targetPx),
                      std::max(t.targetPx, ts.y + t.padding));
    const ImVec2 pos = ImGui::GetCursorScreenPos();
    ImGui::PushID(id.data(), id.data() + id.size());
    const bool clicked = ImGui::InvisibleButton("##b", size) && allowTap;
    const bool held = ImGui::IsItemActive() && allowTap;
    ImGui::PopID();

    ImU32 bg = t.surface, fg = t.text, border = 0;
    switch (kind) {
    case ButtonKind::Primary: bg = t.primary, fg = t.onPrimary; break;
    case ButtonKind::Secondary: bg = t.surface, fg = t.primary, border = t.border; break;
    case ButtonKind::OnBar: bg = IM_COL32(255, 255, 255, 36), fg = t.onTopBar; break;
    }
    if (held) bg = kind == ButtonKind::Primary ? t.text : t.primarySoft;
    ImDrawList* dl = ImGui::GetWindowDrawList();
    const ImVec2 max(pos.x + size.x, pos.y + size.y);
    dl->AddRectFilled(pos, max, bg, t.radius);
    if (border) dl->AddRect(pos, max, border, t.radius, 0, 2.0f);
    dl->AddText(ImVec2(pos.x + (size.x - ts.x) * 0.5f, pos.y + (size.y - ts.y) * 0.5f), fg, label.data(),
                label.data() + label.size());
    return clicked;
}

namespace {
struct ChipLayout {
    ImVec2 size, text;
    float check, lead, wrap;
};
ChipLayout chipLayout(const Theme& t, std::string_view label, bool selected, float maxWidth) {
    ChipLayout l;
    const float lineH = ImGui::GetTextLineHeight();
    l.check = lineH * 0.7f;
    l.lead = selected ? l.check + t.gap * 0.6f : 0.0f;
    const float chrome = l.lead + t.padding * 1.2f;
    l.text = textSize(label);
    l.wrap = -1.0f;
    if (maxWidth > 0 && l.text.x + chrome > maxWidth) {
        l.wrap = std::max(maxWidth - chrome, lineH);
        l.text = textSize(label, l.wrap);
    }
    l.size = ImVec2(l.text.x + chrome, std::max(t.targetPx, l.text.y + t.padding * 0.8f));
    return l;
}
} // namespace

ImVec2 chipSize(const Theme& t, std::string_view label, bool selected, float maxWidth) {
    return chipLayout(t, label, selected, maxWidth).size;
}

bool chip(const Theme& t, std::string_view id, std::string_view label, bool selected, bool allowTap,
          float maxWidth) {
    const ChipLayout l = chipLayout(t, label, selected, maxWidth);
    const ImVec2 ts = l.text, size = l.size;
    const float check = l.check, lead = l.lead;
    const ImVec2 pos = ImGui::GetCursorScreenPos();
    ImGui::PushID(id.data(), id.data() + id.size());
    const bool clicked = ImGui::InvisibleButton("##c", size) && allowTap;
    const bool held = ImGui::IsItemActive() && allowTap;
    ImGui::PopID();
    ImDrawList* dl = ImGui::GetWindowDrawList();
    const ImVec2 max(pos.x + size.x, pos.y + size.y);
    const ImU32 bg = selected ? t.primary : (held ? t.primarySoft : t.surface);
    const ImU32 fg = selected ? t.onPrimary : t.text;
    dl->AddRectFilled(pos, max, bg, size.y * 0.5f);
    if (!selected) dl->AddRect(pos, max, t.border, size.y * 0.5f, 0, 2.0f);
    float x = pos.x + t.padding * 0.6f;
    if (selected) {
        drawCheck(dl, ImVec2(x, pos.y + (size.y - check) * 0.5f), check, fg);
        x += lead;
    }
    dl->AddText(ImGui::GetFont(), ImGui::GetFontSize(), ImVec2(x, pos.y + (size.y - ts.y) * 0.5f), fg, label.data(),
                label.data() + label.size(), l.wrap > 0 ? l.wrap : 0.0f);
    return clicked;
}

} // namespace kiosk::widgets
