// The map in the real kiosk binary, in a real window under Xvfb with Mesa's
// software GL: raster tiles from an MBTiles file that GDAL made, and the
// demo map (vector base layer, clusters, a selected marker's card). Each
// `snap` on the map also writes NAME.map.json (centre, zoom, viewport), so
// pixel probes can be placed by projecting known coordinates.
#include <doctest/doctest.h>

#include "screenshot_image.hpp"

#include <cmath>
#include <filesystem>
#include <fstream>
#include <memory>
#include <nlohmann/json.hpp>

#include "cache/cache_db.hpp"
#include "demo_cache.hpp"
#include "feed/importer.hpp"
#include "map/camera.hpp"
#include "map/web_mercator.hpp"
#include "support/gdal_tiles.hpp"
#include "support/process.hpp"

namespace fs = std::filesystem;
using namespace shots;
using kiosk::map::Camera;
using kiosk::map::LonLat;

namespace {

// Where the map was when NAME was snapped.
struct MapShot {
    Image image;
    Camera camera;
    double originX = 0, originY = 0;
    nlohmann::json state;
    // Screen pixel of a lon/lat.
    std::pair<double, double> screenOf(LonLat p) const {
        const auto s = camera.toScreen(kiosk::map::project(p));
        return {originX + s.x, originY + s.y};
    }
    LonLat lonLatAt(double x, double y) const { return kiosk::map::unproject(camera.toWorld({x - originX, y - originY})); }
};

MapShot loadShot(const fs::path& dir, const std::string& name) {
    MapShot s;
    s.image = load(dir / (name + ".png"));
    std::ifstream in(dir / (name + ".map.json"));
    REQUIRE_MESSAGE(in.good(), "no map state for " << name);
    in >> s.state;
    s.camera.centre = kiosk::map::project({s.state.at("lon").get<double>(), s.state.at("lat").get<double>()});
    s.camera.zoom = s.state.at("zoom").get<double>();
    s.camera.width = s.state.at("width").get<double>();
    s.camera.height = s.state.at("height").get<double>();
    s.originX = s.state.at("origin_x").get<double>();
    s.originY = s.state.at("origin_y").get<double>();
    return s;
}

struct ProbeResult {
    int probes = 0, good = 0;
    std::string misses;
};

// A grid of probes over the map, away from its controls (top right) and the
// attribution (bottom right), each compared with the colour of the GDAL
// block under it (or the page colour outside the pack); probes within 3 px
// of a block's edge are skipped, where filtering blends colours.
ProbeResult probeBlocks(const MapShot& shot, const testsupport::GdalTilePack& pack) {
    ProbeResult r;
    const std::array<int, 3> land{244, 241, 234};
    for (int gy = 1; gy < 12; ++gy)
        for (int gx = 1; gx < 14; ++gx) {
            const double x = shot.originX + shot.camera.width * gx / 14.0;
            const double y = shot.originY + shot.camera.height * gy / 12.0;
            if (x > shot.originX + shot.camera.width - 260 && (y < shot.originY + 330 || y > shot.originY + shot.camera.height - 60))
                continue;
            const LonLat p = shot.lonLatAt(x, y);
            const double tol = 3.0 / shot.camera.scale() * 360.0 / 256.0 * 2;
            std::array<int, 3> want = land;
            bool edge = false;
            for (const auto& b : pack.blocks) {
                const bool inside = p.lon >= b.west && p.lon < b.east && p.lat >= b.south && p.lat < b.north;
                const bool nearEdge = std::abs(p.lon - b.west) < tol || std::abs(p.lon - b.east) < tol ||
                                      std::abs(p.lat - b.south) < tol || std::abs(p.lat - b.north) < tol;
                if (nearEdge && p.lon > b.west - tol && p.lon < b.east + tol && p.lat > b.south - tol && p.lat < b.north + tol)
                    edge = true;
                if (inside) want = {b.r, b.g, b.b};
            }
            if (edge) continue;
            ++r.probes;
            const auto got = shot.image.at(static_cast<int>(x), static_cast<int>(y));
            if (near(got, want, 6)) ++r.good;
            else if (r.misses.size() < 400)
                r.misses += " at " + std::to_string(int(x)) + "," + std::to_string(int(y)) + " got " + describe(got) +
                            " want " + describe(want) + ";";
        }
    return r;
}

void runKiosk(const fs::path& out, const fs::path& cachePath, const std::string& script,
              const std::vector<std::string>& extra = {}) {
    const fs::path scriptPath = out / "script.txt";
    std::ofstream(scriptPath) << script;
    std::vector<std::string> argv{"xvfb-run", "-a", "-s", "-screen 0 1920x1080x24", PESTOR_KIOSK_BIN, "--cache",
                                  cachePath.string(), "--assets", PESTOR_ASSETS_DIR, "--size", "1920x1080",
                                  "--now", "2026-11-21T12:00:00+01:00", "--script", scriptPath.string(),
                                  "--screenshots", out.string()};
    argv.insert(argv.end(), extra.begin(), extra.end());
    const auto result = testsupport::runProcess(argv);
    std::ofstream(out / "kiosk.log") << result.output;
    INFO("kiosk output:\n" << result.output);
    REQUIRE(result.exitCode == 0);
}

// The home screen's map button, right of the search field.
constexpr const char* kOpenMap = "tap 1690 250\nwait 300\n";

} // namespace

