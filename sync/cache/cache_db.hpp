#pragma once
// Opening the cache. The sync is the only writer; the kiosk opens it
// read-only. WAL lets both run at once.
#include <SQLiteCpp/Database.h>
#include <filesystem>
#include <memory>

#include "result.hpp"

namespace cache {

// Creates the file if needed, turns on WAL, migrates to the current schema.
Result<std::unique_ptr<SQLite::Database>> openCacheForWriting(const std::filesystem::path& path);
// Read-only; refuses a file whose schema is not the current one, with a
// message that says what to run.
Result<std::unique_ptr<SQLite::Database>> openCacheReadOnly(const std::filesystem::path& path);

} // namespace cache
