#include "client/tile_pack.hpp"

#include "cache/mbtiles.hpp"
#include "media/tile_normalise.hpp"

#include <SQLiteCpp/Database.h>
#include <SQLiteCpp/Statement.h>
#include <algorithm>
#include <cmath>
#include <cstdio>
#include <fcntl.h>
#include <limits>
#include <sqlite3.h>
#include <unistd.h>

namespace syncclient {

namespace {

namespace fs = std::filesystem;
using cache::makeError;

// [SECTION] Metadata checks

std::string number(double v) {
    char buf[40];
    std::snprintf(buf, sizeof buf, "%.10g", v);
    return buf;
}

bool within(double v, double lo, double hi) {
    return v >= lo && v <= hi;
} // false for NaN

cache::Result<void> checkInfo(const cache::MbtilesInfo& info, const TilePackLimits& limits) {
    if (info.minZoom < 0 || info.maxZoom > limits.maxZoom)
        return makeError("zoom levels " + std::to_string(info.minZoom) + "–" +
                         std::to_string(info.maxZoom) + " go beyond 0–" +
                         std::to_string(limits.maxZoom));
    if (info.bounds) {
        const auto [w, s, e, n] = *info.bounds;
        if (!within(w, -180, 180) || !within(e, -180, 180) || !within(s, -90, 90) ||
            !within(n, -90, 90) || !(w < e) || !(s < n))
            return makeError(
                "metadata 'bounds' " + number(w) + "," + number(s) + "," + number(e) + "," +
                number(n) +
                " is not a box west,south,east,north in degrees (west < east, south < north)");
    }
    if (info.centre) {
        const auto [lon, lat, z] = *info.centre;
        if (!within(lon, -180, 180) || !within(lat, -90, 90) || !within(z, 0, limits.maxZoom))
            return makeError("metadata 'center' " + number(lon) + "," + number(lat) + "," +
                             number(z) + " is not lon,lat,zoom in degrees and 0–" +
                             std::to_string(limits.maxZoom));
    }
    return {};
}

// [SECTION] Writing the installed file

constexpr const char* kSchema = R"sql(
    CREATE TABLE metadata (name TEXT NOT NULL PRIMARY KEY, value TEXT NOT NULL);
    CREATE TABLE tiles (zoom_level INTEGER NOT NULL, tile_column INTEGER NOT NULL,
                        tile_row INTEGER NOT NULL, tile_data BLOB NOT NULL);
    CREATE UNIQUE INDEX tile_index ON tiles (zoom_level, tile_column, tile_row);
)sql";

void putMetadata(SQLite::Database& db, const cache::MbtilesInfo& info, int minZoom, int maxZoom) {
    SQLite::Statement put(db, "INSERT INTO metadata(name, value) VALUES(?, ?)");
    const auto add = [&](const char* name, const std::string& value) {
        put.bind(1, name);
        put.bind(2, value);
        put.exec();
        put.reset();
    };
    add("name", info.name);
    add("format", info.format);
    add("minzoom", std::to_string(minZoom));
    add("maxzoom", std::to_string(maxZoom));
    if (info.bounds) {
        const auto& b = *info.bounds;
        add("bounds", number(b[0]) + "," + number(b[1]) + "," + number(b[2]) + "," + number(b[3]));
    }
    if (info.centre) {
        const auto& c = *info.centre;
        add("center", number(c[0]) + "," + number(c[1]) + "," + number(c[2]));
    }
    if (!info.attribution.empty()) add("attribution", info.attribution);
}

// fsync of a file or directory: the rename that publishes a file must not
// reach the disk before its content does.
bool syncPath(const fs::path& path, bool directory) {
    const int fd = ::open(path.c_str(), (directory ? O_DIRECTORY : 0) | O_RDONLY | O_CLOEXEC);
    if (fd < 0) return false;
    const bool ok = ::fsync(fd) == 0;
    ::close(fd);
    return ok;
}

std::string pixelCount(std::uint64_t pixels) {
    if (pixels < 10'000'000) return std::to_string(pixels) + " pixels";
    return std::to_string(pixels / 1'000'000) + " MP";
}

std::string address(const cache::MbtilesTile& t) {
    return std::to_string(t.z) + "/" + std::to_string(t.x) + "/" + std::to_string(t.y);
}

// Builds `part` from `source`; the caller removes `part` on error. Every
// message is complete: `who` names the pack, the reader's own errors name
// the downloaded file.
cache::Result<std::int64_t> writePack(cache::MbtilesReader& source, const fs::path& part,
                                      const TilePackLimits& limits, const std::string& who) {
    media::TileLimits tileLimits;
    tileLimits.maxBytes = limits.maxTileBytes;
    tileLimits.jpegQuality = limits.jpegQuality;
    const auto writeFailed = [&](const std::exception& e) {
        return makeError(who + "cannot write the installed pack " + part.string() + ": " +
                         e.what() + " (disk full or not writable?)");
    };
    std::int64_t written = 0;
    std::uint64_t pixels = 0;
    int minZoom = std::numeric_limits<int>::max(), maxZoom = -1;
    try {
        SQLite::Database out(part.string(), SQLite::OPEN_READWRITE | SQLite::OPEN_CREATE);
        // DELETE, never WAL: the kiosk opens the file immutable, which
        // ignores a -wal file. Durability comes from the fsync below, so
        // SQLite need not sync on its own.
        out.exec("PRAGMA journal_mode = DELETE");
        out.exec("PRAGMA synchronous = OFF");
        out.exec(kSchema);
        out.exec("BEGIN");
        SQLite::Statement insert(
            out,
            "INSERT INTO tiles(zoom_level, tile_column, tile_row, tile_data) VALUES(?, ?, ?, ?)");
        auto visited = source.forEachTile(
            limits.maxTileBytes, [&](const cache::MbtilesTile& t) -> cache::Result<void> {
                if (t.z > limits.maxZoom)
                    return makeError(who + "tile " + address(t) + " is at zoom " +
                                     std::to_string(t.z) + ", beyond " +
                                     std::to_string(limits.maxZoom));
                auto tile = media::normaliseTile(t.data, tileLimits);
                if (!tile)
                    return makeError(who + "tile " + address(t) +
                                     " refused: " + tile.error().message);
                pixels +=
                    static_cast<std::uint64_t>(tile->side) * static_cast<std::uint64_t>(tile->side);
                if (pixels > limits.maxPixels)
                    return makeError(who + "its tiles hold more than " +
                                     pixelCount(limits.maxPixels) +
                                     " to decode (the limit), reached at tile " + address(t));
                try {
                    insert.reset();
                    insert.bind(1, t.z);
                    insert.bind(2, t.x);
                    insert.bind(3, static_cast<std::int64_t>((std::int64_t{1} << t.z) - 1 -
                                                             t.y)); // back to the TMS row
                    insert.bind(4, tile->bytes.data(), static_cast<int>(tile->bytes.size()));
                    insert.exec();
                } catch (const SQLite::Exception& e) {
                    if (e.getExtendedErrorCode() == SQLITE_CONSTRAINT_UNIQUE)
                        return makeError(who + "tile " + address(t) + " appears more than once");
                    return writeFailed(e);
                }
                minZoom = std::min(minZoom, t.z);
                maxZoom = std::max(maxZoom, t.z);
                ++written;
                return {};
            });
        if (!visited) return visited.error();
        if (written == 0) return makeError(who + "it holds no tiles");
        putMetadata(out, source.info(), minZoom, maxZoom);
        out.exec("COMMIT");
    } catch (const std::exception& e) {
        return writeFailed(e);
    }
    if (!syncPath(part, false))
        return makeError(who + "cannot flush " + part.string() + " to disk");
    return written;
}

} // namespace

