// A collection's list: filters on the left, records on the right.
#include <imgui.h>

#include <algorithm>

#include "app/filters.hpp"
#include "record_row.hpp"
#include "scroll_area.hpp"
#include "screens.hpp"
#include "widgets/touch.hpp"

namespace kiosk::screens {
namespace {

// Chips flow left to right and wrap within `width`.
class ChipFlow {
public:
    ChipFlow(float left, float width, float gap) : m_left(left), m_right(left + width), m_gap(gap) {}
    void place(float chipWidth) {
        if (m_first) {
            ImGui::SetCursorPosX(m_left);
        } else if (m_lastEnd + m_gap + chipWidth <= m_right) {
            ImGui::SameLine(m_lastEnd + m_gap);
        } else {
            ImGui::SetCursorPosX(m_left);
        }
        m_first = false;
    }
    void done() { m_lastEnd = ImGui::GetItemRectMax().x - ImGui::GetWindowPos().x; }

private:
    float m_left, m_right, m_gap;
    float m_lastEnd = 0;
    bool m_first = true;
};


void sectionLabel(const ScreenContext& ctx, std::string_view text, float left) {
    ImGui::SetCursorPos(ImVec2(left, ImGui::GetCursorPosY() + ctx.theme.gap * 0.6f));
    ImGui::PushFont(ctx.fonts.bodyBold);
    ImGui::TextUnformatted(text.data(), text.data() + text.size());
    ImGui::PopFont();
}

void drawFilters(const ScreenContext& ctx, cache::Collection c, float left, float width, bool allowTap,
                 app::Actions& out) {
    const app::FilterState& st = ctx.session.filtersOf(c);
    for (const app::FilterDef& d : app::filtersFor(c)) {
        const std::string id(d.id);
        switch (d.kind) {
        case app::FilterKind::Choice: {
            const auto values = app::choiceValues(ctx.catalog, c, d.field);
            if (values.size() < 2) break; // nothing to choose between
            sectionLabel(ctx, d.field == "status" ? ctx.t("filter.status") : ctx.tr.field(ctx.lang(), c, d.field), left);
            const auto sel = st.choices.find(d.id);
            ChipFlow flow(left, width, ctx.theme.gap * 0.5f);
            for (const std::string& v : values) {
                const std::string label =
                    d.field == "status"     ? std::string(ctx.tr.status(ctx.lang(), c, v))
                    : d.field == "district" ? std::string(cache::districtName(v))
                                            : std::string(ctx.tr.enumValue(ctx.lang(), c, d.field, v));
                const bool on = sel != st.choices.end() && sel->second.count(v);
                flow.place(widgets::chipSize(ctx.theme, label, on, width).x);
                if (widgets::chip(ctx.theme, id + ":" + v, label, on, allowTap, width))
                    out.push_back(app::ToggleChoice{c, id, v});
                flow.done();
            }
            break;
        }
        case app::FilterKind::Flag: break; // drawn together below
        case app::FilterKind::DaysAhead: {
            sectionLabel(ctx, ctx.t(d.labelKey), left);
            const auto it = st.daysAhead.find(d.id);
            const int current = it == st.daysAhead.end() ? 0 : it->second;
            const bool events = d.field == "starts_at";
            const std::pair<int, std::string_view> opts[] = {
                {7, ctx.t(events ? "filter.when.week" : "filter.deadline.7")},
                {30, ctx.t(events ? "filter.when.month" : "filter.deadline.30")}};
            ChipFlow flow(left, width, ctx.theme.gap * 0.5f);
            for (const auto& [days, label] : opts) {
                flow.place(widgets::chipSize(ctx.theme, label, current == days, width).x);
                if (widgets::chip(ctx.theme, id + std::to_string(days), label, current == days, allowTap, width))
                    out.push_back(app::SetDaysAhead{c, id, current == days ? 0 : days});
                flow.done();
            }
            break;
        }
        }
    }
    // Yes/no options share one heading and flow like the other chips.
    bool anyFlag = false;
    ChipFlow flags(left, width, ctx.theme.gap * 0.5f);
    for (const app::FilterDef& d : app::filtersFor(c)) {
        if (d.kind != app::FilterKind::Flag) continue;
        if (!anyFlag) sectionLabel(ctx, ctx.t("filter.options"), left);
        anyFlag = true;
        const bool on = st.flags.count(d.id) > 0;
        const std::string_view label = ctx.t(d.labelKey);
        flags.place(widgets::chipSize(ctx.theme, label, on, width).x);
        if (widgets::chip(ctx.theme, std::string(d.id), label, on, allowTap, width)) out.push_back(app::ToggleFlag{c, std::string(d.id)});
        flags.done();
    }
    if (!st.empty()) {
        ImGui::SetCursorPos(ImVec2(left, ImGui::GetCursorPosY() + ctx.theme.gap));
        if (widgets::touchButton(ctx.theme, "clear", ctx.t("list.clear"), widgets::ButtonKind::Secondary, width, allowTap))
            out.push_back(app::ClearFilters{c});
    }
    ImGui::Dummy(ImVec2(1, ctx.theme.padding));
}

} // namespace

void drawList(const ScreenContext& ctx, UiState& ui, app::Actions& out) {
    const widgets::Theme& th = ctx.theme;
    const cache::Collection c = ctx.session.current().collection;
    const ImVec2 origin = ImGui::GetCursorScreenPos();
    const ImVec2 avail = ImGui::GetContentRegionAvail();
    const bool hasFilters = !app::filtersFor(c).empty();
    const float panelW = hasFilters ? std::min(avail.x * 0.34f, th.targetPx * 10) : 0.0f; // 640 px at 1080 lines

    if (hasFilters) {
        ImGui::GetWindowDrawList()->AddRectFilled(origin, ImVec2(origin.x + panelW, origin.y + avail.y), th.surfaceSunken);
        ScrollArea area("filters", origin, ImVec2(panelW, avail.y), ui.filterScroll, ui.filterContent, ctx.dt);
        ImGui::SetCursorPos(ImVec2(th.padding, ImGui::GetCursorPosY() + th.padding * 0.5f));
        ImGui::PushFont(ctx.fonts.title);
        ImGui::TextUnformatted(ctx.t("list.filters").data(), ctx.t("list.filters").data() + ctx.t("list.filters").size());
        ImGui::PopFont();
        drawFilters(ctx, c, th.padding, panelW - th.padding * 2, area.tapAllowed(), out);
    }

    const ImVec2 listPos(origin.x + panelW, origin.y);
    const ImVec2 listSize(avail.x - panelW, avail.y);
    ScrollArea area("rows", listPos, listSize, ui.listScroll, ui.listContent, ctx.dt);
    const float left = th.padding * 1.5f;
    const float width = listSize.x - th.padding * 3;
    ImGui::SetCursorPos(ImVec2(left, ImGui::GetCursorPosY() + th.padding * 0.5f));
    ImGui::PushFont(ctx.fonts.bodyBold);
    const std::string count = ctx.tr.count(ctx.lang(), "list.count", static_cast<long>(ctx.listRows.size()));
    ImGui::TextUnformatted(count.c_str());
    ImGui::PopFont();

    if (ctx.listRows.empty()) {
        ImGui::SetCursorPosX(left);
        widgets::wrappedText(ctx.t("list.empty"), width, th.textMuted);
    }
    // Rows have one height, so only the visible ones are drawn.
    const float rowH = recordRowHeight(ctx);
    const float firstY = ImGui::GetCursorPosY();
    const float visibleTop = -firstY, visibleBottom = visibleTop + listSize.y;
    const int first = std::max(0, static_cast<int>(visibleTop / rowH) - 1);
    const int last = std::min(static_cast<int>(ctx.listRows.size()), static_cast<int>(visibleBottom / rowH) + 2);
    for (int i = first; i < last; ++i) {
        ImGui::SetCursorPos(ImVec2(left, firstY + i * rowH));
        const cache::Record& r = *ctx.listRows[static_cast<std::size_t>(i)];
        if (drawRecordRow(ctx, r, width, area.tapAllowed())) out.push_back(app::OpenDetail{r.collection, r.id});
    }
    ImGui::SetCursorPos(ImVec2(left, firstY + rowH * static_cast<float>(ctx.listRows.size())));
    ImGui::Dummy(ImVec2(1, th.padding));
}

} // namespace kiosk::screens
