// pestor-sync-soak: one long-lived `pestor-sync sync` daemon (the real
// binary) against a real nginx over HTTPS, for thousands of sync cycles
// with changing feeds and injected faults. Each cycle the driver may publish
// a new feed with `pestor-feed build` (one record edited, so the sequence
// rises and a chunk changes; every few publishes the source switches between
// demo data sets of different sizes), may arm one fault, then touches the
// daemon's request file and reads the daemon's JSON line for that cycle,
// checking it against what the fault should cause. After the warm-up, every
// --sample-every cycles and at the end it samples the daemon's open file
// descriptors and RSS and the state folder; at the end it checks the cache.
//
//   pestor-sync-soak [--cycles N] [--warmup N] [--sample-every N] [--seed S]
//                    [--sizes 207,700,1500] [--switch-every N]
//                    [--rss-tolerance-kib K] [--work DIR] [--keep] [--verbose]
//
// Exit 0: every cycle gave the expected result; after the warm-up the fd
// count never grew and RSS grew by at most the tolerance (1 MiB: over 2,000
// cycles the daemon's RSS wanders by about 0.5 MiB with the allocator, and a
// leak of 110 bytes a cycle passes 1 MiB within 10,000 cycles); at every
// sample the blob store held exactly the applied feed's blobs and nothing
// else lay in the state folder; and at the end the cache passed its
// integrity checks, held the last feed, kept import_log within its cap, and
// its live pages were within 10% + 128 KiB of a fresh sync of that feed.
// Exit 1 otherwise (with the reasons); 2 on a setup error.
#include <SQLiteCpp/Database.h>
#include <SQLiteCpp/Statement.h>
#include <fcntl.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include <array>
#include <chrono>
#include <cstdint>
#include <cstdio>
#include <ctime>
#include <deque>
#include <filesystem>
#include <iostream>
#include <map>
#include <nlohmann/json.hpp>
#include <optional>
#include <random>
#include <set>
#include <sstream>
#include <string>
#include <vector>

#include "cache/cache_writer.hpp"
#include "cache/collection.hpp"
#include "cache/sync_state.hpp"
#include "feed/hashing.hpp"
#include "feed/manifest.hpp"
#include "soak_daemon.hpp"
#include "soak_probe.hpp"
#include "support/nginx_server.hpp"
#include "support/process.hpp"
#include "support/scripted_upstream.hpp"
#include "support/temp_dir.hpp"
#include "support/tls_ca.hpp"

