#include "kd_tree.hpp"

#include <algorithm>

namespace kiosk::map {

namespace {
// Below this a linear scan beats descending further.
constexpr std::size_t kLeafSize = 16;
} // namespace

KdTree::KdTree(const std::vector<WorldPoint>& points) {
    m_entries.reserve(points.size());
    for (std::uint32_t i = 0; i < points.size(); ++i)
        m_entries.push_back({points[i], i});
    split(0, m_entries.size(), 0);
}

void KdTree::split(std::size_t lo, std::size_t hi, int axis) {
    // Contiguous entries (not indices into the caller's points) keep the
    // partitioning cache-friendly: this runs once per zoom level per build.
    while (hi - lo > kLeafSize) {
        const std::size_t mid = lo + (hi - lo) / 2;
        auto first = m_entries.begin() + static_cast<std::ptrdiff_t>(lo);
        auto nth = m_entries.begin() + static_cast<std::ptrdiff_t>(mid);
        auto last = m_entries.begin() + static_cast<std::ptrdiff_t>(hi);
        if (axis == 0)
            std::nth_element(first, nth, last,
                             [](const Entry& a, const Entry& b) { return a.p.x < b.p.x; });
        else
            std::nth_element(first, nth, last,
                             [](const Entry& a, const Entry& b) { return a.p.y < b.p.y; });
        split(lo, mid, 1 - axis);
        lo = mid + 1;
        axis = 1 - axis;
    }
}

void KdTree::query(const WorldRect& box, std::vector<std::uint32_t>& out) const {
    struct Range {
        std::size_t lo, hi;
        int axis;
    };
    // Depth is log2(n / leaf): 64 entries cover any size that fits in memory.
    Range stack[64];
    int top = 0;
    if (!m_entries.empty()) stack[top++] = {0, m_entries.size(), 0};
    while (top > 0) {
        const Range r = stack[--top];
        if (r.hi - r.lo <= kLeafSize) {
            for (std::size_t i = r.lo; i < r.hi; ++i)
                if (box.contains(m_entries[i].p)) out.push_back(m_entries[i].id);
            continue;
        }
        const std::size_t mid = r.lo + (r.hi - r.lo) / 2;
        const Entry& e = m_entries[mid];
        if (box.contains(e.p)) out.push_back(e.id);
        const double v = r.axis == 0 ? e.p.x : e.p.y;
        const double boxMin = r.axis == 0 ? box.minX : box.minY;
        const double boxMax = r.axis == 0 ? box.maxX : box.maxY;
        if (boxMin <= v) stack[top++] = {r.lo, mid, 1 - r.axis};
        if (boxMax >= v) stack[top++] = {mid + 1, r.hi, 1 - r.axis};
    }
}

} // namespace kiosk::map
