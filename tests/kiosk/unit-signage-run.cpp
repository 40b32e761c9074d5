// Signage in the real kiosk under Xvfb, on the demo data and a fake clock
// (--now; scripted frames advance it): slides change on their durations and
// come round again after a full cycle, a touch wakes the kiosk to its home
// screen, and outside display hours the screen is black.
#include <doctest/doctest.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <string>

#include "demo_cache.hpp"
#include "screenshot_image.hpp"

namespace fs = std::filesystem;

namespace {

int runKiosk(const fs::path& out, const std::string& config, const std::string& script) {
    std::ofstream(out / "kiosk.toml") << config;
    std::ofstream(out / "script.txt") << script;
    const std::string cmd = "TZ=Europe/Warsaw LIBGL_ALWAYS_SOFTWARE=1 xvfb-run -a -s '-screen 0 1920x1080x24' '" +
                            std::string(PESTOR_KIOSK_BIN) + "' --config '" + (out / "kiosk.toml").string() +
                            "' --cache '" + (out / "cache.sqlite").string() + "' --assets '" + PESTOR_ASSETS_DIR +
                            "' --size 1920x1080 --now 2026-11-21T12:00:00+01:00 --script '" +
                            (out / "script.txt").string() + "' --screenshots '" + out.string() + "' > '" +
                            (out / "kiosk.log").string() + "' 2>&1";
    return std::system(cmd.c_str());
}

// Share of pixels that differ between two shots in a rectangle.
double difference(const shots::Image& a, const shots::Image& b, int x0, int y0, int x1, int y1) {
    int differ = 0, all = 0;
    for (int y = y0; y < y1; ++y)
        for (int x = x0; x < x1; ++x, ++all)
            if (!shots::near(a.at(x, y), b.at(x, y), 8)) ++differ;
    return static_cast<double>(differ) / all;
}

const std::array<int, 3> kPaper{244, 241, 234}, kTopBar{22, 84, 110};

} // namespace

TEST_CASE("signage: slides cycle on the fake clock and a touch wakes the kiosk") {
    const fs::path out = fs::path(PESTOR_BINARY_DIR) / "test-output" / "kiosk-signage-run";
    fs::remove_all(out);
    fs::create_directories(out);
    shots::importDemoData(out / "cache.sqlite");
    // Three kinds of 3 s each: a 9 s cycle.
    const std::string config = "[signage]\nenabled = true\nslides = [\"equipment\", \"demands\", \"indicators\"]\n"
                               "[signage.slide_seconds]\nequipment = 3\ndemands = 3\nindicators = 3\n"
                               "[signage.hours]\non = \"07:00\"\noff = \"20:00\"\n";
    REQUIRE(runKiosk(out, config,
                     "wait 500\nsnap first\n"
                     "wait 3000\nsnap second\n"
                     "wait 3000\nsnap third\n"
                     "wait 3000\nsnap again\n" // 9 s on: the first slide again
                     "touch-tap 960 540\nwait 400\nsnap woke\n") == 0);
    INFO("kiosk log: " << (out / "kiosk.log").string());
    const shots::Image first = shots::load(out / "first.png"), second = shots::load(out / "second.png"),
                       third = shots::load(out / "third.png"), again = shots::load(out / "again.png"),
                       woke = shots::load(out / "woke.png");
    // Signage has no top bar: the page colour reaches the corner.
    CHECK(shots::near(first.at(10, 10), kPaper));
    CHECK(shots::inkShare(first, 40, 40, 1200, 150, kPaper) > 0.03); // a slide title
    // Each slide looks different; a full cycle later the first is back.
    const int x0 = 40, y0 = 40, x1 = 1880, y1 = 960;
    CHECK(difference(first, second, x0, y0, x1, y1) > 0.05);
    CHECK(difference(second, third, x0, y0, x1, y1) > 0.05);
    CHECK(difference(first, third, x0, y0, x1, y1) > 0.05);
    CHECK(difference(first, again, x0, y0, x1, y1) < 0.002);
    // "Dotknij, aby rozpocząć" on the band at the bottom.
    CHECK(shots::near(first.at(20, 1060), kTopBar, 12));
    // The touch woke it: the home screen with its top bar.
    CHECK(shots::near(woke.at(10, 10), kTopBar));
    CHECK(shots::inkShare(woke, 40, 130, 700, 200, kPaper) > 0.04); // "Czego szukasz?"
}

TEST_CASE("signage: outside display hours the screen is black, and a touch still wakes it") {
    const fs::path out = fs::path(PESTOR_BINARY_DIR) / "test-output" / "kiosk-signage-dark";
    fs::remove_all(out);
    fs::create_directories(out);
    shots::importDemoData(out / "cache.sqlite");
    // 12:00 on a Saturday, and Saturdays are dark.
    REQUIRE(runKiosk(out, "[signage]\nenabled = true\n[signage.hours]\nsat = \"off\"\n",
                     "wait 500\nsnap dark\ntouch-tap 960 540\nwait 400\nsnap woke\n") == 0);
    INFO("kiosk log: " << (out / "kiosk.log").string());
    const shots::Image dark = shots::load(out / "dark.png"), woke = shots::load(out / "woke.png");
    CHECK(shots::inkShare(dark, 0, 0, 1920, 1080, {0, 0, 0}) < 0.001);
    CHECK(shots::near(woke.at(10, 10), kTopBar));
}
