// The monkey (kiosk/monkey): its gestures are valid script, stay on the
// screen and off the admin's quit buttons, cover every kind, and replay
// exactly from a seed; the player it feeds drops what it has played; its
// log counts and reports.
#include <doctest/doctest.h>

#include <nlohmann/json.hpp>
#include <set>
#include <variant>

#include "monkey/monkey.hpp"
#include "monkey/monkey_log.hpp"
#include "platform/input_script.hpp"

namespace {

using kiosk::app::ScreenId;
using kiosk::monkey::Gesture;
using kiosk::monkey::Monkey;
using kiosk::monkey::MonkeySettings;
using kiosk::monkey::MonkeyView;
using kiosk::widgets::KeyRect;

MonkeySettings settings(std::uint64_t seed) {
    MonkeySettings s;
    s.seed = seed;
    s.width = 1280;
    s.height = 800;
    s.idleTimeoutMs = 20000;
    s.stillThereMs = 5000;
    s.pin = "2468";
    return s;
}

// A PIN pad of 12 keys, 100 px apart, and a quit button to stay away from.
MonkeyView adminView() {
    MonkeyView v;
    v.screen = ScreenId::Admin;
    for (int row = 0; row < 4; ++row)
        for (int col = 0; col < 3; ++col) v.pinKeys.push_back(KeyRect{400.0f + col * 100, 200.0f + row * 100, 90, 90});
    v.adminButtons = {KeyRect{900, 200, 200, 80}, KeyRect{900, 300, 200, 80}};
    return v;
}

std::vector<MonkeyView> views() {
    std::vector<MonkeyView> out;
    for (ScreenId s : {ScreenId::Home, ScreenId::List, ScreenId::Detail, ScreenId::Search, ScreenId::Map}) {
        MonkeyView v;
        v.screen = s;
        out.push_back(v);
    }
    out.push_back(adminView());
    MonkeyView signage;
    signage.kioskShown = false;
    out.push_back(signage);
    return out;
}

kiosk::platform::Script parse(const Gesture& g) {
    auto parsed = kiosk::platform::parseScript(g.script);
    if (auto* bad = std::get_if<kiosk::platform::ScriptParseError>(&parsed))
        FAIL(g.kind << ": " << kiosk::platform::describe(*bad) << "\n" << g.script);
    return std::get<kiosk::platform::Script>(std::move(parsed));
}

// Where a command puts a finger or the mouse first, if anywhere.
std::optional<std::pair<float, float>> firstPoint(const kiosk::platform::ScriptAction& a) {
    using namespace kiosk::platform;
    if (auto* t = std::get_if<TouchTapCommand>(&a)) return std::pair{t->x, t->y};
    if (auto* t = std::get_if<TapCommand>(&a)) return std::pair{t->x, t->y};
    if (auto* t = std::get_if<DoubleTapCommand>(&a)) return std::pair{t->x, t->y};
    if (auto* d = std::get_if<TouchDragCommand>(&a)) return std::pair{d->x1, d->y1};
    if (auto* d = std::get_if<DragCommand>(&a)) return std::pair{d->x1, d->y1};
    if (auto* f = std::get_if<FlingCommand>(&a)) return std::pair{f->x1, f->y1};
    if (auto* p = std::get_if<PinchCommand>(&a)) return std::pair{p->cx, p->cy};
    return std::nullopt;
}

} // namespace

TEST_CASE("the same seed gives the same gestures; another seed other ones") {
    Monkey a(settings(7)), b(settings(7)), c(settings(8));
    const std::vector<MonkeyView> all = views(); // not views()[i]: a reference into a temporary (ASan found it)
    int differ = 0;
    for (int i = 0; i < 2000; ++i) {
        const MonkeyView& v = all[static_cast<std::size_t>(i) % all.size()];
        const Gesture ga = a.next(v), gb = b.next(v), gc = c.next(v);
        REQUIRE(ga.script == gb.script);
        REQUIRE(ga.kind == gb.kind);
        if (ga.script != gc.script) ++differ;
    }
    CHECK(differ > 1800);
}

TEST_CASE("every gesture is valid script on the screen, never on a quit button, and every kind comes up") {
    Monkey m(settings(20261205));
    MonkeyView admin = adminView();
    const KeyRect quit{900, 600, 300, 150};
    admin.avoid = {quit};
    std::map<std::string, int> kinds;
    for (const MonkeyView& base : views()) {
        MonkeyView v = base.screen == ScreenId::Admin && base.kioskShown ? admin : base;
        for (int i = 0; i < 3000; ++i) {
            const Gesture g = m.next(v);
            ++kinds[g.kind];
            const auto script = parse(g);
            REQUIRE_FALSE(script.commands.empty());
            for (const auto& c : script.commands) {
                const auto p = firstPoint(c.action);
                if (!p) continue;
                INFO(g.kind << ": " << g.script);
                CHECK(p->first >= 0);
                CHECK(p->first < 1280);
                CHECK(p->second >= 0);
                CHECK(p->second < 800);
                const bool onQuit = quit.contains(p->first, p->second);
                CHECK_FALSE((onQuit && v.screen == ScreenId::Admin));
            }
        }
    }
    for (const char* k : {"tap", "top-bar", "scroll", "drag", "fling", "pinch", "double-tap", "two-finger-tap",
                          "keyboard", "type", "key", "wait", "idle-timeout", "still-there", "admin-open",
                          "side-panel", "pin-right", "pin-wrong", "admin-button", "wake"}) {
        CAPTURE(k);
        CHECK(kinds[k] > 0);
    }
}

