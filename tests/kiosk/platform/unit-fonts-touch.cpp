// Font loading and touch bookkeeping: both work without a window.
#include "kiosk/platform/fonts.hpp"
#include "kiosk/platform/touch_state.hpp"
#include "cache/glyph_coverage.hpp"

#include <doctest/doctest.h>

#include <cmath>
#include <filesystem>
#include <fstream>
#include <string>

using namespace kiosk::platform;

namespace {

struct BareImGui {
    ImGuiContext* context = ImGui::CreateContext();
    BareImGui() = default;
    ~BareImGui() { ImGui::DestroyContext(context); }
    BareImGui(const BareImGui&) = delete;
    BareImGui& operator=(const BareImGui&) = delete;
};

const std::filesystem::path kFontsDir = std::filesystem::path(PESTOR_ASSETS_DIR) / "fonts";

} // namespace

TEST_SUITE("loadFonts") {
    TEST_CASE("builds five fonts with Polish, Ukrainian and punctuation glyphs") {
        BareImGui imgui;
        std::string error;
        const auto fonts = loadFonts(kFontsDir, 28.0f, error);
        REQUIRE_MESSAGE(fonts, error);
        CHECK(fonts->body->FontSize == 28.0f);
        CHECK(fonts->bodyBold->FontSize == 28.0f);
        CHECK(fonts->small->FontSize == 22.0f);
        CHECK(fonts->title->FontSize == 41.0f);
        CHECK(fonts->display->FontSize == 62.0f);
        CHECK(ImGui::GetIO().FontDefault == fonts->body);
        CHECK(ImGui::GetIO().Fonts->IsBuilt());

        for (ImFont* font :
             {fonts->body, fonts->bodyBold, fonts->small, fonts->title, fonts->display}) {
            for (ImWchar c :
                 {ImWchar{'A'}, ImWchar{0x00F3} /* ó */, ImWchar{0x0142} /* ł */,
                  ImWchar{0x017B} /* Ż */, ImWchar{0x0457} /* ї */, ImWchar{0x0490} /* Ґ */,
                  ImWchar{0x2013} /* – */, ImWchar{0x2014} /* — */, ImWchar{0x201E} /* „ */,
                  ImWchar{0x2026} /* … */, ImWchar{0x2022} /* • */, ImWchar{0x20AC} /* € */,
                  ImWchar{0x2116} /* № */}) {
                CAPTURE(static_cast<int>(c));
                CHECK(font->FindGlyphNoFallback(c) != nullptr);
            }
        }
        const ImFontAtlas& atlas = *ImGui::GetIO().Fonts;
        MESSAGE("font atlas at 28 px: " << atlas.TexWidth << "x" << atlas.TexHeight);
        // Uploaded to software GL on every start: keep it bounded.
        CHECK(atlas.TexWidth * atlas.TexHeight <= 2048 * 1024);
    }

    TEST_CASE("every character of the shared glyph coverage is in every font, and nothing else is drawn as '?'") {
        BareImGui imgui;
        std::string error;
        const auto sets = loadFontSets(kFontsDir, 30.0f, 1.5f, error);
        REQUIRE_MESSAGE(sets, error);
        const FontSet& f = sets->regular;
        int checked = 0, listed = 0;
        for (const cache::CodePointRange& r : cache::kKioskGlyphCoverage) listed += static_cast<int>(r.last - r.first + 1);
        CHECK(listed == 881);
        for (ImFont* font : {f.body, f.bodyBold, f.small, f.title, f.display, sets->large.body}) {
            // The list pestor-feed warns against is exactly what the atlas holds.
            for (const cache::CodePointRange& r : cache::kKioskGlyphCoverage)
                for (char32_t cp = r.first; cp <= r.last; ++cp) {
                    CAPTURE(static_cast<unsigned>(cp));
                    CHECK(font->FindGlyphNoFallback(static_cast<ImWchar>(cp)) != nullptr);
                    ++checked;
                }
            CHECK(font->FallbackChar == static_cast<ImWchar>(cache::kKioskFallbackGlyph));
            REQUIRE(font->FallbackGlyph != nullptr);
            CHECK(font->FallbackGlyph->Codepoint == 0xFFFD);
            // Hebrew and Arabic letters and a BMP symbol have no glyph: the fallback stands in.
            for (ImWchar c : {ImWchar{0x05E9}, ImWchar{0x0627}, ImWchar{0x2615}}) {
                CHECK(font->FindGlyphNoFallback(c) == nullptr);
                CHECK(font->FindGlyph(c) == font->FallbackGlyph);
            }
        }
        CHECK(checked == 6 * listed);

        // Emoji (outside the 16-bit range ImGui 1.86 uses here) and Hebrew
        // measure as U+FFFD marks, not as question marks.
        ImFont* body = f.body;
        const auto width = [&](const char* text) { return body->CalcTextSizeA(body->FontSize, 1e9f, 0.0f, text).x; };
        const float mark = width("\uFFFD");
        CHECK(mark > width("?"));
        CHECK(width("\U0001F35E") == doctest::Approx(mark));
        CHECK(width("\u05E9\u05DC") == doctest::Approx(2 * mark));
        CHECK(width("A\U0001F35EB") == doctest::Approx(width("A\uFFFDB")));
        // Combining marks are drawn without advancing: "e" + U+0301 is as wide as "e".
        CHECK(width("e\u0301") == doctest::Approx(width("e")));
        const ImFontAtlas& atlas = *ImGui::GetIO().Fonts;
        MESSAGE("font atlas, regular + large at 30 px: " << atlas.TexWidth << "x" << atlas.TexHeight << " ("
                << atlas.TexWidth * atlas.TexHeight * 4 / 1024 << " KiB as RGBA32)");
        CHECK(atlas.TexWidth * atlas.TexHeight <= 2048 * 2800);
    }

    TEST_CASE("the large-text set is 150 % of the regular one, in the same atlas") {
        BareImGui imgui;
        std::string error;
        const auto sets = loadFontSets(kFontsDir, 30.0f, 1.5f, error);
        REQUIRE_MESSAGE(sets, error);
        CHECK(sets->regular.body->FontSize == 30.0f);
        CHECK(sets->large.body->FontSize == 45.0f);
        CHECK(sets->large.small->FontSize == 36.0f);
        CHECK(sets->large.title->FontSize == std::round(45.0f * 1.45f));
        CHECK(sets->large.display->FontSize == std::round(45.0f * 2.2f));
        CHECK(sets->large.body->FindGlyphNoFallback(0x0142) != nullptr); // ł
        CHECK(sets->large.body->ContainerAtlas == sets->regular.body->ContainerAtlas);
        const ImFontAtlas& atlas = *ImGui::GetIO().Fonts;
        MESSAGE("font atlas with the large set: " << atlas.TexWidth << "x" << atlas.TexHeight);
        CHECK(atlas.TexWidth * atlas.TexHeight <= 4096 * 2048);
        CHECK_FALSE(loadFontSets(kFontsDir, 30.0f, 0.5f, error));
        CHECK(error.find("large-text scale") != std::string::npos);
    }

    TEST_CASE("a missing font file is an error naming the path") {
        BareImGui imgui;
        std::string error;
        const auto missing = std::filesystem::path("/nonexistent-pestor-fonts");
        CHECK_FALSE(loadFonts(missing, 20.0f, error));
        CHECK(error == "cannot read font file /nonexistent-pestor-fonts/NotoSans-Regular.ttf: "
                       "No such file or directory");
    }

    TEST_CASE("a file that is not a font is an error, and the atlas is left usable") {
        BareImGui imgui;
        const auto dir = std::filesystem::temp_directory_path() / "pestor-fonts-test";
        std::filesystem::create_directories(dir);
        std::filesystem::copy_file(kFontsDir / "NotoSans-Regular.ttf", dir / "NotoSans-Regular.ttf",
                                   std::filesystem::copy_options::overwrite_existing);
        std::ofstream(dir / "NotoSans-Bold.ttf") << "<html>not a font</html>";

        std::string error;
        CHECK_FALSE(loadFonts(dir, 20.0f, error));
        CHECK(error == "font file " + (dir / "NotoSans-Bold.ttf").string() +
                           " is not a TrueType/OpenType font");
        std::filesystem::remove_all(dir);

        // ImGui falls back to its built-in font.
        unsigned char* pixels = nullptr;
        int width = 0;
        int height = 0;
        ImGui::GetIO().Fonts->GetTexDataAsAlpha8(&pixels, &width, &height);
        CHECK(pixels != nullptr);
    }

    TEST_CASE("an absurd size is refused") {
        BareImGui imgui;
        std::string error;
        CHECK_FALSE(loadFonts(kFontsDir, 0.0f, error));
        CHECK(error == "body font size must be between 6 and 200 px, got 0.000000");
    }
}

