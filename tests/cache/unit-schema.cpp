// Schema version, forward migrations, and opening the cache for writing
// (sync) and read-only (kiosk), on real files.
#include "cache/schema.hpp"
#include "cache/searcher.hpp"

#include <doctest/doctest.h>

#include <SQLiteCpp/Database.h>
#include <string>

#include "cache/cache_db.hpp"
#include "test_support.hpp"

using pestor_test::TempDir;

namespace {

bool contains(const std::string& haystack, std::string_view needle) {
    return haystack.find(needle) != std::string::npos;
}

bool tableExists(SQLite::Database& db, const std::string& name) {
    SQLite::Statement q(db, "SELECT count(*) FROM sqlite_master WHERE name = ?");
    q.bind(1, name);
    q.executeStep();
    return q.getColumn(0).getInt() == 1;
}

void setUserVersion(const std::filesystem::path& path, int version) {
    SQLite::Database db(path.string(), SQLite::OPEN_READWRITE | SQLite::OPEN_CREATE);
    db.exec("PRAGMA user_version = " + std::to_string(version));
}

} // namespace

TEST_CASE("a fresh database migrates to kSchemaVersion with every table") {
    TempDir dir;
    SQLite::Database db((dir / "cache.sqlite").string(), SQLite::OPEN_READWRITE | SQLite::OPEN_CREATE);
    CHECK(cache::schemaVersion(db) == 0);
    const auto m = cache::migrate(db);
    REQUIRE_MESSAGE(m.ok(), (m.ok() ? "" : m.error().message));
    CHECK(cache::schemaVersion(db) == cache::kSchemaVersion);
    for (const char* table : {"records", "search_entities", "search_offers", "search_indicators", "import_log", "sync_state", "media"}) {
        CAPTURE(table);
        CHECK(tableExists(db, table));
    }
    // Migrating an up-to-date file is a no-op.
    CHECK(cache::migrate(db).ok());
    CHECK(cache::schemaVersion(db) == cache::kSchemaVersion);
}

TEST_CASE("an existing empty (0-byte) file is migrated by openCacheForWriting") {
    TempDir dir;
    const auto path = dir / "cache.sqlite";
    pestor_test::writeFile(path, "");
    REQUIRE(std::filesystem::file_size(path) == 0);
    auto db = pestor_test::openWriter(path);
    CHECK(cache::schemaVersion(*db) == cache::kSchemaVersion);
    CHECK(tableExists(*db, "records"));
}

TEST_CASE("step-by-step migration keeps data written at version 1") {
    TempDir dir;
    SQLite::Database db((dir / "cache.sqlite").string(), SQLite::OPEN_READWRITE | SQLite::OPEN_CREATE);
    REQUIRE(cache::migrate(db, 1).ok());
    CHECK(cache::schemaVersion(db) == 1);
    CHECK(tableExists(db, "records"));
    CHECK_FALSE(tableExists(db, "sync_state"));
    // A record as version 1 stored it (canonical props), and its v1 index row.
    const std::string props = R"({"id":"ent-1","status":"active","updated_at":"2024-05-01T10:00:00+02:00",)"
                              R"("name":"Fundacja Żółw","legal_form":"fundacja","address":"ul. Szeroka 1",)"
                              R"("district":"stare_miasto"})";
    db.exec("INSERT INTO records(collection, id, status, updated_at, lon, lat, props) "
            "VALUES('entities', 'ent-1', 'active', '2024-05-01T10:00:00+02:00', 18.6, 53.0, '" + props + "')");
    db.exec("INSERT INTO record_search(rowid, collection, title, body) VALUES(1, 'entities', 'fundacja zolw', '')");
    db.exec("INSERT INTO import_log VALUES('2024-05-01T08:00:00Z', 'entities', 'entities.geojson', 1, 0, 0, 0)");

    REQUIRE(cache::migrate(db).ok());
    CHECK(cache::schemaVersion(db) == cache::kSchemaVersion);
    CHECK(tableExists(db, "sync_state"));
    CHECK(pestor_test::dumpQuery(db, "SELECT collection, id, props FROM records") ==
          "entities\x1F" "ent-1\x1F" + props + "\x1F\n");
    // Version 3 rebuilt the index from the records, one table per collection.
    CHECK(db.execAndGet("SELECT count(*) FROM search_entities WHERE search_entities MATCH 'zolw'").getInt() == 1);
    cache::Searcher searcher(db);
    const auto found = searcher.search("żółw");
    REQUIRE(found.ok());
    REQUIRE(found->groups.size() == 1);
    CHECK(found->groups[0].hits.at(0).id == "ent-1");
    CHECK(db.execAndGet("SELECT count(*) FROM import_log").getInt() == 1);
}

