#include "record_row.hpp"

#include <imgui_internal.h>

#include <algorithm>

#include "record_summary.hpp"
#include "widgets/touch.hpp"

namespace kiosk::screens {
namespace {

ImU32 toneColour(const widgets::Theme& th, Tone tone) {
    switch (tone) {
    case Tone::Good: return th.good;
    case Tone::Warn: return th.warn;
    case Tone::Bad: return th.bad;
    default: return th.textMuted;
    }
}

} // namespace

float recordRowHeight(const ScreenContext& ctx) {
    return std::max(ctx.theme.targetPx * 1.5f,
                    ctx.fonts.bodyBold->FontSize + ctx.fonts.small->FontSize + ctx.theme.padding * 1.6f);
}

float drawBadge(const ScreenContext& ctx, const cache::Record& r, ImVec2 pos) {
    const Badge b = statusBadge(r, ctx.tr, ctx.lang());
    ImGui::PushFont(ctx.fonts.small);
    const ImVec2 ts = widgets::textSize(b.text);
    const ImU32 c = toneColour(ctx.theme, b.tone);
    ImDrawList* dl = ImGui::GetWindowDrawList();
    const ImVec2 max(pos.x + ts.x + 24, pos.y + ts.y + 10);
    dl->AddRect(pos, max, c, (max.y - pos.y) * 0.5f, 0, 2.0f);
    dl->AddText(ImVec2(pos.x + 12, pos.y + 5), c, b.text.c_str());
    ImGui::PopFont();
    return max.x - pos.x;
}

bool drawRecordRow(const ScreenContext& ctx, const cache::Record& r, float width, bool allowTap) {
    const widgets::Theme& th = ctx.theme;
    const float h = recordRowHeight(ctx);
    const ImVec2 pos = ImGui::GetCursorScreenPos();
    ImGui::PushID(r.id.c_str());
    const bool tapped = ImGui::InvisibleButton("row", ImVec2(width, h)) && allowTap;
    const bool held = ImGui::IsItemActive() && allowTap;
    ImGui::PopID();

    ImDrawList* dl = ImGui::GetWindowDrawList();
    const ImVec2 max(pos.x + width, pos.y + h - th.gap * 0.4f);
    dl->AddRectFilled(pos, max, held ? th.primarySoft : th.surface, th.radius * 0.7f);
    if (th.highContrast) dl->AddRect(pos, max, th.border, th.radius * 0.7f, 0, 1.5f); // rows told apart by outline
    dl->AddRectFilled(pos, ImVec2(pos.x + 8, max.y), widgets::collectionAccent(static_cast<int>(r.collection)),
                      th.radius * 0.7f, ImDrawFlags_RoundCornersLeft);

    // Badge on the right; title and summary get the rest, cut with an ellipsis.
    const Badge b = statusBadge(r, ctx.tr, ctx.lang());
    ImGui::PushFont(ctx.fonts.small);
    const float badgeW = widgets::textSize(b.text).x + 24;
    ImGui::PopFont();
    const float badgeX = max.x - th.padding - badgeW;
    drawBadge(ctx, r, ImVec2(badgeX, pos.y + th.padding * 0.6f));

    const float x = pos.x + th.padding;
    const float textMax = badgeX - th.gap;
    const std::string title = r.title(ctx.lang());
    ImGui::PushFont(ctx.fonts.bodyBold);
    const float y1 = pos.y + th.padding * 0.5f;
    ImGui::RenderTextEllipsis(dl, ImVec2(x, y1), ImVec2(textMax, y1 + ImGui::GetFontSize() + 4), textMax, textMax,
                              title.c_str(), title.c_str() + title.size(), nullptr);
    const float y2 = y1 + ImGui::GetFontSize() + th.gap * 0.3f;
    ImGui::PopFont();
    const std::string sub = subtitleOf(r, ctx.tr, ctx.lang());
    ImGui::PushFont(ctx.fonts.small);
    ImGui::PushStyleColor(ImGuiCol_Text, th.textMuted);
    ImGui::RenderTextEllipsis(dl, ImVec2(x, y2), ImVec2(max.x - th.padding, y2 + ImGui::GetFontSize() + 4),
                              max.x - th.padding, max.x - th.padding, sub.c_str(), sub.c_str() + sub.size(), nullptr);
    ImGui::PopStyleColor();
    ImGui::PopFont();
    return tapped;
}

} // namespace kiosk::screens
