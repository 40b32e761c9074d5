// Gestures on a scripted clock: pan, fling, pinch, taps, wheel, bounds,
// animations and frame-rate independence.
#include "map/map_gestures.hpp"

#include <algorithm>
#include <cmath>
#include <doctest/doctest.h>
#include <functional>
#include <vector>

using namespace kiosk::map;

namespace {

constexpr double k60 = 1000.0 / 60.0;
constexpr double k30 = 1000.0 / 30.0;

using Script = std::function<std::vector<Finger>(double t)>;

struct Rig {
    MapGestures gestures;
    Camera camera{project({18.6047, 53.0103}), 14.0, 1000, 800};
    // Wide limits unless a test narrows them: the whole world, zoom 2..19.
    MapLimits limits{{0, 0, 256, 256}, 2.0, 19.0, 0.0};
    std::vector<GestureEvents> events;
    int taps = 0;
    int doubleTaps = 0;

    GestureEvents frame(double t, std::vector<Finger> fingers, bool hovered = true) {
        PointerInput in;
        in.timeMs = t;
        in.fingers = std::move(fingers);
        in.hovered = hovered;
        return record(gestures.update(in, camera, limits));
    }
    GestureEvents mouse(double t, bool down, double x, double y, double wheel = 0,
                        bool hovered = true) {
        PointerInput in;
        in.timeMs = t;
        in.mouseDown = down;
        in.mouseX = x;
        in.mouseY = y;
        in.wheel = wheel;
        in.hovered = hovered;
        return record(gestures.update(in, camera, limits));
    }
    GestureEvents record(const GestureEvents& ev) {
        events.push_back(ev);
        taps += ev.tap ? 1 : 0;
        doubleTaps += ev.doubleTap ? 1 : 0;
        return ev;
    }
    // Frames at t0, t0 + dt, ... up to t1 (no accumulation error).
    void run(double t0, double t1, double dt, const Script& script) {
        for (int i = 0;; ++i) {
            const double t = t0 + i * dt;
            if (t > t1 + 1e-6) break;
            frame(t, script(t));
        }
    }
    // Idle frames until nothing moves (or a time limit).
    double settle(double t0, double dt, double maxMs = 5000) {
        double t = t0;
        for (int i = 1; gestures.animating() && i * dt <= maxMs; ++i) {
            t = t0 + i * dt;
            frame(t, {});
        }
        return t;
    }
};

std::vector<Finger> one(double x, double y) {
    return {{1, x, y}};
}
std::vector<Finger> two(double ax, double ay, double bx, double by) {
    return {{1, ax, ay}, {2, bx, by}};
}
std::vector<Finger> none() {
    return {};
}

double lerp(double a, double b, double t) {
    return a + (b - a) * t;
}

} // namespace

// [SECTION] pan and inertia

TEST_CASE("a one-finger drag moves the centre by exactly the drag distance / scale") {
    Rig rig;
    const WorldPoint c0 = rig.camera.centre;
    const double k = rig.camera.scale();
    // Drag (500,400) -> (700,450) over 200 ms, hold still 100 ms, lift.
    rig.run(0, 300, k60, [](double t) {
        const double u = std::min(t / 200.0, 1.0);
        return one(lerp(500, 700, u), lerp(400, 450, u));
    });
    CHECK(rig.camera.centre.x == doctest::Approx(c0.x - 200.0 / k).epsilon(1e-12));
    CHECK(rig.camera.centre.y == doctest::Approx(c0.y - 50.0 / k).epsilon(1e-12));
    CHECK(rig.events.back().dragging);
    // The world point under the finger at the press is under it now.
    rig.frame(300 + k60, none());
    CHECK_FALSE(rig.gestures.animating()); // it rested for 100 ms: no inertia
    CHECK(rig.taps == 0);
    const Camera after = rig.camera;
    rig.run(400, 1000, k60, [](double) { return none(); });
    CHECK(rig.camera.centre.x == after.centre.x);
    CHECK(rig.camera.centre.y == after.centre.y);
}

