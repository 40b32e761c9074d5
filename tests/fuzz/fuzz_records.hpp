#pragma once
// Shared by the record targets (fuzz_geojson, fuzz_csv): how an input picks
// a collection, and the oracle every decoded record must pass.
#include <cstddef>
#include <cstdint>
#include <nlohmann/json.hpp>
#include <string>
#include <string_view>

#include "cache/collection.hpp"
#include "cache/record_codec.hpp"
#include "fuzz_fail.hpp"

namespace pestor_fuzz {

// Record inputs start with one byte naming the collection to validate
// against, '0'..'9' in cache::kAllCollections order, so a seed file stays
// readable and the fuzzer can still reach every collection's validator by
// mutating one byte.
struct CollectionInput {
    cache::Collection collection;
    std::string_view text;
};

inline CollectionInput splitCollectionByte(const std::uint8_t* data, std::size_t size) {
    const auto n = cache::kAllCollections.size();
    const auto pick = size == 0 ? 0u : static_cast<unsigned>(static_cast<unsigned char>(data[0] - '0')) % n;
    const auto* text = reinterpret_cast<const char*>(data);
    return {cache::kAllCollections[pick], size == 0 ? std::string_view() : std::string_view(text + 1, size - 1)};
}

// A record the validator accepted must survive the trip through the cache
// exactly as the writer stores it (props as JSON text, a Point as lon/lat,
// other shapes as GeoJSON text) and the catalog reads it back: otherwise the
// sync could write a record the kiosk skips, or the writer could throw.
inline void checkCacheRoundTrip(const cache::Record& record) {
    std::string propsText;
    try {
        propsText = cache::encodeRecordProperties(record).dump();
    } catch (const nlohmann::json::exception& e) {
        fail(std::string("the cache writer cannot serialise an accepted record: ") + e.what());
    }
    nlohmann::json geometry = nullptr;
    if (record.point) {
        geometry = {{"type", "Point"}, {"coordinates", {record.point->lon, record.point->lat}}};
    } else if (!record.geometryJson.empty()) {
        geometry = nlohmann::json::parse(record.geometryJson, nullptr, false);
        if (geometry.is_discarded()) fail("geometryJson is not JSON: " + record.geometryJson);
    }
    const auto props = nlohmann::json::parse(propsText, nullptr, false);
    if (props.is_discarded()) fail("stored props are not JSON: " + propsText);
    auto again = cache::decodeRecord(record.collection, props, geometry, record.id);
    if (!again) fail("the catalog would skip a record the sync accepted: " + again.error().message + "\nprops: " + propsText);
    const std::string againText = cache::encodeRecordProperties(*again).dump();
    if (againText != propsText) fail("canonical form is not stable:\n first:  " + propsText + "\n second: " + againText);
    if (again->point != record.point || again->geometryJson != record.geometryJson)
        fail("geometry changed on the way through the cache: " + record.geometryJson + " vs " + again->geometryJson);
}

} // namespace pestor_fuzz
