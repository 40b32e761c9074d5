#pragma once
// Polygons (outer ring + holes, any winding, concave) to triangles, for
// filling base-map areas with ImGui, whose own fill handles only convex
// shapes. Ear clipping: O(n^2) per polygon, fine for base-map polygons of a
// few thousand vertices, run once per data snapshot off the UI thread.
#include <cstdint>
#include <vector>

#include "web_mercator.hpp"

namespace kiosk::map {

struct Triangulation {
    std::vector<WorldPoint> vertices;   // outer ring, then holes (bridged)
    std::vector<std::uint32_t> indices; // three per triangle, into vertices
};

// rings[0] is the outer ring, the rest are holes; a closing vertex equal to
// the first is ignored. Degenerate input yields fewer (or no) triangles,
// never a crash.
Triangulation triangulatePolygon(const std::vector<std::vector<WorldPoint>>& rings);

} // namespace kiosk::map
