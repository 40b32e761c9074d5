// pestor-bench-search: type-ahead search latency on realistic cache sizes.
//
//   pestor-bench-search [--quick] [--sizes N,N...] [--rounds R]
//                       [--entities-dir DIR] [--generator EXE] [--basemap FILE]
//                       [--work DIR] [--keep] [--strict-goals]
//
// For each size it generates the demo feed with pestor-demo-gen (or takes the
// *.geojson files of --entities-dir as they are), imports every collection
// plus the basemap into a fresh cache with feed::importGeoJsonFile, then
// replays realistic queries typed letter by letter: every prefix is one
// Searcher::search call on a read-only connection, as the kiosk makes them.
// After one warm-up pass the prefixes are timed for R rounds with
// std::chrono::steady_clock. Goals: p99 <= 2 ms at 10k entities, <= 10 ms at
// 100k. Not a ctest test: it prints figures.
#include <SQLiteCpp/Database.h>

#include <algorithm>
#include <chrono>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <iostream>
#include <map>
#include <optional>
#include <random>
#include <sstream>
#include <string>
#include <string_view>
#include <vector>

#include "bench_support.hpp"
#include "cache/cache_db.hpp"
#include "cache/searcher.hpp"
#include "cache/text_fold.hpp"
#include "feed/importer.hpp"

namespace bench {

namespace fs = std::filesystem;
using Clock = std::chrono::steady_clock;

// What visitors type: Polish words with and without diacritics, names of
// districts, legal forms, services, a Ukrainian word.
constexpr std::string_view kQueries[] = {
    "spółdzielnia socjalna", "spoldzielnia socjalna", "fundacja",       "lodz",
    "Łódź",                  "podgorz",               "Podgórze",       "catering",
    "stowarzyszenie",        "rower",                 "lokal",          "ukrai",
    "warsztat terapii",      "centrum integracji",    "koło gospodyń",  "kolo gospodyn",
    "szkolenie",             "toruń",                 "rubinkowo",      "ekonomia społeczna",
    "sprzątanie",            "zakład aktywności",     "pomoc",          "допомога",
    "OWES",                  "ogród",                 "krawiectwo",     "Chełmińskie Przedmieście",
};

struct Options {
    std::vector<long> sizes{10'000, 100'000};
    int rounds = 3;
    std::optional<fs::path> entitiesDir;
    std::optional<fs::path> generator;
    fs::path basemap;
    std::optional<fs::path> work;
    bool keep = false;
    bool strictGoals = false;
};

void printUsage(std::ostream& out) {
    out << "usage: pestor-bench-search [--quick] [--sizes N,N...] [--rounds R]\n"
           "                           [--entities-dir DIR] [--generator EXE] [--basemap FILE]\n"
           "                           [--work DIR] [--keep] [--strict-goals]\n"
           "  --quick          10k entities only, 2 rounds (CI smoke run)\n"
           "  --entities-dir   import the *.geojson files of DIR as they are (no generation)\n"
           "  --strict-goals   exit 1 when a p99 goal is missed\n";
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
                std::cerr << "pestor-bench-search: " << arg << " needs a value\n";
                return std::nullopt;
            }
            return std::string(argv[++i]);
        };
        if (arg == "--help" || arg == "-h") {
            printUsage(std::cout);
            std::exit(0);
        } else if (arg == "--quick") {
            o.sizes = {10'000};
            o.rounds = 2;
        } else if (arg == "--keep") {
            o.keep = true;
        } else if (arg == "--strict-goals") {
            o.strictGoals = true;
        } else if (arg == "--sizes") {
            auto v = value();
            if (!v) return std::nullopt;
            o.sizes.clear();
            std::stringstream ss(*v);
            std::string item;
            while (std::getline(ss, item, ',')) {
                char* end = nullptr;
                const long n = std::strtol(item.c_str(), &end, 10);
                if (item.empty() || *end != '\0' || n <= 0) {
                    std::cerr << "pestor-bench-search: bad size '" << item << "'\n";
                    return std::nullopt;
                }
                o.sizes.push_back(n);
            }
        } else if (arg == "--rounds") {
            auto v = value();
            if (!v) return std::nullopt;
            o.rounds = std::max(1, std::atoi(v->c_str()));
        } else if (arg == "--entities-dir") {
            auto v = value();
            if (!v) return std::nullopt;
            o.entitiesDir = fs::path(*v);
        } else if (arg == "--generator") {
            auto v = value();
            if (!v) return std::nullopt;
            o.generator = fs::path(*v);
        } else if (arg == "--basemap") {
            auto v = value();
            if (!v) return std::nullopt;
            o.basemap = fs::path(*v);
        } else if (arg == "--work") {
            auto v = value();
            if (!v) return std::nullopt;
            o.work = fs::path(*v);
        } else {
            std::cerr << "pestor-bench-search: unknown option " << arg << "\n";
            return std::nullopt;
        }
    }
    if (!o.entitiesDir && !o.generator) {
        std::cerr << "pestor-bench-search: pestor-demo-gen was not built; pass --generator EXE or "
                     "--entities-dir DIR\n";
        return std::nullopt;
    }
    return o;
}

