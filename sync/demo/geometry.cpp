#include "geometry.hpp"

#include "districts.hpp"
#include "prng.hpp"

#include <algorithm>
#include <cmath>
#include <fstream>
#include <nlohmann/json.hpp>
#include <stdexcept>

namespace demo {

namespace {

constexpr std::int32_t kMargin = 4; // 4e-5 deg, about 3-4 m
constexpr int kMaxTries = 10000;

Coord toCoord(const nlohmann::json& position) {
    if (!position.is_array() || position.size() < 2 || !position[0].is_number() ||
        !position[1].is_number()) {
        throw std::runtime_error("bad position");
    }
    // llround of value * 1e5 is exact for values written with 5 decimals.
    return Coord{static_cast<std::int32_t>(std::llround(position[0].get<double>() * 100000.0)),
                 static_cast<std::int32_t>(std::llround(position[1].get<double>() * 100000.0))};
}

std::vector<Coord> toRing(const nlohmann::json& ring) {
    std::vector<Coord> out;
    for (const auto& position : ring) {
        out.push_back(toCoord(position));
    }
    if (out.size() > 1 && out.front().lon == out.back().lon && out.front().lat == out.back().lat) {
        out.pop_back();
    }
    if (out.size() < 3) {
        throw std::runtime_error("ring with fewer than 3 vertices");
    }
    return out;
}

Polygon toPolygon(const nlohmann::json& rings) {
    Polygon polygon;
    for (std::size_t i = 0; i < rings.size(); ++i) {
        if (i == 0) {
            polygon.outer = toRing(rings[i]);
        } else {
            polygon.holes.push_back(toRing(rings[i]));
        }
    }
    if (polygon.outer.empty()) {
        throw std::runtime_error("polygon without rings");
    }
    polygon.box = boundsOf(polygon.outer);
    return polygon;
}

std::vector<Polygon> toPolygons(const nlohmann::json& geometry) {
    const auto type = geometry.at("type").get<std::string>();
    const auto& coords = geometry.at("coordinates");
    std::vector<Polygon> out;
    if (type == "Polygon") {
        out.push_back(toPolygon(coords));
    } else if (type == "MultiPolygon") {
        for (const auto& rings : coords) {
            out.push_back(toPolygon(rings));
        }
    } else {
        throw std::runtime_error("expected Polygon or MultiPolygon, got " + type);
    }
    return out;
}

bool inBox(const BBox& box, const Coord& p) {
    return p.lon >= box.min.lon && p.lon <= box.max.lon && p.lat >= box.min.lat &&
           p.lat <= box.max.lat;
}

} // namespace

BBox boundsOf(const std::vector<Coord>& ring) {
    BBox box{ring.front(), ring.front()};
    for (const auto& c : ring) {
        box.min.lon = std::min(box.min.lon, c.lon);
        box.min.lat = std::min(box.min.lat, c.lat);
        box.max.lon = std::max(box.max.lon, c.lon);
        box.max.lat = std::max(box.max.lat, c.lat);
    }
    return box;
}

bool ringContains(const std::vector<Coord>& ring, const Coord& p) {
    // Even-odd ray casting towards +lon, decided with exact 64-bit products.
    bool inside = false;
    const std::size_t n = ring.size();
    for (std::size_t i = 0, j = n - 1; i < n; j = i++) {
        const Coord& a = ring[j];
        const Coord& b = ring[i];
        if ((a.lat > p.lat) == (b.lat > p.lat)) {
            continue;
        }
        const std::int64_t dy = static_cast<std::int64_t>(b.lat) - a.lat;
        const std::int64_t num =
            (static_cast<std::int64_t>(a.lon) - p.lon) * dy +
            (static_cast<std::int64_t>(p.lat) - a.lat) * (static_cast<std::int64_t>(b.lon) - a.lon);
        // crossing lies east of p  <=>  num / dy > 0
        if ((dy > 0 && num > 0) || (dy < 0 && num < 0)) {
            inside = !inside;
        }
    }
    return inside;
}

bool polygonContains(const Polygon& polygon, const Coord& p) {
    if (!inBox(polygon.box, p) || !ringContains(polygon.outer, p)) {
        return false;
    }
    return std::none_of(polygon.holes.begin(), polygon.holes.end(),
                        [&](const auto& hole) { return ringContains(hole, p); });
}

Basemap Basemap::load(const std::filesystem::path& path) {
    std::ifstream in(path, std::ios::binary);
    if (!in) {
        throw std::runtime_error("cannot open basemap " + path.string());
    }
    nlohmann::json doc;
    try {
        doc = nlohmann::json::parse(in);
    } catch (const nlohmann::json::exception& e) {
        throw std::runtime_error("basemap " + path.string() + ": " + e.what());
    }
    Basemap map;
    for (const auto& feature : doc.at("features")) {
        const auto id = feature.at("id").get<std::string>();
        try {
            const auto& props = feature.at("properties");
            const auto layer = props.at("layer").get<std::string>();
            const auto& geometry = feature.at("geometry");
            if (layer == "district") {
                // Feature ids are "district-<key with '-' for '_'>"; ids may not hold '_'.
                std::string key = id.substr(std::string_view("district-").size());
                std::replace(key.begin(), key.end(), '-', '_');
                if (!isDistrictKey(key)) {
                    throw std::runtime_error("unknown district key " + key);
                }
                District d{key, props.at("name").get<std::string>(), toPolygons(geometry), {}};
                d.box = d.parts.front().box;
                for (const auto& part : d.parts) {
                    d.box.min.lon = std::min(d.box.min.lon, part.box.min.lon);
                    d.box.min.lat = std::min(d.box.min.lat, part.box.min.lat);
                    d.box.max.lon = std::max(d.box.max.lon, part.box.max.lon);
                    d.box.max.lat = std::max(d.box.max.lat, part.box.max.lat);
                }
                map.m_districts.push_back(std::move(d));
            } else if (layer == "water") {
                for (auto& polygon : toPolygons(geometry)) {
                    map.m_water.push_back(std::move(polygon));
                }
            } else if (layer == "landmark") {
                map.m_landmarks.emplace_back(id, toCoord(geometry.at("coordinates")));
            }
        } catch (const std::exception& e) {
            throw std::runtime_error("basemap feature " + id + ": " + e.what());
        }
    }
    for (const auto& key : districtKeys()) {
        const bool found = std::any_of(map.m_districts.begin(), map.m_districts.end(),
                                       [&](const District& d) { return d.key == key; });
        if (!found) {
            throw std::runtime_error("basemap has no polygon for district " + std::string(key));
        }
    }
    return map;
}

const District& Basemap::district(std::string_view key) const {
    for (const auto& d : m_districts) {
        if (d.key == key) {
            return d;
        }
    }
    throw std::runtime_error("no district " + std::string(key));
}

std::optional<Coord> Basemap::landmark(std::string_view id) const {
    for (const auto& [name, coord] : m_landmarks) {
        if (name == id) {
            return coord;
        }
    }
    return std::nullopt;
}

bool Basemap::inDistrict(const District& district, const Coord& p) const {
    return std::any_of(district.parts.begin(), district.parts.end(),
                       [&](const Polygon& part) { return polygonContains(part, p); });
}

bool Basemap::inWater(const Coord& p) const {
    return std::any_of(m_water.begin(), m_water.end(),
                       [&](const Polygon& water) { return polygonContains(water, p); });
}

const District* Basemap::districtAt(const Coord& p) const {
    for (const auto& d : m_districts) {
        if (inDistrict(d, p)) {
            return &d;
        }
    }
    return nullptr;
}

Coord Basemap::randomPoint(std::string_view districtKey, Rng& rng) const {
    const District& d = district(districtKey);
    auto wellInside = [&](const Coord& p) {
        for (const Coord& q : {p, Coord{p.lon - kMargin, p.lat}, Coord{p.lon + kMargin, p.lat},
                               Coord{p.lon, p.lat - kMargin}, Coord{p.lon, p.lat + kMargin}}) {
            if (!inDistrict(d, q) || inWater(q)) {
                return false;
            }
        }
        return true;
    };
    for (int attempt = 0; attempt < kMaxTries; ++attempt) {
        const Coord p{static_cast<std::int32_t>(rng.range(d.box.min.lon, d.box.max.lon)),
                      static_cast<std::int32_t>(rng.range(d.box.min.lat, d.box.max.lat))};
        if (wellInside(p)) {
            return p;
        }
    }
    throw std::runtime_error("could not place a point in district " + d.key);
}

} // namespace demo