TEST_CASE("a right PIN taps the pad's keys for its digits, then OK; a wrong one never spells the PIN") {
    Monkey m(settings(3));
    const MonkeyView v = adminView();
    const auto centre = [&](int key) { return std::pair{v.pinKeys[key].x + 45.0f, v.pinKeys[key].y + 45.0f}; };
    int right = 0, wrong = 0;
    for (int i = 0; i < 400; ++i) {
        const Gesture g = m.next(v);
        if (g.kind != "pin-right" && g.kind != "pin-wrong") continue;
        std::string digits;
        bool ok = false;
        for (const auto& c : parse(g).commands) {
            const auto* t = std::get_if<kiosk::platform::TouchTapCommand>(&c.action);
            if (!t) continue;
            for (int key = 0; key < 12; ++key) {
                if (centre(key) != std::pair{t->x, t->y}) continue;
                if (key == 11) ok = true;
                else if (key == 10) digits += '0';
                else if (key < 9) digits += static_cast<char>('1' + key);
            }
        }
        CHECK(ok);
        if (g.kind == "pin-right") {
            ++right;
            CHECK(digits == "2468");
        } else {
            ++wrong;
            CHECK(digits != "2468");
            CHECK(digits.size() >= 4);
        }
    }
    CHECK(right > 20);
    CHECK(wrong > 10);
}

TEST_CASE("a player fed a gesture at a time plays them all and keeps only what is left") {
    Monkey m(settings(11));
    kiosk::platform::ScriptPlayer player(kiosk::platform::Script{});
    MonkeyView v;
    int gestures = 0, frames = 0;
    while (frames < 20000) {
        if (player.finished()) {
            player.append(parse(m.next(v)));
            ++gestures;
        }
        const auto in = player.step(kiosk::platform::kHeadlessFrameMs);
        CHECK_FALSE(in.quit);
        ++frames;
    }
    CHECK(gestures > 100);
    CHECK(player.elapsedMs() == doctest::Approx(20000 * kiosk::platform::kHeadlessFrameMs));
}

TEST_CASE("a wait reports the time it has left, so the clock may stride through it") {
    auto parsed = kiosk::platform::parseScript("touch-tap 10 10\nwait 1000\n");
    kiosk::platform::ScriptPlayer player(std::get<kiosk::platform::Script>(std::move(parsed)));
    CHECK(player.waitLeftMs() == 0);
    (void)player.step(16);
    (void)player.step(16); // the tap: down, up
    (void)player.step(250);
    CHECK(player.waitLeftMs() == doctest::Approx(750));
    (void)player.step(250);
    (void)player.step(250);
    (void)player.step(250);
    (void)player.step(16);
    CHECK(player.finished());
}

TEST_CASE("the monkey's log counts frames, actions and screens and reports on time") {
    kiosk::monkey::MonkeyLog log(5, 1000);
    log.gesture("tap", 1);
    log.gesture("admin-open", 5);
    for (int i = 0; i < 99; ++i) log.frame(10, "home", false);
    log.frame(400, "map", false); // the one slow frame: the p99 bucket holds it
    log.frame(900, "map", true);  // taking in new data: apart
    log.catalogLoaded();
    CHECK_FALSE(log.due(500).has_value());
    const auto report = log.due(1000);
    REQUIRE(report.has_value());
    CHECK_FALSE(log.due(1500).has_value());
    CHECK(log.due(2000).has_value());
    const auto j = nlohmann::json::parse(*report);
    CHECK(j["monkey"] == "report");
    CHECK(j["seed"] == 5);
    CHECK(j["frames"] == 101);
    CHECK(j["actions"] == 6);
    CHECK(j["gestures"] == 2);
    CHECK(j["catalogs_loaded"] == 1);
    CHECK(j["screens"]["home"] == 99);
    CHECK(j["screens"]["map"] == 2);
    CHECK(j["frame_ms_max"] == 400.0);
    CHECK(j["data_load_frame_ms_max"] == 900.0);
    CHECK(j["frame_ms_p99"] == 11.0);
    CHECK(j["rss_kib"].get<std::int64_t>() > 1000);
    CHECK(nlohmann::json::parse(log.summary(3000))["monkey"] == "summary");
}
