// Idle CPU benchmark: the real kiosk, windowed at 1920x1080 under Xvfb with
// Mesa's software GL, on the demo data, with nobody touching it. For each
// scenario it reads the process's CPU time (utime + stime from
// /proc/PID/stat, Mesa's rendering threads included) over a measuring window
// and prints the share of one core. The goal is under 1 %.
//   pestor-bench-idle [--seconds N] [--keep DIR]
// Scenarios: the home screen; signage with 3-second slides (a slide change
// every 3 s, so "between slides" and the changes themselves are both in the
// window); outside display hours (the screen dark).
#include <unistd.h>

#include <chrono>
#include <csignal>
#include <optional>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <sstream>
#include <string>
#include <thread>
#include <vector>

#include "bench_support.hpp"
#include "cache/cache_db.hpp"
#include "feed/importer.hpp"
#include "support/process.hpp"

namespace fs = std::filesystem;

namespace {

struct Scenario {
    std::string name;
    std::string config; // kiosk.toml
};

// utime + stime of a process, in seconds.
double cpuSeconds(pid_t pid) {
    std::ifstream in("/proc/" + std::to_string(pid) + "/stat");
    std::string stat((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    const auto close = stat.rfind(')'); // the command name may hold spaces
    std::istringstream rest(stat.substr(close + 2));
    std::string field;
    std::vector<std::string> fields;
    while (rest >> field) fields.push_back(field);
    // After the name: state(3) ... utime(14) stime(15), 1-based over the whole line.
    const double ticks = std::stod(fields.at(11)) + std::stod(fields.at(12));
    return ticks / static_cast<double>(sysconf(_SC_CLK_TCK));
}

bool importDemo(const fs::path& cachePath) {
    auto db = cache::openCacheForWriting(cachePath);
    if (!db) {
        std::cerr << "pestor-bench-idle: " << db.error().message << "\n";
        return false;
    }
    for (const auto& entry : fs::directory_iterator(fs::path(PESTOR_ASSETS_DIR) / "demo")) {
        if (entry.path().extension() != ".geojson") continue;
        auto report = feed::importGeoJsonFile(**db, entry.path());
        if (!report) {
            std::cerr << "pestor-bench-idle: " << entry.path() << ": " << report.error().message << "\n";
            return false;
        }
    }
    return true;
}

} // namespace

int main(int argc, char** argv) {
    int seconds = 30;
    std::optional<fs::path> keep;
    for (int i = 1; i < argc; ++i) {
        const std::string a = argv[i];
        if (a == "--seconds" && i + 1 < argc) seconds = std::stoi(argv[++i]);
        else if (a == "--keep" && i + 1 < argc) keep = argv[++i];
        else {
            std::cerr << "usage: pestor-bench-idle [--seconds N] [--keep DIR]\n";
            return 2;
        }
    }
    bench::WorkDir work("pestor-bench-idle-", keep, false);
    const fs::path cachePath = work.path() / "cache.sqlite";
    if (!importDemo(cachePath)) return 1;

    const std::vector<Scenario> scenarios{
        {"home screen, nobody there", ""},
        {"signage, 3 s slides", "[signage]\nenabled = true\n[signage.slide_seconds]\nequipment = 3\ndemands = 3\n"
                                "events = 3\nfeatured_entity = 3\nannouncements = 3\nindicators = 3\n"
                                "[signage.hours]\non = \"00:00\"\noff = \"24:00\"\n"},
        {"signage outside display hours (dark)",
         "[signage]\nenabled = true\n[signage.hours]\nmon = \"off\"\ntue = \"off\"\nwed = \"off\"\nthu = \"off\"\n"
         "fri = \"off\"\nsat = \"off\"\nsun = \"off\"\n"},
    };

    const int display = 100 + static_cast<int>(getpid() % 800);
    const pid_t xvfb = testsupport::spawnProcess({testsupport::findExecutable("Xvfb").string(),
                                                  ":" + std::to_string(display), "-screen", "0", "1920x1080x24",
                                                  "-nolisten", "tcp"},
                                                 work.path() / "xvfb.log");
    std::this_thread::sleep_for(std::chrono::milliseconds(1500));

    std::printf("idle CPU of pestor-kiosk, 1920x1080, Xvfb + llvmpipe, %d s per scenario (goal: < 1 %% of one core)\n",
                seconds);
    int failures = 0;
    for (std::size_t i = 0; i < scenarios.size(); ++i) {
        const fs::path config = work.path() / ("kiosk-" + std::to_string(i) + ".toml");
        std::ofstream(config) << scenarios[i].config;
        const pid_t kiosk = testsupport::spawnProcess(
            {"/usr/bin/env", "DISPLAY=:" + std::to_string(display), "LIBGL_ALWAYS_SOFTWARE=1", PESTOR_KIOSK_BIN,
             "--config", config.string(), "--cache", cachePath.string(), "--assets", PESTOR_ASSETS_DIR, "--windowed",
             "--size", "1920x1080"},
            work.path() / ("kiosk-" + std::to_string(i) + ".log"));
        // Start-up (font atlas, catalog, map scene, first frames) is not idle.
        std::this_thread::sleep_for(std::chrono::seconds(8));
        if (testsupport::hasExited(kiosk)) {
            std::printf("  %-40s the kiosk exited; see %s\n", scenarios[i].name.c_str(),
                        (work.path() / ("kiosk-" + std::to_string(i) + ".log")).c_str());
            ++failures;
            continue;
        }
        const double c0 = cpuSeconds(kiosk);
        const auto t0 = std::chrono::steady_clock::now();
        std::this_thread::sleep_for(std::chrono::seconds(seconds));
        const double c1 = cpuSeconds(kiosk);
        const double wall = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
        const double share = 100.0 * (c1 - c0) / wall;
        std::printf("  %-40s %6.2f %% of one core (%.2f s CPU in %.1f s)%s\n", scenarios[i].name.c_str(), share,
                    c1 - c0, wall, share < 1.0 ? "" : "  OVER THE GOAL");
        testsupport::stopProcess(kiosk, SIGTERM, std::chrono::milliseconds(3000));
    }
    testsupport::stopProcess(xvfb, SIGTERM, std::chrono::milliseconds(3000));
    return failures == 0 ? 0 : 1;
}
