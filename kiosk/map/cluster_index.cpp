#include "cluster_index.hpp"

#include <algorithm>
#include <cmath>

namespace kiosk::map {

namespace {

template <class Entry> std::vector<WorldPoint> positions(const std::vector<Entry>& entries) {
    std::vector<WorldPoint> out;
    out.reserve(entries.size());
    for (const auto& e : entries)
        out.push_back(e.world);
    return out;
}

WorldRect unite(const WorldRect& a, const WorldRect& b) {
    return {std::min(a.minX, b.minX), std::min(a.minY, b.minY), std::max(a.maxX, b.maxX),
            std::max(a.maxY, b.maxY)};
}

} // namespace

ClusterIndex::ClusterIndex(std::vector<MapPoint> points, ClusterParams params)
    : m_params(params), m_points(std::move(points)) {
    if (m_params.maxZoom < m_params.minZoom) m_params.maxZoom = m_params.minZoom;
    const int levels = m_params.maxZoom + 2 - m_params.minZoom;
    m_levels.resize(static_cast<std::size_t>(levels));

    Level& top = m_levels.back();
    top.entries.reserve(m_points.size());
    for (std::uint32_t i = 0; i < m_points.size(); ++i)
        top.entries.push_back({m_points[i].world, 1, i});
    top.tree = KdTree(positions(top.entries));

    std::vector<std::uint32_t> near;
    std::vector<char> taken;
    for (int z = m_params.maxZoom; z >= m_params.minZoom; --z) {
        const Level& above = m_levels[static_cast<std::size_t>(z + 1 - m_params.minZoom)];
        Level& level = m_levels[static_cast<std::size_t>(z - m_params.minZoom)];
        const double r = m_params.radiusPx / std::exp2(z); // world units at zoom z
        taken.assign(above.entries.size(), 0);
        level.entries.reserve(above.entries.size());
        for (std::uint32_t i = 0; i < above.entries.size(); ++i) {
            if (taken[i]) continue;
            taken[i] = 1;
            const Entry& seed = above.entries[i];
            near.clear();
            above.tree.query(
                {seed.world.x - r, seed.world.y - r, seed.world.x + r, seed.world.y + r}, near);
            // The tree returns candidates in its own order; merging in data
            // order keeps the children's order independent of the tree's layout.
            std::sort(near.begin(), near.end());
            const auto firstChild = static_cast<std::uint32_t>(m_children.size());
            double sx = seed.world.x * seed.count, sy = seed.world.y * seed.count;
            std::uint32_t count = seed.count;
            WorldRect extent = extentOf(seed.ref);
            m_children.push_back(seed.ref);
            for (std::uint32_t j : near) {
                if (taken[j]) continue;
                const Entry& e = above.entries[j];
                const double dx = e.world.x - seed.world.x, dy = e.world.y - seed.world.y;
                if (dx * dx + dy * dy > r * r) continue;
                taken[j] = 1;
                sx += e.world.x * e.count;
                sy += e.world.y * e.count;
                count += e.count;
                extent = unite(extent, extentOf(e.ref));
                m_children.push_back(e.ref);
            }
            const auto childCount = static_cast<std::uint32_t>(m_children.size()) - firstChild;
            if (childCount == 1) {
                m_children.pop_back();
                level.entries.push_back(seed); // unchanged: same item, same id
                continue;
            }
            const WorldPoint centroid{sx / count, sy / count};
            const auto id = static_cast<std::uint32_t>(m_clusters.size());
            m_clusters.push_back({centroid, count, z + 1, extent, firstChild, childCount});
            level.entries.push_back({centroid, count, id | kClusterBit});
        }
        level.tree = KdTree(positions(level.entries));
    }
}

int ClusterIndex::levelFor(double zoom) const {
    const double f = std::floor(zoom);
    if (!(f >= m_params.minZoom)) return m_params.minZoom; // also NaN
    return static_cast<int>(std::min<double>(f, m_params.maxZoom + 1));
}

WorldRect ClusterIndex::extentOf(std::uint32_t ref) const {
    if (ref & kClusterBit) return m_clusters[ref & ~kClusterBit].extent;
    const WorldPoint p = m_points[ref].world;
    return {p.x, p.y, p.x, p.y};
}

MapItem ClusterIndex::itemFor(const Entry& e) const {
    if (e.ref & kClusterBit) {
        const Cluster& c = m_clusters[e.ref & ~kClusterBit];
        return {c.world, c.count, e.ref & ~kClusterBit, c.splitZoom, c.extent};
    }
    const MapPoint& p = m_points[e.ref];
    return {p.world, 1, p.index, 0, {p.world.x, p.world.y, p.world.x, p.world.y}};
}

std::vector<MapItem> ClusterIndex::query(const WorldRect& area, double zoom) const {
    std::vector<MapItem> out;
    query(area, zoom, out);
    return out;
}

void ClusterIndex::query(const WorldRect& area, double zoom, std::vector<MapItem>& out) const {
    out.clear();
    if (m_levels.empty()) return;
    const Level& level = m_levels[static_cast<std::size_t>(levelFor(zoom) - m_params.minZoom)];
    std::vector<std::uint32_t> hits;
    level.tree.query(area, hits);
    out.reserve(hits.size());
    for (std::uint32_t h : hits)
        out.push_back(itemFor(level.entries[h]));
    std::sort(out.begin(), out.end(), [](const MapItem& a, const MapItem& b) {
        if (a.world.y != b.world.y) return a.world.y < b.world.y;
        if (a.world.x != b.world.x) return a.world.x < b.world.x;
        if (a.count != b.count) return a.count < b.count;
        return a.index < b.index;
    });
}

std::vector<std::uint32_t> ClusterIndex::members(std::uint32_t clusterId) const {
    std::vector<std::uint32_t> out;
    if (clusterId >= m_clusters.size()) return out;
    std::vector<std::uint32_t> stack{clusterId | kClusterBit};
    while (!stack.empty()) {
        const std::uint32_t ref = stack.back();
        stack.pop_back();
        if (!(ref & kClusterBit)) {
            out.push_back(m_points[ref].index);
            continue;
        }
        const Cluster& c = m_clusters[ref & ~kClusterBit];
        for (std::uint32_t i = 0; i < c.childCount; ++i)
            stack.push_back(m_children[c.firstChild + i]);
    }
    std::sort(out.begin(), out.end());
    return out;
}

MapItem ClusterIndex::cluster(std::uint32_t clusterId) const {
    if (clusterId >= m_clusters.size()) return {{}, 0, clusterId, 0, {}};
    const Cluster& c = m_clusters[clusterId];
    return {c.world, c.count, clusterId, c.splitZoom, c.extent};
}

} // namespace kiosk::map
