// The on-screen keyboard: its layouts as data, and typing on the drawn
// keyboard of the search screen by tapping key centres (taken from the
// widget's own layout function for the window's size, never fixed pixels).
#include <doctest/doctest.h>

#include <imgui_internal.h>

#include <functional>
#include <set>

#include "cache/cache_db.hpp"
#include "cache/searcher.hpp"
#include "cache/text_fold.hpp"
#include "fixture_records.hpp"
#include "ui_harness.hpp"
#include "widgets/on_screen_keyboard.hpp"

using namespace kiosk::app;
using kiosk::widgets::KeyboardLanguage;
using kiosk::widgets::KeyDef;
using kiosk::widgets::KeyPress;
using kiosk::widgets::KeyRole;

namespace {

// All a page can type, in either case and with AltGr, and its long-press choices.
struct Reach {
    std::set<std::string> tap, altGr, longPress;
};
Reach reachOf(const kiosk::widgets::KeyboardPage& page) {
    Reach r;
    for (const auto& row : page.rows)
        for (const KeyDef& k : row) {
            if (k.role != KeyRole::Char) continue;
            r.tap.insert(k.lower);
            r.tap.insert(k.upper);
            if (!k.altLower.empty()) r.altGr.insert({k.altLower, k.altUpper});
            for (bool up : {false, true})
                for (const auto& v : kiosk::widgets::keyVariants(k, up)) r.longPress.insert(v);
        }
    return r;
}

bool hasRole(const kiosk::widgets::KeyboardPage& page, KeyRole role) {
    for (const auto& row : page.rows)
        for (const KeyDef& k : row)
            if (k.role == role) return true;
    return false;
}

std::shared_ptr<const cache::Catalog> entities(uitest::FixtureCache& cache) {
    cache.add("entities", uitest::manyEntities());
    return cache.load();
}

void openSearch(uitest::UiHarness& h) {
    Effects fx;
    applyAction(h.session, OpenSearch{}, fx);
    h.ui.focusSearchField = true;
    h.idle(3);
    REQUIRE(h.ui.keyboard.area.h > 0); // drawn, so its rectangle is known
}

using KeyPred = std::function<bool(const KeyDef&)>;
KeyPred letter(std::string base) {
    return [base](const KeyDef& k) { return k.role == KeyRole::Char && k.lower == base; };
}
KeyPred role(KeyRole r) {
    return [r](const KeyDef& k) { return k.role == r; };
}

// The key's rectangle where the keyboard draws it now (current page).
kiosk::widgets::KeyRect keyRect(const uitest::UiHarness& h, const KeyPred& pred) {
    for (const auto& pk : kiosk::widgets::keyboardKeys(h.ui.keyboard, h.theme(), h.ui.keyboard.area))
        if (pred(*pk.key)) return pk.rect;
    FAIL("no such key on the current page");
    return {};
}

std::string at(const kiosk::widgets::KeyRect& r) {
    return std::to_string(static_cast<int>(r.centreX())) + " " + std::to_string(static_cast<int>(r.centreY()));
}

void tapKey(uitest::UiHarness& h, const KeyPred& pred) { h.play("tap " + at(keyRect(h, pred)) + "\n"); }

// A press held still for `ms` (the script's drag without movement).
void holdKey(uitest::UiHarness& h, const KeyPred& pred, int ms) {
    const std::string p = at(keyRect(h, pred));
    h.play("drag " + p + " " + p + " " + std::to_string(ms) + "\n");
}

// Taps the key whose lower-case letter is each code point of `word`.
void tapWord(uitest::UiHarness& h, std::string_view word) {
    for (std::size_t pos = 0; pos < word.size();) {
        const std::size_t start = pos;
        cache::decodeUtf8(word, pos);
        tapKey(h, letter(std::string(word.substr(start, pos - start))));
    }
}

std::string lastQuery(const Actions& actions) {
    std::string q = "<none>";
    for (const auto& a : actions)
        if (const auto* s = std::get_if<SetQuery>(&a)) q = s->text;
    return q;
}

// Frame-by-frame finger for moves a script cannot express (hold, then slide).
struct Finger {
    uitest::UiHarness& h;
    void frame(float x, float y, bool down) {
        kiosk::platform::FrameInput in;
        in.mousePos = std::pair{x, y};
        in.mouseDown = down;
        h.frame(in);
    }
    void hold(float x, float y, int ms) {
        for (double t = 0; t < ms; t += 1000.0 / 60.0) frame(x, y, true);
    }
};

} // namespace

