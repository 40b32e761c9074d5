// Type-ahead search on a cache built from the fixtures in tests/data, read
// through a read-only connection as the kiosk does.
#include "cache/searcher.hpp"

#include <doctest/doctest.h>

#include <algorithm>
#include <string>
#include <vector>

#include "cache/search_query.hpp"
#include "test_support.hpp"

using C = cache::Collection;

namespace {

// A cache holding every fixture collection, and a Searcher on a read-only
// connection to it.
struct SearchFixture {
    pestor_test::TempDir dir;
    std::unique_ptr<SQLite::Database> writer;
    std::unique_ptr<SQLite::Database> reader;
    std::unique_ptr<cache::Searcher> searcher;

    SearchFixture() {
        writer = pestor_test::openWriter(dir / "cache.sqlite");
        pestor_test::loadAllFixtures(*writer);
        reader = pestor_test::openReader(dir / "cache.sqlite");
        searcher = std::make_unique<cache::Searcher>(*reader);
    }

    cache::SearchResults search(std::string_view typed) {
        auto r = searcher->search(typed);
        REQUIRE_MESSAGE(r.ok(), "\"" << typed << "\": " << (r.ok() ? "" : r.error().message));
        CHECK(r->query == typed);
        return std::move(r).value();
    }

    // "collection/id" of every hit, in result order.
    std::vector<std::string> hits(std::string_view typed) {
        std::vector<std::string> out;
        for (const auto& g : search(typed).groups)
            for (const auto& h : g.hits) {
                CHECK(h.collection == g.collection);
                out.push_back(std::string(cache::collectionKey(h.collection)) + "/" + h.id);
            }
        return out;
    }

    bool finds(std::string_view typed, std::string_view key) {
        const auto all = hits(typed);
        return std::find(all.begin(), all.end(), key) != all.end();
    }
};

} // namespace

TEST_CASE_FIXTURE(SearchFixture, "'lodz' and 'ŁÓDŹ' find Łódź (ł is folded by the application)") {
    for (std::string_view q : {"lodz", "ŁÓDŹ", "Łódź", "łódź", "LODZ"}) {
        CAPTURE(q);
        CHECK(finds(q, "entities/ent-lodz"));
    }
}

TEST_CASE_FIXTURE(SearchFixture, "'spoldzielnia' finds Spółdzielnia; 'zolw' finds Żółw") {
    CHECK(finds("spoldzielnia", "entities/ent-zolw"));
    CHECK(finds("spoldzielnia", "events/ev-szkolenie"));
    CHECK(finds("SPÓŁDZIELNIA", "entities/ent-zolw"));
    CHECK(hits("zolw") == std::vector<std::string>{"entities/ent-zolw"});
    CHECK(hits("Żółw") == std::vector<std::string>{"entities/ent-zolw"});
}

TEST_CASE_FIXTURE(SearchFixture, "every prefix typed letter by letter keeps finding the record") {
    for (std::string_view q : {"s", "sp", "spó", "spo", "spol", "spół", "spold", "spółdz", "spoldz s", "spoldz soc",
                               "spółdzielnia socjalna", "Spółdzielnia Socjalna „Żó"}) {
        CAPTURE(q);
        CHECK(finds(q, "entities/ent-zolw"));
    }
    CHECK(hits("spoldz soc") == std::vector<std::string>{"entities/ent-zolw", "events/ev-szkolenie"});
    CHECK(hits("spoldzx").empty());
}

TEST_CASE_FIXTURE(SearchFixture, "words are ANDed: every word must match") {
    CHECK(hits("fundacja dom") == std::vector<std::string>{"entities/ent-fund"});
    CHECK(hits("fundacja zolw").empty());
}

