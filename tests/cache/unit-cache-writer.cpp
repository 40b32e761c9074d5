// replaceCollection: the only code that writes records. Counts, the FTS
// index kept in step, kept-previous records, and one transaction per call.
#include "cache/cache_writer.hpp"

#include <doctest/doctest.h>
#include <sqlite3.h>

#include <string>

#include "cache/catalog.hpp"
#include "cache/searcher.hpp"
#include "test_support.hpp"

using nlohmann::json;
using pestor_test::TempDir;
using C = cache::Collection;

namespace {

std::vector<cache::Record> fixtureRecords(std::string_view file) {
    const auto path = pestor_test::fixture(file);
    return pestor_test::decodeAll(*cache::parseCollection(path.stem().string()), pestor_test::readJson(path));
}

cache::ImportStats replaced(SQLite::Database& db, C c, const std::vector<cache::Record>& records,
                            const std::set<std::string>& keep = {}, int rejected = 0) {
    auto s = cache::replaceCollection(db, c, records, keep, rejected, "test");
    REQUIRE_MESSAGE(s.ok(), (s.ok() ? "" : s.error().message));
    return *s;
}

std::vector<std::string> hitIds(SQLite::Database& db, std::string_view query) {
    cache::Searcher searcher(db);
    auto r = searcher.search(query);
    REQUIRE_MESSAGE(r.ok(), (r.ok() ? "" : r.error().message));
    std::vector<std::string> ids;
    for (const auto& g : r->groups)
        for (const auto& h : g.hits) ids.push_back(h.id);
    return ids;
}

int commitHook(void* counter) {
    ++*static_cast<int*>(counter);
    return 0;
}

} // namespace

TEST_CASE("replaceCollection counts added, unchanged, updated and removed") {
    TempDir dir;
    auto db = pestor_test::openWriter(dir / "cache.sqlite");
    auto records = fixtureRecords("entities.geojson");
    const int n = static_cast<int>(records.size());

    auto s = replaced(*db, C::Entities, records);
    CHECK(s.added == n);
    CHECK(s.updated + s.unchanged + s.removed + s.rejected + s.keptOld == 0);

    s = replaced(*db, C::Entities, records);
    CHECK(s.unchanged == n);
    CHECK(s.added + s.updated + s.removed == 0);

    records[0].values[*cache::fieldIndex(records[0].spec(), "short_name")] = std::string("Żółw");
    records.pop_back();
    s = replaced(*db, C::Entities, records);
    CHECK(s.updated == 1);
    CHECK(s.unchanged == n - 2);
    CHECK(s.removed == 1);
    CHECK(db->execAndGet("SELECT count(*) FROM records").getInt() == n - 1);
    CHECK(db->execAndGet("SELECT count(*) FROM search_entities").getInt() == n - 1);
}

TEST_CASE("replaceCollection touches only its own collection") {
    TempDir dir;
    auto db = pestor_test::openWriter(dir / "cache.sqlite");
    replaced(*db, C::Entities, fixtureRecords("entities.geojson"));
    replaced(*db, C::Offers, fixtureRecords("offers.geojson"));
    const auto s = replaced(*db, C::Offers, {});
    CHECK(s.removed == 2);
    CHECK(db->execAndGet("SELECT count(*) FROM records WHERE collection = 'entities'").getInt() == 6);
    CHECK(db->execAndGet("SELECT count(*) FROM records WHERE collection = 'offers'").getInt() == 0);
}

TEST_CASE("the search index follows updates and removals") {
    TempDir dir;
    auto db = pestor_test::openWriter(dir / "cache.sqlite");
    auto records = fixtureRecords("entities.geojson");
    replaced(*db, C::Entities, records);
    CHECK(hitIds(*db, "promyk") == std::vector<std::string>{"ent-wtz"});

    auto& wtz = records[4];
    REQUIRE(wtz.id == "ent-wtz");
    wtz.values[*cache::fieldIndex(wtz.spec(), "name")] = cache::LocalText{"Warsztat Terapii Zajęciowej „Słonecznik”", "", ""};
    replaced(*db, C::Entities, records);
    CHECK(hitIds(*db, "promyk").empty());
    CHECK(hitIds(*db, "slonecznik") == std::vector<std::string>{"ent-wtz"});

    records.erase(records.begin() + 4);
    replaced(*db, C::Entities, records);
    CHECK(hitIds(*db, "slonecznik").empty());
    CHECK(db->execAndGet("SELECT count(*) FROM search_entities").getInt() ==
          db->execAndGet("SELECT count(*) FROM records").getInt());
}

TEST_CASE("a moved point is an update: the cache gets the new coordinates") {
    TempDir dir;
    auto db = pestor_test::openWriter(dir / "cache.sqlite");
    auto records = fixtureRecords("entities.geojson");
    replaced(*db, C::Entities, records);

    REQUIRE(records[0].point.has_value());
    records[0].point = cache::GeoPoint{18.6000, 53.0000}; // only the location changed
    const auto s = replaced(*db, C::Entities, records);
    CHECK(s.updated == 1);
    SQLite::Statement q(*db, "SELECT lon, lat FROM records WHERE id = ?");
    q.bind(1, records[0].id);
    REQUIRE(q.executeStep());
    CHECK(q.getColumn(0).getDouble() == doctest::Approx(18.6));
    CHECK(q.getColumn(1).getDouble() == doctest::Approx(53.0));
}