TEST_CASE("every Polish diacritic is reachable by long-press on its base letter and by AltGr") {
    const auto& pl = kiosk::widgets::keyboardPage(KeyboardLanguage::Polish, false);
    const Reach r = reachOf(pl);
    for (std::string d : {"ą", "ć", "ę", "ł", "ń", "ó", "ś", "ź", "ż", "Ą", "Ć", "Ę", "Ł", "Ń", "Ó", "Ś", "Ź", "Ż"}) {
        CAPTURE(d);
        CHECK(r.longPress.count(d) == 1);
        CHECK(r.altGr.count(d) == 1);
    }
    CHECK(hasRole(pl, KeyRole::AltGr));
    // Long-press lives on the base letter: ł on l, both ż and ź on z.
    for (const auto& row : pl.rows)
        for (const KeyDef& k : row) {
            if (k.lower == "l") CHECK(k.variantsLower == std::vector<std::string>{"ł"});
            if (k.lower == "z") CHECK(k.variantsLower == std::vector<std::string>{"ż", "ź"});
            if (k.lower == "x") CHECK(k.altLower == "ź"); // as on the Polish programmer layout
        }
    // QWERTY, as on the Polish programmer layout people know.
    std::string top;
    for (const KeyDef& k : pl.rows[0]) top += k.lower;
    CHECK(top == "qwertyuiop");
}

TEST_CASE("the Ukrainian layout is ЙЦУКЕН and has і ї є ґ and the apostrophe") {
    const auto& uk = kiosk::widgets::keyboardPage(KeyboardLanguage::Ukrainian, false);
    const Reach r = reachOf(uk);
    for (std::string l : {"і", "ї", "є", "ґ", "'", "І", "Ї", "Є", "Ґ"}) {
        CAPTURE(l);
        CHECK(r.tap.count(l) == 1);
    }
    CHECK(r.longPress.count("ґ") == 1); // also on г, where Ukrainian typists look for it
    std::string top;
    for (const KeyDef& k : uk.rows[0]) top += k.lower;
    CHECK(top.rfind("йцукен", 0) == 0);
    CHECK_FALSE(hasRole(uk, KeyRole::AltGr));
    // Russian-only letters are not on a Ukrainian keyboard.
    for (std::string l : {"ы", "э", "ъ", "ё"}) CHECK(r.tap.count(l) == 0);
}

TEST_CASE("English is plain QWERTY; the symbols page has digits and search punctuation") {
    const auto& en = kiosk::widgets::keyboardPage(KeyboardLanguage::English, false);
    CHECK_FALSE(hasRole(en, KeyRole::AltGr));
    const Reach sym = reachOf(kiosk::widgets::keyboardPage(KeyboardLanguage::Polish, true));
    for (std::string c : {"0", "1", "9", "-", ".", ",", "@", "/", "'", "\"", "(", ")", "&"}) {
        CAPTURE(c);
        CHECK(sym.tap.count(c) == 1);
    }
    for (auto lang : {KeyboardLanguage::Polish, KeyboardLanguage::English, KeyboardLanguage::Ukrainian})
        for (bool symbols : {false, true}) {
            const auto& p = kiosk::widgets::keyboardPage(lang, symbols);
            CHECK(hasRole(p, KeyRole::Backspace));
            CHECK(hasRole(p, KeyRole::Space));
            CHECK(hasRole(p, KeyRole::Done));
            CHECK(hasRole(p, symbols ? KeyRole::Letters : KeyRole::Symbols));
            if (!symbols) CHECK(hasRole(p, KeyRole::Shift));
            if (!symbols) CHECK(hasRole(p, KeyRole::Language));
        }
}

