// A record's detail: title, status, summary, then every field a visitor
// needs, grouped, with related records one tap away.
#include <imgui.h>

#include <algorithm>

#include "record_row.hpp"
#include "app/map_layers.hpp"
#include "record_summary.hpp"
#include "scroll_area.hpp"
#include "screens.hpp"
#include "i18n/format.hpp"
#include "widgets/qr_code.hpp"
#include "widgets/touch.hpp"

namespace kiosk::screens {
namespace {

enum class Group { Details, Contact, Accessibility, Identifiers };

Group groupOf(std::string_view key) {
    if (key == "phone" || key == "email" || key == "www" || key == "contact" || key == "address" ||
        key == "pickup_address" || key == "opening_hours" || key == "registration_url" || key == "documents_url")
        return Group::Contact;
    if (key == "step_free" || key == "accessible_toilet" || key == "hearing_loop" || key == "lift")
        return Group::Accessibility;
    if (key == "krs" || key == "nip" || key == "regon") return Group::Identifiers;
    return Group::Details;
}

std::string_view groupTitleKey(Group g) {
    switch (g) {
    case Group::Contact: return "detail.contact";
    case Group::Accessibility: return "detail.accessibility";
    case Group::Identifiers: return "detail.identifiers";
    default: return "detail.details";
    }
}

// Fields shown elsewhere on the screen (title, long text) or not text at all.
bool shownAsRow(const cache::Record& r, const cache::FieldSpec& f) {
    if (f.key == r.spec().titleField || f.type == cache::FieldType::Media) return false;
    if (f.key == "description" || f.key == "body" || f.key == "services") return false;
    return true;
}

void fieldRow(const ScreenContext& ctx, std::string_view label, const std::string& value, float left, float width,
              bool link, bool allowTap, bool& tapped) {
    const widgets::Theme& th = ctx.theme;
    const float labelW = std::min(width * 0.36f, 520.0f);
    const float y = ImGui::GetCursorPosY();
    ImGui::SetCursorPos(ImVec2(left, y));
    widgets::wrappedText(label, labelW - th.gap, th.textMuted);
    const float labelBottom = ImGui::GetCursorPosY();
    ImGui::SetCursorPos(ImVec2(left + labelW, y));
    if (link) {
        tapped = widgets::touchButton(th, std::string(label), value + "  ›", widgets::ButtonKind::Secondary, 0, allowTap);
    } else {
        ImGui::PushFont(ctx.fonts.bodyBold);
        widgets::wrappedText(value, width - labelW, th.text);
        ImGui::PopFont();
    }
    ImGui::SetCursorPosY(std::max(labelBottom, ImGui::GetCursorPosY()) + th.gap * 0.4f);
}

void sectionHeader(const ScreenContext& ctx, std::string_view title, float x, float w) {
    const widgets::Theme& th = ctx.theme;
    ImGui::SetCursorPos(ImVec2(x, ImGui::GetCursorPosY() + th.gap * 1.5f));
    ImGui::PushFont(ctx.fonts.title);
    ImGui::TextUnformatted(title.data(), title.data() + title.size());
    ImGui::PopFont();
    const float lineX = ImGui::GetWindowPos().x + x, lineY = ImGui::GetCursorScreenPos().y;
    ImGui::GetWindowDrawList()->AddLine(ImVec2(lineX, lineY), ImVec2(lineX + w, lineY), th.border, 2.0f);
    ImGui::SetCursorPosY(ImGui::GetCursorPosY() + th.gap * 0.6f);
}

std::string_view captionKey(qr::CodeKind kind) {
    switch (kind) {
    case qr::CodeKind::Contact: return "qr.contact";
    case qr::CodeKind::Map: return "qr.map";
    default: return "qr.page";
    }
}

// "Take it with you": the record's QR codes side by side (wrapping when the
// column is narrow), each with a caption. Every code is at least 35 mm wide
// so a phone reads it at arm's length; the smaller ones grow towards the
// largest so the row looks even, but only by whole pixels per module.
void takeAwaySection(const ScreenContext& ctx, float x, float w) {
    if (!ctx.takeAway || ctx.takeAway->empty()) return;
    const widgets::Theme& th = ctx.theme;
    const float minSide = th.mm(35);
    float side = 0;
    for (const qr::TakeAwayCode& c : *ctx.takeAway)
        side = std::max(side, widgets::qrSidePx(c.matrix.size, widgets::qrModulePx(c.matrix.size, minSide)));

    ImDrawList* dl = ImGui::GetWindowDrawList();
    const float origin = ImGui::GetWindowPos().x + x;
    // The hint sits at the right end of the title line when it fits: a line
    // saved keeps the captions above the fold on a 1080-line screen.
    const float titleBottom = ImGui::GetCursorScreenPos().y + th.gap * 1.5f + ctx.fonts.title->FontSize;
    const std::string_view title = ctx.t("qr.title"), hint = ctx.t("qr.hint");
    sectionHeader(ctx, title, x, w);
    ImGui::PushFont(ctx.fonts.title);
    const float titleW = widgets::textSize(title).x;
    ImGui::PopFont();
    ImGui::PushFont(ctx.fonts.small);
    const ImVec2 hintSize = widgets::textSize(hint);
    if (titleW + th.padding + hintSize.x <= w) {
        dl->AddText(ImVec2(origin + w - hintSize.x, titleBottom - hintSize.y - th.gap * 0.3f), th.textMuted,
                    hint.data(), hint.data() + hint.size());
    } else {
        ImGui::SetCursorPosX(x);
        widgets::wrappedText(hint, w, th.textMuted);
    }
    ImGui::PopFont();
    ImGui::SetCursorPosY(ImGui::GetCursorPosY() + th.gap * 0.6f);

    const float top = ImGui::GetCursorScreenPos().y;
    ImGui::PushFont(ctx.fonts.bodyBold);
    const float captionH = ImGui::GetFontSize();
    float cx = 0, cy = 0, rowBottom = 0;
    for (const qr::TakeAwayCode& c : *ctx.takeAway) {
        const int n = c.matrix.size;
        const int modulePx = std::max(widgets::qrModulePx(n, minSide),
                                      static_cast<int>(side / widgets::qrSidePx(n, 1)));
        const float codeSide = widgets::qrSidePx(n, modulePx);
        const std::string_view caption = ctx.t(captionKey(c.kind));
        const float cellW = std::max(codeSide, widgets::textSize(caption).x);
        if (cx > 0 && cx + cellW > w) { // next row
            cx = 0;
            cy = rowBottom + th.gap;
        }
        const ImVec2 p(origin + cx + (cellW - codeSide) * 0.5f, top + cy + (side - codeSide) * 0.5f);
        widgets::drawQrCode(dl, p, c.matrix.modules.data(), n, modulePx);
        const ImVec2 captionAt(origin + cx + (cellW - widgets::textSize(caption).x) * 0.5f, top + cy + side + th.gap * 0.4f);
        dl->AddText(captionAt, th.text, caption.data(), caption.data() + caption.size());
        rowBottom = std::max(rowBottom, cy + side + th.gap * 0.4f + captionH);
        cx += cellW + th.padding * 1.5f;
    }
    ImGui::PopFont();
    ImGui::SetCursorPosX(x);
    ImGui::Dummy(ImVec2(w, rowBottom));
}

} // namespace

void drawDetail(const ScreenContext& ctx, UiState& ui, app::Actions& out) {
    const widgets::Theme& th = ctx.theme;
    const app::Route& route = ctx.session.current();
    const ImVec2 origin = ImGui::GetCursorScreenPos();
    const ImVec2 avail = ImGui::GetContentRegionAvail();
    ScrollArea area("detail", origin, avail, ui.detailScroll, ui.detailContent, ctx.dt);
    const float left = th.padding * 2;
    const float width = std::min(avail.x - left * 2, 1800.0f);

    const cache::Record* r = ctx.catalog.find(route.collection, route.recordId);
    ImGui::SetCursorPos(ImVec2(left, ImGui::GetCursorPosY() + th.padding));
    if (!r) {
        widgets::wrappedText(ctx.t("detail.missing"), width, th.text);
        return;
    }
    const cache::Lang lang = ctx.lang();

    // Header: status badge, title, summary.
    drawBadge(ctx, *r, ImGui::GetCursorScreenPos());
    ImGui::SetCursorPos(ImVec2(left, ImGui::GetCursorPosY() + ctx.fonts.small->FontSize + th.gap * 1.2f));
    ImGui::PushFont(ctx.fonts.display);
    widgets::wrappedText(r->title(lang), width, th.text);
    ImGui::PopFont();
    ImGui::SetCursorPosX(left);
    widgets::wrappedText(subtitleOf(*r, ctx.tr, lang), width, th.textMuted);

    // "Show on map": the record itself, or for records without a place of
    // their own (an offer, a demand) the record they belong to.
    if (const cache::Record* placed = app::placeOnMap(ctx.catalog, *r)) {
        ImGui::SetCursorPos(ImVec2(left, ImGui::GetCursorPosY() + th.gap * 0.6f));
        if (widgets::touchButton(th, "show-on-map", ctx.t("map.show"), widgets::ButtonKind::Secondary, 0, area.tapAllowed()))
            out.push_back(app::ShowOnMap{placed->collection, placed->id});
    }

    for (std::string_view longKey : {"description", "services", "body"}) {
        if (const cache::LocalText* lt = r->localText(longKey)) {
            ImGui::SetCursorPos(ImVec2(left, ImGui::GetCursorPosY() + th.gap));
            widgets::wrappedText(lt->in(lang), width, th.text);
        }
    }
    if (r->collection == cache::Collection::Indicators) {
        const double cur = r->number("current").value_or(0), target = r->number("target").value_or(0);
        const float frac = target > 0 ? static_cast<float>(std::min(1.0, cur / target)) : 0.0f;
        ImGui::SetCursorPos(ImVec2(left, ImGui::GetCursorPosY() + th.gap));
        const ImVec2 p = ImGui::GetCursorScreenPos();
        ImDrawList* dl = ImGui::GetWindowDrawList();
        dl->AddRectFilled(p, ImVec2(p.x + width, p.y + 36), th.surfaceSunken, 18);
        dl->AddRectFilled(p, ImVec2(p.x + width * frac, p.y + 36), th.primary, 18);
        ImGui::Dummy(ImVec2(width, 36 + th.gap));
    }

    // Wide screens: details on the left, contact and the rest on the right,
    // so a visitor sees the whole record without scrolling.
    const cache::CollectionSpec& spec = r->spec();
    const bool twoColumns = avail.x >= 1400;
    const float colGap = th.padding * 2;
    const float leftW = twoColumns ? (width - colGap) * 0.55f : width;
    const float rightX = twoColumns ? left + leftW + colGap : left;
    const float rightW = twoColumns ? width - leftW - colGap : width;
    const auto drawGroup = [&](Group g, float x, float w) {
        bool header = false;
        for (const cache::FieldSpec& f : spec.fields) {
            if (groupOf(f.key) != g || !shownAsRow(*r, f)) continue;
            std::string value = displayValue(*r, f, ctx.tr, lang);
            if (value.empty()) continue;
            const cache::Record* target = nullptr;
            if (f.type == cache::FieldType::Ref && f.refTo) {
                target = ctx.catalog.find(*f.refTo, value);
                if (target) value = target->title(lang);
            }
            if (!header) {
                sectionHeader(ctx, ctx.t(groupTitleKey(g)), x, w);
                header = true;
            }
            bool tapped = false;
            fieldRow(ctx, ctx.tr.field(lang, r->collection, f.key), value, x, w, target != nullptr,
                     area.tapAllowed(), tapped);
            if (tapped && target) out.push_back(app::OpenDetail{target->collection, target->id});
        }
    };
    const float columnsTop = ImGui::GetCursorPosY();
    drawGroup(Group::Details, left, leftW);
    float bottom = ImGui::GetCursorPosY();
    if (twoColumns) ImGui::SetCursorPosY(columnsTop);
    // The codes follow the contact data they carry, above the fold on most
    // records.
    drawGroup(Group::Contact, rightX, rightW);
    takeAwaySection(ctx, rightX, rightW);
    for (Group g : {Group::Accessibility, Group::Identifiers}) drawGroup(g, rightX, rightW);
    bottom = std::max(bottom, ImGui::GetCursorPosY());
    ImGui::SetCursorPosY(bottom);

    // Records that point at this one (offers and equipment of an entity, a
    // CIS run by a foundation), computed by the app when the route changed.
    if (!ctx.relatedRows.empty()) {
        ImGui::SetCursorPos(ImVec2(left, ImGui::GetCursorPosY() + th.gap * 1.5f));
        ImGui::PushFont(ctx.fonts.title);
        const std::string_view gt = ctx.t("detail.related");
        ImGui::TextUnformatted(gt.data(), gt.data() + gt.size());
        ImGui::PopFont();
        for (const cache::Record* o : ctx.relatedRows) {
            ImGui::SetCursorPosX(left);
            if (drawRecordRow(ctx, *o, width, area.tapAllowed())) out.push_back(app::OpenDetail{o->collection, o->id});
        }
    }

    ImGui::SetCursorPos(ImVec2(left, ImGui::GetCursorPosY() + th.gap));
    ImGui::PushFont(ctx.fonts.small);
    std::string updated(ctx.t("detail.updated"));
    if (auto p = updated.find("%s"); p != std::string::npos) updated.replace(p, 2, i18n::formatDate(lang, r->updatedAt.substr(0, 10)));
    widgets::wrappedText(updated, width, th.textMuted);
    ImGui::PopFont();
    ImGui::Dummy(ImVec2(1, th.padding * 2));
}

} // namespace kiosk::screens
