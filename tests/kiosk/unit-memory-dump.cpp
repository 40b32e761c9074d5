// After an idle reset nothing a visitor typed is left in the kiosk's memory.
// The real kiosk runs on the demo data in a real X server (Xvfb, Mesa's
// software GL); a script types a word that appears nowhere else, in two
// halves so the script itself never holds it whole; gcore dumps the live
// process before and after the reset, and the dumps are searched for the
// word in every form the kiosk derives from it.
#include <doctest/doctest.h>

#include <algorithm>
#include <chrono>
#include <csignal>
#include <filesystem>
#include <fstream>
#include <string>
#include <thread>
#include <unistd.h>
#include <vector>

#include "demo_cache.hpp"
#include "screenshot_image.hpp"
#include "support/process.hpp"
#include "utf16_bytes.hpp"

namespace fs = std::filesystem;

namespace {

// "Żqxv" + "jŁwy": the halves the script types.
const std::string kFirstHalf = "\xC5\xBBqxv";  // Żqxv
const std::string kSecondHalf = "j\xC5\x81wy"; // jŁwy

struct Needle {
    std::string name;
    std::string bytes;
};

// Where the word can hide: UTF-8 as typed or lower-cased (the field, the
// session, search results), UTF-16 (ImGui's edit buffer and undo records)
// and folded to ASCII (the search expression). Each needle spans both
// halves, so only the typed word can produce it.
std::vector<Needle> needles() {
    return {{"UTF-8 'qxvjŁ'", "qxvj\xC5\x81"},
            {"UTF-8 'qxvjł'", "qxvj\xC5\x82"},
            {"folded 'qxvjl'", "qxvjl"},
            {"UTF-16 'qxvjŁ'", uitest::utf16le(u"qxvj\u0141")},
            {"UTF-16 'qxvjł'", uitest::utf16le(u"qxvj\u0142")}};
}

// Which needles occur in the file, read in chunks with an overlap.
std::vector<std::string> found(const fs::path& core) {
    const auto all = needles();
    std::vector<bool> hit(all.size(), false);
    std::ifstream in(core, std::ios::binary);
    REQUIRE(in);
    constexpr std::size_t kChunk = 8u << 20, kOverlap = 64;
    std::string window;
    std::vector<char> buf(kChunk);
    while (in) {
        in.read(buf.data(), static_cast<std::streamsize>(buf.size()));
        const auto got = static_cast<std::size_t>(in.gcount());
        if (got == 0) break;
        window.append(buf.data(), got);
        for (std::size_t i = 0; i < all.size(); ++i)
            if (!hit[i] && window.find(all[i].bytes) != std::string::npos) hit[i] = true;
        if (window.size() > kOverlap) window.erase(0, window.size() - kOverlap);
    }
    std::vector<std::string> names;
    for (std::size_t i = 0; i < all.size(); ++i)
        if (hit[i]) names.push_back(all[i].name);
    return names;
}

bool waitForFile(const fs::path& path, pid_t kiosk, std::chrono::seconds limit) {
    const auto end = std::chrono::steady_clock::now() + limit;
    while (std::chrono::steady_clock::now() < end) {
        if (fs::exists(path)) {
            std::this_thread::sleep_for(std::chrono::milliseconds(200)); // the PNG is complete
            return true;
        }
        if (testsupport::hasExited(kiosk)) return false;
        std::this_thread::sleep_for(std::chrono::milliseconds(100));
    }
    return false;
}

fs::path dump(pid_t pid, const fs::path& prefix) {
    // At most 4 GiB of core (the kiosk's is a few hundred MiB): a runaway
    // dump (a sanitizer's shadow memory, 75 GB once) fails the test instead
    // of filling the disk.
    const auto r = testsupport::runProcess(
        {"prlimit", "--fsize=4294967296", "gcore", "-o", prefix.string(), std::to_string(pid)});
    const fs::path core = prefix.string() + "." + std::to_string(pid);
    INFO("gcore: " << r.output);
    REQUIRE(fs::exists(core));
    return core;
}

} // namespace