TEST_CASE("backspace removes one code point, not one byte") {
    std::string s = "Łódź";
    const KeyPress bs{KeyPress::Kind::Backspace, {}};
    CHECK(kiosk::widgets::applyKeyPress(s, bs));
    CHECK(s == "Łód");
    s = "ї";
    CHECK(kiosk::widgets::applyKeyPress(s, bs));
    CHECK(s.empty());
    CHECK_FALSE(kiosk::widgets::applyKeyPress(s, bs));
    CHECK(kiosk::widgets::applyKeyPress(s, KeyPress{KeyPress::Kind::Text, "ż"}));
    CHECK(s == "ż");
}

TEST_CASE("keys are touch-sized, inside the keyboard and apart, on every page and window size") {
    uitest::FixtureCache cache;
    for (auto [w, hgt] : {std::pair{1920.0f, 1080.0f}, std::pair{1280.0f, 720.0f}}) {
        CAPTURE(w);
        uitest::UiHarness h(entities(cache), w, hgt);
        openSearch(h);
        const auto area = h.ui.keyboard.area;
        CHECK(area.x == doctest::Approx(0));
        CHECK(area.w == doctest::Approx(w)); // spans the screen
        CHECK(area.y + area.h <= hgt);
        for (auto lang : {KeyboardLanguage::Polish, KeyboardLanguage::English, KeyboardLanguage::Ukrainian})
            for (bool symbols : {false, true}) {
                const auto keys = kiosk::widgets::placeKeys(kiosk::widgets::keyboardPage(lang, symbols), area,
                                                            kiosk::widgets::keyboardMetrics(h.theme()));
                for (std::size_t i = 0; i < keys.size(); ++i) {
                    const auto& r = keys[i].rect;
                    CHECK(r.h >= h.theme().targetPx);
                    CHECK(r.w >= h.theme().targetPx);
                    CHECK(r.x >= area.x);
                    CHECK(r.x + r.w <= area.x + area.w + 0.5f);
                    CHECK(r.y >= area.y);
                    CHECK(r.y + r.h <= area.y + area.h + 0.5f);
                    for (std::size_t j = i + 1; j < keys.size(); ++j) CHECK_FALSE(r.intersects(keys[j].rect));
                }
            }
    }
}

TEST_CASE("the keyboard never covers the search field, at 1920x1080 and at 1280x720") {
    uitest::FixtureCache cache;
    for (auto [w, hgt] : {std::pair{1920.0f, 1080.0f}, std::pair{1280.0f, 720.0f}}) {
        CAPTURE(w);
        uitest::UiHarness h(entities(cache), w, hgt);
        openSearch(h);
        const auto field = h.ui.searchFieldRect;
        const auto kb = h.ui.keyboard.area;
        REQUIRE(field.h > 0);
        CHECK_FALSE(field.intersects(kb));
        CHECK(field.y + field.h < kb.y);
        // Nor while a long-press popup is open on the top row.
        const auto q = keyRect(h, letter("q"));
        Finger f{h};
        f.frame(q.centreX(), q.centreY(), false);
        f.hold(q.centreX(), q.centreY(), 100);
        CHECK(h.ui.searchFieldRect.y + h.ui.searchFieldRect.h <= q.y - q.h * 1.2f);
        f.frame(q.centreX(), q.centreY(), false);
    }
}

TEST_CASE("typing Łódź on the Polish keyboard sets the query and the search finds the record") {
    uitest::FixtureCache cache;
    uitest::UiHarness h(entities(cache));
    openSearch(h);
    CHECK(h.ui.keyboard.language() == KeyboardLanguage::Polish); // follows the session's language
    Actions all;
    const auto record = [&](Actions a) { all.insert(all.end(), a.begin(), a.end()); };

    tapKey(h, role(KeyRole::Shift));
    CHECK(h.ui.keyboard.shift == kiosk::widgets::ShiftMode::Once);
    holdKey(h, letter("l"), 700); // long-press: Ł (upper: shift was on)
    CHECK(h.ui.searchBuffer == "Ł");
    CHECK(h.ui.keyboard.shift == kiosk::widgets::ShiftMode::Off); // one-shot
    holdKey(h, letter("o"), 700);
    tapKey(h, letter("d"));
    tapKey(h, role(KeyRole::AltGr)); // AltGr + x = ź, as on the programmer layout
    CHECK(h.ui.keyboard.altGr);
    record(h.play("tap " + at(keyRect(h, letter("x"))) + "\nwait 100\n"));
    CHECK_FALSE(h.ui.keyboard.altGr); // one-shot too

    CHECK(h.ui.searchBuffer == "Łódź");
    CHECK(h.session.query == "Łódź");
    CHECK(lastQuery(all) == "Łódź");

    // The real searcher on the same cache finds the record titled with it.
    auto db = cache::openCacheReadOnly(cache.databasePath());
    REQUIRE(db.ok());
    cache::Searcher searcher(**db);
    auto results = searcher.search(h.session.query);
    REQUIRE(results.ok());
    bool found = false;
    for (const auto& g : results->groups)
        for (const auto& hit : g.hits) found = found || hit.id == "e-lodz";
    CHECK(found);

    // Backspace on the keyboard removes one letter (two bytes of ź).
    const Actions bs = h.play("tap " + at(keyRect(h, role(KeyRole::Backspace))) + "\nwait 100\n");
    CHECK(lastQuery(bs) == "Łód");
    CHECK(h.session.query == "Łód");
}