namespace {

namespace fs = std::filesystem;
using Clock = std::chrono::steady_clock;
using testsupport::readTextFile;
using testsupport::writeTextFile;

// [SECTION] faults

enum class Fault {
    None,
    Manifest500,   // the manifest answers 500
    Manifest503,   // 503 with Retry-After: 1 (the daemon must hold off 1 s)
    Blob404,       // every blob answers 404
    BlobCorrupt,   // the blobs the terminal lacks have one byte flipped on the server
    BlobTruncated, // ... or are cut to half their size on the server
    BlobCut,       // the connection closes in the middle of a blob (via a scripted upstream)
    BadSignature,  // the signature of the previous publish served with the new manifest
    Rollback,      // an older, validly signed manifest and its signature
    Refused,       // nginx stopped: connection refused
    SlowBlob,      // blobs trickle at 16 KiB/s: slow, but within the timeouts
    Count
};

struct FaultInfo {
    const char* name;
    int weight;          // per 1000 cycles
    bool needsNewFeed;   // only visible when the terminal has something to fetch
    const char* message; // a fragment of the daemon's message; nullptr: the sync succeeds
};

constexpr std::array<FaultInfo, static_cast<std::size_t>(Fault::Count)> kFaults{{
    {"none", 0, false, nullptr},
    {"manifest-500", 40, false, "HTTP 500 (server error)"},
    {"manifest-503-retry-after", 10, false, "server unavailable (HTTP 503)"},
    {"blob-404", 40, true, "HTTP 404"},
    {"blob-corrupt", 40, true, "does not match its SHA-256"},
    {"blob-truncated", 30, true, "the manifest says"},
    {"blob-connection-cut", 30, true, "feed blob: "},
    {"bad-signature", 40, true, "feed refused: "},
    {"rollback", 30, false, "older than the applied"},
    {"connection-refused", 25, false, "cannot connect to"},
    {"slow-blob", 15, true, nullptr},
}};
constexpr int kPublishPerMille = 360; // clean cycles with a new feed
constexpr int kQuietPerMille = 340;   // clean cycles without one

const FaultInfo& info(Fault f) { return kFaults[static_cast<std::size_t>(f)]; }

// [SECTION] options

struct Options {
    int cycles = 10000;
    int warmup = 100;
    int sampleEvery = 1000;
    std::uint64_t seed = 20261121;
    std::vector<int> sizes{207, 700, 1500};
    int switchEvery = 12;         // publishes per source data set
    long rssToleranceKiB = 1024;  // see the top of the file
    std::optional<fs::path> work;
    bool keep = false;
    bool verbose = false;
    fs::path syncExe = PESTOR_SYNC_EXE, feedExe = PESTOR_FEED_EXE, demoGen = PESTOR_DEMO_GEN;
    fs::path assets = PESTOR_ASSETS_DIR;
};

void usage(std::ostream& out) {
    out << "usage: pestor-sync-soak [--cycles N] [--warmup N] [--sample-every N] [--seed S]\n"
           "                        [--sizes N,N,...] [--switch-every N] [--rss-tolerance-kib K]\n"
           "                        [--work DIR] [--keep] [--verbose]\n";
}

std::optional<Options> parseOptions(int argc, char** argv) {
    Options o;
    try {
        for (int i = 1; i < argc; ++i) {
            const std::string a = argv[i];
            const auto value = [&]() -> std::string {
                if (i + 1 >= argc) throw std::invalid_argument(a + " needs a value");
                return argv[++i];
            };
            if (a == "--cycles") o.cycles = std::stoi(value());
            else if (a == "--warmup") o.warmup = std::stoi(value());
            else if (a == "--sample-every") o.sampleEvery = std::stoi(value());
            else if (a == "--seed") o.seed = std::stoull(value());
            else if (a == "--switch-every") o.switchEvery = std::stoi(value());
            else if (a == "--rss-tolerance-kib") o.rssToleranceKiB = std::stol(value());
            else if (a == "--work") o.work = value();
            else if (a == "--keep") o.keep = true;
            else if (a == "--verbose") o.verbose = true;
            else if (a == "--sizes") {
                o.sizes.clear();
                std::stringstream list(value());
                for (std::string n; std::getline(list, n, ',');) o.sizes.push_back(std::stoi(n));
            } else if (a == "--help" || a == "-h") {
                usage(std::cout);
                std::exit(0);
            } else
                throw std::invalid_argument("unknown option " + a);
        }
        if (o.cycles < 2 || o.warmup < 2 || o.warmup >= o.cycles || o.sampleEvery < 2 || o.sizes.empty() ||
            o.switchEvery < 1)
            throw std::invalid_argument("need --cycles > --warmup >= 2, --sample-every >= 2, one size at least");
    } catch (const std::exception& e) {
        std::cerr << "pestor-sync-soak: " << e.what() << "\n";
        usage(std::cerr);
        return std::nullopt;
    }
    return o;
}

// [SECTION] the publisher

struct Published {
    std::int64_t sequence = 0;
    std::string manifestText, signatureText;
    feed::Manifest manifest;
    std::string editedId, editedValue; // the entity whose short_name this publish changed
};

// Source folders made by pestor-demo-gen, one per size; each publish edits
// one entity of the current one and runs `pestor-feed build`.
class Publisher {
public:
    Publisher(const Options& o, const fs::path& work)
        : m_options(o), m_gen(work / "gen"), m_source(work / "src"), m_feed(work / "www" / "feed"),
          m_secret(work / "feed.key"), m_public(work / "feed.pub") {
        for (const int n : o.sizes)
            testsupport::runOrThrow({o.demoGen.string(), "--basemap", (o.assets / "demo" / "basemap.geojson").string(),
                                     "--out", (m_gen / std::to_string(n)).string(), "--entities", std::to_string(n)});
        testsupport::runOrThrow({o.feedExe.string(), "keygen", "--public", m_public.string(), "--secret", m_secret.string()});
        fs::create_directories(m_feed);
        useSource(0);
    }

    const fs::path& publicKey() const { return m_public; }
    const fs::path& feedDir() const { return m_feed; }
    int sourceSize() const { return m_options.sizes[m_sourceIndex]; }
    int switches() const { return m_switches; }

