#pragma once
// Cutting a collection into content-addressed chunks at content-defined
// boundaries (docs/feed.md), so one changed record changes one chunk.
#include <string>
#include <vector>

#include "cache/record.hpp"

namespace feed {

inline constexpr std::size_t kMinChunkRecords = 8;
inline constexpr std::size_t kMaxChunkRecords = 128;

// True when `id` ends a chunk: SHA-256(collection/id)'s first 4 bytes as a
// big-endian number are below 2^32 / 32.
bool endsChunk(cache::Collection collection, std::string_view id);

// Records must be sorted by id. Returns index ranges [begin, end).
std::vector<std::pair<std::size_t, std::size_t>> chunkRanges(const std::vector<cache::Record>& sortedRecords);

// The chunk's bytes before compression: a FeatureCollection with a
// "collection" member and canonical features.
std::string chunkDocument(cache::Collection collection, const std::vector<cache::Record>& records,
                          std::size_t begin, std::size_t end);

} // namespace feed
