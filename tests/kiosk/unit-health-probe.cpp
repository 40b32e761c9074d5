// The admin screen's health figures: /proc parsing, a real SQLite cache with
// a sync_state written as pestor-sync writes it, the cache worker delivering
// a report, and the words the screen makes of it.
#include "app/cache_worker.hpp"
#include "app/health_probe.hpp"
#include "cache/cache_db.hpp"
#include "cache/datetime.hpp"
#include "cache/sync_state.hpp"
#include "i18n/translator.hpp"
#include "screens/admin_facts.hpp"
#include "ui_harness.hpp"

#include <chrono>
#include <doctest/doctest.h>
#include <fstream>
#include <thread>

using namespace kiosk::app;
using namespace std::chrono_literals;
using kiosk::screens::AdminFact;
namespace fs = std::filesystem;

namespace {

constexpr const char* kError = "the feed's signature does not verify with any pinned key";

// A cache after a failed sync that followed a good one, as sync_once.cpp writes it.
fs::path cacheWithSyncState(const fs::path& dir) {
    const fs::path path = dir / "cache.sqlite";
    auto db = cache::openCacheForWriting(path);
    REQUIRE(db.ok());
    namespace K = cache::sync_keys;
    REQUIRE(cache::writeSyncState(**db, {{K::kSequence, "42"},
                                         {K::kLastSuccess, "2026-11-19T10:00:00+00:00"},
                                         {K::kLastAttempt, "2026-11-19T12:00:00+00:00"},
                                         {K::kLastError, kError},
                                         {K::kGeneratedAt, "2026-11-19T09:00:00+00:00"},
                                         {K::kExpiresAt, "2026-12-03T09:00:00+00:00"}})
                .ok());
    return path;
}

const AdminFact* fact(const std::vector<AdminFact>& facts, std::string_view label) {
    for (const auto& f : facts)
        if (f.label == label) return &f;
    return nullptr;
}

} // namespace

TEST_CASE("VmRSS and MemAvailable/MemTotal are read from /proc text, in bytes") {
    CHECK(parseVmRssBytes(
              "Name:\tpestor-kiosk\nVmPeak:\t  200000 kB\nVmRSS:\t   81234 kB\nThreads: 4\n") ==
          81234ull * 1024);
    CHECK_FALSE(parseVmRssBytes("Name:\tkthreadd\nThreads: 1\n")); // kernel threads have none
    CHECK_FALSE(parseVmRssBytes("VmRSS:\t   lots kB\n"));
    const auto m = parseMemInfo("MemTotal:        3961276 kB\nMemFree:          201104 kB\n"
                                "MemAvailable:    1734400 kB\nBuffers:           94516 kB\n");
    REQUIRE(m);
    CHECK(m->totalBytes == 3961276ull * 1024);
    CHECK(m->availableBytes == 1734400ull * 1024);
    CHECK_FALSE(parseMemInfo("MemTotal:        3961276 kB\n")); // no MemAvailable
}

TEST_CASE("the probe on this machine: a real disk, this process's memory") {
    const fs::path dir = uitest::makeTempDir();
    const auto disk =
        diskSpaceOf(dir / "not-yet.sqlite"); // the file's folder while it does not exist
    REQUIRE_MESSAGE(disk.ok(), (disk.ok() ? "" : disk.error().message));
    CHECK(disk->totalBytes > 0);
    CHECK(disk->freeBytes <= disk->totalBytes);
    const auto mem = memoryFigures();
    REQUIRE_MESSAGE(mem.ok(), (mem.ok() ? "" : mem.error().message));
    CHECK(mem->processRssBytes > 1'000'000); // this test binary with its libraries
    CHECK(mem->processRssBytes < mem->totalBytes);
    CHECK(mem->availableBytes <= mem->totalBytes);
    CHECK_FALSE(memoryFigures(dir).ok()); // a folder without status/meminfo: an error, not a crash
    CHECK_FALSE(diskSpaceOf("/nonexistent-pestor/x/y.sqlite").ok());
    fs::remove_all(dir);
}

TEST_CASE(
    "the probe reads sequence and the last error in words from a real SQLite cache, read-only") {
    const fs::path dir = uitest::makeTempDir();
    const fs::path path = cacheWithSyncState(dir);
    auto db = cache::openCacheReadOnly(path);
    REQUIRE(db.ok());
    const HealthReport r = probeHealth(path, db->get());
    REQUIRE_MESSAGE(r.sync.ok(), (r.sync.ok() ? "" : r.sync.error().message));
    CHECK(r.sync->sequence == 42);
    CHECK(r.sync->lastError == kError);
    CHECK(r.sync->lastSuccess == "2026-11-19T10:00:00+00:00");
    CHECK(r.disk.ok());
    CHECK(r.memory.ok());

    const HealthReport none = probeHealth(path, nullptr);
    REQUIRE_FALSE(none.sync.ok());
    CHECK(none.sync.error().message.find("not open") != std::string::npos);
    fs::remove_all(dir);
}