TEST_CASE("after keyboard typing the field shows the text with the caret at its end, and a physical keyboard goes on") {
    uitest::FixtureCache cache;
    uitest::UiHarness h(entities(cache));
    openSearch(h);
    tapWord(h, "tor");
    h.idle(4); // the field takes its focus back once the finger is up
    const ImGuiContext& g = *GImGui;
    const ImGuiID field = g.InputTextState.ID;
    REQUIRE(field != 0);
    CHECK(g.ActiveId == field);
    CHECK(g.InputTextState.CurLenW == 3); // ImGui's copy of the text is in step with the buffer
    CHECK(g.InputTextState.Stb.cursor == 3);
    CHECK(g.InputTextState.Stb.select_start == g.InputTextState.Stb.select_end); // nothing selected to be replaced
    // Physical typing continues at the end (admins, desktop development).
    const Actions a = h.play("type uń\nwait 100\n");
    CHECK(lastQuery(a) == "toruń");
    // And the keyboard continues after that, too.
    tapKey(h, letter("a"));
    CHECK(h.ui.searchBuffer == "toruńa");
    const Actions b = h.play("wait 100\nkey backspace\nwait 100\n");
    CHECK(lastQuery(b) == "toruń");
}

TEST_CASE("typing a Ukrainian word on the Ukrainian keyboard, which the session's language selects") {
    uitest::FixtureCache cache;
    uitest::UiHarness h(entities(cache));
    h.session.lang = cache::Lang::Uk;
    openSearch(h);
    CHECK(h.ui.keyboard.language() == KeyboardLanguage::Ukrainian);
    tapWord(h, "допомога");
    h.idle(2);
    CHECK(h.ui.searchBuffer == "допомога");
    CHECK(h.session.query == "допомога");
    // ґ by long-press on г.
    holdKey(h, letter("г"), 700);
    CHECK(h.ui.searchBuffer == "допомогаґ");
    h.play("tap " + at(keyRect(h, role(KeyRole::Backspace))) + "\n");
    CHECK(h.session.query == "допомога");
}

TEST_CASE("long-press z and slide to the second choice types ź") {
    uitest::FixtureCache cache;
    uitest::UiHarness h(entities(cache));
    openSearch(h);
    const auto z = keyRect(h, letter("z"));
    Finger f{h};
    f.frame(z.centreX(), z.centreY(), false);
    f.hold(z.centreX(), z.centreY(), 600);
    REQUIRE(h.ui.keyboard.popupOpen);
    const auto second = kiosk::widgets::popupCell(z, h.ui.keyboard.area, 2, 1);
    f.hold(second.centreX(), second.centreY(), 100);
    CHECK(h.ui.keyboard.popupChoice == 1);
    f.frame(second.centreX(), second.centreY(), false);
    CHECK(h.ui.searchBuffer == "ź");
    // A short tap on z is plain z: no popup.
    tapKey(h, letter("z"));
    CHECK(h.ui.searchBuffer == "źz");
}

