// Type-ahead search: the field, then results grouped by collection, and the
// on-screen keyboard docked at the bottom (the results shrink to make room,
// so it never covers the field).
#include <imgui.h>
#include <imgui_stdlib.h>

#include <algorithm>

#include "record_row.hpp"
#include "scroll_area.hpp"
#include "search_keyboard.hpp"
#include "screens.hpp"
#include "widgets/touch.hpp"

namespace kiosk::screens {

void drawSearch(const ScreenContext& ctx, UiState& ui, app::Actions& out) {
    const widgets::Theme& th = ctx.theme;
    const ImVec2 origin = ImGui::GetCursorScreenPos();
    const ImVec2 avail = ImGui::GetContentRegionAvail();
    const float left = th.padding * 2;
    const float width = avail.x - left * 2;

    // The field stays put above the scrolling results.
    ImGui::SetCursorScreenPos(ImVec2(origin.x + left, origin.y + th.padding));
    const float clearW = th.targetPx * 2.4f;
    ImGui::PushItemWidth(width - clearW - th.gap);
    ImGui::PushStyleVar(ImGuiStyleVar_FramePadding, ImVec2(th.padding, (th.targetPx * 1.2f - ImGui::GetFontSize()) * 0.5f));
    ImGui::PushStyleVar(ImGuiStyleVar_FrameBorderSize, 3.0f);
    ImGui::PushStyleColor(ImGuiCol_Border, th.primary);
    // The focus lands on the next frame. Asked for while a finger rests (on
    // a key), it would take the press away from the keyboard mid-hold; a
    // fresh tap on the next frame is fine (the keyboard, drawn later, takes it).
    if (ui.focusSearchField && !ImGui::GetIO().MouseDown[0]) {
        ImGui::SetKeyboardFocusHere();
        ui.focusSearchField = false;
    }
    if (ImGui::InputTextWithHint("##query", ctx.t("search.hint").data(), &ui.searchBuffer,
                                 ImGuiInputTextFlags_CallbackAlways, searchFieldCallback, &ui))
        out.push_back(app::SetQuery{ui.searchBuffer});
    // While the field is active, a tap on the keyboard must still reach it
    // (ImGui hovers nothing else while an item is active, unless allowed).
    ImGui::SetItemAllowOverlap();
    if (ImGui::IsItemActivated()) {
        const bool tapped = ImGui::IsMouseClicked(ImGuiMouseButton_Left) &&
                            ImGui::IsMouseHoveringRect(ImGui::GetItemRectMin(), ImGui::GetItemRectMax());
        if (tapped) ui.keyboardHidden = false; // the keyboard comes back
        else keepMouseHoverAfterFocus();       // our focus request: a tap on a key this frame must still count
    }
    const ImGuiID fieldId = ImGui::GetID("##query");
    ui.searchFieldRect = {ImGui::GetItemRectMin().x, ImGui::GetItemRectMin().y, ImGui::GetItemRectSize().x,
                          ImGui::GetItemRectSize().y};
    ImGui::PopStyleColor();
    ImGui::PopStyleVar(2);
    ImGui::PopItemWidth();
    const float fieldBottom = ImGui::GetItemRectMax().y;
    ImGui::SameLine();
    if (widgets::touchButton(th, "clear", ctx.t("search.clear"), widgets::ButtonKind::Secondary, clearW)) {
        ui.searchBuffer.clear();
        ui.focusSearchField = true;
        out.push_back(app::SetQuery{""});
    }

    float listBottom = origin.y + avail.y;
    if (!ui.keyboardHidden) {
        const float kh = widgets::keyboardHeight(widgets::keyboardMetrics(th));
        // Below the field whatever the window's height: never over it.
        const float top = std::max(listBottom - kh, fieldBottom + th.gap);
        drawSearchKeyboard(ctx, ui, out, widgets::KeyRect{origin.x, top, avail.x, kh}, fieldId);
        listBottom = top;
    }
    const ImVec2 listPos(origin.x, fieldBottom + th.gap);
    const ImVec2 listSize(avail.x, std::max(0.0f, listBottom - listPos.y));
    ScrollArea area("results", listPos, listSize, ui.searchScroll, ui.searchContent, ctx.dt);
    ImGui::SetCursorPos(ImVec2(left, ImGui::GetCursorPosY() + th.gap));

    const auto& results = ctx.session.results;
    if (ctx.session.query.empty()) {
        widgets::wrappedText(ctx.t("search.start"), width, th.textMuted);
        return;
    }
    if (!results) return; // still searching: keep the screen calm, no spinner flash
    if (results->groups.empty()) {
        widgets::wrappedText(ctx.t("search.none"), width, th.textMuted);
        return;
    }
    ImGui::PushFont(ctx.fonts.bodyBold);
    std::string total;
    if (results->more()) {
        total = std::string(ctx.t("search.results_more"));
        total.replace(total.find("%d"), 2, std::to_string(results->total()));
    } else {
        total = ctx.tr.count(ctx.lang(), "search.results", results->total());
    }
    ImGui::TextUnformatted(total.c_str());
    ImGui::PopFont();
    for (const cache::SearchGroup& g : results->groups) {
        ImGui::SetCursorPos(ImVec2(left, ImGui::GetCursorPosY() + th.gap));
        ImGui::PushFont(ctx.fonts.title);
        const std::string header = std::string(ctx.tr.collection(ctx.lang(), g.collection)) + "  (" +
                                   std::to_string(g.total) + (g.more ? "+" : "") + ")";
        ImGui::TextUnformatted(header.c_str());
        ImGui::PopFont();
        for (const cache::SearchHit& hit : g.hits) {
            const cache::Record* r = ctx.catalog.find(hit.collection, hit.id);
            if (!r) continue; // the catalog moved on since the search ran
            ImGui::SetCursorPosX(left);
            if (drawRecordRow(ctx, *r, width, area.tapAllowed())) out.push_back(app::OpenDetail{r->collection, r->id});
        }
    }
    ImGui::Dummy(ImVec2(1, th.padding));
}

} // namespace kiosk::screens
