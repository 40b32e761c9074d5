// The real kiosk driven by its monkey under Xvfb (software GL) on the demo
// data: it runs its time, reports, visits screens, and a second run with the
// same seed plays the same input (its --monkey-log is a prefix of the other,
// or the other way round: the runs are time-bound, not gesture-bound).
#include <doctest/doctest.h>

#include <fstream>
#include <nlohmann/json.hpp>
#include <sstream>

#include "demo_cache.hpp"
#include "support/process.hpp"
#include "support/temp_dir.hpp"

namespace fs = std::filesystem;

namespace {

struct MonkeyRun {
    int exitCode = -1;
    std::string output;
    std::string script; // --monkey-log
    nlohmann::json summary;
};

MonkeyRun runMonkey(const testsupport::TempDir& dir, const std::string& seed, const std::string& name) {
    const fs::path log = dir / (name + ".script");
    const auto r = testsupport::runProcess(
        {"/usr/bin/env", "LIBGL_ALWAYS_SOFTWARE=1", "xvfb-run", "-a", "-s", "-screen 0 800x480x24", PESTOR_KIOSK_BIN,
         "--cache", (dir / "cache.sqlite").string(), "--assets", PESTOR_ASSETS_DIR, "--size", "800x480", "--config",
         (dir / "kiosk.toml").string(), "--monkey", seed, "--monkey-minutes", "0.12", "--monkey-log", log.string()});
    MonkeyRun run;
    run.exitCode = r.exitCode;
    run.output = r.output;
    std::ifstream in(log);
    std::ostringstream ss;
    ss << in.rdbuf();
    run.script = ss.str();
    std::istringstream lines(r.output);
    for (std::string line; std::getline(lines, line);)
        if (line.find("\"monkey\":\"summary\"") != std::string::npos) run.summary = nlohmann::json::parse(line);
    return run;
}

} // namespace

TEST_CASE("pestor-kiosk --monkey runs its time, reports, and the same seed plays the same input") {
    testsupport::TempDir dir("pestor-monkey-run");
    shots::importDemoData(dir / "cache.sqlite");
    testsupport::writeTextFile(dir / "kiosk.toml", "[session]\nidle_timeout_seconds = 20\nstill_there_seconds = 5\n");

    const MonkeyRun a = runMonkey(dir, "42", "a"), b = runMonkey(dir, "42", "b"), c = runMonkey(dir, "43", "c");
    for (const MonkeyRun* r : {&a, &b, &c}) {
        INFO(r->output.substr(0, 4000));
        CHECK(r->exitCode == 0);
        REQUIRE(r->summary.is_object());
        CHECK(r->summary["frames"].get<int>() > 100);
        CHECK(r->summary["actions"].get<int>() > 20);
        CHECK(r->summary["screens"].size() >= 2);
        CHECK(r->summary["rss_kib"].get<int>() > 0);
        CHECK(r->output.find("pestor-kiosk: monkey seed") != std::string::npos);
    }
    CHECK(a.summary["seed"] == 42);
    const std::size_t shorter = std::min(a.script.size(), b.script.size());
    CHECK(shorter > 500);
    // Cut at the last whole gesture both runs played.
    const std::size_t cut = a.script.rfind("\n# ", shorter - 1);
    REQUIRE(cut != std::string::npos);
    CHECK(a.script.substr(0, cut) == b.script.substr(0, cut));
    CHECK(a.script.substr(0, 300) != c.script.substr(0, 300));
}

TEST_CASE("pestor-kiosk refuses a bad --monkey seed and a bad --monkey-pin") {
    for (const auto& args : std::vector<std::vector<std::string>>{
             {"--monkey", "-3"}, {"--monkey", "abc"}, {"--monkey", "1", "--monkey-pin", "12"},
             {"--monkey", "1", "--monkey-minutes", "-1"}}) {
        std::vector<std::string> argv{PESTOR_KIOSK_BIN};
        argv.insert(argv.end(), args.begin(), args.end());
        const auto r = testsupport::runProcess(argv);
        INFO(r.output);
        CHECK(r.exitCode == 2);
        CHECK(r.output.find("--monkey") != std::string::npos);
    }
}
