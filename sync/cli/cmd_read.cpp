// The cache reader: search, show and status print JSON lines for admins and
// scripts. They open the cache read-only, as the kiosk does.
#include <chrono>
#include <iostream>
#include <nlohmann/json.hpp>

#include "args.hpp"
#include "json_line.hpp"
#include "cache/cache_db.hpp"
#include "cache/catalog.hpp"
#include "cache/record_codec.hpp"
#include "cache/schema.hpp"
#include "cache/searcher.hpp"
#include "cache/sync_state.hpp"
#include "commands.hpp"

namespace cli {
namespace {

std::optional<cache::Lang> parseLang(const std::string& s) {
    if (s == "pl") return cache::Lang::Pl;
    if (s == "en") return cache::Lang::En;
    if (s == "uk") return cache::Lang::Uk;
    return std::nullopt;
}

std::unique_ptr<SQLite::Database> openOrReport(const Args& args, const char* cmd) {
    auto db = cache::openCacheReadOnly(*args.option("cache"));
    if (!db) {
        std::cerr << "pestor-sync " << cmd << ": " << db.error().message << "\n";
        return nullptr;
    }
    return std::move(db).value();
}

} // namespace

int runSearch(int argc, char** argv) {
    std::string error;
    auto args = parseArgs(argc, argv, 2, {"cache", "lang"}, {}, error);
    if (!args || !args->option("cache") || args->positional.empty()) {
        std::cerr << "pestor-sync search: " << (error.empty() ? "usage" : error) << "\n"
                  << "usage: pestor-sync search --cache PATH [--lang pl|en|uk] TEXT...\n";
        return 2;
    }
    const auto lang = parseLang(args->option("lang").value_or("pl"));
    if (!lang) {
        std::cerr << "pestor-sync search: --lang must be pl, en or uk\n";
        return 2;
    }
    std::string text;
    for (const auto& w : args->positional) text += (text.empty() ? "" : " ") + w;
    auto db = openOrReport(*args, "search");
    if (!db) return 2;
    auto catalog = cache::Catalog::load(*db);
    if (!catalog) {
        std::cerr << "pestor-sync search: " << catalog.error().message << "\n";
        return 2;
    }
    cache::Searcher searcher(*db);
    auto results = searcher.search(text);
    if (!results) {
        std::cerr << "pestor-sync search: " << results.error().message << "\n";
        return 2;
    }
    for (const auto& group : results->groups)
        for (const auto& hit : group.hits) {
            const cache::Record* r = (*catalog)->find(hit.collection, hit.id);
            nlohmann::json line = {{"collection", cache::collectionKey(hit.collection)},
                                   {"id", hit.id},
                                   {"title", r ? r->title(*lang) : std::string()},
                                   {"rank", hit.rank}};
            std::cout << jsonLine(line) << "\n";
        }
    return 0;
}

int runShow(int argc, char** argv) {
    std::string error;
    auto args = parseArgs(argc, argv, 2, {"cache"}, {}, error);
    if (!args || !args->option("cache") || args->positional.size() != 2) {
        std::cerr << "pestor-sync show: " << (error.empty() ? "usage" : error) << "\n"
                  << "usage: pestor-sync show --cache PATH COLLECTION ID\n";
        return 2;
    }
    const auto collection = cache::parseCollection(args->positional[0]);
    if (!collection) {
        std::cerr << "pestor-sync show: unknown collection '" << args->positional[0] << "'\n";
        return 2;
    }
    auto db = openOrReport(*args, "show");
    if (!db) return 2;
    auto catalog = cache::Catalog::load(*db);
    if (!catalog) {
        std::cerr << "pestor-sync show: " << catalog.error().message << "\n";
        return 2;
    }
    const cache::Record* r = (*catalog)->find(*collection, args->positional[1]);
    if (!r) {
        std::cerr << "pestor-sync show: no " << args->positional[0] << " record with id '"
                  << args->positional[1] << "'\n";
        return 1;
    }
    nlohmann::json line = {{"collection", args->positional[0]}, {"properties", cache::encodeRecordProperties(*r)}};
    if (r->point) line["geometry"] = {{"type", "Point"}, {"coordinates", {r->point->lon, r->point->lat}}};
    else if (!r->geometryJson.empty()) line["geometry"] = nlohmann::json::parse(r->geometryJson);
    else line["geometry"] = nullptr;
    std::cout << jsonLine(line) << "\n";
    return 0;
}

int runStatus(int argc, char** argv) {
    std::string error;
    auto args = parseArgs(argc, argv, 2, {"cache"}, {}, error);
    if (!args || !args->option("cache")) {
        std::cerr << "pestor-sync status: " << (error.empty() ? "usage" : error) << "\n"
                  << "usage: pestor-sync status --cache PATH\n";
        return 2;
    }
    auto db = openOrReport(*args, "status");
    if (!db) return 2;
    auto catalog = cache::Catalog::load(*db);
    if (!catalog) {
        std::cerr << "pestor-sync status: " << catalog.error().message << "\n";
        return 2;
    }
    nlohmann::json counts = nlohmann::json::object();
    for (auto c : cache::kAllCollections) counts[std::string(cache::collectionKey(c))] = (*catalog)->size(c);
    nlohmann::json line = {{"schema_version", cache::schemaVersion(*db)},
                           {"records", counts},
                           {"newest_update", (*catalog)->newestUpdate()},
                           {"unreadable_records", (*catalog)->skippedRecords()}};
    if (auto st = cache::readSyncStatus(*db)) {
        const auto now = std::chrono::duration_cast<std::chrono::seconds>(
                             std::chrono::system_clock::now().time_since_epoch()).count();
        line["sync"] = {{"feed_url", st->feedUrl},       {"feed_sequence", st->sequence},
                        {"generated_at", st->generatedAt}, {"expires_at", st->expiresAt},
                        {"stale", st->staleAt(now)},      {"last_attempt", st->lastAttempt},
                        {"last_success", st->lastSuccess}, {"last_error", st->lastError},
                        {"tiles_pack", st->tilesPack}};
    }
    std::cout << jsonLine(line) << "\n";
    return 0;
}

} // namespace cli
