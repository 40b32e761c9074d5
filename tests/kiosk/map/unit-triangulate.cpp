// Polygon triangulation for the base map's fills: the triangles must cover
// exactly the polygon (outer ring minus holes), whatever the winding.
#include <doctest/doctest.h>

#include <algorithm>
#include <cmath>
#include <vector>

#include "map/triangulate.hpp"

using kiosk::map::Triangulation;
using kiosk::map::WorldPoint;
using kiosk::map::triangulatePolygon;

namespace {

double ringArea(const std::vector<WorldPoint>& r) {
    double a = 0;
    for (std::size_t i = 0, j = r.size() - 1; i < r.size(); j = i++) a += r[j].x * r[i].y - r[i].x * r[j].y;
    return std::abs(a) * 0.5;
}

// Sum of the triangles' areas; also checks every triangle has the same
// (positive) orientation, i.e. none is flipped or overlapping back.
double trianglesArea(const Triangulation& t, bool& consistent) {
    double sum = 0;
    consistent = true;
    for (std::size_t i = 0; i + 2 < t.indices.size(); i += 3) {
        const WorldPoint a = t.vertices[t.indices[i]], b = t.vertices[t.indices[i + 1]], c = t.vertices[t.indices[i + 2]];
        const double cross = (b.x - a.x) * (c.y - a.y) - (b.y - a.y) * (c.x - a.x);
        if (cross < -1e-12) consistent = false;
        sum += std::abs(cross) * 0.5;
    }
    return sum;
}

} // namespace

TEST_CASE("a concave polygon is covered exactly, in either winding") {
    // An L shape (area 3) and the same ring reversed.
    std::vector<WorldPoint> l{{0, 0}, {2, 0}, {2, 1}, {1, 1}, {1, 2}, {0, 2}};
    for (int pass = 0; pass < 2; ++pass) {
        const Triangulation t = triangulatePolygon({l});
        bool consistent = false;
        CHECK(t.indices.size() == 3 * (l.size() - 2));
        CHECK(trianglesArea(t, consistent) == doctest::Approx(3.0));
        CHECK(consistent);
        std::reverse(l.begin(), l.end());
    }
}

TEST_CASE("a closing vertex equal to the first is ignored") {
    const Triangulation t = triangulatePolygon({{{0, 0}, {4, 0}, {4, 3}, {0, 3}, {0, 0}}});
    bool consistent = false;
    CHECK(t.indices.size() == 6);
    CHECK(trianglesArea(t, consistent) == doctest::Approx(12.0));
}

TEST_CASE("holes are left out: a square frame covers outer minus inner") {
    const std::vector<WorldPoint> outer{{0, 0}, {10, 0}, {10, 10}, {0, 10}};
    const std::vector<WorldPoint> hole{{3, 3}, {3, 7}, {7, 7}, {7, 3}};
    const std::vector<WorldPoint> hole2{{8, 1}, {8, 2}, {9, 2}, {9, 1}};
    bool consistent = false;
    const Triangulation one = triangulatePolygon({outer, hole});
    CHECK(trianglesArea(one, consistent) == doctest::Approx(ringArea(outer) - ringArea(hole)));
    CHECK(consistent);
    const Triangulation two = triangulatePolygon({outer, hole, hole2});
    CHECK(trianglesArea(two, consistent) == doctest::Approx(100.0 - 16.0 - 1.0));
    CHECK(consistent);
}

TEST_CASE("a river-like band with many vertices is covered exactly") {
    // One bank out and the other back, like the demo's water polygon.
    std::vector<WorldPoint> band;
    for (int i = 0; i <= 40; ++i) band.push_back({i * 1.0, std::sin(i * 0.3) * 5.0});
    for (int i = 40; i >= 0; --i) band.push_back({i * 1.0, std::sin(i * 0.3) * 5.0 + 1.0});
    bool consistent = false;
    const Triangulation t = triangulatePolygon({band});
    CHECK(trianglesArea(t, consistent) == doctest::Approx(ringArea(band)));
    CHECK(consistent);
}

TEST_CASE("degenerate input yields no triangles rather than a crash") {
    CHECK(triangulatePolygon({}).indices.empty());
    CHECK(triangulatePolygon({{{0, 0}, {1, 1}}}).indices.empty());
    CHECK(triangulatePolygon({{{0, 0}, {1, 1}, {2, 2}}}).indices.empty()); // collinear
}
