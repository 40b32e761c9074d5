// The feed's map tile pack end to end: a GDAL-made MBTiles file published
// with pestor-feed, synced over file://, every tile re-encoded into an
// installed pack STATE/tiles/<sha256>.mbtiles that sync_state and the
// Catalog name in the same commit as the records. Bad packs fail the sync
// with the reason and leave the records and the installed pack as they were.
#include "cache/catalog.hpp"
#include "cache/mbtiles.hpp"
#include "support/gdal_tiles.hpp"
#include "sync_fixture.hpp"
#include "tile_probe.hpp"

#include <SQLiteCpp/Database.h>
#include <SQLiteCpp/Statement.h>
#include <chrono>
#include <doctest/doctest.h>
#include <functional>
#include <stb_image_write.h>
#include <zlib.h>

namespace fs = std::filesystem;
using syncclient::SyncResultKind;

namespace {

constexpr double kWest = 18.50, kSouth = 52.98, kEast = 18.74, kNorth = 53.06;
constexpr double kZ13PixelsPerDegree = 256.0 * 8192 / 360;

testsupport::GdalTilePack makePack(const fs::path& dir, const std::string& format) {
    return testsupport::makeGdalTilePack(dir, kWest, kSouth, kEast, kNorth, 3, 2,
                                         kZ13PixelsPerDegree, format, 2);
}

// Puts `pack` into the feed source as its only .mbtiles (or none).
void setSourcePack(synctest::FeedWorld& w, const std::optional<fs::path>& pack) {
    for (const auto& e : fs::directory_iterator(w.source()))
        if (e.path().extension() == ".mbtiles") fs::remove(e.path());
    if (pack) fs::copy_file(*pack, w.source() / "torun.mbtiles");
}

cache::SyncStatus status(SQLite::Database& db) {
    auto st = cache::readSyncStatus(db);
    REQUIRE(st.ok());
    return *st;
}

std::vector<std::string> filesIn(const fs::path& dir) {
    std::vector<std::string> names;
    std::error_code ec;
    for (const auto& e : fs::directory_iterator(dir, ec))
        names.push_back(e.path().filename().string());
    std::sort(names.begin(), names.end());
    return names;
}

std::string pngOf(int w, int h) {
    std::vector<std::uint8_t> px(static_cast<std::size_t>(w) * h * 3, 120);
    std::string out;
    stbi_write_png_to_func(
        [](void* ctx, void* data, int size) {
            static_cast<std::string*>(ctx)->append(static_cast<char*>(data), size);
        },
        &out, w, h, 3, px.data(), w * 3);
    return out;
}

// A PNG whose header declares `w`×`h` pixels with no image behind it.
std::string pngBomb(std::uint32_t w, std::uint32_t h) {
    std::string chunk = "IHDR";
    for (std::uint32_t v : {w, h})
        for (int s = 24; s >= 0; s -= 8)
            chunk.push_back(static_cast<char>((v >> s) & 0xFF));
    chunk += std::string("\x08\x02\x00\x00\x00", 5);
    const uLong crc =
        crc32(0, reinterpret_cast<const Bytef*>(chunk.data()), static_cast<uInt>(chunk.size()));
    std::string png = "\x89PNG\r\n\x1a\n";
    png += std::string("\x00\x00\x00\x0d", 4) + chunk;
    for (int s = 24; s >= 0; s -= 8)
        png.push_back(static_cast<char>((crc >> s) & 0xFF));
    return png;
}

// Every tile of an installed pack decodes to an opaque-or-edge 256 px image.
int decodableTiles(const fs::path& pack) {
    auto reader = cache::MbtilesReader::open(pack, cache::MbtilesOpenMode::Immutable);
    REQUIRE_MESSAGE(reader.ok(), (reader.ok() ? "" : reader.error().message));
    int decoded = 0;
    auto r = reader->forEachTile(1u << 20, [&](const cache::MbtilesTile& t) -> cache::Result<void> {
        const auto image = tiletest::decode(t.data);
        CHECK_MESSAGE(image.width == 256, "tile " << t.z << "/" << t.x << "/" << t.y);
        CHECK(image.height == 256);
        if (image.width == 256) ++decoded;
        return {};
    });
    REQUIRE(r.ok());
    return decoded;
}

} // namespace

