#include "support/gdal_tiles.hpp"

#include "support/process.hpp"

#include <algorithm>
#include <array>
#include <cmath>
#include <cstdio>
#include <fstream>
#include <numbers>
#include <optional>
#include <sqlite3.h>
#include <stdexcept>

namespace testsupport {

namespace {

namespace fs = std::filesystem;

// [SECTION] Web Mercator (EPSG:3857, metres)

constexpr double kEarthRadius = 6378137.0;

double mercatorX(double lon) {
    return kEarthRadius * lon * std::numbers::pi / 180.0;
}
double mercatorY(double lat) {
    return kEarthRadius *
           std::log(std::tan(std::numbers::pi / 4.0 + lat * std::numbers::pi / 360.0));
}
double longitudeOf(double x) {
    return x / kEarthRadius * 180.0 / std::numbers::pi;
}
double latitudeOf(double y) {
    return (2.0 * std::atan(std::exp(y / kEarthRadius)) - std::numbers::pi / 2.0) * 180.0 /
           std::numbers::pi;
}

// [SECTION] The pattern

// 64 colours from four levels per channel; stepping through them by 23
// (coprime with 64) gives neighbouring blocks colours far apart.
std::array<std::uint8_t, 3> blockColour(int index) {
    static constexpr std::uint8_t kLevels[] = {40, 100, 160, 220};
    const int p = (index * 23 + 5) % 64;
    return {kLevels[p % 4], kLevels[(p / 4) % 4], kLevels[p / 16]};
}

std::string format(double v) {
    char buf[40];
    std::snprintf(buf, sizeof buf, "%.6f", v);
    return buf;
}

// [SECTION] Reading GDAL's result

// From the tiles, not the metadata: GDAL 3.6's gdaladdo writes 'minzoom'
// one level below the lowest overview it made (and skips levels that would
// be smaller than a tile), so the metadata can promise a zoom with no tiles.
int tileZoom(sqlite3* db, const char* sql) {
    sqlite3_stmt* st = nullptr;
    if (sqlite3_prepare_v2(db, sql, -1, &st, nullptr) != SQLITE_OK)
        throw std::runtime_error(std::string("GDAL's MBTiles cannot be read: ") +
                                 sqlite3_errmsg(db));
    std::optional<int> value;
    if (sqlite3_step(st) == SQLITE_ROW && sqlite3_column_type(st, 0) != SQLITE_NULL)
        value = sqlite3_column_int(st, 0);
    sqlite3_finalize(st);
    if (!value) throw std::runtime_error("GDAL wrote an MBTiles file without tiles");
    return *value;
}

void readZooms(GdalTilePack& pack) {
    sqlite3* db = nullptr;
    if (sqlite3_open_v2(pack.mbtiles.c_str(), &db, SQLITE_OPEN_READONLY, nullptr) != SQLITE_OK) {
        const std::string why = db ? sqlite3_errmsg(db) : "out of memory";
        sqlite3_close(db);
        throw std::runtime_error("cannot open " + pack.mbtiles.string() + ": " + why);
    }
    try {
        pack.minZoom = tileZoom(db, "SELECT MIN(zoom_level) FROM tiles");
        pack.maxZoom = tileZoom(db, "SELECT MAX(zoom_level) FROM tiles");
    } catch (...) {
        sqlite3_close(db);
        throw;
    }
    sqlite3_close(db);
}

} // namespace

GdalTilePack makeGdalTilePack(const fs::path& dir, double west, double south, double east,
                              double north, int cols, int rows, double pixelsPerDegree,
                              const std::string& tileFormat, int overviewLevels) {
    if (!(west < east) || !(south < north) || west < -180 || east > 180 || south < -85 ||
        north > 85)
        throw std::invalid_argument(
            "makeGdalTilePack: not a box west<east, south<north within ±180/±85");
    if (cols < 1 || rows < 1 || cols * rows > 64)
        throw std::invalid_argument("makeGdalTilePack: cols × rows must be 1–64 blocks");
    if (!(pixelsPerDegree > 0) || overviewLevels < 0 || overviewLevels > 20)
        throw std::invalid_argument(
            "makeGdalTilePack: pixelsPerDegree must be positive, overviewLevels 0–20");
    if (tileFormat != "PNG" && tileFormat != "JPEG")
        throw std::invalid_argument("makeGdalTilePack: tileFormat must be PNG or JPEG, not " +
                                    tileFormat);
    for (const char* tool : {"gdal_translate", "gdaladdo"}) {
        try {
            findExecutable(tool);
        } catch (const std::exception&) {
            throw std::runtime_error(std::string(tool) +
                                     " not found: install gdal-bin (tools/deps.sh)");
        }
    }
    fs::create_directories(dir);

    GdalTilePack pack;
    const double blockLon = (east - west) / cols, blockLat = (north - south) / rows;
    for (int r = 0; r < rows; ++r)
        for (int c = 0; c < cols; ++c) {
            const auto rgb = blockColour(r * cols + c);
            pack.blocks.push_back({west + c * blockLon, north - (r + 1) * blockLat,
                                   west + (c + 1) * blockLon, north - r * blockLat, rgb[0], rgb[1],
                                   rgb[2]});
        }

    // Square pixels in Mercator metres: the width follows pixelsPerDegree,
    // the height whatever the latitude stretch makes of the box.
    const double left = mercatorX(west), top = mercatorY(north);
    const int width = static_cast<int>(std::ceil((east - west) * pixelsPerDegree));
    const double pixel = (mercatorX(east) - left) / width;
    const int height = std::max(1, static_cast<int>(std::lround((top - mercatorY(south)) / pixel)));
    if (static_cast<long long>(width) * height > 64'000'000)
        throw std::invalid_argument(
            "makeGdalTilePack: the source raster would be over 64 MP; lower pixelsPerDegree");

    const fs::path ppm = dir / "gdal-source.ppm", tif = dir / "gdal-source.tif";
    {
        std::ofstream out(ppm, std::ios::binary | std::ios::trunc);
        out << "P6\n" << width << ' ' << height << "\n255\n";
        std::vector<char> line(static_cast<std::size_t>(width) * 3);
        for (int y = 0; y < height; ++y) {
            const double lat = latitudeOf(top - (y + 0.5) * pixel);
            const int r =
                std::clamp(static_cast<int>(std::floor((north - lat) / blockLat)), 0, rows - 1);
            for (int x = 0; x < width; ++x) {
                const double lon = longitudeOf(left + (x + 0.5) * pixel);
                const int c =
                    std::clamp(static_cast<int>(std::floor((lon - west) / blockLon)), 0, cols - 1);
                const ColourBlock& b = pack.blocks[static_cast<std::size_t>(r * cols + c)];
                line[static_cast<std::size_t>(x) * 3 + 0] = static_cast<char>(b.r);
                line[static_cast<std::size_t>(x) * 3 + 1] = static_cast<char>(b.g);
                line[static_cast<std::size_t>(x) * 3 + 2] = static_cast<char>(b.b);
            }
            out.write(line.data(), static_cast<std::streamsize>(line.size()));
        }
        if (!out) throw std::runtime_error("cannot write " + ppm.string());
    }

    std::string lower = tileFormat == "PNG" ? "png" : "jpeg";
    pack.mbtiles = dir / ("gdal-" + lower + ".mbtiles");
    std::error_code ec;
    fs::remove(pack.mbtiles, ec);
    runOrThrow({"gdal_translate", "-q", "-of", "GTiff", "-a_srs", "EPSG:3857", "-a_ullr",
                format(left), format(top), format(left + width * pixel),
                format(top - height * pixel), ppm.string(), tif.string()});
    runOrThrow({"gdal_translate", "-q", "-of", "MBTILES", "-co", "TILE_FORMAT=" + tileFormat, "-co",
                "RESAMPLING=NEAREST", "-co", "NAME=pestor test pattern", tif.string(),
                pack.mbtiles.string()});
    if (overviewLevels > 0) {
        std::vector<std::string> addo{"gdaladdo", "-q", "-r", "nearest", pack.mbtiles.string()};
        for (int level = 1; level <= overviewLevels; ++level)
            addo.push_back(std::to_string(1 << level));
        runOrThrow(addo);
    }
    for (const fs::path& p :
         {ppm, tif, fs::path(tif.string() + ".aux.xml"), fs::path(ppm.string() + ".aux.xml")})
        fs::remove(p, ec);
    readZooms(pack);
    return pack;
}

} // namespace testsupport
