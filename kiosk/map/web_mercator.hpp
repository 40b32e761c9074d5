#pragma once
// Web Mercator in doubles. World coordinates are pixels of the zoom-0 world
// (256 x 256, y down, origin at 180 W / 85.0511 N); at zoom z a world unit is
// 2^z screen pixels. Doubles keep sub-pixel precision far beyond zoom 20.
#include <cmath>

namespace kiosk::map {

inline constexpr double kTileSize = 256.0;
inline constexpr double kMaxLatitude = 85.0511287798066;

struct WorldPoint {
    double x = 0;
    double y = 0;
};

struct LonLat {
    double lon = 0;
    double lat = 0;
};

// An axis-aligned box in world coordinates (min <= max).
struct WorldRect {
    double minX = 0, minY = 0, maxX = 0, maxY = 0;
    bool contains(WorldPoint p) const { return p.x >= minX && p.x <= maxX && p.y >= minY && p.y <= maxY; }
    bool intersects(const WorldRect& o) const {
        return minX <= o.maxX && o.minX <= maxX && minY <= o.maxY && o.minY <= maxY;
    }
    WorldPoint centre() const { return {(minX + maxX) * 0.5, (minY + maxY) * 0.5}; }
};

WorldPoint project(LonLat p);
LonLat unproject(WorldPoint p);
WorldRect projectBox(double west, double south, double east, double north);

} // namespace kiosk::map
