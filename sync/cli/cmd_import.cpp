#include <iostream>
#include <nlohmann/json.hpp>

#include "args.hpp"
#include "json_line.hpp"
#include "cache/cache_db.hpp"
#include "commands.hpp"
#include "feed/importer.hpp"

namespace cli {

int runImport(int argc, char** argv) {
    std::string error;
    auto args = parseArgs(argc, argv, 2, {"cache", "collection"}, {"strict"}, error);
    if (!args || !args->option("cache") || args->positional.empty()) {
        std::cerr << "pestor-sync import: " << (error.empty() ? "usage" : error) << "\n"
                  << "usage: pestor-sync import --cache PATH [--collection NAME] [--strict] FILE.geojson...\n";
        return 2;
    }
    feed::ImportOptions options;
    options.strict = args->flag("strict");
    if (auto c = args->option("collection")) {
        options.collection = cache::parseCollection(*c);
        if (!options.collection) {
            std::cerr << "pestor-sync import: unknown collection '" << *c << "'\n";
            return 2;
        }
    }
    auto db = cache::openCacheForWriting(*args->option("cache"));
    if (!db) {
        std::cerr << "pestor-sync import: " << db.error().message << "\n";
        return 2;
    }
    int exit = 0;
    for (const std::string& file : args->positional) {
        auto report = feed::importGeoJsonFile(**db, file, options);
        nlohmann::json line = {{"file", file}};
        if (!report) {
            line["ok"] = false;
            line["error"] = report.error().message;
            std::cerr << "rejected: " << report.error().message << " (the cache is unchanged)\n";
            std::cout << jsonLine(line) << "\n";
            exit = 2;
            continue;
        }
        const auto& s = report->stats;
        line["ok"] = true;
        line["collection"] = cache::collectionKey(report->collection);
        line["added"] = s.added;
        line["updated"] = s.updated;
        line["unchanged"] = s.unchanged;
        line["removed"] = s.removed;
        line["rejected"] = s.rejected;
        line["kept_previous"] = s.keptOld;
        line["problems"] = report->problems;
        for (const auto& p : report->problems) std::cerr << "bad record: " << p << "\n";
        std::cout << jsonLine(line) << "\n";
        if (!report->problems.empty() && exit == 0) exit = 1;
    }
    return exit;
}

} // namespace cli
