#pragma once
// The cache's SQLite schema: a version number (PRAGMA user_version) and a
// list of forward migrations, each applied in its own transaction.
#include <SQLiteCpp/Database.h>

#include "result.hpp"

namespace cache {

inline constexpr int kSchemaVersion = 4;

int schemaVersion(SQLite::Database& db);
// Migrates up to `target` (default: the newest). A file from a newer
// program is refused rather than guessed at.
Result<void> migrate(SQLite::Database& db, int target = kSchemaVersion);

} // namespace cache
