// importGeoJsonFile: one file into the cache in one transaction. Good records
// are written, bad ones reported (collection/id: field: reason) and never
// written, and a file that cannot be read leaves the cache byte-for-byte as it was.
#include "cache/search_text.hpp"
#include "feed/importer.hpp"

#include <doctest/doctest.h>
#include <sqlite3.h>

#include <string>

#include "cache/catalog.hpp"
#include "cache/searcher.hpp"
#include "test_support.hpp"

using nlohmann::json;
using pestor_test::fixture;
using C = cache::Collection;

namespace {

int countCommit(void* counter) {
    ++*static_cast<int*>(counter);
    return 0;
}

struct ImportFixture {
    pestor_test::TempDir dir;
    std::filesystem::path cachePath = dir / "cache.sqlite";
    std::unique_ptr<SQLite::Database> db = pestor_test::openWriter(cachePath);
    int commits = 0;

    ImportFixture() {
        std::filesystem::create_directory(dir / "feed");
        sqlite3_commit_hook(db->getHandle(), countCommit, &commits);
    }
    ~ImportFixture() { sqlite3_commit_hook(db->getHandle(), nullptr, nullptr); }

    feed::ImportReport imported(const std::filesystem::path& path, feed::ImportOptions options = {}) {
        auto r = feed::importGeoJsonFile(*db, path, options);
        REQUIRE_MESSAGE(r.ok(), (r.ok() ? "" : r.error().message));
        return std::move(r).value();
    }

    std::string rejected(const std::filesystem::path& path, feed::ImportOptions options = {}) {
        auto r = feed::importGeoJsonFile(*db, path, options);
        REQUIRE_MESSAGE(!r.ok(), path << " was imported");
        return r.error().message;
    }

    // A variant of a fixture written to feed/<name>.
    std::filesystem::path variant(const json& doc, std::string_view name = "entities.geojson") {
        const auto path = dir / "feed" / name;
        pestor_test::writeJson(path, doc);
        return path;
    }

    std::string records() { return pestor_test::dumpRecords(*db); }
    std::string cacheContent() {
        return pestor_test::dumpRecords(*db) + pestor_test::dumpQuery(*db, "SELECT * FROM import_log ORDER BY rowid") +
               searchContent();
    }
    // Every per-collection full-text table, so "unchanged" covers the index too.
    std::string searchContent() {
        std::string out;
        for (auto c : cache::kAllCollections)
            if (const auto table = cache::searchTable(c); !table.empty())
                out += pestor_test::dumpQuery(*db, "SELECT rowid, id, title, body FROM " + std::string(table) + " ORDER BY rowid");
        return out;
    }
    std::string row(std::string_view id) {
        return pestor_test::dumpQuery(*db, "SELECT status, updated_at, lon, lat, props FROM records WHERE id = '" +
                                               std::string(id) + "'");
    }
    int count(const std::string& where = "1") {
        return db->execAndGet("SELECT count(*) FROM records WHERE " + where).getInt();
    }
    int importLogRows() { return db->execAndGet("SELECT count(*) FROM import_log").getInt(); }

    std::vector<std::string> searchIds(std::string_view q) {
        cache::Searcher searcher(*db);
        auto r = searcher.search(q);
        REQUIRE(r.ok());
        std::vector<std::string> ids;
        for (const auto& g : r->groups)
            for (const auto& h : g.hits) ids.push_back(h.id);
        return ids;
    }
};

json entitiesDoc() { return pestor_test::readJson(fixture("entities.geojson")); }

json& props(json& doc, std::string_view id) { return doc["features"][pestor_test::featureIndex(doc, id)]["properties"]; }

bool contains(const std::string& haystack, std::string_view needle) {
    return haystack.find(needle) != std::string::npos;
}

} // namespace

