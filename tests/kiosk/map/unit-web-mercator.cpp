// Projection, tile addressing and camera arithmetic.
#include "map/camera.hpp"
#include "map/tile_key.hpp"
#include "map/web_mercator.hpp"

#include <doctest/doctest.h>

using namespace kiosk::map;

TEST_CASE("Toruń Old Town projects to independently computed world coordinates") {
    // Computed separately with x = (lon + 180) / 360 * 256 and
    // y = (1 - asinh(tan(lat)) / pi) / 2 * 256 (a different form of the formula).
    const WorldPoint w = project({18.6047, 53.0103});
    CHECK(w.x == doctest::Approx(141.2300088888889).epsilon(1e-12));
    CHECK(w.y == doctest::Approx(83.38029899096404).epsilon(1e-12));
}

TEST_CASE("known world points: origin, centre, corners") {
    CHECK(project({0, 0}).x == doctest::Approx(128.0));
    CHECK(project({0, 0}).y == doctest::Approx(128.0));
    const WorldPoint nw = project({-180, kMaxLatitude});
    CHECK(nw.x == doctest::Approx(0.0));
    CHECK(nw.y == doctest::Approx(0.0).epsilon(1e-9));
    const WorldPoint se = project({180, -kMaxLatitude});
    CHECK(se.x == doctest::Approx(256.0));
    CHECK(se.y == doctest::Approx(256.0).epsilon(1e-9));
    // Beyond the Mercator limit latitudes are clamped, not infinite.
    CHECK(project({0, 89.9}).y == doctest::Approx(0.0).epsilon(1e-9));
}

TEST_CASE("project and unproject round trip") {
    const LonLat samples[] = {{18.6047, 53.0103}, {18.46, 52.96}, {18.76, 53.07}, {-73.98, 40.75},
                              {151.2, -33.87},    {0, 0},         {-179.9, 85.0}, {179.9, -85.0}};
    for (const LonLat& p : samples) {
        const LonLat back = unproject(project(p));
        CHECK(back.lon == doctest::Approx(p.lon).epsilon(1e-12));
        CHECK(back.lat == doctest::Approx(p.lat).epsilon(1e-12));
    }
}

TEST_CASE("projectBox orders its corners") {
    const WorldRect r = projectBox(18.46, 52.96, 18.76, 53.07);
    CHECK(r.minX < r.maxX);
    CHECK(r.minY < r.maxY); // north is up: the northern edge has the smaller y
    CHECK(r.minY == doctest::Approx(project({18.46, 53.07}).y));
    CHECK(r.contains(project({18.6047, 53.0103})));
    CHECK_FALSE(r.contains(project({18.9, 53.0})));
}

TEST_CASE("tile of a known point at z15 and its TMS row") {
    // Independently: floor((lon + 180) / 360 * 2^15), floor((1 - asinh(tan(lat)) / pi) / 2 * 2^15).
    const TileKey t = tileAt(project({18.6047, 53.0103}), 15);
    CHECK(t.z == 15);
    CHECK(t.x == 18077);
    CHECK(t.y == 10672);
    CHECK(t.tmsRow() == 32767 - 10672);
    CHECK(t.parent() == TileKey{14, 9038, 5336});
    CHECK(t.worldRect().contains(project({18.6047, 53.0103})));
    // Clamped to the world at its edges.
    CHECK(tileAt({256.0, 256.0}, 3) == TileKey{3, 7, 7});
    CHECK(tileAt({-1.0, -1.0}, 3) == TileKey{3, 0, 0});
}

TEST_CASE("camera: toWorld and toScreen are inverse, centre maps to the viewport middle") {
    Camera cam{project({18.6047, 53.0103}), 15.3, 1920, 1080};
    const ScreenPoint mid = cam.toScreen(cam.centre);
    CHECK(mid.x == doctest::Approx(960.0));
    CHECK(mid.y == doctest::Approx(540.0));
    const ScreenPoint s{123.25, 987.5};
    const ScreenPoint back = cam.toScreen(cam.toWorld(s));
    CHECK(back.x == doctest::Approx(s.x).epsilon(1e-9));
    CHECK(back.y == doctest::Approx(s.y).epsilon(1e-9));
    // One world unit is 2^zoom pixels.
    const ScreenPoint a = cam.toScreen({cam.centre.x + 1.0 / cam.scale(), cam.centre.y});
    CHECK(a.x - mid.x == doctest::Approx(1.0));
}

TEST_CASE("camera: zoomAbout keeps the anchor's world point under the anchor") {
    Camera cam{project({18.6047, 53.0103}), 14.0, 1000, 800};
    const ScreenPoint anchor{130, 710};
    const WorldPoint before = cam.toWorld(anchor);
    cam.zoomAbout(anchor, 16.37);
    CHECK(cam.zoom == 16.37);
    const ScreenPoint after = cam.toScreen(before);
    CHECK(after.x == doctest::Approx(anchor.x).epsilon(1e-9));
    CHECK(after.y == doctest::Approx(anchor.y).epsilon(1e-9));
    // About the centre: the centre does not move.
    const WorldPoint c = cam.centre;
    cam.zoomAbout({500, 400}, 12.0);
    CHECK(cam.centre.x == doctest::Approx(c.x).epsilon(1e-12));
    CHECK(cam.centre.y == doctest::Approx(c.y).epsilon(1e-12));
}

TEST_CASE("zoomToFit: the whole city on 1920x1080 is about zoom 13") {
    const WorldRect city = projectBox(18.46, 52.96, 18.76, 53.07);
    const double z = zoomToFit(city, 1920, 1080);
    CHECK(z > 12.5);
    CHECK(z < 13.5);
    Camera cam{city.centre(), z, 1920, 1080};
    const WorldRect v = cam.visibleWorld();
    CHECK(v.minX <= city.minX + 1e-9);
    CHECK(v.maxX >= city.maxX - 1e-9);
    CHECK(v.minY <= city.minY + 1e-9);
    CHECK(v.maxY >= city.maxY - 1e-9);
    // One axis fits exactly.
    const bool tight = std::fabs((v.maxX - v.minX) - (city.maxX - city.minX)) < 1e-9 ||
                       std::fabs((v.maxY - v.minY) - (city.maxY - city.minY)) < 1e-9;
    CHECK(tight);
    CHECK(zoomToFit(city, 1920, 1080, 100) < z);
}