TEST_CASE("a GDAL tile pack is installed tile by tile and named by sync_state and the Catalog") {
    synctest::FeedWorld w;
    const auto pack = makePack(w.dir / "gdal", "PNG");
    const int sourceTiles = tiletest::countRows(pack.mbtiles, "SELECT count(*) FROM tiles");
    setSourcePack(w, pack.mbtiles);
    const auto m = w.publish();
    REQUIRE(m.tiles.has_value());

    const auto started = std::chrono::steady_clock::now();
    const auto result = w.sync();
    const auto ms = std::chrono::duration_cast<std::chrono::milliseconds>(
                        std::chrono::steady_clock::now() - started)
                        .count();
    INFO(result.message);
    REQUIRE(result.kind == SyncResultKind::Applied);
    CHECK(result.message.find("map tile pack installed (" + std::to_string(sourceTiles) +
                              " tiles)") != std::string::npos);
    MESSAGE("first sync with a " << sourceTiles << "-tile pack (z" << pack.minZoom << "–"
                                 << pack.maxZoom << "): " << ms << " ms");

    const fs::path installed = w.config.stateDir / "tiles" / (m.tiles->sha256 + ".mbtiles");
    REQUIRE(fs::is_regular_file(installed));
    CHECK(filesIn(w.config.stateDir / "tiles") ==
          std::vector<std::string>{m.tiles->sha256 + ".mbtiles"});
    CHECK(status(*w.db).tilesPack == installed.string());
    CHECK(fs::path(status(*w.db).tilesPack).is_absolute());
    auto catalog = cache::Catalog::load(*w.db);
    REQUIRE(catalog.ok());
    CHECK((*catalog)->tilePackPath() == installed.string());
    CHECK((*catalog)->size(cache::Collection::Entities) == 207); // the records came with it

    // A plain MBTiles 1.3 file, never WAL (it is opened immutable).
    {
        SQLite::Database db(installed.string(), SQLite::OPEN_READONLY);
        CHECK(db.execAndGet("PRAGMA journal_mode").getString() == "delete");
        CHECK(db.execAndGet("SELECT count(*) FROM tiles").getInt() == sourceTiles);
        CHECK(
            db.execAndGet(
                  "SELECT count(*) FROM sqlite_master WHERE type = 'index' AND tbl_name = 'tiles' "
                  "AND sql LIKE 'CREATE UNIQUE INDEX%'")
                .getInt() == 1);
        CHECK(db.execAndGet("SELECT value FROM metadata WHERE name = 'format'").getString() ==
              "png");
        // The real zoom range of the tiles, where GDAL's metadata promised one level more.
        CHECK(db.execAndGet("SELECT value FROM metadata WHERE name = 'minzoom'").getString() ==
              std::to_string(pack.minZoom));
        CHECK(db.execAndGet("SELECT value FROM metadata WHERE name = 'maxzoom'").getString() ==
              std::to_string(pack.maxZoom));
        // Re-encoded by the sync, not copied: the bytes differ from GDAL's.
        SQLite::Statement q(db, "ATTACH DATABASE ? AS src");
        q.bind(1, pack.mbtiles.string());
        q.exec();
        CHECK(db.execAndGet("SELECT count(*) FROM tiles t JOIN src.tiles s USING (zoom_level, "
                            "tile_column, tile_row) "
                            "WHERE t.tile_data = s.tile_data")
                  .getInt() < sourceTiles);
    }
    CHECK(decodableTiles(installed) == sourceTiles);

    // The kiosk's view of it: each block's colour where a slippy map looks.
    auto reader = cache::MbtilesReader::open(installed, cache::MbtilesOpenMode::Immutable);
    REQUIRE(reader.ok());
    CHECK(reader->info().bounds.has_value());
    for (const auto& b : pack.blocks) {
        const auto p =
            tiletest::tilePoint((b.west + b.east) / 2, (b.south + b.north) / 2, pack.maxZoom);
        auto tile = reader->tile(p.z, p.x, p.y);
        REQUIRE(tile.ok());
        REQUIRE(tile->has_value());
        const auto px = tiletest::decode(**tile).at(p.px, p.py);
        CHECK_MESSAGE(tiletest::hasColour(px, b, 0), tiletest::describe(px));
    }

    // Nothing new: one request, the pack untouched.
    const auto mtime = fs::last_write_time(installed);
    CHECK(w.sync().kind == SyncResultKind::Unchanged);
    CHECK(fs::last_write_time(installed) == mtime);
}

