// pestor-sync in daemon mode: syncs at once, keeps running, reports every
// attempt as a JSON line, and stops cleanly on SIGTERM.
#include <doctest/doctest.h>

#include <signal.h>
#include <sys/wait.h>

#include <chrono>
#include <thread>

#include "support/process.hpp"
#include "sync_fixture.hpp"

namespace fs = std::filesystem;
using namespace std::chrono_literals;

TEST_CASE("the daemon applies the feed, keeps running and stops on SIGTERM") {
    synctest::FeedWorld w;
    w.publish();
    w.db.reset();
    pestor_test::writeFile(w.dir / "feed.pub", feed::formatPublicKey(w.key.publicKey));
    const fs::path log = w.dir / "daemon.log";
    const pid_t pid = testsupport::spawnProcess(
        {PESTOR_SYNC_EXE, "sync", "--cache", w.cachePath().string(), "--state-dir", w.config.stateDir.string(),
         "--feed", w.config.feedUrl, "--key", (w.dir / "feed.pub").string(), "--allow-file", "--interval", "10",
         "--jitter", "5"},
        log);
    std::string text;
    for (int i = 0; i < 200 && text.find("\"result\":\"applied\"") == std::string::npos; ++i) {
        std::this_thread::sleep_for(50ms);
        text = pestor_test::readFile(log);
    }
    CHECK(text.find("\"result\":\"applied\"") != std::string::npos);
    CHECK_FALSE(testsupport::hasExited(pid)); // a daemon: still there after its first sync
    kill(pid, SIGTERM);
    int status = 0;
    const auto t0 = std::chrono::steady_clock::now();
    waitpid(pid, &status, 0);
    CHECK(std::chrono::steady_clock::now() - t0 < 3s); // it wakes from its wait to stop
    REQUIRE(WIFEXITED(status));
    CHECK(WEXITSTATUS(status) == 0);
    auto db = pestor_test::openReader(w.cachePath());
    CHECK(db->execAndGet("SELECT count(*) FROM records WHERE collection = 'entities'").getInt() == 207);
}

TEST_CASE("pestor-sync sync refuses a bad interval and an unreadable key with a clear message") {
    synctest::FeedWorld w;
    const auto r1 = testsupport::runProcess({PESTOR_SYNC_EXE, "sync", "--cache", w.cachePath().string(), "--feed",
                                             w.config.feedUrl, "--key", "/nonexistent.pub", "--once"});
    CHECK(r1.exitCode == 2);
    CHECK(r1.output.find("cannot read public key /nonexistent.pub") != std::string::npos);
    pestor_test::writeFile(w.dir / "feed.pub", feed::formatPublicKey(w.key.publicKey));
    const auto r2 = testsupport::runProcess({PESTOR_SYNC_EXE, "sync", "--cache", w.cachePath().string(), "--feed",
                                             w.config.feedUrl, "--key", (w.dir / "feed.pub").string(), "--interval", "1"});
    CHECK(r2.exitCode == 2);
    CHECK(r2.output.find("--interval must be at least 10 s") != std::string::npos);
}
