// pestor-bench-sync: what a sync costs at a realistic feed size.
//
//   pestor-bench-sync [--entities N] [--generator EXE] [--basemap FILE]
//                     [--work DIR] [--keep] [--strict-goals]
//
// Generates N entities (default 10 000; the other collections scale with
// them) with pestor-demo-gen, publishes them with feed::buildFeed, and syncs
// a terminal's cache from the file:// feed with syncclient::syncOnce:
//   (a) full sync into an empty cache       wall time, bytes
//   (b) unchanged feed                      time, bytes, requests
//   (c) one entity's short_name changed     time, bytes, bytes vs (a)     goal < 5 %
//   (d) applying the full feed alone        cache::applyFeedUpdate        goal < 2 s
//   (e) a kiosk reader during a full sync   longest single read           goal <= 10 ms
// file:// has no ETag, so (b) costs the manifest rather than a 304; over
// HTTPS it is one conditional GET. Not a ctest test: it prints figures.
#include <SQLiteCpp/Database.h>

#include <algorithm>
#include <atomic>
#include <chrono>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <ctime>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <map>
#include <nlohmann/json.hpp>
#include <optional>
#include <random>
#include <sstream>
#include <string>
#include <string_view>
#include <thread>
#include <vector>

#include "bench_support.hpp"
#include "cache/cache_db.hpp"
#include "cache/cache_writer.hpp"
#include "cache/sync_state.hpp"
#include "client/sync_once.hpp"
#include "feed/feed_builder.hpp"
#include "feed/signature.hpp"

namespace bench {

namespace fs = std::filesystem;
using Clock = std::chrono::steady_clock;

struct Options {
    long entities = 10'000;
    std::optional<fs::path> generator;
    fs::path basemap;
    std::optional<fs::path> work;
    bool keep = false;
    bool strictGoals = false;
};

void printUsage(std::ostream& out) {
    out << "usage: pestor-bench-sync [--entities N] [--generator EXE] [--basemap FILE]\n"
           "                         [--work DIR] [--keep] [--strict-goals]\n"
           "  --entities N     entities to generate (default 10000)\n"
           "  --work DIR       work in DIR and keep it (default: a temporary directory)\n"
           "  --strict-goals   exit 1 when a goal is missed\n";
}

std::optional<Options> parseArgs(int argc, char** argv) {
    Options o;
#ifdef PESTOR_DEMO_GEN
    o.generator = fs::path(PESTOR_DEMO_GEN);
#endif
    o.basemap = fs::path(PESTOR_ASSETS_DIR) / "demo" / "basemap.geojson";
    for (int i = 1; i < argc; ++i) {
        const std::string_view arg = argv[i];
        const auto value = [&]() -> std::optional<std::string> {
            if (i + 1 >= argc) {
                std::cerr << "pestor-bench-sync: " << arg << " needs a value\n";
                return std::nullopt;
            }
            return std::string(argv[++i]);
        };
        if (arg == "--help" || arg == "-h") {
            printUsage(std::cout);
            std::exit(0);
        } else if (arg == "--keep") {
            o.keep = true;
        } else if (arg == "--strict-goals") {
            o.strictGoals = true;
        } else if (arg == "--entities") {
            auto v = value();
            if (!v) return std::nullopt;
            char* end = nullptr;
            o.entities = std::strtol(v->c_str(), &end, 10);
            if (v->empty() || *end != '\0' || o.entities <= 0) {
                std::cerr << "pestor-bench-sync: bad --entities '" << *v << "'\n";
                return std::nullopt;
            }
        } else if (arg == "--generator" || arg == "--basemap" || arg == "--work") {
            auto v = value();
            if (!v) return std::nullopt;
            if (arg == "--generator") o.generator = fs::path(*v);
            else if (arg == "--basemap") o.basemap = fs::path(*v);
            else o.work = fs::path(*v);
        } else {
            std::cerr << "pestor-bench-sync: unknown option " << arg << "\n";
            return std::nullopt;
        }
    }
    if (!o.generator) {
        std::cerr << "pestor-bench-sync: pestor-demo-gen was not built; pass --generator EXE\n";
        return std::nullopt;
    }
    return o;
}

double ms(Clock::duration d) { return std::chrono::duration<double, std::milli>(d).count(); }

using bench::shellQuote;
using bench::WorkDir;

std::string mib(std::uint64_t bytes) {
    char buf[32];
    std::snprintf(buf, sizeof buf, "%.2f MiB", static_cast<double>(bytes) / (1024.0 * 1024.0));
    return buf;
}

// Every figure is printed against its goal; the verdicts decide the exit
// status under --strict-goals.
class Report {
public:
    void info(std::string_view label, const std::string& value) {
        std::printf("  %-34s %s\n", std::string(label).c_str(), value.c_str());
    }
    void goal(std::string_view label, const std::string& value, const std::string& goal, bool met) {
        std::printf("  %-34s %-22s goal %-12s %s\n", std::string(label).c_str(), value.c_str(), goal.c_str(),
                    met ? "MET" : "MISSED");
        m_allMet = m_allMet && met;
    }
    bool allMet() const { return m_allMet; }

private:
    bool m_allMet = true;
};

std::string fmt(const char* format, double v) {
    char buf[64];
    std::snprintf(buf, sizeof buf, format, v);
    return buf;
}

// One publisher and one terminal: source folder -> feed folder -> cache.
struct World {
    fs::path source, feedDir;
    feed::KeyPair key = feed::generateKeyPair();
    syncclient::SyncConfig config;

