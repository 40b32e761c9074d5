#pragma once
// The feed's map tile pack, from a verified blob to a file the kiosk may
// open: every tile of the downloaded MBTiles is checked and re-encoded
// (media::normaliseTile) into a fresh MBTiles file with a plain 1.3 schema,
// written in one transaction, fsynced and renamed into place under a name
// of its own, STATE/tiles/<sha256>.mbtiles. An installed pack is never
// modified or replaced in place, which is what lets the kiosk open it
// with immutable=1; a different pack gets a different name.
#include "cache/result.hpp"

#include <cstdint>
#include <filesystem>
#include <string>

namespace syncclient {

struct TilePackLimits {
    std::int64_t maxTiles = 200'000;
    std::uint64_t maxTileBytes = 2u << 20;
    // Pixels decoded for the whole pack: 200,000 tiles of 256 px (a 512 px
    // tile counts four times). Bounds the sync's CPU time for one pack.
    std::uint64_t maxPixels = 200'000ull * 256 * 256;
    int maxZoom = 22;
    int jpegQuality = 85;
};

struct InstalledTilePack {
    std::filesystem::path path; // absolute
    std::int64_t tiles = 0;     // 0 when reused (not counted again)
    bool reused = false;        // was already installed by an earlier sync
};

// `tilesDir`/<sha256>.mbtiles, as an absolute path.
std::filesystem::path installedTilePackPath(const std::filesystem::path& tilesDir,
                                            const std::string& sha256);

// Installs the pack in `blob` (already verified against `sha256`) unless
// it is installed already. The error names the tile (z/x/y) or the metadata
// value that is wrong; nothing is left behind then (the previous pack is
// not touched).
cache::Result<InstalledTilePack> installTilePack(const std::filesystem::path& blob,
                                                 const std::string& sha256,
                                                 const std::filesystem::path& tilesDir,
                                                 const TilePackLimits& limits = {});

// Removes every *.mbtiles and *.part file in `tilesDir` but `keep` (which
// may be empty: remove all). Only call after the commit that stopped
// referring to them; a kiosk that still has one open keeps reading it
// (unlinking is safe on Linux). Returns how many were removed.
int pruneTilePacks(const std::filesystem::path& tilesDir, const std::filesystem::path& keep);

} // namespace syncclient
