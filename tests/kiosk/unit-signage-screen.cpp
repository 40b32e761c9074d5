// The signage screen drawn windowlessly: every slide kind, every language,
// both themes, the welcome of an empty deck, and a deck older than the
// catalog it is drawn with. No ImGui errors, balanced stacks, and something
// visible drawn.
#include "screens/text_lines.hpp"
#include "signage/slide_deck.hpp"
#include "signage_fixture.hpp"
#include "test_translator.hpp"
#include "widgets/theme.hpp"

#include <doctest/doctest.h>
#include <imgui_internal.h>

using kiosk::app::KioskConfig;
using kiosk::app::SlideKind;
using namespace signagetest;

namespace {

// A windowless ImGui context with the kiosk's fonts and theme, drawing only
// the signage screen (the app's own loop is not needed for it).
class SignageDraw {
  public:
    SignageDraw() {
        m_ctx = ImGui::CreateContext();
        ImGuiIO& io = ImGui::GetIO();
        io.IniFilename = nullptr;
        io.DisplaySize = ImVec2(1920, 1080);
        io.DeltaTime = 1.0f / 60.0f;
        std::string error;
        auto fonts = kiosk::platform::loadFonts(std::filesystem::path(PESTOR_ASSETS_DIR) / "fonts",
                                                30.0f, error);
        REQUIRE_MESSAGE(fonts.has_value(), error);
        m_fonts = *fonts;
        unsigned char* pixels;
        int w, h;
        io.Fonts->GetTexDataAsAlpha8(&pixels, &w, &h); // builds the atlas; no GPU needed
        theme = kiosk::widgets::makeTheme(96.0f, 1.0f);
    }
    ~SignageDraw() { ImGui::DestroyContext(m_ctx); }
    SignageDraw(const SignageDraw&) = delete;
    SignageDraw& operator=(const SignageDraw&) = delete;

    // One frame of slide `slide`; returns the frame's vertex count.
    int frame(const cache::Catalog& catalog, const kiosk::signage::Deck& deck,
              std::optional<std::size_t> slide, bool touchPrompt = true) {
        kiosk::widgets::applyImGuiStyle(theme);
        ImGui::NewFrame();
        const std::vector<const cache::Record*> none;
        const kiosk::screens::ScreenContext ctx{.catalog = catalog,
                                                .session = session,
                                                .tr = m_tr,
                                                .theme = theme,
                                                .fonts = m_fonts,
                                                .listRows = none,
                                                .relatedRows = none,
                                                .nowUnix = kNow,
                                                .dt = 1.0f / 60.0f,
                                                .statusLine = "",
                                                .here = std::nullopt};
        kiosk::screens::drawSignage(ctx, deck, slide,
                                    kiosk::signage::localTimeAt(kNow, kWarsawWinter), touchPrompt);
        // Everything drawSignage pushed, it popped; only ImGui's implicit window remains.
        const ImGuiContext& g = *ImGui::GetCurrentContext();
        CHECK(g.CurrentWindowStack.Size == 1);
        CHECK(g.FontStack.Size == 0);
        CHECK(g.ColorStack.Size == 0);
        CHECK(g.StyleVarStack.Size == 0);
        const ImGuiWindow* win = ImGui::FindWindowByName("signage");
        REQUIRE(win != nullptr);
        CHECK(win->DrawList->_ClipRectStack.Size == 1); // the window's own, as after any Begin/End
        ImGui::Render();
        return ImGui::GetDrawData()->TotalVtxCount;
    }

    kiosk::app::Session session;
    kiosk::widgets::Theme theme;

  private:
    ImGuiContext* m_ctx = nullptr;
    kiosk::platform::FontSet m_fonts{};
    kiosk::i18n::Translator m_tr = uitest::loadTranslator();
};

kiosk::signage::Deck deckOf(const cache::Catalog& cat, SlideKind kind) {
    KioskConfig::Signage cfg;
    cfg.slides = {kind};
    return kiosk::signage::buildDeck(cat, cfg, kiosk::signage::localTimeAt(kNow, kWarsawWinter));
}

} // namespace

TEST_CASE("every slide kind draws its records, in every language and both themes") {
    const auto cat = catalog();
    // The same decks drawn against a catalog without their records: the chrome alone.
    uitest::FixtureCache other;
    other.add("entities", uitest::entityFeature("e-other", "Fundacja Inna", "fundacja", "mokre",
                                                18.6, 53.0, false));
    const auto bare = other.load();
    SignageDraw draw;
    const kiosk::signage::Deck empty;
    CHECK(draw.frame(*cat, empty, std::nullopt) > 0); // the welcome: clock, heading, invitation
    for (SlideKind kind : KioskConfig::Signage{}.slides) {
        const auto deck = deckOf(*cat, kind);
        REQUIRE(deck.slides.size() == 1);
        for (cache::Lang lang : {cache::Lang::Pl, cache::Lang::En, cache::Lang::Uk}) {
            for (bool contrast : {false, true}) {
                INFO("kind " << kiosk::app::slideKindName(kind) << ", lang " << int(lang)
                             << ", contrast " << contrast);
                draw.session.lang = lang;
                draw.theme =
                    contrast ? kiosk::widgets::highContrast(kiosk::widgets::makeTheme(96.0f, 1.0f))
                             : kiosk::widgets::makeTheme(96.0f, 1.0f);
                const int withRecords = draw.frame(*cat, deck, 0);
                const int chromeOnly = draw.frame(*bare, deck, 0);
                CHECK(chromeOnly > 0);
                // Cards, text and bars: at least a few hundred vertices beyond the chrome.
                CHECK(withRecords > chromeOnly + 400);
            }
        }
    }
}

