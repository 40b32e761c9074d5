#pragma once
// Import of one GeoJSON file into the cache: parse, validate every record,
// write the good ones in one transaction. Bad records are reported and never
// written; their previous good version (if any) stays.
#include <SQLiteCpp/Database.h>
#include <filesystem>
#include <optional>
#include <string>
#include <vector>

#include "cache/cache_writer.hpp"
#include "cache/collection.hpp"
#include "cache/result.hpp"

namespace feed {

struct ImportOptions {
    std::optional<cache::Collection> collection; // overrides the file's own
    bool strict = false; // any bad record rejects the whole file
};

struct ImportReport {
    cache::Collection collection = cache::Collection::Entities;
    cache::ImportStats stats;
    std::vector<std::string> problems; // "entities/ent-7: nip: NIP checksum does not match"
};

cache::Result<ImportReport> importGeoJsonFile(SQLite::Database& db, const std::filesystem::path& path,
                                              const ImportOptions& options = {});

} // namespace feed
