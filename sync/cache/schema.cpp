#include "schema.hpp"

#include <SQLiteCpp/Transaction.h>
#include <array>
#include <string>

namespace cache {
namespace {

// Migration N takes the schema from version N-1 to N. Never edit one that
// has shipped: add the next.
constexpr std::array<const char*, kSchemaVersion> kMigrations{
    // 1: records, their full-text index, import log.
    R"sql(
    CREATE TABLE records(
        rowid      INTEGER PRIMARY KEY,
        collection TEXT NOT NULL,
        id         TEXT NOT NULL,
        status     TEXT NOT NULL,
        updated_at TEXT NOT NULL,
        lon        REAL,
        lat        REAL,
        geometry   TEXT,
        props      TEXT NOT NULL,
        UNIQUE(collection, id)
    );
    -- Text is folded by the application (ł is not folded by unicode61);
    -- remove_diacritics 2 stays on for scripts the application leaves alone.
    CREATE VIRTUAL TABLE record_search USING fts5(
        collection UNINDEXED, title, body,
        tokenize = 'unicode61 remove_diacritics 2',
        prefix = '2 3 4'
    );
    CREATE TABLE import_log(
        at         TEXT NOT NULL,
        collection TEXT NOT NULL,
        source     TEXT NOT NULL,
        added      INTEGER NOT NULL,
        updated    INTEGER NOT NULL,
        removed    INTEGER NOT NULL,
        rejected   INTEGER NOT NULL
    );
    )sql",
    // 2: key/value state for the sync (feed sequence, last attempt, errors).
    R"sql(
    CREATE TABLE sync_state(
        key   TEXT PRIMARY KEY,
        value TEXT NOT NULL
    ) WITHOUT ROWID;
    )sql",
};

} // namespace

int schemaVersion(SQLite::Database& db) { return db.execAndGet("PRAGMA user_version").getInt(); }

Result<void> migrate(SQLite::Database& db, int target) {
    try {
        const int current = schemaVersion(db);
        if (current > kSchemaVersion)
            return makeError("cache schema version " + std::to_string(current) +
                             " is newer than this program understands (" +
                             std::to_string(kSchemaVersion) + "); update PES-TOR Kiosk");
        for (int v = current + 1; v <= target; ++v) {
            SQLite::Transaction tx(db);
            db.exec(kMigrations[v - 1]);
            db.exec("PRAGMA user_version = " + std::to_string(v));
            tx.commit();
        }
        return {};
    } catch (const std::exception& e) {
        return makeError(std::string("cache migration failed: ") + e.what());
    }
}

} // namespace cache