    Published publish() {
        if (m_sincePublish >= m_options.switchEvery) {
            useSource((m_sourceIndex + 1) % m_options.sizes.size());
            ++m_switches;
        }
        ++m_sincePublish;
        ++m_publishes;
        auto& features = m_entities["features"];
        auto& feature = features[m_edits % features.size()];
        Published p;
        p.editedId = feature["id"].get<std::string>();
        p.editedValue = "Soak " + std::to_string(++m_edits); // unique: the edited chunk is always new
        feature["properties"]["short_name"] = p.editedValue;
        writeTextFile(m_source / "entities.geojson", m_entities.dump());
        testsupport::runOrThrow(
            {m_options.feedExe.string(), "build", "--key", m_secret.string(), m_source.string(), m_feed.string()});
        // Several publishes a second are normal here: pestor-feed dates each
        // manifest a second past the last, so nginx's ETag (whole seconds
        // and size) still changes with every publish.
        p.manifestText = readTextFile(m_feed / "manifest.json");
        p.signatureText = readTextFile(m_feed / "manifest.json.minisig");
        auto parsed = feed::parseManifest(p.manifestText);
        if (!parsed) throw std::runtime_error("pestor-feed wrote a manifest we cannot read: " + parsed.error().message);
        p.manifest = *parsed;
        p.sequence = p.manifest.sequence;
        // The server keeps old blobs for a CDN's grace period; ours is short.
        if (m_publishes % 40 == 0) testsupport::runOrThrow({m_options.feedExe.string(), "prune", m_feed.string()});
        return p;
    }

private:
    void useSource(std::size_t index) {
        m_sourceIndex = index;
        m_sincePublish = 0;
        fs::create_directories(m_source);
        for (const auto& e : fs::directory_iterator(m_gen / std::to_string(m_options.sizes[index])))
            fs::copy_file(e.path(), m_source / e.path().filename(), fs::copy_options::overwrite_existing);
        m_entities = nlohmann::json::parse(readTextFile(m_source / "entities.geojson"));
    }

    const Options& m_options;
    fs::path m_gen, m_source, m_feed, m_secret, m_public;
    nlohmann::json m_entities;
    std::size_t m_sourceIndex = 0;
    int m_sincePublish = 0, m_switches = 0;
    std::uint64_t m_edits = 0, m_publishes = 0;
};

// [SECTION] the server and its faults

// nginx over TLS serving the feed, with every fault wired in once and
// switched on by a flag file (nginx checks `-f` on each request), so the
// server never restarts except for the connection-refused fault.
class Server {
public:
    Server(const fs::path& work, const testsupport::CertAndKey& cert)
        : m_flags(work / "flags"), m_alt(work / "www" / "alt"),
          // A body that announces 4000 bytes and ends after 100.
          m_upstream({{"/cut", testsupport::ScriptedResponse::truncated(100, 4000)}}) {
        fs::create_directories(m_flags);
        fs::create_directories(m_alt);
        const std::string f = m_flags.string() + "/";
        testsupport::NginxOptions o;
        o.certificate = cert.cert;
        o.key = cert.key;
        o.documentRoot = work / "www";
        o.locations = {
            "location = /feed/manifest.json {"
            " if (-f " + f + "manifest-500) { return 500; }"
            " if (-f " + f + "manifest-503-retry-after) { add_header Retry-After 1 always; return 503; }"
            " if (-f " + f + "rollback) { rewrite ^ /alt/rollback-manifest.json last; } }",
            "location = /feed/manifest.json.minisig {"
            " if (-f " + f + "rollback) { rewrite ^ /alt/rollback-manifest.json.minisig last; }"
            " if (-f " + f + "bad-signature) { rewrite ^ /alt/bad.minisig last; } }",
            "location /feed/blobs/ {"
            " if (-f " + f + "blob-404) { return 404; }"
            " if (-f " + f + "blob-connection-cut) { rewrite ^ /cut/cut last; }"
            " if (-f " + f + "slow-blob) { set $limit_rate 16384; } }",
            "location /alt/ { internal; }",
            testsupport::locationProxy("/cut/", m_upstream.port()),
        };
        m_nginx = std::make_unique<testsupport::NginxServer>(o);
    }

