// Touch targets are at least 15 mm at the configured DPI, for every control
// kind the screens use.
#include <doctest/doctest.h>

#include "fixture_records.hpp"
#include "ui_harness.hpp"
#include "widgets/touch.hpp"

TEST_CASE("buttons and chips are at least 15 mm tall and wide at any configured DPI") {
    uitest::FixtureCache fixture;
    fixture.add("entities", uitest::entityFeature("e-1", "Fundacja Ślad", "fundacja", "mokre", 18.63, 53.02, true));
    uitest::UiHarness harness(fixture.load()); // an ImGui context with the kiosk's fonts
    for (float dpi : {96.0f, 141.0f, 220.0f, 300.0f}) {
        const kiosk::widgets::Theme theme = kiosk::widgets::makeTheme(dpi, 1.0f);
        const float minPx = 15.0f / 25.4f * dpi;
        CAPTURE(dpi);
        CHECK(theme.targetPx >= minPx);
        ImGui::NewFrame();
        ImGui::Begin("probe", nullptr, ImGuiWindowFlags_NoScrollbar); // the kiosk style has no scrollbar size
        kiosk::widgets::touchButton(theme, "b", "OK", kiosk::widgets::ButtonKind::Primary);
        CHECK(ImGui::GetItemRectSize().y >= minPx);
        CHECK(ImGui::GetItemRectSize().x >= minPx);
        kiosk::widgets::chip(theme, "c", "Mokre", false);
        CHECK(ImGui::GetItemRectSize().y >= minPx);
        kiosk::widgets::chip(theme, "d", "Mokre", true);
        CHECK(ImGui::GetItemRectSize().y >= minPx);
        ImGui::End();
        ImGui::EndFrame();
    }
}