TEST_CASE(
    "the cache worker probes on request, on its own thread, and the report reaches the queue") {
    const fs::path dir = uitest::makeTempDir();
    const fs::path path = cacheWithSyncState(dir);
    MainQueue q;
    CacheWorker worker(path, q, 50ms);
    CHECK_FALSE(q.takeHealth()); // nothing unasked
    worker.requestHealth();
    std::optional<HealthReport> r;
    for (int i = 0; i < 400 && !r; ++i) {
        std::this_thread::sleep_for(5ms);
        r = q.takeHealth();
    }
    REQUIRE(r);
    REQUIRE(r->sync.ok());
    CHECK(r->sync->sequence == 42);
    CHECK_FALSE(q.takeHealth()); // taken once
    fs::remove_all(dir);
}

TEST_CASE("the admin figures in words: data age from the last success, the failed attempt's error, "
          "disk, memory") {
    const kiosk::i18n::Translator tr = uitest::loadTranslator();
    HealthReport h;
    cache::SyncStatus s;
    s.sequence = 42;
    s.lastSuccess = "2026-11-19T10:00:00+00:00";
    s.lastAttempt = "2026-11-19T12:00:00+00:00";
    s.lastError = kError;
    s.expiresAt = "2026-12-03T09:00:00+00:00";
    h.sync = s;
    h.disk = DiskSpace{12'300'000'000, 29'000'000'000};
    h.memory = MemoryFigures{85'000'000, 1'200'000'000, 3'900'000'000};
    AdminPanel panel;
    panel.terminalId = "CKK Jordanki, hall";
    panel.health = &h;
    const std::int64_t now = *cache::unixSecondsOfDateTime("2026-11-19T13:05:00+00:00");

    const auto pl = kiosk::screens::adminFacts(panel, tr, cache::Lang::Pl, now, "0.1.0");
    REQUIRE(fact(pl, "Wersja"));
    CHECK(fact(pl, "Wersja")->value == "0.1.0");
    CHECK(fact(pl, "Terminal")->value == "CKK Jordanki, hall");
    CHECK(fact(pl, "Numer wydania danych")->value == "42");
    CHECK(fact(pl, "Wiek danych")->value == "3 godz."); // 13:05 - 10:00
    CHECK(fact(pl, "Ostatnia udana synchronizacja")->value == "19.11.2026, 10:00 UTC");
    const AdminFact* attempt = fact(pl, "Ostatnia próba synchronizacji");
    REQUIRE(attempt);
    CHECK(attempt->value == std::string("19.11.2026, 12:00 UTC — nieudana: ") + kError);
    CHECK(attempt->problem);
    CHECK(fact(pl, "Dysk z danymi")->value == "wolne 12,3 GB z 29 GB");
    CHECK(fact(pl, "Pamięć")->value == "kiosk zajmuje 85 MB; wolne 1,2 GB z 3,9 GB");
    CHECK_FALSE(fact(pl, "Dane ważne do")->problem);

    const auto en =
        kiosk::screens::adminFacts(panel, tr, cache::Lang::En, now + 3 * 86400, "0.1.0");
    CHECK(fact(en, "Data age")->value == "3 days");
    CHECK(fact(en, "Data disk")->value == "12.3 GB free of 29 GB");
    const auto uk =
        kiosk::screens::adminFacts(panel, tr, cache::Lang::Uk, now + 20 * 86400, "0.1.0");
    CHECK(fact(uk, "Вік даних")->value == "20 днів");
    CHECK(fact(uk, "Дані дійсні до")->problem); // expired by then
}

TEST_CASE(
    "the admin figures before the first sync, before the probe answers, and after a good sync") {
    const kiosk::i18n::Translator tr = uitest::loadTranslator();
    AdminPanel panel;
    const auto waiting = kiosk::screens::adminFacts(panel, tr, cache::Lang::En, 0, "0.1.0");
    CHECK(fact(waiting, "Terminal")->value == "not set (platform.terminal_id)");
    CHECK(fact(waiting, "Data age")->value == "checking…");

    HealthReport never;
    never.sync = cache::SyncStatus{};
    never.disk = cache::makeError("disk space of /var/lib/pestor-kiosk: Permission denied");
    panel.health = &never;
    const auto first = kiosk::screens::adminFacts(panel, tr, cache::Lang::En, 0, "0.1.0");
    CHECK(fact(first, "Data age")->value == "never yet");
    CHECK(fact(first, "Last sync attempt")->value == "never yet");
    CHECK(fact(first, "Data disk")->value ==
          "unavailable: disk space of /var/lib/pestor-kiosk: Permission denied");
    CHECK(fact(first, "Data disk")->problem);

    HealthReport good;
    cache::SyncStatus s;
    s.sequence = 7;
    s.lastSuccess = s.lastAttempt = "2026-11-19T12:00:00+00:00";
    good.sync = s;
    panel.health = &good;
    const std::int64_t now = *cache::unixSecondsOfDateTime("2026-11-19T12:00:30+00:00");
    const auto ok = kiosk::screens::adminFacts(panel, tr, cache::Lang::En, now, "0.1.0");
    CHECK(fact(ok, "Data age")->value == "under a minute");
    CHECK(fact(ok, "Last sync attempt")->value == "19 Nov 2026, 12:00 UTC — succeeded");
    CHECK_FALSE(fact(ok, "Last sync attempt")->problem);
    CHECK(kiosk::screens::formatAge(tr, cache::Lang::Pl, 59 * 60) == "59 min");
}
