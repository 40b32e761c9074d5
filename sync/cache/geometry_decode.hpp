#pragma once
#include <nlohmann/json_fwd.hpp>
#include <optional>
#include <string>

#include "record.hpp"
#include "result.hpp"

namespace cache {

struct DecodedGeometry {
    std::optional<GeoPoint> point; // set for Point geometries
    std::string json;              // canonical 2-D geometry for other types
};

// Validates an RFC 7946 geometry against the collection's rule: positions are
// [lon, lat] (a third coordinate is dropped), inside the service area, rings
// closed. A null geometry is allowed where the rule allows it.
Result<DecodedGeometry> decodeGeometry(GeometryRule rule, const nlohmann::json& geometry);

} // namespace cache
