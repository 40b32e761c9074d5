#pragma once
// Map tiles from bytes to RGBA pixels, on the tile worker thread.
//
// Tiles in a synced pack were decoded and re-encoded by the sync (the kiosk
// only decodes images the sync produced); a local pack named in the
// configuration is the operator's file. Either way the decoder here is cut
// down to PNG and JPEG, checks the header before decoding and accepts only
// square tiles of at most kMaxTileSide pixels.
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "cache/result.hpp"

namespace kiosk::app {

inline constexpr int kMaxTileSide = 512;

struct DecodedTile {
    int width = 0;
    int height = 0;
    std::vector<std::uint8_t> rgba; // width*height*4, top row first
    bool opaque = true;             // no pixel with alpha below 255: drawn without blending
};

cache::Result<DecodedTile> decodeTile(std::string_view bytes);

} // namespace kiosk::app
