#include "chunking.hpp"

#include <nlohmann/json.hpp>
#include <sodium.h>

#include "cache/record_codec.hpp"

namespace feed {

bool endsChunk(cache::Collection collection, std::string_view id) {
    const std::string key = std::string(cache::collectionKey(collection)) + "/" + std::string(id);
    unsigned char h[crypto_hash_sha256_BYTES];
    crypto_hash_sha256(h, reinterpret_cast<const unsigned char*>(key.data()), key.size());
    const std::uint32_t v = (std::uint32_t(h[0]) << 24) | (std::uint32_t(h[1]) << 16) | (std::uint32_t(h[2]) << 8) | h[3];
    return v < (0xFFFFFFFFu / 32u);
}

std::vector<std::pair<std::size_t, std::size_t>> chunkRanges(const std::vector<cache::Record>& records) {
    std::vector<std::pair<std::size_t, std::size_t>> out;
    std::size_t begin = 0;
    for (std::size_t i = 0; i < records.size(); ++i) {
        const std::size_t size = i + 1 - begin;
        const bool boundary = size >= kMinChunkRecords && endsChunk(records[i].collection, records[i].id);
        if (boundary || size >= kMaxChunkRecords) {
            out.emplace_back(begin, i + 1);
            begin = i + 1;
        }
    }
    if (begin < records.size()) out.emplace_back(begin, records.size());
    return out;
}

std::string chunkDocument(cache::Collection collection, const std::vector<cache::Record>& records,
                          std::size_t begin, std::size_t end) {
    nlohmann::json features = nlohmann::json::array();
    for (std::size_t i = begin; i < end; ++i) features.push_back(cache::encodeFeature(records[i]));
    return nlohmann::json{{"type", "FeatureCollection"},
                          {"collection", cache::collectionKey(collection)},
                          {"features", std::move(features)}}
        .dump();
}

} // namespace feed