TEST_CASE("a file from a newer program is refused, not guessed at") {
    TempDir dir;
    const auto path = dir / "cache.sqlite";
    setUserVersion(path, cache::kSchemaVersion + 1);

    SQLite::Database db(path.string(), SQLite::OPEN_READWRITE);
    const auto m = cache::migrate(db);
    REQUIRE_FALSE(m.ok());
    CHECK(contains(m.error().message, "newer"));
    CHECK(contains(m.error().message, std::to_string(cache::kSchemaVersion + 1)));
    CHECK(cache::schemaVersion(db) == cache::kSchemaVersion + 1);

    auto w = cache::openCacheForWriting(path);
    REQUIRE_FALSE(w.ok());
    CHECK(contains(w.error().message, "newer"));

    auto r = cache::openCacheReadOnly(path);
    REQUIRE_FALSE(r.ok());
    CHECK(contains(r.error().message, "update the kiosk"));
}

TEST_CASE("a failing migration leaves the version where it was") {
    TempDir dir;
    SQLite::Database db((dir / "cache.sqlite").string(), SQLite::OPEN_READWRITE | SQLite::OPEN_CREATE);
    db.exec("CREATE TABLE import_log(x)"); // clashes with migration 1
    const auto m = cache::migrate(db);
    REQUIRE_FALSE(m.ok());
    CHECK(m.error().message.starts_with("cache migration failed: "));
    CHECK(cache::schemaVersion(db) == 0);
    CHECK_FALSE(tableExists(db, "records")); // migration 1 rolled back whole
}

TEST_CASE("openCacheReadOnly on a missing file says what to run and creates nothing") {
    TempDir dir;
    const auto path = dir / "missing.sqlite";
    auto r = cache::openCacheReadOnly(path);
    REQUIRE_FALSE(r.ok());
    CHECK(contains(r.error().message, path.string()));
    CHECK(contains(r.error().message, "run pestor-sync"));
    CHECK_FALSE(std::filesystem::exists(path));
}

TEST_CASE("openCacheReadOnly on an outdated schema says what to run") {
    TempDir dir;
    const auto path = dir / "cache.sqlite";
    {
        SQLite::Database db(path.string(), SQLite::OPEN_READWRITE | SQLite::OPEN_CREATE);
        REQUIRE(cache::migrate(db, 1).ok());
    }
    auto r = cache::openCacheReadOnly(path);
    REQUIRE_FALSE(r.ok());
    CHECK(contains(r.error().message, "schema version 1"));
    CHECK(contains(r.error().message, "run pestor-sync to upgrade it"));

    // What it says to do works: the writer upgrades the file.
    pestor_test::openWriter(path);
    CHECK(cache::openCacheReadOnly(path).ok());
}

TEST_CASE("openCacheReadOnly on a file that is not a database names the file") {
    TempDir dir;
    const auto path = dir / "cache.sqlite";
    pestor_test::writeFile(path, std::string(4096, 'x'));
    auto r = cache::openCacheReadOnly(path);
    REQUIRE_FALSE(r.ok());
    CHECK(contains(r.error().message, path.string()));
    auto w = cache::openCacheForWriting(path);
    REQUIRE_FALSE(w.ok());
    CHECK(contains(w.error().message, path.string()));
}

TEST_CASE("openCacheForWriting turns on WAL with synchronous=NORMAL") {
    TempDir dir;
    const auto path = dir / "cache.sqlite";
    auto db = pestor_test::openWriter(path);
    CHECK(db->execAndGet("PRAGMA journal_mode").getString() == "wal");
    CHECK(db->execAndGet("PRAGMA synchronous").getInt() == 1);
    // WAL is persistent: a second connection sees it too.
    auto reader = pestor_test::openReader(path);
    CHECK(reader->execAndGet("PRAGMA journal_mode").getString() == "wal");
}

TEST_CASE("openCacheReadOnly gives a connection that cannot write") {
    TempDir dir;
    const auto path = dir / "cache.sqlite";
    pestor_test::openWriter(path);
    auto reader = pestor_test::openReader(path);
    CHECK_THROWS_AS(reader->exec("INSERT INTO sync_state VALUES('k', 'v')"), SQLite::Exception);
}
