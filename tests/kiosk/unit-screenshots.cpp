// The real kiosk binary in a real window under Xvfb with Mesa's software GL,
// on the demo data, driven by a script; pixel probes on its screenshots.
#include <doctest/doctest.h>

#include "screenshot_image.hpp"

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <memory>
#include <sstream>

#include "cache/cache_db.hpp"
#include "demo_cache.hpp"
#include "feed/importer.hpp"

namespace fs = std::filesystem;

using namespace shots;

TEST_CASE("demo tour under Xvfb: home, filtered list and detail render as designed") {
    const fs::path out = fs::path(PESTOR_BINARY_DIR) / "test-output" / "kiosk-screenshots";
    fs::remove_all(out);
    fs::create_directories(out);
    const fs::path cachePath = out / "cache.sqlite";
    shots::importDemoData(cachePath);
    // Home, then the entities list filtered to one district chip, then the
    // first record's detail.
    const fs::path script = out / "tour.txt";
    std::ofstream(script) << "wait 200\nsnap home\n"
                             "tap 330 420\nwait 200\n"
                             "tap 100 240\nwait 200\nsnap list\n"
                             "tap 1200 190\nwait 300\nsnap detail\n";
    const std::string cmd = "LIBGL_ALWAYS_SOFTWARE=1 xvfb-run -a -s '-screen 0 1920x1080x24' '" +
                            std::string(PESTOR_KIOSK_BIN) + "' --cache '" + cachePath.string() + "' --assets '" +
                            PESTOR_ASSETS_DIR + "' --size 1920x1080 --now 2026-11-21T12:00:00+01:00 --script '" +
                            script.string() + "' --screenshots '" + out.string() + "' > '" +
                            (out / "kiosk.log").string() + "' 2>&1";
    const int rc = std::system(cmd.c_str());
    INFO("kiosk log: " << (out / "kiosk.log").string());
    REQUIRE(rc == 0);

    const std::array<int, 3> topBar{22, 84, 110}, paper{244, 241, 234}, sunken{234, 230, 221}, white{255, 255, 255};
    const Image home = load(out / "home.png");
    REQUIRE(home.w == 1920);
    REQUIRE(home.h == 1080);
    INFO("pixels: " << describe(home.at(10, 10)) << " " << describe(home.at(900, 110)));
    CHECK(near(home.at(10, 10), topBar));          // top bar
    CHECK(near(home.at(10, 1075), sunken));        // status line
    CHECK(near(home.at(20, 300), paper));          // page background
    CHECK(near(home.at(600, 480), white));         // inside the first tile
    CHECK(inkShare(home, 40, 130, 700, 200, paper) > 0.04);  // "Czego szukasz?" heading drawn
    CHECK(inkShare(home, 80, 350, 640, 400, white) > 0.03);  // tile title drawn

    const Image list = load(out / "list.png");
    CHECK(near(list.at(10, 10), topBar));
    CHECK(near(list.at(560, 130), sunken));        // filter panel
    CHECK(near(list.at(32, 242), topBar, 30));     // the tapped chip is now filled (selected)
    CHECK(inkShare(list, 680, 150, 1500, 230, white) > 0.02); // first row has text

    const Image detail = load(out / "detail.png");
    CHECK(near(detail.at(10, 10), topBar));
    CHECK(near(detail.at(1900, 600), paper));      // no filter panel on a detail screen
    CHECK(inkShare(detail, 40, 130, 1500, 260, paper) > 0.03); // the record's title
}
