// Tile levels, covering sets, and stand-ins while tiles load.
#include "map/tile_plan.hpp"

#include <algorithm>
#include <cmath>
#include <doctest/doctest.h>
#include <set>

using namespace kiosk::map;

namespace {

Camera toruń(double zoom) {
    return {project({18.6047, 53.0103}), zoom, 1920, 1080};
}

// Brute force: every tile of `level` whose square overlaps the view with a
// positive area.
std::set<TileKey> coveringByHand(const Camera& cam, int level) {
    std::set<TileKey> out;
    const WorldRect v = cam.visibleWorld();
    const int n = 1 << level;
    const double s = 256.0 / n;
    // Scan a generous window (3 extra tiles a side), testing overlap per tile.
    const int xa = std::max(0, static_cast<int>(v.minX / s) - 3),
              xb = std::min(n, static_cast<int>(v.maxX / s) + 4);
    const int ya = std::max(0, static_cast<int>(v.minY / s) - 3),
              yb = std::min(n, static_cast<int>(v.maxY / s) + 4);
    for (int y = ya; y < yb; ++y)
        for (int x = xa; x < xb; ++x) {
            const WorldRect r = TileKey{level, x, y}.worldRect();
            if (r.minX < v.maxX && v.minX < r.maxX && r.minY < v.maxY && v.minY < r.maxY)
                out.insert({level, x, y});
        }
    return out;
}

bool covered(const std::vector<TileDraw>& draws, double x, double y) {
    return std::any_of(draws.begin(), draws.end(), [&](const TileDraw& d) {
        return x >= d.x0 && x <= d.x1 && y >= d.y0 && y <= d.y1;
    });
}

} // namespace

TEST_CASE("tileLevelFor rounds and clamps, so tiles scale between 0.71 and 1.41") {
    CHECK(tileLevelFor(12.4, 10, 17) == 12);
    CHECK(tileLevelFor(12.5, 10, 17) == 13);
    CHECK(tileLevelFor(12.6, 10, 17) == 13);
    CHECK(tileLevelFor(3.0, 10, 17) == 10);
    CHECK(tileLevelFor(19.2, 10, 17) == 17);
    for (double z = 10.0; z <= 17.0; z += 0.05) {
        const double scale = std::exp2(z - tileLevelFor(z, 10, 17));
        CHECK(scale >= std::sqrt(0.5) - 1e-9);
        CHECK(scale <= std::sqrt(2.0) + 1e-9);
    }
}

TEST_CASE("visibleTiles is exactly the covering set, centre first; margin adds a ring") {
    SUBCASE("over Toruń at zoom 15 (level 15: tiles drawn 1:1)") {
        const Camera cam = toruń(15.0);
        const auto tiles = visibleTiles(cam, 15);
        const std::set<TileKey> set(tiles.begin(), tiles.end());
        CHECK(set.size() == tiles.size());
        CHECK(set == coveringByHand(cam, 15));
        CHECK(tiles.size() >= 8 * 5); // 1920 x 1080 over 256 px tiles
        CHECK(tiles.size() <= 9 * 6);
        CHECK(tiles.front() == tileAt(cam.centre, 15));
        const auto withMargin = visibleTiles(cam, 15, 1);
        const std::set<TileKey> big(withMargin.begin(), withMargin.end());
        CHECK(std::includes(big.begin(), big.end(), set.begin(), set.end()));
        const auto [minX, maxX] =
            std::minmax_element(tiles.begin(), tiles.end(),
                                [](const TileKey& a, const TileKey& b) { return a.x < b.x; });
        const auto [minY, maxY] =
            std::minmax_element(tiles.begin(), tiles.end(),
                                [](const TileKey& a, const TileKey& b) { return a.y < b.y; });
        const std::size_t w = static_cast<std::size_t>(maxX->x - minX->x + 1);
        const std::size_t h = static_cast<std::size_t>(maxY->y - minY->y + 1);
        CHECK(withMargin.size() == (w + 2) * (h + 2));
        // The margin ring comes after every visible tile.
        for (std::size_t i = 0; i < tiles.size(); ++i)
            CHECK(set.count(withMargin[i]) == 1);
    }
    SUBCASE("at a scaled zoom (level 13 at zoom 13.4)") {
        const Camera cam = toruń(13.4);
        const auto tiles = visibleTiles(cam, 13);
        CHECK(std::set<TileKey>(tiles.begin(), tiles.end()) == coveringByHand(cam, 13));
    }
    SUBCASE("a viewport ending exactly on tile borders needs no extra tiles") {
        const Camera cam{{128.0, 128.0}, 3.0, 512, 512}; // 2 x 2 tiles around the world's centre
        const auto tiles = visibleTiles(cam, 3);
        CHECK(std::set<TileKey>(tiles.begin(), tiles.end()) ==
              std::set<TileKey>{{3, 3, 3}, {3, 4, 3}, {3, 3, 4}, {3, 4, 4}});
    }
    SUBCASE("clipped to the world at its corner") {
        const Camera cam{{0.0, 0.0}, 2.0, 1000, 800};
        const auto tiles = visibleTiles(cam, 2, 2);
        const auto inView = visibleTiles(cam, 2);
        CHECK(std::set<TileKey>(inView.begin(), inView.end()) == coveringByHand(cam, 2));
        CHECK(inView.size() == 4); // the view's south-east quarter holds the world's corner
        for (const TileKey& t : tiles) {
            CHECK(t.x >= 0);
            CHECK(t.y >= 0);
            CHECK(t.x < 4);
            CHECK(t.y < 4);
        }
        CHECK(tiles.size() == 16); // the whole level-2 world, no duplicates
        CHECK(std::set<TileKey>(tiles.begin(), tiles.end()).size() == 16);
    }
}