TEST_CASE_FIXTURE(SearchFixture, "FTS5 syntax typed by a visitor never errors") {
    for (std::string_view q : {"\"", "\"\"", "*", "(", ")", "-", "NEAR", "OR", "AND", "NOT", "a OR b", "\"unclosed",
                               "x*", "col:val", "^", "+", "{", "}", ":", "NEAR(a b)", "a NOT", "OR OR", "\"a\" \"",
                               "title:kino", "-kino", "kino*", "*kino", "k\"ino", "'", "'; DROP TABLE records; --",
                               "€", "100 €", "😀", "№ 5", "§", "°C", "✓", "…", "½", "\\", "%", "_", "\t"}) {
        CAPTURE(q);
        CHECK(searcher->search(q).ok());
    }
    CHECK(searcher->search(std::string(5000, 'a')).ok());
    CHECK(searcher->search(std::string("abc\xFF\xFE" "def")).ok());
}

TEST_CASE_FIXTURE(SearchFixture, "punctuation-only queries return no groups") {
    for (std::string_view q : {"\"", "\"\"", "*", "(", ")", "-", "^", "+", "{", ":", "'", "„”", "–"}) {
        CAPTURE(q);
        CHECK(search(q).groups.empty());
    }
}

TEST_CASE_FIXTURE(SearchFixture, "FTS5 operators and syntax are searched as literal words") {
    for (std::string_view q : {"NEAR", "near", "OR", "AND", "NOT", "a OR b", "\"unclosed", "x*", "col:val", "(nawias)",
                               "^daszek", "+plus", "{klamra", "kino NOT bulwar", "NOT kino", "kino AND", "\"kino\""}) {
        CAPTURE(q);
        CHECK(finds(q, "announcements/ann-kino"));
    }
    // Interpreted as FTS5, these would find records; as text they cannot.
    CHECK(hits("title:kino").empty());     // no word "title" anywhere (not a column filter)
    CHECK(hits("kino OR zolw").empty());   // no record has all three words
    CHECK(hits("zolw NEAR kino").empty());
}

TEST_CASE_FIXTURE(SearchFixture, "empty or whitespace-only queries return no groups") {
    for (std::string_view q : {"", " ", "   ", "\t", "\n", " \t\n "}) {
        CAPTURE(q);
        const auto r = search(q);
        CHECK(r.groups.empty());
        CHECK(r.total() == 0);
    }
}

TEST_CASE_FIXTURE(SearchFixture, "results are grouped by collection in kAllCollections order") {
    // Every fixture collection has a word starting with "p" (Polska, pomoc,
    // punkt, pozycja...); addresses' "87-100 Toruń" is not indexed, so
    // "torun" no longer matches every record.
    const auto r = search("p");
    std::vector<C> order;
    int sum = 0;
    for (const auto& g : r.groups) {
        order.push_back(g.collection);
        CHECK(!g.hits.empty());
        CHECK(g.total == static_cast<int>(g.hits.size()));
        CHECK_FALSE(g.more);
        sum += g.total;
    }
    const std::vector<C> expected{C::Entities, C::Premises,      C::Equipment,     C::Offers,     C::Demands,
                                  C::SupportPoints, C::Events, C::Announcements, C::Indicators};
    CHECK(order == expected);
    CHECK(r.total() == sum);
}

TEST_CASE_FIXTURE(SearchFixture, "the postcode and town of addresses are not indexed") {
    // Every fixture address ends in "87-100 Toruń"; records that name Toruń
    // elsewhere (a title, a description) are still found.
    const auto r = search("torun");
    int entities = 0;
    for (const auto& g : r.groups)
        if (g.collection == C::Entities) entities = g.total;
    CHECK(entities == 0);
    CHECK(search("87").groups.empty());
    CHECK(r.total() > 0);
}

TEST_CASE_FIXTURE(SearchFixture, "basemap records never appear in search") {
    // Each of these matches a basemap feature's name as well.
    for (std::string_view q : {"torun", "wisl", "zolw", "glinki", "park", "допомога", "rzezba"}) {
        CAPTURE(q);
        for (const auto& g : search(q).groups) CHECK(g.collection != C::Basemap);
    }
    CHECK(hits("rzezba").empty());
    CHECK(hits("wisl") == std::vector<std::string>{"entities/ent-lodz", "offers/off-rejsy"});
}

