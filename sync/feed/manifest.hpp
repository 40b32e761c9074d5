#pragma once
// manifest.json of a feed (docs/feed.md): what a publish contains, by
// content address.
#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "cache/collection.hpp"
#include "cache/result.hpp"

namespace feed {

inline constexpr const char* kFeedFormat = "pestor-feed/1";

struct BlobRef {
    std::string sha256; // 64 lower-case hex digits
    std::uint64_t bytes = 0;
    bool operator==(const BlobRef&) const = default;
};

struct Chunk {
    BlobRef blob;
    int records = 0;
    bool operator==(const Chunk&) const = default;
};

struct CollectionContent {
    int records = 0;
    std::vector<Chunk> chunks;
    bool operator==(const CollectionContent&) const = default;
};

struct MediaItem {
    BlobRef blob;
    std::string type; // image/png, image/jpeg
    bool operator==(const MediaItem&) const = default;
};

struct Manifest {
    std::int64_t sequence = 0;
    std::string generatedAt; // normalised RFC 3339
    std::string expiresAt;
    std::map<cache::Collection, CollectionContent> collections;
    std::vector<MediaItem> media;
    std::optional<BlobRef> tiles;
    bool operator==(const Manifest&) const = default;

    // Every blob the manifest references, once each.
    std::vector<BlobRef> allBlobs() const;
};

// Strict: unknown format, missing members, bad hashes, negative sizes and
// chunk record counts that do not add up are errors naming the member.
cache::Result<Manifest> parseManifest(std::string_view text);
std::string formatManifest(const Manifest& manifest); // canonical, pretty-printed JSON

// Where a blob lives inside a feed: "blobs/ab/ab12…".
std::string blobPath(std::string_view sha256);

} // namespace feed