    std::string feedUrl() const { return m_nginx->url("/feed"); }
    const fs::path& altDir() const { return m_alt; }
    void flag(Fault f, bool on) {
        const fs::path p = m_flags / info(f).name;
        if (on) writeTextFile(p, "");
        else fs::remove(p);
    }
    void stop() { m_nginx->stop(); }
    void start() { m_nginx->start(); }

private:
    fs::path m_flags, m_alt;
    testsupport::ScriptedUpstream m_upstream;
    std::unique_ptr<testsupport::NginxServer> m_nginx;
};

// [SECTION] figures

struct Sample {
    int cycle = 0;
    double seconds = 0;
    soak::ProcessFigures process;
    std::map<std::string, soak::FolderFigures> state;
};

std::uint64_t cacheBytes(const Sample& s) {
    std::uint64_t b = 0;
    for (const auto& [name, g] : s.state)
        if (name.starts_with("cache.sqlite")) b += g.bytes;
    return b;
}

void printSample(const Sample& s, std::ostream& out) {
    const auto t = soak::total(s.state);
    out << "cycle " << s.cycle << " (" << static_cast<long>(s.seconds) << " s): fds " << s.process.fds << ", RSS "
        << s.process.rssKiB << " KiB (peak " << s.process.peakRssKiB << " KiB), state folder " << t.files << " files "
        << t.bytes << " bytes [";
    bool first = true;
    for (const auto& [name, g] : s.state) {
        out << (first ? "" : ", ") << name << " " << g.files << "/" << g.bytes;
        first = false;
    }
    out << "]" << std::endl; // a long run is watched as it goes
}

// [SECTION] the run

struct Expectation {
    std::string kind;             // applied, unchanged, failed
    std::optional<std::int64_t> sequence;
    const char* fragment = nullptr;
};

class Soak {
public:
    Soak(const Options& o, const fs::path& work)
        : m_o(o), m_work(work), m_pki(work / "pki"), m_publisher(o, work), m_server(work, m_pki.localhost()),
          m_rng(o.seed) {
        fs::create_directories(work / "state");
        fs::create_directories(work / "run");
        m_request = work / "run" / "sync-request";
        writeTextFile(m_request, "");
        m_touchBase = ::time(nullptr);
    }

    int run() {
        const auto t0 = Clock::now();
        m_published = m_publisher.publish();
        remember(m_published);
        m_daemon = std::make_unique<soak::Daemon>(
            std::vector<std::string>{m_o.syncExe.string(), "sync", "--cache", (m_work / "state" / "cache.sqlite").string(),
                                     "--feed", m_server.feedUrl(), "--key", m_publisher.publicKey().string(), "--ca",
                                     m_pki.caCert().string(), "--interval", "3600", "--request-file", m_request.string()},
            m_work / "daemon.stderr");
        // Its first sync starts at once: cycle 0.
        const nlohmann::json first = readResult(0);
        check(0, Fault::None, first, {"applied", m_published.sequence, nullptr});
        if (first.value("trigger", "") != "start") problem("the first sync is not marked \"start\": " + first.dump());

        for (int cycle = 1; cycle <= m_o.cycles; ++cycle) {
            runCycle(cycle);
            if (isSamplePoint(cycle)) {
                Sample s{cycle, std::chrono::duration<double>(Clock::now() - t0).count(),
                         soak::sampleProcess(m_daemon->pid()), soak::sampleFolder(m_work / "state")};
                printSample(s, std::cout);
                checkStateNeeds(s);
                m_samples.push_back(std::move(s));
            }
        }
        const double seconds = std::chrono::duration<double>(Clock::now() - t0).count();
        const auto status = m_daemon->stop(std::chrono::seconds(5));
        if (!status || !WIFEXITED(*status) || WEXITSTATUS(*status) != 0)
            problem("the daemon did not exit with 0 within 5 s of SIGTERM");
        m_daemon.reset();
        checkCache();
        checkFlatness();
        report(seconds);
        return m_problems.empty() ? 0 : 1;
    }

private:
    bool isSamplePoint(int cycle) const {
        return cycle == m_o.warmup || cycle == m_o.cycles || (cycle > m_o.warmup && cycle % m_o.sampleEvery == 0);
    }

    // What to do in `cycle`: the cycle before a sample publishes cleanly and
    // the sampled one is a quiet unchanged sync, so every sample is taken
    // in the same situation (a feed just applied, a kept-alive connection).
    std::pair<bool, Fault> plan(int cycle) {
        if (isSamplePoint(cycle)) return {false, Fault::None};
        if (isSamplePoint(cycle + 1)) return {true, Fault::None};
        const int r = static_cast<int>(m_rng() % 1000);
        if (r < kPublishPerMille) return {true, Fault::None};
        if (r < kPublishPerMille + kQuietPerMille) return {false, Fault::None};
        int at = kPublishPerMille + kQuietPerMille;
        for (std::size_t i = 1; i < kFaults.size(); ++i) {
            at += kFaults[i].weight;
            if (r < at) {
                const Fault f = static_cast<Fault>(i);
                return {info(f).needsNewFeed || m_rng() % 2 == 0, f};
            }
        }
        return {false, Fault::None};
    }

