// The immutable Catalog snapshot: Polish order, lookup by id, and
// PRAGMA data_version to notice new data from the writer.
#include "cache/catalog.hpp"

#include <doctest/doctest.h>
#include <sqlite3.h>

#include <string>
#include <vector>

#include "test_support.hpp"

using nlohmann::json;
using C = cache::Collection;

namespace {

struct CatalogFixture {
    pestor_test::TempDir dir;
    std::unique_ptr<SQLite::Database> writer = pestor_test::openWriter(dir / "cache.sqlite");
    std::unique_ptr<SQLite::Database> reader = pestor_test::openReader(dir / "cache.sqlite");

    std::shared_ptr<const cache::Catalog> load() {
        auto c = cache::Catalog::load(*reader);
        REQUIRE_MESSAGE(c.ok(), (c.ok() ? "" : c.error().message));
        return *c;
    }

    void writeEntities(const std::vector<std::pair<std::string, std::string>>& idAndUpdatedAt,
                       std::string_view namePrefix = "") {
        std::vector<cache::Record> records;
        for (const auto& [name, updatedAt] : idAndUpdatedAt) {
            const json props{{"id", "e-" + std::to_string(records.size())},
                             {"status", "active"},
                             {"updated_at", updatedAt},
                             {"name", std::string(namePrefix) + name},
                             {"legal_form", "fundacja"},
                             {"address", "ul. Długa 1, 87-100 Toruń"},
                             {"district", "stare_miasto"}};
            auto r = cache::decodeRecord(C::Entities, props,
                                         json{{"type", "Point"}, {"coordinates", {18.6, 53.01}}}, "");
            REQUIRE_MESSAGE(r.ok(), (r.ok() ? "" : r.error().message));
            records.push_back(std::move(r).value());
        }
        REQUIRE(cache::replaceCollection(*writer, C::Entities, records, {}, 0, "test").ok());
    }

    static std::vector<std::string> titles(const cache::Catalog& cat, C c) {
        std::vector<std::string> out;
        for (const auto& r : cat.records(c)) out.push_back(r.title(cache::Lang::Pl));
        return out;
    }
};

constexpr const char* kWhen = "2024-05-01T10:00:00+02:00";

} // namespace

TEST_CASE_FIXTURE(CatalogFixture, "an empty cache gives an empty catalog") {
    const auto cat = load();
    for (C c : cache::kAllCollections) CHECK(cat->size(c) == 0);
    CHECK(cat->newestUpdate().empty());
    CHECK(cat->skippedRecords() == 0);
}

TEST_CASE_FIXTURE(CatalogFixture, "records are sorted in Polish alphabetical order of their title") {
    writeEntities({{"Żaba", kWhen}, {"Mak", kWhen}, {"ćma", kWhen}, {"Łąka", kWhen}, {"Zebra", kWhen},
                   {"dom", kWhen}, {"Źrebię", kWhen}, {"cyrk", kWhen}, {"Lzy", kWhen}, {"Ósemka", kWhen},
                   {"Orzeł", kWhen}, {"Ąbc", kWhen}, {"Ala", kWhen}});
    const auto cat = load();
    CHECK(titles(*cat, C::Entities) == std::vector<std::string>{"Ala", "Ąbc", "cyrk", "ćma", "dom", "Lzy", "Łąka",
                                                               "Mak", "Orzeł", "Ósemka", "Zebra", "Źrebię", "Żaba"});
}

TEST_CASE_FIXTURE(CatalogFixture, "fixture collections are sorted; premises without a title sort by address") {
    pestor_test::loadAllFixtures(*writer);
    const auto cat = load();
    CHECK(titles(*cat, C::Entities) ==
          std::vector<std::string>{"Centrum Integracji Społecznej w Podgórzu", "Fundacja Nowy Dom",
                                   "Koło Gospodyń Wiejskich w Grębocinie", "Przystań Łódź Wiślana",
                                   "Spółdzielnia Socjalna „Żółw”", "Warsztat Terapii Zajęciowej „Promyk”"});
    CHECK(titles(*cat, C::Premises) ==
          std::vector<std::string>{"Lokal użytkowy na Podgórzu", "ul. Mickiewicza 40, 87-100 Toruń"});
    CHECK(cat->size(C::Basemap) == 4); // the map needs them even though search skips them
    CHECK(cat->size(C::Offers) == 2);
    CHECK(cat->skippedRecords() == 0);
}

