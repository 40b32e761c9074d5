#include "map_scene.hpp"

#include <algorithm>
#include <limits>
#include <nlohmann/json.hpp>

#include "map_layers.hpp"

namespace kiosk::app {
namespace {

using map::WorldPoint;
using map::WorldRect;
using nlohmann::json;

std::optional<BaseLayer> baseLayerOf(const cache::Record& r) {
    const std::string* l = r.text("layer");
    if (!l) return std::nullopt;
    static constexpr std::pair<std::string_view, BaseLayer> kNames[] = {
        {"boundary", BaseLayer::Boundary}, {"district", BaseLayer::District}, {"park", BaseLayer::Park},
        {"water", BaseLayer::Water},       {"river", BaseLayer::River},       {"rail", BaseLayer::Rail},
        {"road", BaseLayer::Road},         {"label", BaseLayer::Label},       {"landmark", BaseLayer::Landmark}};
    for (const auto& [name, layer] : kNames)
        if (*l == name) return layer;
    return std::nullopt;
}

int drawOrder(BaseLayer l) { return static_cast<int>(l); }

WorldRect extentOf(const std::vector<WorldPoint>& pts) {
    WorldRect r{std::numeric_limits<double>::max(), std::numeric_limits<double>::max(),
                std::numeric_limits<double>::lowest(), std::numeric_limits<double>::lowest()};
    for (const WorldPoint& p : pts) {
        r.minX = std::min(r.minX, p.x);
        r.minY = std::min(r.minY, p.y);
        r.maxX = std::max(r.maxX, p.x);
        r.maxY = std::max(r.maxY, p.y);
    }
    return r;
}

// Coordinates were validated by the cache's decoder; anything odd here is
// skipped, never thrown into the map.
std::optional<std::vector<WorldPoint>> readLine(const json& coords) {
    if (!coords.is_array()) return std::nullopt;
    std::vector<WorldPoint> out;
    out.reserve(coords.size());
    for (const json& c : coords) {
        if (!c.is_array() || c.size() < 2 || !c[0].is_number() || !c[1].is_number()) return std::nullopt;
        out.push_back(map::project({c[0].get<double>(), c[1].get<double>()}));
    }
    return out;
}

bool addPolygon(const json& rings, BaseLayer layer, MapScene& scene) {
    if (!rings.is_array() || rings.empty()) return false;
    std::vector<std::vector<WorldPoint>> projected;
    for (const json& ring : rings) {
        auto pts = readLine(ring);
        if (!pts || pts->size() < 3) return false;
        if (pts->front().x == pts->back().x && pts->front().y == pts->back().y) pts->pop_back();
        projected.push_back(std::move(*pts));
    }
    BaseArea area;
    area.layer = layer;
    area.extent = extentOf(projected.front());
    area.fill = map::triangulatePolygon(projected);
    area.outlines = std::move(projected);
    scene.areas.push_back(std::move(area));
    return true;
}

bool addLine(const json& coords, BaseLayer layer, int rank, MapScene& scene) {
    auto pts = readLine(coords);
    if (!pts || pts->size() < 2) return false;
    BaseLine line{layer, rank, std::move(*pts), {}};
    line.extent = extentOf(line.points);
    scene.lines.push_back(std::move(line));
    return true;
}

bool addShape(const cache::Record& r, BaseLayer layer, MapScene& scene) {
    const int rank = static_cast<int>(r.number("rank").value_or(5));
    if (r.point) {
        scene.labels.push_back({layer, rank, map::project({r.point->lon, r.point->lat}), &r});
        return true;
    }
    const json g = json::parse(r.geometryJson, nullptr, false);
    if (!g.is_object() || !g.contains("type") || !g.contains("coordinates")) return false;
    const std::string type = g["type"].is_string() ? g["type"].get<std::string>() : "";
    const json& c = g["coordinates"];
    if (type == "Polygon") return addPolygon(c, layer, scene);
    if (type == "MultiPolygon" && c.is_array()) {
        bool ok = !c.empty();
        for (const json& p : c) ok = addPolygon(p, layer, scene) && ok;
        return ok;
    }
    if (type == "LineString") return addLine(c, layer, rank, scene);
    if (type == "MultiLineString" && c.is_array()) {
        bool ok = !c.empty();
        for (const json& l : c) ok = addLine(l, layer, rank, scene) && ok;
        return ok;
    }
    return false;
}

} // namespace

std::shared_ptr<const MapScene> buildMapScene(std::shared_ptr<const cache::Catalog> catalog) {
    auto scene = std::make_shared<MapScene>();
    scene->catalog = catalog;
    if (!catalog) return scene;

    for (const cache::Record& r : catalog->records(cache::Collection::Basemap)) {
        const auto layer = baseLayerOf(r);
        if (!layer || !addShape(r, *layer, *scene)) ++scene->skippedGeometries;
        else if (*layer == BaseLayer::Boundary && !scene->areas.empty() && scene->areas.back().layer == BaseLayer::Boundary)
            scene->cityBounds = scene->areas.back().extent;
    }
    std::stable_sort(scene->areas.begin(), scene->areas.end(),
                     [](const BaseArea& a, const BaseArea& b) { return drawOrder(a.layer) < drawOrder(b.layer); });
    // Lines: minor roads under major ones, so a main road is never cut by a side street.
    std::stable_sort(scene->lines.begin(), scene->lines.end(), [](const BaseLine& a, const BaseLine& b) {
        if (drawOrder(a.layer) != drawOrder(b.layer)) return drawOrder(a.layer) < drawOrder(b.layer);
        return a.rank > b.rank;
    });
    std::stable_sort(scene->labels.begin(), scene->labels.end(),
                     [](const BaseLabel& a, const BaseLabel& b) { return a.rank < b.rank; });

    for (cache::Collection c : kMapLayers) {
        std::vector<const cache::Record*> records;
        std::vector<map::WorldPoint> positions;
        std::vector<map::MapPoint> points;
        for (const cache::Record& r : catalog->records(c)) {
            if (!r.point) continue;
            positions.push_back(map::project({r.point->lon, r.point->lat}));
            points.push_back({positions.back(), static_cast<std::uint32_t>(records.size())});
            records.push_back(&r);
        }
        scene->markers.push_back(
            MarkerLayer{c, std::move(records), std::move(positions), map::ClusterIndex(std::move(points))});
    }
    return scene;
}

} // namespace kiosk::app
