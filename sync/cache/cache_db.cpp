#include "cache_db.hpp"

#include <sqlite3.h>

#include "schema.hpp"

namespace cache {

Result<std::unique_ptr<SQLite::Database>> openCacheForWriting(const std::filesystem::path& path) {
    try {
        auto db = std::make_unique<SQLite::Database>(path.string(),
                                                     SQLite::OPEN_READWRITE | SQLite::OPEN_CREATE);
        db->setBusyTimeout(5000);
        db->exec("PRAGMA journal_mode = WAL");
        // A re-fetchable cache: WAL + NORMAL is consistent after power loss
        // (the last commit may roll back, never corrupt).
        db->exec("PRAGMA synchronous = NORMAL");
        // The kiosk runs as another user who may read the cache but write
        // nothing beside it (systemd/README.md). A read-only WAL reader can
        // open the file only while -wal and -shm exist, as it cannot create
        // them, so the writer keeps them when it closes instead of deleting
        // them; SQLite (>= 3.22) reads through a -shm it cannot write. The
        // last connection to close checkpoints and truncates the -wal (the
        // size limit), so a reader with no writer around replays nothing.
        int persist = 1;
        sqlite3_file_control(db->getHandle(), "main", SQLITE_FCNTL_PERSIST_WAL, &persist);
        db->exec("PRAGMA journal_size_limit = 16777216");
        if (auto m = migrate(*db); !m) return m.error();
        return db;
    } catch (const std::exception& e) {
        return makeError("cannot open cache " + path.string() + " for writing: " + e.what());
    }
}

Result<std::unique_ptr<SQLite::Database>> openCacheReadOnly(const std::filesystem::path& path) {
    std::error_code ec;
    if (!std::filesystem::exists(path, ec))
        return makeError("cache " + path.string() + " does not exist yet (run pestor-sync first)");
    try {
        auto db = std::make_unique<SQLite::Database>(path.string(), SQLite::OPEN_READONLY);
        db->setBusyTimeout(2000);
        const int v = schemaVersion(*db);
        if (v != kSchemaVersion)
            return makeError("cache " + path.string() + " has schema version " + std::to_string(v) +
                             ", this kiosk reads version " + std::to_string(kSchemaVersion) +
                             (v < kSchemaVersion ? " (run pestor-sync to upgrade it)"
                                                 : " (update the kiosk)"));
        return db;
    } catch (const std::exception& e) {
        return makeError("cannot open cache " + path.string() + " read-only: " + e.what());
    }
}

} // namespace cache
