#include "monkey.hpp"

#include <algorithm>
#include <array>
#include <cmath>
#include <cstdio>

namespace kiosk::monkey {
namespace {

std::string line(const char* fmt, double a = 0, double b = 0, double c = 0, double d = 0, double e = 0) {
    char buf[160];
    std::snprintf(buf, sizeof buf, fmt, a, b, c, d, e);
    return std::string(buf) + "\n";
}

bool inside(const widgets::KeyRect& r, float x, float y) { return r.w > 0 && r.contains(x, y); }

// What visitors type: Polish with and without diacritics, Ukrainian,
// everyday words, and text that has broken search engines before (FTS5
// operators, quotes, SQL, very long words, emoji, RTL, combining marks).
constexpr std::array kTexts = {
    "pomoc", "spółdzielnia", "spoldzielnia", "Łódź", "ZAŻÓŁĆ GĘŚLĄ JAŹŃ", "fundacja", "jedzenie", "schronisko",
    "praca", "rower", "допомога", "Київ", "їжа", "ґанок", "Євгенія", "ОБ'ЄДНАННЯ", "food bank", "help",
    "\"", "a OR b", "NEAR(x y)", "*", "'; DROP TABLE records; --", "e\xCC\x81\xCC\x81\xCC\x81",
    "\xE2\x98\xBA\xE2\x99\xA5\xE2\x9C\x93" /* BMP symbols: ImGui 1.86 cannot input beyond U+FFFF */, "\xD7\xA9\xD7\x9C\xD7\x95\xD7\x9D",
    "\xD9\x85\xD8\xB1\xD8\xAD\xD8\xA8\xD8\xA7", "Bardzodługiesłowobezspacjiktóreniemieścisięwżadnympolu",
    "12345", "ul. Szeroka 1", "87-100"};

constexpr std::array kKeys = {"backspace", "enter", "escape", "tab", "left", "right", "up", "down", "home", "end",
                              "delete"};

} // namespace

Monkey::Monkey(const MonkeySettings& settings) : m_settings(settings), m_rng(settings.seed) {}

Monkey::Point Monkey::anywhere() {
    return {static_cast<float>(m_rng.between(2, static_cast<int>(m_settings.width) - 2)),
            static_cast<float>(m_rng.between(2, static_cast<int>(m_settings.height) - 2))};
}

Monkey::Point Monkey::inBand(float y0, float y1) {
    const int top = static_cast<int>(m_settings.height * y0), bottom = static_cast<int>(m_settings.height * y1);
    return {static_cast<float>(m_rng.between(2, static_cast<int>(m_settings.width) - 2)),
            static_cast<float>(m_rng.between(std::max(top, 2), std::max(bottom, top + 1)))};
}

// A point outside every avoided rectangle (the admin's quit buttons): a
// monkey must test the kiosk, not switch it off.
Monkey::Point Monkey::avoiding(const MonkeyView& view, Point p) {
    for (int tries = 0; tries < 16; ++tries) {
        const bool bad = std::any_of(view.avoid.begin(), view.avoid.end(),
                                     [&](const widgets::KeyRect& r) { return inside(r, p.x, p.y); });
        if (!bad) return p;
        p = anywhere();
    }
    return {m_settings.width * 0.5f, 2.0f}; // the top bar's middle: the title, harmless
}

std::string Monkey::sampleText() { return kTexts[m_rng.below(kTexts.size())]; }

Gesture Monkey::tap(const MonkeyView& view, Point p, const char* kind) {
    p = avoiding(view, p);
    const bool mouse = m_rng.chance(0.15f); // now and then a mouse, as in development
    return {kind, line(mouse ? "tap %.0f %.0f" : "touch-tap %.0f %.0f", p.x, p.y) +
                      line("wait %.0f", m_rng.between(30, 350))};
}

Gesture Monkey::scroll(const MonkeyView& view) {
    const Point a = avoiding(view, inBand(0.15f, 0.95f));
    const float dy = static_cast<float>(m_rng.between(-int(m_settings.height * 0.6f), int(m_settings.height * 0.6f)));
    return {"scroll", line("touch-drag %.0f %.0f %.0f %.0f %.0f", a.x, a.y, a.x, std::clamp(a.y + dy, 2.0f, m_settings.height - 2),
                           m_rng.between(120, 700)) + line("wait %.0f", m_rng.between(60, 500))};
}

Gesture Monkey::drag(const MonkeyView& view) {
    const Point a = avoiding(view, anywhere()), b = avoiding(view, anywhere());
    return {"drag", line(m_rng.chance(0.2f) ? "drag %.0f %.0f %.0f %.0f %.0f" : "touch-drag %.0f %.0f %.0f %.0f %.0f",
                         a.x, a.y, b.x, b.y, m_rng.between(80, 900)) +
                        line("wait %.0f", m_rng.between(40, 400))};
}

Gesture Monkey::fling(const MonkeyView& view) {
    const Point a = avoiding(view, inBand(0.15f, 0.95f));
    const float dx = static_cast<float>(m_rng.between(-400, 400)), dy = static_cast<float>(m_rng.between(-400, 400));
    return {"fling", line("fling %.0f %.0f %.0f %.0f %.0f", a.x, a.y, a.x + dx, a.y + dy, m_rng.between(40, 200)) +
                         line("wait %.0f", m_rng.between(200, 1500))};
}

Gesture Monkey::pinch(const MonkeyView& view) {
    const Point c = avoiding(view, inBand(0.2f, 0.8f));
    const float d1 = static_cast<float>(m_rng.between(60, 500)), d2 = static_cast<float>(m_rng.between(60, 500));
    return {"pinch", line("pinch %.0f %.0f %.0f %.0f %.0f", c.x, c.y, d1, d2, m_rng.between(150, 700)) +
                         line("wait %.0f", m_rng.between(100, 600))};
}

Gesture Monkey::doubleTap(const MonkeyView& view) {
    const Point p = avoiding(view, anywhere());
    return {"double-tap", line("double-tap %.0f %.0f", p.x, p.y) + line("wait %.0f", m_rng.between(300, 800))};
}

Gesture Monkey::twoFingerTap(const MonkeyView& view) {
    const Point p = avoiding(view, inBand(0.2f, 0.8f));
    return {"two-finger-tap", line("two-finger-tap %.0f %.0f", p.x, p.y) + line("wait %.0f", m_rng.between(300, 800))};
}

Gesture Monkey::typeText() { return {"type", "type " + sampleText() + "\n" + line("wait %.0f", m_rng.between(50, 400))}; }

Gesture Monkey::key() {
    std::string s;
    for (int n = m_rng.between(1, 4); n > 0; --n) s += std::string("key ") + kKeys[m_rng.below(kKeys.size())] + "\n";
    return {"key", s + line("wait %.0f", m_rng.between(50, 300))};
}

Gesture Monkey::pause() { return {"wait", line("wait %.0f", m_rng.between(200, 4000))}; }

// Nobody touches: "still there?" comes, nobody answers, the visit is reset.
Gesture Monkey::idleTimeout() {
    return {"idle-timeout", line("wait %.0f", m_settings.idleTimeoutMs + m_settings.stillThereMs + m_rng.between(500, 4000))};
}

// The visitor comes back while "still there?" counts down, and taps.
Gesture Monkey::answerStillThere(const MonkeyView& view) {
    const double into = m_settings.stillThereMs * 0.5;
    Gesture g = tap(view, anywhere(), "still-there");
    g.script = line("wait %.0f", m_settings.idleTimeoutMs + into) + g.script;
    return g;
}

// Five quick taps in the top-left corner open the admin PIN pad.
Gesture Monkey::openAdmin() {
    std::string s;
    for (int i = 0; i < 5; ++i) s += line("touch-tap %.0f %.0f", m_rng.between(3, 12), m_rng.between(3, 12)) + "wait 120\n";
    return {"admin-open", s + "wait 300\n"};
}

Gesture Monkey::enterPin(const MonkeyView& view) {
    std::string digits = m_settings.pin;
    const bool right = !digits.empty() && m_rng.chance(0.6f);
    if (!right) {
        digits.clear();
        for (int n = m_rng.between(4, 9); n > 0; --n) digits.push_back(static_cast<char>('0' + m_rng.below(10)));
        if (digits == m_settings.pin) digits.push_back('1');
    }
    const auto centre = [](const widgets::KeyRect& r) { return std::pair{r.x + r.w * 0.5f, r.y + r.h * 0.5f}; };
    std::string s;
    for (char d : digits) {
        const int index = d == '0' ? 10 : d - '1'; // 1..9 are keys 0..8, 0 is key 10
        const auto [x, y] = centre(view.pinKeys[index]);
        s += line("touch-tap %.0f %.0f", x, y) + "wait 80\n";
    }
    const auto [okX, okY] = centre(view.pinKeys[11]);
    s += line("touch-tap %.0f %.0f", okX, okY) + "wait 1500\n"; // argon2id takes its time
    return {right ? "pin-right" : "pin-wrong", s};
}

Gesture Monkey::next(const MonkeyView& view) {
    if (!view.kioskShown) { // signage or dark: a touch wakes it, or nobody comes
        if (m_rng.chance(0.5f)) return tap(view, anywhere(), "wake");
        return pause();
    }
    if (view.screen == app::ScreenId::Admin && view.pinKeys.size() == 12 && m_rng.chance(0.7f)) return enterPin(view);
    if (view.screen == app::ScreenId::Admin && !view.adminButtons.empty() && m_rng.chance(0.5f)) {
        const widgets::KeyRect& b = view.adminButtons[m_rng.below(view.adminButtons.size())];
        return tap(view, {b.x + b.w * 0.5f, b.y + b.h * 0.5f}, "admin-button");
    }
    // Weights per screen: the map gets gestures, search gets typing.
    const bool map = view.screen == app::ScreenId::Map;
    const bool search = view.screen == app::ScreenId::Search;
    struct Choice {
        int weight;
        int id;
    };
    const std::array<Choice, 16> choices{{
        {30, 0},                 // tap anywhere
        {14, 1},                 // the top bar: home, back, map, search, language, contrast, large text
        {map ? 4 : 12, 2},       // scroll a list
        {map ? 14 : 3, 3},       // drag
        {map ? 10 : 3, 4},       // fling
        {map ? 10 : 2, 5},       // pinch
        {map ? 7 : 2, 6},        // double tap
        {map ? 4 : 1, 7},        // two-finger tap
        {search ? 25 : 2, 8},    // taps on the on-screen keyboard (the lower part)
        {search ? 10 : 2, 9},    // typed text
        {4, 10},                 // keys
        {4, 11},                 // a pause
        {1, 12},                 // idle timeout: the visit ends
        {1, 13},                 // "still there?" answered
        {1, 14},                 // admin corner
        {map ? 6 : 4, 15},       // the right-hand panel (map layers, filters, in-view list)
    }};
    int total = 0;
    for (const Choice& c : choices) total += c.weight;
    int pick = static_cast<int>(m_rng.below(static_cast<std::uint32_t>(total)));
    int id = 0;
    for (const Choice& c : choices) {
        if (pick < c.weight) {
            id = c.id;
            break;
        }
        pick -= c.weight;
    }
    switch (id) {
    case 0: return tap(view, anywhere(), "tap");
    case 1: return tap(view, inBand(0.0f, 0.1f), "top-bar");
    case 2: return scroll(view);
    case 3: return drag(view);
    case 4: return fling(view);
    case 5: return pinch(view);
    case 6: return doubleTap(view);
    case 7: return twoFingerTap(view);
    case 8: return tap(view, inBand(0.55f, 0.99f), "keyboard");
    case 9: return typeText();
    case 10: return key();
    case 11: return pause();
    case 12: return idleTimeout();
    case 13: return answerStillThere(view);
    case 14: return openAdmin();
    default: {
        Point p = inBand(0.1f, 0.99f);
        p.x = m_settings.width * (0.7f + 0.3f * m_rng.unit());
        return tap(view, p, "side-panel");
    }
    }
}

} // namespace kiosk::monkey