TEST_CASE("GDAL-made MBTiles: the right tile content at the right place, at an overview and a close zoom") {
    const fs::path out = fs::path(PESTOR_BINARY_DIR) / "test-output" / "kiosk-map-tiles";
    fs::remove_all(out);
    fs::create_directories(out);
    // 8 x 6 flat colour blocks over the city and its surroundings; overviews
    // (gdaladdo) reach down to the whole-city view.
    const auto pack = testsupport::makeGdalTilePack(out / "gdal", 18.40, 52.93, 18.82, 53.10, 8, 6, 12000.0, "PNG", 6);
    INFO("GDAL pack zooms " << pack.minZoom << ".." << pack.maxZoom);
    REQUIRE(pack.maxZoom >= 14);
    REQUIRE(pack.minZoom <= 11);
    // An empty cache: nothing but the tiles on the map.
    const fs::path cachePath = out / "cache.sqlite";
    REQUIRE(cache::openCacheForWriting(cachePath).ok());

    // Whole city, then three double taps at the map's centre (+3 zoom levels).
    std::string script = std::string(kOpenMap) + "wait 1500\nsnap overview\n";
    for (int i = 0; i < 3; ++i) script += "double-tap 690 560\nwait 700\n";
    script += "wait 1500\nsnap close\n";
    runKiosk(out, cachePath, script, {"--tiles", pack.mbtiles.string()});

    for (const char* name : {"overview", "close"}) {
        CAPTURE(name);
        const MapShot shot = loadShot(out, name);
        CHECK(shot.state.at("tile_textures").get<int>() > 0);
        const ProbeResult r = probeBlocks(shot, pack);
        INFO("misses:" << r.misses);
        CHECK(r.probes > 60);
        CHECK(r.good == r.probes);
    }
    // The close view really is closer, about the same centre.
    const MapShot a = loadShot(out, "overview"), b = loadShot(out, "close");
    CHECK(b.camera.zoom == doctest::Approx(a.camera.zoom + 3).epsilon(0.01));
}