TEST_CASE("a fling glides on and stops after v^2 / 2a") {
    Rig rig;
    const double k = rig.camera.scale();
    const double v = 1000.0; // px/s, to the left
    rig.run(0, 200, k60, [&](double t) { return one(800 - v * t / 1000.0, 400); });
    const double releaseX = rig.camera.centre.x;
    rig.frame(200 + k60, none());
    CHECK(rig.gestures.animating());
    const double tEnd = rig.settle(200 + k60, k60);
    CHECK_FALSE(rig.gestures.animating());
    const double glidePx =
        (rig.camera.centre.x - releaseX) * k;       // map moves left = centre moves right
    const double expected = v * v / (2.0 * 3400.0); // 147.06 px
    CHECK(glidePx == doctest::Approx(expected).epsilon(0.01));
    CHECK(rig.camera.centre.y == doctest::Approx(project({18.6047, 53.0103}).y).epsilon(1e-12));
    // v / a = 294 ms of glide after the last sample.
    CHECK(tEnd >= 200 + 294);
    CHECK(tEnd <= 200 + 294 + 2 * k60);
}

TEST_CASE("the release velocity is the last 50 ms, capped at the maximum speed") {
    Rig rig;
    const double k = rig.camera.scale();
    // Slow for 300 ms, then fast (3000 px/s) for the last 60 ms.
    rig.run(0, 360, k60, [&](double t) {
        const double x = t <= 300 ? 900 - 0.1 * t : 900 - 30 - 3.0 * (t - 300);
        return one(x, 400);
    });
    const double releaseX = rig.camera.centre.x;
    rig.frame(360 + k60, none());
    rig.settle(360 + k60, k60);
    CHECK((rig.camera.centre.x - releaseX) * k ==
          doctest::Approx(3000.0 * 3000.0 / 6800.0).epsilon(0.01));

    Rig fast;
    fast.run(0, 50, k60, [&](double t) { return one(900 - 20.0 * t, 400); }); // 20000 px/s
    const double fx = fast.camera.centre.x;
    fast.frame(50 + k60, none());
    fast.settle(50 + k60, k60);
    const double vmax = MapGestureParams{}.inertiaMaxSpeedPxS;
    CHECK((fast.camera.centre.x - fx) * k == doctest::Approx(vmax * vmax / 6800.0).epsilon(0.01));
}

TEST_CASE("a finger that rests before lifting gives no inertia") {
    SUBCASE("frames keep coming while it rests") {
        Rig rig;
        rig.run(0, 200, k60, [](double t) { return one(800 - 2.0 * t, 400); });
        rig.run(200 + k60, 270, k60, [](double) { return one(400, 400); }); // still for ~60 ms
        const Camera held = rig.camera;
        rig.frame(270 + k60, none());
        CHECK_FALSE(rig.gestures.animating());
        rig.run(300, 800, k60, [](double) { return none(); });
        CHECK(rig.camera.centre.x == held.centre.x);
    }
    SUBCASE("no frames while it rests (no input events), then the release") {
        Rig rig;
        rig.run(0, 200, k60, [](double t) { return one(800 - 2.0 * t, 400); });
        const Camera held = rig.camera;
        rig.frame(400, none());
        CHECK_FALSE(rig.gestures.animating());
        CHECK(rig.camera.centre.x == held.centre.x);
    }
}

TEST_CASE("a press on a gliding map stops it and is not a tap") {
    Rig rig;
    rig.run(0, 200, k60, [](double t) { return one(800 - 2.0 * t, 400); });
    rig.frame(200 + k60, none());
    rig.frame(200 + 2 * k60, none());
    REQUIRE(rig.gestures.animating());
    rig.frame(250, one(500, 500));
    CHECK_FALSE(rig.gestures.animating());
    const Camera caught = rig.camera;
    rig.frame(280, one(500, 500));
    rig.frame(300, none());
    CHECK(rig.taps == 0);
    CHECK(rig.camera.centre.x == caught.centre.x);
}

