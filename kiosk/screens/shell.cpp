// The chrome around every screen: top bar (back, home, title, languages) and
// the status line. Screens draw only their content below it.
#include <imgui.h>

#include <array>

#include "screens.hpp"
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
    }
    return {};
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
    // The map is one tap away from every screen (home has its own big button).
    if (!home && ctx.session.current().screen != app::ScreenId::Map) {
        const float w = th.targetPx * 2.2f;
        const float langsW = (th.targetPx * 1.25f + th.gap * 0.5f) * 3;
        ImGui::SetCursorScreenPos(ImVec2(vp.x - th.padding - langsW - th.gap - w, th.gap));
        if (widgets::touchButton(th, "map", ctx.t("nav.map"), ButtonKind::OnBar, w)) out.push_back(app::OpenMap{});
    }
    ImGui::PushFont(ctx.fonts.title);
    const std::string_view title = titleFor(ctx);
    const ImVec2 ts = widgets::textSize(title);
    dl->AddText(ImVec2(x, (h - ts.y) * 0.5f), th.onTopBar, title.data(), title.data() + title.size());
    ImGui::PopFont();
    if (home) {
        const std::string_view sub = ctx.t("app.subtitle");
        const ImVec2 ss = widgets::textSize(sub);
        dl->AddText(ImVec2(x + ts.x + th.gap * 2, (h - ss.y) * 0.5f + 4), IM_COL32(220, 235, 240, 255), sub.data(),
                    sub.data() + sub.size());
    }

    // Languages, right-aligned; the current one is marked by fill and a bar.
    constexpr std::array langs{std::pair{cache::Lang::Pl, "lang.pl"}, std::pair{cache::Lang::En, "lang.en"},
                               std::pair{cache::Lang::Uk, "lang.uk"}};
    float rx = vp.x - th.padding;
    for (auto it = langs.rbegin(); it != langs.rend(); ++it) {
        const float w = th.targetPx * 1.25f;
        rx -= w;
        ImGui::SetCursorScreenPos(ImVec2(rx, th.gap));
        const bool current = ctx.lang() == it->first;
        if (widgets::touchButton(th, it->second, ctx.t(it->second), current ? ButtonKind::Secondary : ButtonKind::OnBar, w))
            out.push_back(app::SetLanguage{it->first});
        if (current)
            dl->AddRectFilled(ImVec2(rx + 10, th.gap + th.targetPx - 8), ImVec2(rx + w - 10, th.gap + th.targetPx - 3),
                              th.primary, 2.0f);
        rx -= th.gap * 0.5f;
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
    }
    ImGui::EndChild();
    ImGui::End();
}

} // namespace kiosk::screens
