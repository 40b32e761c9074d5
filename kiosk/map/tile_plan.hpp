#pragma once
// Which tiles to draw for a camera, and what to draw meanwhile for tiles that
// are not loaded yet (a scaled-up ancestor or the children), so the map never
// flashes blank while tiles stream in. Pure planning: textures are the caller's.
#include "camera.hpp"
#include "tile_key.hpp"

#include <functional>
#include <vector>

namespace kiosk::map {

// round(zoom) clamped to [minLevel, maxLevel]: tiles are then drawn scaled
// between ~0.71 and ~1.41 (more only beyond the levels available).
int tileLevelFor(double zoom, int minLevel, int maxLevel);

// Tiles of `level` covering the viewport, grown by `margin` tiles on every
// side (prefetch), clipped to the world. Ordered for a loader working through
// the list: the visible tiles first, then the margin, each nearest the
// viewport's centre first.
std::vector<TileKey> visibleTiles(const Camera& camera, int level, int margin = 0);

struct TileDraw {
    TileKey source;        // the texture to draw
    double x0, y0, x1, y1; // screen rectangle
    float u0, v0, u1, v1;  // part of the source texture (0..1)
};

struct TilePlanParams {
    int maxAncestorLevels = 6; // how far up to look for a stand-in
    bool useChildren = true;   // then try the four tiles one level down
};

// For each visible tile: the tile itself if loaded; else the part of the
// nearest loaded ancestor (up to maxAncestorLevels up, not below minLevel)
// covering it; else whichever of its children (level + 1 <= maxLevel) are
// loaded. Ancestor stand-ins come first (drawn underneath), then children,
// then exact tiles. Each draw covers only its visible tile's square, so
// stand-ins never overlap each other or the exact tiles.
std::vector<TileDraw> planTileDraws(const Camera& camera, int level,
                                    const std::function<bool(const TileKey&)>& isLoaded,
                                    int minLevel, int maxLevel, TilePlanParams params = {});

} // namespace kiosk::map
