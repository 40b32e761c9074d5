#include "geometry_decode.hpp"

#include <cmath>
#include <cstdio>
#include <nlohmann/json.hpp>

namespace cache {
namespace {

using json = nlohmann::json;

Result<GeoPoint> position(const json& p) {
    if (!p.is_array() || p.size() < 2 || p.size() > 3 || !p[0].is_number() || !p[1].is_number())
        return makeError("a position must be [longitude, latitude]");
    GeoPoint g{p[0].get<double>(), p[1].get<double>()};
    if (!std::isfinite(g.lon) || !std::isfinite(g.lat)) return makeError("coordinates are not finite");
    if (!kServiceArea.contains(g.lon, g.lat)) {
        char buf[160];
        std::snprintf(buf, sizeof buf,
                      "position [%.5f, %.5f] is outside the service area (Toruń); "
                      "is it [latitude, longitude] instead of [longitude, latitude]?",
                      g.lon, g.lat);
        return makeError(buf);
    }
    return g;
}

double round6(double v) { return std::round(v * 1e6) / 1e6; }

// depth: 0 = position, 1 = list of positions, 2 = list of lists, 3 = ...
// `ring`: every list of positions is a polygon ring (Polygon, MultiPolygon).
Result<json> coordinates(const json& c, int depth, bool ring) {
    if (depth == 0) {
        auto p = position(c);
        if (!p) return p.error();
        return json::array({round6(p->lon), round6(p->lat)});
    }
    if (!c.is_array()) return makeError("coordinates are not nested as the geometry type requires");
    json out = json::array();
    for (const json& item : c) {
        auto r = coordinates(item, depth - 1, ring);
        if (!r) return r.error();
        out.push_back(std::move(r).value());
    }
    if (depth == 1) {
        if (ring && (out.size() < 4 || out.front() != out.back()))
            return makeError("a polygon ring needs 4 or more positions and must be closed");
        if (!ring && out.size() < 2) return makeError("a line needs 2 or more positions");
    } else if (out.empty()) {
        return makeError("empty coordinates");
    }
    return out;
}

} // namespace

Result<DecodedGeometry> decodeGeometry(GeometryRule rule, const json& g) {
    if (g.is_null()) {
        if (rule == GeometryRule::RequiredPoint || rule == GeometryRule::RequiredAny)
            return makeError("a location is required");
        return DecodedGeometry{};
    }
    if (rule == GeometryRule::None) return DecodedGeometry{}; // carried but not used
    if (!g.is_object() || !g.contains("type") || !g["type"].is_string())
        return makeError("not a GeoJSON geometry object");
    const std::string type = g["type"];
    const bool pointOnly = rule == GeometryRule::OptionalPoint || rule == GeometryRule::RequiredPoint;
    if (pointOnly && type != "Point") return makeError("expected a Point, got " + type);
    if (!g.contains("coordinates")) return makeError("no coordinates");
    const json& c = g["coordinates"];
    if (type == "Point") {
        auto p = position(c);
        if (!p) return makeError("" + p.error().message);
        return DecodedGeometry{GeoPoint{round6(p->lon), round6(p->lat)}, {}};
    }
    int depth = 0;
    bool ring = false;
    if (type == "LineString") depth = 1;
    else if (type == "MultiLineString") depth = 2;
    else if (type == "Polygon") depth = 2, ring = true;
    else if (type == "MultiPolygon") depth = 3, ring = true;
    else return makeError("unsupported type " + type);
    auto coords = coordinates(c, depth, ring);
    if (!coords) return makeError("" + coords.error().message);
    return DecodedGeometry{std::nullopt, json{{"type", type}, {"coordinates", *coords}}.dump()};
}

} // namespace cache
