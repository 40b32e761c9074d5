// The map screen without a window: the real screen code, a real catalog and
// map scene, scripted mouse and finger input through the same player the
// headless kiosk uses; assertions on the camera and the emitted actions.
#include <doctest/doctest.h>

#include <cmath>
#include <cstdio>

#include "app/map_layers.hpp"
#include "fixture_records.hpp"
#include "map/web_mercator.hpp"
#include "ui_harness.hpp"

namespace {

using kiosk::app::ScreenId;
using kiosk::map::LonLat;
using kiosk::map::WorldPoint;

std::string fmt(const char* pattern, double a, double b, double c = 0, double d = 0, double e = 0) {
    char buf[256];
    std::snprintf(buf, sizeof buf, pattern, a, b, c, d, e);
    return buf;
}

// Five entities about 150 m apart near the Old Town, one in Podgórz, and an
// offer without a place of its own that belongs to the first entity.
std::shared_ptr<const cache::Catalog> mapCatalog(uitest::FixtureCache& cache) {
    std::string entities = uitest::entityFeature("e-far", "Fundacja Podgórze", "fundacja", "podgorz", 18.62, 52.985, false);
    for (int i = 0; i < 5; ++i)
        entities += "," + uitest::entityFeature("e-" + std::to_string(i), "Spółdzielnia nr " + std::to_string(i),
                                                "spoldzielnia_socjalna", "stare_miasto", 18.600 + 0.002 * i,
                                                53.010 + 0.001 * (i % 2), i % 2 == 0);
    cache.add("entities", entities);
    cache.add("offers",
              R"({"type":"Feature","id":"o-1","geometry":null,"properties":{"status":"active",)"
              R"("updated_at":"2026-11-01T10:00:00+01:00","title":{"pl":"Catering","en":"Catering","uk":"Кейтеринг"},)"
              R"("kind":"service","category":"catering","entity_id":"e-0"}})");
    return cache.load();
}

// The map's viewport centre, in screen pixels.
std::pair<double, double> viewCentre(const uitest::UiHarness& ui) {
    const auto& m = ui.ui.map;
    return {m.viewOrigin.x + m.camera.width / 2, m.viewOrigin.y + m.camera.height / 2};
}

WorldPoint worldOf(double lon, double lat) { return kiosk::map::project(LonLat{lon, lat}); }

void openMap(uitest::UiHarness& ui) {
    ui.frame();
    kiosk::app::Effects fx;
    kiosk::app::applyAction(ui.session, kiosk::app::OpenMap{}, fx);
    ui.idle(3);
}

// Opens the map centred on `id` at street level (the "show on map" path).
void showOnMap(uitest::UiHarness& ui, const std::string& id) {
    kiosk::app::Effects fx;
    kiosk::app::applyAction(ui.session, kiosk::app::ShowOnMap{cache::Collection::Entities, id}, fx);
    ui.idle(60); // the fly-to animation is well under a second
}

} // namespace

TEST_CASE("the map opens showing the whole city, inside its zoom limits") {
    uitest::FixtureCache cache;
    uitest::UiHarness ui(mapCatalog(cache));
    openMap(ui);
    const auto& cam = ui.ui.map.camera;
    CHECK(ui.session.current().screen == ScreenId::Map);
    CHECK(cam.width > 1000);
    CHECK(cam.zoom > 10.0);
    CHECK(cam.zoom < 13.5);
    // The Old Town is in view.
    CHECK(cam.visibleWorld().contains(worldOf(18.6047, 53.0103)));
}

TEST_CASE("show on map centres the record at street level and opens its card; the view survives a detail visit") {
    uitest::FixtureCache cache;
    uitest::UiHarness ui(mapCatalog(cache));
    ui.frame();
    showOnMap(ui, "e-far");
    const auto& cam = ui.ui.map.camera;
    const WorldPoint target = worldOf(18.62, 52.985);
    CHECK(cam.zoom >= 16.0 - 1e-6);
    CHECK(std::abs(cam.centre.x - target.x) * cam.scale() < 1.0); // within a pixel
    CHECK(std::abs(cam.centre.y - target.y) * cam.scale() < 1.0);
    REQUIRE(ui.session.mapSelection.has_value());
    CHECK(ui.session.mapSelection->id == "e-far");

    const auto before = cam.centre;
    kiosk::app::Effects fx;
    kiosk::app::applyAction(ui.session, kiosk::app::OpenDetail{cache::Collection::Entities, "e-far"}, fx);
    ui.idle(2);
    kiosk::app::applyAction(ui.session, kiosk::app::GoBack{}, fx);
    ui.idle(2);
    CHECK(ui.ui.map.camera.centre.x == doctest::Approx(before.x));
    CHECK(ui.ui.map.camera.centre.y == doctest::Approx(before.y));
}

