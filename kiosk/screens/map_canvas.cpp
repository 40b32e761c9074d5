#include "map_canvas.hpp"

#include <algorithm>
#include <cmath>

namespace kiosk::screens {
namespace {

using app::BaseLayer;

map::WorldRect paddedView(const map::Camera& cam, double padPx) {
    map::WorldRect r = cam.visibleWorld();
    const double pad = padPx / cam.scale();
    return {r.minX - pad, r.minY - pad, r.maxX + pad, r.maxY + pad};
}

// Screen points of a line, dropping points closer than ~1 px to the last
// kept one: a whole-city view needs far fewer vertices than a street view.
void screenPoints(const MapFrame& f, const std::vector<map::WorldPoint>& world, std::vector<ImVec2>& out) {
    out.clear();
    for (const map::WorldPoint& w : world) {
        const ImVec2 p = f.toScreen(w);
        if (!out.empty()) {
            const float dx = p.x - out.back().x, dy = p.y - out.back().y;
            if (dx * dx + dy * dy < 1.5f && &w != &world.back()) continue;
        }
        out.push_back(p);
    }
}

void fillTriangles(const MapFrame& f, const map::Triangulation& t, ImU32 colour) {
    if (t.indices.empty()) return;
    ImDrawList* dl = f.dl;
    const ImVec2 uv = ImGui::GetFontTexUvWhitePixel();
    dl->PrimReserve(static_cast<int>(t.indices.size()), static_cast<int>(t.vertices.size()));
    const auto base = static_cast<ImDrawIdx>(dl->_VtxCurrentIdx);
    for (const map::WorldPoint& w : t.vertices) dl->PrimWriteVtx(f.toScreen(w), uv, colour);
    for (std::uint32_t i : t.indices) dl->PrimWriteIdx(static_cast<ImDrawIdx>(base + i));
}

float lineWidth(BaseLayer layer, int rank, double zoom) {
    const float k = static_cast<float>(std::exp2(std::clamp(zoom - 13.0, -2.0, 4.0)));
    switch (layer) {
    case BaseLayer::River: return std::clamp(5.0f * k, 2.0f, 30.0f);
    case BaseLayer::Rail: return std::clamp(1.5f * k, 1.0f, 4.0f);
    default: {
        const float base = rank <= 1 ? 4.0f : rank <= 3 ? 3.0f : 2.2f;
        return std::clamp(base * k, 1.2f, 18.0f);
    }
    }
}

void haloText(const MapFrame& f, ImFont* font, float size, ImVec2 centre, std::string_view text, ImU32 colour,
              ImU32 halo) {
    const ImVec2 ts = font->CalcTextSizeA(size, 1e9f, 0.0f, text.data(), text.data() + text.size());
    const ImVec2 p(std::floor(centre.x - ts.x * 0.5f), std::floor(centre.y - ts.y * 0.5f));
    for (const ImVec2 d : {ImVec2(-1.5f, 0), ImVec2(1.5f, 0), ImVec2(0, -1.5f), ImVec2(0, 1.5f)})
        f.dl->AddText(font, size, ImVec2(p.x + d.x, p.y + d.y), halo, text.data(), text.data() + text.size());
    f.dl->AddText(font, size, p, colour, text.data(), text.data() + text.size());
}

struct Box {
    ImVec2 min, max;
    bool overlaps(const Box& o) const { return min.x < o.max.x && o.min.x < max.x && min.y < o.max.y && o.min.y < max.y; }
};

} // namespace

void drawTiles(const MapFrame& f, const TileLookup& tiles, std::vector<map::TileKey>& drawn,
               std::vector<map::TileKey>& wanted) {
    if (!tiles.hasPack()) return;
    const map::Camera& cam = *f.camera;
    const int level = map::tileLevelFor(cam.zoom, tiles.minLevel(), tiles.maxLevel());
    const auto isLoaded = [&](const map::TileKey& k) { return tiles.texture(k) != nullptr; };
    const std::vector<map::TileDraw> draws =
        map::planTileDraws(cam, level, isLoaded, tiles.minLevel(), tiles.maxLevel());
    const auto draw = [&](const map::TileDraw& d) {
        // Whole pixels: neighbouring tiles meet without hairline gaps.
        const ImVec2 a(std::round(f.origin.x + static_cast<float>(d.x0)), std::round(f.origin.y + static_cast<float>(d.y0)));
        const ImVec2 b(std::round(f.origin.x + static_cast<float>(d.x1)), std::round(f.origin.y + static_cast<float>(d.y1)));
        f.dl->AddImage(tiles.texture(d.source), a, b, ImVec2(d.u0, d.v0), ImVec2(d.u1, d.v1));
        drawn.push_back(d.source);
    };
    // Opaque tiles first, without blending (software GL pays for blending
    // per pixel); tiles with transparent parts (a pack's edges) after, blended.
    tiles.beginOpaque(f.dl);
    for (const map::TileDraw& d : draws)
        if (tiles.opaque(d.source)) draw(d);
    tiles.endOpaque(f.dl);
    for (const map::TileDraw& d : draws)
        if (!tiles.opaque(d.source) && tiles.texture(d.source)) draw(d);
    for (const map::TileKey& k : map::visibleTiles(cam, level, 0))
        if (!isLoaded(k)) wanted.push_back(k);
    for (const map::TileKey& k : map::visibleTiles(cam, level, 1))
        if (!isLoaded(k) && std::find(wanted.begin(), wanted.end(), k) == wanted.end()) wanted.push_back(k);
}

void drawBaseMap(const MapFrame& f, const app::MapScene& scene, const MapCanvasStyle& st, bool overTiles) {
    const map::Camera& cam = *f.camera;
    const map::WorldRect view = paddedView(cam, 40);
    std::vector<ImVec2> pts;

    for (const app::BaseArea& a : scene.areas) {
        if (!a.extent.intersects(view)) continue;
        ImU32 fill = 0, outline = 0;
        float width = 1.5f;
        switch (a.layer) {
        // The city is not filled: its outline is enough, and a fill the
        // size of the map costs software GL a full screen of pixels.
        case BaseLayer::Boundary: outline = st.cityOutline; width = 3.0f; break;
        case BaseLayer::District: outline = st.districtOutline; width = 1.5f; break;
        case BaseLayer::Park: fill = st.park; break;
        case BaseLayer::Water: fill = st.water; break;
        default: fill = st.park; break;
        }
        if (overTiles) fill = 0; // the raster already shows the ground
        if (fill) fillTriangles(f, a.fill, fill);
        if (outline)
            for (const auto& ring : a.outlines) {
                screenPoints(f, ring, pts);
                if (pts.size() >= 2) f.dl->AddPolyline(pts.data(), static_cast<int>(pts.size()), outline, ImDrawFlags_Closed, width);
            }
    }
    if (!overTiles) {
        for (const app::BaseLine& l : scene.lines) {
            if (!l.extent.intersects(view)) continue;
            // Side streets appear as the map zooms in.
            if (l.layer == BaseLayer::Road && l.rank >= 4 && cam.zoom < 13.5) continue;
            screenPoints(f, l.points, pts);
            if (pts.size() < 2) continue;
            const float w = lineWidth(l.layer, l.rank, cam.zoom);
            const int n = static_cast<int>(pts.size());
            switch (l.layer) {
            case BaseLayer::River: f.dl->AddPolyline(pts.data(), n, st.river, 0, w); break;
            case BaseLayer::Rail: f.dl->AddPolyline(pts.data(), n, st.rail, 0, w); break;
            default:
                f.dl->AddPolyline(pts.data(), n, st.roadCasing, 0, w + 2.0f);
                f.dl->AddPolyline(pts.data(), n, st.road, 0, w);
                break;
            }
        }
    }
    // Labels, most important first; one that would overlap a placed label is
    // left out rather than drawn on top of it.
    std::vector<Box> placed;
    const map::WorldRect tight = cam.visibleWorld();
    for (const app::BaseLabel& l : scene.labels) {
        if (!tight.contains(l.at) || !l.record) continue;
        if (l.layer == BaseLayer::Landmark && cam.zoom < 14.5) continue;
        if (l.rank >= 3 && cam.zoom < 12.5) continue;
        const std::string text = l.record->title(f.lang);
        ImFont* font = l.rank <= 1 ? f.labelFont : f.smallFont;
        const float size = font->FontSize;
        const ImVec2 c = f.toScreen(l.at);
        const ImVec2 ts = font->CalcTextSizeA(size, 1e9f, 0.0f, text.c_str());
        const Box box{ImVec2(c.x - ts.x * 0.5f - 4, c.y - ts.y * 0.5f - 2), ImVec2(c.x + ts.x * 0.5f + 4, c.y + ts.y * 0.5f + 2)};
        if (std::any_of(placed.begin(), placed.end(), [&](const Box& b) { return b.overlaps(box); })) continue;
        placed.push_back(box);
        if (l.layer == BaseLayer::Landmark) f.dl->AddCircleFilled(ImVec2(c.x, c.y + ts.y * 0.5f + 6), 4.0f, st.label);
        haloText(f, font, size, c, text, st.label, st.halo);
    }
}

} // namespace kiosk::screens