    World(const fs::path& dir) : source(dir / "src"), feedDir(dir / "feed") {
        config.feedUrl = "file://" + feedDir.string();
        config.pinnedKeys = {key.publicKey};
        config.http.allowFileUrls = true;
    }

    cache::Result<feed::BuildReport> publish() const {
        return feed::buildFeed(feed::BuildOptions{source, feedDir, std::nullopt, 14, std::nullopt}, key.secretKey);
    }

    // A terminal: its own cache file and blob store under `dir`.
    syncclient::SyncConfig terminal(const fs::path& dir) const {
        syncclient::SyncConfig c = config;
        c.stateDir = dir / "state";
        return c;
    }
};

struct TimedSync {
    syncclient::SyncResult result;
    double ms = 0;
};

TimedSync timedSync(const syncclient::SyncConfig& config, SQLite::Database& db) {
    net::HttpClient http(config.http);
    const auto t0 = Clock::now();
    TimedSync t{syncclient::syncOnce(config, db, http, static_cast<std::int64_t>(std::time(nullptr))), 0};
    t.ms = ms(Clock::now() - t0);
    return t;
}

std::unique_ptr<SQLite::Database> openWriter(const fs::path& path) {
    fs::create_directories(path.parent_path());
    auto db = cache::openCacheForWriting(path);
    if (!db) throw std::runtime_error(db.error().message);
    return std::move(db).value();
}

// What the kiosk does while the sync writes: short reads on its own
// read-only connection. Each read is timed; the longest is the stall a
// visitor would notice.
struct ReaderStats {
    long reads = 0;
    long errors = 0;
    std::string firstError;
    double maxMs = 0;
    double p99Ms = 0;
    double medianMs = 0;
    int dataVersionChanges = 0;
};

ReaderStats readWhile(const fs::path& cachePath, const std::atomic<bool>& stop) {
    ReaderStats s;
    auto reader = cache::openCacheReadOnly(cachePath);
    if (!reader) {
        s.errors = 1;
        s.firstError = reader.error().message;
        return s;
    }
    SQLite::Database& db = **reader;
    std::vector<double> latencies;
    std::optional<std::int64_t> lastVersion;
    while (!stop.load(std::memory_order_relaxed)) {
        const auto t0 = Clock::now();
        try {
            (void)db.execAndGet("SELECT count(*) FROM records").getInt64();
            const std::int64_t version = db.execAndGet("PRAGMA data_version").getInt64();
            if (lastVersion && version != *lastVersion) ++s.dataVersionChanges;
            lastVersion = version;
        } catch (const std::exception& e) {
            if (s.errors++ == 0) s.firstError = e.what();
        }
        latencies.push_back(ms(Clock::now() - t0));
        // A kiosk polls, it does not spin: leave the sync its CPU.
        std::this_thread::sleep_for(std::chrono::milliseconds(1));
    }
    s.reads = static_cast<long>(latencies.size());
    if (!latencies.empty()) {
        std::sort(latencies.begin(), latencies.end());
        s.maxMs = latencies.back();
        s.medianMs = latencies[latencies.size() / 2];
        s.p99Ms = latencies[std::min(latencies.size() - 1, latencies.size() * 99 / 100)];
    }
    return s;
}

int run(const Options& o) {
    WorkDir work("pestor-bench-sync-", o.work, o.keep);
    std::printf("pestor-bench-sync: %ld entities, work dir %s\n", o.entities, work.path().c_str());
    World world(work.path());
    Report report;

    // [SECTION] source and feed
    fs::create_directories(world.source);
    const std::string cmd = shellQuote(o.generator->string()) + " --basemap " + shellQuote(o.basemap.string()) +
                            " --out " + shellQuote(world.source.string()) + " --entities " +
                            std::to_string(o.entities) + " >/dev/null";
    auto t0 = Clock::now();
    if (std::system(cmd.c_str()) != 0) {
        std::cerr << "pestor-bench-sync: generator failed: " << cmd << "\n";
        return 2;
    }
    const double generateMs = ms(Clock::now() - t0);
    // The kiosk's map needs the basemap; the generator does not write it.
    fs::copy_file(o.basemap, world.source / "basemap.geojson", fs::copy_options::overwrite_existing);

    t0 = Clock::now();
    auto built = world.publish();
    if (!built) {
        std::cerr << "pestor-bench-sync: buildFeed: " << built.error().message << "\n";
        return 2;
    }
    const double buildMs = ms(Clock::now() - t0);
    int records = 0;
    std::size_t chunks = 0;
    for (const auto& [c, content] : built->manifest.collections) {
        records += content.records;
        chunks += content.chunks.size();
    }
    std::printf("\nfeed\n");
    report.info("generate (pestor-demo-gen)", fmt("%.0f ms", generateMs));
    report.info("build (feed::buildFeed)", fmt("%.0f ms", buildMs));
    report.info("records / chunks", std::to_string(records) + " records in " + std::to_string(chunks) + " chunks");
    report.info("feed size", mib(built->bytesWritten));

    // [SECTION] (a) full sync
    const fs::path terminalDir = work.path() / "terminal";
    const auto config = world.terminal(terminalDir);
    auto db = openWriter(terminalDir / "cache.sqlite");
    const TimedSync full = timedSync(config, *db);
    if (full.result.kind != syncclient::SyncResultKind::Applied) {
        std::cerr << "pestor-bench-sync: full sync: " << full.result.message << "\n";
        return 2;
    }
    std::printf("\n(a) full sync into an empty cache\n");
    report.info("wall time", fmt("%.0f ms", full.ms));
    report.info("transferred", mib(full.result.bytes) + " in " + std::to_string(full.result.requests) + " requests");

    // [SECTION] (b) unchanged
    const TimedSync same = timedSync(config, *db);
    std::printf("\n(b) unchanged feed\n");
    report.info("result", same.result.message);
    report.info("wall time", fmt("%.1f ms", same.ms));
    report.info("transferred", std::to_string(same.result.bytes) + " bytes in " +
                                   std::to_string(same.result.requests) + " request(s)");

    // [SECTION] (c) one record changed
    {
        const fs::path entities = world.source / "entities.geojson";
        std::ifstream in(entities);
        auto doc = nlohmann::json::parse(in);
        in.close();
        auto& features = doc["features"];
        features[features.size() / 2]["properties"]["short_name"] = "Zmieniona nazwa (bench)";
        std::ofstream(entities, std::ios::trunc) << doc.dump(1) << "\n";
    }
    t0 = Clock::now();
    auto rebuilt = world.publish();
    if (!rebuilt) {
        std::cerr << "pestor-bench-sync: rebuild: " << rebuilt.error().message << "\n";
        return 2;
    }
    const double rebuildMs = ms(Clock::now() - t0);
    const TimedSync delta = timedSync(config, *db);
    if (delta.result.kind != syncclient::SyncResultKind::Applied) {
        std::cerr << "pestor-bench-sync: one-record sync: " << delta.result.message << "\n";
        return 2;
    }
    const double share = 100.0 * static_cast<double>(delta.result.bytes) / static_cast<double>(full.result.bytes);
    std::printf("\n(c) one entity's short_name changed\n");
    report.info("rebuild (feed::buildFeed)", fmt("%.0f ms", rebuildMs) + ", " +
                                                 std::to_string(rebuilt->blobsWritten) + " blob(s) written, " +
                                                 std::to_string(rebuilt->blobsReused) + " reused");
    report.info("wall time", fmt("%.0f ms", delta.ms));
    report.info("transferred", std::to_string(delta.result.bytes) + " bytes in " +
                                   std::to_string(delta.result.requests) + " requests, " +
                                   std::to_string(delta.result.blobsFetched) + " blob(s)");
    report.goal("bytes vs the full sync", fmt("%.2f %%", share), "< 5 %", share < 5.0);

    // [SECTION] (d) apply alone
    // The records exactly as syncOnce hands them over, decoded beforehand so
    // only the transaction is timed.
    t0 = Clock::now();
    feed::SourceRecords source = feed::readSourceFolder(world.source);
    const double decodeMs = ms(Clock::now() - t0);
    if (!source.problems.empty()) {
        std::cerr << "pestor-bench-sync: source: " << source.problems.front() << "\n";
        return 2;
    }
    std::vector<cache::CollectionReplacement> updates;
    for (auto& [c, recs] : source.collections) updates.push_back({c, std::move(recs)});
    const std::map<std::string, std::string> state{{cache::sync_keys::kSequence, "1"}};
    // Three fresh caches, the median counts: one run on a busy machine is
    // noise, and the first also pays for growing the file.
    std::vector<double> applyEmpty;
    double applySameMs = 0;
    for (int round = 0; round < 3; ++round) {
        auto fresh = openWriter(work.path() / ("apply-" + std::to_string(round)) / "cache.sqlite");
        t0 = Clock::now();
        auto applied = cache::applyFeedUpdate(*fresh, updates, /*media=*/{}, state, "bench");
        applyEmpty.push_back(ms(Clock::now() - t0));
        if (!applied) {
            std::cerr << "pestor-bench-sync: applyFeedUpdate: " << applied.error().message << "\n";
            return 2;
        }
        if (round == 2) { // the same records again: the diff finds nothing to write
            t0 = Clock::now();
            (void)cache::applyFeedUpdate(*fresh, updates, /*media=*/{}, state, "bench");
            applySameMs = ms(Clock::now() - t0);
        }
    }
    std::sort(applyEmpty.begin(), applyEmpty.end());
    const double applyEmptyMs = applyEmpty[1];
    std::printf("\n(d) apply alone (cache::applyFeedUpdate, one transaction)\n");
    report.info("decode + validate (untimed)", fmt("%.0f ms", decodeMs));
    report.goal("all records into an empty cache", fmt("%.0f ms", applyEmptyMs) + " (median of 3)", "< 2000 ms",
                applyEmptyMs < 2000);
    report.info("  min / median / max", fmt("%.0f", applyEmpty[0]) + " / " + fmt("%.0f", applyEmpty[1]) + " / " +
                                        fmt("%.0f ms", applyEmpty[2]));
    report.info("same records again (no change)", fmt("%.0f ms", applySameMs));

    // [SECTION] (e) a reader during a full sync
    ReaderStats readerStats;
    TimedSync watched;
    {
        const fs::path dir = work.path() / "terminal-watched";
        const auto watchedConfig = world.terminal(dir);
        auto wdb = openWriter(dir / "cache.sqlite"); // the schema must exist before a reader opens
        std::atomic<bool> stop{false};
        std::thread reader([&] { readerStats = readWhile(dir / "cache.sqlite", stop); });
        std::this_thread::sleep_for(std::chrono::milliseconds(50)); // the reader is open and reading
        watched = timedSync(watchedConfig, *wdb);
        std::this_thread::sleep_for(std::chrono::milliseconds(50)); // it sees the commit
        stop = true;
        reader.join();
    }
    std::printf("\n(e) kiosk reader (count(*) + PRAGMA data_version, read-only) during a full sync\n");
    report.info("sync", fmt("%.0f ms", watched.ms) + ", " + watched.result.message);
    report.info("reads", std::to_string(readerStats.reads) + " (median " + fmt("%.2f ms", readerStats.medianMs) +
                             ", p99 " + fmt("%.2f ms", readerStats.p99Ms) + "), saw " +
                             std::to_string(readerStats.dataVersionChanges) + " data_version change(s)");
    if (readerStats.errors)
        report.info("read errors", std::to_string(readerStats.errors) + ", first: " + readerStats.firstError);
    report.goal("longest single read", fmt("%.2f ms", readerStats.maxMs), "<= 10 ms",
                readerStats.maxMs <= 10.0 && readerStats.errors == 0);

    std::printf("\n%s\n", report.allMet() ? "all goals met" : "some goals MISSED");
    return (o.strictGoals && !report.allMet()) ? 1 : 0;
}

} // namespace bench

int main(int argc, char** argv) {
    const auto options = bench::parseArgs(argc, argv);
    if (!options) {
        bench::printUsage(std::cerr);
        return 2;
    }
    try {
        return bench::run(*options);
    } catch (const std::exception& e) {
        std::cerr << "pestor-bench-sync: " << e.what() << "\n";
        return 2;
    }
}
