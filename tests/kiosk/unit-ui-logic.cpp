// UI logic: the real screens in a windowless ImGui context, driven by
// scripted taps, drags and typing; assertions on the actions they emit.
#include <doctest/doctest.h>

#include "fixture_records.hpp"
#include "ui_harness.hpp"

using namespace kiosk::app;
using uitest::findAction;

namespace {

std::shared_ptr<const cache::Catalog> catalogWithEntities() {
    uitest::FixtureCache cache;
    cache.add("entities", uitest::manyEntities());
    return cache.load();
}

} // namespace

TEST_CASE("tapping the entities tile on the home screen opens the entities list") {
    uitest::UiHarness ui(catalogWithEntities());
    const Actions a = ui.play("wait 100\ntap 330 420\nwait 100\n");
    const auto* open = findAction<OpenList>(a);
    REQUIRE(open != nullptr);
    CHECK(open->collection == cache::Collection::Entities);
    CHECK(ui.session.current().screen == ScreenId::List);
}

TEST_CASE("a tap outside every control emits nothing") {
    uitest::UiHarness ui(catalogWithEntities());
    const Actions a = ui.play("wait 100\ntap 960 140\nwait 100\n"); // the "Czego szukasz?" heading
    CHECK(a.empty());
    CHECK(ui.session.current().screen == ScreenId::Home);
}

TEST_CASE("the language buttons switch the session's language") {
    uitest::UiHarness ui(catalogWithEntities());
    const Actions a = ui.play("wait 100\ntap 1767 49\nwait 100\n");
    const auto* lang = findAction<SetLanguage>(a);
    REQUIRE(lang != nullptr);
    CHECK(lang->lang == cache::Lang::En);
    CHECK(ui.session.lang == cache::Lang::En);
}

TEST_CASE("a tap on the first list row opens that record, in Polish alphabetical order") {
    uitest::UiHarness ui(catalogWithEntities());
    ui.play("wait 100\ntap 330 420\nwait 100\n");
    const Actions a = ui.play("tap 1200 190\nwait 100\n");
    const auto* open = findAction<OpenDetail>(a);
    REQUIRE(open != nullptr);
    CHECK(open->id == "e-alma"); // "Fundacja ALMA" sorts before "Spółdzielnia…" and "Stowarzyszenie…"
    CHECK(ui.session.current().screen == ScreenId::Detail);
    // Back returns to the list.
    const Actions back = ui.play("tap 85 48\nwait 100\n");
    CHECK(findAction<GoBack>(back) != nullptr);
    CHECK(ui.session.current().screen == ScreenId::List);
}

TEST_CASE("dragging the list scrolls it and opens nothing") {
    uitest::UiHarness ui(catalogWithEntities());
    ui.play("wait 100\ntap 330 420\nwait 100\n");
    const Actions a = ui.play("drag 1200 900 1200 300 400\nwait 50\n");
    CHECK(findAction<OpenDetail>(a) == nullptr);
    CHECK(ui.ui.listScroll.offset() > 300.0f);
    // After a fling settles, a plain tap opens a row again.
    const Actions b = ui.play("wait 2000\ntap 1200 600\nwait 100\n");
    CHECK(findAction<OpenDetail>(b) != nullptr);
}

TEST_CASE("the first legal-form chip toggles that filter and narrows the list") {
    uitest::UiHarness ui(catalogWithEntities());
    ui.play("wait 100\ntap 330 420\nwait 100\n");
    const Actions a = ui.play("tap 100 240\nwait 100\n");
    const auto* toggle = findAction<ToggleChoice>(a);
    REQUIRE(toggle != nullptr);
    CHECK(toggle->filterId == "legal_form");
    CHECK(toggle->value == "spoldzielnia_socjalna"); // first present value in schema order
    const auto& st = ui.session.filtersOf(cache::Collection::Entities);
    REQUIRE(st.choices.count("legal_form") == 1);
    CHECK(st.choices.at("legal_form").count("spoldzielnia_socjalna") == 1);
    // Tapping it again clears it.
    ui.play("tap 100 240\nwait 100\n");
    CHECK(ui.session.filtersOf(cache::Collection::Entities).empty());
}

TEST_CASE("tapping the search field and typing Polish text emits the query as typed") {
    uitest::UiHarness ui(catalogWithEntities());
    const Actions a = ui.play("wait 100\ntap 960 249\nwait 200\ntype Łódź\nwait 100\n");
    CHECK(findAction<OpenSearch>(a) != nullptr);
    std::string last;
    for (const auto& act : a)
        if (const auto* q = std::get_if<SetQuery>(&act)) last = q->text;
    CHECK(last == "Łódź");
    CHECK(ui.session.query == "Łódź");
    CHECK(ui.session.current().screen == ScreenId::Search);
    // Backspace edits the query.
    const Actions b = ui.play("key backspace\nwait 100\n");
    const auto* q = findAction<SetQuery>(b);
    REQUIRE(q != nullptr);
    CHECK(q->text == "Łód");
}
