// MbtilesReader against packs written by GDAL (gdal_translate -of MBTILES +
// gdaladdo), the same packs rewritten with `tiles` as a view, and files
// that are not MBTiles at all. Tile addresses and expected colours are
// computed here from lon/lat, independently of the reader.
#include "cache/mbtiles.hpp"
#include "support/gdal_tiles.hpp"
#include "test_support.hpp"
#include "tile_probe.hpp"

#include <SQLiteCpp/Database.h>
#include <SQLiteCpp/Statement.h>
#include <doctest/doctest.h>
#include <filesystem>
#include <set>
#include <tuple>

namespace fs = std::filesystem;
using cache::MbtilesOpenMode;
using cache::MbtilesReader;

namespace {

// A Toruń-sized box: 3 × 2 blocks of 0.08° × 0.04°, max zoom 13.
constexpr double kWest = 18.50, kSouth = 52.98, kEast = 18.74, kNorth = 53.06;
constexpr double kZ13PixelsPerDegree = 256.0 * 8192 / 360; // 5825

std::string metadataValue(const fs::path& file, const std::string& name) {
    SQLite::Database db(file.string(), SQLite::OPEN_READONLY);
    SQLite::Statement q(db, "SELECT value FROM metadata WHERE name = ?");
    q.bind(1, name);
    REQUIRE(q.executeStep());
    return q.getColumn(0).getString();
}

testsupport::GdalTilePack makePack(const fs::path& dir, const std::string& format) {
    return testsupport::makeGdalTilePack(dir, kWest, kSouth, kEast, kNorth, 3, 2,
                                         kZ13PixelsPerDegree, format, 2);
}

// Every block's centre, looked up at zoom z: the tile exists, and the pixel
// where the centre falls has the block's colour. Returns how many blocks.
int probeBlockCentres(MbtilesReader& reader, const testsupport::GdalTilePack& pack, int z,
                      int tolerance) {
    int probed = 0;
    for (const auto& b : pack.blocks) {
        const auto p = tiletest::tilePoint((b.west + b.east) / 2, (b.south + b.north) / 2, z);
        auto tile = reader.tile(p.z, p.x, p.y);
        REQUIRE(tile.ok());
        REQUIRE_MESSAGE(tile->has_value(), "no tile " << p.z << "/" << p.x << "/" << p.y);
        const auto image = tiletest::decode(**tile);
        REQUIRE(image.width == 256);
        REQUIRE(image.height == 256);
        const auto px = image.at(p.px, p.py);
        CHECK_MESSAGE(tiletest::hasColour(px, b, tolerance),
                      "tile " << p.z << "/" << p.x << "/" << p.y << " pixel " << p.px << "," << p.py
                              << " is " << tiletest::describe(px) << ", block " << int(b.r) << ","
                              << int(b.g) << "," << int(b.b));
        ++probed;
    }
    return probed;
}

} // namespace

