#include "geojson_reader.hpp"

#include <fstream>
#include <sstream>

namespace feed {

using cache::makeError;
using nlohmann::json;

cache::Result<FeatureCollectionFile> parseFeatureCollection(std::string_view text, std::string_view name) {
    json doc;
    try {
        doc = json::parse(text);
    } catch (const json::exception& e) { // parse_error, or out_of_range for numbers like 2e932
        return makeError(std::string(name) + ": not valid JSON (" + e.what() + ")");
    }
    if (!doc.is_object() || !doc.contains("type") || doc["type"] != "FeatureCollection")
        return makeError(std::string(name) + ": not a GeoJSON FeatureCollection (top-level \"type\" must be \"FeatureCollection\")");
    if (!doc.contains("features") || !doc["features"].is_array())
        return makeError(std::string(name) + ": FeatureCollection has no \"features\" array");
    if (doc.contains("crs") && doc["crs"].is_object()) {
        // RFC 7946 removed "crs"; ogr2ogr still writes CRS84 (= WGS84 lon/lat). Anything else is a projection we do not read.
        const json* crsName = nullptr;
        if (auto p = doc["crs"].find("properties"); p != doc["crs"].end() && p->is_object())
            if (auto n = p->find("name"); n != p->end()) crsName = &*n;
        if (crsName) {
            const std::string crs = crsName->is_string() ? crsName->get<std::string>() : crsName->dump();
            if (crs.find("CRS84") == std::string::npos && crs.find("4326") == std::string::npos)
                return makeError(std::string(name) + ": coordinates are in " + crs + "; export as WGS 84 (EPSG:4326)");
        }
    }

    FeatureCollectionFile out;
    if (auto it = doc.find("collection"); it != doc.end()) {
        if (!it->is_string()) return makeError(std::string(name) + ": \"collection\" must be text");
        out.declaredCollection = cache::parseCollection(it->get<std::string>());
        if (!out.declaredCollection)
            return makeError(std::string(name) + ": unknown collection \"" + it->get<std::string>() + "\"");
    }
    int index = 0;
    for (json& f : doc["features"]) {
        ++index;
        // Compared as JSON, never converted: a non-string "type" must not throw.
        if (!f.is_object() || !f.contains("type") || f["type"] != "Feature") {
            out.envelopeIssues.push_back("feature #" + std::to_string(index) + ": not a GeoJSON Feature");
            continue;
        }
        RawFeature raw;
        raw.index = index;
        if (auto id = f.find("id"); id != f.end()) {
            if (id->is_string()) raw.featureId = id->get<std::string>();
            else if (id->is_number_integer()) raw.featureId = std::to_string(id->get<std::int64_t>());
        }
        raw.properties = f.contains("properties") ? std::move(f["properties"]) : json(nullptr);
        raw.geometry = f.contains("geometry") ? std::move(f["geometry"]) : json(nullptr);
        out.features.push_back(std::move(raw));
    }
    return out;
}

cache::Result<FeatureCollectionFile> readFeatureCollectionFile(const std::filesystem::path& path) {
    std::ifstream in(path, std::ios::binary);
    if (!in) return makeError(path.string() + ": cannot open");
    std::ostringstream ss;
    ss << in.rdbuf();
    if (in.bad()) return makeError(path.string() + ": read error");
    return parseFeatureCollection(ss.str(), path.string());
}

std::optional<cache::Collection> collectionOfFile(const FeatureCollectionFile& file,
                                                  const std::filesystem::path& path) {
    if (file.declaredCollection) return file.declaredCollection;
    return cache::parseCollection(path.stem().string());
}

} // namespace feed
