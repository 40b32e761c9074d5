// Session changes (only through actions) and list filters. Plural forms and
// number/date formatting: unit-po-catalogs.cpp, unit-format.cpp.
#include <doctest/doctest.h>

#include "app/apply_action.hpp"
#include "app/filters.hpp"
#include "cache/datetime.hpp"
#include "fixture_records.hpp"
#include "ui_harness.hpp"

using namespace kiosk::app;
using cache::Collection;

TEST_CASE("navigation actions keep a history and never empty it") {
    Session s;
    Effects fx;
    applyAction(s, GoBack{}, fx);
    CHECK(s.history.size() == 1);
    CHECK_FALSE(fx.routeChanged);
    applyAction(s, OpenList{Collection::Premises}, fx);
    applyAction(s, OpenDetail{Collection::Premises, "p-1"}, fx);
    CHECK(fx.routeChanged);
    REQUIRE(s.history.size() == 3);
    CHECK(s.current().recordId == "p-1");
    applyAction(s, OpenDetail{Collection::Premises, "p-1"}, fx); // the same screen again: no new entry
    CHECK(s.history.size() == 3);
    applyAction(s, GoBack{}, fx);
    CHECK(s.current().screen == ScreenId::List);
    applyAction(s, GoHome{}, fx);
    CHECK(s.history.size() == 1);
    CHECK(s.current().screen == ScreenId::Home);
}

TEST_CASE("history is bounded so a visitor tapping links forever cannot grow memory") {
    Session s;
    Effects fx;
    for (int i = 0; i < 500; ++i) applyAction(s, OpenDetail{Collection::Entities, "e-" + std::to_string(i)}, fx);
    CHECK(s.history.size() <= 32);
    CHECK(s.history.front().screen == ScreenId::Home);
    CHECK(s.current().recordId == "e-499");
}

TEST_CASE("a query change bumps the generation, drops stale results and opens search") {
    Session s;
    Effects fx;
    s.results = cache::SearchResults{};
    applyAction(s, SetQuery{"spół"}, fx);
    CHECK(fx.searchChanged);
    CHECK(s.queryGeneration == 1);
    CHECK_FALSE(s.results.has_value());
    CHECK(s.current().screen == ScreenId::Search);
    Effects again;
    applyAction(s, SetQuery{"spół"}, again);
    CHECK_FALSE(again.searchChanged);
    CHECK(s.queryGeneration == 1);
}

TEST_CASE("filter actions toggle choices and flags, and clearing removes them all") {
    Session s;
    Effects fx;
    applyAction(s, ToggleChoice{Collection::Entities, "district", "podgorz"}, fx);
    applyAction(s, ToggleChoice{Collection::Entities, "district", "mokre"}, fx);
    applyAction(s, ToggleFlag{Collection::Entities, "step_free"}, fx);
    const auto& st = s.filtersOf(Collection::Entities);
    CHECK(st.choices.at("district").size() == 2);
    CHECK(st.flags.count("step_free") == 1);
    CHECK(s.filtersOf(Collection::Premises).empty());
    applyAction(s, ToggleChoice{Collection::Entities, "district", "podgorz"}, fx);
    CHECK(s.filtersOf(Collection::Entities).choices.at("district").size() == 1);
    applyAction(s, ClearFilters{Collection::Entities}, fx);
    CHECK(s.filtersOf(Collection::Entities).empty());
}