TEST_CASE("tapping a marker selects it; tapping empty ground closes the card") {
    uitest::FixtureCache cache;
    uitest::UiHarness ui(mapCatalog(cache));
    ui.frame();
    showOnMap(ui, "e-far");
    kiosk::app::Effects fx;
    kiosk::app::applyAction(ui.session, kiosk::app::SelectOnMap{cache::Collection::Entities, ""}, fx);
    ui.idle(2);
    REQUIRE_FALSE(ui.session.mapSelection.has_value());

    const auto [cx, cy] = viewCentre(ui);
    auto actions = ui.play(fmt("touch-tap %.0f %.0f\nwait 400\n", cx, cy));
    const auto* sel = uitest::findAction<kiosk::app::SelectOnMap>(actions);
    REQUIRE(sel != nullptr);
    CHECK(sel->id == "e-far");
    CHECK(ui.session.mapSelection->id == "e-far");

    // 300 px left of the marker there is nothing: the card closes.
    actions = ui.play(fmt("touch-tap %.0f %.0f\nwait 400\n", cx - 300, cy - 150));
    CHECK_FALSE(ui.session.mapSelection.has_value());
}

TEST_CASE("a hidden layer draws no markers and cannot be tapped") {
    uitest::FixtureCache cache;
    uitest::UiHarness ui(mapCatalog(cache));
    ui.frame();
    showOnMap(ui, "e-far");
    kiosk::app::Effects fx;
    kiosk::app::applyAction(ui.session, kiosk::app::ToggleMapLayer{cache::Collection::Entities}, fx);
    CHECK_FALSE(ui.session.mapSelection.has_value()); // its card closed with it
    ui.idle(2);
    const auto [cx, cy] = viewCentre(ui);
    const auto actions = ui.play(fmt("touch-tap %.0f %.0f\nwait 400\n", cx, cy));
    CHECK(uitest::findAction<kiosk::app::SelectOnMap>(actions) == nullptr);
    kiosk::app::applyAction(ui.session, kiosk::app::ToggleMapLayer{cache::Collection::Entities}, fx);
    CHECK(ui.session.hiddenMapLayers.empty());
}

TEST_CASE("tapping a cluster zooms in to where it splits, centred on its members") {
    uitest::FixtureCache cache;
    uitest::UiHarness ui(mapCatalog(cache));
    openMap(ui);
    // At the whole-city zoom the five Old Town entities are one cluster.
    const auto* layer = ui.scene().layer(cache::Collection::Entities);
    REQUIRE(layer != nullptr);
    const auto& cam = ui.ui.map.camera;
    const auto items = layer->clusters.query(cam.visibleWorld(), cam.zoom);
    const kiosk::map::MapItem* cluster = nullptr;
    for (const auto& it : items)
        if (it.count == 5) cluster = &it;
    REQUIRE(cluster != nullptr);
    const auto at = cam.toScreen(cluster->world);
    const double before = cam.zoom;
    ui.play(fmt("touch-tap %.1f %.1f\nwait 800\n", ui.ui.map.viewOrigin.x + at.x, ui.ui.map.viewOrigin.y + at.y));
    CHECK(cam.zoom > before + 0.99);
    CHECK(cam.zoom == doctest::Approx(std::max<double>(cluster->splitZoom, std::floor(before) + 1)).epsilon(0.02));
    const auto after = layer->clusters.query(cam.visibleWorld(), cam.zoom);
    unsigned members = 0, pieces = 0;
    for (const auto& it : after)
        if (cluster->extent.contains(it.world)) members += it.count, ++pieces;
    CHECK(members == 5);
    CHECK(pieces >= 2); // it split
}

TEST_CASE("a mouse drag pans the map with the pointer, then glides on by its release speed") {
    uitest::FixtureCache cache;
    uitest::UiHarness ui(mapCatalog(cache));
    ui.frame();
    showOnMap(ui, "e-2");
    const auto [cx, cy] = viewCentre(ui);
    const auto before = ui.ui.map.camera.centre;
    const double k = ui.ui.map.camera.scale();
    // A mouse drag releases while moving (373 px/s here): the map follows
    // the 200 x 100 px drag, then glides about v^2 / 2a = 20 px further in
    // the same direction (deceleration 3400 px/s^2).
    ui.play(fmt("drag %.0f %.0f %.0f %.0f 600\nwait 800\n", cx, cy, cx + 200, cy + 100));
    const auto after = ui.ui.map.camera.centre;
    const double dx = (before.x - after.x) * k, dy = (before.y - after.y) * k;
    CHECK(dx > 200 + 10);
    CHECK(dx < 200 + 30);
    CHECK(dy / dx == doctest::Approx(0.5).epsilon(0.03));
    CHECK_FALSE(ui.ui.map.gestures.animating());
}

