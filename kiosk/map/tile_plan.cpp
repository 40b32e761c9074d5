#include "tile_plan.hpp"

#include <algorithm>
#include <cmath>

namespace kiosk::map {

int tileLevelFor(double zoom, int minLevel, int maxLevel) {
    const double r = std::round(zoom);
    if (!(r >= minLevel)) return minLevel; // also NaN
    return r > maxLevel ? maxLevel : static_cast<int>(r);
}

std::vector<TileKey> visibleTiles(const Camera& camera, int level, int margin) {
    std::vector<TileKey> out;
    if (level < 0 || level > 30) return out;
    const int n = 1 << level;
    const double s = kTileSize / n;
    const WorldRect v = camera.visibleWorld();
    // The right/bottom edges are exclusive: a viewport ending exactly on a
    // tile border does not need the next tile.
    const int x0 = std::max(0, static_cast<int>(std::floor(v.minX / s)) - margin);
    const int y0 = std::max(0, static_cast<int>(std::floor(v.minY / s)) - margin);
    const int x1 = std::min(n - 1, static_cast<int>(std::ceil(v.maxX / s)) - 1 + margin);
    const int y1 = std::min(n - 1, static_cast<int>(std::ceil(v.maxY / s)) - 1 + margin);
    if (x1 < x0 || y1 < y0) return out;
    out.reserve(static_cast<std::size_t>(x1 - x0 + 1) * static_cast<std::size_t>(y1 - y0 + 1));
    for (int y = y0; y <= y1; ++y)
        for (int x = x0; x <= x1; ++x)
            out.push_back({level, x, y});
    // Visible tiles first, then the margin; each nearest the centre first.
    const int ix0 = static_cast<int>(std::floor(v.minX / s)),
              iy0 = static_cast<int>(std::floor(v.minY / s));
    const int ix1 = static_cast<int>(std::ceil(v.maxX / s)) - 1,
              iy1 = static_cast<int>(std::ceil(v.maxY / s)) - 1;
    auto inView = [&](const TileKey& k) {
        return k.x >= ix0 && k.x <= ix1 && k.y >= iy0 && k.y <= iy1;
    };
    const WorldPoint c = camera.centre;
    auto dist2 = [&](const TileKey& k) {
        const double dx = (k.x + 0.5) * s - c.x, dy = (k.y + 0.5) * s - c.y;
        return dx * dx + dy * dy;
    };
    std::stable_sort(out.begin(), out.end(), [&](const TileKey& a, const TileKey& b) {
        const bool va = inView(a), vb = inView(b);
        if (va != vb) return va;
        return dist2(a) < dist2(b);
    });
    return out;
}

namespace {

TileDraw drawPart(const Camera& camera, const TileKey& source, const WorldRect& part) {
    const ScreenPoint a = camera.toScreen({part.minX, part.minY});
    const ScreenPoint b = camera.toScreen({part.maxX, part.maxY});
    const WorldRect src = source.worldRect();
    const double s = source.worldSize();
    return {source,
            a.x,
            a.y,
            b.x,
            b.y,
            static_cast<float>((part.minX - src.minX) / s),
            static_cast<float>((part.minY - src.minY) / s),
            static_cast<float>((part.maxX - src.minX) / s),
            static_cast<float>((part.maxY - src.minY) / s)};
}

} // namespace

std::vector<TileDraw> planTileDraws(const Camera& camera, int level,
                                    const std::function<bool(const TileKey&)>& isLoaded,
                                    int minLevel, int maxLevel, TilePlanParams params) {
    std::vector<TileDraw> ancestors, children, exact;
    for (const TileKey& key : visibleTiles(camera, level)) {
        const WorldRect area = key.worldRect();
        if (isLoaded(key)) {
            exact.push_back(drawPart(camera, key, area));
            continue;
        }
        bool covered = false;
        TileKey up = key;
        for (int i = 0; i < params.maxAncestorLevels && up.z > minLevel && up.z > 0; ++i) {
            up = up.parent();
            if (isLoaded(up)) {
                ancestors.push_back(drawPart(camera, up, area));
                covered = true;
                break;
            }
        }
        if (covered || !params.useChildren || level + 1 > maxLevel) continue;
        for (int dy = 0; dy < 2; ++dy)
            for (int dx = 0; dx < 2; ++dx) {
                const TileKey child{level + 1, key.x * 2 + dx, key.y * 2 + dy};
                if (isLoaded(child)) children.push_back(drawPart(camera, child, child.worldRect()));
            }
    }
    ancestors.insert(ancestors.end(), children.begin(), children.end());
    ancestors.insert(ancestors.end(), exact.begin(), exact.end());
    return ancestors;
}

} // namespace kiosk::map