TEST_CASE_FIXTURE(ImportFixture, "a QGIS-style file imports whole") {
    const auto report = imported(fixture("entities.geojson"));
    CHECK(report.collection == C::Entities);
    CHECK(report.problems.empty());
    CHECK(report.stats.added == 6);
    CHECK(report.stats.updated + report.stats.unchanged + report.stats.removed + report.stats.rejected == 0);
    CHECK(count() == 6);
    CHECK(commits == 1);
    CHECK(pestor_test::dumpQuery(*db, "SELECT collection, source, added, updated, removed, rejected FROM import_log") ==
          "entities\x1F" "entities.geojson\x1F" "6\x1F" "0\x1F" "0\x1F" "0\x1F\n");

    // Lenient forms were normalised on the way in.
    auto cat = cache::Catalog::load(*db);
    REQUIRE(cat.ok());
    const cache::Record* lodz = (*cat)->find(C::Entities, "ent-lodz");
    REQUIRE(lodz != nullptr);
    CHECK(lodz->updatedAt == "2024-04-12T09:30:00+00:00");
    CHECK(lodz->point->lon == doctest::Approx(18.6001)); // 3-D position, bbox members
    CHECK(lodz->text("email") == nullptr);               // "" is absent
    CHECK(lodz->flag("accessible_toilet") == false);     // "0"
    CHECK(*lodz->text("krs") == "0000654321");
    const cache::Record* kgw = (*cat)->find(C::Entities, "ent-kgw");
    REQUIRE(kgw != nullptr);
    CHECK(*kgw->text("district") == "grebocin"); // "Grębocin nad Strugą"
}

TEST_CASE_FIXTURE(ImportFixture, "re-importing the same file is all unchanged and rewrites nothing") {
    imported(fixture("entities.geojson"));
    const std::string before = records();
    const auto report = imported(fixture("entities.geojson"));
    CHECK(report.stats.unchanged == 6);
    CHECK(report.stats.added + report.stats.updated + report.stats.removed == 0);
    CHECK(records() == before);
    CHECK(importLogRows() == 2);
}

TEST_CASE_FIXTURE(ImportFixture, "a changed record is updated, the others unchanged") {
    imported(fixture("entities.geojson"));
    json doc = entitiesDoc();
    props(doc, "ent-wtz")["phone"] = "56 699 00 00";
    props(doc, "ent-wtz")["updated_at"] = "2024-07-01T12:00:00+02:00";
    const auto report = imported(variant(doc));
    CHECK(report.stats.updated == 1);
    CHECK(report.stats.unchanged == 5);
    CHECK(report.stats.added + report.stats.removed == 0);
    CHECK(contains(row("ent-wtz"), "56 699 00 00"));
    CHECK(contains(row("ent-wtz"), "2024-07-01T12:00:00+02:00"));
}

TEST_CASE_FIXTURE(ImportFixture, "a record removed from the file is removed and disappears from search") {
    imported(fixture("entities.geojson"));
    CHECK(searchIds("lodz") == std::vector<std::string>{"ent-lodz"});
    json doc = entitiesDoc();
    doc["features"].erase(pestor_test::featureIndex(doc, "ent-lodz"));
    const auto report = imported(variant(doc));
    CHECK(report.stats.removed == 1);
    CHECK(report.stats.unchanged == 5);
    CHECK(count("id = 'ent-lodz'") == 0);
    CHECK(searchIds("lodz").empty());
    CHECK(searchIds("przystan").empty());
}

TEST_CASE_FIXTURE(ImportFixture, "files that cannot be read are rejected whole and the cache is unchanged") {
    imported(fixture("entities.geojson"));
    imported(fixture("offers.geojson"));
    const std::string before = cacheContent();
    const auto walPath = std::filesystem::path(cachePath.string() + "-wal");
    const auto beforeFile = pestor_test::readFile(cachePath);
    const auto beforeWal = pestor_test::readFile(walPath);

    json bad = entitiesDoc();
    bad.erase("crs");
    const auto unnamed = variant(bad, "export.geojson");

    struct Case {
        std::filesystem::path path;
        std::string_view reason;
    };
    const Case cases[] = {
        {fixture("truncated.geojson"), ": not valid JSON ("},
        {fixture("single-feature.geojson"), ": not a GeoJSON FeatureCollection"},
        {fixture("unknown-collection.geojson"), ": unknown collection \"entitys\""},
        {fixture("puwg1992.geojson"), ": coordinates are in urn:ogc:def:crs:EPSG::2180; export as WGS 84"},
        {unnamed, ": cannot tell which collection this is"},
        {dir / "feed" / "entities-missing.geojson", ": cannot open"},
    };
    commits = 0;
    for (const auto& c : cases) {
        CAPTURE(c.path);
        const std::string e = rejected(c.path);
        CHECK(e.starts_with(c.path.string()));
        CHECK(contains(e, c.reason));
        CHECK(cacheContent() == before);
    }
    CHECK(commits == 0);
    CHECK(importLogRows() == 2);
    CHECK(count("id IN ('ent-x', 'ent-solo', 'ent-typo', 'ent-puwg')") == 0);
    CHECK(pestor_test::readFile(cachePath) == beforeFile);
    CHECK(pestor_test::readFile(walPath) == beforeWal);
}