TEST_CASE("mouse: a 3 px threshold, drag pans with inertia, a click is a tap, the wheel zooms "
          "about the pointer") {
    Rig rig;
    const WorldPoint c0 = rig.camera.centre;
    const double k = rig.camera.scale();
    rig.mouse(0, true, 300, 300);
    rig.mouse(16, true, 302, 300); // within 3 px: nothing moves yet
    CHECK(rig.camera.centre.x == c0.x);
    rig.mouse(32, true, 310, 300);
    CHECK(rig.camera.centre.x == doctest::Approx(c0.x - 10.0 / k).epsilon(1e-12));
    for (int i = 3; i <= 12; ++i)
        rig.mouse(i * 16.0, true, 310 + (i - 2) * 16.0, 300); // 1 px/ms
    rig.mouse(13 * 16.0, false, 470, 300);
    CHECK(rig.gestures.animating());
    CHECK(rig.taps == 0);

    Rig click;
    click.mouse(0, true, 640, 360);
    click.mouse(16, true, 641, 361);
    const GestureEvents ev = click.mouse(80, false, 641, 361);
    REQUIRE(ev.tap);
    CHECK(ev.tap->x == 640);
    CHECK(ev.tap->y == 360);
    CHECK_FALSE(ev.moved);

    Rig wheel;
    const ScreenPoint pointer{200, 300};
    const WorldPoint under = wheel.camera.toWorld(pointer);
    wheel.mouse(0, false, pointer.x, pointer.y, 2.0); // two notches
    CHECK(wheel.gestures.animating());
    wheel.settle(0, k60);
    CHECK(wheel.camera.zoom == doctest::Approx(15.0)); // 2 x 0.5 levels
    const ScreenPoint s = wheel.camera.toScreen(under);
    CHECK(s.x == doctest::Approx(pointer.x).epsilon(1e-9));
    CHECK(s.y == doctest::Approx(pointer.y).epsilon(1e-9));

    Rig away;
    away.mouse(0, false, pointer.x, pointer.y, 2.0, /*hovered=*/false);
    away.settle(0, k60);
    CHECK(away.camera.zoom == 14.0);
}

// [SECTION] pinch

TEST_CASE("pinch: doubling the finger distance zooms +1 and keeps the midpoint's world point") {
    Rig rig;
    const ScreenPoint mid0{500, 400};
    const WorldPoint under = rig.camera.toWorld(mid0);
    rig.run(0, 300, k60, [](double t) {
        const double u = std::min(t / 250.0, 1.0);
        const double half = lerp(100, 200, u);
        return two(500 - half, 400, 500 + half, 400);
    });
    CHECK(rig.camera.zoom == doctest::Approx(15.0).epsilon(1e-12));
    ScreenPoint s = rig.camera.toScreen(under);
    CHECK(s.x == doctest::Approx(mid0.x).epsilon(1e-9));
    CHECK(s.y == doctest::Approx(mid0.y).epsilon(1e-9));
    CHECK(rig.events.back().dragging);

    // Moving both fingers pans: the same world point follows the midpoint.
    rig.run(300 + k60, 400, k60, [](double t) {
        const double u = std::min((t - 300) / 80.0, 1.0);
        return two(300 + 60 * u, 400 + 40 * u, 700 + 60 * u, 400 + 40 * u);
    });
    s = rig.camera.toScreen(under);
    CHECK(s.x == doctest::Approx(560.0).epsilon(1e-9));
    CHECK(s.y == doctest::Approx(440.0).epsilon(1e-9));

    rig.frame(400 + k60, none());
    rig.settle(400 + k60, k60);
    CHECK(rig.camera.zoom == doctest::Approx(15.0)); // already on a whole level: no snap
    CHECK(rig.taps == 0);
}

TEST_CASE(
    "pinch: on release the zoom snaps to the nearest half level, animated, about the midpoint") {
    Rig rig;
    const ScreenPoint mid{400, 300};
    const WorldPoint under = rig.camera.toWorld(mid);
    rig.run(0, 200, k60, [](double t) {
        const double half = lerp(100, 130, std::min(t / 150.0, 1.0)); // x1.3: +0.379 levels
        return two(400 - half, 300, 400 + half, 300);
    });
    CHECK(rig.camera.zoom == doctest::Approx(14.0 + std::log2(1.3)));
    rig.frame(200 + k60, none());
    CHECK(rig.gestures.animating());
    CHECK(rig.camera.zoom > 14.0 + std::log2(1.3)); // moving towards 14.5, not jumped there
    CHECK(rig.camera.zoom < 14.5);
    rig.settle(200 + k60, k60);
    CHECK(rig.camera.zoom == doctest::Approx(14.5));
    const ScreenPoint s = rig.camera.toScreen(under);
    CHECK(s.x == doctest::Approx(mid.x).epsilon(1e-9));
    CHECK(s.y == doctest::Approx(mid.y).epsilon(1e-9));
}