TEST_CASE("text boxes: wrapped to the width, cut to the line limit with an ellipsis, never inside "
          "a letter") {
    SignageDraw draw; // the fonts
    const ImFont* font = ImGui::GetIO().Fonts->Fonts[0];
    const auto width = [&](const std::string& s) {
        return font->CalcTextSizeA(font->FontSize, 1e9f, 0, s.c_str()).x;
    };
    const std::string one = "Zażółć gęślą jaźń";
    CHECK(kiosk::screens::wrapLines(font, one, width(one), 1) ==
          std::vector<std::string>{one}); // exactly fits
    const std::string text =
        "Spółdzielnia socjalna prowadzi catering, sprzątanie i drobne remonty w całym Toruniu";
    const auto lines = kiosk::screens::wrapLines(font, text, 300, 2);
    REQUIRE(lines.size() == 2);
    CHECK(lines[1].ends_with("…"));
    for (const auto& l : lines)
        CHECK(width(l) <= 300.5f);
    CHECK(kiosk::screens::wrapLines(font, text, 300, 20).size() > 2);
    CHECK(kiosk::screens::wrapLines(font, text, 300, 20).back().ends_with("…") == false);
    // Cyrillic cut by width alone still leaves whole letters (valid UTF-8).
    const auto uk = kiosk::screens::wrapLines(font, "Торкніться", 60, 1);
    REQUIRE(uk.size() == 1);
    CHECK(uk[0].ends_with("…"));
    const std::string body = uk[0].substr(0, uk[0].size() - std::string("…").size());
    CHECK(body.size() % 2 == 0); // two bytes per Cyrillic letter: none cut in half
    CHECK(kiosk::screens::wrapLines(font, text, 300, 0).empty());
}

TEST_CASE("a full deck draws each slide with its dots; without touch there is no invitation band") {
    const auto cat = catalog();
    SignageDraw draw;
    const auto deck = kiosk::signage::buildDeck(*cat, KioskConfig::Signage{},
                                                kiosk::signage::localTimeAt(kNow, kWarsawWinter));
    REQUIRE(deck.slides.size() == 6);
    for (std::size_t i = 0; i < deck.slides.size(); ++i)
        CHECK(draw.frame(*cat, deck, i) > 1000);
    // An index past the end (a deck that shrank) falls back to the welcome.
    CHECK(draw.frame(*cat, deck, 6) > 0);
    CHECK(draw.frame(*cat, deck, 0, false) < draw.frame(*cat, deck, 0, true));
}

TEST_CASE("a deck built from an older snapshot draws with a newer one that lacks its records") {
    const auto before = catalog();
    const auto deck = deckOf(*before, SlideKind::Demands);
    const auto after = catalog({"demands"}); // every demand gone
    SignageDraw draw;
    const int full = draw.frame(*before, deck, 0);
    const int gone = draw.frame(*after, deck, 0);
    CHECK(gone > 0);
    CHECK(gone < full); // the cards are left out, the chrome stays
}

TEST_CASE("every signage string is in the catalogs, translated into English and Ukrainian") {
    const auto tr = uitest::loadTranslator();
    std::vector<std::string> keys{"signage.touch",    "signage.social_clause", "signage.deadline",
                                  "signage.last_day", "signage.now",           "signage.today",
                                  "signage.tomorrow", "signage.reached"};
    for (SlideKind kind : KioskConfig::Signage{}.slides)
        keys.push_back("signage.title." + std::string(kiosk::app::slideKindName(kind)));
    for (const auto& key : keys) {
        INFO(key);
        REQUIRE(tr.has(key));
        const std::string_view pl = tr.text(cache::Lang::Pl, key);
        CHECK(tr.text(cache::Lang::En, key) != pl);
        CHECK(tr.text(cache::Lang::Uk, key) != pl);
    }
    CHECK(tr.text(cache::Lang::Pl, "signage.touch") == "Dotknij, aby rozpocząć");
    CHECK(tr.text(cache::Lang::En, "signage.touch") == "Touch to start");
    CHECK(tr.text(cache::Lang::Uk, "signage.touch") == "Торкніться, щоб почати");
}
