#include "web_mercator.hpp"

#include <algorithm>
#include <numbers>

namespace kiosk::map {

WorldPoint project(LonLat p) {
    const double lat = std::clamp(p.lat, -kMaxLatitude, kMaxLatitude) * std::numbers::pi / 180.0;
    const double x = (p.lon + 180.0) / 360.0 * kTileSize;
    const double y = (1.0 - std::log(std::tan(lat) + 1.0 / std::cos(lat)) / std::numbers::pi) * 0.5 * kTileSize;
    return {x, y};
}

LonLat unproject(WorldPoint p) {
    const double lon = p.x / kTileSize * 360.0 - 180.0;
    const double n = std::numbers::pi * (1.0 - 2.0 * p.y / kTileSize);
    const double lat = std::atan(std::sinh(n)) * 180.0 / std::numbers::pi;
    return {lon, lat};
}

WorldRect projectBox(double west, double south, double east, double north) {
    const WorldPoint a = project({west, north});
    const WorldPoint b = project({east, south});
    return {std::min(a.x, b.x), std::min(a.y, b.y), std::max(a.x, b.x), std::max(a.y, b.y)};
}

} // namespace kiosk::map
