// pestor-sync in daemon mode: syncs at once, keeps running, reports every
// attempt as a JSON line, stops cleanly on SIGTERM, and syncs at once when
// the kiosk touches its request file (--request-file).
#include <doctest/doctest.h>

#include <fcntl.h>
#include <signal.h>
#include <sys/stat.h>
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

namespace {

std::size_t countOf(const std::string& text, const std::string& what) {
    std::size_t n = 0;
    for (std::size_t at = text.find(what); at != std::string::npos; at = text.find(what, at + 1)) ++n;
    return n;
}

// Waits until `log` holds `n` sync result lines; returns the text.
std::string waitForResults(const fs::path& log, std::size_t n, std::chrono::milliseconds limit) {
    const auto until = std::chrono::steady_clock::now() + limit;
    std::string text = pestor_test::readFile(log);
    while (countOf(text, "\"result\":") < n && std::chrono::steady_clock::now() < until) {
        std::this_thread::sleep_for(50ms);
        text = pestor_test::readFile(log);
    }
    return text;
}

// What the kiosk's "sync now" does (kiosk/app/sync_request.cpp): create the
// file if needed and set its modification time to now.
void touch(const fs::path& p) {
    if (!fs::exists(p)) pestor_test::writeFile(p, "");
    REQUIRE(utimensat(AT_FDCWD, p.c_str(), nullptr, 0) == 0);
}

} // namespace

TEST_CASE("a touched request file makes the daemon sync at once, long before its interval") {
    synctest::FeedWorld w;
    w.publish();
    w.db.reset();
    pestor_test::writeFile(w.dir / "feed.pub", feed::formatPublicKey(w.key.publicKey));
    const fs::path log = w.dir / "daemon.log", request = w.dir / "run" / "sync-request";
    fs::create_directories(request.parent_path());
    const pid_t pid = testsupport::spawnProcess(
        {PESTOR_SYNC_EXE, "sync", "--cache", w.cachePath().string(), "--state-dir", w.config.stateDir.string(),
         "--feed", w.config.feedUrl, "--key", (w.dir / "feed.pub").string(), "--allow-file", "--interval", "3600",
         "--request-file", request.string()},
        log);
    std::string text = waitForResults(log, 1, 10s);
    REQUIRE(countOf(text, "\"result\":\"applied\"") == 1);

    // No request yet (the file does not even exist): the daemon waits its hour.
    std::this_thread::sleep_for(700ms);
    CHECK(countOf(pestor_test::readFile(log), "\"result\":") == 1);

    const auto touched = std::chrono::steady_clock::now();
    touch(request);
    text = waitForResults(log, 2, 10s);
    CHECK(countOf(text, "\"result\":") == 2);
    CHECK(countOf(text, "\"result\":\"unchanged\"") == 1);
    CHECK(std::chrono::steady_clock::now() - touched < 3s); // it polls while it waits

    // One request, one sync: the same modification time does not ask again.
    std::this_thread::sleep_for(1200ms);
    CHECK(countOf(pestor_test::readFile(log), "\"result\":") == 2);

    // A second touch (the file exists now) asks again.
    std::this_thread::sleep_for(20ms); // a newer timestamp than the first touch's
    touch(request);
    text = waitForResults(log, 3, 10s);
    CHECK(countOf(text, "\"result\":") == 3);

    // Removing the file is not a request.
    fs::remove(request);
    std::this_thread::sleep_for(1000ms);
    CHECK(countOf(pestor_test::readFile(log), "\"result\":") == 3);
    CHECK_FALSE(testsupport::hasExited(pid));
    testsupport::stopProcess(pid, SIGTERM, 3s);
}
