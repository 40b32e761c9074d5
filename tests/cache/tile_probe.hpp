#pragma once
// Helpers for tests of map tile packs, computed independently of the code
// under test: slippy-map addresses from lon/lat, decoding a tile with
// Debian's libstb (trusted test data only), probing pixels against the
// GDAL fixture's colour blocks, and rewriting a pack the way deduplicating
// writers (mb-util, some GDAL-era tools) lay it out: `tiles` as a view over
// `map` and `images`.
#include "support/gdal_tiles.hpp"

#include <SQLiteCpp/Database.h>
#include <SQLiteCpp/Statement.h>
#include <array>
#include <cmath>
#include <cstdlib>
#include <doctest/doctest.h>
#include <filesystem>
#include <numbers>
#include <stb_image.h>
#include <string>
#include <string_view>
#include <vector>

namespace tiletest {

// Where lon/lat falls at zoom z: the tile (XYZ, y down) and the pixel in it.
struct TilePoint {
    int z = 0, x = 0, y = 0;
    int px = 0, py = 0;
};

inline TilePoint tilePoint(double lon, double lat, int z) {
    const double worldPixels = 256.0 * std::ldexp(1.0, z);
    const double latRad = lat * std::numbers::pi / 180.0;
    const double gx = (lon + 180.0) / 360.0 * worldPixels;
    const double gy = (1.0 - std::asinh(std::tan(latRad)) / std::numbers::pi) / 2.0 * worldPixels;
    TilePoint t;
    t.z = z;
    t.x = static_cast<int>(std::floor(gx / 256.0));
    t.y = static_cast<int>(std::floor(gy / 256.0));
    t.px = static_cast<int>(std::floor(gx)) - t.x * 256;
    t.py = static_cast<int>(std::floor(gy)) - t.y * 256;
    return t;
}

// The lon/lat of a tile's centre.
inline std::array<double, 2> tileCentre(int z, int x, int y) {
    const double n = std::ldexp(1.0, z);
    const double lon = (x + 0.5) / n * 360.0 - 180.0;
    const double lat = std::atan(std::sinh(std::numbers::pi * (1.0 - 2.0 * (y + 0.5) / n))) *
                       180.0 / std::numbers::pi;
    return {lon, lat};
}

struct Decoded {
    int width = 0, height = 0;
    std::vector<unsigned char> rgba;
    std::array<int, 4> at(int x, int y) const {
        const std::size_t i = (static_cast<std::size_t>(y) * static_cast<std::size_t>(width) +
                               static_cast<std::size_t>(x)) *
                              4;
        return {rgba[i], rgba[i + 1], rgba[i + 2], rgba[i + 3]};
    }
};

inline Decoded decode(std::string_view bytes) {
    Decoded d;
    int channels = 0;
    unsigned char* px =
        stbi_load_from_memory(reinterpret_cast<const unsigned char*>(bytes.data()),
                              static_cast<int>(bytes.size()), &d.width, &d.height, &channels, 4);
    if (px == nullptr) return Decoded{};
    d.rgba.assign(px,
                  px + static_cast<std::size_t>(d.width) * static_cast<std::size_t>(d.height) * 4);
    stbi_image_free(px);
    return d;
}

// Whether the pixel has the block's colour (opaque) within `tolerance` per channel.
inline bool hasColour(const std::array<int, 4>& px, const testsupport::ColourBlock& b,
                      int tolerance) {
    return px[3] == 255 && std::abs(px[0] - b.r) <= tolerance &&
           std::abs(px[1] - b.g) <= tolerance && std::abs(px[2] - b.b) <= tolerance;
}

inline std::string describe(const std::array<int, 4>& px) {
    return std::to_string(px[0]) + "," + std::to_string(px[1]) + "," + std::to_string(px[2]) + "," +
           std::to_string(px[3]);
}

// The block holding lon/lat at least `margin` degrees inside its edges, or null.
inline const testsupport::ColourBlock* blockAt(const std::vector<testsupport::ColourBlock>& blocks,
                                               double lon, double lat, double margin) {
    for (const auto& b : blocks)
        if (lon > b.west + margin && lon < b.east - margin && lat > b.south + margin &&
            lat < b.north - margin)
            return &b;
    return nullptr;
}

// `from` rewritten as images (each distinct tile once) + map + a `tiles` view.
inline void writeViewPack(const std::filesystem::path& from, const std::filesystem::path& to) {
    SQLite::Database db(to.string(), SQLite::OPEN_READWRITE | SQLite::OPEN_CREATE);
    db.exec("ATTACH DATABASE '" + from.string() + "' AS src");
    db.exec(R"sql(
        CREATE TABLE metadata (name TEXT, value TEXT);
        CREATE TABLE images (tile_data BLOB, tile_id TEXT);
        CREATE TABLE map (zoom_level INTEGER, tile_column INTEGER, tile_row INTEGER, tile_id TEXT);
        CREATE UNIQUE INDEX images_id ON images (tile_id);
        CREATE UNIQUE INDEX map_index ON map (zoom_level, tile_column, tile_row);
        CREATE VIEW tiles AS
            SELECT map.zoom_level AS zoom_level, map.tile_column AS tile_column,
                   map.tile_row AS tile_row, images.tile_data AS tile_data
            FROM map JOIN images ON images.tile_id = map.tile_id;
        INSERT INTO metadata SELECT name, value FROM src.metadata;
        INSERT INTO images (tile_data, tile_id)
            SELECT tile_data, 'img' || row_number() OVER () FROM (SELECT DISTINCT tile_data FROM src.tiles);
        INSERT INTO map SELECT t.zoom_level, t.tile_column, t.tile_row, i.tile_id
            FROM src.tiles t JOIN images i ON i.tile_data = t.tile_data;
    )sql");
    db.exec("DETACH DATABASE src");
}

inline int countRows(const std::filesystem::path& file, const std::string& sql) {
    SQLite::Database db(file.string(), SQLite::OPEN_READONLY);
    return db.execAndGet(sql).getInt();
}

} // namespace tiletest
