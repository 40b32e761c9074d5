// pestor-sync sync: fetch the signed feed and apply it, once or as a daemon.
#include <algorithm>
#include <chrono>
#include <fstream>
#include <iostream>
#include <nlohmann/json.hpp>
#include <random>
#include <sstream>

#include "args.hpp"
#include "json_line.hpp"
#include "cache/cache_db.hpp"
#include "client/sync_once.hpp"
#include "commands.hpp"
#include "daemon_wait.hpp"
#include "net/backoff.hpp"

namespace cli {
namespace {

std::int64_t nowUnix() {
    return std::chrono::duration_cast<std::chrono::seconds>(std::chrono::system_clock::now().time_since_epoch()).count();
}

std::optional<std::string> readFile(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    if (!in) return std::nullopt;
    std::ostringstream ss;
    ss << in.rdbuf();
    return ss.str();
}

const char* kindName(syncclient::SyncResultKind k) {
    switch (k) {
    case syncclient::SyncResultKind::Unchanged: return "unchanged";
    case syncclient::SyncResultKind::Applied: return "applied";
    default: return "failed";
    }
}

// `trigger` says why a daemon's sync ran: "start", "interval", "retry"
// (after a failure's backoff) or "request" (the kiosk's "sync now"); empty
// for --once.
void report(const syncclient::SyncResult& r, const char* trigger = "") {
    nlohmann::json line = {{"result", kindName(r.kind)}, {"message", r.message},     {"sequence", r.sequence},
                           {"bytes", r.bytes},           {"requests", r.requests},  {"blobs_fetched", r.blobsFetched},
                           {"stale", r.stale}};
    if (*trigger) line["trigger"] = trigger;
    if (r.retryAfterSeconds) line["retry_after"] = *r.retryAfterSeconds;
    if (!r.imagesRefused.empty()) line["images_refused"] = r.imagesRefused;
    std::cout << jsonLine(line) << std::endl;
    if (r.kind == syncclient::SyncResultKind::Failed) std::cerr << "pestor-sync: " << r.message << "\n";
    for (const auto& refused : r.imagesRefused) std::cerr << "pestor-sync: warning: " << refused << "\n";
}

} // namespace

int runSync(int argc, char** argv) {
    std::string error;
    auto args = parseArgs(argc, argv, 2,
                          {"cache", "feed", "key", "state-dir", "ca", "pin", "interval", "jitter", "request-file"},
                          {"once", "allow-file"}, error);
    if (!args || !args->option("cache") || !args->option("feed") || args->all("key").empty() ||
        !args->positional.empty()) {
        std::cerr << "pestor-sync sync: " << (error.empty() ? "usage" : error) << "\n"
                  << "usage: pestor-sync sync --cache PATH --feed URL --key FILE.pub [--key FILE2.pub]\n"
                  << "                        [--state-dir DIR] [--ca FILE] [--pin sha256//...] [--allow-file]\n"
                  << "                        [--once | --interval SECONDS [--jitter SECONDS] [--request-file PATH]]\n";
        return 2;
    }
    syncclient::SyncConfig cfg;
    cfg.feedUrl = *args->option("feed");
    while (!cfg.feedUrl.empty() && cfg.feedUrl.back() == '/') cfg.feedUrl.pop_back();
    for (const std::string& keyPath : args->all("key")) {
        const auto text = readFile(keyPath);
        if (!text) {
            std::cerr << "pestor-sync sync: cannot read public key " << keyPath << "\n";
            return 2;
        }
        auto key = feed::parsePublicKey(*text);
        if (!key) {
            std::cerr << "pestor-sync sync: " << keyPath << ": " << key.error().message << "\n";
            return 2;
        }
        cfg.pinnedKeys.push_back(*key);
    }
    cfg.http.caBundle = args->option("ca").value_or("");
    cfg.http.pinnedPublicKey = args->option("pin").value_or("");
    cfg.http.allowFileUrls = args->flag("allow-file");
    const std::filesystem::path cachePath = *args->option("cache");
    cfg.stateDir = args->option("state-dir").value_or(cachePath.parent_path().empty() ? "." : cachePath.parent_path().string());

    auto db = cache::openCacheForWriting(cachePath);
    if (!db) {
        std::cerr << "pestor-sync sync: " << db.error().message << "\n";
        return 2;
    }
    net::HttpClient http(cfg.http);

    if (args->flag("once") || !args->option("interval")) {
        const auto r = syncclient::syncOnce(cfg, **db, http, nowUnix());
        report(r);
        return r.kind == syncclient::SyncResultKind::Failed ? 1 : 0;
    }

    // Daemon: every interval plus a per-terminal jitter (so hundreds of
    // terminals do not hit the server in the same second), backing off with
    // full jitter after failures and honouring Retry-After.
    const long interval = std::stol(*args->option("interval"));
    const long jitter = std::stol(args->option("jitter").value_or("0"));
    if (interval < 10 || jitter < 0) {
        std::cerr << "pestor-sync sync: --interval must be at least 10 s and --jitter not negative\n";
        return 2;
    }
    installStopSignals();
    std::random_device rd;
    std::mt19937_64 rng(rd());
    net::Backoff backoff(std::chrono::seconds(15), std::chrono::seconds(interval * 4), rd());
    RequestWatch requests(args->option("request-file").value_or(""));
    const char* trigger = "start";
    while (!stopRequested()) {
        if (requests.attemptStarting()) trigger = "request";
        const auto r = syncclient::syncOnce(cfg, **db, http, nowUnix());
        report(r, trigger);
        std::chrono::milliseconds wait;
        if (r.kind == syncclient::SyncResultKind::Failed) {
            wait = backoff.nextDelay(r.retryAfterSeconds);
        } else {
            backoff.reset();
            std::uniform_int_distribution<long> j(0, jitter * 1000);
            wait = std::chrono::milliseconds(interval * 1000 + j(rng));
        }
        // The server's Retry-After outranks a request from the terminal; the
        // rest of the backoff (which may be longer) does not.
        if (r.retryAfterSeconds) {
            const auto hold = std::min(wait, std::chrono::milliseconds(std::chrono::seconds(*r.retryAfterSeconds)));
            requests.sleepFor(hold, false);
            wait -= hold;
        }
        requests.sleepFor(wait, true);
        trigger = r.kind == syncclient::SyncResultKind::Failed ? "retry" : "interval";
    }
    return 0;
}

} // namespace cli