TEST_CASE_FIXTURE(ImportFixture, "bad records are reported with collection, id and reason; good ones are written") {
    const auto report = imported(fixture("entities-with-bad-records.geojson"));
    CHECK(report.collection == C::Entities); // from the "collection" member
    CHECK(report.problems ==
          std::vector<std::string>{
              "entities/ent-bad-nip: nip: NIP checksum does not match (feature #2)",
              "entities/ent-swapped: geometry: position [53.02010, 18.62010] is outside the service area (Toruń); "
              "is it [latitude, longitude] instead of [longitude, latitude]? (feature #3)"});
    CHECK(report.stats.added == 2);
    CHECK(report.stats.rejected == 2);
    CHECK(report.stats.keptOld == 0);
    CHECK(count("id IN ('ent-good-1', 'ent-good-2')") == 2);
    CHECK(count("id IN ('ent-bad-nip', 'ent-swapped')") == 0);
    CHECK(searchIds("zla suma").empty());
    CHECK(db->execAndGet("SELECT rejected FROM import_log").getInt() == 2);
}

TEST_CASE_FIXTURE(ImportFixture, "a bad record whose id exists keeps its previous good version") {
    imported(fixture("entities.geojson"));
    const std::string good = row("ent-zolw");
    json doc = entitiesDoc();
    props(doc, "ent-zolw")["nip"] = "123-456-32-19";
    props(doc, "ent-zolw")["name"] = "Nowa nazwa, która nie przeszła walidacji";
    const auto report = imported(variant(doc));
    CHECK(report.stats.keptOld == 1);
    CHECK(report.stats.removed == 0);
    CHECK(report.stats.unchanged == 5);
    CHECK(report.stats.rejected == 1);
    REQUIRE(report.problems.size() == 1);
    CHECK(report.problems[0] == "entities/ent-zolw: nip: NIP checksum does not match (feature #1)");
    CHECK(row("ent-zolw") == good);
    CHECK(searchIds("zolw") == std::vector<std::string>{"ent-zolw"});
    CHECK(searchIds("walidacji").empty());

    // Once it is fixed in the feed, the new version replaces it.
    props(doc, "ent-zolw")["nip"] = "123-456-32-18";
    CHECK(imported(variant(doc)).stats.updated == 1);
    CHECK(searchIds("walidacji") == std::vector<std::string>{"ent-zolw"});
}

TEST_CASE_FIXTURE(ImportFixture, "a bad record with a numeric properties.id keeps its previous version too") {
    // QGIS often exports an integer id column; decodeRecord accepts it as "7".
    json doc = entitiesDoc();
    props(doc, "ent-kgw")["id"] = 7;
    imported(variant(doc));
    REQUIRE(count("id = '7'") == 1);
    const std::string good = row("7");
    for (auto& f : doc["features"])
        if (f["properties"]["id"] == 7) f["properties"]["regon"] = "123456784"; // bad checksum
    const auto report = imported(variant(doc));
    CHECK(report.stats.rejected == 1);
    CHECK(report.stats.keptOld == 1);
    CHECK(report.stats.removed == 0);
    CHECK(row("7") == good);
}