    void runCycle(int cycle) {
        auto [publish, fault] = plan(cycle);
        if (publish) {
            m_published = m_publisher.publish();
            remember(m_published);
        }
        const bool pending = m_published.sequence > m_appliedSequence;
        // The blobs the terminal will have to fetch (blob faults act on them).
        std::vector<feed::BlobRef> missing;
        for (const auto& b : m_published.manifest.allBlobs())
            if (!fs::exists(m_work / "state" / "blobs" / b.sha256)) missing.push_back(b);
        if (fault == Fault::Rollback && !armRollback()) fault = Fault::None;
        if (info(fault).needsNewFeed && missing.empty()) fault = Fault::None; // cannot happen: every publish adds a chunk

        std::map<fs::path, std::string> restore; // server files to put back after the cycle
        switch (fault) {
        case Fault::BlobCorrupt:
        case Fault::BlobTruncated:
            for (const auto& b : missing) {
                const fs::path p = m_publisher.feedDir() / feed::blobPath(b.sha256);
                std::string bytes = readTextFile(p);
                restore[p] = bytes;
                if (fault == Fault::BlobCorrupt) bytes[bytes.size() / 2] ^= 0x5a;
                else bytes.resize(bytes.size() / 2);
                writeTextFile(p, bytes);
            }
            break;
        case Fault::BadSignature:
            writeTextFile(m_server.altDir() / "bad.minisig", m_history.size() > 1 ? m_history[m_history.size() - 2].signatureText
                                                                                  : "untrusted comment: x\nnot a signature\n");
            m_server.flag(fault, true);
            break;
        case Fault::Refused: m_server.stop(); break;
        case Fault::None: break;
        default: m_server.flag(fault, true);
        }

        Expectation e;
        if (info(fault).message) e = {"failed", std::nullopt, info(fault).message};
        else if (pending) e = {"applied", m_published.sequence, nullptr};
        else e = {"unchanged", m_appliedSequence, nullptr};

        touchRequest(cycle);
        bool disturbed = false;
        const nlohmann::json result = readRequestResult(cycle, disturbed);
        if (!disturbed) check(cycle, fault, result, e);
        else {
            ++m_disturbed;
            ++m_resultCounts[result.value("result", "")];
            if (result.value("result", "") == "applied") m_appliedSequence = result.value("sequence", std::int64_t{0});
        }
        if (!disturbed && fault == Fault::Manifest503 && result.value("retry_after", 0L) != 1)
            problem("cycle " + std::to_string(cycle) + ": a 503 with Retry-After: 1 gave no retry_after 1: " + result.dump());

        for (const auto& [p, bytes] : restore) writeTextFile(p, bytes);
        if (fault == Fault::Refused) m_server.start();
        else if (fault != Fault::None && fault != Fault::BlobCorrupt && fault != Fault::BlobTruncated)
            m_server.flag(fault, false);
        ++m_faultCounts[info(fault).name];
    }

    // Serves the oldest remembered publish older than what the terminal holds.
    bool armRollback() {
        for (const auto& old : m_history) {
            if (old.sequence >= m_appliedSequence) break;
            const fs::path manifest = m_server.altDir() / "rollback-manifest.json";
            writeTextFile(manifest, old.manifestText);
            writeTextFile(m_server.altDir() / "rollback-manifest.json.minisig", old.signatureText);
            // A date of its own, far from the real manifests': nginx's ETag is
            // whole seconds and size, and an older manifest of the same size
            // written in the second of the applied one would pass for it (304).
            const timespec times[2] = {{0, UTIME_OMIT}, {m_rollbackTimeBase - ++m_rollbacks, 0}};
            if (::utimensat(AT_FDCWD, manifest.c_str(), times, 0) != 0)
                throw std::runtime_error("cannot set the time of " + manifest.string());
            return true;
        }
        return false;
    }

    void remember(const Published& p) {
        m_history.push_back(p);
        if (m_history.size() > 8) m_history.pop_front();
    }

    // Each cycle sets a new modification time (not "now": two touches within
    // one coarse kernel tick would look like one).
    void touchRequest(int cycle) {
        const timespec times[2] = {{0, UTIME_OMIT}, {m_touchBase + cycle, 0}};
        if (::utimensat(AT_FDCWD, m_request.c_str(), times, 0) != 0)
            throw std::runtime_error("cannot touch " + m_request.string());
    }

    // The daemon's line for this cycle's request. After a failure the daemon
    // also retries on its own when its backoff (uniform 0-15 s) runs out; a
    // short one can end during a cycle: such lines are counted, noted as
    // applied where they applied, and make the cycle's own check moot
    // (`disturbed`), since the terminal's state moved under the plan.
    nlohmann::json readRequestResult(int cycle, bool& disturbed) {
        disturbed = false;
        for (;;) {
            nlohmann::json line = readResult(cycle);
            const std::string trigger = line.value("trigger", "");
            if (trigger == "request") return line;
            if (trigger != "retry") {
                problem("cycle " + std::to_string(cycle) + ": a sync the driver did not ask for: " + line.dump());
                continue;
            }
            disturbed = true;
            ++m_spontaneous;
            ++m_resultCounts[line.value("result", "") + " (backoff retry)"];
            if (line.value("result", "") == "applied") m_appliedSequence = line.value("sequence", std::int64_t{0});
        }
    }