TEST_CASE("idle reset: no trace of typed text in a dump of the kiosk's memory") {
    const fs::path out = fs::path(PESTOR_BINARY_DIR) / "test-output" / "kiosk-privacy";
    fs::remove_all(out);
    fs::create_directories(out);
    const fs::path cachePath = out / "cache.sqlite";
    shots::importDemoData(cachePath);
    // The shortest idle time the configuration allows.
    std::ofstream(out / "kiosk.toml") << "[session]\nidle_timeout_seconds = 20\nstill_there_seconds = 5\n";
    std::ofstream(out / "script.txt") << "wait 800\n"
                                         "touch-tap 640 166\n" // the home screen's search field
                                         "wait 400\n"
                                         "type " << kFirstHalf << "\n"
                                         "wait 300\n"
                                         "type " << kSecondHalf << "\n"
                                         "wait 1500\n"
                                         "snap typed\n"
                                         "wait 27000\n" // 20 s idle + 5 s countdown, then the reset
                                         "snap reset\n"
                                         "wait 3600000\n";

    const int display = 100 + static_cast<int>(getpid() % 800);
    const pid_t xvfb = testsupport::spawnProcess(
        {testsupport::findExecutable("Xvfb").string(), ":" + std::to_string(display), "-screen", "0", "1280x720x24",
         "-nolisten", "tcp"},
        out / "xvfb.log");
    std::this_thread::sleep_for(std::chrono::milliseconds(1500));
    const pid_t kiosk = testsupport::spawnProcess(
        {"/usr/bin/env", "DISPLAY=:" + std::to_string(display), "LIBGL_ALWAYS_SOFTWARE=1", PESTOR_KIOSK_BIN,
         "--config", (out / "kiosk.toml").string(), "--cache", cachePath.string(), "--assets", PESTOR_ASSETS_DIR,
         "--size", "1280x720", "--now", "2026-11-21T12:00:00+01:00", "--script", (out / "script.txt").string(),
         "--screenshots", out.string()},
        out / "kiosk.log");
    INFO("kiosk log: " << (out / "kiosk.log").string());

    // While the visitor is there, the word is in memory: this is what makes
    // the check after the reset mean something.
    REQUIRE(waitForFile(out / "typed.png", kiosk, std::chrono::seconds(120)));
    const fs::path before = dump(kiosk, out / "before");
    const auto seenBefore = found(before);
    INFO("found before the reset: " << seenBefore.size());
    CHECK(std::find(seenBefore.begin(), seenBefore.end(), "UTF-8 'qxvjŁ'") != seenBefore.end());
    CHECK(std::find(seenBefore.begin(), seenBefore.end(), "UTF-16 'qxvjŁ'") != seenBefore.end());
    fs::remove(before);

    REQUIRE(waitForFile(out / "reset.png", kiosk, std::chrono::seconds(300)));
    const fs::path after = dump(kiosk, out / "after");
    const auto seenAfter = found(after);
    for (const std::string& name : seenAfter) FAIL_CHECK("after the reset the dump still holds " << name);
    CHECK(seenAfter.empty());
    CHECK(fs::file_size(after) > (16u << 20)); // a real dump, not an empty file
    fs::remove(after);

    // And the screen is the home screen again.
    const shots::Image typed = shots::load(out / "typed.png");
    const shots::Image reset = shots::load(out / "reset.png");
    CHECK(reset.w == 1280);
    CHECK(shots::near(reset.at(6, 6), {22, 84, 110})); // the top bar
    CHECK(shots::near(typed.at(1200, 650), {22, 84, 110}, 30));       // the keyboard's "Gotowe" key
    CHECK_FALSE(shots::near(reset.at(1200, 650), {22, 84, 110}, 30)); // gone: home's tiles instead

    testsupport::stopProcess(kiosk, SIGTERM, std::chrono::milliseconds(3000));
    testsupport::stopProcess(xvfb, SIGTERM, std::chrono::milliseconds(3000));
}