TEST_CASE_FIXTURE(ImportFixture, "strict mode rejects the whole file for one bad record") {
    imported(fixture("entities.geojson"));
    const std::string before = cacheContent();
    json doc = entitiesDoc();
    props(doc, "ent-fund")["legal_form"] = "fundacjaa";
    props(doc, "ent-wtz")["phone"] = "12";
    feed::ImportOptions strict;
    strict.strict = true;
    commits = 0;
    const std::string e = rejected(variant(doc), strict);
    CHECK(e.starts_with((dir / "feed" / "entities.geojson").string() + ": 2 invalid record(s), nothing imported (strict mode); first: entities/ent-fund: legal_form: unknown value 'fundacjaa'"));
    CHECK(cacheContent() == before);
    CHECK(commits == 0);

    // A clean file goes through in strict mode.
    CHECK(imported(fixture("offers.geojson"), strict).stats.added == 2);
}

TEST_CASE_FIXTURE(ImportFixture, "duplicate ids are reported and the first one is kept") {
    json doc = entitiesDoc();
    json copy = doc["features"][pestor_test::featureIndex(doc, "ent-zolw")];
    copy["properties"]["name"] = "Drugi Żółw";
    doc["features"].push_back(copy);
    const auto report = imported(variant(doc));
    CHECK(report.problems ==
          std::vector<std::string>{"entities/ent-zolw: id: duplicate in this file (feature #7), the first one is kept"});
    CHECK(report.stats.added == 6);
    CHECK(report.stats.rejected == 1);
    CHECK(contains(row("ent-zolw"), "Spółdzielnia Socjalna „Żółw”"));
    CHECK_FALSE(contains(row("ent-zolw"), "Drugi"));
}

TEST_CASE_FIXTURE(ImportFixture, "features that are not Features are reported by position") {
    json doc = entitiesDoc();
    doc["features"].insert(doc["features"].begin() + 1, json{{"type", "Point"}, {"coordinates", {18.6, 53.0}}});
    const auto report = imported(variant(doc));
    CHECK(report.problems == std::vector<std::string>{"feature #2: not a GeoJSON Feature"});
    CHECK(report.stats.added == 6);
    CHECK(report.stats.rejected == 1);
}

TEST_CASE_FIXTURE(ImportFixture, "the import is one transaction: a reader sees nothing new or everything") {
    imported(fixture("offers.geojson"));
    auto reader = pestor_test::openReader(cachePath);
    auto before = cache::Catalog::load(*reader);
    REQUIRE(before.ok());
    CHECK((*before)->size(C::Entities) == 0);

    // A reader inside a read transaction keeps its snapshot through the import.
    reader->exec("BEGIN");
    CHECK(reader->execAndGet("SELECT count(*) FROM records WHERE collection = 'entities'").getInt() == 0);
    commits = 0;
    imported(fixture("entities.geojson"));
    CHECK(commits == 1);
    CHECK(reader->execAndGet("SELECT count(*) FROM records WHERE collection = 'entities'").getInt() == 0);
    reader->exec("COMMIT");

    auto after = cache::Catalog::load(*reader);
    REQUIRE(after.ok());
    CHECK((*after)->size(C::Entities) == 6);
    CHECK((*after)->size(C::Offers) == 2);
    CHECK((*after)->dataVersion() != (*before)->dataVersion());
    CHECK(importLogRows() == 2);
    imported(fixture("entities.geojson"));
    CHECK(importLogRows() == 3);
}

TEST_CASE_FIXTURE(ImportFixture, "ImportOptions::collection overrides the file's own") {
    const auto path = variant(pestor_test::readJson(fixture("offers.geojson")), "export.geojson");
    feed::ImportOptions options;
    options.collection = C::Offers;
    const auto report = imported(path, options);
    CHECK(report.collection == C::Offers);
    CHECK(report.stats.added == 2);
    CHECK(count("collection = 'offers'") == 2);
}

TEST_CASE_FIXTURE(ImportFixture, "every fixture collection imports cleanly") {
    for (auto name : pestor_test::kAllFixtures) {
        CAPTURE(name);
        const auto report = imported(fixture(name));
        CHECK(report.problems.empty());
        CHECK(report.stats.added > 0);
    }
    CHECK(count() == 6 + 2 + 1 + 2 + 1 + 1 + 1 + 2 + 1 + 4);
    CHECK(count("collection = 'basemap' AND geometry IS NOT NULL") == 2); // LineString + Polygon
}
