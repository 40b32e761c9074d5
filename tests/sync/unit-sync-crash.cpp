// Crash safety: pestor-sync killed with SIGKILL at random moments while it
// downloads and applies a feed. After every kill the cache passes
// PRAGMA integrity_check and holds exactly the old feed or the new one,
// with a sync state that describes the data it holds, and the next sync
// completes. PESTOR_CRASH_POINTS (default 200) and PESTOR_CRASH_ENTITIES
// (default 1000) override the size; tools/crash-soak.sh runs thousands.
#include <doctest/doctest.h>

#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <cstdlib>
#include <random>
#include <thread>

#include "feed/hashing.hpp"
#include "sync_fixture.hpp"

namespace fs = std::filesystem;
using namespace std::chrono;

namespace {

// Sorted fingerprint of the records and the sequence the state claims.
struct Snapshot {
    std::string recordsHash;
    std::string sequence;
};

Snapshot snapshot(const fs::path& cache) {
    SQLite::Database db(cache.string(), SQLite::OPEN_READWRITE); // read-write: recovers a hot WAL like a real reader
    const std::string check = db.execAndGet("PRAGMA integrity_check").getString();
    REQUIRE_MESSAGE(check == "ok", "integrity_check: " << check);
    for (const char* t : {"search_entities", "search_offers"})
        db.exec(std::string("INSERT INTO ") + t + "(" + t + ") VALUES('integrity-check')");
    Snapshot s;
    s.recordsHash = feed::sha256Hex(pestor_test::dumpRecords(db));
    auto seq = db.execAndGet("SELECT coalesce((SELECT value FROM sync_state WHERE key = 'feed_sequence'), '0')");
    s.sequence = seq.getString();
    return s;
}

pid_t spawnSync(const std::vector<std::string>& args) {
    const pid_t pid = fork();
    if (pid == 0) {
        std::vector<char*> argv;
        for (const auto& a : args) argv.push_back(const_cast<char*>(a.c_str()));
        argv.push_back(nullptr);
        // Quiet child: its JSON lines are not the test's output.
        freopen("/dev/null", "w", stdout);
        freopen("/dev/null", "w", stderr);
        execv(argv[0], argv.data());
        _exit(127);
    }
    return pid;
}

void copyTree(const fs::path& from, const fs::path& to) {
    fs::remove_all(to);
    fs::copy(from, to, fs::copy_options::recursive);
}

} // namespace

TEST_CASE("kill -9 at random points of download and apply never leaves a mixed or broken cache") {
    synctest::FeedWorld w;
    const char* entitiesEnv = std::getenv("PESTOR_CRASH_ENTITIES");
    const std::string entities = entitiesEnv ? entitiesEnv : "1000";
    // A bigger entities collection so download and apply take long enough
    // for kills to land in every phase.
    const std::string gen = std::string(PESTOR_DEMO_GEN) + " --basemap " + PESTOR_ASSETS_DIR +
                            "/demo/basemap.geojson --out " + (w.dir / "gen").string() + " --entities " + entities;
    REQUIRE(std::system(gen.c_str()) == 0);
    fs::copy_file(w.dir / "gen" / "entities.geojson", w.source() / "entities.geojson", fs::copy_options::overwrite_existing);
    w.publish();
    REQUIRE(w.sync().kind == syncclient::SyncResultKind::Applied);
    w.db.reset(); // close: the template is copied as files
    const Snapshot oldFeed = snapshot(w.cachePath());

    // The new feed changes every entity (another seed) and removes offers.
    const std::string gen2 = std::string(PESTOR_DEMO_GEN) + " --basemap " + PESTOR_ASSETS_DIR +
                             "/demo/basemap.geojson --out " + (w.dir / "gen2").string() + " --entities " + entities + " --seed 7";
    REQUIRE(std::system(gen2.c_str()) == 0);
    fs::copy_file(w.dir / "gen2" / "entities.geojson", w.source() / "entities.geojson", fs::copy_options::overwrite_existing);
    fs::remove(w.source() / "offers.geojson");
    w.publish();

    const fs::path templ = w.dir / "template";
    fs::create_directories(templ);
    fs::copy_file(w.cachePath(), templ / "cache.sqlite");
    copyTree(w.config.stateDir, templ / "state");
    const fs::path run = w.dir / "run";
    const auto args = [&] {
        return std::vector<std::string>{PESTOR_SYNC_EXE, "sync", "--once", "--cache", (run / "cache.sqlite").string(),
                                        "--state-dir", (run / "state").string(), "--feed", w.config.feedUrl,
                                        "--key", (w.dir / "feed.pub").string(), "--allow-file"};
    };
    pestor_test::writeFile(w.dir / "feed.pub", feed::formatPublicKey(w.key.publicKey));

    // How long an uninterrupted sync takes, and what the new feed looks like.
    copyTree(templ, run);
    const auto t0 = steady_clock::now();
    int status = 0;
    waitpid(spawnSync(args()), &status, 0);
    const auto full = duration_cast<microseconds>(steady_clock::now() - t0);
    REQUIRE(WIFEXITED(status));
    REQUIRE(WEXITSTATUS(status) == 0);
    const Snapshot newFeed = snapshot(run / "cache.sqlite");
    REQUIRE(newFeed.recordsHash != oldFeed.recordsHash);
    REQUIRE(newFeed.sequence == "2");

    const char* env = std::getenv("PESTOR_CRASH_POINTS");
    const int points = env ? std::atoi(env) : 200;
    std::mt19937_64 rng(20261121);
    std::uniform_int_distribution<long> when(0, full.count() * 11 / 10);
    int sawOld = 0, sawNew = 0;
    for (int i = 0; i < points; ++i) {
        copyTree(templ, run);
        const pid_t pid = spawnSync(args());
        std::this_thread::sleep_for(microseconds(when(rng)));
        kill(pid, SIGKILL);
        waitpid(pid, &status, 0);
        const Snapshot s = snapshot(run / "cache.sqlite");
        CAPTURE(i);
        const bool isOld = s.recordsHash == oldFeed.recordsHash && s.sequence == oldFeed.sequence;
        const bool isNew = s.recordsHash == newFeed.recordsHash && s.sequence == newFeed.sequence;
        CHECK((isOld || isNew));
        sawOld += isOld;
        sawNew += isNew;
        // And the terminal recovers by itself: the next sync completes.
        if (i % 20 == 0) {
            waitpid(spawnSync(args()), &status, 0);
            CHECK(WEXITSTATUS(status) == 0);
            CHECK(snapshot(run / "cache.sqlite").recordsHash == newFeed.recordsHash);
        }
    }
    MESSAGE(points << " kill points over " << full.count() / 1000 << " ms syncs: " << sawOld << " left the old feed, "
                   << sawNew << " the new one");
    CHECK(sawOld > 0); // kills landed before the commit...
    CHECK(sawNew > 0); // ...and after it
}