TEST_CASE("shift is one-shot, a second tap locks caps, a third turns it off") {
    uitest::FixtureCache cache;
    uitest::UiHarness h(entities(cache));
    openSearch(h);
    tapKey(h, role(KeyRole::Shift));
    tapWord(h, "aa");
    CHECK(h.ui.searchBuffer == "Aa");
    tapKey(h, role(KeyRole::Shift));
    tapKey(h, role(KeyRole::Shift));
    CHECK(h.ui.keyboard.shift == kiosk::widgets::ShiftMode::Locked);
    tapWord(h, "bb");
    holdKey(h, letter("e"), 700);
    CHECK(h.ui.searchBuffer == "AaBBĘ");
    tapKey(h, role(KeyRole::Shift));
    tapWord(h, "c");
    CHECK(h.ui.searchBuffer == "AaBBĘc");
}

TEST_CASE("holding backspace repeats; the symbols page and the language key switch layouts") {
    uitest::FixtureCache cache;
    uitest::UiHarness h(entities(cache));
    openSearch(h);
    h.play("type abcdefghijkl\nwait 100\n");
    REQUIRE(h.ui.searchBuffer == "abcdefghijkl");
    holdKey(h, role(KeyRole::Backspace), 800); // at once, then from 500 ms every 80 ms
    const std::size_t left = h.ui.searchBuffer.size();
    CHECK(left <= 12 - 4);
    CHECK(left >= 12 - 6);
    CHECK(h.session.query == h.ui.searchBuffer);

    tapKey(h, role(KeyRole::Symbols));
    CHECK(h.ui.keyboard.symbols);
    tapKey(h, [](const KeyDef& k) { return k.lower == "@"; });
    CHECK(h.ui.searchBuffer.back() == '@');
    tapKey(h, role(KeyRole::Letters));
    CHECK_FALSE(h.ui.keyboard.symbols);

    tapKey(h, role(KeyRole::Language));
    CHECK(h.ui.keyboard.language() == KeyboardLanguage::English);
    tapKey(h, role(KeyRole::Language));
    CHECK(h.ui.keyboard.language() == KeyboardLanguage::Ukrainian);
    // The visitor's screen language wins again when they change it.
    Effects fx;
    applyAction(h.session, SetLanguage{cache::Lang::En}, fx);
    h.idle(2);
    CHECK(h.ui.keyboard.language() == KeyboardLanguage::English);
}

TEST_CASE("Done hides the keyboard and the results grow; tapping the field brings it back") {
    uitest::FixtureCache cache;
    uitest::UiHarness h(entities(cache));
    openSearch(h);
    const Actions a = h.play("tap " + at(keyRect(h, role(KeyRole::Done))) + "\nwait 100\n");
    CHECK(h.ui.keyboardHidden);
    CHECK(a.empty()); // Done types nothing
    const auto field = h.ui.searchFieldRect;
    h.play("tap " + std::to_string(static_cast<int>(field.centreX())) + " " +
           std::to_string(static_cast<int>(field.centreY())) + "\nwait 100\n");
    CHECK_FALSE(h.ui.keyboardHidden);
}

TEST_CASE("the fonts have a glyph for every key and popup choice") {
    uitest::FixtureCache cache;
    uitest::UiHarness h(entities(cache));
    ImFont* font = ImGui::GetIO().Fonts->Fonts[0];
    std::set<unsigned> missing;
    const auto check = [&](std::string_view s) {
        for (std::size_t pos = 0; pos < s.size();) {
            const char32_t cp = cache::decodeUtf8(s, pos);
            if (!font->FindGlyphNoFallback(static_cast<ImWchar>(cp))) missing.insert(static_cast<unsigned>(cp));
        }
    };
    for (auto lang : {KeyboardLanguage::Polish, KeyboardLanguage::English, KeyboardLanguage::Ukrainian}) {
        check(kiosk::widgets::languageCode(lang));
        for (bool symbols : {false, true})
            for (const auto& row : kiosk::widgets::keyboardPage(lang, symbols).rows)
                for (const KeyDef& k : row) {
                    check(k.lower), check(k.upper), check(k.altLower), check(k.altUpper);
                    for (const auto& v : k.variantsLower) check(v);
                    for (const auto& v : k.variantsUpper) check(v);
                }
    }
    std::string list;
    for (unsigned cp : missing) list += "U+" + std::to_string(cp) + " ";
    INFO("code points without a glyph: " << list);
    CHECK(missing.empty());
}