TEST_CASE("a GDAL PNG pack: metadata, and tiles by XYZ address with the TMS row flipped") {
    pestor_test::TempDir dir;
    const auto pack = makePack(dir / "gdal", "PNG");
    CHECK(pack.maxZoom == 13);
    CHECK(pack.minZoom == 11);

    auto reader = MbtilesReader::open(pack.mbtiles, MbtilesOpenMode::Immutable);
    REQUIRE_MESSAGE(reader.ok(), (reader.ok() ? "" : reader.error().message));
    const auto& info = reader->info();
    CHECK(info.format == "png");
    // From the metadata, which GDAL 3.6 writes one level below its lowest
    // overview; the fixture's figures come from the tiles.
    CHECK(info.minZoom == std::stoi(metadataValue(pack.mbtiles, "minzoom")));
    CHECK(info.minZoom == pack.minZoom - 1);
    CHECK(info.maxZoom == pack.maxZoom);
    CHECK(info.name == "pestor test pattern");
    REQUIRE(info.bounds.has_value());
    CHECK((*info.bounds)[0] == doctest::Approx(kWest).epsilon(0.0001));
    CHECK((*info.bounds)[1] == doctest::Approx(kSouth).epsilon(0.0001));
    CHECK((*info.bounds)[2] == doctest::Approx(kEast).epsilon(0.0001));
    CHECK((*info.bounds)[3] == doctest::Approx(kNorth).epsilon(0.0001));
    CHECK_FALSE(info.centre.has_value()); // GDAL writes no 'center'

    for (int z = pack.minZoom; z <= pack.maxZoom; ++z)
        CHECK(probeBlockCentres(*reader, pack, z, 0) == 6);

    // A tile's centre, as a slippy map addresses it: the colour of the
    // block that holds that point (4 pixels away from any edge).
    int centresProbed = 0;
    const double margin = 4.0 / kZ13PixelsPerDegree;
    for (const auto& b : pack.blocks) {
        const auto p = tiletest::tilePoint((b.west + b.east) / 2, (b.south + b.north) / 2, 13);
        const auto [lon, lat] = tiletest::tileCentre(13, p.x, p.y);
        const auto* expected = tiletest::blockAt(pack.blocks, lon, lat, margin);
        if (expected == nullptr) continue;
        auto tile = reader->tile(13, p.x, p.y);
        REQUIRE(tile.ok());
        REQUIRE(tile->has_value());
        const auto px = tiletest::decode(**tile).at(128, 128);
        CHECK_MESSAGE(tiletest::hasColour(px, *expected, 0),
                      "tile centre 13/" << p.x << "/" << p.y << " is " << tiletest::describe(px));
        ++centresProbed;
        // Without the flip the same numbers address the TMS row, far south.
        const int tmsRow = (1 << 13) - 1 - p.y;
        REQUIRE(tmsRow != p.y);
        auto unflipped = reader->tile(13, p.x, tmsRow);
        REQUIRE(unflipped.ok());
        CHECK_FALSE(unflipped->has_value());
    }
    CHECK(centresProbed >= 2);

    auto count = reader->tileCount();
    REQUIRE(count.ok());
    CHECK(*count == tiletest::countRows(pack.mbtiles, "SELECT count(*) FROM tiles"));
    CHECK(*count > 20);
}

TEST_CASE("a GDAL JPEG pack reads as format jpg with the block colours") {
    pestor_test::TempDir dir;
    const auto pack = makePack(dir / "gdal", "JPEG");
    auto reader = MbtilesReader::open(pack.mbtiles); // plain read-only
    REQUIRE_MESSAGE(reader.ok(), (reader.ok() ? "" : reader.error().message));
    CHECK(reader->info().format == "jpg");
    CHECK(probeBlockCentres(*reader, pack, pack.maxZoom, 12) == 6);
}

TEST_CASE("tiles as a view over map and images (deduplicating writers) read the same") {
    pestor_test::TempDir dir;
    // Two wide blocks: many tiles lie wholly inside one and are identical.
    const auto pack = testsupport::makeGdalTilePack(dir / "gdal", kWest, kSouth, kWest + 0.4,
                                                    kNorth, 2, 1, kZ13PixelsPerDegree, "PNG", 1);
    const fs::path viewPack = dir / "view.mbtiles";
    tiletest::writeViewPack(pack.mbtiles, viewPack);
    // The pattern repeats whole tiles, so deduplication really happened.
    CHECK(tiletest::countRows(viewPack, "SELECT count(*) FROM images") <
          tiletest::countRows(viewPack, "SELECT count(*) FROM map"));
    CHECK(tiletest::countRows(
              viewPack,
              "SELECT count(*) FROM sqlite_master WHERE name = 'tiles' AND type = 'view'") == 1);

    auto original = MbtilesReader::open(pack.mbtiles, MbtilesOpenMode::Immutable);
    auto view = MbtilesReader::open(viewPack, MbtilesOpenMode::Immutable);
    REQUIRE(original.ok());
    REQUIRE_MESSAGE(view.ok(), (view.ok() ? "" : view.error().message));
    CHECK(view->info().minZoom == original->info().minZoom);
    CHECK(view->info().maxZoom == pack.maxZoom);
    int compared = 0;
    auto visited =
        original->forEachTile(1u << 20, [&](const cache::MbtilesTile& t) -> cache::Result<void> {
            auto same = view->tile(t.z, t.x, t.y);
            REQUIRE(same.ok());
            REQUIRE(same->has_value());
            CHECK(**same == t.data);
            ++compared;
            return {};
        });
    REQUIRE(visited.ok());
    CHECK(compared == *view->tileCount());
    CHECK(probeBlockCentres(*view, pack, pack.maxZoom, 0) == 2);
}

