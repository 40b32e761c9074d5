// Colour contrast of the two themes, by the WCAG 2 formula: every text colour
// against every surface it is drawn on. High contrast must reach 7:1 (AAA),
// the normal theme 4.5:1 (AA).
#include <doctest/doctest.h>

#include <string>
#include <vector>

#include "widgets/theme.hpp"

using kiosk::widgets::Theme;

namespace {

struct Pair {
    std::string what;
    ImU32 fg, bg;
};

// The text/background pairs the screens and widgets draw.
std::vector<Pair> textPairs(const Theme& t) {
    return {{"text on background", t.text, t.background},
            {"text on surface", t.text, t.surface},
            {"text on sunken surface", t.text, t.surfaceSunken},
            {"muted text on background", t.textMuted, t.background},
            {"muted text on surface", t.textMuted, t.surface},
            {"muted text on sunken surface (status line, filters)", t.textMuted, t.surfaceSunken},
            {"primary button label", t.onPrimary, t.primary},
            {"secondary button label (primary on surface)", t.primary, t.surface},
            {"primary-coloured text on background", t.primary, t.background},
            {"top bar title", t.onTopBar, t.topBar},
            {"home subtitle on the top bar", t.onTopBarMuted, t.topBar},
            {"text on a pressed key or selected row", t.text, t.primarySoft},
            {"keyboard function key label", t.text, t.keySpecial},
            {"good on surface", t.good, t.surface},
            {"warning on surface", t.warn, t.surface},
            {"bad on surface", t.bad, t.surface}};
}

} // namespace

TEST_SUITE("theme contrast") {
    TEST_CASE("the formula: black on white is 21:1, a colour on itself 1:1") {
        CHECK(kiosk::widgets::contrastRatio(IM_COL32(0, 0, 0, 255), IM_COL32(255, 255, 255, 255)) ==
              doctest::Approx(21.0f).epsilon(0.001));
        CHECK(kiosk::widgets::contrastRatio(IM_COL32(22, 84, 110, 255), IM_COL32(22, 84, 110, 255)) ==
              doctest::Approx(1.0f));
        // WCAG's own example value: #777 on white is 4.48:1.
        CHECK(kiosk::widgets::contrastRatio(IM_COL32(0x77, 0x77, 0x77, 255), IM_COL32(255, 255, 255, 255)) ==
              doctest::Approx(4.48f).epsilon(0.01));
    }

    TEST_CASE("high contrast: every text colour at least 7:1") {
        const Theme hc = kiosk::widgets::highContrast(kiosk::widgets::makeTheme(96, 1));
        CHECK(hc.highContrast);
        for (const Pair& p : textPairs(hc)) {
            INFO(p.what << ": " << kiosk::widgets::contrastRatio(p.fg, p.bg));
            CHECK(kiosk::widgets::contrastRatio(p.fg, p.bg) >= 7.0f);
        }
    }

    TEST_CASE("normal theme: every text colour at least 4.5:1") {
        const Theme t = kiosk::widgets::makeTheme(96, 1);
        for (const Pair& p : textPairs(t)) {
            INFO(p.what << ": " << kiosk::widgets::contrastRatio(p.fg, p.bg));
            CHECK(kiosk::widgets::contrastRatio(p.fg, p.bg) >= 4.5f);
        }
    }

    TEST_CASE("high contrast keeps the sizes; large text scales them by 1.5") {
        const Theme t = kiosk::widgets::makeTheme(96, 1);
        const Theme hc = kiosk::widgets::highContrast(t);
        CHECK(hc.targetPx == t.targetPx);
        CHECK(hc.padding == t.padding);
        const Theme large = kiosk::widgets::makeTheme(96, 1.5f);
        CHECK(large.targetPx >= t.targetPx * 1.5f - 1);
        CHECK(large.padding == doctest::Approx(t.padding * 1.5f));
        CHECK(t.targetPx >= t.mm(15.0f)); // 15 mm touch targets at the screen's DPI
    }
}