TEST_SUITE("TouchState") {
    TEST_CASE("tracks fingers from down to up") {
        TouchState touch;
        touch.beginPump();
        touch.fingerDown(1, 10, 100, 200);
        touch.fingerDown(1, 11, 300, 400);
        touch.fingerMoved(1, 10, 110, 210);
        CHECK(touch.landedThisPump == 2);
        REQUIRE(touch.fingers.size() == 2);
        CHECK(touch.fingers[0].fingerId == 10); // landing order
        CHECK(touch.fingers[0].x == 110.0f);
        CHECK(touch.fingers[0].y == 210.0f);
        REQUIRE(touch.find(1, 11) != nullptr);
        CHECK(touch.find(1, 11)->x == 300.0f);
        CHECK(touch.find(2, 11) == nullptr); // another device

        touch.beginPump();
        CHECK(touch.landedThisPump == 0);
        touch.fingerUp(1, 10);
        CHECK(touch.liftedThisPump == 1);
        REQUIRE(touch.fingers.size() == 1);
        CHECK(touch.fingers[0].fingerId == 11);
    }

    TEST_CASE("a tap shorter than a frame is still counted") {
        TouchState touch;
        touch.beginPump();
        touch.fingerDown(1, 5, 1, 1);
        touch.fingerUp(1, 5);
        CHECK(touch.fingers.empty());
        CHECK(touch.landedThisPump == 1);
        CHECK(touch.liftedThisPump == 1);
    }

    TEST_CASE("tolerates lost events") {
        TouchState touch;
        touch.fingerDown(1, 5, 1, 1);
        touch.fingerDown(1, 5, 2, 2); // its "up" was lost
        CHECK(touch.fingers.size() == 1);
        touch.fingerMoved(1, 6, 3, 3); // its "down" was lost
        CHECK(touch.fingers.size() == 2);
        touch.fingerUp(1, 99); // unknown finger
        CHECK(touch.liftedThisPump == 0);
        touch.clear();
        CHECK(touch.fingers.empty());
    }
}
