// Home: a search field and one tile per collection.
#include <imgui.h>

#include <algorithm>
#include <cfloat>
#include <array>

#include "scroll_area.hpp"
#include "screens.hpp"
#include "widgets/touch.hpp"

namespace kiosk::screens {
namespace {

constexpr std::array kTiles{cache::Collection::Entities,      cache::Collection::Premises,
                            cache::Collection::Equipment,     cache::Collection::Offers,
                            cache::Collection::Demands,       cache::Collection::SupportPoints,
                            cache::Collection::Events,        cache::Collection::Announcements,
                            cache::Collection::Indicators};

// A field-looking button: tapping it opens the search screen with the
// keyboard focus in its field.
void searchEntry(const ScreenContext& ctx, float width, bool allowTap, app::Actions& out) {
    const widgets::Theme& th = ctx.theme;
    const ImVec2 pos = ImGui::GetCursorScreenPos();
    const float h = th.targetPx * 1.3f;
    if (ImGui::InvisibleButton("home-search", ImVec2(width, h)) && allowTap) out.push_back(app::OpenSearch{});
    ImDrawList* dl = ImGui::GetWindowDrawList();
    dl->AddRectFilled(pos, ImVec2(pos.x + width, pos.y + h), th.surface, h * 0.5f);
    dl->AddRect(pos, ImVec2(pos.x + width, pos.y + h), th.primary, h * 0.5f, 0, 3.0f);
    // A magnifier drawn from shapes (no icon font on the terminal).
    const float r = h * 0.18f;
    const ImVec2 c(pos.x + h * 0.5f, pos.y + h * 0.46f);
    dl->AddCircle(c, r, th.primary, 24, 3.5f);
    dl->AddLine(ImVec2(c.x + r * 0.7f, c.y + r * 0.7f), ImVec2(c.x + r * 1.6f, c.y + r * 1.6f), th.primary, 4.5f);
    const std::string_view hint = ctx.t("search.hint");
    const ImVec2 ts = widgets::textSize(hint);
    dl->AddText(ImVec2(pos.x + h, pos.y + (h - ts.y) * 0.5f), th.textMuted, hint.data(), hint.data() + hint.size());
}

// The map, next to search: the other way in for a visitor who thinks in places.
void mapEntry(const ScreenContext& ctx, ImVec2 size, bool allowTap, app::Actions& out) {
    const widgets::Theme& th = ctx.theme;
    const ImVec2 pos = ImGui::GetCursorScreenPos();
    if (ImGui::InvisibleButton("home-map", size) && allowTap) out.push_back(app::OpenMap{});
    const bool held = ImGui::IsItemActive() && allowTap;
    ImDrawList* dl = ImGui::GetWindowDrawList();
    dl->AddRectFilled(pos, ImVec2(pos.x + size.x, pos.y + size.y), held ? th.text : th.primary, size.y * 0.5f);
    // A map pin drawn from shapes.
    const float r = size.y * 0.17f;
    const ImVec2 c(pos.x + size.y * 0.55f, pos.y + size.y * 0.42f);
    dl->AddCircleFilled(c, r, th.onPrimary, 20);
    dl->AddTriangleFilled(ImVec2(c.x - r * 0.85f, c.y + r * 0.5f), ImVec2(c.x + r * 0.85f, c.y + r * 0.5f),
                          ImVec2(c.x, c.y + r * 2.2f), th.onPrimary);
    dl->AddCircleFilled(c, r * 0.42f, held ? th.text : th.primary, 12);
    const std::string_view label = ctx.t("nav.map");
    ImGui::PushFont(ctx.fonts.title);
    const ImVec2 ts = widgets::textSize(label);
    dl->AddText(ImVec2(pos.x + size.y * 0.95f, pos.y + (size.y - ts.y) * 0.5f), th.onPrimary, label.data(),
                label.data() + label.size());
    ImGui::PopFont();
}

// The tallest tile's content at this width (name and description wrap), so
// every tile has room for its count line in any language and text size.
float tileContentHeight(const ScreenContext& ctx, float tileW) {
    const widgets::Theme& th = ctx.theme;
    const float w = tileW - th.padding * 2 - 12;
    float tallest = 0;
    for (cache::Collection c : kTiles) {
        const std::string_view name = ctx.tr.collection(ctx.lang(), c);
        const std::string_view desc = ctx.tr.collectionDescription(ctx.lang(), c);
        const float nameH = ctx.fonts.title->CalcTextSizeA(ctx.fonts.title->FontSize, FLT_MAX, w, name.data(),
                                                           name.data() + name.size()).y;
        const float descH = ctx.fonts.body->CalcTextSizeA(ctx.fonts.body->FontSize, FLT_MAX, w, desc.data(),
                                                          desc.data() + desc.size()).y;
        tallest = std::max(tallest, nameH + descH);
    }
    return th.padding * 2 + tallest + th.gap * 1.5f + ctx.fonts.bodyBold->FontSize;
}

void tile(const ScreenContext& ctx, cache::Collection c, ImVec2 size, bool allowTap, app::Actions& out) {
    const widgets::Theme& th = ctx.theme;
    const ImVec2 pos = ImGui::GetCursorScreenPos();
    ImGui::PushID(static_cast<int>(c));
    const bool tapped = ImGui::InvisibleButton("tile", size) && allowTap;
    const bool held = ImGui::IsItemActive() && allowTap;
    ImGui::PopID();
    if (tapped) out.push_back(app::OpenList{c});

    ImDrawList* dl = ImGui::GetWindowDrawList();
    const ImVec2 max(pos.x + size.x, pos.y + size.y);
    dl->AddRectFilled(pos, max, held ? th.primarySoft : th.surface, th.radius);
    dl->AddRect(pos, max, th.border, th.radius, 0, 1.5f);
    const ImU32 accent = widgets::collectionAccent(static_cast<int>(c));
    dl->AddRectFilled(pos, ImVec2(pos.x + 12, max.y), accent, th.radius, ImDrawFlags_RoundCornersLeft);

    const float x = pos.x + th.padding + 12;
    const float w = size.x - th.padding * 2 - 12;
    ImGui::PushFont(ctx.fonts.title);
    const std::string_view name = ctx.tr.collection(ctx.lang(), c);
    dl->AddText(ctx.fonts.title, ctx.fonts.title->FontSize, ImVec2(x, pos.y + th.padding), th.text, name.data(),
                name.data() + name.size(), w);
    const float nameH = widgets::textSize(name, w).y;
    ImGui::PopFont();
    const std::string_view desc = ctx.tr.collectionDescription(ctx.lang(), c);
    dl->AddText(ctx.fonts.body, ctx.fonts.body->FontSize, ImVec2(x, pos.y + th.padding + nameH + th.gap * 0.5f),
                th.textMuted, desc.data(), desc.data() + desc.size(), w);
    const std::string count = ctx.tr.count(ctx.lang(), "home.count", static_cast<long>(ctx.catalog.size(c)));
    ImGui::PushFont(ctx.fonts.bodyBold);
    const ImVec2 cs = widgets::textSize(count);
    // In high contrast the accents are too dark for text on black.
    dl->AddText(ImVec2(x, max.y - th.padding - cs.y), th.highContrast ? th.text : accent, count.c_str());
    ImGui::PopFont();
    // A chevron says "this opens".
    const float cy = max.y - th.padding - cs.y * 0.5f, cx = max.x - th.padding - 8;
    dl->AddLine(ImVec2(cx - 10, cy - 12), ImVec2(cx, cy), th.textMuted, 4.0f);
    dl->AddLine(ImVec2(cx, cy), ImVec2(cx - 10, cy + 12), th.textMuted, 4.0f);
}

} // namespace

void drawHome(const ScreenContext& ctx, UiState& ui, app::Actions& out) {
    const widgets::Theme& th = ctx.theme;
    const ImVec2 origin = ImGui::GetCursorScreenPos();
    const ImVec2 avail = ImGui::GetContentRegionAvail();
    ScrollArea area("home", origin, avail, ui.homeScroll, ui.homeContent, ctx.dt);
    const float margin = th.padding * 2;
    const float width = avail.x - margin * 2;

    ImGui::SetCursorPos(ImVec2(margin, ImGui::GetCursorPosY() + th.padding * 1.5f));
    ImGui::PushFont(ctx.fonts.display);
    ImGui::TextUnformatted(ctx.t("home.prompt").data(), ctx.t("home.prompt").data() + ctx.t("home.prompt").size());
    ImGui::PopFont();
    ImGui::SetCursorPosX(margin);
    const float mapW = std::max(th.targetPx * 3.5f, width * 0.2f);
    const float rowY = ImGui::GetCursorPosY();
    searchEntry(ctx, width - mapW - th.gap, area.tapAllowed(), out);
    const float afterSearch = ImGui::GetCursorPosY();
    ImGui::SetCursorPos(ImVec2(margin + width - mapW, rowY));
    mapEntry(ctx, ImVec2(mapW, th.targetPx * 1.3f), area.tapAllowed(), out);
    ImGui::SetCursorPosY(afterSearch);

    ImGui::SetCursorPos(ImVec2(margin, ImGui::GetCursorPosY() + th.padding));
    // Columns by the room in touch targets, so large text gets fewer, wider tiles.
    const int columns = avail.x > th.targetPx * 23 ? 3 : avail.x > th.targetPx * 14 ? 2 : 1;
    const float tileW = (width - th.gap * (columns - 1)) / columns;
    const float tileH = std::max(th.targetPx * 2.6f, tileContentHeight(ctx, tileW));
    for (std::size_t i = 0; i < kTiles.size(); ++i) {
        const int col = static_cast<int>(i) % columns;
        if (col == 0 && i > 0) ImGui::SetCursorPosY(ImGui::GetCursorPosY() + th.gap * 0.4f);
        if (col == 0) ImGui::SetCursorPosX(margin);
        else ImGui::SameLine(margin + col * (tileW + th.gap));
        tile(ctx, kTiles[i], ImVec2(tileW, tileH), area.tapAllowed(), out);
    }
    ImGui::Dummy(ImVec2(1, th.padding));
}

} // namespace kiosk::screens