TEST_CASE("a missing tile is nullopt, not an error") {
    pestor_test::TempDir dir;
    const auto pack = makePack(dir / "gdal", "PNG");
    auto reader = MbtilesReader::open(pack.mbtiles, MbtilesOpenMode::Immutable);
    REQUIRE(reader.ok());
    const auto none = [&](int z, int x, int y) {
        auto t = reader->tile(z, x, y);
        REQUIRE(t.ok());
        return !t->has_value();
    };
    CHECK(none(13, 0, 0));     // in the world, outside the pack
    CHECK(none(5, 17, 10));    // a zoom the pack does not have
    CHECK(none(13, -1, 2000)); // outside the world
    CHECK(none(13, 8192, 2000));
    CHECK(none(13, 4517, 8192));
    CHECK(none(31, 0, 0));
    CHECK(none(-1, 0, 0));
    const auto p = tiletest::tilePoint(18.62, 53.02, 13);
    CHECK_FALSE(none(13, p.x, p.y)); // and the pack's own tile is there
}

TEST_CASE("files that are not MBTiles are refused with the file and the reason") {
    pestor_test::TempDir dir;
    const auto message = [](const fs::path& p) {
        auto r = MbtilesReader::open(p);
        REQUIRE_FALSE(r.ok());
        return r.error().message;
    };
    const std::string missing = message(dir / "nothing.mbtiles");
    CHECK(missing.find("nothing.mbtiles") != std::string::npos);
    CHECK(missing.find("no such file") != std::string::npos);

    pestor_test::writeFile(dir / "text.mbtiles", std::string(5000, 'x'));
    const std::string text = message(dir / "text.mbtiles");
    CHECK(text.find("text.mbtiles") != std::string::npos);
    CHECK(text.find("not an MBTiles file: it cannot be read as an SQLite database") !=
          std::string::npos);

    {
        SQLite::Database db((dir / "empty.mbtiles").string(),
                            SQLite::OPEN_READWRITE | SQLite::OPEN_CREATE);
        db.exec("CREATE TABLE other(x)");
    }
    CHECK(message(dir / "empty.mbtiles").find("has no 'tiles' table or view") != std::string::npos);

    {
        SQLite::Database db((dir / "nometa.mbtiles").string(),
                            SQLite::OPEN_READWRITE | SQLite::OPEN_CREATE);
        db.exec("CREATE TABLE tiles(zoom_level, tile_column, tile_row, tile_data)");
    }
    CHECK(message(dir / "nometa.mbtiles").find("has no 'metadata' table") != std::string::npos);

    {
        SQLite::Database db((dir / "cols.mbtiles").string(),
                            SQLite::OPEN_READWRITE | SQLite::OPEN_CREATE);
        db.exec("CREATE TABLE tiles(z, x, y, data); CREATE TABLE metadata(name, value);"
                "INSERT INTO metadata VALUES('format', 'png')");
    }
    CHECK(message(dir / "cols.mbtiles").find("do not have the MBTiles columns") !=
          std::string::npos);

    const auto pack = makePack(dir / "gdal", "PNG");
    const auto edited = [&](const std::string& name, const std::string& sql) {
        const fs::path p = dir / name;
        fs::copy_file(pack.mbtiles, p);
        SQLite::Database db(p.string(), SQLite::OPEN_READWRITE);
        db.exec(sql);
        return p;
    };
    const std::string webp =
        message(edited("webp.mbtiles", "UPDATE metadata SET value = 'webp' WHERE name = 'format'"));
    CHECK(webp.find("webp.mbtiles: metadata 'format' is 'webp'; only png and jpg raster tiles are "
                    "supported") != std::string::npos);
    CHECK(message(edited("noformat.mbtiles", "DELETE FROM metadata WHERE name = 'format'"))
              .find("metadata has no 'format'") != std::string::npos);
    CHECK(message(edited("bounds.mbtiles",
                         "UPDATE metadata SET value = '18.5,52.9' WHERE name = 'bounds'"))
              .find("metadata 'bounds' is '18.5,52.9', expected four numbers") !=
          std::string::npos);
    CHECK(message(
              edited("zoom.mbtiles", "UPDATE metadata SET value = 'twelve' WHERE name = 'maxzoom'"))
              .find("metadata 'maxzoom' is 'twelve'") != std::string::npos);

    // "jpeg" is read as "jpg"; zooms come from the tiles when metadata lacks them.
    auto jpeg = MbtilesReader::open(
        edited("jpeg.mbtiles", "UPDATE metadata SET value = 'JPEG' WHERE name = 'format';"
                               "DELETE FROM metadata WHERE name IN ('minzoom', 'maxzoom')"));
    REQUIRE(jpeg.ok());
    CHECK(jpeg->info().format == "jpg");
    CHECK(jpeg->info().minZoom == pack.minZoom);
    CHECK(jpeg->info().maxZoom == pack.maxZoom);
}

