// The real pestor-kiosk binary with a configuration file: a bad value is
// named on stderr and the kiosk still runs (under Xvfb, a two-line script);
// a missing --config file stops it; --hash-pin prints a usable hash.
#include "app/admin_pin.hpp"
#include "cache/cache_db.hpp"
#include "support/process.hpp"
#include "support/temp_dir.hpp"

#include <cstdlib>
#include <doctest/doctest.h>
#include <filesystem>

namespace fs = std::filesystem;

TEST_CASE("pestor-kiosk with a bad config value names it on stderr and runs on") {
    testsupport::TempDir dir("pestor-config-run");
    {
        auto db = cache::openCacheForWriting(
            dir / "cache.sqlite"); // empty but valid: the kiosk shows "no data"
        REQUIRE(db.ok());
    }
    const fs::path config = dir / "kiosk.toml";
    testsupport::writeTextFile(config, "[data]\n"
                                       "cache = \"" +
                                           (dir / "cache.sqlite").string() +
                                           "\"\n"
                                           "[session]\n"
                                           "idle_timeout_seconds = 5\n"
                                           "[display]\n"
                                           "lanugage = \"en\"\n");
    testsupport::writeTextFile(dir / "script.txt", "wait 100\nquit\n");
    const auto r = testsupport::runProcess(
        {"xvfb-run", "-a", "-s", "-screen 0 800x600x24", PESTOR_KIOSK_BIN, "--config",
         config.string(), "--assets", PESTOR_ASSETS_DIR, "--size", "800x600", "--script",
         (dir / "script.txt").string(), "--screenshots", dir.path().string()});
    INFO("output:\n" << r.output);
    CHECK(r.exitCode == 0);
    CHECK(r.output.find("pestor-kiosk: config: " + config.string() +
                        ":4: session.idle_timeout_seconds: must be a whole number from 20 to 3600, "
                        "got 5; using default 90\n") != std::string::npos);
    CHECK(r.output.find(
              "pestor-kiosk: config: " + config.string() +
              ":6: display.lanugage: unknown key; ignored (did you mean display.language?)\n") !=
          std::string::npos);
    CHECK(r.output.find("pestor-kiosk: cache:") ==
          std::string::npos); // the file's cache path was used
}

TEST_CASE("pestor-kiosk --config naming a missing file exits 2 and says which") {
    testsupport::TempDir dir("pestor-config-run");
    const auto r =
        testsupport::runProcess({PESTOR_KIOSK_BIN, "--config", (dir / "typo.toml").string()});
    CHECK(r.exitCode == 2);
    CHECK(r.output.rfind("pestor-kiosk: config: " + (dir / "typo.toml").string() +
                             ": no such file (named by --config)\n",
                         0) == 0);
}

TEST_CASE("pestor-kiosk --hash-pin reads the PIN on stdin and prints only the hash") {
    testsupport::TempDir dir("pestor-config-run");
    const std::string cmd = "printf '97531\\n' | '" + std::string(PESTOR_KIOSK_BIN) +
                            "' --hash-pin > '" + (dir / "out.txt").string() + "' 2> '" +
                            (dir / "err.txt").string() + "'";
    REQUIRE(std::system(cmd.c_str()) == 0);
    std::string out = testsupport::readTextFile(dir / "out.txt");
    CHECK(testsupport::readTextFile(dir / "err.txt").empty());
    REQUIRE(!out.empty());
    CHECK(out.find("97531") == std::string::npos);
    out.pop_back();
    CHECK(kiosk::app::verifyPin(out, "97531"));
    CHECK_FALSE(kiosk::app::verifyPin(out, "97532"));
}