TEST_CASE("list filters: any-of within a filter, all filters together") {
    uitest::FixtureCache fixture;
    fixture.add("entities", uitest::manyEntities());
    const auto cat = fixture.load();
    FilterState st;
    CHECK(applyFilters(*cat, Collection::Entities, st, 0).size() == 30);
    st.choices["district"] = {"rubinkowo", "podgorz"};
    CHECK(applyFilters(*cat, Collection::Entities, st, 0).size() == 15); // 14 + Fundacja ALMA
    st.flags.insert("step_free");
    const auto rows = applyFilters(*cat, Collection::Entities, st, 0);
    for (const auto* r : rows) {
        CHECK(r->flag("step_free") == true);
        const std::string d = *r->text("district");
        CHECK((d == "rubinkowo" || d == "podgorz"));
    }
    CHECK(rows.size() == 5); // odd i in 0..27 with i % 3 == 0: 3, 9, 15, 21, 27
    // Choice chips offer only values present, in schema order.
    const auto values = choiceValues(*cat, Collection::Entities, "legal_form");
    REQUIRE(values.size() == 3);
    CHECK(values[0] == "spoldzielnia_socjalna");
    CHECK(values[1] == "fundacja");
    CHECK(values[2] == "stowarzyszenie");
}

TEST_CASE("demand deadline filter keeps what is due within N days and sorts soonest first") {
    uitest::FixtureCache fixture;
    const auto demand = [](const std::string& id, const std::string& deadline) {
        return R"({"type":"Feature","id":")" + id + R"(","geometry":null,"properties":{"status":"open",)"
               R"("updated_at":"2026-11-01T10:00:00+01:00","title":"Catering )" + id +
               R"(","department":"Wydział Zdrowia i Polityki Społecznej","kind":"zapytanie_ofertowe","deadline":")" +
               deadline + R"("}})";
    };
    fixture.add("demands", demand("d-past", "2026-11-10T12:00:00+01:00") + "," +
                               demand("d-soon", "2026-11-23T12:00:00+01:00") + "," +
                               demand("d-later", "2026-12-10T12:00:00+01:00") + "," +
                               demand("d-far", "2027-03-01T12:00:00+01:00"));
    const auto cat = fixture.load();
    const std::int64_t now = *cache::unixSecondsOfDateTime("2026-11-21T12:00:00+01:00");
    FilterState st;
    auto rows = applyFilters(*cat, Collection::Demands, st, now);
    REQUIRE(rows.size() == 4);
    CHECK(rows[0]->id == "d-soon");
    CHECK(rows[1]->id == "d-later");
    CHECK(rows[2]->id == "d-far");
    CHECK(rows[3]->id == "d-past"); // the past comes last
    st.daysAhead["deadline"] = 7;
    rows = applyFilters(*cat, Collection::Demands, st, now);
    REQUIRE(rows.size() == 1);
    CHECK(rows[0]->id == "d-soon");
    st.daysAhead["deadline"] = 30;
    CHECK(applyFilters(*cat, Collection::Demands, st, now).size() == 2);
}

// Regression (issue 12, the dangling-pointer family): the list rows point
// into a catalog snapshot. DerivedViews compared snapshots by address only,
// so after the loop dropped a snapshot the rows dangled, and a new snapshot
// allocated at the freed one's address passed for the old one. The views now
// hold the snapshot their rows point into (ASan reports the old read).
TEST_CASE("derived list rows stay readable after the loop drops the snapshot they came from") {
    uitest::FixtureCache cache;
    cache.add("entities", uitest::manyEntities());
    DerivedViews views;
    Session s;
    Effects fx;
    applyAction(s, OpenList{Collection::Entities}, fx);
    {
        std::shared_ptr<const cache::Catalog> snapshot = cache.load();
        views.refresh(snapshot, s, 1795000000);
    } // the loop's reference is gone (a new snapshot replaced it)
    REQUIRE(views.listRows().size() == 30);
    std::size_t letters = 0;
    for (const cache::Record* r : views.listRows()) letters += r->id.size();
    CHECK(letters > 60);
    // A new snapshot with the same content is a new snapshot: rows into it.
    std::shared_ptr<const cache::Catalog> next = cache.load();
    views.refresh(next, s, 1795000000);
    REQUIRE_FALSE(views.listRows().empty());
    CHECK(next->find(Collection::Entities, views.listRows().front()->id) == views.listRows().front());
}