    nlohmann::json readResult(int cycle) {
        for (;;) {
            const auto line = m_daemon->readLine(std::chrono::seconds(60));
            if (!line) {
                std::string tail;
                try {
                    tail = readTextFile(m_work / "daemon.stderr");
                    if (tail.size() > 2000) tail = tail.substr(tail.size() - 2000);
                } catch (...) {
                }
                throw std::runtime_error("cycle " + std::to_string(cycle) + ": no result from the daemon within 60 s" +
                                         (m_daemon->exited() ? " (it exited)" : "") + "; its stderr ends:\n" + tail);
            }
            if (line->starts_with("{")) return nlohmann::json::parse(*line);
        }
    }

    void check(int cycle, Fault fault, const nlohmann::json& r, const Expectation& e) {
        const std::string kind = r.value("result", "");
        const std::string message = r.value("message", "");
        ++m_resultCounts[kind];
        if (m_o.verbose)
            std::cout << "cycle " << cycle << " [" << info(fault).name << "] " << kind << ": " << message << "\n";
        bool ok = kind == e.kind;
        if (e.sequence && r.value("sequence", std::int64_t{-1}) != *e.sequence) ok = false;
        if (e.fragment && message.find(e.fragment) == std::string::npos) ok = false;
        if (!ok)
            problem("cycle " + std::to_string(cycle) + " [" + info(fault).name + "]: expected " + e.kind +
                    (e.sequence ? " sequence " + std::to_string(*e.sequence) : "") +
                    (e.fragment ? " saying \"" + std::string(e.fragment) + "\"" : "") + ", got " + r.dump());
        if (kind == "applied") m_appliedSequence = r.value("sequence", std::int64_t{0});
    }

    // At a sample the terminal has just applied the feed being served: its
    // blob store must hold exactly that feed's blobs, and nothing else may
    // lie around (no temp files, no images or tile packs the demo data do
    // not have).
    void checkStateNeeds(const Sample& s) {
        const auto blobs = m_published.manifest.allBlobs();
        std::uint64_t bytes = 0;
        for (const auto& b : blobs) bytes += b.bytes;
        const auto it = s.state.find("blobs");
        const soak::FolderFigures held = it == s.state.end() ? soak::FolderFigures{} : it->second;
        if (held.files != blobs.size() || held.bytes != bytes)
            problem("cycle " + std::to_string(s.cycle) + ": blob store holds " + std::to_string(held.files) + " files, " +
                    std::to_string(held.bytes) + " bytes; the applied feed needs " + std::to_string(blobs.size()) +
                    " blobs, " + std::to_string(bytes) + " bytes");
        for (const auto& [name, g] : s.state)
            if (name != "blobs" && !name.starts_with("cache.sqlite") && g.files > 0)
                problem("cycle " + std::to_string(s.cycle) + ": unexpected files in the state folder: " + name + " (" +
                        std::to_string(g.files) + ")");
    }

    void checkFlatness() {
        if (m_samples.size() < 2) return problem("fewer than two samples");
        const Sample& base = m_samples.front();
        for (const Sample& s : m_samples) {
            if (s.process.fds > base.process.fds) {
                std::string detail;
                for (const auto& t : s.process.fdTargets) detail += "\n    " + t;
                problem("cycle " + std::to_string(s.cycle) + ": " + std::to_string(s.process.fds) + " open fds, " +
                        std::to_string(base.process.fds) + " at cycle " + std::to_string(base.cycle) + ":" + detail);
            }
        }
        const Sample& end = m_samples.back();
        if (end.process.rssKiB - base.process.rssKiB > m_o.rssToleranceKiB)
            problem("RSS grew from " + std::to_string(base.process.rssKiB) + " KiB at cycle " + std::to_string(base.cycle) +
                    " to " + std::to_string(end.process.rssKiB) + " KiB (tolerance " + std::to_string(m_o.rssToleranceKiB) +
                    " KiB)");
    }