TEST_CASE("pinch then lifting one finger continues as a pan without a jump") {
    Rig rig;
    rig.run(0, 200, k60, [](double t) {
        const double half = lerp(100, 150, std::min(t / 150.0, 1.0));
        return two(500 - half, 400, 500 + half, 400);
    });
    const Camera pinched = rig.camera;
    rig.frame(200 + k60, {{2, 650, 400}}); // finger 1 lifted, finger 2 stays
    CHECK(rig.camera.centre.x == doctest::Approx(pinched.centre.x).epsilon(1e-12));
    rig.frame(200 + 2 * k60, {{2, 600, 400}}); // drags 50 px left
    CHECK((rig.camera.centre.x - pinched.centre.x) * rig.camera.scale() == doctest::Approx(50.0));
}

// [SECTION] taps

TEST_CASE("a short press without moving is reported as a tap at the press point") {
    Rig rig;
    rig.frame(0, one(321, 123));
    rig.frame(k60, one(325, 127)); // within the 10 px finger threshold
    rig.frame(2 * k60, one(326, 128));
    const GestureEvents ev = rig.frame(3 * k60, none());
    REQUIRE(ev.tap);
    CHECK(ev.tap->x == 321);
    CHECK(ev.tap->y == 123);
    CHECK_FALSE(ev.moved);
    CHECK_FALSE(rig.gestures.animating());

    SUBCASE("a press that moved past the threshold is not a tap") {
        Rig r;
        r.frame(0, one(300, 300));
        r.frame(20, one(315, 300));
        CHECK_FALSE(r.frame(40, none()).tap);
    }
    SUBCASE("a long press is not a tap") {
        Rig r;
        r.run(0, 700, k60, [](double) { return one(300, 300); });
        CHECK_FALSE(r.frame(700 + k60, none()).tap);
    }
    SUBCASE("a press that started off the map is ignored, even if it drags over it") {
        Rig r;
        const Camera c = r.camera;
        r.frame(0, one(300, 300), /*hovered=*/false);
        r.frame(50, one(400, 300), true);
        r.frame(100, one(500, 300), true);
        CHECK_FALSE(r.frame(120, none(), true).tap);
        CHECK(r.camera.centre.x == c.centre.x);
    }
}

TEST_CASE("double tap zooms +1 about the tap point after a ~250 ms animation") {
    Rig rig;
    const ScreenPoint p{300, 200};
    const WorldPoint under = rig.camera.toWorld(p);
    rig.run(0, 50, k60, [&](double) { return one(p.x, p.y); });
    rig.frame(50 + k60, none());
    CHECK(rig.taps == 1); // the first tap is reported straight away
    rig.run(150, 200, k60, [&](double) { return one(p.x + 6, p.y - 4); });
    const GestureEvents ev = rig.frame(200 + k60, none());
    CHECK(ev.doubleTap);
    CHECK_FALSE(ev.tap);
    CHECK(rig.taps == 1);
    CHECK(rig.gestures.animating());
    rig.frame(300, none());
    CHECK(rig.camera.zoom > 14.0);
    CHECK(rig.camera.zoom < 15.0);
    // Anchored at the second tap's press point, which is (306, 196).
    const ScreenPoint anchor{306, 196};
    const WorldPoint underAnchor =
        Camera{project({18.6047, 53.0103}), 14.0, 1000, 800}.toWorld(anchor);
    const ScreenPoint mid = rig.camera.toScreen(underAnchor);
    CHECK(mid.x == doctest::Approx(anchor.x).epsilon(1e-9)); // fixed during the animation too
    const double end = rig.settle(300, k60);
    CHECK(end <= 200 + 250 + 2 * k60);
    CHECK(rig.camera.zoom == doctest::Approx(15.0));
    const ScreenPoint s = rig.camera.toScreen(underAnchor);
    CHECK(s.x == doctest::Approx(anchor.x).epsilon(1e-9));
    CHECK(s.y == doctest::Approx(anchor.y).epsilon(1e-9));
    (void)under;

    SUBCASE("two taps too far apart in time are two taps") {
        Rig r;
        r.frame(0, one(300, 200));
        r.frame(40, none());
        r.frame(600, one(300, 200));
        r.frame(640, none());
        r.settle(640, k60);
        CHECK(r.taps == 2);
        CHECK(r.camera.zoom == 14.0);
    }
    SUBCASE("two taps too far apart in space are two taps") {
        Rig r;
        r.frame(0, one(300, 200));
        r.frame(40, none());
        r.frame(120, one(500, 200));
        r.frame(160, none());
        r.settle(160, k60);
        CHECK(r.taps == 2);
        CHECK(r.camera.zoom == 14.0);
    }
}