TEST_CASE_FIXTURE(SearchFixture, "Ukrainian text is found in lower case and capitalised") {
    for (std::string_view q : {"допомога", "Допомога", "ДОПОМОГА", "допом"}) {
        CAPTURE(q);
        CHECK(finds(q, "announcements/ann-ukr"));
        CHECK(finds(q, "entities/ent-fund"));
    }
    CHECK(finds("Україн", "announcements/ann-ukr"));
    CHECK(finds("фонд", "entities/ent-fund"));
}

TEST_CASE_FIXTURE(SearchFixture, "a title match ranks before a body match in the same collection") {
    // ent-wtz has "Warsztat" in its name, ent-kgw "warsztaty" in its description.
    const auto r = search("warsztat");
    REQUIRE(!r.groups.empty());
    REQUIRE(r.groups[0].collection == C::Entities);
    const auto& h = r.groups[0].hits;
    REQUIRE(h.size() == 2);
    CHECK(h[0].id == "ent-wtz");
    CHECK(h[1].id == "ent-kgw");
    CHECK(h[0].rank < h[1].rank);
}

TEST_CASE_FIXTURE(SearchFixture, "district names and identifiers are searchable") {
    CHECK(finds("podgorz", "entities/ent-cis"));
    CHECK(finds("rubinkowo", "entities/ent-zolw"));
    CHECK(finds("1234563218", "entities/ent-zolw")); // normalised NIP
}

TEST_CASE_FIXTURE(SearchFixture, "a Searcher sees data committed after it was created") {
    CHECK(hits("slonecznik").empty());
    auto doc = pestor_test::readJson(pestor_test::fixture("entities.geojson"));
    doc["features"][0]["properties"]["name"] = "Spółdzielnia Socjalna „Słonecznik”";
    auto s = cache::replaceCollection(*writer, C::Entities, pestor_test::decodeAll(C::Entities, doc), {}, 0, "t");
    REQUIRE(s.ok());
    CHECK(hits("slonecznik") == std::vector<std::string>{"entities/ent-zolw"});
    CHECK(hits("zolw").empty());
}

TEST_CASE("hits per collection are capped at kMaxHitsPerCollection") {
    pestor_test::TempDir dir;
    auto db = pestor_test::openWriter(dir / "cache.sqlite");
    auto doc = pestor_test::readJson(pestor_test::fixture("entities.geojson"));
    nlohmann::json many = nlohmann::json::array();
    for (int i = 0; i < 70; ++i) {
        auto f = doc["features"][2]; // Fundacja Nowy Dom
        f["properties"]["id"] = "ent-fund-" + std::to_string(i);
        many.push_back(f);
    }
    doc["features"] = many;
    REQUIRE(cache::replaceCollection(*db, C::Entities, pestor_test::decodeAll(C::Entities, doc), {}, 0, "t").ok());
    cache::Searcher searcher(*db);
    auto r = searcher.search("fundacja");
    REQUIRE(r.ok());
    REQUIRE(r->groups.size() == 1);
    CHECK(r->groups[0].hits.size() == static_cast<std::size_t>(cache::Searcher::kMaxHitsPerCollection));
    CHECK(r->groups[0].total >= cache::Searcher::kMaxHitsPerCollection);
}

TEST_CASE("searchTokens and buildMatchExpression quote every token as a prefix") {
    CHECK(cache::searchTokens("Spółdzielnia  „Żółw” (Toruń)") == std::vector<std::string>{"spoldzielnia", "zolw", "torun"});
    CHECK(cache::buildMatchExpression("spoldz soc") == "\"spoldz\"* AND \"soc\"*");
    CHECK(cache::buildMatchExpression("a OR b") == "\"a\"* AND \"or\"* AND \"b\"*");
    CHECK(cache::buildMatchExpression("\"") == "");
    CHECK(cache::buildMatchExpression("  ") == "");
    CHECK(cache::searchTokens("ДОПОМОГА для") == std::vector<std::string>{"допомога", "для"});
}
