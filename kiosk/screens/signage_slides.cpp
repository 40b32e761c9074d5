// Signage slide bodies: equipment offers, open demands with their deadlines
// and social clauses, upcoming events, a featured entity, announcements and
// programme indicators as progress bars. Large type, theme colours only, and
// every flag in words (days left, "social clause", "target reached") so
// nothing is told by colour alone.
#include "signage_slides.hpp"

#include "i18n/format.hpp"
#include "record_summary.hpp"
#include "text_lines.hpp"

#include <algorithm>
#include <cfloat>
#include <cmath>
#include <string>
#include <vector>

namespace kiosk::screens {
namespace {

using cache::Collection;
using cache::Record;
using signage::SlideItem;

// [SECTION] Helpers

// A text field in the visitor's language, whether it has variants or not.
std::string textOf(const Record& r, std::string_view key, cache::Lang lang) {
    if (const cache::LocalText* lt = r.localText(key)) return lt->in(lang);
    if (const std::string* s = r.text(key)) return *s;
    return {};
}

float widthOf(const ImFont* font, std::string_view t) {
    return font->CalcTextSizeA(font->FontSize, FLT_MAX, 0.0f, t.data(), t.data() + t.size()).x;
}

void text(ImDrawList* dl, ImFont* font, ImVec2 pos, ImU32 colour, std::string_view t) {
    dl->AddText(font, font->FontSize, pos, colour, t.data(), t.data() + t.size());
}

// A card with a stripe on its left edge; clips what is drawn until endCard.
void beginCard(ImDrawList* dl, const widgets::Theme& th, const SlideBox& b) {
    dl->AddRectFilled(b.min, b.max, th.surface, th.radius);
    dl->AddRect(b.min, b.max, th.border, th.radius, 0, 1.5f);
    dl->AddRectFilled(b.min, ImVec2(b.min.x + th.gap * 0.6f, b.max.y), th.primary, th.radius,
                      ImDrawFlags_RoundCornersLeft);
    dl->PushClipRect(b.min, b.max, true);
}
void endCard(ImDrawList* dl) {
    dl->PopClipRect();
}

// The card's inner area (inside padding and the stripe).
SlideBox inner(const widgets::Theme& th, const SlideBox& b, float pad) {
    return {ImVec2(b.min.x + th.gap * 0.6f + pad, b.min.y + pad),
            ImVec2(b.max.x - pad, b.max.y - pad)};
}

void drawCheck(ImDrawList* dl, ImVec2 at, float size, ImU32 colour) {
    const float w = std::max(2.0f, size * 0.16f);
    dl->AddLine(ImVec2(at.x, at.y + size * 0.55f), ImVec2(at.x + size * 0.38f, at.y + size * 0.9f),
                colour, w);
    dl->AddLine(ImVec2(at.x + size * 0.38f, at.y + size * 0.9f),
                ImVec2(at.x + size, at.y + size * 0.15f), colour, w);
}

// An outlined pill with a check mark and a label; returns its width.
float badge(ImDrawList* dl, ImFont* font, ImVec2 pos, std::string_view label, ImU32 colour) {
    const float h = font->FontSize * 1.45f;
    const float w = h * 0.95f + widthOf(font, label) + h * 0.45f;
    dl->AddRect(pos, ImVec2(pos.x + w, pos.y + h), colour, h * 0.5f, 0, 2.5f);
    drawCheck(dl, ImVec2(pos.x + h * 0.4f, pos.y + h * 0.28f), h * 0.42f, colour);
    text(dl, font, ImVec2(pos.x + h * 0.95f, pos.y + (h - font->FontSize) * 0.5f), colour, label);
    return w;
}
// A card's body text from `y` down, as many lines as fit (at most
// `maxLines`), and an optional one-line footer pinned to the card's bottom.
void bodyAndFooter(const ScreenContext& ctx, ImDrawList* dl, const SlideBox& in, float y, std::string_view body,
                   int maxLines, ImU32 bodyColour, std::string_view footer, ImU32 footerColour) {
    const float footerH = footer.empty() ? 0 : ctx.fonts.small->FontSize + ctx.theme.gap * 0.5f;
    const int lines = static_cast<int>((in.max.y - footerH - y) / ctx.fonts.body->FontSize);
    drawTextBox(dl, ctx.fonts.body, ImVec2(in.min.x, y), body, in.width(), std::clamp(lines, 0, maxLines),
                bodyColour);
    if (!footer.empty())
        drawTextBox(dl, ctx.fonts.small, ImVec2(in.min.x, in.max.y - ctx.fonts.small->FontSize), footer,
                    in.width(), 1, footerColour);
}

float badgeHeight(const ImFont* font) {
    return font->FontSize * 1.45f;
}

// `count` boxes in rows of `columns`, as if there were at least `slots` of
// them (one record does not become one giant card).
std::vector<SlideBox> layoutGrid(const SlideBox& box, std::size_t count, int columns,
                                 std::size_t slots, float gap) {
    const std::size_t cols = static_cast<std::size_t>(std::max(columns, 1));
    const std::size_t rows = (std::max(count, slots) + cols - 1) / cols;
    const float w = (box.width() - gap * static_cast<float>(cols - 1)) / static_cast<float>(cols);
    const float h = (box.height() - gap * static_cast<float>(rows - 1)) / static_cast<float>(rows);
    std::vector<SlideBox> out;
    for (std::size_t i = 0; i < count; ++i) {
        const float x = box.min.x + static_cast<float>(i % cols) * (w + gap);
        const float y = box.min.y + static_cast<float>(i / cols) * (h + gap);
        out.push_back({ImVec2(x, y), ImVec2(x + w, y + h)});
    }
    return out;
}

// The records of a slide that still exist in the catalog being drawn.
std::vector<std::pair<const SlideItem*, const Record*>> resolve(const ScreenContext& ctx,
                                                                const signage::Slide& slide) {
    std::vector<std::pair<const SlideItem*, const Record*>> out;
    for (const SlideItem& item : slide.items)
        if (const Record* r = ctx.catalog.find(item.record.collection, item.record.id))
            out.emplace_back(&item, r);
    return out;
}

// [SECTION] Equipment

void drawEquipment(const ScreenContext& ctx, const Record& r, const SlideBox& b) {
    const widgets::Theme& th = ctx.theme;
    ImDrawList* dl = ImGui::GetWindowDrawList();
    beginCard(dl, th, b);
    const SlideBox in = inner(th, b, th.padding);
    float y = in.min.y;
    y += drawTextBox(dl, ctx.fonts.title, ImVec2(in.min.x, y), r.title(ctx.lang()), in.width(), 2,
                     th.text);
    y += th.gap * 0.4f;
    y += drawTextBox(dl, ctx.fonts.bodyBold, ImVec2(in.min.x, y), subtitleOf(r, ctx.tr, ctx.lang()),
                     in.width(), 1, th.primary);
    y += th.gap * 0.4f;
    const std::string pickup = textOf(r, "pickup_address", ctx.lang());
    const std::string footer =
        pickup.empty() ? std::string()
                       : std::string(ctx.tr.field(ctx.lang(), r.collection, "pickup_address")) + ": " + pickup;
    bodyAndFooter(ctx, dl, in, y, textOf(r, "description", ctx.lang()), 4, th.textMuted, footer, th.text);
    endCard(dl);
}

// [SECTION] Demands

void drawDemand(const ScreenContext& ctx, const SlideItem& item, const Record& r,
                const SlideBox& b) {
    const widgets::Theme& th = ctx.theme;
    ImDrawList* dl = ImGui::GetWindowDrawList();
    beginCard(dl, th, b);
    const SlideBox in = inner(th, b, th.padding);
    const float rightW = std::min(in.width() * 0.36f, ctx.fonts.body->FontSize * 16);
    const float leftW = in.width() - rightW - th.gap * 2;

    float y = in.min.y;
    y += drawTextBox(dl, ctx.fonts.title, ImVec2(in.min.x, y), r.title(ctx.lang()), leftW, 2,
                     th.text);
    y += th.gap * 0.3f;
    if (const std::string* dept = r.text("department"))
        drawTextBox(dl, ctx.fonts.body, ImVec2(in.min.x, y), *dept, leftW, 1, th.textMuted);

    // Right column: when, how long is left, and the social clause.
    const float x = in.max.x - rightW;
    float ry = in.min.y;
    if (const std::string* deadline = r.text("deadline")) {
        std::string line(ctx.t("signage.deadline"));
        if (const auto at = line.find("%s"); at != std::string::npos)
            line.replace(at, 2, i18n::formatDateTime(ctx.lang(), *deadline));
        ry += drawTextBox(dl, ctx.fonts.body, ImVec2(x, ry), line, rightW, 1, th.text);
    }
    const std::string left = item.daysLeft <= 0
                                 ? std::string(ctx.t("signage.last_day"))
                                 : ctx.tr.count(ctx.lang(), "detail.days_left", item.daysLeft);
    ry += drawTextBox(dl, ctx.fonts.title, ImVec2(x, ry), left, rightW, 1,
                      item.daysLeft <= 3 ? th.warn : th.primary);
    ry += th.gap * 0.4f;
    if (item.socialClause && ry + badgeHeight(ctx.fonts.bodyBold) <= in.max.y + th.padding * 0.5f)
        badge(dl, ctx.fonts.bodyBold, ImVec2(x, ry), ctx.t("signage.social_clause"), th.good);
    endCard(dl);
}

// [SECTION] Events

void drawEvent(const ScreenContext& ctx, const SlideItem& item, const Record& r,
               const SlideBox& b) {
    const widgets::Theme& th = ctx.theme;
    ImDrawList* dl = ImGui::GetWindowDrawList();
    beginCard(dl, th, b);
    const SlideBox in = inner(th, b, th.padding * 0.75f);

    // The date block: date, time, and "today" / "tomorrow" / "happening now".
    const float blockW = ctx.fonts.title->FontSize * 5.2f;
    dl->AddRectFilled(in.min, ImVec2(in.min.x + blockW, in.max.y), th.primarySoft,
                      th.radius * 0.7f);
    float by = in.min.y + th.gap * 0.5f;
    const float bx = in.min.x + th.gap;
    if (const std::string* start = r.text("starts_at"); start && start->size() >= 16) {
        by += drawTextBox(dl, ctx.fonts.bodyBold, ImVec2(bx, by),
                          i18n::formatDate(ctx.lang(), start->substr(0, 10)), blockW - th.gap * 2,
                          1, th.text);
        by += drawTextBox(dl, ctx.fonts.title, ImVec2(bx, by), start->substr(11, 5),
                          blockW - th.gap * 2, 1, th.text);
    }
    std::string_view when;
    if (item.happeningNow)
        when = ctx.t("signage.now");
    else if (item.daysLeft == 0)
        when = ctx.t("signage.today");
    else if (item.daysLeft == 1)
        when = ctx.t("signage.tomorrow");
    // Text colour on primarySoft: the pair the themes guarantee (7:1 in high contrast).
    if (!when.empty())
        drawTextBox(dl, ctx.fonts.bodyBold, ImVec2(bx, by), when, blockW - th.gap * 2, 1, th.text);

    const float x = in.min.x + blockW + th.gap * 1.5f;
    const float w = in.max.x - x;
    float y = in.min.y;
    y += drawTextBox(dl, ctx.fonts.title, ImVec2(x, y), r.title(ctx.lang()), w, 2, th.text);
    y += th.gap * 0.3f;
    std::string where = textOf(r, "place", ctx.lang());
    if (const std::string address = textOf(r, "address", ctx.lang()); !address.empty())
        where += (where.empty() ? "" : " · ") + address;
    if (!where.empty())
        y += drawTextBox(dl, ctx.fonts.body, ImVec2(x, y), where, w, 1, th.textMuted);
    if (const std::string org = textOf(r, "organiser", ctx.lang()); !org.empty())
        drawTextBox(dl, ctx.fonts.small, ImVec2(x, y + th.gap * 0.2f), org, w, 1, th.textMuted);
    endCard(dl);
}

// [SECTION] Featured entity

void drawFeatured(const ScreenContext& ctx, const Record& r, const SlideBox& b) {
    const widgets::Theme& th = ctx.theme;
    const cache::Lang lang = ctx.lang();
    ImDrawList* dl = ImGui::GetWindowDrawList();
    beginCard(dl, th, b);
    const SlideBox in = inner(th, b, th.padding * 1.5f);
    float y = in.min.y;
    y += drawTextBox(dl, ctx.fonts.display, ImVec2(in.min.x, y), r.title(lang), in.width(), 2,
                     th.text);
    y += th.gap * 0.4f;
    y += drawTextBox(dl, ctx.fonts.title, ImVec2(in.min.x, y), subtitleOf(r, ctx.tr, lang),
                     in.width(), 1, th.primary);
    y += th.gap * 0.8f;

    // Statuses a visitor may look for, each as a labelled badge.
    float x = in.min.x;
    bool anyBadge = false;
    for (std::string_view flag : {"social_enterprise", "opp", "step_free"}) {
        if (r.flag(flag) != true) continue;
        x += badge(dl, ctx.fonts.bodyBold, ImVec2(x, y), ctx.tr.field(lang, r.collection, flag),
                   th.good) +
             th.gap;
        anyBadge = true;
    }
    if (anyBadge) y += badgeHeight(ctx.fonts.bodyBold) + th.gap * 0.8f;

    // Contact facts from the bottom up, the description in the room between.
    std::vector<std::string> facts;
    for (std::string_view key : {"address", "opening_hours", "phone", "www"}) {
        const std::string v = textOf(r, key, lang);
        if (!v.empty())
            facts.push_back(std::string(ctx.tr.field(lang, r.collection, key)) + ": " + v);
    }
    const float lineH = ctx.fonts.body->FontSize;
    const float factsTop = in.max.y - lineH * static_cast<float>(facts.size());
    const int lines = static_cast<int>((factsTop - th.gap - y) / lineH);
    drawTextBox(dl, ctx.fonts.body, ImVec2(in.min.x, y), textOf(r, "description", lang), in.width(),
                std::clamp(lines, 0, 6), th.textMuted);
    float fy = factsTop;
    for (const std::string& f : facts)
        fy += drawTextBox(dl, ctx.fonts.body, ImVec2(in.min.x, fy), f, in.width(), 1, th.text);
    endCard(dl);
}

// [SECTION] Announcements

void drawAnnouncement(const ScreenContext& ctx, const Record& r, const SlideBox& b) {
    const widgets::Theme& th = ctx.theme;
    ImDrawList* dl = ImGui::GetWindowDrawList();
    beginCard(dl, th, b);
    const SlideBox in = inner(th, b, th.padding);
    float y = in.min.y;
    y += drawTextBox(dl, ctx.fonts.title, ImVec2(in.min.x, y), r.title(ctx.lang()), in.width(), 2,
                     th.text);
    y += th.gap * 0.5f;
    std::string until;
    if (const std::string* u = r.text("valid_until"))
        until = std::string(ctx.tr.field(ctx.lang(), r.collection, "valid_until")) + ": " +
                i18n::formatDateTime(ctx.lang(), *u);
    bodyAndFooter(ctx, dl, in, y, textOf(r, "body", ctx.lang()), 8, th.text, until, th.textMuted);
    endCard(dl);
}

// [SECTION] Indicators

void drawIndicator(const ScreenContext& ctx, const SlideItem& item, const Record& r,
                   const SlideBox& b) {
    const widgets::Theme& th = ctx.theme;
    const cache::Lang lang = ctx.lang();
    ImDrawList* dl = ImGui::GetWindowDrawList();
    beginCard(dl, th, b);
    const float pad = std::min(th.padding, b.height() * 0.14f);
    const SlideBox in = inner(th, b, pad);

    // "7 / 10 zastosowań", right-aligned, beside the name.
    std::string numbers =
        i18n::formatNumber(lang, item.current) + " / " + i18n::formatNumber(lang, item.target);
    if (const std::string unit = textOf(r, "unit", lang); !unit.empty()) numbers += "\u00A0" + unit;
    ImFont* numFont =
        in.height() > ctx.fonts.title->FontSize * 1.9f ? ctx.fonts.title : ctx.fonts.bodyBold;
    const float numW = std::min(widthOf(numFont, numbers), in.width() * 0.45f);
    drawTextBox(dl, numFont, ImVec2(in.max.x - numW, in.min.y), numbers, numW, 1, th.text);
    // The name takes a second line when the row has room for it (two columns of rows).
    const float nameW = in.width() - numW - th.gap * 2;
    const float barRoom = badgeHeight(ctx.fonts.bodyBold) + th.gap * 0.5f;
    const int nameLines = in.height() - barRoom >= ctx.fonts.bodyBold->FontSize * 2 ? 2 : 1;
    drawTextBox(dl, ctx.fonts.bodyBold,
                ImVec2(in.min.x, in.min.y + (numFont->FontSize - ctx.fonts.bodyBold->FontSize)),
                r.title(lang), nameW, nameLines, th.text);

    // The bar, with "target reached" beside it when it is.
    const bool reached = item.ratio() >= 1.0;
    const float barH = std::max(8.0f, std::min(ctx.fonts.body->FontSize * 0.8f,
                                               in.height() - numFont->FontSize - th.gap * 0.5f));
    const float barY = in.max.y - barH;
    float barRight = in.max.x;
    if (reached) {
        const std::string_view label = ctx.t("signage.reached");
        const float bw =
            widthOf(ctx.fonts.bodyBold, label) + badgeHeight(ctx.fonts.bodyBold) * 1.4f;
        badge(dl, ctx.fonts.bodyBold,
              ImVec2(in.max.x - bw, barY + barH * 0.5f - badgeHeight(ctx.fonts.bodyBold) * 0.5f),
              label, th.good);
        barRight = in.max.x - bw - th.gap;
    }
    const float rounding = barH * 0.5f;
    dl->AddRectFilled(ImVec2(in.min.x, barY), ImVec2(barRight, barY + barH), th.surfaceSunken,
                      rounding);
    const float fill = static_cast<float>(item.progress()) * (barRight - in.min.x);
    if (fill > 0.5f)
        dl->AddRectFilled(ImVec2(in.min.x, barY),
                          ImVec2(in.min.x + std::max(fill, barH), barY + barH),
                          reached ? th.good : th.primary, rounding);
    dl->AddRect(ImVec2(in.min.x, barY), ImVec2(barRight, barY + barH), th.border, rounding, 0,
                1.5f);
    endCard(dl);
}

} // namespace

std::string_view slideTitleKey(app::SlideKind kind) {
    switch (kind) {
    case app::SlideKind::Equipment:
        return "signage.title.equipment";
    case app::SlideKind::Demands:
        return "signage.title.demands";
    case app::SlideKind::Events:
        return "signage.title.events";
    case app::SlideKind::FeaturedEntity:
        return "signage.title.featured_entity";
    case app::SlideKind::Announcements:
        return "signage.title.announcements";
    case app::SlideKind::Indicators:
        return "signage.title.indicators";
    }
    return "signage.title.announcements";
}

void drawSlideBody(const ScreenContext& ctx, const signage::Slide& slide, SlideBox box) {
    const auto rows = resolve(ctx, slide);
    if (rows.empty()) return;
    const float gap = ctx.theme.gap;
    switch (slide.kind) {
    case app::SlideKind::Equipment: {
        const auto boxes = layoutGrid(box, rows.size(), rows.size() > 1 ? 2 : 1, 2, gap);
        for (std::size_t i = 0; i < rows.size(); ++i)
            drawEquipment(ctx, *rows[i].second, boxes[i]);
        break;
    }
    case app::SlideKind::Demands: {
        const auto boxes = layoutGrid(box, rows.size(), 1, 3, gap);
        for (std::size_t i = 0; i < rows.size(); ++i)
            drawDemand(ctx, *rows[i].first, *rows[i].second, boxes[i]);
        break;
    }
    case app::SlideKind::Events: {
        const auto boxes = layoutGrid(box, rows.size(), 1, 3, gap);
        for (std::size_t i = 0; i < rows.size(); ++i)
            drawEvent(ctx, *rows[i].first, *rows[i].second, boxes[i]);
        break;
    }
    case app::SlideKind::FeaturedEntity:
        drawFeatured(ctx, *rows.front().second, box);
        break;
    case app::SlideKind::Announcements: {
        const auto boxes = layoutGrid(box, rows.size(), 1, 2, gap);
        for (std::size_t i = 0; i < rows.size(); ++i)
            drawAnnouncement(ctx, *rows[i].second, boxes[i]);
        break;
    }
    case app::SlideKind::Indicators: {
        // Up to five rows in one column; more go in two columns.
        const bool twoColumns = rows.size() > 5;
        const auto boxes =
            layoutGrid(box, rows.size(), twoColumns ? 2 : 1, twoColumns ? 8 : 4, gap);
        for (std::size_t i = 0; i < rows.size(); ++i)
            drawIndicator(ctx, *rows[i].first, *rows[i].second, boxes[i]);
        break;
    }
    }
}

} // namespace kiosk::screens