TEST_CASE("a two-finger tap zooms out by one level about the fingers' midpoint") {
    Rig rig;
    const ScreenPoint mid{500, 410};
    const WorldPoint under = rig.camera.toWorld(mid);
    rig.run(0, 100, k60, [](double) { return two(400, 400, 600, 420); });
    rig.frame(100 + k60, none());
    CHECK(rig.taps == 0);
    CHECK(rig.gestures.animating());
    rig.settle(100 + k60, k60);
    CHECK(rig.camera.zoom == doctest::Approx(13.0));
    const ScreenPoint s = rig.camera.toScreen(under);
    CHECK(s.x == doctest::Approx(mid.x).epsilon(1e-9));
    CHECK(s.y == doctest::Approx(mid.y).epsilon(1e-9));

    SUBCASE("fingers landing and lifting one frame apart still count") {
        Rig r;
        r.frame(0, {{7, 400, 400}});
        r.frame(k60, {{7, 401, 400}, {8, 600, 420}});
        r.frame(2 * k60, {{7, 401, 400}, {8, 600, 420}});
        r.frame(3 * k60, {{8, 600, 420}});
        r.frame(4 * k60, none());
        r.settle(4 * k60, k60);
        CHECK(r.camera.zoom == doctest::Approx(13.0));
        CHECK(r.taps == 0);
    }
}

// [SECTION] limits and bounce

TEST_CASE("dragging past the bounds is resisted, and the map springs back inside on release") {
    Rig rig;
    rig.limits = {projectBox(18.46, 52.96, 18.76, 53.07), 12.0, 18.0, 0.0};
    rig.camera = clampCamera(rig.camera, rig.limits);
    // Put the west edge of the city at the left of the viewport.
    rig.camera.centre.x = centreRange(rig.camera, rig.limits).minX;
    const Camera start = rig.camera;
    // Drag right by 300 px: the map would show 300 px beyond the west edge.
    rig.run(0, 300, k60, [](double t) { return one(300 + std::min(t, 250.0) * 1.2, 400); });
    const double overPx = (start.centre.x - rig.camera.centre.x) * rig.camera.scale();
    CHECK(overPx > 50);
    CHECK(overPx < 300 * 0.55);
    CHECK_FALSE(withinLimits(rig.camera, rig.limits));
    rig.frame(300 + k60, none());
    CHECK(rig.gestures.animating());
    rig.frame(300 + 3 * k60, none());
    CHECK_FALSE(withinLimits(rig.camera, rig.limits)); // animated, not a jump
    rig.settle(300 + 3 * k60, k60);
    CHECK(withinLimits(rig.camera, rig.limits, 1e-6));
    CHECK(rig.camera.centre.x == doctest::Approx(start.centre.x).epsilon(1e-12));
}

TEST_CASE("a fling into the edge stops there and springs back inside") {
    Rig rig;
    rig.limits = {projectBox(18.46, 52.96, 18.76, 53.07), 12.0, 18.0, 0.0};
    rig.camera = clampCamera(rig.camera, rig.limits);
    // 600 px from the west edge; drag 300 px towards it and let go at 3000 px/s.
    rig.camera.centre.x = centreRange(rig.camera, rig.limits).minX + 600.0 / rig.camera.scale();
    rig.run(0, 100, k60, [](double t) { return one(300 + 3.0 * t, 400); });
    REQUIRE(withinLimits(rig.camera, rig.limits));
    rig.frame(100 + k60, none());
    double worst = 0;
    for (int i = 2; i < 200 && rig.gestures.animating(); ++i) {
        rig.frame(100 + i * k60, none());
        worst = std::max(worst, (centreRange(rig.camera, rig.limits).minX - rig.camera.centre.x) *
                                    rig.camera.scale());
    }
    CHECK_FALSE(rig.gestures.animating());
    // It overshot on the spring by about v / (e * rate) at the speed it hit
    // the edge with: sqrt(3000^2 - 2 * 3400 * 300) = 2638 px/s -> 61 px.
    CHECK(worst == doctest::Approx(2638.2 / (std::exp(1.0) * 16.0)).epsilon(0.03));
    CHECK(withinLimits(rig.camera, rig.limits, 1e-6));
}

