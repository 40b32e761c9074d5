#include "triangulate.hpp"

#include <algorithm>
#include <cmath>
#include <limits>

namespace kiosk::map {
namespace {

double cross(WorldPoint o, WorldPoint a, WorldPoint b) { return (a.x - o.x) * (b.y - o.y) - (a.y - o.y) * (b.x - o.x); }

double signedArea(const std::vector<WorldPoint>& ring) {
    double a = 0;
    for (std::size_t i = 0, j = ring.size() - 1; i < ring.size(); j = i++) a += ring[j].x * ring[i].y - ring[i].x * ring[j].y;
    return a * 0.5;
}

std::vector<WorldPoint> cleanRing(std::vector<WorldPoint> ring) {
    if (ring.size() > 1 && ring.front().x == ring.back().x && ring.front().y == ring.back().y) ring.pop_back();
    // Consecutive duplicates make zero-length edges that confuse ear tests.
    ring.erase(std::unique(ring.begin(), ring.end(), [](WorldPoint a, WorldPoint b) { return a.x == b.x && a.y == b.y; }),
               ring.end());
    return ring;
}

bool insideTriangle(WorldPoint a, WorldPoint b, WorldPoint c, WorldPoint p) {
    return cross(a, b, p) >= 0 && cross(b, c, p) >= 0 && cross(c, a, p) >= 0;
}

bool segmentsCross(WorldPoint p1, WorldPoint p2, WorldPoint q1, WorldPoint q2) {
    const double d1 = cross(q1, q2, p1), d2 = cross(q1, q2, p2), d3 = cross(p1, p2, q1), d4 = cross(p1, p2, q2);
    return ((d1 > 0 && d2 < 0) || (d1 < 0 && d2 > 0)) && ((d3 > 0 && d4 < 0) || (d3 < 0 && d4 > 0));
}

// Joins a hole to the polygon by a two-way "bridge" edge from the hole's
// rightmost vertex to the nearest polygon vertex it can see, turning
// polygon-with-hole into one (weakly simple) ring.
void bridgeHole(std::vector<WorldPoint>& poly, std::vector<WorldPoint> hole) {
    std::size_t h = 0;
    for (std::size_t i = 1; i < hole.size(); ++i)
        if (hole[i].x > hole[h].x) h = i;
    const WorldPoint hp = hole[h];
    std::size_t best = poly.size();
    double bestDist = std::numeric_limits<double>::max();
    for (std::size_t i = 0; i < poly.size(); ++i) {
        const double dx = poly[i].x - hp.x, dy = poly[i].y - hp.y;
        const double d = dx * dx + dy * dy;
        if (d >= bestDist) continue;
        bool blocked = false;
        for (std::size_t j = 0; j < poly.size() && !blocked; ++j) {
            const std::size_t k = (j + 1) % poly.size();
            blocked = segmentsCross(hp, poly[i], poly[j], poly[k]);
        }
        if (!blocked) {
            best = i;
            bestDist = d;
        }
    }
    if (best == poly.size()) return; // cannot bridge: leave the hole filled
    std::vector<WorldPoint> merged(poly.begin(), poly.begin() + static_cast<std::ptrdiff_t>(best) + 1);
    for (std::size_t n = 0; n <= hole.size(); ++n) merged.push_back(hole[(h + n) % hole.size()]);
    merged.insert(merged.end(), poly.begin() + static_cast<std::ptrdiff_t>(best), poly.end());
    poly = std::move(merged);
}

} // namespace

Triangulation triangulatePolygon(const std::vector<std::vector<WorldPoint>>& rings) {
    Triangulation out;
    if (rings.empty()) return out;
    std::vector<WorldPoint> poly = cleanRing(rings[0]);
    if (poly.size() < 3) return out;
    // Orient the outer ring to positive shoelace area: its convex corners then
    // have a positive cross product, the sign the ear test looks for.
    if (signedArea(poly) < 0) std::reverse(poly.begin(), poly.end());
    std::vector<std::vector<WorldPoint>> holes;
    for (std::size_t r = 1; r < rings.size(); ++r) {
        auto hole = cleanRing(rings[r]);
        if (hole.size() < 3) continue;
        if (signedArea(hole) > 0) std::reverse(hole.begin(), hole.end());
        holes.push_back(std::move(hole));
    }
    // Rightmost holes first keeps later bridges from crossing earlier ones.
    std::sort(holes.begin(), holes.end(), [](const auto& a, const auto& b) {
        auto maxX = [](const auto& r) { return std::max_element(r.begin(), r.end(), [](auto p, auto q) { return p.x < q.x; })->x; };
        return maxX(a) > maxX(b);
    });
    for (auto& hole : holes) bridgeHole(poly, std::move(hole));

    out.vertices = poly;
    std::vector<std::uint32_t> ring(poly.size());
    for (std::uint32_t i = 0; i < ring.size(); ++i) ring[i] = i;
    std::size_t guard = ring.size() * ring.size() + 8;
    std::size_t i = 0;
    while (ring.size() > 3 && guard-- > 0) {
        const std::size_t n = ring.size();
        const std::uint32_t ia = ring[(i + n - 1) % n], ib = ring[i % n], ic = ring[(i + 1) % n];
        const WorldPoint a = poly[ia], b = poly[ib], c = poly[ic];
        bool ear = cross(a, b, c) > 0;
        for (std::size_t k = 0; ear && k < n; ++k) {
            const std::uint32_t v = ring[k];
            if (v == ia || v == ib || v == ic) continue;
            const WorldPoint p = poly[v];
            // Bridge duplicates sit exactly on the ear's corners: not inside.
            if ((p.x == a.x && p.y == a.y) || (p.x == b.x && p.y == b.y) || (p.x == c.x && p.y == c.y)) continue;
            ear = !insideTriangle(a, b, c, p);
        }
        if (ear) {
            out.indices.insert(out.indices.end(), {ia, ib, ic});
            ring.erase(ring.begin() + static_cast<std::ptrdiff_t>(i % n));
            i = i % ring.size();
        } else {
            i = (i + 1) % n;
        }
    }
    if (ring.size() == 3 && cross(poly[ring[0]], poly[ring[1]], poly[ring[2]]) > 0)
        out.indices.insert(out.indices.end(), {ring[0], ring[1], ring[2]});
    return out;
}

} // namespace kiosk::map
