#pragma once
// Map tiles from a downloaded MBTiles pack, made safe for the kiosk the same
// way as feed images: the container and the declared size are checked
// before the restricted stb_image decodes anything, and the tile is
// re-encoded in its own format, so the kiosk only ever decodes bytes the
// sync produced. Unlike normaliseImage nothing is scaled: a tile is square,
// 256 or 512 pixels, or it is refused.
#include "cache/result.hpp"

#include <cstdint>
#include <string>
#include <string_view>

namespace media {

enum class TileFormat { Png, Jpeg };

struct TileLimits {
    // Size of one encoded tile accepted (a 512 px PNG of noise is ~1 MB).
    std::uint64_t maxBytes = 2u << 20;
    // 1–100, for JPEG tiles.
    int jpegQuality = 85;
    // zlib level 0–9 for PNG tiles. A pack holds thousands of tiles and
    // level 8 (normaliseImage's) costs several times more on busy imagery.
    int pngZlibLevel = 6;
};

struct NormalisedTile {
    std::string bytes;
    TileFormat format = TileFormat::Png; // as the tile came: PNG stays PNG, JPEG stays JPEG
    int side = 0;                        // 256 or 512
};

// The refusal says what is wrong with the tile (the caller adds which tile),
// e.g. "it declares 100000×100000 pixels; map tiles are square, 256 or 512
// pixels" or "the tile is GIF; map tiles must be PNG or JPEG".
// Keeps no state: several threads may call it at once.
cache::Result<NormalisedTile> normaliseTile(std::string_view bytes, const TileLimits& limits = {});

} // namespace media