TEST_CASE("pinching past the zoom limits is resisted and springs back to the limit") {
    Rig rig;
    rig.limits.maxZoom = 15.0;
    rig.run(0, 200, k60, [](double t) {
        const double half = lerp(50, 200, std::min(t / 150.0, 1.0)); // x4: raw zoom 16
        return two(500 - half, 400, 500 + half, 400);
    });
    CHECK(rig.camera.zoom > 15.0);
    CHECK(rig.camera.zoom < 15.5);
    rig.frame(200 + k60, none());
    rig.settle(200 + k60, k60);
    CHECK(rig.camera.zoom == doctest::Approx(15.0));

    Rig out;
    out.limits.minZoom = 13.0;
    out.run(0, 200, k60, [](double t) {
        const double half = lerp(200, 50, std::min(t / 150.0, 1.0)); // /4: raw zoom 12
        return two(500 - half, 400, 500 + half, 400);
    });
    CHECK(out.camera.zoom < 13.0);
    CHECK(out.camera.zoom > 12.5);
    out.frame(200 + k60, none());
    out.settle(200 + k60, k60);
    CHECK(out.camera.zoom == doctest::Approx(13.0));
}

TEST_CASE(
    "double tap at the maximum zoom does nothing; a camera left outside the limits springs back") {
    Rig rig;
    rig.limits.maxZoom = 14.0;
    rig.frame(0, one(300, 300));
    rig.frame(40, none());
    rig.frame(100, one(300, 300));
    const GestureEvents ev = rig.frame(140, none());
    CHECK(ev.doubleTap);
    CHECK_FALSE(rig.gestures.animating());
    CHECK(rig.camera.zoom == 14.0);

    Rig lost;
    lost.limits = {projectBox(18.46, 52.96, 18.76, 53.07), 12.0, 18.0, 0.0};
    lost.camera.centre = {10, 10}; // e.g. the caller set a stale camera
    lost.frame(0, none());
    CHECK(lost.gestures.animating());
    lost.settle(0, k60);
    CHECK(withinLimits(lost.camera, lost.limits, 1e-6));
}

// [SECTION] fly-to and cancel

TEST_CASE("flyTo animates to the (clamped) target; cancel drops motion") {
    Rig rig;
    const WorldPoint target = project({18.62, 53.02});
    rig.gestures.flyTo(target, 16.0, 0, 350);
    CHECK(rig.gestures.animating());
    rig.frame(0, none());
    rig.frame(100, none());
    CHECK(rig.camera.zoom > 14.0);
    CHECK(rig.camera.zoom < 16.0);
    rig.settle(100, k60);
    CHECK(rig.camera.zoom == 16.0);
    CHECK(rig.camera.centre.x == doctest::Approx(target.x).epsilon(1e-12));
    CHECK(rig.camera.centre.y == doctest::Approx(target.y).epsilon(1e-12));

    rig.limits.maxZoom = 17.0;
    rig.gestures.flyTo(target, 25.0, 2000);
    rig.settle(1990, k60);
    CHECK(rig.camera.zoom == 17.0);

    Rig fling;
    fling.run(0, 100, k60, [](double t) { return one(800 - 2.0 * t, 400); });
    fling.frame(100 + k60, none());
    REQUIRE(fling.gestures.animating());
    fling.gestures.cancel();
    CHECK_FALSE(fling.gestures.animating());
    const Camera c = fling.camera;
    fling.frame(200, none());
    CHECK(fling.camera.centre.x == c.centre.x);
}

// [SECTION] frame-rate independence