TEST_CASE("planTileDraws: all loaded gives exactly the visible tiles at their screen squares") {
    const Camera cam = toruń(14.3);
    const auto draws = planTileDraws(
        cam, 14, [](const TileKey&) { return true; }, 10, 17);
    const auto tiles = visibleTiles(cam, 14);
    REQUIRE(draws.size() == tiles.size());
    const double side = 256.0 * std::exp2(14.3 - 14);
    for (const TileDraw& d : draws) {
        CHECK(d.source.z == 14);
        CHECK(d.u0 == 0.0f);
        CHECK(d.v0 == 0.0f);
        CHECK(d.u1 == 1.0f);
        CHECK(d.v1 == 1.0f);
        CHECK(d.x1 - d.x0 == doctest::Approx(side));
        CHECK(d.y1 - d.y0 == doctest::Approx(side));
        const ScreenPoint corner =
            cam.toScreen({d.source.worldRect().minX, d.source.worldRect().minY});
        CHECK(d.x0 == doctest::Approx(corner.x));
        CHECK(d.y0 == doctest::Approx(corner.y));
    }
}

TEST_CASE("planTileDraws: a missing tile shows the right quarter of its loaded ancestor") {
    const Camera cam = toruń(15.0);
    const TileKey centre = tileAt(cam.centre, 15);
    // Only level 13 is loaded: every level-15 tile is one sixteenth of a level-13 tile.
    const auto draws = planTileDraws(
        cam, 15, [](const TileKey& k) { return k.z == 13; }, 10, 17);
    REQUIRE(draws.size() == visibleTiles(cam, 15).size());
    bool found = false;
    for (const TileDraw& d : draws) {
        CHECK(d.source.z == 13);
        CHECK(d.u1 - d.u0 == doctest::Approx(0.25f));
        CHECK(d.v1 - d.v0 == doctest::Approx(0.25f));
        CHECK(d.x1 - d.x0 == doctest::Approx(256.0));
        if (d.source == TileKey{13, centre.x >> 2, centre.y >> 2} &&
            d.u0 == doctest::Approx((centre.x & 3) * 0.25f) &&
            d.v0 == doctest::Approx((centre.y & 3) * 0.25f)) {
            const ScreenPoint corner =
                cam.toScreen({centre.worldRect().minX, centre.worldRect().minY});
            CHECK(d.x0 == doctest::Approx(corner.x));
            CHECK(d.y0 == doctest::Approx(corner.y));
            found = true;
        }
    }
    CHECK(found);

    // The nearest ancestor wins, and none beyond the allowed levels or below minLevel.
    const auto nearest = planTileDraws(
        cam, 15, [](const TileKey& k) { return k.z == 13 || k.z == 14; }, 10, 17);
    for (const TileDraw& d : nearest)
        CHECK(d.source.z == 14);
    CHECK(planTileDraws(
              cam, 15, [](const TileKey& k) { return k.z == 12; }, 13, 17)
              .empty());
    CHECK(planTileDraws(cam, 15, [](const TileKey& k) { return k.z == 12; }, 10, 17, {2, true})
              .empty());
    CHECK(!planTileDraws(cam, 15, [](const TileKey& k) { return k.z == 12; }, 10, 17, {3, true})
               .empty());
}

TEST_CASE("planTileDraws: with no ancestor, loaded children fill their quarters") {
    const Camera cam = toruń(14.0);
    const auto draws = planTileDraws(
        cam, 14, [](const TileKey& k) { return k.z == 15; }, 14, 17);
    REQUIRE(draws.size() == 4 * visibleTiles(cam, 14).size());
    for (const TileDraw& d : draws) {
        CHECK(d.source.z == 15);
        CHECK(d.u0 == 0.0f);
        CHECK(d.u1 == 1.0f);
        CHECK(d.x1 - d.x0 == doctest::Approx(128.0)); // a level-15 tile at zoom 14
    }
    // Not beyond maxLevel.
    CHECK(planTileDraws(
              cam, 14, [](const TileKey& k) { return k.z == 15; }, 14, 14)
              .empty());
    CHECK(planTileDraws(cam, 14, [](const TileKey& k) { return k.z == 15; }, 14, 17, {6, false})
              .empty());
}

TEST_CASE(
    "planTileDraws: any mix of loaded tiles leaves no blank pixel when a low level is loaded") {
    const Camera cam = toruń(15.6); // level 16
    const int level = tileLevelFor(cam.zoom, 10, 17);
    // A pseudo-random half of levels 11..17 is loaded; level 10 always.
    auto isLoaded = [](const TileKey& k) {
        if (k.z == 10) return true;
        const unsigned h = static_cast<unsigned>(k.x * 73856093u) ^
                           static_cast<unsigned>(k.y * 19349663u) ^
                           static_cast<unsigned>(k.z * 83492791u);
        return (h >> 7) % 2 == 0;
    };
    const auto draws = planTileDraws(cam, level, isLoaded, 10, 17);
    for (double y = 0.5; y < cam.height; y += 7.0)
        for (double x = 0.5; x < cam.width; x += 7.0) {
            CAPTURE(x);
            CAPTURE(y);
            REQUIRE(covered(draws, x, y));
        }
    // Ancestors first, then children, then exact tiles (drawn on top).
    int phase = 0;
    for (const TileDraw& d : draws) {
        const int p = d.source.z < level ? 0 : (d.source.z > level ? 1 : 2);
        CHECK(p >= phase);
        phase = p;
        if (d.source.z == level) CHECK(isLoaded(d.source));
    }
    CHECK(phase == 2);
}
