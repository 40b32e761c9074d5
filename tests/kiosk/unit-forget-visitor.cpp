// The end of a visit through the real screens: text typed into the search
// field (with an undo history) and the visitor's choices are gone from the
// session, the UI state and ImGui's own text-edit state.
#include <doctest/doctest.h>

#include <imgui_internal.h>

#include <algorithm>
#include <cstring>

#include "app/forget_visitor.hpp"
#include "fixture_records.hpp"
#include "ui_harness.hpp"
#include "utf16_bytes.hpp"

namespace {

bool contains(const void* data, std::size_t size, const std::string& needle) {
    const auto* p = static_cast<const char*>(data);
    return std::search(p, p + size, needle.begin(), needle.end()) != p + size;
}

bool allZero(const void* data, std::size_t size) {
    const auto* p = static_cast<const unsigned char*>(data);
    return std::all_of(p, p + size, [](unsigned char c) { return c == 0; });
}

} // namespace

TEST_CASE("forgetVisitor wipes the session, the UI state and ImGui's text state") {
    uitest::FixtureCache cache;
    cache.add("entities", uitest::entityFeature("e1", "Fundacja Łódź Pomocna", "fundacja", "stare_miasto", 18.6, 53.0,
                                                true));
    uitest::UiHarness h(cache.load());
    kiosk::app::Effects fx;
    kiosk::app::applyAction(h.session, kiosk::app::OpenSearch{}, fx);
    h.ui.focusSearchField = true;
    h.play("wait 100\ntype Łódź\nkey backspace\ntype ź\nwait 100\n");
    const std::string typed = "\xC5\x81\xC3\xB3" "d\xC5\xBA"; // Łódź
    REQUIRE(h.ui.searchBuffer == typed);
    REQUIRE(h.session.query == typed);
    ImGuiContext& g = *ImGui::GetCurrentContext();
    REQUIRE(g.InputTextState.GetUndoAvailCount() > 0); // there is an undo history to forget
    REQUIRE(contains(g.InputTextState.TextW.Data, g.InputTextState.TextW.size_in_bytes(), uitest::utf16le(u"\u0141\u00F3d")));

    h.session.lang = cache::Lang::Uk;
    h.session.highContrast = true;
    h.session.largeText = true;
    h.session.filters[cache::Collection::Entities].flags.insert("step_free");
    h.session.mapSelection = kiosk::app::MapSelection{cache::Collection::Entities, "e1"};
    h.ui.map.camera.zoom = 15;
    const auto generation = h.session.queryGeneration;

    kiosk::app::forgetVisitor(h.session, h.ui, cache::Lang::Pl);

    CHECK(h.session.query.empty());
    CHECK_FALSE(h.session.results.has_value());
    CHECK(h.session.history.size() == 1);
    CHECK(h.session.current().screen == kiosk::app::ScreenId::Home);
    CHECK(h.session.lang == cache::Lang::Pl);
    CHECK_FALSE(h.session.highContrast);
    CHECK_FALSE(h.session.largeText);
    CHECK(h.session.filters.empty());
    CHECK_FALSE(h.session.mapSelection.has_value());
    CHECK(h.session.queryGeneration > generation); // an old search's results can never match
    CHECK(h.ui.searchBuffer.empty());
    CHECK(h.ui.map.camera.zoom != 15);
    CHECK_FALSE(h.ui.map.placed);

    // ImGui: no active field, no edit buffers, no undo records, no format buffer.
    CHECK(g.ActiveId == 0);
    CHECK(g.InputTextState.GetUndoAvailCount() == 0);
    CHECK(g.InputTextState.TextW.Size == 0);
    CHECK(allZero(&g.InputTextState.Stb, sizeof g.InputTextState.Stb));
    CHECK(allZero(g.TempBuffer, sizeof g.TempBuffer));
    // Nowhere in the context object itself (inline buffers included).
    CHECK_FALSE(contains(&g, sizeof g, uitest::utf16le(u"\u0141\u00F3d")));
    CHECK_FALSE(contains(&g, sizeof g, "\xC5\x81\xC3\xB3"));

    // The next frame draws the home screen normally.
    h.idle(2);
    CHECK(h.session.current().screen == kiosk::app::ScreenId::Home);
}
