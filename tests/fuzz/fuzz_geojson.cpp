// libFuzzer target: a GeoJSON FeatureCollection as a feed chunk or an
// imported file brings it, then every Feature through the record validator.
// Input: one collection byte ('0'..'9', see fuzz_records.hpp), then the
// GeoJSON text.
#include <cstddef>
#include <cstdint>

#include "cache/record_codec.hpp"
#include "feed/geojson_reader.hpp"
#include "fuzz_records.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const auto input = pestor_fuzz::splitCollectionByte(data, size);
    auto file = feed::parseFeatureCollection(input.text, "fuzz.geojson");
    pestor_fuzz::checkMessage(file);
    if (!file) return 0;
    for (const feed::RawFeature& f : file->features) {
        (void)cache::recordIdOf(f.properties, f.featureId);
        // The sync validates a chunk against the collection the manifest
        // names; a declared "collection" member only has to agree.
        auto record = cache::decodeRecord(input.collection, f.properties, f.geometry, f.featureId);
        pestor_fuzz::checkMessage(record);
        if (record) pestor_fuzz::checkCacheRoundTrip(*record);
    }
    return 0;
}