double ms(Clock::duration d) { return std::chrono::duration<double, std::milli>(d).count(); }

// Every prefix of `query` by code point, as the on-screen keyboard produces them.
std::vector<std::string> prefixes(std::string_view query) {
    std::vector<std::string> out;
    std::size_t pos = 0;
    while (pos < query.size()) {
        cache::decodeUtf8(query, pos);
        out.emplace_back(query.substr(0, pos));
    }
    return out;
}

using bench::shellQuote;
using bench::WorkDir;

struct Percentiles {
    std::size_t count = 0;
    double p50 = 0, p90 = 0, p99 = 0, max = 0, mean = 0;
};

Percentiles percentiles(std::vector<double> v) {
    Percentiles p;
    if (v.empty()) return p;
    std::sort(v.begin(), v.end());
    // Nearest-rank percentiles.
    const auto rank = [&](double q) {
        const auto r = static_cast<std::size_t>(std::ceil(q * static_cast<double>(v.size())));
        return v[std::min(v.size() - 1, r == 0 ? 0 : r - 1)];
    };
    p.count = v.size();
    p.p50 = rank(0.50);
    p.p90 = rank(0.90);
    p.p99 = rank(0.99);
    p.max = v.back();
    double sum = 0;
    for (double x : v) sum += x;
    p.mean = sum / static_cast<double>(v.size());
    return p;
}

struct SizeResult {
    std::string label;
    long entities = 0;
    long records = 0;
    double generateSeconds = 0;
    double importSeconds = 0;
    int importProblems = 0;
    std::uintmax_t cacheBytes = 0;
    Percentiles latency;
    std::vector<std::pair<double, std::string>> slowest; // median ms, prefix
    std::map<int, Percentiles> byLength;                 // prefix length in letters (4 = 4 or more)
    std::optional<double> goalMs;
    bool ok = true;
};

// Files of a feed directory in import order: entities first (others refer to them).
std::vector<fs::path> feedFiles(const fs::path& dir) {
    std::vector<fs::path> files;
    for (const auto& e : fs::directory_iterator(dir))
        if (e.is_regular_file() && e.path().extension() == ".geojson") files.push_back(e.path());
    std::sort(files.begin(), files.end(), [](const fs::path& a, const fs::path& b) {
        const bool ae = a.stem() == "entities", be = b.stem() == "entities";
        if (ae != be) return ae;
        return a.filename() < b.filename();
    });
    return files;
}