    // The cache after the run: intact, and holding the last feed applied.
    void checkCache() {
        try {
            SQLite::Database db((m_work / "state" / "cache.sqlite").string(), SQLite::OPEN_READWRITE);
            const std::string integrity = db.execAndGet("PRAGMA integrity_check").getString();
            if (integrity != "ok") problem("PRAGMA integrity_check: " + integrity);
            SQLite::Statement fts(db, "SELECT name FROM sqlite_master WHERE type = 'table' AND sql LIKE '%USING fts5%'");
            std::vector<std::string> ftsNames;
            while (fts.executeStep()) ftsNames.push_back(fts.getColumn(0).getString());
            fts.reset();
            for (const auto& t : ftsNames)
                db.exec("INSERT INTO " + t + "(" + t + ") VALUES('integrity-check')"); // throws when broken
            const int ftsTables = static_cast<int>(ftsNames.size());
            auto st = cache::readSyncStatus(db);
            if (!st) return problem("sync state unreadable: " + st.error().message);
            if (st->sequence != m_published.sequence || st->manifestSha != feed::sha256Hex(m_published.manifestText))
                problem("the cache holds sequence " + std::to_string(st->sequence) + ", the last feed published is " +
                        std::to_string(m_published.sequence));
            for (const auto& [collection, content] : m_published.manifest.collections) {
                SQLite::Statement q(db, "SELECT count(*) FROM records WHERE collection = ?");
                q.bind(1, std::string(cache::collectionKey(collection)));
                q.executeStep();
                if (q.getColumn(0).getInt() != content.records)
                    problem(std::string(cache::collectionKey(collection)) + ": " + std::to_string(q.getColumn(0).getInt()) +
                            " records in the cache, " + std::to_string(content.records) + " in the feed");
            }
            SQLite::Statement edited(db, "SELECT props FROM records WHERE collection = 'entities' AND id = ?");
            edited.bind(1, m_published.editedId);
            if (!edited.executeStep() || edited.getColumn(0).getString().find(m_published.editedValue) == std::string::npos)
                problem("entity " + m_published.editedId + " does not carry the last edit (" + m_published.editedValue + ")");
            edited.reset(); // VACUUM INTO below needs no statement in progress
            const int logRows = db.execAndGet("SELECT count(*) FROM import_log").getInt();
            if (logRows > cache::kImportLogRows)
                problem("import_log holds " + std::to_string(logRows) + " rows, more than its cap of " +
                        std::to_string(cache::kImportLogRows));
            // What the cache needs: the live pages of a terminal that synced
            // this feed once, from nothing. After thousands of one-record
            // updates the soak's FTS5 indexes hold more segments (and deletion
            // markers) than a fresh build until SQLite's automerge folds them;
            // that is measured but not data kept. So the comparison is made
            // on a copy whose FTS5 indexes are optimised (merged into one
            // segment): it may exceed the fresh cache by its import_log
            // (capped, under 128 KiB) and by b-tree pages less full after
            // updates (10%); anything beyond is data kept that should not be.
            // The file sizes are the high-water mark of the largest
            // transaction (a switch between data sets holds both in one),
            // reported with each sample.
            const fs::path fresh = m_work / "fresh", merged = m_work / "merged";
            fs::create_directories(fresh);
            fs::create_directories(merged);
            testsupport::runOrThrow({m_o.syncExe.string(), "sync", "--once", "--cache", (fresh / "cache.sqlite").string(),
                                     "--feed", m_server.feedUrl(), "--key", m_publisher.publicKey().string(), "--ca",
                                     m_pki.caCert().string()});
            SQLite::Database ref((fresh / "cache.sqlite").string(), SQLite::OPEN_READONLY);
            m_liveBytes = liveBytes(db);
            m_freshBytes = liveBytes(ref);
            db.exec("VACUUM INTO '" + (merged / "cache.sqlite").string() + "'");
            SQLite::Database copy((merged / "cache.sqlite").string(), SQLite::OPEN_READWRITE);
            for (const auto& t : ftsNames) copy.exec("INSERT INTO " + t + "(" + t + ") VALUES('optimize')");
            m_mergedBytes = liveBytes(copy);
            if (static_cast<double>(m_mergedBytes) > 1.10 * static_cast<double>(m_freshBytes) + 128 * 1024)
                problem("the cache's live pages take " + std::to_string(m_mergedBytes) +
                        " bytes with its FTS5 indexes merged; a fresh sync of the same feed needs " +
                        std::to_string(m_freshBytes) + " (allowed: 10% + 128 KiB more)");
            m_cacheSummary = "integrity_check ok, " + std::to_string(ftsTables) + " FTS5 tables ok, sequence " +
                             std::to_string(st->sequence) + " (the last published), records per collection as in its manifest";
        } catch (const std::exception& e) {
            problem(std::string("checking the cache: ") + e.what());
        }
    }

    static std::uint64_t liveBytes(SQLite::Database& db) {
        const std::int64_t pages = db.execAndGet("PRAGMA page_count").getInt64();
        const std::int64_t free = db.execAndGet("PRAGMA freelist_count").getInt64();
        return static_cast<std::uint64_t>((pages - free) * db.execAndGet("PRAGMA page_size").getInt64());
    }

