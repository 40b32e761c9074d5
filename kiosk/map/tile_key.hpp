#pragma once
// A slippy-map tile address (XYZ rows: y = 0 at the north edge; MBTiles'
// TMS row is 2^z - 1 - y).
#include "web_mercator.hpp"

#include <cmath>
#include <compare>
#include <cstddef>
#include <cstdint>
#include <functional>

namespace kiosk::map {

struct TileKey {
    int z = 0, x = 0, y = 0;
    auto operator<=>(const TileKey&) const = default;

    TileKey parent() const { return {z - 1, x >> 1, y >> 1}; }
    int tmsRow() const { return (1 << z) - 1 - y; }
    double worldSize() const { return kTileSize / static_cast<double>(1 << z); }
    WorldRect worldRect() const {
        const double s = worldSize();
        return {x * s, y * s, (x + 1) * s, (y + 1) * s};
    }
};

// The tile of level `z` containing a world point (clamped to the world).
inline TileKey tileAt(WorldPoint p, int z) {
    const int n = 1 << z;
    const double s = kTileSize / n;
    auto cell = [&](double v) {
        const double c = std::floor(v / s);
        return c < 0 ? 0 : (c >= n ? n - 1 : static_cast<int>(c));
    };
    return {z, cell(p.x), cell(p.y)};
}

struct TileKeyHash {
    std::size_t operator()(const TileKey& k) const noexcept {
        // z < 32 and x, y < 2^29 in practice: pack, then mix.
        std::uint64_t v = (static_cast<std::uint64_t>(k.z) << 58) ^
                          (static_cast<std::uint64_t>(k.x) << 29) ^ static_cast<std::uint64_t>(k.y);
        v ^= v >> 33;
        v *= 0xff51afd7ed558ccdull;
        v ^= v >> 33;
        return static_cast<std::size_t>(v);
    }
};

} // namespace kiosk::map

template <> struct std::hash<kiosk::map::TileKey> : kiosk::map::TileKeyHash {};