namespace {

// One scripted session: a fling, then a double tap, then a pinch released
// mid-way between half levels, then a drag past the limits. Returns the
// camera at fixed checkpoints (times every frame rate hits exactly).
std::vector<Camera> session(double dt) {
    Rig rig;
    rig.limits = {projectBox(18.46, 52.96, 18.76, 53.07), 12.0, 18.0, 0.0};
    const Script script = [](double t) -> std::vector<Finger> {
        constexpr double e = 1e-6;
        if (t <= 300 + e) return one(800 - 1.5 * t, 400 + 0.2 * t); // fling
        if (t >= 1000 - e && t <= 1066.7) return one(300, 300);     // tap 1
        if (t >= 1200 - e && t <= 1266.7) return one(300, 300);     // tap 2: zoom in
        if (t >= 2000 - e && t <= 2300 + e) {                       // pinch x1.3, snaps
            const double half = lerp(100, 130, std::min((t - 2000) / 200.0, 1.0));
            return two(500 - half, 400, 500 + half, 400);
        }
        // A fast fling west (map dragged right) that hits the city's edge.
        if (t >= 3000 - e && t <= 3200 + e) return one(100 + 6.0 * (t - 3000), 400);
        return {};
    };
    std::vector<Camera> out;
    for (int i = 0;; ++i) {
        const double t = i * dt;
        if (t > 5600 + 1e-6) break;
        rig.frame(t, script(t));
        const double r = std::fmod(t + 1e-6, 100.0);
        if (r < 2e-6) out.push_back(rig.camera); // every 100 ms
    }
    return out;
}

} // namespace

TEST_CASE("results do not depend on the frame rate (60 vs 30 frames per second)") {
    const std::vector<Camera> a = session(k60);
    const std::vector<Camera> b = session(k30);
    REQUIRE(a.size() == 57);
    REQUIRE(b.size() == a.size());
    for (std::size_t i = 0; i < a.size(); ++i) {
        CAPTURE(i);
        const double k = a[i].scale();
        CHECK(std::fabs(a[i].zoom - b[i].zoom) < 1e-6);
        CHECK(std::fabs(a[i].centre.x - b[i].centre.x) * k < 0.01); // pixels
        CHECK(std::fabs(a[i].centre.y - b[i].centre.y) * k < 0.01);
    }
    // And the session really did things: moved, zoomed, snapped, hit the edge.
    CHECK(a[10].centre.x != a[0].centre.x);
    CHECK(a[16].zoom == doctest::Approx(15.0));
    CHECK(a[29].zoom == doctest::Approx(15.5));
    const MapLimits city{projectBox(18.46, 52.96, 18.76, 53.07), 12.0, 18.0, 0.0};
    bool pastEdge = false;
    for (std::size_t i = 32; i < a.size(); ++i)
        pastEdge = pastEdge || !withinLimits(a[i], city);
    CHECK(pastEdge);
    CHECK(withinLimits(a.back(), city, 1e-6));
}

TEST_CASE("frames at irregular intervals end in the same place within a pixel") {
    auto fling = [](const std::vector<double>& times) {
        Rig rig;
        for (double t : times)
            rig.frame(t, t <= 250 ? one(900 - 2.0 * t, 400 - 0.5 * t) : none());
        return rig.camera;
    };
    std::vector<double> steady, jittery;
    for (int i = 0; i * k60 <= 1500; ++i)
        steady.push_back(i * k60);
    double t = 0;
    for (int i = 0; t <= 1500; ++i) {
        jittery.push_back(t);
        t += (i % 3 == 0) ? 33.0 : 11.0;
    }
    // Both see the finger's last position (at 250 ms): what happens between
    // frames cannot be known, what is seen must give the same result.
    steady.push_back(250);
    jittery.push_back(250);
    std::sort(steady.begin(), steady.end());
    std::sort(jittery.begin(), jittery.end());
    const Camera a = fling(steady), b = fling(jittery);
    const double k = a.scale();
    CHECK(std::fabs(a.centre.x - b.centre.x) * k < 0.01);
    CHECK(std::fabs(a.centre.y - b.centre.y) * k < 0.01);
    const Rig fresh;
    CHECK(std::fabs(a.centre.x - fresh.camera.centre.x) * k >
          600); // it did move (500 drag + glide)
}