TEST_CASE("finger gestures: drag, fling, pinch, double tap, two-finger tap") {
    uitest::FixtureCache cache;
    uitest::UiHarness ui(mapCatalog(cache));
    ui.frame();
    showOnMap(ui, "e-2");
    auto& cam = ui.ui.map.camera;
    const auto [cx, cy] = viewCentre(ui);

    SUBCASE("a one-finger drag that rests before lifting moves exactly with the finger") {
        const auto before = cam.centre;
        const double k = cam.scale();
        ui.play(fmt("touch-drag %.0f %.0f %.0f %.0f 500\nwait 600\n", cx, cy, cx - 250, cy));
        CHECK((cam.centre.x - before.x) * k == doctest::Approx(250).epsilon(0.03));
        CHECK((cam.centre.y - before.y) * k == doctest::Approx(0).epsilon(0.03));
        CHECK_FALSE(ui.ui.map.gestures.animating());
    }
    SUBCASE("a fling keeps gliding after the finger lifts, then stops") {
        const auto before = cam.centre;
        const double k = cam.scale();
        ui.play(fmt("fling %.0f %.0f %.0f %.0f 120\n", cx, cy, cx - 240, cy));
        ui.idle(180); // 3 s
        const double moved = (cam.centre.x - before.x) * k;
        CHECK(moved > 240 * 1.3); // went further than the finger
        CHECK_FALSE(ui.ui.map.gestures.animating());
    }
    SUBCASE("spreading two fingers to twice their distance zooms in by one about their midpoint") {
        const double z0 = cam.zoom;
        const double mx = cx - 200, my = cy + 50;
        const auto anchor = cam.toWorld({mx - ui.ui.map.viewOrigin.x, my - ui.ui.map.viewOrigin.y});
        ui.play(fmt("pinch %.0f %.0f 200 400 400\nwait 600\n", mx, my));
        CHECK(cam.zoom == doctest::Approx(std::min(z0 + 1.0, 18.0)).epsilon(0.01));
        const auto still = cam.toScreen(anchor);
        CHECK(still.x + ui.ui.map.viewOrigin.x == doctest::Approx(mx).epsilon(0.01));
        CHECK(still.y + ui.ui.map.viewOrigin.y == doctest::Approx(my).epsilon(0.01));
    }
    SUBCASE("a double tap zooms in by one about the tap; a two-finger tap zooms out by one") {
        ui.play("two-finger-tap " + std::to_string(int(cx)) + " " + std::to_string(int(cy)) + "\nwait 700\n");
        const double z0 = cam.zoom;
        const auto anchor = cam.toWorld({cx + 150 - ui.ui.map.viewOrigin.x, cy - ui.ui.map.viewOrigin.y});
        ui.play(fmt("double-tap %.0f %.0f\nwait 700\n", cx + 150, cy));
        CHECK(cam.zoom == doctest::Approx(z0 + 1.0).epsilon(0.01));
        const auto still = cam.toScreen(anchor);
        CHECK(still.x + ui.ui.map.viewOrigin.x == doctest::Approx(cx + 150).epsilon(0.01));
        ui.play(fmt("two-finger-tap %.0f %.0f\nwait 700\n", cx, cy));
        CHECK(cam.zoom == doctest::Approx(z0).epsilon(0.01));
    }
    SUBCASE("dragging far past the city's edge springs back inside its bounds") {
        for (int i = 0; i < 6; ++i) ui.play(fmt("touch-drag %.0f %.0f %.0f %.0f 200\n", cx - 500, cy, cx + 500, cy));
        ui.idle(120);
        // This catalog has no base map: the screen limits the view to the
        // service area (map_screen.cpp, cityRect). Reading the empty
        // cityBounds here was undefined behaviour (caught by _GLIBCXX_ASSERTIONS).
        REQUIRE_FALSE(ui.scene().cityBounds.has_value());
        const auto city = kiosk::map::projectBox(18.46, 52.96, 18.76, 53.07);
        const double padX = (city.maxX - city.minX) * 0.15;
        CHECK(cam.centre.x >= city.minX - padX - 1e-9);
        CHECK_FALSE(ui.ui.map.gestures.animating());
    }
}