TEST_CASE("the same pack is reused, another replaces it, a feed without one clears it") {
    synctest::FeedWorld w;
    const auto png = makePack(w.dir / "gdal", "PNG");
    const auto jpeg = makePack(w.dir / "gdal", "JPEG");
    setSourcePack(w, png.mbtiles);
    const auto m1 = w.publish();
    REQUIRE(w.sync().kind == SyncResultKind::Applied);
    const fs::path first = w.config.stateDir / "tiles" / (m1.tiles->sha256 + ".mbtiles");
    REQUIRE(fs::exists(first));
    const auto mtime = fs::last_write_time(first);

    // A record changes, the pack does not: installed once, reused.
    w.editSource("entities", 3, "short_name", "Inna nazwa");
    w.publish();
    const auto second = w.sync();
    INFO(second.message);
    REQUIRE(second.kind == SyncResultKind::Applied);
    CHECK(second.message.find("map tile pack installed") == std::string::npos);
    CHECK(status(*w.db).tilesPack == first.string());
    CHECK(fs::last_write_time(first) == mtime);

    // A kiosk reading the old pack while the new one is applied.
    auto kiosk = cache::MbtilesReader::open(first, cache::MbtilesOpenMode::Immutable);
    REQUIRE(kiosk.ok());
    const auto p = tiletest::tilePoint(18.62, 53.02, png.maxZoom);

    setSourcePack(w, jpeg.mbtiles);
    const auto m3 = w.publish();
    const auto third = w.sync();
    INFO(third.message);
    REQUIRE(third.kind == SyncResultKind::Applied);
    const fs::path replacement = w.config.stateDir / "tiles" / (m3.tiles->sha256 + ".mbtiles");
    CHECK(replacement != first);
    CHECK(fs::exists(replacement));
    CHECK_FALSE(fs::exists(first)); // removed after the commit
    CHECK(filesIn(w.config.stateDir / "tiles") ==
          std::vector<std::string>{m3.tiles->sha256 + ".mbtiles"});
    CHECK(status(*w.db).tilesPack == replacement.string());
    CHECK((*cache::Catalog::load(*w.db))->tilePackPath() == replacement.string());
    {
        auto jpegPack = cache::MbtilesReader::open(replacement, cache::MbtilesOpenMode::Immutable);
        REQUIRE(jpegPack.ok());
        CHECK(jpegPack->info().format == "jpg");
        auto tile = jpegPack->tile(p.z, p.x, p.y);
        REQUIRE(tile.ok());
        REQUIRE(tile->has_value());
        CHECK((*tile)->substr(0, 2) == "\xFF\xD8"); // JPEG stays JPEG
    }
    // The unlinked file is still readable through the open reader.
    auto old = kiosk->tile(p.z, p.x, p.y);
    REQUIRE(old.ok());
    REQUIRE(old->has_value());
    CHECK(tiletest::decode(**old).width == 256);

    setSourcePack(w, std::nullopt);
    const auto m4 = w.publish();
    CHECK_FALSE(m4.tiles.has_value());
    REQUIRE(w.sync().kind == SyncResultKind::Applied);
    CHECK(status(*w.db).tilesPack.empty());
    CHECK((*cache::Catalog::load(*w.db))->tilePackPath().empty());
    CHECK(filesIn(w.config.stateDir / "tiles").empty());
}