std::optional<SizeResult> runOne(const Options& o, const fs::path& feedDir, const fs::path& cachePath,
                                 SizeResult result) {
    // [SECTION] import
    auto db = cache::openCacheForWriting(cachePath);
    if (!db) {
        std::cerr << "pestor-bench-search: " << db.error().message << "\n";
        return std::nullopt;
    }
    std::vector<fs::path> files = feedFiles(feedDir);
    const bool feedHasBasemap = std::any_of(files.begin(), files.end(), [](const fs::path& p) { return p.stem() == "basemap"; });
    if (!feedHasBasemap && fs::exists(o.basemap)) files.push_back(o.basemap);
    if (files.empty()) {
        std::cerr << "pestor-bench-search: no .geojson files in " << feedDir << "\n";
        return std::nullopt;
    }
    const auto importStart = Clock::now();
    for (const auto& f : files) {
        auto report = feed::importGeoJsonFile(**db, f);
        if (!report) {
            std::cerr << "pestor-bench-search: " << report.error().message << "\n";
            return std::nullopt;
        }
        result.importProblems += static_cast<int>(report->problems.size());
        if (report->collection == cache::Collection::Entities) result.entities = report->stats.added + report->stats.unchanged + report->stats.updated;
    }
    result.importSeconds = std::chrono::duration<double>(Clock::now() - importStart).count();
    (*db)->exec("PRAGMA wal_checkpoint(TRUNCATE)");
    result.records = (*db)->execAndGet("SELECT count(*) FROM records").getInt64();
    db->reset();
    std::error_code ec;
    result.cacheBytes = fs::file_size(cachePath, ec);
    const fs::path wal = cachePath.string() + "-wal";
    if (fs::exists(wal, ec)) result.cacheBytes += fs::file_size(wal, ec);

    // [SECTION] type-ahead
    auto reader = cache::openCacheReadOnly(cachePath);
    if (!reader) {
        std::cerr << "pestor-bench-search: " << reader.error().message << "\n";
        return std::nullopt;
    }
    cache::Searcher searcher(**reader);
    std::vector<std::string> typed;
    std::vector<int> letters; // code points typed so far, capped at 4
    for (auto q : kQueries) {
        int n = 0;
        for (auto& p : prefixes(q)) {
            typed.push_back(std::move(p));
            letters.push_back(std::min(++n, 4));
        }
    }

    for (const auto& q : typed) // warm-up: page cache, prepared statement, FTS segments
        if (auto r = searcher.search(q); !r) {
            std::cerr << "pestor-bench-search: \"" << q << "\": " << r.error().message << "\n";
            return std::nullopt;
        }

    std::vector<double> all;
    std::vector<std::vector<double>> perPrefix(typed.size());
    all.reserve(typed.size() * static_cast<std::size_t>(o.rounds));
    for (int round = 0; round < o.rounds; ++round)
        for (std::size_t i = 0; i < typed.size(); ++i) {
            const auto t0 = Clock::now();
            auto r = searcher.search(typed[i]);
            const auto t1 = Clock::now();
            if (!r) {
                std::cerr << "pestor-bench-search: \"" << typed[i] << "\": " << r.error().message << "\n";
                return std::nullopt;
            }
            all.push_back(ms(t1 - t0));
            perPrefix[i].push_back(ms(t1 - t0));
        }
    result.latency = percentiles(all);
    std::map<int, std::vector<double>> byLength;
    std::map<std::string, double> medianOf; // the same prefix typed in several queries counts once
    for (std::size_t i = 0; i < typed.size(); ++i) {
        auto& bucket = byLength[letters[i]];
        bucket.insert(bucket.end(), perPrefix[i].begin(), perPrefix[i].end());
        medianOf[typed[i]] = std::max(medianOf[typed[i]], percentiles(perPrefix[i]).p50);
    }
    for (auto& [n, v] : byLength) result.byLength[n] = percentiles(std::move(v));
    for (const auto& [q, t] : medianOf) result.slowest.emplace_back(t, q);
    std::sort(result.slowest.begin(), result.slowest.end(), std::greater<>());
    result.slowest.resize(std::min<std::size_t>(result.slowest.size(), 5));

    if (result.entities <= 10'000) result.goalMs = 2.0;
    else if (result.entities <= 100'000) result.goalMs = 10.0;
    if (result.goalMs) result.ok = result.latency.p99 <= *result.goalMs;
    return result;
}

void print(const SizeResult& r) {
    std::printf("\n== %s: %ld entities, %ld records in the cache ==\n", r.label.c_str(), r.entities, r.records);
    if (r.generateSeconds > 0) std::printf("generate      %8.2f s (pestor-demo-gen)\n", r.generateSeconds);
    std::printf("import        %8.2f s (feed::importGeoJsonFile, all collections%s)\n", r.importSeconds,
                r.importProblems ? ", with problems" : "");
    if (r.importProblems) std::printf("import problems: %d records rejected\n", r.importProblems);
    std::printf("cache file    %8.1f MiB\n", static_cast<double>(r.cacheBytes) / (1024.0 * 1024.0));
    const auto& l = r.latency;
    std::printf("queries       %8zu (prefixes typed letter by letter, after one warm-up pass)\n", l.count);
    std::printf("latency ms    p50 %.3f  p90 %.3f  p99 %.3f  max %.3f  mean %.3f\n", l.p50, l.p90, l.p99, l.max,
                l.mean);
    for (const auto& [n, p] : r.byLength)
        std::printf("  %d%s letter%s %5zu queries  p50 %.3f  p99 %.3f  max %.3f\n", n, n == 4 ? "+" : " ",
                    n == 1 ? " " : "s", p.count, p.p50, p.p99, p.max);
    if (r.goalMs)
        std::printf("goal          p99 <= %.0f ms: %s (p99 %.3f ms)\n", *r.goalMs, r.ok ? "MET" : "MISSED", l.p99);
    else
        std::printf("goal          none for this size\n");
    std::printf("slowest prefixes (median ms):");
    for (const auto& [t, q] : r.slowest) std::printf("  \"%s\" %.3f", q.c_str(), t);
    std::printf("\n");
}

int run(const Options& o) {
    WorkDir work("pestor-bench-", o.work, o.keep);
    std::printf("pestor-bench-search: work dir %s, %d timed round(s)\n", work.path().c_str(), o.rounds);
    std::vector<SizeResult> results;
    bool allOk = true;

    if (o.entitiesDir) {
        SizeResult r;
        r.label = o.entitiesDir->string();
        auto done = runOne(o, *o.entitiesDir, work.path() / "cache.sqlite", r);
        if (!done) return 2;
        print(*done);
        allOk = done->ok;
    } else {
        for (long n : o.sizes) {
            const fs::path dir = work.path() / ("entities-" + std::to_string(n));
            const fs::path feedDir = dir / "feed";
            fs::create_directories(feedDir);
            const std::string cmd = shellQuote(o.generator->string()) + " --basemap " + shellQuote(o.basemap.string()) +
                                    " --out " + shellQuote(feedDir.string()) + " --entities " + std::to_string(n) +
                                    " >/dev/null";
            const auto g0 = Clock::now();
            if (std::system(cmd.c_str()) != 0) {
                std::cerr << "pestor-bench-search: generator failed: " << cmd << "\n";
                return 2;
            }
            SizeResult r;
            r.label = std::to_string(n / 1000) + "k";
            r.generateSeconds = std::chrono::duration<double>(Clock::now() - g0).count();
            auto done = runOne(o, feedDir, dir / "cache.sqlite", r);
            if (!done) return 2;
            print(*done);
            allOk = allOk && done->ok;
            if (!o.keep && !o.work) fs::remove_all(dir);
        }
    }
    std::printf("\n%s\n", allOk ? "all goals met" : "some goals MISSED");
    return (o.strictGoals && !allOk) ? 1 : 0;
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
        std::cerr << "pestor-bench-search: " << e.what() << "\n";
        return 2;
    }
}
