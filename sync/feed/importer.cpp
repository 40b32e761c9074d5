#include "importer.hpp"

#include <set>

#include "cache/field_decode.hpp"
#include "cache/record_codec.hpp"
#include "geojson_reader.hpp"

namespace feed {

using cache::makeError;

cache::Result<ImportReport> importGeoJsonFile(SQLite::Database& db, const std::filesystem::path& path,
                                              const ImportOptions& options) {
    auto file = readFeatureCollectionFile(path);
    if (!file) return file.error();
    const auto collection = options.collection ? options.collection : collectionOfFile(*file, path);
    if (!collection)
        return makeError(path.string() + ": cannot tell which collection this is; name the file after it "
                                         "(entities.geojson) or add \"collection\": \"entities\"");

    ImportReport report;
    report.collection = *collection;
    report.problems = file->envelopeIssues;
    std::vector<cache::Record> good;
    std::set<std::string> seen;
    std::set<std::string> badIds;
    const std::string prefix(cache::collectionKey(*collection));

    for (const RawFeature& f : file->features) {
        auto rec = cache::decodeRecord(*collection, f.properties, f.geometry, f.featureId);
        if (!rec) {
            report.problems.push_back(rec.error().message + " (feature #" + std::to_string(f.index) + ")");
            // Remember the id so its previous good version is kept.
            if (const std::string id = cache::recordIdOf(f.properties, f.featureId); cache::isValidRecordId(id))
                badIds.insert(id);
            continue;
        }
        if (!seen.insert(rec->id).second) {
            report.problems.push_back(prefix + "/" + rec->id + ": id: duplicate in this file (feature #" +
                                      std::to_string(f.index) + "), the first one is kept");
            continue;
        }
        good.push_back(std::move(rec).value());
    }
    const int rejected = static_cast<int>(report.problems.size());
    if (options.strict && rejected > 0)
        return makeError(path.string() + ": " + std::to_string(rejected) +
                         " invalid record(s), nothing imported (strict mode); first: " + report.problems.front());
    for (const auto& id : seen) badIds.erase(id); // a valid duplicate wins over an invalid one

    auto stats = cache::replaceCollection(db, *collection, good, badIds, rejected, path.filename().string());
    if (!stats) return stats.error();
    report.stats = *stats;
    return report;
}

} // namespace feed