TEST_CASE(
    "a bad tile pack fails the sync naming the problem; the records and the installed pack stay") {
    synctest::FeedWorld w;
    const auto good = makePack(w.dir / "gdal", "PNG");
    setSourcePack(w, good.mbtiles);
    const auto m1 = w.publish();
    REQUIRE(w.sync().kind == SyncResultKind::Applied);
    const fs::path installed = w.config.stateDir / "tiles" / (m1.tiles->sha256 + ".mbtiles");
    const std::string packBytes = pestor_test::readFile(installed);
    const std::string before = w.records();

    // The tile every corruption hits, and how the error names it (XYZ).
    int column = 0, row = 0;
    std::string original;
    {
        SQLite::Database db(good.mbtiles.string(), SQLite::OPEN_READONLY);
        SQLite::Statement q(
            db, "SELECT tile_column, tile_row, tile_data FROM tiles WHERE zoom_level = 13 "
                "ORDER BY tile_column, tile_row LIMIT 1");
        REQUIRE(q.executeStep());
        column = q.getColumn(0).getInt();
        row = q.getColumn(1).getInt();
        original = q.getColumn(2).getString();
    }
    const std::string tileName =
        "tile 13/" + std::to_string(column) + "/" + std::to_string(8191 - row);

    struct Bad {
        const char* what;
        std::function<void(SQLite::Database&)> edit; // on a copy of the good pack
        std::vector<std::string> expected;           // fragments of the message
    };
    const auto setTile = [&](const std::string& bytes) {
        return [&, bytes](SQLite::Database& db) {
            SQLite::Statement q(db, "UPDATE tiles SET tile_data = ? WHERE zoom_level = 13 AND "
                                    "tile_column = ? AND tile_row = ?");
            q.bind(1, bytes.data(), static_cast<int>(bytes.size()));
            q.bind(2, column);
            q.bind(3, row);
            REQUIRE(q.exec() == 1);
        };
    };
    const std::vector<Bad> cases{
        {"a tile declaring a huge PNG",
         setTile(pngBomb(100000, 100000)),
         {tileName +
          " refused: it declares 100000×100000 pixels; map tiles are square, 256 or 512 pixels"}},
        {"a truncated tile",
         setTile(original.substr(0, original.size() / 2)),
         {tileName + " refused: truncated PNG"}},
        {"GIF bytes",
         setTile(std::string("GIF89a\x00\x01\x00\x01\x80\x00\x00", 13) + std::string(40, '\0')),
         {tileName + " refused: the tile is GIF; map tiles must be PNG or JPEG"}},
        {"a 300 px tile",
         setTile(pngOf(300, 300)),
         {tileName + " refused: it declares 300×300 pixels"}},
        {"format webp",
         [](SQLite::Database& db) {
             db.exec("UPDATE metadata SET value = 'webp' WHERE name = 'format'");
         },
         {"feed tiles: map tile pack ",
          "metadata 'format' is 'webp'; only png and jpg raster tiles are supported"}},
        {"bounds west of east",
         [](SQLite::Database& db) {
             db.exec("UPDATE metadata SET value = '18.74,52.98,18.5,53.06' WHERE name = 'bounds'");
         },
         {"metadata 'bounds' 18.74,52.98,18.5,53.06 is not a box"}},
        {"zoom 23",
         [](SQLite::Database& db) {
             db.exec("UPDATE metadata SET value = '23' WHERE name = 'maxzoom'");
         },
         {"zoom levels 10–23 go beyond 0–22"}},
        {"a tile twice (a view)",
         [](SQLite::Database& db) {
             db.exec("ALTER TABLE tiles RENAME TO stored;"
                     "CREATE VIEW tiles AS SELECT * FROM stored UNION ALL SELECT * FROM stored "
                     "WHERE zoom_level = 13");
         },
         {"appears more than once"}},
    };

    const auto expectRefused = [&](const std::string& what,
                                   const std::vector<std::string>& expected) {
        w.publish();
        const auto r = w.sync();
        INFO(what << ": " << r.message);
        CHECK(r.kind == SyncResultKind::Failed);
        for (const auto& fragment : expected)
            CHECK(r.message.find(fragment) != std::string::npos);
        CHECK(r.message.starts_with("feed tiles: "));
        CHECK(synctest::lastError(*w.db) == r.message);
        CHECK(w.records() == before);
        CHECK(status(*w.db).tilesPack == installed.string());
        CHECK(status(*w.db).sequence == 1);
        CHECK((*cache::Catalog::load(*w.db))->tilePackPath() == installed.string());
        // The installed pack is as it was, and nothing half-written is left.
        CHECK(filesIn(w.config.stateDir / "tiles") ==
              std::vector<std::string>{installed.filename().string()});
        CHECK(pestor_test::readFile(installed) == packBytes);
    };

    for (const Bad& bad : cases) {
        const fs::path copy = w.dir / "bad.mbtiles";
        fs::remove(copy);
        fs::copy_file(good.mbtiles, copy);
        {
            SQLite::Database db(copy.string(), SQLite::OPEN_READWRITE);
            bad.edit(db);
        }
        setSourcePack(w, copy);
        expectRefused(bad.what, bad.expected);
    }

    pestor_test::writeFile(w.dir / "bad.mbtiles",
                           "this is not a database, whatever its name says\n");
    setSourcePack(w, w.dir / "bad.mbtiles");
    expectRefused("not SQLite",
                  {"is not an MBTiles file: it cannot be read as an SQLite database"});

    // Limits: tile count, bytes per tile, pixels to decode.
    setSourcePack(w, good.mbtiles);
    w.editSource("entities", 1, "short_name",
                 "Nowa"); // a feed the terminal has not seen, same pack
    const auto limited = [&](const std::string& what, auto set,
                             const std::vector<std::string>& expected) {
        // The same pack is installed already: a reinstall must be forced by removing it.
        const auto saved = w.config.limits.tilePack;
        set(w.config.limits.tilePack);
        fs::rename(installed, w.dir / "held.mbtiles");
        w.publish();
        const auto r = w.sync();
        fs::rename(w.dir / "held.mbtiles", installed);
        w.config.limits.tilePack = saved;
        INFO(what << ": " << r.message);
        CHECK(r.kind == SyncResultKind::Failed);
        for (const auto& fragment : expected)
            CHECK(r.message.find(fragment) != std::string::npos);
        CHECK(w.records() == before);
        CHECK(status(*w.db).tilesPack == installed.string());
        CHECK(filesIn(w.config.stateDir / "tiles") ==
              std::vector<std::string>{installed.filename().string()});
    };
    const int tiles = tiletest::countRows(good.mbtiles, "SELECT count(*) FROM tiles");
    limited("tile count", [](syncclient::TilePackLimits& l) { l.maxTiles = 5; },
            {"it holds " + std::to_string(tiles) + " tiles, over the limit of 5"});
    limited("tile bytes", [](syncclient::TilePackLimits& l) { l.maxTileBytes = 100; },
            {"bytes, over the limit of 100"});
    limited("pixels", [](syncclient::TilePackLimits& l) { l.maxPixels = 3 * 256 * 256; },
            {"its tiles hold more than 196608 pixels to decode (the limit), reached at tile "});

    // The good pack again, with the record change: applied, pack reused.
    w.publish();
    const auto recovered = w.sync();
    INFO(recovered.message);
    REQUIRE(recovered.kind == SyncResultKind::Applied);
    CHECK(status(*w.db).tilesPack == installed.string());
    CHECK(pestor_test::readFile(installed) == packBytes);
    CHECK(w.records() != before);
}
