// The chrome around every screen: top bar (back, home, title, languages) and
// the status line. Screens draw only their content below it.
#include <imgui.h>

#include <array>

#include "screens.hpp"
#include "text_lines.hpp"
#include "widgets/touch.hpp"

namespace kiosk::screens {
namespace {

using widgets::ButtonKind;

std::string_view titleFor(const ScreenContext& ctx) {
    const app::Route& r = ctx.session.current();
    switch (r.screen) {
    case app::ScreenId::Home: return ctx.t("app.title");
    case app::ScreenId::List:
    case app::ScreenId::Detail: return ctx.tr.collection(ctx.lang(), r.collection);
    case app::ScreenId::Search: return ctx.t("search.title");
    case app::ScreenId::Map: return ctx.t("map.title");
    case app::ScreenId::Admin: return ctx.t("admin.title");
    }
    return {};
}

// A switch on the top bar that is on: filled like a button and underlined,
// so the state is told by shape as well as colour.
void markCurrent(const widgets::Theme& th, float x, float w) {
    ImGui::GetWindowDrawList()->AddRectFilled(ImVec2(x + 10, th.gap + th.targetPx - 8),
                                              ImVec2(x + w - 10, th.gap + th.targetPx - 3), th.primary, 2.0f);
}

// Languages, right-aligned. Returns the left edge of what it drew.
float drawLanguages(const ScreenContext& ctx, app::Actions& out) {
    const widgets::Theme& th = ctx.theme;
    constexpr std::array langs{std::pair{cache::Lang::Pl, "lang.pl"}, std::pair{cache::Lang::En, "lang.en"},
                               std::pair{cache::Lang::Uk, "lang.uk"}};
    float rx = ImGui::GetIO().DisplaySize.x - th.padding;
    for (auto it = langs.rbegin(); it != langs.rend(); ++it) {
        const float w = th.targetPx * 1.25f;
        rx -= w;
        ImGui::SetCursorScreenPos(ImVec2(rx, th.gap));
        const bool current = ctx.lang() == it->first;
        if (widgets::touchButton(th, it->second, ctx.t(it->second), current ? ButtonKind::Secondary : ButtonKind::OnBar, w))
            out.push_back(app::SetLanguage{it->first});
        if (current) markCurrent(th, rx, w);
        rx -= th.gap * 0.5f;
    }
    return rx;
}

// High contrast and large text: one tap away on every screen. Returns the
// left edge of what it drew.
float drawAccessibility(const ScreenContext& ctx, float right, app::Actions& out) {
    const widgets::Theme& th = ctx.theme;
    const float w = th.targetPx * 1.25f;
    float rx = right - th.gap;
    rx -= w;
    ImGui::SetCursorScreenPos(ImVec2(rx, th.gap));
    const bool large = ctx.session.largeText;
    if (widgets::touchButton(th, "a11y.large", ctx.t("a11y.large_text"), large ? ButtonKind::Secondary : ButtonKind::OnBar, w))
        out.push_back(app::ToggleLargeText{});
    if (large) markCurrent(th, rx, w);
    rx -= th.gap * 0.5f + w;
    ImGui::SetCursorScreenPos(ImVec2(rx, th.gap));
    const bool contrast = ctx.session.highContrast;
    if (widgets::touchButton(th, "a11y.contrast", "", contrast ? ButtonKind::Secondary : ButtonKind::OnBar, w))
        out.push_back(app::ToggleHighContrast{});
    // The usual contrast symbol: a circle, half filled.
    const ImVec2 c(rx + w * 0.5f, th.gap + th.targetPx * 0.5f);
    const float r = th.targetPx * 0.26f;
    const ImU32 ink = contrast ? th.primary : th.onTopBar;
    ImDrawList* dl = ImGui::GetWindowDrawList();
    constexpr float kPi = 3.14159265f;
    dl->PathArcTo(c, r, kPi * 0.5f, kPi * 1.5f, 24);
    dl->PathFillConvex(ink);
    dl->AddCircle(c, r, ink, 32, 3.0f);
    if (contrast) markCurrent(th, rx, w);
    return rx;
}

float drawTopBar(const ScreenContext& ctx, app::Actions& out) {
    const widgets::Theme& th = ctx.theme;
    const ImVec2 vp = ImGui::GetIO().DisplaySize;
    const float h = th.targetPx + th.gap * 2;
    ImDrawList* dl = ImGui::GetWindowDrawList();
    dl->AddRectFilled(ImVec2(0, 0), ImVec2(vp.x, h), th.topBar);

    float x = th.padding;
    const bool home = ctx.session.current().screen == app::ScreenId::Home;
    if (!home) {
        ImGui::SetCursorScreenPos(ImVec2(x, th.gap));
        if (widgets::touchButton(th, "back", ctx.t("nav.back"), ButtonKind::OnBar)) out.push_back(app::GoBack{});
        x = ImGui::GetItemRectMax().x + th.gap;
        ImGui::SetCursorScreenPos(ImVec2(x, th.gap));
        if (widgets::touchButton(th, "home", ctx.t("nav.home"), ButtonKind::OnBar)) out.push_back(app::GoHome{});
        x = ImGui::GetItemRectMax().x + th.gap * 2;
    }
    // Right to left: languages, then the two accessibility switches, then
    // the map; the title gets what is left.
    float rx = drawLanguages(ctx, out);
    rx = drawAccessibility(ctx, rx, out);
    // The map is one tap away from every screen (home has its own big button).
    if (!home && ctx.session.current().screen != app::ScreenId::Map) {
        const float w = th.targetPx * 2.2f;
        rx -= th.gap + w;
        ImGui::SetCursorScreenPos(ImVec2(rx, th.gap));
        if (widgets::touchButton(th, "map", ctx.t("nav.map"), ButtonKind::OnBar, w)) out.push_back(app::OpenMap{});
    }
    // The title gets the room left of the buttons; a longer one ends in "…".
    const float room = rx - th.gap - x;
    const std::string_view title = titleFor(ctx);
    ImGui::PushFont(ctx.fonts.title);
    const ImVec2 ts = widgets::textSize(title);
    ImGui::PopFont();
    drawTextBox(dl, ctx.fonts.title, ImVec2(x, (h - ts.y) * 0.5f), title, room, 1, th.onTopBar);
    if (home) {
        const std::string_view sub = ctx.t("app.subtitle");
        const ImVec2 ss = widgets::textSize(sub);
        const float subX = x + ts.x + th.gap * 2;
        if (subX + ss.x <= rx - th.gap) // the subtitle only where it fits whole
            dl->AddText(ImVec2(subX, (h - ss.y) * 0.5f + 4), th.onTopBarMuted, sub.data(), sub.data() + sub.size());
    }
    return h;
}

float drawStatusLine(const ScreenContext& ctx) {
    const ImVec2 vp = ImGui::GetIO().DisplaySize;
    ImGui::PushFont(ctx.fonts.small);
    const float h = ImGui::GetTextLineHeight() + ctx.theme.gap;
    ImDrawList* dl = ImGui::GetWindowDrawList();
    dl->AddRectFilled(ImVec2(0, vp.y - h), vp, ctx.theme.surfaceSunken);
    dl->AddText(ImVec2(ctx.theme.padding, vp.y - h + ctx.theme.gap * 0.5f), ctx.theme.textMuted,
                ctx.statusLine.c_str());
    ImGui::PopFont();
    return h;
}

} // namespace

void drawKioskFrame(const ScreenContext& ctx, UiState& ui, app::Actions& out) {
    const ImGuiViewport* vp = ImGui::GetMainViewport();
    ImGui::SetNextWindowPos(vp->Pos);
    ImGui::SetNextWindowSize(vp->Size);
    ImGui::Begin("kiosk", nullptr,
                 ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_NoMove | ImGuiWindowFlags_NoSavedSettings |
                     ImGuiWindowFlags_NoBringToFrontOnFocus | ImGuiWindowFlags_NoScrollWithMouse |
                     // The frame is cleared to the page colour already: a window
                     // background would fill every pixel a second time, which
                     // software GL on a cheap terminal pays for on every frame.
                     ImGuiWindowFlags_NoBackground);
    const float top = drawTopBar(ctx, out);
    const float bottom = drawStatusLine(ctx);
    ImGui::SetCursorScreenPos(ImVec2(0, top));
    ImGui::BeginChild("content", ImVec2(vp->Size.x, vp->Size.y - top - bottom), false,
                      ImGuiWindowFlags_NoScrollbar | ImGuiWindowFlags_NoScrollWithMouse | ImGuiWindowFlags_NoBackground);
    switch (ctx.session.current().screen) {
    case app::ScreenId::Home: drawHome(ctx, ui, out); break;
    case app::ScreenId::List: drawList(ctx, ui, out); break;
    case app::ScreenId::Detail: drawDetail(ctx, ui, out); break;
    case app::ScreenId::Search: drawSearch(ctx, ui, out); break;
    case app::ScreenId::Map: drawMap(ctx, ui, out); break;
    case app::ScreenId::Admin: drawAdmin(ctx, ui, out); break;
    }
    ImGui::EndChild();
    watchAdminGesture(ctx, ui, out); // last: every control has claimed its taps
    ImGui::End();
}

} // namespace kiosk::screens