TEST_CASE("forEachTile refuses oversized and non-blob tiles by address, before loading them") {
    pestor_test::TempDir dir;
    const auto pack = makePack(dir / "gdal", "PNG");
    const fs::path p = dir / "edited.mbtiles";
    fs::copy_file(pack.mbtiles, p);
    int column = 0, row = 0;
    const auto setData = [&](const std::string& value) {
        SQLite::Database db(p.string(), SQLite::OPEN_READWRITE);
        SQLite::Statement q(db, "SELECT tile_column, tile_row FROM tiles WHERE zoom_level = 13 "
                                "ORDER BY tile_column, tile_row LIMIT 1");
        REQUIRE(q.executeStep());
        column = q.getColumn(0).getInt();
        row = q.getColumn(1).getInt();
        db.exec("UPDATE tiles SET tile_data = " + value +
                " WHERE zoom_level = 13 AND tile_column = " + std::to_string(column) +
                " AND tile_row = " + std::to_string(row));
        REQUIRE(db.getChanges() == 1);
    };
    // The message names the XYZ address (y = 2^13 - 1 - row) and the stored row.
    const auto address = [&] {
        return "tile 13/" + std::to_string(column) + "/" + std::to_string(8191 - row) +
               " (TMS row " + std::to_string(row) + ")";
    };
    setData("zeroblob(5000000)");
    auto reader = MbtilesReader::open(p, MbtilesOpenMode::Immutable);
    REQUIRE(reader.ok());
    auto r = reader->forEachTile(1u << 20, [](const cache::MbtilesTile& t) -> cache::Result<void> {
        CHECK(t.data.size() < (1u << 20));
        return {};
    });
    REQUIRE_FALSE(r.ok());
    CHECK(r.error().message.find(address() + " is 5000000 bytes, over the limit of 1048576") !=
          std::string::npos);

    setData("'text'");
    auto again = MbtilesReader::open(p);
    REQUIRE(again.ok());
    auto text = again->forEachTile(
        1u << 20, [](const cache::MbtilesTile&) -> cache::Result<void> { return {}; });
    REQUIRE_FALSE(text.ok());
    CHECK(text.error().message.find(address() + " holds a text instead of image bytes") !=
          std::string::npos);

    // A visitor's error stops the walk and comes back as it was.
    int visits = 0;
    auto stopped =
        again->forEachTile(1u << 30, [&](const cache::MbtilesTile&) -> cache::Result<void> {
            ++visits;
            return cache::makeError("stop here");
        });
    REQUIRE_FALSE(stopped.ok());
    CHECK(stopped.error().message == "stop here");
    CHECK(visits == 1);
}

TEST_CASE("a plain read-only reader sees a pack edited while open; readers move") {
    pestor_test::TempDir dir;
    const auto pack = makePack(dir / "gdal", "PNG");
    auto opened = MbtilesReader::open(pack.mbtiles, MbtilesOpenMode::ReadOnly);
    REQUIRE(opened.ok());
    MbtilesReader reader = std::move(opened).value();
    auto before = reader.tile(13, 0, 0);
    REQUIRE(before.ok());
    CHECK_FALSE(before->has_value());
    {
        SQLite::Database db(pack.mbtiles.string(), SQLite::OPEN_READWRITE);
        db.exec("INSERT INTO tiles VALUES(13, 0, 8191, x'89504E47')"); // XYZ 13/0/0
    }
    MbtilesReader moved = std::move(reader);
    auto after = moved.tile(13, 0, 0);
    REQUIRE(after.ok());
    REQUIRE(after->has_value());
    CHECK(**after == std::string("\x89PNG", 4));
}
