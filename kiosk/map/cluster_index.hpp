#pragma once
// Marker clustering in the manner of supercluster: built once per data
// snapshot (per layer), then queried every frame. Each integer zoom level is
// clustered greedily in world coordinates from the level above it, so which
// points form a cluster depends on the data only, never on the viewport:
// clusters do not change while panning, and zooming in only ever splits them.
//
// Levels: maxZoom + 1 holds every point on its own; each level z from maxZoom
// down to minZoom merges the items of level z + 1 lying within radiusPx (as
// seen at zoom z) of a seed item, seeds taken in the data's order. Points at
// exactly the same position therefore cluster at every level up to maxZoom
// and come back individually at maxZoom + 1 (the caller fans them out or
// lists them; when maxZoom + 1 is beyond the map's zoom limit, tapping such a
// cluster should list members() instead of zooming).
#include "kd_tree.hpp"
#include "web_mercator.hpp"

#include <cstdint>
#include <vector>

namespace kiosk::map {

struct MapPoint {
    WorldPoint world;
    std::uint32_t index = 0; // the caller's record index
};

struct ClusterParams {
    double radiusPx = 60;
    int minZoom = 10; // zooms below this use this level
    int maxZoom = 18; // above this nothing clusters
};

struct MapItem {
    WorldPoint world;        // a point's position, or its members' centroid
    std::uint32_t count = 1; // points represented
    std::uint32_t index = 0; // the point's record index when count == 1, else a cluster id
    // Clusters: the smallest zoom at which it shows as more than one item
    // (where tapping it should zoom to). Single points: 0.
    int splitZoom = 0;
    WorldRect extent; // of its members' positions
    bool isCluster() const { return count > 1; }
};

class ClusterIndex {
  public:
    ClusterIndex() = default;
    explicit ClusterIndex(std::vector<MapPoint> points, ClusterParams params = {});

    // The level a zoom shows: floor(zoom) clamped to [minZoom, maxZoom + 1].
    int levelFor(double zoom) const;
    // Items of levelFor(zoom) whose position lies inside `area` (pad it by the
    // marker size), sorted by world y then x then index: a stable drawing
    // order (lower markers over upper ones) that does not flicker while panning.
    std::vector<MapItem> query(const WorldRect& area, double zoom) const;
    void query(const WorldRect& area, double zoom, std::vector<MapItem>& out) const; // reuses `out`
    // Record indices of a cluster's members (sorted ascending); empty for an unknown id.
    std::vector<std::uint32_t> members(std::uint32_t clusterId) const;
    // The cluster as an item (count 0 for an unknown id).
    MapItem cluster(std::uint32_t clusterId) const;

    std::size_t pointCount() const { return m_points.size(); }
    std::size_t clusterCount() const { return m_clusters.size(); }
    const ClusterParams& params() const { return m_params; }

  private:
    // An item of a level: a point (ref = point slot) or a cluster (ref has kClusterBit).
    struct Entry {
        WorldPoint world;
        std::uint32_t count;
        std::uint32_t ref;
    };
    struct Cluster {
        WorldPoint world;
        std::uint32_t count;
        int splitZoom;
        WorldRect extent;
        std::uint32_t firstChild, childCount; // into m_children (refs of the level above)
    };
    struct Level {
        std::vector<Entry> entries;
        KdTree tree;
    };
    static constexpr std::uint32_t kClusterBit = 0x80000000u;

    MapItem itemFor(const Entry& e) const;
    WorldRect extentOf(std::uint32_t ref) const;

    ClusterParams m_params;
    std::vector<MapPoint> m_points;
    std::vector<Cluster> m_clusters;
    std::vector<std::uint32_t> m_children;
    std::vector<Level> m_levels; // [0] = minZoom ... back() = maxZoom + 1
};

} // namespace kiosk::map
