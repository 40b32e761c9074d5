// libFuzzer target: a CSV file as a spreadsheet exports it, then every row
// through the record validator. CSV cells are raw bytes (no JSON parser has
// checked their UTF-8), which is why the cache round trip matters here.
// Input: one collection byte ('0'..'9', see fuzz_records.hpp), then the CSV.
#include <cstddef>
#include <cstdint>

#include "cache/record_codec.hpp"
#include "feed/csv_reader.hpp"
#include "fuzz_records.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const auto input = pestor_fuzz::splitCollectionByte(data, size);
    auto file = feed::parseCsv(input.text, "fuzz.csv");
    pestor_fuzz::checkMessage(file);
    if (!file) return 0;
    for (const feed::RawFeature& f : file->features) {
        auto record = cache::decodeRecord(input.collection, f.properties, f.geometry, f.featureId);
        pestor_fuzz::checkMessage(record);
        if (record) pestor_fuzz::checkCacheRoundTrip(*record);
    }
    return 0;
}
