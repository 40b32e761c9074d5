// The kiosk left running shows the new data after a sync, without a
// restart: the real kiosk binary under Xvfb reads the cache while the real
// pestor-sync applies a new feed to it.
#include <doctest/doctest.h>

#include <stb_image.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <thread>

#include "support/process.hpp"
#include "sync_fixture.hpp"

namespace fs = std::filesystem;
using namespace std::chrono_literals;

namespace {

// Pixels that differ between two same-sized RGBA images.
long differingPixels(const fs::path& a, const fs::path& b) {
    int w1, h1, n1, w2, h2, n2;
    unsigned char* p1 = stbi_load(a.c_str(), &w1, &h1, &n1, 4);
    unsigned char* p2 = stbi_load(b.c_str(), &w2, &h2, &n2, 4);
    REQUIRE(p1 != nullptr);
    REQUIRE(p2 != nullptr);
    REQUIRE(w1 == w2);
    REQUIRE(h1 == h2);
    long diff = 0;
    for (long i = 0; i < static_cast<long>(w1) * h1; ++i)
        if (std::memcmp(p1 + i * 4, p2 + i * 4, 3) != 0) ++diff;
    stbi_image_free(p1);
    stbi_image_free(p2);
    return diff;
}

} // namespace

TEST_CASE("a running kiosk switches to the newly synced data without a restart") {
    synctest::FeedWorld w;
    w.publish();
    REQUIRE(w.sync().kind == syncclient::SyncResultKind::Applied);
    w.db.reset(); // the sync below is a separate process, as on a terminal

    // The next feed has 200 entities instead of 207: the home tile's count changes.
    auto doc = pestor_test::readJson(w.source() / "entities.geojson");
    doc["features"].erase(doc["features"].begin(), doc["features"].begin() + 7);
    pestor_test::writeJson(w.source() / "entities.geojson", doc);
    w.publish();
    pestor_test::writeFile(w.dir / "feed.pub", feed::formatPublicKey(w.key.publicKey));

    const fs::path shots = w.dir / "shots";
    // 'before' right away; 'after' 20 virtual seconds later (1,200 small
    // frames, several real seconds), long after the sync below has landed
    // and the kiosk's once-a-second data_version poll has seen it.
    pestor_test::writeFile(w.dir / "script.txt", "wait 100\nsnap before\nwait 20000\nsnap after\n");
    const pid_t kiosk = testsupport::spawnProcess(
        {"/usr/bin/xvfb-run", "-a", "-s", "-screen 0 640x480x24", PESTOR_KIOSK_EXE, "--cache", w.cachePath().string(),
         "--assets", PESTOR_ASSETS_DIR, "--size", "640x480", "--script", (w.dir / "script.txt").string(),
         "--screenshots", shots.string()},
        w.dir / "kiosk.log");
    for (int i = 0; i < 600 && !fs::exists(shots / "before.png"); ++i) std::this_thread::sleep_for(50ms);
    REQUIRE_MESSAGE(fs::exists(shots / "before.png"), "the kiosk did not start; see " << (w.dir / "kiosk.log").string());

    const auto sync = testsupport::runProcess({PESTOR_SYNC_EXE, "sync", "--once", "--cache", w.cachePath().string(),
                                               "--state-dir", w.config.stateDir.string(), "--feed", w.config.feedUrl,
                                               "--key", (w.dir / "feed.pub").string(), "--allow-file"});
    REQUIRE(sync.exitCode == 0);
    const bool afterBeforeSync = fs::exists(shots / "after.png");

    int status = 0;
    waitpid(kiosk, &status, 0);
    REQUIRE(WIFEXITED(status));
    CHECK(WEXITSTATUS(status) == 0);
    REQUIRE(fs::exists(shots / "after.png"));
    CHECK_FALSE(afterBeforeSync); // the test proves nothing if the kiosk finished first
    // Same screen, same layout: only the entities count (207 → 200) and
    // the data age may differ, so a few hundred pixels at most, but some.
    const long diff = differingPixels(shots / "before.png", shots / "after.png");
    MESSAGE("pixels changed on the home screen after the sync: " << diff);
    CHECK(diff > 20);
    CHECK(diff < 20000);
}
