#pragma once
// pestor-feed build: a folder of GeoJSON/CSV (plus images and an MBTiles
// pack) into a signed feed folder of immutable content-addressed blobs.
#include <filesystem>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "cache/record.hpp"
#include "manifest.hpp"
#include "signature.hpp"

namespace feed {

struct BuildOptions {
    std::filesystem::path source;
    std::filesystem::path output;
    std::optional<std::int64_t> sequence; // default: previous manifest's + 1, or 1
    int validDays = 14;
    std::optional<std::string> now;       // RFC 3339; default: the clock (tests pin it)
    // Leave invalid records (and files in media/ that are not PNG or JPEG)
    // out of the feed, reporting each as a warning, instead of refusing to
    // publish. A record left out disappears from terminals at their next sync.
    bool skipInvalid = false;
};

struct BuildReport {
    Manifest manifest;
    int blobsWritten = 0;
    int blobsReused = 0;
    std::uint64_t bytesWritten = 0;
    // Published anyway, each naming collection/id (or the file) and the
    // problem: records left out (skipInvalid), images terminals will refuse,
    // missing images, characters the kiosk cannot show (source_warnings.hpp).
    std::vector<std::string> warnings;
    int problemsLeftOut = 0; // records and files left out (skipInvalid)
};

// Fails (writing no manifest) when any record is invalid, listing the
// problems, unless options.skipInvalid; blobs written before a failure are
// harmless leftovers.
cache::Result<BuildReport> buildFeed(const BuildOptions& options, const SecretKey& key);

// Removes blobs that OUT/manifest.json no longer references (after a CDN's
// grace period, so terminals mid-sync still find the previous blobs).
// Returns how many were removed.
cache::Result<int> pruneFeed(const std::filesystem::path& output);

// Every record a feed source folder holds, validated (shared by the builder
// and tests): per collection, sorted by id.
struct SourceRecords {
    std::map<cache::Collection, std::vector<cache::Record>> collections;
    std::vector<std::string> problems;
};
SourceRecords readSourceFolder(const std::filesystem::path& source);

} // namespace feed