TEST_CASE_FIXTURE(CatalogFixture, "find by id returns the decoded record, only in its collection") {
    pestor_test::loadAllFixtures(*writer);
    const auto cat = load();
    const cache::Record* zolw = cat->find(C::Entities, "ent-zolw");
    REQUIRE(zolw != nullptr);
    CHECK(zolw->id == "ent-zolw");
    CHECK(*zolw->text("nip") == "1234563218");
    CHECK(*zolw->text("regon") == "123456785");
    CHECK(*zolw->text("krs") == "0000123456");
    CHECK(zolw->flag("step_free") == true);
    CHECK_FALSE(zolw->flag("accessible_toilet").has_value());
    REQUIRE(zolw->point.has_value());
    CHECK(zolw->point->lon == doctest::Approx(18.6512));
    CHECK(zolw->point->lat == doctest::Approx(53.0234));
    const cache::Record* fund = cat->find(C::Entities, "ent-fund");
    REQUIRE(fund != nullptr);
    CHECK(fund->title(cache::Lang::Uk) == "Фонд Новий Дім");
    CHECK(fund->title(cache::Lang::En) == "New Home Foundation");
    const cache::Record* river = cat->find(C::Basemap, "river-wisla");
    REQUIRE(river != nullptr);
    CHECK(json::parse(river->geometryJson)["type"] == "LineString");

    CHECK(cat->find(C::Entities, "ent-missing") == nullptr);
    CHECK(cat->find(C::Offers, "ent-zolw") == nullptr);
    CHECK(cat->find(C::Entities, "") == nullptr);
}

TEST_CASE_FIXTURE(CatalogFixture, "dataVersion changes after a commit on the writer, and only then") {
    const auto v0 = cache::dataVersion(*reader);
    CHECK(cache::dataVersion(*reader) == v0);
    load();
    CHECK(cache::dataVersion(*reader) == v0); // reading does not change it

    pestor_test::loadFixture(*writer, "entities.geojson");
    const auto v1 = cache::dataVersion(*reader);
    CHECK(v1 != v0);
    CHECK(cache::dataVersion(*reader) == v1);

    // A writer transaction that rolls back is not a change.
    writer->exec("BEGIN IMMEDIATE");
    writer->exec("DELETE FROM records");
    writer->exec("ROLLBACK");
    CHECK(cache::dataVersion(*reader) == v1);

    pestor_test::loadFixture(*writer, "offers.geojson");
    CHECK(cache::dataVersion(*reader) != v1);
}

TEST_CASE_FIXTURE(CatalogFixture, "Catalog::dataVersion tells a stale snapshot from a fresh one") {
    pestor_test::loadFixture(*writer, "entities.geojson");
    const auto first = load();
    CHECK(first->dataVersion() == cache::dataVersion(*reader));
    CHECK(first->size(C::Entities) == 6);

    pestor_test::loadFixture(*writer, "offers.geojson");
    CHECK(cache::dataVersion(*reader) != first->dataVersion()); // the kiosk's poll notices
    const auto second = load();
    CHECK(second->dataVersion() != first->dataVersion());
    CHECK(second->size(C::Offers) == 2);
    CHECK(first->size(C::Offers) == 0); // the old snapshot is immutable
}

TEST_CASE_FIXTURE(CatalogFixture, "Catalog::load leaves no read transaction open") {
    pestor_test::loadFixture(*writer, "entities.geojson");
    load();
    CHECK(sqlite3_get_autocommit(reader->getHandle()) != 0);
}

TEST_CASE_FIXTURE(CatalogFixture, "unreadable rows are skipped and counted, the rest load") {
    pestor_test::loadFixture(*writer, "entities.geojson");
    writer->exec("INSERT INTO records(collection, id, status, updated_at, props) "
                 "VALUES('entities', 'ent-broken', 'active', '2024-05-01T10:00:00+02:00', '{not json')");
    writer->exec("INSERT INTO records(collection, id, status, updated_at, props) "
                 "VALUES('gadgets', 'g-1', 'active', '2024-05-01T10:00:00+02:00', '{}')");
    writer->exec("INSERT INTO records(collection, id, status, updated_at, props) "
                 "VALUES('entities', 'ent-old', 'active', '2024-05-01T10:00:00+02:00', "
                 "'{\"id\":\"ent-old\",\"status\":\"active\",\"updated_at\":\"2024-05-01T10:00:00+02:00\"}')");
    const auto cat = load();
    CHECK(cat->skippedRecords() == 3);
    CHECK(cat->size(C::Entities) == 6);
    CHECK(cat->find(C::Entities, "ent-broken") == nullptr);
}

TEST_CASE_FIXTURE(CatalogFixture, "newestUpdate is the newest instant across offsets") {
    // 10:00+02:00 is 08:00Z; 09:00+00:00 is later although its text sorts lower.
    writeEntities({{"A", "2024-05-01T10:00:00+02:00"}, {"B", "2024-05-01T09:00:00Z"}, {"C", "2024-04-30T23:00:00+01:00"}});
    CHECK(load()->newestUpdate() == "2024-05-01T09:00:00+00:00");
}

TEST_CASE_FIXTURE(CatalogFixture, "newestUpdate with one offset is the latest record") {
    writeEntities({{"A", "2024-05-01T10:00:00+02:00"}, {"B", "2024-06-01T09:00:00+02:00"}, {"C", "2024-05-20T23:00:00+02:00"}});
    CHECK(load()->newestUpdate() == "2024-06-01T09:00:00+02:00");
}
