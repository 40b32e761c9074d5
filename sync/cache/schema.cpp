#include "schema.hpp"

#include <SQLiteCpp/Statement.h>
#include <SQLiteCpp/Transaction.h>
#include <array>
#include <nlohmann/json.hpp>
#include <string>

#include "record_codec.hpp"
#include "search_text.hpp"

namespace cache {
namespace {

// Creates one full-text table per searchable collection and fills them from
// the records: folding happens in C++, so this cannot be done in SQL alone.
void createSearchTables(SQLite::Database& db) {
    for (Collection c : kAllCollections) {
        const std::string_view table = searchTable(c);
        if (table.empty()) continue;
        db.exec("CREATE VIRTUAL TABLE " + std::string(table) +
                " USING fts5(id UNINDEXED, title, body, tokenize = 'unicode61 remove_diacritics 2', "
                "prefix = '1 2 3 4')");
    }
    SQLite::Statement rows(db, "SELECT rowid, collection, id, lon, lat, geometry, props FROM records");
    while (rows.executeStep()) {
        const auto c = parseCollection(rows.getColumn(1).getText());
        if (!c || searchTable(*c).empty()) continue;
        nlohmann::json geometry = nullptr;
        if (!rows.getColumn(3).isNull())
            geometry = {{"type", "Point"}, {"coordinates", {rows.getColumn(3).getDouble(), rows.getColumn(4).getDouble()}}};
        else if (!rows.getColumn(5).isNull())
            geometry = nlohmann::json::parse(rows.getColumn(5).getText(), nullptr, false);
        const auto props = nlohmann::json::parse(rows.getColumn(6).getText(), nullptr, false);
        auto rec = decodeRecord(*c, props, geometry, rows.getColumn(2).getText());
        if (!rec) continue; // unreadable rows stay out of search, as out of the catalog
        const SearchText t = searchTextOf(*rec);
        SQLite::Statement insert(db, "INSERT INTO " + std::string(searchTable(*c)) +
                                         "(rowid, id, title, body) VALUES(?, ?, ?, ?)");
        insert.bind(1, rows.getColumn(0).getInt64());
        insert.bind(2, rec->id);
        insert.bind(3, t.title);
        insert.bind(4, t.body);
        insert.exec();
    }
}

struct Migration {
    const char* sql;
    void (*after)(SQLite::Database&) = nullptr; // a C++ step in the same transaction
};

// Migration N takes the schema from version N-1 to N. Never edit one that
// has shipped: add the next.
constexpr std::array<Migration, kSchemaVersion> kMigrations{
    // 1: records, their full-text index, import log.
    Migration{R"sql(
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
    )sql"},
    // 2: key/value state for the sync (feed sequence, last attempt, errors).
    Migration{R"sql(
    CREATE TABLE sync_state(
        key   TEXT PRIMARY KEY,
        value TEXT NOT NULL
    ) WITHOUT ROWID;
    )sql"},
    // 3: type-ahead in bounded time. One index per collection, so a prefix
    // that is common in a large collection costs nothing in the small ones
    // and each can be read with a LIMIT; a 1-letter prefix index makes the
    // first keystroke a plain doclist read.
    Migration{"DROP TABLE record_search;", &createSearchTables},
    // 4: images the sync normalised, by the SHA-256 records name them with.
    Migration{R"sql(
    CREATE TABLE media(
        sha256 TEXT PRIMARY KEY,
        file   TEXT NOT NULL,
        mime   TEXT NOT NULL,
        width  INTEGER NOT NULL,
        height INTEGER NOT NULL
    ) WITHOUT ROWID;
    )sql"},
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
            db.exec(kMigrations[v - 1].sql);
            if (kMigrations[v - 1].after) kMigrations[v - 1].after(db);
            db.exec("PRAGMA user_version = " + std::to_string(v));
            tx.commit();
        }
        return {};
    } catch (const std::exception& e) {
        return makeError(std::string("cache migration failed: ") + e.what());
    }
}

} // namespace cache