    void report(double seconds) {
        std::cout << "\n" << m_o.cycles << " cycles in " << static_cast<long>(seconds) << " s ("
                  << static_cast<int>(1000.0 * seconds / m_o.cycles) << " ms per cycle); " << m_history.back().sequence
                  << " feeds published, " << m_publisher.switches() << " source switches (sizes";
        for (int n : m_o.sizes) std::cout << " " << n;
        std::cout << " entities)\nfaults:";
        for (const auto& [name, n] : m_faultCounts) std::cout << " " << name << " " << n << ";";
        std::cout << "\nresults:";
        for (const auto& [name, n] : m_resultCounts) std::cout << " " << name << " " << n << ";";
        std::cout << "\n" << m_spontaneous << " backoff retries by the daemon itself; " << m_disturbed
                  << " cycle(s) not checked against the plan because one came first\n";
        if (m_samples.size() >= 2) {
            const Sample &a = m_samples.front(), &b = m_samples.back();
            std::cout << "fds: " << a.process.fds << " at cycle " << a.cycle << ", " << b.process.fds << " at cycle "
                      << b.cycle << "\nRSS: " << a.process.rssKiB << " KiB -> " << b.process.rssKiB << " KiB ("
                      << (b.process.rssKiB - a.process.rssKiB) << " KiB; tolerance " << m_o.rssToleranceKiB
                      << " KiB)\nstate folder: " << soak::total(a.state).files << " files " << soak::total(a.state).bytes
                      << " bytes -> " << soak::total(b.state).files << " files " << soak::total(b.state).bytes
                      << " bytes (blobs: exactly the applied feed's at every sample; cache files " << cacheBytes(a)
                      << " -> " << cacheBytes(b) << " bytes, a high-water mark)\n";
        }
        if (!m_cacheSummary.empty())
            std::cout << "cache: " << m_cacheSummary << "; live pages " << m_liveBytes << " bytes (" << m_mergedBytes
                      << " with FTS5 merged), a fresh sync of the same feed " << m_freshBytes << " bytes\n";
        if (m_problems.empty()) std::cout << "PASS: flat after the warm-up, every cycle as expected\n";
        else {
            std::cout << "FAIL: " << m_problems.size() << " problem(s)\n";
            for (std::size_t i = 0; i < m_problems.size() && i < 20; ++i) std::cout << "  " << m_problems[i] << "\n";
        }
    }

    void problem(std::string text) {
        if (m_o.verbose) std::cout << "PROBLEM: " << text << "\n";
        m_problems.push_back(std::move(text));
    }

    const Options& m_o;
    fs::path m_work, m_request;
    testsupport::TestPki m_pki;
    Publisher m_publisher;
    Server m_server;
    std::mt19937_64 m_rng;
    std::unique_ptr<soak::Daemon> m_daemon;
    Published m_published;
    std::deque<Published> m_history;
    std::time_t m_rollbackTimeBase = ::time(nullptr) - 1000000; // rollback manifests: dates of their own
    std::time_t m_rollbacks = 0;
    std::int64_t m_appliedSequence = 0;
    std::time_t m_touchBase = 0;
    std::map<std::string, int> m_faultCounts, m_resultCounts;
    int m_spontaneous = 0, m_disturbed = 0;
    std::vector<Sample> m_samples;
    std::vector<std::string> m_problems;
    std::string m_cacheSummary;
    std::uint64_t m_liveBytes = 0, m_mergedBytes = 0, m_freshBytes = 0;
};

} // namespace

int main(int argc, char** argv) {
    const auto options = parseOptions(argc, argv);
    if (!options) return 2;
    try {
        std::optional<testsupport::TempDir> temp;
        fs::path work;
        if (options->work) {
            work = *options->work;
            fs::create_directories(work);
        } else {
            temp.emplace("pestor-sync-soak");
            work = temp->path();
        }
        std::cout << "pestor-sync-soak: " << options->cycles << " cycles, seed " << options->seed << ", work folder "
                  << work.string() << (options->work || options->keep ? " (kept)" : "") << std::endl;
        int rc = 0;
        {
            Soak soak(*options, work);
            rc = soak.run();
        }
        if (options->keep && temp) {
            // TempDir removes its folder: keep a copy where the user can find it.
            const fs::path kept = fs::temp_directory_path() / ("pestor-sync-soak-kept-" + std::to_string(::getpid()));
            fs::copy(work, kept, fs::copy_options::recursive);
            std::cout << "work folder copied to " << kept.string() << "\n";
        }
        return rc;
    } catch (const std::exception& e) {
        std::cerr << "pestor-sync-soak: " << e.what() << "\n";
        return 2;
    }
}
