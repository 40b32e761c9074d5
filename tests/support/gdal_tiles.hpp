#pragma once
// Raster MBTiles packs made by a tool nobody here wrote: GDAL. A flat-colour
// pattern of lon/lat blocks is written as a PPM, georeferenced in Web
// Mercator (EPSG:3857) as a GeoTIFF with gdal_translate, converted with
// `gdal_translate -of MBTILES` and given lower zooms with `gdaladdo`. Tests
// probe pixels of the tiles (or of a screen showing them) against `blocks`.
// Plain C++ that throws std::runtime_error on setup errors, like the other
// fixtures; it needs gdal-bin (tools/deps.sh installs it).
#include <cstdint>
#include <filesystem>
#include <string>
#include <vector>

namespace testsupport {

// A lon/lat box of one flat colour.
struct ColourBlock {
    double west, south, east, north;
    std::uint8_t r, g, b;
};

struct GdalTilePack {
    std::filesystem::path mbtiles;
    std::vector<ColourBlock> blocks; // the pattern, to probe pixels against
    // As written by GDAL, read back from the file as MIN/MAX(zoom_level) of
    // its tiles: GDAL 3.6's 'minzoom' metadata can be one below the lowest
    // level it wrote.
    int minZoom = 0, maxZoom = 0;
};

// Writes a raster covering [west,south,east,north] as a cols x rows grid of
// distinct, well-separated flat colours (row 0 in the north; no two blocks
// share a colour; every channel is 40–220, so never white or black), in
// EPSG:3857 with square pixels, and converts it into `dir`/gdal-png.mbtiles
// or gdal-jpeg.mbtiles (tiles resampled NEAREST, so block edges stay sharp)
// with lower zooms down to about `overviewLevels` levels below the max
// (GDAL skips levels where the whole raster would be smaller than a tile).
// `pixelsPerDegree` of longitude sets the source resolution and so GDAL's
// max zoom: zoom z has 256·2^z/360 pixels per degree (z13 ≈ 5825). At most
// 64 blocks.
GdalTilePack makeGdalTilePack(const std::filesystem::path& dir, double west, double south,
                              double east, double north, int cols, int rows, double pixelsPerDegree,
                              const std::string& tileFormat /* "PNG" or "JPEG" */,
                              int overviewLevels);

} // namespace testsupport
