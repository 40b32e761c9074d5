// The map: a pannable, zoomable view of Toruń with a marker layer per
// collection, on the left; the layer chips (which are also the legend) and
// the list of what is in view, on the right; the card of a tapped marker
// over the map's lower edge.
#include <imgui.h>

#include <algorithm>
#include <cmath>
#include <optional>

#include "app/map_layers.hpp"
#include "map_canvas.hpp"
#include "record_summary.hpp"
#include "scroll_area.hpp"
#include "screens.hpp"
#include "widgets/map_marker.hpp"
#include "widgets/touch.hpp"

namespace kiosk::screens {
namespace {

// [SECTION] Geometry of the view

constexpr double kMaxZoom = 18.0;
constexpr double kFocusZoom = 16.0;

int layerIndex(cache::Collection c) {
    for (std::size_t i = 0; i < app::kMapLayers.size(); ++i)
        if (app::kMapLayers[i] == c) return static_cast<int>(i);
    return 0;
}

// The city, or (before any data) the service area the feed is validated against.
map::WorldRect cityRect(const ScreenContext& ctx) {
    if (ctx.mapScene && ctx.mapScene->cityBounds) return *ctx.mapScene->cityBounds;
    return map::projectBox(18.46, 52.96, 18.76, 53.07);
}

double fitZoom(const map::WorldRect& r, double w, double h) {
    const double zx = std::log2(w / std::max(r.maxX - r.minX, 1e-9));
    const double zy = std::log2(h / std::max(r.maxY - r.minY, 1e-9));
    return std::min(zx, zy);
}

map::MapLimits limitsFor(const ScreenContext& ctx, const map::Camera& cam) {
    const map::WorldRect city = cityRect(ctx);
    const double padX = (city.maxX - city.minX) * 0.15, padY = (city.maxY - city.minY) * 0.15;
    map::MapLimits l;
    l.bounds = {city.minX - padX, city.minY - padY, city.maxX + padX, city.maxY + padY};
    l.minZoom = std::floor(fitZoom(city, cam.width, cam.height) * 2.0) / 2.0 - 0.5;
    l.maxZoom = kMaxZoom;
    return l;
}

struct Rect {
    ImVec2 min, max;
    bool contains(ImVec2 p) const { return p.x >= min.x && p.x < max.x && p.y >= min.y && p.y < max.y; }
    float width() const { return max.x - min.x; }
    float height() const { return max.y - min.y; }
};

// [SECTION] Markers

struct HitTarget {
    ImVec2 at;
    float radius;
    const app::MarkerLayer* layer;
    const cache::Record* record; // null for a cluster
    map::MapItem item;
};

float markerRadius(const ScreenContext& ctx) { return std::max(11.0f, ctx.theme.targetPx * 0.2f); }

void drawMarkers(const ScreenContext& ctx, const MapFrame& f, std::vector<HitTarget>& hits) {
    if (!ctx.mapScene) return;
    const map::Camera& cam = *f.camera;
    const float r = markerRadius(ctx);
    const double pad = (r * 3.0) / cam.scale();
    map::WorldRect area = cam.visibleWorld();
    area = {area.minX - pad, area.minY - pad, area.maxX + pad, area.maxY + pad};
    const auto& sel = ctx.session.mapSelection;
    // An index, not a pointer: `hits` grows below, and a reallocation would
    // leave a pointer to the selected entry dangling.
    std::optional<std::size_t> selected;
    for (const app::MarkerLayer& layer : ctx.mapScene->markers) {
        if (ctx.session.hiddenMapLayers.count(layer.collection)) continue;
        const widgets::MarkerStyle style = widgets::markerStyle(layerIndex(layer.collection));
        for (const map::MapItem& item : layer.clusters.query(area, cam.zoom)) {
            const ImVec2 p = f.toScreen(item.world);
            if (item.count > 1) {
                const float cr = r * (1.25f + 0.18f * std::log10(static_cast<float>(item.count)) * 2.0f);
                widgets::drawClusterMarker(f.dl, p, cr, style, item.count, ctx.fonts.bodyBold);
                hits.push_back({p, cr + 6, &layer, nullptr, item});
            } else {
                const cache::Record* rec = layer.records[item.index];
                const bool isSel = sel && sel->collection == layer.collection && sel->id == rec->id;
                if (!isSel) widgets::drawMarker(f.dl, p, r, style);
                if (isSel) selected = hits.size();
                hits.push_back({p, r + 8, &layer, rec, item});
            }
        }
    }
    // The selected marker last, on top of its neighbours.
    if (selected) {
        const HitTarget& s = hits[*selected];
        widgets::drawMarker(f.dl, s.at, r * 1.35f, widgets::markerStyle(layerIndex(s.layer->collection)), true);
    }
}

// The marker (or cluster) under a tap: the nearest within its radius, with
// touch slack; later-drawn (topmost) wins ties.
const HitTarget* hitTest(const std::vector<HitTarget>& hits, ImVec2 p, float slack) {
    const HitTarget* best = nullptr;
    float bestD = 0;
    for (const HitTarget& h : hits) {
        const float dx = h.at.x - p.x, dy = h.at.y - p.y;
        const float d = std::sqrt(dx * dx + dy * dy);
        if (d > h.radius + slack) continue;
        if (!best || d <= bestD) {
            best = &h;
            bestD = d;
        }
    }
    return best;
}

// [SECTION] Input

map::PointerInput pointerInput(const ScreenContext& ctx, const Rect& mapRect, const std::vector<Rect>& overlays) {
    const ImGuiIO& io = ImGui::GetIO();
    map::PointerInput in;
    in.timeMs = ctx.frameMs;
    const bool fromTouch = ctx.touch && (ctx.touch->mouseFromTouch || !ctx.touch->fingers.empty());
    if (ctx.touch)
        for (const platform::TouchPoint& t : ctx.touch->fingers)
            in.fingers.push_back({t.fingerId, t.x - mapRect.min.x, t.y - mapRect.min.y});
    if (!fromTouch) {
        in.mouseDown = io.MouseDown[0];
        in.mouseX = io.MousePos.x - mapRect.min.x;
        in.mouseY = io.MousePos.y - mapRect.min.y;
        in.wheel = io.MouseWheel;
    }
    const ImVec2 p = !in.fingers.empty() ? ImVec2(ctx.touch->fingers.front().x, ctx.touch->fingers.front().y) : io.MousePos;
    in.hovered = mapRect.contains(p) &&
                 std::none_of(overlays.begin(), overlays.end(), [&](const Rect& r) { return r.contains(p); });
    return in;
}

// [SECTION] Panel: layer chips (the legend) and what is in view

// `text` shortened with "…" to fit `width` px in `font`, cut between code
// points (never inside a UTF-8 sequence).
std::string fitText(ImFont* font, std::string_view text, float width) {
    const auto w = [&](std::string_view t) { return font->CalcTextSizeA(font->FontSize, 1e9f, 0.0f, t.data(), t.data() + t.size()).x; };
    if (w(text) <= width) return std::string(text);
    std::size_t end = text.size();
    while (end > 0) {
        do --end;
        while (end > 0 && (static_cast<unsigned char>(text[end]) & 0xC0) == 0x80);
        std::string cut(text.substr(0, end));
        while (!cut.empty() && cut.back() == ' ') cut.pop_back();
        cut += "…";
        if (w(cut) <= width) return cut;
    }
    return "…";
}

void layerChip(const ScreenContext& ctx, cache::Collection c, std::size_t count, float width, bool allowTap,
               app::Actions& out) {
    const widgets::Theme& th = ctx.theme;
    const bool shown = !ctx.session.hiddenMapLayers.count(c);
    const ImVec2 pos = ImGui::GetCursorScreenPos();
    const ImVec2 size(width, th.targetPx);
    ImGui::PushID(static_cast<int>(c));
    if (ImGui::InvisibleButton("layer", size) && allowTap) out.push_back(app::ToggleMapLayer{c});
    const bool held = ImGui::IsItemActive();
    ImGui::PopID();
    ImDrawList* dl = ImGui::GetWindowDrawList();
    const ImVec2 max(pos.x + size.x, pos.y + size.y);
    dl->AddRectFilled(pos, max, held ? th.primarySoft : (shown ? th.surface : th.surfaceSunken), th.radius);
    dl->AddRect(pos, max, shown ? th.primary : th.border, th.radius, 0, shown ? 2.5f : 1.5f);
    // Shown/hidden by a check box, not by colour alone.
    const float box = th.targetPx * 0.42f;
    const ImVec2 b0(pos.x + th.gap, pos.y + (size.y - box) * 0.5f);
    dl->AddRect(b0, ImVec2(b0.x + box, b0.y + box), th.text, 4.0f, 0, 2.5f);
    if (shown) {
        dl->AddLine(ImVec2(b0.x + box * 0.18f, b0.y + box * 0.55f), ImVec2(b0.x + box * 0.42f, b0.y + box * 0.8f), th.text, 3.5f);
        dl->AddLine(ImVec2(b0.x + box * 0.42f, b0.y + box * 0.8f), ImVec2(b0.x + box * 0.85f, b0.y + box * 0.2f), th.text, 3.5f);
    }
    const float r = markerRadius(ctx) * 0.9f;
    const ImVec2 mc(b0.x + box + th.gap + r, pos.y + size.y * 0.5f);
    widgets::drawMarker(dl, mc, r, widgets::markerStyle(layerIndex(c)));
    const std::string_view name = ctx.tr.collection(ctx.lang(), c);
    const ImVec2 ts = widgets::textSize(name);
    dl->AddText(ImVec2(mc.x + r + th.gap, pos.y + (size.y - ts.y) * 0.5f), shown ? th.text : th.textMuted, name.data(),
                name.data() + name.size());
    const std::string n = std::to_string(count);
    const ImVec2 ns = widgets::textSize(n);
    dl->AddText(ImVec2(max.x - th.gap - ns.x, pos.y + (size.y - ns.y) * 0.5f), th.textMuted, n.c_str());
}

struct InView {
    const cache::Record* record;
    cache::Collection collection;
    double distance; // from the view's centre, world units
};

std::vector<InView> recordsInView(const ScreenContext& ctx, const map::Camera& cam, std::size_t& total) {
    std::vector<InView> rows;
    total = 0;
    if (!ctx.mapScene) return rows;
    const map::WorldRect view = cam.visibleWorld();
    for (const app::MarkerLayer& layer : ctx.mapScene->markers) {
        if (ctx.session.hiddenMapLayers.count(layer.collection)) continue;
        for (std::size_t i = 0; i < layer.records.size(); ++i) {
            const map::WorldPoint w = layer.positions[i];
            if (!view.contains(w)) continue;
            const double dx = w.x - cam.centre.x, dy = w.y - cam.centre.y;
            rows.push_back({layer.records[i], layer.collection, dx * dx + dy * dy});
        }
    }
    total = rows.size();
    constexpr std::size_t kShown = 60; // nearest first; the rest are a pan or zoom away
    const std::size_t n = std::min(kShown, rows.size());
    std::partial_sort(rows.begin(), rows.begin() + static_cast<std::ptrdiff_t>(n), rows.end(),
                      [](const InView& a, const InView& b) { return a.distance < b.distance; });
    rows.resize(n);
    return rows;
}

void drawPanel(const ScreenContext& ctx, MapUi& m, const Rect& panel, app::Actions& out) {
    const widgets::Theme& th = ctx.theme;
    ImDrawList* dl = ImGui::GetWindowDrawList();
    dl->AddLine(panel.min, ImVec2(panel.min.x, panel.max.y), th.border, 2.0f);
    const float left = panel.min.x + th.padding;
    const float width = panel.width() - th.padding * 2;

    float y = panel.min.y + th.padding * 0.6f;
    ImGui::PushFont(ctx.fonts.bodyBold);
    dl->AddText(ImVec2(left, y), th.text, ctx.t("map.layers").data(), ctx.t("map.layers").data() + ctx.t("map.layers").size());
    y += ImGui::GetTextLineHeight() + th.gap * 0.5f;
    ImGui::PopFont();
    for (cache::Collection c : app::kMapLayers) {
        const app::MarkerLayer* layer = ctx.mapScene ? ctx.mapScene->layer(c) : nullptr;
        ImGui::SetCursorScreenPos(ImVec2(left, y));
        layerChip(ctx, c, layer ? layer->records.size() : 0, width, true, out);
        y += th.targetPx + th.gap * 0.4f;
    }

    std::size_t total = 0;
    const std::vector<InView> rows = recordsInView(ctx, m.camera, total);
    y += th.gap * 0.6f;
    ImGui::PushFont(ctx.fonts.bodyBold);
    const std::string heading = ctx.tr.count(ctx.lang(), "map.in_view", static_cast<long>(total));
    dl->AddText(ImVec2(left, y), th.text, heading.c_str());
    y += ImGui::GetTextLineHeight() + th.gap * 0.5f;
    ImGui::PopFont();

    const ImVec2 listPos(panel.min.x, y);
    const ImVec2 listSize(panel.width(), panel.max.y - y);
    if (listSize.y < th.targetPx) return;
    ScrollArea area("map-in-view", listPos, listSize, m.listScroll, m.listContent, ctx.dt);
    if (rows.empty()) {
        ImGui::SetCursorPosX(th.padding);
        widgets::wrappedText(ctx.t("map.in_view_none"), width, th.textMuted);
        return;
    }
    const float rowH = th.targetPx * 1.45f;
    for (const InView& row : rows) {
        ImGui::SetCursorPosX(th.padding);
        const ImVec2 pos = ImGui::GetCursorScreenPos();
        ImGui::PushID(row.record->id.c_str());
        const bool tapped = ImGui::InvisibleButton("row", ImVec2(width, rowH)) && area.tapAllowed();
        const bool held = ImGui::IsItemActive() && area.tapAllowed();
        ImGui::PopID();
        if (tapped) {
            out.push_back(app::SelectOnMap{row.collection, row.record->id});
            m.gestures.flyTo(map::project({row.record->point->lon, row.record->point->lat}),
                             std::max(m.camera.zoom, 15.0), ctx.frameMs);
        }
        const bool isSel = ctx.session.mapSelection && ctx.session.mapSelection->id == row.record->id &&
                           ctx.session.mapSelection->collection == row.collection;
        ImDrawList* ldl = ImGui::GetWindowDrawList();
        const ImVec2 max(pos.x + width, pos.y + rowH - 6);
        ldl->AddRectFilled(pos, max, held ? th.primarySoft : th.surface, th.radius * 0.6f);
        if (isSel) ldl->AddRect(pos, max, th.primary, th.radius * 0.6f, 0, 3.0f);
        const float r = markerRadius(ctx) * 0.8f;
        widgets::drawMarker(ldl, ImVec2(pos.x + th.gap + r, pos.y + rowH * 0.5f - 3), r, widgets::markerStyle(layerIndex(row.collection)));
        const float tx = pos.x + th.gap * 2 + r * 2;
        const float tw = width - (tx - pos.x) - th.gap;
        const std::string title = fitText(ctx.fonts.bodyBold, row.record->title(ctx.lang()), tw);
        ldl->PushClipRect(pos, max, true);
        ldl->AddText(ctx.fonts.bodyBold, ctx.fonts.bodyBold->FontSize, ImVec2(tx, pos.y + 6), th.text, title.c_str());
        const std::string sub = fitText(ctx.fonts.small, subtitleOf(*row.record, ctx.tr, ctx.lang()), tw);
        ldl->AddText(ctx.fonts.small, ctx.fonts.small->FontSize, ImVec2(tx, pos.y + rowH * 0.52f), th.textMuted, sub.c_str());
        ldl->PopClipRect();
    }
    ImGui::Dummy(ImVec2(1, th.padding));
}

// [SECTION] The card of the selected marker

Rect cardRect(const ScreenContext& ctx, const Rect& mapRect) {
    const widgets::Theme& th = ctx.theme;
    const float w = std::min(mapRect.width() - th.padding * 2, 900.0f);
    const float h = th.targetPx * 3.4f;
    const ImVec2 min(mapRect.min.x + th.padding, mapRect.max.y - th.padding - h);
    return {min, ImVec2(min.x + w, min.y + h)};
}

void drawCard(const ScreenContext& ctx, const Rect& card, const cache::Record& rec, cache::Collection c,
              app::Actions& out) {
    const widgets::Theme& th = ctx.theme;
    ImDrawList* dl = ImGui::GetWindowDrawList();
    dl->AddRectFilled(ImVec2(card.min.x + 3, card.min.y + 5), ImVec2(card.max.x + 3, card.max.y + 5), IM_COL32(0, 0, 0, 40), th.radius);
    dl->AddRectFilled(card.min, card.max, th.surface, th.radius);
    dl->AddRect(card.min, card.max, th.border, th.radius, 0, 1.5f);
    const float r = markerRadius(ctx);
    widgets::drawMarker(dl, ImVec2(card.min.x + th.padding + r, card.min.y + th.padding + r), r, widgets::markerStyle(layerIndex(c)));
    const float tx = card.min.x + th.padding * 1.6f + r * 2;
    const float tw = card.max.x - th.padding - tx;
    dl->PushClipRect(card.min, card.max, true);
    const std::string_view kind = ctx.tr.collection(ctx.lang(), c);
    dl->AddText(ctx.fonts.small, ctx.fonts.small->FontSize, ImVec2(tx, card.min.y + th.gap), th.textMuted, kind.data(),
                kind.data() + kind.size());
    const std::string title = fitText(ctx.fonts.title, rec.title(ctx.lang()), tw);
    dl->AddText(ctx.fonts.title, ctx.fonts.title->FontSize, ImVec2(tx, card.min.y + th.gap + ctx.fonts.small->FontSize + 4),
                th.text, title.c_str());
    const std::string sub = fitText(ctx.fonts.body, subtitleOf(rec, ctx.tr, ctx.lang()), tw);
    const float subY = card.min.y + th.gap + ctx.fonts.small->FontSize + ctx.fonts.title->FontSize + 12;
    dl->AddText(ctx.fonts.body, ctx.fonts.body->FontSize, ImVec2(tx, subY), th.textMuted, sub.c_str());
    // The address line ends where the buttons begin.
    if (const std::string* addr = rec.text("address")) {
        const std::string line = fitText(ctx.fonts.body, *addr, card.max.x - tx - th.targetPx * 5.6f - th.gap * 3);
        dl->AddText(ctx.fonts.body, ctx.fonts.body->FontSize, ImVec2(tx, subY + ctx.fonts.body->FontSize + 6), th.text,
                    line.c_str());
    }
    dl->PopClipRect();

    const float by = card.max.y - th.gap - th.targetPx;
    const float closeW = th.targetPx * 2.4f;
    const float detailW = th.targetPx * 3.2f;
    ImGui::SetCursorScreenPos(ImVec2(card.max.x - th.gap - closeW, by));
    if (widgets::touchButton(th, "card-close", ctx.t("map.close"), widgets::ButtonKind::Secondary, closeW))
        out.push_back(app::SelectOnMap{c, {}});
    ImGui::SetCursorScreenPos(ImVec2(card.max.x - th.gap * 2 - closeW - detailW, by));
    if (widgets::touchButton(th, "card-detail", ctx.t("map.details"), widgets::ButtonKind::Primary, detailW))
        out.push_back(app::OpenDetail{c, rec.id});
}

// [SECTION] Controls over the map

struct Controls {
    Rect zoomIn, zoomOut, recentre;
};

Controls controlRects(const ScreenContext& ctx, const Rect& mapRect) {
    const widgets::Theme& th = ctx.theme;
    const float s = th.targetPx * 1.1f;
    const float x = mapRect.max.x - th.padding - s;
    const float y = mapRect.min.y + th.padding;
    Controls c;
    c.zoomIn = {ImVec2(x, y), ImVec2(x + s, y + s)};
    c.zoomOut = {ImVec2(x, y + s + th.gap * 0.5f), ImVec2(x + s, y + s * 2 + th.gap * 0.5f)};
    const float rw = th.targetPx * 3.4f;
    c.recentre = {ImVec2(mapRect.max.x - th.padding - rw, y + s * 2 + th.gap * 1.5f),
                  ImVec2(mapRect.max.x - th.padding, y + s * 2 + th.gap * 1.5f + th.targetPx)};
    return c;
}

bool controlButton(const ScreenContext& ctx, const char* id, std::string_view label, const Rect& r) {
    ImGui::SetCursorScreenPos(r.min);
    ImGui::PushFont(label.size() <= 3 ? ctx.fonts.title : ctx.fonts.body);
    const bool tapped = widgets::touchButton(ctx.theme, id, label, widgets::ButtonKind::Secondary, r.width());
    ImGui::PopFont();
    return tapped;
}

void drawAttribution(const ScreenContext& ctx, ImDrawList* dl, const Rect& mapRect) {
    std::string text = "PES-TOR";
    if (ctx.tiles && ctx.tiles->hasPack() && !ctx.tiles->attribution().empty())
        text = std::string(ctx.tiles->attribution()) + " · " + text;
    ImFont* f = ctx.fonts.small;
    const float size = f->FontSize * 0.85f;
    const ImVec2 ts = f->CalcTextSizeA(size, 1e9f, 0.0f, text.c_str());
    const ImVec2 p(mapRect.max.x - ts.x - 10, mapRect.max.y - ts.y - 6);
    dl->AddRectFilled(ImVec2(p.x - 6, p.y - 2), ImVec2(mapRect.max.x, mapRect.max.y), IM_COL32(255, 255, 255, 190));
    dl->AddText(f, size, p, IM_COL32(60, 60, 70, 255), text.c_str());
}

} // namespace

void drawMap(const ScreenContext& ctx, UiState& ui, app::Actions& out) {
    MapUi& m = ui.map;
    m.tilesDrawn.clear();
    m.tilesWanted.clear();
    const widgets::Theme& th = ctx.theme;
    const ImVec2 origin = ImGui::GetCursorScreenPos();
    const ImVec2 avail = ImGui::GetContentRegionAvail();
    const float panelW = std::clamp(avail.x * 0.28f, 420.0f, 620.0f);
    const Rect mapRect{origin, ImVec2(origin.x + avail.x - panelW, origin.y + avail.y)};
    const Rect panel{ImVec2(mapRect.max.x, origin.y), ImVec2(origin.x + avail.x, origin.y + avail.y)};

    // [1] Where the view is: placed once, centred on a record when the route asks.
    m.camera.width = mapRect.width();
    m.camera.height = mapRect.height();
    m.viewOrigin = mapRect.min;
    const map::WorldRect city = cityRect(ctx);
    if (!m.placed) {
        m.camera.centre = city.centre();
        m.camera.zoom = fitZoom(city, m.camera.width, m.camera.height);
        m.placed = true;
    }
    const app::Route& route = ctx.session.current();
    if (!route.recordId.empty() && !(m.centredFor == route)) {
        if (const cache::Record* r = ctx.catalog.find(route.collection, route.recordId); r && r->point) {
            m.gestures.flyTo(map::project({r->point->lon, r->point->lat}), std::max(m.camera.zoom, kFocusZoom),
                             ctx.frameMs);
        }
        m.centredFor = route;
    }
    const map::MapLimits limits = limitsFor(ctx, m.camera);

    // [2] Gestures, with the controls and the card excluded from the map's area.
    const Controls controls = controlRects(ctx, mapRect);
    const cache::Record* selected = nullptr;
    if (const auto& s = ctx.session.mapSelection; s && !ctx.session.hiddenMapLayers.count(s->collection))
        selected = ctx.catalog.find(s->collection, s->id);
    const Rect card = cardRect(ctx, mapRect);
    std::vector<Rect> overlays{controls.zoomIn, controls.zoomOut, controls.recentre};
    if (selected) overlays.push_back(card);
    const map::GestureEvents events = m.gestures.update(pointerInput(ctx, mapRect, overlays), m.camera, limits);

    // [3] The map itself.
    ImDrawList* dl = ImGui::GetWindowDrawList();
    dl->PushClipRect(mapRect.min, mapRect.max, true);
    static constexpr MapCanvasStyle kStyle{};
    MapFrame frame{dl, mapRect.min, &m.camera, ctx.lang(), ctx.fonts.bodyBold, ctx.fonts.small};
    const bool haveTiles = ctx.tiles && ctx.tiles->hasPack();
    // Outside the city (and the tiles) the map shows the page colour the
    // frame was cleared to: no full-size fill under everything else, since
    // fill rate is what software GL on a cheap terminal runs short of.
    if (haveTiles) drawTiles(frame, *ctx.tiles, m.tilesDrawn, m.tilesWanted);
    if (ctx.mapScene) drawBaseMap(frame, *ctx.mapScene, kStyle, haveTiles);
    std::vector<HitTarget> hits;
    drawMarkers(ctx, frame, hits);
    if (ctx.here) {
        const ImVec2 p = frame.toScreen(map::project(*ctx.here));
        widgets::drawHereMarker(dl, p, markerRadius(ctx) * 0.8f);
        const std::string_view label = ctx.t("map.here");
        const ImVec2 ts = ctx.fonts.small->CalcTextSizeA(ctx.fonts.small->FontSize, 1e9f, 0.0f, label.data(), label.data() + label.size());
        const ImVec2 lp(p.x - ts.x * 0.5f, p.y + markerRadius(ctx) * 1.6f);
        dl->AddRectFilled(ImVec2(lp.x - 6, lp.y - 2), ImVec2(lp.x + ts.x + 6, lp.y + ts.y + 2), IM_COL32(30, 110, 230, 255), 6.0f);
        dl->AddText(ctx.fonts.small, ctx.fonts.small->FontSize, lp, IM_COL32(255, 255, 255, 255), label.data(), label.data() + label.size());
    }
    drawAttribution(ctx, dl, mapRect);
    dl->PopClipRect();

    // [4] What a tap on the map means: a cluster zooms to where it splits, a
    // marker opens its card, empty ground closes the card.
    if (events.tap) {
        const ImVec2 p(mapRect.min.x + static_cast<float>(events.tap->x), mapRect.min.y + static_cast<float>(events.tap->y));
        if (const HitTarget* h = hitTest(hits, p, th.targetPx * 0.15f)) {
            if (h->record) {
                out.push_back(app::SelectOnMap{h->layer->collection, h->record->id});
            } else if (h->item.splitZoom > kMaxZoom && m.camera.zoom >= kMaxZoom - 0.01) {
                // Records at one address never split: the first one's card
                // opens and the in-view list beside the map names them all.
                const auto members = h->layer->clusters.members(h->item.index);
                if (!members.empty()) out.push_back(app::SelectOnMap{h->layer->collection, h->layer->records[members.front()]->id});
            } else {
                const double z = std::clamp(static_cast<double>(h->item.splitZoom), m.camera.zoom + 1.0, kMaxZoom);
                m.gestures.flyTo(h->item.extent.centre(), z, ctx.frameMs);
            }
        } else if (ctx.session.mapSelection) {
            out.push_back(app::SelectOnMap{ctx.session.mapSelection->collection, {}});
        }
    }

    // [5] Controls and the card, over the map.
    if (controlButton(ctx, "zoom-in", ctx.t("map.zoom_in"), controls.zoomIn))
        m.gestures.flyTo(m.camera.centre, std::min(m.camera.zoom + 1.0, limits.maxZoom), ctx.frameMs, 250);
    if (controlButton(ctx, "zoom-out", ctx.t("map.zoom_out"), controls.zoomOut))
        m.gestures.flyTo(m.camera.centre, std::max(m.camera.zoom - 1.0, limits.minZoom), ctx.frameMs, 250);
    if (controlButton(ctx, "recentre", ctx.t("map.recentre"), controls.recentre))
        m.gestures.flyTo(city.centre(), fitZoom(city, m.camera.width, m.camera.height), ctx.frameMs);
    if (selected) drawCard(ctx, card, *selected, ctx.session.mapSelection->collection, out);

    drawPanel(ctx, m, panel, out);
}

} // namespace kiosk::screens
