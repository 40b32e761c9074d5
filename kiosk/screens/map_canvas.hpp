#pragma once
// Drawing the map's layers for one camera into a draw list: raster tiles,
// the vector base map, markers and clusters. Pure drawing from data handed
// in; the map screen owns layout, gestures and what a tap means.
#include <imgui.h>
#include <string_view>
#include <vector>

#include "app/map_scene.hpp"
#include "cache/value.hpp"
#include "map/camera.hpp"
#include "map/tile_plan.hpp"
#include "widgets/map_marker.hpp"

namespace kiosk::screens {

// The textures the main thread holds; implemented by the app over GL.
class TileLookup {
  public:
    virtual ~TileLookup() = default;
    virtual ImTextureID texture(const map::TileKey& key) const = 0; // null: not loaded (yet)
    virtual bool opaque(const map::TileKey& key) const = 0;          // no transparent pixel
    virtual bool hasPack() const = 0;
    virtual int minLevel() const = 0;
    virtual int maxLevel() const = 0;
    virtual std::string_view attribution() const = 0;
    // Around opaque draws (tiles): switch blending off and back on, through
    // draw-list callbacks the renderer runs. Default: nothing.
    virtual void beginOpaque(ImDrawList*) const {}
    virtual void endOpaque(ImDrawList*) const {}
};

struct MapCanvasStyle {
    ImU32 cityOutline = IM_COL32(150, 120, 150, 255);
    ImU32 districtOutline = IM_COL32(196, 184, 196, 255);
    ImU32 park = IM_COL32(203, 227, 188, 255);
    ImU32 water = IM_COL32(164, 206, 222, 255);
    ImU32 river = IM_COL32(150, 196, 216, 255);
    ImU32 road = IM_COL32(255, 255, 255, 255);
    ImU32 roadCasing = IM_COL32(200, 190, 178, 255);
    ImU32 rail = IM_COL32(140, 140, 150, 255);
    ImU32 label = IM_COL32(70, 70, 80, 255);
    ImU32 halo = IM_COL32(255, 255, 255, 220);
};

struct MapFrame {
    ImDrawList* dl = nullptr;
    ImVec2 origin;           // the viewport's top-left corner on screen
    const map::Camera* camera = nullptr;
    cache::Lang lang = cache::Lang::Pl;
    ImFont* labelFont = nullptr;
    ImFont* smallFont = nullptr;

    ImVec2 toScreen(map::WorldPoint w) const {
        const map::ScreenPoint s = camera->toScreen(w);
        return ImVec2(origin.x + static_cast<float>(s.x), origin.y + static_cast<float>(s.y));
    }
};

// Draws the tiles available for the view (ancestors or children stand in for
// missing ones); appends every key drawn to `drawn` and every key the view
// wants but does not have (visible first, then a margin) to `wanted`.
void drawTiles(const MapFrame& f, const TileLookup& tiles, std::vector<map::TileKey>& drawn,
               std::vector<map::TileKey>& wanted);

// `overTiles`: a raster is underneath, so only outlines and labels are drawn.
void drawBaseMap(const MapFrame& f, const app::MapScene& scene, const MapCanvasStyle& style, bool overTiles);

} // namespace kiosk::screens
