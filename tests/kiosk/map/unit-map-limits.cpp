// Camera limits, clamping and the rubber band.
#include "map/map_limits.hpp"

#include <doctest/doctest.h>

using namespace kiosk::map;

namespace {

MapLimits cityLimits() {
    return {projectBox(18.46, 52.96, 18.76, 53.07), 12.0, 18.0, 0.0};
}

} // namespace

TEST_CASE("clampCamera keeps the visible area inside the bounds") {
    const MapLimits limits = cityLimits();
    Camera cam{{limits.bounds.minX - 0.05, limits.bounds.maxY + 0.05}, 15.0, 1000, 800};
    const Camera c = clampCamera(cam, limits);
    CHECK(c.zoom == 15.0);
    const WorldRect v = c.visibleWorld();
    CHECK(v.minX == doctest::Approx(limits.bounds.minX).epsilon(1e-12));
    CHECK(v.maxY == doctest::Approx(limits.bounds.maxY).epsilon(1e-12));
    CHECK(withinLimits(c, limits));
    CHECK_FALSE(withinLimits(cam, limits));
    // A camera already inside is returned unchanged.
    const Camera inside{limits.bounds.centre(), 15.0, 1000, 800};
    const Camera same = clampCamera(inside, limits);
    CHECK(same.centre.x == inside.centre.x);
    CHECK(same.centre.y == inside.centre.y);
}

TEST_CASE("clampCamera clamps zoom first, then centres a viewport larger than the bounds") {
    const MapLimits limits = cityLimits();
    Camera cam{{limits.bounds.minX, limits.bounds.minY}, 3.0, 1920, 1080};
    const Camera c = clampCamera(cam, limits);
    CHECK(c.zoom == 12.0);
    // At zoom 12 the city (~0.21 x 0.13 world units = 874 x 540 px) is smaller
    // than 1920 x 1080: it is shown centred on both axes.
    CHECK(c.centre.x == doctest::Approx(limits.bounds.centre().x));
    CHECK(c.centre.y == doctest::Approx(limits.bounds.centre().y));
    cam.zoom = 25;
    CHECK(clampCamera(cam, limits).zoom == 18.0);
}

TEST_CASE("marginPx lets the view show that much beyond the bounds") {
    MapLimits limits = cityLimits();
    limits.marginPx = 100;
    Camera cam{{0, limits.bounds.centre().y}, 15.0, 1000, 800};
    const Camera c = clampCamera(cam, limits);
    const ScreenPoint edge = c.toScreen({limits.bounds.minX, limits.bounds.minY});
    CHECK(edge.x == doctest::Approx(100.0));
}

TEST_CASE("rubberBand resists from the start, grows monotonically, stays under its maximum") {
    CHECK(rubberBand(0, 0.55, 300) == 0);
    CHECK(rubberBand(1e-6, 0.55, 300) == doctest::Approx(0.55e-6));
    double prev = 0;
    for (double o = 10; o <= 5000; o += 10) {
        const double r = rubberBand(o, 0.55, 300);
        CHECK(r > prev);
        CHECK(r < 300);
        CHECK(r < o);
        prev = r;
    }
    CHECK(rubberBand(-50, 0.55, 300) == doctest::Approx(-rubberBand(50, 0.55, 300)));
    for (double o : {-400.0, -3.0, 0.5, 20.0, 250.0, 1000.0})
        CHECK(inverseRubberBand(rubberBand(o, 0.55, 300), 0.55, 300) ==
              doctest::Approx(o).epsilon(1e-9));
}

TEST_CASE(
    "resistCentre / unresistCentre and resistZoom / unresistZoom are inverse, identity inside") {
    const MapLimits limits = cityLimits();
    const OverscrollParams p;
    const Camera inside{limits.bounds.centre(), 15.0, 1000, 800};
    const Camera same = resistCentre(inside, limits, p);
    CHECK(same.centre.x == inside.centre.x);
    CHECK(same.centre.y == inside.centre.y);

    Camera raw = clampCamera(inside, limits);
    raw.centre.x = centreRange(raw, limits).minX - 200.0 / raw.scale(); // 200 px past the west edge
    const Camera shown = resistCentre(raw, limits, p);
    const double shownPx = (centreRange(raw, limits).minX - shown.centre.x) * raw.scale();
    CHECK(shownPx > 0);
    CHECK(shownPx < 200 * p.resistance);
    CHECK(shownPx < p.maxFraction * raw.width);
    const Camera back = unresistCentre(shown, limits, p);
    CHECK(back.centre.x == doctest::Approx(raw.centre.x).epsilon(1e-12));

    CHECK(resistZoom(15.0, limits, p) == 15.0);
    const double z = resistZoom(19.0, limits, p);
    CHECK(z > 18.0);
    CHECK(z < 18.0 + p.maxZoomLevels);
    CHECK(unresistZoom(z, limits, p) == doctest::Approx(19.0));
    CHECK(resistZoom(10.0, limits, p) < 12.0);
    CHECK(resistZoom(10.0, limits, p) > 12.0 - p.maxZoomLevels);
}
