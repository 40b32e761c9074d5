#pragma once
// Reading a GeoJSON FeatureCollection (RFC 7946) as QGIS and ogr2ogr write
// it. The envelope is checked here; each Feature's record is validated by
// cache::decodeRecord.
#include <filesystem>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <vector>

#include "cache/collection.hpp"
#include "cache/result.hpp"

namespace feed {

struct RawFeature {
    int index = 0;          // position in the file, for messages
    std::string featureId;  // Feature.id as text ("" when absent)
    nlohmann::json properties;
    nlohmann::json geometry;
};

struct FeatureCollectionFile {
    std::optional<cache::Collection> declaredCollection; // top-level "collection" member
    std::vector<RawFeature> features;
    std::vector<std::string> envelopeIssues; // features that are not Features at all
};

// Rejects the whole input (with a message naming the file and the problem)
// when it is not JSON or not a FeatureCollection.
cache::Result<FeatureCollectionFile> parseFeatureCollection(std::string_view text, std::string_view name);
cache::Result<FeatureCollectionFile> readFeatureCollectionFile(const std::filesystem::path& path);

// The collection a file holds: the "collection" member, else the file name
// ("entities.geojson", "support_points.json").
std::optional<cache::Collection> collectionOfFile(const FeatureCollectionFile& file,
                                                  const std::filesystem::path& path);

} // namespace feed