TEST_CASE("demo map: the vector base map of Toruń, clustered markers, a selected marker's card") {
    const fs::path out = fs::path(PESTOR_BINARY_DIR) / "test-output" / "kiosk-map-demo";
    fs::remove_all(out);
    fs::create_directories(out);
    const fs::path cachePath = out / "cache.sqlite";
    shots::importDemoData(cachePath);
    // The whole city; then the first record of the in-view list (nearest
    // the centre), which flies there and opens its card.
    const std::string script = std::string(kOpenMap) + "wait 500\nsnap map-city\n" +
                               "tap 1650 700\nwait 1200\nsnap map-card\n";
    runKiosk(out, cachePath, script, {"--here", "18.6040,53.0098"});

    const MapShot city = loadShot(out, "map-city");
    // The Vistula: points on the river's midline (halfway between the two
    // banks of the demo water polygon, read from the demo data) are
    // water-coloured, except where a marker or label sits on them.
    // (The river's centre line is drawn over the water area in a deeper blue.)
    const std::array<int, 3> water{164, 206, 222}, riverLine{150, 196, 216};
    std::vector<LonLat> bank;
    {
        nlohmann::json basemap;
        std::ifstream(fs::path(PESTOR_ASSETS_DIR) / "demo" / "basemap.geojson") >> basemap;
        for (const auto& f : basemap.at("features"))
            if (f.at("id") == "water-wisla")
                for (const auto& c : f.at("geometry").at("coordinates").at(0)) bank.push_back({c[0], c[1]});
    }
    REQUIRE(bank.size() > 10);
    const std::size_t n = bank.size() - 1; // the ring repeats its first point
    int wet = 0, probes = 0;
    for (std::size_t i = 1; i + 1 < n / 2; ++i) {
        const LonLat a = bank[i], b = bank[n - 1 - i];
        const auto [x, y] = city.screenOf({(a.lon + b.lon) / 2, (a.lat + b.lat) / 2});
        if (x < city.originX || x >= city.originX + city.camera.width || y < city.originY ||
            y >= city.originY + city.camera.height)
            continue;
        ++probes;
        const auto px = city.image.at(int(x), int(y));
        if (near(px, water, 10) || near(px, riverLine, 10)) ++wet;
    }
    INFO("wet " << wet << " of " << probes);
    CHECK(probes >= 10);
    CHECK(wet * 10 >= probes * 7);
    // Clusters of entities (blue circles with counts) are drawn.
    int blue = 0;
    for (int y = int(city.originY); y < int(city.originY + city.camera.height); y += 2)
        for (int x = 0; x < int(city.camera.width); x += 2)
            if (near(city.image.at(x, y), {0, 114, 178}, 12)) ++blue;
    CHECK(blue > 200);

    const MapShot card = loadShot(out, "map-card");
    CHECK(card.camera.zoom >= 15.0 - 1e-6);
    CHECK_FALSE(card.state.at("selected").get<std::string>().empty());
    // The card: a white panel over the map's lower left.
    const auto cardPixel = card.image.at(int(card.originX + 200), int(card.originY + card.camera.height - 60));
    INFO("card pixel " << describe(cardPixel));
    CHECK(near(cardPixel, {255, 255, 255}, 4));
}

TEST_CASE("a tile pack that came with the feed: published, synced, installed, and shown without --tiles") {
    const fs::path out = fs::path(PESTOR_BINARY_DIR) / "test-output" / "kiosk-map-synced";
    fs::remove_all(out);
    fs::create_directories(out / "src");
    // A small pack (zooms ~10-12) next to the demo entities and base map.
    const auto pack = testsupport::makeGdalTilePack(out / "gdal", 18.40, 52.93, 18.82, 53.10, 4, 3, 3000.0, "PNG", 2);
    for (const char* f : {"entities.geojson", "basemap.geojson"})
        fs::copy_file(fs::path(PESTOR_ASSETS_DIR) / "demo" / f, out / "src" / f);
    fs::copy_file(pack.mbtiles, out / "src" / "city.mbtiles");
    testsupport::runOrThrow({PESTOR_FEED_EXE, "keygen", "--public", (out / "feed.pub").string(), "--secret",
                             (out / "feed.key").string()});
    testsupport::runOrThrow({PESTOR_FEED_EXE, "build", "--key", (out / "feed.key").string(), (out / "src").string(),
                             (out / "feed").string()});
    const fs::path cachePath = out / "cache.sqlite";
    testsupport::runOrThrow({PESTOR_SYNC_EXE, "sync", "--once", "--cache", cachePath.string(), "--state-dir",
                             (out / "state").string(), "--feed", "file://" + (out / "feed").string(), "--key",
                             (out / "feed.pub").string(), "--allow-file"});
    REQUIRE(fs::exists(out / "state" / "tiles"));

    runKiosk(out, cachePath, std::string(kOpenMap) + "wait 1500\nsnap synced\n");
    const MapShot shot = loadShot(out, "synced");
    CHECK(shot.state.at("tile_textures").get<int>() > 0);
    // Markers, labels and outlines sit on some probes; most see the tiles.
    const ProbeResult r = probeBlocks(shot, pack);
    INFO("misses:" << r.misses);
    CHECK(r.probes > 60);
    CHECK(r.good * 10 >= r.probes * 8);
}