TEST_CASE("keepExisting keeps the previous good version of an invalid record") {
    TempDir dir;
    auto db = pestor_test::openWriter(dir / "cache.sqlite");
    auto records = fixtureRecords("entities.geojson");
    replaced(*db, C::Entities, records);
    const std::string before = pestor_test::dumpQuery(*db, "SELECT props FROM records WHERE id = 'ent-zolw'");

    std::vector<cache::Record> rest(records.begin() + 1, records.end()); // ent-zolw came in invalid
    const auto s = replaced(*db, C::Entities, rest, {"ent-zolw", "ent-never-seen"}, 2);
    CHECK(s.keptOld == 1);
    CHECK(s.removed == 0);
    CHECK(s.rejected == 2);
    CHECK(pestor_test::dumpQuery(*db, "SELECT props FROM records WHERE id = 'ent-zolw'") == before);
    CHECK(db->execAndGet("SELECT rejected FROM import_log ORDER BY rowid DESC LIMIT 1").getInt() == 2);
}

TEST_CASE("replaceCollection is one transaction: one commit, or nothing on failure") {
    TempDir dir;
    auto db = pestor_test::openWriter(dir / "cache.sqlite");
    int commits = 0;
    sqlite3_commit_hook(db->getHandle(), commitHook, &commits);
    replaced(*db, C::Entities, fixtureRecords("entities.geojson"));
    CHECK(commits == 1);
    CHECK(db->execAndGet("SELECT count(*) FROM import_log").getInt() == 1);

    // A failure half-way (a trigger refusing the 2nd insert) rolls back the first.
    sqlite3_commit_hook(db->getHandle(), nullptr, nullptr);
    db->exec("CREATE TRIGGER refuse BEFORE INSERT ON records WHEN NEW.id = 'off-rejsy' "
             "BEGIN SELECT RAISE(ABORT, 'refused by test trigger'); END");
    const std::string before = pestor_test::dumpRecords(*db);
    commits = 0;
    sqlite3_commit_hook(db->getHandle(), commitHook, &commits);
    auto s = cache::replaceCollection(*db, C::Offers, fixtureRecords("offers.geojson"), {}, 0, "offers.geojson");
    sqlite3_commit_hook(db->getHandle(), nullptr, nullptr);
    REQUIRE_FALSE(s.ok());
    CHECK(s.error().message.starts_with("writing offers to the cache failed (nothing was changed): "));
    CHECK(s.error().message.find("refused by test trigger") != std::string::npos);
    CHECK(commits == 0);
    CHECK(pestor_test::dumpRecords(*db) == before);
    CHECK(db->execAndGet("SELECT count(*) FROM search_offers").getInt() == 0);
    CHECK(db->execAndGet("SELECT count(*) FROM import_log").getInt() == 1);
    CHECK(sqlite3_get_autocommit(db->getHandle()) != 0); // no transaction left open
}

TEST_CASE("import_log gets one row per call with the counts") {
    TempDir dir;
    auto db = pestor_test::openWriter(dir / "cache.sqlite");
    replaced(*db, C::Entities, fixtureRecords("entities.geojson"));
    replaced(*db, C::Entities, fixtureRecords("entities.geojson"));
    CHECK(pestor_test::dumpQuery(*db, "SELECT collection, source, added, updated, removed, rejected FROM import_log "
                                      "ORDER BY rowid") ==
          "entities\x1Ftest\x1F" "6\x1F" "0\x1F" "0\x1F" "0\x1F\n"
          "entities\x1Ftest\x1F" "0\x1F" "0\x1F" "0\x1F" "0\x1F\n");
    const std::string at = db->execAndGet("SELECT at FROM import_log LIMIT 1").getString();
    CHECK(at.size() == 20);
    CHECK(at.back() == 'Z');
}

TEST_CASE("import_log keeps only the newest kImportLogRows rows (a daemon applying feeds for years stays flat)") {
    TempDir dir;
    auto db = pestor_test::openWriter(dir / "cache.sqlite");
    const auto records = fixtureRecords("entities.geojson");
    // Each call is its own transaction, as each sync of a long-lived daemon is.
    for (int i = 0; i < cache::kImportLogRows + 30; ++i) {
        auto s = cache::replaceCollection(*db, C::Entities, records, {}, 0, "call " + std::to_string(i));
        REQUIRE(s.ok());
    }
    CHECK(db->execAndGet("SELECT count(*) FROM import_log").getInt() == cache::kImportLogRows);
    CHECK(db->execAndGet("SELECT source FROM import_log ORDER BY rowid DESC LIMIT 1").getString() ==
          "call " + std::to_string(cache::kImportLogRows + 29));
    CHECK(db->execAndGet("SELECT source FROM import_log ORDER BY rowid LIMIT 1").getString() == "call 30");
}
