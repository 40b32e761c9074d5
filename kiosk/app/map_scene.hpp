#pragma once
// Everything the map draws that depends only on the data: the base map in
// world coordinates (polygons already triangulated), and one cluster index
// per marker layer. Built by the cache worker next to each catalog snapshot,
// immutable afterwards, so the UI thread never parses or projects anything.
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "cache/catalog.hpp"
#include "map/cluster_index.hpp"
#include "map/triangulate.hpp"
#include "map/web_mercator.hpp"

namespace kiosk::app {

enum class BaseLayer { Boundary, District, Park, Water, River, Rail, Road, Label, Landmark };

struct BaseArea {
    BaseLayer layer = BaseLayer::District;
    map::Triangulation fill;
    std::vector<std::vector<map::WorldPoint>> outlines; // rings, open (first != last)
    map::WorldRect extent;
};

struct BaseLine {
    BaseLayer layer = BaseLayer::Road;
    int rank = 5; // 0 = most important
    std::vector<map::WorldPoint> points;
    map::WorldRect extent;
};

struct BaseLabel {
    BaseLayer layer = BaseLayer::Label;
    int rank = 5;
    map::WorldPoint at;
    const cache::Record* record = nullptr; // its title, in the visitor's language
};

struct MarkerLayer {
    cache::Collection collection = cache::Collection::Entities;
    std::vector<const cache::Record*> records; // MapPoint::index points here
    std::vector<map::WorldPoint> positions;    // parallel to records
    map::ClusterIndex clusters;
};

struct MapScene {
    std::shared_ptr<const cache::Catalog> catalog; // keeps the records alive
    std::vector<BaseArea> areas;                   // in drawing order
    std::vector<BaseLine> lines;                   // in drawing order
    std::vector<BaseLabel> labels;                 // most important first
    std::vector<MarkerLayer> markers;              // kMapLayers order
    std::optional<map::WorldRect> cityBounds;      // the boundary polygon's extent
    int skippedGeometries = 0;                     // base-map shapes that could not be read

    const MarkerLayer* layer(cache::Collection c) const {
        for (const auto& l : markers)
            if (l.collection == c) return &l;
        return nullptr;
    }
};

std::shared_ptr<const MapScene> buildMapScene(std::shared_ptr<const cache::Catalog> catalog);

} // namespace kiosk::app
