#pragma once
// A seeded monkey for long runs: random but plausible visitor input for the
// real kiosk — taps, drags, flings, pinches, double and two-finger taps,
// typing (Polish, Cyrillic, hostile text), keys, the top bar (language,
// contrast, large text, home, back), admin PIN attempts (right and wrong),
// idle timeouts and "still there?" answers — as commands of the scripted
// input language, played by platform::ScriptPlayer on its virtual clock.
//
// Pure: no ImGui context, SDL or GL. The stream of gestures is a function of
// the seed and of the hints in MonkeyView (which screen is up, where the PIN
// pad's keys are), so the same seed replays the same run on the same data.
#include <cstdint>
#include <string>
#include <vector>

#include "app/route.hpp"
#include "monkey/prng.hpp"
#include "widgets/keyboard_layout.hpp"

namespace kiosk::monkey {

struct MonkeySettings {
    std::uint64_t seed = 1;
    float width = 1920, height = 1080; // window pixels, as script coordinates
    double idleTimeoutMs = 90'000;     // the kiosk's session.idle_timeout_seconds
    double stillThereMs = 15'000;      // ... and session.still_there_seconds
    std::string pin;                   // the right admin PIN (empty: only wrong ones are tried)
};

// What the last frame showed, as far as the monkey cares.
struct MonkeyView {
    app::ScreenId screen = app::ScreenId::Home;
    bool kioskShown = true;                  // false while signage or a dark screen is up
    std::vector<widgets::KeyRect> pinKeys;   // 12 keys: 1..9, backspace, 0, OK; empty when no pad
    std::vector<widgets::KeyRect> adminButtons; // sync, signage (unlocked admin screen)
    std::vector<widgets::KeyRect> avoid;     // never touched: the admin's quit buttons
};

// One gesture, as lines of the script language (so a run can be saved and
// replayed with --script), and what kind of gesture it was.
struct Gesture {
    std::string kind;
    std::string script;
};

class Monkey {
  public:
    explicit Monkey(const MonkeySettings& settings);
    Gesture next(const MonkeyView& view);
    std::uint64_t seed() const { return m_settings.seed; }

  private:
    struct Point {
        float x, y;
    };
    Point anywhere();
    Point inBand(float y0, float y1); // a point in a horizontal band, fractions of the height
    Point avoiding(const MonkeyView& view, Point p);
    std::string sampleText();

    Gesture tap(const MonkeyView& view, Point p, const char* kind);
    Gesture scroll(const MonkeyView& view);
    Gesture drag(const MonkeyView& view);
    Gesture fling(const MonkeyView& view);
    Gesture pinch(const MonkeyView& view);
    Gesture doubleTap(const MonkeyView& view);
    Gesture twoFingerTap(const MonkeyView& view);
    Gesture typeText();
    Gesture key();
    Gesture pause();
    Gesture idleTimeout();
    Gesture answerStillThere(const MonkeyView& view);
    Gesture openAdmin();
    Gesture enterPin(const MonkeyView& view);

    MonkeySettings m_settings;
    Prng m_rng;
};

} // namespace kiosk::monkey