TEST_CASE("show on map goes to the record itself, or to the entity a placeless record belongs to") {
    uitest::FixtureCache cache;
    const auto catalog = mapCatalog(cache);
    const cache::Record* entity = catalog->find(cache::Collection::Entities, "e-0");
    const cache::Record* offer = catalog->find(cache::Collection::Offers, "o-1");
    REQUIRE(entity != nullptr);
    REQUIRE(offer != nullptr);
    CHECK(kiosk::app::placeOnMap(*catalog, *entity) == entity);
    CHECK(kiosk::app::placeOnMap(*catalog, *offer) == entity);
}

TEST_CASE("records at one address: their cluster zooms to the closest level, then opens the first one's card") {
    uitest::FixtureCache cache;
    cache.add("entities", uitest::manyEntities()); // 28 of them share one point
    uitest::UiHarness ui(cache.load());
    ui.frame();
    showOnMap(ui, "e-0");
    kiosk::app::Effects fx;
    kiosk::app::applyAction(ui.session, kiosk::app::SelectOnMap{cache::Collection::Entities, ""}, fx);
    const auto [cx, cy] = viewCentre(ui);
    // Tap the cluster at the centre until the map is at its closest zoom.
    for (int i = 0; i < 4; ++i) ui.play(fmt("touch-tap %.0f %.0f\nwait 600\n", cx, cy));
    CHECK(ui.ui.map.camera.zoom == doctest::Approx(18.0));
    REQUIRE(ui.session.mapSelection.has_value());
    const cache::Record* selected = nullptr;
    for (const auto& r : ui.scene().layer(cache::Collection::Entities)->records)
        if (r->id == ui.session.mapSelection->id) selected = r;
    REQUIRE(selected != nullptr);
    CHECK(selected->point->lon == doctest::Approx(18.63));
    CHECK(selected->point->lat == doctest::Approx(53.02));
}

// Regression (issue 12): drawMarkers kept `&hits.back()` for the selected
// marker while later push_backs reallocated `hits`, so the selected marker
// was read from freed memory (SIGSEGV in pestor-bench-map with 10k markers;
// a heap-use-after-free under ASan). Hundreds of single markers in view,
// selections spread over them, so some selected entry is pushed long before
// the vector's last reallocation.
TEST_CASE("a marker selected among ~200 in view is drawn on top and stays selectable") {
    uitest::FixtureCache cache;
    constexpr int kColumns = 60, kRows = 50;
    std::string entities;
    for (int i = 0; i < kColumns * kRows; ++i) {
        if (i) entities += ",";
        entities += uitest::entityFeature("g-" + std::to_string(i), "Organizacja " + std::to_string(i), "fundacja",
                                          "stare_miasto", 18.580 + 0.0004 * (i % kColumns),
                                          52.995 + 0.00028 * (i / kColumns), false);
    }
    cache.add("entities", entities);
    uitest::UiHarness ui(cache.load());
    openMap(ui);
    auto& cam = ui.ui.map.camera;
    // At the closest zoom markers ~75 px apart stay single (clusters merge
    // within 60 px): ~200 in view.
    const auto overGrid = [&] {
        cam.centre = worldOf(18.580 + 0.0004 * kColumns / 2, 52.995 + 0.00028 * kRows / 2);
        cam.zoom = 18.0;
        ui.idle(2);
    };
    int drawnSelected = 0;
    for (int row = 22; row <= 28; row += 3)
        for (int col = 24; col <= 36; col += 6) {
            const std::string id = "g-" + std::to_string(row * kColumns + col);
            kiosk::app::Effects fx;
            kiosk::app::applyAction(ui.session, kiosk::app::SelectOnMap{cache::Collection::Entities, id}, fx);
            ui.idle(60); // a selection may fly the map to its record
            overGrid();
            REQUIRE(ui.session.mapSelection.has_value());
            CHECK(ui.session.mapSelection->id == id);
            // The selected marker is drawn where its record is: tapping there
            // selects it again (a tap is hit-tested against this frame's hits).
            const WorldPoint w = worldOf(18.580 + 0.0004 * col, 52.995 + 0.00028 * row);
            const auto& m = ui.ui.map;
            const auto at = cam.toScreen(w);
            const double x = m.viewOrigin.x + at.x, y = m.viewOrigin.y + at.y;
            kiosk::app::applyAction(ui.session, kiosk::app::SelectOnMap{cache::Collection::Entities, ""}, fx);
            ui.idle(1);
            const auto actions = ui.play(fmt("touch-tap %.0f %.0f\nwait 400\n", x, y));
            const auto* sel = uitest::findAction<kiosk::app::SelectOnMap>(actions);
            if (sel && sel->id == id) ++drawnSelected;
        }
    CHECK(drawnSelected == 9);
}