// [SECTION] Installing and pruning

fs::path installedTilePackPath(const fs::path& tilesDir, const std::string& sha256) {
    return fs::absolute(tilesDir / (sha256 + ".mbtiles")).lexically_normal();
}

cache::Result<InstalledTilePack> installTilePack(const fs::path& blob, const std::string& sha256,
                                                 const fs::path& tilesDir,
                                                 const TilePackLimits& limits) {
    InstalledTilePack installed;
    installed.path = installedTilePackPath(tilesDir, sha256);
    std::error_code ec;
    if (fs::is_regular_file(installed.path, ec)) {
        // Only ever created by the rename below, after an fsync: complete.
        installed.reused = true;
        return installed;
    }
    const std::string who = "map tile pack " + sha256.substr(0, 12) + ": ";

    // The blob is content-addressed and never changed in place: immutable.
    auto source = cache::MbtilesReader::open(blob, cache::MbtilesOpenMode::Immutable);
    if (!source) return source.error();
    if (auto ok = checkInfo(source->info(), limits); !ok)
        return makeError(who + ok.error().message);
    auto count = source->tileCount();
    if (!count) return count.error();
    if (*count > limits.maxTiles)
        return makeError(who + "it holds " + std::to_string(*count) + " tiles, over the limit of " +
                         std::to_string(limits.maxTiles));
    if (auto ok = source->quickCheck(); !ok) return ok.error();

    fs::create_directories(tilesDir, ec);
    const fs::path part = installed.path.string() + ".part";
    fs::remove(part, ec); // a leftover of an interrupted install
    auto written = writePack(*source, part, limits, who);
    if (!written) {
        fs::remove(part, ec);
        return written.error();
    }
    fs::rename(part, installed.path, ec);
    if (ec) {
        fs::remove(part, ec);
        return makeError(who + "cannot rename it into place in " + tilesDir.string() + ": " +
                         ec.message());
    }
    (void)syncPath(tilesDir, true);
    installed.tiles = *written;
    return installed;
}

int pruneTilePacks(const fs::path& tilesDir, const fs::path& keep) {
    int removed = 0;
    std::error_code ec;
    const std::string keepName = keep.empty() ? std::string() : keep.filename().string();
    for (const auto& e : fs::directory_iterator(tilesDir, ec)) {
        const std::string name = e.path().filename().string();
        if (name == keepName) continue;
        if (!name.ends_with(".mbtiles") && !name.ends_with(".part")) continue;
        std::error_code removeError;
        if (fs::remove(e.path(), removeError)) ++removed;
    }
    return removed;
}

} // namespace syncclient
